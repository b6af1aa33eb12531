/* lp-chart.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-chart"

#include "config.h"

#include "lp-chart.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#define MARGIN_TOP    18.0
#define MARGIN_RIGHT  8.0
#define MARGIN_BOTTOM 24.0
#define Y_TICKS       4

struct _LpChart
{
  GtkWidget    parent_instance;

  LpChartKind  kind;
  char        *title;
  GVariant    *series;     /* "a(sd)", or NULL */
  int          hover;      /* the point under the pointer, or -1 */
};

G_DEFINE_FINAL_TYPE (LpChart, lp_chart, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (LpChartKind, lp_chart_kind,
                    G_DEFINE_ENUM_VALUE (LP_CHART_BARS, "bars"),
                    G_DEFINE_ENUM_VALUE (LP_CHART_LINE, "line"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_SERIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where things go: the plot rectangle, the scale and the slot of each point. */
typedef struct
{
  double left, top, width, height;
  double max;          /* the value at the top of the scale */
  double step;         /* between two lines of the scale */
  double slot;         /* the width each point gets */
  guint  n;
} Geometry;

static char *
format_value (double value)
{
  return value == floor (value) ? g_strdup_printf ("%.0f", value)
                                : g_strdup_printf ("%.1f", value);
}

static double
nice_step (double max)
{
  double raw = max / Y_TICKS;
  double magnitude = pow (10, floor (log10 (raw)));
  double normal = raw / magnitude;
  double step = normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 5 ? 5 : 10;

  /* Counts are whole numbers: never a line at 0.5. */
  return MAX (step * magnitude, 1);
}

static PangoLayout *
layout_new (cairo_t                    *cr,
            const PangoFontDescription *font,
            const char                 *text,
            double                      scale)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) small = font != NULL ? pango_font_description_copy (font)
                                                       : pango_font_description_from_string ("Sans 10");
  int size = pango_font_description_get_size (small);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (small))
    pango_font_description_set_absolute_size (small, size * scale);
  else
    pango_font_description_set_size (small, (int) (size * scale));
  pango_layout_set_font_description (layout, small);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
text_width (cairo_t                    *cr,
            const PangoFontDescription *font,
            const char                 *text)
{
  g_autoptr(PangoLayout) layout = layout_new (cr, font, text, 0.85);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
geometry_init (Geometry                   *g,
               cairo_t                    *cr,
               GVariant                   *series,
               double                      width,
               double                      height,
               const PangoFontDescription *font)
{
  g_autofree char *top_label = NULL;
  double max = 0, value;
  const char *label;
  GVariantIter iter;

  g->n = series != NULL ? g_variant_n_children (series) : 0;
  if (series != NULL)
    {
      g_variant_iter_init (&iter, series);
      while (g_variant_iter_next (&iter, "(&sd)", &label, &value))
        max = MAX (max, value);
    }
  g->step = nice_step (MAX (max, 1));
  g->max = g->step * ceil (MAX (max, 1) / g->step);
  top_label = format_value (g->max);
  g->left = text_width (cr, font, top_label) + 10;
  g->top = MARGIN_TOP;
  g->width = MAX (width - g->left - MARGIN_RIGHT, 1);
  g->height = MAX (height - MARGIN_TOP - MARGIN_BOTTOM, 1);
  g->slot = g->n > 0 ? g->width / g->n : g->width;
}

static double
point_x (const Geometry *g,
         guint           i)
{
  return g->left + g->slot * (i + 0.5);
}

static double
point_y (const Geometry *g,
         double          value)
{
  return g->top + g->height * (1 - CLAMP (value / g->max, 0, 1));
}

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* @x is the centre of the text, @y its top. */
static void
show_text (cairo_t                    *cr,
           const PangoFontDescription *font,
           const char                 *text,
           double                      x,
           double                      y,
           double                      max_width)
{
  g_autoptr(PangoLayout) layout = layout_new (cr, font, text, 0.85);
  int width;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &width, NULL);
  cairo_move_to (cr, x - width / 2.0, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_scale (cairo_t                    *cr,
            const Geometry             *g,
            const GdkRGBA              *foreground,
            const PangoFontDescription *font)
{
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= g->max + 0.001; v += g->step)
    {
      g_autofree char *text = format_value (v);
      g_autoptr(PangoLayout) layout = layout_new (cr, font, text, 0.85);
      double y = round (point_y (g, v)) + 0.5;
      int w, h;

      set_color (cr, foreground, v == 0 ? 0.5 : 0.12);
      cairo_move_to (cr, g->left, y);
      cairo_line_to (cr, g->left + g->width, y);
      cairo_stroke (cr);
      pango_layout_get_pixel_size (layout, &w, &h);
      set_color (cr, foreground, 0.7);
      cairo_move_to (cr, g->left - 6 - w, y - h / 2.0);
      pango_cairo_show_layout (cr, layout);
    }
}

/* Labels under the points; when they would run into each other only every so many is
 * written, each at most as wide as the room it has. */
static void
draw_labels (cairo_t                    *cr,
             const Geometry             *g,
             GVariant                   *series,
             const GdkRGBA              *foreground,
             const PangoFontDescription *font)
{
  double widest = 0, value;
  const char *label;
  guint every, i = 0;
  GVariantIter iter;

  g_variant_iter_init (&iter, series);
  while (g_variant_iter_next (&iter, "(&sd)", &label, &value))
    widest = MAX (widest, text_width (cr, font, label));
  every = g->slot >= 36 ? 1 : (guint) ceil (MIN (widest, 60) / MAX (g->slot - 4, 1));
  every = MAX (every, 1);
  set_color (cr, foreground, 0.8);
  g_variant_iter_init (&iter, series);
  while (g_variant_iter_next (&iter, "(&sd)", &label, &value))
    {
      if (i % every == 0)
        show_text (cr, font, label, point_x (g, i), g->top + g->height + 4,
                   g->slot * every - 4);
      i++;
    }
}

static void
draw_value (cairo_t                    *cr,
            const Geometry             *g,
            const GdkRGBA              *foreground,
            const PangoFontDescription *font,
            guint                       i,
            double                      value)
{
  g_autofree char *text = format_value (value);

  /* A row of zeros over a long period says nothing the axis does not. */
  if ((value == 0 && g->n > 12) || text_width (cr, font, text) > g->slot)
    return;
  set_color (cr, foreground, 0.9);
  show_text (cr, font, text, point_x (g, i), point_y (g, value) - 16, 0);
}

static void
draw_bars (cairo_t                    *cr,
           const Geometry             *g,
           GVariant                   *series,
           const GdkRGBA              *foreground,
           const GdkRGBA              *accent,
           const PangoFontDescription *font,
           int                         highlight)
{
  double bar = MIN (g->slot * 0.7, 64), value;
  const char *label;
  GVariantIter iter;
  guint i = 0;

  g_variant_iter_init (&iter, series);
  while (g_variant_iter_next (&iter, "(&sd)", &label, &value))
    {
      double y = point_y (g, value);

      set_color (cr, accent, (int) i == highlight ? 1.0 : 0.7);
      cairo_rectangle (cr, point_x (g, i) - bar / 2, y, bar, g->top + g->height - y);
      cairo_fill (cr);
      draw_value (cr, g, foreground, font, i, value);
      i++;
    }
}

static void
draw_line (cairo_t                    *cr,
           const Geometry             *g,
           GVariant                   *series,
           const GdkRGBA              *foreground,
           const GdkRGBA              *accent,
           const PangoFontDescription *font,
           int                         highlight)
{
  double value;
  const char *label;
  GVariantIter iter;
  guint i = 0;

  /* The area under the line, faint, then the line, then the points. */
  cairo_new_path (cr);
  g_variant_iter_init (&iter, series);
  while (g_variant_iter_next (&iter, "(&sd)", &label, &value))
    cairo_line_to (cr, point_x (g, i++), point_y (g, value));
  cairo_line_to (cr, point_x (g, i - 1), g->top + g->height);
  cairo_line_to (cr, point_x (g, 0), g->top + g->height);
  cairo_close_path (cr);
  set_color (cr, accent, 0.15);
  cairo_fill (cr);

  i = 0;
  cairo_new_path (cr);
  g_variant_iter_init (&iter, series);
  while (g_variant_iter_next (&iter, "(&sd)", &label, &value))
    cairo_line_to (cr, point_x (g, i++), point_y (g, value));
  set_color (cr, accent, 0.9);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  i = 0;
  g_variant_iter_init (&iter, series);
  while (g_variant_iter_next (&iter, "(&sd)", &label, &value))
    {
      set_color (cr, accent, 1.0);
      cairo_arc (cr, point_x (g, i), point_y (g, value), (int) i == highlight ? 5 : 3,
                 0, 2 * G_PI);
      cairo_fill (cr);
      if (g->n <= 16 || (int) i == highlight)
        draw_value (cr, g, foreground, font, i, value);
      i++;
    }
}

void
lp_chart_draw_series (cairo_t                    *cr,
                      LpChartKind                 kind,
                      GVariant                   *series,
                      double                      width,
                      double                      height,
                      const GdkRGBA              *foreground,
                      const GdkRGBA              *accent,
                      const PangoFontDescription *font,
                      int                         highlight)
{
  Geometry g;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (series == NULL || g_variant_is_of_type (series, G_VARIANT_TYPE ("a(sd)")));
  g_return_if_fail (foreground != NULL && accent != NULL);

  cairo_save (cr);
  geometry_init (&g, cr, series, width, height, font);
  if (g.n == 0)
    {
      set_color (cr, foreground, 0.55);
      show_text (cr, font, _("No data in this period"), width / 2, height / 2 - 8, width);
      cairo_restore (cr);
      return;
    }
  draw_scale (cr, &g, foreground, font);
  draw_labels (cr, &g, series, foreground, font);
  if (kind == LP_CHART_BARS)
    draw_bars (cr, &g, series, foreground, accent, font, highlight);
  else
    draw_line (cr, &g, series, foreground, accent, font, highlight);
  cairo_restore (cr);
}

/*
 * The widget
 */

static void
style_colors (LpChart *self,
              GdkRGBA *foreground,
              GdkRGBA *accent)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, foreground);
  if (!gtk_style_context_lookup_color (context, "accent_color", accent))
    *accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1.0 };
}

