/* lp-preferences-window.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-application.h"

G_BEGIN_DECLS

/* Preferences: the address of the library's server (GSettings "server-url"). */

#define LP_TYPE_PREFERENCES_WINDOW (lp_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LpPreferencesWindow, lp_preferences_window, LP, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

LpPreferencesWindow *lp_preferences_window_new        (LpApplication       *application);
/* Checks and saves the address typed in; FALSE (and an error shown) if it is not one. */
gboolean             lp_preferences_window_apply      (LpPreferencesWindow *self);

G_END_DECLS
