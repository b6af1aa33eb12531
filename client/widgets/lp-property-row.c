/* lp-property-row.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-property-row"

#include "config.h"

#include "lp-property-row.h"

struct _LpPropertyRow
{
  AdwActionRow  parent_instance;

  GtkLabel     *value_label;
};

G_DEFINE_FINAL_TYPE (LpPropertyRow, lp_property_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lp_property_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, lp_property_row_get_value (LP_PROPERTY_ROW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_property_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_VALUE:
      lp_property_row_set_value (LP_PROPERTY_ROW (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_property_row_class_init (LpPropertyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = lp_property_row_get_property;
  object_class->set_property = lp_property_row_set_property;

  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lp_property_row_init (LpPropertyRow *self)
{
  self->value_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_selectable (self->value_label, TRUE);
  gtk_label_set_wrap (self->value_label, TRUE);
  gtk_label_set_wrap_mode (self->value_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->value_label, 1);
  /* A suffix gets only its minimum width otherwise, and a wrapping label's minimum is
   * one character: the value takes its share of the row. */
  gtk_widget_set_hexpand (GTK_WIDGET (self->value_label), TRUE);
  gtk_label_set_justify (self->value_label, GTK_JUSTIFY_RIGHT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->value_label));
  gtk_widget_add_css_class (GTK_WIDGET (self), "property-row");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

const char *
lp_property_row_get_value (LpPropertyRow *self)
{
  g_return_val_if_fail (LP_IS_PROPERTY_ROW (self), NULL);

  return gtk_label_get_label (self->value_label);
}

void
lp_property_row_set_value (LpPropertyRow *self,
                           const char    *value)
{
  gboolean has_value = value != NULL && *value != '\0';

  g_return_if_fail (LP_IS_PROPERTY_ROW (self));

  if (g_strcmp0 (value, gtk_label_get_label (self->value_label)) == 0 &&
      gtk_widget_get_visible (GTK_WIDGET (self)) == has_value)
    return;
  gtk_label_set_label (self->value_label, has_value ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (self), has_value);
  /* A screen reader reads the row as "Code, LAB-001". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  has_value ? value : "", -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}
