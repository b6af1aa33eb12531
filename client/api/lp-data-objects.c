/* lp-data-objects.c — the members of each data object, as in docs/openapi.json.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-data-objects.h"

#include "lp-enums.h"

#define N LP_API_NULLABLE

LP_API_OBJECT_DEFINE (LpRefObject, lp_ref_object,
  lp_api_param_string ("id", 0),
  lp_api_param_string ("code", N),
  lp_api_param_string ("name", N),
  lp_api_param_string ("username", N),
  lp_api_param_string ("full-name", N))

LP_API_OBJECT_DEFINE (LpCategoryObject, lp_category_object,
  lp_api_param_string ("id", 0),
  lp_api_param_string ("name", 0),
  lp_api_param_string ("description", N),
  lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, N),
  lp_api_param_boxed ("updated-at", G_TYPE_DATE_TIME, N))

LP_API_OBJECT_DEFINE (LpUserObject, lp_user_object,
  lp_api_param_string ("id", 0),
  lp_api_param_string ("username", 0),
  lp_api_param_enum ("role", LP_TYPE_ROLE, 0),
  lp_api_param_string ("full-name", 0),
  lp_api_param_string ("email", N),
  lp_api_param_boolean ("active", 0),
  lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, 0),
  lp_api_param_boxed ("updated-at", G_TYPE_DATE_TIME, 0))

LP_API_OBJECT_DEFINE (LpItemObject, lp_item_object,
  lp_api_param_string ("id", 0),
  lp_api_param_string ("code", 0),
  lp_api_param_string ("name", 0),
  lp_api_param_string ("category-id", 0),
  lp_api_param_object ("category", LP_TYPE_REF_OBJECT, N),
  lp_api_param_string ("location", 0),
  lp_api_param_int ("stock-total", 0, G_MAXINT32, 0),
  lp_api_param_int ("stock-available", 0, G_MAXINT32, 0),
  lp_api_param_enum ("condition", LP_TYPE_ITEM_CONDITION, 0),
  lp_api_param_enum ("status", LP_TYPE_ITEM_STATUS, 0),
  lp_api_param_boolean ("borrowable", N),
  lp_api_param_string ("description", N),
  lp_api_param_string ("author", N),
  lp_api_param_string ("publisher", N),
  lp_api_param_int ("year", 0, 9999, N),
  lp_api_param_string ("isbn", N),
  lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, N),
  lp_api_param_boxed ("updated-at", G_TYPE_DATE_TIME, N))

LP_API_OBJECT_DEFINE (LpReturnObject, lp_return_object,
  lp_api_param_string ("id", 0),
  lp_api_param_string ("loan-id", 0),
  lp_api_param_boxed ("returned-at", G_TYPE_DATE_TIME, 0),
  lp_api_param_enum ("condition", LP_TYPE_ITEM_CONDITION, 0),
  lp_api_param_string ("damage-description", N),
  lp_api_param_enum ("damage-category", LP_TYPE_DAMAGE_CATEGORY, N),
  lp_api_param_string ("staff-notes", N),
  lp_api_param_string ("inspected-by", N),
  lp_api_param_boxed ("attachment-ids", G_TYPE_STRV, N),
  lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, 0),
  lp_api_param_object ("loan", LP_TYPE_REF_OBJECT, N),
  lp_api_param_object ("item", LP_TYPE_REF_OBJECT, N),
  lp_api_param_object ("user", LP_TYPE_REF_OBJECT, N))

LP_API_OBJECT_DEFINE (LpLoanObject, lp_loan_object,
  lp_api_param_string ("id", 0),
  lp_api_param_string ("code", 0),
  lp_api_param_string ("user-id", 0),
  lp_api_param_string ("item-id", 0),
  lp_api_param_int ("quantity", 1, G_MAXINT32, 0),
  lp_api_param_boxed ("start-date", G_TYPE_DATE, 0),
  lp_api_param_boxed ("due-date", G_TYPE_DATE, 0),
  lp_api_param_string ("purpose", 0),
  lp_api_param_enum ("status", LP_TYPE_LOAN_STATUS, 0),
  lp_api_param_string ("decided-by", N),
  lp_api_param_boxed ("decided-at", G_TYPE_DATE_TIME, N),
  lp_api_param_string ("decision-reason", N),
  lp_api_param_boxed ("handed-over-at", G_TYPE_DATE_TIME, N),
  lp_api_param_boxed ("returned-at", G_TYPE_DATE_TIME, N),
  lp_api_param_int64 ("fine", 0),
  lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, 0),
  lp_api_param_boxed ("updated-at", G_TYPE_DATE_TIME, 0),
  lp_api_param_object ("item", LP_TYPE_REF_OBJECT, N),
  lp_api_param_object ("user", LP_TYPE_REF_OBJECT, N),
  lp_api_param_object ("decider", LP_TYPE_REF_OBJECT, N),
  /* Pending requests: [{"date", "free"}] of the days they no longer fit, [] if they do. */
  lp_api_param_boxed ("conflicts", JSON_TYPE_NODE, N),
  lp_api_param_object ("return", LP_TYPE_RETURN_OBJECT, N),
  lp_api_param_string ("complaint-id", N))

