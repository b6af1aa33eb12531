/* lp-auth.c — log in, log out, register, the caller's own account.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-auth"

#include "config.h"

#include "lp-resources.h"
#include "lp-auth.h"

#include "lp-error.h"
#include "lp-json.h"
#include "lp-passwords.h"
#include "lp-reply.h"
#include "lp-sessions.h"
#include "lp-throttle.h"
#include "lp-validation.h"

#define BAD_LOGIN_MESSAGE "Wrong username or password"

/* How much longer than the kiosk's idle time a kiosk session lives: the station signs
 * its member out after the idle time; the server ends the session soon after, even if
 * the station never says so. */
#define KIOSK_SESSION_MARGIN_SECONDS 600

/* The kiosk a login comes from: its id and name, or both NULL at a desk or at home. */
typedef struct
{
  char *id;
  char *name;
} Kiosk;

static void
kiosk_clear (Kiosk *kiosk)
{
  g_clear_pointer (&kiosk->id, g_free);
  g_clear_pointer (&kiosk->name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Kiosk, kiosk_clear)

/* A session at a kiosk ends after the kiosk's idle time plus a margin; any other after
 * the configured hours. The login is logged with the kiosk's name. */
static gboolean
start_session (LpRequest    *req,
               PGconn       *conn,
               const char   *user_id,
               const Kiosk  *kiosk,
               GError      **error)
{
  g_autofree char *token = lp_session_new_token ();
  g_autofree char *hash = lp_session_hash_token_hex (token);
  g_autofree char *hours = g_strdup_printf ("%d", lp_request_get_config (req)->session_hours);
  g_autofree char *margin = g_strdup_printf ("%d", KIOSK_SESSION_MARGIN_SECONDS);
  g_autofree char *reply = NULL;
  g_autoptr(PGresult) res = NULL;

  res = lp_db_query (conn, error,
                     "WITH s AS (INSERT INTO sessions (token_hash, user_id, expires_at, ip_address,"
                     "  user_agent, kiosk_id)"
                     "  SELECT decode($1, 'hex'), $2,"
                     "   CASE WHEN $6::uuid IS NULL THEN now() + make_interval(hours => $3::int)"
                     "   ELSE now() + make_interval(secs => st.kiosk_idle_seconds + $7::int) END,"
                     "   $4::inet, $5, $6::uuid FROM settings AS st"
                     "  RETURNING expires_at),"
                     " a AS (INSERT INTO login_attempts (username, ip_address, succeeded)"
                     "  SELECT username, $4::inet, true FROM users WHERE id = $2),"
                     " k AS (UPDATE kiosks SET last_login_at = now() WHERE id = $6::uuid),"
                     " l AS (INSERT INTO activity_log (user_id, username, action, table_name,"
                     "  record_id, new_data, ip_address, user_agent)"
                     "  SELECT id, username, 'auth.login', 'users', id::text,"
                     "   CASE WHEN $6::uuid IS NOT NULL THEN jsonb_build_object('kiosk',"
                     "    jsonb_build_object('id', $6::uuid, 'name', $8::text)) END,"
                     "   $4::inet, $5"
                     "  FROM users WHERE id = $2)"
                     " SELECT api_ts(s.expires_at), user_json(u),"
                     "  CASE WHEN $6::uuid IS NOT NULL"
                     "   THEN jsonb_build_object('id', $6::uuid, 'name', $8::text) END"
                     " FROM s, users u WHERE u.id = $2",
                     hash, user_id, hours, lp_throttle_address (req),
                     lp_request_get_user_agent (req), kiosk->id, margin, kiosk->name);
  if (res == NULL)
    return FALSE;
  reply = g_strdup_printf ("{\"token\":\"%s\",\"expires_at\":\"%s\",\"user\":%s%s%s}", token,
                           lp_db_get (res, 0, 0), lp_db_get (res, 0, 1),
                           kiosk->id != NULL ? ",\"kiosk\":" : "",
                           kiosk->id != NULL ? lp_db_get (res, 0, 2) : "");
  lp_request_reply_json_text (req, 200, reply);
  memset (token, 0, strlen (token));
  return TRUE;
}

/* The kiosk whose device key is @key; a key that is unknown or revoked is a failed
 * attempt like a wrong password (it is guessed the same way). */
static gboolean
find_kiosk (LpRequest   *req,
            PGconn      *conn,
            const char  *name,
            const char  *key,
            Kiosk       *kiosk,
            GError     **error)
{
  g_autofree char *hash = lp_session_hash_token_hex (key);
  g_autoptr(PGresult) res = NULL;

  res = lp_db_query (conn, error,
                     "SELECT id, name FROM kiosks"
                     " WHERE key_hash = decode($1, 'hex') AND revoked_at IS NULL",
                     hash);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 1)
    {
      kiosk->id = g_strdup (lp_db_get (res, 0, 0));
      kiosk->name = g_strdup (lp_db_get (res, 0, 1));
      return TRUE;
    }
  if (lp_throttle_record_failure (req, conn, name, NULL, "unknown_kiosk", error))
    {
      g_set_error_literal (error, LP_ERROR, LP_ERROR_UNAUTHORIZED,
                           "This kiosk is not registered, or it was revoked; "
                           "ask an admin to set it up again");
      lp_error_set_detail (*error, "reason", "\"unknown_kiosk\"");
    }
  return FALSE;
}

