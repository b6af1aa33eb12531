/* test-gui-labels.c — an admin selects items and prints their QR labels, and selects
 * members and prints their cards: saved as PDFs through the dialog, every page rendered
 * at 150 dpi and every QR code on it read back by zbar. The codes read are exactly the
 * items (or usernames, what the kiosk's scanner types) that were selected, no more, no
 * fewer; the cards carry the school's name.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-labels"

#include "config.h"

#include "lp-gui-test.h"
#include "lp-item-page.h"
#include "lp-label-dialog.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <zbar.h>

#define WIDE 1200
#define SCHOOL "SMP Negeri 3 Lentera"
/* Two lines in the settings, one on the card. */
#define ADDRESS "Jl. Pendidikan No. 7\\nKota Lentera"
#define ADDRESS_ON_CARD "Jl. Pendidikan No. 7, Kota Lentera"
#define N_ITEMS 40
#define N_MEMBERS 12
/* Many more than the list fetches at once (100 rows a page). */
#define N_PIPETTES 1000

static LpTestServer *server;
static LpGuiApp *gui;

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *info = lp_gui_run ((const char *[]) { "pdfinfo", pdf, NULL });
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  /* A4 is 595 × 842 points. */
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts"));
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* Reads the QR codes of the grey image @grey (rows of @width bytes), adding what each
 * says to @codes. zbar finds only some codes of a sheet full of them in one pass, so
 * what it read is painted white, as a hand over a label, and the rest scanned again
 * until nothing more is found. */
static void
scan_area (guint8    *grey,
           int        width,
           int        height,
           GPtrArray *codes)
{
  for (;;)
    {
      zbar_image_scanner_t *scanner = zbar_image_scanner_create ();
      zbar_image_t *image = zbar_image_create ();
      int found;

      zbar_image_scanner_set_config (scanner, 0, ZBAR_CFG_ENABLE, 0);
      zbar_image_scanner_set_config (scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
      zbar_image_set_format (image, zbar_fourcc ('Y', '8', '0', '0'));
      zbar_image_set_size (image, width, height);
      zbar_image_set_data (image, grey, (unsigned long) width * height, NULL);
      found = zbar_scan_image (scanner, image);
      for (const zbar_symbol_t *symbol = zbar_image_first_symbol (image); symbol != NULL;
           symbol = zbar_symbol_next (symbol))
        {
          int left = width, top = height, right = 0, bottom = 0;

          g_ptr_array_add (codes, g_strdup (zbar_symbol_get_data (symbol)));
          for (unsigned i = 0; i < zbar_symbol_get_loc_size (symbol); i++)
            {
              left = MIN (left, zbar_symbol_get_loc_x (symbol, i));
              right = MAX (right, zbar_symbol_get_loc_x (symbol, i));
              top = MIN (top, zbar_symbol_get_loc_y (symbol, i));
              bottom = MAX (bottom, zbar_symbol_get_loc_y (symbol, i));
            }
          for (int y = MAX (0, top - 4); y < MIN (height, bottom + 5); y++)
            memset (grey + (gsize) y * width + MAX (0, left - 4), 0xff,
                    MIN (width, right + 5) - MAX (0, left - 4));
        }
      zbar_image_destroy (image);
      zbar_image_scanner_destroy (scanner);
      if (found <= 0)
        break;
    }
}

/* A scanner held over one band of the sheet at a time: overlapping bands of @BAND rows,
 * each taller than a QR code, so every code is whole in one of them; what was read is
 * white by the next band, so nothing is read twice. */
#define BAND 450
#define BAND_STEP 150

static void
scan_grey (guint8    *grey,
           int        width,
           int        height,
           GPtrArray *codes)
{
  for (int top = 0; top < height; top += BAND_STEP)
    scan_area (grey + (gsize) top * width, width, MIN (BAND, height - top), codes);
  scan_area (grey, width, height, codes);
}

static void
scan_png (const char *png,
          GPtrArray  *codes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file (png, &error);
  g_autofree guint8 *grey = NULL;
  int width, height, stride, channels;
  const guint8 *pixels;

  g_assert_no_error (error);
  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  stride = gdk_pixbuf_get_rowstride (pixbuf);
  channels = gdk_pixbuf_get_n_channels (pixbuf);
  pixels = gdk_pixbuf_read_pixels (pixbuf);
  grey = g_malloc ((gsize) width * height);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *p = pixels + (gsize) y * stride + x * channels;

        grey[(gsize) y * width + x] = (p[0] * 299 + p[1] * 587 + p[2] * 114) / 1000;
      }
  scan_grey (grey, width, height, codes);
}

