/* test-gui-loans.c — the desk's Loans page lists what to hand over, what is out and what
 * is overdue (the badge counts those), hands a loan over; a loan's page tells its
 * history with the approver's name and shows a QR code that scans back as the loan code;
 * a member cancels their own request there.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-loans"

#include "config.h"

#include "lp-gui-test.h"
#include "lp-loan-page.h"
#include "lp-loans-page.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#define WIDE 1000

enum { FILTER_APPROVED, FILTER_BORROWED, FILTER_DUE_TODAY, FILTER_OVERDUE, FILTER_ALL };

static LpTestServer *server;
static LpGuiApp *gui;
static char *member_token;
static char *staff_token;
static char *approved_lab;    /* approved, then handed over in the app */
static char *approved_book;   /* approved: its page shows the receipt */
static char *overdue_tik;     /* handed over, due two days ago */
static char *pending_book;    /* the member cancels it */

static LpLoansPage *
page (void)
{
  return lp_gui_page (gui, "loans_page");
}

static LpLoanPage *
loan_page (void)
{
  return lp_gui_page (gui, "loan_page");
}

static guint
shown (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (lp_gui_paged_model (page (), "list_view")));
}

static guint
badge (void)
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

static void
set_filter (guint filter)
{
  gtk_drop_down_set_selected (lp_gui_child (page (), "filter_dropdown"), filter);
}

/* The first value of a query on the test's server. */
#define sql(...) lp_test_server_sql_printf (server, __VA_ARGS__)

/* The member asks for one unit of the item @code from the day after tomorrow. */
static char *
request_loan (const char *code)
{
  g_autofree char *item_id = sql ("SELECT id FROM items WHERE code = '%s'", code);
  g_autofree char *start = sql ("SELECT library_today() + 2");
  g_autofree char *due = sql ("SELECT library_today() + 5");
  g_autofree char *body = g_strdup_printf ("{\"item_id\":\"%s\",\"quantity\":1,"
                                           "\"start_date\":\"%s\",\"due_date\":\"%s\","
                                           "\"purpose\":\"Praktikum kelas 8B\"}",
                                           item_id, start, due);
  g_autoptr(LpTestResponse) response = lp_test_request (server, "POST", "/api/v1/loans",
                                                        member_token, body);

  lp_assert_status (response, 201);
  return g_strdup (json_object_get_string_member (lp_test_response_object (response), "id"));
}

static void
staff_does (const char *loan_id,
            const char *action)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/loans/%s/%s", loan_id, action);
  g_autoptr(LpTestResponse) response = lp_test_request (server, "POST", path, staff_token, "{}");

  lp_assert_status (response, 200);
}

static char *
loan_value (const char *id,
            const char *column)
{
  return sql ("SELECT %s FROM loans WHERE id = '%s'", column, id);
}

static void
seed_loans (void)
{
  g_autofree char *updated = NULL;

  approved_lab = request_loan ("LAB-001");
  staff_does (approved_lab, "approve");
  approved_book = request_loan ("BK-0001");
  staff_does (approved_book, "approve");
  overdue_tik = request_loan ("TIK-010");
  staff_does (overdue_tik, "approve");
  staff_does (overdue_tik, "handover");
  /* As the server's own tests do: the loan was due two days ago. */
  updated = sql ("UPDATE loans SET start_date = library_today() - 5,"
                 " due_date = library_today() - 2 WHERE id = '%s' RETURNING id", overdue_tik);
  pending_book = request_loan ("BK-0001");
}

/* The position of the loan @id in the list, or -1. */
static int
position_of (const char *id)
{
  GListModel *model = G_LIST_MODEL (lp_gui_paged_model (page (), "list_view"));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LpLoanObject) loan = g_list_model_get_item (model, i);

      if (g_strcmp0 (lp_api_object_get_id (loan), id) == 0)
        return (int) i;
    }
  return -1;
}

static void
select_loan (const char *id)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (lp_gui_child (page (), "list_view"));

  lp_gui_wait_for (position_of (id) >= 0);
  gtk_selection_model_select_item (selection, (guint) position_of (id), TRUE);
}

