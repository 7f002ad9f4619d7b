/* test-chart.c — the gaps and ladder chart, and the choropleth's breaks and key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "reach-choropleth.h"
#include "reach-render-chart.h"
#include "reach-testutil.h"

typedef struct { int r, g, b; } Rgb;

static cairo_surface_t *
white_surface (int width,
               int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  return surface;
}

static Rgb
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  guint32 p;

  cairo_surface_flush (surface);
  p = *(guint32 *) (cairo_image_surface_get_data (surface) +
                    (int) y * cairo_image_surface_get_stride (surface) + (int) x * 4);
  return (Rgb) { (p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff };
}

static gboolean
near_color (Rgb        p,
            ReachColor c,
            int        tolerance)
{
  return ABS (p.r - (int) round (c.red * 255)) <= tolerance &&
         ABS (p.g - (int) round (c.green * 255)) <= tolerance &&
         ABS (p.b - (int) round (c.blue * 255)) <= tolerance;
}

static gboolean
is_white (Rgb p)
{
  return p.r == 255 && p.g == 255 && p.b == 255;
}

static gboolean
is_dark (Rgb p)
{
  return p.r < 110 && p.g < 110 && p.b < 110;
}

static void
save_png (cairo_surface_t *surface,
          const char      *name)
{
  static char *dir = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    dir = reach_test_tmpdir ();
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("saved %s", path);
}

static const ReachChartStyle gap_style = {
  "Population share", "Reached share", TRUE, TRUE, NULL, FALSE, 1.0,
};

/* Bars end where their shares say, whiskers stand at the interval's ends,
 * and the flag is a symbol beside the row. */
static void
test_chart_bars (void)
{
  /* k = 8 of n = 20 against p = 0.5; k = 12 of 20 against 0.3 */
  ReachChartRow rows[2] = {
    { "White", 0.5, 0.4, 0, 0, REACH_GAP_IN_LINE },
    { "Asian", 0.3, 0.6, 0, 0, REACH_GAP_OVER },
  };
  ReachChartLayout lay;
  cairo_surface_t *surface;
  cairo_t *cr;
  double height, measured, top, x;

  reach_wilson_interval (8, 20, &rows[0].b_low, &rows[0].b_high);
  reach_wilson_interval (12, 20, &rows[1].b_low, &rows[1].b_high);

  reach_render_chart (NULL, rows, 2, &gap_style, 640, &lay, &measured);
  surface = white_surface (640, (int) measured);
  cr = cairo_create (surface);
  reach_render_chart (cr, rows, 2, &gap_style, 640, &lay, &height);
  cairo_destroy (cr);
  save_png (surface, "chart-bars.png");

  g_assert_cmpfloat (height, ==, measured);
  /* the largest value is the interval's top, 0.7852: the axis runs to 80% */
  g_assert_cmpfloat_with_epsilon (lay.axis_max, 0.8, 1e-9);
  g_assert_cmpfloat (lay.plot_left, >, 30);
  g_assert_cmpfloat (lay.plot_right, <, 640 - 30);

  for (guint i = 0; i < 2; i++)
    {
      top = lay.rows_top + i * lay.row_height;

      /* population bar: grey to its share, nothing past it */
      x = reach_chart_layout_x (&lay, rows[i].a);
      g_assert_true (near_color (pixel (surface, x - 3, top + lay.a_y - 3),
                                 reach_render_chart_color (FALSE, FALSE), 2));
      g_assert_true (near_color (pixel (surface, lay.plot_left + 3, top + lay.a_y - 3),
                                 reach_render_chart_color (FALSE, FALSE), 2));
      g_assert_false (near_color (pixel (surface, x + 3, top + lay.a_y - 3),
                                  reach_render_chart_color (FALSE, FALSE), 40));

      /* reached bar: blue to its share */
      x = reach_chart_layout_x (&lay, rows[i].b);
      g_assert_true (near_color (pixel (surface, x - 4, top + lay.b_y - 4),
                                 reach_render_chart_color (TRUE, FALSE), 2));
      g_assert_false (near_color (pixel (surface, x + 4, top + lay.b_y - 4),
                                  reach_render_chart_color (TRUE, FALSE), 60));
    }

  /* the whisker of the first row: dark at both ends and between them, at
   * the interval [0.2188, 0.6134] */
  top = lay.rows_top;
  x = reach_chart_layout_x (&lay, rows[0].b_high);
  g_assert_cmpfloat_with_epsilon (rows[0].b_high, 0.6134, 1e-4);
  g_assert_true (is_dark (pixel (surface, x, top + lay.b_y - lay.bar_height / 2 - 1)));
  g_assert_true (is_dark (pixel (surface, (reach_chart_layout_x (&lay, rows[0].b) + x) / 2,
                                 top + lay.b_y)));
  /* past the whisker's end only white (the value's text starts further on) */
  g_assert_true (is_white (pixel (surface, x + 3, top + lay.b_y - lay.bar_height / 2 - 1)));
  x = reach_chart_layout_x (&lay, rows[0].b_low);
  g_assert_true (is_dark (pixel (surface, x, top + lay.b_y + lay.bar_height / 2 + 1)));

  cairo_surface_destroy (surface);
}

