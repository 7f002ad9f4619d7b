/* reach-map-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is laid out in points (1/72 inch) whatever the output; a PNG
 * scales its context by dpi / 72.  The map itself is drawn in the frame's
 * own pixels (px_per_pt of them per point) so the base map's tiles come at
 * the resolution the output needs.
 */
#define G_LOG_DOMAIN "reach-map-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "reach-choropleth.h"
#include "reach-demo.h"
#include "reach-gaps.h"
#include "reach-group.h"
#include "reach-map-export.h"
#include "reach-map-frame.h"
#include "reach-mbtiles.h"
#include "reach-places.h"
#include "reach-render.h"
#include "reach-style.h"
#include "reach-suppress.h"
#include "reach-tile-image.h"

G_DEFINE_QUARK (reach-map-export-error-quark, reach_map_export_error)

#define DEFAULT_DPI        150
#define VECTOR_PX_PER_PT   (200.0 / 72.0)   /* tiles in PDF and SVG */
#define SYMBOL_PT          0.8              /* overlay scale: points per screen pixel */
#define MAX_MAP_ZOOM       17.0
#define EARTH_CIRCUMFERENCE 40075016.686

static const ReachColor muted_ink = { 0.33, 0.33, 0.36 };
static const ReachColor land = { 0.949, 0.937, 0.914 };

/* Paper and formats */

