/* test-catalog.c: categories and items over real HTTP — roles, validation, search,
 * filters, paging, stock rules, availability, condition history and repairs.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-db.h"
#include "lp-test-server.h"

#define PASSWORD   "Sandi#2026a"
#define UNKNOWN_ID "00000000-0000-4000-8000-000000000000"

static LpTestServer *server;
static char *admin_token;
static char *staff_token;
static char *member_token;
static char *admin_id;
static char *staff_id;
static char *member_id;
static guint counter;

/* ---------------------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------------------- */

static char *
jstr (const char *text)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);
  return json_to_string (node, FALSE);
}

static char *
repeat (char  c,
        gsize n)
{
  char *text = g_malloc (n + 1);

  memset (text, c, n);
  text[n] = '\0';
  return text;
}

static LpTestResponse *
call (const char *method,
      const char *token,
      const char *body,
      const char *format,
      ...) G_GNUC_PRINTF (4, 5);

static LpTestResponse *
call (const char *method,
      const char *token,
      const char *body,
      const char *format,
      ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  return lp_test_request (server, method, path, token, body);
}

#define expect_error(resp, status, code, field) \
  expect_error_at (__LINE__, (resp), (status), (code), (field))

/* An error reply: its status, its code and, when field is not NULL, a field error. */
static void
expect_error_at (int             line,
                 LpTestResponse *resp,
                 guint           status,
                 const char     *code,
                 const char     *field)
{
  const char *text = g_bytes_get_data (resp->body, NULL);
  int length = (int) g_bytes_get_size (resp->body);
  JsonObject *error;
  JsonObject *fields = NULL;

  if (resp->status != status)
    g_error ("line %d: expected HTTP %u, got %u: %.*s", line, status, resp->status, length, text);
  if (g_strcmp0 (lp_test_response_error_code (resp), code) != 0)
    g_error ("line %d: expected error %s: %.*s", line, code, length, text);
  if (field == NULL)
    return;
  error = json_object_get_object_member (lp_test_response_object (resp), "error");
  if (json_object_has_member (error, "fields"))
    fields = json_object_get_object_member (error, "fields");
  if (fields == NULL || !json_object_has_member (fields, field))
    g_error ("line %d: expected a field error for %s: %.*s", line, field, length, text);
}

/* Runs SQL that must succeed, with NULL-terminated text parameters; returns the first
 * value of the first row, or NULL. */
static char *
sql (const char *query,
     ...) G_GNUC_NULL_TERMINATED;

static char *
sql (const char *query,
     ...)
{
  va_list args;
  char *value;

  va_start (args, query);
  value = lp_test_server_sql_first_valist (server, query, args);
  va_end (args);
  return value;
}

static char *
add_category (const char *name)
{
  g_autofree char *jname = jstr (name);
  g_autofree char *body = g_strdup_printf ("{\"name\":%s}", jname);
  g_autoptr(LpTestResponse) resp = call ("POST", admin_token, body, "/api/v1/categories");

  lp_assert_status (resp, 201);
  return g_strdup (json_object_get_string_member (lp_test_response_object (resp), "id"));
}

static char *
item_body (const char *category_id,
           const char *code,
           const char *name,
           int         stock_total,
           const char *extra)
{
  g_autofree char *jcode = jstr (code);
  g_autofree char *jname = jstr (name);

  return g_strdup_printf ("{\"code\":%s,\"name\":%s,\"category_id\":\"%s\","
                          "\"location\":\"Rak A1\",\"stock_total\":%d%s%s}",
                          jcode, jname, category_id, stock_total,
                          extra != NULL ? "," : "", extra != NULL ? extra : "");
}

/* Creates an item as the admin; extra is more JSON members ("\"author\":\"X\""). */
static char *
add_item (const char *category_id,
          const char *code,
          const char *name,
          int         stock_total,
          const char *extra)
{
  g_autofree char *body = item_body (category_id, code, name, stock_total, extra);
  g_autoptr(LpTestResponse) resp = call ("POST", admin_token, body, "/api/v1/items");

  lp_assert_status (resp, 201);
  return g_strdup (json_object_get_string_member (lp_test_response_object (resp), "id"));
}

/* A loan of the member, straight in the database; days count from library_today(). */
static void
add_loan (const char *item_id,
          const char *status,
          int         quantity,
          int         start_day,
          int         due_day)
{
  g_autofree char *q = g_strdup_printf ("%d", quantity);
  g_autofree char *start = g_strdup_printf ("%d", start_day);
  g_autofree char *due = g_strdup_printf ("%d", due_day);
  g_autofree char *id = NULL;

  id = sql ("INSERT INTO loans (user_id, item_id, quantity, start_date, due_date, purpose,"
            " status, returned_at) VALUES ($1, $2, $3::int, library_today() + $4::int,"
            " library_today() + $5::int, 'Praktikum', $6,"
            " CASE WHEN $6 = 'returned' THEN now() END) RETURNING id",
            member_id, item_id, q, start, due, status, NULL);
  g_assert_nonnull (id);
}

/* The latest activity row of an action on a record: one SQL expression over its row. */
static char *
activity (const char *action,
          const char *record_id,
          const char *expression)
{
  g_autofree char *query = g_strdup_printf ("SELECT %s FROM activity_log WHERE action = $1"
                                            " AND record_id = $2 ORDER BY id DESC LIMIT 1",
                                            expression);

  return sql (query, action, record_id, NULL);
}

static JsonObject *
object (LpTestResponse *resp)
{
  return lp_test_response_object (resp);
}

#define assert_list(expected, ...) assert_list_at (__LINE__, (expected), __VA_ARGS__)

/* GET /api/v1/items?<query> as a guest must list exactly these codes, in this order
 * (comma-separated). */
static void
assert_list_at (int         line,
                const char *expected,
                const char *format,
                ...) G_GNUC_PRINTF (3, 4);

static void
assert_list_at (int         line,
                const char *expected,
                const char *format,
                ...)
{
  g_autofree char *query = NULL;
  g_autoptr(LpTestResponse) resp = NULL;
  g_autoptr(GString) got = g_string_new (NULL);
  JsonArray *items;
  va_list args;

  va_start (args, format);
  query = g_strdup_vprintf (format, args);
  va_end (args);
  resp = call ("GET", NULL, NULL, "/api/v1/items?%s", query);
  if (resp->status != 200)
    g_error ("line %d: GET /api/v1/items?%s answered %u", line, query, resp->status);
  items = json_object_get_array_member (object (resp), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_string_append_printf (got, "%s%s", i > 0 ? "," : "",
                            json_object_get_string_member (json_array_get_object_element (items, i),
                                                           "code"));
  if (!g_str_equal (got->str, expected))
    g_error ("line %d: ?%s listed [%s], expected [%s]", line, query, got->str, expected);
  if (strstr (query, "limit=") == NULL && strstr (query, "offset=") == NULL)
    g_assert_cmpint (json_object_get_int_member (object (resp), "total"), ==,
                     json_array_get_length (items));
}

/* ---------------------------------------------------------------------------------------
 * Roles: every catalog endpoint × guest, member, staff, admin
 * ------------------------------------------------------------------------------------- */

typedef struct
{
  const char *method;
  const char *path;   /* {cat} {item} {fresh_cat} {fresh_item} {damaged} {unknown} */
  const char *body;   /* {name} {code} {cat} */
  guint       guest, member, staff, admin;
} RoleRow;

static const RoleRow role_rows[] = {
  { "GET", "/api/v1/categories", NULL, 200, 200, 200, 200 },
  { "POST", "/api/v1/categories", "{\"name\":\"{name}\"}", 401, 403, 403, 201 },
  { "GET", "/api/v1/categories/{cat}", NULL, 200, 200, 200, 200 },
  { "GET", "/api/v1/categories/{unknown}", NULL, 404, 404, 404, 404 },
  { "PATCH", "/api/v1/categories/{cat}", "{\"description\":\"Rak depan\"}", 401, 403, 403, 200 },
  { "DELETE", "/api/v1/categories/{fresh_cat}", NULL, 401, 403, 403, 204 },
  { "GET", "/api/v1/items", NULL, 200, 200, 200, 200 },
  { "POST", "/api/v1/items",
    "{\"code\":\"{code}\",\"name\":\"Globe\",\"category_id\":\"{cat}\",\"location\":\"Rak A1\","
    "\"stock_total\":1}", 401, 403, 403, 201 },
  { "GET", "/api/v1/items/{item}", NULL, 200, 200, 200, 200 },
  { "GET", "/api/v1/items/{unknown}", NULL, 404, 404, 404, 404 },
  { "PATCH", "/api/v1/items/{item}", "{\"location\":\"Rak B2\"}", 401, 403, 403, 200 },
  { "DELETE", "/api/v1/items/{fresh_item}", NULL, 401, 403, 403, 204 },
  { "GET", "/api/v1/items/{item}/availability", NULL, 200, 200, 200, 200 },
  { "GET", "/api/v1/items/{item}/history", NULL, 401, 403, 200, 200 },
  { "POST", "/api/v1/items/{damaged}/repair", "{}", 401, 403, 200, 200 },
};

static char *role_cat;
static char *role_item;

static char *
expand_role_text (const char *text)
{
  g_autoptr(GString) out = NULL;

  if (text == NULL)
    return NULL;
  out = g_string_new (text);
  g_string_replace (out, "{cat}", role_cat, 0);
  g_string_replace (out, "{item}", role_item, 0);
  g_string_replace (out, "{unknown}", UNKNOWN_ID, 0);
  if (strstr (text, "{fresh_cat}") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("Peran Baru %u", ++counter);
      g_autofree char *id = add_category (name);
      g_string_replace (out, "{fresh_cat}", id, 0);
    }
  if (strstr (text, "{fresh_item}") != NULL)
    {
      g_autofree char *code = g_strdup_printf ("ROLE-%u", ++counter);
      g_autofree char *id = add_item (role_cat, code, "Barang Peran", 1, NULL);
      g_string_replace (out, "{fresh_item}", id, 0);
    }
  if (strstr (text, "{damaged}") != NULL)
    {
      g_autofree char *code = g_strdup_printf ("ROLE-%u", ++counter);
      g_autofree char *id = add_item (role_cat, code, "Barang Rusak", 1,
                                      "\"condition\":\"major_damage\",\"status\":\"maintenance\"");
      g_string_replace (out, "{damaged}", id, 0);
    }
  if (strstr (text, "{name}") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("Kategori Peran %u", ++counter);
      g_string_replace (out, "{name}", name, 0);
    }
  if (strstr (text, "{code}") != NULL)
    {
      g_autofree char *code = g_strdup_printf ("RP-%u", ++counter);
      g_string_replace (out, "{code}", code, 0);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_roles (void)
{
  const char *tokens[] = { NULL, member_token, staff_token, admin_token };
  const char *names[] = { "guest", "member", "staff", "admin" };
  guint failures = 0;

  role_cat = add_category ("Peran");
  role_item = add_item (role_cat, "ROLE-ITEM", "Proyektor Peran", 2, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (role_rows); i++)
    {
      const RoleRow *row = &role_rows[i];
      guint expected[] = { row->guest, row->member, row->staff, row->admin };

      for (guint r = 0; r < G_N_ELEMENTS (tokens); r++)
        {
          g_autofree char *path = expand_role_text (row->path);
          g_autofree char *body = expand_role_text (row->body);
          g_autoptr(LpTestResponse) resp = lp_test_request (server, row->method, path,
                                                            tokens[r], body);

          if (resp->status >= 400)
            g_assert_nonnull (lp_test_response_error_code (resp));
          if (resp->status == expected[r])
            continue;
          g_printerr ("%s %s as %s: expected %u, got %u\n", row->method, row->path, names[r],
                      expected[r], resp->status);
          failures++;
        }
    }
  g_clear_pointer (&role_cat, g_free);
  g_clear_pointer (&role_item, g_free);
  g_assert_cmpuint (failures, ==, 0);
}

/* ---------------------------------------------------------------------------------------
 * Categories
 * ------------------------------------------------------------------------------------- */

static void
test_category_create_get_update (void)
{
  g_autoptr(LpTestResponse) created = NULL;
  g_autoptr(LpTestResponse) got = NULL;
  g_autoptr(LpTestResponse) patched = NULL;
  g_autofree char *created_name = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *new_name = NULL;
  g_autofree char *by = NULL;
  const char *id;

  created = call ("POST", admin_token, "{\"name\":\"  Alat Musik Tiup  \","
                  "\"description\":\"Seruling, pianika\"}", "/api/v1/categories");
  lp_assert_status (created, 201);
  id = json_object_get_string_member (object (created), "id");
  g_assert_cmpstr (json_object_get_string_member (object (created), "name"), ==, "Alat Musik Tiup");
  g_assert_cmpstr (json_object_get_string_member (object (created), "description"), ==,
                   "Seruling, pianika");
  g_assert_true (json_object_has_member (object (created), "created_at"));
  created_name = activity ("category.create", id, "new_data->>'name'");
  g_assert_cmpstr (created_name, ==, "Alat Musik Tiup");

  got = call ("GET", NULL, NULL, "/api/v1/categories/%s", id);
  lp_assert_status (got, 200);
  g_assert_true (json_node_equal (got->json, created->json));

  patched = call ("PATCH", admin_token, "{\"name\":\"Alat Musik\"}", "/api/v1/categories/%s", id);
  lp_assert_status (patched, 200);
  g_assert_cmpstr (json_object_get_string_member (object (patched), "name"), ==, "Alat Musik");
  g_assert_cmpstr (json_object_get_string_member (object (patched), "description"), ==,
                   "Seruling, pianika");
  old_name = activity ("category.update", id, "old_data->>'name'");
  new_name = activity ("category.update", id, "new_data->>'name'");
  by = activity ("category.update", id, "username");
  g_assert_cmpstr (old_name, ==, "Alat Musik Tiup");
  g_assert_cmpstr (new_name, ==, "Alat Musik");
  g_assert_cmpstr (by, ==, "admin1");
}

/* Sorted by name ignoring case, paged like every list; q filters by name. */
static void
test_category_list (void)
{
  g_autofree char *z = add_category ("zeta Urut");
  g_autofree char *a = add_category ("Alpha Urut");
  g_autofree char *b = add_category ("beta Urut");
  g_autoptr(LpTestResponse) all = call ("GET", NULL, NULL, "/api/v1/categories?q=urut");
  g_autoptr(LpTestResponse) page = call ("GET", member_token, NULL,
                                         "/api/v1/categories?q=Urut&limit=1&offset=1");
  JsonArray *items;

  lp_assert_status (all, 200);
  items = json_object_get_array_member (object (all), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "id"),
                   ==, a);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "id"),
                   ==, b);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 2), "id"),
                   ==, z);
  g_assert_cmpint (json_object_get_int_member (object (all), "total"), ==, 3);

  lp_assert_status (page, 200);
  items = json_object_get_array_member (object (page), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "id"),
                   ==, b);
  g_assert_cmpint (json_object_get_int_member (object (page), "total"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object (page), "limit"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object (page), "offset"), ==, 1);
}

