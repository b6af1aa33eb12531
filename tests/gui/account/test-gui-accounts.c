/* test-gui-accounts.c — logging in and out as each role, errors, registration, the end
 * of a session.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-accounts"

#include "config.h"

#include "lp-catalog-page.h"
#include "lp-gui-test.h"
#include "lp-login-page.h"
#include "lp-register-page.h"
#include "lp-password-dialog.h"

#include <glib/gi18n.h>

#define WIDE   1000
#define NARROW 360

static LpTestServer *server;
static LpGuiApp *gui;

static LpLoginPage *
login_page (void)
{
  return lp_gui_page (gui, "login_page");
}

static LpPagedModel *
catalog_model (void)
{
  return lp_gui_paged_model (lp_gui_page (gui, "catalog_page"), "list_view");
}

static const char *
visible_page (void)
{
  return lp_gui_stack_page (gui->window, "main_stack");
}

static gboolean
login_busy (void)
{
  return gtk_widget_get_visible (lp_gui_child (login_page (), "spinner"));
}

/* Names of the pages of the view stack the current role sees, in order. */
static GStrv
list_views (void)
{
  AdwViewStack *stack = lp_gui_child (gui->window, "view_stack");
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      if (adw_view_stack_page_get_visible (page))
        g_strv_builder_add (names, adw_view_stack_page_get_name (page));
    }
  return g_strv_builder_end (names);
}

static LpApiClient *
client (void)
{
  return lp_application_get_client (gui->app);
}

static void
fill_login (const char *username,
            const char *password)
{
  gtk_editable_set_text (GTK_EDITABLE (lp_gui_child (login_page (), "username_row")), username);
  gtk_editable_set_text (GTK_EDITABLE (lp_gui_child (login_page (), "password_row")), password);
}

static void
submit_login (void)
{
  lp_gui_click (lp_gui_child (login_page (), "login_button"));
  g_assert_true (login_busy ());
  lp_gui_wait_for (!login_busy ());
}

static void
log_in (const char *username,
        const char *password)
{
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.login", NULL);
  g_assert_cmpstr (visible_page (), ==, "login");
  fill_login (username, password);
  submit_login ();
  g_assert_null (lp_gui_shown_text (login_page (), "error_label"));
  g_assert_cmpstr (visible_page (), ==, "browse");
}

static void
assert_role_ui (const char *username,
                const char *full_name,
                LpRole      role)
{
  g_autofree char *role_text = g_strdup_printf (_("%s · %s"), username, _(lp_role_label (role)));
  g_autofree char *toast = g_strdup_printf (_("Logged in as %s (%s)"), full_name,
                                            _(lp_role_label (role)));
  g_auto(GStrv) views = list_views ();

  g_assert_cmpint (lp_api_client_get_role (client ()), ==, role);
  g_assert_false (gtk_widget_get_visible (lp_gui_child (gui->window, "login_button")));
  g_assert_true (gtk_widget_get_visible (lp_gui_child (gui->window, "account_button")));
  g_assert_nonnull (lp_gui_find_label (lp_gui_child (gui->window, "account_popover"), role_text));
  lp_gui_wait_for (lp_gui_toast_shown (gui, toast));
  /* The desk's pages for staff and admins (the dashboard first, and shown), the reports
   * for admins, the catalog for everyone. */
  if (role & LP_ROLES_DESK)
    {
      g_assert_cmpuint (g_strv_length (views), ==, role == LP_ROLE_ADMIN ? 5 : 4);
      g_assert_cmpstr (views[0], ==, "dashboard");
      g_assert_cmpstr (views[1], ==, "requests");
      g_assert_cmpstr (views[2], ==, "returns");
      g_assert_cmpstr (views[3], ==, "catalog");
      g_assert_cmpstr (views[4], ==, role == LP_ROLE_ADMIN ? "reports" : NULL);
      g_assert_true (gtk_widget_is_visible (lp_gui_page (gui, "dashboard_page")));
    }
  else
    {
      g_assert_cmpuint (g_strv_length (views), ==, 1);
      g_assert_cmpstr (views[0], ==, "catalog");
      g_assert_true (gtk_widget_is_visible (lp_gui_page (gui, "catalog_page")));
    }
}

static void
log_out (void)
{
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.logout", NULL);
  g_assert_null (lp_api_client_get_user (client ()));
  g_assert_true (gtk_widget_get_visible (lp_gui_child (gui->window, "login_button")));
  g_assert_false (gtk_widget_get_visible (lp_gui_child (gui->window, "account_button")));
  lp_gui_wait_for (lp_gui_toast_shown (gui, _("Logged out")));
}

