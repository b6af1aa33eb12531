/* test-openapi.c: docs/openapi.json, the project's full API reference, against the
 * server: the route table in both directions (method, path and roles), the document's
 * own consistency, and the list replies of a live server against their schemas.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-test-server.h"

#define PASSWORD  "Sandi#2026a"
#define MAX_DEPTH 4   /* how deep a reply's nested objects are checked */

static const char * const http_methods[] = {
  "get", "put", "post", "delete", "options", "head", "patch", "trace",
};
/* In the order lentera-server --list-routes prints them. */
static const char * const role_names[] = { "guest", "member", "staff", "admin" };
static const char * const envelope_members[] = { "items", "total", "limit", "offset" };

static JsonNode *document;

/* ---------------------------------------------------------------------------------------
 * Problems: collected, then all printed before the test fails
 * ------------------------------------------------------------------------------------- */

static void add_problem (GPtrArray  *problems,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

static void
add_problem (GPtrArray  *problems,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
report_problems (GPtrArray  *problems,
                 const char *what)
{
  g_ptr_array_sort (problems, compare_strings);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s: %s", what, (const char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    g_test_fail_printf ("%u mismatch(es) in %s; each is printed above", problems->len, what);
}

static GPtrArray *
problems_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

/* ---------------------------------------------------------------------------------------
 * Reading the document
 * ------------------------------------------------------------------------------------- */

static JsonObject *
doc_member (const char *name)
{
  JsonNode *node = json_object_get_member (json_node_get_object (document), name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* One token of a JSON pointer: "~1" is "/", "~0" is "~". */
static char *
unescape_token (const char *token)
{
  GString *out = g_string_new (NULL);

  for (const char *p = token; *p != '\0'; p++)
    {
      if (p[0] == '~' && (p[1] == '0' || p[1] == '1'))
        g_string_append_c (out, *++p == '1' ? '/' : '~');
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* "#/components/schemas/User" → its node in the document, or NULL. */
static JsonNode *
lookup_pointer (const char *pointer)
{
  g_auto(GStrv) tokens = NULL;
  JsonNode *node = document;

  if (!g_str_has_prefix (pointer, "#/"))
    return NULL;
  tokens = g_strsplit (pointer + 2, "/", -1);
  for (guint i = 0; tokens[i] != NULL && node != NULL; i++)
    {
      g_autofree char *key = unescape_token (tokens[i]);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      node = json_object_get_member (json_node_get_object (node), key);
    }
  return node;
}

/* Follows $ref (chains too) to the object it names; NULL when it does not resolve. */
static JsonObject *
resolve (JsonNode *node)
{
  for (guint hops = 0; node != NULL && JSON_NODE_HOLDS_OBJECT (node) && hops < 16; hops++)
    {
      JsonObject *object = json_node_get_object (node);
      const char *ref = string_member (object, "$ref");

      if (ref == NULL)
        return object;
      node = lookup_pointer (ref);
    }
  return NULL;
}

/* The parts of an allOf, resolved; empty when there is none. */
static GPtrArray *
all_of (JsonObject *schema)
{
  GPtrArray *parts = g_ptr_array_new ();
  JsonNode *node = json_object_get_member (schema, "allOf");

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return parts;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonObject *part = resolve (json_array_get_element (json_node_get_array (node), i));

      if (part != NULL)
        g_ptr_array_add (parts, part);
    }
  return parts;
}

/* The names a schema (with its allOf parts) marks required. */
static void
collect_required (JsonObject *schema,
                  GHashTable *names,
                  guint       depth)
{
  JsonNode *required = json_object_get_member (schema, "required");
  g_autoptr(GPtrArray) parts = all_of (schema);

  if (required != NULL && JSON_NODE_HOLDS_ARRAY (required))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (required)); i++)
      g_hash_table_add (names, (gpointer) json_array_get_string_element (
                                 json_node_get_array (required), i));
  for (guint i = 0; i < parts->len && depth < 16; i++)
    collect_required (g_ptr_array_index (parts, i), names, depth + 1);
}

static GHashTable *
required_names (JsonObject *schema)
{
  GHashTable *names = g_hash_table_new (g_str_hash, g_str_equal);

  collect_required (schema, names, 0);
  return names;
}

/* The schema node of one property; an allOf part later in the list refines an earlier
 * one (a page's "items" refines the envelope's), and the schema's own comes last. */
static JsonNode *
property_node (JsonObject *schema,
               const char *name)
{
  g_autoptr(GPtrArray) parts = all_of (schema);
  JsonObject *properties = object_member (schema, "properties");
  JsonNode *found = NULL;

  for (guint i = 0; i < parts->len; i++)
    {
      JsonNode *node = property_node (g_ptr_array_index (parts, i), name);

      if (node != NULL)
        found = node;
    }
  if (properties != NULL && json_object_has_member (properties, name))
    found = json_object_get_member (properties, name);
  return found;
}

static const char *
schema_type (JsonObject *schema)
{
  g_autoptr(GPtrArray) parts = all_of (schema);
  const char *type = string_member (schema, "type");

  for (guint i = 0; type == NULL && i < parts->len; i++)
    type = schema_type (g_ptr_array_index (parts, i));
  return type;
}

static gboolean
is_nullable (JsonNode *node)
{
  JsonObject *raw = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonObject *schema = resolve (node);

  return (raw != NULL && json_object_get_boolean_member_with_default (raw, "nullable", FALSE)) ||
         (schema != NULL &&
          json_object_get_boolean_member_with_default (schema, "nullable", FALSE));
}

/* ---------------------------------------------------------------------------------------
 * Route tables
 * ------------------------------------------------------------------------------------- */

static int
role_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_strcmp0 (name, role_names[i]) == 0)
      return (int) i;
  return -1;
}

static char *
roles_from_mask (guint mask)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (mask & (1u << i))
      g_string_append_printf (text, "%s%s", text->len > 0 ? "," : "", role_names[i]);
  return g_string_free (text, FALSE);
}

