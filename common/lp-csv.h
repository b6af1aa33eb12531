/* lp-csv.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * CSV as spreadsheets read it: RFC 4180 (comma separated, CRLF after every row, the
 * header row included), UTF-8 without a byte order mark. Shared by the server's report
 * exports and the client's table exports, so both write the same files.
 *
 * A field is quoted when it holds a comma, a double quote, CR or LF; a double quote
 * inside is doubled. A field is never quoted otherwise, so a plain value reads back as
 * itself.
 *
 * Formula injection (OWASP "CSV injection"): a field whose first character is '=', '+',
 * '-', '@', TAB or CR would be run as a formula by Excel, LibreOffice or Google Sheets.
 * Such a field gets a single quote in front ("=1+1" becomes "'=1+1"), which spreadsheets
 * show as text and do not store. This applies to every field, numbers included, so write
 * only text that may be shown that way (our reports have no negative numbers).
 *
 * A NULL field is an empty cell. Text that is not valid UTF-8 has its bad bytes replaced
 * with U+FFFD, so the file is always valid UTF-8.
 */

/* Appends one field, escaped, without a separator. */
void   lp_csv_append_field (GString            *out,
                            const char         *value);

/* Appends a whole row: the fields separated by commas, then CRLF. */
void   lp_csv_append_row   (GString            *out,
                            const char * const *fields,
                            gsize               n_fields);

/* Returns: (transfer full): one field as lp_csv_append_field() writes it. */
char  *lp_csv_escape_field (const char         *value);

G_END_DECLS
