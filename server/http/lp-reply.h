/* lp-reply.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-db.h"
#include "lp-request.h"

G_BEGIN_DECLS

/*
 * Replies built from SQL. Resources render their JSON in SQL (the *_json() functions of
 * the migrations), so the server passes JSON text through without parsing it again.
 */

/* Replies with the JSON text in column 0 of row 0; no row is 404 with not_found_message. */
gboolean  lp_reply_row         (LpRequest   *req,
                                guint        status,
                                PGresult    *res,
                                const char  *not_found_message,
                                GError     **error);

/* Runs a page query: inner_sql must select a column "j" (the JSON of one row), a
 * unique "id" and the columns order_by names; the page is {"items":[…],"total":N,"limit":L,"offset":O}. The
 * last two parameters ($n_params+1, $n_params+2) are added for limit and offset. */
gboolean  lp_reply_page        (LpRequest          *req,
                                PGconn             *conn,
                                const char         *inner_sql,
                                const char         *order_by,
                                int                 n_params,
                                const char * const *params,
                                GError            **error);

/* Writes one activity_log row in the current transaction; the user, address and user
 * agent come from the request. old_json and new_json are JSON text or NULL. */
gboolean  lp_activity_log      (LpRequest   *req,
                                PGconn      *conn,
                                const char  *action,
                                const char  *table_name,
                                const char  *record_id,
                                const char  *old_json,
                                const char  *new_json,
                                GError     **error);

/* GET …/{id}: replies with the JSON of @sql (column 0 of row 0), run with the path's
 * {id} as $1; a malformed id or no row is 404 with not_found_message. The _owned variant
 * passes @owner too, as $2: the caller's user id when it may see only its own rows, or
 * NULL. */
gboolean  lp_reply_by_id       (LpRequest   *req,
                                PGconn      *conn,
                                const char  *sql,
                                const char  *not_found_message,
                                GError     **error);
gboolean  lp_reply_by_id_owned (LpRequest   *req,
                                PGconn      *conn,
                                const char  *sql,
                                const char  *owner,
                                const char  *not_found_message,
                                GError     **error);

G_END_DECLS
