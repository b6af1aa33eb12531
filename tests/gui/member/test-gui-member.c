/* test-gui-member.c — a member requests a loan on the availability calendar (free days
 * only, the server's conflicts marked), sees it in My Loans, cancels one, and hears of
 * the library's decision; the catalog opens on what can be borrowed now.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-member"

#include "config.h"

#include "lp-availability-calendar.h"
#include "lp-format.h"
#include "lp-gui-test.h"
#include "lp-my-loan-row.h"
#include "lp-request-dialog.h"
#include "lp-validation.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#define WIDE 1000

/* Freed memory filled under AddressSanitizer: libadwaita is not instrumented, and a read
 * of memory it freed would otherwise find the values it left there and go unnoticed. */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "max_free_fill_size=4096";
}

static LpTestServer *server;
static LpGuiApp *gui;
static char *member_token;
static char *staff_token;

/*
 * A desktop's notification server on the test's own session bus: it records what the app
 * sends through GNotification (org.freedesktop.Notifications, as GLib's fallback backend
 * speaks it).
 */

typedef struct
{
  char  *title;
  char  *body;
  GStrv  actions;
} Notification;

static GPtrArray *notifications;   /* of Notification */
static gboolean notifications_owned;

static void
notification_free (gpointer data)
{
  Notification *notification = data;

  g_free (notification->title);
  g_free (notification->body);
  g_strfreev (notification->actions);
  g_free (notification);
}

static const char notifications_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  " <method name='Notify'>"
  "  <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "  <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "  <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "  <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "  <arg type='u' direction='out'/>"
  " </method>"
  " <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  " <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  " <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "</interface></node>";

static void
on_notifications_call (GDBusConnection       *connection,
                       const char            *sender,
                       const char            *object_path,
                       const char            *interface_name,
                       const char            *method_name,
                       GVariant              *parameters,
                       GDBusMethodInvocation *invocation,
                       gpointer               user_data)
{
  Notification *notification;

  if (g_strcmp0 (method_name, "Notify") != 0)
    {
      g_dbus_method_invocation_return_value (invocation, NULL);
      return;
    }
  notification = g_new0 (Notification, 1);
  g_variant_get (parameters, "(&su&sss^as@a{sv}i)", NULL, NULL, NULL, &notification->title,
                 &notification->body, &notification->actions, NULL, NULL);
  g_ptr_array_add (notifications, notification);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", notifications->len));
}

static void
on_notifications_bus (GDBusConnection *connection,
                      const char      *name,
                      gpointer         user_data)
{
  static const GDBusInterfaceVTable vtable = { on_notifications_call, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);

  g_dbus_connection_register_object (connection, "/org/freedesktop/Notifications",
                                     info->interfaces[0], &vtable, NULL, NULL, NULL);
}

static void
on_notifications_name (GDBusConnection *connection,
                       const char      *name,
                       gpointer         user_data)
{
  notifications_owned = TRUE;
}

static guint
start_notification_server (void)
{
  guint id;

  notifications = g_ptr_array_new_with_free_func (notification_free);
  id = g_bus_own_name (G_BUS_TYPE_SESSION, "org.freedesktop.Notifications",
                       G_BUS_NAME_OWNER_FLAGS_NONE, on_notifications_bus, on_notifications_name,
                       NULL, NULL, NULL);
  lp_gui_wait_for (notifications_owned);
  return id;
}

static Notification *
find_notification (const char *title)
{
  for (guint i = 0; i < notifications->len; i++)
    {
      Notification *notification = g_ptr_array_index (notifications, i);

      if (g_strcmp0 (notification->title, title) == 0)
        return notification;
    }
  return NULL;
}

/* Today (as the app counts it) plus @days, as "YYYY-MM-DD". */
static char *
day_text (int days)
{
  GDate date;

  lp_format_today (&date);
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return lp_format_date (&date);
}

static char *
item_id (const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM items WHERE code = '%s'", code);

  return lp_test_server_sql_value (server, sql);
}

/* A loan of @quantity of @code from today + @from to today + @to, requested by the
 * member and approved by the desk over HTTP. Returns its id. */
