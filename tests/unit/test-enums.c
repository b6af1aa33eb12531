/* test-enums.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-enums"

#include "config.h"

#include "lp-enums.h"

#include <string.h>

typedef struct
{
  int         value;
  const char *nick;
  const char *label;
} Expected;

/* The wire strings as SPEC.md §3–§5 spell them; a change here is an API change. */
static const Expected item_conditions[] = {
  { LP_ITEM_CONDITION_GOOD, "good", "Good" },
  { LP_ITEM_CONDITION_MINOR_DAMAGE, "minor_damage", "Minor damage" },
  { LP_ITEM_CONDITION_MAJOR_DAMAGE, "major_damage", "Major damage" },
  { LP_ITEM_CONDITION_LOST, "lost", "Lost" },
};

static const Expected item_statuses[] = {
  { LP_ITEM_STATUS_AVAILABLE, "available", "Available" },
  { LP_ITEM_STATUS_NEEDS_MAINTENANCE, "needs_maintenance", "Needs maintenance" },
  { LP_ITEM_STATUS_MAINTENANCE, "maintenance", "In maintenance" },
  { LP_ITEM_STATUS_UNAVAILABLE, "unavailable", "Unavailable" },
};

static const Expected loan_statuses[] = {
  { LP_LOAN_STATUS_PENDING, "pending", "Pending" },
  { LP_LOAN_STATUS_APPROVED, "approved", "Approved" },
  { LP_LOAN_STATUS_BORROWED, "borrowed", "Borrowed" },
  { LP_LOAN_STATUS_RETURNED, "returned", "Returned" },
  { LP_LOAN_STATUS_REJECTED, "rejected", "Rejected" },
  { LP_LOAN_STATUS_CANCELLED, "cancelled", "Cancelled" },
  { LP_LOAN_STATUS_OVERDUE, "overdue", "Overdue" },
};

static const Expected complaint_statuses[] = {
  { LP_COMPLAINT_STATUS_WAITING, "waiting", "Waiting" },
  { LP_COMPLAINT_STATUS_IN_PROGRESS, "in_progress", "In progress" },
  { LP_COMPLAINT_STATUS_DONE, "done", "Done" },
  { LP_COMPLAINT_STATUS_CLOSED, "closed", "Closed" },
};

static const Expected damage_categories[] = {
  { LP_DAMAGE_CATEGORY_PHYSICAL, "physical", "Physical" },
  { LP_DAMAGE_CATEGORY_ELECTRICAL, "electrical", "Electrical" },
  { LP_DAMAGE_CATEGORY_MISSING_PARTS, "missing_parts", "Missing parts" },
  { LP_DAMAGE_CATEGORY_SOFTWARE, "software", "Software" },
  { LP_DAMAGE_CATEGORY_OTHER, "other", "Other" },
};

/* Spellings that from_string must refuse for @nick: other cases, padding, prefixes. */
static GPtrArray *
bad_spellings (const char *nick)
{
  GPtrArray *bad = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *upper = g_ascii_strup (nick, -1);

  g_ptr_array_add (bad, g_strdup (upper));
  g_ptr_array_add (bad, g_strdup_printf ("%c%s", g_ascii_toupper (nick[0]), nick + 1));
  g_ptr_array_add (bad, g_strdup_printf (" %s", nick));
  g_ptr_array_add (bad, g_strdup_printf ("%s ", nick));
  g_ptr_array_add (bad, g_strdup_printf ("%s\n", nick));
  g_ptr_array_add (bad, g_strndup (nick, strlen (nick) - 1));
  g_ptr_array_add (bad, g_strdup_printf ("%sx", nick));
  return bad;
}

static const char * const unknown_strings[] = {
  "", "unknown", "none", "0", "1", "-", "good damage", "in-progress", "needs-maintenance",
};

/* The registered GType must carry exactly the same nicks as to_string. */
static void
check_gtype (GType           type,
             const Expected *expected,
             gsize           n_expected)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  g_assert_cmpuint (klass->n_values, ==, n_expected);
  for (gsize i = 0; i < n_expected; i++)
    {
      GEnumValue *value = g_enum_get_value (klass, expected[i].value);

      g_assert_nonnull (value);
      g_assert_cmpstr (value->value_nick, ==, expected[i].nick);
    }
}

