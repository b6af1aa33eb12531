/* test-api-client.c — LpApiClient and LpPagedModel against a scripted HTTP server.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No database and no display: an in-process SoupServer answers with canned replies, so
 * decoding and error mapping are checked for replies the real server rarely gives (a
 * proxy's HTML page, a broken body, a dead port).
 */

#define G_LOG_DOMAIN "test-api-client"

#include "config.h"

#include "lp-api-client.h"
#include "lp-data-objects.h"
#include "lp-paged-model.h"
#include "lp-error.h"
#include "lp-json.h"

#include <libsoup/soup.h>
#include <string.h>

#define CATALOG_SIZE 10000

typedef struct
{
  SoupServer  *server;
  char        *base_url;
  LpApiClient *client;
  GHashTable  *last_query;    /* of the last /items request */
  char        *last_auth;     /* Authorization of the last request */
  guint        n_item_requests;
} Fixture;

static const char *
item_json (guint index)
{
  static char buffer[1024];

  g_snprintf (buffer, sizeof buffer,
              "{\"id\":\"00000000-0000-4000-8000-%012u\",\"code\":\"BK-%05u\","
              "\"name\":\"Book %05u\","
              "\"category_id\":\"c1\",\"category\":{\"id\":\"c1\",\"name\":\"Buku\"},"
              "\"location\":\"Rak A\",\"stock_total\":3,\"stock_available\":%u,"
              "\"condition\":\"%s\",\"status\":\"%s\",\"description\":\"\","
              "\"author\":\"Pramoedya\",\"publisher\":null,\"year\":1980,\"isbn\":null,"
              "\"borrowable\":true}",
              index, index, index, index % 4,
              index % 10 == 0 ? "minor_damage" : "good",
              index % 10 == 0 ? "needs_maintenance" : "available");
  return buffer;
}

static const char *user_json =
  "{\"id\":\"11111111-1111-4111-8111-111111111111\",\"username\":\"andi\",\"role\":\"member\","
  "\"full_name\":\"Andi Wijaya\",\"email\":null,\"active\":true,"
  "\"created_at\":\"2026-01-09T03:00:00Z\",\"updated_at\":\"2026-01-09T03:00:00Z\"}";