gboolean
reach_map_format_from_path (const char      *path,
                            ReachMapFormat  *format,
                            GError         **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = REACH_MAP_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = REACH_MAP_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = REACH_MAP_FORMAT_PDF;
  else
    {
      g_set_error (error, REACH_MAP_EXPORT_ERROR, REACH_MAP_EXPORT_ERROR_FORMAT,
                   _("%s: the file name must end in .png, .svg or .pdf"), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
reach_map_export_page_size (const ReachMapExportOptions  *options,
                            double                       *width,
                            double                       *height,
                            GError                      **error)
{
  const char *paper = options->paper != NULL ? options->paper : "A4";
  double w, h;

  if (g_ascii_strcasecmp (paper, "A4") == 0)
    w = 595, h = 842;
  else if (g_ascii_strcasecmp (paper, "A3") == 0)
    w = 842, h = 1191;
  else
    {
      g_set_error (error, REACH_MAP_EXPORT_ERROR, REACH_MAP_EXPORT_ERROR_PAPER,
                   _("“%s” is not a paper size; use A4 or A3"), paper);
      return FALSE;
    }
  *width = options->landscape ? h : w;
  *height = options->landscape ? w : h;
  return TRUE;
}

/* Text */

static PangoLayout *
text_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      wrap_width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int) (wrap_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws text at (x, y), its top left; returns its height.  With cr in
 * measure mode (draw FALSE) only measures. */
static double
show_text (cairo_t    *cr,
           gboolean    draw,
           double      x,
           double      y,
           const char *text,
           double      size,
           gboolean    bold,
           double      wrap_width,
           ReachColor  ink,
           double     *width)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, text, size, bold, wrap_width);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (draw)
    {
      cairo_move_to (cr, x, y);
      reach_style_set_source (cr, ink, 1.0);
      pango_cairo_show_layout (cr, layout);
    }
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  return (double) logical.height / PANGO_SCALE;
}

/* What goes on the map */

typedef struct
{
  ReachMapLayers  layers;
  ReachAreaLevel  level;
  GPtrArray      *areas;        /* ReachArea of level */
  GHashTable     *reach;        /* code → ReachAreaReach * (choropleth) */
  GArray         *reach_rows;
  GPtrArray      *places;       /* ReachPlace in the frame */
  char           *highlight;    /* area code */
  int             threshold;
  ReachChoropleth *choropleth;  /* the same classes and ramp as the screen */
} MapContent;

static void
map_content_clear (MapContent *content)
{
  g_clear_pointer (&content->areas, g_ptr_array_unref);
  g_clear_pointer (&content->reach, g_hash_table_unref);
  g_clear_pointer (&content->reach_rows, g_array_unref);
  g_clear_pointer (&content->places, g_ptr_array_unref);
  g_clear_pointer (&content->highlight, g_free);
  g_clear_pointer (&content->choropleth, reach_choropleth_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MapContent, map_content_clear)

static void
bbox_union (ReachBBox       *into,
            gboolean        *any,
            const ReachBBox *add)
{
  if (!*any)
    *into = *add;
  else
    {
      into->west = MIN (into->west, add->west);
      into->south = MIN (into->south, add->south);
      into->east = MAX (into->east, add->east);
      into->north = MAX (into->north, add->north);
    }
  *any = TRUE;
}

/* The level drawn when none was asked: wards, MSOAs, LSOAs, then LADs,
 * whichever the workspace has first. */
static GPtrArray *
pick_areas (ReachDb         *db,
            int              level,
            ReachAreaLevel  *picked,
            GError         **error)
{
  static const ReachAreaLevel order[] = {
    REACH_AREA_LEVEL_WARD, REACH_AREA_LEVEL_MSOA, REACH_AREA_LEVEL_LSOA, REACH_AREA_LEVEL_LAD,
  };

  if (level >= 0)
    {
      *picked = level;
      return reach_areas_list (db, level, error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(GPtrArray) areas = reach_areas_list (db, order[i], error);

      if (areas == NULL)
        return NULL;
      if (areas->len > 0 || i + 1 == G_N_ELEMENTS (order))
        {
          *picked = order[i];
          return g_steal_pointer (&areas);
        }
    }
  g_assert_not_reached ();
}

static ReachArea *
find_area (ReachDb     *db,
           const char  *code,
           GError     **error)
{
  g_autoptr(GPtrArray) all = reach_areas_list (db, -1, error);

  if (all == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      ReachArea *area = g_ptr_array_index (all, i);

      if (g_strcmp0 (area->code, code) == 0)
        return g_object_ref (area);
    }
  g_set_error (error, REACH_MAP_EXPORT_ERROR, REACH_MAP_EXPORT_ERROR_AREA,
               _("The workspace has no area with the code “%s”"), code);
  return NULL;
}

/* The extent: the view's box, one area's, or everything in the workspace
 * (else the base map's bounds). */
static gboolean
resolve_extent (ReachDb                     *db,
                const ReachMapExportOptions *options,
                MapContent                  *content,
                ReachMbtiles                *mbtiles,
                ReachBBox                   *bbox,
                GError                     **error)
{
  gboolean any = FALSE;

  if (options->has_bbox)
    {
      const ReachBBox *b = &options->bbox;

      if (!(b->west < b->east && b->south < b->north &&
            b->west >= -180 && b->east <= 180 && b->south >= -85 && b->north <= 85))
        {
          g_set_error (error, REACH_MAP_EXPORT_ERROR, REACH_MAP_EXPORT_ERROR_EXTENT,
                       _("The box %g,%g,%g,%g is not west,south,east,north in degrees"),
                       b->west, b->south, b->east, b->north);
          return FALSE;
        }
      *bbox = *b;
      return TRUE;
    }

  if (options->area_code != NULL)
    {
      g_autoptr(ReachArea) area = find_area (db, options->area_code, error);

      if (area == NULL)
        return FALSE;
      *bbox = area->geometry->bbox;
      content->highlight = g_strdup (area->code);
      return TRUE;
    }

  {
    g_autoptr(GPtrArray) places = reach_places_list (db, NULL, error);
    g_autoptr(GPtrArray) areas = reach_areas_list (db, -1, error);

    if (places == NULL || areas == NULL)
      return FALSE;
    for (guint i = 0; i < places->len; i++)
      {
        ReachPlace *p = g_ptr_array_index (places, i);
        ReachBBox pt = { p->lon, p->lat, p->lon, p->lat };

        bbox_union (bbox, &any, &pt);
      }
    for (guint i = 0; i < areas->len; i++)
      {
        ReachArea *a = g_ptr_array_index (areas, i);

        if (a->geometry != NULL)
          bbox_union (bbox, &any, &a->geometry->bbox);
      }
  }
  if (!any && !reach_mbtiles_get_bounds (mbtiles, bbox))
    *bbox = (ReachBBox) { -8.65, 49.85, 1.77, 60.86 };
  return TRUE;
}

/* Classes at quantiles of the rates shown (areas with a small count are
 * not shown, so they do not set the breaks either). */
static void
choropleth_classes (MapContent *content)
{
  static const double fallback[] = { 0, 1 };
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  const char *title = _("People reached per 1,000 residents");

  for (guint i = 0; i < content->reach_rows->len; i++)
    {
      ReachAreaReach *r = &g_array_index (content->reach_rows, ReachAreaReach, i);

      if (!isnan (r->per_1000) && r->reached > 0 &&
          !reach_suppress_is_small (r->reached, content->threshold))
        g_array_append_val (values, r->per_1000);
    }
  content->choropleth = reach_choropleth_new_quantiles ((const double *) (gpointer) values->data,
                                                        values->len, 5, 1, title);
  if (content->choropleth == NULL)
    {
      /* no rate to show: a key without classes, only the hatching and grey */
      content->choropleth = reach_choropleth_new_breaks (fallback, 1, 1, title);
      content->choropleth->n_classes = 0;
    }
}

static gboolean
load_content (ReachDb                     *db,
              const ReachMapExportOptions *options,
              MapContent                  *content,
              GError                     **error)
{
  content->layers = options->layers != 0 ? options->layers
                                         : REACH_MAP_LAYER_PLACES | REACH_MAP_LAYER_AREAS |
                                           REACH_MAP_LAYER_GROUPS;
  if ((content->threshold = reach_suppress_get_threshold (db, error)) < 0)
    return FALSE;

  if (content->layers & (REACH_MAP_LAYER_AREAS | REACH_MAP_LAYER_CHOROPLETH))
    {
      if (!(content->areas = pick_areas (db, options->level, &content->level, error)))
        return FALSE;
    }
  if (content->layers & REACH_MAP_LAYER_CHOROPLETH)
    {
      content->reach_rows = reach_gaps_area_reach (db, content->level, options->from,
                                                   options->to, error);
      if (content->reach_rows == NULL)
        return FALSE;
      content->reach = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < content->reach_rows->len; i++)
        {
          ReachAreaReach *r = &g_array_index (content->reach_rows, ReachAreaReach, i);
          g_hash_table_insert (content->reach, r->code, r);
        }
      choropleth_classes (content);
    }
  return TRUE;
}

/* The choropleth: the screen's classes; dots where a count is small */

/* Fills the current path (kept) with grey dots on white: an area whose
 * count is small.  The dots are vector paths clipped to the area. */
static void
fill_small (cairo_t *cr,
            double   scale)
{
  static const ReachColor grey = { 0.45, 0.45, 0.48 };
  double x0, y0, x1, y1, step = 6 * scale;
  guint row = 0;

  cairo_save (cr);
  reach_style_set_source (cr, REACH_STYLE_PAPER, 0.8);
  cairo_fill_preserve (cr);
  cairo_fill_extents (cr, &x0, &y0, &x1, &y1);
  cairo_clip_preserve (cr);
  cairo_new_path (cr);
  for (double y = y0 + step / 2; y < y1; y += step, row++)
    for (double x = x0 + (row % 2 ? step / 2 : step / 4); x < x1; x += step)
      {
        cairo_new_sub_path (cr);
        cairo_arc (cr, x, y, 1.5 * scale, 0, 2 * G_PI);
      }
  reach_style_set_source (cr, grey, 1.0);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Fills the current path (kept) for an area: its class, the hatching of
 * "not reached", grey for no residents, or dots for a small count, whose
 * rate would give the count away. */
static void
fill_area (cairo_t          *cr,
           const MapContent *content,
           const char       *code,
           double            scale)
{
  ReachAreaReach *r = g_hash_table_lookup (content->reach, code);

  if (r != NULL && reach_suppress_is_small (r->reached, content->threshold))
    fill_small (cr, scale);
  else if (r == NULL || r->residents <= 0)
    reach_choropleth_fill (cr, content->choropleth, NAN, FALSE, 0.85, scale);
  else
    reach_choropleth_fill (cr, content->choropleth, r->per_1000, r->reached == 0, 0.85, scale);
}

/* The map */

typedef struct
{
  GArray *xy;
  GArray *ring_sizes;
  GArray *shapes;
  GArray *offsets;   /* pairs of guint: xy offset, ring offset */
} Shapes;

static void
project_shapes (const ReachMapFrame *frame,
                const MapContent    *content,
                Shapes              *s)
{
  ReachBBox view = reach_map_frame_get_bbox (frame);

  s->xy = g_array_new (FALSE, FALSE, sizeof (double));
  s->ring_sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  s->shapes = g_array_new (FALSE, TRUE, sizeof (ReachAreaShape));
  s->offsets = g_array_new (FALSE, FALSE, sizeof (guint) * 2);

  for (guint i = 0; i < content->areas->len; i++)
    {
      ReachArea *area = g_ptr_array_index (content->areas, i);
      const ReachBBox *b;
      guint off[2] = { s->xy->len, s->ring_sizes->len };
      ReachAreaShape shape = { 0 };

      if (area->geometry == NULL)
        continue;
      b = &area->geometry->bbox;
      if (b->west > view.east || b->east < view.west || b->south > view.north || b->north < view.south)
        continue;

      for (guint p = 0; p < area->geometry->polygons->len; p++)
        {
          GPtrArray *rings = g_ptr_array_index (area->geometry->polygons, p);

          for (guint r = 0; r < rings->len; r++)
            {
              GArray *ring = g_ptr_array_index (rings, r);
              guint n = ring->len;

              for (guint k = 0; k < n; k++)
                {
                  const ReachLonLat *pt = &g_array_index (ring, ReachLonLat, k);
                  double x, y;

                  reach_map_frame_project (frame, pt->lat, pt->lon, &x, &y);
                  g_array_append_val (s->xy, x);
                  g_array_append_val (s->xy, y);
                }
              g_array_append_val (s->ring_sizes, n);
              shape.n_rings++;
            }
        }
      shape.name = area->name;
      shape.code = area->code;
      shape.level = area->level;
      shape.highlighted = g_strcmp0 (content->highlight, area->code) == 0;
      reach_map_frame_project (frame, area->label.lat, area->label.lon, &shape.label_x, &shape.label_y);
      g_array_append_val (s->shapes, shape);
      g_array_append_vals (s->offsets, off, 1);
    }

  for (guint i = 0; i < s->shapes->len; i++)
    {
      ReachAreaShape *shape = &g_array_index (s->shapes, ReachAreaShape, i);
      const guint *off = (const guint *) (gpointer) (s->offsets->data + i * 2 * sizeof (guint));

      shape->xy = &g_array_index (s->xy, double, off[0]);
      shape->ring_sizes = &g_array_index (s->ring_sizes, guint, off[1]);
    }
}

static void
shapes_clear (Shapes *s)
{
  g_clear_pointer (&s->xy, g_array_unref);
  g_clear_pointer (&s->ring_sizes, g_array_unref);
  g_clear_pointer (&s->shapes, g_array_unref);
  g_clear_pointer (&s->offsets, g_array_unref);
}

static void
shape_path (cairo_t              *cr,
            const ReachAreaShape *shape)
{
  const double *xy = shape->xy;

  cairo_new_path (cr);
  for (guint r = 0; r < shape->n_rings; r++)
    {
      guint n = shape->ring_sizes[r];

      for (guint i = 0; i < n; i++)
        (i == 0 ? cairo_move_to : cairo_line_to) (cr, xy[2 * i], xy[2 * i + 1]);
      if (n > 0)
        cairo_close_path (cr);
      xy += 2 * n;
    }
}

static void
draw_choropleth (cairo_t          *cr,
                 const MapContent *content,
                 const Shapes     *s,
                 double            scale)
{
  for (guint i = 0; i < s->shapes->len; i++)
    {
      const ReachAreaShape *shape = &g_array_index (s->shapes, ReachAreaShape, i);

      shape_path (cr, shape);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      fill_area (cr, content, shape->code, scale);
      cairo_new_path (cr);
    }
}

static void
draw_places (cairo_t             *cr,
             ReachDb             *db,
             const ReachMapFrame *frame,
             MapContent          *content,
             double               scale,
             GError             **error_out)
{
  ReachBBox view = reach_map_frame_get_bbox (frame);
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (ReachPlaceMark));
  g_autoptr(GError) error = NULL;

  content->places = reach_places_in_bbox (db, view.west, view.south, view.east, view.north, &error);
  if (content->places == NULL)
    {
      g_propagate_error (error_out, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < content->places->len; i++)
    {
      ReachPlace *p = g_ptr_array_index (content->places, i);
      ReachPlaceMark mark = { 0, 0, p->category, p->is_asset, p->is_venue, p->id };

      reach_map_frame_project (frame, p->lat, p->lon, &mark.x, &mark.y);
      g_array_append_val (marks, mark);
    }
  reach_render_places (cr, (const ReachPlaceMark *) (gpointer) marks->data, marks->len, scale, 0);
}

/* Where a group is drawn: its point, and the label point of each of its areas. */
static GArray *
group_points (ReachDb     *db,
              ReachGroup  *group,
              GError     **error)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (ReachLonLat));
  sqlite3_stmt *stmt;

  if (group->has_point)
    g_array_append_val (points, ((ReachLonLat) { group->lon, group->lat }));

  for (guint i = 0; i < group->area_ids->len; i++)
    {
      if (!(stmt = reach_db_prepare (db, "SELECT label_lon, label_lat FROM area WHERE id = ?1", error)))
        return NULL;
      sqlite3_bind_int64 (stmt, 1, g_array_index (group->area_ids, gint64, i));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_array_append_val (points, ((ReachLonLat) { sqlite3_column_double (stmt, 0),
                                                     sqlite3_column_double (stmt, 1) }));
      sqlite3_reset (stmt);
    }

  return g_steal_pointer (&points);
}

typedef struct
{
  double            x;
  double            y;
  ReachGroupStatus  status;
  const char       *name;    /* owned by the group list */
} GroupMark;

/* Community groups as the map shows them: a triangle by status, then the
 * names where they cover neither another name nor a triangle. */
static gboolean
draw_groups (cairo_t             *cr,
             ReachDb             *db,
             const ReachMapFrame *frame,
             double               scale,
             GError             **error)
{
  g_autoptr(GPtrArray) groups = reach_groups_list (db, NULL, error);
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (GroupMark));
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  g_autoptr(GDateTime) today = g_date_time_new_now_utc ();
  double r = REACH_RENDER_GROUP_RADIUS * scale;

  if (groups == NULL)
    return FALSE;

  for (guint i = 0; i < groups->len; i++)
    {
      ReachGroup *group = g_ptr_array_index (groups, i);
      g_autoptr(GArray) points = group_points (db, group, error);
      ReachGroupReach reach;

      if (points == NULL || !reach_groups_get_reach (db, group->id, today, &reach, error))
        return FALSE;

      for (guint j = 0; j < points->len; j++)
        {
          ReachLonLat p = g_array_index (points, ReachLonLat, j);
          GroupMark mark = { 0, 0, reach.status, group->name };

          reach_map_frame_project (frame, p.lat, p.lon, &mark.x, &mark.y);
          reach_render_group_symbol (cr, mark.x, mark.y, mark.status, scale);
          g_array_append_val (marks, mark);
          g_array_append_val (taken, ((cairo_rectangle_t) { mark.x - r, mark.y - r, 2 * r, 2 * r }));
        }
    }

  for (guint i = 0; i < marks->len; i++)
    {
      GroupMark *mark = &g_array_index (marks, GroupMark, i);

      reach_render_group_label (cr, mark->x, mark->y, mark->name, scale, taken);
    }

  return TRUE;
}

