/* lp-request-path.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-request"

#include "config.h"

#include "lp-request-private.h"

#include "lp-error.h"
#include "lp-json.h"
#include "lp-reply-crowd.h"
#include "lp-sessions.h"

#include <time.h>

/* The one path of every request, the API's routes (lp-router.c) and the events
 * handshake (lp-events.c) alike: what a request is allowed to do is decided here only. */

void
lp_request_refuse_now (SoupServerMessage *msg,
                       LpErrorCode        code,
                       const char        *message)
{
  g_autoptr(GError) error = g_error_new_literal (LP_ERROR, code, message);
  g_autoptr(JsonNode) body = lp_json_error_body (error);
  gsize length = 0;
  char *text = lp_json_to_string (body, &length);

  soup_server_message_set_status (msg, lp_error_code_http_status (code), NULL);
  soup_server_message_set_response (msg, LP_JSON_CONTENT_TYPE,
                                    SOUP_MEMORY_TAKE, text, length);
}

/* The time as g_date_time_format_iso8601() writes it in UTC, without a GDateTime. */
static void
format_now (char  *out,
            gsize  size)
{
  gint64 now = g_get_real_time ();
  time_t seconds = (time_t) (now / G_USEC_PER_SEC);
  int usec = (int) (now % G_USEC_PER_SEC);
  struct tm tm;
  gsize n;

  gmtime_r (&seconds, &tm);
  n = strftime (out, size, "%Y-%m-%dT%H:%M:%S", &tm);
  if (usec != 0)
    g_snprintf (out + n, size - n, ".%06dZ", usec);
  else
    g_snprintf (out + n, size - n, "Z");
}

/* The lines of requests finished in one wake-up of the main loop (finish_queued()) go
 * out in one write; a line logged outside such a batch goes out at once. */
static GString *log_batch;
static guint log_batch_depth;

static void
log_batch_begin (void)
{
  log_batch_depth++;
}

static void
log_batch_end (void)
{
  g_assert (log_batch_depth > 0);
  if (--log_batch_depth > 0 || log_batch == NULL || log_batch->len == 0)
    return;
  g_printerr ("%s", log_batch->str);
  g_string_truncate (log_batch, 0);
}

void
lp_request_log (LpRequest *req)
{
  char stamp[64];
  double ms = (g_get_monotonic_time () - req->started_us) / 1000.0;

  if (log_batch == NULL)
    log_batch = g_string_sized_new (16384);
  log_batch_begin ();
  format_now (stamp, sizeof stamp);
  /* One line per request, key=value, for grep and log shippers; never a token (nor the
   * query, which may hold one). */
  g_string_append_printf (log_batch, "%s method=%s path=%s status=%u ms=%.2f bytes=%"
                          G_GSIZE_FORMAT " ip=%s user=%s%s%s%s\n",
                          stamp, req->method, req->path, req->status, ms,
                          req->reply != NULL ? g_bytes_get_size (req->reply) : 0,
                          req->ip, req->username != NULL ? req->username : "-",
                          req->error_code != NULL ? " error=" : "",
                          req->error_code != NULL ? req->error_code : "",
                          req->cache_hit ? " cache=hit" : "");
  log_batch_end ();
}

gboolean
lp_request_failed (LpRequest *req)
{
  return req->error_code != NULL;
}

gboolean
lp_request_is_gone (LpRequest *req)
{
  return g_atomic_int_get (&req->disconnected);
}

/* Sets status, headers and body of the message from the request's reply. */
static void
respond (LpRequest *req)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);

  soup_server_message_set_status (req->msg, req->status, NULL);
  for (guint i = 0; i + 1 < req->reply_headers->len; i += 2)
    soup_message_headers_replace (headers, g_ptr_array_index (req->reply_headers, i),
                                  g_ptr_array_index (req->reply_headers, i + 1));
  if (req->cache_key != NULL)
    soup_message_headers_replace (headers, "X-Cache", req->cache_hit ? "hit" : "miss");
  if (req->reply != NULL)
    {
      soup_message_headers_set_content_type (headers, req->content_type, NULL);
      soup_message_body_append_bytes (soup_server_message_get_response_body (req->msg),
                                      req->reply);
    }
}

static void
on_disconnected (SoupServerMessage *msg,
                 LpRequest         *req)
{
  g_atomic_int_set (&req->disconnected, TRUE);
}

void
lp_request_hold (LpRequest *req)
{
  g_assert (req->disconnected_id == 0);
  req->disconnected_id = g_signal_connect (req->msg, "disconnected",
                                           G_CALLBACK (on_disconnected), req);
  soup_server_message_pause (req->msg);
}

