/* lp-attachment-object.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-attachment-object.h"

struct _LpAttachmentObject
{
  LpApiObject parent_instance;
};

G_DEFINE_FINAL_TYPE (LpAttachmentObject, lp_attachment_object, LP_TYPE_API_OBJECT)

static void
lp_attachment_object_class_init (LpAttachmentObjectClass *klass)
{
  static GParamSpec *members[5];

  members[0] = lp_api_param_string ("id", 0);
  members[1] = lp_api_param_string ("content-type", 0);
  members[2] = lp_api_param_int64 ("size", 0);
  members[3] = lp_api_param_string ("uploader-id", LP_API_NULLABLE);
  members[4] = lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, 0);
  lp_api_object_class_install (klass, members, G_N_ELEMENTS (members));
}

static void
lp_attachment_object_init (LpAttachmentObject *self)
{
}
