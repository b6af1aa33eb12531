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
#include "lp-reply-crowd.h"
#include "lp-request-private.h"

typedef struct
{
  const LpRoute  *route;
  char          **segments;   /* "{name}" segments capture */
  guint           n_segments;
  guint64         captures;   /* bit i: segment i is "{name}" */
} CompiledRoute;

struct _LpRouter
{
  LpDbPool     *pool;
  const LpConfig *config;
  GArray       *routes;       /* CompiledRoute */
  guint         in_flight;
  LpReplyCache *cache;        /* not owned; NULL: nothing is cached */
  LpDbPipe     *pipe;         /* not owned; NULL: every read goes to a worker */
  LpReplyCrowd *crowd;        /* the guests waiting for the same reply */
  GBytes       *unreadable;   /* the JSON 400 of a request libsoup cannot read */
  guint         got_headers;  /* the signal id of SoupServerMessage::got-headers */
  gulong        got_headers_hook;
};

#define UNREADABLE_KEY "lp-router-unreadable"


static void
compiled_route_clear (gpointer data)
{
  CompiledRoute *cr = data;

  g_strfreev (cr->segments);
}

/* The body of the 400 for a request libsoup cannot read (see on_request_started()). */
static GBytes *
unreadable_reply (void)
{
  g_autoptr(GError) error = g_error_new_literal (LP_ERROR, LP_ERROR_BAD_REQUEST,
                                                 "The request could not be read: a malformed"
                                                 " request line, path or header");
  g_autoptr(JsonNode) body = lp_json_error_body (error);
  gsize length = 0;
  char *text = lp_json_to_string (body, &length);

  return g_bytes_new_take (text, length);
}

LpRouter *
lp_router_new (LpDbPool       *pool,
               const LpConfig *config)
{
  LpRouter *router = g_new0 (LpRouter, 1);

  router->pool = pool;
  router->config = config;
  router->routes = g_array_new (FALSE, TRUE, sizeof (CompiledRoute));
  g_array_set_clear_func (router->routes, compiled_route_clear);
  router->unreadable = unreadable_reply ();
  return router;
}

void
lp_router_free (LpRouter *router)
{
  if (router == NULL)
    return;
  g_array_unref (router->routes);
  g_clear_pointer (&router->crowd, lp_reply_crowd_free);
  if (router->got_headers_hook != 0)
    g_signal_remove_emission_hook (router->got_headers, router->got_headers_hook);
  g_bytes_unref (router->unreadable);
  g_free (router);
}

