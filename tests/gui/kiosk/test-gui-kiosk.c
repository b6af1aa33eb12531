/* test-gui-kiosk.c: the self-service kiosk as a student meets it — started from the app
 * in kiosk mode with the station's device key, a card scan and a password, staff
 * refused, the idle countdown that signs out and leaves nothing of the member, and
 * leaving kiosk mode only with a staff password. Also `lentera --kiosk --setup`.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-availability-calendar.h"
#include "lp-gui-test.h"
#include "lp-kiosk-key.h"
#include "lp-kiosk-window.h"
#include "lp-request-dialog.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

static LpTestServer *server;
static LpApplication *app;
static LpKioskWindow *kiosk;
static char *kiosk_id;
static char *config_dir;
static char *member_token;
static char *staff_token;

static const char *
shown (void)
{
  return lp_gui_stack_page (kiosk, "main_stack");
}

static const char *
start_error (void)
{
  return lp_gui_shown_text (kiosk, "start_error_label");
}

/* Whether the keyboard focus is in @widget (an entry's text is a child of it). */
static gboolean
has_focus (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (kiosk));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A card scan: the scanner types the username and Enter. */
static void
scan_card (const char *username)
{
  GtkWidget *entry = lp_gui_child (kiosk, "username_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), username);
  g_signal_emit_by_name (entry, "activate");
}

static void
type_password (const char *password)
{
  GtkWidget *entry = lp_gui_child (kiosk, "password_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), password);
  g_signal_emit_by_name (entry, "activate");
}

static char *
register_kiosk (void)
{
  g_autoptr(LpTestResponse) resp = NULL;
  g_autofree char *admin = NULL;
  JsonObject *object;

  g_free (lp_test_server_create_user (server, "admin.kios", "Admin#2026", "admin"));
  admin = lp_test_server_login (server, "admin.kios", "Admin#2026");
  resp = lp_test_request (server, "POST", "/api/v1/kiosks", admin,
                          "{\"name\":\"Kios Perpustakaan\",\"location\":\"Lobi\"}");
  lp_assert_status (resp, 201);
  object = lp_test_response_object (resp);
  kiosk_id = g_strdup (json_object_get_string_member (object, "id"));
  return g_strdup (json_object_get_string_member (object, "device_key"));
}

/* The app started in kiosk mode (the setting, as a kiosk computer has it) opens the kiosk
 * window, fullscreen, on the start screen, in the language of the run. */
static void
test_start_screen (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *username = NULL;

  g_settings_set_boolean (settings, "kiosk-mode", TRUE);
  g_application_activate (G_APPLICATION (app));
  kiosk = LP_KIOSK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (LP_IS_KIOSK_WINDOW (kiosk));
  g_object_add_weak_pointer (G_OBJECT (kiosk), (gpointer *) &kiosk);
  lp_gui_wait_for (gtk_widget_get_mapped (GTK_WIDGET (kiosk)));
  g_assert_false (gtk_window_get_decorated (GTK_WINDOW (kiosk)));
  g_assert_cmpstr (shown (), ==, "start");
  g_assert_nonnull (lp_gui_find_label (GTK_WIDGET (kiosk), _("Scan your member card or sign in")));
  username = lp_gui_child (kiosk, "username_entry");
  lp_gui_wait_for (has_focus (username));
  /* Touch targets: at least 48 px high. */
  lp_gui_wait_for (gtk_widget_get_height (lp_gui_child (kiosk, "sign_in_button")) > 0);
  g_assert_cmpint (gtk_widget_get_height (lp_gui_child (kiosk, "sign_in_button")), >=, 48);
  g_assert_cmpint (gtk_widget_get_height (username), >=, 48);
  /* Ctrl+Q does not end kiosk mode. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "quit"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "preferences"));
  lp_gui_screenshot (GTK_WIDGET (kiosk), "kiosk-start");
}

/* A staff card at the kiosk is refused, by the server, and the student is told why. */
static void
test_staff_refused (void)
{
  scan_card ("petugas.rina");
  type_password ("Petugas#2026");
  lp_gui_wait_for (start_error () != NULL);
  g_assert_cmpstr (start_error (), ==,
                   _("Only members can sign in at the kiosk. Staff, please use the library desk."));
  g_assert_cmpstr (shown (), ==, "start");
  lp_gui_screenshot (GTK_WIDGET (kiosk), "kiosk-staff-refused");
  scan_card ("siswa.andi");
  type_password ("salah");
  lp_gui_wait_for (g_strcmp0 (start_error (), _("Wrong username or password.")) == 0);
}

static gint64
open_sessions (const char *sql)
{
  g_autofree char *count = lp_test_server_sql_value (server, sql);

  return g_ascii_strtoll (count, NULL, 10);
}

/*
 * Counting what a student does: each typed field (with its Enter) and each click is one
 * interaction.
 */
static guint interactions;

static void
type_into (GtkWidget  *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  interactions++;
}

static void
click (GtkWidget *widget)
{
  lp_gui_click (widget);
  interactions++;
}

static GtkWidget *
member_page (const char *name)
{
  GtkWidget *content = lp_gui_child (kiosk, "content_stack");
  GtkWidget *browse = gtk_stack_get_child_by_name (GTK_STACK (content), "browse");
  GtkWidget *child = gtk_stack_get_child_by_name (GTK_STACK (content), name);

  return child != NULL ? child : adw_view_stack_get_child_by_name (ADW_VIEW_STACK (browse), name);
}

static gint
position_of_code (LpPagedModel *model,
                  const char   *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (item != NULL && g_strcmp0 (lp_api_object_get_string (item, "code"), code) == 0)
        return (gint) i;
    }
  return -1;
}

static LpRequestDialog *
find_request_dialog (void)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (windows, i);

      if (LP_IS_REQUEST_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return LP_REQUEST_DIALOG (window);
    }
  return NULL;
}

/* After the card scan: the password, a search, the book, Request Loan, the purpose,
 * Send — six interactions, and the request is on the server, pending, for a week from
 * today. Then Sign Out. */
static void
test_request_in_six (void)
{
  GtkWidget *catalog = NULL;
  GtkWidget *item_page = NULL;
  LpPagedModel *model;
  LpRequestDialog *dialog = NULL;
  LpAvailabilityCalendar *calendar;
  g_autofree char *start = NULL;
  g_autofree char *loan = NULL;
  gint position = -1;

  scan_card ("siswa.andi");
  interactions = 0;
  type_into (lp_gui_child (kiosk, "password_entry"), "Siswa#2026");
  g_signal_emit_by_name (lp_gui_child (kiosk, "password_entry"), "activate");
  lp_gui_wait_for (g_strcmp0 (shown (), "member") == 0 &&
                   (catalog = member_page ("catalog")) != NULL);

  type_into (lp_gui_child (catalog, "search_entry"), "Laskar");
  model = lp_gui_paged_model (catalog, "list_view");
  lp_gui_wait_for (g_list_model_get_n_items (G_LIST_MODEL (model)) == 1 &&
                   (position = position_of_code (model, "BK-0001")) == 0);
  g_signal_emit_by_name (lp_gui_child (catalog, "list_view"), "activate", (guint) position);
  interactions++;

  item_page = member_page ("item");
  lp_gui_wait_for (gtk_stack_get_visible_child (GTK_STACK (lp_gui_child (kiosk, "content_stack")))
                   == item_page &&
                   gtk_widget_get_visible (lp_gui_child (item_page, "request_button")));
  click (lp_gui_child (item_page, "request_button"));
  lp_gui_wait_for ((dialog = find_request_dialog ()) != NULL);
  calendar = lp_gui_child (dialog, "calendar");
  /* The dates are offered: the first week that fits, from today. */
  lp_gui_wait_for ((start = lp_availability_calendar_get_start (calendar)) != NULL);
  type_into (lp_gui_child (dialog, "purpose_row"), "Tugas membaca kelas 8");
  lp_gui_screenshot (GTK_WIDGET (dialog), "kiosk-request");
  click (lp_gui_child (dialog, "send_button"));
  lp_gui_wait_for (find_request_dialog () == NULL);
  g_assert_cmpuint (interactions, <=, 6);

  loan = lp_test_server_sql_value (server,
                                   "SELECT l.status || ' ' || (l.start_date = library_today())"
                                   " || ' ' || (l.due_date - l.start_date)"
                                   " FROM loans l JOIN items i ON i.id = l.item_id"
                                   " WHERE i.code = 'BK-0001' AND l.purpose = 'Tugas membaca kelas 8'");
  g_assert_cmpstr (loan, ==, "pending true 6");
  lp_gui_click (lp_gui_child (kiosk, "sign_out_button"));
  lp_gui_wait_for (g_strcmp0 (shown (), "start") == 0);
}

/* Scan, password, Enter: the member is in, with a kiosk session on the server. Then the
 * idle countdown shows and signs out: the token is revoked, nothing of the member stays. */
static void
test_sign_in_and_idle_sign_out (void)
{
  g_autofree char *token = NULL;
  g_autofree char *sessions = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(LpTestResponse) after = NULL;
  GtkWidget *password = lp_gui_child (kiosk, "password_entry");
  GtkWidget *content = lp_gui_child (kiosk, "content_stack");

  g_free (lp_test_server_sql_value (server, "UPDATE settings SET kiosk_idle_seconds = 15 RETURNING 1"));
  scan_card ("siswa.andi");
  /* The scan's Enter moves on to the password: only that is left to type. */
  lp_gui_wait_for (has_focus (password));
  type_password ("Siswa#2026");
  lp_gui_wait_for (g_strcmp0 (shown (), "member") == 0);
  g_assert_cmpstr (gtk_label_get_label (lp_gui_child (kiosk, "member_label")), ==, "Siswa.Andi");
  sql = g_strdup_printf ("SELECT count(*) FROM sessions WHERE kiosk_id = '%s'"
                         " AND revoked_at IS NULL", kiosk_id);
  sessions = lp_test_server_sql_value (server, sql);
  g_assert_cmpstr (sessions, ==, "1");
  token = g_strdup (lp_api_client_get_token (lp_application_get_client (app)));
  g_assert_nonnull (token);
  lp_gui_wait_for (lp_gui_find_type (content, g_type_from_name ("LpCatalogRow")) != NULL);
  lp_gui_screenshot (GTK_WIDGET (kiosk), "kiosk-catalog");

  /* Nobody touches the kiosk: the countdown, then the start screen. */
  lp_gui_wait_for (gtk_revealer_get_reveal_child (lp_gui_child (kiosk, "countdown_revealer")));
  lp_gui_spin (400);
  lp_gui_screenshot (GTK_WIDGET (kiosk), "kiosk-countdown");
  lp_gui_wait_for (g_strcmp0 (shown (), "start") == 0);
  g_assert_null (gtk_widget_get_first_child (content));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lp_gui_child (kiosk, "username_entry"))), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (password)), ==, "");
  g_assert_null (lp_api_client_get_token (lp_application_get_client (app)));
  lp_gui_wait_for (open_sessions (sql) == 0);
  after = lp_test_request (server, "GET", "/api/v1/me", token, NULL);
  lp_assert_status (after, 401);
}

