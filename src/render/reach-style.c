/* reach-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "reach-style.h"

static const ReachColor category_colors[REACH_N_PLACE_CATEGORIES] = {
  [REACH_PLACE_CATEGORY_ASSOCIATION]    = { 0.902, 0.624, 0.000 },  /* orange */
  [REACH_PLACE_CATEGORY_INSTITUTION]    = { 0.000, 0.447, 0.698 },  /* blue */
  [REACH_PLACE_CATEGORY_FAITH]          = { 0.800, 0.475, 0.655 },  /* reddish purple */
  [REACH_PLACE_CATEGORY_PHYSICAL_SPACE] = { 0.000, 0.620, 0.451 },  /* bluish green */
  [REACH_PLACE_CATEGORY_BUSINESS]       = { 0.337, 0.706, 0.914 },  /* sky blue */
  [REACH_PLACE_CATEGORY_CULTURE]        = { 0.835, 0.369, 0.000 },  /* vermilion */
};

ReachColor
reach_style_category_color (ReachPlaceCategory category)
{
  g_return_val_if_fail (category < REACH_N_PLACE_CATEGORIES, category_colors[0]);
  return category_colors[category];
}

static const ReachColor area_colors[REACH_N_AREA_LEVELS] = {
  [REACH_AREA_LEVEL_WARD] = { 0.220, 0.196, 0.482 },  /* indigo */
  [REACH_AREA_LEVEL_LSOA] = { 0.361, 0.361, 0.400 },  /* slate grey */
  [REACH_AREA_LEVEL_MSOA] = { 0.000, 0.400, 0.420 },  /* teal */
  [REACH_AREA_LEVEL_LAD]  = { 0.133, 0.133, 0.157 },  /* near black */
};

ReachColor
reach_style_area_color (ReachAreaLevel level)
{
  g_return_val_if_fail (level < REACH_N_AREA_LEVELS, area_colors[0]);
  return area_colors[level];
}

void
reach_style_set_source (cairo_t    *cr,
                        ReachColor  color,
                        double      alpha)
{
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, alpha);
}
