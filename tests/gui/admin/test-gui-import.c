/* test-gui-import.c — an admin imports items from a spreadsheet's CSV file: a file with
 * bad rows imports nothing and names each bad line; a good one (semicolons, as an
 * Indonesian spreadsheet writes) goes in whole, and the catalog shows it without a click.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-import"

#include "config.h"

#include "lp-gui-test.h"
#include "lp-import-dialog.h"
#include "lp-items-page.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#define WIDE     1200
#define N_GOOD   25

static LpTestServer *server;
static LpGuiApp *gui;
static char *tmp_dir;

static char *
sql (const char *query)
{
  return lp_test_server_sql_value (server, query);
}

static char *
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_filename_to_uri (path, NULL, &error);
}

static void
show_page (const char *name)
{
  adw_view_stack_set_visible_child_name (lp_gui_child (gui->window, "view_stack"), name);
  lp_gui_iterate ();
}

static guint
n_items (const char *page)
{
  LpPagedModel *model = lp_gui_paged_model (lp_gui_page (gui, page), "list_view");

  if (model == NULL || !lp_paged_model_get_loaded (model))
    return 0;
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static LpImportDialog *
find_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (LP_IS_IMPORT_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
      return l->data;
  return NULL;
}

static gboolean
shown (gpointer    dialog,
       const char *name)
{
  return gtk_widget_get_visible (lp_gui_child (dialog, name));
}

static gboolean
enabled (gpointer    dialog,
         const char *button)
{
  return gtk_widget_get_sensitive (lp_gui_child (dialog, button));
}

/* The titles of the listed problems, "Line 3 · stock_total" each, joined by "|". */
static char *
problem_titles (gpointer dialog)
{
  GtkWidget *list = lp_gui_child (dialog, "problems_list");
  g_autoptr(GString) titles = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    g_string_append_printf (titles, "%s%s", titles->len > 0 ? "|" : "",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static char *
line_title (int         line,
            const char *field)
{
  return g_strdup_printf (_("Line %d · %s"), line, field);
}

/* The text of the preview's cell at @column, @row (0 is the header). */
static const char *
preview_cell (gpointer dialog,
              int      column,
              int      row)
{
  GtkWidget *cell = gtk_grid_get_child_at (lp_gui_child (dialog, "preview_grid"), column, row);

  return cell != NULL ? gtk_label_get_label (GTK_LABEL (cell)) : NULL;
}

static void
open_file (gpointer    dialog,
           const char *uri)
{
  gtk_widget_activate_action (dialog, "import.open-file", "s", uri);
  lp_gui_wait_for (!gtk_widget_get_visible (lp_gui_child (dialog, "progress_bar")));
}

static LpImportDialog *
open_dialog (void)
{
  gpointer page = lp_gui_page (gui, "items_page");
  LpImportDialog *dialog = NULL;

  lp_gui_log_in (gui, "admin.sari", "Admin#2026");
  show_page ("items");
  lp_gui_wait_for (n_items ("items_page") > 0);
  g_assert_true (gtk_widget_get_sensitive (lp_gui_child (page, "import_button")));
  lp_gui_click (lp_gui_child (page, "import_button"));
  lp_gui_wait_for ((dialog = find_dialog ()) != NULL);
  /* Nothing to send before a file is chosen. */
  g_assert_false (enabled (dialog, "import_button"));
  g_assert_false (enabled (dialog, "check_button"));
  g_assert_true (enabled (dialog, "choose_button"));
  return dialog;
}

/* Line 3 has no number of units, line 5 a category the library does not have: nothing
 * goes in, and both lines are named. */
static void
test_bad_rows (void)
{
  LpImportDialog *dialog = open_dialog ();
  g_autofree char *uri = NULL;
  g_autofree char *titles = NULL;
  g_autofree char *stock = line_title (3, "stock_total");
  g_autofree char *category = line_title (5, "category");
  g_autofree char *count = NULL;
  g_autofree char *summary = NULL;

  uri = write_file ("bad.csv",
                    "code,name,category,location,stock_total\r\n"
                    "IMP-B01,Mikroskop Cahaya,Alat Lab,Lab Biologi,4\r\n"
                    "IMP-B02,Gelas Ukur 100 ml,Alat Lab,Lab Kimia,tiga\r\n"
                    "IMP-B03,Buku Tulis Bergaris,Buku,Gudang,20\r\n"
                    "IMP-B04,Proyektor Ruang 2,Elektronik Rusak,Ruang TIK,1\r\n", -1);
  open_file (dialog, uri);
  g_assert_true (shown (dialog, "preview_group"));
  g_assert_cmpstr (preview_cell (dialog, 4, 0), ==, "stock_total");
  g_assert_cmpstr (preview_cell (dialog, 4, 2), ==, "tiga");
  g_assert_true (enabled (dialog, "import_button"));
  lp_gui_screenshot (GTK_WIDGET (dialog), "import-preview");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  lp_gui_wait_for (shown (dialog, "problems_group"));
  titles = problem_titles (dialog);
  g_test_message ("problems: %s", titles);
  g_assert_nonnull (strstr (titles, stock));
  g_assert_nonnull (strstr (titles, category));
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Nothing was imported: %u line has problems.",
                                          "Nothing was imported: %u lines have problems.", 2),
                             2);
  g_assert_cmpstr (lp_gui_shown_text (dialog, "problem_label"), ==, summary);
  g_assert_false (shown (dialog, "result_label"));
  count = sql ("SELECT count(*) FROM items WHERE code LIKE 'IMP-%'");
  g_assert_cmpstr (count, ==, "0");
  lp_gui_screenshot (GTK_WIDGET (dialog), "import-errors");
}

