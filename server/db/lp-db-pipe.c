/* lp-db-pipe.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-db"

#include "config.h"

#include "lp-db-pipe.h"

#include "lp-db.h"
#include "lp-error.h"

#include <gio/gio.h>
#include <glib-unix.h>

/* More than this many statements waiting means the database is slow: the next ones go
 * to the workers, which have their own limits. */
#define MAX_QUEUED    256
#define CHECK_MS      100
#define RECONNECT_MS  1000

typedef enum
{
  ENTRY_PREPARE,
  ENTRY_QUERY,
  ENTRY_SYNC,
} EntryKind;

/* What the connection owes us, in the order it answers: a prepare's result, a
 * statement's result, the end of a pipeline (PGRES_PIPELINE_SYNC). */
typedef struct
{
  EntryKind     kind;
  gint64        deadline_us;
  PGresult     *res;        /* the last result so far */
  LpDbPipeFunc  func;
  gpointer      user_data;
  const char   *sql;        /* ENTRY_PREPARE: the statement's text */
} Entry;

struct _LpDbPipe
{
  char         *conninfo;
  int           statement_timeout_ms;
  int           connect_timeout_s;
  GMainContext *context;
  PGconn       *conn;         /* NULL while (re)connecting */
  GSource      *io;           /* the socket, for reading */
  GSource      *out;          /* the socket, while libpq has more to send */
  GSource      *timer;        /* deadlines, while entries wait */
  GSource      *retry;
  gboolean      connecting;
  gboolean      stopping;
  GQueue        entries;
  guint         n_queries;
  GHashTable   *prepared;     /* SQL text (a constant, not owned) → statement name */
};

static void connect_soon (LpDbPipe *pipe,
                          guint     delay_ms);

/* Detaches a source of ours and forgets it. */
static void
clear_source (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static void
entry_free (Entry *entry)
{
  g_clear_pointer (&entry->res, PQclear);
  g_free (entry);
}

/* The pipe lives as long as its connect thread may still answer (see on_connected()). */
static LpDbPipe *
pipe_ref (LpDbPipe *pipe)
{
  return g_atomic_rc_box_acquire (pipe);
}

static void
pipe_clear (gpointer data)
{
  LpDbPipe *pipe = data;

  g_free (pipe->conninfo);
  g_main_context_unref (pipe->context);
  g_hash_table_unref (pipe->prepared);
}

static void
pipe_unref (LpDbPipe *pipe)
{
  g_atomic_rc_box_release_full (pipe, pipe_clear);
}

static GError *
lost_error (void)
{
  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED,
                              "The connection to the database was lost");
}

/* An error that ends the session (the backend was terminated, the server shuts down,
 * the connection broke), or a failed prepare before it: the statement did not run. */
static gboolean
result_lost (PGconn         *conn,
             const PGresult *res)
{
  const char *sqlstate = res != NULL ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;

  if (PQstatus (conn) != CONNECTION_OK ||
      (res != NULL && PQresultStatus (res) == PGRES_PIPELINE_ABORTED))
    return TRUE;
  return sqlstate != NULL && (g_str_has_prefix (sqlstate, "57P") ||
                              g_str_has_prefix (sqlstate, "08"));
}

static void
finish_entry (LpDbPipe     *pipe,
              Entry        *entry,
              const GError *failure)
{
  g_autoptr(GError) error = NULL;

  /* A prepare that failed is tried again next time; the statement sent behind it was
   * aborted, and a worker runs it (result_lost()). */
  if (entry->kind == ENTRY_PREPARE && failure == NULL &&
      (entry->res == NULL || PQresultStatus (entry->res) != PGRES_COMMAND_OK))
    g_hash_table_remove (pipe->prepared, entry->sql);
  if (entry->kind != ENTRY_QUERY)
    {
      entry_free (entry);
      return;
    }
  pipe->n_queries--;
  if (failure == NULL && entry->res != NULL && PQresultStatus (entry->res) == PGRES_TUPLES_OK)
    entry->func (entry->res, NULL, entry->user_data);
  else
    {
      if (failure == NULL && result_lost (pipe->conn, entry->res))
        error = lost_error ();
      else if (failure == NULL)
        lp_db_set_error_from_result (pipe->conn, entry->res, &error);
      entry->func (NULL, failure != NULL ? failure : error, entry->user_data);
    }
  entry_free (entry);
}

/* Ends the connection without waiting for the server and fails what it owes: with
 * LP_ERROR_UNAVAILABLE when the database stalled (@lost FALSE), or as not run when the
 * connection was lost (see lp-db-pipe.h). */
