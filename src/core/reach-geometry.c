/* reach-geometry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-geometry"

#include "config.h"

#include <math.h>

#include "reach-geometry.h"

G_DEFINE_QUARK (reach-geometry-error-quark, reach_geometry_error)

void
reach_geometry_free (ReachGeometry *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->polygons);
  g_free (self);
}

static void
bbox_extend (ReachBBox   *bbox,
             ReachLonLat  p)
{
  bbox->west = MIN (bbox->west, p.lon);
  bbox->east = MAX (bbox->east, p.lon);
  bbox->south = MIN (bbox->south, p.lat);
  bbox->north = MAX (bbox->north, p.lat);
}

static gboolean
read_position (JsonNode    *node,
               ReachLonLat *p)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  if (json_array_get_length (array) < 2)
    return FALSE;

  for (guint i = 0; i < 2; i++)
    {
      JsonNode *n = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (n) ||
          (json_node_get_value_type (n) != G_TYPE_DOUBLE &&
           json_node_get_value_type (n) != G_TYPE_INT64))
        return FALSE;
    }

  p->lon = json_array_get_double_element (array, 0);
  p->lat = json_array_get_double_element (array, 1);
  return isfinite (p->lon) && isfinite (p->lat) &&
         p->lon >= -180 && p->lon <= 180 && p->lat >= -90 && p->lat <= 90;
}

static GArray *
read_ring (JsonNode  *node,
           GError   **error)
{
  g_autoptr(GArray) ring = g_array_new (FALSE, FALSE, sizeof (ReachLonLat));
  JsonArray *array;
  ReachLonLat first, last;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, REACH_GEOMETRY_ERROR, REACH_GEOMETRY_ERROR_INVALID,
                           "a ring is not an array of positions");
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      ReachLonLat p;

      if (!read_position (json_array_get_element (array, i), &p))
        {
          g_set_error (error, REACH_GEOMETRY_ERROR, REACH_GEOMETRY_ERROR_INVALID,
                       "position %u is not a longitude and latitude pair in range", i + 1);
          return NULL;
        }
      g_array_append_val (ring, p);
    }

  if (ring->len < 4)
    {
      g_set_error (error, REACH_GEOMETRY_ERROR, REACH_GEOMETRY_ERROR_INVALID,
                   "a ring has %u positions; it needs at least 4", ring->len);
      return NULL;
    }

  first = g_array_index (ring, ReachLonLat, 0);
  last = g_array_index (ring, ReachLonLat, ring->len - 1);
  if (first.lon != last.lon || first.lat != last.lat)
    {
      g_set_error_literal (error, REACH_GEOMETRY_ERROR, REACH_GEOMETRY_ERROR_INVALID,
                           "a ring does not end where it starts");
      return NULL;
    }

  return g_steal_pointer (&ring);
}

static GPtrArray *
read_polygon (JsonNode  *node,
              GError   **error)
{
  g_autoptr(GPtrArray) rings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (array = json_node_get_array (node)) == 0)
    {
      g_set_error_literal (error, REACH_GEOMETRY_ERROR, REACH_GEOMETRY_ERROR_INVALID,
                           "a polygon needs at least one ring");
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      GArray *ring = read_ring (json_array_get_element (array, i), error);

      if (ring == NULL)
        return NULL;
      g_ptr_array_add (rings, ring);
    }

  return g_steal_pointer (&rings);
}

ReachGeometry *
reach_geometry_new_from_json (JsonNode  *node,
                              GError   **error)
{
  g_autoptr(ReachGeometry) self = NULL;
  JsonObject *object;
  JsonNode *coordinates;
  const char *type;
  gboolean multi;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, REACH_GEOMETRY_ERROR, REACH_GEOMETRY_ERROR_INVALID,
                           "the geometry is not an object");
      return NULL;
    }

  object = json_node_get_object (node);
  type = json_object_get_string_member_with_default (object, "type", NULL);
  multi = g_strcmp0 (type, "MultiPolygon") == 0;
  if (!multi && g_strcmp0 (type, "Polygon") != 0)
    {
      g_set_error (error, REACH_GEOMETRY_ERROR, REACH_GEOMETRY_ERROR_TYPE,
                   "a %s is not an area: it needs a Polygon or MultiPolygon",
                   type ? type : "geometry without a type");
      return NULL;
    }

  coordinates = json_object_get_member (object, "coordinates");
  if (coordinates == NULL || !JSON_NODE_HOLDS_ARRAY (coordinates))
    {
      g_set_error (error, REACH_GEOMETRY_ERROR, REACH_GEOMETRY_ERROR_INVALID,
                   "the %s has no coordinates array", type);
      return NULL;
    }

  self = g_new0 (ReachGeometry, 1);
  self->polygons = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->bbox = (ReachBBox) { INFINITY, INFINITY, -INFINITY, -INFINITY };

  if (multi)
    {
      JsonArray *array = json_node_get_array (coordinates);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          GPtrArray *polygon = read_polygon (json_array_get_element (array, i), error);

          if (polygon == NULL)
            {
              g_prefix_error (error, "polygon %u: ", i + 1);
              return NULL;
            }
          g_ptr_array_add (self->polygons, polygon);
        }
    }
  else
    {
      GPtrArray *polygon = read_polygon (coordinates, error);

      if (polygon == NULL)
        return NULL;
      g_ptr_array_add (self->polygons, polygon);
    }

  if (self->polygons->len == 0)
    {
      g_set_error_literal (error, REACH_GEOMETRY_ERROR, REACH_GEOMETRY_ERROR_INVALID,
                           "the MultiPolygon has no polygons");
      return NULL;
    }

  for (guint i = 0; i < self->polygons->len; i++)
    {
      GPtrArray *polygon = g_ptr_array_index (self->polygons, i);
      GArray *exterior = g_ptr_array_index (polygon, 0);

      for (guint j = 0; j < exterior->len; j++)
        bbox_extend (&self->bbox, g_array_index (exterior, ReachLonLat, j));
    }

  return g_steal_pointer (&self);
}

ReachGeometry *
reach_geometry_new_from_text (const char  *json,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;

  return reach_geometry_new_from_json (json_parser_get_root (parser), error);
}

JsonNode *
reach_geometry_to_json (ReachGeometry *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "MultiPolygon");
  json_builder_set_member_name (builder, "coordinates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->polygons->len; i++)
    {
      GPtrArray *polygon = g_ptr_array_index (self->polygons, i);

      json_builder_begin_array (builder);
      for (guint j = 0; j < polygon->len; j++)
        {
          GArray *ring = g_ptr_array_index (polygon, j);

          json_builder_begin_array (builder);
          for (guint k = 0; k < ring->len; k++)
            {
              ReachLonLat p = g_array_index (ring, ReachLonLat, k);

              json_builder_begin_array (builder);
              json_builder_add_double_value (builder, p.lon);
              json_builder_add_double_value (builder, p.lat);
              json_builder_end_array (builder);
            }
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
reach_geometry_to_text (ReachGeometry *self)
{
  g_autoptr(JsonNode) node = reach_geometry_to_json (self);

  return json_to_string (node, FALSE);
}

/* Even–odd crossing test. */
gboolean
reach_ring_contains (GArray *ring,
                     double  lon,
                     double  lat)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = ring->len - 1; i < ring->len; j = i++)
    {
      ReachLonLat a = g_array_index (ring, ReachLonLat, i);
      ReachLonLat b = g_array_index (ring, ReachLonLat, j);

      if ((a.lat > lat) != (b.lat > lat) &&
          lon < (b.lon - a.lon) * (lat - a.lat) / (b.lat - a.lat) + a.lon)
        inside = !inside;
    }

  return inside;
}

