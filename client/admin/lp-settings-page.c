/* lp-settings-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-settings-page"

#include "config.h"

#include "lp-settings-page.h"

#include "lp-admin-form.h"
#include "lp-error.h"
#include "lp-format.h"
#include "lp-validation.h"

#include <glib/gi18n-lib.h>

enum { F_SCHOOL_NAME, F_SCHOOL_ADDRESS, F_TIMEZONE, F_MAX_LOAN_DAYS, F_FINE_PER_DAY, F_KIOSK_IDLE, N_FIELDS };

/* The API's members, which are also the template's ids of the rows ("<name>_row"). */
static const char * const field_names[N_FIELDS] = {
  "school_name", "school_address", "timezone", "max_loan_days", "fine_per_day", "kiosk_idle_seconds"
};

/* The whole numbers: their property on LpSettingsObject and the range the API allows. */
typedef struct
{
  guint       field;
  const char *property;
  gint64      min;
  gint64      max;
  const char *problem;   /* N_() */
} NumberField;

static const NumberField numbers[] = {
  { F_MAX_LOAN_DAYS, "max-loan-days", 1, 365, N_("Enter a number of days from 1 to 365.") },
  { F_FINE_PER_DAY, "fine-per-day", 0, 100000000,
    N_("Enter a whole amount, 0 or more (0 turns fines off).") },
  { F_KIOSK_IDLE, "kiosk-idle-seconds", 15, 3600,
    N_("Enter a number of seconds from 15 to 3600.") },
};

struct _LpSettingsPage
{
  LpPage            parent_instance;

  GtkStack         *content_stack;
  AdwStatusPage    *error_page;
  GtkLabel         *form_error;

  LpFormField       fields[N_FIELDS];
  LpSettingsObject *settings;       /* as the server last said */
  GCancellable     *cancellable;
  gboolean          busy;
};

G_DEFINE_FINAL_TYPE (LpSettingsPage, lp_settings_page, LP_TYPE_PAGE)

static GtkWidget *
row (LpSettingsPage *self,
     guint           field)
{
  return self->fields[field].row;
}

/* The stored address as the one-line row shows it: a second line (set through the API)
 * follows the first after ", ". */
static char *
address_shown (LpSettingsPage *self)
{
  return lp_format_one_line (lp_api_object_get_string (self->settings, "school-address"));
}

static void
show_settings (LpSettingsPage *self)
{
  const char *school = lp_api_object_get_string (self->settings, "school-name");
  g_autofree char *address = address_shown (self);

  lp_form_clear (self->fields, N_FIELDS, self->form_error);
  gtk_editable_set_text (GTK_EDITABLE (row (self, F_SCHOOL_NAME)), school != NULL ? school : "");
  gtk_editable_set_text (GTK_EDITABLE (row (self, F_SCHOOL_ADDRESS)), address);
  gtk_editable_set_text (GTK_EDITABLE (row (self, F_TIMEZONE)),
                         lp_api_object_get_string (self->settings, "timezone"));
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               lp_api_object_get_int (self->settings,
                                                                      numbers[i].property));

      gtk_editable_set_text (GTK_EDITABLE (row (self, numbers[i].field)), text);
    }
  gtk_stack_set_visible_child_name (self->content_stack, "form");
}

static void
update_actions (LpSettingsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "settings.save",
                                 !self->busy && self->settings != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "settings.revert",
                                 !self->busy && self->settings != NULL);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LpSettingsPage) self = user_data;
  g_autoptr(LpSettingsObject) settings = NULL;
  g_autoptr(GError) error = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &settings, NULL,
                             &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (settings == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      return;
    }
  g_set_object (&self->settings, settings);
  show_settings (self);
  update_actions (self);
}

/* Also the role_changed of the page: what an admin sees is loaded again, anyone else
 * sees none of it. */
static void
lp_settings_page_reload (LpPage *page)
{
  LpSettingsPage *self = LP_SETTINGS_PAGE (page);
  LpSession *session = lp_page_get_session (LP_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = FALSE;
  g_clear_object (&self->settings);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->content_stack, "loading");
  if (session == NULL || lp_session_get_role (session) != LP_ROLE_ADMIN)
    return;
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_SETTINGS_GET, NULL,
                            NULL, NULL, self->cancellable, on_loaded, g_object_ref (self));
}

/* The whole number typed for @number, or its problem. */
static const char *
read_number (LpSettingsPage    *self,
             const NumberField *number,
             gint64            *value)
{
  if (!lp_form_row_int (row (self, number->field), value) ||
      *value < number->min || *value > number->max)
    return number->problem;
  return NULL;
}

static const char *
check_timezone (const char *name)
{
  g_autoptr(GTimeZone) zone = NULL;

  if (*name == '\0')
    return N_("Enter a time zone, for example Asia/Jakarta.");
  zone = g_time_zone_new_identifier (name);
  return zone == NULL ? N_("This is not a known time zone; for example Asia/Jakarta, "
                           "Asia/Makassar or Asia/Jayapura.")
                      : NULL;
}

