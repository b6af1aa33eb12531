/* test-returns.c: returning a loan with its inspection (seed 002 §4, SPEC §4) — stock,
 * item condition and status, condition events, the automatic complaint for a lost unit,
 * fines in the library's time zone, photos, and the return history.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-loan-fixtures.h"

static LpTestServer *server;
static LpLoanWorld *world;

static const guint8 png_bytes[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
};

static char *
item_column (const char *item,
             const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s::text FROM items WHERE id = $1", column);

  return lp_loan_world_sql (world, sql, item, NULL);
}

/* A borrowed loan of quantity units, ready to come back. */
static char *
borrowed_loan (const char *item,
               int         quantity)
{
  char *loan = lp_loan_world_new_loan (world, item, quantity, 0, 2);

  lp_loan_world_step (world, loan, "approve", NULL);
  lp_loan_world_step (world, loan, "handover", NULL);
  return loan;
}

static LpTestResponse *
return_loan (const char *loan,
             const char *body)
{
  return lp_loan_world_act (world, world->staff, loan, "return", body);
}

static char *
upload_png (const char *token)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (png_bytes, sizeof png_bytes);
  g_autoptr(LpTestResponse) resp = lp_test_request_bytes (server, "POST", "/api/v1/attachments",
                                                          token, "image/png", bytes);

  lp_assert_status (resp, 201);
  return g_strdup (lp_json_str (resp, "id"));
}

static void
test_return_good (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 3, "available");
  g_autofree char *loan = borrowed_loan (item, 2);
  g_autoptr(LpTestResponse) resp = return_loan (loan, "{\"condition\":\"good\","
                                                "\"staff_notes\":\"Lengkap\"}");
  g_autofree char *stock = item_column (item, "stock_available");
  g_autofree char *status = item_column (item, "status");
  JsonObject *ret;

  lp_assert_status (resp, 200);
  g_assert_cmpstr (lp_json_str (resp, "status"), ==, "returned");
  g_assert_nonnull (lp_json_str (resp, "returned_at"));
  g_assert_cmpint (lp_json_int (resp, "fine"), ==, 0);
  ret = json_object_get_object_member (lp_test_response_object (resp), "return");
  g_assert_cmpstr (json_object_get_string_member (ret, "condition"), ==, "good");
  g_assert_cmpstr (json_object_get_string_member (ret, "staff_notes"), ==, "Lengkap");
  g_assert_cmpstr (stock, ==, "3");
  g_assert_cmpstr (status, ==, "available");
  /* A condition event is written, resolved at once: nothing to repair. */
  g_assert_cmpint (lp_loan_world_sql_int (world,
                                          "SELECT count(*) FROM item_condition_events"
                                          " WHERE loan_id = $1"
                                          " AND source = 'return' AND condition_to = 'good'"
                                          " AND resolved_at IS NOT NULL", loan, NULL), ==, 1);
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM activity_log"
                                          " WHERE action = 'loan.return' AND record_id = $1"
                                          " AND old_data->>'status' = 'borrowed'"
                                          " AND new_data->>'status' = 'returned'", loan, NULL),
                   ==, 1);
}

/* The desk forgot the hand-over: an approved loan comes back all the same, is recorded as
 * handed over at approval, and has the effects of any return (stock, condition, log). */
static void
test_return_approved (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 3, "available");
  g_autofree char *loan = lp_loan_world_new_loan (world, item, 2, 0, 2);
  g_autoptr(LpTestResponse) resp = NULL;
  g_autofree char *stock_out = NULL, *stock = NULL, *condition = NULL, *status = NULL;

  lp_loan_world_step (world, loan, "approve", NULL);
  stock_out = item_column (item, "stock_available");
  g_assert_cmpstr (stock_out, ==, "1");
  resp = return_loan (loan, "{\"condition\":\"minor_damage\",\"damage_category\":"
                      "\"physical\",\"damage_description\":\"Sampul sobek\"}");
  lp_assert_status (resp, 200);
  g_assert_cmpstr (lp_json_str (resp, "status"), ==, "returned");
  stock = item_column (item, "stock_available");
  condition = item_column (item, "condition");
  status = item_column (item, "status");
  g_assert_cmpstr (stock, ==, "3");
  g_assert_cmpstr (condition, ==, "minor_damage");
  g_assert_cmpstr (status, ==, "needs_maintenance");
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM loans WHERE id = $1"
                                          " AND handed_over_at = decided_at", loan, NULL), ==, 1);
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM activity_log"
                                          " WHERE action = 'loan.handover' AND record_id = $1"
                                          " AND old_data->>'status' = 'approved'"
                                          " AND new_data->>'note' LIKE 'Recorded by the return%'",
                                          loan, NULL), ==, 1);
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM activity_log"
                                          " WHERE action = 'loan.return' AND record_id = $1"
                                          " AND new_data->>'status' = 'returned'", loan, NULL),
                   ==, 1);
  g_assert_cmpint (lp_loan_world_sql_int (world,
                                          "SELECT count(*) FROM item_condition_events"
                                          " WHERE loan_id = $1 AND condition_to = 'minor_damage'",
                                          loan, NULL), ==, 1);
}

