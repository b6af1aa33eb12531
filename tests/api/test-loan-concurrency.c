/* test-loan-concurrency.c: two server instances on one database and many clients at
 * once (SPEC §4 "Concurrency"): the last units are never oversold or double-booked, and
 * a randomized run of every loan operation keeps the database's invariants and agrees,
 * answer by answer, with a simple model of the rules.
 *
 * Each client thread has its own SoupSession. LP_TEST_SEED=<n> replays a random run.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-loan-fixtures.h"

#include "lp-db.h"
#include "lp-enums.h"
#include "lp-passwords.h"

#define N_REQUESTERS   50
#define N_DESKS        10
#define N_WORKERS      6
#define OPS_PER_WORKER 400
#define N_PRIVATE      2     /* items each worker alone touches: exact model */
#define N_SHARED       2     /* items every worker touches: invariants only */
#define MAX_DAY        9

static LpTestServer *servers[2];
static LpLoanWorld *world;
static char *member_hash;
static char *desk_tokens[2];

/* ---------------------------------------------------------------------------------
 * HTTP from any thread
 * --------------------------------------------------------------------------------- */

typedef struct
{
  guint  status;
  char  *code;      /* the error code, or NULL */
  char  *id;        /* of a 2xx reply */
  char  *state;     /* "status" of a 2xx reply */
} Reply;

static void
reply_clear (Reply *reply)
{
  g_clear_pointer (&reply->code, g_free);
  g_clear_pointer (&reply->id, g_free);
  g_clear_pointer (&reply->state, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reply, reply_clear)

static void
read_reply (GBytes *bytes,
            Reply  *reply)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  JsonObject *obj, *error;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  obj = json_node_get_object (node);
  error = json_object_has_member (obj, "error") ? json_object_get_object_member (obj, "error")
                                                 : NULL;
  if (error != NULL)
    reply->code = g_strdup (json_object_get_string_member (error, "code"));
  reply->id = g_strdup (json_object_get_string_member_with_default (obj, "id", NULL));
  reply->state = g_strdup (json_object_get_string_member_with_default (obj, "status", NULL));
}

static void
http (SoupSession *session,
      int          server,
      const char  *path,
      const char  *token,
      const char  *body,
      Reply       *reply)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u%s",
                                          lp_test_server_get_port (servers[server]), path);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autofree char *auth = g_strdup_printf ("Bearer %s", token);
  const char *text = body != NULL ? body : "{}";
  g_autoptr(GBytes) request = g_bytes_new (text, strlen (text));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  bytes = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  reply->status = soup_message_get_status (msg);
  read_reply (bytes, reply);
}

static void
loan_action (SoupSession *session,
             int          server,
             const char  *token,
             const char  *loan,
             const char  *action,
             const char  *body,
             Reply       *reply)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/loans/%s/%s", loan, action);

  http (session, server, path, token, body, reply);
}

static char *
request_body (const char *item,
              int         quantity,
              int         start,
              int         due)
{
  g_autofree char *s = lp_loan_world_date (world, start);
  g_autofree char *d = lp_loan_world_date (world, due);

  return g_strdup_printf ("{\"item_id\":\"%s\",\"quantity\":%d,\"start_date\":\"%s\","
                          "\"due_date\":\"%s\",\"purpose\":\"Lomba\"}", item, quantity, s, d);
}

/* A member made straight in the database (one bcrypt hash shared by all, to save time),
 * logged in through the API. */
static char *
new_member_token (const char *name,
                  int         server)
{
  g_free (lp_loan_world_sql (world,
                             "INSERT INTO users (username, password_hash, role, full_name, active)"
                             " VALUES ($1, $2, 'member', $1, true) RETURNING id",
                             name, member_hash, NULL));
  return lp_test_server_login (servers[server], name, LP_FIXTURE_PASSWORD);
}

static gint64
item_int (const char *item,
          const char *sql)
{
  return lp_loan_world_sql_int (world, sql, item, NULL);
}

/* Units on the shelf are the units owned minus those of active loans, and no day of the
 * range carries more than the units owned. */
static void
assert_item_invariants (const char *item)
{
  g_autofree char *last = g_strdup_printf ("%d", MAX_DAY);

  g_assert_cmpint (item_int (item, "SELECT i.stock_total - i.stock_available"
                                   " - coalesce((SELECT sum(quantity) FROM loans l"
                                   " WHERE l.item_id = i.id AND l.status IN"
                                   " ('approved', 'borrowed', 'overdue')), 0)"
                                   " FROM items i WHERE i.id = $1"), ==, 0);
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT min(free) FROM item_free_units($1,"
                                          " library_today(), library_today() + $2::int)",
                                          item, last, NULL), >=, 0);
}

