/* lp-db.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-db"

#include "config.h"

#include "lp-db.h"

#include "lp-error.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>

#define MAX_TX_ATTEMPTS 8
/* Our connections' name in pg_stat_activity (the pipe's has its own). */
#define APPLICATION_NAME "lentera-server"
/* How often the pool tries the database again once it stopped answering. */
#define PROBE_RETRY_MS  200
/* A wait that can be cancelled looks at its flag this often. */
#define POLL_SLICE_MS   100

/* The SQLSTATE of the last failed statement on this thread, so the transaction helper can
 * tell a serialization failure (retry) from any other error (give up). */
static __thread char last_sqlstate[6];

/* Our own deadline on top of PostgreSQL's statement_timeout: the server-side timeout does
 * nothing for a database that is gone or frozen. Per thread, like the connection it
 * belongs to (set when the thread connects). */
static __thread int exec_deadline_ms = 7000;
/* How long a reset of a connection that died while idle may take. */
static __thread int reset_timeout_ms = 3000;
/* Set when a statement on this thread passed its deadline: the database stalled. The
 * worker reads saw_stall after each job; timed_out is for the last statement only. */
static __thread gboolean saw_stall;
static __thread gboolean timed_out;

struct _LpDbPool
{
  GAsyncQueue *queue;
  GPtrArray   *threads;
  GThread     *probe;
  char        *conninfo;
  int          statement_timeout_ms;
  int          connect_timeout_s;

  /* While down, a worker without a connection does not try to connect (the request gets
   * 503 at once) and the probe thread tries instead, until the database answers. */
  GMutex       lock;
  GCond        changed;
  int          down;       /* atomic */
  int          stopping;   /* atomic */
};

typedef struct
{
  LpDbJobFunc func;   /* NULL tells the worker to stop */
  gpointer    user_data;
} Job;

/* Server NOTICEs ("relation already exists, skipping") are not for the log. */
static void
ignore_notice (void       *arg,
               const char *message)
{
  g_debug ("%s", message);
}

/* Waits until the connection's socket is ready or the deadline passes; a set *cancel
 * ends the wait early (checked every POLL_SLICE_MS). */
static gboolean
wait_socket (PGconn    *conn,
             short      events,
             gint64     deadline,
             const int *cancel)
{
  struct pollfd pfd = { .fd = PQsocket (conn), .events = events };
  int remaining, rc;

  if (pfd.fd < 0)
    return FALSE;
  do
    {
      remaining = (int) ((deadline - g_get_monotonic_time ()) / 1000);
      if (remaining <= 0 || (cancel != NULL && g_atomic_int_get (cancel)))
        return FALSE;
      if (cancel != NULL)
        remaining = MIN (remaining, POLL_SLICE_MS);
      rc = poll (&pfd, 1, remaining);
    }
  while ((rc < 0 && errno == EINTR) || (rc == 0 && cancel != NULL));
  return rc > 0;
}

/* Drives PQconnectPoll or PQresetPoll to the end, never past the deadline: libpq's own
 * connect_timeout only applies to its blocking calls. */
static gboolean
finish_connecting (PGconn                      *conn,
                   PostgresPollingStatusType  (*poll_func) (PGconn *),
                   gint64                       deadline,
                   const int                   *cancel)
{
  PostgresPollingStatusType status = PGRES_POLLING_WRITING;

  for (;;)
    {
      if (status == PGRES_POLLING_OK)
        return TRUE;
      if (status == PGRES_POLLING_FAILED)
        return FALSE;
      if (!wait_socket (conn, status == PGRES_POLLING_READING ? POLLIN : POLLOUT, deadline,
                        cancel))
        return FALSE;
      status = poll_func (conn);
    }
}

/* Closes a connection without waiting for the server: the socket is shut down first, so
 * the Terminate message PQfinish sends fails at once instead of waiting for room. */
void
lp_db_drop_connection (PGconn *conn)
{
  if (conn == NULL)
    return;
  if (PQsocket (conn) >= 0)
    shutdown (PQsocket (conn), SHUT_RDWR);
  PQfinish (conn);
}

