/* lp-models.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "lp-enums.h"

G_BEGIN_DECLS

/*
 * The API's objects as plain structs, owned by whoever holds them: the server fills
 * them from a row and writes them with _to_json(), the client reads them with
 * _new_from_json(). Every string is owned (g_free), every GDateTime is a reference.
 * Fields marked nullable are NULL (or an invalid GDate, or 0 for year) when unknown and
 * are written as JSON null.
 *
 * _new_from_json() is strict and never returns a partial struct: a missing required
 * member, a wrong JSON type, an unknown enum string or a malformed date or time is
 * LP_ERROR_BAD_REQUEST naming the members. Unknown members are ignored.
 */

#define LP_TYPE_USER     (lp_user_get_type ())
#define LP_TYPE_CATEGORY (lp_category_get_type ())
#define LP_TYPE_ITEM     (lp_item_get_type ())
#define LP_TYPE_LOAN     (lp_loan_get_type ())

typedef struct
{
  char      *id;
  char      *username;
  LpRole     role;
  char      *full_name;
  char      *email;          /* nullable */
  gboolean   active;
  GDateTime *created_at;
  GDateTime *updated_at;
} LpUser;

typedef struct
{
  char *id;
  char *name;
  char *description;         /* nullable */
} LpCategory;

typedef struct
{
  char            *id;
  char            *code;
  char            *name;
  char            *category_id;
  char            *location;
  int              stock_total;
  int              stock_available;
  LpItemCondition  condition;
  LpItemStatus     status;
  char            *description;   /* nullable */
  char            *author;        /* nullable */
  char            *publisher;     /* nullable */
  int              year;          /* 0 = unknown */
  char            *isbn;          /* nullable */
} LpItem;

/* The item and the borrower as a loan carries them; all NULL when the reply left them
 * out (written then as null). */
typedef struct
{
  char *id;
  char *code;
  char *name;
} LpLoanItem;

typedef struct
{
  char *id;
  char *username;
  char *full_name;
} LpLoanUser;

typedef struct
{
  char         *id;
  char         *code;
  char         *user_id;
  char         *item_id;
  int           quantity;
  GDate         start_date;
  GDate         due_date;
  char         *purpose;
  LpLoanStatus  status;
  char         *decided_by;       /* nullable */
  GDateTime    *decided_at;       /* nullable */
  char         *decision_reason;  /* nullable */
  GDateTime    *returned_at;      /* nullable */
  gint64        fine;             /* whole currency units (rupiah); 0 = none */
  GDateTime    *created_at;
  GDateTime    *updated_at;
  LpLoanItem    item;
  LpLoanUser    user;
} LpLoan;

GType       lp_user_get_type          (void) G_GNUC_CONST;
LpUser     *lp_user_new               (void);
LpUser     *lp_user_new_from_json     (JsonObject       *object,
                                       GError          **error);
JsonNode   *lp_user_to_json           (const LpUser     *user);
LpUser     *lp_user_copy              (const LpUser     *user);
void        lp_user_free              (LpUser           *user);

GType       lp_category_get_type      (void) G_GNUC_CONST;
LpCategory *lp_category_new           (void);
LpCategory *lp_category_new_from_json (JsonObject       *object,
                                       GError          **error);
JsonNode   *lp_category_to_json       (const LpCategory *category);
LpCategory *lp_category_copy          (const LpCategory *category);
void        lp_category_free          (LpCategory       *category);

GType       lp_item_get_type          (void) G_GNUC_CONST;
LpItem     *lp_item_new               (void);
LpItem     *lp_item_new_from_json     (JsonObject       *object,
                                       GError          **error);
JsonNode   *lp_item_to_json           (const LpItem     *item);
LpItem     *lp_item_copy              (const LpItem     *item);
void        lp_item_free              (LpItem           *item);

/* lp_loan_new() leaves both dates cleared (invalid). */
GType       lp_loan_get_type          (void) G_GNUC_CONST;
LpLoan     *lp_loan_new               (void);
LpLoan     *lp_loan_new_from_json     (JsonObject       *object,
                                       GError          **error);
JsonNode   *lp_loan_to_json           (const LpLoan     *loan);
LpLoan     *lp_loan_copy              (const LpLoan     *loan);
void        lp_loan_free              (LpLoan           *loan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpUser, lp_user_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpCategory, lp_category_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpItem, lp_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpLoan, lp_loan_free)

G_END_DECLS
