/* lp-catalog-row.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-catalog-row"

#include "config.h"

#include "lp-catalog-row.h"

#include <glib/gi18n-lib.h>

struct _LpCatalogRow
{
  AdwBin        parent_instance;

  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;
  GtkImage     *warning_icon;
  GtkLabel     *stock_label;

  LpItemObject *item;
  gulong        notify_id;
};

G_DEFINE_FINAL_TYPE (LpCatalogRow, lp_catalog_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The warning an item of this condition and status carries, or NULL. */
static char *
warning_text (const LpItem *item)
{
  if (item->status == LP_ITEM_STATUS_AVAILABLE && item->condition == LP_ITEM_CONDITION_GOOD)
    return NULL;
  /* Translators: the tooltip of a warning sign: condition and status of an item. */
  return g_strdup_printf (_("Condition: %s. Status: %s."),
                          _(lp_item_condition_label (item->condition)),
                          _(lp_item_status_label (item->status)));
}

static void
show_placeholder (LpCatalogRow *self)
{
  gtk_label_set_label (self->title_label, _("Loading…"));
  gtk_label_set_label (self->subtitle_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->warning_icon), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->stock_label), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
}

static void
update (LpCatalogRow *self)
{
  const LpItem *item = self->item != NULL ? lp_item_object_get_item (self->item) : NULL;
  const char *category;
  g_autoptr(GString) subtitle = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *stock = NULL;
  gboolean lendable;

  if (item == NULL)
    {
      show_placeholder (self);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "dim-label");
  gtk_label_set_label (self->title_label, item->name);

  subtitle = g_string_new (item->code);
  category = lp_item_object_get_category_name (self->item);
  if (*category != '\0')
    g_string_append_printf (subtitle, " · %s", category);
  if (item->author != NULL && *item->author != '\0')
    g_string_append_printf (subtitle, " · %s", item->author);
  if (item->location != NULL && *item->location != '\0')
    g_string_append_printf (subtitle, " · %s", item->location);
  gtk_label_set_label (self->subtitle_label, subtitle->str);

  warning = warning_text (item);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_icon), warning != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->warning_icon), warning);

  lendable = lp_item_status_is_lendable (item->status) && item->stock_available > 0;
  if (lp_item_status_is_lendable (item->status))
    /* Translators: units on the shelf out of units owned, e.g. "2 of 3". */
    stock = g_strdup_printf (_("%d of %d"), item->stock_available, item->stock_total);
  else
    stock = g_strdup (_(lp_item_status_label (item->status)));
  gtk_label_set_label (self->stock_label, stock);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->stock_label),
                               lendable ? _("Units on the shelf now")
                                        : _("Cannot be borrowed now"));
  gtk_widget_set_visible (GTK_WIDGET (self->stock_label), TRUE);
  if (lendable)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->stock_label), "available");
      gtk_widget_remove_css_class (GTK_WIDGET (self->stock_label), "unavailable");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->stock_label), "unavailable");
      gtk_widget_remove_css_class (GTK_WIDGET (self->stock_label), "available");
    }
}

static void
on_item_notify (LpCatalogRow *self)
{
  update (self);
}

static void
lp_catalog_row_dispose (GObject *object)
{
  LpCatalogRow *self = (LpCatalogRow *) object;

  lp_catalog_row_set_item (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_CATALOG_ROW);

  G_OBJECT_CLASS (lp_catalog_row_parent_class)->dispose (object);
}

static void
lp_catalog_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LpCatalogRow *self = LP_CATALOG_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_catalog_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LpCatalogRow *self = LP_CATALOG_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      lp_catalog_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_catalog_row_class_init (LpCatalogRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_catalog_row_dispose;
  object_class->get_property = lp_catalog_row_get_property;
  object_class->set_property = lp_catalog_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, LP_TYPE_ITEM_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/catalog/lp-catalog-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LpCatalogRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogRow, warning_icon);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogRow, stock_label);
}

static void
lp_catalog_row_init (LpCatalogRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_placeholder (self);
}

LpItemObject *
lp_catalog_row_get_item (LpCatalogRow *self)
{
  g_return_val_if_fail (LP_IS_CATALOG_ROW (self), NULL);

  return self->item;
}

void
lp_catalog_row_set_item (LpCatalogRow *self,
                         LpItemObject *item)
{
  g_return_if_fail (LP_IS_CATALOG_ROW (self));
  g_return_if_fail (item == NULL || LP_IS_ITEM_OBJECT (item));

  if (self->item == item)
    return;
  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_id, self->item);
  g_set_object (&self->item, item);
  if (item != NULL)
    self->notify_id = g_signal_connect_swapped (item, "notify::item",
                                                G_CALLBACK (on_item_notify), self);
  if (self->title_label != NULL)
    update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

const char *
lp_catalog_row_get_title (LpCatalogRow *self)
{
  g_return_val_if_fail (LP_IS_CATALOG_ROW (self), NULL);

  return gtk_label_get_label (self->title_label);
}
