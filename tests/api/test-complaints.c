/* test-complaints.c: complaints (SPEC §5) over real HTTP — filing with photos, who sees
 * and handles what, every status transition (allowed and refused), notes, filters and
 * the activity log. Items, categories and system complaints are made straight in SQL.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-db.h"
#include "lp-test-server.h"

#define PASSWORD "Sandi#2026a"

static LpTestServer *server;
static char *category_id;
static char *item_id;
static char *admin, *staff, *member, *other;           /* tokens */
static char *admin_id, *staff_id, *member_id, *other_id;

static const char * const statuses[] = { "waiting", "in_progress", "done", "closed" };

/* ---------------------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------------------- */

static char *sql (const char *query,
                  ...) G_GNUC_NULL_TERMINATED;

/* Runs query with the string parameters that follow (NULL-terminated); the first value. */
static char *
sql (const char *query,
     ...)
{
  va_list args;
  char *value;

  va_start (args, query);
  value = lp_test_server_sql_first_valist (server, query, args);
  va_end (args);
  return value;
}

static gint64
sql_int (const char *query,
         const char *param)
{
  g_autofree char *value = sql (query, param, NULL);

  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

static void
assert_error (LpTestResponse *resp,
              guint           status,
              const char     *code)
{
  lp_assert_status (resp, status);
  g_assert_cmpstr (lp_test_response_error_code (resp), ==, code);
}

static void
assert_field_error (LpTestResponse *resp,
                    const char     *field)
{
  JsonObject *error;

  assert_error (resp, 422, "validation_failed");
  error = json_object_get_object_member (lp_test_response_object (resp), "error");
  if (!json_object_has_member (json_object_get_object_member (error, "fields"), field))
    g_error ("expected a field error on %s: %.*s", field, (int) g_bytes_get_size (resp->body),
             (const char *) g_bytes_get_data (resp->body, NULL));
}

static const char *
str (LpTestResponse *resp,
     const char     *name)
{
  return json_object_get_string_member (lp_test_response_object (resp), name);
}

static LpTestResponse *
request (const char *method,
         const char *token,
         const char *body,
         const char *format,
         ...) G_GNUC_PRINTF (4, 5);

/* A request to the path printf'ed from format. */
static LpTestResponse *
request (const char *method,
         const char *token,
         const char *body,
         const char *format,
         ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  return lp_test_request (server, method, path, token, body);
}

static char *
upload_photo (const char *token)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR-complaint-photo";
  g_autoptr(GBytes) body = g_bytes_new (png, sizeof png - 1);
  g_autoptr(LpTestResponse) resp = lp_test_request_bytes (server, "POST", "/api/v1/attachments",
                                                          token, "image/png", body);

  lp_assert_status (resp, 201);
  return g_strdup (str (resp, "id"));
}

/* POST /complaints about the test item, as token; asserts 201 and returns the id. */
static char *
file_complaint (const char *token,
                const char *title)
{
  g_autofree char *body = g_strdup_printf ("{\"title\":\"%s\",\"description\":\"Lampu mati\","
                                           "\"location\":\"Lab IPA\",\"item_id\":\"%s\"}",
                                           title, item_id);
  g_autoptr(LpTestResponse) resp = request ("POST", token, body, "/api/v1/complaints");

  lp_assert_status (resp, 201);
  return g_strdup (str (resp, "id"));
}

static LpTestResponse *
set_status (const char *token,
            const char *id,
            const char *status)
{
  g_autofree char *body = g_strdup_printf ("{\"status\":\"%s\"}", status);

  return request ("POST", token, body, "/api/v1/complaints/%s/status", id);
}

static gint64
count_notes (const char *id)
{
  return sql_int ("SELECT count(*) FROM complaint_notes WHERE complaint_id = $1", id);
}

/* ---------------------------------------------------------------------------------------
 * Filing
 * ------------------------------------------------------------------------------------- */