static char *
approved_loan (const char *code,
               int         quantity,
               int         from,
               int         to)
{
  g_autofree char *id = item_id (code);
  g_autofree char *start = day_text (from);
  g_autofree char *due = day_text (to);
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autoptr(LpTestResponse) created = NULL;
  g_autoptr(LpTestResponse) approved = NULL;
  const char *loan_id;

  body = g_strdup_printf ("{\"item_id\":\"%s\",\"quantity\":%d,\"start_date\":\"%s\","
                          "\"due_date\":\"%s\",\"purpose\":\"Lomba cerdas cermat\"}",
                          id, quantity, start, due);
  created = lp_test_request (server, "POST", "/api/v1/loans", member_token, body);
  lp_assert_status (created, 201);
  loan_id = json_object_get_string_member (lp_test_response_object (created), "id");
  path = g_strdup_printf ("/api/v1/loans/%s/approve", loan_id);
  approved = lp_test_request (server, "POST", path, staff_token, "{}");
  lp_assert_status (approved, 200);
  return g_strdup (loan_id);
}

static LpRequestDialog *
find_request_dialog (void)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (windows, i);

      if (LP_IS_REQUEST_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return LP_REQUEST_DIALOG (window);
    }
  return NULL;
}

static gboolean
item_shown (const char *code)
{
  gpointer page = lp_gui_page (gui, "item_page");
  LpItemObject *item = NULL;
  gboolean shown;

  g_object_get (page, "item", &item, NULL);
  shown = item != NULL && g_strcmp0 (lp_api_object_get_string (item, "code"), code) == 0 &&
          g_strcmp0 (gtk_stack_get_visible_child_name (lp_gui_child (gui->window, "main_stack")),
                     "item") == 0;
  g_clear_object (&item);
  return shown;
}

/* Opens the item page of @code and its Request Loan dialog; waits for the calendar. */
static LpRequestDialog *
open_request (const char *code)
{
  g_autofree char *id = item_id (code);
  gpointer page = lp_gui_page (gui, "item_page");
  LpRequestDialog *dialog = NULL;

  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.show-item", "s", id);
  lp_gui_wait_for (item_shown (code) &&
                   gtk_widget_get_visible (lp_gui_child (page, "request_button")));
  lp_gui_click (lp_gui_child (page, "request_button"));
  lp_gui_wait_for ((dialog = find_request_dialog ()) != NULL);
  lp_gui_wait_for (!lp_availability_calendar_get_loading (lp_gui_child (dialog, "calendar")) &&
                   lp_availability_calendar_get_max_days (lp_gui_child (dialog, "calendar")) > 0);
  return dialog;
}

/* The day button of today + @days on the calendar of @dialog, turning to its month. */
static GtkWidget *
day_button (LpRequestDialog *dialog,
            int              days)
{
  LpAvailabilityCalendar *calendar = lp_gui_child (dialog, "calendar");
  g_autofree char *name = day_text (days);

  for (guint turns = 0; turns < 14; turns++)
    {
      GtkWidget *grid = lp_gui_child (calendar, "day_grid");

      for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
          {
            lp_gui_wait_for (!lp_availability_calendar_get_loading (calendar));
            return child;
          }
      gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.next", NULL);
      lp_gui_wait_for (!lp_availability_calendar_get_loading (calendar));
    }
  g_error ("no day button for %s", name);
  return NULL;
}

static char *sql_value (const char *format,
                        ...) G_GNUC_PRINTF (1, 2);

static char *
sql_value (const char *format,
           ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return lp_test_server_sql_value (server, sql);
}

static void
log_in_as_member (void)
{
  lp_gui_log_in (gui, "siswa.andi", "Siswa#2026");
}

