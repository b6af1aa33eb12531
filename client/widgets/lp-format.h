/* lp-format.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Text for people, in the language of the translation (LANGUAGE=id gives Indonesian
 * names even where the C library has no Indonesian locale installed, as on a kiosk
 * image with only C.UTF-8).
 */

/* "Mon" / "Sen" */
const char *lp_format_weekday_short (GDateWeekday  weekday);
/* "9 January 2026" / "9 Januari 2026" */
char       *lp_format_date_long     (const GDate  *date);
/* "December 2026" / "Desember 2026" */
char       *lp_format_month_year    (const GDate  *date);
/* A moment in its own time zone: "9 January 2026, 10:15" / "9 Januari 2026, 10.15" */
char       *lp_format_time_long     (GDateTime    *time);
/* "100,000" / "100.000" */
char       *lp_format_count         (guint         count);
/* Lines on one line, ", " between them: "Jl. Merdeka 1\nBandung" → "Jl. Merdeka 1, Bandung"
 * (NULL gives "") */
char       *lp_format_one_line      (const char   *text);
/* The calendar date today in the library's time zone (the server's "today", which
 * decides what is overdue or may start), or the computer's until it is known. */
void        lp_format_today         (GDate        *date);
/* The library's time zone, an identifier such as "Asia/Jakarta" (NULL: the computer's). */
void        lp_format_set_time_zone (const char   *identifier);

G_END_DECLS
