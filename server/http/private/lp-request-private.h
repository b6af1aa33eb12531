/* lp-request-private.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-request.h"

G_BEGIN_DECLS

/* Only the router (lp-router.c) sees inside a request. */
struct _LpRequest
{
  /* Main-loop side: never touched by a worker. */
  SoupServerMessage *msg;
  gpointer           router;
  gulong             disconnected_id;
  int                disconnected;   /* atomic: set on the main loop, read by workers */
  gint64             started_us;

  /* Copied from the message before the request goes to a worker. */
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

  /* LP_ROUTE_CACHED: the key, and the cache generation before the query ran. */
  char              *cache_key;
  guint64            cache_generation;
  gboolean           cache_hit;
  gboolean           cache_leader;   /* guests wait for its reply (lp-router.c) */
  char              *catalog_changes; /* what a committed write changed, see lp-reply-cache.h */
};

LpRequest *lp_request_new  (SoupServerMessage *msg,
                            const LpRoute     *route,
                            GHashTable        *params,
                            GHashTable        *query);
void       lp_request_free (LpRequest         *req);

G_END_DECLS
