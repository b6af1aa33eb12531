/* test-auth.c: accounts, sessions, throttling, last-admin protection and the activity
 * log, over real HTTP against a real server and database.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-test-server.h"

#define PASSWORD "Sandi#2026a"

static LpTestServer *server;
static char *admin_token;

static LpTestResponse *
post (const char *path,
      const char *token,
      const char *body)
{
  return lp_test_request (server, "POST", path, token, body);
}

static LpTestResponse *
login_response (const char *username,
                const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}",
                                           username, password);
  return post ("/api/v1/auth/login", NULL, body);
}

static char *
new_user (const char *username,
          const char *role,
          char      **token)
{
  char *id = lp_test_server_create_user (server, username, PASSWORD, role);

  if (token != NULL)
    *token = lp_test_server_login (server, username, PASSWORD);
  return id;
}

static char *
sql_value (const char *format,
           ...) G_GNUC_PRINTF (1, 2);

static char *
sql_value (const char *format,
           ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return lp_test_server_sql_value (server, sql);
}

static void
assert_error (LpTestResponse *resp,
              guint           status,
              const char     *code)
{
  lp_assert_status (resp, status);
  g_assert_cmpstr (lp_test_response_error_code (resp), ==, code);
}

static void
test_login_returns_token_and_user (void)
{
  g_autofree char *id = new_user ("pustakawan", "staff", NULL);
  g_autoptr(LpTestResponse) resp = login_response ("pustakawan", PASSWORD);
  JsonObject *obj, *user;
  const char *body;
  g_autofree char *stored = NULL;
  g_autofree char *plain = NULL;

  lp_assert_status (resp, 200);
  obj = lp_test_response_object (resp);
  /* 256 random bits in base64url are 43 characters. */
  g_assert_cmpuint (strlen (json_object_get_string_member (obj, "token")), >=, 43);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (obj, "expires_at"), "Z"));
  user = json_object_get_object_member (obj, "user");
  g_assert_cmpstr (json_object_get_string_member (user, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (user, "role"), ==, "staff");
  g_assert_false (json_object_has_member (user, "password_hash"));
  body = g_bytes_get_data (resp->body, NULL);
  g_assert_null (strstr (body, "$2b$"));

  /* Only the token's hash is stored. */
  stored = sql_value ("SELECT count(*) FROM sessions WHERE token_hash ="
                      " sha256(convert_to('%s', 'UTF8'))",
                      json_object_get_string_member (obj, "token"));
  g_assert_cmpstr (stored, ==, "1");
  plain = sql_value ("SELECT count(*) FROM sessions WHERE encode(token_hash, 'escape') = '%s'",
                     json_object_get_string_member (obj, "token"));
  g_assert_cmpstr (plain, ==, "0");
}

static void
test_unknown_user_and_wrong_password_look_alike (void)
{
  g_autofree char *id = new_user ("guru.budi", "member", NULL);
  g_autoptr(LpTestResponse) wrong = NULL;
  g_autoptr(LpTestResponse) unknown = NULL;
  JsonObject *a, *b;
  gint64 t0, t1, t2;
  g_autofree char *logged = NULL;

  t0 = g_get_monotonic_time ();
  wrong = login_response ("guru.budi", "Salah#2026x");
  t1 = g_get_monotonic_time ();
  unknown = login_response ("tidak.ada", "Salah#2026x");
  t2 = g_get_monotonic_time ();

  assert_error (wrong, 401, "unauthorized");
  assert_error (unknown, 401, "unauthorized");
  a = json_object_get_object_member (lp_test_response_object (wrong), "error");
  b = json_object_get_object_member (lp_test_response_object (unknown), "error");
  g_assert_cmpstr (json_object_get_string_member (a, "message"), ==,
                   json_object_get_string_member (b, "message"));
  /* Both pay for one bcrypt verification: neither answers in a few milliseconds. */
  g_assert_cmpint (t1 - t0, >, 10000);
  g_assert_cmpint (t2 - t1, >, 10000);

  logged = sql_value ("SELECT count(*) FROM activity_log WHERE action ="
                                       " 'auth.login_failed' AND username IN"
                                       " ('guru.budi', 'tidak.ada')");
  g_assert_cmpstr (logged, ==, "2");
}

