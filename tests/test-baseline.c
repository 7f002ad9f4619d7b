/* test-baseline.c — census baselines from the layouts ONS and councils publish
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real Leeds and Trafford tables; their totals are the sums listed in the
 * fixtures' SOURCE.md.
 */
#include "config.h"

#include <string.h>

#include "reach-area.h"
#include "reach-area-assign.h"
#include "reach-baseline.h"
#include "reach-csv.h"
#include "reach-gaps.h"
#include "reach-testutil.h"

static ReachDb *
new_db (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "test.reach", NULL);
  g_autoptr(GError) error = NULL;
  ReachDb *db = reach_db_open (path, &error);

  g_assert_no_error (error);
  return db;
}

static void
add_square (ReachDb        *db,
            const char     *code,
            ReachAreaLevel  level,
            double          west,
            double          south,
            double          size)
{
  g_autoptr(ReachArea) area = reach_area_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_strdup_printf ("{\"type\":\"Polygon\",\"coordinates\":[[[%g,%g],[%g,%g],"
                                           "[%g,%g],[%g,%g],[%g,%g]]]}",
                                           west, south, west + size, south, west + size, south + size,
                                           west, south + size, west, south);

  area->code = g_strdup (code);
  area->name = g_strdup (code);
  area->level = level;
  area->geometry = reach_geometry_new_from_text (json, &error);
  g_assert_no_error (error);
  g_assert_true (reach_areas_insert (db, area, &error));
  g_assert_no_error (error);
}

