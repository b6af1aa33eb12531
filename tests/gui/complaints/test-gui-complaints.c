/* test-gui-complaints.c — a member files a complaint with a photo and follows its
 * handling live; the desk counts the waiting ones, moves a complaint on and notes it,
 * and a step taken elsewhere meanwhile is refused with the reason, never applied.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-complaints"

#include "config.h"

#include "lp-complaint-dialog.h"
#include "lp-complaint-page.h"
#include "lp-complaints-page.h"
#include "lp-enums.h"
#include "lp-gui-test.h"
#include "lp-my-complaints-page.h"
#include "lp-photo-strip.h"

#include <cairo.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#define WIDE 1000

static LpTestServer *server;
static LpGuiApp *gui;
static char *member_token;
static char *staff_token;
static char *photo_dir;

static char *
sql_value (const char *format,
           ...) G_GNUC_PRINTF (1, 2);

static char *
sql_value (const char *format,
           ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return lp_test_server_sql_value (server, sql);
}

/* The member files a complaint over HTTP; its id. */
static char *
file_complaint (const char *title)
{
  g_autofree char *category = sql_value ("SELECT id FROM categories WHERE name = 'Alat Lab'");
  g_autofree char *body = NULL;
  g_autoptr(LpTestResponse) response = NULL;

  body = g_strdup_printf ("{\"title\":\"%s\",\"description\":\"Lensa retak di bagian kiri.\","
                          "\"location\":\"Lab IPA\",\"category_id\":\"%s\"}", title, category);
  response = lp_test_request (server, "POST", "/api/v1/complaints", member_token, body);
  lp_assert_status (response, 201);
  return g_strdup (json_object_get_string_member (lp_test_response_object (response), "id"));
}

static void
staff_step (const char *token,
            const char *id,
            const char *what,
            const char *body,
            guint       status)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/complaints/%s/%s", id, what);
  g_autoptr(LpTestResponse) response = lp_test_request (server, "POST", path, token, body);

  lp_assert_status (response, status);
}

static LpComplaintPage *
complaint_page (void)
{
  return lp_gui_page (gui, "complaint_page");
}

static LpComplaintsPage *
complaints_page (void)
{
  return lp_gui_page (gui, "complaints_page");
}

static guint
badge (void)
{
  guint n = 0;

  g_object_get (complaints_page (), "count", &n, NULL);
  return n;
}

static LpComplaintObject *
shown_complaint (void)
{
  LpComplaintObject *complaint = NULL;

  g_object_get (complaint_page (), "complaint", &complaint, NULL);
  if (complaint != NULL)
    g_object_unref (complaint);   /* the page keeps it */
  return complaint;
}

static gboolean
shows_status (const char *id,
              LpComplaintStatus status)
{
  LpComplaintObject *complaint = shown_complaint ();

  return complaint != NULL && g_strcmp0 (lp_api_object_get_id (complaint), id) == 0 &&
         lp_api_object_get_enum (complaint, "status") == (int) status;
}

static void
open_complaint (const char *id)
{
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.open", "(ss)", "complaint", id);
  lp_gui_wait_for (shown_complaint () != NULL &&
                   g_strcmp0 (lp_api_object_get_id (shown_complaint ()), id) == 0 &&
                   g_strcmp0 (lp_gui_stack_page (complaint_page (), "page_stack"), "content") == 0);
}

/*
 * The member
 */

static LpMyComplaintsPage *
my_page (void)
{
  return lp_gui_page (gui, "my_complaints_page");
}

static LpComplaintDialog *
find_dialog (void)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (windows, i);

      if (LP_IS_COMPLAINT_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return LP_COMPLAINT_DIALOG (window);
    }
  return NULL;
}

