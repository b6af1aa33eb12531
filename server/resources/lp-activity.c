/* lp-activity.c — the audit trail, for admins.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-activity"

#include "config.h"

#include "lp-resources.h"

#include "lp-error.h"
#include "lp-reply.h"
#include "lp-validation.h"

static gboolean
list_activity (LpRequest  *req,
               PGconn     *conn,
               GError    **error)
{
  const char *user_id, *from, *to;

  lp_request_get_uuid_query (req, "user_id", &user_id, error);
  lp_request_get_period (req, &from, &to, error);
  if (*error != NULL)
    return FALSE;
  return lp_reply_page (req, conn,
                        "SELECT activity_json(a) AS j, a.created_at, a.id FROM activity_log a,"
                        " settings s"
                        " WHERE ($1::uuid IS NULL OR a.user_id = $1::uuid)"
                        " AND ($2::text IS NULL OR a.action = $2)"
                        " AND ($3::text IS NULL OR a.table_name = $3)"
                        " AND ($4::date IS NULL OR a.created_at >= ($4::date)::timestamp AT TIME ZONE s.timezone)"
                        " AND ($5::date IS NULL OR a.created_at < ($5::date + 1)::timestamp AT TIME ZONE s.timezone)",
                        "created_at DESC, id DESC", 5,
                        (const char *[]) { user_id, lp_request_get_query (req, "action"),
                                           lp_request_get_query (req, "table_name"), from, to },
                        error);
}

static const LpRoute activity_routes[] = {
  { "GET", "/api/v1/activity", LP_ROLE_ADMIN, LP_ROUTE_READ_ONLY, list_activity },
};

LP_DEFINE_RESOURCE (activity, activity_routes)
