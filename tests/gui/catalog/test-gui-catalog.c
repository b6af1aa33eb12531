/* test-gui-catalog.c — a guest browses, searches and filters the catalog, opens items.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-catalog"

#include "config.h"

#include "lp-catalog-row.h"
#include "lp-gui-test.h"

#include <glib/gi18n.h>
#include <string.h>

#define N_NAMED 16
#define N_MORE  1200
#define WIDE    1000
#define NARROW  360

static LpTestServer *server;
static LpGuiApp *gui;

static LpCatalogPage *
catalog (void)
{
  return lp_window_get_catalog_page (gui->window);
}

static LpCatalogModel *
model (void)
{
  return lp_catalog_page_get_model (catalog ());
}

static guint
n_rows (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (model ()));
}

static const LpItem *
row_item (guint position)
{
  g_autoptr(LpItemObject) object = g_list_model_get_item (G_LIST_MODEL (model ()), position);

  g_assert_nonnull (object);
  lp_gui_wait_for (lp_item_object_get_loaded (object));
  /* The model keeps the object alive for as long as the row is on screen. */
  return lp_item_object_get_item (object);
}

/* Waits for the result of a query started after there had been @queries_before. */
static void
wait_for_new_query (guint queries_before)
{
  lp_gui_wait_for (lp_catalog_model_get_n_queries (model ()) > queries_before &&
                   !lp_catalog_model_get_loading (model ()));
  lp_gui_spin (50);
}

static void
search (const char *text)
{
  GtkWidget *entry = lp_catalog_page_get_search_entry (catalog ());
  guint before = lp_catalog_model_get_n_queries (model ());

  /* Clearing the search takes effect at once. */
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), "");
      wait_for_new_query (before);
    }
  if (*text == '\0')
    return;

  /* Typing is debounced: nothing is asked until the typing pauses. */
  before = lp_catalog_model_get_n_queries (model ());
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  lp_gui_spin (100);
  g_assert_cmpuint (lp_catalog_model_get_n_queries (model ()), ==, before);
  wait_for_new_query (before);
}

static void
select_category (const char *name)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (lp_catalog_page_get_category_dropdown (catalog ()));
  guint position = name != NULL ? lp_catalog_page_find_category (catalog (), name) : 0;
  guint before = lp_catalog_model_get_n_queries (model ());

  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  if (gtk_drop_down_get_selected (dropdown) == position)
    return;
  gtk_drop_down_set_selected (dropdown, position);
  wait_for_new_query (before);
}

static void
set_borrowable (gboolean active)
{
  GtkToggleButton *toggle = GTK_TOGGLE_BUTTON (lp_catalog_page_get_borrowable_toggle (catalog ()));
  guint before = lp_catalog_model_get_n_queries (model ());

  if (gtk_toggle_button_get_active (toggle) == active)
    return;
  gtk_toggle_button_set_active (toggle, active);
  wait_for_new_query (before);
}

static void
reset_filters (void)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (lp_catalog_page_get_search_entry (catalog ()))) != '\0')
    search ("");
  select_category (NULL);
  set_borrowable (FALSE);
}

/* Whether the rows on screen show items, not "Loading…". */
static gboolean
rows_on_screen_loaded (void)
{
  GtkWidget *list = lp_catalog_page_get_list_view (catalog ());
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = lp_gui_find_type (child, LP_TYPE_CATALOG_ROW);

      if (row == NULL || !gtk_widget_get_mapped (row))
        continue;
      n++;
      if (g_strcmp0 (lp_catalog_row_get_title (LP_CATALOG_ROW (row)), _("Loading…")) == 0)
        return FALSE;
    }
  return n > 0;
}

static void
wait_for_rows_on_screen (void)
{
  lp_gui_wait_for (rows_on_screen_loaded ());
}

static void
open_item (guint position)
{
  LpItemPage *page = lp_window_get_item_page (gui->window);

  g_signal_emit_by_name (lp_catalog_page_get_list_view (catalog ()), "activate", position);
  g_assert_cmpstr (lp_window_get_visible_page (gui->window), ==, "item");
  lp_gui_wait_for (g_strcmp0 (lp_item_page_get_state (page), "loading") != 0);
  g_assert_cmpstr (lp_item_page_get_state (page), ==, "content");
  lp_gui_wait_for (g_strcmp0 (lp_item_page_get_availability_state (page), "loading") != 0);
}

