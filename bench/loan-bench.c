/* loan-bench.c: loan cycles per second on one lentera-server (driven by bench/loans.sh).
 *
 * Starts a private PostgreSQL cluster and one server on loopback (the test harness),
 * makes --items items and one member per client, then --clients threads, each with its
 * own SoupSession, run cycles for --seconds: request a loan (member), approve it (staff),
 * hand it over, return it in good condition. A refused request ends the cycle; a refused
 * approval cancels the request. The only refusals allowed are the rules' own 409s
 * (overbooked, insufficient_stock); anything else is counted as unexpected and makes the
 * exit status 1. --hot puts every client on one item.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-db.h"
#include "lp-test-server.h"

#include <stdlib.h>

#define PASSWORD "Bench#2026a"

enum { STEP_REQUEST, STEP_APPROVE, STEP_HANDOVER, STEP_RETURN, STEP_CANCEL, N_STEPS };

static const char *step_names[] = { "request", "approve", "handover", "return", "cancel" };

static int opt_clients = 32;
static int opt_items = 200;
static int opt_seconds = 10;
static int opt_stock = 2;
static gboolean opt_hot = FALSE;

static LpTestServer *server;
static GPtrArray *item_ids;
static char *staff_token;
static gint64 deadline;

typedef struct
{
  char        *token;
  GRand       *rand;
  SoupSession *session;
  GArray      *latency[N_STEPS];   /* double, ms */
  int          cycles;
  int          requests;
  int          overbooked;
  int          insufficient;
  int          unexpected;
} Client;

typedef struct
{
  guint  status;
  char  *id;
  char  *code;
} Reply;

static void
reply_clear (Reply *reply)
{
  g_clear_pointer (&reply->id, g_free);
  g_clear_pointer (&reply->code, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reply, reply_clear)

static void
parse_reply (GBytes *bytes,
             Reply  *reply)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  JsonObject *obj;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  obj = json_node_get_object (node);
  reply->id = g_strdup (json_object_get_string_member_with_default (obj, "id", NULL));
  if (json_object_has_member (obj, "error"))
    {
      JsonObject *error = json_object_get_object_member (obj, "error");
      reply->code = g_strdup (json_object_get_string_member (error, "code"));
    }
}

static void
post (Client     *c,
      int         step,
      const char *path,
      const char *token,
      const char *body,
      Reply      *reply)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u%s",
                                          lp_test_server_get_port (server), path);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autofree char *auth = g_strdup_printf ("Bearer %s", token);
  g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();
  double ms;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  bytes = soup_session_send_and_read (c->session, msg, NULL, &error);
  if (bytes == NULL)
    g_error ("%s: %s", path, error->message);
  ms = (g_get_monotonic_time () - started) / 1000.0;
  g_array_append_val (c->latency[step], ms);
  c->requests++;
  reply->status = soup_message_get_status (msg);
  parse_reply (bytes, reply);
}

/* Counts a refusal the rules allow; anything else is unexpected. */
static void
note_refusal (Client      *c,
              int          step,
              const Reply *reply)
{
  if (reply->status == 409 && g_strcmp0 (reply->code, "overbooked") == 0)
    c->overbooked++;
  else if (reply->status == 409 && g_strcmp0 (reply->code, "insufficient_stock") == 0 &&
           step == STEP_APPROVE)
    c->insufficient++;
  else
    {
      c->unexpected++;
      g_print ("unexpected: %s → HTTP %u %s\n", step_names[step], reply->status,
                  reply->code != NULL ? reply->code : "");
    }
}

static gboolean
loan_step (Client     *c,
           int         step,
           const char *loan,
           const char *token,
           const char *body,
           guint       expected)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/loans/%s/%s", loan, step_names[step]);
  g_auto(Reply) reply = { 0 };

  post (c, step, path, token, body, &reply);
  if (reply.status == expected)
    return TRUE;
  note_refusal (c, step, &reply);
  return FALSE;
}

