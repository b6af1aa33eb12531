/* test-db-pipe.c: an item read goes down the main loop's own connection
 * (server/db/lp-db-pipe.c) — a token's session first —, many statements in flight at
 * once. Every reply must be the item asked for, as a worker renders it; a session must
 * be checked as on a worker; a lost connection must cost no request; and the connection
 * comes back by itself.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-test-server.h"

#define N_ITEMS         40
#define N_THREADS       8
#define READS_PER_THREAD 150
#define PIPE_NAME       "lentera-server main loop"
#define PASSWORD        "pipe-test-password"

static LpTestServer *server;
static char *member_token;
static char *ids[N_ITEMS];

static char *
pipe_backend (void)
{
  return lp_test_server_sql_value (server, "SELECT pid FROM pg_stat_activity"
                                           " WHERE application_name = '" PIPE_NAME "'");
}

/* The pipe's backend, once it is connected (it connects in the background). */
static char *
wait_for_pipe_backend (const char *not_this)
{
  for (int i = 0; i < 100; i++)
    {
      g_autofree char *pid = pipe_backend ();

      if (pid != NULL && g_strcmp0 (pid, not_this) != 0)
        return g_steal_pointer (&pid);
      g_usleep (50 * 1000);
    }
  g_error ("the main loop's database connection did not come (back)");
}

static LpTestResponse *
get_item (const char *id,
          const char *token)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/items/%s", id);

  return lp_test_request (server, "GET", path, token, NULL);
}

static char *
pipe_last_query (const char *pid)
{
  return lp_test_server_sql_printf (server, "SELECT query FROM pg_stat_activity WHERE pid = %s",
                                    pid);
}

/* The items as a page of the catalog lists them (a worker's reply): id → item. */
static JsonObject *
listed_items (void)
{
  g_autoptr(LpTestResponse) page = lp_test_request (server, "GET",
                                                    "/api/v1/items?q=Pipa&limit=100",
                                                    member_token, NULL);
  JsonArray *items;
  JsonObject *by_id = json_object_new ();

  lp_assert_status (page, 200);
  items = json_object_get_array_member (lp_test_response_object (page), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, N_ITEMS);
  for (guint k = 0; k < N_ITEMS; k++)
    {
      JsonObject *item = json_array_get_object_element (items, k);

      json_object_set_object_member (by_id, json_object_get_string_member (item, "id"),
                                     json_object_ref (item));
    }
  return by_id;
}

/* A guest's reply and a member's are the same bytes, the item as the catalog page lists
 * it, and the pipe's backend is the one that ran the statement. */
static void
test_reads (void)
{
  g_autofree char *pid = wait_for_pipe_backend (NULL);
  g_autofree char *last_query = NULL;
  g_autoptr(JsonObject) listed = listed_items ();

  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autoptr(LpTestResponse) guest = get_item (ids[i], NULL);
      g_autoptr(LpTestResponse) member = get_item (ids[i], member_token);
      JsonObject *listed_item = json_object_get_object_member (listed, ids[i]);
      g_autoptr(JsonNode) as_listed = json_node_init_object (json_node_alloc (), listed_item);
      g_autoptr(JsonNode) as_read = NULL;

      lp_assert_status (guest, 200);
      lp_assert_status (member, 200);
      g_assert_true (g_bytes_equal (guest->body, member->body));
      as_read = json_node_init_object (json_node_alloc (), lp_test_response_object (guest));
      g_assert_true (json_node_equal (as_read, as_listed));
    }
  last_query = pipe_last_query (pid);
  g_assert_nonnull (strstr (last_query, "FROM items AS i"));
  g_assert_nonnull (strstr (last_query, "WHERE i.id = $1"));

  /* No such item, and no item id at all: 404 both ways. */
  {
    g_autoptr(LpTestResponse) missing = get_item ("00000000-0000-4000-8000-00000000dead", NULL);
    g_autoptr(LpTestResponse) malformed = get_item ("not-an-id", member_token);

    lp_assert_status (missing, 404);
    g_assert_cmpstr (lp_test_response_error_code (missing), ==, "not_found");
    lp_assert_status (malformed, 404);
    g_assert_cmpstr (lp_test_response_error_code (malformed), ==, "not_found");
  }
}

