/* test-groups.c — community groups: the record, the store, the status rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "reach-activity.h"
#include "reach-group.h"
#include "test-engagement-util.h"

static void
test_crud (void)
{
  g_autoptr(ReachDb) db = eng_open_db ();
  g_autoptr(ReachGroup) group = reach_group_new ();
  g_autoptr(ReachGroup) back = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deaf = eng_add_category (db, "test-hearing", "deaf");
  gint64 bsl = eng_add_category (db, "test-language", "bsl");
  gint64 ward1 = eng_add_area (db, "E05000001", "One", -1.6, 53.7, -1.5, 53.8);
  gint64 ward2 = eng_add_area (db, "E05000002", "Two", -1.5, 53.7, -1.4, 53.8);

  group->name = g_strdup ("  Deaf BSL users in Leeds ");
  group->description = g_strdup ("People whose first language is BSL");
  reach_group_add_category (group, deaf);
  reach_group_add_category (group, bsl);
  reach_group_add_category (group, deaf);
  reach_group_add_area (group, ward2);
  reach_group_add_area (group, ward1);
  g_assert_true (reach_groups_insert (db, group, &error));
  g_assert_no_error (error);
  g_assert_cmpint (group->id, >, 0);

  back = reach_groups_get (db, group->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "Deaf BSL users in Leeds");
  g_assert_cmpstr (back->description, ==, "People whose first language is BSL");
  g_assert_false (back->has_point);
  g_assert_cmpuint (back->category_ids->len, ==, 2);
  g_assert_cmpuint (back->area_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (back->area_ids, gint64, 0), ==, ward1);

  /* a point instead of one area */
  back->has_point = TRUE;
  back->lat = 53.75;
  back->lon = -1.55;
  g_array_set_size (back->area_ids, 1);
  g_assert_true (reach_groups_update (db, back, &error));
  g_assert_no_error (error);
  g_clear_object (&back);
  back = reach_groups_get (db, group->id, &error);
  g_assert_true (back->has_point);
  g_assert_cmpfloat_with_epsilon (back->lat, 53.75, 1e-9);
  g_assert_cmpuint (back->area_ids->len, ==, 1);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM community_group_area"), ==, 1);

  /* search by name or description, any case, % taken literally */
  {
    g_autoptr(ReachGroup) other = reach_group_new ();

    other->name = g_strdup ("Young carers in Seacroft");
    g_assert_true (reach_groups_insert (db, other, &error));
  }
  found = reach_groups_list (db, NULL, &error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (((ReachGroup *) found->pdata[0])->name, ==, "Deaf BSL users in Leeds");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = reach_groups_list (db, "first LANGUAGE", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = reach_groups_list (db, "seac", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((ReachGroup *) found->pdata[0])->name, ==, "Young carers in Seacroft");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = reach_groups_list (db, "%", &error);
  g_assert_cmpuint (found->len, ==, 0);

  g_assert_true (reach_groups_delete (db, group->id, &error));
  g_assert_null (reach_groups_get (db, group->id, &error));
  g_assert_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (reach_groups_delete (db, group->id, &error));
  g_assert_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_FOUND);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM community_group_category"), ==, 0);

  /* the audit trail names the table and row, never the group's name */
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM audit WHERE tbl = 'community_group'"), ==, 4);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM audit WHERE tbl = 'community_group' "
                                  "AND action = 'delete'"), ==, 1);
}

