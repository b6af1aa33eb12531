/* lp-complaints-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-page.h"

G_BEGIN_DECLS

/*
 * "Complaints", for staff and admins: the complaints of everyone, by status (waiting
 * first, the one that has waited longest on top) and searched by title, description or
 * location, kept current by the event stream. Activating one opens its page. :count is
 * the number still waiting, for the navigation's badge, whatever the list shows.
 */

#define LP_TYPE_COMPLAINTS_PAGE (lp_complaints_page_get_type ())

G_DECLARE_FINAL_TYPE (LpComplaintsPage, lp_complaints_page, LP, COMPLAINTS_PAGE, LpPage)

G_END_DECLS
