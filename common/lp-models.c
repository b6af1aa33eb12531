/* lp-models.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-models"

#include "config.h"

#include "lp-models.h"

#include "lp-error.h"
#include "lp-json.h"
#include "lp-validation.h"

G_DEFINE_BOXED_TYPE (LpUser, lp_user, lp_user_copy, lp_user_free)
G_DEFINE_BOXED_TYPE (LpCategory, lp_category, lp_category_copy, lp_category_free)
G_DEFINE_BOXED_TYPE (LpItem, lp_item, lp_item_copy, lp_item_free)
G_DEFINE_BOXED_TYPE (LpLoan, lp_loan, lp_loan_copy, lp_loan_free)

/*
 * Reading. Each reader records its failure in @error through the lp_json getters, so a
 * parser reads every member and then decides once, in finish_parse().
 */

static void
read_string (JsonObject  *object,
             const char  *member,
             gboolean     required,
             char       **out,
             GError     **error)
{
  const char *value = NULL;

  if (lp_json_get_string (object, member, required, &value, error))
    *out = g_strdup (value);
}

static void
read_int (JsonObject  *object,
          const char  *member,
          gboolean     required,
          gint64       min,
          gint64       max,
          int         *out,
          GError     **error)
{
  gint64 value = *out;

  g_assert (min >= G_MININT && max <= G_MAXINT);

  if (lp_json_get_int (object, member, required, min, max, &value, error))
    *out = (int) value;
}

static void
read_enum (JsonObject  *object,
           const char  *member,
           GType        enum_type,
           int         *out,
           GError     **error)
{
  lp_json_get_enum (object, member, TRUE, enum_type, out, error);
}

static void
read_role (JsonObject  *object,
           const char  *member,
           LpRole      *out,
           GError     **error)
{
  const char *str = NULL;

  if (!lp_json_get_string (object, member, TRUE, &str, error) || str == NULL)
    return;
  if (!lp_role_from_string (str, out))
    lp_json_bad_request (error, "'%s' must be one of: member, staff, admin", member);
}