LP_API_OBJECT_DEFINE (LpAttachmentObject, lp_attachment_object,
  lp_api_param_string ("id", 0),
  lp_api_param_string ("content-type", 0),
  lp_api_param_int64 ("size", 0),
  lp_api_param_string ("uploader-id", N),
  lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, 0))

LP_API_OBJECT_DEFINE (LpConditionEventObject, lp_condition_event_object,
  lp_api_param_string ("id", 0),
  lp_api_param_string ("item-id", 0),
  lp_api_param_string ("loan-id", N),
  lp_api_param_string ("loan-code", N),
  lp_api_param_string ("source", 0),
  lp_api_param_enum ("condition-from", LP_TYPE_ITEM_CONDITION, 0),
  lp_api_param_enum ("condition-to", LP_TYPE_ITEM_CONDITION, 0),
  lp_api_param_string ("note", N),
  lp_api_param_object ("reported-by", LP_TYPE_REF_OBJECT, N),
  lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, 0),
  lp_api_param_boolean ("resolved", 0),
  lp_api_param_boxed ("resolved-at", G_TYPE_DATE_TIME, N),
  lp_api_param_object ("resolved-by", LP_TYPE_REF_OBJECT, N),
  lp_api_param_string ("resolution-note", N))

LP_API_OBJECT_DEFINE (LpActivityObject, lp_activity_object,
  lp_api_param_int64 ("id", 0),
  lp_api_param_string ("user-id", N),
  lp_api_param_string ("username", N),
  lp_api_param_string ("action", 0),
  lp_api_param_string ("table-name", N),
  lp_api_param_string ("record-id", N),
  lp_api_param_boxed ("old-data", JSON_TYPE_NODE, N),
  lp_api_param_boxed ("new-data", JSON_TYPE_NODE, N),
  lp_api_param_string ("ip-address", N),
  lp_api_param_string ("user-agent", N),
  lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, 0))

LP_API_OBJECT_DEFINE (LpComplaintNoteObject, lp_complaint_note_object,
  lp_api_param_string ("id", 0),
  lp_api_param_string ("complaint-id", 0),
  lp_api_param_object ("author", LP_TYPE_REF_OBJECT, N),
  lp_api_param_string ("text", 0),
  lp_api_param_enum ("status-from", LP_TYPE_COMPLAINT_STATUS, N),
  lp_api_param_enum ("status-to", LP_TYPE_COMPLAINT_STATUS, N),
  lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, 0))

LP_API_OBJECT_DEFINE (LpComplaintObject, lp_complaint_object,
  lp_api_param_string ("id", 0),
  lp_api_param_string ("title", 0),
  lp_api_param_string ("description", 0),
  lp_api_param_string ("location", 0),
  lp_api_param_string ("category-id", N),
  lp_api_param_string ("item-id", N),
  lp_api_param_string ("reporter-id", N),
  lp_api_param_enum ("status", LP_TYPE_COMPLAINT_STATUS, 0),
  lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, 0),
  lp_api_param_boxed ("updated-at", G_TYPE_DATE_TIME, 0),
  lp_api_param_string ("loan-id", N),
  lp_api_param_boolean ("is-system", N),
  lp_api_param_boxed ("attachment-ids", G_TYPE_STRV, N),
  lp_api_param_object ("category", LP_TYPE_REF_OBJECT, N),
  lp_api_param_object ("item", LP_TYPE_REF_OBJECT, N),
  lp_api_param_object ("reporter", LP_TYPE_REF_OBJECT, N),
  lp_api_param_string ("loan-code", N),
  lp_api_param_list ("notes", LP_TYPE_COMPLAINT_NOTE_OBJECT, N))

LP_API_OBJECT_DEFINE (LpSettingsObject, lp_settings_object,
  lp_api_param_int ("fine-per-day", 0, G_MAXINT32, 0),
  lp_api_param_string ("timezone", 0),
  lp_api_param_int ("max-loan-days", 1, G_MAXINT32, 0),
  lp_api_param_int ("kiosk-idle-seconds", 0, G_MAXINT32, 0),
  /* Absent from servers older than the school name (migration 0010). */
  lp_api_param_string ("school-name", N),
  /* One or two lines ("\n" between them); absent before migration 0014. */
  lp_api_param_string ("school-address", N),
  lp_api_param_boxed ("updated-at", G_TYPE_DATE_TIME, N))

LP_API_OBJECT_DEFINE (LpKioskObject, lp_kiosk_object,
  lp_api_param_string ("id", 0),
  lp_api_param_string ("name", 0),
  lp_api_param_string ("location", 0),
  lp_api_param_boxed ("created-at", G_TYPE_DATE_TIME, 0),
  lp_api_param_boxed ("last-login-at", G_TYPE_DATE_TIME, N),
  lp_api_param_boxed ("revoked-at", G_TYPE_DATE_TIME, N))
