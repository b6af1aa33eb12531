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

#define ITEM     lp_item_object_get_type, NULL, NULL
#define USER     lp_user_object_get_type, NULL, NULL
#define CATEGORY lp_category_object_get_type, NULL, NULL
#define NOTHING  NULL, NULL, NULL

const LpApiEndpoint LP_API_ITEMS_LIST =
  { "GET", "/api/v1/items", LP_API_AUTH_TOKEN, LP_API_REPLY_PAGE, ITEM };
const LpApiEndpoint LP_API_ITEMS_GET =
  { "GET", "/api/v1/items/{id}", LP_API_AUTH_TOKEN, LP_API_REPLY_OBJECT, ITEM };
const LpApiEndpoint LP_API_ITEMS_AVAILABILITY =
  { "GET", "/api/v1/items/{id}/availability", LP_API_AUTH_TOKEN, LP_API_REPLY_OBJECT,
    NULL, decode_availability, (GDestroyNotify) g_array_unref };
const LpApiEndpoint LP_API_CATEGORIES_LIST =
  { "GET", "/api/v1/categories", LP_API_AUTH_TOKEN, LP_API_REPLY_PAGE, CATEGORY };
const LpApiEndpoint LP_API_AUTH_LOGIN =
  { "POST", "/api/v1/auth/login", LP_API_AUTH_NONE, LP_API_REPLY_OBJECT, NOTHING };
const LpApiEndpoint LP_API_AUTH_LOGOUT =
  { "POST", "/api/v1/auth/logout", LP_API_AUTH_TOKEN_NO_EXPIRY, LP_API_REPLY_NONE, NOTHING };
const LpApiEndpoint LP_API_AUTH_REGISTER =
  { "POST", "/api/v1/auth/register", LP_API_AUTH_NONE, LP_API_REPLY_OBJECT, USER };
const LpApiEndpoint LP_API_ME =
  { "GET", "/api/v1/me", LP_API_AUTH_TOKEN, LP_API_REPLY_OBJECT, USER };
const LpApiEndpoint LP_API_ME_PASSWORD =
  { "PUT", "/api/v1/me/password", LP_API_AUTH_TOKEN, LP_API_REPLY_NONE, NOTHING };

const LpApiEndpoint * const lp_api_endpoints[] = {
  &LP_API_ITEMS_LIST,
  &LP_API_ITEMS_GET,
  &LP_API_ITEMS_AVAILABILITY,
  &LP_API_CATEGORIES_LIST,
  &LP_API_AUTH_LOGIN,
  &LP_API_AUTH_LOGOUT,
  &LP_API_AUTH_REGISTER,
  &LP_API_ME,
  &LP_API_ME_PASSWORD,
  NULL,
};
