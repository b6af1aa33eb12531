/* lp-session.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-session"

#include "config.h"

#include "lp-session.h"

#include "lp-format.h"

struct _LpSession
{
  GObject        parent_instance;

  LpApiClient   *client;
  LpEventStream *events;
  GSettings     *settings;
};

G_DEFINE_FINAL_TYPE (LpSession, lp_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_EVENTS,
  PROP_SETTINGS,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_settings_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LpSettingsObject) settings = NULL;
  g_autoptr(GError) error = NULL;

  if (lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &settings, NULL,
                                 &error))
    lp_format_set_time_zone (lp_api_object_get_string (settings, "timezone"));
  else
    g_debug ("The library's time zone: %s", error->message);
}

/* Whoever signs in learns the library's time zone: "today" on every page is the
 * server's, even on a computer set to another zone. */
static void
on_role_changed (LpSession *self)
{
  if (lp_api_client_get_role (self->client) != LP_ROLE_GUEST)
    lp_api_client_call_async (self->client, &LP_API_SETTINGS_GET, NULL, NULL, NULL, NULL,
                              on_settings_loaded, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

static void
lp_session_dispose (GObject *object)
{
  LpSession *self = (LpSession *) object;

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->events);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lp_session_parent_class)->dispose (object);
}

static void
lp_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LpSession *self = LP_SESSION (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_EVENTS:
      g_value_set_object (value, self->events);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_ROLE:
      g_value_set_flags (value, lp_session_get_role (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_session_class_init (LpSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lp_session_dispose;
  object_class->get_property = lp_session_get_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, LP_TYPE_API_CLIENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENTS] =
    g_param_spec_object ("events", NULL, NULL, LP_TYPE_EVENT_STREAM,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_flags ("role", NULL, NULL, LP_TYPE_ROLE, LP_ROLE_GUEST,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lp_session_init (LpSession *self)
{
}

LpSession *
lp_session_new (LpApiClient *client,
                GSettings   *settings)
{
  LpSession *self;

  g_return_val_if_fail (LP_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LP_TYPE_SESSION, NULL);
  self->client = g_object_ref (client);
  self->settings = g_object_ref (settings);
  self->events = lp_event_stream_new (client);
  g_signal_connect_swapped (client, "notify::role", G_CALLBACK (on_role_changed), self);
  return self;
}

LpApiClient *
lp_session_get_client (LpSession *self)
{
  g_return_val_if_fail (LP_IS_SESSION (self), NULL);

  return self->client;
}

LpEventStream *
lp_session_get_events (LpSession *self)
{
  g_return_val_if_fail (LP_IS_SESSION (self), NULL);

  return self->events;
}

GSettings *
lp_session_get_settings (LpSession *self)
{
  g_return_val_if_fail (LP_IS_SESSION (self), NULL);

  return self->settings;
}

LpRole
lp_session_get_role (LpSession *self)
{
  g_return_val_if_fail (LP_IS_SESSION (self), LP_ROLE_GUEST);

  return lp_api_client_get_role (self->client);
}
