/* lp-return-object.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-api-object.h"

G_BEGIN_DECLS

/* The return of a loan: when, in what condition, the damage and the notes of the
 * inspection. Its properties are the API's members (docs/openapi.json); see lp-api-
 * object.h. */

#define LP_TYPE_RETURN_OBJECT (lp_return_object_get_type ())

G_DECLARE_FINAL_TYPE (LpReturnObject, lp_return_object, LP, RETURN_OBJECT, LpApiObject)

G_END_DECLS
