/* lp-report-document.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-report-document"

#include "config.h"

#include "lp-report-document.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#define A4_WIDTH     595.0
#define A4_HEIGHT    842.0
#define MARGIN       40.0
#define CHART_HEIGHT 170.0
#define ROW_HEIGHT   13.0

typedef enum {
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_CHART,
  BLOCK_TABLE,
} BlockKind;

typedef struct
{
  BlockKind    kind;
  char        *text;
  LpChartKind  chart_kind;
  GVariant    *series;
  char       **columns;
  GListModel  *rows;
} Block;

struct _LpReportDocument
{
  GObject    parent_instance;

  char      *title;
  char      *subtitle;
  GPtrArray *blocks;
};

G_DEFINE_FINAL_TYPE (LpReportDocument, lp_report_document, G_TYPE_OBJECT)

/* Where the layout is: the page being laid out, the one drawn (-1: all), and how far down. */
typedef struct
{
  cairo_t *cr;
  double   width;
  double   height;
  double   y;
  int      page;
  int      target;
} Cursor;

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_clear_pointer (&block->series, g_variant_unref);
  g_strfreev (block->columns);
  g_clear_object (&block->rows);
  g_free (block);
}

static gboolean
drawing (Cursor *c)
{
  return c->target < 0 || c->page == c->target;
}

static void
new_page (Cursor *c)
{
  if (c->target < 0)
    cairo_show_page (c->cr);
  c->page++;
  c->y = 0;
}

/* Makes room for @space points, on a new page if this one is full (unless it is empty). */
static void
need (Cursor *c,
      double  space)
{
  if (c->y > 0 && c->y + space > c->height)
    new_page (c);
}