static void
break_connection (LpDbPipe   *pipe,
                  gboolean    lost,
                  const char *why)
{
  g_autoptr(GError) error = lost ? lost_error () :
                            g_error_new_literal (LP_ERROR, LP_ERROR_UNAVAILABLE,
                                                 "The database is unavailable");
  Entry *entry;

  if (!pipe->stopping)
    g_message ("The main loop's database connection ends: %s", why);
  clear_source (&pipe->io);
  clear_source (&pipe->out);
  clear_source (&pipe->timer);
  g_clear_pointer (&pipe->conn, lp_db_drop_connection);
  g_hash_table_remove_all (pipe->prepared);
  while ((entry = g_queue_pop_head (&pipe->entries)) != NULL)
    finish_entry (pipe, entry, error);
  if (!pipe->stopping)
    connect_soon (pipe, RECONNECT_MS);
}

/* Hands out every result that is complete, in order. */
static void
read_results (LpDbPipe *pipe)
{
  Entry *entry;

  while (pipe->conn != NULL && (entry = g_queue_peek_head (&pipe->entries)) != NULL &&
         !PQisBusy (pipe->conn))
    {
      PGresult *res = PQgetResult (pipe->conn);

      if (entry->kind == ENTRY_SYNC)
        {
          gboolean in_step = res != NULL && PQresultStatus (res) == PGRES_PIPELINE_SYNC;

          g_clear_pointer (&res, PQclear);
          if (!in_step)
            {
              break_connection (pipe, TRUE, "its answers are out of step");
              return;
            }
          entry_free (g_queue_pop_head (&pipe->entries));
          continue;
        }
      if (res != NULL)
        {
          g_clear_pointer (&entry->res, PQclear);
          entry->res = res;
          continue;
        }
      /* NULL: this statement's results are complete. */
      finish_entry (pipe, g_queue_pop_head (&pipe->entries), NULL);
    }
}

static gboolean on_writable (gint         fd,
                             GIOCondition condition,
                             gpointer     data);

/* Sends what libpq holds; while some is left, waits for room on the socket. */
static void
flush (LpDbPipe *pipe)
{
  int flushed = PQflush (pipe->conn);

  if (flushed < 0)
    {
      break_connection (pipe, TRUE, PQerrorMessage (pipe->conn));
      return;
    }
  if (flushed == 0)
    clear_source (&pipe->out);
  else if (flushed > 0 && pipe->out == NULL)
    {
      pipe->out = g_unix_fd_source_new (PQsocket (pipe->conn), G_IO_OUT);
      g_source_set_callback (pipe->out, G_SOURCE_FUNC (on_writable), pipe, NULL);
      g_source_attach (pipe->out, pipe->context);
    }
}

static gboolean
on_writable (gint         fd,
             GIOCondition condition,
             gpointer     data)
{
  flush (data);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_readable (gint         fd,
             GIOCondition condition,
             gpointer     data)
{
  LpDbPipe *pipe = data;

  if (!PQconsumeInput (pipe->conn))
    break_connection (pipe, TRUE, PQerrorMessage (pipe->conn));
  else
    read_results (pipe);
  /* Ended while idle (a terminated backend says so, then closes). */
  if (pipe->conn != NULL && PQstatus (pipe->conn) != CONNECTION_OK)
    break_connection (pipe, TRUE, PQerrorMessage (pipe->conn));
  return G_SOURCE_CONTINUE;
}

static gboolean
on_timer (gpointer data)
{
  LpDbPipe *pipe = data;
  Entry *head = g_queue_peek_head (&pipe->entries);

  if (head == NULL)
    {
      g_clear_pointer (&pipe->timer, g_source_unref);
      return G_SOURCE_REMOVE;
    }
  if (g_get_monotonic_time () > head->deadline_us)
    break_connection (pipe, FALSE, "a statement passed its deadline");
  return G_SOURCE_CONTINUE;
}

static Entry *
push_entry (LpDbPipe     *pipe,
            EntryKind     kind,
            LpDbPipeFunc  func,
            gpointer      user_data)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->kind = kind;
  entry->deadline_us = g_get_monotonic_time () +
                       (gint64) (pipe->statement_timeout_ms + LP_DB_EXEC_GRACE_MS) * 1000;
  entry->func = func;
  entry->user_data = user_data;
  g_queue_push_tail (&pipe->entries, entry);
  if (kind == ENTRY_QUERY)
    pipe->n_queries++;
  if (pipe->timer == NULL)
    {
      pipe->timer = g_timeout_source_new (CHECK_MS);
      g_source_set_callback (pipe->timer, on_timer, pipe, NULL);
      g_source_attach (pipe->timer, pipe->context);
    }
  return entry;
}

static const char *
statement_name (LpDbPipe   *pipe,
                const char *sql,
                int         n_params)
{
  char *name = g_hash_table_lookup (pipe->prepared, sql);

  if (name != NULL)
    return name;
  name = g_strdup_printf ("lp_pipe_%u", g_hash_table_size (pipe->prepared) + 1);
  if (!PQsendPrepare (pipe->conn, name, sql, n_params, NULL))
    {
      g_free (name);
      return NULL;
    }
  g_hash_table_insert (pipe->prepared, (gpointer) sql, name);
  push_entry (pipe, ENTRY_PREPARE, NULL, NULL)->sql = sql;
  return name;
}

