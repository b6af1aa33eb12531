/* lp-reports-page-private.h — what the reports page's files share.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-chart.h"
#include "lp-report-table.h"
#include "lp-reports-page.h"

G_BEGIN_DECLS

struct _LpReportsPage
{
  LpPage          parent_instance;

  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkLabel       *problem_label;
  GtkStack       *content_stack;
  GtkStack       *section_stack;
  AdwStatusPage  *error_page;
  GtkLabel       *loans_summary;
  GtkFlowBox     *loan_counts;
  LpChart        *loans_chart;
  LpReportTable  *loans_table;
  GtkLabel       *complaints_summary;
  GtkDropDown    *complaint_status_dropdown;
  GtkFlowBox     *complaint_counts;
  LpReportTable  *complaints_table;
  GtkLabel       *asset_summary;
  LpChart        *category_chart;
  LpChart        *month_chart;
  LpReportTable  *recommendations_table;
  LpReportTable  *damaged_table;
  LpReportTable  *most_damaged_table;
  LpReportTable  *lost_table;
  LpReportTable  *maintenance_table;

  GCancellable   *cancellable;   /* the load under way */
  char           *from;          /* the period loaded, YYYY-MM-DD */
  char           *to;
  guint           pending;       /* reports still on their way */
  gboolean        failed;
  gboolean        wanted;        /* shown once: load (again) when the role allows */
};

/* "from 1 January 2026 to 31 January 2026": the period loaded. */
char       *lp_reports_page_period_text            (LpReportsPage  *self);
/* The complaint status the list is filtered by, or NULL for every status. */
const char *lp_reports_page_complaint_filter       (LpReportsPage  *self);
/* The label (translated) of the value @nick of the enum @type. */
const char *lp_reports_page_status_label           (GType           type,
                                                    const char     *nick);
/* reports.export-csv, reports.export-pdf and reports.print (lp-reports-page-export.c). */
void        lp_reports_page_install_export_actions (GtkWidgetClass *widget_class);

G_END_DECLS
