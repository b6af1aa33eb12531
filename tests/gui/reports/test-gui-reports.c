/* test-gui-reports.c — the dashboard's numbers and the admin's reports against data with
 * known counts: the numbers follow an approval made elsewhere, the tables and the chart's
 * bars are the server's counts, the PDF shows the title and the charts, and the CSV saved
 * is the server's own.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-reports"

#include "config.h"

#include "lp-chart.h"
#include "lp-dashboard-page.h"
#include "lp-gui-test.h"
#include "lp-report-table.h"
#include "lp-reports-page.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#define WIDE 1100

static LpTestServer *server;
static LpGuiApp *gui;
static char *member_token;
static char *staff_token;
static char *admin_token;
static char *tmp_dir;

/* T is the library's today. Loans of siswa.andi: 3 pending (from T+2), 2 borrowed and 1
 * approved (not out yet, so not counted as due back) due today, 1 borrowed due T+3, 2 overdue, 2 returned; 4 complaints (2
 * waiting); 4 damage events in the period: 3 on a book, 1 on a lab tool. */
static const char * const dataset[] = {
  "CREATE FUNCTION t_day(n int) RETURNS date LANGUAGE sql STABLE"
  "  RETURN library_today() + n",
  "CREATE FUNCTION t_at(n int) RETURNS timestamptz LANGUAGE sql STABLE"
  "  RETURN library_day_start(library_today() + n) + interval '10 hours'",
  "INSERT INTO loans (code, user_id, item_id, quantity, start_date, due_date, purpose, status,"
  " decided_at, handed_over_at, returned_at, created_at)"
  " SELECT v.code, (SELECT id FROM users WHERE username = 'siswa.andi'),"
  "  (SELECT id FROM items WHERE code = v.item), 1, t_day(v.s), t_day(v.d), 'Tugas kelas',"
  "  v.status, CASE WHEN v.status <> 'pending' THEN t_at(v.s - 1) END,"
  "  CASE WHEN v.status IN ('borrowed', 'returned') THEN t_at(v.s) END,"
  "  CASE WHEN v.status = 'returned' THEN t_at(v.d) END, t_at(LEAST(v.s, 0) - 1)"
  " FROM (VALUES"
  "  ('LP-2026-900001', 'BK-0005', 2, 5, 'pending'),"
  "  ('LP-2026-900002', 'BK-0005', 3, 6, 'pending'),"
  "  ('LP-2026-900003', 'LAB-004', 2, 4, 'pending'),"
  "  ('LP-2026-900004', 'BK-0005', -3, 0, 'borrowed'),"
  "  ('LP-2026-900005', 'LAB-004', -3, 0, 'borrowed'),"
  "  ('LP-2026-900006', 'TIK-001', -1, 0, 'approved'),"
  "  ('LP-2026-900007', 'TIK-001', -2, 3, 'borrowed'),"
  "  ('LP-2026-900008', 'BK-0005', -6, -2, 'borrowed'),"
  "  ('LP-2026-900009', 'LAB-004', -6, -2, 'borrowed'),"
  "  ('LP-2026-900010', 'BK-0005', -10, -5, 'returned'),"
  "  ('LP-2026-900011', 'TIK-001', -10, -5, 'returned')"
  " ) AS v (code, item, s, d, status)",
  "INSERT INTO complaints (title, description, location, category_id, reporter_id, status,"
  " created_at, updated_at)"
  " SELECT v.title, 'Mohon dicek', 'Ruang kelas 8B', (SELECT id FROM categories WHERE name = 'Furnitur'),"
  "  (SELECT id FROM users WHERE username = 'siswa.andi'), v.status, t_at(-3), t_at(-3)"
  " FROM (VALUES ('Kursi patah', 'waiting'), ('Papan tulis retak', 'waiting'),"
  "  ('Meja goyang', 'in_progress'), ('Lemari macet', 'done')) AS v (title, status)",
  "INSERT INTO item_condition_events (item_id, source, condition_from, condition_to, note,"
  " created_at, resolved_at)"
  " SELECT (SELECT id FROM items WHERE code = v.item), 'admin_edit', 'good', v.cond, v.note,"
  "  t_at(v.n), t_at(v.n + 1)"
  " FROM (VALUES ('BK-0005', 'minor_damage', 'Sampul sobek', -9),"
  "  ('BK-0005', 'minor_damage', 'Halaman lepas', -7),"
  "  ('BK-0005', 'minor_damage', 'Basah', -5),"
  "  ('LAB-004', 'major_damage', 'Retak', -4)) AS v (item, cond, note, n)",
};