/* x-roles as "guest,member,…" in the server's order; NULL, with a problem, when it is
 * missing, empty, repeats a role or names an unknown one. */
static char *
document_roles (const char *key,
                JsonObject *op,
                GPtrArray  *problems)
{
  JsonNode *node = json_object_get_member (op, "x-roles");
  JsonArray *array;
  guint mask = 0;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (json_node_get_array (node)) == 0)
    {
      add_problem (problems, "%s: x-roles must be a non-empty array", key);
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      int index = json_node_get_value_type (element) == G_TYPE_STRING ?
                  role_index (json_node_get_string (element)) : -1;

      if (index < 0 || (mask & (1u << index)))
        {
          add_problem (problems, "%s: x-roles has an unknown or repeated role", key);
          return NULL;
        }
      mask |= 1u << index;
    }
  return roles_from_mask (mask);
}

/* "METHOD /path" → roles for every operation of a paths object; the x-websocket ones go
 * to websockets instead (NULL: not wanted). */
static void
document_routes (JsonObject *paths,
                 GHashTable *routes,
                 GHashTable *websockets,
                 GPtrArray  *problems)
{
  g_autoptr(GList) names = paths != NULL ? json_object_get_members (paths) : NULL;

  for (const GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *item = object_member (paths, l->data);

      for (guint i = 0; i < G_N_ELEMENTS (http_methods); i++)
        {
          JsonObject *op = object_member (item, http_methods[i]);
          g_autofree char *method = g_ascii_strup (http_methods[i], -1);
          char *key;

          if (op == NULL)
            continue;
          key = g_strdup_printf ("%s %s", method, (const char *) l->data);
          if (!json_object_get_boolean_member_with_default (op, "x-websocket", FALSE))
            g_hash_table_insert (routes, key, document_roles (key, op, problems));
          else if (websockets != NULL)
            g_hash_table_add (websockets, key);
          else
            g_free (key);
        }
    }
}

