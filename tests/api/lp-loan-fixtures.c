/* lp-loan-fixtures.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-loan-fixtures.h"

#include "lp-db.h"

static gint item_counter;

static char *
add_user (LpLoanWorld *world,
          const char  *prefix,
          const char  *who,
          const char  *role,
          char       **token)
{
  g_autofree char *name = g_strdup_printf ("%s.%s", prefix, who);
  char *id = lp_test_server_create_user (world->server, name, LP_FIXTURE_PASSWORD, role);

  *token = lp_test_server_login (world->server, name, LP_FIXTURE_PASSWORD);
  return id;
}

LpLoanWorld *
lp_loan_world_new (LpTestServer *server,
                   const char   *prefix)
{
  LpLoanWorld *world = g_new0 (LpLoanWorld, 1);
  g_autofree char *category = g_strdup_printf ("Kategori %s", prefix);

  world->server = server;
  world->admin_id = add_user (world, prefix, "admin", "admin", &world->admin);
  world->staff_id = add_user (world, prefix, "staff", "staff", &world->staff);
  world->member_id = add_user (world, prefix, "member", "member", &world->member);
  world->other_id = add_user (world, prefix, "other", "member", &world->other);
  world->category_id = lp_loan_world_sql (world,
                                          "INSERT INTO categories (name) VALUES ($1) RETURNING id",
                                          category, NULL);
  return world;
}

void
lp_loan_world_free (LpLoanWorld *world)
{
  if (world == NULL)
    return;
  g_free (world->category_id);
  g_free (world->admin_id);
  g_free (world->staff_id);
  g_free (world->member_id);
  g_free (world->other_id);
  g_free (world->admin);
  g_free (world->staff);
  g_free (world->member);
  g_free (world->other);
  g_free (world);
}

char *
lp_loan_world_sql (LpLoanWorld *world,
                   const char  *sql,
                   ...)
{
  va_list args;
  char *value;

  va_start (args, sql);
  value = lp_test_server_sql_first_valist (world->server, sql, args);
  va_end (args);
  return value;
}

gint64
lp_loan_world_sql_int (LpLoanWorld *world,
                       const char  *sql,
                       ...)
{
  g_autoptr(PGresult) res = NULL;
  va_list args;

  va_start (args, sql);
  res = lp_test_server_sql_valist (world->server, sql, args);
  va_end (args);
  g_assert_cmpint (PQntuples (res), >, 0);
  return g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
}

char *
lp_loan_world_add_item (LpLoanWorld *world,
                        int          stock_total,
                        const char  *status)
{
  int n = g_atomic_int_add (&item_counter, 1);
  g_autofree char *code = g_strdup_printf ("T-%08x-%d", g_random_int (), n);
  g_autofree char *name = g_strdup_printf ("Proyektor %d", n);
  g_autofree char *stock = g_strdup_printf ("%d", stock_total);

  return lp_loan_world_sql (world,
                            "INSERT INTO items (code, name, category_id, location, stock_total,"
                            " stock_available, status) VALUES ($1, $2, $3, 'Lab IPA', $4::int,"
                            " $4::int, $5) RETURNING id",
                            code, name, world->category_id, stock, status, NULL);
}

char *
lp_loan_world_date (LpLoanWorld *world,
                    int          days)
{
  g_autofree char *offset = g_strdup_printf ("%d", days);

  return lp_loan_world_sql (world, "SELECT (library_today() + $1::int)::text", offset, NULL);
}

LpTestResponse *
lp_loan_world_request (LpLoanWorld *world,
                       const char  *token,
                       const char  *item_id,
                       int          quantity,
                       int          start_days,
                       int          due_days)
{
  g_autofree char *start = lp_loan_world_date (world, start_days);
  g_autofree char *due = lp_loan_world_date (world, due_days);
  g_autofree char *body = g_strdup_printf ("{\"item_id\":\"%s\",\"quantity\":%d,"
                                           "\"start_date\":\"%s\",\"due_date\":\"%s\","
                                           "\"purpose\":\"Praktikum fisika\"}",
                                           item_id, quantity, start, due);

  return lp_test_request (world->server, "POST", "/api/v1/loans", token, body);
}

char *
lp_loan_world_new_loan (LpLoanWorld *world,
                        const char  *item_id,
                        int          quantity,
                        int          start_days,
                        int          due_days)
{
  g_autoptr(LpTestResponse) resp = lp_loan_world_request (world, world->member, item_id,
                                                          quantity, start_days, due_days);

  lp_assert_status (resp, 201);
  return g_strdup (lp_json_str (resp, "id"));
}

LpTestResponse *
lp_loan_world_act (LpLoanWorld *world,
                   const char  *token,
                   const char  *loan_id,
                   const char  *action,
                   const char  *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/loans/%s/%s", loan_id, action);

  return lp_test_request (world->server, "POST", path, token, body);
}

void
lp_loan_world_step (LpLoanWorld *world,
                    const char  *loan_id,
                    const char  *action,
                    const char  *body)
{
  const char *token = g_str_equal (action, "cancel") ? world->member : world->staff;
  g_autoptr(LpTestResponse) resp = lp_loan_world_act (world, token, loan_id, action, body);

  lp_assert_status (resp, 200);
}

char *
lp_loan_world_loan_in (LpLoanWorld *world,
                       const char  *item_id,
                       const char  *status)
{
  char *id = lp_loan_world_new_loan (world, item_id, 1, 1, 2);

  if (g_str_equal (status, "rejected"))
    lp_loan_world_step (world, id, "reject", NULL);
  else if (g_str_equal (status, "cancelled"))
    lp_loan_world_step (world, id, "cancel", NULL);
  else if (!g_str_equal (status, "pending"))
    lp_loan_world_step (world, id, "approve", NULL);
  if (g_str_equal (status, "borrowed") || g_str_equal (status, "overdue") ||
      g_str_equal (status, "returned"))
    lp_loan_world_step (world, id, "handover", NULL);
  if (g_str_equal (status, "returned"))
    lp_loan_world_step (world, id, "return", "{\"condition\":\"good\"}");
  if (g_str_equal (status, "overdue"))
    g_free (lp_loan_world_sql (world,
                               "UPDATE loans SET start_date = library_today() - 5,"
                               " due_date = library_today() - 2 WHERE id = $1",
                               id, NULL));
  return id;
}

const char *
lp_json_str (LpTestResponse *resp,
             const char     *member)
{
  return json_object_get_string_member_with_default (lp_test_response_object (resp), member,
                                                     NULL);
}

gint64
lp_json_int (LpTestResponse *resp,
             const char     *member)
{
  return json_object_get_int_member (lp_test_response_object (resp), member);
}
