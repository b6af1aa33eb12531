/* lp-kiosks-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-kiosks-page"

#include "config.h"

#include "lp-kiosks-page.h"

#include "lp-ask.h"
#include "lp-error.h"
#include "lp-format.h"

#include <glib/gi18n-lib.h>

struct _LpKiosksPage
{
  LpPage        parent_instance;

  AdwEntryRow  *name_row;
  AdwEntryRow  *location_row;
  GtkLabel     *problem_label;
  AdwPreferencesGroup *key_group;
  GtkLabel     *key_label;
  GtkListBox   *list_box;

  GCancellable *cancellable;
  gboolean      busy;
};

G_DEFINE_FINAL_TYPE (LpKiosksPage, lp_kiosks_page, LP_TYPE_PAGE)

static void
show_problem (LpKiosksPage *self,
              const char   *text)
{
  gtk_label_set_label (self->problem_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), text != NULL);
}

static gboolean
is_admin (LpKiosksPage *self)
{
  LpSession *session = lp_page_get_session (LP_PAGE (self));

  return session != NULL && lp_session_get_role (session) == LP_ROLE_ADMIN;
}

/*
 * The list
 */

static char *
kiosk_subtitle (LpKioskObject *kiosk)
{
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) revoked = NULL;
  g_autofree char *when = NULL;
  const char *location = lp_api_object_get_string (kiosk, "location");
  GString *text = g_string_new (location != NULL ? location : "");

  g_object_get (kiosk, "last-login-at", &last, "revoked-at", &revoked, NULL);
  if (text->len > 0)
    g_string_append (text, " · ");
  if (revoked != NULL)
    {
      when = lp_format_time_long (revoked);
      /* Translators: %s is a date and time. */
      g_string_append_printf (text, _("Revoked on %s"), when);
    }
  else if (last != NULL)
    {
      when = lp_format_time_long (last);
      /* Translators: %s is a date and time. */
      g_string_append_printf (text, _("Last sign-in %s"), when);
    }
  else
    g_string_append (text, _("No sign-in yet"));
  return g_string_free (text, FALSE);
}

static GtkWidget *
kiosk_row (LpKiosksPage  *self,
           LpKioskObject *kiosk)
{
  g_autofree char *subtitle = kiosk_subtitle (kiosk);
  g_autoptr(GDateTime) revoked = NULL;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lp_api_object_get_string (kiosk, "name"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_get (kiosk, "revoked-at", &revoked, NULL);
  if (revoked == NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Re_voke"));
      g_autofree char *name = g_strdup_printf (_("Revoke %s"), lp_api_object_get_string (kiosk, "name"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "kiosks.revoke");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", lp_api_object_get_id (kiosk));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  else
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
clear_list (LpKiosksPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LpKiosksPage) self = user_data;
  g_autoptr(GPtrArray) kiosks = NULL;
  g_autoptr(GError) error = NULL;

  if (!lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &kiosks, NULL,
                                  &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_problem (self, error->message);
      return;
    }
  clear_list (self);
  for (guint i = 0; i < kiosks->len; i++)
    gtk_list_box_append (self->list_box, kiosk_row (self, g_ptr_array_index (kiosks, i)));
  if (kiosks->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No kiosks registered yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->list_box, row);
    }
}

/* Also the role_changed of the page: what an admin sees is loaded again, anyone else
 * sees none of it. */
static void
lp_kiosks_page_reload (LpPage *page)
{
  LpKiosksPage *self = LP_KIOSKS_PAGE (page);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  clear_list (self);
  /* A kiosk's key is shown to the admin who registered it, never to the next user. */
  gtk_widget_set_visible (GTK_WIDGET (self->key_group), FALSE);
  gtk_label_set_label (self->key_label, "");
  if (!is_admin (self))
    return;
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_KIOSKS_LIST, NULL,
                            (const char *[]) { "limit", "200", NULL }, NULL, self->cancellable,
                            on_listed, g_object_ref (self));
}

static void
reload_list (LpKiosksPage *self)
{
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_KIOSKS_LIST, NULL,
                            (const char *[]) { "limit", "200", NULL }, NULL, self->cancellable,
                            on_listed, g_object_ref (self));
}

/*
 * Registering and revoking
 */

