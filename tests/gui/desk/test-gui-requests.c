/* test-gui-requests.c — a desk officer approves and rejects loan requests; the list
 * follows other desks and members live, and a decision taken elsewhere meanwhile is
 * refused with the server's reason, never applied twice.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-requests"

#include "config.h"

#include "lp-gui-test.h"
#include "lp-loan-row.h"
#include "lp-requests-page.h"

#include <glib/gi18n.h>
#include <string.h>

#define WIDE 1000

static LpTestServer *server;
static LpGuiApp *gui;
static char *member_token;
static char *staff_token;

static LpRequestsPage *
page (void)
{
  return lp_gui_page (gui, "requests_page");
}

static guint
count (void)
{
  guint n = 0;

  g_object_get (page (), "count", &n, NULL);
  return n;
}

static const char *
state (void)
{
  return lp_gui_stack_page (page (), "content_stack");
}

/* A member asks for @quantity of the item @code, from the day after tomorrow. */
static char *
request_loan (const char *code,
              int         quantity)
{
  g_autofree char *item_id = NULL;
  g_autofree char *body = NULL;
  g_autoptr(LpTestResponse) response = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, 2);
  g_autoptr(GDateTime) due = g_date_time_add_days (now, 5);
  g_autofree char *start_text = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *due_text = g_date_time_format (due, "%Y-%m-%d");
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM items WHERE code = '%s'", code);

  item_id = lp_test_server_sql_value (server, sql);
  body = g_strdup_printf ("{\"item_id\":\"%s\",\"quantity\":%d,\"start_date\":\"%s\","
                          "\"due_date\":\"%s\",\"purpose\":\"Praktikum kelas 8B\"}",
                          item_id, quantity, start_text, due_text);
  response = lp_test_request (server, "POST", "/api/v1/loans", member_token, body);
  lp_assert_status (response, 201);
  return g_strdup (json_object_get_string_member (lp_test_response_object (response), "id"));
}

static char *
loan_value (const char *id,
            const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM loans WHERE id = '%s'", column, id);

  return lp_test_server_sql_value (server, sql);
}

static void
log_in_as_staff (void)
{
  lp_gui_log_in (gui, "petugas.rina", "Petugas#2026");
  adw_view_stack_set_visible_child_name (lp_gui_child (gui->window, "view_stack"), "requests");
}

static void
test_approve (void)
{
  g_autofree char *first = request_loan ("LAB-001", 1);
  g_autofree char *second = request_loan ("BK-0001", 2);
  g_autofree char *status = NULL;
  g_autofree char *code = NULL;
  g_autofree char *toast = NULL;
  gboolean found = FALSE;

  log_in_as_staff ();
  lp_gui_wait_for (g_strcmp0 (state (), "list") == 0 && count () == 2);
  g_assert_nonnull (lp_gui_find_label (GTK_WIDGET (page ()), "Praktikum kelas 8B"));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "requests");

  /* Select a request, then Approve: two interactions. */
  for (guint i = 0; i < 2 && !found; i++)
    {
      g_autoptr(LpLoanObject) loan = g_list_model_get_item (
        G_LIST_MODEL (lp_gui_paged_model (page (), "list_view")), i);

      if (g_strcmp0 (lp_api_object_get_id (loan), first) == 0)
        {
          GtkSelectionModel *selection = gtk_list_view_get_model (lp_gui_child (page (),
                                                                                "list_view"));

          gtk_selection_model_select_item (selection, i, TRUE);
          found = TRUE;
        }
    }
  g_assert_true (found);
  lp_gui_click (lp_gui_child (page (), "approve_button"));
  code = loan_value (first, "code");
  /* Translators: a notification; %s is a loan code. */
  toast = g_strdup_printf (_("Request %s approved"), code);
  lp_gui_wait_for (lp_gui_toast_shown (gui, toast));
  lp_gui_wait_for (count () == 1);
  status = loan_value (first, "status");
  g_assert_cmpstr (status, ==, "approved");
}

