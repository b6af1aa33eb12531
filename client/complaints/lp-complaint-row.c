/* lp-complaint-row.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-complaint-row"

#include "config.h"

#include "lp-complaint-row.h"

#include "lp-enums.h"

#include <glib/gi18n-lib.h>

struct _LpComplaintRow
{
  AdwBin             parent_instance;

  LpComplaintObject *complaint;
};

G_DEFINE_FINAL_TYPE (LpComplaintRow, lp_complaint_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_COMPLAINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
lp_complaint_row_age_text (GDateTime *created_at)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) local = NULL;
  GDate then, today;
  int days;

  if (created_at == NULL)
    return NULL;
  local = g_date_time_to_local (created_at);
  g_date_clear (&then, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&then, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  days = MAX (0, g_date_days_between (&then, &today));
  if (days == 0)
    return g_strdup (_("Filed today"));
  if (days == 1)
    return g_strdup (_("Filed yesterday"));
  /* Translators: how long ago a complaint was filed. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Filed %d day ago",
                                       "Filed %d days ago", days), days);
}

GStrv
lp_complaint_row_status_classes (LpComplaintStatus status)
{
  const char *kind;
  const char *classes[] = { "status-pill", NULL, NULL };

  switch (status)
    {
    case LP_COMPLAINT_STATUS_WAITING:
      kind = "waiting";
      break;
    case LP_COMPLAINT_STATUS_IN_PROGRESS:
      kind = "in-progress";
      break;
    case LP_COMPLAINT_STATUS_DONE:
      kind = "done";
      break;
    case LP_COMPLAINT_STATUS_CLOSED:
    default:
      kind = "closed";
      break;
    }
  classes[1] = kind;
  return g_strdupv ((char **) classes);
}

/* Template callbacks of lp-complaint-row.ui. */

static char *
title_text (LpComplaintRow *self,
            gboolean        loaded,
            const char     *title)
{
  return g_strdup (loaded ? title : _("Loading…"));
}

/* "Andi Pratama · Lab IPA · Mikroskop Binokuler": who, where, about what. */
static char *
where_text (LpComplaintRow *self,
            LpRefObject    *reporter,
            gboolean        is_system,
            const char     *location,
            LpRefObject    *item,
            LpRefObject    *category)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *who = reporter != NULL ? lp_api_object_get_string (reporter, "full-name") : NULL;
  const char *what = item != NULL ? lp_api_object_get_string (item, "name")
                     : category != NULL ? lp_api_object_get_string (category, "name") : NULL;
  const char *parts[3];

  parts[0] = who != NULL ? who : is_system ? _("Opened at a return") : NULL;
  parts[1] = location;
  parts[2] = what;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", parts[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
age_text (LpComplaintRow *self,
          GDateTime      *created_at)
{
  return lp_complaint_row_age_text (created_at);
}

static char *
status_text (LpComplaintRow    *self,
             gboolean           loaded,
             LpComplaintStatus  status)
{
  return loaded ? g_strdup (_(lp_complaint_status_label (status))) : NULL;
}

static GStrv
status_classes (LpComplaintRow    *self,
                LpComplaintStatus  status)
{
  return lp_complaint_row_status_classes (status);
}

static void
lp_complaint_row_dispose (GObject *object)
{
  LpComplaintRow *self = (LpComplaintRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_COMPLAINT_ROW);
  g_clear_object (&self->complaint);

  G_OBJECT_CLASS (lp_complaint_row_parent_class)->dispose (object);
}

static void
lp_complaint_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COMPLAINT:
      g_value_set_object (value, LP_COMPLAINT_ROW (object)->complaint);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_complaint_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LpComplaintRow *self = LP_COMPLAINT_ROW (object);

  switch (prop_id)
    {
    case PROP_COMPLAINT:
      if (g_set_object (&self->complaint, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_complaint_row_class_init (LpComplaintRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_complaint_row_dispose;
  object_class->get_property = lp_complaint_row_get_property;
  object_class->set_property = lp_complaint_row_set_property;

  properties[PROP_COMPLAINT] =
    g_param_spec_object ("complaint", NULL, NULL, LP_TYPE_COMPLAINT_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LP_TYPE_REF_OBJECT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/complaints/lp-complaint-row.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "title_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "status_label", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, title_text);
  gtk_widget_class_bind_template_callback (widget_class, where_text);
  gtk_widget_class_bind_template_callback (widget_class, age_text);
  gtk_widget_class_bind_template_callback (widget_class, status_text);
  gtk_widget_class_bind_template_callback (widget_class, status_classes);
}

static void
lp_complaint_row_init (LpComplaintRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
