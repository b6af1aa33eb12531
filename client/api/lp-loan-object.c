/* lp-loan-object.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-loan-object.h"

#include "lp-enums.h"
#include "lp-ref-object.h"
#include "lp-return-object.h"

struct _LpLoanObject
{
  LpApiObject parent_instance;
};

G_DEFINE_FINAL_TYPE (LpLoanObject, lp_loan_object, LP_TYPE_API_OBJECT)

static void
lp_loan_object_class_init (LpLoanObjectClass *klass)
{
  static GParamSpec *members[21];

  members[0] = lp_api_param_string ("id", 0);
  members[1] = lp_api_param_string ("code", 0);
  members[2] = lp_api_param_string ("user-id", 0);
  members[3] = lp_api_param_string ("item-id", 0);
  members[4] = lp_api_param_int ("quantity", 1, G_MAXINT32, 0);
  members[5] = lp_api_param_boxed ("start-date", G_TYPE_DATE, 0);
  members[6] = lp_api_param_boxed ("due-date", G_TYPE_DATE, 0);
  members[7] = lp_api_param_string ("purpose", 0);
  members[8] = lp_api_param_enum ("status", LP_TYPE_LOAN_STATUS, 0);
  members[9] = lp_api_param_string ("decided-by", LP_API_NULLABLE);
  members[10] = lp_api_param_boxed ("decided-at", G_TYPE_DATE_TIME, LP_API_NULLABLE);
  members[11] = lp_api_param_string ("decision-reason", LP_API_NULLABLE);
  members[12] = lp_api_param_boxed ("handed-over-at", G_TYPE_DATE_TIME, LP_API_NULLABLE);
  members[13] = lp_api_param_boxed ("returned-at", G_TYPE_DATE_TIME, LP_API_NULLABLE);
  members[14] = lp_api_param_int64 ("fine", 0);
  members[15] = lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, 0);
  members[16] = lp_api_param_boxed ("updated-at", G_TYPE_DATE_TIME, 0);
  members[17] = lp_api_param_object ("item", LP_TYPE_REF_OBJECT, LP_API_NULLABLE);
  members[18] = lp_api_param_object ("user", LP_TYPE_REF_OBJECT, LP_API_NULLABLE);
  members[19] = lp_api_param_object ("return", LP_TYPE_RETURN_OBJECT, LP_API_NULLABLE);
  members[20] = lp_api_param_string ("complaint-id", LP_API_NULLABLE);
  lp_api_object_class_install (klass, members, G_N_ELEMENTS (members));
}

static void
lp_loan_object_init (LpLoanObject *self)
{
}
