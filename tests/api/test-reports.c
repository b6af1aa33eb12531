/* test-reports.c: the admin's reports (SPEC §6) on a fixed dataset built in SQL, with the
 * exact numbers each must give — counts per status, the top-10 order, days in a state,
 * every recommendation with its reason — and their CSV exports (RFC 4180, formula
 * injection, Indonesian text), checked byte by byte and by parsing them back.
 *
 * Every date of the dataset is relative to the library's today (T), so the numbers do
 * not depend on the day the test runs. The report period is [T-59, T] (60 days).
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-db.h"
#include "lp-test-server.h"

#include <stdio.h>

#define PASSWORD "Sandi#2026a"

static LpTestServer *server;
static char *admin, *staff, *member;   /* tokens */
static char *from, *to;                /* the period: T-59 and T */

/* The dataset. t_at(n) is 10:00 on day T-n in the library's time zone. */
static const char dataset[] =
  "BEGIN;"
  "CREATE FUNCTION t_day(n int) RETURNS date LANGUAGE sql STABLE"
  "  RETURN library_today() - n;"
  "CREATE FUNCTION t_at(n int) RETURNS timestamptz LANGUAGE sql STABLE"
  "  RETURN library_day_start(library_today() - n) + interval '10 hours';"
  "CREATE FUNCTION t_item(c text) RETURNS uuid LANGUAGE sql STABLE"
  "  RETURN (SELECT id FROM items WHERE code = c);"
  "CREATE FUNCTION t_user(u text) RETURNS uuid LANGUAGE sql STABLE"
  "  RETURN (SELECT id FROM users WHERE username = u);"
  "CREATE FUNCTION t_cat(n text) RETURNS uuid LANGUAGE sql STABLE"
  "  RETURN (SELECT id FROM categories WHERE name = n);"
  "CREATE FUNCTION t_loan(c text) RETURNS uuid LANGUAGE sql STABLE"
  "  RETURN (SELECT id FROM loans WHERE code = c);"

  "INSERT INTO categories (name) VALUES ('Alat Lab'), ('Buku'), ('Perangkat TIK'),"
  " ('Furniture'), ('Perlengkapan Ruang');"

  "INSERT INTO items (code, name, category_id, location, stock_total, stock_available,"
  " condition, status, updated_at) VALUES"
  " ('LAB-01', 'Mikroskop Binokuler', t_cat('Alat Lab'), 'Lab Biologi', 2, 2, 'major_damage',"
  "  'maintenance', t_at(45)),"
  " ('LAB-02', 'Multimeter Digital', t_cat('Alat Lab'), 'Lab Fisika', 3, 3, 'minor_damage',"
  "  'needs_maintenance', t_at(5)),"
  " ('LAB-03', 'Globe Dunia', t_cat('Alat Lab'), 'Lab Geografi', 1, 1, 'good', 'available',"
  "  t_at(12)),"
  " ('LAB-04', 'Peta Indonesia', t_cat('Alat Lab'), 'Lab Geografi', 1, 1, 'good', 'available',"
  "  t_at(13)),"
  " ('TIK-01', 'Proyektor Epson', t_cat('Perangkat TIK'), 'Ruang Multimedia', 1, 1,"
  "  'minor_damage', 'needs_maintenance', t_at(10)),"
  " ('TIK-02', 'Laptop Asus', t_cat('Perangkat TIK'), 'Ruang TIK', 1, 1, 'lost', 'unavailable',"
  "  t_at(12)),"
  " ('TIK-03', 'Kamera DSLR', t_cat('Perangkat TIK'), 'Ruang TIK', 1, 0, 'good', 'available',"
  "  t_at(25)),"
  " ('TIK-04', 'Tripod', t_cat('Perangkat TIK'), 'Ruang TIK', 2, 1, 'good', 'available',"
  "  t_at(9)),"
  " ('BK-01', 'Kamus \"KBBI\", edisi V', t_cat('Buku'), 'Rak A1', 2, 2, 'good', 'available',"
  "  t_at(20)),"
  " ('ZZZ-01', 'Atlas Dunia', t_cat('Buku'), 'Rak B2', 1, 0, 'good', 'available', t_at(2)),"
  " ('FUR-20', 'Lemari Arsip', t_cat('Furniture'), 'Ruang Guru', 1, 1, 'major_damage',"
  "  'maintenance', t_at(7)),"
  " ('FUR-30', 'Meja Guru', t_cat('Furniture'), 'Ruang Guru', 1, 1, 'good',"
  "  'needs_maintenance', t_at(4));"
  /* Nine chairs of the same name: ties in the top 10 are broken by name, then code. */
  "INSERT INTO items (code, name, category_id, location, stock_total, stock_available,"
  " updated_at) SELECT 'FUR-0' || n, 'Kursi Lipat', t_cat('Furniture'), 'Aula', 20, 20,"
  " t_at(40) FROM generate_series(1, 9) AS n;"

  "INSERT INTO loans (code, user_id, item_id, quantity, start_date, due_date, purpose, status,"
  " decided_at, decision_reason, handed_over_at, returned_at, created_at) VALUES"
  " ('LP-2000-000001', t_user('siswa.budi'), t_item('TIK-02'), 1, t_day(20), t_day(13),"
  "  'Presentasi', 'returned', t_at(21), NULL, t_at(20), t_at(12), t_at(22)),"
  " ('LP-2000-000002', t_user('siswa.ani'), t_item('TIK-03'), 1, t_day(20), t_day(14),"
  "  'Dokumentasi lomba', 'approved', t_at(25), NULL, NULL, NULL, t_at(26)),"
  " ('LP-2000-000003', t_user('siswa.budi'), t_item('TIK-03'), 1, t_day(18), t_day(16),"
  "  'Foto kelas', 'rejected', t_at(24), 'Sudah dipinjam', NULL, NULL, t_at(24)),"
  " ('LP-2000-000004', t_user('siswa.budi'), t_item('TIK-03'), 1, t_day(5), t_day(4),"
  "  'Foto OSIS', 'rejected', t_at(23), 'Stok habis', NULL, NULL, t_at(23)),"
  " ('LP-2000-000005', t_user('siswa.ani'), t_item('TIK-03'), 1, t_day(10), t_day(9),"
  "  'Main', 'rejected', t_at(22), '@SUM(1+1)', NULL, NULL, t_at(22)),"
  " ('LP-2000-000006', t_user('siswa.ani'), t_item('TIK-03'), 1, t_day(75), t_day(74),"
  "  'Lama', 'rejected', t_at(70), 'stok habis', NULL, NULL, t_at(71)),"
  " ('LP-2000-000007', t_user('siswa.ani'), t_item('TIK-04'), 2, t_day(59), t_day(20),"
  "  'Syuting film', 'returned', t_at(60), NULL, t_at(59), t_at(10), t_at(61)),"
  " ('LP-2000-000008', t_user('siswa.budi'), t_item('TIK-04'), 1, t_day(9), t_day(-3),"
  "  '=HYPERLINK(\"http://contoh.id\")', 'borrowed', t_at(10), NULL, t_at(9), NULL, t_at(11)),"
  " ('LP-2000-000009', t_user('siswa.ani'), t_item('TIK-04'), 2, t_day(8), t_day(7),"
  "  'Dokumentasi', 'rejected', t_at(9), NULL, NULL, NULL, t_at(9)),"
  " ('LP-2000-000010', t_user('siswa.ani'), t_item('TIK-04'), 1, t_day(-5), t_day(-6),"
  "  'Nanti', 'pending', NULL, NULL, NULL, NULL, t_at(1)),"
  " ('LP-2000-000011', t_user('siswa.budi'), t_item('TIK-04'), 1, t_day(30), t_day(29),"
  "  'Batal', 'cancelled', NULL, NULL, NULL, NULL, t_at(31)),"
  " ('LP-2000-000012', t_user('siswa.ani'), t_item('LAB-03'), 1, t_day(59), t_day(12),"
  "  'Belajar geografi', 'returned', t_at(60), NULL, t_at(59), t_at(12), t_at(61)),"
  " ('LP-2000-000013', t_user('siswa.budi'), t_item('LAB-04'), 1, t_day(59), t_day(13),"
  "  '+62 812 3456', 'returned', t_at(60), NULL, t_at(59), t_at(13), t_at(61)),"
  " ('LP-2000-000014', t_user('siswa.budi'), t_item('ZZZ-01'), 1, t_day(6), t_day(2),"
  "  'Rusak berat, layar retak \"parah\"' || E'\\n' || 'kata guru', 'borrowed', t_at(7), NULL,"
  "  t_at(6), NULL, t_at(8));"
  "INSERT INTO returns (loan_id, returned_at, condition, damage_description) VALUES"
  " (t_loan('LP-2000-000001'), t_at(12), 'lost', 'hilang di bus'),"
  " (t_loan('LP-2000-000007'), t_at(10), 'good', NULL);"

  "INSERT INTO item_condition_events (item_id, loan_id, source, condition_from, condition_to,"
  " note, created_at, resolved_at) VALUES"
  " (t_item('LAB-01'), NULL, 'admin_edit', 'good', 'minor_damage', 'lama', t_at(90), t_at(85)),"
  " (t_item('LAB-01'), NULL, 'return', 'good', 'major_damage', '-lensa pecah', t_at(45), NULL),"
  " (t_item('LAB-02'), NULL, 'return', 'good', 'minor_damage', 'kabel probe putus', t_at(50),"
  "  t_at(48)),"
  " (t_item('LAB-02'), NULL, 'repair', 'minor_damage', 'good', 'probe diganti', t_at(48),"
  "  t_at(48)),"
  " (t_item('LAB-02'), NULL, 'return', 'good', 'minor_damage', NULL, t_at(20), t_at(15)),"
  " (t_item('LAB-02'), NULL, 'repair', 'minor_damage', 'good', NULL, t_at(15), t_at(15)),"
  " (t_item('LAB-02'), NULL, 'return', 'good', 'minor_damage', 'layar buram', t_at(5), NULL),"
  " (t_item('TIK-01'), NULL, 'return', 'good', 'minor_damage',"
  "  'Rusak berat, layar retak \"parah\"', t_at(10), NULL),"
  " (t_item('TIK-02'), t_loan('LP-2000-000001'), 'return', 'good', 'lost', 'hilang di bus',"
  "  t_at(12), NULL),"
  " (t_item('BK-01'), NULL, 'return', 'good', 'minor_damage', 'sampul sobek', t_at(30),"
  "  t_at(29)),"
  " (t_item('BK-01'), NULL, 'return', 'good', 'major_damage', 'halaman hilang', t_at(25),"
  "  t_at(20)),"
  " (t_item('ZZZ-01'), NULL, 'return', 'good', 'good', NULL, t_at(40), t_at(40)),"
  " (t_item('ZZZ-01'), NULL, 'admin_edit', 'good', 'minor_damage', '=1+1', t_at(3), t_at(2)),"
  " (t_item('FUR-20'), NULL, 'admin_edit', 'good', 'major_damage', 'engsel patah', t_at(7),"
  "  NULL);"
  "INSERT INTO item_condition_events (item_id, source, condition_from, condition_to,"
  " created_at, resolved_at) SELECT t_item('FUR-0' || n), 'return', 'good', 'minor_damage',"
  " t_at(40 + n), t_at(39 + n) FROM generate_series(1, 9) AS n;"

  "INSERT INTO complaints (title, description, location, category_id, item_id, reporter_id,"
  " is_system, loan_id, status, created_at, updated_at) VALUES"
  " ('Rusak berat, layar retak \"parah\"', 'Layar proyektor retak.' || E'\\n' || 'Tolong segera.',"
  "  'Ruang Multimedia', t_cat('Perangkat TIK'), t_item('TIK-01'), t_user('siswa.ani'), false,"
  "  NULL, 'waiting', t_at(10), t_at(10)),"
  " ('Kursi goyang', 'Kaki kursi longgar', '=cmd|\"/C calc\"!A0', t_cat('Furniture'), NULL,"
  "  t_user('siswa.budi'), false, NULL, 'in_progress', t_at(8), t_at(6)),"
  " ('AC bocor', 'Air menetes', 'Ruang Guru', t_cat('Perlengkapan Ruang'), NULL,"
  "  t_user('siswa.ani'), false, NULL, 'done', t_at(20), t_at(3)),"
  " ('Lampu mati', 'Lampu lab mati', 'Lab Biologi', t_cat('Alat Lab'), NULL,"
  "  t_user('siswa.budi'), false, NULL, 'closed', t_at(2), t_at(1)),"
  " ('Lost at return: Laptop Asus (LP-2000-000001)', 'Recorded as lost when the loan was"
  " returned.', 'Ruang TIK', t_cat('Perangkat TIK'), t_item('TIK-02'), NULL, true,"
  "  t_loan('LP-2000-000001'), 'waiting', t_at(12), t_at(12)),"
  " ('-Meja retak', '+ parah', '@Ruang 5', t_cat('Furniture'), t_item('FUR-30'),"
  "  t_user('siswa.ani'), false, NULL, 'waiting', t_at(4), t_at(4));"
  "INSERT INTO complaint_notes (complaint_id, author_id, text, status_from, status_to,"
  " created_at) SELECT id, t_user('petugas.rina'), '', 'waiting', 'in_progress', t_at(7)"
  " FROM complaints WHERE title = 'Kursi goyang';"
  "INSERT INTO complaint_notes (complaint_id, author_id, text, created_at)"
  " SELECT id, t_user('petugas.rina'), 'Tukang datang Senin', t_at(6)"
  " FROM complaints WHERE title = 'Kursi goyang';"
  "COMMIT;";

