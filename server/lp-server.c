/* lp-server.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-server"

#include "config.h"

#include "lp-server.h"

#include "lp-db.h"
#include "lp-db-pipe.h"
#include "lp-events.h"
#include "lp-loans.h"
#include "lp-migrations.h"
#include "lp-pg-cluster.h"
#include "lp-resources.h"
#include "lp-router.h"

#include <libsoup/soup.h>

#define LISTEN_BACKLOG  1024
#define DRAIN_SECONDS   10
#define OVERDUE_SECONDS 60

struct _LpServer
{
  GObject      parent_instance;

  LpConfig    *config;      /* not owned */
  LpPgCluster *cluster;     /* NULL with an external database */
  char        *conninfo;
  LpDbPool    *pool;
  LpDbPipe    *pipe;
  LpRouter    *router;
  LpReplyCache *cache;
  SoupServer  *soup;
  LpEventHub  *events;
  guint        port;
  guint        overdue_timer;
  int          overdue_queued;   /* atomic: a job is queued or running */
};

G_DEFINE_FINAL_TYPE (LpServer, lp_server, G_TYPE_OBJECT)

static void
lp_server_dispose (GObject *object)
{
  LpServer *self = (LpServer *) object;

  lp_server_stop (self);
  G_OBJECT_CLASS (lp_server_parent_class)->dispose (object);
}

static void
lp_server_finalize (GObject *object)
{
  LpServer *self = (LpServer *) object;

  g_free (self->conninfo);
  G_OBJECT_CLASS (lp_server_parent_class)->finalize (object);
}

static void
lp_server_class_init (LpServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lp_server_dispose;
  object_class->finalize = lp_server_finalize;
}

static void
lp_server_init (LpServer *self)
{
}

LpServer *
lp_server_new (LpConfig *config)
{
  LpServer *self = g_object_new (LP_TYPE_SERVER, NULL);

  self->config = config;
  return self;
}

/* Starts the embedded cluster when no database URL is configured, applies the
 * migrations and, when asked, loads the demo data. */
gboolean
lp_server_prepare_database (LpServer  *self,
                            GError   **error)
{
  LpConfig *config = self->config;
  PGconn *conn;
  gboolean ok, loaded = FALSE;

  if (config->database_url != NULL)
    self->conninfo = g_strdup (config->database_url);
  else
    {
      self->cluster = lp_pg_cluster_new (config->data_dir, config->unsafe_fast_db);
      if (!lp_pg_cluster_start (self->cluster, error))
        return FALSE;
      self->conninfo = g_strdup (lp_pg_cluster_get_conninfo (self->cluster));
    }

  conn = lp_db_connect (self->conninfo, 600 * 1000, config->connect_timeout_s, error);
  if (conn == NULL)
    return FALSE;
  ok = lp_migrations_apply (conn, error) &&
       (!config->demo_data || lp_migrations_load_demo (conn, &loaded, error));
  PQfinish (conn);
  if (loaded)
    g_message ("Demo data loaded");
  return ok;
}

/* libsoup listens with a backlog of 10, which drops connections under load: we make the
 * socket ourselves with a deep backlog and hand it over. */
static GSocket *
make_listen_socket (const char  *address,
                    int          port,
                    GError     **error)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  g_autoptr(GSocketAddress) sockaddr = NULL;
  g_autoptr(GSocket) socket = NULL;

  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address", address);
      return NULL;
    }
  sockaddr = g_inet_socket_address_new (inet, (guint16) port);
  socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return NULL;
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, sockaddr, TRUE, error) || !g_socket_listen (socket, error))
    return NULL;
  return g_steal_pointer (&socket);
}

static guint
socket_port (GSocket *socket)
{
  g_autoptr(GSocketAddress) local = g_socket_get_local_address (socket, NULL);

  if (local == NULL)
    return 0;
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
}

static void
mark_overdue_on_worker (PGconn   *conn,
                        gpointer  data)
{
  LpServer *self = data;

  lp_loans_mark_overdue (conn, NULL);
  g_atomic_int_set (&self->overdue_queued, FALSE);
}

/* Loans past their due date become overdue even when nobody looks at them; several
 * instances may run the job at once (it skips rows another one holds). A database that
 * stalls holds a run up for at most a statement timeout, and runs never pile up behind
 * it: the next one is queued only once the last one ended. */
