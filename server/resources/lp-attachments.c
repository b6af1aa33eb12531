/* lp-attachments.c — photos (PNG, JPEG, WebP up to 5 MiB) for returns and complaints,
 * stored in PostgreSQL so that a backup holds everything.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-attachments"

#include "config.h"

#include "lp-resources.h"
#include "lp-attachments.h"

#include "lp-error.h"
#include "lp-reply.h"
#include "lp-validation.h"

#include <string.h>

typedef struct
{
  const char *content_type;
  gsize       offset;
  const char *magic;
  gsize       length;
} Signature;

/* The first bytes of each accepted format. WebP is "RIFF", a 4-byte size, "WEBP". */
static const Signature signatures[] = {
  { "image/png", 0, "\x89PNG\r\n\x1a\n", 8 },
  { "image/jpeg", 0, "\xff\xd8\xff", 3 },
  { "image/webp", 0, "RIFF", 4 },
  { "image/webp", 8, "WEBP", 4 },
};

static gboolean
has_signature (const guint8 *data,
               gsize         size,
               const char   *content_type)
{
  gboolean known = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (signatures); i++)
    {
      const Signature *s = &signatures[i];

      if (!g_str_equal (s->content_type, content_type))
        continue;
      known = TRUE;
      if (size < s->offset + s->length || memcmp (data + s->offset, s->magic, s->length) != 0)
        return FALSE;
    }
  return known;
}

/* The declared type without parameters, in lower case. */
static char *
declared_type (LpRequest *req)
{
  const char *header = lp_request_get_header (req, "Content-Type");
  g_autofree char *type = NULL;

  if (header == NULL)
    return NULL;
  type = g_strndup (header, strcspn (header, ";"));
  return g_ascii_strdown (g_strstrip (type), -1);
}

/* The body must be what its Content-Type says, checked by its magic bytes, so a renamed
 * text file is refused. */
static const char *
check_image (LpRequest   *req,
             const char  *type,
             GError     **error)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (lp_request_get_body (req), &size);

  if (type != NULL && has_signature (data, size, type))
    return type;
  g_set_error_literal (error, LP_ERROR, LP_ERROR_UNSUPPORTED_MEDIA_TYPE,
                       "Upload a PNG, JPEG or WebP image, sent with its own Content-Type");
  return NULL;
}

static gboolean
upload_attachment (LpRequest  *req,
                   PGconn     *conn,
                   GError    **error)
{
  g_autofree char *type = declared_type (req);
  GBytes *body = lp_request_get_body (req);
  g_autoptr(PGresult) res = NULL;
  const char *values[3];
  int lengths[3] = { 0, 0, (int) g_bytes_get_size (body) };
  int formats[3] = { 0, 0, 1 };

  if (check_image (req, type, error) == NULL)
    return FALSE;
  values[0] = lp_request_get_user_id (req);
  values[1] = type;
  values[2] = g_bytes_get_data (body, NULL);
  res = lp_db_exec_params (conn,
                           "INSERT INTO attachments (uploader_id, content_type, size, data, sha256)"
                           " VALUES ($1, $2, octet_length($3::bytea), $3::bytea, sha256($3::bytea))"
                           " RETURNING attachment_json(attachments), id",
                           3, values, lengths, formats, 0, error);
  if (res == NULL)
    return FALSE;
  return lp_activity_log (req, conn, "attachment.create", "attachments", lp_db_get (res, 0, 1),
                          NULL, lp_db_get (res, 0, 0), error) &&
         lp_reply_row (req, 201, res, "", error);
}

/* The uploader and the desk may see a photo; anyone else gets 404. The bytes come back
 * in binary and are sent without a copy: the reply holds the PGresult. */