static void
test_file_with_photos (void)
{
  g_autofree char *photo1 = upload_photo (member);
  g_autofree char *photo2 = upload_photo (member);
  g_autofree char *body = g_strdup_printf ("{\"title\":\"  Proyektor mati  \","
                                           "\"description\":\"Tidak menyala.\\nSudah dicoba dua"
                                           " kabel.\",\"location\":\"Ruang 7\",\"item_id\":\"%s\","
                                           "\"attachment_ids\":[\"%s\",\"%s\"],"
                                           "\"status\":\"done\",\"reporter_id\":\"%s\","
                                           "\"created_at\":\"2000-01-01T00:00:00Z\"}",
                                           item_id, photo1, photo2, other_id);
  g_autoptr(LpTestResponse) resp = request ("POST", member, body, "/api/v1/complaints");
  JsonObject *obj, *reporter, *item, *category;
  JsonArray *photos;
  g_autofree char *logged = NULL;
  g_autofree char *recent = NULL;

  lp_assert_status (resp, 201);
  obj = lp_test_response_object (resp);
  g_assert_cmpstr (str (resp, "title"), ==, "Proyektor mati");
  g_assert_cmpstr (str (resp, "description"), ==, "Tidak menyala.\nSudah dicoba dua kabel.");
  g_assert_cmpstr (str (resp, "status"), ==, "waiting");
  g_assert_false (json_object_get_boolean_member (obj, "is_system"));
  g_assert_cmpstr (str (resp, "reporter_id"), ==, member_id);
  reporter = json_object_get_object_member (obj, "reporter");
  g_assert_cmpstr (json_object_get_string_member (reporter, "id"), ==, member_id);
  g_assert_cmpstr (json_object_get_string_member (reporter, "username"), ==, "siswa.ani");
  g_assert_cmpstr (json_object_get_string_member (reporter, "full_name"), ==, "Siswa.Ani");
  g_assert_false (json_object_has_member (reporter, "password_hash"));
  item = json_object_get_object_member (obj, "item");
  g_assert_cmpstr (json_object_get_string_member (item, "id"), ==, item_id);
  g_assert_cmpstr (json_object_get_string_member (item, "code"), ==, "LAB-PRJ-01");
  /* Only the item was named: the complaint is filed under its category. */
  category = json_object_get_object_member (obj, "category");
  g_assert_cmpstr (json_object_get_string_member (category, "id"), ==, category_id);
  g_assert_cmpstr (str (resp, "category_id"), ==, category_id);
  photos = json_object_get_array_member (obj, "attachment_ids");
  g_assert_cmpuint (json_array_get_length (photos), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "notes")), ==, 0);
  /* The server's clock, not the body's. */
  recent = sql ("SELECT abs(extract(epoch FROM now() - $1::timestamptz)) < 60",
                str (resp, "created_at"), NULL);
  g_assert_cmpstr (recent, ==, "t");
  logged = sql ("SELECT new_data->>'title' FROM activity_log WHERE action = 'complaint.create'"
                " AND record_id = $1 AND username = 'siswa.ani'", str (resp, "id"), NULL);
  g_assert_cmpstr (logged, ==, "Proyektor mati");
}

static void
test_category_only_and_staff_reporter (void)
{
  g_autofree char *body = g_strdup_printf ("{\"title\":\"Kursi patah\",\"description\":\"Kaki"
                                           " kursi patah\",\"location\":\"Kelas 9B\","
                                           "\"category_id\":\"%s\"}", category_id);
  g_autoptr(LpTestResponse) resp = request ("POST", staff, body, "/api/v1/complaints");
  JsonObject *obj;

  lp_assert_status (resp, 201);
  obj = lp_test_response_object (resp);
  g_assert_cmpstr (str (resp, "reporter_id"), ==, staff_id);
  g_assert_true (json_object_get_null_member (obj, "item_id"));
  g_assert_true (json_object_get_null_member (obj, "item"));
  g_assert_cmpstr (str (resp, "category_id"), ==, category_id);
}

typedef struct
{
  const char *body;
  guint       status;
  const char *field;   /* for 422 */
} BadCase;