typedef struct
{
  const char *condition;
  const char *item_condition;
  const char *item_status;
  gboolean    lendable;
} ConditionCase;

/* Each condition puts the units back on the shelf and moves the item as SPEC §4 says. */
static void
test_return_conditions (void)
{
  const ConditionCase cases[] = {
    { "minor_damage", "minor_damage", "needs_maintenance", TRUE },
    { "major_damage", "major_damage", "maintenance", FALSE },
    { "lost", "lost", "unavailable", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *item = lp_loan_world_add_item (world, 2, "available");
      g_autofree char *loan = borrowed_loan (item, 1);
      g_autofree char *body = g_strdup_printf ("{\"condition\":\"%s\",\"damage_category\":"
                                               "\"physical\",\"damage_description\":\"Retak\"}",
                                               cases[i].condition);
      g_autoptr(LpTestResponse) resp = return_loan (loan, body);
      g_autoptr(LpTestResponse) next = NULL;
      g_autofree char *stock = NULL, *condition = NULL, *status = NULL;

      lp_assert_status (resp, 200);
      stock = item_column (item, "stock_available");
      condition = item_column (item, "condition");
      status = item_column (item, "status");
      g_assert_cmpstr (stock, ==, "2");
      g_assert_cmpstr (condition, ==, cases[i].item_condition);
      g_assert_cmpstr (status, ==, cases[i].item_status);
      g_assert_cmpint (lp_loan_world_sql_int (world,
                                              "SELECT count(*) FROM item_condition_events"
                                              " WHERE loan_id = $1 AND condition_from = 'good'"
                                              " AND condition_to = $2 AND resolved_at IS NULL"
                                              " AND note = 'Retak'",
                                              loan, cases[i].condition, NULL), ==, 1);
      next = lp_loan_world_request (world, world->member, item, 1, 3, 4);
      lp_assert_status (next, cases[i].lendable ? 201 : 409);
    }
}

/* Lost: an automatic complaint, from the system, tied to the loan and the item. */
static void
test_return_lost_opens_complaint (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 1, "available");
  g_autofree char *loan = borrowed_loan (item, 1);
  g_autoptr(LpTestResponse) resp = return_loan (loan, "{\"condition\":\"lost\"}");
  const char *complaint;

  lp_assert_status (resp, 200);
  complaint = lp_json_str (resp, "complaint_id");
  g_assert_nonnull (complaint);
  g_assert_cmpint (lp_loan_world_sql_int (world,
                                          "SELECT count(*) FROM complaints WHERE id = $1"
                                          " AND is_system AND reporter_id IS NULL"
                                          " AND loan_id = $2 AND item_id = $3"
                                          " AND status = 'waiting' AND title LIKE 'Lost%'",
                                          complaint, loan, item, NULL), ==, 1);
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM activity_log"
                                          " WHERE action = 'complaint.create' AND record_id = $1",
                                          complaint, NULL), ==, 1);
}

/* A return never improves the item: another unit's damage still needs the repair. */
static void
test_return_keeps_worse_condition (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 2, "available");
  g_autofree char *first = lp_loan_world_new_loan (world, item, 1, 0, 2);
  g_autofree char *second = lp_loan_world_new_loan (world, item, 1, 0, 2);
  g_autoptr(LpTestResponse) damaged = NULL;
  g_autoptr(LpTestResponse) good = NULL;
  g_autofree char *condition = NULL, *status = NULL;

  for (guint i = 0; i < 2; i++)
    {
      lp_loan_world_step (world, i == 0 ? first : second, "approve", NULL);
      lp_loan_world_step (world, i == 0 ? first : second, "handover", NULL);
    }
  damaged = return_loan (first, "{\"condition\":\"minor_damage\"}");
  lp_assert_status (damaged, 200);
  good = return_loan (second, "{\"condition\":\"good\"}");
  lp_assert_status (good, 200);
  condition = item_column (item, "condition");
  status = item_column (item, "status");
  g_assert_cmpstr (condition, ==, "minor_damage");
  g_assert_cmpstr (status, ==, "needs_maintenance");
}