void
lp_router_add (LpRouter      *router,
               const LpRoute *routes,
               gsize          n_routes)
{
  for (gsize i = 0; i < n_routes; i++)
    {
      CompiledRoute cr = { &routes[i], g_strsplit (routes[i].pattern + 1, "/", -1), 0, 0 };

      /* A read may skip the worker (lp-request-path.c): so it has nothing a worker adds —
       * a transaction, the reply cache — and the worker runs the same read. */
      g_assert (routes[i].read == NULL ||
                (routes[i].handler == lp_request_run_read &&
                 !(routes[i].flags & (LP_ROUTE_TRANSACTION | LP_ROUTE_CACHED))));
      cr.n_segments = g_strv_length (cr.segments);
      g_assert (cr.n_segments <= 64);
      for (guint s = 0; s < cr.n_segments; s++)
        {
          gsize len = strlen (cr.segments[s]);

          if (len > 2 && cr.segments[s][0] == '{' && cr.segments[s][len - 1] == '}')
            cr.captures |= G_GUINT64_CONSTANT (1) << s;
        }
      g_array_append_val (router->routes, cr);
    }
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

void
lp_router_set_cache (LpRouter     *router,
                     LpReplyCache *cache)
{
  router->cache = cache;
  g_clear_pointer (&router->crowd, lp_reply_crowd_free);
  if (cache != NULL)
    router->crowd = lp_reply_crowd_new (cache);
}

void
lp_router_set_pipe (LpRouter *router,
                    LpDbPipe *pipe)
{
  router->pipe = pipe;
}

guint
lp_router_in_flight (LpRouter *router)
{
  return router->in_flight;
}

/* Whether a route's literal segments match; the captures are read only by
 * capture_segments(), once a route matched. */
static gboolean
match_literals (const CompiledRoute  *cr,
                char                **path,
                guint                 n_path)
{
  if (cr->n_segments != n_path)
    return FALSE;
  for (guint i = 0; i < n_path; i++)
    if (!(cr->captures & (G_GUINT64_CONSTANT (1) << i)) && !g_str_equal (cr->segments[i], path[i]))
      return FALSE;
  return TRUE;
}

/* The captured, percent-decoded segments as a new table; NULL when one is empty or not
 * UTF-8 (the route does not match). */
static GHashTable *
capture_segments (const CompiledRoute  *cr,
                  char                **path)
{
  g_autoptr(GHashTable) params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < cr->n_segments; i++)
    {
      const char *name = cr->segments[i];
      char *value;

      if (!(cr->captures & (G_GUINT64_CONSTANT (1) << i)))
        continue;
      value = g_uri_unescape_string (path[i], "/");
      if (value == NULL || *value == '\0' || !g_utf8_validate (value, -1, NULL))
        {
          g_free (value);
          return NULL;
        }
      g_hash_table_insert (params, g_strndup (name + 1, strlen (name) - 2), value);
    }
  return g_steal_pointer (&params);
}

/* Returns the route for method and path; *path_known tells a wrong method (405) from an
 * unknown path (404), and @allow (nullable) collects the methods the path has, for the
 * Allow header of a 405. */
static const LpRoute *
find_route (LpRouter    *router,
            const char  *method,
            const char  *path,
            GHashTable **params_out,
            gboolean    *path_known,
            GString     *allow)
{
  g_auto(GStrv) segments = g_strsplit (path + 1, "/", -1);
  guint n_segments = g_strv_length (segments);

  *path_known = FALSE;
  for (guint i = 0; i < router->routes->len; i++)
    {
      CompiledRoute *cr = &g_array_index (router->routes, CompiledRoute, i);
      g_autoptr(GHashTable) params = NULL;

      if (!match_literals (cr, segments, n_segments) ||
          (params = capture_segments (cr, segments)) == NULL)
        continue;
      *path_known = TRUE;
      if (!g_str_equal (cr->route->method, method))
        {
          if (allow != NULL)
            g_string_append_printf (allow, "%s%s", allow->len > 0 ? ", " : "", cr->route->method);
          continue;
        }
      *params_out = g_steal_pointer (&params);
      return cr->route;
    }
  return NULL;
}

/* Back on the main loop with the reply. */
static void
on_request_done (LpRequest *req,
                 gpointer   user_data)
{
  LpRouter *router = user_data;

  if (router->crowd != NULL)
    lp_reply_crowd_done (router->crowd, req);
  router->in_flight--;
  lp_request_release (req);
}

static const char *
expected_content_type (const LpRoute *route)
{
  return (route->flags & LP_ROUTE_CSV_BODY) ? LP_CSV_CONTENT_TYPE : "application/json";
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
  return type != NULL && g_ascii_strcasecmp (type, expected_content_type (route)) == 0;
}

