/* lp-loans.c — loans (SPEC §4): request, approve, reject, cancel, hand over, return with
 * inspection, overdue. Every loan rule lives in this file; the SQL it runs only reads
 * and writes rows (loan_json, loan_conflicts and item_free_units render and count).
 *
 * Concurrency: a change takes row locks in one order, the loan first and then its item
 * (SELECT … FOR UPDATE), and a new request locks the item. Every decision that counts
 * units of an item therefore runs alone for that item, and each statement after the lock
 * sees what the transactions before it committed (READ COMMITTED).
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-loans"

#include "config.h"

#include "lp-loans.h"

#include "lp-attachments.h"
#include "lp-error.h"
#include "lp-json.h"
#include "lp-reply.h"
#include "lp-resources.h"
#include "lp-validation.h"

#define MAX_QUANTITY      10000
#define PURPOSE_MAX_CHARS 500
#define REASON_MAX_CHARS  500
#define NOTES_MAX_CHARS   2000
#define LOST_TITLE_FORMAT "Lost at return: %s (%s)"

/* A loan locked for this transaction; the strings belong to res. */
typedef struct
{
  PGresult     *res;
  const char   *id;
  const char   *user_id;
  const char   *item_id;
  const char   *json;        /* loan_json() before the change, for the activity log */
  const char   *start_date;
  const char   *due_date;
  int           quantity;
  LpLoanStatus  status;      /* as a reader sees it: overdue once past due */
} Loan;

/* An item locked for this transaction; id is NULL when there is no such item. */
typedef struct
{
  PGresult        *res;
  const char      *id;
  int              stock_total;
  int              stock_available;
  LpItemCondition  condition;
  LpItemStatus     status;
} Item;

static void
loan_clear (Loan *loan)
{
  g_clear_pointer (&loan->res, PQclear);
}

static void
item_clear (Item *item)
{
  g_clear_pointer (&item->res, PQclear);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loan, loan_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Item, item_clear)

static gboolean
no_such_loan (GError **error)
{
  g_set_error_literal (error, LP_ERROR, LP_ERROR_NOT_FOUND, "No such loan");
  return FALSE;
}

/* A member sees only their own loans (another's is 404); the desk sees every loan. */
static const char *
own_loans_only (LpRequest *req)
{
  return lp_request_get_role (req) == LP_ROLE_MEMBER ? lp_request_get_user_id (req) : NULL;
}

static char *
int_text (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* Locks the loan the path names. */
static gboolean
lock_loan (LpRequest  *req,
           PGconn     *conn,
           Loan       *loan,
           GError    **error)
{
  const char *id;
  PGresult *res;

  if (!lp_request_get_id (req, "id", &id, error))
    return FALSE;
  res = loan->res = lp_db_query (conn, error,
                                 "SELECT l.id, l.user_id, l.item_id, loan_json(l), l.start_date,"
                                 " l.due_date, l.quantity,"
                                 " loan_status_on(l.status, l.due_date, library_today())"
                                 " FROM loans l WHERE l.id = $1"
                                 " AND ($2::uuid IS NULL OR l.user_id = $2::uuid)"
                                 " FOR UPDATE OF l",
                                 id, own_loans_only (req));
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0)
    return no_such_loan (error);
  loan->id = lp_db_get (res, 0, 0);
  loan->user_id = lp_db_get (res, 0, 1);
  loan->item_id = lp_db_get (res, 0, 2);
  loan->json = lp_db_get (res, 0, 3);
  loan->start_date = lp_db_get (res, 0, 4);
  loan->due_date = lp_db_get (res, 0, 5);
  loan->quantity = (int) lp_db_get_int (res, 0, 6);
  return lp_loan_status_from_string (lp_db_get (res, 0, 7), &loan->status);
}

/* Every move of a loan goes through the one table of common/lp-enums.c. */
static gboolean
check_transition (const Loan    *loan,
                  LpLoanStatus   to,
                  GError       **error)
{
  if (lp_loan_status_can_transition (loan->status, to))
    return TRUE;
  g_set_error (error, LP_ERROR, LP_ERROR_INVALID_TRANSITION,
               "A loan that is %s cannot become %s",
               lp_loan_status_to_string (loan->status), lp_loan_status_to_string (to));
  return FALSE;
}

