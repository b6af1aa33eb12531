/* lp-api-client.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-api-client"

#include "config.h"

#include "lp-api-client.h"
#include "lp-api-client-private.h"

#include "lp-error.h"
#include "lp-json.h"
#include "lp-validation.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

/* The event stream, the paged lists' few requests in flight, and the page's own calls. */
#define MAX_CONNECTIONS 6

/* I/O timeout of one request: long enough for a slow school network, short enough that
 * a server that vanished mid-request shows the banner instead of a spinner forever. */
#define REQUEST_TIMEOUT_SECONDS 20

struct _LpApiClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;   /* without a trailing slash */
  char        *token;      /* NULL = guest */
  LpUserObject *user;      /* NULL = guest, or a remembered token not yet checked */
  char        *kiosk_key;  /* the device key every login of a kiosk carries, or NULL */
  gboolean     reachable;
};

G_DEFINE_FINAL_TYPE (LpApiClient, lp_api_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_REACHABLE,
  PROP_USER,
  PROP_ROLE,
  N_PROPS
};

enum {
  SESSION_EXPIRED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  SoupMessage         *msg;
  ReplyParser          parser;
  const LpApiEndpoint *endpoint;   /* the row sent */
  GBytes              *reply;      /* the body, for LP_API_REPLY_BYTES */
  char                *token;      /* the token a 401 to this request expires, or NULL */
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->msg);
  g_clear_pointer (&request->reply, g_bytes_unref);
  g_free (request->token);
  g_free (request);
}

static void
lp_api_client_dispose (GObject *object)
{
  LpApiClient *self = (LpApiClient *) object;

  g_clear_object (&self->session);

  G_OBJECT_CLASS (lp_api_client_parent_class)->dispose (object);
}

static void
lp_api_client_finalize (GObject *object)
{
  LpApiClient *self = (LpApiClient *) object;

  g_free (self->base_url);
  g_free (self->token);
  lp_api_client_set_kiosk_key (self, NULL);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (lp_api_client_parent_class)->finalize (object);
}

