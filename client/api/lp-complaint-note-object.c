/* lp-complaint-note-object.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-complaint-note-object.h"

#include "lp-enums.h"
#include "lp-ref-object.h"

struct _LpComplaintNoteObject
{
  LpApiObject parent_instance;
};

G_DEFINE_FINAL_TYPE (LpComplaintNoteObject, lp_complaint_note_object, LP_TYPE_API_OBJECT)

static void
lp_complaint_note_object_class_init (LpComplaintNoteObjectClass *klass)
{
  static GParamSpec *members[7];

  members[0] = lp_api_param_string ("id", 0);
  members[1] = lp_api_param_string ("complaint-id", 0);
  members[2] = lp_api_param_object ("author", LP_TYPE_REF_OBJECT, LP_API_NULLABLE);
  members[3] = lp_api_param_string ("text", 0);
  members[4] = lp_api_param_enum ("status-from", LP_TYPE_COMPLAINT_STATUS, LP_API_NULLABLE);
  members[5] = lp_api_param_enum ("status-to", LP_TYPE_COMPLAINT_STATUS, LP_API_NULLABLE);
  members[6] = lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, 0);
  lp_api_object_class_install (klass, members, G_N_ELEMENTS (members));
}

static void
lp_complaint_note_object_init (LpComplaintNoteObject *self)
{
}
