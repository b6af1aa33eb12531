/* lp-users.c — user accounts, managed by admins (staff may activate members).
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-users"

#include "config.h"

#include "lp-resources.h"

#include "lp-auth.h"
#include "lp-error.h"
#include "lp-json.h"
#include "lp-passwords.h"
#include "lp-reply.h"
#include "lp-validation.h"

/* LpRole is a flags type (routes allow several roles), so it has its own reader. */
static gboolean
read_role (JsonObject  *body,
           gboolean     required,
           int         *role,
           GError     **error)
{
  const char *text = NULL;
  LpRole parsed;

  if (!lp_json_get_string (body, "role", required, &text, error) || text == NULL)
    return FALSE;
  if (lp_role_from_string (text, &parsed))
    {
      *role = parsed;
      return TRUE;
    }
  lp_json_bad_request (error, "'role' must be one of admin, staff, member");
  return FALSE;
}

static gboolean
list_users (LpRequest  *req,
            PGconn     *conn,
            GError    **error)
{
  const char *role = lp_request_get_query (req, "role");
  const char *active = NULL;
  const char *q = lp_request_get_query (req, "q");
  LpRole parsed;

  if (role != NULL && !lp_role_from_string (role, &parsed))
    {
      g_set_error (error, LP_ERROR, LP_ERROR_BAD_REQUEST,
                   "'role' must be one of admin, staff, member");
      return FALSE;
    }
  if (!lp_request_get_bool_query (req, "active", &active, error))
    return FALSE;
  return lp_reply_page (req, conn,
                        "SELECT user_json(u) AS j, u.id, u.username FROM users u"
                        " WHERE ($1::text IS NULL OR u.role = $1)"
                        " AND ($2::boolean IS NULL OR u.active = $2::boolean)"
                        " AND ($3::text IS NULL OR (u.username || ' ' || u.full_name)"
                        "  ILIKE contains_pattern($3))",
                        "username", 3, (const char *[]) { role, active, q }, error);
}

static gboolean
create_user (LpRequest  *req,
             PGconn     *conn,
             GError    **error)
{
  JsonObject *body = lp_request_get_json (req, error);
  const char *username = NULL, *password = NULL, *full_name = NULL, *email = NULL;
  int role = LP_ROLE_MEMBER;
  gboolean active = TRUE;
  g_autofree char *hash = NULL;
  g_autoptr(PGresult) res = NULL;

  if (body == NULL)
    return FALSE;
  read_role (body, TRUE, &role, error);
  lp_json_get_bool (body, "active", FALSE, &active, error);
  if (!lp_auth_read_new_account (body, &username, &password, &full_name, &email, error))
    return FALSE;
  hash = lp_password_hash (password, error);
  if (hash == NULL)
    return FALSE;
  res = lp_db_query (conn, error,
                     "INSERT INTO users (username, password_hash, role, full_name, email, active)"
                     " VALUES ($1, $2, $3, btrim($4), $5, $6::boolean)"
                     " RETURNING user_json(users), id",
                     username, hash, lp_role_to_string (role), full_name, email,
                     active ? "true" : "false");
  if (res == NULL)
    return lp_auth_explain_duplicate (error);
  return lp_activity_log (req, conn, "user.create", "users", lp_db_get (res, 0, 1), NULL,
                          lp_db_get (res, 0, 0), error) &&
         lp_reply_row (req, 201, res, "", error);
}

static gboolean
get_user (LpRequest  *req,
          PGconn     *conn,
          GError    **error)
{
  return lp_reply_by_id (req, conn, "SELECT user_json(u) FROM users u WHERE id = $1",
                         "No such user", error);
}

/* The last active admin may not be demoted, deactivated or deleted. Every active admin
 * row is locked first, so two admins demoting each other at once cannot both succeed. */
