/* test-kiosks.c: self-service kiosks — an admin registers one and sees its device key
 * once; a login with the key is a kiosk session (members only, short, named in the log);
 * revoking the kiosk ends its sessions.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-loan-fixtures.h"

static LpTestServer *server;
static LpLoanWorld *world;

/* Registers a kiosk; returns its id and fills @key (transfer full). */
static char *
register_kiosk (const char  *name,
                char       **key)
{
  g_autofree char *body = g_strdup_printf ("{\"name\":\"%s\",\"location\":\"Perpustakaan\"}", name);
  g_autoptr(LpTestResponse) resp = lp_test_request (server, "POST", "/api/v1/kiosks",
                                                    world->admin, body);

  lp_assert_status (resp, 201);
  *key = g_strdup (lp_json_str (resp, "device_key"));
  g_assert_cmpuint (strlen (*key), >=, 40);
  return g_strdup (lp_json_str (resp, "id"));
}

static LpTestResponse *
kiosk_login (const char *username,
             const char *key)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\","
                                           "\"kiosk_key\":\"%s\"}",
                                           username, LP_FIXTURE_PASSWORD, key);

  return lp_test_request (server, "POST", "/api/v1/auth/login", NULL, body);
}

static char *
sql (const char *query,
     const char *param)
{
  return lp_loan_world_sql (world, query, param, NULL);
}

/* Whether @text appears in the reply's body. */
static gboolean
body_contains (LpTestResponse *resp,
               const char     *text)
{
  g_autofree char *body = g_strndup (g_bytes_get_data (resp->body, NULL),
                                     g_bytes_get_size (resp->body));

  return strstr (body, text) != NULL;
}

/* Why a kiosk login was refused: the error's "reason", which the kiosk explains. */
static const char *
reason (LpTestResponse *resp)
{
  JsonObject *error = json_object_get_object_member (lp_test_response_object (resp), "error");

  return json_object_get_string_member_with_default (error, "reason", NULL);
}

/* Only admins register and list kiosks; the key is in the reply once, stored hashed. */
static void
test_register_roles_and_key (void)
{
  const char *tokens[] = { NULL, world->member, world->staff };
  const guint expected[] = { 401, 403, 403 };
  g_autofree char *key = NULL;
  g_autofree char *id = register_kiosk ("Kios Lobi", &key);
  g_autofree char *stored = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/kiosks/%s", id);
  g_autoptr(LpTestResponse) one = NULL;
  g_autoptr(LpTestResponse) list = NULL;
  g_autoptr(LpTestResponse) blank = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_autoptr(LpTestResponse) resp = lp_test_request (server, "POST", "/api/v1/kiosks",
                                                        tokens[i], "{\"name\":\"X\"}");
      g_autoptr(LpTestResponse) listed = lp_test_request (server, "GET", "/api/v1/kiosks",
                                                          tokens[i], NULL);

      lp_assert_status (resp, expected[i]);
      lp_assert_status (listed, expected[i]);
    }
  stored = sql ("SELECT encode(key_hash, 'hex') FROM kiosks WHERE id = $1", id);
  g_assert_cmpuint (strlen (stored), ==, 64);
  g_assert_null (strstr (stored, key));
  one = lp_test_request (server, "GET", path, world->admin, NULL);
  lp_assert_status (one, 200);
  g_assert_cmpstr (lp_json_str (one, "name"), ==, "Kios Lobi");
  g_assert_cmpstr (lp_json_str (one, "location"), ==, "Perpustakaan");
  g_assert_false (json_object_has_member (lp_test_response_object (one), "device_key"));
  list = lp_test_request (server, "GET", "/api/v1/kiosks", world->admin, NULL);
  lp_assert_status (list, 200);
  g_assert_false (body_contains (list, key));
  blank = lp_test_request (server, "POST", "/api/v1/kiosks", world->admin, "{\"name\":\"  \"}");
  lp_assert_error (blank, 422, "validation_failed");
}

/* A member signs in at the kiosk: the session lives the idle time plus a margin, not
 * hours, and the log names the kiosk. Staff and admins are refused there. */
