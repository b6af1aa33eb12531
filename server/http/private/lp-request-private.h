/* lp-request-private.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-db.h"
#include "lp-db-pipe.h"
#include "lp-error.h"
#include "lp-reply-cache.h"
#include "lp-request.h"

G_BEGIN_DECLS

/* Called on the main loop once a request has been through the path (lp-request-path.c):
 * its reply, or its error, is set; the callee releases it. */
typedef void (*LpRequestDoneFunc) (LpRequest *req,
                                   gpointer   user_data);

/* Only the HTTP plumbing (http/) sees inside a request. */
struct _LpRequest
{
  /* Main-loop side: never touched by a worker. */
  SoupServerMessage *msg;
  gulong             disconnected_id;  /* set while the message is held */
  int                disconnected;     /* atomic: set on the main loop, read by workers */
  gint64             started_us;
  LpDbPool          *pool;             /* not owned */
  LpDbPipe          *pipe;             /* not owned; NULL: every read goes to a worker */
  GMainContext      *context;
  LpRequestDoneFunc  done;
  gpointer           done_data;

  /* Copied from the message before the request goes to a worker. */
  const LpConfig    *config;   /* not owned */
  char              *method;
  char              *path;
  GHashTable        *params;   /* path parameters */
  GHashTable        *query;
  GHashTable        *headers;  /* lower-case name → value, only those handlers may need */
  GBytes            *body;
  char              *ip;
  char              *user_agent;
  char              *token;
  const LpRoute     *route;
  JsonObject        *json;     /* parsed body, cached */

  /* Set by authentication. */
  LpRole             role;
  char              *user_id;
  char              *username;

  /* The reply, set on the worker and sent from the main loop. */
  guint              status;
  char              *content_type;
  GBytes            *reply;
  GPtrArray         *reply_headers;  /* name, value, name, value, … */
  char              *error_code;     /* for the request log */

  /* LP_ROUTE_CACHED: the cache (not owned; NULL: nothing is cached), the key, and the
   * cache generation before the query ran (lp-reply-crowd.c). */
  LpReplyCache      *cache;
  char              *cache_key;
  guint64            cache_generation;
  gboolean           cache_hit;
  gboolean           cache_leader;   /* guests wait for its reply */
  char              *catalog_changes; /* what a committed write changed, see lp-reply-cache.h */
};

/* lp-request.c */
LpRequest *lp_request_new         (SoupServerMessage *msg,
                                   const LpRoute     *route,
                                   GHashTable        *params,
                                   GHashTable        *query,
                                   const LpConfig    *config);
void       lp_request_free        (LpRequest         *req);

/*
 * The one path of every request, HTTP or WebSocket handshake (lp-request-path.c):
 * token → session → role check → handler → reply, error reply and log line, with the
 * message held (paused, its disconnection watched) while a database worker does the
 * work and the reply brought back to the main loop.
 */

/* The JSON error at once, on the main loop, for what needs no request (unknown path). */
void       lp_request_refuse_now  (SoupServerMessage *msg,
                                   LpErrorCode        code,
                                   const char        *message);
/* Where the request goes: the workers of @pool, then @done on this thread's main
 * context. */
void       lp_request_bind        (LpRequest         *req,
                                   LpDbPool          *pool,
                                   LpRequestDoneFunc  done,
                                   gpointer           done_data);
/* Holds the request and sends it through a worker: session, role, then the route's
 * handler (none for a route without one); done gets it back on the main loop. What needs
 * no worker — a token that is present but unusable, a guest on a route without a
 * handler — is done at once, before this returns. */
void       lp_request_start       (LpRequest         *req);
/* Runs a held request on a worker, as lp_request_start() does. */
void       lp_request_push        (LpRequest         *req);
/* Pauses the message until lp_request_release(), watching for its client to leave. */
void       lp_request_hold        (LpRequest         *req);
/* Sends the reply unless the client has gone, logs the request, and frees it. */
void       lp_request_release     (LpRequest         *req);
/* Lets a held message go on without a reply of ours (libsoup answers it) and forgets it:
 * the request lives on without its message. */
void       lp_request_let_go      (LpRequest         *req);
/* The access log line, one per request; never a token. */
void       lp_request_log         (LpRequest         *req);
gboolean   lp_request_failed      (LpRequest         *req);
gboolean   lp_request_is_gone     (LpRequest         *req);

G_END_DECLS
