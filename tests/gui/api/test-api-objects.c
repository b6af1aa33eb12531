/* test-api-objects.c — the data objects: decoded strictly from the API's JSON, updated
 * in place with notifications only for what changed.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-data-objects.h"
#include "lp-enums.h"
#include "lp-error.h"
#include "lp-json.h"

#include <string.h>

#define USER_ID  "123e4567-e89b-12d3-a456-426614174000"
#define ITEM_ID  "5f0c2a3e-9d1b-4c7a-8e2f-0a1b2c3d4e5f"
#define CAT_ID   "0b9d6c1e-2f3a-4b5c-9d8e-7f6a5b4c3d2e"
#define LOAN_ID  "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"
#define STAFF_ID "ffffffff-0000-4000-8000-000000000001"

#define ITEM_REF "{\"id\":\"" ITEM_ID "\",\"code\":\"LAB-001\",\"name\":\"Mikroskop\"}"
#define USER_REF \
  "{\"id\":\"" USER_ID "\",\"username\":\"budi.santoso\",\"full_name\":\"Budi Santoso\"}"

static const char user_json[] =
  "{\"id\":\"" USER_ID "\",\"username\":\"budi.santoso\",\"role\":\"staff\","
  "\"full_name\":\"Budi Santoso\",\"email\":\"budi@sekolah.sch.id\",\"active\":true,"
  "\"created_at\":\"2026-01-09T03:00:00Z\",\"updated_at\":\"2026-01-10T04:05:06.250000Z\"}";

static const char item_json[] =
  "{\"id\":\"" ITEM_ID "\",\"code\":\"LAB-001\",\"name\":\"Mikroskop\","
  "\"category_id\":\"" CAT_ID "\",\"category\":{\"id\":\"" CAT_ID "\",\"name\":\"Alat Lab\"},"
  "\"location\":\"Lab IPA\",\"stock_total\":5,"
  "\"stock_available\":3,\"condition\":\"minor_damage\",\"status\":\"needs_maintenance\","
  "\"description\":\"Lensa 40x \xc3\xa9\",\"author\":null,\"publisher\":null,\"year\":null,"
  "\"isbn\":null}";

static const char loan_json[] =
  "{\"id\":\"" LOAN_ID "\",\"code\":\"LP-2026-000123\",\"user_id\":\"" USER_ID "\","
  "\"item_id\":\"" ITEM_ID "\",\"quantity\":2,\"start_date\":\"2026-01-12\","
  "\"due_date\":\"2026-01-18\",\"purpose\":\"Praktikum biologi\",\"status\":\"returned\","
  "\"decided_by\":\"" STAFF_ID "\",\"decided_at\":\"2026-01-10T09:00:00+07:00\","
  "\"decision_reason\":null,\"returned_at\":\"2026-01-20T08:30:00Z\",\"fine\":4000,"
  "\"created_at\":\"2026-01-09T03:00:00Z\",\"updated_at\":\"2026-01-20T08:30:00Z\","
  "\"item\":" ITEM_REF ",\"user\":" USER_REF ","
  "\"return\":{\"id\":\"r1\",\"loan_id\":\"" LOAN_ID "\",\"returned_at\":\"2026-01-20T08:30:00Z\","
  "\"condition\":\"major_damage\",\"damage_description\":\"Lensa retak\","
  "\"damage_category\":\"physical\",\"staff_notes\":null,\"inspected_by\":\"" STAFF_ID "\","
  "\"attachment_ids\":[\"a1\",\"a2\"],\"created_at\":\"2026-01-20T08:30:00Z\"}}";

static const char complaint_json[] =
  "{\"id\":\"k1\",\"title\":\"Proyektor mati\",\"description\":\"Tidak menyala\","
  "\"location\":\"Kelas 7A\",\"category_id\":null,\"item_id\":\"" ITEM_ID "\","
  "\"reporter_id\":\"" USER_ID "\",\"status\":\"in_progress\","
  "\"created_at\":\"2026-01-09T03:00:00Z\",\"updated_at\":\"2026-01-09T04:00:00Z\","
  "\"is_system\":false,\"attachment_ids\":[],\"item\":" ITEM_REF ",\"reporter\":" USER_REF ","
  "\"notes\":[{\"id\":\"n1\",\"complaint_id\":\"k1\",\"author\":" USER_REF ","
  "\"text\":\"Sedang dicek\",\"status_from\":\"waiting\",\"status_to\":\"in_progress\","
  "\"created_at\":\"2026-01-09T04:00:00Z\"},"
  "{\"id\":\"n2\",\"complaint_id\":\"k1\",\"author\":null,\"text\":\"Lampu dipesan\","
  "\"status_from\":null,\"status_to\":null,\"created_at\":\"2026-01-09T05:00:00Z\"}]}";

static gpointer
decode (GType        type,
        const char  *text,
        GError     **error)
{
  g_autoptr(JsonObject) object = lp_json_parse_object (text, strlen (text), NULL);

  g_assert_nonnull (object);
  return lp_api_object_new_from_json (type, object, error);
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

/* @text with @from replaced by @to must be refused with a 400 naming @needle. */
static void
check_refused (GType       type,
               const char *text,
               const char *from,
               const char *to,
               const char *needle)
{
  g_autofree char *edited = from != NULL ? replace (text, from, to) : g_strdup (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = decode (type, edited, &error);

  if (object != NULL)
    g_error ("%s should be refused", edited);
  g_assert_error (error, LP_ERROR, LP_ERROR_BAD_REQUEST);
  if (strstr (error->message, needle) == NULL)
    g_error ("\"%s\" does not mention \"%s\"", error->message, needle);
}

static void
test_user (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpUserObject) user = decode (LP_TYPE_USER_OBJECT, user_json, &error);
  g_autofree char *full_name = NULL;
  LpRole role = LP_ROLE_NONE;
  GDateTime *updated;

  g_assert_no_error (error);
  g_assert_true (lp_api_object_get_loaded (user));
  g_assert_cmpstr (lp_api_object_get_id (user), ==, USER_ID);
  g_object_get (user, "full-name", &full_name, "role", &role, NULL);
  g_assert_cmpstr (full_name, ==, "Budi Santoso");
  g_assert_cmpint (role, ==, LP_ROLE_STAFF);
  g_assert_true (lp_api_object_get_boolean (user, "active"));
  updated = lp_api_object_get_boxed (user, "updated-at");
  g_assert_cmpint (g_date_time_get_microsecond (updated), ==, 250000);

  check_refused (LP_TYPE_USER_OBJECT, user_json, "\"staff\"", "\"Staff\"", "'role'");
  check_refused (LP_TYPE_USER_OBJECT, user_json, "\"staff\"", "null", "role");
  check_refused (LP_TYPE_USER_OBJECT, user_json, "true", "\"yes\"", "'active'");
  check_refused (LP_TYPE_USER_OBJECT, user_json, "\"budi.santoso\"", "42", "'username'");
  check_refused (LP_TYPE_USER_OBJECT, user_json, "\"2026-01-09T03:00:00Z\"", "\"2026-01-09\"",
                 "created_at");
  check_refused (LP_TYPE_USER_OBJECT, "{}", NULL, NULL,
                 "Missing or invalid members: active, created_at, full_name, id, role");
}