static guint
roles_mask (const char *text)
{
  g_auto(GStrv) names = g_strsplit (text, ",", -1);
  guint mask = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      int index = role_index (names[i]);

      g_assert_cmpint (index, >=, 0);
      mask |= 1u << index;
    }
  return mask;
}

/* One line of --list-routes: "GET /api/v1/items guest,member,staff,admin". */
static void
add_served_route (GHashTable *routes,
                  const char *line)
{
  g_auto(GStrv) fields = g_strsplit (line, " ", -1);

  if (*line == '\0')
    return;
  if (g_strv_length (fields) != 3)
    g_error ("unexpected line from --list-routes: “%s”", line);
  g_hash_table_insert (routes, g_strdup_printf ("%s %s", fields[0], fields[1]),
                       roles_from_mask (*fields[2] != '\0' ? roles_mask (fields[2]) : 0));
}

/* The route table the server enforces, from $LENTERA_SERVER --list-routes. */
static GHashTable *
served_routes (void)
{
  const char *binary = g_getenv ("LENTERA_SERVER");
  GHashTable *routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_nonnull (binary);
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, binary, "--list-routes",
                           NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    add_served_route (routes, lines[i]);
  g_assert_cmpuint (g_hash_table_size (routes), >, 0);
  return routes;
}

static GHashTable *
route_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
compare_documented (GHashTable *documented,
                    GHashTable *served,
                    GPtrArray  *problems)
{
  GHashTableIter iter;
  gpointer key, roles;

  g_hash_table_iter_init (&iter, documented);
  while (g_hash_table_iter_next (&iter, &key, &roles))
    {
      const char *enforced = g_hash_table_lookup (served, key);

      if (roles == NULL)
        continue;   /* a bad x-roles, already a problem */
      if (enforced == NULL)
        add_problem (problems, "documented but not served: %s (x-roles %s)",
                     (const char *) key, (const char *) roles);
      else if (!g_str_equal (enforced, roles))
        add_problem (problems, "roles differ for %s: document %s, server %s",
                     (const char *) key, (const char *) roles, enforced);
    }
}

static void
compare_served (GHashTable *served,
                GHashTable *documented,
                GHashTable *pending,
                GHashTable *websockets,
                GPtrArray  *problems)
{
  GHashTableIter iter;
  gpointer key, roles;

  g_hash_table_iter_init (&iter, served);
  while (g_hash_table_iter_next (&iter, &key, &roles))
    {
      if (g_hash_table_contains (websockets, key))
        add_problem (problems, "the x-websocket operation %s is in the route table",
                     (const char *) key);
      else if (g_hash_table_contains (pending, key))
        add_problem (problems, "served now, move it from x-pending-paths to paths: %s %s",
                     (const char *) key, (const char *) roles);
      else if (!g_hash_table_contains (documented, key))
        add_problem (problems, "served but not documented: %s %s",
                     (const char *) key, (const char *) roles);
    }
}

/* The set of (method, path, roles) in paths equals the server's route table, both
 * ways; the WebSocket operation is documented but is not a route. */
static void
test_routes (void)
{
  g_autoptr(GHashTable) served = served_routes ();
  g_autoptr(GHashTable) documented = route_table_new ();
  g_autoptr(GHashTable) pending = route_table_new ();
  g_autoptr(GHashTable) websockets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            NULL);
  g_autoptr(GPtrArray) problems = problems_new ();

  document_routes (doc_member ("paths"), documented, websockets, problems);
  document_routes (doc_member ("x-pending-paths"), pending, NULL, problems);
  compare_documented (documented, served, problems);
  compare_served (served, documented, pending, websockets, problems);
  g_test_message ("%u routes served, %u documented, %u WebSocket, %u pending",
                  g_hash_table_size (served), g_hash_table_size (documented),
                  g_hash_table_size (websockets), g_hash_table_size (pending));
  if (g_hash_table_size (websockets) != 1)
    add_problem (problems, "%u x-websocket operations; GET /api/v1/events is the only one",
                 g_hash_table_size (websockets));
  report_problems (problems, "route table");
}

