/* lp-property-row.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * One "label: value" line of a details list (an item's code, a loan's due date): the
 * title is the label, :value the text beside it, selectable so it can be copied. The
 * row hides itself while :value is empty, so a page binds every field and shows only
 * those an object has.
 */

#define LP_TYPE_PROPERTY_ROW (lp_property_row_get_type ())

G_DECLARE_FINAL_TYPE (LpPropertyRow, lp_property_row, LP, PROPERTY_ROW, AdwActionRow)

const char *lp_property_row_get_value (LpPropertyRow *self);
void        lp_property_row_set_value (LpPropertyRow *self,
                                       const char    *value);

G_END_DECLS
