/* test-attachments.c: photo uploads — accepted formats checked by their magic bytes, the
 * 5 MiB limit, and who may read a photo back.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-loan-fixtures.h"

#define MIB (1024 * 1024)

static LpTestServer *server;
static LpLoanWorld *world;

/* A body of size bytes starting with the given header, the rest filled with a pattern. */
static GBytes *
make_image (const char *header,
            gsize       header_length,
            gsize       size)
{
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) (i * 31 + 7);
  memcpy (data, header, MIN (header_length, size));
  return g_bytes_new_take (data, size);
}

static GBytes *
png (gsize size)
{
  return make_image ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, size);
}

static LpTestResponse *
upload (const char *token,
        const char *content_type,
        GBytes     *body)
{
  return lp_test_request_bytes (server, "POST", "/api/v1/attachments", token, content_type, body);
}

static LpTestResponse *
download (const char *token,
          const char *id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/attachments/%s", id);

  return lp_test_request (server, "GET", path, token, NULL);
}

static void
test_formats_round_trip (void)
{
  const struct { const char *type; const char *header; gsize length; } formats[] = {
    { "image/png", "\x89PNG\r\n\x1a\n", 8 },
    { "image/jpeg", "\xff\xd8\xff\xe0\0\x10JFIF", 10 },
    { "image/webp", "RIFF\x24\0\0\0WEBPVP8 ", 16 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GBytes) body = make_image (formats[i].header, formats[i].length, 1000 + i);
      g_autoptr(LpTestResponse) resp = upload (world->member, formats[i].type, body);
      g_autoptr(LpTestResponse) back = NULL;

      lp_assert_status (resp, 201);
      g_assert_cmpstr (lp_json_str (resp, "content_type"), ==, formats[i].type);
      g_assert_cmpint (lp_json_int (resp, "size"), ==, 1000 + i);
      back = download (world->member, lp_json_str (resp, "id"));
      lp_assert_status (back, 200);
      g_assert_cmpstr (back->content_type, ==, formats[i].type);
      g_assert_true (g_bytes_equal (back->body, body));
      g_assert_cmpstr (soup_message_headers_get_one (back->headers, "X-Content-Type-Options"),
                       ==, "nosniff");
    }
}

/* A declared type with parameters and in another case is still that type. */
static void
test_content_type_parameters (void)
{
  g_autoptr(GBytes) body = png (64);
  g_autoptr(LpTestResponse) resp = upload (world->staff, "Image/PNG; name=foto.png", body);

  lp_assert_status (resp, 201);
  g_assert_cmpstr (lp_json_str (resp, "content_type"), ==, "image/png");
}

static void
test_refused_bodies (void)
{
  g_autoptr(GBytes) text = g_bytes_new_static ("Ini bukan gambar, hanya teks.\n", 30);
  g_autoptr(GBytes) image = png (100);
  g_autoptr(GBytes) riff = make_image ("RIFF\0\0\0\0WAVE", 12, 100);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  const struct { const char *type; GBytes *body; } cases[] = {
    { "image/png", text },        /* a renamed text file */
    { "image/jpeg", image },      /* a PNG declared as JPEG */
    { "image/webp", riff },       /* RIFF, but not WebP */
    { "image/gif", image },       /* not an accepted type */
    { "text/plain", text },
    { "application/json", text },
    { "image/png", empty },
    { NULL, image },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LpTestResponse) resp = upload (world->member, cases[i].type, cases[i].body);

      if (resp->status != 415)
        g_error ("case %u (%s): HTTP %u", i, cases[i].type, resp->status);
      g_assert_cmpstr (lp_test_response_error_code (resp), ==, "unsupported_media_type");
    }
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM attachments"
                                          " WHERE uploader_id = $1 AND size IN (30, 100)",
                                          world->member_id, NULL), ==, 0);
}

static void
test_size_limit (void)
{
  g_autoptr(GBytes) exact = png (5 * MIB);
  g_autoptr(GBytes) over = png (6 * MIB);
  g_autoptr(GBytes) just_over = png (5 * MIB + 1);
  g_autoptr(LpTestResponse) ok = upload (world->staff, "image/png", exact);
  g_autoptr(LpTestResponse) big = upload (world->staff, "image/png", over);
  g_autoptr(LpTestResponse) edge = upload (world->staff, "image/png", just_over);
  g_autoptr(LpTestResponse) back = NULL;
  g_autoptr(LpTestResponse) health = lp_test_request (server, "GET", "/healthz", NULL, NULL);

  lp_assert_status (ok, 201);
  g_assert_cmpint (lp_json_int (ok, "size"), ==, 5 * MIB);
  lp_assert_error (big, 413, "too_large");
  lp_assert_error (edge, 413, "too_large");
  back = download (world->admin, lp_json_str (ok, "id"));
  lp_assert_status (back, 200);
  g_assert_true (g_bytes_equal (back->body, exact));
  lp_assert_status (health, 200);
}

/* The uploader and the desk see a photo; another member gets 404, a guest 401. */
static void
test_who_may_read (void)
{
  g_autoptr(GBytes) body = png (200);
  g_autoptr(LpTestResponse) resp = upload (world->member, "image/png", body);
  const char *id;
  const char *tokens[] = { NULL, world->member, world->other, world->staff, world->admin };
  const guint expected[] = { 401, 200, 404, 200, 200 };
  g_autoptr(LpTestResponse) guest_upload = upload (NULL, "image/png", body);
  g_autoptr(LpTestResponse) unknown = download (world->staff,
                                                "00000000-0000-4000-8000-000000000000");
  g_autoptr(LpTestResponse) malformed = download (world->staff, "foto.png");

  lp_assert_status (resp, 201);
  id = lp_json_str (resp, "id");
  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_autoptr(LpTestResponse) got = download (tokens[i], id);

      if (got->status != expected[i])
        g_error ("reader #%u: HTTP %u", i, got->status);
    }
  lp_assert_error (guest_upload, 401, "unauthorized");
  lp_assert_error (unknown, 404, "not_found");
  lp_assert_error (malformed, 404, "not_found");
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM activity_log"
                                          " WHERE action = 'attachment.create' AND record_id = $1",
                                          id, NULL), ==, 1);
  g_assert_cmpint (lp_loan_world_sql_int (world, "SELECT count(*) FROM attachments WHERE id = $1"
                                          " AND sha256 = sha256(data)", id, NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = lp_test_server_start (NULL);
  world = lp_loan_world_new (server, "at");

  g_test_add_func ("/lp/attachments/formats", test_formats_round_trip);
  g_test_add_func ("/lp/attachments/content-type-parameters", test_content_type_parameters);
  g_test_add_func ("/lp/attachments/refused", test_refused_bodies);
  g_test_add_func ("/lp/attachments/size-limit", test_size_limit);
  g_test_add_func ("/lp/attachments/readers", test_who_may_read);

  status = g_test_run ();
  lp_loan_world_free (world);
  lp_test_server_free (server);
  return status;
}
