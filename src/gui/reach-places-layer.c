/* reach-places-layer.c
 *
 * One widget draws every place: ShumateMarkerLayer's widget per marker is
 * too slow for thousands.  Off-screen places are skipped and, at low zoom,
 * nearby ones drawn as one cluster with a count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-places-layer"

#include "config.h"

#include "reach-activity.h"
#include "reach-place.h"
#include "reach-places-layer.h"
#include "reach-render.h"

#define HIT_RADIUS      10.0  /* pixels */
#define CLUSTER_SPACING 50.0  /* pixels: about two cluster discs apart */
#define CULL_MARGIN     24.0  /* pixels: half a symbol and its halo */

typedef struct
{
  double             lat;
  double             lon;
  ReachPlaceCategory category;
  gboolean           is_asset;
  gboolean           is_venue;
  gint64             id;
  char              *name;
} PlacePoint;

struct _ReachPlacesLayer
{
  ShumateLayer  parent_instance;

  GArray       *points;        /* of PlacePoint */
  GHashTable   *days_ago;      /* gint64* id → GINT_TO_POINTER (days), or NULL: no rings */
  gint64        selected_id;
  gint64        pressed_id;
  int           pressed_cluster;
};

G_DEFINE_FINAL_TYPE (ReachPlacesLayer, reach_places_layer, SHUMATE_TYPE_LAYER)

enum {
  PLACE_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_point (gpointer data)
{
  PlacePoint *point = data;

  g_clear_pointer (&point->name, g_free);
}

static ReachVenueRecency
recency_of (ReachPlacesLayer *self,
            const PlacePoint *point)
{
  gpointer days;

  if (self->days_ago == NULL || !point->is_venue ||
      !g_hash_table_lookup_extended (self->days_ago, &point->id, NULL, &days))
    return REACH_VENUE_RECENCY_NONE;
  return reach_render_venue_recency_for_days (GPOINTER_TO_INT (days));
}

/* Projects the places on screen into marks, then clusters them when the
 * map is zoomed out. */
static void
layout_marks (ReachPlacesLayer *self,
              GArray           *singles,
              GArray           *clusters)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  GtkWidget *widget = GTK_WIDGET (self);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr(GArray) marks = NULL;

  if (viewport == NULL || width <= 0 || height <= 0)
    return;

  marks = g_array_sized_new (FALSE, FALSE, sizeof (ReachPlaceMark), self->points->len);
  for (guint i = 0; i < self->points->len; i++)
    {
      const PlacePoint *p = &g_array_index (self->points, PlacePoint, i);
      ReachPlaceMark mark = { 0, 0, p->category, p->is_asset, p->is_venue, p->id,
                              recency_of (self, p) };

      shumate_viewport_location_to_widget_coords (viewport, widget, p->lat, p->lon,
                                                  &mark.x, &mark.y);
      if (mark.x < -CULL_MARGIN || mark.y < -CULL_MARGIN ||
          mark.x > width + CULL_MARGIN || mark.y > height + CULL_MARGIN)
        continue;
      g_array_append_val (marks, mark);
    }

  if (shumate_viewport_get_zoom_level (viewport) < REACH_PLACES_LAYER_CLUSTER_BELOW_ZOOM)
    reach_render_cluster_marks ((ReachPlaceMark *) (gpointer) marks->data, marks->len,
                                CLUSTER_SPACING, self->selected_id, singles, clusters);
  else
    g_array_append_vals (singles, marks->data, marks->len);
}

static void
reach_places_layer_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  ReachPlacesLayer *self = REACH_PLACES_LAYER (widget);
  g_autoptr(GArray) singles = g_array_new (FALSE, FALSE, sizeof (ReachPlaceMark));
  g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (ReachPlaceCluster));
  cairo_t *cr;

  layout_marks (self, singles, clusters);
  if (singles->len == 0 && clusters->len == 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0,
                                                       gtk_widget_get_width (widget),
                                                       gtk_widget_get_height (widget)));
  reach_render_clusters (cr, (ReachPlaceCluster *) (gpointer) clusters->data, clusters->len, 1.0);
  reach_render_places (cr, (ReachPlaceMark *) (gpointer) singles->data, singles->len, 1.0,
                       self->selected_id);
  cairo_destroy (cr);
}

