/* lp-server.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "lp-config.h"

G_BEGIN_DECLS

#define LP_TYPE_SERVER (lp_server_get_type ())

G_DECLARE_FINAL_TYPE (LpServer, lp_server, LP, SERVER, GObject)

LpServer *lp_server_new      (LpConfig  *config);
gboolean  lp_server_prepare_database (LpServer  *self,
                                      GError   **error);
gboolean  lp_server_start    (LpServer  *self,
                              GError   **error);
void      lp_server_stop     (LpServer  *self);
guint     lp_server_get_port (LpServer  *self);
const char *lp_server_get_conninfo (LpServer *self);

G_END_DECLS
