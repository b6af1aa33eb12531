/* lp-config.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Server configuration. Sources, later ones winning: key file ([server] group),
 * LENTERA_* environment variables, command line. */
typedef struct
{
  char     *config_file;
  char     *address;
  int       port;
  char     *data_dir;
  char     *database_url;
  int       workers;
  int       statement_timeout_ms;
  int       connect_timeout_s;
  int       session_hours;
  int       cache_mb;       /* the reply cache (lp-reply-cache.h); 0: off */
  int       search_index_items;  /* the most items searched in memory; 0: never */
  GStrv     trusted_proxies;  /* peers whose X-Forwarded-For names the client; NULL: none */
  gboolean  demo_data;
  gboolean  unsafe_fast_db;
  char     *create_admin;
  gboolean  version;
  gboolean  list_routes;
} LpConfig;

LpConfig *lp_config_new    (void);
void      lp_config_free   (LpConfig   *config);
gboolean  lp_config_load   (LpConfig   *config,
                            int        *argc,
                            char     ***argv,
                            GError    **error);
char     *lp_config_default_data_dir (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpConfig, lp_config_free)

G_END_DECLS
