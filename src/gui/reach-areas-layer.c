/* reach-areas-layer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-areas-layer"

#include "config.h"

#include <math.h>

#include "reach-area.h"
#include "reach-areas-layer.h"
#include "reach-render.h"

#define MIN_STEP 0.7  /* pixels: closer points add nothing visible */

struct _ReachAreasLayer
{
  ShumateLayer  parent_instance;

  GPtrArray    *areas;          /* of ReachArea */
  gint64        highlighted_id;

  ReachChoropleth *choropleth;  /* NULL: plain boundaries */
  GHashTable   *values;         /* area id → ReachAreaValue */
};

G_DEFINE_FINAL_TYPE (ReachAreasLayer, reach_areas_layer, SHUMATE_TYPE_LAYER)

/* Web Mercator is an affine map away from widget coordinates, so three
 * points from the viewport fix it; projecting thousands of vertices
 * through it is much cheaper than asking the viewport for each. */
typedef struct
{
  double a, b, c, d;   /* widget = [a b; c d] · mercator + t */
  double tx, ty;
} Projector;

static void
mercator (double  lat,
          double  lon,
          double *mx,
          double *my)
{
  double phi = CLAMP (lat, -85.05112878, 85.05112878) * G_PI / 180.0;

  *mx = (lon + 180.0) / 360.0;
  *my = (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

static gboolean
projector_init (Projector       *proj,
                ShumateViewport *viewport,
                GtkWidget       *widget,
                double           width,
                double           height)
{
  const double wx[3] = { 0, width, 0 }, wy[3] = { 0, 0, height };
  double mx[3], my[3], det, m11, m12, m21, m22;

  for (int i = 0; i < 3; i++)
    {
      double lat, lon;

      shumate_viewport_widget_coords_to_location (viewport, widget, wx[i], wy[i], &lat, &lon);
      mercator (lat, lon, &mx[i], &my[i]);
    }

  /* Columns: mercator steps along the widget's top and left edges. */
  m11 = mx[1] - mx[0]; m12 = mx[2] - mx[0];
  m21 = my[1] - my[0]; m22 = my[2] - my[0];
  det = m11 * m22 - m12 * m21;
  if (fabs (det) < 1e-30)
    return FALSE;

  /* A = W · M⁻¹ with W = [width 0; 0 height]. */
  proj->a = width * m22 / det;
  proj->b = -width * m12 / det;
  proj->c = -height * m21 / det;
  proj->d = height * m11 / det;
  proj->tx = -(proj->a * mx[0] + proj->b * my[0]);
  proj->ty = -(proj->c * mx[0] + proj->d * my[0]);
  return TRUE;
}

static void
project (const Projector *proj,
         double           lat,
         double           lon,
         double          *x,
         double          *y)
{
  double mx, my;

  mercator (lat, lon, &mx, &my);
  *x = proj->a * mx + proj->b * my + proj->tx;
  *y = proj->c * mx + proj->d * my + proj->ty;
}

static ReachBBox
visible_bbox (ShumateViewport *viewport,
              GtkWidget       *widget,
              double           width,
              double           height)
{
  const double wx[4] = { 0, width, 0, width }, wy[4] = { 0, 0, height, height };
  ReachBBox box = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  /* All four corners: the map may be rotated. */
  for (int i = 0; i < 4; i++)
    {
      double lat, lon;

      shumate_viewport_widget_coords_to_location (viewport, widget, wx[i], wy[i], &lat, &lon);
      box.west = MIN (box.west, lon);
      box.east = MAX (box.east, lon);
      box.south = MIN (box.south, lat);
      box.north = MAX (box.north, lat);
    }
  return box;
}

static gboolean
bbox_intersects (const ReachBBox *a,
                 const ReachBBox *b)
{
  return a->west <= b->east && b->west <= a->east &&
         a->south <= b->north && b->south <= a->north;
}

/* Appends the area's rings, thinned to what shows at this zoom; returns
 * the number of rings kept. */
static guint
project_area (const Projector *proj,
              ReachArea       *area,
              GArray          *xy,
              GArray          *ring_sizes)
{
  guint n_rings = 0;

  for (guint p = 0; p < area->geometry->polygons->len; p++)
    {
      GPtrArray *rings = g_ptr_array_index (area->geometry->polygons, p);

      for (guint r = 0; r < rings->len; r++)
        {
          GArray *ring = g_ptr_array_index (rings, r);
          guint kept = 0;
          double last_x = 0, last_y = 0;

          for (guint i = 0; i < ring->len; i++)
            {
              const ReachLonLat *pt = &g_array_index (ring, ReachLonLat, i);
              double x, y;

              project (proj, pt->lat, pt->lon, &x, &y);
              if (kept > 0 && i + 1 < ring->len &&
                  fabs (x - last_x) < MIN_STEP && fabs (y - last_y) < MIN_STEP)
                continue;
              g_array_append_val (xy, x);
              g_array_append_val (xy, y);
              last_x = x;
              last_y = y;
              kept++;
            }

          if (kept < 3)
            {
              g_array_set_size (xy, xy->len - 2 * kept);
              continue;
            }
          g_array_append_val (ring_sizes, kept);
          n_rings++;
        }
    }
  return n_rings;
}

typedef struct
{
  guint xy_offset;
  guint ring_offset;
  gint64 area_id;
} ShapeOffsets;

/* Choropleth fills go under the boundaries and labels reach_render_areas
 * draws, so the map keeps its names and outlines. */
static void
fill_choropleth (ReachAreasLayer      *self,
                 cairo_t              *cr,
                 const ReachAreaShape *shapes,
                 GArray               *offsets)
{
  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (guint i = 0; i < offsets->len; i++)
    {
      const ShapeOffsets *off = &g_array_index (offsets, ShapeOffsets, i);
      const ReachAreaShape *shape = &shapes[i];
      const ReachAreaValue *value = g_hash_table_lookup (self->values, &off->area_id);
      const double *xy = shape->xy;

      cairo_new_path (cr);
      for (guint r = 0; r < shape->n_rings; r++)
        {
          for (guint k = 0; k < shape->ring_sizes[r]; k++, xy += 2)
            {
              if (k == 0)
                cairo_move_to (cr, xy[0], xy[1]);
              else
                cairo_line_to (cr, xy[0], xy[1]);
            }
          cairo_close_path (cr);
        }
      reach_choropleth_fill (cr, self->choropleth, value != NULL ? value->value : NAN,
                             value != NULL && value->not_reached, 0.78, 1.0);
    }
  cairo_new_path (cr);
  cairo_restore (cr);
}

static void
reach_areas_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  ReachAreasLayer *self = REACH_AREAS_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr(GArray) xy = NULL;
  g_autoptr(GArray) ring_sizes = NULL;
  g_autoptr(GArray) shapes = NULL;
  g_autoptr(GArray) offsets = NULL;
  Projector proj;
  ReachBBox view;
  cairo_t *cr;

  if (viewport == NULL || self->areas->len == 0 || width <= 0 || height <= 0 ||
      !projector_init (&proj, viewport, widget, width, height))
    return;

  view = visible_bbox (viewport, widget, width, height);
  xy = g_array_new (FALSE, FALSE, sizeof (double));
  ring_sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  shapes = g_array_new (FALSE, TRUE, sizeof (ReachAreaShape));
  offsets = g_array_new (FALSE, FALSE, sizeof (ShapeOffsets));

  for (guint i = 0; i < self->areas->len; i++)
    {
      ReachArea *area = g_ptr_array_index (self->areas, i);
      ShapeOffsets off = { xy->len, ring_sizes->len, area->id };
      ReachAreaShape shape = { 0 };

      if (area->geometry == NULL || !bbox_intersects (&area->geometry->bbox, &view))
        continue;

      shape.n_rings = project_area (&proj, area, xy, ring_sizes);
      if (shape.n_rings == 0)
        continue;
      shape.name = area->name;
      shape.code = area->code;
      shape.level = area->level;
      shape.highlighted = (self->highlighted_id != 0 && area->id == self->highlighted_id);
      project (&proj, area->label.lat, area->label.lon, &shape.label_x, &shape.label_y);
      g_array_append_val (shapes, shape);
      g_array_append_val (offsets, off);
    }

  if (shapes->len == 0)
    return;

  /* The arrays have stopped growing: now the pointers hold still. */
  for (guint i = 0; i < shapes->len; i++)
    {
      ReachAreaShape *shape = &g_array_index (shapes, ReachAreaShape, i);
      const ShapeOffsets *off = &g_array_index (offsets, ShapeOffsets, i);

      shape->xy = &g_array_index (xy, double, off->xy_offset);
      shape->ring_sizes = &g_array_index (ring_sizes, guint, off->ring_offset);
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->choropleth != NULL)
    fill_choropleth (self, cr, (ReachAreaShape *) (gpointer) shapes->data, offsets);
  reach_render_areas (cr, (ReachAreaShape *) (gpointer) shapes->data, shapes->len,
                      shumate_viewport_get_zoom_level (viewport), 1.0);
  cairo_destroy (cr);
}

static void
reach_areas_layer_constructed (GObject *object)
{
  ReachAreasLayer *self = REACH_AREAS_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (reach_areas_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  if (viewport != NULL)
    g_signal_connect_object (viewport, "notify", G_CALLBACK (gtk_widget_queue_draw),
                             self, G_CONNECT_SWAPPED);
}

static void
reach_areas_layer_finalize (GObject *object)
{
  ReachAreasLayer *self = REACH_AREAS_LAYER (object);

  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_clear_pointer (&self->choropleth, reach_choropleth_free);
  g_clear_pointer (&self->values, g_hash_table_unref);

  G_OBJECT_CLASS (reach_areas_layer_parent_class)->finalize (object);
}

static void
reach_areas_layer_class_init (ReachAreasLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = reach_areas_layer_constructed;
  object_class->finalize = reach_areas_layer_finalize;
  widget_class->snapshot = reach_areas_layer_snapshot;
}

static void
reach_areas_layer_init (ReachAreasLayer *self)
{
  self->areas = g_ptr_array_new_with_free_func (g_object_unref);
  self->values = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  /* Clicks go through to the places layer and the map. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

ReachAreasLayer *
reach_areas_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (REACH_TYPE_AREAS_LAYER, "viewport", viewport, NULL);
}

void
reach_areas_layer_set_areas (ReachAreasLayer *self,
                             GPtrArray       *areas)
{
  g_return_if_fail (REACH_IS_AREAS_LAYER (self));

  g_ptr_array_set_size (self->areas, 0);
  for (guint i = 0; areas != NULL && i < areas->len; i++)
    {
      ReachArea *area = g_ptr_array_index (areas, i);

      if (!REACH_IS_AREA (area))
        {
          g_critical ("%s: item %u is not a ReachArea", G_STRFUNC, i);
          continue;
        }
      g_ptr_array_add (self->areas, g_object_ref (area));
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
reach_areas_layer_get_n_areas (ReachAreasLayer *self)
{
  g_return_val_if_fail (REACH_IS_AREAS_LAYER (self), 0);
  return self->areas->len;
}

void
reach_areas_layer_set_highlighted (ReachAreasLayer *self,
                                   gint64           id)
{
  g_return_if_fail (REACH_IS_AREAS_LAYER (self));

  if (self->highlighted_id == id)
    return;
  self->highlighted_id = id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
reach_areas_layer_area_at (ReachAreasLayer *self,
                           double           x,
                           double           y)
{
  ShumateViewport *viewport;
  double lat, lon, best_size = G_MAXDOUBLE;
  gint64 found = 0;

  g_return_val_if_fail (REACH_IS_AREAS_LAYER (self), 0);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self), x, y, &lat, &lon);

  /* The smallest containing area: an LSOA inside its ward. */
  for (guint i = 0; i < self->areas->len; i++)
    {
      ReachArea *area = g_ptr_array_index (self->areas, i);
      const ReachBBox *b;
      double size;

      if (area->geometry == NULL)
        continue;
      b = &area->geometry->bbox;
      if (lon < b->west || lon > b->east || lat < b->south || lat > b->north)
        continue;
      size = (b->east - b->west) * (b->north - b->south);
      if (size < best_size && reach_geometry_contains (area->geometry, lon, lat))
        {
          best_size = size;
          found = area->id;
        }
    }
  return found;
}

void
reach_areas_layer_set_choropleth (ReachAreasLayer       *self,
                                  const ReachChoropleth *choropleth,
                                  const ReachAreaValue  *values,
                                  guint                  n_values)
{
  g_return_if_fail (REACH_IS_AREAS_LAYER (self));
  g_return_if_fail (values != NULL || n_values == 0);

  g_clear_pointer (&self->choropleth, reach_choropleth_free);
  g_hash_table_remove_all (self->values);
  if (choropleth != NULL)
    {
      self->choropleth = reach_choropleth_copy (choropleth);
      for (guint i = 0; i < n_values; i++)
        {
          ReachAreaValue *copy = g_memdup2 (&values[i], sizeof values[i]);

          /* the key lives inside the value it finds */
          g_hash_table_replace (self->values, &copy->area_id, copy);
        }
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const ReachChoropleth *
reach_areas_layer_get_choropleth (ReachAreasLayer *self)
{
  g_return_val_if_fail (REACH_IS_AREAS_LAYER (self), NULL);
  return self->choropleth;
}

ReachArea *
reach_areas_layer_get_area (ReachAreasLayer *self,
                            gint64           id)
{
  g_return_val_if_fail (REACH_IS_AREAS_LAYER (self), NULL);

  for (guint i = 0; i < self->areas->len; i++)
    {
      ReachArea *area = g_ptr_array_index (self->areas, i);

      if (area->id == id)
        return area;
    }
  return NULL;
}
