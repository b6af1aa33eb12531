/* lp-item-filter.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-api-client.h"

G_BEGIN_DECLS

/*
 * A list's "which item" filter: a search entry where the desk types an item code (any
 * case) or enough of a name to name one item, looked up in the catalog as it is typed.
 * Below it, the item found, or why none is. :item-id is the item found (NULL while the
 * entry is empty or names none), :busy TRUE while the catalog is asked, :problem says why
 * the text names no item (NULL otherwise). A list applies the filter once :busy is FALSE
 * and shows :problem instead of rows while it is set.
 */

#define LP_TYPE_ITEM_FILTER (lp_item_filter_get_type ())

G_DECLARE_FINAL_TYPE (LpItemFilter, lp_item_filter, LP, ITEM_FILTER, AdwBin)

void        lp_item_filter_set_client  (LpItemFilter *self,
                                        LpApiClient  *client);
const char *lp_item_filter_get_item_id (LpItemFilter *self);
gboolean    lp_item_filter_get_busy    (LpItemFilter *self);
const char *lp_item_filter_get_problem (LpItemFilter *self);
/* Empties the entry: no item filter. */
void        lp_item_filter_clear       (LpItemFilter *self);
/* Whether anything is typed. */
gboolean    lp_item_filter_get_active  (LpItemFilter *self);

G_END_DECLS
