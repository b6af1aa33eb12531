/* lp-pg-cluster.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-pg-cluster"

#include "config.h"

#include "lp-pg-cluster.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define CLUSTER_USER "lentera"
#define CLUSTER_DB   "lentera"

struct _LpPgCluster
{
  GObject   parent_instance;

  char     *data_dir;
  char     *pgdata;
  char     *socket_dir;
  char     *log_file;
  char     *conninfo;
  char     *run_as;     /* system user owning the cluster when we are root, else NULL */
  gboolean  unsafe_fast;
  gboolean  started_by_us;
};

G_DEFINE_FINAL_TYPE (LpPgCluster, lp_pg_cluster, G_TYPE_OBJECT)

static void
lp_pg_cluster_finalize (GObject *object)
{
  LpPgCluster *self = (LpPgCluster *) object;

  g_free (self->data_dir);
  g_free (self->pgdata);
  g_free (self->socket_dir);
  g_free (self->log_file);
  g_free (self->conninfo);
  g_free (self->run_as);
  G_OBJECT_CLASS (lp_pg_cluster_parent_class)->finalize (object);
}

static void
lp_pg_cluster_class_init (LpPgClusterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lp_pg_cluster_finalize;
}

static void
lp_pg_cluster_init (LpPgCluster *self)
{
}

LpPgCluster *
lp_pg_cluster_new (const char *data_dir,
                   gboolean    unsafe_fast)
{
  LpPgCluster *self;
  g_autofree char *abs_dir = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (LP_TYPE_PG_CLUSTER, NULL);
  abs_dir = g_canonicalize_filename (data_dir, NULL);
  self->data_dir = g_strdup (abs_dir);
  self->pgdata = g_build_filename (abs_dir, "pg", NULL);
  self->socket_dir = g_strdup (self->pgdata);
  self->log_file = g_build_filename (abs_dir, "postgresql.log", NULL);
  self->unsafe_fast = unsafe_fast;
  if (geteuid () == 0)
    self->run_as = g_strdup ("postgres");
  return self;
}

/* Runs a PostgreSQL tool, through runuser when we are root, and collects its output
 * into the error message when it fails. */
static gboolean
run_tool (LpPgCluster  *self,
          const char   *tool,
          const char  **args,
          GError      **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;

  if (self->run_as != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("runuser"));
      g_ptr_array_add (argv, g_strdup ("-u"));
      g_ptr_array_add (argv, g_strdup (self->run_as));
      g_ptr_array_add (argv, g_strdup ("--"));
    }
  g_ptr_array_add (argv, g_build_filename (PG_BINDIR, tool, NULL));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE,
                            error);
  if (proc == NULL)
    return FALSE;
  if (!g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, error))
    return FALSE;
  if (!g_subprocess_get_successful (proc))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed: %s", tool,
                   out != NULL ? g_strstrip (out) : "");
      return FALSE;
    }
  return TRUE;
}

/* The cluster user must be able to reach and own its directory. */
static gboolean
prepare_directories (LpPgCluster  *self,
                     GError      **error)
{
  struct passwd *pw;

  if (g_mkdir_with_parents (self->data_dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot create %s: %s", self->data_dir, g_strerror (saved_errno));
      return FALSE;
    }
  if (self->run_as == NULL)
    return TRUE;

  pw = getpwnam (self->run_as);
  if (pw == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "Running as root needs the “%s” system user (package postgresql-15) to "
                   "own the embedded database", self->run_as);
      return FALSE;
    }
  /* Only traversal for others: the cluster directory itself stays private. */
  if (g_chmod (self->data_dir, 0711) != 0 ||
      (g_mkdir (self->pgdata, 0700) != 0 && errno != EEXIST) ||
      chown (self->pgdata, pw->pw_uid, pw->pw_gid) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot prepare %s for user %s: %s", self->pgdata, self->run_as,
                   g_strerror (saved_errno));
      return FALSE;
    }
  /* The log file is written by pg_ctl as the cluster user. */
  if (!g_file_test (self->log_file, G_FILE_TEST_EXISTS))
    g_file_set_contents (self->log_file, "", 0, NULL);
  if (chown (self->log_file, pw->pw_uid, pw->pw_gid) != 0)
    g_debug ("chown %s: %s", self->log_file, g_strerror (errno));
  return TRUE;
}

