/* lp-router.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-router"

#include "config.h"

#include "lp-router.h"

#include "lp-error.h"
#include "lp-json.h"
#include "lp-request-private.h"
#include "lp-sessions.h"

typedef struct
{
  const LpRoute  *route;
  char          **segments;   /* "{name}" segments capture */
} CompiledRoute;

struct _LpRouter
{
  LpDbPool     *pool;
  const LpConfig *config;
  GMainContext *context;
  GArray       *routes;       /* CompiledRoute */
  guint         in_flight;
};

static void
compiled_route_clear (gpointer data)
{
  CompiledRoute *cr = data;

  g_strfreev (cr->segments);
}

LpRouter *
lp_router_new (LpDbPool       *pool,
               const LpConfig *config)
{
  LpRouter *router = g_new0 (LpRouter, 1);

  router->pool = pool;
  router->config = config;
  router->context = g_main_context_ref_thread_default ();
  router->routes = g_array_new (FALSE, TRUE, sizeof (CompiledRoute));
  g_array_set_clear_func (router->routes, compiled_route_clear);
  return router;
}

void
lp_router_free (LpRouter *router)
{
  if (router == NULL)
    return;
  g_array_unref (router->routes);
  g_main_context_unref (router->context);
  g_free (router);
}

void
lp_router_add (LpRouter      *router,
               const LpRoute *routes,
               gsize          n_routes)
{
  for (gsize i = 0; i < n_routes; i++)
    {
      CompiledRoute cr = { &routes[i], g_strsplit (routes[i].pattern + 1, "/", -1) };
      g_array_append_val (router->routes, cr);
    }
}

const LpConfig *
lp_request_get_config (LpRequest *req)
{
  return ((LpRouter *) req->router)->config;
}

/* "METHOD /path role,role": the route table as the server enforces it, for the API
 * reference test. */
void
lp_router_print (LpRouter *router)
{
  for (guint i = 0; i < router->routes->len; i++)
    {
      const LpRoute *route = g_array_index (router->routes, CompiledRoute, i).route;
      g_autoptr(GString) roles = g_string_new (NULL);
      LpRole each[] = { LP_ROLE_GUEST, LP_ROLE_MEMBER, LP_ROLE_STAFF, LP_ROLE_ADMIN };
      const char *names[] = { "guest", "member", "staff", "admin" };

      for (guint r = 0; r < G_N_ELEMENTS (each); r++)
        if (route->roles & each[r])
          g_string_append_printf (roles, "%s%s", roles->len > 0 ? "," : "", names[r]);
      g_print ("%s %s %s\n", route->method, route->pattern, roles->str);
    }
}

guint
lp_router_in_flight (LpRouter *router)
{
  return router->in_flight;
}

/* Matches one route; on success fills params with the captured, percent-decoded
 * segments. */
static gboolean
match_segments (char       **pattern,
                char       **path,
                GHashTable  *params)
{
  guint n = g_strv_length (pattern);

  if (n != g_strv_length (path))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gsize len = strlen (pattern[i]);
      char *value;

      if (len > 2 && pattern[i][0] == '{' && pattern[i][len - 1] == '}')
        {
          value = g_uri_unescape_string (path[i], "/");
          if (value == NULL || *value == '\0' || !g_utf8_validate (value, -1, NULL))
            {
              g_free (value);
              return FALSE;
            }
          g_hash_table_insert (params, g_strndup (pattern[i] + 1, len - 2), value);
        }
      else if (!g_str_equal (pattern[i], path[i]))
        return FALSE;
    }
  return TRUE;
}

/* Returns the route for method and path; *path_known tells a wrong method (405) from an
 * unknown path (404). */
