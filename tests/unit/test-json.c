/* test-json.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-json"

#include "config.h"

#include "lp-enums.h"
#include "lp-error.h"
#include "lp-json.h"
#include "lp-validation.h"

#include <string.h>

static JsonObject *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonObject *object = lp_json_parse_object (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (object);
  return object;
}

static void
check_malformed_bytes (const char *data,
                       gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = lp_json_parse_object (data, length, &error);

  if (object != NULL)
    g_error ("%.*s should be refused", (int) length, data);
  g_assert_error (error, LP_ERROR, LP_ERROR_BAD_REQUEST);
  g_assert_true (g_str_has_prefix (error->message, "Malformed JSON: "));
}

static void
check_malformed (const char *text)
{
  check_malformed_bytes (text, strlen (text));
}

static void
test_parse_valid (void)
{
  g_autoptr(JsonObject) object = parse (" \r\n\t{ \"a\" : 1 , \"b\" : [ true , false , null ] ,"
                                        " \"c\" : { \"d\" : -0.5e+2 } , \"e\" : \"\\u00e9"
                                        "\\ud83d\\ude00\\n\\\"\\/\" } \n");
  g_autoptr(JsonObject) limits = parse ("{\"min\":-9223372036854775808,"
                                        "\"max\":9223372036854775807}");
  g_autoptr(JsonObject) empty = parse ("{}");
  /* Only @length bytes count: the buffer need not end after the object. */
  g_autoptr(JsonObject) sliced = lp_json_parse_object ("{\"a\":1}garbage", 7, NULL);

  g_assert_cmpint (json_object_get_int_member (object, "a"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (object, "c"),
                                                    "d"), ==, -50.0);
  g_assert_cmpstr (json_object_get_string_member (object, "e"), ==,
                   "\xc3\xa9\xf0\x9f\x98\x80\n\"/");
  g_assert_cmpint (json_object_get_int_member (limits, "min"), ==, G_MININT64);
  g_assert_cmpint (json_object_get_int_member (limits, "max"), ==, G_MAXINT64);
  g_assert_cmpuint (json_object_get_size (empty), ==, 0);
  g_assert_nonnull (sliced);
}

