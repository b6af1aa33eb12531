/* lp-json.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Nesting deeper than this is refused before json-glib sees it: json-glib 1.6 parses
 * recursively, and a megabyte of "[" overflows the stack. Our bodies nest 3 deep. */
#define LP_JSON_MAX_DEPTH 64

/*
 * Strict parsing of a request (or response) body into its top-level object.
 * Returns: (transfer full): a new reference, or NULL with LP_ERROR_BAD_REQUEST
 * "Malformed JSON: …" for an empty body, invalid UTF-8, anything that is not exactly one
 * RFC 8259 JSON text (json-glib 1.6 also accepts comments, single quotes, hex numbers and
 * trailing data, and wraps integers past 64 bits, so the text is checked first), a
 * "\u0000" or unpaired surrogate escape, nesting deeper than LP_JSON_MAX_DEPTH, or a top
 * level that is not an object.
 */
JsonObject *lp_json_parse_object     (const char   *data,
                                      gsize         length,
                                      GError      **error);

/*
 * Typed getters for request validation. They share these rules:
 *
 * - An absent member and an explicit JSON null are the same thing: "not given". So a
 *   PATCH cannot clear a field with null; endpoints treat "" as "clear" for optional
 *   strings instead.
 * - Not given and @required: the field error "This field is required." is added with
 *   lp_validation_add() (HTTP 422), so every missing field of a request is reported at
 *   once. Not given and optional: returns TRUE and leaves *@out untouched, so set the
 *   default before the call (and use lp_json_has_member() when presence matters).
 * - Given with the wrong JSON type (a null for a required member counts as that):
 *   LP_ERROR_BAD_REQUEST "'name' must be a string" (HTTP 400).
 * - They accumulate: unlike ordinary GError functions they may be called with *@error
 *   already set, so a handler calls every getter and checks @error once at the end. A
 *   400 replaces a pending validation error (the request is broken; its field errors
 *   would only mislead) and is itself never replaced; an error of any other kind is
 *   left alone.
 * - The return value says whether this member was read without error.
 * - Unknown members are ignored, so clients may send more than an endpoint reads.
 *
 * Strings, objects: (transfer none), valid as long as @object. Arrays: (transfer full).
 */
gboolean    lp_json_has_member       (JsonObject   *object,
                                      const char   *member);
gboolean    lp_json_get_string       (JsonObject   *object,
                                      const char   *member,
                                      gboolean      required,
                                      const char  **out,
                                      GError      **error);
/* Accepts integral numbers only ("2" and "2.0", not "2.5": 400). A value outside
 * @min..@max is a field error "This number is out of range." (422). */
gboolean    lp_json_get_int          (JsonObject   *object,
                                      const char   *member,
                                      gboolean      required,
                                      gint64        min,
                                      gint64        max,
                                      gint64       *out,
                                      GError      **error);
gboolean    lp_json_get_bool         (JsonObject   *object,
                                      const char   *member,
                                      gboolean      required,
                                      gboolean     *out,
                                      GError      **error);
/* Integers are accepted as numbers; a value too large for a double is a field error. */
gboolean    lp_json_get_double       (JsonObject   *object,
                                      const char   *member,
                                      gboolean      required,
                                      double       *out,
                                      GError      **error);
/* An empty array is an empty (not NULL) vector; a non-string element is a 400. */
gboolean    lp_json_get_string_array (JsonObject   *object,
                                      const char   *member,
                                      gboolean      required,
                                      GStrv        *out,
                                      GError      **error);
gboolean    lp_json_get_object       (JsonObject   *object,
                                      const char   *member,
                                      gboolean      required,
                                      JsonObject  **out,
                                      GError      **error);
/* A string that must be a value nick of @enum_type (e.g. LP_TYPE_LOAN_STATUS); an
 * unknown value is a 400 (API.md), naming the accepted ones. */
gboolean    lp_json_get_enum         (JsonObject   *object,
                                      const char   *member,
                                      gboolean      required,
                                      GType         enum_type,
                                      int          *out,
                                      GError      **error);
/* A string that lp_parse_date() / lp_parse_timestamp() accepts; a string that is not
 * one is a field error (422), anything but a string a 400. @out of the timestamp is
 * (transfer full). */
gboolean    lp_json_get_date         (JsonObject   *object,
                                      const char   *member,
                                      gboolean      required,
                                      GDate        *out,
                                      GError      **error);
gboolean    lp_json_get_timestamp    (JsonObject   *object,
                                      const char   *member,
                                      gboolean      required,
                                      GDateTime   **out,
                                      GError      **error);

/* Records LP_ERROR_BAD_REQUEST with the same precedence as the getters: it replaces a
 * validation error and keeps any other. @error may be NULL. */
void        lp_json_bad_request      (GError      **error,
                                      const char   *format,
                                      ...) G_GNUC_PRINTF (2, 3);

/* Compact JSON text. json-glib 1.6 writes a double such as 1e20 as "1e+20.0", which is
 * not JSON: send money and counts as integers. @length may be NULL. */
char       *lp_json_to_string        (JsonNode     *node,
                                      gsize        *length);

/* {"error":{"code":"…","message":"…","fields":{…}}}, "fields" only when there are
 * some, sorted by name. An error outside LP_ERROR becomes "internal" with a generic
 * message: its text may hold database details a client must not see (log it first).
 * Returns: (transfer full): an object node, to which a caller may add members (the
 * "conflicts" of an overbooked loan, say). */
JsonNode   *lp_json_error_body       (const GError *error);

/* The reverse, for the client: turns an error reply into an LP_ERROR with its fields,
 * and every other member of the error object as a detail (lp_error_get_details(), JSON
 * text: the "conflicts" of an overbooked loan). A body that is not ours (a proxy's HTML page) or a code this build does not know
 * falls back to lp_error_code_from_http_status(@http_status). Always sets @error and
 * returns FALSE, so a caller can `return lp_json_error_from_body (…);`. */
gboolean    lp_json_error_from_body  (const char   *data,
                                      gsize         length,
                                      guint         http_status,
                                      GError      **error);

G_END_DECLS
