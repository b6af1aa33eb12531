/* events-bench.c: many WebSocket clients on one lentera-server while items change.
 *
 * Starts a private PostgreSQL cluster and one server on loopback, connects --clients
 * event feeds (one in ten with a staff token, the rest guests), then updates items at
 * --rate per second for --seconds from a thread of its own. Each client timestamps the
 * item.changed events it receives; the report gives the delivery latency (from just
 * before the UPDATE to the client's callback) and the server's memory from
 * /proc/PID/status. Everything it started is stopped at the end.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-pg-cluster.h"
#include "lp-test-server.h"

#include <fcntl.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#define STAFF_EVERY      10
#define CONNECT_SECONDS  60
#define DRAIN_SECONDS    3
#define CLOSE_SECONDS    10

static int opt_clients = 1000;
static int opt_seconds = 10;
static int opt_rate = 20;

typedef struct
{
  PGconn     *conn;        /* the driver's own, main thread only */
  GPtrArray  *item_ids;
  GHashTable *item_index;  /* id → index + 1, read-only once the run starts */
  gint64     *changed_us;  /* per item: when its last UPDATE was sent */
  GMutex      lock;        /* guards changed_us */
  gint64     *first_us;    /* per item: first and last delivery, main thread only */
  gint64     *last_us;
  GArray     *latencies;   /* double ms */
  guint       expected;
  guint       connected;
  guint       failed;
  guint       finished;    /* connected + failed */
  guint       closed;
  GPtrArray  *clients;     /* SoupWebsocketConnection */
  gint        stop;        /* atomic */
  gboolean    interrupted;
  gint        changes;     /* atomic */
} Bench;

/* ------------------------------------------------------------------------------------
 * Setup
 * ------------------------------------------------------------------------------------ */

static void
raise_fd_limit (void)
{
  struct rlimit limit;
  rlim_t wanted = (rlim_t) opt_clients * 2 + 256;

  if (getrlimit (RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= wanted)
    return;
  limit.rlim_cur = MIN (wanted, limit.rlim_max);
  if (setrlimit (RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur < wanted)
    g_printerr ("warning: open files limited to %lu\n", (unsigned long) limit.rlim_cur);
}

static PGresult *
exec_or_die (PGconn             *conn,
             const char         *sql,
             int                 n_params,
             const char * const *params)
{
  PGresult *res = PQexecParams (conn, sql, n_params, NULL, params, NULL, NULL, 0);

  if (PQresultStatus (res) != PGRES_TUPLES_OK && PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (res));
  return res;
}

/* n_items items in one category; their ids fill bench->item_ids. */
static void
make_items (Bench *bench,
            int    n_items)
{
  g_autofree char *count = g_strdup_printf ("%d", n_items);
  const char *params[] = { count };
  PGresult *res;

  PQclear (exec_or_die (bench->conn, "INSERT INTO categories (name) VALUES ('Bench')", 0, NULL));
  res = exec_or_die (bench->conn,
                     "INSERT INTO items (code, name, category_id, stock_total, stock_available)"
                     " SELECT 'BENCH-' || n, 'Bench item ' || n, c.id, 3, 3"
                     " FROM generate_series(1, $1::int) AS n, categories c WHERE c.name = 'Bench'"
                     " RETURNING id",
                     1, params);
  for (int i = 0; i < PQntuples (res); i++)
    {
      g_ptr_array_add (bench->item_ids, g_strdup (PQgetvalue (res, i, 0)));
      g_hash_table_insert (bench->item_index, g_ptr_array_index (bench->item_ids, i),
                           GINT_TO_POINTER (i + 1));
    }
  PQclear (res);
  bench->changed_us = g_new0 (gint64, bench->item_ids->len);
  bench->first_us = g_new0 (gint64, bench->item_ids->len);
  bench->last_us = g_new0 (gint64, bench->item_ids->len);
}

/* A staff user with a session made in the database: the server only ever sees the
 * token's hash there. */
static char *
make_staff_token (Bench *bench)
{
  g_autofree char *token = g_strdup_printf ("bench-%08x%08x", g_random_int (), g_random_int ());
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
  const char *params[] = { hash };

  PQclear (exec_or_die (bench->conn,
                        "WITH u AS (INSERT INTO users (username, password_hash, role, full_name,"
                        " active) VALUES ('bench-staff', '!', 'staff', 'Bench', true) RETURNING id)"
                        " INSERT INTO sessions (token_hash, user_id, expires_at)"
                        " SELECT decode($1, 'hex'), u.id, now() + interval '1 day' FROM u",
                        1, params));
  return g_steal_pointer (&token);
}

/* ------------------------------------------------------------------------------------
 * Server memory
 * ------------------------------------------------------------------------------------ */

/* A "Vm…:  1234 kB" line of /proc/PID/status, in KiB (-1 when unknown). */
static gint64
proc_status_kib (const char *pid,
                 const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", pid);
  g_autofree char *text = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *line;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (line = strstr (text, key)) == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (key), NULL, 10);
}

static double
proc_cpu_seconds (const char *pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", pid);
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (after = strrchr (text, ')')) == NULL)
    return 0;
  fields = g_strsplit (after + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    return 0;
  /* utime and stime are fields 14 and 15 of stat, 12 and 13 after the name. */
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) /
         (double) sysconf (_SC_CLK_TCK);
}

