/* lp-receipt.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-receipt"

#include "config.h"

#include "lp-receipt.h"

#include "lp-format.h"
#include "lp-qr-code.h"

#include <glib/gi18n-lib.h>

#define THERMAL_WIDTH_MM  80.0
#define THERMAL_LENGTH_MM 200.0

struct _LpReceipt
{
  GObject          parent_instance;

  LpLoanObject    *loan;
  char            *school_name;
  char            *school_address;  /* NULL or "" when not set */
  GTimeZone       *timezone;    /* the library's */
  LpReceiptLayout  layout;
};

G_DEFINE_FINAL_TYPE (LpReceipt, lp_receipt, G_TYPE_OBJECT)

/* What differs between a sheet and a roll: sizes in points. */
typedef struct
{
  double body;        /* font size of the rows */
  double title;
  double code;
  double qr;
  double label_width; /* of the rows' labels, as a share of the width */
  gboolean signatures_side_by_side;
} Metrics;

static const Metrics a4_metrics = { 11, 18, 22, 150, 0.28, TRUE };
static const Metrics thermal_metrics = { 8.5, 12, 15, 130, 0.36, FALSE };

static const Metrics *
metrics_of (LpReceipt *self)
{
  return self->layout == LP_RECEIPT_LAYOUT_A4 ? &a4_metrics : &thermal_metrics;
}

/* Draws @text in @width at (@x, @y) and returns its height. */
static double
draw_text (cairo_t        *cr,
           const char     *text,
           const char     *family,
           double          size,
           PangoWeight     weight,
           PangoAlignment  alignment,
           double          x,
           double          y,
           double          width)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  int text_height;

  pango_font_description_set_family (font, family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &text_height);
  return (double) text_height / PANGO_SCALE;
}

static double
draw_rule (cairo_t *cr,
           double   y,
           double   width,
           double   gap)
{
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, 0, y + gap / 2);
  cairo_line_to (cr, width, y + gap / 2);
  cairo_stroke (cr);
  return gap;
}

/* A "Label   value" row; the value wraps in its column. */
static double
draw_row (cairo_t       *cr,
          const Metrics *m,
          const char    *label,
          const char    *value,
          double         y,
          double         width)
{
  double label_width = width * m->label_width;
  double label_height = draw_text (cr, label, "Sans", m->body, PANGO_WEIGHT_NORMAL,
                                   PANGO_ALIGN_LEFT, 0, y, label_width - 4);
  double value_height = draw_text (cr, value, "Sans", m->body, PANGO_WEIGHT_BOLD,
                                   PANGO_ALIGN_LEFT, label_width, y, width - label_width);

  return MAX (label_height, value_height) + m->body * 0.45;
}

static char *
date_text (LpLoanObject *loan,
           const char   *property)
{
  GDate *date = lp_api_object_get_boxed (loan, property);

  return date != NULL ? lp_format_date_long (date) : g_strdup ("—");
}

static char *
ref_text (LpLoanObject *loan,
          const char   *property)
{
  LpRefObject *ref = lp_api_object_get_object (loan, property);

  if (ref == NULL)
    return g_strdup ("—");
  /* Translators: a person on a receipt: full name and user name, e.g. "Andi Saputra (andi)". */
  return g_strdup_printf (_("%s (%s)"), lp_api_object_get_string (ref, "full-name"),
                          lp_api_object_get_string (ref, "username"));
}

