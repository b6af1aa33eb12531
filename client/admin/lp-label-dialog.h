/* lp-label-dialog.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-label-sheet.h"

G_BEGIN_DECLS

/*
 * "Print Labels" and "Print Member Cards": the sheet to print on (a common sticker sheet,
 * or custom rows, columns, margins and gaps), how many labels on how many sheets, and
 * Print (the print dialog, with its preview) or Save as PDF. What happened is told as a
 * toast of the window it was opened from. Its actions: "label.print", and
 * "label.save-pdf" with a path ("" asks where).
 */

#define LP_TYPE_LABEL_DIALOG (lp_label_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LpLabelDialog, lp_label_dialog, LP, LABEL_DIALOG, AdwWindow)

GtkWidget *lp_label_dialog_new (GtkWindow    *parent,
                                LpLabelSheet *sheet);

G_END_DECLS
