/* lp-complaints.c — facilities complaints (SPEC §5): members and staff file them, the
 * desk moves them waiting → in_progress → done or closed (waiting → closed too) and adds
 * notes. Every status change is also a note. The JSON is rendered by complaint_json()
 * and complaint_detail_json() (data/sql/0006_complaints_reports.sql).
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-complaints"

#include "config.h"

#include "lp-resources.h"

#include "lp-attachments.h"
#include "lp-error.h"
#include "lp-json.h"
#include "lp-reply.h"
#include "lp-validation.h"

#define TITLE_MAX_CHARS       200
#define DESCRIPTION_MAX_CHARS 4000
#define LOCATION_MAX_CHARS    100
#define NOTE_MAX_CHARS        2000

typedef struct
{
  const char *title;
  const char *description;
  const char *location;
  const char *category_id;
  const char *item_id;
  GStrv       attachment_ids;
} ComplaintInput;

static void
complaint_input_clear (ComplaintInput *input)
{
  g_clear_pointer (&input->attachment_ids, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComplaintInput, complaint_input_clear)

/* A member reaches only their own complaints; the desk reaches all. */
static const char *
own_complaints_only (LpRequest *req)
{
  return lp_request_get_role (req) == LP_ROLE_MEMBER ? lp_request_get_user_id (req) : NULL;
}

static void
check_text (const char  *field,
            const char  *value,
            guint        max_chars,
            gboolean     multiline,
            GError     **error)
{
  const char *problem;

  if (value != NULL && (problem = lp_validate_text (value, 1, max_chars, multiline)) != NULL)
    lp_validation_add (error, field, problem);
}

static void
check_optional_id (const char  *field,
                   const char  *value,
                   GError     **error)
{
  if (value != NULL && lp_validate_uuid (value) != NULL)
    lp_validation_add (error, field, "This is not a valid identifier.");
}

/* {title, description, location, category_id?, item_id?, attachment_ids?}: every field
 * problem is reported at once. A complaint names what it is about: a category, an item
 * or both. */
static gboolean
read_complaint (JsonObject      *body,
                ComplaintInput  *input,
                GError         **error)
{
  lp_json_get_string (body, "title", TRUE, &input->title, error);
  lp_json_get_string (body, "description", TRUE, &input->description, error);
  lp_json_get_string (body, "location", TRUE, &input->location, error);
  lp_json_get_string (body, "category_id", FALSE, &input->category_id, error);
  lp_json_get_string (body, "item_id", FALSE, &input->item_id, error);
  lp_json_get_string_array (body, "attachment_ids", FALSE, &input->attachment_ids, error);
  check_text ("title", input->title, TITLE_MAX_CHARS, FALSE, error);
  check_text ("description", input->description, DESCRIPTION_MAX_CHARS, TRUE, error);
  check_text ("location", input->location, LOCATION_MAX_CHARS, FALSE, error);
  check_optional_id ("category_id", input->category_id, error);
  check_optional_id ("item_id", input->item_id, error);
  if (input->category_id == NULL && input->item_id == NULL)
    lp_validation_add (error, "category_id", "Name a category or an item.");
  if (input->attachment_ids != NULL)
    lp_attachments_check_ids (input->attachment_ids, error);
  return *error == NULL;
}

/* The category and the item named must exist. */
static gboolean
check_references (PGconn                *conn,
                  const ComplaintInput  *input,
                  GError               **error)
{
  g_autoptr(PGresult) res = lp_db_query (conn, error,
                                         "SELECT $1::uuid IS NULL OR EXISTS (SELECT 1"
                                         "  FROM categories WHERE id = $1::uuid),"
                                         " $2::uuid IS NULL OR EXISTS (SELECT 1"
                                         "  FROM items WHERE id = $2::uuid)",
                                         input->category_id, input->item_id);

  if (res == NULL)
    return FALSE;
  if (!lp_db_get_bool (res, 0, 0))
    lp_validation_add (error, "category_id", "No such category.");
  if (!lp_db_get_bool (res, 0, 1))
    lp_validation_add (error, "item_id", "No such item.");
  return *error == NULL;
}

/* POST /complaints: the reporter and the time come from the server, the status is
 * waiting. Naming only an item files the complaint under the item's category. */