static void
test_filters_and_badge (void)
{
  AdwViewStack *stack = lp_gui_child (gui->window, "view_stack");

  lp_gui_log_in (gui, "petugas.rina", "Petugas#2026");
  adw_view_stack_set_visible_child_name (stack, "loans");
  /* Approved — to hand over, by default. */
  lp_gui_wait_for (g_strcmp0 (state (), "list") == 0 && shown () == 2);
  lp_gui_wait_for (badge () == 1);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (
                      adw_view_stack_get_page (stack, GTK_WIDGET (page ()))), ==, 1);
  g_assert_nonnull (lp_gui_find_label (GTK_WIDGET (page ()), _("Approved — to hand over")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "loans");

  /* The only loan handed over is overdue: nothing merely borrowed. */
  set_filter (FILTER_BORROWED);
  lp_gui_wait_for (g_strcmp0 (state (), "empty") == 0);
  g_assert_cmpstr (adw_status_page_get_title (lp_gui_child (page (), "empty_page")), ==,
                   _("Nothing Borrowed"));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "loans-empty");

  set_filter (FILTER_ALL);
  lp_gui_wait_for (g_strcmp0 (state (), "list") == 0 && shown () == 4);
  /* Only an approved loan can be handed over or cancelled here. */
  select_loan (pending_book);
  g_assert_false (gtk_widget_get_sensitive (lp_gui_child (page (), "hand_over_button")));
  g_assert_false (gtk_widget_get_sensitive (lp_gui_child (page (), "cancel_button")));
  select_loan (approved_book);
  g_assert_true (gtk_widget_get_sensitive (lp_gui_child (page (), "hand_over_button")));
  g_assert_true (gtk_widget_get_sensitive (lp_gui_child (page (), "cancel_button")));

  /* Searching by code keeps that loan alone. */
  {
    g_autofree char *code = loan_value (approved_book, "code");

    gtk_editable_set_text (lp_gui_child (page (), "search_entry"), code);
    lp_gui_wait_for (g_strcmp0 (state (), "list") == 0 && shown () == 1);
    gtk_editable_set_text (lp_gui_child (page (), "search_entry"), "");
  }
  set_filter (FILTER_APPROVED);
  lp_gui_wait_for (g_strcmp0 (state (), "list") == 0 && shown () == 2);
}

static void
test_hand_over (void)
{
  g_autofree char *code = loan_value (approved_lab, "code");
  g_autofree char *toast = NULL;
  g_autofree char *status = NULL;

  select_loan (approved_lab);
  lp_gui_click (lp_gui_child (page (), "hand_over_button"));
  /* Translators: a notification; %s is a loan code. */
  toast = g_strdup_printf (_("Loan %s handed over"), code);
  lp_gui_wait_for (lp_gui_toast_shown (gui, toast));
  lp_gui_wait_for (shown () == 1);
  status = loan_value (approved_lab, "status");
  g_assert_cmpstr (status, ==, "borrowed");
  set_filter (FILTER_BORROWED);
  lp_gui_wait_for (shown () == 1 && position_of (approved_lab) == 0);
}

static void
test_open_overdue (void)
{
  g_autofree char *late = NULL;

  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.open", "(ss)", "loans", "overdue");
  g_assert_cmpuint (gtk_drop_down_get_selected (lp_gui_child (page (), "filter_dropdown")), ==,
                    FILTER_OVERDUE);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (lp_gui_child (gui->window, "view_stack")),
                   ==, "loans");
  lp_gui_wait_for (g_strcmp0 (state (), "list") == 0 && shown () == 1);
  /* Translators: an overdue loan and how long it is late. */
  late = g_strdup_printf (g_dngettext (NULL, "Overdue · %d day late", "Overdue · %d days late", 2),
                          2);
  lp_gui_wait_for (lp_gui_find_label (GTK_WIDGET (page ()), late) != NULL);
  g_assert_true (gtk_widget_has_css_class (lp_gui_find_label (GTK_WIDGET (page ()), late), "error"));
  g_assert_cmpuint (badge (), ==, 1);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "loans-overdue");

  /* The dashboard's "due today" opens the borrowed loans due today, and only those. */
  g_free (sql ("UPDATE loans SET start_date = least(start_date, library_today()),"
               " due_date = library_today() WHERE id = '%s' RETURNING 1",
               approved_lab));
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.open", "(ss)", "loans", "due-today");
  g_assert_cmpuint (gtk_drop_down_get_selected (lp_gui_child (page (), "filter_dropdown")), ==,
                    FILTER_DUE_TODAY);
  lp_gui_wait_for (g_strcmp0 (state (), "list") == 0 && shown () == 1 &&
                   position_of (approved_lab) == 0);
  set_filter (FILTER_OVERDUE);
  lp_gui_wait_for (g_strcmp0 (state (), "list") == 0 && shown () == 1);

  /* A narrow desk (360 px) keeps the filter, the search and every button. */
  lp_gui_set_width (gui, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (gui->window)), ==, 360);
  g_assert_true (gtk_widget_get_mapped (lp_gui_child (page (), "hand_over_button")));
  g_assert_true (gtk_widget_get_mapped (lp_gui_child (page (), "search_entry")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "loans-overdue");
}

/* The on-screen QR code, rendered as the screen shows it, read by zbar. */
static char *
scan_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("LP_SCREENSHOT_DIR"), g_getenv ("LANGUAGE"),
                                           NULL);
  g_autofree char *png = g_build_filename (dir, "loan-qr.png", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int status = 0;

  g_mkdir_with_parents (dir, 0755);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, png));
  g_spawn_sync (NULL, (char *[]) { "zbarimg", "--quiet", "--raw", png, NULL }, NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("zbarimg found no code in %s: %s", png, err);
  return g_strstrip (g_steal_pointer (&out));
}