static void
lp_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  LpChart *self = LP_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA foreground, accent;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  style_colors (self, &foreground, &accent);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  lp_chart_draw_series (cr, self->kind, self->series, width, height, &foreground, &accent,
                        pango_context_get_font_description (gtk_widget_get_pango_context (widget)),
                        self->hover);
  cairo_destroy (cr);
}

int
lp_chart_point_at (LpChart *self,
                   double   x,
                   double   y)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  Geometry g;
  int i;

  g_return_val_if_fail (LP_IS_CHART (self), -1);

  if (self->series == NULL || g_variant_n_children (self->series) == 0)
    return -1;
  /* The geometry needs text sizes: measured on a scratch surface, as drawn. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  geometry_init (&g, cr, self->series, gtk_widget_get_width (GTK_WIDGET (self)),
                 gtk_widget_get_height (GTK_WIDGET (self)),
                 pango_context_get_font_description (
                   gtk_widget_get_pango_context (GTK_WIDGET (self))));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (x < g.left || x >= g.left + g.width || y < 0 || y > g.top + g.height + MARGIN_BOTTOM)
    return -1;
  i = (int) ((x - g.left) / g.slot);
  return CLAMP (i, 0, (int) g.n - 1);
}

static char *
point_text (LpChart *self,
            int      i)
{
  g_autofree char *value_text = NULL;
  const char *label;
  double value;

  g_variant_get_child (self->series, i, "(&sd)", &label, &value);
  value_text = format_value (value);
  /* Translators: a point of a chart, e.g. "Alat Lab: 4". */
  return g_strdup_printf (_("%s: %s"), label, value_text);
}

