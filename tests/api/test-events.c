/* test-events.c: GET /api/v1/events — the real-time feed over WebSocket, fanned out
 * across two server instances on one database through LISTEN/NOTIFY.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-test-server.h"

#include "lp-db.h"

#include <stdarg.h>
#include <sys/socket.h>

#define PASSWORD       "events-test-password"
#define RESYNC         "{\"type\":\"resync\"}"
#define BURST          4000

static LpTestServer *server_a;
static LpTestServer *server_b;
static char *category_id;

/* ------------------------------------------------------------------------------------
 * SQL and users
 * ------------------------------------------------------------------------------------ */

/* Runs one statement with string parameters (NULL-terminated) on the shared database
 * and returns the first value of the first row, if any. */
static char * G_GNUC_NULL_TERMINATED
sql (const char *query,
     ...)
{
  va_list args;
  char *value;

  va_start (args, query);
  value = lp_test_server_sql_first_valist (server_a, query, args);
  va_end (args);
  return value;
}

/* Several statements in one simple-protocol PQexec (BEGIN; …; ROLLBACK). */
static void
sql_script (const char *script)
{
  PGconn *conn = PQconnectdb (lp_test_server_get_conninfo (server_a));
  PGresult *res;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexec (conn, script);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("SQL failed: %s\n%s", script, PQresultErrorMessage (res));
  PQclear (res);
  PQfinish (conn);
}

static char *
make_item (void)
{
  return sql ("INSERT INTO items (code, name, category_id, stock_total, stock_available)"
              " VALUES ('EV-' || gen_random_uuid(), 'Event item', $1, 5, 5) RETURNING id",
              category_id, NULL);
}

static void
touch_item (const char *item_id)
{
  g_free (sql ("UPDATE items SET location = 'Shelf ' || floor(random() * 100) WHERE id = $1",
               item_id, NULL));
}

static char *
make_loan (const char *user_id,
           const char *item_id)
{
  return sql ("INSERT INTO loans (user_id, item_id, quantity, start_date, due_date, purpose)"
              " VALUES ($1, $2, 1, current_date, current_date + 7, 'Events test') RETURNING id",
              user_id, item_id, NULL);
}

static char *
make_complaint (const char *reporter_id)
{
  return sql ("INSERT INTO complaints (title, reporter_id) VALUES ('Broken', $1) RETURNING id",
              reporter_id, NULL);
}

/* A new active user; returns a token and, when asked, the user id. */
static char *
make_user (const char  *role,
           char       **user_id)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("ev-%s-%u", role, ++counter);
  g_autofree char *id = lp_test_server_create_user (server_a, name, PASSWORD, role);

  if (user_id != NULL)
    *user_id = g_steal_pointer (&id);
  return lp_test_server_login (server_a, name, PASSWORD);
}

/* ------------------------------------------------------------------------------------
 * The main loop
 * ------------------------------------------------------------------------------------ */

typedef gboolean (*Predicate) (gpointer data);

static gboolean
keep_going (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the default main context until done says so or the time is up. */
static gboolean
spin_until (Predicate  done,
            gpointer   data,
            double     seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  g_autoptr(GSource) tick = g_timeout_source_new (5);

  g_source_set_callback (tick, keep_going, NULL, NULL);
  g_source_attach (tick, NULL);
  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_destroy (tick);
  return done (data);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* ------------------------------------------------------------------------------------
 * WebSocket clients (libsoup)
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  SoupSession             *session;
  SoupWebsocketConnection *ws;
  GPtrArray               *messages;
  guint                    status;
  gboolean                 done;
  gboolean                 closed;
  gushort                  close_code;
} EventClient;

static void
on_message (SoupWebsocketConnection *ws,
            SoupWebsocketDataType    type,
            GBytes                  *message,
            EventClient             *client)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (message, &size);

  g_ptr_array_add (client->messages, g_strndup (data, size));
}

