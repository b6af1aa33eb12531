/* test-loans.c: the loan rules of SPEC §4 over real HTTP — requests and their validation,
 * double booking, approval and stock, every state transition (valid and invalid), who
 * may do what, reading and filtering, overdue.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-loan-fixtures.h"

static LpTestServer *server;
static LpLoanWorld *world;

static JsonObject *
error_object (LpTestResponse *resp)
{
  return json_object_get_object_member (lp_test_response_object (resp), "error");
}

static const char *
field_error (LpTestResponse *resp,
             const char     *field)
{
  JsonObject *error = error_object (resp);
  JsonObject *fields = json_object_get_object_member (error, "fields");

  g_assert_nonnull (fields);
  return json_object_get_string_member_with_default (fields, field, NULL);
}

static gint64
stock_available (const char *item_id)
{
  return lp_loan_world_sql_int (world, "SELECT stock_available FROM items WHERE id = $1",
                                item_id, NULL);
}

static gint64
count_log (const char *action,
           const char *record_id)
{
  return lp_loan_world_sql_int (world,
                                "SELECT count(*) FROM activity_log WHERE action = $1"
                                " AND record_id = $2",
                                action, record_id, NULL);
}

static void
test_request_ok (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 2, "available");
  g_autoptr(LpTestResponse) resp = lp_loan_world_request (world, world->member, item, 2, 0, 3);
  g_autofree char *today = lp_loan_world_date (world, 0);
  g_autofree char *due = lp_loan_world_date (world, 3);
  JsonObject *obj, *embedded;

  lp_assert_status (resp, 201);
  obj = lp_test_response_object (resp);
  g_assert_cmpstr (lp_json_str (resp, "status"), ==, "pending");
  g_assert_true (g_regex_match_simple ("^LP-[0-9]{4}-[0-9]{6,}$", lp_json_str (resp, "code"),
                                       0, 0));
  g_assert_cmpint (lp_json_int (resp, "quantity"), ==, 2);
  g_assert_cmpstr (lp_json_str (resp, "start_date"), ==, today);
  g_assert_cmpstr (lp_json_str (resp, "due_date"), ==, due);
  g_assert_cmpstr (lp_json_str (resp, "user_id"), ==, world->member_id);
  g_assert_cmpint (lp_json_int (resp, "fine"), ==, 0);
  embedded = json_object_get_object_member (obj, "item");
  g_assert_cmpstr (json_object_get_string_member (embedded, "id"), ==, item);
  g_assert_nonnull (json_object_get_string_member (embedded, "code"));
  embedded = json_object_get_object_member (obj, "user");
  g_assert_cmpstr (json_object_get_string_member (embedded, "username"), ==, "ln.member");
  g_assert_true (json_object_get_null_member (obj, "return"));
  /* A request holds nothing until approved. */
  g_assert_cmpint (stock_available (item), ==, 2);
  g_assert_cmpint (count_log ("loan.request", lp_json_str (resp, "id")), ==, 1);
}

/* One member changed from a valid request: NULL keeps the default, "" leaves the member
 * out. @T @Y @L @F are today, yesterday, today + 5, today + 14; @I is the item. */
typedef struct
{
  const char *member;
  const char *value;
  guint       status;
  const char *field;     /* for 422 */
} BadRequest;

static const BadRequest bad_requests[] = {
  { "start_date", "\"@L\"", 422, "due_date" },           /* dates reversed */
  { "start_date", "\"@Y\"", 422, "start_date" },         /* in the past */
  { "start_date", "\"2026-02-30\"", 422, "start_date" },
  { "due_date", "\"@F\"", 422, "due_date" },             /* longer than 14 days */
  { "quantity", "0", 422, "quantity" },
  { "quantity", "-3", 422, "quantity" },
  { "quantity", "1000000000", 422, "quantity" },
  { "quantity", "3", 422, "quantity" },                    /* more than the item has */
  { "purpose", "", 422, "purpose" },
  { "purpose", "\"   \"", 422, "purpose" },
  { "item_id", "\"00000000-0000-4000-8000-000000000000\"", 422, "item_id" },
  { "item_id", "\"not-a-uuid\"", 422, "item_id" },
  { "item_id", "", 422, "item_id" },
  { "quantity", "\"1\"", 400, NULL },
  { "quantity", "1.5", 400, NULL },
  { "due_date", "20260110", 400, NULL },
};

