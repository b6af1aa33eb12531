/* test-items-import.c: POST /items/import — a spreadsheet's CSV becomes items, all of
 * its rows or none; every bad row is listed by line; a dry run writes nothing; codes
 * already there are refused unless the file updates them; the catalog shows the new
 * items at once.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-loan-fixtures.h"

#define HEADER "code,name,category,location,stock_total\r\n"
#define MIB    (1024 * 1024)

static LpTestServer *server;
static LpLoanWorld *world;
static char *category;   /* the world's category, by name */

static LpTestResponse *
import_as (const char *token,
           const char *query,
           const char *content_type,
           const char *csv,
           gsize       length)
{
  g_autofree char *path = g_strconcat ("/api/v1/items/import", query != NULL ? "?" : "",
                                       query != NULL ? query : "", NULL);
  g_autoptr(GBytes) body = g_bytes_new (csv, length);

  return lp_test_request_bytes (server, "POST", path, token, content_type, body);
}

static LpTestResponse *
import (const char *query,
        const char *csv)
{
  return import_as (world->admin, query, "text/csv", csv, strlen (csv));
}

static gint64
count_items (const char *code_pattern)
{
  return lp_loan_world_sql_int (world, "SELECT count(*) FROM items WHERE code LIKE $1",
                                code_pattern, NULL);
}

static char *
item_value (const char *column,
            const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM items WHERE code = $1", column);

  return lp_loan_world_sql (world, sql, code, NULL);
}

/* The error's rows as "line:field" words, in order ("3:stock_total 5:-"). */
static char *
problems (LpTestResponse *resp)
{
  JsonObject *error = json_object_get_object_member (lp_test_response_object (resp), "error");
  JsonArray *rows = json_object_get_array_member (error, "rows");
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      g_assert_nonnull (json_object_get_string_member (row, "message"));
      g_string_append_printf (out, "%s%" G_GINT64_FORMAT ":%s", i > 0 ? " " : "",
                              json_object_get_int_member (row, "line"),
                              json_object_get_string_member_with_default (row, "field", "-"));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
first_message (LpTestResponse *resp)
{
  JsonObject *error = json_object_get_object_member (lp_test_response_object (resp), "error");
  JsonArray *rows = json_object_get_array_member (error, "rows");

  return json_object_get_string_member (json_array_get_object_element (rows, 0), "message");
}

#define assert_problems(resp, expected) \
  G_STMT_START { \
    g_autofree char *_p = NULL; \
    lp_assert_error ((resp), 422, "validation_failed"); \
    _p = problems (resp); \
    g_assert_cmpstr (_p, ==, (expected)); \
  } G_STMT_END

/* Only admins import. */
static void
test_roles (void)
{
  const char *tokens[] = { NULL, world->member, world->staff };
  const guint expected[] = { 401, 403, 403 };
  g_autofree char *csv = g_strdup_printf (HEADER "ROLE-1,Globe,%s,R1,1\r\n", category);

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_autoptr(LpTestResponse) resp = import_as (tokens[i], NULL, "text/csv", csv, strlen (csv));

      lp_assert_status (resp, expected[i]);
    }
  g_assert_cmpint (count_items ("ROLE-%"), ==, 0);
}

/* A good file: every row is an item, the category found by its name in any case, the
 * optional fields as POST /items stores them; one activity entry counts them. */
