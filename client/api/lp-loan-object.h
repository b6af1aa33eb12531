/* lp-loan-object.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-api-object.h"

G_BEGIN_DECLS

/* A loan from request to return: its item and borrower as references, and its return
 * once there is one. Its properties are the API's members (docs/openapi.json); see
 * lp-api-object.h. */

#define LP_TYPE_LOAN_OBJECT (lp_loan_object_get_type ())

G_DECLARE_FINAL_TYPE (LpLoanObject, lp_loan_object, LP, LOAN_OBJECT, LpApiObject)

G_END_DECLS