/* The session is checked down the pipe as on a worker: a token nobody holds and a
 * token logged out get 401, never a guest's reply. */
static void
test_sessions (void)
{
  g_autofree char *pid = wait_for_pipe_backend (NULL);
  g_autofree char *last_query = NULL;
  g_autofree char *token = lp_test_server_login (server, "pipe-member", PASSWORD);
  g_autoptr(LpTestResponse) before = get_item (ids[0], token);
  g_autoptr(LpTestResponse) unknown = get_item (ids[0], "no-such-token");
  g_autoptr(LpTestResponse) out = NULL;
  g_autoptr(LpTestResponse) after = NULL;

  lp_assert_status (before, 200);
  lp_assert_status (unknown, 401);
  g_assert_cmpstr (lp_test_response_error_code (unknown), ==, "unauthorized");
  last_query = pipe_last_query (pid);
  g_assert_nonnull (strstr (last_query, "FROM sessions s"));

  out = lp_test_request (server, "POST", "/api/v1/auth/logout", token, NULL);
  g_assert_cmpuint (out->status, <, 300);
  after = get_item (ids[0], token);
  lp_assert_status (after, 401);
  g_assert_cmpstr (lp_test_response_error_code (after), ==, "unauthorized");
}

typedef struct
{
  guint  seed;
  guint  wrong;       /* replies that were not the item asked for */
  guint  failed;      /* not 200 */
  guint  first_status;
  gint  *stop;        /* nullable: read until set, at least READS_PER_THREAD */
  const char *token;  /* nullable: a guest */
} Reader;

static gpointer
reader_thread (gpointer data)
{
  Reader *r = data;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 15, NULL);
  GRand *rand = g_rand_new_with_seed (r->seed);

  for (guint n = 0; n < READS_PER_THREAD || (r->stop != NULL && !g_atomic_int_get (r->stop));
       n++)
    {
      guint i = g_rand_int_range (rand, 0, N_ITEMS);
      g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/api/v1/items/%s",
                                              lp_test_server_get_port (server), ids[i]);
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
      g_autofree char *auth = r->token != NULL ? g_strdup_printf ("Bearer %s", r->token) : NULL;
      g_autoptr(GBytes) body = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      guint status;
      JsonObject *item;

      if (auth != NULL)
        soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                      auth);
      body = soup_session_send_and_read (session, msg, NULL, NULL);
      status = soup_message_get_status (msg);

      if (status != 200 || body == NULL)
        {
          if (r->failed++ == 0)
            r->first_status = status;
          continue;
        }
      if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                       (gssize) g_bytes_get_size (body), NULL) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          r->wrong++;
          continue;
        }
      item = json_node_get_object (json_parser_get_root (parser));
      if (g_strcmp0 (json_object_get_string_member_with_default (item, "id", ""), ids[i]) != 0)
        r->wrong++;
    }
  g_rand_free (rand);
  return NULL;
}

static void
run_readers (Reader  *readers,
             gint    *stop,
             void   (*meanwhile) (gint *stop))
{
  GThread *threads[N_THREADS];

  for (guint t = 0; t < N_THREADS; t++)
    {
      readers[t].seed = t + 1;
      readers[t].stop = stop;
      /* Half of them members: their session and their item, two statements each. */
      readers[t].token = t % 2 == 0 ? NULL : member_token;
      threads[t] = g_thread_new ("reader", reader_thread, &readers[t]);
    }
  if (meanwhile != NULL)
    meanwhile (stop);
  for (guint t = 0; t < N_THREADS; t++)
    g_thread_join (threads[t]);
}

/* Many reads in flight at once on one connection, guests' and members': each reply is
 * its own request's. */