static PGconn *
connect_until (const char  *conninfo,
               const char  *application_name,
               int          statement_timeout_ms,
               gint64       deadline,
               const int   *cancel,
               GError     **error)
{
  g_autofree char *options = g_strdup_printf ("-c statement_timeout=%d -c lock_timeout=%d "
                                              "-c idle_in_transaction_session_timeout=%d "
                                              "-c TimeZone=UTC -c DateStyle=ISO -c jit=off",
                                              statement_timeout_ms, statement_timeout_ms,
                                              statement_timeout_ms * 2);
  const char *keys[] = { "dbname", "options", "application_name", "keepalives_idle",
                         "tcp_user_timeout", NULL };
  const char *values[] = { conninfo, options, application_name, "30", "10000", NULL };
  PGconn *conn = PQconnectStartParams (keys, values, 1);

  exec_deadline_ms = statement_timeout_ms + LP_DB_EXEC_GRACE_MS;
  if (conn == NULL)
    {
      g_set_error_literal (error, LP_ERROR, LP_ERROR_UNAVAILABLE,
                           "The database is unavailable: out of memory");
      return NULL;
    }
  if (PQstatus (conn) == CONNECTION_BAD ||
      !finish_connecting (conn, PQconnectPoll, deadline, cancel))
    {
      const char *message = PQstatus (conn) == CONNECTION_BAD ? PQerrorMessage (conn)
                                                               : "no answer in time";

      /* libpq's message may run over several lines: the first says what happened. */
      g_set_error (error, LP_ERROR, LP_ERROR_UNAVAILABLE, "The database is unavailable: %.*s",
                   (int) strcspn (message, "\n"), message);
      lp_db_drop_connection (conn);
      return NULL;
    }
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  /* Nothing is queued yet, so this does not flush; from now on libpq never blocks. */
  PQsetnonblocking (conn, 1);
  return conn;
}

PGconn *
lp_db_connect (const char  *conninfo,
               int          statement_timeout_ms,
               int          connect_timeout_s,
               GError     **error)
{
  reset_timeout_ms = MIN (connect_timeout_s * 1000, statement_timeout_ms);
  return lp_db_connect_as (conninfo, APPLICATION_NAME, statement_timeout_ms, connect_timeout_s,
                           error);
}

PGconn *
lp_db_connect_as (const char  *conninfo,
                  const char  *application_name,
                  int          statement_timeout_ms,
                  int          connect_timeout_s,
                  GError     **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) connect_timeout_s * G_USEC_PER_SEC;

  return connect_until (conninfo, application_name, statement_timeout_ms, deadline, NULL,
                        error);
}

/* A connection may serve the next job only when libpq has nothing in progress on it and
 * no transaction was left open: anything else is given up. */
static gboolean
connection_reusable (PGconn *conn)
{
  return PQstatus (conn) == CONNECTION_OK && PQtransactionStatus (conn) == PQTRANS_IDLE;
}

static void
mark_down (LpDbPool     *pool,
           const GError *error)
{
  g_mutex_lock (&pool->lock);
  if (!g_atomic_int_get (&pool->down))
    {
      g_message ("The database does not answer (%s); requests get 503 until it does",
                 error != NULL ? error->message : "a statement passed its deadline");
      g_atomic_int_set (&pool->down, TRUE);
      g_cond_broadcast (&pool->changed);
    }
  g_mutex_unlock (&pool->lock);
}

/* One connection a worker may wait for: never longer than a statement may take, so a
 * request stays within its statement timeout even when it has to connect first. */
static PGconn *
worker_connect (LpDbPool *pool)
{
  int timeout_ms = MIN (pool->connect_timeout_s * 1000, pool->statement_timeout_ms);
  g_autoptr(GError) error = NULL;
  PGconn *conn;

  reset_timeout_ms = timeout_ms;
  conn = connect_until (pool->conninfo, APPLICATION_NAME, pool->statement_timeout_ms,
                        g_get_monotonic_time () + (gint64) timeout_ms * 1000, NULL, &error);
  if (conn == NULL)
    mark_down (pool, error);
  return conn;
}

/* The main loop hands a worker its job and has more to do (reply, accept, read the next
 * request): a worker woken as SCHED_BATCH waits for a free core instead of preempting
 * the main loop on its own, which under load cost one context switch per request. */
static void
batch_priority (void)
{
#ifdef SCHED_BATCH
  struct sched_param param = { 0 };

  if (pthread_setschedparam (pthread_self (), SCHED_BATCH, &param) != 0)
    g_debug ("Database worker stays SCHED_OTHER");
#endif
}