static void
test_reject (void)
{
  g_autoptr(LpLoanObject) loan = NULL;
  AdwMessageDialog *dialog = NULL;
  g_autofree char *status = NULL;
  g_autofree char *reason = NULL;
  GtkWidget *entry;

  lp_gui_wait_for (count () == 1);
  loan = g_list_model_get_item (G_LIST_MODEL (lp_gui_paged_model (page (), "list_view")), 0);
  lp_gui_click (lp_gui_child (page (), "reject_button"));
  lp_gui_wait_for ((dialog = lp_gui_find_message_dialog ()) != NULL);
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Stok dipakai ujian praktik");
  lp_gui_screenshot (GTK_WIDGET (dialog), "requests-reject");
  lp_gui_respond (dialog, "reject");
  lp_gui_wait_for (count () == 0 && g_strcmp0 (state (), "empty") == 0);
  status = loan_value (lp_api_object_get_id (loan), "status");
  reason = loan_value (lp_api_object_get_id (loan), "decision_reason");
  g_assert_cmpstr (status, ==, "rejected");
  g_assert_cmpstr (reason, ==, "Stok dipakai ujian praktik");
  lp_gui_screenshot (GTK_WIDGET (gui->window), "requests-empty");
}

/* A member's new request shows up by itself; another desk decides it between this desk
 * listing it and clicking Approve: the server's refusal is shown, nothing is approved,
 * and the row is gone. */
static void
test_live_and_conflict (void)
{
  char *id = request_loan ("LAB-001", 1);
  g_autofree char *path = g_strdup_printf ("/api/v1/loans/%s/reject", id);
  g_autoptr(LpTestResponse) response = NULL;
  g_autofree char *status = NULL;

  lp_gui_wait_for (count () == 1);
  /* No main loop turn in between: this desk still shows the request. */
  response = lp_test_request (server, "POST", path, staff_token, "{}");
  lp_assert_status (response, 200);
  lp_gui_click (lp_gui_child (page (), "approve_button"));
  lp_gui_wait_for (lp_gui_shown_text (page (), "problem_label") != NULL);
  lp_gui_wait_for (count () == 0);
  status = loan_value (id, "status");
  g_assert_cmpstr (status, ==, "rejected");
  lp_gui_screenshot (GTK_WIDGET (gui->window), "requests-conflict");

  /* A narrow desk (360 px) still shows the request and both buttons. */
  g_free (id);
  id = request_loan ("BK-0001", 1);
  lp_gui_wait_for (count () == 1);
  lp_gui_set_width (gui, 360);
  g_assert_true (gtk_widget_is_visible (lp_gui_child (page (), "approve_button")));
  /* The switcher went to the bottom; the header names the page shown. */
  g_assert_cmpstr (adw_view_switcher_title_get_title (lp_gui_child (gui->window, "switcher_title")),
                   ==, _("Requests"));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "requests");
  lp_gui_set_width (gui, WIDE);
  g_free (id);
}

/* The fit line of the request row of @id, or NULL while it is not on screen. */
static const char *
fit_line (const char *id)
{
  GtkWidget *list = lp_gui_child (page (), "list_view");

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      LpLoanRow *row = (LpLoanRow *) lp_gui_find_type (child, LP_TYPE_LOAN_ROW);
      LpLoanObject *loan = NULL;

      if (row == NULL)
        continue;
      g_object_get (row, "loan", &loan, NULL);
      if (loan != NULL && g_strcmp0 (lp_api_object_get_id (loan), id) == 0)
        {
          GtkWidget *label = lp_gui_child (row, "fit_label");

          g_object_unref (loan);
          return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
        }
      g_clear_object (&loan);
    }
  return NULL;
}

/* Each request says whether it still fits; approving another one for the same days
 * takes the units it needed, and its row says on which days it no longer fits. */
static void
test_still_fits (void)
{
  g_autofree char *both = request_loan ("TIK-010", 2);
  g_autofree char *one = request_loan ("TIK-010", 1);
  g_autofree char *path = g_strdup_printf ("/api/v1/loans/%s/approve", one);
  g_autofree char *one_free = NULL;
  g_autoptr(LpTestResponse) response = NULL;
  guint before;

  /* The narrow-desk request of the test before is still waiting. */
  before = count ();
  lp_gui_wait_for (count () == before + 2);
  lp_gui_wait_for (g_strcmp0 (fit_line (both),
                              _("Still fits: enough units are free on every day.")) == 0);
  response = lp_test_request (server, "POST", path, staff_token, "{}");
  lp_assert_status (response, 200);
  /* Live: the approval at another desk reaches this one as an event. */
  /* Translators: a day a request does not fit and how many units are free then,
   * e.g. "5 December 2026 (1 free)". */
  one_free = g_strdup_printf (_("%s (%d free)"), "", 1);
  lp_gui_wait_for (count () == before + 1 && fit_line (both) != NULL &&
                   strstr (fit_line (both), one_free) != NULL);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "requests-no-longer-fits");
}

