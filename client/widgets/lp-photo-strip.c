/* lp-photo-strip.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-photo-strip"

#include "config.h"

#include "lp-photo-strip.h"

#include "lp-api-endpoint.h"
#include "lp-data-objects.h"

#include <glib/gi18n-lib.h>

#define THUMBNAIL_SIZE 96

struct _LpPhotoStrip
{
  AdwBin        parent_instance;

  GtkBox       *photos;       /* one GtkOverlay a photo, its id as "lp-id" */
  GtkWidget    *add_button;
  LpApiClient  *client;
  GCancellable *cancellable;
  gboolean      editable;
  guint         uploading;
};

G_DEFINE_FINAL_TYPE (LpPhotoStrip, lp_photo_strip, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint
n_photos (LpPhotoStrip *self)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->photos)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static void
update (LpPhotoStrip *self)
{
  gtk_widget_set_visible (self->add_button, self->editable);
  gtk_widget_set_sensitive (self->add_button, n_photos (self) < LP_PHOTO_STRIP_MAX);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
fail (LpPhotoStrip *self,
      const char   *message)
{
  g_signal_emit (self, signals[FAILED], 0, message);
}

static void
on_remove_clicked (GtkWidget    *button,
                   LpPhotoStrip *self)
{
  gtk_box_remove (self->photos, gtk_widget_get_ancestor (button, GTK_TYPE_OVERLAY));
  update (self);
}

/* A thumbnail, waiting for its picture; with a remove button when editable. */
static GtkWidget *
photo_new (LpPhotoStrip *self)
{
  GtkWidget *overlay = gtk_overlay_new ();
  /* An image, not a picture: it scales any photo into the square of a thumbnail. */
  GtkWidget *picture = gtk_image_new_from_icon_name ("image-loading-symbolic");

  gtk_image_set_pixel_size (GTK_IMAGE (picture), THUMBNAIL_SIZE);
  gtk_widget_add_css_class (picture, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Photo"), -1);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), picture);
  if (self->editable)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");

      gtk_widget_set_halign (remove, GTK_ALIGN_END);
      gtk_widget_set_valign (remove, GTK_ALIGN_START);
      gtk_widget_add_css_class (remove, "circular");
      gtk_widget_add_css_class (remove, "osd");
      gtk_widget_set_tooltip_text (remove, _("Remove Photo"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove Photo"), -1);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
      gtk_overlay_add_overlay (GTK_OVERLAY (overlay), remove);
    }
  gtk_box_append (self->photos, overlay);
  return overlay;
}

/* Takes a photo away, unless it was removed already. */
static void
drop_photo (LpPhotoStrip *self,
            GtkWidget    *photo)
{
  if (gtk_widget_get_parent (photo) == GTK_WIDGET (self->photos))
    gtk_box_remove (self->photos, photo);
}

static void
set_picture (GtkWidget *photo,
             GBytes    *bytes)
{
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (bytes, NULL);

  if (texture != NULL)
    gtk_image_set_from_paintable (GTK_IMAGE (gtk_overlay_get_child (GTK_OVERLAY (photo))),
                                  GDK_PAINTABLE (texture));
}

/* What a photo needs while its request runs: the strip, its thumbnail, its bytes. */
typedef struct
{
  LpPhotoStrip *self;
  GtkWidget    *photo;
  GBytes       *bytes;
} Pending;

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->self);
  g_object_unref (pending->photo);
  g_clear_pointer (&pending->bytes, g_bytes_unref);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static Pending *
pending_new (LpPhotoStrip *self,
             GtkWidget    *photo,
             GBytes       *bytes)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->self = g_object_ref (self);
  pending->photo = g_object_ref (photo);
  pending->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  return pending;
}

static void
on_uploaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  g_autoptr(LpAttachmentObject) attachment = NULL;
  g_autoptr(GError) error = NULL;
  LpPhotoStrip *self = pending->self;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &attachment, NULL,
                             &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->uploading--;
  if (attachment == NULL)
    {
      drop_photo (self, pending->photo);
      fail (self, error->message);
    }
  else
    {
      g_object_set_data_full (G_OBJECT (pending->photo), "lp-id",
                              g_strdup (lp_api_object_get_id (attachment)), g_free);
      set_picture (pending->photo, pending->bytes);
    }
  update (self);
}