static void
test_login_page (void)
{
  GtkWidget *remember = lp_gui_child (login_page (), "remember_switch");

  lp_gui_wait_for (lp_paged_model_get_loaded (catalog_model ()));
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.login", NULL);
  g_assert_cmpstr (visible_page (), ==, "login");
  /* No Secret Service on this bus: "Remember me" is off and says why, without hanging. */
  lp_gui_wait_for (g_strcmp0 (adw_action_row_get_subtitle (lp_gui_child (login_page (), "remember_row")),
                             _("Not available: this computer has no unlocked keyring")) == 0);
  g_assert_false (gtk_widget_is_sensitive (lp_gui_child (login_page (), "remember_row")));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (remember)));
  g_assert_false (gtk_widget_is_sensitive (remember));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "login");

  /* Empty fields are caught before the server is asked. */
  fill_login ("", "");
  lp_gui_click (lp_gui_child (login_page (), "login_button"));
  g_assert_false (login_busy ());
  g_assert_cmpstr (lp_gui_shown_text (login_page (), "error_label"), ==, _("Enter your username."));
}

static void
test_wrong_password (void)
{
  fill_login ("siswa.andi", "salah-sekali");
  submit_login ();
  g_assert_cmpstr (lp_gui_shown_text (login_page (), "error_label"), ==, _("Wrong username or password."));
  g_assert_cmpstr (visible_page (), ==, "login");
  g_assert_null (lp_api_client_get_user (client ()));
  /* The password is kept for correcting; the page stays usable. */
  g_assert_true (gtk_widget_is_sensitive (lp_gui_child (login_page (), "login_button")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "login-error");
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.back", NULL);
}

static void
test_member (void)
{
  log_in ("siswa.andi", "Siswa#2026");
  assert_role_ui ("siswa.andi", "Siswa.Andi", LP_ROLE_MEMBER);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "member");
}

static LpPasswordDialog *
find_password_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (LP_IS_PASSWORD_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return LP_PASSWORD_DIALOG (window);
    }
  return NULL;
}

static void
fill_password_dialog (LpPasswordDialog *dialog,
                      const char       *current,
                      const char       *new_password)
{
  gtk_editable_set_text (GTK_EDITABLE (lp_gui_child (dialog, "current_row")), current);
  gtk_editable_set_text (GTK_EDITABLE (lp_gui_child (dialog, "new_row")), new_password);
  gtk_editable_set_text (GTK_EDITABLE (lp_gui_child (dialog, "confirm_row")),
                         new_password);
}

static void
test_change_password (void)
{
  LpPasswordDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.change-password", NULL);
  lp_gui_wait_for ((dialog = find_password_dialog ()) != NULL &&
                   gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* A weak new password is refused at once. */
  fill_password_dialog (dialog, "Siswa#2026", "pendek");
  lp_password_dialog_submit (dialog);
  g_assert_cmpstr (lp_gui_shown_text (dialog, "error_label"), ==, _("Use at least 8 characters."));

  fill_password_dialog (dialog, "bukan-ini-1", "SiswaBaru#2026");
  lp_password_dialog_submit (dialog);
  lp_gui_wait_for (lp_gui_shown_text (dialog, "error_label") != NULL);
  g_assert_cmpstr (lp_gui_shown_text (dialog, "error_label"), ==,
                   _("The current password is not correct."));
  lp_gui_screenshot (GTK_WIDGET (dialog), "password-dialog");

  fill_password_dialog (dialog, "Siswa#2026", "SiswaBaru#2026");
  lp_password_dialog_submit (dialog);
  lp_gui_wait_for (dialog == NULL);
  lp_gui_wait_for (lp_gui_toast_shown (gui, _("Password changed")));
  /* Still logged in: only the other sessions ended. */
  g_assert_nonnull (lp_api_client_get_user (client ()));
}

static void
test_logout (void)
{
  log_out ();
  /* The new password works. */
  log_in ("siswa.andi", "SiswaBaru#2026");
  log_out ();
}

static void
test_staff (void)
{
  log_in ("petugas.rina", "Petugas#2026");
  assert_role_ui ("petugas.rina", "Petugas.Rina", LP_ROLE_STAFF);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "staff");
  log_out ();
}

static void
test_admin (void)
{
  log_in ("admin.sari", "Admin#2026");
  assert_role_ui ("admin.sari", "Admin.Sari", LP_ROLE_ADMIN);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "admin");
}

