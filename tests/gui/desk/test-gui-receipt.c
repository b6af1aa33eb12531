/* test-gui-receipt.c — after approving a request the desk offers the receipt; saved as
 * a PDF and rendered to pixels, its QR code reads back as the loan code, and its text
 * names the school, the member, the item and who approved — on A4 and on an 80 mm roll.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-receipt"

#include "config.h"

#include "lp-gui-test.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#define WIDE 1000
#define SCHOOL "SMA Negeri 1 Lentera"
#define STREET "Jl. Merdeka No. 1"
#define TOWN "Kota Lentera 12345"

static LpTestServer *server;
static LpGuiApp *gui;
static char *member_token;
static char *staff_token;
static char *loan_id;
static char *loan_code;

/* The code a scanner reads off the PDF's first page, rendered at a printer's 200 dpi. */
static char *
scan_pdf (const char *pdf,
          const char *png_base)
{
  g_autofree char *png = g_strconcat (png_base, ".png", NULL);
  g_autofree char *ignored = lp_gui_run ((const char *[]) { "pdftoppm", "-r", "200", "-png",
                                                     "-singlefile", pdf, png_base, NULL });

  return lp_gui_run ((const char *[]) { "zbarimg", "--quiet", "--raw", png, NULL });
}

static void
save_receipt (const char *pdf)
{
  g_autofree char *toast = NULL;

  g_unlink (pdf);
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.save-receipt", "(ss)",
                              loan_id, pdf);
  /* Translators: %s is a file name, e.g. "receipt-LP-20260109-0001.pdf". */
  toast = g_strdup_printf (_("Receipt saved as %s"), pdf);
  lp_gui_wait_for (lp_gui_toast_shown (gui, toast));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
}

/* A member asks; the desk approves in the app; the toast offers the receipt. */
static void
test_offered_after_approval (void)
{
  g_autofree char *item_id = lp_test_server_sql_value (server,
                                                       "SELECT id FROM items WHERE code = 'LAB-001'");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  /* Tomorrow in UTC is today or tomorrow in the library's time zone (UTC+7). */
  g_autoptr(GDateTime) start = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) due = g_date_time_add_days (now, 4);
  g_autofree char *today = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *due_text = g_date_time_format (due, "%Y-%m-%d");
  g_autofree char *body = g_strdup_printf ("{\"item_id\":\"%s\",\"quantity\":1,"
                                           "\"start_date\":\"%s\",\"due_date\":\"%s\","
                                           "\"purpose\":\"Praktikum kelas 8B\"}",
                                           item_id, today, due_text);
  g_autoptr(LpTestResponse) created = lp_test_request (server, "POST", "/api/v1/loans",
                                                       member_token, body);
  GtkWidget *page;
  GtkWidget *button;
  g_autofree char *toast = NULL;

  lp_assert_status (created, 201);
  loan_id = g_strdup (json_object_get_string_member (lp_test_response_object (created), "id"));
  loan_code = g_strdup (json_object_get_string_member (lp_test_response_object (created),
                                                       "code"));
  lp_gui_log_in (gui, "petugas.rina", "Petugas#2026");
  adw_view_stack_set_visible_child_name (lp_gui_child (gui->window, "view_stack"), "requests");
  page = lp_gui_page (gui, "requests_page");
  lp_gui_wait_for (g_list_model_get_n_items (G_LIST_MODEL (lp_gui_paged_model (page,
                                                                              "list_view"))) == 1);
  gtk_selection_model_select_item (gtk_list_view_get_model (lp_gui_child (page, "list_view")),
                                   0, TRUE);
  lp_gui_click (lp_gui_child (page, "approve_button"));
  /* Translators: a notification; %s is a loan code. */
  toast = g_strdup_printf (_("Request %s approved"), loan_code);
  lp_gui_wait_for (lp_gui_toast_shown (gui, toast));
  button = lp_gui_find_label (lp_gui_child (gui->window, "toast_overlay"), _("Print Receipt"));
  g_assert_nonnull (button);
  lp_gui_screenshot (GTK_WIDGET (gui->window), "receipt-offered");
}

