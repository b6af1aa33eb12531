/* lp-json.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-json"

#include "config.h"

#include "lp-json.h"

#include "lp-error.h"
#include "lp-validation.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#define MSG_REQUIRED     N_("This field is required.")
#define MSG_OUT_OF_RANGE N_("This number is out of range.")
#define MSG_BAD_DATE     N_("Enter a date as YYYY-MM-DD.")
#define MSG_BAD_TIME     N_("Enter a date and time such as 2026-01-09T03:00:00Z.")

/* The first double past the range of gint64: 2^63. */
#define INT64_LIMIT 9223372036854775808.0

/*
 * A strict RFC 8259 syntax check, run before json-glib so that what json-glib accepts
 * beyond the standard never reaches an endpoint. Recursion is bounded by
 * LP_JSON_MAX_DEPTH. The text is already known to be valid UTF-8 without NUL bytes.
 */
typedef struct
{
  const char *p;
  const char *end;
  guint       depth;
  const char *problem;  /* the first problem found, or NULL */
} Scan;

static gboolean scan_value (Scan *s);

static gboolean
scan_fail (Scan       *s,
           const char *problem)
{
  if (s->problem == NULL)
    s->problem = problem;
  return FALSE;
}

static void
scan_space (Scan *s)
{
  while (s->p < s->end &&
         (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

static gboolean
scan_char (Scan *s,
           char  c)
{
  if (s->p >= s->end || *s->p != c)
    return FALSE;
  s->p++;
  return TRUE;
}

static gboolean
scan_hex4 (Scan  *s,
           guint *unit)
{
  *unit = 0;
  if (s->end - s->p < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (s->p[i]);

      if (digit < 0)
        return FALSE;
      *unit = *unit * 16 + (guint) digit;
    }
  s->p += 4;
  return TRUE;
}

/* After "\u": one code unit or a surrogate pair. U+0000 is refused because json-glib
 * would silently cut the string there ("admin\u0000x" would read as "admin"). */
static gboolean
scan_unicode_escape (Scan *s)
{
  guint unit, low;

  if (!scan_hex4 (s, &unit))
    return scan_fail (s, "invalid \\u escape");
  if (unit == 0)
    return scan_fail (s, "\\u0000 is not allowed");
  if (unit >= 0xDC00 && unit <= 0xDFFF)
    return scan_fail (s, "unpaired surrogate");
  if (unit < 0xD800 || unit > 0xDBFF)
    return TRUE;
  if (!scan_char (s, '\\') || !scan_char (s, 'u') || !scan_hex4 (s, &low) ||
      low < 0xDC00 || low > 0xDFFF)
    return scan_fail (s, "unpaired surrogate");
  return TRUE;
}

static gboolean
scan_string (Scan *s)
{
  s->p++;  /* the opening quote */
  while (s->p < s->end)
    {
      guchar c = (guchar) *s->p++;

      if (c == '"')
        return TRUE;
      if (c < 0x20)
        return scan_fail (s, "control character in a string");
      if (c != '\\')
        continue;
      if (s->p >= s->end)
        break;
      c = (guchar) *s->p++;
      if (c == 'u' && !scan_unicode_escape (s))
        return FALSE;
      if (c != 'u' && (c == '\0' || strchr ("\"\\/bfnrt", c) == NULL))
        return scan_fail (s, "invalid escape");
    }
  return scan_fail (s, "unterminated string");
}

static gsize
scan_digits (Scan *s)
{
  const char *start = s->p;

  while (s->p < s->end && g_ascii_isdigit (*s->p))
    s->p++;
  return (gsize) (s->p - start);
}

/* json-glib reads integers through 64 bits without an overflow check. */
static gboolean
integer_fits (const char *start,
              gsize       len)
{
  char buffer[24];

  if (len >= sizeof buffer)
    return FALSE;
  memcpy (buffer, start, len);
  buffer[len] = '\0';
  errno = 0;
  g_ascii_strtoll (buffer, NULL, 10);
  return errno != ERANGE;
}

static gboolean
scan_number (Scan *s)
{
  const char *start = s->p;
  gboolean integral = TRUE;

  scan_char (s, '-');
  if (scan_char (s, '0'))
    {
      if (s->p < s->end && g_ascii_isdigit (*s->p))
        return scan_fail (s, "leading zero in a number");
    }
  else if (scan_digits (s) == 0)
    return scan_fail (s, "invalid number");
  if (scan_char (s, '.'))
    {
      integral = FALSE;
      if (scan_digits (s) == 0)
        return scan_fail (s, "invalid number");
    }
  if (scan_char (s, 'e') || scan_char (s, 'E'))
    {
      integral = FALSE;
      if (!scan_char (s, '+'))
        scan_char (s, '-');
      if (scan_digits (s) == 0)
        return scan_fail (s, "invalid number");
    }
  if (integral && !integer_fits (start, (gsize) (s->p - start)))
    return scan_fail (s, "integer out of range");
  return TRUE;
}

static gboolean
scan_literal (Scan       *s,
              const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (s->end - s->p) < len || memcmp (s->p, word, len) != 0)
    return scan_fail (s, "unexpected character");
  s->p += len;
  return TRUE;
}

static gboolean
scan_array (Scan *s)
{
  s->p++;  /* [ */
  scan_space (s);
  if (scan_char (s, ']'))
    return TRUE;
  for (;;)
    {
      if (!scan_value (s))
        return FALSE;
      scan_space (s);
      if (scan_char (s, ']'))
        return TRUE;
      if (!scan_char (s, ','))
        return scan_fail (s, "expected ',' or ']'");
    }
}

static gboolean
scan_member (Scan *s)
{
  scan_space (s);
  if (s->p >= s->end || *s->p != '"')
    return scan_fail (s, "expected a member name");
  if (!scan_string (s))
    return FALSE;
  scan_space (s);
  if (!scan_char (s, ':'))
    return scan_fail (s, "expected ':'");
  return scan_value (s);
}

static gboolean
scan_object (Scan *s)
{
  s->p++;  /* { */
  scan_space (s);
  if (scan_char (s, '}'))
    return TRUE;
  for (;;)
    {
      if (!scan_member (s))
        return FALSE;
      scan_space (s);
      if (scan_char (s, '}'))
        return TRUE;
      if (!scan_char (s, ','))
        return scan_fail (s, "expected ',' or '}'");
    }
}

static gboolean
scan_container (Scan *s)
{
  gboolean ok;

  if (s->depth >= LP_JSON_MAX_DEPTH)
    return scan_fail (s, "nested too deeply");
  s->depth++;
  ok = *s->p == '{' ? scan_object (s) : scan_array (s);
  s->depth--;
  return ok;
}

static gboolean
scan_value (Scan *s)
{
  scan_space (s);
  if (s->p >= s->end)
    return scan_fail (s, "unexpected end of data");
  switch (*s->p)
    {
    case '{':
    case '[':
      return scan_container (s);
    case '"':
      return scan_string (s);
    case 't':
      return scan_literal (s, "true");
    case 'f':
      return scan_literal (s, "false");
    case 'n':
      return scan_literal (s, "null");
    default:
      if (*s->p == '-' || g_ascii_isdigit (*s->p))
        return scan_number (s);
      return scan_fail (s, "unexpected character");
    }
}

static gboolean
malformed (GError     **error,
           const char  *detail)
{
  g_set_error (error, LP_ERROR, LP_ERROR_BAD_REQUEST, "Malformed JSON: %s", detail);
  return FALSE;
}

static gboolean
check_text (const char  *data,
            gsize        length,
            GError     **error)
{
  Scan s = { data, data + length, 0, NULL };
  const char *bad = NULL;
  g_autofree char *detail = NULL;

  if (!g_utf8_validate_len (data, length, &bad))
    {
      detail = g_strdup_printf ("invalid UTF-8 at byte %" G_GSIZE_FORMAT, (gsize) (bad - data));
      return malformed (error, detail);
    }
  scan_space (&s);
  if (s.p == s.end)
    return malformed (error, "the body is empty");
  if (scan_value (&s))
    {
      scan_space (&s);
      if (s.p != s.end)
        scan_fail (&s, "unexpected data after the value");
    }
  if (s.problem == NULL)
    return TRUE;
  detail = g_strdup_printf ("%s at byte %" G_GSIZE_FORMAT, s.problem, (gsize) (s.p - data));
  return malformed (error, detail);
}

JsonObject *
lp_json_parse_object (const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (length <= G_MAXSSIZE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length == 0)
    {
      malformed (error, "the body is empty");
      return NULL;
    }
  if (!check_text (data, length, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      malformed (error, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      malformed (error, "the top level must be an object");
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

void
lp_json_bad_request (GError     **error,
                     const char  *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (format != NULL);

  if (error == NULL)
    return;
  if (*error != NULL)
    {
      if (!g_error_matches (*error, LP_ERROR, LP_ERROR_VALIDATION_FAILED))
        return;
      g_clear_error (error);
    }
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, LP_ERROR, LP_ERROR_BAD_REQUEST, message);
}

static gboolean
bad_type (GError     **error,
          const char  *member,
          const char  *expected)
{
  lp_json_bad_request (error, "'%s' must be %s", member, expected);
  return FALSE;
}

static gboolean
node_holds (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* Returns the member's node when it is given (present and not null). Otherwise returns
 * NULL with *@ok TRUE for an optional member, or FALSE after recording the error of a
 * required one. */
static JsonNode *
lookup_member (JsonObject  *object,
               const char  *member,
               gboolean     required,
               const char  *expected,
               gboolean    *ok,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *ok = TRUE;
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    return node;
  if (!required)
    return NULL;
  *ok = FALSE;
  if (node == NULL)
    lp_validation_add (error, member, MSG_REQUIRED);
  else
    bad_type (error, member, expected);
  return NULL;
}

gboolean
lp_json_has_member (JsonObject *object,
                    const char *member)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (member != NULL, FALSE);

  node = json_object_get_member (object, member);
  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

gboolean
lp_json_get_string (JsonObject   *object,
                    const char   *member,
                    gboolean      required,
                    const char  **out,
                    GError      **error)
{
  JsonNode *node;
  gboolean ok;

  g_return_val_if_fail (object != NULL && member != NULL && out != NULL, FALSE);

  node = lookup_member (object, member, required, "a string", &ok, error);
  if (node == NULL)
    return ok;
  if (!node_holds (node, G_TYPE_STRING))
    return bad_type (error, member, "a string");
  *out = json_node_get_string (node);
  return TRUE;
}

/* Reads an integer, or a double holding an integral value (JSON does not tell them
 * apart). Sets *@too_big for a value past gint64. Returns FALSE for a non-integral
 * number or another type. */
static gboolean
node_get_integer (JsonNode *node,
                  gint64   *value,
                  gboolean *too_big)
{
  double d;

  *too_big = FALSE;
  if (node_holds (node, G_TYPE_INT64))
    {
      *value = json_node_get_int (node);
      return TRUE;
    }
  if (!node_holds (node, G_TYPE_DOUBLE))
    return FALSE;
  d = json_node_get_double (node);
  /* Range first: casting a double outside gint64 is undefined. Every double that large
   * is integral. */
  if (!isfinite (d) || d < -INT64_LIMIT || d >= INT64_LIMIT)
    {
      *too_big = TRUE;
      return TRUE;
    }
  *value = (gint64) d;
  return (double) *value == d;
}

gboolean
lp_json_get_int (JsonObject  *object,
                 const char  *member,
                 gboolean     required,
                 gint64       min,
                 gint64       max,
                 gint64      *out,
                 GError     **error)
{
  JsonNode *node;
  gboolean ok;
  gboolean too_big;
  gint64 value = 0;

  g_return_val_if_fail (object != NULL && member != NULL && out != NULL, FALSE);

  node = lookup_member (object, member, required, "an integer", &ok, error);
  if (node == NULL)
    return ok;
  if (!node_get_integer (node, &value, &too_big))
    return bad_type (error, member, "an integer");
  if (too_big || value < min || value > max)
    {
      lp_validation_add (error, member, MSG_OUT_OF_RANGE);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
lp_json_get_bool (JsonObject  *object,
                  const char  *member,
                  gboolean     required,
                  gboolean    *out,
                  GError     **error)
{
  JsonNode *node;
  gboolean ok;

  g_return_val_if_fail (object != NULL && member != NULL && out != NULL, FALSE);

  node = lookup_member (object, member, required, "a boolean", &ok, error);
  if (node == NULL)
    return ok;
  if (!node_holds (node, G_TYPE_BOOLEAN))
    return bad_type (error, member, "a boolean");
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
lp_json_get_double (JsonObject  *object,
                    const char  *member,
                    gboolean     required,
                    double      *out,
                    GError     **error)
{
  JsonNode *node;
  gboolean ok;
  double value;

  g_return_val_if_fail (object != NULL && member != NULL && out != NULL, FALSE);

  node = lookup_member (object, member, required, "a number", &ok, error);
  if (node == NULL)
    return ok;
  if (node_holds (node, G_TYPE_INT64))
    value = (double) json_node_get_int (node);
  else if (node_holds (node, G_TYPE_DOUBLE))
    value = json_node_get_double (node);
  else
    return bad_type (error, member, "a number");
  if (!isfinite (value))
    {
      lp_validation_add (error, member, MSG_OUT_OF_RANGE);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
lp_json_get_string_array (JsonObject  *object,
                          const char  *member,
                          gboolean     required,
                          GStrv       *out,
                          GError     **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonNode *node;
  JsonArray *array;
  gboolean ok;

  g_return_val_if_fail (object != NULL && member != NULL && out != NULL, FALSE);

  node = lookup_member (object, member, required, "an array of strings", &ok, error);
  if (node == NULL)
    return ok;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return bad_type (error, member, "an array of strings");

  array = json_node_get_array (node);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!node_holds (element, G_TYPE_STRING))
        return bad_type (error, member, "an array of strings");
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
lp_json_get_object (JsonObject   *object,
                    const char   *member,
                    gboolean      required,
                    JsonObject  **out,
                    GError      **error)
{
  JsonNode *node;
  gboolean ok;

  g_return_val_if_fail (object != NULL && member != NULL && out != NULL, FALSE);

  node = lookup_member (object, member, required, "an object", &ok, error);
  if (node == NULL)
    return ok;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bad_type (error, member, "an object");
  *out = json_node_get_object (node);
  return TRUE;
}

static char *
enum_nicks (GEnumClass *klass)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) nicks = NULL;

  for (guint i = 0; i < klass->n_values; i++)
    g_strv_builder_add (builder, klass->values[i].value_nick);
  nicks = g_strv_builder_end (builder);
  return g_strjoinv (", ", nicks);
}

gboolean
lp_json_get_enum (JsonObject  *object,
                  const char  *member,
                  gboolean     required,
                  GType        enum_type,
                  int         *out,
                  GError     **error)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autofree char *nicks = NULL;
  const char *str = NULL;
  GEnumValue *value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!lp_json_get_string (object, member, required, &str, error))
    return FALSE;
  if (str == NULL)
    return TRUE;

  klass = g_type_class_ref (enum_type);
  value = g_enum_get_value_by_nick (klass, str);
  if (value == NULL)
    {
      nicks = enum_nicks (klass);
      lp_json_bad_request (error, "'%s' must be one of: %s", member, nicks);
      return FALSE;
    }
  *out = value->value;
  return TRUE;
}

gboolean
lp_json_get_date (JsonObject  *object,
                  const char  *member,
                  gboolean     required,
                  GDate       *out,
                  GError     **error)
{
  const char *str = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!lp_json_get_string (object, member, required, &str, error))
    return FALSE;
  if (str == NULL)
    return TRUE;
  if (lp_parse_date (str, out))
    return TRUE;
  lp_validation_add (error, member, MSG_BAD_DATE);
  return FALSE;
}

gboolean
lp_json_get_timestamp (JsonObject  *object,
                       const char  *member,
                       gboolean     required,
                       GDateTime  **out,
                       GError     **error)
{
  const char *str = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!lp_json_get_string (object, member, required, &str, error))
    return FALSE;
  if (str == NULL)
    return TRUE;
  if (lp_parse_timestamp (str, out))
    return TRUE;
  lp_validation_add (error, member, MSG_BAD_TIME);
  return FALSE;
}

/* HACK: json-glib 1.6 escapes control characters below U+001F but writes U+001F itself
 * raw, which RFC 8259 forbids (and lp_json_parse_object() refuses). In the compact
 * output that byte can only come from inside a string, so escaping every 0x1F is exact. */
static char *
escape_unit_separators (char *text)
{
  GString *fixed;

  if (strchr (text, 0x1f) == NULL)
    return text;
  fixed = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == 0x1f)
        g_string_append (fixed, "\\u001f");
      else
        g_string_append_c (fixed, *p);
    }
  g_free (text);
  return g_string_free (fixed, FALSE);
}

char *
lp_json_to_string (JsonNode *node,
                   gsize    *length)
{
  char *text;

  g_return_val_if_fail (node != NULL, NULL);

  text = escape_unit_separators (json_to_string (node, FALSE));
  if (length != NULL)
    *length = strlen (text);
  return text;
}

static JsonObject *
fields_to_object (GHashTable *fields)
{
  JsonObject *object = json_object_new ();
  GList *names = g_list_sort (g_hash_table_get_keys (fields), (GCompareFunc) g_strcmp0);

  for (const GList *l = names; l != NULL; l = l->next)
    json_object_set_string_member (object, l->data, g_hash_table_lookup (fields, l->data));
  g_list_free (names);
  return object;
}

JsonNode *
lp_json_error_body (const GError *error)
{
  g_autoptr(JsonObject) body = NULL;
  JsonObject *inner;
  GHashTable *fields;
  gboolean ours;

  g_return_val_if_fail (error != NULL, NULL);

  body = json_object_new ();
  inner = json_object_new ();
  fields = lp_error_get_fields (error);
  ours = error->domain == LP_ERROR;
  json_object_set_string_member (inner, "code",
                                 ours ? lp_error_code_to_string (error->code) : "internal");
  json_object_set_string_member (inner, "message",
                                 ours ? error->message : "Internal error");
  if (fields != NULL && g_hash_table_size (fields) > 0)
    json_object_set_object_member (inner, "fields", fields_to_object (fields));
  json_object_set_object_member (body, "error", inner);
  return json_node_init_object (json_node_alloc (), body);
}

/* The string value of @member, or NULL when it is absent or of another type. */
static const char *
string_or_null (JsonObject *object,
                const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && node_holds (node, G_TYPE_STRING) ? json_node_get_string (node) : NULL;
}

static JsonObject *
object_or_null (JsonObject *object,
                const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
copy_fields (JsonObject *fields,
             GError     *error)
{
  g_autoptr(GList) names = fields != NULL ? json_object_get_members (fields) : NULL;

  for (const GList *l = names; l != NULL; l = l->next)
    {
      const char *message = string_or_null (fields, l->data);

      if (message != NULL)
        lp_error_set_field (error, l->data, message);
    }
}

/* Every other member of the error object (the "conflicts" of an overbooked loan) is kept
 * as a detail, in JSON text. */
static void
copy_details (JsonObject *inner,
              GError     *error)
{
  g_autoptr(GList) names = inner != NULL ? json_object_get_members (inner) : NULL;

  for (const GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *text = NULL;

      if (g_str_equal (name, "code") || g_str_equal (name, "message") ||
          g_str_equal (name, "fields"))
        continue;
      text = lp_json_to_string (json_object_get_member (inner, name), NULL);
      lp_error_set_detail (error, name, text);
    }
}

gboolean
lp_json_error_from_body (const char  *data,
                         gsize        length,
                         guint        http_status,
                         GError     **error)
{
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *fallback = NULL;
  JsonObject *inner;
  const char *message;
  LpErrorCode code;
  GError *result;

  if (data != NULL && length > 0)
    body = lp_json_parse_object (data, length, NULL);
  inner = object_or_null (body, "error");
  if (!lp_error_code_from_string (string_or_null (inner, "code"), &code))
    code = lp_error_code_from_http_status (http_status);
  message = string_or_null (inner, "message");
  if (message == NULL)
    message = fallback = g_strdup_printf (_("The server answered with an error (HTTP %u)."),
                                          http_status);

  result = g_error_new_literal (LP_ERROR, code, message);
  copy_fields (object_or_null (inner, "fields"), result);
  copy_details (inner, result);
  g_propagate_error (error, result);
  return FALSE;
}