static void
test_item (void)
{
  g_autoptr(LpItemObject) item = decode (LP_TYPE_ITEM_OBJECT, item_json, NULL);
  LpRefObject *category;

  g_assert_cmpint (lp_api_object_get_int (item, "stock-total"), ==, 5);
  g_assert_cmpint (lp_api_object_get_int (item, "stock-available"), ==, 3);
  g_assert_cmpint (lp_api_object_get_enum (item, "condition"), ==, LP_ITEM_CONDITION_MINOR_DAMAGE);
  g_assert_cmpint (lp_api_object_get_enum (item, "status"), ==, LP_ITEM_STATUS_NEEDS_MAINTENANCE);
  g_assert_cmpstr (lp_api_object_get_string (item, "description"), ==, "Lensa 40x \xc3\xa9");
  g_assert_cmpint (lp_api_object_get_int (item, "year"), ==, 0);
  g_assert_null (lp_api_object_get_string (item, "isbn"));
  category = lp_api_object_get_object (item, "category");
  g_assert_cmpstr (lp_api_object_get_string (category, "name"), ==, "Alat Lab");

  check_refused (LP_TYPE_ITEM_OBJECT, item_json, "\"minor_damage\"", "\"broken\"", "'condition'");
  check_refused (LP_TYPE_ITEM_OBJECT, item_json, "\"needs_maintenance\"", "\"needs-maintenance\"",
                 "'status'");
  check_refused (LP_TYPE_ITEM_OBJECT, item_json, "\"stock_total\":5", "\"stock_total\":-1",
                 "stock_total");
  check_refused (LP_TYPE_ITEM_OBJECT, item_json, "\"stock_total\":5", "\"stock_total\":2.5",
                 "'stock_total'");
  check_refused (LP_TYPE_ITEM_OBJECT, item_json, "\"stock_total\":5",
                 "\"stock_total\":2147483648", "stock_total");
  check_refused (LP_TYPE_ITEM_OBJECT, item_json, "\"year\":null", "\"year\":\"2019\"", "'year'");
  check_refused (LP_TYPE_ITEM_OBJECT, item_json, "\"location\":\"Lab IPA\",", "", "location");
  check_refused (LP_TYPE_ITEM_OBJECT, item_json, "{\"id\":\"" CAT_ID "\",", "{", "id");
}

