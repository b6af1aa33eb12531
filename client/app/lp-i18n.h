/* lp-i18n.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The language of the app, set up once before anything is translated.
 *
 * Where the translations are: LENTERA_LOCALEDIR if set; the build tree's own po/ when the
 * running program lives in the build tree (tools/run.sh starts it from there, and the
 * installed catalogs may be missing or older); the install prefix otherwise.
 *
 * Which language: the "language" key of the app's GSettings — "system" follows the
 * environment, "id" and "en" choose one whatever the system locale is (many school
 * computers run an English system while their librarians want Indonesian).
 */

/* Returns: (transfer full): the directory the translations are read from. */
char       *lp_i18n_find_localedir   (void);
/* Sets up gettext for GETTEXT_PACKAGE; call at the very start of main(). A @kiosk (or
 * the kiosk-mode setting) defaults to Indonesian. */
void        lp_i18n_init             (gboolean  kiosk);
/* The "language" setting: "system", "id" or "en" ("system" when the schema is missing). */
char       *lp_i18n_get_language     (void);

G_END_DECLS
