/* test-item-index.c: the in-memory search finds exactly the items whose text contains a
 * term, in the order they were added (name order), and declines what it cannot answer as
 * the database would.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-item-index.h"

#include <string.h>

static char *
id_of (guint n)
{
  return g_strdup_printf ("00000000-0000-4000-8000-%012u", n);
}

static LpItemIndex *
index_of (const char * const *texts,
          guint               n)
{
  LpItemIndex *index = lp_item_index_new (7);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = id_of (i);

      g_assert_true (lp_item_index_add (index, id, texts[i]));
    }
  lp_item_index_seal (index);
  return index;
}

/* The slots of @term, as "0,3,4", or "-" when the index declines it. */
static char *
found (LpItemIndex *index,
       const char  *term)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GString) out = g_string_new (NULL);

  if (!lp_item_index_find (index, term, slots))
    return g_strdup ("-");
  for (guint i = 0; i < slots->len; i++)
    g_string_append_printf (out, "%s%u", i > 0 ? "," : "", g_array_index (slots, guint32, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_found (LpItemIndex *index,
              const char  *term,
              const char  *expected)
{
  g_autofree char *got = found (index, term);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_finds_contained_terms (void)
{
  static const char * const texts[] = {
    "bk-0001 kamus besar bahasa indonesia balai pustaka rak a1",
    "lab-00042 mikroskop binokuler lab biologi",
    "bk-0002 kamus inggris indonesia gramedia rak a1",
    "bk-0010 atlas sejarah dunia erlangga rak c1",
    "aaaaaa",
  };
  g_autoptr(LpItemIndex) index = index_of (texts, G_N_ELEMENTS (texts));

  assert_found (index, "kamus", "0,2");
  assert_found (index, "KAMUS", "0,2");
  assert_found (index, "rak a1", "0,2");
  assert_found (index, "rak c1", "3");
  assert_found (index, "indonesia", "0,2");
  assert_found (index, "bahasa indonesia", "0");
  /* The pieces are there, the term as a whole is not. */
  assert_found (index, "kamus inggris indonesia balai", "");
  assert_found (index, "sia gra", "2");
  assert_found (index, "bk-000", "0,2");
  assert_found (index, "bk-0001", "0");
  assert_found (index, "aaa", "4");
  assert_found (index, "aaaaaa", "4");
  assert_found (index, "aaaaaaa", "");
  assert_found (index, "zzz", "");
  /* A term longer than every text. */
  assert_found (index, "bk-0001 kamus besar bahasa indonesia balai pustaka rak a1 lagi", "");
  assert_found (index, "bk-0001 kamus besar bahasa indonesia balai pustaka rak a1", "0");
}

/* Shorter than three bytes, or not ASCII: the database answers. */
static void
test_declines_what_it_cannot_answer (void)
{
  static const char * const texts[] = { "kamus", "pâtisserie", "ab" };
  g_autoptr(LpItemIndex) index = index_of (texts, G_N_ELEMENTS (texts));

  assert_found (index, "ab", "-");
  assert_found (index, "k", "-");
  assert_found (index, "", "-");
  assert_found (index, "pâte", "-");
  assert_found (index, "tis", "1");
}

static void
test_ids_and_version (void)
{
  static const char * const texts[] = { "satu", "dua", "tiga" };
  g_autoptr(LpItemIndex) index = index_of (texts, G_N_ELEMENTS (texts));
  g_autoptr(LpItemIndex) other = lp_item_index_new (1);
  char id[LP_ITEM_INDEX_ID_SIZE];

  g_assert_cmpint (lp_item_index_get_version (index), ==, 7);
  g_assert_cmpuint (lp_item_index_get_n_items (index), ==, 3);
  lp_item_index_get_id (index, 2, id);
  g_assert_cmpstr (id, ==, "00000000-0000-4000-8000-000000000002");

  g_assert_true (lp_item_index_add (other, "0F1E2D3C-4B5A-4978-8796-A5B4C3D2E1F0", "x"));
  g_assert_false (lp_item_index_add (other, "not-a-uuid", "x"));
  g_assert_false (lp_item_index_add (other, "0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f", "x"));
  g_assert_false (lp_item_index_add (other, "0f1e2d3c-4b5a-4978-8796_a5b4c3d2e1f0", "x"));
  g_assert_false (lp_item_index_add (other, "0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1fg", "x"));
  lp_item_index_seal (other);
  g_assert_cmpuint (lp_item_index_get_n_items (other), ==, 1);
  lp_item_index_get_id (other, 0, id);
  g_assert_cmpstr (id, ==, "0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0");
}

static void
test_empty_index (void)
{
  g_autoptr(LpItemIndex) index = lp_item_index_new (1);

  lp_item_index_seal (index);
  g_assert_cmpuint (lp_item_index_get_n_items (index), ==, 0);
  assert_found (index, "kamus", "");
}

/* Random texts over a small alphabet, so that pieces repeat, many texts share them and
 * slots far apart take several bytes to code: every term's answer is the naive one. */
static void
test_agrees_with_naive_search (void)
{
  static const char alphabet[] = "ab c-1";
  guint n = 20000;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LpItemIndex) index = NULL;
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < n; i++)
    {
      guint length = (guint) g_rand_int_range (rand, 0, 24);
      char *text = g_malloc (length + 1);

      for (guint k = 0; k < length; k++)
        text[k] = alphabet[g_rand_int_range (rand, 0, (gint32) strlen (alphabet))];
      text[length] = '\0';
      g_ptr_array_add (texts, text);
    }
  index = index_of ((const char * const *) texts->pdata, n);
  for (guint t = 0; t < 300; t++)
    {
      guint length = (guint) g_rand_int_range (rand, 3, 9);
      g_autofree char *term = g_malloc (length + 1);
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autofree char *got = NULL;

      for (guint k = 0; k < length; k++)
        term[k] = alphabet[g_rand_int_range (rand, 0, (gint32) strlen (alphabet))];
      term[length] = '\0';
      for (guint i = 0; i < n; i++)
        if (strstr (g_ptr_array_index (texts, i), term) != NULL)
          g_string_append_printf (expected, "%s%u", expected->len > 0 ? "," : "", i);
      got = found (index, term);
      g_assert_cmpstr (got, ==, expected->str);
    }
  g_rand_free (rand);
}

/* What the README promises: about 120 bytes an item of a catalog like the bench's
 * (texts of some 50 characters: code, name, author, publisher, ISBN, shelf); a smaller
 * catalog pays a larger share of the table of pieces, hence the margin. */
static void
test_memory_per_item (void)
{
  static const char * const words[] = { "kamus", "mikroskop", "atlas", "gitar", "novel",
                                        "tripod", "biologi", "sejarah", "fisika", "anak" };
  guint n = 20000;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LpItemIndex) index = NULL;
  gsize text_bytes = 0;

  for (guint i = 0; i < n; i++)
    {
      char *text = g_strdup_printf ("bk-%06u %s %s %u gramedia 978602%07u rak %c%u",
                                    i, words[i % 10], words[(i / 10) % 10], i % 997,
                                    i * 7919 % 10000000, 'a' + (char) (i % 7), i % 12);

      text_bytes += strlen (text);
      g_ptr_array_add (texts, text);
    }
  index = index_of ((const char * const *) texts->pdata, n);
  g_test_message ("%" G_GSIZE_FORMAT " bytes an item, texts of %" G_GSIZE_FORMAT " bytes",
                  lp_item_index_get_n_bytes (index) / n, text_bytes / n);
  g_assert_cmpuint (text_bytes / n, >=, 45);
  g_assert_cmpuint (lp_item_index_get_n_bytes (index) / n, <=, 150);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/item-index/finds-contained-terms", test_finds_contained_terms);
  g_test_add_func ("/item-index/declines-what-it-cannot-answer",
                   test_declines_what_it_cannot_answer);
  g_test_add_func ("/item-index/ids-and-version", test_ids_and_version);
  g_test_add_func ("/item-index/empty", test_empty_index);
  g_test_add_func ("/item-index/agrees-with-naive-search", test_agrees_with_naive_search);
  g_test_add_func ("/item-index/memory-per-item", test_memory_per_item);
  return g_test_run ();
}
