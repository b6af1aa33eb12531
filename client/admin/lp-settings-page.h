/* lp-settings-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-page.h"

G_BEGIN_DECLS

/*
 * "Settings" for admins: the library's settings (the school's name, its time zone, the
 * longest loan, the fine per day late, the kiosk's idle time) as one form, checked
 * field by field and saved together; the server's problems are shown under the fields.
 */

#define LP_TYPE_SETTINGS_PAGE (lp_settings_page_get_type ())

G_DECLARE_FINAL_TYPE (LpSettingsPage, lp_settings_page, LP, SETTINGS_PAGE, LpPage)

G_END_DECLS
