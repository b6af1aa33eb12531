/* lp-scan-field.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-scan-field"

#include "config.h"

#include "lp-scan-field.h"

#include <glib/gi18n-lib.h>
#include <zbar.h>

struct _LpScanField
{
  AdwBin     parent_instance;

  GtkEntry  *entry;
  GtkWidget *open_button;
  GCancellable *cancellable;
  char      *last_code;
  gint64     last_time;    /* monotonic, of the last scan emitted */
};

G_DEFINE_FINAL_TYPE (LpScanField, lp_scan_field, ADW_TYPE_BIN)

enum {
  SCANNED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Every way in — keys, an image — ends here: one code, once. */
static void
emit_code (LpScanField *self,
           const char  *raw)
{
  g_autofree char *text = g_strdup (raw);
  g_autofree char *code = g_utf8_strup (g_strstrip (text), -1);
  gint64 now = g_get_monotonic_time ();

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
on_activate (LpScanField *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  emit_code (self, text);
}

/*
 * Codes in images: a photo or a screenshot of a receipt, read with zbar
 */

/* The first QR code or barcode in @texture, or NULL. */
static char *
decode_texture (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *rgba = g_malloc ((gsize) height * stride);
  g_autofree guchar *gray = g_malloc ((gsize) width * height);
  zbar_image_scanner_t *scanner;
  zbar_image_t *image;
  const zbar_symbol_t *symbol;
  char *code = NULL;

  /* zbar reads 8-bit grey (Y800). A download is premultiplied B, G, R, A in memory
   * (GDK_MEMORY_DEFAULT): composite it on white, since transparent is paper, not ink. */
  gdk_texture_download (texture, rgba, stride);
  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      const guchar *p = rgba + i * 4;
      guint luma = (p[0] * 29u + p[1] * 150u + p[2] * 77u) / 256u + (255u - p[3]);

      gray[i] = (guchar) MIN (luma, 255u);
    }
  scanner = zbar_image_scanner_create ();
  zbar_image_scanner_set_config (scanner, 0, ZBAR_CFG_ENABLE, 1);
  image = zbar_image_create ();
  zbar_image_set_format (image, zbar_fourcc ('Y', '8', '0', '0'));
  zbar_image_set_size (image, (unsigned) width, (unsigned) height);
  zbar_image_set_data (image, gray, (unsigned long) width * height, NULL);
  if (zbar_scan_image (scanner, image) > 0 &&
      (symbol = zbar_image_first_symbol (image)) != NULL)
    code = g_strdup (zbar_symbol_get_data (symbol));
  zbar_image_destroy (image);
  zbar_image_scanner_destroy (scanner);
  return code;
}

/* In a thread: a large photo takes a while, and the desk keeps scanning meanwhile. */
static void
decode_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  char *code;

  texture = gdk_texture_new_from_file (G_FILE (task_data), &error);
  if (texture == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s",
                               _("This file is not an image that can be read."));
      return;
    }
  code = decode_texture (texture);
  if (code == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                             _("No loan code was found in this image."));
  else
    g_task_return_pointer (task, code, g_free);
}

static void
on_decoded (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  LpScanField *self = LP_SCAN_FIELD (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (code != NULL)
    emit_code (self, code);
  else
    g_signal_emit (self, signals[FAILED], 0, error->message);
  lp_scan_field_focus (self);
}

void
lp_scan_field_scan_file (LpScanField *self,
                         GFile       *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LP_IS_SCAN_FIELD (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, on_decoded, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, decode_in_thread);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         LpScanField   *self)
{
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    lp_scan_field_scan_file (self, g_value_get_object (value));
  else if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    for (GSList *l = gdk_file_list_get_files (g_value_get_boxed (value)); l; l = l->next)
      lp_scan_field_scan_file (self, l->data);
  else
    return FALSE;
  return TRUE;
}

static void
on_image_chosen (GtkNativeDialog *dialog,
                 int              response,
                 LpScanField     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      lp_scan_field_scan_file (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
on_open_clicked (LpScanField *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open an Image of the Receipt"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_image_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
lp_scan_field_dispose (GObject *object)
{
  LpScanField *self = (LpScanField *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lp_scan_field_parent_class)->dispose (object);
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

  object_class->dispose = lp_scan_field_dispose;
  object_class->finalize = lp_scan_field_finalize;

  /**
   * LpScanField::scanned:
   * @code: what was scanned or typed, trimmed and in upper case
   */
  signals[SCANNED] =
    g_signal_new ("scanned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * LpScanField::failed:
   * @message: why an image gave no code, for people
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
lp_scan_field_init (LpScanField *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkDropTarget *drop;

  self->cancellable = g_cancellable_new ();
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
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));

  self->open_button = gtk_button_new_from_icon_name ("image-x-generic-symbolic");
  gtk_widget_set_tooltip_text (self->open_button, _("Open an Image of the Receipt"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Open an Image of the Receipt"), -1);
  g_signal_connect_swapped (self->open_button, "clicked", G_CALLBACK (on_open_clicked), self);
  gtk_box_append (GTK_BOX (box), self->open_button);
  adw_bin_set_child (ADW_BIN (self), box);

  /* A receipt photographed by a phone, or a screenshot of the member's screen, can be
   * dropped on the field. */
  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

void
lp_scan_field_focus (LpScanField *self)
{
  g_return_if_fail (LP_IS_SCAN_FIELD (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}
