/* lp-error.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-error"

#include "config.h"

#include "lp-error.h"

typedef struct
{
  GHashTable *fields;   /* field name → message, or NULL */
  GHashTable *details;  /* member name → JSON text, or NULL */
} LpErrorPrivate;

static void
lp_error_private_init (LpErrorPrivate *priv)
{
  priv->fields = NULL;
  priv->details = NULL;
}

static GHashTable *
copy_string_table (GHashTable *src)
{
  GHashTable *dest;
  GHashTableIter iter;
  gpointer key, value;

  if (src == NULL)
    return NULL;
  dest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, src);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (dest, g_strdup (key), g_strdup (value));
  return dest;
}

static void
lp_error_private_copy (const LpErrorPrivate *src,
                       LpErrorPrivate       *dest)
{
  dest->fields = copy_string_table (src->fields);
  dest->details = copy_string_table (src->details);
}

static void
lp_error_private_clear (LpErrorPrivate *priv)
{
  g_clear_pointer (&priv->fields, g_hash_table_unref);
  g_clear_pointer (&priv->details, g_hash_table_unref);
}

G_DEFINE_EXTENDED_ERROR (LpError, lp_error)

void
lp_error_set_field (GError     *error,
                    const char *field,
                    const char *message)
{
  LpErrorPrivate *priv;

  g_return_if_fail (error != NULL);
  g_return_if_fail (field != NULL && message != NULL);

  priv = lp_error_get_private (error);
  g_return_if_fail (priv != NULL);
  if (priv->fields == NULL)
    priv->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (priv->fields, g_strdup (field), g_strdup (message));
}

/* Returns: (transfer none) (nullable): the field errors of an LP_ERROR, if any */
GHashTable *
lp_error_get_fields (const GError *error)
{
  LpErrorPrivate *priv;

  if (error == NULL || error->domain != LP_ERROR)
    return NULL;
  priv = lp_error_get_private (error);
  return priv != NULL ? priv->fields : NULL;
}

typedef struct
{
  LpErrorCode  code;
  const char  *name;
  guint        status;
} ErrorInfo;

/* Indexed by LpErrorCode; the order must follow the enum. */
static const ErrorInfo error_info[] = {
  { LP_ERROR_BAD_REQUEST, "bad_request", 400 },
  { LP_ERROR_UNAUTHORIZED, "unauthorized", 401 },
  { LP_ERROR_FORBIDDEN, "forbidden", 403 },
  { LP_ERROR_NOT_FOUND, "not_found", 404 },
  { LP_ERROR_CONFLICT, "conflict", 409 },
  { LP_ERROR_OVERBOOKED, "overbooked", 409 },
  { LP_ERROR_INSUFFICIENT_STOCK, "insufficient_stock", 409 },
  { LP_ERROR_INVALID_TRANSITION, "invalid_transition", 409 },
  { LP_ERROR_IN_USE, "in_use", 409 },
  { LP_ERROR_DUPLICATE, "duplicate", 409 },
  { LP_ERROR_METHOD_NOT_ALLOWED, "method_not_allowed", 405 },
  { LP_ERROR_TOO_LARGE, "too_large", 413 },
  { LP_ERROR_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", 415 },
  { LP_ERROR_VALIDATION_FAILED, "validation_failed", 422 },
  { LP_ERROR_TOO_MANY_REQUESTS, "too_many_requests", 429 },
  { LP_ERROR_UNAVAILABLE, "unavailable", 503 },
  { LP_ERROR_INTERNAL, "internal", 500 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (error_info) == LP_ERROR_INTERNAL + 1);

void
lp_error_set_detail (GError     *error,
                     const char *name,
                     const char *json)
{
  LpErrorPrivate *priv;

  g_return_if_fail (error != NULL);
  g_return_if_fail (name != NULL && json != NULL);

  priv = lp_error_get_private (error);
  g_return_if_fail (priv != NULL);
  if (priv->details == NULL)
    priv->details = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (priv->details, g_strdup (name), g_strdup (json));
}

/* Returns: (transfer none) (nullable): the extra members of an LP_ERROR, if any */
GHashTable *
lp_error_get_details (const GError *error)
{
  LpErrorPrivate *priv;

  if (error == NULL || error->domain != LP_ERROR)
    return NULL;
  priv = lp_error_get_private (error);
  return priv != NULL ? priv->details : NULL;
}

const char *
lp_error_code_to_string (LpErrorCode code)
{
  if ((guint) code >= G_N_ELEMENTS (error_info))
    return "internal";
  return error_info[code].name;
}

gboolean
lp_error_code_from_string (const char  *str,
                           LpErrorCode *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (error_info); i++)
    if (g_str_equal (str, error_info[i].name))
      {
        *code = error_info[i].code;
        return TRUE;
      }
  return FALSE;
}

guint
lp_error_code_http_status (LpErrorCode code)
{
  if ((guint) code >= G_N_ELEMENTS (error_info))
    return 500;
  return error_info[code].status;
}

/* The fallback for replies that carry no error body we can read (a proxy's 502, say). */
LpErrorCode
lp_error_code_from_http_status (guint status)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_info); i++)
    if (error_info[i].status == status)
      return error_info[i].code;
  if (status >= 500)
    return LP_ERROR_UNAVAILABLE;
  return LP_ERROR_BAD_REQUEST;
}
