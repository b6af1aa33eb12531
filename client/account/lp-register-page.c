/* lp-register-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-register-page"

#include "config.h"

#include "lp-register-page.h"

#include "lp-error.h"
#include "lp-validation.h"

#include <glib/gi18n-lib.h>

struct _LpRegisterPage
{
  AdwBin        parent_instance;

  AdwEntryRow  *full_name_row;
  AdwEntryRow  *username_row;
  AdwEntryRow  *email_row;
  AdwEntryRow  *password_row;
  AdwEntryRow  *confirm_row;
  GtkLabel     *error_label;
  GtkButton    *create_button;
  GtkSpinner   *spinner;

  GCancellable *cancellable;
  gboolean      busy;
};

G_DEFINE_FINAL_TYPE (LpRegisterPage, lp_register_page, LP_TYPE_PAGE)

/* The entry row of "username", "full_name", "email", "password" or "confirm". */
static GtkWidget *row_for_field (LpRegisterPage *self,
                                 const char     *field);

enum {
  REGISTERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_busy (LpRegisterPage *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), !busy);
}

/* Marks the row of @field and adds "Field: problem" to @errors. */
static void
add_problem (LpRegisterPage *self,
             GString        *errors,
             const char     *field,
             const char     *problem)
{
  GtkWidget *row = row_for_field (self, field);

  if (errors->len > 0)
    g_string_append_c (errors, '\n');
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      /* Translators: a form field's title and what is wrong with it. */
      g_string_append_printf (errors, _("%s: %s"),
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              _(problem));
    }
  else
    g_string_append (errors, _(problem));
}

static void
show_errors (LpRegisterPage *self,
             GString        *errors)
{
  gtk_label_set_label (self->error_label, errors->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), errors->len > 0);
}

static void
clear_errors (LpRegisterPage *self)
{
  const char *fields[] = { "full_name", "username", "email", "password", "confirm" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_remove_css_class (row_for_field (self, fields[i]), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static gboolean
check_locally (LpRegisterPage *self,
               GString        *errors)
{
  const char *username = row_text (self->username_row);
  const char *password = row_text (self->password_row);
  const char *email = row_text (self->email_row);
  const char *problem;

  if ((problem = lp_validate_text (row_text (self->full_name_row), 1, 100, FALSE)) != NULL)
    add_problem (self, errors, "full_name", problem);
  if ((problem = lp_validate_username (username)) != NULL)
    add_problem (self, errors, "username", problem);
  if (*email != '\0' && (problem = lp_validate_email (email)) != NULL)
    add_problem (self, errors, "email", problem);
  if ((problem = lp_validate_password (password, username)) != NULL)
    add_problem (self, errors, "password", problem);
  else if (g_strcmp0 (password, row_text (self->confirm_row)) != 0)
    add_problem (self, errors, "confirm", N_("The passwords do not match."));
  return errors->len == 0;
}

static void
on_registered (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LpRegisterPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpUserObject) user = NULL;
  g_autoptr(GString) errors = g_string_new (NULL);
  GHashTable *fields;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &user, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (user != NULL)
    {
      g_signal_emit (self, signals[REGISTERED], 0, user);
      return;
    }

  fields = lp_error_get_fields (error);
  if (g_error_matches (error, LP_ERROR, LP_ERROR_DUPLICATE))
    add_problem (self, errors, "username",
                 N_("This username or email address is already registered."));
  else if (fields != NULL && g_hash_table_size (fields) > 0)
    {
      GHashTableIter iter;
      gpointer field, message;

      g_hash_table_iter_init (&iter, fields);
      while (g_hash_table_iter_next (&iter, &field, &message))
        add_problem (self, errors, field, message);
    }
  else
    add_problem (self, errors, "", error->message);
  show_errors (self, errors);
}

void
lp_register_page_submit (LpRegisterPage *self)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autofree char *full_name = NULL;
  g_autoptr(JsonNode) body = NULL;
  const char *email;

  g_return_if_fail (LP_IS_REGISTER_PAGE (self));

  if (self->busy || lp_page_get_client (LP_PAGE (self)) == NULL)
    return;
  clear_errors (self);
  if (!check_locally (self, errors))
    {
      show_errors (self, errors);
      return;
    }
  full_name = g_strstrip (g_strdup (row_text (self->full_name_row)));
  set_busy (self, TRUE);
  email = row_text (self->email_row);
  body = lp_api_body_new ("username", row_text (self->username_row),
                          "password", row_text (self->password_row), "full_name", full_name,
                          "email", *email != '\0' ? email : NULL, NULL);
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_AUTH_REGISTER, NULL,
                            NULL, body, self->cancellable, on_registered, g_object_ref (self));
}

static void
on_row_changed (GtkWidget      *row,
                LpRegisterPage *self)
{
  gtk_widget_remove_css_class (row, "error");
}

static void
lp_register_page_dispose (GObject *object)
{
  LpRegisterPage *self = (LpRegisterPage *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_REGISTER_PAGE);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lp_register_page_parent_class)->dispose (object);
}

static void
lp_register_page_class_init (LpRegisterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_register_page_dispose;

  /**
   * LpRegisterPage::registered:
   * @user: the new, not yet active, account
   */
  signals[REGISTERED] =
    g_signal_new ("registered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, LP_TYPE_USER_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/account/lp-register-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LpRegisterPage, full_name_row);
  gtk_widget_class_bind_template_child (widget_class, LpRegisterPage, username_row);
  gtk_widget_class_bind_template_child (widget_class, LpRegisterPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, LpRegisterPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, LpRegisterPage, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, LpRegisterPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LpRegisterPage, create_button);
  gtk_widget_class_bind_template_child (widget_class, LpRegisterPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, lp_register_page_submit);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed);
}

static void
lp_register_page_init (LpRegisterPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
lp_register_page_reset (LpRegisterPage *self)
{
  g_return_if_fail (LP_IS_REGISTER_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  clear_errors (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->full_name_row));
}


static GtkWidget *
row_for_field (LpRegisterPage *self,
               const char     *field)
{
  if (g_strcmp0 (field, "full_name") == 0)
    return GTK_WIDGET (self->full_name_row);
  if (g_strcmp0 (field, "username") == 0)
    return GTK_WIDGET (self->username_row);
  if (g_strcmp0 (field, "email") == 0)
    return GTK_WIDGET (self->email_row);
  if (g_strcmp0 (field, "password") == 0)
    return GTK_WIDGET (self->password_row);
  if (g_strcmp0 (field, "confirm") == 0)
    return GTK_WIDGET (self->confirm_row);
  return NULL;
}
