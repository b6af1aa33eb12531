/* lp-photo-strip.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-api-client.h"

G_BEGIN_DECLS

/*
 * Photos of a return or a complaint as thumbnails. Editable, it takes photos from a
 * file chooser or dropped on it, uploads each at once through /attachments (so a form
 * is sent with ids, not megabytes) and lets one be removed again; :busy while uploads
 * are in flight, ::failed with a message when a file is refused. Read-only, it shows
 * the photos of ids already stored. At most LP_PHOTO_STRIP_MAX photos, as the server
 * allows.
 */

#define LP_PHOTO_STRIP_MAX       10
#define LP_PHOTO_STRIP_MAX_BYTES (5 * 1024 * 1024)

#define LP_TYPE_PHOTO_STRIP (lp_photo_strip_get_type ())

G_DECLARE_FINAL_TYPE (LpPhotoStrip, lp_photo_strip, LP, PHOTO_STRIP, AdwBin)

GtkWidget  *lp_photo_strip_new          (LpApiClient  *client,
                                         gboolean      editable);
/* Uploads the image @file and shows it. */
void        lp_photo_strip_add_file     (LpPhotoStrip *self,
                                         GFile        *file);
/* Shows the stored photos @ids (read-only strips). */
void        lp_photo_strip_show_ids     (LpPhotoStrip       *self,
                                         const char * const *ids);
gboolean    lp_photo_strip_get_busy     (LpPhotoStrip *self);
/* The ids of the photos uploaded and not removed, in order; NULL when none.
 * Returns: (transfer full) */
GStrv       lp_photo_strip_dup_ids      (LpPhotoStrip *self);

G_END_DECLS
