/* lp-complaint-note-object.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-api-object.h"

G_BEGIN_DECLS

/* A note on a complaint, and the change of status it recorded, if any. Its properties
 * are the API's members (docs/openapi.json); see lp-api-object.h. */

#define LP_TYPE_COMPLAINT_NOTE_OBJECT (lp_complaint_note_object_get_type ())

G_DECLARE_FINAL_TYPE (LpComplaintNoteObject, lp_complaint_note_object, LP, COMPLAINT_NOTE_OBJECT, LpApiObject)

G_END_DECLS
