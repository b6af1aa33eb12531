/* lp-events.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-events"

#include "config.h"

#include "lp-events.h"

#include "lp-error.h"
#include "lp-json.h"
#include "lp-request.h"
#include "lp-sessions.h"
#include "lp-validation.h"

#include <glib-unix.h>
#include <string.h>
#include <sys/socket.h>

#define AUTH_KEY            "lp-events-auth"
#define KEEPALIVE_SECONDS   30
#define MAX_INCOMING_BYTES  1024
#define SEND_BUFFER_BYTES   (64 * 1024)
#define RETRY_FIRST_MS      100
#define RETRY_MAX_MS        2000
#define RECHECK_SECONDS     60
#define CLOSE_WAIT_MS       2000
#define HEARTBEAT_SECONDS   5
#define HEARTBEAT_GRACE_MS  500

/* Who is on the other end of a handshake; attached to the message until the upgrade. */
typedef struct
{
  gint64  started_us;
  char   *token_hash;   /* NULL for a guest */
  char   *user_id;
  char   *username;
  LpRole  role;
} Auth;

typedef struct
{
  LpEventHub              *hub;      /* not owned: the hub frees its clients */
  SoupWebsocketConnection *ws;
  GPollableOutputStream   *output;   /* the connection's own */
  GQueue                   backlog;  /* GBytes the socket had no room for yet */
  GSource                 *writable; /* set while the backlog is not empty */
  Auth                    *auth;
} Client;

struct _LpEventHub
{
  GObject       parent_instance;

  char         *conninfo;
  LpDbPool     *pool;          /* not owned; outlives the hub's last job */
  int           statement_timeout_ms;
  int           connect_timeout_s;
  GStrv         trusted_proxies;   /* for the access log's client address */
  GMainContext *context;
  gboolean      stopping;

  GHashTable   *clients;       /* Client* set, owned */

  /* The listening connection: at most one of connect_thread, listen_conn, retry_id. */
  GThread      *connect_thread;
  PGconn       *listen_conn;
  guint         listen_watch;
  guint         retry_id;
  guint         retry_ms;
  gboolean      reported_down;

  /* A query on the listening connection now and then: a database that stalls (or a
   * network that drops it silently) sends no notification and no error, so silence
   * alone would keep a dead listener, and the reply cache with it, forever. */
  guint         heartbeat_id;
  guint         heartbeat_seconds;
  guint         heartbeat_deadline_id;   /* set while a heartbeat awaits its answer */

  guint         recheck_id;
  guint         recheck_seconds;
  gboolean      recheck_running;
};

G_DEFINE_FINAL_TYPE (LpEventHub, lp_event_hub, G_TYPE_OBJECT)

