/* lp-login-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-login-page"

#include "config.h"

#include "lp-login-page.h"

#include "lp-error.h"
#include "lp-secret.h"

#include <glib/gi18n-lib.h>

struct _LpLoginPage
{
  AdwBin        parent_instance;

  GtkLabel     *message_label;
  AdwEntryRow  *username_row;
  AdwEntryRow  *password_row;
  AdwActionRow *remember_row;
  GtkSwitch    *remember_switch;
  GtkLabel     *error_label;
  GtkButton    *login_button;
  GtkSpinner   *spinner;
  GtkLabel     *server_label;

  GCancellable *cancellable;
  gboolean      busy;
  gboolean      keyring_checked;
  gboolean      keyring_available;
};

G_DEFINE_FINAL_TYPE (LpLoginPage, lp_login_page, LP_TYPE_PAGE)

enum {
  LOGGED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (LpLoginPage *self,
            const char  *text)
{
  gtk_label_set_label (self->error_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text != NULL);
}

static void
set_busy (LpLoginPage *self,
          gboolean     busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  /* Only the button: a focused entry made insensitive loses its focus-out event. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->login_button), !busy);
}

/* The server's messages are English and technical; these are what a member reads. */
static const char *
explain_error (const GError *error)
{
  if (error->domain != LP_ERROR)
    return error->message;
  switch (error->code)
    {
    case LP_ERROR_UNAUTHORIZED:
      return _("Wrong username or password.");
    case LP_ERROR_FORBIDDEN:
      return _("This account is not active yet. Ask the library staff to activate it.");
    case LP_ERROR_TOO_MANY_REQUESTS:
      return _("Too many failed attempts. Wait 15 minutes, then try again.");
    case LP_ERROR_VALIDATION_FAILED:
    case LP_ERROR_BAD_REQUEST:
      return _("Enter your username and password.");
    default:
      return error->message;
    }
}

static void
on_keyring_checked (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LpLoginPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean available = lp_secret_check_finish (result, &error);

  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  self->keyring_checked = TRUE;
  self->keyring_available = available;
  gtk_widget_set_sensitive (GTK_WIDGET (self->remember_row), available);
  if (!available)
    {
      gtk_switch_set_active (self->remember_switch, FALSE);
      adw_action_row_set_subtitle (self->remember_row,
                                   _("Not available: this computer has no unlocked keyring"));
    }
  else
    adw_action_row_set_subtitle (self->remember_row, _("Stay logged in on this computer"));
}

static void
on_secret_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (g_async_result_is_tagged (result, lp_secret_store_async))
    done = lp_secret_store_finish (result, &error);
  else
    done = lp_secret_clear_finish (result, &error);
  if (!done)
    g_debug ("Keyring: %s", error->message);
}

static void
on_logged_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LpLoginPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpUserObject) user = NULL;
  LpApiClient *client;
  const char *base_url;

  user = lp_api_client_login_finish (LP_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (user == NULL)
    {
      show_error (self, explain_error (error));
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  /* Remembering is best effort and never holds up the login: it is not cancelled with
   * the page either, so that closing the window right away still stores the token. */
  client = LP_API_CLIENT (source);
  base_url = lp_api_client_get_base_url (client);
  if (gtk_switch_get_active (self->remember_switch) && self->keyring_available)
    lp_secret_store_async (base_url, lp_api_object_get_string (user, "username"),
                           lp_api_client_get_token (client), NULL, on_secret_done, NULL);
  else
    lp_secret_clear_async (base_url, NULL, on_secret_done, NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  show_error (self, NULL);
  g_signal_emit (self, signals[LOGGED_IN], 0, user);
}

void
lp_login_page_submit (LpLoginPage *self)
{
  g_autofree char *username = NULL;
  const char *password;

  g_return_if_fail (LP_IS_LOGIN_PAGE (self));

  if (self->busy || lp_page_get_client (LP_PAGE (self)) == NULL)
    return;
  username = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->username_row))));
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  if (*username == '\0')
    {
      show_error (self, _("Enter your username."));
      gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
      return;
    }
  if (*password == '\0')
    {
      show_error (self, _("Enter your password."));
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  show_error (self, NULL);
  set_busy (self, TRUE);
  lp_api_client_login_async (lp_page_get_client (LP_PAGE (self)), username, password,
                             self->cancellable, on_logged_in, g_object_ref (self));
}

static void
on_username_activated (LpLoginPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
on_password_activated (LpLoginPage *self)
{
  lp_login_page_submit (self);
}

static void
on_input_changed (LpLoginPage *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
}

static void
lp_login_page_dispose (GObject *object)
{
  LpLoginPage *self = (LpLoginPage *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_LOGIN_PAGE);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lp_login_page_parent_class)->dispose (object);
}

static void
lp_login_page_class_init (LpLoginPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_login_page_dispose;

  /**
   * LpLoginPage::logged-in:
   * @user: the user now logged in
   */
  signals[LOGGED_IN] =
    g_signal_new ("logged-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, LP_TYPE_USER_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/account/lp-login-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LpLoginPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, LpLoginPage, username_row);
  gtk_widget_class_bind_template_child (widget_class, LpLoginPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, LpLoginPage, remember_row);
  gtk_widget_class_bind_template_child (widget_class, LpLoginPage, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, LpLoginPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LpLoginPage, login_button);
  gtk_widget_class_bind_template_child (widget_class, LpLoginPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, LpLoginPage, server_label);
  gtk_widget_class_bind_template_callback (widget_class, lp_login_page_submit);
  gtk_widget_class_bind_template_callback (widget_class, on_username_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_password_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed);
}

static void
lp_login_page_init (LpLoginPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
lp_login_page_reset (LpLoginPage *self,
                     const char  *message)
{
  g_autofree char *server = NULL;

  g_return_if_fail (LP_IS_LOGIN_PAGE (self));

  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  show_error (self, NULL);
  if (lp_page_get_client (LP_PAGE (self)) != NULL)
    {
      /* Translators: %s is the address of the library's server. */
      server = g_strdup_printf (_("Server: %s"),
                                lp_api_client_get_base_url (lp_page_get_client (LP_PAGE (self))));
      gtk_label_set_label (self->server_label, server);
    }
  if (!self->keyring_checked)
    lp_secret_check_async (self->cancellable, on_keyring_checked, g_object_ref (self));
  if (*gtk_editable_get_text (GTK_EDITABLE (self->username_row)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

void
lp_login_page_set_username (LpLoginPage *self,
                            const char  *username)
{
  g_return_if_fail (LP_IS_LOGIN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->username_row), username != NULL ? username : "");
}
