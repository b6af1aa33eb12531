/* test-settings.c: the library's settings — who may read and change them, validation,
 * the audit trail, and their effect on loans (maximum length, the library's "today").
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-loan-fixtures.h"
#include "lp-validation.h"

static LpTestServer *server;
static LpLoanWorld *world;

static LpTestResponse *
patch (const char *token,
       const char *body)
{
  return lp_test_request (server, "PATCH", "/api/v1/settings", token, body);
}

static void
test_defaults_and_readers (void)
{
  const char *tokens[] = { NULL, world->member, world->staff, world->admin };
  /* Members read them too: their calendar's longest loan, the school on their receipt. */
  const guint expected[] = { 401, 200, 200, 200 };

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_autoptr(LpTestResponse) resp = lp_test_request (server, "GET", "/api/v1/settings",
                                                        tokens[i], NULL);

      lp_assert_status (resp, expected[i]);
      if (expected[i] != 200)
        continue;
      g_assert_cmpint (lp_json_int (resp, "fine_per_day"), ==, 0);
      g_assert_cmpstr (lp_json_str (resp, "timezone"), ==, "Asia/Jakarta");
      g_assert_cmpint (lp_json_int (resp, "max_loan_days"), ==, 14);
      g_assert_cmpint (lp_json_int (resp, "kiosk_idle_seconds"), ==, 120);
      g_assert_cmpstr (lp_json_str (resp, "school_name"), ==, "");
      g_assert_cmpstr (lp_json_str (resp, "school_address"), ==, "");
    }
}

static void
test_only_admins_change (void)
{
  const char *tokens[] = { NULL, world->member, world->staff };
  const guint expected[] = { 401, 403, 403 };

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_autoptr(LpTestResponse) resp = patch (tokens[i], "{\"fine_per_day\":100}");
      g_autoptr(LpTestResponse) address = patch (tokens[i],
                                                 "{\"school_address\":\"Jl. Palsu 1\"}");

      lp_assert_status (resp, expected[i]);
      lp_assert_status (address, expected[i]);
    }
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM settings"
                                          " WHERE school_address <> ''", NULL), ==, 0);
}

static void
test_update_and_audit (void)
{
  g_autoptr(LpTestResponse) resp = patch (world->admin,
                                          "{\"fine_per_day\":2500,\"timezone\":\"Asia/Makassar\","
                                          "\"max_loan_days\":30,\"kiosk_idle_seconds\":300,"
                                          "\"school_name\":\"  SMA Negeri 1 Lentera \"}");
  g_autoptr(LpTestResponse) partial = NULL;
  g_autoptr(LpTestResponse) back = NULL;

  lp_assert_status (resp, 200);
  g_assert_cmpint (lp_json_int (resp, "fine_per_day"), ==, 2500);
  g_assert_cmpstr (lp_json_str (resp, "timezone"), ==, "Asia/Makassar");
  g_assert_cmpint (lp_json_int (resp, "max_loan_days"), ==, 30);
  g_assert_cmpint (lp_json_int (resp, "kiosk_idle_seconds"), ==, 300);
  g_assert_cmpstr (lp_json_str (resp, "school_name"), ==, "SMA Negeri 1 Lentera");
  g_assert_cmpstr (lp_json_str (resp, "school_address"), ==, "");
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM activity_log"
                                          " WHERE action = 'settings.update'"
                                          " AND old_data->>'timezone' = 'Asia/Jakarta'"
                                          " AND new_data->>'timezone' = 'Asia/Makassar'", NULL),
                   ==, 1);
  /* Members not given keep their values. */
  partial = patch (world->admin, "{\"fine_per_day\":0}");
  lp_assert_status (partial, 200);
  g_assert_cmpint (lp_json_int (partial, "max_loan_days"), ==, 30);
  back = patch (world->admin, "{\"timezone\":\"Asia/Jakarta\",\"max_loan_days\":14,"
                "\"kiosk_idle_seconds\":120,\"school_name\":\"\"}");
  lp_assert_status (back, 200);
}

