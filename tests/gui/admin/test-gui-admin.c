/* test-gui-admin.c — an admin manages accounts: creates and edits them, is offered to
 * deactivate an account the library's history needs instead of deleting it, and cannot
 * demote the last admin; staff never see the admin pages.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-admin"

#include "config.h"

#include "lp-gui-test.h"
#include "lp-activity-page.h"
#include "lp-categories-page.h"
#include "lp-items-page.h"
#include "lp-users-page.h"
#include "lp-validation.h"

#include <glib/gi18n.h>
#include <string.h>

#define WIDE 1200

static LpTestServer *server;
static LpGuiApp *gui;
static char *member_token;
static char *staff_token;

/* The first value of a query on the test's server. */
#define sql(...) lp_test_server_sql_printf (server, __VA_ARGS__)

static gpointer
users (void)
{
  return lp_gui_page (gui, "users_page");
}

static void
show_page (const char *name)
{
  adw_view_stack_set_visible_child_name (lp_gui_child (gui->window, "view_stack"), name);
  lp_gui_iterate ();
}

static gboolean
page_visible (const char *name)
{
  AdwViewStack *stack = lp_gui_child (gui->window, "view_stack");
  GtkWidget *child = adw_view_stack_get_child_by_name (stack, name);

  return adw_view_stack_page_get_visible (adw_view_stack_get_page (stack, child));
}

static void
type (gpointer    page,
      const char *row,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (lp_gui_child (page, row)), text);
}

static gboolean
problem_shown (gpointer    page,
               const char *problem)
{
  return gtk_widget_get_visible (lp_gui_child (page, problem));
}

/* The position of the row showing @key (a username) in the list of @page, once loaded. */
static int
find_row (gpointer    page,
          const char *property,
          const char *key)
{
  GListModel *model = G_LIST_MODEL (lp_gui_paged_model (page, "list_view"));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LpApiObject) object = g_list_model_get_item (model, i);

      if (lp_api_object_get_loaded (object) &&
          g_strcmp0 (lp_api_object_get_string (object, property), key) == 0)
        return (int) i;
    }
  return -1;
}

/* Clicks the row of @key: the form opens on it. */
static void
open_row (gpointer    page,
          const char *property,
          const char *key)
{
  int position = -1;

  lp_gui_wait_for ((position = find_row (page, property, key)) >= 0);
  g_signal_emit_by_name (lp_gui_child (page, "list_view"), "activate", (guint) position);
  lp_gui_wait_for (gtk_widget_get_visible (lp_gui_child (page, "form_pane")));
}

/* Whether a shown label under @root contains @text. */
static gboolean
label_containing (GtkWidget  *root,
                  const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return FALSE;
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_containing (child, text))
      return TRUE;
  return FALSE;
}

static void
respond_to_dialog (const char *response)
{
  AdwMessageDialog *dialog = NULL;

  lp_gui_wait_for ((dialog = lp_gui_find_message_dialog ()) != NULL);
  lp_gui_screenshot (GTK_WIDGET (dialog), response);
  lp_gui_respond (dialog, response);
  lp_gui_wait_for (lp_gui_find_message_dialog () != dialog);
}

static void
log_in_as_admin (void)
{
  lp_gui_log_in (gui, "admin.sari", "Admin#2026");
  lp_gui_wait_for (page_visible ("users"));
}

