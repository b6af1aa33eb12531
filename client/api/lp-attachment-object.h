/* lp-attachment-object.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-api-object.h"

G_BEGIN_DECLS

/* A photo or document attached to a complaint or a return. Its properties are the
 * API's members (docs/openapi.json); see lp-api-object.h. */

#define LP_TYPE_ATTACHMENT_OBJECT (lp_attachment_object_get_type ())

G_DECLARE_FINAL_TYPE (LpAttachmentObject, lp_attachment_object, LP, ATTACHMENT_OBJECT, LpApiObject)

G_END_DECLS