static void
test_loan_page (void)
{
  g_autofree char *code = loan_value (approved_book, "code");
  g_autofree char *staff_name = sql ("SELECT full_name FROM users WHERE username = 'petugas.rina'");
  g_autofree char *approved_by = NULL;
  g_autofree char *scanned = NULL;
  GtkWidget *qr;

  set_filter (FILTER_APPROVED);
  lp_gui_wait_for (shown () == 1 && position_of (approved_book) == 0);
  select_loan (approved_book);
  lp_gui_click (lp_gui_child (page (), "open_button"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (lp_gui_child (gui->window, "main_stack")),
                   ==, "loan");
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (loan_page (), "page_stack"), "content") == 0);
  /* Translators: %s is the full name of a staff member. */
  approved_by = g_strdup_printf (_("Approved by %s"), staff_name);
  g_assert_nonnull (lp_gui_find_label (GTK_WIDGET (loan_page ()), approved_by));
  g_assert_true (gtk_widget_get_visible (lp_gui_child (loan_page (), "hand_over_button")));
  g_assert_false (gtk_widget_get_visible (lp_gui_child (loan_page (), "cancel_request_button")));
  g_assert_cmpstr (lp_gui_shown_text (loan_page (), "code_label"), ==, code);
  /* Slow under the sanitizers: the slide to the loan page is still on its way. */
  lp_gui_wait_for (!gtk_stack_get_transition_running (lp_gui_child (gui->window, "main_stack")));
  /* Still 360 px wide since the overdue list: the buttons wrap, nothing is cut off. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (gui->window)), ==, 360);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "loan");
  lp_gui_set_width (gui, WIDE);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "loan");

  qr = lp_gui_child (loan_page (), "qr_code");
  g_assert_cmpint (gtk_widget_get_width (qr), >=, 240);
  scanned = scan_widget (qr);
  g_assert_cmpstr (scanned, ==, code);

  /* Live: handed over at another desk, the page follows. */
  staff_does (approved_book, "handover");
  lp_gui_wait_for (lp_gui_find_label (GTK_WIDGET (loan_page ()), _("Handed over to the member")));
  g_assert_false (gtk_widget_get_visible (lp_gui_child (loan_page (), "hand_over_button")));

  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.back", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (lp_gui_child (gui->window, "main_stack")),
                   ==, "browse");
}

static void
test_member_cancels (void)
{
  AdwMessageDialog *dialog = NULL;
  g_autofree char *status = NULL;

  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.logout", NULL);
  lp_gui_log_in (gui, "siswa.andi", "Siswa#2026");
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.open", "(ss)", "loan", pending_book);
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (loan_page (), "page_stack"), "content") == 0);
  g_assert_true (gtk_widget_get_visible (lp_gui_child (loan_page (), "cancel_request_button")));
  g_assert_false (gtk_widget_get_visible (lp_gui_child (loan_page (), "approve_button")));
  g_assert_false (gtk_widget_get_visible (lp_gui_child (loan_page (), "receipt_group")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "loan-member-pending");
  lp_gui_click (lp_gui_child (loan_page (), "cancel_request_button"));
  lp_gui_wait_for ((dialog = lp_gui_find_message_dialog ()) != NULL);
  lp_gui_screenshot (GTK_WIDGET (dialog), "loan-cancel-request");
  lp_gui_respond (dialog, "cancel-loan");
  lp_gui_wait_for (!gtk_widget_get_visible (lp_gui_child (loan_page (), "cancel_request_button")));
  status = loan_value (pending_book, "status");
  g_assert_cmpstr (status, ==, "cancelled");
  g_assert_nonnull (lp_gui_find_label (GTK_WIDGET (loan_page ()), _("Cancelled")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "loan-member-cancelled");
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
  seed_loans ();
  url = lp_gui_server_url (server);
  gui = lp_gui_app_new (url, WIDE);

  g_test_add_func ("/lp/gui/loans/filters-and-badge", test_filters_and_badge);
  g_test_add_func ("/lp/gui/loans/hand-over", test_hand_over);
  g_test_add_func ("/lp/gui/loans/open-overdue", test_open_overdue);
  g_test_add_func ("/lp/gui/loans/loan-page", test_loan_page);
  g_test_add_func ("/lp/gui/loans/member-cancels", test_member_cancels);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  g_free (member_token);
  g_free (staff_token);
  g_free (approved_lab);
  g_free (approved_book);
  g_free (overdue_tik);
  g_free (pending_book);
  lp_test_server_free (server);
  return status;
}
