/* test-api-server.c — every data object decoded from the real server's replies, through
 * the rows of the endpoint table: a loan from request to return, a complaint with its
 * notes, the returns, an item's history, the users, the activity log and the settings.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-api-client.h"
#include "lp-data-objects.h"
#include "lp-test-server.h"

static LpTestServer *server;

typedef struct
{
  LpApiClient *member;
  LpApiClient *staff;
  LpApiClient *admin;
  char        *item_id;
} Desk;

static LpApiClient *
client_as (const char *username,
           const char *role)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", lp_test_server_get_port (server));
  g_autofree char *id = lp_test_server_create_user (server, username, "Rahasia#2026", role);
  g_autofree char *token = lp_test_server_login (server, username, "Rahasia#2026");
  LpApiClient *client = lp_api_client_new (url);

  lp_api_client_set_token (client, token);
  return client;
}

static void
on_result (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Calls @endpoint as @client and returns its decoded value (transfer full): an object,
 * or a GPtrArray for a page. @body is JSON text or NULL. */
static gpointer
call (LpApiClient         *client,
      const LpApiEndpoint *endpoint,
      const char          *id,
      const char * const  *query,
      const char          *body)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) node = body != NULL ? json_from_string (body, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  const char *args[] = { id, NULL };
  gpointer value = NULL;

  lp_api_client_call_async (client, endpoint, id != NULL ? args : NULL, query, node, NULL,
                            on_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!lp_api_client_call_finish (client, result, &value, NULL, &error))
    g_error ("%s %s: %s", endpoint->method, endpoint->path, error->message);
  return value;
}

static void
test_loan_to_return (gconstpointer data)
{
  const Desk *desk = data;
  g_autofree char *body = NULL;
  g_autoptr(LpLoanObject) requested = NULL;
  g_autoptr(LpLoanObject) approved = NULL;
  g_autoptr(LpLoanObject) by_code = NULL;
  g_autoptr(LpLoanObject) returned = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) returns = NULL;
  g_autoptr(GPtrArray) history = NULL;
  /* Days ahead of any time zone's today, so the dates are never in the past. */
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, 2);
  g_autoptr(GDateTime) due = g_date_time_add_days (now, 4);
  g_autofree char *start_date = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *due_date = g_date_time_format (due, "%Y-%m-%d");
  LpReturnObject *ret;
  const char *id;

  body = g_strdup_printf ("{\"item_id\":\"%s\",\"quantity\":2,\"start_date\":\"%s\","
                          "\"due_date\":\"%s\",\"purpose\":\"Praktikum biologi\"}",
                          desk->item_id, start_date, due_date);
  requested = call (desk->member, &LP_API_LOANS_CREATE, NULL, NULL, body);
  id = lp_api_object_get_id (requested);
  g_assert_cmpint (lp_api_object_get_enum (requested, "status"), ==, LP_LOAN_STATUS_PENDING);
  g_assert_cmpint (lp_api_object_get_int (requested, "quantity"), ==, 2);
  g_assert_cmpstr (lp_api_object_get_string (lp_api_object_get_object (requested, "item"), "code"),
                   ==, "LAB-001");
  g_assert_cmpstr (lp_api_object_get_string (lp_api_object_get_object (requested, "user"),
                                             "username"), ==, "siswa.uji");

  pending = call (desk->staff, &LP_API_LOANS_LIST, NULL,
                  (const char *[]) { "status", "pending", NULL }, NULL);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpstr (lp_api_object_get_id (g_ptr_array_index (pending, 0)), ==, id);

  approved = call (desk->staff, &LP_API_LOANS_APPROVE, id, NULL, "{}");
  g_assert_cmpint (lp_api_object_get_enum (approved, "status"), ==, LP_LOAN_STATUS_APPROVED);
  g_assert_nonnull (lp_api_object_get_boxed (approved, "decided-at"));

  by_code = call (desk->staff, &LP_API_LOANS_BY_CODE, lp_api_object_get_string (approved, "code"),
                  NULL, NULL);
  g_assert_cmpstr (lp_api_object_get_id (by_code), ==, id);

  /* Returned straight after approval: the hand-over is recorded on the way. */
  returned = call (desk->staff, &LP_API_LOANS_RETURN, id, NULL,
                   "{\"condition\":\"minor_damage\",\"damage_description\":\"Lensa tergores\","
                   "\"damage_category\":\"physical\"}");
  g_assert_cmpint (lp_api_object_get_enum (returned, "status"), ==, LP_LOAN_STATUS_RETURNED);
  ret = lp_api_object_get_object (returned, "return");
  g_assert_nonnull (ret);
  g_assert_cmpint (lp_api_object_get_enum (ret, "condition"), ==, LP_ITEM_CONDITION_MINOR_DAMAGE);
  g_assert_cmpint (lp_api_object_get_enum (ret, "damage-category"), ==,
                   LP_DAMAGE_CATEGORY_PHYSICAL);

  returns = call (desk->staff, &LP_API_RETURNS_LIST, NULL, NULL, NULL);
  g_assert_cmpuint (returns->len, ==, 1);
  ret = g_ptr_array_index (returns, 0);
  g_assert_cmpstr (lp_api_object_get_string (ret, "damage-description"), ==, "Lensa tergores");
  g_assert_cmpstr (lp_api_object_get_string (lp_api_object_get_object (ret, "item"), "code"), ==,
                   "LAB-001");

  history = call (desk->staff, &LP_API_ITEMS_HISTORY, desk->item_id, NULL, NULL);
  g_assert_cmpuint (history->len, >=, 1);
  g_assert_cmpint (lp_api_object_get_enum (g_ptr_array_index (history, 0), "condition-to"), ==,
                   LP_ITEM_CONDITION_MINOR_DAMAGE);
}

