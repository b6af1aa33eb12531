/* lp-kiosk-window.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-application.h"

G_BEGIN_DECLS

/*
 * The self-service station: fullscreen, no window controls, no menu, no preferences.
 * Members sign in with their own card (the card's QR types the username, then Enter);
 * every login carries the kiosk's device key, so the server makes it a kiosk session
 * (members only, short). What a member opened is built at sign-in and destroyed at
 * sign-out — by the button, or after the server's kiosk_idle_seconds without input and a
 * visible 10-second countdown — and the token is revoked on the server. Leaving kiosk
 * mode (Ctrl+Alt+Q) needs a staff or admin password.
 */

#define LP_TYPE_KIOSK_WINDOW (lp_kiosk_window_get_type ())

G_DECLARE_FINAL_TYPE (LpKioskWindow, lp_kiosk_window, LP, KIOSK_WINDOW, AdwApplicationWindow)

LpKioskWindow *lp_kiosk_window_new (LpApplication *application);

G_END_DECLS
