/* lp-request.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-request"

#include "config.h"

#include "lp-request-private.h"

#include "lp-error.h"
#include "lp-json.h"
#include "lp-validation.h"

#define DEFAULT_LIMIT 50
#define MAX_LIMIT     500

static GHashTable *
copy_table (GHashTable *src)
{
  GHashTable *dest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  if (src == NULL)
    return dest;
  g_hash_table_iter_init (&iter, src);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (dest, g_strdup (key), g_strdup (value));
  return dest;
}

/* The Authorization header first, then ?access_token= where the route takes it. NULL
 * means a guest. */
static char *
bearer_token (SoupMessageHeaders *headers,
              GHashTable         *query,
              const LpRoute      *route)
{
  const char *auth = soup_message_headers_get_one (headers, "Authorization");

  if (auth == NULL && query != NULL && (route->flags & LP_ROUTE_QUERY_TOKEN))
    return g_strdup (g_hash_table_lookup (query, "access_token"));
  if (auth == NULL)
    return NULL;
  if (g_ascii_strncasecmp (auth, "Bearer ", 7) != 0)
    return g_strdup ("");  /* present but unusable: answered with 401, never as a guest */
  auth += 7;
  while (*auth == ' ')
    auth++;
  return g_strdup (auth);
}

LpRequest *
lp_request_new (SoupServerMessage *msg,
                const LpRoute     *route,
                GHashTable        *params,
                GHashTable        *query,
                const LpConfig    *config)
{
  LpRequest *req = g_new0 (LpRequest, 1);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  const char *ip = soup_server_message_get_remote_host (msg);
  static const char *kept_headers[] = { "Content-Type", "If-None-Match", "Accept" };

  req->msg = g_object_ref (msg);
  req->started_us = g_get_monotonic_time ();
  req->config = config;
  req->method = g_strdup (soup_server_message_get_method (msg));
  req->path = g_strdup (g_uri_get_path (soup_server_message_get_uri (msg)));
  req->params = params != NULL ? g_hash_table_ref (params) : copy_table (NULL);
  req->query = copy_table (query);
  req->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (kept_headers); i++)
    {
      const char *value = soup_message_headers_get_one (headers, kept_headers[i]);
      if (value != NULL)
        g_hash_table_insert (req->headers, g_ascii_strdown (kept_headers[i], -1),
                             g_strdup (value));
    }
  req->body = soup_message_body_flatten (body);
  if (config->trusted_proxies == NULL)
    req->ip = g_strdup (ip != NULL ? ip : "");
  else  /* behind a trusted proxy, the client it names */
    req->ip = lp_request_client_address (ip, soup_message_headers_get_one (headers,
                                                                            "X-Forwarded-For"),
                                         (const char * const *) config->trusted_proxies);
  req->user_agent = g_strdup (soup_message_headers_get_one (headers, "User-Agent"));
  req->token = bearer_token (headers, query, route);
  req->route = route;
  req->role = LP_ROLE_GUEST;
  req->status = 500;
  req->reply_headers = g_ptr_array_new_with_free_func (g_free);
  return req;
}

void
lp_request_free (LpRequest *req)
{
  if (req == NULL)
    return;
  g_clear_object (&req->msg);
  g_clear_pointer (&req->context, g_main_context_unref);
  g_free (req->method);
  g_free (req->path);
  g_clear_pointer (&req->params, g_hash_table_unref);
  g_clear_pointer (&req->query, g_hash_table_unref);
  g_clear_pointer (&req->headers, g_hash_table_unref);
  g_clear_pointer (&req->body, g_bytes_unref);
  g_free (req->ip);
  g_free (req->user_agent);
  if (req->token != NULL)
    memset (req->token, 0, strlen (req->token));
  g_free (req->token);
  g_clear_pointer (&req->json, json_object_unref);
  g_free (req->user_id);
  g_free (req->username);
  g_free (req->content_type);
  g_clear_pointer (&req->reply, g_bytes_unref);
  g_clear_pointer (&req->reply_headers, g_ptr_array_unref);
  g_free (req->error_code);
  g_free (req->cache_key);
  g_free (req->catalog_changes);
  g_free (req);
}

const char *
lp_request_get_method (LpRequest *req)
{
  return req->method;
}

const char *
lp_request_get_path (LpRequest *req)
{
  return req->path;
}

const char *
lp_request_get_param (LpRequest  *req,
                      const char *name)
{
  return g_hash_table_lookup (req->params, name);
}

const char *
lp_request_get_query (LpRequest  *req,
                      const char *name)
{
  return g_hash_table_lookup (req->query, name);
}

const char *
lp_request_get_header (LpRequest  *req,
                       const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_hash_table_lookup (req->headers, lower);
}