static void
test_register_waits_for_activation (void)
{
  g_autofree char *staff_id = NULL;
  g_autofree char *staff_token = NULL;
  g_autoptr(LpTestResponse) reg = NULL;
  g_autoptr(LpTestResponse) early = NULL;
  g_autoptr(LpTestResponse) activate = NULL;
  g_autoptr(LpTestResponse) later = NULL;
  g_autofree char *path = NULL;
  JsonObject *user;

  staff_id = new_user ("petugas.rina", "staff", &staff_token);
  reg = post ("/api/v1/auth/register", NULL,
              "{\"username\":\"siswa.dewi\",\"password\":\"" PASSWORD "\","
              "\"full_name\":\"Dewi Lestari\",\"email\":\"dewi@sekolah.sch.id\"}");
  lp_assert_status (reg, 201);
  user = lp_test_response_object (reg);
  g_assert_cmpstr (json_object_get_string_member (user, "role"), ==, "member");
  g_assert_false (json_object_get_boolean_member (user, "active"));

  early = login_response ("siswa.dewi", PASSWORD);
  assert_error (early, 403, "forbidden");

  path = g_strdup_printf ("/api/v1/users/%s", json_object_get_string_member (user, "id"));
  activate = lp_test_request (server, "PATCH", path, staff_token, "{\"active\":true}");
  lp_assert_status (activate, 200);
  g_assert_true (json_object_get_boolean_member (lp_test_response_object (activate), "active"));

  later = login_response ("siswa.dewi", PASSWORD);
  lp_assert_status (later, 200);
}

static void
test_register_rejects_bad_input (void)
{
  struct { const char *body; guint status; const char *field; } cases[] = {
    { "{\"username\":\"ab\",\"password\":\"" PASSWORD "\",\"full_name\":\"A\"}", 422, "username" },
    { "{\"username\":\"Budi Besar\",\"password\":\"" PASSWORD "\",\"full_name\":\"A\"}", 422,
      "username" },
    { "{\"username\":\"budi.k\",\"password\":\"pendek1\",\"full_name\":\"A\"}", 422, "password" },
    { "{\"username\":\"budi.k\",\"password\":\"" PASSWORD "\",\"full_name\":\"A\","
      "\"email\":\"bukan-email\"}", 422, "email" },
    { "{\"username\":\"budi.k\",\"password\":\"" PASSWORD "\"}", 422, "full_name" },
    { "{\"username\":\"budi.k\",\"password\":12345678,\"full_name\":\"A\"}", 400, NULL },
    { "{\"username\":\"budi.k\",", 400, NULL },
    { "[1,2,3]", 400, NULL },
    { "", 422, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LpTestResponse) resp = post ("/api/v1/auth/register", NULL, cases[i].body);
      JsonObject *error;

      g_test_message ("case %u: %s", i, cases[i].body);
      if (cases[i].body[0] == '\0')
        {
          /* An empty body is malformed JSON. */
          assert_error (resp, 400, "bad_request");
          continue;
        }
      lp_assert_status (resp, cases[i].status);
      error = json_object_get_object_member (lp_test_response_object (resp), "error");
      if (cases[i].field != NULL)
        g_assert_true (json_object_has_member (json_object_get_object_member (error, "fields"),
                                               cases[i].field));
    }
}

