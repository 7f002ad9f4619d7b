/* test-gaps.c — the gap analysis, worked by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Wilson intervals were computed with z = 1.959963984540054:
 * p̂ = k/n, d = 1 + z²/n, centre = (p̂ + z²/2n)/d,
 * half = z·√(p̂(1−p̂)/n + z²/4n²)/d.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "reach-area.h"
#include "reach-area-assign.h"
#include "reach-baseline.h"
#include "reach-classification.h"
#include "reach-gaps.h"
#include "reach-ladder.h"
#include "reach-testutil.h"

#define EPS 5e-6

static void
assert_wilson (gint64 k,
               gint64 n,
               double lo,
               double hi)
{
  double low, high;

  reach_wilson_interval (k, n, &low, &high);
  g_assert_cmpfloat_with_epsilon (low, lo, EPS);
  g_assert_cmpfloat_with_epsilon (high, hi, EPS);
}

static void
test_wilson (void)
{
  double lo, hi;

  assert_wilson (8, 20, 0.218807, 0.613418);   /* the textbook case: [0.219, 0.613] */
  assert_wilson (0, 10, 0, 0.277533);           /* a share of 0: hi = z²/(n + z²) */
  assert_wilson (10, 10, 0.722467, 1);          /* a share of 1: lo = n/(n + z²) */
  assert_wilson (1, 100, 0.001767, 0.054486);
  assert_wilson (5, 7, 0.358934, 0.917781);

  reach_wilson_interval (0, 0, &lo, &hi);
  g_assert_true (isnan (lo) && isnan (hi));
}

static void
test_flags (void)
{
  /* n = 0: nothing to flag */
  g_assert_cmpint (reach_gap_flag_compute (0, 0, 0.3), ==, REACH_GAP_NO_DATA);
  /* k = 0 and expected = 20 × 0.1 = 2 ≥ 1 */
  g_assert_cmpint (reach_gap_flag_compute (0, 20, 0.1), ==, REACH_GAP_NOT_REACHED);
  /* k = 0 but expected 0.5: hi 0.4345 ≥ 0.1, RR 0 < 0.8 */
  g_assert_cmpint (reach_gap_flag_compute (0, 5, 0.1), ==, REACH_GAP_UNDER);
  /* 1 of 100: hi 0.0545 < 0.2 */
  g_assert_cmpint (reach_gap_flag_compute (1, 100, 0.2), ==, REACH_GAP_SIGNIFICANTLY_UNDER);
  /* 7 of 50: RR 0.14 / 0.2 = 0.7 < 0.8, hi 0.2619 ≥ 0.2 */
  g_assert_cmpint (reach_gap_flag_compute (7, 50, 0.2), ==, REACH_GAP_UNDER);
  /* 30 of 50: lo 0.4618 > 0.3 */
  g_assert_cmpint (reach_gap_flag_compute (30, 50, 0.3), ==, REACH_GAP_OVER);
  /* 10 of 50 against 0.2 */
  g_assert_cmpint (reach_gap_flag_compute (10, 50, 0.2), ==, REACH_GAP_IN_LINE);
  /* absent from the baseline (p = 0): anyone reached is more than expected */
  g_assert_cmpint (reach_gap_flag_compute (2, 20, 0), ==, REACH_GAP_OVER);
  g_assert_cmpint (reach_gap_flag_compute (0, 20, 0), ==, REACH_GAP_IN_LINE);
  /* population share 1 */
  g_assert_cmpint (reach_gap_flag_compute (20, 20, 1), ==, REACH_GAP_IN_LINE);
  g_assert_cmpint (reach_gap_flag_compute (15, 20, 1), ==, REACH_GAP_SIGNIFICANTLY_UNDER);

  g_assert_cmpstr (reach_gap_flag_to_string (REACH_GAP_SIGNIFICANTLY_UNDER), ==,
                   "significantly-under-represented");
  g_assert_cmpstr (reach_gap_flag_to_string (REACH_GAP_NO_DATA), ==, "no-data");
}

/* ---- a small workspace ----------------------------------------------------- */

