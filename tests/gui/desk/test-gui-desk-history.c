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
#include "lp-date-button.h"
#include "lp-returns-page.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#define WIDE 1000

static LpTestServer *server;
static LpGuiApp *gui;
static char *member_token;
static char *staff_token;
static char *return_good;      /* BK-0004, Good, ten days ago */
static char *return_minor;     /* LAB-003, Minor damage, five days ago */
static char *return_major;     /* BK-0004, Major damage, two days ago */
static char *return_today;     /* LAB-002, Minor damage, today (from its loan's page) */

/* The first value of a query on the test's server. */
#define sql(...) lp_test_server_sql_printf (server, __VA_ARGS__)

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
  const char *id = return_today = lend ("LAB-002");
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

/*
 * The return history
 */

/* Lends @code and records its return @days_ago in @condition. The loan's id. */
static char *
returned (const char *code,
          const char *condition,
          const char *damage,
          int         days_ago)
{
  char *id = lend (code);
  g_autofree char *body = damage != NULL
    ? g_strdup_printf ("{\"condition\":\"%s\",\"damage_description\":\"%s\","
                       "\"damage_category\":\"physical\"}", condition, damage)
    : g_strdup_printf ("{\"condition\":\"%s\"}", condition);

  staff_does (id, "return", body);
  /* As if it had come back then. */
  g_free (sql ("UPDATE returns SET returned_at = now() - interval '%d days'"
               " WHERE loan_id = '%s' RETURNING 1", days_ago, id));
  return id;
}

static LpPagedModel *
history (void)
{
  return lp_gui_paged_model (returns_page (), "history_view");
}

static const char *
history_state (void)
{
  return lp_gui_stack_page (returns_page (), "history_stack");
}

/* The loans of the returns listed, in order, as "id,id,…" ("" for none). */
static char *
listed (void)
{
  GListModel *model = G_LIST_MODEL (history ());
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LpReturnObject) ret = g_list_model_get_item (model, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? "," : "",
                              lp_api_object_get_loaded (ret)
                              ? lp_api_object_get_string (ret, "loan-id") : "?");
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static gboolean
lists (const char *first,
       ...) G_GNUC_NULL_TERMINATED;

/* Whether the history shows exactly the returns of these loans, in this order. */
static gboolean
lists (const char *first,
       ...)
{
  g_autoptr(GString) expected = g_string_new (first);
  g_autofree char *shown = NULL;
  const char *id;
  va_list args;

  va_start (args, first);
  while ((id = va_arg (args, const char *)) != NULL)
    g_string_append_printf (expected, ",%s", id);
  va_end (args);
  if (!lp_paged_model_get_loaded (history ()) || lp_paged_model_get_loading (history ()))
    return FALSE;
  shown = listed ();
  return g_str_equal (shown, expected->str) &&
         g_strcmp0 (history_state (), *expected->str != '\0' ? "list" : "empty") == 0;
}

/* The library's today plus @days, picked in the calendar of the date button @name. */
static void
pick_day (const char *name,
          int         days)
{
  LpDateButton *button = lp_gui_child (returns_page (), name);
  g_autofree char *text = sql ("SELECT library_today() + %d", days);
  g_auto(GStrv) parts = g_strsplit (text, "-", 3);
  g_autoptr(GDateTime) day = g_date_time_new_local (atoi (parts[0]), atoi (parts[1]),
                                                    atoi (parts[2]), 12, 0, 0);

  gtk_calendar_select_day (lp_gui_child (button, "calendar"), day);
  g_signal_emit_by_name (lp_gui_child (button, "calendar"), "day-selected");
  g_assert_nonnull (lp_date_button_get_date (button));
}

static void
any_day (const char *name)
{
  LpDateButton *button = lp_gui_child (returns_page (), name);

  g_signal_emit_by_name (lp_gui_child (button, "clear_button"), "clicked");
  g_assert_null (lp_date_button_get_date (button));
}

static void
set_condition (guint condition)
{
  gtk_drop_down_set_selected (lp_gui_child (returns_page (), "history_condition_dropdown"),
                              condition);
}

