/* lp-throttle.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-auth"

#include "config.h"

#include "lp-throttle.h"

#include "lp-db.h"
#include "lp-error.h"
#include "lp-json.h"

/* Throttling, over the last THROTTLE_WINDOW: failures for one username, and accounts
 * that failed from one address without getting in afterwards. */
#define THROTTLE_WINDOW        "15 minutes"
#define THROTTLE_PER_USERNAME  5
#define THROTTLE_PER_ADDRESS   30
#define THROTTLE_RETRY_AFTER   "900"

const char *
lp_throttle_address (LpRequest *req)
{
  const char *ip = lp_request_get_ip (req);

  return ip != NULL && *ip != '\0' ? ip : NULL;
}

gboolean
lp_throttle_check (LpRequest   *req,
                   PGconn      *conn,
                   const char  *username,
                   GError     **error)
{
  g_autoptr(PGresult) res = NULL;

  res = lp_db_query (conn, error,
                     "SELECT (SELECT count(*) FROM login_attempts WHERE username = $1"
                     "  AND NOT succeeded AND created_at > now() - interval '" THROTTLE_WINDOW "'),"
                     /* Accounts guessed from the address, not failures: a kiosk, or a
                      * school behind one proxy, has many typos of people who then get in. */
                     " (SELECT count(DISTINCT f.username) FROM login_attempts f"
                     "  WHERE f.ip_address = $2::inet AND NOT f.succeeded"
                     "  AND f.created_at > now() - interval '" THROTTLE_WINDOW "'"
                     "  AND NOT EXISTS (SELECT 1 FROM login_attempts s WHERE s.succeeded"
                     "   AND s.username = f.username AND s.ip_address = f.ip_address"
                     "   AND s.created_at > f.created_at))",
                     username, lp_throttle_address (req));
  if (res == NULL)
    return FALSE;
  if (lp_db_get_int (res, 0, 0) < THROTTLE_PER_USERNAME &&
      lp_db_get_int (res, 0, 1) < THROTTLE_PER_ADDRESS)
    return TRUE;
  lp_request_add_header (req, "Retry-After", THROTTLE_RETRY_AFTER);
  g_set_error_literal (error, LP_ERROR, LP_ERROR_TOO_MANY_REQUESTS,
                       "Too many failed logins; please wait 15 minutes and try again");
  return FALSE;
}

/* A failed login is kept (throttling) and logged (audit), outside any transaction so
 * the refusal itself cannot roll it back. */
gboolean
lp_throttle_record_failure (LpRequest   *req,
                            PGconn      *conn,
                            const char  *username,
                            const char  *user_id,
                            const char  *reason,
                            GError     **error)
{
  g_autoptr(PGresult) res = NULL;
  g_autofree char *details = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, reason);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  details = lp_json_to_string (node, NULL);

  res = lp_db_query (conn, error,
                     "WITH a AS (INSERT INTO login_attempts (username, ip_address, succeeded)"
                     " VALUES ($1, $2::inet, false))"
                     " INSERT INTO activity_log (user_id, username, action, table_name, record_id,"
                     " new_data, ip_address, user_agent)"
                     " VALUES ($3, $1, 'auth.login_failed', 'users', $6, $4::jsonb, $2::inet, $5)",
                     username, lp_throttle_address (req), user_id, details,
                     lp_request_get_user_agent (req), user_id);
  return res != NULL;
}

