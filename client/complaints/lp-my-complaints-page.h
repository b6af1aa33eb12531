/* lp-my-complaints-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-page.h"

G_BEGIN_DECLS

/*
 * "My Complaints", for members: the complaints they filed, newest first, with their
 * status, kept current by the event stream (a note or a status change by the desk shows
 * at once). "New Complaint" opens the form; activating a complaint opens its page, where
 * the member reads the notes of its handling.
 */

#define LP_TYPE_MY_COMPLAINTS_PAGE (lp_my_complaints_page_get_type ())

G_DECLARE_FINAL_TYPE (LpMyComplaintsPage, lp_my_complaints_page, LP, MY_COMPLAINTS_PAGE, LpPage)

G_END_DECLS