static void
test_create_and_edit (void)
{
  gpointer page = users ();
  g_autofree char *role = NULL;
  g_autofree char *name = NULL;
  g_autofree char *updates = NULL;
  g_autofree char *updates_after = NULL;
  g_autofree char *active = NULL;
  g_autofree char *toast = NULL;

  log_in_as_admin ();
  show_page ("users");
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (page, "content_stack"), "list") == 0);
  lp_gui_wait_for (find_row (page, "username", "siswa.andi") >= 0);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "users");

  gtk_widget_activate_action (page, "users.new", NULL);
  type (page, "username_row", "Guru Baru");
  type (page, "full_name_row", "Dewi Lestari");
  type (page, "email_row", "dewi@");
  type (page, "password_row", "short");
  adw_combo_row_set_selected (lp_gui_child (page, "role_row"), 1);   /* Staff */
  gtk_widget_activate_action (page, "users.save", NULL);
  /* Checked before anything goes: each problem under its own field. */
  g_assert_true (problem_shown (page, "username_problem"));
  g_assert_true (problem_shown (page, "email_problem"));
  g_assert_true (problem_shown (page, "password_problem"));
  g_assert_false (problem_shown (page, "full_name_problem"));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "users-invalid");
  name = sql ("SELECT count(*) FROM users WHERE full_name = 'Dewi Lestari'");
  g_assert_cmpstr (name, ==, "0");
  g_clear_pointer (&name, g_free);

  type (page, "username_row", "dewi.lestari");
  type (page, "email_row", "dewi@sekolah.sch.id");
  type (page, "password_row", "Perpus#2026");
  gtk_widget_activate_action (page, "users.save", NULL);
  lp_gui_wait_for (!gtk_widget_get_visible (lp_gui_child (page, "form_pane")));
  role = sql ("SELECT role FROM users WHERE username = 'dewi.lestari'");
  g_assert_cmpstr (role, ==, "staff");

  /* Edit: the new name is the server's. */
  open_row (page, "username", "dewi.lestari");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lp_gui_child (page, "full_name_row"))),
                   ==, "Dewi Lestari");
  type (page, "full_name_row", "Dewi Lestari, S.Pd.");
  lp_gui_screenshot (GTK_WIDGET (gui->window), "users-edit");
  gtk_widget_activate_action (page, "users.save", NULL);
  lp_gui_wait_for (!gtk_widget_get_visible (lp_gui_child (page, "form_pane")));
  name = sql ("SELECT full_name FROM users WHERE username = 'dewi.lestari'");
  g_assert_cmpstr (name, ==, "Dewi Lestari, S.Pd.");

  /* Saving a form nothing was changed in closes it and sends nothing. */
  updates = sql ("SELECT count(*) FROM activity_log WHERE action = 'user.update'");
  open_row (page, "username", "dewi.lestari");
  gtk_widget_activate_action (page, "users.save", NULL);
  g_assert_false (gtk_widget_get_visible (lp_gui_child (page, "form_pane")));
  lp_gui_spin (300);
  updates_after = sql ("SELECT count(*) FROM activity_log WHERE action = 'user.update'");
  g_assert_cmpstr (updates_after, ==, updates);

  /* Unticking "Active" and saving deactivates the account, and the toast says so. */
  open_row (page, "username", "dewi.lestari");
  gtk_switch_set_active (lp_gui_child (page, "active_switch"), FALSE);
  gtk_widget_activate_action (page, "users.save", NULL);
  /* Translators: a notification; %s is a person's name. */
  toast = g_strdup_printf (_("Account of %s deactivated"), "Dewi Lestari, S.Pd.");
  lp_gui_wait_for (lp_gui_toast_shown (gui, toast));
  active = sql ("SELECT active FROM users WHERE username = 'dewi.lestari'");
  g_assert_cmpstr (active, ==, "f");
  g_clear_pointer (&active, g_free);
  open_row (page, "username", "dewi.lestari");
  gtk_switch_set_active (lp_gui_child (page, "active_switch"), TRUE);
  gtk_widget_activate_action (page, "users.save", NULL);
  lp_gui_wait_for (!gtk_widget_get_visible (lp_gui_child (page, "form_pane")));
  active = sql ("SELECT active FROM users WHERE username = 'dewi.lestari'");
  g_assert_cmpstr (active, ==, "t");

  /* A narrow window (360 px) still shows the form whole, with its buttons. */
  open_row (page, "username", "dewi.lestari");
  lp_gui_set_width (gui, 360);
  g_assert_true (gtk_widget_is_visible (lp_gui_child (page, "save_button")));
  g_assert_cmpint (gtk_widget_get_width (lp_gui_child (page, "form_pane")), <=, 360);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "users-edit");
  lp_gui_set_width (gui, WIDE);
  gtk_widget_activate_action (page, "users.cancel", NULL);

  /* The filters: staff only. */
  gtk_drop_down_set_selected (lp_gui_child (page, "role_dropdown"), 2);
  lp_gui_wait_for (find_row (page, "username", "siswa.andi") < 0 &&
                   find_row (page, "username", "dewi.lestari") >= 0);
  gtk_drop_down_set_selected (lp_gui_child (page, "role_dropdown"), 0);
  lp_gui_wait_for (find_row (page, "username", "siswa.andi") >= 0);
}

