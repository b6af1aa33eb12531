/* lp-dashboard-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-page.h"

G_BEGIN_DECLS

/*
 * "Dashboard", the first page staff and admins see: how many loan requests wait for a
 * decision, loans are due back today, loans are overdue, complaints wait, and items are
 * in maintenance — each a big number that opens the list it counts. The numbers are
 * the server's totals, counted again when the event stream says a loan, complaint or
 * item changed.
 */

#define LP_TYPE_DASHBOARD_PAGE (lp_dashboard_page_get_type ())

G_DECLARE_FINAL_TYPE (LpDashboardPage, lp_dashboard_page, LP, DASHBOARD_PAGE, LpPage)

G_END_DECLS