static void
test_concurrent_reads (void)
{
  Reader readers[N_THREADS] = { 0 };
  guint wrong = 0, failed = 0;

  g_free (wait_for_pipe_backend (NULL));
  run_readers (readers, NULL, NULL);
  for (guint t = 0; t < N_THREADS; t++)
    {
      wrong += readers[t].wrong;
      failed += readers[t].failed;
    }
  g_test_message ("%d reads from %d clients at once: %u failed, %u wrong",
                  N_THREADS * READS_PER_THREAD, N_THREADS, failed, wrong);
  g_assert_cmpuint (failed, ==, 0);
  g_assert_cmpuint (wrong, ==, 0);
}

static char *old_backend;

/* While the readers read: the pipe's backend is ended, as an administrator or a
 * restarting database would; then reading goes on until it is back. */
static void
terminate_pipe_backend (gint *stop)
{
  g_autofree char *ended = NULL;
  g_autofree char *back = NULL;

  g_usleep (200 * 1000);
  ended = lp_test_server_sql_printf (server, "SELECT pg_terminate_backend(%s)", old_backend);
  g_assert_cmpstr (ended, ==, "t");
  back = wait_for_pipe_backend (old_backend);
  g_usleep (300 * 1000);
  g_atomic_int_set (stop, TRUE);
}

static void
test_lost_connection (void)
{
  Reader readers[N_THREADS] = { 0 };
  gint stop = FALSE;
  guint wrong = 0, failed = 0, first_status = 0;
  g_autofree char *new_backend = NULL;
  g_autofree char *last_query = NULL;

  old_backend = wait_for_pipe_backend (NULL);
  run_readers (readers, &stop, terminate_pipe_backend);
  for (guint t = 0; t < N_THREADS; t++)
    {
      if (readers[t].failed > 0 && first_status == 0)
        first_status = readers[t].first_status;
      wrong += readers[t].wrong;
      failed += readers[t].failed;
    }
  g_test_message ("reads across the lost connection: %u failed (first: HTTP %u), %u wrong",
                  failed, first_status, wrong);
  g_assert_cmpuint (failed, ==, 0);
  g_assert_cmpuint (wrong, ==, 0);

  /* The new connection serves guests again. */
  new_backend = wait_for_pipe_backend (old_backend);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(LpTestResponse) guest = get_item (ids[i], NULL);

      lp_assert_status (guest, 200);
    }
  last_query = lp_test_server_sql_printf (server, "SELECT query FROM pg_stat_activity"
                                                  " WHERE pid = %s", new_backend);
  g_assert_nonnull (strstr (last_query, "WHERE i.id = $1"));
  g_clear_pointer (&old_backend, g_free);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = lp_test_server_start (NULL);
  g_free (lp_test_server_create_user (server, "pipe-member", PASSWORD, "member"));
  member_token = lp_test_server_login (server, "pipe-member", PASSWORD);
  g_free (lp_test_server_sql_value (server, "INSERT INTO categories (name) VALUES ('Pipa')"));
  for (guint i = 0; i < N_ITEMS; i++)
    ids[i] = lp_test_server_sql_printf (server,
                                        "INSERT INTO items (code, name, category_id,"
                                        " stock_total, stock_available)"
                                        " SELECT 'PIPE-%u', 'Pipa %u', id, %u, %u"
                                        " FROM categories WHERE name = 'Pipa' RETURNING id",
                                        i, i, i % 3 + 1, i % 3 + 1);

  g_test_add_func ("/lp/db/pipe/reads", test_reads);
  g_test_add_func ("/lp/db/pipe/sessions", test_sessions);
  g_test_add_func ("/lp/db/pipe/concurrent-reads", test_concurrent_reads);
  g_test_add_func ("/lp/db/pipe/lost-connection", test_lost_connection);

  status = g_test_run ();
  for (guint i = 0; i < N_ITEMS; i++)
    g_free (ids[i]);
  g_free (member_token);
  lp_test_server_free (server);
  return status;
}
