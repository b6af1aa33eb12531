/* lp-items-import.c — POST /items/import: a school's catalog from a spreadsheet.
 *
 * The file is a CSV (common/lp-csv.h: comma or semicolon, as the header line says) whose
 * header row names item fields; the category goes by its name. Every cell is checked by
 * the rules POST /items uses (common/lp-validation.h), every row against the database
 * (codes already taken, categories, units out on loan), and every problem of the file is
 * reported at once, by line. Only a file without problems is written, in the one
 * transaction of the request: all its rows or none.
 *
 * The rows are parsed and checked in C and written with one statement each for the new
 * and the updated items, their columns passed as arrays (unnest), so forty thousand
 * rows cost a handful of round trips. The write announces itself as one change of the
 * whole catalog rather than one event per row (data/sql/0012_items_import.sql).
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-items-import"

#include "config.h"

#include "lp-resources.h"

#include "lp-csv.h"
#include "lp-error.h"
#include "lp-json.h"
#include "lp-reply.h"
#include "lp-validation.h"

#include <string.h>

/* Problems listed at most; the message counts the rows that have them. */
#define MAX_PROBLEMS      1000
/* How long one statement of an import may take: 40,000 rows take seconds, not minutes. */
#define IMPORT_TIMEOUT_MS 120000
/* A header cell quoted back in a problem is cut here. */
#define HEADER_QUOTE_MAX  40

typedef enum
{
  COL_CODE,
  COL_NAME,
  COL_CATEGORY,
  COL_LOCATION,
  COL_STOCK_TOTAL,
  COL_CONDITION,
  COL_STATUS,
  COL_DESCRIPTION,
  COL_AUTHOR,
  COL_PUBLISHER,
  COL_YEAR,
  COL_ISBN,
  N_COLUMNS
} Column;

/* The API's names of the fields, which the header uses. */
static const char * const column_names[N_COLUMNS + 1] = {
  "code", "name", "category", "location", "stock_total", "condition", "status",
  "description", "author", "publisher", "year", "isbn", NULL,
};

/* What a new item must be given. */
static const Column required_columns[] = {
  COL_CODE, COL_NAME, COL_CATEGORY, COL_LOCATION, COL_STOCK_TOTAL,
};

typedef struct
{
  guint       line;
  GStrv       raw;                  /* the row's cells as read */
  const char *cells[N_COLUMNS];     /* NULL when the file has no such column */
  char       *upper_code;           /* NULL when the code is not valid */
  char       *item_id;              /* the item of that code, if there is one */
  int         category;             /* index in Import.category_names, -1 for none */
} Row;

typedef struct
{
  guint       line;
  guint       seq;                  /* the order it was found in */
  char       *field;
  char       *message;
} Problem;

static void
problem_clear (gpointer data)
{
  Problem *problem = data;

  g_free (problem->field);
  g_free (problem->message);
}

typedef struct
{
  LpRequest  *req;
  gboolean    dry_run;
  gboolean    upsert;
  gboolean    create_categories;
  int         column_of[N_COLUMNS]; /* the file's column of each field, -1 when absent */
  guint       n_file_columns;
  GArray     *rows;                 /* Row */
  GHashTable *row_by_code;          /* upper code → index in rows + 1 */
  GPtrArray  *category_names;       /* the names as the file writes them, each once */
  GHashTable *category_index;       /* name → index + 1 */
  GPtrArray  *category_ids;         /* id or NULL, beside category_names */
  GArray     *problems;             /* Problem */
  gboolean    header_bad;
  guint       n_new;
  guint       n_updated;
  guint       n_new_categories;
} Import;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_strfreev (row->raw);
  g_free (row->upper_code);
  g_free (row->item_id);
}