/* One attempt, for @name (the username lowered and cut to the longest possible one).
 * An unknown user and a wrong password get the same status, the same message and
 * (through lp_password_burn_time) about the same time. */
static gboolean
attempt_login (LpRequest   *req,
               PGconn      *conn,
               const char  *name,
               const char  *username,
               const char  *password,
               const char  *kiosk_key,
               GError     **error)
{
  g_auto(Kiosk) kiosk = { NULL, NULL };
  gboolean name_too_long = g_utf8_strlen (username, -1) > LP_USERNAME_MAX_LENGTH;
  gboolean password_too_long = strlen (password) > LP_PASSWORD_MAX_LENGTH;
  g_autoptr(PGresult) res = NULL;
  gboolean verified;

  if (!lp_throttle_check (req, conn, name, error))
    return FALSE;
  /* Longer input fits no account; it still counts as a failed attempt, so that it cannot
   * be tried for free. */
  if (name_too_long || password_too_long)
    {
      if (!lp_throttle_record_failure (req, conn, name, NULL, "too_long", error))
        return FALSE;
      if (name_too_long)
        lp_validation_add (error, "username", "Must be at most 32 characters.");
      if (password_too_long)
        lp_validation_add (error, "password", "Must be at most 72 bytes.");
      return FALSE;
    }
  if (kiosk_key != NULL && !find_kiosk (req, conn, name, kiosk_key, &kiosk, error))
    return FALSE;
  res = lp_db_query (conn, error,
                     "SELECT id, password_hash, active, role FROM users WHERE username = $1",
                     name);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 1)
    verified = lp_password_verify (password, lp_db_get (res, 0, 1));
  else
    {
      lp_password_burn_time ();
      verified = FALSE;
    }
  if (!verified || !lp_db_get_bool (res, 0, 2))
    {
      const char *user_id = PQntuples (res) == 1 ? lp_db_get (res, 0, 0) : NULL;
      if (!lp_throttle_record_failure (req, conn, name, user_id,
                           verified ? "inactive" : (user_id ? "wrong_password" : "unknown_user"),
                           error))
        return FALSE;
      if (verified)
        g_set_error_literal (error, LP_ERROR, LP_ERROR_FORBIDDEN,
                             "This account is not active yet; please ask the library staff");
      else
        g_set_error_literal (error, LP_ERROR, LP_ERROR_UNAUTHORIZED, BAD_LOGIN_MESSAGE);
      return FALSE;
    }
  /* A kiosk is a members' station: a staff password typed there must not open a desk. */
  if (kiosk.id != NULL && g_strcmp0 (lp_db_get (res, 0, 3), "member") != 0)
    {
      g_set_error_literal (error, LP_ERROR, LP_ERROR_FORBIDDEN,
                           "Only members can sign in at a kiosk; staff use the desk");
      lp_error_set_detail (*error, "reason", "\"members_only\"");
      return FALSE;
    }
  return start_session (req, conn, lp_db_get (res, 0, 0), &kiosk, error);
}

