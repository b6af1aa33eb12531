/* lp-return-object.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-return-object.h"

#include "lp-enums.h"

struct _LpReturnObject
{
  LpApiObject parent_instance;
};

G_DEFINE_FINAL_TYPE (LpReturnObject, lp_return_object, LP_TYPE_API_OBJECT)

static void
lp_return_object_class_init (LpReturnObjectClass *klass)
{
  static GParamSpec *members[10];

  members[0] = lp_api_param_string ("id", 0);
  members[1] = lp_api_param_string ("loan-id", 0);
  members[2] = lp_api_param_boxed ("returned-at", G_TYPE_DATE_TIME, 0);
  members[3] = lp_api_param_enum ("condition", LP_TYPE_ITEM_CONDITION, 0);
  members[4] = lp_api_param_string ("damage-description", LP_API_NULLABLE);
  members[5] = lp_api_param_enum ("damage-category", LP_TYPE_DAMAGE_CATEGORY, LP_API_NULLABLE);
  members[6] = lp_api_param_string ("staff-notes", LP_API_NULLABLE);
  members[7] = lp_api_param_string ("inspected-by", LP_API_NULLABLE);
  members[8] = lp_api_param_boxed ("attachment-ids", G_TYPE_STRV, LP_API_NULLABLE);
  members[9] = lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, 0);
  lp_api_object_class_install (klass, members, G_N_ELEMENTS (members));
}

static void
lp_return_object_init (LpReturnObject *self)
{
}
