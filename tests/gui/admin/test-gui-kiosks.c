/* test-gui-kiosks.c: an admin registers a kiosk in the app, sees its device key once
 * (the server keeps only its hash), and revokes it; the key then signs nobody in.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-gui-test.h"
#include "lp-kiosks-page.h"

#include <glib/gi18n.h>

static LpTestServer *server;
static LpGuiApp *gui;
static char *member_token;
static char *staff_token;

static LpKiosksPage *
page (void)
{
  return lp_gui_page (gui, "kiosks_page");
}

static char *
sql (const char *query)
{
  return lp_test_server_sql_value (server, query);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (windows, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
kiosk_revoked (void)
{
  g_autofree char *revoked = sql ("SELECT revoked_at IS NOT NULL FROM kiosks WHERE name = 'Kios Lobi'");

  return g_strcmp0 (revoked, "t") == 0;
}

static void
test_register_and_revoke (void)
{
  GtkWidget *key_group = lp_gui_child (page (), "key_group");
  g_autofree char *key = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *id = NULL;
  g_autofree char *body = NULL;
  g_autoptr(LpTestResponse) login = NULL;
  AdwMessageDialog *dialog = NULL;

  lp_gui_log_in (gui, "admin.kios", "Admin#2026");
  adw_view_stack_set_visible_child_name (lp_gui_child (gui->window, "view_stack"), "kiosks");
  lp_gui_wait_for (lp_gui_find_label (GTK_WIDGET (page ()), _("No kiosks registered yet")) != NULL);

  /* A kiosk needs a name. */
  gtk_widget_activate_action (GTK_WIDGET (page ()), "kiosks.register", NULL);
  g_assert_nonnull (lp_gui_shown_text (page (), "problem_label"));
  g_assert_false (gtk_widget_get_visible (key_group));

  gtk_editable_set_text (lp_gui_child (page (), "name_row"), "Kios Lobi");
  gtk_editable_set_text (lp_gui_child (page (), "location_row"), "Perpustakaan lantai 1");
  lp_gui_click (lp_gui_child (page (), "register_button"));
  lp_gui_wait_for (gtk_widget_get_visible (key_group) &&
                   lp_gui_find_label (GTK_WIDGET (page ()), "Kios Lobi") != NULL);
  key = g_strdup (gtk_label_get_label (lp_gui_child (page (), "key_label")));
  g_assert_cmpuint (strlen (key), >=, 40);
  /* The server keeps the key's SHA-256, not the key. */
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  stored = sql ("SELECT encode(key_hash, 'hex') FROM kiosks WHERE name = 'Kios Lobi'");
  g_assert_cmpstr (stored, ==, hash);
  g_assert_cmpstr (gtk_editable_get_text (lp_gui_child (page (), "name_row")), ==, "");
  lp_gui_screenshot (GTK_WIDGET (gui->window), "kiosks-registered");

  /* The key works at a kiosk. */
  body = g_strdup_printf ("{\"username\":\"siswa.andi\",\"password\":\"Siswa#2026\","
                          "\"kiosk_key\":\"%s\"}", key);
  login = lp_test_request (server, "POST", "/api/v1/auth/login", NULL, body);
  lp_assert_status (login, 200);
  g_clear_pointer (&login, lp_test_response_free);

  /* Revoke, confirmed: the kiosk stays listed as revoked and its key signs nobody in. */
  id = sql ("SELECT id FROM kiosks WHERE name = 'Kios Lobi'");
  gtk_widget_activate_action (GTK_WIDGET (page ()), "kiosks.revoke", "s", id);
  lp_gui_wait_for ((dialog = find_dialog ()) != NULL);
  lp_gui_screenshot (GTK_WIDGET (dialog), "kiosks-revoke");
  adw_message_dialog_response (dialog, "revoke");
  gtk_window_destroy (GTK_WINDOW (dialog));
  lp_gui_wait_for (kiosk_revoked ());
  lp_gui_wait_for (lp_gui_find_label (GTK_WIDGET (page ()), _("Re_voke")) == NULL);
  login = lp_test_request (server, "POST", "/api/v1/auth/login", NULL, body);
  lp_assert_status (login, 401);

  /* Logging out hides the key from whoever uses the desk next. */
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.logout", NULL);
  lp_gui_wait_for (!gtk_widget_get_visible (key_group));
  g_assert_cmpstr (gtk_label_get_label (lp_gui_child (page (), "key_label")), ==, "");
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
  g_free (lp_test_server_create_user (server, "admin.kios", "Admin#2026", "admin"));
  url = lp_gui_server_url (server);
  gui = lp_gui_app_new (url, 1000);

  g_test_add_func ("/lp/gui/kiosks/register-and-revoke", test_register_and_revoke);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  lp_test_server_free (server);
  g_free (member_token);
  g_free (staff_token);
  return status;
}
