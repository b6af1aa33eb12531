/* test-request.c — the client's address behind a trusted reverse proxy.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-request.h"

typedef struct
{
  const char *peer;
  const char *forwarded_for;
  const char *expected;
} AddressCase;

static void
test_client_address (void)
{
  const char *trusted[] = { "10.0.0.5", "::1", NULL };
  const AddressCase cases[] = {
    /* Nobody but a trusted proxy may name the client. */
    { "192.168.1.20", "203.0.113.7", "192.168.1.20" },
    { "10.0.0.5", NULL, "10.0.0.5" },
    { "10.0.0.5", "203.0.113.7", "203.0.113.7" },
    { "::1", "203.0.113.7", "203.0.113.7" },
    /* The last hop that is not a trusted proxy; earlier ones are the client's word. */
    { "10.0.0.5", "198.51.100.1, 203.0.113.7", "203.0.113.7" },
    { "10.0.0.5", "203.0.113.7, 10.0.0.5", "203.0.113.7" },
    /* Garbage stops the search at the proxy: it cannot hide the guesser. */
    { "10.0.0.5", "not-an-address", "10.0.0.5" },
    { "10.0.0.5", "203.0.113.7, <script>", "10.0.0.5" },
    { "10.0.0.5", "", "10.0.0.5" },
    { "10.0.0.5", "2001:db8::1", "2001:db8::1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *address = lp_request_client_address (cases[i].peer,
                                                            cases[i].forwarded_for, trusted);

      g_test_message ("%s via %s", cases[i].forwarded_for, cases[i].peer);
      g_assert_cmpstr (address, ==, cases[i].expected);
    }
  {
    g_autofree char *untrusted = lp_request_client_address ("10.0.0.5", "203.0.113.7", NULL);

    g_assert_cmpstr (untrusted, ==, "10.0.0.5");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lp/request/client-address", test_client_address);
  return g_test_run ();
}
