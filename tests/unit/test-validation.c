/* test-validation.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-validation"

#include "config.h"

#include "lp-error.h"
#include "lp-validation.h"

#include <string.h>

typedef const char *(*Validator) (const char *s);

static char *
repeat (char  c,
        gsize n)
{
  char *s = g_malloc (n + 1);

  memset (s, c, n);
  s[n] = '\0';
  return s;
}

static void
check_valid (Validator          validate,
             const char * const *valid,
             gsize               n_valid)
{
  for (gsize i = 0; i < n_valid; i++)
    {
      const char *message = validate (valid[i]);

      if (message != NULL)
        g_error ("\"%s\" should be valid, got \"%s\"", valid[i], message);
    }
}

static void
check_invalid (Validator          validate,
               const char * const *invalid,
               gsize               n_invalid)
{
  for (gsize i = 0; i < n_invalid; i++)
    if (validate (invalid[i]) == NULL)
      g_error ("\"%s\" should be invalid", invalid[i]);
}

static void
test_username (void)
{
  static const char * const valid[] = {
    "abc", "budi.santoso", "a-b_c.9", "123", "...", "x_y", "siswa-2026",
  };
  static const char * const invalid[] = {
    "", "ab", "a", "Budi", "budi santoso", "budi@sekolah", "büdi", "abc\xff", "abc\n",
    "ABC", "abc/", "ab\tc", "ab+c",
  };
  g_autofree char *len32 = repeat ('a', 32);
  g_autofree char *len33 = repeat ('a', 33);

  check_valid (lp_validate_username, valid, G_N_ELEMENTS (valid));
  check_invalid (lp_validate_username, invalid, G_N_ELEMENTS (invalid));
  g_assert_null (lp_validate_username (len32));
  g_assert_nonnull (lp_validate_username (len33));
  g_assert_nonnull (lp_validate_username (NULL));

  /* The length and the alphabet have their own messages. */
  g_assert_cmpstr (lp_validate_username ("ab"), ==, lp_validate_username (len33));
  g_assert_cmpstr (lp_validate_username ("ab"), !=, lp_validate_username ("Abc"));
  g_assert_cmpstr (lp_validate_username (""), ==, lp_validate_username (NULL));
}

static void
test_password_length (void)
{
  g_autofree char *b70 = repeat ('a', 70);
  g_autofree char *b71 = g_strconcat (b70, "1", NULL);
  g_autofree char *b72 = g_strconcat (b70, "12", NULL);
  g_autofree char *b73 = g_strconcat (b70, "123", NULL);
  /* 70 ASCII bytes and a two-byte "é": 72 bytes although 71 characters. */
  g_autofree char *mb72 = g_strconcat (b70, "\xc3\xa9", NULL);
  g_autofree char *mb73 = g_strconcat (b71, "\xc3\xa9", NULL);

  g_assert_cmpuint (strlen (b71), ==, 71);
  g_assert_null (lp_validate_password (b71, NULL));
  g_assert_null (lp_validate_password (b72, NULL));
  g_assert_nonnull (lp_validate_password (b73, NULL));
  mb72[0] = '1';
  mb73[0] = '1';
  g_assert_null (lp_validate_password (mb72, NULL));
  g_assert_nonnull (lp_validate_password (mb73, NULL));
  g_assert_cmpstr (lp_validate_password (mb73, NULL), ==, lp_validate_password (b73, NULL));

  g_assert_null (lp_validate_password ("abcdefg1", NULL));
  g_assert_nonnull (lp_validate_password ("abcdef1", NULL));
  /* The minimum counts characters: 8 characters in 15 bytes pass, 5 in 9 do not. */
  g_assert_null (lp_validate_password ("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
                                       "1", NULL));
  g_assert_nonnull (lp_validate_password ("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9" "1", NULL));
  g_assert_nonnull (lp_validate_password ("", NULL));
  g_assert_nonnull (lp_validate_password (NULL, NULL));
}