static void
test_import_creates_items (void)
{
  g_autofree char *upper = g_utf8_strup (category, -1);
  g_autofree char *csv = g_strdup_printf ("code,name,category,location,stock_total,condition,"
                                          "status,description,author,publisher,year,isbn\r\n"
                                          "NEW-1,Laskar Pelangi,%s,Rak A1,3,,,,Andrea Hirata,"
                                          "Bentang,2005,978-0-306-40615-7\r\n"
                                          "NEW-2, Mikroskop ,%s,Lab IPA,2,minor_damage,"
                                          "needs_maintenance,Lensa buram,,,,\r\n",
                                          category, upper);
  g_autoptr(LpTestResponse) resp = import (NULL, csv);
  g_autofree char *author = item_value ("author", "NEW-1");
  g_autofree char *year = item_value ("year", "NEW-1");
  g_autofree char *name = item_value ("name", "NEW-2");
  g_autofree char *empty_author = item_value ("coalesce(author, 'null')", "NEW-2");
  g_autofree char *stock = item_value ("stock_total || '/' || stock_available", "NEW-2");
  g_autofree char *state = item_value ("condition || '/' || status", "NEW-2");
  g_autofree char *logged = NULL;
  gint64 events;

  lp_assert_status (resp, 201);
  g_assert_cmpint (lp_json_int (resp, "imported"), ==, 2);
  g_assert_cmpint (lp_json_int (resp, "updated"), ==, 0);
  g_assert_false (json_object_get_boolean_member (lp_test_response_object (resp), "dry_run"));
  g_assert_cmpstr (author, ==, "Andrea Hirata");
  g_assert_cmpstr (year, ==, "2005");
  g_assert_cmpstr (name, ==, "Mikroskop");
  g_assert_cmpstr (empty_author, ==, "null");
  g_assert_cmpstr (stock, ==, "2/2");
  g_assert_cmpstr (state, ==, "minor_damage/needs_maintenance");
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM items WHERE code LIKE 'NEW-%'"
                                          " AND category_id = $1", world->category_id, NULL),
                   ==, 2);
  /* Damaged on arrival: on record from the start, as POST /items does. */
  events = lp_loan_world_sql_int (world, "SELECT count(*) FROM item_condition_events AS e"
                                  " JOIN items AS i ON i.id = e.item_id WHERE i.code = 'NEW-2'"
                                  " AND e.condition_to = 'minor_damage' AND e.resolved_at IS NULL",
                                  NULL);
  g_assert_cmpint (events, ==, 1);
  logged = lp_loan_world_sql (world, "SELECT new_data->>'imported' || '/' || (new_data->>'updated')"
                              " FROM activity_log WHERE action = 'item.import'"
                              " ORDER BY id DESC LIMIT 1", NULL);
  g_assert_cmpstr (logged, ==, "2/0");
}

/* One bad row, and nothing of the file is written; every bad row is listed. */
static void
test_atomic (void)
{
  g_autofree char *csv = g_strdup_printf (HEADER
                                          "ATOM-1,Buku Satu,%s,R1,1\r\n"
                                          "ATOM-2,Buku Dua,%s,R1,banyak\r\n"
                                          "ATOM-3,Buku Tiga,%s,R1,2\r\n"
                                          "atom 4,,%s,R1,-1\r\n",
                                          category, category, category, category);
  g_autoptr(LpTestResponse) resp = import (NULL, csv);
  JsonObject *error = NULL;

  assert_problems (resp, "3:stock_total 5:code 5:name 5:stock_total");
  error = json_object_get_object_member (lp_test_response_object (resp), "error");
  g_assert_nonnull (strstr (json_object_get_string_member (error, "message"), "2 rows"));
  g_assert_cmpint (count_items ("ATOM-%"), ==, 0);
}

/* The header names item fields, each once, in any case; a file without the fields a new
 * item needs is refused before its rows are looked at. */
static void
test_header (void)
{
  g_autofree char *csv = g_strdup_printf ("Code,NAME,kategori,location,name,,stock_total\r\n"
                                          "HDR-1,Buku,%s,R1,Buku,,1\r\n", category);
  g_autofree char *spare = g_strdup_printf ("\xef\xbb\xbf" " Code ,Name,Category,Location,"
                                            "Stock_Total,,\r\nHDR-2,Buku,%s,R1,1,,\r\n",
                                            category);
  g_autoptr(LpTestResponse) resp = import (NULL, csv);
  g_autoptr(LpTestResponse) ok = import (NULL, spare);
  JsonObject *error;

  assert_problems (resp, "1:kategori 1:name 1:category");
  error = json_object_get_object_member (lp_test_response_object (resp), "error");
  g_assert_nonnull (strstr (json_object_get_string_member (error, "message"), "header"));
  g_assert_nonnull (strstr (first_message (resp), "code, name, category, location"));
  lp_assert_status (ok, 201);
  g_assert_cmpint (count_items ("HDR-%"), ==, 1);
}