static void
import_clear (Import *imp)
{
  g_clear_pointer (&imp->rows, g_array_unref);
  g_clear_pointer (&imp->row_by_code, g_hash_table_unref);
  g_clear_pointer (&imp->category_names, g_ptr_array_unref);
  g_clear_pointer (&imp->category_index, g_hash_table_unref);
  g_clear_pointer (&imp->category_ids, g_ptr_array_unref);
  g_clear_pointer (&imp->problems, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

static void
import_init (Import    *imp,
             LpRequest *req)
{
  memset (imp, 0, sizeof *imp);
  imp->req = req;
  imp->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (imp->rows, row_clear);
  imp->row_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  imp->category_names = g_ptr_array_new_with_free_func (g_free);
  imp->category_index = g_hash_table_new (g_str_hash, g_str_equal);
  imp->category_ids = g_ptr_array_new_with_free_func (g_free);
  imp->problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (imp->problems, problem_clear);
  for (guint c = 0; c < N_COLUMNS; c++)
    imp->column_of[c] = -1;
}

/* ------------------------------------------------------------------------------------
 * Problems
 * ------------------------------------------------------------------------------------ */

/* One problem of line @line; @field NULL for the row as a whole. */
static void
add_problem (Import     *imp,
             guint       line,
             const char *field,
             const char *message)
{
  Problem problem = { line, imp->problems->len, g_strdup (field), g_strdup (message) };

  if (line == 1)
    imp->header_bad = TRUE;
  g_array_append_val (imp->problems, problem);
}

static void
add_row_problem (Import     *imp,
                 const Row  *row,
                 Column      column,
                 const char *message)
{
  add_problem (imp, row->line, column_names[column], message);
}

/* By line, and in the order they were found within a line. */
static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *pa = a, *pb = b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  return pa->seq < pb->seq ? -1 : pa->seq > pb->seq;
}

/* The "rows" of the error: the problems by line, at most MAX_PROBLEMS of them. Counts
 * the rows that have any. */
static char *
problems_json (Import *imp,
               guint  *n_bad_rows)
{
  g_autoptr(JsonArray) rows = json_array_new ();
  g_autoptr(JsonNode) node = NULL;
  guint last_line = 0;

  g_array_sort (imp->problems, compare_problems);
  *n_bad_rows = 0;
  for (guint i = 0; i < imp->problems->len; i++)
    {
      const Problem *p = &g_array_index (imp->problems, Problem, i);
      JsonObject *row;

      if (p->line != 1 && p->line != last_line)
        (*n_bad_rows)++;
      last_line = p->line;
      if (i >= MAX_PROBLEMS)
        continue;
      row = json_object_new ();
      json_object_set_int_member (row, "line", p->line);
      if (p->field != NULL)
        json_object_set_string_member (row, "field", p->field);
      json_object_set_string_member (row, "message", p->message);
      json_array_add_object_element (rows, row);
    }
  node = json_node_init_array (json_node_alloc (), rows);
  return lp_json_to_string (node, NULL);
}

/* 422 with every problem in "rows"; nothing is written. @summary NULL says how many
 * rows have problems. */
static gboolean
fail_with_problems (Import      *imp,
                    const char  *summary,
                    GError     **error)
{
  guint n_bad_rows = 0;
  g_autofree char *rows = problems_json (imp, &n_bad_rows);
  g_autoptr(GString) message = g_string_new ("Nothing was imported: ");
  GError *failure;

  if (summary != NULL)
    g_string_assign (message, summary);
  else if (imp->header_bad)
    g_string_append (message, "the header row has problems");
  else if (n_bad_rows == 1)
    g_string_append (message, "1 row has problems");
  else
    g_string_append_printf (message, "%u rows have problems", n_bad_rows);
  if (imp->problems->len > MAX_PROBLEMS)
    g_string_append_printf (message, " (%u problems, the first %d listed)", imp->problems->len,
                            MAX_PROBLEMS);
  failure = g_error_new_literal (LP_ERROR, LP_ERROR_VALIDATION_FAILED, message->str);
  lp_error_set_detail (failure, "rows", rows);
  g_propagate_error (error, failure);
  return FALSE;
}

/* ------------------------------------------------------------------------------------
 * The request: options, encoding
 * ------------------------------------------------------------------------------------ */

static gboolean
read_options (Import  *imp,
              GError **error)
{
  const char *dry_run = NULL, *create = NULL;
  const char *mode = lp_request_get_query (imp->req, "mode");

  if (!lp_request_get_bool_query (imp->req, "dry_run", &dry_run, error) ||
      !lp_request_get_bool_query (imp->req, "create_categories", &create, error))
    return FALSE;
  if (mode != NULL && *mode != '\0' && !g_str_equal (mode, "create") &&
      !g_str_equal (mode, "upsert"))
    {
      lp_json_bad_request (error, "'mode' must be create or upsert");
      return FALSE;
    }
  imp->dry_run = g_strcmp0 (dry_run, "true") == 0;
  imp->create_categories = g_strcmp0 (create, "true") == 0;
  imp->upsert = g_strcmp0 (mode, "upsert") == 0;
  return TRUE;
}

/* The router let only text/csv in; a charset, if named, must be UTF-8. */
static gboolean
check_charset (Import  *imp,
               GError **error)
{
  const char *type = lp_request_get_header (imp->req, "Content-Type");
  const char *params = type != NULL ? strchr (type, ';') : NULL;
  g_autoptr(GHashTable) list = NULL;
  const char *charset;

  if (params == NULL)
    return TRUE;
  list = soup_header_parse_semi_param_list (params + 1);
  charset = g_hash_table_lookup (list, "charset");
  if (charset == NULL || g_ascii_strcasecmp (charset, "utf-8") == 0 ||
      g_ascii_strcasecmp (charset, "utf8") == 0)
    return TRUE;
  g_set_error_literal (error, LP_ERROR, LP_ERROR_UNSUPPORTED_MEDIA_TYPE,
                       "The file must be UTF-8 text: save it from the spreadsheet as "
                       "“CSV UTF-8” and import it again");
  return FALSE;
}

/* A file in another encoding (a spreadsheet's "CSV" in Windows-1252) is refused as a
 * whole, naming the first line that is not UTF-8. */
static gboolean
check_encoding (Import     *imp,
                const char *data,
                gsize       length,
                GError    **error)
{
  const char *end = NULL;
  guint line = 1;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;
  for (const char *p = data; p < end; p++)
    if (*p == '\n')
      line++;
  add_problem (imp, line, NULL, "This line is not UTF-8 text.");
  return fail_with_problems (imp, "The file is not UTF-8 text: save it from the spreadsheet"
                             " as “CSV UTF-8” and import it again", error);
}

/* ------------------------------------------------------------------------------------
 * The header
 * ------------------------------------------------------------------------------------ */

static int
column_by_name (const char *name)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    if (g_ascii_strcasecmp (name, column_names[c]) == 0)
      return (int) c;
  return -1;
}

