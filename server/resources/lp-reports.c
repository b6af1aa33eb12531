/* lp-reports.c — the admin's reports (SPEC §6): loans, complaints and asset health, as
 * JSON or, with ?format=csv, as a CSV file (common/lp-csv.h). What each report contains
 * is decided in SQL, once, by the report_*() and asset_*() functions of
 * data/sql/0006_complaints_reports.sql; this file reads the filters and picks the format.
 * A CSV's header row is the column names of the *_csv() function.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-reports"

#include "config.h"

#include "lp-resources.h"

#include "lp-csv.h"
#include "lp-error.h"
#include "lp-json.h"
#include "lp-reply.h"
#include "lp-validation.h"

#define BOOL_OID            16     /* pg_type.oid of boolean */
#define DEFAULT_PERIOD_DAYS "29"     /* asset health: today and the 29 days before */
#define MAX_PERIOD_DAYS     3660     /* ten years */

/* The filters every report reads; strings belong to the request. */
typedef struct
{
  const char *from;
  const char *to;
  const char *status;
  gboolean    csv;
} ReportQuery;

static void
read_format (LpRequest  *req,
             gboolean   *csv,
             GError    **error)
{
  const char *format = lp_request_get_query (req, "format");

  *csv = format != NULL && g_str_equal (format, "csv");
  if (format != NULL && !*csv && !g_str_equal (format, "json"))
    lp_json_bad_request (error, "'format' must be json or csv");
}

/* The format and the period; dates in YYYY-MM-DD form compare as strings. */
static gboolean
read_report_query (LpRequest    *req,
                   ReportQuery  *query,
                   GError      **error)
{
  read_format (req, &query->csv, error);
  lp_request_get_period (req, &query->from, &query->to, error);
  if (*error == NULL && query->from != NULL && query->to != NULL &&
      strcmp (query->from, query->to) > 0)
    lp_validation_add (error, "to", "The period ends before it starts.");
  return *error == NULL;
}

/* attachment; filename="lentera-loans_from-2026-01-01_to-2026-01-31.csv" */
static char *
content_disposition (const char  *name,
                     const char  *from,
                     const char  *to)
{
  return g_strdup_printf ("attachment; filename=\"lentera-%s%s%s%s%s.csv\"", name,
                          from != NULL ? "_from-" : "", from != NULL ? from : "",
                          to != NULL ? "_to-" : "", to != NULL ? to : "");
}

/* One CSV row of a result row; booleans read true and false rather than t and f. */
static void
append_result_row (GString        *out,
                   const PGresult *res,
                   int             row,
                   const char    **fields)
{
  int n_fields = PQnfields (res);

  for (int col = 0; col < n_fields; col++)
    {
      const char *value = lp_db_get (res, row, col);

      if (value != NULL && PQftype (res, col) == BOOL_OID)
        value = value[0] == 't' ? "true" : "false";
      fields[col] = value;
    }
  lp_csv_append_row (out, fields, (gsize) n_fields);
}

/* Replies with the rows of res as a CSV file, the column names as its header row. */
static gboolean
reply_csv (LpRequest   *req,
           PGresult    *res,
           const char  *disposition)
{
  int n_fields = PQnfields (res);
  g_autofree const char **fields = g_new0 (const char *, MAX (n_fields, 1));
  GString *out = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;

  for (int col = 0; col < n_fields; col++)
    fields[col] = PQfname (res, col);
  lp_csv_append_row (out, fields, (gsize) n_fields);
  for (int row = 0; row < PQntuples (res); row++)
    append_result_row (out, res, row, fields);
  bytes = g_string_free_to_bytes (out);
  lp_request_add_header (req, "Content-Disposition", disposition);
  lp_request_add_header (req, "X-Content-Type-Options", "nosniff");
  lp_request_add_header (req, "Cache-Control", "no-store");
  lp_request_reply_bytes (req, 200, "text/csv; charset=utf-8", bytes);
  return TRUE;
}

/* Runs the report's JSON function, or its CSV function, with the same parameters. */
static gboolean
run_report (LpRequest           *req,
            PGconn              *conn,
            const ReportQuery   *query,
            const char          *json_sql,
            const char          *csv_sql,
            const char          *name,
            int                  n_params,
            const char * const  *params,
            GError             **error)
{
  g_autoptr(PGresult) res = lp_db_exec (conn, query->csv ? csv_sql : json_sql, n_params,
                                        params, error);
  g_autofree char *disposition = NULL;

  if (res == NULL)
    return FALSE;
  if (!query->csv)
    return lp_reply_row (req, 200, res, "Nothing to report", error);
  disposition = content_disposition (name, query->from, query->to);
  return reply_csv (req, res, disposition);
}

