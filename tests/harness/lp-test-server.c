/* lp-test-server.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-test-server"

#include "config.h"

#include "lp-test-server.h"

#include "lp-db.h"
#include "lp-passwords.h"
#include "lp-pg-cluster.h"

#include <glib/gstdio.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

struct _LpTestServer
{
  char         *tmp_dir;       /* NULL for a second instance sharing the first's database */
  LpPgCluster  *cluster;
  GSubprocess  *proc;
  guint         port;
  char         *conninfo;
  SoupSession  *session;
  GStrv         extra_args;

  /* While the cluster is frozen: its processes, and a watchdog child that thaws them
   * when the test dies or overstays (it holds the read end of a pipe we write to). */
  GArray       *frozen_pids;
  pid_t         watchdog;
  int           watchdog_fd;
};

/* Every live server, so an aborting test still stops its processes and deletes its
 * files. */
static GPtrArray *live_servers;

char *
lp_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lp-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
lp_test_remove_tree (const char *path)
{
  g_autofree char *quoted = NULL;
  g_autofree char *command = NULL;

  if (path == NULL || !g_str_has_prefix (path, g_get_tmp_dir ()))
    return;
  quoted = g_shell_quote (path);
  command = g_strdup_printf ("rm -rf %s", quoted);
  if (system (command) != 0)
    g_printerr ("could not remove %s\n", path);
}

/* Async-signal-safe: also runs from emergency_cleanup(). */
static void
thaw_pids (LpTestServer *server)
{
  for (guint i = 0; server->frozen_pids != NULL && i < server->frozen_pids->len; i++)
    kill (g_array_index (server->frozen_pids, pid_t, i), SIGCONT);
}

static void
emergency_cleanup (int signum)
{
  for (guint i = 0; live_servers != NULL && i < live_servers->len; i++)
    {
      LpTestServer *server = g_ptr_array_index (live_servers, i);
      /* A frozen cluster would not stop: pg_ctl would wait for it forever. */
      thaw_pids (server);
      if (server->proc != NULL)
        g_subprocess_force_exit (server->proc);
      if (server->cluster != NULL)
        lp_pg_cluster_stop (server->cluster, TRUE, NULL);
      lp_test_remove_tree (server->tmp_dir);
    }
  signal (signum, SIG_DFL);
  raise (signum);
}

static void
track (LpTestServer *server)
{
  static gsize installed;

  if (g_once_init_enter (&installed))
    {
      live_servers = g_ptr_array_new ();
      signal (SIGABRT, emergency_cleanup);
      signal (SIGSEGV, emergency_cleanup);
      signal (SIGTRAP, emergency_cleanup);
      g_once_init_leave (&installed, 1);
    }
  g_ptr_array_add (live_servers, server);
}

/* The server dies with the test even when the test is killed. */
static void
child_setup (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static GSubprocess *
spawn_server (const char * const  *args,
              GSubprocessFlags     flags,
              guint               *port,
              GDataInputStream   **log,
              GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  const char *binary = g_getenv ("LENTERA_SERVER");
  g_autofree char *line = NULL;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | flags);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
  if (proc == NULL)
    return NULL;
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  while ((line = g_data_input_stream_read_line (out, NULL, NULL, error)) != NULL)
    {
      const char *colon = strrchr (line, ':');
      if (g_str_has_prefix (line, "Listening on http://") && colon != NULL)
        {
          *port = (guint) g_ascii_strtoull (colon + 1, NULL, 10);
          if (log != NULL)
            *log = g_steal_pointer (&out);
          return g_steal_pointer (&proc);
        }
      g_clear_pointer (&line, g_free);
    }
  if (error != NULL && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "lentera-server exited before listening");
  return NULL;
}

GSubprocess *
lp_test_spawn_server (const char * const *args,
                      guint              *port,
                      GError            **error)
{
  return spawn_server (args, 0, port, NULL, error);
}

GSubprocess *
lp_test_spawn_server_logged (const char * const  *args,
                             guint               *port,
                             GDataInputStream   **log,
                             GError             **error)
{
  return spawn_server (args, G_SUBPROCESS_FLAGS_STDERR_MERGE, port, log, error);
}