static gboolean
create_complaint (LpRequest  *req,
                  PGconn     *conn,
                  GError    **error)
{
  JsonObject *body = lp_request_get_json (req, error);
  g_auto(ComplaintInput) input = { 0 };
  g_autoptr(PGresult) inserted = NULL;
  g_autoptr(PGresult) res = NULL;
  const char *id;

  if (body == NULL || !read_complaint (body, &input, error) ||
      !check_references (conn, &input, error))
    return FALSE;
  inserted = lp_db_query (conn, error,
                        "INSERT INTO complaints (title, description, location, category_id,"
                        " item_id, reporter_id) VALUES (btrim($1), btrim($2), btrim($3),"
                        " coalesce($4::uuid, (SELECT category_id FROM items WHERE id = $5::uuid)),"
                        " $5::uuid, $6::uuid) RETURNING id",
                        input.title, input.description, input.location, input.category_id,
                        input.item_id, lp_request_get_user_id (req));
  if (inserted == NULL)
    return FALSE;
  id = lp_db_get (inserted, 0, 0);
  if (!lp_attachments_link (conn, LP_ATTACHMENTS_OF_COMPLAINT, id, lp_request_get_user_id (req),
                            input.attachment_ids, error))
    return FALSE;
  res = lp_db_query (conn, error,
                     "SELECT complaint_detail_json(c), complaint_json(c)::text, c.id"
                     " FROM complaints c WHERE c.id = $1",
                     id);
  return res != NULL &&
         lp_activity_log (req, conn, "complaint.create", "complaints", lp_db_get (res, 0, 2),
                          NULL, lp_db_get (res, 0, 1), error) &&
         lp_reply_row (req, 201, res, "", error);
}

/* GET /complaints, newest first (?order=oldest: the desk answers the longest waiting
 * first): ?status=, ?q= (title, description, location). */
static gboolean
list_complaints (LpRequest  *req,
                 PGconn     *conn,
                 GError    **error)
{
  const char *status;
  const char *order = lp_request_get_query (req, "order");

  if (!lp_request_get_enum_query (req, "status", LP_TYPE_COMPLAINT_STATUS, &status, error))
    return FALSE;
  if (order != NULL && g_strcmp0 (order, "oldest") != 0 && g_strcmp0 (order, "newest") != 0)
    {
      lp_validation_add (error, "order", "Must be oldest or newest.");
      return FALSE;
    }
  return lp_reply_page (req, conn,
                        "SELECT complaint_json(c) AS j, c.created_at, c.id FROM complaints c"
                        " WHERE ($1::uuid IS NULL OR c.reporter_id = $1::uuid)"
                        " AND ($2::text IS NULL OR c.status = $2)"
                        " AND ($3::text IS NULL OR"
                        "  (c.title || ' ' || c.description || ' ' || c.location)"
                        "  ILIKE contains_pattern($3))",
                        g_strcmp0 (order, "oldest") == 0 ? "created_at ASC, id ASC"
                                                         : "created_at DESC, id DESC", 3,
                        (const char *[]) { own_complaints_only (req), status,
                                           lp_request_get_query (req, "q") },
                        error);
}

/* GET /complaints/{id}: with its notes; another member's complaint is 404. */
static gboolean
get_complaint (LpRequest  *req,
               PGconn     *conn,
               GError    **error)
{
  return lp_reply_by_id_owned (req, conn,
                               "SELECT complaint_detail_json(c) FROM complaints c WHERE c.id = $1"
                               " AND ($2::uuid IS NULL OR c.reporter_id = $2::uuid)",
                               own_complaints_only (req), "No such complaint", error);
}

/* Locks the complaint for a change. Columns: 0 status, 1 complaint_json() before it. */
static PGresult *
lock_complaint (PGconn      *conn,
                const char  *id,
                GError     **error)
{
  PGresult *res = lp_db_query (conn, error,
                               "SELECT c.status, complaint_json(c)::text FROM complaints c"
                               " WHERE c.id = $1 FOR UPDATE",
                               id);

  return lp_db_expect_row (res, "No such complaint", error);
}

static gboolean
check_transition (const char         *current,
                  LpComplaintStatus   to,
                  GError            **error)
{
  LpComplaintStatus from;

  if (lp_complaint_status_from_string (current, &from) &&
      lp_complaint_status_can_transition (from, to))
    return TRUE;
  g_set_error (error, LP_ERROR, LP_ERROR_INVALID_TRANSITION,
               "A complaint that is %s cannot become %s", current,
               lp_complaint_status_to_string (to));
  return FALSE;
}

