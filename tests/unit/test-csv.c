/* test-csv.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include "lp-csv.h"

typedef struct
{
  const char *in;
  const char *out;
} Case;

static void
check_fields (const Case *cases,
              gsize       n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *escaped = lp_csv_escape_field (cases[i].in);

      g_assert_cmpstr (escaped, ==, cases[i].out);
    }
}

static void
test_plain_fields_stay_as_they_are (void)
{
  static const Case cases[] = {
    { "", "" },
    { "Mikroskop", "Mikroskop" },
    { "LP-2026-000123", "LP-2026-000123" },
    { "2026-01-09T03:00:00Z", "2026-01-09T03:00:00Z" },
    { "42", "42" },
    { "a b", "a b" },
    { "Ruang Lab 2 (lantai 1)", "Ruang Lab 2 (lantai 1)" },
    { "'quoted'", "'quoted'" },
    { "x=1", "x=1" },
    { " =1", " =1" },
  };

  check_fields (cases, G_N_ELEMENTS (cases));
}

static void
test_rfc4180_quoting (void)
{
  static const Case cases[] = {
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "\"", "\"\"\"\"" },
    { "line 1\nline 2", "\"line 1\nline 2\"" },
    { "line 1\r\nline 2", "\"line 1\r\nline 2\"" },
    { "end\r", "\"end\r\"" },
    { ",", "\",\"" },
    { "Rusak berat, layar retak \"parah\"", "\"Rusak berat, layar retak \"\"parah\"\"\"" },
  };

  check_fields (cases, G_N_ELEMENTS (cases));
}

static void
test_formula_prefixes_are_neutralised (void)
{
  static const Case cases[] = {
    { "=1+1", "'=1+1" },
    { "+62 812 3456", "'+62 812 3456" },
    { "-5", "'-5" },
    { "@SUM(A1:A2)", "'@SUM(A1:A2)" },
    { "\tTab", "'\tTab" },
    { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
    { "\rCR", "\"'\rCR\"" },
    { "=a,b", "\"'=a,b\"" },
    { "-", "'-" },
  };

  check_fields (cases, G_N_ELEMENTS (cases));
}

static void
test_utf8 (void)
{
  g_autofree char *indonesian = lp_csv_escape_field ("Kerusakan berat — perlu diganti ✓");
  g_autofree char *broken = lp_csv_escape_field ("ab\xff" "cd");

  g_assert_cmpstr (indonesian, ==, "Kerusakan berat — perlu diganti ✓");
  g_assert_true (g_utf8_validate (broken, -1, NULL));
  g_assert_cmpstr (broken, ==, "ab\xef\xbf\xbd" "cd");
}

static void
test_rows (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *header[] = { "code", "name", "note" };
  const char *row[] = { "BK-001", NULL, "Rusak berat, layar retak \"parah\"\nCek lagi" };
  const char *formula[] = { "=cmd|' /C calc'!A0", "@x", "+1" };
  const char *lone_empty[] = { "" };
  const char *lone_null[] = { NULL };

  lp_csv_append_row (out, header, G_N_ELEMENTS (header));
  lp_csv_append_row (out, row, G_N_ELEMENTS (row));
  lp_csv_append_row (out, formula, G_N_ELEMENTS (formula));
  lp_csv_append_row (out, lone_empty, 1);
  lp_csv_append_row (out, lone_null, 1);
  lp_csv_append_row (out, NULL, 0);
  g_assert_cmpstr (out->str, ==,
                   "code,name,note\r\n"
                   "BK-001,,\"Rusak berat, layar retak \"\"parah\"\"\nCek lagi\"\r\n"
                   "'=cmd|' /C calc'!A0,'@x,'+1\r\n"
                   "\"\"\r\n"
                   "\"\"\r\n"
                   "\r\n");
}

static void
test_append_field_keeps_what_is_there (void)
{
  g_autoptr(GString) out = g_string_new ("a,");

  lp_csv_append_field (out, "b,c");
  lp_csv_append_field (out, NULL);
  g_assert_cmpstr (out->str, ==, "a,\"b,c\"");
}

/* Reads every row of @data; the rows joined as "a|b|c" lines, each prefixed with the
 * line it starts on ("2:a|b"). */
