/* lp-register-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-page.h"

G_BEGIN_DECLS

/*
 * Self-registration of a member. The account waits for the library staff to activate
 * it, so ::registered hands the new (inactive) user back and the window returns to the
 * login page with that explained.
 */

#define LP_TYPE_REGISTER_PAGE (lp_register_page_get_type ())

G_DECLARE_FINAL_TYPE (LpRegisterPage, lp_register_page, LP, REGISTER_PAGE, LpPage)

void        lp_register_page_reset      (LpRegisterPage *self);
void        lp_register_page_submit     (LpRegisterPage *self);

G_END_DECLS