/* Every QR code a scanner reads off every page of @pdf at 150 dpi, sorted. */
static GPtrArray *
scan_pdf (const char *pdf,
          const char *png_base)
{
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  guint pages = pdf_pages (pdf);

  for (guint page = 1; page <= pages; page++)
    {
      g_autofree char *number = g_strdup_printf ("%u", page);
      g_autofree char *base = g_strdup_printf ("%s-%u", png_base, page);
      g_autofree char *png = g_strconcat (base, ".png", NULL);
      g_autofree char *ignored = lp_gui_run ((const char *[]) { "pdftoppm", "-r", "150", "-png",
                                                         "-f", number, "-l", number,
                                                         "-singlefile", pdf, base, NULL });

      scan_png (png, codes);
    }
  g_ptr_array_sort (codes, compare_strings);
  return codes;
}

/* The codes of the selected rows of @page's list, sorted. */
static GPtrArray *
selected_codes (gpointer    page,
                const char *property)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (lp_gui_child (page, "list_view"));
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(GObject) object = g_list_model_get_item (G_LIST_MODEL (selection), position);
      g_autofree char *code = NULL;

      g_object_get (object, property, &code, NULL);
      g_ptr_array_add (codes, g_steal_pointer (&code));
    }
  g_ptr_array_sort (codes, compare_strings);
  return codes;
}

