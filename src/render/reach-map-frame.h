/* reach-map-frame.h — a map picture without widgets, for print and export
 *
 * A frame is what a map view shows: a centre, a zoom and a size in map
 * pixels (a 256-pixel tile at a whole zoom).  It projects places and
 * boundaries exactly as the on-screen map does (Web Mercator), and paints
 * the base map from an MBTiles pack with cairo.  Scale the cairo context
 * to print at a higher resolution.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "reach-geometry.h"
#include "reach-mbtiles.h"

G_BEGIN_DECLS

typedef struct
{
  double center_lat;
  double center_lon;
  double zoom;
  double width;
  double height;
} ReachMapFrame;

void       reach_map_frame_project    (const ReachMapFrame *frame,
                                       double               lat,
                                       double               lon,
                                       double              *x,
                                       double              *y);
void       reach_map_frame_unproject  (const ReachMapFrame *frame,
                                       double               x,
                                       double               y,
                                       double              *lat,
                                       double              *lon);
ReachBBox  reach_map_frame_get_bbox   (const ReachMapFrame *frame);
/* Centres the frame on bbox and picks the largest zoom (up to max_zoom)
 * that shows all of it with padding map pixels to spare on every side. */
void       reach_map_frame_fit        (ReachMapFrame       *frame,
                                       const ReachBBox     *bbox,
                                       double               padding,
                                       double               max_zoom);

/* Paints the base map tiles covering the frame; past the pack's last zoom
 * the nearest ancestor tile is enlarged.  Where the pack has nothing, the
 * surface is left as it was. */
gboolean   reach_render_base_map      (cairo_t             *cr,
                                       ReachMbtiles        *mbtiles,
                                       const ReachMapFrame *frame,
                                       GError             **error);

G_END_DECLS
