/* lp-enums.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-enums"

#include "config.h"

#include "lp-enums.h"

#include <glib/gi18n-lib.h>

/*
 * Each enum has one GEnumValue table: its nicks are the wire strings, so the registered
 * GType, to_string and from_string can never disagree. Labels sit in arrays indexed by
 * value, checked against the enum's size at compile time.
 */

static const GFlagsValue role_values[] = {
  { LP_ROLE_GUEST, "LP_ROLE_GUEST", "guest" },
  { LP_ROLE_MEMBER, "LP_ROLE_MEMBER", "member" },
  { LP_ROLE_STAFF, "LP_ROLE_STAFF", "staff" },
  { LP_ROLE_ADMIN, "LP_ROLE_ADMIN", "admin" },
  { 0, NULL, NULL },
};

static const GEnumValue item_condition_values[] = {
  { LP_ITEM_CONDITION_GOOD, "LP_ITEM_CONDITION_GOOD", "good" },
  { LP_ITEM_CONDITION_MINOR_DAMAGE, "LP_ITEM_CONDITION_MINOR_DAMAGE", "minor_damage" },
  { LP_ITEM_CONDITION_MAJOR_DAMAGE, "LP_ITEM_CONDITION_MAJOR_DAMAGE", "major_damage" },
  { LP_ITEM_CONDITION_LOST, "LP_ITEM_CONDITION_LOST", "lost" },
  { 0, NULL, NULL },
};

