/* lp-label-sheet.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-label-sheet"

#include "config.h"

#include "lp-label-sheet.h"

#include "lp-format.h"
#include "lp-qr-code.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#define A4_WIDTH_MM  210.0
#define A4_HEIGHT_MM 297.0
#define POINTS_PER_MM (72.0 / 25.4)
/* Below this a QR code's modules get too small for a desk scanner. */
#define MIN_CELL_MM 10.0

typedef struct
{
  char *code;
  char *title;
  char *sub;
} Label;

struct _LpLabelSheet
{
  GObject           parent_instance;

  LpLabelSheetKind  kind;
  char             *header;
  char             *address;  /* one line, or NULL */
  GArray           *labels;   /* of Label */
  LpLabelGrid       grid;
};

G_DEFINE_FINAL_TYPE (LpLabelSheet, lp_label_sheet, G_TYPE_OBJECT)

/* Sizes of the sticker sheets schools buy (Avery/Tom & Jerry/Koala layouts). */
static const LpLabelPreset item_presets[] = {
  { N_("3 × 8 labels, 63.5 × 33.9 mm"), { 8, 3, 12.9, 12.9, 7.2, 7.2, 2.5, 0 } },
  { N_("2 × 7 labels, 99.1 × 38.1 mm"), { 7, 2, 15.1, 15.1, 4.6, 4.6, 2.5, 0 } },
  { N_("4 × 10 labels, 48.5 × 25.4 mm"), { 10, 4, 21.5, 21.5, 8, 8, 0, 0 } },
  { NULL, { 0 } },
};

/* Cards the size of a bank card (85.6 × 54 mm), with room to cut between them. */
static const LpLabelPreset card_presets[] = {
  { N_("2 × 5 cards, 85.6 × 54 mm"), { 5, 2, 9.5, 9.5, 16.4, 16.4, 6, 2 } },
  { NULL, { 0 } },
};

const LpLabelPreset *
lp_label_sheet_presets (LpLabelSheetKind kind)
{
  return kind == LP_LABEL_SHEET_MEMBER_CARDS ? card_presets : item_presets;
}

static void
label_clear (gpointer data)
{
  Label *label = data;

  g_free (label->code);
  g_free (label->title);
  g_free (label->sub);
}

/* Draws @text from (@x, @y) in @width, at most @lines lines (ellipsized); returns the
 * height used. */
static double
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       size,
           PangoWeight  weight,
           const char  *family,
           double       x,
           double       y,
           double       width,
           int          lines)
{
  g_autoptr(PangoFontDescription) font = NULL;
  int text_height;

  if (text == NULL || *text == '\0' || width <= 0)
    return 0;
  font = pango_font_description_new ();
  pango_font_description_set_family (font, family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -lines);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  /* One layout for a whole page (making one per line costs a Pango context each): it
   * follows the cell's transformation. */
  pango_cairo_update_layout (cr, layout);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &text_height);
  return (double) text_height / PANGO_SCALE;
}

