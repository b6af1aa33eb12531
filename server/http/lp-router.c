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
#include "lp-reply-cache.h"
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
  LpReplyCache *cache;        /* not owned; NULL: nothing is cached */
  GHashTable   *waiting;      /* waiting_key() → GPtrArray of LpRequest (see prepare_cached) */
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
  router->context = g_main_context_ref_thread_default ();
  router->routes = g_array_new (FALSE, TRUE, sizeof (CompiledRoute));
  g_array_set_clear_func (router->routes, compiled_route_clear);
  router->waiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  router->unreadable = unreadable_reply ();
  return router;
}

void
lp_router_free (LpRouter *router)
{
  if (router == NULL)
    return;
  g_array_unref (router->routes);
  g_hash_table_unref (router->waiting);
  if (router->got_headers_hook != 0)
    g_signal_remove_emission_hook (router->got_headers, router->got_headers_hook);
  g_bytes_unref (router->unreadable);
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

void
lp_router_set_cache (LpRouter     *router,
                     LpReplyCache *cache)
{
  router->cache = cache;
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
  soup_server_message_set_response (msg, LP_JSON_CONTENT_TYPE,
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
              " ip=%s user=%s%s%s%s\n",
              stamp, req->method, req->path, req->status, ms,
              req->reply != NULL ? g_bytes_get_size (req->reply) : 0,
              req->ip, req->username != NULL ? req->username : "-",
              req->error_code != NULL ? " error=" : "",
              req->error_code != NULL ? req->error_code : "",
              req->cache_hit ? " cache=hit" : "");
}

/* Sets status, headers and body of the message from the request's reply. */
static void
respond (LpRequest *req)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);

  soup_server_message_set_status (req->msg, req->status, NULL);
  for (guint i = 0; i + 1 < req->reply_headers->len; i += 2)
    soup_message_headers_replace (headers, g_ptr_array_index (req->reply_headers, i),
                                  g_ptr_array_index (req->reply_headers, i + 1));
  if (req->cache_key != NULL)
    soup_message_headers_replace (headers, "X-Cache", req->cache_hit ? "hit" : "miss");
  if (req->reply != NULL)
    {
      soup_message_headers_set_content_type (headers, req->content_type, NULL);
      soup_message_body_append_bytes (soup_server_message_get_response_body (req->msg),
                                      req->reply);
    }
}

/* Keeps a fresh catalog reply; drops the kept ones a committed write made stale before
 * the writer hears of it, so that its next read is never answered from before. */
static void
update_cache (LpRouter  *router,
              LpRequest *req)
{
  if (router->cache == NULL)
    return;
  if ((req->route->flags & LP_ROUTE_TRANSACTION) && req->status < 400)
    lp_reply_cache_forget (router->cache, req->catalog_changes);
  else if (req->cache_key != NULL && !req->cache_hit && req->status == 200 && req->reply != NULL)
    lp_reply_cache_store (router->cache, req->cache_key, req->cache_generation, req->reply);
}

static void
on_disconnected (SoupServerMessage *msg,
                 LpRequest         *req)
{
  g_atomic_int_set (&req->disconnected, TRUE);
}

/* Holds the message until its reply is ready (release()). */
static void
hold (LpRouter  *router,
      LpRequest *req)
{
  req->disconnected_id = g_signal_connect (req->msg, "disconnected",
                                           G_CALLBACK (on_disconnected), req);
  router->in_flight++;
  soup_server_message_pause (req->msg);
}

/* Sends a held request's reply, unless its client has gone, and frees the request. */
static void
release (LpRouter  *router,
         LpRequest *req)
{
  g_signal_handler_disconnect (req->msg, req->disconnected_id);
  if (!g_atomic_int_get (&req->disconnected))
    {
      respond (req);
      soup_server_message_unpause (req->msg);
    }
  log_request (req);
  router->in_flight--;
  lp_request_free (req);
}

static char *
waiting_key (LpRequest *req)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT " %s", req->cache_generation, req->cache_key);
}

static void
copy_reply (LpRequest       *to,
            const LpRequest *from)
{
  to->status = from->status;
  to->content_type = g_strdup (from->content_type);
  to->reply = from->reply != NULL ? g_bytes_ref (from->reply) : NULL;
  for (guint i = 0; i < from->reply_headers->len; i++)
    g_ptr_array_add (to->reply_headers, g_strdup (g_ptr_array_index (from->reply_headers, i)));
  to->error_code = g_strdup (from->error_code);
  to->cache_hit = from->status == 200;
}

static void run_on_worker (PGconn   *conn,
                           gpointer  data);

/* The guests who asked the leader's question meanwhile get its answer. If the leader
 * left before its query ran, the first of them asks instead, for the others. */
