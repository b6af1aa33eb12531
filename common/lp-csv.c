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

/* ------------------------------------------------------------------------------------
 * Reading
 * ------------------------------------------------------------------------------------ */

#define UTF8_BOM "\xef\xbb\xbf"

G_DEFINE_QUARK (lp-csv-error-quark, lp_csv_error)

struct _LpCsvReader
{
  const char *p;
  const char *end;
  char        separator;
  guint       line;      /* the line p is on */
  gboolean    failed;
};

static const char *
skip_bom (const char *data,
          gsize       length)
{
  if (length >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    return data + 3;
  return data;
}

char
lp_csv_detect_separator (const char *data,
                         gsize       length)
{
  const char *end = data + length;
  gboolean quoted = FALSE;
  gsize commas = 0, semicolons = 0;

  g_return_val_if_fail (data != NULL || length == 0, ',');

  for (const char *p = length > 0 ? skip_bom (data, length) : end; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\n' || *p == '\r')
        break;
      else if (*p == ',')
        commas++;
      else if (*p == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

LpCsvReader *
lp_csv_reader_new (const char *data,
                   gsize       length,
                   char        separator)
{
  LpCsvReader *reader;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (separator == 0 || separator == ',' || separator == ';', NULL);

  reader = g_new0 (LpCsvReader, 1);
  reader->p = length > 0 ? skip_bom (data, length) : data;
  reader->end = data + length;
  reader->separator = separator != 0 ? separator : lp_csv_detect_separator (data, length);
  reader->line = 1;
  return reader;
}

void
lp_csv_reader_free (LpCsvReader *reader)
{
  g_free (reader);
}

char
lp_csv_reader_get_separator (LpCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, ',');
  return reader->separator;
}

/* Steps over one line break (CRLF, LF or CR) at p, if there is one. */
static gboolean
skip_line_break (LpCsvReader *reader)
{
  if (reader->p >= reader->end || (*reader->p != '\r' && *reader->p != '\n'))
    return FALSE;
  if (*reader->p == '\r' && reader->p + 1 < reader->end && reader->p[1] == '\n')
    reader->p++;
  reader->p++;
  reader->line++;
  return TRUE;
}

/* A quoted field, from its opening quote to just past its closing one. */
static gboolean
read_quoted (LpCsvReader  *reader,
             GString      *field,
             GError      **error)
{
  guint start_line = reader->line;

  reader->p++;
  for (;;)
    {
      const char *run = reader->p;

      while (reader->p < reader->end && *reader->p != '"' && *reader->p != '\r' &&
             *reader->p != '\n')
        reader->p++;
      g_string_append_len (field, run, reader->p - run);
      if (reader->p >= reader->end)
        {
          g_set_error (error, LP_CSV_ERROR, LP_CSV_ERROR_UNCLOSED_QUOTE,
                       "The quoted cell that starts on line %u is never closed.",
                       start_line);
          return FALSE;
        }
      if (*reader->p != '"')
        {
          /* A line break inside the cell: kept as written. */
          const char *brk = reader->p;

          skip_line_break (reader);
          g_string_append_len (field, brk, reader->p - brk);
          continue;
        }
      if (reader->p + 1 < reader->end && reader->p[1] == '"')
        {
          g_string_append_c (field, '"');
          reader->p += 2;
          continue;
        }
      reader->p++;
      break;
    }
  if (reader->p < reader->end && *reader->p != reader->separator && *reader->p != '\r' &&
      *reader->p != '\n')
    {
      g_set_error (error, LP_CSV_ERROR, LP_CSV_ERROR_STRAY_QUOTE,
                   "On line %u a quoted cell must end at a separator or at the end "
                   "of the row.", reader->line);
      return FALSE;
    }
  return TRUE;
}

static void
read_plain (LpCsvReader *reader,
            GString     *field)
{
  const char *run = reader->p;

  while (reader->p < reader->end && *reader->p != reader->separator && *reader->p != '\r' &&
         *reader->p != '\n')
    reader->p++;
  g_string_append_len (field, run, reader->p - run);
}

GStrv
lp_csv_reader_next_row (LpCsvReader  *reader,
                        guint        *line,
                        GError      **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = NULL;

  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (reader->failed)
    return NULL;
  while (skip_line_break (reader))
    ;
  if (reader->p >= reader->end)
    return NULL;
  if (line != NULL)
    *line = reader->line;
  fields = g_ptr_array_new_with_free_func (g_free);
  field = g_string_new (NULL);
  for (;;)
    {
      g_string_truncate (field, 0);
      if (reader->p < reader->end && *reader->p == '"')
        {
          if (!read_quoted (reader, field, error))
            {
              reader->failed = TRUE;
              return NULL;
            }
        }
      else
        read_plain (reader, field);
      g_ptr_array_add (fields, g_strndup (field->str, field->len));
      if (reader->p < reader->end && *reader->p == reader->separator)
        {
          reader->p++;
          continue;
        }
      skip_line_break (reader);
      break;
    }
  g_ptr_array_add (fields, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
}
