/* lp-receipt-job.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lp-session.h"

G_BEGIN_DECLS

/*
 * Prints a loan's receipt, or saves it as a PDF: loads the loan (its newest state) and
 * the school's name from the server, lays it out as the "receipt-layout" setting says,
 * and runs one GtkPrintOperation. Behind the window's "win.print-receipt" and
 * "win.save-receipt"; what happens is told as toasts of @window.
 */

typedef enum {
  LP_RECEIPT_JOB_PRINT,    /* the print dialog, with its preview */
  LP_RECEIPT_JOB_SAVE_PDF, /* to @pdf_path, or where a save dialog says when NULL */
} LpReceiptJobKind;

void lp_receipt_job_run (GtkWindow        *window,
                         LpSession        *session,
                         const char       *loan_id,
                         LpReceiptJobKind  kind,
                         const char       *pdf_path);

G_END_DECLS