/* Ctrl+Alt+Q asks for a staff password; a member's does not do; staff closes the kiosk. */
static void
test_leave_needs_staff (void)
{
  GtkWidget *user = lp_gui_child (kiosk, "staff_username_entry");
  GtkWidget *password = lp_gui_child (kiosk, "staff_password_entry");

  gtk_widget_activate_action (GTK_WIDGET (kiosk), "kiosk.leave", NULL);
  g_assert_cmpstr (shown (), ==, "leave");
  gtk_editable_set_text (GTK_EDITABLE (user), "siswa.andi");
  gtk_editable_set_text (GTK_EDITABLE (password), "Siswa#2026");
  g_signal_emit_by_name (password, "activate");
  lp_gui_wait_for (g_strcmp0 (lp_gui_shown_text (kiosk, "leave_error_label"),
                              _("Only staff or an admin can leave kiosk mode.")) == 0);
  g_assert_nonnull (kiosk);
  lp_gui_screenshot (GTK_WIDGET (kiosk), "kiosk-leave");
  gtk_widget_activate_action (GTK_WIDGET (kiosk), "kiosk.leave-cancel", NULL);
  g_assert_cmpstr (shown (), ==, "start");

  gtk_widget_activate_action (GTK_WIDGET (kiosk), "kiosk.leave", NULL);
  gtk_editable_set_text (GTK_EDITABLE (user), "petugas.rina");
  gtk_editable_set_text (GTK_EDITABLE (password), "Petugas#2026");
  g_signal_emit_by_name (password, "activate");
  lp_gui_wait_for (kiosk == NULL);
}

