/* test-catalog-cache.c: the reply cache of the catalog (server/http/lp-reply-cache.h) over
 * real HTTP — a kept reply is served again, and never once the catalog has changed,
 * whoever changed it: this instance, another instance, or SQL; a crowd asking the same
 * question costs one query; without its listener the cache is off.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-test-server.h"

#define PASSWORD   "Sandi#2026a"
#define N_CROWD    12

static LpTestServer *server;
static char *admin_token;
static char *member_token;
static char *category_id;
static guint counter;

/* ---------------------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------------------- */

static char *
sql (const char *statement,
     ...)
{
  va_list args;
  char *value;

  va_start (args, statement);
  value = lp_test_server_sql_first_valist (server, statement, args);
  va_end (args);
  return value;
}

/* The server's event stream, heard as a guest. The cache hears of a commit before that
 * commit's item.changed events go out (lp-events.c), and the database delivers
 * notifications in commit order: once an item's event has arrived, the cache has
 * forgotten what that commit, and every commit before it, made stale. */
static SoupSession *events_session;
static SoupWebsocketConnection *events;
static GHashTable *items_heard;   /* ids that had an item.changed event */

static void
on_event (SoupWebsocketConnection *ws,
          SoupWebsocketDataType    type,
          GBytes                  *message,
          gpointer                 data)
{
  gsize size = 0;
  const char *text = g_bytes_get_data (message, &size);
  g_autofree char *copy = g_strndup (text, size);
  g_autoptr(JsonNode) node = json_from_string (copy, NULL);
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ?
                       json_node_get_object (node) : NULL;
  const char *id = object != NULL ?
                   json_object_get_string_member_with_default (object, "id", NULL) : NULL;

  if (id != NULL)
    g_hash_table_add (items_heard, g_strdup (id));
}

static void
on_events_connected (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  g_autoptr(GError) error = NULL;

  events = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
  g_signal_connect (events, "message", G_CALLBACK (on_event), NULL);
}

static void
open_events (void)
{
  g_autofree char *url = g_strdup_printf ("ws://127.0.0.1:%u/api/v1/events",
                                          lp_test_server_get_port (server));
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  items_heard = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  events_session = soup_session_new ();
  soup_session_websocket_connect_async (events_session, msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                        NULL, on_events_connected, NULL);
  while (events == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (events);
}

/* Waits until the item.changed event of a commit on id has arrived. */
static void
wait_for_event (const char *id)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!g_hash_table_contains (items_heard, id))
    {
      if (g_get_monotonic_time () > end)
        g_error ("no item.changed event for %s", id);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* A new item whose name holds word; returns its id once the cache has heard of it. */
static char *
make_item (const char *word)
{
  g_autofree char *code = g_strdup_printf ("CACHE-%04u", ++counter);
  g_autofree char *name = g_strdup_printf ("Globe %s %u", word, counter);
  char *id = sql ("INSERT INTO items (code, name, category_id, location, stock_total,"
                  " stock_available) VALUES ($1, $2, $3::uuid, 'Rak A1', 3, 3) RETURNING id",
                  code, name, category_id, NULL);

  wait_for_event (id);
  return id;
}

static const char *
cache_header (LpTestResponse *response)
{
  return soup_message_headers_get_one (response->headers, "X-Cache");
}

static char *
body_text (LpTestResponse *response)
{
  return g_strndup (g_bytes_get_data (response->body, NULL), g_bytes_get_size (response->body));
}

static gboolean
body_contains (LpTestResponse *response,
               const char     *text)
{
  g_autofree char *body = body_text (response);

  return strstr (body, text) != NULL;
}

static LpTestResponse *
get (LpTestServer *on,
     const char   *path,
     const char   *token)
{
  return lp_test_request (on, "GET", path, token, NULL);
}

/* Asks until the reply holds text, for at most seconds; TRUE if it did. */
static gboolean
get_until_contains (LpTestServer *on,
                    const char   *path,
                    const char   *text,
                    double        seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  do
    {
      g_autoptr(LpTestResponse) response = get (on, path, NULL);

      if (response->status == 200 && body_contains (response, text))
        return TRUE;
      g_usleep (20 * 1000);
    }
  while (g_get_monotonic_time () < end);
  return FALSE;
}

/* Asks twice, so that the reply is kept; the second answer must be the kept one. */
static void
keep (LpTestServer *on,
      const char   *path)
{
  g_autoptr(LpTestResponse) first = get (on, path, NULL);
  g_autoptr(LpTestResponse) second = get (on, path, NULL);

  lp_assert_status (first, 200);
  g_assert_cmpstr (cache_header (second), ==, "hit");
}

/* The cache is on once the instance listens: then a reply asked twice is kept. */
static void
wait_until_caching (LpTestServer *on)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/categories/%s", category_id);

  for (int i = 0; i < 500; i++)
    {
      g_autoptr(LpTestResponse) first = get (on, path, NULL);
      g_autoptr(LpTestResponse) second = get (on, path, NULL);

      if (g_strcmp0 (cache_header (second), "hit") == 0)
        return;
      g_usleep (20 * 1000);
    }
  g_error ("the instance on port %u never kept a reply", lp_test_server_get_port (on));
}