static void
unknown_column (Import     *imp,
                const char *name)
{
  /* g_utf8_substring() must not be asked past the end of the text. */
  g_autofree char *quoted = g_utf8_strlen (name, -1) > HEADER_QUOTE_MAX
                              ? g_utf8_substring (name, 0, HEADER_QUOTE_MAX)
                              : g_strdup (name);
  g_autofree char *known = g_strjoinv (", ", (GStrv) column_names);
  g_autofree char *message = g_strdup_printf ("There is no item field of this name; the "
                                              "columns are %s.", known);

  add_problem (imp, 1, quoted, message);
}

/* Maps the header's cells to fields. Empty header cells (a spreadsheet's trailing
 * columns) are ignored, with whatever is under them. */
static gboolean
read_header (Import  *imp,
             GStrv    header)
{
  imp->n_file_columns = g_strv_length (header);
  for (guint i = 0; i < imp->n_file_columns; i++)
    {
      char *name = g_strstrip (header[i]);
      int c;

      if (*name == '\0')
        continue;
      if ((c = column_by_name (name)) < 0)
        unknown_column (imp, name);
      else if (imp->column_of[c] >= 0)
        add_problem (imp, 1, column_names[c], "This column appears twice.");
      else
        imp->column_of[c] = (int) i;
    }
  /* Updating items needs only their codes; new ones need every required field. */
  for (guint k = 0; k < (imp->upsert ? 1 : G_N_ELEMENTS (required_columns)); k++)
    if (imp->column_of[required_columns[k]] < 0)
      add_problem (imp, 1, column_names[required_columns[k]], "This column is missing.");
  return !imp->header_bad;
}

/* ------------------------------------------------------------------------------------
 * The rows, cell by cell
 * ------------------------------------------------------------------------------------ */

/* Multi-line cells of spreadsheets end their lines with CRLF; items keep "\n". */
static void
normalize_line_breaks (char *text)
{
  char *out = text;

  for (const char *p = text; *p != '\0'; p++)
    if (*p != '\r' || p[1] != '\n')
      *out++ = *p;
  *out = '\0';
}