static void
spawn (LpTestServer *server)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (args, (gpointer) "--port=0");
  g_ptr_array_add (args, (gpointer) "--database-url");
  g_ptr_array_add (args, server->conninfo);
  g_ptr_array_add (args, (gpointer) "--statement-timeout=2000");
  for (guint i = 0; server->extra_args != NULL && server->extra_args[i] != NULL; i++)
    g_ptr_array_add (args, server->extra_args[i]);
  g_ptr_array_add (args, NULL);
  server->proc = lp_test_spawn_server ((const char * const *) args->pdata, &server->port, &error);
  g_assert_no_error (error);
}

static LpTestServer *
server_new (const char * const *extra_args)
{
  LpTestServer *server = g_new0 (LpTestServer, 1);

  server->extra_args = g_strdupv ((char **) extra_args);
  server->session = soup_session_new_with_options ("timeout", 30, "max-conns", 64,
                                                   "max-conns-per-host", 64, NULL);
  return server;
}

LpTestServer *
lp_test_server_start (const char * const *extra_args)
{
  LpTestServer *server = server_new (extra_args);
  g_autoptr(GError) error = NULL;

  server->tmp_dir = lp_test_make_tmp_dir ();
  track (server);
  server->cluster = lp_pg_cluster_new (server->tmp_dir, TRUE);
  lp_pg_cluster_start (server->cluster, &error);
  g_assert_no_error (error);
  server->conninfo = g_strdup (lp_pg_cluster_get_conninfo (server->cluster));
  spawn (server);
  return server;
}

/* A second server instance on the same database, as behind a load balancer; with
 * @extra_args (not NULL) instead of the first one's. */
LpTestServer *
lp_test_server_start_another_with (LpTestServer       *first,
                                   const char * const *extra_args)
{
  LpTestServer *server = server_new (extra_args != NULL ? extra_args
                                                        : (const char * const *) first->extra_args);

  server->conninfo = g_strdup (first->conninfo);
  track (server);
  spawn (server);
  return server;
}

LpTestServer *
lp_test_server_start_another (LpTestServer *first)
{
  return lp_test_server_start_another_with (first, NULL);
}

static void
stop_process (LpTestServer *server)
{
  g_autoptr(GError) error = NULL;

  if (server->proc == NULL)
    return;
  g_subprocess_send_signal (server->proc, SIGTERM);
  g_subprocess_wait (server->proc, NULL, &error);
  g_assert_no_error (error);
  /* A clean stop must also be a clean exit (no sanitizer report, no crash). */
  g_assert_true (g_subprocess_get_if_exited (server->proc));
  g_assert_cmpint (g_subprocess_get_exit_status (server->proc), ==, 0);
  g_clear_object (&server->proc);
}

void
lp_test_server_free (LpTestServer *server)
{
  if (server == NULL)
    return;
  lp_test_server_thaw_database (server);
  stop_process (server);
  if (server->cluster != NULL)
    lp_pg_cluster_stop (server->cluster, FALSE, NULL);
  g_clear_object (&server->cluster);
  lp_test_remove_tree (server->tmp_dir);
  g_ptr_array_remove (live_servers, server);
  g_clear_object (&server->session);
  g_free (server->tmp_dir);
  g_free (server->conninfo);
  g_strfreev (server->extra_args);
  g_free (server);
}

guint
lp_test_server_get_port (LpTestServer *server)
{
  return server->port;
}

const char *
lp_test_server_get_conninfo (LpTestServer *server)
{
  return server->conninfo;
}

void
lp_test_server_stop_database (LpTestServer *server)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (server->cluster);
  lp_pg_cluster_stop (server->cluster, TRUE, &error);
  g_assert_no_error (error);
}

void
lp_test_server_start_database (LpTestServer *server)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (server->cluster);
  lp_pg_cluster_start (server->cluster, &error);
  g_assert_no_error (error);
}

