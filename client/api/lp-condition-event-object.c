/* lp-condition-event-object.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-condition-event-object.h"

#include "lp-enums.h"
#include "lp-ref-object.h"

struct _LpConditionEventObject
{
  LpApiObject parent_instance;
};

G_DEFINE_FINAL_TYPE (LpConditionEventObject, lp_condition_event_object, LP_TYPE_API_OBJECT)

static void
lp_condition_event_object_class_init (LpConditionEventObjectClass *klass)
{
  static GParamSpec *members[14];

  members[0] = lp_api_param_string ("id", 0);
  members[1] = lp_api_param_string ("item-id", 0);
  members[2] = lp_api_param_string ("loan-id", LP_API_NULLABLE);
  members[3] = lp_api_param_string ("loan-code", LP_API_NULLABLE);
  members[4] = lp_api_param_string ("source", 0);
  members[5] = lp_api_param_enum ("condition-from", LP_TYPE_ITEM_CONDITION, 0);
  members[6] = lp_api_param_enum ("condition-to", LP_TYPE_ITEM_CONDITION, 0);
  members[7] = lp_api_param_string ("note", LP_API_NULLABLE);
  members[8] = lp_api_param_object ("reported-by", LP_TYPE_REF_OBJECT, LP_API_NULLABLE);
  members[9] = lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, 0);
  members[10] = lp_api_param_boolean ("resolved", 0);
  members[11] = lp_api_param_boxed ("resolved-at", G_TYPE_DATE_TIME, LP_API_NULLABLE);
  members[12] = lp_api_param_object ("resolved-by", LP_TYPE_REF_OBJECT, LP_API_NULLABLE);
  members[13] = lp_api_param_string ("resolution-note", LP_API_NULLABLE);
  lp_api_object_class_install (klass, members, G_N_ELEMENTS (members));
}

static void
lp_condition_event_object_init (LpConditionEventObject *self)
{
}