static gboolean
row_is_blank (GStrv cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    for (const char *p = cells[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

static void
check_code (Import *imp,
            Row    *row,
            guint   index)
{
  const char *problem = lp_validate_item_text ("code", row->cells[COL_CODE]);
  gpointer first;

  if (problem != NULL)
    {
      add_row_problem (imp, row, COL_CODE, problem);
      return;
    }
  row->upper_code = g_ascii_strup (row->cells[COL_CODE], -1);
  first = g_hash_table_lookup (imp->row_by_code, row->upper_code);
  if (first != NULL)
    {
      const Row *earlier = &g_array_index (imp->rows, Row, GPOINTER_TO_UINT (first) - 1);
      g_autofree char *message = g_strdup_printf ("This code is also on line %u.",
                                                  earlier->line);

      add_row_problem (imp, row, COL_CODE, message);
      g_clear_pointer (&row->upper_code, g_free);
      return;
    }
  g_hash_table_insert (imp->row_by_code, row->upper_code, GUINT_TO_POINTER (index + 1));
}

static void
check_number (Import *imp,
              Row    *row,
              Column  column)
{
  gint64 value;
  const char *problem;

  if (row->cells[column] != NULL &&
      (problem = lp_validate_item_number (column_names[column], row->cells[column],
                                          &value)) != NULL)
    add_row_problem (imp, row, column, problem);
}

/* Empty condition and status cells mean the default (new items) or no change. */
static void
check_enums (Import *imp,
             Row    *row)
{
  const char *condition = row->cells[COL_CONDITION], *status = row->cells[COL_STATUS];
  LpItemCondition c;
  LpItemStatus st;

  if (condition != NULL && *condition != '\0' && !lp_item_condition_from_string (condition, &c))
    add_row_problem (imp, row, COL_CONDITION,
                     "Use one of: good, minor_damage, major_damage, lost.");
  if (status != NULL && *status != '\0' && !lp_item_status_from_string (status, &st))
    add_row_problem (imp, row, COL_STATUS,
                     "Use one of: available, needs_maintenance, maintenance, unavailable.");
}

/* The category by its name; the names are looked up in the database all at once. */
static void
check_category (Import *imp,
                Row    *row)
{
  const char *name = row->cells[COL_CATEGORY];
  const char *problem;
  gpointer index;

  row->category = -1;
  if (name == NULL)
    return;
  if ((problem = lp_validate_text (name, 1, LP_CATEGORY_NAME_MAX_CHARS, FALSE)) != NULL)
    {
      add_row_problem (imp, row, COL_CATEGORY, problem);
      return;
    }
  index = g_hash_table_lookup (imp->category_index, name);
  if (index == NULL)
    {
      g_ptr_array_add (imp->category_names, g_strdup (name));
      g_ptr_array_add (imp->category_ids, NULL);
      index = GUINT_TO_POINTER (imp->category_names->len);
      g_hash_table_insert (imp->category_index,
                           g_ptr_array_index (imp->category_names, imp->category_names->len - 1),
                           index);
    }
  row->category = GPOINTER_TO_INT (index) - 1;
}

/* Every cell of the row by itself: what needs the database comes later. */
static void
check_cells (Import *imp,
             Row    *row,
             guint   index)
{
  static const Column texts[] = {
    COL_NAME, COL_LOCATION, COL_DESCRIPTION, COL_AUTHOR, COL_PUBLISHER, COL_ISBN,
  };
  const char *problem;

  if (row->cells[COL_CODE] != NULL)
    check_code (imp, row, index);
  for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
    if (row->cells[texts[k]] != NULL &&
        (problem = lp_validate_item_text (column_names[texts[k]], row->cells[texts[k]])) != NULL)
      add_row_problem (imp, row, texts[k], problem);
  check_number (imp, row, COL_STOCK_TOTAL);
  check_number (imp, row, COL_YEAR);
  check_enums (imp, row);
  check_category (imp, row);
}

/* The row's cells by field. Codes, numbers, categories and the enums are trimmed (a
 * space a spreadsheet kept is no part of them); texts are trimmed as POST /items trims
 * them, when they are written. */
static void
take_cells (Import *imp,
            Row    *row)
{
  static const Column trimmed[] = {
    COL_CODE, COL_CATEGORY, COL_STOCK_TOTAL, COL_CONDITION, COL_STATUS, COL_YEAR,
  };
  guint n_cells = g_strv_length (row->raw);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      int i = imp->column_of[c];

      if (i >= 0)
        row->cells[c] = (guint) i < n_cells ? row->raw[i] : "";
    }
  for (guint k = 0; k < G_N_ELEMENTS (trimmed); k++)
    if (row->cells[trimmed[k]] != NULL && *row->cells[trimmed[k]] != '\0')
      row->cells[trimmed[k]] = g_strstrip (row->raw[imp->column_of[trimmed[k]]]);
  if (row->cells[COL_DESCRIPTION] != NULL && *row->cells[COL_DESCRIPTION] != '\0')
    normalize_line_breaks (row->raw[imp->column_of[COL_DESCRIPTION]]);
}

static gboolean
has_extra_cells (Import *imp,
                 GStrv   cells)
{
  for (guint i = imp->n_file_columns; cells[i] != NULL; i++)
    if (*cells[i] != '\0')
      return TRUE;
  return FALSE;
}

static void
add_row (Import *imp,
         GStrv   cells,
         guint   line)
{
  Row *row;
  guint index = imp->rows->len;

  g_array_set_size (imp->rows, index + 1);
  row = &g_array_index (imp->rows, Row, index);
  row->line = line;
  row->raw = cells;
  row->category = -1;
  if (g_strv_length (cells) > imp->n_file_columns && has_extra_cells (imp, cells))
    add_problem (imp, line, NULL, "This row has more cells than the header has columns.");
  take_cells (imp, row);
  check_cells (imp, row, index);
}

/* Reads the whole file; a malformed row ends the reading, as one more problem. FALSE
 * when there is no header to go by. */
static gboolean
read_file (Import      *imp,
           const char  *data,
           gsize        length)
{
  g_autoptr(LpCsvReader) reader = lp_csv_reader_new (data, length, 0);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) header = NULL;
  GStrv cells;
  guint line = 1;

  header = lp_csv_reader_next_row (reader, &line, &error);
  if (header == NULL)
    {
      add_problem (imp, 1, NULL, error != NULL ? error->message
                                                : "The file is empty: it needs a header row "
                                                  "naming the columns, then one row per item.");
      return FALSE;
    }
  if (!read_header (imp, header))
    return FALSE;
  while ((cells = lp_csv_reader_next_row (reader, &line, &error)) != NULL)
    {
      if (row_is_blank (cells))
        g_strfreev (cells);
      else
        add_row (imp, cells, line);
    }
  if (error != NULL)
    add_problem (imp, line, NULL, error->message);
  else if (imp->rows->len == 0)
    add_problem (imp, 2, NULL, "The file has a header but no items.");
  return TRUE;
}

/* ------------------------------------------------------------------------------------
 * The rows against the database
 * ------------------------------------------------------------------------------------ */

/* An array parameter in PostgreSQL's text form, built one element at a time. */
static void
array_add (GString    *array,
           const char *value)
{
  g_string_append_c (array, array->len == 0 ? '{' : ',');
  if (value == NULL)
    {
      g_string_append (array, "NULL");
      return;
    }
  g_string_append_c (array, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (array, '\\');
      g_string_append_c (array, *p);
    }
  g_string_append_c (array, '"');
}

static const char *
array_end (GString *array)
{
  if (array->len == 0)
    g_string_append_c (array, '{');
  g_string_append_c (array, '}');
  return array->str;
}

/* The items the file's codes name; locked when they are to be updated. */
static gboolean
find_items (Import  *imp,
            PGconn  *conn,
            GError **error)
{
  g_autoptr(GString) codes = g_string_new (NULL);
  g_autoptr(PGresult) res = NULL;
  GHashTableIter iter;
  gpointer code;

  g_hash_table_iter_init (&iter, imp->row_by_code);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    array_add (codes, code);
  res = lp_db_query (conn, error,
                     imp->upsert && !imp->dry_run
                       ? "SELECT upper(i.code), i.id, i.stock_total - i.stock_available"
                         " FROM items AS i WHERE upper(i.code) = ANY ($1::text[])"
                         " FOR NO KEY UPDATE"
                       : "SELECT upper(i.code), i.id, i.stock_total - i.stock_available"
                         " FROM items AS i WHERE upper(i.code) = ANY ($1::text[])",
                     array_end (codes));
  if (res == NULL)
    return FALSE;
  for (int r = 0; r < PQntuples (res); r++)
    {
      gpointer index = g_hash_table_lookup (imp->row_by_code, lp_db_get (res, r, 0));
      Row *row;
      gint64 stock, out = lp_db_get_int (res, r, 2);

      if (index == NULL)
        continue;
      row = &g_array_index (imp->rows, Row, GPOINTER_TO_UINT (index) - 1);
      if (!imp->upsert)
        {
          add_row_problem (imp, row, COL_CODE, "An item with this code already exists.");
          continue;
        }
      row->item_id = g_strdup (lp_db_get (res, r, 1));
      if (row->cells[COL_STOCK_TOTAL] != NULL &&
          lp_validate_item_number ("stock_total", row->cells[COL_STOCK_TOTAL], &stock) == NULL &&
          stock < out)
        {
          g_autofree char *message = g_strdup_printf ("%" G_GINT64_FORMAT " units are out on "
                                                      "loan; the stock cannot be lower.", out);

          add_row_problem (imp, row, COL_STOCK_TOTAL, message);
        }
    }
  return TRUE;
}

/* The ids of the categories the file names, ignoring case as category names are unique
 * (categories_name_lower_key); kept as they are until the items are written. */
static gboolean
find_categories (Import  *imp,
                 PGconn  *conn,
                 GError **error)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(PGresult) res = NULL;

  for (guint k = 0; k < imp->category_names->len; k++)
    array_add (names, g_ptr_array_index (imp->category_names, k));
  res = lp_db_query (conn, error,
                     "SELECT t.n, c.id FROM unnest ($1::text[]) WITH ORDINALITY AS t (name, n)"
                     " JOIN categories AS c ON lower(c.name) = lower(t.name)"
                     " FOR KEY SHARE OF c",
                     array_end (names));
  if (res == NULL)
    return FALSE;
  for (int r = 0; r < PQntuples (res); r++)
    {
      guint k = (guint) lp_db_get_int (res, r, 0) - 1;
      char **id = (char **) &g_ptr_array_index (imp->category_ids, k);

      g_free (*id);
      *id = g_strdup (lp_db_get (res, r, 1));
    }
  return TRUE;
}