static PangoLayout *
text_layout (Cursor     *c,
             const char *text,
             double      size,
             gboolean    bold,
             double      width,
             gboolean    one_line)
{
  PangoLayout *layout = pango_cairo_create_layout (c->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  if (one_line)
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  else
    pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static void
put_text (Cursor     *c,
          const char *text,
          double      size,
          gboolean    bold,
          double      space_after)
{
  g_autoptr(PangoLayout) layout = text_layout (c, text, size, bold, c->width, FALSE);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  need (c, height + space_after);
  if (drawing (c))
    {
      cairo_set_source_rgb (c->cr, 0, 0, 0);
      cairo_move_to (c->cr, 0, c->y);
      pango_cairo_show_layout (c->cr, layout);
    }
  c->y += height + space_after;
}

static void
put_chart (Cursor *c,
           Block  *block)
{
  static const GdkRGBA black = { 0, 0, 0, 1 };
  static const GdkRGBA accent = { 0.11, 0.42, 0.85, 1 };
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 9");

  put_text (c, block->text, 10, TRUE, 4);
  need (c, CHART_HEIGHT + 12);
  if (drawing (c))
    {
      cairo_save (c->cr);
      cairo_translate (c->cr, 0, c->y);
      lp_chart_draw_series (c->cr, block->chart_kind, block->series, c->width, CHART_HEIGHT,
                            &black, &accent, font, -1);
      cairo_restore (c->cr);
    }
  c->y += CHART_HEIGHT + 12;
}

static void
put_row (Cursor             *c,
         const char * const *cells,
         const double       *widths,
         guint               n,
         gboolean            header)
{
  double x = 0;

  if (!drawing (c))
    {
      c->y += ROW_HEIGHT;
      return;
    }
  if (header)
    {
      cairo_set_source_rgb (c->cr, 0.9, 0.9, 0.9);
      cairo_rectangle (c->cr, 0, c->y, c->width, ROW_HEIGHT);
      cairo_fill (c->cr);
    }
  cairo_set_source_rgb (c->cr, 0, 0, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = text_layout (c, cells[i], 7.5, header, widths[i] - 4, TRUE);

      cairo_move_to (c->cr, x + 2, c->y + 1.5);
      pango_cairo_show_layout (c->cr, layout);
      x += widths[i];
    }
  cairo_set_source_rgb (c->cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (c->cr, 0.4);
  cairo_move_to (c->cr, 0, c->y + ROW_HEIGHT);
  cairo_line_to (c->cr, c->width, c->y + ROW_HEIGHT);
  cairo_stroke (c->cr);
  c->y += ROW_HEIGHT;
}

static double
natural_width (Cursor     *c,
               const char *text,
               gboolean    bold)
{
  g_autoptr(PangoLayout) layout = text_layout (c, text, 7.5, bold, -1, TRUE);
  int width;

  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* Narrow columns (codes, dates, counts) get all they ask for; the wide ones (names) share
 * what is left in proportion, so it is a long name that is cut short, not a loan code. */
static void
share_width (double *widths,
             guint   n,
             double  width)
{
  g_autofree gboolean *fixed = g_new0 (gboolean, n);
  double left = width, wanted = 0;
  gboolean changed = TRUE;
  guint n_left = n;

  while (changed && n_left > 0)
    {
      changed = FALSE;
      for (guint j = 0; j < n; j++)
        if (!fixed[j] && widths[j] <= left / n_left)
          {
            fixed[j] = TRUE;
            left -= widths[j];
            n_left--;
            changed = TRUE;
          }
    }
  for (guint j = 0; j < n; j++)
    if (!fixed[j])
      wanted += widths[j];
  for (guint j = 0; j < n; j++)
    if (!fixed[j])
      widths[j] = left * widths[j] / wanted;
    else if (n_left == 0)
      widths[j] += left / n;
}

/* Each column as wide as its widest text (of the first rows, within limits) asks, the
 * page's width shared out in that proportion. */
static double *
column_widths (Cursor *c,
               Block  *block,
               guint   n)
{
  double *widths = g_new0 (double, n);
  guint n_rows = MIN (g_list_model_get_n_items (block->rows), 200);

  for (guint j = 0; j < n; j++)
    widths[j] = natural_width (c, block->columns[j], TRUE);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GtkStringList) row = g_list_model_get_item (block->rows, i);

      for (guint j = 0; j < n; j++)
        widths[j] = MAX (widths[j], natural_width (c, gtk_string_list_get_string (row, j), FALSE));
    }
  for (guint j = 0; j < n; j++)
    widths[j] = CLAMP (widths[j], 20, 220) + 6;
  share_width (widths, n, c->width);
  return widths;
}

static void
put_table (Cursor *c,
           Block  *block)
{
  guint n = g_strv_length (block->columns);
  guint n_rows = g_list_model_get_n_items (block->rows);
  g_autofree double *widths = NULL;

  if (n_rows == 0)
    {
      put_text (c, _("Nothing to show for this period."), 9, FALSE, 8);
      return;
    }
  widths = column_widths (c, block, n);
  need (c, ROW_HEIGHT * 3);
  put_row (c, (const char * const *) block->columns, widths, n, TRUE);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GtkStringList) row = g_list_model_get_item (block->rows, i);
      g_autofree const char **cells = g_new0 (const char *, n + 1);

      for (guint j = 0; j < n; j++)
        cells[j] = gtk_string_list_get_string (row, j);
      if (c->y + ROW_HEIGHT > c->height)
        {
          new_page (c);
          put_row (c, (const char * const *) block->columns, widths, n, TRUE);
        }
      put_row (c, cells, widths, n, FALSE);
    }
  c->y += 10;
}

