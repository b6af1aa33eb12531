/* lp-receipt-job.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-receipt-job"

#include "config.h"

#include "lp-receipt-job.h"

#include "lp-api-endpoint.h"
#include "lp-print-job.h"
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
on_done (const char   *pdf_path,
         const GError *error,
         gpointer      user_data)
{
  Job *job = user_data;
  g_autofree char *text = NULL;

  if (error != NULL)
    {
      fail (job, error);
      return;
    }
  if (pdf_path == NULL)
    return;
  /* Translators: %s is a file name, e.g. "receipt-LP-20260109-0001.pdf". */
  text = g_strdup_printf (_("Receipt saved as %s"), pdf_path);
  toast (job, text);
}

static void
run_operation (Job       *job,
               LpReceipt *receipt)
{
  g_autoptr(GtkPrintOperation) operation = lp_receipt_new_operation (receipt);
  g_autofree char *name = NULL;

  /* Translators: the file name a receipt is saved as; %s is the loan code. */
  name = g_strdup_printf (_("receipt-%s.pdf"), lp_api_object_get_string (job->loan, "code"));
  lp_print_job_run (job->window, operation,
                    job->kind == LP_RECEIPT_JOB_PRINT ? LP_PRINT_JOB_PRINT : LP_PRINT_JOB_SAVE_PDF,
                    job->pdf_path, _("Save Receipt as PDF"), name, on_done, job,
                    (GDestroyNotify) job_free);
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
  run_operation (g_steal_pointer (&job), receipt);
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
