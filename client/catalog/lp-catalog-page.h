/* lp-catalog-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-api-client.h"
#include "lp-catalog-model.h"

G_BEGIN_DECLS

/*
 * The catalog: a search (debounced), a category and a "can borrow now" filter over a
 * lazily paged list. Activating a row opens the item (win.show-item).
 */

#define LP_TYPE_CATALOG_PAGE (lp_catalog_page_get_type ())

G_DECLARE_FINAL_TYPE (LpCatalogPage, lp_catalog_page, LP, CATALOG_PAGE, AdwBin)

void            lp_catalog_page_set_client        (LpCatalogPage *self,
                                                   LpApiClient   *client);
/* Fetches the categories (if they are missing) and the list again. */
void            lp_catalog_page_reload            (LpCatalogPage *self);
void            lp_catalog_page_focus_search      (LpCatalogPage *self);

LpCatalogModel *lp_catalog_page_get_model         (LpCatalogPage *self);
/* "loading", "list", "empty" or "error" */
const char     *lp_catalog_page_get_state         (LpCatalogPage *self);
GtkWidget      *lp_catalog_page_get_search_entry  (LpCatalogPage *self);
GtkWidget      *lp_catalog_page_get_category_dropdown (LpCatalogPage *self);
GtkWidget      *lp_catalog_page_get_borrowable_toggle (LpCatalogPage *self);
GtkWidget      *lp_catalog_page_get_list_view     (LpCatalogPage *self);
GtkWidget      *lp_catalog_page_get_count_label   (LpCatalogPage *self);
/* The position in the category list of the category called @name, or
 * GTK_INVALID_LIST_POSITION. */
guint           lp_catalog_page_find_category     (LpCatalogPage *self,
                                                   const char    *name);
gboolean        lp_catalog_page_get_categories_loaded (LpCatalogPage *self);

G_END_DECLS
