/* lp-password-dialog.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-password-dialog"

#include "config.h"

#include "lp-password-dialog.h"

#include "lp-error.h"
#include "lp-validation.h"

#include <glib/gi18n-lib.h>

struct _LpPasswordDialog
{
  AdwWindow     parent_instance;

  AdwEntryRow  *current_row;
  AdwEntryRow  *new_row;
  AdwEntryRow  *confirm_row;
  GtkLabel     *error_label;
  GtkButton    *change_button;

  LpApiClient  *client;
  GCancellable *cancellable;
  gboolean      busy;
};

G_DEFINE_FINAL_TYPE (LpPasswordDialog, lp_password_dialog, ADW_TYPE_WINDOW)

/* "current", "new" or "confirm" */
static GtkWidget *row_for_field (LpPasswordDialog *self,
                                 const char       *field);

enum {
  PASSWORD_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
show_error (LpPasswordDialog *self,
            const char       *field,
            const char       *text)
{
  GtkWidget *row = field != NULL ? row_for_field (self, field) : NULL;

  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
  gtk_label_set_label (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
update_sensitivity (LpPasswordDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->change_button),
                            !self->busy &&
                            *row_text (self->current_row) != '\0' &&
                            *row_text (self->new_row) != '\0' &&
                            *row_text (self->confirm_row) != '\0');
}

static void
on_row_changed (GtkWidget        *row,
                LpPasswordDialog *self)
{
  gtk_widget_remove_css_class (row, "error");
  update_sensitivity (self);
}

static void
on_changed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LpPasswordDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GHashTable *fields;
  const char *problem;

  if (lp_api_client_call_finish (LP_API_CLIENT (source), result, NULL, NULL, &error))
    {
      g_signal_emit (self, signals[PASSWORD_CHANGED], 0);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  update_sensitivity (self);

  fields = lp_error_get_fields (error);
  if (fields != NULL && g_hash_table_contains (fields, "current_password"))
    show_error (self, "current", _("The current password is not correct."));
  else if (fields != NULL && (problem = g_hash_table_lookup (fields, "new_password")) != NULL)
    show_error (self, "new", _(problem));
  else
    show_error (self, NULL, error->message);
}

void
lp_password_dialog_submit (LpPasswordDialog *self)
{
  g_autoptr(JsonNode) body = NULL;
  LpUserObject *user;
  const char *problem;

  g_return_if_fail (LP_IS_PASSWORD_DIALOG (self));

  if (self->busy)
    return;
  user = lp_api_client_get_user (self->client);
  problem = lp_validate_password (row_text (self->new_row),
                                  user != NULL ? lp_api_object_get_string (user, "username") : NULL);
  if (problem != NULL)
    {
      show_error (self, "new", _(problem));
      return;
    }
  if (g_strcmp0 (row_text (self->new_row), row_text (self->confirm_row)) != 0)
    {
      show_error (self, "confirm", _("The passwords do not match."));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  self->busy = TRUE;
  update_sensitivity (self);
  body = lp_api_body_new ("current_password", row_text (self->current_row),
                          "new_password", row_text (self->new_row), NULL);
  lp_api_client_call_async (self->client, &LP_API_ME_PASSWORD, NULL, NULL, body,
                            self->cancellable, on_changed, g_object_ref (self));
}

static void
lp_password_dialog_dispose (GObject *object)
{
  LpPasswordDialog *self = (LpPasswordDialog *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_PASSWORD_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (lp_password_dialog_parent_class)->dispose (object);
}

static void
lp_password_dialog_class_init (LpPasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_password_dialog_dispose;

  signals[PASSWORD_CHANGED] =
    g_signal_new ("password-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/account/lp-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LpPasswordDialog, current_row);
  gtk_widget_class_bind_template_child (widget_class, LpPasswordDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, LpPasswordDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, LpPasswordDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LpPasswordDialog, change_button);
  gtk_widget_class_bind_template_callback (widget_class, lp_password_dialog_submit);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lp_password_dialog_init (LpPasswordDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

LpPasswordDialog *
lp_password_dialog_new (LpApiClient *client)
{
  LpPasswordDialog *self;

  g_return_val_if_fail (LP_IS_API_CLIENT (client), NULL);

  self = g_object_new (LP_TYPE_PASSWORD_DIALOG, NULL);
  self->client = g_object_ref (client);
  return self;
}


static GtkWidget *
row_for_field (LpPasswordDialog *self,
               const char       *field)
{
  if (g_strcmp0 (field, "current") == 0)
    return GTK_WIDGET (self->current_row);
  if (g_strcmp0 (field, "new") == 0)
    return GTK_WIDGET (self->new_row);
  if (g_strcmp0 (field, "confirm") == 0)
    return GTK_WIDGET (self->confirm_row);
  return NULL;
}
