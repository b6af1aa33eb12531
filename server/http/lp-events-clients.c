/* lp-events-clients.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-events"

#include "config.h"

#include "lp-events-private.h"

#include "lp-json.h"
#include "lp-sessions.h"
#include "lp-validation.h"

#include <string.h>
#include <sys/socket.h>

#define KEEPALIVE_SECONDS   30
#define MAX_INCOMING_BYTES  1024
#define SEND_BUFFER_BYTES   (64 * 1024)

typedef enum
{
  EVENT_ITEM,
  EVENT_LOAN,
  EVENT_COMPLAINT,
} EventKind;

static const char * const event_types[] = { "item.changed", "loan.changed", "complaint.changed" };

/* ------------------------------------------------------------------------------------
 * Clients and back-pressure
 * ------------------------------------------------------------------------------------ */

static gboolean
client_is_open (LpEventClient *client)
{
  return soup_websocket_connection_get_state (client->ws) == SOUP_WEBSOCKET_STATE_OPEN;
}

static void
client_stop_watching (LpEventClient *client)
{
  if (client->writable == NULL)
    return;
  g_source_destroy (client->writable);
  g_clear_pointer (&client->writable, g_source_unref);
}

void
lp_event_client_free (gpointer data)
{
  LpEventClient *client = data;

  client_stop_watching (client);
  g_queue_clear_full (&client->backlog, (GDestroyNotify) g_bytes_unref);
  g_signal_handlers_disconnect_by_data (client->ws, client);
  g_object_unref (client->ws);
  g_free (client->token_hash);
  g_free (client->user_id);
  g_free (client->username);
  g_free (client);
}

void
lp_event_client_close (LpEventClient *client,
                       gushort        code,
                       const char    *reason)
{
  client_stop_watching (client);
  g_queue_clear_full (&client->backlog, (GDestroyNotify) g_bytes_unref);
  if (client_is_open (client))
    soup_websocket_connection_close (client->ws, code, reason);
}

/* Hands the backlog to libsoup while the socket takes it. libsoup queues whatever we
 * give it without limit, so we give it a message only when the socket has room: its
 * queue stays at a frame or two and ours is the one that is bounded. */
