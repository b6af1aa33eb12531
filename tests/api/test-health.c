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

/* Reads one reply from the stream: the status line and headers, then the body its
 * Content-Length announces. */
static LpTestResponse *
read_reply (GInputStream *in)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  LpTestResponse *resp = g_new0 (LpTestResponse, 1);
  const char *end = NULL;
  gsize head = 0;
  goffset length;
  guint8 chunk[4096];

  while (end == NULL)
    {
      gssize n = g_input_stream_read (in, chunk, sizeof chunk, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (n, >, 0);
      g_byte_array_append (data, chunk, (guint) n);
      end = g_strstr_len ((const char *) data->data, (gssize) data->len, "\r\n\r\n");
    }
  head = (gsize) (end - (const char *) data->data) + 4;
  resp->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_assert_true (soup_headers_parse_response ((const char *) data->data, (int) head,
                                              resp->headers, NULL, &resp->status, NULL));
  length = soup_message_headers_get_content_length (resp->headers);
  while (data->len < head + (gsize) length)
    {
      gssize n = g_input_stream_read (in, chunk, sizeof chunk, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (n, >, 0);
      g_byte_array_append (data, chunk, (guint) n);
    }
  g_assert_cmpuint (data->len, ==, head + (gsize) length);
  resp->body = g_bytes_new (data->data + head, (gsize) length);
  resp->content_type = g_strdup (soup_message_headers_get_content_type (resp->headers, NULL));
  if (g_strcmp0 (resp->content_type, "application/json") == 0)
    {
      g_autofree char *text = g_strndup ((const char *) data->data + head, (gsize) length);

      resp->json = json_from_string (text, &error);
      g_assert_no_error (error);
    }
  return resp;
}

static GSocketConnection *
connect_raw (void)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  GSocketConnection *conn;

  conn = g_socket_client_connect_to_host (client, "127.0.0.1",
                                          (guint16) lp_test_server_get_port (server), NULL,
                                          &error);
  g_assert_no_error (error);
  return conn;
}

static void
send_raw (GSocketConnection *conn,
          const char        *request)
{
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (conn)), request,
                             strlen (request), NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Requests libsoup cannot read at all (a bad percent escape, no Host, a broken request
 * line) and answers itself, before any handler: the API's JSON 400 all the same, and
 * the connection closes. */
static void
test_unreadable_requests_are_json (void)
{
  const char *requests[] = {
    "GET /api/v1/items/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    "GET /api/v1/items/%2 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    "POST /api/v1/loans/%zz/approve HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n",
    "GET /healthz HTTP/1.1\r\n\r\n",
    "GET /healthz\r\nHost: 127.0.0.1\r\n\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    {
      g_autoptr(GSocketConnection) conn = connect_raw ();
      g_autoptr(LpTestResponse) resp = NULL;
      g_autoptr(GError) error = NULL;
      guint8 byte;

      g_test_message ("%s", requests[i]);
      send_raw (conn, requests[i]);
      resp = read_reply (g_io_stream_get_input_stream (G_IO_STREAM (conn)));
      lp_assert_status (resp, 400);
      g_assert_cmpstr (resp->content_type, ==, "application/json");
      g_assert_cmpstr (lp_test_response_error_code (resp), ==, "bad_request");
      g_assert_cmpint (g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (conn)),
                                            &byte, 1, NULL, &error), ==, 0);
      g_assert_no_error (error);
    }
}

/* The replies to requests libsoup could read carry only their own body: on one
 * connection, a 404, a 404 for "OPTIONS *" (no default handler gets it), a 200 and a 405,
 * then an unreadable request. (The early handler's 413 is test_body_over_limit_is_413.) */
static void
test_readable_requests_keep_their_reply (void)
{
  g_autoptr(GSocketConnection) conn = connect_raw ();
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (conn));
  struct { const char *request; guint status; const char *code; } steps[] = {
    { "GET /api/v1/nothing-here HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 404, "not_found" },
    { "OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 404, "not_found" },
    { "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 200, NULL },
    { "DELETE /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 405, "method_not_allowed" },
    { "GET /api/v1/items/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 400, "bad_request" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(LpTestResponse) resp = NULL;

      g_test_message ("%s", steps[i].request);
      send_raw (conn, steps[i].request);
      resp = read_reply (in);
      lp_assert_status (resp, steps[i].status);
      if (steps[i].code != NULL)
        g_assert_cmpstr (lp_test_response_error_code (resp), ==, steps[i].code);
      else
        g_assert_cmpstr (json_object_get_string_member (lp_test_response_object (resp),
                                                        "status"), ==, "ok");
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
  g_test_add_func ("/lp/core/unreadable-requests", test_unreadable_requests_are_json);
  g_test_add_func ("/lp/core/readable-keep-their-reply", test_readable_requests_keep_their_reply);
  g_test_add_func ("/lp/core/body-limit", test_body_over_limit_is_413);
  g_test_add_func ("/lp/core/bad-token", test_bad_token_is_401);
  g_test_add_func ("/lp/core/database-down", test_database_down_then_back);

  status = g_test_run ();
  lp_test_server_free (server);
  return status;
}
