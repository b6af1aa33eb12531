/* lp-passwords.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* bcrypt ($2b$) through libcrypt. Slow on purpose (tens of milliseconds): call only on
 * database worker threads or in command-line tools, never on the main loop. */
#define LP_BCRYPT_COST 10

char     *lp_password_hash   (const char  *password,
                              GError     **error);
gboolean  lp_password_verify (const char  *password,
                              const char  *hash);
void      lp_password_burn_time (void);

G_END_DECLS