static gboolean
on_client_writable (GObject  *stream,
                    gpointer  data)
{
  LpEventClient *client = data;

  while (!g_queue_is_empty (&client->backlog) && client_is_open (client) &&
         g_pollable_output_stream_is_writable (client->output))
    {
      g_autoptr(GBytes) message = g_queue_pop_head (&client->backlog);
      soup_websocket_connection_send_message (client->ws, SOUP_WEBSOCKET_DATA_TEXT, message);
    }
  if (!g_queue_is_empty (&client->backlog) && client_is_open (client))
    return G_SOURCE_CONTINUE;
  g_clear_pointer (&client->writable, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
client_send (LpEventClient *client,
             GBytes        *message)
{
  if (!client_is_open (client))
    return;
  if (g_queue_is_empty (&client->backlog) &&
      g_pollable_output_stream_is_writable (client->output))
    {
      soup_websocket_connection_send_message (client->ws, SOUP_WEBSOCKET_DATA_TEXT, message);
      return;
    }
  if (client->backlog.length >= LP_EVENTS_MAX_BACKLOG)
    {
      g_message ("Closing the events feed of %s: it does not keep up",
                 client->username != NULL ? client->username : "a guest");
      lp_event_client_close (client, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, "Too slow");
      return;
    }
  g_queue_push_tail (&client->backlog, g_bytes_ref (message));
  if (client->writable == NULL)
    {
      client->writable = g_pollable_output_stream_create_source (client->output, NULL);
      g_source_set_callback (client->writable, G_SOURCE_FUNC (on_client_writable), client, NULL);
      g_source_attach (client->writable, client->hub->context);
    }
}

static void
on_client_closed (SoupWebsocketConnection *ws,
                  LpEventClient           *client)
{
  g_hash_table_remove (client->hub->clients, client);
}

/* Who the handshake's request turned out to be (lp-events.c). */
LpEventClient *
lp_event_client_new (LpEventHub              *self,
                     SoupWebsocketConnection *ws,
                     LpRequest               *req)
{
  LpEventClient *client = g_new0 (LpEventClient, 1);
  GIOStream *stream = soup_websocket_connection_get_io_stream (ws);
  const char *token = lp_request_get_token (req);

  client->hub = self;
  client->ws = g_object_ref (ws);
  client->output = G_POLLABLE_OUTPUT_STREAM (g_io_stream_get_output_stream (stream));
  g_queue_init (&client->backlog);
  client->token_hash = token != NULL ? lp_session_hash_token_hex (token) : NULL;
  client->user_id = g_strdup (lp_request_get_user_id (req));
  client->username = g_strdup (lp_request_get_username (req));
  client->role = lp_request_get_role (req);
  soup_websocket_connection_set_keepalive_interval (ws, KEEPALIVE_SECONDS);
  soup_websocket_connection_set_max_incoming_payload_size (ws, MAX_INCOMING_BYTES);
  g_signal_connect (ws, "closed", G_CALLBACK (on_client_closed), client);
  return client;
}

/* ------------------------------------------------------------------------------------
 * Fan-out
 * ------------------------------------------------------------------------------------ */

static gboolean
client_may_see (LpEventClient *client,
                EventKind      kind,
                const char    *owner_id)
{
  if (kind == EVENT_ITEM || (client->role & LP_ROLES_DESK) != 0)
    return TRUE;
  return client->role == LP_ROLE_MEMBER && owner_id != NULL &&
         g_strcmp0 (client->user_id, owner_id) == 0;
}

static void
broadcast (LpEventHub *self,
           EventKind   kind,
           const char *owner_id,
           GBytes     *message)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->clients);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (client_may_see (key, kind, owner_id))
      client_send (key, message);
}

static gboolean
parse_event (JsonObject  *object,
             EventKind   *kind,
             const char **id,
             const char **owner_id)
{
  const char *type = json_object_get_string_member_with_default (object, "type", NULL);

  *id = json_object_get_string_member_with_default (object, "id", NULL);
  *owner_id = json_object_get_string_member_with_default (object, "user_id", NULL);
  if (*id == NULL || lp_validate_uuid (*id) != NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (event_types); i++)
    if (g_strcmp0 (type, event_types[i]) == 0)
      {
        *kind = (EventKind) i;
        return TRUE;
      }
  return FALSE;
}

/* One notification from the triggers: {"type", "id", "user_id"?}. Clients get type and
 * id only; user_id is for routing. */
void
lp_event_hub_dispatch (LpEventHub *self,
                       const char *payload)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = lp_json_parse_object (payload, strlen (payload), &error);
  g_autoptr(GBytes) message = NULL;
  const char *id, *owner_id;
  EventKind kind;
  char *text;

  /* A bulk change (data/sql/0012_items_import.sql): everything may have changed. */
  if (object != NULL &&
      g_strcmp0 (json_object_get_string_member_with_default (object, "type", NULL),
                 "resync") == 0)
    {
      lp_event_hub_resync (self);
      return;
    }
  if (object == NULL || !parse_event (object, &kind, &id, &owner_id))
    {
      g_debug ("Ignoring the notification “%s”", payload);
      return;
    }
  text = g_strdup_printf ("{\"type\":\"%s\",\"id\":\"%s\"}", event_types[kind], id);
  message = g_bytes_new_take (text, strlen (text));
  broadcast (self, kind, owner_id, message);
}

void
lp_event_hub_resync (LpEventHub *self)
{
  static const char resync[] = "{\"type\":\"resync\"}";
  g_autoptr(GBytes) message = g_bytes_new_static (resync, sizeof resync - 1);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->clients);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    client_send (key, message);
}
