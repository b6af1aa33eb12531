/* lp-events-listener.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-events"

#include "config.h"

#include "lp-events-private.h"

#include <glib-unix.h>
#include <string.h>

#define RETRY_MAX_MS        2000
#define HEARTBEAT_GRACE_MS  500

/* The one connection that LISTENs, watched by the main loop; it connects on a thread of
 * its own and reconnects with backoff. */
typedef struct
{
  LpEventHub *hub;   /* a reference */
  PGconn     *conn;
  GError     *error;
} ConnectJob;

/* Never waits for the server: the connection may be the one that stalled. */
void
lp_event_listener_close (LpEventHub *self)
{
  gboolean was_listening = self->listen_conn != NULL;

  g_clear_handle_id (&self->listen_watch, g_source_remove);
  g_clear_handle_id (&self->heartbeat_deadline_id, g_source_remove);
  g_clear_pointer (&self->listen_conn, lp_db_drop_connection);
  if (was_listening)
    lp_event_hub_notify_listening (self);
}

static void
listener_lost (LpEventHub *self,
               const char *reason)
{
  const char *message = reason != NULL ? reason : PQerrorMessage (self->listen_conn);
  g_autofree char *why = g_strndup (message, strcspn (message, "\n"));

  g_message ("The events listener lost the database (%s); reconnecting", why);
  lp_event_listener_close (self);
  self->retry_ms = LP_EVENTS_RETRY_FIRST_MS;
  self->reported_down = TRUE;
  lp_event_listener_connect (self);
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

gboolean
lp_event_listener_heartbeat (gpointer data)
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
  self->heartbeat_deadline_id = g_timeout_add (self->config->statement_timeout_ms +
                                               HEARTBEAT_GRACE_MS, on_heartbeat_late, self);
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
    lp_event_hub_catalog_changed (self, catalog->str);
  for (guint i = 0; i < events->len; i++)
    lp_event_hub_dispatch (self, g_ptr_array_index (events, i));
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
  self->retry_ms = LP_EVENTS_RETRY_FIRST_MS;
  if (self->reported_down)
    g_message ("The events listener is back");
  self->reported_down = FALSE;
  lp_event_hub_notify_listening (self);
  /* Whatever changed while nobody listened is lost: clients must reload. */
  lp_event_hub_resync (self);
}

static gboolean
retry_connect (gpointer data)
{
  LpEventHub *self = data;

  self->retry_id = 0;
  lp_event_listener_connect (self);
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
  PGconn *conn = lp_db_connect (self->conninfo, self->config->statement_timeout_ms,
                                self->config->connect_timeout_s, &job->error);

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
  lp_event_hub_run_on_main (self, connect_done, job);
  return NULL;
}

void
lp_event_listener_connect (LpEventHub *self)
{
  ConnectJob *job = g_new0 (ConnectJob, 1);

  g_assert (self->connect_thread == NULL && self->listen_conn == NULL);
  job->hub = g_object_ref (self);
  self->connect_thread = g_thread_new ("lp-events-connect", connect_thread, job);
}

