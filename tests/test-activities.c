/* test-activities.c — activities, the timeline, participants, headcounts, venue recency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "reach-activity.h"
#include "test-engagement-util.h"

static ReachActivity *
make_activity (const char          *title,
               GDateTime           *starts_at,
               ReachActivityType    type,
               ReachLadderRung      rung,
               gint64               place_id)
{
  ReachActivity *activity = reach_activity_new ();

  activity->title = g_strdup (title);
  reach_activity_set_starts_at (activity, starts_at);
  activity->type = type;
  activity->rung = rung;
  activity->place_id = place_id;
  activity->status = REACH_ACTIVITY_DONE;
  return activity;
}

static gint64
insert (ReachDb       *db,
        ReachActivity *activity)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (reach_activities_insert (db, activity, &error));
  g_assert_no_error (error);
  return activity->id;
}

static void
test_crud (void)
{
  g_autoptr(ReachDb) db = eng_open_db ();
  g_autoptr(GDateTime) start = g_date_time_new_utc (2025, 3, 4, 18, 30, 0);
  g_autoptr(GDateTime) end = g_date_time_add_hours (start, 2);
  g_autoptr(ReachActivity) activity = NULL;
  g_autoptr(ReachActivity) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 library = eng_add_place (db, "Central Library", -1.55, 53.80);
  gint64 ward = eng_add_area (db, "E05000001", "One", -1.6, 53.7, -1.5, 53.8);

  activity = make_activity ("Carers’ café", start, REACH_ACTIVITY_TYPE_DROP_IN,
                            REACH_LADDER_CO_DESIGN, library);
  reach_activity_set_ends_at (activity, end);
  reach_activity_add_area (activity, ward);
  reach_activity_add_area (activity, ward);
  activity->stage = REACH_STAGE_CO_DESIGN;
  activity->provisions = REACH_PROVISION_BSL | REACH_PROVISION_CHILDCARE;
  activity->reciprocity = g_strdup ("£20 vouchers and bus fares");
  activity->reciprocity_pence = 12000;
  activity->notes = g_strdup ("Second floor");
  insert (db, activity);

  back = reach_activities_get (db, activity->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->title, ==, "Carers’ café");
  g_assert_cmpint (back->type, ==, REACH_ACTIVITY_TYPE_DROP_IN);
  g_assert_true (g_date_time_equal (back->starts_at, start));
  g_assert_true (g_date_time_equal (back->ends_at, end));
  g_assert_cmpint (back->place_id, ==, library);
  g_assert_cmpuint (back->area_ids->len, ==, 1);
  g_assert_cmpint (back->rung, ==, REACH_LADDER_CO_DESIGN);
  g_assert_cmpint (back->stage, ==, REACH_STAGE_CO_DESIGN);
  g_assert_cmpint (back->provisions, ==, REACH_PROVISION_BSL | REACH_PROVISION_CHILDCARE);
  g_assert_cmpstr (back->reciprocity, ==, "£20 vouchers and bus fares");
  g_assert_cmpint (back->reciprocity_pence, ==, 12000);
  g_assert_cmpint (back->status, ==, REACH_ACTIVITY_DONE);
  g_assert_cmpstr (back->notes, ==, "Second floor");
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM activity WHERE access_provisions = 'bsl;childcare'"), ==, 1);

  /* update: clear the optional fields */
  back->rung = REACH_LADDER_UNKNOWN;
  back->stage = REACH_STAGE_NONE;
  back->provisions = 0;
  back->reciprocity_pence = -1;
  back->place_id = 0;
  g_array_set_size (back->area_ids, 0);
  back->status = REACH_ACTIVITY_CANCELLED;
  g_assert_true (reach_activities_update (db, back, &error));
  g_assert_no_error (error);
  g_clear_object (&activity);
  activity = reach_activities_get (db, back->id, &error);
  g_assert_cmpint (activity->rung, ==, REACH_LADDER_UNKNOWN);
  g_assert_cmpint (activity->stage, ==, REACH_STAGE_NONE);
  g_assert_cmpint (activity->provisions, ==, 0);
  g_assert_cmpint (activity->reciprocity_pence, ==, -1);
  g_assert_cmpint (activity->place_id, ==, 0);
  g_assert_cmpuint (activity->area_ids->len, ==, 0);
  g_assert_cmpint (activity->status, ==, REACH_ACTIVITY_CANCELLED);

  g_assert_true (reach_activities_delete (db, activity->id, &error));
  g_assert_null (reach_activities_get (db, activity->id, &error));
  g_assert_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (reach_activities_update (db, back, &error));
  g_assert_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_FOUND);

  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM audit WHERE tbl = 'activity'"), ==, 3);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM activity_area"), ==, 0);
}