/* A semicolon file of N_GOOD books, one name holding a quoted semicolon: checked (nothing
 * written), then imported whole; the catalog and the Items page show the new items. */
static void
test_good_file (void)
{
  LpImportDialog *dialog = find_dialog ();
  g_autoptr(GString) csv = g_string_new ("code;name;category;location;stock_total;author;year\r\n");
  g_autofree char *uri = NULL;
  g_autofree char *count = NULL;
  g_autofree char *name = NULL;
  g_autofree char *ready = NULL;
  g_autofree char *done = NULL;
  g_autofree char *category = line_title (3, "category");
  g_autofree char *new_category = NULL;
  g_autofree char *titles = NULL;
  guint catalog_before, items_before;

  g_assert_nonnull (dialog);
  show_page ("catalog");
  lp_gui_wait_for ((catalog_before = n_items ("catalog_page")) > 0);
  items_before = n_items ("items_page");
  g_assert_cmpuint (items_before, ==, catalog_before);
  g_string_append (csv, "IMP-G01;\"Sejarah Indonesia; Jilid 1\";Buku;Perpustakaan, rak C1;"
                        "3;Sartono Kartodirdjo;2015\r\n");
  /* A category the library does not have yet, added as the option says. */
  g_string_append (csv, "IMP-G02;Peta Dunia Dinding;Peta;Ruang Geografi;2;;\r\n");
  for (guint i = 3; i <= N_GOOD; i++)
    g_string_append_printf (csv, "IMP-G%02u;Bahasa Inggris Kelas %u;Buku;Perpustakaan, rak C2;"
                            "%u;Tim Penulis;2020\r\n", i, i, i % 7 + 1);
  uri = write_file ("baik.csv", csv->str, (gssize) csv->len);
  open_file (dialog, uri);
  /* The preview splits at semicolons as the server does: the quoted one stays. */
  g_assert_cmpstr (preview_cell (dialog, 1, 1), ==, "Sejarah Indonesia; Jilid 1");
  g_assert_cmpstr (preview_cell (dialog, 4, 0), ==, "stock_total");
  g_assert_null (preview_cell (dialog, 0, 7));
  g_assert_false (shown (dialog, "problems_group"));

  /* Without the option the new category is a bad row. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.check", NULL);
  lp_gui_wait_for (shown (dialog, "problems_group"));
  titles = problem_titles (dialog);
  g_assert_cmpstr (titles, ==, category);
  gtk_switch_set_active (lp_gui_child (dialog, "categories_switch"), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.check", NULL);
  lp_gui_wait_for (shown (dialog, "result_label"));
  g_assert_false (shown (dialog, "problems_group"));
  ready = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "The file is ready: %d item would be imported, %d "
                                        "updated. Nothing has been written yet.",
                                        "The file is ready: %d items would be imported, %d "
                                        "updated. Nothing has been written yet.", N_GOOD),
                           N_GOOD, 0);
  g_assert_cmpstr (lp_gui_shown_text (dialog, "result_label"), ==, ready);
  count = sql ("SELECT count(*) FROM items WHERE code LIKE 'IMP-%'");
  g_assert_cmpstr (count, ==, "0");
  g_clear_pointer (&count, g_free);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d item imported, %d updated",
                                       "%d items imported, %d updated", N_GOOD), N_GOOD, 0);
  lp_gui_wait_for (g_strcmp0 (lp_gui_shown_text (dialog, "result_label"), done) == 0);
  g_assert_false (shown (dialog, "problem_label"));
  /* Once in, the same file cannot be sent twice by accident. */
  g_assert_false (enabled (dialog, "import_button"));
  count = sql ("SELECT count(*) FROM items WHERE code LIKE 'IMP-%'");
  g_assert_cmpstr (count, ==, "25");
  name = sql ("SELECT name FROM items WHERE code = 'IMP-G01'");
  g_assert_cmpstr (name, ==, "Sejarah Indonesia; Jilid 1");
  new_category = sql ("SELECT c.name FROM items JOIN categories c ON c.id = category_id"
                      " WHERE code = 'IMP-G02'");
  g_assert_cmpstr (new_category, ==, "Peta");
  lp_gui_screenshot (GTK_WIDGET (dialog), "import-success");

  /* Live: the server's resync reloads both lists, nobody clicks. */
  lp_gui_wait_for (n_items ("catalog_page") == catalog_before + N_GOOD);
  lp_gui_wait_for (n_items ("items_page") == items_before + N_GOOD);
  gtk_window_close (GTK_WINDOW (dialog));
  lp_gui_wait_for (find_dialog () == NULL);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "import-catalog");
  show_page ("items");
  lp_gui_screenshot (GTK_WIDGET (gui->window), "import-items");
}

