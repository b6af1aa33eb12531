/* test-secret.c — "Remember me" never hangs: no Secret Service, or one that never answers.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A private session bus (GTestDBus). For the silent service, this program runs a second
 * copy of itself that takes the name org.freedesktop.secrets and is then stopped with
 * SIGSTOP, so every call to it waits for an answer that never comes.
 */

#define G_LOG_DOMAIN "test-secret"

#include "config.h"

#include "lp-secret.h"

#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#define OWN_NAME_ARG "--own-secrets-name"

/* The child: owns the name, says so, and waits to be stopped. */
static int
own_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GVariant) reply = NULL;

  if (bus == NULL)
    return 1;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.secrets", 0),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  if (reply == NULL)
    return 1;
  printf ("ready\n");
  fflush (stdout);
  for (;;)
    pause ();
}

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  ((Wait *) user_data)->result = g_object_ref (result);
}

/* Runs a check and a lookup; both must fail, and well within the timeout. */
static void
assert_gives_up (void)
{
  Wait check = { NULL }, lookup = { NULL };
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GError) lookup_error = NULL;
  g_autofree char *token = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed_ms;

  lp_secret_check_async (NULL, on_done, &check);
  lp_secret_lookup_async ("http://127.0.0.1:8088", NULL, on_done, &lookup);
  while (check.result == NULL || lookup.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;

  g_assert_false (lp_secret_check_finish (check.result, &check_error));
  g_assert_error (check_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  token = lp_secret_lookup_finish (lookup.result, &lookup_error);
  g_assert_null (token);
  g_assert_error (lookup_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_cmpint (elapsed_ms, <, LP_SECRET_TIMEOUT_MS + 2000);
  g_test_message ("gave up after %" G_GINT64_FORMAT " ms", elapsed_ms);
  g_object_unref (check.result);
  g_object_unref (lookup.result);
}

static void
test_no_service (void)
{
  assert_gives_up ();
}

static void
test_silent_service (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", &error);

  g_assert_no_error (error);
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self_path, OWN_NAME_ARG,
                            NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");
  g_subprocess_send_signal (child, SIGSTOP);

  assert_gives_up ();

  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTestDBus) bus = NULL;
  int status;

  if (argc > 1 && g_str_equal (argv[1], OWN_NAME_ARG))
    return own_name ();

  g_test_init (&argc, &argv, NULL);
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  g_test_add_func ("/lp/secret/no-service", test_no_service);
  g_test_add_func ("/lp/secret/silent-service", test_silent_service);
  status = g_test_run ();

  g_test_dbus_down (bus);
  return status;
}
