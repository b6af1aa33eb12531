/* test-health.c: the server core over real HTTP — health, error shape, limits, and a
 * database that dies and comes back.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-test-server.h"

static LpTestServer *server;

static void
test_healthz_ok (void)
{
  g_autoptr(LpTestResponse) resp = lp_test_request (server, "GET", "/healthz", NULL, NULL);
  JsonObject *obj;

  lp_assert_status (resp, 200);
  obj = lp_test_response_object (resp);
  g_assert_cmpstr (json_object_get_string_member (obj, "status"), ==, "ok");
  g_assert_cmpstr (json_object_get_string_member (obj, "database"), ==, "ok");
}

static void
test_unknown_path_is_404 (void)
{
  g_autoptr(LpTestResponse) resp = lp_test_request (server, "GET", "/api/v1/nothing-here",
                                                    NULL, NULL);

  lp_assert_status (resp, 404);
  g_assert_cmpstr (lp_test_response_error_code (resp), ==, "not_found");
}

/* Paths libsoup itself would refuse with an empty 400 (a NUL, a traversal) get the API's
 * JSON error like any unknown path. */
static void
test_malformed_paths_are_json (void)
{
  const char *paths[] = { "/api/v1/items/%00", "/api/v1/items/..%2F..%2Fetc%2Fpasswd",
                          "/api/v1/items/a%2Fb" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(LpTestResponse) resp = lp_test_request (server, "GET", paths[i], NULL, NULL);

      g_test_message ("%s", paths[i]);
      lp_assert_status (resp, 404);
      g_assert_cmpstr (lp_test_response_error_code (resp), ==, "not_found");
    }
}

static void
test_wrong_method_is_405 (void)
{
  g_autoptr(LpTestResponse) resp = lp_test_request (server, "DELETE", "/healthz", NULL, NULL);
  g_autoptr(LpTestResponse) item = lp_test_request (server, "PUT",
                                                    "/api/v1/items/00000000-0000-4000-8000-0000000000aa",
                                                    NULL, "{}");

  lp_assert_status (resp, 405);
  g_assert_cmpstr (lp_test_response_error_code (resp), ==, "method_not_allowed");
  /* The reply says what the path does take (RFC 9110 §15.5.6). */
  g_assert_cmpstr (soup_message_headers_get_one (resp->headers, "Allow"), ==, "GET");
  lp_assert_status (item, 405);
  g_assert_cmpstr (soup_message_headers_get_one (item->headers, "Allow"), ==,
                   "GET, PATCH, DELETE");
}

static void
test_body_over_limit_is_413 (void)
{
  gsize size = 2 * 1024 * 1024;
  g_autofree char *data = g_malloc (size);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(LpTestResponse) resp = NULL;
  g_autoptr(LpTestResponse) after = NULL;

  memset (data, ' ', size);
  data[0] = '{';
  data[size - 1] = '}';
  body = g_bytes_new_take (g_steal_pointer (&data), size);
  resp = lp_test_request_bytes (server, "POST", "/healthz", NULL, "application/json", body);
  lp_assert_status (resp, 413);
  g_assert_cmpstr (lp_test_response_error_code (resp), ==, "too_large");

  /* The server is still fine afterwards. */
  after = lp_test_request (server, "GET", "/healthz", NULL, NULL);
  lp_assert_status (after, 200);
}

static void
test_bad_token_is_401 (void)
{
  g_autoptr(LpTestResponse) resp = lp_test_request (server, "GET", "/healthz",
                                                    "not-a-real-token", NULL);

  lp_assert_status (resp, 401);
  g_assert_cmpstr (lp_test_response_error_code (resp), ==, "unauthorized");
}

/* Requests while the database is down get 503 within the statement timeout, and the
 * server recovers by itself once the database is back. */
static void
test_database_down_then_back (void)
{
  gint64 started;
  double seconds;
  gboolean recovered = FALSE;

  lp_test_server_stop_database (server);
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(LpTestResponse) resp = NULL;

      started = g_get_monotonic_time ();
      resp = lp_test_request (server, "GET", "/healthz", NULL, NULL);
      seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
      lp_assert_status (resp, 503);
      g_assert_cmpstr (lp_test_response_error_code (resp), ==, "unavailable");
      /* The harness sets a 2 s statement timeout; the server adds 0.5 s of grace. */
      g_assert_cmpfloat (seconds, <, 4.5);
    }

  lp_test_server_start_database (server);
  started = g_get_monotonic_time ();
  while (!recovered && g_get_monotonic_time () - started < 10 * G_USEC_PER_SEC)
    {
      g_autoptr(LpTestResponse) resp = lp_test_request (server, "GET", "/healthz", NULL, NULL);
      recovered = resp->status == 200;
      if (!recovered)
        g_usleep (100 * 1000);
    }
  g_assert_true (recovered);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = lp_test_server_start (NULL);

  g_test_add_func ("/lp/core/healthz", test_healthz_ok);
  g_test_add_func ("/lp/core/unknown-path", test_unknown_path_is_404);
  g_test_add_func ("/lp/core/wrong-method", test_wrong_method_is_405);
  g_test_add_func ("/lp/core/malformed-paths", test_malformed_paths_are_json);
  g_test_add_func ("/lp/core/body-limit", test_body_over_limit_is_413);
  g_test_add_func ("/lp/core/bad-token", test_bad_token_is_401);
  g_test_add_func ("/lp/core/database-down", test_database_down_then_back);

  status = g_test_run ();
  lp_test_server_free (server);
  return status;
}