static gpointer
worker_main (gpointer data)
{
  LpDbPool *pool = data;
  PGconn *conn = NULL;

  batch_priority ();
  for (;;)
    {
      Job *job = g_async_queue_pop (pool->queue);
      LpDbJobFunc func = job->func;
      gpointer user_data = job->user_data;

      g_free (job);
      if (func == NULL)
        break;
      if (conn == NULL && !g_atomic_int_get (&pool->down))
        conn = worker_connect (pool);
      saw_stall = FALSE;
      func (conn, user_data);
      if (saw_stall)
        mark_down (pool, NULL);
      if (conn != NULL && !connection_reusable (conn))
        g_clear_pointer (&conn, lp_db_drop_connection);
    }
  g_clear_pointer (&conn, PQfinish);
  return NULL;
}

/* Runs while the pool is down: tries the database until it answers a query. */
static gboolean
probe_once (LpDbPool *pool)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) pool->connect_timeout_s * G_USEC_PER_SEC;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;
  PGconn *conn;

  conn = connect_until (pool->conninfo, APPLICATION_NAME, pool->statement_timeout_ms, deadline,
                        &pool->stopping, &error);
  if (conn == NULL)
    {
      g_debug ("Probe: %s", error->message);
      return FALSE;
    }
  res = lp_db_exec (conn, "SELECT 1", 0, NULL, &error);
  if (connection_reusable (conn))
    PQfinish (conn);
  else
    lp_db_drop_connection (conn);
  return res != NULL;
}

static gpointer
probe_main (gpointer data)
{
  LpDbPool *pool = data;

  g_mutex_lock (&pool->lock);
  while (!g_atomic_int_get (&pool->stopping))
    {
      gboolean answered;

      if (!g_atomic_int_get (&pool->down))
        {
          g_cond_wait (&pool->changed, &pool->lock);
          continue;
        }
      g_mutex_unlock (&pool->lock);
      answered = probe_once (pool);
      g_mutex_lock (&pool->lock);
      if (answered)
        {
          g_message ("The database answers again");
          g_atomic_int_set (&pool->down, FALSE);
        }
      else if (!g_atomic_int_get (&pool->stopping))
        g_cond_wait_until (&pool->changed, &pool->lock,
                           g_get_monotonic_time () + PROBE_RETRY_MS * 1000);
    }
  g_mutex_unlock (&pool->lock);
  return NULL;
}

LpDbPool *
lp_db_pool_new (const char *conninfo,
                int         n_workers,
                int         statement_timeout_ms,
                int         connect_timeout_s)
{
  LpDbPool *pool = g_new0 (LpDbPool, 1);

  pool->queue = g_async_queue_new ();
  pool->threads = g_ptr_array_new ();
  pool->conninfo = g_strdup (conninfo);
  pool->statement_timeout_ms = statement_timeout_ms;
  pool->connect_timeout_s = connect_timeout_s;
  g_mutex_init (&pool->lock);
  g_cond_init (&pool->changed);
  for (int i = 0; i < n_workers; i++)
    g_ptr_array_add (pool->threads, g_thread_new ("lp-db-worker", worker_main, pool));
  pool->probe = g_thread_new ("lp-db-probe", probe_main, pool);
  return pool;
}

void
lp_db_pool_push (LpDbPool    *pool,
                 LpDbJobFunc  func,
                 gpointer     user_data)
{
  Job *job;

  g_return_if_fail (pool != NULL && func != NULL);

  job = g_new0 (Job, 1);
  job->func = func;
  job->user_data = user_data;
  g_async_queue_push (pool->queue, job);
}

/* Lets queued jobs finish, then stops every worker and closes its connection. */
void
lp_db_pool_free (LpDbPool *pool)
{
  if (pool == NULL)
    return;
  for (guint i = 0; i < pool->threads->len; i++)
    g_async_queue_push (pool->queue, g_new0 (Job, 1));
  for (guint i = 0; i < pool->threads->len; i++)
    g_thread_join (g_ptr_array_index (pool->threads, i));
  g_mutex_lock (&pool->lock);
  g_atomic_int_set (&pool->stopping, TRUE);
  g_cond_broadcast (&pool->changed);
  g_mutex_unlock (&pool->lock);
  g_thread_join (pool->probe);
  g_mutex_clear (&pool->lock);
  g_cond_clear (&pool->changed);
  g_ptr_array_unref (pool->threads);
  g_async_queue_unref (pool->queue);
  g_free (pool->conninfo);
  g_free (pool);
}