static pid_t
postmaster_pid (LpTestServer *server)
{
  g_autofree char *pid_file = g_build_filename (lp_pg_cluster_get_pgdata (server->cluster),
                                                "postmaster.pid", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  pid_t pid;

  g_file_get_contents (pid_file, &contents, NULL, &error);
  g_assert_no_error (error);
  pid = (pid_t) g_ascii_strtoll (contents, NULL, 10);
  g_assert_cmpint (pid, >, 1);
  return pid;
}

/* Adds every process whose parent is the postmaster (pids[0]) and is not in pids yet. */
static void
add_children (GArray *pids)
{
  pid_t postmaster = g_array_index (pids, pid_t, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *stat_path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *stat = NULL;
      const char *after_comm;
      pid_t pid = (pid_t) g_ascii_strtoll (name, NULL, 10);
      gboolean known = FALSE;

      if (pid <= 1 || !g_file_get_contents (stat_path, &stat, NULL, NULL))
        continue;
      /* "pid (comm) state ppid …": the command may hold spaces and parentheses. */
      after_comm = strrchr (stat, ')');
      if (after_comm == NULL || strlen (after_comm) <= 4 ||
          (pid_t) g_ascii_strtoll (after_comm + 4, NULL, 10) != postmaster)
        continue;
      for (guint i = 0; i < pids->len && !known; i++)
        known = g_array_index (pids, pid_t, i) == pid;
      if (!known)
        g_array_append_val (pids, pid);
    }
}

/* The watchdog: thaws the cluster when the pipe closes (the test ended or died) or
 * max_seconds pass. Only async-signal-safe calls after fork(). */
static void
start_watchdog (LpTestServer *server,
                guint         max_seconds)
{
  int fds[2];
  pid_t child;

  g_assert_cmpint (pipe (fds), ==, 0);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      struct pollfd pfd = { .fd = fds[0], .events = POLLIN };

      close (fds[1]);
      while (poll (&pfd, 1, (int) max_seconds * 1000) < 0)
        ;
      thaw_pids (server);
      _exit (0);
    }
  close (fds[0]);
  server->watchdog = child;
  server->watchdog_fd = fds[1];
}

void
lp_test_server_freeze_database (LpTestServer *server,
                                guint         max_seconds)
{
  pid_t postmaster;

  g_assert_nonnull (server->cluster);
  g_assert_null (server->frozen_pids);
  postmaster = postmaster_pid (server);
  server->frozen_pids = g_array_new (FALSE, FALSE, sizeof (pid_t));
  g_array_append_val (server->frozen_pids, postmaster);
  /* The postmaster first, so that it forks no backend we would miss; then its
   * children, twice in case one was forked just before. */
  kill (postmaster, SIGSTOP);
  for (int pass = 0; pass < 2; pass++)
    {
      add_children (server->frozen_pids);
      for (guint i = 1; i < server->frozen_pids->len; i++)
        kill (g_array_index (server->frozen_pids, pid_t, i), SIGSTOP);
    }
  start_watchdog (server, max_seconds);
}

void
lp_test_server_thaw_database (LpTestServer *server)
{
  if (server->frozen_pids == NULL)
    return;
  thaw_pids (server);
  close (server->watchdog_fd);
  waitpid (server->watchdog, NULL, 0);
  g_clear_pointer (&server->frozen_pids, g_array_unref);
}

PGresult *
lp_test_server_sql (LpTestServer       *server,
                    const char         *sql,
                    int                 n_params,
                    const char * const *params)
{
  PGconn *conn = PQconnectdb (server->conninfo);
  PGresult *res;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexecParams (conn, sql, n_params, NULL, params, NULL, NULL, 0);
  PQfinish (conn);
  return res;
}

/* Runs a query that must succeed; returns the first value of the first row. */
char *
lp_test_server_sql_value (LpTestServer *server,
                          const char   *sql)
{
  g_autoptr(PGresult) res = lp_test_server_sql (server, sql, 0, NULL);
  ExecStatusType status = PQresultStatus (res);

  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    g_error ("SQL failed: %s\n%s", sql, PQresultErrorMessage (res));
  if (status != PGRES_TUPLES_OK || PQntuples (res) == 0 || PQgetisnull (res, 0, 0))
    return NULL;
  return g_strdup (PQgetvalue (res, 0, 0));
}

char *
lp_test_server_sql_printf (LpTestServer *server,
                           const char   *format,
                           ...)
{
  g_autofree char *query = NULL;
  va_list args;

  va_start (args, format);
  query = g_strdup_vprintf (format, args);
  va_end (args);
  return lp_test_server_sql_value (server, query);
}

