/* lp-health.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-health"

#include "config.h"

#include "lp-resources.h"

#include "lp-db.h"

/* GET /healthz: the database answers a query, or the router replies 503 unavailable. */
static gboolean
get_health (LpRequest  *req,
            PGconn     *conn,
            GError    **error)
{
  g_autoptr(PGresult) res = lp_db_exec (conn, "SELECT 1", 0, NULL, error);

  if (res == NULL)
    return FALSE;
  lp_request_reply_json_text (req, 200, "{\"status\":\"ok\",\"database\":\"ok\"}");
  return TRUE;
}

static const LpRoute health_routes[] = {
  { "GET", "/healthz", LP_ROLES_ANY, LP_ROUTE_READ_ONLY, get_health },
};

LP_DEFINE_RESOURCE (health, health_routes)
