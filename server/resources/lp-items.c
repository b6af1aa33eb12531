/* lp-items.c — the catalog: items, their availability, condition history and repairs.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-items"

#include "config.h"

#include "lp-resources.h"

#include "lp-error.h"
#include "lp-item-index.h"
#include "lp-json.h"
#include "lp-reply.h"
#include "lp-validation.h"

#define NOTE_MAX_CHARS        2000
#define QUERY_MAX_CHARS       200
#define STOCK_MAX             LP_ITEM_STOCK_MAX
#define AVAILABILITY_MAX_DAYS 366

/* What a POST or PATCH body says about an item; NULL (or -1) for what it leaves out.
 * For the optional texts "" means "clear". year 0 means unknown. */
typedef struct
{
  const char *code;
  const char *name;
  const char *category_id;
  const char *location;
  const char *description;
  const char *author;
  const char *publisher;
  const char *isbn;
  const char *note;          /* why the condition changed (PATCH) */
  gint64      stock_total;
  char       *stock_text;    /* stock_total as SQL text, NULL when not given */
  char       *year_text;
  int         condition;     /* LpItemCondition or -1 */
  int         status;        /* LpItemStatus or -1 */
} ItemInput;

static void
item_input_clear (ItemInput *input)
{
  g_clear_pointer (&input->stock_text, g_free);
  g_clear_pointer (&input->year_text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ItemInput, item_input_clear)

static void
check_text (GError     **error,
            const char  *field,
            const char  *value,
            guint        min_chars,
            guint        max_chars,
            gboolean     multiline)
{
  const char *problem;

  if (value != NULL &&
      (problem = lp_validate_text (value, min_chars, max_chars, multiline)) != NULL)
    lp_validation_add (error, field, problem);
}

static void
read_item_strings (JsonObject  *body,
                   gboolean     creating,
                   ItemInput   *input,
                   GError     **error)
{
  lp_json_get_string (body, "code", creating, &input->code, error);
  lp_json_get_string (body, "name", creating, &input->name, error);
  lp_json_get_string (body, "category_id", creating, &input->category_id, error);
  lp_json_get_string (body, "location", creating, &input->location, error);
  lp_json_get_string (body, "description", FALSE, &input->description, error);
  lp_json_get_string (body, "author", FALSE, &input->author, error);
  lp_json_get_string (body, "publisher", FALSE, &input->publisher, error);
  lp_json_get_string (body, "isbn", FALSE, &input->isbn, error);
  lp_json_get_string (body, "note", FALSE, &input->note, error);
}

static void
read_item_values (JsonObject  *body,
                  gboolean     creating,
                  ItemInput   *input,
                  GError     **error)
{
  gint64 year = 0;
  const char *problem;

  if (lp_json_get_int (body, "stock_total", creating, 0, STOCK_MAX, &input->stock_total, error) &&
      lp_json_has_member (body, "stock_total"))
    input->stock_text = g_strdup_printf ("%" G_GINT64_FORMAT, input->stock_total);
  if (lp_json_get_int (body, "year", FALSE, G_MININT32, G_MAXINT32, &year, error) &&
      lp_json_has_member (body, "year"))
    {
      if (year != 0 && (problem = lp_validate_year (year)) != NULL)
        lp_validation_add (error, "year", problem);
      input->year_text = g_strdup_printf ("%" G_GINT64_FORMAT, year);
    }
  lp_json_get_enum (body, "condition", FALSE, LP_TYPE_ITEM_CONDITION, &input->condition, error);
  lp_json_get_enum (body, "status", FALSE, LP_TYPE_ITEM_STATUS, &input->status, error);
}

static void
validate_item (const ItemInput  *input,
               GError          **error)
{
  /* The item's own fields, by the rules every way of writing an item shares. */
  const struct { const char *field, *value; } texts[] = {
    { "code", input->code }, { "name", input->name }, { "location", input->location },
    { "description", input->description }, { "author", input->author },
    { "publisher", input->publisher }, { "isbn", input->isbn },
  };
  const char *problem;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i].value != NULL &&
        (problem = lp_validate_item_text (texts[i].field, texts[i].value)) != NULL)
      lp_validation_add (error, texts[i].field, problem);
  if (input->category_id != NULL && (problem = lp_validate_uuid (input->category_id)) != NULL)
    lp_validation_add (error, "category_id", problem);
  check_text (error, "note", input->note, 0, NOTE_MAX_CHARS, TRUE);
}

/* Reads and checks a body; every problem of it is reported at once. */
static gboolean
read_item (LpRequest  *req,
           gboolean    creating,
           ItemInput  *input,
           GError    **error)
{
  JsonObject *body = lp_request_get_json (req, error);

  input->condition = -1;
  input->status = -1;
  if (body == NULL)
    return FALSE;
  read_item_strings (body, creating, input, error);
  read_item_values (body, creating, input, error);
  validate_item (input, error);
  return *error == NULL;
}

static const char *
condition_text (const ItemInput *input)
{
  return input->condition >= 0 ? lp_item_condition_to_string (input->condition) : NULL;
}

static const char *
status_text (const ItemInput *input)
{
  return input->status >= 0 ? lp_item_status_to_string (input->status) : NULL;
}

/* The category must exist, and stays so until the item is written (KEY SHARE). */
static gboolean
check_category (PGconn      *conn,
                const char  *category_id,
                GError     **error)
{
  g_autoptr(PGresult) res = NULL;

  if (category_id == NULL)
    return TRUE;
  res = lp_db_query (conn, error, "SELECT 1 FROM categories WHERE id = $1 FOR KEY SHARE",
                     category_id);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) > 0)
    return TRUE;
  lp_validation_add (error, "category_id", "There is no such category.");
  return FALSE;
}

/* Codes are unique ignoring case (items_code_upper_key). */
static gboolean
explain_duplicate (GError **error)
{
  if (!g_error_matches (*error, LP_ERROR, LP_ERROR_DUPLICATE))
    return FALSE;
  g_clear_error (error);
  g_set_error_literal (error, LP_ERROR, LP_ERROR_DUPLICATE, "Another item already has this code");
  lp_error_set_field (*error, "code", "is already used by another item");
  return FALSE;
}