static gboolean
keep_one_admin (PGconn      *conn,
                const char  *user_id,
                GError     **error)
{
  g_autoptr(PGresult) locked = NULL;
  g_autoptr(PGresult) others = NULL;

  locked = lp_db_exec (conn, "SELECT id FROM users WHERE role = 'admin' AND active FOR UPDATE",
                       0, NULL, error);
  if (locked == NULL)
    return FALSE;
  others = lp_db_query (conn, error,
                        "SELECT count(*) FROM users WHERE role = 'admin' AND active AND id <> $1",
                        user_id);
  if (others == NULL)
    return FALSE;
  if (lp_db_get_int (others, 0, 0) > 0)
    return TRUE;
  g_set_error_literal (error, LP_ERROR, LP_ERROR_CONFLICT,
                       "This is the last active admin; make another admin first");
  return FALSE;
}

typedef struct
{
  const char *full_name;
  const char *email;
  gboolean    email_given;
  int         role;
  gboolean    role_given;
  gboolean    active;
  gboolean    active_given;
  const char *password;
} UserChange;

static gboolean
read_user_change (LpRequest   *req,
                  JsonObject  *body,
                  UserChange  *change,
                  GError     **error)
{
  const char *problem;

  change->role_given = lp_json_has_member (body, "role");
  change->active_given = lp_json_has_member (body, "active");
  change->email_given = lp_json_has_member (body, "email");
  lp_json_get_string (body, "full_name", FALSE, &change->full_name, error);
  lp_json_get_string (body, "email", FALSE, &change->email, error);
  read_role (body, FALSE, &change->role, error);
  lp_json_get_bool (body, "active", FALSE, &change->active, error);
  lp_json_get_string (body, "password", FALSE, &change->password, error);
  if (change->full_name != NULL &&
      (problem = lp_validate_text (change->full_name, 1, 100, FALSE)) != NULL)
    lp_validation_add (error, "full_name", problem);
  if (change->email != NULL && *change->email != '\0' &&
      (problem = lp_validate_email (change->email)) != NULL)
    lp_validation_add (error, "email", problem);
  if (change->password != NULL &&
      (problem = lp_validate_password (change->password, NULL)) != NULL)
    lp_validation_add (error, "password", problem);
  return *error == NULL;
}

/* Staff may only switch members on and off. */
static gboolean
staff_may_change (LpRequest   *req,
                  JsonObject  *body,
                  const char  *target_role,
                  GError     **error)
{
  if (lp_request_get_role (req) != LP_ROLE_STAFF)
    return TRUE;
  if (json_object_get_size (body) == 1 && lp_json_has_member (body, "active") &&
      g_str_equal (target_role, "member"))
    return TRUE;
  g_set_error_literal (error, LP_ERROR, LP_ERROR_FORBIDDEN,
                       "Staff may only activate or deactivate member accounts");
  return FALSE;
}

static gboolean
apply_user_change (LpRequest   *req,
                   PGconn      *conn,
                   const char  *id,
                   const char  *old_json,
                   UserChange  *change,
                   GError     **error)
{
  g_autofree char *hash = NULL;
  g_autoptr(PGresult) res = NULL;
  gboolean revoke = (change->active_given && !change->active) || change->password != NULL;

  if (change->password != NULL && (hash = lp_password_hash (change->password, error)) == NULL)
    return FALSE;
  res = lp_db_query (conn, error,
                     "UPDATE users SET full_name = coalesce(btrim($2), full_name),"
                     " email = CASE WHEN $3::boolean THEN nullif($4, '') ELSE email END,"
                     " role = coalesce($5, role), active = coalesce($6::boolean, active),"
                     " password_hash = coalesce($7, password_hash)"
                     " WHERE id = $1 RETURNING user_json(users)",
                     id, change->full_name, change->email_given ? "true" : "false", change->email,
                     change->role_given ? lp_role_to_string (change->role) : NULL,
                     change->active_given ? (change->active ? "true" : "false") : NULL, hash);
  if (res == NULL)
    return lp_auth_explain_duplicate (error);
  if (revoke)
    {
      g_autoptr(PGresult) revoked = lp_db_query (conn, error,
                                                 "UPDATE sessions SET revoked_at = now()"
                                                 " WHERE user_id = $1 AND revoked_at IS NULL", id);
      if (revoked == NULL)
        return FALSE;
    }
  return lp_activity_log (req, conn, "user.update", "users", id, old_json,
                          lp_db_get (res, 0, 0), error) &&
         lp_reply_row (req, 200, res, "No such user", error);
}

