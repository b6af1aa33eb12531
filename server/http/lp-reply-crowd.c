/* lp-reply-crowd.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-reply-cache"

#include "config.h"

#include "lp-reply-crowd.h"

struct _LpReplyCrowd
{
  LpReplyCache *cache;     /* not owned */
  GHashTable   *waiting;   /* waiting_key() → GPtrArray of LpRequest */
};

LpReplyCrowd *
lp_reply_crowd_new (LpReplyCache *cache)
{
  LpReplyCrowd *crowd = g_new0 (LpReplyCrowd, 1);

  crowd->cache = cache;
  crowd->waiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  return crowd;
}

void
lp_reply_crowd_free (LpReplyCrowd *crowd)
{
  if (crowd == NULL)
    return;
  g_hash_table_unref (crowd->waiting);
  g_free (crowd);
}

static char *
waiting_key (LpRequest *req)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT " %s", req->cache_generation, req->cache_key);
}

/* Makes reply, a kept one or NULL, the request's reply; FALSE for NULL. */
static gboolean
take_kept (LpRequest *req,
           GBytes    *reply)
{
  if (reply == NULL)
    return FALSE;
  req->reply = reply;
  req->cache_hit = TRUE;
  req->status = 200;
  req->content_type = g_strdup (LP_JSON_CONTENT_TYPE);
  return TRUE;
}

gboolean
lp_reply_crowd_answer_kept (LpRequest *req)
{
  return req->cache_key != NULL && take_kept (req, lp_reply_cache_lookup (req->cache,
                                                                           req->cache_key));
}

/* The key is the path and the query as sent. */
gboolean
lp_reply_crowd_join (LpReplyCrowd *crowd,
                     LpRequest    *req)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (req->msg));
  g_autofree char *key = NULL;
  GPtrArray *waiting;

  g_assert (req->done != NULL);
  req->cache = crowd->cache;
  req->cache_key = g_strconcat (req->path, "?", query != NULL ? query : "", NULL);
  req->cache_generation = lp_reply_cache_get_generation (crowd->cache);
  if (req->token != NULL)
    return FALSE;
  if (take_kept (req, lp_reply_cache_lookup (crowd->cache, req->cache_key)))
    {
      req->done (req, req->done_data);
      return TRUE;
    }
  key = waiting_key (req);
  if ((waiting = g_hash_table_lookup (crowd->waiting, key)) != NULL)
    {
      lp_request_hold (req);
      g_ptr_array_add (waiting, req);
      return TRUE;
    }
  g_hash_table_insert (crowd->waiting, g_steal_pointer (&key), g_ptr_array_new ());
  req->cache_leader = TRUE;
  return FALSE;
}

static void
copy_reply (LpRequest       *to,
            const LpRequest *from)
{
  to->status = from->status;
  to->content_type = g_strdup (from->content_type);
  to->reply = from->reply != NULL ? g_bytes_ref (from->reply) : NULL;
  for (guint i = 0; i < from->reply_headers->len; i++)
    g_ptr_array_add (to->reply_headers, g_strdup (g_ptr_array_index (from->reply_headers, i)));
  to->error_code = g_strdup (from->error_code);
  to->cache_hit = from->status == 200;
}

/* The guests who asked the leader's question meanwhile get its answer. If the leader
 * left before its query ran, the first of them asks instead, for the others. */
static void
answer_waiting (LpReplyCrowd *crowd,
                LpRequest    *leader)
{
  g_autofree char *key = waiting_key (leader);
  g_autofree char *stolen_key = NULL;
  g_autoptr(GPtrArray) waiting = NULL;

  if (!g_hash_table_steal_extended (crowd->waiting, key, (gpointer *) &stolen_key,
                                    (gpointer *) &waiting))
    return;
  if (leader->status == 499 && waiting->len > 0)
    {
      LpRequest *next = g_ptr_array_steal_index (waiting, 0);

      next->cache_leader = TRUE;
      g_hash_table_insert (crowd->waiting, g_steal_pointer (&stolen_key),
                           g_steal_pointer (&waiting));
      lp_request_push (next);
      return;
    }
  for (guint i = 0; i < waiting->len; i++)
    {
      LpRequest *req = g_ptr_array_index (waiting, i);

      copy_reply (req, leader);
      req->done (req, req->done_data);
    }
}

void
lp_reply_crowd_done (LpReplyCrowd *crowd,
                     LpRequest    *req)
{
  if ((req->route->flags & LP_ROUTE_TRANSACTION) && req->status < 400)
    lp_reply_cache_forget (crowd->cache, req->catalog_changes);
  else if (req->cache_key != NULL && !req->cache_hit && req->status == 200 && req->reply != NULL)
    lp_reply_cache_store (crowd->cache, req->cache_key, req->cache_generation, req->reply);
  if (req->cache_leader)
    answer_waiting (crowd, req);
}
