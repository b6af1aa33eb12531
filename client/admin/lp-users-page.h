/* lp-users-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-editor-page.h"

G_BEGIN_DECLS

/*
 * "Users" for admins: every account, filtered by role and by active, searched; a side
 * form creates and edits one (full name, email, role, active, a new password), checked
 * field by field before it goes; deleting an account the library's history still needs
 * offers to deactivate it instead, and the server's refusals (the last admin) are shown
 * in words.
 */

#define LP_TYPE_USERS_PAGE (lp_users_page_get_type ())

G_DECLARE_FINAL_TYPE (LpUsersPage, lp_users_page, LP, USERS_PAGE, LpEditorPage)

G_END_DECLS