static char *
field_names (const GError *error)
{
  GHashTable *fields = lp_error_get_fields (error);
  g_autoptr(GList) names = fields != NULL ? g_hash_table_get_keys (fields) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  names = g_list_sort (names, (GCompareFunc) g_strcmp0);
  for (const GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", (const char *) l->data);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A model is parsed whole or not at all, and never as a 422: a missing member or a bad
 * date in a server's reply is a broken reply, not a user's mistake. Takes @local_error. */
static gboolean
finish_parse (GError  *local_error,
              GError **error)
{
  g_autofree char *names = NULL;

  if (local_error == NULL)
    return TRUE;
  if (!g_error_matches (local_error, LP_ERROR, LP_ERROR_VALIDATION_FAILED))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  names = field_names (local_error);
  g_set_error (error, LP_ERROR, LP_ERROR_BAD_REQUEST, "Missing or invalid members: %s", names);
  g_error_free (local_error);
  return FALSE;
}

/*
 * Writing. Absent values (NULL strings and times, invalid dates) are written as null.
 */

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static void
write_timestamp (JsonObject *object,
                 const char *member,
                 GDateTime  *value)
{
  g_autofree char *text = value != NULL ? lp_format_timestamp (value) : NULL;

  json_object_set_string_member (object, member, text);
}

static void
write_date (JsonObject  *object,
            const char  *member,
            const GDate *value)
{
  g_autofree char *text = g_date_valid (value) ? lp_format_date (value) : NULL;

  json_object_set_string_member (object, member, text);
}

static GDateTime *
ref_or_null (GDateTime *value)
{
  return value != NULL ? g_date_time_ref (value) : NULL;
}

/* LpUser */

LpUser *
lp_user_new (void)
{
  LpUser *user = g_new0 (LpUser, 1);

  user->role = LP_ROLE_MEMBER;
  return user;
}

LpUser *
lp_user_new_from_json (JsonObject  *object,
                       GError     **error)
{
  g_autoptr(LpUser) user = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  user = lp_user_new ();
  read_string (object, "id", TRUE, &user->id, &local_error);
  read_string (object, "username", TRUE, &user->username, &local_error);
  read_role (object, "role", &user->role, &local_error);
  read_string (object, "full_name", TRUE, &user->full_name, &local_error);
  read_string (object, "email", FALSE, &user->email, &local_error);
  lp_json_get_bool (object, "active", TRUE, &user->active, &local_error);
  lp_json_get_timestamp (object, "created_at", TRUE, &user->created_at, &local_error);
  lp_json_get_timestamp (object, "updated_at", TRUE, &user->updated_at, &local_error);

  if (!finish_parse (g_steal_pointer (&local_error), error))
    return NULL;
  return g_steal_pointer (&user);
}

JsonNode *
lp_user_to_json (const LpUser *user)
{
  JsonObject *object;

  g_return_val_if_fail (user != NULL, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "id", user->id);
  json_object_set_string_member (object, "username", user->username);
  json_object_set_string_member (object, "role", lp_role_to_string (user->role));
  json_object_set_string_member (object, "full_name", user->full_name);
  json_object_set_string_member (object, "email", user->email);
  json_object_set_boolean_member (object, "active", user->active);
  write_timestamp (object, "created_at", user->created_at);
  write_timestamp (object, "updated_at", user->updated_at);
  return object_node (object);
}

LpUser *
lp_user_copy (const LpUser *user)
{
  LpUser *copy;

  g_return_val_if_fail (user != NULL, NULL);

  copy = g_new0 (LpUser, 1);
  copy->id = g_strdup (user->id);
  copy->username = g_strdup (user->username);
  copy->role = user->role;
  copy->full_name = g_strdup (user->full_name);
  copy->email = g_strdup (user->email);
  copy->active = user->active;
  copy->created_at = ref_or_null (user->created_at);
  copy->updated_at = ref_or_null (user->updated_at);
  return copy;
}

void
lp_user_free (LpUser *user)
{
  if (user == NULL)
    return;
  g_free (user->id);
  g_free (user->username);
  g_free (user->full_name);
  g_free (user->email);
  g_clear_pointer (&user->created_at, g_date_time_unref);
  g_clear_pointer (&user->updated_at, g_date_time_unref);
  g_free (user);
}

/* LpCategory */

LpCategory *
lp_category_new (void)
{
  return g_new0 (LpCategory, 1);
}

LpCategory *
lp_category_new_from_json (JsonObject  *object,
                           GError     **error)
{
  g_autoptr(LpCategory) category = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  category = lp_category_new ();
  read_string (object, "id", TRUE, &category->id, &local_error);
  read_string (object, "name", TRUE, &category->name, &local_error);
  read_string (object, "description", FALSE, &category->description, &local_error);

  if (!finish_parse (g_steal_pointer (&local_error), error))
    return NULL;
  return g_steal_pointer (&category);
}

JsonNode *
lp_category_to_json (const LpCategory *category)
{
  JsonObject *object;

  g_return_val_if_fail (category != NULL, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "id", category->id);
  json_object_set_string_member (object, "name", category->name);
  json_object_set_string_member (object, "description", category->description);
  return object_node (object);
}

LpCategory *
lp_category_copy (const LpCategory *category)
{
  LpCategory *copy;

  g_return_val_if_fail (category != NULL, NULL);

  copy = g_new0 (LpCategory, 1);
  copy->id = g_strdup (category->id);
  copy->name = g_strdup (category->name);
  copy->description = g_strdup (category->description);
  return copy;
}

void
lp_category_free (LpCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->id);
  g_free (category->name);
  g_free (category->description);
  g_free (category);
}

/* LpItem */

LpItem *
lp_item_new (void)
{
  LpItem *item = g_new0 (LpItem, 1);

  item->condition = LP_ITEM_CONDITION_GOOD;
  item->status = LP_ITEM_STATUS_AVAILABLE;
  return item;
}

LpItem *
lp_item_new_from_json (JsonObject  *object,
                       GError     **error)
{
  g_autoptr(LpItem) item = NULL;
  g_autoptr(GError) local_error = NULL;
  int condition = 0;
  int status = 0;

  g_return_val_if_fail (object != NULL, NULL);

  item = lp_item_new ();
  read_string (object, "id", TRUE, &item->id, &local_error);
  read_string (object, "code", TRUE, &item->code, &local_error);
  read_string (object, "name", TRUE, &item->name, &local_error);
  read_string (object, "category_id", TRUE, &item->category_id, &local_error);
  read_string (object, "location", TRUE, &item->location, &local_error);
  read_int (object, "stock_total", TRUE, 0, G_MAXINT32, &item->stock_total, &local_error);
  read_int (object, "stock_available", TRUE, 0, G_MAXINT32, &item->stock_available, &local_error);
  read_enum (object, "condition", LP_TYPE_ITEM_CONDITION, &condition, &local_error);
  read_enum (object, "status", LP_TYPE_ITEM_STATUS, &status, &local_error);
  read_string (object, "description", FALSE, &item->description, &local_error);
  read_string (object, "author", FALSE, &item->author, &local_error);
  read_string (object, "publisher", FALSE, &item->publisher, &local_error);
  read_int (object, "year", FALSE, 0, 9999, &item->year, &local_error);
  read_string (object, "isbn", FALSE, &item->isbn, &local_error);

  if (!finish_parse (g_steal_pointer (&local_error), error))
    return NULL;
  item->condition = (LpItemCondition) condition;
  item->status = (LpItemStatus) status;
  return g_steal_pointer (&item);
}

JsonNode *
lp_item_to_json (const LpItem *item)
{
  JsonObject *object;

  g_return_val_if_fail (item != NULL, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "id", item->id);
  json_object_set_string_member (object, "code", item->code);
  json_object_set_string_member (object, "name", item->name);
  json_object_set_string_member (object, "category_id", item->category_id);
  json_object_set_string_member (object, "location", item->location);
  json_object_set_int_member (object, "stock_total", item->stock_total);
  json_object_set_int_member (object, "stock_available", item->stock_available);
  json_object_set_string_member (object, "condition",
                                 lp_item_condition_to_string (item->condition));
  json_object_set_string_member (object, "status", lp_item_status_to_string (item->status));
  json_object_set_string_member (object, "description", item->description);
  json_object_set_string_member (object, "author", item->author);
  json_object_set_string_member (object, "publisher", item->publisher);
  if (item->year > 0)
    json_object_set_int_member (object, "year", item->year);
  else
    json_object_set_null_member (object, "year");
  json_object_set_string_member (object, "isbn", item->isbn);
  return object_node (object);
}

LpItem *
lp_item_copy (const LpItem *item)
{
  LpItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = g_new0 (LpItem, 1);
  *copy = *item;
  copy->id = g_strdup (item->id);
  copy->code = g_strdup (item->code);
  copy->name = g_strdup (item->name);
  copy->category_id = g_strdup (item->category_id);
  copy->location = g_strdup (item->location);
  copy->description = g_strdup (item->description);
  copy->author = g_strdup (item->author);
  copy->publisher = g_strdup (item->publisher);
  copy->isbn = g_strdup (item->isbn);
  return copy;
}

void
lp_item_free (LpItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->code);
  g_free (item->name);
  g_free (item->category_id);
  g_free (item->location);
  g_free (item->description);
  g_free (item->author);
  g_free (item->publisher);
  g_free (item->isbn);
  g_free (item);
}

