/* lp-kiosks-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-page.h"

G_BEGIN_DECLS

/*
 * Admins register the library's self-service kiosks and revoke them. A new kiosk's
 * device key is shown here once, with what to do with it on the kiosk computer; the
 * server keeps only its hash. Revoking ends every session the kiosk started.
 */

#define LP_TYPE_KIOSKS_PAGE (lp_kiosks_page_get_type ())

G_DECLARE_FINAL_TYPE (LpKiosksPage, lp_kiosks_page, LP, KIOSKS_PAGE, LpPage)

G_END_DECLS