static void
exec (ReachDb    *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (reach_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static void
add_square (ReachDb        *db,
            const char     *code,
            ReachAreaLevel  level,
            double          west,
            double          width)
{
  g_autoptr(ReachArea) area = reach_area_new ();
  g_autofree char *json = g_strdup_printf ("{\"type\":\"Polygon\",\"coordinates\":[[[%g,50],[%g,50],"
                                           "[%g,51],[%g,51],[%g,50]]]}",
                                           west, west + width, west + width, west, west);

  area->code = g_strdup (code);
  area->name = g_strdup (code);
  area->level = level;
  area->geometry = reach_geometry_new_from_text (json, NULL);
  g_assert_true (reach_areas_insert (db, area, NULL));
}

static void
import_text (ReachDb    *db,
             const char *text)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "baseline.csv", NULL);
  g_autoptr(ReachBaselineImport) import = reach_baseline_import_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (reach_baseline_import_read (import, db, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (reach_baseline_import_commit (import, db, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A person with consent and, when category is not NULL, an answer. */
static void
add_person (ReachDb    *db,
            gint64      id,
            double      lon,
            const char *characteristic,
            const char *category)
{
  g_autofree char *sql = NULL;

  if (lon != 0)
    sql = g_strdup_printf ("INSERT INTO contact (id, name, lat, lon, consent_date, consent_equality) "
                           "VALUES (%" G_GINT64_FORMAT ", 'P', 50.5, %g, '2025-01-01', 1)", id, lon);
  else
    sql = g_strdup_printf ("INSERT INTO contact (id, name, consent_date, consent_equality) "
                           "VALUES (%" G_GINT64_FORMAT ", 'P', '2025-01-01', 1)", id);
  exec (db, sql);
  if (category != NULL)
    {
      g_free (sql);
      sql = g_strdup_printf ("INSERT INTO contact_equality (contact_id, category_id) SELECT %"
                             G_GINT64_FORMAT ", g.id FROM category g JOIN characteristic c ON "
                             "c.id = g.characteristic_id WHERE c.key = '%s' AND g.key = '%s'",
                             id, characteristic, category);
      exec (db, sql);
    }
}

static void
take_part (ReachDb *db,
           gint64   activity,
           gint64   contact)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO participation (activity_id, contact_id) "
                                          "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                                          activity, contact);
  exec (db, sql);
}

static void
headcount (ReachDb    *db,
           gint64      activity,
           const char *category,
           int         count)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO headcount (activity_id, category_id, count) "
                                          "SELECT %" G_GINT64_FORMAT ", g.id, %d FROM category g "
                                          "JOIN characteristic c ON c.id = g.characteristic_id "
                                          "WHERE c.key = 'sex' AND g.key = '%s'",
                                          activity, count, category);
  exec (db, sql);
}

/* Wards W1 = [0, 1] and W2 = [1, 2]; LSOAs L1, L2 inside W1, L3 = W2.
 * Sex baselines by LSOA: L1 300 F 200 M, L2 300 F 200 M, L3 500 F 500 M.
 * Activity 1 (2025-03-01, covers W1): people 1 F (L1), 2 F (L2), 3 M (L3),
 * 4 prefer not to say (L1), 5 no answer (L3), 6 F with no location;
 * headcount 2 F, 1 M, 1 prefer not to say.  Activity 2 (2024-01-01):
 * 7 M (L3).  Activity 3 (2025-04-01, cancelled): 8 M (L3). */
static ReachDb *
sex_workspace (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "gaps.reach", NULL);
  ReachDb *db = reach_db_open (path, NULL);

  g_assert_nonnull (db);
  add_square (db, "E05000001", REACH_AREA_LEVEL_WARD, 0, 1);
  add_square (db, "E05000002", REACH_AREA_LEVEL_WARD, 1, 1);
  add_square (db, "E01000001", REACH_AREA_LEVEL_LSOA, 0, 0.5);
  add_square (db, "E01000002", REACH_AREA_LEVEL_LSOA, 0.5, 0.5);
  add_square (db, "E01000003", REACH_AREA_LEVEL_LSOA, 1, 1);
  import_text (db, "date,geography,geography code,Sex: All persons,Sex: Female,Sex: Male\n"
                   "2021,L1,E01000001,500,300,200\n"
                   "2021,L2,E01000002,500,300,200\n"
                   "2021,L3,E01000003,1000,500,500\n");

  exec (db, "INSERT INTO activity (id, title, starts_at, status) VALUES "
            "(1, 'Drop-in', '2025-03-01T10:00:00Z', 'done'), "
            "(2, 'Old survey', '2024-01-01T10:00:00Z', 'done'), "
            "(3, 'Called off', '2025-04-01T10:00:00Z', 'cancelled')");
  exec (db, "INSERT INTO activity_area (activity_id, area_id) SELECT 1, id FROM area WHERE code = 'E05000001'");
  add_person (db, 1, 0.25, "sex", "female");
  add_person (db, 2, 0.75, "sex", "female");
  add_person (db, 3, 1.5, "sex", "male");
  add_person (db, 4, 0.25, "sex", "prefer_not_to_say");
  add_person (db, 5, 1.5, "sex", NULL);
  add_person (db, 6, 0, "sex", "female");
  add_person (db, 7, 1.5, "sex", "male");
  add_person (db, 8, 1.5, "sex", "male");
  for (gint64 c = 1; c <= 6; c++)
    take_part (db, 1, c);
  take_part (db, 2, 7);
  take_part (db, 3, 8);
  headcount (db, 1, "female", 2);
  headcount (db, 1, "male", 1);
  headcount (db, 1, "prefer_not_to_say", 1);
  return db;
}

static ReachGapRow *
row (ReachGapReport *report,
     const char     *key)
{
  for (guint i = 0; i < report->rows->len; i++)
    {
      ReachGapRow *r = &g_array_index (report->rows, ReachGapRow, i);

      if (g_str_equal (r->category_key, key))
        return r;
    }
  g_assert_not_reached ();
}

static void
test_everywhere (void)
{
  g_autoptr(ReachDb) db = sex_workspace ();
  ReachGapQuery query = { "sex", NULL, "2025-01-01", "2025-12-31", FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachGapReport) report = reach_gaps_analyse (db, &query, &error);
  ReachGapRow *f, *m;

  g_assert_no_error (error);
  /* named F 1, 2, 6 and M 3; headcount F 2, M 1: n = 7 */
  g_assert_cmpint (report->n, ==, 7);
  g_assert_cmpint (report->n_named, ==, 4);
  g_assert_cmpint (report->n_headcount, ==, 3);
  g_assert_cmpint (report->n_prefer_not, ==, 2);   /* person 4 and one counted */
  g_assert_cmpint (report->n_unanswered, ==, 1);   /* person 5 */
  g_assert_cmpint (report->population, ==, 2000);
  g_assert_cmpuint (report->rows->len, ==, 2);     /* no row for "prefer not to say" */

  f = row (report, "female");
  g_assert_cmpint (f->population, ==, 1100);
  g_assert_cmpfloat_with_epsilon (f->population_share, 0.55, EPS);
  g_assert_cmpint (f->reached, ==, 5);
  g_assert_cmpfloat_with_epsilon (f->reached_share, 5.0 / 7, EPS);
  g_assert_cmpfloat_with_epsilon (f->ci_low, 0.358934, EPS);
  g_assert_cmpfloat_with_epsilon (f->ci_high, 0.917781, EPS);
  g_assert_cmpfloat_with_epsilon (f->ratio, (5.0 / 7) / 0.55, EPS);
  g_assert_cmpfloat_with_epsilon (f->expected, 3.85, EPS);
  g_assert_cmpfloat_with_epsilon (f->shortfall, -1.15, EPS);
  g_assert_cmpint (f->flag, ==, REACH_GAP_IN_LINE);

  m = row (report, "male");
  g_assert_cmpint (m->reached, ==, 2);
  g_assert_cmpfloat_with_epsilon (m->ci_low, 0.082219, EPS);
  g_assert_cmpfloat_with_epsilon (m->ci_high, 0.641066, EPS);
  g_assert_cmpfloat_with_epsilon (m->ratio, (2.0 / 7) / 0.45, EPS);  /* 0.635 < 0.8 */
  g_assert_cmpfloat_with_epsilon (m->shortfall, 1.15, EPS);
  g_assert_cmpint (m->flag, ==, REACH_GAP_UNDER);

  reach_gap_report_sort_by_shortfall (report);
  g_assert_cmpstr (g_array_index (report->rows, ReachGapRow, 0).category_key, ==, "male");
}

static void
test_ward_scope_sums_lsoas (void)
{
  g_autoptr(ReachDb) db = sex_workspace ();
  const char *w1[] = { "E05000001", NULL };
  const char *w2[] = { "E05000002", NULL };
  ReachGapQuery query = { "sex", w1, "2025-01-01", NULL, FALSE };
  g_autoptr(ReachGapReport) report = reach_gaps_analyse (db, &query, NULL);
  g_autoptr(ReachGapReport) other = NULL;

  /* W1 has no baseline of its own: L1 + L2 give 600 F, 400 M */
  g_assert_nonnull (report);
  g_assert_cmpint (report->population, ==, 1000);
  g_assert_cmpfloat_with_epsilon (row (report, "female")->population_share, 0.6, EPS);
  /* people 1, 2 live there, 6 has no location; the headcount covers W1 */
  g_assert_cmpint (report->n, ==, 5);
  g_assert_cmpint (report->n_unlocated, ==, 1);
  g_assert_cmpint (row (report, "female")->reached, ==, 4);
  g_assert_cmpfloat_with_epsilon (row (report, "female")->ci_low, 0.375535, EPS);
  g_assert_cmpint (row (report, "female")->flag, ==, REACH_GAP_IN_LINE);
  g_assert_cmpint (row (report, "male")->reached, ==, 1);
  g_assert_cmpfloat_with_epsilon (row (report, "male")->expected, 2, EPS);
  g_assert_cmpint (row (report, "male")->flag, ==, REACH_GAP_UNDER);

  /* W1 and its own L1, both with tables: L1's people are counted once */
  {
    const char *both[] = { "E05000001", "E01000001", NULL };
    ReachGapQuery q = { "sex", both, "2025-01-01", NULL, FALSE };
    g_autoptr(ReachGapReport) r = NULL;

    import_text (db, "date,geography,geography code,Sex: All persons,Sex: Female,Sex: Male\n"
                     "2021,W1,E05000001,1001,611,390\n");
    r = reach_gaps_analyse (db, &q, NULL);
    g_assert_cmpint (r->population, ==, 1001);
    g_assert_cmpint (row (r, "female")->population, ==, 611);
    g_assert_cmpint (r->n, ==, 5);
  }

  /* W2: only person 3; the female expected is 0.5, below 1, so not "not reached" */
  query.scope = w2;
  other = reach_gaps_analyse (db, &query, NULL);
  g_assert_cmpint (other->n, ==, 1);
  g_assert_cmpint (row (other, "female")->reached, ==, 0);
  g_assert_cmpfloat_with_epsilon (row (other, "female")->expected, 0.5, EPS);
  g_assert_cmpint (row (other, "female")->flag, ==, REACH_GAP_UNDER);
  g_assert_cmpfloat_with_epsilon (row (other, "male")->ci_low, 0.206549, EPS);
  g_assert_cmpint (row (other, "male")->flag, ==, REACH_GAP_IN_LINE);
}

static void
test_no_data (void)
{
  g_autoptr(ReachDb) db = sex_workspace ();
  ReachGapQuery query = { "sex", NULL, "2030-01-01", NULL, FALSE };
  g_autoptr(ReachGapReport) report = reach_gaps_analyse (db, &query, NULL);
  g_autofree char *json = NULL;

  g_assert_cmpint (report->n, ==, 0);
  for (guint i = 0; i < report->rows->len; i++)
    {
      ReachGapRow *r = &g_array_index (report->rows, ReachGapRow, i);

      g_assert_cmpint (r->flag, ==, REACH_GAP_NO_DATA);
      g_assert_true (isnan (r->reached_share) && isnan (r->ci_low) && isnan (r->ratio));
      g_assert_cmpfloat (r->expected, ==, 0);
    }
  g_assert_nonnull (strstr (g_ptr_array_index (report->notes, 0), "nothing to flag"));

  json = reach_gap_report_to_json (report);
  g_assert_nonnull (strstr (json, "\"reached_share\": null"));
  g_assert_nonnull (strstr (json, "\"flag\": \"no-data\""));
}

/* Religion has no baseline in this workspace: nothing to compare with */
static void
test_no_baseline (void)
{
  g_autoptr(ReachDb) db = sex_workspace ();
  ReachGapQuery query = { "religion", NULL, NULL, NULL, FALSE };
  g_autoptr(ReachGapReport) report = NULL;
  g_autofree char *csv = NULL;

  exec (db, "INSERT INTO contact_equality (contact_id, category_id) SELECT 1, g.id FROM category g "
            "JOIN characteristic c ON c.id = g.characteristic_id WHERE c.key = 'religion' AND g.key = 'sikh'");
  report = reach_gaps_analyse (db, &query, NULL);
  g_assert_cmpint (report->n, ==, 1);
  g_assert_cmpint (report->population, ==, 0);
  g_assert_cmpint (row (report, "sikh")->reached, ==, 1);
  g_assert_cmpfloat_with_epsilon (row (report, "sikh")->reached_share, 1, EPS);
  g_assert_true (isnan (row (report, "sikh")->population_share));
  g_assert_true (isnan (row (report, "sikh")->shortfall));
  g_assert_cmpint (row (report, "sikh")->flag, ==, REACH_GAP_NO_DATA);

  csv = reach_gap_report_to_csv (report);
  g_assert_nonnull (strstr (csv, "\nSikh,0,,1,1.0000,0.2065,1.0000,,,,no-data\n"));
}

static void
test_errors (void)
{
  g_autoptr(ReachDb) db = sex_workspace ();
  const char *nowhere[] = { "E05999999", NULL };
  ReachGapQuery bad_char = { "shoe_size", NULL, NULL, NULL, FALSE };
  ReachGapQuery bad_scope = { "sex", nowhere, NULL, NULL, FALSE };
  ReachGapQuery bad_date = { "sex", NULL, "2025-13-01", NULL, FALSE };
  ReachGapQuery backwards = { "sex", NULL, "2025-02-01", "2025-01-01", FALSE };
  GError *error = NULL;

  g_assert_null (reach_gaps_analyse (db, &bad_char, &error));
  g_assert_error (error, REACH_GAPS_ERROR, REACH_GAPS_ERROR_CHARACTERISTIC);
  g_clear_error (&error);
  g_assert_null (reach_gaps_analyse (db, &bad_scope, &error));
  g_assert_error (error, REACH_GAPS_ERROR, REACH_GAPS_ERROR_SCOPE);
  g_assert_nonnull (strstr (error->message, "E05999999"));
  g_clear_error (&error);
  g_assert_null (reach_gaps_analyse (db, &bad_date, &error));
  g_assert_error (error, REACH_GAPS_ERROR, REACH_GAPS_ERROR_PERIOD);
  g_clear_error (&error);
  g_assert_null (reach_gaps_analyse (db, &backwards, &error));
  g_assert_error (error, REACH_GAPS_ERROR, REACH_GAPS_ERROR_PERIOD);
  g_clear_error (&error);
}

/* Ethnic group: the baseline gives only White and Asian; person 1 is
 * "White and Asian" (mixed), 2 Indian, 3 Irish. */
static void
test_broad_rollup_and_absent_category (void)
{
  g_autoptr(ReachDb) db = sex_workspace ();
  ReachGapQuery query = { "ethnic_group", NULL, NULL, NULL, FALSE };
  g_autoptr(ReachGapReport) report = NULL;
  g_autoptr(ReachGapReport) detailed = NULL;
  ReachGapRow *mixed;

  import_text (db, "date,geography,geography code,Ethnic group: Total: All usual residents,"
                   "\"Ethnic group: Asian, Asian British or Asian Welsh\",Ethnic group: White\n"
                   "2021,L1,E01000001,500,100,400\n"
                   "2021,L2,E01000002,500,100,400\n");
  exec (db, "INSERT INTO contact_equality (contact_id, category_id) SELECT c.id, g.id FROM contact c, "
            "category g WHERE g.characteristic_id = (SELECT id FROM characteristic WHERE key = 'ethnic_group') "
            "AND ((c.id = 1 AND g.key = 'white_and_asian') OR (c.id = 2 AND g.key = 'indian') "
            "OR (c.id = 3 AND g.key = 'irish'))");

  report = reach_gaps_analyse (db, &query, NULL);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->rows->len, ==, 5);
  g_assert_cmpint (report->n, ==, 3);
  g_assert_cmpint (report->population, ==, 1000);
  g_assert_cmpint (row (report, "asian")->reached, ==, 1);
  g_assert_cmpfloat_with_epsilon (row (report, "asian")->population_share, 0.2, EPS);
  g_assert_cmpint (row (report, "white")->reached, ==, 1);

  mixed = row (report, "mixed");
  g_assert_false (mixed->in_baseline);
  g_assert_cmpfloat (mixed->population_share, ==, 0);
  g_assert_true (isnan (mixed->ratio));
  g_assert_cmpint (mixed->flag, ==, REACH_GAP_OVER);
  /* White: 1 of 3 against 0.8 → hi 0.7923 < 0.8 */
  g_assert_cmpint (row (report, "white")->flag, ==, REACH_GAP_SIGNIFICANTLY_UNDER);
  /* Black: absent, nobody reached, expected 3 × 0 = 0: nothing to say against it */
  g_assert_cmpint (row (report, "black")->flag, ==, REACH_GAP_IN_LINE);

  query.detailed = TRUE;
  detailed = reach_gaps_analyse (db, &query, NULL);
  g_assert_cmpuint (detailed->rows->len, ==, 19);
  g_assert_cmpint (row (detailed, "indian")->reached, ==, 1);
  g_assert_false (row (detailed, "indian")->in_baseline);
}

