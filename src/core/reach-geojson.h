/* reach-geojson.h — reading GeoJSON and checking it against RFC 7946
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define REACH_GEOJSON_ERROR (reach_geojson_error_quark ())
typedef enum
{
  REACH_GEOJSON_ERROR_SYNTAX,    /* not UTF-8, not JSON, a member given twice */
  REACH_GEOJSON_ERROR_INVALID,   /* JSON, but not GeoJSON as RFC 7946 defines it */
} ReachGeoJsonError;

GQuark     reach_geojson_error_quark (void);

/* Parses JSON text and refuses duplicate member names, which JSON parsers
 * resolve differently.  Returns the root node. */
JsonNode  *reach_geojson_parse       (const char  *data,
                                      gssize       length,
                                      GError     **error);

/* Checks the structure RFC 7946 requires: type members and their case,
 * coordinates nested to the right depth, positions of 2 or 3 numbers,
 * lines of 2 or more positions, closed rings of 4 or more, bbox, and the
 * members of Feature and FeatureCollection.  Coordinate ranges and winding
 * are not checked here (RFC 7946 §3.1.6 says not to reject on winding).
 * The message names the feature ("feature 3: …"), counting from 1. */
gboolean   reach_geojson_validate    (JsonNode    *root,
                                      GError     **error);

/* Reads, parses and validates a file; the message starts with its name. */
JsonNode  *reach_geojson_load        (const char  *path,
                                      GError     **error);

/* TRUE for Point, MultiPoint, …, GeometryCollection. */
gboolean   reach_geojson_is_geometry_type (const char *type);

G_END_DECLS