/* Server backends waiting for a lock: the queries the held lock below stopped. */
static int
queries_waiting (void)
{
  g_autofree char *count =
    lp_test_server_sql_value (server, "SELECT count(*) FROM pg_stat_activity"
                                      " WHERE application_name = 'lentera-server'"
                                      " AND wait_event_type = 'Lock'");

  return atoi (count);
}

static void
wait_for_queries_waiting (int n)
{
  for (int i = 0; i < 250 && queries_waiting () < n; i++)
    g_usleep (20 * 1000);
  g_assert_cmpint (queries_waiting (), ==, n);
}

/* A connection of the test's own that holds the items table, so that the server's
 * queries wait while requests pile up. */
static PGconn *
lock_items (void)
{
  PGconn *conn = PQconnectdb (lp_test_server_get_conninfo (server));
  PGresult *res;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexec (conn, "BEGIN; LOCK TABLE items IN ACCESS EXCLUSIVE MODE");
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_COMMAND_OK);
  PQclear (res);
  return conn;
}

static void
unlock_items (PGconn *conn)
{
  PGresult *res = PQexec (conn, "COMMIT");

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_COMMAND_OK);
  PQclear (res);
  PQfinish (conn);
}

/* A guest's GET on a thread of its own, with a session of its own. */
typedef struct
{
  char   *path;
  guint   status;
  char   *cache;
  char   *body;
} Ask;

static gpointer
ask_thread (gpointer data)
{
  Ask *ask = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  g_main_context_push_thread_default (context);
  session = soup_session_new ();
  url = g_strdup_printf ("http://127.0.0.1:%u%s", lp_test_server_get_port (server), ask->path);
  msg = soup_message_new ("GET", url);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  ask->status = soup_message_get_status (msg);
  ask->cache = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                       "X-Cache"));
  ask->body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_clear_object (&session);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static GThread *
ask_start (Ask        *ask,
           const char *path)
{
  ask->path = g_strdup (path);
  return g_thread_new ("ask", ask_thread, ask);
}

static void
ask_clear (Ask *ask)
{
  g_free (ask->path);
  g_free (ask->cache);
  g_free (ask->body);
}

/* ---------------------------------------------------------------------------------------
 * Tests
 * ------------------------------------------------------------------------------------- */

/* The same question twice: the second answer is the kept one, for guests and logged-in
 * users alike; a bad token is still refused, kept reply or not. */