/* ---------------------------------------------------------------------------------------
 * Well-formed
 * ------------------------------------------------------------------------------------- */

static void check_refs (JsonNode  *node,
                        GPtrArray *problems);

static void
check_refs_member (JsonObject *object,
                   const char *name,
                   JsonNode   *node,
                   gpointer    problems)
{
  const char *ref;

  if (!g_str_equal (name, "$ref"))
    {
      check_refs (node, problems);
      return;
    }
  ref = json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
  if (ref == NULL || lookup_pointer (ref) == NULL)
    add_problem (problems, "$ref does not resolve: %s", ref != NULL ? ref : "(not a string)");
}

static void
check_refs_element (JsonArray *array,
                    guint      index,
                    JsonNode  *node,
                    gpointer   problems)
{
  check_refs (node, problems);
}

/* Every $ref anywhere in the document names something in it. */
static void
check_refs (JsonNode  *node,
            GPtrArray *problems)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    json_object_foreach_member (json_node_get_object (node), check_refs_member, problems);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    json_array_foreach_element (json_node_get_array (node), check_refs_element, problems);
}

/* The {names} of a path template. */
static GHashTable *
template_names (const char *path)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) segments = g_strsplit (path, "/", -1);

  for (guint i = 0; segments[i] != NULL; i++)
    {
      gsize len = strlen (segments[i]);

      if (len > 2 && segments[i][0] == '{' && segments[i][len - 1] == '}')
        g_hash_table_add (names, g_strndup (segments[i] + 1, len - 2));
    }
  return names;
}

/* Adds the names of the path parameters an operation or path item declares. */
static void
collect_path_parameters (const char *key,
                         JsonObject *owner,
                         GHashTable *declared,
                         GPtrArray  *problems)
{
  JsonNode *node = json_object_get_member (owner, "parameters");
  JsonArray *array;

  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      add_problem (problems, "%s: parameters is not an array", key);
      return;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *param = resolve (json_array_get_element (array, i));

      if (param == NULL || g_strcmp0 (string_member (param, "in"), "path") != 0)
        continue;
      if (!json_object_get_boolean_member_with_default (param, "required", FALSE))
        add_problem (problems, "%s: path parameter %s is not required", key,
                     string_member (param, "name"));
      if (string_member (param, "name") != NULL)
        g_hash_table_add (declared, (gpointer) string_member (param, "name"));
    }
}

static void
check_path_parameters (const char *key,
                       const char *path,
                       JsonObject *item,
                       JsonObject *op,
                       GPtrArray  *problems)
{
  g_autoptr(GHashTable) templated = template_names (path);
  g_autoptr(GHashTable) declared = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer name;

  collect_path_parameters (key, item, declared, problems);
  collect_path_parameters (key, op, declared, problems);
  g_hash_table_iter_init (&iter, templated);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (!g_hash_table_contains (declared, name))
      add_problem (problems, "%s: {%s} is not among its parameters", key, (const char *) name);
  g_hash_table_iter_init (&iter, declared);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (!g_hash_table_contains (templated, name))
      add_problem (problems, "%s: path parameter %s is not in the path", key,
                   (const char *) name);
}

static gboolean
is_status_key (const char *name)
{
  return g_str_equal (name, "default") ||
         (strlen (name) == 3 && name[0] >= '1' && name[0] <= '5' &&
          g_ascii_isdigit (name[1]) && g_ascii_isdigit (name[2]));
}

