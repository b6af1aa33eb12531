/* lp-api-client-catalog.c — LpApiClient: the catalog's typed calls, over the generic one.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-api-client"

#include "config.h"

#include "lp-api-client.h"
#include "lp-api-client-private.h"

#include "lp-validation.h"

#include <string.h>

#define CATEGORIES_LIMIT "500"

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
  g_autofree char *limit_text = g_strdup_printf ("%u", limit);
  g_autofree char *offset_text = g_strdup_printf ("%u", offset);
  const char *query[] = { "q", q, "category_id", category_id,
                          "borrowable", borrowable ? "true" : NULL,
                          "limit", limit_text, "offset", offset_text, NULL };

  lp_api_client_call_async (self, &LP_API_ITEMS_LIST, NULL, query, NULL, cancellable,
                            callback, user_data);
}

GPtrArray *
lp_api_client_list_items_finish (LpApiClient   *self,
                                 GAsyncResult  *result,
                                 guint         *total,
                                 GError       **error)
{
  GPtrArray *items = NULL;

  lp_api_client_call_finish (self, result, (gpointer *) &items, total, error);
  return items;
}

void
lp_api_client_get_item_async (LpApiClient         *self,
                              const char          *id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  const char *args[] = { id, NULL };

  g_return_if_fail (id != NULL);

  lp_api_client_call_async (self, &LP_API_ITEMS_GET, args, NULL, NULL, cancellable,
                            callback, user_data);
}

LpItemObject *
lp_api_client_get_item_finish (LpApiClient   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  LpItemObject *item = NULL;

  lp_api_client_call_finish (self, result, (gpointer *) &item, NULL, error);
  return item;
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
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  const char *args[] = { id, NULL };
  const char *query[] = { "from", NULL, "to", NULL, NULL };

  g_return_if_fail (id != NULL);
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (to != NULL && g_date_valid (to));

  query[1] = from_text = lp_format_date (from);
  query[3] = to_text = lp_format_date (to);
  lp_api_client_call_async (self, &LP_API_ITEMS_AVAILABILITY, args, query, NULL, cancellable,
                            callback, user_data);
}

GArray *
lp_api_client_item_availability_finish (LpApiClient   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  GArray *days = NULL;

  lp_api_client_call_finish (self, result, (gpointer *) &days, NULL, error);
  return days;
}

void
lp_api_client_list_categories_async (LpApiClient         *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  const char *query[] = { "limit", CATEGORIES_LIMIT, NULL };

  lp_api_client_call_async (self, &LP_API_CATEGORIES_LIST, NULL, query, NULL, cancellable,
                            callback, user_data);
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

GPtrArray *
lp_api_client_list_categories_finish (LpApiClient   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  GPtrArray *categories = NULL;

  if (lp_api_client_call_finish (self, result, (gpointer *) &categories, NULL, error))
    g_ptr_array_sort (categories, compare_categories);
  return categories;
}