/* Locks the item for a change. Columns: 0 JSON before the change, 1 stock_total,
 * 2 stock_available, 3 condition, 4 status, 5 whether a condition event is open. */
static PGresult *
lock_item (PGconn      *conn,
           const char  *id,
           GError     **error)
{
  PGresult *res = lp_db_query (conn, error,
                               "SELECT item_json(i), i.stock_total, i.stock_available,"
                               " i.condition, i.status, EXISTS (SELECT 1"
                               "  FROM item_condition_events AS e"
                               "  WHERE e.item_id = i.id AND e.resolved_at IS NULL)"
                               " FROM items AS i WHERE i.id = $1 FOR UPDATE OF i",
                               id);

  return lp_db_expect_row (res, "No such item", error);
}

/* Closes the item's open condition events: what was wrong has been dealt with. */
static gboolean
resolve_open_events (LpRequest   *req,
                     PGconn      *conn,
                     const char  *item_id,
                     const char  *note,
                     GError     **error)
{
  g_autoptr(PGresult) res = NULL;

  /* greatest(): an event written by a transaction that began after this one. */
  res = lp_db_query (conn, error,
                     "UPDATE item_condition_events SET resolved_at = greatest(now(), created_at),"
                     " resolved_by = $2, resolution_note = nullif(btrim($3), '')"
                     " WHERE item_id = $1 AND resolved_at IS NULL",
                     item_id, lp_request_get_user_id (req), note);
  return res != NULL;
}

/* One condition change. A change to good leaves nothing to repair: it closes the open
 * events and is itself closed at once (as a good return is). */
static gboolean
add_condition_event (LpRequest   *req,
                     PGconn      *conn,
                     const char  *item_id,
                     const char  *source,
                     const char  *from,
                     const char  *to,
                     const char  *note,
                     GError     **error)
{
  g_autoptr(PGresult) res = NULL;
  gboolean to_good = g_str_equal (to, "good");

  if (to_good && !resolve_open_events (req, conn, item_id, note, error))
    return FALSE;
  res = lp_db_query (conn, error,
                     "INSERT INTO item_condition_events (item_id, source, condition_from,"
                     " condition_to, note, reported_by, resolved_at, resolved_by)"
                     " VALUES ($1, $2, $3, $4, nullif(btrim($5), ''), $6::uuid,"
                     " CASE WHEN $7::boolean THEN now() END,"
                     " CASE WHEN $7::boolean THEN $6::uuid END)",
                     item_id, source, from, to, note, lp_request_get_user_id (req),
                     to_good ? "true" : "false");
  return res != NULL;
}

static gboolean
create_item (LpRequest  *req,
             PGconn     *conn,
             GError    **error)
{
  g_auto(ItemInput) input = { 0 };
  g_autoptr(PGresult) res = NULL;
  const char *id, *condition;

  if (!read_item (req, TRUE, &input, error) || !check_category (conn, input.category_id, error))
    return FALSE;
  res = lp_db_query (conn, error,
                     "INSERT INTO items (code, name, category_id, location, stock_total,"
                     " stock_available, condition, status, description, author, publisher,"
                     " year, isbn) VALUES ($1, btrim($2), $3, btrim($4), $5::int, $5::int,"
                     " coalesce($6, 'good'), coalesce($7, 'available'), coalesce(btrim($8), ''),"
                     " nullif(btrim($9), ''), nullif(btrim($10), ''), nullif($11::int, 0),"
                     " nullif(btrim($12), '')) RETURNING item_json(items), id, condition",
                     input.code, input.name, input.category_id, input.location, input.stock_text,
                     condition_text (&input), status_text (&input), input.description,
                     input.author, input.publisher, input.year_text, input.isbn);
  if (res == NULL)
    return explain_duplicate (error);
  id = lp_db_get (res, 0, 1);
  condition = lp_db_get (res, 0, 2);
  /* An item that arrives damaged has its damage on record from the start. */
  if (!g_str_equal (condition, "good") &&
      !add_condition_event (req, conn, id, "admin_edit", "good", condition, input.note, error))
    return FALSE;
  return lp_activity_log (req, conn, "item.create", "items", id, NULL, lp_db_get (res, 0, 0),
                          error) &&
         lp_reply_row (req, 201, res, "", error);
}

/* Reads render an item in C from plain columns rather than through item_json() (0003):
 * the same JSON text, byte for byte (jsonb's key order and spacing; test-catalog.c
 * compares it with item_json()), at a fraction of the cost. ITEM_COLUMNS are in the
 * order of the keys; ITEM_FROM names the item i and its category c. */
#define ITEM_COLUMNS \
  "i.id, i.code, i.isbn, i.name, i.year, i.author, i.status, c.id, c.name, i.location," \
  " i.condition, i.publisher, item_is_borrowable(i.status, i.stock_available)," \
  " i.created_at, i.updated_at, i.category_id, i.description, i.stock_total," \
  " i.stock_available"
#define ITEM_N_COLUMNS 19
#define ITEM_FROM " FROM items AS i LEFT JOIN categories AS c ON c.id = i.category_id"

/* A JSON string as PostgreSQL's escape_json() writes it; NULL is null. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  const char *run;

  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (run = text; *text != '\0'; text++)
    {
      unsigned char c = (unsigned char) *text;
      const char *escape;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, text - run);
      run = text + 1;
      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default: escape = NULL; break;
        }
      if (escape != NULL)
        g_string_append (out, escape);
      else
        g_string_append_printf (out, "\\u%04x", c);
    }
  g_string_append_len (out, run, text - run);
  g_string_append_c (out, '"');
}

/* api_ts() (0002) from a timestamptz's text: the connection has TimeZone UTC and
 * DateStyle ISO (lp_db_connect), so "2026-01-31 08:15:42.123+00" is
 * "2026-01-31T08:15:42Z" (to_char truncates the fraction too). */