static void
lp_api_client_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LpApiClient *self = LP_API_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_REACHABLE:
      g_value_set_boolean (value, self->reachable);
      break;
    case PROP_USER:
      g_value_set_object (value, self->user);
      break;
    case PROP_ROLE:
      g_value_set_flags (value, lp_api_client_get_role (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_api_client_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LpApiClient *self = LP_API_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      lp_api_client_set_base_url (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_api_client_class_init (LpApiClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lp_api_client_dispose;
  object_class->finalize = lp_api_client_finalize;
  object_class->get_property = lp_api_client_get_property;
  object_class->set_property = lp_api_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REACHABLE] =
    g_param_spec_boolean ("reachable", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL, LP_TYPE_USER_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_flags ("role", NULL, NULL, LP_TYPE_ROLE, LP_ROLE_GUEST,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LpApiClient::session-expired:
   *
   * The server refused the session's token (it expired, was revoked by a password
   * change or a logout elsewhere). The client is a guest again when this is emitted.
   */
  signals[SESSION_EXPIRED] =
    g_signal_new ("session-expired", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lp_api_client_init (LpApiClient *self)
{
  g_autofree char *user_agent = g_strdup_printf ("Lentera/%s", PACKAGE_VERSION);

  self->reachable = TRUE;
  self->base_url = g_strdup ("http://127.0.0.1:8088");
  /* libsoup allows 2 connections per host: the event stream's WebSocket holds one for
   * good, which left a single one for the catalog's pages and every other call. */
  self->session = soup_session_new_with_options ("timeout", REQUEST_TIMEOUT_SECONDS,
                                                 "user-agent", user_agent,
                                                 "max-conns-per-host", MAX_CONNECTIONS,
                                                 NULL);
}

LpApiClient *
lp_api_client_new (const char *base_url)
{
  return g_object_new (LP_TYPE_API_CLIENT, "base-url", base_url, NULL);
}

gboolean
lp_api_client_check_base_url (const char  *base_url,
                              GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (base_url != NULL)
    uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error_literal (error, LP_ERROR, LP_ERROR_VALIDATION_FAILED,
                           _("Enter an address such as http://192.168.1.10:8088/"));
      return FALSE;
    }
  return TRUE;
}

const char *
lp_api_client_get_base_url (LpApiClient *self)
{
  g_return_val_if_fail (LP_IS_API_CLIENT (self), NULL);

  return self->base_url;
}

/* The session belongs to the server it came from: another address means a guest again. */
void
lp_api_client_set_base_url (LpApiClient *self,
                            const char  *base_url)
{
  g_autofree char *normalized = NULL;
  gsize len;

  g_return_if_fail (LP_IS_API_CLIENT (self));

  if (base_url == NULL || *base_url == '\0')
    base_url = "http://127.0.0.1:8088/";
  normalized = g_strstrip (g_strdup (base_url));
  len = strlen (normalized);
  while (len > 0 && normalized[len - 1] == '/')
    normalized[--len] = '\0';
  if (g_strcmp0 (normalized, self->base_url) == 0)
    return;
  g_free (self->base_url);
  self->base_url = g_steal_pointer (&normalized);
  lp_api_client_clear_session (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
}

SoupSession *
lp_api_client_get_session (LpApiClient *self)
{
  g_return_val_if_fail (LP_IS_API_CLIENT (self), NULL);

  return self->session;
}

gboolean
lp_api_client_get_reachable (LpApiClient *self)
{
  g_return_val_if_fail (LP_IS_API_CLIENT (self), FALSE);

  return self->reachable;
}

LpUserObject *
lp_api_client_get_user (LpApiClient *self)
{
  g_return_val_if_fail (LP_IS_API_CLIENT (self), NULL);

  return self->user;
}

LpRole
lp_api_client_get_role (LpApiClient *self)
{
  g_return_val_if_fail (LP_IS_API_CLIENT (self), LP_ROLE_GUEST);

  return self->user != NULL ? (LpRole) lp_api_object_get_enum (self->user, "role") : LP_ROLE_GUEST;
}

const char *
lp_api_client_get_token (LpApiClient *self)
{
  g_return_val_if_fail (LP_IS_API_CLIENT (self), NULL);

  return self->token;
}

static void
set_user (LpApiClient  *self,
          LpUserObject *user)
{
  LpRole old_role = lp_api_client_get_role (self);

  if (self->user == NULL && user == NULL)
    return;
  g_clear_object (&self->user);
  self->user = user != NULL ? g_object_ref (user) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
  if (old_role != lp_api_client_get_role (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

void
lp_api_client_set_token (LpApiClient *self,
                         const char  *token)
{
  g_return_if_fail (LP_IS_API_CLIENT (self));

  if (g_strcmp0 (token, self->token) == 0)
    return;
  g_free (self->token);
  self->token = g_strdup (token);
  set_user (self, NULL);
}

void
lp_api_client_set_kiosk_key (LpApiClient *self,
                             const char  *kiosk_key)
{
  g_return_if_fail (LP_IS_API_CLIENT (self));

  if (self->kiosk_key != NULL)
    memset (self->kiosk_key, 0, strlen (self->kiosk_key));
  g_free (self->kiosk_key);
  self->kiosk_key = g_strdup (kiosk_key);
}

void
lp_api_client_clear_session (LpApiClient *self)
{
  g_return_if_fail (LP_IS_API_CLIENT (self));

  g_clear_pointer (&self->token, g_free);
  set_user (self, NULL);
}

static void
set_reachable (LpApiClient *self,
               gboolean     reachable)
{
  if (self->reachable == reachable)
    return;
  self->reachable = reachable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REACHABLE]);
}

/*
 * Sending and receiving
 */

void
lp_api_client_append_query (GString    *path,
                            const char *key,
                            const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_c (path, strchr (path->str, '?') != NULL ? '&' : '?');
  g_string_append_printf (path, "%s=%s", key, escaped);
}

char *
lp_api_client_escape_segment (const char *segment)
{
  return g_uri_escape_string (segment, NULL, FALSE);
}

static void
return_unavailable (LpApiClient *self,
                    GTask       *task,
                    const char  *detail)
{
  set_reachable (self, FALSE);
  g_debug ("%s: %s", self->base_url, detail);
  g_task_return_new_error (task, LP_ERROR, LP_ERROR_UNAVAILABLE,
                           _("Cannot reach the server at %s."), self->base_url);
}

/* A 401 to the token we still hold: the server ended our session. */
static void
expire_session (LpApiClient *self,
                const char  *token)
{
  if (token == NULL || g_strcmp0 (token, self->token) != 0)
    return;
  lp_api_client_clear_session (self);
  g_signal_emit (self, signals[SESSION_EXPIRED], 0);
}

static void
on_reply_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LpApiClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonObject) object = NULL;
  const char *data;
  gsize length = 0;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        return_unavailable (self, task, error->message);
      return;
    }

  status = soup_message_get_status (request->msg);
  set_reachable (self, status != 502 && status != 503 && status != 504);
  data = g_bytes_get_data (bytes, &length);
  if (status < 200 || status >= 300)
    {
      lp_json_error_from_body (data, length, status, &error);
      if (status == 401)
        expire_session (self, request->token);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (request->endpoint->reply == LP_API_REPLY_BYTES)
    request->reply = g_bytes_ref (bytes);
  else if (length > 0 && status != 204)
    {
      object = lp_json_parse_object (data, length, &error);
      if (object == NULL)
        {
          g_warning ("Unreadable reply from %s: %s", self->base_url, error->message);
          g_task_return_new_error (task, LP_ERROR, LP_ERROR_BAD_REQUEST,
                                   _("The server sent a reply that cannot be read."));
          return;
        }
    }
  if (!request->parser (self, object, task, &error))
    {
      g_warning ("Unexpected reply from %s: %s", self->base_url, error->message);
      g_task_return_new_error (task, LP_ERROR, LP_ERROR_BAD_REQUEST,
                               _("The server sent a reply that cannot be read."));
    }
}

/* Sends @endpoint's method to @path (its template filled in, with the query) with
 * @bytes of @content_type (or no body) and hands the reply to @parser. Takes @task. */
static void
send_bytes (LpApiClient         *self,
            GTask               *task,
            const LpApiEndpoint *endpoint,
            const char          *path,
            const char          *content_type,
            GBytes              *bytes,
            ReplyParser          parser)
{
  g_autofree char *url = g_strconcat (self->base_url, path, NULL);
  LpApiAuth auth = endpoint->auth;
  Request *request = g_new0 (Request, 1);

  request->parser = parser;
  request->endpoint = endpoint;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  request->msg = soup_message_new (endpoint->method, url);
  if (request->msg == NULL)
    {
      return_unavailable (self, task, "invalid URL");
      g_object_unref (task);
      return;
    }
  if (auth != LP_API_AUTH_NONE && self->token != NULL)
    {
      g_autofree char *header = g_strdup_printf ("Bearer %s", self->token);

      if (auth == LP_API_AUTH_TOKEN)
        request->token = g_strdup (self->token);
      soup_message_headers_replace (soup_message_get_request_headers (request->msg),
                                    "Authorization", header);
    }
  if (endpoint->reply != LP_API_REPLY_BYTES)
    soup_message_headers_replace (soup_message_get_request_headers (request->msg),
                                  "Accept", "application/json");
  if (bytes != NULL)
    soup_message_set_request_body_from_bytes (request->msg, content_type, bytes);
  soup_session_send_and_read_async (self->session, request->msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), on_reply_read, task);
}

/* send_bytes() with @body (or nothing) as JSON. Takes @task. */
static void
send_request (LpApiClient         *self,
              GTask               *task,
              const LpApiEndpoint *endpoint,
              const char          *path,
              JsonNode            *body,
              ReplyParser          parser)
{
  g_autoptr(GBytes) bytes = NULL;

  if (body != NULL)
    {
      gsize length = 0;
      char *text = lp_json_to_string (body, &length);

      bytes = g_bytes_new_take (text, length);
    }
  send_bytes (self, task, endpoint, path, "application/json; charset=utf-8", bytes, parser);
}

/* For the endpoints whose path has no parameters. Takes @task. */
static void
send_endpoint (LpApiClient         *self,
               GTask               *task,
               const LpApiEndpoint *endpoint,
               JsonNode            *body,
               ReplyParser          parser)
{
  send_request (self, task, endpoint, endpoint->path, body, parser);
}

JsonArray *
lp_api_client_get_array (JsonObject  *object,
                         const char  *member,
                         GError     **error)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, LP_ERROR, LP_ERROR_BAD_REQUEST, "'%s' must be an array", member);
      return NULL;
    }
  return json_node_get_array (node);
}

