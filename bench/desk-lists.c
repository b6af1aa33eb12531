/* desk-lists.c — the desk's lists on a busy school: 10,000 pending requests and 10,000
 * active loans (approved, borrowed, overdue). For the Requests page and every filter of
 * the Loans page: the time from opening it until its first rows are on screen, and a
 * scroll through the whole list in steps, with the longest main loop iteration (a
 * stalled window shows up there). The real app in a window on a private Xvfb against
 * the real lentera-server on a private PostgreSQL; bench/desk-lists.sh builds and runs
 * it. Not a test: it prints numbers.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-lists-bench"

#include "config.h"

#include "lp-gui-test.h"
#include "lp-page.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#define WIDTH 1000
#define ROWS_PER_STEP 100

static LpGuiApp *gui;

/* 200 members, 2,000 items of 20 units each (5 of them out on active loans); 10,000
 * pending requests and 10,000 loans that hold units: 3,000 approved, 5,000 borrowed,
 * 2,000 overdue. Consistent by
 * construction, so the triggers (and their change notifications) are skipped. */
static const char data_sql[] =
  "DO $$ BEGIN\n"
  "PERFORM set_config ('session_replication_role', 'replica', true);\n"
  "INSERT INTO items (code, name, category_id, location, stock_total, stock_available,"
  "                   condition, status)\n"
  "SELECT 'DL-' || lpad(g.n::text, 5, '0'),"
  "       (ARRAY['Proyektor', 'Laptop', 'Mikroskop', 'Kamera', 'Gitar'])[1 + g.n % 5]"
  "         || ' ' || g.n,"
  "       (SELECT id FROM categories ORDER BY name LIMIT 1), 'Gudang ' || (1 + g.n % 9),"
  "       20, 15, 'good', 'available'\n"
  "  FROM generate_series(1, 2000) AS g (n);\n"
  "INSERT INTO users (username, password_hash, role, full_name, active)\n"
  "SELECT 'desk.member' || g.n, '$2b$12$benchbenchbenchbenchbe.benchbenchbenchbenchbenchbench',"
  "       'member', 'Anggota Meja ' || g.n, true\n"
  "  FROM generate_series(1, 200) AS g (n);\n"
  "WITH m AS (SELECT row_number() OVER (ORDER BY username) - 1 AS k, id FROM users"
  "            WHERE username LIKE 'desk.member%'),\n"
  "     i AS (SELECT row_number() OVER (ORDER BY code) - 1 AS k, id FROM items"
  "            WHERE code LIKE 'DL-%'),\n"
  "     l AS (SELECT g.n, CASE WHEN g.n <= 10000 THEN 'pending' WHEN g.n <= 13000 THEN 'approved'"
  "                            WHEN g.n <= 18000 THEN 'borrowed' ELSE 'overdue' END AS status"
  "             FROM generate_series(1, 20000) AS g (n))\n"
  "INSERT INTO loans (user_id, item_id, quantity, start_date, due_date, purpose, status,"
  "                   decided_at, handed_over_at, created_at)\n"
  "SELECT m.id, i.id, 1,"
  "       CASE WHEN l.status = 'overdue' THEN library_today() - 10 - l.n % 20"
  "            WHEN l.status = 'borrowed' THEN library_today() - l.n % 5"
  "            ELSE library_today() + l.n % 30 END,"
  "       CASE WHEN l.status = 'overdue' THEN library_today() - 1 - l.n % 9"
  "            WHEN l.status = 'borrowed' THEN library_today() + 1 + l.n % 14"
  "            ELSE library_today() + l.n % 30 + 1 + l.n % 6 END,"
  "       'Kegiatan kelas ' || l.n, l.status,"
  "       CASE WHEN l.status <> 'pending' THEN now() - interval '20 days' END,"
  "       CASE WHEN l.status IN ('borrowed', 'overdue') THEN now() - interval '19 days' END,"
  "       now() - (20001 - l.n) * interval '1 minute'\n"
  "  FROM l JOIN m ON m.k = l.n % 200 JOIN i ON i.k = l.n % 2000;\n"
  "END $$;\n";

static gint64 longest_iteration_us;

/* One main loop iteration, remembering the longest. */
static void
iterate (void)
{
  gint64 start = g_get_monotonic_time ();

  lp_gui_iterate ();
  longest_iteration_us = MAX (longest_iteration_us, g_get_monotonic_time () - start);
}

static gboolean
rows_on_screen_loaded (GtkWidget *list)
{
  return gtk_widget_get_first_child (list) != NULL &&
         lp_gui_find_label (list, _("Loading…")) == NULL;
}

/* Until the page's list has answered a query later than the @n_queries th and shows
 * its rows; the time the answer arrived in @answered (if not NULL). */
static void
wait_loaded (gpointer page,
             guint    n_queries,
             gint64  *answered)
{
  LpPagedModel *model = lp_gui_paged_model (page, "list_view");
  GtkWidget *list = lp_gui_child (page, "list_view");
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (lp_paged_model_get_n_queries (model) <= n_queries || lp_paged_model_get_loading (model) ||
         !lp_paged_model_get_loaded (model) || !rows_on_screen_loaded (list))
    {
      if (answered != NULL && *answered == 0 && lp_paged_model_get_n_queries (model) > n_queries &&
          !lp_paged_model_get_loading (model))
        *answered = g_get_monotonic_time ();
      iterate ();
      if (g_get_monotonic_time () > deadline)
        g_error ("%s: no rows after 30 s (queries %u after %u, loading %d, loaded %d, %u rows)",
                 G_OBJECT_TYPE_NAME (page), lp_paged_model_get_n_queries (model), n_queries,
                 lp_paged_model_get_loading (model), lp_paged_model_get_loaded (model),
                 g_list_model_get_n_items (G_LIST_MODEL (model)));
    }
  if (answered != NULL && *answered == 0)
    *answered = g_get_monotonic_time ();
}

