/* lp-reports-page-export.c — the reports page's CSV, PDF and printing.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-reports-page"

#include "config.h"

#include "lp-reports-page-private.h"

#include "lp-format.h"
#include "lp-report-document.h"

#include <glib/gi18n-lib.h>

/*
 * Export
 */

static void
toast_saved (LpReportsPage *self,
             const char    *path)
{
  g_autofree char *text = NULL;

  /* Translators: %s is a file name. */
  text = g_strdup_printf (_("Report saved as %s"), path);
  lp_page_add_toast (LP_PAGE (self), text);
}

static void
toast_failed (LpReportsPage *self,
              const GError  *error)
{
  g_autofree char *text = NULL;

  /* Translators: %s says why. */
  text = g_strdup_printf (_("The report could not be saved: %s"), error->message);
  lp_page_add_toast (LP_PAGE (self), text);
}

typedef void (*SaveFunc) (LpReportsPage *self,
                          const char    *path);

static void
on_save_chosen (GtkNativeDialog *dialog,
                int              response,
                gpointer         user_data)
{
  g_autoptr(LpReportsPage) self = user_data;
  SaveFunc save = g_object_get_data (G_OBJECT (dialog), "lp-save");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    save (self, path);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
ask_where (LpReportsPage *self,
           const char    *title,
           const char    *name,
           SaveFunc       save)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "lp-save", save);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_csv_loaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LpReportsPage *self = g_task_get_source_object (task);
  const char *path = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (!lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &bytes, NULL,
                                  &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast_failed (self, error);
      return;
    }
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            &error))
    {
      toast_failed (self, error);
      return;
    }
  toast_saved (self, path);
}

/* The section shown, as the server writes it for a spreadsheet. */
static void
save_csv (LpReportsPage *self,
          const char    *path)
{
  const char *section = gtk_stack_get_visible_child_name (self->section_stack);
  const LpApiEndpoint *endpoint = &LP_API_REPORTS_ASSET_HEALTH_CSV;
  const char *status = NULL;
  GTask *task = g_task_new (self, NULL, NULL, NULL);

  if (g_strcmp0 (section, "loans") == 0)
    endpoint = &LP_API_REPORTS_LOANS_CSV;
  else if (g_strcmp0 (section, "complaints") == 0)
    {
      endpoint = &LP_API_REPORTS_COMPLAINTS_CSV;
      status = lp_reports_page_complaint_filter (self);
    }
  g_task_set_task_data (task, g_strdup (path), g_free);
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), endpoint, NULL,
                            (const char *[]) { "format", "csv", "from", self->from, "to", self->to,
                                               "status", status, NULL },
                            NULL, NULL, on_csv_loaded, task);
}

