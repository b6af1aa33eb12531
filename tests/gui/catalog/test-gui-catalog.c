/* test-gui-catalog.c — a guest browses, searches and filters the catalog, opens items.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-catalog"

#include "config.h"

#include "lp-catalog-page.h"
#include "lp-catalog-row.h"
#include "lp-item-page.h"
#include "lp-gui-test.h"

#include <glib/gi18n.h>
#include <stdlib.h>
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
  return lp_gui_page (gui, "catalog_page");
}

static LpPagedModel *
model (void)
{
  return lp_gui_paged_model (catalog (), "list_view");
}

static const char *
catalog_state (void)
{
  return lp_gui_stack_page (catalog (), "content_stack");
}

static LpItemPage *
item_page (void)
{
  return lp_gui_page (gui, "item_page");
}

/* The position of the category @name in the category filter, or GTK_INVALID_LIST_POSITION. */
static guint
find_category (const char *name)
{
  GListModel *names = lp_gui_child (catalog (), "category_names");

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* The categories have arrived: there are more entries than "All categories". */
static gboolean
categories_loaded (void)
{
  return g_list_model_get_n_items (lp_gui_child (catalog (), "category_names")) > 1;
}

/* The units free of each day the item page's calendar shows, as numbers. */
static GArray *
calendar_days (void)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (int));
  GtkWidget *grid = lp_gui_child (item_page (), "availability_grid");

  for (GtkWidget *cell = gtk_widget_get_first_child (grid); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    if (gtk_widget_has_css_class (cell, "day"))
      {
        int free_units = atoi (gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (cell))));

        g_array_append_val (days, free_units);
      }
  return days;
}

static guint
n_rows (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (model ()));
}

static LpItemObject *
row_item (guint position)
{
  g_autoptr(LpItemObject) object = g_list_model_get_item (G_LIST_MODEL (model ()), position);

  g_assert_nonnull (object);
  lp_gui_wait_for (lp_api_object_get_loaded (object));
  /* The model keeps the object alive for as long as the row is on screen. */
  return object;
}

/* Waits for the result of a query started after there had been @queries_before. */
static void
wait_for_new_query (guint queries_before)
{
  lp_gui_wait_for (lp_paged_model_get_n_queries (model ()) > queries_before &&
                   !lp_paged_model_get_loading (model ()));
  lp_gui_spin (50);
}

static void
search (const char *text)
{
  GtkWidget *entry = lp_gui_child (catalog (), "search_entry");
  guint before = lp_paged_model_get_n_queries (model ());

  /* Clearing the search takes effect at once. */
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), "");
      wait_for_new_query (before);
    }
  if (*text == '\0')
    return;

  /* Typing is debounced: nothing is asked until the typing pauses. */
  before = lp_paged_model_get_n_queries (model ());
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  lp_gui_spin (100);
  g_assert_cmpuint (lp_paged_model_get_n_queries (model ()), ==, before);
  wait_for_new_query (before);
}

static void
select_category (const char *name)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (lp_gui_child (catalog (), "category_dropdown"));
  guint position = name != NULL ? find_category (name) : 0;
  guint before = lp_paged_model_get_n_queries (model ());

  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  if (gtk_drop_down_get_selected (dropdown) == position)
    return;
  gtk_drop_down_set_selected (dropdown, position);
  wait_for_new_query (before);
}

static void
set_borrowable (gboolean active)
{
  GtkToggleButton *toggle = GTK_TOGGLE_BUTTON (lp_gui_child (catalog (), "borrowable_toggle"));
  guint before = lp_paged_model_get_n_queries (model ());

  if (gtk_toggle_button_get_active (toggle) == active)
    return;
  gtk_toggle_button_set_active (toggle, active);
  wait_for_new_query (before);
}

static void
reset_filters (void)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (lp_gui_child (catalog (), "search_entry"))) != '\0')
    search ("");
  select_category (NULL);
  set_borrowable (FALSE);
}

