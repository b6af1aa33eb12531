/* lp-report-table.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * One table of a report: column titles and rows of text cells, shown in a GtkColumnView
 * (so a long report scrolls without laying out every row), or a short line saying there
 * is nothing when it is empty. :rows is a GListModel of GtkStringList, one per row, its
 * strings the cells; the PDF of the report prints the same model.
 */

#define LP_TYPE_REPORT_TABLE (lp_report_table_get_type ())

G_DECLARE_FINAL_TYPE (LpReportTable, lp_report_table, LP, REPORT_TABLE, GtkWidget)

LpReportTable      *lp_report_table_new         (void);
/* Replaces the columns (and empties the rows). */
void                lp_report_table_set_columns (LpReportTable      *self,
                                                 const char * const *titles);
const char * const *lp_report_table_get_columns (LpReportTable      *self);
void                lp_report_table_clear       (LpReportTable      *self);
/* A row of as many cells as there are columns (NULL cells are empty). */
void                lp_report_table_append      (LpReportTable      *self,
                                                 const char * const *cells);
/* Returns: (transfer none): the rows, GtkStringList each. */
GListModel         *lp_report_table_get_rows    (LpReportTable      *self);

G_END_DECLS