/* Flags are symbols: the under-represented row has ink in the flag column,
 * a row without a flag has none. */
static void
test_chart_flags (void)
{
  ReachChartRow rows[2] = {
    { "Black", 0.2, 0.02, 0.005, 0.07, REACH_GAP_SIGNIFICANTLY_UNDER },
    { "Other", 0.1, NAN, NAN, NAN, REACH_GAP_NO_DATA },
  };
  ReachChartLayout lay;
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;
  guint inked[2] = { 0, 0 };

  reach_render_chart (NULL, rows, 2, &gap_style, 500, &lay, &height);
  surface = white_surface (500, (int) height);
  cr = cairo_create (surface);
  reach_render_chart (cr, rows, 2, &gap_style, 500, &lay, NULL);
  cairo_destroy (cr);
  save_png (surface, "chart-flags.png");

  for (guint i = 0; i < 2; i++)
    for (double x = 500 - 30; x < 500; x++)
      for (double y = 0; y < lay.row_height; y++)
        if (!is_white (pixel (surface, x, lay.rows_top + i * lay.row_height + y)))
          inked[i]++;
  g_assert_cmpuint (inked[0], >, 30);
  g_assert_cmpuint (inked[1], ==, 0);
  /* the axis stops at 20% (largest value 0.2) */
  g_assert_cmpfloat_with_epsilon (lay.axis_max, 0.2, 1e-9);
  cairo_surface_destroy (surface);
}

/* n = 0: the message instead of bars; it takes room and draws text. */
static void
test_chart_message (void)
{
  ReachChartStyle style = gap_style;
  ReachChartRow rows[1] = { { "White", 0.8, NAN, NAN, NAN, REACH_GAP_NO_DATA } };
  ReachChartLayout lay;
  cairo_surface_t *surface;
  cairo_t *cr;
  double height, plain;
  guint inked = 0;

  style.message = "No one with a stated answer was reached in this period — nothing to compare";
  reach_render_chart (NULL, rows, 1, &style, 400, &lay, &height);
  g_assert_cmpfloat (lay.row_height, ==, 0);   /* no rows laid out */

  style.message = NULL;
  reach_render_chart (NULL, rows, 1, &style, 400, NULL, &plain);
  g_assert_cmpfloat (plain, >, 0);
  style.message = "No one with a stated answer was reached in this period — nothing to compare";

  surface = white_surface (400, (int) height);
  cr = cairo_create (surface);
  reach_render_chart (cr, rows, 1, &style, 400, NULL, NULL);
  cairo_destroy (cr);
  save_png (surface, "chart-message.png");

  /* text, and no key and no grey population bar anywhere */
  g_assert_cmpfloat (height, <, plain);
  for (int y = 0; y < (int) height; y++)
    for (int x = 0; x < 400; x++)
      {
        Rgb p = pixel (surface, x, y);

        if (is_dark (p))
          inked++;
        g_assert_false (near_color (p, reach_render_chart_color (FALSE, FALSE), 1) &&
                        near_color (pixel (surface, x + 1, y), reach_render_chart_color (FALSE, FALSE), 1) &&
                        near_color (pixel (surface, x, y + 1), reach_render_chart_color (FALSE, FALSE), 1));
      }
  g_assert_cmpuint (inked, >, 200);
  cairo_surface_destroy (surface);
}

