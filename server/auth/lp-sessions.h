/* lp-sessions.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libpq-fe.h>

#include "lp-request.h"

G_BEGIN_DECLS

/*
 * Bearer tokens: 256 random bits, base64url. The database keeps only their SHA-256, so a
 * leaked table gives no usable token.
 */
char     *lp_session_new_token      (void);
char     *lp_session_hash_token_hex (const char  *token);
/* The one session query: who holds this token (by its hex SHA-256), if it is still valid.
 * Fills (transfer full) user_id and username; LP_ERROR_UNAUTHORIZED when it is not. */
gboolean  lp_session_lookup         (PGconn      *conn,
                                     const char  *token_hash,
                                     char       **user_id,
                                     char       **username,
                                     LpRole      *role,
                                     GError     **error);
/* The same for many at once: hex token hash → role name, for the sessions among @hashes
 * that are still valid; NULL when the database could not answer. */
GHashTable *lp_session_lookup_roles (PGconn      *conn,
                                     GPtrArray   *hashes,
                                     GError     **error);
gboolean  lp_session_authenticate   (LpRequest   *req,
                                     PGconn      *conn,
                                     GError     **error);
/* lp_session_authenticate() in two halves, for a caller that runs the statement itself
 * (the main loop's connection, lp-db-pipe.h): lp_session_lookup_sql with the token's
 * lp_session_hash_token_hex() as its one parameter, then its rows. */
extern const char lp_session_lookup_sql[];
gboolean  lp_session_accept         (LpRequest       *req,
                                     const PGresult  *res,
                                     GError         **error);

G_END_DECLS
