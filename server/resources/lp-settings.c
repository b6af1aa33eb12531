/* lp-settings.c — the library's settings: fines, time zone, loan length, kiosk timeout,
 * the school's name and address. Every user reads them, admins change them.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-settings"

#include "config.h"

#include "lp-resources.h"

#include "lp-error.h"
#include "lp-json.h"
#include "lp-reply.h"
#include "lp-validation.h"

#define MAX_FINE_PER_DAY 100000000   /* whole currency units */

typedef struct
{
  const char *fine_per_day;
  const char *timezone;
  const char *max_loan_days;
  const char *kiosk_idle_seconds;
  const char *school_name;
  const char *school_address;
  char       *numbers[3];
} SettingsChange;

static void
settings_change_clear (SettingsChange *change)
{
  for (guint i = 0; i < G_N_ELEMENTS (change->numbers); i++)
    g_clear_pointer (&change->numbers[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SettingsChange, settings_change_clear)

/* An integer member as SQL text, or NULL when it is not given. */
static const char *
read_number (JsonObject   *body,
             const char   *member,
             gint64        min,
             gint64        max,
             char        **slot,
             GError      **error)
{
  gint64 value;

  if (!lp_json_has_member (body, member) ||
      !lp_json_get_int (body, member, FALSE, min, max, &value, error))
    return NULL;
  *slot = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  return *slot;
}

static void
read_change (JsonObject      *body,
             SettingsChange  *change,
             GError         **error)
{
  change->fine_per_day = read_number (body, "fine_per_day", 0, MAX_FINE_PER_DAY,
                                      &change->numbers[0], error);
  change->max_loan_days = read_number (body, "max_loan_days", 1, 365, &change->numbers[1], error);
  change->kiosk_idle_seconds = read_number (body, "kiosk_idle_seconds", 15, 3600,
                                            &change->numbers[2], error);
  lp_json_get_string (body, "timezone", FALSE, &change->timezone, error);
  if (lp_json_get_string (body, "school_name", FALSE, &change->school_name, error) &&
      change->school_name != NULL)
    {
      const char *problem = lp_validate_text (change->school_name, 0,
                                              LP_SCHOOL_NAME_MAX_LENGTH, FALSE);

      if (problem != NULL)
        lp_validation_add (error, "school_name", problem);
    }
  if (lp_json_get_string (body, "school_address", FALSE, &change->school_address, error) &&
      change->school_address != NULL)
    {
      const char *problem = lp_validate_school_address (change->school_address);

      if (problem != NULL)
        lp_validation_add (error, "school_address", problem);
    }
}

/* Only the names of the time zone database (Asia/Jakarta, UTC), which PostgreSQL knows
 * too; not abbreviations or POSIX offsets, whose meaning surprises. */
static gboolean
check_timezone (PGconn       *conn,
                const char   *timezone,
                GError      **error)
{
  g_autoptr(PGresult) res = NULL;

  if (timezone == NULL)
    return TRUE;
  res = lp_db_query (conn, error,
                     "SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1)", timezone);
  if (res == NULL)
    return FALSE;
  if (!lp_db_get_bool (res, 0, 0))
    lp_validation_add (error, "timezone", "This is not a known time zone, such as Asia/Jakarta.");
  return *error == NULL;
}

static gboolean
get_settings (LpRequest  *req,
              PGconn     *conn,
              GError    **error)
{
  g_autoptr(PGresult) res = lp_db_exec (conn,
                                        "SELECT settings_json(s) FROM settings s WHERE id = 1",
                                        0, NULL, error);

  return lp_reply_row (req, 200, res, "No settings", error);
}

static gboolean
update_settings (LpRequest  *req,
                 PGconn     *conn,
                 GError    **error)
{
  JsonObject *body = lp_request_get_json (req, error);
  g_auto(SettingsChange) change = { 0 };
  g_autoptr(PGresult) old = NULL;
  g_autoptr(PGresult) res = NULL;

  if (body == NULL)
    return FALSE;
  read_change (body, &change, error);
  if (*error != NULL || !check_timezone (conn, change.timezone, error))
    return FALSE;
  old = lp_db_exec (conn, "SELECT settings_json(s) FROM settings s WHERE id = 1 FOR UPDATE",
                    0, NULL, error);
  if (old == NULL)
    return FALSE;
  res = lp_db_query (conn, error,
                     "UPDATE settings SET fine_per_day = coalesce($1::numeric, fine_per_day),"
                     " timezone = coalesce($2, timezone),"
                     " max_loan_days = coalesce($3::int, max_loan_days),"
                     " kiosk_idle_seconds = coalesce($4::int, kiosk_idle_seconds),"
                     " school_name = coalesce(btrim($5), school_name),"
                     " school_address = coalesce(btrim($6, E' \\t\\n'), school_address)"
                     " WHERE id = 1 RETURNING settings_json(settings)",
                     change.fine_per_day, change.timezone, change.max_loan_days,
                     change.kiosk_idle_seconds, change.school_name, change.school_address);
  if (res == NULL)
    return FALSE;
  return lp_activity_log (req, conn, "settings.update", "settings", "1", lp_db_get (old, 0, 0),
                          lp_db_get (res, 0, 0), error) &&
         lp_reply_row (req, 200, res, "No settings", error);
}

static const LpRoute settings_routes[] = {
  /* Members read them too: the longest loan their calendar allows, the fine they would
   * owe, the school name and address on their receipt. */
  { "GET", "/api/v1/settings", LP_ROLES_USER, LP_ROUTE_READ_ONLY, get_settings },
  { "PATCH", "/api/v1/settings", LP_ROLE_ADMIN, LP_ROUTE_TRANSACTION, update_settings },
};

LP_DEFINE_RESOURCE (settings, settings_routes)
