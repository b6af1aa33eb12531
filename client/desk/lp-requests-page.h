/* lp-requests-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-page.h"

G_BEGIN_DECLS

/*
 * "Requests", for staff and admins: the loans waiting for a decision, kept current by
 * the event stream. Select one, then Approve (at once) or Reject (with an optional
 * reason). A refusal by the server (overbooked, out of stock, decided at another desk)
 * shows its message and the list is loaded again. :count is the number waiting, for the
 * navigation's badge.
 */

#define LP_TYPE_REQUESTS_PAGE (lp_requests_page_get_type ())

G_DECLARE_FINAL_TYPE (LpRequestsPage, lp_requests_page, LP, REQUESTS_PAGE, LpPage)

G_END_DECLS