/* ---------------------------------------------------------------------------------
 * Fifty members want the last three units; ten desks approve on two servers
 * --------------------------------------------------------------------------------- */

typedef struct
{
  const char   *item;
  GPtrArray    *tokens;        /* one member each */
  int          *quantities;
  int          *starts;
  int          *dues;
  GAsyncQueue  *to_approve;    /* loan ids, each pushed twice: two desks race */
  gint          go;
  gint          requests_left;
  gint          created;
  gint          refused;
  gint          approved;
  GPtrArray    *refused_bodies;
  GMutex        lock;
} Rush;

typedef struct
{
  Rush *rush;
  int   index;
} RushArg;

static void
wait_for_go (Rush *rush)
{
  while (!g_atomic_int_get (&rush->go))
    g_thread_yield ();
}

static gpointer
rush_requester (gpointer data)
{
  RushArg *arg = data;
  Rush *rush = arg->rush;
  int i = arg->index;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *body = request_body (rush->item, rush->quantities[i], rush->starts[i],
                                        rush->dues[i]);
  g_auto(Reply) reply = { 0 };

  wait_for_go (rush);
  http (session, i % 2, "/api/v1/loans", g_ptr_array_index (rush->tokens, i), body, &reply);
  if (reply.status == 201)
    {
      g_atomic_int_inc (&rush->created);
      g_async_queue_push (rush->to_approve, g_strdup (reply.id));
      g_async_queue_push (rush->to_approve, g_strdup (reply.id));
    }
  else if (reply.status == 409 && g_strcmp0 (reply.code, "overbooked") == 0)
    {
      g_atomic_int_inc (&rush->refused);
      g_mutex_lock (&rush->lock);
      g_ptr_array_add (rush->refused_bodies, GINT_TO_POINTER (i));
      g_mutex_unlock (&rush->lock);
    }
  else
    g_error ("request: unexpected HTTP %u %s", reply.status, reply.code);
  if (g_atomic_int_dec_and_test (&rush->requests_left))
    for (int d = 0; d < N_DESKS; d++)
      g_async_queue_push (rush->to_approve, g_strdup (""));   /* no more work */
  return NULL;
}

static gboolean
is_refusal (const Reply *reply)
{
  return reply->status == 409 &&
         (g_str_equal (reply->code, "overbooked") ||
          g_str_equal (reply->code, "insufficient_stock") ||
          g_str_equal (reply->code, "invalid_transition"));
}

static gpointer
rush_desk (gpointer data)
{
  RushArg *arg = data;
  Rush *rush = arg->rush;
  g_autoptr(SoupSession) session = soup_session_new ();

  wait_for_go (rush);
  for (;;)
    {
      g_autofree char *loan = g_async_queue_pop (rush->to_approve);
      g_auto(Reply) reply = { 0 };

      if (*loan == '\0')
        break;
      loan_action (session, arg->index % 2, desk_tokens[arg->index % 2], loan, "approve", NULL,
                   &reply);
      if (reply.status == 200)
        g_atomic_int_inc (&rush->approved);
      else if (!is_refusal (&reply))
        g_error ("approve: unexpected HTTP %u %s", reply.status, reply.code);
    }
  return NULL;
}

static void
run_rush (Rush *rush)
{
  GThread *threads[N_REQUESTERS + N_DESKS];
  RushArg args[N_REQUESTERS + N_DESKS];

  for (int i = 0; i < N_REQUESTERS + N_DESKS; i++)
    {
      args[i].rush = rush;
      args[i].index = i < N_REQUESTERS ? i : i - N_REQUESTERS;
      threads[i] = g_thread_new ("rush", i < N_REQUESTERS ? rush_requester : rush_desk, &args[i]);
    }
  g_usleep (100 * 1000);
  g_atomic_int_set (&rush->go, 1);
  for (int i = 0; i < N_REQUESTERS + N_DESKS; i++)
    g_thread_join (threads[i]);
}