static gboolean
get_attachment (LpRequest  *req,
                PGconn     *conn,
                GError    **error)
{
  const char *id;
  const char *own = lp_request_get_role (req) == LP_ROLE_MEMBER ? lp_request_get_user_id (req)
                                                                 : NULL;
  g_autoptr(PGresult) res = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *type = NULL;
  const char *data;
  gsize size;

  if (!lp_request_get_id (req, "id", &id, error))
    return FALSE;
  res = lp_db_exec_params (conn,
                           "SELECT content_type, data FROM attachments WHERE id = $1"
                           " AND ($2::uuid IS NULL OR uploader_id = $2::uuid)",
                           2, (const char *[]) { id, own }, NULL, NULL, 1, error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0)
    {
      g_set_error_literal (error, LP_ERROR, LP_ERROR_NOT_FOUND, "No such attachment");
      return FALSE;
    }
  type = g_strdup (PQgetvalue (res, 0, 0));
  data = PQgetvalue (res, 0, 1);
  size = (gsize) PQgetlength (res, 0, 1);
  bytes = g_bytes_new_with_free_func (data, size, (GDestroyNotify) PQclear,
                                      g_steal_pointer (&res));
  lp_request_add_header (req, "X-Content-Type-Options", "nosniff");
  lp_request_add_header (req, "Cache-Control", "private, max-age=86400");
  lp_request_reply_bytes (req, 200, type, bytes);
  return TRUE;
}

/* Checks a request's attachment_ids (returns, complaints): a few photos, each a valid id
 * and none twice. Whether they exist and belong to the caller is the caller's query. */
void
lp_attachments_check_ids (GStrv    ids,
                          GError **error)
{
  guint n = g_strv_length (ids);

  if (n > LP_MAX_ATTACHMENTS)
    lp_validation_add (error, "attachment_ids", "Attach at most 10 photos.");
  for (guint i = 0; i < n; i++)
    {
      if (lp_validate_uuid (ids[i]) != NULL)
        lp_validation_add (error, "attachment_ids", "This is not a valid identifier.");
      for (guint j = 0; j < i; j++)
        if (g_ascii_strcasecmp (ids[i], ids[j]) == 0)
          lp_validation_add (error, "attachment_ids", "An attachment is listed twice.");
    }
}

static const char * const link_sql[] = {
  [LP_ATTACHMENTS_OF_COMPLAINT] =
    "INSERT INTO complaint_attachments (complaint_id, attachment_id)"
    " SELECT $1, a.id FROM attachments a"
    " WHERE a.id = ANY (string_to_array($2, ',')::uuid[])"
    " AND ($3::uuid IS NULL OR a.uploader_id = $3::uuid)"
    " AND NOT EXISTS (SELECT 1 FROM return_attachments r WHERE r.attachment_id = a.id)"
    " ON CONFLICT DO NOTHING RETURNING attachment_id",
  [LP_ATTACHMENTS_OF_RETURN] =
    "INSERT INTO return_attachments (return_id, attachment_id)"
    " SELECT $1, a.id FROM attachments a"
    " WHERE a.id = ANY (string_to_array($2, ',')::uuid[])"
    " AND ($3::uuid IS NULL OR a.uploader_id = $3::uuid)"
    " AND NOT EXISTS (SELECT 1 FROM complaint_attachments c WHERE c.attachment_id = a.id)"
    " ON CONFLICT DO NOTHING RETURNING attachment_id",
};

static const char * const link_problem[] = {
  [LP_ATTACHMENTS_OF_COMPLAINT] =
    "A photo does not exist, is not your upload or belongs to another record.",
  [LP_ATTACHMENTS_OF_RETURN] =
    "An attachment does not exist or already belongs to another record.",
};

gboolean
lp_attachments_link (PGconn           *conn,
                     LpAttachmentsOf   of,
                     const char       *record_id,
                     const char       *uploader_id,
                     GStrv             ids,
                     GError          **error)
{
  g_autofree char *list = NULL;
  g_autoptr(PGresult) res = NULL;

  if (ids == NULL || ids[0] == NULL)
    return TRUE;
  list = g_strjoinv (",", ids);
  res = lp_db_query (conn, error, link_sql[of], record_id, list, uploader_id);
  if (res == NULL)
    return FALSE;
  if ((guint) PQntuples (res) == g_strv_length (ids))
    return TRUE;
  lp_validation_add (error, "attachment_ids", link_problem[of]);
  return FALSE;
}

static const LpRoute attachment_routes[] = {
  { "POST", "/api/v1/attachments", LP_ROLES_USER, LP_ROUTE_TRANSACTION | LP_ROUTE_RAW_BODY,
    upload_attachment },
  { "GET", "/api/v1/attachments/{id}", LP_ROLES_USER, LP_ROUTE_READ_ONLY, get_attachment },
};

LP_DEFINE_RESOURCE (attachments, attachment_routes)