static void
test_password_content (void)
{
  g_assert_nonnull (lp_validate_password ("abcdefgh", NULL));
  g_assert_nonnull (lp_validate_password ("12345678", NULL));
  g_assert_nonnull (lp_validate_password ("!@#$%^&*()", NULL));
  g_assert_null (lp_validate_password ("pass word 1", NULL));
  g_assert_null (lp_validate_password ("p\xc3\xa4ssw\xc3\xb6rt9", NULL));
  g_assert_nonnull (lp_validate_password ("abcdefg1\xff", NULL));
  g_assert_nonnull (lp_validate_password ("abc\xc3\x28" "defg1", NULL));

  g_assert_nonnull (lp_validate_password ("budi.santoso1", "budi.santoso1"));
  g_assert_nonnull (lp_validate_password ("Budi.Santoso1", "budi.santoso1"));
  g_assert_null (lp_validate_password ("budi.santoso12", "budi.santoso1"));
  g_assert_null (lp_validate_password ("budi.santoso1", "budi"));
  g_assert_null (lp_validate_password ("budi.santoso1", NULL));
}

static void
test_email (void)
{
  static const char * const valid[] = {
    "a@b.co", "budi.santoso+perpus@sekolah.sch.id", "x_y@mail.example.org", "siswa@xn--p1ai.id",
    "guru@sekolah-1.id",
  };
  static const char * const invalid[] = {
    "", "plain", "@b.co", "a@", "a@b", "a@@b.co", "a@b@c.co", "a@.b.co", "a@b..co",
    "a@b.co.", "a b@c.co", "a@b .co", "a\t@b.co", "a@b.c\x01o", "a\xff@b.co", " a@b.co",
    "a@b.co ", "a@b.co\n", "a@\302\240b.co",
  };
  g_autofree char *local64 = repeat ('a', 64);
  g_autofree char *local65 = repeat ('a', 65);
  g_autofree char *label63 = repeat ('b', 63);
  g_autofree char *label64 = repeat ('b', 64);
  g_autofree char *d61 = repeat ('d', 61);
  g_autofree char *d62 = repeat ('d', 62);
  g_autofree char *len254 = g_strdup_printf ("%s@%s.%s.%s", local64, label63, label63, d61);
  g_autofree char *len255 = g_strdup_printf ("%s@%s.%s.%s", local64, label63, label63, d62);
  g_autofree char *long_local = g_strdup_printf ("%s@b.co", local65);
  g_autofree char *long_label = g_strdup_printf ("a@%s.co", label64);

  check_valid (lp_validate_email, valid, G_N_ELEMENTS (valid));
  check_invalid (lp_validate_email, invalid, G_N_ELEMENTS (invalid));
  g_assert_cmpuint (strlen (len254), ==, 254);
  g_assert_null (lp_validate_email (len254));
  g_assert_nonnull (lp_validate_email (len255));
  g_assert_nonnull (lp_validate_email (long_local));
  g_assert_nonnull (lp_validate_email (long_label));
  g_assert_nonnull (lp_validate_email (NULL));
}

static void
test_item_code (void)
{
  static const char * const valid[] = {
    "AB", "LAB-001", "buku/2026.01_a", "9X", "PRJ.03", "a/b",
  };
  static const char * const invalid[] = {
    "", "A", "-AB", "_AB", ".AB", "/AB", "AB CD", "AB#1", "\303\204B", "AB\xff", "AB\n",
    " AB", "AB:1",
  };
  g_autofree char *len32 = repeat ('A', 32);
  g_autofree char *len33 = repeat ('A', 33);

  check_valid (lp_validate_item_code, valid, G_N_ELEMENTS (valid));
  check_invalid (lp_validate_item_code, invalid, G_N_ELEMENTS (invalid));
  g_assert_null (lp_validate_item_code (len32));
  g_assert_nonnull (lp_validate_item_code (len33));
  g_assert_nonnull (lp_validate_item_code (NULL));
}