/* Gives up on a connection whose server stopped answering, without waiting for it (no
 * PQcancel: that waits for the server too). Shutting the socket down makes libpq see
 * the end of the stream, so the connection reads CONNECTION_BAD from here on and the
 * worker drops it after the job; the server's backend ends when it next reads. */
static void
abandon_connection (PGconn *conn)
{
  saw_stall = TRUE;
  timed_out = TRUE;
  shutdown (PQsocket (conn), SHUT_RDWR);
  /* Each call reads what is buffered; the last one sees the end of the stream. */
  for (int i = 0; i < 64 && PQstatus (conn) == CONNECTION_OK; i++)
    if (!PQconsumeInput (conn))
      break;
}

static PGresult *
collect_results (PGconn *conn,
                 gint64  deadline)
{
  PGresult *last = NULL;

  for (;;)
    {
      int flushed = PQflush (conn);

      if (flushed == 0)
        break;
      if (flushed < 0 || !wait_socket (conn, POLLIN | POLLOUT, deadline, NULL) ||
          !PQconsumeInput (conn))
        goto broken;
    }
  for (;;)
    {
      PGresult *res;

      while (PQisBusy (conn))
        if (!wait_socket (conn, POLLIN, deadline, NULL) || !PQconsumeInput (conn))
          goto broken;
      res = PQgetResult (conn);
      if (res == NULL)
        break;
      /* Keep the first error, else the last result. */
      if (last != NULL && PQresultStatus (last) == PGRES_FATAL_ERROR)
        PQclear (res);
      else
        {
          g_clear_pointer (&last, PQclear);
          last = res;
        }
    }
  return last;

broken:
  g_clear_pointer (&last, PQclear);
  if (PQstatus (conn) == CONNECTION_OK)
    abandon_connection (conn);
  return NULL;
}

static gboolean
result_ok (const PGresult *res)
{
  ExecStatusType status = res != NULL ? PQresultStatus (res) : PGRES_FATAL_ERROR;

  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

/* How a statement's parameters and result are encoded (PQexecParams' arguments). */
typedef struct
{
  int                 n_params;
  const char * const *params;
  const int          *lengths;
  const int          *formats;
  int                 result_format;
} Params;

static PGresult *
exec_once (PGconn       *conn,
           const char   *sql,
           const Params *p)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) exec_deadline_ms * 1000;

  timed_out = FALSE;
  if (PQstatus (conn) != CONNECTION_OK)
    return NULL;
  if (PQisnonblocking (conn) == 0)
    PQsetnonblocking (conn, 1);
  if (!PQsendQueryParams (conn, sql, p->n_params, NULL, p->params, p->lengths, p->formats,
                          p->result_format))
    return NULL;
  return collect_results (conn, deadline);
}

/* A connection that died while idle (the database restarted) is reset and the statement
 * sent again, but only when nothing can have been half-done: outside a transaction, for
 * a statement that starts one or only reads. Never after a stall (the reset would only
 * wait for the same frozen server), and never longer than a statement may take. */
static gboolean
may_retry_on_fresh_connection (PGconn     *conn,
                               gboolean    was_idle,
                               const char *sql)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) reset_timeout_ms * 1000;

  if (!was_idle || timed_out || PQstatus (conn) == CONNECTION_OK)
    return FALSE;
  if (!g_str_has_prefix (sql, "BEGIN") && !g_str_has_prefix (sql, "SELECT"))
    return FALSE;
  if (!PQresetStart (conn) || !finish_connecting (conn, PQresetPoll, deadline, NULL))
    {
      /* A half-done reset is not left for libpq to finish later. */
      if (PQsocket (conn) >= 0)
        shutdown (PQsocket (conn), SHUT_RDWR);
      return FALSE;
    }
  PQsetnonblocking (conn, 1);
  return PQstatus (conn) == CONNECTION_OK;
}

PGresult *
lp_db_exec (PGconn             *conn,
            const char         *sql,
            int                 n_params,
            const char * const *params,
            GError            **error)
{
  return lp_db_exec_params (conn, sql, n_params, params, NULL, NULL, 0, error);
}

/* What every statement starts with: no SQLSTATE of an earlier one, and a connection. */
static gboolean
begin_exec (PGconn  *conn,
            GError **error)
{
  last_sqlstate[0] = '\0';
  if (conn != NULL)
    return TRUE;
  g_set_error_literal (error, LP_ERROR, LP_ERROR_UNAVAILABLE, "The database is unavailable");
  return FALSE;
}

