/* lp-validation.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Field validators, shared by the server (authoritative) and the client (early
 * feedback). Each returns NULL when the value is valid, or a static English message
 * marked N_(): the server sends it untranslated in the error body's "fields", the client
 * shows it through _(). A NULL string counts as empty; whether a field is optional is
 * the caller's decision (skip the validator when it is absent).
 */

#define LP_USERNAME_MIN_LENGTH  3
#define LP_USERNAME_MAX_LENGTH  32
#define LP_PASSWORD_MIN_LENGTH  8    /* characters */
#define LP_PASSWORD_MAX_LENGTH  72   /* bytes: bcrypt ignores everything past 72 */
#define LP_EMAIL_MAX_LENGTH     254
#define LP_ITEM_CODE_MIN_LENGTH 2
#define LP_ITEM_CODE_MAX_LENGTH 32
#define LP_YEAR_MIN             1000
#define LP_SCHOOL_NAME_MAX_LENGTH 120  /* two lines at the head of an 80 mm receipt */
#define LP_SCHOOL_ADDRESS_MAX_LENGTH 200  /* street and town, under the name */

/* Items and categories: the same limits in the item form, POST and PATCH /items and the
 * CSV import (characters, after trimming). */
#define LP_ITEM_NAME_MAX_CHARS        200
#define LP_ITEM_LOCATION_MAX_CHARS    100
#define LP_ITEM_DESCRIPTION_MAX_CHARS 4000
#define LP_ITEM_PERSON_MAX_CHARS      200   /* author, publisher */
#define LP_ITEM_ISBN_MAX_CHARS        32    /* ISBN-13 with hyphens or spaces */
#define LP_ITEM_STOCK_MAX             100000
#define LP_CATEGORY_NAME_MAX_CHARS    100

const char *lp_validate_username   (const char    *s);
const char *lp_validate_password   (const char    *password,
                                    const char    *username);
const char *lp_validate_email      (const char    *s);
const char *lp_validate_item_code  (const char    *s);
const char *lp_validate_text       (const char    *s,
                                    guint          min_chars,
                                    guint          max_chars,
                                    gboolean       multiline);
const char *lp_validate_isbn       (const char    *s);
const char *lp_validate_year       (gint64         year);
const char *lp_validate_quantity   (gint64         quantity,
                                    gint64         max);
const char *lp_validate_uuid       (const char    *s);
/* The school's address: at most LP_SCHOOL_ADDRESS_MAX_LENGTH characters in one or two
 * lines (one "\n" between them), after trimming; may be empty. */
const char *lp_validate_school_address (const char *s);

/* One text field of an item, by its API name: "code", "name" and "location" are
 * required, "description" may have several lines, "author", "publisher" and "isbn" may
 * be empty (an ISBN that is given must be a valid one). NULL for a valid value, and for
 * a field of another name. */
const char *lp_validate_item_text  (const char    *field,
                                    const char    *value);
/* "stock_total" or "year" as typed (a form's entry, a CSV cell): a whole number, white
 * space around it allowed; stock 0 to LP_ITEM_STOCK_MAX, a year as lp_validate_year()
 * wants it, or no year at all (empty: *@out is 0). *@out is set when valid. */
const char *lp_validate_item_number (const char   *field,
                                     const char   *text,
                                     gint64       *out);

/* Loan dates. Day counts are inclusive: a loan from Monday to the next Monday lasts 8
 * days and a same-day loan lasts 1. @max_days 0 means no limit. @today is the date in
 * the library's time zone. lp_validate_date_range() is the first failure of the two
 * others; use those to attach the message to the right field (start_date, due_date). */
const char *lp_validate_start_date (const GDate   *start,
                                    const GDate   *today);
const char *lp_validate_due_date   (const GDate   *start,
                                    const GDate   *due,
                                    guint          max_days);
const char *lp_validate_date_range (const GDate   *start,
                                    const GDate   *due,
                                    const GDate   *today,
                                    guint          max_days);

/* Strict YYYY-MM-DD, a real calendar date, year 1900..9999. @out may be NULL and is
 * left untouched on failure. */
gboolean    lp_parse_date          (const char    *s,
                                    GDate         *out);
/* RFC 3339: YYYY-MM-DD, 'T' (or 't' or ' ', RFC 3339 §5.6 note), hh:mm:ss, optional
 * fraction of 1 to 9 digits, 'Z' or ±hh:mm. @out (transfer full, converted to UTC) may
 * be NULL. */
gboolean    lp_parse_timestamp     (const char    *s,
                                    GDateTime    **out);
/* The API's formats: "2026-01-09", and UTC "2026-01-09T03:00:00Z" (microseconds are
 * written only when not zero). */
char       *lp_format_date         (const GDate   *date);
char       *lp_format_timestamp    (GDateTime     *timestamp);

/* Collects field errors into one LP_ERROR_VALIDATION_FAILED error, created on first
 * use. Unlike ordinary GError functions it may be called with *@error already set:
 * - *@error is NULL: a validation error is created with this field;
 * - *@error is a validation error: the field is added (the first message of a field
 *   wins, so "is required" is not replaced by a later, vaguer complaint);
 * - *@error is any other error (a 400, say): it is kept and the field is dropped.
 * @error may be NULL. */
void        lp_validation_add      (GError       **error,
                                    const char    *field,
                                    const char    *message);

G_END_DECLS