static void
test_register_rejects_invalid_utf8_and_long_text (void)
{
  static const char bad_utf8[] = "{\"username\":\"budi.u\",\"password\":\"" PASSWORD "\","
                                 "\"full_name\":\"Bu\xff\xfe" "di\"}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (bad_utf8, sizeof bad_utf8 - 1);
  g_autoptr(LpTestResponse) utf8 = lp_test_request_bytes (server, "POST", "/api/v1/auth/register",
                                                          NULL, "application/json", bytes);
  g_autoptr(GString) long_name = g_string_new ("{\"username\":\"budi.l\",\"password\":\""
                                               PASSWORD "\",\"full_name\":\"");
  g_autoptr(LpTestResponse) too_long = NULL;
  g_autoptr(LpTestResponse) wrong_type = NULL;

  assert_error (utf8, 400, "bad_request");
  for (int i = 0; i < 500; i++)
    g_string_append (long_name, "Panjang ");
  g_string_append (long_name, "\"}");
  too_long = post ("/api/v1/auth/register", NULL, long_name->str);
  assert_error (too_long, 422, "validation_failed");

  {
    g_autoptr(GBytes) plain = g_bytes_new_static ("username=x", 10);
    wrong_type = lp_test_request_bytes (server, "POST", "/api/v1/auth/register", NULL,
                                        "application/x-www-form-urlencoded", plain);
    assert_error (wrong_type, 415, "unsupported_media_type");
  }
}

static void
test_duplicate_username_is_409 (void)
{
  g_autoptr(LpTestResponse) first = NULL;
  g_autoptr(LpTestResponse) second = NULL;

  first = post ("/api/v1/auth/register", NULL,
                "{\"username\":\"kembar\",\"password\":\"" PASSWORD "\",\"full_name\":\"K\"}");
  lp_assert_status (first, 201);
  second = post ("/api/v1/auth/register", NULL,
                 "{\"username\":\"kembar\",\"password\":\"" PASSWORD "\",\"full_name\":\"K2\"}");
  assert_error (second, 409, "duplicate");
}

static void
test_me_and_password_change_revokes_other_sessions (void)
{
  g_autofree char *token_a = NULL;
  g_autofree char *id = new_user ("siswa.eko", "member", &token_a);
  g_autofree char *token_b = lp_test_server_login (server, "siswa.eko", PASSWORD);
  g_autoptr(LpTestResponse) me = lp_test_request (server, "GET", "/api/v1/me", token_a, NULL);
  g_autoptr(LpTestResponse) wrong = NULL;
  g_autoptr(LpTestResponse) change = NULL;
  g_autoptr(LpTestResponse) me_a = NULL;
  g_autoptr(LpTestResponse) me_b = NULL;
  g_autoptr(LpTestResponse) old_login = NULL;
  g_autoptr(LpTestResponse) new_login = NULL;

  lp_assert_status (me, 200);
  g_assert_cmpstr (json_object_get_string_member (lp_test_response_object (me), "username"), ==,
                   "siswa.eko");

  wrong = lp_test_request (server, "PUT", "/api/v1/me/password", token_a,
                           "{\"current_password\":\"Bukan#2026x\",\"new_password\":\"Baru#2026xyz\"}");
  assert_error (wrong, 422, "validation_failed");

  change = lp_test_request (server, "PUT", "/api/v1/me/password", token_a,
                            "{\"current_password\":\"" PASSWORD "\",\"new_password\":\"Baru#2026xyz\"}");
  lp_assert_status (change, 204);
  me_a = lp_test_request (server, "GET", "/api/v1/me", token_a, NULL);
  me_b = lp_test_request (server, "GET", "/api/v1/me", token_b, NULL);
  lp_assert_status (me_a, 200);
  assert_error (me_b, 401, "unauthorized");
  old_login = login_response ("siswa.eko", PASSWORD);
  assert_error (old_login, 401, "unauthorized");
  new_login = login_response ("siswa.eko", "Baru#2026xyz");
  lp_assert_status (new_login, 200);
}