PGresult *
lp_db_exec_params (PGconn             *conn,
                   const char         *sql,
                   int                 n_params,
                   const char * const *params,
                   const int          *lengths,
                   const int          *formats,
                   int                 result_format,
                   GError            **error)
{
  Params p = { n_params, params, lengths, formats, result_format };
  gboolean was_idle;
  PGresult *res;

  g_return_val_if_fail (sql != NULL, NULL);

  if (!begin_exec (conn, error))
    return NULL;
  was_idle = PQtransactionStatus (conn) == PQTRANS_IDLE;
  res = exec_once (conn, sql, &p);
  if (!result_ok (res) && may_retry_on_fresh_connection (conn, was_idle, sql))
    {
      g_clear_pointer (&res, PQclear);
      res = exec_once (conn, sql, &p);
    }
  if (result_ok (res))
    return res;
  lp_db_set_error_from_result (conn, res, error);
  g_clear_pointer (&res, PQclear);
  return NULL;
}

/* The statements prepared on this thread's connection: SQL text → name. A connection
 * that was reset or replaced (another backend) has none of them any more. */
typedef struct
{
  PGconn     *conn;
  int         backend_pid;
  GHashTable *names;
} Prepared;

static void
prepared_free (gpointer data)
{
  Prepared *prepared = data;

  g_hash_table_unref (prepared->names);
  g_free (prepared);
}

static GPrivate prepared_key = G_PRIVATE_INIT (prepared_free);

static Prepared *
prepared_for (PGconn *conn)
{
  Prepared *prepared = g_private_get (&prepared_key);

  if (prepared == NULL)
    {
      prepared = g_new0 (Prepared, 1);
      prepared->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_private_set (&prepared_key, prepared);
    }
  if (prepared->conn != conn || prepared->backend_pid != PQbackendPID (conn))
    {
      g_hash_table_remove_all (prepared->names);
      prepared->conn = conn;
      prepared->backend_pid = PQbackendPID (conn);
    }
  return prepared;
}

/* Prepares sql on conn unless it is already; NULL (with the error's result in *failed)
 * when the database refused. */
static const char *
prepare_once (PGconn      *conn,
              const char  *sql,
              int          n_params,
              PGresult   **failed)
{
  Prepared *prepared = prepared_for (conn);
  const char *name = g_hash_table_lookup (prepared->names, sql);
  gint64 deadline = g_get_monotonic_time () + (gint64) exec_deadline_ms * 1000;
  g_autofree char *new_name = NULL;
  PGresult *res;

  *failed = NULL;
  if (name != NULL)
    return name;
  if (PQstatus (conn) != CONNECTION_OK)
    return NULL;
  if (PQisnonblocking (conn) == 0)
    PQsetnonblocking (conn, 1);
  new_name = g_strdup_printf ("lp_%u", g_hash_table_size (prepared->names) + 1);
  if (!PQsendPrepare (conn, new_name, sql, n_params, NULL))
    return NULL;
  res = collect_results (conn, deadline);
  if (!result_ok (res))
    {
      *failed = res;
      return NULL;
    }
  PQclear (res);
  name = new_name;
  g_hash_table_insert (prepared->names, g_strdup (sql), g_steal_pointer (&new_name));
  return name;
}

static PGresult *
exec_prepared_once (PGconn             *conn,
                    const char         *sql,
                    int                 n_params,
                    const char * const *params)
{
  PGresult *res = NULL;
  const char *name = prepare_once (conn, sql, n_params, &res);
  gint64 deadline = g_get_monotonic_time () + (gint64) exec_deadline_ms * 1000;

  if (name == NULL)
    return res;
  if (!PQsendQueryPrepared (conn, name, n_params, params, NULL, NULL, 0))
    return NULL;
  return collect_results (conn, deadline);
}