static void
test_area_reach (void)
{
  g_autoptr(ReachDb) db = sex_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) wards = reach_gaps_area_reach (db, REACH_AREA_LEVEL_WARD, "2025-01-01", NULL, &error);
  g_autoptr(GArray) by_area = NULL;
  ReachAreaReach *w1, *w2;

  g_assert_no_error (error);
  g_assert_cmpuint (wards->len, ==, 2);
  w1 = &g_array_index (wards, ReachAreaReach, 0);
  w2 = &g_array_index (wards, ReachAreaReach, 1);
  /* W1: people 1, 2, 4 live there; 1,000 residents from its LSOAs */
  g_assert_cmpstr (w1->code, ==, "E05000001");
  g_assert_cmpint (w1->reached, ==, 3);
  g_assert_cmpint (w1->residents, ==, 1000);
  g_assert_cmpfloat_with_epsilon (w1->per_1000, 3.0, EPS);
  /* W2: people 3 and 5 (7 is outside the period, 8's activity was cancelled) */
  g_assert_cmpint (w2->reached, ==, 2);
  g_assert_cmpfloat_with_epsilon (w2->per_1000, 2.0, EPS);
  g_assert_false (w2->not_reached);

  g_array_unref (wards);
  wards = reach_gaps_area_reach (db, REACH_AREA_LEVEL_WARD, "2030-01-01", NULL, &error);
  g_assert_true (g_array_index (wards, ReachAreaReach, 0).not_reached);

  by_area = reach_gaps_by_area (db, REACH_AREA_LEVEL_WARD, "sex", "female", "2025-01-01", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_area->len, ==, 2);
  g_assert_cmpint (g_array_index (by_area, ReachGapRow, 0).reached, ==, 4);
  g_assert_cmpstr (g_array_index (by_area, ReachGapRow, 1).category_key, ==, "E05000002");
  g_assert_cmpint (g_array_index (by_area, ReachGapRow, 1).reached, ==, 0);
}