/* A member with a loan is history: deleting is refused, deactivating is offered. */
static void
test_delete_offers_deactivate (void)
{
  gpointer page = users ();
  g_autofree char *item_id = sql ("SELECT id FROM items WHERE code = 'BK-0001'");
  g_autofree char *body = NULL;
  g_autofree char *active = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, 2);
  g_autofree char *day = g_date_time_format (start, "%Y-%m-%d");
  g_autoptr(LpTestResponse) response = NULL;

  body = g_strdup_printf ("{\"item_id\":\"%s\",\"quantity\":1,\"start_date\":\"%s\","
                          "\"due_date\":\"%s\",\"purpose\":\"Tugas kelompok\"}",
                          item_id, day, day);
  response = lp_test_request (server, "POST", "/api/v1/loans", member_token, body);
  lp_assert_status (response, 201);

  show_page ("users");
  open_row (page, "username", "siswa.andi");
  gtk_widget_activate_action (page, "users.delete", NULL);
  respond_to_dialog ("delete");
  respond_to_dialog ("deactivate");
  lp_gui_wait_for (!gtk_widget_get_visible (lp_gui_child (page, "form_pane")));
  active = sql ("SELECT active FROM users WHERE username = 'siswa.andi'");
  g_assert_cmpstr (active, ==, "f");
}