static void
run_bad_cases (const BadCase *cases,
               gsize          n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(LpTestResponse) resp = request ("POST", member, cases[i].body,
                                                "/api/v1/complaints");

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, cases[i].body);
      if (cases[i].status == 422)
        assert_field_error (resp, cases[i].field);
      else
        assert_error (resp, cases[i].status, "bad_request");
    }
}

static void
test_bad_input (void)
{
  g_autofree char *before = sql ("SELECT count(*) FROM complaints", NULL);
  g_autofree char *long_title = g_strnfill (201, 'a');
  g_autofree char *cat = g_strdup_printf ("\"category_id\":\"%s\"", category_id);
  g_autofree char *c1 = g_strdup_printf ("{\"description\":\"d\",\"location\":\"l\",%s}", cat);
  g_autofree char *c2 = g_strdup_printf ("{\"title\":\" \\n \",\"description\":\"d\","
                                         "\"location\":\"l\",%s}", cat);
  g_autofree char *c3 = g_strdup_printf ("{\"title\":\"%s\",\"description\":\"d\","
                                         "\"location\":\"l\",%s}", long_title, cat);
  g_autofree char *c4 = g_strdup_printf ("{\"title\":\"t\",\"description\":\"d\","
                                         "\"location\":\"Lab\\nIPA\",%s}", cat);
  g_autofree char *c9 = g_strdup_printf ("{\"title\":5,\"description\":\"d\",\"location\":\"l\","
                                         "%s}", cat);
  g_autofree char *c10 = g_strdup_printf ("{\"title\":\"t\",\"description\":\"d\","
                                          "\"location\":\"l\",%s,\"attachment_ids\":\"x\"}", cat);
  g_autofree char *c11 = g_strdup_printf ("{\"title\":\"t\",\"description\":\"\","
                                          "\"location\":\"l\",%s}", cat);
  const BadCase cases[] = {
    { c1, 422, "title" },
    { c2, 422, "title" },
    { c3, 422, "title" },
    { c4, 422, "location" },
    { "{\"title\":\"t\",\"description\":\"d\",\"location\":\"l\"}", 422, "category_id" },
    { "{\"title\":\"t\",\"description\":\"d\",\"location\":\"l\","
      "\"category_id\":\"00000000-0000-4000-8000-000000000000\"}", 422, "category_id" },
    { "{\"title\":\"t\",\"description\":\"d\",\"location\":\"l\","
      "\"item_id\":\"00000000-0000-4000-8000-000000000000\"}", 422, "item_id" },
    { "{\"title\":\"t\",\"description\":\"d\",\"location\":\"l\",\"item_id\":\"lab-1\"}",
      422, "item_id" },
    { c9, 400, NULL },
    { c10, 400, NULL },
    { c11, 422, "description" },
    { "{\"title\":\"t\"", 400, NULL },
    { "[]", 400, NULL },
  };
  g_autofree char *after = NULL;

  run_bad_cases (cases, G_N_ELEMENTS (cases));
  after = sql ("SELECT count(*) FROM complaints", NULL);
  g_assert_cmpstr (after, ==, before);
}

/* POST /complaints naming category_id and these attachment_ids (JSON text). */
static LpTestResponse *
file_with_photos (const char *token,
                  const char *ids_json)
{
  g_autofree char *body = g_strdup_printf ("{\"title\":\"t\",\"description\":\"d\","
                                           "\"location\":\"l\",\"category_id\":\"%s\","
                                           "\"attachment_ids\":%s}", category_id, ids_json);

  return request ("POST", token, body, "/api/v1/complaints");
}