/* A photo of the damage, as a phone would give it: a PNG in a folder of its own. */
static GFile *
write_photo (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 320, 240);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *path = g_build_filename (photo_dir, "lensa-retak.png", NULL);

  cairo_set_source_rgb (cr, 0.85, 0.88, 0.9);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.25);
  cairo_set_line_width (cr, 6);
  cairo_move_to (cr, 40, 200);
  cairo_line_to (cr, 150, 90);
  cairo_line_to (cr, 280, 40);
  cairo_stroke (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_file_new_for_path (path);
}

static guint
n_listed (gpointer page)
{
  LpPagedModel *model = lp_gui_paged_model (page, "list_view");

  return lp_paged_model_get_loaded (model) ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
}

/* The status of the first complaint in My Complaints, as its row shows it. */
static int
listed_status (void)
{
  g_autoptr(LpComplaintObject) complaint = NULL;

  if (n_listed (my_page ()) == 0)
    return -1;
  complaint = g_list_model_get_item (G_LIST_MODEL (lp_gui_paged_model (my_page (), "list_view")), 0);
  return lp_api_object_get_loaded (complaint) ? lp_api_object_get_enum (complaint, "status") : -1;
}

static GtkListBoxRow *
first_result (LpComplaintDialog *dialog)
{
  GtkWidget *list = lp_gui_child (dialog, "item_results");
  GtkWidget *row = gtk_widget_get_visible (list) ? gtk_widget_get_first_child (list) : NULL;

  return row != NULL && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row))
         ? GTK_LIST_BOX_ROW (row) : NULL;
}

/* A member files a complaint with a photo: checked before it is sent, stored with its
 * photo, listed in My Complaints. */
