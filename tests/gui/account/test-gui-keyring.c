/* test-gui-keyring.c — "Remember me" with a real Secret Service (gnome-keyring).
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-keyring"

#include "config.h"

#include "lp-gui-test.h"
#include "lp-login-page.h"
#include "lp-secret.h"

#include <glib/gi18n.h>
#include <string.h>

#define WIDE 1000

static LpTestServer *server;
static LpGuiApp *gui;
static char *url;

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  char **token = user_data;

  *token = lp_secret_lookup_finish (result, &error);
  /* A busy test machine may keep the keyring from answering in time: ask again. */
  if (error != NULL)
    g_test_message ("Keyring lookup failed: %s", error->message);
  if (*token == NULL)
    *token = g_strdup ("");
}

/* The token remembered for the test server, "" for none. */
static char *
remembered_token (void)
{
  char *token = NULL;
  g_autofree char *base = g_strndup (url, strlen (url) - 1);   /* as the client keeps it */

  lp_secret_lookup_async (base, NULL, on_looked_up, &token);
  lp_gui_wait_for (token != NULL);
  return token;
}

/* As after closing the app and starting it again: a new window, no session in memory. */
static void
restart (void)
{
  GObject *window = G_OBJECT (gui->window);

  g_object_add_weak_pointer (window, (gpointer *) &gui->window);
  gtk_window_destroy (GTK_WINDOW (window));
  lp_gui_wait_for (gui->window == NULL);
  lp_api_client_clear_session (lp_application_get_client (gui->app));
  lp_gui_app_new_window (gui, WIDE);
}

static void
log_in (gboolean remember)
{
  LpLoginPage *page = lp_gui_page (gui, "login_page");

  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.login", NULL);
  /* The row turns sensitive once a keyring has been found. */
  lp_gui_wait_for (gtk_widget_is_sensitive (lp_gui_child (page, "remember_row")));
  g_assert_true (gtk_widget_is_sensitive (lp_gui_child (page, "remember_switch")));
  gtk_switch_set_active (GTK_SWITCH (lp_gui_child (page, "remember_switch")), remember);
  gtk_editable_set_text (GTK_EDITABLE (lp_gui_child (page, "username_row")), "siswa.andi");
  gtk_editable_set_text (GTK_EDITABLE (lp_gui_child (page, "password_row")), "Siswa#2026");
  lp_login_page_submit (page);
  lp_gui_wait_for (!gtk_widget_get_visible (lp_gui_child (page, "spinner")));
  g_assert_cmpstr (lp_gui_stack_page (gui->window, "main_stack"), ==, "browse");
}

static void
test_remember (void)
{
  g_autofree char *welcome = NULL;
  g_autofree char *token = NULL;

  log_in (TRUE);
  lp_gui_wait_for ((g_free (token), token = remembered_token (), *token != '\0'));
  g_assert_cmpstr (token, ==, lp_api_client_get_token (lp_application_get_client (gui->app)));

  /* The next start picks the session up again. */
  restart ();
  lp_gui_wait_for (lp_api_client_get_user (lp_application_get_client (gui->app)) != NULL);
  welcome = g_strdup_printf (_("Welcome back, %s"), "Siswa.Andi");
  lp_gui_wait_for (lp_gui_toast_shown (gui, welcome));
  g_assert_false (gtk_widget_get_visible (lp_gui_child (gui->window, "login_button")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "remembered");

  /* Logging out forgets it. */
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.logout", NULL);
  lp_gui_wait_for ((g_free (token), token = remembered_token (), *token == '\0'));
  restart ();
  lp_gui_spin (500);
  g_assert_null (lp_api_client_get_user (lp_application_get_client (gui->app)));
}

static void
test_not_remembered (void)
{
  g_autofree char *token = NULL;

  log_in (FALSE);
  lp_gui_spin (500);
  token = remembered_token ();
  g_assert_cmpstr (token, ==, "");

  restart ();
  lp_gui_wait_for (lp_paged_model_get_loaded (
    lp_gui_paged_model (lp_gui_page (gui, "catalog_page"), "list_view")));
  lp_gui_spin (500);
  g_assert_null (lp_api_client_get_user (lp_application_get_client (gui->app)));
}

static void
test_revoked (void)
{
  g_autofree char *token = NULL;
  g_autofree char *ignored = NULL;

  log_in (TRUE);
  lp_gui_wait_for ((g_free (token), token = remembered_token (), *token != '\0'));

  /* A remembered session that ended meanwhile: a quiet start as a guest, forgotten. */
  ignored = lp_test_server_sql_value (server, "UPDATE sessions SET revoked_at = now()");
  restart ();
  lp_gui_wait_for ((g_free (token), token = remembered_token (), *token == '\0'));
  g_assert_null (lp_api_client_get_user (lp_application_get_client (gui->app)));
  g_assert_cmpstr (lp_gui_stack_page (gui->window, "main_stack"), ==, "browse");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *member = NULL;
  int status;

  lp_gui_init (&argc, &argv, TRUE);
  server = lp_test_server_start (NULL);
  lp_gui_seed_catalog (server, 0);
  member = lp_test_server_create_user (server, "siswa.andi", "Siswa#2026", "member");
  url = lp_gui_server_url (server);
  gui = lp_gui_app_new (url, WIDE);

  g_test_add_func ("/lp/gui/keyring/remember", test_remember);
  g_test_add_func ("/lp/gui/keyring/not-remembered", test_not_remembered);
  g_test_add_func ("/lp/gui/keyring/revoked", test_revoked);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  g_clear_pointer (&server, lp_test_server_free);
  g_free (url);
  return status;
}
