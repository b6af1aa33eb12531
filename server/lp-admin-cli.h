/* lp-admin-cli.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* lentera-server --create-admin USERNAME: the only way to the first admin account; the
 * password comes from the terminal (asked twice, not echoed) or from stdin. */
int lp_admin_cli_create_admin (const char *conninfo,
                               const char *username);

G_END_DECLS