static gboolean
lock_item (PGconn      *conn,
           const char  *item_id,
           Item        *item,
           GError     **error)
{
  PGresult *res;

  res = item->res = lp_db_query (conn, error,
                                 "SELECT id, stock_total, stock_available, condition, status"
                                 " FROM items WHERE id = $1 FOR UPDATE",
                                 item_id);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0)
    return TRUE;
  item->id = lp_db_get (res, 0, 0);
  item->stock_total = (int) lp_db_get_int (res, 0, 1);
  item->stock_available = (int) lp_db_get_int (res, 0, 2);
  return lp_item_condition_from_string (lp_db_get (res, 0, 3), &item->condition) &&
         lp_item_status_from_string (lp_db_get (res, 0, 4), &item->status);
}

/* Only items available or needing maintenance (with a warning) can be lent. */
static gboolean
check_lendable (const Item  *item,
                GError     **error)
{
  if (lp_item_status_is_lendable (item->status))
    return TRUE;
  g_set_error (error, LP_ERROR, LP_ERROR_CONFLICT, "This item cannot be lent while it is %s",
               lp_item_status_to_string (item->status));
  return FALSE;
}

/* Double booking (SPEC §4): on every day of the range, the units of the item's approved,
 * borrowed and overdue loans plus these must fit in stock_total. Refused with the days
 * that do not fit. The item must be locked. */
static gboolean
check_fits (PGconn      *conn,
            const char  *item_id,
            const char  *start_date,
            const char  *due_date,
            int          quantity,
            GError     **error)
{
  g_autofree char *units = int_text (quantity);
  g_autoptr(PGresult) res = NULL;
  GError *overbooked;

  res = lp_db_query (conn, error, "SELECT loan_conflicts($1, $2::date, $3::date, $4::int)",
                     item_id, start_date, due_date, units);
  if (res == NULL)
    return FALSE;
  if (lp_db_get (res, 0, 0) == NULL)
    return TRUE;
  overbooked = g_error_new_literal (LP_ERROR, LP_ERROR_OVERBOOKED,
                                    "The item is already booked on some of those days");
  lp_error_set_detail (overbooked, "conflicts", lp_db_get (res, 0, 0));
  g_propagate_error (error, overbooked);
  return FALSE;
}

/* Replies with the loan after a change and logs old and new. */
static gboolean
finish_change (LpRequest   *req,
               PGconn      *conn,
               const char  *action,
               const Loan  *loan,
               PGresult    *res,
               GError     **error)
{
  if (res == NULL)
    return FALSE;
  return lp_activity_log (req, conn, action, "loans", loan->id, loan->json,
                          lp_db_get (res, 0, 0), error) &&
         lp_reply_row (req, 200, res, "No such loan", error);
}

/* ---------------------------------------------------------------------------------
 * Request
 * --------------------------------------------------------------------------------- */

typedef struct
{
  const char *item_id;
  gint64      quantity;
  GDate       start;
  GDate       due;
  gboolean    dates_read;
  const char *purpose;
} LoanRequest;

static void
read_loan_request (JsonObject   *body,
                   LoanRequest  *r,
                   GError      **error)
{
  const char *problem;

  if (lp_json_get_string (body, "item_id", TRUE, &r->item_id, error) &&
      (problem = lp_validate_uuid (r->item_id)) != NULL)
    lp_validation_add (error, "item_id", problem);
  if (lp_json_get_int (body, "quantity", TRUE, G_MININT64, G_MAXINT64, &r->quantity, error) &&
      (problem = lp_validate_quantity (r->quantity, MAX_QUANTITY)) != NULL)
    lp_validation_add (error, "quantity", problem);
  if (lp_json_get_string (body, "purpose", TRUE, &r->purpose, error) &&
      (problem = lp_validate_text (r->purpose, 1, PURPOSE_MAX_CHARS, TRUE)) != NULL)
    lp_validation_add (error, "purpose", problem);
  r->dates_read = lp_json_get_date (body, "start_date", TRUE, &r->start, error);
  r->dates_read = lp_json_get_date (body, "due_date", TRUE, &r->due, error) && r->dates_read;
}

/* The start may not be in the past and the loan may not be longer than the library
 * allows; "today" is the date in the library's time zone. */
static gboolean
check_dates (PGconn       *conn,
             LoanRequest  *r,
             GError      **error)
{
  g_autoptr(PGresult) res = NULL;
  const char *problem;
  GDate today;

  if (!r->dates_read)
    return TRUE;
  res = lp_db_exec (conn, "SELECT library_today(), max_loan_days FROM settings WHERE id = 1",
                    0, NULL, error);
  if (res == NULL)
    return FALSE;
  if (!lp_parse_date (lp_db_get (res, 0, 0), &today))
    g_return_val_if_reached (FALSE);
  if ((problem = lp_validate_start_date (&r->start, &today)) != NULL)
    lp_validation_add (error, "start_date", problem);
  if ((problem = lp_validate_due_date (&r->start, &r->due,
                                       (guint) lp_db_get_int (res, 0, 1))) != NULL)
    lp_validation_add (error, "due_date", problem);
  return TRUE;
}