static void
test_text_length (void)
{
  /* Five and six two-byte characters. */
  const char *e5 = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";
  const char *e6 = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";

  g_assert_null (lp_validate_text ("ab", 2, 5, FALSE));
  g_assert_null (lp_validate_text ("  ab  ", 2, 5, FALSE));
  g_assert_null (lp_validate_text ("abcde", 2, 5, FALSE));
  g_assert_nonnull (lp_validate_text ("abcdef", 2, 5, FALSE));
  g_assert_nonnull (lp_validate_text ("a", 2, 5, FALSE));
  g_assert_nonnull (lp_validate_text (" a  ", 2, 5, FALSE));
  g_assert_null (lp_validate_text (e5, 1, 5, FALSE));
  g_assert_nonnull (lp_validate_text (e6, 1, 5, FALSE));
  g_assert_null (lp_validate_text ("ab\n\n", 1, 2, TRUE));

  /* Empty: fine when optional, "required" otherwise, also when only blanks. */
  g_assert_null (lp_validate_text ("", 0, 5, FALSE));
  g_assert_null (lp_validate_text (NULL, 0, 5, FALSE));
  g_assert_null (lp_validate_text ("   ", 0, 5, FALSE));
  g_assert_nonnull (lp_validate_text (NULL, 1, 5, FALSE));
  g_assert_nonnull (lp_validate_text ("   ", 1, 5, FALSE));
  g_assert_cmpstr (lp_validate_text ("", 1, 5, FALSE), !=, lp_validate_text ("a", 2, 5, FALSE));
}

static void
test_text_characters (void)
{
  g_assert_nonnull (lp_validate_text ("a\nb", 1, 10, FALSE));
  g_assert_null (lp_validate_text ("a\nb", 1, 10, TRUE));
  g_assert_nonnull (lp_validate_text ("a\tb", 1, 10, FALSE));
  g_assert_null (lp_validate_text ("a\tb", 1, 10, TRUE));
  g_assert_nonnull (lp_validate_text ("a\r\nb", 1, 10, TRUE));
  g_assert_nonnull (lp_validate_text ("a\x01" "b", 1, 10, TRUE));
  g_assert_nonnull (lp_validate_text ("a\x1b[0mb", 1, 10, TRUE));
  g_assert_nonnull (lp_validate_text ("a\x7f", 1, 10, TRUE));
  g_assert_nonnull (lp_validate_text ("a\xc2\x85" "b", 1, 10, TRUE));   /* U+0085 NEL */
  g_assert_null (lp_validate_text ("Rusak \xe2\x80\x94 layar retak", 1, 40, FALSE));

  /* Invalid UTF-8: a stray byte, an overlong slash, an encoded surrogate, a cut tail. */
  g_assert_nonnull (lp_validate_text ("ab\xff", 0, 10, FALSE));
  g_assert_nonnull (lp_validate_text ("\xc0\xaf", 0, 10, FALSE));
  g_assert_nonnull (lp_validate_text ("\xed\xa0\x80", 0, 10, FALSE));
  g_assert_nonnull (lp_validate_text ("ab\xc3", 0, 10, FALSE));
}

/* The school's address: empty, one or two lines; not three, not a blank line between. */
static void
test_school_address (void)
{
  g_autofree char *longest = g_strnfill (LP_SCHOOL_ADDRESS_MAX_LENGTH, 'x');
  g_autofree char *too_long = g_strnfill (LP_SCHOOL_ADDRESS_MAX_LENGTH + 1, 'x');

  g_assert_null (lp_validate_school_address (NULL));
  g_assert_null (lp_validate_school_address (""));
  g_assert_null (lp_validate_school_address ("Jl. Merdeka No. 1"));
  g_assert_null (lp_validate_school_address ("Jl. Merdeka No. 1\nKota Lentera"));
  g_assert_null (lp_validate_school_address ("\n Jl. Merdeka No. 1\nKota Lentera \n"));
  g_assert_null (lp_validate_school_address (longest));
  g_assert_nonnull (lp_validate_school_address (too_long));
  g_assert_nonnull (lp_validate_school_address ("Jl. Merdeka\nKota\nProvinsi"));
  g_assert_nonnull (lp_validate_school_address ("Jl. Merdeka\n\nKota"));
  g_assert_nonnull (lp_validate_school_address ("Jl. Merdeka\r\nKota"));
}