static void
append_json_timestamp (GString    *out,
                       const char *text)
{
  const char *space = text != NULL ? strchr (text, ' ') : NULL;

  if (space == NULL || strlen (space + 1) < 8 || strstr (space, "BC") != NULL)
    {
      append_json_string (out, text);
      return;
    }
  g_string_append_c (out, '"');
  g_string_append_len (out, text, space - text);
  g_string_append_c (out, 'T');
  g_string_append_len (out, space + 1, 8);
  g_string_append (out, "Z\"");
}

static void
append_json_raw (GString    *out,
                 const char *text)
{
  g_string_append (out, text != NULL ? text : "null");
}

/* The item of ITEM_COLUMNS at column col of row. */
static void
append_item_json (GString        *out,
                  const PGresult *res,
                  int             row,
                  int             col)
{
#define V(n) lp_db_get (res, row, col + (n))
  g_string_append (out, "{\"id\": ");
  append_json_string (out, V (0));
  g_string_append (out, ", \"code\": ");
  append_json_string (out, V (1));
  g_string_append (out, ", \"isbn\": ");
  append_json_string (out, V (2));
  g_string_append (out, ", \"name\": ");
  append_json_string (out, V (3));
  g_string_append (out, ", \"year\": ");
  append_json_raw (out, V (4));
  g_string_append (out, ", \"author\": ");
  append_json_string (out, V (5));
  g_string_append (out, ", \"status\": ");
  append_json_string (out, V (6));
  g_string_append (out, ", \"category\": ");
  if (V (7) == NULL)
    g_string_append (out, "null");
  else
    {
      g_string_append (out, "{\"id\": ");
      append_json_string (out, V (7));
      g_string_append (out, ", \"name\": ");
      append_json_string (out, V (8));
      g_string_append_c (out, '}');
    }
  g_string_append (out, ", \"location\": ");
  append_json_string (out, V (9));
  g_string_append (out, ", \"condition\": ");
  append_json_string (out, V (10));
  g_string_append (out, ", \"publisher\": ");
  append_json_string (out, V (11));
  g_string_append (out, ", \"borrowable\": ");
  g_string_append (out, lp_db_get_bool (res, row, col + 12) ? "true" : "false");
  g_string_append (out, ", \"created_at\": ");
  append_json_timestamp (out, V (13));
  g_string_append (out, ", \"updated_at\": ");
  append_json_timestamp (out, V (14));
  g_string_append (out, ", \"category_id\": ");
  append_json_string (out, V (15));
  g_string_append (out, ", \"description\": ");
  append_json_string (out, V (16));
  g_string_append (out, ", \"stock_total\": ");
  append_json_raw (out, V (17));
  g_string_append (out, ", \"stock_available\": ");
  append_json_raw (out, V (18));
  g_string_append_c (out, '}');
#undef V
}

static void
reply_gstring (LpRequest *req,
               GString   *text)
{
  g_autoptr(GBytes) bytes = g_string_free_to_bytes (text);

  lp_request_reply_bytes (req, 200, LP_JSON_CONTENT_TYPE, bytes);
}

/* The category by its key (a lateral sub-select the planner keeps as it is), not the
 * hash join over every category a generic plan would pick for one row. */
#define ITEM_BY_ID_SQL \
  "SELECT " ITEM_COLUMNS " FROM items AS i LEFT JOIN LATERAL" \
  " (SELECT c.id, c.name FROM categories AS c" \
  "  WHERE c.id = i.category_id OFFSET 0) AS c ON true" \
  " WHERE i.id = $1"

static gboolean
item_query (LpRequest    *req,
            const char  **sql,
            const char  **params,
            int          *n_params,
            GError      **error)
{
  if (!lp_request_get_id (req, "id", &params[0], error))
    return FALSE;
  *sql = ITEM_BY_ID_SQL;
  *n_params = 1;
  return TRUE;
}

static gboolean
item_reply (LpRequest       *req,
            const PGresult  *res,
            GError         **error)
{
  GString *text;

  if (PQntuples (res) == 0)
    {
      g_set_error_literal (error, LP_ERROR, LP_ERROR_NOT_FOUND, "No such item");
      return FALSE;
    }
  text = g_string_sized_new (640);
  append_item_json (text, res, 0, 0);
  reply_gstring (req, text);
  return TRUE;
}

/* GET /items/{id}: down the main loop's pipe (lp-request.h). */
static const LpRouteRead item_read = { item_query, item_reply };

/* The units out (lent, or approved and set aside) are stock_total - stock_available;
 * the item cannot own fewer units than that. */
static gboolean
check_stock (const PGresult   *old,
             const ItemInput  *input,
             GError          **error)
{
  gint64 out = lp_db_get_int (old, 0, 1) - lp_db_get_int (old, 0, 2);

  if (input->stock_text == NULL || input->stock_total >= out)
    return TRUE;
  g_set_error (error, LP_ERROR, LP_ERROR_CONFLICT,
               "%" G_GINT64_FORMAT " units are out on loan; stock_total cannot be lower than that",
               out);
  lp_error_set_field (*error, "stock_total", "is lower than the units out on loan");
  return FALSE;
}

/* Changing stock_total moves stock_available by the same amount (units bought or written
 * off are on the shelf). Columns: 0 the new JSON, 1 the new condition. */
static PGresult *
write_item_change (PGconn           *conn,
                   const char       *id,
                   const ItemInput  *in,
                   GError          **error)
{
  return lp_db_query (conn, error,
                      "UPDATE items SET code = coalesce($2, code),"
                      " name = coalesce(btrim($3), name),"
                      " category_id = coalesce($4::uuid, category_id),"
                      " location = coalesce(btrim($5), location),"
                      " stock_available = stock_available + coalesce($6::int - stock_total, 0),"
                      " stock_total = coalesce($6::int, stock_total),"
                      " condition = coalesce($7, condition), status = coalesce($8, status),"
                      " description = coalesce(btrim($9), description),"
                      " author = CASE WHEN $10::text IS NULL THEN author"
                      "  ELSE nullif(btrim($10), '') END,"
                      " publisher = CASE WHEN $11::text IS NULL THEN publisher"
                      "  ELSE nullif(btrim($11), '') END,"
                      " year = CASE WHEN $12::int IS NULL THEN year ELSE nullif($12::int, 0) END,"
                      " isbn = CASE WHEN $13::text IS NULL THEN isbn"
                      "  ELSE nullif(btrim($13), '') END"
                      " WHERE id = $1 RETURNING item_json(items), condition",
                      id, in->code, in->name, in->category_id, in->location, in->stock_text,
                      condition_text (in), status_text (in), in->description, in->author,
                      in->publisher, in->year_text, in->isbn);
}

