/* reach-feedback.h — "you said, we did"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What people raised at an activity, what was decided or changed, and when
 * and how that was fed back to them.
 */
#pragma once

#include "reach-db.h"

G_BEGIN_DECLS

#define REACH_FEEDBACK_ERROR (reach_feedback_error_quark ())
typedef enum
{
  REACH_FEEDBACK_ERROR_ACTIVITY,   /* no activity */
  REACH_FEEDBACK_ERROR_YOU_SAID,   /* nothing raised */
  REACH_FEEDBACK_ERROR_WE_DID,     /* done or fed back without what was done */
  REACH_FEEDBACK_ERROR_FED_BACK,   /* fed back without when or how */
} ReachFeedbackError;

typedef enum
{
  REACH_FEEDBACK_OPEN,
  REACH_FEEDBACK_IN_PROGRESS,
  REACH_FEEDBACK_DONE,
  REACH_FEEDBACK_FED_BACK,
  REACH_N_FEEDBACK_STATUSES
} ReachFeedbackStatus;

typedef enum
{
  REACH_FEEDBACK_FILTER_ALL,
  REACH_FEEDBACK_FILTER_STILL_OPEN,     /* open or in progress */
  REACH_FEEDBACK_FILTER_NOT_FED_BACK,   /* done, but never fed back */
} ReachFeedbackFilter;

#define REACH_TYPE_FEEDBACK (reach_feedback_get_type ())
G_DECLARE_FINAL_TYPE (ReachFeedback, reach_feedback, REACH, FEEDBACK, GObject)

/* A plain record with public fields; id is 0 until saved.  Dates are kept
 * as dates (the time of day is not stored). */
struct _ReachFeedback
{
  GObject              parent_instance;

  gint64               id;
  gint64               activity_id;
  gint64               group_id;      /* 0 for none */
  char                *you_said;
  char                *we_did;
  GDateTime           *decided_at;    /* nullable */
  ReachFeedbackStatus  status;
  GDateTime           *fed_back_at;   /* nullable */
  char                *fed_back_how;
};

GQuark           reach_feedback_error_quark        (void);

ReachFeedback   *reach_feedback_new                (void);
ReachFeedback   *reach_feedback_copy               (ReachFeedback *self);
/* Take a reference; NULL clears. */
void             reach_feedback_set_decided_at     (ReachFeedback *self,
                                                    GDateTime     *when);
void             reach_feedback_set_fed_back_at    (ReachFeedback *self,
                                                    GDateTime     *when);
/* Rules: an activity; something said; status done or fed back needs what
 * was done; fed back needs the date and how. */
gboolean         reach_feedback_validate           (ReachFeedback *self,
                                                    GError       **error);

/* "open", "in-progress", "done", "fed-back" and translated labels. */
const char      *reach_feedback_status_to_string   (ReachFeedbackStatus status);
const char      *reach_feedback_status_label       (ReachFeedbackStatus status);
gboolean         reach_feedback_status_from_string (const char          *str,
                                                    ReachFeedbackStatus *status);

/* Store.  Every change adds an audit row. */
gboolean         reach_feedback_insert             (ReachDb       *db,
                                                    ReachFeedback *feedback,
                                                    GError       **error);
gboolean         reach_feedback_update             (ReachDb       *db,
                                                    ReachFeedback *feedback,
                                                    GError       **error);
gboolean         reach_feedback_delete             (ReachDb       *db,
                                                    gint64         id,
                                                    GError       **error);
ReachFeedback   *reach_feedback_get                (ReachDb       *db,
                                                    gint64         id,
                                                    GError       **error);
/* Items in a view, oldest activity first; @activity_id > 0 limits them to
 * one activity. */
GPtrArray       *reach_feedback_list               (ReachDb           *db,
                                                    ReachFeedbackFilter view,
                                                    gint64             activity_id,
                                                    GError           **error);

G_END_DECLS
