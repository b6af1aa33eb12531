/* lp-window.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-application.h"

G_BEGIN_DECLS

/*
 * The main window: the pages a role may use in a view stack (today the catalog, for
 * everyone), and the pages one navigates to and back from (an item, logging in,
 * registering, and the detail pages areas add: a loan, a complaint) in an outer stack,
 * all reached through "win.open" ("(ss)": page name, id; see lp_page_navigate()). It
 * owns the session's user interface: the "Log In" button for guests, the account menu
 * for users, the "Cannot reach the server" banner, and what happens when the server ends
 * the session. The pages get the window's
 * :session through bindings in lp-window.ui and follow its events themselves.
 */

#define LP_TYPE_WINDOW (lp_window_get_type ())

G_DECLARE_FINAL_TYPE (LpWindow, lp_window, LP, WINDOW, AdwApplicationWindow)

LpWindow       *lp_window_new                  (LpApplication *application);

void            lp_window_show_login           (LpWindow      *self,
                                                const char    *message);
void            lp_window_show_item            (LpWindow      *self,
                                                const char    *item_id);
void            lp_window_go_back              (LpWindow      *self);
void            lp_window_add_toast            (LpWindow      *self,
                                                const char    *title);

G_END_DECLS