static gboolean
update_item (LpRequest  *req,
             PGconn     *conn,
             GError    **error)
{
  g_auto(ItemInput) input = { 0 };
  g_autoptr(PGresult) old = NULL;
  g_autoptr(PGresult) res = NULL;
  const char *id, *was, *now;

  if (!lp_request_get_id (req, "id", &id, error) || !read_item (req, FALSE, &input, error))
    return FALSE;
  if ((old = lock_item (conn, id, error)) == NULL || !check_stock (old, &input, error) ||
      !check_category (conn, input.category_id, error))
    return FALSE;
  if ((res = write_item_change (conn, id, &input, error)) == NULL)
    return explain_duplicate (error);
  was = lp_db_get (old, 0, 3);
  now = lp_db_get (res, 0, 1);
  if (!g_str_equal (was, now) &&
      !add_condition_event (req, conn, id, "admin_edit", was, now, input.note, error))
    return FALSE;
  return lp_activity_log (req, conn, "item.update", "items", id, lp_db_get (old, 0, 0),
                          lp_db_get (res, 0, 0), error) &&
         lp_reply_row (req, 200, res, "No such item", error);
}

static gboolean
delete_item (LpRequest  *req,
             PGconn     *conn,
             GError    **error)
{
  g_autoptr(PGresult) old = NULL;
  g_autoptr(PGresult) res = NULL;
  const char *id;

  if (!lp_request_get_id (req, "id", &id, error) || (old = lock_item (conn, id, error)) == NULL)
    return FALSE;
  res = lp_db_query (conn, error, "DELETE FROM items WHERE id = $1", id);
  if (res == NULL)
    {
      if (g_error_matches (*error, LP_ERROR, LP_ERROR_IN_USE))
        {
          g_clear_error (error);
          g_set_error_literal (error, LP_ERROR, LP_ERROR_IN_USE,
                               "This item has loans, complaints or a condition history; "
                               "set its status to unavailable instead");
        }
      return FALSE;
    }
  if (!lp_activity_log (req, conn, "item.delete", "items", id, lp_db_get (old, 0, 0), NULL,
                        error))
    return FALSE;
  lp_request_reply_empty (req, 204);
  return TRUE;
}

/* The range row: 0 from, 1 to, 2 to - from in days. */
static gboolean
check_range (const PGresult  *range,
             GError         **error)
{
  gint64 span = lp_db_get_int (range, 0, 2);

  if (span < 0)
    lp_validation_add (error, "to", "The end date cannot be before the start date.");
  else if (span + 1 > AVAILABILITY_MAX_DAYS)
    lp_validation_add (error, "to", "Ask for at most 366 days at once.");
  return *error == NULL;
}

/* GET /items/{id}/availability: units free on each day, from item_free_units(), the
 * function the loans use against double booking. From today (library time zone) for
 * four weeks unless asked otherwise. */
static gboolean
item_availability (LpRequest  *req,
                   PGconn     *conn,
                   GError    **error)
{
  g_autoptr(PGresult) range = NULL;
  g_autoptr(PGresult) res = NULL;
  const char *id, *from = NULL, *to = NULL;
  gboolean ok;

  if (!lp_request_get_id (req, "id", &id, error))
    return FALSE;
  /* ?from= and ?to= are calendar dates; absent or empty means the default. */
  ok = lp_request_get_date_query (req, "from", &from, error);
  if (!lp_request_get_date_query (req, "to", &to, error) || !ok)
    return FALSE;
  range = lp_db_query (conn, error,
                       "SELECT f, t, t - f FROM (SELECT f, coalesce($2::date, f + 27) AS t"
                       " FROM (SELECT coalesce($1::date, library_today()) AS f) AS a) AS b",
                       from, to);
  if (range == NULL || !check_range (range, error))
    return FALSE;
  res = lp_db_query (conn, error,
                     "SELECT jsonb_build_object('item_id', i.id, 'from', $2::date, 'to', $3::date,"
                     " 'stock_total', i.stock_total, 'days', coalesce((SELECT jsonb_agg("
                     "  jsonb_build_object('date', f.day, 'free', greatest(f.free, 0))"
                     "  ORDER BY f.day) FROM item_free_units(i.id, $2::date, $3::date) AS f),"
                     " '[]'::jsonb)) FROM items AS i WHERE i.id = $1",
                     id, lp_db_get (range, 0, 0), lp_db_get (range, 0, 1));
  return lp_reply_row (req, 200, res, "No such item", error);
}

/* GET /items/{id}/history: the condition events, newest first. */
static gboolean
item_history (LpRequest  *req,
              PGconn     *conn,
              GError    **error)
{
  g_autoptr(PGresult) item = NULL;
  const char *id;

  if (!lp_request_get_id (req, "id", &id, error))
    return FALSE;
  item = lp_db_query (conn, error, "SELECT 1 FROM items WHERE id = $1", id);
  if (item == NULL)
    return FALSE;
  if (PQntuples (item) == 0)
    {
      g_set_error_literal (error, LP_ERROR, LP_ERROR_NOT_FOUND, "No such item");
      return FALSE;
    }
  return lp_reply_page (req, conn,
                        "SELECT item_condition_event_json(e) AS j, e.created_at, e.id"
                        " FROM item_condition_events AS e WHERE e.item_id = $1",
                        "created_at DESC, id DESC", 1, (const char *[]) { id }, error);
}

/* {note?}; the body may also be empty. */
static gboolean
read_repair_note (LpRequest   *req,
                  const char **note,
                  GError     **error)
{
  JsonObject *body;

  *note = NULL;
  if (g_bytes_get_size (lp_request_get_body (req)) == 0)
    return TRUE;
  if ((body = lp_request_get_json (req, error)) == NULL)
    return FALSE;
  lp_json_get_string (body, "note", FALSE, note, error);
  check_text (error, "note", *note, 0, NOTE_MAX_CHARS, TRUE);
  return *error == NULL;
}