static void
test_bad_attachments (void)
{
  g_autofree char *mine = upload_photo (member);
  g_autofree char *theirs = upload_photo (other);
  g_autofree char *used = upload_photo (member);
  g_autofree char *used_list = g_strdup_printf ("[\"%s\"]", used);
  g_autoptr(LpTestResponse) first = file_with_photos (member, used_list);
  g_autoptr(GString) eleven = g_string_new ("[");
  g_autofree char *l0 = g_strdup_printf ("[\"%s\"]", theirs);
  g_autofree char *l1 = g_strdup_printf ("[\"%s\",\"%s\"]", mine, used);
  g_autofree char *l2 = g_strdup_printf ("[\"%s\",\"%s\"]", mine, mine);
  g_autofree char *before = sql ("SELECT count(*) FROM complaints", NULL);
  g_autofree char *after = NULL;
  g_autofree char *linked = NULL;
  const char *lists[] = { l0, l1, l2, "[\"00000000-0000-4000-8000-000000000001\"]",
                          "[\"not-a-uuid\"]", NULL };

  /* A photo already attached to one complaint cannot go on another. */
  lp_assert_status (first, 201);
  g_free (before);
  before = sql ("SELECT count(*) FROM complaints", NULL);
  for (int i = 0; i < 11; i++)
    g_string_append_printf (eleven, "%s\"00000000-0000-4000-8000-%012d\"", i > 0 ? "," : "", i);
  g_string_append (eleven, "]");
  lists[5] = eleven->str;
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(LpTestResponse) resp = file_with_photos (member, lists[i]);

      g_test_message ("attachments %u: %s", i, lists[i]);
      assert_field_error (resp, "attachment_ids");
    }
  after = sql ("SELECT count(*) FROM complaints", NULL);
  g_assert_cmpstr (after, ==, before);
  /* The refused complaints left no link behind: "mine" is still free. */
  linked = sql ("SELECT count(*) FROM complaint_attachments WHERE attachment_id = $1", mine, NULL);
  g_assert_cmpstr (linked, ==, "0");
}

/* ---------------------------------------------------------------------------------------
 * Roles: guest, owner, another member, staff, admin on every endpoint
 * ------------------------------------------------------------------------------------- */

typedef struct
{
  const char *method;
  const char *tail;     /* after /api/v1/complaints/{id}; NULL for the collection */
  const char *body;
  guint       expected[5];   /* guest, owner, other member, staff, admin */
} RoleRow;

static void
test_roles (void)
{
  g_autofree char *id = file_complaint (member, "Jendela retak");
  g_autofree char *create = g_strdup_printf ("{\"title\":\"Role\",\"description\":\"d\","
                                             "\"location\":\"l\",\"category_id\":\"%s\"}",
                                             category_id);
  const char *tokens[] = { NULL, member, other, staff, admin };
  /* in_progress → closed is allowed once, so staff moves it on and admin closes it. */
  const RoleRow rows[] = {
    { "POST", NULL, create, { 401, 201, 201, 201, 403 } },
    { "GET", NULL, NULL, { 401, 200, 200, 200, 200 } },
    { "GET", "", NULL, { 401, 200, 404, 200, 200 } },
    { "POST", "/notes", "{\"text\":\"Dicek\"}", { 401, 403, 403, 201, 201 } },
    { "POST", "/status", "{\"status\":\"in_progress\"}", { 401, 403, 403, 200, 409 } },
    { "POST", "/status", "{\"status\":\"closed\"}", { 401, 403, 403, 200, 409 } },
  };

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    for (guint who = 0; who < G_N_ELEMENTS (tokens); who++)
      {
        g_autoptr(LpTestResponse) resp = NULL;

        if (rows[r].tail == NULL)
          resp = request (rows[r].method, tokens[who], rows[r].body, "/api/v1/complaints");
        else
          resp = request (rows[r].method, tokens[who], rows[r].body,
                          "/api/v1/complaints/%s%s", id, rows[r].tail);
        g_test_message ("%s %s as %u", rows[r].method, rows[r].tail ? rows[r].tail : "/", who);
        lp_assert_status (resp, rows[r].expected[who]);
      }
}