static gboolean
check_requested_item (const Item         *item,
                      const LoanRequest  *r,
                      GError            **error)
{
  g_autofree char *message = NULL;

  if (item->id == NULL)
    {
      lp_validation_add (error, "item_id", "There is no such item.");
      return FALSE;
    }
  if (!check_lendable (item, error))
    return FALSE;
  if (r->quantity <= item->stock_total)
    return TRUE;
  message = g_strdup_printf ("The library owns only %d of this item.", item->stock_total);
  lp_validation_add (error, "quantity", message);
  return FALSE;
}

static gboolean
insert_loan (LpRequest          *req,
             PGconn             *conn,
             const LoanRequest  *r,
             const char         *start,
             const char         *due,
             GError            **error)
{
  g_autofree char *quantity = int_text (r->quantity);
  g_autoptr(PGresult) res = NULL;

  res = lp_db_query (conn, error,
                     "INSERT INTO loans (user_id, item_id, quantity, start_date, due_date, purpose)"
                     " VALUES ($1, $2, $3::int, $4::date, $5::date, btrim($6))"
                     " RETURNING loan_json(loans), id",
                     lp_request_get_user_id (req), r->item_id, quantity, start, due, r->purpose);
  if (res == NULL)
    return FALSE;
  return lp_activity_log (req, conn, "loan.request", "loans", lp_db_get (res, 0, 1), NULL,
                          lp_db_get (res, 0, 0), error) &&
         lp_reply_row (req, 201, res, "", error);
}

/* POST /loans (members): a pending request, refused at once when it cannot fit. */
static gboolean
request_loan (LpRequest  *req,
              PGconn     *conn,
              GError    **error)
{
  JsonObject *body = lp_request_get_json (req, error);
  LoanRequest r = { 0 };
  g_auto(Item) item = { 0 };
  g_autofree char *start = NULL;
  g_autofree char *due = NULL;

  if (body == NULL)
    return FALSE;
  read_loan_request (body, &r, error);
  if (!check_dates (conn, &r, error) || *error != NULL)
    return FALSE;
  start = lp_format_date (&r.start);
  due = lp_format_date (&r.due);
  return lock_item (conn, r.item_id, &item, error) &&
         check_requested_item (&item, &r, error) &&
         check_fits (conn, item.id, start, due, (int) r.quantity, error) &&
         insert_loan (req, conn, &r, start, due, error);
}

/* ---------------------------------------------------------------------------------
 * Decisions, cancel, handover
 * --------------------------------------------------------------------------------- */

/* {reason?}: an empty body is fine too. */
static gboolean
read_reason (LpRequest   *req,
             const char **reason,
             GError     **error)
{
  JsonObject *body;
  const char *problem;

  *reason = NULL;
  if (g_bytes_get_size (lp_request_get_body (req)) == 0)
    return TRUE;
  if ((body = lp_request_get_json (req, error)) == NULL)
    return FALSE;
  if (lp_json_get_string (body, "reason", FALSE, reason, error) && *reason != NULL &&
      (problem = lp_validate_text (*reason, 0, REASON_MAX_CHARS, TRUE)) != NULL)
    lp_validation_add (error, "reason", problem);
  return *error == NULL;
}

/* Approval re-checks double booking and needs the units on the shelf now (seed 002 §8):
 * it takes them out of stock_available. */
static gboolean
reserve_units (PGconn      *conn,
               const Loan  *loan,
               GError     **error)
{
  g_auto(Item) item = { 0 };
  g_autofree char *units = int_text (loan->quantity);
  g_autoptr(PGresult) res = NULL;

  if (!lock_item (conn, loan->item_id, &item, error) || !check_lendable (&item, error) ||
      !check_fits (conn, loan->item_id, loan->start_date, loan->due_date, loan->quantity, error))
    return FALSE;
  if (item.stock_available < loan->quantity)
    {
      g_set_error (error, LP_ERROR, LP_ERROR_INSUFFICIENT_STOCK,
                   "Only %d units are on the shelf; this loan needs %d",
                   item.stock_available, loan->quantity);
      return FALSE;
    }
  res = lp_db_query (conn, error,
                     "UPDATE items SET stock_available = stock_available - $2::int WHERE id = $1",
                     loan->item_id, units);
  return res != NULL;
}

