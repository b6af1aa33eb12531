/* lp-migrations.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libpq-fe.h>
#include <glib.h>

G_BEGIN_DECLS

/* Versioned schema migrations (data/sql/NNNN_name.sql, compiled into the server). Each
 * runs in its own transaction and is recorded in schema_migrations; an advisory lock
 * keeps two servers starting together from racing. */
gboolean lp_migrations_apply     (PGconn      *conn,
                                  GError     **error);
gboolean lp_migrations_load_demo (PGconn      *conn,
                                  gboolean    *loaded,
                                  GError     **error);

G_END_DECLS
