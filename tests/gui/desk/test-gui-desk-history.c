/* test-gui-desk-history.c — looking back at the desk's work: a loan's page sends its
 * return to the Returns desk's inspection form, where it is recorded; the return history
 * narrows by date, condition and item, and a row opens its loan; the Loans page narrows
 * by member, item and dates.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-desk-history"

#include "config.h"

#include "lp-gui-test.h"
#include "lp-inspection-form.h"
#include "lp-loan-page.h"
#include "lp-loans-page.h"
#include "lp-returns-page.h"

#include <glib/gi18n.h>
#include <string.h>

#define WIDE 1000

static LpTestServer *server;
static LpGuiApp *gui;
static char *member_token;
static char *staff_token;

static char *
sql (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static char *
sql (const char *format,
     ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  return lp_test_server_sql_value (server, text);
}

static void
staff_does (const char *loan_id,
            const char *action,
            const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/loans/%s/%s", loan_id, action);
  g_autoptr(LpTestResponse) response = lp_test_request (server, "POST", path, staff_token,
                                                        body != NULL ? body : "{}");

  lp_assert_status (response, 200);
}

/* A loan of one unit of the item @code, from today for five days, approved and handed
 * over. Its id. */
static char *
lend (const char *code)
{
  g_autofree char *item_id = sql ("SELECT id FROM items WHERE code = '%s'", code);
  g_autofree char *start = sql ("SELECT library_today()");
  g_autofree char *due = sql ("SELECT library_today() + 5");
  g_autofree char *body = g_strdup_printf ("{\"item_id\":\"%s\",\"quantity\":1,"
                                           "\"start_date\":\"%s\",\"due_date\":\"%s\","
                                           "\"purpose\":\"Praktikum kelas 8B\"}",
                                           item_id, start, due);
  g_autoptr(LpTestResponse) response = lp_test_request (server, "POST", "/api/v1/loans",
                                                        member_token, body);
  char *id;

  lp_assert_status (response, 201);
  id = g_strdup (json_object_get_string_member (lp_test_response_object (response), "id"));
  staff_does (id, "approve", NULL);
  staff_does (id, "handover", NULL);
  return id;
}

static char *
loan_value (const char *id,
            const char *column)
{
  return sql ("SELECT %s FROM loans WHERE id = '%s'", column, id);
}

static LpLoanPage *
loan_page (void)
{
  return lp_gui_page (gui, "loan_page");
}

static LpReturnsPage *
returns_page (void)
{
  return lp_gui_page (gui, "returns_page");
}

/* Whether the loan page shows the loan @id. */
static gboolean
shows_loan (const char *id)
{
  g_autoptr(LpLoanObject) loan = NULL;

  g_object_get (loan_page (), "loan", &loan, NULL);
  return loan != NULL && g_strcmp0 (lp_api_object_get_id (loan), id) == 0 &&
         g_strcmp0 (lp_gui_stack_page (loan_page (), "page_stack"), "content") == 0;
}

static void
open_loan (const char *id)
{
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.open", "(ss)", "loan", id);
  lp_gui_wait_for (shows_loan (id));
}

/* "Record Return" on a borrowed loan's page: the Returns desk opens with that loan in the
 * inspection form; the officer picks the condition there, describes, records. */
static void
test_record_return_from_loan (void)
{
  g_autofree char *id = lend ("LAB-002");
  g_autofree char *code = loan_value (id, "code");
  g_autofree char *status = NULL;
  g_autofree char *condition = NULL;
  AdwMessageDialog *dialog = NULL;
  LpInspectionForm *form;
  GtkWidget *button;

  lp_gui_log_in (gui, "petugas.rina", "Petugas#2026");
  open_loan (id);
  button = lp_gui_child (loan_page (), "record_return_button");
  lp_gui_wait_for (gtk_widget_get_visible (button));
  lp_gui_wait_for (!gtk_stack_get_transition_running (lp_gui_child (gui->window, "main_stack")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "loan-record-return");
  lp_gui_click (button);
  lp_gui_wait_for ((dialog = lp_gui_find_message_dialog ()) != NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (lp_gui_child (gui->window, "main_stack")),
                   ==, "browse");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (lp_gui_child (gui->window, "view_stack")),
                   ==, "returns");
  /* The form is that loan's, Good until the officer says otherwise. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), code));
  form = LP_INSPECTION_FORM (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpint (lp_inspection_form_get_condition (form), ==, LP_ITEM_CONDITION_GOOD);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "record"));
  gtk_drop_down_set_selected (lp_gui_child (form, "condition_dropdown"), 1);
  g_assert_cmpint (lp_inspection_form_get_condition (form), ==, LP_ITEM_CONDITION_MINOR_DAMAGE);
  /* Damaged: nothing to record until it is described. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "record"));
  gtk_editable_set_text (lp_gui_child (form, "description_entry"), "Piringan timbang tergores");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "record"));
  lp_gui_screenshot (GTK_WIDGET (dialog), "loan-record-return-form");
  lp_gui_respond (dialog, "record");
  lp_gui_wait_for (lp_gui_find_message_dialog () == NULL);
  lp_gui_wait_for (lp_gui_find_label (lp_gui_child (returns_page (), "results_list"),
                                      _("Returned")) != NULL);
  status = loan_value (id, "status");
  g_assert_cmpstr (status, ==, "returned");
  condition = sql ("SELECT condition FROM returns WHERE loan_id = '%s'", id);
  g_assert_cmpstr (condition, ==, "minor_damage");
  lp_gui_screenshot (GTK_WIDGET (gui->window), "returns-from-loan");

  /* Returned: the loan's page no longer offers it. */
  open_loan (id);
  lp_gui_wait_for (!gtk_widget_get_visible (lp_gui_child (loan_page (), "record_return_button")));
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.back", NULL);
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

  g_test_add_func ("/lp/gui/desk-history/record-return-from-loan", test_record_return_from_loan);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  g_free (member_token);
  g_free (staff_token);
  lp_test_server_free (server);
  return status;
}
