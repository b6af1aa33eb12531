/* lp-my-loan-row.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-my-loan-row"

#include "config.h"

#include "lp-my-loan-row.h"

#include "lp-enums.h"
#include "lp-format.h"

#include <glib/gi18n-lib.h>

struct _LpMyLoanRow
{
  AdwBin        parent_instance;

  LpLoanObject *loan;
};

G_DEFINE_FINAL_TYPE (LpMyLoanRow, lp_my_loan_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Template callbacks of lp-my-loan-row.ui. */

static char *
item_text (LpMyLoanRow *self,
           gboolean     loaded,
           LpRefObject *item,
           int          quantity)
{
  const char *name = item != NULL ? lp_api_object_get_string (item, "name") : NULL;

  if (!loaded)
    return g_strdup (_("Loading…"));
  /* Translators: an item and how many units of it a loan is for, e.g. "Mikroskop × 2". */
  return quantity > 1 ? g_strdup_printf (_("%s × %d"), name, quantity) : g_strdup (name);
}

static char *
dates_text (LpMyLoanRow *self,
            GDate       *start,
            GDate       *due)
{
  g_autofree char *from = start != NULL ? lp_format_date_long (start) : NULL;
  g_autofree char *to = due != NULL ? lp_format_date_long (due) : NULL;

  if (from == NULL || to == NULL)
    return NULL;
  /* Translators: a range of dates, from the first to the last. */
  return g_strdup_printf (_("%s – %s"), from, to);
}

static char *
status_text (LpMyLoanRow  *self,
             gboolean      loaded,
             LpLoanStatus  status)
{
  return g_strdup (loaded ? _(lp_loan_status_label (status)) : "");
}

static GStrv
status_classes (LpMyLoanRow  *self,
                gboolean      loaded,
                LpLoanStatus  status)
{
  const char * const classes[] = { "status-pill", loaded ? lp_loan_status_to_string (status) : NULL,
                                   NULL };

  return g_strdupv ((char **) classes);
}

static gboolean
is_pending (LpMyLoanRow  *self,
            gboolean      loaded,
            LpLoanStatus  status)
{
  return loaded && status == LP_LOAN_STATUS_PENDING;
}

static void
on_cancel_clicked (LpMyLoanRow *self)
{
  if (self->loan != NULL && lp_api_object_get_loaded (self->loan))
    gtk_widget_activate_action (GTK_WIDGET (self), "my-loans.cancel", "s",
                                lp_api_object_get_id (self->loan));
}

static void
lp_my_loan_row_dispose (GObject *object)
{
  LpMyLoanRow *self = (LpMyLoanRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_MY_LOAN_ROW);
  g_clear_object (&self->loan);

  G_OBJECT_CLASS (lp_my_loan_row_parent_class)->dispose (object);
}

static void
lp_my_loan_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LOAN:
      g_value_set_object (value, LP_MY_LOAN_ROW (object)->loan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_my_loan_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LpMyLoanRow *self = LP_MY_LOAN_ROW (object);

  switch (prop_id)
    {
    case PROP_LOAN:
      if (g_set_object (&self->loan, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_my_loan_row_class_init (LpMyLoanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_my_loan_row_dispose;
  object_class->get_property = lp_my_loan_row_get_property;
  object_class->set_property = lp_my_loan_row_set_property;

  properties[PROP_LOAN] =
    g_param_spec_object ("loan", NULL, NULL, LP_TYPE_LOAN_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/member/lp-my-loan-row.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "item_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "status_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "cancel_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, item_text);
  gtk_widget_class_bind_template_callback (widget_class, dates_text);
  gtk_widget_class_bind_template_callback (widget_class, status_text);
  gtk_widget_class_bind_template_callback (widget_class, status_classes);
  gtk_widget_class_bind_template_callback (widget_class, is_pending);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
}

static void
lp_my_loan_row_init (LpMyLoanRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