/* Names are unique ignoring case: 409 duplicate naming the field, on create and rename. */
static void
test_category_duplicate (void)
{
  g_autofree char *first = add_category ("Perangkat Ganda");
  g_autofree char *second = add_category ("Perangkat Lain");
  g_autoptr(LpTestResponse) again = NULL;
  g_autoptr(LpTestResponse) renamed = NULL;
  g_autofree char *count = NULL;

  again = call ("POST", admin_token, "{\"name\":\"PERANGKAT GANDA\"}", "/api/v1/categories");
  expect_error (again, 409, "duplicate", "name");
  renamed = call ("PATCH", admin_token, "{\"name\":\"perangkat ganda\"}",
                  "/api/v1/categories/%s", second);
  expect_error (renamed, 409, "duplicate", "name");
  count = sql ("SELECT count(*) FROM categories WHERE lower(name) = 'perangkat ganda'", NULL);
  g_assert_cmpstr (count, ==, "1");
}

static void
test_category_delete (void)
{
  g_autofree char *unused = add_category ("Sementara");
  g_autofree char *used = add_category ("Dipakai");
  g_autofree char *item = add_item (used, "CAT-USED-1", "Meja Lipat", 1, NULL);
  g_autoptr(LpTestResponse) deleted = call ("DELETE", admin_token, NULL,
                                            "/api/v1/categories/%s", unused);
  g_autoptr(LpTestResponse) gone = call ("GET", NULL, NULL, "/api/v1/categories/%s", unused);
  g_autoptr(LpTestResponse) again = call ("DELETE", admin_token, NULL,
                                          "/api/v1/categories/%s", unused);
  g_autoptr(LpTestResponse) in_use = call ("DELETE", admin_token, NULL,
                                           "/api/v1/categories/%s", used);
  g_autoptr(LpTestResponse) still = call ("GET", NULL, NULL, "/api/v1/categories/%s", used);
  g_autofree char *old_name = activity ("category.delete", unused, "old_data->>'name'");
  g_autofree char *new_data = activity ("category.delete", unused,
                                        "coalesce(new_data::text, 'none')");

  lp_assert_status (deleted, 204);
  expect_error (gone, 404, "not_found", NULL);
  expect_error (again, 404, "not_found", NULL);
  expect_error (in_use, 409, "in_use", NULL);
  lp_assert_status (still, 200);
  g_assert_cmpstr (old_name, ==, "Sementara");
  g_assert_cmpstr (new_data, ==, "none");
}

static void
test_category_bad_input (void)
{
  g_autofree char *long_name = repeat ('k', 101);
  g_autofree char *long_body = g_strdup_printf ("{\"name\":\"%s\"}", long_name);
  g_autofree char *long_desc = repeat ('d', 2001);
  g_autofree char *desc_body = g_strdup_printf ("{\"name\":\"Deskripsi\",\"description\":\"%s\"}",
                                                long_desc);
  struct { const char *body; guint status; const char *code; const char *field; } cases[] = {
    { "{}", 422, "validation_failed", "name" },
    { "{\"name\":\"\"}", 422, "validation_failed", "name" },
    { "{\"name\":\"   \"}", 422, "validation_failed", "name" },
    { "{\"name\":null}", 400, "bad_request", NULL },
    { long_body, 422, "validation_failed", "name" },
    { desc_body, 422, "validation_failed", "description" },
    { "{\"name\":5}", 400, "bad_request", NULL },
    { "{\"name\":\"Rusak\",\"description\":[]}", 400, "bad_request", NULL },
    { "{\"name\":\"Rusak\"", 400, "bad_request", NULL },
    { "[\"Rusak\"]", 400, "bad_request", NULL },
  };
  g_autofree char *id = add_category ("Tetap");
  g_autoptr(LpTestResponse) patch = call ("PATCH", admin_token, "{\"name\":\"\"}",
                                          "/api/v1/categories/%s", id);
  g_autoptr(LpTestResponse) unknown = call ("PATCH", admin_token, "{\"name\":\"X\"}",
                                            "/api/v1/categories/" UNKNOWN_ID);
  g_autoptr(LpTestResponse) not_uuid = call ("GET", NULL, NULL, "/api/v1/categories/abc");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LpTestResponse) resp = call ("POST", admin_token, cases[i].body,
                                             "/api/v1/categories");
      expect_error (resp, cases[i].status, cases[i].code, cases[i].field);
    }
  expect_error (patch, 422, "validation_failed", "name");
  expect_error (unknown, 404, "not_found", NULL);
  expect_error (not_uuid, 404, "not_found", NULL);
}

/* ---------------------------------------------------------------------------------------
 * Items: create, read, validation
 * ------------------------------------------------------------------------------------- */

static void
check_book (JsonObject *item,
            const char *category_id)
{
  JsonObject *category = json_object_get_object_member (item, "category");

  g_assert_cmpstr (json_object_get_string_member (item, "code"), ==, "BK-LP-001");
  g_assert_cmpstr (json_object_get_string_member (item, "name"), ==, "Laskar Pelangi");
  g_assert_cmpstr (json_object_get_string_member (item, "category_id"), ==, category_id);
  g_assert_cmpstr (json_object_get_string_member (category, "id"), ==, category_id);
  g_assert_cmpstr (json_object_get_string_member (category, "name"), ==, "Buku Cerita");
  g_assert_cmpstr (json_object_get_string_member (item, "location"), ==, "Rak A1");
  g_assert_cmpint (json_object_get_int_member (item, "stock_total"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (item, "stock_available"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (item, "condition"), ==, "minor_damage");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "needs_maintenance");
  g_assert_true (json_object_get_boolean_member (item, "borrowable"));
  g_assert_cmpstr (json_object_get_string_member (item, "description"), ==, "Sampul\nsobek");
  g_assert_cmpstr (json_object_get_string_member (item, "author"), ==, "Andrea Hirata");
  g_assert_cmpstr (json_object_get_string_member (item, "publisher"), ==, "Bentang Pustaka");
  g_assert_cmpint (json_object_get_int_member (item, "year"), ==, 2005);
  g_assert_cmpstr (json_object_get_string_member (item, "isbn"), ==, "978-602-03-2478-4");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (item, "created_at"), "Z"));
  g_assert_true (json_object_has_member (item, "updated_at"));
  g_assert_false (json_object_has_member (item, "search_text"));
}

/* Every field in, every field out; an item that arrives damaged has an open event. */
static void
test_item_create (void)
{
  g_autofree char *cat = add_category ("Buku Cerita");
  g_autofree char *body = item_body (cat, "BK-LP-001", "Laskar Pelangi", 4,
                                     "\"condition\":\"minor_damage\","
                                     "\"status\":\"needs_maintenance\","
                                     "\"description\":\"Sampul\\nsobek\","
                                     "\"author\":\" Andrea Hirata \","
                                     "\"publisher\":\"Bentang Pustaka\",\"year\":2005,"
                                     "\"isbn\":\"978-602-03-2478-4\"");
  g_autoptr(LpTestResponse) created = NULL;
  g_autoptr(LpTestResponse) got = NULL;
  g_autofree char *event = NULL;
  g_autofree char *logged = NULL;
  const char *id;

  created = call ("POST", admin_token, body, "/api/v1/items");
  lp_assert_status (created, 201);
  id = json_object_get_string_member (object (created), "id");
  check_book (object (created), cat);
  got = call ("GET", NULL, NULL, "/api/v1/items/%s", id);
  lp_assert_status (got, 200);
  g_assert_true (json_node_equal (got->json, created->json));

  event = sql ("SELECT source || ' ' || condition_from || '>' || condition_to || ' '"
               " || (resolved_at IS NULL) || ' ' || (reported_by = $2::uuid)"
               " FROM item_condition_events WHERE item_id = $1", id, admin_id, NULL);
  g_assert_cmpstr (event, ==, "admin_edit good>minor_damage true true");
  logged = activity ("item.create", id, "(old_data IS NULL) || ' ' || (new_data->>'code')"
                                        " || ' ' || username");
  g_assert_cmpstr (logged, ==, "true BK-LP-001 admin1");
}

