/* lp-events.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "lp-config.h"
#include "lp-db.h"

G_BEGIN_DECLS

/*
 * LpEventHub: GET /api/v1/events, the real-time feed (SPEC.md §8).
 *
 * Triggers (data/sql/0005_events.sql) NOTIFY lentera_events at each commit that changes
 * an item, a loan or a complaint. The hub LISTENs on one connection of its own, watched
 * by the main loop, and forwards each event as {"type": …, "id": …} to the WebSocket
 * clients allowed to see it: guests items only, members items and their own loans and
 * complaints, staff and admins everything. After the listening connection (re)connects,
 * every client gets {"type": "resync"}: events may have been missed, reload. A bulk write
 * (a CSV import) notifies {"type": "resync"} itself instead of one event per item
 * (data/sql/0012_items_import.sql), and every client gets it too.
 *
 * The same connection LISTENs on LP_CATALOG_CHANNEL, which says only "the catalog
 * changed" (data/sql/0007_catalog_cache.sql); the hub passes it on as
 * ::catalog-changed, and :listening says whether it can hear it (lp-reply-cache.h).
 *
 * The handshake goes down the request path of every API call (lp-request-path.c): the
 * bearer token (Authorization header or ?access_token=) is checked on a database worker
 * while the handshake waits; a bad token is refused with 401 before any upgrade.
 * Sessions are checked again periodically: an ended one is closed with code 4401. A
 * client that cannot keep up is closed with 1008 (policy violation) once
 * LP_EVENTS_MAX_BACKLOG messages wait for it.
 */
#define LP_EVENTS_PATH          "/api/v1/events"
#define LP_EVENTS_CHANNEL       "lentera_events"
#define LP_CATALOG_CHANNEL      "lentera_catalog"
#define LP_EVENTS_MAX_BACKLOG   256
#define LP_EVENTS_CLOSE_SESSION 4401

#define LP_TYPE_EVENT_HUB (lp_event_hub_get_type ())

G_DECLARE_FINAL_TYPE (LpEventHub, lp_event_hub, LP, EVENT_HUB, GObject)

LpEventHub *lp_event_hub_new           (const char     *conninfo,
                                        LpDbPool       *pool,
                                        const LpConfig *config);
void        lp_event_hub_attach        (LpEventHub     *self,
                                        SoupServer     *server);
void        lp_event_hub_stop          (LpEventHub     *self);
guint       lp_event_hub_get_n_clients (LpEventHub     *self);
gboolean    lp_event_hub_get_listening (LpEventHub     *self);

G_END_DECLS