static const LpRoute *
find_route (LpRouter    *router,
            const char  *method,
            const char  *path,
            GHashTable **params_out,
            gboolean    *path_known)
{
  g_auto(GStrv) segments = g_strsplit (path + 1, "/", -1);
  g_autoptr(GHashTable) params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  *path_known = FALSE;
  for (guint i = 0; i < router->routes->len; i++)
    {
      CompiledRoute *cr = &g_array_index (router->routes, CompiledRoute, i);

      g_hash_table_remove_all (params);
      if (!match_segments (cr->segments, segments, params))
        continue;
      *path_known = TRUE;
      if (!g_str_equal (cr->route->method, method))
        continue;
      *params_out = g_steal_pointer (&params);
      return cr->route;
    }
  return NULL;
}

static void
reply_now (SoupServerMessage *msg,
           LpErrorCode        code,
           const char        *message)
{
  g_autoptr(GError) error = g_error_new_literal (LP_ERROR, code, message);
  g_autoptr(JsonNode) body = lp_json_error_body (error);
  gsize length = 0;
  char *text = lp_json_to_string (body, &length);

  soup_server_message_set_status (msg, lp_error_code_http_status (code), NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                    SOUP_MEMORY_TAKE, text, length);
}

static void
log_request (LpRequest *req)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  double ms = (g_get_monotonic_time () - req->started_us) / 1000.0;

  /* One line per request, key=value, for grep and log shippers; never a token. */
  g_printerr ("%s method=%s path=%s status=%u ms=%.2f bytes=%" G_GSIZE_FORMAT
              " ip=%s user=%s%s%s\n",
              stamp, req->method, req->path, req->status, ms,
              req->reply != NULL ? g_bytes_get_size (req->reply) : 0,
              req->ip, req->username != NULL ? req->username : "-",
              req->error_code != NULL ? " error=" : "",
              req->error_code != NULL ? req->error_code : "");
}

/* Back on the main loop: the only place a worker's reply touches the message. */
static gboolean
finish_on_main (gpointer data)
{
  LpRequest *req = data;
  LpRouter *router = req->router;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);

  g_signal_handler_disconnect (req->msg, req->disconnected_id);
  if (!g_atomic_int_get (&req->disconnected))
    {
      soup_server_message_set_status (req->msg, req->status, NULL);
      for (guint i = 0; i + 1 < req->reply_headers->len; i += 2)
        soup_message_headers_replace (headers, g_ptr_array_index (req->reply_headers, i),
                                      g_ptr_array_index (req->reply_headers, i + 1));
      if (req->reply != NULL)
        {
          soup_message_headers_set_content_type (headers, req->content_type, NULL);
          soup_message_body_append_bytes (soup_server_message_get_response_body (req->msg),
                                          req->reply);
        }
      soup_server_message_unpause (req->msg);
    }
  log_request (req);
  router->in_flight--;
  lp_request_free (req);
  return G_SOURCE_REMOVE;
}

/* An idle source, never g_main_context_invoke: that runs the function right here, on the
 * worker, whenever the main context happens to be free to acquire (during shutdown). */
static void
reply_on_main (LpRouter  *router,
               LpRequest *req)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, finish_on_main, req, NULL);
  g_source_attach (source, router->context);
}

static gboolean
authorize (LpRequest  *req,
           GError    **error)
{
  if ((req->route->roles & req->role) != 0)
    return TRUE;
  if (req->role == LP_ROLE_GUEST)
    g_set_error_literal (error, LP_ERROR, LP_ERROR_UNAUTHORIZED, "Please log in first");
  else
    g_set_error_literal (error, LP_ERROR, LP_ERROR_FORBIDDEN,
                         "Your account is not allowed to do this");
  return FALSE;
}

static gboolean
handler_in_transaction (PGconn    *conn,
                        gpointer   data,
                        GError   **error)
{
  LpRequest *req = data;

  return req->route->handler (req, conn, error);
}

