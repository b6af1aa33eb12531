/* lp-item-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-api-client.h"

G_BEGIN_DECLS

/*
 * One item: its details, a warning when its condition or status needs one, and the
 * units free on each of the next LP_ITEM_PAGE_DAYS days.
 */

#define LP_ITEM_PAGE_DAYS 28

#define LP_TYPE_ITEM_PAGE (lp_item_page_get_type ())

G_DECLARE_FINAL_TYPE (LpItemPage, lp_item_page, LP, ITEM_PAGE, AdwBin)

void          lp_item_page_set_client        (LpItemPage  *self,
                                              LpApiClient *client);
void          lp_item_page_load              (LpItemPage  *self,
                                              const char  *item_id);

/* For tests: "loading", "content" or "error"; the item shown; the warning text (NULL
 * without one); the availability shown (NULL until it arrived). */
/* Fetches the item shown again (it changed on the server), without the loading page. */
void          lp_item_page_refresh           (LpItemPage  *self);
/* Returns: (nullable): the id of the item shown or loading */
const char   *lp_item_page_get_item_id       (LpItemPage  *self);
const char   *lp_item_page_get_state         (LpItemPage  *self);
LpItemObject *lp_item_page_get_item          (LpItemPage  *self);
const char   *lp_item_page_get_warning       (LpItemPage  *self);
GArray       *lp_item_page_get_availability  (LpItemPage  *self);
/* "loading", "grid", "not-lendable" (no calendar for an item that cannot be lent) or
 * "error" */
const char   *lp_item_page_get_availability_state (LpItemPage *self);

G_END_DECLS
