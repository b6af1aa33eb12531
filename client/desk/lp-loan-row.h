/* lp-loan-row.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-data-objects.h"

G_BEGIN_DECLS

/* One loan in a desk list, bound to its :loan in lp-loan-row.ui: the item and quantity,
 * the member, the dates and the purpose. Shows "Loading…" for a placeholder. */

#define LP_TYPE_LOAN_ROW (lp_loan_row_get_type ())

G_DECLARE_FINAL_TYPE (LpLoanRow, lp_loan_row, LP, LOAN_ROW, AdwBin)

G_END_DECLS
