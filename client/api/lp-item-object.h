/* lp-item-object.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "lp-models.h"

G_BEGIN_DECLS

/*
 * One catalog item as a list model element: an LpItem and the name of its category (the
 * API sends it along). A placeholder has no item yet; the catalog model hands those out
 * for rows whose page is still loading and fills them in place when it arrives, so the
 * rows showing them update through notify::item.
 */

#define LP_TYPE_ITEM_OBJECT (lp_item_object_get_type ())

G_DECLARE_FINAL_TYPE (LpItemObject, lp_item_object, LP, ITEM_OBJECT, GObject)

LpItemObject *lp_item_object_new               (LpItem       *item,
                                                const char   *category_name);
LpItemObject *lp_item_object_new_placeholder   (void);
/* Parses an item of the API, with its "category": {"id", "name"} when present. */
LpItemObject *lp_item_object_new_from_json     (JsonObject   *object,
                                                GError      **error);

/* Returns: (nullable): NULL for a placeholder */
const LpItem *lp_item_object_get_item          (LpItemObject *self);
const char   *lp_item_object_get_category_name (LpItemObject *self);
gboolean      lp_item_object_get_loaded        (LpItemObject *self);
/* Takes the contents of @source (which stays valid) and notifies :item. */
void          lp_item_object_fill              (LpItemObject *self,
                                                LpItemObject *source);

G_END_DECLS