enum { PROP_0, PROP_LISTENING, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { CATALOG_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef enum
{
  EVENT_ITEM,
  EVENT_LOAN,
  EVENT_COMPLAINT,
} EventKind;

static const char * const event_types[] = { "item.changed", "loan.changed", "complaint.changed" };

static void listener_connect (LpEventHub *self);

/* Always through an idle source, never g_main_context_invoke(): a worker thread may
 * otherwise acquire an idle main context and run the function itself. */
static void
run_on_main (LpEventHub  *self,
             GSourceFunc  func,
             gpointer     data)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_callback (source, func, data, NULL);
  g_source_attach (source, self->context);
}

static void
auth_free (gpointer data)
{
  Auth *auth = data;

  g_free (auth->token_hash);
  g_free (auth->user_id);
  g_free (auth->username);
  g_free (auth);
}

/* ------------------------------------------------------------------------------------
 * Clients
 * ------------------------------------------------------------------------------------ */

static gboolean
client_is_open (Client *client)
{
  return soup_websocket_connection_get_state (client->ws) == SOUP_WEBSOCKET_STATE_OPEN;
}

static void
client_stop_watching (Client *client)
{
  if (client->writable == NULL)
    return;
  g_source_destroy (client->writable);
  g_clear_pointer (&client->writable, g_source_unref);
}

static void
client_free (gpointer data)
{
  Client *client = data;

  client_stop_watching (client);
  g_queue_clear_full (&client->backlog, (GDestroyNotify) g_bytes_unref);
  g_signal_handlers_disconnect_by_data (client->ws, client);
  g_object_unref (client->ws);
  auth_free (client->auth);
  g_free (client);
}

static void
client_close (Client     *client,
              gushort     code,
              const char *reason)
{
  client_stop_watching (client);
  g_queue_clear_full (&client->backlog, (GDestroyNotify) g_bytes_unref);
  if (client_is_open (client))
    soup_websocket_connection_close (client->ws, code, reason);
}

/* Hands the backlog to libsoup while the socket takes it. libsoup queues whatever we
 * give it without limit, so we give it a message only when the socket has room: its
 * queue stays at a frame or two and ours is the one that is bounded. */
static gboolean
on_client_writable (GObject  *stream,
                    gpointer  data)
{
  Client *client = data;

  while (!g_queue_is_empty (&client->backlog) && client_is_open (client) &&
         g_pollable_output_stream_is_writable (client->output))
    {
      g_autoptr(GBytes) message = g_queue_pop_head (&client->backlog);
      soup_websocket_connection_send_message (client->ws, SOUP_WEBSOCKET_DATA_TEXT, message);
    }
  if (!g_queue_is_empty (&client->backlog) && client_is_open (client))
    return G_SOURCE_CONTINUE;
  g_clear_pointer (&client->writable, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
client_send (Client *client,
             GBytes *message)
{
  if (!client_is_open (client))
    return;
  if (g_queue_is_empty (&client->backlog) &&
      g_pollable_output_stream_is_writable (client->output))
    {
      soup_websocket_connection_send_message (client->ws, SOUP_WEBSOCKET_DATA_TEXT, message);
      return;
    }
  if (client->backlog.length >= LP_EVENTS_MAX_BACKLOG)
    {
      g_message ("Closing the events feed of %s: it does not keep up",
                 client->auth->username != NULL ? client->auth->username : "a guest");
      client_close (client, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, "Too slow");
      return;
    }
  g_queue_push_tail (&client->backlog, g_bytes_ref (message));
  if (client->writable == NULL)
    {
      client->writable = g_pollable_output_stream_create_source (client->output, NULL);
      g_source_set_callback (client->writable, G_SOURCE_FUNC (on_client_writable), client, NULL);
      g_source_attach (client->writable, client->hub->context);
    }
}

static void
on_client_closed (SoupWebsocketConnection *ws,
                  Client                  *client)
{
  g_hash_table_remove (client->hub->clients, client);
}

/* Event messages are tiny, so the kernel needs little room for them; a fixed send
 * buffer also bounds what a stalled client holds in the kernel. */
static void
limit_send_buffer (SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  g_autoptr(GError) error = NULL;

  if (socket != NULL && !g_socket_set_option (socket, SOL_SOCKET, SO_SNDBUF,
                                              SEND_BUFFER_BYTES, &error))
    g_debug ("SO_SNDBUF: %s", error->message);
}

/* Takes auth. */
static Client *
client_new (LpEventHub              *self,
            SoupWebsocketConnection *ws,
            Auth                    *auth)
{
  Client *client = g_new0 (Client, 1);
  GIOStream *stream = soup_websocket_connection_get_io_stream (ws);

  client->hub = self;
  client->ws = g_object_ref (ws);
  client->output = G_POLLABLE_OUTPUT_STREAM (g_io_stream_get_output_stream (stream));
  g_queue_init (&client->backlog);
  client->auth = auth;
  soup_websocket_connection_set_keepalive_interval (ws, KEEPALIVE_SECONDS);
  soup_websocket_connection_set_max_incoming_payload_size (ws, MAX_INCOMING_BYTES);
  g_signal_connect (ws, "closed", G_CALLBACK (on_client_closed), client);
  return client;
}

/* ------------------------------------------------------------------------------------
 * Events
 * ------------------------------------------------------------------------------------ */

static gboolean
client_may_see (Client     *client,
                EventKind   kind,
                const char *owner_id)
{
  Auth *auth = client->auth;

  if (kind == EVENT_ITEM || (auth->role & LP_ROLES_DESK) != 0)
    return TRUE;
  return auth->role == LP_ROLE_MEMBER && owner_id != NULL &&
         g_strcmp0 (auth->user_id, owner_id) == 0;
}

static void
broadcast (LpEventHub *self,
           EventKind   kind,
           const char *owner_id,
           GBytes     *message)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->clients);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (client_may_see (key, kind, owner_id))
      client_send (key, message);
}

static gboolean
parse_event (JsonObject  *object,
             EventKind   *kind,
             const char **id,
             const char **owner_id)
{
  const char *type = json_object_get_string_member_with_default (object, "type", NULL);

  *id = json_object_get_string_member_with_default (object, "id", NULL);
  *owner_id = json_object_get_string_member_with_default (object, "user_id", NULL);
  if (*id == NULL || lp_validate_uuid (*id) != NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (event_types); i++)
    if (g_strcmp0 (type, event_types[i]) == 0)
      {
        *kind = (EventKind) i;
        return TRUE;
      }
  return FALSE;
}

/* One notification from the triggers: {"type", "id", "user_id"?}. Clients get type and
 * id only; user_id is for routing. */
static void
dispatch_notification (LpEventHub *self,
                       const char *payload)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = lp_json_parse_object (payload, strlen (payload), &error);
  g_autoptr(GBytes) message = NULL;
  const char *id, *owner_id;
  EventKind kind;
  char *text;

