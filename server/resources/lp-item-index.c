/* lp-item-index.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-item-index"

#include "config.h"

#include "lp-item-index.h"

#include "lp-error.h"

#include <string.h>

#define UUID_BYTES 16

/* Three bytes that occur in some text, and where the slots of those texts are. */
typedef struct
{
  guint32 key;       /* the bytes, first one highest */
  guint32 count;     /* how many texts have them */
  guint32 last;      /* the last slot recorded, plus one: 0 before the first */
  guint32 n_bytes;   /* the slots, delta-coded */
  guint32 filled;    /* of n_bytes, written so far (while sealing) */
  gsize   start;     /* where they begin in postings */
} Piece;

struct _LpItemIndex
{
  gint64      version;
  gboolean    sealed;
  GByteArray *ids;       /* UUID_BYTES per slot */
  GByteArray *texts;     /* each text and its NUL, in slot order */
  GArray     *starts;    /* guint32: where each slot's text begins; sealed, one more */
  GArray     *pieces;    /* Piece */
  guint32    *table;     /* open addressing over pieces: index + 1, 0 for a free place */
  guint       table_bits;
  guint8     *postings;
  gsize       n_postings;
};

static void
clear_index (gpointer data)
{
  LpItemIndex *index = data;

  g_byte_array_unref (index->ids);
  g_byte_array_unref (index->texts);
  g_array_unref (index->starts);
  g_array_unref (index->pieces);
  g_free (index->table);
  g_free (index->postings);
}

LpItemIndex *
lp_item_index_new (gint64 version)
{
  LpItemIndex *index = g_atomic_rc_box_new0 (LpItemIndex);

  index->version = version;
  index->ids = g_byte_array_new ();
  index->texts = g_byte_array_new ();
  index->starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  index->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  return index;
}

LpItemIndex *
lp_item_index_ref (LpItemIndex *index)
{
  return g_atomic_rc_box_acquire (index);
}

void
lp_item_index_unref (LpItemIndex *index)
{
  g_atomic_rc_box_release_full (index, clear_index);
}

static gboolean
parse_uuid (const char *text,
            guint8      out[UUID_BYTES])
{
  guint n = 0;

  if (strlen (text) != 36)
    return FALSE;
  for (guint i = 0; i < 36; i++)
    {
      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (text[i] != '-')
            return FALSE;
          continue;
        }
      if (!g_ascii_isxdigit (text[i]) || !g_ascii_isxdigit (text[i + 1]))
        return FALSE;
      out[n++] = (guint8) (g_ascii_xdigit_value (text[i]) << 4 |
                           g_ascii_xdigit_value (text[i + 1]));
      i++;
    }
  return n == UUID_BYTES;
}

gboolean
lp_item_index_add (LpItemIndex *index,
                   const char  *id,
                   const char  *text)
{
  guint8 uuid[UUID_BYTES];
  guint32 start = index->texts->len;

  g_return_val_if_fail (!index->sealed, FALSE);
  if (!parse_uuid (id, uuid))
    return FALSE;
  g_byte_array_append (index->ids, uuid, UUID_BYTES);
  g_byte_array_append (index->texts, (const guint8 *) text, (guint) strlen (text) + 1);
  g_array_append_val (index->starts, start);
  return TRUE;
}

static inline guint32
key_at (const guint8 *bytes)
{
  return (guint32) bytes[0] << 16 | (guint32) bytes[1] << 8 | bytes[2];
}

static inline guint32
place_of (guint32 key,
          guint   bits)
{
  return (key * 2654435761u) >> (32 - bits);
}

static Piece *
find_piece (LpItemIndex *index,
            guint32      key)
{
  guint32 mask = (1u << index->table_bits) - 1;

  for (guint32 at = place_of (key, index->table_bits); ; at = (at + 1) & mask)
    {
      Piece *piece;

      if (index->table[at] == 0)
        return NULL;
      piece = &g_array_index (index->pieces, Piece, index->table[at] - 1);
      if (piece->key == key)
        return piece;
    }
}

static void
place_piece (guint32 *table,
             guint    bits,
             guint32  key,
             guint32  number)
{
  guint32 mask = (1u << bits) - 1;
  guint32 at = place_of (key, bits);

  while (table[at] != 0)
    at = (at + 1) & mask;
  table[at] = number;
}

