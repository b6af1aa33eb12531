/* lp-category-object.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-category-object.h"

struct _LpCategoryObject
{
  LpApiObject parent_instance;
};

G_DEFINE_FINAL_TYPE (LpCategoryObject, lp_category_object, LP_TYPE_API_OBJECT)

static void
lp_category_object_class_init (LpCategoryObjectClass *klass)
{
  static GParamSpec *members[5];

  members[0] = lp_api_param_string ("id", 0);
  members[1] = lp_api_param_string ("name", 0);
  members[2] = lp_api_param_string ("description", LP_API_NULLABLE);
  members[3] = lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, LP_API_NULLABLE);
  members[4] = lp_api_param_boxed ("updated-at", G_TYPE_DATE_TIME, LP_API_NULLABLE);
  lp_api_object_class_install (klass, members, G_N_ELEMENTS (members));
}

static void
lp_category_object_init (LpCategoryObject *self)
{
}
