/* reach-tile-image.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-tile-image"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>

#include "reach-tile-image.h"

static GdkPixbuf *
decode (GBytes  *bytes,
        GError **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  return gdk_pixbuf_new_from_stream (stream, NULL, error);
}

double
reach_tile_image_wash (guint levels)
{
  return levels < 2 ? 0 : MIN (0.15 * levels, 0.55);
}

static void
wash (GdkPixbuf *pixbuf,
      double     amount)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);

  if (amount <= 0)
    return;

  for (int j = 0; j < height; j++)
    {
      guint8 *p = pixels + j * rowstride;

      for (int i = 0; i < width; i++, p += channels)
        for (int c = 0; c < 3; c++)
          p[c] = (guint8) (p[c] + (255 - p[c]) * amount + 0.5);
    }
}

GBytes *
reach_tile_image_enlarge (GBytes  *ancestor,
                          guint    levels,
                          guint    x,
                          guint    y,
                          guint    size,
                          GError **error)
{
  g_autoptr(GdkPixbuf) source = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autofree char *buffer = NULL;
  double factor, sub_x, sub_y;
  gsize len;

  g_return_val_if_fail (ancestor != NULL, NULL);
  g_return_val_if_fail (levels < 31 && size > 0, NULL);

  source = decode (ancestor, error);
  if (source == NULL)
    return NULL;

  /* Which of the 2^levels × 2^levels sub-squares of the ancestor. */
  sub_x = x & ((1u << levels) - 1);
  sub_y = y & ((1u << levels) - 1);
  factor = ldexp (1.0, levels) * size / gdk_pixbuf_get_width (source);

  scaled = gdk_pixbuf_new (GDK_COLORSPACE_RGB, gdk_pixbuf_get_has_alpha (source), 8, size, size);
  gdk_pixbuf_scale (source, scaled, 0, 0, size, size,
                    -sub_x * size, -sub_y * size, factor, factor,
                    GDK_INTERP_BILINEAR);
  wash (scaled, reach_tile_image_wash (levels));

  /* Fast compression: these are made on demand and thrown away. */
  if (!gdk_pixbuf_save_to_buffer (scaled, &buffer, &len, "png", error,
                                  "compression", "1", NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&buffer), len);
}

cairo_surface_t *
reach_tile_image_to_surface (GBytes  *bytes,
                             GError **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  cairo_surface_t *surface;
  const guint8 *pixels;
  guint8 *data;
  int width, height, channels, rowstride, stride;

  g_return_val_if_fail (bytes != NULL, NULL);

  pixbuf = decode (bytes, error);
  if (pixbuf == NULL)
    return NULL;

  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  channels = gdk_pixbuf_get_n_channels (pixbuf);
  rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  pixels = gdk_pixbuf_read_pixels (pixbuf);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  /* cairo wants native-endian premultiplied ARGB. */
  for (int j = 0; j < height; j++)
    {
      const guint8 *in = pixels + j * rowstride;
      guint32 *out = (guint32 *) (data + j * stride);

      for (int i = 0; i < width; i++, in += channels)
        {
          guint a = channels == 4 ? in[3] : 255;
          guint r = in[0] * a / 255, g = in[1] * a / 255, b = in[2] * a / 255;

          out[i] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }

  cairo_surface_mark_dirty (surface);
  return surface;
}