typedef struct
{
  const char *body;    /* {cat} is the category's id, {long} 201 characters */
  guint       status;
  const char *code;
  const char *field;
} BadCase;

#define BAD_ITEM(members) \
  "{\"code\":\"BAD-1\",\"name\":\"Rusak\",\"category_id\":\"{cat}\",\"location\":\"Rak A1\"," \
  "\"stock_total\":1," members "}"

static const BadCase bad_items[] = {
  { BAD_ITEM ("\"note\":\"\""), 201, NULL, NULL },  /* the base itself is fine (then deleted) */
  { "{\"code\":\"BAD-1\",\"name\":\"Rusak\",\"category_id\":\"" UNKNOWN_ID "\","
    "\"location\":\"Rak A1\",\"stock_total\":1}", 422, "validation_failed", "category_id" },
  { "{\"code\":\"BAD-1\",\"name\":\"Rusak\",\"category_id\":\"abc\",\"location\":\"Rak A1\","
    "\"stock_total\":1}", 422, "validation_failed", "category_id" },
  { "{\"code\":\"BAD-1\",\"name\":\"Rusak\",\"category_id\":5,\"location\":\"Rak A1\","
    "\"stock_total\":1}", 400, "bad_request", NULL },
  { "{\"code\":\"BAD-1\",\"name\":\"Rusak\",\"category_id\":\"{cat}\",\"location\":\"Rak A1\","
    "\"stock_total\":-1}", 422, "validation_failed", "stock_total" },
  { "{\"code\":\"BAD-1\",\"name\":\"Rusak\",\"category_id\":\"{cat}\",\"location\":\"Rak A1\","
    "\"stock_total\":100001}", 422, "validation_failed", "stock_total" },
  { "{\"code\":\"BAD-1\",\"name\":\"Rusak\",\"category_id\":\"{cat}\",\"location\":\"Rak A1\","
    "\"stock_total\":\"5\"}", 400, "bad_request", NULL },
  { "{\"code\":\"BAD-1\",\"name\":\"Rusak\",\"category_id\":\"{cat}\",\"location\":\"Rak A1\","
    "\"stock_total\":2.5}", 400, "bad_request", NULL },
  { "{\"code\":\"BAD-1\",\"name\":\"{long}\",\"category_id\":\"{cat}\",\"location\":\"Rak A1\","
    "\"stock_total\":1}", 422, "validation_failed", "name" },
  { "{\"code\":\"BAD-1\",\"name\":5,\"category_id\":\"{cat}\",\"location\":\"Rak A1\","
    "\"stock_total\":1}", 400, "bad_request", NULL },
  { "{\"code\":\"BAD-1\",\"name\":\" \",\"category_id\":\"{cat}\",\"location\":\"Rak A1\","
    "\"stock_total\":1}", 422, "validation_failed", "name" },
  { "{\"code\":\"BAD-1\",\"name\":\"Rusak\",\"category_id\":\"{cat}\",\"location\":\"{long}\","
    "\"stock_total\":1}", 422, "validation_failed", "location" },
  { BAD_ITEM ("\"author\":\"{long}\""), 422, "validation_failed", "author" },
  { BAD_ITEM ("\"publisher\":\"{long}\""), 422, "validation_failed", "publisher" },
  { BAD_ITEM ("\"description\":\"{long}{long}{long}{long}{long}{long}{long}{long}{long}{long}"
              "{long}{long}{long}{long}{long}{long}{long}{long}{long}{long}\""),
    422, "validation_failed", "description" },
  { BAD_ITEM ("\"description\":\"tab\\u0007bell\""), 422, "validation_failed", "description" },
  { BAD_ITEM ("\"isbn\":\"978-602-03-2478-5\""), 422, "validation_failed", "isbn" },
  { BAD_ITEM ("\"isbn\":\"{long}\""), 422, "validation_failed", "isbn" },
  { BAD_ITEM ("\"year\":999"), 422, "validation_failed", "year" },
  { BAD_ITEM ("\"year\":3000"), 422, "validation_failed", "year" },
  { BAD_ITEM ("\"year\":\"2005\""), 400, "bad_request", NULL },
  { BAD_ITEM ("\"condition\":\"broken\""), 400, "bad_request", NULL },
  { BAD_ITEM ("\"condition\":\"GOOD\""), 400, "bad_request", NULL },
  { BAD_ITEM ("\"status\":\"lost\""), 400, "bad_request", NULL },
  { "{\"code\":\"B\",\"name\":\"Rusak\",\"category_id\":\"{cat}\",\"location\":\"Rak A1\","
    "\"stock_total\":1}", 422, "validation_failed", "code" },
  { "{\"code\":\"BAD 1\",\"name\":\"Rusak\",\"category_id\":\"{cat}\",\"location\":\"Rak A1\","
    "\"stock_total\":1}", 422, "validation_failed", "code" },
  { "{\"code\":\"BAD-123456789012345678901234567890\",\"name\":\"Rusak\","
    "\"category_id\":\"{cat}\",\"location\":\"Rak A1\",\"stock_total\":1}",
    422, "validation_failed", "code" },
  { "{\"code\":\"BAD-1\",\"name\":\"Rusak\"", 400, "bad_request", NULL },
  { "[{\"code\":\"BAD-1\"}]", 400, "bad_request", NULL },
  { "{\"code\":\"BAD-1\"} {}", 400, "bad_request", NULL },
  { "", 400, "bad_request", NULL },
};

static char *
expand_bad (const char *text,
            const char *category_id)
{
  g_autoptr(GString) out = g_string_new (text);
  g_autofree char *long_text = repeat ('x', 201);

  g_string_replace (out, "{cat}", category_id, 0);
  g_string_replace (out, "{long}", long_text, 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_item_bad_input (void)
{
  g_autofree char *cat = add_category ("Masukan Salah");
  g_autofree char *count = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad_items); i++)
    {
      g_autofree char *body = expand_bad (bad_items[i].body, cat);
      g_autoptr(LpTestResponse) resp = call ("POST", admin_token, body, "/api/v1/items");

      if (bad_items[i].status == 201)
        {
          g_autoptr(LpTestResponse) del = NULL;

          lp_assert_status (resp, 201);
          del = call ("DELETE", admin_token, NULL, "/api/v1/items/%s",
                      json_object_get_string_member (object (resp), "id"));
          lp_assert_status (del, 204);
          continue;
        }
      if (resp->status != bad_items[i].status)
        g_printerr ("case %u: %s\n", i, body);
      expect_error (resp, bad_items[i].status, bad_items[i].code, bad_items[i].field);
    }
  count = sql ("SELECT count(*) FROM items WHERE category_id = $1", cat, NULL);
  g_assert_cmpstr (count, ==, "0");
}

/* Every missing required member is named at once. */
static void
test_item_missing_fields (void)
{
  const char *fields[] = { "code", "name", "category_id", "location", "stock_total" };
  g_autoptr(LpTestResponse) resp = call ("POST", admin_token, "{}", "/api/v1/items");

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    expect_error (resp, 422, "validation_failed", fields[i]);
}

/* The bounds of stock_total are allowed; none in stock is never borrowable. */
static void
test_item_stock_bounds (void)
{
  g_autofree char *cat = add_category ("Batas Stok");
  g_autofree char *body_max = item_body (cat, "MAX-1", "Kursi Aula", 100000, NULL);
  g_autofree char *body_zero = item_body (cat, "ZERO-1", "Kursi Rusak", 0, NULL);
  g_autoptr(LpTestResponse) max = call ("POST", admin_token, body_max, "/api/v1/items");
  g_autoptr(LpTestResponse) zero = call ("POST", admin_token, body_zero, "/api/v1/items");

  lp_assert_status (max, 201);
  g_assert_cmpint (json_object_get_int_member (object (max), "stock_available"), ==, 100000);
  lp_assert_status (zero, 201);
  g_assert_cmpint (json_object_get_int_member (object (zero), "stock_available"), ==, 0);
  g_assert_false (json_object_get_boolean_member (object (zero), "borrowable"));
}

/* Codes are unique ignoring case: 409 duplicate naming the field, on create and edit. */
static void
test_item_duplicate_code (void)
{
  g_autofree char *cat = add_category ("Kode Ganda");
  g_autofree char *first = add_item (cat, "DUP-001", "Kamus Besar", 1, NULL);
  g_autofree char *second = add_item (cat, "DUP-002", "Kamus Kecil", 1, NULL);
  g_autofree char *body = item_body (cat, "dup-001", "Kamus Lain", 1, NULL);
  g_autoptr(LpTestResponse) again = call ("POST", admin_token, body, "/api/v1/items");
  g_autoptr(LpTestResponse) edit = call ("PATCH", admin_token, "{\"code\":\"DUP-001\"}",
                                         "/api/v1/items/%s", second);
  g_autofree char *count = sql ("SELECT count(*) FROM items WHERE upper(code) = 'DUP-001'", NULL);
  g_autofree char *code = sql ("SELECT code FROM items WHERE id = $1", second, NULL);

  expect_error (again, 409, "duplicate", "code");
  expect_error (edit, 409, "duplicate", "code");
  g_assert_cmpstr (count, ==, "1");
  g_assert_cmpstr (code, ==, "DUP-002");
}

static void
test_item_unknown (void)
{
  const char *paths[] = { "/api/v1/items/" UNKNOWN_ID, "/api/v1/items/abc",
                          "/api/v1/items/" UNKNOWN_ID "/availability",
                          "/api/v1/items/abc/availability" };
  g_autoptr(LpTestResponse) patch = call ("PATCH", admin_token, "{\"name\":\"X\"}",
                                          "/api/v1/items/" UNKNOWN_ID);
  g_autoptr(LpTestResponse) del = call ("DELETE", admin_token, NULL, "/api/v1/items/" UNKNOWN_ID);
  g_autoptr(LpTestResponse) history = call ("GET", staff_token, NULL,
                                            "/api/v1/items/" UNKNOWN_ID "/history");
  g_autoptr(LpTestResponse) repair = call ("POST", staff_token, "{}",
                                           "/api/v1/items/" UNKNOWN_ID "/repair");

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(LpTestResponse) resp = lp_test_request (server, "GET", paths[i], NULL, NULL);
      expect_error (resp, 404, "not_found", NULL);
    }
  expect_error (patch, 404, "not_found", NULL);
  expect_error (del, 404, "not_found", NULL);
  expect_error (history, 404, "not_found", NULL);
  expect_error (repair, 404, "not_found", NULL);
}

/* ---------------------------------------------------------------------------------------
 * Items: changes
 * ------------------------------------------------------------------------------------- */

