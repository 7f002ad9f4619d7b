/* reach-render-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-render-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "reach-render-chart.h"

#define ROW_HEIGHT   42.0
#define BAR_HEIGHT   12.0
#define A_Y          13.0
#define B_Y          29.0
#define FLAG_COLUMN  30.0
#define GAP          10.0

static const ReachColor bar_a = { 0.604, 0.600, 0.588 };       /* grey #9a9996 */
static const ReachColor bar_b = { 0.110, 0.443, 0.847 };       /* blue #1c71d8 */
static const ReachColor bar_b_dark = { 0.384, 0.627, 0.918 };  /* blue #62a0ea */
static const ReachColor warn = { 0.753, 0.110, 0.157 };        /* red #c01c28 */
static const ReachColor warn_dark = { 1.000, 0.482, 0.388 };   /* #ff7b63 */

ReachColor
reach_render_chart_color (gboolean b,
                          gboolean dark)
{
  if (!b)
    return bar_a;
  return dark ? bar_b_dark : bar_b;
}

static ReachColor
ink (const ReachChartStyle *style)
{
  return style->dark ? (ReachColor) { 0.98, 0.98, 0.98 } : REACH_STYLE_INK;
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
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

double
reach_chart_layout_x (const ReachChartLayout *layout,
                      double                  share)
{
  return layout->plot_left + share / layout->axis_max * (layout->plot_right - layout->plot_left);
}

static double
axis_max_of (const ReachChartRow *rows,
             guint                n_rows)
{
  double max = 0;

  for (guint i = 0; i < n_rows; i++)
    {
      if (!isnan (rows[i].a)) max = MAX (max, rows[i].a);
      if (!isnan (rows[i].b)) max = MAX (max, rows[i].b);
      if (!isnan (rows[i].b_high)) max = MAX (max, rows[i].b_high);
    }
  return CLAMP (ceil (max * 10 - 1e-9) / 10, 0.1, 1.0);
}

/* The flag's symbol, so the flag never rests on colour alone:
 * not reached ⊘, significantly under ▼▼, under ▼, over ▲, in line =. */
static void
draw_flag_symbol (cairo_t               *cr,
                  ReachGapFlag           flag,
                  double                 cx,
                  double                 cy,
                  const ReachChartStyle *style)
{
  double s = 5 * style->scale;
  ReachColor under = style->dark ? warn_dark : warn;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_width (cr, 1.8 * style->scale);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  switch (flag)
    {
    case REACH_GAP_NOT_REACHED:
      reach_style_set_source (cr, under, 1.0);
      cairo_arc (cr, cx, cy, s * 1.3, 0, 2 * G_PI);
      cairo_move_to (cr, cx - s * 0.9, cy + s * 0.9);
      cairo_line_to (cr, cx + s * 0.9, cy - s * 0.9);
      cairo_stroke (cr);
      break;
    case REACH_GAP_SIGNIFICANTLY_UNDER:
    case REACH_GAP_UNDER:
      reach_style_set_source (cr, under, 1.0);
      for (int k = 0; k < (flag == REACH_GAP_UNDER ? 1 : 2); k++)
        {
          double x = flag == REACH_GAP_UNDER ? cx : cx - s * 1.1 + k * s * 2.2;

          cairo_move_to (cr, x - s, cy - s * 0.8);
          cairo_line_to (cr, x + s, cy - s * 0.8);
          cairo_line_to (cr, x, cy + s * 0.9);
          cairo_close_path (cr);
        }
      if (flag == REACH_GAP_SIGNIFICANTLY_UNDER)
        cairo_fill (cr);
      else
        cairo_stroke (cr);
      break;
    case REACH_GAP_OVER:
      reach_style_set_source (cr, ink (style), 1.0);
      cairo_move_to (cr, cx - s, cy + s * 0.8);
      cairo_line_to (cr, cx + s, cy + s * 0.8);
      cairo_line_to (cr, cx, cy - s * 0.9);
      cairo_close_path (cr);
      cairo_stroke (cr);
      break;
    case REACH_GAP_IN_LINE:
      reach_style_set_source (cr, ink (style), 0.8);
      cairo_move_to (cr, cx - s, cy - s * 0.35);
      cairo_line_to (cr, cx + s, cy - s * 0.35);
      cairo_move_to (cr, cx - s, cy + s * 0.35);
      cairo_line_to (cr, cx + s, cy + s * 0.35);
      cairo_stroke (cr);
      break;
    case REACH_GAP_NO_DATA:
    case REACH_N_GAP_FLAGS:
    default:
      break;
    }
  cairo_restore (cr);
}

typedef enum { KEY_A, KEY_B, KEY_INTERVAL, KEY_FLAG } KeyKind;

typedef struct
{
  KeyKind       kind;
  ReachGapFlag  flag;
  const char   *text;
} KeyItem;

static void
draw_key_swatch (cairo_t               *cr,
                 KeyKind                kind,
                 ReachGapFlag           flag,
                 double                 x,
                 double                 cy,
                 const ReachChartStyle *style)
{
  double sc = style->scale;

  switch (kind)
    {
    case KEY_A:
    case KEY_B:
      reach_style_set_source (cr, reach_render_chart_color (kind == KEY_B, style->dark), 1.0);
      cairo_rectangle (cr, x, cy - 5 * sc, 18 * sc, 10 * sc);
      cairo_fill (cr);
      break;
    case KEY_INTERVAL:
      reach_style_set_source (cr, ink (style), 1.0);
      cairo_set_line_width (cr, 1.5 * sc);
      cairo_move_to (cr, x, cy - 5 * sc);
      cairo_line_to (cr, x, cy + 5 * sc);
      cairo_move_to (cr, x, cy);
      cairo_line_to (cr, x + 18 * sc, cy);
      cairo_move_to (cr, x + 18 * sc, cy - 5 * sc);
      cairo_line_to (cr, x + 18 * sc, cy + 5 * sc);
      cairo_stroke (cr);
      break;
    case KEY_FLAG:
    default:
      draw_flag_symbol (cr, flag, x + 9 * sc, cy, style);
      break;
    }
}

/* The key, flowed into lines across width; returns its height. */
static double
draw_key (cairo_t               *cr,
          const ReachChartStyle *style,
          double                 width,
          gboolean               paint)
{
  KeyItem items[8];
  double sc = style->scale, x = 0, y = 0, line = 20 * sc;
  guint n = 0;

  items[n++] = (KeyItem) { KEY_A, 0, style->a_label };
  items[n++] = (KeyItem) { KEY_B, 0, style->b_label };
  if (style->intervals)
    items[n++] = (KeyItem) { KEY_INTERVAL, 0, _("95% interval") };
  if (style->flags)
    for (ReachGapFlag f = REACH_GAP_NOT_REACHED; f <= REACH_GAP_IN_LINE; f++)
      items[n++] = (KeyItem) { KEY_FLAG, f, reach_gap_flag_label (f) };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, items[i].text, 12 * sc, FALSE);
      int w, h;
      double item_width;

      pango_layout_get_pixel_size (layout, &w, &h);
      item_width = 24 * sc + w;
      if (x > 0 && x + item_width > width)
        {
          x = 0;
          y += line;
        }
      if (paint)
        {
          draw_key_swatch (cr, items[i].kind, items[i].flag, x, y + line / 2, style);
          cairo_move_to (cr, x + 24 * sc, y + line / 2 - h / 2.0);
          reach_style_set_source (cr, ink (style), 1.0);
          pango_cairo_show_layout (cr, layout);
        }
      x += item_width + 16 * sc;
    }
  return y + line;
}

