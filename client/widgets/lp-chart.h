/* lp-chart.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * A small chart of our own, drawn with cairo: bars (damage per category) or a line (a
 * trend per month or day). The data is :series, a GVariant "a(sd)" of (label, value) in
 * order; the same value is what is drawn, what the tooltip shows under the pointer and
 * what the accessible description reads out ("label: value, …"). Colours come from the
 * style (the text colour, the accent colour with some alpha), so the dark style reads.
 * lp_chart_draw_series() draws the same picture into any cairo_t (a PDF page).
 */

typedef enum {
  LP_CHART_BARS,
  LP_CHART_LINE,
} LpChartKind;

#define LP_TYPE_CHART_KIND (lp_chart_kind_get_type ())
#define LP_TYPE_CHART      (lp_chart_get_type ())

GType lp_chart_kind_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (LpChart, lp_chart, LP, CHART, GtkWidget)

LpChartKind  lp_chart_get_kind    (LpChart     *self);
void         lp_chart_set_kind    (LpChart     *self,
                                   LpChartKind  kind);
const char  *lp_chart_get_title   (LpChart     *self);
void         lp_chart_set_title   (LpChart     *self,
                                   const char  *title);
/* Returns: (transfer none) (nullable): "a(sd)" */
GVariant    *lp_chart_get_series  (LpChart     *self);
/* @series: "a(sd)", floating references are sunk; NULL empties the chart. */
void         lp_chart_set_series  (LpChart     *self,
                                   GVariant    *series);
/* The index of the point under @x (widget coordinates), or -1. */
int          lp_chart_point_at    (LpChart     *self,
                                   double       x,
                                   double       y);

/* Draws @series as @kind in the rectangle (0, 0, @width, @height) of @cr: axis labels in
 * @foreground, marks in @accent, value labels where they fit; @highlight (or -1) is the
 * point drawn stronger. @font may be NULL. */
void         lp_chart_draw_series (cairo_t                    *cr,
                                   LpChartKind                 kind,
                                   GVariant                   *series,
                                   double                      width,
                                   double                      height,
                                   const GdkRGBA              *foreground,
                                   const GdkRGBA              *accent,
                                   const PangoFontDescription *font,
                                   int                         highlight);

G_END_DECLS