/* POST /api/v1/auth/login. Attempts on one account wait for each other (a session-level
 * advisory lock: the route runs outside a transaction), so that N at once let through
 * at most the throttle's limit instead of all passing its check together. */
static gboolean
login (LpRequest  *req,
       PGconn     *conn,
       GError    **error)
{
  JsonObject *body = lp_request_get_json (req, error);
  const char *username = NULL, *password = NULL, *kiosk_key = NULL;
  g_autofree char *name = NULL;
  g_autoptr(PGresult) locked = NULL;
  g_autoptr(PGresult) unlocked = NULL;
  gboolean ok;

  if (body == NULL)
    return FALSE;
  lp_json_get_string (body, "username", TRUE, &username, error);
  lp_json_get_string (body, "password", TRUE, &password, error);
  lp_json_get_string (body, "kiosk_key", FALSE, &kiosk_key, error);
  if (*error != NULL)
    return FALSE;
  name = g_utf8_strdown (username, -1);
  if (g_utf8_strlen (name, -1) > LP_USERNAME_MAX_LENGTH)
    *g_utf8_offset_to_pointer (name, LP_USERNAME_MAX_LENGTH) = '\0';
  locked = lp_db_query (conn, error, "SELECT pg_advisory_lock(hashtext('lentera.login:' || $1))",
                        name);
  if (locked == NULL)
    return FALSE;
  ok = attempt_login (req, conn, name, username, password, kiosk_key, error);
  unlocked = lp_db_query (conn, NULL,
                          "SELECT pg_advisory_unlock(hashtext('lentera.login:' || $1))", name);
  return ok;
}

static gboolean
logout (LpRequest  *req,
        PGconn     *conn,
        GError    **error)
{
  g_autofree char *hash = lp_session_hash_token_hex (lp_request_get_token (req));
  g_autoptr(PGresult) res = NULL;

  res = lp_db_query (conn, error,
                     "UPDATE sessions SET revoked_at = now() WHERE token_hash = decode($1, 'hex')",
                     hash);
  if (res == NULL ||
      !lp_activity_log (req, conn, "auth.logout", "users", lp_request_get_user_id (req),
                        NULL, NULL, error))
    return FALSE;
  lp_request_reply_empty (req, 204);
  return TRUE;
}

/* Reads and checks the fields shared by registration and account creation. */
gboolean
lp_auth_read_new_account (JsonObject   *body,
                          const char  **username,
                          const char  **password,
                          const char  **full_name,
                          const char  **email,
                          GError      **error)
{
  const char *problem;

  lp_json_get_string (body, "username", TRUE, username, error);
  lp_json_get_string (body, "password", TRUE, password, error);
  lp_json_get_string (body, "full_name", TRUE, full_name, error);
  lp_json_get_string (body, "email", FALSE, email, error);
  if (*username != NULL && (problem = lp_validate_username (*username)) != NULL)
    lp_validation_add (error, "username", problem);
  if (*password != NULL &&
      (problem = lp_validate_password (*password, *username)) != NULL)
    lp_validation_add (error, "password", problem);
  if (*full_name != NULL && (problem = lp_validate_text (*full_name, 1, 100, FALSE)) != NULL)
    lp_validation_add (error, "full_name", problem);
  if (*email != NULL && **email == '\0')
    *email = NULL;
  if (*email != NULL && (problem = lp_validate_email (*email)) != NULL)
    lp_validation_add (error, "email", problem);
  return *error == NULL;
}

/* Turns a unique violation into a field error the form can show. */
gboolean
lp_auth_explain_duplicate (GError **error)
{
  if (!g_error_matches (*error, LP_ERROR, LP_ERROR_DUPLICATE))
    return FALSE;
  g_clear_error (error);
  g_set_error_literal (error, LP_ERROR, LP_ERROR_DUPLICATE,
                       "That username or email address is already registered");
  lp_error_set_field (*error, "username", "is already taken, or the email address is");
  return FALSE;
}