static void
test_moved_contact_reassigned (void)
{
  g_autoptr(ReachDb) db = sex_workspace ();

  g_assert_true (reach_area_assign_refresh (db, NULL));
  g_assert_cmpint (reach_area_of_contact (db, 1, REACH_AREA_LEVEL_WARD, NULL), ==, 1);
  exec (db, "UPDATE contact SET lon = 1.5 WHERE id = 1");
  g_assert_cmpint (reach_area_of_contact (db, 1, REACH_AREA_LEVEL_WARD, NULL), ==, 0);
  g_assert_true (reach_area_assign_refresh (db, NULL));
  g_assert_cmpint (reach_area_of_contact (db, 1, REACH_AREA_LEVEL_WARD, NULL), ==, 2);
  g_assert_cmpint (reach_area_of_contact (db, 6, REACH_AREA_LEVEL_WARD, NULL), ==, 0);

  /* venues and group points too */
  exec (db, "INSERT INTO place (id, name, lat, lon) VALUES (1, 'Hall', 50.5, 0.6)");
  exec (db, "INSERT INTO community_group (id, name, lat, lon) VALUES (1, 'Group', 50.5, 1.9)");
  g_assert_true (reach_area_assign_refresh (db, NULL));
  g_assert_cmpint (reach_area_of_place (db, 1, REACH_AREA_LEVEL_WARD, NULL), ==, 1);
  g_assert_cmpint (reach_area_of_place (db, 1, REACH_AREA_LEVEL_LSOA, NULL), ==, 4);
  g_assert_cmpint (reach_area_of_group (db, 1, REACH_AREA_LEVEL_WARD, NULL), ==, 2);
}

