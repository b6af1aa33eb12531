/* lp-window.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-application.h"
#include "lp-catalog-page.h"
#include "lp-event-stream.h"
#include "lp-item-page.h"
#include "lp-login-page.h"
#include "lp-register-page.h"

G_BEGIN_DECLS

/*
 * The main window: the pages a role may use in a view stack (today the catalog, for
 * everyone), and the pages one navigates to and back from (an item, logging in,
 * registering) in an outer stack. It owns the session's user interface: the "Log In"
 * button for guests, the account menu for users, the "Cannot reach the server" banner,
 * and what happens when the server ends the session.
 */

#define LP_TYPE_WINDOW (lp_window_get_type ())

G_DECLARE_FINAL_TYPE (LpWindow, lp_window, LP, WINDOW, AdwApplicationWindow)

LpWindow       *lp_window_new                  (LpApplication *application);

/* The page shown in the outer stack: "browse", "item", "login" or "register". */
const char     *lp_window_get_visible_page     (LpWindow      *self);
/* Names of the pages of the view stack the current role sees, in order; free with
 * g_strfreev(). */
GStrv           lp_window_list_views           (LpWindow      *self);
void            lp_window_show_login           (LpWindow      *self,
                                                const char    *message);
void            lp_window_show_item            (LpWindow      *self,
                                                const char    *item_id);
void            lp_window_go_back              (LpWindow      *self);
void            lp_window_add_toast            (LpWindow      *self,
                                                const char    *title);
/* The message of the last toast shown (for tests). */
const char     *lp_window_get_last_toast       (LpWindow      *self);
gboolean        lp_window_get_banner_revealed  (LpWindow      *self);

LpCatalogPage  *lp_window_get_catalog_page     (LpWindow      *self);
LpItemPage     *lp_window_get_item_page        (LpWindow      *self);
LpEventStream  *lp_window_get_event_stream     (LpWindow      *self);
LpLoginPage    *lp_window_get_login_page       (LpWindow      *self);
LpRegisterPage *lp_window_get_register_page    (LpWindow      *self);
GtkWidget      *lp_window_get_login_button     (LpWindow      *self);
GtkWidget      *lp_window_get_account_button   (LpWindow      *self);
/* The label in the account menu naming the user and the role. */
GtkWidget      *lp_window_get_account_label    (LpWindow      *self);

G_END_DECLS