/* Whether the catalog lists the item @code (every item fits on its first page). */
static gboolean
catalog_lists (const char *code)
{
  LpPagedModel *model = lp_gui_paged_model (lp_gui_page (gui, "catalog_page"), "list_view");

  if (!lp_paged_model_get_loaded (model) || lp_paged_model_get_loading (model))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(LpItemObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (lp_api_object_get_loaded (item) &&
          g_strcmp0 (lp_api_object_get_string (item, "code"), code) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A member's catalog opens on what can be borrowed now; the filter can be switched off. */
static void
test_can_borrow_now (void)
{
  gpointer catalog = lp_gui_page (gui, "catalog_page");
  GtkToggleButton *toggle = lp_gui_child (catalog, "borrowable_toggle");

  lp_gui_wait_for (catalog_lists ("BK-0002"));
  g_assert_false (gtk_toggle_button_get_active (toggle));
  log_in_as_member ();
  lp_gui_wait_for (gtk_toggle_button_get_active (toggle));
  /* Bumi Manusia has no copy on the shelf; Laskar Pelangi has. */
  lp_gui_wait_for (catalog_lists ("BK-0001"));
  g_assert_false (catalog_lists ("BK-0002"));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "member-catalog");
  gtk_toggle_button_set_active (toggle, FALSE);
  lp_gui_wait_for (catalog_lists ("BK-0002"));
  gtk_toggle_button_set_active (toggle, TRUE);
  lp_gui_wait_for (catalog_lists ("BK-0001") && !catalog_lists ("BK-0002"));
}

/* Request Loan, pick start, pick due, type the purpose and Send: a pending loan. */
static void
test_request (void)
{
  LpRequestDialog *dialog;
  LpAvailabilityCalendar *calendar;
  g_autofree char *start = day_text (2);
  g_autofree char *due = day_text (4);
  g_autofree char *status = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *id = item_id ("LAB-002");
  g_autofree char *label = NULL;
  g_autofree char *first = NULL;
  g_autofree char *expected = g_strdup_printf ("%s %s", start, due);
  GtkWidget *purpose;
  GDate today;

  dialog = open_request ("LAB-002");
  calendar = lp_gui_child (dialog, "calendar");
  /* Past days are not offered (yesterday is on the calendar unless today is the 1st). */
  lp_format_today (&today);
  if (g_date_get_day (&today) > 1)
    g_assert_false (gtk_widget_get_sensitive (day_button (dialog, -1)));
  lp_gui_click (day_button (dialog, 2));
  lp_gui_click (day_button (dialog, 4));
  g_assert_cmpstr (first = lp_availability_calendar_get_start (calendar), ==, start);
  g_assert_cmpstr (label = lp_availability_calendar_get_due (calendar), ==, due);
  g_assert_true (gtk_widget_has_css_class (day_button (dialog, 2), "selected"));
  g_assert_true (gtk_widget_has_css_class (day_button (dialog, 3), "in-range"));

  /* Without a purpose nothing is sent: the field says why. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "request.send", NULL);
  g_assert_cmpstr (lp_gui_shown_text (dialog, "purpose_error"), ==, _("This field is required."));
  lp_gui_screenshot (GTK_WIDGET (dialog), "member-request-invalid");
  purpose = lp_gui_child (dialog, "purpose_row");
  gtk_editable_set_text (GTK_EDITABLE (purpose), "Praktikum fisika kelas 10");
  g_assert_null (lp_gui_shown_text (dialog, "purpose_error"));
  lp_gui_screenshot (GTK_WIDGET (dialog), "member-request");

  lp_gui_click (lp_gui_child (dialog, "send_button"));
  lp_gui_wait_for (lp_gui_toast_shown (gui, _("Request sent")));
  lp_gui_wait_for (find_request_dialog () == NULL);
  status = sql_value ("SELECT status FROM loans WHERE item_id = '%s'", id);
  dates = sql_value ("SELECT start_date || ' ' || due_date FROM loans WHERE item_id = '%s'", id);
  g_assert_cmpstr (status, ==, "pending");
  g_assert_cmpstr (dates, ==, expected);
}

/* A due date before the start, or past the longest loan: the rules of common/, in words. */
static void
test_validation (void)
{
  LpRequestDialog *dialog = open_request ("LAB-004");
  LpAvailabilityCalendar *calendar = lp_gui_child (dialog, "calendar");
  guint max_days = lp_availability_calendar_get_max_days (calendar);
  g_autofree char *late = day_text (4);
  g_autofree char *early = day_text (2);
  g_autofree char *too_far = day_text (2 + (int) max_days);
  g_autofree char *count = NULL;
  g_autofree char *id = item_id ("LAB-004");
  g_autofree char *start = NULL;
  g_autofree char *due = NULL;

  gtk_editable_set_text (GTK_EDITABLE (lp_gui_child (dialog, "purpose_row")), "Uji coba");
  lp_availability_calendar_set_start (calendar, late);
  lp_availability_calendar_set_due (calendar, early);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "request.send", NULL);
  g_assert_cmpstr (lp_gui_shown_text (dialog, "dates_error"), ==,
                   _("The due date cannot be before the start date."));

  lp_availability_calendar_set_start (calendar, early);
  lp_availability_calendar_set_due (calendar, too_far);
  g_assert_cmpstr (lp_gui_shown_text (dialog, "dates_error"), ==,
                   _("The loan is longer than the maximum loan length."));
  lp_gui_screenshot (GTK_WIDGET (dialog), "member-request-too-long");

  /* On the calendar the days past the longest loan only start a new range. */
  lp_availability_calendar_set_start (calendar, NULL);
  lp_gui_click (day_button (dialog, 2));
  g_assert_true (gtk_widget_has_css_class (day_button (dialog, 2 + (int) max_days), "beyond"));
  lp_gui_click (day_button (dialog, 2 + (int) max_days));
  g_assert_cmpstr (start = lp_availability_calendar_get_start (calendar), ==, too_far);
  g_assert_null (due = lp_availability_calendar_get_due (calendar));

  gtk_window_close (GTK_WINDOW (dialog));
  lp_gui_wait_for (find_request_dialog () == NULL);
  count = sql_value ("SELECT count(*) FROM loans WHERE item_id = '%s'", id);
  g_assert_cmpstr (count, ==, "0");
}

/* An item that needs maintenance says so before anything is sent. */
static void
test_needs_maintenance (void)
{
  LpRequestDialog *dialog = open_request ("LAB-001");

  g_assert_true (gtk_widget_get_visible (lp_gui_child (dialog, "warning_box")));
  g_assert_nonnull (lp_gui_shown_text (dialog, "warning_label"));
  lp_gui_screenshot (GTK_WIDGET (dialog), "member-request-maintenance");
  gtk_window_close (GTK_WINDOW (dialog));
  lp_gui_wait_for (find_request_dialog () == NULL);
}

/* Days whose units are all lent are greyed and cannot be chosen. */
static void
test_greyed (void)
{
  g_autofree char *loan = approved_loan ("FUR-002", 2, 5, 6);
  LpRequestDialog *dialog = open_request ("FUR-002");
  LpAvailabilityCalendar *calendar = lp_gui_child (dialog, "calendar");
  g_autofree char *start = day_text (7);
  g_autofree char *chosen = NULL;

  g_assert_false (gtk_widget_get_sensitive (day_button (dialog, 5)));
  g_assert_false (gtk_widget_get_sensitive (day_button (dialog, 6)));
  g_assert_true (gtk_widget_has_css_class (day_button (dialog, 5), "full"));
  g_assert_true (gtk_widget_get_sensitive (day_button (dialog, 4)));
  /* From the day before, the range cannot cross the full days: a later day starts anew. */
  lp_gui_click (day_button (dialog, 4));
  g_assert_true (gtk_widget_has_css_class (day_button (dialog, 7), "beyond"));
  lp_gui_click (day_button (dialog, 7));
  g_assert_cmpstr (chosen = lp_availability_calendar_get_start (calendar), ==, start);
  lp_gui_screenshot (GTK_WIDGET (dialog), "member-request-greyed");
  gtk_window_close (GTK_WINDOW (dialog));
  lp_gui_wait_for (find_request_dialog () == NULL);
}

/* Someone else's loan is approved between choosing the days and sending: the server's
 * conflicts are marked on the calendar and named. */
static void
test_overbooked (void)
{
  LpRequestDialog *dialog = open_request ("BK-0001");
  LpAvailabilityCalendar *calendar = lp_gui_child (dialog, "calendar");
  g_autofree char *loan = NULL;
  const char *problem;

  /* 5 copies, 3 of them on the shelf: three for the member, then three for another. */
  gtk_spin_button_set_value (lp_gui_child (dialog, "quantity_spin"), 3);
  lp_gui_click (day_button (dialog, 9));
  lp_gui_click (day_button (dialog, 10));
  gtk_editable_set_text (GTK_EDITABLE (lp_gui_child (dialog, "purpose_row")), "Rapat OSIS");
  /* No main loop turn in between: the calendar still shows the days free. */
  loan = approved_loan ("BK-0001", 3, 8, 10);
  lp_gui_click (lp_gui_child (dialog, "send_button"));
  lp_gui_wait_for (lp_availability_calendar_get_n_conflicts (calendar) == 2);
  g_assert_true (gtk_widget_has_css_class (day_button (dialog, 9), "conflict"));
  g_assert_true (gtk_widget_has_css_class (day_button (dialog, 10), "conflict"));
  g_assert_false (gtk_widget_has_css_class (day_button (dialog, 8), "conflict"));
  problem = lp_gui_shown_text (dialog, "problem_label");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "(2")); /* "(2 free)" / "(2 tersedia)" */
  lp_gui_wait_for (!gtk_widget_get_sensitive (day_button (dialog, 9)));
  lp_gui_screenshot (GTK_WIDGET (dialog), "member-request-overbooked");
  gtk_window_close (GTK_WINDOW (dialog));
  lp_gui_wait_for (find_request_dialog () == NULL);
}