static void
test_member_files (void)
{
  LpComplaintDialog *dialog = NULL;
  g_autoptr(GFile) photo = write_photo ();
  LpPhotoStrip *strip;
  g_autofree char *id = NULL;
  g_autofree char *photos = NULL;
  g_autofree char *item = NULL;
  g_autofree char *category = NULL;
  g_autofree char *none = NULL;
  GtkTextBuffer *buffer;

  lp_gui_log_in (gui, "siswa.andi", "Siswa#2026");
  g_assert_true (adw_view_stack_page_get_visible (
    adw_view_stack_get_page (lp_gui_child (gui->window, "view_stack"), GTK_WIDGET (my_page ()))));
  g_assert_false (adw_view_stack_page_get_visible (
    adw_view_stack_get_page (lp_gui_child (gui->window, "view_stack"),
                             GTK_WIDGET (complaints_page ()))));
  adw_view_stack_set_visible_child_name (lp_gui_child (gui->window, "view_stack"), "my-complaints");
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (my_page (), "content_stack"), "empty") == 0);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "my-complaints-empty");

  lp_gui_click (lp_gui_child (my_page (), "new_button"));
  lp_gui_wait_for ((dialog = find_dialog ()) != NULL);

  /* Nothing typed: every missing field is said, nothing is sent. */
  lp_complaint_dialog_submit (dialog);
  g_assert_nonnull (lp_gui_shown_text (dialog, "error_label"));
  g_assert_true (gtk_widget_has_css_class (lp_gui_child (dialog, "title_row"), "error"));
  g_assert_true (gtk_widget_has_css_class (lp_gui_child (dialog, "description_view"), "error"));
  g_assert_true (gtk_widget_has_css_class (lp_gui_child (dialog, "category_row"), "error"));
  lp_gui_screenshot (GTK_WIDGET (dialog), "complaint-dialog-invalid");
  none = sql_value ("SELECT count(*) FROM complaints");
  g_assert_cmpstr (none, ==, "0");

  gtk_editable_set_text (lp_gui_child (dialog, "title_row"), "Lensa mikroskop retak");
  buffer = gtk_text_view_get_buffer (lp_gui_child (dialog, "description_view"));
  gtk_text_buffer_set_text (buffer, "Lensa okuler kiri retak setelah praktikum.\nTidak bisa fokus.", -1);
  /* The item, found by its name, brings its category and its place. */
  gtk_editable_set_text (lp_gui_child (dialog, "item_search"), "Mikroskop");
  lp_gui_wait_for (first_result (dialog) != NULL);
  g_signal_emit_by_name (lp_gui_child (dialog, "item_results"), "row-activated", first_result (dialog));
  g_assert_cmpstr (gtk_editable_get_text (lp_gui_child (dialog, "location_row")), ==,
                   "Laboratorium IPA, lemari 2");
  lp_gui_wait_for (adw_combo_row_get_selected (lp_gui_child (dialog, "category_row")) != 0);
  /* Every problem fixed: none is said any more. */
  g_assert_null (lp_gui_shown_text (dialog, "error_label"));

  strip = LP_PHOTO_STRIP (adw_bin_get_child (lp_gui_child (dialog, "photos_bin")));
  lp_photo_strip_add_file (strip, photo);
  g_assert_false (gtk_widget_get_sensitive (lp_gui_child (dialog, "send_button")));
  lp_gui_wait_for (!lp_photo_strip_get_busy (strip));
  {
    g_auto(GStrv) ids = lp_photo_strip_dup_ids (strip);

    g_assert_cmpuint (ids != NULL ? g_strv_length (ids) : 0, ==, 1);
  }
  lp_gui_spin (200);
  lp_gui_screenshot (GTK_WIDGET (dialog), "complaint-dialog");
  lp_gui_click (lp_gui_child (dialog, "send_button"));
  lp_gui_wait_for (find_dialog () == NULL);
  lp_gui_wait_for (lp_gui_toast_shown (gui, _("Complaint sent. The library will answer it here.")));

  id = sql_value ("SELECT id FROM complaints WHERE title = 'Lensa mikroskop retak'");
  g_assert_nonnull (id);
  photos = sql_value ("SELECT count(*) FROM complaint_attachments ca JOIN attachments a"
                      " ON a.id = ca.attachment_id WHERE ca.complaint_id = '%s'"
                      " AND a.content_type = 'image/png'", id);
  g_assert_cmpstr (photos, ==, "1");
  item = sql_value ("SELECT i.code FROM complaints c JOIN items i ON i.id = c.item_id"
                    " WHERE c.id = '%s'", id);
  g_assert_cmpstr (item, ==, "LAB-001");
  category = sql_value ("SELECT c.location || ' / ' || k.name FROM complaints c"
                        " JOIN categories k ON k.id = c.category_id WHERE c.id = '%s'", id);
  g_assert_cmpstr (category, ==, "Laboratorium IPA, lemari 2 / Alat Lab");

  lp_gui_wait_for (n_listed (my_page ()) == 1 &&
                   g_strcmp0 (lp_gui_stack_page (my_page (), "content_stack"), "list") == 0);
  lp_gui_wait_for (lp_gui_find_label (GTK_WIDGET (my_page ()), "Lensa mikroskop retak") != NULL);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "my-complaints");
}

/* What the server refuses is said beside its field, in words, and nothing is filed: a
 * category removed by an admin while the member was typing. */
