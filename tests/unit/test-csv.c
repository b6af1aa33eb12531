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

  return g_test_run ();
}
