/* main.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lentera-server"

#include "config.h"

#include "lp-admin-cli.h"
#include "lp-config.h"
#include "lp-resources.h"
#include "lp-server.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>

static gboolean
on_signal (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_CONTINUE;
}

static int
serve (LpServer *server)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint sigint = g_unix_signal_add (SIGINT, on_signal, loop);
  guint sigterm = g_unix_signal_add (SIGTERM, on_signal, loop);

  g_main_loop_run (loop);
  g_message ("Shutting down");
  lp_server_stop (server);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LpConfig) config = lp_config_new ();
  g_autoptr(LpServer) server = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  if (!lp_config_load (config, &argc, &argv, &error))
    {
      g_printerr ("lentera-server: %s\nTry “lentera-server --help”.\n", error->message);
      return 2;
    }
  if (config->version)
    {
      g_print ("lentera-server %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (config->list_routes)
    {
      g_autoptr(LpRouter) router = lp_router_new (NULL, config);

      lp_resources_register_all (router);
      lp_router_print (router);
      return 0;
    }

  server = lp_server_new (config);
  if (!lp_server_prepare_database (server, &error))
    {
      g_printerr ("lentera-server: %s\n", error->message);
      lp_server_stop (server);
      return 1;
    }
  if (config->create_admin != NULL)
    {
      int status = lp_admin_cli_create_admin (lp_server_get_conninfo (server),
                                              config->create_admin);
      lp_server_stop (server);
      return status;
    }
  if (!lp_server_start (server, &error))
    {
      g_printerr ("lentera-server: %s\n", error->message);
      lp_server_stop (server);
      return 1;
    }
  /* The one line on stdout: scripts and tests read the address from it. */
  g_print ("Listening on http://%s:%u/\n", config->address, lp_server_get_port (server));
  fflush (stdout);
  return serve (server);
}
