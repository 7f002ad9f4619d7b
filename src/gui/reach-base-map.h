/* reach-base-map.h — the map sources Reach draws under its layers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "reach-mbtiles.h"

G_BEGIN_DECLS

/* Offline packs are enlarged past their last zoom up to here. */
#define REACH_BASE_MAP_MAX_ZOOM 19

#define REACH_BASE_MAP_OFFLINE_ID "reach-offline-uk"
#define REACH_BASE_MAP_ONLINE_ID  "reach-osm"

/* The bundled UK pack: $REACH_DATA_DIR/tiles, else the installed
 * PKGDATADIR/tiles, else the source tree's data/tiles. */
ShumateMapSource *reach_base_map_new_offline      (GError           **error);
/* Any raster MBTiles file the user opens. */
ShumateMapSource *reach_base_map_new_from_file    (const char        *path,
                                                   GError           **error);
/* OpenStreetMap's own tiles, downloaded: only for users with a network. */
ShumateMapSource *reach_base_map_new_online       (void);

/* Where the bundled pack is, or NULL. */
char             *reach_base_map_find_offline_pack (void);
/* The MBTiles behind an offline source, or NULL for the online one. */
ReachMbtiles     *reach_base_map_get_mbtiles      (ShumateMapSource  *source);

G_END_DECLS
