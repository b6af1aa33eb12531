/* lp-enums.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Every enum of the data model, its wire string (the lower-case snake_case nick used in
 * JSON, in SQL and in the registered GType), its human label (English, marked N_() so
 * the client translates it with _()), and the rules that depend only on enum values.
 *
 * to_string and label return NULL for a value that is not a member. from_string accepts
 * only the exact wire string (no other case, no surrounding space) and leaves @out
 * untouched on failure; @out may be NULL to only test a string.
 */

/* Roles are flags so that an endpoint can accept a set of them. */
typedef enum
{
  LP_ROLE_NONE   = 0,
  LP_ROLE_GUEST  = 1 << 0,
  LP_ROLE_MEMBER = 1 << 1,
  LP_ROLE_STAFF  = 1 << 2,
  LP_ROLE_ADMIN  = 1 << 3,
} LpRole;

#define LP_ROLES_ANY  (LP_ROLE_GUEST | LP_ROLE_MEMBER | LP_ROLE_STAFF | LP_ROLE_ADMIN)
#define LP_ROLES_USER (LP_ROLE_MEMBER | LP_ROLE_STAFF | LP_ROLE_ADMIN)
#define LP_ROLES_DESK (LP_ROLE_STAFF | LP_ROLE_ADMIN)

typedef enum
{
  LP_ITEM_CONDITION_GOOD,
  LP_ITEM_CONDITION_MINOR_DAMAGE,
  LP_ITEM_CONDITION_MAJOR_DAMAGE,
  LP_ITEM_CONDITION_LOST,
} LpItemCondition;

/* Ordered from best to worst: lp_item_status_after_return() relies on it. */
typedef enum
{
  LP_ITEM_STATUS_AVAILABLE,
  LP_ITEM_STATUS_NEEDS_MAINTENANCE,
  LP_ITEM_STATUS_MAINTENANCE,
  LP_ITEM_STATUS_UNAVAILABLE,
} LpItemStatus;

typedef enum
{
  LP_LOAN_STATUS_PENDING,
  LP_LOAN_STATUS_APPROVED,
  LP_LOAN_STATUS_BORROWED,
  LP_LOAN_STATUS_RETURNED,
  LP_LOAN_STATUS_REJECTED,
  LP_LOAN_STATUS_CANCELLED,
  LP_LOAN_STATUS_OVERDUE,
} LpLoanStatus;

typedef enum
{
  LP_COMPLAINT_STATUS_WAITING,
  LP_COMPLAINT_STATUS_IN_PROGRESS,
  LP_COMPLAINT_STATUS_DONE,
  LP_COMPLAINT_STATUS_CLOSED,
} LpComplaintStatus;

typedef enum
{
  LP_DAMAGE_CATEGORY_PHYSICAL,
  LP_DAMAGE_CATEGORY_ELECTRICAL,
  LP_DAMAGE_CATEGORY_MISSING_PARTS,
  LP_DAMAGE_CATEGORY_SOFTWARE,
  LP_DAMAGE_CATEGORY_OTHER,
} LpDamageCategory;

/* Registered types, whose value nicks are the wire strings (for GObject properties,
 * AdwEnumListModel and lp_json_get_enum()). */
#define LP_TYPE_ROLE             (lp_role_get_type ())
#define LP_TYPE_ITEM_CONDITION   (lp_item_condition_get_type ())
#define LP_TYPE_ITEM_STATUS      (lp_item_status_get_type ())
#define LP_TYPE_LOAN_STATUS      (lp_loan_status_get_type ())
#define LP_TYPE_COMPLAINT_STATUS (lp_complaint_status_get_type ())
#define LP_TYPE_DAMAGE_CATEGORY  (lp_damage_category_get_type ())

GType        lp_role_get_type                   (void) G_GNUC_CONST;
GType        lp_item_condition_get_type         (void) G_GNUC_CONST;
GType        lp_item_status_get_type            (void) G_GNUC_CONST;
GType        lp_loan_status_get_type            (void) G_GNUC_CONST;
GType        lp_complaint_status_get_type       (void) G_GNUC_CONST;
GType        lp_damage_category_get_type        (void) G_GNUC_CONST;

/* A single role only. "guest" is returned for LP_ROLE_GUEST (logs) but is not a stored
 * role, so lp_role_from_string() accepts only "member", "staff" and "admin". */
const char  *lp_role_to_string                  (LpRole             role);
gboolean     lp_role_from_string                (const char        *str,
                                                 LpRole            *out);
const char  *lp_role_label                      (LpRole             role);

const char  *lp_item_condition_to_string        (LpItemCondition    condition);
gboolean     lp_item_condition_from_string      (const char        *str,
                                                 LpItemCondition   *out);
const char  *lp_item_condition_label            (LpItemCondition    condition);

const char  *lp_item_status_to_string           (LpItemStatus       status);
gboolean     lp_item_status_from_string         (const char        *str,
                                                 LpItemStatus      *out);
const char  *lp_item_status_label               (LpItemStatus       status);

const char  *lp_loan_status_to_string           (LpLoanStatus       status);
gboolean     lp_loan_status_from_string         (const char        *str,
                                                 LpLoanStatus      *out);
const char  *lp_loan_status_label               (LpLoanStatus       status);

const char  *lp_complaint_status_to_string      (LpComplaintStatus  status);
gboolean     lp_complaint_status_from_string    (const char        *str,
                                                 LpComplaintStatus *out);
const char  *lp_complaint_status_label          (LpComplaintStatus  status);

const char  *lp_damage_category_to_string       (LpDamageCategory   category);
gboolean     lp_damage_category_from_string     (const char        *str,
                                                 LpDamageCategory  *out);
const char  *lp_damage_category_label           (LpDamageCategory   category);

/* Rules */
gboolean     lp_loan_status_can_transition      (LpLoanStatus       from,
                                                 LpLoanStatus       to);
gboolean     lp_loan_status_is_active           (LpLoanStatus       status);
gboolean     lp_loan_status_is_terminal         (LpLoanStatus       status);
gboolean     lp_complaint_status_can_transition (LpComplaintStatus  from,
                                                 LpComplaintStatus  to);
gboolean     lp_item_status_is_lendable         (LpItemStatus       status);
LpItemStatus lp_item_status_after_return        (LpItemCondition    condition,
                                                 LpItemStatus       current);

G_END_DECLS
