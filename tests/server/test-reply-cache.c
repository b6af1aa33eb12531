/* test-reply-cache.c: the reply cache keeps a reply until the catalog changes, never
 * keeps one whose query started before a change, holds no more than its memory, and
 * forgets the least recently used reply first.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-reply-cache.h"

#include <string.h>

static GBytes *
reply_of_size (gsize size)
{
  return g_bytes_new_take (g_malloc0 (size), size);
}

static gboolean
holds (LpReplyCache *cache,
       const char   *key)
{
  g_autoptr(GBytes) reply = lp_reply_cache_lookup (cache, key);

  return reply != NULL;
}

static LpReplyCache *
enabled_cache (gsize max_bytes)
{
  LpReplyCache *cache = lp_reply_cache_new (max_bytes);

  lp_reply_cache_set_enabled (cache, TRUE);
  return cache;
}

static void
test_keeps_until_change (void)
{
  g_autoptr(LpReplyCache) cache = enabled_cache (1024 * 1024);
  g_autoptr(GBytes) reply = g_bytes_new_static ("{\"items\":[]}", 12);
  g_autoptr(GBytes) found = NULL;

  lp_reply_cache_store (cache, "/api/v1/items?q=a", lp_reply_cache_get_generation (cache), reply);
  found = lp_reply_cache_lookup (cache, "/api/v1/items?q=a");
  g_assert_nonnull (found);
  g_assert_true (g_bytes_equal (found, reply));
  g_assert_false (holds (cache, "/api/v1/items?q=b"));

  lp_reply_cache_forget (cache, "*");
  g_assert_false (holds (cache, "/api/v1/items?q=a"));
  g_assert_cmpuint (lp_reply_cache_get_n_bytes (cache), ==, 0);
}

/* A query that started before a change would put the old answer back. */
static void
test_refuses_reply_older_than_change (void)
{
  g_autoptr(LpReplyCache) cache = enabled_cache (1024 * 1024);
  g_autoptr(GBytes) reply = reply_of_size (100);
  guint64 before = lp_reply_cache_get_generation (cache);

  lp_reply_cache_forget (cache, "*");
  lp_reply_cache_store (cache, "/api/v1/items", before, reply);
  g_assert_false (holds (cache, "/api/v1/items"));
  lp_reply_cache_store (cache, "/api/v1/items", lp_reply_cache_get_generation (cache), reply);
  g_assert_true (holds (cache, "/api/v1/items"));
}

/* Off until enabled (the listener is up), and switching off forgets everything. */
static void
test_disabled_keeps_nothing (void)
{
  g_autoptr(LpReplyCache) cache = lp_reply_cache_new (1024 * 1024);
  g_autoptr(LpReplyCache) no_memory = enabled_cache (0);
  g_autoptr(GBytes) reply = reply_of_size (100);

  lp_reply_cache_store (cache, "/k", lp_reply_cache_get_generation (cache), reply);
  g_assert_false (holds (cache, "/k"));

  lp_reply_cache_set_enabled (cache, TRUE);
  lp_reply_cache_store (cache, "/k", lp_reply_cache_get_generation (cache), reply);
  g_assert_true (holds (cache, "/k"));
  lp_reply_cache_set_enabled (cache, FALSE);
  g_assert_false (holds (cache, "/k"));
  lp_reply_cache_set_enabled (cache, TRUE);
  g_assert_false (holds (cache, "/k"));

  lp_reply_cache_store (no_memory, "/k", lp_reply_cache_get_generation (no_memory), reply);
  g_assert_false (holds (no_memory, "/k"));
}

/* 10 replies of ~10 KB in 64 KB: the oldest unused ones go, the one just read stays,
 * and the memory held never exceeds the limit. */
static void
test_evicts_least_recently_used (void)
{
  g_autoptr(LpReplyCache) cache = enabled_cache (64 * 1024);

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *key = g_strdup_printf ("/api/v1/items?offset=%u", i * 50);
      g_autoptr(GBytes) reply = reply_of_size (10 * 1024);

      lp_reply_cache_store (cache, key, lp_reply_cache_get_generation (cache), reply);
      g_assert_cmpuint (lp_reply_cache_get_n_bytes (cache), <=, 64 * 1024);
      g_assert_true (holds (cache, "/api/v1/items?offset=0"));   /* read: recently used */
    }
  g_assert_true (holds (cache, "/api/v1/items?offset=0"));
  g_assert_false (holds (cache, "/api/v1/items?offset=50"));
  g_assert_true (holds (cache, "/api/v1/items?offset=450"));
}

/* One huge reply may not push out everything else. */
static void
test_refuses_huge_reply (void)
{
  g_autoptr(LpReplyCache) cache = enabled_cache (64 * 1024);
  g_autoptr(GBytes) small = reply_of_size (1024);
  g_autoptr(GBytes) huge = reply_of_size (20 * 1024);

  lp_reply_cache_store (cache, "/small", lp_reply_cache_get_generation (cache), small);
  lp_reply_cache_store (cache, "/huge", lp_reply_cache_get_generation (cache), huge);
  g_assert_true (holds (cache, "/small"));
  g_assert_false (holds (cache, "/huge"));
}