static void
on_registered (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LpKiosksPage) self = user_data;
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  self->busy = FALSE;
  if (!lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &reply, NULL,
                                  &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_problem (self, error->domain == LP_ERROR && error->code == LP_ERROR_VALIDATION_FAILED
                          ? _("Give the kiosk a name (up to 100 characters) and a location of up to 200.")
                          : error->message);
      return;
    }
  gtk_label_set_label (self->key_label,
                       json_object_get_string_member_with_default (reply, "device_key", ""));
  gtk_widget_set_visible (GTK_WIDGET (self->key_group), TRUE);
  /* Translators: %s is the name of a kiosk. */
  toast = g_strdup_printf (_("“%s” registered as a kiosk"),
                           json_object_get_string_member_with_default (reply, "name", ""));
  lp_page_add_toast (LP_PAGE (self), toast);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->location_row), "");
  reload_list (self);
}

static void
register_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LpKiosksPage *self = LP_KIOSKS_PAGE (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *location = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->location_row))));
  g_autoptr(JsonNode) body = NULL;

  if (self->busy || !is_admin (self))
    return;
  if (*name == '\0')
    {
      show_problem (self, _("Give the kiosk a name, for example “Lobby kiosk”."));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }
  show_problem (self, NULL);
  self->busy = TRUE;
  body = lp_api_body_new ("name", name, "location", location, NULL);
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_KIOSKS_CREATE, NULL,
                            NULL, body, self->cancellable, on_registered, g_object_ref (self));
}

static void
copy_key_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LpKiosksPage *self = LP_KIOSKS_PAGE (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), gtk_label_get_label (self->key_label));
  lp_page_add_toast (LP_PAGE (self), _("Device key copied"));
}

static void
on_revoked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LpKiosksPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lp_api_client_call_finish (LP_API_CLIENT (source), result, NULL, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_problem (self, error->message);
      return;
    }
  lp_page_add_toast (LP_PAGE (self), _("Kiosk revoked; members signed in there were signed out"));
  reload_list (self);
}

static void
on_revoke_response (AdwMessageDialog *dialog,
                    const char       *response,
                    LpKiosksPage     *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "kiosk-id");

  if (g_strcmp0 (response, "revoke") != 0)
    return;
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_KIOSKS_REVOKE,
                            (const char *[]) { id, NULL }, NULL, NULL, self->cancellable,
                            on_revoked, g_object_ref (self));
}

static void
revoke_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AdwMessageDialog *dialog;

  dialog = lp_ask_new (widget, _("Revoke This Kiosk?"),
                       _("Its key will sign nobody in any more, and a member signed in "
                         "there now is signed out. To use the computer as a kiosk "
                         "again, register it anew."),
                       "cancel", _("_Cancel"), "revoke", _("_Revoke"), ADW_RESPONSE_DESTRUCTIVE,
                       G_CALLBACK (on_revoke_response), widget);
  g_object_set_data_full (G_OBJECT (dialog), "kiosk-id",
                          g_strdup (g_variant_get_string (parameter, NULL)), g_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * LpPage
 */

static void
lp_kiosks_page_dispose (GObject *object)
{
  LpKiosksPage *self = (LpKiosksPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_KIOSKS_PAGE);

  G_OBJECT_CLASS (lp_kiosks_page_parent_class)->dispose (object);
}

static void
lp_kiosks_page_class_init (LpKiosksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpPageClass *page_class = LP_PAGE_CLASS (klass);

  object_class->dispose = lp_kiosks_page_dispose;
  page_class->role_changed = lp_kiosks_page_reload;
  page_class->reload = lp_kiosks_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/admin/lp-kiosks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LpKiosksPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, LpKiosksPage, location_row);
  gtk_widget_class_bind_template_child (widget_class, LpKiosksPage, problem_label);
  gtk_widget_class_bind_template_child (widget_class, LpKiosksPage, key_group);
  gtk_widget_class_bind_template_child (widget_class, LpKiosksPage, key_label);
  gtk_widget_class_bind_template_child (widget_class, LpKiosksPage, list_box);
  gtk_widget_class_bind_template_child_full (widget_class, "register_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "kiosks.register", NULL, register_activated);
  gtk_widget_class_install_action (widget_class, "kiosks.copy-key", NULL, copy_key_activated);
  gtk_widget_class_install_action (widget_class, "kiosks.revoke", "s", revoke_activated);
}

static void
lp_kiosks_page_init (LpKiosksPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
