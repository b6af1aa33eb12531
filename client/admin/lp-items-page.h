/* lp-items-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-editor-page.h"

G_BEGIN_DECLS

/*
 * "Items" for admins: the catalog as a list to keep, searched; a side form adds an item
 * or changes every field of one (code, name, category, location, units owned,
 * condition, status, description and the book fields), checked field by field with
 * common/'s rules before it goes. The server's refusals are said in words: fewer units
 * than are out on loan, and deleting an item with a history, for which the page offers
 * to mark it unavailable instead.
 */

#define LP_TYPE_ITEMS_PAGE (lp_items_page_get_type ())

G_DECLARE_FINAL_TYPE (LpItemsPage, lp_items_page, LP, ITEMS_PAGE, LpEditorPage)

G_END_DECLS
