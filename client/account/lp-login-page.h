/* lp-login-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-api-client.h"

G_BEGIN_DECLS

/*
 * Logging in: username, password and "Remember me", which keeps the session's token in
 * the keyring (and is switched off, with a note, when there is no keyring to keep it
 * in). Emits ::logged-in once the client holds the new session.
 */

#define LP_TYPE_LOGIN_PAGE (lp_login_page_get_type ())

G_DECLARE_FINAL_TYPE (LpLoginPage, lp_login_page, LP, LOGIN_PAGE, AdwBin)

void        lp_login_page_set_client      (LpLoginPage *self,
                                           LpApiClient *client);
/* Clears the form for a new attempt; @message (nullable) says why it is shown. */
void        lp_login_page_reset           (LpLoginPage *self,
                                           const char  *message);
void        lp_login_page_set_username    (LpLoginPage *self,
                                           const char  *username);
void        lp_login_page_submit          (LpLoginPage *self);
gboolean    lp_login_page_get_busy        (LpLoginPage *self);
/* The error shown, or NULL; the message shown, or NULL. */
const char *lp_login_page_get_error       (LpLoginPage *self);
const char *lp_login_page_get_message     (LpLoginPage *self);
/* Whether the keyring check has finished, and whether it found a usable keyring. */
gboolean    lp_login_page_get_keyring_checked (LpLoginPage *self);
gboolean    lp_login_page_get_keyring_available (LpLoginPage *self);
GtkWidget  *lp_login_page_get_username_row (LpLoginPage *self);
GtkWidget  *lp_login_page_get_password_row (LpLoginPage *self);
GtkWidget  *lp_login_page_get_remember_switch (LpLoginPage *self);
GtkWidget  *lp_login_page_get_login_button (LpLoginPage *self);

G_END_DECLS
