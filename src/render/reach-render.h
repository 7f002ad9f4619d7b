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
#include "reach-group.h"
#include "reach-place.h"
#include "reach-style.h"

G_BEGIN_DECLS

/* How long ago a venue was last used for an activity: a ring around it. */
typedef enum
{
  REACH_VENUE_RECENCY_NONE,      /* never used, or not shown: no ring */
  REACH_VENUE_RECENCY_RECENT,    /* within 3 months: a strong ring */
  REACH_VENUE_RECENCY_YEAR,      /* 3 to 12 months: a lighter ring */
  REACH_VENUE_RECENCY_OLD,       /* over a year ago: a faint dashed ring */
} ReachVenueRecency;

/* The band of a venue last used days_ago days ago (negative: none). */
ReachVenueRecency reach_render_venue_recency_for_days (int days_ago);

typedef struct
{
  double             x;
  double             y;
  ReachPlaceCategory category;
  gboolean           is_asset;
  gboolean           is_venue;
  gint64             id;
  ReachVenueRecency  recency;  /* last, so callers that leave it out get none */
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

/* The ring drawn around a venue for its recency (nothing for none). */
void    reach_render_venue_recency_ring (cairo_t           *cr,
                                         double             x,
                                         double             y,
                                         ReachVenueRecency  recency,
                                         double             scale);
/* The colour of the recency rings; the band shows in width, strength and dashes. */
#define REACH_RENDER_RECENCY_COLOR ((ReachColor) { 0.380, 0.208, 0.514 })

/* A community group: a triangle, coloured by status, and shaped by it
 * too: filled when reached, the lower half filled when under-represented,
 * outlined only when not yet reached. */
void       reach_render_group_symbol (cairo_t          *cr,
                                      double            x,
                                      double            y,
                                      ReachGroupStatus  status,
                                      double            scale);
/* The group's name beside its symbol, on a pale halo — unless it would
 * overlap a label already drawn: taken (of cairo_rectangle_t, may be NULL)
 * holds those and gains this one.  Returns whether it was drawn. */
gboolean   reach_render_group_label  (cairo_t          *cr,
                                      double            x,
                                      double            y,
                                      const char       *name,
                                      double            scale,
                                      GArray           *taken);
ReachColor reach_render_group_status_color (ReachGroupStatus status);
/* Half-height of a group triangle at scale 1. */
#define REACH_RENDER_GROUP_RADIUS 9.0

typedef enum
{
  REACH_RENDER_LEGEND_PLACES  = 1 << 0,  /* categories and kinds */
  REACH_RENDER_LEGEND_RECENCY = 1 << 1,  /* venue last used */
  REACH_RENDER_LEGEND_GROUPS  = 1 << 2,  /* community group statuses */
} ReachRenderLegendFlags;

/* A key to the place symbols: one row per category (colour) and one per
 * kind (shape).  Draws at (x, y) going down; returns the size used.
 * With cr NULL, only measures. */
void    reach_render_legend         (cairo_t               *cr,
                                     double                 x,
                                     double                 y,
                                     double                 scale,
                                     double                *width,
                                     double                *height);
/* The same, with the sections chosen by flags. */
void    reach_render_legend_full    (cairo_t               *cr,
                                     double                 x,
                                     double                 y,
                                     double                 scale,
                                     ReachRenderLegendFlags flags,
                                     double                *width,
                                     double                *height);

G_END_DECLS
