/* lp-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-page"

#include "config.h"

#include "lp-page.h"

typedef struct
{
  LpSession *session;
} LpPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (LpPage, lp_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_event (LpPage     *self,
          const char *type,
          const char *id)
{
  if (LP_PAGE_GET_CLASS (self)->event != NULL)
    LP_PAGE_GET_CLASS (self)->event (self, type, id);
}

static void
disconnect_session (LpPage *self)
{
  LpPagePrivate *priv = lp_page_get_instance_private (self);

  if (priv->session != NULL)
    g_signal_handlers_disconnect_by_data (lp_session_get_events (priv->session), self);
  g_clear_object (&priv->session);
}

static void
lp_page_dispose (GObject *object)
{
  disconnect_session (LP_PAGE (object));

  G_OBJECT_CLASS (lp_page_parent_class)->dispose (object);
}

static void
lp_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, lp_page_get_session (LP_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      lp_page_set_session (LP_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_page_class_init (LpPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lp_page_dispose;
  object_class->get_property = lp_page_get_property;
  object_class->set_property = lp_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, LP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lp_page_init (LpPage *self)
{
}

LpSession *
lp_page_get_session (LpPage *self)
{
  LpPagePrivate *priv = lp_page_get_instance_private (self);

  g_return_val_if_fail (LP_IS_PAGE (self), NULL);

  return priv->session;
}

void
lp_page_set_session (LpPage    *self,
                     LpSession *session)
{
  LpPagePrivate *priv = lp_page_get_instance_private (self);
  LpEventStream *events;

  g_return_if_fail (LP_IS_PAGE (self));
  g_return_if_fail (session == NULL || LP_IS_SESSION (session));

  if (priv->session == session)
    return;
  disconnect_session (self);
  if (session != NULL)
    {
      priv->session = g_object_ref (session);
      events = lp_session_get_events (session);
      g_signal_connect_swapped (events, "changed", G_CALLBACK (on_event), self);
      g_signal_connect_swapped (events, "resync", G_CALLBACK (lp_page_reload), self);
      if (LP_PAGE_GET_CLASS (self)->session_changed != NULL)
        LP_PAGE_GET_CLASS (self)->session_changed (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

LpApiClient *
lp_page_get_client (LpPage *self)
{
  LpPagePrivate *priv = lp_page_get_instance_private (self);

  g_return_val_if_fail (LP_IS_PAGE (self), NULL);

  return priv->session != NULL ? lp_session_get_client (priv->session) : NULL;
}

void
lp_page_reload (LpPage *self)
{
  g_return_if_fail (LP_IS_PAGE (self));

  if (lp_page_get_session (self) != NULL && LP_PAGE_GET_CLASS (self)->reload != NULL)
    LP_PAGE_GET_CLASS (self)->reload (self);
}

void
lp_page_add_toast (LpPage     *self,
                   const char *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_return_if_fail (LP_IS_PAGE (self));

  /* The window owns the toast overlay; a page outside one has nobody to tell. */
  if (root != NULL)
    gtk_widget_activate_action (GTK_WIDGET (root), "win.toast", "s", title);
}

void
lp_page_add_toast_button (LpPage     *self,
                          const char *title,
                          const char *button_label,
                          const char *action_name,
                          GVariant   *target)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GVariant) owned = g_variant_ref_sink (target);

  g_return_if_fail (LP_IS_PAGE (self));

  if (root != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (root), "win.toast-button",
                                        g_variant_new ("(sssv)", title, button_label,
                                                       action_name, owned));
}

void
lp_page_open (LpPage     *self,
              const char *id)
{
  g_return_if_fail (LP_IS_PAGE (self));
  g_return_if_fail (id != NULL);

  if (LP_PAGE_GET_CLASS (self)->open != NULL)
    LP_PAGE_GET_CLASS (self)->open (self, id);
}

void
lp_page_navigate (GtkWidget  *widget,
                  const char *name,
                  const char *id)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL);

  gtk_widget_activate_action (widget, "win.open", "(ss)", name, id != NULL ? id : "");
}
