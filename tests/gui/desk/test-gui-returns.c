/* test-gui-returns.c — the returns desk as a barcode scanner drives it: codes typed and
 * Enter, faster than the server answers; each recorded once, in order, with a result
 * line; damaged and lost returns through the inspection form; refusals that record
 * nothing.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-returns"

#include "config.h"

#include "lp-gui-test.h"
#include "lp-photo-strip.h"
#include "lp-qr-code.h"
#include "lp-returns-page.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#define WIDE 1000

static LpTestServer *server;
static LpGuiApp *gui;
static char *member_token;
static char *staff_token;

static LpReturnsPage *
page (void)
{
  return lp_gui_page (gui, "returns_page");
}

static GtkEditable *
scan_entry (void)
{
  return GTK_EDITABLE (lp_gui_find_type (lp_gui_child (page (), "scan_field"), GTK_TYPE_ENTRY));
}

/* What a USB scanner does: types the code, then Enter. No main loop turn in between. */
static void
scan (const char *code)
{
  gtk_editable_set_text (scan_entry (), code);
  g_signal_emit_by_name (scan_entry (), "activate");
}

/* Whether the keyboard types into the scan field (an entry's focus is its text child). */
static gboolean
scan_has_focus (void)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (gui->window));

  return focus != NULL && (focus == GTK_WIDGET (scan_entry ()) ||
                           gtk_widget_is_ancestor (focus, GTK_WIDGET (scan_entry ())));
}

/* The first value of a query on the test's server. */
#define sql(...) lp_test_server_sql_printf (server, __VA_ARGS__)

/* A loan of the item @code, approved; handed over too if @handed_over. Its loan code. */
static char *
lend (const char *code,
      gboolean    handed_over)
{
  g_autofree char *item_id = sql ("SELECT id FROM items WHERE code = '%s'", code);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) due = g_date_time_add_days (now, 5);
  g_autofree char *start_text = NULL;
  g_autofree char *due_text = g_date_time_format (due, "%Y-%m-%d");
  g_autofree char *today = sql ("SELECT library_today()");
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autoptr(LpTestResponse) created = NULL;
  g_autoptr(LpTestResponse) approved = NULL;
  JsonObject *loan;

  start_text = g_strdup (today);
  body = g_strdup_printf ("{\"item_id\":\"%s\",\"quantity\":1,\"start_date\":\"%s\","
                          "\"due_date\":\"%s\",\"purpose\":\"Tugas kelompok\"}",
                          item_id, start_text, due_text);
  created = lp_test_request (server, "POST", "/api/v1/loans", member_token, body);
  lp_assert_status (created, 201);
  loan = lp_test_response_object (created);
  path = g_strdup_printf ("/api/v1/loans/%s/approve", json_object_get_string_member (loan, "id"));
  approved = lp_test_request (server, "POST", path, staff_token, "{}");
  lp_assert_status (approved, 200);
  if (handed_over)
    {
      g_autofree char *handover = g_strdup_printf ("/api/v1/loans/%s/handover",
                                                   json_object_get_string_member (loan, "id"));
      g_autoptr(LpTestResponse) response = lp_test_request (server, "POST", handover,
                                                            staff_token, "{}");

      lp_assert_status (response, 200);
    }
  return g_strdup (json_object_get_string_member (loan, "code"));
}

static char *
status_of (const char *code)
{
  return sql ("SELECT status FROM loans WHERE code = '%s'", code);
}

/* A result line's outcome: its last label (a lost return has a button after it). */
static GtkLabel *
outcome_label (GtkWidget *line)
{
  GtkWidget *child = gtk_widget_get_last_child (line);

  while (child != NULL && !GTK_IS_LABEL (child))
    child = gtk_widget_get_prev_sibling (child);
  g_assert_nonnull (child);
  return GTK_LABEL (child);
}

/* The result lines, newest first: the outcome of each. */
static GPtrArray *
outcomes (void)
{
  GPtrArray *texts = g_ptr_array_new ();
  GtkWidget *list = lp_gui_child (page (), "results_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *line = GTK_IS_LIST_BOX_ROW (row) ? gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))
                                                  : NULL;

      if (line != NULL && gtk_widget_has_css_class (line, "scan-result"))
        g_ptr_array_add (texts, (gpointer) gtk_label_get_label (outcome_label (line)));
    }
  return texts;
}

static guint
n_finished (void)
{
  g_autoptr(GPtrArray) texts = outcomes ();
  guint n = 0;

  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), _("Checking…")) != 0)
      n++;
  return n;
}

static const char *
outcome (guint newest)
{
  g_autoptr(GPtrArray) texts = outcomes ();

  g_assert_cmpuint (newest, <, texts->len);
  return g_ptr_array_index (texts, newest);
}

static void
test_open (void)
{
  lp_gui_log_in (gui, "petugas.rina", "Petugas#2026");
  adw_view_stack_set_visible_child_name (lp_gui_child (gui->window, "view_stack"), "returns");
  /* The scan field has the focus as soon as the page is shown. */
  lp_gui_wait_for (scan_has_focus ());
  lp_gui_screenshot (GTK_WIDGET (gui->window), "returns");
}

