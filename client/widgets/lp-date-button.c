/* lp-date-button.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-date-button"

#include "config.h"

#include "lp-date-button.h"

#include "lp-format.h"

#include <glib/gi18n-lib.h>

struct _LpDateButton
{
  AdwBin         parent_instance;

  GtkMenuButton *button;
  GtkLabel      *label;
  GtkPopover    *popover;
  GtkCalendar   *calendar;

  GDate          date;         /* invalid (cleared) while none is picked */
  char          *title;
  char          *placeholder;
};

G_DEFINE_FINAL_TYPE (LpDateButton, lp_date_button, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATE,
  PROP_TITLE,
  PROP_PLACEHOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_date (LpDateButton *self)
{
  g_autofree char *day = g_date_valid (&self->date) ? lp_format_date_long (&self->date) : NULL;
  g_autofree char *text = NULL;

  if (day != NULL && self->title != NULL)
    /* Translators: a date filter and its day, e.g. "From 3 December 2026". */
    text = g_strdup_printf (_("%s %s"), self->title, day);
  gtk_label_set_label (self->label, text != NULL ? text
                             : day != NULL ? day
                             : self->placeholder != NULL ? self->placeholder : "");
}

static void
on_day_selected (LpDateButton *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (picked),
                  (GDateMonth) g_date_time_get_month (picked),
                  (GDateYear) g_date_time_get_year (picked));
  lp_date_button_set_date (self, &day);
  gtk_popover_popdown (self->popover);
}

static void
on_clear_clicked (LpDateButton *self)
{
  lp_date_button_set_date (self, NULL);
  gtk_popover_popdown (self->popover);
}

static void
lp_date_button_finalize (GObject *object)
{
  LpDateButton *self = (LpDateButton *) object;

  g_free (self->title);
  g_free (self->placeholder);

  G_OBJECT_CLASS (lp_date_button_parent_class)->finalize (object);
}

static void
lp_date_button_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LpDateButton *self = LP_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_boxed (value, lp_date_button_get_date (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PLACEHOLDER:
      g_value_set_string (value, self->placeholder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_date_button_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LpDateButton *self = LP_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      lp_date_button_set_date (self, g_value_get_boxed (value));
      break;
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      self->title != NULL ? self->title : "", -1);
      show_date (self);
      break;
    case PROP_PLACEHOLDER:
      g_free (self->placeholder);
      self->placeholder = g_value_dup_string (value);
      show_date (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_date_button_class_init (LpDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* No dispose_template(): the menu button is the AdwBin's own child, which AdwBin drops
   * itself. */
  object_class->finalize = lp_date_button_finalize;
  object_class->get_property = lp_date_button_get_property;
  object_class->set_property = lp_date_button_set_property;

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/widgets/lp-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, LpDateButton, button);
  gtk_widget_class_bind_template_child (widget_class, LpDateButton, label);
  gtk_widget_class_bind_template_child (widget_class, LpDateButton, popover);
  gtk_widget_class_bind_template_child (widget_class, LpDateButton, calendar);
  gtk_widget_class_bind_template_child_full (widget_class, "clear_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);
}

static void
lp_date_button_init (LpDateButton *self)
{
  g_date_clear (&self->date, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
  show_date (self);
}

const GDate *
lp_date_button_get_date (LpDateButton *self)
{
  g_return_val_if_fail (LP_IS_DATE_BUTTON (self), NULL);

  return g_date_valid (&self->date) ? &self->date : NULL;
}

void
lp_date_button_set_date (LpDateButton *self,
                         const GDate  *date)
{
  gboolean valid = date != NULL && g_date_valid (date);

  g_return_if_fail (LP_IS_DATE_BUTTON (self));

  if (valid == g_date_valid (&self->date) && (!valid || g_date_compare (date, &self->date) == 0))
    return;
  if (valid)
    self->date = *date;
  else
    g_date_clear (&self->date, 1);
  show_date (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

char *
lp_date_button_dup_iso (LpDateButton *self)
{
  char text[11];

  g_return_val_if_fail (LP_IS_DATE_BUTTON (self), NULL);

  if (!g_date_valid (&self->date))
    return NULL;
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &self->date);
  return g_strdup (text);
}