/* LpLoan */

LpLoan *
lp_loan_new (void)
{
  LpLoan *loan = g_new0 (LpLoan, 1);

  g_date_clear (&loan->start_date, 1);
  g_date_clear (&loan->due_date, 1);
  loan->status = LP_LOAN_STATUS_PENDING;
  return loan;
}

static void
read_loan_refs (JsonObject  *object,
                LpLoan      *loan,
                GError     **error)
{
  JsonObject *item = NULL;
  JsonObject *user = NULL;

  if (lp_json_get_object (object, "item", FALSE, &item, error) && item != NULL)
    {
      read_string (item, "id", TRUE, &loan->item.id, error);
      read_string (item, "code", TRUE, &loan->item.code, error);
      read_string (item, "name", TRUE, &loan->item.name, error);
    }
  if (lp_json_get_object (object, "user", FALSE, &user, error) && user != NULL)
    {
      read_string (user, "id", TRUE, &loan->user.id, error);
      read_string (user, "username", TRUE, &loan->user.username, error);
      read_string (user, "full_name", TRUE, &loan->user.full_name, error);
    }
}

static void
read_loan_decision (JsonObject  *object,
                    LpLoan      *loan,
                    GError     **error)
{
  read_string (object, "decided_by", FALSE, &loan->decided_by, error);
  lp_json_get_timestamp (object, "decided_at", FALSE, &loan->decided_at, error);
  read_string (object, "decision_reason", FALSE, &loan->decision_reason, error);
  lp_json_get_timestamp (object, "returned_at", FALSE, &loan->returned_at, error);
  lp_json_get_int (object, "fine", TRUE, 0, G_MAXINT64, &loan->fine, error);
}

LpLoan *
lp_loan_new_from_json (JsonObject  *object,
                       GError     **error)
{
  g_autoptr(LpLoan) loan = NULL;
  g_autoptr(GError) local_error = NULL;
  int status = 0;

  g_return_val_if_fail (object != NULL, NULL);

  loan = lp_loan_new ();
  read_string (object, "id", TRUE, &loan->id, &local_error);
  read_string (object, "code", TRUE, &loan->code, &local_error);
  read_string (object, "user_id", TRUE, &loan->user_id, &local_error);
  read_string (object, "item_id", TRUE, &loan->item_id, &local_error);
  read_int (object, "quantity", TRUE, 1, G_MAXINT32, &loan->quantity, &local_error);
  lp_json_get_date (object, "start_date", TRUE, &loan->start_date, &local_error);
  lp_json_get_date (object, "due_date", TRUE, &loan->due_date, &local_error);
  read_string (object, "purpose", TRUE, &loan->purpose, &local_error);
  read_enum (object, "status", LP_TYPE_LOAN_STATUS, &status, &local_error);
  read_loan_decision (object, loan, &local_error);
  lp_json_get_timestamp (object, "created_at", TRUE, &loan->created_at, &local_error);
  lp_json_get_timestamp (object, "updated_at", TRUE, &loan->updated_at, &local_error);
  read_loan_refs (object, loan, &local_error);

  if (!finish_parse (g_steal_pointer (&local_error), error))
    return NULL;
  loan->status = (LpLoanStatus) status;
  return g_steal_pointer (&loan);
}

