/* reach-people-layer.h — contacts with a location, as small neutral dots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown only when the user turns it on (privacy by default), and never
 * drawn into exports: only the window adds it to the map.
 */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define REACH_TYPE_PEOPLE_LAYER (reach_people_layer_get_type ())
G_DECLARE_FINAL_TYPE (ReachPeopleLayer, reach_people_layer, REACH, PEOPLE_LAYER, ShumateLayer)

ReachPeopleLayer *reach_people_layer_new          (ShumateViewport  *viewport);
/* contacts: of ReachContact; those without a location are left out.  Only
 * the coordinates are kept. */
void              reach_people_layer_set_contacts (ReachPeopleLayer *self,
                                                   GPtrArray        *contacts);
guint             reach_people_layer_get_n_people (ReachPeopleLayer *self);

G_END_DECLS
