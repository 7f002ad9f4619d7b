/* reach-place-details.h — everything known about one place, with Edit and Delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "reach-place.h"

G_BEGIN_DECLS

#define REACH_TYPE_PLACE_DETAILS (reach_place_details_get_type ())
G_DECLARE_FINAL_TYPE (ReachPlaceDetails, reach_place_details, REACH, PLACE_DETAILS, GtkWidget)

/* Its buttons activate win.edit-place, win.delete-place and win.close-details. */
GtkWidget   *reach_place_details_new        (void);
void         reach_place_details_set_place  (ReachPlaceDetails *self,
                                             ReachPlace        *place);
ReachPlace  *reach_place_details_get_place  (ReachPlaceDetails *self);

/* For tests: the heading as shown. */
const char  *reach_place_details_get_title  (ReachPlaceDetails *self);

G_END_DECLS
