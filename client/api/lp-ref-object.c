/* lp-ref-object.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-ref-object.h"

struct _LpRefObject
{
  LpApiObject parent_instance;
};

G_DEFINE_FINAL_TYPE (LpRefObject, lp_ref_object, LP_TYPE_API_OBJECT)

static void
lp_ref_object_class_init (LpRefObjectClass *klass)
{
  static GParamSpec *members[5];

  members[0] = lp_api_param_string ("id", 0);
  members[1] = lp_api_param_string ("code", LP_API_NULLABLE);
  members[2] = lp_api_param_string ("name", LP_API_NULLABLE);
  members[3] = lp_api_param_string ("username", LP_API_NULLABLE);
  members[4] = lp_api_param_string ("full-name", LP_API_NULLABLE);
  lp_api_object_class_install (klass, members, G_N_ELEMENTS (members));
}

static void
lp_ref_object_init (LpRefObject *self)
{
}
