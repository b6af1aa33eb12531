/* lp-complaint-object.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-complaint-object.h"

#include "lp-enums.h"
#include "lp-ref-object.h"
#include "lp-complaint-note-object.h"

struct _LpComplaintObject
{
  LpApiObject parent_instance;
};

G_DEFINE_FINAL_TYPE (LpComplaintObject, lp_complaint_object, LP_TYPE_API_OBJECT)

static void
lp_complaint_object_class_init (LpComplaintObjectClass *klass)
{
  static GParamSpec *members[18];

  members[0] = lp_api_param_string ("id", 0);
  members[1] = lp_api_param_string ("title", 0);
  members[2] = lp_api_param_string ("description", 0);
  members[3] = lp_api_param_string ("location", 0);
  members[4] = lp_api_param_string ("category-id", LP_API_NULLABLE);
  members[5] = lp_api_param_string ("item-id", LP_API_NULLABLE);
  members[6] = lp_api_param_string ("reporter-id", LP_API_NULLABLE);
  members[7] = lp_api_param_enum ("status", LP_TYPE_COMPLAINT_STATUS, 0);
  members[8] = lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, 0);
  members[9] = lp_api_param_boxed ("updated-at", G_TYPE_DATE_TIME, 0);
  members[10] = lp_api_param_string ("loan-id", LP_API_NULLABLE);
  members[11] = lp_api_param_boolean ("is-system", LP_API_NULLABLE);
  members[12] = lp_api_param_boxed ("attachment-ids", G_TYPE_STRV, LP_API_NULLABLE);
  members[13] = lp_api_param_object ("category", LP_TYPE_REF_OBJECT, LP_API_NULLABLE);
  members[14] = lp_api_param_object ("item", LP_TYPE_REF_OBJECT, LP_API_NULLABLE);
  members[15] = lp_api_param_object ("reporter", LP_TYPE_REF_OBJECT, LP_API_NULLABLE);
  members[16] = lp_api_param_string ("loan-code", LP_API_NULLABLE);
  members[17] = lp_api_param_list ("notes", LP_TYPE_COMPLAINT_NOTE_OBJECT, LP_API_NULLABLE);
  lp_api_object_class_install (klass, members, G_N_ELEMENTS (members));
}

static void
lp_complaint_object_init (LpComplaintObject *self)
{
}