static gboolean
ensure_initialized (LpPgCluster  *self,
                    GError      **error)
{
  g_autofree char *version_file = g_build_filename (self->pgdata, "PG_VERSION", NULL);
  const char *args[] = { "-D", self->pgdata, "-U", CLUSTER_USER, "-A", "trust", "-E", "UTF8",
                         "--locale=C.UTF-8", "--no-sync", NULL };

  if (!prepare_directories (self, error))
    return FALSE;
  if (self->run_as == NULL && g_access (self->pgdata, F_OK) != 0 &&
      g_mkdir (self->pgdata, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot create %s: %s", self->pgdata, g_strerror (saved_errno));
      return FALSE;
    }
  if (g_file_test (version_file, G_FILE_TEST_EXISTS))
    return TRUE;
  g_message ("Initialising the embedded database in %s", self->pgdata);
  return run_tool (self, "initdb", args, error);
}

/* A unix socket path is limited to sizeof (sun_path) bytes; a deep data directory gets
 * its socket in a private temporary directory instead. */
static gboolean
choose_socket_dir (LpPgCluster  *self,
                   GError      **error)
{
  struct sockaddr_un addr;
  struct passwd *pw;

  if (strlen (self->pgdata) + strlen ("/.s.PGSQL.5432") < sizeof addr.sun_path)
    return TRUE;
  g_free (self->socket_dir);
  self->socket_dir = g_dir_make_tmp ("lentera-pg-XXXXXX", error);
  if (self->socket_dir == NULL)
    return FALSE;
  pw = self->run_as != NULL ? getpwnam (self->run_as) : NULL;
  if (pw != NULL && chown (self->socket_dir, pw->pw_uid, pw->pw_gid) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot prepare %s: %s",
                   self->socket_dir, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
lp_pg_cluster_is_running (LpPgCluster *self)
{
  const char *args[] = { "status", "-D", self->pgdata, NULL };

  g_return_val_if_fail (LP_IS_PG_CLUSTER (self), FALSE);
  return run_tool (self, "pg_ctl", args, NULL);
}

static gboolean
ensure_database (LpPgCluster  *self,
                 GError      **error)
{
  g_autofree char *admin_conninfo = NULL;
  PGconn *conn;
  PGresult *res;
  gboolean ok;

  admin_conninfo = g_strdup_printf ("host='%s' port=5432 user=" CLUSTER_USER " dbname=postgres",
                                    self->socket_dir);
  conn = PQconnectdb (admin_conninfo);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot reach the embedded database: %s",
                   PQerrorMessage (conn));
      PQfinish (conn);
      return FALSE;
    }
  res = PQexec (conn, "SELECT 1 FROM pg_database WHERE datname = '" CLUSTER_DB "'");
  ok = PQresultStatus (res) == PGRES_TUPLES_OK;
  if (ok && PQntuples (res) == 0)
    {
      PQclear (res);
      res = PQexec (conn, "CREATE DATABASE " CLUSTER_DB);
      ok = PQresultStatus (res) == PGRES_COMMAND_OK;
    }
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot create the database: %s",
                 PQerrorMessage (conn));
  PQclear (res);
  PQfinish (conn);
  return ok;
}

gboolean
lp_pg_cluster_start (LpPgCluster  *self,
                     GError      **error)
{
  g_autofree char *opts = NULL;

  g_return_val_if_fail (LP_IS_PG_CLUSTER (self), FALSE);

  if (!ensure_initialized (self, error) || !choose_socket_dir (self, error))
    return FALSE;

  /* The cluster lives on local disk (usually SSD): random reads are cheap, and with the
   * default random_page_cost the planner prefers scanning the whole catalog to its
   * trigram index. */
  opts = g_strdup_printf ("-k '%s' -c listen_addresses='' -p 5432 -c random_page_cost=1.1%s",
                          self->socket_dir,
                          self->unsafe_fast
                            ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                            : "");
  if (lp_pg_cluster_is_running (self))
    g_message ("Reusing the embedded database already running in %s", self->pgdata);
  else
    {
      const char *args[] = { "start", "-w", "-t", "60", "-D", self->pgdata,
                             "-l", self->log_file, "-o", opts, NULL };
      if (!run_tool (self, "pg_ctl", args, error))
        return FALSE;
      self->started_by_us = TRUE;
    }

  g_free (self->conninfo);
  self->conninfo = g_strdup_printf ("host='%s' port=5432 user=" CLUSTER_USER " dbname=" CLUSTER_DB,
                                    self->socket_dir);
  return ensure_database (self, error);
}

gboolean
lp_pg_cluster_stop (LpPgCluster  *self,
                    gboolean      immediate,
                    GError      **error)
{
  const char *args[] = { "stop", "-w", "-t", "60", "-D", self->pgdata, "-m",
                         immediate ? "immediate" : "fast", NULL };

  g_return_val_if_fail (LP_IS_PG_CLUSTER (self), FALSE);

  if (!lp_pg_cluster_is_running (self))
    return TRUE;
  return run_tool (self, "pg_ctl", args, error);
}

const char *
lp_pg_cluster_get_conninfo (LpPgCluster *self)
{
  g_return_val_if_fail (LP_IS_PG_CLUSTER (self), NULL);
  return self->conninfo;
}

const char *
lp_pg_cluster_get_pgdata (LpPgCluster *self)
{
  g_return_val_if_fail (LP_IS_PG_CLUSTER (self), NULL);
  return self->pgdata;
}
