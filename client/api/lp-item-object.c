/* lp-item-object.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-item-object.h"

#include "lp-enums.h"
#include "lp-ref-object.h"

struct _LpItemObject
{
  LpApiObject parent_instance;
};

G_DEFINE_FINAL_TYPE (LpItemObject, lp_item_object, LP_TYPE_API_OBJECT)

static void
lp_item_object_class_init (LpItemObjectClass *klass)
{
  static GParamSpec *members[18];

  members[0] = lp_api_param_string ("id", 0);
  members[1] = lp_api_param_string ("code", 0);
  members[2] = lp_api_param_string ("name", 0);
  members[3] = lp_api_param_string ("category-id", 0);
  members[4] = lp_api_param_object ("category", LP_TYPE_REF_OBJECT, LP_API_NULLABLE);
  members[5] = lp_api_param_string ("location", 0);
  members[6] = lp_api_param_int ("stock-total", 0, G_MAXINT32, 0);
  members[7] = lp_api_param_int ("stock-available", 0, G_MAXINT32, 0);
  members[8] = lp_api_param_enum ("condition", LP_TYPE_ITEM_CONDITION, 0);
  members[9] = lp_api_param_enum ("status", LP_TYPE_ITEM_STATUS, 0);
  members[10] = lp_api_param_boolean ("borrowable", LP_API_NULLABLE);
  members[11] = lp_api_param_string ("description", LP_API_NULLABLE);
  members[12] = lp_api_param_string ("author", LP_API_NULLABLE);
  members[13] = lp_api_param_string ("publisher", LP_API_NULLABLE);
  members[14] = lp_api_param_int ("year", 0, 9999, LP_API_NULLABLE);
  members[15] = lp_api_param_string ("isbn", LP_API_NULLABLE);
  members[16] = lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, LP_API_NULLABLE);
  members[17] = lp_api_param_boxed ("updated-at", G_TYPE_DATE_TIME, LP_API_NULLABLE);
  lp_api_object_class_install (klass, members, G_N_ELEMENTS (members));
}

static void
lp_item_object_init (LpItemObject *self)
{
}
