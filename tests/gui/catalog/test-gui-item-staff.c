/* test-gui-item-staff.c — the item page at the desk: the condition history of a damaged
 * return, Mark Repaired with a note, what a member sees of it; and a label scanned into
 * the catalog's search field opening its item.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-item-staff"

#include "config.h"

#include "lp-catalog-page.h"
#include "lp-gui-test.h"
#include "lp-item-page.h"

#include <glib/gi18n.h>
#include <string.h>

#define WIDE 1000
/* The full name the harness gives petugas.rina. */
#define STAFF_NAME "Petugas.Rina"

static LpTestServer *server;
static LpGuiApp *gui;
static char *member_token;
static char *staff_token;

static LpItemPage *
item_page (void)
{
  return lp_gui_page (gui, "item_page");
}

static LpCatalogPage *
catalog (void)
{
  return lp_gui_page (gui, "catalog_page");
}

/* The first value of a query on the test's server. */
#define sql(...) lp_test_server_sql_printf (server, __VA_ARGS__)

static char *
item_id (const char *code)
{
  return sql ("SELECT id FROM items WHERE code = '%s'", code);
}

static JsonObject *
call (const char *method,
      const char *path,
      const char *token,
      const char *body,
      guint       status,
      LpTestResponse **keep)
{
  *keep = lp_test_request (server, method, path, token, body);
  lp_assert_status (*keep, status);
  return lp_test_response_object (*keep);
}

/* A loan of @code lent, handed over and returned with minor damage: its loan code. */
static char *
damaged_return (const char *code,
                const char *damage)
{
  g_autofree char *id = item_id (code);
  g_autofree char *today = sql ("SELECT library_today()");
  g_autofree char *due = sql ("SELECT library_today() + 5");
  g_autofree char *body = NULL, *path = NULL, *loan_code = NULL, *loan_id = NULL;
  g_autofree char *return_body = NULL;
  g_autoptr(LpTestResponse) created = NULL, approved = NULL, handed = NULL, returned = NULL;
  JsonObject *loan;

  body = g_strdup_printf ("{\"item_id\":\"%s\",\"quantity\":1,\"start_date\":\"%s\","
                          "\"due_date\":\"%s\",\"purpose\":\"Praktikum IPA\"}", id, today, due);
  loan = call ("POST", "/api/v1/loans", member_token, body, 201, &created);
  loan_id = g_strdup (json_object_get_string_member (loan, "id"));
  loan_code = g_strdup (json_object_get_string_member (loan, "code"));
  g_free (path);
  path = g_strdup_printf ("/api/v1/loans/%s/approve", loan_id);
  call ("POST", path, staff_token, "{}", 200, &approved);
  g_free (path);
  path = g_strdup_printf ("/api/v1/loans/%s/handover", loan_id);
  call ("POST", path, staff_token, "{}", 200, &handed);
  g_free (path);
  path = g_strdup_printf ("/api/v1/loans/%s/return", loan_id);
  return_body = g_strdup_printf ("{\"condition\":\"minor_damage\",\"damage_category\":\"physical\","
                                 "\"damage_description\":\"%s\"}", damage);
  call ("POST", path, staff_token, return_body, 200, &returned);
  return g_steal_pointer (&loan_code);
}

static void
open_item (const char *code)
{
  g_autofree char *id = item_id (code);

  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.open", "(ss)", "item", id);
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (gui->window, "main_stack"), "item") == 0 &&
                   g_strcmp0 (lp_gui_stack_page (item_page (), "page_stack"), "content") == 0 &&
                   g_strcmp0 (lp_item_page_get_item_id (item_page ()), id) == 0);
  /* A screenshot shows the page, not the slide towards it. */
  lp_gui_wait_for (!gtk_stack_get_transition_running (lp_gui_child (gui->window, "main_stack")));
}

static const char *
history_state (void)
{
  return lp_gui_stack_page (item_page (), "history_stack");
}

/* The condition history's rows, newest first. */
static GPtrArray *
history_rows (void)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkWidget *list = lp_gui_child (item_page (), "history_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_ptr_array_add (rows, row);
  return rows;
}

static const char *
row_title (guint newest)
{
  g_autoptr(GPtrArray) rows = history_rows ();

  if (newest >= rows->len)
    return NULL;
  return adw_preferences_row_get_title (g_ptr_array_index (rows, newest));
}

static const char *
row_details (guint newest)
{
  g_autoptr(GPtrArray) rows = history_rows ();

  if (newest >= rows->len)
    return NULL;
  return adw_action_row_get_subtitle (g_ptr_array_index (rows, newest));
}

static gboolean
shown (const char *name)
{
  GtkWidget *widget = lp_gui_child (item_page (), name);

  return gtk_widget_get_visible (widget) && gtk_widget_is_drawable (widget);
}