JsonObject *
lp_api_client_get_element (JsonArray  *array,
                           guint       index,
                           GError    **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, LP_ERROR, LP_ERROR_BAD_REQUEST, "element %u is not an object", index);
      return NULL;
    }
  return json_node_get_object (node);
}

/*
 * The generic call: any row of the endpoint table
 */

typedef struct
{
  gpointer       value;   /* the decoded object, or a GPtrArray of them for a page */
  GDestroyNotify free;
  guint          total;
} CallResult;

static void
call_result_free (CallResult *result)
{
  if (result->value != NULL)
    result->free (result->value);
  g_free (result);
}

/* A data object of the row's type, or what its own decoder makes. */
static gpointer
decode_value (const LpApiEndpoint  *endpoint,
              JsonObject           *object,
              GError              **error)
{
  if (endpoint->type != NULL)
    return lp_api_object_new_from_json (endpoint->type (), object, error);
  return endpoint->decode (object, error);
}

static GDestroyNotify
value_free_func (const LpApiEndpoint *endpoint)
{
  return endpoint->type != NULL ? g_object_unref : endpoint->free;
}

static gboolean
decode_page (const LpApiEndpoint  *endpoint,
             JsonObject           *object,
             CallResult           *result,
             GError              **error)
{
  JsonArray *array = lp_api_client_get_array (object, "items", error);
  g_autoptr(GPtrArray) values = NULL;
  gint64 total = 0;

  if (array == NULL ||
      (lp_json_has_member (object, "total") &&
       !lp_json_get_int (object, "total", TRUE, 0, G_MAXINT32, &total, error)))
    return FALSE;
  values = g_ptr_array_new_full (json_array_get_length (array), value_free_func (endpoint));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *element = lp_api_client_get_element (array, i, error);
      gpointer value = element != NULL ? decode_value (endpoint, element, error) : NULL;

      if (value == NULL)
        return FALSE;
      g_ptr_array_add (values, value);
    }
  result->total = (guint) MAX (total, (gint64) values->len);
  result->value = g_steal_pointer (&values);
  result->free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

