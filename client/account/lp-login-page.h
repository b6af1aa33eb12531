/* lp-login-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-page.h"

G_BEGIN_DECLS

/*
 * Logging in: username, password and "Remember me", which keeps the session's token in
 * the keyring (and is switched off, with a note, when there is no keyring to keep it
 * in). Emits ::logged-in once the client holds the new session.
 */

#define LP_TYPE_LOGIN_PAGE (lp_login_page_get_type ())

G_DECLARE_FINAL_TYPE (LpLoginPage, lp_login_page, LP, LOGIN_PAGE, LpPage)

/* Clears the form for a new attempt; @message (nullable) says why it is shown. */
void        lp_login_page_reset           (LpLoginPage *self,
                                           const char  *message);
void        lp_login_page_set_username    (LpLoginPage *self,
                                           const char  *username);
void        lp_login_page_submit          (LpLoginPage *self);

G_END_DECLS