static void
set_fine (gint64 per_day)
{
  g_autofree char *body = g_strdup_printf ("{\"fine_per_day\":%" G_GINT64_FORMAT "}", per_day);
  g_autoptr(LpTestResponse) resp = lp_test_request (server, "PATCH", "/api/v1/settings",
                                                    world->admin, body);

  lp_assert_status (resp, 200);
}

/* fine = days late × fine_per_day, days counted in the library's time zone; 0 is off. */
static void
test_fines (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 3, "available");
  g_autofree char *late = borrowed_loan (item, 1);
  g_autofree char *free_of_fines = borrowed_loan (item, 1);
  g_autofree char *on_time = borrowed_loan (item, 1);
  g_autoptr(LpTestResponse) fined = NULL;
  g_autoptr(LpTestResponse) off = NULL;
  g_autoptr(LpTestResponse) in_time = NULL;

  g_free (lp_loan_world_sql (world, "UPDATE loans SET start_date = library_today() - 6,"
                             " due_date = library_today() - 3 WHERE id = $1 OR id = $2",
                             late, free_of_fines, NULL));
  set_fine (1000);
  fined = return_loan (late, "{\"condition\":\"good\"}");
  lp_assert_status (fined, 200);
  g_assert_cmpint (lp_json_int (fined, "fine"), ==, 3000);
  in_time = return_loan (on_time, "{\"condition\":\"good\"}");
  g_assert_cmpint (lp_json_int (in_time, "fine"), ==, 0);
  set_fine (0);
  off = return_loan (free_of_fines, "{\"condition\":\"good\"}");
  g_assert_cmpint (lp_json_int (off, "fine"), ==, 0);
}

/* Days late follow the library's calendar, not UTC's. */
static void
test_fine_uses_library_timezone (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 1, "available");
  g_autofree char *loan = borrowed_loan (item, 1);
  g_autofree char *due = NULL;
  g_autofree char *returned_at = NULL;
  g_autofree char *body = NULL;
  g_autoptr(LpTestResponse) resp = NULL;

  /* Due two days ago; returned yesterday at 00:30 Jakarta time, which is 17:30 UTC on
   * the due date itself: one day late in the library, on time on a UTC calendar. */
  g_free (lp_loan_world_sql (world, "UPDATE loans SET start_date = library_today() - 3,"
                             " due_date = library_today() - 2,"
                             " handed_over_at = now() - interval '4 days'"
                             " WHERE id = $1", loan, NULL));
  due = lp_loan_world_date (world, -2);
  returned_at = lp_loan_world_sql (world,
                                   "SELECT to_char(((library_today() - 1) + time '00:30')"
                                   " AT TIME ZONE 'Asia/Jakarta' AT TIME ZONE 'UTC',"
                                   " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')", NULL);
  set_fine (500);
  body = g_strdup_printf ("{\"condition\":\"good\",\"returned_at\":\"%s\"}", returned_at);
  resp = return_loan (loan, body);
  lp_assert_status (resp, 200);
  g_assert_cmpint (lp_json_int (resp, "fine"), ==, 500);
  set_fine (0);
}

static void
test_return_validation (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 1, "available");
  g_autofree char *loan = borrowed_loan (item, 1);
  const struct { const char *body; guint status; } cases[] = {
    { "{\"condition\":\"broken\"}", 400 },
    { "{}", 422 },
    { "{\"condition\":\"good\",\"damage_category\":\"water\"}", 400 },
    { "{\"condition\":\"good\",\"returned_at\":\"2999-01-01T00:00:00Z\"}", 422 },
    { "{\"condition\":\"good\",\"returned_at\":\"2000-01-01T00:00:00Z\"}", 422 },
    { "{\"condition\":\"good\",\"returned_at\":\"yesterday\"}", 422 },
    { "{\"condition\":\"good\",\"attachment_ids\":[\"x\"]}", 422 },
    { "{\"condition\":\"good\","
      "\"attachment_ids\":[\"00000000-0000-4000-8000-000000000000\"]}", 422 },
    { "{\"condition\":\"good\",\"attachment_ids\":\"x\"}", 400 },
    { "{\"condition\":1}", 400 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LpTestResponse) resp = return_loan (loan, cases[i].body);

      if (resp->status != cases[i].status)
        g_error ("%s: HTTP %u", cases[i].body, resp->status);
    }
  /* None of them changed anything. */
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM loans WHERE id = $1"
                                          " AND status = 'borrowed'", loan, NULL), ==, 1);
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM returns WHERE loan_id = $1",
                                          loan, NULL), ==, 0);
}