static void
rush_init (Rush       *rush,
           const char *item,
           const char *prefix,
           GRand      *rand)
{
  memset (rush, 0, sizeof *rush);
  rush->item = item;
  rush->tokens = g_ptr_array_new_with_free_func (g_free);
  rush->quantities = g_new (int, N_REQUESTERS);
  rush->starts = g_new (int, N_REQUESTERS);
  rush->dues = g_new (int, N_REQUESTERS);
  rush->to_approve = g_async_queue_new_full (g_free);
  rush->requests_left = N_REQUESTERS;
  rush->refused_bodies = g_ptr_array_new ();
  g_mutex_init (&rush->lock);
  for (int i = 0; i < N_REQUESTERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%d", prefix, i);
      g_ptr_array_add (rush->tokens, new_member_token (name, i % 2));
      rush->quantities[i] = rand != NULL ? g_rand_int_range (rand, 1, 3) : 1;
      rush->starts[i] = rand != NULL ? g_rand_int_range (rand, 1, 6) : 1;
      rush->dues[i] = rush->starts[i] + (rand != NULL ? g_rand_int_range (rand, 0, 4) : 2);
    }
}

static void
rush_clear (Rush *rush)
{
  g_ptr_array_unref (rush->tokens);
  g_free (rush->quantities);
  g_free (rush->starts);
  g_free (rush->dues);
  g_async_queue_unref (rush->to_approve);
  g_ptr_array_unref (rush->refused_bodies);
  g_mutex_clear (&rush->lock);
}

/* One unit each, all on the same days: exactly three approvals, never a fourth. */
static void
test_last_units (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 3, "available");
  Rush rush;

  rush_init (&rush, item, "rush", NULL);
  run_rush (&rush);
  g_assert_cmpint (rush.created + rush.refused, ==, N_REQUESTERS);
  g_assert_cmpint (rush.approved, ==, 3);
  g_assert_cmpint (item_int (item, "SELECT count(*) FROM loans WHERE item_id = $1"
                                   " AND status = 'approved'"), ==, 3);
  g_assert_cmpint (item_int (item, "SELECT stock_available FROM items WHERE id = $1"), ==, 0);
  g_assert_cmpint (item_int (item, "SELECT count(*) FROM activity_log a JOIN loans l"
                                   " ON a.record_id = l.id::text WHERE l.item_id = $1"
                                   " AND a.action = 'loan.approve'"), ==, 3);
  assert_item_invariants (item);
  rush_clear (&rush);
}

/* Whatever the rush left undone could not be done: every loan still pending and every
 * refused request would be refused again now (the active loans only grew meanwhile). */
static void
assert_nothing_more_fits (Rush *rush)
{
  g_autoptr(PGresult) res = lp_test_server_sql (servers[0],
                                                "SELECT start_date::text, due_date::text,"
                                                " quantity::text FROM loans"
                                                " WHERE item_id = $1 AND status = 'pending'",
                                                1, (const char *[]) { rush->item });
  gint64 shelf = item_int (rush->item, "SELECT stock_available FROM items WHERE id = $1");

  for (int r = 0; r < PQntuples (res); r++)
    {
      g_autofree char *fits = lp_loan_world_sql (world, "SELECT loan_conflicts($1, $2::date,"
                                                 " $3::date, $4::int) IS NULL",
                                                 rush->item, PQgetvalue (res, r, 0),
                                                 PQgetvalue (res, r, 1), PQgetvalue (res, r, 2),
                                                 NULL);
      g_assert_true (g_str_equal (fits, "f") ||
                     shelf < g_ascii_strtoll (PQgetvalue (res, r, 2), NULL, 10));
    }
  for (guint k = 0; k < rush->refused_bodies->len; k++)
    {
      int i = GPOINTER_TO_INT (g_ptr_array_index (rush->refused_bodies, k));
      g_autofree char *s = lp_loan_world_date (world, rush->starts[i]);
      g_autofree char *d = lp_loan_world_date (world, rush->dues[i]);
      g_autofree char *q = g_strdup_printf ("%d", rush->quantities[i]);
      g_autofree char *fits = lp_loan_world_sql (world, "SELECT loan_conflicts($1, $2::date,"
                                                 " $3::date, $4::int) IS NULL",
                                                 rush->item, s, d, q, NULL);
      g_assert_cmpstr (fits, ==, "f");
    }
}

/* One or two units over different ranges: the same guarantees, and nothing that fits
 * was left unapproved. */