/* A dry run checks everything and writes nothing. */
static void
test_dry_run (void)
{
  g_autofree char *good = g_strdup_printf (HEADER "DRY-1,Peta,%s,R2,1\r\nDRY-2,Atlas,%s,R2,1\r\n",
                                           category, category);
  g_autofree char *bad = g_strdup_printf (HEADER "DRY-3,Peta,%s,R2,x\r\n", category);
  g_autoptr(LpTestResponse) ok = import ("dry_run=true", good);
  g_autoptr(LpTestResponse) refused = import ("dry_run=true", bad);
  g_autoptr(LpTestResponse) wrong = import ("dry_run=maybe", good);

  lp_assert_status (ok, 200);
  g_assert_cmpint (lp_json_int (ok, "imported"), ==, 2);
  g_assert_true (json_object_get_boolean_member (lp_test_response_object (ok), "dry_run"));
  assert_problems (refused, "2:stock_total");
  lp_assert_error (wrong, 400, "bad_request");
  g_assert_cmpint (count_items ("DRY-%"), ==, 0);
}

/* A code already in the catalog, or twice in the file (in any case), is a bad row. */
static void
test_duplicates (void)
{
  g_autofree char *first = g_strdup_printf (HEADER "DUP-1,Kamus,%s,R3,1\r\n", category);
  g_autofree char *again = g_strdup_printf (HEADER "DUP-2,Kamus,%s,R3,1\r\n"
                                            "dup-1,Kamus Lagi,%s,R3,1\r\n"
                                            "Dup-2,Kamus Tiga,%s,R3,1\r\n",
                                            category, category, category);
  g_autoptr(LpTestResponse) created = import (NULL, first);
  g_autoptr(LpTestResponse) resp = import (NULL, again);

  lp_assert_status (created, 201);
  assert_problems (resp, "3:code 4:code");
  g_assert_nonnull (strstr (first_message (resp), "already exists"));
  g_assert_cmpint (count_items ("DUP-%"), ==, 1);
}

/* ?mode=upsert updates the items of known codes (what the file leaves out stays) and
 * creates the others. */