static void
test_loan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpLoanObject) loan = decode (LP_TYPE_LOAN_OBJECT, loan_json, &error);
  g_autofree char *no_user = NULL;
  g_autofree char *no_refs = NULL;
  g_autoptr(LpLoanObject) bare = NULL;
  g_autoptr(GDateTime) expected = g_date_time_new_utc (2026, 1, 10, 2, 0, 0);
  LpReturnObject *ret;
  GDate *start;

  g_assert_no_error (error);
  g_assert_cmpstr (lp_api_object_get_string (loan, "code"), ==, "LP-2026-000123");
  g_assert_cmpint (lp_api_object_get_int (loan, "quantity"), ==, 2);
  g_assert_cmpint (lp_api_object_get_int (loan, "fine"), ==, 4000);
  start = lp_api_object_get_boxed (loan, "start-date");
  g_assert_cmpuint (g_date_get_day (start), ==, 12);
  /* An offset names the same instant. */
  g_assert_true (g_date_time_equal (lp_api_object_get_boxed (loan, "decided-at"), expected));
  g_assert_null (lp_api_object_get_string (loan, "decision-reason"));
  g_assert_null (lp_api_object_get_boxed (loan, "handed-over-at"));
  g_assert_cmpstr (lp_api_object_get_string (lp_api_object_get_object (loan, "user"),
                                             "full-name"), ==, "Budi Santoso");
  ret = lp_api_object_get_object (loan, "return");
  g_assert_cmpint (lp_api_object_get_enum (ret, "damage-category"), ==,
                   LP_DAMAGE_CATEGORY_PHYSICAL);
  g_assert_cmpuint (g_strv_length (lp_api_object_get_boxed (ret, "attachment-ids")), ==, 2);

  /* Item and borrower may be left out, or null. */
  no_user = replace (loan_json, ",\"user\":" USER_REF, "");
  no_refs = replace (no_user, ITEM_REF, "null");
  bare = decode (LP_TYPE_LOAN_OBJECT, no_refs, &error);
  g_assert_no_error (error);
  g_assert_null (lp_api_object_get_object (bare, "item"));
  g_assert_null (lp_api_object_get_object (bare, "user"));

  check_refused (LP_TYPE_LOAN_OBJECT, loan_json, "\"2026-01-12\"", "\"2026-02-30\"", "start_date");
  check_refused (LP_TYPE_LOAN_OBJECT, loan_json, "\"2026-01-18\"", "\"2026-1-18\"", "due_date");
  check_refused (LP_TYPE_LOAN_OBJECT, loan_json, "\"returned\"", "\"lost\"", "'status'");
  check_refused (LP_TYPE_LOAN_OBJECT, loan_json, "\"quantity\":2", "\"quantity\":0", "quantity");
  check_refused (LP_TYPE_LOAN_OBJECT, loan_json, "\"fine\":4000", "\"fine\":1.5", "'fine'");
  check_refused (LP_TYPE_LOAN_OBJECT, loan_json, "\"fine\":4000", "\"fine\":-1", "fine");
  check_refused (LP_TYPE_LOAN_OBJECT, loan_json, "\"2026-01-20T08:30:00Z\"", "\"tomorrow\"",
                 "returned_at");
  check_refused (LP_TYPE_LOAN_OBJECT, loan_json, ITEM_REF, "[" ITEM_REF "]", "'item'");
  check_refused (LP_TYPE_LOAN_OBJECT, loan_json, "\"physical\"", "\"fire\"", "damage_category");
}