/* Whether the rows on screen show items, not "Loading…". */
static gboolean
rows_on_screen_loaded (void)
{
  GtkWidget *list = lp_gui_child (catalog (), "list_view");
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = lp_gui_find_type (child, LP_TYPE_CATALOG_ROW);

      if (row == NULL || !gtk_widget_get_mapped (row))
        continue;
      n++;
      if (g_strcmp0 (gtk_label_get_label (lp_gui_child (row, "title_label")), _("Loading…")) == 0)
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
  LpItemPage *page = item_page ();

  g_signal_emit_by_name (lp_gui_child (catalog (), "list_view"), "activate", position);
  g_assert_cmpstr (lp_gui_stack_page (gui->window, "main_stack"), ==, "item");
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (page, "page_stack"), "loading") != 0);
  g_assert_cmpstr (lp_gui_stack_page (page, "page_stack"), ==, "content");
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (page, "availability_stack"), "loading") != 0);
}

static void
scroll_item_to_end (void)
{
  GtkWidget *page = GTK_WIDGET (item_page ());
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

  lp_gui_wait_for (lp_paged_model_get_loaded (model ()));
  g_assert_cmpstr (catalog_state (), ==, "list");
  g_assert_cmpuint (n_rows (), ==, N_NAMED + N_MORE);
  g_assert_false (gtk_revealer_get_reveal_child (lp_gui_child (gui->window, "banner_revealer")));

  count = g_strdup_printf (ngettext ("%s item", "%s items", N_NAMED + N_MORE),
                           /* Translators: the thousands separator (test). */
                           g_str_equal (C_("thousands separator", ","), ",") ? "1,216" : "1.216");
  g_assert_cmpstr (gtk_label_get_label (lp_gui_child (catalog (), "count_label")),
                   ==, count);

  /* A guest sees the catalog and a way to log in, no account menu. */
  g_assert_true (gtk_widget_get_visible (lp_gui_child (gui->window, "login_button")));
  g_assert_false (gtk_widget_get_visible (lp_gui_child (gui->window, "account_button")));
  lp_gui_wait_for (categories_loaded ());
  g_assert_cmpuint (find_category ("Perangkat TIK"), !=,
                    GTK_INVALID_LIST_POSITION);

  wait_for_rows_on_screen ();
  lp_gui_screenshot (GTK_WIDGET (gui->window), "catalog");
}

static void
test_search (void)
{
  search ("mikroskop");
  g_assert_cmpuint (n_rows (), ==, 1);
  g_assert_cmpstr (lp_api_object_get_string (row_item (0), "name"), ==, "Mikroskop Binokuler");
  wait_for_rows_on_screen ();
  lp_gui_screenshot (GTK_WIDGET (gui->window), "catalog-search");

  /* Authors are searched too. */
  search ("andrea hirata");
  g_assert_cmpuint (n_rows (), ==, 1);
  g_assert_cmpstr (lp_api_object_get_string (row_item (0), "name"), ==, "Laskar Pelangi");
  reset_filters ();
  g_assert_cmpuint (n_rows (), ==, N_NAMED + N_MORE);
}