static void
on_closed (SoupWebsocketConnection *ws,
           EventClient             *client)
{
  client->closed = TRUE;
  client->close_code = soup_websocket_connection_get_close_code (ws);
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  EventClient *client = data;

  client->ws = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, NULL);
  client->done = TRUE;
  if (client->ws == NULL)
    return;
  g_signal_connect (client->ws, "message", G_CALLBACK (on_message), client);
  g_signal_connect (client->ws, "closed", G_CALLBACK (on_closed), client);
}

static gboolean
client_done (gpointer data)
{
  return ((EventClient *) data)->done;
}

static gboolean
client_closed (gpointer data)
{
  return ((EventClient *) data)->closed;
}

/* Connects to a port with an optional header (name: value) and query string; on
 * refusal ws is NULL and status holds the HTTP status. */
static EventClient *
open_port (guint       port,
           const char *header,
           const char *value,
           const char *query)
{
  EventClient *client = g_new0 (EventClient, 1);
  g_autofree char *url = g_strdup_printf ("ws://127.0.0.1:%u/api/v1/events%s%s", port,
                                          query != NULL ? "?" : "", query != NULL ? query : "");
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

  client->session = soup_session_new ();
  client->messages = g_ptr_array_new_with_free_func (g_free);
  if (header != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), header, value);
  soup_session_websocket_connect_async (client->session, msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                        NULL, on_connected, client);
  g_assert_true (spin_until (client_done, client, 10));
  client->status = soup_message_get_status (msg);
  return client;
}

/* Connects with an optional Authorization header and query string. */
static EventClient *
open_raw (LpTestServer *server,
          const char   *authorization,
          const char   *query)
{
  return open_port (lp_test_server_get_port (server),
                    authorization != NULL ? "Authorization" : NULL, authorization, query);
}

static EventClient *
open_client (LpTestServer *server,
             const char   *token)
{
  g_autofree char *authorization = token != NULL ? g_strconcat ("Bearer ", token, NULL) : NULL;
  EventClient *client = open_raw (server, authorization, NULL);

  g_assert_nonnull (client->ws);
  return client;
}