/* ---------------------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------------------- */

static char *
sql_value (const char *query)
{
  return lp_test_server_sql_value (server, query);
}

/* "YYYY-MM-DD" of T - n. */
static char *
day (int n)
{
  g_autofree char *query = g_strdup_printf ("SELECT (library_today() - %d)::text", n);

  return sql_value (query);
}

static void
load_dataset (void)
{
  PGconn *conn = PQconnectdb (lp_test_server_get_conninfo (server));
  PGresult *res;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexec (conn, dataset);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("loading the dataset: %s", PQresultErrorMessage (res));
  PQclear (res);
  PQfinish (conn);
}

static LpTestResponse *
get (const char *token,
     const char *format,
     ...) G_GNUC_PRINTF (2, 3);

static LpTestResponse *
get (const char *token,
     const char *format,
     ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  return lp_test_request (server, "GET", path, token, NULL);
}

static void
assert_error (LpTestResponse *resp,
              guint           status,
              const char     *code,
              const char     *field)
{
  JsonObject *error;

  lp_assert_status (resp, status);
  g_assert_cmpstr (lp_test_response_error_code (resp), ==, code);
  if (field == NULL)
    return;
  error = json_object_get_object_member (lp_test_response_object (resp), "error");
  g_assert_true (json_object_has_member (json_object_get_object_member (error, "fields"),
                                         field));
}

