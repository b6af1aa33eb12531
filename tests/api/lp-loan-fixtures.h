/* lp-loan-fixtures.h: what the loan tests share — a cast of users, items made straight
 * in the database (the catalog's endpoints are not needed), dates in the library's time
 * zone, and short ways to drive a loan through its life.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-test-server.h"

G_BEGIN_DECLS

#define LP_FIXTURE_PASSWORD "Sandi#2026a"

typedef struct
{
  LpTestServer *server;
  char         *category_id;
  char         *admin_id;
  char         *staff_id;
  char         *member_id;
  char         *other_id;     /* a second member */
  char         *admin;        /* tokens */
  char         *staff;
  char         *member;
  char         *other;
} LpLoanWorld;

/* Users named <prefix>.admin, <prefix>.staff, <prefix>.member, <prefix>.other. */
LpLoanWorld    *lp_loan_world_new        (LpTestServer *server,
                                          const char   *prefix);
void            lp_loan_world_free       (LpLoanWorld  *world);

/* An item with this stock and status (condition good); returns its id. */
char           *lp_loan_world_add_item   (LpLoanWorld  *world,
                                          int           stock_total,
                                          const char   *status);

/* "YYYY-MM-DD" of the library's today plus days. */
char           *lp_loan_world_date       (LpLoanWorld  *world,
                                          int           days);

/* POST /loans; the request body is built from the arguments (dates as offsets). */
LpTestResponse *lp_loan_world_request    (LpLoanWorld  *world,
                                          const char   *token,
                                          const char   *item_id,
                                          int           quantity,
                                          int           start_days,
                                          int           due_days);
/* As above, asserting 201; returns the loan's id. */
char           *lp_loan_world_new_loan   (LpLoanWorld  *world,
                                          const char   *item_id,
                                          int           quantity,
                                          int           start_days,
                                          int           due_days);
/* POST /loans/{id}/<action> with a body (or NULL). */
LpTestResponse *lp_loan_world_act        (LpLoanWorld  *world,
                                          const char   *token,
                                          const char   *loan_id,
                                          const char   *action,
                                          const char   *body);
/* Acts as the desk (or the owner for cancel) and asserts 200. */
void            lp_loan_world_step       (LpLoanWorld  *world,
                                          const char   *loan_id,
                                          const char   *action,
                                          const char   *body);
/* A loan of one unit moved to status (pending, approved, borrowed, overdue, returned,
 * rejected, cancelled) through the API; overdue by moving its dates into the past. */
char           *lp_loan_world_loan_in    (LpLoanWorld  *world,
                                          const char   *item_id,
                                          const char   *status);

/* Runs SQL with parameters that must succeed; the first value of the first row, or NULL. */
char           *lp_loan_world_sql        (LpLoanWorld  *world,
                                          const char   *sql,
                                          ...) G_GNUC_NULL_TERMINATED;
gint64          lp_loan_world_sql_int    (LpLoanWorld  *world,
                                          const char   *sql,
                                          ...) G_GNUC_NULL_TERMINATED;

/* Members of a JSON reply. */
const char     *lp_json_str              (LpTestResponse *resp,
                                          const char     *member);
gint64          lp_json_int              (LpTestResponse *resp,
                                          const char     *member);

#define lp_assert_error(resp, status, code) \
  G_STMT_START { \
    LpTestResponse *_e = (resp); \
    lp_assert_status (_e, status); \
    g_assert_cmpstr (lp_test_response_error_code (_e), ==, (code)); \
  } G_STMT_END

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpLoanWorld, lp_loan_world_free)

G_END_DECLS