static void
test_return_with_photos (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 2, "available");
  g_autofree char *loan = borrowed_loan (item, 1);
  g_autofree char *again = borrowed_loan (item, 1);
  g_autofree char *photo = upload_png (world->staff);
  g_autofree char *body = g_strdup_printf ("{\"condition\":\"minor_damage\","
                                           "\"attachment_ids\":[\"%s\"]}", photo);
  g_autoptr(LpTestResponse) resp = return_loan (loan, body);
  g_autoptr(LpTestResponse) reused = NULL;
  JsonArray *ids;

  lp_assert_status (resp, 200);
  ids = json_object_get_array_member (json_object_get_object_member (lp_test_response_object (resp),
                                                                     "return"), "attachment_ids");
  g_assert_cmpint (json_array_get_length (ids), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (ids, 0), ==, photo);
  /* A photo belongs to one record only; the failed return changes nothing. */
  reused = return_loan (again, body);
  lp_assert_error (reused, 422, "validation_failed");
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT stock_available FROM items WHERE id = $1",
                                          item, NULL), ==, 1);
}

static gint64
returns_total (const char *query)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/returns?%s", query);
  g_autoptr(LpTestResponse) resp = lp_test_request (server, "GET", path, world->staff, NULL);

  lp_assert_status (resp, 200);
  return lp_json_int (resp, "total");
}

static void
test_return_history (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 3, "available");
  g_autofree char *a = borrowed_loan (item, 1);
  g_autofree char *b = borrowed_loan (item, 1);
  g_autofree char *today = lp_loan_world_date (world, 0);
  g_autofree char *tomorrow = lp_loan_world_date (world, 1);
  g_autofree char *q = NULL;
  g_autoptr(LpTestResponse) first = return_loan (a, "{\"condition\":\"good\"}");
  g_autoptr(LpTestResponse) second = return_loan (b, "{\"condition\":\"major_damage\"}");
  g_autoptr(LpTestResponse) bad = NULL;
  g_autoptr(LpTestResponse) list = NULL;
  JsonObject *row;

  lp_assert_status (first, 200);
  lp_assert_status (second, 200);
  q = g_strdup_printf ("item_id=%s", item);
  g_assert_cmpint (returns_total (q), ==, 2);
  g_free (q);
  q = g_strdup_printf ("item_id=%s&condition=major_damage", item);
  g_assert_cmpint (returns_total (q), ==, 1);
  g_free (q);
  q = g_strdup_printf ("item_id=%s&from=%s&to=%s", item, today, today);
  g_assert_cmpint (returns_total (q), ==, 2);
  g_free (q);
  q = g_strdup_printf ("item_id=%s&from=%s", item, tomorrow);
  g_assert_cmpint (returns_total (q), ==, 0);
  g_free (q);
  q = g_strdup_printf ("/api/v1/returns?item_id=%s", item);
  list = lp_test_request (server, "GET", q, world->admin, NULL);
  row = json_array_get_object_element (json_object_get_array_member (lp_test_response_object (list),
                                                                     "items"), 0);
  g_assert_nonnull (json_object_get_object_member (row, "user"));
  row = json_object_get_object_member (row, "loan");
  g_assert_cmpstr (json_object_get_string_member (row, "id"), ==, b);
  bad = lp_test_request (server, "GET", "/api/v1/returns?condition=meh", world->staff, NULL);
  lp_assert_error (bad, 400, "bad_request");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = lp_test_server_start (NULL);
  world = lp_loan_world_new (server, "rt");

  g_test_add_func ("/lp/returns/approved-loan", test_return_approved);
  g_test_add_func ("/lp/returns/good", test_return_good);
  g_test_add_func ("/lp/returns/conditions", test_return_conditions);
  g_test_add_func ("/lp/returns/lost-complaint", test_return_lost_opens_complaint);
  g_test_add_func ("/lp/returns/worse-condition", test_return_keeps_worse_condition);
  g_test_add_func ("/lp/returns/fines", test_fines);
  g_test_add_func ("/lp/returns/fine-timezone", test_fine_uses_library_timezone);
  g_test_add_func ("/lp/returns/validation", test_return_validation);
  g_test_add_func ("/lp/returns/photos", test_return_with_photos);
  g_test_add_func ("/lp/returns/history", test_return_history);

  status = g_test_run ();
  lp_loan_world_free (world);
  lp_test_server_free (server);
  return status;
}
