/* test-gui-ask.c — the question dialogs of lp-ask: the safe answer on Escape, Enter
 * only for what can be undone (or what a reason was typed for), one answer per dialog,
 * and nobody answered once the page that asked is gone.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-ask.h"

/* The answers a page got, in order. */
static GPtrArray *
answers_of (GObject *page)
{
  GPtrArray *answers = g_object_get_data (page, "answers");

  if (answers == NULL)
    {
      answers = g_ptr_array_new_with_free_func (g_free);
      g_object_set_data_full (page, "answers", answers, (GDestroyNotify) g_ptr_array_unref);
    }
  return answers;
}

static void
on_answer (AdwMessageDialog *dialog,
           const char       *response,
           GObject          *page)
{
  g_ptr_array_add (answers_of (page), g_strdup (response));
}

static AdwMessageDialog *
ask (GtkWidget             *parent,
     GObject               *page,
     AdwResponseAppearance  appearance)
{
  return lp_ask_new (parent, "Delete?", "Gone for good.", "cancel", "_Cancel", "delete",
                     "_Delete", appearance, G_CALLBACK (on_answer), page);
}

/* Something that cannot be undone: Escape and Enter both keep; the click answers once,
 * and the close that follows it is no second answer. */
static void
test_destructive (void)
{
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GObject) page = g_object_new (G_TYPE_OBJECT, NULL);
  AdwMessageDialog *dialog = ask (window, page, ADW_RESPONSE_DESTRUCTIVE);
  GPtrArray *answers = answers_of (page);

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "delete");
  adw_message_dialog_response (dialog, "cancel");
  g_assert_cmpuint (answers->len, ==, 1);
  g_assert_cmpstr (answers->pdata[0], ==, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A suggested answer is Enter's. */
static void
test_suggested (void)
{
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GObject) page = g_object_new (G_TYPE_OBJECT, NULL);
  AdwMessageDialog *dialog = ask (window, page, ADW_RESPONSE_SUGGESTED);

  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "delete");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A reason typed and Enter: the answer, with the reason trimmed. */
static void
test_entry (void)
{
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GObject) page = g_object_new (G_TYPE_OBJECT, NULL);
  AdwMessageDialog *dialog = ask (window, page, ADW_RESPONSE_DESTRUCTIVE);
  g_autofree char *none = lp_ask_dup_entry_text (dialog);
  g_autofree char *reason = NULL;
  GtkWidget *entry;

  g_assert_null (none);
  entry = lp_ask_add_entry (dialog, "Reason (optional)", "Reason");
  g_assert_true (adw_message_dialog_get_extra_child (dialog) == entry);
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), ==, "Reason (optional)");
  g_assert_true (gtk_entry_get_activates_default (GTK_ENTRY (entry)));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "delete");
  gtk_editable_set_text (GTK_EDITABLE (entry), "  rusak di lab  ");
  reason = lp_ask_dup_entry_text (dialog);
  g_assert_cmpstr (reason, ==, "rusak di lab");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The page that asked went away (logout, window closed): its answer goes nowhere. */
static void
test_page_gone (void)
{
  GtkWidget *window = gtk_window_new ();
  GObject *page = g_object_new (G_TYPE_OBJECT, NULL);
  AdwMessageDialog *dialog = ask (window, page, ADW_RESPONSE_DESTRUCTIVE);
  GWeakRef gone;

  g_weak_ref_init (&gone, page);
  g_object_unref (page);
  g_assert_null (g_weak_ref_get (&gone));
  adw_message_dialog_response (dialog, "delete");
  g_weak_ref_clear (&gone);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/lp/ask/destructive", test_destructive);
  g_test_add_func ("/lp/ask/suggested", test_suggested);
  g_test_add_func ("/lp/ask/entry", test_entry);
  g_test_add_func ("/lp/ask/page-gone", test_page_gone);
  return g_test_run ();
}
