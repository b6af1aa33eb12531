/* lp-config.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-config"

#include "config.h"

#include "lp-config.h"

#include <gio/gio.h>

#include <stdlib.h>
#include <unistd.h>

#define CACHE_MB_MAX 4096
#define SEARCH_INDEX_ITEMS_MAX 10000000

LpConfig *
lp_config_new (void)
{
  LpConfig *config = g_new0 (LpConfig, 1);

  config->address = g_strdup ("127.0.0.1");
  config->port = 8088;
  config->workers = 4;
  config->statement_timeout_ms = 5000;
  config->connect_timeout_s = 3;
  config->session_hours = 9;
  config->cache_mb = 32;
  config->search_index_items = 500000;
  return config;
}

void
lp_config_free (LpConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->config_file);
  g_free (config->address);
  g_free (config->data_dir);
  g_free (config->database_url);
  g_free (config->create_admin);
  g_strfreev (config->trusted_proxies);
  g_free (config);
}

/* Root keeps its data under /var/lib like any system service; an ordinary user in
 * their XDG data directory. */
char *
lp_config_default_data_dir (void)
{
  if (geteuid () == 0)
    return g_strdup ("/var/lib/lenterapustaka");
  return g_build_filename (g_get_user_data_dir (), "lenterapustaka", NULL);
}

static void
replace_string (char       **target,
                const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_free (*target);
  *target = g_strdup (value);
}

static gboolean
parse_int (const char  *name,
           const char  *text,
           int          min,
           int          max,
           int         *out,
           GError     **error)
{
  gint64 value;

  if (text == NULL || *text == '\0')
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "%s must be a whole number from %d to %d, not “%s”", name, min, max, text);
      return FALSE;
    }
  *out = (int) value;
  return TRUE;
}