static char *
read_all (const char *data,
          gsize       length,
          char        separator,
          GError    **error)
{
  g_autoptr(LpCsvReader) reader = lp_csv_reader_new (data, length, separator);
  g_autoptr(GString) out = g_string_new (NULL);
  GStrv row;
  guint line = 0;

  while ((row = lp_csv_reader_next_row (reader, &line, error)) != NULL)
    {
      g_autofree char *joined = g_strjoinv ("|", row);

      g_string_append_printf (out, "%u:%s\n", line, joined);
      g_strfreev (row);
    }
  if (error != NULL && *error != NULL)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
read_text (const char *data,
           char        separator)
{
  g_autoptr(GError) error = NULL;
  char *rows = read_all (data, strlen (data), separator, &error);

  g_assert_no_error (error);
  return rows;
}

typedef struct
{
  const char *in;
  const char *rows;
} ReadCase;

static void
check_reads (const ReadCase *cases,
             gsize           n_cases,
             char            separator)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *rows = read_text (cases[i].in, separator);

      g_assert_cmpstr (rows, ==, cases[i].rows);
    }
}

static void
test_read_plain_rows (void)
{
  static const ReadCase cases[] = {
    { "", "" },
    { "a,b,c", "1:a|b|c\n" },
    { "a,b\r\nc,d\r\n", "1:a|b\n2:c|d\n" },
    { "a,b\nc,d\n", "1:a|b\n2:c|d\n" },
    { "a,b\rc,d\r", "1:a|b\n2:c|d\n" },
    /* Empty cells are cells; an empty line is nothing. */
    { "a,,\r\n\r\n,b\r\n\r\n", "1:a||\n3:|b\n" },
    { ",", "1:|\n" },
    /* Spaces are part of a cell; a quote inside an unquoted cell is taken as it is. */
    { " a , b ", "1: a | b \n" },
    { "5\" disk,x", "1:5\" disk|x\n" },
  };

  check_reads (cases, G_N_ELEMENTS (cases), ',');
}

static void
test_read_quoted_fields (void)
{
  static const ReadCase cases[] = {
    { "\"a,b\",c", "1:a,b|c\n" },
    { "\"say \"\"hi\"\"\",x\r\n", "1:say \"hi\"|x\n" },
    { "\"\"", "1:\n" },
    { "\"\",\"\"\r\n", "1:|\n" },
    /* Line breaks inside a cell are kept, and counted: the next row starts on line 4. */
    { "\"one\r\ntwo\nthree\",x\r\nnext,y", "1:one\r\ntwo\nthree|x\n4:next|y\n" },
    { "a,\"b\"\r\n", "1:a|b\n" },
    { "a,\"\"\"\"", "1:a|\"\n" },
  };

  check_reads (cases, G_N_ELEMENTS (cases), ',');
}

/* Spreadsheets in an Indonesian locale separate with semicolons; the header says which. */
static void
test_read_semicolons (void)
{
  static const ReadCase cases[] = {
    { "code;name;note\r\nB-1;Buku, jilid 2;\"a;b\"\r\n",
      "1:code|name|note\n2:B-1|Buku, jilid 2|a;b\n" },
  };
  const char *header = "kode;nama,lengkap;stok";

  check_reads (cases, G_N_ELEMENTS (cases), 0);
  g_assert_cmpint (lp_csv_detect_separator (header, strlen (header)), ==, ';');
  g_assert_cmpint (lp_csv_detect_separator ("a,b;c,d", 7), ==, ',');
  g_assert_cmpint (lp_csv_detect_separator ("\"a;b;c\",d\n;;;", 13), ==, ',');
  g_assert_cmpint (lp_csv_detect_separator ("", 0), ==, ',');
}