static void
test_member_refused (void)
{
  g_autofree char *category = sql_value ("INSERT INTO categories (name) VALUES ('Kantin')"
                                         " RETURNING id");
  g_autofree char *gone = NULL;
  g_autofree char *filed = NULL;
  g_autofree char *expected = NULL;
  LpComplaintDialog *dialog = NULL;
  GtkStringList *names;
  guint kantin = 0;

  lp_gui_click (lp_gui_child (my_page (), "new_button"));
  lp_gui_wait_for ((dialog = find_dialog ()) != NULL);
  names = lp_gui_child (dialog, "category_names");
  lp_gui_wait_for (g_list_model_get_n_items (G_LIST_MODEL (names)) > 1);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (names)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (names, i), "Kantin") == 0)
      kantin = i;
  g_assert_cmpuint (kantin, >, 0);
  gtk_editable_set_text (lp_gui_child (dialog, "title_row"), "Meja kantin goyang");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (lp_gui_child (dialog, "description_view")),
                            "Kaki meja patah satu.", -1);
  gtk_editable_set_text (lp_gui_child (dialog, "location_row"), "Kantin");
  adw_combo_row_set_selected (lp_gui_child (dialog, "category_row"), kantin);
  gone = sql_value ("DELETE FROM categories WHERE id = '%s' RETURNING name", category);
  g_assert_cmpstr (gone, ==, "Kantin");

  lp_gui_click (lp_gui_child (dialog, "send_button"));
  /* Translators: a form field's title and what is wrong with it. */
  expected = g_strdup_printf (_("%s: %s"), _("Category"),
                              _("It was removed from the catalog meanwhile. Choose another."));
  lp_gui_wait_for (g_strcmp0 (lp_gui_shown_text (dialog, "error_label"), expected) == 0);
  g_assert_true (gtk_widget_has_css_class (lp_gui_child (dialog, "category_row"), "error"));
  g_assert_true (find_dialog () == dialog);
  filed = sql_value ("SELECT count(*) FROM complaints WHERE title = 'Meja kantin goyang'");
  g_assert_cmpstr (filed, ==, "0");
  lp_gui_screenshot (GTK_WIDGET (dialog), "complaint-dialog-refused");
  gtk_window_close (GTK_WINDOW (dialog));
  lp_gui_wait_for (find_dialog () == NULL);
}

/* The desk answers over HTTP; the member's list and the complaint's page follow live,
 * and a member has nothing to change there. */
static void
test_member_follows (void)
{
  g_autofree char *id = sql_value ("SELECT id FROM complaints WHERE title = 'Lensa mikroskop retak'");
  g_autofree char *change = NULL;

  open_complaint (id);
  g_assert_false (gtk_widget_get_visible (lp_gui_child (complaint_page (), "handling_group")));
  lp_gui_wait_for (gtk_widget_get_visible (lp_gui_child (complaint_page (), "photos_group")));

  staff_step (staff_token, id, "notes", "{\"text\":\"Terima kasih, akan kami periksa besok.\"}", 201);
  lp_gui_wait_for (lp_gui_find_label (GTK_WIDGET (complaint_page ()),
                                      "Terima kasih, akan kami periksa besok.") != NULL);
  staff_step (staff_token, id, "status", "{\"status\":\"in_progress\",\"note\":\"Lensa dipesan\"}", 200);
  lp_gui_wait_for (shows_status (id, LP_COMPLAINT_STATUS_IN_PROGRESS));
  /* Translators: a change of a complaint's status, e.g. "Waiting → In progress". */
  change = g_strdup_printf (_("%s → %s"), _("Waiting"), _("In progress"));
  lp_gui_wait_for (lp_gui_find_label (GTK_WIDGET (complaint_page ()), change) != NULL);
  lp_gui_wait_for (lp_gui_find_label (GTK_WIDGET (complaint_page ()), "Lensa dipesan") != NULL);
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
      lp_gui_child (complaint_page (), "scrolled_window"));

    lp_gui_spin (200);
    /* The answers, where the member reads them: the end of the page. */
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    lp_gui_spin (200);
  }
  lp_gui_screenshot (GTK_WIDGET (gui->window), "complaint-member");
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.back", NULL);
  lp_gui_wait_for (listed_status () == LP_COMPLAINT_STATUS_IN_PROGRESS);

  /* Done at the desk: the row says so without a reload. */
  staff_step (staff_token, id, "status", "{\"status\":\"done\"}", 200);
  lp_gui_wait_for (listed_status () == LP_COMPLAINT_STATUS_DONE);
}

/*
 * The desk
 */

