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
  LpSession    *session;
  LpPagedModel *list;
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
  LpPagePrivate *priv = lp_page_get_instance_private (self);
  LpPageClass *klass = LP_PAGE_GET_CLASS (self);

  if (priv->list != NULL && g_strcmp0 (type, klass->list_event) == 0)
    lp_paged_model_reload (priv->list);
  if (klass->event != NULL)
    klass->event (self, type, id);
}

static void
on_role_changed (LpPage *self)
{
  LP_PAGE_GET_CLASS (self)->role_changed (self);
}

static void
disconnect_session (LpPage *self)
{
  LpPagePrivate *priv = lp_page_get_instance_private (self);

  if (priv->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (lp_session_get_events (priv->session), self);
      g_signal_handlers_disconnect_by_data (priv->session, self);
    }
  g_clear_object (&priv->session);
}

static void
lp_page_dispose (GObject *object)
{
  LpPage *self = LP_PAGE (object);

  disconnect_session (self);
  lp_page_set_list (self, NULL, NULL, NULL);

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
      if (LP_PAGE_GET_CLASS (self)->role_changed != NULL)
        g_signal_connect_swapped (session, "notify::role", G_CALLBACK (on_role_changed), self);
      if (LP_PAGE_GET_CLASS (self)->session_changed != NULL)
        LP_PAGE_GET_CLASS (self)->session_changed (self);
      if (LP_PAGE_GET_CLASS (self)->role_changed != NULL)
        LP_PAGE_GET_CLASS (self)->role_changed (self);
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
  LpPagePrivate *priv = lp_page_get_instance_private (self);

  g_return_if_fail (LP_IS_PAGE (self));

  if (priv->session == NULL)
    return;
  if (priv->list != NULL)
    lp_paged_model_reload (priv->list);
  if (LP_PAGE_GET_CLASS (self)->reload != NULL)
    LP_PAGE_GET_CLASS (self)->reload (self);
}

LpRole
lp_page_get_role (LpPage *self)
{
  LpPagePrivate *priv = lp_page_get_instance_private (self);

  g_return_val_if_fail (LP_IS_PAGE (self), LP_ROLE_NONE);

  return priv->session != NULL ? lp_session_get_role (priv->session) : LP_ROLE_NONE;
}

LpPagedModel *
lp_page_set_list (LpPage              *self,
                  const LpApiEndpoint *list,
                  const LpApiEndpoint *get,
                  GCallback            changed)
{
  LpPagePrivate *priv = lp_page_get_instance_private (self);

  g_return_val_if_fail (LP_IS_PAGE (self), NULL);
  g_return_val_if_fail (list == NULL || priv->session != NULL, NULL);

  if (priv->list != NULL)
    g_signal_handlers_disconnect_by_data (priv->list, self);
  g_clear_object (&priv->list);
  if (list == NULL)
    return NULL;
  priv->list = lp_paged_model_new (lp_session_get_client (priv->session), list, get);
  if (changed != NULL)
    {
      g_signal_connect_swapped (priv->list, "items-changed", changed, self);
      g_signal_connect_swapped (priv->list, "notify::loading", changed, self);
      g_signal_connect_swapped (priv->list, "notify::error", changed, self);
    }
  return priv->list;
}

LpPagedModel *
lp_page_get_list (LpPage *self)
{
  LpPagePrivate *priv = lp_page_get_instance_private (self);

  g_return_val_if_fail (LP_IS_PAGE (self), NULL);

  return priv->list;
}

void
lp_page_collect_selected_async (LpPage              *self,
                                GtkSelectionModel   *selection,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  LpPagePrivate *priv = lp_page_get_instance_private (self);
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GArray) positions = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_if_fail (LP_IS_PAGE (self));
  g_return_if_fail (priv->list != NULL);

  selected = gtk_selection_model_get_selection (selection);
  positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), gtk_bitset_get_size (selected));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    g_array_append_val (positions, position);
  lp_paged_model_collect_async (priv->list, &g_array_index (positions, guint, 0), positions->len,
                                cancellable, callback, user_data);
}

guint
lp_page_show_list_state (LpPage        *self,
                         GtkStack      *stack,
                         AdwStatusPage *error_page,
                         gboolean       busy)
{
  LpPagePrivate *priv = lp_page_get_instance_private (self);
  const GError *error;
  guint count;
  const char *state;

  g_return_val_if_fail (LP_IS_PAGE (self), 0);

  error = priv->list != NULL ? lp_paged_model_get_error (priv->list) : NULL;
  count = priv->list != NULL && lp_paged_model_get_loaded (priv->list)
          ? g_list_model_get_n_items (G_LIST_MODEL (priv->list)) : 0;
  if (priv->list == NULL || busy || (!lp_paged_model_get_loaded (priv->list) && error == NULL))
    state = "loading";
  else if (error != NULL && count == 0)
    state = "error";
  else
    state = count > 0 ? "list" : "empty";
  if (error != NULL)
    adw_status_page_set_description (error_page, error->message);
  gtk_stack_set_visible_child_name (stack, state);
  return count;
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
