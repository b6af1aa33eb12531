/* lp-error.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * One error domain for everything the API can answer. The server maps every failure to
 * one of these codes (and so to an HTTP status and a machine code string); the client
 * decodes the API's error body back into the same GError, so both sides speak one
 * vocabulary.
 */
#define LP_ERROR (lp_error_quark ())

typedef enum
{
  LP_ERROR_BAD_REQUEST,
  LP_ERROR_UNAUTHORIZED,
  LP_ERROR_FORBIDDEN,
  LP_ERROR_NOT_FOUND,
  LP_ERROR_CONFLICT,
  LP_ERROR_OVERBOOKED,
  LP_ERROR_INSUFFICIENT_STOCK,
  LP_ERROR_INVALID_TRANSITION,
  LP_ERROR_IN_USE,
  LP_ERROR_DUPLICATE,
  LP_ERROR_METHOD_NOT_ALLOWED,
  LP_ERROR_TOO_LARGE,
  LP_ERROR_UNSUPPORTED_MEDIA_TYPE,
  LP_ERROR_VALIDATION_FAILED,
  LP_ERROR_TOO_MANY_REQUESTS,
  LP_ERROR_UNAVAILABLE,
  LP_ERROR_INTERNAL,
} LpErrorCode;

GQuark       lp_error_quark        (void);

/* Field errors ("due_date" → "must not be before start_date") travel inside the GError
 * itself (an extended error domain), so a validation failure keeps its details across
 * threads and layers. */
void         lp_error_set_field    (GError     *error,
                                    const char *field,
                                    const char *message);
GHashTable  *lp_error_get_fields   (const GError *error);
/* Extra members of the API's error object beside code, message and fields (the
 * "conflicts" of an overbooked loan), each kept as JSON text so that they too travel
 * with the GError across threads and layers. */
void         lp_error_set_detail   (GError     *error,
                                    const char *name,
                                    const char *json);
GHashTable  *lp_error_get_details  (const GError *error);
const char  *lp_error_code_to_string (LpErrorCode code);
gboolean     lp_error_code_from_string (const char  *str,
                                        LpErrorCode *code);
guint        lp_error_code_http_status (LpErrorCode code);
LpErrorCode  lp_error_code_from_http_status (guint status);

G_END_DECLS