/* The table is kept at most half full, so that a look-up ends after a place or two. */
static Piece *
find_or_add_piece (LpItemIndex *index,
                   guint32      key)
{
  Piece *piece = find_piece (index, key);
  Piece fresh = { .key = key };

  if (piece != NULL)
    return piece;
  if (2 * (index->pieces->len + 1) > (1u << index->table_bits))
    {
      guint bits = index->table_bits + 1;
      guint32 *table = g_new0 (guint32, (gsize) 1 << bits);

      for (guint i = 0; i < index->pieces->len; i++)
        place_piece (table, bits, g_array_index (index->pieces, Piece, i).key, i + 1);
      g_free (index->table);
      index->table = table;
      index->table_bits = bits;
    }
  g_array_append_val (index->pieces, fresh);
  place_piece (index->table, index->table_bits, key, index->pieces->len);
  return &g_array_index (index->pieces, Piece, index->pieces->len - 1);
}

static inline guint
varint_size (guint32 value)
{
  return 1 + (value >= 1u << 7) + (value >= 1u << 14) + (value >= 1u << 21) +
         (value >= 1u << 28);
}

static inline guint
write_varint (guint8  *out,
              guint32  value)
{
  guint n = 0;

  while (value >= 0x80)
    {
      out[n++] = (guint8) (value | 0x80);
      value >>= 7;
    }
  out[n++] = (guint8) value;
  return n;
}

static inline const char *
text_of (LpItemIndex *index,
         guint32      slot,
         gsize       *length)
{
  guint32 *starts = (guint32 *) (gpointer) index->starts->data;

  *length = starts[slot + 1] - starts[slot] - 1;
  return (const char *) index->texts->data + starts[slot];
}

/* Counts (first pass) or writes (second pass) every slot of every piece, each slot once
 * per piece however often the text has the piece. */
static void
record_pieces (LpItemIndex *index,
               gboolean     write)
{
  guint n_items = index->starts->len - 1;

  for (guint32 slot = 0; slot < n_items; slot++)
    {
      gsize length;
      const guint8 *text = (const guint8 *) text_of (index, slot, &length);

      for (gsize i = 0; i + 3 <= length; i++)
        {
          Piece *piece = write ? find_piece (index, key_at (text + i))
                               : find_or_add_piece (index, key_at (text + i));
          guint32 delta = slot + 1 - piece->last;

          if (piece->last == slot + 1)
            continue;
          if (write)
            piece->filled += write_varint (index->postings + piece->start + piece->filled, delta);
          else
            {
              piece->n_bytes += varint_size (delta);
              piece->count++;
            }
          piece->last = slot + 1;
        }
    }
}

void
lp_item_index_seal (LpItemIndex *index)
{
  guint32 end = index->texts->len;
  gsize at = 0;

  g_return_if_fail (!index->sealed);
  g_array_append_val (index->starts, end);
  index->table_bits = 12;
  index->table = g_new0 (guint32, (gsize) 1 << index->table_bits);
  record_pieces (index, FALSE);
  for (guint i = 0; i < index->pieces->len; i++)
    {
      Piece *piece = &g_array_index (index->pieces, Piece, i);

      piece->start = at;
      at += piece->n_bytes;
      piece->last = 0;
    }
  index->n_postings = at;
  index->postings = g_malloc (MAX (at, 1));
  record_pieces (index, TRUE);
  index->sealed = TRUE;
}

gint64
lp_item_index_get_version (LpItemIndex *index)
{
  return index->version;
}

guint
lp_item_index_get_n_items (LpItemIndex *index)
{
  return index->ids->len / UUID_BYTES;
}

gsize
lp_item_index_get_n_bytes (LpItemIndex *index)
{
  return sizeof (LpItemIndex) + index->ids->len + index->texts->len +
         index->starts->len * sizeof (guint32) + index->pieces->len * sizeof (Piece) +
         (index->table != NULL ? ((gsize) 1 << index->table_bits) * sizeof (guint32) : 0) +
         index->n_postings;
}

/* Reads a piece's slots in order. */
typedef struct
{
  const guint8 *at, *end;
  guint32       value;   /* the last slot read, plus one */
} Cursor;

static void
cursor_init (Cursor            *cursor,
             const LpItemIndex *index,
             const Piece       *piece)
{
  cursor->at = index->postings + piece->start;
  cursor->end = cursor->at + piece->n_bytes;
  cursor->value = 0;
}