static gboolean
load_key_file (LpConfig  *config,
               GError   **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  static const char *string_keys[] = { "address", "data-dir", "database-url" };
  static const char *int_keys[] = { "port", "workers", "statement-timeout", "session-hours",
                                    "cache-mb", "search-index-items" };
  char **string_targets[] = { &config->address, &config->data_dir, &config->database_url };
  int *int_targets[] = { &config->port, &config->workers, &config->statement_timeout_ms,
                         &config->session_hours, &config->cache_mb,
                         &config->search_index_items };

  if (!g_key_file_load_from_file (kf, config->config_file, G_KEY_FILE_NONE, error))
    return FALSE;
  if (g_key_file_has_key (kf, "server", "trusted-proxy", NULL))
    {
      g_strfreev (config->trusted_proxies);
      config->trusted_proxies = g_key_file_get_string_list (kf, "server", "trusted-proxy",
                                                            NULL, error);
      if (config->trusted_proxies == NULL)
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (string_keys); i++)
    {
      g_autofree char *value = g_key_file_get_string (kf, "server", string_keys[i], NULL);
      replace_string (string_targets[i], value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (int_keys); i++)
    {
      g_autofree char *value = g_key_file_get_string (kf, "server", int_keys[i], NULL);
      if (!parse_int (int_keys[i], value, 0, G_MAXINT, int_targets[i], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_environment (LpConfig  *config,
                  GError   **error)
{
  replace_string (&config->address, g_getenv ("LENTERA_ADDRESS"));
  replace_string (&config->data_dir, g_getenv ("LENTERA_DATA_DIR"));
  replace_string (&config->database_url, g_getenv ("LENTERA_DATABASE_URL"));
  if (g_getenv ("LENTERA_TRUSTED_PROXY") != NULL && *g_getenv ("LENTERA_TRUSTED_PROXY") != '\0')
    {
      g_strfreev (config->trusted_proxies);
      config->trusted_proxies = g_strsplit (g_getenv ("LENTERA_TRUSTED_PROXY"), ",", -1);
    }
  return parse_int ("LENTERA_PORT", g_getenv ("LENTERA_PORT"), 0, 65535, &config->port, error) &&
         parse_int ("LENTERA_WORKERS", g_getenv ("LENTERA_WORKERS"), 1, 64,
                    &config->workers, error) &&
         parse_int ("LENTERA_CACHE_MB", g_getenv ("LENTERA_CACHE_MB"), 0, CACHE_MB_MAX,
                    &config->cache_mb, error);
}

static gboolean
validate (LpConfig  *config,
          GError   **error)
{
  if (config->port < 0 || config->port > 65535 || config->workers < 1 || config->workers > 64 ||
      config->statement_timeout_ms < 100 || config->session_hours < 1 ||
      config->cache_mb < 0 || config->cache_mb > CACHE_MB_MAX ||
      config->search_index_items < 0 || config->search_index_items > SEARCH_INDEX_ITEMS_MAX)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "port must be 0–65535, workers 1–64, statement timeout ≥ 100 ms, "
                   "session hours ≥ 1, cache 0–%d MB and search index 0–%d items",
                   CACHE_MB_MAX, SEARCH_INDEX_ITEMS_MAX);
      return FALSE;
    }
  for (guint i = 0; config->trusted_proxies != NULL && config->trusted_proxies[i] != NULL; i++)
    {
      g_autoptr(GInetAddress) proxy = NULL;

      g_strstrip (config->trusted_proxies[i]);
      proxy = g_inet_address_new_from_string (config->trusted_proxies[i]);
      if (proxy == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "trusted proxy must be an IP address, not “%s”",
                       config->trusted_proxies[i]);
          return FALSE;
        }
      /* Kept in the one spelling lp_request_client_address() compares with. */
      g_free (config->trusted_proxies[i]);
      config->trusted_proxies[i] = g_inet_address_to_string (proxy);
    }
  if (config->data_dir == NULL)
    config->data_dir = lp_config_default_data_dir ();
  return TRUE;
}

gboolean
lp_config_load (LpConfig   *config,
                int        *argc,
                char     ***argv,
                GError    **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *config_file = NULL, *address = NULL, *data_dir = NULL, *database_url = NULL;
  int port = -1, workers = -1, timeout = -1, hours = -1, cache_mb = G_MININT;
  int search_index_items = G_MININT;
  g_auto(GStrv) trusted_proxies = NULL;
  GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &config_file,
      "Read settings from the [server] group of this key file (also LENTERA_CONFIG)", "FILE" },
    { "address", 'a', 0, G_OPTION_ARG_STRING, &address,
      "Address to listen on; 0.0.0.0 serves the whole LAN (default 127.0.0.1)", "ADDR" },
    { "port", 'p', 0, G_OPTION_ARG_INT, &port,
      "TCP port to listen on; 0 picks a free one (default 8088)", "PORT" },
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir,
      "Directory of the embedded PostgreSQL cluster (default /var/lib/lenterapustaka as root, "
      "else ~/.local/share/lenterapustaka)", "DIR" },
    { "database-url", 0, 0, G_OPTION_ARG_STRING, &database_url,
      "Use this PostgreSQL server instead of the embedded one (also LENTERA_DATABASE_URL)",
      "URL" },
    { "workers", 'w', 0, G_OPTION_ARG_INT, &workers,
      "Database worker threads, each with its own connection (default 4)", "N" },
    { "statement-timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      "Longest a database statement may run before the request fails with 503 (default 5000)",
      "MS" },
    { "session-hours", 0, 0, G_OPTION_ARG_INT, &hours,
      "How long a login stays valid (default 9, a working day)", "HOURS" },
    { "cache-mb", 0, 0, G_OPTION_ARG_INT, &cache_mb,
      "Memory for catalog replies kept until the catalog changes; 0 turns the cache off "
      "(default 32)", "MB" },
    { "search-index-items", 0, 0, G_OPTION_ARG_INT, &search_index_items,
      "Search catalogs of up to this many items in memory (about 120 bytes an item); "
      "0 always searches in the database (default 500000)", "N" },
    { "trusted-proxy", 0, 0, G_OPTION_ARG_STRING_ARRAY, &trusted_proxies,
      "A reverse proxy whose X-Forwarded-For header names the client (repeatable; also "
      "LENTERA_TRUSTED_PROXY, comma-separated)", "ADDR" },
    { "demo-data", 0, 0, G_OPTION_ARG_NONE, &config->demo_data,
      "Load the demo school (accounts, catalog, loans) into an empty database", NULL },
    { "create-admin", 0, 0, G_OPTION_ARG_STRING, &config->create_admin,
      "Create an admin account, reading its password from the terminal or stdin, then exit",
      "USERNAME" },
    { "unsafe-fast-db", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &config->unsafe_fast_db,
      "Run the embedded cluster without fsync (tests only: a crash loses data)", NULL },
    { "list-routes", 0, 0, G_OPTION_ARG_NONE, &config->list_routes,
      "Print every API route with the roles that may call it, then exit", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &config->version, "Print the version and exit", NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
    "LenteraPustaka server: the REST API over PostgreSQL for the loan and facilities system.\n"
    "Without --database-url it runs its own private PostgreSQL cluster in --data-dir.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;

  replace_string (&config->config_file, g_getenv ("LENTERA_CONFIG"));
  replace_string (&config->config_file, config_file);
  if (config->config_file != NULL && !load_key_file (config, error))
    return FALSE;
  if (!load_environment (config, error))
    return FALSE;

  replace_string (&config->address, address);
  replace_string (&config->data_dir, data_dir);
  replace_string (&config->database_url, database_url);
  if (port >= 0)
    config->port = port;
  if (workers >= 0)
    config->workers = workers;
  if (timeout >= 0)
    config->statement_timeout_ms = timeout;
  if (hours >= 0)
    config->session_hours = hours;
  if (cache_mb != G_MININT)   /* given: even a negative one, which validate() refuses */
    config->cache_mb = cache_mb;
  if (search_index_items != G_MININT)
    config->search_index_items = search_index_items;
  if (trusted_proxies != NULL)
    {
      g_strfreev (config->trusted_proxies);
      config->trusted_proxies = g_steal_pointer (&trusted_proxies);
    }
  return validate (config, error);
}