static gsize
body_limit (const LpRoute *route)
{
  if (route != NULL && (route->flags & LP_ROUTE_RAW_BODY))
    return LP_RAW_BODY_LIMIT;
  if (route != NULL && (route->flags & LP_ROUTE_CSV_BODY))
    return LP_CSV_BODY_LIMIT;
  return LP_JSON_BODY_LIMIT;
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
  g_autoptr(GString) allow = g_string_new (NULL);
  const LpRoute *route;
  gboolean path_known;
  LpRequest *req;

  route = find_route (router, soup_server_message_get_method (msg), path, &params, &path_known,
                      allow);
  if (route == NULL)
    {
      if (path_known)
        {
          lp_request_refuse_now (msg, LP_ERROR_METHOD_NOT_ALLOWED,
                                 "This method is not allowed here");
          soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                        "Allow", allow->str);
        }
      else
        lp_request_refuse_now (msg, LP_ERROR_NOT_FOUND, "No such resource");
      return;
    }
  if ((gsize) soup_server_message_get_request_body (msg)->length > body_limit (route))
    {
      lp_request_refuse_now (msg, LP_ERROR_TOO_LARGE, "The request body is too large");
      return;
    }
  if (!content_type_ok (route, msg))
    {
      g_autofree char *message = g_strdup_printf ("The request body must be %s",
                                                  expected_content_type (route));

      lp_request_refuse_now (msg, LP_ERROR_UNSUPPORTED_MEDIA_TYPE, message);
      return;
    }

  req = lp_request_new (msg, route, params, query, router->config);
  req->cache = router->cache;
  req->pipe = router->pipe;
  lp_request_bind (req, router->pool, on_request_done, router);
  router->in_flight++;
  if (router->crowd != NULL && (route->flags & LP_ROUTE_CACHED) &&
      lp_reply_crowd_join (router->crowd, req))
    return;
  lp_request_start (req);
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
  route = find_route (router, soup_server_message_get_method (msg), path, &params, &path_known,
                      NULL);
  if (length > 0 && (gsize) length > body_limit (route))
    {
      lp_request_refuse_now (msg, LP_ERROR_TOO_LARGE, "The request body is too large");
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Connection", "close");
    }
}

/* libsoup answers a request it cannot read (a bad percent escape such as "%zz" in the
 * path, a malformed request line or header) itself, with the response the message has
 * then and no handler or signal in between: so every message starts with the API's JSON
 * 400 as its response, and on_got_headers() takes it back once libsoup could read it. */
static void
on_request_started (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  LpRouter *router = user_data;

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Content-Type",
                                LP_JSON_CONTENT_TYPE);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg),
                                  router->unreadable);
  g_object_set_data (G_OBJECT (msg), UNREADABLE_KEY, router);
}

/* An emission hook, not a handler: it runs before every handler of got-headers, and so
 * before libsoup's own, which calls the early handlers (they append their reply to the
 * body). The request line and headers have been read: the handlers get an empty
 * response again. */
static gboolean
on_got_headers (GSignalInvocationHint *hint,
                guint                  n_params,
                const GValue          *params,
                gpointer               user_data)
{
  SoupServerMessage *msg = g_value_get_object (&params[0]);

  if (g_object_get_data (G_OBJECT (msg), UNREADABLE_KEY) != user_data)
    return TRUE;
  g_object_set_data (G_OBJECT (msg), UNREADABLE_KEY, NULL);
  soup_message_body_truncate (soup_server_message_get_response_body (msg));
  soup_message_headers_remove (soup_server_message_get_response_headers (msg), "Content-Type");
  return TRUE;
}

void
lp_router_attach (LpRouter   *router,
                  SoupServer *server)
{
  gpointer klass = g_type_class_ref (SOUP_TYPE_SERVER_MESSAGE);

  g_return_if_fail (router->got_headers_hook == 0);
  router->got_headers = g_signal_lookup ("got-headers", SOUP_TYPE_SERVER_MESSAGE);
  g_type_class_unref (klass);
  router->got_headers_hook = g_signal_add_emission_hook (router->got_headers, 0, on_got_headers,
                                                         router, NULL);
  g_signal_connect (server, "request-started", G_CALLBACK (on_request_started), router);
  soup_server_add_early_handler (server, NULL, handle_early, router, NULL);
  soup_server_add_handler (server, NULL, handle_request, router, NULL);
  /* "OPTIONS *" goes to no handler but one for "*": without it, libsoup's empty 404. */
  soup_server_add_handler (server, "*", handle_request, router, NULL);
}
