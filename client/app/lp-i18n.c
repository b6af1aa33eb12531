/* lp-i18n.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-i18n"

#include "config.h"

#include "lp-i18n.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

/* Whether the running program is one built in BUILD_ROOT (and not an installed one). */
static gboolean
running_from_build_tree (void)
{
  /* Both with links resolved: /proc/self/exe is, a build directory reached through a
   * link (/home → /srv/home) is not. */
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *root = realpath (BUILD_ROOT, NULL);
  gsize len = root != NULL ? strlen (root) : 0;

  return exe != NULL && root != NULL && strncmp (exe, root, len) == 0 &&
         exe[len] == G_DIR_SEPARATOR;
}

char *
lp_i18n_find_localedir (void)
{
  const char *localedir = g_getenv ("LENTERA_LOCALEDIR");

  if (localedir != NULL && *localedir != '\0')
    return g_strdup (localedir);
  if (running_from_build_tree ())
    return g_build_filename (BUILD_ROOT, "po", NULL);
  return g_strdup (LOCALEDIR);
}

/* The app's settings, or NULL when the schema is not installed (a test, --help). */
static GSettings *
settings_or_null (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "language") ||
      !g_settings_schema_has_key (schema, "kiosk-mode"))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

char *
lp_i18n_get_language (void)
{
  g_autoptr(GSettings) settings = settings_or_null ();

  return settings != NULL ? g_settings_get_string (settings, "language") : g_strdup ("system");
}

void
lp_i18n_init (gboolean kiosk)
{
  g_autofree char *localedir = lp_i18n_find_localedir ();
  g_autoptr(GSettings) settings = settings_or_null ();
  g_autofree char *language = settings != NULL ? g_settings_get_string (settings, "language")
                                               : g_strdup ("system");

  /* A kiosk speaks Indonesian unless told otherwise: its students did not choose the
   * computer's language. */
  if (settings != NULL && g_settings_get_boolean (settings, "kiosk-mode"))
    kiosk = TRUE;
  if (kiosk && g_str_equal (language, "system") && g_getenv ("LANGUAGE") == NULL)
    {
      g_free (language);
      language = g_strdup ("id");
    }
  /* LANGUAGE outranks the locale for messages, and gettext reads it on every lookup, so
   * it must be set before the first translated string. */
  if (g_strcmp0 (language, "system") != 0)
    g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