static void
test_members_see_only_their_own (void)
{
  g_autofree char *mine = file_complaint (member, "Punya Ani");
  g_autofree char *theirs = file_complaint (other, "Punya Budi");
  g_autoptr(LpTestResponse) own = request ("GET", member, NULL, "/api/v1/complaints?limit=500");
  g_autoptr(LpTestResponse) all = request ("GET", staff, NULL, "/api/v1/complaints?limit=500");
  g_autoptr(LpTestResponse) missing = request ("GET", admin, NULL,
                                               "/api/v1/complaints/00000000-0000-4000-8000-0000"
                                               "00000000");
  g_autoptr(LpTestResponse) bad_id = request ("GET", admin, NULL, "/api/v1/complaints/abc");
  g_autoptr(LpTestResponse) bad_status = request ("POST", staff, "{\"status\":\"in_progress\"}",
                                                  "/api/v1/complaints/abc/status");
  JsonArray *items;
  gint64 member_total = sql_int ("SELECT count(*) FROM complaints WHERE reporter_id = $1",
                                 member_id);

  lp_assert_status (own, 200);
  items = json_object_get_array_member (lp_test_response_object (own), "items");
  g_assert_cmpint (json_object_get_int_member (lp_test_response_object (own), "total"), ==,
                   member_total);
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, i),
                                                    "reporter_id"), ==, member_id);
  g_assert_cmpint (json_object_get_int_member (lp_test_response_object (all), "total"), ==,
                   sql_int ("SELECT count(*) FROM complaints", NULL));
  assert_error (missing, 404, "not_found");
  assert_error (bad_id, 404, "not_found");
  assert_error (bad_status, 404, "not_found");
}

/* ---------------------------------------------------------------------------------------
 * Status transitions
 * ------------------------------------------------------------------------------------- */

/* The way from waiting to each status through allowed steps. */
static const char * const path_to[][2] = {
  { NULL, NULL },                  /* waiting */
  { "in_progress", NULL },         /* in_progress */
  { "in_progress", "done" },       /* done */
  { "closed", NULL },              /* closed */
};

static gboolean
allowed (guint from,
         guint to)
{
  return (from == 0 && (to == 1 || to == 3)) || (from == 1 && (to == 2 || to == 3));
}

static char *
complaint_in (guint status)
{
  char *id = file_complaint (member, "Transisi");

  for (guint step = 0; step < 2 && path_to[status][step] != NULL; step++)
    {
      g_autoptr(LpTestResponse) resp = set_status (staff, id, path_to[status][step]);
      lp_assert_status (resp, 200);
    }
  return id;
}

static void
check_transition (guint from,
                  guint to)
{
  g_autofree char *id = complaint_in (from);
  gint64 notes_before = count_notes (id);
  g_autoptr(LpTestResponse) resp = set_status (admin, id, statuses[to]);
  g_autofree char *stored = sql ("SELECT status FROM complaints WHERE id = $1", id, NULL);

  g_test_message ("%s → %s", statuses[from], statuses[to]);
  if (!allowed (from, to))
    {
      assert_error (resp, 409, "invalid_transition");
      g_assert_cmpstr (stored, ==, statuses[from]);
      g_assert_cmpint (count_notes (id), ==, notes_before);
      return;
    }
  lp_assert_status (resp, 200);
  g_assert_cmpstr (str (resp, "status"), ==, statuses[to]);
  g_assert_cmpstr (stored, ==, statuses[to]);
  g_assert_cmpint (count_notes (id), ==, notes_before + 1);
}

static void
test_every_transition (void)
{
  for (guint from = 0; from < G_N_ELEMENTS (statuses); from++)
    for (guint to = 0; to < G_N_ELEMENTS (statuses); to++)
      check_transition (from, to);
}