/* One small square per distinct code in a column of a fixture. */
static guint
add_areas_from (ReachDb        *db,
                const char     *file,
                guint           column,
                ReachAreaLevel  level)
{
  g_autofree char *path = reach_test_file ("data", "census", file, NULL);
  g_autoptr(ReachCsv) csv = reach_csv_load (path, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_nonnull (csv);
  for (guint r = 1; r < reach_csv_get_n_rows (csv); r++)
    {
      const char *code = reach_csv_get_row (csv, r)->fields[column];

      if (!g_hash_table_add (seen, (gpointer) code))
        continue;
      add_square (db, code, level, g_hash_table_size (seen) * 0.01, 50, 0.01);
    }
  return g_hash_table_size (seen);
}

static ReachBaselineImport *
import (ReachDb    *db,
        const char *file)
{
  g_autofree char *path = reach_test_file ("data", "census", file, NULL);
  g_autoptr(ReachBaselineImport) import = reach_baseline_import_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (reach_baseline_import_read (import, db, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (reach_baseline_import_commit (import, db, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

static gint64
query_int (ReachDb    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* the sum of each area's table total, for one characteristic */
static gint64
stored_total (ReachDb    *db,
              const char *characteristic)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT sum (t) FROM (SELECT DISTINCT b.area_id, b.table_total AS t FROM baseline b "
    "JOIN category g ON g.id = b.category_id JOIN characteristic c ON c.id = g.characteristic_id "
    "WHERE c.key = '%s')", characteristic);
  return query_int (db, sql);
}

static gint64
stored_sum (ReachDb    *db,
            const char *characteristic)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT sum (b.count) FROM baseline b JOIN category g ON g.id = b.category_id "
    "JOIN characteristic c ON c.id = g.characteristic_id WHERE c.key = '%s'", characteristic);
  return query_int (db, sql);
}

static gboolean
notes_contain (ReachBaselineImport *import,
               const char          *text)
{
  const char * const *notes = reach_baseline_import_get_notes (import);

  for (guint i = 0; notes[i] != NULL; i++)
    if (strstr (notes[i], text) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_leeds_lsoa_tables (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(ReachBaselineImport) ethnic = NULL;
  g_autoptr(ReachBaselineImport) religion = NULL;
  g_autoptr(ReachBaselineImport) disability = NULL;
  g_autoptr(ReachBaselineImport) age = NULL;

  g_assert_cmpuint (add_areas_from (db, "leeds/census2021-ts021-lsoa-leeds-toplevel.csv", 2,
                                    REACH_AREA_LEVEL_LSOA), ==, 488);

  ethnic = import (db, "leeds/census2021-ts021-lsoa-leeds-toplevel.csv");
  g_assert_cmpstr (reach_baseline_import_get_characteristic (ethnic), ==, "ethnic_group");
  g_assert_cmpuint (reach_baseline_import_get_n_areas (ethnic), ==, 488);
  g_assert_cmpuint (reach_baseline_import_get_n_values (ethnic), ==, 488 * 5);
  g_assert_cmpint (reach_baseline_import_get_total (ethnic), ==, 812017);
  g_assert_cmpint (stored_total (db, "ethnic_group"), ==, 812017);
  g_assert_cmpint (stored_sum (db, "ethnic_group"), ==, 812017);
  g_assert_true (notes_contain (ethnic, "Total: All usual residents"));

  religion = import (db, "leeds/census2021-ts030-lsoa-leeds.csv");
  g_assert_cmpstr (reach_baseline_import_get_characteristic (religion), ==, "religion");
  g_assert_cmpint (stored_total (db, "religion"), ==, 811925);
  g_assert_cmpint (stored_sum (db, "religion"), ==, 811925);   /* "Not answered" kept */
  g_assert_cmpint (reach_baseline_import_get_category_total (religion, "not_answered"), >, 40000);

  disability = import (db, "leeds/census2021-ts038-lsoa-leeds-toplevel.csv");
  g_assert_cmpstr (reach_baseline_import_get_characteristic (disability), ==, "disability");
  g_assert_cmpint (stored_total (db, "disability"), ==, 811915);

  age = import (db, "leeds/leeds_lsoa21_age6_long.csv");
  g_assert_cmpstr (reach_baseline_import_get_characteristic (age), ==, "age_band");
  g_assert_cmpint (stored_total (db, "age_band"), ==, 811960);
  g_assert_cmpint (stored_sum (db, "age_band"), ==, 811960);

  /* perturbation: the tables disagree for E01000001-style areas, and that is fine */
  g_assert_cmpint (stored_total (db, "ethnic_group"), !=, stored_total (db, "religion"));

  /* residents: the largest table for the area */
  g_assert_cmpint (reach_baselines_get_residents (db, 1, NULL), >, 1000);
}

static void
test_leeds_msoa_and_reimport (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(ReachBaselineImport) orientation = NULL;
  g_autoptr(ReachBaselineImport) again = NULL;
  g_autoptr(ReachBaselineImport) age = NULL;
  g_auto(GStrv) keys = NULL;

  add_areas_from (db, "leeds/census2021-ts077-msoa-leeds.csv", 2, REACH_AREA_LEVEL_MSOA);
  orientation = import (db, "leeds/census2021-ts077-msoa-leeds.csv");
  g_assert_cmpstr (reach_baseline_import_get_characteristic (orientation), ==, "sexual_orientation");
  g_assert_cmpint (stored_total (db, "sexual_orientation"), ==, 658502);

  /* importing again replaces, never adds */
  again = import (db, "leeds/census2021-ts077-msoa-leeds.csv");
  g_assert_cmpint (stored_sum (db, "sexual_orientation"), ==, 658502);

  /* single years of age (no topic prefix) summed into the six bands */
  age = import (db, "leeds/leeds_msoa21_age_single_year.csv");
  g_assert_cmpstr (reach_baseline_import_get_characteristic (age), ==, "age_band");
  g_assert_cmpint (stored_sum (db, "age_band"), ==, 811962);
  g_assert_cmpint (stored_total (db, "age_band"), ==, 811962);

  keys = reach_baselines_list_characteristics (db, NULL);
  g_assert_cmpuint (g_strv_length (keys), ==, 2);
  g_assert_cmpstr (keys[0], ==, "age_band");
  g_assert_cmpstr (keys[1], ==, "sexual_orientation");
}

static void
test_ts007_no_double_count (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(ReachBaselineImport) age = NULL;

  add_square (db, "E08000035", REACH_AREA_LEVEL_LAD, 0, 50, 1);
  add_square (db, "E08000009", REACH_AREA_LEVEL_LAD, 2, 50, 1);
  age = import (db, "uk/census2021-ts007-ltla.csv");

  g_assert_cmpstr (reach_baseline_import_get_characteristic (age), ==, "age_band");
  g_assert_cmpuint (reach_baseline_import_get_n_areas (age), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT sum (count) FROM baseline b JOIN area a ON a.id = b.area_id "
                                  "WHERE a.code = 'E08000035'"), ==, 811950);
  g_assert_cmpint (query_int (db, "SELECT sum (count) FROM baseline b JOIN area a ON a.id = b.area_id "
                                  "WHERE a.code = 'E08000009'"), ==, 235063);
  g_assert_cmpint (query_int (db, "SELECT DISTINCT table_total FROM baseline b JOIN area a "
                                  "ON a.id = b.area_id WHERE a.code = 'E08000035'"), ==, 811950);
  /* the rest of England and Wales is not in this workspace */
  g_assert_true (notes_contain (age, "329 area codes are not in this workspace"));
  g_assert_true (notes_contain (age, "subtotals left out"));
}

static void
test_trafford_long (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(ReachBaselineImport) ethnic = NULL;
  g_autoptr(ReachBaselineImport) religion = NULL;
  g_autoptr(ReachBaselineImport) disability = NULL;
  g_autoptr(ReachBaselineImport) sex = NULL;

  g_assert_cmpuint (add_areas_from (db, "trafford/2021_population_by_sex_ward_trafford.csv", 0,
                                    REACH_AREA_LEVEL_WARD), ==, 21);

  ethnic = import (db, "trafford/2021_population_ethnic_group_ward_trafford.csv");
  g_assert_cmpstr (reach_baseline_import_get_characteristic (ethnic), ==, "ethnic_group");
  g_assert_cmpuint (reach_baseline_import_get_n_values (ethnic), ==, 21 * 19);
  g_assert_cmpint (stored_total (db, "ethnic_group"), ==, 235061);
  g_assert_cmpint (stored_sum (db, "ethnic_group"), ==, 235061);

  religion = import (db, "trafford/2021_population_religion_ward_trafford.csv");
  g_assert_cmpint (stored_total (db, "religion"), ==, 235052);

  disability = import (db, "trafford/2021_disability_ward_trafford.csv");
  g_assert_cmpstr (reach_baseline_import_get_characteristic (disability), ==, "disability");
  g_assert_cmpuint (reach_baseline_import_get_n_values (disability), ==, 21 * 4);
  g_assert_cmpint (stored_total (db, "disability"), ==, 235053);

  /* "All persons" is the total, not a third sex */
  sex = import (db, "trafford/2021_population_by_sex_ward_trafford.csv");
  g_assert_cmpstr (reach_baseline_import_get_characteristic (sex), ==, "sex");
  g_assert_cmpint (stored_sum (db, "sex"), ==, 235050);
  g_assert_cmpint (stored_total (db, "sex"), ==, 235050);
  g_assert_cmpint (reach_baseline_import_get_category_total (sex, "female"), ==, 120642);
  g_assert_true (notes_contain (sex, "All persons"));
}

static void
test_straddling_band_refused (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autofree char *path = reach_test_file ("data", "census", "trafford",
                                           "2021_population_by_5_year_age_bands_la_gm.csv", NULL);
  g_autoptr(ReachBaselineImport) import = reach_baseline_import_new (path);
  g_autoptr(GError) error = NULL;

  add_square (db, "E08000009", REACH_AREA_LEVEL_LAD, 0, 50, 1);
  g_assert_false (reach_baseline_import_read (import, db, NULL, NULL, NULL, &error));
  g_assert_error (error, REACH_BASELINE_ERROR, REACH_BASELINE_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "Aged 15 to 19 years"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM baseline"), ==, 0);
}

static char *
write_temp (const char *name,
            const char *text)
{
  g_autofree char *dir = reach_test_tmpdir ();
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
test_bad_files (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(GError) error = NULL;
  g_autofree char *bad_value = write_temp ("bad.csv",
    "date,geography,geography code,Sex: Total,Sex: Female,Sex: Male\n"
    "2021,A,E05000001,10,5,5\n"
    "2021,B,E05000002,10,five,5\n");
  g_autofree char *unknown = write_temp ("unknown.csv",
    "date,geography,geography code,Sex: Total,Sex: Female,Sex: Male\n"
    "2021,Z,E05009999,10,5,5\n");
  g_autofree char *nothing = write_temp ("nothing.csv",
    "area_code,colour,value\nE05000001,blue,3\n");
  g_autoptr(ReachBaselineImport) a = reach_baseline_import_new (bad_value);
  g_autoptr(ReachBaselineImport) b = reach_baseline_import_new (unknown);
  g_autoptr(ReachBaselineImport) c = reach_baseline_import_new (nothing);

  add_square (db, "E05000001", REACH_AREA_LEVEL_WARD, 0, 50, 1);
  add_square (db, "E05000002", REACH_AREA_LEVEL_WARD, 1, 50, 1);

  g_assert_false (reach_baseline_import_read (a, db, NULL, NULL, NULL, &error));
  g_assert_error (error, REACH_BASELINE_ERROR, REACH_BASELINE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bad.csv, line 3"));
  g_assert_nonnull (strstr (error->message, "five"));
  g_clear_error (&error);

  g_assert_false (reach_baseline_import_read (b, db, NULL, NULL, NULL, &error));
  g_assert_error (error, REACH_BASELINE_ERROR, REACH_BASELINE_ERROR_NO_AREAS);
  g_clear_error (&error);

  g_assert_false (reach_baseline_import_read (c, db, NULL, NULL, NULL, &error));
  g_assert_error (error, REACH_BASELINE_ERROR, REACH_BASELINE_ERROR_UNSUPPORTED);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM baseline"), ==, 0);
}

static void
test_detailed_with_subtotals (void)
{
  g_autoptr(ReachDb) db = new_db ();
  /* a real bulk file carries both the broad group and its parts */
  g_autofree char *path = write_temp ("ts021.csv",
    "\"date\",\"geography\",\"geography code\",\"Ethnic group: Total: All usual residents\","
    "\"Ethnic group: Asian, Asian British or Asian Welsh\","
    "\"Ethnic group: Asian, Asian British or Asian Welsh: Bangladeshi\","
    "\"Ethnic group: Asian, Asian British or Asian Welsh: Chinese\","
    "\"Ethnic group: Asian, Asian British or Asian Welsh: Indian\","
    "\"Ethnic group: Asian, Asian British or Asian Welsh: Pakistani\","
    "\"Ethnic group: Asian, Asian British or Asian Welsh: Other Asian\","
    "\"Ethnic group: White\",\"Ethnic group: White: Irish\","
    "\"Ethnic group: White; measures: Percent\"\n"
    "2021,A,E05000001,100,15,1,2,3,4,5,85,10,85.0\n");
  g_autoptr(ReachBaselineImport) import = reach_baseline_import_new (path);
  g_autoptr(GError) error = NULL;

  add_square (db, "E05000001", REACH_AREA_LEVEL_WARD, 0, 50, 1);
  g_assert_true (reach_baseline_import_read (import, db, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* Asian's five parts replace it; White has only one part: White is kept */
  g_assert_cmpint (reach_baseline_import_get_category_total (import, "asian"), ==, 0);
  g_assert_cmpint (reach_baseline_import_get_category_total (import, "indian"), ==, 3);
  g_assert_cmpint (reach_baseline_import_get_category_total (import, "white"), ==, 85);
  g_assert_cmpint (reach_baseline_import_get_category_total (import, "irish"), ==, 0);
  g_assert_cmpuint (reach_baseline_import_get_n_values (import), ==, 6);
  g_assert_cmpint (reach_baseline_import_get_total (import), ==, 100);
  g_assert_true (notes_contain (import, "1 column of another measure"));
}

static void
test_lookup (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autofree char *lookup = reach_test_file ("data", "census", "leeds",
                                             "leeds_lookup_lsoa21_ward24_ltla24.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) within = NULL;
  guint n = 0;

  add_square (db, "E01011264", REACH_AREA_LEVEL_LSOA, 0, 50, 0.1);
  add_square (db, "E01011265", REACH_AREA_LEVEL_LSOA, 0.2, 50, 0.1);
  add_square (db, "E05011549", REACH_AREA_LEVEL_WARD, 5, 50, 1);   /* not containing them */
  add_square (db, "E05011395", REACH_AREA_LEVEL_WARD, 0, 50, 1);   /* contains both */

  g_assert_true (reach_area_assign_refresh (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reach_area_get_parent (db, 1, REACH_AREA_LEVEL_WARD, NULL), ==, 4);

  /* the lookup puts E01011264 in Otley & Yeadon, whatever the shapes say */
  g_assert_true (reach_area_import_lookup (db, lookup, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (reach_area_get_parent (db, 1, REACH_AREA_LEVEL_WARD, NULL), ==, 3);
  g_assert_cmpint (reach_area_get_parent (db, 2, REACH_AREA_LEVEL_WARD, NULL), ==, 4);

  /* a new area makes the containment links stale; the lookup link stays */
  add_square (db, "E02000001", REACH_AREA_LEVEL_MSOA, 0, 50, 0.5);
  g_assert_true (reach_area_assign_refresh (db, &error));
  g_assert_cmpint (reach_area_get_parent (db, 1, REACH_AREA_LEVEL_WARD, NULL), ==, 3);
  g_assert_cmpint (reach_area_get_parent (db, 1, REACH_AREA_LEVEL_MSOA, NULL), ==, 5);
  within = reach_area_list_within (db, 5, REACH_AREA_LEVEL_LSOA, NULL);
  g_assert_cmpuint (within->len, ==, 2);
}

/* The Greater Manchester best-fit lookup (lsoa21cd, wd22cd, lad22cd):
 * only the Trafford rows name areas of this workspace. */
static void
test_trafford_lookup (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autofree char *lookup = reach_test_file ("data", "census", "trafford",
                                             "lsoa_to_ward_best-fit_lookup.csv", NULL);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  add_square (db, "E01006118", REACH_AREA_LEVEL_LSOA, 0, 50, 0.1);
  add_square (db, "E01006119", REACH_AREA_LEVEL_LSOA, 0.2, 50, 0.1);
  add_square (db, "E05000826", REACH_AREA_LEVEL_WARD, 3, 50, 1);
  add_square (db, "E08000009", REACH_AREA_LEVEL_LAD, 5, 50, 1);

  g_assert_true (reach_area_import_lookup (db, lookup, &n, &error));
  g_assert_no_error (error);
  /* two LSOAs, each to its ward and its borough; the ward to its borough
   * (rows of the ward's other LSOAs say so too, and count once) */
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpint (reach_area_get_parent (db, 1, REACH_AREA_LEVEL_WARD, NULL), ==, 3);
  g_assert_cmpint (reach_area_get_parent (db, 2, REACH_AREA_LEVEL_LAD, NULL), ==, 4);
  g_assert_cmpint (reach_area_get_parent (db, 3, REACH_AREA_LEVEL_LAD, NULL), ==, 4);
}

/* Real Leeds data: LSOAs linked to their 2024 wards by the published
 * lookup (the test squares are far from the ward squares, so containment
 * alone would link nothing).  Otley & Yeadon (E05011549) holds 15 LSOAs:
 * TS021 sums 22972 = 323 Asian, 119 Black, 403 Mixed, 22066 White, 61 Other. */
static void
test_leeds_ward_from_lsoas (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autofree char *lookup = reach_test_file ("data", "census", "leeds",
                                             "leeds_lookup_lsoa21_ward24_ltla24.csv", NULL);
  g_autoptr(ReachBaselineImport) ethnic = NULL;
  g_autoptr(ReachGapReport) report = NULL;
  g_autoptr(GArray) within = NULL;
  g_autoptr(GError) error = NULL;
  const char *scope[] = { "E05011549", NULL };
  ReachGapQuery query = { "ethnic_group", scope, NULL, NULL, FALSE };
  guint n = 0, n_wards;

  add_areas_from (db, "leeds/census2021-ts021-lsoa-leeds-toplevel.csv", 2, REACH_AREA_LEVEL_LSOA);
  {
    g_autofree char *path = reach_test_file ("data", "census", "leeds",
                                             "leeds_lookup_lsoa21_ward24_ltla24.csv", NULL);
    g_autoptr(ReachCsv) csv = reach_csv_load (path, NULL);
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint r = 1; r < reach_csv_get_n_rows (csv); r++)
      {
        const char *code = reach_csv_get_row (csv, r)->fields[3];

        if (g_hash_table_add (seen, (gpointer) code))
          add_square (db, code, REACH_AREA_LEVEL_WARD, g_hash_table_size (seen), 60, 0.5);
      }
    n_wards = g_hash_table_size (seen);
  }
  g_assert_cmpuint (n_wards, ==, 33);

  ethnic = import (db, "leeds/census2021-ts021-lsoa-leeds-toplevel.csv");
  g_assert_true (reach_area_import_lookup (db, lookup, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 488);   /* one ward per LSOA; the LAD is not in this workspace */

  report = reach_gaps_analyse (db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->population, ==, 22972);
  g_assert_cmpint (g_array_index (report->rows, ReachGapRow, 0).population, ==, 323);
  g_assert_cmpint (g_array_index (report->rows, ReachGapRow, 3).population, ==, 22066);
  g_assert_cmpint (g_array_index (report->rows, ReachGapRow, 4).population, ==, 61);
  g_assert_cmpint (report->n, ==, 0);

  within = reach_area_list_within (db, 488 + 1 /* the first ward */, REACH_AREA_LEVEL_LSOA, NULL);
  g_assert_cmpuint (within->len, >, 0);
  g_assert_cmpint (reach_baselines_get_residents (db, 488 + 1, NULL), >, 5000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/baseline/leeds-lsoa-tables", test_leeds_lsoa_tables);
  g_test_add_func ("/baseline/leeds-msoa-and-reimport", test_leeds_msoa_and_reimport);
  g_test_add_func ("/baseline/ts007-no-double-count", test_ts007_no_double_count);
  g_test_add_func ("/baseline/trafford-long", test_trafford_long);
  g_test_add_func ("/baseline/straddling-band-refused", test_straddling_band_refused);
  g_test_add_func ("/baseline/bad-files", test_bad_files);
  g_test_add_func ("/baseline/detailed-with-subtotals", test_detailed_with_subtotals);
  g_test_add_func ("/baseline/lookup", test_lookup);
  g_test_add_func ("/baseline/trafford-lookup", test_trafford_lookup);
  g_test_add_func ("/baseline/leeds-ward-from-lsoas", test_leeds_ward_from_lsoas);

  return g_test_run ();
}