static void
seed (void)
{
  g_autofree char *admin_id = NULL;
  g_autofree char *events = NULL;

  lp_gui_seed_desk (server, &member_token, &staff_token);
  admin_id = lp_test_server_create_user (server, "kepala.sari", "Kepala#2026", "admin");
  admin_token = lp_test_server_login (server, "kepala.sari", "Kepala#2026");
  /* The catalog has no damage history of its own: the 4 events below are all there is. */
  events = lp_test_server_sql_value (server, "SELECT count(*) FROM item_condition_events");
  g_assert_cmpstr (events, ==, "0");
  for (guint i = 0; i < G_N_ELEMENTS (dataset); i++)
    PQclear (lp_test_server_sql (server, dataset[i], 0, NULL));
}

/*
 * The dashboard
 */

static const char *
number (const char *tile)
{
  g_autofree char *name = g_strdup_printf ("%s_label", tile);

  return gtk_label_get_label (lp_gui_child (lp_gui_page (gui, "dashboard_page"), name));
}

static const char *
visible_page (void)
{
  return adw_view_stack_get_visible_child_name (lp_gui_child (gui->window, "view_stack"));
}

static void
test_dashboard (void)
{
  g_autofree char *maintenance = lp_test_server_sql_value (
    server, "SELECT count(*) FROM items WHERE status = 'maintenance'");
  g_autofree char *pending_id = lp_test_server_sql_value (
    server, "SELECT id FROM loans WHERE code = 'LP-2026-900001'");
  g_autofree char *path = g_strdup_printf ("/api/v1/loans/%s/approve", pending_id);
  g_autoptr(LpTestResponse) response = NULL;
  GtkWidget *dashboard;
  gpointer catalog;

  lp_gui_log_in (gui, "kepala.sari", "Kepala#2026");
  /* The first page staff and admins see. */
  lp_gui_wait_for (g_strcmp0 (visible_page (), "dashboard") == 0);
  dashboard = lp_gui_page (gui, "dashboard_page");
  lp_gui_wait_for (g_strcmp0 (number ("pending"), "3") == 0 &&
                   g_strcmp0 (number ("due_today"), "2") == 0 &&
                   g_strcmp0 (number ("overdue"), "2") == 0 &&
                   g_strcmp0 (number ("waiting"), "2") == 0 &&
                   g_strcmp0 (number ("maintenance"), maintenance) == 0);
  g_assert_cmpstr (maintenance, !=, "0");
  lp_gui_screenshot (GTK_WIDGET (gui->window), "dashboard");

  /* Another desk approves a request: the number follows within a moment. */
  response = lp_test_request (server, "POST", path, staff_token, "{}");
  lp_assert_status (response, 200);
  lp_gui_wait_for (g_strcmp0 (number ("pending"), "2") == 0);
  g_assert_cmpstr (number ("due_today"), ==, "2");

  /* A number opens its list: the loans due back today, the pending requests. */
  lp_gui_click (lp_gui_child (dashboard, "due_today_button"));
  lp_gui_wait_for (g_strcmp0 (visible_page (), "loans") == 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (lp_gui_child (lp_gui_page (gui, "loans_page"),
                                                              "filter_dropdown")), ==, 2);
  lp_gui_click (lp_gui_child (dashboard, "pending_button"));
  lp_gui_wait_for (g_strcmp0 (visible_page (), "requests") == 0);

  /* The items in maintenance: the catalog filtered to them, as many as the number. */
  adw_view_stack_set_visible_child_name (lp_gui_child (gui->window, "view_stack"), "dashboard");
  lp_gui_click (lp_gui_child (dashboard, "maintenance_button"));
  lp_gui_wait_for (g_strcmp0 (visible_page (), "catalog") == 0);
  catalog = lp_gui_page (gui, "catalog_page");
  g_assert_true (gtk_toggle_button_get_active (lp_gui_child (catalog, "maintenance_toggle")));
  lp_gui_wait_for (lp_paged_model_get_loaded (lp_gui_paged_model (catalog, "list_view")) &&
                   !lp_paged_model_get_loading (lp_gui_paged_model (catalog, "list_view")) &&
                   g_list_model_get_n_items (G_LIST_MODEL (lp_gui_paged_model (catalog, "list_view")))
                   == g_ascii_strtoull (maintenance, NULL, 10));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "catalog-maintenance");
}

/*
 * The reports
 */

static LpReportsPage *
reports (void)
{
  return lp_gui_page (gui, "reports_page");
}

static guint
n_rows (const char *table)
{
  return g_list_model_get_n_items (lp_report_table_get_rows (lp_gui_child (reports (), table)));
}

