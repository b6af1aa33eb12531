/* lp-router.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "lp-config.h"
#include "lp-db.h"
#include "lp-db-pipe.h"
#include "lp-reply-cache.h"
#include "lp-request.h"

G_BEGIN_DECLS

/*
 * LpRouter: matches "METHOD /path" against the route table and answers what needs no
 * database (unknown path, wrong method, body too large, wrong content type) on the main
 * loop. The rest goes down the request path (lp-request-path.c: session, role, handler,
 * reply, log line), through the reply cache first for a cached route (lp-reply-crowd.c).
 */
typedef struct _LpRouter LpRouter;

LpRouter *lp_router_new        (LpDbPool       *pool,
                                const LpConfig *config);
void      lp_router_free       (LpRouter      *router);
void      lp_router_add        (LpRouter      *router,
                                const LpRoute *routes,
                                gsize          n_routes);
void      lp_router_attach     (LpRouter      *router,
                                SoupServer    *server);
void      lp_router_set_cache  (LpRouter      *router,
                                LpReplyCache  *cache);
/* One-statement reads (LpRouteRead) go down @pipe (not owned) while it can take them. */
void      lp_router_set_pipe   (LpRouter      *router,
                                LpDbPipe      *pipe);
guint     lp_router_in_flight  (LpRouter      *router);
void      lp_router_print      (LpRouter      *router);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpRouter, lp_router_free)

G_END_DECLS
