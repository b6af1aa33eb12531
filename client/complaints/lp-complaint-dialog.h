/* lp-complaint-dialog.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-api-client.h"

G_BEGIN_DECLS

/*
 * "New Complaint": title, description, location, the category or the item it is about
 * (an item found by searching the catalog brings its category and location along), and
 * photos from a file or dropped on the dialog, uploaded at once. Checked with the rules
 * of common/ as the server checks them; what the server refuses is said beside the
 * fields. ::filed gives the new complaint, then the dialog closes.
 */

#define LP_TYPE_COMPLAINT_DIALOG (lp_complaint_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LpComplaintDialog, lp_complaint_dialog, LP, COMPLAINT_DIALOG, AdwWindow)

LpComplaintDialog *lp_complaint_dialog_new    (LpApiClient       *client);
/* What the Send button does. */
void               lp_complaint_dialog_submit (LpComplaintDialog *self);

G_END_DECLS