/* A bar of a round length (1, 2 or 5 × 10ⁿ metres) no wider than a
 * quarter of the map, measured at the map's centre latitude. */
static void
draw_scale_bar (cairo_t             *cr,
                const ReachMapFrame *frame,
                double               px_per_pt,
                double               x,
                double               y)
{
  double metres_per_pt = EARTH_CIRCUMFERENCE * cos (frame->center_lat * G_PI / 180)
                         / (256 * exp2 (frame->zoom)) * px_per_pt;
  double target = frame->width / px_per_pt * 0.25 * metres_per_pt;
  double unit = pow (10, floor (log10 (target))), metres = unit, bar, tw;
  g_autofree char *label = NULL;

  if (5 * unit <= target)
    metres = 5 * unit;
  else if (2 * unit <= target)
    metres = 2 * unit;
  bar = metres / metres_per_pt;
  label = metres >= 1000 ? g_strdup_printf (_("%g km"), metres / 1000)
                         : g_strdup_printf (_("%g m"), metres);

  show_text (cr, FALSE, 0, 0, label, 8, FALSE, 0, REACH_STYLE_INK, &tw);
  cairo_rectangle (cr, x - 6, y - 20, bar + tw + 20, 28);
  reach_style_set_source (cr, REACH_STYLE_PAPER, 0.85);
  cairo_fill (cr);

  /* two halves, black and white, so the length reads in greyscale */
  cairo_rectangle (cr, x, y - 4, bar / 2, 4);
  reach_style_set_source (cr, REACH_STYLE_INK, 1.0);
  cairo_fill (cr);
  cairo_rectangle (cr, x + bar / 2, y - 4, bar / 2, 4);
  reach_style_set_source (cr, REACH_STYLE_PAPER, 1.0);
  cairo_fill_preserve (cr);
  reach_style_set_source (cr, REACH_STYLE_INK, 1.0);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
  cairo_rectangle (cr, x, y - 4, bar, 4);
  cairo_stroke (cr);
  show_text (cr, TRUE, x - 2, y - 16, "0", 8, FALSE, 0, REACH_STYLE_INK, NULL);
  show_text (cr, TRUE, x + bar + 4, y - 8, label, 8, FALSE, 0, REACH_STYLE_INK, NULL);
}