static void
scroll_item_to_end (void)
{
  GtkWidget *page = GTK_WIDGET (lp_window_get_item_page (gui->window));
  GtkWidget *scrolled = lp_gui_find_type (page, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  /* Once the calendar has been laid out. */
  lp_gui_spin (200);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  lp_gui_wait_for (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment)
                   >= gtk_adjustment_get_upper (adjustment) - 1);
}

static void
test_browse (void)
{
  g_autofree char *count = NULL;

  lp_gui_wait_for (lp_catalog_model_get_loaded (model ()));
  g_assert_cmpstr (lp_catalog_page_get_state (catalog ()), ==, "list");
  g_assert_cmpuint (n_rows (), ==, N_NAMED + N_MORE);
  g_assert_false (lp_window_get_banner_revealed (gui->window));

  count = g_strdup_printf (ngettext ("%s item", "%s items", N_NAMED + N_MORE),
                           /* Translators: the thousands separator (test). */
                           g_str_equal (C_("thousands separator", ","), ",") ? "1,216" : "1.216");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (lp_catalog_page_get_count_label (catalog ()))),
                   ==, count);

  /* A guest sees the catalog and a way to log in, no account menu. */
  g_assert_true (gtk_widget_get_visible (lp_window_get_login_button (gui->window)));
  g_assert_false (gtk_widget_get_visible (lp_window_get_account_button (gui->window)));
  lp_gui_wait_for (lp_catalog_page_get_categories_loaded (catalog ()));
  g_assert_cmpuint (lp_catalog_page_find_category (catalog (), "Perangkat TIK"), !=,
                    GTK_INVALID_LIST_POSITION);

  wait_for_rows_on_screen ();
  lp_gui_screenshot (GTK_WIDGET (gui->window), "catalog");
}

static void
test_search (void)
{
  search ("mikroskop");
  g_assert_cmpuint (n_rows (), ==, 1);
  g_assert_cmpstr (row_item (0)->name, ==, "Mikroskop Binokuler");
  wait_for_rows_on_screen ();
  lp_gui_screenshot (GTK_WIDGET (gui->window), "catalog-search");

  /* Authors are searched too. */
  search ("andrea hirata");
  g_assert_cmpuint (n_rows (), ==, 1);
  g_assert_cmpstr (row_item (0)->name, ==, "Laskar Pelangi");
  reset_filters ();
  g_assert_cmpuint (n_rows (), ==, N_NAMED + N_MORE);
}

static void
test_filters (void)
{
  lp_gui_wait_for (lp_catalog_page_get_categories_loaded (catalog ()));
  select_category ("Perangkat TIK");
  g_assert_cmpuint (n_rows (), ==, 4);

  /* Can borrow now: the projector in repair and the lost tablet drop out. */
  set_borrowable (TRUE);
  g_assert_cmpuint (n_rows (), ==, 2);
  for (guint i = 0; i < n_rows (); i++)
    {
      const LpItem *item = row_item (i);

      g_assert_cmpint (item->stock_available, >, 0);
      g_assert_true (lp_item_status_is_lendable (item->status));
    }
  wait_for_rows_on_screen ();
  lp_gui_screenshot (GTK_WIDGET (gui->window), "catalog-filtered");
  reset_filters ();
}