static void
test_validation (void)
{
  g_autoptr(ReachDb) db = eng_open_db ();
  g_autoptr(ReachGroup) group = reach_group_new ();
  g_autoptr(GError) error = NULL;

  group->name = g_strdup ("   ");
  g_assert_false (reach_groups_insert (db, group, &error));
  g_assert_error (error, REACH_GROUP_ERROR, REACH_GROUP_ERROR_NAME);
  g_clear_error (&error);

  g_free (group->name);
  group->name = g_strdup ("Somewhere odd");
  group->has_point = TRUE;
  group->lat = 91;
  g_assert_false (reach_groups_insert (db, group, &error));
  g_assert_error (error, REACH_GROUP_ERROR, REACH_GROUP_ERROR_COORDINATES);
  g_clear_error (&error);

  /* a category that does not exist is refused by the database, and nothing stays */
  group->has_point = FALSE;
  reach_group_add_category (group, 999);
  g_assert_false (reach_groups_insert (db, group, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM community_group"), ==, 0);
}

/* The status rule, as of 30 June 2025: the window starts on 30 June 2024. */
typedef struct
{
  ReachDb   *db;
  GDateTime *today;
  gint64     deaf;
  gint64     bsl;
  gint64     ward1;
  gint64     ward2;
  gint64     group;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ReachGroup) group = reach_group_new ();

  f->db = eng_open_db ();
  f->today = g_date_time_new_utc (2025, 6, 30, 9, 0, 0);
  f->deaf = eng_add_category (f->db, "test-hearing", "deaf");
  f->bsl = eng_add_category (f->db, "test-language", "bsl");
  f->ward1 = eng_add_area (f->db, "E05000001", "One", -1.6, 53.7, -1.5, 53.8);
  f->ward2 = eng_add_area (f->db, "E05000002", "Two", -1.5, 53.7, -1.4, 53.8);

  group->name = g_strdup ("Deaf BSL users");
  reach_group_add_category (group, f->deaf);
  reach_group_add_category (group, f->bsl);
  reach_group_add_area (group, f->ward1);
  g_assert_true (reach_groups_insert (f->db, group, NULL));
  f->group = group->id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  g_clear_pointer (&f->today, g_date_time_unref);
}

static gint64
add_activity (Fixture             *f,
              int                  year,
              int                  month,
              int                  day,
              ReachLadderRung      rung,
              ReachActivityStatus  status,
              gint64               area_id)
{
  g_autoptr(ReachActivity) activity = reach_activity_new ();
  g_autoptr(GDateTime) when = eng_date (year, month, day);
  g_autoptr(GError) error = NULL;

  activity->title = g_strdup ("Session");
  reach_activity_set_starts_at (activity, when);
  activity->rung = rung;
  activity->status = status;
  if (area_id > 0)
    reach_activity_add_area (activity, area_id);
  g_assert_true (reach_activities_insert (f->db, activity, &error));
  g_assert_no_error (error);
  return activity->id;
}

static void
get_reach (Fixture         *f,
           ReachGroupReach *reach)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (reach_groups_get_reach (f->db, f->group, f->today, reach, &error));
  g_assert_no_error (error);
}

