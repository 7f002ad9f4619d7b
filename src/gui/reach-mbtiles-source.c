/* reach-mbtiles-source.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-mbtiles-source"

#include "config.h"

#include "reach-mbtiles-source.h"
#include "reach-tile-image.h"

struct _ReachMbtilesSource
{
  ShumateDataSource  parent_instance;

  ReachMbtiles      *mbtiles;
};

G_DEFINE_FINAL_TYPE (ReachMbtilesSource, reach_mbtiles_source, SHUMATE_TYPE_DATA_SOURCE)

typedef struct
{
  int x;
  int y;
  int z;
} TileRequest;

static void
reach_mbtiles_source_dispose (GObject *object)
{
  ReachMbtilesSource *self = REACH_MBTILES_SOURCE (object);

  g_clear_object (&self->mbtiles);

  G_OBJECT_CLASS (reach_mbtiles_source_parent_class)->dispose (object);
}

/* In a worker thread: SQLite and PNG work stay off the main loop. */
static void
load_tile (GTask        *task,
           gpointer      source_object,
           gpointer      task_data,
           GCancellable *cancellable)
{
  ReachMbtilesSource *self = source_object;
  TileRequest *request = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  int from_zoom = request->z;

  bytes = reach_mbtiles_get_tile_or_parent (self->mbtiles, request->z, request->x,
                                            request->y, &from_zoom, &error);
  if (bytes != NULL && from_zoom < request->z)
    {
      g_autoptr(GBytes) ancestor = g_steal_pointer (&bytes);

      bytes = reach_tile_image_enlarge (ancestor, request->z - from_zoom,
                                        request->x, request->y,
                                        reach_mbtiles_get_tile_size (self->mbtiles),
                                        &error);
    }

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

/* Back in the main thread.  ShumateRasterRenderer paints from the
 * "received-data" signal, not from the result: emit it first. */
static void
on_tile_loaded (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TileRequest *request = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (bytes == NULL)
    {
      g_debug ("Tile %d/%d/%d: %s", request->z, request->x, request->y, error->message);
      g_task_return_error (task, error);
      return;
    }

  g_signal_emit_by_name (g_task_get_source_object (task), "received-data",
                         request->x, request->y, request->z, bytes);
  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

static void
reach_mbtiles_source_get_tile_data_async (ShumateDataSource   *source,
                                          int                  x,
                                          int                  y,
                                          int                  zoom_level,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) load = NULL;
  TileRequest *request = g_new (TileRequest, 1);

  *request = (TileRequest) { x, y, zoom_level };

  task = g_task_new (source, cancellable, callback, user_data);
  g_task_set_source_tag (task, reach_mbtiles_source_get_tile_data_async);
  g_task_set_task_data (task, request, g_free);

  load = g_task_new (source, cancellable, on_tile_loaded, g_steal_pointer (&task));
  g_task_set_source_tag (load, load_tile);
  g_task_set_task_data (load, g_memdup2 (request, sizeof *request), g_free);
  g_task_run_in_thread (load, load_tile);
}

static GBytes *
reach_mbtiles_source_get_tile_data_finish (ShumateDataSource  *source,
                                           GAsyncResult       *result,
                                           GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
reach_mbtiles_source_class_init (ReachMbtilesSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->dispose = reach_mbtiles_source_dispose;
  source_class->get_tile_data_async = reach_mbtiles_source_get_tile_data_async;
  source_class->get_tile_data_finish = reach_mbtiles_source_get_tile_data_finish;
}

static void
reach_mbtiles_source_init (ReachMbtilesSource *self)
{
}

ReachMbtilesSource *
reach_mbtiles_source_new (ReachMbtiles *mbtiles)
{
  ReachMbtilesSource *self;

  g_return_val_if_fail (REACH_IS_MBTILES (mbtiles), NULL);

  self = g_object_new (REACH_TYPE_MBTILES_SOURCE, NULL);
  self->mbtiles = g_object_ref (mbtiles);
  return self;
}

ReachMbtiles *
reach_mbtiles_source_get_mbtiles (ReachMbtilesSource *self)
{
  g_return_val_if_fail (REACH_IS_MBTILES_SOURCE (self), NULL);
  return self->mbtiles;
}
