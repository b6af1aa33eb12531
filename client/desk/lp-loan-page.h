/* lp-loan-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-page.h"

G_BEGIN_DECLS

/*
 * One loan, for any role (a member sees only their own): item, member, quantity, dates,
 * purpose, status and fine (bound to :loan in lp-loan-page.ui), its timeline (requested,
 * approved or rejected by whom and why, handed over, returned in what condition, the
 * complaint a loss opened), and once approved the receipt on screen: the code as text
 * and as a QR code large enough for the desk's scanner, with "Save as PDF" and "Print
 * Receipt". The actions the status allows: for the desk Approve, Reject, Hand Over and
 * Cancel Loan; for the member Cancel Request. Opened by win.open ("loan", id); follows
 * the loan's changes on the server.
 */

#define LP_TYPE_LOAN_PAGE (lp_loan_page_get_type ())

G_DECLARE_FINAL_TYPE (LpLoanPage, lp_loan_page, LP, LOAN_PAGE, LpPage)

G_END_DECLS