static gboolean
update_user (LpRequest  *req,
             PGconn     *conn,
             GError    **error)
{
  JsonObject *body = NULL;
  UserChange change = { 0 };
  g_autoptr(PGresult) old = NULL;
  const char *id;
  gboolean was_admin, loses_admin;

  if (!lp_request_get_id (req, "id", &id, error) ||
      /* the id first: a bad id and a bad body must not both set the error */
      (body = lp_request_get_json (req, error)) == NULL ||
      !read_user_change (req, body, &change, error))
    return FALSE;
  old = lp_db_expect_row (lp_db_query (conn, error,
                                       "SELECT user_json(u), role, active FROM users u"
                                       " WHERE id = $1 FOR UPDATE", id),
                          "No such user", error);
  if (old == NULL)
    return FALSE;
  if (!staff_may_change (req, body, lp_db_get (old, 0, 1), error))
    return FALSE;
  was_admin = g_str_equal (lp_db_get (old, 0, 1), "admin") && lp_db_get_bool (old, 0, 2);
  loses_admin = (change.role_given && change.role != LP_ROLE_ADMIN) ||
                (change.active_given && !change.active);
  if (was_admin && loses_admin && !keep_one_admin (conn, id, error))
    return FALSE;
  return apply_user_change (req, conn, id, lp_db_get (old, 0, 0), &change, error);
}

static gboolean
delete_user (LpRequest  *req,
             PGconn     *conn,
             GError    **error)
{
  g_autoptr(PGresult) old = NULL;
  g_autoptr(PGresult) res = NULL;
  const char *id;

  if (!lp_request_get_id (req, "id", &id, error))
    return FALSE;
  old = lp_db_expect_row (lp_db_query (conn, error,
                                       "SELECT user_json(u), role = 'admin' AND active"
                                       " FROM users u WHERE id = $1 FOR UPDATE", id),
                          "No such user", error);
  if (old == NULL)
    return FALSE;
  if (lp_db_get_bool (old, 0, 1) && !keep_one_admin (conn, id, error))
    return FALSE;
  res = lp_db_query (conn, error, "DELETE FROM users WHERE id = $1", id);
  if (res == NULL)
    {
      if (g_error_matches (*error, LP_ERROR, LP_ERROR_IN_USE))
        {
          g_clear_error (error);
          g_set_error_literal (error, LP_ERROR, LP_ERROR_IN_USE,
                               "This user has loans or complaints; deactivate the account instead");
        }
      return FALSE;
    }
  if (!lp_activity_log (req, conn, "user.delete", "users", id, lp_db_get (old, 0, 0), NULL,
                        error))
    return FALSE;
  lp_request_reply_empty (req, 204);
  return TRUE;
}

static const LpRoute user_routes[] = {
  { "GET", "/api/v1/users", LP_ROLE_ADMIN, LP_ROUTE_READ_ONLY, list_users },
  { "POST", "/api/v1/users", LP_ROLE_ADMIN, LP_ROUTE_TRANSACTION, create_user },
  { "GET", "/api/v1/users/{id}", LP_ROLE_ADMIN, LP_ROUTE_READ_ONLY, get_user },
  { "PATCH", "/api/v1/users/{id}", LP_ROLES_DESK, LP_ROUTE_TRANSACTION, update_user },
  { "DELETE", "/api/v1/users/{id}", LP_ROLE_ADMIN, LP_ROUTE_TRANSACTION, delete_user },
};

LP_DEFINE_RESOURCE (users, user_routes)
