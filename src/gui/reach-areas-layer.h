/* reach-areas-layer.h — area boundaries and their names on the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "reach-area.h"
#include "reach-choropleth.h"

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

/* A value for one area in choropleth mode. */
typedef struct
{
  gint64    area_id;
  double    value;        /* NAN: no data */
  gboolean  not_reached;  /* hatched, whatever the value */
} ReachAreaValue;

/* Choropleth mode: areas with a value are filled by its class (the hatch
 * when not reached), areas without one grey.  choropleth NULL goes back to
 * plain boundaries.  The layer copies both. */
void             reach_areas_layer_set_choropleth  (ReachAreasLayer       *self,
                                                    const ReachChoropleth *choropleth,
                                                    const ReachAreaValue  *values,
                                                    guint                  n_values);
/* NULL when off. */
const ReachChoropleth *reach_areas_layer_get_choropleth (ReachAreasLayer *self);
/* One of the layer's areas by id, or NULL. */
ReachArea       *reach_areas_layer_get_area        (ReachAreasLayer *self,
                                                    gint64           id);

G_END_DECLS
