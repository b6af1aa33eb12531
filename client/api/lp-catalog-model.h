/* lp-catalog-model.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lp-api-client.h"

G_BEGIN_DECLS

/*
 * The catalog as a GListModel of LpItemObject, as long as the server says the search
 * result is, loaded lazily: a row asked for gets a placeholder at once and its page of
 * LP_CATALOG_MODEL_PAGE_SIZE items is fetched (only if a row still shows it by then),
 * then filled in place. Pages far from what is on screen are dropped again, so a
 * 100,000-item catalog costs the memory of a few thousand rows.
 *
 * Changing the query (or reload()) fetches the first page and then replaces the whole
 * list in one items-changed. :loading is TRUE while that first page is on its way,
 * :error holds the last failure (NULL after a success).
 */

#define LP_CATALOG_MODEL_PAGE_SIZE 100

#define LP_TYPE_CATALOG_MODEL (lp_catalog_model_get_type ())

G_DECLARE_FINAL_TYPE (LpCatalogModel, lp_catalog_model, LP, CATALOG_MODEL, GObject)

LpCatalogModel *lp_catalog_model_new              (LpApiClient    *client);
void            lp_catalog_model_set_query        (LpCatalogModel *self,
                                                   const char     *q,
                                                   const char     *category_id,
                                                   gboolean        borrowable);
void            lp_catalog_model_reload           (LpCatalogModel *self);
/* The item @id changed on the server: if a loaded page holds it, it is fetched again and
 * its row updated in place (notify::item of the LpItemObject). One that is gone from the
 * catalog reloads the query, since every later offset moved. */
void            lp_catalog_model_refresh_item     (LpCatalogModel *self,
                                                   const char     *id);
gboolean        lp_catalog_model_get_loading      (LpCatalogModel *self);
const GError   *lp_catalog_model_get_error        (LpCatalogModel *self);
/* Whether the first page of the current query has arrived. */
gboolean        lp_catalog_model_get_loaded       (LpCatalogModel *self);
/* For tests and the bench: pages held in memory, requests made since creation (first
 * pages and later ones), and queries started (set_query() and reload()). */
guint           lp_catalog_model_get_n_pages      (LpCatalogModel *self);
guint           lp_catalog_model_get_n_fetches    (LpCatalogModel *self);
guint           lp_catalog_model_get_n_queries    (LpCatalogModel *self);

G_END_DECLS