static char *
bad_request_body (const BadRequest *bad)
{
  const char *members[] = { "item_id", "quantity", "start_date", "due_date", "purpose" };
  const char *values[] = { "\"@I\"", "1", "\"@T\"", "\"@T\"", "\"Praktikum\"" };
  GString *body = g_string_new ("{");

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *value = g_str_equal (members[i], bad->member) ? bad->value : values[i];

      if (*value == '\0')
        continue;
      g_string_append_printf (body, "%s\"%s\":%s", body->len > 1 ? "," : "", members[i], value);
    }
  g_string_append_c (body, '}');
  return g_string_free (body, FALSE);
}

static void
check_bad_request (const char *body,
                   guint       status,
                   const char *field)
{
  g_autoptr(LpTestResponse) resp = lp_test_request (server, "POST", "/api/v1/loans",
                                                    world->member, body);

  if (resp->status != status)
    g_error ("%s: HTTP %u", body, resp->status);
  if (field == NULL)
    {
      g_assert_cmpstr (lp_test_response_error_code (resp), ==, "bad_request");
      return;
    }
  g_assert_cmpstr (lp_test_response_error_code (resp), ==, "validation_failed");
  g_assert_nonnull (field_error (resp, field));
}

static void
test_request_validation (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 2, "available");
  const char *marks[] = { "@T", "@Y", "@L", "@F" };
  const int offsets[] = { 0, -1, 5, 14 };

  for (guint i = 0; i < G_N_ELEMENTS (bad_requests); i++)
    {
      g_autofree char *text = bad_request_body (&bad_requests[i]);
      g_autoptr(GString) body = g_string_new (text);

      g_string_replace (body, "@I", item, 0);
      for (guint m = 0; m < G_N_ELEMENTS (marks); m++)
        {
          g_autofree char *date = lp_loan_world_date (world, offsets[m]);
          g_string_replace (body, marks[m], date, 0);
        }
      check_bad_request (body->str, bad_requests[i].status, bad_requests[i].field);
    }
  check_bad_request ("{\"item_id\":", 400, NULL);
  check_bad_request ("[]", 400, NULL);
  check_bad_request ("", 400, NULL);
  /* Nothing was written. */
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM loans WHERE item_id = $1",
                                          item, NULL), ==, 0);
}

static void
test_request_needs_lendable_item (void)
{
  const char *statuses[] = { "available", "needs_maintenance", "maintenance", "unavailable" };
  const guint expected[] = { 201, 201, 409, 409 };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *item = lp_loan_world_add_item (world, 1, statuses[i]);
      g_autoptr(LpTestResponse) resp = lp_loan_world_request (world, world->member, item, 1, 1, 2);

      lp_assert_status (resp, expected[i]);
      if (expected[i] == 409)
        g_assert_cmpstr (lp_test_response_error_code (resp), ==, "conflict");
    }
}

static void
assert_conflict (JsonArray  *conflicts,
                 guint       index,
                 int         days,
                 gint64      free)
{
  JsonObject *day = json_array_get_object_element (conflicts, index);
  g_autofree char *date = lp_loan_world_date (world, days);

  g_assert_cmpstr (json_object_get_string_member (day, "date"), ==, date);
  g_assert_cmpint (json_object_get_int_member (day, "free"), ==, free);
}

/* Stock 1: no two loans on overlapping days; the refusal names the days. */
static void
test_overbooked_single_unit (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 1, "available");
  g_autofree char *first = lp_loan_world_new_loan (world, item, 1, 2, 5);
  g_autoptr(LpTestResponse) clash = NULL;
  g_autoptr(LpTestResponse) after = NULL;
  g_autoptr(LpTestResponse) pending = NULL;
  JsonArray *conflicts;

  /* Pending requests hold nothing: a second overlapping request is accepted. */
  pending = lp_loan_world_request (world, world->other, item, 1, 3, 4);
  lp_assert_status (pending, 201);
  lp_loan_world_step (world, first, "approve", NULL);

  clash = lp_loan_world_request (world, world->member, item, 1, 4, 7);
  lp_assert_error (clash, 409, "overbooked");
  conflicts = json_object_get_array_member (error_object (clash), "conflicts");
  g_assert_cmpint (json_array_get_length (conflicts), ==, 2);
  assert_conflict (conflicts, 0, 4, 0);
  assert_conflict (conflicts, 1, 5, 0);

  after = lp_loan_world_request (world, world->member, item, 1, 6, 8);
  lp_assert_status (after, 201);
}