static void
test_status_change_is_a_note (void)
{
  g_autofree char *id = file_complaint (member, "Kipas bising");
  g_autoptr(LpTestResponse) first = request ("POST", staff,
                                             "{\"status\":\"in_progress\",\"note\":\"Teknisi"
                                             " dipanggil\"}",
                                             "/api/v1/complaints/%s/status", id);
  g_autoptr(LpTestResponse) second = request ("POST", admin, "{\"status\":\"done\"}",
                                              "/api/v1/complaints/%s/status", id);
  g_autoptr(LpTestResponse) detail = request ("GET", member, NULL, "/api/v1/complaints/%s", id);
  JsonArray *notes;
  JsonObject *n0, *n1;
  g_autofree char *logged = NULL;

  lp_assert_status (first, 200);
  lp_assert_status (second, 200);
  lp_assert_status (detail, 200);
  notes = json_object_get_array_member (lp_test_response_object (detail), "notes");
  g_assert_cmpuint (json_array_get_length (notes), ==, 2);
  n0 = json_array_get_object_element (notes, 0);
  n1 = json_array_get_object_element (notes, 1);
  g_assert_cmpstr (json_object_get_string_member (n0, "status_from"), ==, "waiting");
  g_assert_cmpstr (json_object_get_string_member (n0, "status_to"), ==, "in_progress");
  g_assert_cmpstr (json_object_get_string_member (n0, "text"), ==, "Teknisi dipanggil");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (n0, "author"),
                                                  "id"), ==, staff_id);
  g_assert_cmpstr (json_object_get_string_member (n1, "status_from"), ==, "in_progress");
  g_assert_cmpstr (json_object_get_string_member (n1, "status_to"), ==, "done");
  g_assert_cmpstr (json_object_get_string_member (n1, "text"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (n1, "author"),
                                                  "username"), ==, "kepala");
  logged = sql ("SELECT string_agg((old_data->>'status') || '>' || (new_data->>'status'), ','"
                " ORDER BY id) FROM activity_log WHERE action = 'complaint.status'"
                " AND record_id = $1", id, NULL);
  g_assert_cmpstr (logged, ==, "waiting>in_progress,in_progress>done");
}

static void
test_status_bad_input (void)
{
  g_autofree char *id = file_complaint (member, "Input status");
  g_autofree char *long_note = g_strnfill (2001, 'x');
  g_autofree char *too_long = g_strdup_printf ("{\"status\":\"in_progress\",\"note\":\"%s\"}",
                                               long_note);
  g_autoptr(LpTestResponse) unknown = request ("POST", staff, "{\"status\":\"selesai\"}",
                                               "/api/v1/complaints/%s/status", id);
  g_autoptr(LpTestResponse) missing = request ("POST", staff, "{}",
                                               "/api/v1/complaints/%s/status", id);
  g_autoptr(LpTestResponse) wrong_type = request ("POST", staff, "{\"status\":1}",
                                                  "/api/v1/complaints/%s/status", id);
  g_autoptr(LpTestResponse) long_resp = request ("POST", staff, too_long,
                                                 "/api/v1/complaints/%s/status", id);
  g_autoptr(LpTestResponse) gone = set_status (staff, "00000000-0000-4000-8000-000000000000",
                                               "in_progress");
  g_autoptr(LpTestResponse) malformed = request ("POST", staff, "{\"status\":",
                                                 "/api/v1/complaints/%s/status", id);
  g_autoptr(LpTestResponse) malformed_bad_id = request ("POST", staff, "{",
                                                        "/api/v1/complaints/x/status");

  assert_error (unknown, 400, "bad_request");
  assert_field_error (missing, "status");
  assert_error (wrong_type, 400, "bad_request");
  assert_field_error (long_resp, "note");
  assert_error (gone, 404, "not_found");
  assert_error (malformed, 400, "bad_request");
  assert_error (malformed_bad_id, 404, "not_found");
  g_assert_cmpint (count_notes (id), ==, 0);
}

/* ---------------------------------------------------------------------------------------
 * Notes
 * ------------------------------------------------------------------------------------- */

static void
test_notes (void)
{
  g_autofree char *id = complaint_in (3);   /* closed: notes are still welcome */
  g_autofree char *updated_before = sql ("SELECT updated_at FROM complaints WHERE id = $1",
                                         id, NULL);
  g_autoptr(LpTestResponse) note = request ("POST", staff,
                                            "{\"text\":\"Duplikat laporan 12, ditutup.\\n"
                                            "Terima kasih.\"}",
                                            "/api/v1/complaints/%s/notes", id);
  g_autofree char *updated_after = NULL;
  g_autofree char *logged = NULL;
  JsonObject *obj;

  lp_assert_status (note, 201);
  obj = lp_test_response_object (note);
  g_assert_cmpstr (str (note, "complaint_id"), ==, id);
  g_assert_cmpstr (str (note, "text"), ==, "Duplikat laporan 12, ditutup.\nTerima kasih.");
  g_assert_true (json_object_get_null_member (obj, "status_from"));
  g_assert_true (json_object_get_null_member (obj, "status_to"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (obj, "author"),
                                                  "id"), ==, staff_id);
  g_assert_cmpint (count_notes (id), ==, 2);
  updated_after = sql ("SELECT updated_at > $2::timestamptz FROM complaints WHERE id = $1",
                       id, updated_before, NULL);
  g_assert_cmpstr (updated_after, ==, "t");
  logged = sql ("SELECT new_data->>'text' FROM activity_log WHERE action = 'complaint.note'"
                " AND record_id = $1", str (note, "id"), NULL);
  g_assert_cmpstr (logged, ==, "Duplikat laporan 12, ditutup.\nTerima kasih.");
}

