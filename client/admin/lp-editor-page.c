/* lp-editor-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-editor-page"

#include "config.h"

#include "lp-editor-page.h"

#include "lp-ask.h"
#include "lp-error.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  LpFormField  *fields;
  guint         n_fields;
  AdwLeaflet   *leaflet;      /* folded in a narrow window: the list or the form */
  GtkWidget    *list_pane;
  GtkWidget    *form_pane;
  GtkWidget    *form_separator;
  GtkLabel     *form_title;
  GtkLabel     *form_error;
  GtkWidget    *delete_button;

  LpApiObject  *editing;      /* NULL while a new one is made */
  GCancellable *cancellable;  /* the saves and deletes */
  gboolean      busy;
} LpEditorPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (LpEditorPage, lp_editor_page, LP_TYPE_PAGE)

static const LpEditorInfo *
info_of (LpEditorPage *self)
{
  return LP_EDITOR_PAGE_GET_CLASS (self)->info;
}

static void
set_action_enabled (LpEditorPage *self,
                    const char   *action,
                    gboolean      enabled)
{
  g_autofree char *name = g_strdup_printf ("%s.%s", info_of (self)->actions, action);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
}

void
lp_editor_page_update_state (LpEditorPage *self)
{
  LpEditorPagePrivate *priv = lp_editor_page_get_instance_private (self);

  g_return_if_fail (LP_IS_EDITOR_PAGE (self));

  set_action_enabled (self, "save", !priv->busy);
  set_action_enabled (self, "delete", !priv->busy && priv->editing != NULL);
  if (LP_EDITOR_PAGE_GET_CLASS (self)->update_state != NULL)
    LP_EDITOR_PAGE_GET_CLASS (self)->update_state (self);
}

static void
set_busy (LpEditorPage *self,
          gboolean      busy)
{
  LpEditorPagePrivate *priv = lp_editor_page_get_instance_private (self);

  priv->busy = busy;
  lp_editor_page_update_state (self);
}

static void
show_error (LpEditorPage *self,
            const GError *error)
{
  LpEditorPagePrivate *priv = lp_editor_page_get_instance_private (self);
  const char *explanation = LP_EDITOR_PAGE_GET_CLASS (self)->explain_error != NULL
                            ? LP_EDITOR_PAGE_GET_CLASS (self)->explain_error (self, error)
                            : NULL;

  lp_form_show_error (priv->fields, priv->n_fields, priv->form_error, error, explanation);
}

/* Done: the form closes and the list is the server's again. */
static void
finish (LpEditorPage *self,
        const char   *toast)
{
  lp_page_add_toast (LP_PAGE (self), toast);
  lp_editor_page_hide (self);
  lp_page_reload (LP_PAGE (self));
}

void
lp_editor_page_show (LpEditorPage *self,
                     gpointer      record)
{
  LpEditorPagePrivate *priv = lp_editor_page_get_instance_private (self);

  g_return_if_fail (LP_IS_EDITOR_PAGE (self));
  g_return_if_fail (record == NULL || LP_IS_API_OBJECT (record));

  g_set_object (&priv->editing, record);
  lp_form_clear (priv->fields, priv->n_fields, priv->form_error);
  gtk_label_set_label (priv->form_title,
                       record != NULL ? lp_api_object_get_string (record,
                                                                  info_of (self)->name_property)
                                      : _(info_of (self)->new_title));
  LP_EDITOR_PAGE_GET_CLASS (self)->fill (self, record);
  gtk_widget_set_visible (priv->delete_button, record != NULL);
  gtk_widget_set_visible (priv->form_pane, TRUE);
  gtk_widget_set_visible (priv->form_separator, TRUE);
  adw_leaflet_set_visible_child (priv->leaflet, priv->form_pane);
  lp_editor_page_update_state (self);
}

void
lp_editor_page_hide (LpEditorPage *self)
{
  LpEditorPagePrivate *priv = lp_editor_page_get_instance_private (self);

  g_return_if_fail (LP_IS_EDITOR_PAGE (self));

  g_clear_object (&priv->editing);
  adw_leaflet_set_visible_child (priv->leaflet, priv->list_pane);
  gtk_widget_set_visible (priv->form_pane, FALSE);
  gtk_widget_set_visible (priv->form_separator, FALSE);
  lp_editor_page_update_state (self);
}