PGresult *
lp_db_exec_prepared (PGconn             *conn,
                     const char         *sql,
                     int                 n_params,
                     const char * const *params,
                     GError            **error)
{
  gboolean was_idle;
  PGresult *res;
  const char *sqlstate;

  g_return_val_if_fail (sql != NULL, NULL);

  if (!begin_exec (conn, error))
    return NULL;
  was_idle = PQtransactionStatus (conn) == PQTRANS_IDLE;
  res = exec_prepared_once (conn, sql, n_params, params);
  /* 26000: the statement is gone from the session (DISCARD, a pooler); prepare anew. */
  sqlstate = res != NULL ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
  if (sqlstate != NULL && g_str_equal (sqlstate, "26000"))
    {
      g_hash_table_remove_all (prepared_for (conn)->names);
      g_clear_pointer (&res, PQclear);
      res = exec_prepared_once (conn, sql, n_params, params);
    }
  else if (!result_ok (res) && may_retry_on_fresh_connection (conn, was_idle, sql))
    {
      g_clear_pointer (&res, PQclear);
      res = exec_prepared_once (conn, sql, n_params, params);
    }
  if (result_ok (res))
    return res;
  lp_db_set_error_from_result (conn, res, error);
  g_clear_pointer (&res, PQclear);
  return NULL;
}

PGresult *
lp_db_expect_row (PGresult    *res,
                  const char  *not_found_message,
                  GError     **error)
{
  if (res == NULL || PQntuples (res) > 0)
    return res;
  PQclear (res);
  g_set_error_literal (error, LP_ERROR, LP_ERROR_NOT_FOUND, not_found_message);
  return NULL;
}

/* Runs trusted SQL of our own (migrations, demo data): several statements, no parameters. */
gboolean
lp_db_exec_script (PGconn      *conn,
                   const char  *sql,
                   GError     **error)
{
  g_autoptr(PGresult) res = NULL;

  last_sqlstate[0] = '\0';
  if (conn == NULL || !PQsendQuery (conn, sql))
    {
      g_set_error (error, LP_ERROR, LP_ERROR_UNAVAILABLE, "The database is unavailable");
      return FALSE;
    }
  /* Scripts may run long (demo data); allow them a generous deadline. */
  res = collect_results (conn, g_get_monotonic_time () + 600 * G_USEC_PER_SEC);
  if (result_ok (res))
    return TRUE;
  lp_db_set_error_from_result (conn, res, error);
  return FALSE;
}

typedef struct
{
  const char  *sqlstate;   /* a full code, or a two-character class */
  LpErrorCode  code;
  const char  *message;
} SqlStateMap;

/* The one place where SQLSTATEs become API errors. */
static const SqlStateMap sqlstate_map[] = {
  { "23505", LP_ERROR_DUPLICATE, "A record with the same value already exists" },
  { "23514", LP_ERROR_CONFLICT, "The change would break a rule of the data" },
  { "23P01", LP_ERROR_OVERBOOKED, "The item is already booked for those dates" },
  { "23502", LP_ERROR_VALIDATION_FAILED, "A required value is missing" },
  { "40001", LP_ERROR_CONFLICT, "Too many simultaneous changes; please try again" },
  { "40P01", LP_ERROR_CONFLICT, "Too many simultaneous changes; please try again" },
  { "55P03", LP_ERROR_UNAVAILABLE, "The database is busy; please try again" },
  { "57014", LP_ERROR_UNAVAILABLE, "The database took too long to answer" },
  { "42501", LP_ERROR_FORBIDDEN, "This change is not allowed" },
  { "22", LP_ERROR_BAD_REQUEST, "A value is not valid" },
  { "08", LP_ERROR_UNAVAILABLE, "The database is unavailable" },
  { "53", LP_ERROR_UNAVAILABLE, "The database is out of resources" },
  { "57", LP_ERROR_UNAVAILABLE, "The database is unavailable" },
  { "58", LP_ERROR_UNAVAILABLE, "The database is unavailable" },
};

static const SqlStateMap *
lookup_sqlstate (const char *sqlstate)
{
  for (guint i = 0; i < G_N_ELEMENTS (sqlstate_map); i++)
    if (strncmp (sqlstate, sqlstate_map[i].sqlstate, strlen (sqlstate_map[i].sqlstate)) == 0)
      return &sqlstate_map[i];
  return NULL;
}

/* Our own SQL functions raise P0001 with the API error code as HINT and a message meant
 * for the user; a foreign-key failure is "in use" on delete and a bad reference otherwise. */
