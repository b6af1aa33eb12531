/* lp-attachments.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libpq-fe.h>
#include <glib.h>

G_BEGIN_DECLS

#define LP_MAX_ATTACHMENTS 10

typedef enum
{
  LP_ATTACHMENTS_OF_COMPLAINT,
  LP_ATTACHMENTS_OF_RETURN,
} LpAttachmentsOf;

void     lp_attachments_check_ids (GStrv             ids,
                                   GError          **error);
/* Links the photos @ids (none: nothing to do) to the complaint or return @record_id.
 * Each must exist, belong to no other record and, with @uploader_id, be that user's own
 * upload; otherwise 422 on attachment_ids. */
gboolean lp_attachments_link      (PGconn           *conn,
                                   LpAttachmentsOf   of,
                                   const char       *record_id,
                                   const char       *uploader_id,
                                   GStrv             ids,
                                   GError          **error);

G_END_DECLS