static void
answer_waiting (LpRouter  *router,
                LpRequest *leader)
{
  g_autofree char *key = waiting_key (leader);
  g_autofree char *stolen_key = NULL;
  g_autoptr(GPtrArray) waiting = NULL;

  if (!g_hash_table_steal_extended (router->waiting, key, (gpointer *) &stolen_key,
                                    (gpointer *) &waiting))
    return;
  if (leader->status == 499 && waiting->len > 0)
    {
      LpRequest *next = g_ptr_array_steal_index (waiting, 0);

      next->cache_leader = TRUE;
      g_hash_table_insert (router->waiting, g_steal_pointer (&stolen_key),
                           g_steal_pointer (&waiting));
      lp_db_pool_push (router->pool, run_on_worker, next);
      return;
    }
  for (guint i = 0; i < waiting->len; i++)
    {
      LpRequest *req = g_ptr_array_index (waiting, i);

      copy_reply (req, leader);
      release (router, req);
    }
}

/* Back on the main loop: the only place a worker's reply touches the message. */
static gboolean
finish_on_main (gpointer data)
{
  LpRequest *req = data;
  LpRouter *router = req->router;

  update_cache (router, req);
  if (req->cache_leader)
    answer_waiting (router, req);
  release (router, req);
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

/* Makes reply, a kept one or NULL, the request's reply; FALSE for NULL. */
static gboolean
take_cached (LpRequest *req,
             GBytes    *reply)
{
  if (reply == NULL)
    return FALSE;
  req->reply = reply;
  req->cache_hit = TRUE;
  req->status = 200;
  req->content_type = g_strdup (LP_JSON_CONTENT_TYPE);
  return TRUE;
}

/* Also reads what the transaction changed in the catalog, as its triggers noted it
 * (data/sql/0007_catalog_cache.sql), for update_cache(). */
static gboolean
handler_in_transaction (PGconn    *conn,
                        gpointer   data,
                        GError   **error)
{
  LpRequest *req = data;
  g_autoptr(PGresult) res = NULL;

  if (!req->route->handler (req, conn, error))
    return FALSE;
  if (((LpRouter *) req->router)->cache == NULL)
    return TRUE;
  res = lp_db_exec (conn, "SELECT current_setting('lentera.catalog_changes', true)", 0, NULL,
                    error);
  if (res == NULL)
    return FALSE;
  g_free (req->catalog_changes);
  req->catalog_changes = g_strdup (lp_db_get (res, 0, 0));
  return TRUE;
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
  if (req->cache_key != NULL &&
      take_cached (req, lp_reply_cache_lookup (((LpRouter *) req->router)->cache,
                                               req->cache_key)))
    return TRUE;
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

/* The key is the path and the query as sent. A guest's request is answered here, on the
 * main loop, when its reply is kept. Otherwise one guest's request (the leader) runs the
 * query and the guests asking the same meanwhile wait for its answer: after a change,
 * a crowd asking for the first page costs one query, not one each. A request with a
 * token is looked up on the worker, after its session has been checked.
 * Returns TRUE when the request has been taken care of here. */
static gboolean
prepare_cached (LpRouter  *router,
                LpRequest *req)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (req->msg));
  g_autofree char *key = NULL;
  GPtrArray *waiting;

  req->cache_key = g_strconcat (req->path, "?", query != NULL ? query : "", NULL);
  req->cache_generation = lp_reply_cache_get_generation (router->cache);
  if (req->token != NULL)
    return FALSE;
  if (take_cached (req, lp_reply_cache_lookup (router->cache, req->cache_key)))
    {
      respond (req);
      log_request (req);
      lp_request_free (req);
      return TRUE;
    }
  key = waiting_key (req);
  if ((waiting = g_hash_table_lookup (router->waiting, key)) != NULL)
    {
      hold (router, req);
      g_ptr_array_add (waiting, req);
      return TRUE;
    }
  g_hash_table_insert (router->waiting, g_steal_pointer (&key), g_ptr_array_new ());
  req->cache_leader = TRUE;
  return FALSE;
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
          reply_now (msg, LP_ERROR_METHOD_NOT_ALLOWED, "This method is not allowed here");
          soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                        "Allow", allow->str);
        }
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
  if (router->config->trusted_proxies != NULL)
    {
      const char *forwarded = soup_message_headers_get_one (
                                soup_server_message_get_request_headers (msg), "X-Forwarded-For");

      g_free (req->ip);
      req->ip = lp_request_client_address (soup_server_message_get_remote_host (msg), forwarded,
                                           (const char * const *) router->config->trusted_proxies);
    }
  if (router->cache != NULL && (route->flags & LP_ROUTE_CACHED) && prepare_cached (router, req))
    return;
  hold (router, req);
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
  route = find_route (router, soup_server_message_get_method (msg), path, &params, &path_known,
                      NULL);
  if (length > 0 && (gsize) length > body_limit (route))
    {
      reply_now (msg, LP_ERROR_TOO_LARGE, "The request body is too large");
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