static void
test_validation (void)
{
  const struct { const char *body; guint status; const char *field; } cases[] = {
    { "{\"timezone\":\"Mars/Olympus_Mons\"}", 422, "timezone" },
    { "{\"timezone\":\"\"}", 422, "timezone" },
    { "{\"timezone\":\"+07\"}", 422, "timezone" },
    { "{\"max_loan_days\":0}", 422, "max_loan_days" },
    { "{\"max_loan_days\":366}", 422, "max_loan_days" },
    { "{\"kiosk_idle_seconds\":10}", 422, "kiosk_idle_seconds" },
    { "{\"fine_per_day\":-1}", 422, "fine_per_day" },
    { "{\"school_name\":\"Line one\\nline two\"}", 422, "school_name" },
    { "{\"school_name\":12}", 400, NULL },
    { "{\"school_address\":\"One\\ntwo\\nthree\"}", 422, "school_address" },
    { "{\"school_address\":\"One\\n\\nthree\"}", 422, "school_address" },
    { "{\"school_address\":\"Jl. Merdeka\\r\\nKota\"}", 422, "school_address" },
    { "{\"school_address\":12}", 400, NULL },
    { "{\"fine_per_day\":\"1000\"}", 400, NULL },
    { "{\"fine_per_day\":10.5}", 400, NULL },
    { "{\"timezone\":7}", 400, NULL },
    { "not json", 400, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LpTestResponse) resp = patch (world->admin, cases[i].body);
      JsonObject *error;

      if (resp->status != cases[i].status)
        g_error ("%s: HTTP %u", cases[i].body, resp->status);
      if (cases[i].field == NULL)
        continue;
      error = json_object_get_object_member (lp_test_response_object (resp), "error");
      g_assert_true (json_object_has_member (json_object_get_object_member (error, "fields"),
                                             cases[i].field));
    }
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT max_loan_days FROM settings", NULL),
                   ==, 14);
}

/* A school name longer than the head of a thermal receipt is refused, not cut. */
static void
test_school_name_length (void)
{
  g_autofree char *longest = g_strnfill (LP_SCHOOL_NAME_MAX_LENGTH, 'x');
  g_autofree char *too_long = g_strnfill (LP_SCHOOL_NAME_MAX_LENGTH + 1, 'x');
  g_autofree char *ok_body = g_strdup_printf ("{\"school_name\":\"%s\"}", longest);
  g_autofree char *bad_body = g_strdup_printf ("{\"school_name\":\"%s\"}", too_long);
  g_autoptr(LpTestResponse) ok = patch (world->admin, ok_body);
  g_autoptr(LpTestResponse) bad = patch (world->admin, bad_body);
  g_autoptr(LpTestResponse) reset = patch (world->admin, "{\"school_name\":\"\"}");

  lp_assert_status (ok, 200);
  g_assert_cmpstr (lp_json_str (ok, "school_name"), ==, longest);
  lp_assert_status (bad, 422);
  lp_assert_status (reset, 200);
}

/* The address: set with its line break, trimmed, read back by every reader; a longer
 * one is refused, not cut, and leaves the stored one as it was. */
static void
test_school_address (void)
{
  g_autofree char *longest = g_strnfill (LP_SCHOOL_ADDRESS_MAX_LENGTH, 'x');
  g_autofree char *too_long = g_strnfill (LP_SCHOOL_ADDRESS_MAX_LENGTH + 1, 'x');
  g_autofree char *ok_body = g_strdup_printf ("{\"school_address\":\"%s\"}", longest);
  g_autofree char *bad_body = g_strdup_printf ("{\"school_address\":\"%s\"}", too_long);
  g_autoptr(LpTestResponse) set = patch (world->admin,
                                         "{\"school_address\":"
                                         "\" \\nJl. Merdeka No. 1\\nKota Lentera 12345 \\n\"}");
  g_autoptr(LpTestResponse) read = lp_test_request (server, "GET", "/api/v1/settings",
                                                    world->member, NULL);
  g_autoptr(LpTestResponse) bad = patch (world->admin, bad_body);
  g_autoptr(LpTestResponse) kept = lp_test_request (server, "GET", "/api/v1/settings",
                                                    world->staff, NULL);
  g_autoptr(LpTestResponse) ok = patch (world->admin, ok_body);
  g_autoptr(LpTestResponse) reset = patch (world->admin, "{\"school_address\":\"\"}");
  g_autofree char *stored = NULL;

  lp_assert_status (set, 200);
  g_assert_cmpstr (lp_json_str (set, "school_address"), ==,
                   "Jl. Merdeka No. 1\nKota Lentera 12345");
  lp_assert_status (read, 200);
  g_assert_cmpstr (lp_json_str (read, "school_address"), ==,
                   "Jl. Merdeka No. 1\nKota Lentera 12345");
  lp_assert_error (bad, 422, "validation_failed");
  g_assert_true (json_object_has_member (
    json_object_get_object_member (
      json_object_get_object_member (lp_test_response_object (bad), "error"), "fields"),
    "school_address"));
  g_assert_cmpstr (lp_json_str (kept, "school_address"), ==,
                   "Jl. Merdeka No. 1\nKota Lentera 12345");
  lp_assert_status (ok, 200);
  g_assert_cmpstr (lp_json_str (ok, "school_address"), ==, longest);
  lp_assert_status (reset, 200);
  stored = lp_loan_world_sql (world, "SELECT school_address FROM settings", NULL);
  g_assert_cmpstr (stored, ==, "");
}