static void
test_a4_pdf_scans_back (void)
{
  g_autofree char *pdf = lp_gui_output_path ("receipt-a4.pdf");
  g_autofree char *png = lp_gui_output_path ("receipt-a4");
  g_autofree char *scanned = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  g_settings_set_string (lp_application_get_settings (gui->app), "receipt-layout", "a4");
  save_receipt (pdf);
  scanned = scan_pdf (pdf, png);
  g_assert_cmpstr (scanned, ==, loan_code);
  text = lp_gui_run ((const char *[]) { "pdftotext", "-layout", pdf, "-", NULL });
  g_assert_nonnull (strstr (text, SCHOOL));
  /* The address under the name, in its two lines. */
  g_assert_nonnull (strstr (text, STREET));
  g_assert_nonnull (strstr (text, TOWN));
  g_assert_true (strstr (text, SCHOOL) < strstr (text, STREET));
  g_assert_nonnull (strchr (strstr (text, STREET), '\n'));
  g_assert_true (strchr (strstr (text, STREET), '\n') < strstr (text, TOWN));
  g_assert_true (strstr (text, TOWN) < strstr (text, _("Loan Receipt")));
  g_assert_nonnull (strstr (text, loan_code));
  g_assert_nonnull (strstr (text, "Andi Saputra"));
  g_assert_nonnull (strstr (text, "Rina Wulandari"));
  g_assert_nonnull (strstr (text, "Mikroskop"));
  g_assert_nonnull (strstr (text, "Praktikum kelas 8B"));
  g_assert_nonnull (strstr (text, _("Loan Receipt")));
  g_assert_nonnull (strstr (text, _("Approved by")));
  info = lp_gui_run ((const char *[]) { "pdfinfo", pdf, NULL });
  /* A4 is 595 × 842 points. */
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts"));
}

static void
test_thermal_roll (void)
{
  g_autofree char *pdf = lp_gui_output_path ("receipt-80mm.pdf");
  g_autofree char *png = lp_gui_output_path ("receipt-80mm");
  g_autofree char *scanned = NULL;
  g_autofree char *info = NULL;

  g_settings_set_string (lp_application_get_settings (gui->app), "receipt-layout",
                         "thermal-80mm");
  save_receipt (pdf);
  scanned = scan_pdf (pdf, png);
  g_assert_cmpstr (scanned, ==, loan_code);
  info = lp_gui_run ((const char *[]) { "pdfinfo", pdf, NULL });
  /* 80 mm wide: 226.8 points. */
  g_assert_nonnull (strstr (info, "226.772 x"));
  g_settings_reset (lp_application_get_settings (gui->app), "receipt-layout");
}

/* A label under @root whose text starts with @prefix. */
static GtkWidget *
find_label_starting (GtkWidget  *root,
                     const char *prefix)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) &&
      g_str_has_prefix (gtk_label_get_label (GTK_LABEL (root)), prefix))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_starting (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* An unknown loan: a clear message, no file. */
static void
test_unknown_loan (void)
{
  g_autofree char *pdf = lp_gui_output_path ("receipt-none.pdf");
  g_autofree char *prefix = NULL;

  g_unlink (pdf);
  gtk_widget_activate_action (GTK_WIDGET (gui->window), "win.save-receipt", "(ss)",
                              "00000000-0000-4000-8000-000000000000", pdf);
  /* Translators: %s says why, e.g. "Cannot reach the server". */
  prefix = g_strdup_printf (_("The receipt could not be made: %s"), "");
  lp_gui_wait_for (find_label_starting (lp_gui_child (gui->window, "toast_overlay"),
                                        prefix) != NULL);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *url = NULL;
  g_autoptr(LpTestResponse) school = NULL;
  g_autofree char *admin_token = NULL;
  int status;

  lp_gui_init (&argc, &argv, FALSE);
  server = lp_test_server_start (NULL);
  lp_gui_seed_desk (server, &member_token, &staff_token);
  g_free (lp_test_server_create_user (server, "admin.budi", "Admin#20260", "admin"));
  admin_token = lp_test_server_login (server, "admin.budi", "Admin#20260");
  school = lp_test_request (server, "PATCH", "/api/v1/settings", admin_token,
                            "{\"school_name\":\"" SCHOOL "\","
                            "\"school_address\":\"" STREET "\\n" TOWN "\"}");
  lp_assert_status (school, 200);
  g_free (lp_test_server_sql_value (server,
                                    "UPDATE users SET full_name = CASE username"
                                    " WHEN 'siswa.andi' THEN 'Andi Saputra'"
                                    " ELSE 'Rina Wulandari' END"
                                    " WHERE username IN ('siswa.andi', 'petugas.rina')"
                                    " RETURNING 1"));
  url = lp_gui_server_url (server);
  gui = lp_gui_app_new (url, WIDE);

  g_test_add_func ("/lp/gui/receipt/offered-after-approval", test_offered_after_approval);
  g_test_add_func ("/lp/gui/receipt/a4-pdf-scans-back", test_a4_pdf_scans_back);
  g_test_add_func ("/lp/gui/receipt/thermal-roll", test_thermal_roll);
  g_test_add_func ("/lp/gui/receipt/unknown-loan", test_unknown_loan);
  status = g_test_run ();

  g_clear_pointer (&gui, lp_gui_app_free);
  g_free (member_token);
  g_free (staff_token);
  g_free (loan_id);
  g_free (loan_code);
  lp_test_server_free (server);
  return status;
}
