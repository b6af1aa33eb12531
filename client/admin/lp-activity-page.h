/* lp-activity-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-page.h"

G_BEGIN_DECLS

/*
 * "Activity" for admins: the activity log, newest first, paged, filtered by who, what
 * was done, to which kind of record and between which days. Each entry says who, when,
 * from which address and program, and what changed, field by field.
 */

#define LP_TYPE_ACTIVITY_PAGE (lp_activity_page_get_type ())

G_DECLARE_FINAL_TYPE (LpActivityPage, lp_activity_page, LP, ACTIVITY_PAGE, LpPage)

G_END_DECLS