/* The categories still unknown, each spelling once. */
static GString *
missing_categories (Import *imp)
{
  GString *names = g_string_new (NULL);

  for (guint k = 0; k < imp->category_names->len; k++)
    if (g_ptr_array_index (imp->category_ids, k) == NULL)
      array_add (names, g_ptr_array_index (imp->category_names, k));
  return names;
}

/* Without ?create_categories=true an unknown category is a problem of each row naming
 * it. */
static void
report_unknown_categories (Import *imp)
{
  for (guint i = 0; i < imp->rows->len; i++)
    {
      Row *row = &g_array_index (imp->rows, Row, i);

      if (row->category >= 0 && g_ptr_array_index (imp->category_ids, row->category) == NULL)
        add_row_problem (imp, row, COL_CATEGORY, "There is no category of this name.");
    }
}

/* Creates the unknown categories ("Buku" and "buku" as one), or counts them for a dry
 * run. *@created: the JSON array of the names created, or NULL. */
static gboolean
create_categories (Import  *imp,
                   PGconn  *conn,
                   char   **created,
                   GError **error)
{
  g_autoptr(GString) missing = missing_categories (imp);
  g_autoptr(PGresult) res = NULL;

  if (missing->len == 0)
    return TRUE;
  res = lp_db_query (conn, error,
                     imp->dry_run
                       ? "SELECT count(DISTINCT lower(n)), NULL FROM unnest ($1::text[]) AS n"
                       : "WITH c AS (INSERT INTO categories (name)"
                         "  SELECT DISTINCT ON (lower(n)) n FROM unnest ($1::text[]) AS n"
                         "  ORDER BY lower(n), n RETURNING name)"
                         " SELECT count(*), jsonb_agg(name ORDER BY lower(name)) FROM c",
                     array_end (missing));
  if (res == NULL)
    return FALSE;
  imp->n_new_categories = (guint) lp_db_get_int (res, 0, 0);
  if (imp->dry_run)
    return TRUE;
  *created = g_strdup (lp_db_get (res, 0, 1));
  return find_categories (imp, conn, error);
}