/* Only a damaged item, one under maintenance, or one with open events can be repaired:
 * "repairing" a sound item would only put noise in its history (or undo an admin's
 * "unavailable"). */
static gboolean
check_needs_repair (const PGresult  *old,
                    GError         **error)
{
  const char *status = lp_db_get (old, 0, 4);

  if (!g_str_equal (lp_db_get (old, 0, 3), "good") || lp_db_get_bool (old, 0, 5) ||
      g_str_equal (status, "needs_maintenance") || g_str_equal (status, "maintenance"))
    return TRUE;
  g_set_error_literal (error, LP_ERROR, LP_ERROR_CONFLICT,
                       "This item is in good condition and needs no repair");
  return FALSE;
}

/* POST /items/{id}/repair: the item is back in good condition and available. */
static gboolean
repair_item (LpRequest  *req,
             PGconn     *conn,
             GError    **error)
{
  g_autoptr(PGresult) old = NULL;
  g_autoptr(PGresult) res = NULL;
  const char *id, *note;

  if (!lp_request_get_id (req, "id", &id, error) || !read_repair_note (req, &note, error))
    return FALSE;
  if ((old = lock_item (conn, id, error)) == NULL || !check_needs_repair (old, error) ||
      !add_condition_event (req, conn, id, "repair", lp_db_get (old, 0, 3), "good", note,
                            error))
    return FALSE;
  res = lp_db_query (conn, error,
                     "UPDATE items SET condition = 'good', status = 'available'"
                     " WHERE id = $1 RETURNING item_json(items)",
                     id);
  return res != NULL &&
         lp_activity_log (req, conn, "item.repair", "items", id, lp_db_get (old, 0, 0),
                          lp_db_get (res, 0, 0), error) &&
         lp_reply_row (req, 200, res, "No such item", error);
}

/* The list filters: NULL for "any". */
typedef struct
{
  const char *q;
  const char *category_id;
  const char *status;
  const char *condition;
  const char *borrowable;
} ItemFilter;

static gboolean
read_item_filter (LpRequest   *req,
                  ItemFilter  *filter,
                  GError     **error)
{
  filter->q = lp_request_get_query (req, "q");
  if (filter->q != NULL && *filter->q == '\0')
    filter->q = NULL;
  check_text (error, "q", filter->q, 0, QUERY_MAX_CHARS, FALSE);
  /* An enum filter must be one of the enum's wire strings (400 otherwise, like a body). */
  if (!lp_request_get_uuid_query (req, "category_id", &filter->category_id, error) ||
      *error != NULL ||
      !lp_request_get_enum_query (req, "status", LP_TYPE_ITEM_STATUS, &filter->status, error) ||
      !lp_request_get_enum_query (req, "condition", LP_TYPE_ITEM_CONDITION, &filter->condition,
                                  error))
    return FALSE;
  return lp_request_get_bool_query (req, "borrowable", &filter->borrowable, error);
}

/* Past this many matches a list without ?q= reports the planner's estimate as its total,
 * with "total_is_estimate": true: counting every item of a large catalog cost more than
 * rendering its page. Up to here the total is exact (counting stops one past it). */
#define EXACT_TOTAL_MAX 1000

/* A plain search that the statistics say matches more than this many items reports an
 * estimate as its total (with "total_is_estimate": true), and its page is sorted from the
 * matches without storing and counting them: for a common term most of a search's time.
 * The statistics are the histogram of item_search.search_text that ANALYZE (or
 * autovacuum) keeps, a sample of about a hundred rows: a term counts as common when at
 * least SEARCH_ESTIMATE_HITS of them contain it and they predict more than
 * SEARCH_ESTIMATE_MIN matches, so that a search of a few hundred matches stays counted. */
#define SEARCH_ESTIMATE_MIN  2000
#define SEARCH_ESTIMATE_HITS 3
/* How long the server keeps the histogram before it asks for it again. */
#define SEARCH_STATS_SECONDS 5

static GMutex search_stats_lock;
static GPtrArray *search_stats_bounds;   /* of char *, lower-cased search texts */
static double search_stats_rows;         /* item_search's reltuples */
static gint64 search_stats_fetched;      /* g_get_monotonic_time() */

/* The histogram of item_search.search_text (empty before the first ANALYZE) and the
 * table's estimated rows, at most SEARCH_STATS_SECONDS old. */
static GPtrArray *
search_stats (PGconn  *conn,
              double  *rows,
              GError **error)
{
  g_autoptr(PGresult) res = NULL;
  GPtrArray *bounds = NULL;
  gint64 now = g_get_monotonic_time ();

  g_mutex_lock (&search_stats_lock);
  if (search_stats_bounds != NULL &&
      now - search_stats_fetched < SEARCH_STATS_SECONDS * G_USEC_PER_SEC)
    {
      bounds = g_ptr_array_ref (search_stats_bounds);
      *rows = search_stats_rows;
    }
  g_mutex_unlock (&search_stats_lock);
  if (bounds != NULL)
    return bounds;
  res = lp_db_exec_prepared (conn,
                             "SELECT t.reltuples::float8, b.v FROM pg_class AS t LEFT JOIN"
                             " (pg_stats AS st CROSS JOIN LATERAL"
                             "  unnest(st.histogram_bounds::text::text[]) AS b (v))"
                             " ON st.schemaname = current_schema()"
                             " AND st.tablename = 'item_search' AND st.attname = 'search_text'"
                             " WHERE t.oid = 'item_search'::regclass",
                             0, NULL, error);
  if (res == NULL)
    return NULL;
  bounds = g_ptr_array_new_with_free_func (g_free);
  *rows = PQntuples (res) > 0 ? g_ascii_strtod (PQgetvalue (res, 0, 0), NULL) : 0;
  for (int row = 0; row < PQntuples (res); row++)
    if (!PQgetisnull (res, row, 1))
      g_ptr_array_add (bounds, g_strdup (PQgetvalue (res, row, 1)));
  g_mutex_lock (&search_stats_lock);
  g_clear_pointer (&search_stats_bounds, g_ptr_array_unref);
  search_stats_bounds = g_ptr_array_ref (bounds);
  search_stats_rows = *rows;
  search_stats_fetched = now;
  g_mutex_unlock (&search_stats_lock);
  return bounds;
}

