/* lp-loans-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-page.h"

G_BEGIN_DECLS

/*
 * "Loans", for staff and admins: the loans to hand over (approved), borrowed, overdue
 * (the earliest due first) or all of them, searched by code or member, kept current by
 * the event stream. On the selected loan: Hand Over and Cancel (an approved loan nobody
 * collected); Enter opens its loan page. :count is the number of overdue loans, for the
 * navigation's badge. lp_page_open (page, "overdue") opens it on a filter: "approved",
 * "borrowed", "overdue" or "all".
 */

#define LP_TYPE_LOANS_PAGE (lp_loans_page_get_type ())

G_DECLARE_FINAL_TYPE (LpLoansPage, lp_loans_page, LP, LOANS_PAGE, LpPage)

G_END_DECLS
