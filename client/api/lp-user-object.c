/* lp-user-object.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-user-object.h"

#include "lp-enums.h"

struct _LpUserObject
{
  LpApiObject parent_instance;
};

G_DEFINE_FINAL_TYPE (LpUserObject, lp_user_object, LP_TYPE_API_OBJECT)

static void
lp_user_object_class_init (LpUserObjectClass *klass)
{
  static GParamSpec *members[8];

  members[0] = lp_api_param_string ("id", 0);
  members[1] = lp_api_param_string ("username", 0);
  members[2] = lp_api_param_enum ("role", LP_TYPE_ROLE, 0);
  members[3] = lp_api_param_string ("full-name", 0);
  members[4] = lp_api_param_string ("email", LP_API_NULLABLE);
  members[5] = lp_api_param_boolean ("active", 0);
  members[6] = lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, 0);
  members[7] = lp_api_param_boxed ("updated-at", G_TYPE_DATE_TIME, 0);
  lp_api_object_class_install (klass, members, G_N_ELEMENTS (members));
}

static void
lp_user_object_init (LpUserObject *self)
{
}