static gboolean
cursor_next (Cursor  *cursor,
             guint32 *slot)
{
  guint32 delta = 0;
  guint shift = 0;

  if (cursor->at == cursor->end)
    return FALSE;
  while (*cursor->at & 0x80)
    {
      delta |= (guint32) (*cursor->at++ & 0x7f) << shift;
      shift += 7;
    }
  delta |= (guint32) *cursor->at++ << shift;
  cursor->value += delta;
  *slot = cursor->value - 1;
  return TRUE;
}

static void
keep_if_contains (LpItemIndex *index,
                  guint32      slot,
                  const char  *needle,
                  gsize        n,
                  GArray      *slots)
{
  gsize length;
  const char *text = text_of (index, slot, &length);

  if (memmem (text, length, needle, n) != NULL)
    g_array_append_val (slots, slot);
}

gboolean
lp_item_index_find (LpItemIndex *index,
                    const char  *term,
                    GArray      *slots)
{
  gsize n = strlen (term);
  g_autofree char *needle = NULL;
  const Piece *rarest = NULL, *second = NULL;
  Cursor a, b;
  guint32 slot_a, slot_b;

  g_return_val_if_fail (index->sealed, FALSE);
  if (n < 3)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if ((guchar) term[i] >= 0x80)
      return FALSE;
  needle = g_ascii_strdown (term, (gssize) n);
  for (gsize i = 0; i + 3 <= n; i++)
    {
      const Piece *piece = find_piece (index, key_at ((const guint8 *) needle + i));

      /* No text has these three bytes, so none has the term. */
      if (piece == NULL)
        return TRUE;
      if (piece == rarest || piece == second)
        continue;
      if (rarest == NULL || piece->count < rarest->count)
        {
          second = rarest;
          rarest = piece;
        }
      else if (second == NULL || piece->count < second->count)
        second = piece;
    }
  cursor_init (&a, index, rarest);
  if (second == NULL)
    {
      while (cursor_next (&a, &slot_a))
        keep_if_contains (index, slot_a, needle, n, slots);
      return TRUE;
    }
  /* The texts that have both pieces, checked for the whole term. */
  cursor_init (&b, index, second);
  if (!cursor_next (&a, &slot_a) || !cursor_next (&b, &slot_b))
    return TRUE;
  for (;;)
    {
      if (slot_a < slot_b)
        {
          if (!cursor_next (&a, &slot_a))
            break;
        }
      else if (slot_b < slot_a)
        {
          if (!cursor_next (&b, &slot_b))
            break;
        }
      else
        {
          keep_if_contains (index, slot_a, needle, n, slots);
          if (!cursor_next (&a, &slot_a) || !cursor_next (&b, &slot_b))
            break;
        }
    }
  return TRUE;
}

void
lp_item_index_get_id (LpItemIndex *index,
                      guint32      slot,
                      char         id[LP_ITEM_INDEX_ID_SIZE])
{
  static const char hex[] = "0123456789abcdef";
  const guint8 *uuid = index->ids->data + (gsize) slot * UUID_BYTES;
  guint n = 0;

  g_return_if_fail (slot < lp_item_index_get_n_items (index));
  for (guint i = 0; i < UUID_BYTES; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        id[n++] = '-';
      id[n++] = hex[uuid[i] >> 4];
      id[n++] = hex[uuid[i] & 0xf];
    }
  id[n] = '\0';
}

/* ---------------------------------------------------------------------------------------
 * The copy the server keeps
 * ------------------------------------------------------------------------------------- */

/* The last index built, whether a worker is building the next, and when to try again
 * after a build that failed or found the catalog too large to keep. */
static GMutex item_index_lock;
static LpItemIndex *item_index;
static gboolean item_index_building;
static gint64 item_index_retry_at;   /* g_get_monotonic_time() */

/* The index is read in steps of ITEM_INDEX_FETCH rows. Past --search-index-items items
 * (about 120 bytes each: 100,000 items take 12 MB) the database searches. */
#define ITEM_INDEX_FETCH     20000
#define ITEM_INDEX_RETRY_FAILED_S  1
#define ITEM_INDEX_RETRY_TOO_BIG_S 600

typedef struct
{
  guint        max_items;
  LpItemIndex *index;
  gboolean     too_large;
} IndexBuild;

