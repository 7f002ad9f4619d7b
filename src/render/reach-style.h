/* reach-style.h — the colours and symbols every map and export shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "reach-area.h"
#include "reach-place.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
} ReachColor;

/* Distinguishable without colour vision (Okabe–Ito), so shape and colour
 * each carry the category on their own. */
ReachColor  reach_style_category_color  (ReachPlaceCategory category);

/* Boundary colour per area level: dark enough to read on a light base map. */
ReachColor  reach_style_area_color      (ReachAreaLevel     level);

/* Shared inks: outlines, halos, the selection and clusters. */
#define REACH_STYLE_INK        ((ReachColor) { 0.133, 0.133, 0.157 })
#define REACH_STYLE_PAPER      ((ReachColor) { 1.000, 1.000, 1.000 })
#define REACH_STYLE_SELECTION  ((ReachColor) { 0.208, 0.518, 0.894 })
#define REACH_STYLE_CLUSTER    ((ReachColor) { 0.184, 0.235, 0.306 })

/* cairo_set_source_rgba from a ReachColor. */
void        reach_style_set_source      (cairo_t           *cr,
                                         ReachColor         color,
                                         double             alpha);

G_END_DECLS