GBytes *
lp_request_get_body (LpRequest *req)
{
  return req->body;
}

/* Returns: (transfer none): the JSON object of the body, parsed once */
JsonObject *
lp_request_get_json (LpRequest  *req,
                     GError    **error)
{
  gsize length;
  const char *data;

  if (req->json != NULL)
    return req->json;
  data = g_bytes_get_data (req->body, &length);
  req->json = lp_json_parse_object (data, length, error);
  return req->json;
}

/* @address in its canonical spelling, or NULL when it is not an IP address. */
static char *
canonical_address (const char *address)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);

  return inet != NULL ? g_inet_address_to_string (inet) : NULL;
}

char *
lp_request_client_address (const char         *peer,
                           const char         *forwarded_for,
                           const char * const *trusted)
{
  g_autofree char *canonical_peer = peer != NULL ? canonical_address (peer) : NULL;
  g_auto(GStrv) hops = NULL;

  if (canonical_peer == NULL || forwarded_for == NULL || trusted == NULL ||
      !g_strv_contains (trusted, canonical_peer))
    return g_strdup (peer != NULL ? peer : "");
  /* The proxy appends the address it saw; earlier entries are the client's word. */
  hops = g_strsplit (forwarded_for, ",", -1);
  for (int i = (int) g_strv_length (hops) - 1; i >= 0; i--)
    {
      g_autofree char *hop = canonical_address (g_strstrip (hops[i]));

      if (hop == NULL)
        break;
      if (!g_strv_contains (trusted, hop))
        return g_steal_pointer (&hop);
    }
  return g_strdup (peer);
}

const char *
lp_request_get_ip (LpRequest *req)
{
  return req->ip;
}

const char *
lp_request_get_user_agent (LpRequest *req)
{
  return req->user_agent;
}

const char *
lp_request_get_token (LpRequest *req)
{
  return req->token;
}

const LpConfig *
lp_request_get_config (LpRequest *req)
{
  return req->config;
}

void
lp_request_run_later (LpRequest   *req,
                      LpDbJobFunc  func,
                      gpointer     user_data)
{
  g_return_if_fail (req->pool != NULL);
  lp_db_pool_push (req->pool, func, user_data);
}

static gboolean
parse_page_value (LpRequest   *req,
                  const char  *name,
                  gint64       min,
                  gint64       max,
                  gint64      *out,
                  GError     **error)
{
  const char *text = lp_request_get_query (req, name);
  g_autofree char *message = NULL;

  if (text == NULL)
    return TRUE;
  if (g_ascii_string_to_signed (text, 10, min, max, out, NULL))
    return TRUE;
  message = g_strdup_printf ("must be a whole number from %" G_GINT64_FORMAT " to %"
                             G_GINT64_FORMAT, min, max);
  lp_validation_add (error, name, message);
  return FALSE;
}

/* ?limit= (default 50, at most 500) and ?offset= (default 0). */
gboolean
lp_request_get_page (LpRequest  *req,
                     gint64     *limit,
                     gint64     *offset,
                     GError    **error)
{
  gboolean ok;

  *limit = DEFAULT_LIMIT;
  *offset = 0;
  ok = parse_page_value (req, "limit", 1, MAX_LIMIT, limit, error);
  ok = parse_page_value (req, "offset", 0, G_MAXINT32, offset, error) && ok;
  return ok;
}

/* The query value of @name, NULL when absent or empty. */
static const char *
query_value (LpRequest  *req,
             const char *name)
{
  const char *text = lp_request_get_query (req, name);

  return text != NULL && *text != '\0' ? text : NULL;
}

gboolean
lp_request_get_date_query (LpRequest   *req,
                           const char  *name,
                           const char **out,
                           GError     **error)
{
  *out = query_value (req, name);
  if (*out == NULL || lp_parse_date (*out, NULL))
    return TRUE;
  *out = NULL;
  lp_validation_add (error, name, "Use a date like 2026-01-31.");
  return FALSE;
}

gboolean
lp_request_get_period (LpRequest   *req,
                       const char **from,
                       const char **to,
                       GError     **error)
{
  gboolean ok = lp_request_get_date_query (req, "from", from, error);

  return lp_request_get_date_query (req, "to", to, error) && ok;
}

/* An empty id is not an absent one: "?user_id=" names nobody, it does not mean anyone. */
gboolean
lp_request_get_uuid_query (LpRequest   *req,
                           const char  *name,
                           const char **out,
                           GError     **error)
{
  const char *problem;

  *out = lp_request_get_query (req, name);
  if (*out == NULL || (problem = lp_validate_uuid (*out)) == NULL)
    return TRUE;
  *out = NULL;
  lp_validation_add (error, name, problem);
  return FALSE;
}