static gboolean
map_special (const PGresult  *res,
             const char      *sqlstate,
             GError         **error)
{
  const char *primary = PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY);
  const char *hint = PQresultErrorField (res, PG_DIAG_MESSAGE_HINT);
  const char *detail = PQresultErrorField (res, PG_DIAG_MESSAGE_DETAIL);
  LpErrorCode code;

  if (g_str_equal (sqlstate, "P0001") && lp_error_code_from_string (hint, &code))
    {
      g_set_error_literal (error, LP_ERROR, code, primary != NULL ? primary : "Refused");
      return TRUE;
    }
  if (g_str_equal (sqlstate, "23503"))
    {
      if (detail != NULL && strstr (detail, "still referenced") != NULL)
        g_set_error_literal (error, LP_ERROR, LP_ERROR_IN_USE, "It is still in use");
      else
        g_set_error_literal (error, LP_ERROR, LP_ERROR_VALIDATION_FAILED,
                             "It refers to something that does not exist");
      return TRUE;
    }
  return FALSE;
}

void
lp_db_set_error_from_result (PGconn          *conn,
                             const PGresult  *res,
                             GError         **error)
{
  const char *sqlstate = res != NULL ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
  const SqlStateMap *map;

  if (sqlstate == NULL || (conn != NULL && PQstatus (conn) != CONNECTION_OK))
    {
      g_set_error_literal (error, LP_ERROR, LP_ERROR_UNAVAILABLE, "The database is unavailable");
      return;
    }
  g_strlcpy (last_sqlstate, sqlstate, sizeof last_sqlstate);
  if (map_special (res, sqlstate, error))
    return;
  map = lookup_sqlstate (sqlstate);
  if (map != NULL)
    {
      g_set_error_literal (error, LP_ERROR, map->code, map->message);
      return;
    }
  g_warning ("Unexpected database error %s: %s", sqlstate, PQresultErrorMessage (res));
  g_set_error_literal (error, LP_ERROR, LP_ERROR_INTERNAL, "Unexpected database error");
}

static gboolean
is_retryable (void)
{
  return g_str_equal (last_sqlstate, "40001") || g_str_equal (last_sqlstate, "40P01");
}

static void
rollback (PGconn *conn)
{
  static const Params no_params = { 0 };
  g_autoptr(PGresult) res = NULL;

  if (PQstatus (conn) != CONNECTION_OK || PQtransactionStatus (conn) == PQTRANS_IDLE)
    return;
  res = exec_once (conn, "ROLLBACK", &no_params);
}

gboolean
lp_db_allow_long_statements (PGconn  *conn,
                             int      timeout_ms,
                             GError **error)
{
  char text[16];
  g_autoptr(PGresult) res = NULL;

  g_return_val_if_fail (timeout_ms > 0, FALSE);

  g_snprintf (text, sizeof text, "%d", timeout_ms);
  res = lp_db_query (conn, error, "SELECT set_config('statement_timeout', $1, true)", text);
  if (res == NULL)
    return FALSE;
  exec_deadline_ms = MAX (exec_deadline_ms, timeout_ms + LP_DB_EXEC_GRACE_MS);
  return TRUE;
}

gboolean
lp_db_transaction (PGconn     *conn,
                   LpTxFunc    func,
                   gpointer    user_data,
                   GError    **error)
{
  int usual_deadline_ms = exec_deadline_ms;

  for (int attempt = 1; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(PGresult) begin = lp_db_exec (conn, "BEGIN", 0, NULL, &local_error);
      g_autoptr(PGresult) commit = NULL;
      gboolean done;

      if (begin == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      done = func (conn, user_data, &local_error) &&
             (commit = lp_db_exec (conn, "COMMIT", 0, NULL, &local_error)) != NULL;
      if (!done)
        {
          g_assert (local_error != NULL);
          rollback (conn);
        }
      exec_deadline_ms = usual_deadline_ms;
      if (done)
        return TRUE;
      if (!is_retryable () || attempt == MAX_TX_ATTEMPTS)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_usleep (g_random_int_range (1000, 5000) * attempt);
    }
}

const char *
lp_db_get (const PGresult *res,
           int             row,
           int             col)
{
  if (PQgetisnull (res, row, col))
    return NULL;
  return PQgetvalue (res, row, col);
}

gint64
lp_db_get_int (const PGresult *res,
               int             row,
               int             col)
{
  const char *value = lp_db_get (res, row, col);

  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

gboolean
lp_db_get_bool (const PGresult *res,
                int             row,
                int             col)
{
  const char *value = lp_db_get (res, row, col);

  return value != NULL && value[0] == 't';
}