static LpReportDocument *
document_new (LpReportsPage *self)
{
  g_autofree char *period = lp_reports_page_period_text (self);
  g_autofree char *subtitle = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *made = lp_format_time_long (now);
  LpReportDocument *doc;

  /* Translators: under a report's title: its period ("from … to …"), then when it was made. */
  subtitle = g_strdup_printf (_("Period %s · made on %s"), period, made);
  doc = lp_report_document_new (_("Library Report"), subtitle);

  lp_report_document_add_heading (doc, _("Loans"));
  lp_report_document_add_text (doc, gtk_label_get_label (self->loans_summary));
  lp_report_document_add_chart (doc, lp_chart_get_kind (self->loans_chart),
                                lp_chart_get_title (self->loans_chart),
                                lp_chart_get_series (self->loans_chart));
  lp_report_document_add_table (doc, lp_report_table_get_columns (self->loans_table),
                                lp_report_table_get_rows (self->loans_table));

  lp_report_document_add_heading (doc, _("Complaints"));
  lp_report_document_add_text (doc, gtk_label_get_label (self->complaints_summary));
  if (lp_reports_page_complaint_filter (self) != NULL)
    {
      g_autofree char *filter = NULL;

      /* Translators: the status a complaints report is filtered by, e.g. "Only: Waiting". */
      filter = g_strdup_printf (_("Only: %s"),
                                lp_reports_page_status_label (LP_TYPE_COMPLAINT_STATUS, lp_reports_page_complaint_filter (self)));
      lp_report_document_add_text (doc, filter);
    }
  lp_report_document_add_table (doc, lp_report_table_get_columns (self->complaints_table),
                                lp_report_table_get_rows (self->complaints_table));

  lp_report_document_add_heading (doc, _("Asset Health"));
  lp_report_document_add_text (doc, gtk_label_get_label (self->asset_summary));
  lp_report_document_add_chart (doc, lp_chart_get_kind (self->category_chart),
                                lp_chart_get_title (self->category_chart),
                                lp_chart_get_series (self->category_chart));
  lp_report_document_add_chart (doc, lp_chart_get_kind (self->month_chart),
                                lp_chart_get_title (self->month_chart),
                                lp_chart_get_series (self->month_chart));
  lp_report_document_add_text (doc, _("Recommendations"));
  lp_report_document_add_table (doc, lp_report_table_get_columns (self->recommendations_table),
                                lp_report_table_get_rows (self->recommendations_table));
  lp_report_document_add_text (doc, _("Damaged Items Now"));
  lp_report_document_add_table (doc, lp_report_table_get_columns (self->damaged_table),
                                lp_report_table_get_rows (self->damaged_table));
  lp_report_document_add_text (doc, _("Top 10 Most Often Damaged"));
  lp_report_document_add_table (doc, lp_report_table_get_columns (self->most_damaged_table),
                                lp_report_table_get_rows (self->most_damaged_table));
  lp_report_document_add_text (doc, _("Lost Items"));
  lp_report_document_add_table (doc, lp_report_table_get_columns (self->lost_table),
                                lp_report_table_get_rows (self->lost_table));
  lp_report_document_add_text (doc, _("Maintenance History"));
  lp_report_document_add_table (doc, lp_report_table_get_columns (self->maintenance_table),
                                lp_report_table_get_rows (self->maintenance_table));
  return doc;
}

static void
save_pdf (LpReportsPage *self,
          const char    *path)
{
  g_autoptr(LpReportDocument) doc = document_new (self);
  g_autoptr(GError) error = NULL;

  if (!lp_report_document_save_pdf (doc, path, &error))
    toast_failed (self, error);
  else
    toast_saved (self, path);
}

static char *
file_name (LpReportsPage *self,
           const char    *extension)
{
  const char *section = gtk_stack_get_visible_child_name (self->section_stack);

  /* Translators: the file name a report is saved as: "report", the section, the period. */
  return g_strdup_printf (_("report-%s-%s-%s.%s"), g_strcmp0 (extension, "pdf") == 0 ? "all" : section,
                          self->from, self->to, extension);
}

static void
export_csv_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LpReportsPage *self = LP_REPORTS_PAGE (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;

  if (*path != '\0')
    {
      save_csv (self, path);
      return;
    }
  name = file_name (self, "csv");
  ask_where (self, _("Save Report as CSV"), name, save_csv);
}

static void
export_pdf_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LpReportsPage *self = LP_REPORTS_PAGE (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;

  if (*path != '\0')
    {
      save_pdf (self, path);
      return;
    }
  name = file_name (self, "pdf");
  ask_where (self, _("Save Report as PDF"), name, save_pdf);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LpReportsPage *self = LP_REPORTS_PAGE (widget);
  g_autoptr(LpReportDocument) doc = document_new (self);
  g_autoptr(GtkPrintOperation) operation = lp_report_document_new_operation (doc);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    toast_failed (self, error);
}

void
lp_reports_page_install_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "reports.export-csv", "s", export_csv_activated);
  gtk_widget_class_install_action (widget_class, "reports.export-pdf", "s", export_pdf_activated);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_activated);
}