/* max_loan_days counts both ends: 3 allows today … today + 2. */
static void
test_max_loan_days_applies (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 5, "available");
  g_autoptr(LpTestResponse) set = patch (world->admin, "{\"max_loan_days\":3}");
  g_autoptr(LpTestResponse) fits = NULL;
  g_autoptr(LpTestResponse) too_long = NULL;
  g_autoptr(LpTestResponse) reset = NULL;

  lp_assert_status (set, 200);
  fits = lp_loan_world_request (world, world->member, item, 1, 1, 3);
  lp_assert_status (fits, 201);
  too_long = lp_loan_world_request (world, world->member, item, 1, 1, 4);
  lp_assert_error (too_long, 422, "validation_failed");
  reset = patch (world->admin, "{\"max_loan_days\":14}");
  lp_assert_status (reset, 200);
}

static char *
today_in (const char *timezone)
{
  return lp_loan_world_sql (world, "SELECT (now() AT TIME ZONE $1)::date::text", timezone, NULL);
}

static void
set_timezone (const char *timezone)
{
  g_autofree char *body = g_strdup_printf ("{\"timezone\":\"%s\"}", timezone);
  g_autoptr(LpTestResponse) resp = patch (world->admin, body);

  lp_assert_status (resp, 200);
}

static LpTestResponse *
request_from (const char *item,
              const char *start)
{
  g_autofree char *body = g_strdup_printf ("{\"item_id\":\"%s\",\"quantity\":1,"
                                           "\"start_date\":\"%s\",\"due_date\":\"%s\","
                                           "\"purpose\":\"Upacara\"}", item, start, start);

  return lp_test_request (server, "POST", "/api/v1/loans", world->member, body);
}

/* "Today" is the library's: Kiritimati (UTC+14) and Pago Pago (UTC−11) are 25 hours
 * apart, so their dates always differ, and a start date valid in one is past in the
 * other. */
static void
test_today_follows_timezone (void)
{
  g_autofree char *item = lp_loan_world_add_item (world, 5, "available");
  g_autofree char *west = today_in ("Pacific/Pago_Pago");
  g_autofree char *east = today_in ("Pacific/Kiritimati");
  g_autoptr(LpTestResponse) past = NULL;
  g_autoptr(LpTestResponse) ok = NULL;

  g_assert_cmpstr (west, <, east);
  set_timezone ("Pacific/Kiritimati");
  past = request_from (item, west);
  lp_assert_error (past, 422, "validation_failed");
  set_timezone ("Pacific/Pago_Pago");
  ok = request_from (item, west);
  lp_assert_status (ok, 201);
  set_timezone ("Asia/Jakarta");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = lp_test_server_start (NULL);
  world = lp_loan_world_new (server, "st");

  g_test_add_func ("/lp/settings/defaults", test_defaults_and_readers);
  g_test_add_func ("/lp/settings/only-admins", test_only_admins_change);
  g_test_add_func ("/lp/settings/update", test_update_and_audit);
  g_test_add_func ("/lp/settings/validation", test_validation);
  g_test_add_func ("/lp/settings/school-name-length", test_school_name_length);
  g_test_add_func ("/lp/settings/school-address", test_school_address);
  g_test_add_func ("/lp/settings/max-loan-days", test_max_loan_days_applies);
  g_test_add_func ("/lp/settings/timezone-today", test_today_follows_timezone);

  status = g_test_run ();
  lp_loan_world_free (world);
  lp_test_server_free (server);
  return status;
}
