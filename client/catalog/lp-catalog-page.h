/* lp-catalog-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-page.h"
#include "lp-paged-model.h"

G_BEGIN_DECLS

/*
 * The catalog: a search (debounced), a category and a "can borrow now" filter over a
 * lazily paged list. Activating a row opens the item (win.show-item).
 */

#define LP_TYPE_CATALOG_PAGE (lp_catalog_page_get_type ())

G_DECLARE_FINAL_TYPE (LpCatalogPage, lp_catalog_page, LP, CATALOG_PAGE, LpPage)

void            lp_catalog_page_focus_search      (LpCatalogPage *self);

G_END_DECLS
