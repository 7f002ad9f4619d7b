/* test-feedback.c — "you said, we did": rules, store and views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "reach-activity.h"
#include "reach-feedback.h"
#include "reach-group.h"
#include "test-engagement-util.h"

static gint64
add_activity (ReachDb    *db,
              const char *title,
              int         month)
{
  g_autoptr(ReachActivity) activity = reach_activity_new ();
  g_autoptr(GDateTime) when = eng_date (2025, month, 1);

  activity->title = g_strdup (title);
  reach_activity_set_starts_at (activity, when);
  g_assert_true (reach_activities_insert (db, activity, NULL));
  return activity->id;
}

static ReachFeedback *
make_feedback (gint64               activity_id,
               const char          *you_said,
               ReachFeedbackStatus  status)
{
  ReachFeedback *feedback = reach_feedback_new ();

  feedback->activity_id = activity_id;
  feedback->you_said = g_strdup (you_said);
  feedback->status = status;
  if (status >= REACH_FEEDBACK_DONE)
    feedback->we_did = g_strdup ("We changed it");
  return feedback;
}

static void
test_validation (void)
{
  g_autoptr(ReachDb) db = eng_open_db ();
  g_autoptr(GDateTime) day = eng_date (2025, 5, 1);
  gint64 activity = add_activity (db, "Forum", 4);
  g_autoptr(ReachFeedback) feedback = make_feedback (0, "The ramp is too steep", REACH_FEEDBACK_OPEN);
  g_autoptr(GError) error = NULL;

  g_assert_false (reach_feedback_insert (db, feedback, &error));
  g_assert_error (error, REACH_FEEDBACK_ERROR, REACH_FEEDBACK_ERROR_ACTIVITY);
  g_clear_error (&error);

  feedback->activity_id = activity;
  g_free (feedback->you_said);
  feedback->you_said = g_strdup (" \n");
  g_assert_false (reach_feedback_insert (db, feedback, &error));
  g_assert_error (error, REACH_FEEDBACK_ERROR, REACH_FEEDBACK_ERROR_YOU_SAID);
  g_clear_error (&error);

  g_free (feedback->you_said);
  feedback->you_said = g_strdup ("The ramp is too steep");
  feedback->status = REACH_FEEDBACK_DONE;
  g_assert_false (reach_feedback_insert (db, feedback, &error));
  g_assert_error (error, REACH_FEEDBACK_ERROR, REACH_FEEDBACK_ERROR_WE_DID);
  g_clear_error (&error);

  /* fed back needs both the date and how */
  feedback->we_did = g_strdup ("A new ramp was fitted");
  feedback->status = REACH_FEEDBACK_FED_BACK;
  g_assert_false (reach_feedback_insert (db, feedback, &error));
  g_assert_error (error, REACH_FEEDBACK_ERROR, REACH_FEEDBACK_ERROR_FED_BACK);
  g_clear_error (&error);
  reach_feedback_set_fed_back_at (feedback, day);
  g_assert_false (reach_feedback_insert (db, feedback, &error));
  g_assert_error (error, REACH_FEEDBACK_ERROR, REACH_FEEDBACK_ERROR_FED_BACK);
  g_clear_error (&error);
  reach_feedback_set_fed_back_at (feedback, NULL);
  feedback->fed_back_how = g_strdup ("Letter to everyone who came");
  g_assert_false (reach_feedback_insert (db, feedback, &error));
  g_assert_error (error, REACH_FEEDBACK_ERROR, REACH_FEEDBACK_ERROR_FED_BACK);
  g_clear_error (&error);

  reach_feedback_set_fed_back_at (feedback, day);
  g_assert_true (reach_feedback_insert (db, feedback, &error));
  g_assert_no_error (error);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM feedback"), ==, 1);
}

