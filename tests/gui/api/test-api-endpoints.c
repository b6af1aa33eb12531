/* test-api-endpoints.c — the client's endpoint table against docs/openapi.json.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-api-endpoints"

#include "config.h"

#include "lp-api-endpoint.h"

#include <string.h>

static JsonObject *paths;
static JsonObject *schemas;

/* Every row names a path of the document, with its method, so the app never calls an
 * endpoint the server does not have. */
static void
test_rows_exist (void)
{
  guint n = 0;

  for (const LpApiEndpoint * const *row = lp_api_endpoints; *row != NULL; row++, n++)
    {
      JsonObject *operations;
      g_autofree char *method = g_ascii_strdown ((*row)->method, -1);

      g_test_message ("%s %s", (*row)->method, (*row)->path);
      g_assert_true (json_object_has_member (paths, (*row)->path));
      operations = json_object_get_object_member (paths, (*row)->path);
      g_assert_true (json_object_has_member (operations, method));
    }
  g_assert_cmpuint (n, >, 0);
}

static JsonObject *
operation_of (const LpApiEndpoint *row)
{
  g_autofree char *method = g_ascii_strdown (row->method, -1);

  return json_object_get_object_member (json_object_get_object_member (paths, row->path),
                                        method);
}

/* The reply kind of a row is the document's: 204 for none, a 200/201 object otherwise,
 * and for a page a schema built on the ListEnvelope ("items" and "total"). */
static void
test_reply_kinds (void)
{
  for (const LpApiEndpoint * const *row = lp_api_endpoints; *row != NULL; row++)
    {
      JsonObject *responses = json_object_get_object_member (operation_of (*row), "responses");
      JsonObject *ok;
      const char *ref, *name;
      JsonArray *all_of;
      gboolean enveloped = FALSE;

      g_test_message ("%s %s", (*row)->method, (*row)->path);
      if ((*row)->reply == LP_API_REPLY_NONE)
        {
          g_assert_true (json_object_has_member (responses, "204"));
          continue;
        }
      ok = json_object_has_member (responses, "200") ?
           json_object_get_object_member (responses, "200") :
           json_object_get_object_member (responses, "201");
      g_assert_nonnull (ok);
      if ((*row)->reply != LP_API_REPLY_PAGE)
        continue;
      ref = json_object_get_string_member (
              json_object_get_object_member (
                json_object_get_object_member (
                  json_object_get_object_member (ok, "content"), "application/json"),
                "schema"),
              "$ref");
      name = strrchr (ref, '/') + 1;
      all_of = json_object_get_array_member (json_object_get_object_member (schemas, name),
                                             "allOf");
      for (guint i = 0; all_of != NULL && i < json_array_get_length (all_of); i++)
        {
          JsonObject *part = json_array_get_object_element (all_of, i);

          if (g_strcmp0 (json_object_get_string_member_with_default (part, "$ref", NULL),
                         "#/components/schemas/ListEnvelope") == 0)
            enveloped = TRUE;
        }
      g_assert_true (enveloped);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  json_parser_load_from_file (parser, argv[1], &error);
  g_assert_no_error (error);
  paths = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                         "paths");
  schemas = json_object_get_object_member (
              json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                             "components"),
              "schemas");
  g_assert_nonnull (paths);
  g_assert_nonnull (schemas);

  g_test_add_func ("/lp/api-client/endpoints/rows-exist", test_rows_exist);
  g_test_add_func ("/lp/api-client/endpoints/reply-kinds", test_reply_kinds);
  return g_test_run ();
}