/* An item's sticker: the QR on the left, code, name and location beside it. */
static void
draw_item_label (const Label *label,
                 cairo_t     *cr,
                 PangoLayout *layout,
                 double       width,
                 double       height)
{
  double pad = MIN (width, height) * 0.08;
  double qr = MIN (height - 2 * pad, width * 0.5);
  double x = pad + qr + pad * 0.6;
  double text_width = width - x - pad;
  double size = CLAMP (height * 0.13, 5.5, 11);
  double y = pad;

  lp_qr_code_draw (cr, label->code, pad, (height - qr) / 2, qr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y += draw_text (cr, layout, label->code, size, PANGO_WEIGHT_BOLD, "Monospace", x, y,
                  text_width, 1);
  y += size * 0.2;
  y += draw_text (cr, layout, label->title, size * 0.9, PANGO_WEIGHT_NORMAL, "Sans", x, y,
                  text_width, 2);
  y += size * 0.2;
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  draw_text (cr, layout, label->sub, size * 0.75, PANGO_WEIGHT_NORMAL, "Sans", x, y, text_width, 2);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   width,
                   double   height,
                   double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, width - radius, radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, width - radius, height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, radius, height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, radius, radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A member card: the school's name (its address under it when there is room) and
 * "Member Card" across the top, the member's name,
 * username and role on the left, the username's QR on the right, a thin line to cut. */
static void
draw_member_card (LpLabelSheet *self,
                  const Label  *label,
                  cairo_t      *cr,
                  PangoLayout  *layout,
                  double        width,
                  double        height)
{
  double pad = height * 0.07;
  double size = CLAMP (height * 0.075, 6, 14);
  double band = pad + size * 2.9;
  double qr = MIN (height - band - pad * 0.8, width * 0.38);
  /* The address takes a line of the band only if the QR stays big enough to scan. */
  gboolean address = self->address != NULL &&
                     height - band - size * 0.95 - pad * 0.8 >= MIN (height * 0.5, width * 0.38);
  double text_width;
  double y;

  if (address)
    {
      band += size * 0.95;
      qr = MIN (height - band - pad * 0.8, width * 0.38);
    }
  text_width = width - 3 * pad - qr;

  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  rounded_rectangle (cr, width, height, pad * 0.8);
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y = pad * 0.8;
  y += draw_text (cr, layout, self->header, size * 1.1, PANGO_WEIGHT_BOLD, "Sans", pad, y,
                  width - 2 * pad, 1);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  if (address)
    y += draw_text (cr, layout, self->address, size * 0.75, PANGO_WEIGHT_NORMAL, "Sans", pad, y,
                    width - 2 * pad, 1);
  draw_text (cr, layout, _("Library Member Card"), size * 0.85, PANGO_WEIGHT_NORMAL, "Sans", pad, y,
             width - 2 * pad, 1);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, pad, band - pad * 0.4);
  cairo_line_to (cr, width - pad, band - pad * 0.4);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y = band + pad * 0.2;
  y += draw_text (cr, layout, label->title, size * 1.15, PANGO_WEIGHT_BOLD, "Sans", pad, y,
                  text_width, 2);
  y += size * 0.4;
  y += draw_text (cr, layout, label->code, size * 1.1, PANGO_WEIGHT_NORMAL, "Monospace", pad, y,
                  text_width, 1);
  y += size * 0.3;
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  draw_text (cr, layout, label->sub, size * 0.9, PANGO_WEIGHT_NORMAL, "Sans", pad, y,
             text_width, 1);
  lp_qr_code_draw (cr, label->code, width - pad - qr, band + (height - band - qr) / 2 - pad * 0.2,
                   qr);
}

/* The size of one cell, in points; FALSE when the margins and gaps leave no room. */
static gboolean
cell_size (const LpLabelGrid *grid,
           double            *width,
           double            *height)
{
  double w, h;

  if (grid->rows == 0 || grid->columns == 0)
    return FALSE;
  w = (A4_WIDTH_MM - grid->margin_left - grid->margin_right
       - (grid->columns - 1) * grid->gap_x) / grid->columns;
  h = (A4_HEIGHT_MM - grid->margin_top - grid->margin_bottom
       - (grid->rows - 1) * grid->gap_y) / grid->rows;
  if (width != NULL)
    *width = w * POINTS_PER_MM;
  if (height != NULL)
    *height = h * POINTS_PER_MM;
  return w >= MIN_CELL_MM && h >= MIN_CELL_MM;
}

void
lp_label_sheet_draw_page (LpLabelSheet *self,
                          cairo_t      *cr,
                          guint         page)
{
  guint per_page = self->grid.rows * self->grid.columns;
  g_autoptr(PangoLayout) layout = NULL;
  double width, height;

  g_return_if_fail (LP_IS_LABEL_SHEET (self));

  if (!cell_size (&self->grid, &width, &height))
    return;
  layout = pango_cairo_create_layout (cr);
  for (guint i = page * per_page; i < MIN (self->labels->len, (page + 1) * per_page); i++)
    {
      const Label *label = &g_array_index (self->labels, Label, i);
      guint cell = i - page * per_page;
      guint row = cell / self->grid.columns;
      guint column = cell % self->grid.columns;

      cairo_save (cr);
      cairo_translate (cr,
                       (self->grid.margin_left + column * self->grid.gap_x) * POINTS_PER_MM
                       + column * width,
                       (self->grid.margin_top + row * self->grid.gap_y) * POINTS_PER_MM
                       + row * height);
      /* Nothing of a cell spills onto its neighbour. */
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_clip (cr);
      if (self->kind == LP_LABEL_SHEET_MEMBER_CARDS)
        draw_member_card (self, label, cr, layout, width, height);
      else
        draw_item_label (label, cr, layout, width, height);
      cairo_restore (cr);
    }
}

guint
lp_label_sheet_get_n_pages (LpLabelSheet *self)
{
  guint per_page;

  g_return_val_if_fail (LP_IS_LABEL_SHEET (self), 0);

  per_page = self->grid.rows * self->grid.columns;
  if (per_page == 0 || self->labels->len == 0)
    return 1;
  return (self->labels->len + per_page - 1) / per_page;
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              LpLabelSheet      *self)
{
  lp_label_sheet_draw_page (self, gtk_print_context_get_cairo_context (context), page_nr);
}

GtkPrintOperation *
lp_label_sheet_new_operation (LpLabelSheet *self)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  g_return_val_if_fail (LP_IS_LABEL_SHEET (self), NULL);

  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_MM);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation,
                                    self->kind == LP_LABEL_SHEET_MEMBER_CARDS
                                    ? _("Member Cards") : _("Item Labels"));
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The grid is measured from the paper's edge, as on the sticker sheet's box. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_n_pages (operation, lp_label_sheet_get_n_pages (self));
  /* The operation may outlive the caller's reference (a dialog still open). */
  g_object_set_data_full (G_OBJECT (operation), "lp-label-sheet", g_object_ref (self),
                          g_object_unref);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), self);
  return operation;
}