static void
test_complaint_notes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpComplaintObject) complaint = decode (LP_TYPE_COMPLAINT_OBJECT, complaint_json,
                                                   &error);
  g_autoptr(GObject) first = NULL;
  g_autoptr(GObject) second = NULL;
  GListModel *notes;

  g_assert_no_error (error);
  g_assert_cmpint (lp_api_object_get_enum (complaint, "status"), ==,
                   LP_COMPLAINT_STATUS_IN_PROGRESS);
  notes = lp_api_object_get_object (complaint, "notes");
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);
  first = g_list_model_get_item (notes, 0);
  second = g_list_model_get_item (notes, 1);
  g_assert_cmpstr (lp_api_object_get_string (first, "text"), ==, "Sedang dicek");
  g_assert_cmpint (lp_api_object_get_enum (first, "status-to"), ==,
                   LP_COMPLAINT_STATUS_IN_PROGRESS);
  g_assert_null (lp_api_object_get_object (second, "author"));

  check_refused (LP_TYPE_COMPLAINT_OBJECT, complaint_json, "\"text\":\"Sedang dicek\",", "",
                 "text");
  check_refused (LP_TYPE_COMPLAINT_OBJECT, complaint_json, "\"notes\":[", "\"notes\":[1,", "notes");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              GString    *names)
{
  g_string_append_printf (names, "%s ", pspec->name);
}

/* A placeholder fills in place; a newer copy notifies only the members that changed. */
static void
test_update (void)
{
  g_autoptr(LpItemObject) placeholder = g_object_new (LP_TYPE_ITEM_OBJECT, NULL);
  g_autoptr(LpItemObject) item = decode (LP_TYPE_ITEM_OBJECT, item_json, NULL);
  g_autofree char *changed_json = replace (item_json, "\"stock_available\":3",
                                           "\"stock_available\":2");
  g_autoptr(LpItemObject) changed = decode (LP_TYPE_ITEM_OBJECT, changed_json, NULL);
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_false (lp_api_object_get_loaded (placeholder));
  g_assert_null (lp_api_object_get_id (placeholder));
  lp_api_object_update (placeholder, item);
  g_assert_true (lp_api_object_get_loaded (placeholder));
  g_assert_cmpstr (lp_api_object_get_string (placeholder, "name"), ==, "Mikroskop");

  g_signal_connect (placeholder, "notify", G_CALLBACK (count_notify), names);
  lp_api_object_update (placeholder, changed);
  g_assert_cmpint (lp_api_object_get_int (placeholder, "stock-available"), ==, 2);
  /* The nested category is a new object, so it notifies too; nothing else does. */
  g_assert_nonnull (strstr (names->str, "stock-available "));
  g_assert_nonnull (strstr (names->str, "category "));
  g_assert_cmpuint (strlen (names->str), ==, strlen ("stock-available category "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lp/api/objects/user", test_user);
  g_test_add_func ("/lp/api/objects/item", test_item);
  g_test_add_func ("/lp/api/objects/loan", test_loan);
  g_test_add_func ("/lp/api/objects/complaint-notes", test_complaint_notes);
  g_test_add_func ("/lp/api/objects/update", test_update);

  return g_test_run ();
}