  if (object == NULL || !parse_event (object, &kind, &id, &owner_id))
    {
      g_debug ("Ignoring the notification “%s”", payload);
      return;
    }
  text = g_strdup_printf ("{\"type\":\"%s\",\"id\":\"%s\"}", event_types[kind], id);
  message = g_bytes_new_take (text, strlen (text));
  broadcast (self, kind, owner_id, message);
}

static void
broadcast_resync (LpEventHub *self)
{
  static const char resync[] = "{\"type\":\"resync\"}";
  g_autoptr(GBytes) message = g_bytes_new_static (resync, sizeof resync - 1);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->clients);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    client_send (key, message);
}

/* ------------------------------------------------------------------------------------
 * The listening connection
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  LpEventHub *hub;   /* a reference */
  PGconn     *conn;
  GError     *error;
} ConnectJob;

/* Never waits for the server: the connection may be the one that stalled. */
static void
listener_close (LpEventHub *self)
{
  gboolean was_listening = self->listen_conn != NULL;

  g_clear_handle_id (&self->listen_watch, g_source_remove);
  g_clear_handle_id (&self->heartbeat_deadline_id, g_source_remove);
  g_clear_pointer (&self->listen_conn, lp_db_drop_connection);
  if (was_listening)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LISTENING]);
}

static void
listener_lost (LpEventHub *self,
               const char *reason)
{
  const char *message = reason != NULL ? reason : PQerrorMessage (self->listen_conn);
  g_autofree char *why = g_strndup (message, strcspn (message, "\n"));

  g_message ("The events listener lost the database (%s); reconnecting", why);
  listener_close (self);
  self->retry_ms = RETRY_FIRST_MS;
  self->reported_down = TRUE;
  listener_connect (self);
}

/* Reads the heartbeat's answer once it is in: never blocks, PQisBusy says it is. */
static void
heartbeat_collect (LpEventHub *self)
{
  if (self->heartbeat_deadline_id == 0)
    return;
  while (!PQisBusy (self->listen_conn))
    {
      PGresult *res = PQgetResult (self->listen_conn);

      if (res == NULL)
        {
          g_clear_handle_id (&self->heartbeat_deadline_id, g_source_remove);
          return;
        }
      PQclear (res);
    }
}

static gboolean
on_heartbeat_late (gpointer data)
{
  LpEventHub *self = data;

  self->heartbeat_deadline_id = 0;
  listener_lost (self, "no answer in time");
  return G_SOURCE_REMOVE;
}