static void
test_isbn (void)
{
  static const char * const valid[] = {
    "0306406152", "0-306-40615-2", "0 306 40615 2", "080442957X", "080442957x",
    "6020324788", "9780306406157", "978-0-306-40615-7", "978 0 306 40615 7",
    "9786020324784", "978-602-03-2478-4", "9791023456783",
  };
  static const char * const invalid[] = {
    "", "0306406153", "X306406152", "03064X6152", "9780306406158", "978030640615X",
    "4006381333931",  /* a valid EAN-13, but not in the ISBN prefixes */
    "030640615", "03064061521", "978030640615", "97803064061571", "abc", "978-0-306-40615-7a",
    "0306406152.", "ISBN 0306406152", "\357\274\220306406152",
  };

  check_valid (lp_validate_isbn, valid, G_N_ELEMENTS (valid));
  check_invalid (lp_validate_isbn, invalid, G_N_ELEMENTS (invalid));
  g_assert_nonnull (lp_validate_isbn (NULL));
}

static void
test_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int this_year = g_date_time_get_year (now);

  g_assert_null (lp_validate_year (1000));
  g_assert_null (lp_validate_year (2026));
  g_assert_null (lp_validate_year (this_year));
  g_assert_null (lp_validate_year (this_year + 1));
  g_assert_nonnull (lp_validate_year (this_year + 2));
  g_assert_nonnull (lp_validate_year (999));
  g_assert_nonnull (lp_validate_year (0));
  g_assert_nonnull (lp_validate_year (-2026));
  g_assert_nonnull (lp_validate_year (G_MAXINT64));
  g_assert_nonnull (lp_validate_year (G_MININT64));
}

static void
test_quantity (void)
{
  g_assert_null (lp_validate_quantity (1, 5));
  g_assert_null (lp_validate_quantity (5, 5));
  g_assert_nonnull (lp_validate_quantity (6, 5));
  g_assert_nonnull (lp_validate_quantity (0, 5));
  g_assert_nonnull (lp_validate_quantity (-1, 5));
  g_assert_nonnull (lp_validate_quantity (G_MININT64, 5));
  g_assert_nonnull (lp_validate_quantity (1, 0));
  g_assert_null (lp_validate_quantity (G_MAXINT64, G_MAXINT64));
  g_assert_cmpstr (lp_validate_quantity (0, 5), !=, lp_validate_quantity (6, 5));
}

static void
test_uuid (void)
{
  static const char * const valid[] = {
    "123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000",
    "00000000-0000-0000-0000-000000000000",
  };
  static const char * const invalid[] = {
    "", "123e4567e89b12d3a456426614174000", "123e4567-e89b-12d3-a456-42661417400",
    "123e4567-e89b-12d3-a456-4266141740000", "123e4567-e89b-12d3-a456-42661417400g",
    "{123e4567-e89b-12d3-a456-426614174000}", "123e4567-e89b-12d3-a456_426614174000",
    " 123e4567-e89b-12d3-a456-426614174000", "1", "../../etc/passwd",
  };

  check_valid (lp_validate_uuid, valid, G_N_ELEMENTS (valid));
  check_invalid (lp_validate_uuid, invalid, G_N_ELEMENTS (invalid));
  g_assert_nonnull (lp_validate_uuid (NULL));
}

