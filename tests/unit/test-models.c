/* test-models.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-models"

#include "config.h"

#include "lp-error.h"
#include "lp-json.h"
#include "lp-models.h"

#include <string.h>

#define USER_ID  "123e4567-e89b-12d3-a456-426614174000"
#define ITEM_ID  "5f0c2a3e-9d1b-4c7a-8e2f-0a1b2c3d4e5f"
#define CAT_ID   "0b9d6c1e-2f3a-4b5c-9d8e-7f6a5b4c3d2e"
#define LOAN_ID  "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"
#define STAFF_ID "ffffffff-0000-4000-8000-000000000001"

#define ITEM_REF "{\"id\":\"" ITEM_ID "\",\"code\":\"LAB-001\",\"name\":\"Mikroskop\"}"
#define USER_REF \
  "{\"id\":\"" USER_ID "\",\"username\":\"budi.santoso\",\"full_name\":\"Budi Santoso\"}"

/* Canonical texts, members in the order _to_json() writes them. */
static const char user_json[] =
  "{\"id\":\"" USER_ID "\",\"username\":\"budi.santoso\",\"role\":\"staff\","
  "\"full_name\":\"Budi Santoso\",\"email\":\"budi@sekolah.sch.id\",\"active\":true,"
  "\"created_at\":\"2026-01-09T03:00:00Z\",\"updated_at\":\"2026-01-10T04:05:06.250000Z\"}";

static const char category_json[] =
  "{\"id\":\"" CAT_ID "\",\"name\":\"Alat Lab\",\"description\":null}";

static const char item_json[] =
  "{\"id\":\"" ITEM_ID "\",\"code\":\"LAB-001\",\"name\":\"Mikroskop\","
  "\"category_id\":\"" CAT_ID "\",\"location\":\"Lab IPA\",\"stock_total\":5,"
  "\"stock_available\":3,\"condition\":\"minor_damage\",\"status\":\"needs_maintenance\","
  "\"description\":\"Lensa 40x \xc3\xa9\",\"author\":null,\"publisher\":null,\"year\":null,"
  "\"isbn\":null}";

static const char book_json[] =
  "{\"id\":\"" ITEM_ID "\",\"code\":\"BK/2019.07\",\"name\":\"Laskar Pelangi\","
  "\"category_id\":\"" CAT_ID "\",\"location\":\"Rak B3\",\"stock_total\":2,"
  "\"stock_available\":0,\"condition\":\"good\",\"status\":\"available\","
  "\"description\":null,\"author\":\"Andrea Hirata\",\"publisher\":\"Bentang Pustaka\","
  "\"year\":2019,\"isbn\":\"978-602-03-2478-4\"}";

static const char loan_json[] =
  "{\"id\":\"" LOAN_ID "\",\"code\":\"LP-2026-000123\",\"user_id\":\"" USER_ID "\","
  "\"item_id\":\"" ITEM_ID "\",\"quantity\":2,\"start_date\":\"2026-01-12\","
  "\"due_date\":\"2026-01-18\",\"purpose\":\"Praktikum biologi\",\"status\":\"returned\","
  "\"decided_by\":\"" STAFF_ID "\",\"decided_at\":\"2026-01-10T02:00:00Z\","
  "\"decision_reason\":null,\"returned_at\":\"2026-01-20T08:30:00Z\",\"fine\":4000,"
  "\"created_at\":\"2026-01-09T03:00:00Z\",\"updated_at\":\"2026-01-20T08:30:00Z\","
  "\"item\":" ITEM_REF ",\"user\":" USER_REF "}";

static JsonObject *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonObject *object = lp_json_parse_object (text, strlen (text), &error);

  g_assert_no_error (error);
  return object;
}

/* Takes @node. */
static char *
to_text (JsonNode *node)
{
  g_autoptr(JsonNode) owned = node;

  g_assert_nonnull (owned);
  return lp_json_to_string (owned, NULL);
}

/* Replaces the first occurrence of @from in @text with @to. */
static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

typedef gpointer (*ParseFunc) (JsonObject *object, GError **error);

/* Wrappers with the exact ParseFunc type: calling through a cast pointer is undefined. */
static gpointer
parse_user (JsonObject  *object,
            GError     **error)
{
  return lp_user_new_from_json (object, error);
}

static gpointer
parse_category (JsonObject  *object,
                GError     **error)
{
  return lp_category_new_from_json (object, error);
}

static gpointer
parse_item (JsonObject  *object,
            GError     **error)
{
  return lp_item_new_from_json (object, error);
}