static double
label_column_width (cairo_t             *cr,
                    const ReachChartRow *rows,
                    guint                n_rows,
                    double               width,
                    double               scale)
{
  double widest = 0;

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, rows[i].label, 12 * scale, FALSE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      widest = MAX (widest, w);
    }
  return MIN (ceil (widest) + 2, floor (width * 0.36));
}

static void
draw_axis (cairo_t                *cr,
           const ReachChartLayout *lay,
           double                  bottom,
           const ReachChartStyle  *style)
{
  double step = lay->axis_max <= 0.2 + 1e-9 ? 0.05 : lay->axis_max <= 0.6 + 1e-9 ? 0.1 : 0.2;

  for (double t = 0; t <= lay->axis_max + 1e-9; t += step)
    {
      g_autofree char *text = g_strdup_printf ("%.0f%%", t * 100);
      g_autoptr(PangoLayout) layout = make_layout (cr, text, 11 * style->scale, FALSE);
      double x = round (reach_chart_layout_x (lay, t)) + 0.5;
      int w, h;

      reach_style_set_source (cr, ink (style), t == 0 ? 0.6 : 0.15);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, x, lay->rows_top - 2 * style->scale);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_move_to (cr, x - w / 2.0, lay->rows_top - 4 * style->scale - h);
      reach_style_set_source (cr, ink (style), 0.75);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
draw_value (cairo_t               *cr,
            double                 x,
            double                 cy,
            double                 share,
            const ReachChartStyle *style)
{
  g_autofree char *text = g_strdup_printf ("%.1f%%", share * 100);
  g_autoptr(PangoLayout) layout = make_layout (cr, text, 10.5 * style->scale, FALSE);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x + 4 * style->scale, cy - h / 2.0);
  reach_style_set_source (cr, ink (style), 0.85);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_row (cairo_t                *cr,
          const ReachChartRow    *row,
          double                  top,
          double                  label_width,
          const ReachChartLayout *lay,
          double                  width,
          const ReachChartStyle  *style)
{
  g_autoptr(PangoLayout) label = make_layout (cr, row->label, 12 * style->scale, FALSE);
  double sc = style->scale, x0 = lay->plot_left, half = lay->bar_height / 2;
  int w, h;

  /* the label, up to two lines, ending in … when longer */
  pango_layout_set_width (label, label_width * PANGO_SCALE);
  pango_layout_set_height (label, -2);
  pango_layout_set_wrap (label, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (label, &w, &h);
  cairo_move_to (cr, 0, top + lay->row_height / 2 - h / 2.0);
  reach_style_set_source (cr, ink (style), 1.0);
  pango_cairo_show_layout (cr, label);

  if (!isnan (row->a))
    {
      double x = reach_chart_layout_x (lay, row->a);

      reach_style_set_source (cr, reach_render_chart_color (FALSE, style->dark), 1.0);
      cairo_rectangle (cr, x0, top + lay->a_y - half, x - x0, lay->bar_height);
      cairo_fill (cr);
      draw_value (cr, x, top + lay->a_y, row->a, style);
    }

  if (!isnan (row->b))
    {
      double x = reach_chart_layout_x (lay, row->b);
      double cy = top + lay->b_y, text_x = x;

      reach_style_set_source (cr, reach_render_chart_color (TRUE, style->dark), 1.0);
      cairo_rectangle (cr, x0, cy - half, x - x0, lay->bar_height);
      cairo_fill (cr);

      if (!isnan (row->b_low) && !isnan (row->b_high))
        {
          double lo = reach_chart_layout_x (lay, row->b_low);
          double hi = reach_chart_layout_x (lay, row->b_high);

          reach_style_set_source (cr, ink (style), 1.0);
          cairo_set_line_width (cr, 1.5 * sc);
          cairo_move_to (cr, lo, cy);
          cairo_line_to (cr, hi, cy);
          cairo_move_to (cr, lo, cy - half - 2 * sc);
          cairo_line_to (cr, lo, cy + half + 2 * sc);
          cairo_move_to (cr, hi, cy - half - 2 * sc);
          cairo_line_to (cr, hi, cy + half + 2 * sc);
          cairo_stroke (cr);
          text_x = MAX (x, hi);
        }
      draw_value (cr, text_x, cy, row->b, style);
    }

  draw_flag_symbol (cr, row->flag, width - FLAG_COLUMN * sc / 2,
                    top + lay->row_height / 2, style);
}

static double
draw_message (cairo_t               *cr,
              const ReachChartStyle *style,
              double                 top,
              double                 width,
              gboolean               paint)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, style->message, 14 * style->scale, FALSE);
  int w, h;

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (paint)
    {
      cairo_move_to (cr, 0, top + 12 * style->scale);
      reach_style_set_source (cr, ink (style), 0.8);
      pango_cairo_show_layout (cr, layout);
    }
  return top + h + 24 * style->scale;
}

