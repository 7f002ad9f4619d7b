/* test-demo-people.c — the demo's fictional people, groups, activities and feedback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "reach-activity.h"
#include "reach-demo.h"
#include "reach-demo-people.h"
#include "reach-feedback.h"
#include "reach-group.h"
#include "test-engagement-util.h"

static ReachDb *
build_demo (void)
{
  g_autoptr(GError) error = NULL;
  ReachDb *db = eng_open_db ();

  g_assert_true (reach_demo_build (db, reach_data_dir (), &error));
  g_assert_no_error (error);
  return db;
}

static void
test_counts (void)
{
  g_autoptr(ReachDb) db = build_demo ();

  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM contact WHERE kind = 'person'"), ==, 56);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM contact WHERE kind = 'organisation'"), ==, 4);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM community_group"), ==, 8);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM activity"), ==, 25);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM participation"), ==, 98);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM headcount"), ==, 21);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM feedback"), ==, 16);

  /* clearly fictional: example.org addresses, Ofcom's drama numbers */
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM contact WHERE email IS NOT NULL "
                                  "AND email NOT LIKE '%example.org'"), ==, 0);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM contact WHERE phone IS NOT NULL "
                                  "AND phone NOT LIKE '0113 496 0%'"), ==, 0);

  /* equality answers only where consent covers them, and some people have them */
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM contact_equality e JOIN contact c "
                                  "ON c.id = e.contact_id WHERE c.consent_equality = 0 "
                                  "OR c.consent_date IS NULL OR c.consent_withdrawn IS NOT NULL"), ==, 0);
  g_assert_cmpint (eng_count (db, "SELECT count(DISTINCT contact_id) FROM contact_equality"), >=, 30);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM contact WHERE consent_date IS NULL"), >, 0);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM contact WHERE consent_withdrawn IS NOT NULL"), >, 0);

  /* activities over the last 18 months, most at library venues */
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM activity WHERE starts_at < "
                                  "strftime ('%Y-%m-%d', 'now', '-18 months')"), ==, 0);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM activity a JOIN place p ON p.id = a.place_id "
                                  "WHERE p.name LIKE '%library%'"), ==, 22);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM activity WHERE status = 'planned'"), ==, 2);
}

static ReachGroupStatus
status_of (ReachDb    *db,
           const char *name,
           GDateTime  *today)
{
  g_autoptr(GPtrArray) found = reach_groups_list (db, name, NULL);
  g_autoptr(GError) error = NULL;
  ReachGroupReach reach;

  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (reach_groups_get_reach (db, ((ReachGroup *) found->pdata[0])->id, today, &reach, &error));
  g_assert_no_error (error);
  return reach.status;
}

static void
test_gaps_show (void)
{
  g_autoptr(ReachDb) db = build_demo ();
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) not_fed_back = NULL;

  g_assert_cmpint (status_of (db, "Deaf BSL users", today), ==, REACH_GROUP_STATUS_REACHED);
  g_assert_cmpint (status_of (db, "Older people in Horsforth", today), ==, REACH_GROUP_STATUS_REACHED);
  g_assert_cmpint (status_of (db, "South Asian women", today), ==, REACH_GROUP_STATUS_REACHED);
  g_assert_cmpint (status_of (db, "Young carers", today), ==, REACH_GROUP_STATUS_UNDER_REPRESENTED);
  g_assert_cmpint (status_of (db, "Polish community", today), ==, REACH_GROUP_STATUS_UNDER_REPRESENTED);
  g_assert_cmpint (status_of (db, "Cottingley Springs", today), ==, REACH_GROUP_STATUS_NOT_YET_REACHED);
  g_assert_cmpint (status_of (db, "homelessness", today), ==, REACH_GROUP_STATUS_NOT_YET_REACHED);
  g_assert_cmpint (status_of (db, "Care leavers", today), ==, REACH_GROUP_STATUS_NOT_YET_REACHED);

  open = reach_feedback_list (db, REACH_FEEDBACK_FILTER_STILL_OPEN, 0, NULL);
  not_fed_back = reach_feedback_list (db, REACH_FEEDBACK_FILTER_NOT_FED_BACK, 0, NULL);
  g_assert_cmpuint (open->len, ==, 6);
  g_assert_cmpuint (not_fed_back->len, ==, 5);
}

static void
test_venues (void)
{
  g_autoptr(ReachDb) db = build_demo ();
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GArray) uses = reach_activities_venue_recency (db, today, NULL);

  /* 12 libraries used (Armley only for a cancelled and a planned one); the
   * most recent is Horsforth, two weeks ago */
  g_assert_nonnull (uses);
  g_assert_cmpuint (uses->len, ==, 12);
  g_assert_cmpint (g_array_index (uses, ReachVenueUse, 0).days_ago, ==, 14);
  g_assert_cmpint (g_array_index (uses, ReachVenueUse, 0).place_id, ==,
                   eng_count (db, "SELECT id FROM place WHERE name = 'Horsforth library'"));
}

/* Everything the demo adds, as text, in id order. */
static char *
dump (ReachDb *db)
{
  static const char * const queries[] = {
    "SELECT name || '|' || ifnull (email, '') || '|' || ifnull (consent_date, '') FROM contact ORDER BY id",
    "SELECT name || '|' || ifnull (lat, '') FROM community_group ORDER BY id",
    "SELECT group_id || ':' || category_id FROM community_group_category ORDER BY 1",
    "SELECT contact_id || ':' || ifnull (group_id, '') || ':' || ifnull (organisation_id, '') "
      "FROM contact_membership ORDER BY 1",
    "SELECT title || '|' || starts_at || '|' || ifnull (place_id, '') || '|' || status FROM activity ORDER BY id",
    "SELECT activity_id || ':' || contact_id FROM participation ORDER BY id",
    "SELECT activity_id || ':' || category_id || ':' || count FROM headcount ORDER BY id",
    "SELECT contact_id || ':' || category_id FROM contact_equality ORDER BY 1",
    "SELECT you_said || '|' || status || '|' || ifnull (fed_back_at, '') FROM feedback ORDER BY id",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = reach_db_prepare (db, queries[i], NULL);

      g_assert_nonnull (stmt);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (out, "%s\n", sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  return g_string_free (out, FALSE);
}

static void
test_deterministic (void)
{
  g_autoptr(ReachDb) first = build_demo ();
  g_autoptr(ReachDb) second = build_demo ();
  g_autofree char *a = dump (first);
  g_autofree char *b = dump (second);

  g_assert_cmpuint (strlen (a), >, 5000);
  g_assert_cmpstr (a, ==, b);
}

static void
test_needs_demo_places (void)
{
  g_autoptr(ReachDb) db = eng_open_db ();
  g_autoptr(GDateTime) today = g_date_time_new_utc (2025, 6, 30, 8, 0, 0);
  g_autoptr(GError) error = NULL;

  /* without the demo's places and areas there is nothing to build on, and nothing stays */
  g_assert_false (reach_demo_people_build (db, today, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM contact"), ==, 0);
  g_assert_cmpint (eng_count (db, "SELECT count(*) FROM category WHERE label = 'Deaf BSL users'"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo-people/counts", test_counts);
  g_test_add_func ("/demo-people/gaps-show", test_gaps_show);
  g_test_add_func ("/demo-people/venues", test_venues);
  g_test_add_func ("/demo-people/deterministic", test_deterministic);
  g_test_add_func ("/demo-people/needs-the-demo-places", test_needs_demo_places);

  return g_test_run ();
}
