/* reach-areas-layer.h — area boundaries and their names on the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define REACH_TYPE_AREAS_LAYER (reach_areas_layer_get_type ())
G_DECLARE_FINAL_TYPE (ReachAreasLayer, reach_areas_layer, REACH, AREAS_LAYER, ShumateLayer)

/* The layer lets clicks through (can-target is off): put it under the
 * places layer and ask reach_areas_layer_area_at() where needed. */
ReachAreasLayer *reach_areas_layer_new             (ShumateViewport *viewport);
/* areas: of ReachArea; the layer keeps its own references. */
void             reach_areas_layer_set_areas       (ReachAreasLayer *self,
                                                    GPtrArray       *areas);
guint            reach_areas_layer_get_n_areas     (ReachAreasLayer *self);
/* Drawn on top in the selection colour; 0 for none. */
void             reach_areas_layer_set_highlighted (ReachAreasLayer *self,
                                                    gint64           id);
/* The id of the smallest area containing the point (x, y) of the layer's
 * coordinates, or 0. */
gint64           reach_areas_layer_area_at         (ReachAreasLayer *self,
                                                    double           x,
                                                    double           y);

G_END_DECLS