/* The value of the point @label of the chart @chart (what it draws), or -1. */
static double
bar (const char *chart,
     const char *label)
{
  GVariant *series = lp_chart_get_series (lp_gui_child (reports (), chart));
  const char *name;
  double value;
  GVariantIter iter;

  g_assert_nonnull (series);
  g_variant_iter_init (&iter, series);
  while (g_variant_iter_next (&iter, "(&sd)", &name, &value))
    if (g_strcmp0 (name, label) == 0)
      return value;
  return -1;
}

static double
sum (const char *chart)
{
  GVariant *series = lp_chart_get_series (lp_gui_child (reports (), chart));
  const char *name;
  double value, total = 0;
  GVariantIter iter;

  g_variant_iter_init (&iter, series);
  while (g_variant_iter_next (&iter, "(&sd)", &name, &value))
    total += value;
  return total;
}

/* The number on the count tile named @label of the flow box @box. */
static const char *
tile (const char *box,
      const char *label)
{
  GtkWidget *flow = lp_gui_child (reports (), box);

  for (GtkWidget *child = gtk_widget_get_first_child (flow); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *tile_box = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      GtkWidget *number_label = gtk_widget_get_first_child (tile_box);
      GtkWidget *name_label = gtk_widget_get_next_sibling (number_label);

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (name_label)), label) == 0)
        return gtk_label_get_label (GTK_LABEL (number_label));
    }
  return NULL;
}

static void
show_section (const char *name)
{
  gtk_stack_set_visible_child_name (lp_gui_child (reports (), "section_stack"), name);
  lp_gui_spin (300);
}

static void
test_report_tables (void)
{
  gpointer chart;
  g_autofree char *three_days_ago = lp_test_server_sql_value (
    server, "SELECT to_char(library_today() - 3, 'FMDD/FMMM')");

  adw_view_stack_set_visible_child_name (lp_gui_child (gui->window, "view_stack"), "reports");
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (reports (), "content_stack"), "report") == 0);

  /* Loans of the last 30 days: the 8 that overlap it, none of the requests from T+2. */
  g_assert_cmpuint (n_rows ("loans_table"), ==, 8);
  g_assert_cmpstr (tile ("loan_counts", _("Borrowed")), ==, "3");
  g_assert_cmpstr (tile ("loan_counts", _("Approved")), ==, "1");
  g_assert_cmpstr (tile ("loan_counts", _("Overdue")), ==, "2");
  g_assert_cmpstr (tile ("loan_counts", _("Returned")), ==, "2");
  g_assert_cmpstr (tile ("loan_counts", _("Pending")), ==, "0");
  /* Loans per day: 30 days, each loan on its start day. */
  g_assert_cmpuint (g_variant_n_children (lp_chart_get_series (lp_gui_child (reports (), "loans_chart"))),
                    ==, 30);
  g_assert_cmpfloat (sum ("loans_chart"), ==, 8);
  g_assert_cmpfloat (bar ("loans_chart", three_days_ago), ==, 2);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "reports-loans");

  show_section ("complaints");
  g_assert_cmpuint (n_rows ("complaints_table"), ==, 4);
  g_assert_cmpstr (tile ("complaint_counts", _("Waiting")), ==, "2");
  g_assert_cmpstr (tile ("complaint_counts", _("In progress")), ==, "1");
  g_assert_cmpstr (tile ("complaint_counts", _("Done")), ==, "1");
  gtk_drop_down_set_selected (lp_gui_child (reports (), "complaint_status_dropdown"), 1);
  lp_gui_wait_for (n_rows ("complaints_table") == 2);
  g_assert_nonnull (lp_gui_find_label (lp_gui_child (reports (), "complaints_table"),
                                       "Kursi patah"));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "reports-complaints");

  show_section ("asset-health");
  /* The bars are the damage events per category, every category drawn. */
  g_assert_cmpfloat (bar ("category_chart", "Buku"), ==, 3);
  g_assert_cmpfloat (bar ("category_chart", "Alat Lab"), ==, 1);
  g_assert_cmpfloat (bar ("category_chart", "Perangkat TIK"), ==, 0);
  g_assert_cmpfloat (sum ("month_chart"), ==, 4);
  g_assert_cmpuint (n_rows ("most_damaged_table"), ==, 2);
  g_assert_cmpuint (n_rows ("maintenance_table"), ==, 4);
  /* Hovering: left of the scale is no point, the right edge is the last category's. */
  chart = lp_gui_child (reports (), "category_chart");
  g_assert_cmpint (lp_chart_point_at (chart, -5, 10), ==, -1);
  g_assert_cmpint (lp_chart_point_at (chart, gtk_widget_get_width (chart) - 10,
                                      gtk_widget_get_height (chart) / 2.0), ==,
                   (int) g_variant_n_children (lp_chart_get_series (chart)) - 1);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "reports-asset-health");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  lp_gui_spin (300);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "reports-asset-health-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* A narrow window (360 px) still fits the report; the switcher moves to the bottom. */
  lp_gui_set_width (gui, 360);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "reports-asset-health");
  lp_gui_set_width (gui, WIDE);
}

