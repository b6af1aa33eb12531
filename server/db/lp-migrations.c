/* lp-migrations.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-migrations"

#include "config.h"

#include "lp-migrations.h"

#include "lp-db.h"
#include "lp-server-resources.h"

#include <gio/gio.h>
#include <stdlib.h>

#define SQL_RESOURCE_DIR "/id/lenterapustaka/server/sql/"
#define MIGRATION_LOCK   "7203114"   /* any constant shared by every server instance */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Migration files are the resources named NNNN_*.sql, in order. */
static GPtrArray *
list_migrations (GError **error)
{
  g_auto(GStrv) children = g_resource_enumerate_children (lp_server_get_resource (),
                                                          SQL_RESOURCE_DIR, 0, error);
  GPtrArray *names;

  if (children == NULL)
    return NULL;
  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; children[i] != NULL; i++)
    if (g_ascii_isdigit (children[i][0]) && g_str_has_suffix (children[i], ".sql"))
      g_ptr_array_add (names, g_strdup (children[i]));
  g_ptr_array_sort (names, compare_names);
  return names;
}

static char *
load_sql (const char  *name,
          GError     **error)
{
  g_autofree char *path = g_strconcat (SQL_RESOURCE_DIR, name, NULL);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (lp_server_get_resource (), path, 0, error);

  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static gboolean
apply_one (PGconn      *conn,
           const char  *name,
           GError     **error)
{
  g_autofree char *sql = load_sql (name, error);
  g_autofree char *version = g_strndup (name, strspn (name, "0123456789"));
  g_autoptr(PGresult) done = NULL;
  g_autoptr(PGresult) recorded = NULL;

  if (sql == NULL)
    return FALSE;
  done = lp_db_query (conn, error, "SELECT 1 FROM schema_migrations WHERE version = $1", version);
  if (done == NULL)
    return FALSE;
  if (PQntuples (done) > 0)
    return TRUE;

  g_message ("Applying migration %s", name);
  if (!lp_db_exec_script (conn, "BEGIN", error))
    return FALSE;
  if (!lp_db_exec_script (conn, sql, error) ||
      (recorded = lp_db_query (conn, error,
                               "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                               version, name)) == NULL ||
      !lp_db_exec_script (conn, "COMMIT", error))
    {
      g_autoptr(GError) ignored = NULL;
      lp_db_exec_script (conn, "ROLLBACK", &ignored);
      g_prefix_error (error, "Migration %s failed: ", name);
      return FALSE;
    }
  return TRUE;
}

gboolean
lp_migrations_apply (PGconn  *conn,
                     GError **error)
{
  g_autoptr(GPtrArray) names = list_migrations (error);
  g_autoptr(GError) ignored = NULL;
  gboolean ok = TRUE;

  if (names == NULL)
    return FALSE;
  if (!lp_db_exec_script (conn, "SELECT pg_advisory_lock(" MIGRATION_LOCK ")", error))
    return FALSE;
  ok = lp_db_exec_script (conn,
                          "CREATE TABLE IF NOT EXISTS schema_migrations ("
                          " version text PRIMARY KEY,"
                          " name text NOT NULL,"
                          " applied_at timestamptz NOT NULL DEFAULT now())",
                          error);
  for (guint i = 0; ok && i < names->len; i++)
    ok = apply_one (conn, g_ptr_array_index (names, i), error);
  lp_db_exec_script (conn, "SELECT pg_advisory_unlock(" MIGRATION_LOCK ")", &ignored);
  return ok;
}

/* Loads the demo school into a database that has no users yet; a database that already
 * holds data (demo or real) is left alone. */
gboolean
lp_migrations_load_demo (PGconn    *conn,
                         gboolean  *loaded,
                         GError   **error)
{
  g_autofree char *sql = load_sql ("demo.sql", error);
  g_autoptr(PGresult) res = NULL;

  *loaded = FALSE;
  if (sql == NULL)
    return FALSE;
  res = lp_db_exec (conn, "SELECT EXISTS (SELECT 1 FROM users)", 0, NULL, error);
  if (res == NULL)
    return FALSE;
  if (lp_db_get_bool (res, 0, 0))
    return TRUE;
  if (!lp_db_exec_script (conn, "BEGIN", error))
    return FALSE;
  if (!lp_db_exec_script (conn, sql, error) || !lp_db_exec_script (conn, "COMMIT", error))
    {
      g_autoptr(GError) ignored = NULL;
      lp_db_exec_script (conn, "ROLLBACK", &ignored);
      g_prefix_error (error, "Loading the demo data failed: ");
      return FALSE;
    }
  *loaded = TRUE;
  return TRUE;
}