static void
test_upsert (void)
{
  g_autofree char *first = g_strdup_printf (HEADER "UPS-1,Proyektor,%s,Ruang TIK,2\r\n",
                                            category);
  g_autofree char *id = NULL;
  g_autofree char *loan = NULL;
  g_autoptr(LpTestResponse) created = import (NULL, first);
  g_autoptr(LpTestResponse) refused = NULL;
  g_autoptr(LpTestResponse) too_low = NULL;
  g_autoptr(LpTestResponse) resp = NULL;
  g_autofree char *row = NULL;
  g_autofree char *location = NULL;
  gint64 events;

  lp_assert_status (created, 201);
  id = item_value ("id::text", "UPS-1");
  loan = lp_loan_world_loan_in (world, id, "borrowed");
  refused = import (NULL, "code,name\r\nUPS-1,Proyektor Epson\r\n");
  lp_assert_error (refused, 422, "validation_failed");
  too_low = import ("mode=upsert", "code,stock_total\r\nups-1,0\r\n");
  assert_problems (too_low, "2:stock_total");
  resp = import ("mode=upsert", "code,name,stock_total,condition\r\n"
                 "ups-1,Proyektor Epson,5,major_damage\r\n");
  lp_assert_status (resp, 200);
  g_assert_cmpint (lp_json_int (resp, "imported"), ==, 0);
  g_assert_cmpint (lp_json_int (resp, "updated"), ==, 1);
  row = item_value ("code || '/' || name || '/' || stock_total || '/' || stock_available"
                    " || '/' || condition", "UPS-1");
  g_assert_cmpstr (row, ==, "UPS-1/Proyektor Epson/5/4/major_damage");
  location = item_value ("location", "UPS-1");
  g_assert_cmpstr (location, ==, "Ruang TIK");
  events = lp_loan_world_sql_int (world, "SELECT count(*) FROM item_condition_events"
                                  " WHERE item_id = $1 AND condition_to = 'major_damage'",
                                  id, NULL);
  g_assert_cmpint (events, ==, 1);

  /* A new code needs every required field, even in an update file. */
  {
    g_autoptr(LpTestResponse) partial = import ("mode=upsert", "code,name\r\nUPS-2,Layar\r\n");
    g_autofree char *mixed_csv = g_strdup_printf (HEADER "UPS-1,Proyektor Epson,%s,Ruang TIK,6\r\n"
                                                  "UPS-3,Layar,%s,Ruang TIK,1\r\n",
                                                  category, category);
    g_autoptr(LpTestResponse) mixed = import ("mode=upsert", mixed_csv);

    assert_problems (partial, "2:category 2:location 2:stock_total");
    lp_assert_status (mixed, 201);
    g_assert_cmpint (lp_json_int (mixed, "imported"), ==, 1);
    g_assert_cmpint (lp_json_int (mixed, "updated"), ==, 1);
  }
}

/* Spreadsheets in an Indonesian locale separate with semicolons. */
static void
test_semicolons (void)
{
  g_autofree char *csv = g_strdup_printf ("code;name;category;location;stock_total;description\r\n"
                                          "SEMI-1;Buku, jilid 2;%s;Rak B;4;\"Satu; dua\"\r\n",
                                          category);
  g_autoptr(LpTestResponse) resp = import (NULL, csv);
  g_autofree char *name = item_value ("name", "SEMI-1");
  g_autofree char *description = item_value ("description", "SEMI-1");
  g_autoptr(LpTestResponse) extra = NULL;

  lp_assert_status (resp, 201);
  g_assert_cmpstr (name, ==, "Buku, jilid 2");
  g_assert_cmpstr (description, ==, "Satu; dua");
  g_free (csv);
  /* The unquoted ";" splits the description: one cell too many. */
  csv = g_strdup_printf ("code;name;category;location;stock_total;description\r\n"
                         "SEMI-2;Buku;%s;Rak B;4;Satu; dua\r\n", category);
  extra = import (NULL, csv);
  assert_problems (extra, "2:-");
}

/* Quoted cells hold separators, line breaks and quotes. */
static void
test_quoted_fields (void)
{
  g_autofree char *csv = g_strdup_printf ("code,name,category,location,stock_total,description\r\n"
                                          "QUO-1,\"Kamus \"\"Besar\"\", edisi 5\",\"%s\",Rak C,1,"
                                          "\"Baris satu,\r\nbaris dua\"\r\n"
                                          "QUO-2,Globe,%s,Rak C,1,\"\"\r\n",
                                          category, category);
  g_autoptr(LpTestResponse) resp = import (NULL, csv);
  g_autofree char *name = item_value ("name", "QUO-1");
  g_autofree char *description = item_value ("description", "QUO-1");
  g_autoptr(LpTestResponse) unclosed = NULL;

  lp_assert_status (resp, 201);
  g_assert_cmpint (lp_json_int (resp, "imported"), ==, 2);
  g_assert_cmpstr (name, ==, "Kamus \"Besar\", edisi 5");
  g_assert_cmpstr (description, ==, "Baris satu,\nbaris dua");
  g_free (csv);
  csv = g_strdup_printf (HEADER "QUO-3,Globe,%s,Rak C,1\r\nQUO-4,\"Globe,%s,Rak C,1\r\n",
                         category, category);
  unclosed = import (NULL, csv);
  assert_problems (unclosed, "3:-");
  g_assert_cmpint (count_items ("QUO-3"), ==, 0);
}