static gboolean
check_form (LpSettingsPage *self)
{
  g_autofree char *school = lp_form_row_text (row (self, F_SCHOOL_NAME));
  g_autofree char *address = lp_form_row_text (row (self, F_SCHOOL_ADDRESS));
  g_autofree char *zone = lp_form_row_text (row (self, F_TIMEZONE));
  gint64 value = 0;

  lp_form_clear (self->fields, N_FIELDS, self->form_error);
  lp_form_field_set_problem (&self->fields[F_SCHOOL_NAME],
                             lp_validate_text (school, 0, LP_SCHOOL_NAME_MAX_LENGTH, FALSE));
  lp_form_field_set_problem (&self->fields[F_SCHOOL_ADDRESS],
                             lp_validate_school_address (address));
  lp_form_field_set_problem (&self->fields[F_TIMEZONE], check_timezone (zone));
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    lp_form_field_set_problem (&self->fields[numbers[i].field],
                               read_number (self, &numbers[i], &value));
  return !lp_form_has_problems (self->fields, N_FIELDS);
}

/* What changed since the server's copy. */
static JsonNode *
form_body (LpSettingsPage *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *school = lp_form_row_text (row (self, F_SCHOOL_NAME));
  g_autofree char *zone = lp_form_row_text (row (self, F_TIMEZONE));
  g_autofree char *address = lp_form_row_text (row (self, F_SCHOOL_ADDRESS));
  g_autofree char *old_address = address_shown (self);
  const char *old_school = lp_api_object_get_string (self->settings, "school-name");

  json_builder_begin_object (builder);
  if (g_strcmp0 (school, old_school != NULL ? old_school : "") != 0)
    {
      json_builder_set_member_name (builder, "school_name");
      json_builder_add_string_value (builder, school);
    }
  if (g_strcmp0 (address, old_address) != 0)
    {
      json_builder_set_member_name (builder, "school_address");
      json_builder_add_string_value (builder, address);
    }
  if (g_strcmp0 (zone, lp_api_object_get_string (self->settings, "timezone")) != 0)
    {
      json_builder_set_member_name (builder, "timezone");
      json_builder_add_string_value (builder, zone);
    }
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      gint64 value = 0;

      read_number (self, &numbers[i], &value);
      if (value == lp_api_object_get_int (self->settings, numbers[i].property))
        continue;
      json_builder_set_member_name (builder, field_names[numbers[i].field]);
      json_builder_add_int_value (builder, value);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LpSettingsPage) self = user_data;
  g_autoptr(LpSettingsObject) settings = NULL;
  g_autoptr(GError) error = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &settings, NULL,
                             &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  update_actions (self);
  if (settings == NULL)
    {
      lp_form_show_error (self->fields, N_FIELDS, self->form_error, error, NULL);
      return;
    }
  g_set_object (&self->settings, settings);
  show_settings (self);
  lp_page_add_toast (LP_PAGE (self), _("Settings saved"));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LpSettingsPage *self = LP_SETTINGS_PAGE (widget);
  g_autoptr(JsonNode) body = NULL;

  if (self->busy || self->settings == NULL || !check_form (self))
    return;
  body = form_body (self);
  if (json_object_get_size (json_node_get_object (body)) == 0)
    {
      lp_page_add_toast (LP_PAGE (self), _("Nothing to save: the settings are as they were"));
      return;
    }
  self->busy = TRUE;
  update_actions (self);
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_SETTINGS_UPDATE, NULL,
                            NULL, body, self->cancellable, on_saved, g_object_ref (self));
}

static void
revert_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LpSettingsPage *self = LP_SETTINGS_PAGE (widget);

  if (self->settings != NULL && !self->busy)
    show_settings (self);
}

/*
 * LpPage
 */

static void
lp_settings_page_dispose (GObject *object)
{
  LpSettingsPage *self = (LpSettingsPage *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_SETTINGS_PAGE);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lp_settings_page_parent_class)->dispose (object);
}

static void
lp_settings_page_class_init (LpSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpPageClass *page_class = LP_PAGE_CLASS (klass);

  object_class->dispose = lp_settings_page_dispose;
  page_class->role_changed = lp_settings_page_reload;
  page_class->reload = lp_settings_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/admin/lp-settings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LpSettingsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LpSettingsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, LpSettingsPage, form_error);
  lp_form_class_bind (widget_class, field_names, N_FIELDS);
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "revert_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "settings.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "settings.revert", NULL, revert_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "settings.save", NULL);
}

static void
lp_settings_page_init (LpSettingsPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  lp_form_init (self->fields, GTK_WIDGET (self), LP_TYPE_SETTINGS_PAGE, field_names,
                field_names, N_FIELDS);
  update_actions (self);
}