static double
draw_rows (LpReceipt     *self,
           cairo_t       *cr,
           const Metrics *m,
           double         y,
           double         width)
{
  LpLoanObject *loan = self->loan;
  LpRefObject *item = lp_api_object_get_object (loan, "item");
  GDateTime *decided_at = lp_api_object_get_boxed (loan, "decided-at");
  g_autofree char *member = ref_text (loan, "user");
  g_autofree char *item_text = NULL;
  g_autofree char *quantity = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               lp_api_object_get_int (loan, "quantity"));
  g_autofree char *start = date_text (loan, "start-date");
  g_autofree char *due = date_text (loan, "due-date");
  g_autofree char *approver = ref_text (loan, "decider");
  g_autoptr(GDateTime) decided_here = decided_at != NULL
                                      ? g_date_time_to_timezone (decided_at, self->timezone)
                                      : NULL;
  g_autofree char *approved_at = decided_here != NULL ? lp_format_time_long (decided_here)
                                                      : g_strdup ("—");
  double top = y;

  /* Translators: an item on a receipt: its code and name, e.g. "PRJ-01 — Projector". */
  item_text = g_strdup_printf (_("%s — %s"),
                               item != NULL ? lp_api_object_get_string (item, "code") : "",
                               item != NULL ? lp_api_object_get_string (item, "name") : "");
  y += draw_row (cr, m, _("Member"), member, y, width);
  y += draw_row (cr, m, _("Item"), item_text, y, width);
  y += draw_row (cr, m, _("Quantity"), quantity, y, width);
  y += draw_row (cr, m, _("Start date"), start, y, width);
  y += draw_row (cr, m, _("Due date"), due, y, width);
  y += draw_row (cr, m, _("Purpose"), lp_api_object_get_string (loan, "purpose"), y, width);
  y += draw_row (cr, m, _("Approved by"), approver, y, width);
  y += draw_row (cr, m, _("Approved at"), approved_at, y, width);
  return y - top;
}

/* A line to sign on, with who signs under it. */
static double
draw_signature (cairo_t       *cr,
                const Metrics *m,
                const char    *who,
                double         x,
                double         y,
                double         width)
{
  double space = m->body * 4;

  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x, y + space);
  cairo_line_to (cr, x + width, y + space);
  cairo_stroke (cr);
  return space + 2 + draw_text (cr, who, "Sans", m->body, PANGO_WEIGHT_NORMAL,
                                PANGO_ALIGN_CENTER, x, y + space + 2, width);
}

static double
draw_signatures (cairo_t       *cr,
                 const Metrics *m,
                 double         y,
                 double         width)
{
  double top = y;

  if (m->signatures_side_by_side)
    {
      double column = width * 0.4;

      return MAX (draw_signature (cr, m, _("Member"), 0, y, column),
                  draw_signature (cr, m, _("Library staff"), width - column, y, column));
    }
  y += draw_signature (cr, m, _("Member"), width * 0.1, y, width * 0.8);
  y += draw_signature (cr, m, _("Library staff"), width * 0.1, y, width * 0.8);
  return y - top;
}

double
lp_receipt_draw (LpReceipt *self,
                 cairo_t   *cr,
                 double     width)
{
  const Metrics *m;
  const char *code;
  const char *school;
  double y = 0;
  double qr;

  g_return_val_if_fail (LP_IS_RECEIPT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);

  m = metrics_of (self);
  code = lp_api_object_get_string (self->loan, "code");
  school = self->school_name != NULL && *self->school_name != '\0' ? self->school_name
                                                                    : _("School Library");
  cairo_set_source_rgb (cr, 0, 0, 0);
  y += draw_text (cr, school, "Sans", m->title, PANGO_WEIGHT_BOLD, PANGO_ALIGN_CENTER,
                  0, y, width);
  if (self->school_address != NULL && *self->school_address != '\0')
    y += draw_text (cr, self->school_address, "Sans", m->body * 0.85, PANGO_WEIGHT_NORMAL,
                    PANGO_ALIGN_CENTER, 0, y, width) + m->body * 0.4;
  y += draw_text (cr, _("Loan Receipt"), "Sans", m->body * 1.2, PANGO_WEIGHT_NORMAL,
                  PANGO_ALIGN_CENTER, 0, y, width);
  y += draw_rule (cr, y, width, m->body);
  qr = MIN (m->qr, width);
  lp_qr_code_draw (cr, code, (width - qr) / 2, y, qr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y += qr;
  y += draw_text (cr, code, "Monospace", m->code, PANGO_WEIGHT_BOLD, PANGO_ALIGN_CENTER,
                  0, y, width);
  y += draw_rule (cr, y, width, m->body);
  y += draw_rows (self, cr, m, y, width);
  y += draw_rule (cr, y, width, m->body);
  y += draw_signatures (cr, m, y, width);
  y += m->body;
  y += draw_text (cr, _("Bring this receipt when you return the item: the desk scans its code."),
                  "Sans", m->body * 0.85, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, 0, y, width);
  return y;
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              LpReceipt         *self)
{
  lp_receipt_draw (self, gtk_print_context_get_cairo_context (context),
                   gtk_print_context_get_width (context));
}

static GtkPageSetup *
page_setup_new (LpReceiptLayout layout)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  double margin = layout == LP_RECEIPT_LAYOUT_A4 ? 20 : 4;

  if (layout == LP_RECEIPT_LAYOUT_A4)
    paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  else
    paper = gtk_paper_size_new_custom ("lentera-80mm-roll", _("80 mm receipt roll"),
                                       THERMAL_WIDTH_MM, THERMAL_LENGTH_MM, GTK_UNIT_MM);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_top_margin (setup, margin, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, margin, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, margin, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, margin, GTK_UNIT_MM);
  return setup;
}

