/* lp-throttle.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libpq-fe.h>

#include "lp-request.h"

G_BEGIN_DECLS

/*
 * Login throttling (server/README.md, "Logins and throttling"): every attempt is counted
 * in login_attempts; too many failures for one username, or too many accounts failing
 * from one address, are 429 with Retry-After.
 */

/* The client's address for an inet column; NULL when unknown. */
const char *lp_throttle_address        (LpRequest   *req);
/* FALSE with LP_ERROR_TOO_MANY_REQUESTS (and a Retry-After header) when @username or
 * the client's address has failed too often lately. */
gboolean    lp_throttle_check          (LpRequest   *req,
                                        PGconn      *conn,
                                        const char  *username,
                                        GError     **error);
/* A failed login is kept (throttling) and logged (audit); call it outside any
 * transaction, so that the refusal itself cannot roll it back. */
gboolean    lp_throttle_record_failure (LpRequest   *req,
                                        PGconn      *conn,
                                        const char  *username,
                                        const char  *user_id,
                                        const char  *reason,
                                        GError     **error);

G_END_DECLS