static JsonArray *
array_of (LpTestResponse *resp,
          const char     *name)
{
  return json_object_get_array_member (lp_test_response_object (resp), name);
}

static JsonObject *
element (JsonArray *array,
         guint      i)
{
  return json_array_get_object_element (array, i);
}

static const char *
member_str (JsonObject *obj,
            const char *outer,
            const char *inner)
{
  JsonObject *nested = json_object_get_object_member (obj, outer);

  return json_object_get_string_member (nested, inner);
}

/* The string member outer (or outer.inner) of each element, joined by spaces: for codes
 * and other values without spaces. */
static char *
join_member (JsonArray  *array,
             const char *outer,
             const char *inner)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *obj = element (array, i);
      const char *value = inner != NULL ? member_str (obj, outer, inner)
                                        : json_object_get_string_member (obj, outer);

      g_string_append_printf (out, "%s%s", i > 0 ? " " : "", value);
    }
  return g_string_free (out, FALSE);
}

static void
assert_counts (LpTestResponse *resp,
               const char     *expected)
{
  JsonObject *counts = json_object_get_object_member (lp_test_response_object (resp), "counts");
  g_auto(GStrv) pairs = g_strsplit (expected, " ", -1);

  g_assert_cmpuint (json_object_get_size (counts), ==, g_strv_length (pairs));
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (pairs[i], "=", 2);

      g_assert_cmpint (json_object_get_int_member (counts, kv[0]), ==,
                       g_ascii_strtoll (kv[1], NULL, 10));
    }
}

/* ---------------------------------------------------------------------------------------
 * CSV: a strict RFC 4180 reader, so that a test sees the file as a spreadsheet would
 * ------------------------------------------------------------------------------------- */

static void
end_field (GPtrArray *row,
           GString   *field)
{
  g_ptr_array_add (row, g_strndup (field->str, field->len));
  g_string_truncate (field, 0);
}

/* Returns: rows of fields (GPtrArray of GPtrArray of char *). Fails on a bare CR or LF
 * outside quotes, a quote inside an unquoted field, or a last row without CRLF. */
static GPtrArray *
parse_csv (GBytes *bytes)
{
  gsize len;
  const char *p = g_bytes_get_data (bytes, &len);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  g_assert_true (g_utf8_validate (p, (gssize) len, NULL));
  for (gsize i = 0; i < len; i++)
    {
      if (quoted && p[i] == '"' && i + 1 < len && p[i + 1] == '"')
        g_string_append_c (field, p[i++]);
      else if (p[i] == '"')
        {
          g_assert_true (quoted || field->len == 0);
          quoted = !quoted;
        }
      else if (quoted || (p[i] != ',' && p[i] != '\r' && p[i] != '\n'))
        g_string_append_c (field, p[i]);
      else if (p[i] == ',')
        end_field (row, field);
      else
        {
          g_assert_true (p[i] == '\r' && i + 1 < len && p[i + 1] == '\n');
          i++;
          end_field (row, field);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }
  g_assert_false (quoted);
  g_assert_cmpuint (row->len, ==, 0);
  g_assert_cmpuint (field->len, ==, 0);
  g_ptr_array_unref (row);
  return rows;
}

static const char *
cell (GPtrArray *rows,
      guint      r,
      guint      c)
{
  return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, r), c);
}

/* The index of the first row whose column col equals value. */
static guint
find_row (GPtrArray  *rows,
          guint       col,
          const char *value)
{
  for (guint r = 0; r < rows->len; r++)
    if (g_str_equal (cell (rows, r, col), value))
      return r;
  g_error ("no CSV row has \"%s\" in column %u", value, col);
  return 0;
}

static void
assert_header (GPtrArray  *rows,
               const char *expected)
{
  g_auto(GStrv) names = g_strsplit (expected, ",", -1);
  GPtrArray *header = g_ptr_array_index (rows, 0);

  g_assert_cmpuint (header->len, ==, g_strv_length (names));
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_cmpstr (g_ptr_array_index (header, i), ==, names[i]);
  for (guint r = 1; r < rows->len; r++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==, header->len);
}

static gboolean
body_contains (LpTestResponse *resp,
               const char     *needle)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (resp->body, NULL),
                                     g_bytes_get_size (resp->body));

  return strstr (text, needle) != NULL;
}

