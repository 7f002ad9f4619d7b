/* reach-group-editor.h — a dialog to add or edit one community group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "reach-db.h"
#include "reach-group.h"

G_BEGIN_DECLS

#define REACH_TYPE_GROUP_EDITOR (reach_group_editor_get_type ())
G_DECLARE_FINAL_TYPE (ReachGroupEditor, reach_group_editor, REACH, GROUP_EDITOR, AdwWindow)

/* A modal window over parent.  With group NULL it makes a new group;
 * otherwise it edits a copy.  "saved" (ReachGroup *saved) fires after the
 * group was written to db, "deleted" (gint64 id) after it was deleted. */
GtkWidget *reach_group_editor_new      (GtkWindow        *parent,
                                        ReachDb          *db,
                                        ReachGroup       *group);

/* For tests: whether the form may be saved now. */
gboolean   reach_group_editor_can_save (ReachGroupEditor *self);

G_END_DECLS