static void
test_mixed_ranges (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 3, "available");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260109);
  Rush rush;

  rush_init (&rush, item, "mixed", rand);
  run_rush (&rush);
  g_assert_cmpint (rush.created + rush.refused, ==, N_REQUESTERS);
  g_assert_cmpint (rush.approved, ==, item_int (item, "SELECT count(*) FROM loans WHERE"
                                                      " item_id = $1 AND status = 'approved'"));
  g_assert_cmpint (rush.approved, >, 0);
  assert_item_invariants (item);
  assert_nothing_more_fits (&rush);
  rush_clear (&rush);
}

/* ---------------------------------------------------------------------------------
 * Randomized operations against a model
 * --------------------------------------------------------------------------------- */

typedef struct
{
  char            *id;
  int              stock_total;
  int              stock_available;
  LpItemCondition  condition;
  LpItemStatus     status;
} ModelItem;

typedef struct
{
  char         *id;
  int           item;       /* index into the worker's items; -1 for a shared item */
  int           member;
  int           quantity;
  int           start;
  int           due;
  LpLoanStatus  status;
} ModelLoan;

enum { OP_REQUEST, OP_APPROVE, OP_REJECT, OP_CANCEL, OP_HANDOVER, OP_RETURN, OP_STOCK,
       OP_REPAIR, N_OPS };

static const char *action_names[] = { "loan.request", "loan.approve", "loan.reject",
                                      "loan.cancel", "loan.handover", "loan.return" };

typedef struct
{
  int          index;
  GRand       *rand;
  SoupSession *session;
  char        *tokens[2];
  ModelItem    items[N_PRIVATE];
  GPtrArray   *loans;          /* ModelLoan, on private items */
  GPtrArray   *shared_loans;   /* ModelLoan, on shared items (status unknown) */
  int          successes[OP_RETURN + 1];
  int          op;
} Worker;

static char *shared_items[N_SHARED];
static guint32 run_seed;

static void
model_loan_free (gpointer data)
{
  ModelLoan *loan = data;

  g_free (loan->id);
  g_free (loan);
}

static void fail (Worker     *w,
                  const char *format,
                  ...) G_GNUC_PRINTF (2, 3);

static void
fail (Worker     *w,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_error ("seed %u, worker %d, op %d: %s", run_seed, w->index, w->op, message);
}

static gboolean
model_lendable (const ModelItem *item)
{
  return item->status == LP_ITEM_STATUS_AVAILABLE ||
         item->status == LP_ITEM_STATUS_NEEDS_MAINTENANCE;
}

static gboolean
model_fits (Worker          *w,
            int              item,
            const ModelLoan *candidate)
{
  for (int day = candidate->start; day <= candidate->due; day++)
    {
      int used = candidate->quantity;

      for (guint k = 0; k < w->loans->len; k++)
        {
          ModelLoan *l = g_ptr_array_index (w->loans, k);
          gboolean active = l->status == LP_LOAN_STATUS_APPROVED ||
                            l->status == LP_LOAN_STATUS_BORROWED;

          if (l->item == item && active && l->start <= day && day <= l->due)
            used += l->quantity;
        }
      if (used > w->items[item].stock_total)
        return FALSE;
    }
  return TRUE;
}

static void
expect (Worker      *w,
        const Reply *reply,
        guint        status,
        const char  *code,
        const char  *what)
{
  if (reply->status != status || g_strcmp0 (reply->code, code) != 0)
    fail (w, "%s: expected %u %s, got %u %s", what, status, code ? code : "",
          reply->status, reply->code ? reply->code : "");
}

static void
private_request (Worker *w)
{
  ModelLoan *loan = g_new0 (ModelLoan, 1);
  ModelItem *item;
  g_autofree char *body = NULL;
  g_auto(Reply) reply = { 0 };

  loan->item = g_rand_int_range (w->rand, 0, N_PRIVATE);
  loan->member = g_rand_int_range (w->rand, 0, 2);
  loan->quantity = g_rand_int_range (w->rand, 1, 4);
  loan->start = g_rand_int_range (w->rand, 1, MAX_DAY - 3);
  loan->due = loan->start + g_rand_int_range (w->rand, 0, 4);
  item = &w->items[loan->item];
  body = request_body (item->id, loan->quantity, loan->start, loan->due);
  http (w->session, g_rand_int_range (w->rand, 0, 2), "/api/v1/loans", w->tokens[loan->member],
        body, &reply);
  if (!model_lendable (item))
    expect (w, &reply, 409, "conflict", "request of an item under repair");
  else if (loan->quantity > item->stock_total)
    expect (w, &reply, 422, "validation_failed", "request of more than owned");
  else if (!model_fits (w, loan->item, loan))
    expect (w, &reply, 409, "overbooked", "overbooked request");
  else
    {
      expect (w, &reply, 201, NULL, "request");
      loan->id = g_strdup (reply.id);
      g_ptr_array_add (w->loans, g_steal_pointer (&loan));
      w->successes[OP_REQUEST]++;
    }
  g_clear_pointer (&loan, g_free);
}