static const char * const item_condition_labels[] = {
  N_("Good"),
  N_("Minor damage"),
  N_("Major damage"),
  N_("Lost"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (item_condition_labels) == LP_ITEM_CONDITION_LOST + 1);

static const GEnumValue item_status_values[] = {
  { LP_ITEM_STATUS_AVAILABLE, "LP_ITEM_STATUS_AVAILABLE", "available" },
  { LP_ITEM_STATUS_NEEDS_MAINTENANCE, "LP_ITEM_STATUS_NEEDS_MAINTENANCE", "needs_maintenance" },
  { LP_ITEM_STATUS_MAINTENANCE, "LP_ITEM_STATUS_MAINTENANCE", "maintenance" },
  { LP_ITEM_STATUS_UNAVAILABLE, "LP_ITEM_STATUS_UNAVAILABLE", "unavailable" },
  { 0, NULL, NULL },
};

static const char * const item_status_labels[] = {
  N_("Available"),
  N_("Needs maintenance"),
  N_("In maintenance"),
  N_("Unavailable"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (item_status_labels) == LP_ITEM_STATUS_UNAVAILABLE + 1);

static const GEnumValue loan_status_values[] = {
  { LP_LOAN_STATUS_PENDING, "LP_LOAN_STATUS_PENDING", "pending" },
  { LP_LOAN_STATUS_APPROVED, "LP_LOAN_STATUS_APPROVED", "approved" },
  { LP_LOAN_STATUS_BORROWED, "LP_LOAN_STATUS_BORROWED", "borrowed" },
  { LP_LOAN_STATUS_RETURNED, "LP_LOAN_STATUS_RETURNED", "returned" },
  { LP_LOAN_STATUS_REJECTED, "LP_LOAN_STATUS_REJECTED", "rejected" },
  { LP_LOAN_STATUS_CANCELLED, "LP_LOAN_STATUS_CANCELLED", "cancelled" },
  { LP_LOAN_STATUS_OVERDUE, "LP_LOAN_STATUS_OVERDUE", "overdue" },
  { 0, NULL, NULL },
};

static const char * const loan_status_labels[] = {
  N_("Pending"),
  N_("Approved"),
  N_("Borrowed"),
  N_("Returned"),
  N_("Rejected"),
  N_("Cancelled"),
  N_("Overdue"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (loan_status_labels) == LP_LOAN_STATUS_OVERDUE + 1);

static const GEnumValue complaint_status_values[] = {
  { LP_COMPLAINT_STATUS_WAITING, "LP_COMPLAINT_STATUS_WAITING", "waiting" },
  { LP_COMPLAINT_STATUS_IN_PROGRESS, "LP_COMPLAINT_STATUS_IN_PROGRESS", "in_progress" },
  { LP_COMPLAINT_STATUS_DONE, "LP_COMPLAINT_STATUS_DONE", "done" },
  { LP_COMPLAINT_STATUS_CLOSED, "LP_COMPLAINT_STATUS_CLOSED", "closed" },
  { 0, NULL, NULL },
};

static const char * const complaint_status_labels[] = {
  N_("Waiting"),
  N_("In progress"),
  N_("Done"),
  N_("Closed"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (complaint_status_labels) == LP_COMPLAINT_STATUS_CLOSED + 1);

static const GEnumValue damage_category_values[] = {
  { LP_DAMAGE_CATEGORY_PHYSICAL, "LP_DAMAGE_CATEGORY_PHYSICAL", "physical" },
  { LP_DAMAGE_CATEGORY_ELECTRICAL, "LP_DAMAGE_CATEGORY_ELECTRICAL", "electrical" },
  { LP_DAMAGE_CATEGORY_MISSING_PARTS, "LP_DAMAGE_CATEGORY_MISSING_PARTS", "missing_parts" },
  { LP_DAMAGE_CATEGORY_SOFTWARE, "LP_DAMAGE_CATEGORY_SOFTWARE", "software" },
  { LP_DAMAGE_CATEGORY_OTHER, "LP_DAMAGE_CATEGORY_OTHER", "other" },
  { 0, NULL, NULL },
};

static const char * const damage_category_labels[] = {
  N_("Physical"),
  N_("Electrical"),
  N_("Missing parts"),
  N_("Software"),
  N_("Other"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (damage_category_labels) == LP_DAMAGE_CATEGORY_OTHER + 1);

/* Loan life cycle (SPEC §4). A member cancels their own request while it is pending; the
 * desk may also cancel an approved loan nobody came to collect, which puts its units back
 * on the shelf (otherwise they would stay reserved for ever). Only a loan that is out can
 * become overdue. An approved loan can come back directly: the seed's status is
 * "Disetujui/Aktif" — once approved the member may have the item, and a desk that forgot
 * the hand-over must still take it back (the return records the hand-over). */
static const struct
{
  LpLoanStatus from;
  LpLoanStatus to;
} loan_transitions[] = {
  { LP_LOAN_STATUS_PENDING, LP_LOAN_STATUS_APPROVED },
  { LP_LOAN_STATUS_PENDING, LP_LOAN_STATUS_REJECTED },
  { LP_LOAN_STATUS_PENDING, LP_LOAN_STATUS_CANCELLED },
  { LP_LOAN_STATUS_APPROVED, LP_LOAN_STATUS_BORROWED },
  { LP_LOAN_STATUS_APPROVED, LP_LOAN_STATUS_CANCELLED },
  { LP_LOAN_STATUS_APPROVED, LP_LOAN_STATUS_RETURNED },
  { LP_LOAN_STATUS_BORROWED, LP_LOAN_STATUS_RETURNED },
  { LP_LOAN_STATUS_BORROWED, LP_LOAN_STATUS_OVERDUE },
  { LP_LOAN_STATUS_OVERDUE, LP_LOAN_STATUS_RETURNED },
};

/* Complaint life cycle (SPEC §5): waiting → closed is for duplicates and invalid
 * reports; done and closed are final. */
static const struct
{
  LpComplaintStatus from;
  LpComplaintStatus to;
} complaint_transitions[] = {
  { LP_COMPLAINT_STATUS_WAITING, LP_COMPLAINT_STATUS_IN_PROGRESS },
  { LP_COMPLAINT_STATUS_WAITING, LP_COMPLAINT_STATUS_CLOSED },
  { LP_COMPLAINT_STATUS_IN_PROGRESS, LP_COMPLAINT_STATUS_DONE },
  { LP_COMPLAINT_STATUS_IN_PROGRESS, LP_COMPLAINT_STATUS_CLOSED },
};

static GType
register_enum (gsize            *type_id,
               const char       *name,
               const GEnumValue *values)
{
  if (g_once_init_enter (type_id))
    g_once_init_leave (type_id, g_enum_register_static (g_intern_static_string (name), values));
  return *type_id;
}

static const char *
enum_to_nick (const GEnumValue *values,
              int               value)
{
  for (const GEnumValue *v = values; v->value_nick != NULL; v++)
    if (v->value == value)
      return v->value_nick;
  return NULL;
}

static gboolean
enum_from_nick (const GEnumValue *values,
                const char       *str,
                int              *out)
{
  if (str == NULL)
    return FALSE;
  for (const GEnumValue *v = values; v->value_nick != NULL; v++)
    if (g_str_equal (v->value_nick, str))
      {
        *out = v->value;
        return TRUE;
      }
  return FALSE;
}

static const char *
label_at (const char * const *labels,
          gsize               n_labels,
          int                 value)
{
  if (value < 0 || (gsize) value >= n_labels)
    return NULL;
  return labels[value];
}

GType
lp_role_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id,
                       g_flags_register_static (g_intern_static_string ("LpRole"), role_values));
  return type_id;
}

GType
lp_item_condition_get_type (void)
{
  static gsize type_id = 0;

  return register_enum (&type_id, "LpItemCondition", item_condition_values);
}

GType
lp_item_status_get_type (void)
{
  static gsize type_id = 0;

  return register_enum (&type_id, "LpItemStatus", item_status_values);
}

GType
lp_loan_status_get_type (void)
{
  static gsize type_id = 0;

  return register_enum (&type_id, "LpLoanStatus", loan_status_values);
}

GType
lp_complaint_status_get_type (void)
{
  static gsize type_id = 0;

  return register_enum (&type_id, "LpComplaintStatus", complaint_status_values);
}

GType
lp_damage_category_get_type (void)
{
  static gsize type_id = 0;

  return register_enum (&type_id, "LpDamageCategory", damage_category_values);
}

const char *
lp_role_to_string (LpRole role)
{
  for (const GFlagsValue *v = role_values; v->value_nick != NULL; v++)
    if (v->value == (guint) role)
      return v->value_nick;
  return NULL;
}

gboolean
lp_role_from_string (const char *str,
                     LpRole     *out)
{
  if (str == NULL)
    return FALSE;
  for (const GFlagsValue *v = role_values; v->value_nick != NULL; v++)
    {
      /* A guest is whoever has no session; no account can hold that role. */
      if (v->value == LP_ROLE_GUEST || !g_str_equal (v->value_nick, str))
        continue;
      if (out != NULL)
        *out = (LpRole) v->value;
      return TRUE;
    }
  return FALSE;
}

const char *
lp_role_label (LpRole role)
{
  switch (role)
    {
    case LP_ROLE_GUEST:
      return N_("Guest");
    case LP_ROLE_MEMBER:
      return N_("Member");
    case LP_ROLE_STAFF:
      return N_("Staff");
    case LP_ROLE_ADMIN:
      return N_("Administrator");
    case LP_ROLE_NONE:
    default:
      return NULL;
    }
}

#define LP_DEFINE_ENUM_STRINGS(TypeName, type_name, values, labels)             \
  const char *                                                                  \
  type_name##_to_string (TypeName value)                                        \
  {                                                                             \
    return enum_to_nick (values, (int) value);                                  \
  }                                                                             \
                                                                                \
  gboolean                                                                      \
  type_name##_from_string (const char *str,                                     \
                           TypeName   *out)                                     \
  {                                                                             \
    int value = 0;                                                              \
                                                                                \
    if (!enum_from_nick (values, str, &value))                                  \
      return FALSE;                                                             \
    if (out != NULL)                                                            \
      *out = (TypeName) value;                                                  \
    return TRUE;                                                                \
  }                                                                             \
                                                                                \
  const char *                                                                  \
  type_name##_label (TypeName value)                                            \
  {                                                                             \
    return label_at (labels, G_N_ELEMENTS (labels), (int) value);               \
  }

LP_DEFINE_ENUM_STRINGS (LpItemCondition, lp_item_condition,
                        item_condition_values, item_condition_labels)
LP_DEFINE_ENUM_STRINGS (LpItemStatus, lp_item_status,
                        item_status_values, item_status_labels)
LP_DEFINE_ENUM_STRINGS (LpLoanStatus, lp_loan_status,
                        loan_status_values, loan_status_labels)
LP_DEFINE_ENUM_STRINGS (LpComplaintStatus, lp_complaint_status,
                        complaint_status_values, complaint_status_labels)
LP_DEFINE_ENUM_STRINGS (LpDamageCategory, lp_damage_category,
                        damage_category_values, damage_category_labels)

gboolean
lp_loan_status_can_transition (LpLoanStatus from,
                               LpLoanStatus to)
{
  for (guint i = 0; i < G_N_ELEMENTS (loan_transitions); i++)
    if (loan_transitions[i].from == from && loan_transitions[i].to == to)
      return TRUE;
  return FALSE;
}

/* A terminal loan has no way out: it no longer holds stock and can no longer change. */
gboolean
lp_loan_status_is_terminal (LpLoanStatus status)
{
  if (lp_loan_status_to_string (status) == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (loan_transitions); i++)
    if (loan_transitions[i].from == status)
      return FALSE;
  return TRUE;
}

/* The loans that hold units of an item: they count against stock_total in the
 * double-booking rule (SPEC §4). A pending request holds nothing until approved. */
gboolean
lp_loan_status_is_active (LpLoanStatus status)
{
  return status == LP_LOAN_STATUS_APPROVED ||
         status == LP_LOAN_STATUS_BORROWED ||
         status == LP_LOAN_STATUS_OVERDUE;
}

gboolean
lp_complaint_status_can_transition (LpComplaintStatus from,
                                    LpComplaintStatus to)
{
  for (guint i = 0; i < G_N_ELEMENTS (complaint_transitions); i++)
    if (complaint_transitions[i].from == from && complaint_transitions[i].to == to)
      return TRUE;
  return FALSE;
}

/* needs_maintenance stays lendable (the client shows a warning); maintenance and
 * unavailable do not (SPEC §4). */
gboolean
lp_item_status_is_lendable (LpItemStatus status)
{
  return status == LP_ITEM_STATUS_AVAILABLE ||
         status == LP_ITEM_STATUS_NEEDS_MAINTENANCE;
}

/*
 * The status an item takes when a unit comes back in @condition (SPEC §4): minor
 * damage → needs_maintenance (still lendable, with a warning), major damage →
 * maintenance (not lendable), lost → unavailable. Lost is unavailable because the
 * return puts the quantity back into stock_available whatever the condition (seed 002
 * §8), so the shelf now counts a unit that does not exist; the item stays out of
 * circulation until an admin corrects stock_total and marks it repaired.
 *
 * A return never improves the status: an item is one row for all its units, so a good
 * unit coming back must not clear the maintenance another unit needs. Only the repair
 * action brings an item back to available. Hence the worse of the two, by the order of
 * LpItemStatus.
 */
LpItemStatus
lp_item_status_after_return (LpItemCondition condition,
                             LpItemStatus    current)
{
  LpItemStatus implied;

  switch (condition)
    {
    case LP_ITEM_CONDITION_GOOD:
      implied = LP_ITEM_STATUS_AVAILABLE;
      break;
    case LP_ITEM_CONDITION_MINOR_DAMAGE:
      implied = LP_ITEM_STATUS_NEEDS_MAINTENANCE;
      break;
    case LP_ITEM_CONDITION_MAJOR_DAMAGE:
      implied = LP_ITEM_STATUS_MAINTENANCE;
      break;
    case LP_ITEM_CONDITION_LOST:
      implied = LP_ITEM_STATUS_UNAVAILABLE;
      break;
    default:
      g_return_val_if_reached (current);
    }

  return MAX (current, implied);
}