/* PATCH changes only what it names; "" clears an optional text and year 0 the year. */
static void
test_item_update (void)
{
  g_autofree char *cat = add_category ("Ubah Barang");
  g_autofree char *other = add_category ("Ubah Barang Lain");
  g_autofree char *id = add_item (cat, "UPD-1", "Atlas Dunia", 2,
                                  "\"author\":\"Tim Atlas\",\"year\":2010,"
                                  "\"isbn\":\"0-306-40615-2\",\"publisher\":\"Erlangga\"");
  g_autofree char *body = g_strdup_printf ("{\"name\":\"Atlas Indonesia\",\"category_id\":\"%s\","
                                           "\"author\":\"\",\"year\":0,\"isbn\":\"\","
                                           "\"status\":\"unavailable\"}", other);
  g_autoptr(LpTestResponse) resp = call ("PATCH", admin_token, body, "/api/v1/items/%s", id);
  g_autofree char *old_name = activity ("item.update", id, "old_data->>'name'");
  g_autofree char *new_status = activity ("item.update", id, "new_data->>'status'");
  g_autofree char *events = sql ("SELECT count(*) FROM item_condition_events WHERE item_id = $1",
                                 id, NULL);
  JsonObject *item;

  lp_assert_status (resp, 200);
  item = object (resp);
  g_assert_cmpstr (json_object_get_string_member (item, "name"), ==, "Atlas Indonesia");
  g_assert_cmpstr (json_object_get_string_member (item, "code"), ==, "UPD-1");
  g_assert_cmpstr (json_object_get_string_member (item, "category_id"), ==, other);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (item, "category"),
                                                  "name"), ==, "Ubah Barang Lain");
  g_assert_true (json_object_get_null_member (item, "author"));
  g_assert_true (json_object_get_null_member (item, "year"));
  g_assert_true (json_object_get_null_member (item, "isbn"));
  g_assert_cmpstr (json_object_get_string_member (item, "publisher"), ==, "Erlangga");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "unavailable");
  g_assert_false (json_object_get_boolean_member (item, "borrowable"));
  g_assert_cmpint (json_object_get_int_member (item, "stock_total"), ==, 2);
  g_assert_cmpstr (old_name, ==, "Atlas Dunia");
  g_assert_cmpstr (new_status, ==, "unavailable");
  g_assert_cmpstr (events, ==, "0");
}

static void
test_item_update_bad_input (void)
{
  g_autofree char *cat = add_category ("Ubah Salah");
  g_autofree char *id = add_item (cat, "UPB-1", "Termometer", 1, NULL);
  g_autofree char *long_name = repeat ('n', 201);
  g_autofree char *long_body = g_strdup_printf ("{\"name\":\"%s\"}", long_name);
  struct { const char *body; guint status; const char *code; const char *field; } cases[] = {
    { "{\"name\":\"\"}", 422, "validation_failed", "name" },
    { long_body, 422, "validation_failed", "name" },
    { "{\"location\":\"\"}", 422, "validation_failed", "location" },
    { "{\"stock_total\":-1}", 422, "validation_failed", "stock_total" },
    { "{\"stock_total\":true}", 400, "bad_request", NULL },
    { "{\"category_id\":\"" UNKNOWN_ID "\"}", 422, "validation_failed", "category_id" },
    { "{\"code\":\"-X\"}", 422, "validation_failed", "code" },
    { "{\"condition\":\"hilang\"}", 400, "bad_request", NULL },
    { "{\"status\":7}", 400, "bad_request", NULL },
    { "{\"name\":\"Termometer\",}", 400, "bad_request", NULL },
  };
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LpTestResponse) resp = call ("PATCH", admin_token, cases[i].body,
                                             "/api/v1/items/%s", id);
      expect_error (resp, cases[i].status, cases[i].code, cases[i].field);
    }
  after = sql ("SELECT name || ' ' || location || ' ' || stock_total || ' ' || condition"
               " FROM items WHERE id = $1", id, NULL);
  g_assert_cmpstr (after, ==, "Termometer Rak A1 1 good");
}

static gint64
int_member (LpTestResponse *resp,
            const char     *member)
{
  return json_object_get_int_member (object (resp), member);
}

/* stock_total may not drop below the units out; a change moves stock_available along. */
static void
test_item_stock_change (void)
{
  g_autofree char *cat = add_category ("Stok Berubah");
  g_autofree char *id = add_item (cat, "STK-1", "Laptop Guru", 5, NULL);
  g_autoptr(LpTestResponse) too_low = NULL;
  g_autoptr(LpTestResponse) lower = NULL;
  g_autoptr(LpTestResponse) higher = NULL;
  g_autofree char *stock = NULL;
  g_autofree char *logged = NULL;

  /* Two units out: one borrowed, one approved and set aside, as the loans code does. */
  add_loan (id, "borrowed", 1, 0, 3);
  add_loan (id, "approved", 1, 1, 2);
  g_free (sql ("UPDATE items SET stock_available = stock_available - 2 WHERE id = $1", id, NULL));

  too_low = call ("PATCH", admin_token, "{\"stock_total\":1}", "/api/v1/items/%s", id);
  expect_error (too_low, 409, "conflict", NULL);
  stock = sql ("SELECT stock_total || '/' || stock_available FROM items WHERE id = $1", id, NULL);
  g_assert_cmpstr (stock, ==, "5/3");

  lower = call ("PATCH", admin_token, "{\"stock_total\":2}", "/api/v1/items/%s", id);
  lp_assert_status (lower, 200);
  g_assert_cmpint (int_member (lower, "stock_total"), ==, 2);
  g_assert_cmpint (int_member (lower, "stock_available"), ==, 0);
  g_assert_false (json_object_get_boolean_member (object (lower), "borrowable"));

  higher = call ("PATCH", admin_token, "{\"stock_total\":9}", "/api/v1/items/%s", id);
  lp_assert_status (higher, 200);
  g_assert_cmpint (int_member (higher, "stock_total"), ==, 9);
  g_assert_cmpint (int_member (higher, "stock_available"), ==, 7);
  logged = activity ("item.update", id, "(old_data->>'stock_available') || '>'"
                                        " || (new_data->>'stock_available')");
  g_assert_cmpstr (logged, ==, "0>7");
}

static void
test_item_delete (void)
{
  g_autofree char *cat = add_category ("Hapus Barang");
  g_autofree char *plain = add_item (cat, "DEL-1", "Papan Tulis", 1, NULL);
  g_autofree char *lent = add_item (cat, "DEL-2", "Kamera", 1, NULL);
  g_autofree char *damaged = add_item (cat, "DEL-3", "Tripod", 1, NULL);
  g_autoptr(LpTestResponse) deleted = NULL;
  g_autoptr(LpTestResponse) gone = NULL;
  g_autoptr(LpTestResponse) with_loans = NULL;
  g_autoptr(LpTestResponse) edited = NULL;
  g_autoptr(LpTestResponse) with_history = NULL;
  g_autofree char *logged = NULL;

  deleted = call ("DELETE", admin_token, NULL, "/api/v1/items/%s", plain);
  lp_assert_status (deleted, 204);
  gone = call ("GET", NULL, NULL, "/api/v1/items/%s", plain);
  expect_error (gone, 404, "not_found", NULL);
  logged = activity ("item.delete", plain, "(old_data->>'code') || ' ' || (new_data IS NULL)");
  g_assert_cmpstr (logged, ==, "DEL-1 true");

  add_loan (lent, "returned", 1, -10, -5);
  with_loans = call ("DELETE", admin_token, NULL, "/api/v1/items/%s", lent);
  expect_error (with_loans, 409, "in_use", NULL);

  edited = call ("PATCH", admin_token, "{\"condition\":\"minor_damage\"}", "/api/v1/items/%s",
                 damaged);
  lp_assert_status (edited, 200);
  with_history = call ("DELETE", admin_token, NULL, "/api/v1/items/%s", damaged);
  expect_error (with_history, 409, "in_use", NULL);
  g_free (logged);
  logged = sql ("SELECT count(*) FROM items WHERE id IN ($1, $2)", lent, damaged, NULL);
  g_assert_cmpstr (logged, ==, "2");
}

/* An admin's condition change is an event (source admin_edit); a change back to good
 * closes the open ones. Other edits write none. */
static void
test_item_condition_events (void)
{
  g_autofree char *cat = add_category ("Kondisi Barang");
  g_autofree char *id = add_item (cat, "CND-1", "Mikroskop", 1, NULL);
  g_autoptr(LpTestResponse) damaged = NULL;
  g_autoptr(LpTestResponse) moved = NULL;
  g_autoptr(LpTestResponse) fixed = NULL;
  g_autofree char *first = NULL;
  g_autofree char *count = NULL;
  g_autofree char *all = NULL;
  g_autofree char *logged = NULL;

  damaged = call ("PATCH", admin_token, "{\"condition\":\"minor_damage\",\"note\":\"Lensa retak\"}",
                  "/api/v1/items/%s", id);
  lp_assert_status (damaged, 200);
  first = sql ("SELECT source || ' ' || condition_from || '>' || condition_to || ' ' || note"
               " || ' ' || (reported_by = $2::uuid) || ' ' || (resolved_at IS NULL)"
               " FROM item_condition_events WHERE item_id = $1", id, admin_id, NULL);
  g_assert_cmpstr (first, ==, "admin_edit good>minor_damage Lensa retak true true");
  logged = activity ("item.update", id, "(old_data->>'condition') || '>'"
                                        " || (new_data->>'condition')");
  g_assert_cmpstr (logged, ==, "good>minor_damage");

  moved = call ("PATCH", admin_token, "{\"location\":\"Lab IPA 2\",\"condition\":\"minor_damage\"}",
                "/api/v1/items/%s", id);
  lp_assert_status (moved, 200);
  count = sql ("SELECT count(*) FROM item_condition_events WHERE item_id = $1", id, NULL);
  g_assert_cmpstr (count, ==, "1");

  fixed = call ("PATCH", admin_token, "{\"condition\":\"good\"}", "/api/v1/items/%s", id);
  lp_assert_status (fixed, 200);
  all = sql ("SELECT string_agg(condition_to || ':' || (resolved_at IS NOT NULL)"
             " || ':' || (resolved_by = $2::uuid), ',' ORDER BY created_at, condition_to DESC)"
             " FROM item_condition_events WHERE item_id = $1", id, admin_id, NULL);
  g_assert_cmpstr (all, ==, "minor_damage:true:true,good:true:true");
}

/* ---------------------------------------------------------------------------------------
 * Items: the list
 * ------------------------------------------------------------------------------------- */

static void
test_item_filters (void)
{
  g_autofree char *cat = add_category ("Saring");
  g_autofree char *a = add_item (cat, "FLT-A", "Alat A", 2, NULL);
  g_autofree char *b = add_item (cat, "FLT-B", "Alat B", 1,
                                 "\"condition\":\"minor_damage\",\"status\":\"needs_maintenance\"");
  g_autofree char *c = add_item (cat, "FLT-C", "Alat C", 1,
                                 "\"condition\":\"major_damage\",\"status\":\"maintenance\"");
  g_autofree char *d = add_item (cat, "FLT-D", "Alat D", 0, NULL);
  g_autofree char *e = add_item (cat, "FLT-E", "Alat E", 3, "\"status\":\"unavailable\"");
  g_autofree char *upper = g_ascii_strup (cat, -1);

  assert_list ("FLT-A,FLT-B,FLT-C,FLT-D,FLT-E", "category_id=%s", cat);
  assert_list ("FLT-A,FLT-B", "category_id=%s&borrowable=true", cat);
  assert_list ("FLT-C,FLT-D,FLT-E", "category_id=%s&borrowable=false", cat);
  assert_list ("FLT-C", "category_id=%s&status=maintenance", cat);
  assert_list ("FLT-B", "category_id=%s&condition=minor_damage", cat);
  assert_list ("FLT-A,FLT-D", "category_id=%s&status=available", cat);
  assert_list ("FLT-A", "category_id=%s&status=available&borrowable=true", cat);
  assert_list ("FLT-A,FLT-D,FLT-E", "category_id=%s&condition=good", cat);
  assert_list ("", "category_id=%s&status=unavailable&condition=minor_damage", cat);
  assert_list ("", "category_id=" UNKNOWN_ID);
  /* Upper case is the same id. */
  assert_list ("FLT-E", "category_id=%s&status=unavailable", upper);
}