/* Three receipts scanned faster than the server answers, one of them twice: three
 * returns, in order, none twice; the third was approved but never marked handed over. */
static void
test_scans_in_a_row (void)
{
  g_autofree char *first = lend ("BK-0001", TRUE);
  g_autofree char *second = lend ("BK-0003", TRUE);
  g_autofree char *third = lend ("BK-0004", FALSE);
  g_autofree char *s1 = NULL, *s2 = NULL, *s3 = NULL, *returns = NULL;
  guint before = n_finished ();

  scan (first);
  scan (second);
  scan (second);
  scan (third);
  lp_gui_wait_for (n_finished () == before + 3);
  g_assert_cmpstr (outcome (0), ==, _("Returned"));
  g_assert_cmpstr (outcome (1), ==, _("Returned"));
  g_assert_cmpstr (outcome (2), ==, _("Returned"));
  s1 = status_of (first);
  s2 = status_of (second);
  s3 = status_of (third);
  g_assert_cmpstr (s1, ==, "returned");
  g_assert_cmpstr (s2, ==, "returned");
  g_assert_cmpstr (s3, ==, "returned");
  returns = sql ("SELECT count(*) FROM returns");
  g_assert_cmpstr (returns, ==, "3");
  g_assert_true (scan_has_focus ());
  lp_gui_screenshot (GTK_WIDGET (gui->window), "returns-scanned");
}

static void
test_refusals (void)
{
  g_autofree char *returned = sql ("SELECT code FROM loans WHERE status = 'returned'"
                                   " ORDER BY code LIMIT 1");
  g_autofree char *returns = NULL;
  guint before = n_finished ();

  scan ("LP-1999-999999");
  lp_gui_wait_for (n_finished () == before + 1);
  g_assert_cmpstr (outcome (0), ==, _("No loan has this code. Check the receipt and scan again."));
  /* Scanned again later (not a double scan): already returned, nothing recorded. */
  scan (returned);
  lp_gui_wait_for (n_finished () == before + 2);
  g_assert_cmpstr (outcome (0), ==, _("Already returned. Nothing was recorded."));
  returns = sql ("SELECT count(*) FROM returns");
  g_assert_cmpstr (returns, ==, "3");
  lp_gui_screenshot (GTK_WIDGET (gui->window), "returns-refused");
}

/* Whether a thumbnail under @root shows a photo (a texture), not an icon. */
static gboolean
shows_photo (GtkWidget *root)
{
  if (GTK_IS_IMAGE (root) && gtk_image_get_storage_type (GTK_IMAGE (root)) == GTK_IMAGE_PAINTABLE &&
      GDK_IS_TEXTURE (gtk_image_get_paintable (GTK_IMAGE (root))))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_photo (child))
      return TRUE;
  return FALSE;
}

static void drop_file_on (GtkWidget *widget,
                          GFile     *file);
static GFile *image_of (const char *code,
                        const char *name);

/* Pick the condition, scan, describe, confirm: four interactions and some typing; with
 * @photo, a photo of the damage dropped on the form too. */
static void
return_damaged (const char *code,
                guint       condition,
                const char *description,
                GFile      *photo)
{
  AdwMessageDialog *dialog = NULL;
  GtkWidget *entry;
  guint before = n_finished ();

  gtk_drop_down_set_selected (lp_gui_child (page (), "condition_dropdown"), condition);
  scan (code);
  lp_gui_wait_for ((dialog = lp_gui_find_message_dialog ()) != NULL);
  /* Nothing to record until the damage is described. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "record"));
  entry = lp_gui_find_type (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), description);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "record"));
  if (photo != NULL)
    {
      GtkWidget *strip = lp_gui_find_type (adw_message_dialog_get_extra_child (dialog),
                                           LP_TYPE_PHOTO_STRIP);

      drop_file_on (strip, photo);
      /* Uploaded, and shown as a thumbnail, before Record Return is offered again. */
      lp_gui_wait_for (!lp_photo_strip_get_busy (LP_PHOTO_STRIP (strip)) &&
                       adw_message_dialog_get_response_enabled (dialog, "record"));
      g_assert_true (shows_photo (strip));
      lp_gui_screenshot (GTK_WIDGET (dialog), "returns-inspect-photo");
    }
  lp_gui_screenshot (GTK_WIDGET (dialog), "returns-inspect");
  lp_gui_respond (dialog, "record");
  lp_gui_wait_for (n_finished () == before + 1 && lp_gui_find_message_dialog () == NULL);
  /* Back to Good for the next item. */
  g_assert_cmpuint (gtk_drop_down_get_selected (lp_gui_child (page (), "condition_dropdown")), ==,
                    0);
}