static gboolean
parse_call (LpApiClient  *self,
            JsonObject   *object,
            GTask        *task,
            GError      **error)
{
  Request *request = g_task_get_task_data (task);
  const LpApiEndpoint *endpoint = request->endpoint;
  CallResult *result = g_new0 (CallResult, 1);
  gboolean ok = TRUE;

  if (endpoint->reply == LP_API_REPLY_BYTES)
    {
      result->value = g_steal_pointer (&request->reply);
      result->free = (GDestroyNotify) g_bytes_unref;
    }
  else if (endpoint->reply != LP_API_REPLY_NONE)
    ok = lp_api_client_require_object (object, error);
  if (ok && endpoint->reply == LP_API_REPLY_PAGE)
    ok = decode_page (endpoint, object, result, error);
  else if (ok && endpoint->reply == LP_API_REPLY_OBJECT)
    {
      result->value = decode_value (endpoint, object, error);
      result->free = value_free_func (endpoint);
      ok = result->value != NULL;
    }
  if (!ok)
    {
      call_result_free (result);
      return FALSE;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) call_result_free);
  return TRUE;
}

/* @template with its "{name}" segments replaced, in order, by @args (escaped). */
static char *
fill_path (const char         *template,
           const char * const *args)
{
  g_autoptr(GString) path = g_string_new (NULL);
  guint n = 0;

  for (const char *p = template; *p != '\0'; p++)
    {
      const char *end = *p == '{' ? strchr (p, '}') : NULL;
      g_autofree char *escaped = NULL;

      if (end == NULL)
        {
          g_string_append_c (path, *p);
          continue;
        }
      g_return_val_if_fail (args != NULL && args[n] != NULL, NULL);
      escaped = lp_api_client_escape_segment (args[n++]);
      g_string_append (path, escaped);
      p = end;
    }
  return g_string_free (g_steal_pointer (&path), FALSE);
}

