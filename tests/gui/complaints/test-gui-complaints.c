/* test-gui-complaints.c — a member files a complaint with a photo and follows its
 * handling live; the desk counts the waiting ones, moves a complaint on and notes it,
 * and a step taken elsewhere meanwhile is refused with the reason, never applied.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-complaints"

#include "config.h"

#include "lp-complaint-page.h"
#include "lp-complaints-page.h"
#include "lp-enums.h"
#include "lp-gui-test.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#define WIDE 1000

static LpTestServer *server;
static LpGuiApp *gui;
static char *member_token;
static char *staff_token;

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

  open_complaint (id);
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
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.back", NULL);
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

  g_test_add_func ("/lp/gui/complaints/desk-list", test_desk_list);
  g_test_add_func ("/lp/gui/complaints/desk-handling", test_desk_handling);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  g_free (member_token);
  g_free (staff_token);
  lp_test_server_free (server);
  return status;
}
