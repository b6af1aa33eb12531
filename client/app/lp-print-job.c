/* lp-print-job.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-print-job"

#include "config.h"

#include "lp-print-job.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  GtkWindow         *window;   /* weak */
  GtkPrintOperation *operation;
  LpPrintJobDone     done;
  gpointer           user_data;
  GDestroyNotify     destroy;
} Job;

static void
job_free (Job *job)
{
  g_clear_weak_pointer (&job->window);
  g_clear_object (&job->operation);
  if (job->destroy != NULL)
    job->destroy (job->user_data);
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
finish (Job          *job,
        const char   *pdf_path,
        const GError *error)
{
  if (job->done != NULL)
    job->done (pdf_path, error, job->user_data);
}

static void
save_pdf (Job        *job,
          const char *pdf_path)
{
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_export_filename (job->operation, pdf_path);
  if (gtk_print_operation_run (job->operation, GTK_PRINT_OPERATION_ACTION_EXPORT, job->window,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    finish (job, NULL, error);
  else
    finish (job, pdf_path, NULL);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  finish (job, NULL, error);
}

static void
print (Job *job)
{
  g_autoptr(GError) error = NULL;

  /* Asynchronous: the desk keeps scanning while the dialog is open. The job lives as
   * long as the operation, however it ends. */
  gtk_print_operation_set_allow_async (job->operation, TRUE);
  g_signal_connect_data (job->operation, "done", G_CALLBACK (on_print_done), job,
                         job_free_closure, 0);
  if (gtk_print_operation_run (job->operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               job->window, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    finish (job, NULL, error);
}

static void
on_save_chosen (GtkNativeDialog *dialog,
                int              response,
                gpointer         user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    save_pdf (job, path);
  else
    finish (job, NULL, NULL);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
ask_where (Job        *job,
           const char *chooser_title,
           const char *file_name)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (chooser_title, job->window,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_chosen), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
lp_print_job_run (GtkWindow         *window,
                  GtkPrintOperation *operation,
                  LpPrintJobKind     kind,
                  const char        *pdf_path,
                  const char        *chooser_title,
                  const char        *file_name,
                  LpPrintJobDone     done,
                  gpointer           user_data,
                  GDestroyNotify     destroy)
{
  g_autoptr(Job) job = NULL;

  g_return_if_fail (window == NULL || GTK_IS_WINDOW (window));
  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));

  job = g_new0 (Job, 1);
  g_set_weak_pointer (&job->window, window);
  job->operation = g_object_ref (operation);
  job->done = done;
  job->user_data = user_data;
  job->destroy = destroy;
  if (kind == LP_PRINT_JOB_PRINT)
    print (g_steal_pointer (&job));
  else if (pdf_path == NULL || *pdf_path == '\0')
    ask_where (g_steal_pointer (&job), chooser_title, file_name);
  else
    save_pdf (job, pdf_path);
}
