/* lp-sound.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-sound"

#include "config.h"

#include "lp-sound.h"

#include <gsound.h>

/* One context for the app, opened on the first sound: opening connects to the sound
 * server, which a desk that never hears a sound should not pay for. */
static GSoundContext *
get_context (void)
{
  static GSoundContext *context;
  static gboolean failed;
  g_autoptr(GError) error = NULL;

  if (context == NULL && !failed)
    {
      context = gsound_context_new (NULL, &error);
      if (context == NULL)
        {
          g_debug ("No sound: %s", error->message);
          failed = TRUE;
        }
    }
  return context;
}

gboolean
lp_sound_play (GSettings *settings,
               LpSound    sound)
{
  GSoundContext *context;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  if (!g_settings_get_boolean (settings, "desk-sounds") || (context = get_context ()) == NULL)
    return FALSE;
  if (!gsound_context_play_simple (context, NULL, &error,
                                   GSOUND_ATTR_EVENT_ID,
                                   sound == LP_SOUND_SUCCESS ? "complete" : "dialog-error",
                                   GSOUND_ATTR_EVENT_DESCRIPTION,
                                   sound == LP_SOUND_SUCCESS ? "Return recorded" : "Scan refused",
                                   NULL))
    {
      g_debug ("Sound not played: %s", error->message);
      return FALSE;
    }
  return TRUE;
}