static void
test_filters (void)
{
  lp_gui_wait_for (categories_loaded ());
  select_category ("Perangkat TIK");
  g_assert_cmpuint (n_rows (), ==, 4);

  /* Can borrow now: the projector in repair and the lost tablet drop out. */
  set_borrowable (TRUE);
  g_assert_cmpuint (n_rows (), ==, 2);
  for (guint i = 0; i < n_rows (); i++)
    {
      LpItemObject *item = row_item (i);

      g_assert_cmpint (lp_api_object_get_int (item, "stock-available"), >, 0);
      g_assert_true (lp_item_status_is_lendable (lp_api_object_get_enum (item, "status")));
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
  g_assert_cmpstr (catalog_state (), ==, "empty");
  g_assert_nonnull (lp_gui_find_label (GTK_WIDGET (catalog ()), _("No Items Found")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "catalog-empty");
  reset_filters ();
  g_assert_cmpstr (catalog_state (), ==, "list");
}

static void
test_open_item (void)
{
  LpItemPage *page = item_page ();
  g_autoptr(GArray) days = NULL;
  LpItemObject *item;

  search ("mikroskop");
  open_item (0);
  g_object_get (page, "item", &item, NULL);
  g_object_unref (item);   /* the page holds it */
  g_assert_cmpstr (lp_api_object_get_string (item, "code"), ==, "LAB-001");
  g_assert_nonnull (lp_gui_find_label (GTK_WIDGET (page), "Laboratorium IPA, lemari 2"));
  g_assert_nonnull (lp_gui_find_label (GTK_WIDGET (page), _("Minor damage")));
  /* Needs maintenance: still lendable, with a warning. */
  g_assert_nonnull (lp_gui_shown_text (page, "warning_label"));
  g_assert_nonnull (strstr (lp_gui_shown_text (page, "warning_label"),
                            _("This item needs maintenance. It can still be borrowed: "
                              "check it before handing it over.")));

  g_assert_cmpstr (lp_gui_stack_page (page, "availability_stack"), ==, "grid");
  days = calendar_days ();
  g_assert_cmpuint (days->len, ==, LP_ITEM_PAGE_DAYS);
  for (guint i = 0; i < days->len; i++)
    {
      g_assert_cmpint (g_array_index (days, int, i), >=, 0);
      g_assert_cmpint (g_array_index (days, int, i), <=, lp_api_object_get_int (item, "stock-total"));
    }
  lp_gui_screenshot (GTK_WIDGET (gui->window), "item");
  scroll_item_to_end ();
  lp_gui_screenshot (GTK_WIDGET (gui->window), "item-availability");

  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.back", NULL);
  g_assert_cmpstr (lp_gui_stack_page (gui->window, "main_stack"), ==, "browse");

  /* An item in repair says so. */
  search ("proyektor");
  open_item (0);
  g_assert_nonnull (strstr (lp_gui_shown_text (page, "warning_label"),
                            _("This item is being repaired and cannot be borrowed now.")));
  /* No calendar of free units for an item that cannot be lent. */
  g_assert_cmpstr (lp_gui_stack_page (page, "availability_stack"), ==, "not-lendable");
  g_array_unref (days);
  days = calendar_days ();
  g_assert_cmpuint (days->len, ==, 0);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "item-maintenance");

  /* A book shows its author and ISBN. */
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.back", NULL);
  search ("laskar");
  open_item (0);
  g_assert_nonnull (lp_gui_find_label (GTK_WIDGET (page), "9789793062792"));
  g_assert_null (lp_gui_shown_text (page, "warning_label"));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "item-book");
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.back", NULL);
  reset_filters ();
}

static void
test_scroll (void)
{
  GtkWidget *list = lp_gui_child (catalog (), "list_view");
  GtkWidget *scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  guint fetches;

  /* Let the pages around the top arrive first. */
  lp_gui_spin (300);
  wait_for_rows_on_screen ();
  fetches = lp_paged_model_get_n_fetches (model ());

  /* Straight to the end: only the pages on screen are fetched. */
  lp_gui_wait_for (gtk_adjustment_get_upper (adjustment) >
                   gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  lp_gui_spin (200);
  wait_for_rows_on_screen ();
  g_assert_cmpuint (lp_paged_model_get_n_fetches (model ()), >, fetches);
  /* GtkListView keeps up to 200 rows around what is on screen: 3 pages at most. */
  g_assert_cmpuint (lp_paged_model_get_n_fetches (model ()), <=, fetches + 3);
  g_assert_cmpuint (lp_paged_model_get_n_pages (model ()), <=, 8);
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
