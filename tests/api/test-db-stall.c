/* test-db-stall.c: a database that freezes (SIGSTOP on the postmaster and its backends,
 * as a network partition leaves it) and thaws. Requests must fail fast with 503, the
 * server must keep its main loop free, and once the database answers again every
 * worker must serve within 2 s, with no restart and no connection left behind.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-test-server.h"

#define TIMEOUT_MS      1000
#define WORKERS         4
#define LOAD_THREADS    (2 * WORKERS)
#define STALL_MS        4000
#define WATCHDOG_S      30
#define RECOVERY_MS     2000
#define PASSWORD        "stall-test-password"

static LpTestServer *server;
static char *member_token;
static char *item_path;   /* a guest's read: down the main loop's own connection */

/* One HTTP exchange as a client saw it. */
typedef struct
{
  gint64  started_us;
  gint64  ended_us;
  guint   status;     /* 0: no answer (transport error) */
  char   *code;       /* error.code of a JSON error reply */
} Sample;

static void
sample_clear (gpointer data)
{
  g_free (((Sample *) data)->code);
}

static char *
error_code (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *error;

  if (body == NULL || !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                                   (gssize) g_bytes_get_size (body), NULL))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  error = json_object_get_member (json_node_get_object (json_parser_get_root (parser)), "error");
  if (error == NULL || !JSON_NODE_HOLDS_OBJECT (error))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (error),
                                                               "code", NULL));
}

/* Thread-safe: the session is the calling thread's own. */
static void
request (SoupSession *session,
         const char  *path,
         const char  *token,
         Sample      *sample)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u%s",
                                          lp_test_server_get_port (server), path);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  /* "POST /path" sends an empty JSON object. */
  if (g_str_has_prefix (path, "POST "))
    {
      g_autoptr(GBytes) empty = g_bytes_new_static ("{}", 2);

      g_free (url);
      url = g_strdup_printf ("http://127.0.0.1:%u%s", lp_test_server_get_port (server), path + 5);
      msg = soup_message_new ("POST", url);
      soup_message_set_request_body_from_bytes (msg, "application/json", empty);
    }
  else
    msg = soup_message_new ("GET", url);
  if (token != NULL)
    {
      g_autofree char *auth = g_strdup_printf ("Bearer %s", token);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    auth);
    }
  sample->started_us = g_get_monotonic_time ();
  body = soup_session_send_and_read (session, msg, NULL, &error);
  sample->ended_us = g_get_monotonic_time ();
  sample->status = error == NULL ? soup_message_get_status (msg) : 0;
  sample->code = error == NULL ? error_code (body) : g_strdup (error->message);
}

static SoupSession *
new_session (void)
{
  return soup_session_new_with_options ("timeout", 15, NULL);
}

/* What the load and the rounds ask, in turn: a query without a session, a session
 * lookup, a member's list and a guest's item (the main loop's connection, lp-db-pipe.h).
 * None is served from the reply cache. */
static const char *
nth_path (guint        n,
          const char **token)
{
  const char *paths[] = { "/healthz", "/api/v1/me", "/api/v1/loans", item_path };

  *token = n % 4 == 0 || n % 4 == 3 ? NULL : member_token;
  return paths[n % 4];
}

/* ------------------------------------------------------------------------------------
 * Load: clients that keep asking while the database freezes and thaws
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  GMutex  lock;
  GArray *samples;   /* Sample */
  int     stop;      /* atomic */
} Load;

static gpointer
load_thread (gpointer data)
{
  Load *load = data;
  g_autoptr(SoupSession) session = new_session ();

  for (guint n = g_random_int (); !g_atomic_int_get (&load->stop); n++)
    {
      Sample sample = { 0 };
      const char *token = member_token;
      /* Every fourth one a write: BEGIN, a refusal (422 when the database answers),
       * ROLLBACK — a transaction cut off midway. */
      const char *path = n % 4 == 0 ? "POST /api/v1/loans" : nth_path (n, &token);

      request (session, path, token, &sample);
      g_mutex_lock (&load->lock);
      g_array_append_val (load->samples, sample);
      g_mutex_unlock (&load->lock);
    }
  return NULL;
}