static void
test_notes_bad_input (void)
{
  g_autofree char *id = file_complaint (member, "Catatan salah");
  g_autofree char *long_text = g_strnfill (2001, 'x');
  g_autofree char *too_long = g_strdup_printf ("{\"text\":\"%s\"}", long_text);
  const char *bodies[] = { "{}", "{\"text\":\"   \"}", too_long };
  g_autoptr(LpTestResponse) wrong_type = request ("POST", staff, "{\"text\":[]}",
                                                  "/api/v1/complaints/%s/notes", id);
  g_autoptr(LpTestResponse) gone = request ("POST", staff, "{\"text\":\"x\"}",
                                            "/api/v1/complaints/00000000-0000-4000-8000-"
                                            "000000000000/notes");
  g_autoptr(LpTestResponse) malformed = request ("POST", staff, "{\"text\"",
                                                 "/api/v1/complaints/%s/notes", id);
  g_autoptr(LpTestResponse) malformed_bad_id = request ("POST", staff, "{",
                                                        "/api/v1/complaints/x/notes");

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(LpTestResponse) resp = request ("POST", staff, bodies[i],
                                                "/api/v1/complaints/%s/notes", id);
      assert_field_error (resp, "text");
    }
  assert_error (wrong_type, 400, "bad_request");
  assert_error (gone, 404, "not_found");
  assert_error (malformed, 400, "bad_request");
  assert_error (malformed_bad_id, 404, "not_found");
  g_assert_cmpint (count_notes (id), ==, 0);
}

/* ---------------------------------------------------------------------------------------
 * Lists, filters, system complaints
 * ------------------------------------------------------------------------------------- */

static void
test_list_filters_and_paging (void)
{
  g_autofree char *a = file_complaint (other, "Saklar longgar zebra");
  g_autofree char *b = file_complaint (other, "Keran bocor zebra");
  g_autoptr(LpTestResponse) moved = set_status (staff, a, "closed");
  g_autoptr(LpTestResponse) q = request ("GET", other, NULL, "/api/v1/complaints?q=zebra");
  g_autoptr(LpTestResponse) closed = request ("GET", other, NULL,
                                              "/api/v1/complaints?q=zebra&status=closed");
  g_autoptr(LpTestResponse) page = request ("GET", staff, NULL,
                                            "/api/v1/complaints?q=zebra&limit=1&offset=1");
  g_autoptr(LpTestResponse) bad = request ("GET", staff, NULL, "/api/v1/complaints?status=x");
  g_autoptr(LpTestResponse) bad_limit = request ("GET", staff, NULL,
                                                 "/api/v1/complaints?limit=0");
  g_autoptr(LpTestResponse) oldest = request ("GET", staff, NULL,
                                              "/api/v1/complaints?q=zebra&order=oldest");
  g_autoptr(LpTestResponse) bad_order = request ("GET", staff, NULL,
                                                 "/api/v1/complaints?order=random");
  JsonArray *items;

  lp_assert_status (moved, 200);
  lp_assert_status (q, 200);
  items = json_object_get_array_member (lp_test_response_object (q), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  /* Newest first. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                  "id"), ==, b);
  items = json_object_get_array_member (lp_test_response_object (closed), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                  "id"), ==, a);
  items = json_object_get_array_member (lp_test_response_object (page), "items");
  g_assert_cmpint (json_object_get_int_member (lp_test_response_object (page), "total"), ==, 2);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                  "id"), ==, a);
  assert_error (bad, 400, "bad_request");
  assert_field_error (bad_limit, "limit");
  /* The desk answers the longest waiting first. */
  lp_assert_status (oldest, 200);
  items = json_object_get_array_member (lp_test_response_object (oldest), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                  "id"), ==, a);
  assert_field_error (bad_order, "order");
}