/* An unknown category is a bad row, unless the import may create it (once, whatever
 * the case of its spellings). */
static void
test_unknown_category (void)
{
  const char *csv = HEADER "CAT-1,Tabung Reaksi,Alat Kimia Baru,Lab,10\r\n"
                           "CAT-2,Pipet,alat kimia baru,Lab,10\r\n";
  g_autoptr(LpTestResponse) refused = import (NULL, csv);
  g_autoptr(LpTestResponse) dry = import ("create_categories=true&dry_run=true", csv);
  g_autoptr(LpTestResponse) created = NULL;
  gint64 n_categories;

  assert_problems (refused, "2:category 3:category");
  lp_assert_status (dry, 200);
  g_assert_cmpint (lp_json_int (dry, "created_categories"), ==, 1);
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM categories"
                                          " WHERE lower(name) = 'alat kimia baru'", NULL), ==, 0);
  created = import ("create_categories=true", csv);
  lp_assert_status (created, 201);
  g_assert_cmpint (lp_json_int (created, "created_categories"), ==, 1);
  n_categories = lp_loan_world_sql_int (world, "SELECT count(DISTINCT category_id) FROM items"
                                        " WHERE code LIKE 'CAT-%'", NULL);
  g_assert_cmpint (n_categories, ==, 1);
}

/* A file in another encoding is refused with the line it goes wrong on; so is a charset
 * other than UTF-8, and a body that is not text/csv. */
static void
test_encoding (void)
{
  g_autofree char *latin1 = g_strdup_printf (HEADER "ENC-1,Buku,%s,R1,1\r\n"
                                             "ENC-2,Ensiklop\xe9" "di,%s,R1,1\r\n",
                                             category, category);
  g_autofree char *good = g_strdup_printf (HEADER "ENC-3,Buku,%s,R1,1\r\n", category);
  g_autoptr(LpTestResponse) bad = import (NULL, latin1);
  g_autoptr(LpTestResponse) charset = import_as (world->admin, NULL,
                                                 "text/csv; charset=windows-1252", good,
                                                 strlen (good));
  g_autoptr(LpTestResponse) utf8 = import_as (world->admin, NULL, "text/csv; charset=UTF-8",
                                              good, strlen (good));
  g_autoptr(LpTestResponse) json = import_as (world->admin, NULL, "application/json", good,
                                              strlen (good));
  g_autoptr(LpTestResponse) empty = import (NULL, "");

  assert_problems (bad, "3:-");
  g_assert_nonnull (strstr (first_message (bad), "UTF-8"));
  lp_assert_error (charset, 415, "unsupported_media_type");
  lp_assert_status (utf8, 201);
  lp_assert_error (json, 415, "unsupported_media_type");
  assert_problems (empty, "1:-");
  g_assert_cmpint (count_items ("ENC-%"), ==, 1);
}

/* Up to 10 MiB; one byte more is 413 before the body is read. */
static void
test_size_limit (void)
{
  g_autofree char *big = g_malloc (10 * MIB + 1);
  g_autoptr(LpTestResponse) resp = NULL;

  memset (big, 'x', 10 * MIB + 1);
  memcpy (big, "code\r\n", 6);
  resp = import_as (world->admin, NULL, "text/csv", big, 10 * MIB + 1);
  lp_assert_error (resp, 413, "too_large");
}

/* Cells a spreadsheet would run as formulas are stored as written and come back as
 * written; the CSV exports neutralise them (lp-csv.h). */
