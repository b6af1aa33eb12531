/* client-catalog.c — the desk app's catalog with 100,000 items: time to the first rows,
 * scrolling through all of them, and the memory it takes. Run by bench/client-catalog.sh.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real app in a real window (its own Xvfb, as in the GUI tests) against a real
 * lentera-server whose database holds bench/catalog-data.sql. Usage:
 *   client-catalog-bench CATALOG_DATA_SQL [ROWS_PER_STEP]
 */

#define G_LOG_DOMAIN "client-catalog-bench"

#include "config.h"

#include "lp-catalog-row.h"
#include "lp-catalog-page.h"
#include "lp-gui-test.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WIDTH 1000

static LpCatalogPage *
catalog (LpGuiApp *gui)
{
  return lp_gui_page (gui, "catalog_page");
}

/* kB of VmRSS or VmHWM from /proc/self/status. */
static long
status_kb (const char *field)
{
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL))
    return -1;
  line = strstr (text, field);
  return line != NULL ? atol (line + strlen (field) + 1) : -1;
}

static gboolean
rows_on_screen_loaded (LpGuiApp *gui)
{
  GtkWidget *list = lp_gui_child (catalog (gui), "list_view");
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = lp_gui_find_type (child, LP_TYPE_CATALOG_ROW);

      if (row == NULL)
        continue;
      n++;
      if (g_strcmp0 (gtk_label_get_label (lp_gui_child (row, "title_label")), _("Loading…")) == 0)
        return FALSE;
    }
  return n > 0;
}

static gint64 longest_iteration_us;
static guint iterations, over_50ms, over_100ms, over_250ms;

/* One main loop iteration, remembering the longest (a frozen window shows up here). */
static void
iterate (void)
{
  gint64 start = g_get_monotonic_time ();
  gint64 spent;

  lp_gui_iterate ();
  spent = g_get_monotonic_time () - start;
  /* lp_gui_iterate() sleeps up to 10 ms when idle: that is not work. */
  if (spent > longest_iteration_us)
    longest_iteration_us = spent;
  iterations++;
  over_50ms += spent > 50000;
  over_100ms += spent > 100000;
  over_250ms += spent > 250000;
}

static void
load_data (LpTestServer *server,
           const char   *sql_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) psql = NULL;

  psql = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, "psql", "-X", "-q",
                           "-v", "ON_ERROR_STOP=1", "-d", lp_test_server_get_conninfo (server),
                           "-f", sql_file, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (psql, NULL, &error);
  g_assert_no_error (error);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static double
percentile_ms (GArray *values,
               double  fraction)
{
  guint index;

  g_array_sort (values, compare_gint64);
  index = (guint) (fraction * (values->len - 1));
  return g_array_index (values, gint64, index) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LpTestServer) server = NULL;
  g_autoptr(LpGuiApp) gui = NULL;
  g_autoptr(GArray) step_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *url = NULL;
  g_autofree char *count = NULL;
  GtkAdjustment *adjustment;
  LpPagedModel *model;
  guint rows_per_step;
  gint64 start, first_rows, scroll_start, scroll_time;
  long rss_before, rss_first, rss_after, hwm;
  double row_height;
  guint n_items, steps = 0;

  lp_gui_init (&argc, &argv, FALSE);
  /* g_test_init() turned debug messages on; a bench prints only its numbers. */
  g_log_set_debug_enabled (FALSE);
  if (argc < 2)
    {
      g_printerr ("usage: %s CATALOG_DATA_SQL [ROWS_PER_STEP]\n", argv[0]);
      return 2;
    }
  rows_per_step = argc > 2 ? (guint) atoi (argv[2]) : 100;

  g_print ("Starting lentera-server and loading %s ...\n", argv[1]);
  server = lp_test_server_start (NULL);
  load_data (server, argv[1]);
  count = lp_test_server_sql_value (server, "SELECT count(*) FROM items");
  url = lp_gui_server_url (server);
  g_print ("%s items in the catalog\n", count);

  /* 1. From creating the app to the first rows on screen. */
  rss_before = status_kb ("VmRSS:");
  start = g_get_monotonic_time ();
  gui = lp_gui_app_new (url, WIDTH);
  model = lp_gui_paged_model (catalog (gui), "list_view");
  while (!lp_paged_model_get_loaded (model) || !rows_on_screen_loaded (gui))
    iterate ();
  first_rows = g_get_monotonic_time () - start;
  rss_first = status_kb ("VmRSS:");
  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

  /* 2. Through the whole list, rows_per_step rows at a time, waiting each time until the
   * rows on screen show items. */
  adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (lp_gui_child (catalog (gui), "list_view"),
                                                  GTK_TYPE_SCROLLED_WINDOW)));
  longest_iteration_us = 0;
  iterations = over_50ms = over_100ms = over_250ms = 0;
  scroll_start = g_get_monotonic_time ();
  for (;;)
    {
      double value = gtk_adjustment_get_value (adjustment);
      double max = gtk_adjustment_get_upper (adjustment) -
                   gtk_adjustment_get_page_size (adjustment);
      gint64 step_start, step_time;

      if (value >= max - 1)
        break;
      /* GtkListView estimates the height of rows it has not measured yet. */
      row_height = gtk_adjustment_get_upper (adjustment) / n_items;
      step_start = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, MIN (max, value + rows_per_step * row_height));
      for (int i = 0; i < 3; i++)
        iterate ();
      while (!rows_on_screen_loaded (gui))
        iterate ();
      step_time = g_get_monotonic_time () - step_start;
      g_array_append_val (step_times, step_time);
      steps++;
    }
  scroll_time = g_get_monotonic_time () - scroll_start;
  rss_after = status_kb ("VmRSS:");
  hwm = status_kb ("VmHWM:");

  g_print ("\n");
  g_print ("catalog                         %u items, pages of %d\n", n_items,
           LP_PAGED_MODEL_PAGE_SIZE);
  g_print ("window created → first rows     %.0f ms\n", first_rows / 1000.0);
  g_print ("scrolled through                %u steps of %u rows in %.1f s\n", steps,
           rows_per_step, scroll_time / 1e6);
  g_print ("  per step (rows shown)         p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
           percentile_ms (step_times, 0.50), percentile_ms (step_times, 0.99),
           percentile_ms (step_times, 1.0));
  g_print ("  main loop iterations          %u: %u over 50 ms, %u over 100 ms, %u over 250 ms;"
           " longest %.1f ms\n", iterations, over_50ms, over_100ms, over_250ms,
           longest_iteration_us / 1000.0);
  g_print ("  requests for pages            %u\n", lp_paged_model_get_n_fetches (model));
  g_print ("  pages held at the end         %u (of %u)\n", lp_paged_model_get_n_pages (model),
           (n_items + LP_PAGED_MODEL_PAGE_SIZE - 1) / LP_PAGED_MODEL_PAGE_SIZE);
  g_print ("RSS before the app              %.1f MiB\n", rss_before / 1024.0);
  g_print ("RSS at the first rows           %.1f MiB\n", rss_first / 1024.0);
  g_print ("RSS after scrolling through     %.1f MiB (peak %.1f MiB)\n", rss_after / 1024.0,
           hwm / 1024.0);
  return 0;
}
