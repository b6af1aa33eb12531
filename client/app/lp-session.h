/* lp-session.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lp-api-client.h"
#include "lp-event-stream.h"

G_BEGIN_DECLS

/*
 * What every page of a window works with: the API client (and through it the user and
 * the role), the server's event stream, and the app's settings. The window hands it to
 * its pages through their :session property (bound in lp-window.ui); a page subscribes
 * to the events it shows itself. :role follows the client's, so a page or the window
 * can bind what it shows to it.
 */

#define LP_TYPE_SESSION (lp_session_get_type ())

G_DECLARE_FINAL_TYPE (LpSession, lp_session, LP, SESSION, GObject)

LpSession     *lp_session_new          (LpApiClient *client,
                                        GSettings   *settings);
LpApiClient   *lp_session_get_client   (LpSession   *self);
LpEventStream *lp_session_get_events   (LpSession   *self);
GSettings     *lp_session_get_settings (LpSession   *self);
LpRole         lp_session_get_role     (LpSession   *self);

G_END_DECLS
