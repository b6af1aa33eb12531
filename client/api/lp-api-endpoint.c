/* lp-api-endpoint.c — the table of endpoints and their decoders.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-api-client"

#include "config.h"

#include "lp-api-endpoint.h"

#include "lp-api-client.h"
#include "lp-api-client-private.h"
#include "lp-data-objects.h"
#include "lp-json.h"

/* {"days": [{"date", "free"}, …]} → GArray of LpAvailabilityDay. */
static gpointer
decode_availability (JsonObject  *object,
                     GError     **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (LpAvailabilityDay));
  JsonArray *array = NULL;

  array = lp_api_client_get_array (object, "days", error);
  if (array == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *element = lp_api_client_get_element (array, i, error);
      LpAvailabilityDay day = { 0 };
      gint64 free_units = 0;

      g_date_clear (&day.date, 1);
      if (element == NULL ||
          !lp_json_get_date (element, "date", TRUE, &day.date, error) ||
          !lp_json_get_int (element, "free", TRUE, 0, G_MAXINT32, &free_units, error))
        return NULL;
      day.free = (int) free_units;
      g_array_append_val (days, day);
    }
  return g_steal_pointer (&days);
}

static gpointer
decode_json (JsonObject  *object,
             GError     **error)
{
  return json_object_ref (object);
}