#define CHECK_ENUM(type_name, TypeName, table, n_values)                              \
  G_STMT_START {                                                                       \
    for (gsize i = 0; i < G_N_ELEMENTS (table); i++)                                   \
      {                                                                                \
        g_autoptr(GPtrArray) bad = bad_spellings (table[i].nick);                      \
        TypeName parsed = (TypeName) 99;                                               \
                                                                                       \
        g_assert_cmpstr (type_name##_to_string ((TypeName) table[i].value), ==,        \
                         table[i].nick);                                               \
        g_assert_cmpstr (type_name##_label ((TypeName) table[i].value), ==,            \
                         table[i].label);                                              \
        g_assert_true (type_name##_from_string (table[i].nick, &parsed));              \
        g_assert_cmpint (parsed, ==, table[i].value);                                  \
        g_assert_true (type_name##_from_string (table[i].nick, NULL));                 \
        for (guint j = 0; j < bad->len; j++)                                           \
          {                                                                            \
            parsed = (TypeName) 99;                                                    \
            g_assert_false (type_name##_from_string (bad->pdata[j], &parsed));         \
            g_assert_cmpint (parsed, ==, 99);                                          \
          }                                                                            \
      }                                                                                \
    g_assert_cmpuint (G_N_ELEMENTS (table), ==, n_values);                             \
    g_assert_false (type_name##_from_string (NULL, NULL));                             \
    for (gsize i = 0; i < G_N_ELEMENTS (unknown_strings); i++)                         \
      g_assert_false (type_name##_from_string (unknown_strings[i], NULL));             \
    g_assert_null (type_name##_to_string ((TypeName) n_values));                       \
    g_assert_null (type_name##_to_string ((TypeName) -1));                             \
    g_assert_null (type_name##_label ((TypeName) n_values));                           \
    g_assert_null (type_name##_label ((TypeName) -1));                                 \
  } G_STMT_END

static void
test_item_condition_strings (void)
{
  CHECK_ENUM (lp_item_condition, LpItemCondition, item_conditions, 4);
  check_gtype (LP_TYPE_ITEM_CONDITION, item_conditions, G_N_ELEMENTS (item_conditions));
}

static void
test_item_status_strings (void)
{
  CHECK_ENUM (lp_item_status, LpItemStatus, item_statuses, 4);
  check_gtype (LP_TYPE_ITEM_STATUS, item_statuses, G_N_ELEMENTS (item_statuses));
}

static void
test_loan_status_strings (void)
{
  CHECK_ENUM (lp_loan_status, LpLoanStatus, loan_statuses, 7);
  check_gtype (LP_TYPE_LOAN_STATUS, loan_statuses, G_N_ELEMENTS (loan_statuses));
}

static void
test_complaint_status_strings (void)
{
  CHECK_ENUM (lp_complaint_status, LpComplaintStatus, complaint_statuses, 4);
  check_gtype (LP_TYPE_COMPLAINT_STATUS, complaint_statuses, G_N_ELEMENTS (complaint_statuses));
}

static void
test_damage_category_strings (void)
{
  CHECK_ENUM (lp_damage_category, LpDamageCategory, damage_categories, 5);
  check_gtype (LP_TYPE_DAMAGE_CATEGORY, damage_categories, G_N_ELEMENTS (damage_categories));
}

static void
test_role_strings (void)
{
  static const Expected roles[] = {
    { LP_ROLE_MEMBER, "member", "Member" },
    { LP_ROLE_STAFF, "staff", "Staff" },
    { LP_ROLE_ADMIN, "admin", "Administrator" },
  };
  static const char * const refused[] = {
    NULL, "", "guest", "Guest", "none", "Member", "ADMIN", " staff", "staff ", "administrator",
    "member|staff", "2", "user",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      LpRole parsed = LP_ROLE_NONE;

      g_assert_cmpstr (lp_role_to_string (roles[i].value), ==, roles[i].nick);
      g_assert_cmpstr (lp_role_label (roles[i].value), ==, roles[i].label);
      g_assert_true (lp_role_from_string (roles[i].nick, &parsed));
      g_assert_cmpint (parsed, ==, roles[i].value);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      LpRole parsed = LP_ROLE_NONE;

      g_assert_false (lp_role_from_string (refused[i], &parsed));
      g_assert_cmpint (parsed, ==, LP_ROLE_NONE);
    }

  /* A guest has a name for logs and a label, but is never a stored role. */
  g_assert_cmpstr (lp_role_to_string (LP_ROLE_GUEST), ==, "guest");
  g_assert_cmpstr (lp_role_label (LP_ROLE_GUEST), ==, "Guest");
  g_assert_null (lp_role_to_string (LP_ROLE_NONE));
  g_assert_null (lp_role_label (LP_ROLE_NONE));
  g_assert_null (lp_role_to_string (LP_ROLES_DESK));
  g_assert_null (lp_role_label (LP_ROLES_USER));
}

static void
test_role_masks (void)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (LP_TYPE_ROLE);

  g_assert_cmpint (LP_ROLE_NONE, ==, 0);
  g_assert_cmpint (LP_ROLES_ANY, ==,
                   LP_ROLE_GUEST | LP_ROLE_MEMBER | LP_ROLE_STAFF | LP_ROLE_ADMIN);
  g_assert_cmpint (LP_ROLES_USER, ==, LP_ROLE_MEMBER | LP_ROLE_STAFF | LP_ROLE_ADMIN);
  g_assert_cmpint (LP_ROLES_DESK, ==, LP_ROLE_STAFF | LP_ROLE_ADMIN);
  g_assert_false (LP_ROLES_USER & LP_ROLE_GUEST);
  g_assert_false (LP_ROLES_DESK & LP_ROLE_MEMBER);

  g_assert_true (G_TYPE_IS_FLAGS (LP_TYPE_ROLE));
  g_assert_cmpuint (klass->n_values, ==, 4);
  g_assert_cmpstr (g_flags_get_first_value (klass, LP_ROLE_ADMIN)->value_nick, ==, "admin");
}

#define N_LOAN_STATUSES 7
#define N_COMPLAINT_STATUSES 4

static void
test_loan_transitions (void)
{
  /* Rows: from; columns: to, in enum order (pending, approved, borrowed, returned,
   * rejected, cancelled, overdue). */
  static const gboolean expected[N_LOAN_STATUSES][N_LOAN_STATUSES] = {
    [LP_LOAN_STATUS_PENDING] =   { 0, 1, 0, 0, 1, 1, 0 },
    [LP_LOAN_STATUS_APPROVED] =  { 0, 0, 1, 1, 0, 1, 0 },
    [LP_LOAN_STATUS_BORROWED] =  { 0, 0, 0, 1, 0, 0, 1 },
    [LP_LOAN_STATUS_RETURNED] =  { 0, 0, 0, 0, 0, 0, 0 },
    [LP_LOAN_STATUS_REJECTED] =  { 0, 0, 0, 0, 0, 0, 0 },
    [LP_LOAN_STATUS_CANCELLED] = { 0, 0, 0, 0, 0, 0, 0 },
    [LP_LOAN_STATUS_OVERDUE] =   { 0, 0, 0, 1, 0, 0, 0 },
  };

  G_STATIC_ASSERT (LP_LOAN_STATUS_OVERDUE + 1 == N_LOAN_STATUSES);
  for (int from = 0; from < N_LOAN_STATUSES; from++)
    for (int to = 0; to < N_LOAN_STATUSES; to++)
      {
        if (lp_loan_status_can_transition (from, to) != expected[from][to])
          g_error ("loan %s → %s: expected %s",
                   lp_loan_status_to_string (from), lp_loan_status_to_string (to),
                   expected[from][to] ? "allowed" : "refused");
      }
  g_assert_false (lp_loan_status_can_transition (N_LOAN_STATUSES, LP_LOAN_STATUS_PENDING));
  g_assert_false (lp_loan_status_can_transition (LP_LOAN_STATUS_PENDING, N_LOAN_STATUSES));
}

static void
test_loan_active_terminal (void)
{
  static const struct
  {
    LpLoanStatus status;
    gboolean     active;
    gboolean     terminal;
  } expected[] = {
    { LP_LOAN_STATUS_PENDING, FALSE, FALSE },
    { LP_LOAN_STATUS_APPROVED, TRUE, FALSE },
    { LP_LOAN_STATUS_BORROWED, TRUE, FALSE },
    { LP_LOAN_STATUS_RETURNED, FALSE, TRUE },
    { LP_LOAN_STATUS_REJECTED, FALSE, TRUE },
    { LP_LOAN_STATUS_CANCELLED, FALSE, TRUE },
    { LP_LOAN_STATUS_OVERDUE, TRUE, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (lp_loan_status_is_active (expected[i].status), ==, expected[i].active);
      g_assert_cmpint (lp_loan_status_is_terminal (expected[i].status), ==, expected[i].terminal);
      /* Active loans hold stock, so none of them may be terminal. */
      g_assert_false (expected[i].active && expected[i].terminal);
    }
  g_assert_false (lp_loan_status_is_active (LP_LOAN_STATUS_OVERDUE + 1));
  g_assert_false (lp_loan_status_is_terminal (LP_LOAN_STATUS_OVERDUE + 1));
}

static void
test_complaint_transitions (void)
{
  /* Rows: from; columns: to (waiting, in_progress, done, closed). */
  static const gboolean expected[N_COMPLAINT_STATUSES][N_COMPLAINT_STATUSES] = {
    [LP_COMPLAINT_STATUS_WAITING] =     { 0, 1, 0, 1 },
    [LP_COMPLAINT_STATUS_IN_PROGRESS] = { 0, 0, 1, 1 },
    [LP_COMPLAINT_STATUS_DONE] =        { 0, 0, 0, 0 },
    [LP_COMPLAINT_STATUS_CLOSED] =      { 0, 0, 0, 0 },
  };

  G_STATIC_ASSERT (LP_COMPLAINT_STATUS_CLOSED + 1 == N_COMPLAINT_STATUSES);
  for (int from = 0; from < N_COMPLAINT_STATUSES; from++)
    for (int to = 0; to < N_COMPLAINT_STATUSES; to++)
      {
        if (lp_complaint_status_can_transition (from, to) != expected[from][to])
          g_error ("complaint %s → %s: expected %s",
                   lp_complaint_status_to_string (from), lp_complaint_status_to_string (to),
                   expected[from][to] ? "allowed" : "refused");
      }
}

static void
test_item_lendable (void)
{
  g_assert_true (lp_item_status_is_lendable (LP_ITEM_STATUS_AVAILABLE));
  g_assert_true (lp_item_status_is_lendable (LP_ITEM_STATUS_NEEDS_MAINTENANCE));
  g_assert_false (lp_item_status_is_lendable (LP_ITEM_STATUS_MAINTENANCE));
  g_assert_false (lp_item_status_is_lendable (LP_ITEM_STATUS_UNAVAILABLE));
  g_assert_false (lp_item_status_is_lendable (LP_ITEM_STATUS_UNAVAILABLE + 1));
}

static void
test_item_status_after_return (void)
{
  enum { AV = LP_ITEM_STATUS_AVAILABLE, NM = LP_ITEM_STATUS_NEEDS_MAINTENANCE,
         MA = LP_ITEM_STATUS_MAINTENANCE, UN = LP_ITEM_STATUS_UNAVAILABLE };
  /* Rows: returned condition (good, minor, major, lost); columns: current status. A
   * return never improves the status: only a repair does. */
  static const int expected[4][4] = {
    /*            AV  NM  MA  UN */
    [LP_ITEM_CONDITION_GOOD] =         { AV, NM, MA, UN },
    [LP_ITEM_CONDITION_MINOR_DAMAGE] = { NM, NM, MA, UN },
    [LP_ITEM_CONDITION_MAJOR_DAMAGE] = { MA, MA, MA, UN },
    [LP_ITEM_CONDITION_LOST] =         { UN, UN, UN, UN },
  };

  for (int condition = 0; condition < 4; condition++)
    for (int current = 0; current < 4; current++)
      g_assert_cmpint (lp_item_status_after_return (condition, current), ==,
                       expected[condition][current]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lp/common/enums/role/strings", test_role_strings);
  g_test_add_func ("/lp/common/enums/role/masks", test_role_masks);
  g_test_add_func ("/lp/common/enums/item-condition/strings", test_item_condition_strings);
  g_test_add_func ("/lp/common/enums/item-status/strings", test_item_status_strings);
  g_test_add_func ("/lp/common/enums/loan-status/strings", test_loan_status_strings);
  g_test_add_func ("/lp/common/enums/complaint-status/strings", test_complaint_status_strings);
  g_test_add_func ("/lp/common/enums/damage-category/strings", test_damage_category_strings);
  g_test_add_func ("/lp/common/enums/loan-status/transitions", test_loan_transitions);
  g_test_add_func ("/lp/common/enums/loan-status/active-terminal", test_loan_active_terminal);
  g_test_add_func ("/lp/common/enums/complaint-status/transitions", test_complaint_transitions);
  g_test_add_func ("/lp/common/enums/item-status/lendable", test_item_lendable);
  g_test_add_func ("/lp/common/enums/item-status/after-return", test_item_status_after_return);

  return g_test_run ();
}
