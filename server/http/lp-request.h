/* lp-request.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libpq-fe.h>
#include <libsoup/soup.h>

#include "lp-config.h"
#include "lp-db.h"
#include "lp-enums.h"

G_BEGIN_DECLS

/*
 * LpRequest: one API call on its way from the main loop to a database worker and back.
 * Handlers run on a worker thread: they read the request through these accessors, do
 * their SQL on the worker's connection, and set the reply; they never touch the
 * SoupServerMessage, which only the main loop may use.
 */
typedef struct _LpRequest LpRequest;

typedef gboolean (*LpHandlerFunc) (LpRequest  *req,
                                   PGconn     *conn,
                                   GError    **error);

typedef enum
{
  LP_ROUTE_READ_ONLY   = 0,
  /* Run the handler inside BEGIN … COMMIT, retried on serialization failures. */
  LP_ROUTE_TRANSACTION = 1 << 0,
  /* The body is raw bytes (attachments), not JSON; the larger limit applies. */
  LP_ROUTE_RAW_BODY    = 1 << 1,
  /* A GET whose 200 reply depends on the URL and the catalog only — never on who asks,
   * nor on loans or the clock — is kept in the reply cache (lp-reply-cache.h). */
  LP_ROUTE_CACHED      = 1 << 2,
  /* The token may also come as ?access_token= (browsers cannot set headers on a
   * WebSocket handshake). */
  LP_ROUTE_QUERY_TOKEN = 1 << 3,
  /* The body is a CSV file (text/csv), up to LP_CSV_BODY_LIMIT: an import. */
  LP_ROUTE_CSV_BODY    = 1 << 4,
} LpRouteFlags;

#define LP_ROUTE_READ_MAX_PARAMS 4

/* A read that is one statement, its parameters from the request alone: it goes down the
 * main loop's own connection (lp-db-pipe.h), without a worker — after the token's
 * session, one more statement there —, and runs on a worker through
 * lp_request_run_read(), the route's handler, whenever the pipe cannot take it. Both
 * halves run on either thread, so they only read the request and set its reply. */
typedef struct
{
  /* The statement (a constant text) and its parameters, which live as long as @req; or
   * the error of a request that needs no statement (a malformed id: 404). */
  gboolean (*query) (LpRequest    *req,
                     const char  **sql,
                     const char  **params,
                     int          *n_params,
                     GError      **error);
  /* The reply from the statement's rows. */
  gboolean (*reply) (LpRequest       *req,
                     const PGresult  *res,
                     GError         **error);
} LpRouteRead;

typedef struct
{
  const char        *method;
  const char        *pattern;   /* "/api/v1/items/{id}" */
  LpRole             roles;     /* who may call it; nobody when 0 (deny by default) */
  LpRouteFlags       flags;
  LpHandlerFunc      handler;
  const LpRouteRead *read;      /* with lp_request_run_read as the handler */
} LpRoute;

/* The handler of a route with a read: its statement on the worker's connection. */
gboolean      lp_request_run_read        (LpRequest    *req,
                                          PGconn       *conn,
                                          GError      **error);

#define LP_JSON_BODY_LIMIT  (1024 * 1024)
#define LP_JSON_CONTENT_TYPE "application/json; charset=utf-8"
#define LP_RAW_BODY_LIMIT   (5 * 1024 * 1024)
#define LP_CSV_BODY_LIMIT   (10 * 1024 * 1024)
#define LP_CSV_CONTENT_TYPE "text/csv"

/* Reading the request */
const char   *lp_request_get_method      (LpRequest    *req);
const char   *lp_request_get_path        (LpRequest    *req);
const char   *lp_request_get_param       (LpRequest    *req,
                                          const char   *name);
const char   *lp_request_get_query       (LpRequest    *req,
                                          const char   *name);
const char   *lp_request_get_header      (LpRequest    *req,
                                          const char   *name);
GBytes       *lp_request_get_body        (LpRequest    *req);
JsonObject   *lp_request_get_json        (LpRequest    *req,
                                          GError      **error);
const char   *lp_request_get_ip          (LpRequest    *req);
/* The client's address: @peer, unless @peer is one of @trusted proxies and
 * @forwarded_for (X-Forwarded-For, may be NULL) names one — then the last address in it
 * that is not itself a trusted proxy. A malformed entry ends the search at the peer.
 * @trusted are in canonical spelling (g_inet_address_to_string(), as lp-config.c keeps
 * them). */
char         *lp_request_client_address  (const char   *peer,
                                          const char   *forwarded_for,
                                          const char * const *trusted);
const char   *lp_request_get_user_agent  (LpRequest    *req);
const char   *lp_request_get_token       (LpRequest    *req);
gboolean      lp_request_get_id          (LpRequest    *req,
                                          const char   *name,
                                          const char  **id,
                                          GError      **error);
gboolean      lp_request_get_page        (LpRequest    *req,
                                          gint64       *limit,
                                          gint64       *offset,
                                          GError      **error);

/* Query validators, beside the page parser. Each reads ?name= into *out, NULL when it is
 * absent (or empty, for a date or an enum), and adds a bad value to @error: 422
 * validation_failed for a date (YYYY-MM-DD) or an id (a UUID), 400 bad_request for an
 * enum (one of @enum_type's nicks) or a boolean ("true" or "false"); a 400 wins over a
 * 422, so several can run before the caller looks at *error. FALSE for a bad value. */
gboolean      lp_request_get_date_query  (LpRequest    *req,
                                          const char   *name,
                                          const char  **out,
                                          GError      **error);
gboolean      lp_request_get_uuid_query  (LpRequest    *req,
                                          const char   *name,
                                          const char  **out,
                                          GError      **error);
/* ?from= and ?to=: a period of calendar dates in the library's time zone, both days
 * included, either end open when absent. */
gboolean      lp_request_get_period      (LpRequest    *req,
                                          const char  **from,
                                          const char  **to,
                                          GError      **error);
gboolean      lp_request_get_enum_query  (LpRequest    *req,
                                          const char   *name,
                                          GType         enum_type,
                                          const char  **out,
                                          GError      **error);
gboolean      lp_request_get_bool_query  (LpRequest    *req,
                                          const char   *name,
                                          const char  **out,
                                          GError      **error);

const LpConfig *lp_request_get_config   (LpRequest    *req);
/* Queues @func for a database worker, to run on its own after this request: work that no
 * reply waits for, such as rebuilding what the server keeps in memory. */
void          lp_request_run_later       (LpRequest    *req,
                                          LpDbJobFunc   func,
                                          gpointer      user_data);

/* Who is calling: set by authentication before the handler runs. */
LpRole        lp_request_get_role        (LpRequest    *req);
const char   *lp_request_get_user_id     (LpRequest    *req);
const char   *lp_request_get_username    (LpRequest    *req);
void          lp_request_set_user        (LpRequest    *req,
                                          const char   *user_id,
                                          const char   *username,
                                          LpRole        role);

/* Replying */
void          lp_request_reply_json      (LpRequest    *req,
                                          guint         status,
                                          JsonNode     *node);
void          lp_request_reply_json_text (LpRequest    *req,
                                          guint         status,
                                          const char   *json);
void          lp_request_reply_bytes     (LpRequest    *req,
                                          guint         status,
                                          const char   *content_type,
                                          GBytes       *bytes);
void          lp_request_reply_empty     (LpRequest    *req,
                                          guint         status);
void          lp_request_reply_error     (LpRequest    *req,
                                          const GError *error);
void          lp_request_add_header      (LpRequest    *req,
                                          const char   *name,
                                          const char   *value);

G_END_DECLS