static gint64
hit_single (GArray *singles,
            gint64  selected_id,
            double  x,
            double  y)
{
  double best = HIT_RADIUS * HIT_RADIUS;
  gint64 found = 0;

  for (guint i = 0; i < singles->len; i++)
    {
      const ReachPlaceMark *m = &g_array_index (singles, ReachPlaceMark, i);
      double d2 = (m->x - x) * (m->x - x) + (m->y - y) * (m->y - y);

      /* The selected place is drawn on top: it wins ties. */
      if (d2 < best || (d2 <= best && m->id == selected_id))
        {
          best = d2;
          found = m->id;
        }
    }
  return found;
}

static int
hit_cluster (GArray *clusters,
             double  x,
             double  y)
{
  for (guint i = 0; i < clusters->len; i++)
    {
      const ReachPlaceCluster *c = &g_array_index (clusters, ReachPlaceCluster, i);
      double r = reach_render_cluster_radius (c->count, 1.0);

      if ((c->x - x) * (c->x - x) + (c->y - y) * (c->y - y) <= r * r)
        return i;
    }
  return -1;
}

gint64
reach_places_layer_hit_test (ReachPlacesLayer *self,
                             double            x,
                             double            y)
{
  g_autoptr(GArray) singles = g_array_new (FALSE, FALSE, sizeof (ReachPlaceMark));
  g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (ReachPlaceCluster));

  g_return_val_if_fail (REACH_IS_PLACES_LAYER (self), 0);

  layout_marks (self, singles, clusters);
  return hit_single (singles, self->selected_id, x, y);
}

/* A click on a cluster zooms in on it, two levels at a time. */
static void
zoom_into_cluster (ReachPlacesLayer *self,
                   double            x,
                   double            y)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double lat, lon, zoom;

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self), x, y, &lat, &lon);
  zoom = MIN (shumate_viewport_get_zoom_level (viewport) + 2,
              shumate_viewport_get_max_zoom_level (viewport));
  shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
  shumate_viewport_set_zoom_level (viewport, zoom);
}

static void
on_pressed (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            ReachPlacesLayer *self)
{
  g_autoptr(GArray) singles = g_array_new (FALSE, FALSE, sizeof (ReachPlaceMark));
  g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (ReachPlaceCluster));

  layout_marks (self, singles, clusters);
  self->pressed_id = hit_single (singles, self->selected_id, x, y);
  self->pressed_cluster = self->pressed_id == 0 ? hit_cluster (clusters, x, y) : -1;

  /* Anywhere else the map keeps the click: drag, double-click zoom. */
  if (self->pressed_id == 0 && self->pressed_cluster < 0)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_released (GtkGestureClick  *gesture,
             int               n_press,
             double            x,
             double            y,
             ReachPlacesLayer *self)
{
  gint64 id = self->pressed_id;
  int cluster = self->pressed_cluster;

  self->pressed_id = 0;
  self->pressed_cluster = -1;

  if (id != 0 && reach_places_layer_hit_test (self, x, y) == id)
    g_signal_emit (self, signals[PLACE_CLICKED], 0, id);
  else if (cluster >= 0)
    zoom_into_cluster (self, x, y);
}

static const char *
name_of (ReachPlacesLayer *self,
         gint64            id)
{
  for (guint i = 0; i < self->points->len; i++)
    if (g_array_index (self->points, PlacePoint, i).id == id)
      return g_array_index (self->points, PlacePoint, i).name;
  return NULL;
}

static gboolean
on_query_tooltip (GtkWidget        *widget,
                  int               x,
                  int               y,
                  gboolean          keyboard,
                  GtkTooltip       *tooltip,
                  ReachPlacesLayer *self)
{
  gint64 id = reach_places_layer_hit_test (self, x, y);
  const char *name = id != 0 ? name_of (self, id) : NULL;

  if (name == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, name);
  return TRUE;
}

