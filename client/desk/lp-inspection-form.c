/* lp-inspection-form.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-inspection-form"

#include "config.h"

#include "lp-inspection-form.h"

#include "lp-api-client.h"
#include "lp-format.h"
#include "lp-photo-strip.h"
#include "lp-validation.h"

#include <glib/gi18n-lib.h>

struct _LpInspectionForm
{
  GtkBox           parent_instance;

  GtkDropDown     *condition_dropdown;
  GtkMenuButton   *date_button;
  GtkCalendar     *calendar;
  GtkEntry        *description_entry;
  GtkDropDown     *category_dropdown;
  GtkStringList   *category_names;
  GtkEntry        *notes_entry;
  GtkLabel        *hint_label;
  AdwBin          *photos_bin;
  LpPhotoStrip    *photos;

  LpItemCondition  condition;
  GDate            returned_on;
  gboolean         complete;
};

G_DEFINE_FINAL_TYPE (LpInspectionForm, lp_inspection_form, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_COMPLETE,
  PROP_CONDITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_complete (LpInspectionForm *self)
{
  g_autofree char *description = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_entry)));
  gboolean described = *g_strstrip (description) != '\0';
  gboolean uploading = self->photos != NULL && lp_photo_strip_get_busy (self->photos);
  gboolean complete = (self->condition == LP_ITEM_CONDITION_GOOD || described) && !uploading;

  gtk_label_set_label (self->hint_label, complete ? ""
                       : uploading ? _("Uploading the photos…")
                       : self->condition == LP_ITEM_CONDITION_LOST
                       ? _("Say what is missing: the complaint opened for the lost item quotes it.")
                       : _("Describe the damage before recording the return."));
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), !complete);
  if (complete == self->complete)
    return;
  self->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

/* The conditions of the drop-down, in its order (seed: Baik, Rusak ringan, Rusak berat,
 * Hilang). */
static const LpItemCondition conditions[] = {
  LP_ITEM_CONDITION_GOOD, LP_ITEM_CONDITION_MINOR_DAMAGE, LP_ITEM_CONDITION_MAJOR_DAMAGE,
  LP_ITEM_CONDITION_LOST,
};

/* The officer may still change their mind about the condition in the form. */
static void
on_condition_selected (LpInspectionForm *self)
{
  guint selected = gtk_drop_down_get_selected (self->condition_dropdown);
  LpItemCondition condition = conditions[MIN (selected, G_N_ELEMENTS (conditions) - 1)];

  if (condition == self->condition)
    return;
  self->condition = condition;
  update_complete (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONDITION]);
}

static void
show_date (LpInspectionForm *self)
{
  g_autofree char *text = lp_format_date_long (&self->returned_on);

  gtk_menu_button_set_label (self->date_button, text);
}

/* A return cannot come back from the future: a later day goes back to today. */
static void
on_day_selected (LpInspectionForm *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);
  GDate today, day;

  lp_format_today (&today);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (picked),
                  (GDateMonth) g_date_time_get_month (picked),
                  (GDateYear) g_date_time_get_year (picked));
  self->returned_on = g_date_compare (&day, &today) > 0 ? today : day;
  show_date (self);
  gtk_menu_button_popdown (self->date_button);
}

static void
lp_inspection_form_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COMPLETE:
      g_value_set_boolean (value, LP_INSPECTION_FORM (object)->complete);
      break;
    case PROP_CONDITION:
      g_value_set_enum (value, LP_INSPECTION_FORM (object)->condition);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_inspection_form_class_init (LpInspectionFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lp_inspection_form_get_property;

  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONDITION] =
    g_param_spec_enum ("condition", NULL, NULL, LP_TYPE_ITEM_CONDITION, LP_ITEM_CONDITION_GOOD,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/desk/lp-inspection-form.ui");
  gtk_widget_class_bind_template_child (widget_class, LpInspectionForm, condition_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LpInspectionForm, date_button);
  gtk_widget_class_bind_template_child (widget_class, LpInspectionForm, calendar);
  gtk_widget_class_bind_template_child (widget_class, LpInspectionForm, description_entry);
  gtk_widget_class_bind_template_child (widget_class, LpInspectionForm, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LpInspectionForm, category_names);
  gtk_widget_class_bind_template_child (widget_class, LpInspectionForm, notes_entry);
  gtk_widget_class_bind_template_child (widget_class, LpInspectionForm, hint_label);
  gtk_widget_class_bind_template_child (widget_class, LpInspectionForm, photos_bin);
  gtk_widget_class_bind_template_callback (widget_class, update_complete);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_condition_selected);
}