static void
test_crud (void)
{
  g_autoptr(ReachDb) db = eng_open_db ();
  g_autoptr(GDateTime) decided = g_date_time_new_utc (2025, 5, 2, 15, 45, 0);
  g_autoptr(GDateTime) decided_day = g_date_time_new_utc (2025, 5, 2, 0, 0, 0);
  g_autoptr(ReachFeedback) feedback = NULL;
  g_autoptr(ReachFeedback) back = NULL;
  g_autoptr(ReachGroup) group = reach_group_new ();
  g_autoptr(GError) error = NULL;
  gint64 activity = add_activity (db, "Forum", 4);

  group->name = g_strdup ("Young carers");
  g_assert_true (reach_groups_insert (db, group, NULL));

  feedback = make_feedback (activity, "Meetings clash with the school run", REACH_FEEDBACK_IN_PROGRESS);
  feedback->group_id = group->id;
  feedback->we_did = g_strdup ("Moving meetings to 10:00");
  reach_feedback_set_decided_at (feedback, decided);
  g_assert_true (reach_feedback_insert (db, feedback, &error));
  g_assert_no_error (error);

  back = reach_feedback_get (db, feedback->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->activity_id, ==, activity);
  g_assert_cmpint (back->group_id, ==, group->id);
  g_assert_cmpstr (back->you_said, ==, "Meetings clash with the school run");
  g_assert_cmpstr (back->we_did, ==, "Moving meetings to 10:00");
  g_assert_cmpint (back->status, ==, REACH_FEEDBACK_IN_PROGRESS);
  /* a date, not a time */
  g_assert_true (g_date_time_equal (back->decided_at, decided_day));
  g_assert_null (back->fed_back_at);

  back->status = REACH_FEEDBACK_FED_BACK;
  reach_feedback_set_fed_back_at (back, decided);
  back->fed_back_how = g_strdup ("Newsletter");
  g_assert_true (reach_feedback_update (db, back, &error));
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM feedback WHERE status = 'fed-back' "
                                  "AND fed_back_at = '2025-05-02'"), ==, 1);

  /* a group deleted leaves the feedback, without the group */
  g_assert_true (reach_groups_delete (db, group->id, NULL));
  g_clear_object (&back);
  back = reach_feedback_get (db, feedback->id, &error);
  g_assert_cmpint (back->group_id, ==, 0);

  g_assert_true (reach_feedback_delete (db, feedback->id, &error));
  g_assert_false (reach_feedback_delete (db, feedback->id, &error));
  g_assert_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_FOUND);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM audit WHERE tbl = 'feedback'"), ==, 3);
}

static char *
said (GPtrArray *items)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (out, "%s%s", i ? "," : "", ((ReachFeedback *) items->pdata[i])->you_said);
  g_ptr_array_unref (items);
  return g_string_free (out, FALSE);
}

static void
test_views (void)
{
  g_autoptr(ReachDb) db = eng_open_db ();
  g_autoptr(GDateTime) day = eng_date (2025, 6, 1);
  g_autoptr(GError) error = NULL;
  gint64 april = add_activity (db, "April", 4);
  gint64 march = add_activity (db, "March", 3);
  struct { gint64 activity; const char *said; ReachFeedbackStatus status; } rows[] = {
    { april, "a-open", REACH_FEEDBACK_OPEN },
    { march, "m-progress", REACH_FEEDBACK_IN_PROGRESS },
    { april, "a-done", REACH_FEEDBACK_DONE },
    { march, "m-done", REACH_FEEDBACK_DONE },
    { april, "a-fed", REACH_FEEDBACK_FED_BACK },
  };
  g_autofree char *all = NULL;
  g_autofree char *open = NULL;
  g_autofree char *not_fed = NULL;
  g_autofree char *april_open = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(ReachFeedback) feedback = make_feedback (rows[i].activity, rows[i].said, rows[i].status);

      if (rows[i].status == REACH_FEEDBACK_FED_BACK)
        {
          reach_feedback_set_fed_back_at (feedback, day);
          feedback->fed_back_how = g_strdup ("Easy read letter");
        }
      g_assert_true (reach_feedback_insert (db, feedback, &error));
      g_assert_no_error (error);
    }

  /* by the activity's date, then in the order they were written */
  all = said (reach_feedback_list (db, REACH_FEEDBACK_FILTER_ALL, 0, &error));
  g_assert_cmpstr (all, ==, "m-progress,m-done,a-open,a-done,a-fed");
  open = said (reach_feedback_list (db, REACH_FEEDBACK_FILTER_STILL_OPEN, 0, &error));
  g_assert_cmpstr (open, ==, "m-progress,a-open");
  not_fed = said (reach_feedback_list (db, REACH_FEEDBACK_FILTER_NOT_FED_BACK, 0, &error));
  g_assert_cmpstr (not_fed, ==, "m-done,a-done");
  april_open = said (reach_feedback_list (db, REACH_FEEDBACK_FILTER_STILL_OPEN, april, &error));
  g_assert_cmpstr (april_open, ==, "a-open");
  g_assert_no_error (error);

  /* deleting an activity deletes what was said there */
  g_assert_true (reach_activities_delete (db, march, &error));
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM feedback"), ==, 3);
}

static void
test_status_strings (void)
{
  ReachFeedbackStatus status;

  for (int i = 0; i < REACH_N_FEEDBACK_STATUSES; i++)
    {
      g_assert_true (reach_feedback_status_from_string (reach_feedback_status_to_string (i), &status));
      g_assert_cmpint (status, ==, i);
      g_assert_true (reach_feedback_status_from_string (reach_feedback_status_label (i), &status));
      g_assert_cmpint (status, ==, i);
    }
  g_assert_cmpstr (reach_feedback_status_to_string (REACH_FEEDBACK_FED_BACK), ==, "fed-back");
  g_assert_false (reach_feedback_status_from_string ("closed", &status));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feedback/validation", test_validation);
  g_test_add_func ("/feedback/crud", test_crud);
  g_test_add_func ("/feedback/views", test_views);
  g_test_add_func ("/feedback/status-strings", test_status_strings);

  return g_test_run ();
}
