/* lp-validation.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-validation"

#include "config.h"

#include "lp-validation.h"

#include "lp-error.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define MSG_REQUIRED N_("This field is required.")
#define MSG_BAD_UTF8 N_("This text is not valid UTF-8.")
#define MSG_BAD_DATE N_("Enter a valid date.")

#define USERNAME_CHARS "abcdefghijklmnopqrstuvwxyz0123456789._-"
#define ITEM_CODE_CHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./"

/* Room for an ISBN-13's digits plus one, so that a longer string is still seen as too
 * long rather than cut. */
#define ISBN_BUFFER 14

const char *
lp_validate_username (const char *s)
{
  gsize len;

  if (s == NULL || *s == '\0')
    return MSG_REQUIRED;
  len = strlen (s);
  if (len < LP_USERNAME_MIN_LENGTH || len > LP_USERNAME_MAX_LENGTH)
    return N_("Use 3 to 32 characters.");
  if (strspn (s, USERNAME_CHARS) != len)
    return N_("Use only lower-case letters, digits, '.', '_' and '-'.");
  return NULL;
}

static gboolean
has_letter_and_digit (const char *s)
{
  gboolean letter = FALSE;
  gboolean digit = FALSE;

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      letter = letter || g_unichar_isalpha (c);
      digit = digit || g_unichar_isdigit (c);
    }
  return letter && digit;
}

/*
 * The minimum counts characters (the stricter reading: "ééééé" is not an 8-character
 * password although it is 10 bytes); the maximum counts bytes, because bcrypt silently
 * ignores every byte past the 72nd and a longer password would give a false sense of
 * strength. The username comparison ignores ASCII case: usernames are lower-case ASCII,
 * and "Budi.Santoso" is no better a password for budi.santoso than the name itself.
 */
const char *
lp_validate_password (const char *password,
                      const char *username)
{
  if (password == NULL || *password == '\0')
    return MSG_REQUIRED;
  if (!g_utf8_validate (password, -1, NULL))
    return MSG_BAD_UTF8;
  if (g_utf8_strlen (password, -1) < LP_PASSWORD_MIN_LENGTH)
    return N_("Use at least 8 characters.");
  if (strlen (password) > LP_PASSWORD_MAX_LENGTH)
    return N_("This password is too long.");
  if (!has_letter_and_digit (password))
    return N_("Use at least one letter and one digit.");
  if (username != NULL && g_ascii_strcasecmp (password, username) == 0)
    return N_("The password must not be the same as the username.");
  return NULL;
}

static gboolean
has_space_or_control (const char *s)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        return TRUE;
    }
  return FALSE;
}

/* At least two labels, none empty (no leading, trailing or double dot), each at most
 * 63 bytes as DNS requires. */
static gboolean
domain_is_valid (const char *domain)
{
  guint n_labels = 0;
  const char *p = domain;

  for (;;)
    {
      const char *dot = strchr (p, '.');
      gsize len = dot != NULL ? (gsize) (dot - p) : strlen (p);

      if (len == 0 || len > 63)
        return FALSE;
      n_labels++;
      if (dot == NULL)
        break;
      p = dot + 1;
    }
  return n_labels >= 2;
}

/* Deliberately loose: the address is checked for shape, not deliverability. */
const char *
lp_validate_email (const char *s)
{
  const char *at;

  if (s == NULL || *s == '\0')
    return MSG_REQUIRED;
  if (strlen (s) > LP_EMAIL_MAX_LENGTH)
    return N_("This email address is too long.");
  if (!g_utf8_validate (s, -1, NULL))
    return MSG_BAD_UTF8;

  at = strchr (s, '@');
  if (has_space_or_control (s) ||
      at == NULL || at == s || at - s > 64 ||
      strchr (at + 1, '@') != NULL ||
      !domain_is_valid (at + 1))
    return N_("Enter a valid email address.");
  return NULL;
}