/* A file of codes already there is refused, unless it updates them. */
static void
test_update_existing (void)
{
  gpointer page = lp_gui_page (gui, "items_page");
  LpImportDialog *dialog = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *duplicate = line_title (2, "code");
  g_autofree char *titles = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *stock = NULL;

  show_page ("items");
  uri = write_file ("ubah.csv", "code,name,category,location,stock_total\n"
                    "IMP-G03,Bahasa Inggris Kelas 3,Buku,\"Perpustakaan, rak D1\",9\n", -1);
  lp_gui_click (lp_gui_child (page, "import_button"));
  lp_gui_wait_for ((dialog = find_dialog ()) != NULL);
  open_file (dialog, uri);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  lp_gui_wait_for (shown (dialog, "problems_group"));
  titles = problem_titles (dialog);
  g_assert_cmpstr (titles, ==, duplicate);
  gtk_switch_set_active (lp_gui_child (dialog, "upsert_switch"), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  updated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d item imported, %d updated",
                                          "%d items imported, %d updated", 0), 0, 1);
  lp_gui_wait_for (g_strcmp0 (lp_gui_shown_text (dialog, "result_label"), updated) == 0);
  stock = sql ("SELECT stock_total || ' ' || location FROM items WHERE code = 'IMP-G03'");
  g_assert_cmpstr (stock, ==, "9 Perpustakaan, rak D1");
  gtk_window_close (GTK_WINDOW (dialog));
  lp_gui_wait_for (find_dialog () == NULL);
}

/* A file over the server's 10 MB is refused before anything is sent. */
static void
test_too_big (void)
{
  gpointer page = lp_gui_page (gui, "items_page");
  LpImportDialog *dialog = NULL;
  gsize size = 10 * 1024 * 1024 + 1;
  g_autofree char *big = g_malloc (size);
  g_autofree char *uri = NULL;

  show_page ("items");
  memset (big, 'a', size);
  uri = write_file ("besar.csv", big, (gssize) size);
  lp_gui_click (lp_gui_child (page, "import_button"));
  lp_gui_wait_for ((dialog = find_dialog ()) != NULL);
  open_file (dialog, uri);
  g_assert_nonnull (lp_gui_shown_text (dialog, "problem_label"));
  g_assert_false (shown (dialog, "preview_group"));
  g_assert_false (enabled (dialog, "import_button"));
  g_assert_false (enabled (dialog, "check_button"));
  gtk_window_close (GTK_WINDOW (dialog));
  lp_gui_wait_for (find_dialog () == NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *url = NULL;
  g_autofree char *admin_id = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const files[] = { "bad.csv", "baik.csv", "ubah.csv", "besar.csv" };
  int status;

  lp_gui_init (&argc, &argv, FALSE);
  tmp_dir = g_dir_make_tmp ("lp-import-XXXXXX", &error);
  g_assert_no_error (error);
  server = lp_test_server_start (NULL);
  lp_gui_seed_catalog (server, 0);
  admin_id = lp_test_server_create_user (server, "admin.sari", "Admin#2026", "admin");
  url = lp_gui_server_url (server);
  gui = lp_gui_app_new (url, WIDE);

  g_test_add_func ("/lp/gui/import/bad-rows", test_bad_rows);
  g_test_add_func ("/lp/gui/import/good-file", test_good_file);
  g_test_add_func ("/lp/gui/import/update-existing", test_update_existing);
  g_test_add_func ("/lp/gui/import/too-big", test_too_big);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  lp_test_server_free (server);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (tmp_dir, files[i], NULL);

      g_unlink (path);
    }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
