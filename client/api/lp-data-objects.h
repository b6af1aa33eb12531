/* lp-data-objects.h — the API's data objects.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-api-object.h"

G_BEGIN_DECLS

/*
 * Each is a final LpApiObject whose properties are the members of its schema in
 * docs/openapi.json ("stock_total" is the property "stock-total"); lp-data-objects.c
 * declares them, one table per type, and lp-api-object.h says how they decode. They
 * share this file because they are declarations, not code.
 */

/* A reference to another object as a reply embeds it: an item's category, a loan's
 * item and borrower, a note's author. Each kind fills the members it has. */
#define LP_TYPE_REF_OBJECT (lp_ref_object_get_type ())
G_DECLARE_FINAL_TYPE (LpRefObject, lp_ref_object, LP, REF_OBJECT, LpApiObject)

/* A category of items. */
#define LP_TYPE_CATEGORY_OBJECT (lp_category_object_get_type ())
G_DECLARE_FINAL_TYPE (LpCategoryObject, lp_category_object, LP, CATEGORY_OBJECT, LpApiObject)

/* An account: a member, staff or an admin. */
#define LP_TYPE_USER_OBJECT (lp_user_object_get_type ())
G_DECLARE_FINAL_TYPE (LpUserObject, lp_user_object, LP, USER_OBJECT, LpApiObject)

/* A catalog item, with its category as a reference. An item made with g_object_new()
 * is a placeholder the paged model fills in place when its page arrives. */
#define LP_TYPE_ITEM_OBJECT (lp_item_object_get_type ())
G_DECLARE_FINAL_TYPE (LpItemObject, lp_item_object, LP, ITEM_OBJECT, LpApiObject)

/* The return of a loan: when, in what condition, the damage and the notes of the
 * inspection; in the list of returns also the loan, item and borrower it belongs to. */
#define LP_TYPE_RETURN_OBJECT (lp_return_object_get_type ())
G_DECLARE_FINAL_TYPE (LpReturnObject, lp_return_object, LP, RETURN_OBJECT, LpApiObject)

/* A loan from request to return: its item and borrower as references, and its return
 * once there is one. */
#define LP_TYPE_LOAN_OBJECT (lp_loan_object_get_type ())
G_DECLARE_FINAL_TYPE (LpLoanObject, lp_loan_object, LP, LOAN_OBJECT, LpApiObject)

/* A photo or document attached to a complaint or a return. */
#define LP_TYPE_ATTACHMENT_OBJECT (lp_attachment_object_get_type ())
G_DECLARE_FINAL_TYPE (LpAttachmentObject, lp_attachment_object, LP, ATTACHMENT_OBJECT, LpApiObject)

/* A change of an item's condition (a return, a report, a repair), and its resolution. */
#define LP_TYPE_CONDITION_EVENT_OBJECT (lp_condition_event_object_get_type ())
G_DECLARE_FINAL_TYPE (LpConditionEventObject, lp_condition_event_object, LP, CONDITION_EVENT_OBJECT, LpApiObject)

/* One entry of the activity log: who did what to which record, before and after. */
#define LP_TYPE_ACTIVITY_OBJECT (lp_activity_object_get_type ())
G_DECLARE_FINAL_TYPE (LpActivityObject, lp_activity_object, LP, ACTIVITY_OBJECT, LpApiObject)

/* A note on a complaint, and the change of status it recorded, if any. */
#define LP_TYPE_COMPLAINT_NOTE_OBJECT (lp_complaint_note_object_get_type ())
G_DECLARE_FINAL_TYPE (LpComplaintNoteObject, lp_complaint_note_object, LP, COMPLAINT_NOTE_OBJECT, LpApiObject)

/* A complaint: what, where, about which category or item, its status, and (in a
 * complaint's own reply) the notes of its handling. */
#define LP_TYPE_COMPLAINT_OBJECT (lp_complaint_object_get_type ())
G_DECLARE_FINAL_TYPE (LpComplaintObject, lp_complaint_object, LP, COMPLAINT_OBJECT, LpApiObject)

/* The library's settings: fines, the longest loan, the kiosk's idle time. */
#define LP_TYPE_SETTINGS_OBJECT (lp_settings_object_get_type ())
G_DECLARE_FINAL_TYPE (LpSettingsObject, lp_settings_object, LP, SETTINGS_OBJECT, LpApiObject)

/* A self-service kiosk an admin registered: where it stands, when a member last signed
 * in there, whether it was revoked. */
#define LP_TYPE_KIOSK_OBJECT (lp_kiosk_object_get_type ())
G_DECLARE_FINAL_TYPE (LpKioskObject, lp_kiosk_object, LP, KIOSK_OBJECT, LpApiObject)

G_END_DECLS