static gpointer
my_loans (void)
{
  return lp_gui_child (gui->window, "my_loans_page");
}

static const char *
my_loans_state (void)
{
  return lp_gui_stack_page (my_loans (), "content_stack");
}

/* The row of the loan @id on My Loans, or NULL while it is not on screen. */
static LpMyLoanRow *
my_loan_row (const char *id)
{
  GtkWidget *list = lp_gui_child (my_loans (), "list_view");

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      LpMyLoanRow *row = (LpMyLoanRow *) lp_gui_find_type (child, LP_TYPE_MY_LOAN_ROW);
      g_autoptr(LpLoanObject) loan = NULL;

      if (row == NULL)
        continue;
      g_object_get (row, "loan", &loan, NULL);
      if (loan != NULL && lp_api_object_get_loaded (loan) &&
          g_strcmp0 (lp_api_object_get_id (loan), id) == 0)
        return row;
    }
  return NULL;
}

static guint
my_loans_count (void)
{
  LpPagedModel *model = lp_gui_paged_model (my_loans (), "list_view");

  return model != NULL && lp_paged_model_get_loaded (model) && !lp_paged_model_get_loading (model)
         ? g_list_model_get_n_items (G_LIST_MODEL (model)) : G_MAXUINT;
}

/* The request sent shows on My Loans as pending, newest first; the filter keeps a status. */
static void
test_my_loans (void)
{
  g_autofree char *lab = item_id ("LAB-002");
  g_autofree char *id = NULL;
  g_autofree char *total = NULL;
  LpPagedModel *model;
  LpMyLoanRow *row;

  id = sql_value ("SELECT id FROM loans WHERE item_id = '%s'", lab);
  total = sql_value ("SELECT count(*) FROM loans");
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.open", "(ss)", "my-loans", "");
  lp_gui_wait_for (g_strcmp0 (my_loans_state (), "list") == 0 &&
                   my_loans_count () == (guint) atoi (total));
  lp_gui_wait_for ((row = my_loan_row (id)) != NULL);
  g_assert_cmpstr (gtk_label_get_label (lp_gui_child (row, "status_label")), ==, _("Pending"));
  g_assert_true (gtk_widget_get_visible (lp_gui_child (row, "cancel_button")));
  model = lp_gui_paged_model (my_loans (), "list_view");
  for (guint i = 0; i + 1 < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(LpLoanObject) newer = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(LpLoanObject) older = g_list_model_get_item (G_LIST_MODEL (model), i + 1);

      g_assert_cmpint (g_date_time_compare (lp_api_object_get_boxed (newer, "created-at"),
                                            lp_api_object_get_boxed (older, "created-at")), >=, 0);
    }
  lp_gui_screenshot (GTK_WIDGET (gui->window), "member-my-loans");

  /* Approved only: the pending request is not among them. */
  gtk_drop_down_set_selected (lp_gui_child (my_loans (), "status_dropdown"), 2);
  lp_gui_wait_for (my_loans_count () == 2);
  g_assert_null (my_loan_row (id));
  gtk_drop_down_set_selected (lp_gui_child (my_loans (), "status_dropdown"), 0);
  lp_gui_wait_for (my_loan_row (id) != NULL);
}

