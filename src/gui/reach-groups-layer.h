/* reach-groups-layer.h — community groups on the map, by reach status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "reach-group.h"

G_BEGIN_DECLS

/* From this zoom on, each group's name is drawn beside its symbol. */
#define REACH_GROUPS_LAYER_LABEL_ZOOM 11

/* One symbol: a group at its own point, or at the label point of an area
 * it lives in (a group in three areas gives three marks). */
typedef struct
{
  double            lat;
  double            lon;
  char             *name;
  ReachGroupStatus  status;
} ReachGroupMark;

ReachGroupMark *reach_group_mark_new  (double            lat,
                                       double            lon,
                                       const char       *name,
                                       ReachGroupStatus  status);
void            reach_group_mark_free (ReachGroupMark   *mark);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReachGroupMark, reach_group_mark_free)

#define REACH_TYPE_GROUPS_LAYER (reach_groups_layer_get_type ())
G_DECLARE_FINAL_TYPE (ReachGroupsLayer, reach_groups_layer, REACH, GROUPS_LAYER, ShumateLayer)

ReachGroupsLayer *reach_groups_layer_new         (ShumateViewport  *viewport);
/* marks: of ReachGroupMark; copied, so the caller may change it afterwards.
 * NULL clears the layer. */
void              reach_groups_layer_set_groups  (ReachGroupsLayer *self,
                                                  GPtrArray        *marks);
guint             reach_groups_layer_get_n_marks (ReachGroupsLayer *self);
/* The marks of every group in a workspace with its status as of today:
 * at its point, and at the label point of each of its areas.  Groups with
 * neither (the whole workspace) get none. */
GPtrArray        *reach_group_marks_load         (ReachDb          *db,
                                                  GDateTime        *today,
                                                  GError          **error);

G_END_DECLS
