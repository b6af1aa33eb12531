/* lp-request-dialog.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-session.h"

G_BEGIN_DECLS

/*
 * A member's loan request for one item: quantity, the start and due date on the
 * availability calendar (the longest loan from the settings), and the purpose, checked
 * as they are typed with the rules of common/ the server runs. An item that needs
 * maintenance says so before anything is sent. A request that no longer fits (409
 * overbooked) marks its days on the calendar and names them; a sent one closes the
 * dialog with a toast on the window and ::sent.
 */

#define LP_TYPE_REQUEST_DIALOG (lp_request_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LpRequestDialog, lp_request_dialog, LP, REQUEST_DIALOG, AdwWindow)

LpRequestDialog *lp_request_dialog_new (LpSession    *session,
                                        LpItemObject *item);

G_END_DECLS