static void
test_kept_reply (void)
{
  g_autofree char *item = make_item ("kept");
  g_autofree char *path = g_strdup_printf ("/api/v1/items?q=Globe%%20kept%%20%u", counter);
  g_autoptr(LpTestResponse) first = get (server, path, NULL);
  g_autoptr(LpTestResponse) second = get (server, path, NULL);
  g_autoptr(LpTestResponse) member = get (server, path, member_token);
  g_autoptr(LpTestResponse) stranger = get (server, path, "not-a-token");
  g_autofree char *first_body = body_text (first);
  g_autofree char *second_body = body_text (second);
  g_autofree char *member_body = body_text (member);

  lp_assert_status (first, 200);
  g_assert_true (body_contains (first, item));
  g_assert_cmpstr (cache_header (first), ==, "miss");
  lp_assert_status (second, 200);
  g_assert_cmpstr (cache_header (second), ==, "hit");
  g_assert_cmpstr (second_body, ==, first_body);
  lp_assert_status (member, 200);
  g_assert_cmpstr (cache_header (member), ==, "hit");
  g_assert_cmpstr (member_body, ==, first_body);
  lp_assert_status (stranger, 401);
}

/* A change made through this instance shows in the very next read: the writer's own
 * desk never sees the catalog from before its change. */
static void
test_own_change_seen_at_once (void)
{
  g_autofree char *item = make_item ("own");
  g_autofree char *path = g_strdup_printf ("/api/v1/items?q=Globe%%20own%%20%u", counter);
  g_autofree char *item_path = g_strdup_printf ("/api/v1/items/%s", item);

  for (int i = 0; i < 5; i++)
    {
      g_autofree char *place = g_strdup_printf ("Lemari %d", i);
      g_autofree char *patch = g_strdup_printf ("{\"location\": \"%s\"}", place);
      g_autoptr(LpTestResponse) before = get (server, path, NULL);
      g_autoptr(LpTestResponse) again = get (server, item_path, NULL);
      g_autoptr(LpTestResponse) changed = NULL;
      g_autoptr(LpTestResponse) list = NULL;
      g_autoptr(LpTestResponse) one = NULL;

      lp_assert_status (before, 200);
      lp_assert_status (again, 200);
      changed = lp_test_request (server, "PATCH", item_path, admin_token, patch);
      lp_assert_status (changed, 200);
      list = get (server, path, NULL);
      one = get (server, item_path, NULL);
      g_assert_true (body_contains (list, place));
      g_assert_true (body_contains (one, place));
      g_assert_cmpstr (cache_header (list), ==, "miss");
    }
}

/* A change made behind the server's back, straight in SQL, reaches the kept replies
 * through the database's notification; a category's new name reaches its items. */
static void
test_sql_change_seen (void)
{
  g_autofree char *item = make_item ("sql");
  g_autofree char *path = g_strdup_printf ("/api/v1/items?q=Globe%%20sql%%20%u", counter);
  g_autofree char *new_name = g_strdup_printf ("Peta dan Globe %u", counter);

  keep (server, path);
  g_free (sql ("UPDATE items SET location = 'Gudang Timur' WHERE id = $1::uuid RETURNING id",
               item, NULL));
  g_assert_true (get_until_contains (server, path, "Gudang Timur", 2.0));

  g_free (sql ("UPDATE categories SET name = $2 WHERE id = $1::uuid RETURNING id",
               category_id, new_name, NULL));
  g_assert_true (get_until_contains (server, path, new_name, 2.0));
}

/* Two desks on two instances: what one changes, the other's readers see within a
 * second, though the other had the old reply kept. */
static void
test_other_instance_change_seen (void)
{
  g_autoptr(LpTestServer) other = lp_test_server_start_another (server);
  g_autofree char *item = make_item ("other");
  g_autofree char *path = g_strdup_printf ("/api/v1/items?q=Globe%%20other%%20%u", counter);
  g_autofree char *item_path = g_strdup_printf ("/api/v1/items/%s", item);
  g_autoptr(LpTestResponse) changed = NULL;

  keep (server, path);
  wait_until_caching (other);
  changed = lp_test_request (other, "PATCH", item_path, admin_token,
                             "{\"location\": \"Ruang Guru\"}");
  lp_assert_status (changed, 200);
  g_assert_true (get_until_contains (server, path, "Ruang Guru", 1.0));
}

/* A loan changes one item's stock: the replies that show the item are dropped — at once
 * on the instance that committed it, by notification on the others — and the rest of
 * the catalog stays kept. */