static void
test_item_filters_bad (void)
{
  struct { const char *query; guint status; const char *code; const char *field; } cases[] = {
    { "category_id=abc", 422, "validation_failed", "category_id" },
    { "category_id=" UNKNOWN_ID "x", 422, "validation_failed", "category_id" },
    { "status=broken", 400, "bad_request", NULL },
    { "status=AVAILABLE", 400, "bad_request", NULL },
    { "condition=rusak", 400, "bad_request", NULL },
    { "borrowable=yes", 400, "bad_request", NULL },
    { "limit=100000", 422, "validation_failed", "limit" },
    { "limit=501", 422, "validation_failed", "limit" },
    { "limit=0", 422, "validation_failed", "limit" },
    { "limit=ten", 422, "validation_failed", "limit" },
    { "offset=-1", 422, "validation_failed", "offset" },
    { "offset=1e3", 422, "validation_failed", "offset" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LpTestResponse) resp = call ("GET", NULL, NULL, "/api/v1/items?%s",
                                             cases[i].query);
      expect_error (resp, cases[i].status, cases[i].code, cases[i].field);
    }
}

/* Sorted by (name, id): equal names keep one order across pages, and the pages add up. */
static void
test_item_paging (void)
{
  g_autofree char *cat = add_category ("Halaman");
  g_autofree char *s1 = add_item (cat, "PG-S1", "Sama", 1, NULL);
  g_autofree char *zulu = add_item (cat, "PG-Z", "Zulu", 1, NULL);
  g_autofree char *s2 = add_item (cat, "PG-S2", "Sama", 1, NULL);
  g_autofree char *awal = add_item (cat, "PG-A", "Awal", 1, NULL);
  g_autofree char *s3 = add_item (cat, "PG-S3", "Sama", 1, NULL);
  g_autofree char *order = sql ("SELECT string_agg(code, ',' ORDER BY name, id) FROM items"
                                " WHERE category_id = $1", cat, NULL);
  g_auto(GStrv) codes = g_strsplit (order, ",", -1);
  g_autofree char *first = g_strjoin (",", codes[0], codes[1], NULL);
  g_autofree char *second = g_strjoin (",", codes[2], codes[3], NULL);
  g_autoptr(LpTestResponse) page = NULL;

  g_assert_cmpstr (codes[0], ==, "PG-A");
  g_assert_cmpstr (codes[4], ==, "PG-Z");
  assert_list (order, "category_id=%s", cat);
  assert_list (first, "category_id=%s&limit=2", cat);
  assert_list (second, "category_id=%s&limit=2&offset=2", cat);
  assert_list (codes[4], "category_id=%s&limit=2&offset=4", cat);
  assert_list ("", "category_id=%s&offset=5", cat);
  assert_list (order, "category_id=%s&limit=500", cat);

  page = call ("GET", NULL, NULL, "/api/v1/items?category_id=%s&limit=2&offset=4", cat);
  lp_assert_status (page, 200);
  g_assert_cmpint (int_member (page, "total"), ==, 5);
  g_assert_cmpint (int_member (page, "limit"), ==, 2);
  g_assert_cmpint (int_member (page, "offset"), ==, 4);
}

static void
assert_search (const char *expected,
               const char *category_id,
               const char *q)
{
  g_autofree char *escaped = g_uri_escape_string (q, NULL, FALSE);

  assert_list (expected, "category_id=%s&q=%s", category_id, escaped);
}

/* %, _, ' and \ in q are plain characters, never wildcards or SQL. */
static void
test_item_search_literal (void)
{
  g_autofree char *cat = add_category ("Cari Harfiah");
  g_autofree char *i1 = add_item (cat, "SRC-1", "Diskon 50% Buku", 1, NULL);
  g_autofree char *i2 = add_item (cat, "SRC-2", "Diskon 500 Buku", 1, NULL);
  g_autofree char *i3 = add_item (cat, "SRC-3", "snake_case Panduan", 1, NULL);
  g_autofree char *i4 = add_item (cat, "SRC-4", "snakeXcase Panduan", 1, NULL);
  g_autofree char *i5 = add_item (cat, "SRC-5", "Kisah O'Brien", 1, NULL);
  g_autofree char *i6 = add_item (cat, "SRC-6", "Folder C:\\Data", 1, NULL);
  g_autofree char *i7 = add_item (cat, "SRC-7", "Folder C:Data", 1, NULL);

  assert_search ("SRC-1", cat, "50%");
  assert_search ("SRC-1", cat, "%");
  assert_search ("SRC-1,SRC-2", cat, "50");
  assert_search ("SRC-3", cat, "snake_case");
  assert_search ("SRC-3", cat, "_");
  assert_search ("SRC-4,SRC-3", cat, "snake");
  assert_search ("SRC-5", cat, "O'Brien");
  assert_search ("SRC-5", cat, "'");
  assert_search ("SRC-6", cat, "C:\\Data");
  assert_search ("SRC-6", cat, "\\");
  assert_search ("SRC-7,SRC-6", cat, "Folder C");
  assert_search ("", cat, "%%");
  assert_search ("", cat, "\\%");
  assert_search ("", cat, "'; DROP TABLE items; --");
  assert_search ("SRC-1", cat, "DISKON 50%");
}

/* A search of several words (q alone, asked of the index word by word) still matches the
 * whole text as typed: the words together, in that order, with those spaces. */
static void
test_item_search_words (void)
{
  g_autofree char *cat = add_category ("Cari Kata");
  g_autofree char *i1 = add_item (cat, "WRD-1", "Qwzpro Qwzbio Satu", 1, NULL);
  g_autofree char *i2 = add_item (cat, "WRD-2", "Qwzbio Qwzpro Dua", 1, NULL);
  g_autofree char *i3 = add_item (cat, "WRD-3", "Qwzpro Lain Qwzbio Tiga", 1, NULL);
  g_autofree char *i4 = add_item (cat, "WRD-4", "Qwzpro  Qwzbio Empat", 1, NULL);
  g_autofree char *i5 = add_item (cat, "WRD-5", "Qwzpro% Qwzbio Lima", 1, NULL);
  g_autofree char *i6 = add_item (cat, "WRD-6", "Qwzpro Qwzbio Qwzkim Enam", 1, NULL);

  assert_list ("WRD-6,WRD-1", "q=qwzpro%%20qwzbio");
  assert_list ("WRD-6,WRD-1", "q=QWZPRO%%20QWZBIO");
  assert_list ("WRD-6", "q=qwzpro%%20qwzbio%%20qwzkim");
  assert_list ("WRD-2", "q=qwzbio%%20qwzpro");
  assert_list ("WRD-4", "q=qwzpro%%20%%20qwzbio");
  assert_list ("WRD-5", "q=qwzpro%%25%%20qwzbio");
  assert_list ("WRD-3", "q=qwzpro%%20lain%%20qwzbio");
  assert_list ("", "q=qwzpro%%20qwzbio%%20qwzkim%%20enam%%20qwzbio");
  assert_list ("WRD-6", "q=qwzpro%%20qwzbio%%20qwzkim%%20enam");
  assert_list ("WRD-6", "q=pro%%20qwzbio%%20qwzkim%%20ena");
}

/* q looks at the code, name, author and ISBN (and publisher and location), in any case. */
static void
test_item_search_fields (void)
{
  g_autofree char *cat = add_category ("Cari Kolom");
  g_autofree char *by_name = add_item (cat, "QF-1", "Mikroskop Binokuler", 1, NULL);
  g_autofree char *by_code = add_item (cat, "QF-XYZ9", "Gelas Ukur", 1, NULL);
  g_autofree char *by_author = add_item (cat, "QF-3", "Bumi Manusia", 1,
                                         "\"author\":\"Pramoedya Ananta Toer\"");
  g_autofree char *by_isbn = add_item (cat, "QF-4", "Ronggeng Dukuh Paruk", 1,
                                       "\"isbn\":\"978-979-22-1234-1\"");
  g_autofree char *long_q = repeat ('q', 201);
  g_autoptr(LpTestResponse) too_long = call ("GET", NULL, NULL, "/api/v1/items?q=%s", long_q);

  assert_search ("QF-1", cat, "binokuler");
  assert_search ("QF-XYZ9", cat, "qf-xyz");
  assert_search ("QF-3", cat, "ANANTA");
  assert_search ("QF-4", cat, "979-22-1234");
  assert_search ("QF-4", cat, "1234-1");
  assert_search ("QF-3,QF-XYZ9,QF-1,QF-4", cat, "qf-");
  expect_error (too_long, 422, "validation_failed", "q");
}

/* The codes of a list reply's items, in order, comma-separated. */
static char *
list_codes (LpTestResponse *resp)
{
  JsonArray *items = json_object_get_array_member (object (resp), "items");
  GString *codes = g_string_new (NULL);

  for (guint k = 0; k < json_array_get_length (items); k++)
    g_string_append_printf (codes, "%s%s", k > 0 ? "," : "",
                            json_object_get_string_member (json_array_get_object_element (items,
                                                                                          k),
                                                           "code"));
  return g_string_free (codes, FALSE);
}

/* The codes a plain search (q alone: item_search, 0009) finds, in order. */
static char *
plain_search (const char *q)
{
  g_autofree char *escaped = g_uri_escape_string (q, NULL, FALSE);
  g_autoptr(LpTestResponse) resp = call ("GET", NULL, NULL, "/api/v1/items?q=%s", escaped);

  lp_assert_status (resp, 200);
  g_assert_cmpint (json_object_get_int_member (object (resp), "total"), ==,
                   json_array_get_length (json_object_get_array_member (object (resp), "items")));
  return list_codes (resp);
}

/* A plain search follows every change of what it looks at: a new item, a new name or
 * author, a deletion; %, _ and \ stay literal there too. */
static void
test_item_search_follows (void)
{
  g_autofree char *cat = add_category ("Cari Ikut");
  g_autofree char *id = add_item (cat, "SYNC-1", "Zebrakuda Unik", 1,
                                  "\"author\":\"Penulis Sinkron\"");
  g_autofree char *other = add_item (cat, "SYNC-2", "Zebrakuda 7%_\\ Khusus", 1, NULL);
  g_autoptr(LpTestResponse) renamed = NULL;
  g_autoptr(LpTestResponse) restocked = NULL;
  g_autoptr(LpTestResponse) deleted = NULL;
  char *found;

  found = plain_search ("zebrakuda");
  g_assert_cmpstr (found, ==, "SYNC-2,SYNC-1");
  g_free (found);
  found = plain_search ("ZEBRAKUDA UNIK");
  g_assert_cmpstr (found, ==, "SYNC-1");
  g_free (found);
  found = plain_search ("penulis sinkron");
  g_assert_cmpstr (found, ==, "SYNC-1");
  g_free (found);
  found = plain_search ("7%_\\");
  g_assert_cmpstr (found, ==, "SYNC-2");
  g_free (found);
  found = plain_search ("7%x");
  g_assert_cmpstr (found, ==, "");
  g_free (found);

  renamed = call ("PATCH", admin_token, "{\"name\":\"Kudanil Langka\",\"author\":\"\"}",
                  "/api/v1/items/%s", id);
  lp_assert_status (renamed, 200);
  restocked = call ("PATCH", admin_token, "{\"stock_total\":3}", "/api/v1/items/%s", other);
  lp_assert_status (restocked, 200);
  found = plain_search ("zebrakuda");
  g_assert_cmpstr (found, ==, "SYNC-2");
  g_free (found);
  found = plain_search ("penulis sinkron");
  g_assert_cmpstr (found, ==, "");
  g_free (found);
  found = plain_search ("kudanil langka");
  g_assert_cmpstr (found, ==, "SYNC-1");
  g_free (found);

  deleted = call ("DELETE", admin_token, NULL, "/api/v1/items/%s", id);
  g_assert_cmpuint (deleted->status, <, 300);
  found = plain_search ("kudanil");
  g_assert_cmpstr (found, ==, "");
  g_free (found);
}

