/* lp-events-private.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libpq-fe.h>

#include "lp-events.h"
#include "lp-request-private.h"

G_BEGIN_DECLS

/*
 * The event hub in three files: the hub itself, the handshake through the request path
 * and the session checks (lp-events.c); the clients, the fan-out and its back-pressure
 * (lp-events-clients.c); the LISTEN connection, its heartbeat and reconnects
 * (lp-events-listener.c). All of it runs on the main context.
 */

#define LP_EVENTS_RETRY_FIRST_MS 100

typedef struct
{
  LpEventHub              *hub;        /* not owned: the hub frees its clients */
  SoupWebsocketConnection *ws;
  GPollableOutputStream   *output;     /* the connection's own */
  GQueue                   backlog;    /* GBytes the socket had no room for yet */
  GSource                 *writable;   /* set while the backlog is not empty */
  char                    *token_hash; /* NULL for a guest */
  char                    *user_id;
  char                    *username;
  LpRole                   role;
} LpEventClient;

struct _LpEventHub
{
  GObject         parent_instance;

  char           *conninfo;
  LpDbPool       *pool;          /* not owned; outlives the hub's last job */
  const LpConfig *config;        /* not owned */
  GMainContext   *context;
  gboolean        stopping;

  GHashTable     *clients;       /* LpEventClient* set, owned */

  /* The listening connection: at most one of connect_thread, listen_conn, retry_id. */
  GThread        *connect_thread;
  PGconn         *listen_conn;
  guint           listen_watch;
  guint           retry_id;
  guint           retry_ms;
  gboolean        reported_down;

  /* A query on the listening connection now and then: a database that stalls (or a
   * network that drops it silently) sends no notification and no error, so silence
   * alone would keep a dead listener, and the reply cache with it, forever. */
  guint           heartbeat_id;
  guint           heartbeat_seconds;
  guint           heartbeat_deadline_id;   /* set while a heartbeat awaits its answer */

  guint           recheck_id;
  guint           recheck_seconds;
  gboolean        recheck_running;
};

/* lp-events.c */
void           lp_event_hub_run_on_main     (LpEventHub              *self,
                                             GSourceFunc              func,
                                             gpointer                 data);
void           lp_event_hub_notify_listening (LpEventHub             *self);
void           lp_event_hub_catalog_changed (LpEventHub              *self,
                                             const char              *changes);

/* lp-events-clients.c */
LpEventClient *lp_event_client_new          (LpEventHub              *hub,
                                             SoupWebsocketConnection *ws,
                                             LpRequest               *req);
void           lp_event_client_free         (gpointer                 data);
void           lp_event_client_close        (LpEventClient           *client,
                                             gushort                  code,
                                             const char              *reason);
void           lp_event_hub_dispatch        (LpEventHub              *self,
                                             const char              *payload);
void           lp_event_hub_resync          (LpEventHub              *self);

/* lp-events-listener.c */
void           lp_event_listener_connect    (LpEventHub              *self);
void           lp_event_listener_close      (LpEventHub              *self);
gboolean       lp_event_listener_heartbeat  (gpointer                 data);

G_END_DECLS