/* Stock 3: two units approved on days 1–3; two more fit on day 4 only. */
static void
test_overbooked_counts_units (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 3, "available");
  g_autofree char *first = lp_loan_world_new_loan (world, item, 2, 1, 3);
  g_autoptr(LpTestResponse) clash = NULL;
  g_autoptr(LpTestResponse) fits = NULL;
  JsonArray *conflicts;

  lp_loan_world_step (world, first, "approve", NULL);
  clash = lp_loan_world_request (world, world->member, item, 2, 3, 4);
  lp_assert_error (clash, 409, "overbooked");
  conflicts = json_object_get_array_member (error_object (clash), "conflicts");
  g_assert_cmpint (json_array_get_length (conflicts), ==, 1);
  assert_conflict (conflicts, 0, 3, 1);
  fits = lp_loan_world_request (world, world->member, item, 1, 2, 4);
  lp_assert_status (fits, 201);
}

static void
test_approve (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 3, "available");
  g_autofree char *loan = lp_loan_world_new_loan (world, item, 2, 1, 3);
  g_autoptr(LpTestResponse) resp = NULL;

  resp = lp_loan_world_act (world, world->staff, loan, "approve", "{\"reason\":\"Untuk OSN\"}");
  lp_assert_status (resp, 200);
  g_assert_cmpstr (lp_json_str (resp, "status"), ==, "approved");
  g_assert_cmpstr (lp_json_str (resp, "decision_reason"), ==, "Untuk OSN");
  g_assert_cmpstr (lp_json_str (resp, "decided_by"), ==, world->staff_id);
  g_assert_nonnull (lp_json_str (resp, "decided_at"));
  g_assert_cmpint (stock_available (item), ==, 1);
  g_assert_cmpint (count_log ("loan.approve", loan), ==, 1);
}

/* GET /loans/{id} as the staff sees it. */
static LpTestResponse *
get_loan (const char *id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/loans/%s", id);
  LpTestResponse *resp = lp_test_request (world->server, "GET", path, world->staff, NULL);

  lp_assert_status (resp, 200);
  return resp;
}

/* The conflicts of a pending request, as the desk reads them before approving. */
static JsonArray *
conflicts_of (LpTestResponse *resp)
{
  JsonObject *loan = lp_test_response_object (resp);

  g_assert_true (json_object_has_member (loan, "conflicts"));
  if (json_object_get_null_member (loan, "conflicts"))
    return NULL;
  return json_object_get_array_member (loan, "conflicts");
}

/* Two pending requests that overlap: the second approval is refused, checked again.
 * Before that, the second request already says on which day it no longer fits. */
static void
test_approve_rechecks_overbooking (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 1, "available");
  g_autofree char *first = lp_loan_world_new_loan (world, item, 1, 1, 3);
  g_autofree char *second = lp_loan_world_new_loan (world, item, 1, 3, 5);
  g_autoptr(LpTestResponse) resp = NULL;
  g_autoptr(LpTestResponse) fits = get_loan (second);
  g_autoptr(LpTestResponse) clashes = NULL;
  g_autoptr(LpTestResponse) approved = NULL;
  JsonObject *decider;

  g_assert_cmpuint (json_array_get_length (conflicts_of (fits)), ==, 0);
  g_assert_true (json_object_get_null_member (lp_test_response_object (fits), "decider"));
  lp_loan_world_step (world, first, "approve", NULL);
  clashes = get_loan (second);
  g_assert_cmpuint (json_array_get_length (conflicts_of (clashes)), ==, 1);
  assert_conflict (conflicts_of (clashes), 0, 3, 0);
  /* Decided loans carry no conflicts, and name who decided. */
  approved = get_loan (first);
  g_assert_null (conflicts_of (approved));
  decider = json_object_get_object_member (lp_test_response_object (approved), "decider");
  g_assert_cmpstr (json_object_get_string_member (decider, "id"), ==,
                   lp_json_str (approved, "decided_by"));
  g_assert_nonnull (json_object_get_string_member (decider, "username"));
  resp = lp_loan_world_act (world, world->admin, second, "approve", NULL);
  lp_assert_error (resp, 409, "overbooked");
  g_assert_nonnull (json_object_get_array_member (error_object (resp), "conflicts"));
  g_assert_cmpint (stock_available (item), ==, 0);
}

/* Not overlapping, but the only unit is not on the shelf (seed 002 §8). */
static void
test_approve_needs_stock_on_shelf (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 1, "available");
  g_autofree char *first = lp_loan_world_new_loan (world, item, 1, 1, 2);
  g_autofree char *second = lp_loan_world_new_loan (world, item, 1, 5, 6);
  g_autoptr(LpTestResponse) resp = NULL;
  g_autoptr(LpTestResponse) again = NULL;

  lp_loan_world_step (world, first, "approve", NULL);
  resp = lp_loan_world_act (world, world->staff, second, "approve", NULL);
  lp_assert_error (resp, 409, "insufficient_stock");
  lp_loan_world_step (world, first, "handover", NULL);
  lp_loan_world_step (world, first, "return", "{\"condition\":\"good\"}");
  again = lp_loan_world_act (world, world->staff, second, "approve", NULL);
  lp_assert_status (again, 200);
}

