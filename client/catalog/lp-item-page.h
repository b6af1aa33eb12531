/* lp-item-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-data-objects.h"
#include "lp-page.h"

G_BEGIN_DECLS

/*
 * One item: its details (bound to :item in lp-item-page.ui), a warning when its
 * condition or status needs one, and the units free on each of the next
 * LP_ITEM_PAGE_DAYS days. The desk also sees its condition history (newest first, each
 * event opening its loan) and marks a damaged item repaired with a note. Follows the
 * item's changes on the server.
 */

#define LP_ITEM_PAGE_DAYS 28

#define LP_TYPE_ITEM_PAGE (lp_item_page_get_type ())

G_DECLARE_FINAL_TYPE (LpItemPage, lp_item_page, LP, ITEM_PAGE, LpPage)

/* Shows the item @item_id (:item is NULL until it arrives). */
void          lp_item_page_load              (LpItemPage  *self,
                                              const char  *item_id);
/* Returns: (nullable): the id of the item shown or loading */
const char   *lp_item_page_get_item_id       (LpItemPage  *self);

G_END_DECLS
