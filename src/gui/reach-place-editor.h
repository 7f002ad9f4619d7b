/* reach-place-editor.h — a dialog to add or edit one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "reach-db.h"
#include "reach-place.h"

G_BEGIN_DECLS

#define REACH_TYPE_PLACE_EDITOR (reach_place_editor_get_type ())
G_DECLARE_FINAL_TYPE (ReachPlaceEditor, reach_place_editor, REACH, PLACE_EDITOR, AdwWindow)

/* A modal window over parent.  With place NULL it makes a new place at
 * lat/lon; otherwise it edits a copy of place (lat/lon are ignored) and the
 * original is never touched.  Present it with gtk_window_present().
 * "saved" (ReachPlace *saved) fires after the place was written to db. */
GtkWidget  *reach_place_editor_new        (GtkWindow        *parent,
                                           ReachDb          *db,
                                           ReachPlace       *place,
                                           double            lat,
                                           double            lon);

/* For tests: whether the form may be saved now. */
gboolean    reach_place_editor_can_save   (ReachPlaceEditor *self);

G_END_DECLS
