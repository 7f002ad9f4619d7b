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