static gboolean
queue_overdue_job (gpointer data)
{
  LpServer *self = data;

  if (g_atomic_int_compare_and_exchange (&self->overdue_queued, FALSE, TRUE))
    lp_db_pool_push (self->pool, mark_overdue_on_worker, self);
  return G_SOURCE_CONTINUE;
}

static void
on_catalog_changed (LpServer   *self,
                    const char *changes)
{
  lp_reply_cache_forget (self->cache, changes);
}

/* Without the listener another instance's changes would go unheard: no cache then. */
static void
on_listening_changed (LpServer *self)
{
  lp_reply_cache_set_enabled (self->cache, lp_event_hub_get_listening (self->events));
}

gboolean
lp_server_start (LpServer  *self,
                 GError   **error)
{
  LpConfig *config = self->config;
  g_autoptr(GSocket) socket = NULL;

  g_return_val_if_fail (self->conninfo != NULL, FALSE);

  socket = make_listen_socket (config->address, config->port, error);
  if (socket == NULL)
    return FALSE;
  self->pool = lp_db_pool_new (self->conninfo, config->workers, config->statement_timeout_ms,
                               config->connect_timeout_s);
  self->router = lp_router_new (self->pool, config);
  self->pipe = lp_db_pipe_new (self->conninfo, config->statement_timeout_ms,
                               config->connect_timeout_s);
  lp_router_set_pipe (self->router, self->pipe);
  lp_resources_register_all (self->router);
  /* Raw paths: libsoup would itself refuse a path whose decoding has "%00" or a "/../",
   * with an empty 400 outside the API's error shape. The router decodes each segment
   * itself (lp-router.c) and answers such paths with a JSON 404. */
  self->soup = soup_server_new ("server-header", "LenteraPustaka/" PACKAGE_VERSION " ",
                                "raw-paths", TRUE, NULL);
  lp_router_attach (self->router, self->soup);
  self->events = lp_event_hub_new (self->conninfo, self->pool, config);
  if (config->cache_mb > 0)
    {
      self->cache = lp_reply_cache_new ((gsize) config->cache_mb * 1024 * 1024);
      lp_router_set_cache (self->router, self->cache);
      g_signal_connect_swapped (self->events, "catalog-changed",
                                G_CALLBACK (on_catalog_changed), self);
      g_signal_connect_swapped (self->events, "notify::listening",
                                G_CALLBACK (on_listening_changed), self);
    }
  lp_event_hub_attach (self->events, self->soup);
  if (!soup_server_listen_socket (self->soup, socket, 0, error))
    return FALSE;
  self->port = socket_port (socket);
  self->overdue_timer = g_timeout_add_seconds (OVERDUE_SECONDS, queue_overdue_job, self);
  queue_overdue_job (self);
  return TRUE;
}

/* Stops taking requests, lets those in flight finish, closes the connections and stops
 * the embedded cluster. Safe to call twice. */
void
lp_server_stop (LpServer *self)
{
  gint64 deadline = g_get_monotonic_time () + DRAIN_SECONDS * G_USEC_PER_SEC;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->overdue_timer, g_source_remove);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  if (self->events != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->events, self);
      lp_event_hub_stop (self->events);
    }
  while (self->router != NULL && lp_router_in_flight (self->router) > 0 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (self->router != NULL)
    lp_router_set_pipe (self->router, NULL);
  g_clear_pointer (&self->pipe, lp_db_pipe_free);
  g_clear_pointer (&self->pool, lp_db_pool_free);
  /* Replies the workers queued are dispatched before the router goes away. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (&self->soup);
  g_clear_object (&self->events);
  g_clear_pointer (&self->router, lp_router_free);
  g_clear_pointer (&self->cache, lp_reply_cache_free);
  if (self->cluster != NULL && !lp_pg_cluster_stop (self->cluster, FALSE, &error))
    g_warning ("Stopping the embedded database: %s", error->message);
  g_clear_object (&self->cluster);
}

guint
lp_server_get_port (LpServer *self)
{
  g_return_val_if_fail (LP_IS_SERVER (self), 0);
  return self->port;
}

const char *
lp_server_get_conninfo (LpServer *self)
{
  g_return_val_if_fail (LP_IS_SERVER (self), NULL);
  return self->conninfo;
}
