/* lp-inspection-form.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "lp-api-client.h"
#include "lp-enums.h"
#include "lp-photo-strip.h"

G_BEGIN_DECLS

/*
 * What the desk writes down about an item that comes back other than Good: the day it
 * actually came back (today unless said otherwise), what is damaged or missing and its
 * category, notes for the staff, and photos of the damage (uploaded as they are added).
 * The condition picked before the scan can still be changed in the form (:condition).
 * :complete is TRUE once it says enough to record — a damaged or lost item needs its
 * damage described — and no photo is still uploading.
 */

#define LP_TYPE_INSPECTION_FORM (lp_inspection_form_get_type ())

G_DECLARE_FINAL_TYPE (LpInspectionForm, lp_inspection_form, LP, INSPECTION_FORM, GtkBox)

GtkWidget *lp_inspection_form_new          (LpItemCondition   condition,
                                            LpApiClient      *client);
gboolean   lp_inspection_form_get_complete (LpInspectionForm *self);
LpItemCondition lp_inspection_form_get_condition (LpInspectionForm *self);
/* The body of POST /loans/{id}/return. */
JsonNode  *lp_inspection_form_get_body     (LpInspectionForm *self);
LpPhotoStrip *lp_inspection_form_get_photos (LpInspectionForm *self);
/* Gives the keyboard to the first field to fill in. */
void       lp_inspection_form_focus        (LpInspectionForm *self);

G_END_DECLS
