/* main.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lentera"

#include "config.h"

#include "lp-application.h"
#include "lp-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LpApplication) application = NULL;
  gboolean kiosk = FALSE;

  /* Before the options are parsed: --help itself is translated. */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--kiosk") || g_str_equal (argv[i], "-k"))
      kiosk = TRUE;
  lp_i18n_init (kiosk);

  application = lp_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
