/* lp-event-stream.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lp-api-client.h"

G_BEGIN_DECLS

/*
 * The server's change feed (GET /api/v1/events, a WebSocket) on the API client's
 * session. Each message becomes ::changed (type, id) or ::resync. The stream connects as
 * the client's current session (a guest without a token) and connects again when that
 * session or the server address changes. When the server closes the connection or cannot
 * be reached, it tries again after 0.5 s, doubling up to 30 s; a reconnection after a drop
 * emits ::resync, since events may have been missed meanwhile.
 */

#define LP_TYPE_EVENT_STREAM (lp_event_stream_get_type ())

G_DECLARE_FINAL_TYPE (LpEventStream, lp_event_stream, LP, EVENT_STREAM, GObject)

LpEventStream *lp_event_stream_new           (LpApiClient   *client);
/* Whether the WebSocket is open now. */
gboolean       lp_event_stream_get_connected (LpEventStream *self);

G_END_DECLS
