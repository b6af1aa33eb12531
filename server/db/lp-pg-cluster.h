/* lp-pg-cluster.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * LpPgCluster: the embedded, private PostgreSQL cluster. It lives in a data directory
 * of its own, listens only on a unix socket inside that directory (no TCP), and is run
 * as an unprivileged user: initdb refuses root, so as root the cluster belongs to the
 * `postgres` system user.
 */
#define LP_TYPE_PG_CLUSTER (lp_pg_cluster_get_type ())

G_DECLARE_FINAL_TYPE (LpPgCluster, lp_pg_cluster, LP, PG_CLUSTER, GObject)

LpPgCluster *lp_pg_cluster_new          (const char   *data_dir,
                                         gboolean      unsafe_fast);
gboolean     lp_pg_cluster_start        (LpPgCluster  *self,
                                         GError      **error);
gboolean     lp_pg_cluster_stop         (LpPgCluster  *self,
                                         gboolean      immediate,
                                         GError      **error);
const char  *lp_pg_cluster_get_conninfo (LpPgCluster  *self);
const char  *lp_pg_cluster_get_pgdata   (LpPgCluster  *self);
gboolean     lp_pg_cluster_is_running   (LpPgCluster  *self);

G_END_DECLS
