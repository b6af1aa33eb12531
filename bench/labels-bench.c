/* labels-bench.c — how long a sheet of item labels takes to become a PDF: N labels (240
 * by default, ten 3 × 8 sheets of A4) drawn by LpLabelSheet, once straight onto a cairo
 * PDF surface (the drawing alone) and once through the GtkPrintOperation export that
 * "Save as PDF" runs. Each is timed cold (fonts not yet loaded) and then as the median
 * of 5 runs. Run it through bench/labels.sh.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-label-sheet.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#define RUNS 5

static LpLabelSheet *
sheet_new (guint n)
{
  LpLabelSheet *sheet = lp_label_sheet_new (LP_LABEL_SHEET_ITEM_LABELS);

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *code = g_strdup_printf ("BK-%06u", i);
      g_autofree char *name = g_strdup_printf ("Matematika untuk SMA Kelas X, jilid %u", i);
      g_autofree char *location = g_strdup_printf ("Perpustakaan, rak %c%u", 'A' + i % 6,
                                                   i % 9 + 1);

      lp_label_sheet_add (sheet, code, name, location);
    }
  return sheet;
}

static double
draw_to_pdf (LpLabelSheet *sheet,
             const char   *path)
{
  gint64 start = g_get_monotonic_time ();
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595.276, 841.89);
  cairo_t *cr = cairo_create (surface);

  for (guint page = 0; page < lp_label_sheet_get_n_pages (sheet); page++)
    {
      lp_label_sheet_draw_page (sheet, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
export_pdf (LpLabelSheet *sheet,
            const char   *path)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GtkPrintOperation) operation = lp_label_sheet_new_operation (sheet);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_export_filename (operation, path);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    g_error ("export: %s", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
measure (const char   *what,
         double      (*run) (LpLabelSheet *, const char *),
         LpLabelSheet *sheet,
         const char   *path)
{
  double times[RUNS];
  double cold = run (sheet, path);
  GStatBuf st;

  for (guint i = 0; i < RUNS; i++)
    times[i] = run (sheet, path);
  qsort (times, RUNS, sizeof (double), compare_doubles);
  g_stat (path, &st);
  g_print ("%-28s cold %7.1f ms   median of %d %7.1f ms   (min %.1f, max %.1f)   %.0f KiB\n",
           what, cold, RUNS, times[RUNS / 2], times[0], times[RUNS - 1],
           st.st_size / 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 240;
  g_autofree char *dir = g_dir_make_tmp ("lp-labels-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "labels.pdf", NULL);
  g_autoptr(LpLabelSheet) sheet = sheet_new (n);

  g_print ("%u labels, 3 x 8 on A4: %u pages\n", n, lp_label_sheet_get_n_pages (sheet));
  measure ("cairo PDF surface", draw_to_pdf, sheet, path);
  if (gtk_init_check ())
    measure ("GtkPrintOperation export", export_pdf, sheet, path);
  else
    g_print ("no display: GtkPrintOperation export not measured\n");
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
