/* lp-admin-cli.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-admin-cli"

#include "config.h"

#include "lp-admin-cli.h"

#include "lp-db.h"
#include "lp-passwords.h"
#include "lp-validation.h"

#include <stdio.h>
#include <termios.h>
#include <unistd.h>

static char *
read_line (FILE *in)
{
  char buf[512];
  gsize len;

  if (fgets (buf, sizeof buf, in) == NULL)
    return NULL;
  len = strlen (buf);
  while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
    buf[--len] = '\0';
  return g_strdup (buf);
}

static char *
prompt_hidden (const char *prompt)
{
  struct termios old, quiet;
  char *line;

  g_printerr ("%s", prompt);
  if (tcgetattr (STDIN_FILENO, &old) != 0)
    return read_line (stdin);
  quiet = old;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
  line = read_line (stdin);
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &old);
  g_printerr ("\n");
  return line;
}

static char *
read_password (void)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (!isatty (STDIN_FILENO))
    return read_line (stdin);
  first = prompt_hidden ("Password: ");
  second = prompt_hidden ("Repeat the password: ");
  if (first == NULL || second == NULL || !g_str_equal (first, second))
    {
      g_printerr ("The passwords do not match.\n");
      return NULL;
    }
  return g_steal_pointer (&first);
}

static gboolean
insert_admin (PGconn      *conn,
              const char  *username,
              const char  *hash,
              GError     **error)
{
  g_autoptr(PGresult) res = NULL;

  res = lp_db_query (conn, error,
                     "WITH u AS (INSERT INTO users (username, password_hash, role, full_name, active)"
                     " VALUES ($1, $2, 'admin', $1, true) RETURNING id, username, role, active)"
                     " INSERT INTO activity_log (user_id, username, action, table_name, record_id,"
                     " new_data) SELECT id, username, 'user.create', 'users', id::text,"
                     " jsonb_build_object('username', username, 'role', role, 'active', active)"
                     " FROM u",
                     username, hash);
  return res != NULL;
}

int
lp_admin_cli_create_admin (const char *conninfo,
                           const char *username)
{
  g_autofree char *password = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(GError) error = NULL;
  const char *problem;
  PGconn *conn;
  gboolean ok;

  if ((problem = lp_validate_username (username)) != NULL)
    {
      g_printerr ("Username: %s\n", problem);
      return 2;
    }
  password = read_password ();
  if (password == NULL)
    return 2;
  if ((problem = lp_validate_password (password, username)) != NULL)
    {
      g_printerr ("Password: %s\n", problem);
      return 2;
    }
  hash = lp_password_hash (password, &error);
  conn = hash != NULL ? lp_db_connect (conninfo, 10000, 5, &error) : NULL;
  ok = conn != NULL && insert_admin (conn, username, hash, &error);
  g_clear_pointer (&conn, PQfinish);
  if (!ok)
    {
      g_printerr ("Could not create the admin “%s”: %s\n", username, error->message);
      return 1;
    }
  g_print ("Admin “%s” created.\n", username);
  return 0;
}
