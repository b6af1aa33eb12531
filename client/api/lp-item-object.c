/* lp-item-object.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-item-object"

#include "config.h"

#include "lp-item-object.h"

#include "lp-error.h"
#include "lp-json.h"

struct _LpItemObject
{
  GObject  parent_instance;
  LpItem  *item;            /* NULL for a placeholder */
  char    *category_name;   /* "" when unknown */
};

G_DEFINE_FINAL_TYPE (LpItemObject, lp_item_object, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lp_item_object_finalize (GObject *object)
{
  LpItemObject *self = (LpItemObject *) object;

  g_clear_pointer (&self->item, lp_item_free);
  g_free (self->category_name);

  G_OBJECT_CLASS (lp_item_object_parent_class)->finalize (object);
}

static void
lp_item_object_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LpItemObject *self = LP_ITEM_OBJECT (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_boxed (value, self->item);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->item != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_item_object_class_init (LpItemObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lp_item_object_finalize;
  object_class->get_property = lp_item_object_get_property;

  properties[PROP_ITEM] =
    g_param_spec_boxed ("item", NULL, NULL, LP_TYPE_ITEM,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lp_item_object_init (LpItemObject *self)
{
  self->category_name = g_strdup ("");
}

/* Takes @item. */
LpItemObject *
lp_item_object_new (LpItem     *item,
                    const char *category_name)
{
  LpItemObject *self = g_object_new (LP_TYPE_ITEM_OBJECT, NULL);

  g_return_val_if_fail (item != NULL, self);

  self->item = item;
  g_free (self->category_name);
  self->category_name = g_strdup (category_name != NULL ? category_name : "");
  return self;
}

LpItemObject *
lp_item_object_new_placeholder (void)
{
  return g_object_new (LP_TYPE_ITEM_OBJECT, NULL);
}

LpItemObject *
lp_item_object_new_from_json (JsonObject  *object,
                              GError     **error)
{
  g_autoptr(LpItem) item = NULL;
  JsonObject *category = NULL;
  const char *category_name = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  item = lp_item_new_from_json (object, error);
  if (item == NULL)
    return NULL;
  if (!lp_json_get_object (object, "category", FALSE, &category, error) ||
      (category != NULL &&
       !lp_json_get_string (category, "name", FALSE, &category_name, error)))
    return NULL;
  return lp_item_object_new (g_steal_pointer (&item), category_name);
}

const LpItem *
lp_item_object_get_item (LpItemObject *self)
{
  g_return_val_if_fail (LP_IS_ITEM_OBJECT (self), NULL);

  return self->item;
}

const char *
lp_item_object_get_category_name (LpItemObject *self)
{
  g_return_val_if_fail (LP_IS_ITEM_OBJECT (self), "");

  return self->category_name;
}

gboolean
lp_item_object_get_loaded (LpItemObject *self)
{
  g_return_val_if_fail (LP_IS_ITEM_OBJECT (self), FALSE);

  return self->item != NULL;
}

void
lp_item_object_fill (LpItemObject *self,
                     LpItemObject *source)
{
  gboolean was_loaded;

  g_return_if_fail (LP_IS_ITEM_OBJECT (self));
  g_return_if_fail (LP_IS_ITEM_OBJECT (source));

  if (source->item == NULL)
    return;
  was_loaded = self->item != NULL;
  g_clear_pointer (&self->item, lp_item_free);
  self->item = lp_item_copy (source->item);
  g_free (self->category_name);
  self->category_name = g_strdup (source->category_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  if (!was_loaded)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}
