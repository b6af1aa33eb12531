/* lp-api-client-private.h — what the files of LpApiClient share.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "lp-api-client.h"
#include "lp-api-endpoint.h"

G_BEGIN_DECLS

/* How the body of a successful reply becomes the task's result. @object is NULL for an
 * empty body (204). Returns FALSE with @error for a reply that does not fit. */
typedef gboolean (*ReplyParser) (LpApiClient  *self,
                                 JsonObject   *object,
                                 GTask        *task,
                                 GError      **error);


GTask    *lp_api_client_new_task        (LpApiClient          *self,
                                         gpointer              source_tag,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gpointer  lp_api_client_finish_pointer  (LpApiClient          *self,
                                         GAsyncResult         *result,
                                         gpointer              source_tag,
                                         GError              **error);
gboolean  lp_api_client_require_object  (JsonObject           *object,
                                         GError              **error);
/* Appends "?key=value" or "&key=value", escaped; nothing for a NULL or empty value. */
void      lp_api_client_append_query    (GString              *path,
                                         const char           *key,
                                         const char           *value);
char     *lp_api_client_escape_segment  (const char           *segment);
/* The array @member of @object, and element @index of an array as an object; NULL with
 * LP_ERROR_BAD_REQUEST when the reply does not fit. */
JsonArray  *lp_api_client_get_array     (JsonObject           *object,
                                         const char           *member,
                                         GError              **error);
JsonObject *lp_api_client_get_element   (JsonArray            *array,
                                         guint                 index,
                                         GError              **error);

G_END_DECLS
