/* lp-qr-code.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * A QR code of :text (libqrencode), drawn as squares — vectors on paper and in PDF, so
 * it stays sharp at any size, and crisp on screen where each module is a whole number
 * of pixels. The quiet zone of four modules is part of the drawing: a scanner needs it.
 * The receipt, the member cards and the QR labels all draw through lp_qr_code_draw().
 */

#define LP_TYPE_QR_CODE (lp_qr_code_get_type ())

G_DECLARE_FINAL_TYPE (LpQrCode, lp_qr_code, LP, QR_CODE, GtkWidget)

GtkWidget  *lp_qr_code_new      (const char *text);
const char *lp_qr_code_get_text (LpQrCode   *self);
void        lp_qr_code_set_text (LpQrCode   *self,
                                 const char *text);

/* Draws the code of @text as a black-on-white square of @size at (@x, @y) on @cr.
 * Returns FALSE (drawing nothing) when @text cannot be encoded. */
gboolean    lp_qr_code_draw     (cairo_t    *cr,
                                 const char *text,
                                 double      x,
                                 double      y,
                                 double      size);

G_END_DECLS
