/* lp-returns.c — the return history with its inspections, for the desk. Returns are
 * recorded by POST /loans/{id}/return (lp-loans.c).
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-returns"

#include "config.h"

#include "lp-resources.h"

#include "lp-error.h"
#include "lp-reply.h"
#include "lp-validation.h"

static gboolean
list_returns (LpRequest  *req,
              PGconn     *conn,
              GError    **error)
{
  const char *condition, *item_id, *from, *to;

  lp_request_get_enum_query (req, "condition", LP_TYPE_ITEM_CONDITION, &condition, error);
  lp_request_get_uuid_query (req, "item_id", &item_id, error);
  lp_request_get_period (req, &from, &to, error);
  if (*error != NULL)
    return FALSE;
  return lp_reply_page (req, conn,
                        "SELECT return_list_json(r, l, i, u) AS j, r.returned_at, r.id"
                        " FROM returns r JOIN loans l ON l.id = r.loan_id"
                        " JOIN items i ON i.id = l.item_id JOIN users u ON u.id = l.user_id,"
                        " settings s"
                        " WHERE s.id = 1"
                        " AND ($1::date IS NULL OR"
                        "  r.returned_at >= ($1::date)::timestamp AT TIME ZONE s.timezone)"
                        " AND ($2::date IS NULL OR"
                        "  r.returned_at < ($2::date + 1)::timestamp AT TIME ZONE s.timezone)"
                        " AND ($3::text IS NULL OR r.condition = $3)"
                        " AND ($4::uuid IS NULL OR l.item_id = $4::uuid)",
                        "returned_at DESC, id DESC", 4,
                        (const char *[]) { from, to, condition, item_id }, error);
}

static const LpRoute return_routes[] = {
  { "GET", "/api/v1/returns", LP_ROLES_DESK, LP_ROUTE_READ_ONLY, list_returns },
};

LP_DEFINE_RESOURCE (returns, return_routes)
