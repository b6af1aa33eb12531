/* lp-loans.h — the loan rules the server needs outside a request.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* A database job (an LpDbJobFunc): stores `overdue` on every borrowed loan past its due
 * date in the library's time zone, with an activity log row for each. Rows another
 * transaction holds are skipped (the next run takes them), so several server instances
 * may run it at once. */
void lp_loans_mark_overdue (PGconn   *conn,
                            gpointer  user_data);

G_END_DECLS
