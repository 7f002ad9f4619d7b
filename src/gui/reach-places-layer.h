/* reach-places-layer.h — every place on the map, drawn in one layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "reach-db.h"

G_BEGIN_DECLS

/* Below this zoom, places closer than a few pixels gather into clusters. */
#define REACH_PLACES_LAYER_CLUSTER_BELOW_ZOOM 13

#define REACH_TYPE_PLACES_LAYER (reach_places_layer_get_type ())
G_DECLARE_FINAL_TYPE (ReachPlacesLayer, reach_places_layer, REACH, PLACES_LAYER, ShumateLayer)

ReachPlacesLayer *reach_places_layer_new           (ShumateViewport  *viewport);
/* places: of ReachPlace; copied, so the caller may change it afterwards. */
void              reach_places_layer_set_places    (ReachPlacesLayer *self,
                                                    GPtrArray        *places);
guint             reach_places_layer_get_n_places  (ReachPlacesLayer *self);
/* 0 for none. */
void              reach_places_layer_set_selected  (ReachPlacesLayer *self,
                                                    gint64            id);
gint64            reach_places_layer_get_selected  (ReachPlacesLayer *self);
/* The id of the place drawn at (x, y) in the layer's coordinates, or 0.
 * Places inside a cluster are not hit. */
gint64            reach_places_layer_hit_test      (ReachPlacesLayer *self,
                                                    double            x,
                                                    double            y);
/* Rings around venues by when they were last used.  days_ago_by_place_id:
 * gint64* place id → GINT_TO_POINTER (days since last use); copied.
 * Venues not in it get no ring; NULL turns the rings off (the default). */
void              reach_places_layer_set_venue_recency (ReachPlacesLayer *self,
                                                        GHashTable       *days_ago_by_place_id);
gboolean          reach_places_layer_get_shows_recency (ReachPlacesLayer *self);
/* For reach_places_layer_set_venue_recency (): the days since each venue
 * was last used as of today, read from a workspace. */
GHashTable       *reach_venue_days_ago_load            (ReachDb          *db,
                                                        GDateTime        *today,
                                                        GError          **error);

G_END_DECLS
