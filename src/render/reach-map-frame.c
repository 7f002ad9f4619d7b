/* reach-map-frame.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-map-frame"

#include "config.h"

#include <math.h>

#include "reach-map-frame.h"
#include "reach-tile-image.h"

#define TILE      256.0
#define MAX_LAT   85.05112878
#define MAX_TILE_ZOOM 19

static void
to_mercator (double  lat,
             double  lon,
             double *mx,
             double *my)
{
  double phi = CLAMP (lat, -MAX_LAT, MAX_LAT) * G_PI / 180.0;

  *mx = (lon + 180.0) / 360.0;
  *my = (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

static void
from_mercator (double  mx,
               double  my,
               double *lat,
               double *lon)
{
  *lon = mx * 360.0 - 180.0;
  *lat = atan (sinh (G_PI * (1.0 - 2.0 * my))) * 180.0 / G_PI;
}

static double
world_size (double zoom)
{
  return TILE * exp2 (zoom);
}

void
reach_map_frame_project (const ReachMapFrame *frame,
                         double               lat,
                         double               lon,
                         double              *x,
                         double              *y)
{
  double cx, cy, mx, my, size = world_size (frame->zoom);

  to_mercator (frame->center_lat, frame->center_lon, &cx, &cy);
  to_mercator (lat, lon, &mx, &my);
  *x = (mx - cx) * size + frame->width / 2.0;
  *y = (my - cy) * size + frame->height / 2.0;
}

void
reach_map_frame_unproject (const ReachMapFrame *frame,
                           double               x,
                           double               y,
                           double              *lat,
                           double              *lon)
{
  double cx, cy, size = world_size (frame->zoom);

  to_mercator (frame->center_lat, frame->center_lon, &cx, &cy);
  from_mercator (cx + (x - frame->width / 2.0) / size,
                 cy + (y - frame->height / 2.0) / size, lat, lon);
}

ReachBBox
reach_map_frame_get_bbox (const ReachMapFrame *frame)
{
  ReachBBox box;

  reach_map_frame_unproject (frame, 0, frame->height, &box.south, &box.west);
  reach_map_frame_unproject (frame, frame->width, 0, &box.north, &box.east);
  return box;
}

void
reach_map_frame_fit (ReachMapFrame   *frame,
                     const ReachBBox *bbox,
                     double           padding,
                     double           max_zoom)
{
  double x0, y0, x1, y1, span_x, span_y, room_x, room_y, zoom;

  to_mercator (bbox->north, bbox->west, &x0, &y0);
  to_mercator (bbox->south, bbox->east, &x1, &y1);
  from_mercator ((x0 + x1) / 2, (y0 + y1) / 2, &frame->center_lat, &frame->center_lon);

  span_x = MAX (x1 - x0, 1e-12);
  span_y = MAX (y1 - y0, 1e-12);
  room_x = MAX (frame->width - 2 * padding, 1);
  room_y = MAX (frame->height - 2 * padding, 1);
  zoom = log2 (MIN (room_x / span_x, room_y / span_y) / TILE);
  frame->zoom = CLAMP (zoom, 0, max_zoom);
}

typedef struct
{
  ReachMbtiles *mbtiles;
  GHashTable   *surfaces;  /* "z/x/y" → cairo_surface_t: ancestors are shared */
} TileCache;

static cairo_surface_t *
load_surface (TileCache  *cache,
              int         z,
              int         x,
              int         y,
              int        *from_zoom,
              GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *key = NULL;
  cairo_surface_t *surface;
  GError *local_error = NULL;

  bytes = reach_mbtiles_get_tile_or_parent (cache->mbtiles, z, x, y, from_zoom, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, REACH_MBTILES_ERROR, REACH_MBTILES_ERROR_NOT_FOUND))
        g_clear_error (&local_error);  /* nothing there: leave it */
      else
        g_propagate_error (error, local_error);
      return NULL;
    }

  key = g_strdup_printf ("%d/%d/%d", *from_zoom, x >> (z - *from_zoom), y >> (z - *from_zoom));
  surface = g_hash_table_lookup (cache->surfaces, key);
  if (surface != NULL)
    return surface;

  surface = reach_tile_image_to_surface (bytes, error);
  if (surface != NULL)
    g_hash_table_insert (cache->surfaces, g_steal_pointer (&key), surface);
  return surface;
}

/* Draws tile (z, x, y) into the square at (ox, oy) of side size: the tile
 * itself, or the matching part of its ancestor, scaled by cairo so print
 * stays as sharp as the source allows. */
static gboolean
paint_tile (cairo_t    *cr,
            TileCache  *cache,
            int         z,
            int         x,
            int         y,
            double      ox,
            double      oy,
            double      size,
            GError    **error)
{
  GError *local_error = NULL;
  int from_zoom = z;
  cairo_surface_t *surface = load_surface (cache, z, x, y, &from_zoom, &local_error);
  int levels = z - from_zoom;
  double parts = exp2 (levels), sw, sh;

  if (surface == NULL)
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, local_error);
      return FALSE;
    }

  sw = cairo_image_surface_get_width (surface);
  sh = cairo_image_surface_get_height (surface);

  cairo_save (cr);
  cairo_rectangle (cr, ox, oy, size, size);
  cairo_clip (cr);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, size * parts / sw, size * parts / sh);
  cairo_translate (cr, -(x & ((1 << levels) - 1)) * sw / parts,
                   -(y & ((1 << levels) - 1)) * sh / parts);
  cairo_set_source_surface (cr, surface, 0, 0);
  /* Pad, not repeat or fade: no seams between neighbouring tiles. */
  cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
  return TRUE;
}

gboolean
reach_render_base_map (cairo_t             *cr,
                       ReachMbtiles        *mbtiles,
                       const ReachMapFrame *frame,
                       GError             **error)
{
  TileCache cache = { mbtiles, NULL };
  int z, n, x0, x1, y0, y1;
  double scale, cx, cy, mx, my;
  gboolean ok = TRUE;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (REACH_IS_MBTILES (mbtiles), FALSE);
  g_return_val_if_fail (frame != NULL, FALSE);

  z = CLAMP ((int) floor (frame->zoom + 1e-9), 0, MAX_TILE_ZOOM);
  n = 1 << z;
  scale = exp2 (frame->zoom - z);
  to_mercator (frame->center_lat, frame->center_lon, &mx, &my);
  cx = mx * TILE * n;
  cy = my * TILE * n;

  x0 = (int) floor ((cx - frame->width / 2.0 / scale) / TILE);
  x1 = (int) floor ((cx + frame->width / 2.0 / scale) / TILE);
  y0 = MAX ((int) floor ((cy - frame->height / 2.0 / scale) / TILE), 0);
  y1 = MIN ((int) floor ((cy + frame->height / 2.0 / scale) / TILE), n - 1);

  cache.surfaces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) cairo_surface_destroy);
  for (int ty = y0; ok && ty <= y1; ty++)
    for (int tx = x0; ok && tx <= x1; tx++)
      {
        double ox = (tx * TILE - cx) * scale + frame->width / 2.0;
        double oy = (ty * TILE - cy) * scale + frame->height / 2.0;
        int wrapped = ((tx % n) + n) % n;  /* across the antimeridian */

        ok = paint_tile (cr, &cache, z, wrapped, ty, ox, oy, TILE * scale, error);
      }
  g_hash_table_unref (cache.surfaces);
  return ok;
}
