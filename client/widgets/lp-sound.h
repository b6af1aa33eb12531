/* lp-sound.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * The desk's sounds: a desk officer looks at the member, not the screen, so a return
 * recorded and a scan refused sound different. Sounds of the freedesktop sound theme
 * through GSound (libcanberra), so they follow the desktop's theme and volume; off when
 * the "desk-sounds" setting is.
 */

typedef enum {
  LP_SOUND_SUCCESS,
  LP_SOUND_FAILURE,
} LpSound;

/* Plays @sound unless @settings' "desk-sounds" is off; returns whether it was played
 * (a computer without sound output plays nothing, quietly). */
gboolean lp_sound_play (GSettings *settings,
                        LpSound    sound);

G_END_DECLS