/* The statistics' estimate of a plain search's matches when the term is common (see
 * SEARCH_ESTIMATE_MIN), -1 when the search is to be counted. FALSE on a database error. */
static gboolean
estimate_search (PGconn      *conn,
                 const char  *q,
                 double      *estimate,
                 GError     **error)
{
  g_autoptr(GPtrArray) bounds = NULL;
  g_autofree char *needle = g_utf8_strdown (q, -1);
  double rows = 0;
  guint hits = 0;

  *estimate = -1;
  if ((bounds = search_stats (conn, &rows, error)) == NULL)
    return FALSE;
  if (bounds->len < 2)
    return TRUE;
  for (guint k = 0; k < bounds->len; k++)
    if (strstr (g_ptr_array_index (bounds, k), needle) != NULL)
      hits++;
  if (hits >= SEARCH_ESTIMATE_HITS && hits * rows / bounds->len > SEARCH_ESTIMATE_MIN)
    *estimate = hits * rows / bounds->len;
  return TRUE;
}

/* The filters as SQL conditions on items AS i, each "AND …" with its own parameter. */
static void
append_item_filter (GString            *sql,
                    GPtrArray          *params,
                    const ItemFilter   *f)
{
  struct { const char *value, *before, *after; } each[] = {
    /* Planned with its value each time (lists with more filters are not prepared), so
     * the pattern is a constant for the planner, and is worked out once. */
    { f->q, "i.search_text LIKE lower(contains_pattern(", "))" },
    { f->category_id, "i.category_id = ", "::uuid" },
    { f->status, "i.status = ", "" },
    { f->condition, "i.condition = ", "" },
    { f->borrowable, "item_is_borrowable(i.status, i.stock_available) = ", "::boolean" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (each); k++)
    {
      if (each[k].value == NULL)
        continue;
      g_ptr_array_add (params, (gpointer) each[k].value);
      g_string_append_printf (sql, " AND %s$%u%s", each[k].before, params->len, each[k].after);
    }
}

/* The most words a plain search is split into, and the fewest characters of each: more
 * words, or a shorter one, are matched as one pattern. (A short word has few trigrams of
 * its own, common ones, and there the ones across the spaces narrow the search most.) */
#define SEARCH_WORDS_MAX 4
#define SEARCH_WORD_MIN  5

/* A plain search's condition on item_search AS s. The trigram index looks up every
 * trigram of the pattern, and a term of several words has trigrams across the spaces
 * ("r b", "  b": one in every row with a word starting with b) whose long lists cost more
 * than all the rest. So a term of 2 to SEARCH_WORDS_MAX words, each of at least
 * SEARCH_WORD_MIN characters, asks the index for each word on its own (words as params, after the
 * others), and the whole pattern is checked on the rows found, through textlike(), which
 * is the same match as LIKE but not handed to the index. A row that matches the whole
 * pattern matches each word, so no match is lost. Otherwise the pattern as it is. */
static char *
search_condition (const char *q,
                  GPtrArray  *params,
                  GPtrArray  *words)
{
  g_auto(GStrv) split = g_regex_split_simple ("\\s+", q, G_REGEX_OPTIMIZE, 0);
  g_autoptr(GString) cond = g_string_new (NULL);

  for (guint k = 0; split[k] != NULL; k++)
    if (*split[k] != '\0')
      {
        if (g_utf8_strlen (split[k], -1) < SEARCH_WORD_MIN || words->len == SEARCH_WORDS_MAX)
          {
            g_ptr_array_set_size (words, 0);
            break;
          }
        g_ptr_array_add (words, g_strdup (split[k]));
      }
  if (words->len < 2)
    return g_strdup ("s.search_text LIKE (SELECT lower(contains_pattern($1::text)))");
  for (guint k = 0; k < words->len; k++)
    {
      g_ptr_array_add (params, g_ptr_array_index (words, k));
      g_string_append_printf (cond, "s.search_text LIKE (SELECT lower(contains_pattern($%u::text)))"
                              " AND ", params->len);
    }
  g_string_append (cond, "textlike(s.search_text, (SELECT lower(contains_pattern($1::text))))");
  return g_string_free (g_steal_pointer (&cond), FALSE);
}

/* The planner's row estimate for "SELECT FROM items AS i WHERE true <filter>"; -1 when it
 * cannot be had. */
static gint64
estimate_rows (PGconn      *conn,
               const char  *filter_sql,
               GPtrArray   *params,
               GError     **error)
{
  g_autofree char *sql = g_strconcat ("EXPLAIN (FORMAT JSON) SELECT FROM items AS i WHERE true",
                                      filter_sql, NULL);
  g_autoptr(PGresult) res = lp_db_exec (conn, sql, (int) params->len,
                                        (const char * const *) params->pdata, error);
  const char *plan, *rows;

  if (res == NULL || PQntuples (res) == 0 || (plan = lp_db_get (res, 0, 0)) == NULL ||
      (rows = strstr (plan, "\"Plan Rows\":")) == NULL)
    return -1;
  return (gint64) g_ascii_strtod (rows + strlen ("\"Plan Rows\":"), NULL);
}

/* The items of the page's keys p, each looked up by its key: a nested loop whatever the
 * planner guesses the page's size to be (a kept generic plan, not knowing the limit,
 * would otherwise hash-join the whole table). */
#define PAGE_ITEMS \
  "CROSS JOIN LATERAL (SELECT * FROM items AS i WHERE i.id = p.id OFFSET 0) AS i" \
  " LEFT JOIN LATERAL (SELECT c.id, c.name FROM categories AS c" \
  "  WHERE c.id = i.category_id OFFSET 0) AS c ON true"

/* The page of GET /items: the rows of @res from column 2 on (a NULL id: no item). */
static void
reply_item_page (LpRequest *req,
                 PGresult  *res,
                 gint64     total,
                 gboolean   estimated,
                 gint64     limit,
                 gint64     offset)
{
  int n = PQntuples (res);
  GString *text = g_string_sized_new (64 + (gsize) n * 640);
  gboolean first = TRUE;

  g_string_append (text, "{\"items\" : [");
  for (int row = 0; row < n; row++)
    {
      if (PQgetisnull (res, row, 2))
        continue;
      if (!first)
        g_string_append (text, ", ");
      first = FALSE;
      append_item_json (text, res, row, 2);
    }
  g_string_append_printf (text, "], \"total\" : %" G_GINT64_FORMAT "%s, \"limit\" : %"
                          G_GINT64_FORMAT ", \"offset\" : %" G_GINT64_FORMAT "}",
                          total, estimated ? ", \"total_is_estimate\" : true" : "",
                          limit, offset);
  reply_gstring (req, text);
}

/* The page's items by their keys, in the order given, and the version of item_search in
 * the same snapshot (one row with NULL items for an empty page). */
#define INDEX_PAGE_SQL \
  "SELECT v.n, NULL::float8, " ITEM_COLUMNS " FROM item_search_version AS v LEFT JOIN" \
  " (unnest($1::uuid[]) WITH ORDINALITY AS p (id, k) " PAGE_ITEMS ") ON true ORDER BY p.k"

/* A plain search from the index: *answered, and the reply set, unless the database is to
 * search — no index yet, a term the index declines, or a catalog that changed since it
 * was built (then the next one is built meanwhile). FALSE on a database error. */
static gboolean
search_from_index (LpRequest   *req,
                   PGconn      *conn,
                   const char  *q,
                   gint64       limit,
                   gint64       offset,
                   gboolean    *answered,
                   GError     **error)
{
  g_autoptr(LpItemIndex) index = lp_item_index_current (req);
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GString) ids = g_string_new ("{");
  g_autoptr(PGresult) res = NULL;
  const char *params[1];

  *answered = FALSE;
  if (index == NULL || !lp_item_index_find (index, q, slots))
    return TRUE;
  for (gint64 k = offset; k < offset + limit && k < (gint64) slots->len; k++)
    {
      char id[LP_ITEM_INDEX_ID_SIZE];

      lp_item_index_get_id (index, g_array_index (slots, guint32, k), id);
      if (k > offset)
        g_string_append_c (ids, ',');
      g_string_append (ids, id);
    }
  g_string_append_c (ids, '}');
  params[0] = ids->str;
  if ((res = lp_db_exec_prepared (conn, INDEX_PAGE_SQL, 1, params, error)) == NULL)
    return FALSE;
  if (lp_db_get_int (res, 0, 0) != lp_item_index_get_version (index))
    {
      lp_item_index_drop (req, index);
      return TRUE;
    }
  reply_item_page (req, res, slots->len, FALSE, limit, offset);
  lp_request_add_header (req, "X-Search", "index");
  *answered = TRUE;
  return TRUE;
}

