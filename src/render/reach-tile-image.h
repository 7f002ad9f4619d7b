/* reach-tile-image.h — decoding and enlarging raster map tiles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Past a tile pack's last zoom: the part of an ancestor tile that covers
 * tile (x, y), which lies levels zoom levels below it, cropped and scaled
 * up to size × size pixels, as PNG.  x and y are at the deeper zoom.
 * From two levels down the tile is also washed towards white by
 * reach_tile_image_wash (levels), so its blur stays behind the overlays. */
GBytes          *reach_tile_image_enlarge     (GBytes   *ancestor,
                                               guint     levels,
                                               guint     x,
                                               guint     y,
                                               guint     size,
                                               GError  **error);

/* How far, 0 to 1, an enlarged tile is blended towards white. */
double           reach_tile_image_wash        (guint     levels);

/* A PNG or JPEG tile as a cairo image surface, for print and export. */
cairo_surface_t *reach_tile_image_to_surface  (GBytes   *bytes,
                                               GError  **error);

G_END_DECLS
