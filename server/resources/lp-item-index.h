/* lp-item-index.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lp-request.h"

G_BEGIN_DECLS

/*
 * LpItemIndex: the catalog's search texts (item_search) in memory, for the plain ?q=
 * search of GET /items: which items contain a term, in name order, exactly as
 * "search_text LIKE '%term%' ORDER BY name, item_id" would answer in the database.
 *
 * The items are added once, in name order (their slot is their place in the list), then
 * the index is sealed: it keeps, for every three bytes that occur in some text, the
 * slots of the texts they occur in (delta-coded, a byte or two each). A term is looked up
 * through the two rarest of its three-byte pieces, and each text found is then checked
 * for the whole term, so the matches come out exact and already sorted.
 *
 * A sealed index never changes, and is safe to read from any thread; the version is the
 * database's item_search_version.n it was built at (data/sql/0015_item_search_version.sql).
 * Reference-counted.
 */
typedef struct _LpItemIndex LpItemIndex;

/* A UUID's text, with its terminating NUL. */
#define LP_ITEM_INDEX_ID_SIZE 37

LpItemIndex *lp_item_index_new         (gint64        version);
LpItemIndex *lp_item_index_ref         (LpItemIndex  *index);
void         lp_item_index_unref       (LpItemIndex  *index);
/* The next item in name order: its id (a UUID) and its lower-cased search text. FALSE,
 * and nothing added, for an id that is not a UUID. */
gboolean     lp_item_index_add         (LpItemIndex  *index,
                                        const char   *id,
                                        const char   *text);
void         lp_item_index_seal        (LpItemIndex  *index);

gint64       lp_item_index_get_version (LpItemIndex  *index);
guint        lp_item_index_get_n_items (LpItemIndex  *index);
/* What the index holds in memory. */
gsize        lp_item_index_get_n_bytes (LpItemIndex  *index);

/* The slots (guint32, ascending) of the items whose text contains @term, compared as
 * the database compares a lower-cased ASCII term: FALSE, and nothing found, for a term
 * the index cannot answer exactly — shorter than three bytes, or not ASCII (whose
 * lower case is the database's to say). */
gboolean     lp_item_index_find        (LpItemIndex  *index,
                                        const char   *term,
                                        GArray       *slots);
/* The id of the item in @slot, into @id. */
void         lp_item_index_get_id      (LpItemIndex  *index,
                                        guint32       slot,
                                        char          id[LP_ITEM_INDEX_ID_SIZE]);

/*
 * The index the server keeps, one per process: built on a database worker from one
 * snapshot of item_search (lp_request_run_later()), at most --search-index-items items,
 * one build at a time. Whether it is still the database's the caller asks the database,
 * by the version (see data/sql/0015_item_search_version.sql).
 */

/* The index to search (a reference), or NULL while there is none: then one is built. */
LpItemIndex *lp_item_index_current     (LpRequest    *req);
/* @index is older than the catalog: it is let go, and the next one built meanwhile. */
void         lp_item_index_drop        (LpRequest    *req,
                                        LpItemIndex  *index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpItemIndex, lp_item_index_unref)

G_END_DECLS
