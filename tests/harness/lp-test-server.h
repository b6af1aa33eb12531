/* lp-test-server.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libpq-fe.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/*
 * The test harness: a private PostgreSQL cluster in a temporary directory, and the real
 * lentera-server on a free port talking to it, driven over real HTTP. Everything is
 * stopped and deleted at the end, and also when a test aborts.
 */
typedef struct _LpTestServer LpTestServer;

typedef struct
{
  guint       status;
  GBytes     *body;
  JsonNode   *json;          /* NULL unless the body is JSON */
  char       *content_type;
  SoupMessageHeaders *headers;
} LpTestResponse;

LpTestServer   *lp_test_server_start            (const char * const *extra_args);
void            lp_test_server_free             (LpTestServer *server);
LpTestServer   *lp_test_server_start_another    (LpTestServer *server);
LpTestServer   *lp_test_server_start_another_with (LpTestServer       *server,
                                                   const char * const *extra_args);
guint           lp_test_server_get_port         (LpTestServer *server);
const char     *lp_test_server_get_conninfo     (LpTestServer *server);
void            lp_test_server_stop_database    (LpTestServer *server);
void            lp_test_server_start_database   (LpTestServer *server);
/* SIGSTOPs the postmaster and every backend, as a network partition would leave them
 * (alive, silent). A watchdog thaws them after max_seconds, or when the test dies; thaw
 * is also safe to call when nothing is frozen, and lp_test_server_free() calls it. */
void            lp_test_server_freeze_database  (LpTestServer *server,
                                                 guint         max_seconds);
void            lp_test_server_thaw_database    (LpTestServer *server);
PGresult       *lp_test_server_sql              (LpTestServer *server,
                                                 const char   *sql,
                                                 int           n_params,
                                                 const char * const *params);
char           *lp_test_server_sql_value        (LpTestServer *server,
                                                 const char   *sql);
/* lp_test_server_sql_value() of a query written with printf: for the test's own trusted
 * literals (codes, ids it made), never for input under test. */
char           *lp_test_server_sql_printf       (LpTestServer *server,
                                                 const char   *format,
                                                 ...) G_GNUC_PRINTF (2, 3);
/* A query that must succeed, with the NULL-terminated text parameters in args: the
 * result, or (the _first_ form) the first value of the first row, NULL if none. */
PGresult       *lp_test_server_sql_valist       (LpTestServer *server,
                                                 const char   *sql,
                                                 va_list       args);
char           *lp_test_server_sql_first_valist (LpTestServer *server,
                                                 const char   *sql,
                                                 va_list       args);

LpTestResponse *lp_test_request                 (LpTestServer *server,
                                                 const char   *method,
                                                 const char   *path,
                                                 const char   *token,
                                                 const char   *json_body);
LpTestResponse *lp_test_request_bytes           (LpTestServer *server,
                                                 const char   *method,
                                                 const char   *path,
                                                 const char   *token,
                                                 const char   *content_type,
                                                 GBytes       *body);
void            lp_test_response_free           (LpTestResponse *response);
JsonObject     *lp_test_response_object         (LpTestResponse *response);
const char     *lp_test_response_error_code     (LpTestResponse *response);

/* Creates an active user straight in the database and logs in through the API. */
char           *lp_test_server_create_user      (LpTestServer *server,
                                                 const char   *username,
                                                 const char   *password,
                                                 const char   *role);
char           *lp_test_server_login            (LpTestServer *server,
                                                 const char   *username,
                                                 const char   *password);

/* Spawns lentera-server with these arguments and waits for its "Listening on" line. */
GSubprocess    *lp_test_spawn_server            (const char * const *args,
                                                 guint        *port,
                                                 GError      **error);
/* The same with stderr merged into stdout: *log reads the server's log (the access log
 * lines included) from the line after "Listening on". */
GSubprocess    *lp_test_spawn_server_logged     (const char * const *args,
                                                 guint        *port,
                                                 GDataInputStream **log,
                                                 GError      **error);

char           *lp_test_make_tmp_dir            (void);
void            lp_test_remove_tree             (const char   *path);

#define lp_assert_status(resp, expected) \
  G_STMT_START { \
    LpTestResponse *_r = (resp); \
    if (_r->status != (expected)) \
      g_error ("%s:%d: expected HTTP %u, got %u: %.*s", __FILE__, __LINE__, (guint) (expected), \
               _r->status, (int) g_bytes_get_size (_r->body), \
               (const char *) g_bytes_get_data (_r->body, NULL)); \
  } G_STMT_END

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpTestResponse, lp_test_response_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpTestServer, lp_test_server_free)

G_END_DECLS