static void
test_empty (void)
{
  search ("xyzzy tidak ada");
  g_assert_cmpuint (n_rows (), ==, 0);
  g_assert_cmpstr (lp_catalog_page_get_state (catalog ()), ==, "empty");
  g_assert_nonnull (lp_gui_find_label (GTK_WIDGET (catalog ()), _("No Items Found")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "catalog-empty");
  reset_filters ();
  g_assert_cmpstr (lp_catalog_page_get_state (catalog ()), ==, "list");
}

static void
test_open_item (void)
{
  LpItemPage *page = lp_window_get_item_page (gui->window);
  GArray *days;
  const LpItem *item;

  search ("mikroskop");
  open_item (0);
  item = lp_item_object_get_item (lp_item_page_get_item (page));
  g_assert_cmpstr (item->code, ==, "LAB-001");
  g_assert_nonnull (lp_gui_find_label (GTK_WIDGET (page), "Laboratorium IPA, lemari 2"));
  g_assert_nonnull (lp_gui_find_label (GTK_WIDGET (page), _("Minor damage")));
  /* Needs maintenance: still lendable, with a warning. */
  g_assert_nonnull (lp_item_page_get_warning (page));
  g_assert_nonnull (strstr (lp_item_page_get_warning (page),
                            _("This item needs maintenance. It can still be borrowed: "
                              "check it before handing it over.")));

  g_assert_cmpstr (lp_item_page_get_availability_state (page), ==, "grid");
  days = lp_item_page_get_availability (page);
  g_assert_cmpuint (days->len, ==, LP_ITEM_PAGE_DAYS);
  for (guint i = 0; i < days->len; i++)
    {
      g_assert_cmpint (g_array_index (days, LpAvailabilityDay, i).free, >=, 0);
      g_assert_cmpint (g_array_index (days, LpAvailabilityDay, i).free, <=, item->stock_total);
    }
  lp_gui_screenshot (GTK_WIDGET (gui->window), "item");
  scroll_item_to_end ();
  lp_gui_screenshot (GTK_WIDGET (gui->window), "item-availability");

  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.back", NULL);
  g_assert_cmpstr (lp_window_get_visible_page (gui->window), ==, "browse");

  /* An item in repair says so. */
  search ("proyektor");
  open_item (0);
  g_assert_nonnull (strstr (lp_item_page_get_warning (page),
                            _("This item is being repaired and cannot be borrowed now.")));
  /* No calendar of free units for an item that cannot be lent. */
  g_assert_cmpstr (lp_item_page_get_availability_state (page), ==, "not-lendable");
  g_assert_null (lp_item_page_get_availability (page));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "item-maintenance");

  /* A book shows its author and ISBN. */
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.back", NULL);
  search ("laskar");
  open_item (0);
  g_assert_nonnull (lp_gui_find_label (GTK_WIDGET (page), "9789793062792"));
  g_assert_null (lp_item_page_get_warning (page));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "item-book");
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.back", NULL);
  reset_filters ();
}

static void
test_scroll (void)
{
  GtkWidget *list = lp_catalog_page_get_list_view (catalog ());
  GtkWidget *scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  guint fetches;

  /* Let the pages around the top arrive first. */
  lp_gui_spin (300);
  wait_for_rows_on_screen ();
  fetches = lp_catalog_model_get_n_fetches (model ());

  /* Straight to the end: only the pages on screen are fetched. */
  lp_gui_wait_for (gtk_adjustment_get_upper (adjustment) >
                   gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  lp_gui_spin (200);
  wait_for_rows_on_screen ();
  g_assert_cmpuint (lp_catalog_model_get_n_fetches (model ()), >, fetches);
  /* GtkListView keeps up to 200 rows around what is on screen: 3 pages at most. */
  g_assert_cmpuint (lp_catalog_model_get_n_fetches (model ()), <=, fetches + 3);
  g_assert_cmpuint (lp_catalog_model_get_n_pages (model ()), <=, 8);
  gtk_adjustment_set_value (adjustment, 0);
  lp_gui_spin (200);
  wait_for_rows_on_screen ();
}

static void
test_narrow (void)
{
  lp_gui_set_width (gui, NARROW);
  wait_for_rows_on_screen ();
  lp_gui_screenshot (GTK_WIDGET (gui->window), "catalog");
  search ("mikroskop");
  open_item (0);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "item");
  scroll_item_to_end ();
  lp_gui_screenshot (GTK_WIDGET (gui->window), "item-availability");
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.back", NULL);
  search ("proyektor");
  open_item (0);
  scroll_item_to_end ();
  lp_gui_screenshot (GTK_WIDGET (gui->window), "item-maintenance");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (gui->window)), ==, NARROW);
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.back", NULL);
  search ("xyzzy tidak ada");
  lp_gui_screenshot (GTK_WIDGET (gui->window), "catalog-empty");
  reset_filters ();
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
  lp_gui_seed_catalog (server, N_MORE);
  url = lp_gui_server_url (server);
  gui = lp_gui_app_new (url, WIDE);

  g_test_add_func ("/lp/gui/catalog/browse", test_browse);
  g_test_add_func ("/lp/gui/catalog/search", test_search);
  g_test_add_func ("/lp/gui/catalog/filters", test_filters);
  g_test_add_func ("/lp/gui/catalog/empty", test_empty);
  g_test_add_func ("/lp/gui/catalog/open-item", test_open_item);
  g_test_add_func ("/lp/gui/catalog/scroll", test_scroll);
  g_test_add_func ("/lp/gui/catalog/narrow", test_narrow);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  g_clear_pointer (&server, lp_test_server_free);
  return status;
}
