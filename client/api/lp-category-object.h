/* lp-category-object.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-api-object.h"

G_BEGIN_DECLS

/* A category of items. Its properties are the API's members (docs/openapi.json); see
 * lp-api-object.h. */

#define LP_TYPE_CATEGORY_OBJECT (lp_category_object_get_type ())

G_DECLARE_FINAL_TYPE (LpCategoryObject, lp_category_object, LP, CATEGORY_OBJECT, LpApiObject)

G_END_DECLS
