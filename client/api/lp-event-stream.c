/* lp-event-stream.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-event-stream"

#include "config.h"

#include "lp-event-stream.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#define EVENTS_PATH        "/api/v1/events"
#define RETRY_FIRST_MS     500
#define RETRY_MAX_MS       (30 * 1000)
/* Below the session's I/O timeout, so that the server's pongs keep a quiet feed alive. */
#define KEEPALIVE_SECONDS  15

struct _LpEventStream
{
  GObject                  parent_instance;

  LpApiClient             *client;
  GCancellable            *cancellable;  /* the connection attempt under way */
  SoupWebsocketConnection *ws;
  char                    *token;        /* the session connected as (NULL = guest) */
  char                    *base_url;
  guint                    retry_id;
  guint                    retry_ms;
  gboolean                 dropped;      /* events may have been missed since */
};

G_DEFINE_FINAL_TYPE (LpEventStream, lp_event_stream, G_TYPE_OBJECT)

enum {
  CHANGED,
  RESYNC,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_connect (LpEventStream *self);

static void
drop_connection (LpEventStream *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->ws == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->ws, self);
  if (soup_websocket_connection_get_state (self->ws) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (self->ws, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&self->ws);
}

static gboolean
on_retry (gpointer user_data)
{
  LpEventStream *self = user_data;

  self->retry_id = 0;
  start_connect (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (LpEventStream *self)
{
  self->dropped = TRUE;
  if (self->retry_id != 0)
    return;
  g_debug ("Connecting again in %u ms", self->retry_ms);
  self->retry_id = g_timeout_add (self->retry_ms, on_retry, self);
  self->retry_ms = MIN (self->retry_ms * 2, RETRY_MAX_MS);
}

static void
on_message (SoupWebsocketConnection *ws,
            int                      type,
            GBytes                  *message,
            LpEventStream           *self)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonObject *object;
  const char *kind, *id;
  gsize size = 0;
  const char *data = g_bytes_get_data (message, &size);

  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    return;
  if (!json_parser_load_from_data (parser, data, (gssize) size, &error))
    {
      g_debug ("Ignoring an event that is not JSON: %s", error->message);
      return;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  kind = json_object_get_string_member_with_default (object, "type", NULL);
  id = json_object_get_string_member_with_default (object, "id", NULL);
  if (g_strcmp0 (kind, "resync") == 0)
    g_signal_emit (self, signals[RESYNC], 0);
  else if (kind != NULL && id != NULL)
    g_signal_emit (self, signals[CHANGED], 0, kind, id);
}

static void
on_closed (SoupWebsocketConnection *ws,
           LpEventStream           *self)
{
  g_debug ("The event stream closed (code %u)", soup_websocket_connection_get_close_code (ws));
  g_signal_handlers_disconnect_by_data (ws, self);
  g_clear_object (&self->ws);
  schedule_retry (self);
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LpEventStream *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupWebsocketConnection) ws = NULL;

  ws = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  /* Cancelled by dispose or a newer attempt: @self may be gone, touch nothing. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (ws == NULL)
    {
      g_debug ("Cannot open the event stream: %s", error->message);
      schedule_retry (self);
      return;
    }
  g_debug ("The event stream is open");
  self->ws = g_steal_pointer (&ws);
  self->retry_ms = RETRY_FIRST_MS;
  soup_websocket_connection_set_keepalive_interval (self->ws, KEEPALIVE_SECONDS);
  g_signal_connect (self->ws, "message", G_CALLBACK (on_message), self);
  g_signal_connect (self->ws, "closed", G_CALLBACK (on_closed), self);
  if (self->dropped)
    {
      self->dropped = FALSE;
      g_signal_emit (self, signals[RESYNC], 0);
    }
}

/* ws:// from http://, wss:// from https://. */
static char *
events_url (const char *base_url)
{
  if (g_str_has_prefix (base_url, "https://"))
    return g_strconcat ("wss://", base_url + strlen ("https://"), EVENTS_PATH, NULL);
  if (g_str_has_prefix (base_url, "http://"))
    return g_strconcat ("ws://", base_url + strlen ("http://"), EVENTS_PATH, NULL);
  return NULL;
}

static void
start_connect (LpEventStream *self)
{
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) msg = NULL;

  drop_connection (self);
  g_free (self->token);
  self->token = g_strdup (lp_api_client_get_token (self->client));
  g_free (self->base_url);
  self->base_url = g_strdup (lp_api_client_get_base_url (self->client));

  url = events_url (self->base_url);
  if (url != NULL)
    msg = soup_message_new ("GET", url);
  if (msg == NULL)
    {
      g_debug ("No event stream for the server address %s", self->base_url);
      return;
    }
  if (self->token != NULL)
    {
      g_autofree char *header = g_strdup_printf ("Bearer %s", self->token);

      soup_message_headers_replace (soup_message_get_request_headers (msg),
                                    "Authorization", header);
    }
  self->cancellable = g_cancellable_new ();
  soup_session_websocket_connect_async (lp_api_client_get_session (self->client), msg,
                                        NULL, NULL, G_PRIORITY_DEFAULT, self->cancellable,
                                        on_connected, self);
}

/* A login, a logout or another server: the feed of the new session, at once. */
static void
on_session_changed (LpEventStream *self)
{
  if (g_strcmp0 (self->token, lp_api_client_get_token (self->client)) == 0 &&
      g_strcmp0 (self->base_url, lp_api_client_get_base_url (self->client)) == 0)
    return;
  self->retry_ms = RETRY_FIRST_MS;
  start_connect (self);
}

static void
lp_event_stream_dispose (GObject *object)
{
  LpEventStream *self = (LpEventStream *) object;

  drop_connection (self);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (lp_event_stream_parent_class)->dispose (object);
}

static void
lp_event_stream_finalize (GObject *object)
{
  LpEventStream *self = (LpEventStream *) object;

  g_free (self->token);
  g_free (self->base_url);

  G_OBJECT_CLASS (lp_event_stream_parent_class)->finalize (object);
}

static void
lp_event_stream_class_init (LpEventStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lp_event_stream_dispose;
  object_class->finalize = lp_event_stream_finalize;

  /**
   * LpEventStream::changed:
   * @type: "item.changed", "loan.changed" or "complaint.changed"
   * @id: the id of what changed
   *
   * Something changed on the server (or was deleted).
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * LpEventStream::resync:
   *
   * Events may have been missed: whatever is shown should be loaded again.
   */
  signals[RESYNC] =
    g_signal_new ("resync", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
lp_event_stream_init (LpEventStream *self)
{
  self->retry_ms = RETRY_FIRST_MS;
}

LpEventStream *
lp_event_stream_new (LpApiClient *client)
{
  LpEventStream *self;

  g_return_val_if_fail (LP_IS_API_CLIENT (client), NULL);

  self = g_object_new (LP_TYPE_EVENT_STREAM, NULL);
  self->client = g_object_ref (client);
  g_signal_connect_swapped (client, "notify::user", G_CALLBACK (on_session_changed), self);
  g_signal_connect_swapped (client, "notify::base-url", G_CALLBACK (on_session_changed), self);
  g_signal_connect_swapped (client, "session-expired", G_CALLBACK (on_session_changed), self);
  start_connect (self);
  return self;
}

gboolean
lp_event_stream_get_connected (LpEventStream *self)
{
  g_return_val_if_fail (LP_IS_EVENT_STREAM (self), FALSE);

  return self->ws != NULL &&
         soup_websocket_connection_get_state (self->ws) == SOUP_WEBSOCKET_STATE_OPEN;
}
