/* client-reports.c — the admin's reports in the real app on a large school (100,000
 * items, 20,000 loans over a year, their returns and condition events, 2,000
 * complaints): how long from opening the reports until the asset health charts are on
 * screen, how long "Show" takes for a longer period, and how long the PDF of the whole
 * report takes to write. The real app in a window on a private Xvfb against the real
 * lentera-server on a private PostgreSQL; bench/client-reports.sh loads the data (the
 * SQL of bench/reports.sh) and runs it. Not a test: it prints numbers.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "client-reports-bench"

#include "config.h"

#include "lp-gui-test.h"
#include "lp-report-table.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <stdlib.h>

#define WIDTH 1100

static LpTestServer *server;
static LpGuiApp *gui;
static guint paints;

static void
load_data (const char *path)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  PGconn *conn;
  PGresult *res;

  if (!g_file_get_contents (path, &sql, NULL, &error))
    g_error ("%s", error->message);
  conn = PQconnectdb (lp_test_server_get_conninfo (server));
  res = PQexec (conn, sql);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("loading the data: %s", PQresultErrorMessage (res));
  PQclear (res);
  PQfinish (conn);
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  paints++;
}

static gpointer
reports (void)
{
  return lp_gui_page (gui, "reports_page");
}

static gboolean
shown (void)
{
  return g_strcmp0 (lp_gui_stack_page (reports (), "content_stack"), "report") == 0;
}

/* From now until the report is in and a frame has been painted with it. */
static double
until_drawn (gint64 start)
{
  gint64 end = start + 600 * G_USEC_PER_SEC;
  guint before;

  /* Longer than a test waits: a year of a large school is the point here. */
  while (!shown ())
    {
      if (g_strcmp0 (lp_gui_stack_page (reports (), "content_stack"), "error") == 0)
        g_error ("The report failed: %s",
                 adw_status_page_get_description (lp_gui_child (reports (), "error_page")));
      if (g_get_monotonic_time () > end)
        g_error ("The report is still not shown (%s)",
                 lp_gui_stack_page (reports (), "content_stack"));
      lp_gui_iterate ();
    }
  before = paints;
  lp_gui_wait_for (paints > before);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static guint
rows (const char *table)
{
  return g_list_model_get_n_items (lp_report_table_get_rows (lp_gui_child (reports (), table)));
}

/* The server's share: the three reports of @from..today asked for one after the other,
 * as JSON, without the app. */
static void
server_time (const char *token,
             const char *from,
             const char *label)
{
  static const char * const paths[] = { "loans", "complaints", "asset-health" };
  g_autofree char *to = lp_test_server_sql_value (server, "SELECT library_today()::text");
  gint64 start = g_get_monotonic_time ();
  gsize bytes = 0;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/reports/%s?from=%s&to=%s", paths[i],
                                               from, to);
      g_autoptr(LpTestResponse) response = lp_test_request (server, "GET", path, token, NULL);

      lp_assert_status (response, 200);
      bytes += g_bytes_get_size (response->body);
    }
  g_print ("%-44s %8.1f ms  (%.1f MB of JSON)\n", label,
           (g_get_monotonic_time () - start) / 1000.0, bytes / 1e6);
}

static void
pdf (const char *label)
{
  g_autofree char *dir = lp_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  gint64 start = g_get_monotonic_time ();
  GStatBuf st;

  gtk_widget_activate_action (reports (), "reports.export-pdf", "s", path);
  g_print ("%-44s %8.1f ms  (%.1f MB)\n", label, (g_get_monotonic_time () - start) / 1000.0,
           g_stat (path, &st) == 0 ? st.st_size / 1e6 : 0.0);
  lp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *url = NULL;
  g_autofree char *year = NULL;
  g_autofree char *admin = NULL;
  g_autofree char *token = NULL;
  g_autofree char *month = NULL;
  GdkFrameClock *clock;
  gint64 start;

  lp_gui_init (&argc, &argv, FALSE);
  g_log_set_debug_enabled (FALSE);
  if (argc < 2)
    g_error ("usage: client-reports-bench DATA.sql");
  /* The production default, not the tests' shorter one. */
  server = lp_test_server_start ((const char *[]) { "--statement-timeout=5000", NULL });
  admin = lp_test_server_create_user (server, "kepala.sari", "Kepala#2026", "admin");
  start = g_get_monotonic_time ();
  load_data (argv[1]);
  g_print ("Data loaded in %.1f s: %s items, %s loans, %s condition events\n",
           (g_get_monotonic_time () - start) / 1e6,
           lp_test_server_sql_value (server, "SELECT count(*) FROM items"),
           lp_test_server_sql_value (server, "SELECT count(*) FROM loans"),
           lp_test_server_sql_value (server, "SELECT count(*) FROM item_condition_events"));
  token = lp_test_server_login (server, "kepala.sari", "Kepala#2026");
  month = lp_test_server_sql_value (server, "SELECT (library_today() - 29)::text");
  year = lp_test_server_sql_value (server, "SELECT (library_today() - 364)::text");
  server_time (token, month, "Server alone: the 3 reports (30 days)");
  server_time (token, year, "Server alone: the 3 reports (a year)");
  url = lp_gui_server_url (server);
  gui = lp_gui_app_new (url, WIDTH);
  lp_gui_log_in (gui, "kepala.sari", "Kepala#2026");
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (gui->window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);

  /* Opening: the three reports of the last 30 days load; asset health is the section. */
  gtk_stack_set_visible_child_name (lp_gui_child (reports (), "section_stack"), "asset-health");
  start = g_get_monotonic_time ();
  adw_view_stack_set_visible_child_name (lp_gui_child (gui->window, "view_stack"), "reports");
  g_print ("%-44s %8.1f ms\n", "Open reports (30 days) → charts drawn", until_drawn (start));
  g_print ("  %u loans, %u damaged, %u maintenance events, %u recommendations\n",
           rows ("loans_table"), rows ("damaged_table"), rows ("maintenance_table"),
           rows ("recommendations_table"));
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *label = g_strdup_printf ("Show again (30 days), run %d", i + 1);

      start = g_get_monotonic_time ();
      gtk_widget_activate_action (reports (), "reports.refresh", NULL);
      g_print ("%-44s %8.1f ms\n", label, until_drawn (start));
    }
  pdf ("PDF of the whole report (30 days)");

  gtk_editable_set_text (lp_gui_child (reports (), "from_entry"), year);
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (reports (), "reports.refresh", NULL);
  g_print ("%-44s %8.1f ms\n", "Show a year → charts drawn", until_drawn (start));
  g_print ("  %u loans, %u damaged, %u maintenance events, %u recommendations\n",
           rows ("loans_table"), rows ("damaged_table"), rows ("maintenance_table"),
           rows ("recommendations_table"));
  pdf ("PDF of the whole report (a year)");

  g_clear_pointer (&gui, lp_gui_app_free);
  lp_test_server_free (server);
  return 0;
}
