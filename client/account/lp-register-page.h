/* lp-register-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-api-client.h"

G_BEGIN_DECLS

/*
 * Self-registration of a member. The account waits for the library staff to activate
 * it, so ::registered hands the new (inactive) user back and the window returns to the
 * login page with that explained.
 */

#define LP_TYPE_REGISTER_PAGE (lp_register_page_get_type ())

G_DECLARE_FINAL_TYPE (LpRegisterPage, lp_register_page, LP, REGISTER_PAGE, AdwBin)

void        lp_register_page_set_client (LpRegisterPage *self,
                                         LpApiClient    *client);
void        lp_register_page_reset      (LpRegisterPage *self);
void        lp_register_page_submit     (LpRegisterPage *self);
/* The errors shown, one per line, or NULL. */
const char *lp_register_page_get_error  (LpRegisterPage *self);
/* The entry row of "username", "full_name", "email", "password" or "confirm". */
GtkWidget  *lp_register_page_get_row    (LpRegisterPage *self,
                                         const char     *field);
gboolean    lp_register_page_get_busy   (LpRegisterPage *self);

G_END_DECLS