/* POST /api/v1/auth/register: a member account that waits for activation. */
static gboolean
register_member (LpRequest  *req,
                 PGconn     *conn,
                 GError    **error)
{
  JsonObject *body = lp_request_get_json (req, error);
  const char *username = NULL, *password = NULL, *full_name = NULL, *email = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(PGresult) res = NULL;

  if (body == NULL ||
      !lp_auth_read_new_account (body, &username, &password, &full_name, &email, error))
    return FALSE;
  hash = lp_password_hash (password, error);
  if (hash == NULL)
    return FALSE;
  res = lp_db_query (conn, error,
                     "INSERT INTO users (username, password_hash, role, full_name, email, active)"
                     " VALUES ($1, $2, 'member', btrim($3), $4, false)"
                     " RETURNING user_json(users), id",
                     username, hash, full_name, email);
  if (res == NULL)
    return lp_auth_explain_duplicate (error);
  lp_request_set_user (req, lp_db_get (res, 0, 1), username, LP_ROLE_GUEST);
  return lp_activity_log (req, conn, "user.register", "users", lp_db_get (res, 0, 1), NULL,
                          lp_db_get (res, 0, 0), error) &&
         lp_reply_row (req, 201, res, "", error);
}

static gboolean
get_me (LpRequest  *req,
        PGconn     *conn,
        GError    **error)
{
  g_autoptr(PGresult) res = lp_db_query (conn, error,
                                         "SELECT user_json(u) FROM users u WHERE id = $1",
                                         lp_request_get_user_id (req));

  return lp_reply_row (req, 200, res, "No such user", error);
}

/* PUT /api/v1/me/password: every other session of the user ends. */
static gboolean
change_password (LpRequest  *req,
                 PGconn     *conn,
                 GError    **error)
{
  JsonObject *body = lp_request_get_json (req, error);
  const char *current = NULL, *new_password = NULL, *problem;
  g_autofree char *hash = NULL;
  g_autofree char *token_hash = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autoptr(PGresult) update = NULL;

  if (body == NULL)
    return FALSE;
  lp_json_get_string (body, "current_password", TRUE, &current, error);
  lp_json_get_string (body, "new_password", TRUE, &new_password, error);
  if (new_password != NULL &&
      (problem = lp_validate_password (new_password, lp_request_get_username (req))) != NULL)
    lp_validation_add (error, "new_password", problem);
  if (*error != NULL)
    return FALSE;
  res = lp_db_query (conn, error, "SELECT password_hash FROM users WHERE id = $1 FOR UPDATE",
                     lp_request_get_user_id (req));
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) != 1 || !lp_password_verify (current, lp_db_get (res, 0, 0)))
    {
      lp_validation_add (error, "current_password", "The current password is not correct.");
      return FALSE;
    }
  hash = lp_password_hash (new_password, error);
  token_hash = lp_session_hash_token_hex (lp_request_get_token (req));
  if (hash == NULL)
    return FALSE;
  update = lp_db_query (conn, error,
                        "WITH u AS (UPDATE users SET password_hash = $1 WHERE id = $2)"
                        " UPDATE sessions SET revoked_at = now() WHERE user_id = $2"
                        " AND revoked_at IS NULL AND token_hash <> decode($3, 'hex')",
                        hash, lp_request_get_user_id (req), token_hash);
  if (update == NULL ||
      !lp_activity_log (req, conn, "user.password_change", "users",
                        lp_request_get_user_id (req), NULL, NULL, error))
    return FALSE;
  lp_request_reply_empty (req, 204);
  return TRUE;
}

static const LpRoute auth_routes[] = {
  { "POST", "/api/v1/auth/login", LP_ROLES_ANY, LP_ROUTE_READ_ONLY, login },
  { "POST", "/api/v1/auth/logout", LP_ROLES_USER, LP_ROUTE_TRANSACTION, logout },
  { "POST", "/api/v1/auth/register", LP_ROLES_ANY, LP_ROUTE_TRANSACTION, register_member },
  { "GET", "/api/v1/me", LP_ROLES_USER, LP_ROUTE_READ_ONLY, get_me },
  { "PUT", "/api/v1/me/password", LP_ROLES_USER, LP_ROUTE_TRANSACTION, change_password },
};

LP_DEFINE_RESOURCE (auth, auth_routes)
