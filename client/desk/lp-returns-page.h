/* lp-returns-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-page.h"

G_BEGIN_DECLS

/*
 * "Returns", the desk's check-in: the officer picks the item's condition (Good unless
 * told otherwise, and back to Good after each return) and scans the receipt. A scan with
 * Good records the return at once; any other condition opens the inspection form first.
 * Scans that arrive while one is still being recorded wait their turn, in order; every
 * scan gets a result line (code, member, item, outcome), and the scan field has the
 * focus whenever the page is shown.
 */

#define LP_TYPE_RETURNS_PAGE (lp_returns_page_get_type ())

G_DECLARE_FINAL_TYPE (LpReturnsPage, lp_returns_page, LP, RETURNS_PAGE, LpPage)

G_END_DECLS