/* @endpoint's path with @path_args filled in and @query appended, or NULL. */
static char *
call_path (const LpApiEndpoint *endpoint,
           const char * const  *path_args,
           const char * const  *query)
{
  g_autofree char *filled = fill_path (endpoint->path, path_args);
  GString *path;

  if (filled == NULL)
    return NULL;
  path = g_string_new (filled);
  for (guint i = 0; query != NULL && query[i] != NULL; i += 2)
    lp_api_client_append_query (path, query[i], query[i + 1]);
  return g_string_free (path, FALSE);
}

void
lp_api_client_call_async (LpApiClient         *self,
                          const LpApiEndpoint *endpoint,
                          const char * const  *path_args,
                          const char * const  *query,
                          JsonNode            *body,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (LP_IS_API_CLIENT (self));
  g_return_if_fail (endpoint != NULL);
  g_return_if_fail (endpoint->reply == LP_API_REPLY_NONE ||
                    endpoint->reply == LP_API_REPLY_BYTES || endpoint->type != NULL ||
                    endpoint->decode != NULL);

  path = call_path (endpoint, path_args, query);
  g_return_if_fail (path != NULL);
  task = lp_api_client_new_task (self, lp_api_client_call_async, cancellable, callback, user_data);
  send_request (self, task, endpoint, path, body, parse_call);
}

void
lp_api_client_call_bytes_async (LpApiClient         *self,
                                const LpApiEndpoint *endpoint,
                                const char * const  *path_args,
                                const char * const  *query,
                                const char          *content_type,
                                GBytes              *bytes,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (LP_IS_API_CLIENT (self));
  g_return_if_fail (endpoint != NULL);
  g_return_if_fail (content_type != NULL && bytes != NULL);

  path = call_path (endpoint, path_args, query);
  g_return_if_fail (path != NULL);
  /* Finished by lp_api_client_call_finish(), like every call. */
  task = lp_api_client_new_task (self, lp_api_client_call_async, cancellable, callback, user_data);
  send_bytes (self, task, endpoint, path, content_type, bytes, parse_call);
}

void
lp_api_client_upload_async (LpApiClient         *self,
                            const LpApiEndpoint *endpoint,
                            const char          *content_type,
                            GBytes              *bytes,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (endpoint != NULL && strchr (endpoint->path, '{') == NULL);

  lp_api_client_call_bytes_async (self, endpoint, NULL, NULL, content_type, bytes, cancellable,
                                  callback, user_data);
}

gboolean
lp_api_client_call_finish (LpApiClient   *self,
                           GAsyncResult  *result,
                           gpointer      *value,
                           guint         *total,
                           GError       **error)
{
  CallResult *call = lp_api_client_finish_pointer (self, result, lp_api_client_call_async, error);

  if (call == NULL)
    return FALSE;
  if (total != NULL)
    *total = call->total;
  if (value != NULL)
    *value = g_steal_pointer (&call->value);
  call_result_free (call);
  return TRUE;
}