static void
assert_same_codes (GPtrArray *scanned,
                   GPtrArray *expected)
{
  g_assert_cmpuint (scanned->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (g_ptr_array_index (scanned, i), ==, g_ptr_array_index (expected, i));
}

static LpLabelDialog *
find_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (LP_IS_LABEL_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
show_page (const char *name)
{
  adw_view_stack_set_visible_child_name (lp_gui_child (gui->window, "view_stack"), name);
  lp_gui_iterate ();
}

/* Fills @page's list with what @search finds, and selects every row but the 3rd and
 * the 7th: an admin's Ctrl+A, then Ctrl+clicks. */
static void
select_all_but_two (gpointer    page,
                    const char *button,
                    const char *search,
                    guint       expected)
{
  GtkSelectionModel *selection;
  LpPagedModel *model = lp_gui_paged_model (page, "list_view");

  gtk_editable_set_text (lp_gui_child (page, "search_entry"), search);
  lp_gui_wait_for (lp_paged_model_get_loaded (model) && !lp_paged_model_get_loading (model) &&
                   g_list_model_get_n_items (G_LIST_MODEL (model)) == expected);
  selection = gtk_list_view_get_model (lp_gui_child (page, "list_view"));
  g_assert_false (gtk_widget_is_sensitive (lp_gui_child (page, button)));
  gtk_selection_model_select_all (selection);
  gtk_selection_model_unselect_item (selection, 2);
  gtk_selection_model_unselect_item (selection, 6);
  lp_gui_iterate ();
  g_assert_true (gtk_widget_is_sensitive (lp_gui_child (page, button)));
}

/* Saves the sheet of the open dialog as @pdf, and waits for the window to say so. */
static void
save_from_dialog (LpLabelDialog *dialog,
                  const char    *pdf,
                  const char    *toast)
{
  g_unlink (pdf);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "label.save-pdf", "s", pdf);
  lp_gui_wait_for (lp_gui_toast_shown (gui, toast));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_null (find_dialog ());
}

/* The toasts, as the app words them. */
static const char *
labels_saved (const char *pdf)
{
  static char *text;

  g_free (text);
  /* Translators: %s is a file name, e.g. "labels.pdf". */
  text = g_strdup_printf (_("Labels saved as %s"), pdf);
  return text;
}

static const char *
cards_saved (const char *pdf)
{
  static char *text;

  g_free (text);
  /* Translators: %s is a file name, e.g. "member-cards.pdf". */
  text = g_strdup_printf (_("Member cards saved as %s"), pdf);
  return text;
}

static void
test_item_labels (void)
{
  gpointer page = lp_gui_page (gui, "items_page");
  g_autofree char *pdf = lp_gui_output_path ("labels.pdf");
  g_autofree char *png = lp_gui_output_path ("labels");
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) scanned = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *count = NULL;
  g_autofree char *sheets = NULL;
  LpLabelDialog *dialog;
  AdwComboRow *preset;
  guint n_presets;

  show_page ("items");
  select_all_but_two (page, "labels_button", "Tabung Reaksi", N_ITEMS);
  expected = selected_codes (page, "code");
  g_assert_cmpuint (expected->len, ==, N_ITEMS - 2);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "labels-selected");
  lp_gui_click (lp_gui_child (page, "labels_button"));
  lp_gui_wait_for ((dialog = find_dialog ()) != NULL);
  /* 38 labels, 24 to a 3 × 8 sheet: two sheets. */
  count = g_strdup_printf (g_dngettext (NULL, "%u label", "%u labels", N_ITEMS - 2), N_ITEMS - 2);
  sheets = g_strdup_printf (g_dngettext (NULL, "%u sheet of A4", "%u sheets of A4", 2), 2);
  summary = g_strdup_printf ("%s · %s", count, sheets);
  g_assert_cmpstr (lp_gui_shown_text (dialog, "summary_label"), ==, summary);
  lp_gui_spin (300);
  lp_gui_screenshot (GTK_WIDGET (dialog), "labels-dialog");

  /* Custom: margins that leave no room are refused before anything is printed. */
  preset = lp_gui_child (dialog, "preset_row");
  n_presets = g_list_model_get_n_items (adw_combo_row_get_model (preset));
  adw_combo_row_set_selected (preset, n_presets - 1);   /* "Custom" */
  g_assert_true (gtk_widget_is_sensitive (lp_gui_child (dialog, "rows_spin")));
  gtk_spin_button_set_value (lp_gui_child (dialog, "margin_top_spin"), 100);
  gtk_spin_button_set_value (lp_gui_child (dialog, "rows_spin"), 20);
  g_assert_nonnull (lp_gui_shown_text (dialog, "error_label"));
  g_assert_false (gtk_widget_is_sensitive (lp_gui_child (dialog, "save_button")));
  lp_gui_spin (300);
  lp_gui_screenshot (GTK_WIDGET (dialog), "labels-dialog-custom-refused");
  /* Back to the 3 × 8 sheet. */
  adw_combo_row_set_selected (preset, 0);
  g_assert_false (gtk_widget_is_sensitive (lp_gui_child (dialog, "rows_spin")));
  g_assert_null (lp_gui_shown_text (dialog, "error_label"));
  g_assert_cmpstr (lp_gui_shown_text (dialog, "summary_label"), ==, summary);

  save_from_dialog (dialog, pdf, labels_saved (pdf));
  g_assert_cmpuint (pdf_pages (pdf), ==, 2);
  scanned = scan_pdf (pdf, png);
  assert_same_codes (scanned, expected);
}

/* Ctrl+A over more rows than the list has fetched: every selected item gets its label,
 * not only the rows scrolled past. */
static void
test_item_labels_select_all (void)
{
  gpointer page = lp_gui_page (gui, "items_page");
  LpPagedModel *model = lp_gui_paged_model (page, "list_view");
  g_autofree char *pdf = lp_gui_output_path ("labels-all.pdf");
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  GtkSelectionModel *selection;
  LpLabelDialog *dialog;
  guint fetches;

  show_page ("items");
  fetches = lp_paged_model_get_n_fetches (model);
  gtk_editable_set_text (lp_gui_child (page, "search_entry"), "Pipet Tetes");
  lp_gui_wait_for (lp_paged_model_get_loaded (model) && !lp_paged_model_get_loading (model) &&
                   g_list_model_get_n_items (G_LIST_MODEL (model)) == N_PIPETTES);
  lp_gui_spin (300);
  /* The window shows the first rows: not every page of the list has been fetched. */
  g_assert_cmpuint (lp_paged_model_get_n_fetches (model) - fetches, <, N_PIPETTES / 100 + 1);
  selection = gtk_list_view_get_model (lp_gui_child (page, "list_view"));
  gtk_selection_model_select_all (selection);
  gtk_selection_model_unselect_item (selection, 150);   /* "… no. 151" */
  lp_gui_click (lp_gui_child (page, "labels_button"));
  lp_gui_wait_for ((dialog = find_dialog ()) != NULL);
  count = g_strdup_printf (g_dngettext (NULL, "%u label", "%u labels", N_PIPETTES - 1),
                           N_PIPETTES - 1);
  g_assert_true (g_str_has_prefix (lp_gui_shown_text (dialog, "summary_label"), count));
  save_from_dialog (dialog, pdf, labels_saved (pdf));
  text = lp_gui_run ((const char *[]) { "pdftotext", pdf, "-", NULL });
  g_assert_nonnull (strstr (text, "PT-000001"));
  g_assert_nonnull (strstr (text, "PT-001000"));
  g_assert_null (strstr (text, "PT-000151"));
}

