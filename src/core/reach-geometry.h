/* reach-geometry.h — polygons in WGS84 longitude/latitude
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  double lon;
  double lat;
} ReachLonLat;

typedef struct
{
  double west;
  double south;
  double east;
  double north;
} ReachBBox;

/* A polygon is an array of rings (GArray of ReachLonLat); the first ring is
 * the exterior, the rest are holes.  A geometry is one or more polygons. */
typedef struct
{
  GPtrArray *polygons;   /* of GPtrArray of GArray */
  ReachBBox  bbox;
} ReachGeometry;

#define REACH_GEOMETRY_ERROR (reach_geometry_error_quark ())
typedef enum
{
  REACH_GEOMETRY_ERROR_TYPE,      /* not a Polygon or MultiPolygon */
  REACH_GEOMETRY_ERROR_INVALID,
} ReachGeometryError;

GQuark         reach_geometry_error_quark    (void);

/* Reads a GeoJSON Polygon or MultiPolygon geometry object. */
ReachGeometry *reach_geometry_new_from_json  (JsonNode       *node,
                                              GError        **error);
ReachGeometry *reach_geometry_new_from_text  (const char     *json,
                                              GError        **error);
JsonNode      *reach_geometry_to_json        (ReachGeometry  *self);
char          *reach_geometry_to_text        (ReachGeometry  *self);
void           reach_geometry_free           (ReachGeometry  *self);

gboolean       reach_geometry_contains       (ReachGeometry  *self,
                                              double          lon,
                                              double          lat);
/* A point inside the largest polygon, well away from its edges: where a
 * label or a marker for the whole shape belongs. */
ReachLonLat    reach_geometry_interior_point (ReachGeometry  *self);
double         reach_geometry_area           (ReachGeometry  *self);

gboolean       reach_ring_contains           (GArray         *ring,
                                              double          lon,
                                              double          lat);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReachGeometry, reach_geometry_free)

G_END_DECLS
