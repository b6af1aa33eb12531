/* lp-password-dialog.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-api-client.h"

G_BEGIN_DECLS

/* Changing one's own password; emits ::password-changed and closes on success. The
 * server ends the user's other sessions, this one stays. */

#define LP_TYPE_PASSWORD_DIALOG (lp_password_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LpPasswordDialog, lp_password_dialog, LP, PASSWORD_DIALOG, AdwWindow)

LpPasswordDialog *lp_password_dialog_new       (LpApiClient      *client);
void              lp_password_dialog_submit    (LpPasswordDialog *self);

G_END_DECLS