static void
test_parse_malformed (void)
{
  static const char * const texts[] = {
    "", " ", "\n\t ", "{", "}", "{\"a\":}", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "{'a':1}",
    "{/* c */\"a\":1}", "{\"a\":1} // c", "{\"a\":1,}", "{\"a\":[1,]}", "{,}", "{\"a\":0x10}",
    "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":-}", "{\"a\":1e}",
    "{\"a\":1e+}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":True}", "{\"a\":tru}",
    "{\"a\":nul}", "{a:1}", "{} {}", "{}x", "{}}", "{\"a\":\"\\u0000\"}",
    "{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00\"}", "{\"a\":\"\\ud800\\u0041\"}",
    "{\"a\":\"\\ud800x\"}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12g4\"}",
    "{\"a\":\"raw\ttab\"}", "{\"a\":\"raw\nnewline\"}", "{\"a\":\"unterminated}",
    "{\"a\":\"\\", "{\"a\":99999999999999999999}", "{\"a\":9223372036854775808}",
    "{\"a\":-9223372036854775809}", "\xef\xbb\xbf{}",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    check_malformed (texts[i]);
}

static void
test_parse_not_object (void)
{
  static const char * const texts[] = {
    "[]", "[{}]", "42", "-1.5", "\"string\"", "null", "true", "false",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    check_malformed (texts[i]);
}

static void
test_parse_utf8 (void)
{
  g_autoptr(JsonObject) object = parse ("{\"nama\":\"Sekolah \xc3\xa9 \xe2\x82\xac "
                                        "\xf0\x9f\x93\x9a\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) bad = NULL;

  g_assert_cmpstr (json_object_get_string_member (object, "nama"), ==,
                   "Sekolah \xc3\xa9 \xe2\x82\xac \xf0\x9f\x93\x9a");

  check_malformed ("{\"a\":\"\xff\"}");
  check_malformed ("{\"a\":\"\xc0\xaf\"}");          /* overlong "/" */
  check_malformed ("{\"a\":\"\xed\xa0\x80\"}");      /* encoded surrogate */
  check_malformed ("{\"a\":\"\xc3\"}");              /* cut sequence */
  check_malformed ("{\"a\":\"\xf4\x90\x80\x80\"}");  /* past U+10FFFF */
  check_malformed ("{\"\xfe\":1}");
  check_malformed_bytes ("{}\0", 3);                 /* a NUL byte inside the body */
  check_malformed_bytes ("{\"a\":\"x\0y\"}", 11);

  bad = lp_json_parse_object ("{\"a\":\"\xff\"}", 8, &error);
  g_assert_null (bad);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
}

static char *
nested (guint depth)
{
  GString *text = g_string_new ("{\"a\":");

  for (guint i = 1; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 1; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  return g_string_free (text, FALSE);
}

static void
test_parse_depth (void)
{
  g_autofree char *deepest = nested (LP_JSON_MAX_DEPTH);
  g_autofree char *too_deep = nested (LP_JSON_MAX_DEPTH + 1);
  g_autofree char *bomb = g_malloc (1024 * 1024);
  g_autoptr(JsonObject) object = parse (deepest);

  g_assert_nonnull (object);
  check_malformed (too_deep);

  /* A megabyte of "[" would overflow json-glib's recursive parser. */
  bomb[0] = '{';
  memset (bomb + 1, '[', 1024 * 1024 - 1);
  check_malformed_bytes (bomb, 1024 * 1024);
}

static void
test_get_string (void)
{
  g_autoptr(JsonObject) object = parse ("{\"s\":\"x\",\"e\":\"\",\"n\":null,\"i\":1,\"b\":true,"
                                        "\"o\":{},\"a\":[]}");
  static const char * const wrong[] = { "i", "b", "o", "a" };
  const char *value = "untouched";

  g_assert_true (lp_json_get_string (object, "s", TRUE, &value, NULL));
  g_assert_cmpstr (value, ==, "x");
  g_assert_true (lp_json_get_string (object, "e", TRUE, &value, NULL));
  g_assert_cmpstr (value, ==, "");

  /* Optional and absent or null: TRUE, the default stays. */
  value = "default";
  g_assert_true (lp_json_get_string (object, "missing", FALSE, &value, NULL));
  g_assert_true (lp_json_get_string (object, "n", FALSE, &value, NULL));
  g_assert_cmpstr (value, ==, "default");

  for (gsize i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("'%s' must be a string", wrong[i]);

      g_assert_false (lp_json_get_string (object, wrong[i], FALSE, &value, &error));
      g_assert_error (error, LP_ERROR, LP_ERROR_BAD_REQUEST);
      g_assert_cmpstr (error->message, ==, expected);
      g_assert_cmpstr (value, ==, "default");
    }
}

static void
test_get_required (void)
{
  g_autoptr(JsonObject) object = parse ("{\"n\":null}");
  g_autoptr(GError) missing = NULL;
  g_autoptr(GError) null_error = NULL;
  const char *value = NULL;
  GHashTable *fields;

  g_assert_false (lp_json_get_string (object, "missing", TRUE, &value, &missing));
  g_assert_error (missing, LP_ERROR, LP_ERROR_VALIDATION_FAILED);
  fields = lp_error_get_fields (missing);
  g_assert_cmpstr (g_hash_table_lookup (fields, "missing"), ==, "This field is required.");

  /* A null where a value is required is a type error, not a missing field. */
  g_assert_false (lp_json_get_string (object, "n", TRUE, &value, &null_error));
  g_assert_error (null_error, LP_ERROR, LP_ERROR_BAD_REQUEST);
  g_assert_null (value);

  /* Without an error to fill, only the return value tells. */
  g_assert_false (lp_json_get_string (object, "missing", TRUE, &value, NULL));
  g_assert_false (lp_json_get_string (object, "n", TRUE, &value, NULL));
}

static void
check_int (JsonObject *object,
           const char *member,
           gint64      min,
           gint64      max,
           int         expected_code,
           gint64      expected)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -42;
  gboolean ok = lp_json_get_int (object, member, TRUE, min, max, &value, &error);

  if (expected_code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpint (value, ==, expected);
      return;
    }
  g_assert_false (ok);
  g_assert_error (error, LP_ERROR, expected_code);
  g_assert_cmpint (value, ==, -42);
  if (expected_code == LP_ERROR_VALIDATION_FAILED)
    g_assert_cmpstr (g_hash_table_lookup (lp_error_get_fields (error), member), ==,
                     json_object_has_member (object, member) ? "This number is out of range."
                                                             : "This field is required.");
}

static void
test_get_int (void)
{
  g_autoptr(JsonObject) object = parse ("{\"one\":1,\"two\":2.0,\"half\":2.5,\"str\":\"2\","
                                        "\"bool\":true,\"zero\":0,\"neg\":-1,\"negz\":-0,"
                                        "\"i32max\":2147483647,\"i32over\":2147483648,"
                                        "\"exp\":1e3,\"huge\":1e300,\"inf\":1e999,\"tiny\":1e-300,"
                                        "\"big\":9223372036854775807,\"arr\":[1]}");
  gint64 value = 7;

  check_int (object, "one", 1, 10, -1, 1);
  check_int (object, "two", 1, 10, -1, 2);
  check_int (object, "exp", 0, G_MAXINT32, -1, 1000);
  check_int (object, "negz", 0, 10, -1, 0);
  check_int (object, "i32max", 0, G_MAXINT32, -1, G_MAXINT32);
  check_int (object, "big", 0, G_MAXINT64, -1, G_MAXINT64);
  check_int (object, "half", 0, 10, LP_ERROR_BAD_REQUEST, 0);
  check_int (object, "tiny", 0, 10, LP_ERROR_BAD_REQUEST, 0);
  check_int (object, "str", 0, 10, LP_ERROR_BAD_REQUEST, 0);
  check_int (object, "bool", 0, 10, LP_ERROR_BAD_REQUEST, 0);
  check_int (object, "arr", 0, 10, LP_ERROR_BAD_REQUEST, 0);
  check_int (object, "zero", 1, 10, LP_ERROR_VALIDATION_FAILED, 0);
  check_int (object, "neg", 0, 10, LP_ERROR_VALIDATION_FAILED, 0);
  check_int (object, "one", 2, 10, LP_ERROR_VALIDATION_FAILED, 0);
  check_int (object, "i32over", 0, G_MAXINT32, LP_ERROR_VALIDATION_FAILED, 0);
  check_int (object, "huge", G_MININT64, G_MAXINT64, LP_ERROR_VALIDATION_FAILED, 0);
  check_int (object, "inf", G_MININT64, G_MAXINT64, LP_ERROR_VALIDATION_FAILED, 0);
  check_int (object, "missing", 0, 10, LP_ERROR_VALIDATION_FAILED, 0);

  g_assert_true (lp_json_get_int (object, "missing", FALSE, 0, 10, &value, NULL));
  g_assert_cmpint (value, ==, 7);
}

static void
test_get_bool (void)
{
  g_autoptr(JsonObject) object = parse ("{\"t\":true,\"f\":false,\"one\":1,\"s\":\"true\","
                                        "\"n\":null}");
  static const char * const wrong[] = { "one", "s" };
  gboolean value = TRUE;

  g_assert_true (lp_json_get_bool (object, "f", TRUE, &value, NULL));
  g_assert_false (value);
  g_assert_true (lp_json_get_bool (object, "t", TRUE, &value, NULL));
  g_assert_true (value);
  value = FALSE;
  g_assert_true (lp_json_get_bool (object, "n", FALSE, &value, NULL));
  g_assert_false (value);
  for (gsize i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (lp_json_get_bool (object, wrong[i], FALSE, &value, &error));
      g_assert_error (error, LP_ERROR, LP_ERROR_BAD_REQUEST);
    }
}

static void
test_get_double (void)
{
  g_autoptr(JsonObject) object = parse ("{\"d\":1.5,\"i\":2,\"inf\":1e999,\"s\":\"1.5\"}");
  g_autoptr(GError) range = NULL;
  g_autoptr(GError) type = NULL;
  double value = 0;

  g_assert_true (lp_json_get_double (object, "d", TRUE, &value, NULL));
  g_assert_cmpfloat (value, ==, 1.5);
  g_assert_true (lp_json_get_double (object, "i", TRUE, &value, NULL));
  g_assert_cmpfloat (value, ==, 2.0);
  g_assert_false (lp_json_get_double (object, "inf", TRUE, &value, &range));
  g_assert_error (range, LP_ERROR, LP_ERROR_VALIDATION_FAILED);
  g_assert_false (lp_json_get_double (object, "s", TRUE, &value, &type));
  g_assert_error (type, LP_ERROR, LP_ERROR_BAD_REQUEST);
  g_assert_cmpfloat (value, ==, 2.0);
}

static void
test_get_string_array (void)
{
  g_autoptr(JsonObject) object = parse ("{\"ids\":[\"a\",\"b\"],\"empty\":[],\"mixed\":[\"a\",1],"
                                        "\"nulls\":[\"a\",null],\"str\":\"a\","
                                        "\"nested\":[[\"a\"]]}");
  static const char * const wrong[] = { "mixed", "nulls", "str", "nested" };
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) empty = NULL;
  GStrv untouched = NULL;

  g_assert_true (lp_json_get_string_array (object, "ids", TRUE, &ids, NULL));
  g_assert_cmpstrv (ids, ((const char *[]) { "a", "b", NULL }));
  g_assert_true (lp_json_get_string_array (object, "empty", TRUE, &empty, NULL));
  g_assert_nonnull (empty);
  g_assert_cmpuint (g_strv_length (empty), ==, 0);
  g_assert_true (lp_json_get_string_array (object, "missing", FALSE, &untouched, NULL));
  g_assert_null (untouched);

  for (gsize i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (lp_json_get_string_array (object, wrong[i], TRUE, &untouched, &error));
      g_assert_error (error, LP_ERROR, LP_ERROR_BAD_REQUEST);
      g_assert_null (untouched);
    }
}

static void
test_get_object (void)
{
  g_autoptr(JsonObject) object = parse ("{\"o\":{\"k\":1},\"a\":[]}");
  g_autoptr(GError) error = NULL;
  JsonObject *value = NULL;

  g_assert_true (lp_json_get_object (object, "o", TRUE, &value, NULL));
  g_assert_cmpint (json_object_get_int_member (value, "k"), ==, 1);
  value = NULL;
  g_assert_true (lp_json_get_object (object, "missing", FALSE, &value, NULL));
  g_assert_null (value);
  g_assert_false (lp_json_get_object (object, "a", TRUE, &value, &error));
  g_assert_error (error, LP_ERROR, LP_ERROR_BAD_REQUEST);
}

static void
test_get_enum (void)
{
  g_autoptr(JsonObject) object = parse ("{\"c\":\"major_damage\",\"upper\":\"GOOD\",\"num\":1,"
                                        "\"r\":\"unknown\"}");
  g_autoptr(GError) upper = NULL;
  g_autoptr(GError) num = NULL;
  int value = -1;

  g_assert_true (lp_json_get_enum (object, "c", TRUE, LP_TYPE_ITEM_CONDITION, &value, NULL));
  g_assert_cmpint (value, ==, LP_ITEM_CONDITION_MAJOR_DAMAGE);

  value = -1;
  g_assert_false (lp_json_get_enum (object, "upper", TRUE, LP_TYPE_ITEM_CONDITION, &value, &upper));
  g_assert_error (upper, LP_ERROR, LP_ERROR_BAD_REQUEST);
  g_assert_cmpstr (upper->message, ==,
                   "'upper' must be one of: good, minor_damage, major_damage, lost");
  g_assert_false (lp_json_get_enum (object, "num", TRUE, LP_TYPE_LOAN_STATUS, &value, &num));
  g_assert_error (num, LP_ERROR, LP_ERROR_BAD_REQUEST);
  g_assert_true (lp_json_get_enum (object, "missing", FALSE, LP_TYPE_LOAN_STATUS, &value, NULL));
  g_assert_cmpint (value, ==, -1);
}

static void
test_get_date_time (void)
{
  g_autoptr(JsonObject) object = parse ("{\"d\":\"2026-01-05\",\"bad\":\"2026-02-30\",\"num\":5,"
                                        "\"t\":\"2026-01-09T10:00:00+07:00\","
                                        "\"tbad\":\"yesterday\"}");
  g_autoptr(GError) bad = NULL;
  g_autoptr(GError) num = NULL;
  g_autoptr(GError) tbad = NULL;
  g_autoptr(GDateTime) time = NULL;
  GDateTime *untouched = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (lp_json_get_date (object, "d", TRUE, &date, NULL));
  g_assert_cmpuint (g_date_get_day (&date), ==, 5);
  g_assert_false (lp_json_get_date (object, "bad", TRUE, &date, &bad));
  g_assert_error (bad, LP_ERROR, LP_ERROR_VALIDATION_FAILED);
  g_assert_nonnull (g_hash_table_lookup (lp_error_get_fields (bad), "bad"));
  g_assert_false (lp_json_get_date (object, "num", TRUE, &date, &num));
  g_assert_error (num, LP_ERROR, LP_ERROR_BAD_REQUEST);
  g_assert_cmpuint (g_date_get_day (&date), ==, 5);

  g_assert_true (lp_json_get_timestamp (object, "t", TRUE, &time, NULL));
  g_assert_cmpint (g_date_time_get_hour (time), ==, 3);
  g_assert_false (lp_json_get_timestamp (object, "tbad", TRUE, &untouched, &tbad));
  g_assert_error (tbad, LP_ERROR, LP_ERROR_VALIDATION_FAILED);
  g_assert_null (untouched);
  g_assert_true (lp_json_get_timestamp (object, "missing", FALSE, &untouched, NULL));
  g_assert_null (untouched);
}

static void
test_accumulate (void)
{
  g_autoptr(JsonObject) object = parse ("{\"quantity\":\"two\",\"purpose\":7}");
  g_autoptr(GError) error = NULL;
  const char *str = NULL;
  gint64 number = 0;
  GHashTable *fields;

  /* Every missing field is reported at once. */
  lp_json_get_string (object, "item_id", TRUE, &str, &error);
  lp_json_get_string (object, "start_date", TRUE, &str, &error);
  lp_json_get_string (object, "due_date", TRUE, &str, &error);
  g_assert_error (error, LP_ERROR, LP_ERROR_VALIDATION_FAILED);
  fields = lp_error_get_fields (error);
  g_assert_cmpuint (g_hash_table_size (fields), ==, 3);
  g_assert_true (g_hash_table_contains (fields, "start_date"));

  /* A wrong type wins over them: the request is broken. */
  lp_json_get_int (object, "quantity", TRUE, 1, 10, &number, &error);
  g_assert_error (error, LP_ERROR, LP_ERROR_BAD_REQUEST);
  g_assert_cmpstr (error->message, ==, "'quantity' must be an integer");
  g_assert_null (lp_error_get_fields (error));

  /* …and is not replaced, neither by a later field error nor by a later type error. */
  lp_json_get_string (object, "reason", TRUE, &str, &error);
  lp_json_get_string (object, "purpose", TRUE, &str, &error);
  g_assert_error (error, LP_ERROR, LP_ERROR_BAD_REQUEST);
  g_assert_cmpstr (error->message, ==, "'quantity' must be an integer");
  g_assert_null (lp_error_get_fields (error));
}

static void
test_accumulate_other_error (void)
{
  g_autoptr(JsonObject) object = parse ("{\"n\":\"x\"}");
  g_autoptr(GError) error = g_error_new_literal (LP_ERROR, LP_ERROR_NOT_FOUND, "No such loan");
  gint64 number = 0;

  lp_json_get_int (object, "n", TRUE, 0, 1, &number, &error);
  lp_json_get_int (object, "missing", TRUE, 0, 1, &number, &error);
  g_assert_error (error, LP_ERROR, LP_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No such loan");

  lp_json_bad_request (NULL, "ignored %d", 1);
}

static void
test_has_member (void)
{
  g_autoptr(JsonObject) object = parse ("{\"a\":0,\"n\":null,\"e\":\"\"}");

  g_assert_true (lp_json_has_member (object, "a"));
  g_assert_true (lp_json_has_member (object, "e"));
  g_assert_false (lp_json_has_member (object, "n"));
  g_assert_false (lp_json_has_member (object, "missing"));
}

static char *
error_body_text (const GError *error)
{
  g_autoptr(JsonNode) node = lp_json_error_body (error);
  gsize length = 0;
  char *text = lp_json_to_string (node, &length);

  g_assert_cmpuint (length, ==, strlen (text));
  return text;
}

static void
test_error_body (void)
{
  g_autoptr(GError) validation = NULL;
  g_autoptr(GError) overbooked = g_error_new (LP_ERROR, LP_ERROR_OVERBOOKED, "Booked on %s",
                                              "2026-01-10");
  g_autoptr(GError) foreign = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                   "relation \"users\" does not exist");
  g_autofree char *validation_text = NULL;
  g_autofree char *overbooked_text = NULL;
  g_autofree char *foreign_text = NULL;

  lp_validation_add (&validation, "due_date", "Too late \"now\"");
  lp_validation_add (&validation, "code", "Taken");
  validation_text = error_body_text (validation);
  g_assert_cmpstr (validation_text, ==,
                   "{\"error\":{\"code\":\"validation_failed\","
                   "\"message\":\"Some fields are invalid\","
                   "\"fields\":{\"code\":\"Taken\",\"due_date\":\"Too late \\\"now\\\"\"}}}");

  overbooked_text = error_body_text (overbooked);
  g_assert_cmpstr (overbooked_text, ==,
                   "{\"error\":{\"code\":\"overbooked\",\"message\":\"Booked on 2026-01-10\"}}");

  /* Foreign errors do not leak their text. */
  foreign_text = error_body_text (foreign);
  g_assert_cmpstr (foreign_text, ==,
                   "{\"error\":{\"code\":\"internal\",\"message\":\"Internal error\"}}");
}

static void
test_error_round_trip (void)
{
  for (int code = LP_ERROR_BAD_REQUEST; code <= LP_ERROR_INTERNAL; code++)
    {
      g_autoptr(GError) original = g_error_new (LP_ERROR, code, "message %d \xc3\xa9", code);
      g_autoptr(GError) decoded = NULL;
      g_autofree char *text = NULL;
      GHashTable *fields;

      if (code == LP_ERROR_VALIDATION_FAILED)
        {
          lp_error_set_field (original, "a", "first");
          lp_error_set_field (original, "b\n", "second \xf0\x9f\x93\x9a");
        }
      text = error_body_text (original);
      g_assert_false (lp_json_error_from_body (text, strlen (text),
                                               lp_error_code_http_status (code), &decoded));
      g_assert_error (decoded, LP_ERROR, code);
      g_assert_cmpstr (decoded->message, ==, original->message);
      fields = lp_error_get_fields (decoded);
      if (code != LP_ERROR_VALIDATION_FAILED)
        {
          g_assert_true (fields == NULL || g_hash_table_size (fields) == 0);
          continue;
        }
      g_assert_cmpuint (g_hash_table_size (fields), ==, 2);
      g_assert_cmpstr (g_hash_table_lookup (fields, "a"), ==, "first");
      g_assert_cmpstr (g_hash_table_lookup (fields, "b\n"), ==, "second \xf0\x9f\x93\x9a");
    }
}

static void
check_from_body (const char *body,
                 guint       status,
                 int         expected_code,
                 const char *expected_message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (lp_json_error_from_body (body, body != NULL ? strlen (body) : 0, status, &error));
  g_assert_error (error, LP_ERROR, expected_code);
  if (expected_message != NULL)
    g_assert_cmpstr (error->message, ==, expected_message);
  else
    g_assert_nonnull (strstr (error->message, "HTTP"));
}

static void
test_error_from_foreign_body (void)
{
  g_autoptr(GError) fields_error = NULL;
  const char *with_bad_fields = "{\"error\":{\"code\":\"validation_failed\",\"message\":\"m\","
                                "\"fields\":{\"ok\":\"yes\",\"num\":1,\"nul\":null}}}";

  check_from_body ("<html>Bad Gateway</html>", 502, LP_ERROR_UNAVAILABLE, NULL);
  check_from_body ("Not Found", 404, LP_ERROR_NOT_FOUND, NULL);
  check_from_body (NULL, 401, LP_ERROR_UNAUTHORIZED, NULL);
  check_from_body ("", 413, LP_ERROR_TOO_LARGE, NULL);
  check_from_body ("{\"message\":\"x\"}", 403, LP_ERROR_FORBIDDEN, NULL);
  check_from_body ("{\"error\":\"flat\"}", 500, LP_ERROR_INTERNAL, NULL);
  check_from_body ("{\"error\":{\"code\":\"teapot\",\"message\":\"Newer\"}}", 409,
                   LP_ERROR_CONFLICT, "Newer");
  check_from_body ("{\"error\":{\"code\":\"in_use\"}}", 409, LP_ERROR_IN_USE, NULL);
  check_from_body ("{\"error\":{\"code\":7,\"message\":\"m\"}}", 429,
                   LP_ERROR_TOO_MANY_REQUESTS, "m");

  g_assert_false (lp_json_error_from_body (with_bad_fields, strlen (with_bad_fields), 422,
                                           &fields_error));
  g_assert_cmpuint (g_hash_table_size (lp_error_get_fields (fields_error)), ==, 1);
  g_assert_false (lp_json_error_from_body ("{}", 2, 400, NULL));
}

/* An overbooked reply keeps its conflicting days for the calendar to mark. */
static void
test_error_details_from_body (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) plain = NULL;
  g_autoptr(JsonNode) conflicts = NULL;
  const char *body = "{\"error\":{\"code\":\"overbooked\",\"message\":\"Booked\","
                     "\"conflicts\":[{\"date\":\"2026-12-05\",\"free\":0}],\"extra\":7}}";
  GHashTable *details;

  g_assert_false (lp_json_error_from_body (body, strlen (body), 409, &error));
  g_assert_error (error, LP_ERROR, LP_ERROR_OVERBOOKED);
  details = lp_error_get_details (error);
  g_assert_nonnull (details);
  g_assert_cmpuint (g_hash_table_size (details), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (details, "extra"), ==, "7");
  conflicts = json_from_string (g_hash_table_lookup (details, "conflicts"), NULL);
  g_assert_nonnull (conflicts);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (conflicts));
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_node_get_array (conflicts), 0), "date"),
                   ==, "2026-12-05");

  /* Code, message and fields are not details. */
  g_assert_false (lp_json_error_from_body ("{\"error\":{\"code\":\"conflict\",\"message\":\"m\"}}",
                                           43, 409, &plain));
  details = lp_error_get_details (plain);
  g_assert_true (details == NULL || g_hash_table_size (details) == 0);
}