static gboolean
polygon_contains (GPtrArray *polygon,
                  double     lon,
                  double     lat)
{
  if (!reach_ring_contains (g_ptr_array_index (polygon, 0), lon, lat))
    return FALSE;

  for (guint i = 1; i < polygon->len; i++)
    if (reach_ring_contains (g_ptr_array_index (polygon, i), lon, lat))
      return FALSE;

  return TRUE;
}

gboolean
reach_geometry_contains (ReachGeometry *self,
                         double         lon,
                         double         lat)
{
  if (lon < self->bbox.west || lon > self->bbox.east ||
      lat < self->bbox.south || lat > self->bbox.north)
    return FALSE;

  for (guint i = 0; i < self->polygons->len; i++)
    if (polygon_contains (g_ptr_array_index (self->polygons, i), lon, lat))
      return TRUE;

  return FALSE;
}

static double
ring_area (GArray *ring)
{
  double sum = 0;

  for (guint i = 0, j = ring->len - 1; i < ring->len; j = i++)
    {
      ReachLonLat a = g_array_index (ring, ReachLonLat, j);
      ReachLonLat b = g_array_index (ring, ReachLonLat, i);

      sum += a.lon * b.lat - b.lon * a.lat;
    }

  return fabs (sum) / 2;
}

static double
polygon_area (GPtrArray *polygon)
{
  double area = ring_area (g_ptr_array_index (polygon, 0));

  for (guint i = 1; i < polygon->len; i++)
    area -= ring_area (g_ptr_array_index (polygon, i));

  return MAX (area, 0);
}

