/* lp-receipt-job.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-receipt-job"

#include "config.h"

#include "lp-receipt-job.h"

#include "lp-api-endpoint.h"
#include "lp-receipt.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  GtkWindow        *window;   /* weak: the job ends quietly if it closes */
  LpSession        *session;
  char             *loan_id;
  LpReceiptJobKind  kind;
  char             *pdf_path;
  LpLoanObject     *loan;
} Job;

static void
job_free (Job *job)
{
  g_clear_weak_pointer (&job->window);
  g_clear_object (&job->session);
  g_clear_object (&job->loan);
  g_free (job->loan_id);
  g_free (job->pdf_path);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static void
job_free_closure (gpointer  data,
                  GClosure *closure)
{
  job_free (data);
}

static void
toast (Job        *job,
       const char *text)
{
  if (job->window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (job->window), "win.toast", "s", text);
}

static void
fail (Job          *job,
      const GError *error)
{
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Translators: %s says why, e.g. "Cannot reach the server". */
  text = g_strdup_printf (_("The receipt could not be made: %s"), error->message);
  toast (job, text);
}

static LpReceipt *
receipt_new (Job              *job,
             LpSettingsObject *settings)
{
  g_autofree char *layout = g_settings_get_string (lp_session_get_settings (job->session),
                                                   "receipt-layout");

  return lp_receipt_new (job->loan, settings, lp_receipt_layout_from_string (layout));
}

static void
save_pdf (Job       *job,
          LpReceipt *receipt)
{
  g_autoptr(GtkPrintOperation) operation = lp_receipt_new_operation (receipt);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  gtk_print_operation_set_export_filename (operation, job->pdf_path);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, job->window,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      fail (job, error);
      return;
    }
  /* Translators: %s is a file name, e.g. "receipt-LP-20260109-0001.pdf". */
  text = g_strdup_printf (_("Receipt saved as %s"), job->pdf_path);
  toast (job, text);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    fail (job, error);
}

static void
print (Job       *job,
       LpReceipt *receipt)
{
  g_autoptr(GtkPrintOperation) operation = lp_receipt_new_operation (receipt);
  g_autoptr(GError) error = NULL;

  /* Asynchronous: the desk keeps scanning while the dialog is open. The job lives as
   * long as the operation, however it ends. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_data (operation, "done", G_CALLBACK (on_print_done), job,
                         job_free_closure, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, job->window,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    fail (job, error);
}

static void
on_save_chosen (GtkNativeDialog *dialog,
                int              response,
                gpointer         user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GFile) file = NULL;
  LpReceipt *receipt = g_object_get_data (G_OBJECT (dialog), "lp-receipt");

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    {
      job->pdf_path = g_file_get_path (file);
      save_pdf (job, receipt);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
ask_where (Job       *job,
           LpReceipt *receipt)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Save Receipt as PDF"), job->window,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the file name a receipt is saved as; %s is the loan code. */
  name = g_strdup_printf (_("receipt-%s.pdf"), lp_api_object_get_string (job->loan, "code"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "lp-receipt", g_object_ref (receipt),
                          g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_chosen), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_settings_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(LpSettingsObject) settings = NULL;
  g_autoptr(LpReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;

  if (!lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &settings, NULL,
                                  &error))
    {
      fail (job, error);
      return;
    }
  if (job->window == NULL)
    return;
  receipt = receipt_new (job, settings);
  if (job->kind == LP_RECEIPT_JOB_PRINT)
    print (g_steal_pointer (&job), receipt);
  else if (job->pdf_path == NULL)
    ask_where (g_steal_pointer (&job), receipt);
  else
    save_pdf (job, receipt);
}

static void
on_loan_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;

  if (!lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &job->loan, NULL,
                                  &error))
    {
      fail (job, error);
      return;
    }
  lp_api_client_call_async (LP_API_CLIENT (source), &LP_API_SETTINGS_GET, NULL, NULL, NULL,
                            NULL, on_settings_loaded, g_steal_pointer (&job));
}

void
lp_receipt_job_run (GtkWindow        *window,
                    LpSession        *session,
                    const char       *loan_id,
                    LpReceiptJobKind  kind,
                    const char       *pdf_path)
{
  Job *job;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (LP_IS_SESSION (session));
  g_return_if_fail (loan_id != NULL);

  job = g_new0 (Job, 1);
  g_set_weak_pointer (&job->window, window);
  job->session = g_object_ref (session);
  job->loan_id = g_strdup (loan_id);
  job->kind = kind;
  job->pdf_path = pdf_path != NULL && *pdf_path != '\0' ? g_strdup (pdf_path) : NULL;
  lp_api_client_call_async (lp_session_get_client (session), &LP_API_LOANS_GET,
                            (const char *[]) { loan_id, NULL }, NULL, NULL, NULL,
                            on_loan_loaded, job);
}