/* Ends the hold; TRUE when the message may still be answered. */
static gboolean
unhold (LpRequest *req)
{
  if (req->disconnected_id == 0)
    return TRUE;
  g_clear_signal_handler (&req->disconnected_id, req->msg);
  if (g_atomic_int_get (&req->disconnected))
    return FALSE;
  soup_server_message_unpause (req->msg);
  return TRUE;
}

void
lp_request_release (LpRequest *req)
{
  if (!g_atomic_int_get (&req->disconnected))
    respond (req);
  unhold (req);
  lp_request_log (req);
  lp_request_free (req);
}

void
lp_request_let_go (LpRequest *req)
{
  unhold (req);
  g_clear_object (&req->msg);
}

/* Requests the workers are done with, for the main loop (the server has one). */
static GAsyncQueue *finished;
static gint finish_scheduled;

/* Back on the main loop: the only place a worker's reply touches the message. Every
 * reply finished since the source was attached goes out in one wake-up, so a loaded
 * main loop sends many at once. The flag is cleared before the queue is read: a reply
 * queued meanwhile is either read here or attaches a new source. */
static gboolean
finish_queued (gpointer data)
{
  LpRequest *req;

  g_atomic_int_set (&finish_scheduled, FALSE);
  log_batch_begin ();
  while ((req = g_async_queue_try_pop (finished)) != NULL)
    req->done (req, req->done_data);
  log_batch_end ();
  return G_SOURCE_REMOVE;
}

/* An idle source, never g_main_context_invoke: that runs the function right here, on the
 * worker, whenever the main context happens to be free to acquire (during shutdown). */
static void
reply_on_main (LpRequest *req)
{
  static gsize once = 0;
  /* Read before the push: from then on the main loop may finish and free @req. */
  g_autoptr(GMainContext) context = g_main_context_ref (req->context);
  g_autoptr(GSource) source = NULL;

  if (g_once_init_enter (&once))
    {
      finished = g_async_queue_new ();
      g_once_init_leave (&once, 1);
    }
  g_async_queue_push (finished, req);
  if (!g_atomic_int_compare_and_exchange (&finish_scheduled, FALSE, TRUE))
    return;
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, finish_queued, NULL, NULL);
  g_source_attach (source, context);
}

static gboolean
authorize (LpRequest  *req,
           GError    **error)
{
  if ((req->route->roles & req->role) != 0)
    return TRUE;
  if (req->role == LP_ROLE_GUEST)
    g_set_error_literal (error, LP_ERROR, LP_ERROR_UNAUTHORIZED, "Please log in first");
  else
    g_set_error_literal (error, LP_ERROR, LP_ERROR_FORBIDDEN,
                         "Your account is not allowed to do this");
  return FALSE;
}

/* Also reads what the transaction changed in the catalog, as its triggers noted it
 * (data/sql/0007_catalog_cache.sql), for the reply cache (lp-reply-crowd.c). */
static gboolean
handler_in_transaction (PGconn    *conn,
                        gpointer   data,
                        GError   **error)
{
  LpRequest *req = data;
  g_autoptr(PGresult) res = NULL;

  if (!req->route->handler (req, conn, error))
    return FALSE;
  if (req->cache == NULL)
    return TRUE;
  res = lp_db_exec (conn, "SELECT current_setting('lentera.catalog_changes', true)", 0, NULL,
                    error);
  if (res == NULL)
    return FALSE;
  g_free (req->catalog_changes);
  req->catalog_changes = g_strdup (lp_db_get (res, 0, 0));
  return TRUE;
}

static gboolean
process (LpRequest  *req,
         PGconn     *conn,
         GError    **error)
{
  if (conn == NULL)
    {
      g_set_error_literal (error, LP_ERROR, LP_ERROR_UNAVAILABLE, "The database is unavailable");
      return FALSE;
    }
  if (!lp_session_authenticate (req, conn, error) || !authorize (req, error))
    return FALSE;
  if (req->route->handler == NULL || lp_reply_crowd_answer_kept (req))
    return TRUE;
  if (req->route->flags & LP_ROUTE_TRANSACTION)
    return lp_db_transaction (conn, handler_in_transaction, req, error);
  return req->route->handler (req, conn, error);
}

static void
run_on_worker (PGconn   *conn,
               gpointer  data)
{
  LpRequest *req = data;
  g_autoptr(GError) error = NULL;

  /* A client that left while its request waited in the queue gets no work done. */
  if (g_atomic_int_get (&req->disconnected))
    req->status = 499;
  else if (!process (req, conn, &error))
    lp_request_reply_error (req, error);
  else if (req->route->handler != NULL && req->status == 500 && req->reply == NULL)
    {
      g_autoptr(GError) missing = g_error_new (LP_ERROR, LP_ERROR_INTERNAL,
                                               "The server did not answer");
      g_warning ("%s %s: handler set no reply", req->method, req->path);
      lp_request_reply_error (req, missing);
    }
  reply_on_main (req);
}