static void
draw_north_arrow (cairo_t *cr,
                  double   x,
                  double   y)
{
  cairo_save (cr);
  cairo_arc (cr, x, y + 14, 15, 0, 2 * G_PI);
  reach_style_set_source (cr, REACH_STYLE_PAPER, 0.85);
  cairo_fill (cr);

  /* half dark, half light: points north in greyscale too */
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x - 6, y + 22);
  cairo_line_to (cr, x, y + 18);
  cairo_close_path (cr);
  reach_style_set_source (cr, REACH_STYLE_INK, 1.0);
  cairo_fill (cr);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + 6, y + 22);
  cairo_line_to (cr, x, y + 18);
  cairo_close_path (cr);
  reach_style_set_source (cr, REACH_STYLE_PAPER, 1.0);
  cairo_fill_preserve (cr);
  reach_style_set_source (cr, REACH_STYLE_INK, 1.0);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  cairo_restore (cr);

  {
    double w;
    show_text (cr, FALSE, 0, 0, "N", 9, TRUE, 0, REACH_STYLE_INK, &w);
    show_text (cr, TRUE, x - w / 2, y + 22, "N", 9, TRUE, 0, REACH_STYLE_INK, NULL);
  }
}

/* Past the pack's last zoom the tiles are blurred enlargements: wash them
 * towards white as the screen does, so they stay behind the overlays. */
