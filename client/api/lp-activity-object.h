/* lp-activity-object.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-api-object.h"

G_BEGIN_DECLS

/* One entry of the activity log: who did what to which record, before and after. Its
 * properties are the API's members (docs/openapi.json); see lp-api-object.h. */

#define LP_TYPE_ACTIVITY_OBJECT (lp_activity_object_get_type ())

G_DECLARE_FINAL_TYPE (LpActivityObject, lp_activity_object, LP, ACTIVITY_OBJECT, LpApiObject)

G_END_DECLS
