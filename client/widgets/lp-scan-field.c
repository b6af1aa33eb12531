/* lp-scan-field.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-scan-field"

#include "config.h"

#include "lp-scan-field.h"

#include <glib/gi18n-lib.h>

struct _LpScanField
{
  AdwBin     parent_instance;

  GtkEntry  *entry;
  char      *last_code;
  gint64     last_time;    /* monotonic, of the last scan emitted */
};

G_DEFINE_FINAL_TYPE (LpScanField, lp_scan_field, ADW_TYPE_BIN)

enum {
  SCANNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_activate (LpScanField *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  g_autofree char *code = g_utf8_strup (g_strstrip (text), -1);
  gint64 now = g_get_monotonic_time ();

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  if (*code == '\0')
    return;
  if (g_strcmp0 (code, self->last_code) == 0 &&
      now - self->last_time < LP_SCAN_FIELD_REPEAT_MS * 1000)
    return;
  g_free (self->last_code);
  self->last_code = g_strdup (code);
  self->last_time = now;
  g_signal_emit (self, signals[SCANNED], 0, code);
}

static void
lp_scan_field_finalize (GObject *object)
{
  LpScanField *self = (LpScanField *) object;

  g_free (self->last_code);

  G_OBJECT_CLASS (lp_scan_field_parent_class)->finalize (object);
}

static void
lp_scan_field_class_init (LpScanFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lp_scan_field_finalize;

  /**
   * LpScanField::scanned:
   * @code: what was scanned or typed, trimmed and in upper case
   */
  signals[SCANNED] =
    g_signal_new ("scanned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
lp_scan_field_init (LpScanField *self)
{
  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->entry, _("Scan or type the loan code, then Enter"));
  gtk_entry_set_input_hints (self->entry, GTK_INPUT_HINT_NO_SPELLCHECK |
                                          GTK_INPUT_HINT_UPPERCASE_CHARS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Loan code"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->entry), "scan-field");
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  /* Narrow windows (360 px) keep the field usable: it grows, never demands. */
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 8);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_activate), self);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->entry));
}

void
lp_scan_field_focus (LpScanField *self)
{
  g_return_if_fail (LP_IS_SCAN_FIELD (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}
