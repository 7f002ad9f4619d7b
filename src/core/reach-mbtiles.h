/* reach-mbtiles.h — a raster MBTiles file, read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "reach-geometry.h"

G_BEGIN_DECLS

#define REACH_MBTILES_ERROR (reach_mbtiles_error_quark ())

typedef enum
{
  REACH_MBTILES_ERROR_OPEN,       /* not a readable SQLite file */
  REACH_MBTILES_ERROR_INVALID,    /* SQLite, but not MBTiles */
  REACH_MBTILES_ERROR_VECTOR,     /* pbf/mvt tiles */
  REACH_MBTILES_ERROR_FORMAT,     /* tiles that are not PNG or JPEG */
  REACH_MBTILES_ERROR_NOT_FOUND,  /* no such tile */
  REACH_MBTILES_ERROR_READ,
} ReachMbtilesError;

GQuark        reach_mbtiles_error_quark           (void);

#define REACH_TYPE_MBTILES (reach_mbtiles_get_type ())
G_DECLARE_FINAL_TYPE (ReachMbtiles, reach_mbtiles, REACH, MBTILES, GObject)

/* Opens read-only and checks it holds raster PNG or JPEG tiles. */
ReachMbtiles *reach_mbtiles_open                  (const char    *path,
                                                   GError       **error);

const char   *reach_mbtiles_get_path              (ReachMbtiles  *self);
/* metadata "name", or the file's base name */
const char   *reach_mbtiles_get_name              (ReachMbtiles  *self);
/* metadata "attribution" as stored (often HTML), or NULL */
const char   *reach_mbtiles_get_attribution       (ReachMbtiles  *self);
/* the attribution as plain text (tags dropped, entities decoded), or NULL */
const char   *reach_mbtiles_get_attribution_text  (ReachMbtiles  *self);
/* the first link in the attribution, or NULL */
const char   *reach_mbtiles_get_attribution_uri   (ReachMbtiles  *self);
/* "png" or "jpg" */
const char   *reach_mbtiles_get_format            (ReachMbtiles  *self);
int           reach_mbtiles_get_min_zoom          (ReachMbtiles  *self);
int           reach_mbtiles_get_max_zoom          (ReachMbtiles  *self);
/* Tile edge in pixels (read from the first PNG tile; 256 otherwise). */
int           reach_mbtiles_get_tile_size         (ReachMbtiles  *self);
gboolean      reach_mbtiles_get_bounds            (ReachMbtiles  *self,
                                                   ReachBBox     *bounds);
gboolean      reach_mbtiles_get_center            (ReachMbtiles  *self,
                                                   double        *lon,
                                                   double        *lat,
                                                   int           *zoom);
gint64        reach_mbtiles_count_tiles           (ReachMbtiles  *self,
                                                   GError       **error);

/* The tile at XYZ (OSM/Google) coordinates; MBTiles rows are TMS, the
 * flip happens here.  REACH_MBTILES_ERROR_NOT_FOUND when absent.
 * Safe to call from any thread. */
GBytes       *reach_mbtiles_get_tile              (ReachMbtiles  *self,
                                                   int            z,
                                                   int            x,
                                                   int            y,
                                                   GError       **error);
/* The tile, or failing that its nearest stored ancestor (past the pack's
 * last zoom, or where a lower zoom covers more ground); *from_zoom says
 * which zoom the returned tile belongs to. */
GBytes       *reach_mbtiles_get_tile_or_parent    (ReachMbtiles  *self,
                                                   int            z,
                                                   int            x,
                                                   int            y,
                                                   int           *from_zoom,
                                                   GError       **error);

G_END_DECLS
