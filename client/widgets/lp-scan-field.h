/* lp-scan-field.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * The field a barcode scanner types into: a USB scanner is a keyboard that types the
 * code and Enter. Each Enter emits ::scanned with the code (trimmed, upper case) and
 * empties the field at once, so the next scan can follow while the first is still being
 * handled. The same code again within LP_SCAN_FIELD_REPEAT_MS is one scan (a scanner
 * that fires twice, a nervous double press), never two. An image of a code — opened
 * with the field's button or dropped on it — is read with zbar and counts as a scan;
 * an image without one emits ::failed. The desk's returns, the member cards of the
 * kiosk and the QR labels all scan through this one field.
 */

#define LP_SCAN_FIELD_REPEAT_MS 3000

#define LP_TYPE_SCAN_FIELD (lp_scan_field_get_type ())

G_DECLARE_FINAL_TYPE (LpScanField, lp_scan_field, LP, SCAN_FIELD, AdwBin)

/* Gives the field the keyboard focus (a desk page calls this whenever it is shown). */
void lp_scan_field_focus     (LpScanField *self);
/* Reads the code in the image @file (in a thread) and emits ::scanned or ::failed. */
void lp_scan_field_scan_file (LpScanField *self,
                              GFile       *file);

G_END_DECLS