static void
close_client (EventClient *client)
{
  if (client->ws != NULL)
    {
      if (soup_websocket_connection_get_state (client->ws) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (client->ws, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      spin_until (client_closed, client, 10);
      g_signal_handlers_disconnect_by_data (client->ws, client);
      g_object_unref (client->ws);
    }
  g_object_unref (client->session);
  g_ptr_array_unref (client->messages);
  g_free (client);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EventClient, close_client)

static guint
count_text (EventClient *client,
            const char  *text)
{
  guint n = 0;

  for (guint i = 0; i < client->messages->len; i++)
    if (g_str_equal (g_ptr_array_index (client->messages, i), text))
      n++;
  return n;
}

static guint
count_mentions (EventClient *client,
                const char  *id)
{
  guint n = 0;

  for (guint i = 0; i < client->messages->len; i++)
    if (strstr (g_ptr_array_index (client->messages, i), id) != NULL)
      n++;
  return n;
}

typedef struct
{
  EventClient *client;
  char        *text;
  guint        count;
} Expectation;

static gboolean
expectation_met (gpointer data)
{
  Expectation *e = data;

  return count_text (e->client, e->text) >= e->count;
}

/* Waits until the client has received the message {"type": type, "id": id} count
 * times in all. */
static gboolean
wait_for_n (EventClient *client,
            const char  *type,
            const char  *id,
            guint        count,
            double       seconds)
{
  g_autofree char *text = g_strdup_printf ("{\"type\":\"%s\",\"id\":\"%s\"}", type, id);
  Expectation e = { client, text, count };

  return spin_until (expectation_met, &e, seconds);
}

static gboolean
wait_for (EventClient *client,
          const char  *type,
          const char  *id,
          double       seconds)
{
  return wait_for_n (client, type, id, 1, seconds);
}

/* The listener of each instance connects in the background after start-up: poke an
 * item until a client of that instance sees it. */
static void
wait_until_listening (LpTestServer *server)
{
  g_autoptr(EventClient) client = open_client (server, NULL);
  g_autofree char *item = make_item ();
  gboolean seen = FALSE;

  for (int i = 0; i < 100 && !seen; i++)
    {
      touch_item (item);
      seen = wait_for (client, "item.changed", item, 0.1);
    }
  g_assert_true (seen);
}

/* ------------------------------------------------------------------------------------
 * Tests
 * ------------------------------------------------------------------------------------ */

/* A loan requested through instance B reaches a client of instance A within a second
 * (and B's own clients too). */
static void
test_cross_instance (void)
{
  g_autofree char *member_id = NULL;
  g_autofree char *member = make_user ("member", &member_id);
  g_autofree char *staff = make_user ("staff", NULL);
  g_autofree char *item = make_item ();
  g_autofree char *start = sql ("SELECT library_today()", NULL);
  g_autofree char *due = sql ("SELECT library_today() + 2", NULL);
  g_autofree char *body = NULL;
  g_autofree char *loan = NULL;
  g_autoptr(EventClient) on_a = open_client (server_a, staff);
  g_autoptr(EventClient) on_b = open_client (server_b, staff);
  g_autoptr(LpTestResponse) resp = NULL;
  gint64 started;

  body = g_strdup_printf ("{\"item_id\":\"%s\",\"quantity\":1,\"start_date\":\"%s\","
                          "\"due_date\":\"%s\",\"purpose\":\"Events test\"}", item, start, due);
  started = g_get_monotonic_time ();
  resp = lp_test_request (server_b, "POST", "/api/v1/loans", member, body);
  if (resp->status == 201)
    loan = g_strdup (json_object_get_string_member (lp_test_response_object (resp), "id"));
  else
    {
      /* The loans API belongs to another change; without it, write the row ourselves. */
      g_test_message ("POST /api/v1/loans answered %u; inserting the loan with SQL",
                      resp->status);
      started = g_get_monotonic_time ();
      loan = make_loan (member_id, item);
    }
  g_assert_true (wait_for (on_a, "loan.changed", loan, 1.0));
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC);
  g_assert_true (wait_for (on_b, "loan.changed", loan, 1.0));
}

/* A rolled-back change announces nothing; the committed change after it does. */
static void
test_rollback_sends_nothing (void)
{
  g_autofree char *member_id = NULL;
  g_autofree char *member = make_user ("member", &member_id);
  g_autofree char *staff = make_user ("staff", NULL);
  g_autofree char *item = make_item ();
  g_autofree char *sentinel = make_item ();
  g_autofree char *script = NULL;
  g_autoptr(EventClient) client = open_client (server_a, staff);

  script = g_strdup_printf ("BEGIN;"
                            " UPDATE items SET location = 'Nowhere' WHERE id = '%s';"
                            " INSERT INTO loans (user_id, item_id, quantity, start_date,"
                            "   due_date, purpose) VALUES ('%s', '%s', 1, current_date,"
                            "   current_date, 'Never');"
                            " INSERT INTO complaints (title, reporter_id) VALUES ('Never', '%s');"
                            " ROLLBACK;",
                            item, member_id, item, member_id);
  /* The set-up's own item events may still be on their way: let them land, then forget
   * them, so only what follows the rollback is counted. */
  spin_until (never, NULL, 0.3);
  g_ptr_array_set_size (client->messages, 0);

  sql_script (script);
  touch_item (sentinel);
  g_assert_true (wait_for (client, "item.changed", sentinel, 1.0));
  /* Give a stray event time to show up after the sentinel, too. */
  spin_until (never, NULL, 0.3);
  g_assert_cmpuint (client->messages->len, ==, 1);
  g_assert_cmpuint (count_mentions (client, item), ==, 0);
}

/* Members see items and their own loans and complaints; staff everything; guests items
 * only. The member's token comes in the query string, as a browser would send it. */
static void
test_visibility (void)
{
  g_autofree char *m1_id = NULL, *m2_id = NULL;
  g_autofree char *m1 = make_user ("member", &m1_id);
  g_autofree char *m2 = make_user ("member", &m2_id);
  g_autofree char *staff = make_user ("staff", NULL);
  g_autofree char *item = make_item ();
  g_autofree char *query = g_strconcat ("access_token=", m1, NULL);
  g_autoptr(EventClient) member = open_raw (server_a, NULL, query);
  g_autoptr(EventClient) desk = open_client (server_a, staff);
  g_autoptr(EventClient) guest = open_client (server_a, NULL);
  g_autofree char *other_loan = make_loan (m2_id, item);
  g_autofree char *other_complaint = make_complaint (m2_id);
  g_autofree char *own_loan = make_loan (m1_id, item);
  g_autofree char *own_complaint = make_complaint (m1_id);
  g_autofree char *system = sql ("INSERT INTO complaints (title, is_system)"
                                 " VALUES ('Lost', true) RETURNING id", NULL);

  g_assert_nonnull (member->ws);
  touch_item (item);
  g_assert_true (wait_for (member, "item.changed", item, 1.0));
  g_assert_true (wait_for (desk, "item.changed", item, 1.0));
  g_assert_true (wait_for (guest, "item.changed", item, 1.0));

  g_assert_cmpuint (count_mentions (member, own_loan), ==, 1);
  g_assert_cmpuint (count_mentions (member, own_complaint), ==, 1);
  g_assert_cmpuint (count_mentions (member, other_loan), ==, 0);
  g_assert_cmpuint (count_mentions (member, other_complaint), ==, 0);
  g_assert_cmpuint (count_mentions (member, system), ==, 0);

  g_assert_true (wait_for (desk, "loan.changed", other_loan, 0.1));
  g_assert_true (wait_for (desk, "loan.changed", own_loan, 0.1));
  g_assert_true (wait_for (desk, "complaint.changed", other_complaint, 0.1));
  g_assert_true (wait_for (desk, "complaint.changed", own_complaint, 0.1));
  g_assert_true (wait_for (desk, "complaint.changed", system, 0.1));

  g_assert_cmpuint (guest->messages->len, ==, 1);
}

static void
assert_refused (const char *authorization,
                const char *query,
                guint       status)
{
  g_autoptr(EventClient) client = open_raw (server_a, authorization, query);

  g_assert_null (client->ws);
  g_assert_cmpuint (client->status, ==, status);
}

/* Bad, malformed and ended tokens are refused before the upgrade; what is not a
 * handshake gets the API's error shape. */
static void
test_refusals (void)
{
  g_autofree char *member = make_user ("member", NULL);
  g_autofree char *bearer = g_strconcat ("Bearer ", member, NULL);
  g_autoptr(LpTestResponse) plain = NULL;
  g_autoptr(LpTestResponse) post = NULL;
  g_autoptr(LpTestResponse) below = NULL;
  g_autoptr(LpTestResponse) logout = NULL;

  assert_refused ("Bearer not-a-real-token", NULL, 401);
  assert_refused (NULL, "access_token=not-a-real-token", 401);
  assert_refused (NULL, "access_token=", 401);
  assert_refused ("Basic dXNlcjpwYXNz", NULL, 401);

  plain = lp_test_request (server_a, "GET", "/api/v1/events", NULL, NULL);
  lp_assert_status (plain, 400);
  g_assert_cmpstr (lp_test_response_error_code (plain), ==, "bad_request");
  post = lp_test_request (server_a, "POST", "/api/v1/events", NULL, "{}");
  lp_assert_status (post, 405);
  below = lp_test_request (server_a, "GET", "/api/v1/events/more", NULL, NULL);
  lp_assert_status (below, 404);

  logout = lp_test_request (server_a, "POST", "/api/v1/auth/logout", member, NULL);
  lp_assert_status (logout, 204);
  assert_refused (bearer, NULL, 401);
}

/* A session that ends while connected closes the feed with 4401 (the test servers
 * check every second). */
static void
test_session_ended (void)
{
  g_autofree char *member = make_user ("member", NULL);
  g_autoptr(EventClient) client = open_client (server_a, member);
  g_autoptr(LpTestResponse) logout = NULL;

  logout = lp_test_request (server_b, "POST", "/api/v1/auth/logout", member, NULL);
  lp_assert_status (logout, 204);
  g_assert_true (spin_until (client_closed, client, 5));
  g_assert_cmpuint (client->close_code, ==, 4401);
}

/* A raw client with a tiny receive buffer that stops reading after the handshake. */
static GSocket *
connect_stalled (const char *token)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GString) response = g_string_new (NULL);
  g_autofree char *request = NULL;

  address = g_inet_socket_address_new (loopback, (guint16) lp_test_server_get_port (server_a));
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  g_socket_set_option (socket, SOL_SOCKET, SO_RCVBUF, 4096, &error);
  g_assert_no_error (error);
  g_socket_connect (socket, address, NULL, &error);
  g_assert_no_error (error);
  g_socket_set_timeout (socket, 20);
  request = g_strdup_printf ("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                             "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                             "Sec-WebSocket-Version: 13\r\nAuthorization: Bearer %s\r\n\r\n",
                             token);
  g_assert_cmpint (g_socket_send (socket, request, strlen (request), NULL, &error), ==,
                   (gssize) strlen (request));
  while (!g_str_has_suffix (response->str, "\r\n\r\n"))
    {
      char c;
      g_assert_cmpint (g_socket_receive (socket, &c, 1, NULL, &error), ==, 1);
      g_string_append_c (response, c);
    }
  g_assert_true (g_str_has_prefix (response->str, "HTTP/1.1 101"));
  return g_steal_pointer (&socket);
}