static gboolean
on_heartbeat (gpointer data)
{
  LpEventHub *self = data;

  if (self->listen_conn == NULL || self->heartbeat_deadline_id != 0)
    return G_SOURCE_CONTINUE;
  /* The connection is non-blocking: a query this small goes out at once, and one that
   * could not is caught by the deadline like a server that does not answer. */
  if (!PQsendQuery (self->listen_conn, "SELECT 1") || PQflush (self->listen_conn) < 0)
    {
      listener_lost (self, NULL);
      return G_SOURCE_CONTINUE;
    }
  self->heartbeat_deadline_id = g_timeout_add (self->statement_timeout_ms + HEARTBEAT_GRACE_MS,
                                               on_heartbeat_late, self);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_listener_ready (int          fd,
                   GIOCondition condition,
                   gpointer     data)
{
  LpEventHub *self = data;
  g_autoptr(GString) catalog = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  PGnotify *notify;

  if (!PQconsumeInput (self->listen_conn))
    {
      self->listen_watch = 0;
      listener_lost (self, NULL);
      return G_SOURCE_REMOVE;
    }
  while ((notify = PQnotifies (self->listen_conn)) != NULL)
    {
      if (g_str_equal (notify->relname, LP_CATALOG_CHANNEL))
        {
          if (catalog == NULL)
            catalog = g_string_new (NULL);
          g_string_append_printf (catalog, "%s%s", catalog->len > 0 ? " " : "",
                                  *notify->extra != '\0' ? notify->extra : "*");
        }
      else
        g_ptr_array_add (events, g_strdup (notify->extra));
      PQfreemem (notify);
    }
  /* The catalog first: a client reloading on an event must get the new reply. */
  if (catalog != NULL)
    g_signal_emit (self, signals[CATALOG_CHANGED], 0, catalog->str);
  for (guint i = 0; i < events->len; i++)
    dispatch_notification (self, g_ptr_array_index (events, i));
  if (PQstatus (self->listen_conn) == CONNECTION_OK)
    {
      heartbeat_collect (self);
      return G_SOURCE_CONTINUE;
    }
  self->listen_watch = 0;
  listener_lost (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
listener_attach (LpEventHub *self,
                 PGconn     *conn)
{
  self->listen_conn = conn;
  PQsetnonblocking (conn, 1);
  self->listen_watch = g_unix_fd_add (PQsocket (conn), G_IO_IN | G_IO_HUP | G_IO_ERR,
                                      on_listener_ready, self);
  self->retry_ms = RETRY_FIRST_MS;
  if (self->reported_down)
    g_message ("The events listener is back");
  self->reported_down = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LISTENING]);
  /* Whatever changed while nobody listened is lost: clients must reload. */
  broadcast_resync (self);
}

static gboolean
retry_connect (gpointer data)
{
  LpEventHub *self = data;

  self->retry_id = 0;
  listener_connect (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (LpEventHub   *self,
                const GError *error)
{
  if (!self->reported_down)
    g_message ("The events listener cannot reach the database: %s", error->message);
  self->reported_down = TRUE;
  self->retry_id = g_timeout_add (self->retry_ms, retry_connect, self);
  self->retry_ms = MIN (self->retry_ms * 2, RETRY_MAX_MS);
}

static gboolean
connect_done (gpointer data)
{
  ConnectJob *job = data;
  LpEventHub *self = job->hub;

  if (self->connect_thread != NULL)
    g_thread_join (g_steal_pointer (&self->connect_thread));
  if (self->stopping)
    g_clear_pointer (&job->conn, PQfinish);
  else if (job->conn == NULL)
    schedule_retry (self, job->error);
  else
    listener_attach (self, g_steal_pointer (&job->conn));
  g_clear_error (&job->error);
  g_object_unref (job->hub);
  g_free (job);
  return G_SOURCE_REMOVE;
}

/* Connecting may block (name lookup, a slow server), so it runs on a thread of its own;
 * the connection is handed to the main loop once it listens and is used only there. */
static gpointer
connect_thread (gpointer data)
{
  ConnectJob *job = data;
  LpEventHub *self = job->hub;
  PGconn *conn = lp_db_connect (self->conninfo, self->statement_timeout_ms,
                                self->connect_timeout_s, &job->error);

  if (conn != NULL)
    {
      g_autoptr(PGresult) events = lp_db_exec (conn, "LISTEN " LP_EVENTS_CHANNEL, 0, NULL,
                                               &job->error);
      g_autoptr(PGresult) catalog = NULL;

      if (events != NULL)
        catalog = lp_db_exec (conn, "LISTEN " LP_CATALOG_CHANNEL, 0, NULL, &job->error);
      if (catalog == NULL)
        g_clear_pointer (&conn, lp_db_drop_connection);
    }
  job->conn = conn;
  run_on_main (self, connect_done, job);
  return NULL;
}

static void
listener_connect (LpEventHub *self)
{
  ConnectJob *job = g_new0 (ConnectJob, 1);

  g_assert (self->connect_thread == NULL && self->listen_conn == NULL);
  job->hub = g_object_ref (self);
  self->connect_thread = g_thread_new ("lp-events-connect", connect_thread, job);
}

/* ------------------------------------------------------------------------------------
 * The handshake
 * ------------------------------------------------------------------------------------ */

static void
log_handshake (LpEventHub        *self,
               SoupServerMessage *msg,
               gint64             started_us,
               guint              status,
               gsize              bytes,
               const char        *username)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char * const *trusted = (const char * const *) self->trusted_proxies;
  /* The client as the HTTP path logs it: behind a trusted proxy, not the proxy. */
  g_autofree char *address = lp_request_client_address (
                               soup_server_message_get_remote_host (msg),
                               soup_message_headers_get_one (headers, "X-Forwarded-For"),
                               trusted);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  double ms = (g_get_monotonic_time () - started_us) / 1000.0;

  /* The router's request log format; never the token (nor the query that may hold it). */
  g_printerr ("%s method=%s path=%s status=%u ms=%.2f bytes=%" G_GSIZE_FORMAT " ip=%s user=%s\n",
              stamp, soup_server_message_get_method (msg),
              g_uri_get_path (soup_server_message_get_uri (msg)), status, ms, bytes,
              address, username != NULL ? username : "-");
}

static void
refuse (LpEventHub        *self,
        SoupServerMessage *msg,
        gint64             started_us,
        const GError      *error)
{
  g_autoptr(JsonNode) body = NULL;
  LpErrorCode code = LP_ERROR_INTERNAL;
  gsize length = 0;
  char *text;

  if (error->domain == LP_ERROR)
    code = (LpErrorCode) error->code;
  else
    g_debug ("Refusing an events handshake: %s", error->message);
  body = lp_json_error_body (error);
  text = lp_json_to_string (body, &length);
  soup_server_message_set_status (msg, lp_error_code_http_status (code), NULL);
  soup_server_message_set_response (msg, LP_JSON_CONTENT_TYPE,
                                    SOUP_MEMORY_TAKE, text, length);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Connection", "close");
  log_handshake (self, msg, started_us, lp_error_code_http_status (code), length, NULL);
}

static void
refuse_with (LpEventHub        *self,
             SoupServerMessage *msg,
             gint64             started_us,
             LpErrorCode        code,
             const char        *message)
{
  g_autoptr(GError) error = g_error_new_literal (LP_ERROR, code, message);

  refuse (self, msg, started_us, error);
}

/* The token as lp-request.c reads it: the Authorization header first, then
 * ?access_token= (browsers cannot set headers on a WebSocket). NULL means a guest; ""
 * a token that is present but unusable. */
static char *
request_token (SoupServerMessage *msg,
               GHashTable        *query)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *auth = soup_message_headers_get_one (headers, "Authorization");

  if (auth == NULL)
    return g_strdup (query != NULL ? g_hash_table_lookup (query, "access_token") : NULL);
  if (g_ascii_strncasecmp (auth, "Bearer ", 7) != 0)
    return g_strdup ("");
  auth += 7;
  while (*auth == ' ')
    auth++;
  return g_strdup (auth);
}

typedef struct
{
  LpEventHub        *hub;   /* a reference */
  SoupServerMessage *msg;   /* a reference */
  gulong             disconnected_id;
  gboolean           disconnected;
  Auth              *auth;
  GError            *error;
} AuthJob;

static void
on_disconnected (SoupServerMessage *msg,
                 AuthJob           *job)
{
  job->disconnected = TRUE;
}

static gboolean
lookup_session (PGconn  *conn,
                Auth    *auth,
                GError **error)
{
  return lp_session_lookup (conn, auth->token_hash, &auth->user_id, &auth->username,
                            &auth->role, error);
}

static gboolean
auth_done (gpointer data)
{
  AuthJob *job = data;
  SoupServerMessage *msg = job->msg;

  g_signal_handler_disconnect (msg, job->disconnected_id);
  if (job->disconnected)
    auth_free (job->auth);
  else
    {
      if (job->error == NULL && job->hub->stopping)
        g_set_error_literal (&job->error, LP_ERROR, LP_ERROR_UNAVAILABLE,
                             "The server is shutting down");
      if (job->error != NULL)
        {
          refuse (job->hub, msg, job->auth->started_us, job->error);
          auth_free (job->auth);
        }
      else
        g_object_set_data_full (G_OBJECT (msg), AUTH_KEY, job->auth, auth_free);
      /* Status still unset: libsoup now answers the handshake with 101. */
      soup_server_message_unpause (msg);
    }
  g_clear_error (&job->error);
  g_object_unref (msg);
  g_object_unref (job->hub);
  g_free (job);
  return G_SOURCE_REMOVE;
}

static void
auth_on_worker (PGconn   *conn,
                gpointer  data)
{
  AuthJob *job = data;

  if (conn == NULL)
    g_set_error_literal (&job->error, LP_ERROR, LP_ERROR_UNAVAILABLE,
                         "The database is unavailable");
  else
    lookup_session (conn, job->auth, &job->error);
  run_on_main (job->hub, auth_done, job);
}

/* Holds the handshake (the message is paused before libsoup composes its 101) while a
 * database worker looks the session up. */
static void
authenticate (LpEventHub        *self,
              SoupServerMessage *msg,
              Auth              *auth)
{
  AuthJob *job = g_new0 (AuthJob, 1);

  job->hub = g_object_ref (self);
  job->msg = g_object_ref (msg);
  job->auth = auth;
  job->disconnected_id = g_signal_connect (msg, "disconnected", G_CALLBACK (on_disconnected), job);
  soup_server_message_pause (msg);
  lp_db_pool_push (self->pool, auth_on_worker, job);
}

/* Runs when the request headers are in, before libsoup looks at the handshake: refuses
 * what is not a handshake or not allowed, lets guests through at once and sends a
 * token to the database. */
static void
on_events_request (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  LpEventHub *self = user_data;
  gint64 started_us = g_get_monotonic_time ();
  g_autofree char *token = NULL;
  Auth *auth;

  if (!g_str_equal (path, LP_EVENTS_PATH))
    return refuse_with (self, msg, started_us, LP_ERROR_NOT_FOUND, "No such resource");
  if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    return refuse_with (self, msg, started_us, LP_ERROR_METHOD_NOT_ALLOWED,
                        "This method is not allowed here");
  if (!soup_websocket_server_check_handshake (msg, NULL, NULL, NULL, NULL))
    return refuse_with (self, msg, started_us, LP_ERROR_BAD_REQUEST,
                        "This is a WebSocket endpoint; send a WebSocket handshake");
  if (self->stopping)
    return refuse_with (self, msg, started_us, LP_ERROR_UNAVAILABLE, "The server is shutting down");

  token = request_token (msg, query);
  if (token != NULL && *token == '\0')
    return refuse_with (self, msg, started_us, LP_ERROR_UNAUTHORIZED,
                        "Your session has ended; please log in again");
  auth = g_new0 (Auth, 1);
  auth->started_us = started_us;
  auth->role = LP_ROLE_GUEST;
  if (token == NULL)
    {
      g_object_set_data_full (G_OBJECT (msg), AUTH_KEY, auth, auth_free);
      return;
    }
  auth->token_hash = lp_session_hash_token_hex (token);
  memset (token, 0, strlen (token));
  authenticate (self, msg, auth);
}

/* After libsoup wrote the 101: the connection is ours. */
static void
on_websocket (SoupServer              *server,
              SoupServerMessage       *msg,
              const char              *path,
              SoupWebsocketConnection *ws,
              gpointer                 user_data)
{
  LpEventHub *self = user_data;
  Auth *auth = g_object_steal_data (G_OBJECT (msg), AUTH_KEY);

  if (auth == NULL || self->stopping)
    {
      soup_websocket_connection_close (ws, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
      g_clear_pointer (&auth, auth_free);
      return;
    }
  log_handshake (self, msg, auth->started_us, SOUP_STATUS_SWITCHING_PROTOCOLS, 0, auth->username);
  limit_send_buffer (msg);
  g_hash_table_add (self->clients, client_new (self, ws, auth));
}

/* ------------------------------------------------------------------------------------
 * Sessions that end while connected
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  LpEventHub *hub;      /* a reference */
  GPtrArray  *hashes;   /* hex token hashes of the connected users */
  GHashTable *valid;    /* hash → role, NULL when the check could not run */
} RecheckJob;

static char *
hashes_to_array_literal (GPtrArray *hashes)
{
  GString *literal = g_string_new ("{");

  /* Hex digits only: nothing to quote. */
  for (guint i = 0; i < hashes->len; i++)
    g_string_append_printf (literal, "%s%s", i > 0 ? "," : "",
                            (const char *) g_ptr_array_index (hashes, i));
  g_string_append_c (literal, '}');
  return g_string_free (literal, FALSE);
}

static void
apply_recheck (LpEventHub *self,
               GHashTable *valid)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->clients);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      Client *client = key;
      const char *role;

      if (client->auth->token_hash == NULL)
        continue;
      role = g_hash_table_lookup (valid, client->auth->token_hash);
      /* A role can change too (staff made member): it narrows what the client sees. */
      if (role == NULL || !lp_role_from_string (role, &client->auth->role))
        client_close (client, LP_EVENTS_CLOSE_SESSION, "Your session has ended");
    }
}