static void
test_validation (void)
{
  g_autoptr(ReachDb) db = eng_open_db ();
  g_autoptr(GDateTime) start = g_date_time_new_utc (2025, 3, 4, 18, 30, 0);
  g_autoptr(GDateTime) before = g_date_time_add_minutes (start, -1);
  g_autoptr(ReachActivity) activity = make_activity (" ", start, REACH_ACTIVITY_TYPE_EVENT,
                                                     REACH_LADDER_UNKNOWN, 0);
  g_autoptr(GError) error = NULL;

  g_assert_false (reach_activities_insert (db, activity, &error));
  g_assert_error (error, REACH_ACTIVITY_ERROR, REACH_ACTIVITY_ERROR_TITLE);
  g_clear_error (&error);

  g_free (activity->title);
  activity->title = g_strdup ("Backwards");
  reach_activity_set_ends_at (activity, before);
  g_assert_false (reach_activities_insert (db, activity, &error));
  g_assert_error (error, REACH_ACTIVITY_ERROR, REACH_ACTIVITY_ERROR_DATES);
  g_clear_error (&error);

  reach_activity_set_ends_at (activity, NULL);
  activity->reciprocity_pence = -5;
  g_assert_false (reach_activities_insert (db, activity, &error));
  g_assert_error (error, REACH_ACTIVITY_ERROR, REACH_ACTIVITY_ERROR_RECIPROCITY);
  g_clear_error (&error);

  /* an area that does not exist: the database refuses, nothing is left */
  activity->reciprocity_pence = -1;
  reach_activity_add_area (activity, 777);
  g_assert_false (reach_activities_insert (db, activity, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM activity"), ==, 0);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM audit"), ==, 0);
}

static void
test_strings (void)
{
  ReachActivityType type;
  ReachLadderRung rung;
  ReachCoproductionStage stage;
  ReachProvisions provisions;
  ReachActivityStatus status;
  g_autofree char *text = NULL;

  for (int i = 0; i < REACH_N_ACTIVITY_TYPES; i++)
    {
      g_assert_true (reach_activity_type_from_string (reach_activity_type_to_string (i), &type));
      g_assert_cmpint (type, ==, i);
      g_assert_true (reach_activity_type_from_string (reach_activity_type_label (i), &type));
      g_assert_cmpint (type, ==, i);
    }
  g_assert_true (reach_activity_type_from_string ("Drop in", &type));
  g_assert_cmpint (type, ==, REACH_ACTIVITY_TYPE_DROP_IN);
  g_assert_false (reach_activity_type_from_string ("picnic", &type));

  g_assert_true (reach_ladder_rung_from_string ("CO-PRODUCTION", &rung));
  g_assert_cmpint (rung, ==, REACH_LADDER_CO_PRODUCTION);
  g_assert_true (reach_ladder_rung_from_string ("co design", &rung));
  g_assert_cmpint (rung, ==, REACH_LADDER_CO_DESIGN);
  g_assert_false (reach_ladder_rung_from_string ("tokenism", &rung));
  g_assert_true (REACH_LADDER_INFORMING < REACH_LADDER_CONSULTATION);

  g_assert_true (reach_stage_from_string ("Co-assessment", &stage));
  g_assert_cmpint (stage, ==, REACH_STAGE_CO_ASSESSMENT);
  g_assert_true (reach_activity_status_from_string ("Cancelled", &status));
  g_assert_cmpint (status, ==, REACH_ACTIVITY_CANCELLED);

  g_assert_true (reach_provisions_from_string ("BSL interpreter; hearing loop,easy-read", &provisions));
  g_assert_cmpint (provisions, ==, REACH_PROVISION_BSL | REACH_PROVISION_HEARING_LOOP |
                                   REACH_PROVISION_EASY_READ);
  text = reach_provisions_to_string (provisions);
  g_assert_cmpstr (text, ==, "bsl;hearing-loop;easy-read");
  g_assert_false (reach_provisions_from_string ("bsl;jetpack", &provisions));
  g_assert_true (reach_provisions_from_string ("", &provisions));
  g_assert_cmpint (provisions, ==, 0);
  g_assert_cmpstr (reach_provision_label (REACH_PROVISION_STEP_FREE), ==, "Step-free venue");
}

static void
assert_titles (GPtrArray  *activities,
               const char *expected)
{
  g_autoptr(GString) titles = g_string_new (NULL);

  g_assert_nonnull (activities);
  for (guint i = 0; i < activities->len; i++)
    g_string_append_printf (titles, "%s%s", i ? "," : "",
                            ((ReachActivity *) activities->pdata[i])->title);
  g_assert_cmpstr (titles->str, ==, expected);
  g_ptr_array_unref (activities);
}