/* A loan of the worker's, mostly one in the status the operation needs. */
static ModelLoan *
pick_loan (Worker       *w,
           LpLoanStatus  wanted)
{
  g_autoptr(GPtrArray) matching = g_ptr_array_new ();

  if (w->loans->len == 0)
    return NULL;
  for (guint k = 0; k < w->loans->len; k++)
    if (((ModelLoan *) g_ptr_array_index (w->loans, k))->status == wanted)
      g_ptr_array_add (matching, g_ptr_array_index (w->loans, k));
  if (matching->len > 0 && g_rand_int_range (w->rand, 0, 10) < 8)
    return g_ptr_array_index (matching, g_rand_int_range (w->rand, 0, (int) matching->len));
  return g_ptr_array_index (w->loans, g_rand_int_range (w->rand, 0, (int) w->loans->len));
}

static const LpItemCondition return_conditions[] = {
  LP_ITEM_CONDITION_GOOD, LP_ITEM_CONDITION_GOOD, LP_ITEM_CONDITION_GOOD,
  LP_ITEM_CONDITION_GOOD, LP_ITEM_CONDITION_GOOD, LP_ITEM_CONDITION_MINOR_DAMAGE,
  LP_ITEM_CONDITION_MINOR_DAMAGE, LP_ITEM_CONDITION_MAJOR_DAMAGE, LP_ITEM_CONDITION_LOST,
};

static void
model_return (ModelItem       *item,
              ModelLoan       *loan,
              LpItemCondition  condition)
{
  static const LpItemStatus implied[] = { LP_ITEM_STATUS_AVAILABLE,
                                          LP_ITEM_STATUS_NEEDS_MAINTENANCE,
                                          LP_ITEM_STATUS_MAINTENANCE,
                                          LP_ITEM_STATUS_UNAVAILABLE };

  item->stock_available += loan->quantity;
  item->condition = MAX (item->condition, condition);
  item->status = MAX (item->status, implied[condition]);
  loan->status = LP_LOAN_STATUS_RETURNED;
}

/* What the model says an operation on loan does: the new status, or the error code. */
static const char *
model_decide (Worker       *w,
              ModelLoan    *loan,
              int           op,
              LpLoanStatus *to)
{
  ModelItem *item = &w->items[loan->item];
  static const LpLoanStatus from[] = { 0, LP_LOAN_STATUS_PENDING, LP_LOAN_STATUS_PENDING,
                                       LP_LOAN_STATUS_PENDING, LP_LOAN_STATUS_APPROVED,
                                       LP_LOAN_STATUS_BORROWED };
  static const LpLoanStatus target[] = { 0, LP_LOAN_STATUS_APPROVED, LP_LOAN_STATUS_REJECTED,
                                         LP_LOAN_STATUS_CANCELLED, LP_LOAN_STATUS_BORROWED,
                                         LP_LOAN_STATUS_RETURNED };

  *to = target[op];
  /* An approved loan may come back without a recorded hand-over. */
  if (loan->status != from[op] &&
      !(op == OP_RETURN && loan->status == LP_LOAN_STATUS_APPROVED))
    return "invalid_transition";
  if (op != OP_APPROVE)
    return NULL;
  if (!model_lendable (item))
    return "conflict";
  if (!model_fits (w, loan->item, loan))
    return "overbooked";
  if (item->stock_available < loan->quantity)
    return "insufficient_stock";
  return NULL;
}