/* Cancel Request, confirmed: cancelled on the server, and the row says so. */
static void
test_cancel (void)
{
  g_autofree char *lab = item_id ("LAB-002");
  g_autofree char *id = sql_value ("SELECT id FROM loans WHERE item_id = '%s'", lab);
  g_autofree char *status = NULL;
  AdwMessageDialog *dialog = NULL;
  LpMyLoanRow *row;

  lp_gui_wait_for ((row = my_loan_row (id)) != NULL);
  lp_gui_click (lp_gui_child (row, "cancel_button"));
  lp_gui_wait_for ((dialog = lp_gui_find_message_dialog ()) != NULL);
  lp_gui_screenshot (GTK_WIDGET (dialog), "member-cancel");
  lp_gui_respond (dialog, "cancel-request");
  lp_gui_wait_for (lp_gui_toast_shown (gui, _("Request cancelled")));
  status = sql_value ("SELECT status FROM loans WHERE id = '%s'", id);
  g_assert_cmpstr (status, ==, "cancelled");
  lp_gui_wait_for ((row = my_loan_row (id)) != NULL &&
                   g_strcmp0 (gtk_label_get_label (lp_gui_child (row, "status_label")),
                              _("Cancelled")) == 0 &&
                   !gtk_widget_get_visible (lp_gui_child (row, "cancel_button")));
}