static gboolean
process (LpRequest  *req,
         PGconn     *conn,
         GError    **error)
{
  if (conn == NULL)
    {
      g_set_error_literal (error, LP_ERROR, LP_ERROR_UNAVAILABLE, "The database is unavailable");
      return FALSE;
    }
  if (!lp_session_authenticate (req, conn, error) || !authorize (req, error))
    return FALSE;
  if (req->route->flags & LP_ROUTE_TRANSACTION)
    return lp_db_transaction (conn, handler_in_transaction, req, error);
  return req->route->handler (req, conn, error);
}

static void
run_on_worker (PGconn   *conn,
               gpointer  data)
{
  LpRequest *req = data;
  LpRouter *router = req->router;
  g_autoptr(GError) error = NULL;

  /* A client that left while its request waited in the queue gets no work done. */
  if (g_atomic_int_get (&req->disconnected))
    req->status = 499;
  else if (!process (req, conn, &error))
    lp_request_reply_error (req, error);
  else if (req->status == 500 && req->reply == NULL)
    {
      g_autoptr(GError) missing = g_error_new (LP_ERROR, LP_ERROR_INTERNAL,
                                               "The server did not answer");
      g_warning ("%s %s: handler set no reply", req->method, req->path);
      lp_request_reply_error (req, missing);
    }
  reply_on_main (router, req);
}

static void
on_disconnected (SoupServerMessage *msg,
                 LpRequest         *req)
{
  g_atomic_int_set (&req->disconnected, TRUE);
}

static gboolean
content_type_ok (const LpRoute     *route,
                 SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  const char *type;

  if (body->length == 0 || (route->flags & LP_ROUTE_RAW_BODY))
    return TRUE;
  type = soup_message_headers_get_content_type (headers, NULL);
  return type != NULL && g_ascii_strcasecmp (type, "application/json") == 0;
}

static gsize
body_limit (const LpRoute *route)
{
  return (route != NULL && (route->flags & LP_ROUTE_RAW_BODY)) ? LP_RAW_BODY_LIMIT
                                                               : LP_JSON_BODY_LIMIT;
}

static void
handle_request (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  LpRouter *router = user_data;
  g_autoptr(GHashTable) params = NULL;
  const LpRoute *route;
  gboolean path_known;
  LpRequest *req;

  route = find_route (router, soup_server_message_get_method (msg), path, &params, &path_known);
  if (route == NULL)
    {
      if (path_known)
        reply_now (msg, LP_ERROR_METHOD_NOT_ALLOWED, "This method is not allowed here");
      else
        reply_now (msg, LP_ERROR_NOT_FOUND, "No such resource");
      return;
    }
  if ((gsize) soup_server_message_get_request_body (msg)->length > body_limit (route))
    {
      reply_now (msg, LP_ERROR_TOO_LARGE, "The request body is too large");
      return;
    }
  if (!content_type_ok (route, msg))
    {
      reply_now (msg, LP_ERROR_UNSUPPORTED_MEDIA_TYPE, "The request body must be application/json");
      return;
    }

  req = lp_request_new (msg, route, params, query);
  req->router = router;
  req->disconnected_id = g_signal_connect (msg, "disconnected", G_CALLBACK (on_disconnected), req);
  router->in_flight++;
  soup_server_message_pause (msg);
  lp_db_pool_push (router->pool, run_on_worker, req);
}

/* Refuses an oversized body from its Content-Length, before libsoup reads it. */
static void
handle_early (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  LpRouter *router = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GHashTable) params = NULL;
  const LpRoute *route;
  gboolean path_known;
  goffset length = soup_message_headers_get_content_length (headers);

  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH)
    return;
  route = find_route (router, soup_server_message_get_method (msg), path, &params, &path_known);
  if (length > 0 && (gsize) length > body_limit (route))
    {
      reply_now (msg, LP_ERROR_TOO_LARGE, "The request body is too large");
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Connection", "close");
    }
}

void
lp_router_attach (LpRouter   *router,
                  SoupServer *server)
{
  soup_server_add_early_handler (server, NULL, handle_early, router, NULL);
  soup_server_add_handler (server, NULL, handle_request, router, NULL);
}
