/* lp-categories.c — catalog categories: everyone reads them, admins manage them.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-categories"

#include "config.h"

#include "lp-resources.h"

#include "lp-error.h"
#include "lp-json.h"
#include "lp-reply.h"
#include "lp-validation.h"

#define NAME_MAX_CHARS        LP_CATEGORY_NAME_MAX_CHARS
#define DESCRIPTION_MAX_CHARS 2000

typedef struct
{
  const char *name;
  const char *description;
} CategoryInput;

static gboolean
read_category (JsonObject     *body,
               gboolean        creating,
               CategoryInput  *input,
               GError        **error)
{
  const char *problem;

  lp_json_get_string (body, "name", creating, &input->name, error);
  lp_json_get_string (body, "description", FALSE, &input->description, error);
  if (input->name != NULL &&
      (problem = lp_validate_text (input->name, 1, NAME_MAX_CHARS, FALSE)) != NULL)
    lp_validation_add (error, "name", problem);
  if (input->description != NULL &&
      (problem = lp_validate_text (input->description, 0, DESCRIPTION_MAX_CHARS, TRUE)) != NULL)
    lp_validation_add (error, "description", problem);
  return *error == NULL;
}

/* Names are unique ignoring case (categories_name_lower_key). */
static gboolean
explain_duplicate (GError **error)
{
  if (!g_error_matches (*error, LP_ERROR, LP_ERROR_DUPLICATE))
    return FALSE;
  g_clear_error (error);
  g_set_error_literal (error, LP_ERROR, LP_ERROR_DUPLICATE,
                       "A category with this name already exists");
  lp_error_set_field (*error, "name", "is already used by another category");
  return FALSE;
}

static gboolean
list_categories (LpRequest  *req,
                 PGconn     *conn,
                 GError    **error)
{
  const char *q = lp_request_get_query (req, "q");

  if (q != NULL && *q == '\0')
    q = NULL;
  return lp_reply_page (req, conn,
                        "SELECT category_json(c) AS j, c.id, lower(c.name) AS sort_name"
                        " FROM categories AS c"
                        " WHERE ($1::text IS NULL OR c.name ILIKE contains_pattern($1))",
                        "sort_name", 1, (const char *[]) { q }, error);
}

static gboolean
create_category (LpRequest  *req,
                 PGconn     *conn,
                 GError    **error)
{
  JsonObject *body = lp_request_get_json (req, error);
  CategoryInput input = { NULL, NULL };
  g_autoptr(PGresult) res = NULL;

  if (body == NULL || !read_category (body, TRUE, &input, error))
    return FALSE;
  res = lp_db_query (conn, error,
                     "INSERT INTO categories (name, description)"
                     " VALUES (btrim($1), coalesce(btrim($2), ''))"
                     " RETURNING category_json(categories), id",
                     input.name, input.description);
  if (res == NULL)
    return explain_duplicate (error);
  return lp_activity_log (req, conn, "category.create", "categories", lp_db_get (res, 0, 1),
                          NULL, lp_db_get (res, 0, 0), error) &&
         lp_reply_row (req, 201, res, "", error);
}

static gboolean
get_category (LpRequest  *req,
              PGconn     *conn,
              GError    **error)
{
  return lp_reply_by_id (req, conn, "SELECT category_json(c) FROM categories AS c WHERE c.id = $1",
                         "No such category", error);
}

/* Locks the category and returns its JSON as it is before the change; NULL with
 * not_found when there is no such category. */
static PGresult *
lock_category (PGconn      *conn,
               const char  *id,
               GError     **error)
{
  PGresult *res = lp_db_query (conn, error,
                               "SELECT category_json(c) FROM categories AS c"
                               " WHERE c.id = $1 FOR UPDATE",
                               id);

  return lp_db_expect_row (res, "No such category", error);
}

static gboolean
update_category (LpRequest  *req,
                 PGconn     *conn,
                 GError    **error)
{
  JsonObject *body = NULL;
  CategoryInput input = { NULL, NULL };
  g_autoptr(PGresult) old = NULL;
  g_autoptr(PGresult) res = NULL;
  const char *id;

  if (!lp_request_get_id (req, "id", &id, error) ||
      /* the id first: a bad id and a bad body must not both set the error */
      (body = lp_request_get_json (req, error)) == NULL ||
      !read_category (body, FALSE, &input, error))
    return FALSE;
  if ((old = lock_category (conn, id, error)) == NULL)
    return FALSE;
  res = lp_db_query (conn, error,
                     "UPDATE categories SET name = coalesce(btrim($2), name),"
                     " description = coalesce(btrim($3), description)"
                     " WHERE id = $1 RETURNING category_json(categories)",
                     id, input.name, input.description);
  if (res == NULL)
    return explain_duplicate (error);
  return lp_activity_log (req, conn, "category.update", "categories", id,
                          lp_db_get (old, 0, 0), lp_db_get (res, 0, 0), error) &&
         lp_reply_row (req, 200, res, "No such category", error);
}

static gboolean
delete_category (LpRequest  *req,
                 PGconn     *conn,
                 GError    **error)
{
  g_autoptr(PGresult) old = NULL;
  g_autoptr(PGresult) res = NULL;
  const char *id;

  if (!lp_request_get_id (req, "id", &id, error) ||
      (old = lock_category (conn, id, error)) == NULL)
    return FALSE;
  res = lp_db_query (conn, error, "DELETE FROM categories WHERE id = $1", id);
  if (res == NULL)
    {
      if (g_error_matches (*error, LP_ERROR, LP_ERROR_IN_USE))
        {
          g_clear_error (error);
          g_set_error_literal (error, LP_ERROR, LP_ERROR_IN_USE,
                               "Items or complaints still use this category; move them first");
        }
      return FALSE;
    }
  if (!lp_activity_log (req, conn, "category.delete", "categories", id, lp_db_get (old, 0, 0),
                        NULL, error))
    return FALSE;
  lp_request_reply_empty (req, 204);
  return TRUE;
}

static const LpRoute category_routes[] = {
  { "GET", "/api/v1/categories", LP_ROLES_ANY, LP_ROUTE_CACHED, list_categories },
  { "POST", "/api/v1/categories", LP_ROLE_ADMIN, LP_ROUTE_TRANSACTION, create_category },
  { "GET", "/api/v1/categories/{id}", LP_ROLES_ANY, LP_ROUTE_CACHED, get_category },
  { "PATCH", "/api/v1/categories/{id}", LP_ROLE_ADMIN, LP_ROUTE_TRANSACTION, update_category },
  { "DELETE", "/api/v1/categories/{id}", LP_ROLE_ADMIN, LP_ROUTE_TRANSACTION, delete_category },
};

LP_DEFINE_RESOURCE (categories, category_routes)