static void
test_system_complaint (void)
{
  g_autofree char *id = sql ("INSERT INTO complaints (title, description, location, item_id,"
                             " category_id, is_system) VALUES ('Lost at return: Proyektor',"
                             " 'Recorded as lost', 'Lab IPA', $1, $2, true) RETURNING id",
                             item_id, category_id, NULL);
  g_autoptr(LpTestResponse) seen = request ("GET", staff, NULL, "/api/v1/complaints/%s", id);
  g_autoptr(LpTestResponse) hidden = request ("GET", member, NULL, "/api/v1/complaints/%s", id);
  g_autoptr(LpTestResponse) handled = set_status (staff, id, "in_progress");
  JsonObject *obj;

  lp_assert_status (seen, 200);
  obj = lp_test_response_object (seen);
  g_assert_true (json_object_get_boolean_member (obj, "is_system"));
  g_assert_true (json_object_get_null_member (obj, "reporter"));
  g_assert_true (json_object_get_null_member (obj, "reporter_id"));
  assert_error (hidden, 404, "not_found");
  lp_assert_status (handled, 200);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = lp_test_server_start (NULL);
  admin_id = lp_test_server_create_user (server, "kepala", PASSWORD, "admin");
  staff_id = lp_test_server_create_user (server, "petugas.rina", PASSWORD, "staff");
  member_id = lp_test_server_create_user (server, "siswa.ani", PASSWORD, "member");
  other_id = lp_test_server_create_user (server, "siswa.budi", PASSWORD, "member");
  admin = lp_test_server_login (server, "kepala", PASSWORD);
  staff = lp_test_server_login (server, "petugas.rina", PASSWORD);
  member = lp_test_server_login (server, "siswa.ani", PASSWORD);
  other = lp_test_server_login (server, "siswa.budi", PASSWORD);
  category_id = sql ("INSERT INTO categories (name) VALUES ('Alat Lab') RETURNING id", NULL);
  item_id = sql ("INSERT INTO items (code, name, category_id, location, stock_total,"
                 " stock_available) VALUES ('LAB-PRJ-01', 'Proyektor Epson', $1, 'Lab IPA', 2, 2)"
                 " RETURNING id", category_id, NULL);

  g_test_add_func ("/lp/complaints/file-with-photos", test_file_with_photos);
  g_test_add_func ("/lp/complaints/category-only-staff", test_category_only_and_staff_reporter);
  g_test_add_func ("/lp/complaints/bad-input", test_bad_input);
  g_test_add_func ("/lp/complaints/bad-attachments", test_bad_attachments);
  g_test_add_func ("/lp/complaints/roles", test_roles);
  g_test_add_func ("/lp/complaints/own-only", test_members_see_only_their_own);
  g_test_add_func ("/lp/complaints/every-transition", test_every_transition);
  g_test_add_func ("/lp/complaints/status-note", test_status_change_is_a_note);
  g_test_add_func ("/lp/complaints/status-bad-input", test_status_bad_input);
  g_test_add_func ("/lp/complaints/notes", test_notes);
  g_test_add_func ("/lp/complaints/notes-bad-input", test_notes_bad_input);
  g_test_add_func ("/lp/complaints/list-filters", test_list_filters_and_paging);
  g_test_add_func ("/lp/complaints/system", test_system_complaint);

  status = g_test_run ();
  g_free (admin);
  g_free (staff);
  g_free (member);
  g_free (other);
  g_free (admin_id);
  g_free (staff_id);
  g_free (member_id);
  g_free (other_id);
  g_free (category_id);
  g_free (item_id);
  lp_test_server_free (server);
  return status;
}
