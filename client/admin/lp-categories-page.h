/* lp-categories-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-editor-page.h"

G_BEGIN_DECLS

/*
 * "Categories" for admins: the categories of items, searched; a side form creates one,
 * renames it and describes it; deleting one that items or complaints still use is
 * refused by the server, and the page says why.
 */

#define LP_TYPE_CATEGORIES_PAGE (lp_categories_page_get_type ())

G_DECLARE_FINAL_TYPE (LpCategoriesPage, lp_categories_page, LP, CATEGORIES_PAGE, LpEditorPage)

G_END_DECLS