static void
reply (SoupServerMessage *msg,
       guint              status,
       const char        *content_type,
       const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
reply_error (SoupServerMessage *msg,
             guint              status,
             const char        *code,
             const char        *message)
{
  g_autofree char *body = g_strdup_printf ("{\"error\":{\"code\":\"%s\",\"message\":\"%s\"}}",
                                           code, message);

  reply (msg, status, "application/json", body);
}

static gboolean
authorized (SoupServerMessage *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  return g_strcmp0 (auth, "Bearer good-token") == 0;
}

static void
handle_items (Fixture           *fixture,
              SoupServerMessage *msg,
              GHashTable        *query)
{
  guint limit = 50, offset = 0, total = CATALOG_SIZE;
  const char *q = query != NULL ? g_hash_table_lookup (query, "q") : NULL;
  g_autoptr(GString) body = g_string_new ("{\"items\":[");

  fixture->n_item_requests++;
  g_clear_pointer (&fixture->last_query, g_hash_table_unref);
  fixture->last_query = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (query != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (fixture->last_query, g_strdup (key), g_strdup (value));
      if (g_hash_table_contains (query, "limit"))
        limit = (guint) g_ascii_strtoull (g_hash_table_lookup (query, "limit"), NULL, 10);
      if (g_hash_table_contains (query, "offset"))
        offset = (guint) g_ascii_strtoull (g_hash_table_lookup (query, "offset"), NULL, 10);
    }
  if (q != NULL && g_str_equal (q, "nothing"))
    total = 0;
  for (guint i = offset; i < MIN (offset + limit, total); i++)
    g_string_append_printf (body, "%s%s", i > offset ? "," : "", item_json (i));
  g_string_append_printf (body, "],\"total\":%u,\"limit\":%u,\"offset\":%u}", total, limit, offset);
  reply (msg, 200, "application/json", body->str);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Fixture *fixture = user_data;
  const char *method = soup_server_message_get_method (msg);
  SoupMessageBody *request = soup_server_message_get_request_body (msg);
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  g_free (fixture->last_auth);
  fixture->last_auth = g_strdup (auth);

  if (g_str_equal (path, "/api/v1/auth/login") && g_str_equal (method, "POST"))
    {
      g_autofree char *body = NULL;

      if (request->data == NULL || strstr (request->data, "\"password\":\"right\"") == NULL)
        { reply_error (msg, 401, "unauthorized", "Wrong username or password"); return; }
      body = g_strdup_printf ("{\"token\":\"good-token\",\"expires_at\":\"2026-01-10T03:00:00Z\","
                              "\"user\":%s}", user_json);
      { reply (msg, 200, "application/json", body); return; }
    }
  if (g_str_equal (path, "/api/v1/auth/logout"))
    { reply (msg, 204, NULL, NULL); return; }
  if (g_str_equal (path, "/api/v1/me") && g_str_equal (method, "GET"))
    {
      if (!authorized (msg))
        { reply_error (msg, 401, "unauthorized", "Session expired"); return; }
      { reply (msg, 200, "application/json", user_json); return; }
    }
  if (g_str_equal (path, "/api/v1/me/password"))
    {
      g_autofree char *body = g_strdup (
        "{\"error\":{\"code\":\"validation_failed\",\"message\":\"Some fields are invalid\","
        "\"fields\":{\"current_password\":\"The current password is not correct.\"}}}");
      { reply (msg, 422, "application/json", body); return; }
    }
  if (g_str_equal (path, "/api/v1/auth/register"))
    { reply (msg, 502, "text/html", "<html><body>Bad gateway</body></html>"); return; }
  if (g_str_equal (path, "/api/v1/categories"))
    { reply (msg, 200, "application/json",
                  "{\"items\":[{\"id\":\"c2\",\"name\":\"Perangkat TIK\",\"description\":\"\"},"
                  "{\"id\":\"c1\",\"name\":\"Alat Lab\",\"description\":null}],"
                  "\"total\":2,\"limit\":500,\"offset\":0}"); return; }
  if (g_str_equal (path, "/api/v1/items"))
    { handle_items (fixture, msg, query); return; }
  if (g_str_equal (path, "/api/v1/items/broken"))
    { reply (msg, 200, "application/json", "{\"id\": tru"); return; }
  if (g_str_equal (path, "/api/v1/items/incomplete"))
    { reply (msg, 200, "application/json", "{\"id\":\"x\"}"); return; }
  if (g_str_equal (path, "/api/v1/items/00000000-0000-4000-8000-000000000010"))
    { reply (msg, 200, "application/json", item_json (10)); return; }
  if (g_str_equal (path, "/api/v1/items/00000000-0000-4000-8000-000000000010/availability"))
    {
      g_autofree char *body = NULL;

      g_assert_cmpstr (g_hash_table_lookup (query, "from"), ==, "2026-01-10");
      g_assert_cmpstr (g_hash_table_lookup (query, "to"), ==, "2026-01-12");
      body = g_strdup ("{\"days\":[{\"date\":\"2026-01-10\",\"free\":1},"
                       "{\"date\":\"2026-01-11\",\"free\":0},"
                       "{\"date\":\"2026-01-12\",\"free\":3}]}");
      { reply (msg, 200, "application/json", body); return; }
    }
  reply_error (msg, 404, "not_found", "No such resource");
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, handle, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  fixture->base_url = g_strdup_printf ("http://127.0.0.1:%d/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  fixture->client = lp_api_client_new (fixture->base_url);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->client);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->last_query, g_hash_table_unref);
  g_free (fixture->last_auth);
  g_free (fixture->base_url);
}

static void
count_signal (guint *count)
{
  (*count)++;
}

/* Runs the main context until *@result is set by on_result(). */
static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
on_result (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* One row of the endpoint table called as the app calls it; @id fills the path. */
static void
call (Fixture             *fixture,
      const LpApiEndpoint *endpoint,
      const char          *id,
      const char * const  *query,
      JsonNode            *body,
      GCancellable        *cancellable,
      GAsyncResult       **result)
{
  const char *args[] = { id, NULL };

  lp_api_client_call_async (fixture->client, endpoint, id != NULL ? args : NULL, query, body,
                            cancellable, on_result, result);
}

/* Returns: (transfer full): the decoded value of a call(), or NULL with @error. */
static gpointer
call_value (Fixture       *fixture,
            GAsyncResult **result,
            guint         *total,
            GError       **error)
{
  gpointer value = NULL;

  lp_api_client_call_finish (fixture->client, wait_for (result), &value, total, error);
  return value;
}

static void
test_login (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LpUserObject) user = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (lp_api_client_get_role (fixture->client), ==, LP_ROLE_GUEST);
  lp_api_client_login_async (fixture->client, "andi", "right", NULL, on_result, &result);
  user = lp_api_client_login_finish (fixture->client, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lp_api_object_get_string (user, "username"), ==, "andi");
  g_assert_cmpstr (lp_api_object_get_string (user, "full-name"), ==, "Andi Wijaya");
  g_assert_cmpint (lp_api_object_get_enum (user, "role"), ==, LP_ROLE_MEMBER);
  g_assert_null (fixture->last_auth);   /* a login never sends an old token */
  g_assert_cmpstr (lp_api_client_get_token (fixture->client), ==, "good-token");
  g_assert_cmpint (lp_api_client_get_role (fixture->client), ==, LP_ROLE_MEMBER);
  g_assert_true (lp_api_client_get_user (fixture->client) == user);

  /* Later requests carry the token. */
  g_clear_object (&result);
  lp_api_client_me_async (fixture->client, NULL, on_result, &result);
  g_clear_object (&user);
  user = lp_api_client_me_finish (fixture->client, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->last_auth, ==, "Bearer good-token");

  /* Logging out ends the session locally at once. */
  g_clear_object (&result);
  lp_api_client_logout_async (fixture->client, NULL, on_result, &result);
  g_assert_null (lp_api_client_get_token (fixture->client));
  g_assert_null (lp_api_client_get_user (fixture->client));
  g_assert_true (lp_api_client_logout_finish (fixture->client, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->last_auth, ==, "Bearer good-token");
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LpUserObject) user = NULL;
  g_autoptr(GError) error = NULL;
  guint expired = 0;

  g_signal_connect_swapped (fixture->client, "session-expired", G_CALLBACK (count_signal),
                            &expired);
  lp_api_client_login_async (fixture->client, "andi", "wrong", NULL, on_result, &result);
  user = lp_api_client_login_finish (fixture->client, wait_for (&result), &error);
  g_assert_null (user);
  g_assert_error (error, LP_ERROR, LP_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (error->message, ==, "Wrong username or password");
  g_assert_null (lp_api_client_get_token (fixture->client));
  g_assert_true (lp_api_client_get_reachable (fixture->client));
  g_assert_cmpuint (expired, ==, 0);
}

static void
test_session_expired (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LpUserObject) user = NULL;
  g_autoptr(GError) error = NULL;
  guint expired = 0, user_notifies = 0;

  g_signal_connect_swapped (fixture->client, "session-expired", G_CALLBACK (count_signal),
                            &expired);
  g_signal_connect_swapped (fixture->client, "notify::user", G_CALLBACK (count_signal),
                            &user_notifies);

  /* A remembered token the server no longer accepts. */
  lp_api_client_set_token (fixture->client, "revoked-token");
  lp_api_client_me_async (fixture->client, NULL, on_result, &result);
  user = lp_api_client_me_finish (fixture->client, wait_for (&result), &error);
  g_assert_error (error, LP_ERROR, LP_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (expired, ==, 1);
  g_assert_null (lp_api_client_get_token (fixture->client));

  /* A guest's 401 (no token sent) ends nothing. */
  g_clear_error (&error);
  g_clear_object (&result);
  lp_api_client_me_async (fixture->client, NULL, on_result, &result);
  user = lp_api_client_me_finish (fixture->client, wait_for (&result), &error);
  g_assert_error (error, LP_ERROR, LP_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (expired, ==, 1);
}

static void
test_validation_error (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = lp_api_body_new ("current_password", "old",
                                              "new_password", "Baru#2026", NULL);
  GHashTable *fields;

  lp_api_client_set_token (fixture->client, "good-token");
  call (fixture, &LP_API_ME_PASSWORD, NULL, NULL, body, NULL, &result);
  g_assert_false (lp_api_client_call_finish (fixture->client, wait_for (&result), NULL, NULL,
                                             &error));
  g_assert_error (error, LP_ERROR, LP_ERROR_VALIDATION_FAILED);
  fields = lp_error_get_fields (error);
  g_assert_nonnull (fields);
  g_assert_cmpstr (g_hash_table_lookup (fields, "current_password"), ==,
                   "The current password is not correct.");
}

static void
test_proxy_error (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpUserObject) user = NULL;

  /* A reverse proxy's HTML page: the status decides, and the server counts as down. */
  g_autoptr(JsonNode) body = lp_api_body_new ("username", "budi", "password", "Rahasia#2026",
                                              "full_name", "Budi", NULL);

  call (fixture, &LP_API_AUTH_REGISTER, NULL, NULL, body, NULL, &result);
  user = call_value (fixture, &result, NULL, &error);
  g_assert_null (user);
  g_assert_error (error, LP_ERROR, LP_ERROR_UNAVAILABLE);
  g_assert_false (lp_api_client_get_reachable (fixture->client));
}

static void
test_unreadable_reply (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *ids[] = { "broken", "incomplete" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LpItemObject) item = NULL;

      g_test_expect_message ("lp-api-client", G_LOG_LEVEL_WARNING, "Un*reply from*");
      call (fixture, &LP_API_ITEMS_GET, ids[i], NULL, NULL, NULL, &result);
      item = call_value (fixture, &result, NULL, &error);
      g_test_assert_expected_messages ();
      g_assert_null (item);
      g_assert_error (error, LP_ERROR, LP_ERROR_BAD_REQUEST);
      g_assert_true (lp_api_client_get_reachable (fixture->client));
    }
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpItemObject) item = NULL;

  /* The id is escaped into the path. */
  call (fixture, &LP_API_ITEMS_GET, "a b?c=d", NULL, NULL, NULL, &result);
  item = call_value (fixture, &result, NULL, &error);
  g_assert_null (item);
  g_assert_error (error, LP_ERROR, LP_ERROR_NOT_FOUND);
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autofree char *dead_url = NULL;
  guint reachable_notifies = 0;

  /* A port that was free a moment ago: nothing listens there. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new (loopback, 0);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  g_clear_object (&address);
  address = g_socket_get_local_address (socket, &error);
  dead_url = g_strdup_printf ("http://127.0.0.1:%u/",
                              g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));
  g_socket_close (socket, NULL);

  g_signal_connect_swapped (fixture->client, "notify::reachable", G_CALLBACK (count_signal),
                            &reachable_notifies);
  lp_api_client_set_base_url (fixture->client, dead_url);
  call (fixture, &LP_API_ITEMS_LIST, NULL, NULL, NULL, NULL, &result);
  items = call_value (fixture, &result, NULL, &error);
  g_assert_null (items);
  g_assert_error (error, LP_ERROR, LP_ERROR_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, lp_api_client_get_base_url (fixture->client)));
  g_assert_false (lp_api_client_get_reachable (fixture->client));
  g_assert_cmpuint (reachable_notifies, ==, 1);

  /* Back to a live server: reachable again with the first reply. */
  lp_api_client_set_base_url (fixture->client, fixture->base_url);
  call (fixture, &LP_API_CATEGORIES_LIST, NULL, NULL, NULL, NULL, &second);
  g_clear_pointer (&items, g_ptr_array_unref);
  g_clear_error (&error);
  items = call_value (fixture, &second, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lp_api_client_get_reachable (fixture->client));
  g_assert_cmpuint (reachable_notifies, ==, 2);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) categories = NULL;

  call (fixture, &LP_API_CATEGORIES_LIST, NULL, NULL, NULL, cancellable, &result);
  g_cancellable_cancel (cancellable);
  categories = call_value (fixture, &result, NULL, &error);
  g_assert_null (categories);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (lp_api_client_get_reachable (fixture->client));
}