static void
test_logout_and_expiry (void)
{
  g_autofree char *token = NULL;
  g_autofree char *id = new_user ("siswa.fajar", "member", &token);
  g_autofree char *token2 = lp_test_server_login (server, "siswa.fajar", PASSWORD);
  g_autoptr(LpTestResponse) out = post ("/api/v1/auth/logout", token, NULL);
  g_autoptr(LpTestResponse) after = lp_test_request (server, "GET", "/api/v1/me", token, NULL);
  g_autoptr(LpTestResponse) expired = NULL;

  lp_assert_status (out, 204);
  assert_error (after, 401, "unauthorized");

  g_free (sql_value ("UPDATE sessions SET expires_at = now() - interval '1 second'"
                     " WHERE user_id = '%s'", id));
  expired = lp_test_request (server, "GET", "/api/v1/me", token2, NULL);
  assert_error (expired, 401, "unauthorized");
}

static void
test_deactivation_revokes_sessions (void)
{
  g_autofree char *token = NULL;
  g_autofree char *id = new_user ("siswa.gita", "member", &token);
  g_autofree char *path = g_strdup_printf ("/api/v1/users/%s", id);
  g_autoptr(LpTestResponse) off = lp_test_request (server, "PATCH", path, admin_token,
                                                   "{\"active\":false}");
  g_autoptr(LpTestResponse) me = NULL;
  g_autoptr(LpTestResponse) on = NULL;
  g_autoptr(LpTestResponse) still = NULL;

  lp_assert_status (off, 200);
  me = lp_test_request (server, "GET", "/api/v1/me", token, NULL);
  assert_error (me, 401, "unauthorized");
  /* Switching the account back on does not bring the old session back. */
  on = lp_test_request (server, "PATCH", path, admin_token, "{\"active\":true}");
  lp_assert_status (on, 200);
  still = lp_test_request (server, "GET", "/api/v1/me", token, NULL);
  assert_error (still, 401, "unauthorized");
}

static void
test_staff_may_only_activate_members (void)
{
  g_autofree char *staff_token = NULL;
  g_autofree char *staff_id = new_user ("petugas.tono", "staff", &staff_token);
  g_autofree char *member_id = new_user ("siswa.hana", "member", NULL);
  g_autofree char *other_staff = new_user ("petugas.uni", "staff", NULL);
  g_autofree char *member_path = g_strdup_printf ("/api/v1/users/%s", member_id);
  g_autofree char *staff_path = g_strdup_printf ("/api/v1/users/%s", other_staff);
  g_autoptr(LpTestResponse) promote = lp_test_request (server, "PATCH", member_path, staff_token,
                                                       "{\"role\":\"admin\"}");
  g_autoptr(LpTestResponse) other = lp_test_request (server, "PATCH", staff_path, staff_token,
                                                     "{\"active\":false}");
  g_autoptr(LpTestResponse) list = lp_test_request (server, "GET", "/api/v1/users", staff_token,
                                                    NULL);
  g_autofree char *role = NULL;

  assert_error (promote, 403, "forbidden");
  assert_error (other, 403, "forbidden");
  assert_error (list, 403, "forbidden");
  role = sql_value ("SELECT role FROM users WHERE id = '%s'", member_id);
  g_assert_cmpstr (role, ==, "member");
}

static void
test_last_admin_is_protected (void)
{
  g_autofree char *only = sql_value ("SELECT id FROM users WHERE username = 'kepala'");
  g_autofree char *path = g_strdup_printf ("/api/v1/users/%s", only);
  g_autoptr(LpTestResponse) demote = NULL;
  g_autoptr(LpTestResponse) deactivate = NULL;
  g_autoptr(LpTestResponse) delete = NULL;
  g_autofree char *second_id = NULL;
  g_autoptr(LpTestResponse) demote_ok = NULL;
  g_autofree char *second_path = NULL;
  g_autoptr(LpTestResponse) restore = NULL;

  /* Make sure "kepala" is the only active admin in this database. */
  g_free (sql_value ("UPDATE users SET active = false WHERE role = 'admin'"
                     " AND username <> 'kepala'"));
  demote = lp_test_request (server, "PATCH", path, admin_token, "{\"role\":\"staff\"}");
  assert_error (demote, 409, "conflict");
  deactivate = lp_test_request (server, "PATCH", path, admin_token, "{\"active\":false}");
  assert_error (deactivate, 409, "conflict");
  delete = lp_test_request (server, "DELETE", path, admin_token, NULL);
  assert_error (delete, 409, "conflict");

  /* With a second admin, the first may step down. */
  second_id = new_user ("kepala.dua", "admin", NULL);
  second_path = g_strdup_printf ("/api/v1/users/%s", second_id);
  demote_ok = lp_test_request (server, "PATCH", second_path, admin_token, "{\"role\":\"staff\"}");
  lp_assert_status (demote_ok, 200);
  restore = lp_test_request (server, "PATCH", second_path, admin_token, "{\"role\":\"admin\"}");
  lp_assert_status (restore, 200);
}