const char *
lp_validate_item_code (const char *s)
{
  gsize len;

  if (s == NULL || *s == '\0')
    return MSG_REQUIRED;
  len = strlen (s);
  if (len < LP_ITEM_CODE_MIN_LENGTH || len > LP_ITEM_CODE_MAX_LENGTH)
    return N_("Use 2 to 32 characters.");
  if (strspn (s, ITEM_CODE_CHARS) != len || !g_ascii_isalnum (s[0]))
    return N_("Use only letters, digits, '-', '_', '.' and '/', starting with a letter or digit.");
  return NULL;
}

static gboolean
has_forbidden_control (const char *s,
                       gboolean    multiline)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_iscntrl (c))
        continue;
      if (multiline && (c == '\n' || c == '\t'))
        continue;
      return TRUE;
    }
  return FALSE;
}

/* The length is measured in characters after trimming ASCII white space at both ends,
 * as g_strstrip() would before storing. Carriage returns are control characters here:
 * multi-line text uses "\n" alone. */
const char *
lp_validate_text (const char *s,
                  guint       min_chars,
                  guint       max_chars,
                  gboolean    multiline)
{
  const char *start;
  const char *end;
  glong n_chars;

  if (s == NULL)
    s = "";
  if (!g_utf8_validate (s, -1, NULL))
    return MSG_BAD_UTF8;
  if (has_forbidden_control (s, multiline))
    return N_("This text contains characters that are not allowed.");

  start = s;
  end = s + strlen (s);
  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  n_chars = g_utf8_strlen (start, end - start);

  if (n_chars == 0 && min_chars > 0)
    return MSG_REQUIRED;
  if (n_chars < (glong) min_chars)
    return N_("This text is too short.");
  if (n_chars > (glong) max_chars)
    return N_("This text is too long.");
  return NULL;
}

const char *
lp_validate_school_address (const char *s)
{
  const char *problem = lp_validate_text (s, 0, LP_SCHOOL_ADDRESS_MAX_LENGTH, TRUE);
  const char *start;
  const char *end;
  guint breaks = 0;

  if (problem != NULL || s == NULL)
    return problem;
  start = s;
  end = s + strlen (s);
  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  for (const char *p = start; p < end; p++)
    breaks += *p == '\n';
  if (breaks > 1)
    return N_("The address can have at most two lines.");
  return NULL;
}

/* Copies the digits (and X) of @s into @out, skipping hyphens and spaces. Returns the
 * count, or 0 when @s holds anything else. */
static gsize
isbn_collect (const char *s,
              char        out[ISBN_BUFFER])
{
  gsize n = 0;

  for (const char *p = s; *p != '\0'; p++)
    {
      if (*p == '-' || *p == ' ')
        continue;
      if (!g_ascii_isdigit (*p) && *p != 'X' && *p != 'x')
        return 0;
      if (n == ISBN_BUFFER)
        return ISBN_BUFFER;
      out[n++] = g_ascii_toupper (*p);
    }
  return n;
}

/* ISBN-10: weights 10 down to 1, sum divisible by 11; only the check digit may be X. */
static gboolean
isbn10_is_valid (const char *d)
{
  guint sum = 0;

  for (guint i = 0; i < 10; i++)
    {
      guint value;

      if (d[i] == 'X' && i != 9)
        return FALSE;
      value = d[i] == 'X' ? 10 : (guint) (d[i] - '0');
      sum += (10 - i) * value;
    }
  return sum % 11 == 0;
}

/* ISBN-13 is an EAN-13 in the 978/979 "Bookland" prefixes: weights 1,3,1,3…, sum
 * divisible by 10. */
static gboolean
isbn13_is_valid (const char *d)
{
  guint sum = 0;

  if (strncmp (d, "978", 3) != 0 && strncmp (d, "979", 3) != 0)
    return FALSE;
  for (guint i = 0; i < 13; i++)
    {
      if (d[i] == 'X')
        return FALSE;
      sum += (i % 2 == 0 ? 1 : 3) * (guint) (d[i] - '0');
    }
  return sum % 10 == 0;
}