static void
lp_label_sheet_finalize (GObject *object)
{
  LpLabelSheet *self = LP_LABEL_SHEET (object);

  g_array_unref (self->labels);
  g_free (self->header);
  g_free (self->address);

  G_OBJECT_CLASS (lp_label_sheet_parent_class)->finalize (object);
}

static void
lp_label_sheet_class_init (LpLabelSheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lp_label_sheet_finalize;
}

static void
lp_label_sheet_init (LpLabelSheet *self)
{
  self->labels = g_array_new (FALSE, TRUE, sizeof (Label));
  g_array_set_clear_func (self->labels, label_clear);
}

LpLabelSheet *
lp_label_sheet_new (LpLabelSheetKind kind)
{
  LpLabelSheet *self = g_object_new (LP_TYPE_LABEL_SHEET, NULL);

  self->kind = kind;
  self->grid = lp_label_sheet_presets (kind)[0].grid;
  return self;
}

LpLabelSheetKind
lp_label_sheet_get_kind (LpLabelSheet *self)
{
  g_return_val_if_fail (LP_IS_LABEL_SHEET (self), LP_LABEL_SHEET_ITEM_LABELS);

  return self->kind;
}

void
lp_label_sheet_set_header (LpLabelSheet *self,
                           const char   *header)
{
  g_return_if_fail (LP_IS_LABEL_SHEET (self));

  g_free (self->header);
  self->header = g_strdup (header);
}

void
lp_label_sheet_set_address (LpLabelSheet *self,
                            const char   *address)
{
  g_return_if_fail (LP_IS_LABEL_SHEET (self));

  g_clear_pointer (&self->address, g_free);
  /* Street and town on one line, as the card has room for. */
  if (address != NULL && *address != '\0')
    self->address = lp_format_one_line (address);
}

void
lp_label_sheet_add (LpLabelSheet *self,
                    const char   *code,
                    const char   *title,
                    const char   *sub)
{
  Label label = { g_strdup (code), g_strdup (title), g_strdup (sub) };

  g_return_if_fail (LP_IS_LABEL_SHEET (self));

  g_array_append_val (self->labels, label);
}

guint
lp_label_sheet_get_n_labels (LpLabelSheet *self)
{
  g_return_val_if_fail (LP_IS_LABEL_SHEET (self), 0);

  return self->labels->len;
}

gboolean
lp_label_sheet_set_grid (LpLabelSheet      *self,
                         const LpLabelGrid *grid)
{
  g_return_val_if_fail (LP_IS_LABEL_SHEET (self), FALSE);
  g_return_val_if_fail (grid != NULL, FALSE);

  if (!cell_size (grid, NULL, NULL))
    return FALSE;
  self->grid = *grid;
  return TRUE;
}

const LpLabelGrid *
lp_label_sheet_get_grid (LpLabelSheet *self)
{
  g_return_val_if_fail (LP_IS_LABEL_SHEET (self), NULL);

  return &self->grid;
}