static void
test_last_admin (void)
{
  gpointer page = users ();
  g_autofree char *role = NULL;
  const char *problem = NULL;

  show_page ("users");
  open_row (page, "username", "admin.sari");
  adw_combo_row_set_selected (lp_gui_child (page, "role_row"), 0);   /* Member */
  gtk_widget_activate_action (page, "users.save", NULL);
  lp_gui_wait_for ((problem = lp_gui_shown_text (page, "form_error")) != NULL);
  g_assert_nonnull (strstr (problem, _("This is the last active administrator. Make another "
                                      "account an active admin first; the library must "
                                      "always have one.")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "users-last-admin");
  role = sql ("SELECT role FROM users WHERE username = 'admin.sari'");
  g_assert_cmpstr (role, ==, "admin");
  gtk_widget_activate_action (page, "users.cancel", NULL);
}

static void
test_categories (void)
{
  gpointer page = lp_gui_page (gui, "categories_page");
  g_autofree char *count = NULL;
  g_autofree char *name = NULL;
  const char *problem = NULL;

  show_page ("categories");
  lp_gui_wait_for (find_row (page, "name", "Buku") >= 0);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "categories");

  /* Create: a name is required. */
  gtk_widget_activate_action (page, "categories.new", NULL);
  type (page, "description_row", "Sapu, pel dan kemoceng");
  gtk_widget_activate_action (page, "categories.save", NULL);
  g_assert_true (problem_shown (page, "name_problem"));
  type (page, "name_row", "Perlengkapan Ruang");
  gtk_widget_activate_action (page, "categories.save", NULL);
  lp_gui_wait_for (!gtk_widget_get_visible (lp_gui_child (page, "form_pane")));
  name = sql ("SELECT description FROM categories WHERE name = 'Perlengkapan Ruang'");
  g_assert_cmpstr (name, ==, "Sapu, pel dan kemoceng");
  g_clear_pointer (&name, g_free);

  /* Rename. */
  open_row (page, "name", "Perlengkapan Ruang");
  type (page, "name_row", "Perlengkapan Kelas");
  gtk_widget_activate_action (page, "categories.save", NULL);
  lp_gui_wait_for (!gtk_widget_get_visible (lp_gui_child (page, "form_pane")));
  name = sql ("SELECT description FROM categories WHERE name = 'Perlengkapan Kelas'");
  g_assert_cmpstr (name, ==, "Sapu, pel dan kemoceng");

  /* A category items use is refused, with the reason. */
  open_row (page, "name", "Buku");
  gtk_widget_activate_action (page, "categories.delete", NULL);
  respond_to_dialog ("delete");
  lp_gui_wait_for ((problem = lp_gui_shown_text (page, "form_error")) != NULL);
  g_assert_nonnull (strstr (problem, _("Items or complaints still belong to this category, so it cannot be deleted. Move those items to another category first.")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "categories-in-use");
  count = sql ("SELECT count(*) FROM categories WHERE name = 'Buku'");
  g_assert_cmpstr (count, ==, "1");
  g_clear_pointer (&count, g_free);

  /* An unused one goes. */
  open_row (page, "name", "Perlengkapan Kelas");
  gtk_widget_activate_action (page, "categories.delete", NULL);
  respond_to_dialog ("delete");
  lp_gui_wait_for (!gtk_widget_get_visible (lp_gui_child (page, "form_pane")));
  count = sql ("SELECT count(*) FROM categories WHERE name = 'Perlengkapan Kelas'");
  g_assert_cmpstr (count, ==, "0");
}

static void
test_items (void)
{
  gpointer page = lp_gui_page (gui, "items_page");
  GListModel *categories = NULL;
  g_autofree char *count = NULL;
  g_autofree char *stock = NULL;
  g_autofree char *status = NULL;
  const char *problem = NULL;
  guint lab = G_MAXUINT;
  AdwLeaflet *leaflet;

  show_page ("items");
  lp_gui_wait_for (find_row (page, "code", "BK-0001") >= 0);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "items");

  /* Every problem shown under its field before anything is sent. */
  gtk_widget_activate_action (page, "items.new", NULL);
  categories = adw_combo_row_get_model (lp_gui_child (page, "category_row"));
  lp_gui_wait_for (g_list_model_get_n_items (categories) == 4);
  type (page, "code_row", "G");
  type (page, "name_row", "Globe Dunia Diameter 30 cm");
  type (page, "location_row", "Ruang IPS, lemari 1");
  type (page, "stock_total_row", "tiga");
  type (page, "year_row", "3020");
  type (page, "isbn_row", "978-123");
  gtk_widget_activate_action (page, "items.save", NULL);
  g_assert_true (problem_shown (page, "code_problem"));
  g_assert_true (problem_shown (page, "stock_total_problem"));
  g_assert_true (problem_shown (page, "year_problem"));
  g_assert_true (problem_shown (page, "isbn_problem"));
  g_assert_false (problem_shown (page, "name_problem"));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "items-invalid");

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(LpApiObject) category = g_list_model_get_item (categories, i);

      if (g_strcmp0 (lp_api_object_get_string (category, "name"), "Alat Lab") == 0)
        lab = i;
    }
  g_assert_cmpuint (lab, !=, G_MAXUINT);
  adw_combo_row_set_selected (lp_gui_child (page, "category_row"), lab);
  type (page, "code_row", "GEO-001");
  type (page, "stock_total_row", "3");
  type (page, "year_row", "2019");
  type (page, "isbn_row", "");
  adw_combo_row_set_selected (lp_gui_child (page, "condition_row"), 1);   /* minor damage */
  gtk_widget_activate_action (page, "items.save", NULL);
  lp_gui_wait_for (!gtk_widget_get_visible (lp_gui_child (page, "form_pane")));
  count = sql ("SELECT stock_total || ' ' || condition || ' ' || c.name || ' ' || year"
               " FROM items JOIN categories c ON c.id = category_id WHERE code = 'GEO-001'");
  g_assert_cmpstr (count, ==, "3 minor_damage Alat Lab 2019");

  /* Fewer units than are out on loan: refused, the reason under the field. */
  open_row (page, "code", "BK-0001");
  type (page, "stock_total_row", "1");
  gtk_widget_activate_action (page, "items.save", NULL);
  lp_gui_wait_for (problem_shown (page, "stock_total_problem"));
  problem = adw_preferences_row_get_title (lp_gui_child (page, "stock_total_problem"));
  g_assert_nonnull (strstr (problem, _("More units are out on loan than this. The units owned cannot go below the units out until they are returned.")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "items-stock-refused");
  stock = sql ("SELECT stock_total FROM items WHERE code = 'BK-0001'");
  g_assert_cmpstr (stock, ==, "5");

  /* At 360 px the form has the page, the refusal still under its field; closing it
   * shows the list again. */
  lp_gui_set_width (gui, 360);
  leaflet = ADW_LEAFLET (adw_bin_get_child (page));
  lp_gui_wait_for (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == lp_gui_child (page, "form_pane"));
  g_assert_true (gtk_widget_is_visible (lp_gui_child (page, "stock_total_problem")));
  lp_gui_spin (400);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "items-stock-refused");
  gtk_widget_activate_action (page, "items.cancel", NULL);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == lp_gui_child (page, "list_pane"));
  lp_gui_spin (400);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "items");
  lp_gui_set_width (gui, WIDE);
  open_row (page, "code", "BK-0001");

  /* An item with loans cannot go: it is marked unavailable instead. */
  gtk_widget_activate_action (page, "items.delete", NULL);
  respond_to_dialog ("delete");
  respond_to_dialog ("unavailable");
  lp_gui_wait_for (!gtk_widget_get_visible (lp_gui_child (page, "form_pane")));
  status = sql ("SELECT status FROM items WHERE code = 'BK-0001'");
  g_assert_cmpstr (status, ==, "unavailable");
}

