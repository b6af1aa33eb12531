/* desk-actions.c — how long the desk waits for what it does most: Approve until the
 * request has left the list, a Good scan until its result line says "Returned", and a
 * damaged scan until the inspection form is on screen. The real app in a window on a
 * private Xvfb against the real lentera-server on a private PostgreSQL; bench/
 * desk-actions.sh builds and runs it. Not a test: it prints numbers.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-actions-bench"

#include "config.h"

#include "lp-gui-test.h"
#include "lp-scan-field.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#define WIDTH 1000

static LpTestServer *server;
static LpGuiApp *gui;
static char *member_token;
static char *staff_token;

/* The first value of a query on the test's server. */
#define sql(...) lp_test_server_sql_printf (server, __VA_ARGS__)

static JsonObject *
post (const char *path,
      const char *token,
      const char *body,
      guint       status,
      LpTestResponse **keep)
{
  *keep = lp_test_request (server, "POST", path, token, body);
  lp_assert_status (*keep, status);
  return lp_test_response_object (*keep);
}

/* A member's request for one folding chair from the library's today; its id. */
static char *
request (void)
{
  g_autofree char *item = sql ("SELECT id FROM items WHERE code = 'FUR-001'");
  g_autofree char *today = sql ("SELECT library_today()");
  g_autofree char *due = sql ("SELECT library_today() + 3");
  g_autofree char *body = g_strdup_printf ("{\"item_id\":\"%s\",\"quantity\":1,"
                                           "\"start_date\":\"%s\",\"due_date\":\"%s\","
                                           "\"purpose\":\"Acara pentas seni\"}",
                                           item, today, due);
  g_autoptr(LpTestResponse) response = NULL;

  return g_strdup (json_object_get_string_member (post ("/api/v1/loans", member_token, body, 201,
                                                        &response), "id"));
}

/* A loan out with the member: requested, approved, handed over; its code. */
static char *
lend (void)
{
  g_autofree char *id = request ();
  g_autofree char *approve = g_strdup_printf ("/api/v1/loans/%s/approve", id);
  g_autofree char *handover = g_strdup_printf ("/api/v1/loans/%s/handover", id);
  g_autoptr(LpTestResponse) approved = NULL;
  g_autoptr(LpTestResponse) handed = NULL;

  post (approve, staff_token, "{}", 200, &approved);
  return g_strdup (json_object_get_string_member (post (handover, staff_token, "{}", 200,
                                                        &handed), "code"));
}

static int
compare (gconstpointer a,
         gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        GArray     *times)
{
  g_array_sort (times, compare);
  g_print ("%-34s n=%u  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms\n", what, times->len,
           g_array_index (times, gint64, times->len / 2) / 1000.0,
           g_array_index (times, gint64, (times->len * 95) / 100) / 1000.0,
           g_array_index (times, gint64, times->len - 1) / 1000.0);
}

static guint
n_requests (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (lp_gui_paged_model (lp_gui_page (gui, "requests_page"),
                                                                     "list_view")));
}

static void
bench_approve (guint n)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  gpointer page = lp_gui_page (gui, "requests_page");

  for (guint i = 0; i < n; i++)
    g_free (request ());
  adw_view_stack_set_visible_child_name (lp_gui_child (gui->window, "view_stack"), "requests");
  lp_gui_wait_for (n_requests () == n);
  for (guint i = 0; i < n; i++)
    {
      guint before = n_requests ();
      gint64 start;

      gtk_selection_model_select_item (gtk_list_view_get_model (lp_gui_child (page, "list_view")),
                                       0, TRUE);
      lp_gui_iterate ();
      start = g_get_monotonic_time ();
      lp_gui_click (lp_gui_child (page, "approve_button"));
      lp_gui_wait_for (n_requests () == before - 1);
      g_array_append_val (times, (gint64) { g_get_monotonic_time () - start });
    }
  report ("Approve → row gone", times);
}

static GtkEditable *
scan_entry (void)
{
  return GTK_EDITABLE (lp_gui_find_type (lp_gui_child (lp_gui_page (gui, "returns_page"),
                                                       "scan_field"), GTK_TYPE_ENTRY));
}

static guint
n_lines (const char *outcome)
{
  GtkWidget *list = lp_gui_child (lp_gui_page (gui, "returns_page"), "results_list");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (lp_gui_find_label (row, outcome) != NULL)
      n++;
  return n;
}

static void
bench_returns (guint n)
{
  g_autoptr(GArray) good = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) form = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  gpointer page = lp_gui_page (gui, "returns_page");

  for (guint i = 0; i < 2 * n; i++)
    g_ptr_array_add (codes, lend ());
  adw_view_stack_set_visible_child_name (lp_gui_child (gui->window, "view_stack"), "returns");
  for (guint i = 0; i < 2 * n; i++)
    {
      gboolean damaged = i % 2 == 1;
      guint returned = n_lines (_("Returned"));
      AdwMessageDialog *dialog = NULL;
      gint64 start;

      gtk_drop_down_set_selected (lp_gui_child (page, "condition_dropdown"), damaged ? 1 : 0);
      lp_gui_iterate ();
      gtk_editable_set_text (scan_entry (), g_ptr_array_index (codes, i));
      start = g_get_monotonic_time ();
      g_signal_emit_by_name (scan_entry (), "activate");
      if (!damaged)
        {
          lp_gui_wait_for (n_lines (_("Returned")) == returned + 1);
          g_array_append_val (good, (gint64) { g_get_monotonic_time () - start });
          continue;
        }
      lp_gui_wait_for ((dialog = lp_gui_find_message_dialog ()) != NULL &&
                       gtk_widget_get_mapped (GTK_WIDGET (dialog)));
      g_array_append_val (form, (gint64) { g_get_monotonic_time () - start });
      lp_gui_respond (dialog, "cancel");
      lp_gui_wait_for (lp_gui_find_message_dialog () == NULL);
    }
  report ("Good scan + Enter → \"Returned\"", good);
  report ("Damaged scan + Enter → form shown", form);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *url = NULL;
  guint n;

  lp_gui_init (&argc, &argv, FALSE);
  g_log_set_debug_enabled (FALSE);
  n = argc > 1 ? (guint) atoi (argv[1]) : 20;
  server = lp_test_server_start (NULL);
  lp_gui_seed_desk (server, &member_token, &staff_token);
  url = lp_gui_server_url (server);
  gui = lp_gui_app_new (url, WIDTH);
  lp_gui_log_in (gui, "petugas.rina", "Petugas#2026");

  bench_approve (n);
  bench_returns (n);

  g_clear_pointer (&gui, lp_gui_app_free);
  g_free (member_token);
  g_free (staff_token);
  lp_test_server_free (server);
  return 0;
}
