/* lp-condition-event-object.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-api-object.h"

G_BEGIN_DECLS

/* A change of an item's condition (a return, a report, a repair), and its resolution.
 * Its properties are the API's members (docs/openapi.json); see lp-api-object.h. */

#define LP_TYPE_CONDITION_EVENT_OBJECT (lp_condition_event_object_get_type ())

G_DECLARE_FINAL_TYPE (LpConditionEventObject, lp_condition_event_object, LP, CONDITION_EVENT_OBJECT, LpApiObject)

G_END_DECLS
