/* test-schema.c: the database itself refuses what must never be stored — broken stock,
 * duplicates, deletes that would orphan history, edits of the audit trail.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-db.h"
#include "lp-test-server.h"

static LpTestServer *server;

/* Runs SQL and returns its SQLSTATE ("00000" on success). */
static char *
sqlstate_of (const char *sql)
{
  g_autoptr(PGresult) res = lp_test_server_sql (server, sql, 0, NULL);
  ExecStatusType status = PQresultStatus (res);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return g_strdup ("00000");
  return g_strdup (PQresultErrorField (res, PG_DIAG_SQLSTATE));
}

#define assert_sqlstate(sql, expected) \
  G_STMT_START { \
    g_autofree char *_state = sqlstate_of (sql); \
    if (!g_str_equal (_state, expected)) \
      g_error ("%s:%d: expected SQLSTATE %s, got %s for: %s", __FILE__, __LINE__, expected, \
               _state, sql); \
  } G_STMT_END

static void
setup_fixture (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  assert_sqlstate ("INSERT INTO categories (id, name) VALUES "
                   "('00000000-0000-0000-0000-0000000000c1', 'Alat Lab')", "00000");
  assert_sqlstate ("INSERT INTO items (id, code, name, category_id, location, stock_total,"
                   " stock_available) VALUES ('00000000-0000-0000-0000-0000000000a1', 'LAB-1',"
                   " 'Mikroskop', '00000000-0000-0000-0000-0000000000c1', 'Lab Biologi', 3, 3)",
                   "00000");
  assert_sqlstate ("INSERT INTO users (id, username, password_hash, full_name, active) VALUES "
                   "('00000000-0000-0000-0000-0000000000b1', 'siswa.sari', '$2b$x', 'Sari', true)",
                   "00000");
}

static void
test_stock_invariant (void)
{
  setup_fixture ();
  /* 0 ≤ stock_available ≤ stock_total, whatever writes it. */
  assert_sqlstate ("UPDATE items SET stock_available = -1 WHERE code = 'LAB-1'", "23514");
  assert_sqlstate ("UPDATE items SET stock_available = 4 WHERE code = 'LAB-1'", "23514");
  assert_sqlstate ("UPDATE items SET stock_total = 1 WHERE code = 'LAB-1'", "23514");
  assert_sqlstate ("UPDATE items SET stock_available = 0 WHERE code = 'LAB-1'", "00000");
  assert_sqlstate ("UPDATE items SET stock_available = 3 WHERE code = 'LAB-1'", "00000");
}

static void
test_uniqueness (void)
{
  setup_fixture ();
  assert_sqlstate ("INSERT INTO categories (name) VALUES ('ALAT LAB')", "23505");
  assert_sqlstate ("INSERT INTO items (code, name, category_id, stock_total, stock_available)"
                   " VALUES ('lab-1', 'Lain', '00000000-0000-0000-0000-0000000000c1', 1, 1)",
                   "23505");
  assert_sqlstate ("INSERT INTO users (username, password_hash, full_name) VALUES"
                   " ('siswa.sari', '$2b$x', 'Sari Lain')", "23505");
  assert_sqlstate ("INSERT INTO users (username, password_hash, full_name, email) VALUES"
                   " ('guru.a', '$2b$x', 'A', 'Guru@Sekolah.sch.id')", "00000");
  assert_sqlstate ("INSERT INTO users (username, password_hash, full_name, email) VALUES"
                   " ('guru.b', '$2b$x', 'B', 'guru@sekolah.sch.id')", "23505");
  /* Usernames are lower-case by rule, so "Siswa.Sari" is not a way around uniqueness. */
  assert_sqlstate ("INSERT INTO users (username, password_hash, full_name) VALUES"
                   " ('Siswa.Sari', '$2b$x', 'Sari')", "23514");
}

static void
test_restrict_deletes (void)
{
  setup_fixture ();
  assert_sqlstate ("INSERT INTO loans (user_id, item_id, quantity, start_date, due_date,"
                   " purpose, status) VALUES ('00000000-0000-0000-0000-0000000000b1',"
                   " '00000000-0000-0000-0000-0000000000a1', 1, current_date, current_date + 3,"
                   " 'Praktikum', 'pending')", "00000");
  /* A category with items, an item with loans, a user with loans: all kept. */
  assert_sqlstate ("DELETE FROM categories WHERE name = 'Alat Lab'", "23503");
  assert_sqlstate ("DELETE FROM items WHERE code = 'LAB-1'", "23503");
  assert_sqlstate ("DELETE FROM users WHERE username = 'siswa.sari'", "23503");
  /* And the loan rules the table itself holds. */
  assert_sqlstate ("INSERT INTO loans (user_id, item_id, quantity, start_date, due_date, purpose)"
                   " VALUES ('00000000-0000-0000-0000-0000000000b1',"
                   " '00000000-0000-0000-0000-0000000000a1', 0, current_date, current_date,"
                   " 'x')", "23514");
  assert_sqlstate ("INSERT INTO loans (user_id, item_id, quantity, start_date, due_date, purpose)"
                   " VALUES ('00000000-0000-0000-0000-0000000000b1',"
                   " '00000000-0000-0000-0000-0000000000a1', 1, current_date, current_date - 1,"
                   " 'x')", "23514");
}

static void
test_activity_log_append_only (void)
{
  g_autofree char *user_id = NULL;
  g_autofree char *kept = NULL;

  assert_sqlstate ("INSERT INTO users (id, username, password_hash, full_name) VALUES"
                   " ('00000000-0000-0000-0000-0000000000b9', 'pindahan', '$2b$x', 'P')", "00000");
  assert_sqlstate ("INSERT INTO activity_log (user_id, username, action, table_name)"
                   " VALUES ('00000000-0000-0000-0000-0000000000b9', 'pindahan', 'auth.login',"
                   " 'users')", "00000");
  assert_sqlstate ("UPDATE activity_log SET action = 'edited'", "42501");
  assert_sqlstate ("DELETE FROM activity_log", "42501");
  assert_sqlstate ("TRUNCATE activity_log", "42501");

  /* Deleting a user keeps their trail: the row stays with user_id NULL. */
  assert_sqlstate ("DELETE FROM users WHERE username = 'pindahan'", "00000");
  kept = lp_test_server_sql_value (server, "SELECT count(*) FROM activity_log"
                                           " WHERE username = 'pindahan' AND user_id IS NULL");
  g_assert_cmpstr (kept, ==, "1");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = lp_test_server_start (NULL);

  g_test_add_func ("/lp/schema/stock-invariant", test_stock_invariant);
  g_test_add_func ("/lp/schema/uniqueness", test_uniqueness);
  g_test_add_func ("/lp/schema/restrict-deletes", test_restrict_deletes);
  g_test_add_func ("/lp/schema/activity-log-append-only", test_activity_log_append_only);

  status = g_test_run ();
  lp_test_server_free (server);
  return status;
}