/* ------------------------------------------------------------------------------------
 * Clients
 * ------------------------------------------------------------------------------------ */

static void
on_message (SoupWebsocketConnection *ws,
            SoupWebsocketDataType    type,
            GBytes                  *message,
            Bench                   *bench)
{
  gint64 now = g_get_monotonic_time ();
  g_autofree char *text = g_strndup (g_bytes_get_data (message, NULL), g_bytes_get_size (message));
  const char *id = strstr (text, "\"id\":\"");
  gsize index;
  double ms;

  if (id == NULL || !g_str_has_prefix (text, "{\"type\":\"item.changed\""))
    return;
  id += 6;
  text[strlen (text) - 2] = '\0';   /* cut the closing "} */
  index = GPOINTER_TO_SIZE (g_hash_table_lookup (bench->item_index, id));
  if (index == 0)
    return;
  g_mutex_lock (&bench->lock);
  ms = (now - bench->changed_us[index - 1]) / 1000.0;
  g_mutex_unlock (&bench->lock);
  g_array_append_val (bench->latencies, ms);
  if (bench->first_us[index - 1] == 0)
    bench->first_us[index - 1] = now;
  bench->last_us[index - 1] = now;
}

static void
on_closed (SoupWebsocketConnection *ws,
           Bench                   *bench)
{
  bench->closed++;
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *ws;

  ws = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  bench->finished++;
  if (ws == NULL)
    {
      if (bench->failed++ == 0)
        g_printerr ("a client could not connect: %s\n", error->message);
      return;
    }
  bench->connected++;
  soup_websocket_connection_set_max_incoming_payload_size (ws, 4096);
  g_signal_connect (ws, "message", G_CALLBACK (on_message), bench);
  g_signal_connect (ws, "closed", G_CALLBACK (on_closed), bench);
  g_ptr_array_add (bench->clients, ws);
}

static void
connect_client (Bench       *bench,
                SoupSession *session,
                guint        port,
                const char  *token)
{
  g_autofree char *url = g_strdup_printf ("ws://127.0.0.1:%u/api/v1/events", port);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        on_connected, bench);
}