static void
test_users_crud_and_audit (void)
{
  g_autoptr(LpTestResponse) created = NULL;
  g_autoptr(LpTestResponse) list = NULL;
  g_autoptr(LpTestResponse) patched = NULL;
  g_autoptr(LpTestResponse) deleted = NULL;
  g_autoptr(LpTestResponse) gone = NULL;
  g_autoptr(LpTestResponse) audit = NULL;
  g_autofree char *path = NULL;
  JsonObject *page, *entry;
  JsonArray *items;

  created = post ("/api/v1/users", admin_token,
                  "{\"username\":\"guru.citra\",\"password\":\"" PASSWORD "\","
                  "\"full_name\":\"Citra Ayu\",\"role\":\"staff\"}");
  lp_assert_status (created, 201);
  g_assert_true (json_object_get_boolean_member (lp_test_response_object (created), "active"));
  path = g_strdup_printf ("/api/v1/users/%s",
                          json_object_get_string_member (lp_test_response_object (created), "id"));

  list = lp_test_request (server, "GET", "/api/v1/users?role=staff&q=citra", admin_token, NULL);
  lp_assert_status (list, 200);
  page = lp_test_response_object (list);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (page, "limit"), ==, 50);
  items = json_object_get_array_member (page, "items");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                  "username"), ==, "guru.citra");

  patched = lp_test_request (server, "PATCH", path, admin_token, "{\"full_name\":\"Citra Ayu S.\"}");
  lp_assert_status (patched, 200);

  audit = lp_test_request (server, "GET", "/api/v1/activity?action=user.update&table_name=users",
                           admin_token, NULL);
  lp_assert_status (audit, 200);
  items = json_object_get_array_member (lp_test_response_object (audit), "items");
  entry = json_array_get_object_element (items, 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "old_data"),
                                                  "full_name"), ==, "Citra Ayu");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "new_data"),
                                                  "full_name"), ==, "Citra Ayu S.");
  g_assert_cmpstr (json_object_get_string_member (entry, "username"), ==, "kepala");
  g_assert_cmpstr (json_object_get_string_member (entry, "ip_address"), ==, "127.0.0.1");

  deleted = lp_test_request (server, "DELETE", path, admin_token, NULL);
  lp_assert_status (deleted, 204);
  gone = lp_test_request (server, "GET", path, admin_token, NULL);
  assert_error (gone, 404, "not_found");
}

static void
test_delete_user_with_loans_is_in_use (void)
{
  g_autofree char *id = new_user ("siswa.irma", "member", NULL);
  g_autofree char *path = g_strdup_printf ("/api/v1/users/%s", id);
  g_autoptr(LpTestResponse) resp = NULL;

  g_free (sql_value ("WITH c AS (INSERT INTO categories (name) VALUES ('Buku Uji') RETURNING id),"
                     " i AS (INSERT INTO items (code, name, category_id, stock_total, stock_available)"
                     "  SELECT 'UJI-1', 'Buku', id, 1, 1 FROM c RETURNING id)"
                     " INSERT INTO loans (user_id, item_id, quantity, start_date, due_date, purpose)"
                     " SELECT '%s', id, 1, current_date, current_date, 'Baca' FROM i", id));
  resp = lp_test_request (server, "DELETE", path, admin_token, NULL);
  assert_error (resp, 409, "in_use");
}