/* Pixels of the accent colour (blue: the charts' marks) in the PNG at @path. */
static guint
accent_pixels (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, &error);
  int width, height;
  g_autofree guchar *data = NULL;
  guint n = 0;

  g_assert_no_error (error);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  data = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, data, (gsize) width * 4);
  for (int i = 0; i < width * height; i++)
    {
      /* Cairo's ARGB32, native byte order: B G R A in memory. */
      guchar b = data[i * 4], g = data[i * 4 + 1], r = data[i * 4 + 2];

      if (b > r + 60 && b > g + 20)
        n++;
    }
  return n;
}

/* The rendered page beside the screenshots, to be looked at. */
static void
keep_page (const char *png,
           const char *name)
{
  const char *dir = g_getenv ("LP_SCREENSHOT_DIR");
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *folder = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GFile) from = g_file_new_for_path (png);
  g_autoptr(GFile) to = NULL;

  if (dir == NULL)
    return;
  folder = g_build_filename (dir, language != NULL ? language : "C", NULL);
  g_mkdir_with_parents (folder, 0755);
  target = g_strdup_printf ("%s/%s.png", folder, name);
  to = g_file_new_for_path (target);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
}

static void
test_pdf (void)
{
  g_autofree char *pdf = g_build_filename (tmp_dir, "laporan.pdf", NULL);
  g_autofree char *prefix = g_build_filename (tmp_dir, "page", NULL);
  g_autofree char *png = g_build_filename (tmp_dir, "page.png", NULL);
  g_autofree char *text = NULL;
  gint64 start = g_get_monotonic_time ();

  gtk_widget_activate_action (GTK_WIDGET (reports ()), "reports.export-pdf", "s", pdf);
  g_test_message ("PDF export: %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  text = lp_gui_run ((const char *[]) { "pdftotext", "-layout", pdf, "-", NULL });
  g_assert_nonnull (strstr (text, _("Library Report")));
  g_assert_nonnull (strstr (text, _("Damage per category")));
  g_assert_nonnull (strstr (text, "LP-2026-900004"));
  g_free (lp_gui_run ((const char *[]) { "pdftoppm", "-png", "-r", "60", "-f", "1", "-singlefile", pdf,
                                   prefix, NULL }));
  keep_page (png, "reports-pdf-page-1");
  /* The first page holds the loans chart: its bars are drawn in the accent. */
  g_assert_cmpuint (accent_pixels (png), >, 100);
}

static void
test_csv (void)
{
  g_autofree char *csv = g_build_filename (tmp_dir, "asset-health.csv", NULL);
  g_autofree char *from = lp_test_server_sql_value (server, "SELECT (library_today() - 29)::text");
  g_autofree char *to = lp_test_server_sql_value (server, "SELECT library_today()::text");
  g_autofree char *path = g_strdup_printf ("/api/v1/reports/asset-health?format=csv&from=%s&to=%s",
                                           from, to);
  g_autoptr(LpTestResponse) response = lp_test_request (server, "GET", path, admin_token, NULL);
  g_autofree char *saved = NULL;
  gsize length = 0;

  lp_assert_status (response, 200);
  show_section ("asset-health");
  gtk_widget_activate_action (GTK_WIDGET (reports ()), "reports.export-csv", "s", csv);
  lp_gui_wait_for (g_file_test (csv, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (csv, &saved, &length, NULL));
  g_assert_cmpmem (saved, length, g_bytes_get_data (response->body, NULL),
                   g_bytes_get_size (response->body));
  g_assert_nonnull (strstr (saved, "Sampul sobek"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *url = NULL;
  int status;

  lp_gui_init (&argc, &argv, FALSE);
  server = lp_test_server_start (NULL);
  seed ();
  tmp_dir = lp_test_make_tmp_dir ();
  url = lp_gui_server_url (server);
  gui = lp_gui_app_new (url, WIDE);

  g_test_add_func ("/lp/gui/reports/dashboard", test_dashboard);
  g_test_add_func ("/lp/gui/reports/tables", test_report_tables);
  g_test_add_func ("/lp/gui/reports/pdf", test_pdf);
  g_test_add_func ("/lp/gui/reports/csv", test_csv);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  lp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (member_token);
  g_free (staff_token);
  g_free (admin_token);
  lp_test_server_free (server);
  return status;
}