static guint
n_queries (gpointer page)
{
  return lp_paged_model_get_n_queries (lp_gui_paged_model (page, "list_view"));
}

static int
compare (gconstpointer a,
         gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static double
percentile_ms (GArray *times,
               double  fraction)
{
  g_array_sort (times, compare);
  return g_array_index (times, gint64, (guint) (fraction * (times->len - 1))) / 1000.0;
}

static void
open_page (const char *name,
           const char *id)
{
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.open", "(ss)", name, id);
}

/* Opens the page (a filter of it) @rounds times, each time from another one, and the
 * time until its first rows are on screen. */
static void
bench_first_rows (const char *label,
                  const char *page_id,
                  const char *name,
                  const char *filter,
                  const char *away,
                  guint       rounds)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) answers = g_array_new (FALSE, FALSE, sizeof (gint64));
  gpointer page = lp_gui_page (gui, page_id);
  guint n = 0;

  for (guint i = 0; i < rounds; i++)
    {
      guint before;
      gint64 start, answered = 0;

      if (filter == NULL)
        {
          open_page (name, away);
          lp_gui_iterate ();
          before = n_queries (page);
          start = g_get_monotonic_time ();
          lp_page_reload (page);
        }
      else
        {
          before = n_queries (page);
          open_page (name, away);
          lp_gui_iterate ();
          if (n_queries (page) != before)
            wait_loaded (page, before, NULL);
          before = n_queries (page);
          start = g_get_monotonic_time ();
          open_page (name, filter);
        }
      wait_loaded (page, before, &answered);
      g_array_append_val (times, (gint64) { g_get_monotonic_time () - start });
      g_array_append_val (answers, (gint64) { answered - start });
      n = g_list_model_get_n_items (G_LIST_MODEL (lp_gui_paged_model (page, "list_view")));
    }
  g_print ("%-26s %6u rows  first rows p50 %6.1f ms  max %6.1f ms"
           "  (server's answer in p50 %6.1f ms)\n", label, n,
           percentile_ms (times, 0.5), percentile_ms (times, 1.0), percentile_ms (answers, 0.5));
}

/* Scrolls the page's list from top to bottom, ROWS_PER_STEP rows at a time, waiting each
 * time until the rows on screen show loans. */
static void
bench_scroll (const char *label,
              const char *page_id)
{
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (gint64));
  gpointer page = lp_gui_page (gui, page_id);
  GtkWidget *list = lp_gui_child (page, "list_view");
  LpPagedModel *model = lp_gui_paged_model (page, "list_view");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW)));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  gint64 start = g_get_monotonic_time ();

  longest_iteration_us = 0;
  for (;;)
    {
      double value = gtk_adjustment_get_value (adjustment);
      double max = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      double row_height = gtk_adjustment_get_upper (adjustment) / n;
      gint64 step_start = g_get_monotonic_time ();

      if (value >= max - 1)
        break;
      gtk_adjustment_set_value (adjustment, MIN (max, value + ROWS_PER_STEP * row_height));
      for (int i = 0; i < 3; i++)
        iterate ();
      while (!rows_on_screen_loaded (list))
        iterate ();
      g_array_append_val (steps, (gint64) { g_get_monotonic_time () - step_start });
    }
  g_print ("%-26s %6u rows  scrolled in %.1f s, %u steps: p50 %.1f ms, p99 %.1f ms, "
           "max %.1f ms; longest iteration %.1f ms; %u page requests\n",
           label, n, (g_get_monotonic_time () - start) / 1e6, steps->len,
           percentile_ms (steps, 0.5), percentile_ms (steps, 0.99), percentile_ms (steps, 1.0),
           longest_iteration_us / 1000.0, lp_paged_model_get_n_fetches (model));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LpTestServer) server = NULL;
  g_autofree char *member_token = NULL;
  g_autofree char *staff_token = NULL;
  g_autofree char *url = NULL;
  g_autofree char *counts = NULL;
  guint rounds;

  lp_gui_init (&argc, &argv, FALSE);
  g_log_set_debug_enabled (FALSE);
  rounds = argc > 1 ? (guint) atoi (argv[1]) : 5;
  server = lp_test_server_start (NULL);
  lp_gui_seed_desk (server, &member_token, &staff_token);
  g_free (lp_test_server_sql_value (server, data_sql));
  g_free (lp_test_server_sql_value (server, "ANALYZE"));
  counts = lp_test_server_sql_value (server,
                                     "SELECT string_agg(status || ' ' || n, ', ' ORDER BY status)"
                                     "  FROM (SELECT status, count(*) AS n FROM loans"
                                     "         GROUP BY status) AS s");
  g_print ("loans: %s\n", counts);
  url = lp_gui_server_url (server);
  gui = lp_gui_app_new (url, WIDTH);
  lp_gui_log_in (gui, "petugas.rina", "Petugas#2026");

  bench_first_rows ("Requests", "requests_page", "requests", NULL, "", rounds);
  bench_first_rows ("Loans: to hand over", "loans_page", "loans", "approved", "all", rounds);
  bench_first_rows ("Loans: borrowed", "loans_page", "loans", "borrowed", "all", rounds);
  bench_first_rows ("Loans: overdue", "loans_page", "loans", "overdue", "all", rounds);
  bench_first_rows ("Loans: all", "loans_page", "loans", "all", "overdue", rounds);

  open_page ("requests", "");
  bench_scroll ("Requests", "requests_page");
  open_page ("loans", "all");
  bench_scroll ("Loans: all", "loans_page");

  g_clear_pointer (&gui, lp_gui_app_free);
  return 0;
}
