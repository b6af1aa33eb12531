/* lp-settings-object.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-settings-object.h"

struct _LpSettingsObject
{
  LpApiObject parent_instance;
};

G_DEFINE_FINAL_TYPE (LpSettingsObject, lp_settings_object, LP_TYPE_API_OBJECT)

static void
lp_settings_object_class_init (LpSettingsObjectClass *klass)
{
  static GParamSpec *members[5];

  members[0] = lp_api_param_int ("fine-per-day", 0, G_MAXINT32, 0);
  members[1] = lp_api_param_string ("timezone", 0);
  members[2] = lp_api_param_int ("max-loan-days", 1, G_MAXINT32, 0);
  members[3] = lp_api_param_int ("kiosk-idle-seconds", 0, G_MAXINT32, 0);
  members[4] = lp_api_param_boxed ("updated-at", G_TYPE_DATE_TIME, LP_API_NULLABLE);
  lp_api_object_class_install (klass, members, G_N_ELEMENTS (members));
}

static void
lp_settings_object_init (LpSettingsObject *self)
{
}