void
reach_render_chart (cairo_t               *cr,
                    const ReachChartRow   *rows,
                    guint                  n_rows,
                    const ReachChartStyle *style,
                    double                 width,
                    ReachChartLayout      *layout,
                    double                *height)
{
  cairo_surface_t *scratch = NULL;
  ReachChartLayout lay = { 0 };
  gboolean paint = cr != NULL;
  double sc, label_width, top, bottom;

  g_return_if_fail (style != NULL);
  g_return_if_fail (rows != NULL || n_rows == 0);

  sc = style->scale > 0 ? style->scale : 1;
  if (cr == NULL)
    {
      scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cr = cairo_create (scratch);
    }
  cairo_save (cr);

  /* with nothing to compare there are no bars for a key to explain */
  if (style->message != NULL)
    {
      bottom = draw_message (cr, style, 0, width, paint);
      goto out;
    }
  top = draw_key (cr, style, width, paint) + GAP * sc;

  label_width = label_column_width (cr, rows, n_rows, width, sc);
  lay.axis_max = axis_max_of (rows, n_rows);
  lay.plot_left = label_width + GAP * sc;
  /* room for the last value's text past the axis and the flag column */
  lay.plot_right = MAX (lay.plot_left + 40 * sc, width - FLAG_COLUMN * sc - 44 * sc);
  lay.rows_top = top + 18 * sc;
  lay.row_height = ROW_HEIGHT * sc;
  lay.bar_height = BAR_HEIGHT * sc;
  lay.a_y = A_Y * sc;
  lay.b_y = B_Y * sc;
  bottom = lay.rows_top + n_rows * lay.row_height;

  if (paint)
    {
      draw_axis (cr, &lay, bottom, style);
      for (guint i = 0; i < n_rows; i++)
        draw_row (cr, &rows[i], lay.rows_top + i * lay.row_height, label_width, &lay, width, style);
    }

out:
  cairo_restore (cr);
  if (scratch != NULL)
    {
      cairo_destroy (cr);
      cairo_surface_destroy (scratch);
    }
  if (layout != NULL)
    *layout = lay;
  if (height != NULL)
    *height = ceil (bottom + 4 * sc);
}