static void
test_session_expired (void)
{
  g_autofree char *ignored = NULL;

  /* The server ends the session (a password change elsewhere, an expiry): the next
   * request finds out and the window goes back to the login, saying why. */
  g_assert_nonnull (lp_api_client_get_user (client ()));
  ignored = lp_test_server_sql_value (server, "UPDATE sessions SET revoked_at = now()");
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.retry", NULL);
  lp_gui_wait_for (g_strcmp0 (visible_page (), "login") == 0);
  g_assert_cmpstr (lp_gui_shown_text (login_page (), "message_label"), ==,
                   _("Your session has ended. Please log in again."));
  g_assert_null (lp_api_client_get_user (client ()));
  g_assert_true (gtk_widget_get_visible (lp_gui_child (gui->window, "login_button")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "session-ended");

  /* The catalog goes on as a guest. */
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.back", NULL);
  lp_gui_wait_for (!lp_paged_model_get_loading (catalog_model ()));
  g_assert_cmpstr (lp_gui_stack_page (lp_gui_page (gui, "catalog_page"), "content_stack"), !=,
                   "error");
}

static void
set_field (LpRegisterPage *page,
           const char     *field,
           const char     *text)
{
  g_autofree char *row = g_strconcat (field, "_row", NULL);

  gtk_editable_set_text (GTK_EDITABLE (lp_gui_child (page, row)), text);
}

static void
test_register (void)
{
  LpRegisterPage *page = lp_gui_page (gui, "register_page");
  g_autofree char *active = NULL;

  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.login", NULL);
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.register", NULL);
  g_assert_cmpstr (visible_page (), ==, "register");

  set_field (page, "full_name", "Budi Santoso");
  set_field (page, "username", "Budi");
  set_field (page, "email", "budi@");
  set_field (page, "password", "rahasia2026");
  set_field (page, "confirm", "rahasia2027");
  lp_register_page_submit (page);
  g_assert_false (gtk_widget_get_visible (lp_gui_child (page, "spinner")));
  g_assert_nonnull (lp_gui_shown_text (page, "error_label"));
  g_assert_true (gtk_widget_has_css_class (lp_gui_child (page, "username_row"), "error"));
  g_assert_true (gtk_widget_has_css_class (lp_gui_child (page, "email_row"), "error"));
  g_assert_false (gtk_widget_has_css_class (lp_gui_child (page, "full_name_row"), "error"));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "register-errors");

  set_field (page, "username", "budi.santoso");
  set_field (page, "email", "");
  set_field (page, "confirm", "rahasia2026");
  lp_register_page_submit (page);
  lp_gui_wait_for (!gtk_widget_get_visible (lp_gui_child (page, "spinner")));
  g_assert_null (lp_gui_shown_text (page, "error_label"));
  g_assert_cmpstr (visible_page (), ==, "login");
  g_assert_cmpstr (lp_gui_shown_text (login_page (), "message_label"), ==,
                   _("Your account has been created. You can log in once the "
                     "library staff have activated it."));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lp_gui_child (login_page (), "username_row"))), ==, "budi.santoso");
  active = lp_test_server_sql_value (server,
                                     "SELECT active FROM users WHERE username = 'budi.santoso'");
  g_assert_cmpstr (active, ==, "f");

  /* Until the staff activate it, the account cannot log in, and says so. */
  fill_login ("budi.santoso", "rahasia2026");
  submit_login ();
  g_assert_cmpstr (lp_gui_shown_text (login_page (), "error_label"), ==,
                   _("This account is not active yet. Ask the library staff to activate it."));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "login-inactive");
}

static void
test_narrow (void)
{
  lp_gui_set_width (gui, NARROW);
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.login", NULL);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "login");
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.register", NULL);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "register");
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.login", NULL);
  fill_login ("admin.sari", "Admin#2026");
  submit_login ();
  lp_gui_screenshot (GTK_WIDGET (gui->window), "admin");
  lp_gui_set_width (gui, WIDE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *url = NULL;
  g_autofree char *member = NULL, *staff = NULL, *admin = NULL;
  int status;

  lp_gui_init (&argc, &argv, FALSE);
  server = lp_test_server_start (NULL);
  lp_gui_seed_catalog (server, 20);
  member = lp_test_server_create_user (server, "siswa.andi", "Siswa#2026", "member");
  staff = lp_test_server_create_user (server, "petugas.rina", "Petugas#2026", "staff");
  admin = lp_test_server_create_user (server, "admin.sari", "Admin#2026", "admin");
  url = lp_gui_server_url (server);
  gui = lp_gui_app_new (url, WIDE);

  g_test_add_func ("/lp/gui/accounts/login-page", test_login_page);
  g_test_add_func ("/lp/gui/accounts/wrong-password", test_wrong_password);
  g_test_add_func ("/lp/gui/accounts/member", test_member);
  g_test_add_func ("/lp/gui/accounts/change-password", test_change_password);
  g_test_add_func ("/lp/gui/accounts/logout", test_logout);
  g_test_add_func ("/lp/gui/accounts/staff", test_staff);
  g_test_add_func ("/lp/gui/accounts/admin", test_admin);
  g_test_add_func ("/lp/gui/accounts/session-expired", test_session_expired);
  g_test_add_func ("/lp/gui/accounts/register", test_register);
  g_test_add_func ("/lp/gui/accounts/narrow", test_narrow);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  g_clear_pointer (&server, lp_test_server_free);
  return status;
}
