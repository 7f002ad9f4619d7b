/* reach-mbtiles-source.h — libshumate tile data from an MBTiles file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "reach-mbtiles.h"

G_BEGIN_DECLS

#define REACH_TYPE_MBTILES_SOURCE (reach_mbtiles_source_get_type ())
G_DECLARE_FINAL_TYPE (ReachMbtilesSource, reach_mbtiles_source, REACH, MBTILES_SOURCE, ShumateDataSource)

/* Tiles past the pack's last zoom (or missing) are the nearest ancestor
 * tile's part, enlarged: the map is never left blank. */
ReachMbtilesSource *reach_mbtiles_source_new          (ReachMbtiles       *mbtiles);
ReachMbtiles       *reach_mbtiles_source_get_mbtiles  (ReachMbtilesSource *self);

G_END_DECLS