static void
test_formula_cells (void)
{
  g_autofree char *csv = g_strdup_printf ("code,name,category,location,stock_total,author,"
                                          "publisher,description\r\n"
                                          "INJ-1,\"=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\",%s,"
                                          "@SUM(A1),1,+62 812,-2,=1+1\r\n", category);
  g_autoptr(LpTestResponse) resp = import (NULL, csv);
  g_autofree char *id = item_value ("id::text", "INJ-1");
  g_autofree char *path = g_strdup_printf ("/api/v1/items/%s", id);
  g_autoptr(LpTestResponse) item = NULL;
  g_autofree char *loan = NULL;
  g_autoptr(LpTestResponse) report = NULL;
  g_autofree char *text = NULL;

  lp_assert_status (resp, 201);
  item = lp_test_request (server, "GET", path, NULL, NULL);
  lp_assert_status (item, 200);
  g_assert_cmpstr (lp_json_str (item, "name"), ==, "=HYPERLINK(\"http://x\",\"klik\")");
  g_assert_cmpstr (lp_json_str (item, "location"), ==, "@SUM(A1)");
  g_assert_cmpstr (lp_json_str (item, "author"), ==, "+62 812");
  g_assert_cmpstr (lp_json_str (item, "publisher"), ==, "-2");
  g_assert_cmpstr (lp_json_str (item, "description"), ==, "=1+1");
  /* In the loans report's CSV the name is text, not a formula. */
  loan = lp_loan_world_new_loan (world, id, 1, 1, 2);
  report = lp_test_request (server, "GET", "/api/v1/reports/loans?format=csv", world->admin,
                            NULL);
  lp_assert_status (report, 200);
  text = g_strndup (g_bytes_get_data (report->body, NULL), g_bytes_get_size (report->body));
  g_assert_nonnull (strstr (text, "'=HYPERLINK("));
  g_assert_null (strstr (text, ",=HYPERLINK("));
  g_assert_null (strstr (text, ",\"=HYPERLINK("));
}

/* ---- the catalog sees the import at once ---- */

typedef struct
{
  SoupSession             *session;
  SoupWebsocketConnection *ws;
  GPtrArray               *messages;
  gboolean                 done;
} Listener;

static void
on_message (SoupWebsocketConnection *ws,
            SoupWebsocketDataType    type,
            GBytes                  *message,
            Listener                *listener)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (message, &size);

  g_ptr_array_add (listener->messages, g_strndup (data, size));
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Listener *listener = data;

  listener->ws = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, NULL);
  listener->done = TRUE;
  if (listener->ws != NULL)
    g_signal_connect (listener->ws, "message", G_CALLBACK (on_message), listener);
}

static gboolean
has_resync (Listener *listener)
{
  for (guint i = 0; i < listener->messages->len; i++)
    if (strstr (g_ptr_array_index (listener->messages, i), "\"resync\"") != NULL)
      return TRUE;
  return FALSE;
}

