/* lp-api-client-catalog.c — LpApiClient: the catalog (categories, items, availability).
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-api-client"

#include "config.h"

#include "lp-api-client.h"
#include "lp-api-client-private.h"

#include "lp-error.h"
#include "lp-json.h"
#include "lp-validation.h"

#include <string.h>

#define CATEGORIES_LIMIT 500

typedef struct
{
  GPtrArray *items;
  guint      total;
} ItemList;

static void
item_list_free (ItemList *list)
{
  g_clear_pointer (&list->items, g_ptr_array_unref);
  g_free (list);
}

static JsonArray *
get_array (JsonObject  *object,
           const char  *member,
           GError     **error)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, LP_ERROR, LP_ERROR_BAD_REQUEST, "'%s' must be an array", member);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
get_element_object (JsonArray  *array,
                    guint       index,
                    GError    **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, LP_ERROR, LP_ERROR_BAD_REQUEST, "element %u is not an object", index);
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
parse_item_list (LpApiClient  *self,
                 JsonObject   *object,
                 GTask        *task,
                 GError      **error)
{
  g_autoptr(GPtrArray) items = NULL;
  JsonArray *array;
  gint64 total = 0;
  ItemList *list;

  array = get_array (object, "items", error);
  if (array == NULL ||
      !lp_json_get_int (object, "total", TRUE, 0, G_MAXINT32, &total, error))
    return FALSE;
  items = g_ptr_array_new_full (json_array_get_length (array), g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *element = get_element_object (array, i, error);
      LpItemObject *item = element != NULL ? lp_item_object_new_from_json (element, error) : NULL;

      if (item == NULL)
        return FALSE;
      g_ptr_array_add (items, item);
    }
  list = g_new0 (ItemList, 1);
  list->items = g_steal_pointer (&items);
  list->total = (guint) MAX (total, (gint64) list->items->len);
  g_task_return_pointer (task, list, (GDestroyNotify) item_list_free);
  return TRUE;
}

void
lp_api_client_list_items_async (LpApiClient         *self,
                                const char          *q,
                                const char          *category_id,
                                gboolean             borrowable,
                                guint                limit,
                                guint                offset,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  g_autoptr(GString) path = g_string_new ("/api/v1/items");
  g_autofree char *limit_text = g_strdup_printf ("%u", limit);
  g_autofree char *offset_text = g_strdup_printf ("%u", offset);

  g_return_if_fail (LP_IS_API_CLIENT (self));

  task = lp_api_client_new_task (self, lp_api_client_list_items_async, cancellable,
                                 callback, user_data);
  lp_api_client_append_query (path, "q", q);
  lp_api_client_append_query (path, "category_id", category_id);
  lp_api_client_append_query (path, "borrowable", borrowable ? "true" : NULL);
  lp_api_client_append_query (path, "limit", limit_text);
  lp_api_client_append_query (path, "offset", offset_text);
  lp_api_client_send (self, task, "GET", path->str, AUTH_TOKEN, NULL, parse_item_list);
}

GPtrArray *
lp_api_client_list_items_finish (LpApiClient   *self,
                                 GAsyncResult  *result,
                                 guint         *total,
                                 GError       **error)
{
  ItemList *list = lp_api_client_finish_pointer (self, result, lp_api_client_list_items_async,
                                                 error);
  GPtrArray *items;

  if (list == NULL)
    return NULL;
  if (total != NULL)
    *total = list->total;
  items = g_steal_pointer (&list->items);
  item_list_free (list);
  return items;
}

static gboolean
parse_item (LpApiClient  *self,
            JsonObject   *object,
            GTask        *task,
            GError      **error)
{
  LpItemObject *item;

  if (!lp_api_client_require_object (object, error))
    return FALSE;
  item = lp_item_object_new_from_json (object, error);
  if (item == NULL)
    return FALSE;
  g_task_return_pointer (task, item, g_object_unref);
  return TRUE;
}

void
lp_api_client_get_item_async (LpApiClient         *self,
                              const char          *id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (LP_IS_API_CLIENT (self));
  g_return_if_fail (id != NULL);

  task = lp_api_client_new_task (self, lp_api_client_get_item_async, cancellable,
                                 callback, user_data);
  escaped = lp_api_client_escape_segment (id);
  path = g_strdup_printf ("/api/v1/items/%s", escaped);
  lp_api_client_send (self, task, "GET", path, AUTH_TOKEN, NULL, parse_item);
}

LpItemObject *
lp_api_client_get_item_finish (LpApiClient   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return lp_api_client_finish_pointer (self, result, lp_api_client_get_item_async, error);
}

static gboolean
parse_availability (LpApiClient  *self,
                    JsonObject   *object,
                    GTask        *task,
                    GError      **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (LpAvailabilityDay));
  JsonArray *array = get_array (object, "days", error);

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *element = get_element_object (array, i, error);
      LpAvailabilityDay day = { 0 };
      gint64 free_units = 0;

      g_date_clear (&day.date, 1);
      if (element == NULL ||
          !lp_json_get_date (element, "date", TRUE, &day.date, error) ||
          !lp_json_get_int (element, "free", TRUE, 0, G_MAXINT32, &free_units, error))
        return FALSE;
      day.free = (int) free_units;
      g_array_append_val (days, day);
    }
  g_task_return_pointer (task, g_steal_pointer (&days), (GDestroyNotify) g_array_unref);
  return TRUE;
}

void
lp_api_client_item_availability_async (LpApiClient         *self,
                                       const char          *id,
                                       const GDate         *from,
                                       const GDate         *to,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task;
  g_autofree char *escaped = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autoptr(GString) path = g_string_new (NULL);

  g_return_if_fail (LP_IS_API_CLIENT (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (to != NULL && g_date_valid (to));

  task = lp_api_client_new_task (self, lp_api_client_item_availability_async, cancellable,
                                 callback, user_data);
  escaped = lp_api_client_escape_segment (id);
  from_text = lp_format_date (from);
  to_text = lp_format_date (to);
  g_string_printf (path, "/api/v1/items/%s/availability", escaped);
  lp_api_client_append_query (path, "from", from_text);
  lp_api_client_append_query (path, "to", to_text);
  lp_api_client_send (self, task, "GET", path->str, AUTH_TOKEN, NULL,
                      parse_availability);
}

GArray *
lp_api_client_item_availability_finish (LpApiClient   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return lp_api_client_finish_pointer (self, result, lp_api_client_item_availability_async, error);
}

static int
compare_categories (gconstpointer a,
                    gconstpointer b)
{
  const LpCategory *ca = *(const LpCategory * const *) a;
  const LpCategory *cb = *(const LpCategory * const *) b;
  g_autofree char *ka = g_utf8_collate_key (ca->name, -1);
  g_autofree char *kb = g_utf8_collate_key (cb->name, -1);

  return strcmp (ka, kb);
}

static gboolean
parse_categories (LpApiClient  *self,
                  JsonObject   *object,
                  GTask        *task,
                  GError      **error)
{
  g_autoptr(GPtrArray) categories = NULL;
  JsonArray *array = get_array (object, "items", error);

  if (array == NULL)
    return FALSE;
  categories = g_ptr_array_new_with_free_func ((GDestroyNotify) lp_category_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *element = get_element_object (array, i, error);
      LpCategory *category = element != NULL ? lp_category_new_from_json (element, error) : NULL;

      if (category == NULL)
        return FALSE;
      g_ptr_array_add (categories, category);
    }
  g_ptr_array_sort (categories, compare_categories);
  g_task_return_pointer (task, g_steal_pointer (&categories), (GDestroyNotify) g_ptr_array_unref);
  return TRUE;
}

void
lp_api_client_list_categories_async (LpApiClient         *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;
  g_autofree char *path = g_strdup_printf ("/api/v1/categories?limit=%d", CATEGORIES_LIMIT);

  g_return_if_fail (LP_IS_API_CLIENT (self));

  task = lp_api_client_new_task (self, lp_api_client_list_categories_async, cancellable,
                                 callback, user_data);
  lp_api_client_send (self, task, "GET", path, AUTH_TOKEN, NULL, parse_categories);
}

GPtrArray *
lp_api_client_list_categories_finish (LpApiClient   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return lp_api_client_finish_pointer (self, result, lp_api_client_list_categories_async, error);
}
