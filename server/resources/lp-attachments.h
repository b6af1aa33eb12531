/* lp-attachments.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LP_MAX_ATTACHMENTS 10

void lp_attachments_check_ids (GStrv    ids,
                               GError **error);

G_END_DECLS