gboolean
lp_request_get_enum_query (LpRequest   *req,
                           const char  *name,
                           GType        enum_type,
                           const char **out,
                           GError     **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GString) nicks = NULL;

  *out = query_value (req, name);
  if (*out == NULL || g_enum_get_value_by_nick (klass, *out) != NULL)
    return TRUE;
  *out = NULL;
  nicks = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (nicks, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);
  lp_json_bad_request (error, "'%s' must be one of: %s", name, nicks->str);
  return FALSE;
}

gboolean
lp_request_get_bool_query (LpRequest   *req,
                           const char  *name,
                           const char **out,
                           GError     **error)
{
  *out = lp_request_get_query (req, name);
  if (*out == NULL || g_str_equal (*out, "true") || g_str_equal (*out, "false"))
    return TRUE;
  *out = NULL;
  lp_json_bad_request (error, "'%s' must be true or false", name);
  return FALSE;
}

LpRole
lp_request_get_role (LpRequest *req)
{
  return req->role;
}

const char *
lp_request_get_user_id (LpRequest *req)
{
  return req->user_id;
}

const char *
lp_request_get_username (LpRequest *req)
{
  return req->username;
}

void
lp_request_set_user (LpRequest  *req,
                     const char *user_id,
                     const char *username,
                     LpRole      role)
{
  g_free (req->user_id);
  g_free (req->username);
  req->user_id = g_strdup (user_id);
  req->username = g_strdup (username);
  req->role = role;
}

void
lp_request_reply_bytes (LpRequest  *req,
                        guint       status,
                        const char *content_type,
                        GBytes     *bytes)
{
  req->status = status;
  g_free (req->content_type);
  req->content_type = g_strdup (content_type);
  g_clear_pointer (&req->reply, g_bytes_unref);
  req->reply = bytes != NULL ? g_bytes_ref (bytes) : NULL;
}

void
lp_request_reply_json_text (LpRequest  *req,
                            guint       status,
                            const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  lp_request_reply_bytes (req, status, LP_JSON_CONTENT_TYPE, bytes);
}

/* Takes ownership of node. */
void
lp_request_reply_json (LpRequest *req,
                       guint      status,
                       JsonNode  *node)
{
  gsize length = 0;
  char *text = lp_json_to_string (node, &length);
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, length);

  json_node_unref (node);
  lp_request_reply_bytes (req, status, LP_JSON_CONTENT_TYPE, bytes);
}

void
lp_request_reply_empty (LpRequest *req,
                        guint      status)
{
  lp_request_reply_bytes (req, status, NULL, NULL);
}

/* The extra members an error carries (the "conflicts" of an overbooked loan) go next to
 * its code and message, sorted so that a reply is always written the same way. */
static void
add_error_details (JsonNode     *body,
                   const GError *error)
{
  GHashTable *details = lp_error_get_details (error);
  g_autoptr(GList) names = NULL;
  JsonObject *inner;

  if (details == NULL)
    return;
  inner = json_object_get_object_member (json_node_get_object (body), "error");
  names = g_list_sort (g_hash_table_get_keys (details), (GCompareFunc) strcmp);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_from_string (g_hash_table_lookup (details, l->data), NULL);

      if (value == NULL || json_object_has_member (inner, l->data))
        g_clear_pointer (&value, json_node_unref);
      else
        json_object_set_member (inner, l->data, value);
    }
}

void
lp_request_reply_error (LpRequest    *req,
                        const GError *error)
{
  JsonNode *body;
  guint status = 500;

  if (error->domain == LP_ERROR)
    status = lp_error_code_http_status (error->code);
  else
    g_warning ("%s %s failed outside the API's errors: %s", req->method, req->path,
               error->message);
  g_free (req->error_code);
  req->error_code = g_strdup (error->domain == LP_ERROR ? lp_error_code_to_string (error->code)
                                                         : "internal");
  body = lp_json_error_body (error);
  add_error_details (body, error);
  lp_request_reply_json (req, status, body);
}

void
lp_request_add_header (LpRequest  *req,
                       const char *name,
                       const char *value)
{
  g_ptr_array_add (req->reply_headers, g_strdup (name));
  g_ptr_array_add (req->reply_headers, g_strdup (value));
}

/* A path id that is not a UUID names nothing: 404, like an unknown one. */
gboolean
lp_request_get_id (LpRequest   *req,
                   const char  *name,
                   const char **id,
                   GError     **error)
{
  *id = lp_request_get_param (req, name);
  if (*id != NULL && lp_validate_uuid (*id) == NULL)
    return TRUE;
  g_set_error_literal (error, LP_ERROR, LP_ERROR_NOT_FOUND, "No such resource");
  return FALSE;
}
