/* lp-auth.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Shared by self-registration (lp-auth.c) and account creation by admins (lp-users.c). */
gboolean lp_auth_read_new_account  (JsonObject   *body,
                                    const char  **username,
                                    const char  **password,
                                    const char  **full_name,
                                    const char  **email,
                                    GError      **error);
gboolean lp_auth_explain_duplicate (GError      **error);

G_END_DECLS