static void
test_bad_ids_and_filters (void)
{
  g_autoptr(LpTestResponse) bad_id = lp_test_request (server, "GET", "/api/v1/users/123",
                                                      admin_token, NULL);
  g_autoptr(LpTestResponse) bad_role = lp_test_request (server, "GET", "/api/v1/users?role=boss",
                                                        admin_token, NULL);
  g_autoptr(LpTestResponse) bad_limit = lp_test_request (server, "GET",
                                                         "/api/v1/users?limit=100000",
                                                         admin_token, NULL);
  g_autoptr(LpTestResponse) bad_offset = lp_test_request (server, "GET", "/api/v1/users?offset=-1",
                                                          admin_token, NULL);
  g_autoptr(LpTestResponse) bad_date = lp_test_request (server, "GET",
                                                        "/api/v1/activity?from=2026-02-30",
                                                        admin_token, NULL);

  g_autoptr(LpTestResponse) bad_both = lp_test_request (server, "PATCH", "/api/v1/users/123",
                                                        admin_token, "{\"role\": 7");
  g_autoptr(LpTestResponse) bad_both_category = lp_test_request (server, "PATCH",
                                                                 "/api/v1/categories/123",
                                                                 admin_token, "[");

  assert_error (bad_id, 404, "not_found");
  /* A bad id and a bad body: one error (the server runs with fatal warnings, so an error
   * set over another would end it here). */
  assert_error (bad_both, 404, "not_found");
  assert_error (bad_both_category, 404, "not_found");
  assert_error (bad_role, 400, "bad_request");
  assert_error (bad_limit, 422, "validation_failed");
  assert_error (bad_offset, 422, "validation_failed");
  assert_error (bad_date, 422, "validation_failed");
}

/* Runs last: it uses up the failure budget of one username. */
static void
test_throttling (void)
{
  g_autofree char *id = new_user ("siswa.jaka", "member", NULL);
  g_autoptr(LpTestResponse) blocked = NULL;
  g_autoptr(LpTestResponse) other = NULL;

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(LpTestResponse) resp = login_response ("siswa.jaka", "Salah#2026x");
      assert_error (resp, 401, "unauthorized");
    }
  /* Even the right password is refused for a while now. */
  blocked = login_response ("siswa.jaka", PASSWORD);
  assert_error (blocked, 429, "too_many_requests");
  g_assert_nonnull (soup_message_headers_get_one (blocked->headers, "Retry-After"));
  /* Another account from the same address is not affected. */
  other = login_response ("kepala", PASSWORD);
  lp_assert_status (other, 200);
}

/* Input longer than any account's is 422, never 500, and still counts: a flood of long
 * names is throttled like any other guessing. */
static void
test_long_login_input (void)
{
  g_autofree char *long_name = g_strnfill (3000, 'a');
  g_autofree char *long_password = g_strnfill (4000, 'x');
  g_autofree char *failures = NULL;
  g_autoptr(LpTestResponse) blocked = NULL;
  g_autoptr(LpTestResponse) password = NULL;

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(LpTestResponse) resp = login_response (long_name, PASSWORD);

      assert_error (resp, 422, "validation_failed");
    }
  blocked = login_response (long_name, PASSWORD);
  assert_error (blocked, 429, "too_many_requests");

  password = login_response ("siswa.panjang", long_password);
  assert_error (password, 422, "validation_failed");
  failures = lp_test_server_sql_value (server, "SELECT count(*) FROM login_attempts"
                                               " WHERE NOT succeeded"
                                               " AND username = 'siswa.panjang'");
  g_assert_cmpstr (failures, ==, "1");
}

typedef struct
{
  guint     port;
  gint     *go;
  guint     status;
} Attempt;

