/* reach-choropleth.h — class breaks, a colour ramp and the key of a choropleth
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ramp is ColorBrewer Blues: sequential, readable without colour vision
 * and in greyscale.  Areas never reached are not a class but a pattern:
 * orange diagonal hatching, so they stand out from the palest class by
 * shape as well as colour.  Areas without a value (no residents known) are
 * a flat grey.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "reach-style.h"

G_BEGIN_DECLS

#define REACH_CHOROPLETH_MAX_CLASSES 7

typedef struct
{
  guint   n_classes;
  /* class i holds breaks[i] <= v < breaks[i + 1]; the last includes its top */
  double  breaks[REACH_CHOROPLETH_MAX_CLASSES + 1];
  char   *title;        /* "People reached per 1,000 residents" */
  guint   digits;       /* decimals in the key */
  gboolean show_not_reached;
} ReachChoropleth;

/* Breaks at quantiles of the values (NAN left out), rounded to digits
 * decimals and made strictly increasing, so classes may be fewer than asked.
 * NULL when no value is defined. */
ReachChoropleth *reach_choropleth_new_quantiles (const double *values,
                                                 guint         n_values,
                                                 guint         n_classes,
                                                 guint         digits,
                                                 const char   *title);
/* Fixed breaks, n_classes + 1 of them, increasing.  No classes (breaks
 * NULL) is a key of "Not reached" and "No data" alone: nobody anywhere. */
ReachChoropleth *reach_choropleth_new_breaks    (const double *breaks,
                                                 guint         n_classes,
                                                 guint         digits,
                                                 const char   *title);
ReachChoropleth *reach_choropleth_copy          (const ReachChoropleth *self);
void             reach_choropleth_free          (ReachChoropleth *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReachChoropleth, reach_choropleth_free)

/* The class of a value, clamped to the first and last; -1 for NAN or
 * when there are no classes. */
int              reach_choropleth_class_of      (const ReachChoropleth *self,
                                                 double                 value);
/* The fill of class i of n: light to dark. */
ReachColor       reach_choropleth_ramp          (guint                  i,
                                                 guint                  n);
ReachColor       reach_choropleth_value_color   (const ReachChoropleth *self,
                                                 double                 value);

/* Fills the current path (kept) for a value: its class colour, the hatch
 * when not_reached, grey when the value is NAN. */
void             reach_choropleth_fill          (cairo_t               *cr,
                                                 const ReachChoropleth *self,
                                                 double                 value,
                                                 gboolean               not_reached,
                                                 double                 alpha,
                                                 double                 scale);

/* The key: the title, one swatch per class with its range, then "Not
 * reached" (hatched) and "No data".  Draws at (x, y) going down in ink;
 * with cr NULL only measures. */
void             reach_choropleth_draw_legend   (cairo_t               *cr,
                                                 const ReachChoropleth *self,
                                                 double                 x,
                                                 double                 y,
                                                 double                 scale,
                                                 ReachColor             ink,
                                                 double                *width,
                                                 double                *height);

/* "12.5 – 20" for class i, for the key and for tests. */
char            *reach_choropleth_class_label   (const ReachChoropleth *self,
                                                 guint                  i);

G_END_DECLS