static void
check_responses (const char *key,
                 JsonObject *op,
                 GPtrArray  *problems)
{
  JsonObject *responses = object_member (op, "responses");
  g_autoptr(GList) codes = responses != NULL ? json_object_get_members (responses) : NULL;

  if (codes == NULL)
    add_problem (problems, "%s: no responses", key);
  for (const GList *l = codes; l != NULL; l = l->next)
    {
      JsonObject *response = resolve (json_object_get_member (responses, l->data));

      if (!is_status_key (l->data))
        add_problem (problems, "%s: response key %s is not a status", key,
                     (const char *) l->data);
      else if (response == NULL || string_member (response, "description") == NULL)
        add_problem (problems, "%s: response %s has no description", key,
                     (const char *) l->data);
    }
}

static void
check_operation (const char *key,
                 const char *path,
                 JsonObject *item,
                 JsonObject *op,
                 GHashTable *operation_ids,
                 GPtrArray  *problems)
{
  const char *id = string_member (op, "operationId");
  g_autofree char *roles = document_roles (key, op, problems);

  check_responses (key, op, problems);
  check_path_parameters (key, path, item, op, problems);
  if (id == NULL)
    add_problem (problems, "%s: no operationId", key);
  else if (!g_hash_table_add (operation_ids, (gpointer) id))
    add_problem (problems, "%s: operationId %s is used twice", key, id);
}

static gboolean
is_path_item_field (const char *name)
{
  static const char * const fields[] = { "parameters", "summary", "description", "servers" };

  return g_strv_contains (fields, name) || g_str_has_prefix (name, "x-");
}

static gboolean
is_http_method (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (http_methods); i++)
    if (g_str_equal (name, http_methods[i]))
      return TRUE;
  return FALSE;
}

static void
check_path_item (const char *path,
                 JsonObject *item,
                 GHashTable *operation_ids,
                 GPtrArray  *problems)
{
  g_autoptr(GList) fields = json_object_get_members (item);

  if (path[0] != '/')
    add_problem (problems, "path %s does not start with /", path);
  for (const GList *l = fields; l != NULL; l = l->next)
    {
      g_autofree char *method = g_ascii_strup (l->data, -1);
      g_autofree char *key = g_strdup_printf ("%s %s", method, path);
      JsonObject *op = object_member (item, l->data);

      if (is_path_item_field (l->data))
        continue;
      if (!is_http_method (l->data) || op == NULL)
        add_problem (problems, "%s: %s is not an operation", path, (const char *) l->data);
      else
        check_operation (key, path, item, op, operation_ids, problems);
    }
}

static void
check_paths (JsonObject *paths,
             JsonObject *others,
             GHashTable *operation_ids,
             GPtrArray  *problems)
{
  g_autoptr(GList) names = paths != NULL ? json_object_get_members (paths) : NULL;

  for (const GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *item = object_member (paths, l->data);
      JsonObject *other = object_member (others, l->data);

      if (item == NULL)
        {
          add_problem (problems, "path %s is not an object", (const char *) l->data);
          continue;
        }
      check_path_item (l->data, item, operation_ids, problems);
      for (guint i = 0; other != NULL && i < G_N_ELEMENTS (http_methods); i++)
        if (json_object_has_member (item, http_methods[i]) &&
            json_object_has_member (other, http_methods[i]))
          add_problem (problems, "%s %s is both in paths and in x-pending-paths",
                       http_methods[i], (const char *) l->data);
    }
}

/* OpenAPI 3.0.3 with info and paths; every operation has responses, x-roles and a unique
 * operationId; every path parameter is declared and every declared one is in the path;
 * every $ref resolves. */
static void
test_well_formed (void)
{
  JsonObject *info = doc_member ("info");
  g_autoptr(GHashTable) operation_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) problems = problems_new ();

  g_assert_cmpstr (string_member (json_node_get_object (document), "openapi"), ==, "3.0.3");
  g_assert_nonnull (string_member (info, "title"));
  g_assert_nonnull (string_member (info, "version"));
  g_assert_nonnull (doc_member ("paths"));
  check_paths (doc_member ("paths"), doc_member ("x-pending-paths"), operation_ids, problems);
  check_paths (doc_member ("x-pending-paths"), NULL, operation_ids, problems);
  check_refs (document, problems);
  g_test_message ("%u operations", g_hash_table_size (operation_ids));
  report_problems (problems, "document");
}

