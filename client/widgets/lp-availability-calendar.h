/* lp-availability-calendar.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-api-client.h"

G_BEGIN_DECLS

/*
 * A month of day buttons for choosing a loan's start and due date, each showing the
 * units of :item-id free that day (LP_API_ITEMS_AVAILABILITY, fetched for each month
 * shown). Past days and days that cannot hold :quantity are greyed and cannot be chosen;
 * while the due date is being chosen, the days past the longest loan (:max-days) or past
 * a day that is full only start a new range. The first click picks :start, the next one
 * (on or after it) :due; a click after that starts again. Both are "YYYY-MM-DD" or NULL.
 * Days a request was refused for (the "conflicts" of a 409) are marked until the next
 * reload. Every day button has an accessible name ("5 December 2026, 2 free") and the
 * ISO date as its widget name.
 */

#define LP_TYPE_AVAILABILITY_CALENDAR (lp_availability_calendar_get_type ())

G_DECLARE_FINAL_TYPE (LpAvailabilityCalendar, lp_availability_calendar, LP,
                      AVAILABILITY_CALENDAR, AdwBin)

GtkWidget  *lp_availability_calendar_new             (void);

void        lp_availability_calendar_set_client      (LpAvailabilityCalendar *self,
                                                      LpApiClient            *client);
void        lp_availability_calendar_set_item_id     (LpAvailabilityCalendar *self,
                                                      const char             *item_id);
int         lp_availability_calendar_get_quantity    (LpAvailabilityCalendar *self);
void        lp_availability_calendar_set_quantity    (LpAvailabilityCalendar *self,
                                                      int                     quantity);
guint       lp_availability_calendar_get_max_days    (LpAvailabilityCalendar *self);
/* 0: no limit. */
void        lp_availability_calendar_set_max_days    (LpAvailabilityCalendar *self,
                                                      guint                   max_days);
/* Returns: (transfer full) (nullable): "YYYY-MM-DD" */
char       *lp_availability_calendar_get_start       (LpAvailabilityCalendar *self);
char       *lp_availability_calendar_get_due         (LpAvailabilityCalendar *self);
/* A NULL or unparsable @date clears it. Setting :start clears a :due before it. */
void        lp_availability_calendar_set_start       (LpAvailabilityCalendar *self,
                                                      const char             *date);
void        lp_availability_calendar_set_due         (LpAvailabilityCalendar *self,
                                                      const char             *date);
/* The chosen days as GDates; an unset one is cleared (not valid). */
void        lp_availability_calendar_get_range       (LpAvailabilityCalendar *self,
                                                      GDate                  *start,
                                                      GDate                  *due);
/* Units free on @date, or -1 while unknown. */
int         lp_availability_calendar_get_free        (LpAvailabilityCalendar *self,
                                                      const GDate            *date);
gboolean    lp_availability_calendar_get_loading     (LpAvailabilityCalendar *self);
/* When no day is chosen yet: the first day from today that holds the quantity, to at most
 * @days later (and the longest loan) while each day holds it. FALSE when nothing was
 * chosen (a day was chosen already, or none fits). The days must be loaded. */
gboolean    lp_availability_calendar_suggest_range   (LpAvailabilityCalendar *self,
                                                      guint                   days);
/* Shows the month of @date. */
void        lp_availability_calendar_show_month      (LpAvailabilityCalendar *self,
                                                      const GDate            *date);
/* Fetches the month shown again (keeps the marks and, until the answer, the numbers). */
void        lp_availability_calendar_reload          (LpAvailabilityCalendar *self);
/* Marks @days (LpAvailabilityDay: the days a request did not fit, with their free units,
 * which replace what the calendar knew) and shows the month of the first. */
void        lp_availability_calendar_mark_conflicts  (LpAvailabilityCalendar *self,
                                                      GArray                 *days);
guint       lp_availability_calendar_get_n_conflicts (LpAvailabilityCalendar *self);
void        lp_availability_calendar_clear_conflicts (LpAvailabilityCalendar *self);

G_END_DECLS