static void
assert_csv_reply (LpTestResponse *resp,
                  const char     *filename)
{
  g_autofree char *disposition = g_strdup_printf ("attachment; filename=\"%s\"", filename);

  lp_assert_status (resp, 200);
  g_assert_cmpstr (soup_message_headers_get_one (resp->headers, "Content-Type"), ==,
                   "text/csv; charset=utf-8");
  g_assert_cmpstr (soup_message_headers_get_one (resp->headers, "Content-Disposition"), ==,
                   disposition);
}

/* ---------------------------------------------------------------------------------------
 * Who may read reports, and bad input
 * ------------------------------------------------------------------------------------- */

static void
test_only_admins (void)
{
  const char *paths[] = { "/api/v1/reports/loans", "/api/v1/reports/complaints",
                          "/api/v1/reports/asset-health" };
  const char *formats[] = { "", "?format=csv" };
  const char *tokens[] = { NULL, member, staff, admin };
  const guint expected[] = { 401, 403, 403, 200 };

  for (guint p = 0; p < G_N_ELEMENTS (paths); p++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      for (guint who = 0; who < G_N_ELEMENTS (tokens); who++)
        {
          g_autoptr(LpTestResponse) resp = get (tokens[who], "%s%s", paths[p], formats[f]);

          g_test_message ("%s%s as %u", paths[p], formats[f], who);
          lp_assert_status (resp, expected[who]);
          if (expected[who] != 200)
            g_assert_nonnull (lp_test_response_error_code (resp));
        }
}

typedef struct
{
  const char *path;
  guint       status;
  const char *code;
  const char *field;
} BadQuery;

static void
test_bad_input (void)
{
  g_autofree char *tomorrow = day (-1);
  g_autofree char *future = g_strdup_printf ("/api/v1/reports/asset-health?from=%s", tomorrow);
  const BadQuery cases[] = {
    { "/api/v1/reports/loans?from=2026-13-01", 422, "validation_failed", "from" },
    { "/api/v1/reports/loans?from=2026-02-01&to=2026-01-31", 422, "validation_failed", "to" },
    { "/api/v1/reports/loans?format=pdf", 400, "bad_request", NULL },
    { "/api/v1/reports/loans?status=lost", 400, "bad_request", NULL },
    { "/api/v1/reports/loans?category_id=abc", 422, "validation_failed", "category_id" },
    { "/api/v1/reports/loans?status=lost&from=x", 400, "bad_request", NULL },
    { "/api/v1/reports/complaints?status=selesai", 400, "bad_request", NULL },
    { "/api/v1/reports/complaints?to=31-01-2026", 422, "validation_failed", "to" },
    { "/api/v1/reports/asset-health?from=2000-01-01&to=2026-01-01", 422, "validation_failed",
      "from" },
    { "/api/v1/reports/asset-health?from=2026-02-01&to=2026-01-01", 422, "validation_failed",
      "to" },
    { future, 422, "validation_failed", "to" },
    { "/api/v1/reports/asset-health?format=csv&from=bad", 422, "validation_failed", "from" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LpTestResponse) resp = get (admin, "%s", cases[i].path);

      g_test_message ("%s", cases[i].path);
      assert_error (resp, cases[i].status, cases[i].code, cases[i].field);
    }
}

/* ---------------------------------------------------------------------------------------
 * Loans
 * ------------------------------------------------------------------------------------- */

static void
assert_loan_codes (LpTestResponse *resp,
                   const char     *expected)
{
  g_autofree char *codes = NULL;

  lp_assert_status (resp, 200);
  codes = join_member (array_of (resp, "rows"), "code", NULL);
  g_assert_cmpstr (codes, ==, expected);
  g_assert_cmpint (json_object_get_int_member (lp_test_response_object (resp), "total"), ==,
                   json_array_get_length (array_of (resp, "rows")));
}

static void
test_loans (void)
{
  g_autofree char *d5 = day (5);
  g_autofree char *d60 = day (60);
  g_autofree char *cat = sql_value ("SELECT id FROM categories WHERE name = 'Alat Lab'");
  g_autoptr(LpTestResponse) all = get (admin, "/api/v1/reports/loans?from=%s&to=%s", from, to);
  g_autoptr(LpTestResponse) rejected = get (admin, "/api/v1/reports/loans?from=%s&to=%s"
                                            "&status=rejected", from, to);
  g_autoptr(LpTestResponse) overdue = get (admin, "/api/v1/reports/loans?status=overdue");
  g_autoptr(LpTestResponse) lab = get (admin, "/api/v1/reports/loans?from=%s&to=%s"
                                       "&category_id=%s", from, to, cat);
  g_autoptr(LpTestResponse) recent = get (admin, "/api/v1/reports/loans?from=%s&to=%s", d5, to);
  g_autoptr(LpTestResponse) onward = get (admin, "/api/v1/reports/loans?from=%s", to);
  g_autoptr(LpTestResponse) before = get (admin, "/api/v1/reports/loans?to=%s", d60);
  JsonObject *first;

  assert_loan_codes (all, "LP-2000-000007 LP-2000-000012 LP-2000-000013 LP-2000-000011"
                          " LP-2000-000001 LP-2000-000002 LP-2000-000003 LP-2000-000005"
                          " LP-2000-000008 LP-2000-000009 LP-2000-000014 LP-2000-000004");
  assert_counts (all, "pending=0 approved=1 borrowed=1 returned=4 rejected=4 cancelled=1"
                      " overdue=1");
  first = element (array_of (all, "rows"), 0);
  g_assert_cmpstr (member_str (first, "item", "code"), ==, "TIK-04");
  g_assert_cmpstr (member_str (first, "user", "username"), ==, "siswa.ani");
  g_assert_cmpint (json_object_get_int_member (first, "quantity"), ==, 2);
  assert_loan_codes (rejected, "LP-2000-000003 LP-2000-000005 LP-2000-000009 LP-2000-000004");
  assert_counts (rejected, "pending=0 approved=0 borrowed=0 returned=0 rejected=4 cancelled=0"
                           " overdue=0");
  /* The status a reader sees: borrowed past its due date is overdue. */
  assert_loan_codes (overdue, "LP-2000-000014");
  assert_loan_codes (lab, "LP-2000-000012 LP-2000-000013");
  assert_loan_codes (recent, "LP-2000-000008 LP-2000-000014 LP-2000-000004");
  assert_loan_codes (onward, "LP-2000-000008 LP-2000-000010");
  assert_loan_codes (before, "LP-2000-000006");
}

/* The report renders its rows itself (loan_report_json(), for speed); each must be the
 * loan as GET /loans/{id} shows it, plus its category. */
static void
test_loan_rows_match_loans (void)
{
  g_autoptr(LpTestResponse) all = get (admin, "/api/v1/reports/loans");
  JsonArray *rows;

  lp_assert_status (all, 200);
  rows = array_of (all, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 14);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *row = json_array_get_element (rows, i);
      g_autoptr(JsonNode) copy = json_node_copy (row);
      JsonObject *obj = json_node_get_object (copy);
      g_autoptr(LpTestResponse) one = get (admin, "/api/v1/loans/%s",
                                           json_object_get_string_member (obj, "id"));

      lp_assert_status (one, 200);
      g_assert_cmpstr (member_str (obj, "category", "name"), !=, "");
      json_object_remove_member (obj, "category");
      g_test_message ("%s", json_object_get_string_member (obj, "code"));
      g_assert_true (json_node_equal (copy, one->json));
    }
}