gboolean
lp_db_pipe_send (LpDbPipe           *pipe,
                 const char         *sql,
                 int                 n_params,
                 const char * const *params,
                 LpDbPipeFunc        func,
                 gpointer            user_data)
{
  const char *name;

  if (pipe == NULL || pipe->conn == NULL || pipe->n_queries >= MAX_QUEUED)
    return FALSE;
  /* A Sync after each statement: one statement's error never aborts another's. (One Sync
   * per turn of the main loop measured no faster here.) */
  name = statement_name (pipe, sql, n_params);
  if (name == NULL ||
      !PQsendQueryPrepared (pipe->conn, name, n_params, params, NULL, NULL, 0) ||
      !PQpipelineSync (pipe->conn))
    {
      break_connection (pipe, TRUE, PQerrorMessage (pipe->conn));
      return FALSE;
    }
  push_entry (pipe, ENTRY_QUERY, func, user_data);
  push_entry (pipe, ENTRY_SYNC, NULL, NULL);
  /* PQpipelineSync() sent what it could; the rest goes when the socket has room. */
  flush (pipe);
  return TRUE;
}

static void
connect_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  LpDbPipe *pipe = data;
  GError *error = NULL;
  PGconn *conn = lp_db_connect_as (pipe->conninfo, LP_DB_PIPE_APPLICATION_NAME,
                                   pipe->statement_timeout_ms, pipe->connect_timeout_s,
                                   &error);

  if (conn != NULL && !PQenterPipelineMode (conn))
    {
      g_set_error (&error, LP_ERROR, LP_ERROR_UNAVAILABLE, "No pipeline mode: %s",
                   PQerrorMessage (conn));
      g_clear_pointer (&conn, lp_db_drop_connection);
    }
  if (conn == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, conn, (GDestroyNotify) lp_db_drop_connection);
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  LpDbPipe *pipe = data;
  g_autoptr(GError) error = NULL;
  PGconn *conn = g_task_propagate_pointer (G_TASK (result), &error);

  pipe->connecting = FALSE;
  if (pipe->stopping)
    g_clear_pointer (&conn, lp_db_drop_connection);
  else if (conn == NULL)
    {
      g_debug ("The main loop's database connection: %s", error->message);
      connect_soon (pipe, RECONNECT_MS);
    }
  else
    {
      pipe->conn = conn;
      pipe->io = g_unix_fd_source_new (PQsocket (conn), G_IO_IN | G_IO_ERR | G_IO_HUP);
      g_source_set_callback (pipe->io, G_SOURCE_FUNC (on_readable), pipe, NULL);
      g_source_attach (pipe->io, pipe->context);
    }
  pipe_unref (pipe);
}

static gboolean
start_connecting (gpointer data)
{
  LpDbPipe *pipe = data;
  g_autoptr(GTask) task = NULL;

  g_clear_pointer (&pipe->retry, g_source_unref);
  if (pipe->stopping || pipe->connecting || pipe->conn != NULL)
    return G_SOURCE_REMOVE;
  pipe->connecting = TRUE;
  task = g_task_new (NULL, NULL, on_connected, pipe_ref (pipe));
  g_task_set_task_data (task, pipe, NULL);
  g_task_run_in_thread (task, connect_in_thread);
  return G_SOURCE_REMOVE;
}

static void
connect_soon (LpDbPipe *pipe,
              guint     delay_ms)
{
  if (pipe->retry != NULL || pipe->connecting)
    return;
  pipe->retry = g_timeout_source_new (delay_ms);
  g_source_set_callback (pipe->retry, start_connecting, pipe, NULL);
  g_source_attach (pipe->retry, pipe->context);
}

LpDbPipe *
lp_db_pipe_new (const char *conninfo,
                int         statement_timeout_ms,
                int         connect_timeout_s)
{
  LpDbPipe *pipe = g_atomic_rc_box_new0 (LpDbPipe);

  pipe->conninfo = g_strdup (conninfo);
  pipe->statement_timeout_ms = statement_timeout_ms;
  pipe->connect_timeout_s = connect_timeout_s;
  pipe->context = g_main_context_ref_thread_default ();
  pipe->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_queue_init (&pipe->entries);
  start_connecting (pipe);
  return pipe;
}

void
lp_db_pipe_free (LpDbPipe *pipe)
{
  if (pipe == NULL)
    return;
  pipe->stopping = TRUE;
  clear_source (&pipe->retry);
  break_connection (pipe, FALSE, "the server stops");
  pipe_unref (pipe);
}
