/* lp-format.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-format"

#include "config.h"

#include "lp-format.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const char * const weekdays[] = {
  NULL,
  NC_("weekday", "Mon"),
  NC_("weekday", "Tue"),
  NC_("weekday", "Wed"),
  NC_("weekday", "Thu"),
  NC_("weekday", "Fri"),
  NC_("weekday", "Sat"),
  NC_("weekday", "Sun"),
};

static const char * const months[] = {
  NULL,
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

const char *
lp_format_weekday_short (GDateWeekday weekday)
{
  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, "");

  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday", weekdays[weekday]);
}

char *
lp_format_date_long (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), g_strdup (""));

  /* Translators: a date: day, month name, year, e.g. "9 January 2026". */
  return g_strdup_printf (C_("long date", "%1$u %2$s %3$u"),
                          (guint) g_date_get_day (date),
                          _(months[g_date_get_month (date)]),
                          (guint) g_date_get_year (date));
}

char *
lp_format_month_year (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), g_strdup (""));

  /* Translators: a month of a calendar, e.g. "December 2026". */
  return g_strdup_printf (C_("month and year", "%1$s %2$u"), _(months[g_date_get_month (date)]),
                          (guint) g_date_get_year (date));
}

char *
lp_format_time_long (GDateTime *time)
{
  g_autofree char *day = NULL;
  GDateTime *local = time;
  GDate date;

  g_return_val_if_fail (time != NULL, g_strdup (""));

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
  day = lp_format_date_long (&date);
  /* Translators: a long date and a time of day, e.g. "9 January 2026, 10:15";
   * Indonesian writes the time with a dot: "9 Januari 2026, 10.15". */
  return g_strdup_printf (C_("date and time", "%1$s, %2$02d:%3$02d"), day,
                          g_date_time_get_hour (local), g_date_time_get_minute (local));
}

char *
lp_format_one_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  return g_strjoinv (", ", lines);
}

char *
lp_format_count (guint count)
{
  /* Translators: the separator of thousands in numbers such as 100,000. */
  const char *separator = C_("thousands separator", ",");
  g_autofree char *digits = g_strdup_printf ("%u", count);
  g_autoptr(GString) text = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (text, separator);
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GTimeZone *library_zone;

void
lp_format_set_time_zone (const char *identifier)
{
  g_clear_pointer (&library_zone, g_time_zone_unref);
  if (identifier != NULL && *identifier != '\0')
    library_zone = g_time_zone_new_identifier (identifier);
}

void
lp_format_today (GDate *date)
{
  g_autoptr(GDateTime) now = library_zone != NULL ? g_date_time_new_now (library_zone)
                                                  : g_date_time_new_now_local ();

  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}