/* A new item must be given every required field, even in a file that only updates. */
static void
check_new_items (Import *imp)
{
  for (guint i = 0; i < imp->rows->len; i++)
    {
      Row *row = &g_array_index (imp->rows, Row, i);

      if (row->item_id != NULL || row->upper_code == NULL)
        continue;
      for (guint k = 1; k < G_N_ELEMENTS (required_columns); k++)
        if (row->cells[required_columns[k]] == NULL)
          add_row_problem (imp, row, required_columns[k],
                           "A new item needs this field: the file has no such column.");
    }
}

/* ------------------------------------------------------------------------------------
 * Writing
 * ------------------------------------------------------------------------------------ */

#define N_ARRAYS 12

static const char *
empty_as_null (const char *value)
{
  return value != NULL && *value != '\0' ? value : NULL;
}

/* The checked number of a cell as SQL text (0 for no year); NULL without the column. */
static const char *
number_text (const Row *row,
             Column     column,
             char       buffer[24])
{
  gint64 value = 0;

  if (row->cells[column] == NULL ||
      lp_validate_item_number (column_names[column], row->cells[column], &value) != NULL)
    return NULL;
  g_snprintf (buffer, 24, "%" G_GINT64_FORMAT, value);
  return buffer;
}

/* One row's values, in the order of the statements' arrays; the first is the code of a
 * new item or the id of an updated one. */
static void
add_row_values (Import    *imp,
                const Row *row,
                GString  **arrays)
{
  char stock[24], year[24];
  const char *values[N_ARRAYS] = {
    row->item_id != NULL ? row->item_id : row->cells[COL_CODE],
    row->cells[COL_NAME],
    row->category >= 0 ? g_ptr_array_index (imp->category_ids, row->category) : NULL,
    row->cells[COL_LOCATION],
    number_text (row, COL_STOCK_TOTAL, stock),
    empty_as_null (row->cells[COL_CONDITION]),
    empty_as_null (row->cells[COL_STATUS]),
    row->cells[COL_DESCRIPTION],
    row->cells[COL_AUTHOR],
    row->cells[COL_PUBLISHER],
    number_text (row, COL_YEAR, year),
    row->cells[COL_ISBN],
  };

  for (guint k = 0; k < N_ARRAYS; k++)
    array_add (arrays[k], values[k]);
}

