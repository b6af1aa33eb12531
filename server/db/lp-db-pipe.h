/* lp-db-pipe.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/*
 * LpDbPipe: one connection of the main loop's own, in libpq's pipeline mode, for reads
 * that are one statement (an item by its id, a token's session). The main loop sends each statement as it
 * comes, without waiting for the one before, and never blocks; the rows come back on the
 * main loop in the order sent. No worker thread and no hand-over between threads is in
 * between, and the database reads many statements per wake-up. A statement that outlives
 * the statement timeout plus a grace ends the connection, and every statement on it
 * fails with LP_ERROR_UNAVAILABLE; the pipe connects again in the background. While it
 * is not connected, or is full, lp_db_pipe_send() refuses and the caller uses a worker.
 */
typedef struct _LpDbPipe LpDbPipe;

/* Its name in pg_stat_activity. */
#define LP_DB_PIPE_APPLICATION_NAME "lentera-server main loop"

/* Called on the main loop with the statement's result (owned by the pipe, valid during
 * the call) or an error; one of the two is NULL. G_IO_ERROR_CONNECTION_CLOSED: the
 * connection was lost (the backend was ended, the database restarted) and the statement
 * did not run, so it may be run elsewhere; anything else is the statement's answer
 * (LP_ERROR_UNAVAILABLE: the database did not answer in time). */
typedef void (*LpDbPipeFunc) (const PGresult *res,
                              const GError   *error,
                              gpointer        user_data);

/* Starts connecting at once, on a thread of its own. */
LpDbPipe *lp_db_pipe_new  (const char          *conninfo,
                           int                  statement_timeout_ms,
                           int                  connect_timeout_s);
/* Queues @sql (a constant text: prepared once on the connection) with its parameters
 * (copied at once) and calls @func when its result is in. FALSE, and @func is never
 * called, when the pipe cannot take it now. */
gboolean  lp_db_pipe_send (LpDbPipe            *pipe,
                           const char          *sql,
                           int                  n_params,
                           const char * const  *params,
                           LpDbPipeFunc         func,
                           gpointer             user_data);
/* Fails what is still queued (LP_ERROR_UNAVAILABLE) and closes the connection. */
void      lp_db_pipe_free (LpDbPipe            *pipe);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpDbPipe, lp_db_pipe_free)

G_END_DECLS