static void
lp_inspection_form_init (LpInspectionForm *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GEnumClass *categories;

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (conditions); i++)
    gtk_string_list_append (names, _(lp_item_condition_label (conditions[i])));
  gtk_drop_down_set_model (self->condition_dropdown, G_LIST_MODEL (names));
  categories = g_type_class_ref (LP_TYPE_DAMAGE_CATEGORY);
  for (guint i = 0; i < categories->n_values; i++)
    gtk_string_list_append (self->category_names,
                            _(lp_damage_category_label (categories->values[i].value)));
  g_type_class_unref (categories);
  lp_format_today (&self->returned_on);
  show_date (self);
}

/* A photo refused (too large, not an image): said where the hints are. */
static void
on_photo_failed (LpInspectionForm *self,
                 const char       *message)
{
  gtk_label_set_label (self->hint_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), TRUE);
}

GtkWidget *
lp_inspection_form_new (LpItemCondition  condition,
                        LpApiClient     *client)
{
  LpInspectionForm *self = g_object_new (LP_TYPE_INSPECTION_FORM, NULL);

  self->photos = LP_PHOTO_STRIP (lp_photo_strip_new (client, TRUE));
  adw_bin_set_child (self->photos_bin, GTK_WIDGET (self->photos));
  g_signal_connect_swapped (self->photos, "notify::busy", G_CALLBACK (update_complete), self);
  g_signal_connect_swapped (self->photos, "failed", G_CALLBACK (on_photo_failed), self);
  self->condition = condition;
  for (guint i = 0; i < G_N_ELEMENTS (conditions); i++)
    if (conditions[i] == condition)
      gtk_drop_down_set_selected (self->condition_dropdown, i);
  self->complete = TRUE;
  update_complete (self);
  return GTK_WIDGET (self);
}

LpItemCondition
lp_inspection_form_get_condition (LpInspectionForm *self)
{
  g_return_val_if_fail (LP_IS_INSPECTION_FORM (self), LP_ITEM_CONDITION_GOOD);

  return self->condition;
}

gboolean
lp_inspection_form_get_complete (LpInspectionForm *self)
{
  g_return_val_if_fail (LP_IS_INSPECTION_FORM (self), FALSE);

  return self->complete;
}

/* An earlier day is recorded at noon, local time: the server refuses a time before the
 * hand-over, and noon is the fairest guess of "some time that day". Today is "now". */
static char *
returned_at_text (LpInspectionForm *self)
{
  g_autoptr(GDateTime) noon = NULL;
  GDate today;

  lp_format_today (&today);
  if (g_date_compare (&self->returned_on, &today) >= 0)
    return NULL;
  noon = g_date_time_new_local (g_date_get_year (&self->returned_on),
                                g_date_get_month (&self->returned_on),
                                g_date_get_day (&self->returned_on), 12, 0, 0);
  return lp_format_timestamp (noon);
}

JsonNode *
lp_inspection_form_get_body (LpInspectionForm *self)
{
  g_autofree char *returned_at = NULL;
  g_auto(GStrv) ids = NULL;
  const char *notes;
  GEnumClass *categories;
  JsonNode *body;
  guint category;

  g_return_val_if_fail (LP_IS_INSPECTION_FORM (self), NULL);

  returned_at = returned_at_text (self);
  notes = gtk_editable_get_text (GTK_EDITABLE (self->notes_entry));
  categories = g_type_class_ref (LP_TYPE_DAMAGE_CATEGORY);
  category = MIN (gtk_drop_down_get_selected (self->category_dropdown), categories->n_values - 1);
  body = lp_api_body_new ("condition", lp_item_condition_to_string (self->condition),
                          "returned_at", returned_at,
                          "damage_description",
                          gtk_editable_get_text (GTK_EDITABLE (self->description_entry)),
                          "damage_category", categories->values[category].value_nick,
                          "staff_notes", *notes != '\0' ? notes : NULL,
                          NULL);
  g_type_class_unref (categories);
  ids = lp_photo_strip_dup_ids (self->photos);
  if (ids != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; ids[i] != NULL; i++)
        json_array_add_string_element (array, ids[i]);
      json_object_set_array_member (json_node_get_object (body), "attachment_ids", array);
    }
  return body;
}

LpPhotoStrip *
lp_inspection_form_get_photos (LpInspectionForm *self)
{
  g_return_val_if_fail (LP_IS_INSPECTION_FORM (self), NULL);

  return self->photos;
}

void
lp_inspection_form_focus (LpInspectionForm *self)
{
  g_return_if_fail (LP_IS_INSPECTION_FORM (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->description_entry));
}