static void
test_complaint_notes (gconstpointer data)
{
  const Desk *desk = data;
  g_autofree char *body = NULL;
  g_autoptr(LpComplaintObject) filed = NULL;
  g_autoptr(LpComplaintObject) changed = NULL;
  g_autoptr(LpComplaintNoteObject) note = NULL;
  g_autoptr(LpComplaintObject) fetched = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  GListModel *notes;
  const char *id;

  body = g_strdup_printf ("{\"title\":\"Mikroskop buram\",\"description\":\"Lensa kabur\","
                          "\"location\":\"Lab IPA\",\"item_id\":\"%s\"}", desk->item_id);
  filed = call (desk->member, &LP_API_COMPLAINTS_CREATE, NULL, NULL, body);
  id = lp_api_object_get_id (filed);
  g_assert_cmpint (lp_api_object_get_enum (filed, "status"), ==, LP_COMPLAINT_STATUS_WAITING);

  waiting = call (desk->staff, &LP_API_COMPLAINTS_LIST, NULL,
                  (const char *[]) { "status", "waiting", NULL }, NULL);
  g_assert_cmpuint (waiting->len, ==, 1);

  changed = call (desk->staff, &LP_API_COMPLAINTS_STATUS, id, NULL,
                  "{\"status\":\"in_progress\",\"note\":\"Sedang dicek\"}");
  g_assert_cmpint (lp_api_object_get_enum (changed, "status"), ==, LP_COMPLAINT_STATUS_IN_PROGRESS);
  note = call (desk->staff, &LP_API_COMPLAINTS_NOTES, id, NULL, "{\"text\":\"Lensa dipesan\"}");
  g_assert_cmpstr (lp_api_object_get_string (note, "text"), ==, "Lensa dipesan");

  fetched = call (desk->member, &LP_API_COMPLAINTS_GET, id, NULL, NULL);
  notes = lp_api_object_get_object (fetched, "notes");
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);
  g_assert_cmpstr (lp_api_object_get_string (lp_api_object_get_object (fetched, "item"), "name"),
                   ==, "Mikroskop");
}

static void
test_admin_lists (gconstpointer data)
{
  const Desk *desk = data;
  g_autoptr(GPtrArray) users = call (desk->admin, &LP_API_USERS_LIST, NULL, NULL, NULL);
  g_autoptr(GPtrArray) activity = call (desk->admin, &LP_API_ACTIVITY_LIST, NULL, NULL, NULL);
  g_autoptr(LpSettingsObject) settings = call (desk->staff, &LP_API_SETTINGS_GET, NULL, NULL, NULL);
  gboolean found = FALSE;

  g_assert_cmpuint (users->len, >=, 3);
  for (guint i = 0; i < users->len; i++)
    if (g_strcmp0 (lp_api_object_get_string (g_ptr_array_index (users, i), "username"),
                   "petugas.uji") == 0)
      found = lp_api_object_get_enum (g_ptr_array_index (users, i), "role") == LP_ROLE_STAFF;
  g_assert_true (found);
  /* The loan and the complaint above left their traces. */
  g_assert_cmpuint (activity->len, >=, 4);
  g_assert_nonnull (lp_api_object_get_string (g_ptr_array_index (activity, 0), "action"));
  g_assert_cmpint (lp_api_object_get_int (settings, "max-loan-days"), >, 0);
  g_assert_nonnull (lp_api_object_get_string (settings, "timezone"));
}

int
main (int   argc,
      char *argv[])
{
  Desk desk = { 0 };
  int status;

  g_test_init (&argc, &argv, NULL);
  server = lp_test_server_start (NULL);
  desk.item_id = lp_test_server_sql_value (server,
    "WITH c AS (INSERT INTO categories (name) VALUES ('Alat Lab') RETURNING id)"
    " INSERT INTO items (code, name, category_id, location, stock_total, stock_available)"
    " SELECT 'LAB-001', 'Mikroskop', c.id, 'Lab IPA', 5, 5 FROM c RETURNING id");
  desk.member = client_as ("siswa.uji", "member");
  desk.staff = client_as ("petugas.uji", "staff");
  desk.admin = client_as ("admin.uji", "admin");

  g_test_add_data_func ("/lp/api/server/loan-to-return", &desk, test_loan_to_return);
  g_test_add_data_func ("/lp/api/server/complaint-notes", &desk, test_complaint_notes);
  g_test_add_data_func ("/lp/api/server/admin-lists", &desk, test_admin_lists);
  status = g_test_run ();

  g_object_unref (desk.member);
  g_object_unref (desk.staff);
  g_object_unref (desk.admin);
  g_free (desk.item_id);
  lp_test_server_free (server);
  return status;
}