/* Types @text in the item filter of @page. */
static void
type_item (gpointer    page,
           const char *text)
{
  GtkWidget *entry = lp_gui_child (lp_gui_child (page, "item_filter"), "entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* A search entry waits a moment before it says it changed: not the test. */
  g_signal_emit_by_name (entry, "search-changed");
}

static void
set_item (const char *text)
{
  type_item (returns_page (), text);
}

enum { ANY_CONDITION, GOOD, MINOR_DAMAGE, MAJOR_DAMAGE, LOST };

static void
test_return_history (void)
{
  g_autofree char *item_name = sql ("SELECT name FROM items WHERE code = 'BK-0004'");
  g_autofree char *item_text = NULL;
  g_autofree char *late = NULL;
  g_autofree char *damage = NULL;
  int position = -1;

  return_good = returned ("BK-0004", "good", NULL, 10);
  return_minor = returned ("LAB-003", "minor_damage", "Kabel penjepit putus", 5);
  return_major = returned ("BK-0004", "major_damage", "Sampul robek", 2);

  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.open", "(ss)", "returns", "");
  gtk_stack_set_visible_child_name (lp_gui_child (returns_page (), "returns_stack"), "history");
  /* Newest first, the one recorded from the loan's page on top. */
  lp_gui_wait_for (lists (return_today, return_major, return_minor, return_good, NULL));
  /* Translators: a return's condition and the damage described. */
  damage = g_strdup_printf (_("%s · %s"), _(lp_item_condition_label (LP_ITEM_CONDITION_MINOR_DAMAGE)),
                            "Kabel penjepit putus");
  lp_gui_wait_for (lp_gui_find_label (GTK_WIDGET (returns_page ()), damage) != NULL);
  lp_gui_wait_for (!gtk_stack_get_transition_running (lp_gui_child (gui->window, "main_stack")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "returns-history");

  /* By condition. */
  set_condition (MINOR_DAMAGE);
  lp_gui_wait_for (lists (return_today, return_minor, NULL));
  set_condition (MAJOR_DAMAGE);
  lp_gui_wait_for (lists (return_major, NULL));
  set_condition (GOOD);
  lp_gui_wait_for (lists (return_good, NULL));
  set_condition (ANY_CONDITION);

  /* By dates, both ends included: six to three days ago, then from two days ago on. */
  pick_day ("from_button", -6);
  pick_day ("to_button", -3);
  lp_gui_wait_for (lists (return_minor, NULL));
  pick_day ("from_button", -5);
  pick_day ("to_button", -5);
  lp_gui_wait_for (lists (return_minor, NULL));
  any_day ("to_button");
  pick_day ("from_button", -2);
  lp_gui_wait_for (lists (return_today, return_major, NULL));
  any_day ("from_button");

  /* By item, its code typed in any case; with a condition too. */
  set_item ("bk-0004");
  lp_gui_wait_for (lists (return_major, return_good, NULL));
  /* Translators: the item the return history is narrowed to, e.g. "Item: LAB-001 — Mikroskop". */
  item_text = g_strdup_printf (_("Item: %s — %s"), "BK-0004", item_name);
  g_assert_cmpstr (lp_gui_shown_text (lp_gui_child (returns_page (), "item_filter"), "label"), ==,
                   item_text);
  set_condition (GOOD);
  lp_gui_wait_for (lists (return_good, NULL));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "returns-history-filtered");
  set_condition (LOST);
  lp_gui_wait_for (lists ("", NULL));
  g_assert_cmpstr (adw_status_page_get_title (lp_gui_child (returns_page (), "history_empty_page")),
                   ==, _("No Matching Returns"));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "returns-history-empty");
  set_condition (ANY_CONDITION);
  set_item ("ZZZ-404");
  lp_gui_wait_for (g_strcmp0 (adw_status_page_get_title (lp_gui_child (returns_page (),
                                                                      "history_empty_page")),
                              _("No Such Item")) == 0 &&
                   g_strcmp0 (history_state (), "empty") == 0);
  set_item ("");
  lp_gui_wait_for (lists (return_today, return_major, return_minor, return_good, NULL));

  /* A row opens its loan. */
  for (guint i = 0; i < 4 && position < 0; i++)
    {
      g_autoptr(LpReturnObject) ret = g_list_model_get_item (G_LIST_MODEL (history ()), i);

      if (g_strcmp0 (lp_api_object_get_string (ret, "loan-id"), return_minor) == 0)
        position = (int) i;
    }
  g_assert_cmpint (position, ==, 2);
  g_signal_emit_by_name (lp_gui_child (returns_page (), "history_view"), "activate",
                         (guint) position);
  lp_gui_wait_for (shows_loan (return_minor));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (lp_gui_child (gui->window, "main_stack")),
                   ==, "loan");
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.back", NULL);

  /* Live: a return recorded at another desk shows up on top. */
  late = returned ("LAB-004", "good", NULL, 0);
  lp_gui_wait_for (lists (late, return_today, return_major, return_minor, return_good, NULL));

  /* A narrow desk keeps every filter. */
  lp_gui_set_width (gui, 360);
  g_assert_true (gtk_widget_get_mapped (lp_gui_child (returns_page (), "item_filter")));
  g_assert_true (gtk_widget_get_mapped (lp_gui_child (returns_page (), "to_button")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "returns-history");
  lp_gui_set_width (gui, WIDE);
}