static void
test_status_not_yet_reached (Fixture       *f,
                             gconstpointer  data)
{
  ReachGroupReach reach;
  gint64 member = eng_add_contact (f->db, "Member One", NULL);
  gint64 old, planned, elsewhere, cancelled;

  eng_add_member (f->db, member, f->group);

  /* 30 June 2024 is in the window; the day before is not */
  old = add_activity (f, 2024, 6, 29, REACH_LADDER_CO_PRODUCTION, REACH_ACTIVITY_DONE, f->ward1);
  g_assert_true (reach_activities_add_participant (f->db, old, member, NULL, NULL));
  g_assert_true (reach_activities_set_headcount (f->db, old, f->deaf, 20, NULL));
  /* planned, cancelled, or after today: nothing happened yet */
  planned = add_activity (f, 2025, 6, 1, REACH_LADDER_CO_DESIGN, REACH_ACTIVITY_PLANNED, f->ward1);
  g_assert_true (reach_activities_set_headcount (f->db, planned, f->deaf, 20, NULL));
  cancelled = add_activity (f, 2025, 6, 2, REACH_LADDER_CO_DESIGN, REACH_ACTIVITY_CANCELLED, f->ward1);
  g_assert_true (reach_activities_add_participant (f->db, cancelled, member, NULL, NULL));
  g_assert_true (reach_activities_add_participant (f->db,
                   add_activity (f, 2025, 7, 1, REACH_LADDER_CO_DESIGN, REACH_ACTIVITY_DONE, f->ward1),
                   member, NULL, NULL));
  /* counted in another area, or in a category the group is not about */
  elsewhere = add_activity (f, 2025, 5, 1, REACH_LADDER_CO_DESIGN, REACH_ACTIVITY_DONE, f->ward2);
  g_assert_true (reach_activities_set_headcount (f->db, elsewhere, f->deaf, 20, NULL));
  g_assert_true (reach_activities_set_headcount (f->db,
                   add_activity (f, 2025, 5, 2, REACH_LADDER_CO_DESIGN, REACH_ACTIVITY_DONE, f->ward1),
                   eng_add_category (f->db, "test-hearing", "hearing"), 20, NULL));
  /* a non-member took part */
  g_assert_true (reach_activities_add_participant (f->db, elsewhere,
                                                   eng_add_contact (f->db, "Not A Member", NULL),
                                                   NULL, NULL));

  get_reach (f, &reach);
  g_assert_cmpint (reach.status, ==, REACH_GROUP_STATUS_NOT_YET_REACHED);
  g_assert_cmpuint (reach.n_activities, ==, 0);
  g_assert_cmpuint (reach.n_people, ==, 0);
  g_assert_cmpstr (reach.last_activity_date, ==, "");
  g_assert_cmpint (reach.last_activity_id, ==, 0);

  /* moving "today" back brings the old activity into the window */
  g_date_time_unref (f->today);
  f->today = g_date_time_new_utc (2025, 6, 28, 9, 0, 0);
  get_reach (f, &reach);
  g_assert_cmpint (reach.status, ==, REACH_GROUP_STATUS_REACHED);
  g_assert_cmpstr (reach.last_activity_date, ==, "2024-06-29");
  g_assert_cmpint (reach.last_activity_id, ==, old);
  g_assert_cmpuint (reach.n_named, ==, 1);
  g_assert_cmpuint (reach.n_counted, ==, 20);
}

static void
test_status_under_represented_then_reached (Fixture       *f,
                                            gconstpointer  data)
{
  ReachGroupReach reach;
  gint64 first, second;
  gint64 members[2];

  /* 3 people counted at a consultation: too few */
  first = add_activity (f, 2025, 3, 1, REACH_LADDER_CONSULTATION, REACH_ACTIVITY_DONE, f->ward1);
  g_assert_true (reach_activities_set_headcount (f->db, first, f->deaf, 3, NULL));
  /* at one activity, someone deaf and a BSL user counts once: the larger count */
  g_assert_true (reach_activities_set_headcount (f->db, first, f->bsl, 2, NULL));
  get_reach (f, &reach);
  g_assert_cmpint (reach.status, ==, REACH_GROUP_STATUS_UNDER_REPRESENTED);
  g_assert_cmpuint (reach.n_counted, ==, 3);
  g_assert_cmpuint (reach.n_people, ==, 3);
  g_assert_cmpint (reach.best_rung, ==, REACH_LADDER_CONSULTATION);
  g_assert_cmpstr (reach.last_activity_date, ==, "2025-03-01");

  /* two members at an informing session, one of them twice: 5 people */
  second = add_activity (f, 2025, 5, 10, REACH_LADDER_INFORMING, REACH_ACTIVITY_DONE, 0);
  for (guint i = 0; i < 2; i++)
    {
      members[i] = eng_add_contact (f->db, i ? "Member Two" : "Member One", NULL);
      eng_add_member (f->db, members[i], f->group);
      g_assert_true (reach_activities_add_participant (f->db, second, members[i], NULL, NULL));
    }
  g_assert_true (reach_activities_add_participant (f->db, first, members[0], NULL, NULL));

  get_reach (f, &reach);
  g_assert_cmpint (reach.status, ==, REACH_GROUP_STATUS_REACHED);
  g_assert_cmpuint (reach.n_activities, ==, 2);
  g_assert_cmpuint (reach.n_named, ==, 2);
  g_assert_cmpuint (reach.n_people, ==, 5);
  g_assert_cmpstr (reach.last_activity_date, ==, "2025-05-10");
  g_assert_cmpint (reach.last_activity_id, ==, second);
  g_assert_cmpint (reach.best_rung, ==, REACH_LADDER_CONSULTATION);

  /* only informing: many people, but not engagement */
  {
    g_autoptr(ReachActivity) activity = reach_activities_get (f->db, first, NULL);

    activity->rung = REACH_LADDER_INFORMING;
    g_assert_true (reach_activities_update (f->db, activity, NULL));
    g_assert_true (reach_activities_set_headcount (f->db, first, f->deaf, 30, NULL));
  }
  get_reach (f, &reach);
  g_assert_cmpint (reach.status, ==, REACH_GROUP_STATUS_UNDER_REPRESENTED);
  g_assert_cmpuint (reach.n_people, ==, 32);
  g_assert_cmpint (reach.best_rung, ==, REACH_LADDER_INFORMING);
}