static void
test_loans_csv (void)
{
  g_autoptr(LpTestResponse) resp = get (admin, "/api/v1/reports/loans?from=%s&to=%s&format=csv",
                                        from, to);
  g_autofree char *filename = g_strdup_printf ("lentera-loans_from-%s_to-%s.csv", from, to);
  g_autoptr(GPtrArray) rows = NULL;
  guint r;

  assert_csv_reply (resp, filename);
  rows = parse_csv (resp->body);
  assert_header (rows, "code,status,item_code,item_name,category,quantity,borrower_username,"
                       "borrower_name,start_date,due_date,purpose,decided_at,decision_reason,"
                       "handed_over_at,returned_at,return_condition,damage_description,fine,"
                       "created_at");
  g_assert_cmpuint (rows->len, ==, 13);
  g_assert_cmpstr (cell (rows, 1, 0), ==, "LP-2000-000007");
  r = find_row (rows, 0, "LP-2000-000014");
  g_assert_cmpstr (cell (rows, r, 1), ==, "overdue");
  g_assert_cmpstr (cell (rows, r, 3), ==, "Atlas Dunia");
  g_assert_cmpstr (cell (rows, r, 10), ==, "Rusak berat, layar retak \"parah\"\nkata guru");
  g_assert_true (body_contains (resp, ",\"Rusak berat, layar retak \"\"parah\"\"\nkata guru\","));
  r = find_row (rows, 0, "LP-2000-000008");
  g_assert_cmpstr (cell (rows, r, 10), ==, "'=HYPERLINK(\"http://contoh.id\")");
  g_assert_true (body_contains (resp, ",\"'=HYPERLINK(\"\"http://contoh.id\"\")\","));
  r = find_row (rows, 0, "LP-2000-000013");
  g_assert_cmpstr (cell (rows, r, 10), ==, "'+62 812 3456");
  r = find_row (rows, 0, "LP-2000-000005");
  g_assert_cmpstr (cell (rows, r, 12), ==, "'@SUM(1+1)");
  r = find_row (rows, 0, "LP-2000-000001");
  g_assert_cmpstr (cell (rows, r, 15), ==, "lost");
  g_assert_cmpstr (cell (rows, r, 16), ==, "hilang di bus");
  g_assert_cmpstr (cell (rows, r, 17), ==, "0");
  g_assert_cmpstr (cell (rows, r, 7), ==, "Siswa.Budi");
}

/* ---------------------------------------------------------------------------------------
 * Complaints
 * ------------------------------------------------------------------------------------- */

static char *
join_titles (LpTestResponse *resp)
{
  JsonArray *rows = array_of (resp, "rows");
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "|" : "",
                            json_object_get_string_member (element (rows, i), "title"));
  return g_string_free (out, FALSE);
}

static void
test_complaints (void)
{
  g_autofree char *d5 = day (5);
  g_autoptr(LpTestResponse) all = get (admin, "/api/v1/reports/complaints");
  g_autoptr(LpTestResponse) waiting = get (admin, "/api/v1/reports/complaints?status=waiting");
  g_autoptr(LpTestResponse) recent = get (admin, "/api/v1/reports/complaints?from=%s&to=%s",
                                          d5, to);
  g_autofree char *titles = NULL;
  JsonObject *lost;

  lp_assert_status (all, 200);
  titles = join_titles (all);
  g_assert_cmpstr (titles, ==, "AC bocor|Lost at return: Laptop Asus (LP-2000-000001)|"
                               "Rusak berat, layar retak \"parah\"|Kursi goyang|-Meja retak|"
                               "Lampu mati");
  assert_counts (all, "waiting=3 in_progress=1 done=1 closed=1");
  g_assert_cmpint (json_object_get_int_member (lp_test_response_object (all), "total"), ==, 6);
  lost = element (array_of (all, "rows"), 1);
  g_assert_true (json_object_get_boolean_member (lost, "is_system"));
  g_assert_true (json_object_get_null_member (lost, "reporter"));
  g_assert_cmpstr (json_object_get_string_member (lost, "loan_code"), ==, "LP-2000-000001");
  g_assert_cmpstr (member_str (element (array_of (all, "rows"), 0), "reporter", "username"), ==,
                   "siswa.ani");
  g_free (titles);
  titles = join_titles (waiting);
  g_assert_cmpstr (titles, ==, "Lost at return: Laptop Asus (LP-2000-000001)|"
                               "Rusak berat, layar retak \"parah\"|-Meja retak");
  assert_counts (waiting, "waiting=3 in_progress=0 done=0 closed=0");
  g_free (titles);
  titles = join_titles (recent);
  g_assert_cmpstr (titles, ==, "-Meja retak|Lampu mati");
}

static void
test_complaints_csv (void)
{
  g_autoptr(LpTestResponse) resp = get (admin, "/api/v1/reports/complaints?format=csv");
  g_autoptr(GPtrArray) rows = NULL;
  guint r;

  assert_csv_reply (resp, "lentera-complaints.csv");
  rows = parse_csv (resp->body);
  assert_header (rows, "created_at,status,title,description,location,category,item_code,"
                       "item_name,reporter_username,reporter_name,is_system,loan_code,"
                       "attachments,notes,last_note,updated_at");
  g_assert_cmpuint (rows->len, ==, 7);
  r = find_row (rows, 3, "Kaki kursi longgar");
  g_assert_cmpstr (cell (rows, r, 1), ==, "in_progress");
  g_assert_cmpstr (cell (rows, r, 4), ==, "'=cmd|\"/C calc\"!A0");
  g_assert_true (body_contains (resp, ",\"'=cmd|\"\"/C calc\"\"!A0\","));
  g_assert_cmpstr (cell (rows, r, 10), ==, "false");
  g_assert_cmpstr (cell (rows, r, 13), ==, "2");
  g_assert_cmpstr (cell (rows, r, 14), ==, "Tukang datang Senin");
  r = find_row (rows, 2, "Rusak berat, layar retak \"parah\"");
  g_assert_cmpstr (cell (rows, r, 3), ==, "Layar proyektor retak.\nTolong segera.");
  g_assert_cmpstr (cell (rows, r, 6), ==, "TIK-01");
  g_assert_true (body_contains (resp, ",\"Rusak berat, layar retak \"\"parah\"\"\","
                                      "\"Layar proyektor retak.\nTolong segera.\","));
  r = find_row (rows, 2, "'-Meja retak");
  g_assert_cmpstr (cell (rows, r, 3), ==, "'+ parah");
  g_assert_cmpstr (cell (rows, r, 4), ==, "'@Ruang 5");
  r = find_row (rows, 11, "LP-2000-000001");
  g_assert_cmpstr (cell (rows, r, 8), ==, "");
  g_assert_cmpstr (cell (rows, r, 10), ==, "true");
}

