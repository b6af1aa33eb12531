/* lp-item-object.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-api-object.h"

G_BEGIN_DECLS

/* A catalog item, with its category as a reference. An item made with g_object_new()
 * is a placeholder the paged model fills in place when its page arrives. Its
 * properties are the API's members (docs/openapi.json); see lp-api-object.h. */

#define LP_TYPE_ITEM_OBJECT (lp_item_object_get_type ())

G_DECLARE_FINAL_TYPE (LpItemObject, lp_item_object, LP, ITEM_OBJECT, LpApiObject)

G_END_DECLS