/* ---------------------------------------------------------------------------------------
 * Live list replies
 * ------------------------------------------------------------------------------------- */

static char *
post_for_id (LpTestServer *server,
             const char   *token,
             const char   *path,
             const char   *body,
             guint         status)
{
  g_autoptr(LpTestResponse) resp = lp_test_request (server, "POST", path, token, body);

  lp_assert_status (resp, status);
  return g_strdup (json_object_get_string_member (lp_test_response_object (resp), "id"));
}

/* A loan from request to return, so the loan, return and history lists have a row. */
static void
add_returned_loan (LpTestServer *server,
                   const char   *admin_token,
                   const char   *member_token,
                   const char   *item_id)
{
  g_autofree char *today = lp_test_server_sql_value (server, "SELECT library_today()");
  g_autofree char *body = g_strdup_printf ("{\"item_id\":\"%s\",\"quantity\":1,"
                                           "\"start_date\":\"%s\",\"due_date\":\"%s\","
                                           "\"purpose\":\"Praktikum\"}",
                                           item_id, today, today);
  g_autofree char *loan_id = post_for_id (server, member_token, "/api/v1/loans", body, 201);
  const char *steps[][2] = {
    { "approve", NULL }, { "handover", NULL }, { "return", "{\"condition\":\"good\"}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/loans/%s/%s", loan_id, steps[i][0]);
      g_autoptr(LpTestResponse) resp = lp_test_request (server, "POST", path, admin_token,
                                                        steps[i][1]);

      lp_assert_status (resp, 200);
    }
}

/* One row in every list: a category, an item, a returned loan (and its condition
 * event), and a complaint once the server serves complaints. Returns the item's id. */
static char *
add_fixtures (LpTestServer *server,
              const char   *admin_token)
{
  g_autofree char *category_id = NULL;
  g_autofree char *body = NULL;
  g_autofree char *member_id = NULL;
  g_autofree char *member_token = NULL;
  char *item_id;

  category_id = post_for_id (server, admin_token, "/api/v1/categories",
                             "{\"name\":\"Alat Lab\",\"description\":\"Praktikum\"}", 201);
  body = g_strdup_printf ("{\"code\":\"LAB-001\",\"name\":\"Mikroskop\",\"category_id\":\"%s\","
                          "\"location\":\"Lab IPA\",\"stock_total\":2}", category_id);
  item_id = post_for_id (server, admin_token, "/api/v1/items", body, 201);
  member_id = lp_test_server_create_user (server, "anggota", PASSWORD, "member");
  member_token = lp_test_server_login (server, "anggota", PASSWORD);
  add_returned_loan (server, admin_token, member_token, item_id);
  if (object_member (doc_member ("paths"), "/api/v1/complaints") != NULL)
    {
      g_autofree char *complaint = g_strdup_printf ("{\"title\":\"Lampu mati\","
                                                    "\"description\":\"Lampu lab mati\","
                                                    "\"location\":\"Lab IPA\","
                                                    "\"category_id\":\"%s\"}", category_id);

      g_free (post_for_id (server, member_token, "/api/v1/complaints", complaint, 201));
    }
  return item_id;
}

/* The JSON schema of an operation's 200 reply, resolved. */
static JsonObject *
reply_schema (JsonObject *op)
{
  JsonObject *ok = resolve (json_object_get_member (object_member (op, "responses"), "200"));
  JsonObject *media = object_member (object_member (ok, "content"), "application/json");

  return media != NULL ? resolve (json_object_get_member (media, "schema")) : NULL;
}

static gboolean
is_list_schema (JsonObject *schema)
{
  g_autoptr(GHashTable) required = required_names (schema);

  for (guint i = 0; i < G_N_ELEMENTS (envelope_members); i++)
    if (!g_hash_table_contains (required, envelope_members[i]))
      return FALSE;
  return TRUE;
}