/* ------------------------------------------------------------------------------------
 * Rounds: as many requests at once as the server has workers
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  guint  n;
  Sample sample;
} RoundRequest;

static gpointer
round_thread (gpointer data)
{
  RoundRequest *rr = data;
  g_autoptr(SoupSession) session = new_session ();
  const char *token;
  const char *path = nth_path (rr->n, &token);

  request (session, path, token, &rr->sample);
  return NULL;
}

/* TRUE when every request of the round answered 200. */
static gboolean
run_round (guint  round,
           guint *first_failure)
{
  RoundRequest requests[WORKERS] = { 0 };
  GThread *threads[WORKERS];
  gboolean all_ok = TRUE;

  for (guint i = 0; i < WORKERS; i++)
    {
      requests[i].n = round * WORKERS + i;
      threads[i] = g_thread_new ("round", round_thread, &requests[i]);
    }
  for (guint i = 0; i < WORKERS; i++)
    {
      g_thread_join (threads[i]);
      if (requests[i].sample.status != 200 && all_ok && first_failure != NULL)
        *first_failure = requests[i].sample.status;
      all_ok = all_ok && requests[i].sample.status == 200;
      sample_clear (&requests[i].sample);
    }
  return all_ok;
}

/* ------------------------------------------------------------------------------------
 * Events: a WebSocket client that must hear of the listener's return
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  SoupWebsocketConnection *ws;
  gboolean                 done;
  guint                    resyncs;
  guint                    item_events;
} EventClient;

static void
on_message (SoupWebsocketConnection *ws,
            SoupWebsocketDataType    type,
            GBytes                  *message,
            EventClient             *client)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (message, &size);

  if (size == strlen ("{\"type\":\"resync\"}") && memcmp (data, "{\"type\":\"resync\"}", size) == 0)
    client->resyncs++;
  else if (g_strstr_len (data, (gssize) size, "\"item.changed\"") != NULL)
    client->item_events++;
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  EventClient *client = data;

  client->ws = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, NULL);
  client->done = TRUE;
  if (client->ws != NULL)
    g_signal_connect (client->ws, "message", G_CALLBACK (on_message), client);
}

static gboolean
keep_going (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the default main context for a while, or until *flag becomes TRUE or *counter
 * passes above. */
static void
spin (const gboolean *flag,
      const guint    *counter,
      guint           above,
      double          seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  g_autoptr(GSource) tick = g_timeout_source_new (5);

  g_source_set_callback (tick, keep_going, NULL, NULL);
  g_source_attach (tick, NULL);
  while (g_get_monotonic_time () < deadline && (flag == NULL || !*flag) &&
         (counter == NULL || *counter <= above))
    g_main_context_iteration (NULL, TRUE);
  g_source_destroy (tick);
}

/* ------------------------------------------------------------------------------------
 * The test
 * ------------------------------------------------------------------------------------ */

static guint
count_connections (const char *application_name)
{
  g_autofree char *count = lp_test_server_sql_printf (server,
                                                      "SELECT count(*) FROM pg_stat_activity"
                                                      " WHERE application_name = '%s'",
                                                      application_name);

  return (guint) g_ascii_strtoull (count, NULL, 10);
}

static guint
count_server_connections (void)
{
  g_autofree char *count = lp_test_server_sql_value (server,
                                                     "SELECT count(*) FROM pg_stat_activity "
                                                     "WHERE application_name = 'lentera-server'");

  return (guint) g_ascii_strtoull (count, NULL, 10);
}

typedef struct
{
  double max_ms;            /* of every request, whatever its answer */
  double max_503_ms;
  guint  n_503;
  guint  n_in_stall;        /* started and ended while frozen */
  guint  n_wrong_in_stall;  /* of those, not a JSON 503 unavailable */
  guint  first_wrong_status;
} Summary;

static Summary
summarize (GArray *samples,
           gint64  frozen_us,
           gint64  thawed_us)
{
  Summary s = { 0 };

  for (guint i = 0; i < samples->len; i++)
    {
      Sample *sample = &g_array_index (samples, Sample, i);
      double ms = (sample->ended_us - sample->started_us) / 1000.0;

      s.max_ms = MAX (s.max_ms, ms);
      if (sample->status == 503)
        {
          s.n_503++;
          s.max_503_ms = MAX (s.max_503_ms, ms);
        }
      if (sample->started_us < frozen_us || sample->ended_us > thawed_us)
        continue;
      s.n_in_stall++;
      if (sample->status != 503 || g_strcmp0 (sample->code, "unavailable") != 0)
        {
          if (s.n_wrong_in_stall++ == 0)
            s.first_wrong_status = sample->status;
        }
    }
  return s;
}