static void
test_settings (void)
{
  gpointer page = lp_gui_page (gui, "settings_page");
  g_autofree char *too_long_address = g_strnfill (LP_SCHOOL_ADDRESS_MAX_LENGTH + 1, 'x');
  g_autofree char *saved = NULL;
  g_autofree char *address = NULL;

  show_page ("settings");
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (page, "content_stack"), "form") == 0);
  g_assert_cmpstr (gtk_editable_get_text (lp_gui_child (page, "timezone_row")), ==,
                   "Asia/Jakarta");
  type (page, "school_name_row", "SMA Negeri 1 Lentera");
  type (page, "school_address_row", too_long_address);
  type (page, "max_loan_days_row", "400");
  type (page, "kiosk_idle_seconds_row", "10");
  type (page, "timezone_row", "Asia/Atlantis");
  type (page, "fine_per_day_row", "1.000");
  gtk_widget_activate_action (page, "settings.save", NULL);
  g_assert_true (problem_shown (page, "max_loan_days_problem"));
  g_assert_true (problem_shown (page, "kiosk_idle_seconds_problem"));
  g_assert_true (problem_shown (page, "timezone_problem"));
  g_assert_false (problem_shown (page, "fine_per_day_problem"));
  g_assert_false (problem_shown (page, "school_name_problem"));
  g_assert_true (problem_shown (page, "school_address_problem"));
  g_assert_cmpstr (adw_preferences_row_get_title (lp_gui_child (page, "school_address_problem")),
                   ==, _("This text is too long."));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "settings-invalid");

  type (page, "max_loan_days_row", "21");
  type (page, "kiosk_idle_seconds_row", "120");
  type (page, "timezone_row", "Asia/Makassar");
  type (page, "school_address_row", "  Jl. Merdeka No. 1, Kota Lentera 12345 ");
  gtk_widget_activate_action (page, "settings.save", NULL);
  lp_gui_wait_for (lp_gui_toast_shown (gui, _("Settings saved")));
  address = sql ("SELECT school_address FROM settings");
  g_assert_cmpstr (address, ==, "Jl. Merdeka No. 1, Kota Lentera 12345");
  g_assert_cmpstr (gtk_editable_get_text (lp_gui_child (page, "school_address_row")), ==,
                   "Jl. Merdeka No. 1, Kota Lentera 12345");
  saved = sql ("SELECT school_name || ' ' || timezone || ' ' || max_loan_days || ' ' ||"
               " fine_per_day::int || ' ' || kiosk_idle_seconds FROM settings");
  g_assert_cmpstr (saved, ==, "SMA Negeri 1 Lentera Asia/Makassar 21 1000 120");
  lp_gui_screenshot (GTK_WIDGET (gui->window), "settings");
}