static gpointer
parse_loan (JsonObject  *object,
            GError     **error)
{
  return lp_loan_new_from_json (object, error);
}

/* Parsing @text must fail with a 400 whose message contains @needle. */
static void
check_refused (ParseFunc   parse_func,
               const char *text,
               const char *needle)
{
  g_autoptr(JsonObject) object = parse (text);
  g_autoptr(GError) error = NULL;
  gpointer model = parse_func (object, &error);

  if (model != NULL)
    g_error ("%s should be refused", text);
  g_assert_error (error, LP_ERROR, LP_ERROR_BAD_REQUEST);
  if (strstr (error->message, needle) == NULL)
    g_error ("\"%s\" does not mention \"%s\"", error->message, needle);
}

static void
check_refused_edit (ParseFunc   parse_func,
                    const char *text,
                    const char *from,
                    const char *to,
                    const char *needle)
{
  g_autofree char *edited = replace (text, from, to);

  check_refused (parse_func, edited, needle);
}

static void
test_user_round_trip (void)
{
  g_autoptr(JsonObject) object = parse (user_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpUser) user = lp_user_new_from_json (object, &error);
  g_autoptr(LpUser) copy = NULL;
  g_autofree char *text = NULL;
  g_autofree char *copy_text = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (user->id, ==, USER_ID);
  g_assert_cmpstr (user->username, ==, "budi.santoso");
  g_assert_cmpint (user->role, ==, LP_ROLE_STAFF);
  g_assert_cmpstr (user->email, ==, "budi@sekolah.sch.id");
  g_assert_true (user->active);
  g_assert_cmpint (g_date_time_get_microsecond (user->updated_at), ==, 250000);

  text = to_text (lp_user_to_json (user));
  g_assert_cmpstr (text, ==, user_json);

  copy = lp_user_copy (user);
  g_assert_true (copy->username != user->username);
  copy_text = to_text (lp_user_to_json (copy));
  g_assert_cmpstr (copy_text, ==, user_json);
}

static void
test_user_optional (void)
{
  g_autofree char *null_email = replace (user_json, "\"budi@sekolah.sch.id\"", "null");
  g_autofree char *no_email = replace (user_json, "\"email\":\"budi@sekolah.sch.id\",", "");
  g_autoptr(JsonObject) object = parse (no_email);
  g_autoptr(LpUser) user = lp_user_new_from_json (object, NULL);
  g_autofree char *text = NULL;

  g_assert_nonnull (user);
  g_assert_null (user->email);
  text = to_text (lp_user_to_json (user));
  g_assert_cmpstr (text, ==, null_email);
}

static void
test_user_refused (void)
{
  g_autofree char *no_ids = replace (user_json, "\"id\":\"" USER_ID "\",", "");
  g_autofree char *no_names = replace (no_ids, "\"username\":\"budi.santoso\",", "");

  check_refused_edit (parse_user, user_json, "\"staff\"", "\"guest\"", "'role'");
  check_refused_edit (parse_user, user_json, "\"staff\"", "\"Staff\"", "'role'");
  check_refused_edit (parse_user, user_json, "\"staff\"", "null", "'role'");
  check_refused_edit (parse_user, user_json, "true", "\"yes\"", "'active'");
  check_refused_edit (parse_user, user_json, "true", "1", "'active'");
  check_refused_edit (parse_user, user_json, "\"budi.santoso\"", "42", "'username'");
  check_refused_edit (parse_user, user_json, "\"2026-01-09T03:00:00Z\"", "\"2026-01-09\"",
                      "created_at");
  check_refused (parse_user, no_names, "Missing or invalid members: id, username");
  check_refused (parse_user, "{}", "active, created_at, full_name, id, role");
}

static void
test_user_boxed (void)
{
  g_autoptr(JsonObject) object = parse (user_json);
  g_autoptr(LpUser) user = lp_user_new_from_json (object, NULL);
  LpUser *boxed = g_boxed_copy (LP_TYPE_USER, user);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(LpUser) fresh = lp_user_new ();

  g_assert_cmpstr (boxed->full_name, ==, "Budi Santoso");
  g_boxed_free (LP_TYPE_USER, boxed);

  g_value_init (&value, LP_TYPE_USER);
  g_value_set_boxed (&value, user);
  g_assert_cmpstr (((LpUser *) g_value_get_boxed (&value))->id, ==, USER_ID);

  g_assert_true (G_TYPE_IS_BOXED (LP_TYPE_CATEGORY));
  g_assert_true (G_TYPE_IS_BOXED (LP_TYPE_ITEM));
  g_assert_true (G_TYPE_IS_BOXED (LP_TYPE_LOAN));
  g_assert_cmpint (fresh->role, ==, LP_ROLE_MEMBER);
  g_assert_false (fresh->active);
}

