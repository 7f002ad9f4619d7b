/* reach-feedback-editor.h — a dialog to add or edit one "you said, we did" item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "reach-db.h"

G_BEGIN_DECLS

/* Declared in reach-feedback.h; not included here because that header's
 * enum ReachFeedbackView has the name of the feedback page's widget type. */
typedef struct _ReachFeedback ReachFeedback;

#define REACH_TYPE_FEEDBACK_EDITOR (reach_feedback_editor_get_type ())
G_DECLARE_FINAL_TYPE (ReachFeedbackEditor, reach_feedback_editor, REACH, FEEDBACK_EDITOR, AdwWindow)

/* A modal window over parent.  With feedback NULL it makes a new item for
 * activity_id (0: the user chooses); otherwise it edits a copy.  "saved"
 * (ReachFeedback *saved) fires after the item was written to db, "deleted"
 * (gint64 id) after it was deleted. */
GtkWidget *reach_feedback_editor_new      (GtkWindow           *parent,
                                           ReachDb             *db,
                                           ReachFeedback       *feedback,
                                           gint64               activity_id);

/* For tests: whether the form may be saved now. */
gboolean   reach_feedback_editor_can_save (ReachFeedbackEditor *self);

G_END_DECLS