static void
test_base_url (Fixture       *fixture,
               gconstpointer  data)
{
  const char *good[] = { "http://127.0.0.1:8088/", "https://perpus.sekolah.sch.id",
                         "http://192.168.1.10:8088/lentera/" };
  const char *bad[] = { "", "perpus.sekolah", "ftp://host/", "http://", "http://host/?q=1",
                        "javascript:alert(1)" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (lp_api_client_check_base_url (good[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (lp_api_client_check_base_url (bad[i], &error));
      g_assert_error (error, LP_ERROR, LP_ERROR_VALIDATION_FAILED);
    }

  /* Trailing slashes do not matter; another server means a guest again. */
  lp_api_client_set_token (fixture->client, "good-token");
  lp_api_client_set_base_url (fixture->client, "http://10.0.0.1:8088///");
  g_assert_cmpstr (lp_api_client_get_base_url (fixture->client), ==, "http://10.0.0.1:8088");
  g_assert_null (lp_api_client_get_token (fixture->client));
}

static void
test_list_items (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const char *query[] = { "q", "Pramoedya & Sons", "category_id", "c1", "borrowable", "true",
                          "limit", "100", "offset", "200", NULL };
  const char *no_filter[] = { "q", "", "category_id", NULL, "limit", "50", NULL };
  LpItemObject *item;
  guint total = 0;

  call (fixture, &LP_API_ITEMS_LIST, NULL, query, NULL, NULL, &result);
  items = call_value (fixture, &result, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, CATALOG_SIZE);
  g_assert_cmpuint (items->len, ==, 100);
  g_assert_cmpstr (g_hash_table_lookup (fixture->last_query, "q"), ==, "Pramoedya & Sons");
  g_assert_cmpstr (g_hash_table_lookup (fixture->last_query, "category_id"), ==, "c1");
  g_assert_cmpstr (g_hash_table_lookup (fixture->last_query, "borrowable"), ==, "true");
  g_assert_cmpstr (g_hash_table_lookup (fixture->last_query, "limit"), ==, "100");
  g_assert_cmpstr (g_hash_table_lookup (fixture->last_query, "offset"), ==, "200");

  item = g_ptr_array_index (items, 10);
  g_assert_cmpstr (lp_api_object_get_string (item, "code"), ==, "BK-00210");
  g_assert_cmpstr (lp_api_object_get_string (item, "name"), ==, "Book 00210");
  g_assert_cmpint (lp_api_object_get_enum (item, "condition"), ==, LP_ITEM_CONDITION_MINOR_DAMAGE);
  g_assert_cmpint (lp_api_object_get_enum (item, "status"), ==, LP_ITEM_STATUS_NEEDS_MAINTENANCE);
  g_assert_cmpint (lp_api_object_get_int (item, "stock-total"), ==, 3);
  g_assert_cmpint (lp_api_object_get_int (item, "year"), ==, 1980);
  g_assert_null (lp_api_object_get_string (item, "publisher"));
  g_assert_cmpstr (lp_api_object_get_string (lp_api_object_get_object (item, "category"), "name"),
                   ==, "Buku");

  /* No filter: no parameter at all. */
  g_clear_object (&result);
  g_clear_pointer (&items, g_ptr_array_unref);
  call (fixture, &LP_API_ITEMS_LIST, NULL, no_filter, NULL, NULL, &result);
  items = call_value (fixture, &result, &total, &error);
  g_assert_no_error (error);
  g_assert_false (g_hash_table_contains (fixture->last_query, "q"));
  g_assert_false (g_hash_table_contains (fixture->last_query, "category_id"));
  g_assert_false (g_hash_table_contains (fixture->last_query, "borrowable"));
}

static void
test_item_and_availability (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpItemObject) item = NULL;
  g_autoptr(GArray) days = NULL;

  const char *query[] = { "from", "2026-01-10", "to", "2026-01-12", NULL };

  call (fixture, &LP_API_ITEMS_GET, "00000000-0000-4000-8000-000000000010", NULL, NULL, NULL,
        &result);
  item = call_value (fixture, &result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lp_api_object_get_string (item, "code"), ==, "BK-00010");

  g_clear_object (&result);
  call (fixture, &LP_API_ITEMS_AVAILABILITY, "00000000-0000-4000-8000-000000000010", query, NULL,
        NULL, &result);
  days = call_value (fixture, &result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 3);
  g_assert_cmpint (g_array_index (days, LpAvailabilityDay, 0).free, ==, 1);
  g_assert_cmpint (g_array_index (days, LpAvailabilityDay, 1).free, ==, 0);
  g_assert_cmpint (g_date_get_day (&g_array_index (days, LpAvailabilityDay, 2).date), ==, 12);
}

static void
test_categories (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) categories = NULL;

  LpCategoryObject *lab = NULL, *ict = NULL;

  call (fixture, &LP_API_CATEGORIES_LIST, NULL, NULL, NULL, NULL, &result);
  categories = call_value (fixture, &result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, ==, 2);
  for (guint i = 0; i < categories->len; i++)
    {
      LpCategoryObject *category = g_ptr_array_index (categories, i);
      const char *name = lp_api_object_get_string (category, "name");

      if (g_strcmp0 (name, "Alat Lab") == 0)
        lab = category;
      else if (g_strcmp0 (name, "Perangkat TIK") == 0)
        ict = category;
    }
  g_assert_nonnull (lab);
  g_assert_nonnull (ict);
  g_assert_null (lp_api_object_get_string (lab, "description"));
}

/* LpPagedModel, over the catalog */

static void
wait_until_loaded (LpPagedModel *model)
{
  while (lp_paged_model_get_loading (model))
    g_main_context_iteration (NULL, TRUE);
}

static void
spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_model_paging (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LpPagedModel) model = lp_paged_model_new (fixture->client, &LP_API_ITEMS_LIST, &LP_API_ITEMS_GET);
  g_autoptr(LpItemObject) first = NULL;
  g_autoptr(LpItemObject) far = NULL;
  g_autoptr(LpItemObject) skipped = NULL;
  guint changes = 0;

  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (count_signal), &changes);
  lp_paged_model_set_query (model, NULL);
  g_assert_true (lp_paged_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  wait_until_loaded (model);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, CATALOG_SIZE);
  g_assert_cmpuint (fixture->n_item_requests, ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (fixture->last_query, "limit"), ==, "100");

  /* The first page came with the reset. */
  first = g_list_model_get_item (G_LIST_MODEL (model), 5);
  g_assert_true (lp_api_object_get_loaded (first));
  g_assert_cmpstr (lp_api_object_get_string (first, "code"), ==, "BK-00005");

  /* A row further down is a placeholder until its page arrives; it is filled in place. */
  far = g_list_model_get_item (G_LIST_MODEL (model), 9555);
  g_assert_false (lp_api_object_get_loaded (far));
  while (!lp_api_object_get_loaded (far))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (lp_api_object_get_string (far, "code"), ==, "BK-09555");
  g_assert_cmpstr (g_hash_table_lookup (fixture->last_query, "offset"), ==, "9500");
  g_assert_cmpuint (changes, ==, 1);

  /* A row asked for and dropped at once (scrolled past) is never fetched. */
  skipped = g_list_model_get_item (G_LIST_MODEL (model), 505);
  g_clear_object (&skipped);
  spin (200);
  g_assert_cmpuint (fixture->n_item_requests, ==, 2);

  /* Memory stays bounded while every row is looked at once. */
  for (guint i = 0; i < CATALOG_SIZE; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  g_assert_cmpuint (lp_paged_model_get_n_pages (model), <=, 40);

  /* A new query replaces everything in one change. */
  lp_paged_model_set_query (model, (const char *[]) { "q", "nothing", NULL });
  wait_until_loaded (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_null (lp_paged_model_get_error (model));
}

static void
on_collected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A selection's rows, also those never fetched: a page per page missing, in order. */
static void
test_model_collect (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LpPagedModel) model = lp_paged_model_new (fixture->client, &LP_API_ITEMS_LIST, &LP_API_ITEMS_GET);
  const guint positions[] = { 3, 250, 251, 9555, CATALOG_SIZE + 5 };
  const char *codes[] = { "BK-00003", "BK-00250", "BK-00251", "BK-09555" };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  g_autoptr(GError) error = NULL;

  lp_paged_model_set_query (model, (const char *[]) { "sort", "code", NULL });
  wait_until_loaded (model);
  g_assert_cmpuint (fixture->n_item_requests, ==, 1);
  lp_paged_model_collect_async (model, positions, G_N_ELEMENTS (positions), NULL, on_collected,
                                &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  objects = lp_paged_model_collect_finish (model, result, &error);
  g_assert_no_error (error);
  /* Page 0 was in memory; pages 2 and 95 were fetched, each once, with the query. */
  g_assert_cmpuint (fixture->n_item_requests, ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (fixture->last_query, "offset"), ==, "9500");
  g_assert_cmpstr (g_hash_table_lookup (fixture->last_query, "sort"), ==, "code");
  /* The row past the end is no row. */
  g_assert_cmpuint (objects->len, ==, G_N_ELEMENTS (codes));
  for (guint i = 0; i < objects->len; i++)
    {
      g_assert_true (lp_api_object_get_loaded (objects->pdata[i]));
      g_assert_cmpstr (lp_api_object_get_string (objects->pdata[i], "code"), ==, codes[i]);
    }
}

static void
test_model_error (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LpPagedModel) model = lp_paged_model_new (fixture->client, &LP_API_ITEMS_LIST, &LP_API_ITEMS_GET);

  lp_api_client_set_base_url (fixture->client, "http://127.0.0.1:1/");
  lp_paged_model_reload (model);
  wait_until_loaded (model);
  g_assert_error (lp_paged_model_get_error (model), LP_ERROR, LP_ERROR_UNAVAILABLE);
  g_assert_false (lp_paged_model_get_loaded (model));

  lp_api_client_set_base_url (fixture->client, fixture->base_url);
  lp_paged_model_reload (model);
  wait_until_loaded (model);
  g_assert_null (lp_paged_model_get_error (model));
  g_assert_true (lp_paged_model_get_loaded (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, CATALOG_SIZE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/lp/api-client/login", test_login);
  ADD ("/lp/api-client/wrong-password", test_wrong_password);
  ADD ("/lp/api-client/session-expired", test_session_expired);
  ADD ("/lp/api-client/validation-error", test_validation_error);
  ADD ("/lp/api-client/proxy-error", test_proxy_error);
  ADD ("/lp/api-client/unreadable-reply", test_unreadable_reply);
  ADD ("/lp/api-client/not-found", test_not_found);
  ADD ("/lp/api-client/unreachable", test_unreachable);
  ADD ("/lp/api-client/cancelled", test_cancelled);
  ADD ("/lp/api-client/base-url", test_base_url);
  ADD ("/lp/api-client/list-items", test_list_items);
  ADD ("/lp/api-client/item-and-availability", test_item_and_availability);
  ADD ("/lp/api-client/categories", test_categories);
  ADD ("/lp/catalog-model/paging", test_model_paging);
  ADD ("/lp/catalog-model/collect", test_model_collect);
  ADD ("/lp/catalog-model/error", test_model_error);

#undef ADD

  return g_test_run ();
}