static void
test_timeline (void)
{
  g_autoptr(ReachDb) db = eng_open_db ();
  g_autoptr(GDateTime) jan = eng_date (2025, 1, 15);
  g_autoptr(GDateTime) feb = eng_date (2025, 2, 15);
  g_autoptr(GDateTime) mar = eng_date (2025, 3, 15);
  g_autoptr(GDateTime) feb1 = g_date_time_new_utc (2025, 2, 1, 0, 0, 0);
  g_autoptr(GDateTime) mar1 = g_date_time_new_utc (2025, 3, 1, 0, 0, 0);
  gint64 library = eng_add_place (db, "Library", -1.55, 53.80);
  gint64 hall = eng_add_place (db, "Hall", -1.50, 53.80);
  ReachActivityFilter filter = { 0, };
  g_autoptr(GError) error = NULL;
  ReachActivity *made[] = {
    make_activity ("B", feb, REACH_ACTIVITY_TYPE_WORKSHOP, REACH_LADDER_CO_DESIGN, library),
    make_activity ("A", jan, REACH_ACTIVITY_TYPE_SURVEY, REACH_LADDER_CONSULTATION, hall),
    make_activity ("Undated", NULL, REACH_ACTIVITY_TYPE_WORKSHOP, REACH_LADDER_UNKNOWN, 0),
    make_activity ("C", mar, REACH_ACTIVITY_TYPE_WORKSHOP, REACH_LADDER_INFORMING, library),
    make_activity ("B2", feb, REACH_ACTIVITY_TYPE_EVENT, REACH_LADDER_INFORMING, hall),
  };

  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    {
      insert (db, made[i]);
      g_object_unref (made[i]);
    }

  /* newest first; on the same time the later entry first; undated last */
  assert_titles (reach_activities_list (db, NULL, &error), "C,B2,B,A,Undated");
  assert_titles (reach_activities_list (db, &filter, &error), "C,B2,B,A,Undated");

  filter.from = feb1;
  filter.to = mar1;
  assert_titles (reach_activities_list (db, &filter, &error), "B2,B");
  filter.to = NULL;
  assert_titles (reach_activities_list (db, &filter, &error), "C,B2,B");

  filter.from = NULL;
  filter.by_type = TRUE;
  filter.type = REACH_ACTIVITY_TYPE_WORKSHOP;
  assert_titles (reach_activities_list (db, &filter, &error), "C,B,Undated");

  filter.by_rung = TRUE;
  filter.rung = REACH_LADDER_INFORMING;
  assert_titles (reach_activities_list (db, &filter, &error), "C");
  filter.rung = REACH_LADDER_UNKNOWN;
  assert_titles (reach_activities_list (db, &filter, &error), "Undated");

  filter.by_type = FALSE;
  filter.by_rung = FALSE;
  filter.place_id = hall;
  assert_titles (reach_activities_list (db, &filter, &error), "B2,A");
  g_assert_no_error (error);
}

