/* lp-print-job.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Runs a GtkPrintOperation the way every paper of the app is printed: the print dialog
 * (with its preview, asynchronous so the window stays usable), or "Save as PDF" to a
 * given path or to where a save dialog says. The receipt, the label sheets and the
 * member cards all go through here, so what is saved is what is printed.
 */

typedef enum {
  LP_PRINT_JOB_PRINT,    /* the print dialog, with its preview */
  LP_PRINT_JOB_SAVE_PDF, /* to @pdf_path, or where a save dialog says when NULL */
} LpPrintJobKind;

/* Called once when the job ends: @pdf_path is where the PDF was saved (NULL when
 * printing or when the save dialog was cancelled), @error why it failed (NULL if not). */
typedef void (*LpPrintJobDone) (const char   *pdf_path,
                                const GError *error,
                                gpointer      user_data);

void lp_print_job_run (GtkWindow         *window,
                       GtkPrintOperation *operation,
                       LpPrintJobKind     kind,
                       const char        *pdf_path,
                       const char        *chooser_title,
                       const char        *file_name,
                       LpPrintJobDone     done,
                       gpointer           user_data,
                       GDestroyNotify     destroy);

G_END_DECLS
