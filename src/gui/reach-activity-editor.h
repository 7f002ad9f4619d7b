/* reach-activity-editor.h — a dialog to add or edit one engagement activity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "reach-activity.h"
#include "reach-db.h"

G_BEGIN_DECLS

#define REACH_TYPE_ACTIVITY_EDITOR (reach_activity_editor_get_type ())
G_DECLARE_FINAL_TYPE (ReachActivityEditor, reach_activity_editor, REACH, ACTIVITY_EDITOR, AdwWindow)

/* A modal window over parent.  With activity NULL it makes a new one;
 * otherwise it edits a copy.  Participants and headcounts are saved with
 * the activity, in one transaction.  "saved" (ReachActivity *saved) fires
 * after it was written to db,
 * "deleted" (gint64 id) after it was deleted. */
GtkWidget *reach_activity_editor_new            (GtkWindow           *parent,
                                                 ReachDb             *db,
                                                 ReachActivity       *activity);

/* For tests and for the pages that open it. */
gboolean   reach_activity_editor_can_save       (ReachActivityEditor *self);
/* Checks or unchecks a contact in the participants list. */
void       reach_activity_editor_set_participant (ReachActivityEditor *self,
                                                  gint64               contact_id,
                                                  gboolean             taking_part);
/* Sets the headcount field of a category (of any characteristic). */
void       reach_activity_editor_set_headcount  (ReachActivityEditor *self,
                                                 gint64               category_id,
                                                 gint64               count);

G_END_DECLS