static void
events_open (EventClient *events,
             SoupSession *session)
{
  g_autofree char *url = g_strdup_printf ("ws://127.0.0.1:%u/api/v1/events",
                                          lp_test_server_get_port (server));
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

  soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        on_connected, events);
  spin (&events->done, NULL, 0, 10);
  g_assert_nonnull (events->ws);
  spin (NULL, NULL, 0, 0.2);
}

static void
events_close (EventClient *events)
{
  soup_websocket_connection_close (events->ws, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  spin (NULL, NULL, 0, 0.2);
  g_signal_handlers_disconnect_by_data (events->ws, events);
  g_object_unref (events->ws);
}

/* The events listener noticed the stall (its heartbeat), reconnected, told the client to
 * reload, and delivers again. */
static void
assert_events_back (EventClient *events,
                    guint        resyncs_before)
{
  spin (NULL, &events->resyncs, resyncs_before, 10);
  g_assert_cmpuint (events->resyncs, >, resyncs_before);
  g_free (lp_test_server_sql_value (server,
                                    "INSERT INTO items (code, name, category_id, stock_total,"
                                    " stock_available) SELECT 'STALL-1', 'Stall item', id, 1, 1"
                                    " FROM categories ORDER BY id LIMIT 1 RETURNING id"));
  spin (NULL, &events->item_events, 0, 5);
  g_assert_cmpuint (events->item_events, >, 0);
}

/* No connection left behind: the abandoned backends end once they read again. */
static void
assert_connections_released (void)
{
  guint connections = 0;

  for (int i = 0; i < 50; i++)
    {
      connections = count_server_connections ();
      if (connections <= WORKERS + 1)
        break;
      g_usleep (100 * 1000);
    }
  g_test_message ("server connections after recovery: %u (workers %d + listener)",
                  connections, WORKERS);
  g_assert_cmpuint (connections, <=, WORKERS + 1);
}

/* The main loop's own connection was given up in the stall and is back, once. */
static void
assert_main_loop_connection_back (void)
{
  guint connections = 0;

  for (int i = 0; i < 50; i++)
    {
      connections = count_connections ("lentera-server main loop");
      if (connections == 1)
        break;
      g_usleep (100 * 1000);
    }
  g_assert_cmpuint (connections, ==, 1);
}

typedef struct
{
  gint64 frozen_us;
  gint64 thawed_us;
  gint64 recovered_us;   /* 0: not within 10 s */
  Sample no_db;          /* a request needing no database, during the stall */
} Timeline;

/* No assertion from the freeze to the thaw, so that a failure cannot leave the cluster
 * frozen (the harness and its watchdog thaw it too). */
static void
freeze_and_thaw (Timeline *t,
                 guint    *round)
{
  g_autoptr(SoupSession) probe = new_session ();

  lp_test_server_freeze_database (server, WATCHDOG_S);
  t->frozen_us = g_get_monotonic_time ();
  g_usleep ((TIMEOUT_MS + 500) * 1000);
  /* The main loop stays free: what needs no database is answered at once. */
  request (probe, "/api/v1/no-such-thing", NULL, &t->no_db);
  while (g_get_monotonic_time () < t->frozen_us + STALL_MS * 1000)
    spin (NULL, NULL, 0, 0.05);
  /* Measured before: requests may be answered while the thaw waits for its watchdog. */
  t->thawed_us = g_get_monotonic_time ();
  lp_test_server_thaw_database (server);

  /* Back: rounds until every request of one answers 200. */
  while (g_get_monotonic_time () < t->thawed_us + 10 * G_USEC_PER_SEC)
    if (run_round ((*round)++, NULL))
      {
        t->recovered_us = g_get_monotonic_time ();
        break;
      }
}

static void
assert_stall_handled (const Load     *load,
                      const Timeline *t)
{
  Summary s = summarize (load->samples, t->frozen_us, t->thawed_us);

  g_test_message ("stall %d ms, statement timeout %d ms: %u requests, %u during the stall, "
                  "%u answered 503; longest request %.0f ms, longest 503 %.0f ms; "
                  "request needing no database %.0f ms",
                  STALL_MS, TIMEOUT_MS, load->samples->len, s.n_in_stall, s.n_503, s.max_ms,
                  s.max_503_ms, (t->no_db.ended_us - t->no_db.started_us) / 1000.0);
  if (t->recovered_us != 0)
    g_test_message ("recovery: all %d workers answered 200 %.0f ms after the thaw",
                    WORKERS, (t->recovered_us - t->thawed_us) / 1000.0);

  g_assert_cmpuint (s.n_in_stall, >, 0);
  if (s.n_wrong_in_stall > 0)
    g_error ("%u of %u requests during the stall did not get a JSON 503 unavailable "
             "(first: HTTP %u)", s.n_wrong_in_stall, s.n_in_stall, s.first_wrong_status);
  g_assert_cmpfloat (s.max_ms, <=, TIMEOUT_MS + 1000);
  g_assert_cmpuint (t->no_db.status, ==, 404);
  g_assert_cmpint (t->no_db.ended_us - t->no_db.started_us, <, 500 * 1000);
  g_assert_cmpint (t->recovered_us, !=, 0);
  g_assert_cmpint (t->recovered_us - t->thawed_us, <=, RECOVERY_MS * 1000);
}

static void
test_freeze_and_thaw (void)
{
  g_autoptr(SoupSession) ws_session = soup_session_new ();
  EventClient events = { 0 };
  Load load = { 0 };
  GThread *threads[LOAD_THREADS];
  Timeline timeline = { 0 };
  guint round = 0, failure = 0, resyncs_before;

  /* Every worker connected, and a client on the events feed. */
  g_assert_true (run_round (round++, NULL));
  events_open (&events, ws_session);
  resyncs_before = events.resyncs;

  g_mutex_init (&load.lock);
  load.samples = g_array_new (FALSE, TRUE, sizeof (Sample));
  g_array_set_clear_func (load.samples, sample_clear);
  for (guint i = 0; i < LOAD_THREADS; i++)
    threads[i] = g_thread_new ("load", load_thread, &load);
  g_usleep (300 * 1000);
  freeze_and_thaw (&timeline, &round);
  g_atomic_int_set (&load.stop, TRUE);
  for (guint i = 0; i < LOAD_THREADS; i++)
    g_thread_join (threads[i]);
  assert_stall_handled (&load, &timeline);

  /* No stuck worker: more rounds, all served. */
  for (int i = 0; i < 5; i++)
    if (!run_round (round++, &failure))
      g_error ("a round after recovery got HTTP %u", failure);
  assert_connections_released ();
  assert_main_loop_connection_back ();
  assert_events_back (&events, resyncs_before);

  events_close (&events);
  g_array_unref (load.samples);
  g_mutex_clear (&load.lock);
  sample_clear (&timeline.no_db);
}

int
main (int   argc,
      char *argv[])
{
  const char *args[] = { "--statement-timeout=" G_STRINGIFY (TIMEOUT_MS),
                         "--workers=" G_STRINGIFY (WORKERS), NULL };
  g_autofree char *item_id = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("LENTERA_EVENTS_HEARTBEAT_SECONDS", "1", TRUE);
  server = lp_test_server_start (args);
  g_free (lp_test_server_create_user (server, "stall-member", PASSWORD, "member"));
  g_free (lp_test_server_sql_value (server, "INSERT INTO categories (name) VALUES ('Stall')"));
  member_token = lp_test_server_login (server, "stall-member", PASSWORD);
  item_id = lp_test_server_sql_value (server,
                                      "INSERT INTO items (code, name, category_id, stock_total,"
                                      " stock_available) SELECT 'STALL-0', 'Stall shelf', id, 1, 1"
                                      " FROM categories ORDER BY id LIMIT 1 RETURNING id");
  item_path = g_strdup_printf ("/api/v1/items/%s", item_id);

  g_test_add_func ("/lp/db/freeze-and-thaw", test_freeze_and_thaw);

  status = g_test_run ();
  g_free (member_token);
  g_free (item_path);
  lp_test_server_free (server);
  return status;
}