static void
test_kiosk_session (void)
{
  g_autofree char *key = NULL;
  g_autofree char *id = register_kiosk ("Kios Lantai 2", &key);
  g_autofree char *staff_name = g_strdup_printf ("%s.staff", "ks");
  g_autofree char *member_name = g_strdup_printf ("%s.member", "ks");
  g_autoptr(LpTestResponse) member = kiosk_login (member_name, key);
  g_autoptr(LpTestResponse) staff = kiosk_login (staff_name, key);
  g_autoptr(LpTestResponse) admin = kiosk_login ("ks.admin", key);
  g_autoptr(LpTestResponse) wrong = kiosk_login (member_name, "not-a-kiosk-key");
  g_autoptr(LpTestResponse) me = NULL;
  g_autofree char *seconds = NULL;
  g_autofree char *kiosk_named = NULL;
  JsonObject *kiosk;

  lp_assert_status (member, 200);
  kiosk = json_object_get_object_member (lp_test_response_object (member), "kiosk");
  g_assert_cmpstr (json_object_get_string_member (kiosk, "name"), ==, "Kios Lantai 2");
  /* 120 s idle (the default) + 600 s margin. */
  seconds = sql ("SELECT round(extract(epoch FROM expires_at - created_at))::int FROM sessions"
                 " WHERE kiosk_id = $1", id);
  g_assert_cmpstr (seconds, ==, "720");
  me = lp_test_request (server, "GET", "/api/v1/me", lp_json_str (member, "token"), NULL);
  lp_assert_status (me, 200);
  kiosk_named = sql ("SELECT new_data->'kiosk'->>'name' FROM activity_log"
                     " WHERE action = 'auth.login' AND new_data->'kiosk'->>'id' = $1", id);
  g_assert_cmpstr (kiosk_named, ==, "Kios Lantai 2");

  lp_assert_error (staff, 403, "forbidden");
  g_assert_cmpstr (reason (staff), ==, "members_only");
  lp_assert_error (admin, 403, "forbidden");
  lp_assert_error (wrong, 401, "unauthorized");
  g_assert_cmpstr (reason (wrong), ==, "unknown_kiosk");
}

/* Revoking the kiosk ends the sessions it started and refuses its key from then on;
 * sessions elsewhere go on. */
static void
test_revoke (void)
{
  g_autofree char *key = NULL;
  g_autofree char *id = register_kiosk ("Kios Lama", &key);
  g_autofree char *path = g_strdup_printf ("/api/v1/kiosks/%s", id);
  g_autoptr(LpTestResponse) member = kiosk_login ("ks.other", key);
  g_autoptr(LpTestResponse) staff_revoke = NULL;
  g_autoptr(LpTestResponse) revoke = NULL;
  g_autoptr(LpTestResponse) again = NULL;
  g_autoptr(LpTestResponse) me = NULL;
  g_autoptr(LpTestResponse) desk = NULL;
  g_autoptr(LpTestResponse) refused = NULL;
  g_autoptr(LpTestResponse) shown = NULL;

  lp_assert_status (member, 200);
  staff_revoke = lp_test_request (server, "DELETE", path, world->staff, NULL);
  lp_assert_status (staff_revoke, 403);
  revoke = lp_test_request (server, "DELETE", path, world->admin, NULL);
  lp_assert_status (revoke, 204);
  again = lp_test_request (server, "DELETE", path, world->admin, NULL);
  lp_assert_status (again, 204);
  me = lp_test_request (server, "GET", "/api/v1/me", lp_json_str (member, "token"), NULL);
  lp_assert_error (me, 401, "unauthorized");
  desk = lp_test_request (server, "GET", "/api/v1/me", world->other, NULL);
  lp_assert_status (desk, 200);
  refused = kiosk_login ("ks.other", key);
  lp_assert_error (refused, 401, "unauthorized");
  shown = lp_test_request (server, "GET", path, world->admin, NULL);
  g_assert_nonnull (lp_json_str (shown, "revoked_at"));
}

static void
test_unknown_kiosk (void)
{
  g_autoptr(LpTestResponse) missing = lp_test_request (server, "DELETE",
                                                       "/api/v1/kiosks/00000000-0000-0000-0000-000000000000",
                                                       world->admin, NULL);
  g_autoptr(LpTestResponse) bad = lp_test_request (server, "GET", "/api/v1/kiosks/nope",
                                                   world->admin, NULL);

  lp_assert_error (missing, 404, "not_found");
  lp_assert_status (bad, 404);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = lp_test_server_start (NULL);
  world = lp_loan_world_new (server, "ks");

  g_test_add_func ("/lp/kiosks/register", test_register_roles_and_key);
  g_test_add_func ("/lp/kiosks/session", test_kiosk_session);
  g_test_add_func ("/lp/kiosks/revoke", test_revoke);
  g_test_add_func ("/lp/kiosks/unknown", test_unknown_kiosk);

  status = g_test_run ();
  lp_loan_world_free (world);
  lp_test_server_free (server);
  return status;
}