static void
check_date (const char *s,
            guint       year,
            guint       month,
            guint       day)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!lp_parse_date (s, &date))
    g_error ("\"%s\" should parse", s);
  g_assert_cmpuint (g_date_get_year (&date), ==, year);
  g_assert_cmpuint (g_date_get_month (&date), ==, month);
  g_assert_cmpuint (g_date_get_day (&date), ==, day);
}

static void
test_parse_date (void)
{
  static const char * const invalid[] = {
    "", "2026-02-29", "1900-02-29", "2100-02-29", "2026-1-05", "2026-01-5", "26-01-05",
    "2026/01/05", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "2026-04-31",
    "1899-12-31", "0000-01-01", " 2026-01-05", "2026-01-05 ", "2026-01-05T00:00:00Z",
    "+026-01-05", "2026-01-0a", "20260105", "2026-01-05\n", "\357\274\222026-01-05",
  };
  GDate date;

  check_date ("2026-01-05", 2026, 1, 5);
  check_date ("2024-02-29", 2024, 2, 29);
  check_date ("2000-02-29", 2000, 2, 29);
  check_date ("1900-01-01", 1900, 1, 1);
  check_date ("9999-12-31", 9999, 12, 31);
  check_date ("2026-12-31", 2026, 12, 31);
  g_assert_true (lp_parse_date ("2026-01-05", NULL));

  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_date_clear (&date, 1);
      if (lp_parse_date (invalid[i], &date))
        g_error ("\"%s\" should not parse", invalid[i]);
      g_assert_false (g_date_valid (&date));
    }
  g_assert_false (lp_parse_date (NULL, &date));
}

static void
set_date (GDate *date,
          guint  year,
          guint  month,
          guint  day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static void
test_date_range (void)
{
  GDate today, start, due;

  set_date (&today, 2026, 1, 10);  /* a Saturday */

  /* A same-day loan lasts one day. */
  g_assert_null (lp_validate_date_range (&today, &today, &today, 1));
  set_date (&start, 2026, 1, 9);
  g_assert_nonnull (lp_validate_start_date (&start, &today));
  g_assert_cmpstr (lp_validate_date_range (&start, &today, &today, 7), ==,
                   lp_validate_start_date (&start, &today));

  /* Monday to Sunday is 7 days, Monday to Monday 8. */
  set_date (&start, 2026, 1, 12);
  set_date (&due, 2026, 1, 18);
  g_assert_null (lp_validate_date_range (&start, &due, &today, 7));
  set_date (&due, 2026, 1, 19);
  g_assert_nonnull (lp_validate_due_date (&start, &due, 7));
  g_assert_null (lp_validate_due_date (&start, &due, 8));
  g_assert_cmpstr (lp_validate_date_range (&start, &due, &today, 7), ==,
                   lp_validate_due_date (&start, &due, 7));

  /* Due before start; no limit with max_days 0, across a leap day. */
  set_date (&due, 2026, 1, 11);
  g_assert_nonnull (lp_validate_due_date (&start, &due, 30));
  g_assert_nonnull (lp_validate_due_date (&start, &due, 0));
  g_assert_cmpstr (lp_validate_date_range (&start, &due, &today, 30), ==,
                   lp_validate_due_date (&start, &due, 30));
  g_assert_cmpstr (lp_validate_due_date (&start, &due, 30), !=,
                   lp_validate_start_date (&due, &start));
  set_date (&due, 2028, 3, 1);
  g_assert_null (lp_validate_due_date (&start, &due, 0));
  set_date (&start, 2028, 2, 28);
  g_assert_null (lp_validate_due_date (&start, &due, 3));
  g_assert_nonnull (lp_validate_due_date (&start, &due, 2));
}

static void
check_timestamp (const char *s,
                 const char *expected_utc)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *formatted = NULL;

  if (!lp_parse_timestamp (s, &parsed))
    g_error ("\"%s\" should parse", s);
  formatted = lp_format_timestamp (parsed);
  g_assert_cmpstr (formatted, ==, expected_utc);
  g_assert_cmpint (g_date_time_get_utc_offset (parsed), ==, 0);
}

