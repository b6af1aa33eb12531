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

/*
 * Reading: what spreadsheets write, RFC 4180 and the usual liberties. The separator is
 * a comma or, as spreadsheets in locales with a decimal comma (Indonesian among them)
 * write it, a semicolon; lp_csv_detect_separator() tells them apart from the header
 * line. Rows end with CRLF, LF or a lone CR; a quoted field may hold separators, line
 * breaks (kept as they are) and doubled quotes. A quote inside an unquoted field is
 * taken as it is; after a closing quote only a separator or the end of the row may
 * follow. A UTF-8 byte order mark at the start is skipped. Lines with nothing on them
 * are skipped. Bytes are read as they are: check the encoding first (g_utf8_validate).
 *
 * Nothing is unescaped for formulas: "'=1+1" reads back as "'=1+1".
 */
#define LP_CSV_ERROR (lp_csv_error_quark ())

typedef enum
{
  LP_CSV_ERROR_UNCLOSED_QUOTE,   /* a quoted field runs to the end of the data */
  LP_CSV_ERROR_STRAY_QUOTE,      /* something follows a closing quote */
} LpCsvError;

typedef struct _LpCsvReader LpCsvReader;

GQuark        lp_csv_error_quark          (void);

/* ';' when the first line (outside quotes) has more semicolons than commas, else ','. */
char          lp_csv_detect_separator     (const char   *data,
                                           gsize         length);

/* Reads @data, which must outlive the reader. @separator 0 detects it. */
LpCsvReader  *lp_csv_reader_new           (const char   *data,
                                           gsize         length,
                                           char          separator);
void          lp_csv_reader_free          (LpCsvReader  *reader);
char          lp_csv_reader_get_separator (LpCsvReader  *reader);
/* Returns: (transfer full): the next row's fields, or NULL at the end of the data (no
 * error) or at a malformed row (@error set, its message naming the line; reading stops
 * there). *@line (may be NULL) is the line the row starts on, counting from 1. */
GStrv         lp_csv_reader_next_row      (LpCsvReader  *reader,
                                           guint        *line,
                                           GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpCsvReader, lp_csv_reader_free)

G_END_DECLS
