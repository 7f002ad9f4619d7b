/* reach-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "reach-render.h"
#include "reach-style.h"

/* Places */

static void
rounded_square_path (cairo_t *cr,
                     double   x,
                     double   y,
                     double   half,
                     double   corner)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + half - corner, y - half + corner, corner, -G_PI / 2, 0);
  cairo_arc (cr, x + half - corner, y + half - corner, corner, 0, G_PI / 2);
  cairo_arc (cr, x - half + corner, y + half - corner, corner, G_PI / 2, G_PI);
  cairo_arc (cr, x - half + corner, y - half + corner, corner, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A white outline under a dark one: the symbol reads on light and dark
 * tiles alike. */
static void
draw_symbol (cairo_t    *cr,
             double      x,
             double      y,
             ReachColor  fill,
             gboolean    is_asset,
             gboolean    is_venue,
             double      radius,
             double      scale)
{
  cairo_save (cr);
  cairo_new_path (cr);

  if (is_venue)
    rounded_square_path (cr, x, y, radius, radius * 0.25);
  else
    cairo_arc (cr, x, y, radius, 0, 2 * G_PI);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  reach_style_set_source (cr, REACH_STYLE_PAPER, 0.9);
  cairo_set_line_width (cr, 3.5 * scale);
  cairo_stroke_preserve (cr);
  reach_style_set_source (cr, fill, 1.0);
  cairo_fill_preserve (cr);
  reach_style_set_source (cr, REACH_STYLE_INK, 1.0);
  cairo_set_line_width (cr, 1.25 * scale);
  cairo_stroke (cr);

  /* Both an asset and a venue: the asset's circle, as a ring inside. */
  if (is_asset && is_venue)
    {
      cairo_arc (cr, x, y, radius * 0.5, 0, 2 * G_PI);
      reach_style_set_source (cr, REACH_STYLE_PAPER, 1.0);
      cairo_set_line_width (cr, 1.5 * scale);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

static void
draw_selection_halo (cairo_t *cr,
                     double   x,
                     double   y,
                     double   radius,
                     double   scale)
{
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius + 6 * scale, 0, 2 * G_PI);
  reach_style_set_source (cr, REACH_STYLE_PAPER, 0.75);
  cairo_fill_preserve (cr);
  reach_style_set_source (cr, REACH_STYLE_SELECTION, 1.0);
  cairo_set_line_width (cr, 2.5 * scale);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
reach_render_place_symbol (cairo_t            *cr,
                           double              x,
                           double              y,
                           ReachPlaceCategory  category,
                           gboolean            is_asset,
                           gboolean            is_venue,
                           double              scale,
                           gboolean            selected)
{
  double radius = REACH_RENDER_MARK_RADIUS * scale * (selected ? 1.4 : 1.0);

  g_return_if_fail (cr != NULL);

  if (selected)
    draw_selection_halo (cr, x, y, radius, scale);
  draw_symbol (cr, x, y, reach_style_category_color (category),
               is_asset, is_venue, radius, scale);
}

void
reach_render_places (cairo_t              *cr,
                     const ReachPlaceMark *marks,
                     guint                 n_marks,
                     double                scale,
                     gint64                selected_id)
{
  const ReachPlaceMark *selected = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (marks != NULL || n_marks == 0);

  /* Rings first: a neighbour's symbol may cover a ring, never a symbol. */
  for (guint i = 0; i < n_marks; i++)
    if (marks[i].is_venue)
      reach_render_venue_recency_ring (cr, marks[i].x, marks[i].y, marks[i].recency, scale);

  for (guint i = 0; i < n_marks; i++)
    {
      const ReachPlaceMark *m = &marks[i];

      if (selected_id > 0 && m->id == selected_id)
        {
          selected = m;
          continue;
        }
      reach_render_place_symbol (cr, m->x, m->y, m->category,
                                 m->is_asset, m->is_venue, scale, FALSE);
    }

  /* Last, so nothing covers it. */
  if (selected != NULL)
    reach_render_place_symbol (cr, selected->x, selected->y, selected->category,
                               selected->is_asset, selected->is_venue, scale, TRUE);
}

/* Venue recency */

ReachVenueRecency
reach_render_venue_recency_for_days (int days_ago)
{
  if (days_ago < 0)
    return REACH_VENUE_RECENCY_NONE;
  if (days_ago <= 91)
    return REACH_VENUE_RECENCY_RECENT;
  if (days_ago <= 365)
    return REACH_VENUE_RECENCY_YEAR;
  return REACH_VENUE_RECENCY_OLD;
}

void
reach_render_venue_recency_ring (cairo_t           *cr,
                                 double             x,
                                 double             y,
                                 ReachVenueRecency  recency,
                                 double             scale)
{
  static const double dash[] = { 3.0, 3.0 };
  double radius = (REACH_RENDER_MARK_RADIUS + 5.5) * scale;
  double width, alpha;

  g_return_if_fail (cr != NULL);

  switch (recency)
    {
    case REACH_VENUE_RECENCY_RECENT:
      width = 3.5, alpha = 1.0;
      break;
    case REACH_VENUE_RECENCY_YEAR:
      width = 2.5, alpha = 0.55;
      break;
    case REACH_VENUE_RECENCY_OLD:
      width = 1.5, alpha = 0.6;
      break;
    case REACH_VENUE_RECENCY_NONE:
    default:
      return;
    }

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  /* A pale line under it, so the ring reads on dark tiles too. */
  reach_style_set_source (cr, REACH_STYLE_PAPER, 0.7 * alpha);
  cairo_set_line_width (cr, (width + 2) * scale);
  cairo_stroke_preserve (cr);
  if (recency == REACH_VENUE_RECENCY_OLD)
    {
      double scaled[G_N_ELEMENTS (dash)];

      for (guint i = 0; i < G_N_ELEMENTS (dash); i++)
        scaled[i] = dash[i] * scale;
      cairo_set_dash (cr, scaled, G_N_ELEMENTS (scaled), 0);
    }
  reach_style_set_source (cr, REACH_RENDER_RECENCY_COLOR, alpha);
  cairo_set_line_width (cr, width * scale);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Community groups */

ReachColor
reach_render_group_status_color (ReachGroupStatus status)
{
  switch (status)
    {
    case REACH_GROUP_STATUS_REACHED:
      return (ReachColor) { 0.149, 0.561, 0.278 };
    case REACH_GROUP_STATUS_UNDER_REPRESENTED:
      return (ReachColor) { 0.898, 0.549, 0.000 };
    case REACH_GROUP_STATUS_NOT_YET_REACHED:
    default:
      return (ReachColor) { 0.776, 0.157, 0.157 };
    }
}

static void
triangle_path (cairo_t *cr,
               double   x,
               double   y,
               double   r)
{
  cairo_new_path (cr);
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r * 1.1, y + r * 0.8);
  cairo_line_to (cr, x - r * 1.1, y + r * 0.8);
  cairo_close_path (cr);
}

void
reach_render_group_symbol (cairo_t          *cr,
                           double            x,
                           double            y,
                           ReachGroupStatus  status,
                           double            scale)
{
  ReachColor color = reach_render_group_status_color (status);
  double r = REACH_RENDER_GROUP_RADIUS * scale;

  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  triangle_path (cr, x, y, r);
  reach_style_set_source (cr, REACH_STYLE_PAPER, 0.9);
  cairo_set_line_width (cr, 4.5 * scale);
  cairo_stroke_preserve (cr);
  /* Paper inside, so an outline-only triangle still reads on a busy map. */
  reach_style_set_source (cr, REACH_STYLE_PAPER, 1.0);
  cairo_fill_preserve (cr);

  if (status == REACH_GROUP_STATUS_REACHED)
    {
      reach_style_set_source (cr, color, 1.0);
      cairo_fill_preserve (cr);
    }
  else if (status == REACH_GROUP_STATUS_UNDER_REPRESENTED)
    {
      cairo_save (cr);
      cairo_clip (cr);
      cairo_rectangle (cr, x - 2 * r, y, 4 * r, 2 * r);
      reach_style_set_source (cr, color, 1.0);
      cairo_fill (cr);
      cairo_restore (cr);
      /* the clip used the path up: the outline needs it again */
      triangle_path (cr, x, y, r);
    }

  /* Not yet reached: only this outline, drawn thicker in the colour. */
  reach_style_set_source (cr, color, 1.0);
  cairo_set_line_width (cr, (status == REACH_GROUP_STATUS_NOT_YET_REACHED ? 2.5 : 1.5) * scale);
  cairo_stroke_preserve (cr);
  if (status != REACH_GROUP_STATUS_NOT_YET_REACHED)
    {
      reach_style_set_source (cr, REACH_STYLE_INK, 1.0);
      cairo_set_line_width (cr, 1.0 * scale);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
  cairo_restore (cr);
}

/* Clusters */

double
reach_render_cluster_radius (guint  count,
                             double scale)
{
  return (11.0 + 4.0 * log10 (MAX (count, 1))) * scale;
}

static PangoLayout *
create_layout (cairo_t    *cr,
               const char *text,
               double      pixel_size,
               gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, pixel_size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static char *
format_count (guint count)
{
  if (count < 10000)
    return g_strdup_printf ("%u", count);
  /* Translators: a rounded count of places on the map, e.g. "12k" */
  return g_strdup_printf (_("%uk"), count / 1000);
}

static void
draw_cluster (cairo_t                 *cr,
              const ReachPlaceCluster *cluster,
              double                   scale)
{
  double radius = reach_render_cluster_radius (cluster->count, scale);
  g_autofree char *text = format_count (cluster->count);
  g_autoptr(PangoLayout) layout = NULL;
  int width, height;

  cairo_save (cr);
  cairo_new_path (cr);

  cairo_arc (cr, cluster->x, cluster->y, radius + 3 * scale, 0, 2 * G_PI);
  reach_style_set_source (cr, REACH_STYLE_CLUSTER, 0.3);
  cairo_fill (cr);

  cairo_arc (cr, cluster->x, cluster->y, radius, 0, 2 * G_PI);
  reach_style_set_source (cr, REACH_STYLE_CLUSTER, 0.95);
  cairo_fill_preserve (cr);
  reach_style_set_source (cr, REACH_STYLE_PAPER, 1.0);
  cairo_set_line_width (cr, 2 * scale);
  cairo_stroke (cr);

  layout = create_layout (cr, text, 11 * scale, TRUE);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, cluster->x - width / 2.0, cluster->y - height / 2.0);
  reach_style_set_source (cr, REACH_STYLE_PAPER, 1.0);
  pango_cairo_show_layout (cr, layout);

  cairo_restore (cr);
}

void
reach_render_clusters (cairo_t                 *cr,
                       const ReachPlaceCluster *clusters,
                       guint                    n_clusters,
                       double                   scale)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (clusters != NULL || n_clusters == 0);

  for (guint i = 0; i < n_clusters; i++)
    draw_cluster (cr, &clusters[i], scale);
}

typedef struct
{
  double seed_x;
  double seed_y;
  double sum_x;
  double sum_y;
  guint  count;
  guint  first;
  guint  by_category[REACH_N_PLACE_CATEGORIES];
} Group;

static gint64
cell_key (gint64 cx,
          gint64 cy)
{
  return (cx << 32) ^ (cy & 0xffffffff);
}

static int
find_group (GHashTable *cells,
            GArray     *groups,
            double      x,
            double      y,
            double      distance)
{
  gint64 cx = (gint64) floor (x / distance);
  gint64 cy = (gint64) floor (y / distance);
  gint64 key = cell_key (cx, cy);
  double best = distance * distance;
  int found = -1;
  gpointer value;

  if (g_hash_table_lookup_extended (cells, &key, NULL, &value))
    return GPOINTER_TO_INT (value);

  for (int dx = -1; dx <= 1; dx++)
    for (int dy = -1; dy <= 1; dy++)
      {
        Group *g;
        double d2;

        key = cell_key (cx + dx, cy + dy);
        if (!g_hash_table_lookup_extended (cells, &key, NULL, &value))
          continue;
        g = &g_array_index (groups, Group, GPOINTER_TO_INT (value));
        d2 = (g->seed_x - x) * (g->seed_x - x) + (g->seed_y - y) * (g->seed_y - y);
        if (d2 <= best)
          {
            best = d2;
            found = GPOINTER_TO_INT (value);
          }
      }

  return found;
}

static void
add_to_groups (GHashTable           *cells,
               GArray               *groups,
               const ReachPlaceMark *mark,
               guint                 index,
               double                distance)
{
  int found = find_group (cells, groups, mark->x, mark->y, distance);
  Group *g;

  if (found < 0)
    {
      Group fresh = { mark->x, mark->y, 0, 0, 0, index, { 0 } };
      gint64 *key = g_new (gint64, 1);

      *key = cell_key ((gint64) floor (mark->x / distance), (gint64) floor (mark->y / distance));
      g_array_append_val (groups, fresh);
      found = groups->len - 1;
      g_hash_table_insert (cells, key, GINT_TO_POINTER (found));
    }

  g = &g_array_index (groups, Group, found);
  g->sum_x += mark->x;
  g->sum_y += mark->y;
  g->count++;
  if (mark->category < REACH_N_PLACE_CATEGORIES)
    g->by_category[mark->category]++;
}

static ReachPlaceCluster
group_to_cluster (const Group          *g,
                  const ReachPlaceMark *marks)
{
  ReachPlaceCluster cluster = {
    g->sum_x / g->count, g->sum_y / g->count, g->count, 0, marks[g->first].id
  };

  for (guint c = 1; c < REACH_N_PLACE_CATEGORIES; c++)
    if (g->by_category[c] > g->by_category[cluster.category])
      cluster.category = c;
  return cluster;
}

void
reach_render_cluster_marks (const ReachPlaceMark *marks,
                            guint                 n_marks,
                            double                distance,
                            gint64                selected_id,
                            GArray               *singles,
                            GArray               *clusters)
{
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(GArray) groups = NULL;

  g_return_if_fail (marks != NULL || n_marks == 0);
  g_return_if_fail (distance > 0);
  g_return_if_fail (singles != NULL && clusters != NULL);

  cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  groups = g_array_new (FALSE, FALSE, sizeof (Group));

  for (guint i = 0; i < n_marks; i++)
    {
      if (selected_id > 0 && marks[i].id == selected_id)
        g_array_append_val (singles, marks[i]);
      else
        add_to_groups (cells, groups, &marks[i], i, distance);
    }

  for (guint i = 0; i < groups->len; i++)
    {
      const Group *g = &g_array_index (groups, Group, i);

      if (g->count == 1)
        g_array_append_val (singles, marks[g->first]);
      else
        {
          ReachPlaceCluster cluster = group_to_cluster (g, marks);
          g_array_append_val (clusters, cluster);
        }
    }
}

/* Areas */

gboolean
reach_render_area_label_visible (ReachAreaLevel level,
                                 double         zoom)
{
  switch (level)
    {
    case REACH_AREA_LEVEL_LAD:
      return zoom >= 8;
    case REACH_AREA_LEVEL_WARD:
    case REACH_AREA_LEVEL_MSOA:
      return zoom >= 11;
    case REACH_AREA_LEVEL_LSOA:
      return zoom >= 14;
    case REACH_N_AREA_LEVELS:
    default:
      return FALSE;
    }
}

static double
area_line_width (ReachAreaLevel level)
{
  switch (level)
    {
    case REACH_AREA_LEVEL_LAD:
      return 2.5;
    case REACH_AREA_LEVEL_WARD:
      return 1.5;
    case REACH_AREA_LEVEL_MSOA:
      return 1.2;
    case REACH_AREA_LEVEL_LSOA:
    case REACH_N_AREA_LEVELS:
    default:
      return 0.8;
    }
}

static void
area_path (cairo_t              *cr,
           const ReachAreaShape *area)
{
  const double *xy = area->xy;

  cairo_new_path (cr);
  for (guint r = 0; r < area->n_rings; r++)
    {
      guint n = area->ring_sizes[r];

      for (guint i = 0; i < n; i++)
        {
          if (i == 0)
            cairo_move_to (cr, xy[0], xy[1]);
          else
            cairo_line_to (cr, xy[2 * i], xy[2 * i + 1]);
        }
      if (n > 0)
        cairo_close_path (cr);
      xy += 2 * n;
    }
}

static void
draw_area (cairo_t              *cr,
           const ReachAreaShape *area,
           double                scale)
{
  ReachColor color = area->highlighted ? REACH_STYLE_SELECTION
                                       : reach_style_area_color (area->level);
  double width = area_line_width (area->level) * scale * (area->highlighted ? 2 : 1);

  cairo_save (cr);
  area_path (cr, area);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  reach_style_set_source (cr, color, area->highlighted ? 0.18 : 0.05);
  cairo_fill_preserve (cr);
  reach_style_set_source (cr, color, 0.85);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static double
area_width (const ReachAreaShape *area)
{
  double min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE;
  guint n = 0;

  for (guint r = 0; r < area->n_rings; r++)
    n += area->ring_sizes[r];
  for (guint i = 0; i < n; i++)
    {
      min_x = MIN (min_x, area->xy[2 * i]);
      max_x = MAX (max_x, area->xy[2 * i]);
    }
  return n > 0 ? max_x - min_x : 0;
}

static gboolean
overlaps_any (GArray                      *taken,
              const cairo_rectangle_t     *rect)
{
  for (guint i = 0; i < taken->len; i++)
    {
      const cairo_rectangle_t *t = &g_array_index (taken, cairo_rectangle_t, i);

      if (rect->x < t->x + t->width && t->x < rect->x + rect->width &&
          rect->y < t->y + t->height && t->y < rect->y + rect->height)
        return TRUE;
    }
  return FALSE;
}

/* Draws the label unless it would not fit inside its area or would cover
 * a label already drawn. */
static void
draw_area_label (cairo_t              *cr,
                 const ReachAreaShape *area,
                 double                scale,
                 GArray               *taken)
{
  const char *text = area->level == REACH_AREA_LEVEL_LSOA ? area->code : area->name;
  g_autoptr(PangoLayout) layout = NULL;
  cairo_rectangle_t rect;
  int width, height;

  if (text == NULL || *text == '\0')
    return;

  layout = create_layout (cr, text, (area->level == REACH_AREA_LEVEL_LAD ? 14 : 12) * scale,
                          area->level == REACH_AREA_LEVEL_LAD || area->highlighted);
  pango_layout_get_pixel_size (layout, &width, &height);
  if (width > area_width (area) * 1.2)
    return;

  rect = (cairo_rectangle_t) { area->label_x - width / 2.0 - 2 * scale,
                               area->label_y - height / 2.0 - 2 * scale,
                               width + 4 * scale, height + 4 * scale };
  if (overlaps_any (taken, &rect))
    return;
  g_array_append_val (taken, rect);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, area->label_x - width / 2.0, area->label_y - height / 2.0);
  pango_cairo_layout_path (cr, layout);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  reach_style_set_source (cr, REACH_STYLE_PAPER, 0.85);
  cairo_set_line_width (cr, 3 * scale);
  cairo_stroke_preserve (cr);
  reach_style_set_source (cr, REACH_STYLE_INK, 1.0);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Highlighted first, then bigger levels: they win any overlap. */
static int
label_priority (const ReachAreaShape *area)
{
  static const int by_level[REACH_N_AREA_LEVELS] = {
    [REACH_AREA_LEVEL_LAD] = 1, [REACH_AREA_LEVEL_WARD] = 2,
    [REACH_AREA_LEVEL_MSOA] = 3, [REACH_AREA_LEVEL_LSOA] = 4,
  };

  if (area->highlighted)
    return 0;
  return area->level < REACH_N_AREA_LEVELS ? by_level[area->level] : 5;
}

static int
compare_label_priority (gconstpointer a,
                        gconstpointer b)
{
  const ReachAreaShape *x = *(const ReachAreaShape **) a;
  const ReachAreaShape *y = *(const ReachAreaShape **) b;

  return label_priority (x) - label_priority (y);
}

void
reach_render_areas (cairo_t              *cr,
                    const ReachAreaShape *areas,
                    guint                 n_areas,
                    double                zoom,
                    double                scale)
{
  g_autoptr(GPtrArray) labelled = NULL;
  g_autoptr(GArray) taken = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (areas != NULL || n_areas == 0);

  for (guint i = 0; i < n_areas; i++)
    if (!areas[i].highlighted)
      draw_area (cr, &areas[i], scale);
  for (guint i = 0; i < n_areas; i++)
    if (areas[i].highlighted)
      draw_area (cr, &areas[i], scale);

  labelled = g_ptr_array_new ();
  for (guint i = 0; i < n_areas; i++)
    if (areas[i].highlighted || reach_render_area_label_visible (areas[i].level, zoom))
      g_ptr_array_add (labelled, (gpointer) &areas[i]);
  g_ptr_array_sort (labelled, compare_label_priority);

  taken = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  for (guint i = 0; i < labelled->len; i++)
    draw_area_label (cr, g_ptr_array_index (labelled, i), scale, taken);
}

/* Group labels */

gboolean
reach_render_group_label (cairo_t    *cr,
                          double      x,
                          double      y,
                          const char *name,
                          double      scale,
                          GArray     *taken)
{
  g_autoptr(PangoLayout) layout = NULL;
  cairo_rectangle_t box;
  int width, height;
  double lx;

  g_return_val_if_fail (cr != NULL, FALSE);
  if (name == NULL || *name == '\0')
    return FALSE;

  layout = create_layout (cr, name, 12 * scale, TRUE);
  pango_layout_get_pixel_size (layout, &width, &height);
  lx = x + (REACH_RENDER_GROUP_RADIUS + 5) * scale;

  box = (cairo_rectangle_t) { lx - 2 * scale, y - height / 2.0, width + 4 * scale, height };
  if (taken != NULL)
    {
      if (overlaps_any (taken, &box))
        return FALSE;
      g_array_append_val (taken, box);
    }

  cairo_save (cr);
  cairo_move_to (cr, lx, y - height / 2.0);
  pango_cairo_layout_path (cr, layout);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  reach_style_set_source (cr, REACH_STYLE_PAPER, 0.9);
  cairo_set_line_width (cr, 3 * scale);
  cairo_stroke (cr);
  cairo_move_to (cr, lx, y - height / 2.0);
  reach_style_set_source (cr, REACH_STYLE_INK, 1.0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);

  return TRUE;
}

/* Legend */

static double
legend_heading (cairo_t    *cr,
                double      x,
                double      y,
                double      scale,
                const char *text)
{
  g_autoptr(PangoLayout) layout = create_layout (cr, text, 12 * scale, TRUE);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x, y);
  reach_style_set_source (cr, REACH_STYLE_INK, 1.0);
  pango_cairo_show_layout (cr, layout);
  return width;
}

static double
legend_row (cairo_t    *cr,
            double      x,
            double      y,
            double      scale,
            const char *text)
{
  g_autoptr(PangoLayout) layout = create_layout (cr, text, 12 * scale, FALSE);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x + 24 * scale, y + 10 * scale - height / 2.0);
  reach_style_set_source (cr, REACH_STYLE_INK, 1.0);
  pango_cairo_show_layout (cr, layout);
  return 24 * scale + width;
}

static double
legend_recency (cairo_t *cr,
                double   x,
                double   y,
                double   scale,
                double  *max_width)
{
  static const ReachColor neutral = { 0.62, 0.62, 0.65 };
  static const struct { ReachVenueRecency recency; const char *label; } bands[] = {
    { REACH_VENUE_RECENCY_RECENT, N_("Within 3 months") },
    { REACH_VENUE_RECENCY_YEAR, N_("3–12 months ago") },
    { REACH_VENUE_RECENCY_OLD, N_("Over a year ago") },
  };
  double row = 24 * scale, cy = y;

  *max_width = MAX (*max_width, legend_heading (cr, x, cy, scale, _("Venue last used")));
  cy += 20 * scale;
  for (guint b = 0; b < G_N_ELEMENTS (bands); b++, cy += row)
    {
      /* smaller than on the map, so the ring fits the row */
      reach_render_venue_recency_ring (cr, x + 10 * scale, cy + 12 * scale,
                                       bands[b].recency, scale * 0.6);
      draw_symbol (cr, x + 10 * scale, cy + 12 * scale, neutral, FALSE, TRUE,
                   REACH_RENDER_MARK_RADIUS * scale * 0.6, scale);
      *max_width = MAX (*max_width, legend_row (cr, x, cy + 2 * scale, scale, _(bands[b].label)));
    }
  return cy - y;
}

static double
legend_groups (cairo_t *cr,
               double   x,
               double   y,
               double   scale,
               double  *max_width)
{
  static const ReachGroupStatus order[] = {
    REACH_GROUP_STATUS_REACHED,
    REACH_GROUP_STATUS_UNDER_REPRESENTED,
    REACH_GROUP_STATUS_NOT_YET_REACHED,
  };
  double row = 22 * scale, cy = y;

  *max_width = MAX (*max_width, legend_heading (cr, x, cy, scale, _("Community groups")));
  cy += 20 * scale;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++, cy += row)
    {
      reach_render_group_symbol (cr, x + 10 * scale, cy + 11 * scale, order[i], scale * 0.8);
      *max_width = MAX (*max_width, legend_row (cr, x, cy + 1 * scale, scale,
                                                reach_group_status_label (order[i])));
    }
  return cy - y;
}

void
reach_render_legend (cairo_t *cr,
                     double   x,
                     double   y,
                     double   scale,
                     double  *width,
                     double  *height)
{
  reach_render_legend_full (cr, x, y, scale, REACH_RENDER_LEGEND_PLACES, width, height);
}

void
reach_render_legend_full (cairo_t                *cr,
                          double                  x,
                          double                  y,
                          double                  scale,
                          ReachRenderLegendFlags  flags,
                          double                 *width,
                          double                 *height)
{
  static const ReachColor neutral = { 0.62, 0.62, 0.65 };
  static const struct { gboolean asset, venue; const char *label; } kinds[] = {
    { TRUE, FALSE, N_("Community asset") },
    { FALSE, TRUE, N_("Consultation venue") },
    { TRUE, TRUE, N_("Asset and venue") },
  };
  cairo_surface_t *scratch = NULL;
  double row = 20 * scale, max_width = 0, cy = y;

  if (cr == NULL)
    {
      scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cr = cairo_create (scratch);
    }

  cairo_save (cr);
  if (flags & REACH_RENDER_LEGEND_PLACES)
    {
      for (guint c = 0; c < REACH_N_PLACE_CATEGORIES; c++, cy += row)
        {
          draw_symbol (cr, x + 10 * scale, cy + 10 * scale, reach_style_category_color (c),
                       TRUE, FALSE, REACH_RENDER_MARK_RADIUS * scale, scale);
          max_width = MAX (max_width, legend_row (cr, x, cy, scale, reach_place_category_label (c)));
        }

      cy += row / 2;
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++, cy += row)
        {
          draw_symbol (cr, x + 10 * scale, cy + 10 * scale, neutral, kinds[k].asset,
                       kinds[k].venue, REACH_RENDER_MARK_RADIUS * scale, scale);
          max_width = MAX (max_width, legend_row (cr, x, cy, scale, _(kinds[k].label)));
        }
    }
  if (flags & REACH_RENDER_LEGEND_RECENCY)
    {
      cy += cy > y ? row / 2 : 0;
      cy += legend_recency (cr, x, cy, scale, &max_width);
    }
  if (flags & REACH_RENDER_LEGEND_GROUPS)
    {
      cy += cy > y ? row / 2 : 0;
      cy += legend_groups (cr, x, cy, scale, &max_width);
    }
  cairo_restore (cr);

  if (scratch != NULL)
    {
      cairo_destroy (cr);
      cairo_surface_destroy (scratch);
    }
  if (width != NULL)
    *width = max_width;
  if (height != NULL)
    *height = cy - y;
}
