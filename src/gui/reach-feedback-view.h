/* reach-feedback-view.h — the feedback page of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "reach-db.h"

G_BEGIN_DECLS

#define REACH_TYPE_FEEDBACK_VIEW (reach_feedback_view_get_type ())
G_DECLARE_FINAL_TYPE (ReachFeedbackView, reach_feedback_view, REACH, FEEDBACK_VIEW, GtkWidget)

GtkWidget *reach_feedback_view_new    (void);

/* Shows what db holds, read when the page comes on screen (and again each
 * time it does); db NULL empties the page.  The view keeps a ref. */
void       reach_feedback_view_set_db (ReachFeedbackView *self,
                                       ReachDb           *db);

G_END_DECLS