static gboolean
read_status_change (LpRequest   *req,
                    int         *status,
                    const char **note,
                    GError     **error)
{
  JsonObject *body = lp_request_get_json (req, error);
  const char *problem;

  if (body == NULL)
    return FALSE;
  *note = NULL;
  lp_json_get_enum (body, "status", TRUE, LP_TYPE_COMPLAINT_STATUS, status, error);
  if (lp_json_get_string (body, "note", FALSE, note, error) && *note != NULL &&
      (problem = lp_validate_text (*note, 0, NOTE_MAX_CHARS, TRUE)) != NULL)
    lp_validation_add (error, "note", problem);
  return *error == NULL;
}

/* POST /complaints/{id}/status {status, note?}: only the allowed steps (409
 * invalid_transition otherwise, the same status included); the change is a note. */
static gboolean
change_status (LpRequest  *req,
               PGconn     *conn,
               GError    **error)
{
  g_autoptr(PGresult) old = NULL;
  g_autoptr(PGresult) res = NULL;
  const char *id, *note, *to_text;
  int to = 0;

  if (!lp_request_get_id (req, "id", &id, error) || !read_status_change (req, &to, &note, error) ||
      (old = lock_complaint (conn, id, error)) == NULL ||
      !check_transition (lp_db_get (old, 0, 0), to, error))
    return FALSE;
  to_text = lp_complaint_status_to_string (to);
  res = lp_db_query (conn, error,
                     "WITH noted AS (INSERT INTO complaint_notes (complaint_id, author_id, text,"
                     "  status_from, status_to) VALUES ($1, $2::uuid, coalesce(btrim($3), ''),"
                     "  $4, $5))"
                     " UPDATE complaints SET status = $5 WHERE id = $1",
                     id, lp_request_get_user_id (req), note, lp_db_get (old, 0, 0), to_text);
  if (res == NULL)
    return FALSE;
  /* Read back in a statement of its own: a RETURNING list would not see the note. */
  g_clear_pointer (&res, PQclear);
  res = lp_db_query (conn, error,
                     "SELECT complaint_detail_json(c), complaint_json(c)::text"
                     " FROM complaints c WHERE c.id = $1", id);
  return res != NULL &&
         lp_activity_log (req, conn, "complaint.status", "complaints", id,
                          lp_db_get (old, 0, 1), lp_db_get (res, 0, 1), error) &&
         lp_reply_row (req, 200, res, "No such complaint", error);
}

/* POST /complaints/{id}/notes {text}: at any status. The complaint's updated_at moves
 * too, so that clients watching it hear of the note. */
static gboolean
add_note (LpRequest  *req,
          PGconn     *conn,
          GError    **error)
{
  JsonObject *body = NULL;
  g_autoptr(PGresult) old = NULL;
  g_autoptr(PGresult) res = NULL;
  const char *id, *text = NULL;

  if (!lp_request_get_id (req, "id", &id, error) ||
      (body = lp_request_get_json (req, error)) == NULL)
    return FALSE;
  lp_json_get_string (body, "text", TRUE, &text, error);
  check_text ("text", text, NOTE_MAX_CHARS, TRUE, error);
  if (*error != NULL || (old = lock_complaint (conn, id, error)) == NULL)
    return FALSE;
  res = lp_db_query (conn, error,
                     "WITH touched AS (UPDATE complaints SET updated_at = now() WHERE id = $1)"
                     " INSERT INTO complaint_notes (complaint_id, author_id, text)"
                     " VALUES ($1, $2::uuid, btrim($3))"
                     " RETURNING complaint_note_json(complaint_notes), id",
                     id, lp_request_get_user_id (req), text);
  return res != NULL &&
         lp_activity_log (req, conn, "complaint.note", "complaint_notes", lp_db_get (res, 0, 1),
                          NULL, lp_db_get (res, 0, 0), error) &&
         lp_reply_row (req, 201, res, "", error);
}

static const LpRoute complaint_routes[] = {
  { "GET", "/api/v1/complaints", LP_ROLES_USER, LP_ROUTE_READ_ONLY, list_complaints },
  { "POST", "/api/v1/complaints", LP_ROLE_MEMBER | LP_ROLE_STAFF, LP_ROUTE_TRANSACTION,
    create_complaint },
  { "GET", "/api/v1/complaints/{id}", LP_ROLES_USER, LP_ROUTE_READ_ONLY, get_complaint },
  { "POST", "/api/v1/complaints/{id}/status", LP_ROLES_DESK, LP_ROUTE_TRANSACTION,
    change_status },
  { "POST", "/api/v1/complaints/{id}/notes", LP_ROLES_DESK, LP_ROUTE_TRANSACTION, add_note },
};

LP_DEFINE_RESOURCE (complaints, complaint_routes)
