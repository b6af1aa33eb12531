/* lp-complaint-row.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-data-objects.h"
#include "lp-enums.h"

G_BEGIN_DECLS

/* One complaint in a list, bound to its :complaint in lp-complaint-row.ui: the title,
 * who filed it, where or about which item, how long ago, and its status as a coloured
 * pill. Shows "Loading…" for a placeholder. */

#define LP_TYPE_COMPLAINT_ROW (lp_complaint_row_get_type ())

G_DECLARE_FINAL_TYPE (LpComplaintRow, lp_complaint_row, LP, COMPLAINT_ROW, AdwBin)

/* "Filed today" / "Filed 3 days ago": how long a complaint has waited, for lists.
 * Returns: (transfer full) */
char *lp_complaint_row_age_text (GDateTime *created_at);

/* The CSS classes of a status pill of @status. Returns: (transfer full) */
GStrv lp_complaint_row_status_classes (LpComplaintStatus status);

G_END_DECLS
