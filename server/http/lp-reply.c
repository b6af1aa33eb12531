/* lp-reply.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-reply"

#include "config.h"

#include "lp-reply.h"

#include "lp-error.h"

gboolean
lp_reply_row (LpRequest   *req,
              guint        status,
              PGresult    *res,
              const char  *not_found_message,
              GError     **error)
{
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0 || PQgetisnull (res, 0, 0))
    {
      g_set_error_literal (error, LP_ERROR, LP_ERROR_NOT_FOUND, not_found_message);
      return FALSE;
    }
  lp_request_reply_json_text (req, status, PQgetvalue (res, 0, 0));
  return TRUE;
}

gboolean
lp_reply_page (LpRequest          *req,
               PGconn             *conn,
               const char         *inner_sql,
               const char         *order_by,
               int                 n_params,
               const char * const *params,
               GError            **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PGresult) res = NULL;
  g_autofree char *sql = NULL;
  gint64 limit, offset;

  if (!lp_request_get_page (req, &limit, &offset, error))
    return FALSE;
  for (int i = 0; i < n_params; i++)
    g_ptr_array_add (all, g_strdup (params[i]));
  g_ptr_array_add (all, g_strdup_printf ("%" G_GINT64_FORMAT, limit));
  g_ptr_array_add (all, g_strdup_printf ("%" G_GINT64_FORMAT, offset));

  /* One round trip for the count and the page. The inner query appears as plain
   * subqueries, not as one CTE: a CTE used more than once is materialised, which would
   * render the JSON of every matching row. The count renders none; the page picks its
   * ids first and renders only those rows, joined back by id — rendering in the query
   * that sorts would render every row the OFFSET skips too (5,000 loan_json calls for a
   * page deep in the desk's requests, bench/desk-lists.sh). The row_number keeps the
   * page's order through json_agg. */
  sql = g_strdup_printf ("SELECT json_build_object('items', "
                         "coalesce((SELECT json_agg(f.j ORDER BY p.n) FROM "
                         "(SELECT k.id, row_number() OVER () AS n FROM "
                         "(SELECT id FROM (%s) f ORDER BY %s LIMIT $%d OFFSET $%d) k) p "
                         "JOIN (%s) f ON f.id = p.id), '[]'::json), "
                         "'total', (SELECT count(*) FROM (%s) c), "
                         "'limit', $%d::bigint, 'offset', $%d::bigint)",
                         inner_sql, order_by, n_params + 1, n_params + 2, inner_sql, inner_sql,
                         n_params + 1, n_params + 2);
  res = lp_db_exec (conn, sql, (int) all->len, (const char * const *) all->pdata, error);
  return lp_reply_row (req, 200, res, "Nothing found", error);
}

gboolean
lp_activity_log (LpRequest   *req,
                 PGconn      *conn,
                 const char  *action,
                 const char  *table_name,
                 const char  *record_id,
                 const char  *old_json,
                 const char  *new_json,
                 GError     **error)
{
  g_autoptr(PGresult) res = NULL;
  const char *ip = lp_request_get_ip (req);

  res = lp_db_query (conn, error,
                     "INSERT INTO activity_log (user_id, username, action, table_name, record_id,"
                     " old_data, new_data, ip_address, user_agent)"
                     " VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::inet, $9)",
                     lp_request_get_user_id (req), lp_request_get_username (req), action,
                     table_name, record_id, old_json, new_json,
                     ip != NULL && *ip != '\0' ? ip : NULL,
                     lp_request_get_user_agent (req));
  return res != NULL;
}

static gboolean
reply_by_id (LpRequest   *req,
             PGconn      *conn,
             const char  *sql,
             int          n_params,
             const char  *owner,
             const char  *not_found_message,
             GError     **error)
{
  g_autoptr(PGresult) res = NULL;
  const char *params[2] = { NULL, owner };

  if (!lp_request_get_id (req, "id", &params[0], error))
    return FALSE;
  res = lp_db_exec (conn, sql, n_params, params, error);
  return lp_reply_row (req, 200, res, not_found_message, error);
}

gboolean
lp_reply_by_id (LpRequest   *req,
                PGconn      *conn,
                const char  *sql,
                const char  *not_found_message,
                GError     **error)
{
  return reply_by_id (req, conn, sql, 1, NULL, not_found_message, error);
}

gboolean
lp_reply_by_id_owned (LpRequest   *req,
                      PGconn      *conn,
                      const char  *sql,
                      const char  *owner,
                      const char  *not_found_message,
                      GError     **error)
{
  return reply_by_id (req, conn, sql, 2, owner, not_found_message, error);
}