/* Rungs: 1 co-production (6 named + 3 counted, the largest characteristic
 * total is sex: 2 + 1 + 1 = 4), 2 consultation (1 named), 3 cancelled. */
static void
test_ladder (void)
{
  g_autoptr(ReachDb) db = sex_workspace ();
  g_autoptr(ReachLadderSummary) s = NULL;
  g_autoptr(GError) error = NULL;

  exec (db, "UPDATE activity SET ladder_rung = 'co-production' WHERE id = 1");
  exec (db, "UPDATE activity SET ladder_rung = 'consultation' WHERE id = 2");
  exec (db, "INSERT INTO activity (id, title, status) VALUES (4, 'Undated', 'planned')");
  for (gint64 c = 1; c <= 3; c++)
    take_part (db, 2, c);       /* 1, 2, 3 come twice; 7 once */
  exec (db, "INSERT INTO community_group (id, name) VALUES (1, 'Young carers'), (2, 'Deaf BSL users')");
  exec (db, "INSERT INTO feedback (activity_id, group_id, you_said) VALUES (1, 1, 'a'), (1, 1, 'b'), (2, 2, 'c')");
  exec (db, "INSERT INTO feedback (activity_id, group_id, you_said, we_did, status, fed_back_at, fed_back_how) "
            "VALUES (2, 2, 'd', 'done', 'fed-back', '2025-05-01', 'letter')");

  s = reach_ladder_summarise (db, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s->n_activities, ==, 3);                     /* not the cancelled one */
  g_assert_cmpuint (s->activities_by_rung[REACH_LADDER_CO_PRODUCTION], ==, 1);
  g_assert_cmpuint (s->activities_by_rung[REACH_LADDER_CONSULTATION], ==, 1);
  g_assert_cmpuint (s->activities_by_rung[REACH_N_LADDER_RUNGS], ==, 1);
  g_assert_cmpfloat_with_epsilon (s->activity_share[REACH_LADDER_CO_PRODUCTION], 1.0 / 3, EPS);
  g_assert_cmpint (s->participation_by_rung[REACH_LADDER_CO_PRODUCTION], ==, 6 + 4);
  g_assert_cmpint (s->participation_by_rung[REACH_LADDER_CONSULTATION], ==, 4);
  g_assert_cmpint (s->n_participation, ==, 14);
  /* 7 people, 10 named participations; the top 10% rounds up to one person with 2 */
  g_assert_cmpuint (s->n_participants, ==, 7);
  g_assert_cmpuint (s->n_usual_suspects, ==, 1);
  g_assert_cmpfloat_with_epsilon (s->usual_suspects_share, 0.2, EPS);
  g_assert_cmpuint (s->groups_not_fed_back->len, ==, 2);
  g_assert_cmpstr (g_array_index (s->groups_not_fed_back, ReachLadderGroup, 0).name, ==, "Young carers");
  g_assert_cmpuint (g_array_index (s->groups_not_fed_back, ReachLadderGroup, 0).n_not_fed_back, ==, 2);
  g_assert_cmpuint (g_array_index (s->groups_not_fed_back, ReachLadderGroup, 1).n_said, ==, 2);
  g_assert_cmpuint (g_array_index (s->groups_not_fed_back, ReachLadderGroup, 1).n_not_fed_back, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gaps/wilson", test_wilson);
  g_test_add_func ("/gaps/flags", test_flags);
  g_test_add_func ("/gaps/everywhere", test_everywhere);
  g_test_add_func ("/gaps/ward-scope-sums-lsoas", test_ward_scope_sums_lsoas);
  g_test_add_func ("/gaps/no-data", test_no_data);
  g_test_add_func ("/gaps/no-baseline", test_no_baseline);
  g_test_add_func ("/gaps/errors", test_errors);
  g_test_add_func ("/gaps/broad-rollup-and-absent-category", test_broad_rollup_and_absent_category);
  g_test_add_func ("/gaps/area-reach", test_area_reach);
  g_test_add_func ("/gaps/moved-contact-reassigned", test_moved_contact_reassigned);
  g_test_add_func ("/gaps/ladder", test_ladder);

  return g_test_run ();
}
