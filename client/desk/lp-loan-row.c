/* lp-loan-row.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-loan-row"

#include "config.h"

#include "lp-loan-row.h"

#include "lp-format.h"

#include <glib/gi18n-lib.h>

struct _LpLoanRow
{
  AdwBin        parent_instance;

  LpLoanObject *loan;
};

G_DEFINE_FINAL_TYPE (LpLoanRow, lp_loan_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Template callbacks of lp-loan-row.ui. */

static char *
item_text (LpLoanRow   *self,
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
member_text (LpLoanRow   *self,
             LpRefObject *user,
             const char  *code)
{
  const char *name = user != NULL ? lp_api_object_get_string (user, "full-name") : NULL;

  if (name == NULL)
    return g_strdup (code);
  return code != NULL ? g_strdup_printf ("%s · %s", name, code) : g_strdup (name);
}

static char *
dates_text (LpLoanRow *self,
            GDate     *start,
            GDate     *due)
{
  g_autofree char *from = start != NULL ? lp_format_date_long (start) : NULL;
  g_autofree char *to = due != NULL ? lp_format_date_long (due) : NULL;

  if (from == NULL || to == NULL)
    return NULL;
  /* Translators: a range of dates, from the first to the last. */
  return g_strdup_printf (_("%s – %s"), from, to);
}

static void
lp_loan_row_dispose (GObject *object)
{
  LpLoanRow *self = (LpLoanRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_LOAN_ROW);
  g_clear_object (&self->loan);

  G_OBJECT_CLASS (lp_loan_row_parent_class)->dispose (object);
}

static void
lp_loan_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LOAN:
      g_value_set_object (value, LP_LOAN_ROW (object)->loan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_loan_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LpLoanRow *self = LP_LOAN_ROW (object);

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
lp_loan_row_class_init (LpLoanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_loan_row_dispose;
  object_class->get_property = lp_loan_row_get_property;
  object_class->set_property = lp_loan_row_set_property;

  properties[PROP_LOAN] =
    g_param_spec_object ("loan", NULL, NULL, LP_TYPE_LOAN_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/desk/lp-loan-row.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "item_label", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, item_text);
  gtk_widget_class_bind_template_callback (widget_class, member_text);
  gtk_widget_class_bind_template_callback (widget_class, dates_text);
}

static void
lp_loan_row_init (LpLoanRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