/*
 * Saving
 */

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LpEditorPage) self = user_data;
  g_autoptr(LpApiObject) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &record, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (record == NULL)
    {
      show_error (self, error);
      return;
    }
  text = LP_EDITOR_PAGE_GET_CLASS (self)->saved_text (self, record);
  finish (self, text);
}

void
lp_editor_page_send (LpEditorPage *self,
                     JsonNode     *body)
{
  LpEditorPagePrivate *priv = lp_editor_page_get_instance_private (self);
  LpApiClient *client = lp_page_get_client (LP_PAGE (self));

  g_return_if_fail (LP_IS_EDITOR_PAGE (self));

  set_busy (self, TRUE);
  if (priv->editing == NULL)
    lp_api_client_call_async (client, info_of (self)->create, NULL, NULL, body,
                              priv->cancellable, on_saved, g_object_ref (self));
  else
    lp_api_client_call_async (client, info_of (self)->update,
                              (const char *[]) { lp_api_object_get_id (priv->editing), NULL },
                              NULL, body, priv->cancellable, on_saved, g_object_ref (self));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LpEditorPage *self = LP_EDITOR_PAGE (widget);
  LpEditorPagePrivate *priv = lp_editor_page_get_instance_private (self);
  g_autoptr(JsonNode) body = NULL;

  if (priv->busy || !gtk_widget_get_visible (priv->form_pane))
    return;
  lp_form_clear (priv->fields, priv->n_fields, priv->form_error);
  LP_EDITOR_PAGE_GET_CLASS (self)->check (self);
  if (lp_form_has_problems (priv->fields, priv->n_fields))
    return;
  body = LP_EDITOR_PAGE_GET_CLASS (self)->body (self);
  /* Nothing changed: nothing to send. */
  if (priv->editing != NULL && json_object_get_size (json_node_get_object (body)) == 0)
    lp_editor_page_hide (self);
  else
    lp_editor_page_send (self, body);
}

/*
 * Deleting
 */

static void
on_deleted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LpEditorPage) self = user_data;
  LpEditorPagePrivate *priv = lp_editor_page_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  if (!lp_api_client_call_finish (LP_API_CLIENT (source), result, NULL, NULL, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (g_error_matches (error, LP_ERROR, LP_ERROR_IN_USE) && priv->editing != NULL &&
      LP_EDITOR_PAGE_GET_CLASS (self)->offer_instead != NULL)
    LP_EDITOR_PAGE_GET_CLASS (self)->offer_instead (self);
  else if (error != NULL)
    show_error (self, error);
  else
    finish (self, _(info_of (self)->deleted));
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    LpEditorPage     *self)
{
  LpEditorPagePrivate *priv = lp_editor_page_get_instance_private (self);

  if (g_strcmp0 (response, "delete") != 0 || priv->editing == NULL || priv->busy)
    return;
  set_busy (self, TRUE);
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), info_of (self)->remove,
                            (const char *[]) { lp_api_object_get_id (priv->editing), NULL },
                            NULL, NULL, priv->cancellable, on_deleted, g_object_ref (self));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LpEditorPage *self = LP_EDITOR_PAGE (widget);
  LpEditorPagePrivate *priv = lp_editor_page_get_instance_private (self);
  g_autofree char *heading = NULL;

  if (priv->editing == NULL || priv->busy)
    return;
  heading = LP_EDITOR_PAGE_GET_CLASS (self)->delete_heading (self, priv->editing);
  gtk_window_present (GTK_WINDOW (lp_ask_new (widget, heading, _(info_of (self)->delete_body),
                                              "cancel", _("_Cancel"), "delete", _("_Delete"),
                                              ADW_RESPONSE_DESTRUCTIVE,
                                              G_CALLBACK (on_delete_response), self)));
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  if (lp_page_get_list (LP_PAGE (widget)) != NULL)
    lp_editor_page_show (LP_EDITOR_PAGE (widget), NULL);
}

/* Template callback ("on_activate", swapped): a click or Enter on a row opens it. */
static void
on_row_activated (LpEditorPage *self,
                  guint         position)
{
  LpPagedModel *list = lp_page_get_list (LP_PAGE (self));
  g_autoptr(LpApiObject) record = NULL;

  if (list != NULL)
    record = g_list_model_get_item (G_LIST_MODEL (list), position);
  if (record != NULL && lp_api_object_get_loaded (record))
    lp_editor_page_show (self, record);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  lp_editor_page_hide (LP_EDITOR_PAGE (widget));
}

