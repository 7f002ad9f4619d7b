/* reach-render-chart.h — paired horizontal bars with intervals, in cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One chart for the gaps (population share against reached share, the
 * reached share with its Wilson 95% interval and its flag as a symbol) and
 * for the ladder (share of activities against share of participation).
 * Plain arrays in, so the Gaps page, print and export draw the same.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "reach-gaps.h"
#include "reach-style.h"

G_BEGIN_DECLS

typedef struct
{
  const char   *label;
  double        a;        /* first bar, a share 0–1; NAN: none */
  double        b;        /* second bar; NAN: none */
  double        b_low;    /* interval on b; NAN: none */
  double        b_high;
  ReachGapFlag  flag;     /* REACH_GAP_NO_DATA: no symbol */
} ReachChartRow;

typedef struct
{
  const char *a_label;    /* "Population share" */
  const char *b_label;    /* "Reached share" */
  gboolean    intervals;  /* explain the whiskers in the key */
  gboolean    flags;      /* explain the flag symbols in the key */
  const char *message;    /* drawn instead of the bars when set */
  gboolean    dark;       /* light ink on a dark background */
  double      scale;      /* 1 on screen */
} ReachChartStyle;

/* Where things went, for hit tests and for tests. */
typedef struct
{
  double plot_left;       /* x of share 0 */
  double plot_right;      /* x of axis_max */
  double axis_max;        /* a share: 0.1, 0.2, … 1 */
  double rows_top;        /* y of the first row */
  double row_height;
  double a_y;             /* centre of bar a, from a row's top */
  double b_y;             /* centre of bar b, from a row's top */
  double bar_height;
} ReachChartLayout;

/* Draws at (0, 0) across width; height gets the height used.  With cr NULL
 * only measures.  layout may be NULL. */
void    reach_render_chart          (cairo_t               *cr,
                                     const ReachChartRow   *rows,
                                     guint                  n_rows,
                                     const ReachChartStyle *style,
                                     double                 width,
                                     ReachChartLayout      *layout,
                                     double                *height);

/* The x of a share in a layout. */
double  reach_chart_layout_x        (const ReachChartLayout *layout,
                                     double                  share);

/* Bar colours, for tests: a is grey, b blue (dark: lighter blue). */
ReachColor reach_render_chart_color (gboolean b,
                                     gboolean dark);

G_END_DECLS
