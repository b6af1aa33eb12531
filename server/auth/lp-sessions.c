/* lp-sessions.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-sessions"

#include "config.h"

#include "lp-sessions.h"

#include "lp-db.h"
#include "lp-error.h"

#include <sys/random.h>

#define TOKEN_BYTES 32

char *
lp_session_new_token (void)
{
  guint8 raw[TOKEN_BYTES];
  char *token;
  gsize filled = 0;

  while (filled < sizeof raw)
    {
      ssize_t n = getrandom (raw + filled, sizeof raw - filled, 0);
      if (n > 0)
        filled += (gsize) n;
    }
  token = g_base64_encode (raw, sizeof raw);
  memset (raw, 0, sizeof raw);
  /* base64url without padding: safe in a header and in a query parameter. */
  g_strdelimit (token, "+", '-');
  g_strdelimit (token, "/", '_');
  g_strdelimit (token, "=", '\0');
  return token;
}

char *
lp_session_hash_token_hex (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

const char lp_session_lookup_sql[] =
  "SELECT u.id, u.username, u.role FROM sessions s "
  "JOIN users u ON u.id = s.user_id "
  "WHERE s.token_hash = decode($1, 'hex') AND s.revoked_at IS NULL "
  "AND s.expires_at > now() AND u.active";

static gboolean
session_from_result (const PGresult  *res,
                     char           **user_id,
                     char           **username,
                     LpRole          *role,
                     GError         **error)
{
  if (PQntuples (res) != 1 || !lp_role_from_string (lp_db_get (res, 0, 2), role))
    {
      g_set_error_literal (error, LP_ERROR, LP_ERROR_UNAUTHORIZED,
                           "Your session has ended; please log in again");
      return FALSE;
    }
  *user_id = g_strdup (lp_db_get (res, 0, 0));
  *username = g_strdup (lp_db_get (res, 0, 1));
  return TRUE;
}

gboolean
lp_session_lookup (PGconn      *conn,
                   const char  *token_hash,
                   char       **user_id,
                   char       **username,
                   LpRole      *role,
                   GError     **error)
{
  g_autoptr(PGresult) res = lp_db_exec (conn, lp_session_lookup_sql, 1, &token_hash, error);

  return res != NULL && session_from_result (res, user_id, username, role, error);
}

static char *
hashes_to_array_literal (GPtrArray *hashes)
{
  GString *literal = g_string_new ("{");

  /* Hex digits only: nothing to quote. */
  for (guint i = 0; i < hashes->len; i++)
    g_string_append_printf (literal, "%s%s", i > 0 ? "," : "",
                            (const char *) g_ptr_array_index (hashes, i));
  g_string_append_c (literal, '}');
  return g_string_free (literal, FALSE);
}

GHashTable *
lp_session_lookup_roles (PGconn     *conn,
                         GPtrArray  *hashes,
                         GError    **error)
{
  g_autofree char *literal = hashes_to_array_literal (hashes);
  g_autoptr(PGresult) res = NULL;
  GHashTable *valid;

  res = lp_db_query (conn, error,
                     "SELECT encode(s.token_hash, 'hex'), u.role FROM sessions s "
                     "JOIN users u ON u.id = s.user_id "
                     "WHERE s.token_hash = ANY (SELECT decode(h, 'hex') "
                     "                          FROM unnest($1::text[]) AS h) "
                     "AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active",
                     literal);
  if (res == NULL)
    return NULL;
  valid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (int i = 0; i < PQntuples (res); i++)
    g_hash_table_insert (valid, g_strdup (lp_db_get (res, i, 0)),
                         g_strdup (lp_db_get (res, i, 1)));
  return valid;
}

/* Looks the bearer token up; no token means a guest. A token that is unknown, expired,
 * revoked or belongs to a deactivated user is 401, never a silent guest. */
gboolean
lp_session_authenticate (LpRequest  *req,
                         PGconn     *conn,
                         GError    **error)
{
  const char *token = lp_request_get_token (req);
  g_autofree char *hash = NULL;
  g_autofree char *user_id = NULL;
  g_autofree char *username = NULL;
  LpRole role;

  if (token == NULL)
    return TRUE;
  hash = lp_session_hash_token_hex (token);
  if (!lp_session_lookup (conn, hash, &user_id, &username, &role, error))
    return FALSE;
  lp_request_set_user (req, user_id, username, role);
  return TRUE;
}

gboolean
lp_session_accept (LpRequest       *req,
                   const PGresult  *res,
                   GError         **error)
{
  g_autofree char *user_id = NULL;
  g_autofree char *username = NULL;
  LpRole role;

  if (!session_from_result (res, &user_id, &username, &role, error))
    return FALSE;
  lp_request_set_user (req, user_id, username, role);
  return TRUE;
}