const char *
lp_validate_isbn (const char *s)
{
  char digits[ISBN_BUFFER] = { 0 };
  gsize n;

  if (s == NULL || *s == '\0')
    return MSG_REQUIRED;
  n = isbn_collect (s, digits);
  if ((n == 10 && isbn10_is_valid (digits)) || (n == 13 && isbn13_is_valid (digits)))
    return NULL;
  return N_("Enter a valid ISBN-10 or ISBN-13.");
}

/* Next year is allowed: publishers date late-year books ahead. */
const char *
lp_validate_year (gint64 year)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (year < LP_YEAR_MIN || year > g_date_time_get_year (now) + 1)
    return N_("Enter a year between 1000 and next year.");
  return NULL;
}

const char *
lp_validate_quantity (gint64 quantity,
                      gint64 max)
{
  if (quantity < 1)
    return N_("The quantity must be at least 1.");
  if (quantity > max)
    return N_("The quantity is too large.");
  return NULL;
}

typedef struct
{
  const char *field;
  guint       min_chars;
  guint       max_chars;
  gboolean    multiline;
} ItemText;

static const ItemText item_texts[] = {
  { "name", 1, LP_ITEM_NAME_MAX_CHARS, FALSE },
  { "location", 1, LP_ITEM_LOCATION_MAX_CHARS, FALSE },
  { "description", 0, LP_ITEM_DESCRIPTION_MAX_CHARS, TRUE },
  { "author", 0, LP_ITEM_PERSON_MAX_CHARS, FALSE },
  { "publisher", 0, LP_ITEM_PERSON_MAX_CHARS, FALSE },
  { "isbn", 0, LP_ITEM_ISBN_MAX_CHARS, FALSE },
};

const char *
lp_validate_item_text (const char *field,
                       const char *value)
{
  const char *problem;

  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "code"))
    return lp_validate_item_code (value);
  for (guint i = 0; i < G_N_ELEMENTS (item_texts); i++)
    {
      const ItemText *t = &item_texts[i];

      if (!g_str_equal (field, t->field))
        continue;
      problem = lp_validate_text (value, t->min_chars, t->max_chars, t->multiline);
      if (problem == NULL && g_str_equal (field, "isbn") && value != NULL && *value != '\0')
        problem = lp_validate_isbn (value);
      return problem;
    }
  return NULL;
}

const char *
lp_validate_item_number (const char *field,
                         const char *text,
                         gint64     *out)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  gboolean year;
  gint64 value = 0;
  const char *problem;

  g_return_val_if_fail (field != NULL, NULL);

  year = g_str_equal (field, "year");
  if (*trimmed == '\0')
    {
      if (!year)
        return MSG_REQUIRED;
      *out = 0;
      return NULL;
    }
  if (!g_ascii_string_to_signed (trimmed, 10, G_MININT64, G_MAXINT64, &value, NULL))
    return N_("Enter a whole number.");
  if (year && (problem = lp_validate_year (value)) != NULL)
    return problem;
  if (!year && (value < 0 || value > LP_ITEM_STOCK_MAX))
    return N_("This number is out of range.");
  *out = value;
  return NULL;
}

/* Either case is accepted, as PostgreSQL does; it answers in lower case. */
const char *
lp_validate_uuid (const char *s)
{
  if (s == NULL || *s == '\0')
    return MSG_REQUIRED;
  if (!g_uuid_string_is_valid (s))
    return N_("This is not a valid identifier.");
  return NULL;
}

const char *
lp_validate_start_date (const GDate *start,
                        const GDate *today)
{
  g_return_val_if_fail (start != NULL && g_date_valid (start), MSG_BAD_DATE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), MSG_BAD_DATE);

  if (g_date_compare (start, today) < 0)
    return N_("The start date cannot be in the past.");
  return NULL;
}

const char *
lp_validate_due_date (const GDate *start,
                      const GDate *due,
                      guint        max_days)
{
  guint n_days;

  g_return_val_if_fail (start != NULL && g_date_valid (start), MSG_BAD_DATE);
  g_return_val_if_fail (due != NULL && g_date_valid (due), MSG_BAD_DATE);

  if (g_date_compare (due, start) < 0)
    return N_("The due date cannot be before the start date.");
  n_days = (guint) g_date_days_between (start, due) + 1;
  if (max_days > 0 && n_days > max_days)
    return N_("The loan is longer than the maximum loan length.");
  return NULL;
}