GTask *
lp_api_client_new_task (LpApiClient         *self,
                        gpointer             source_tag,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

JsonNode *
lp_api_body_new (const char *first_member,
              ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  va_list args;

  json_builder_begin_object (builder);
  va_start (args, first_member);
  for (const char *name = first_member; name != NULL; name = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      if (value == NULL)
        continue;
      json_builder_set_member_name (builder, name);
      json_builder_add_string_value (builder, value);
    }
  va_end (args);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
lp_api_client_require_object (JsonObject  *object,
                              GError     **error)
{
  if (object != NULL)
    return TRUE;
  g_set_error_literal (error, LP_ERROR, LP_ERROR_BAD_REQUEST, "empty reply");
  return FALSE;
}

gpointer
lp_api_client_finish_pointer (LpApiClient   *self,
                              GAsyncResult  *result,
                              gpointer       source_tag,
                              GError       **error)
{
  g_return_val_if_fail (LP_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
finish_boolean (LpApiClient   *self,
                GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  g_return_val_if_fail (LP_IS_API_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
parse_nothing (LpApiClient  *self,
               JsonObject   *object,
               GTask        *task,
               GError      **error)
{
  g_task_return_boolean (task, TRUE);
  return TRUE;
}

/*
 * Accounts
 */

static gboolean
parse_login (LpApiClient  *self,
             JsonObject   *object,
             GTask        *task,
             GError      **error)
{
  const char *token = NULL;
  JsonObject *user_object = NULL;
  g_autoptr(LpUserObject) user = NULL;

  if (!lp_api_client_require_object (object, error) ||
      !lp_json_get_string (object, "token", TRUE, &token, error) ||
      !lp_json_get_object (object, "user", TRUE, &user_object, error))
    return FALSE;
  user = lp_api_object_new_from_json (LP_TYPE_USER_OBJECT, user_object, error);
  if (user == NULL)
    return FALSE;
  g_free (self->token);
  self->token = g_strdup (token);
  set_user (self, user);
  g_task_return_pointer (task, g_steal_pointer (&user), g_object_unref);
  return TRUE;
}

void
lp_api_client_login_async (LpApiClient         *self,
                           const char          *username,
                           const char          *password,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (LP_IS_API_CLIENT (self));
  g_return_if_fail (username != NULL && password != NULL);

  task = lp_api_client_new_task (self, lp_api_client_login_async, cancellable,
                                 callback, user_data);
  body = lp_api_body_new ("username", username, "password", password,
                          "kiosk_key", self->kiosk_key, NULL);
  send_endpoint (self, task, &LP_API_AUTH_LOGIN, body, parse_login);
}

LpUserObject *
lp_api_client_login_finish (LpApiClient   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return lp_api_client_finish_pointer (self, result, lp_api_client_login_async, error);
}

void
lp_api_client_logout_async (LpApiClient         *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (LP_IS_API_CLIENT (self));

  task = lp_api_client_new_task (self, lp_api_client_logout_async, cancellable,
                                 callback, user_data);
  if (self->token == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  /* The message carries the token; a 401 to it must not look like an expiry. */
  send_endpoint (self, task, &LP_API_AUTH_LOGOUT, NULL, parse_nothing);
  lp_api_client_clear_session (self);
}

gboolean
lp_api_client_logout_finish (LpApiClient   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_boolean (self, result, lp_api_client_logout_async, error);
}

static gboolean
parse_me (LpApiClient  *self,
          JsonObject   *object,
          GTask        *task,
          GError      **error)
{
  Request *request = g_task_get_task_data (task);
  g_autoptr(LpUserObject) user = NULL;

  if (!lp_api_client_require_object (object, error))
    return FALSE;
  user = lp_api_object_new_from_json (LP_TYPE_USER_OBJECT, object, error);
  if (user == NULL)
    return FALSE;
  /* Only if the session is still the one asked about. */
  if (request->token != NULL && g_strcmp0 (request->token, self->token) == 0)
    set_user (self, user);
  g_task_return_pointer (task, g_steal_pointer (&user), g_object_unref);
  return TRUE;
}

void
lp_api_client_me_async (LpApiClient         *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (LP_IS_API_CLIENT (self));

  task = lp_api_client_new_task (self, lp_api_client_me_async, cancellable,
                                 callback, user_data);
  send_endpoint (self, task, &LP_API_ME, NULL, parse_me);
}

LpUserObject *
lp_api_client_me_finish (LpApiClient   *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return lp_api_client_finish_pointer (self, result, lp_api_client_me_async, error);
}