static gboolean
recheck_done (gpointer data)
{
  RecheckJob *job = data;
  LpEventHub *self = job->hub;

  self->recheck_running = FALSE;
  if (job->valid != NULL && !self->stopping)
    apply_recheck (self, job->valid);
  g_clear_pointer (&job->valid, g_hash_table_unref);
  g_ptr_array_unref (job->hashes);
  g_object_unref (job->hub);
  g_free (job);
  return G_SOURCE_REMOVE;
}

static void
recheck_on_worker (PGconn   *conn,
                   gpointer  data)
{
  RecheckJob *job = data;
  g_autofree char *literal = hashes_to_array_literal (job->hashes);
  g_autoptr(PGresult) res = NULL;
  g_autoptr(GError) error = NULL;

  res = lp_db_query (conn, &error,
                     "SELECT encode(s.token_hash, 'hex'), u.role FROM sessions s "
                     "JOIN users u ON u.id = s.user_id "
                     "WHERE s.token_hash = ANY (SELECT decode(h, 'hex') "
                     "                          FROM unnest($1::text[]) AS h) "
                     "AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active",
                     literal);
  if (res != NULL)
    {
      job->valid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (int i = 0; i < PQntuples (res); i++)
        g_hash_table_insert (job->valid, g_strdup (lp_db_get (res, i, 0)),
                             g_strdup (lp_db_get (res, i, 1)));
    }
  else
    g_debug ("Cannot check the sessions of events clients: %s", error->message);
  run_on_main (job->hub, recheck_done, job);
}