/* Approve or reject (the desk), with an optional reason. */
static gboolean
decide (LpRequest     *req,
        PGconn        *conn,
        LpLoanStatus   to,
        const char    *action,
        GError       **error)
{
  g_auto(Loan) loan = { 0 };
  g_autoptr(PGresult) res = NULL;
  const char *reason;

  if (!read_reason (req, &reason, error) || !lock_loan (req, conn, &loan, error) ||
      !check_transition (&loan, to, error))
    return FALSE;
  if (to == LP_LOAN_STATUS_APPROVED && !reserve_units (conn, &loan, error))
    return FALSE;
  res = lp_db_query (conn, error,
                     "UPDATE loans SET status = $2, decided_by = $3, decided_at = now(),"
                     " decision_reason = nullif(btrim($4), '')"
                     " WHERE id = $1 RETURNING loan_json(loans)",
                     loan.id, lp_loan_status_to_string (to), lp_request_get_user_id (req), reason);
  return finish_change (req, conn, action, &loan, res, error);
}

static gboolean
approve_loan (LpRequest  *req,
              PGconn     *conn,
              GError    **error)
{
  return decide (req, conn, LP_LOAN_STATUS_APPROVED, "loan.approve", error);
}

static gboolean
reject_loan (LpRequest  *req,
             PGconn     *conn,
             GError    **error)
{
  return decide (req, conn, LP_LOAN_STATUS_REJECTED, "loan.reject", error);
}

/* A member cancels their own request while it is pending (it held no units); the desk
 * may also cancel an approved loan that was never collected, and its units go back on
 * the shelf. */
static gboolean
cancel_loan (LpRequest  *req,
             PGconn     *conn,
             GError    **error)
{
  g_auto(Loan) loan = { 0 };
  g_autoptr(PGresult) res = NULL;
  g_autoptr(PGresult) released = NULL;
  g_autofree char *units = NULL;

  if (!lock_loan (req, conn, &loan, error) ||
      !check_transition (&loan, LP_LOAN_STATUS_CANCELLED, error))
    return FALSE;
  if (loan.status == LP_LOAN_STATUS_APPROVED)
    {
      if (lp_request_get_role (req) == LP_ROLE_MEMBER)
        {
          g_set_error_literal (error, LP_ERROR, LP_ERROR_INVALID_TRANSITION,
                               "This loan is already approved; please ask the library desk");
          return FALSE;
        }
      units = int_text (loan.quantity);
      released = lp_db_query (conn, error,
                              "UPDATE items SET stock_available = stock_available + $2::int"
                              " WHERE id = $1",
                              loan.item_id, units);
      if (released == NULL)
        return FALSE;
    }
  res = lp_db_query (conn, error,
                     "UPDATE loans SET status = 'cancelled' WHERE id = $1"
                     " RETURNING loan_json(loans)",
                     loan.id);
  return finish_change (req, conn, "loan.cancel", &loan, res, error);
}

/* The member collects the item: approved → borrowed. The units left the shelf at
 * approval already. */
static gboolean
hand_over_loan (LpRequest  *req,
                PGconn     *conn,
                GError    **error)
{
  g_auto(Loan) loan = { 0 };
  g_autoptr(PGresult) res = NULL;

  if (!lock_loan (req, conn, &loan, error) ||
      !check_transition (&loan, LP_LOAN_STATUS_BORROWED, error))
    return FALSE;
  res = lp_db_query (conn, error,
                     "UPDATE loans SET status = 'borrowed', handed_over_at = now()"
                     " WHERE id = $1 RETURNING loan_json(loans)",
                     loan.id);
  return finish_change (req, conn, "loan.handover", &loan, res, error);
}

/* ---------------------------------------------------------------------------------
 * Return with inspection (seed 002 §4), in one transaction
 * --------------------------------------------------------------------------------- */

typedef struct
{
  int          condition;           /* LpItemCondition */
  GDateTime   *returned_at;         /* NULL: now */
  const char  *damage_description;
  int          damage_category;     /* LpDamageCategory, or -1 */
  const char  *staff_notes;
  GStrv        attachment_ids;
} ReturnReport;

