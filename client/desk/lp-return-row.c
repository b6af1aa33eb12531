/* lp-return-row.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-return-row"

#include "config.h"

#include "lp-return-row.h"

#include "lp-enums.h"
#include "lp-format.h"

#include <glib/gi18n-lib.h>

struct _LpReturnRow
{
  AdwBin          parent_instance;

  LpReturnObject *ret;
};

G_DEFINE_FINAL_TYPE (LpReturnRow, lp_return_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_RETURN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Template callbacks of lp-return-row.ui. */

static char *
item_text (LpReturnRow *self,
           gboolean     loaded,
           LpRefObject *item)
{
  if (!loaded)
    return g_strdup (_("Loading…"));
  if (item == NULL)
    return NULL;
  /* Translators: an item's code and name, e.g. "LAB-001 — Mikroskop". */
  return g_strdup_printf (_("%s — %s"), lp_api_object_get_string (item, "code"),
                          lp_api_object_get_string (item, "name"));
}

static char *
member_text (LpReturnRow *self,
             LpRefObject *user,
             LpRefObject *loan)
{
  const char *name = user != NULL ? lp_api_object_get_string (user, "full-name") : NULL;
  const char *code = loan != NULL ? lp_api_object_get_string (loan, "code") : NULL;

  if (name == NULL)
    return g_strdup (code);
  return code != NULL ? g_strdup_printf ("%s · %s", name, code) : g_strdup (name);
}

static char *
time_text (LpReturnRow *self,
           GDateTime   *returned_at)
{
  g_autoptr(GDateTime) local = returned_at != NULL ? g_date_time_to_local (returned_at) : NULL;
  g_autofree char *when = local != NULL ? lp_format_time_long (local) : NULL;

  /* Translators: when an item came back, e.g. "Returned 3 December 2026, 10:15". */
  return when != NULL ? g_strdup_printf (_("Returned %s"), when) : NULL;
}

static char *
condition_text (LpReturnRow     *self,
                gboolean         loaded,
                LpItemCondition  condition,
                const char      *damage)
{
  const char *label;

  if (!loaded)
    return NULL;
  label = _(lp_item_condition_label (condition));
  /* Translators: a return's condition and the damage described, e.g.
   * "Minor damage · lens cracked". */
  return damage != NULL && *damage != '\0' ? g_strdup_printf (_("%s · %s"), label, damage)
                                           : g_strdup (label);
}

static GStrv
condition_classes (LpReturnRow     *self,
                   LpItemCondition  condition)
{
  const char * const classes[] = {
    "caption-heading",
    condition == LP_ITEM_CONDITION_GOOD ? "success"
    : condition == LP_ITEM_CONDITION_LOST ? "error" : "warning",
    NULL
  };

  return g_strdupv ((char **) classes);
}

static void
lp_return_row_dispose (GObject *object)
{
  LpReturnRow *self = (LpReturnRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_RETURN_ROW);
  g_clear_object (&self->ret);

  G_OBJECT_CLASS (lp_return_row_parent_class)->dispose (object);
}

static void
lp_return_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_RETURN:
      g_value_set_object (value, LP_RETURN_ROW (object)->ret);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_return_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LpReturnRow *self = LP_RETURN_ROW (object);

  switch (prop_id)
    {
    case PROP_RETURN:
      if (g_set_object (&self->ret, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_return_row_class_init (LpReturnRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_return_row_dispose;
  object_class->get_property = lp_return_row_get_property;
  object_class->set_property = lp_return_row_set_property;

  properties[PROP_RETURN] =
    g_param_spec_object ("return", NULL, NULL, LP_TYPE_RETURN_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/desk/lp-return-row.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "condition_label", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, item_text);
  gtk_widget_class_bind_template_callback (widget_class, member_text);
  gtk_widget_class_bind_template_callback (widget_class, time_text);
  gtk_widget_class_bind_template_callback (widget_class, condition_text);
  gtk_widget_class_bind_template_callback (widget_class, condition_classes);
}

static void
lp_return_row_init (LpReturnRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