/* A byte order mark (Excel's "CSV UTF-8") is not part of the first cell. */
static void
test_read_bom (void)
{
  g_autofree char *rows = read_text ("\xef\xbb\xbf" "code;name\r\nA;B", 0);
  g_autoptr(LpCsvReader) reader = lp_csv_reader_new ("\xef\xbb\xbf" "a;b", 6, 0);

  g_assert_cmpstr (rows, ==, "1:code|name\n2:A|B\n");
  g_assert_cmpint (lp_csv_reader_get_separator (reader), ==, ';');
}

/* Formula prefixes come back as written: an import stores what the cell said. */
static void
test_read_keeps_formulas (void)
{
  g_autofree char *rows = read_text ("=1+1,+SUM(A1),-2,@x,'=y\r\n", ',');

  g_assert_cmpstr (rows, ==, "1:=1+1|+SUM(A1)|-2|@x|'=y\n");
}

/* What the writer writes, the reader reads back. */
static void
test_read_round_trip (void)
{
  const char *fields[] = { "Rusak berat, \"parah\"\nCek lagi", "", "Ölçü ✓", "a;b" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(LpCsvReader) reader = NULL;
  g_auto(GStrv) row = NULL;
  g_autoptr(GError) error = NULL;

  lp_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  reader = lp_csv_reader_new (out->str, out->len, ',');
  row = lp_csv_reader_next_row (reader, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (row), ==, G_N_ELEMENTS (fields));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (row[i], ==, fields[i]);
  g_assert_null (lp_csv_reader_next_row (reader, NULL, &error));
  g_assert_no_error (error);
}

static void
test_read_malformed (void)
{
  static const struct { const char *in; int code; const char *line; } cases[] = {
    { "a,b\r\nc,\"open\r\nand on", LP_CSV_ERROR_UNCLOSED_QUOTE, "line 2 " },
    { "a,b\r\n\"x\"y,z", LP_CSV_ERROR_STRAY_QUOTE, "line 2 " },
    { "a\r\n\"multi\nline\" tail", LP_CSV_ERROR_STRAY_QUOTE, "line 3 " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LpCsvReader) reader = lp_csv_reader_new (cases[i].in, strlen (cases[i].in), ',');
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) first = lp_csv_reader_next_row (reader, NULL, &error);
      GStrv second;

      g_assert_no_error (error);
      g_assert_nonnull (first);
      second = lp_csv_reader_next_row (reader, NULL, &error);
      g_assert_null (second);
      g_assert_error (error, LP_CSV_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].line));
      g_clear_error (&error);
      /* Reading stops at the error. */
      g_assert_null (lp_csv_reader_next_row (reader, NULL, &error));
      g_assert_no_error (error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lp/csv/plain", test_plain_fields_stay_as_they_are);
  g_test_add_func ("/lp/csv/quoting", test_rfc4180_quoting);
  g_test_add_func ("/lp/csv/formula", test_formula_prefixes_are_neutralised);
  g_test_add_func ("/lp/csv/utf8", test_utf8);
  g_test_add_func ("/lp/csv/rows", test_rows);
  g_test_add_func ("/lp/csv/append-field", test_append_field_keeps_what_is_there);
  g_test_add_func ("/lp/csv/read/plain", test_read_plain_rows);
  g_test_add_func ("/lp/csv/read/quoted", test_read_quoted_fields);
  g_test_add_func ("/lp/csv/read/semicolons", test_read_semicolons);
  g_test_add_func ("/lp/csv/read/bom", test_read_bom);
  g_test_add_func ("/lp/csv/read/formulas", test_read_keeps_formulas);
  g_test_add_func ("/lp/csv/read/round-trip", test_read_round_trip);
  g_test_add_func ("/lp/csv/read/malformed", test_read_malformed);

  return g_test_run ();
}