static void
on_file_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  LpPhotoStrip *self = pending->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *type = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->uploading--;
          drop_photo (self, pending->photo);
          fail (self, error->message);
          update (self);
        }
      return;
    }
  bytes = g_bytes_new_take (contents, length);
  type = g_content_type_guess (NULL, (const guchar *) contents, length, NULL);
  if (length > LP_PHOTO_STRIP_MAX_BYTES || !g_str_has_prefix (type, "image/"))
    {
      self->uploading--;
      drop_photo (self, pending->photo);
      fail (self, length > LP_PHOTO_STRIP_MAX_BYTES
                  ? _("This photo is larger than 5 MB. Take a smaller one.")
                  : _("This file is not a photo (PNG, JPEG or WebP)."));
      update (self);
      return;
    }
  pending->bytes = g_bytes_ref (bytes);
  lp_api_client_upload_async (self->client, &LP_API_ATTACHMENTS_UPLOAD, type, bytes,
                              self->cancellable, on_uploaded, g_steal_pointer (&pending));
}

void
lp_photo_strip_add_file (LpPhotoStrip *self,
                         GFile        *file)
{
  GtkWidget *photo;

  g_return_if_fail (LP_IS_PHOTO_STRIP (self));
  g_return_if_fail (G_IS_FILE (file));

  if (n_photos (self) >= LP_PHOTO_STRIP_MAX)
    {
      fail (self, _("At most 10 photos."));
      return;
    }
  photo = photo_new (self);
  self->uploading++;
  update (self);
  g_file_load_contents_async (file, self->cancellable, on_file_read,
                              pending_new (self, photo, NULL));
}

static void
on_downloaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &bytes, NULL,
                                 &error))
    set_picture (pending->photo, bytes);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Photo not loaded: %s", error->message);
}

void
lp_photo_strip_show_ids (LpPhotoStrip       *self,
                         const char * const *ids)
{
  GtkWidget *child;

  g_return_if_fail (LP_IS_PHOTO_STRIP (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->photos))) != NULL)
    gtk_box_remove (self->photos, child);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      GtkWidget *photo = photo_new (self);

      g_object_set_data_full (G_OBJECT (photo), "lp-id", g_strdup (ids[i]), g_free);
      lp_api_client_call_async (self->client, &LP_API_ATTACHMENTS_GET,
                                (const char *[]) { ids[i], NULL }, NULL, NULL,
                                self->cancellable, on_downloaded, pending_new (self, photo, NULL));
    }
  update (self);
}

gboolean
lp_photo_strip_get_busy (LpPhotoStrip *self)
{
  g_return_val_if_fail (LP_IS_PHOTO_STRIP (self), FALSE);

  return self->uploading > 0;
}

GStrv
lp_photo_strip_dup_ids (LpPhotoStrip *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  guint n = 0;

  g_return_val_if_fail (LP_IS_PHOTO_STRIP (self), NULL);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->photos)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      const char *id = g_object_get_data (G_OBJECT (c), "lp-id");

      if (id != NULL)
        {
          g_strv_builder_add (ids, id);
          n++;
        }
    }
  return n > 0 ? g_strv_builder_end (ids) : NULL;
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         LpPhotoStrip  *self)
{
  if (!self->editable)
    return FALSE;
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    lp_photo_strip_add_file (self, g_value_get_object (value));
  else if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    for (GSList *l = gdk_file_list_get_files (g_value_get_boxed (value)); l; l = l->next)
      lp_photo_strip_add_file (self, l->data);
  else
    return FALSE;
  return TRUE;
}

static void
on_chosen (GtkNativeDialog *dialog,
           int              response,
           LpPhotoStrip    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          lp_photo_strip_add_file (self, file);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
on_add_clicked (LpPhotoStrip *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Add Photos"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Photos"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/webp");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
lp_photo_strip_dispose (GObject *object)
{
  LpPhotoStrip *self = LP_PHOTO_STRIP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (lp_photo_strip_parent_class)->dispose (object);
}

static void
lp_photo_strip_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, lp_photo_strip_get_busy (LP_PHOTO_STRIP (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_photo_strip_class_init (LpPhotoStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lp_photo_strip_dispose;
  object_class->get_property = lp_photo_strip_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LpPhotoStrip::failed:
   * @message: why a photo was not added, for people
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
lp_photo_strip_init (LpPhotoStrip *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkDropTarget *drop;

  self->cancellable = g_cancellable_new ();
  self->photos = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->photos), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Photos"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->photos));
  gtk_widget_set_hexpand (scroller, TRUE);
  self->add_button = gtk_button_new_with_mnemonic (_("Add _Photos…"));
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->add_button, _("Choose photos, or drop them here"));
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), self->add_button);
  adw_bin_set_child (ADW_BIN (self), box);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

GtkWidget *
lp_photo_strip_new (LpApiClient *client,
                    gboolean     editable)
{
  LpPhotoStrip *self;

  g_return_val_if_fail (LP_IS_API_CLIENT (client), NULL);

  self = g_object_new (LP_TYPE_PHOTO_STRIP, NULL);
  self->client = g_object_ref (client);
  self->editable = editable;
  update (self);
  return GTK_WIDGET (self);
}
