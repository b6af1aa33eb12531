/* test-embedded.c: lentera-server with no database URL runs its own PostgreSQL, stops it
 * cleanly on SIGTERM and reuses the data on the next start.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-test-server.h"

#include <signal.h>

static char *data_dir;

static GSubprocess *
start_embedded (guint *port)
{
  g_autoptr(GError) error = NULL;
  const char *args[] = { "--port=0", "--data-dir", data_dir, "--unsafe-fast-db", "--demo-data",
                         NULL };
  GSubprocess *proc = lp_test_spawn_server (args, port, &error);

  g_assert_no_error (error);
  return proc;
}

static char *
query (guint       port,
       const char *sql)
{
  g_autofree char *conninfo = g_strdup_printf ("host=%s/pg port=5432 user=lentera dbname=lentera",
                                               data_dir);
  PGconn *conn = PQconnectdb (conninfo);
  PGresult *res;
  char *value = NULL;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexec (conn, sql);
  g_assert_true (PQresultStatus (res) == PGRES_TUPLES_OK ||
                 PQresultStatus (res) == PGRES_COMMAND_OK);
  if (PQresultStatus (res) == PGRES_TUPLES_OK && PQntuples (res) > 0)
    value = g_strdup (PQgetvalue (res, 0, 0));
  PQclear (res);
  PQfinish (conn);
  return value;
}

static gint64
postmaster_pid (void)
{
  g_autofree char *pidfile = g_build_filename (data_dir, "pg", "postmaster.pid", NULL);
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (pidfile, &contents, NULL, NULL))
    return 0;
  return g_ascii_strtoll (contents, NULL, 10);
}

/* Alive and not a zombie (an orphaned postmaster may wait unreaped in a container). */
static gboolean
process_alive (gint64 pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/stat", pid);
  g_autofree char *stat = NULL;
  const char *paren;

  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return FALSE;
  paren = strrchr (stat, ')');
  return paren != NULL && paren[1] == ' ' && paren[2] != 'Z' && paren[2] != 'X';
}

static void
stop (GSubprocess *proc)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (proc, SIGTERM);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
}

static void
test_start_stop_reuse (void)
{
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *marker = NULL;
  g_autofree char *migrations = NULL;
  guint port = 0;
  gint64 pid;

  first = start_embedded (&port);
  {
    g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/healthz", port);
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
    g_autoptr(GBytes) body = soup_session_send_and_read (session, msg, NULL, NULL);

    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
    g_assert_cmpstr (g_bytes_get_data (body, NULL), ==, "{\"status\":\"ok\",\"database\":\"ok\"}");
  }
  pid = postmaster_pid ();
  g_assert_cmpint (pid, >, 0);
  g_assert_true (process_alive (pid));
  g_free (query (port, "CREATE TABLE test_marker AS SELECT 'kept'::text AS v"));
  stop (first);

  /* No postgres left behind: the postmaster is gone and so is its pid file. */
  g_assert_cmpint (postmaster_pid (), ==, 0);
  g_assert_false (process_alive (pid));

  second = start_embedded (&port);
  marker = query (port, "SELECT v FROM test_marker");
  g_assert_cmpstr (marker, ==, "kept");
  migrations = query (port, "SELECT count(*) FROM schema_migrations");
  g_assert_cmpstr (migrations, !=, "0");
  stop (second);
  g_assert_cmpint (postmaster_pid (), ==, 0);
}

/* GET path, or POST json to it when json is not NULL. */
static char *
request (SoupSession *session,
         guint        port,
         const char  *path,
         const char  *json,
         guint       *status)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u%s", port, path);
  g_autoptr(SoupMessage) msg = soup_message_new (json == NULL ? "GET" : "POST", url);
  g_autoptr(GBytes) body = NULL;

  if (json != NULL)
    {
      g_autoptr(GBytes) sent = g_bytes_new (json, strlen (json));
      soup_message_set_request_body_from_bytes (msg, "application/json", sent);
    }
  body = soup_session_send_and_read (session, msg, NULL, NULL);
  *status = soup_message_get_status (msg);
  return g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

/* The demo school: every kind of thing a librarian will want to try, consistent stock,
 * and accounts whose bcrypt hashes (made by pgcrypto) the server's libcrypt accepts. */
static void
test_demo_data (void)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  guint port = 0, status = 0;
  g_autofree char *reply = NULL;
  struct { const char *sql; const char *expected; } checks[] = {
    { "SELECT count(*) >= 8 FROM categories", "t" },
    { "SELECT count(*) BETWEEN 250 AND 350 FROM items", "t" },
    { "SELECT count(*) FROM users WHERE role = 'admin'", "1" },
    { "SELECT count(*) FROM users WHERE role = 'staff'", "3" },
    { "SELECT count(*) FROM users WHERE role = 'member'", "40" },
    { "SELECT count(DISTINCT status) FROM loans", "7" },
    { "SELECT count(DISTINCT condition) FROM returns", "4" },
    { "SELECT count(DISTINCT status) FROM complaints", "4" },
    { "SELECT count(*) FROM items i WHERE i.stock_available <> i.stock_total - coalesce((SELECT"
      " sum(quantity) FROM loans l WHERE l.item_id = i.id AND l.status IN"
      " ('approved','borrowed','overdue')), 0)", "0" },
    { "SELECT min(created_at) < now() - interval '5 months' FROM loans", "t" },
  };

  proc = start_embedded (&port);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autofree char *value = query (port, checks[i].sql);
      g_test_message ("%s", checks[i].sql);
      g_assert_cmpstr (value, ==, checks[i].expected);
    }
  reply = request (session, port, "/api/v1/auth/login",
                   "{\"username\":\"admin\",\"password\":\"Admin#2026\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  stop (proc);
}

static void
test_help_explains_options (void)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                           g_getenv ("LENTERA_SERVER"), "--help", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      const char *option = (const char *[]) { "--database-url", "--data-dir", "--port",
                                              "--demo-data", "--create-admin" }[i];
      g_assert_nonnull (strstr (out, option));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  data_dir = lp_test_make_tmp_dir ();

  g_test_add_func ("/lp/embedded/start-stop-reuse", test_start_stop_reuse);
  g_test_add_func ("/lp/embedded/demo-data", test_demo_data);
  g_test_add_func ("/lp/embedded/help", test_help_explains_options);

  status = g_test_run ();
  lp_test_remove_tree (data_dir);
  g_free (data_dir);
  return status;
}