static void
test_category_round_trip (void)
{
  g_autoptr(JsonObject) object = parse (category_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpCategory) category = lp_category_new_from_json (object, &error);
  g_autoptr(LpCategory) copy = NULL;
  g_autofree char *text = NULL;
  g_autofree char *copy_text = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (category->name, ==, "Alat Lab");
  g_assert_null (category->description);
  text = to_text (lp_category_to_json (category));
  g_assert_cmpstr (text, ==, category_json);

  copy = lp_category_copy (category);
  copy_text = to_text (lp_category_to_json (copy));
  g_assert_cmpstr (copy_text, ==, category_json);

  check_refused_edit (parse_category, category_json,
                      "\"Alat Lab\"", "[\"Alat Lab\"]", "'name'");
}

static void
check_item_round_trip (const char *json)
{
  g_autoptr(JsonObject) object = parse (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpItem) item = lp_item_new_from_json (object, &error);
  g_autoptr(LpItem) copy = NULL;
  g_autofree char *text = NULL;
  g_autofree char *copy_text = NULL;

  g_assert_no_error (error);
  text = to_text (lp_item_to_json (item));
  g_assert_cmpstr (text, ==, json);
  copy = lp_item_copy (item);
  copy_text = to_text (lp_item_to_json (copy));
  g_assert_cmpstr (copy_text, ==, json);
}

static void
test_item_round_trip (void)
{
  g_autoptr(JsonObject) object = parse (item_json);
  g_autoptr(JsonObject) book_object = parse (book_json);
  g_autoptr(LpItem) item = lp_item_new_from_json (object, NULL);
  g_autoptr(LpItem) book = lp_item_new_from_json (book_object, NULL);

  g_assert_cmpint (item->stock_total, ==, 5);
  g_assert_cmpint (item->stock_available, ==, 3);
  g_assert_cmpint (item->condition, ==, LP_ITEM_CONDITION_MINOR_DAMAGE);
  g_assert_cmpint (item->status, ==, LP_ITEM_STATUS_NEEDS_MAINTENANCE);
  g_assert_cmpstr (item->description, ==, "Lensa 40x \xc3\xa9");
  g_assert_cmpint (item->year, ==, 0);
  g_assert_null (item->isbn);
  g_assert_cmpint (book->year, ==, 2019);
  g_assert_cmpstr (book->author, ==, "Andrea Hirata");

  check_item_round_trip (item_json);
  check_item_round_trip (book_json);
}

static void
test_item_refused (void)
{
  check_refused_edit (parse_item, item_json, "\"minor_damage\"", "\"broken\"", "'condition'");
  check_refused_edit (parse_item, item_json, "\"minor_damage\"", "\"MINOR_DAMAGE\"", "'condition'");
  check_refused_edit (parse_item, item_json, "\"needs_maintenance\"", "\"needs-maintenance\"",
                      "'status'");
  check_refused_edit (parse_item, item_json, "\"stock_total\":5", "\"stock_total\":-1",
                      "stock_total");
  check_refused_edit (parse_item, item_json, "\"stock_total\":5", "\"stock_total\":2.5",
                      "'stock_total'");
  check_refused_edit (parse_item, item_json, "\"stock_total\":5", "\"stock_total\":\"5\"",
                      "'stock_total'");
  check_refused_edit (parse_item, item_json, "\"stock_total\":5",
                      "\"stock_total\":2147483648", "stock_total");
  check_refused_edit (parse_item, item_json, "\"year\":null", "\"year\":\"2019\"", "'year'");
  check_refused_edit (parse_item, item_json, "\"location\":\"Lab IPA\",", "", "location");
}