/* A 4 × 10 sheet: 38 labels on one page, all read back. */
static void
test_item_labels_small (void)
{
  gpointer page = lp_gui_page (gui, "items_page");
  g_autofree char *pdf = lp_gui_output_path ("labels-4x10.pdf");
  g_autofree char *png = lp_gui_output_path ("labels-4x10");
  g_autoptr(GPtrArray) expected = selected_codes (page, "code");
  g_autoptr(GPtrArray) scanned = NULL;
  LpLabelDialog *dialog;

  gtk_widget_activate_action (page, "items.print-labels", NULL);
  lp_gui_wait_for ((dialog = find_dialog ()) != NULL);
  adw_combo_row_set_selected (lp_gui_child (dialog, "preset_row"), 2);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (lp_gui_child (dialog, "columns_spin")), ==, 4);
  save_from_dialog (dialog, pdf, labels_saved (pdf));
  g_assert_cmpuint (pdf_pages (pdf), ==, 1);
  scanned = scan_pdf (pdf, png);
  assert_same_codes (scanned, expected);
}

/* A label's code scanned into the catalog's search field (keystrokes, then Enter)
 * opens that item; other text stays a search. */
static void
test_scan_label_opens_item (void)
{
  gpointer catalog = lp_gui_page (gui, "catalog_page");
  gpointer item_page = lp_gui_page (gui, "item_page");
  g_autofree char *id = lp_test_server_sql_value (server,
                                                  "SELECT id FROM items WHERE code = 'TR-000017'");
  GtkWidget *entry = lp_gui_child (catalog, "search_entry");

  show_page ("catalog");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Tabung");
  g_signal_emit_by_name (entry, "activate");
  lp_gui_spin (500);
  g_assert_cmpstr (lp_gui_stack_page (gui->window, "main_stack"), !=, "item");
  gtk_editable_set_text (GTK_EDITABLE (entry), "TR-000017");
  g_signal_emit_by_name (entry, "activate");
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (gui->window, "main_stack"), "item") == 0);
  g_assert_cmpstr (lp_item_page_get_item_id (item_page), ==, id);
  /* Ready for the next label. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.back", NULL);
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (gui->window, "main_stack"), "browse") == 0);
}

static void
test_member_cards (void)
{
  gpointer page = lp_gui_page (gui, "users_page");
  g_autofree char *pdf = lp_gui_output_path ("member-cards.pdf");
  g_autofree char *png = lp_gui_output_path ("member-cards");
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) scanned = NULL;
  g_autofree char *text = NULL;
  LpLabelDialog *dialog;

  show_page ("users");
  select_all_but_two (page, "cards_button", "siswa.", N_MEMBERS);
  expected = selected_codes (page, "username");
  g_assert_cmpuint (expected->len, ==, N_MEMBERS - 2);
  lp_gui_click (lp_gui_child (page, "cards_button"));
  lp_gui_wait_for ((dialog = find_dialog ()) != NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, _("Print Member Cards"));
  lp_gui_spin (300);
  lp_gui_screenshot (GTK_WIDGET (dialog), "member-cards-dialog");
  save_from_dialog (dialog, pdf, cards_saved (pdf));
  /* Ten cards to a sheet: ten selected fill one. */
  g_assert_cmpuint (pdf_pages (pdf), ==, 1);
  scanned = scan_pdf (pdf, png);
  assert_same_codes (scanned, expected);
  /* A long name wraps on the card: read it as one line. */
  text = g_strdelimit (lp_gui_run ((const char *[]) { "pdftotext", pdf, "-", NULL }), "\n", ' ');
  g_assert_nonnull (strstr (text, SCHOOL));
  g_assert_nonnull (strstr (text, ADDRESS_ON_CARD));
  g_assert_true (strstr (text, SCHOOL) < strstr (text, ADDRESS_ON_CARD));
  g_assert_nonnull (strstr (text, "Siswa Teladan 01"));
  g_assert_nonnull (strstr (text, _("Library Member Card")));
  g_assert_null (strstr (text, "Siswa Teladan 03"));   /* not selected */
}