/* A database that cannot answer closes nobody: the check waits for the next round. */
static gboolean
on_recheck (gpointer data)
{
  LpEventHub *self = data;
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;
  RecheckJob *job;

  if (self->recheck_running)
    return G_SOURCE_CONTINUE;
  g_hash_table_iter_init (&iter, self->clients);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *hash = ((Client *) key)->auth->token_hash;

      if (hash != NULL && g_hash_table_add (seen, (gpointer) hash))
        g_ptr_array_add (hashes, g_strdup (hash));
    }
  if (hashes->len == 0)
    return G_SOURCE_CONTINUE;
  job = g_new0 (RecheckJob, 1);
  job->hub = g_object_ref (self);
  job->hashes = g_steal_pointer (&hashes);
  self->recheck_running = TRUE;
  lp_db_pool_push (self->pool, recheck_on_worker, job);
  return G_SOURCE_CONTINUE;
}

/* ------------------------------------------------------------------------------------
 * The hub
 * ------------------------------------------------------------------------------------ */

static void
lp_event_hub_dispose (GObject *object)
{
  LpEventHub *self = (LpEventHub *) object;

  lp_event_hub_stop (self);
  G_OBJECT_CLASS (lp_event_hub_parent_class)->dispose (object);
}

static void
lp_event_hub_finalize (GObject *object)
{
  LpEventHub *self = (LpEventHub *) object;

  g_hash_table_unref (self->clients);
  g_main_context_unref (self->context);
  g_free (self->conninfo);
  g_strfreev (self->trusted_proxies);
  G_OBJECT_CLASS (lp_event_hub_parent_class)->finalize (object);
}