/* The desk: the badge counts what waits, the list puts the longest waiting first. */
static void
test_desk_list (void)
{
  g_autofree char *first = file_complaint ("Mikroskop retak");
  g_autofree char *second = file_complaint ("Proyektor mati");
  g_autofree char *third = file_complaint ("Kursi patah");
  g_autofree char *waiting = NULL;
  g_autoptr(LpComplaintObject) top = NULL;

  staff_step (staff_token, third, "status", "{\"status\":\"closed\",\"note\":\"Duplikat\"}", 200);
  lp_gui_log_in (gui, "petugas.rina", "Petugas#2026");
  adw_view_stack_set_visible_child_name (lp_gui_child (gui->window, "view_stack"), "complaints");
  waiting = sql_value ("SELECT count(*) FROM complaints WHERE status = 'waiting'");
  lp_gui_wait_for (badge () == 2 &&
                   g_strcmp0 (lp_gui_stack_page (complaints_page (), "content_stack"), "list") == 0);
  g_assert_cmpuint (badge (), ==, g_ascii_strtoull (waiting, NULL, 10));
  lp_gui_wait_for (g_list_model_get_n_items (G_LIST_MODEL (lp_gui_paged_model (complaints_page (),
                                                                                "list_view"))) == 2);
  top = g_list_model_get_item (G_LIST_MODEL (lp_gui_paged_model (complaints_page (), "list_view")), 0);
  lp_gui_wait_for (lp_api_object_get_loaded (top));
  g_assert_cmpstr (lp_api_object_get_id (top), ==, first);
  lp_gui_wait_for (lp_gui_find_label (GTK_WIDGET (complaints_page ()), "Mikroskop retak") != NULL);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "complaints");

  /* A new one filed elsewhere raises the badge by itself. */
  g_free (file_complaint ("Kabel HDMI hilang"));
  lp_gui_wait_for (badge () == 3);
}

/* The desk moves a complaint on with a note, adds a note, and a step taken at another
 * desk meanwhile is refused: the page says why and shows the status as it is. */
