/* test-gui-offline.c — the server cannot be reached: the banner, Retry, and a new address.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-offline"

#include "config.h"

#include "lp-catalog-page.h"
#include "lp-gui-test.h"
#include "lp-preferences-window.h"

#include <glib/gi18n.h>

#define WIDE   1000
#define NARROW 360

static LpTestServer *server;
static LpGuiApp *gui;
static char *dead_url;

static LpCatalogPage *
catalog (void)
{
  return lp_gui_page (gui, "catalog_page");
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
free_port_url (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_no_error (error);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  g_socket_close (socket, NULL);
  return g_strdup_printf ("http://127.0.0.1:%u/",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
}

static void
test_unreachable (void)
{
  lp_gui_wait_for (gtk_revealer_get_reveal_child (lp_gui_child (gui->window, "banner_revealer")));
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (catalog (), "content_stack"), "error") == 0);
  g_assert_false (lp_api_client_get_reachable (lp_application_get_client (gui->app)));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "offline");

  /* Retry while still down keeps the banner, and does not hang. */
  lp_gui_click (find_button (GTK_WIDGET (gui->window), _("_Retry")));
  lp_gui_wait_for (!lp_paged_model_get_loading (lp_gui_paged_model (catalog (), "list_view")));
  g_assert_true (gtk_revealer_get_reveal_child (lp_gui_child (gui->window, "banner_revealer")));

  lp_gui_set_width (gui, NARROW);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "offline");
  lp_gui_set_width (gui, WIDE);
}

static void
test_new_address (void)
{
  LpPreferencesWindow *preferences = lp_preferences_window_new (gui->app);
  GtkWidget *row = lp_gui_child (preferences, "server_row");
  g_autofree char *url = lp_gui_server_url (server);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (gui->window));
  gtk_window_present (GTK_WINDOW (preferences));
  lp_gui_wait_for (gtk_widget_get_mapped (GTK_WIDGET (preferences)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, dead_url);

  gtk_editable_set_text (GTK_EDITABLE (row), "perpustakaan sekolah");
  g_assert_false (lp_preferences_window_apply (preferences));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  lp_gui_screenshot (GTK_WIDGET (preferences), "preferences");

  gtk_editable_set_text (GTK_EDITABLE (row), url);
  g_assert_true (lp_preferences_window_apply (preferences));
  gtk_window_destroy (GTK_WINDOW (preferences));

  lp_gui_wait_for (!gtk_revealer_get_reveal_child (lp_gui_child (gui->window, "banner_revealer")));
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (catalog (), "content_stack"), "list") == 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lp_gui_paged_model (catalog (),
                                                                          "list_view"))), ==, 16 + 10);
}

static void
retry (void)
{
  lp_gui_click (find_button (GTK_WIDGET (gui->window), _("_Retry")));
  lp_gui_wait_for (!lp_paged_model_get_loading (lp_gui_paged_model (catalog (), "list_view")));
}

static void
test_database_down (void)
{
  /* The server is up but its database is not: it answers 503, shown the same way. */
  lp_test_server_stop_database (server);
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.retry", NULL);
  lp_gui_wait_for (gtk_revealer_get_reveal_child (lp_gui_child (gui->window, "banner_revealer")));
  /* What was loaded stays on screen. */
  g_assert_cmpstr (lp_gui_stack_page (catalog (), "content_stack"), ==, "list");

  /* Back up: the server may need a moment to reconnect, as a user would see, so Retry
   * is pressed until it works. */
  lp_test_server_start_database (server);
  lp_gui_wait_for ((retry (), lp_gui_spin (300), !gtk_revealer_get_reveal_child (lp_gui_child (gui->window, "banner_revealer"))));
  g_assert_cmpstr (lp_gui_stack_page (catalog (), "content_stack"), ==, "list");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettings) settings = NULL;
  int status;

  lp_gui_init (&argc, &argv, FALSE);
  server = lp_test_server_start (NULL);
  lp_gui_seed_catalog (server, 10);
  dead_url = free_port_url ();
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "server-url", dead_url);
  gui = lp_gui_app_new (NULL, WIDE);

  g_test_add_func ("/lp/gui/offline/unreachable", test_unreachable);
  g_test_add_func ("/lp/gui/offline/new-address", test_new_address);
  g_test_add_func ("/lp/gui/offline/database-down", test_database_down);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  g_clear_pointer (&server, lp_test_server_free);
  g_free (dead_url);
  return status;
}
