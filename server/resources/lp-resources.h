/* lp-resources.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-router.h"

G_BEGIN_DECLS

/* Defines lp_<name>_register(), which adds the resource's route table to the router;
 * each file of resources/ ends with one. */
#define LP_DEFINE_RESOURCE(name, routes) \
  void \
  lp_##name##_register (LpRouter *router) \
  { \
    lp_router_add (router, routes, G_N_ELEMENTS (routes)); \
  }

/* Each resource of the API lives in its own file and adds its routes here. */
void lp_health_register   (LpRouter *router);
void lp_auth_register     (LpRouter *router);
void lp_users_register    (LpRouter *router);
void lp_activity_register (LpRouter *router);
void lp_loans_register (LpRouter *router);
void lp_returns_register (LpRouter *router);
void lp_attachments_register (LpRouter *router);
void lp_settings_register (LpRouter *router);
void lp_categories_register (LpRouter *router);
void lp_items_register (LpRouter *router);
void lp_items_import_register (LpRouter *router);
void lp_complaints_register (LpRouter *router);
void lp_reports_register (LpRouter *router);
void lp_kiosks_register (LpRouter *router);

static inline void
lp_resources_register_all (LpRouter *router)
{
  lp_health_register (router);
  lp_auth_register (router);
  lp_users_register (router);
  lp_activity_register (router);
  lp_loans_register (router);
  lp_returns_register (router);
  lp_attachments_register (router);
  lp_settings_register (router);
  lp_categories_register (router);
  lp_items_register (router);
  lp_items_import_register (router);
  lp_complaints_register (router);
  lp_reports_register (router);
  lp_kiosks_register (router);
}

G_END_DECLS
