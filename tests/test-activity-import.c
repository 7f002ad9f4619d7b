/* test-activity-import.c — activities and participation from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "reach-activity.h"
#include "reach-activity-import.h"
#include "test-engagement-util.h"

typedef struct
{
  ReachDb   *db;
  GDateTime *today;
  gint64     library;
  gint64     hall;
  gint64     ward1;
  gint64     ward2;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = eng_open_db ();
  f->today = g_date_time_new_utc (2025, 6, 30, 12, 0, 0);
  f->library = eng_add_place (f->db, "Central Library", -1.55, 53.80);
  f->hall = eng_add_place (f->db, "Hall", -1.50, 53.80);
  f->ward1 = eng_add_area (f->db, "E05000001", "One", -1.6, 53.7, -1.5, 53.8);
  f->ward2 = eng_add_area (f->db, "E05000002", "Two", -1.5, 53.7, -1.4, 53.8);
  eng_add_contact (f->db, "Ann Example", "ann@example.org");
  eng_add_contact (f->db, "Bob Example", "bob@example.org");
  eng_add_contact (f->db, "Carol Example", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  g_clear_pointer (&f->today, g_date_time_unref);
}

static ReachActivityImport *
import_file (Fixture                  *f,
             ReachActivityImportKind   kind,
             const char               *name,
             GError                  **error)
{
  g_autofree char *path = reach_test_file ("data", "engagement", name, NULL);
  g_autoptr(ReachActivityImport) import = reach_activity_import_new (kind, path);

  reach_activity_import_set_today (import, f->today);
  if (!reach_activity_import_read (import, f->db, error) ||
      !reach_activity_import_commit (import, f->db, error))
    return NULL;

  return g_steal_pointer (&import);
}

static gboolean
notes_contain (ReachActivityImport *import,
               const char          *text)
{
  const char * const *notes = reach_activity_import_get_notes (import);

  for (guint i = 0; notes[i] != NULL; i++)
    if (g_str_equal (notes[i], text))
      return TRUE;
  return FALSE;
}

static void
test_activities_good (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachActivityImport) import = import_file (f, REACH_ACTIVITY_IMPORT_ACTIVITIES,
                                                       "activities-good.csv", &error);
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GDateTime) design_day = g_date_time_new_utc (2025, 2, 15, 18, 30, 0);
  ReachActivity *a;

  g_assert_no_error (error);
  g_assert_cmpuint (reach_activity_import_get_n_items (import), ==, 4);
  g_assert_true (notes_contain (import, "4 activities"));
  g_assert_true (notes_contain (import, "3 venues matched to places by name"));
  g_assert_true (notes_contain (import, "No status column: 3 activities before today will be "
                                        "marked done, the others planned"));

  timeline = reach_activities_list (f->db, NULL, &error);
  g_assert_cmpuint (timeline->len, ==, 4);

  a = timeline->pdata[0];
  g_assert_cmpstr (a->title, ==, "Board meeting");
  g_assert_cmpint (a->type, ==, REACH_ACTIVITY_TYPE_WORKING_GROUP);
  g_assert_cmpint (a->place_id, ==, f->hall);
  g_assert_cmpint (a->status, ==, REACH_ACTIVITY_PLANNED);
  g_assert_cmpint (a->rung, ==, REACH_LADDER_UNKNOWN);
  g_assert_cmpuint (a->area_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (a->area_ids, gint64, 0), ==, f->ward2);

  a = timeline->pdata[2];
  g_assert_cmpstr (a->title, ==, "Deaf-led design day");
  g_assert_cmpint (a->type, ==, REACH_ACTIVITY_TYPE_WORKSHOP);
  /* 18:30 in February in the UK is 18:30 UTC */
  g_assert_true (g_date_time_equal (a->starts_at, design_day));
  g_assert_cmpint (a->place_id, ==, f->library);
  g_assert_cmpint (a->rung, ==, REACH_LADDER_CO_DESIGN);
  g_assert_cmpuint (a->area_ids->len, ==, 2);
  g_assert_cmpstr (a->notes, ==, "Notes over\ntwo lines");
  g_assert_cmpint (a->status, ==, REACH_ACTIVITY_DONE);

  a = timeline->pdata[1];
  g_assert_cmpstr (a->title, ==, "Online survey");
  g_assert_cmpint (a->place_id, ==, 0);
  g_assert_cmpint (a->rung, ==, REACH_LADDER_INFORMING);

  g_assert_cmpint (eng_count (f->db, "SELECT count(*) FROM audit WHERE tbl = 'activity' "
                                     "AND action = 'import'"), ==, 1);
}

static void
assert_refused (Fixture                  *f,
                ReachActivityImportKind   kind,
                const char               *name,
                const char               *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachActivityImport) import = import_file (f, kind, name, &error);
  gint64 activities = eng_count (f->db, "SELECT count(*) FROM activity");
  gint64 participation = eng_count (f->db, "SELECT count(*) FROM participation");

  g_assert_null (import);
  g_assert_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);

  /* nothing written: counts as they were before this import */
  g_assert_cmpint (eng_count (f->db, "SELECT count(*) FROM activity"), ==, activities);
  g_assert_cmpint (eng_count (f->db, "SELECT count(*) FROM participation"), ==, participation);
}

