/* lp-label-sheet.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Sheets of sticker labels for items, and of member cards, on A4: a grid of cells, each
 * with a code as a QR (lp_qr_code_draw(), vectors) and as text, a title line and a sub
 * line — for an item its code, name and location; for a member card the username (what
 * the kiosk's scanner types), full name and role under the school's name. The drawing
 * needs cairo and Pango only; lp_label_sheet_new_operation() prints it through GTK.
 */

typedef enum {
  LP_LABEL_SHEET_ITEM_LABELS,
  LP_LABEL_SHEET_MEMBER_CARDS,
} LpLabelSheetKind;

/* A grid on A4, in millimetres: the cells are what is left between the margins and
 * the gaps. */
typedef struct
{
  guint  rows;
  guint  columns;
  double margin_top;
  double margin_bottom;
  double margin_left;
  double margin_right;
  double gap_x;
  double gap_y;
} LpLabelGrid;

typedef struct
{
  const char  *name;    /* untranslated, N_() */
  LpLabelGrid  grid;
} LpLabelPreset;

#define LP_TYPE_LABEL_SHEET (lp_label_sheet_get_type ())

G_DECLARE_FINAL_TYPE (LpLabelSheet, lp_label_sheet, LP, LABEL_SHEET, GObject)

/* The common sheets for @kind, ending with a preset whose name is NULL. */
const LpLabelPreset *lp_label_sheet_presets      (LpLabelSheetKind   kind);

LpLabelSheet       *lp_label_sheet_new           (LpLabelSheetKind   kind);
LpLabelSheetKind    lp_label_sheet_get_kind      (LpLabelSheet      *self);
/* A card's heading, e.g. the school's name; NULL for none. */
void                lp_label_sheet_set_header    (LpLabelSheet      *self,
                                                  const char        *header);
/* A member card's line under the heading, e.g. the school's address (its line breaks
 * become ", "), drawn in small text when the card has room; NULL or "" for none. */
void                lp_label_sheet_set_address   (LpLabelSheet      *self,
                                                  const char        *address);
void                lp_label_sheet_add           (LpLabelSheet      *self,
                                                  const char        *code,
                                                  const char        *title,
                                                  const char        *sub);
guint               lp_label_sheet_get_n_labels  (LpLabelSheet      *self);
/* FALSE when the grid has no room for a cell (too many rows for the margins). */
gboolean            lp_label_sheet_set_grid      (LpLabelSheet      *self,
                                                  const LpLabelGrid *grid);
const LpLabelGrid  *lp_label_sheet_get_grid      (LpLabelSheet      *self);
guint               lp_label_sheet_get_n_pages   (LpLabelSheet      *self);
/* Draws page @page (from 0) on @cr, whose units are points with (0, 0) at the paper's
 * top left corner. */
void                lp_label_sheet_draw_page     (LpLabelSheet      *self,
                                                  cairo_t           *cr,
                                                  guint              page);
/* An operation of every page; run it to print or, with an export filename, to save a
 * PDF (lp_print_job_run()). */
GtkPrintOperation  *lp_label_sheet_new_operation (LpLabelSheet      *self);

G_END_DECLS
