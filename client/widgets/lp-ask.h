/* lp-ask.h — the question asked before an action.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * A question with two answers over @parent's window: @keep ("cancel", "keep"), which
 * Escape gives, and @response, styled @appearance. Enter gives @response when it is
 * ADW_RESPONSE_SUGGESTED, and @keep otherwise: what cannot be undone wants a click.
 *
 * @callback (an AdwMessageDialog::response handler) runs with @object as its data while
 * @object lives, and once only: closing the dialog after an answer is not a second one.
 * The dialog comes back unpresented, so that the caller can add data or an extra child.
 */
AdwMessageDialog *lp_ask_new (GtkWidget             *parent,
                              const char            *heading,
                              const char            *body,
                              const char            *keep,
                              const char            *keep_label,
                              const char            *response,
                              const char            *response_label,
                              AdwResponseAppearance  appearance,
                              GCallback              callback,
                              gpointer               object);

/* Adds an entry under the question (@placeholder shown in it, @name its accessible
 * name); Enter in it gives the dialog's answer, not @keep. Returns the entry. */
GtkWidget        *lp_ask_add_entry      (AdwMessageDialog *dialog,
                                         const char       *placeholder,
                                         const char       *name);
/* What was typed into the entry, trimmed (a new string; NULL without an entry). */
char             *lp_ask_dup_entry_text (AdwMessageDialog *dialog);

G_END_DECLS
