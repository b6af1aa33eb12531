/* test-gui-live.c — the catalog follows changes made elsewhere, without a click.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-live"

#include "config.h"

#include "lp-catalog-page.h"
#include "lp-catalog-row.h"
#include "lp-item-page.h"
#include "lp-gui-test.h"

#include <glib/gi18n.h>

#define WIDE 1000
/* How soon a change made elsewhere must show. */
#define LIVE_TIMEOUT_US (2 * G_USEC_PER_SEC)

static LpTestServer *server;
static LpGuiApp *gui;

/*
 * A TCP relay between the app and the server, so that a test can "restart" the server
 * as the app sees it: every connection cut, new ones refused for a while, then accepted
 * again on the same address.
 */
typedef struct
{
  GSocketService *service;
  guint           port;
  guint           target_port;
  GCancellable   *cancellable;   /* of every relayed connection */
  gboolean        down;
} Relay;

static Relay relay;

static void
on_spliced (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_io_stream_splice_finish (result, &error);
}

static gboolean
on_relay_incoming (GSocketService    *service,
                   GSocketConnection *connection,
                   GObject           *source,
                   gpointer           user_data)
{
  g_autoptr(GSocketClient) client = NULL;
  g_autoptr(GSocketConnection) upstream = NULL;
  g_autoptr(GError) error = NULL;

  if (relay.down)
    return TRUE;
  client = g_socket_client_new ();
  upstream = g_socket_client_connect_to_host (client, "127.0.0.1", relay.target_port, NULL,
                                              &error);
  g_assert_no_error (error);
  g_io_stream_splice_async (G_IO_STREAM (connection), G_IO_STREAM (upstream),
                            G_IO_STREAM_SPLICE_CLOSE_STREAM1 | G_IO_STREAM_SPLICE_CLOSE_STREAM2,
                            G_PRIORITY_DEFAULT, relay.cancellable, on_spliced, NULL);
  return TRUE;
}

static void
relay_start (guint target_port)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  relay.target_port = target_port;
  relay.cancellable = g_cancellable_new ();
  relay.service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (relay.service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL, &bound,
                                 &error);
  g_assert_no_error (error);
  relay.port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (relay.service, "incoming", G_CALLBACK (on_relay_incoming), NULL);
  g_socket_service_start (relay.service);
}

/* Cuts every connection; new ones are refused while @down. */
static void
relay_cut (gboolean down)
{
  relay.down = down;
  g_cancellable_cancel (relay.cancellable);
  g_clear_object (&relay.cancellable);
  relay.cancellable = g_cancellable_new ();
}

static void
relay_stop (void)
{
  relay_cut (TRUE);
  g_socket_service_stop (relay.service);
  g_socket_listener_close (G_SOCKET_LISTENER (relay.service));
  lp_gui_spin (100);
  g_clear_object (&relay.service);
  g_clear_object (&relay.cancellable);
}

static LpPagedModel *
model (void)
{
  return lp_gui_paged_model (lp_gui_page (gui, "catalog_page"), "list_view");
}

static gboolean
row_shows (GtkWidget    *root,
           LpItemObject *object)
{
  g_autoptr(LpItemObject) item = NULL;

  if (!LP_IS_CATALOG_ROW (root))
    return FALSE;
  g_object_get (root, "item", &item, NULL);
  return item == object;
}

/* The stock the item page shows, in the item it holds. */
static int
page_stock_total (LpItemPage *page)
{
  g_autoptr(LpItemObject) item = NULL;

  g_object_get (page, "item", &item, NULL);
  return item != NULL ? (int) lp_api_object_get_int (item, "stock-total") : -1;
}

