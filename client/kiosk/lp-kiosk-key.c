/* lp-kiosk-key.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-kiosk-key"

#include "config.h"

#include "lp-kiosk-key.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

/* The server's keys are 256 random bits in base64url: 43 characters. */
#define KEY_MIN_CHARS 40
#define KEY_MAX_CHARS 200

char *
lp_kiosk_key_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "lentera", "kiosk-key", NULL);
}

static gboolean
key_is_well_formed (const char *key)
{
  gsize len = strlen (key);

  if (len < KEY_MIN_CHARS || len > KEY_MAX_CHARS)
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

char *
lp_kiosk_key_load (GError **error)
{
  g_autofree char *path = lp_kiosk_key_path ();
  g_autofree char *contents = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("This computer is not set up as a kiosk yet (%s: %s)"), path,
                   g_strerror (saved));
      return NULL;
    }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_PERM,
                   _("The kiosk key in %s can be read by other users; set the kiosk up again"),
                   path);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  g_strstrip (contents);
  if (!key_is_well_formed (contents))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("The kiosk key in %s is damaged; set the kiosk up again"), path);
      return NULL;
    }
  return g_steal_pointer (&contents);
}

gboolean
lp_kiosk_key_save (const char  *key,
                   GError     **error)
{
  g_autofree char *path = lp_kiosk_key_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *line = NULL;

  if (!key_is_well_formed (key))
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                           _("This is not a kiosk device key; copy it exactly as the admin "
                             "was shown it"));
      return FALSE;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", dir,
                   g_strerror (saved));
      return FALSE;
    }
  line = g_strconcat (key, "\n", NULL);
  return g_file_set_contents_full (path, line, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