static void
scroll_to_end (void)
{
  GtkScrolledWindow *scrolled = lp_gui_child (item_page (), "scrolled_window");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

  lp_gui_spin (100);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  lp_gui_spin (100);
}

static char *damaged_loan;

/* A damaged return, recorded at the desk, is in the item's condition history. */
static void
test_history (void)
{
  g_autofree char *returned = NULL, *inspected = NULL;
  const char *details;

  damaged_loan = damaged_return ("LAB-002", "Piringan timbangan retak");
  lp_gui_log_in (gui, "petugas.rina", "Petugas#2026");
  open_item ("LAB-002");
  lp_gui_wait_for (g_strcmp0 (history_state (), "list") == 0);
  returned = g_strdup_printf (_("Returned · condition: %s"), _("Minor damage"));
  g_assert_cmpstr (row_title (0), ==, returned);
  details = row_details (0);
  g_assert_nonnull (strstr (details, damaged_loan));
  g_assert_nonnull (strstr (details, "Piringan timbangan retak"));
  inspected = g_strdup_printf (_("Inspected by %s"), STAFF_NAME);
  g_assert_nonnull (strstr (details, inspected));
  g_assert_nonnull (strstr (details, _("Not repaired yet")));
  /* The row opens its loan. */
  {
    g_autoptr(GPtrArray) rows = history_rows ();
    g_autofree char *target = NULL;
    g_autofree char *loan_id = sql ("SELECT id FROM loans WHERE code = '%s'", damaged_loan);

    g_assert_cmpstr (gtk_actionable_get_action_name (g_ptr_array_index (rows, 0)), ==, "win.open");
    target = g_variant_print (gtk_actionable_get_action_target_value (g_ptr_array_index (rows, 0)),
                              FALSE);
    g_assert_nonnull (strstr (target, loan_id));
  }
  /* The damage shows: the warning and the desk's Mark Repaired. */
  g_assert_true (shown ("warning_box"));
  g_assert_nonnull (strstr (lp_gui_shown_text (item_page (), "warning_label"),
                            _("Condition: minor damage.")));
  g_assert_true (shown ("repair_button"));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "item-staff");
  scroll_to_end ();
  lp_gui_screenshot (GTK_WIDGET (gui->window), "item-history");
  lp_gui_set_width (gui, 360);
  g_assert_true (shown ("repair_button"));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "item-history");
  lp_gui_set_width (gui, WIDE);
}

/* Mark Repaired with a note: good again, the warning gone, the repair on the timeline. */
static void
test_mark_repaired (void)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  LpItemObject *item = NULL;
  g_autofree char *condition = NULL, *note = NULL, *by = NULL;

  lp_gui_click (lp_gui_child (item_page (), "repair_button"));
  lp_gui_wait_for ((dialog = lp_gui_find_message_dialog ()) != NULL);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_ENTRY (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Piringan diganti baru");
  lp_gui_screenshot (GTK_WIDGET (dialog), "item-repair-dialog");
  lp_gui_respond (dialog, "repair");

  lp_gui_wait_for (g_strcmp0 (row_title (0), _("Repaired")) == 0);
  g_assert_nonnull (strstr (row_details (0), "Piringan diganti baru"));
  by = g_strdup_printf (_("By %s"), STAFF_NAME);
  g_assert_nonnull (strstr (row_details (0), by));
  /* The damage row now says it was repaired. */
  g_assert_null (strstr (row_details (1), _("Not repaired yet")));
  g_object_get (item_page (), "item", &item, NULL);
  g_assert_nonnull (item);
  g_assert_cmpint (lp_api_object_get_enum (item, "condition"), ==, LP_ITEM_CONDITION_GOOD);
  g_object_unref (item);
  lp_gui_wait_for (!shown ("warning_box") && !shown ("repair_button"));
  g_assert_true (lp_gui_toast_shown (gui, _("Marked as repaired")));

  condition = sql ("SELECT condition || ' ' || status FROM items WHERE code = 'LAB-002'");
  g_assert_cmpstr (condition, ==, "good available");
  note = sql ("SELECT note FROM item_condition_events e JOIN items i ON i.id = e.item_id"
              " WHERE i.code = 'LAB-002' AND e.source = 'repair'");
  g_assert_cmpstr (note, ==, "Piringan diganti baru");
  scroll_to_end ();
  lp_gui_screenshot (GTK_WIDGET (gui->window), "item-repaired");
}

/* Another desk repairs an item this desk shows: the page follows the event. */
static void
test_live (void)
{
  g_autofree char *id = item_id ("LAB-001");
  g_autofree char *path = g_strdup_printf ("/api/v1/items/%s/repair", id);
  g_autoptr(LpTestResponse) repaired = NULL;

  open_item ("LAB-001");
  lp_gui_wait_for (shown ("repair_button") && g_strcmp0 (history_state (), "empty") == 0);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "item-no-history");
  call ("POST", path, staff_token, "{\"note\":\"Lensa dibersihkan\"}", 200, &repaired);
  lp_gui_wait_for (!shown ("repair_button") && !shown ("warning_box") &&
                   g_strcmp0 (row_title (0), _("Repaired")) == 0);
  g_assert_nonnull (strstr (row_details (0), "Lensa dibersihkan"));
}