/* GET /items. ?q= matches code, name, author, publisher, isbn and location through the
 * search_text, with %, _ and \ taken literally. A plain search (q alone) is answered from
 * the index in memory when it can be (search_from_index); what follows is the database's
 * own answer.
 *
 * One statement answers the count and the page; only the page's rows are read whole and
 * rendered (in C, append_item_json). The page's keys (i.id, i.name) come from the name
 * index, or the search's matches, and the items are joined to them afterwards, so an
 * offset skips index entries rather than rows. Without ?q= counting stops past
 * EXACT_TOTAL_MAX; with ?q= the matches are gathered once (through the trigram index, of
 * item_search for q alone), and both counted and sorted, which a large catalog would
 * otherwise walk in name order to find a rare term; for q alone and a term the statistics
 * call common (estimate_search) only sorted, with an estimated total. Only the filters
 * given are in the SQL, so that the planner sees plain conditions. */
static gboolean
list_items (LpRequest  *req,
            PGconn     *conn,
            GError    **error)
{
  ItemFilter f = { NULL, NULL, NULL, NULL, NULL };
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  g_autoptr(GString) filter = g_string_new (NULL);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) page = g_string_new (NULL);
  g_autoptr(PGresult) res = NULL;
  gboolean prepared, plain_search;
  g_autofree char *limit_text = NULL, *offset_text = NULL, *search_cond = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  gint64 limit, offset, total;
  const char *exact_total = NULL;
  gboolean estimated = FALSE;
  double search_estimate = -1;
  gint64 count_max;
  int n;

  if (!read_item_filter (req, &f, error) || !lp_request_get_page (req, &limit, &offset, error) ||
      !lp_request_get_bool_query (req, "exact_total", &exact_total, error))
    return FALSE;
  /* A client that lays out every row of the list (the app's paged model) asks for the
   * exact count: an estimate would leave rows past it out of reach. */
  count_max = g_strcmp0 (exact_total, "true") == 0 ? G_MAXINT32 : EXACT_TOTAL_MAX + 1;
  append_item_filter (filter, params, &f);
  if (f.q != NULL && params->len == 1)
    {
      gboolean answered;

      if (!search_from_index (req, conn, f.q, limit, offset, &answered, error))
        return FALSE;
      if (answered)
        return TRUE;
    }
  if (f.q != NULL && params->len == 1 && count_max == EXACT_TOTAL_MAX + 1 &&
      !estimate_search (conn, f.q, &search_estimate, error))
    return FALSE;
  limit_text = g_strdup_printf ("%" G_GINT64_FORMAT, limit);
  offset_text = g_strdup_printf ("%" G_GINT64_FORMAT, offset);
  g_ptr_array_add (params, limit_text);
  g_ptr_array_add (params, offset_text);
  /* The whole catalog and a plain search are the common lists: their plans are kept
   * (lp_db_exec_prepared). Their limit and offset are sub-selects, which no plan can
   * look into: so every plan is the same, and PostgreSQL settles on keeping one instead
   * of planning each page anew. (A plain search's pattern is a sub-select too.) */
  prepared = filter->len == 0 || (params->len == 3 && f.q != NULL);
  g_string_printf (page, prepared ? "LIMIT (SELECT $%u::bigint) OFFSET (SELECT $%u::bigint)"
                                  : "LIMIT $%u OFFSET $%u",
                   params->len - 1, params->len);
  plain_search = f.q != NULL && params->len == 3;
  if (plain_search)
    search_cond = search_condition (f.q, params, words);
  if (search_estimate >= 0)
    /* A common term: its page sorted straight from the matches, its total estimated. */
    g_string_printf (sql,
                     "WITH p AS (SELECT s.item_id AS id, s.name FROM item_search AS s"
                     "  WHERE %s ORDER BY s.name, s.item_id %s)"
                     " SELECT NULL::bigint, NULL::float8, " ITEM_COLUMNS
                     " FROM (SELECT) AS n LEFT JOIN (p " PAGE_ITEMS ") ON true"
                     " ORDER BY p.name, p.id",
                     search_cond, page->str);
  else if (plain_search)
    /* A plain search reads the narrow item_search (0009), which items keeps in step. Its
     * plan is kept: the pattern is a sub-select, worked out once per query rather than
     * for every row the kept plan rechecks. */
    g_string_printf (sql,
                     "WITH m AS MATERIALIZED (SELECT s.item_id AS id, s.name FROM item_search AS s"
                     "  WHERE %s),"
                     " p AS (SELECT m.id, m.name FROM m ORDER BY m.name, m.id %s)"
                     " SELECT n.n, NULL::float8, " ITEM_COLUMNS
                     " FROM (SELECT count(*) AS n FROM m) AS n LEFT JOIN"
                     " (p " PAGE_ITEMS ") ON true ORDER BY p.name, p.id",
                     search_cond, page->str);
  else if (f.q != NULL)
    g_string_printf (sql,
                     "WITH m AS MATERIALIZED (SELECT i.id, i.name FROM items AS i WHERE true%s),"
                     " p AS (SELECT m.id, m.name FROM m ORDER BY m.name, m.id %s)"
                     " SELECT n.n, NULL::float8, " ITEM_COLUMNS
                     " FROM (SELECT count(*) AS n FROM m) AS n LEFT JOIN"
                     " (p " PAGE_ITEMS ") ON true ORDER BY p.name, p.id",
                     filter->str, page->str);
  else
    g_string_printf (sql,
                     "WITH p AS (SELECT i.id, i.name FROM items AS i WHERE true%s"
                     "  ORDER BY i.name, i.id %s)"
                     " SELECT n.n, %s, " ITEM_COLUMNS
                     " FROM (SELECT count(*) AS n FROM (SELECT FROM items AS i WHERE true%s"
                     "  LIMIT %d) AS k) AS n LEFT JOIN"
                     " (p " PAGE_ITEMS ") ON true ORDER BY p.name, p.id",
                     filter->str, page->str,
                     /* The whole catalog: the planner's estimate, without asking it. */
                     filter->len == 0 ? "(SELECT CASE WHEN t.relpages > 0 THEN t.reltuples"
                                        " / t.relpages * (pg_relation_size(t.oid)"
                                        " / current_setting('block_size')::int) END"
                                        " FROM pg_class AS t WHERE t.oid = 'items'::regclass)"
                                      : "NULL::float8",
                     filter->str, (int) count_max);
  if (prepared)
    res = lp_db_exec_prepared (conn, sql->str, (int) params->len,
                               (const char * const *) params->pdata, error);
  else
    res = lp_db_exec (conn, sql->str, (int) params->len, (const char * const *) params->pdata,
                      error);
  if (res == NULL)
    return FALSE;
  total = lp_db_get_int (res, 0, 0);
  if (f.q == NULL && total > EXACT_TOTAL_MAX && count_max == EXACT_TOTAL_MAX + 1)
    {
      gint64 estimate = -1;

      if (!PQgetisnull (res, 0, 1))
        estimate = (gint64) g_ascii_strtod (PQgetvalue (res, 0, 1), NULL);
      else
        {
          g_ptr_array_set_size (params, params->len - 2);
          estimate = estimate_rows (conn, filter->str, params, error);
          if (estimate < 0 && error != NULL && *error != NULL)
            return FALSE;
        }
      total = MAX (estimate, EXACT_TOTAL_MAX + 1);
      estimated = TRUE;
    }

  n = PQntuples (res);
  if (search_estimate >= 0)
    {
      gint64 rows = PQgetisnull (res, 0, 2) ? 0 : n;

      /* A page short of its limit ends the matches: then the total is known. */
      if (rows < limit && (rows > 0 || offset == 0))
        total = offset + rows;
      else
        {
          total = MAX (MAX ((gint64) search_estimate, offset + rows), EXACT_TOTAL_MAX + 1);
          estimated = TRUE;
        }
    }
  reply_item_page (req, res, total, estimated, limit, offset);
  return TRUE;
}

static const LpRoute item_routes[] = {
  { "GET", "/api/v1/items", LP_ROLES_ANY, LP_ROUTE_CACHED, list_items },
  { "POST", "/api/v1/items", LP_ROLE_ADMIN, LP_ROUTE_TRANSACTION, create_item },
  { "GET", "/api/v1/items/{id}", LP_ROLES_ANY, LP_ROUTE_READ_ONLY, lp_request_run_read,
    &item_read },
  { "PATCH", "/api/v1/items/{id}", LP_ROLE_ADMIN, LP_ROUTE_TRANSACTION, update_item },
  { "DELETE", "/api/v1/items/{id}", LP_ROLE_ADMIN, LP_ROUTE_TRANSACTION, delete_item },
  { "GET", "/api/v1/items/{id}/availability", LP_ROLES_ANY, LP_ROUTE_READ_ONLY,
    item_availability },
  { "GET", "/api/v1/items/{id}/history", LP_ROLES_DESK, LP_ROUTE_READ_ONLY, item_history },
  { "POST", "/api/v1/items/{id}/repair", LP_ROLES_DESK, LP_ROUTE_TRANSACTION, repair_item },
};

LP_DEFINE_RESOURCE (items, item_routes)
