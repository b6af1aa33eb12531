/* lp-csv.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-csv"

#include "config.h"

#include "lp-csv.h"

#include <string.h>

/* The first characters that make a spreadsheet evaluate a cell. */
#define FORMULA_STARTS "=+-@\t\r"
/* The characters that need the field quoted (RFC 4180 §2.6). */
#define QUOTE_TRIGGERS ",\"\r\n"

static void
append_escaped (GString    *out,
                const char *value)
{
  gboolean guard = value[0] != '\0' && strchr (FORMULA_STARTS, value[0]) != NULL;
  gboolean quote = strpbrk (value, QUOTE_TRIGGERS) != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

void
lp_csv_append_field (GString    *out,
                     const char *value)
{
  g_autofree char *valid = NULL;

  g_return_if_fail (out != NULL);

  if (value == NULL)
    return;
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  append_escaped (out, value);
}

void
lp_csv_append_row (GString            *out,
                   const char * const *fields,
                   gsize               n_fields)
{
  gsize start;

  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  start = out->len;
  for (gsize i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      lp_csv_append_field (out, fields[i]);
    }
  /* A row of one empty cell would be an empty line, which readers skip: quote it. */
  if (n_fields == 1 && out->len == start)
    g_string_append (out, "\"\"");
  g_string_append (out, "\r\n");
}

char *
lp_csv_escape_field (const char *value)
{
  GString *out = g_string_new (NULL);

  lp_csv_append_field (out, value);
  return g_string_free (out, FALSE);
}