static void
private_act (Worker *w,
             int     op)
{
  static const char *paths[] = { NULL, "approve", "reject", "cancel", "handover", "return" };
  static const LpLoanStatus wanted[] = { 0, LP_LOAN_STATUS_PENDING, LP_LOAN_STATUS_PENDING,
                                         LP_LOAN_STATUS_PENDING, LP_LOAN_STATUS_APPROVED,
                                         LP_LOAN_STATUS_BORROWED };
  ModelLoan *loan = pick_loan (w, wanted[op]);
  int n_conditions = G_N_ELEMENTS (return_conditions);
  LpItemCondition condition = return_conditions[g_rand_int_range (w->rand, 0, n_conditions)];
  g_autofree char *body = g_strdup_printf ("{\"condition\":\"%s\"}",
                                           lp_item_condition_to_string (condition));
  const char *token;
  const char *refusal;
  LpLoanStatus to;
  g_auto(Reply) reply = { 0 };

  if (loan == NULL)
    return;
  token = op == OP_CANCEL ? w->tokens[loan->member] : desk_tokens[g_rand_int_range (w->rand, 0, 2)];
  refusal = model_decide (w, loan, op, &to);
  loan_action (w->session, g_rand_int_range (w->rand, 0, 2), token, loan->id, paths[op],
               op == OP_RETURN ? body : NULL, &reply);
  if (refusal != NULL)
    {
      expect (w, &reply, 409, refusal, paths[op]);
      return;
    }
  expect (w, &reply, 200, NULL, paths[op]);
  if (g_strcmp0 (reply.state, lp_loan_status_to_string (to)) != 0)
    fail (w, "%s: status %s", paths[op], reply.state);
  w->successes[op]++;
  if (op == OP_APPROVE)
    w->items[loan->item].stock_available -= loan->quantity;
  if (op == OP_RETURN)
    model_return (&w->items[loan->item], loan, condition);
  else
    loan->status = to;
}

/* The admin's side, straight in SQL: one unit more or less (never below what is out),
 * or the item repaired. */
static void
private_admin (Worker *w,
               int     op)
{
  ModelItem *item = &w->items[g_rand_int_range (w->rand, 0, N_PRIVATE)];
  int delta = g_rand_boolean (w->rand) ? 1 : -1;
  g_autofree char *text = g_strdup_printf ("%d", delta);

  if (op == OP_REPAIR)
    {
      g_free (lp_loan_world_sql (world, "UPDATE items SET condition = 'good',"
                                 " status = 'available' WHERE id = $1", item->id, NULL));
      item->condition = LP_ITEM_CONDITION_GOOD;
      item->status = LP_ITEM_STATUS_AVAILABLE;
      return;
    }
  if (item->stock_available + delta < 0 || item->stock_total + delta < 1)
    return;
  g_free (lp_loan_world_sql (world, "UPDATE items SET stock_total = stock_total + $2::int,"
                             " stock_available = stock_available + $2::int WHERE id = $1",
                             item->id, text, NULL));
  item->stock_total += delta;
  item->stock_available += delta;
}

static gboolean
allowed_shared (int          op,
                const Reply *reply)
{
  if (reply->status == 200 || reply->status == 201)
    return TRUE;
  if (op == OP_REQUEST && reply->status == 422)
    return TRUE;
  if (reply->status != 409)
    return FALSE;
  /* Shared items only come back in good condition, so they always stay lendable: a
   * "conflict" here would be a serialization failure that leaked out. */
  if (op == OP_REQUEST || op == OP_APPROVE)
    return g_str_equal (reply->code, "overbooked") ||
           g_str_equal (reply->code, "insufficient_stock") ||
           g_str_equal (reply->code, "invalid_transition");
  return g_str_equal (reply->code, "invalid_transition");
}

static void
shared_request (Worker *w,
                Reply  *reply)
{
  ModelLoan *loan = g_new0 (ModelLoan, 1);
  g_autofree char *body = NULL;

  loan->item = -1;
  loan->member = g_rand_int_range (w->rand, 0, 2);
  loan->start = g_rand_int_range (w->rand, 1, MAX_DAY - 3);
  body = request_body (shared_items[g_rand_int_range (w->rand, 0, N_SHARED)],
                       g_rand_int_range (w->rand, 1, 3), loan->start,
                       loan->start + g_rand_int_range (w->rand, 0, 4));
  http (w->session, g_rand_int_range (w->rand, 0, 2), "/api/v1/loans", w->tokens[loan->member],
        body, reply);
  if (reply->status == 201)
    loan->id = g_strdup (reply->id);
  g_ptr_array_add (w->shared_loans, loan);
}

