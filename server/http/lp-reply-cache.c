/* lp-reply-cache.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-reply-cache"

#include "config.h"

#include "lp-reply-cache.h"

#include "lp-validation.h"

#include <string.h>

/* Past this many changed items, checking each kept reply costs more than it saves. */
#define MAX_ITEMS_CHECKED 32

/* What an entry costs beyond its key and reply: the entry, its list link, the hash
 * table slot. */
#define ENTRY_OVERHEAD 96

typedef struct
{
  char   *key;
  GBytes *reply;
  GList   link;     /* in lru, most recent first */
  gsize   n_bytes;
} Entry;

struct _LpReplyCache
{
  GMutex      lock;
  GHashTable *entries;     /* key → Entry, owns the entries */
  GQueue      lru;
  gsize       n_bytes;
  gsize       max_bytes;
  guint64     generation;
  gboolean    enabled;
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->key);
  g_bytes_unref (entry->reply);
  g_free (entry);
}

LpReplyCache *
lp_reply_cache_new (gsize max_bytes)
{
  LpReplyCache *cache = g_new0 (LpReplyCache, 1);

  g_mutex_init (&cache->lock);
  cache->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  g_queue_init (&cache->lru);
  cache->max_bytes = max_bytes;
  return cache;
}

void
lp_reply_cache_free (LpReplyCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->entries);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

static void
remove_entry (LpReplyCache *cache,
              Entry        *entry)
{
  g_queue_unlink (&cache->lru, &entry->link);
  cache->n_bytes -= entry->n_bytes;
  g_hash_table_remove (cache->entries, entry->key);
}

static void
clear_locked (LpReplyCache *cache)
{
  g_hash_table_remove_all (cache->entries);
  g_queue_init (&cache->lru);
  cache->n_bytes = 0;
}

guint64
lp_reply_cache_get_generation (LpReplyCache *cache)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&cache->lock);

  return cache->generation;
}

/* Returns a reference to the stored reply, or NULL. */
GBytes *
lp_reply_cache_lookup (LpReplyCache *cache,
                       const char   *key)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&cache->lock);
  Entry *entry;

  if (!cache->enabled || (entry = g_hash_table_lookup (cache->entries, key)) == NULL)
    return NULL;
  g_queue_unlink (&cache->lru, &entry->link);
  g_queue_push_head_link (&cache->lru, &entry->link);
  return g_bytes_ref (entry->reply);
}

/* generation is what lp_reply_cache_get_generation() said before the reply's query
 * started; a reply older than the last change is not kept. */
void
lp_reply_cache_store (LpReplyCache *cache,
                      const char   *key,
                      guint64       generation,
                      GBytes       *reply)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&cache->lock);
  gsize n_bytes = strlen (key) + g_bytes_get_size (reply) + ENTRY_OVERHEAD;
  Entry *entry;

  /* One reply may take at most a quarter: a few huge pages must not evict everything. */
  if (!cache->enabled || generation != cache->generation || n_bytes > cache->max_bytes / 4)
    return;
  if ((entry = g_hash_table_lookup (cache->entries, key)) != NULL)
    remove_entry (cache, entry);
  while (cache->n_bytes + n_bytes > cache->max_bytes)
    remove_entry (cache, g_queue_peek_tail_link (&cache->lru)->data);

  entry = g_new0 (Entry, 1);
  entry->key = g_strdup (key);
  entry->reply = g_bytes_ref (reply);
  entry->link.data = entry;
  entry->n_bytes = n_bytes;
  g_queue_push_head_link (&cache->lru, &entry->link);
  cache->n_bytes += n_bytes;
  g_hash_table_insert (cache->entries, entry->key, entry);
}

/* Whether a reply may be wrong once the stock of the items ids changed: when it shows
 * one of them, or when which items it lists depends on stock (?borrowable=). Names,
 * codes, categories, the order and every other filter are untouched by stock. */
static gboolean
stale_after_stock_change (Entry       *entry,
                          char       **ids)
{
  gsize size;
  const char *data = g_bytes_get_data (entry->reply, &size);

  if (strstr (entry->key, "borrowable") != NULL)
    return TRUE;
  for (guint i = 0; ids[i] != NULL; i++)
    if (memmem (data, size, ids[i], strlen (ids[i])) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
all_item_ids (char **ids)
{
  guint n = g_strv_length (ids);

  if (n == 0 || n > MAX_ITEMS_CHECKED)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (lp_validate_uuid (ids[i]) != NULL)
      return FALSE;
  return TRUE;
}

/* changes is what the database said changed (data/sql/0007_catalog_cache.sql): "*" for
 * anything, or item ids separated by spaces when only their stock changed; NULL or ""
 * for nothing. Starts a new generation either way, so no query that was running keeps
 * its reply. */
void
lp_reply_cache_forget (LpReplyCache *cache,
                       const char   *changes)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_auto(GStrv) ids = NULL;
  GHashTableIter iter;
  gpointer value;

  if (changes == NULL || *changes == '\0')
    return;
  ids = g_strsplit (changes, " ", -1);
  locker = g_mutex_locker_new (&cache->lock);
  cache->generation++;
  if (!all_item_ids (ids))
    {
      clear_locked (cache);
      return;
    }
  g_hash_table_iter_init (&iter, cache->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;

      if (!stale_after_stock_change (entry, ids))
        continue;
      g_queue_unlink (&cache->lru, &entry->link);
      cache->n_bytes -= entry->n_bytes;
      g_hash_table_iter_remove (&iter);
    }
}

/* Disabling also invalidates: whatever was stored may have gone stale unseen. */
void
lp_reply_cache_set_enabled (LpReplyCache *cache,
                            gboolean      enabled)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&cache->lock);

  cache->enabled = enabled && cache->max_bytes > 0;
  cache->generation++;
  clear_locked (cache);
}

gsize
lp_reply_cache_get_n_bytes (LpReplyCache *cache)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&cache->lock);

  return cache->n_bytes;
}