/* A member sees the warning of a damaged item, but neither Mark Repaired nor the history
 * (the server keeps it for the desk). */
static void
test_member (void)
{
  lp_gui_log_in (gui, "siswa.andi", "Siswa#2026");
  open_item ("BK-0006");
  g_assert_true (shown ("warning_box"));
  g_assert_nonnull (strstr (lp_gui_shown_text (item_page (), "warning_label"),
                            _("Condition: minor damage.")));
  lp_gui_spin (300);
  g_assert_false (shown ("repair_button"));
  g_assert_false (shown ("history_group"));
  g_assert_false (gtk_widget_get_visible (lp_gui_child (item_page (), "repair_button")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "item-member");
  lp_gui_log_in (gui, "petugas.rina", "Petugas#2026");
}

static GtkEditable *
search_entry (void)
{
  return lp_gui_child (catalog (), "search_entry");
}

/* What a USB scanner does: one key after another, then Enter, no main loop turn between. */
static void
type_and_enter (const char *text)
{
  GtkEditable *entry = search_entry ();
  int position = 0;

  gtk_editable_set_text (entry, "");
  for (const char *c = text; *c != '\0'; c++)
    {
      position = gtk_editable_get_position (entry);
      gtk_editable_insert_text (entry, c, 1, &position);
      gtk_editable_set_position (entry, position);
    }
  g_signal_emit_by_name (entry, "activate");
}

static void
show_catalog (void)
{
  if (g_strcmp0 (lp_gui_stack_page (gui->window, "main_stack"), "browse") != 0)
    gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.back", NULL);
  adw_view_stack_set_visible_child_name (lp_gui_child (gui->window, "view_stack"), "catalog");
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (gui->window, "main_stack"), "browse") == 0);
  lp_catalog_page_focus_search (catalog ());
}

/* A scanned label (the item code, in any case, then Enter) opens the item. */
static void
test_scan_label (void)
{
  g_autofree char *id = item_id ("TIK-010");

  show_catalog ();
  lp_gui_screenshot (GTK_WIDGET (gui->window), "catalog-before-scan");
  type_and_enter ("TIK-010");
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (gui->window, "main_stack"), "item") == 0 &&
                   g_strcmp0 (lp_item_page_get_item_id (item_page ()), id) == 0);
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (item_page (), "page_stack"), "content") == 0);
  lp_gui_wait_for (!gtk_stack_get_transition_running (lp_gui_child (gui->window, "main_stack")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "item-scanned");

  /* Typed by hand in lower case it is the same code. */
  g_free (id);
  id = item_id ("BK-0003");
  show_catalog ();
  type_and_enter ("bk-0003");
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (gui->window, "main_stack"), "item") == 0 &&
                   g_strcmp0 (lp_item_page_get_item_id (item_page ()), id) == 0);
}

/* Words, or part of a code, and Enter: a search, no item opened. */
static void
test_search_enter (void)
{
  LpPagedModel *model;

  show_catalog ();
  model = lp_gui_paged_model (catalog (), "list_view");
  type_and_enter ("BK-000");
  lp_gui_spin (1500);
  g_assert_cmpstr (lp_gui_stack_page (gui->window, "main_stack"), ==, "browse");
  lp_gui_wait_for (lp_paged_model_get_loaded (model) && !lp_paged_model_get_loading (model) &&
                   g_list_model_get_n_items (G_LIST_MODEL (model)) == 6);

  type_and_enter ("Atlas");
  lp_gui_spin (1500);
  g_assert_cmpstr (lp_gui_stack_page (gui->window, "main_stack"), ==, "browse");
  lp_gui_wait_for (lp_paged_model_get_loaded (model) && !lp_paged_model_get_loading (model) &&
                   g_list_model_get_n_items (G_LIST_MODEL (model)) == 1);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "catalog-search-enter");
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

  g_test_add_func ("/lp/gui/item-staff/history", test_history);
  g_test_add_func ("/lp/gui/item-staff/mark-repaired", test_mark_repaired);
  g_test_add_func ("/lp/gui/item-staff/live", test_live);
  g_test_add_func ("/lp/gui/item-staff/member", test_member);
  g_test_add_func ("/lp/gui/item-staff/scan-label", test_scan_label);
  g_test_add_func ("/lp/gui/item-staff/search-enter", test_search_enter);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  g_free (damaged_loan);
  g_free (member_token);
  g_free (staff_token);
  lp_test_server_free (server);
  return status;
}
