/* lp-member-notifier.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lp-session.h"

G_BEGIN_DECLS

/*
 * What a member hears from the library while the app runs, owned by the window. When a
 * request of theirs is approved or rejected (a "loan.changed" event), a toast on the
 * window and, while no window of the app is the active one, a desktop notification whose
 * default action is "app.open-loan" (the loan's id). When a member logs in, and once a
 * day after that, a reminder of loans due back tomorrow and of overdue ones. Nothing
 * for other roles.
 */

#define LP_TYPE_MEMBER_NOTIFIER (lp_member_notifier_get_type ())

G_DECLARE_FINAL_TYPE (LpMemberNotifier, lp_member_notifier, LP, MEMBER_NOTIFIER, GObject)

/* @window is not referenced: it owns the notifier. */
LpMemberNotifier *lp_member_notifier_new (LpSession *session,
                                          GtkWindow *window);

G_END_DECLS
