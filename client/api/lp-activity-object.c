/* lp-activity-object.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-activity-object.h"

struct _LpActivityObject
{
  LpApiObject parent_instance;
};

G_DEFINE_FINAL_TYPE (LpActivityObject, lp_activity_object, LP_TYPE_API_OBJECT)

static void
lp_activity_object_class_init (LpActivityObjectClass *klass)
{
  static GParamSpec *members[11];

  members[0] = lp_api_param_int64 ("id", 0);
  members[1] = lp_api_param_string ("user-id", LP_API_NULLABLE);
  members[2] = lp_api_param_string ("username", LP_API_NULLABLE);
  members[3] = lp_api_param_string ("action", 0);
  members[4] = lp_api_param_string ("table-name", LP_API_NULLABLE);
  members[5] = lp_api_param_string ("record-id", LP_API_NULLABLE);
  members[6] = lp_api_param_boxed ("old-data", JSON_TYPE_NODE, LP_API_NULLABLE);
  members[7] = lp_api_param_boxed ("new-data", JSON_TYPE_NODE, LP_API_NULLABLE);
  members[8] = lp_api_param_string ("ip-address", LP_API_NULLABLE);
  members[9] = lp_api_param_string ("user-agent", LP_API_NULLABLE);
  members[10] = lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, 0);
  lp_api_object_class_install (klass, members, G_N_ELEMENTS (members));
}

static void
lp_activity_object_init (LpActivityObject *self)
{
}