static void
test_approve_item_in_maintenance (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 1, "available");
  g_autofree char *loan = lp_loan_world_new_loan (world, item, 1, 1, 2);
  g_autoptr(LpTestResponse) resp = NULL;

  g_free (lp_loan_world_sql (world, "UPDATE items SET status = 'maintenance' WHERE id = $1",
                             item, NULL));
  resp = lp_loan_world_act (world, world->staff, loan, "approve", NULL);
  lp_assert_error (resp, 409, "conflict");
  g_assert_cmpint (stock_available (item), ==, 1);
}

static void
test_reject_cancel_handover (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 2, "available");
  g_autofree char *rejected = lp_loan_world_new_loan (world, item, 1, 1, 2);
  g_autofree char *cancelled = lp_loan_world_new_loan (world, item, 1, 1, 2);
  g_autofree char *borrowed = lp_loan_world_new_loan (world, item, 1, 1, 2);
  g_autoptr(LpTestResponse) reject = NULL;
  g_autoptr(LpTestResponse) cancel = NULL;
  g_autoptr(LpTestResponse) handover = NULL;

  reject = lp_loan_world_act (world, world->staff, rejected, "reject",
                              "{\"reason\":\"Stok habis\"}");
  lp_assert_status (reject, 200);
  g_assert_cmpstr (lp_json_str (reject, "status"), ==, "rejected");
  g_assert_cmpstr (lp_json_str (reject, "decision_reason"), ==, "Stok habis");
  cancel = lp_loan_world_act (world, world->member, cancelled, "cancel", NULL);
  lp_assert_status (cancel, 200);
  g_assert_cmpstr (lp_json_str (cancel, "status"), ==, "cancelled");
  lp_loan_world_step (world, borrowed, "approve", NULL);
  handover = lp_loan_world_act (world, world->staff, borrowed, "handover", NULL);
  lp_assert_status (handover, 200);
  g_assert_cmpstr (lp_json_str (handover, "status"), ==, "borrowed");
  g_assert_nonnull (lp_json_str (handover, "handed_over_at"));
  g_assert_cmpint (stock_available (item), ==, 1);
  g_assert_cmpint (count_log ("loan.reject", rejected), ==, 1);
  g_assert_cmpint (count_log ("loan.cancel", cancelled), ==, 1);
  g_assert_cmpint (count_log ("loan.handover", borrowed), ==, 1);
}

/* Every action from every status: the valid moves succeed, all others are 409
 * invalid_transition and change nothing. */
static void
test_transition_matrix (void)
{
  const char *statuses[] = { "pending", "approved", "borrowed", "overdue", "returned",
                             "rejected", "cancelled" };
  const char *actions[] = { "approve", "reject", "cancel", "handover", "return" };
  /* The status each action leads to, or NULL when invalid; rows follow statuses. */
  const char *results[][5] = {
    { "approved", "rejected", "cancelled", NULL, NULL },
    { NULL, NULL, NULL, "borrowed", "returned" },
    { NULL, NULL, NULL, NULL, "returned" },
    { NULL, NULL, NULL, NULL, "returned" },
    { NULL, NULL, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
  };

  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
      {
        g_autofree char *item = lp_loan_world_add_item (world, 1, "available");
        g_autofree char *loan = lp_loan_world_loan_in (world, item, statuses[s]);
        gint64 stock_before = stock_available (item);
        const char *token = g_str_equal (actions[a], "cancel") ? world->member : world->staff;
        const char *body = g_str_equal (actions[a], "return") ? "{\"condition\":\"good\"}" : NULL;
        g_autoptr(LpTestResponse) resp = lp_loan_world_act (world, token, loan, actions[a], body);

        if (results[s][a] != NULL)
          {
            lp_assert_status (resp, 200);
            g_assert_cmpstr (lp_json_str (resp, "status"), ==, results[s][a]);
            continue;
          }
        if (resp->status != 409 ||
            g_strcmp0 (lp_test_response_error_code (resp), "invalid_transition") != 0)
          g_error ("%s from %s: HTTP %u", actions[a], statuses[s], resp->status);
        g_assert_cmpint (stock_available (item), ==, stock_before);
      }
}

/* An approved loan nobody collects: the member cannot take it back, the desk can, and its
 * units return to the shelf. */
static void
test_desk_cancels_uncollected_loan (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 2, "available");
  g_autofree char *loan = lp_loan_world_loan_in (world, item, "approved");
  gint64 before = stock_available (item);
  g_autoptr(LpTestResponse) by_member = lp_loan_world_act (world, world->member, loan, "cancel",
                                                           NULL);
  g_autoptr(LpTestResponse) by_desk = NULL;

  lp_assert_status (by_member, 409);
  g_assert_cmpstr (lp_test_response_error_code (by_member), ==, "invalid_transition");
  g_assert_cmpint (stock_available (item), ==, before);

  by_desk = lp_loan_world_act (world, world->staff, loan, "cancel", NULL);
  lp_assert_status (by_desk, 200);
  g_assert_cmpstr (lp_json_str (by_desk, "status"), ==, "cancelled");
  g_assert_cmpint (stock_available (item), ==, before + 1);
}