/* Planar area in square degrees: only for comparing shapes. */
double
reach_geometry_area (ReachGeometry *self)
{
  double area = 0;

  for (guint i = 0; i < self->polygons->len; i++)
    area += polygon_area (g_ptr_array_index (self->polygons, i));

  return area;
}

static double
distance_to_segment (ReachLonLat p,
                     ReachLonLat a,
                     ReachLonLat b)
{
  double dx = b.lon - a.lon, dy = b.lat - a.lat;
  double t = 0;

  if (dx != 0 || dy != 0)
    t = CLAMP (((p.lon - a.lon) * dx + (p.lat - a.lat) * dy) / (dx * dx + dy * dy), 0, 1);

  return hypot (p.lon - (a.lon + t * dx), p.lat - (a.lat + t * dy));
}

/* Distance from p to the polygon's boundary; negative when p is outside. */
static double
boundary_distance (GPtrArray   *polygon,
                   ReachLonLat  p)
{
  double best = INFINITY;

  for (guint r = 0; r < polygon->len; r++)
    {
      GArray *ring = g_ptr_array_index (polygon, r);

      for (guint i = 0, j = ring->len - 1; i < ring->len; j = i++)
        best = MIN (best, distance_to_segment (p, g_array_index (ring, ReachLonLat, i),
                                               g_array_index (ring, ReachLonLat, j)));
    }

  return polygon_contains (polygon, p.lon, p.lat) ? best : -best;
}

/* A coarse grid search refined around the best cell: a small cousin of the
 * "pole of inaccessibility".  Good enough for labels and import markers. */
static ReachLonLat
polygon_interior_point (GPtrArray *polygon)
{
  GArray *exterior = g_ptr_array_index (polygon, 0);
  ReachBBox box = { INFINITY, INFINITY, -INFINITY, -INFINITY };
  ReachLonLat best = g_array_index (exterior, ReachLonLat, 0);
  double best_d = -INFINITY;
  double w, h;

  for (guint i = 0; i < exterior->len; i++)
    bbox_extend (&box, g_array_index (exterior, ReachLonLat, i));

  w = box.east - box.west;
  h = box.north - box.south;

  for (int round = 0; round < 4; round++)
    {
      const int n = 16;

      for (int i = 0; i <= n; i++)
        for (int j = 0; j <= n; j++)
          {
            ReachLonLat p = { box.west + w * i / n, box.south + h * j / n };
            double d = boundary_distance (polygon, p);

            if (d > best_d)
              {
                best_d = d;
                best = p;
              }
          }

      if (round == 0 && best_d < 0)
        break;   /* degenerate: keep the first vertex */

      w /= 4;
      h /= 4;
      box.west = best.lon - w / 2;
      box.south = best.lat - h / 2;
    }

  return best;
}

ReachLonLat
reach_geometry_interior_point (ReachGeometry *self)
{
  GPtrArray *largest = g_ptr_array_index (self->polygons, 0);
  double largest_area = -1;

  for (guint i = 0; i < self->polygons->len; i++)
    {
      GPtrArray *polygon = g_ptr_array_index (self->polygons, i);
      double area = polygon_area (polygon);

      if (area > largest_area)
        {
          largest_area = area;
          largest = polygon;
        }
    }

  return polygon_interior_point (largest);
}