/*
 * GObject
 */

static void
lp_editor_page_dispose (GObject *object)
{
  LpEditorPage *self = LP_EDITOR_PAGE (object);
  LpEditorPagePrivate *priv = lp_editor_page_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->editing);
  g_clear_object (&priv->cancellable);

  G_OBJECT_CLASS (lp_editor_page_parent_class)->dispose (object);
}

static void
lp_editor_page_class_init (LpEditorPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lp_editor_page_dispose;
}

static void
lp_editor_page_init (LpEditorPage *self)
{
  LpEditorPagePrivate *priv = lp_editor_page_get_instance_private (self);

  priv->cancellable = g_cancellable_new ();
}

void
lp_editor_page_class_setup (LpEditorPageClass  *klass,
                            const LpEditorInfo *info)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct {
    const char *action;
    GtkWidgetActionActivateFunc activate;
    guint key;
    GdkModifierType modifiers;
  } actions[] = {
    { "new", new_activated, GDK_KEY_n, GDK_CONTROL_MASK },
    { "save", save_activated, GDK_KEY_s, GDK_CONTROL_MASK },
    { "cancel", cancel_activated, GDK_KEY_Escape, 0 },
    { "delete", delete_activated, 0, 0 },
  };
  static const char * const children[] = {
    "list_pane", "form_pane", "form_separator", "form_title", "form_error",
    "delete_button",
  };

  g_return_if_fail (LP_IS_EDITOR_PAGE_CLASS (klass));

  klass->info = info;
  gtk_widget_class_bind_template_callback_full (widget_class, "on_activate",
                                                G_CALLBACK (on_row_activated));
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, children[i], FALSE, 0);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      /* The class keeps the names it is given. */
      g_autofree char *name = g_strdup_printf ("%s.%s", info->actions, actions[i].action);
      const char *interned = g_intern_string (name);

      gtk_widget_class_install_action (widget_class, interned, NULL, actions[i].activate);
      if (actions[i].key != 0)
        gtk_widget_class_add_binding_action (widget_class, actions[i].key, actions[i].modifiers,
                                             interned, NULL);
    }
}

void
lp_editor_page_set_fields (LpEditorPage *self,
                           LpFormField  *fields,
                           guint         n_fields)
{
  LpEditorPagePrivate *priv = lp_editor_page_get_instance_private (self);
  GtkWidget *widget = GTK_WIDGET (self);
  GType type = G_OBJECT_TYPE (self);

  g_return_if_fail (LP_IS_EDITOR_PAGE (self));

  priv->fields = fields;
  priv->n_fields = n_fields;
  /* The page's own child: bound by name, AdwBin and the template would both unparent it. */
  priv->leaflet = ADW_LEAFLET (adw_bin_get_child (ADW_BIN (self)));
  priv->list_pane = GTK_WIDGET (gtk_widget_get_template_child (widget, type, "list_pane"));
  priv->form_pane = GTK_WIDGET (gtk_widget_get_template_child (widget, type, "form_pane"));
  priv->form_separator = GTK_WIDGET (gtk_widget_get_template_child (widget, type,
                                                                    "form_separator"));
  priv->form_title = GTK_LABEL (gtk_widget_get_template_child (widget, type, "form_title"));
  priv->form_error = GTK_LABEL (gtk_widget_get_template_child (widget, type, "form_error"));
  priv->delete_button = GTK_WIDGET (gtk_widget_get_template_child (widget, type,
                                                                   "delete_button"));
}

void
lp_editor_page_set_general (LpEditorPage *self,
                            const char   *message)
{
  LpEditorPagePrivate *priv = lp_editor_page_get_instance_private (self);

  g_return_if_fail (LP_IS_EDITOR_PAGE (self));

  lp_form_set_general (priv->form_error, message);
}

gpointer
lp_editor_page_get_editing (LpEditorPage *self)
{
  LpEditorPagePrivate *priv = lp_editor_page_get_instance_private (self);

  g_return_val_if_fail (LP_IS_EDITOR_PAGE (self), NULL);

  return priv->editing;
}

gboolean
lp_editor_page_get_busy (LpEditorPage *self)
{
  LpEditorPagePrivate *priv = lp_editor_page_get_instance_private (self);

  g_return_val_if_fail (LP_IS_EDITOR_PAGE (self), FALSE);

  return priv->busy;
}
