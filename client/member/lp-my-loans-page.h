/* lp-my-loans-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-page.h"

G_BEGIN_DECLS

/*
 * "My Loans": a member's own loans (the server gives a member no others), newest first,
 * filtered by status, live as the library decides. A pending request can be cancelled;
 * a row opens the loan's page. Other roles have no list here.
 */

#define LP_TYPE_MY_LOANS_PAGE (lp_my_loans_page_get_type ())

G_DECLARE_FINAL_TYPE (LpMyLoansPage, lp_my_loans_page, LP, MY_LOANS_PAGE, LpPage)

G_END_DECLS
