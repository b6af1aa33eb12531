/* lp-events.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-events"

#include "config.h"

#include "lp-events-private.h"

#include "lp-error.h"
#include "lp-sessions.h"

#include <sys/socket.h>

#define REQUEST_KEY         "lp-events-request"
#define SEND_BUFFER_BYTES   (64 * 1024)
#define RECHECK_SECONDS     60
#define CLOSE_WAIT_MS       2000
#define HEARTBEAT_SECONDS   5

G_DEFINE_FINAL_TYPE (LpEventHub, lp_event_hub, G_TYPE_OBJECT)

enum { PROP_0, PROP_LISTENING, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { CATALOG_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The handshake goes the way of every request (lp-request-path.c): its token, from the
 * Authorization header or ?access_token=, is checked on a database worker while the
 * handshake waits. */
static const LpRoute events_route = {
  "GET", LP_EVENTS_PATH, LP_ROLES_ANY, LP_ROUTE_QUERY_TOKEN, NULL
};

/* Always through an idle source, never g_main_context_invoke(): a worker thread may
 * otherwise acquire an idle main context and run the function itself. */
void
lp_event_hub_run_on_main (LpEventHub  *self,
                          GSourceFunc  func,
                          gpointer     data)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_callback (source, func, data, NULL);
  g_source_attach (source, self->context);
}

void
lp_event_hub_notify_listening (LpEventHub *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LISTENING]);
}

void
lp_event_hub_catalog_changed (LpEventHub *self,
                              const char *changes)
{
  g_signal_emit (self, signals[CATALOG_CHANGED], 0, changes);
}

/* ------------------------------------------------------------------------------------
 * The handshake
 * ------------------------------------------------------------------------------------ */

/* Answers the handshake with the error instead of the upgrade. */
static void
refuse (LpRequest    *req,
        const GError *error)
{
  lp_request_reply_error (req, error);
  lp_request_add_header (req, "Connection", "close");
  lp_request_release (req);
}

static void
refuse_with (LpRequest   *req,
             LpErrorCode  code,
             const char  *message)
{
  g_autoptr(GError) error = g_error_new_literal (LP_ERROR, code, message);

  refuse (req, error);
}

/* Back from the request path: an error is answered here; otherwise the request, who is
 * calling, goes with the message to on_websocket(), and libsoup answers with 101. */
static void
on_handshake_done (LpRequest *req,
                   gpointer   user_data)
{
  g_autoptr(LpEventHub) self = user_data;
  SoupServerMessage *msg = req->msg;

  if (lp_request_failed (req) || lp_request_is_gone (req))
    {
      lp_request_add_header (req, "Connection", "close");
      lp_request_release (req);
    }
  else if (self->stopping)
    refuse_with (req, LP_ERROR_UNAVAILABLE, "The server is shutting down");
  else
    {
      g_object_set_data_full (G_OBJECT (msg), REQUEST_KEY, req,
                              (GDestroyNotify) lp_request_free);
      lp_request_let_go (req);
    }
}

/* Runs when the request headers are in, before libsoup looks at the handshake: refuses
 * what is not a handshake or not allowed, and sends the rest down the request path. */
static void
on_events_request (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  LpEventHub *self = user_data;
  LpRequest *req = lp_request_new (msg, &events_route, NULL, query, self->config);

  if (!g_str_equal (path, LP_EVENTS_PATH))
    return refuse_with (req, LP_ERROR_NOT_FOUND, "No such resource");
  if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    return refuse_with (req, LP_ERROR_METHOD_NOT_ALLOWED, "This method is not allowed here");
  if (!soup_websocket_server_check_handshake (msg, NULL, NULL, NULL, NULL))
    return refuse_with (req, LP_ERROR_BAD_REQUEST,
                        "This is a WebSocket endpoint; send a WebSocket handshake");
  if (self->stopping)
    return refuse_with (req, LP_ERROR_UNAVAILABLE, "The server is shutting down");
  lp_request_bind (req, self->pool, on_handshake_done, g_object_ref (self));
  lp_request_start (req);
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

/* After libsoup wrote the 101: the connection is ours. */
static void
on_websocket (SoupServer              *server,
              SoupServerMessage       *msg,
              const char              *path,
              SoupWebsocketConnection *ws,
              gpointer                 user_data)
{
  LpEventHub *self = user_data;
  LpRequest *req = g_object_steal_data (G_OBJECT (msg), REQUEST_KEY);

  if (req == NULL || self->stopping)
    {
      soup_websocket_connection_close (ws, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
      g_clear_pointer (&req, lp_request_free);
      return;
    }
  req->status = SOUP_STATUS_SWITCHING_PROTOCOLS;
  lp_request_log (req);
  limit_send_buffer (msg);
  g_hash_table_add (self->clients, lp_event_client_new (self, ws, req));
  lp_request_free (req);
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

static void
apply_recheck (LpEventHub *self,
               GHashTable *valid)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->clients);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      LpEventClient *client = key;
      const char *role;

      if (client->token_hash == NULL)
        continue;
      role = g_hash_table_lookup (valid, client->token_hash);
      /* A role can change too (staff made member): it narrows what the client sees. */
      if (role == NULL || !lp_role_from_string (role, &client->role))
        lp_event_client_close (client, LP_EVENTS_CLOSE_SESSION, "Your session has ended");
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
  g_autoptr(GError) error = NULL;

  if (conn == NULL)
    g_set_error_literal (&error, LP_ERROR, LP_ERROR_UNAVAILABLE, "The database is unavailable");
  else
    job->valid = lp_session_lookup_roles (conn, job->hashes, &error);
  if (job->valid == NULL)
    g_debug ("Cannot check the sessions of events clients: %s", error->message);
  lp_event_hub_run_on_main (job->hub, recheck_done, job);
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
      const char *hash = ((LpEventClient *) key)->token_hash;

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
  self->clients = g_hash_table_new_full (g_direct_hash, g_direct_equal, lp_event_client_free,
                                         NULL);
  self->context = g_main_context_ref_thread_default ();
  self->retry_ms = LP_EVENTS_RETRY_FIRST_MS;
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
  self->config = config;
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
  self->heartbeat_id = g_timeout_add_seconds (self->heartbeat_seconds,
                                              lp_event_listener_heartbeat, self);
  lp_event_listener_connect (self);
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
  lp_event_listener_close (self);
  g_hash_table_iter_init (&iter, self->clients);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    lp_event_client_close (key, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, "The server is shutting down");
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
