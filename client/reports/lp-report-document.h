/* lp-report-document.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lp-chart.h"

G_BEGIN_DECLS

/*
 * A report on paper: a title, then headings, lines of text, charts and tables, in order,
 * laid out over as many A4 pages as they need (a table goes on over a page break, its
 * header repeated). The same drawing makes the PDF (a cairo PDF surface) and the printed
 * pages (a GtkPrintOperation), so what is saved is what is printed.
 */

#define LP_TYPE_REPORT_DOCUMENT (lp_report_document_get_type ())

G_DECLARE_FINAL_TYPE (LpReportDocument, lp_report_document, LP, REPORT_DOCUMENT, GObject)

LpReportDocument  *lp_report_document_new           (const char         *title,
                                                     const char         *subtitle);
void               lp_report_document_add_heading   (LpReportDocument   *self,
                                                     const char         *text);
void               lp_report_document_add_text      (LpReportDocument   *self,
                                                     const char         *text);
/* @series: "a(sd)" (floating references are sunk). */
void               lp_report_document_add_chart     (LpReportDocument   *self,
                                                     LpChartKind         kind,
                                                     const char         *title,
                                                     GVariant           *series);
/* @rows: a GListModel of GtkStringList (as LpReportTable holds them). */
void               lp_report_document_add_table     (LpReportDocument   *self,
                                                     const char * const *columns,
                                                     GListModel         *rows);
/* Draws page @page (0-based) of @width × @height points into @cr, or every page with a
 * cairo_show_page() after each when @page is -1. Returns the number of pages. */
int                lp_report_document_draw          (LpReportDocument   *self,
                                                     cairo_t            *cr,
                                                     double              width,
                                                     double              height,
                                                     int                 page);
gboolean           lp_report_document_save_pdf      (LpReportDocument   *self,
                                                     const char         *path,
                                                     GError            **error);
/* An operation that prints the pages (the print dialog has a preview). */
GtkPrintOperation *lp_report_document_new_operation (LpReportDocument   *self);

G_END_DECLS