/* Every worker on the same items: no exact model, but only answers the rules allow. */
static void
shared_op (Worker *w,
           int     op)
{
  static const char *paths[] = { NULL, "approve", "reject", "cancel", "handover", "return" };
  g_auto(Reply) reply = { 0 };
  ModelLoan *loan;

  if (op == OP_REQUEST)
    shared_request (w, &reply);
  else
    {
      const char *body = op == OP_RETURN ? "{\"condition\":\"good\"}" : NULL;

      if (w->shared_loans->len == 0)
        return;
      loan = g_ptr_array_index (w->shared_loans,
                                g_rand_int_range (w->rand, 0, (int) w->shared_loans->len));
      if (loan->id == NULL)
        return;
      loan_action (w->session, g_rand_int_range (w->rand, 0, 2),
                   op == OP_CANCEL ? w->tokens[loan->member] : desk_tokens[w->op % 2],
                   loan->id, paths[op], body, &reply);
    }
  if (!allowed_shared (op, &reply))
    fail (w, "shared %d: HTTP %u %s", op, reply.status, reply.code);
  if (reply.status / 100 == 2)
    w->successes[op]++;
}

static void
shared_admin (Worker *w)
{
  const char *item = shared_items[g_rand_int_range (w->rand, 0, N_SHARED)];
  g_autofree char *delta = g_strdup (g_rand_boolean (w->rand) ? "1" : "-1");

  g_free (lp_loan_world_sql (world, "UPDATE items SET stock_total = stock_total + $2::int,"
                             " stock_available = stock_available + $2::int WHERE id = $1"
                             " AND stock_available + $2::int >= 0 AND stock_total + $2::int >= 1",
                             item, delta, NULL));
}

static int
pick_op (Worker *w)
{
  static const int weights[N_OPS] = { 30, 20, 5, 5, 15, 15, 5, 5 };
  int roll = g_rand_int_range (w->rand, 0, 100);

  for (int op = 0; op < N_OPS; op++)
    {
      if (roll < weights[op])
        return op;
      roll -= weights[op];
    }
  return OP_REQUEST;
}

static gpointer
worker_main (gpointer data)
{
  Worker *w = data;

  w->session = soup_session_new ();
  for (w->op = 0; w->op < OPS_PER_WORKER; w->op++)
    {
      int op = pick_op (w);
      gboolean shared = g_rand_int_range (w->rand, 0, 10) < 3;

      if (op >= OP_STOCK && shared)
        shared_admin (w);
      else if (op >= OP_STOCK)
        private_admin (w, op);
      else if (shared)
        shared_op (w, op);
      else if (op == OP_REQUEST)
        private_request (w);
      else
        private_act (w, op);
    }
  g_clear_object (&w->session);
  return NULL;
}

static void
worker_init (Worker *w,
             int     index)
{
  memset (w, 0, sizeof *w);
  w->index = index;
  w->rand = g_rand_new_with_seed (run_seed + (guint32) index);
  w->loans = g_ptr_array_new_with_free_func (model_loan_free);
  w->shared_loans = g_ptr_array_new_with_free_func (model_loan_free);
  for (int m = 0; m < 2; m++)
    {
      g_autofree char *name = g_strdup_printf ("w%d.m%d", index, m);
      w->tokens[m] = new_member_token (name, m);
    }
  for (int i = 0; i < N_PRIVATE; i++)
    {
      w->items[i].stock_total = w->items[i].stock_available = g_rand_int_range (w->rand, 1, 4);
      w->items[i].id = lp_loan_world_add_item (world, w->items[i].stock_total, "available");
    }
}

static void
worker_clear (Worker *w)
{
  g_rand_free (w->rand);
  g_ptr_array_unref (w->loans);
  g_ptr_array_unref (w->shared_loans);
  for (int m = 0; m < 2; m++)
    g_free (w->tokens[m]);
  for (int i = 0; i < N_PRIVATE; i++)
    g_free (w->items[i].id);
}

/* The database holds exactly what the model holds for the worker's items and loans. */
static void
compare_with_model (Worker *w)
{
  for (int i = 0; i < N_PRIVATE; i++)
    {
      ModelItem *item = &w->items[i];
      g_autofree char *state = lp_loan_world_sql (world, "SELECT format('%s/%s/%s/%s',"
                                                  " stock_total, stock_available, condition,"
                                                  " status) FROM items WHERE id = $1",
                                                  item->id, NULL);
      g_autofree char *expected = g_strdup_printf ("%d/%d/%s/%s", item->stock_total,
                                                   item->stock_available,
                                                   lp_item_condition_to_string (item->condition),
                                                   lp_item_status_to_string (item->status));

      if (!g_str_equal (state, expected))
        fail (w, "item %d is %s, model says %s", i, state, expected);
      assert_item_invariants (item->id);
    }
  for (guint k = 0; k < w->loans->len; k++)
    {
      ModelLoan *loan = g_ptr_array_index (w->loans, k);
      g_autofree char *status = lp_loan_world_sql (world, "SELECT status FROM loans WHERE id = $1",
                                                   loan->id, NULL);

      if (!g_str_equal (status, lp_loan_status_to_string (loan->status)))
        fail (w, "loan %s is %s, model says %s", loan->id, status,
              lp_loan_status_to_string (loan->status));
    }
}

