/* reach-choropleth.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-choropleth"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>

#include "reach-choropleth.h"

/* ColorBrewer Blues, 7 classes (Cynthia Brewer, Apache-2.0 licensed scheme). */
static const ReachColor blues[] = {
  { 0.937, 0.953, 1.000 },
  { 0.776, 0.859, 0.937 },
  { 0.620, 0.792, 0.882 },
  { 0.420, 0.682, 0.839 },
  { 0.259, 0.573, 0.776 },
  { 0.129, 0.443, 0.710 },
  { 0.031, 0.271, 0.580 },
};

#define HATCH_INK  ((ReachColor) { 0.851, 0.373, 0.008 })   /* #d95f02 */
#define HATCH_BACK ((ReachColor) { 1.000, 0.961, 0.922 })
#define NO_DATA    ((ReachColor) { 0.780, 0.780, 0.780 })

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
round_to (double value,
          guint  digits)
{
  double f = pow (10, digits);

  return round (value * f) / f;
}

static ReachChoropleth *
choropleth_new (const char *title,
                guint       digits)
{
  ReachChoropleth *self = g_new0 (ReachChoropleth, 1);

  self->title = g_strdup (title);
  self->digits = digits;
  self->show_not_reached = TRUE;
  return self;
}

ReachChoropleth *
reach_choropleth_new_quantiles (const double *values,
                                guint         n_values,
                                guint         n_classes,
                                guint         digits,
                                const char   *title)
{
  g_autofree double *sorted = g_new (double, MAX (n_values, 1));
  ReachChoropleth *self;
  guint n = 0;

  g_return_val_if_fail (n_classes >= 1 && n_classes <= REACH_CHOROPLETH_MAX_CLASSES, NULL);

  for (guint i = 0; i < n_values; i++)
    if (!isnan (values[i]))
      sorted[n++] = values[i];
  if (n == 0)
    return NULL;
  qsort (sorted, n, sizeof (double), compare_doubles);

  self = choropleth_new (title, digits);
  self->breaks[0] = floor (sorted[0] * pow (10, digits)) / pow (10, digits);
  for (guint c = 1; c <= n_classes; c++)
    {
      double q = c == n_classes ? sorted[n - 1]
                                : sorted[(guint) floor ((double) c * (n - 1) / n_classes)];
      double edge = c == n_classes ? ceil (q * pow (10, digits)) / pow (10, digits)
                                   : round_to (q, digits);

      /* ties collapse: fewer, honest classes rather than empty ones */
      if (edge > self->breaks[self->n_classes])
        self->breaks[++self->n_classes] = edge;
    }
  if (self->n_classes == 0)
    {
      /* one value only */
      self->breaks[1] = self->breaks[0] + pow (10, -(double) digits);
      self->n_classes = 1;
    }
  return self;
}

ReachChoropleth *
reach_choropleth_new_breaks (const double *breaks,
                             guint         n_classes,
                             guint         digits,
                             const char   *title)
{
  ReachChoropleth *self;

  g_return_val_if_fail (breaks != NULL || n_classes == 0, NULL);
  g_return_val_if_fail (n_classes <= REACH_CHOROPLETH_MAX_CLASSES, NULL);

  self = choropleth_new (title, digits);
  self->n_classes = n_classes;
  for (guint i = 0; n_classes > 0 && i <= n_classes; i++)
    self->breaks[i] = breaks[i];
  return self;
}

ReachChoropleth *
reach_choropleth_copy (const ReachChoropleth *self)
{
  ReachChoropleth *copy;

  if (self == NULL)
    return NULL;
  copy = g_memdup2 (self, sizeof *self);
  copy->title = g_strdup (self->title);
  return copy;
}

void
reach_choropleth_free (ReachChoropleth *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self);
}

int
reach_choropleth_class_of (const ReachChoropleth *self,
                           double                 value)
{
  g_return_val_if_fail (self != NULL, -1);

  if (isnan (value) || self->n_classes == 0)
    return -1;
  for (guint i = 1; i < self->n_classes; i++)
    if (value < self->breaks[i])
      return i - 1;
  return self->n_classes - 1;
}

ReachColor
reach_choropleth_ramp (guint i,
                       guint n)
{
  guint last = G_N_ELEMENTS (blues) - 1;

  if (n <= 1)
    return blues[3];
  /* spread the classes over the whole ramp, skipping the palest white-ish
   * step when there are few, so the first class still reads as a fill */
  if (n <= 4)
    return blues[1 + (guint) round ((double) MIN (i, n - 1) * (last - 1) / (n - 1))];
  return blues[(guint) round ((double) MIN (i, n - 1) * last / (n - 1))];
}

ReachColor
reach_choropleth_value_color (const ReachChoropleth *self,
                              double                 value)
{
  int c = reach_choropleth_class_of (self, value);

  return c < 0 ? NO_DATA : reach_choropleth_ramp (c, self->n_classes);
}

