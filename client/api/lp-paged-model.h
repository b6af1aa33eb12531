/* lp-paged-model.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lp-api-client.h"

G_BEGIN_DECLS

/*
 * A page endpoint of the API (the catalog, the loans, the complaints, the users, …) as a
 * GListModel of its data objects, as long as the server says the result is, loaded
 * lazily: a row asked for gets a placeholder at once and its page of
 * LP_PAGED_MODEL_PAGE_SIZE objects is fetched (only if a row still shows it by then),
 * then filled in place. Pages far from what is on screen are dropped again, so a
 * 100,000-item catalog costs the memory of a few thousand rows.
 *
 * Changing the query (or reload()) fetches the first page and then replaces the whole
 * list in one items-changed. :loading is TRUE while that first page is on its way,
 * :error holds the last failure (NULL after a success).
 */

#define LP_PAGED_MODEL_PAGE_SIZE 100

#define LP_TYPE_PAGED_MODEL (lp_paged_model_get_type ())

G_DECLARE_FINAL_TYPE (LpPagedModel, lp_paged_model, LP, PAGED_MODEL, GObject)

/* @list: a LP_API_REPLY_PAGE row with a data object type; @get (nullable): the row that
 * reads one of them by id, for refresh(). Nothing is fetched before set_query(). */
LpPagedModel   *lp_paged_model_new                (LpApiClient         *client,
                                                   const LpApiEndpoint *list,
                                                   const LpApiEndpoint *get);
/* @query: key, value, …, NULL, as lp_api_client_call_async() takes it (paging added). */
void            lp_paged_model_set_query          (LpPagedModel        *self,
                                                   const char * const  *query);
void            lp_paged_model_reload           (LpPagedModel        *self);
/* The object @id changed on the server: if a loaded page holds it, it is fetched again
 * and updated in place (its properties notify). One that is gone reloads the query,
 * since every later offset moved. */
void            lp_paged_model_refresh            (LpPagedModel        *self,
                                                   const char          *id);
/* The loaded objects at @positions (ascending, as a selection gives them): what is not in
 * memory is fetched with the current query, a page at a time, so that "select all"
 * means every row and not just those scrolled past. Fails if the list changed length
 * meanwhile (its offsets moved). The result is a GPtrArray of data objects. */
void            lp_paged_model_collect_async      (LpPagedModel        *self,
                                                   const guint         *positions,
                                                   guint                n_positions,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GPtrArray      *lp_paged_model_collect_finish     (LpPagedModel        *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
gboolean        lp_paged_model_get_loading      (LpPagedModel        *self);
const GError   *lp_paged_model_get_error        (LpPagedModel        *self);
/* Whether the first page of the current query has arrived. */
gboolean        lp_paged_model_get_loaded       (LpPagedModel        *self);
/* For tests and the bench: pages held in memory, requests made since creation (first
 * pages and later ones), and queries started (set_query() and reload()). */
guint           lp_paged_model_get_n_pages      (LpPagedModel        *self);
guint           lp_paged_model_get_n_fetches    (LpPagedModel        *self);
guint           lp_paged_model_get_n_queries    (LpPagedModel        *self);

G_END_DECLS
