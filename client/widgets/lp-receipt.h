/* lp-receipt.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lp-data-objects.h"

G_BEGIN_DECLS

/*
 * The receipt of an approved loan, on paper: the school's name, the loan code as text
 * and as a QR code (the returns desk scans it), member, item, quantity, dates, purpose,
 * who approved it and when, and lines to sign. Two layouts: an A4 sheet, and an 80 mm
 * thermal roll. Printing and "Save as PDF" go through one GtkPrintOperation, so what is
 * saved is what is printed.
 */

typedef enum {
  LP_RECEIPT_LAYOUT_A4,
  LP_RECEIPT_LAYOUT_THERMAL_80MM,
} LpReceiptLayout;

#define LP_TYPE_RECEIPT (lp_receipt_get_type ())

G_DECLARE_FINAL_TYPE (LpReceipt, lp_receipt, LP, RECEIPT, GObject)

/* @layout_name is the GSettings "receipt-layout" value ("a4", "thermal-80mm"). */
LpReceiptLayout    lp_receipt_layout_from_string (const char      *layout_name);

/* @settings (may be NULL) give the school's name and the library's time zone. */
LpReceipt         *lp_receipt_new                (LpLoanObject     *loan,
                                                  LpSettingsObject *settings,
                                                  LpReceiptLayout   layout);
LpLoanObject      *lp_receipt_get_loan           (LpReceipt       *self);
/* An operation of one page that draws the receipt; run it to print (the dialog has a
 * preview) or, with an export filename, to save a PDF. */
GtkPrintOperation *lp_receipt_new_operation      (LpReceipt       *self);
/* Draws the receipt @width points wide at the top of @cr; returns the height used. */
double             lp_receipt_draw               (LpReceipt       *self,
                                                  cairo_t         *cr,
                                                  double           width);

G_END_DECLS
