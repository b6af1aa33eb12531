/* lp-user-object.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-api-object.h"

G_BEGIN_DECLS

/* An account: a member, staff or an admin. Its properties are the API's members
 * (docs/openapi.json); see lp-api-object.h. */

#define LP_TYPE_USER_OBJECT (lp_user_object_get_type ())

G_DECLARE_FINAL_TYPE (LpUserObject, lp_user_object, LP, USER_OBJECT, LpApiObject)

G_END_DECLS