static void
test_parse_timestamp (void)
{
  static const char * const invalid[] = {
    "", "2026-01-09", "2026-01-09T03:00Z", "2026-01-09T03:00:00", "2026-01-09T03:00:00+0700",
    "2026-01-09T03:00:00+07", "20260109T030000Z", "2026-W02-5T03:00:00Z", "2026-009T03:00:00Z",
    "2026-02-29T00:00:00Z", "2026-01-09T24:00:00Z", "2026-01-09T03:60:00Z",
    "2026-01-09T03:00:00.Z", "2026-01-09T03:00:00.1234567890Z", "2026-01-09T03:00:00Z ",
    " 2026-01-09T03:00:00Z", "2026-01-09X03:00:00Z", "2026-01-09T03:00:00+25:00",
    "2026-01-09T03:00:00+07:60", "2026-1-09T03:00:00Z", "2026-01-09T3:00:00Z",
    "2026-01-09T03:00:00ZZ", "2026-01-09T03:00:00+07:00Z", "2026-01-09T03:00:00,5Z",
  };

  check_timestamp ("2026-01-09T03:00:00Z", "2026-01-09T03:00:00Z");
  check_timestamp ("2026-01-09t03:00:00z", "2026-01-09T03:00:00Z");
  check_timestamp ("2026-01-09 03:00:00Z", "2026-01-09T03:00:00Z");
  check_timestamp ("2026-01-09T10:00:00+07:00", "2026-01-09T03:00:00Z");
  check_timestamp ("2026-01-09T01:00:00-05:30", "2026-01-09T06:30:00Z");
  check_timestamp ("2026-01-01T05:00:00+07:00", "2025-12-31T22:00:00Z");
  check_timestamp ("2026-01-09T03:00:00.5Z", "2026-01-09T03:00:00.500000Z");
  check_timestamp ("2026-01-09T03:00:00.123456789Z", "2026-01-09T03:00:00.123456Z");
  check_timestamp ("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z");
  g_assert_true (lp_parse_timestamp ("2026-01-09T03:00:00Z", NULL));

  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      GDateTime *parsed = NULL;

      if (lp_parse_timestamp (invalid[i], &parsed))
        g_error ("\"%s\" should not parse", invalid[i]);
      g_assert_null (parsed);
    }
  g_assert_false (lp_parse_timestamp (NULL, NULL));
}

static void
test_format_date (void)
{
  GDate date;
  g_autofree char *text = NULL;
  g_autofree char *early = NULL;

  set_date (&date, 2026, 1, 5);
  text = lp_format_date (&date);
  g_assert_cmpstr (text, ==, "2026-01-05");
  set_date (&date, 1900, 12, 31);
  early = lp_format_date (&date);
  g_assert_cmpstr (early, ==, "1900-12-31");
}

static void
test_validation_add (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) bad = g_error_new_literal (LP_ERROR, LP_ERROR_BAD_REQUEST, "broken");
  GHashTable *fields;

  lp_validation_add (NULL, "ignored", "no error to fill");
  lp_validation_add (&error, "username", "first");
  lp_validation_add (&error, "password", "too short");
  lp_validation_add (&error, "username", "second");

  g_assert_error (error, LP_ERROR, LP_ERROR_VALIDATION_FAILED);
  g_assert_cmpstr (error->message, ==, "Some fields are invalid");
  fields = lp_error_get_fields (error);
  g_assert_nonnull (fields);
  g_assert_cmpuint (g_hash_table_size (fields), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (fields, "username"), ==, "first");
  g_assert_cmpstr (g_hash_table_lookup (fields, "password"), ==, "too short");

  /* Another kind of error is left alone. */
  lp_validation_add (&bad, "username", "dropped");
  g_assert_error (bad, LP_ERROR, LP_ERROR_BAD_REQUEST);
  g_assert_cmpstr (bad->message, ==, "broken");
  fields = lp_error_get_fields (bad);
  g_assert_true (fields == NULL || g_hash_table_size (fields) == 0);
}

