/* lp-reply-cache.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * LpReplyCache: whole 200 replies of the catalog's read routes (LP_ROUTE_CACHED), by
 * URL, until the catalog changes. The same search asked again — the kiosk's popular
 * terms, the first page everybody opens — is answered without the database.
 *
 * Freshness rests on a generation number: lp_reply_cache_forget ("*") drops every entry
 * and starts a new generation; told only of some items' stock, it starts one too but
 * drops only the replies that change can make wrong — a loan somewhere in the
 * catalog leaves the search for "mikroskop" kept. A reply is stored only under the
 * generation that was current *before* its query ran (lp_reply_cache_store() refuses
 * an older one), so a query that raced a change can never put the old answer back.
 * What changed comes from the database (data/sql/0007_catalog_cache.sql):
 *   - for a write this instance commits, from the transaction itself, applied before
 *     the writer gets its reply, and
 *   - for every commit anywhere, from the "lentera_catalog" notification, which each
 *     instance hears before the item.changed events of that commit, so a client
 *     reacting to one reads the new reply.
 * While the listening connection is down nobody would say, so the cache is disabled
 * (lp_reply_cache_set_enabled()) until it listens again.
 *
 * Thread-safe: workers look up, the main loop stores and invalidates. Least recently
 * used entries go first once max_bytes are held.
 */
typedef struct _LpReplyCache LpReplyCache;

LpReplyCache *lp_reply_cache_new            (gsize          max_bytes);
void          lp_reply_cache_free           (LpReplyCache  *cache);
guint64       lp_reply_cache_get_generation (LpReplyCache  *cache);
GBytes       *lp_reply_cache_lookup         (LpReplyCache  *cache,
                                             const char    *key);
void          lp_reply_cache_store          (LpReplyCache  *cache,
                                             const char    *key,
                                             guint64        generation,
                                             GBytes        *reply);
void          lp_reply_cache_forget         (LpReplyCache  *cache,
                                             const char    *changes);
void          lp_reply_cache_set_enabled    (LpReplyCache  *cache,
                                             gboolean       enabled);
gsize         lp_reply_cache_get_n_bytes    (LpReplyCache  *cache);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpReplyCache, lp_reply_cache_free)

G_END_DECLS