static gboolean
value_has_type (JsonNode   *value,
                const char *type)
{
  GType held = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : G_TYPE_NONE;

  if (g_str_equal (type, "object"))
    return JSON_NODE_HOLDS_OBJECT (value);
  if (g_str_equal (type, "array"))
    return JSON_NODE_HOLDS_ARRAY (value);
  if (g_str_equal (type, "string"))
    return held == G_TYPE_STRING;
  if (g_str_equal (type, "integer"))
    return held == G_TYPE_INT64;
  if (g_str_equal (type, "number"))
    return held == G_TYPE_INT64 || held == G_TYPE_DOUBLE;
  if (g_str_equal (type, "boolean"))
    return held == G_TYPE_BOOLEAN;
  return FALSE;
}

static void check_value (const char *where,
                         JsonNode   *schema_node,
                         JsonNode   *value,
                         guint       depth,
                         GPtrArray  *problems);

/* Every member the schema marks required is in the object, and each is what its own
 * schema says. */
static void
check_required (const char *where,
                JsonObject *schema,
                JsonObject *object,
                guint       depth,
                GPtrArray  *problems)
{
  g_autoptr(GHashTable) required = required_names (schema);
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, required);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      JsonNode *value = json_object_get_member (object, name);
      g_autofree char *inner = g_strdup_printf ("%s.%s", where, (const char *) name);

      if (value == NULL)
        add_problem (problems, "%s: required but missing", inner);
      else
        check_value (inner, property_node (schema, name), value, depth, problems);
    }
}

static void
check_first_element (const char *where,
                     JsonObject *schema,
                     JsonArray  *array,
                     guint       depth,
                     GPtrArray  *problems)
{
  g_autofree char *inner = g_strdup_printf ("%s[0]", where);
  JsonNode *items = json_object_get_member (schema, "items");

  if (json_array_get_length (array) > 0 && items != NULL)
    check_value (inner, items, json_array_get_element (array, 0), depth, problems);
}

static void
check_value (const char *where,
             JsonNode   *schema_node,
             JsonNode   *value,
             guint       depth,
             GPtrArray  *problems)
{
  JsonObject *schema = schema_node != NULL ? resolve (schema_node) : NULL;
  const char *type;

  if (schema == NULL)
    return;
  if (JSON_NODE_HOLDS_NULL (value))
    {
      if (!is_nullable (schema_node))
        add_problem (problems, "%s: null, but not nullable", where);
      return;
    }
  type = schema_type (schema);
  if (type != NULL && !value_has_type (value, type))
    add_problem (problems, "%s: not of type %s", where, type);
  else if (depth >= MAX_DEPTH)
    return;
  else if (JSON_NODE_HOLDS_OBJECT (value))
    check_required (where, schema, json_node_get_object (value), depth + 1, problems);
  else if (JSON_NODE_HOLDS_ARRAY (value))
    check_first_element (where, schema, json_node_get_array (value), depth + 1, problems);
}

/* The documented default of a query parameter of the operation, or -1. */
static gint64
parameter_default (JsonObject *op,
                   const char *name)
{
  JsonNode *node = json_object_get_member (op, "parameters");
  JsonArray *params = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node)
                                                                     : NULL;

  for (guint i = 0; params != NULL && i < json_array_get_length (params); i++)
    {
      JsonObject *param = resolve (json_array_get_element (params, i));
      JsonObject *schema = param != NULL ? resolve (json_object_get_member (param, "schema"))
                                         : NULL;

      if (schema != NULL && g_strcmp0 (string_member (param, "name"), name) == 0 &&
          g_strcmp0 (string_member (param, "in"), "query") == 0)
        return json_object_get_int_member_with_default (schema, "default", -1);
    }
  return -1;
}

/* Exactly the required members at the top, the paging defaults the document gives, and
 * the first row against the row schema. */
