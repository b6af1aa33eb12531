/* lp-ref-object.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-api-object.h"

G_BEGIN_DECLS

/* A reference to another object as a reply embeds it: an item's category, a loan's
 * item and borrower, a note's author. Each kind fills the members it has. Its
 * properties are the API's members (docs/openapi.json); see lp-api-object.h. */

#define LP_TYPE_REF_OBJECT (lp_ref_object_get_type ())

G_DECLARE_FINAL_TYPE (LpRefObject, lp_ref_object, LP, REF_OBJECT, LpApiObject)

G_END_DECLS