static void
test_status_where (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ReachGroup) group = reach_groups_get (f->db, f->group, NULL);
  ReachGroupReach reach;
  gint64 in_ward2 = add_activity (f, 2025, 4, 1, REACH_LADDER_CO_DESIGN, REACH_ACTIVITY_DONE, f->ward2);

  g_assert_true (reach_activities_set_headcount (f->db, in_ward2, f->deaf, 6, NULL));
  get_reach (f, &reach);
  g_assert_cmpint (reach.status, ==, REACH_GROUP_STATUS_NOT_YET_REACHED);

  /* a point in ward 2 stands for ward 2 */
  group->has_point = TRUE;
  group->lon = -1.45;
  group->lat = 53.75;
  g_assert_true (reach_groups_update (f->db, group, NULL));
  get_reach (f, &reach);
  g_assert_cmpint (reach.status, ==, REACH_GROUP_STATUS_REACHED);
  g_assert_cmpuint (reach.n_counted, ==, 6);

  /* no place at all: anywhere counts */
  group->has_point = FALSE;
  g_array_set_size (group->area_ids, 0);
  g_assert_true (reach_groups_update (f->db, group, NULL));
  get_reach (f, &reach);
  g_assert_cmpint (reach.status, ==, REACH_GROUP_STATUS_REACHED);

  /* a group about no category is reached only through its members */
  g_array_set_size (group->category_ids, 0);
  g_assert_true (reach_groups_update (f->db, group, NULL));
  get_reach (f, &reach);
  g_assert_cmpint (reach.status, ==, REACH_GROUP_STATUS_NOT_YET_REACHED);
}

static void
test_status_text (void)
{
  const char *rule = reach_group_status_rule_text ();

  g_assert_nonnull (strstr (rule, "12 months"));
  g_assert_nonnull (strstr (rule, "at least 5 people"));
  g_assert_nonnull (strstr (rule, "consultation"));
  g_assert_cmpstr (reach_group_status_to_string (REACH_GROUP_STATUS_UNDER_REPRESENTED), ==,
                   "under-represented");
  g_assert_cmpstr (reach_group_status_label (REACH_GROUP_STATUS_NOT_YET_REACHED), ==,
                   "Not yet reached");
}

static void
test_missing_group (void)
{
  g_autoptr(ReachDb) db = eng_open_db ();
  g_autoptr(GDateTime) today = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  ReachGroupReach reach;

  g_assert_false (reach_groups_get_reach (db, 42, today, &reach, &error));
  g_assert_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/groups/crud", test_crud);
  g_test_add_func ("/groups/validation", test_validation);
  g_test_add ("/groups/status/not-yet-reached", Fixture, NULL,
              fixture_set_up, test_status_not_yet_reached, fixture_tear_down);
  g_test_add ("/groups/status/under-represented-then-reached", Fixture, NULL,
              fixture_set_up, test_status_under_represented_then_reached, fixture_tear_down);
  g_test_add ("/groups/status/where", Fixture, NULL,
              fixture_set_up, test_status_where, fixture_tear_down);
  g_test_add_func ("/groups/status/text", test_status_text);
  g_test_add_func ("/groups/status/missing-group", test_missing_group);

  return g_test_run ();
}
