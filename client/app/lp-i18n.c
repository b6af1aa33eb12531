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

char *
lp_i18n_get_language (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "language"))
    return g_strdup ("system");
  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_string (settings, "language");
}

void
lp_i18n_init (void)
{
  g_autofree char *localedir = lp_i18n_find_localedir ();
  g_autofree char *language = lp_i18n_get_language ();

  /* LANGUAGE outranks the locale for messages, and gettext reads it on every lookup, so
   * it must be set before the first translated string. */
  if (g_strcmp0 (language, "system") != 0)
    g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