static void
wash_enlarged (cairo_t             *cr,
               ReachMbtiles        *mbtiles,
               const ReachMapFrame *frame)
{
  int levels = (int) floor (frame->zoom + 1e-9) - reach_mbtiles_get_max_zoom (mbtiles);

  if (levels <= 0)
    return;
  reach_style_set_source (cr, REACH_STYLE_PAPER, reach_tile_image_wash (levels));
  cairo_paint (cr);
}

static gboolean
draw_map (cairo_t                     *cr,
          ReachDb                     *db,
          ReachMbtiles                *mbtiles,
          MapContent                  *content,
          const ReachBBox             *bbox,
          const cairo_rectangle_t     *rect,
          double                       px_per_pt,
          GError                     **error)
{
  ReachMapFrame frame = { 0, 0, 0, rect->width * px_per_pt, rect->height * px_per_pt };
  double scale = SYMBOL_PT * px_per_pt;
  Shapes shapes = { 0 };
  g_autoptr(GError) places_error = NULL;

  reach_map_frame_fit (&frame, bbox, 0.04 * MIN (frame.width, frame.height), MAX_MAP_ZOOM);

  cairo_save (cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip (cr);
  cairo_translate (cr, rect->x, rect->y);
  cairo_scale (cr, 1 / px_per_pt, 1 / px_per_pt);
  reach_style_set_source (cr, land, 1.0);
  cairo_paint (cr);
  if (!reach_render_base_map (cr, mbtiles, &frame, error))
    {
      cairo_restore (cr);
      return FALSE;
    }
  wash_enlarged (cr, mbtiles, &frame);

  if (content->areas != NULL)
    {
      project_shapes (&frame, content, &shapes);
      if (content->layers & REACH_MAP_LAYER_CHOROPLETH)
        draw_choropleth (cr, content, &shapes, scale);
      reach_render_areas (cr, (const ReachAreaShape *) (gpointer) shapes.shapes->data,
                          shapes.shapes->len, frame.zoom - log2 (scale), scale);
      shapes_clear (&shapes);
    }
  if (content->layers & REACH_MAP_LAYER_PLACES)
    draw_places (cr, db, &frame, content, scale, &places_error);
  /* groups over places: they are what a board asks about */
  if (places_error == NULL && (content->layers & REACH_MAP_LAYER_GROUPS))
    draw_groups (cr, db, &frame, scale, &places_error);
  cairo_restore (cr);

  if (places_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&places_error));
      return FALSE;
    }

  /* furniture, in points */
  draw_scale_bar (cr, &frame, px_per_pt, rect->x + 14, rect->y + rect->height - 12);
  draw_north_arrow (cr, rect->x + rect->width - 24, rect->y + 10);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  reach_style_set_source (cr, REACH_STYLE_INK, 1.0);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
  return TRUE;
}

/* The key */

#define KEY_TEXT 8.5
#define KEY_HEAD 10
#define KEY_ROW  14