/* The reply's body as text. */
static char *
body_text (LpTestResponse *resp)
{
  return g_strndup (g_bytes_get_data (resp->body, NULL), g_bytes_get_size (resp->body));
}

/* GET /items/{id} and GET /items render items in C (server/lp-items.c): their text is
 * item_json()'s, byte for byte, also for text that needs escaping, an empty and a
 * missing book field, and a timestamp with a fraction (truncated) and a small year. */
static void
test_item_rendering (void)
{
  g_autofree char *cat = sql ("INSERT INTO categories (name) VALUES"
                              " (E'Rak \"Khusus\" \\\\ \u00e9') RETURNING id", NULL);
  g_autofree char *odd = sql ("INSERT INTO items (code, name, category_id, location,"
                              " stock_total, stock_available, description, author, year,"
                              " isbn, created_at, updated_at) VALUES ('RND-1',"
                              " E'Kutip \" miring \\\\ baris\nbaru\ttab\rcr \\x07 \u65e5\u672c </x>',"
                              " $1, E'\\x01Gudang', 3, 0, E'\\\\u0000 \\b \\f', '', 2001,"
                              " '978-1', '0999-01-02 03:04:05.999999+00',"
                              " '2026-01-31 23:59:59.5+00') RETURNING id", cat, NULL);
  g_autofree char *plain = sql ("INSERT INTO items (code, name, category_id, location,"
                                " stock_total, stock_available) VALUES ('RND-2', 'Biasa', $1,"
                                " 'Rak A1', 2, 2) RETURNING id", cat, NULL);
  const char *ids[] = { odd, plain };
  g_autofree char *page_json = NULL;
  g_autofree char *page_text = NULL;
  g_autoptr(LpTestResponse) page = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    {
      g_autofree char *expected = sql ("SELECT item_json(i)::text FROM items AS i WHERE i.id = $1",
                                       ids[k], NULL);
      g_autoptr(LpTestResponse) one = call ("GET", NULL, NULL, "/api/v1/items/%s", ids[k]);
      g_autofree char *text = NULL;

      lp_assert_status (one, 200);
      text = body_text (one);
      g_assert_cmpstr (text, ==, expected);
    }
  /* The page as the server rendered it in SQL before (json_build_object, json_agg). */
  page_json = sql ("SELECT json_build_object('items', json_agg(item_json(i) ORDER BY i.name, i.id),"
                   " 'total', count(*), 'limit', 50::bigint, 'offset', 0::bigint)::text"
                   " FROM items AS i WHERE i.category_id = $1", cat, NULL);
  page = call ("GET", NULL, NULL, "/api/v1/items?category_id=%s", cat);
  lp_assert_status (page, 200);
  page_text = body_text (page);
  g_assert_cmpstr (page_text, ==, page_json);
  g_assert_true (strstr (page_text, "\"created_at\": \"0999-01-02T03:04:05Z\"") != NULL);
  g_assert_true (strstr (page_text, "\"updated_at\": \"2026-01-31T23:59:59Z\"") != NULL);
}

/* Past 1,000 matches a list without q reports an estimate, and says so; up to 1,000, and
 * with q, total is a count and the flag is absent. */
static void
test_item_total_estimate (void)
{
  g_autofree char *cat = add_category ("Gudang Besar");
  g_autofree char *added = sql ("WITH n AS (INSERT INTO items (code, name, category_id, location,"
                                " stock_total, stock_available, status)"
                                " SELECT 'EST-' || g, 'Barang ' || g, $1, 'Gudang', 1, 1,"
                                " CASE WHEN g % 100 = 0 THEN 'maintenance' ELSE 'available' END"
                                " FROM generate_series(1, 1100) AS g RETURNING 1)"
                                " SELECT count(*) FROM n", cat, NULL);
  g_autofree char *analyzed = sql ("ANALYZE items", NULL);
  g_autoptr(LpTestResponse) all = call ("GET", NULL, NULL, "/api/v1/items?limit=1");
  g_autoptr(LpTestResponse) in_cat = call ("GET", NULL, NULL,
                                           "/api/v1/items?category_id=%s&limit=2", cat);
  g_autoptr(LpTestResponse) few = call ("GET", NULL, NULL,
                                        "/api/v1/items?category_id=%s&status=maintenance", cat);
  g_autoptr(LpTestResponse) searched = call ("GET", NULL, NULL,
                                             "/api/v1/items?category_id=%s&q=est-&limit=1", cat);
  g_autoptr(LpTestResponse) plain_search = call ("GET", NULL, NULL, "/api/v1/items?q=est-");
  g_autoptr(LpTestResponse) exact = call ("GET", NULL, NULL,
                                          "/api/v1/items?category_id=%s&limit=2&exact_total=true",
                                          cat);
  g_autofree char *removed = NULL;

  g_assert_cmpstr (added, ==, "1100");
  for (guint k = 0; k < 2; k++)
    {
      LpTestResponse *resp = k == 0 ? all : in_cat;

      lp_assert_status (resp, 200);
      g_assert_cmpint (int_member (resp, "total"), >, 1000);
      g_assert_true (json_object_get_boolean_member (object (resp), "total_is_estimate"));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object (resp),
                                                                              "items")),
                        ==, k == 0 ? 1 : 2);
    }
  lp_assert_status (few, 200);
  g_assert_cmpint (int_member (few, "total"), ==, 11);
  g_assert_false (json_object_has_member (object (few), "total_is_estimate"));
  lp_assert_status (searched, 200);
  g_assert_cmpint (int_member (searched, "total"), ==, 1100);
  g_assert_false (json_object_has_member (object (searched), "total_is_estimate"));
  lp_assert_status (plain_search, 200);
  g_assert_cmpint (int_member (plain_search, "total"), ==, 1100);
  g_assert_false (json_object_has_member (object (plain_search), "total_is_estimate"));
  /* A client laying out every row asks for the exact count, however many. */
  lp_assert_status (exact, 200);
  g_assert_cmpint (int_member (exact, "total"), ==, 1100);
  g_assert_false (json_object_has_member (object (exact), "total_is_estimate"));
  removed = sql ("WITH d AS (DELETE FROM items WHERE category_id = $1 RETURNING 1)"
                 " SELECT count(*) FROM d", cat, NULL);
  g_assert_cmpstr (removed, ==, "1100");
}

/* A plain search that the statistics call common (more than 2,000 predicted matches)
 * answers its page in order with an estimated total, and says so; a short page, a rare
 * term and ?exact_total=true are counted. The server reads the statistics anew at most
 * every 5 s, so the test asks until they show (a new URL each time: no cached reply). */
static void
test_item_search_estimate (void)
{
  static const char * const no_index[] = { "--search-index-items", "100", NULL };
  LpTestServer *first = server;
  g_autofree char *cat = NULL;
  g_autofree char *added = NULL;
  g_autofree char *analyzed = NULL;
  g_autoptr(LpTestResponse) exact = NULL;
  g_autoptr(LpTestResponse) tail = NULL;
  g_autoptr(LpTestResponse) rare = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *reanalyzed = NULL;
  LpTestResponse *estimated = NULL;
  JsonArray *items, *exact_items;

  /* The database's own search, as when the catalog is too large to search in memory: a
   * second instance on the same database that keeps no index past 100 items (its build
   * finds more and gives up, so the database answers every search). */
  server = lp_test_server_start_another_with (first, no_index);
  cat = add_category ("Gudang Cari");
  added = sql ("WITH n AS (INSERT INTO items (code, name, category_id, location,"
               " stock_total, stock_available)"
               " SELECT 'ZQX-' || lpad(g::text, 4, '0'),"
               " 'Zqcari ' || lpad((2501 - g)::text, 4, '0'), $1, 'Gudang', 1, 1"
               " FROM generate_series(1, 2500) AS g RETURNING 1)"
               " SELECT count(*) FROM n", cat, NULL);
  analyzed = sql ("ANALYZE item_search", NULL);
  g_assert_cmpstr (added, ==, "2500");
  for (int k = 0; k < 80 && estimated == NULL; k++)
    {
      LpTestResponse *resp = call ("GET", NULL, NULL, "/api/v1/items?q=zqx-&limit=%d", 3 + k);

      g_assert_null (soup_message_headers_get_one (resp->headers, "X-Search"));

      lp_assert_status (resp, 200);
      if (json_object_has_member (object (resp), "total_is_estimate"))
        estimated = resp;
      else
        {
          g_assert_cmpint (int_member (resp, "total"), ==, 2500);
          lp_test_response_free (resp);
          g_usleep (100 * 1000);
        }
    }
  g_assert_nonnull (estimated);
  g_assert_true (json_object_get_boolean_member (object (estimated), "total_is_estimate"));
  g_assert_cmpint (int_member (estimated, "total"), >, 1000);
  /* The page is the exact list's first page, in name order. */
  exact = call ("GET", NULL, NULL, "/api/v1/items?q=zqx-&limit=%" G_GINT64_FORMAT
                "&exact_total=true", int_member (estimated, "limit"));
  lp_assert_status (exact, 200);
  g_assert_cmpint (int_member (exact, "total"), ==, 2500);
  g_assert_false (json_object_has_member (object (exact), "total_is_estimate"));
  items = json_object_get_array_member (object (estimated), "items");
  exact_items = json_object_get_array_member (object (exact), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, int_member (estimated, "limit"));
  g_assert_cmpuint (json_array_get_length (items), ==, json_array_get_length (exact_items));
  for (guint k = 0; k < json_array_get_length (items); k++)
    {
      g_autofree char *name = g_strdup_printf ("Zqcari %04u", k + 1);

      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, k),
                                                      "name"), ==, name);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, k),
                                                      "id"), ==,
                       json_object_get_string_member (json_array_get_object_element (exact_items,
                                                                                     k), "id"));
    }
  /* The last page is short: the matches end there, so the total is known. */
  tail = call ("GET", NULL, NULL, "/api/v1/items?q=zqx-&limit=50&offset=2480");
  lp_assert_status (tail, 200);
  g_assert_cmpint (int_member (tail, "total"), ==, 2500);
  g_assert_false (json_object_has_member (object (tail), "total_is_estimate"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object (tail), "items")),
                    ==, 20);
  rare = call ("GET", NULL, NULL, "/api/v1/items?q=zqx-0042");
  lp_assert_status (rare, 200);
  g_assert_cmpint (int_member (rare, "total"), ==, 1);
  g_assert_false (json_object_has_member (object (rare), "total_is_estimate"));
  lp_test_response_free (estimated);
  removed = sql ("WITH d AS (DELETE FROM items WHERE category_id = $1 RETURNING 1)"
                 " SELECT count(*) FROM d", cat, NULL);
  g_assert_cmpstr (removed, ==, "2500");
  reanalyzed = sql ("ANALYZE item_search", NULL);
  lp_test_server_free (server);
  server = first;
}

