/* lp-catalog-row.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-catalog-row"

#include "config.h"

#include "lp-catalog-row.h"

#include "lp-enums.h"

#include <glib/gi18n-lib.h>

struct _LpCatalogRow
{
  AdwBin        parent_instance;

  LpItemObject *item;
};

G_DEFINE_FINAL_TYPE (LpCatalogRow, lp_catalog_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * Template callbacks: the labels of lp-catalog-row.ui are bound to the item's
 * properties through these, so a placeholder filled in place or an item changed on the
 * server shows at once.
 */

static char *
row_title (LpCatalogRow *self,
           gboolean      loaded,
           const char   *name)
{
  return g_strdup (loaded ? name : _("Loading…"));
}

static GStrv
title_classes (LpCatalogRow *self,
               gboolean      loaded)
{
  const char *classes[] = { "heading", loaded ? NULL : "dim-label", NULL };

  return g_strdupv ((char **) classes);
}

/* "code · category · author · location", leaving out what an item lacks. The category
 * comes as the object (a lookup of its name would fail, and leave the label as it was,
 * for an item without one). */
static char *
row_subtitle (LpCatalogRow *self,
              const char   *code,
              LpRefObject  *category,
              const char   *author,
              const char   *location)
{
  const char *category_name = category != NULL ? lp_api_object_get_string (category, "name") : NULL;
  const char *parts[] = { code, category_name, author, location };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", parts[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
needs_care (LpCatalogRow    *self,
            LpItemCondition  condition,
            LpItemStatus     status)
{
  return status != LP_ITEM_STATUS_AVAILABLE || condition != LP_ITEM_CONDITION_GOOD;
}

static char *
warning_text (LpCatalogRow    *self,
              LpItemCondition  condition,
              LpItemStatus     status)
{
  if (!needs_care (self, condition, status))
    return NULL;
  /* Translators: the tooltip of a warning sign: condition and status of an item. */
  return g_strdup_printf (_("Condition: %s. Status: %s."), _(lp_item_condition_label (condition)),
                          _(lp_item_status_label (status)));
}

static gboolean
lendable_now (LpItemStatus status,
              int          available)
{
  return lp_item_status_is_lendable (status) && available > 0;
}

static char *
stock_text (LpCatalogRow *self,
            LpItemStatus  status,
            int           available,
            int           total)
{
  if (!lp_item_status_is_lendable (status))
    return g_strdup (_(lp_item_status_label (status)));
  /* Translators: units on the shelf out of units owned, e.g. "2 of 3". */
  return g_strdup_printf (_("%d of %d"), available, total);
}

static char *
stock_tooltip (LpCatalogRow *self,
               LpItemStatus  status,
               int           available)
{
  return g_strdup (lendable_now (status, available) ? _("Units on the shelf now")
                                                    : _("Cannot be borrowed now"));
}

static GStrv
stock_classes (LpCatalogRow *self,
               LpItemStatus  status,
               int           available)
{
  const char *classes[] = { "stock-pill",
                            lendable_now (status, available) ? "available" : "unavailable",
                            NULL };

  return g_strdupv ((char **) classes);
}

static void
lp_catalog_row_dispose (GObject *object)
{
  LpCatalogRow *self = (LpCatalogRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_CATALOG_ROW);
  g_clear_object (&self->item);

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
      if (g_set_object (&self->item, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
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

  g_type_ensure (LP_TYPE_REF_OBJECT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/catalog/lp-catalog-row.ui");
  /* Named for tests and screen-reader scripts; the code itself only binds them. */
  gtk_widget_class_bind_template_child_full (widget_class, "title_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "stock_label", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, row_title);
  gtk_widget_class_bind_template_callback (widget_class, title_classes);
  gtk_widget_class_bind_template_callback (widget_class, row_subtitle);
  gtk_widget_class_bind_template_callback (widget_class, needs_care);
  gtk_widget_class_bind_template_callback (widget_class, warning_text);
  gtk_widget_class_bind_template_callback (widget_class, stock_text);
  gtk_widget_class_bind_template_callback (widget_class, stock_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, stock_classes);
}

static void
lp_catalog_row_init (LpCatalogRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
