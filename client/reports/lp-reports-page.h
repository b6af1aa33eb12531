/* lp-reports-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-page.h"

G_BEGIN_DECLS

/*
 * "Reports", for admins: for a period (from, to), three sections — loans (counts per
 * status, loans per day as a chart, every loan), complaints (counts per status, the
 * complaints, filtered by status) and asset health (damage per category and per month
 * as charts, recommendations with their reasons, damaged items, the top 10 most often
 * damaged, lost items with their last borrower, the maintenance history). Export: the
 * section shown as the server's CSV, the whole report as a PDF or printed.
 *
 * Actions: reports.refresh; reports.export-csv and reports.export-pdf take a path ("" asks
 * with a save dialog); reports.print.
 */

#define LP_TYPE_REPORTS_PAGE (lp_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (LpReportsPage, lp_reports_page, LP, REPORTS_PAGE, LpPage)

G_END_DECLS