/* One login on a session of its own, once every thread is ready. */
static gpointer
attempt_login (gpointer data)
{
  Attempt *attempt = data;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/api/v1/auth/login", attempt->port);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  static const char text[] = "{\"username\":\"siswa.serentak\",\"password\":\"Salah#2026x\"}";
  g_autoptr(GBytes) body = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GBytes) reply = NULL;

  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  while (!g_atomic_int_get (attempt->go))
    g_usleep (100);
  reply = soup_session_send_and_read (session, msg, NULL, NULL);
  attempt->status = soup_message_get_status (msg);
  return NULL;
}

/* Behind the trusted proxy (this test's server trusts 127.0.0.1), a failed login is
 * counted against the address the proxy names, and an unreadable header changes
 * nothing. */
static void
test_trusted_proxy_address (void)
{
  const char *forwarded[] = { "203.0.113.7", "198.51.100.1, 203.0.113.8", "<script>" };
  const char *recorded[] = { "203.0.113.7", "203.0.113.8", "127.0.0.1" };

  for (guint i = 0; i < G_N_ELEMENTS (forwarded); i++)
    {
      g_autoptr(SoupSession) session = soup_session_new ();
      g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/api/v1/auth/login",
                                              lp_test_server_get_port (server));
      g_autofree char *name = g_strdup_printf ("proksi.%u", i);
      g_autofree char *body_text = g_strdup_printf ("{\"username\":\"%s\","
                                                    "\"password\":\"Salah#2026x\"}", name);
      g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
      g_autoptr(GBytes) body = g_bytes_new (body_text, strlen (body_text));
      g_autoptr(GBytes) reply = NULL;
      g_autofree char *sql = g_strdup_printf ("SELECT host(ip_address) FROM login_attempts"
                                              " WHERE username = '%s'", name);
      g_autofree char *address = NULL;

      soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Forwarded-For",
                                    forwarded[i]);
      soup_message_set_request_body_from_bytes (msg, "application/json", body);
      reply = soup_session_send_and_read (session, msg, NULL, NULL);
      g_assert_cmpuint (soup_message_get_status (msg), ==, 401);
      address = lp_test_server_sql_value (server, sql);
      g_assert_cmpstr (address, ==, recorded[i]);
    }
}

/* 24 wrong passwords for one account at the same moment let through exactly the limit;
 * the others are refused as throttled. */
static void
test_concurrent_wrong_passwords (void)
{
  g_autofree char *id = new_user ("siswa.serentak", "member", NULL);
  Attempt attempts[24];
  GThread *threads[G_N_ELEMENTS (attempts)];
  gint go = 0;
  guint n_unauthorized = 0, n_throttled = 0;

  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      attempts[i] = (Attempt) { lp_test_server_get_port (server), &go, 0 };
      threads[i] = g_thread_new ("login", attempt_login, &attempts[i]);
    }
  g_atomic_int_set (&go, 1);
  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      g_thread_join (threads[i]);
      n_unauthorized += attempts[i].status == 401;
      n_throttled += attempts[i].status == 429;
    }
  g_assert_cmpuint (n_unauthorized, ==, 5);
  g_assert_cmpuint (n_throttled, ==, G_N_ELEMENTS (attempts) - 5);
}

/* A kiosk: many students behind one address mistype their passwords and then get in.
 * Their typos lock nobody out, though there are more of them than the address rule's
 * 30; guessing 30 accounts from one address does. Runs last: it locks the address. */