#define ROWS_TABLE(first) \
  "t AS (SELECT * FROM unnest ($1::" #first "[], $2::text[], $3::uuid[], $4::text[]," \
  " $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[]," \
  " $12::text[]) AS t (" #first "_value, name, category_id, location, stock, condition," \
  " status, description, author, publisher, year, isbn))"

/* New items as POST /items makes them (an item that arrives damaged has its damage on
 * record from the start). */
static const char insert_sql[] =
  "WITH " ROWS_TABLE (text) ","
  " n AS (INSERT INTO items (code, name, category_id, location, stock_total,"
  "  stock_available, condition, status, description, author, publisher, year, isbn)"
  "  SELECT text_value, btrim(name), category_id, btrim(location), stock, stock,"
  "  coalesce(condition, 'good'), coalesce(status, 'available'), coalesce(btrim(description), ''),"
  "  nullif(btrim(author), ''), nullif(btrim(publisher), ''), nullif(year, 0),"
  "  nullif(btrim(isbn), '') FROM t RETURNING id, condition),"
  " e AS (INSERT INTO item_condition_events (item_id, source, condition_from, condition_to,"
  "  reported_by) SELECT id, 'admin_edit', 'good', condition, $13::uuid FROM n"
  "  WHERE condition <> 'good' RETURNING 1)"
  " SELECT (SELECT count(*) FROM n), (SELECT count(*) FROM e)";

/* Updates as PATCH /items/{id} makes them: what the file leaves out stays, an empty
 * optional cell clears, a new stock_total moves stock_available with it, and a change of
 * condition is an event (one to good closes the open ones). Every statement of a WITH
 * sees the rows as they were before it: o holds the old conditions. */
static const char update_sql[] =
  "WITH " ROWS_TABLE (uuid) ","
  " o AS (SELECT i.id, i.condition FROM items AS i JOIN t ON i.id = t.uuid_value),"
  " u AS (UPDATE items AS i SET name = coalesce(btrim(t.name), i.name),"
  "  category_id = coalesce(t.category_id, i.category_id),"
  "  location = coalesce(btrim(t.location), i.location),"
  "  stock_available = i.stock_available + coalesce(t.stock - i.stock_total, 0),"
  "  stock_total = coalesce(t.stock, i.stock_total),"
  "  condition = coalesce(t.condition, i.condition), status = coalesce(t.status, i.status),"
  "  description = coalesce(btrim(t.description), i.description),"
  "  author = CASE WHEN t.author IS NULL THEN i.author ELSE nullif(btrim(t.author), '') END,"
  "  publisher = CASE WHEN t.publisher IS NULL THEN i.publisher"
  "   ELSE nullif(btrim(t.publisher), '') END,"
  "  year = CASE WHEN t.year IS NULL THEN i.year ELSE nullif(t.year, 0) END,"
  "  isbn = CASE WHEN t.isbn IS NULL THEN i.isbn ELSE nullif(btrim(t.isbn), '') END"
  "  FROM t WHERE i.id = t.uuid_value RETURNING i.id, i.condition),"
  " c AS (SELECT u.id, o.condition AS was, u.condition AS now FROM u JOIN o ON o.id = u.id"
  "  WHERE o.condition <> u.condition),"
  " r AS (UPDATE item_condition_events AS e SET resolved_at = greatest(now(), e.created_at),"
  "  resolved_by = $13::uuid WHERE e.resolved_at IS NULL"
  "  AND e.item_id IN (SELECT c.id FROM c WHERE c.now = 'good') RETURNING 1),"
  " e AS (INSERT INTO item_condition_events (item_id, source, condition_from, condition_to,"
  "  reported_by, resolved_at, resolved_by) SELECT c.id, 'admin_edit', c.was, c.now, $13::uuid,"
  "  CASE WHEN c.now = 'good' THEN now() END, CASE WHEN c.now = 'good' THEN $13::uuid END"
  "  FROM c RETURNING 1)"
  " SELECT (SELECT count(*) FROM u), (SELECT count(*) FROM e) + (SELECT count(*) FROM r)";

