/* lp-api-client.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "lp-api-endpoint.h"
#include "lp-enums.h"
#include "lp-data-objects.h"

G_BEGIN_DECLS

/*
 * The one layer between the app and the REST API (API.md). One SoupSession for the
 * whole app; every endpoint is a row of lp-api-endpoint.h called through
 * lp_api_client_call_async(), and only the calls that change the session (login,
 * logout, me) have typed wrappers. Failures are LP_ERROR GErrors: the
 * server's error body decoded with lp_json_error_from_body(), LP_ERROR_UNAVAILABLE when
 * the server cannot be reached, LP_ERROR_BAD_REQUEST for a reply that cannot be read, and
 * G_IO_ERROR_CANCELLED as is.
 *
 * The client holds the session: the bearer token and the user it belongs to. A 401 to a
 * request that carried the current token ends that session and emits
 * ::session-expired. :reachable turns FALSE when the server cannot be reached (and TRUE
 * again with the next reply), which the window shows as a banner.
 */

#define LP_TYPE_API_CLIENT (lp_api_client_get_type ())

G_DECLARE_FINAL_TYPE (LpApiClient, lp_api_client, LP, API_CLIENT, GObject)

LpApiClient  *lp_api_client_new                     (const char           *base_url);

const char   *lp_api_client_get_base_url            (LpApiClient          *self);
void          lp_api_client_set_base_url            (LpApiClient          *self,
                                                     const char           *base_url);
gboolean      lp_api_client_get_reachable           (LpApiClient          *self);
LpUserObject *lp_api_client_get_user                (LpApiClient          *self);
LpRole        lp_api_client_get_role                (LpApiClient          *self);
const char   *lp_api_client_get_token               (LpApiClient          *self);
/* Adopts a remembered token; the user stays unknown until lp_api_client_me_async(). */
void          lp_api_client_set_token               (LpApiClient          *self,
                                                     const char           *token);
/* A kiosk's device key: every login from now on carries it, and makes a kiosk session
 * (members only, short-lived; the server decides). NULL at a desk. */
void          lp_api_client_set_kiosk_key           (LpApiClient          *self,
                                                     const char           *kiosk_key);
/* Forgets the session locally, without telling the server. */
void          lp_api_client_clear_session           (LpApiClient          *self);

/* The one HTTP session of the app, for what is not a REST call (the event stream). */
SoupSession  *lp_api_client_get_session             (LpApiClient          *self);

/*
 * The one call for every row of the endpoint table (lp-api-endpoint.h). @path_args fill
 * the path's "{…}" segments in order; @query is NULL or key, value, …, NULL (a NULL or
 * empty value is left out); @body may be NULL. call_finish() gives the decoded value of
 * an object reply, or a GPtrArray of decoded elements and the count of every match for
 * a page (transfer full; @value and @total may be NULL).
 */
void          lp_api_client_call_async              (LpApiClient          *self,
                                                     const LpApiEndpoint  *endpoint,
                                                     const char * const   *path_args,
                                                     const char * const   *query,
                                                     JsonNode             *body,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean      lp_api_client_call_finish             (LpApiClient          *self,
                                                     GAsyncResult         *result,
                                                     gpointer             *value,
                                                     guint                *total,
                                                     GError              **error);
/* lp_api_client_call_async() with @bytes of @content_type as the body instead of JSON
 * (a CSV file: "text/csv; charset=utf-8"); finish with lp_api_client_call_finish(). */
void          lp_api_client_call_bytes_async        (LpApiClient          *self,
                                                     const LpApiEndpoint  *endpoint,
                                                     const char * const   *path_args,
                                                     const char * const   *query,
                                                     const char           *content_type,
                                                     GBytes               *bytes,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
/* POSTs @bytes of @content_type (a photo) to @endpoint, whose path has no parameters;
 * finish with lp_api_client_call_finish(). */
void          lp_api_client_upload_async            (LpApiClient          *self,
                                                     const LpApiEndpoint  *endpoint,
                                                     const char           *content_type,
                                                     GBytes               *bytes,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);

/* A base URL is an absolute http or https URL with a host. */
gboolean      lp_api_client_check_base_url          (const char           *base_url,
                                                     GError              **error);

void          lp_api_client_login_async             (LpApiClient          *self,
                                                     const char           *username,
                                                     const char           *password,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
LpUserObject *lp_api_client_login_finish            (LpApiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* The session ends locally at once, whatever the server answers. */
void          lp_api_client_logout_async            (LpApiClient          *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean      lp_api_client_logout_finish           (LpApiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

void          lp_api_client_me_async                (LpApiClient          *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
LpUserObject *lp_api_client_me_finish               (LpApiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* A JSON object of string members for a request body: name, value, …, NULL; a NULL
 * value is left out. Returns: (transfer full) */
JsonNode     *lp_api_body_new                       (const char           *first_member,
                                                     ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