/* ---------------------------------------------------------------------------------------
 * Asset health
 * ------------------------------------------------------------------------------------- */

static LpTestResponse *
asset_health (void)
{
  return get (admin, "/api/v1/reports/asset-health?from=%s&to=%s", from, to);
}

static char *
join_ints (JsonArray  *array,
           const char *name)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_object_get_member (element (array, i), name);

      if (JSON_NODE_HOLDS_NULL (node))
        g_string_append_printf (out, "%s-", i > 0 ? " " : "");
      else
        g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                                json_node_get_int (node));
    }
  return g_string_free (out, FALSE);
}

static char *
timestamp_of_day (int n)
{
  g_autofree char *query = g_strdup_printf ("SELECT api_ts(library_day_start(library_today()"
                                            " - %d) + interval '10 hours')", n);

  return sql_value (query);
}

static void
test_asset_damaged (void)
{
  g_autoptr(LpTestResponse) resp = asset_health ();
  g_autofree char *since = timestamp_of_day (45);
  JsonObject *period, *first;
  JsonArray *damaged;
  g_autofree char *codes = NULL;
  g_autofree char *days = NULL;

  lp_assert_status (resp, 200);
  period = json_object_get_object_member (lp_test_response_object (resp), "period");
  g_assert_cmpstr (json_object_get_string_member (period, "from"), ==, from);
  g_assert_cmpstr (json_object_get_string_member (period, "to"), ==, to);
  g_assert_cmpint (json_object_get_int_member (period, "days"), ==, 60);
  damaged = array_of (resp, "damaged");
  codes = join_member (damaged, "item", "code");
  g_assert_cmpstr (codes, ==, "LAB-01 TIK-01 FUR-20 LAB-02 FUR-30");
  days = join_ints (damaged, "days");
  g_assert_cmpstr (days, ==, "45 10 7 5 4");
  first = element (damaged, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "since"), ==, since);
  g_assert_cmpstr (json_object_get_string_member (first, "location"), ==, "Lab Biologi");
  g_assert_cmpstr (json_object_get_string_member (first, "condition"), ==, "major_damage");
  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "maintenance");
  g_assert_cmpstr (json_object_get_string_member (first, "note"), ==, "-lensa pecah");
  g_assert_cmpstr (member_str (first, "category", "name"), ==, "Alat Lab");
  /* No open event: the time the item last changed. */
  g_assert_true (json_object_get_null_member (element (damaged, 4), "note"));
}

