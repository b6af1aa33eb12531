/* lp-api-endpoint.h — the REST endpoints the app calls, as a table.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * An endpoint is a row: method, path template ("{id}" segments filled in order by
 * lp_api_client_call_async()), whether it carries the session's token, what its reply
 * is, and how the reply becomes a value: the data object type it decodes to, or a
 * decoder of its own. Adding an endpoint is one row in lp-api-endpoint.c; tests/gui/test-api-endpoints.c holds every row against docs/openapi.json.
 */

typedef enum
{
  LP_API_REPLY_NONE,     /* 204, or a body nobody reads */
  LP_API_REPLY_OBJECT,   /* one object, given to the decoder */
  LP_API_REPLY_PAGE,     /* {"items": [...], "total": N}: the decoder gets each element */
  LP_API_REPLY_BYTES,    /* a file (a photo): the value is its GBytes */
} LpApiReplyKind;

/* Whether a request carries the session's token, and whether a 401 to it means the
 * session has ended. */
typedef enum
{
  LP_API_AUTH_NONE,
  LP_API_AUTH_TOKEN,
  LP_API_AUTH_TOKEN_NO_EXPIRY,
} LpApiAuth;

/* One day of an item's availability (LP_API_ITEMS_AVAILABILITY gives a GArray of them). */
typedef struct
{
  GDate date;
  int   free;
} LpAvailabilityDay;

/* Returns: (transfer full): the value of one reply object, or NULL with @error. */
typedef gpointer (*LpApiDecoder) (JsonObject  *object,
                                  GError     **error);

typedef struct
{
  const char     *method;
  const char     *path;       /* template, as in docs/openapi.json */
  LpApiAuth       auth;
  LpApiReplyKind  reply;
  GType         (*type) (void); /* a data object's get_type (lp-api-object.h), or NULL */
  LpApiDecoder    decode;     /* otherwise this decodes; both NULL for LP_API_REPLY_NONE */
  GDestroyNotify  free;       /* frees what decode returns */
} LpApiEndpoint;

extern const LpApiEndpoint LP_API_ATTACHMENTS_UPLOAD;
extern const LpApiEndpoint LP_API_ATTACHMENTS_GET;
extern const LpApiEndpoint LP_API_HEALTH;
extern const LpApiEndpoint LP_API_AUTH_LOGIN;
extern const LpApiEndpoint LP_API_AUTH_LOGOUT;
extern const LpApiEndpoint LP_API_AUTH_REGISTER;
extern const LpApiEndpoint LP_API_ME;
extern const LpApiEndpoint LP_API_ME_PASSWORD;
extern const LpApiEndpoint LP_API_USERS_LIST;
extern const LpApiEndpoint LP_API_USERS_CREATE;
extern const LpApiEndpoint LP_API_USERS_GET;
extern const LpApiEndpoint LP_API_USERS_UPDATE;
extern const LpApiEndpoint LP_API_USERS_DELETE;
extern const LpApiEndpoint LP_API_ACTIVITY_LIST;
extern const LpApiEndpoint LP_API_CATEGORIES_LIST;
extern const LpApiEndpoint LP_API_CATEGORIES_CREATE;
extern const LpApiEndpoint LP_API_CATEGORIES_GET;
extern const LpApiEndpoint LP_API_CATEGORIES_UPDATE;
extern const LpApiEndpoint LP_API_CATEGORIES_DELETE;
extern const LpApiEndpoint LP_API_ITEMS_LIST;
extern const LpApiEndpoint LP_API_ITEMS_GET;
extern const LpApiEndpoint LP_API_ITEMS_CREATE;
extern const LpApiEndpoint LP_API_ITEMS_UPDATE;
extern const LpApiEndpoint LP_API_ITEMS_DELETE;
extern const LpApiEndpoint LP_API_ITEMS_AVAILABILITY;
extern const LpApiEndpoint LP_API_ITEMS_HISTORY;
extern const LpApiEndpoint LP_API_ITEMS_REPAIR;
extern const LpApiEndpoint LP_API_ITEMS_IMPORT;
extern const LpApiEndpoint LP_API_LOANS_LIST;
extern const LpApiEndpoint LP_API_LOANS_CREATE;
extern const LpApiEndpoint LP_API_LOANS_GET;
extern const LpApiEndpoint LP_API_LOANS_BY_CODE;
extern const LpApiEndpoint LP_API_LOANS_APPROVE;
extern const LpApiEndpoint LP_API_LOANS_REJECT;
extern const LpApiEndpoint LP_API_LOANS_CANCEL;
extern const LpApiEndpoint LP_API_LOANS_HANDOVER;
extern const LpApiEndpoint LP_API_LOANS_RETURN;
extern const LpApiEndpoint LP_API_RETURNS_LIST;
extern const LpApiEndpoint LP_API_SETTINGS_GET;
extern const LpApiEndpoint LP_API_SETTINGS_UPDATE;
extern const LpApiEndpoint LP_API_COMPLAINTS_LIST;
extern const LpApiEndpoint LP_API_COMPLAINTS_CREATE;
extern const LpApiEndpoint LP_API_COMPLAINTS_GET;
extern const LpApiEndpoint LP_API_COMPLAINTS_STATUS;
extern const LpApiEndpoint LP_API_COMPLAINTS_NOTES;
extern const LpApiEndpoint LP_API_KIOSKS_LIST;
extern const LpApiEndpoint LP_API_KIOSKS_CREATE;
extern const LpApiEndpoint LP_API_KIOSKS_REVOKE;
extern const LpApiEndpoint LP_API_REPORTS_LOANS;
extern const LpApiEndpoint LP_API_REPORTS_COMPLAINTS;
extern const LpApiEndpoint LP_API_REPORTS_ASSET_HEALTH;
extern const LpApiEndpoint LP_API_REPORTS_LOANS_CSV;
extern const LpApiEndpoint LP_API_REPORTS_COMPLAINTS_CSV;
extern const LpApiEndpoint LP_API_REPORTS_ASSET_HEALTH_CSV;

/* Every row above, NULL-terminated (for the test against the OpenAPI document). */
extern const LpApiEndpoint * const lp_api_endpoints[];

G_END_DECLS