GtkPrintOperation *
lp_receipt_new_operation (LpReceipt *self)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autofree char *job = NULL;

  g_return_val_if_fail (LP_IS_RECEIPT (self), NULL);

  operation = gtk_print_operation_new ();
  setup = page_setup_new (self->layout);
  /* Translators: the name of a print job, e.g. "Receipt LP-20260109-0001". */
  job = g_strdup_printf (_("Receipt %s"), lp_api_object_get_string (self->loan, "code"));
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* The operation may outlive the caller's reference (a dialog still open). */
  g_object_set_data_full (G_OBJECT (operation), "lp-receipt", g_object_ref (self),
                          g_object_unref);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), self);
  return operation;
}

LpReceiptLayout
lp_receipt_layout_from_string (const char *layout_name)
{
  return g_strcmp0 (layout_name, "thermal-80mm") == 0 ? LP_RECEIPT_LAYOUT_THERMAL_80MM
                                                      : LP_RECEIPT_LAYOUT_A4;
}

static void
lp_receipt_finalize (GObject *object)
{
  LpReceipt *self = LP_RECEIPT (object);

  g_clear_object (&self->loan);
  g_free (self->school_name);
  g_free (self->school_address);
  g_time_zone_unref (self->timezone);

  G_OBJECT_CLASS (lp_receipt_parent_class)->finalize (object);
}

static void
lp_receipt_class_init (LpReceiptClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lp_receipt_finalize;
}

static void
lp_receipt_init (LpReceipt *self)
{
}

LpReceipt *
lp_receipt_new (LpLoanObject     *loan,
                LpSettingsObject *settings,
                LpReceiptLayout   layout)
{
  const char *timezone = settings != NULL ? lp_api_object_get_string (settings, "timezone")
                                          : NULL;
  LpReceipt *self;

  g_return_val_if_fail (LP_IS_LOAN_OBJECT (loan), NULL);
  g_return_val_if_fail (settings == NULL || LP_IS_SETTINGS_OBJECT (settings), NULL);

  self = g_object_new (LP_TYPE_RECEIPT, NULL);
  self->loan = g_object_ref (loan);
  if (settings != NULL)
    {
      self->school_name = g_strdup (lp_api_object_get_string (settings, "school-name"));
      self->school_address = g_strdup (lp_api_object_get_string (settings, "school-address"));
    }
  /* Approved "at 10:15" means the library's clock, wherever the desk computer is set. */
  if (timezone != NULL)
    self->timezone = g_time_zone_new_identifier (timezone);
  if (self->timezone == NULL)
    self->timezone = g_time_zone_new_local ();
  self->layout = layout;
  return self;
}

LpLoanObject *
lp_receipt_get_loan (LpReceipt *self)
{
  g_return_val_if_fail (LP_IS_RECEIPT (self), NULL);

  return self->loan;
}