static void
lp_event_hub_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LpEventHub *self = LP_EVENT_HUB (object);

  switch (prop_id)
    {
    case PROP_LISTENING:
      g_value_set_boolean (value, lp_event_hub_get_listening (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_event_hub_class_init (LpEventHubClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lp_event_hub_dispose;
  object_class->finalize = lp_event_hub_finalize;
  object_class->get_property = lp_event_hub_get_property;

  /* Whether the hub hears the database's notifications now. */
  properties[PROP_LISTENING] =
    g_param_spec_boolean ("listening", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Commits touched items or categories (LP_CATALOG_CHANNEL), on this instance or on
   * another; emitted before those commits' item.changed events go out. The argument
   * says what changed: "*" or item ids, space-separated (lp_reply_cache_forget()). */
  signals[CATALOG_CHANGED] = g_signal_new ("catalog-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
lp_event_hub_init (LpEventHub *self)
{
  self->clients = g_hash_table_new_full (g_direct_hash, g_direct_equal, client_free, NULL);
  self->context = g_main_context_ref_thread_default ();
  self->retry_ms = RETRY_FIRST_MS;
}

/* LENTERA_EVENTS_RECHECK_SECONDS and LENTERA_EVENTS_HEARTBEAT_SECONDS shorten the
 * session check and the listener's heartbeat for the tests. */
static guint
env_seconds (const char *name,
             guint       fallback)
{
  const char *value = g_getenv (name);
  guint64 seconds = value != NULL ? g_ascii_strtoull (value, NULL, 10) : 0;

  return seconds > 0 && seconds <= 3600 ? (guint) seconds : fallback;
}

LpEventHub *
lp_event_hub_new (const char     *conninfo,
                  LpDbPool       *pool,
                  const LpConfig *config)
{
  LpEventHub *self;

  g_return_val_if_fail (conninfo != NULL && pool != NULL && config != NULL, NULL);

  self = g_object_new (LP_TYPE_EVENT_HUB, NULL);
  self->conninfo = g_strdup (conninfo);
  self->pool = pool;
  self->statement_timeout_ms = config->statement_timeout_ms;
  self->connect_timeout_s = config->connect_timeout_s;
  self->trusted_proxies = g_strdupv (config->trusted_proxies);
  self->recheck_seconds = env_seconds ("LENTERA_EVENTS_RECHECK_SECONDS", RECHECK_SECONDS);
  self->heartbeat_seconds = env_seconds ("LENTERA_EVENTS_HEARTBEAT_SECONDS", HEARTBEAT_SECONDS);
  return self;
}

/* Adds the endpoint to the server and starts listening. */
void
lp_event_hub_attach (LpEventHub *self,
                     SoupServer *server)
{
  g_return_if_fail (LP_IS_EVENT_HUB (self));
  g_return_if_fail (SOUP_IS_SERVER (server));

  /* No permessage-deflate: its zlib state costs far more per client than our tiny
   * messages would save, and libsoup 3.2 keeps a handshake's negotiated extensions per
   * path rather than per message, which breaks with handshakes paused side by side. */
  soup_server_remove_websocket_extension (server, SOUP_TYPE_WEBSOCKET_EXTENSION_DEFLATE);
  soup_server_add_early_handler (server, LP_EVENTS_PATH, on_events_request, self, NULL);
  soup_server_add_websocket_handler (server, LP_EVENTS_PATH, NULL, NULL, on_websocket,
                                     self, NULL);
  self->recheck_id = g_timeout_add_seconds (self->recheck_seconds, on_recheck, self);
  self->heartbeat_id = g_timeout_add_seconds (self->heartbeat_seconds, on_heartbeat, self);
  listener_connect (self);
}

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Gives the clients a moment to answer the close; those that do not are dropped. */
static void
wait_for_clients (LpEventHub *self)
{
  gint64 deadline = g_get_monotonic_time () + CLOSE_WAIT_MS * 1000;
  g_autoptr(GSource) tick = g_timeout_source_new (50);

  g_source_set_callback (tick, wake_up, NULL, NULL);
  g_source_attach (tick, self->context);
  while (g_hash_table_size (self->clients) > 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (self->context, TRUE);
  g_source_destroy (tick);
  g_hash_table_remove_all (self->clients);
}

/* Stops listening and closes every client (1001 going away). Call it on the main
 * context before the database pool goes; safe to call twice. */
void
lp_event_hub_stop (LpEventHub *self)
{
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (LP_IS_EVENT_HUB (self));

  if (self->stopping)
    return;
  self->stopping = TRUE;
  g_clear_handle_id (&self->recheck_id, g_source_remove);
  g_clear_handle_id (&self->heartbeat_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->connect_thread != NULL)
    g_thread_join (g_steal_pointer (&self->connect_thread));
  listener_close (self);
  g_hash_table_iter_init (&iter, self->clients);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    client_close (key, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, "The server is shutting down");
  wait_for_clients (self);
}

gboolean
lp_event_hub_get_listening (LpEventHub *self)
{
  g_return_val_if_fail (LP_IS_EVENT_HUB (self), FALSE);
  return self->listen_conn != NULL;
}

guint
lp_event_hub_get_n_clients (LpEventHub *self)
{
  g_return_val_if_fail (LP_IS_EVENT_HUB (self), 0);
  return g_hash_table_size (self->clients);
}