static gboolean
keep_going (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main context until *counter reaches target, the time is up or the run
 * was interrupted. */
static gboolean
spin_until_count (Bench  *bench,
                  guint  *counter,
                  guint   target,
                  double  seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  g_autoptr(GSource) tick = g_timeout_source_new (10);

  g_source_set_callback (tick, keep_going, NULL, NULL);
  g_source_attach (tick, NULL);
  while (*counter < target && !bench->interrupted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_destroy (tick);
  return *counter >= target;
}

static void
wait_seconds (Bench  *bench,
              double  seconds)
{
  guint never = 0;

  spin_until_count (bench, &never, 1, seconds);
}

/* Connects in waves of 100 so that the handshakes do not all queue at once. */
static gboolean
connect_all (Bench       *bench,
             SoupSession *session,
             guint        port,
             const char  *token)
{
  guint launched = 0;

  while (launched < (guint) opt_clients && !bench->interrupted)
    {
      guint wave = MIN (100, (guint) opt_clients - launched);

      for (guint i = 0; i < wave; i++, launched++)
        connect_client (bench, session, port, launched % STAFF_EVERY == 0 ? token : NULL);
      spin_until_count (bench, &bench->finished, launched, CONNECT_SECONDS);
    }
  return bench->connected == (guint) opt_clients;
}

static void
close_all (Bench *bench)
{
  for (guint i = 0; i < bench->clients->len; i++)
    {
      SoupWebsocketConnection *ws = g_ptr_array_index (bench->clients, i);
      if (soup_websocket_connection_get_state (ws) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (ws, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
    }
  spin_until_count (bench, &bench->closed, bench->clients->len, CLOSE_SECONDS);
  for (guint i = 0; i < bench->clients->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (bench->clients, i), bench);
  g_ptr_array_set_size (bench->clients, 0);
  wait_seconds (bench, 0.2);
}

/* ------------------------------------------------------------------------------------
 * Changes
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  Bench      *bench;
  const char *conninfo;
} Changer;

/* Updates one item per tick, each item at most once per run when there are enough of
 * them, so that every event names one UPDATE. */
static gpointer
change_items (gpointer data)
{
  Changer *changer = data;
  Bench *bench = changer->bench;
  PGconn *conn = PQconnectdb (changer->conninfo);
  gint64 period = G_USEC_PER_SEC / opt_rate;
  gint64 next = g_get_monotonic_time ();
  guint total = (guint) (opt_seconds * opt_rate);

  /* The UPDATE is sent after the time is taken, so an event never precedes its time. */

  g_assert (PQstatus (conn) == CONNECTION_OK);
  for (guint i = 0; i < total && !g_atomic_int_get (&bench->stop); i++)
    {
      guint index = i % bench->item_ids->len;
      const char *params[] = { g_ptr_array_index (bench->item_ids, index) };

      g_mutex_lock (&bench->lock);
      bench->changed_us[index] = g_get_monotonic_time ();
      g_mutex_unlock (&bench->lock);
      PQclear (exec_or_die (conn, "UPDATE items SET location = 'Shelf ' || floor(random() * 99)"
                                  " WHERE id = $1", 1, params));
      g_atomic_int_inc (&bench->changes);
      next += period;
      if (next > g_get_monotonic_time ())
        g_usleep ((gulong) (next - g_get_monotonic_time ()));
    }
  PQfinish (conn);
  return NULL;
}

/* ------------------------------------------------------------------------------------
 * Report
 * ------------------------------------------------------------------------------------ */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i;

  if (sorted->len == 0)
    return 0;
  i = (guint) (p * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, double, i);
}

/* Per change: the first client's latency, and how long the fan-out to all clients
 * took as seen by this (single-threaded) driver. */
static void
report_fan_out (Bench *bench)
{
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) spread = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < bench->item_ids->len; i++)
    {
      double f, s;

      if (bench->first_us[i] == 0)
        continue;
      f = (bench->first_us[i] - bench->changed_us[i]) / 1000.0;
      s = (bench->last_us[i] - bench->first_us[i]) / 1000.0;
      g_array_append_val (first, f);
      g_array_append_val (spread, s);
    }
  g_array_sort (first, compare_doubles);
  g_array_sort (spread, compare_doubles);
  g_print ("first client:       median %.2f ms, p99 %.2f ms\n", percentile (first, 0.5),
           percentile (first, 0.99));
  g_print ("first to last:      median %.2f ms, p99 %.2f ms\n", percentile (spread, 0.5),
           percentile (spread, 0.99));
}

static void
report_latency (Bench *bench)
{
  guint changes = (guint) g_atomic_int_get (&bench->changes);
  guint expected = changes * bench->connected;

  g_array_sort (bench->latencies, compare_doubles);
  g_print ("changes:            %u (%d/s for %d s)\n", changes, opt_rate, opt_seconds);
  g_print ("deliveries:         %u of %u expected (%.2f%%)\n", bench->latencies->len, expected,
           expected > 0 ? 100.0 * bench->latencies->len / expected : 0);
  g_print ("latency median:     %.2f ms\n", percentile (bench->latencies, 0.5));
  g_print ("latency p99:        %.2f ms\n", percentile (bench->latencies, 0.99));
  g_print ("latency max:        %.2f ms\n", percentile (bench->latencies, 1.0));
  report_fan_out (bench);
}

static void
report_memory (const char *label,
               const char *pid)
{
  g_print ("server %-11s VmRSS %6" G_GINT64_FORMAT " KiB, VmHWM %6" G_GINT64_FORMAT " KiB\n",
           label, proc_status_kib (pid, "VmRSS"), proc_status_kib (pid, "VmHWM"));
}

/* ------------------------------------------------------------------------------------
 * The run
 * ------------------------------------------------------------------------------------ */

static gboolean
on_signal (gpointer data)
{
  Bench *bench = data;

  bench->interrupted = TRUE;
  g_atomic_int_set (&bench->stop, TRUE);
  return G_SOURCE_CONTINUE;
}

static void
measure (Bench      *bench,
         const char *conninfo,
         guint       port,
         const char *pid,
         const char *token)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options (
    "max-conns", opt_clients + 16, "max-conns-per-host", opt_clients + 16, "timeout", 30, NULL);
  Changer changer = { bench, conninfo };
  gint64 started = g_get_monotonic_time ();
  GThread *thread;
  double cpu;

  report_memory ("idle:", pid);
  if (!connect_all (bench, session, port, token))
    g_printerr ("only %u of %d clients connected (%u failed)\n", bench->connected, opt_clients,
                bench->failed);
  g_print ("clients connected:  %u in %.2f s (one in %d with a staff token)\n",
           bench->connected, (g_get_monotonic_time () - started) / 1e6, STAFF_EVERY);
  report_memory ("connected:", pid);

  cpu = proc_cpu_seconds (pid);
  thread = g_thread_new ("changer", change_items, &changer);
  wait_seconds (bench, opt_seconds);
  g_atomic_int_set (&bench->stop, TRUE);
  g_thread_join (thread);
  wait_seconds (bench, DRAIN_SECONDS);
  g_print ("server CPU:         %.0f%% of one core while changing\n",
           100 * (proc_cpu_seconds (pid) - cpu) / (opt_seconds + DRAIN_SECONDS));
  report_memory ("after run:", pid);
  report_latency (bench);
  close_all (bench);
}