/* A PNG of @code as its receipt's QR code, or of nothing when @code is NULL. */
static GFile *
image_of (const char *code,
          const char *name)
{
  const char *dir = g_getenv ("LP_SCREENSHOT_DIR");
  g_autofree char *file = g_strdup_printf ("%s-%s.png", g_getenv ("LANGUAGE"), name);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);

  g_mkdir_with_parents (dir, 0755);
  cairo_set_source_rgb (cr, 0.95, 0.95, 0.9);
  cairo_paint (cr);
  if (code != NULL)
    g_assert_true (lp_qr_code_draw (cr, code, 100, 50, 200));
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_file_new_for_path (path);
}

/* Drops @file on @widget, as a file manager or a browser does. */
static void
drop_file_on (GtkWidget *widget,
              GFile     *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !dropped; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
    }
  g_assert_true (dropped);
}

static void
drop_file (GFile *file)
{
  drop_file_on (lp_gui_child (page (), "scan_field"), file);
}

/* A photo of the receipt dropped on the field is a scan; an image with no code in it
 * says so and records nothing. */
static void
test_dropped_image (void)
{
  g_autofree char *code = lend ("BK-0001", TRUE);
  g_autoptr(GFile) receipt = image_of (code, "returns-receipt-photo");
  g_autoptr(GFile) blank = image_of (NULL, "returns-blank-photo");
  g_autofree char *status = NULL;
  guint before = n_finished ();

  drop_file (receipt);
  lp_gui_wait_for (n_finished () == before + 1);
  g_assert_cmpstr (outcome (0), ==, _("Returned"));
  status = status_of (code);
  g_assert_cmpstr (status, ==, "returned");
  drop_file (blank);
  lp_gui_wait_for (n_finished () == before + 2);
  g_assert_cmpstr (outcome (0), ==, _("No loan code was found in this image."));
  g_assert_true (scan_has_focus ());
  lp_gui_screenshot (GTK_WIDGET (gui->window), "returns-dropped");
}

static void
test_damaged_and_lost (void)
{
  g_autofree char *damaged = lend ("LAB-001", TRUE);
  g_autofree char *lost = lend ("BK-0005", TRUE);
  g_autofree char *condition = NULL;
  g_autofree char *description = NULL;
  g_autofree char *complaint = NULL;
  g_autoptr(GFile) photo = image_of (NULL, "returns-damage-photo");
  g_autofree char *photos = NULL;

  return_damaged (damaged, 1, "Lensa okuler retak", photo);
  g_assert_cmpstr (outcome (0), ==, _("Returned"));
  condition = sql ("SELECT r.condition FROM returns r JOIN loans l ON l.id = r.loan_id"
                   " WHERE l.code = '%s'", damaged);
  description = sql ("SELECT r.damage_description FROM returns r JOIN loans l"
                     " ON l.id = r.loan_id WHERE l.code = '%s'", damaged);
  g_assert_cmpstr (condition, ==, "minor_damage");
  g_assert_cmpstr (description, ==, "Lensa okuler retak");
  photos = sql ("SELECT count(*) FROM return_attachments ra JOIN returns r ON r.id = ra.return_id"
                " JOIN loans l ON l.id = r.loan_id WHERE l.code = '%s'", damaged);
  g_assert_cmpstr (photos, ==, "1");

  return_damaged (lost, 3, "Tertinggal di bus", NULL);
  g_assert_cmpstr (outcome (0), ==, _("Recorded as lost. A complaint has been opened for the item."));
  complaint = sql ("SELECT count(*) FROM complaints WHERE is_system");
  g_assert_cmpstr (complaint, ==, "1");
  /* The line links to the complaint the lost item opened. */
  {
    GtkWidget *label = lp_gui_find_label (lp_gui_child (page (), "results_list"),
                                          _("Open _Complaint"));
    GtkWidget *button = label != NULL ? gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON) : NULL;
    g_autofree char *id = sql ("SELECT id FROM complaints WHERE is_system");
    g_autofree char *target = NULL;

    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.open");
    target = g_variant_print (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)),
                              FALSE);
    g_assert_nonnull (strstr (target, id));
  }
  lp_gui_screenshot (GTK_WIDGET (gui->window), "returns-damaged");
  lp_gui_set_width (gui, 360);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "returns-damaged");
  lp_gui_set_width (gui, WIDE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *url = NULL;
  int status;

  lp_gui_init (&argc, &argv, FALSE);
  server = lp_test_server_start (NULL);
  lp_gui_seed_desk (server, &member_token, &staff_token);
  url = lp_gui_server_url (server);
  gui = lp_gui_app_new (url, WIDE);

  g_test_add_func ("/lp/gui/returns/open", test_open);
  g_test_add_func ("/lp/gui/returns/scans-in-a-row", test_scans_in_a_row);
  g_test_add_func ("/lp/gui/returns/refusals", test_refusals);
  g_test_add_func ("/lp/gui/returns/damaged-and-lost", test_damaged_and_lost);
  g_test_add_func ("/lp/gui/returns/dropped-image", test_dropped_image);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  g_free (member_token);
  g_free (staff_token);
  lp_test_server_free (server);
  return status;
}
