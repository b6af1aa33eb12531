/* lp-complaint-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-data-objects.h"
#include "lp-page.h"

G_BEGIN_DECLS

/*
 * One complaint (the "complaint" page of the window, opened by win.open): what was
 * reported, where and about which item, by whom, its photos, the loan whose return
 * opened it, and the timeline of its handling (notes and status changes). Staff and
 * admins change its status (only the steps the server allows are offered) and add
 * notes; a member reads. Follows the complaint's changes on the server.
 */

#define LP_TYPE_COMPLAINT_PAGE (lp_complaint_page_get_type ())

G_DECLARE_FINAL_TYPE (LpComplaintPage, lp_complaint_page, LP, COMPLAINT_PAGE, LpPage)

G_END_DECLS