static void
spin (Listener *listener,
      gboolean (*until) (Listener *),
      double    seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!until (listener) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static gboolean
is_connected (Listener *listener)
{
  return listener->done;
}

/* A guest's catalog search, kept by the reply cache, shows the imported items right
 * after the import; connected clients are told to reload, once, not once per item. */
static void
test_catalog_live (void)
{
  g_autofree char *url = g_strdup_printf ("ws://127.0.0.1:%u/api/v1/events",
                                          lp_test_server_get_port (server));
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  Listener listener = { soup_session_new (), NULL, g_ptr_array_new_with_free_func (g_free), FALSE };
  g_autoptr(GString) csv = g_string_new (HEADER);
  g_autoptr(LpTestResponse) before = NULL;
  g_autoptr(LpTestResponse) cached = NULL;
  g_autoptr(LpTestResponse) resp = NULL;
  g_autoptr(LpTestResponse) after = NULL;
  const char *search = "/api/v1/items?q=zebrafisch";

  soup_session_websocket_connect_async (listener.session, msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                        NULL, on_connected, &listener);
  spin (&listener, is_connected, 10);
  g_assert_nonnull (listener.ws);
  before = lp_test_request (server, "GET", search, NULL, NULL);
  cached = lp_test_request (server, "GET", search, NULL, NULL);
  lp_assert_status (before, 200);
  g_assert_cmpint (lp_json_int (before, "total"), ==, 0);
  g_assert_cmpstr (soup_message_headers_get_one (cached->headers, "X-Cache"), ==, "hit");
  for (guint i = 1; i <= 300; i++)
    g_string_append_printf (csv, "LIVE-%03u,Zebrafisch %u,%s,Akuarium,1\r\n", i, i, category);
  resp = import (NULL, csv->str);
  lp_assert_status (resp, 201);
  after = lp_test_request (server, "GET", search, NULL, NULL);
  lp_assert_status (after, 200);
  g_assert_cmpint (lp_json_int (after, "total"), ==, 300);
  spin (&listener, has_resync, 10);
  g_assert_true (has_resync (&listener));
  /* The one resync, not 300 item events (the last would be past a client's backlog). */
  g_usleep (200 * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (listener.messages->len, ==, 1);
  soup_websocket_connection_close (listener.ws, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_object_unref (listener.ws);
  g_object_unref (listener.session);
  g_ptr_array_unref (listener.messages);
}

/* 40,000 rows in one go, past the server's 2 s statement timeout of the tests. */
static void
test_large_file (void)
{
  g_autoptr(GString) csv = g_string_new ("code;name;category;location;stock_total;author;year\r\n");
  g_autoptr(LpTestResponse) resp = NULL;
  gint64 started;

  for (guint i = 0; i < 40000; i++)
    g_string_append_printf (csv, "BIG-%05u;Buku Pelajaran Jilid %u;%s;Gudang %u;%u;Penulis %u;%u\r\n",
                            i, i, category, i % 50, 1 + i % 7, i % 300, 1990 + i % 30);
  started = g_get_monotonic_time ();
  resp = import (NULL, csv->str);
  lp_assert_status (resp, 201);
  g_test_message ("40,000 rows (%.1f MiB) in %.1f s", csv->len / (double) MIB,
                  (g_get_monotonic_time () - started) / 1e6);
  g_assert_cmpint (lp_json_int (resp, "imported"), ==, 40000);
  g_assert_cmpint (count_items ("BIG-%"), ==, 40000);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = lp_test_server_start (NULL);
  world = lp_loan_world_new (server, "imp");
  category = lp_loan_world_sql (world, "SELECT name FROM categories WHERE id = $1",
                                world->category_id, NULL);

  g_test_add_func ("/lp/items-import/roles", test_roles);
  g_test_add_func ("/lp/items-import/creates", test_import_creates_items);
  g_test_add_func ("/lp/items-import/atomic", test_atomic);
  g_test_add_func ("/lp/items-import/header", test_header);
  g_test_add_func ("/lp/items-import/dry-run", test_dry_run);
  g_test_add_func ("/lp/items-import/duplicates", test_duplicates);
  g_test_add_func ("/lp/items-import/upsert", test_upsert);
  g_test_add_func ("/lp/items-import/semicolons", test_semicolons);
  g_test_add_func ("/lp/items-import/quoted", test_quoted_fields);
  g_test_add_func ("/lp/items-import/unknown-category", test_unknown_category);
  g_test_add_func ("/lp/items-import/encoding", test_encoding);
  g_test_add_func ("/lp/items-import/size-limit", test_size_limit);
  g_test_add_func ("/lp/items-import/formula-cells", test_formula_cells);
  g_test_add_func ("/lp/items-import/catalog-live", test_catalog_live);
  g_test_add_func ("/lp/items-import/large-file", test_large_file);

  status = g_test_run ();
  g_free (category);
  lp_loan_world_free (world);
  lp_test_server_free (server);
  return status;
}