static void
test_desk_handling (void)
{
  g_autofree char *id = sql_value ("SELECT id FROM complaints WHERE title = 'Mikroskop retak'");
  g_autofree char *status = NULL;
  g_autofree char *note = NULL;
  g_autofree char *toast = NULL;

  /* From the list: its top row is the one that has waited longest. */
  g_signal_emit_by_name (lp_gui_child (complaints_page (), "list_view"), "activate", 0);
  lp_gui_wait_for (shown_complaint () != NULL &&
                   g_strcmp0 (lp_api_object_get_id (shown_complaint ()), id) == 0 &&
                   g_strcmp0 (lp_gui_stack_page (complaint_page (), "page_stack"), "content") == 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (lp_gui_child (gui->window, "main_stack")), ==,
                   "complaint");
  g_assert_true (gtk_widget_get_visible (lp_gui_child (complaint_page (), "handling_group")));
  g_assert_true (gtk_widget_get_visible (lp_gui_child (complaint_page (), "progress_button")));
  g_assert_true (gtk_widget_get_visible (lp_gui_child (complaint_page (), "close_button")));
  g_assert_false (gtk_widget_get_visible (lp_gui_child (complaint_page (), "done_button")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "complaint-desk");

  gtk_editable_set_text (lp_gui_child (complaint_page (), "note_row"), "Diperiksa teknisi lab");
  lp_gui_click (lp_gui_child (complaint_page (), "progress_button"));
  lp_gui_wait_for (shows_status (id, LP_COMPLAINT_STATUS_IN_PROGRESS));
  status = sql_value ("SELECT status FROM complaints WHERE id = '%s'", id);
  g_assert_cmpstr (status, ==, "in_progress");
  note = sql_value ("SELECT text FROM complaint_notes WHERE complaint_id = '%s'"
                    " AND status_to = 'in_progress'", id);
  g_assert_cmpstr (note, ==, "Diperiksa teknisi lab");
  /* Translators: a notification; %s is a complaint status such as "In progress". */
  toast = g_strdup_printf (_("Status changed to “%s”"), _("In progress"));
  lp_gui_wait_for (lp_gui_toast_shown (gui, toast));
  g_assert_true (gtk_widget_get_visible (lp_gui_child (complaint_page (), "done_button")));
  g_assert_false (gtk_widget_get_visible (lp_gui_child (complaint_page (), "progress_button")));

  /* A note on its own. */
  gtk_editable_set_text (lp_gui_child (complaint_page (), "note_row"), "Lensa pengganti dipesan");
  lp_gui_click (lp_gui_child (complaint_page (), "add_note_button"));
  lp_gui_wait_for (lp_gui_toast_shown (gui, _("Note added")));
  g_free (note);
  note = sql_value ("SELECT count(*) FROM complaint_notes WHERE complaint_id = '%s'"
                    " AND text = 'Lensa pengganti dipesan' AND status_to IS NULL", id);
  g_assert_cmpstr (note, ==, "1");
  lp_gui_wait_for (lp_gui_find_label (GTK_WIDGET (complaint_page ()), "Lensa pengganti dipesan") != NULL);

  /* Another desk marks it done; before this one hears of it, it tries to close it. */
  staff_step (staff_token, id, "status", "{\"status\":\"done\"}", 200);
  lp_gui_click (lp_gui_child (complaint_page (), "close_button"));
  lp_gui_wait_for (lp_gui_shown_text (complaint_page (), "problem_label") != NULL);
  g_assert_cmpstr (lp_gui_shown_text (complaint_page (), "problem_label"), ==,
                   _("The status of this complaint was changed meanwhile, at another desk. "
                     "The page now shows it as it is."));
  lp_gui_wait_for (shows_status (id, LP_COMPLAINT_STATUS_DONE));
  g_free (status);
  status = sql_value ("SELECT status FROM complaints WHERE id = '%s'", id);
  g_assert_cmpstr (status, ==, "done");
  /* Nothing is offered after done. */
  g_assert_false (gtk_widget_get_visible (lp_gui_child (complaint_page (), "close_button")));
  lp_gui_screenshot (GTK_WIDGET (gui->window), "complaint-refused");

  /* A narrow desk (360 px) keeps every control of a waiting complaint in reach. */
  g_free (id);
  id = sql_value ("SELECT id FROM complaints WHERE title = 'Proyektor mati'");
  open_complaint (id);
  lp_gui_set_width (gui, 360);
  lp_gui_wait_for (gtk_widget_get_width (GTK_WIDGET (gui->window)) == 360);
  g_assert_true (gtk_widget_get_visible (lp_gui_child (complaint_page (), "progress_button")));
  g_assert_true (gtk_widget_get_visible (lp_gui_child (complaint_page (), "add_note_button")));
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
      lp_gui_child (complaint_page (), "scrolled_window"));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    lp_gui_spin (200);
  }
  lp_gui_screenshot (GTK_WIDGET (gui->window), "complaint-desk");
  lp_gui_set_width (gui, WIDE);
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.back", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *url = NULL;
  int status;

  lp_gui_init (&argc, &argv, FALSE);
  photo_dir = g_dir_make_tmp ("lp-complaint-photos-XXXXXX", NULL);
  g_assert_nonnull (photo_dir);
  server = lp_test_server_start (NULL);
  lp_gui_seed_desk (server, &member_token, &staff_token);
  url = lp_gui_server_url (server);
  gui = lp_gui_app_new (url, WIDE);

  g_test_add_func ("/lp/gui/complaints/member-files", test_member_files);
  g_test_add_func ("/lp/gui/complaints/member-refused", test_member_refused);
  g_test_add_func ("/lp/gui/complaints/member-follows", test_member_follows);
  g_test_add_func ("/lp/gui/complaints/desk-list", test_desk_list);
  g_test_add_func ("/lp/gui/complaints/desk-handling", test_desk_handling);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  g_free (member_token);
  g_free (staff_token);
  lp_test_server_free (server);
  {
    g_autofree char *path = g_build_filename (photo_dir, "lensa-retak.png", NULL);

    g_unlink (path);
    g_rmdir (photo_dir);
    g_free (photo_dir);
  }
  return status;
}
