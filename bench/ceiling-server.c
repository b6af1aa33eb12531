/* ceiling-server.c — the fastest answer libsoup can give, for bench/reads-side-by-side.sh.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Listens on 127.0.0.1 (a free port unless --port is given) and answers every request
 * with 200 and the same JSON body, read once from --body FILE: no routing, no database,
 * no threads. What lentera-server does per request on top of libsoup is measured against
 * this. Prints "Listening on http://127.0.0.1:PORT/" once it accepts connections.
 *
 *   ceiling-server --body item.json [--port N]
 */

#include <gio/gio.h>
#include <glib-unix.h>
#include <libsoup/soup.h>
#include <stdio.h>

static GBytes *body;

static void
answer (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  (void) server; (void) path; (void) query; (void) user_data;
  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                         "application/json", NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), body);
}

static gboolean
quit (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

int
main (int argc, char **argv)
{
  g_autofree char *body_path = NULL;
  int port = 0;
  GOptionEntry entries[] = {
    { "body", 0, 0, G_OPTION_ARG_FILENAME, &body_path, "The reply body", "FILE" },
    { "port", 0, 0, G_OPTION_ARG_INT, &port, "TCP port on 127.0.0.1 (default: a free one)", "N" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  GSList *uris;
  char *text = NULL;
  gsize length = 0;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || body_path == NULL ||
      !g_file_get_contents (body_path, &text, &length, &error))
    {
      g_printerr ("ceiling-server: %s\n", error != NULL ? error->message : "--body is required");
      return 2;
    }
  body = g_bytes_new_take (text, length);
  server = soup_server_new ("server-header", "ceiling", NULL);
  soup_server_add_handler (server, NULL, answer, NULL, NULL);
  address = g_inet_socket_address_new_from_string ("127.0.0.1", (guint) port);
  if (!soup_server_listen (server, address, 0, &error))
    {
      g_printerr ("ceiling-server: %s\n", error->message);
      return 1;
    }
  uris = soup_server_get_uris (server);
  if (uris != NULL)
    {
      g_autofree char *uri = g_uri_to_string (uris->data);
      printf ("Listening on %s\n", uri);
      fflush (stdout);
    }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, quit, loop);
  g_unix_signal_add (SIGINT, quit, loop);
  g_main_loop_run (loop);
  g_bytes_unref (body);
  return 0;
}