const char *
lp_validate_date_range (const GDate *start,
                        const GDate *due,
                        const GDate *today,
                        guint        max_days)
{
  const char *message = lp_validate_start_date (start, today);

  if (message != NULL)
    return message;
  return lp_validate_due_date (start, due, max_days);
}

/* Matches @s against @pattern, where 'd' stands for an ASCII digit and any other
 * character for itself. @s may be longer than @pattern. */
static gboolean
matches_pattern (const char *s,
                 const char *pattern)
{
  for (; *pattern != '\0'; s++, pattern++)
    {
      if (*pattern == 'd' ? !g_ascii_isdigit (*s) : *s != *pattern)
        return FALSE;
    }
  return TRUE;
}

static guint
parse_digits (const char *s,
              guint       n)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (guint) (s[i] - '0');
  return value;
}

gboolean
lp_parse_date (const char *s,
               GDate      *out)
{
  guint year, month, day;

  if (s == NULL || strlen (s) != 10 || !matches_pattern (s, "dddd-dd-dd"))
    return FALSE;
  year = parse_digits (s, 4);
  month = parse_digits (s + 5, 2);
  day = parse_digits (s + 8, 2);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  if (out != NULL)
    g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* Checks what follows the seconds: an optional fraction of 1 to 9 digits, then "Z",
 * "z" or ±hh:mm, and nothing else. */
static gboolean
timestamp_tail_is_valid (const char *p)
{
  if (*p == '.')
    {
      guint n = 0;

      for (p++; g_ascii_isdigit (*p); p++)
        n++;
      if (n == 0 || n > 9)
        return FALSE;
    }
  if (g_str_equal (p, "Z") || g_str_equal (p, "z"))
    return TRUE;
  return (p[0] == '+' || p[0] == '-') && strlen (p) == 6 && matches_pattern (p + 1, "dd:dd");
}

/*
 * g_date_time_new_from_iso8601() alone would accept all of ISO 8601 (week dates, basic
 * format, no seconds…), so the RFC 3339 shape is checked first and GLib then checks the
 * ranges (month 13, February 30th, offset +25:00). GLib wants 'T' and 'Z' in upper case.
 */
gboolean
lp_parse_timestamp (const char  *s,
                    GDateTime  **out)
{
  g_autofree char *copy = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  gsize len;

  if (s == NULL || strlen (s) < 20 ||
      !matches_pattern (s, "dddd-dd-dd") || strchr ("Tt ", s[10]) == NULL ||
      !matches_pattern (s + 11, "dd:dd:dd") || !timestamp_tail_is_valid (s + 19))
    return FALSE;

  copy = g_strdup (s);
  len = strlen (copy);
  copy[10] = 'T';
  if (copy[len - 1] == 'z')
    copy[len - 1] = 'Z';
  parsed = g_date_time_new_from_iso8601 (copy, NULL);
  if (parsed == NULL)
    return FALSE;
  if (out != NULL)
    *out = g_date_time_to_utc (parsed);
  return TRUE;
}

char *
lp_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

char *
lp_format_timestamp (GDateTime *timestamp)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (timestamp != NULL, NULL);

  utc = g_date_time_to_utc (timestamp);
  if (g_date_time_get_microsecond (utc) != 0)
    return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

void
lp_validation_add (GError     **error,
                   const char  *field,
                   const char  *message)
{
  GHashTable *fields;

  g_return_if_fail (field != NULL);
  g_return_if_fail (message != NULL);

  if (error == NULL)
    return;
  if (*error == NULL)
    *error = g_error_new_literal (LP_ERROR, LP_ERROR_VALIDATION_FAILED,
                                  N_("Some fields are invalid"));
  else if (!g_error_matches (*error, LP_ERROR, LP_ERROR_VALIDATION_FAILED))
    return;

  fields = lp_error_get_fields (*error);
  if (fields != NULL && g_hash_table_contains (fields, field))
    return;
  lp_error_set_field (*error, field, message);
}
