/* member.c — what a member waits for: from "Request Loan" until the availability
 * calendar is filled (the free days known, the longest loan read, the first week
 * offered), and from a staff approval at another desk until the member's app says so.
 * The real app in a window on a private Xvfb against the real lentera-server on a
 * private PostgreSQL; bench/member.sh builds and runs it. Not a test: it prints numbers.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "member-bench"

#include "config.h"

#include "lp-availability-calendar.h"
#include "lp-gui-test.h"
#include "lp-request-dialog.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#define WIDTH 1000

static LpTestServer *server;
static LpGuiApp *gui;
static char *member_token;
static char *staff_token;

static char *
sql (const char *query)
{
  return lp_test_server_sql_value (server, query);
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
  g_print ("%-40s n=%u  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms\n", what, times->len,
           g_array_index (times, gint64, times->len / 2) / 1000.0,
           g_array_index (times, gint64, (times->len * 95) / 100) / 1000.0,
           g_array_index (times, gint64, times->len - 1) / 1000.0);
}

static LpRequestDialog *
find_request_dialog (void)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (windows, i);

      if (LP_IS_REQUEST_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return LP_REQUEST_DIALOG (window);
    }
  return NULL;
}

static gboolean
calendar_filled (LpRequestDialog *dialog)
{
  LpAvailabilityCalendar *calendar = lp_gui_child (dialog, "calendar");
  g_autofree char *start = lp_availability_calendar_get_start (calendar);

  return !lp_availability_calendar_get_loading (calendar) &&
         lp_availability_calendar_get_max_days (calendar) > 0 && start != NULL;
}

static void
bench_calendar (guint n)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *item = sql ("SELECT id FROM items WHERE code = 'LAB-002'");
  gpointer page = lp_gui_page (gui, "item_page");

  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.show-item", "s", item);
  lp_gui_wait_for (gtk_widget_get_visible (lp_gui_child (page, "request_button")));
  for (guint i = 0; i < n; i++)
    {
      LpRequestDialog *dialog = NULL;
      gint64 start = g_get_monotonic_time ();

      lp_gui_click (lp_gui_child (page, "request_button"));
      lp_gui_wait_for ((dialog = find_request_dialog ()) != NULL && calendar_filled (dialog));
      g_array_append_val (times, (gint64) { g_get_monotonic_time () - start });
      gtk_window_destroy (GTK_WINDOW (dialog));
      lp_gui_wait_for (find_request_dialog () == NULL);
    }
  report ("Request Loan → calendar filled", times);
}

/* A member's request for one folding chair, from the day after tomorrow: its id. */
static char *
request (void)
{
  g_autofree char *item = sql ("SELECT id FROM items WHERE code = 'FUR-001'");
  g_autofree char *from = sql ("SELECT library_today() + 2");
  g_autofree char *due = sql ("SELECT library_today() + 4");
  g_autofree char *body = g_strdup_printf ("{\"item_id\":\"%s\",\"quantity\":1,"
                                           "\"start_date\":\"%s\",\"due_date\":\"%s\","
                                           "\"purpose\":\"Acara kelas\"}", item, from, due);
  g_autoptr(LpTestResponse) response = lp_test_request (server, "POST", "/api/v1/loans",
                                                        member_token, body);

  lp_assert_status (response, 201);
  return g_strdup (json_object_get_string_member (lp_test_response_object (response), "id"));
}

static void
bench_decision (guint n)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *name = sql ("SELECT name FROM items WHERE code = 'FUR-001'");
  g_autofree char *toast = g_strdup_printf (_("Your request for %s was approved"), name);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = request ();
      g_autofree char *path = g_strdup_printf ("/api/v1/loans/%s/approve", id);
      g_autoptr(LpTestResponse) approved = NULL;
      gint64 start;

      /* The previous toast gone, so that the next one is this approval's. */
      lp_gui_wait_for (!lp_gui_toast_shown (gui, toast));
      /* And the one that replaced it fully in: a toast sliding in is not replaced before
       * it is in (lp-window.c), and decisions come minutes apart, not every second. */
      lp_gui_spin (600);
      start = g_get_monotonic_time ();
      approved = lp_test_request (server, "POST", path, staff_token, "{}");
      lp_assert_status (approved, 200);
      lp_gui_wait_for (lp_gui_toast_shown (gui, toast));
      g_array_append_val (times, (gint64) { g_get_monotonic_time () - start });
      gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.toast", "s", "·");
    }
  report ("staff approval → member's toast", times);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *url = NULL;
  guint n;

  lp_gui_init (&argc, &argv, FALSE);
  g_log_set_debug_enabled (FALSE);
  /* No window of the app has the focus on the bench's Xvfb (no window manager), so a
   * decision also goes out as a desktop notification; no notification server runs on the
   * private bus, and GLib warns about it once: not fatal here. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  n = argc > 1 ? (guint) atoi (argv[1]) : 20;
  server = lp_test_server_start (NULL);
  lp_gui_seed_desk (server, &member_token, &staff_token);
  url = lp_gui_server_url (server);
  gui = lp_gui_app_new (url, WIDTH);
  lp_gui_log_in (gui, "siswa.andi", "Siswa#2026");

  bench_calendar (n);
  bench_decision (n);

  g_clear_pointer (&gui, lp_gui_app_free);
  g_free (member_token);
  g_free (staff_token);
  lp_test_server_free (server);
  return 0;
}
