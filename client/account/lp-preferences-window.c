/* lp-preferences-window.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-preferences-window"

#include "config.h"

#include "lp-preferences-window.h"

#include <glib/gi18n-lib.h>

struct _LpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *server_row;
  AdwActionRow         *override_row;
  AdwComboRow          *language_row;
  GtkStringList        *language_names;
  AdwComboRow          *receipt_row;
  GtkSwitch            *sounds_switch;

  LpApplication        *application;
};

G_DEFINE_FINAL_TYPE (LpPreferencesWindow, lp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The values of the "language" setting, in the order of the language row. */
static const char * const languages[] = { "system", "id", "en" };
/* The values of "receipt-layout", in the order of the receipt row. */
static const char * const receipt_layouts[] = { "a4", "thermal-80mm" };

static gboolean
layout_to_row (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  const char *layout = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, g_str_equal (layout, receipt_layouts[1]) ? 1 : 0);
  return TRUE;
}

static GVariant *
row_to_layout (const GValue       *value,
               const GVariantType *expected_type,
               gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  return g_variant_new_string (receipt_layouts[selected < G_N_ELEMENTS (receipt_layouts)
                                               ? selected : 0]);
}

static void
on_language_selected (LpPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);
  GSettings *settings;

  if (self->application == NULL || selected >= G_N_ELEMENTS (languages))
    return;
  settings = lp_application_get_settings (self->application);
  g_settings_set_string (settings, "language", languages[selected]);
}

static void
fill_languages (LpPreferencesWindow *self)
{
  /* Each language is named in itself, so that one who cannot read the current one
   * still finds their own. */
  const char *names[] = { _("Follow the System"), "Bahasa Indonesia", "English", NULL };
  g_autofree char *language = NULL;
  guint selected = 0;

  language = g_settings_get_string (lp_application_get_settings (self->application), "language");
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i]) == 0)
      selected = i;
  /* Filling the row selects its first entry: that is not the user choosing it. */
  g_signal_handlers_block_by_func (self->language_row, on_language_selected, self);
  gtk_string_list_splice (self->language_names, 0, 0, names);
  adw_combo_row_set_selected (self->language_row, selected);
  g_signal_handlers_unblock_by_func (self->language_row, on_language_selected, self);
}

gboolean
lp_preferences_window_apply (LpPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GSettings *settings;

  g_return_val_if_fail (LP_IS_PREFERENCES_WINDOW (self), FALSE);

  url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row))));
  if (!lp_api_client_check_base_url (url, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->server_row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return FALSE;
    }
  settings = lp_application_get_settings (self->application);
  g_settings_set_string (settings, "server-url", url);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Server address saved")));
  return TRUE;
}

static void
on_apply (LpPreferencesWindow *self)
{
  lp_preferences_window_apply (self);
}

static void
on_changed (LpPreferencesWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->server_row), "error");
}

static void
lp_preferences_window_dispose (GObject *object)
{
  LpPreferencesWindow *self = (LpPreferencesWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (lp_preferences_window_parent_class)->dispose (object);
}

static void
lp_preferences_window_class_init (LpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/id/lenterapustaka/Lentera/account/lp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LpPreferencesWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, LpPreferencesWindow, override_row);
  gtk_widget_class_bind_template_child (widget_class, LpPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, LpPreferencesWindow, language_names);
  gtk_widget_class_bind_template_child (widget_class, LpPreferencesWindow, receipt_row);
  gtk_widget_class_bind_template_child (widget_class, LpPreferencesWindow, sounds_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_language_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
lp_preferences_window_init (LpPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LpPreferencesWindow *
lp_preferences_window_new (LpApplication *application)
{
  LpPreferencesWindow *self;
  g_autofree char *url = NULL;
  const char *override;

  g_return_val_if_fail (LP_IS_APPLICATION (application), NULL);

  self = g_object_new (LP_TYPE_PREFERENCES_WINDOW, NULL);
  self->application = g_object_ref (application);
  fill_languages (self);
  g_settings_bind_with_mapping (lp_application_get_settings (application), "receipt-layout",
                                self->receipt_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                layout_to_row, row_to_layout, NULL, NULL);
  g_settings_bind (lp_application_get_settings (application), "desk-sounds",
                   self->sounds_switch, "active", G_SETTINGS_BIND_DEFAULT);
  url = g_settings_get_string (lp_application_get_settings (application), "server-url");
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), url);
  override = lp_application_get_server_override (application);
  if (override != NULL)
    {
      g_autofree char *note = NULL;

      /* Translators: %s is a server address given with --server. */
      note = g_strdup_printf (_("This run uses %s. The address above applies from the next start."),
                              override);
      adw_action_row_set_subtitle (self->override_row, note);
      gtk_widget_set_visible (GTK_WIDGET (self->override_row), TRUE);
    }
  return self;
}