/* Reads server frames until a close frame; returns its code (0 at end of stream) and
 * counts the text frames before it. */
static guint
read_until_close (GSocket *socket,
                  guint   *n_text)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  guint8 chunk[65536];
  gsize pos = 0;

  *n_text = 0;
  for (;;)
    {
      gssize n;

      while (buffer->len - pos >= 2)
        {
          const guint8 *f = buffer->data + pos;
          gsize len = f[1] & 0x7f, header = 2;

          g_assert_cmpuint (f[1] & 0x80, ==, 0);   /* servers do not mask */
          if (len == 126 && buffer->len - pos >= 4)
            len = ((gsize) f[2] << 8) | f[3], header = 4;
          else if (len >= 126)
            break;
          if (buffer->len - pos < header + len)
            break;
          if ((f[0] & 0x0f) == 0x1)
            (*n_text)++;
          if ((f[0] & 0x0f) == 0x8)
            return len >= 2 ? ((guint) f[header] << 8) | f[header + 1] : 1005;
          pos += header + len;
        }
      n = g_socket_receive (socket, (char *) chunk, sizeof chunk, NULL, &error);
      g_assert_no_error (error);
      if (n == 0)
        return 0;
      g_byte_array_append (buffer, chunk, (guint) n);
    }
}

/* A client that stops reading is closed with 1008 once its backlog is full; the others
 * are not held up. */