static void
reach_places_layer_constructed (GObject *object)
{
  ReachPlacesLayer *self = REACH_PLACES_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (reach_places_layer_parent_class)->constructed (object);

  /* Any move, zoom or turn of the map moves every place. */
  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  if (viewport != NULL)
    g_signal_connect_object (viewport, "notify", G_CALLBACK (gtk_widget_queue_draw),
                             self, G_CONNECT_SWAPPED);
}

static void
reach_places_layer_finalize (GObject *object)
{
  ReachPlacesLayer *self = REACH_PLACES_LAYER (object);

  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->days_ago, g_hash_table_unref);

  G_OBJECT_CLASS (reach_places_layer_parent_class)->finalize (object);
}

static void
reach_places_layer_class_init (ReachPlacesLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = reach_places_layer_constructed;
  object_class->finalize = reach_places_layer_finalize;
  widget_class->snapshot = reach_places_layer_snapshot;

  /**
   * ReachPlacesLayer::place-clicked:
   * @id: the place's id
   *
   * A place (not a cluster) was clicked.
   */
  signals[PLACE_CLICKED] =
    g_signal_new ("place-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
reach_places_layer_init (ReachPlacesLayer *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->points = g_array_new (FALSE, FALSE, sizeof (PlacePoint));
  g_array_set_clear_func (self->points, clear_point);
  self->pressed_cluster = -1;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}

ReachPlacesLayer *
reach_places_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (REACH_TYPE_PLACES_LAYER, "viewport", viewport, NULL);
}

void
reach_places_layer_set_places (ReachPlacesLayer *self,
                               GPtrArray        *places)
{
  g_return_if_fail (REACH_IS_PLACES_LAYER (self));

  g_array_set_size (self->points, 0);
  for (guint i = 0; places != NULL && i < places->len; i++)
    {
      ReachPlace *place = g_ptr_array_index (places, i);
      PlacePoint point;

      if (!REACH_IS_PLACE (place))
        {
          g_critical ("%s: item %u is not a ReachPlace", G_STRFUNC, i);
          continue;
        }
      point = (PlacePoint) {
        place->lat, place->lon, place->category, place->is_asset,
        place->is_venue, place->id, g_strdup (place->name)
      };
      g_array_append_val (self->points, point);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
reach_places_layer_get_n_places (ReachPlacesLayer *self)
{
  g_return_val_if_fail (REACH_IS_PLACES_LAYER (self), 0);
  return self->points->len;
}

void
reach_places_layer_set_selected (ReachPlacesLayer *self,
                                 gint64            id)
{
  g_return_if_fail (REACH_IS_PLACES_LAYER (self));

  if (self->selected_id == id)
    return;
  self->selected_id = id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
reach_places_layer_get_selected (ReachPlacesLayer *self)
{
  g_return_val_if_fail (REACH_IS_PLACES_LAYER (self), 0);
  return self->selected_id;
}

void
reach_places_layer_set_venue_recency (ReachPlacesLayer *self,
                                      GHashTable       *days_ago_by_place_id)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (REACH_IS_PLACES_LAYER (self));

  g_clear_pointer (&self->days_ago, g_hash_table_unref);
  if (days_ago_by_place_id != NULL)
    {
      self->days_ago = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, days_ago_by_place_id);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (self->days_ago, g_memdup2 (key, sizeof (gint64)), value);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
reach_places_layer_get_shows_recency (ReachPlacesLayer *self)
{
  g_return_val_if_fail (REACH_IS_PLACES_LAYER (self), FALSE);
  return self->days_ago != NULL;
}

GHashTable *
reach_venue_days_ago_load (ReachDb    *db,
                           GDateTime  *today,
                           GError    **error)
{
  g_autoptr(GArray) uses = NULL;
  GHashTable *days_ago;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  uses = reach_activities_venue_recency (db, today, error);
  if (uses == NULL)
    return NULL;
  days_ago = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < uses->len; i++)
    {
      const ReachVenueUse *use = &g_array_index (uses, ReachVenueUse, i);

      g_hash_table_insert (days_ago, g_memdup2 (&use->place_id, sizeof (gint64)),
                           GINT_TO_POINTER (use->days_ago));
    }
  return days_ago;
}
