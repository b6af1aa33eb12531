/* lp-kiosks.c — self-service kiosks: admins register and revoke them. A kiosk signs its
 * members in with its device key (POST /auth/login, lp-auth.c).
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-kiosks"

#include "config.h"

#include "lp-resources.h"

#include "lp-error.h"
#include "lp-json.h"
#include "lp-reply.h"
#include "lp-sessions.h"
#include "lp-validation.h"

#define NAME_MAX_CHARS     100
#define LOCATION_MAX_CHARS 200

static gboolean
list_kiosks (LpRequest  *req,
             PGconn     *conn,
             GError    **error)
{
  return lp_reply_page (req, conn,
                        "SELECT kiosk_json(k) AS j, k.id, k.revoked_at IS NOT NULL AS revoked,"
                        "  lower(k.name) AS sort_name"
                        " FROM kiosks AS k",
                        "revoked, sort_name", 0, NULL, error);
}

/* POST /api/v1/kiosks {name, location}: 201 with the kiosk and its "device_key". The
 * key is in this reply only: the database keeps its SHA-256. */
static gboolean
register_kiosk (LpRequest  *req,
                PGconn     *conn,
                GError    **error)
{
  JsonObject *body = lp_request_get_json (req, error);
  const char *name = NULL, *location = NULL, *problem;
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *reply = NULL;
  g_autoptr(PGresult) res = NULL;

  if (body == NULL)
    return FALSE;
  lp_json_get_string (body, "name", TRUE, &name, error);
  lp_json_get_string (body, "location", FALSE, &location, error);
  if (name != NULL && (problem = lp_validate_text (name, 1, NAME_MAX_CHARS, FALSE)) != NULL)
    lp_validation_add (error, "name", problem);
  if (location != NULL &&
      (problem = lp_validate_text (location, 0, LOCATION_MAX_CHARS, FALSE)) != NULL)
    lp_validation_add (error, "location", problem);
  if (*error != NULL)
    return FALSE;
  key = lp_session_new_token ();
  hash = lp_session_hash_token_hex (key);
  res = lp_db_query (conn, error,
                     "INSERT INTO kiosks (name, location, key_hash, created_by)"
                     " VALUES (btrim($1), coalesce(btrim($2), ''), decode($3, 'hex'), $4)"
                     " RETURNING kiosk_json(kiosks), id",
                     name, location, hash, lp_request_get_user_id (req));
  if (res == NULL ||
      !lp_activity_log (req, conn, "kiosk.create", "kiosks", lp_db_get (res, 0, 1), NULL,
                        lp_db_get (res, 0, 0), error))
    return FALSE;
  /* The object ends in '}': the key goes in as its last member. */
  reply = g_strdup_printf ("%.*s,\"device_key\":\"%s\"}",
                           (int) strlen (lp_db_get (res, 0, 0)) - 1, lp_db_get (res, 0, 0), key);
  lp_request_reply_json_text (req, 201, reply);
  memset (key, 0, strlen (key));
  return TRUE;
}

static gboolean
get_kiosk (LpRequest  *req,
           PGconn     *conn,
           GError    **error)
{
  return lp_reply_by_id (req, conn, "SELECT kiosk_json(k) FROM kiosks AS k WHERE k.id = $1",
                         "No such kiosk", error);
}

/* DELETE /api/v1/kiosks/{id}: revokes the kiosk and ends every session it started, in
 * one transaction; the row stays for the log. Revoking twice is not an error. */
static gboolean
revoke_kiosk (LpRequest  *req,
              PGconn     *conn,
              GError    **error)
{
  g_autoptr(PGresult) res = NULL;
  g_autoptr(PGresult) ended = NULL;
  const char *id;

  if (!lp_request_get_id (req, "id", &id, error))
    return FALSE;
  res = lp_db_expect_row (lp_db_query (conn, error,
                                       "UPDATE kiosks SET revoked_at = coalesce(revoked_at, now())"
                                       " WHERE id = $1 RETURNING kiosk_json(kiosks)",
                                       id),
                          "No such kiosk", error);
  if (res == NULL)
    return FALSE;
  ended = lp_db_query (conn, error,
                       "UPDATE sessions SET revoked_at = now()"
                       " WHERE kiosk_id = $1 AND revoked_at IS NULL",
                       id);
  if (ended == NULL ||
      !lp_activity_log (req, conn, "kiosk.revoke", "kiosks", id, NULL, lp_db_get (res, 0, 0),
                        error))
    return FALSE;
  lp_request_reply_empty (req, 204);
  return TRUE;
}

static const LpRoute kiosk_routes[] = {
  { "GET", "/api/v1/kiosks", LP_ROLE_ADMIN, LP_ROUTE_READ_ONLY, list_kiosks },
  { "POST", "/api/v1/kiosks", LP_ROLE_ADMIN, LP_ROUTE_TRANSACTION, register_kiosk },
  { "GET", "/api/v1/kiosks/{id}", LP_ROLE_ADMIN, LP_ROUTE_READ_ONLY, get_kiosk },
  { "DELETE", "/api/v1/kiosks/{id}", LP_ROLE_ADMIN, LP_ROUTE_TRANSACTION, revoke_kiosk },
};

LP_DEFINE_RESOURCE (kiosks, kiosk_routes)
