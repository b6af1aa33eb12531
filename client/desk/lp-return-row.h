/* lp-return-row.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-data-objects.h"

G_BEGIN_DECLS

/* One recorded return in the return history, bound to its :return in lp-return-row.ui:
 * the item, the member and the loan code, when it came back, and its condition (in
 * colour) with the damage described. Shows "Loading…" for a placeholder. */

#define LP_TYPE_RETURN_ROW (lp_return_row_get_type ())

G_DECLARE_FINAL_TYPE (LpReturnRow, lp_return_row, LP, RETURN_ROW, AdwBin)

G_END_DECLS
