/* reach-place-row.h — one place in the side panel's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "reach-place.h"

G_BEGIN_DECLS

#define REACH_TYPE_PLACE_ROW (reach_place_row_get_type ())
G_DECLARE_FINAL_TYPE (ReachPlaceRow, reach_place_row, REACH, PLACE_ROW, GtkWidget)

GtkWidget  *reach_place_row_new        (void);
void        reach_place_row_set_place  (ReachPlaceRow *self,
                                        ReachPlace    *place);

/* "Institution · Venue · LS1 4AB": what the row shows under the name. */
char       *reach_place_row_dup_summary (ReachPlace   *place);

G_END_DECLS