static void
test_loan_round_trip (void)
{
  g_autoptr(JsonObject) object = parse (loan_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpLoan) loan = lp_loan_new_from_json (object, &error);
  g_autoptr(LpLoan) copy = NULL;
  g_autofree char *text = NULL;
  g_autofree char *copy_text = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (loan->code, ==, "LP-2026-000123");
  g_assert_cmpint (loan->quantity, ==, 2);
  g_assert_cmpuint (g_date_get_day (&loan->start_date), ==, 12);
  g_assert_cmpint (g_date_days_between (&loan->start_date, &loan->due_date), ==, 6);
  g_assert_cmpint (loan->status, ==, LP_LOAN_STATUS_RETURNED);
  g_assert_null (loan->decision_reason);
  g_assert_nonnull (loan->returned_at);
  g_assert_cmpint (loan->fine, ==, 4000);
  g_assert_cmpstr (loan->item.code, ==, "LAB-001");
  g_assert_cmpstr (loan->user.full_name, ==, "Budi Santoso");

  text = to_text (lp_loan_to_json (loan));
  g_assert_cmpstr (text, ==, loan_json);
  copy = lp_loan_copy (loan);
  lp_loan_free (g_steal_pointer (&loan));
  copy_text = to_text (lp_loan_to_json (copy));
  g_assert_cmpstr (copy_text, ==, loan_json);
}

static void
test_loan_optional (void)
{
  g_autofree char *null_item = replace (loan_json, ITEM_REF, "null");
  g_autofree char *null_both = replace (null_item, USER_REF, "null");
  g_autofree char *no_user = replace (null_item, ",\"user\":" USER_REF, "");
  g_autofree char *offset = replace (loan_json, "\"2026-01-10T02:00:00Z\"",
                                     "\"2026-01-10T09:00:00+07:00\"");
  g_autoptr(JsonObject) object = parse (no_user);
  g_autoptr(JsonObject) offset_object = parse (offset);
  g_autoptr(LpLoan) loan = lp_loan_new_from_json (object, NULL);
  g_autoptr(LpLoan) offset_loan = lp_loan_new_from_json (offset_object, NULL);
  g_autofree char *text = NULL;
  g_autofree char *offset_text = NULL;

  /* A missing or null item or user is written back as null. */
  g_assert_null (loan->item.id);
  g_assert_null (loan->user.username);
  text = to_text (lp_loan_to_json (loan));
  g_assert_cmpstr (text, ==, null_both);

  /* Times come back in UTC. */
  offset_text = to_text (lp_loan_to_json (offset_loan));
  g_assert_cmpstr (offset_text, ==, loan_json);
}

static void
test_loan_refused (void)
{
  check_refused_edit (parse_loan, loan_json, "\"2026-01-12\"", "\"2026-02-30\"", "start_date");
  check_refused_edit (parse_loan, loan_json, "\"2026-01-18\"", "\"2026-1-18\"", "due_date");
  check_refused_edit (parse_loan, loan_json, "\"returned\"", "\"lost\"", "'status'");
  check_refused_edit (parse_loan, loan_json, "\"quantity\":2", "\"quantity\":0", "quantity");
  check_refused_edit (parse_loan, loan_json, "\"fine\":4000", "\"fine\":1.5", "'fine'");
  check_refused_edit (parse_loan, loan_json, "\"fine\":4000", "\"fine\":-1", "fine");
  check_refused_edit (parse_loan, loan_json, "\"2026-01-20T08:30:00Z\"", "\"tomorrow\"",
                      "returned_at");
  check_refused_edit (parse_loan, loan_json, ITEM_REF, "[" ITEM_REF "]", "'item'");
  check_refused_edit (parse_loan, loan_json, "\"code\":\"LAB-001\",", "", "code");
}

static void
test_loan_new (void)
{
  g_autoptr(LpLoan) loan = lp_loan_new ();
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  g_assert_false (g_date_valid (&loan->start_date));
  node = lp_loan_to_json (loan);
  object = json_node_get_object (node);
  g_assert_true (json_object_get_null_member (object, "start_date"));
  g_assert_true (json_object_get_null_member (object, "created_at"));
  g_assert_true (json_object_get_null_member (object, "item"));
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "pending");
  g_assert_cmpint (json_object_get_int_member (object, "fine"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lp/common/models/user/round-trip", test_user_round_trip);
  g_test_add_func ("/lp/common/models/user/optional", test_user_optional);
  g_test_add_func ("/lp/common/models/user/refused", test_user_refused);
  g_test_add_func ("/lp/common/models/user/boxed", test_user_boxed);
  g_test_add_func ("/lp/common/models/category/round-trip", test_category_round_trip);
  g_test_add_func ("/lp/common/models/item/round-trip", test_item_round_trip);
  g_test_add_func ("/lp/common/models/item/refused", test_item_refused);
  g_test_add_func ("/lp/common/models/loan/round-trip", test_loan_round_trip);
  g_test_add_func ("/lp/common/models/loan/optional", test_loan_optional);
  g_test_add_func ("/lp/common/models/loan/refused", test_loan_refused);
  g_test_add_func ("/lp/common/models/loan/new", test_loan_new);

  return g_test_run ();
}
