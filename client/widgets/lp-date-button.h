/* lp-date-button.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * One end of a date filter ("From", "To"): a button that shows the day picked, or
 * :placeholder while there is none, and opens a calendar with "Any Day" to clear it.
 * :title is its accessible name. :date (a GDate, NULL for none) notifies on each change.
 */

#define LP_TYPE_DATE_BUTTON (lp_date_button_get_type ())

G_DECLARE_FINAL_TYPE (LpDateButton, lp_date_button, LP, DATE_BUTTON, AdwBin)

/* The day picked, or NULL. */
const GDate *lp_date_button_get_date (LpDateButton *self);
void         lp_date_button_set_date (LpDateButton *self,
                                      const GDate  *date);
/* The day picked as the API writes it (YYYY-MM-DD), or NULL. */
char        *lp_date_button_dup_iso  (LpDateButton *self);

G_END_DECLS