/* Whole-database invariants after the run. */
static void
assert_database_invariants (const int *successes)
{
  for (int op = OP_REQUEST; op <= OP_RETURN; op++)
    {
      gint64 logged = lp_loan_world_sql_int (world, "SELECT count(*) FROM activity_log a"
                                             " JOIN loans l ON a.record_id = l.id::text"
                                             " JOIN users u ON u.id = l.user_id"
                                             " WHERE a.action = $1 AND u.username LIKE 'w%'"
                                             /* not the hand-over a return recorded */
                                             " AND a.new_data->>'note' IS NULL",
                                             action_names[op], NULL);
      g_assert_cmpint (logged, ==, successes[op]);
    }
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM loans l"
                                          " WHERE (l.status = 'returned') <>"
                                          " EXISTS (SELECT 1 FROM returns r"
                                          "  WHERE r.loan_id = l.id)",
                                          NULL), ==, 0);
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM returns r WHERE"
                                          " (SELECT count(*) FROM item_condition_events e"
                                          "  WHERE e.loan_id = r.loan_id) <> 1", NULL), ==, 0);
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM returns r WHERE"
                                          " (r.condition = 'lost') <> EXISTS (SELECT 1 FROM"
                                          " complaints c WHERE c.loan_id = r.loan_id"
                                          " AND c.is_system)", NULL), ==, 0);
  for (int i = 0; i < N_SHARED; i++)
    assert_item_invariants (shared_items[i]);
}

static void
test_randomized (void)
{
  const char *seed_text = g_getenv ("LP_TEST_SEED");
  Worker workers[N_WORKERS];
  GThread *threads[N_WORKERS];
  int successes[OP_RETURN + 1] = { 0 };
  gint64 started;

  run_seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10)
                               : g_random_int ();
  g_test_message ("randomized loans: seed %u (LP_TEST_SEED=%u replays it)", run_seed, run_seed);
  g_printerr ("# randomized loans: seed %u\n", run_seed);
  for (int i = 0; i < N_SHARED; i++)
    shared_items[i] = lp_loan_world_add_item (world, 3, "available");
  for (int t = 0; t < N_WORKERS; t++)
    worker_init (&workers[t], t);
  started = g_get_monotonic_time ();
  for (int t = 0; t < N_WORKERS; t++)
    threads[t] = g_thread_new ("worker", worker_main, &workers[t]);
  for (int t = 0; t < N_WORKERS; t++)
    g_thread_join (threads[t]);
  g_test_message ("%d operations in %.1f s", N_WORKERS * OPS_PER_WORKER,
                  (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  for (int t = 0; t < N_WORKERS; t++)
    {
      compare_with_model (&workers[t]);
      for (int op = OP_REQUEST; op <= OP_RETURN; op++)
        successes[op] += workers[t].successes[op];
      worker_clear (&workers[t]);
    }
  assert_database_invariants (successes);
  for (int i = 0; i < N_SHARED; i++)
    g_clear_pointer (&shared_items[i], g_free);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  servers[0] = lp_test_server_start (NULL);
  servers[1] = lp_test_server_start_another (servers[0]);
  world = lp_loan_world_new (servers[0], "cc");
  member_hash = lp_password_hash (LP_FIXTURE_PASSWORD, NULL);
  desk_tokens[0] = g_strdup (world->staff);
  desk_tokens[1] = g_strdup (world->admin);

  g_test_add_func ("/lp/loan-concurrency/last-units", test_last_units);
  g_test_add_func ("/lp/loan-concurrency/mixed-ranges", test_mixed_ranges);
  g_test_add_func ("/lp/loan-concurrency/randomized", test_randomized);

  status = g_test_run ();
  g_free (desk_tokens[0]);
  g_free (desk_tokens[1]);
  g_free (member_hash);
  lp_loan_world_free (world);
  lp_test_server_free (servers[1]);
  lp_test_server_free (servers[0]);
  return status;
}