static LpCatalogRow *
find_row (GtkWidget    *root,
          LpItemObject *object)
{
  if (row_shows (root, object))
    return LP_CATALOG_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      LpCatalogRow *row = find_row (child, object);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static char *
stock_text (int available,
            int total)
{
  return g_strdup_printf (_("%d of %d"), available, total);
}

/* Waits at most LIVE_TIMEOUT_US for @row to show @text, iterating the main loop only. */
static gboolean
row_shows_soon (LpCatalogRow *row,
                const char   *text)
{
  gint64 end = g_get_monotonic_time () + LIVE_TIMEOUT_US;

  while (g_get_monotonic_time () < end)
    {
      if (lp_gui_find_label (GTK_WIDGET (row), text) != NULL)
        return TRUE;
      lp_gui_iterate ();
    }
  return lp_gui_find_label (GTK_WIDGET (row), text) != NULL;
}

static void
wait_for_catalog (void)
{
  lp_gui_wait_for (lp_paged_model_get_loaded (model ()) &&
                   !lp_paged_model_get_loading (model ()));
  lp_gui_wait_for (lp_event_stream_get_connected (lp_session_get_events (lp_application_get_session (gui->app))));
}

static void
set_stock (const char *id,
           int         available,
           int         total)
{
  g_autofree char *available_text = g_strdup_printf ("%d", available);
  g_autofree char *total_text = g_strdup_printf ("%d", total);
  const char *params[] = { id, available_text, total_text };
  PGresult *res;

  res = lp_test_server_sql (server,
                            "UPDATE items SET stock_total = $3::int, stock_available = $2::int"
                            " WHERE id = $1::uuid", 3, params);
  PQclear (res);
}

/* A change of stock made elsewhere shows in the row that is on screen. */
static void
test_item_changed (void)
{
  g_autoptr(LpItemObject) object = NULL;
  g_autofree char *id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LpCatalogRow *row;
  int available, total;
  guint queries;

  wait_for_catalog ();
  object = g_list_model_get_item (G_LIST_MODEL (model ()), 0);
  lp_gui_wait_for (lp_api_object_get_loaded (object));
  lp_gui_wait_for (find_row (GTK_WIDGET (gui->window), object) != NULL);
  row = find_row (GTK_WIDGET (gui->window), object);
  id = g_strdup (lp_api_object_get_id (object));
  available = (int) lp_api_object_get_int (object, "stock-available");
  total = (int) lp_api_object_get_int (object, "stock-total");
  before = stock_text (available, total);
  g_assert_nonnull (lp_gui_find_label (GTK_WIDGET (row), before));

  queries = lp_paged_model_get_n_queries (model ());
  set_stock (id, total + 2, total + 3);
  after = stock_text (total + 2, total + 3);
  g_assert_true (row_shows_soon (row, after));
  /* In place: the same row, no new query. */
  g_assert_true (find_row (GTK_WIDGET (gui->window), object) == row);
  g_assert_cmpuint (lp_paged_model_get_n_queries (model ()), ==, queries);
}

/* An open item page follows its item too. */
static void
test_item_page (void)
{
  g_autoptr(LpItemObject) object = NULL;
  LpItemPage *page = lp_gui_page (gui, "item_page");
  g_autofree char *id = NULL;
  int total;
  gint64 end;

  wait_for_catalog ();
  object = g_list_model_get_item (G_LIST_MODEL (model ()), 1);
  lp_gui_wait_for (lp_api_object_get_loaded (object));
  id = g_strdup (lp_api_object_get_id (object));
  lp_window_show_item (gui->window, id);
  lp_gui_wait_for (g_strcmp0 (lp_gui_stack_page (page, "page_stack"), "loading") != 0 &&
                   page_stock_total (page) >= 0);
  total = page_stock_total (page) + 4;
  set_stock (id, total, total);

  end = g_get_monotonic_time () + LIVE_TIMEOUT_US;
  while (g_get_monotonic_time () < end &&
         page_stock_total (page) != total)
    lp_gui_iterate ();
  g_assert_cmpint (page_stock_total (page), ==, total);
  lp_window_go_back (gui->window);
}

/* The server lost its database (and with it events): it says resync, and the catalog
 * loads its query again. */
static void
test_resync (void)
{
  guint queries;

  wait_for_catalog ();
  queries = lp_paged_model_get_n_queries (model ());
  lp_test_server_stop_database (server);
  lp_test_server_start_database (server);
  lp_gui_wait_for (lp_paged_model_get_n_queries (model ()) > queries);
  wait_for_catalog ();
}

/* The server goes away and comes back: the stream reconnects on its own (after 0.5 s,
 * then 1 s, …) and the catalog loads its query again, since events may have been missed. */
static void
test_restart (void)
{
  LpEventStream *events = lp_session_get_events (lp_application_get_session (gui->app));
  g_autoptr(LpItemObject) object = NULL;
  g_autofree char *id = NULL;
  g_autofree char *after = NULL;
  LpCatalogRow *row;
  guint queries;
  int total;

  wait_for_catalog ();
  queries = lp_paged_model_get_n_queries (model ());
  relay_cut (TRUE);
  lp_gui_wait_for (!lp_event_stream_get_connected (events));
  lp_gui_spin (1500);
  g_assert_false (lp_event_stream_get_connected (events));
  relay_cut (FALSE);
  lp_gui_wait_for (lp_event_stream_get_connected (events));
  lp_gui_wait_for (lp_paged_model_get_n_queries (model ()) > queries);
  wait_for_catalog ();

  /* And events flow again. */
  object = g_list_model_get_item (G_LIST_MODEL (model ()), 0);
  lp_gui_wait_for (lp_api_object_get_loaded (object));
  lp_gui_wait_for (find_row (GTK_WIDGET (gui->window), object) != NULL);
  row = find_row (GTK_WIDGET (gui->window), object);
  id = g_strdup (lp_api_object_get_id (object));
  total = (int) lp_api_object_get_int (object, "stock-total") + 5;
  set_stock (id, total - 1, total);
  after = stock_text (total - 1, total);
  g_assert_true (row_shows_soon (row, after));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *url = NULL;
  int status;

  lp_gui_init (&argc, &argv, FALSE);
  server = lp_test_server_start (NULL);
  lp_gui_seed_catalog (server, 20);
  relay_start (lp_test_server_get_port (server));
  url = g_strdup_printf ("http://127.0.0.1:%u", relay.port);
  gui = lp_gui_app_new (url, WIDE);

  g_test_add_func ("/lp/gui/live/item-changed", test_item_changed);
  g_test_add_func ("/lp/gui/live/item-page", test_item_page);
  g_test_add_func ("/lp/gui/live/resync", test_resync);
  g_test_add_func ("/lp/gui/live/restart", test_restart);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  relay_stop ();
  g_clear_pointer (&server, lp_test_server_free);
  return status;
}
