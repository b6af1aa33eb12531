/* lp-ask.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lp-ask.h"

typedef void (*ResponseFunc) (AdwMessageDialog *dialog,
                              const char       *response,
                              gpointer          user_data);

typedef struct
{
  ResponseFunc callback;
  GWeakRef     object;
  gboolean     answered;
} Answer;

static void
answer_free (gpointer  data,
             GClosure *closure)
{
  Answer *answer = data;

  g_weak_ref_clear (&answer->object);
  g_free (answer);
}

/* Closing the dialog after an answer emits ::response again: that one goes nowhere. */
static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Answer           *answer)
{
  g_autoptr(GObject) object = g_weak_ref_get (&answer->object);

  if (answer->answered)
    return;
  answer->answered = TRUE;
  if (object != NULL)
    answer->callback (dialog, response, object);
}

AdwMessageDialog *
lp_ask_new (GtkWidget             *parent,
            const char            *heading,
            const char            *body,
            const char            *keep,
            const char            *keep_label,
            const char            *response,
            const char            *response_label,
            AdwResponseAppearance  appearance,
            GCallback              callback,
            gpointer               object)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  AdwMessageDialog *dialog;
  Answer *answer;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, keep, keep_label, response, response_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, appearance);
  adw_message_dialog_set_default_response (dialog, appearance == ADW_RESPONSE_SUGGESTED
                                                   ? response : keep);
  adw_message_dialog_set_close_response (dialog, keep);
  g_object_set_data_full (G_OBJECT (dialog), "lp-response", g_strdup (response), g_free);
  answer = g_new0 (Answer, 1);
  answer->callback = (ResponseFunc) callback;
  g_weak_ref_init (&answer->object, object);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), answer, answer_free, 0);
  return dialog;
}

GtkWidget *
lp_ask_add_entry (AdwMessageDialog *dialog,
                  const char       *placeholder,
                  const char       *name)
{
  GtkWidget *entry;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_set_default_response (dialog,
                                           g_object_get_data (G_OBJECT (dialog), "lp-response"));
  g_object_set_data (G_OBJECT (dialog), "lp-entry", entry);
  return entry;
}

char *
lp_ask_dup_entry_text (AdwMessageDialog *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "lp-entry");

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  return entry != NULL ? g_strstrip (g_strdup (gtk_editable_get_text (entry))) : NULL;
}
