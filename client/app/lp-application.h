/* lp-application.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-api-client.h"
#include "lp-session.h"

G_BEGIN_DECLS

/*
 * The app: one API client, one GSettings and one LpSession (with the event stream) for
 * all windows. The server address comes
 * from GSettings ("server-url"), unless --server gave one for this run.
 */

#define LP_TYPE_APPLICATION (lp_application_get_type ())

G_DECLARE_FINAL_TYPE (LpApplication, lp_application, LP, APPLICATION, AdwApplication)

LpApplication *lp_application_new                 (GApplicationFlags  flags);
LpApiClient   *lp_application_get_client          (LpApplication     *self);
GSettings     *lp_application_get_settings        (LpApplication     *self);
LpSession     *lp_application_get_session         (LpApplication     *self);
/* An address for this run only (--server), or NULL to follow GSettings again. */
void           lp_application_set_server_override (LpApplication     *self,
                                                   const char        *server_url);
const char    *lp_application_get_server_override (LpApplication     *self);
gboolean       lp_application_get_kiosk           (LpApplication     *self);

G_END_DECLS