typedef struct
{
  const char *method;
  const char *path;     /* {loan} {code} {pending} are replaced */
  const char *body;
  guint       guest, member, other, staff, admin;
} RoleRow;

static void
check_role_row (const RoleRow *row,
                const char    *loan,
                const char    *code,
                const char    *item)
{
  const char *tokens[] = { NULL, world->member, world->other, world->staff, world->admin };
  const guint expected[] = { row->guest, row->member, row->other, row->staff, row->admin };

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_autofree char *pending = lp_loan_world_new_loan (world, item, 1, 1, 1);
      g_autoptr(GString) path = g_string_new (row->path);
      g_autoptr(GString) body = g_string_new (row->body);
      g_autoptr(LpTestResponse) resp = NULL;

      g_string_replace (path, "{loan}", loan, 0);
      g_string_replace (path, "{code}", code, 0);
      g_string_replace (path, "{pending}", pending, 0);
      g_string_replace (body, "{item}", item, 0);
      resp = lp_test_request (server, row->method, path->str, tokens[i],
                              row->body != NULL ? body->str : NULL);
      if (resp->status != expected[i])
        g_error ("%s %s as #%u: expected %u, got %u", row->method, row->path, i, expected[i],
                 resp->status);
    }
}

/* Guest, member (the owner), another member, staff, admin, for every loan endpoint. */
static void
test_roles (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 50, "available");
  g_autofree char *loan = lp_loan_world_new_loan (world, item, 1, 1, 1);
  g_autofree char *code = lp_loan_world_sql (world, "SELECT code FROM loans WHERE id = $1",
                                             loan, NULL);
  g_autofree char *tomorrow = lp_loan_world_date (world, 1);
  g_autofree char *request = g_strdup_printf ("{\"item_id\":\"{item}\",\"quantity\":1,"
                                              "\"start_date\":\"%s\",\"due_date\":\"%s\","
                                              "\"purpose\":\"Rapat\"}", tomorrow, tomorrow);
  const RoleRow rows[] = {
    { "GET", "/api/v1/loans", NULL, 401, 200, 200, 200, 200 },
    { "POST", "/api/v1/loans", request, 401, 201, 201, 403, 403 },
    { "GET", "/api/v1/loans/{loan}", NULL, 401, 200, 404, 200, 200 },
    { "GET", "/api/v1/loans/by-code/{code}", NULL, 401, 403, 403, 200, 200 },
    { "POST", "/api/v1/loans/{pending}/approve", NULL, 401, 403, 403, 200, 200 },
    { "POST", "/api/v1/loans/{pending}/reject", NULL, 401, 403, 403, 200, 200 },
    { "POST", "/api/v1/loans/{pending}/cancel", NULL, 401, 200, 404, 200, 200 },
    { "POST", "/api/v1/loans/{pending}/handover", NULL, 401, 403, 403, 409, 409 },
    { "POST", "/api/v1/loans/{pending}/return", "{\"condition\":\"good\"}",
      401, 403, 403, 409, 409 },
    { "GET", "/api/v1/returns", NULL, 401, 403, 403, 200, 200 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    check_role_row (&rows[i], loan, code, item);
}

static gint64
page_total (const char *path,
            const char *token)
{
  g_autoptr(LpTestResponse) resp = lp_test_request (server, "GET", path, token, NULL);

  lp_assert_status (resp, 200);
  return lp_json_int (resp, "total");
}

/* A fresh world per list test keeps the counts exact. */
static void
test_list_and_filters (void)
{
  g_autoptr(LpLoanWorld) w = lp_loan_world_new (server, "lf");
  LpLoanWorld *saved = world;
  g_autofree char *item = NULL;
  g_autofree char *path = NULL;
  g_autofree char *loan = NULL;
  g_autoptr(LpTestResponse) other = NULL;

  world = w;
  item = lp_loan_world_add_item (w, 5, "available");
  loan = lp_loan_world_new_loan (w, item, 1, 1, 2);
  g_free (lp_loan_world_new_loan (w, item, 1, 3, 4));
  other = lp_loan_world_request (w, w->other, item, 1, 1, 1);
  lp_assert_status (other, 201);
  lp_loan_world_step (w, loan, "approve", NULL);

  path = g_strdup_printf ("/api/v1/loans?item_id=%s", item);
  g_assert_cmpint (page_total (path, w->member), ==, 2);   /* own only */
  g_assert_cmpint (page_total (path, w->other), ==, 1);
  g_assert_cmpint (page_total (path, w->staff), ==, 3);
  g_clear_pointer (&path, g_free);
  path = g_strdup_printf ("/api/v1/loans?item_id=%s&status=approved", item);
  g_assert_cmpint (page_total (path, w->staff), ==, 1);
  g_clear_pointer (&path, g_free);
  path = g_strdup_printf ("/api/v1/loans?item_id=%s&user_id=%s", item, w->other_id);
  g_assert_cmpint (page_total (path, w->admin), ==, 1);
  g_assert_cmpint (page_total (path, w->member), ==, 0);
  g_clear_pointer (&path, g_free);
  path = g_strdup_printf ("/api/v1/loans?item_id=%s&q=lf.oth", item);
  g_assert_cmpint (page_total (path, w->staff), ==, 1);
  g_clear_pointer (&path, g_free);
  /* ?member= is the borrower's whole username, in any case: no partial match. */
  path = g_strdup_printf ("/api/v1/loans?item_id=%s&member=lf.other", item);
  g_assert_cmpint (page_total (path, w->staff), ==, 1);
  g_clear_pointer (&path, g_free);
  path = g_strdup_printf ("/api/v1/loans?item_id=%s&member=LF.Other", item);
  g_assert_cmpint (page_total (path, w->staff), ==, 1);
  g_clear_pointer (&path, g_free);
  path = g_strdup_printf ("/api/v1/loans?item_id=%s&member=lf.member", item);
  g_assert_cmpint (page_total (path, w->staff), ==, 2);
  g_clear_pointer (&path, g_free);
  path = g_strdup_printf ("/api/v1/loans?item_id=%s&member=lf.oth", item);
  g_assert_cmpint (page_total (path, w->staff), ==, 0);
  g_clear_pointer (&path, g_free);
  path = g_strdup_printf ("/api/v1/loans?item_id=%s&member=", item);
  g_assert_cmpint (page_total (path, w->staff), ==, 3);
  g_clear_pointer (&path, g_free);
  /* A member's own loans only, whoever they name. */
  path = g_strdup_printf ("/api/v1/loans?item_id=%s&member=lf.other", item);
  g_assert_cmpint (page_total (path, w->member), ==, 0);
  g_clear_pointer (&path, g_free);
  {
    g_autofree char *d3 = lp_loan_world_date (w, 3);
    path = g_strdup_printf ("/api/v1/loans?item_id=%s&from=%s&to=%s", item, d3, d3);
    g_assert_cmpint (page_total (path, w->staff), ==, 1);
  }
  world = saved;
}

/* ?sort=due_date puts the earliest due date first (the desk's overdue list), ?sort=oldest
 * the first requested (the desk's requests); the default stays newest first; anything
 * else is a validation error. */
static void
test_list_sorted_by_due_date (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 5, "available");
  /* Requested first, due first: the two orders disagree. */
  g_autofree char *early = lp_loan_world_new_loan (world, item, 1, 1, 2);
  g_autofree char *late = lp_loan_world_new_loan (world, item, 1, 1, 9);
  g_autofree char *path = g_strdup_printf ("/api/v1/loans?item_id=%s&sort=due_date", item);
  g_autofree char *newest = g_strdup_printf ("/api/v1/loans?item_id=%s", item);
  g_autoptr(LpTestResponse) by_due = lp_test_request (server, "GET", path, world->staff, NULL);
  g_autoptr(LpTestResponse) by_created = lp_test_request (server, "GET", newest, world->staff,
                                                          NULL);
  g_autofree char *oldest = g_strdup_printf ("/api/v1/loans?item_id=%s&sort=oldest", item);
  g_autoptr(LpTestResponse) by_age = lp_test_request (server, "GET", oldest, world->staff, NULL);
  g_autoptr(LpTestResponse) bad = lp_test_request (server, "GET", "/api/v1/loans?sort=code",
                                                   world->staff, NULL);
  JsonArray *items;

  lp_assert_status (by_due, 200);
  items = json_object_get_array_member (lp_test_response_object (by_due), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "id"),
                   ==, early);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "id"),
                   ==, late);
  lp_assert_status (by_created, 200);
  items = json_object_get_array_member (lp_test_response_object (by_created), "items");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "id"),
                   ==, late);
  lp_assert_status (by_age, 200);
  items = json_object_get_array_member (lp_test_response_object (by_age), "items");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "id"),
                   ==, early);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "id"),
                   ==, late);
  lp_assert_error (bad, 422, "validation_failed");
}

