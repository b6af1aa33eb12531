/* test-config.c: server settings come from a key file, then LENTERA_* variables, then the
 * command line, each overriding the one before.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-config.h"

#include <glib/gstdio.h>

static char *
write_key_file (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("lp-config-XXXXXX.conf", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static gboolean
load (LpConfig    *config,
      const char **args,
      GError     **error)
{
  g_auto(GStrv) argv = g_strdupv ((char **) args);
  char **argv_ptr = argv;
  int argc = (int) g_strv_length (argv);
  gboolean ok;

  /* GOptionContext rearranges argv; hand it a copy of the vector it may edit. */
  argv_ptr = g_memdup2 (argv, sizeof (char *) * (argc + 1));
  ok = lp_config_load (config, &argc, &argv_ptr, error);
  g_free (argv_ptr);
  return ok;
}

static void
test_precedence (void)
{
  g_autofree char *path = write_key_file ("[server]\nport=9001\naddress=10.1.2.3\n"
                                          "workers=6\ndata-dir=/srv/lp\n");
  g_autoptr(LpConfig) config = lp_config_new ();
  g_autoptr(GError) error = NULL;
  const char *args[] = { "lentera-server", "--config", path, "--workers", "3", NULL };

  g_setenv ("LENTERA_PORT", "9002", TRUE);
  g_assert_true (load (config, args, &error));
  g_assert_no_error (error);
  g_assert_cmpint (config->port, ==, 9002);           /* environment beats the file */
  g_assert_cmpstr (config->address, ==, "10.1.2.3"); /* the file beats the default */
  g_assert_cmpint (config->workers, ==, 3);           /* the command line beats both */
  g_assert_cmpstr (config->data_dir, ==, "/srv/lp");
  g_assert_null (config->database_url);
  g_unsetenv ("LENTERA_PORT");
  g_unlink (path);
}

static void
test_database_url_from_environment (void)
{
  g_autoptr(LpConfig) config = lp_config_new ();
  g_autoptr(GError) error = NULL;
  const char *args[] = { "lentera-server", NULL };

  g_setenv ("LENTERA_DATABASE_URL", "postgresql://lentera@db/lentera", TRUE);
  g_assert_true (load (config, args, &error));
  g_assert_cmpstr (config->database_url, ==, "postgresql://lentera@db/lentera");
  g_assert_nonnull (config->data_dir);  /* a default is always filled in */
  g_unsetenv ("LENTERA_DATABASE_URL");
}

static void
test_bad_values_are_refused (void)
{
  struct { const char *arg; const char *value; } cases[] = {
    { "--port", "70000" },
    { "--workers", "0" },
    { "--statement-timeout", "5" },
    { "--cache-mb", "-1" },
    { "--cache-mb", "5000" },
    { "--search-index-items", "-1" },
    { "--search-index-items", "20000000" },
    { "--trusted-proxy", "proxy.sekolah.lan" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LpConfig) config = lp_config_new ();
      g_autoptr(GError) error = NULL;
      const char *args[] = { "lentera-server", cases[i].arg, cases[i].value, NULL };

      g_assert_false (load (config, args, &error));
      g_assert_nonnull (error);
    }
}

static void
test_bad_key_file_value (void)
{
  g_autofree char *path = write_key_file ("[server]\nport=eighty\n");
  g_autoptr(LpConfig) config = lp_config_new ();
  g_autoptr(GError) error = NULL;
  const char *args[] = { "lentera-server", "--config", path, NULL };

  g_assert_false (load (config, args, &error));
  g_assert_nonnull (strstr (error->message, "eighty"));
  g_unlink (path);
}

/* The reply cache's memory: 32 MB unless the file, LENTERA_CACHE_MB or --cache-mb say
 * otherwise; 0 turns it off. */
