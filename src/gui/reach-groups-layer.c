/* reach-groups-layer.c
 *
 * Community groups drawn as triangles in one widget, like the places: a
 * triangle never looks like a place's circle or square, and its fill shows
 * the status as well as its colour does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-groups-layer"

#include "config.h"

#include "reach-area.h"
#include "reach-groups-layer.h"
#include "reach-render.h"

#define CULL_MARGIN 200.0  /* pixels: a symbol and the name to its right */

struct _ReachGroupsLayer
{
  ShumateLayer  parent_instance;

  GPtrArray    *marks;  /* of ReachGroupMark */
};

G_DEFINE_FINAL_TYPE (ReachGroupsLayer, reach_groups_layer, SHUMATE_TYPE_LAYER)

ReachGroupMark *
reach_group_mark_new (double            lat,
                      double            lon,
                      const char       *name,
                      ReachGroupStatus  status)
{
  ReachGroupMark *mark = g_new0 (ReachGroupMark, 1);

  mark->lat = lat;
  mark->lon = lon;
  mark->name = g_strdup (name);
  mark->status = status;
  return mark;
}

void
reach_group_mark_free (ReachGroupMark *mark)
{
  if (mark == NULL)
    return;
  g_free (mark->name);
  g_free (mark);
}

static void
reach_groups_layer_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  ReachGroupsLayer *self = REACH_GROUPS_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  gboolean labels;
  cairo_t *cr;

  if (viewport == NULL || self->marks->len == 0 || width <= 0 || height <= 0)
    return;

  labels = shumate_viewport_get_zoom_level (viewport) >= REACH_GROUPS_LAYER_LABEL_ZOOM;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (guint i = 0; i < self->marks->len; i++)
    {
      const ReachGroupMark *mark = g_ptr_array_index (self->marks, i);
      double x, y;

      shumate_viewport_location_to_widget_coords (viewport, widget, mark->lat, mark->lon, &x, &y);
      if (x < -CULL_MARGIN || y < -CULL_MARGIN || x > width + CULL_MARGIN || y > height + CULL_MARGIN)
        continue;
      reach_render_group_symbol (cr, x, y, mark->status, 1.0);
      if (labels)
        reach_render_group_label (cr, x, y, mark->name, 1.0, taken);
    }
  cairo_destroy (cr);
}

static void
reach_groups_layer_constructed (GObject *object)
{
  ReachGroupsLayer *self = REACH_GROUPS_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (reach_groups_layer_parent_class)->constructed (object);

  /* Any move, zoom or turn of the map moves every group. */
  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  if (viewport != NULL)
    g_signal_connect_object (viewport, "notify", G_CALLBACK (gtk_widget_queue_draw),
                             self, G_CONNECT_SWAPPED);
}

static void
reach_groups_layer_finalize (GObject *object)
{
  ReachGroupsLayer *self = REACH_GROUPS_LAYER (object);

  g_clear_pointer (&self->marks, g_ptr_array_unref);

  G_OBJECT_CLASS (reach_groups_layer_parent_class)->finalize (object);
}

static void
reach_groups_layer_class_init (ReachGroupsLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = reach_groups_layer_constructed;
  object_class->finalize = reach_groups_layer_finalize;
  widget_class->snapshot = reach_groups_layer_snapshot;
}

static void
reach_groups_layer_init (ReachGroupsLayer *self)
{
  self->marks = g_ptr_array_new_with_free_func ((GDestroyNotify) reach_group_mark_free);
  /* Clicks go through to the places and the map. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

ReachGroupsLayer *
reach_groups_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (REACH_TYPE_GROUPS_LAYER, "viewport", viewport, NULL);
}

void
reach_groups_layer_set_groups (ReachGroupsLayer *self,
                               GPtrArray        *marks)
{
  g_return_if_fail (REACH_IS_GROUPS_LAYER (self));

  g_ptr_array_set_size (self->marks, 0);
  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      const ReachGroupMark *mark = g_ptr_array_index (marks, i);

      if (mark->status >= REACH_N_GROUP_STATUSES)
        {
          g_critical ("%s: item %u has no valid status", G_STRFUNC, i);
          continue;
        }
      g_ptr_array_add (self->marks,
                       reach_group_mark_new (mark->lat, mark->lon, mark->name, mark->status));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
reach_groups_layer_get_n_marks (ReachGroupsLayer *self)
{
  g_return_val_if_fail (REACH_IS_GROUPS_LAYER (self), 0);
  return self->marks->len;
}

/* Area id → its label point, read only when some group lives in areas. */
static GHashTable *
area_labels (ReachDb    *db,
             GPtrArray  *groups,
             GError    **error)
{
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) areas = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < groups->len && !any; i++)
    {
      ReachGroup *group = g_ptr_array_index (groups, i);

      any = group->area_ids != NULL && group->area_ids->len > 0;
    }
  if (!any)
    return g_steal_pointer (&labels);

  areas = reach_areas_list (db, -1, error);
  if (areas == NULL)
    return NULL;
  for (guint i = 0; i < areas->len; i++)
    {
      ReachArea *area = g_ptr_array_index (areas, i);
      g_hash_table_insert (labels, g_memdup2 (&area->id, sizeof area->id),
                           g_memdup2 (&area->label, sizeof area->label));
    }
  return g_steal_pointer (&labels);
}

GPtrArray *
reach_group_marks_load (ReachDb    *db,
                        GDateTime  *today,
                        GError    **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  g_autoptr(GHashTable) labels = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  groups = reach_groups_list (db, NULL, error);
  if (groups == NULL)
    return NULL;
  labels = area_labels (db, groups, error);
  if (labels == NULL)
    return NULL;

  marks = g_ptr_array_new_with_free_func ((GDestroyNotify) reach_group_mark_free);
  for (guint i = 0; i < groups->len; i++)
    {
      ReachGroup *group = g_ptr_array_index (groups, i);
      ReachGroupReach reach;

      if (!group->has_point && (group->area_ids == NULL || group->area_ids->len == 0))
        continue;  /* the whole workspace: nowhere to draw it */
      if (!reach_groups_get_reach (db, group->id, today, &reach, error))
        return NULL;

      if (group->has_point)
        g_ptr_array_add (marks, reach_group_mark_new (group->lat, group->lon, group->name,
                                                      reach.status));
      for (guint a = 0; group->area_ids != NULL && a < group->area_ids->len; a++)
        {
          gint64 area_id = g_array_index (group->area_ids, gint64, a);
          const ReachLonLat *label = g_hash_table_lookup (labels, &area_id);

          if (label != NULL)
            g_ptr_array_add (marks, reach_group_mark_new (label->lat, label->lon, group->name,
                                                          reach.status));
        }
    }
  return g_steal_pointer (&marks);
}