/* The item fields every writer of items checks the same way (form, POST /items, import). */
static void
test_item_fields (void)
{
  g_autofree char *long_name = g_strnfill (LP_ITEM_NAME_MAX_CHARS + 1, 'a');
  g_autofree char *long_location = g_strnfill (LP_ITEM_LOCATION_MAX_CHARS + 1, 'a');
  gint64 value = -1;

  g_assert_null (lp_validate_item_text ("code", "BK-001"));
  g_assert_nonnull (lp_validate_item_text ("code", "BK 001"));
  g_assert_nonnull (lp_validate_item_text ("name", " "));
  g_assert_nonnull (lp_validate_item_text ("name", long_name));
  g_assert_null (lp_validate_item_text ("name", "=1+1"));
  g_assert_nonnull (lp_validate_item_text ("location", long_location));
  g_assert_null (lp_validate_item_text ("description", "Baris satu\nbaris dua"));
  g_assert_nonnull (lp_validate_item_text ("author", "a\nb"));
  g_assert_null (lp_validate_item_text ("author", ""));
  g_assert_null (lp_validate_item_text ("isbn", ""));
  g_assert_null (lp_validate_item_text ("isbn", "978-0-306-40615-7"));
  g_assert_nonnull (lp_validate_item_text ("isbn", "978-0-306-40615-8"));
  g_assert_null (lp_validate_item_text ("note", "anything"));

  g_assert_null (lp_validate_item_number ("stock_total", " 12 ", &value));
  g_assert_cmpint (value, ==, 12);
  g_assert_null (lp_validate_item_number ("stock_total", "0", &value));
  g_assert_cmpint (value, ==, 0);
  g_assert_nonnull (lp_validate_item_number ("stock_total", "", &value));
  g_assert_nonnull (lp_validate_item_number ("stock_total", "-1", &value));
  g_assert_nonnull (lp_validate_item_number ("stock_total", "100001", &value));
  g_assert_nonnull (lp_validate_item_number ("stock_total", "2,5", &value));
  g_assert_nonnull (lp_validate_item_number ("stock_total", "banyak", &value));
  g_assert_null (lp_validate_item_number ("year", "", &value));
  g_assert_cmpint (value, ==, 0);
  g_assert_null (lp_validate_item_number ("year", "2005", &value));
  g_assert_cmpint (value, ==, 2005);
  g_assert_nonnull (lp_validate_item_number ("year", "999", &value));
  g_assert_nonnull (lp_validate_item_number ("year", "9999", &value));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lp/common/validation/username", test_username);
  g_test_add_func ("/lp/common/validation/password/length", test_password_length);
  g_test_add_func ("/lp/common/validation/password/content", test_password_content);
  g_test_add_func ("/lp/common/validation/email", test_email);
  g_test_add_func ("/lp/common/validation/item-code", test_item_code);
  g_test_add_func ("/lp/common/validation/text/length", test_text_length);
  g_test_add_func ("/lp/common/validation/text/characters", test_text_characters);
  g_test_add_func ("/lp/common/validation/school-address", test_school_address);
  g_test_add_func ("/lp/common/validation/isbn", test_isbn);
  g_test_add_func ("/lp/common/validation/year", test_year);
  g_test_add_func ("/lp/common/validation/quantity", test_quantity);
  g_test_add_func ("/lp/common/validation/uuid", test_uuid);
  g_test_add_func ("/lp/common/validation/item-fields", test_item_fields);
  g_test_add_func ("/lp/common/validation/date/parse", test_parse_date);
  g_test_add_func ("/lp/common/validation/date/range", test_date_range);
  g_test_add_func ("/lp/common/validation/date/format", test_format_date);
  g_test_add_func ("/lp/common/validation/timestamp/parse", test_parse_timestamp);
  g_test_add_func ("/lp/common/validation/add", test_validation_add);

  return g_test_run ();
}