static void
test_participants (void)
{
  g_autoptr(ReachDb) db = eng_open_db ();
  g_autoptr(ReachActivity) activity = make_activity ("Forum", NULL, REACH_ACTIVITY_TYPE_EVENT,
                                                     REACH_LADDER_UNKNOWN, 0);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ann = eng_add_contact (db, "Ann Example", "ann@example.org");
  gint64 bob = eng_add_contact (db, "Bob Example", NULL);

  insert (db, activity);
  g_assert_cmpint (reach_activities_count_participants (db, activity->id, &error), ==, 0);

  g_assert_true (reach_activities_add_participant (db, activity->id, bob, NULL, &error));
  g_assert_true (reach_activities_add_participant (db, activity->id, ann, "speaker", &error));
  /* adding again changes the role, not the count */
  g_assert_true (reach_activities_add_participant (db, activity->id, bob, "chair", &error));
  g_assert_no_error (error);
  g_assert_cmpint (reach_activities_count_participants (db, activity->id, &error), ==, 2);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM participation WHERE role = 'chair'"), ==, 1);

  ids = reach_activities_get_participants (db, activity->id, &error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, bob);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, ann);

  /* nobody who is not a contact */
  g_assert_false (reach_activities_add_participant (db, activity->id, 999, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (reach_activities_remove_participant (db, activity->id, bob, &error));
  g_assert_true (reach_activities_remove_participant (db, activity->id, bob, &error));
  g_assert_cmpint (reach_activities_count_participants (db, activity->id, &error), ==, 1);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM audit WHERE tbl = 'participation'"), ==, 4);

  /* deleting the activity takes its participation with it */
  g_assert_true (reach_activities_delete (db, activity->id, &error));
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM participation"), ==, 0);
}

static void
test_headcounts (void)
{
  g_autoptr(ReachDb) db = eng_open_db ();
  g_autoptr(ReachActivity) activity = make_activity ("Survey", NULL, REACH_ACTIVITY_TYPE_SURVEY,
                                                     REACH_LADDER_CONSULTATION, 0);
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 young = eng_add_category (db, "test-age", "16-24");
  gint64 old = eng_add_category (db, "test-age", "75+");

  insert (db, activity);
  g_assert_cmpint (reach_activities_get_headcount (db, activity->id, young, &error), ==, 0);

  g_assert_true (reach_activities_set_headcount (db, activity->id, young, 12, &error));
  g_assert_true (reach_activities_set_headcount (db, activity->id, old, 0, &error));
  g_assert_true (reach_activities_set_headcount (db, activity->id, young, 14, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reach_activities_get_headcount (db, activity->id, young, &error), ==, 14);

  g_assert_false (reach_activities_set_headcount (db, activity->id, old, -1, &error));
  g_assert_error (error, REACH_ACTIVITY_ERROR, REACH_ACTIVITY_ERROR_COUNT);
  g_clear_error (&error);

  counts = reach_activities_list_headcounts (db, activity->id, &error);
  g_assert_cmpuint (counts->len, ==, 2);
  g_assert_cmpint (g_array_index (counts, ReachHeadcount, 0).category_id, ==, young);
  g_assert_cmpint (g_array_index (counts, ReachHeadcount, 0).count, ==, 14);
  g_assert_cmpint (g_array_index (counts, ReachHeadcount, 1).count, ==, 0);

  g_assert_true (reach_activities_clear_headcount (db, activity->id, old, &error));
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM headcount"), ==, 1);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM audit WHERE tbl = 'headcount'"), ==, 4);
}

static void
test_venue_recency (void)
{
  g_autoptr(ReachDb) db = eng_open_db ();
  g_autoptr(GDateTime) today = g_date_time_new_utc (2025, 6, 30, 23, 0, 0);
  g_autoptr(GArray) uses = NULL;
  g_autoptr(GError) error = NULL;
  gint64 library = eng_add_place (db, "Library", -1.55, 53.80);
  gint64 hall = eng_add_place (db, "Hall", -1.50, 53.80);
  gint64 unused = eng_add_place (db, "Unused", -1.52, 53.80);
  struct { int y, m, d; gint64 place; ReachActivityStatus status; } rows[] = {
    { 2025, 1, 10, library, REACH_ACTIVITY_DONE },
    { 2025, 6, 20, library, REACH_ACTIVITY_DONE },
    { 2025, 6, 29, library, REACH_ACTIVITY_CANCELLED },  /* not used after all */
    { 2025, 7, 2, library, REACH_ACTIVITY_PLANNED },     /* not yet */
    { 2025, 6, 30, hall, REACH_ACTIVITY_PLANNED },       /* today counts */
    { 2025, 7, 2, unused, REACH_ACTIVITY_PLANNED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GDateTime) when = eng_date (rows[i].y, rows[i].m, rows[i].d);
      g_autoptr(ReachActivity) activity = make_activity ("Use", when, REACH_ACTIVITY_TYPE_EVENT,
                                                         REACH_LADDER_UNKNOWN, rows[i].place);

      activity->status = rows[i].status;
      insert (db, activity);
    }

  uses = reach_activities_venue_recency (db, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uses->len, ==, 2);
  g_assert_cmpint (g_array_index (uses, ReachVenueUse, 0).place_id, ==, hall);
  g_assert_cmpstr (g_array_index (uses, ReachVenueUse, 0).last_date, ==, "2025-06-30");
  g_assert_cmpint (g_array_index (uses, ReachVenueUse, 0).days_ago, ==, 0);
  g_assert_cmpint (g_array_index (uses, ReachVenueUse, 1).place_id, ==, library);
  g_assert_cmpstr (g_array_index (uses, ReachVenueUse, 1).last_date, ==, "2025-06-20");
  g_assert_cmpint (g_array_index (uses, ReachVenueUse, 1).days_ago, ==, 10);
  g_assert_cmpuint (g_array_index (uses, ReachVenueUse, 1).n_activities, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/activities/crud", test_crud);
  g_test_add_func ("/activities/validation", test_validation);
  g_test_add_func ("/activities/strings", test_strings);
  g_test_add_func ("/activities/timeline", test_timeline);
  g_test_add_func ("/activities/participants", test_participants);
  g_test_add_func ("/activities/headcounts", test_headcounts);
  g_test_add_func ("/activities/venue-recency", test_venue_recency);

  return g_test_run ();
}