/* A pending request of the member for @code, over HTTP; its id. */
static char *
pending_loan (const char *code,
              int         from,
              int         to)
{
  g_autofree char *id = item_id (code);
  g_autofree char *start = day_text (from);
  g_autofree char *due = day_text (to);
  g_autofree char *body = NULL;
  g_autoptr(LpTestResponse) created = NULL;

  body = g_strdup_printf ("{\"item_id\":\"%s\",\"quantity\":1,\"start_date\":\"%s\","
                          "\"due_date\":\"%s\",\"purpose\":\"Tugas kelompok\"}",
                          id, start, due);
  created = lp_test_request (server, "POST", "/api/v1/loans", member_token, body);
  lp_assert_status (created, 201);
  return g_strdup (json_object_get_string_member (lp_test_response_object (created), "id"));
}

static void
decide (const char *loan_id,
        const char *decision)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/loans/%s/%s", loan_id, decision);
  g_autoptr(LpTestResponse) response = lp_test_request (server, "POST", path, staff_token,
                                                        "{\"reason\":\"Dipakai ujian praktik\"}");

  lp_assert_status (response, 200);
}

static gboolean
app_is_active (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_is_active (window))
        return TRUE;
    }
  return FALSE;
}

/* The desk decides over HTTP: a toast in the window; with the app in the background a
 * desktop notification too, whose default action opens the loan. */
static void
test_decision (void)
{
  g_autofree char *approved = pending_loan ("LAB-004", 3, 4);
  g_autofree char *rejected = pending_loan ("LAB-002", 3, 4);
  g_autofree char *approved_title = NULL;
  g_autofree char *rejected_title = NULL;
  Notification *notification;

  /* Translators: a notification; %s is an item. */
  approved_title = g_strdup_printf (_("Your request for %s was approved"), "Gelas Ukur 100 ml");
  rejected_title = g_strdup_printf (_("Your request for %s was rejected"), "Neraca Digital Ohaus");
  lp_gui_wait_for (my_loan_row (approved) != NULL && my_loan_row (rejected) != NULL);
  decide (approved, "approve");
  lp_gui_wait_for (lp_gui_toast_shown (gui, approved_title));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "member-approved");
  if (app_is_active ())
    g_assert_null (find_notification (approved_title));

  /* In the background: the member is told on the desktop. */
  gtk_widget_set_visible (GTK_WIDGET (gui->window), FALSE);
  lp_gui_wait_for (!app_is_active ());
  decide (rejected, "reject");
  lp_gui_wait_for ((notification = find_notification (rejected_title)) != NULL);
  g_assert_cmpstr (notification->body, ==, "Dipakai ujian praktik");
  g_assert_true (g_strv_contains ((const char * const *) notification->actions, "default"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (gui->app), "open-loan"));
  lp_gui_wait_for (lp_gui_toast_shown (gui, rejected_title));
  gtk_widget_set_visible (GTK_WIDGET (gui->window), TRUE);
  lp_gui_wait_for (gtk_widget_get_mapped (GTK_WIDGET (gui->window)));
}