static JsonNode *
loan_refs_to_json (const char *member_1,
                   const char *value_1,
                   const char *member_2,
                   const char *value_2,
                   const char *member_3,
                   const char *value_3)
{
  JsonObject *object;

  if (value_1 == NULL)
    return json_node_new (JSON_NODE_NULL);
  object = json_object_new ();
  json_object_set_string_member (object, member_1, value_1);
  json_object_set_string_member (object, member_2, value_2);
  json_object_set_string_member (object, member_3, value_3);
  return object_node (object);
}

JsonNode *
lp_loan_to_json (const LpLoan *loan)
{
  JsonObject *object;

  g_return_val_if_fail (loan != NULL, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "id", loan->id);
  json_object_set_string_member (object, "code", loan->code);
  json_object_set_string_member (object, "user_id", loan->user_id);
  json_object_set_string_member (object, "item_id", loan->item_id);
  json_object_set_int_member (object, "quantity", loan->quantity);
  write_date (object, "start_date", &loan->start_date);
  write_date (object, "due_date", &loan->due_date);
  json_object_set_string_member (object, "purpose", loan->purpose);
  json_object_set_string_member (object, "status", lp_loan_status_to_string (loan->status));
  json_object_set_string_member (object, "decided_by", loan->decided_by);
  write_timestamp (object, "decided_at", loan->decided_at);
  json_object_set_string_member (object, "decision_reason", loan->decision_reason);
  write_timestamp (object, "returned_at", loan->returned_at);
  json_object_set_int_member (object, "fine", loan->fine);
  write_timestamp (object, "created_at", loan->created_at);
  write_timestamp (object, "updated_at", loan->updated_at);
  json_object_set_member (object, "item",
                          loan_refs_to_json ("id", loan->item.id, "code", loan->item.code,
                                             "name", loan->item.name));
  json_object_set_member (object, "user",
                          loan_refs_to_json ("id", loan->user.id, "username", loan->user.username,
                                             "full_name", loan->user.full_name));
  return object_node (object);
}

LpLoan *
lp_loan_copy (const LpLoan *loan)
{
  LpLoan *copy;

  g_return_val_if_fail (loan != NULL, NULL);

  copy = g_new0 (LpLoan, 1);
  *copy = *loan;
  copy->id = g_strdup (loan->id);
  copy->code = g_strdup (loan->code);
  copy->user_id = g_strdup (loan->user_id);
  copy->item_id = g_strdup (loan->item_id);
  copy->purpose = g_strdup (loan->purpose);
  copy->decided_by = g_strdup (loan->decided_by);
  copy->decided_at = ref_or_null (loan->decided_at);
  copy->decision_reason = g_strdup (loan->decision_reason);
  copy->returned_at = ref_or_null (loan->returned_at);
  copy->created_at = ref_or_null (loan->created_at);
  copy->updated_at = ref_or_null (loan->updated_at);
  copy->item.id = g_strdup (loan->item.id);
  copy->item.code = g_strdup (loan->item.code);
  copy->item.name = g_strdup (loan->item.name);
  copy->user.id = g_strdup (loan->user.id);
  copy->user.username = g_strdup (loan->user.username);
  copy->user.full_name = g_strdup (loan->user.full_name);
  return copy;
}

void
lp_loan_free (LpLoan *loan)
{
  if (loan == NULL)
    return;
  g_free (loan->id);
  g_free (loan->code);
  g_free (loan->user_id);
  g_free (loan->item_id);
  g_free (loan->purpose);
  g_free (loan->decided_by);
  g_clear_pointer (&loan->decided_at, g_date_time_unref);
  g_free (loan->decision_reason);
  g_clear_pointer (&loan->returned_at, g_date_time_unref);
  g_clear_pointer (&loan->created_at, g_date_time_unref);
  g_clear_pointer (&loan->updated_at, g_date_time_unref);
  g_free (loan->item.id);
  g_free (loan->item.code);
  g_free (loan->item.name);
  g_free (loan->user.id);
  g_free (loan->user.username);
  g_free (loan->user.full_name);
  g_free (loan);
}
