/* reach-people-layer.c
 *
 * One widget draws every person as a small grey dot with a white ring:
 * no names, no tooltips, no colours that say anything about them.  It
 * keeps only coordinates, and takes no clicks so the map keeps them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-people-layer"

#include "config.h"

#include "reach-contact.h"
#include "reach-people-layer.h"

#define DOT_RADIUS  3.5   /* pixels */
#define CULL_MARGIN 6.0   /* pixels: a dot and its ring */

typedef struct
{
  double lat;
  double lon;
} PersonPoint;

struct _ReachPeopleLayer
{
  ShumateLayer  parent_instance;

  GArray       *points;   /* of PersonPoint */
};

G_DEFINE_FINAL_TYPE (ReachPeopleLayer, reach_people_layer, SHUMATE_TYPE_LAYER)

static void
reach_people_layer_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  ReachPeopleLayer *self = REACH_PEOPLE_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (viewport == NULL || self->points->len == 0 || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (guint i = 0; i < self->points->len; i++)
    {
      const PersonPoint *p = &g_array_index (self->points, PersonPoint, i);
      double x, y;

      shumate_viewport_location_to_widget_coords (viewport, widget, p->lat, p->lon, &x, &y);
      if (x < -CULL_MARGIN || y < -CULL_MARGIN || x > width + CULL_MARGIN || y > height + CULL_MARGIN)
        continue;

      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, DOT_RADIUS, 0, 2 * G_PI);
    }

  /* a white ring then a slate fill reads on light and dark base maps */
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, 3);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, 0.36, 0.38, 0.42);
  cairo_fill (cr);
  cairo_destroy (cr);
}

static void
reach_people_layer_constructed (GObject *object)
{
  ReachPeopleLayer *self = REACH_PEOPLE_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (reach_people_layer_parent_class)->constructed (object);

  /* any move, zoom or turn of the map moves every dot */
  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  if (viewport != NULL)
    g_signal_connect_object (viewport, "notify", G_CALLBACK (gtk_widget_queue_draw),
                             self, G_CONNECT_SWAPPED);
}

static void
reach_people_layer_finalize (GObject *object)
{
  ReachPeopleLayer *self = REACH_PEOPLE_LAYER (object);

  g_clear_pointer (&self->points, g_array_unref);

  G_OBJECT_CLASS (reach_people_layer_parent_class)->finalize (object);
}

static void
reach_people_layer_class_init (ReachPeopleLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = reach_people_layer_constructed;
  object_class->finalize = reach_people_layer_finalize;
  widget_class->snapshot = reach_people_layer_snapshot;
}

static void
reach_people_layer_init (ReachPeopleLayer *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (PersonPoint));
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

ReachPeopleLayer *
reach_people_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (REACH_TYPE_PEOPLE_LAYER, "viewport", viewport, NULL);
}

void
reach_people_layer_set_contacts (ReachPeopleLayer *self,
                                 GPtrArray        *contacts)
{
  g_return_if_fail (REACH_IS_PEOPLE_LAYER (self));

  g_array_set_size (self->points, 0);
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      ReachContact *contact = g_ptr_array_index (contacts, i);
      PersonPoint point;

      if (!contact->has_location)
        continue;

      point.lat = contact->lat;
      point.lon = contact->lon;
      g_array_append_val (self->points, point);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
reach_people_layer_get_n_people (ReachPeopleLayer *self)
{
  g_return_val_if_fail (REACH_IS_PEOPLE_LAYER (self), 0);
  return self->points->len;
}