/* Writes the rows that are new (@updates FALSE) or those that update an item. */
static gboolean
write_rows (Import    *imp,
            PGconn    *conn,
            gboolean   updates,
            guint     *n_written,
            GError   **error)
{
  GString *arrays[N_ARRAYS];
  const char *params[N_ARRAYS + 1];
  g_autoptr(PGresult) res = NULL;
  guint n = 0;

  for (guint k = 0; k < N_ARRAYS; k++)
    arrays[k] = g_string_new (NULL);
  for (guint i = 0; i < imp->rows->len; i++)
    {
      const Row *row = &g_array_index (imp->rows, Row, i);

      if ((row->item_id != NULL) == updates)
        {
          add_row_values (imp, row, arrays);
          n++;
        }
    }
  for (guint k = 0; k < N_ARRAYS; k++)
    params[k] = array_end (arrays[k]);
  params[N_ARRAYS] = lp_request_get_user_id (imp->req);
  if (n > 0)
    res = lp_db_exec (conn, updates ? update_sql : insert_sql, N_ARRAYS + 1, params, error);
  for (guint k = 0; k < N_ARRAYS; k++)
    g_string_free (arrays[k], TRUE);
  if (n > 0 && res == NULL)
    return FALSE;
  *n_written = n > 0 ? (guint) lp_db_get_int (res, 0, 0) : 0;
  return TRUE;
}

/* One entry for the whole import, with its counts. */
static gboolean
log_import (Import      *imp,
            PGconn      *conn,
            const char  *created,
            GError     **error)
{
  g_autofree char *entry = g_strdup_printf ("{\"mode\": \"%s\", \"rows\": %u, \"imported\": %u,"
                                            " \"updated\": %u, \"created_categories\": %s}",
                                            imp->upsert ? "upsert" : "create", imp->rows->len,
                                            imp->n_new, imp->n_updated,
                                            created != NULL ? created : "[]");

  return lp_activity_log (imp->req, conn, "item.import", "items", NULL, NULL, entry, error);
}

static void
reply_counts (Import *imp)
{
  g_autofree char *text = g_strdup_printf ("{\"imported\": %u, \"updated\": %u,"
                                           " \"created_categories\": %u, \"dry_run\": %s}",
                                           imp->n_new, imp->n_updated, imp->n_new_categories,
                                           imp->dry_run ? "true" : "false");

  lp_request_reply_json_text (imp->req, imp->n_new > 0 && !imp->dry_run ? 201 : 200, text);
}

/* The whole write, announced as one change of the catalog (0012_items_import.sql). */
static gboolean
write_import (Import      *imp,
              PGconn      *conn,
              GError     **error)
{
  g_autofree char *created = NULL;
  g_autoptr(PGresult) begin = NULL;
  g_autoptr(PGresult) end = NULL;

  if ((begin = lp_db_exec (conn, "SELECT items_bulk_begin()", 0, NULL, error)) == NULL ||
      (imp->create_categories && !create_categories (imp, conn, &created, error)) ||
      !write_rows (imp, conn, FALSE, &imp->n_new, error) ||
      !write_rows (imp, conn, TRUE, &imp->n_updated, error) ||
      (end = lp_db_exec (conn, "SELECT items_bulk_end()", 0, NULL, error)) == NULL)
    return FALSE;
  return log_import (imp, conn, created, error);
}

/* What a dry run reports: the rows that would be new and those that would update. */
static void
count_rows (Import *imp)
{
  for (guint i = 0; i < imp->rows->len; i++)
    {
      if (g_array_index (imp->rows, Row, i).item_id != NULL)
        imp->n_updated++;
      else
        imp->n_new++;
    }
}

/* POST /items/import */
static gboolean
import_items (LpRequest  *req,
              PGconn     *conn,
              GError    **error)
{
  g_auto(Import) imp = { 0 };
  GBytes *body = lp_request_get_body (req);
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);

  if (data == NULL)
    data = "";
  import_init (&imp, req);
  if (!read_options (&imp, error) || !check_charset (&imp, error) ||
      !check_encoding (&imp, data, length, error))
    return FALSE;
  /* A file whose header cannot be read has no rows to check further. */
  if (!read_file (&imp, data, length))
    return fail_with_problems (&imp, NULL, error);
  if (!lp_db_allow_long_statements (conn, IMPORT_TIMEOUT_MS, error) ||
      !find_items (&imp, conn, error) || !find_categories (&imp, conn, error))
    return FALSE;
  check_new_items (&imp);
  if (!imp.create_categories)
    report_unknown_categories (&imp);
  if (imp.problems->len > 0)
    return fail_with_problems (&imp, NULL, error);
  if (imp.dry_run)
    {
      count_rows (&imp);
      if (imp.create_categories && !create_categories (&imp, conn, NULL, error))
        return FALSE;
    }
  else if (!write_import (&imp, conn, error))
    return FALSE;
  reply_counts (&imp);
  return TRUE;
}

static const LpRoute import_routes[] = {
  { "POST", "/api/v1/items/import", LP_ROLE_ADMIN, LP_ROUTE_TRANSACTION | LP_ROUTE_CSV_BODY,
    import_items },
};

LP_DEFINE_RESOURCE (items_import, import_routes)