gboolean
lp_request_run_read (LpRequest  *req,
                     PGconn     *conn,
                     GError    **error)
{
  const LpRouteRead *read = req->route->read;
  const char *params[LP_ROUTE_READ_MAX_PARAMS] = { NULL };
  const char *sql = NULL;
  int n_params = 0;
  g_autoptr(PGresult) res = NULL;

  if (!read->query (req, &sql, params, &n_params, error))
    return FALSE;
  res = lp_db_exec_prepared (conn, sql, n_params, params, error);
  return res != NULL && read->reply (req, res, error);
}

/* The request's error reply goes back as a worker's would (finish_queued()). */
static void
fail_on_main (LpRequest    *req,
              const GError *error)
{
  lp_request_reply_error (req, error);
  reply_on_main (req);
}

/* On the main loop, from the pipe: TRUE when @db_error is NULL and the request goes on;
 * otherwise it has gone its way — to a worker when the statement did not run (the pipe
 * lost its connection), or back with its error, as from run_on_worker(). */
static gboolean
pipe_answered (LpRequest    *req,
               const GError *db_error)
{
  if (g_error_matches (db_error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED))
    {
      lp_request_push (req);
      return FALSE;
    }
  if (g_atomic_int_get (&req->disconnected))
    {
      req->status = 499;
      reply_on_main (req);
    }
  else if (db_error != NULL)
    fail_on_main (req, db_error);
  else
    return TRUE;
  return FALSE;
}

static void
on_read (const PGresult *res,
         const GError   *db_error,
         gpointer        data)
{
  LpRequest *req = data;
  g_autoptr(GError) error = NULL;

  if (!pipe_answered (req, db_error))
    return;
  if (!req->route->read->reply (req, res, &error))
    fail_on_main (req, error);
  else
    reply_on_main (req);
}

/* The read's statement down the pipe, for a held request whose role is known. */
static void
send_read (LpRequest *req)
{
  const char *params[LP_ROUTE_READ_MAX_PARAMS] = { NULL };
  const char *sql = NULL;
  int n_params = 0;
  g_autoptr(GError) error = NULL;

  if (!authorize (req, &error) ||
      !req->route->read->query (req, &sql, params, &n_params, &error))
    fail_on_main (req, error);
  else if (!lp_db_pipe_send (req->pipe, sql, n_params, params, on_read, req))
    lp_request_push (req);
}

static void
on_session (const PGresult *res,
            const GError   *db_error,
            gpointer        data)
{
  LpRequest *req = data;
  g_autoptr(GError) error = NULL;

  if (!pipe_answered (req, db_error))
    return;
  if (lp_session_accept (req, res, &error))
    send_read (req);
  else
    fail_on_main (req, error);
}

/* A one-statement read goes down the pipe, after its token's session (one more
 * statement) if it has one; a worker only takes it when the pipe cannot. FALSE: there is
 * no pipe. */
static gboolean
start_read (LpRequest *req)
{
  g_autofree char *hash = NULL;

  if (req->pipe == NULL)
    return FALSE;
  /* Held first: the pipe may answer (fail) before lp_db_pipe_send() returns. */
  lp_request_hold (req);
  if (req->token == NULL)
    {
      send_read (req);
      return TRUE;
    }
  hash = lp_session_hash_token_hex (req->token);
  if (!lp_db_pipe_send (req->pipe, lp_session_lookup_sql, 1, (const char * const *) &hash,
                        on_session, req))
    lp_request_push (req);
  return TRUE;
}

void
lp_request_push (LpRequest *req)
{
  lp_db_pool_push (req->pool, run_on_worker, req);
}

void
lp_request_bind (LpRequest         *req,
                 LpDbPool          *pool,
                 LpRequestDoneFunc  done,
                 gpointer           done_data)
{
  g_assert (req->context == NULL);
  req->pool = pool;
  req->context = g_main_context_ref_thread_default ();
  req->done = done;
  req->done_data = done_data;
}

void
lp_request_start (LpRequest *req)
{
  g_autoptr(GError) error = NULL;

  g_assert (req->done != NULL);
  /* Present but unusable (not "Bearer …"): 401, never a guest, and no query to ask. */
  if (req->token != NULL && *req->token == '\0')
    g_set_error_literal (&error, LP_ERROR, LP_ERROR_UNAUTHORIZED,
                         "Your session has ended; please log in again");
  else if (req->token == NULL && req->route->handler == NULL)
    authorize (req, &error);
  else if (req->route->read != NULL && start_read (req))
    return;
  else
    {
      lp_request_hold (req);
      lp_request_push (req);
      return;
    }
  if (error != NULL)
    lp_request_reply_error (req, error);
  req->done (req, req->done_data);
}