int
lp_report_document_draw (LpReportDocument *self,
                         cairo_t          *cr,
                         double            width,
                         double            height,
                         int               page)
{
  Cursor c = { cr, width - 2 * MARGIN, height - 2 * MARGIN, 0, 0, page };

  g_return_val_if_fail (LP_IS_REPORT_DOCUMENT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);

  cairo_save (cr);
  cairo_translate (cr, MARGIN, MARGIN);
  put_text (&c, self->title, 16, TRUE, 2);
  put_text (&c, self->subtitle, 9, FALSE, 14);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      switch (block->kind)
        {
        case BLOCK_HEADING:
          need (&c, 60);
          put_text (&c, block->text, 13, TRUE, 6);
          break;
        case BLOCK_TEXT:
          put_text (&c, block->text, 9, FALSE, 8);
          break;
        case BLOCK_CHART:
          put_chart (&c, block);
          break;
        case BLOCK_TABLE:
          put_table (&c, block);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (page < 0)
    cairo_show_page (cr);
  cairo_restore (cr);
  return c.page + 1;
}

gboolean
lp_report_document_save_pdf (LpReportDocument  *self,
                             const char        *path,
                             GError           **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (LP_IS_REPORT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cr = cairo_create (surface);
  lp_report_document_draw (self, cr, A4_WIDTH, A4_HEIGHT, -1);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* Translators: %s is a file name, the second %s why it failed. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                LpReportDocument  *self)
{
  gtk_print_operation_set_n_pages (operation,
                                   lp_report_document_draw (self,
                                                            gtk_print_context_get_cairo_context (context),
                                                            gtk_print_context_get_width (context),
                                                            gtk_print_context_get_height (context),
                                                            G_MAXINT));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              LpReportDocument  *self)
{
  lp_report_document_draw (self, gtk_print_context_get_cairo_context (context),
                           gtk_print_context_get_width (context),
                           gtk_print_context_get_height (context), page);
}

GtkPrintOperation *
lp_report_document_new_operation (LpReportDocument *self)
{
  GtkPrintOperation *operation;

  g_return_val_if_fail (LP_IS_REPORT_DOCUMENT (self), NULL);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, self->title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page), self, 0);
  g_object_set_data_full (G_OBJECT (operation), "lp-document", g_object_ref (self),
                          g_object_unref);
  return operation;
}

static Block *
add_block (LpReportDocument *self,
           BlockKind         kind,
           const char       *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  g_ptr_array_add (self->blocks, block);
  return block;
}

void
lp_report_document_add_heading (LpReportDocument *self,
                                const char       *text)
{
  g_return_if_fail (LP_IS_REPORT_DOCUMENT (self));

  add_block (self, BLOCK_HEADING, text);
}

void
lp_report_document_add_text (LpReportDocument *self,
                             const char       *text)
{
  g_return_if_fail (LP_IS_REPORT_DOCUMENT (self));

  add_block (self, BLOCK_TEXT, text);
}

void
lp_report_document_add_chart (LpReportDocument *self,
                              LpChartKind       kind,
                              const char       *title,
                              GVariant         *series)
{
  Block *block;

  g_return_if_fail (LP_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (series != NULL);

  block = add_block (self, BLOCK_CHART, title);
  block->chart_kind = kind;
  block->series = g_variant_ref_sink (series);
}

void
lp_report_document_add_table (LpReportDocument   *self,
                              const char * const *columns,
                              GListModel         *rows)
{
  Block *block;

  g_return_if_fail (LP_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (columns != NULL && G_IS_LIST_MODEL (rows));

  block = add_block (self, BLOCK_TABLE, NULL);
  block->columns = g_strdupv ((char **) columns);
  block->rows = g_object_ref (rows);
}

static void
lp_report_document_finalize (GObject *object)
{
  LpReportDocument *self = (LpReportDocument *) object;

  g_free (self->title);
  g_free (self->subtitle);
  g_ptr_array_unref (self->blocks);

  G_OBJECT_CLASS (lp_report_document_parent_class)->finalize (object);
}

static void
lp_report_document_class_init (LpReportDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lp_report_document_finalize;
}

static void
lp_report_document_init (LpReportDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
}

LpReportDocument *
lp_report_document_new (const char *title,
                        const char *subtitle)
{
  LpReportDocument *self = g_object_new (LP_TYPE_REPORT_DOCUMENT, NULL);

  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  return self;
}