/* ?due_on= keeps the loans due on that one day (the desk's "due today"), whatever they
 * started; a malformed day is a validation error. */
static void
test_list_due_on (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 5, "available");
  g_autofree char *due3 = lp_loan_world_new_loan (world, item, 1, 1, 3);
  g_autofree char *also3 = lp_loan_world_new_loan (world, item, 1, 2, 3);
  g_autofree char *due4 = lp_loan_world_new_loan (world, item, 1, 1, 4);
  g_autofree char *day3 = lp_loan_world_date (world, 3);
  g_autofree char *path = g_strdup_printf ("/api/v1/loans?item_id=%s&due_on=%s", item, day3);
  g_autoptr(LpTestResponse) bad = lp_test_request (server, "GET", "/api/v1/loans?due_on=tomorrow",
                                                   world->staff, NULL);

  g_assert_cmpint (page_total (path, world->staff), ==, 2);
  lp_assert_error (bad, 422, "validation_failed");
}

static void
test_list_bad_filters (void)
{
  g_autoptr(LpTestResponse) status = lp_test_request (server, "GET", "/api/v1/loans?status=lost",
                                                      world->staff, NULL);
  g_autoptr(LpTestResponse) user = lp_test_request (server, "GET", "/api/v1/loans?user_id=x",
                                                    world->staff, NULL);
  g_autoptr(LpTestResponse) date = lp_test_request (server, "GET", "/api/v1/loans?from=31-01-2026",
                                                    world->staff, NULL);
  g_autoptr(LpTestResponse) limit = lp_test_request (server, "GET", "/api/v1/loans?limit=501",
                                                     world->staff, NULL);
  /* The request module's validators: an empty date or enum is no filter, as a form sends
   * it; an empty id names nothing. */
  g_autoptr(LpTestResponse) empty = lp_test_request (server, "GET",
                                                     "/api/v1/loans?status=&from=&to=",
                                                     world->staff, NULL);
  g_autoptr(LpTestResponse) empty_id = lp_test_request (server, "GET", "/api/v1/loans?item_id=",
                                                        world->staff, NULL);

  lp_assert_error (status, 400, "bad_request");
  lp_assert_error (user, 422, "validation_failed");
  lp_assert_error (date, 422, "validation_failed");
  lp_assert_error (limit, 422, "validation_failed");
  lp_assert_status (empty, 200);
  lp_assert_error (empty_id, 422, "validation_failed");
}