static void
test_address_counts_accounts_guessed (void)
{
  g_autoptr(LpTestResponse) fine = NULL;
  g_autoptr(LpTestResponse) locked = NULL;
  gboolean throttled = FALSE;

  for (int n = 0; n < 8; n++)
    {
      g_autofree char *name = g_strdup_printf ("kiosk.siswa%d", n);
      g_autofree char *id = new_user (name, "member", NULL);
      g_autoptr(LpTestResponse) in = NULL;

      for (int i = 0; i < 4; i++)
        {
          g_autoptr(LpTestResponse) typo = login_response (name, "Salah#2026x");

          assert_error (typo, 401, "unauthorized");
        }
      in = login_response (name, PASSWORD);
      lp_assert_status (in, 200);
    }
  fine = login_response ("kepala", PASSWORD);
  lp_assert_status (fine, 200);

  for (int n = 0; n < 40 && !throttled; n++)
    {
      g_autofree char *name = g_strdup_printf ("tebakan%d", n);
      g_autoptr(LpTestResponse) guess = login_response (name, "Salah#2026x");

      throttled = guess->status == 429;
      if (!throttled)
        assert_error (guess, 401, "unauthorized");
    }
  g_assert_true (throttled);
  locked = login_response ("kepala", PASSWORD);
  assert_error (locked, 429, "too_many_requests");
}

static void
test_create_admin_from_stdin (void)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(LpTestResponse) resp = NULL;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                           G_SUBPROCESS_FLAGS_STDERR_MERGE, &error,
                           g_getenv ("LENTERA_SERVER"), "--database-url",
                           lp_test_server_get_conninfo (server), "--create-admin", "kepala.cli",
                           NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, "Kepala#2026cli\n", NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  resp = login_response ("kepala.cli", "Kepala#2026cli");
  lp_assert_status (resp, 200);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     lp_test_response_object (resp), "user"), "role"), ==, "admin");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *admin_id = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  {
    /* The tests' own address is a trusted proxy: without X-Forwarded-For, it is the
     * client's address as before. */
    const char *args[] = { "--trusted-proxy=127.0.0.1", NULL };

    server = lp_test_server_start (args);
  }
  admin_id = lp_test_server_create_user (server, "kepala", PASSWORD, "admin");
  admin_token = lp_test_server_login (server, "kepala", PASSWORD);

  g_test_add_func ("/lp/auth/login", test_login_returns_token_and_user);
  g_test_add_func ("/lp/auth/login-indistinguishable", test_unknown_user_and_wrong_password_look_alike);
  g_test_add_func ("/lp/auth/register-activation", test_register_waits_for_activation);
  g_test_add_func ("/lp/auth/register-bad-input", test_register_rejects_bad_input);
  g_test_add_func ("/lp/auth/register-utf8-long", test_register_rejects_invalid_utf8_and_long_text);
  g_test_add_func ("/lp/auth/register-duplicate", test_duplicate_username_is_409);
  g_test_add_func ("/lp/auth/password-change", test_me_and_password_change_revokes_other_sessions);
  g_test_add_func ("/lp/auth/logout-expiry", test_logout_and_expiry);
  g_test_add_func ("/lp/auth/deactivation", test_deactivation_revokes_sessions);
  g_test_add_func ("/lp/auth/staff-activation", test_staff_may_only_activate_members);
  g_test_add_func ("/lp/auth/last-admin", test_last_admin_is_protected);
  g_test_add_func ("/lp/auth/users-crud-audit", test_users_crud_and_audit);
  g_test_add_func ("/lp/auth/delete-in-use", test_delete_user_with_loans_is_in_use);
  g_test_add_func ("/lp/auth/bad-ids-filters", test_bad_ids_and_filters);
  g_test_add_func ("/lp/auth/create-admin-cli", test_create_admin_from_stdin);
  g_test_add_func ("/lp/auth/throttling", test_throttling);
  g_test_add_func ("/lp/auth/long-login-input", test_long_login_input);
  g_test_add_func ("/lp/auth/concurrent-wrong-passwords", test_concurrent_wrong_passwords);
  g_test_add_func ("/lp/auth/trusted-proxy", test_trusted_proxy_address);
  /* Last: it locks the tests' address out. */
  g_test_add_func ("/lp/auth/address-counts-accounts", test_address_counts_accounts_guessed);

  status = g_test_run ();
  g_free (admin_token);
  lp_test_server_free (server);
  return status;
}
