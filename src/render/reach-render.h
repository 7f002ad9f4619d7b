/* reach-render.h — places, clusters, areas and the legend, drawn with cairo
 *
 * The map layers and print/export draw through these, so the screen and
 * the page show the same picture.  Everything is in device coordinates
 * already projected by the caller; scale multiplies sizes (1 on screen,
 * more for print).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "reach-area.h"
#include "reach-place.h"

G_BEGIN_DECLS

typedef struct
{
  double             x;
  double             y;
  ReachPlaceCategory category;
  gboolean           is_asset;
  gboolean           is_venue;
  gint64             id;
} ReachPlaceMark;

typedef struct
{
  double             x;        /* centre of its members */
  double             y;
  guint              count;
  ReachPlaceCategory category; /* the commonest among its members */
  gint64             first_id; /* one member, for hit tests */
} ReachPlaceCluster;

/* Base radius of a place mark, in device units at scale 1. */
#define REACH_RENDER_MARK_RADIUS 7.0

/* Draws one place symbol: assets are circles, venues rounded squares, a
 * place that is both a rounded square with a ring inside. */
void    reach_render_place_symbol   (cairo_t               *cr,
                                     double                 x,
                                     double                 y,
                                     ReachPlaceCategory     category,
                                     gboolean               is_asset,
                                     gboolean               is_venue,
                                     double                 scale,
                                     gboolean               selected);
/* Draws marks in order, the selected one last, larger and haloed. */
void    reach_render_places         (cairo_t               *cr,
                                     const ReachPlaceMark  *marks,
                                     guint                  n_marks,
                                     double                 scale,
                                     gint64                 selected_id);
void    reach_render_clusters       (cairo_t               *cr,
                                     const ReachPlaceCluster *clusters,
                                     guint                  n_clusters,
                                     double                 scale);
/* Radius of a cluster circle of count members. */
double  reach_render_cluster_radius (guint                  count,
                                     double                 scale);

/* Groups marks closer than distance into clusters.  Marks left alone go to
 * singles (ReachPlaceMark), groups of two or more to clusters
 * (ReachPlaceCluster).  The selected place always stays single. */
void    reach_render_cluster_marks  (const ReachPlaceMark  *marks,
                                     guint                  n_marks,
                                     double                 distance,
                                     gint64                 selected_id,
                                     GArray                *singles,
                                     GArray                *clusters);

typedef struct
{
  const double   *xy;          /* x0, y0, x1, y1, …: every ring, one after another */
  const guint    *ring_sizes;  /* points in each ring */
  guint           n_rings;     /* exteriors and holes alike (even-odd fill) */
  const char     *name;
  const char     *code;
  ReachAreaLevel  level;
  double          label_x;
  double          label_y;
  gboolean        highlighted;
} ReachAreaShape;

/* Whether labels of a level are drawn at a map zoom: local authority
 * names from 8, ward and MSOA names from 11, LSOA codes from 14. */
gboolean reach_render_area_label_visible (ReachAreaLevel level,
                                          double         zoom);

/* Boundaries as strokes over a faint fill, then labels where they fit
 * without overlapping each other. */
void    reach_render_areas          (cairo_t               *cr,
                                     const ReachAreaShape  *areas,
                                     guint                  n_areas,
                                     double                 zoom,
                                     double                 scale);

/* A key to the place symbols: one row per category (colour) and one per
 * kind (shape).  Draws at (x, y) going down; returns the size used.
 * With cr NULL, only measures. */
void    reach_render_legend         (cairo_t               *cr,
                                     double                 x,
                                     double                 y,
                                     double                 scale,
                                     double                *width,
                                     double                *height);

G_END_DECLS