static void
check_envelope (const char *where,
                JsonObject *op,
                JsonObject *schema,
                JsonObject *reply,
                GPtrArray  *problems)
{
  g_autoptr(GHashTable) required = required_names (schema);
  g_autoptr(GList) members = json_object_get_members (reply);
  const char *paging[] = { "limit", "offset" };

  for (const GList *l = members; l != NULL; l = l->next)
    if (!g_hash_table_contains (required, l->data))
      add_problem (problems, "%s: the reply has %s, which is not documented as required",
                   where, (const char *) l->data);
  for (guint i = 0; i < G_N_ELEMENTS (paging); i++)
    if (parameter_default (op, paging[i]) !=
        json_object_get_int_member_with_default (reply, paging[i], -2))
      add_problem (problems, "%s: %s is not the documented default", where, paging[i]);
  check_required (where, schema, reply, 0, problems);
}

/* "/api/v1/items/{id}/history" → a path to ask, with the fixture's item; NULL when there
 * is no fixture for its parameters. */
static char *
concrete_path (const char *path,
               const char *item_id)
{
  g_auto(GStrv) parts = NULL;

  if (strchr (path, '{') == NULL)
    return g_strdup (path);
  if (!g_str_has_prefix (path, "/api/v1/items/{id}"))
    return NULL;
  parts = g_strsplit (path, "{id}", -1);
  return g_strjoinv (item_id, parts);
}

/* Returns whether the path has a documented list reply (and so was checked). */
static gboolean
check_list (LpTestServer *server,
            const char   *token,
            const char   *item_id,
            const char   *path,
            GPtrArray    *problems)
{
  JsonObject *op = object_member (object_member (doc_member ("paths"), path), "get");
  JsonObject *schema = op != NULL ? reply_schema (op) : NULL;
  g_autofree char *url = NULL;
  g_autofree char *where = NULL;
  g_autoptr(LpTestResponse) resp = NULL;

  if (schema == NULL || !is_list_schema (schema))
    return FALSE;
  where = g_strdup_printf ("GET %s: reply", path);
  if ((url = concrete_path (path, item_id)) == NULL)
    {
      add_problem (problems, "%s: no fixture for its path parameters", where);
      return FALSE;
    }
  resp = lp_test_request (server, "GET", url, token, NULL);
  if (resp->status != 200 || resp->json == NULL || !JSON_NODE_HOLDS_OBJECT (resp->json))
    add_problem (problems, "%s: HTTP %u, not a JSON object", where, resp->status);
  else
    check_envelope (where, op, schema, json_node_get_object (resp->json), problems);
  return TRUE;
}

/* Every GET documented with the list envelope, asked as an admin on a live server with
 * a row in each list. */
static void
test_lists (void)
{
  g_autoptr(LpTestServer) server = lp_test_server_start (NULL);
  g_autofree char *admin_id = lp_test_server_create_user (server, "kepala", PASSWORD, "admin");
  g_autofree char *token = lp_test_server_login (server, "kepala", PASSWORD);
  g_autofree char *item_id = add_fixtures (server, token);
  g_autoptr(GList) paths = json_object_get_members (doc_member ("paths"));
  g_autoptr(GPtrArray) problems = problems_new ();
  guint n_lists = 0;

  for (const GList *l = paths; l != NULL; l = l->next)
    if (check_list (server, token, item_id, l->data, problems))
      {
        g_test_message ("checked the list GET %s", (const char *) l->data);
        n_lists++;
      }
  /* users, categories, items, item history, loans, returns, activity (and complaints). */
  g_assert_cmpuint (n_lists, >=, 7);
  report_problems (problems, "list replies");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: %s PATH/TO/openapi.json", argv[0]);
  json_parser_load_from_file (parser, argv[1], &error);
  g_assert_no_error (error);
  document = json_parser_steal_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (document));

  g_test_add_func ("/lp/openapi/routes", test_routes);
  g_test_add_func ("/lp/openapi/well-formed", test_well_formed);
  g_test_add_func ("/lp/openapi/lists", test_lists);

  status = g_test_run ();
  json_node_unref (document);
  return status;
}