static void
test_get_and_by_code (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 1, "available");
  g_autofree char *loan = lp_loan_world_loan_in (world, item, "returned");
  g_autofree char *path = g_strdup_printf ("/api/v1/loans/%s", loan);
  g_autofree char *code = lp_loan_world_sql (world, "SELECT lower(code) FROM loans WHERE id = $1",
                                             loan, NULL);
  g_autofree char *by_code = g_strdup_printf ("/api/v1/loans/by-code/%s", code);
  g_autoptr(LpTestResponse) own = lp_test_request (server, "GET", path, world->member, NULL);
  g_autoptr(LpTestResponse) scanned = lp_test_request (server, "GET", by_code, world->staff, NULL);
  g_autoptr(LpTestResponse) unknown = NULL;
  g_autoptr(LpTestResponse) malformed = NULL;
  g_autoptr(LpTestResponse) no_code = NULL;
  JsonObject *ret;

  lp_assert_status (own, 200);
  ret = json_object_get_object_member (lp_test_response_object (own), "return");
  g_assert_nonnull (ret);
  g_assert_cmpstr (json_object_get_string_member (ret, "condition"), ==, "good");
  g_assert_cmpstr (json_object_get_string_member (ret, "inspected_by"), ==, world->staff_id);
  lp_assert_status (scanned, 200);
  g_assert_cmpstr (lp_json_str (scanned, "id"), ==, loan);
  unknown = lp_test_request (server, "GET", "/api/v1/loans/00000000-0000-4000-8000-000000000000",
                             world->staff, NULL);
  lp_assert_error (unknown, 404, "not_found");
  malformed = lp_test_request (server, "GET", "/api/v1/loans/12345", world->staff, NULL);
  lp_assert_error (malformed, 404, "not_found");
  no_code = lp_test_request (server, "GET", "/api/v1/loans/by-code/LP-1999-000001", world->staff,
                             NULL);
  lp_assert_error (no_code, 404, "not_found");
}

