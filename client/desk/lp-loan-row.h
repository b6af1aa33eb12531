/* lp-loan-row.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-data-objects.h"
#include "lp-enums.h"

G_BEGIN_DECLS

/* One loan in a desk list, bound to its :loan in lp-loan-row.ui: the item and quantity,
 * the member, the dates and the purpose; with :show-status also its status (an overdue
 * one in red, with the days late and the fine). Shows "Loading…" for a placeholder. */

#define LP_TYPE_LOAN_ROW (lp_loan_row_get_type ())

G_DECLARE_FINAL_TYPE (LpLoanRow, lp_loan_row, LP, LOAN_ROW, AdwBin)

/* A loan's status as the desk says it: "Approved — to hand over", "Overdue · 3 days
 * late", with " · Fine: Rp 3.000" when there is one. */
char *lp_loan_status_text (LpLoanStatus  status,
                           const GDate  *due_date,
                           gint64        fine);

G_END_DECLS
