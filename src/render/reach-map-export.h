/* reach-map-export.h — a print-quality map page: PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is composed with cairo, never captured from the screen: the
 * base map's tiles at the resolution the output needs (enlarged past the
 * pack's last zoom), areas or a choropleth of people reached per 1,000
 * residents, places (never people), then a title and subtitle, a key to
 * every colour and symbol, a scale bar, a north arrow, the date, the data
 * sources with every attribution their licences ask for, and the note on
 * small numbers.  Overlays stay vector in PDF and SVG.
 */
#pragma once

#include <cairo.h>

#include "reach-area.h"
#include "reach-db.h"
#include "reach-geometry.h"

G_BEGIN_DECLS

#define REACH_MAP_EXPORT_ERROR (reach_map_export_error_quark ())
typedef enum
{
  REACH_MAP_EXPORT_ERROR_FORMAT,    /* a file name not ending .png, .svg or .pdf */
  REACH_MAP_EXPORT_ERROR_PAPER,     /* not A4 or A3 */
  REACH_MAP_EXPORT_ERROR_SIZE,      /* dpi or pixel size out of range */
  REACH_MAP_EXPORT_ERROR_EXTENT,    /* an empty or impossible bounding box */
  REACH_MAP_EXPORT_ERROR_AREA,      /* no area with that code */
  REACH_MAP_EXPORT_ERROR_WRITE,
} ReachMapExportError;

GQuark      reach_map_export_error_quark (void);

typedef enum
{
  REACH_MAP_FORMAT_PNG,
  REACH_MAP_FORMAT_SVG,
  REACH_MAP_FORMAT_PDF,
} ReachMapFormat;

typedef enum
{
  REACH_MAP_LAYER_PLACES     = 1 << 0,
  REACH_MAP_LAYER_AREAS      = 1 << 1,
  REACH_MAP_LAYER_CHOROPLETH = 1 << 2,
  REACH_MAP_LAYER_GROUPS     = 1 << 3,
} ReachMapLayers;

#define REACH_MAP_EXPORT_MAX_DPI    300
#define REACH_MAP_EXPORT_MAX_PIXELS 10000

typedef struct
{
  const char     *paper;        /* "A4" (default) or "A3" */
  gboolean        landscape;
  int             dpi;          /* PNG: 0 for 150; at most 300 */
  int             width_px;     /* PNG: both 0 for the paper at dpi */
  int             height_px;
  const char     *title;        /* NULL: "Engagement map" */
  const char     *subtitle;     /* NULL: says what the layers show */
  gboolean        has_bbox;     /* the current view, W S E N */
  ReachBBox       bbox;
  const char     *area_code;    /* or one area's extent, highlighted */
  ReachMapLayers  layers;       /* 0: places and areas */
  int             level;        /* areas drawn; < 0 picks wards, MSOAs, LSOAs or LADs */
  const char     *from;         /* the choropleth's period, YYYY-MM-DD */
  const char     *to;
  const char     *mbtiles_path; /* NULL: the bundled pack */
  GDateTime      *now;          /* the date printed; NULL: now */
} ReachMapExportOptions;

/* The format a file name asks for, from its extension. */
gboolean    reach_map_format_from_path   (const char             *path,
                                          ReachMapFormat         *format,
                                          GError                **error);
/* The page in points (1/72 inch): A4 595 × 842, A3 842 × 1191, swapped
 * when landscape. */
gboolean    reach_map_export_page_size   (const ReachMapExportOptions *options,
                                          double                 *width,
                                          double                 *height,
                                          GError                **error);

/* Draws the whole page (title to attributions) into width × height
 * points of cr.  px_per_pt says how many device pixels a point covers
 * (the tiles are fetched for it: dpi / 72 for PNG). */
gboolean    reach_map_export_draw        (cairo_t                *cr,
                                          ReachDb                *db,
                                          const ReachMapExportOptions *options,
                                          double                  width,
                                          double                  height,
                                          double                  px_per_pt,
                                          GError                **error);

/* Writes the page to path, its format from the extension.  A PNG has the
 * asked pixel size and records its dpi (the pHYs chunk). */
gboolean    reach_map_export             (ReachDb                *db,
                                          const ReachMapExportOptions *options,
                                          const char             *path,
                                          GError                **error);

G_END_DECLS
