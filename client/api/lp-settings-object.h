/* lp-settings-object.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-api-object.h"

G_BEGIN_DECLS

/* The library's settings: fines, the longest loan, the kiosk's idle time. Its
 * properties are the API's members (docs/openapi.json); see lp-api-object.h. */

#define LP_TYPE_SETTINGS_OBJECT (lp_settings_object_get_type ())

G_DECLARE_FINAL_TYPE (LpSettingsObject, lp_settings_object, LP, SETTINGS_OBJECT, LpApiObject)

G_END_DECLS
