/* lp-db.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/*
 * Database plumbing. The HTTP side never touches PostgreSQL: it queues a job on the
 * LpDbPool, whose worker threads each own one PGconn (a PGconn never crosses threads).
 * Every statement has a deadline enforced on our side too, so a database that stops
 * answering gives LP_ERROR_UNAVAILABLE instead of a hung worker: the worker then drops
 * its connection without waiting for the server, the pool counts as down (workers
 * without a connection answer at once instead of connecting) and a probe thread tries
 * the database until it answers again.
 */
typedef struct _LpDbPool LpDbPool;

/* Runs on a worker thread with that worker's connection; conn is NULL when the database
 * cannot be reached (the job must then fail with LP_ERROR_UNAVAILABLE). */
typedef void (*LpDbJobFunc) (PGconn   *conn,
                             gpointer  user_data);

LpDbPool *lp_db_pool_new      (const char  *conninfo,
                               int          n_workers,
                               int          statement_timeout_ms,
                               int          connect_timeout_s);
void      lp_db_pool_push     (LpDbPool    *pool,
                               LpDbJobFunc  func,
                               gpointer     user_data);
void      lp_db_pool_free     (LpDbPool    *pool);

/* How long past the statement timeout we wait for an answer before giving up on a
 * connection (workers and the pipe alike): PostgreSQL's own timeout answers within
 * milliseconds when it can answer. */
#define LP_DB_EXEC_GRACE_MS 500

/* Connects within connect_timeout_s without blocking past it (a frozen server included);
 * the connection is in libpq's non-blocking mode. */
PGconn   *lp_db_connect       (const char  *conninfo,
                               int          statement_timeout_ms,
                               int          connect_timeout_s,
                               GError     **error);
/* The same under another name in pg_stat_activity (the main loop's own connection). */
PGconn   *lp_db_connect_as    (const char  *conninfo,
                               const char  *application_name,
                               int          statement_timeout_ms,
                               int          connect_timeout_s,
                               GError     **error);
/* PQfinish that never waits for the server, for a connection that may have stalled. */
void      lp_db_drop_connection (PGconn    *conn);

PGresult *lp_db_exec          (PGconn             *conn,
                               const char         *sql,
                               int                 n_params,
                               const char * const *params,
                               GError            **error);

/* lp_db_exec with PQexecParams' lengths and formats (1 = binary) for the parameters and
 * a format for the result: bytea in and out without hex encoding (attachments). */
PGresult *lp_db_exec_params   (PGconn             *conn,
                               const char         *sql,
                               int                 n_params,
                               const char * const *params,
                               const int          *lengths,
                               const int          *formats,
                               int                 result_format,
                               GError            **error);

/* lp_db_exec for a statement run often: prepared once on each connection (named, parsed
 * and planned by the server once; PostgreSQL may then keep a generic plan), executed with
 * the parameters each time. sql must be the same text each time (a constant), and suit
 * one plan for every parameter: not for optional filters ($1 IS NULL OR …). */
PGresult *lp_db_exec_prepared (PGconn             *conn,
                               const char         *sql,
                               int                 n_params,
                               const char * const *params,
                               GError            **error);

#define lp_db_query_prepared(conn, error, sql, ...) \
  lp_db_exec_prepared ((conn), (sql), \
                       G_N_ELEMENTS (((const char *[]) { __VA_ARGS__ })), \
                       ((const char *[]) { __VA_ARGS__ }), (error))

/* lp_db_query (conn, error, "SELECT … $1 … $2", a, b): every parameter a string or NULL. */
#define lp_db_query(conn, error, sql, ...) \
  lp_db_exec ((conn), (sql), \
              G_N_ELEMENTS (((const char *[]) { __VA_ARGS__ })), \
              ((const char *[]) { __VA_ARGS__ }), (error))

/* Passes res through when it has a row; otherwise frees it and sets LP_ERROR_NOT_FOUND. */
PGresult *lp_db_expect_row    (PGresult    *res,
                               const char  *not_found_message,
                               GError     **error);

gboolean  lp_db_exec_script   (PGconn      *conn,
                               const char  *sql,
                               GError     **error);

/* For work known to take long (a bulk import): the statements of the current transaction
 * may run up to @timeout_ms each (SET LOCAL statement_timeout), and the worker's own
 * deadline follows. lp_db_transaction() puts the usual deadline back at its end. */
gboolean  lp_db_allow_long_statements (PGconn  *conn,
                                       int      timeout_ms,
                                       GError **error);

typedef gboolean (*LpTxFunc) (PGconn   *conn,
                              gpointer  user_data,
                              GError  **error);

gboolean  lp_db_transaction   (PGconn     *conn,
                               LpTxFunc    func,
                               gpointer    user_data,
                               GError    **error);

void      lp_db_set_error_from_result (PGconn          *conn,
                                       const PGresult  *res,
                                       GError         **error);

/* Small accessors for result rows. */
const char *lp_db_get      (const PGresult *res,
                            int             row,
                            int             col);
gint64      lp_db_get_int  (const PGresult *res,
                            int             row,
                            int             col);
gboolean    lp_db_get_bool (const PGresult *res,
                            int             row,
                            int             col);

G_END_DECLS