static void
fill_hatch (cairo_t *cr,
            double   alpha,
            double   scale)
{
  double x1, y1, x2, y2, step = 7 * scale;

  cairo_save (cr);
  /* a light wash and lines: over a map, what lies beneath still shows */
  reach_style_set_source (cr, HATCH_BACK, alpha * 0.5);
  cairo_fill_preserve (cr);
  cairo_clip_preserve (cr);
  cairo_fill_extents (cr, &x1, &y1, &x2, &y2);
  cairo_new_path (cr);
  /* diagonals aligned to the device grid, so neighbours' hatches meet */
  for (double d = floor ((x1 + y1) / step) * step; d <= x2 + y2; d += step)
    {
      cairo_move_to (cr, d - y1, y1);
      cairo_line_to (cr, d - y2, y2);
    }
  reach_style_set_source (cr, HATCH_INK, MIN (1.0, alpha * 0.9));
  cairo_set_line_width (cr, 1.4 * scale);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
reach_choropleth_fill (cairo_t               *cr,
                       const ReachChoropleth *self,
                       double                 value,
                       gboolean               not_reached,
                       double                 alpha,
                       double                 scale)
{
  g_return_if_fail (cr != NULL);

  if (not_reached)
    {
      cairo_path_t *path = cairo_copy_path (cr);

      fill_hatch (cr, alpha, scale);
      cairo_new_path (cr);
      cairo_append_path (cr, path);
      cairo_path_destroy (path);
      return;
    }

  cairo_save (cr);
  reach_style_set_source (cr, self != NULL ? reach_choropleth_value_color (self, value) : NO_DATA,
                          alpha);
  cairo_fill_preserve (cr);
  cairo_restore (cr);
}

static char *
format_number (double value,
               guint  digits)
{
  return g_strdup_printf ("%.*f", (int) digits, value);
}

char *
reach_choropleth_class_label (const ReachChoropleth *self,
                              guint                  i)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  g_return_val_if_fail (self != NULL && i < self->n_classes, NULL);

  low = format_number (self->breaks[i], self->digits);
  high = format_number (self->breaks[i + 1], self->digits);
  /* Translators: a range of values in a map key, "12.5 – 20" */
  return g_strdup_printf (_("%s – %s"), low, high);
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* A swatch and its words; returns the row's width. */
static double
key_row (cairo_t               *cr,
         const ReachChoropleth *self,
         double                 x,
         double                 y,
         double                 scale,
         ReachColor             ink,
         const char            *text,
         int                    kind,    /* class index, -1 not reached, -2 no data */
         double                *row_height)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, 12 * scale, FALSE);
  double sw = 22 * scale, sh = 14 * scale;
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  *row_height = MAX (sh, h) + 4 * scale;

  cairo_save (cr);
  cairo_rectangle (cr, x + 0.5, y + 0.5, sw, sh);
  if (kind >= 0)
    {
      reach_style_set_source (cr, reach_choropleth_ramp (kind, self->n_classes), 1.0);
      cairo_fill_preserve (cr);
    }
  else
    reach_choropleth_fill (cr, NULL, NAN, kind == -1, 1.0, scale);
  reach_style_set_source (cr, ink, 0.6);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  cairo_move_to (cr, x + sw + 8 * scale, y + sh / 2 - h / 2.0);
  reach_style_set_source (cr, ink, 1.0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);

  return sw + 8 * scale + w;
}

void
reach_choropleth_draw_legend (cairo_t               *cr,
                              const ReachChoropleth *self,
                              double                 x,
                              double                 y,
                              double                 scale,
                              ReachColor             ink,
                              double                *width,
                              double                *height)
{
  cairo_surface_t *scratch = NULL;
  g_autoptr(PangoLayout) title = NULL;
  double cy = y, max_width = 0, rh;
  int tw, th;

  g_return_if_fail (self != NULL);

  if (cr == NULL)
    {
      scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cr = cairo_create (scratch);
    }

  cairo_save (cr);
  title = make_layout (cr, self->title != NULL ? self->title : "", 12 * scale, TRUE);
  pango_layout_set_width (title, 240 * scale * PANGO_SCALE);
  pango_layout_set_wrap (title, PANGO_WRAP_WORD);
  pango_layout_get_pixel_size (title, &tw, &th);
  cairo_move_to (cr, x, cy);
  reach_style_set_source (cr, ink, 1.0);
  pango_cairo_show_layout (cr, title);
  max_width = tw;
  cy += th + 6 * scale;

  for (guint i = 0; i < self->n_classes; i++)
    {
      g_autofree char *label = reach_choropleth_class_label (self, i);

      max_width = MAX (max_width, key_row (cr, self, x, cy, scale, ink, label, i, &rh));
      cy += rh;
    }
  if (self->show_not_reached)
    {
      max_width = MAX (max_width, key_row (cr, self, x, cy, scale, ink, _("Not reached"), -1, &rh));
      cy += rh;
    }
  max_width = MAX (max_width, key_row (cr, self, x, cy, scale, ink, _("No data"), -2, &rh));
  cy += rh;
  cairo_restore (cr);

  if (scratch != NULL)
    {
      cairo_destroy (cr);
      cairo_surface_destroy (scratch);
    }
  if (width != NULL)
    *width = max_width;
  if (height != NULL)
    *height = cy - y;
}