static void
test_slow_client_dropped (void)
{
  g_autofree char *member_id = NULL;
  g_autofree char *member = make_user ("member", &member_id);
  g_autofree char *staff = make_user ("staff", NULL);
  g_autofree char *item = make_item ();
  g_autofree char *burst = g_strdup_printf ("%d", BURST);
  g_autoptr(GSocket) stalled = connect_stalled (staff);
  g_autoptr(EventClient) guest = open_client (server_a, NULL);
  guint n_text = 0;

  /* BURST complaint events: the staff client must take them all, the guest none. */
  g_free (sql ("INSERT INTO complaints (title, reporter_id)"
               " SELECT 'Burst ' || n, $1 FROM generate_series(1, $2::int) AS n",
               member_id, burst, NULL));
  touch_item (item);
  g_assert_true (wait_for (guest, "item.changed", item, 10));
  g_assert_false (guest->closed);

  g_assert_cmpuint (read_until_close (stalled, &n_text), ==, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION);
  g_assert_cmpuint (n_text, <, BURST);
  g_test_message ("the stalled client got %u of %d events before it was closed", n_text, BURST);
}

/* The listener reconnects after the database comes back, tells clients to reload, and
 * delivers again. */
static void
test_database_restart (void)
{
  g_autoptr(EventClient) client = open_client (server_a, NULL);
  g_autofree char *item = NULL;
  Expectation resync = { client, (char *) RESYNC, 1 };

  lp_test_server_stop_database (server_a);
  spin_until (never, NULL, 0.3);
  lp_test_server_start_database (server_a);
  g_assert_true (spin_until (expectation_met, &resync, 15));
  g_assert_false (client->closed);
  item = make_item ();
  g_assert_true (wait_for (client, "item.changed", item, 1.0));
}

