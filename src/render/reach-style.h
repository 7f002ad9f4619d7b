/* reach-style.h — the colours and symbols every map and export shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

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

G_END_DECLS
