/* lp-my-loan-row.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-data-objects.h"

G_BEGIN_DECLS

/* One of a member's loans, bound to its :loan in lp-my-loan-row.ui: the item and
 * quantity, the code and dates, the status as a pill, and "Cancel Request" while it is
 * pending (the action "my-loans.cancel" with the loan's id). */

#define LP_TYPE_MY_LOAN_ROW (lp_my_loan_row_get_type ())

G_DECLARE_FINAL_TYPE (LpMyLoanRow, lp_my_loan_row, LP, MY_LOAN_ROW, AdwBin)

G_END_DECLS