/* At login: loans due back tomorrow and overdue ones. */
static void
test_reminders (void)
{
  g_autofree char *soon = approved_loan ("LAB-003", 1, 2, 3);
  g_autofree char *late = approved_loan ("TIK-001", 1, 2, 3);
  g_autofree char *tomorrow = day_text (1);
  g_autofree char *overdue_text = NULL;
  g_autofree char *soon_text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *body = NULL;
  g_autofree char *ignored = NULL;
  Notification *notification;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("UPDATE loans SET start_date = library_today(), due_date = '%s'"
                         " WHERE id = '%s'", tomorrow, soon);
  ignored = lp_test_server_sql_value (server, sql);
  g_free (sql);
  g_free (ignored);
  sql = g_strdup_printf ("UPDATE loans SET status = 'borrowed', start_date = library_today() - 3,"
                         " due_date = library_today() - 1 WHERE id = '%s'", late);
  ignored = lp_test_server_sql_value (server, sql);

  /* Both kinds: counted on the toast, named in the notification's sentences. */
  overdue_text = g_strdup_printf (g_dngettext (NULL, "%u loan is overdue", "%u loans are overdue", 1), 1);
  soon_text = g_strdup_printf (g_dngettext (NULL, "%u loan is due back tomorrow",
                                            "%u loans are due back tomorrow", 1), 1);
  /* Translators: two short reminders on one line. */
  expected = g_strdup_printf (_("%s · %s"), overdue_text, soon_text);
  /* Translators: a reminder; %s is an item. */
  body = g_strdup_printf (_("“%s” is overdue: please return it to the library."),
                          "Laptop Lenovo ThinkPad E14");
  gtk_widget_set_visible (GTK_WIDGET (gui->window), FALSE);
  lp_gui_wait_for (!app_is_active ());
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.logout", NULL);
  lp_gui_wait_for (lp_api_client_get_user (lp_application_get_client (gui->app)) == NULL);
  log_in_as_member ();
  lp_gui_wait_for (lp_gui_toast_shown (gui, expected));
  lp_gui_wait_for ((notification = find_notification (_("Loan Reminder"))) != NULL);
  g_assert_nonnull (strstr (notification->body, body));
  gtk_widget_set_visible (GTK_WIDGET (gui->window), TRUE);
  lp_gui_wait_for (gtk_widget_get_mapped (GTK_WIDGET (gui->window)));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "member-reminder");
}

/* Toasts in a row, e.g. "Logged in as …", a reminder and a decision arriving together:
 * each replaces the one before, the last one stays, and the window lives on.
 * libadwaita 1.2 freed the record of a toast replaced while it was still sliding in
 * and touched it when the slide ended: this crashed the app (see __asan_default_options). */
static void
test_toasts_in_a_row (void)
{
  g_autofree char *last = g_strdup_printf (_("Your request for %s was approved"),
                                           "Gelas Ukur 100 ml");

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gui->window)));
  for (guint round = 0; round < 3; round++)
    {
      gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.toast", "s", _("Request sent"));
      gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.toast", "s", _("Request cancelled"));
      gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.toast", "s", last);
      lp_gui_wait_for (lp_gui_toast_shown (gui, last));
      /* Every animation played to its end. */
      lp_gui_spin (1500);
      g_assert_true (lp_gui_toast_shown (gui, last));
      g_assert_false (lp_gui_toast_shown (gui, _("Request sent")));
      g_assert_false (lp_gui_toast_shown (gui, _("Request cancelled")));
    }
  lp_gui_screenshot (GTK_WIDGET (gui->window), "member-toasts-in-a-row");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *url = NULL;
  guint notifications_id;
  int status;

  lp_gui_init (&argc, &argv, FALSE);
  server = lp_test_server_start (NULL);
  lp_gui_seed_desk (server, &member_token, &staff_token);
  url = lp_gui_server_url (server);
  gui = lp_gui_app_new (url, WIDE);
  notifications_id = start_notification_server ();

  g_test_add_func ("/lp/gui/member/can-borrow-now", test_can_borrow_now);
  g_test_add_func ("/lp/gui/member/request", test_request);
  g_test_add_func ("/lp/gui/member/validation", test_validation);
  g_test_add_func ("/lp/gui/member/needs-maintenance", test_needs_maintenance);
  g_test_add_func ("/lp/gui/member/greyed", test_greyed);
  g_test_add_func ("/lp/gui/member/overbooked", test_overbooked);
  g_test_add_func ("/lp/gui/member/my-loans", test_my_loans);
  g_test_add_func ("/lp/gui/member/cancel", test_cancel);
  g_test_add_func ("/lp/gui/member/decision", test_decision);
  g_test_add_func ("/lp/gui/member/reminders", test_reminders);
  g_test_add_func ("/lp/gui/member/toasts-in-a-row", test_toasts_in_a_row);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  g_bus_unown_name (notifications_id);
  g_clear_pointer (&notifications, g_ptr_array_unref);
  g_free (member_token);
  g_free (staff_token);
  lp_test_server_free (server);
  return status;
}