static gboolean
lp_chart_query_tooltip (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip)
{
  LpChart *self = LP_CHART (widget);
  g_autofree char *text = NULL;
  int i = lp_chart_point_at (self, x, y);

  if (i < 0)
    return FALSE;
  text = point_text (self, i);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_hover (LpChart *self,
           int      hover)
{
  if (self->hover == hover)
    return;
  self->hover = hover;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           LpChart                  *self)
{
  set_hover (self, lp_chart_point_at (self, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller,
          LpChart                  *self)
{
  set_hover (self, -1);
}

/* What a screen reader says: the title is the label, the data the description. */
static void
update_accessible (LpChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = self->series != NULL ? g_variant_n_children (self->series) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *point = point_text (self, i);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, point);
    }
  if (n == 0)
    g_string_append (text, _("No data in this period"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title != NULL ? self->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
}

static void
lp_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 360 : 220;
}

static void
lp_chart_finalize (GObject *object)
{
  LpChart *self = (LpChart *) object;

  g_clear_pointer (&self->series, g_variant_unref);
  g_free (self->title);

  G_OBJECT_CLASS (lp_chart_parent_class)->finalize (object);
}

static void
lp_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LpChart *self = LP_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SERIES:
      g_value_set_variant (value, self->series);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LpChart *self = LP_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      lp_chart_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_TITLE:
      lp_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_SERIES:
      lp_chart_set_series (self, g_value_get_variant (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_chart_class_init (LpChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lp_chart_finalize;
  object_class->get_property = lp_chart_get_property;
  object_class->set_property = lp_chart_set_property;
  widget_class->snapshot = lp_chart_snapshot;
  widget_class->measure = lp_chart_measure;
  widget_class->query_tooltip = lp_chart_query_tooltip;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, LP_TYPE_CHART_KIND, LP_CHART_BARS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERIES] =
    g_param_spec_variant ("series", NULL, NULL, G_VARIANT_TYPE ("a(sd)"), NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lp_chart_init (LpChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->hover = -1;
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  update_accessible (self);
}

LpChartKind
lp_chart_get_kind (LpChart *self)
{
  g_return_val_if_fail (LP_IS_CHART (self), LP_CHART_BARS);

  return self->kind;
}

void
lp_chart_set_kind (LpChart     *self,
                   LpChartKind  kind)
{
  g_return_if_fail (LP_IS_CHART (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
lp_chart_get_title (LpChart *self)
{
  g_return_val_if_fail (LP_IS_CHART (self), NULL);

  return self->title;
}

void
lp_chart_set_title (LpChart    *self,
                    const char *title)
{
  g_return_if_fail (LP_IS_CHART (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

GVariant *
lp_chart_get_series (LpChart *self)
{
  g_return_val_if_fail (LP_IS_CHART (self), NULL);

  return self->series;
}

void
lp_chart_set_series (LpChart  *self,
                     GVariant *series)
{
  g_return_if_fail (LP_IS_CHART (self));
  g_return_if_fail (series == NULL || g_variant_is_of_type (series, G_VARIANT_TYPE ("a(sd)")));

  if (series != NULL)
    g_variant_ref_sink (series);
  g_clear_pointer (&self->series, g_variant_unref);
  self->series = series;
  self->hover = -1;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIES]);
}