static char *
request_loan (Client *c)
{
  const char *item = g_ptr_array_index (item_ids, opt_hot ? 0 : g_rand_int_range (c->rand, 0,
                                                                                   opt_items));
  int start = g_rand_int_range (c->rand, 1, 8);
  int due = start + g_rand_int_range (c->rand, 0, 3);
  g_autofree char *body = g_strdup_printf ("{\"item_id\":\"%s\",\"quantity\":1,"
                                           "\"start_date\":\"%s\",\"due_date\":\"%s\","
                                           "\"purpose\":\"Bench\"}", item,
                                           (const char *) g_ptr_array_index (item_ids,
                                                                             opt_items + start),
                                           (const char *) g_ptr_array_index (item_ids,
                                                                             opt_items + due));
  g_auto(Reply) reply = { 0 };

  post (c, STEP_REQUEST, "/api/v1/loans", c->token, body, &reply);
  if (reply.status == 201)
    return g_steal_pointer (&reply.id);
  note_refusal (c, STEP_REQUEST, &reply);
  return NULL;
}

static void
run_cycle (Client *c)
{
  g_autofree char *loan = request_loan (c);

  if (loan == NULL)
    return;
  if (!loan_step (c, STEP_APPROVE, loan, staff_token, "{}", 200))
    {
      loan_step (c, STEP_CANCEL, loan, c->token, "{}", 200);
      return;
    }
  if (loan_step (c, STEP_HANDOVER, loan, staff_token, "{}", 200) &&
      loan_step (c, STEP_RETURN, loan, staff_token, "{\"condition\":\"good\"}", 200))
    c->cycles++;
}

static gpointer
client_main (gpointer data)
{
  Client *c = data;

  c->session = soup_session_new_with_options ("timeout", 30, NULL);
  while (g_get_monotonic_time () < deadline)
    run_cycle (c);
  g_clear_object (&c->session);
  return NULL;
}

/* Items, and after them (same array, for lookup) the dates today + 0 … + 10. */
static void
make_items (void)
{
  g_autofree char *category = lp_test_server_sql_value (server,
                                                        "INSERT INTO categories (name)"
                                                        " VALUES ('Bench') RETURNING id");
  g_autofree char *stock = g_strdup_printf ("%d", opt_stock);

  item_ids = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < opt_items; i++)
    {
      g_autofree char *code = g_strdup_printf ("BENCH-%04d", i);
      const char *params[] = { code, category, stock };
      g_autoptr(PGresult) res = lp_test_server_sql (server,
                                                    "INSERT INTO items (code, name, category_id,"
                                                    " stock_total, stock_available) VALUES"
                                                    " ($1, 'Alat ' || $1, $2, $3::int, $3::int)"
                                                    " RETURNING id", 3, params);
      g_ptr_array_add (item_ids, g_strdup (PQgetvalue (res, 0, 0)));
    }
  for (int d = 0; d <= 10; d++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT (library_today() + %d)::text", d);
      g_ptr_array_add (item_ids, lp_test_server_sql_value (server, sql));
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report_latency (Client *clients)
{
  for (int step = 0; step < N_STEPS; step++)
    {
      g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));

      for (int i = 0; i < opt_clients; i++)
        g_array_append_vals (all, clients[i].latency[step]->data, clients[i].latency[step]->len);
      if (all->len == 0)
        continue;
      g_array_sort (all, compare_doubles);
      g_print ("  %-9s n=%-7u p50=%6.2f ms  p90=%6.2f ms  p99=%6.2f ms  max=%7.2f ms\n",
               step_names[step], all->len,
               g_array_index (all, double, all->len / 2),
               g_array_index (all, double, all->len * 9 / 10),
               g_array_index (all, double, all->len * 99 / 100),
               g_array_index (all, double, all->len - 1));
    }
}