/* Behind a trusted proxy the feed's access log names the client the proxy names, as
 * the HTTP path's log does, for an upgrade and for a refusal alike. */
static void
test_access_log_address (void)
{
  g_autofree char *url = NULL;
  const char *args[] = { "--port=0", "--database-url", lp_test_server_get_conninfo (server_a),
                         "--trusted-proxy=127.0.0.1", NULL };
  g_autoptr(GDataInputStream) log = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EventClient) client = NULL;
  g_autofree char *line = NULL;
  guint port = 0, n_lines = 0;

  proc = lp_test_spawn_server_logged (args, &port, &log, &error);
  g_assert_no_error (error);
  client = open_port (port, "X-Forwarded-For", "203.0.113.9", NULL);
  g_assert_nonnull (client->ws);
  /* Not a handshake: refused with 400, and logged too. */
  url = g_strdup_printf ("http://127.0.0.1:%u/api/v1/events", port);
  msg = soup_message_new ("GET", url);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Forwarded-For",
                                "198.51.100.1, 203.0.113.10");
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 400);

  soup_websocket_connection_close (client->ws, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_assert_true (spin_until (client_closed, client, 10));
  g_subprocess_send_signal (proc, SIGTERM);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);

  while ((line = g_data_input_stream_read_line (log, NULL, NULL, &error)) != NULL)
    {
      if (strstr (line, "path=/api/v1/events") != NULL)
        {
          g_test_message ("%s", line);
          if (strstr (line, "status=101") != NULL)
            g_assert_nonnull (strstr (line, " ip=203.0.113.9 "));
          else
            g_assert_nonnull (strstr (line, " ip=203.0.113.10 "));
          n_lines++;
        }
      g_clear_pointer (&line, g_free);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_lines, ==, 2);
}

/* Stopping an instance closes its feeds (1001) and still exits cleanly, also when a
 * client does not answer the close: this test does not run its main loop meanwhile. */
static void
test_shutdown_with_clients (void)
{
  LpTestServer *server_c = lp_test_server_start_another (server_a);
  g_autoptr(EventClient) client = NULL;

  wait_until_listening (server_c);
  client = open_client (server_c, NULL);
  lp_test_server_free (server_c);   /* asserts exit status 0: no crash, no leak */
  g_assert_true (spin_until (client_closed, client, 10));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("LENTERA_EVENTS_RECHECK_SECONDS", "1", TRUE);
  server_a = lp_test_server_start (NULL);
  server_b = lp_test_server_start_another (server_a);
  category_id = sql ("INSERT INTO categories (name) VALUES ('Events test') RETURNING id", NULL);
  wait_until_listening (server_a);
  wait_until_listening (server_b);

  g_test_add_func ("/lp/events/cross-instance", test_cross_instance);
  g_test_add_func ("/lp/events/rollback-sends-nothing", test_rollback_sends_nothing);
  g_test_add_func ("/lp/events/visibility", test_visibility);
  g_test_add_func ("/lp/events/refusals", test_refusals);
  g_test_add_func ("/lp/events/session-ended", test_session_ended);
  g_test_add_func ("/lp/events/slow-client-dropped", test_slow_client_dropped);
  g_test_add_func ("/lp/events/shutdown-with-clients", test_shutdown_with_clients);
  g_test_add_func ("/lp/events/access-log-address", test_access_log_address);
  g_test_add_func ("/lp/events/database-restart", test_database_restart);
  status = g_test_run ();

  g_free (category_id);
  lp_test_server_free (server_b);
  lp_test_server_free (server_a);
  return status;
}
