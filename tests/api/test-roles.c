/* test-roles.c: the role matrix. Every endpoint × guest, member, staff, admin, plus an
 * expired token and the token of a deactivated user. The expected table is written here,
 * independently of the server's route table, so a wrong entry in either one fails.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-test-server.h"

#define PASSWORD "Sandi#2026a"

typedef enum
{
  ROW_PLAIN       = 0,
  ROW_FRESH_TOKEN = 1 << 0,   /* the call ends the session (logout): log in anew for it */
} RowFlags;

typedef struct
{
  const char *method;
  const char *path;   /* {member} {fresh} {unknown} are replaced */
  const char *body;   /* {name} is replaced by a fresh username */
  guint       guest, member, staff, admin;
  RowFlags    flags;
} Row;

static const Row rows[] = {
  { "GET", "/healthz", NULL, 200, 200, 200, 200 },
  { "POST", "/api/v1/auth/login", "{\"username\":\"anggota\",\"password\":\"" PASSWORD "\"}",
    200, 200, 200, 200 },
  { "POST", "/api/v1/auth/logout", NULL, 401, 204, 204, 204, ROW_FRESH_TOKEN },
  { "POST", "/api/v1/auth/register",
    "{\"username\":\"{name}\",\"password\":\"" PASSWORD "\",\"full_name\":\"Baru\"}",
    201, 201, 201, 201 },
  { "GET", "/api/v1/me", NULL, 401, 200, 200, 200 },
  { "PUT", "/api/v1/me/password",
    "{\"current_password\":\"" PASSWORD "\",\"new_password\":\"" PASSWORD "\"}",
    401, 204, 204, 204 },
  { "GET", "/api/v1/users", NULL, 401, 403, 403, 200 },
  { "POST", "/api/v1/users",
    "{\"username\":\"{name}\",\"password\":\"" PASSWORD "\",\"full_name\":\"Staf\","
    "\"role\":\"staff\"}", 401, 403, 403, 201 },
  { "GET", "/api/v1/users/{member}", NULL, 401, 403, 403, 200 },
  { "GET", "/api/v1/users/{unknown}", NULL, 401, 403, 403, 404 },
  { "PATCH", "/api/v1/users/{member}", "{\"active\":true}", 401, 403, 200, 200 },
  { "PATCH", "/api/v1/users/{member}", "{\"full_name\":\"Anggota Satu\"}", 401, 403, 403, 200 },
  { "DELETE", "/api/v1/users/{fresh}", NULL, 401, 403, 403, 204 },
  { "GET", "/api/v1/activity", NULL, 401, 403, 403, 200 },
};

static LpTestServer *server;
static char *member_id;
static guint name_counter;

static char *
fresh_name (void)
{
  return g_strdup_printf ("baru.%u", ++name_counter);
}

static char *
expand (const char *text)
{
  g_autoptr(GString) out = NULL;

  if (text == NULL)
    return NULL;
  out = g_string_new (text);
  if (strstr (text, "{member}") != NULL)
    g_string_replace (out, "{member}", member_id, 0);
  if (strstr (text, "{unknown}") != NULL)
    g_string_replace (out, "{unknown}", "00000000-0000-4000-8000-000000000000", 0);
  if (strstr (text, "{fresh}") != NULL)
    {
      g_autofree char *name = fresh_name ();
      g_autofree char *id = lp_test_server_create_user (server, name, PASSWORD, "member");
      g_string_replace (out, "{fresh}", id, 0);
    }
  if (strstr (text, "{name}") != NULL)
    {
      g_autofree char *name = fresh_name ();
      g_string_replace (out, "{name}", name, 0);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
call (const Row  *row,
      const char *username,
      const char *token)
{
  g_autofree char *path = expand (row->path);
  g_autofree char *body = expand (row->body);
  g_autofree char *fresh = NULL;
  g_autoptr(LpTestResponse) resp = NULL;

  if ((row->flags & ROW_FRESH_TOKEN) && username != NULL)
    token = fresh = lp_test_server_login (server, username, PASSWORD);
  resp = lp_test_request (server, row->method, path, token, body);
  /* Every refusal has the API's error shape. */
  if (resp->status >= 400)
    g_assert_nonnull (lp_test_response_error_code (resp));
  return resp->status;
}

static void
test_matrix (void)
{
  const char *names[] = { NULL, "anggota", "petugas", "kepala" };
  g_autofree char *member_token = lp_test_server_login (server, "anggota", PASSWORD);
  g_autofree char *staff_token = lp_test_server_login (server, "petugas", PASSWORD);
  g_autofree char *admin_token = lp_test_server_login (server, "kepala", PASSWORD);
  const char *tokens[] = { NULL, member_token, staff_token, admin_token };
  guint failures = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      guint expected[] = { rows[i].guest, rows[i].member, rows[i].staff, rows[i].admin };

      for (guint who = 0; who < 4; who++)
        {
          guint got = call (&rows[i], names[who], tokens[who]);
          if (got != expected[who])
            {
              g_test_message ("%s %s as %s: expected %u, got %u", rows[i].method, rows[i].path,
                              names[who] ? names[who] : "guest", expected[who], got);
              failures++;
            }
        }
    }
  g_assert_cmpuint (failures, ==, 0);
}

/* An expired token and the token of a deactivated account are 401 everywhere, even on
 * endpoints a guest may use: a client must learn its session is over. */
static void
test_dead_tokens (void)
{
  g_autofree char *expired_id = lp_test_server_create_user (server, "kadaluarsa", PASSWORD, "admin");
  g_autofree char *expired = lp_test_server_login (server, "kadaluarsa", PASSWORD);
  g_autofree char *inactive_id = lp_test_server_create_user (server, "nonaktif", PASSWORD, "admin");
  g_autofree char *inactive = lp_test_server_login (server, "nonaktif", PASSWORD);
  g_autofree char *sql = g_strdup_printf ("UPDATE sessions SET expires_at = now() - interval '1 s'"
                                          " WHERE user_id = '%s'", expired_id);
  g_autofree char *sql2 = g_strdup_printf ("UPDATE users SET active = false WHERE id = '%s'",
                                           inactive_id);
  const char *dead[] = { expired, inactive };
  guint failures = 0;

  g_free (lp_test_server_sql_value (server, sql));
  g_free (lp_test_server_sql_value (server, sql2));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    for (guint d = 0; d < G_N_ELEMENTS (dead); d++)
      {
        Row row = rows[i];
        guint got;

        row.flags &= ~ROW_FRESH_TOKEN;
        got = call (&row, NULL, dead[d]);
        if (got != 401)
          {
            g_test_message ("%s %s with a %s token: expected 401, got %u", row.method, row.path,
                            d == 0 ? "expired" : "deactivated", got);
            failures++;
          }
      }
  g_assert_cmpuint (failures, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = lp_test_server_start (NULL);
  member_id = lp_test_server_create_user (server, "anggota", PASSWORD, "member");
  g_free (lp_test_server_create_user (server, "petugas", PASSWORD, "staff"));
  g_free (lp_test_server_create_user (server, "kepala", PASSWORD, "admin"));

  g_test_add_func ("/lp/roles/matrix", test_matrix);
  g_test_add_func ("/lp/roles/dead-tokens", test_dead_tokens);

  status = g_test_run ();
  g_free (member_id);
  lp_test_server_free (server);
  return status;
}