/* Dark style: the bars still where they were, the lighter blue. */
static void
test_chart_dark (void)
{
  ReachChartStyle style = gap_style;
  ReachChartRow row = { "A", 0.25, 0.5, NAN, NAN, REACH_GAP_OVER };
  ReachChartLayout lay;
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;

  style.dark = TRUE;
  reach_render_chart (NULL, &row, 1, &style, 300, &lay, &height);
  surface = white_surface (300, (int) height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
  cairo_paint (cr);
  reach_render_chart (cr, &row, 1, &style, 300, &lay, NULL);
  cairo_destroy (cr);
  save_png (surface, "chart-dark.png");

  g_assert_true (near_color (pixel (surface, reach_chart_layout_x (&lay, 0.5) - 3,
                                    lay.rows_top + lay.b_y),
                             reach_render_chart_color (TRUE, TRUE), 2));
  cairo_surface_destroy (surface);
}

static void
test_choropleth_breaks (void)
{
  const double values[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, NAN };
  const double fixed[] = { 0, 0.5, 0.8, 1.25, 2, 100 };
  g_autoptr(ReachChoropleth) q = NULL;
  g_autoptr(ReachChoropleth) f = NULL;
  g_autoptr(ReachChoropleth) same = NULL;
  g_autofree char *label = NULL;

  q = reach_choropleth_new_quantiles (values, G_N_ELEMENTS (values), 5, 0, "Per 1,000");
  g_assert_nonnull (q);
  g_assert_cmpuint (q->n_classes, ==, 5);
  g_assert_cmpfloat (q->breaks[0], ==, 0);
  g_assert_cmpfloat (q->breaks[5], ==, 10);
  g_assert_cmpint (reach_choropleth_class_of (q, 0), ==, 0);
  g_assert_cmpint (reach_choropleth_class_of (q, 10), ==, 4);
  g_assert_cmpint (reach_choropleth_class_of (q, NAN), ==, -1);
  for (guint i = 0; i < q->n_classes; i++)
    g_assert_cmpfloat (q->breaks[i], <, q->breaks[i + 1]);
  label = reach_choropleth_class_label (q, 0);
  g_assert_cmpstr (label, ==, "0 – 2");

  /* all the same value: one class, not five empty ones */
  same = reach_choropleth_new_quantiles ((double[]) { 3, 3, 3 }, 3, 5, 1, "x");
  g_assert_cmpuint (same->n_classes, ==, 1);
  g_assert_null (reach_choropleth_new_quantiles ((double[]) { NAN }, 1, 5, 1, "x"));

  f = reach_choropleth_new_breaks (fixed, 5, 2, "Representation");
  g_assert_cmpint (reach_choropleth_class_of (f, 0.79), ==, 1);
  g_assert_cmpint (reach_choropleth_class_of (f, 0.8), ==, 2);
  g_assert_cmpint (reach_choropleth_class_of (f, 500), ==, 4);

  /* the ramp goes light to dark */
  for (guint i = 0; i + 1 < 5; i++)
    {
      ReachColor a = reach_choropleth_ramp (i, 5), b = reach_choropleth_ramp (i + 1, 5);

      g_assert_cmpfloat (a.red + a.green + a.blue, >, b.red + b.green + b.blue);
    }
}

/* Not reached is hatched: two colours inside one area; a class is flat. */
static void
test_choropleth_fill (void)
{
  const double breaks[] = { 0, 5, 10 };
  g_autoptr(ReachChoropleth) c = reach_choropleth_new_breaks (breaks, 2, 0, "t");
  cairo_surface_t *surface = white_surface (200, 100);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  double width, height;

  cairo_rectangle (cr, 0, 0, 100, 100);
  reach_choropleth_fill (cr, c, 7, FALSE, 1.0, 1.0);
  cairo_new_path (cr);
  cairo_rectangle (cr, 100, 0, 100, 100);
  reach_choropleth_fill (cr, c, 0, TRUE, 1.0, 1.0);
  cairo_new_path (cr);
  cairo_destroy (cr);
  save_png (surface, "choropleth-fill.png");

  g_assert_true (near_color (pixel (surface, 50, 50), reach_choropleth_ramp (1, 2), 1));
  g_assert_true (near_color (pixel (surface, 10, 90), reach_choropleth_ramp (1, 2), 1));
  for (int x = 100; x < 200; x++)
    for (int y = 0; y < 100; y += 7)
      {
        Rgb p = pixel (surface, x, y);

        g_hash_table_add (colours, GINT_TO_POINTER ((p.r << 16) | (p.g << 8) | p.b));
      }
  g_assert_cmpuint (g_hash_table_size (colours), >=, 2);

  /* the key: measured and drawn the same size, title and five rows at least */
  reach_choropleth_draw_legend (NULL, c, 0, 0, 1, REACH_STYLE_INK, &width, &height);
  g_assert_cmpfloat (width, >, 60);
  g_assert_cmpfloat (height, >, 4 * 14);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/bars", test_chart_bars);
  g_test_add_func ("/chart/flags", test_chart_flags);
  g_test_add_func ("/chart/message", test_chart_message);
  g_test_add_func ("/chart/dark", test_chart_dark);
  g_test_add_func ("/choropleth/breaks", test_choropleth_breaks);
  g_test_add_func ("/choropleth/fill", test_choropleth_fill);

  return g_test_run ();
}