static void
test_stock_change_keeps_the_rest (void)
{
  g_autofree char *lent = make_item ("lent");
  g_autofree char *lent_path = g_strdup_printf ("/api/v1/items?q=Globe%%20lent%%20%u", counter);
  g_autofree char *lent_item_path = g_strdup_printf ("/api/v1/items/%s", lent);
  g_autofree char *shelf = make_item ("shelf");
  g_autofree char *shelf_path = g_strdup_printf ("/api/v1/items?q=Globe%%20shelf%%20%u", counter);
  g_autoptr(LpTestResponse) changed = NULL;
  g_autoptr(LpTestResponse) lent_after = NULL;
  g_autoptr(LpTestResponse) shelf_after = NULL;
  g_autoptr(LpTestResponse) shelf_later = NULL;
  const char *paths[] = { lent_path, shelf_path };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    keep (server, paths[i]);

  /* Through this instance: the admin buys two more units. */
  changed = lp_test_request (server, "PATCH", lent_item_path, admin_token,
                             "{\"stock_total\": 5}");
  lp_assert_status (changed, 200);
  lent_after = get (server, lent_path, NULL);
  shelf_after = get (server, shelf_path, NULL);
  g_assert_cmpstr (cache_header (lent_after), ==, "miss");
  g_assert_true (body_contains (lent_after, "\"stock_total\": 5"));
  g_assert_cmpstr (cache_header (shelf_after), ==, "hit");

  /* Elsewhere, in SQL: one unit goes out on loan. */
  g_free (sql ("UPDATE items SET stock_available = stock_available - 1 WHERE id = $1::uuid"
               " RETURNING id", lent, NULL));
  g_assert_true (get_until_contains (server, lent_item_path, "\"stock_available\": 4", 2.0));
  shelf_later = get (server, shelf_path, NULL);
  g_assert_cmpstr (cache_header (shelf_later), ==, "hit");
}

/* Many guests asking the same new question at once: one query answers them all. The
 * items table is held, so the query waits while the crowd gathers. */
static void
test_crowd_asks_once (void)
{
  g_autofree char *item = make_item ("crowd");
  g_autofree char *path = g_strdup_printf ("/api/v1/items?q=Globe%%20crowd%%20%u", counter);
  Ask asks[N_CROWD] = { { NULL, 0, NULL, NULL } };
  GThread *threads[N_CROWD];
  PGconn *lock = lock_items ();
  guint misses = 0;

  for (guint i = 0; i < N_CROWD; i++)
    threads[i] = ask_start (&asks[i], path);
  wait_for_queries_waiting (1);
  g_usleep (300 * 1000);   /* the whole crowd is in by now */
  g_assert_cmpint (queries_waiting (), ==, 1);
  unlock_items (lock);

  for (guint i = 0; i < N_CROWD; i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpuint (asks[i].status, ==, 200);
      g_assert_nonnull (strstr (asks[i].body, item));
      g_assert_cmpstr (asks[i].body, ==, asks[0].body);
      misses += g_strcmp0 (asks[i].cache, "miss") == 0;
    }
  g_assert_cmpuint (misses, ==, 1);
  for (guint i = 0; i < N_CROWD; i++)
    ask_clear (&asks[i]);
}

/* The guest whose request was to answer the others hangs up while it waits for a
 * worker: the others still get their answer. (libsoup 3.2 does not report the hang-up
 * of a paused request, so the leader's query runs anyway; should it report it, the
 * router hands the question to the next guest — answer_waiting() in lp-router.c.) */