static void
test_cache_size (void)
{
  g_autofree char *path = write_key_file ("[server]\ncache-mb=8\n");
  g_autoptr(LpConfig) defaults = lp_config_new ();
  g_autoptr(LpConfig) from_file = lp_config_new ();
  g_autoptr(LpConfig) from_env = lp_config_new ();
  g_autoptr(LpConfig) off = lp_config_new ();
  g_autoptr(GError) error = NULL;
  const char *plain[] = { "lentera-server", NULL };
  const char *with_file[] = { "lentera-server", "--config", path, NULL };
  const char *turned_off[] = { "lentera-server", "--config", path, "--cache-mb", "0", NULL };

  g_assert_true (load (defaults, plain, &error));
  g_assert_cmpint (defaults->cache_mb, ==, 32);
  g_assert_true (load (from_file, with_file, &error));
  g_assert_cmpint (from_file->cache_mb, ==, 8);
  g_setenv ("LENTERA_CACHE_MB", "64", TRUE);
  g_assert_true (load (from_env, with_file, &error));
  g_assert_cmpint (from_env->cache_mb, ==, 64);
  g_assert_true (load (off, turned_off, &error));
  g_assert_cmpint (off->cache_mb, ==, 0);
  g_unsetenv ("LENTERA_CACHE_MB");
  g_assert_no_error (error);
  g_unlink (path);
}

/* The search index in memory: up to 500,000 items unless the file or the option say
 * otherwise; 0 turns it off. */
static void
test_search_index_items (void)
{
  g_autofree char *path = write_key_file ("[server]\nsearch-index-items=2000\n");
  g_autoptr(LpConfig) defaults = lp_config_new ();
  g_autoptr(LpConfig) from_file = lp_config_new ();
  g_autoptr(LpConfig) off = lp_config_new ();
  g_autoptr(GError) error = NULL;
  const char *plain[] = { "lentera-server", NULL };
  const char *with_file[] = { "lentera-server", "--config", path, NULL };
  const char *turned_off[] = { "lentera-server", "--config", path, "--search-index-items", "0",
                               NULL };

  g_assert_true (load (defaults, plain, &error));
  g_assert_cmpint (defaults->search_index_items, ==, 500000);
  g_assert_true (load (from_file, with_file, &error));
  g_assert_cmpint (from_file->search_index_items, ==, 2000);
  g_assert_true (load (off, turned_off, &error));
  g_assert_cmpint (off->search_index_items, ==, 0);
  g_assert_no_error (error);
  g_unlink (path);
}

/* Trusted proxies: repeatable on the command line, a list in the key file. */
static void
test_trusted_proxies (void)
{
  g_autofree char *path = write_key_file ("[server]\ntrusted-proxy=10.0.0.5;10.0.0.6\n");
  g_autoptr(LpConfig) from_file = lp_config_new ();
  g_autoptr(LpConfig) from_args = lp_config_new ();
  g_autoptr(GError) error = NULL;
  const char *file_args[] = { "lentera-server", "--config", path, NULL };
  const char *args[] = { "lentera-server", "--trusted-proxy", "127.0.0.1",
                         "--trusted-proxy", "::1", NULL };

  g_assert_true (load (from_file, file_args, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (from_file->trusted_proxies), ==, 2);
  g_assert_cmpstr (from_file->trusted_proxies[1], ==, "10.0.0.6");
  g_assert_true (load (from_args, args, &error));
  g_assert_cmpuint (g_strv_length (from_args->trusted_proxies), ==, 2);
  g_assert_cmpstr (from_args->trusted_proxies[1], ==, "::1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lp/config/precedence", test_precedence);
  g_test_add_func ("/lp/config/database-url-env", test_database_url_from_environment);
  g_test_add_func ("/lp/config/bad-values", test_bad_values_are_refused);
  g_test_add_func ("/lp/config/bad-key-file", test_bad_key_file_value);
  g_test_add_func ("/lp/config/cache-size", test_cache_size);
  g_test_add_func ("/lp/config/search-index-items", test_search_index_items);
  g_test_add_func ("/lp/config/trusted-proxies", test_trusted_proxies);

  return g_test_run ();
}