/* A borrowed loan past its due date reads as overdue at once, filters included. */
static void
test_overdue_on_read (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 1, "available");
  g_autofree char *loan = lp_loan_world_loan_in (world, item, "overdue");
  g_autofree char *path = g_strdup_printf ("/api/v1/loans/%s", loan);
  g_autofree char *overdue = g_strdup_printf ("/api/v1/loans?item_id=%s&status=overdue", item);
  g_autofree char *borrowed = g_strdup_printf ("/api/v1/loans?item_id=%s&status=borrowed", item);
  g_autoptr(LpTestResponse) resp = lp_test_request (server, "GET", path, world->member, NULL);

  lp_assert_status (resp, 200);
  g_assert_cmpstr (lp_json_str (resp, "status"), ==, "overdue");
  g_assert_cmpint (page_total (overdue, world->staff), ==, 1);
  g_assert_cmpint (page_total (borrowed, world->staff), ==, 0);
}

/* The periodic job stores it: every server instance runs it when it starts, then every
 * minute, so a second instance on the same database shows it without waiting. */
static void
test_overdue_job (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 1, "available");
  g_autofree char *loan = lp_loan_world_loan_in (world, item, "overdue");
  g_autoptr(LpTestServer) another = NULL;
  gint64 deadline;
  g_autofree char *stored = NULL;

  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM loans WHERE id = $1"
                                          " AND status = 'borrowed'", loan, NULL), ==, 1);
  another = lp_test_server_start_another (server);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      g_free (stored);
      stored = lp_loan_world_sql (world, "SELECT status FROM loans WHERE id = $1", loan, NULL);
      if (g_str_equal (stored, "overdue"))
        break;
      g_usleep (50 * 1000);
    }
  g_assert_cmpstr (stored, ==, "overdue");
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM activity_log"
                                          " WHERE action = 'loan.overdue' AND record_id = $1"
                                          " AND username = 'system'", loan, NULL), ==, 1);
  /* And it comes back like any other. */
  lp_loan_world_step (world, loan, "return", "{\"condition\":\"good\"}");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = lp_test_server_start (NULL);
  world = lp_loan_world_new (server, "ln");

  g_test_add_func ("/lp/loans/request/ok", test_request_ok);
  g_test_add_func ("/lp/loans/request/validation", test_request_validation);
  g_test_add_func ("/lp/loans/request/lendable", test_request_needs_lendable_item);
  g_test_add_func ("/lp/loans/overbooked/single-unit", test_overbooked_single_unit);
  g_test_add_func ("/lp/loans/overbooked/units", test_overbooked_counts_units);
  g_test_add_func ("/lp/loans/approve/ok", test_approve);
  g_test_add_func ("/lp/loans/approve/overbooked", test_approve_rechecks_overbooking);
  g_test_add_func ("/lp/loans/approve/insufficient-stock", test_approve_needs_stock_on_shelf);
  g_test_add_func ("/lp/loans/approve/maintenance", test_approve_item_in_maintenance);
  g_test_add_func ("/lp/loans/reject-cancel-handover", test_reject_cancel_handover);
  g_test_add_func ("/lp/loans/desk-cancels-uncollected", test_desk_cancels_uncollected_loan);
  g_test_add_func ("/lp/loans/transitions", test_transition_matrix);
  g_test_add_func ("/lp/loans/roles", test_roles);
  g_test_add_func ("/lp/loans/list/filters", test_list_and_filters);
  g_test_add_func ("/lp/loans/list/bad-filters", test_list_bad_filters);
  g_test_add_func ("/lp/loans/list/sort-due-date", test_list_sorted_by_due_date);
  g_test_add_func ("/lp/loans/list/due-on", test_list_due_on);
  g_test_add_func ("/lp/loans/get", test_get_and_by_code);
  g_test_add_func ("/lp/loans/overdue/on-read", test_overdue_on_read);
  g_test_add_func ("/lp/loans/overdue/job", test_overdue_job);

  status = g_test_run ();
  lp_loan_world_free (world);
  lp_test_server_free (server);
  return status;
}