/* One row of the key: a swatch drawn by the caller at (x, y, 16 × 10),
 * then the label.  Returns the row's height. */
static double
key_label (cairo_t    *cr,
           gboolean    draw,
           double      x,
           double      y,
           double      width,
           const char *text)
{
  double h = show_text (cr, draw, x + 22, y, text, KEY_TEXT, FALSE, width - 22, REACH_STYLE_INK, NULL);

  return MAX (h, 10) + 4;
}

static double
key_swatch_small (cairo_t    *cr,
                  gboolean    draw,
                  double      x,
                  double      y,
                  double      width,
                  const char *text)
{
  if (draw)
    {
      cairo_save (cr);
      cairo_rectangle (cr, x + 0.5, y + 0.5, 15.4, 9.8);
      fill_small (cr, 0.7);
      cairo_rectangle (cr, x + 0.5, y + 0.5, 15.4, 9.8);
      reach_style_set_source (cr, REACH_STYLE_INK, 0.6);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  return key_label (cr, draw, x, y, width, text);
}

static double
key_places (cairo_t          *cr,
            gboolean          draw,
            double            x,
            double            y,
            double            width,
            const MapContent *content)
{
  double h = show_text (cr, draw, x, y, _("Places"), KEY_HEAD, TRUE, width, REACH_STYLE_INK, NULL) + 4;
  ReachRenderLegendFlags flags = 0;
  double lh = 0;

  if (content->layers & REACH_MAP_LAYER_PLACES)
    flags |= REACH_RENDER_LEGEND_PLACES;
  if (content->layers & REACH_MAP_LAYER_GROUPS)
    flags |= REACH_RENDER_LEGEND_GROUPS;
  reach_render_legend_full (draw ? cr : NULL, x, y + h, 0.7, flags, NULL, &lh);
  return h + lh;
}

static double
key_areas (cairo_t          *cr,
           gboolean          draw,
           double            x,
           double            y,
           double            width,
           const MapContent *content)
{
  double cy = y;
  g_autofree char *boundary = g_strdup_printf (_("%s boundary"), reach_area_level_label (content->level));

  cy += show_text (cr, draw, x, cy, _("Areas"), KEY_HEAD, TRUE, width, REACH_STYLE_INK, NULL) + 4;
  if (draw)
    {
      cairo_save (cr);
      cairo_rectangle (cr, x, cy + 1, 16, 10);
      reach_style_set_source (cr, reach_style_area_color (content->level), 0.9);
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  cy += key_label (cr, draw, x, cy, width, boundary);
  if (content->highlight != NULL)
    {
      if (draw)
        {
          cairo_save (cr);
          cairo_rectangle (cr, x, cy + 1, 16, 10);
          reach_style_set_source (cr, REACH_STYLE_SELECTION, 0.2);
          cairo_fill_preserve (cr);
          reach_style_set_source (cr, REACH_STYLE_SELECTION, 1.0);
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      cy += key_label (cr, draw, x, cy, width, _("The area this map is about"));
    }
  return cy - y;
}

static double
key_choropleth (cairo_t          *cr,
                gboolean          draw,
                double            x,
                double            y,
                double            width,
                const MapContent *content)
{
  g_autofree char *small = g_strdup_printf (_("Fewer than %d people reached: rate not shown"),
                                            content->threshold);
  double h = 0;

  reach_choropleth_draw_legend (draw ? cr : NULL, content->choropleth, x, y, 0.7,
                                REACH_STYLE_INK, NULL, &h);
  if (content->threshold > 1)
    h += key_swatch_small (cr, draw, x, y + h, width, small);
  return h;
}

typedef double (*KeySection) (cairo_t *, gboolean, double, double, double, const MapContent *);

static double
key_places_section (cairo_t          *cr,
                    gboolean          draw,
                    double            x,
                    double            y,
                    double            width,
                    const MapContent *content)
{
  return key_places (cr, draw, x, y, width, content);
}

static guint
key_sections (const MapContent *content,
              KeySection        sections[3])
{
  guint n = 0;

  if (content->layers & (REACH_MAP_LAYER_PLACES | REACH_MAP_LAYER_GROUPS))
    sections[n++] = key_places_section;
  if (content->layers & REACH_MAP_LAYER_CHOROPLETH)
    sections[n++] = key_choropleth;
  if (content->areas != NULL)
    sections[n++] = key_areas;
  return n;
}

/* Side by side (across) or one under another; returns the height used. */
static double
draw_key (cairo_t          *cr,
          gboolean          draw,
          const MapContent *content,
          double            x,
          double            y,
          double            width,
          gboolean          across)
{
  KeySection sections[3];
  guint n = key_sections (content, sections);
  double col = across && n > 0 ? (width - 12 * (n - 1)) / n : width, used = 0, cy = y;

  for (guint i = 0; i < n; i++)
    {
      double h;

      if (across)
        {
          h = sections[i] (cr, draw, x + i * (col + 12), y, col, content);
          used = MAX (used, h);
        }
      else
        {
          cy += sections[i] (cr, draw, x, cy, col, content) + 12;
          used = cy - y;
        }
    }
  return used;
}

/* Sources, attributions and the note */

static char *
sources_text (ReachDb                     *db,
              ReachMbtiles                *mbtiles,
              const MapContent            *content,
              GDateTime                   *now)
{
  GString *out = g_string_new (NULL);
  g_autofree char *date = g_date_time_format (now, "%-d %B %Y");
  g_autofree char *base = g_path_get_basename (reach_db_get_path (db));
  const char *attribution = reach_mbtiles_get_attribution_text (mbtiles);
  g_autofree char *note = reach_suppress_note (content->threshold);
  int year = g_date_time_get_year (now);

  g_string_append_printf (out, _("Made with Reach on %s from the workspace “%s”."), date, base);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Base map: %s."),
                          attribution != NULL ? attribution : "© OpenStreetMap contributors (ODbL)");
  if (attribution == NULL || strstr (attribution, "OpenStreetMap") == NULL)
    g_string_append (out, " © OpenStreetMap contributors.");
  g_string_append_c (out, '\n');
  if (content->areas != NULL)
    {
      g_string_append_printf (out, _("Boundaries: Office for National Statistics, licensed under "
                                     "the Open Government Licence v3.0. Contains OS data © Crown "
                                     "copyright and database right %d."), year);
      g_string_append_c (out, '\n');
    }
  if (content->layers & REACH_MAP_LAYER_CHOROPLETH)
    {
      g_string_append (out, _("Residents: ONS Census 2021, Open Government Licence v3.0. People "
                              "reached: activities recorded in this workspace, counted where "
                              "they live."));
      g_string_append_c (out, '\n');
    }
  if (content->layers & REACH_MAP_LAYER_PLACES)
    {
      g_string_append (out, _("Places: this workspace’s places (community assets and consultation "
                              "venues), which may include data © OpenStreetMap contributors. "
                              "Individual people are never shown."));
      g_string_append_c (out, '\n');
    }
  if (note != NULL)
    g_string_append_printf (out, _("Small numbers: %s"), note);
  return g_string_free (out, FALSE);
}

static char *
default_subtitle (const MapContent *content)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (content->layers & REACH_MAP_LAYER_PLACES)
    g_ptr_array_add (parts, g_strdup (_("Community assets and consultation venues")));
  if (content->layers & REACH_MAP_LAYER_GROUPS)
    g_ptr_array_add (parts, g_strdup (_("Community groups")));
  if (content->layers & REACH_MAP_LAYER_CHOROPLETH)
    g_ptr_array_add (parts, g_strdup (_("People reached per 1,000 residents")));
  if (content->areas != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("%s boundaries"), reach_area_level_label (content->level)));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

gboolean
reach_map_export_draw (cairo_t                     *cr,
                       ReachDb                     *db,
                       const ReachMapExportOptions *options,
                       double                       width,
                       double                       height,
                       double                       px_per_pt,
                       GError                     **error)
{
  g_auto(MapContent) content = { 0 };
  g_autoptr(ReachMbtiles) mbtiles = NULL;
  g_autoptr(GDateTime) now = options->now != NULL ? g_date_time_ref (options->now)
                                                  : g_date_time_new_now_local ();
  g_autofree char *tiles = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *sources = NULL;
  gboolean landscape = width > height;
  double margin = MIN (width, height) * 0.045, inner = width - 2 * margin;
  double y = margin, footer_h, key_w, key_h;
  cairo_rectangle_t map;
  ReachBBox bbox = { 0 };
  gboolean ok;

  /* A page smaller than A4 (a PNG of a few hundred pixels) is laid out as
   * an A4-sized page and shrunk, so the key and the sources still fit. */
  if (MIN (width, height) < 595)
    {
      double shrink = MIN (width, height) / 595;

      cairo_save (cr);
      cairo_scale (cr, shrink, shrink);
      ok = reach_map_export_draw (cr, db, options, width / shrink, height / shrink,
                                  px_per_pt * shrink, error);
      cairo_restore (cr);
      return ok;
    }

  tiles = options->mbtiles_path != NULL ? g_strdup (options->mbtiles_path)
                                        : g_build_filename (reach_data_dir (), "tiles",
                                                            "uk_osm_z0-6.mbtiles", NULL);
  if (!(mbtiles = reach_mbtiles_open (tiles, error)) ||
      !load_content (db, options, &content, error) ||
      !resolve_extent (db, options, &content, mbtiles, &bbox, error))
    return FALSE;

  subtitle = options->subtitle != NULL ? g_strdup (options->subtitle) : default_subtitle (&content);
  sources = sources_text (db, mbtiles, &content, now);

  cairo_save (cr);
  reach_style_set_source (cr, REACH_STYLE_PAPER, 1.0);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  y += show_text (cr, TRUE, margin, y, options->title != NULL ? options->title : _("Engagement map"),
                  20, TRUE, inner, REACH_STYLE_INK, NULL) + 2;
  y += show_text (cr, TRUE, margin, y, subtitle, 11, FALSE, inner, muted_ink, NULL) + 10;

  footer_h = show_text (cr, FALSE, 0, 0, sources, 7, FALSE, inner, muted_ink, NULL);
  show_text (cr, TRUE, margin, height - margin - footer_h, sources, 7, FALSE, inner, muted_ink, NULL);

  if (landscape)
    {
      key_w = MAX (150, inner * 0.24);
      map = (cairo_rectangle_t) { margin, y, inner - key_w - 14, height - margin - footer_h - 10 - y };
      draw_key (cr, TRUE, &content, margin + map.width + 14, y, key_w, FALSE);
    }
  else
    {
      key_h = draw_key (cr, FALSE, &content, margin, 0, inner, TRUE);
      map = (cairo_rectangle_t) { margin, y, inner, height - margin - footer_h - 10 - key_h - 12 - y };
      draw_key (cr, TRUE, &content, margin, map.y + map.height + 12, inner, TRUE);
    }

  if (map.width < 50 || map.height < 50)
    {
      cairo_restore (cr);
      g_set_error (error, REACH_MAP_EXPORT_ERROR, REACH_MAP_EXPORT_ERROR_SIZE,
                   _("The page is too small to hold a map, its key and its sources"));
      return FALSE;
    }
  if (!draw_map (cr, db, mbtiles, &content, &bbox, &map, px_per_pt, error))
    {
      cairo_restore (cr);
      return FALSE;
    }
  cairo_restore (cr);
  return TRUE;
}

/* Files */

/* cairo writes no pHYs chunk: copy into a pixbuf (straight alpha) and let
 * gdk-pixbuf save it with the dpi. */
static gboolean
save_png (cairo_surface_t  *surface,
          const char       *path,
          int               dpi,
          GError          **error)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *src;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, w, h);
  g_autofree char *dpi_text = g_strdup_printf ("%d", dpi);
  guchar *dst = gdk_pixbuf_get_pixels (pixbuf);
  int dst_stride = gdk_pixbuf_get_rowstride (pixbuf);

  cairo_surface_flush (surface);
  src = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 px = *(const guint32 *) (gconstpointer) (src + y * stride + 4 * x);
        guchar *out = dst + y * dst_stride + 3 * x;

        /* RGB24: the page is opaque, the top byte unused */
        out[0] = (px >> 16) & 0xff;
        out[1] = (px >> 8) & 0xff;
        out[2] = px & 0xff;
      }
  return gdk_pixbuf_save (pixbuf, path, "png", error, "x-dpi", dpi_text, "y-dpi", dpi_text, NULL);
}

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, REACH_MAP_EXPORT_ERROR, REACH_MAP_EXPORT_ERROR_WRITE,
               _("%s: could not write: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

static gboolean
export_png (ReachDb                     *db,
            const ReachMapExportOptions *options,
            const char                  *path,
            GError                     **error)
{
  int dpi = options->dpi > 0 ? options->dpi : DEFAULT_DPI;
  double pw, ph;
  int w = options->width_px, h = options->height_px;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  if (dpi < 36 || dpi > REACH_MAP_EXPORT_MAX_DPI)
    {
      g_set_error (error, REACH_MAP_EXPORT_ERROR, REACH_MAP_EXPORT_ERROR_SIZE,
                   _("%d dpi is out of range; use 36 to %d"), dpi, REACH_MAP_EXPORT_MAX_DPI);
      return FALSE;
    }
  if ((w > 0) != (h > 0) || w < 0 || h < 0 ||
      w > REACH_MAP_EXPORT_MAX_PIXELS || h > REACH_MAP_EXPORT_MAX_PIXELS)
    {
      g_set_error (error, REACH_MAP_EXPORT_ERROR, REACH_MAP_EXPORT_ERROR_SIZE,
                   _("Give both a width and a height from 1 to %d pixels"),
                   REACH_MAP_EXPORT_MAX_PIXELS);
      return FALSE;
    }
  if (w == 0)
    {
      if (!reach_map_export_page_size (options, &pw, &ph, error))
        return FALSE;
      w = (int) round (pw * dpi / 72);
      h = (int) round (ph * dpi / 72);
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cr = cairo_create (surface);
  cairo_scale (cr, dpi / 72.0, dpi / 72.0);
  ok = reach_map_export_draw (cr, db, options, w * 72.0 / dpi, h * 72.0 / dpi, dpi / 72.0, error);
  cairo_destroy (cr);
  ok = ok && check_surface (surface, path, error) && save_png (surface, path, dpi, error);
  cairo_surface_destroy (surface);
  return ok;
}

static gboolean
export_vector (ReachDb                     *db,
               const ReachMapExportOptions *options,
               ReachMapFormat               format,
               const char                  *path,
               GError                     **error)
{
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  if (!reach_map_export_page_size (options, &w, &h, error))
    return FALSE;

  if (format == REACH_MAP_FORMAT_PDF)
    {
      surface = cairo_pdf_surface_create (path, w, h);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                      options->title != NULL ? options->title : _("Engagement map"));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Reach");
    }
  else
    {
      surface = cairo_svg_surface_create (path, w, h);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
    }
  if (!check_surface (surface, path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
  ok = reach_map_export_draw (cr, db, options, w, h, VECTOR_PX_PER_PT, error);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = ok && check_surface (surface, path, error);
  cairo_surface_destroy (surface);
  if (!ok)
    g_unlink (path);
  return ok;
}

gboolean
reach_map_export (ReachDb                     *db,
                  const ReachMapExportOptions *options,
                  const char                  *path,
                  GError                     **error)
{
  ReachMapFormat format;

  g_return_val_if_fail (REACH_IS_DB (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!reach_map_format_from_path (path, &format, error))
    return FALSE;
  if (format == REACH_MAP_FORMAT_PNG)
    return export_png (db, options, path, error);
  return export_vector (db, options, format, path, error);
}