static void
return_report_clear (ReturnReport *r)
{
  g_clear_pointer (&r->returned_at, g_date_time_unref);
  g_clear_pointer (&r->attachment_ids, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReturnReport, return_report_clear)

static void
read_notes (JsonObject   *body,
            const char   *member,
            const char  **out,
            GError      **error)
{
  const char *problem;

  if (lp_json_get_string (body, member, FALSE, out, error) && *out != NULL &&
      (problem = lp_validate_text (*out, 0, NOTES_MAX_CHARS, TRUE)) != NULL)
    lp_validation_add (error, member, problem);
}

static gboolean
read_return_report (JsonObject    *body,
                    ReturnReport  *r,
                    GError       **error)
{
  r->damage_category = -1;
  lp_json_get_enum (body, "condition", TRUE, LP_TYPE_ITEM_CONDITION, &r->condition, error);
  lp_json_get_timestamp (body, "returned_at", FALSE, &r->returned_at, error);
  lp_json_get_enum (body, "damage_category", FALSE, LP_TYPE_DAMAGE_CATEGORY,
                    &r->damage_category, error);
  read_notes (body, "damage_description", &r->damage_description, error);
  read_notes (body, "staff_notes", &r->staff_notes, error);
  if (lp_json_get_string_array (body, "attachment_ids", FALSE, &r->attachment_ids, error) &&
      r->attachment_ids != NULL)
    lp_attachments_check_ids (r->attachment_ids, error);
  return *error == NULL;
}

/* The actual return time: not in the future (a little clock skew allowed) and not before
 * the member collected the item. */
static gboolean
check_returned_at (PGconn              *conn,
                   const Loan          *loan,
                   const ReturnReport  *r,
                   char               **returned_at,
                   GError             **error)
{
  g_autofree char *given = r->returned_at != NULL ? lp_format_timestamp (r->returned_at) : NULL;
  g_autoptr(PGresult) res = NULL;

  res = lp_db_query (conn, error,
                     "SELECT t, t > now() + interval '5 minutes',"
                     " t < coalesce(l.handed_over_at, l.created_at)"
                     " FROM loans l, (SELECT coalesce($2::timestamptz, now()) AS t) AS given"
                     " WHERE l.id = $1",
                     loan->id, given);
  if (res == NULL)
    return FALSE;
  if (lp_db_get_bool (res, 0, 1))
    lp_validation_add (error, "returned_at", "The return time cannot be in the future.");
  else if (lp_db_get_bool (res, 0, 2))
    lp_validation_add (error, "returned_at", "The return time is before the handover.");
  *returned_at = g_strdup (lp_db_get (res, 0, 0));
  return *error == NULL;
}

/* The loan is returned, with its fine: days late (in the library's time zone) times
 * fine_per_day, where 0 turns fines off. Then the return record and its photos. */
static gboolean
record_return (LpRequest           *req,
               PGconn              *conn,
               const Loan          *loan,
               const ReturnReport  *r,
               const char          *returned_at,
               GError             **error)
{
  const char *category = r->damage_category >= 0 ?
                         lp_damage_category_to_string (r->damage_category) : NULL;
  g_autoptr(PGresult) updated = NULL;
  g_autoptr(PGresult) inserted = NULL;

  updated = lp_db_query (conn, error,
                         "UPDATE loans l SET status = 'returned', returned_at = $2::timestamptz,"
                         " fine = greatest(0, ($2::timestamptz AT TIME ZONE s.timezone)::date"
                         "  - l.due_date) * s.fine_per_day"
                         " FROM settings s WHERE s.id = 1 AND l.id = $1",
                         loan->id, returned_at);
  if (updated == NULL)
    return FALSE;
  inserted = lp_db_query (conn, error,
                          "INSERT INTO returns (loan_id, returned_at, condition,"
                          " damage_description, damage_category, staff_notes, inspected_by)"
                          " VALUES ($1, $2::timestamptz, $3, nullif(btrim($4), ''), $5,"
                          " nullif(btrim($6), ''), $7) RETURNING id",
                          loan->id, returned_at, lp_item_condition_to_string (r->condition),
                          r->damage_description, category, r->staff_notes,
                          lp_request_get_user_id (req));
  return inserted != NULL &&
         lp_attachments_link (conn, LP_ATTACHMENTS_OF_RETURN, lp_db_get (inserted, 0, 0),
                              NULL, r->attachment_ids, error);
}

static char *
item_state_json (const Item      *item,
                 LpItemCondition  condition,
                 LpItemStatus     status,
                 int              stock_available)
{
  return g_strdup_printf ("{\"id\":\"%s\",\"condition\":\"%s\",\"status\":\"%s\","
                          "\"stock_available\":%d}",
                          item->id, lp_item_condition_to_string (condition),
                          lp_item_status_to_string (status), stock_available);
}

/* The condition event: from the item's condition to the one found at this return. A
 * good return leaves nothing to repair, so its event is resolved at once. */
static gboolean
add_condition_event (LpRequest           *req,
                     PGconn              *conn,
                     const Loan          *loan,
                     const Item          *item,
                     const ReturnReport  *r,
                     GError             **error)
{
  g_autoptr(PGresult) res = NULL;
  gboolean nothing_to_repair = r->condition == LP_ITEM_CONDITION_GOOD;

  res = lp_db_query (conn, error,
                     "INSERT INTO item_condition_events (item_id, loan_id, source, condition_from,"
                     " condition_to, note, reported_by, resolved_at, resolved_by)"
                     " VALUES ($1, $2, 'return', $3, $4, coalesce(nullif(btrim($5), ''),"
                     " nullif(btrim($6), '')), $7::uuid, CASE WHEN $8::boolean THEN now() END,"
                     " CASE WHEN $8::boolean THEN $7::uuid END)",
                     item->id, loan->id, lp_item_condition_to_string (item->condition),
                     lp_item_condition_to_string (r->condition), r->damage_description,
                     r->staff_notes, lp_request_get_user_id (req),
                     nothing_to_repair ? "true" : "false");
  return res != NULL;
}

/* The units go back on the shelf whatever their condition (seed 002 §8). The item, one
 * row for all its units, takes the worse of its condition and the one found (the enum
 * runs from good to lost), and the status that follows from it (lp-enums.c). */
static gboolean
restock_item (LpRequest           *req,
              PGconn              *conn,
              const Loan          *loan,
              const Item          *item,
              const ReturnReport  *r,
              GError             **error)
{
  LpItemCondition condition = MAX (item->condition, (LpItemCondition) r->condition);
  LpItemStatus status = lp_item_status_after_return (r->condition, item->status);
  int stock_available = item->stock_available + loan->quantity;
  g_autofree char *units = int_text (loan->quantity);
  g_autofree char *old_json = item_state_json (item, item->condition, item->status,
                                               item->stock_available);
  g_autofree char *new_json = item_state_json (item, condition, status, stock_available);
  g_autoptr(PGresult) res = NULL;

  res = lp_db_query (conn, error,
                     "UPDATE items SET stock_available = stock_available + $2::int,"
                     " condition = $3, status = $4 WHERE id = $1",
                     item->id, units, lp_item_condition_to_string (condition),
                     lp_item_status_to_string (status));
  return res != NULL && add_condition_event (req, conn, loan, item, r, error) &&
         lp_activity_log (req, conn, "item.return", "items", item->id, old_json, new_json,
                          error);
}

/* A unit recorded as lost opens a complaint by itself, so someone follows it up. */
static gboolean
open_lost_complaint (LpRequest           *req,
                     PGconn              *conn,
                     const Loan          *loan,
                     const ReturnReport  *r,
                     GError             **error)
{
  g_autoptr(PGresult) res = NULL;

  res = lp_db_query (conn, error,
                     "INSERT INTO complaints (title, description, location, category_id, item_id,"
                     " reporter_id, is_system, loan_id)"
                     " SELECT format($2::text, i.name, l.code),"
                     " coalesce(nullif(btrim($3), ''),"
                     "  'Recorded as lost when the loan was returned.'),"
                     " i.location, i.category_id, i.id, NULL, true, l.id"
                     " FROM loans l JOIN items i ON i.id = l.item_id WHERE l.id = $1"
                     " RETURNING id, to_jsonb(complaints)",
                     loan->id, LOST_TITLE_FORMAT, r->damage_description);
  if (res == NULL)
    return FALSE;
  return lp_activity_log (req, conn, "complaint.create", "complaints", lp_db_get (res, 0, 0),
                          NULL, lp_db_get (res, 0, 1), error);
}

static gboolean
reply_returned (LpRequest   *req,
                PGconn      *conn,
                const Loan  *loan,
                GError     **error)
{
  g_autoptr(PGresult) res = lp_db_query (conn, error,
                                         "SELECT loan_json(l) FROM loans l WHERE l.id = $1",
                                         loan->id);

  return finish_change (req, conn, "loan.return", loan, res, error);
}

/* An approved loan that comes back was never marked as handed over: it is recorded as
 * handed over when it was approved, and the activity log says that the return did it. */
static gboolean
record_missed_handover (LpRequest   *req,
                        PGconn      *conn,
                        const Loan  *loan,
                        GError     **error)
{
  g_autoptr(PGresult) res = NULL;

  if (loan->status != LP_LOAN_STATUS_APPROVED)
    return TRUE;
  res = lp_db_query (conn, error,
                     "UPDATE loans SET status = 'borrowed',"
                     " handed_over_at = coalesce(decided_at, now())"
                     " WHERE id = $1 RETURNING json_build_object('status', 'borrowed',"
                     " 'handed_over_at', api_ts(handed_over_at),"
                     " 'note', 'Recorded by the return: the hand-over was not recorded.')::text",
                     loan->id);
  return res != NULL &&
         lp_activity_log (req, conn, "loan.handover", "loans", loan->id, loan->json,
                          lp_db_get (res, 0, 0), error);
}

/* POST /loans/{id}/return (the desk). */
static gboolean
return_loan (LpRequest  *req,
             PGconn     *conn,
             GError    **error)
{
  JsonObject *body = lp_request_get_json (req, error);
  g_auto(ReturnReport) r = { 0 };
  g_auto(Loan) loan = { 0 };
  g_auto(Item) item = { 0 };
  g_autofree char *returned_at = NULL;

  if (body == NULL || !read_return_report (body, &r, error) ||
      !lock_loan (req, conn, &loan, error) ||
      !check_transition (&loan, LP_LOAN_STATUS_RETURNED, error) ||
      !record_missed_handover (req, conn, &loan, error) ||
      !check_returned_at (conn, &loan, &r, &returned_at, error) ||
      !lock_item (conn, loan.item_id, &item, error) ||
      !record_return (req, conn, &loan, &r, returned_at, error) ||
      !restock_item (req, conn, &loan, &item, &r, error))
    return FALSE;
  if (r.condition == LP_ITEM_CONDITION_LOST && !open_lost_complaint (req, conn, &loan, &r, error))
    return FALSE;
  return reply_returned (req, conn, &loan, error);
}

/* ---------------------------------------------------------------------------------
 * Reading
 * --------------------------------------------------------------------------------- */

/* ?sort=: newest first (the default); oldest first, as the desk answers requests (first
 * come, first served); or due_date — the earliest due first, as the desk works through
 * the overdue loans and the ones waiting to be handed over. */
static const char *
loans_order (LpRequest  *req,
             GError    **error)
{
  const char *sort = lp_request_get_query (req, "sort");

  if (sort == NULL || *sort == '\0' || g_str_equal (sort, "newest"))
    return "created_at DESC, id DESC";
  if (g_str_equal (sort, "oldest"))
    return "created_at ASC, id ASC";
  if (g_str_equal (sort, "due_date"))
    return "due_date ASC, created_at ASC, id ASC";
  lp_validation_add (error, "sort", "must be newest, oldest or due_date");
  return NULL;
}

/* GET /loans: a member's own, the desk's all; ?from=&to= keep the loans whose dates
 * overlap that range; ?status= is the status a reader sees (overdue once past due);
 * ?member= names the borrower by username. */
static gboolean
list_loans (LpRequest  *req,
            PGconn     *conn,
            GError    **error)
{
  const char *status, *user_id, *item_id, *from, *to, *due_on, *order, *member;

  lp_request_get_enum_query (req, "status", LP_TYPE_LOAN_STATUS, &status, error);
  lp_request_get_date_query (req, "due_on", &due_on, error);
  lp_request_get_uuid_query (req, "user_id", &user_id, error);
  lp_request_get_uuid_query (req, "item_id", &item_id, error);
  lp_request_get_period (req, &from, &to, error);
  order = loans_order (req, error);
  if (*error != NULL)
    return FALSE;
  /* ?member= the borrower's username as the desk types it; empty is no filter. */
  member = lp_request_get_query (req, "member");
  if (member != NULL && *member == '\0')
    member = NULL;
  return lp_reply_page (req, conn,
                        "SELECT loan_json(l) AS j, l.created_at, l.id, l.due_date"
                        " FROM loans l JOIN items i ON i.id = l.item_id"
                        " JOIN users u ON u.id = l.user_id, library_today() AS today"
                        " WHERE ($1::uuid IS NULL OR l.user_id = $1::uuid)"
                        " AND ($2::uuid IS NULL OR l.user_id = $2::uuid)"
                        " AND ($3::uuid IS NULL OR l.item_id = $3::uuid)"
                        " AND ($4::text IS NULL"
                        "  OR loan_status_on(l.status, l.due_date, today) = $4)"
                        /* The same, in a form the index on status serves. */
                        " AND ($4::text IS NULL OR l.status = $4"
                        "  OR ($4 = 'overdue' AND l.status = 'borrowed'))"
                        " AND ($5::date IS NULL OR l.due_date >= $5::date)"
                        " AND ($6::date IS NULL OR l.start_date <= $6::date)"
                        " AND ($7::text IS NULL OR (l.code || ' ' || i.name || ' ' || u.username)"
                        "  ILIKE contains_pattern($7))"
                        " AND ($8::date IS NULL OR l.due_date = $8::date)"
                        " AND ($9::text IS NULL OR u.username = lower(btrim($9)))",
                        order, 9,
                        (const char *[]) { own_loans_only (req), user_id, item_id, status, from,
                                           to, lp_request_get_query (req, "q"), due_on, member },
                        error);
}

static gboolean
get_loan (LpRequest  *req,
          PGconn     *conn,
          GError    **error)
{
  return lp_reply_by_id_owned (req, conn,
                               "SELECT loan_json(l) FROM loans l WHERE l.id = $1"
                               " AND ($2::uuid IS NULL OR l.user_id = $2::uuid)",
                               own_loans_only (req), "No such loan", error);
}

/* GET /loans/by-code/{code}: the printed code, typed or scanned from the receipt's QR. */
static gboolean
get_loan_by_code (LpRequest  *req,
                  PGconn     *conn,
                  GError    **error)
{
  g_autofree char *code = g_ascii_strup (lp_request_get_param (req, "code"), -1);
  g_autoptr(PGresult) res = NULL;

  g_strstrip (code);
  res = lp_db_query (conn, error, "SELECT loan_json(l) FROM loans l WHERE l.code = $1", code);
  return lp_reply_row (req, 200, res, "No loan has this code", error);
}

/* ---------------------------------------------------------------------------------
 * Overdue
 * --------------------------------------------------------------------------------- */

/* borrowed → overdue (lp_loan_status_can_transition) once the due date is behind the
 * library's today; the one statement is its own transaction. */
void
lp_loans_mark_overdue (PGconn   *conn,
                       gpointer  user_data)
{
  static gint running;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;

  g_assert (lp_loan_status_can_transition (LP_LOAN_STATUS_BORROWED, LP_LOAN_STATUS_OVERDUE));

  if (conn == NULL || !g_atomic_int_compare_and_exchange (&running, 0, 1))
    return;
  res = lp_db_exec (conn,
                    "WITH due AS (SELECT id FROM loans"
                    "  WHERE status = 'borrowed' AND due_date < library_today()"
                    "  ORDER BY id FOR UPDATE SKIP LOCKED),"
                    " flipped AS (UPDATE loans l SET status = 'overdue' FROM due"
                    "  WHERE l.id = due.id RETURNING l.id, l.code, l.due_date),"
                    " logged AS (INSERT INTO activity_log (username, action, table_name,"
                    "  record_id, old_data, new_data)"
                    "  SELECT 'system', 'loan.overdue', 'loans', f.id::text,"
                    "  jsonb_build_object('id', f.id, 'code', f.code, 'status', 'borrowed'),"
                    "  jsonb_build_object('id', f.id, 'code', f.code, 'status', 'overdue',"
                    "   'due_date', f.due_date)"
                    "  FROM flipped f RETURNING 1)"
                    " SELECT count(*) FROM logged",
                    0, NULL, &error);
  if (res == NULL)
    g_message ("Marking overdue loans failed: %s", error->message);
  else if (lp_db_get_int (res, 0, 0) > 0)
    g_debug ("%" G_GINT64_FORMAT " loans became overdue", lp_db_get_int (res, 0, 0));
  g_atomic_int_set (&running, 0);
}

static const LpRoute loan_routes[] = {
  { "GET", "/api/v1/loans", LP_ROLES_USER, LP_ROUTE_READ_ONLY, list_loans },
  { "POST", "/api/v1/loans", LP_ROLE_MEMBER, LP_ROUTE_TRANSACTION, request_loan },
  { "GET", "/api/v1/loans/by-code/{code}", LP_ROLES_DESK, LP_ROUTE_READ_ONLY, get_loan_by_code },
  { "GET", "/api/v1/loans/{id}", LP_ROLES_USER, LP_ROUTE_READ_ONLY, get_loan },
  { "POST", "/api/v1/loans/{id}/approve", LP_ROLES_DESK, LP_ROUTE_TRANSACTION, approve_loan },
  { "POST", "/api/v1/loans/{id}/reject", LP_ROLES_DESK, LP_ROUTE_TRANSACTION, reject_loan },
  { "POST", "/api/v1/loans/{id}/cancel", LP_ROLES_USER, LP_ROUTE_TRANSACTION, cancel_loan },
  { "POST", "/api/v1/loans/{id}/handover", LP_ROLES_DESK, LP_ROUTE_TRANSACTION, hand_over_loan },
  { "POST", "/api/v1/loans/{id}/return", LP_ROLES_DESK, LP_ROUTE_TRANSACTION, return_loan },
};

LP_DEFINE_RESOURCE (loans, loan_routes)