/* What json-glib writes must pass our own strict parser, escapes included. */
static void
test_to_string_round_trip (void)
{
  const char *tricky = "quote \" backslash \\ slash / nl \n tab \t ctl \x01\x1f del \x7f "
                       "\xc3\xa9 \xe2\x80\xa8 \xf0\x9f\x98\x80";
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) back = NULL;
  g_autoptr(JsonNode) back_node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  json_object_set_string_member (object, "s", tricky);
  json_object_set_int_member (object, "i", G_MININT64);
  json_object_set_boolean_member (object, "b", FALSE);
  json_object_set_null_member (object, "n");
  json_node_set_object (node, object);
  text = lp_json_to_string (node, NULL);
  g_assert_null (strchr (text, 0x1f));
  g_assert_nonnull (strstr (text, "\\u001f"));
  back = parse (text);
  g_assert_cmpstr (json_object_get_string_member (back, "s"), ==, tricky);
  g_assert_cmpint (json_object_get_int_member (back, "i"), ==, G_MININT64);
  json_node_set_object (back_node, back);
  g_assert_true (json_node_equal (node, back_node));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lp/common/json/parse/valid", test_parse_valid);
  g_test_add_func ("/lp/common/json/parse/malformed", test_parse_malformed);
  g_test_add_func ("/lp/common/json/parse/not-object", test_parse_not_object);
  g_test_add_func ("/lp/common/json/parse/utf8", test_parse_utf8);
  g_test_add_func ("/lp/common/json/parse/depth", test_parse_depth);
  g_test_add_func ("/lp/common/json/get/string", test_get_string);
  g_test_add_func ("/lp/common/json/get/required", test_get_required);
  g_test_add_func ("/lp/common/json/get/int", test_get_int);
  g_test_add_func ("/lp/common/json/get/bool", test_get_bool);
  g_test_add_func ("/lp/common/json/get/double", test_get_double);
  g_test_add_func ("/lp/common/json/get/string-array", test_get_string_array);
  g_test_add_func ("/lp/common/json/get/object", test_get_object);
  g_test_add_func ("/lp/common/json/get/enum", test_get_enum);
  g_test_add_func ("/lp/common/json/get/date-time", test_get_date_time);
  g_test_add_func ("/lp/common/json/get/accumulate", test_accumulate);
  g_test_add_func ("/lp/common/json/get/accumulate-other-error", test_accumulate_other_error);
  g_test_add_func ("/lp/common/json/has-member", test_has_member);
  g_test_add_func ("/lp/common/json/error-body/shape", test_error_body);
  g_test_add_func ("/lp/common/json/error-body/round-trip", test_error_round_trip);
  g_test_add_func ("/lp/common/json/error-body/foreign", test_error_from_foreign_body);
  g_test_add_func ("/lp/common/json/error-body/details", test_error_details_from_body);
  g_test_add_func ("/lp/common/json/to-string/round-trip", test_to_string_round_trip);

  return g_test_run ();
}
