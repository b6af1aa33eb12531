/* lp-qr-code.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-qr-code"

#include "config.h"

#include "lp-qr-code.h"

#include <qrencode.h>

#define QUIET_MODULES 4

struct _LpQrCode
{
  GtkWidget  parent_instance;

  char      *text;
};

G_DEFINE_FINAL_TYPE (LpQrCode, lp_qr_code, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QRcode, QRcode_free)

static QRcode *
encode (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;
  /* Level M survives a crease or a smudge on a receipt and keeps the code small. */
  return QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
}

/* Adds the dark modules of @code to @cr's path, one unit per module, quiet zone
 * included; the caller scales. A run of dark modules in a row is one rectangle: the
 * same picture, a third of the path (and of a PDF of 240 labels). */
static void
append_modules (cairo_t      *cr,
                const QRcode *code)
{
  for (int row = 0; row < code->width; row++)
    for (int col = 0; col < code->width; col++)
      {
        int end = col;

        while (end < code->width && (code->data[row * code->width + end] & 1))
          end++;
        if (end > col)
          cairo_rectangle (cr, col + QUIET_MODULES, row + QUIET_MODULES, end - col, 1);
        col = end;
      }
}

gboolean
lp_qr_code_draw (cairo_t    *cr,
                 const char *text,
                 double      x,
                 double      y,
                 double      size)
{
  g_autoptr (QRcode) code = encode (text);
  double modules;

  g_return_val_if_fail (cr != NULL, FALSE);

  if (code == NULL)
    return FALSE;
  modules = code->width + 2 * QUIET_MODULES;
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, size, size);
  cairo_fill (cr);
  cairo_scale (cr, size / modules, size / modules);
  /* Without antialiasing neighbouring squares meet without a hairline between them. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_source_rgb (cr, 0, 0, 0);
  append_modules (cr, code);
  cairo_fill (cr);
  cairo_restore (cr);
  return TRUE;
}

static void
lp_qr_code_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  LpQrCode *self = LP_QR_CODE (widget);
  g_autoptr (QRcode) code = encode (self->text);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int modules, unit, size;
  cairo_t *cr;

  if (code == NULL)
    return;
  /* Whole pixels per module: a phone camera or a desk scanner reading the screen
   * needs sharp edges, not blurred ones. */
  modules = code->width + 2 * QUIET_MODULES;
  unit = MAX (1, MIN (width, height) / modules);
  size = unit * modules;
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT ((width - size) / 2, (height - size) / 2,
                                                       size, size));
  lp_qr_code_draw (cr, self->text, (width - size) / 2, (height - size) / 2, size);
  cairo_destroy (cr);
}

static void
lp_qr_code_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  LpQrCode *self = LP_QR_CODE (widget);
  g_autoptr (QRcode) code = encode (self->text);
  int modules = code != NULL ? code->width + 2 * QUIET_MODULES : 0;

  /* Three pixels a module at least: what a scanner still reads off a screen. */
  *minimum = 3 * modules;
  *natural = 8 * modules;
}

static void
lp_qr_code_finalize (GObject *object)
{
  LpQrCode *self = LP_QR_CODE (object);

  g_free (self->text);

  G_OBJECT_CLASS (lp_qr_code_parent_class)->finalize (object);
}

static void
lp_qr_code_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, LP_QR_CODE (object)->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_qr_code_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_TEXT:
      lp_qr_code_set_text (LP_QR_CODE (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_qr_code_class_init (LpQrCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lp_qr_code_finalize;
  object_class->get_property = lp_qr_code_get_property;
  object_class->set_property = lp_qr_code_set_property;
  widget_class->snapshot = lp_qr_code_snapshot;
  widget_class->measure = lp_qr_code_measure;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "qrcode");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lp_qr_code_init (LpQrCode *self)
{
}

GtkWidget *
lp_qr_code_new (const char *text)
{
  return g_object_new (LP_TYPE_QR_CODE, "text", text, NULL);
}

const char *
lp_qr_code_get_text (LpQrCode *self)
{
  g_return_val_if_fail (LP_IS_QR_CODE (self), NULL);

  return self->text;
}

void
lp_qr_code_set_text (LpQrCode   *self,
                     const char *text)
{
  g_return_if_fail (LP_IS_QR_CODE (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  /* A screen reader reads the code the picture holds. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text != NULL ? text : "", -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}