/* The codes a plain search finds, in order, its total checked against them; *from_index
 * says whether the server's index in memory answered (lp-item-index.h). Asked by a member,
 * whose searches the reply cache does not answer. */
static char *
search_codes (const char *q,
              const char *page,
              gboolean   *from_index)
{
  g_autofree char *escaped = g_uri_escape_string (q, NULL, FALSE);
  g_autoptr(LpTestResponse) resp = call ("GET", member_token, NULL, "/api/v1/items?q=%s%s",
                                         escaped, page);
  char *codes;

  lp_assert_status (resp, 200);
  *from_index = g_strcmp0 (soup_message_headers_get_one (resp->headers, "X-Search"),
                           "index") == 0;
  codes = list_codes (resp);
  if (*page == '\0')
    g_assert_cmpint (json_object_get_int_member (object (resp), "total"), ==,
                     json_array_get_length (json_object_get_array_member (object (resp),
                                                                          "items")));
  return codes;
}

#define assert_search_now(expected, q) assert_search_now_at (__LINE__, (expected), (q), "")

/* The very next search after a change already shows it, whoever answers. */
static void
assert_search_now_at (int         line,
                      const char *expected,
                      const char *q,
                      const char *page)
{
  gboolean from_index;
  g_autofree char *got = search_codes (q, page, &from_index);

  if (!g_str_equal (got, expected))
    g_error ("line %d: ?q=%s%s found [%s] (%s), expected [%s]", line, q, page, got,
             from_index ? "index" : "database", expected);
}

#define assert_search_indexed(expected, q) assert_search_indexed_at (__LINE__, (expected), (q))

/* Within a few seconds the index answers again, and the same. (Each try asks for another
 * page size: a reply the cache kept would not say who answered.) */
static void
assert_search_indexed_at (int         line,
                          const char *expected,
                          const char *q)
{
  for (int k = 0; k < 100; k++)
    {
      gboolean from_index;
      g_autofree char *page = g_strdup_printf ("&limit=%d", 50 + k);
      g_autofree char *got = search_codes (q, page, &from_index);

      if (!g_str_equal (got, expected))
        g_error ("line %d: ?q=%s%s found [%s] (%s), expected [%s]", line, q, page, got,
                 from_index ? "index" : "database", expected);
      if (from_index)
        return;
      g_usleep (50 * 1000);
    }
  g_error ("line %d: the index never answered ?q=%s", line, q);
}

/* A page the index answers, asked for the first time. */
static void
assert_page_indexed (const char *expected,
                     const char *q,
                     const char *page)
{
  gboolean from_index;
  g_autofree char *got = search_codes (q, page, &from_index);

  g_assert_cmpstr (got, ==, expected);
  g_assert_true (from_index);
}

/* A plain search is answered from the server's index in memory once it is built, with
 * exact totals and pages in name order; every change of what a search looks at shows in
 * the very next search — through the API, or straight in the database as another
 * instance would — and a change of stock alone leaves the index in use. */
static void
test_item_search_index (void)
{
  g_autofree char *cat = add_category ("Cari Memori");
  g_autofree char *a = add_item (cat, "IDX-1", "Qindeks Delta", 1, NULL);
  g_autofree char *b = add_item (cat, "IDX-2", "Qindeks Alfa", 1, "\"author\":\"Qpenulis\"");
  g_autofree char *c = add_item (cat, "IDX-3", "Qindeks Charlie", 1, NULL);
  g_autofree char *d = NULL;
  g_autofree char *renamed_in_db = NULL;
  g_autoptr(LpTestResponse) renamed = NULL;
  g_autoptr(LpTestResponse) restocked = NULL;
  g_autoptr(LpTestResponse) deleted = NULL;
  gboolean from_index;
  g_autofree char *found = NULL;

  assert_search_indexed ("IDX-2,IDX-3,IDX-1", "qindeks");
  assert_page_indexed ("IDX-2,IDX-3,IDX-1", "QINDEKS", "");
  assert_page_indexed ("IDX-3", "qindeks c", "");
  assert_page_indexed ("IDX-2", "qpenulis", "");
  assert_page_indexed ("", "qindeks zulu", "");
  assert_page_indexed ("IDX-3,IDX-1", "qindeks", "&limit=2&offset=1");
  assert_page_indexed ("", "qindeks", "&limit=2&offset=3");

  renamed = call ("PATCH", admin_token, "{\"name\":\"Qindeks Bravo\"}", "/api/v1/items/%s", a);
  lp_assert_status (renamed, 200);
  assert_search_now ("IDX-2,IDX-1,IDX-3", "qindeks");
  assert_search_now ("", "qindeks delta");
  assert_search_indexed ("IDX-2,IDX-1,IDX-3", "qindeks");

  d = add_item (cat, "IDX-4", "Qindeks Echo", 1, NULL);
  assert_search_now ("IDX-2,IDX-1,IDX-3,IDX-4", "qindeks");
  assert_search_indexed ("IDX-2,IDX-1,IDX-3,IDX-4", "qindeks");

  deleted = call ("DELETE", admin_token, NULL, "/api/v1/items/%s", c);
  g_assert_cmpuint (deleted->status, <, 300);
  assert_search_now ("IDX-2,IDX-1,IDX-4", "qindeks");
  assert_search_indexed ("IDX-2,IDX-1,IDX-4", "qindeks");

  renamed_in_db = sql ("UPDATE items SET name = 'Qindeks Aaron' WHERE id = $1 RETURNING code",
                       d, NULL);
  g_assert_cmpstr (renamed_in_db, ==, "IDX-4");
  /* A page never asked before: the reply cache hears of a change made outside the
   * server by notification, a moment later; the index and the database know at once. */
  assert_search_now_at (__LINE__, "IDX-4,IDX-2,IDX-1", "qindeks", "&limit=40");
  assert_search_indexed ("IDX-4,IDX-2,IDX-1", "qindeks");

  /* Stock is not searched: the index stays in use. */
  restocked = call ("PATCH", admin_token, "{\"stock_total\":4}", "/api/v1/items/%s", b);
  lp_assert_status (restocked, 200);
  found = search_codes ("qindeks", "", &from_index);
  g_assert_cmpstr (found, ==, "IDX-4,IDX-2,IDX-1");
  g_assert_true (from_index);

  /* What the index cannot answer as the database would, the database answers. */
  g_clear_pointer (&found, g_free);
  found = search_codes ("qindeks ä", "", &from_index);
  g_assert_cmpstr (found, ==, "");
  g_assert_false (from_index);
  g_clear_pointer (&found, g_free);
  found = search_codes ("x-", "", &from_index);
  g_assert_false (from_index);
}

/* ---------------------------------------------------------------------------------------
 * Availability, history, repair
 * ------------------------------------------------------------------------------------- */

static char *
day (int offset)
{
  g_autofree char *n = g_strdup_printf ("%d", offset);

  return sql ("SELECT (library_today() + $1::int)::text", n, NULL);
}

/* The free units of each day, comma-separated; the first date must be first_date. */
static char *
availability (const char *item_id,
              const char *query,
              const char *first_date,
              guint       n_days)
{
  g_autoptr(LpTestResponse) resp = call ("GET", NULL, NULL, "/api/v1/items/%s/availability%s",
                                         item_id, query);
  g_autoptr(GString) free_units = g_string_new (NULL);
  JsonArray *days;

  lp_assert_status (resp, 200);
  g_assert_cmpstr (json_object_get_string_member (object (resp), "item_id"), ==, item_id);
  g_assert_cmpstr (json_object_get_string_member (object (resp), "from"), ==, first_date);
  days = json_object_get_array_member (object (resp), "days");
  g_assert_cmpuint (json_array_get_length (days), ==, n_days);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (days, 0), "date"),
                   ==, first_date);
  for (guint i = 0; i < json_array_get_length (days); i++)
    g_string_append_printf (free_units, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            json_object_get_int_member (json_array_get_object_element (days, i),
                                                        "free"));
  return g_string_free (g_steal_pointer (&free_units), FALSE);
}

/* Approved, borrowed and overdue loans hold units on their days; the others do not. */
static void
test_item_availability (void)
{
  g_autofree char *cat = add_category ("Ketersediaan");
  g_autofree char *id = add_item (cat, "AVL-1", "Proyektor Aula", 3, NULL);
  g_autofree char *today = day (0);
  g_autofree char *plus3 = day (3);
  g_autofree char *plus5 = day (5);
  g_autofree char *plus1 = day (1);
  g_autofree char *query = g_strdup_printf ("?from=%s&to=%s", today, plus5);
  g_autofree char *from_only = g_strdup_printf ("?from=%s", plus3);
  g_autofree char *to_only = g_strdup_printf ("?to=%s", plus1);
  g_autofree char *all = NULL;
  g_autofree char *six = NULL;
  g_autofree char *later = NULL;
  g_autofree char *two = NULL;

  add_loan (id, "borrowed", 2, 0, 2);
  add_loan (id, "approved", 1, 2, 4);
  add_loan (id, "returned", 3, 0, 10);
  add_loan (id, "pending", 3, 0, 10);
  add_loan (id, "rejected", 3, 0, 10);
  add_loan (id, "overdue", 1, -5, -1);

  all = availability (id, "", today, 28);
  g_assert_true (g_str_has_prefix (all, "1,1,0,2,2,3,3,"));
  six = availability (id, query, today, 6);
  g_assert_cmpstr (six, ==, "1,1,0,2,2,3");
  later = availability (id, from_only, plus3, 28);
  g_assert_true (g_str_has_prefix (later, "2,2,3,3"));
  two = availability (id, to_only, today, 2);
  g_assert_cmpstr (two, ==, "1,1");
}

static void
test_item_availability_range (void)
{
  g_autofree char *cat = add_category ("Rentang");
  g_autofree char *id = add_item (cat, "RNG-1", "Speaker Aktif", 1, NULL);
  g_autofree char *today = day (0);
  g_autofree char *last = day (365);
  g_autofree char *past = day (366);
  g_autofree char *yesterday = day (-1);
  g_autofree char *year = g_strdup_printf ("?from=%s&to=%s", today, last);
  g_autofree char *free_units = availability (id, year, today, 366);
  struct { char *query; const char *field; } bad[] = {
    { g_strdup_printf ("?from=%s&to=%s", today, past), "to" },
    { g_strdup_printf ("?from=%s&to=%s", today, yesterday), "to" },
    { g_strdup_printf ("?to=%s", yesterday), "to" },
    { g_strdup ("?from=2026-02-30"), "from" },
    { g_strdup ("?from=2026-1-5"), "from" },
    { g_strdup ("?to=besok"), "to" },
  };

  g_assert_true (g_str_has_prefix (free_units, "1,1,1"));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LpTestResponse) resp = call ("GET", NULL, NULL, "/api/v1/items/%s/availability%s",
                                             id, bad[i].query);
      expect_error (resp, 422, "validation_failed", bad[i].field);
      g_free (bad[i].query);
    }
}