static void
test_asset_most_damaged_and_lost (void)
{
  g_autoptr(LpTestResponse) resp = asset_health ();
  g_autofree char *lost_at = timestamp_of_day (12);
  JsonArray *top, *lost;
  JsonObject *entry;
  g_autofree char *codes = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *ranks = NULL;

  lp_assert_status (resp, 200);
  top = array_of (resp, "most_damaged");
  codes = join_member (top, "item", "code");
  /* Ties by name ("Atlas Dunia" before "Kursi Lipat"), then by code. */
  g_assert_cmpstr (codes, ==, "LAB-02 BK-01 ZZZ-01 FUR-01 FUR-02 FUR-03 FUR-04 FUR-05 FUR-06"
                              " FUR-07");
  counts = join_ints (top, "damage_events");
  g_assert_cmpstr (counts, ==, "3 2 1 1 1 1 1 1 1 1");
  ranks = join_ints (top, "rank");
  g_assert_cmpstr (ranks, ==, "1 2 3 4 5 6 7 8 9 10");
  g_assert_cmpint (json_object_get_int_member (element (top, 1), "minor_damage"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (element (top, 1), "major_damage"), ==, 1);
  lost = array_of (resp, "lost");
  g_assert_cmpuint (json_array_get_length (lost), ==, 1);
  entry = element (lost, 0);
  g_assert_cmpstr (member_str (entry, "item", "code"), ==, "TIK-02");
  g_assert_cmpstr (json_object_get_string_member (entry, "lost_at"), ==, lost_at);
  g_assert_true (json_object_get_boolean_member (entry, "lost_in_period"));
  g_assert_cmpstr (member_str (entry, "loan", "code"), ==, "LP-2000-000001");
  g_assert_cmpstr (member_str (entry, "last_borrower", "username"), ==, "siswa.budi");
  g_assert_cmpstr (member_str (entry, "last_borrower", "full_name"), ==, "Siswa.Budi");
}

static void
test_asset_maintenance_history (void)
{
  g_autoptr(LpTestResponse) resp = asset_health ();
  g_autofree char *repaired_at = timestamp_of_day (48);
  JsonArray *history, *events;
  JsonObject *multimeter = NULL;
  g_autofree char *codes = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *to_days = NULL;

  lp_assert_status (resp, 200);
  history = array_of (resp, "maintenance_history");
  codes = join_member (history, "item", "code");
  g_assert_cmpstr (codes, ==, "ZZZ-01 BK-01 FUR-01 FUR-02 FUR-03 FUR-04 FUR-05 FUR-06 FUR-07"
                              " FUR-08 FUR-09 TIK-02 FUR-20 LAB-01 LAB-02 TIK-01");
  for (guint i = 0; i < json_array_get_length (history); i++)
    if (g_str_equal (member_str (element (history, i), "item", "code"), "LAB-02"))
      multimeter = element (history, i);
  g_assert_nonnull (multimeter);
  events = json_object_get_array_member (multimeter, "events");
  sources = join_member (events, "source", NULL);
  g_assert_cmpstr (sources, ==, "return repair return repair return");
  to_days = join_ints (events, "days_to_repair");
  g_assert_cmpstr (to_days, ==, "2 0 5 0 -");
  g_assert_true (json_object_get_boolean_member (element (events, 0), "repaired"));
  g_assert_cmpstr (json_object_get_string_member (element (events, 0), "repaired_at"), ==,
                   repaired_at);
  g_assert_false (json_object_get_boolean_member (element (events, 4), "repaired"));
  g_assert_true (json_object_get_null_member (element (events, 4), "repaired_at"));
  g_assert_cmpstr (json_object_get_string_member (element (events, 4), "condition_to"), ==,
                   "minor_damage");
  /* The good return of a good atlas is not history worth showing; its damage is. */
  events = json_object_get_array_member (element (history, 0), "events");
  g_assert_cmpuint (json_array_get_length (events), ==, 1);
}

typedef struct
{
  const char *action;
  const char *code;
  const char *reason;   /* {date}: the date of T - days */
  int         days;
  const char *rules;
} Recommendation;

static void
check_recommendation (JsonObject           *obj,
                      const Recommendation *expected)
{
  g_autofree char *date = day (expected->days);
  g_autoptr(GString) reason = g_string_new (expected->reason);
  JsonArray *rules = json_object_get_array_member (obj, "rules");
  g_autoptr(GString) joined = g_string_new (NULL);

  g_test_message ("%s %s", expected->action, expected->code);
  g_assert_cmpstr (json_object_get_string_member (obj, "action"), ==, expected->action);
  g_assert_cmpstr (member_str (obj, "item", "code"), ==, expected->code);
  g_string_replace (reason, "{date}", date, 0);
  g_assert_cmpstr (json_object_get_string_member (obj, "reason"), ==, reason->str);
  for (guint i = 0; i < json_array_get_length (rules); i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? " " : "",
                            json_array_get_string_element (rules, i));
  g_assert_cmpstr (joined->str, ==, expected->rules);
}

static void
test_asset_recommendations (void)
{
  static const Recommendation expected[] = {
    { "replace", "TIK-02", "Lost since {date}", 12, "lost" },
    { "replace", "LAB-01", "Major damage unrepaired for 45 days (since {date})", 45,
      "major_damage_unrepaired" },
    { "replace", "LAB-02", "3 damage events in the period", 0, "repeated_damage" },
    { "maintain", "FUR-20", "In maintenance (major damage) for 7 days", 0, "in_maintenance" },
    { "maintain", "FUR-30", "Needs maintenance for 4 days", 0, "needs_maintenance" },
    { "maintain", "TIK-01", "Needs maintenance (minor damage) for 10 days", 0,
      "needs_maintenance" },
    { "add_stock", "LAB-03", "Utilization 80.0% in the period", 0, "high_utilization" },
    { "add_stock", "TIK-03", "2 requests refused for lack of stock in the period", 0,
      "refused_for_stock" },
    { "add_stock", "TIK-04", "1 request refused for lack of stock in the period; "
      "Utilization 91.6% in the period", 0, "refused_for_stock high_utilization" },
  };
  g_autoptr(LpTestResponse) resp = asset_health ();
  JsonArray *recommendations;

  lp_assert_status (resp, 200);
  recommendations = array_of (resp, "recommendations");
  g_assert_cmpuint (json_array_get_length (recommendations), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    check_recommendation (element (recommendations, i), &expected[i]);
}

/* The months [T-59, T] touches, with the damage events of the dataset in each. */
static char *
expected_months (void)
{
  static const int minor[] = { 50, 20, 5, 10, 30, 3, 41, 42, 43, 44, 45, 46, 47, 48, 49 };
  static const int major[] = { 45, 25, 7 };
  GDate today, first, last;
  g_autoptr(GString) out = g_string_new (NULL);
  int y, m, d;

  g_assert_cmpint (sscanf (to, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  first = today;
  g_date_subtract_days (&first, 59);
  g_date_set_day (&first, 1);
  for (last = first; g_date_compare (&last, &today) <= 0; g_date_add_months (&last, 1))
    {
      int n_minor = 0, n_major = 0;

      for (guint i = 0; i < G_N_ELEMENTS (minor) + G_N_ELEMENTS (major); i++)
        {
          GDate when = today;
          gboolean is_minor = i < G_N_ELEMENTS (minor);

          g_date_subtract_days (&when, is_minor ? minor[i] : major[i - G_N_ELEMENTS (minor)]);
          if (g_date_get_month (&when) == g_date_get_month (&last) &&
              g_date_get_year (&when) == g_date_get_year (&last))
            *(is_minor ? &n_minor : &n_major) += 1;
        }
      g_string_append_printf (out, "%s%04d-%02d:%d/%d/%d", out->len > 0 ? " " : "",
                              g_date_get_year (&last), g_date_get_month (&last),
                              n_minor + n_major, n_minor, n_major);
    }
  return g_strdup (out->str);
}

static void
test_asset_damage_charts (void)
{
  g_autoptr(LpTestResponse) resp = asset_health ();
  g_autoptr(GString) months = g_string_new (NULL);
  g_autofree char *expected = expected_months ();
  JsonArray *by_category, *by_month;
  g_autofree char *counts = NULL;
  g_autofree char *minor = NULL;
  g_autofree char *major = NULL;

  lp_assert_status (resp, 200);
  by_category = array_of (resp, "damage_by_category");
  g_assert_cmpuint (json_array_get_length (by_category), ==, 5);
  g_assert_cmpstr (member_str (element (by_category, 0), "category", "name"), ==, "Alat Lab");
  g_assert_cmpstr (member_str (element (by_category, 4), "category", "name"), ==,
                   "Perlengkapan Ruang");
  counts = join_ints (by_category, "damage_events");
  minor = join_ints (by_category, "minor_damage");
  major = join_ints (by_category, "major_damage");
  g_assert_cmpstr (counts, ==, "4 3 10 1 0");
  g_assert_cmpstr (minor, ==, "3 2 9 1 0");
  g_assert_cmpstr (major, ==, "1 1 1 0 0");
  by_month = array_of (resp, "damage_by_month");
  for (guint i = 0; i < json_array_get_length (by_month); i++)
    {
      JsonObject *m = element (by_month, i);

      g_string_append_printf (months, "%s%s:%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%"
                              G_GINT64_FORMAT, i > 0 ? " " : "",
                              json_object_get_string_member (m, "month"),
                              json_object_get_int_member (m, "damage_events"),
                              json_object_get_int_member (m, "minor_damage"),
                              json_object_get_int_member (m, "major_damage"));
    }
  g_assert_cmpstr (months->str, ==, expected);
}

static void
test_asset_default_period (void)
{
  g_autoptr(LpTestResponse) resp = get (admin, "/api/v1/reports/asset-health");
  g_autofree char *d29 = day (29);
  JsonObject *period;
  g_autofree char *codes = NULL;

  lp_assert_status (resp, 200);
  period = json_object_get_object_member (lp_test_response_object (resp), "period");
  g_assert_cmpstr (json_object_get_string_member (period, "from"), ==, d29);
  g_assert_cmpstr (json_object_get_string_member (period, "to"), ==, to);
  g_assert_cmpint (json_object_get_int_member (period, "days"), ==, 30);
  /* In 30 days the multimeter was damaged twice (T-20, T-5): no longer "repeated", so it
   * is only maintained. */
  codes = join_member (array_of (resp, "recommendations"), "item", "code");
  g_assert_null (strstr (codes, "LAB-03"));
  g_assert_nonnull (strstr (codes, "LAB-02"));
}

/* Rows of a section in the asset health CSV. */
static guint
count_section (GPtrArray  *rows,
               const char *section)
{
  guint n = 0;

  for (guint r = 1; r < rows->len; r++)
    n += g_str_equal (cell (rows, r, 0), section);
  return n;
}

static void
test_asset_health_csv (void)
{
  g_autoptr(LpTestResponse) resp = get (admin, "/api/v1/reports/asset-health?from=%s&to=%s"
                                        "&format=csv", from, to);
  g_autofree char *filename = g_strdup_printf ("lentera-asset-health_from-%s_to-%s.csv",
                                               from, to);
  g_autofree char *d12 = day (12);
  g_autofree char *d45 = day (45);
  g_autofree char *d2 = day (2);
  g_autofree char *atlas = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint r;

  assert_csv_reply (resp, filename);
  rows = parse_csv (resp->body);
  assert_header (rows, "section,kind,item_code,item_name,category,location,condition,status,"
                       "date,days,count,borrower,detail");
  g_assert_cmpuint (count_section (rows, "recommendation"), ==, 9);
  g_assert_cmpuint (count_section (rows, "damaged"), ==, 5);
  g_assert_cmpuint (count_section (rows, "most_damaged"), ==, 10);
  g_assert_cmpuint (count_section (rows, "lost"), ==, 1);
  g_assert_cmpuint (count_section (rows, "maintenance"), ==, 21);
  g_assert_cmpuint (count_section (rows, "damage_by_category"), ==, 5);
  g_assert_cmpstr (cell (rows, 1, 0), ==, "recommendation");
  g_assert_cmpstr (cell (rows, 1, 1), ==, "replace");
  g_assert_cmpstr (cell (rows, 1, 2), ==, "TIK-02");
  g_assert_cmpstr (cell (rows, 1, 12), !=, "");
  r = find_row (rows, 0, "damaged");
  g_assert_cmpstr (cell (rows, r, 2), ==, "LAB-01");
  g_assert_cmpstr (cell (rows, r, 8), ==, d45);
  g_assert_cmpstr (cell (rows, r, 9), ==, "45");
  g_assert_cmpstr (cell (rows, r, 12), ==, "'-lensa pecah");
  r = find_row (rows, 0, "lost");
  g_assert_cmpstr (cell (rows, r, 8), ==, d12);
  g_assert_cmpstr (cell (rows, r, 11), ==, "Siswa.Budi (siswa.budi)");
  g_assert_cmpstr (cell (rows, r, 12), ==, "loan LP-2000-000001");
  r = find_row (rows, 0, "most_damaged");
  g_assert_cmpstr (cell (rows, r + 1, 3), ==, "Kamus \"KBBI\", edisi V");
  g_assert_true (body_contains (resp, ",\"Kamus \"\"KBBI\"\", edisi V\","));
  g_assert_true (body_contains (resp, ",\"Rusak berat, layar retak \"\"parah\"\"\"\r\n"));
  r = find_row (rows, 0, "maintenance");
  g_assert_cmpstr (cell (rows, r, 2), ==, "ZZZ-01");
  g_assert_cmpstr (cell (rows, r, 1), ==, "admin_edit");
  atlas = g_strdup_printf ("from good to minor_damage; repaired %s; =1+1", d2);
  g_assert_cmpstr (cell (rows, r, 12), ==, atlas);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = lp_test_server_start (NULL);
  g_free (lp_test_server_create_user (server, "kepala", PASSWORD, "admin"));
  g_free (lp_test_server_create_user (server, "petugas.rina", PASSWORD, "staff"));
  g_free (lp_test_server_create_user (server, "siswa.ani", PASSWORD, "member"));
  g_free (lp_test_server_create_user (server, "siswa.budi", PASSWORD, "member"));
  admin = lp_test_server_login (server, "kepala", PASSWORD);
  staff = lp_test_server_login (server, "petugas.rina", PASSWORD);
  member = lp_test_server_login (server, "siswa.ani", PASSWORD);
  load_dataset ();
  from = day (59);
  to = day (0);

  g_test_add_func ("/lp/reports/only-admins", test_only_admins);
  g_test_add_func ("/lp/reports/bad-input", test_bad_input);
  g_test_add_func ("/lp/reports/loans", test_loans);
  g_test_add_func ("/lp/reports/loan-rows-match-loans", test_loan_rows_match_loans);
  g_test_add_func ("/lp/reports/loans-csv", test_loans_csv);
  g_test_add_func ("/lp/reports/complaints", test_complaints);
  g_test_add_func ("/lp/reports/complaints-csv", test_complaints_csv);
  g_test_add_func ("/lp/reports/asset-health/damaged", test_asset_damaged);
  g_test_add_func ("/lp/reports/asset-health/most-damaged-lost",
                   test_asset_most_damaged_and_lost);
  g_test_add_func ("/lp/reports/asset-health/maintenance-history",
                   test_asset_maintenance_history);
  g_test_add_func ("/lp/reports/asset-health/recommendations", test_asset_recommendations);
  g_test_add_func ("/lp/reports/asset-health/damage-charts", test_asset_damage_charts);
  g_test_add_func ("/lp/reports/asset-health/default-period", test_asset_default_period);
  g_test_add_func ("/lp/reports/asset-health/csv", test_asset_health_csv);

  status = g_test_run ();
  g_free (admin);
  g_free (staff);
  g_free (member);
  g_free (from);
  g_free (to);
  lp_test_server_free (server);
  return status;
}