static void
test_crowd_survives_leader_leaving (void)
{
  g_autofree char *item = make_item ("leader");
  g_autofree char *path = g_strdup_printf ("/api/v1/items?q=Globe%%20leader%%20%u", counter);
  g_autofree char *raw = g_strdup_printf ("GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", path);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) leader = NULL;
  g_autoptr(GError) error = NULL;
  Ask busy[2] = { { NULL, 0, NULL, NULL } }, follower = { NULL, 0, NULL, NULL };
  GThread *busy_threads[2], *follower_thread;
  PGconn *lock = lock_items ();

  /* Both workers of this instance (--workers 2) wait on the lock ... */
  for (guint i = 0; i < G_N_ELEMENTS (busy); i++)
    {
      g_autofree char *other = g_strdup_printf ("/api/v1/items?q=busy%u-%u", i, counter);
      busy_threads[i] = ask_start (&busy[i], other);
    }
  wait_for_queries_waiting (2);
  /* ... so the leader's request stays queued, and leaves. */
  leader = g_socket_client_connect_to_host (client, "127.0.0.1",
                                            (guint16) lp_test_server_get_port (server),
                                            NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (leader)), raw,
                             strlen (raw), NULL, NULL, &error);
  g_assert_no_error (error);
  g_usleep (200 * 1000);
  follower_thread = ask_start (&follower, path);
  g_usleep (200 * 1000);
  g_io_stream_close (G_IO_STREAM (leader), NULL, NULL);
  g_usleep (200 * 1000);
  unlock_items (lock);

  g_thread_join (follower_thread);
  g_assert_cmpuint (follower.status, ==, 200);
  g_assert_nonnull (strstr (follower.body, item));
  for (guint i = 0; i < G_N_ELEMENTS (busy); i++)
    {
      g_thread_join (busy_threads[i]);
      g_assert_cmpuint (busy[i].status, ==, 200);
      ask_clear (&busy[i]);
    }
  ask_clear (&follower);
}

/* Without the database nobody would hear of changes: no kept reply is served then, and
 * caching resumes once the listener is back. */
static void
test_database_down_no_stale_reply (void)
{
  g_autofree char *item = make_item ("down");
  g_autofree char *path = g_strdup_printf ("/api/v1/items?q=Globe%%20down%%20%u", counter);
  g_autoptr(LpTestResponse) during = NULL;

  keep (server, path);
  /* The test cluster runs without fsync and is stopped hard: keep the item. */
  g_free (lp_test_server_sql_value (server, "CHECKPOINT"));
  lp_test_server_stop_database (server);
  during = get (server, path, NULL);
  lp_test_server_start_database (server);
  lp_assert_status (during, 503);
  g_assert_cmpstr (lp_test_response_error_code (during), ==, "unavailable");
  g_assert_true (get_until_contains (server, path, item, 15.0));
  wait_until_caching (server);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const args[] = { "--workers", "2", NULL };
  g_autofree char *admin_id = NULL;
  g_autofree char *member_id = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  server = lp_test_server_start (args);
  admin_id = lp_test_server_create_user (server, "kepala.perpus", PASSWORD, "admin");
  member_id = lp_test_server_create_user (server, "siswa.budi", PASSWORD, "member");
  admin_token = lp_test_server_login (server, "kepala.perpus", PASSWORD);
  member_token = lp_test_server_login (server, "siswa.budi", PASSWORD);
  category_id = sql ("INSERT INTO categories (name) VALUES ('Alat Peraga') RETURNING id", NULL);
  wait_until_caching (server);
  open_events ();

  g_test_add_func ("/lp/catalog-cache/kept-reply", test_kept_reply);
  g_test_add_func ("/lp/catalog-cache/own-change-seen-at-once", test_own_change_seen_at_once);
  g_test_add_func ("/lp/catalog-cache/sql-change-seen", test_sql_change_seen);
  g_test_add_func ("/lp/catalog-cache/other-instance-change-seen",
                   test_other_instance_change_seen);
  g_test_add_func ("/lp/catalog-cache/stock-change-keeps-the-rest",
                   test_stock_change_keeps_the_rest);
  g_test_add_func ("/lp/catalog-cache/crowd-asks-once", test_crowd_asks_once);
  g_test_add_func ("/lp/catalog-cache/crowd-survives-leader-leaving",
                   test_crowd_survives_leader_leaving);
  g_test_add_func ("/lp/catalog-cache/database-down-no-stale-reply",
                   test_database_down_no_stale_reply);
  status = g_test_run ();

  g_free (admin_token);
  g_free (member_token);
  g_free (category_id);
  soup_websocket_connection_close (events, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&events);
  g_clear_object (&events_session);
  g_hash_table_unref (items_heard);
  lp_test_server_free (server);
  return status;
}