/* lentera --kiosk --setup stores the key for its owner only; a malformed key is refused;
 * --kiosk without a key says what to do and does not start. */
static void
test_setup_command (void)
{
  const char *client = g_getenv ("LENTERA_CLIENT");
  g_autofree char *home = g_build_filename (config_dir, "setup", NULL);
  g_autofree char *path = g_build_filename (home, "lentera", "kiosk-key", NULL);
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_CONFIG_HOME", home, TRUE);
  const char *setup[] = { client, "--kiosk", "--setup", NULL };
  const char *start[] = { client, "--kiosk", NULL };
  g_autofree char *out = NULL, *err = NULL, *stored = NULL;
  int status = 0;
  GStatBuf st;

  g_assert_nonnull (client);
  g_assert_true (g_spawn_sync (NULL, (char **) start, env, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, NULL));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "lentera --kiosk --setup"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  {
    g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                          G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                          G_SUBPROCESS_FLAGS_STDERR_PIPE);
    g_autoptr(GSubprocess) bad = NULL;
    g_autoptr(GSubprocess) good = NULL;
    g_autoptr(GError) error = NULL;
    const char *key = "Xy7_-abcdefghijklmnopqrstuvwxyz0123456789ABCD";
    g_autofree char *line = g_strconcat (key, "\n", NULL);

    g_subprocess_launcher_set_environ (launcher, env);
    bad = g_subprocess_launcher_spawnv (launcher, setup, &error);
    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (bad, "not a key\n", NULL, &out, &err, &error);
    g_assert_no_error (error);
    g_assert_false (g_subprocess_get_successful (bad));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    good = g_subprocess_launcher_spawnv (launcher, setup, &error);
    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (good, line, NULL, &out, &err, &error);
    g_assert_no_error (error);
    g_assert_true (g_subprocess_get_successful (good));
    g_assert_true (g_file_get_contents (path, &stored, NULL, NULL));
    g_assert_cmpstr (g_strstrip (stored), ==, key);
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *url = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* The kiosk's key lives in the user's config folder: a private one for this run. */
  config_dir = lp_test_make_tmp_dir ();
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  lp_gui_init (&argc, &argv, FALSE);
  server = lp_test_server_start (NULL);
  lp_gui_seed_desk (server, &member_token, &staff_token);
  key = register_kiosk ();
  g_assert_true (lp_kiosk_key_save (key, &error));
  g_assert_no_error (error);

  url = lp_gui_server_url (server);
  app = lp_application_new (G_APPLICATION_NON_UNIQUE);
  lp_application_set_server_override (app, url);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/lp/gui/kiosk/start", test_start_screen);
  g_test_add_func ("/lp/gui/kiosk/staff-refused", test_staff_refused);
  g_test_add_func ("/lp/gui/kiosk/request-in-six", test_request_in_six);
  g_test_add_func ("/lp/gui/kiosk/sign-in-and-idle", test_sign_in_and_idle_sign_out);
  g_test_add_func ("/lp/gui/kiosk/leave", test_leave_needs_staff);
  g_test_add_func ("/lp/gui/kiosk/setup-command", test_setup_command);
  status = g_test_run ();

  if (kiosk != NULL)
    gtk_window_destroy (GTK_WINDOW (kiosk));
  lp_gui_spin (50);
  g_clear_object (&app);
  lp_test_server_free (server);
  lp_test_remove_tree (config_dir);
  g_free (config_dir);
  g_free (kiosk_id);
  g_free (member_token);
  g_free (staff_token);
  return status;
}