static void
test_activities_refused (Fixture       *f,
                         gconstpointer  data)
{
  assert_refused (f, REACH_ACTIVITY_IMPORT_ACTIVITIES, "activities-unknown-venue.csv",
                  "activities-unknown-venue.csv line 5: there is no place called "
                  "“The Moon Community Centre” to be the venue");
  assert_refused (f, REACH_ACTIVITY_IMPORT_ACTIVITIES, "activities-bad-date.csv",
                  "activities-bad-date.csv line 4: “31/02/2025” is not a date (write 2025-03-04 "
                  "or 04/03/2025, with a time as 2025-03-04 18:30 if you like)");
  assert_refused (f, REACH_ACTIVITY_IMPORT_ACTIVITIES, "activities-unknown-area.csv",
                  "activities-unknown-area.csv line 2: there is no area with the code “E05999999”");
  assert_refused (f, REACH_ACTIVITY_IMPORT_ACTIVITIES, "activities-bad-rung.csv",
                  "activities-bad-rung.csv line 2: “tokenism” is not a rung of the ladder of "
                  "participation (use coercion, educating, informing, consultation, engagement, "
                  "co-design or co-production)");
  assert_refused (f, REACH_ACTIVITY_IMPORT_ACTIVITIES, "activities-no-date-column.csv",
                  "activities-no-date-column.csv line 1: there is no “date” column "
                  "(Reach looks for: date starts_at start starts when)");
  g_assert_cmpint (eng_count (f->db, "SELECT count(*) FROM activity"), ==, 0);
  g_assert_cmpint (eng_count (f->db, "SELECT count(*) FROM audit WHERE tbl = 'activity'"), ==, 0);
}

static void
test_participation (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachActivityImport) activities = import_file (f, REACH_ACTIVITY_IMPORT_ACTIVITIES,
                                                           "activities-good.csv", &error);
  g_autoptr(ReachActivityImport) import = NULL;
  g_autoptr(ReachActivityImport) again = NULL;

  g_assert_no_error (error);
  import = import_file (f, REACH_ACTIVITY_IMPORT_PARTICIPATION, "participation-good.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reach_activity_import_get_n_items (import), ==, 4);
  g_assert_true (notes_contain (import, "4 participants at 2 activities"));
  g_assert_true (notes_contain (import, "1 row repeats a participation already recorded: it is skipped"));

  g_assert_cmpint (eng_count (f->db, "SELECT count(*) FROM participation"), ==, 4);
  g_assert_cmpint (eng_count (f->db, "SELECT count(*) FROM participation p JOIN activity a "
                                     "ON a.id = p.activity_id WHERE a.title = 'Carers'' café'"), ==, 2);
  g_assert_cmpint (eng_count (f->db, "SELECT count(*) FROM participation WHERE role = 'speaker' "
                                     "AND contact_id = 2"), ==, 1);
  g_assert_cmpint (reach_activities_count_participants (f->db, 2, NULL), ==, 2);

  /* the same file again adds nothing */
  again = import_file (f, REACH_ACTIVITY_IMPORT_PARTICIPATION, "participation-good.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reach_activity_import_get_n_items (again), ==, 0);
  g_assert_true (notes_contain (again, "5 rows repeat a participation already recorded: they are skipped"));
  g_assert_cmpint (eng_count (f->db, "SELECT count(*) FROM participation"), ==, 4);
}

static void
test_participation_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachActivityImport) activities = import_file (f, REACH_ACTIVITY_IMPORT_ACTIVITIES,
                                                           "activities-good.csv", &error);

  g_assert_no_error (error);
  assert_refused (f, REACH_ACTIVITY_IMPORT_PARTICIPATION, "participation-unknown-contact.csv",
                  "participation-unknown-contact.csv line 3: there is no contact with the email "
                  "address nobody@example.org");
  assert_refused (f, REACH_ACTIVITY_IMPORT_PARTICIPATION, "participation-unknown-activity.csv",
                  "participation-unknown-activity.csv line 3: there is no activity with the id 99");
  g_assert_cmpint (eng_count (f->db, "SELECT count(*) FROM participation"), ==, 0);
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ReachActivityImport) import =
    reach_activity_import_new (REACH_ACTIVITY_IMPORT_ACTIVITIES, "/nonexistent/activities.csv");
  g_autoptr(GError) error = NULL;

  g_assert_false (reach_activity_import_read (import, f->db, &error));
  g_assert_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "activities.csv"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/activity-import/activities/good", test_activities_good);
  ADD ("/activity-import/activities/refused", test_activities_refused);
  ADD ("/activity-import/participation/good", test_participation);
  ADD ("/activity-import/participation/refused", test_participation_refused);
  ADD ("/activity-import/missing-file", test_missing_file);
#undef ADD

  return g_test_run ();
}