/* The server's request log (a line per handshake) goes to a file, not the report. */
static GSubprocess *
spawn_server (const char  *conninfo,
              const char  *log_path,
              guint       *port,
              GError     **error)
{
  const char *args[] = { "--address=127.0.0.1", "--port=0", "--database-url", conninfo, NULL };
  int log_fd = open (log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  int saved = dup (STDERR_FILENO);
  GSubprocess *server;

  if (log_fd >= 0)
    dup2 (log_fd, STDERR_FILENO);
  server = lp_test_spawn_server (args, port, error);
  if (log_fd >= 0)
    {
      dup2 (saved, STDERR_FILENO);
      close (log_fd);
    }
  close (saved);
  return server;
}

static gboolean
start_all (LpPgCluster  *cluster,
           const char   *log_path,
           GSubprocess **server,
           guint        *port)
{
  g_autoptr(GError) error = NULL;

  if (!lp_pg_cluster_start (cluster, &error))
    {
      g_printerr ("cannot start PostgreSQL: %s\n", error->message);
      return FALSE;
    }
  *server = spawn_server (lp_pg_cluster_get_conninfo (cluster), log_path, port, &error);
  if (*server == NULL)
    g_printerr ("cannot start lentera-server (see %s): %s\n", log_path, error->message);
  return *server != NULL;
}

static void
stop_all (LpPgCluster *cluster,
          GSubprocess *server)
{
  if (server != NULL)
    {
      g_subprocess_send_signal (server, SIGTERM);
      if (g_subprocess_wait (server, NULL, NULL) &&
          !(g_subprocess_get_if_exited (server) && g_subprocess_get_exit_status (server) == 0))
        g_printerr ("lentera-server did not exit cleanly\n");
    }
  lp_pg_cluster_stop (cluster, FALSE, NULL);
}

static void
run (Bench *bench)
{
  g_autofree char *dir = lp_test_make_tmp_dir ();
  g_autoptr(LpPgCluster) cluster = lp_pg_cluster_new (dir, TRUE);
  g_autoptr(GSubprocess) server = NULL;
  g_autofree char *token = NULL;
  g_autofree char *log_path = g_build_filename (g_get_tmp_dir (), "lentera-events-bench.log", NULL);
  guint port = 0;

  if (start_all (cluster, log_path, &server, &port))
    {
      bench->conn = PQconnectdb (lp_pg_cluster_get_conninfo (cluster));
      make_items (bench, MAX (opt_seconds * opt_rate, 1));
      token = make_staff_token (bench);
      g_print ("lentera-server pid %s on 127.0.0.1:%u\n",
               g_subprocess_get_identifier (server), port);
      measure (bench, lp_pg_cluster_get_conninfo (cluster), port,
               g_subprocess_get_identifier (server), token);
      PQfinish (bench->conn);
    }
  stop_all (cluster, server);
  lp_test_remove_tree (dir);
  g_print ("server log:         %s\n", log_path);
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "clients", 'c', 0, G_OPTION_ARG_INT, &opt_clients, "WebSocket clients (1000)", "N" },
    { "seconds", 's', 0, G_OPTION_ARG_INT, &opt_seconds, "Seconds of changes (10)", "S" },
    { "rate", 'r', 0, G_OPTION_ARG_INT, &opt_rate, "Item changes per second (20)", "R" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— event feed benchmark");
  g_autoptr(GError) error = NULL;
  Bench bench = { 0 };
  guint sigint, sigterm;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || opt_clients < 1 ||
      opt_seconds < 1 || opt_seconds > 600 || opt_rate < 1 || opt_rate > 1000)
    {
      g_printerr ("events-bench: %s\n", error != NULL ? error->message : "bad arguments");
      return 2;
    }
  raise_fd_limit ();
  bench.item_ids = g_ptr_array_new_with_free_func (g_free);
  bench.item_index = g_hash_table_new (g_str_hash, g_str_equal);
  bench.latencies = g_array_new (FALSE, FALSE, sizeof (double));
  bench.clients = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&bench.lock);
  sigint = g_unix_signal_add (SIGINT, on_signal, &bench);
  sigterm = g_unix_signal_add (SIGTERM, on_signal, &bench);

  run (&bench);

  g_source_remove (sigint);
  g_source_remove (sigterm);
  g_mutex_clear (&bench.lock);
  g_ptr_array_unref (bench.clients);
  g_array_unref (bench.latencies);
  g_hash_table_unref (bench.item_index);
  g_ptr_array_unref (bench.item_ids);
  g_free (bench.changed_us);
  g_free (bench.first_us);
  g_free (bench.last_us);
  return bench.interrupted ? 130 : 0;
}