/* The action of the first entry of @model, once loaded. */
static const char *
newest_action (GListModel *model)
{
  g_autoptr(LpApiObject) newest = g_list_model_get_item (model, 0);

  if (newest == NULL || !lp_api_object_get_loaded (newest))
    return NULL;
  /* The model holds it. */
  return g_intern_string (lp_api_object_get_string (newest, "action"));
}

/* What was just done is in the log, newest first, with what changed. */
static void
test_activity (void)
{
  gpointer page = lp_gui_page (gui, "activity_page");
  GListModel *model = NULL;
  g_autoptr(LpApiObject) newest = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  show_page ("activity");
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (page, "content_stack"), "list") == 0);
  model = G_LIST_MODEL (lp_gui_paged_model (page, "list_view"));
  /* The settings just saved, and before them BK-0001 marked unavailable. */
  lp_gui_wait_for (g_strcmp0 (newest_action (model), "settings.update") == 0);
  newest = g_list_model_get_item (model, 0);
  g_assert_cmpstr (lp_api_object_get_string (newest, "username"), ==, "admin.sari");
  lp_gui_wait_for (label_containing (page, "timezone: Asia/Jakarta → Asia/Makassar"));
  lp_gui_wait_for (label_containing (page, "status: available → unavailable"));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "activity");

  /* Filters: the accounts created today. */
  gtk_drop_down_set_selected (lp_gui_child (page, "action_dropdown"), 1);   /* user.create */
  today = g_date_time_format (now, "%Y-%m-%d");
  gtk_editable_set_text (lp_gui_child (page, "from_entry"), "2026-02-3");
  g_assert_false (gtk_widget_get_visible (lp_gui_child (page, "problem_label")));
  g_signal_emit_by_name (lp_gui_child (page, "from_entry"), "activate");
  g_assert_true (gtk_widget_get_visible (lp_gui_child (page, "problem_label")));
  gtk_editable_set_text (lp_gui_child (page, "from_entry"), today);
  g_assert_false (gtk_widget_get_visible (lp_gui_child (page, "problem_label")));
  lp_gui_wait_for (lp_paged_model_get_loaded (LP_PAGED_MODEL (model)) &&
                   g_list_model_get_n_items (model) == 1 &&
                   label_containing (page, "dewi.lestari"));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "activity-filtered");
  gtk_drop_down_set_selected (lp_gui_child (page, "action_dropdown"), 0);
  gtk_editable_set_text (lp_gui_child (page, "from_entry"), "");
}

static void
test_staff_sees_no_admin_pages (void)
{
  const char *pages[] = { "users", "categories", "items", "activity", "settings", NULL };

  lp_gui_log_in (gui, "petugas.rina", "Petugas#2026");
  lp_gui_wait_for (page_visible ("requests"));
  for (guint i = 0; pages[i] != NULL; i++)
    g_assert_false (page_visible (pages[i]));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "admin-as-staff");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *url = NULL;
  g_autofree char *admin_id = NULL;
  int status;

  lp_gui_init (&argc, &argv, FALSE);
  server = lp_test_server_start (NULL);
  lp_gui_seed_desk (server, &member_token, &staff_token);
  admin_id = lp_test_server_create_user (server, "admin.sari", "Admin#2026", "admin");
  url = lp_gui_server_url (server);
  gui = lp_gui_app_new (url, WIDE);

  g_test_add_func ("/lp/gui/admin/users-create-and-edit", test_create_and_edit);
  g_test_add_func ("/lp/gui/admin/users-delete-offers-deactivate", test_delete_offers_deactivate);
  g_test_add_func ("/lp/gui/admin/users-last-admin", test_last_admin);
  g_test_add_func ("/lp/gui/admin/categories", test_categories);
  g_test_add_func ("/lp/gui/admin/items", test_items);
  g_test_add_func ("/lp/gui/admin/settings", test_settings);
  g_test_add_func ("/lp/gui/admin/activity", test_activity);
  g_test_add_func ("/lp/gui/admin/staff-sees-none", test_staff_sees_no_admin_pages);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  g_free (member_token);
  g_free (staff_token);
  lp_test_server_free (server);
  return status;
}