/*
 * The Loans page's filters
 */

static LpLoansPage *
loans_page (void)
{
  return lp_gui_page (gui, "loans_page");
}

/* As @token, one unit of @code from @start to @due days from today, approved. */
static char *
approved_loan (const char *token,
               const char *code,
               int         start,
               int         due)
{
  g_autofree char *item_id = sql ("SELECT id FROM items WHERE code = '%s'", code);
  g_autofree char *from = sql ("SELECT library_today() + %d", start);
  g_autofree char *to = sql ("SELECT library_today() + %d", due);
  g_autofree char *body = g_strdup_printf ("{\"item_id\":\"%s\",\"quantity\":1,"
                                           "\"start_date\":\"%s\",\"due_date\":\"%s\","
                                           "\"purpose\":\"Tugas kelompok\"}",
                                           item_id, from, to);
  g_autoptr(LpTestResponse) response = lp_test_request (server, "POST", "/api/v1/loans", token,
                                                        body);
  char *id;

  lp_assert_status (response, 201);
  id = g_strdup (json_object_get_string_member (lp_test_response_object (response), "id"));
  staff_does (id, "approve", NULL);
  return id;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Whether the Loans page lists exactly these loans (in any order), NULL-terminated. */
static gboolean
loans_listed (const char *first,
              ...) G_GNUC_NULL_TERMINATED;

static gboolean
loans_listed (const char *first,
              ...)
{
  LpPagedModel *model = lp_gui_paged_model (loans_page (), "list_view");
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  const char *state = lp_gui_stack_page (loans_page (), "content_stack");
  va_list args;

  if (!lp_paged_model_get_loaded (model) || lp_paged_model_get_loading (model))
    return FALSE;
  va_start (args, first);
  for (const char *id = first; id != NULL; id = va_arg (args, const char *))
    g_ptr_array_add (expected, (gpointer) id);
  va_end (args);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(LpLoanObject) loan = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (!lp_api_object_get_loaded (loan))
        return FALSE;
      g_ptr_array_add (shown, g_strdup (lp_api_object_get_id (loan)));
    }
  if (shown->len != expected->len ||
      g_strcmp0 (state, expected->len > 0 ? "list" : "empty") != 0)
    return FALSE;
  g_ptr_array_sort (expected, compare_strings);
  g_ptr_array_sort (shown, compare_strings);
  for (guint i = 0; i < shown->len; i++)
    if (g_strcmp0 (g_ptr_array_index (shown, i), g_ptr_array_index (expected, i)) != 0)
      return FALSE;
  return TRUE;
}