static const char *
event_text (JsonArray  *events,
            guint       index,
            const char *member)
{
  return json_object_get_string_member (json_array_get_object_element (events, index), member);
}

/* Newest first, with who reported and who resolved each event. */
static void
test_item_history (void)
{
  g_autofree char *cat = add_category ("Riwayat");
  g_autofree char *id = add_item (cat, "HIS-1", "Multimeter", 1, NULL);
  g_autoptr(LpTestResponse) minor = call ("PATCH", admin_token, "{\"condition\":\"minor_damage\"}",
                                          "/api/v1/items/%s", id);
  g_autoptr(LpTestResponse) major = call ("PATCH", admin_token,
                                          "{\"condition\":\"major_damage\","
                                          "\"status\":\"maintenance\"}",
                                          "/api/v1/items/%s", id);
  g_autoptr(LpTestResponse) repaired = call ("POST", staff_token, "{\"note\":\"Servis\"}",
                                             "/api/v1/items/%s/repair", id);
  g_autoptr(LpTestResponse) history = call ("GET", staff_token, NULL, "/api/v1/items/%s/history",
                                            id);
  g_autoptr(LpTestResponse) page = call ("GET", admin_token, NULL,
                                         "/api/v1/items/%s/history?limit=1&offset=1", id);
  JsonArray *events;
  JsonObject *middle;

  lp_assert_status (minor, 200);
  lp_assert_status (major, 200);
  lp_assert_status (repaired, 200);
  lp_assert_status (history, 200);
  g_assert_cmpint (int_member (history, "total"), ==, 3);
  events = json_object_get_array_member (object (history), "items");
  g_assert_cmpstr (event_text (events, 0, "source"), ==, "repair");
  g_assert_cmpstr (event_text (events, 0, "condition_from"), ==, "major_damage");
  g_assert_cmpstr (event_text (events, 0, "condition_to"), ==, "good");
  g_assert_cmpstr (event_text (events, 1, "condition_to"), ==, "major_damage");
  g_assert_cmpstr (event_text (events, 2, "condition_from"), ==, "good");
  g_assert_cmpstr (event_text (events, 2, "condition_to"), ==, "minor_damage");

  lp_assert_status (page, 200);
  events = json_object_get_array_member (object (page), "items");
  g_assert_cmpuint (json_array_get_length (events), ==, 1);
  middle = json_array_get_object_element (events, 0);
  g_assert_cmpstr (json_object_get_string_member (middle, "source"), ==, "admin_edit");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (middle,
                                                                                 "reported_by"),
                                                  "username"), ==, "admin1");
  g_assert_true (json_object_get_boolean_member (middle, "resolved"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (middle,
                                                                                 "resolved_by"),
                                                  "username"), ==, "staff1");
  g_assert_cmpstr (json_object_get_string_member (middle, "resolution_note"), ==, "Servis");
}

/* An event of a return names its loan by code. */
static void
test_item_history_loan (void)
{
  g_autofree char *cat = add_category ("Riwayat Pinjam");
  g_autofree char *id = add_item (cat, "HIS-2", "Kabel HDMI", 1, NULL);
  g_autofree char *code = NULL;
  g_autoptr(LpTestResponse) history = NULL;
  JsonArray *events;

  add_loan (id, "returned", 1, -3, -1);
  code = sql ("SELECT code FROM loans WHERE item_id = $1", id, NULL);
  g_free (sql ("INSERT INTO item_condition_events (item_id, loan_id, source, condition_from,"
               " condition_to, reported_by) SELECT $1, id, 'return', 'good', 'minor_damage', $2"
               " FROM loans WHERE item_id = $1", id, staff_id, NULL));
  history = call ("GET", staff_token, NULL, "/api/v1/items/%s/history", id);
  lp_assert_status (history, 200);
  events = json_object_get_array_member (object (history), "items");
  g_assert_cmpuint (json_array_get_length (events), ==, 1);
  g_assert_cmpstr (event_text (events, 0, "loan_code"), ==, code);
  g_assert_cmpstr (event_text (events, 0, "source"), ==, "return");
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (events, 0),
                                                  "resolved"));
}

static void
test_item_repair (void)
{
  g_autofree char *cat = add_category ("Perbaikan");
  g_autofree char *id = add_item (cat, "RPR-1", "Mikroskop Digital", 1,
                                  "\"condition\":\"major_damage\",\"status\":\"maintenance\"");
  g_autoptr(LpTestResponse) repaired = call ("POST", staff_token, "{\"note\":\"Lensa diganti\"}",
                                             "/api/v1/items/%s/repair", id);
  g_autoptr(LpTestResponse) again = call ("POST", staff_token, "{}",
                                          "/api/v1/items/%s/repair", id);
  g_autofree char *open = sql ("SELECT count(*) FROM item_condition_events"
                               " WHERE item_id = $1 AND resolved_at IS NULL", id, NULL);
  g_autofree char *old_event = sql ("SELECT (resolved_by = $2::uuid) || ' ' || resolution_note"
                                    " FROM item_condition_events"
                                    " WHERE item_id = $1 AND source = 'admin_edit'",
                                    id, staff_id, NULL);
  g_autofree char *repair = sql ("SELECT condition_from || '>' || condition_to || ' ' || note"
                                 " || ' ' || (reported_by = $2::uuid)"
                                 " FROM item_condition_events WHERE item_id = $1"
                                 " AND source = 'repair'", id, staff_id, NULL);
  g_autofree char *logged = activity ("item.repair", id,
                                      "username || ' ' || (old_data->>'status') || '>'"
                                      " || (new_data->>'status') || ' '"
                                      " || (old_data->>'condition') || '>'"
                                      " || (new_data->>'condition')");

  lp_assert_status (repaired, 200);
  g_assert_cmpstr (json_object_get_string_member (object (repaired), "condition"), ==, "good");
  g_assert_cmpstr (json_object_get_string_member (object (repaired), "status"), ==, "available");
  g_assert_true (json_object_get_boolean_member (object (repaired), "borrowable"));
  expect_error (again, 409, "conflict", NULL);
  g_assert_cmpstr (open, ==, "0");
  g_assert_cmpstr (old_event, ==, "true Lensa diganti");
  g_assert_cmpstr (repair, ==, "major_damage>good Lensa diganti true");
  g_assert_cmpstr (logged, ==, "staff1 maintenance>available major_damage>good");
}

/* A repair may come without a body; a sound item withdrawn by an admin stays withdrawn. */
static void
test_item_repair_edge (void)
{
  g_autofree char *cat = add_category ("Perbaikan Lain");
  g_autofree char *waiting = add_item (cat, "RPR-2", "Printer", 1,
                                       "\"status\":\"needs_maintenance\"");
  g_autofree char *withdrawn = add_item (cat, "RPR-3", "Router", 1, "\"status\":\"unavailable\"");
  g_autoptr(LpTestResponse) no_body = call ("POST", admin_token, NULL,
                                            "/api/v1/items/%s/repair", waiting);
  g_autoptr(LpTestResponse) refused = call ("POST", admin_token, "{}",
                                            "/api/v1/items/%s/repair", withdrawn);
  g_autoptr(LpTestResponse) bad_type = call ("POST", staff_token, "{\"note\":5}",
                                             "/api/v1/items/%s/repair", waiting);
  g_autoptr(LpTestResponse) malformed = call ("POST", staff_token, "{\"note\":",
                                              "/api/v1/items/%s/repair", waiting);
  g_autofree char *status = sql ("SELECT status FROM items WHERE id = $1", withdrawn, NULL);

  lp_assert_status (no_body, 200);
  g_assert_cmpstr (json_object_get_string_member (object (no_body), "status"), ==, "available");
  expect_error (refused, 409, "conflict", NULL);
  g_assert_cmpstr (status, ==, "unavailable");
  expect_error (bad_type, 400, "bad_request", NULL);
  expect_error (malformed, 400, "bad_request", NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = lp_test_server_start (NULL);
  admin_id = lp_test_server_create_user (server, "admin1", "Admin#2026", "admin");
  staff_id = lp_test_server_create_user (server, "staff1", PASSWORD, "staff");
  member_id = lp_test_server_create_user (server, "member1", PASSWORD, "member");
  admin_token = lp_test_server_login (server, "admin1", "Admin#2026");
  staff_token = lp_test_server_login (server, "staff1", PASSWORD);
  member_token = lp_test_server_login (server, "member1", PASSWORD);

  g_test_add_func ("/lp/catalog/roles", test_roles);
  g_test_add_func ("/lp/catalog/category/create-get-update", test_category_create_get_update);
  g_test_add_func ("/lp/catalog/category/list", test_category_list);
  g_test_add_func ("/lp/catalog/category/duplicate", test_category_duplicate);
  g_test_add_func ("/lp/catalog/category/delete", test_category_delete);
  g_test_add_func ("/lp/catalog/category/bad-input", test_category_bad_input);
  g_test_add_func ("/lp/catalog/item/create", test_item_create);
  g_test_add_func ("/lp/catalog/item/bad-input", test_item_bad_input);
  g_test_add_func ("/lp/catalog/item/missing-fields", test_item_missing_fields);
  g_test_add_func ("/lp/catalog/item/stock-bounds", test_item_stock_bounds);
  g_test_add_func ("/lp/catalog/item/duplicate-code", test_item_duplicate_code);
  g_test_add_func ("/lp/catalog/item/unknown", test_item_unknown);
  g_test_add_func ("/lp/catalog/item/update", test_item_update);
  g_test_add_func ("/lp/catalog/item/update-bad-input", test_item_update_bad_input);
  g_test_add_func ("/lp/catalog/item/stock-change", test_item_stock_change);
  g_test_add_func ("/lp/catalog/item/delete", test_item_delete);
  g_test_add_func ("/lp/catalog/item/condition-events", test_item_condition_events);
  g_test_add_func ("/lp/catalog/list/filters", test_item_filters);
  g_test_add_func ("/lp/catalog/list/filters-bad", test_item_filters_bad);
  g_test_add_func ("/lp/catalog/list/paging", test_item_paging);
  g_test_add_func ("/lp/catalog/list/search-literal", test_item_search_literal);
  g_test_add_func ("/lp/catalog/list/search-fields", test_item_search_fields);
  g_test_add_func ("/lp/catalog/list/search-words", test_item_search_words);
  g_test_add_func ("/lp/catalog/availability/loans", test_item_availability);
  g_test_add_func ("/lp/catalog/availability/range", test_item_availability_range);
  g_test_add_func ("/lp/catalog/history/order", test_item_history);
  g_test_add_func ("/lp/catalog/history/loan", test_item_history_loan);
  g_test_add_func ("/lp/catalog/repair/resolves", test_item_repair);
  g_test_add_func ("/lp/catalog/repair/edge", test_item_repair_edge);
  g_test_add_func ("/lp/catalog/list/search-follows", test_item_search_follows);
  g_test_add_func ("/lp/catalog/item/rendering", test_item_rendering);
  g_test_add_func ("/lp/catalog/list/total-estimate", test_item_total_estimate);
  g_test_add_func ("/lp/catalog/list/search-estimate", test_item_search_estimate);
  g_test_add_func ("/lp/catalog/list/search-index", test_item_search_index);

  status = g_test_run ();
  lp_test_server_free (server);
  g_free (admin_token);
  g_free (staff_token);
  g_free (member_token);
  g_free (admin_id);
  g_free (staff_id);
  g_free (member_id);
  return status;
}