static int
report (Client *clients,
        double  seconds)
{
  int cycles = 0, requests = 0, overbooked = 0, insufficient = 0, unexpected = 0;
  g_autofree char *loans = lp_test_server_sql_value (server, "SELECT count(*) FROM loans");
  g_autofree char *negative = lp_test_server_sql_value (server,
                                                        "SELECT count(*) FROM items"
                                                        " WHERE stock_available <> stock_total");

  for (int i = 0; i < opt_clients; i++)
    {
      cycles += clients[i].cycles;
      requests += clients[i].requests;
      overbooked += clients[i].overbooked;
      insufficient += clients[i].insufficient;
      unexpected += clients[i].unexpected;
    }
  g_print ("mode=%s clients=%d items=%d stock=%d seconds=%.1f\n", opt_hot ? "hot" : "spread",
           opt_clients, opt_hot ? 1 : opt_items, opt_stock, seconds);
  g_print ("  cycles   %d  (%.1f cycles/s)\n", cycles, cycles / seconds);
  g_print ("  requests %d  (%.1f HTTP requests/s)\n", requests, requests / seconds);
  g_print ("  409 overbooked=%d insufficient_stock=%d   unexpected=%d\n", overbooked,
           insufficient, unexpected);
  g_print ("  loans in the database: %s; items with units still out: %s\n", loans, negative);
  report_latency (clients);
  return unexpected == 0 && g_str_equal (negative, "0") ? 0 : 1;
}

static Client *
make_clients (void)
{
  Client *clients = g_new0 (Client, opt_clients);

  for (int i = 0; i < opt_clients; i++)
    {
      g_autofree char *name = g_strdup_printf ("bench.%d", i);
      g_free (lp_test_server_create_user (server, name, PASSWORD, "member"));
      clients[i].token = lp_test_server_login (server, name, PASSWORD);
      clients[i].rand = g_rand_new_with_seed (1000 + (guint32) i);
      for (int s = 0; s < N_STEPS; s++)
        clients[i].latency[s] = g_array_new (FALSE, FALSE, sizeof (double));
    }
  return clients;
}

static void
free_clients (Client *clients)
{
  for (int i = 0; i < opt_clients; i++)
    {
      g_free (clients[i].token);
      g_rand_free (clients[i].rand);
      for (int s = 0; s < N_STEPS; s++)
        g_array_unref (clients[i].latency[s]);
    }
  g_free (clients);
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "clients", 0, 0, G_OPTION_ARG_INT, &opt_clients, "Concurrent clients (32)", "N" },
    { "items", 0, 0, G_OPTION_ARG_INT, &opt_items, "Items (200)", "N" },
    { "stock", 0, 0, G_OPTION_ARG_INT, &opt_stock, "Units of each item (2)", "N" },
    { "seconds", 0, 0, G_OPTION_ARG_INT, &opt_seconds, "Length of the run (10)", "S" },
    { "hot", 0, 0, G_OPTION_ARG_NONE, &opt_hot, "Every client on one item", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— loan cycles per second");
  g_autoptr(GError) error = NULL;
  g_autofree GThread **threads = NULL;
  Client *clients;
  gint64 started;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || opt_clients < 1 || opt_items < 1)
    {
      g_printerr ("loan-bench: %s\n", error != NULL ? error->message : "bad arguments");
      return 2;
    }
  server = lp_test_server_start (NULL);
  make_items ();
  g_free (lp_test_server_create_user (server, "bench.staff", PASSWORD, "staff"));
  staff_token = lp_test_server_login (server, "bench.staff", PASSWORD);
  clients = make_clients ();
  threads = g_new (GThread *, opt_clients);
  started = g_get_monotonic_time ();
  deadline = started + (gint64) opt_seconds * G_USEC_PER_SEC;
  for (int i = 0; i < opt_clients; i++)
    threads[i] = g_thread_new ("client", client_main, &clients[i]);
  for (int i = 0; i < opt_clients; i++)
    g_thread_join (threads[i]);
  status = report (clients, (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  free_clients (clients);
  g_free (staff_token);
  g_ptr_array_unref (item_ids);
  lp_test_server_free (server);
  return status;
}