static void
set_member (const char *username)
{
  GtkWidget *entry = lp_gui_child (loans_page (), "member_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), username);
  g_signal_emit_by_name (entry, "search-changed");
}

/* The library's today plus @days in the date button @name of @page. */
static void
pick_day_on (gpointer    page,
             const char *name,
             int         days)
{
  LpDateButton *button = lp_gui_child (page, name);
  g_autofree char *text = sql ("SELECT library_today() + %d", days);
  g_auto(GStrv) parts = g_strsplit (text, "-", 3);
  g_autoptr(GDateTime) day = g_date_time_new_local (atoi (parts[0]), atoi (parts[1]),
                                                    atoi (parts[2]), 12, 0, 0);

  gtk_calendar_select_day (lp_gui_child (button, "calendar"), day);
  g_signal_emit_by_name (lp_gui_child (button, "calendar"), "day-selected");
  g_assert_nonnull (lp_date_button_get_date (button));
}

static void
test_loans_filters (void)
{
  g_autofree char *budi_id = lp_test_server_create_user (server, "siswa.budi", "Siswa#2026",
                                                         "member");
  g_autofree char *budi = lp_test_server_login (server, "siswa.budi", "Siswa#2026");
  g_autofree char *andi_soon = approved_loan (member_token, "BK-0001", 1, 3);
  g_autofree char *andi_later = approved_loan (member_token, "BK-0006", 10, 12);
  g_autofree char *budi_soon = approved_loan (budi, "BK-0001", 2, 4);
  g_autofree char *budi_later = approved_loan (budi, "LAB-001", 10, 11);

  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.open", "(ss)", "loans", "approved");
  lp_gui_wait_for (loans_listed (andi_soon, andi_later, budi_soon, budi_later, NULL));

  /* By member: the whole user name, in any case. */
  set_member ("siswa.andi");
  lp_gui_wait_for (loans_listed (andi_soon, andi_later, NULL));
  set_member ("Siswa.Budi ");
  lp_gui_wait_for (loans_listed (budi_soon, budi_later, NULL));
  lp_gui_wait_for (!gtk_stack_get_transition_running (lp_gui_child (gui->window, "main_stack")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "loans-by-member");
  set_member ("siswa.an");
  lp_gui_wait_for (loans_listed (NULL, NULL));
  g_assert_cmpstr (adw_status_page_get_title (lp_gui_child (loans_page (), "empty_page")), ==,
                   _("No Matching Loans"));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "loans-no-member");
  set_member ("");
  lp_gui_wait_for (loans_listed (andi_soon, andi_later, budi_soon, budi_later, NULL));

  /* By dates: the loans running on any day of the range. */
  pick_day_on (loans_page (), "from_button", 9);
  pick_day_on (loans_page (), "to_button", 12);
  lp_gui_wait_for (loans_listed (andi_later, budi_later, NULL));
  pick_day_on (loans_page (), "from_button", 3);
  pick_day_on (loans_page (), "to_button", 3);
  lp_gui_wait_for (loans_listed (andi_soon, budi_soon, NULL));
  pick_day_on (loans_page (), "from_button", 4);
  pick_day_on (loans_page (), "to_button", 9);
  lp_gui_wait_for (loans_listed (budi_soon, NULL));
  /* With a member too. */
  pick_day_on (loans_page (), "from_button", 1);
  pick_day_on (loans_page (), "to_button", 12);
  set_member ("siswa.andi");
  lp_gui_wait_for (loans_listed (andi_soon, andi_later, NULL));
  pick_day_on (loans_page (), "from_button", 9);
  lp_gui_wait_for (loans_listed (andi_later, NULL));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "loans-by-member-and-dates");
  set_member ("");

  /* By item, and by item and member. */
  g_signal_emit_by_name (lp_gui_child (lp_gui_child (loans_page (), "from_button"), "clear_button"),
                         "clicked");
  g_signal_emit_by_name (lp_gui_child (lp_gui_child (loans_page (), "to_button"), "clear_button"),
                         "clicked");
  type_item (loans_page (), "bk-0001");
  lp_gui_wait_for (loans_listed (andi_soon, budi_soon, NULL));
  set_member ("siswa.budi");
  lp_gui_wait_for (loans_listed (budi_soon, NULL));
  type_item (loans_page (), "XYZ-000");
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (loans_page (), "content_stack"), "empty") == 0 &&
                   g_strcmp0 (adw_status_page_get_title (lp_gui_child (loans_page (), "empty_page")),
                              _("No Such Item")) == 0);

  /* A list opened by name (the dashboard's links) starts without any of them. */
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.open", "(ss)", "loans", "approved");
  lp_gui_wait_for (loans_listed (andi_soon, andi_later, budi_soon, budi_later, NULL));
  g_assert_cmpstr (gtk_editable_get_text (lp_gui_child (loans_page (), "member_entry")), ==, "");
  g_assert_null (lp_date_button_get_date (lp_gui_child (loans_page (), "from_button")));

  /* A narrow desk keeps every filter. */
  lp_gui_set_width (gui, 360);
  g_assert_true (gtk_widget_get_mapped (lp_gui_child (loans_page (), "member_entry")));
  g_assert_true (gtk_widget_get_mapped (lp_gui_child (loans_page (), "to_button")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "loans-filters");
  lp_gui_set_width (gui, WIDE);
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
  g_test_add_func ("/lp/gui/desk-history/return-history", test_return_history);
  g_test_add_func ("/lp/gui/desk-history/loans-filters", test_loans_filters);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  g_free (member_token);
  g_free (staff_token);
  g_free (return_good);
  g_free (return_minor);
  g_free (return_major);
  g_free (return_today);
  lp_test_server_free (server);
  return status;
}