#define OBJECT(type) lp_##type##_object_get_type, NULL, NULL
#define NOTHING      NULL, NULL, NULL
/* A reply read as it is (a report): the value is its JsonObject. */
#define JSON_OBJECT  NULL, decode_json, (GDestroyNotify) json_object_unref
/* One endpoint: its name, method, path, auth, reply kind, then its type or decoder. */
#define ROW(name, method, path, auth, reply, ...) \
  const LpApiEndpoint LP_API_##name = \
    { method, path, LP_API_AUTH_##auth, LP_API_REPLY_##reply, __VA_ARGS__ };

/* Whether the server answers at all (a kiosk waiting for its connection). */
ROW (HEALTH, "GET", "/healthz", NONE, OBJECT, JSON_OBJECT)
ROW (AUTH_LOGIN, "POST", "/api/v1/auth/login", NONE, OBJECT, NOTHING)
ROW (AUTH_LOGOUT, "POST", "/api/v1/auth/logout", TOKEN_NO_EXPIRY, NONE, NOTHING)
ROW (AUTH_REGISTER, "POST", "/api/v1/auth/register", NONE, OBJECT, OBJECT (user))
ROW (ME, "GET", "/api/v1/me", TOKEN, OBJECT, OBJECT (user))
ROW (ME_PASSWORD, "PUT", "/api/v1/me/password", TOKEN, NONE, NOTHING)
ROW (USERS_LIST, "GET", "/api/v1/users", TOKEN, PAGE, OBJECT (user))
ROW (USERS_CREATE, "POST", "/api/v1/users", TOKEN, OBJECT, OBJECT (user))
ROW (USERS_GET, "GET", "/api/v1/users/{id}", TOKEN, OBJECT, OBJECT (user))
ROW (USERS_UPDATE, "PATCH", "/api/v1/users/{id}", TOKEN, OBJECT, OBJECT (user))
ROW (USERS_DELETE, "DELETE", "/api/v1/users/{id}", TOKEN, NONE, NOTHING)
ROW (ACTIVITY_LIST, "GET", "/api/v1/activity", TOKEN, PAGE, OBJECT (activity))
ROW (CATEGORIES_LIST, "GET", "/api/v1/categories", TOKEN, PAGE, OBJECT (category))
ROW (CATEGORIES_CREATE, "POST", "/api/v1/categories", TOKEN, OBJECT, OBJECT (category))
ROW (CATEGORIES_GET, "GET", "/api/v1/categories/{id}", TOKEN, OBJECT, OBJECT (category))
ROW (CATEGORIES_UPDATE, "PATCH", "/api/v1/categories/{id}", TOKEN, OBJECT, OBJECT (category))
ROW (CATEGORIES_DELETE, "DELETE", "/api/v1/categories/{id}", TOKEN, NONE, NOTHING)
ROW (ITEMS_LIST, "GET", "/api/v1/items", TOKEN, PAGE, OBJECT (item))
ROW (ITEMS_GET, "GET", "/api/v1/items/{id}", TOKEN, OBJECT, OBJECT (item))
ROW (ITEMS_CREATE, "POST", "/api/v1/items", TOKEN, OBJECT, OBJECT (item))
ROW (ITEMS_UPDATE, "PATCH", "/api/v1/items/{id}", TOKEN, OBJECT, OBJECT (item))
ROW (ITEMS_DELETE, "DELETE", "/api/v1/items/{id}", TOKEN, NONE, NOTHING)
ROW (ITEMS_AVAILABILITY, "GET", "/api/v1/items/{id}/availability", TOKEN, OBJECT,
     NULL, decode_availability, (GDestroyNotify) g_array_unref)
ROW (ITEMS_HISTORY, "GET", "/api/v1/items/{id}/history", TOKEN, PAGE, OBJECT (condition_event))
ROW (ITEMS_REPAIR, "POST", "/api/v1/items/{id}/repair", TOKEN, OBJECT, OBJECT (item))
/* A spreadsheet's CSV, sent with lp_api_client_call_bytes_async(): {"imported", "updated",
 * "dry_run"}. */
ROW (ITEMS_IMPORT, "POST", "/api/v1/items/import", TOKEN, OBJECT, JSON_OBJECT)
ROW (LOANS_LIST, "GET", "/api/v1/loans", TOKEN, PAGE, OBJECT (loan))
ROW (LOANS_CREATE, "POST", "/api/v1/loans", TOKEN, OBJECT, OBJECT (loan))
ROW (LOANS_GET, "GET", "/api/v1/loans/{id}", TOKEN, OBJECT, OBJECT (loan))
ROW (LOANS_BY_CODE, "GET", "/api/v1/loans/by-code/{code}", TOKEN, OBJECT, OBJECT (loan))
ROW (LOANS_APPROVE, "POST", "/api/v1/loans/{id}/approve", TOKEN, OBJECT, OBJECT (loan))
ROW (LOANS_REJECT, "POST", "/api/v1/loans/{id}/reject", TOKEN, OBJECT, OBJECT (loan))
ROW (LOANS_CANCEL, "POST", "/api/v1/loans/{id}/cancel", TOKEN, OBJECT, OBJECT (loan))
ROW (LOANS_HANDOVER, "POST", "/api/v1/loans/{id}/handover", TOKEN, OBJECT, OBJECT (loan))
ROW (LOANS_RETURN, "POST", "/api/v1/loans/{id}/return", TOKEN, OBJECT, OBJECT (loan))
ROW (RETURNS_LIST, "GET", "/api/v1/returns", TOKEN, PAGE, OBJECT (return))
/* The photo's bytes go up with lp_api_client_upload_async(). */
ROW (ATTACHMENTS_UPLOAD, "POST", "/api/v1/attachments", TOKEN, OBJECT, OBJECT (attachment))
ROW (ATTACHMENTS_GET, "GET", "/api/v1/attachments/{id}", TOKEN, BYTES, NOTHING)
ROW (SETTINGS_GET, "GET", "/api/v1/settings", TOKEN, OBJECT, OBJECT (settings))
ROW (SETTINGS_UPDATE, "PATCH", "/api/v1/settings", TOKEN, OBJECT, OBJECT (settings))
ROW (COMPLAINTS_LIST, "GET", "/api/v1/complaints", TOKEN, PAGE, OBJECT (complaint))
ROW (COMPLAINTS_CREATE, "POST", "/api/v1/complaints", TOKEN, OBJECT, OBJECT (complaint))
ROW (COMPLAINTS_GET, "GET", "/api/v1/complaints/{id}", TOKEN, OBJECT, OBJECT (complaint))
ROW (COMPLAINTS_STATUS, "POST", "/api/v1/complaints/{id}/status", TOKEN, OBJECT, OBJECT (complaint))
ROW (COMPLAINTS_NOTES, "POST", "/api/v1/complaints/{id}/notes", TOKEN, OBJECT,
     OBJECT (complaint_note))
ROW (KIOSKS_LIST, "GET", "/api/v1/kiosks", TOKEN, PAGE, OBJECT (kiosk))
/* The reply carries the device key, once: read as it is. */
ROW (KIOSKS_CREATE, "POST", "/api/v1/kiosks", TOKEN, OBJECT, JSON_OBJECT)
ROW (KIOSKS_REVOKE, "DELETE", "/api/v1/kiosks/{id}", TOKEN, NONE, NOTHING)
ROW (REPORTS_LOANS, "GET", "/api/v1/reports/loans", TOKEN, OBJECT, JSON_OBJECT)
ROW (REPORTS_COMPLAINTS, "GET", "/api/v1/reports/complaints", TOKEN, OBJECT, JSON_OBJECT)
ROW (REPORTS_ASSET_HEALTH, "GET", "/api/v1/reports/asset-health", TOKEN, OBJECT, JSON_OBJECT)
/* The same reports as the server's CSV (the caller adds ?format=csv): the value is its bytes. */
ROW (REPORTS_LOANS_CSV, "GET", "/api/v1/reports/loans", TOKEN, BYTES, NOTHING)
ROW (REPORTS_COMPLAINTS_CSV, "GET", "/api/v1/reports/complaints", TOKEN, BYTES, NOTHING)
ROW (REPORTS_ASSET_HEALTH_CSV, "GET", "/api/v1/reports/asset-health", TOKEN, BYTES, NOTHING)

const LpApiEndpoint * const lp_api_endpoints[] = {
  &LP_API_ATTACHMENTS_UPLOAD,
  &LP_API_ATTACHMENTS_GET,
  &LP_API_HEALTH,
  &LP_API_AUTH_LOGIN,
  &LP_API_AUTH_LOGOUT,
  &LP_API_AUTH_REGISTER,
  &LP_API_ME,
  &LP_API_ME_PASSWORD,
  &LP_API_USERS_LIST,
  &LP_API_USERS_CREATE,
  &LP_API_USERS_GET,
  &LP_API_USERS_UPDATE,
  &LP_API_USERS_DELETE,
  &LP_API_ACTIVITY_LIST,
  &LP_API_CATEGORIES_LIST,
  &LP_API_CATEGORIES_CREATE,
  &LP_API_CATEGORIES_GET,
  &LP_API_CATEGORIES_UPDATE,
  &LP_API_CATEGORIES_DELETE,
  &LP_API_ITEMS_LIST,
  &LP_API_ITEMS_GET,
  &LP_API_ITEMS_CREATE,
  &LP_API_ITEMS_UPDATE,
  &LP_API_ITEMS_DELETE,
  &LP_API_ITEMS_AVAILABILITY,
  &LP_API_ITEMS_HISTORY,
  &LP_API_ITEMS_REPAIR,
  &LP_API_ITEMS_IMPORT,
  &LP_API_LOANS_LIST,
  &LP_API_LOANS_CREATE,
  &LP_API_LOANS_GET,
  &LP_API_LOANS_BY_CODE,
  &LP_API_LOANS_APPROVE,
  &LP_API_LOANS_REJECT,
  &LP_API_LOANS_CANCEL,
  &LP_API_LOANS_HANDOVER,
  &LP_API_LOANS_RETURN,
  &LP_API_RETURNS_LIST,
  &LP_API_SETTINGS_GET,
  &LP_API_SETTINGS_UPDATE,
  &LP_API_COMPLAINTS_LIST,
  &LP_API_COMPLAINTS_CREATE,
  &LP_API_COMPLAINTS_GET,
  &LP_API_COMPLAINTS_STATUS,
  &LP_API_COMPLAINTS_NOTES,
  &LP_API_KIOSKS_LIST,
  &LP_API_KIOSKS_CREATE,
  &LP_API_KIOSKS_REVOKE,
  &LP_API_REPORTS_LOANS,
  &LP_API_REPORTS_COMPLAINTS,
  &LP_API_REPORTS_ASSET_HEALTH,
  &LP_API_REPORTS_LOANS_CSV,
  &LP_API_REPORTS_COMPLAINTS_CSV,
  &LP_API_REPORTS_ASSET_HEALTH_CSV,
  NULL,
};