PGresult *
lp_test_server_sql_valist (LpTestServer *server,
                           const char   *sql,
                           va_list       args)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  const char *param;
  PGresult *res;

  while ((param = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (params, (gpointer) param);
  res = lp_test_server_sql (server, sql, (int) params->len, (const char * const *) params->pdata);
  if (PQresultStatus (res) != PGRES_TUPLES_OK && PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("SQL failed: %s\n%s", sql, PQresultErrorMessage (res));
  return res;
}

char *
lp_test_server_sql_first_valist (LpTestServer *server,
                                 const char   *sql,
                                 va_list       args)
{
  g_autoptr(PGresult) res = lp_test_server_sql_valist (server, sql, args);

  if (PQresultStatus (res) != PGRES_TUPLES_OK || PQntuples (res) == 0 || PQgetisnull (res, 0, 0))
    return NULL;
  return g_strdup (PQgetvalue (res, 0, 0));
}

LpTestResponse *
lp_test_request_bytes (LpTestServer *server,
                       const char   *method,
                       const char   *path,
                       const char   *token,
                       const char   *content_type,
                       GBytes       *body)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u%s", server->port, path);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  LpTestResponse *response = g_new0 (LpTestResponse, 1);
  SoupMessageHeaders *headers;
  const char *type;

  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *auth = g_strdup_printf ("Bearer %s", token);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);
  response->body = soup_session_send_and_read (server->session, msg, NULL, &error);
  g_assert_no_error (error);
  response->status = soup_message_get_status (msg);
  headers = soup_message_get_response_headers (msg);
  response->headers = soup_message_headers_ref (headers);
  type = soup_message_headers_get_content_type (headers, NULL);
  response->content_type = g_strdup (type);
  if (type != NULL && g_str_equal (type, "application/json"))
    {
      /* The bytes are not NUL-terminated: json_from_string() alone reads past them. */
      g_autofree char *text = g_strndup (g_bytes_get_data (response->body, NULL),
                                         g_bytes_get_size (response->body));

      response->json = json_from_string (text, &error);
      g_assert_no_error (error);
    }
  return response;
}

LpTestResponse *
lp_test_request (LpTestServer *server,
                 const char   *method,
                 const char   *path,
                 const char   *token,
                 const char   *json_body)
{
  g_autoptr(GBytes) body = json_body != NULL ? g_bytes_new (json_body, strlen (json_body)) : NULL;

  return lp_test_request_bytes (server, method, path, token, "application/json", body);
}

void
lp_test_response_free (LpTestResponse *response)
{
  if (response == NULL)
    return;
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->json, json_node_unref);
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_free (response->content_type);
  g_free (response);
}

JsonObject *
lp_test_response_object (LpTestResponse *response)
{
  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->json));
  return json_node_get_object (response->json);
}

/* The machine code of an API error reply, after checking the reply has the error shape. */
const char *
lp_test_response_error_code (LpTestResponse *response)
{
  JsonObject *error;

  error = json_object_get_object_member (lp_test_response_object (response), "error");
  g_assert_nonnull (error);
  g_assert_nonnull (json_object_get_string_member_with_default (error, "message", NULL));
  return json_object_get_string_member (error, "code");
}

char *
lp_test_server_create_user (LpTestServer *server,
                            const char   *username,
                            const char   *password,
                            const char   *role)
{
  g_autofree char *hash = lp_password_hash (password, NULL);
  const char *params[] = { username, hash, role };
  g_autoptr(PGresult) res = NULL;

  res = lp_test_server_sql (server,
                            "INSERT INTO users (username, password_hash, role, full_name, active)"
                            " VALUES ($1, $2, $3, initcap($1), true) RETURNING id",
                            3, params);
  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("creating %s: %s", username, PQresultErrorMessage (res));
  return g_strdup (PQgetvalue (res, 0, 0));
}

char *
lp_test_server_login (LpTestServer *server,
                      const char   *username,
                      const char   *password)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *body = NULL;
  g_autoptr(LpTestResponse) resp = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  body = json_to_string (node, FALSE);
  resp = lp_test_request (server, "POST", "/api/v1/auth/login", NULL, body);
  lp_assert_status (resp, 200);
  return g_strdup (json_object_get_string_member (lp_test_response_object (resp), "token"));
}