/* Storing a key again replaces its reply and counts its memory once. */
static void
test_replaces_same_key (void)
{
  g_autoptr(LpReplyCache) cache = enabled_cache (64 * 1024);
  g_autoptr(GBytes) first = g_bytes_new_static ("first", 5);
  g_autoptr(GBytes) second = g_bytes_new_static ("second", 6);
  g_autoptr(GBytes) found = NULL;
  gsize after_first;

  lp_reply_cache_store (cache, "/k", lp_reply_cache_get_generation (cache), first);
  after_first = lp_reply_cache_get_n_bytes (cache);
  lp_reply_cache_store (cache, "/k", lp_reply_cache_get_generation (cache), second);
  found = lp_reply_cache_lookup (cache, "/k");
  g_assert_true (g_bytes_equal (found, second));
  g_assert_cmpuint (lp_reply_cache_get_n_bytes (cache), ==, after_first + 1);
}

#define ITEM_A "00000000-0000-4000-8000-00000000000a"
#define ITEM_B "00000000-0000-4000-8000-00000000000b"

static void
store_text (LpReplyCache *cache,
            const char   *key,
            const char   *text)
{
  g_autoptr(GBytes) reply = g_bytes_new (text, strlen (text));

  lp_reply_cache_store (cache, key, lp_reply_cache_get_generation (cache), reply);
}

/* Only the stock of item A changed (a loan): the replies showing A go, and those whose
 * list depends on stock; the rest stay. No query running meanwhile may store. */
static void
test_stock_change_forgets_what_it_touches (void)
{
  g_autoptr(LpReplyCache) cache = enabled_cache (1024 * 1024);
  g_autoptr(GBytes) late = g_bytes_new_static ("late", 4);
  guint64 before;

  store_text (cache, "/api/v1/items?q=globe", "{\"items\":[{\"id\":\"" ITEM_A "\"}]}");
  store_text (cache, "/api/v1/items/" ITEM_A "?", "{\"id\":\"" ITEM_A "\"}");
  store_text (cache, "/api/v1/items?q=peta", "{\"items\":[{\"id\":\"" ITEM_B "\"}]}");
  store_text (cache, "/api/v1/items?q=peta&borrowable=true", "{\"items\":[]}");
  store_text (cache, "/api/v1/categories?", "{\"items\":[]}");
  before = lp_reply_cache_get_generation (cache);

  lp_reply_cache_forget (cache, ITEM_A);
  g_assert_false (holds (cache, "/api/v1/items?q=globe"));
  g_assert_false (holds (cache, "/api/v1/items/" ITEM_A "?"));
  g_assert_false (holds (cache, "/api/v1/items?q=peta&borrowable=true"));
  g_assert_true (holds (cache, "/api/v1/items?q=peta"));
  g_assert_true (holds (cache, "/api/v1/categories?"));

  lp_reply_cache_store (cache, "/api/v1/items?q=globe", before, late);
  g_assert_false (holds (cache, "/api/v1/items?q=globe"));

  lp_reply_cache_forget (cache, NULL);
  lp_reply_cache_forget (cache, "");
  g_assert_true (holds (cache, "/api/v1/items?q=peta"));
  lp_reply_cache_forget (cache, ITEM_A " " ITEM_B);
  g_assert_false (holds (cache, "/api/v1/items?q=peta"));
  g_assert_true (holds (cache, "/api/v1/categories?"));
}

/* Anything but a short list of item ids means anything may have changed. */
static void
test_unclear_change_forgets_everything (void)
{
  const char *changes[] = { "*", ITEM_A " *", "not-an-id", ITEM_A "  " ITEM_B, NULL };
  g_autoptr(GString) many = g_string_new (NULL);

  for (guint i = 0; i < 33; i++)
    g_string_append_printf (many, "%s00000000-0000-4000-8000-%012u", i > 0 ? " " : "", 100 + i);
  for (guint i = 0; i <= G_N_ELEMENTS (changes) - 1; i++)
    {
      g_autoptr(LpReplyCache) cache = enabled_cache (1024 * 1024);

      store_text (cache, "/api/v1/categories?", "{\"items\":[]}");
      lp_reply_cache_forget (cache, changes[i] != NULL ? changes[i] : many->str);
      g_assert_false (holds (cache, "/api/v1/categories?"));
      g_assert_cmpuint (lp_reply_cache_get_n_bytes (cache), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lp/reply-cache/keeps-until-change", test_keeps_until_change);
  g_test_add_func ("/lp/reply-cache/refuses-reply-older-than-change",
                   test_refuses_reply_older_than_change);
  g_test_add_func ("/lp/reply-cache/disabled-keeps-nothing", test_disabled_keeps_nothing);
  g_test_add_func ("/lp/reply-cache/evicts-least-recently-used", test_evicts_least_recently_used);
  g_test_add_func ("/lp/reply-cache/refuses-huge-reply", test_refuses_huge_reply);
  g_test_add_func ("/lp/reply-cache/replaces-same-key", test_replaces_same_key);
  g_test_add_func ("/lp/reply-cache/stock-change-forgets-what-it-touches",
                   test_stock_change_forgets_what_it_touches);
  g_test_add_func ("/lp/reply-cache/unclear-change-forgets-everything",
                   test_unclear_change_forgets_everything);
  return g_test_run ();
}