/* GET /reports/loans?from=&to=&status=&category_id=: the loans whose dates overlap the
 * period, with counts per status (the status a reader sees: overdue once past due). */
static gboolean
report_loans (LpRequest  *req,
              PGconn     *conn,
              GError    **error)
{
  ReportQuery query = { 0 };
  const char *category_id;

  lp_request_get_enum_query (req, "status", LP_TYPE_LOAN_STATUS, &query.status, error);
  lp_request_get_uuid_query (req, "category_id", &category_id, error);
  if (!read_report_query (req, &query, error))
    return FALSE;
  return run_report (req, conn, &query,
                     "SELECT report_loans_json($1::date, $2::date, $3, $4::uuid)",
                     "SELECT * FROM report_loans_csv($1::date, $2::date, $3, $4::uuid)",
                     "loans", 4,
                     (const char *[]) { query.from, query.to, query.status, category_id },
                     error);
}

/* GET /reports/complaints?status=&from=&to=: complaints filed in the period (both
 * optional), with counts per status. */
static gboolean
report_complaints (LpRequest  *req,
                   PGconn     *conn,
                   GError    **error)
{
  ReportQuery query = { 0 };

  lp_request_get_enum_query (req, "status", LP_TYPE_COMPLAINT_STATUS, &query.status, error);
  if (!read_report_query (req, &query, error))
    return FALSE;
  return run_report (req, conn, &query,
                     "SELECT report_complaints_json($1, $2::date, $3::date)",
                     "SELECT * FROM report_complaints_csv($1, $2::date, $3::date)",
                     "complaints", 3,
                     (const char *[]) { query.status, query.from, query.to }, error);
}

/* The asset health period: ?to= defaults to the library's today and ?from= to 29 days
 * before ?to=; at most MAX_PERIOD_DAYS days. The dates found replace query's. */
static gboolean
resolve_period (PGconn       *conn,
                ReportQuery  *query,
                char        **from,
                char        **to,
                GError      **error)
{
  g_autoptr(PGresult) res = lp_db_query (conn, error,
                                         "SELECT f, t, t - f + 1 FROM (SELECT"
                                         " coalesce($1::date, coalesce($2::date,"
                                         "  library_today()) - $3::int) AS f,"
                                         " coalesce($2::date, library_today()) AS t) AS p",
                                         query->from, query->to, DEFAULT_PERIOD_DAYS);

  if (res == NULL)
    return FALSE;
  if (lp_db_get_int (res, 0, 2) < 1)
    lp_validation_add (error, "to", "The period ends before it starts.");
  else if (lp_db_get_int (res, 0, 2) > MAX_PERIOD_DAYS)
    lp_validation_add (error, "from", "A period may span at most ten years.");
  *from = g_strdup (lp_db_get (res, 0, 0));
  *to = g_strdup (lp_db_get (res, 0, 1));
  query->from = *from;
  query->to = *to;
  return *error == NULL;
}

/* GET /reports/asset-health?from=&to=: see the rules in 0006_complaints_reports.sql. */
static gboolean
report_asset_health (LpRequest  *req,
                     PGconn     *conn,
                     GError    **error)
{
  ReportQuery query = { 0 };
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (!read_report_query (req, &query, error) ||
      !resolve_period (conn, &query, &from, &to, error))
    return FALSE;
  return run_report (req, conn, &query,
                     "SELECT asset_health_json($1::date, $2::date)",
                     "SELECT * FROM asset_health_csv($1::date, $2::date)",
                     "asset-health", 2, (const char *[]) { from, to }, error);
}

static const LpRoute report_routes[] = {
  { "GET", "/api/v1/reports/loans", LP_ROLE_ADMIN, LP_ROUTE_READ_ONLY, report_loans },
  { "GET", "/api/v1/reports/complaints", LP_ROLE_ADMIN, LP_ROUTE_READ_ONLY, report_complaints },
  { "GET", "/api/v1/reports/asset-health", LP_ROLE_ADMIN, LP_ROUTE_READ_ONLY,
    report_asset_health },
};

LP_DEFINE_RESOURCE (reports, report_routes)