/* Eleven cards take two sheets, each card read back. */
static void
test_member_cards_two_sheets (void)
{
  gpointer page = lp_gui_page (gui, "users_page");
  GtkSelectionModel *selection = gtk_list_view_get_model (lp_gui_child (page, "list_view"));
  g_autofree char *pdf = lp_gui_output_path ("member-cards-2.pdf");
  g_autofree char *png = lp_gui_output_path ("member-cards-2");
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) scanned = NULL;
  LpLabelDialog *dialog;

  gtk_selection_model_select_item (selection, 2, FALSE);
  expected = selected_codes (page, "username");
  g_assert_cmpuint (expected->len, ==, N_MEMBERS - 1);
  gtk_widget_activate_action (page, "users.print-cards", NULL);
  lp_gui_wait_for ((dialog = find_dialog ()) != NULL);
  save_from_dialog (dialog, pdf, cards_saved (pdf));
  g_assert_cmpuint (pdf_pages (pdf), ==, 2);
  scanned = scan_pdf (pdf, png);
  assert_same_codes (scanned, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *url = NULL;
  g_autofree char *admin_token = NULL;
  g_autoptr(LpTestResponse) school = NULL;
  g_autofree char *pipettes = NULL;
  int status;

  lp_gui_init (&argc, &argv, FALSE);
  server = lp_test_server_start (NULL);
  lp_gui_seed_catalog (server, N_ITEMS);
  pipettes = g_strdup_printf ("WITH added AS ("
                              " INSERT INTO items (code, name, category_id, location, stock_total,"
                              "                    stock_available)"
                              " SELECT 'PT-' || lpad(g::text, 6, '0'),"
                              "  'Pipet Tetes no. ' || lpad(g::text, 6, '0'), c.id,"
                              "  'Laboratorium Kimia', 5, 5"
                              " FROM generate_series(1, %u) AS g, categories c"
                              " WHERE c.name = 'Alat Lab' RETURNING 1)"
                              " SELECT count(*) FROM added", N_PIPETTES);
  g_free (lp_test_server_sql_value (server, pipettes));
  g_free (lp_test_server_create_user (server, "admin.sari", "Admin#2026", "admin"));
  for (guint i = 1; i <= N_MEMBERS; i++)
    {
      g_autofree char *username = g_strdup_printf ("siswa.%02u", i);

      g_free (lp_test_server_create_user (server, username, "Siswa#2026", "member"));
    }
  g_free (lp_test_server_sql_value (server,
                                    "UPDATE users"
                                    " SET full_name = 'Siswa Teladan ' || substr(username, 7)"
                                    " WHERE username LIKE 'siswa.%' RETURNING 1"));
  admin_token = lp_test_server_login (server, "admin.sari", "Admin#2026");
  school = lp_test_request (server, "PATCH", "/api/v1/settings", admin_token,
                            "{\"school_name\":\"" SCHOOL "\","
                            "\"school_address\":\"" ADDRESS "\"}");
  lp_assert_status (school, 200);
  url = lp_gui_server_url (server);
  gui = lp_gui_app_new (url, WIDE);
  lp_gui_log_in (gui, "admin.sari", "Admin#2026");

  g_test_add_func ("/lp/gui/labels/items", test_item_labels);
  g_test_add_func ("/lp/gui/labels/items-4x10", test_item_labels_small);
  g_test_add_func ("/lp/gui/labels/items-select-all", test_item_labels_select_all);
  g_test_add_func ("/lp/gui/labels/scan-opens-item", test_scan_label_opens_item);
  g_test_add_func ("/lp/gui/labels/member-cards", test_member_cards);
  g_test_add_func ("/lp/gui/labels/member-cards-two-sheets", test_member_cards_two_sheets);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  lp_test_server_free (server);
  return status;
}