/* item_search in name order and its version, from one snapshot. */
static gboolean
load_item_index (PGconn   *conn,
                 gpointer  user_data,
                 GError  **error)
{
  IndexBuild *build = user_data;
  g_autoptr(PGresult) snapshot = NULL, version = NULL, cursor = NULL;
  g_autoptr(LpItemIndex) index = NULL;

  g_clear_pointer (&build->index, lp_item_index_unref);
  if ((snapshot = lp_db_exec (conn, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY",
                              0, NULL, error)) == NULL ||
      (version = lp_db_expect_row (lp_db_exec (conn, "SELECT n FROM item_search_version",
                                               0, NULL, error),
                                   "No item_search_version", error)) == NULL ||
      (cursor = lp_db_exec (conn, "DECLARE item_index NO SCROLL CURSOR FOR"
                            " SELECT item_id, search_text FROM item_search"
                            " ORDER BY name, item_id", 0, NULL, error)) == NULL)
    return FALSE;
  index = lp_item_index_new (lp_db_get_int (version, 0, 0));
  for (;;)
    {
      g_autoptr(PGresult) rows = lp_db_exec (conn, "FETCH " G_STRINGIFY (ITEM_INDEX_FETCH)
                                             " FROM item_index", 0, NULL, error);

      if (rows == NULL)
        return FALSE;
      if (PQntuples (rows) == 0)
        break;
      for (int row = 0; row < PQntuples (rows); row++)
        if (!lp_item_index_add (index, PQgetvalue (rows, row, 0), PQgetvalue (rows, row, 1)))
          {
            g_set_error (error, LP_ERROR, LP_ERROR_INTERNAL, "Item id %s is not a UUID",
                         PQgetvalue (rows, row, 0));
            return FALSE;
          }
      if (lp_item_index_get_n_items (index) > build->max_items)
        {
          build->too_large = TRUE;
          return TRUE;
        }
    }
  lp_item_index_seal (index);
  g_debug ("Search index: %u items, %" G_GSIZE_FORMAT " bytes", lp_item_index_get_n_items (index),
           lp_item_index_get_n_bytes (index));
  build->index = g_steal_pointer (&index);
  return TRUE;
}

static void
build_item_index (PGconn   *conn,
                  gpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  IndexBuild build = { GPOINTER_TO_UINT (user_data), NULL, FALSE };
  gboolean built = conn != NULL && lp_db_transaction (conn, load_item_index, &build, &error);
  gint64 retry_s = build.too_large ? ITEM_INDEX_RETRY_TOO_BIG_S : ITEM_INDEX_RETRY_FAILED_S;

  /* Not a warning: a database that is down is answered for, by every request. */
  if (!built && error != NULL)
    g_message ("The search index was not built: %s", error->message);
  g_mutex_lock (&item_index_lock);
  if (build.index != NULL)
    {
      g_clear_pointer (&item_index, lp_item_index_unref);
      item_index = g_steal_pointer (&build.index);
    }
  else
    item_index_retry_at = g_get_monotonic_time () + retry_s * G_USEC_PER_SEC;
  item_index_building = FALSE;
  g_mutex_unlock (&item_index_lock);
}

/* Has a worker build the next index after this request, unless one is at it. */
static void
rebuild_item_index (LpRequest *req)
{
  guint max_items = (guint) lp_request_get_config (req)->search_index_items;
  gboolean build;

  g_mutex_lock (&item_index_lock);
  build = max_items > 0 && !item_index_building &&
          g_get_monotonic_time () >= item_index_retry_at;
  item_index_building = item_index_building || build;
  g_mutex_unlock (&item_index_lock);
  if (build)
    lp_request_run_later (req, build_item_index, GUINT_TO_POINTER (max_items));
}

LpItemIndex *
lp_item_index_current (LpRequest *req)
{
  LpItemIndex *index = NULL;

  g_mutex_lock (&item_index_lock);
  if (item_index != NULL)
    index = lp_item_index_ref (item_index);
  g_mutex_unlock (&item_index_lock);
  if (index == NULL)
    rebuild_item_index (req);
  return index;
}

void
lp_item_index_drop (LpRequest   *req,
                    LpItemIndex *index)
{
  g_mutex_lock (&item_index_lock);
  if (item_index == index)
    g_clear_pointer (&item_index, lp_item_index_unref);
  g_mutex_unlock (&item_index_lock);
  rebuild_item_index (req);
}
