/* test-gui-language.c — the app from the build tree speaks the user's language.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run as tools/run.sh runs the app: from the build tree, without LENTERA_LOCALEDIR. With
 * LP_LANGUAGE_CASE=system the environment asks for Indonesian (LANGUAGE=id); with
 * LP_LANGUAGE_CASE=setting the environment says nothing and the app's "language"
 * setting chooses Bahasa Indonesia, as on a school computer with an English system.
 */

#define G_LOG_DOMAIN "test-gui-language"

#include "config.h"

#include "lp-gui-test.h"
#include "lp-i18n.h"
#include "lp-preferences-window.h"

#include <glib/gi18n.h>

static LpGuiApp *gui;

static gboolean
case_is (const char *name)
{
  return g_strcmp0 (g_getenv ("LP_LANGUAGE_CASE"), name) == 0;
}

static void
test_localedir (void)
{
  g_autofree char *localedir = lp_i18n_find_localedir ();
  g_autofree char *expected = g_build_filename (BUILD_ROOT, "po", NULL);

  g_assert_null (g_getenv ("LENTERA_LOCALEDIR"));
  g_assert_cmpstr (localedir, ==, expected);
}

static void
test_indonesian_titles (void)
{
  GtkWidget *window = GTK_WIDGET (gui->window);

  g_assert_nonnull (lp_gui_find_label (window, "Katalog"));
  g_assert_null (lp_gui_find_label (window, "Catalog"));
  g_assert_cmpstr (_("_Log In"), ==, "_Masuk");
  lp_gui_screenshot (window, "language");
}

/* The preferences show the chosen language and keep a new choice for the next start. */
static void
test_preferences_row (void)
{
  LpPreferencesWindow *preferences = lp_preferences_window_new (gui->app);
  GSettings *settings = lp_application_get_settings (gui->app);
  AdwComboRow *row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                                   LP_TYPE_PREFERENCES_WINDOW,
                                                                   "language_row"));
  g_autofree char *before = g_settings_get_string (settings, "language");
  g_autofree char *after = NULL;

  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, case_is ("setting") ? 1 : 0);
  /* Opening the preferences changes nothing. */
  g_assert_cmpstr (before, ==, case_is ("setting") ? "id" : "system");

  adw_combo_row_set_selected (row, 2);
  after = g_settings_get_string (settings, "language");
  g_assert_cmpstr (after, ==, "en");
  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_assert_true (case_is ("system") || case_is ("setting"));
  if (case_is ("setting"))
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      /* An English system: nothing in the environment asks for Indonesian. */
      g_unsetenv ("LANGUAGE");
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      g_settings_set_string (settings, "language", "id");
    }
  lp_gui_init (&argc, &argv, FALSE);
  /* No server: the titles do not wait for one. */
  gui = lp_gui_app_new ("http://127.0.0.1:9/", 1000);

  g_test_add_func ("/lp/gui/language/localedir", test_localedir);
  g_test_add_func ("/lp/gui/language/indonesian-titles", test_indonesian_titles);
  g_test_add_func ("/lp/gui/language/preferences-row", test_preferences_row);
  status = g_test_run ();
  g_clear_pointer (&gui, lp_gui_app_free);
  return status;
}