typedef struct
{
  double      y;
  const char *code;
} ShownRow;

static int
compare_shown (gconstpointer a,
               gconstpointer b)
{
  double ya = ((const ShownRow *) a)->y, yb = ((const ShownRow *) b)->y;

  return (ya > yb) - (ya < yb);
}

/* The loan codes of the rows @list has made, top to bottom as they are drawn, or NULL
 * while one of them is still loading. */
static GPtrArray *
codes_top_to_bottom (GtkWidget *list)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (ShownRow));
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = lp_gui_find_type (child, LP_TYPE_LOAN_ROW);
      g_autoptr(LpLoanObject) loan = NULL;
      double x, y;

      if (row == NULL || !gtk_widget_get_mapped (row))
        continue;
      g_object_get (row, "loan", &loan, NULL);
      gtk_widget_translate_coordinates (row, list, 0, 0, &x, &y);
      if (loan == NULL || lp_api_object_get_string (loan, "code") == NULL)
        {
          g_ptr_array_unref (codes);
          return NULL;
        }
      g_array_append_val (rows, ((ShownRow) { y, lp_api_object_get_string (loan, "code") }));
    }
  g_array_sort (rows, compare_shown);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (codes, g_strdup (g_array_index (rows, ShownRow, i).code));
  return codes;
}

/* Scrolled to the end, the last rows show the last requests, oldest first. */
static gboolean
shows_end_of_queue (GtkWidget  *list,
                    const char *last)
{
  g_autoptr(GPtrArray) codes = codes_top_to_bottom (list);

  return codes != NULL && codes->len > 0 &&
         g_str_equal (g_ptr_array_index (codes, codes->len - 1), last);
}

/* A long queue (a school's first morning of the term) scrolls to its very last request,
 * every row in its place: the list is the scrolled window's own scrollable, so it makes
 * rows as they come into view. */
static void
test_scroll_to_last (void)
{
  GtkWidget *list = lp_gui_child (page (), "list_view");
  GtkAdjustment *adjustment = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autofree char *last = NULL;
  guint before = count ();

  g_free (lp_test_server_sql_value (server,
    "INSERT INTO loans (user_id, item_id, quantity, start_date, due_date, purpose, created_at)"
    " SELECT u.id, i.id, 1, library_today() + 20, library_today() + 22,"
    "        'Antrean awal semester ' || g.n, now() + g.n * interval '1 second'"
    "   FROM generate_series(1, 300) AS g (n),"
    "        (SELECT id FROM users WHERE username = 'siswa.andi') AS u,"
    "        (SELECT id FROM items WHERE code = 'BK-0004') AS i"));
  last = lp_test_server_sql_value (server, "SELECT code FROM loans WHERE status = 'pending'"
                                           " ORDER BY created_at DESC, id DESC LIMIT 1");
  lp_page_reload (LP_PAGE (page ()));
  lp_gui_wait_for (count () == before + 300 && g_strcmp0 (state (), "list") == 0);
  adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW)));
  /* The list grows its estimate as it measures rows: scroll to the end until it holds. */
  lp_gui_wait_for ((gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)),
                    shows_end_of_queue (list, last)));
  codes = codes_top_to_bottom (list);
  g_assert_cmpuint (codes->len, >=, 3);
  for (guint i = 1; i < codes->len; i++)
    g_assert_cmpstr (g_ptr_array_index (codes, i - 1), <, g_ptr_array_index (codes, i));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "requests-last-of-many");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *url = NULL;
  int status;

  lp_gui_init (&argc, &argv, FALSE);
  server = lp_test_server_start (NULL);
  lp_gui_seed_desk (server, &member_token, &staff_token);
  url = lp_gui_server_url (server);
  gui = lp_gui_app_new (url, WIDE);

  g_test_add_func ("/lp/gui/requests/approve", test_approve);
  g_test_add_func ("/lp/gui/requests/reject", test_reject);
  g_test_add_func ("/lp/gui/requests/live-and-conflict", test_live_and_conflict);
  g_test_add_func ("/lp/gui/requests/still-fits", test_still_fits);
  g_test_add_func ("/lp/gui/requests/scroll-to-last", test_scroll_to_last);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  g_free (member_token);
  g_free (staff_token);
  lp_test_server_free (server);
  return status;
}
