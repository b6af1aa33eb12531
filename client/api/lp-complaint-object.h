/* lp-complaint-object.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-api-object.h"

G_BEGIN_DECLS

/* A complaint: what, where, about which category or item, its status, and (in a
 * complaint's own reply) the notes of its handling. Its properties are the API's
 * members (docs/openapi.json); see lp-api-object.h. */

#define LP_TYPE_COMPLAINT_OBJECT (lp_complaint_object_get_type ())

G_DECLARE_FINAL_TYPE (LpComplaintObject, lp_complaint_object, LP, COMPLAINT_OBJECT, LpApiObject)

G_END_DECLS
