/* test-import.c — places and areas from real files, bad files refused,
 * all-or-nothing commits, and the export round trip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "reach-export.h"
#include "reach-import.h"
#include "reach-place.h"
#include "reach-places.h"
#include "reach-testutil.h"

typedef struct
{
  char    *dir;
  ReachDb *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = reach_test_tmpdir ();
  path = g_build_filename (f->dir, "workspace.reach", NULL);
  f->db = reach_db_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  g_free (f->dir);
}

static char *
write_temp (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Every count reach-cli stats prints, as one string to compare. */
static char *
counts (ReachDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) array = reach_db_count_tables (db, &error);
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  for (guint i = 0; i < array->len; i++)
    {
      ReachTableCount *c = &g_array_index (array, ReachTableCount, i);

      g_string_append_printf (out, "%s=%" G_GINT64_FORMAT " ", c->key, c->count);
    }

  stmt = reach_db_prepare (db, "SELECT count(*) FROM audit", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_string_append_printf (out, "audit=%d", sqlite3_column_int (stmt, 0));
  sqlite3_reset (stmt);

  return g_string_free (out, FALSE);
}

static gint64
count_of (ReachDb    *db,
          const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) array = reach_db_count_tables (db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (g_array_index (array, ReachTableCount, i).key, key))
      return g_array_index (array, ReachTableCount, i).count;

  g_assert_not_reached ();
}

static ReachImport *
read_ok (ReachImportKind  kind,
         const char      *path)
{
  g_autoptr(GError) error = NULL;
  ReachImport *import = reach_import_new (kind, path);

  reach_import_read (import, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return import;
}

static guint
import_file (ReachDb         *db,
             ReachImportKind  kind,
             const char      *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachImport) import = read_ok (kind, path);

  reach_import_commit (import, db, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return reach_import_get_n_items (import);
}

static gboolean
notes_contain (ReachImport *import,
               const char  *fragment)
{
  const char * const *notes = reach_import_get_notes (import);

  for (guint i = 0; notes[i] != NULL; i++)
    if (strstr (notes[i], fragment) != NULL)
      return TRUE;

  return FALSE;
}

/* Reading fails, with a message holding each fragment, and the workspace
 * (which already holds a place and an area) is as it was. */
static void
assert_refused (Fixture          *f,
                ReachImportKind   kind,
                const char       *path,
                int               code,
                const char      **fragments)
{
  g_autoptr(ReachImport) import = reach_import_new (kind, path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = counts (f->db);
  g_autofree char *after = NULL;

  if (reach_import_read (import, NULL, NULL, NULL, &error))
    {
      reach_import_commit (import, f->db, NULL, NULL, NULL, NULL);
      g_error ("%s was imported", path);
    }

  g_assert_nonnull (error);
  if (code >= 0)
    g_assert_error (error, REACH_IMPORT_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_null (strchr (error->message, '\n'));
  for (guint i = 0; fragments != NULL && fragments[i] != NULL; i++)
    if (strstr (error->message, fragments[i]) == NULL)
      g_error ("“%s” does not mention “%s”", error->message, fragments[i]);
  g_assert_cmpuint (reach_import_get_n_items (import), ==, 0);

  after = counts (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
seed_workspace (Fixture *f)
{
  g_autofree char *csv = write_temp (f, "seed.csv", "name,lat,lon\nSeed hall,53.8,-1.5\n");
  g_autofree char *areas = reach_test_file ("data", "leeds", "boundaries", "leeds_wards22.geojson", NULL);

  g_assert_cmpuint (import_file (f->db, REACH_IMPORT_PLACES, csv), ==, 1);
  g_assert_cmpuint (import_file (f->db, REACH_IMPORT_AREAS, areas), ==, 33);
}

/* Real files */

static void
test_leeds_libraries (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = reach_test_file ("data", "leeds", "leeds_libraries_taskforce2016.csv", NULL);
  g_autoptr(ReachImport) import = read_ok (REACH_IMPORT_PLACES, path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) places = NULL;
  ReachPlace *first;

  g_assert_cmpuint (reach_import_get_n_items (import), ==, 50);
  g_assert_true (notes_contain (import, "“lat” and “lng”"));
  g_assert_true (notes_contain (import, "no category"));
  g_assert_cmpint (count_of (f->db, "places"), ==, 0);

  reach_import_commit (import, f->db, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_of (f->db, "places"), ==, 50);

  places = reach_places_list (f->db, "Allerton Bywater", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (places->len, >=, 1);
  first = g_ptr_array_index (places, 0);
  g_assert_cmpstr (first->name, ==, "Allerton Bywater");
  g_assert_cmpstr (first->postcode, ==, "WF10 2DY");
  g_assert_cmpstr (first->address, ==, "The Old School, Vicars Terrace, Allerton Bywater");
  g_assert_cmpfloat_with_epsilon (first->lat, 53.7500350846355, 1e-12);
  g_assert_cmpfloat_with_epsilon (first->lon, -1.37876125956171, 1e-12);
  g_assert_cmpstr (first->source, ==, "leeds_libraries_taskforce2016.csv");
}

static void
test_trafford_gps (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = reach_test_file ("data", "trafford", "trafford_general_practices.csv", NULL);
  g_autoptr(ReachImport) import = read_ok (REACH_IMPORT_PLACES, path);
  g_autoptr(GPtrArray) items = NULL;
  ReachPlace *first;

  g_assert_cmpuint (reach_import_get_n_items (import), ==, 26);
  g_assert_true (notes_contain (import, "“lat” and “lon”"));
  g_assert_true (notes_contain (import, "“telephone”"));

  first = g_ptr_array_index (reach_import_get_items (import), 0);
  g_assert_cmpstr (first->name, ==, "Park Medical Practice");
  g_assert_cmpstr (first->phone, ==, "0161 9733485");
  g_assert_cmpfloat (first->lon, ==, -2.315695);
  g_assert_cmpfloat (first->lat, ==, 53.398559);
}

/* Names and addresses under other headers: "Location", "Address1-3",
 * OS OpenMap's "DISTNAME". */
static void
test_trafford_other_names (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *defib = reach_test_file ("data", "trafford", "trafford_defibrillators.csv", NULL);
  g_autofree char *worship = reach_test_file ("data", "trafford", "trafford_places_of_worship.geojson", NULL);
  g_autoptr(ReachImport) import = read_ok (REACH_IMPORT_PLACES, defib);
  GPtrArray *items = reach_import_get_items (import);
  ReachPlace *first = g_ptr_array_index (items, 0);

  g_assert_cmpuint (items->len, ==, 185);
  g_assert_cmpstr (first->name, ==, "Acre Hall Primary");
  g_assert_cmpstr (first->address, ==, "Irlam Road, Flixton, Manchester");
  g_assert_cmpstr (first->postcode, ==, "M41 6NA");
  g_assert_cmpfloat (first->lat, ==, 53.448269);
  g_assert_true (notes_contain (import, "“Location”"));
  g_assert_true (notes_contain (import, "“Latitude” and “Longitude”"));

  g_clear_object (&import);
  import = read_ok (REACH_IMPORT_PLACES, worship);
  items = reach_import_get_items (import);
  g_assert_cmpuint (items->len, ==, 118);
  first = g_ptr_array_index (items, 0);
  g_assert_cmpstr (first->name, ==, "Gorse Hill Methodist Church");
  /* the area_name "Trafford" is not taken for the place's name */
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (((ReachPlace *) g_ptr_array_index (items, i))->name, !=, "Trafford");
}

static void
test_osm_layers (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *community = reach_test_file ("data", "leeds", "osm_horsforth", "community.geojson", NULL);
  g_autofree char *worship = reach_test_file ("data", "leeds", "osm_horsforth", "worship.geojson", NULL);
  g_autofree char *defib = reach_test_file ("data", "leeds", "osm_horsforth", "defibrillators.geojson", NULL);
  g_autofree char *education = reach_test_file ("data", "leeds", "osm_horsforth", "education.geojson", NULL);
  const char *feature_3[] = { "education.geojson", "feature 3", "Abbey Grange", "2 position", NULL };
  g_autoptr(ReachImport) import = read_ok (REACH_IMPORT_PLACES, community);
  GPtrArray *items = reach_import_get_items (import);
  ReachPlace *arts = g_ptr_array_index (items, 0);
  ReachPlace *hunters = g_ptr_array_index (items, 1);

  /* A Point with its details in the nested other_tags, and a MultiPolygon
   * placed inside itself. */
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (arts->name, ==, "Horsforth Arts Society");
  g_assert_cmpstr (arts->postcode, ==, "LS18 4RF");
  g_assert_cmpstr (arts->phone, ==, "+44 113 258 8477");
  g_assert_cmpstr (arts->website, ==, "https://horsforthartsociety.wordpress.com/");
  g_assert_cmpstr (arts->address, ==, "15 Back Lane, Horsforth, Leeds");
  g_assert_nonnull (arts->opening_hours);
  g_assert_cmpint (arts->category, ==, REACH_PLACE_CATEGORY_ASSOCIATION);
  g_assert_cmpfloat (arts->lon, ==, -1.643135);
  g_assert_cmpstr (hunters->name, ==, "Hunters Greave Activity Centre");
  g_assert_cmpint (hunters->category, ==, REACH_PLACE_CATEGORY_PHYSICAL_SPACE);
  g_assert_cmpfloat (hunters->lon, >, -1.6309248);
  g_assert_cmpfloat (hunters->lon, <, -1.6306448);
  g_assert_cmpfloat (hunters->lat, >, 53.8255458);
  g_assert_cmpfloat (hunters->lat, <, 53.8256855);
  g_assert_cmpstr (hunters->email, ==, "huntersgreave@sky.com");

  g_clear_object (&import);
  import = read_ok (REACH_IMPORT_PLACES, worship);
  items = reach_import_get_items (import);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpint (((ReachPlace *) g_ptr_array_index (items, i))->category, ==, REACH_PLACE_CATEGORY_FAITH);

  /* OSM defibrillators have no names: each is called what it is. */
  g_clear_object (&import);
  import = read_ok (REACH_IMPORT_PLACES, defib);
  items = reach_import_get_items (import);
  g_assert_cmpuint (items->len, ==, 8);
  g_assert_cmpstr (((ReachPlace *) g_ptr_array_index (items, 0))->name, ==, "Defibrillator");
  g_assert_true (notes_contain (import, "Defibrillator"));

  seed_workspace (f);
  assert_refused (f, REACH_IMPORT_PLACES, education, REACH_IMPORT_ERROR_INVALID, feature_3);
}

static void
test_all_osm_layers_commit (Fixture       *f,
                            gconstpointer  data)
{
  const char *layers[] = { "charity", "childcare", "community", "defibrillators", "gym",
                           "medical", "parks", "sport", "toilets", "worship" };
  guint total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    {
      g_autofree char *name = g_strconcat (layers[i], ".geojson", NULL);
      g_autofree char *path = reach_test_file ("data", "leeds", "osm_horsforth", name, NULL);

      total += import_file (f->db, REACH_IMPORT_PLACES, path);
    }

  g_assert_cmpuint (total, >=, 60);
  g_assert_cmpint (count_of (f->db, "places"), ==, total);
}

static void
test_wards22 (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = reach_test_file ("data", "leeds", "boundaries", "leeds_wards22.geojson", NULL);
  g_autoptr(ReachImport) import = read_ok (REACH_IMPORT_AREAS, path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(ReachArea) found = NULL;

  g_assert_cmpuint (reach_import_get_n_items (import), ==, 33);
  g_assert_cmpstr (reach_import_get_code_property (import), ==, "ward22_code");
  g_assert_cmpstr (reach_import_get_name_property (import), ==, "ward22_name");
  g_assert_true (g_strv_contains (reach_import_get_properties (import), "ward22_name"));

  reach_import_commit (import, f->db, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  areas = reach_areas_list (f->db, REACH_AREA_LEVEL_WARD, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (areas->len, ==, 33);
  for (guint i = 0; i < areas->len; i++)
    {
      ReachArea *area = g_ptr_array_index (areas, i);

      g_assert_true (g_str_has_prefix (area->code, "E05"));
      g_assert_cmpstr (area->name, !=, area->code);
    }

  /* Horsforth Arts Society is in Horsforth ward. */
  found = reach_areas_at_point (f->db, REACH_AREA_LEVEL_WARD, -1.643135, 53.8353229, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->name, ==, "Horsforth");
}

static void
test_martinjc_wards (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = reach_test_file ("data", "leeds", "boundaries",
                                           "martinjc_wards_by_lad_E08000035.json", NULL);
  g_autoptr(ReachImport) import = reach_import_new (REACH_IMPORT_AREAS, path);
  g_autoptr(GError) error = NULL;
  ReachArea *first;

  reach_import_set_area_level (import, REACH_AREA_LEVEL_WARD);
  reach_import_read (import, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reach_import_get_n_items (import), ==, 33);
  g_assert_cmpstr (reach_import_get_code_property (import), ==, "WD13CD");
  g_assert_cmpstr (reach_import_get_name_property (import), ==, "WD13NM");
  first = g_ptr_array_index (reach_import_get_items (import), 0);
  g_assert_true (g_str_has_prefix (first->code, "E05"));
  g_assert_cmpint (first->level, ==, REACH_AREA_LEVEL_WARD);

  /* A chosen property wins over the detected one. */
  g_clear_object (&import);
  import = reach_import_new (REACH_IMPORT_AREAS, path);
  reach_import_set_area_level (import, REACH_AREA_LEVEL_WARD);
  reach_import_set_code_property (import, "WD13CDO");
  reach_import_read (import, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (reach_import_get_items (import), 0);
  g_assert_false (g_str_has_prefix (first->code, "E05"));

  reach_import_set_code_property (import, "no_such_property");
  g_assert_false (reach_import_read (import, NULL, NULL, NULL, &error));
  g_assert_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no_such_property"));
}

/* Areas: duplicates and codes already present */

static const char area_template[] =
  "{\"type\":\"Feature\",\"properties\":{\"area_code\":\"%s\",\"area_name\":\"%s\"},"
  "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}";

static char *
areas_file (Fixture     *f,
            const char  *name,
            const char **codes)
{
  g_autoptr(GString) text = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[");

  for (guint i = 0; codes[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append_printf (text, area_template, codes[i], codes[i]);
    }
  g_string_append (text, "]}");

  return write_temp (f, name, text->str);
}

static void
test_area_codes (Fixture       *f,
                 gconstpointer  data)
{
  const char *dup_codes[] = { "E05000001", "E05000002", "E05000003", "E05000002", NULL };
  const char *clash_codes[] = { "E05999999", "E05011547", NULL };
  const char *dup_msg[] = { "dup.geojson", "features 2 and 4", "E05000002", NULL };
  g_autofree char *dup = areas_file (f, "dup.geojson", dup_codes);
  g_autofree char *clash = areas_file (f, "clash.geojson", clash_codes);
  g_autoptr(ReachImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  seed_workspace (f);
  assert_refused (f, REACH_IMPORT_AREAS, dup, REACH_IMPORT_ERROR_INVALID, dup_msg);

  /* E05011547 (Horsforth) came with the seed: the read is fine, the
   * commit refuses and leaves everything as it was. */
  import = read_ok (REACH_IMPORT_AREAS, clash);
  g_assert_cmpuint (reach_import_get_n_items (import), ==, 2);
  before = counts (f->db);
  g_assert_false (reach_import_commit (import, f->db, NULL, NULL, NULL, &error));
  g_assert_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "E05011547"));
  g_assert_nonnull (strstr (error->message, "already"));
  after = counts (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_area_level_guess (Fixture       *f,
                       gconstpointer  data)
{
  const char *lsoa[] = { "E01000001", NULL };
  const char *odd[] = { "X123", NULL };
  g_autofree char *lsoa_path = areas_file (f, "lsoa.geojson", lsoa);
  g_autofree char *odd_path = areas_file (f, "odd.geojson", odd);
  g_autoptr(ReachImport) import = read_ok (REACH_IMPORT_AREAS, lsoa_path);
  const char *choose[] = { "level", NULL };

  g_assert_cmpint (((ReachArea *) g_ptr_array_index (reach_import_get_items (import), 0))->level,
                   ==, REACH_AREA_LEVEL_LSOA);
  assert_refused (f, REACH_IMPORT_AREAS, odd_path, REACH_IMPORT_ERROR_UNSUPPORTED, choose);
}

static void
test_semicolons (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = write_temp (f, "excel.csv",
                                      "Name;Latitude;Longitude;Address\r\n"
                                      "Hall;53,8012;-1,5491;\"1 Main St, Leeds\"\r\n");
  g_autoptr(ReachImport) import = read_ok (REACH_IMPORT_PLACES, path);
  ReachPlace *hall = g_ptr_array_index (reach_import_get_items (import), 0);

  g_assert_cmpfloat (hall->lat, ==, 53.8012);
  g_assert_cmpfloat (hall->lon, ==, -1.5491);
  g_assert_cmpstr (hall->address, ==, "1 Main St, Leeds");
  g_assert_true (notes_contain (import, "semicolons"));
}

/* Bad CSV */

static void
test_bad_csv (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *bad_number = write_temp (f, "libraries.csv",
                                            "name,latitude,longitude\n"
                                            "A,53.1,-1.5\n"
                                            "\"B, with a\nline break\",53.2,-1.5\n"
                                            "C,abc,-1.5\n");
  g_autofree char *no_lon = write_temp (f, "nolon.csv", "name,lat,easting\nA,53.1,400000\n");
  g_autofree char *latin1 = write_temp (f, "latin1.csv", "name,lat,lon\nA,53,-1\nCaf\xe9,53,-1\n");
  g_autofree char *empty = write_temp (f, "empty.csv", "");
  g_autofree char *header = write_temp (f, "header.csv", "name,lat,lon\r\n");
  g_autofree char *no_lat = write_temp (f, "nolat.csv", "name,lat,lon\nA,53.1,-1\nB,,-1\n");
  g_autofree char *range = write_temp (f, "range.csv", "name,lat,lon\nA,95,-1\n");
  g_autofree char *access = write_temp (f, "access.csv", "name,lat,lon,step_free\nA,53,-1,maybe\n");
  g_autofree char *quote = write_temp (f, "quote.csv", "name,lat,lon\nA,53,-1\n\"B,53,-1\n");
  g_autofree char *noname = write_temp (f, "noname.csv", "name,lat,lon\n ,53,-1\n");
  g_autofree char *bng = write_temp (f, "bng.csv", "name,x,y\nA,430000,433000\n");
  const char *bad_number_msg[] = { "libraries.csv line 5: latitude “abc” is not a number", NULL };
  const char *no_lon_msg[] = { "nolon.csv line 1", "longitude", NULL };
  const char *latin1_msg[] = { "latin1.csv line 3", "UTF-8", NULL };
  const char *empty_msg[] = { "empty.csv", "empty", NULL };
  const char *header_msg[] = { "header.csv", "no rows", NULL };
  const char *no_lat_msg[] = { "nolat.csv line 3", "latitude", "missing", NULL };
  const char *range_msg[] = { "range.csv line 2", "95", NULL };
  const char *access_msg[] = { "access.csv line 2", "maybe", NULL };
  const char *quote_msg[] = { "quote.csv line 3", NULL };
  const char *noname_msg[] = { "noname.csv line 2", "name", NULL };
  const char *bng_msg[] = { "bng.csv line 2", "latitude 433000", "easting or northing", NULL };

  seed_workspace (f);
  assert_refused (f, REACH_IMPORT_PLACES, bad_number, REACH_IMPORT_ERROR_INVALID, bad_number_msg);
  assert_refused (f, REACH_IMPORT_PLACES, no_lon, REACH_IMPORT_ERROR_INVALID, no_lon_msg);
  assert_refused (f, REACH_IMPORT_PLACES, latin1, REACH_IMPORT_ERROR_FORMAT, latin1_msg);
  assert_refused (f, REACH_IMPORT_PLACES, empty, REACH_IMPORT_ERROR_EMPTY, empty_msg);
  assert_refused (f, REACH_IMPORT_PLACES, header, REACH_IMPORT_ERROR_EMPTY, header_msg);
  assert_refused (f, REACH_IMPORT_PLACES, no_lat, REACH_IMPORT_ERROR_INVALID, no_lat_msg);
  assert_refused (f, REACH_IMPORT_PLACES, range, REACH_IMPORT_ERROR_INVALID, range_msg);
  assert_refused (f, REACH_IMPORT_PLACES, access, REACH_IMPORT_ERROR_INVALID, access_msg);
  assert_refused (f, REACH_IMPORT_PLACES, quote, REACH_IMPORT_ERROR_FORMAT, quote_msg);
  assert_refused (f, REACH_IMPORT_PLACES, noname, REACH_IMPORT_ERROR_INVALID, noname_msg);
  assert_refused (f, REACH_IMPORT_PLACES, bng, REACH_IMPORT_ERROR_INVALID, bng_msg);
}

static void
test_csv_columns (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = write_temp (f, "venues.csv",
                                      "\xEF\xBB\xBFLibrary Name,Category,LONG,Lat,Is_Venue,Step_Free,"
                                      "hearing_loop,Capacity,URL,Opening Hours\r\n"
                                      "Hall,Physical spaces,-1.5,53.8,yes,TRUE,0,40,www.hall.org,Mo-Fr\r\n"
                                      "Shop,business,-1.6,53.7,no,,no,,,\r\n"
                                      "Club,sports,-1.7,53.6,,,,,,\r\n");
  g_autoptr(ReachImport) import = read_ok (REACH_IMPORT_PLACES, path);
  GPtrArray *items = reach_import_get_items (import);
  ReachPlace *hall = g_ptr_array_index (items, 0);
  ReachPlace *shop = g_ptr_array_index (items, 1);
  ReachPlace *club = g_ptr_array_index (items, 2);

  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpstr (hall->name, ==, "Hall");
  g_assert_cmpint (hall->category, ==, REACH_PLACE_CATEGORY_PHYSICAL_SPACE);
  g_assert_true (hall->is_venue);
  g_assert_cmpint (hall->access[REACH_ACCESS_STEP_FREE], ==, REACH_TRISTATE_YES);
  g_assert_cmpint (hall->access[REACH_ACCESS_HEARING_LOOP], ==, REACH_TRISTATE_NO);
  g_assert_cmpint (hall->access[REACH_ACCESS_LIFT], ==, REACH_TRISTATE_UNKNOWN);
  g_assert_cmpint (hall->capacity, ==, 40);
  g_assert_cmpstr (hall->website, ==, "https://www.hall.org");
  g_assert_cmpstr (hall->opening_hours, ==, "Mo-Fr");
  g_assert_cmpfloat (hall->lon, ==, -1.5);
  g_assert_cmpint (shop->category, ==, REACH_PLACE_CATEGORY_BUSINESS);
  g_assert_false (shop->is_venue);
  g_assert_cmpint (shop->capacity, ==, -1);
  g_assert_cmpint (club->category, ==, REACH_PLACE_CATEGORY_ASSOCIATION);
  g_assert_true (notes_contain (import, "“sports”"));
  g_assert_true (notes_contain (import, "https://"));
}

/* Peer suites */

static void
import_suite_dir (Fixture    *f,
                  const char *suite,
                  const char *kind,
                  guint      *n_imported)
{
  g_autofree char *dir_path = reach_test_file ("data", suite, kind, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  gboolean good = g_str_equal (kind, "good");
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);

      if (!g_str_has_suffix (name, ".geojson"))
        continue;

      /* places; areas with the code detected; areas coded by "prop0",
       * which is what the suites' features carry */
      for (guint attempt = 0; attempt < 3; attempt++)
        {
          ReachImportKind k = attempt == 0 ? REACH_IMPORT_PLACES : REACH_IMPORT_AREAS;
          g_autoptr(ReachImport) import = reach_import_new (k, path);
          g_autoptr(GError) error = NULL;

          if (!good)
            {
              assert_refused (f, k, path, -1, NULL);
              continue;
            }

          reach_import_set_area_level (import, REACH_AREA_LEVEL_WARD);
          if (attempt == 2)
            {
              g_autofree char *text = NULL;

              g_file_get_contents (path, &text, NULL, NULL);
              if (strstr (text, "\"prop0\"") == NULL)
                continue;
              reach_import_set_code_property (import, "prop0");
            }
          if (reach_import_read (import, NULL, NULL, NULL, &error))
            {
              g_autoptr(ReachDb) db = NULL;
              g_autofree char *db_path = g_build_filename (f->dir, "suite.reach", NULL);

              /* a fresh workspace each time: the suites reuse "value0" */
              g_unlink (db_path);
              db = reach_db_open (db_path, &error);
              g_assert_no_error (error);
              reach_import_commit (import, db, NULL, NULL, NULL, &error);
              g_assert_no_error (error);
              g_assert_cmpint (count_of (db, k == REACH_IMPORT_PLACES ? "places" : "areas"),
                               ==, reach_import_get_n_items (import));
              g_test_message ("%s/%s: %u items", kind, name, reach_import_get_n_items (import));
              (*n_imported)++;
            }
          else
            {
              if (!g_error_matches (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_UNSUPPORTED))
                g_error ("%s/%s: %s", suite, name, error->message);
              g_test_message ("%s/%s: %s", kind, name, error->message);
            }
        }
    }
}

static void
test_geojsonhint (Fixture       *f,
                  gconstpointer  data)
{
  guint n_imported = 0;

  seed_workspace (f);
  import_suite_dir (f, "geojsonhint", "good", &n_imported);
  g_assert_cmpuint (n_imported, >, 0);
  import_suite_dir (f, "geojsonhint", "bad", &n_imported);
}

static void
test_check_geojson (Fixture       *f,
                    gconstpointer  data)
{
  guint n_imported = 0;

  seed_workspace (f);
  import_suite_dir (f, "check-geojson", "good", &n_imported);
  g_assert_cmpuint (n_imported, >, 0);
  import_suite_dir (f, "check-geojson", "bad", &n_imported);
}

/* ogr2ogr's OSM driver writes other_tags as hstore text, not an object. */
static void
test_hstore_tags (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = write_temp (f, "hstore.geojson",
                                      "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                                      "\"properties\":{\"name\":\"St Mary\",\"other_tags\":"
                                      "\"\\\"amenity\\\"=>\\\"place_of_worship\\\",\\\"addr:postcode\\\"=>\\\"LS18 5AB\\\","
                                      "\\\"wheelchair\\\"=>\\\"yes\\\",\\\"note\\\"=>\\\"say \\\\\\\"hi\\\\\\\"\\\"\"},"
                                      "\"geometry\":{\"type\":\"Point\",\"coordinates\":[-1.6,53.8]}}]}");
  g_autoptr(ReachImport) import = read_ok (REACH_IMPORT_PLACES, path);
  ReachPlace *place = g_ptr_array_index (reach_import_get_items (import), 0);

  g_assert_cmpstr (place->postcode, ==, "LS18 5AB");
  g_assert_cmpint (place->category, ==, REACH_PLACE_CATEGORY_FAITH);
  g_assert_cmpint (place->access[REACH_ACCESS_STEP_FREE], ==, REACH_TRISTATE_YES);
}

static void
test_default_category (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = write_temp (f, "cats.csv",
                                      "name,lat,lon,category\nA,53,-1,\nB,53,-1,faith\nC,53,-1,pubs\n");
  g_autoptr(ReachImport) import = reach_import_new (REACH_IMPORT_PLACES, path);
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  reach_import_set_default_category (import, REACH_PLACE_CATEGORY_BUSINESS);
  reach_import_read (import, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  items = reach_import_get_items (import);
  g_assert_cmpint (((ReachPlace *) g_ptr_array_index (items, 0))->category, ==, REACH_PLACE_CATEGORY_BUSINESS);
  g_assert_cmpint (((ReachPlace *) g_ptr_array_index (items, 1))->category, ==, REACH_PLACE_CATEGORY_FAITH);
  g_assert_cmpint (((ReachPlace *) g_ptr_array_index (items, 2))->category, ==, REACH_PLACE_CATEGORY_BUSINESS);
  g_assert_true (notes_contain (import, "“pubs”"));
  g_assert_true (notes_contain (import, reach_place_category_label (REACH_PLACE_CATEGORY_BUSINESS)));
}

/* Valid GeoJSON whose features Reach cannot take: named by number. */
static void
test_bad_features (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *venue = write_temp (f, "venue.geojson",
                                       "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                                       "\"properties\":{\"name\":\"A\"},\"geometry\":{\"type\":\"Point\","
                                       "\"coordinates\":[-1.5,53.8]}},{\"type\":\"Feature\",\"properties\":"
                                       "{\"name\":\"B\",\"is_venue\":\"maybe\"},\"geometry\":{\"type\":"
                                       "\"Point\",\"coordinates\":[-1.5,53.8]}}]}");
  g_autofree char *range = write_temp (f, "range.geojson",
                                       "{\"type\":\"Feature\",\"properties\":{\"name\":\"A\"},"
                                       "\"geometry\":{\"type\":\"Point\",\"coordinates\":[430000,433000]}}");
  g_autofree char *email = write_temp (f, "email.geojson",
                                       "{\"type\":\"Feature\",\"properties\":{\"name\":\"Hall\","
                                       "\"email\":\"nobody\"},\"geometry\":{\"type\":\"Point\","
                                       "\"coordinates\":[-1.5,53.8]}}");
  const char *venue_msg[] = { "venue.geojson: feature 2", "is_venue", "maybe", NULL };
  const char *range_msg[] = { "range.geojson: feature 1", "430000", NULL };
  const char *email_msg[] = { "email.geojson: feature 1", "Hall", "@", NULL };

  seed_workspace (f);
  assert_refused (f, REACH_IMPORT_PLACES, venue, REACH_IMPORT_ERROR_INVALID, venue_msg);
  assert_refused (f, REACH_IMPORT_PLACES, range, REACH_IMPORT_ERROR_INVALID, range_msg);
  assert_refused (f, REACH_IMPORT_PLACES, email, REACH_IMPORT_ERROR_INVALID, email_msg);
}

/* Some good files do give places. */
static void
test_good_feature_collection (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = write_temp (f, "mixed.geojson",
                                      "{\"type\":\"FeatureCollection\",\"features\":["
                                      "{\"type\":\"Feature\",\"properties\":{\"name\":\"Hall\"},"
                                      "\"geometry\":{\"type\":\"Point\",\"coordinates\":[-1.5,53.8,12]}},"
                                      "{\"type\":\"Feature\",\"properties\":{\"name\":\"Road\"},"
                                      "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}},"
                                      "{\"type\":\"Feature\",\"properties\":null,\"geometry\":null}]}");
  g_autoptr(ReachImport) import = read_ok (REACH_IMPORT_PLACES, path);

  g_assert_cmpuint (reach_import_get_n_items (import), ==, 1);
  g_assert_true (notes_contain (import, "LineString"));
  g_assert_true (notes_contain (import, "no geometry"));
}

/* Progress and cancelling */

static void
on_progress (double   fraction,
             gpointer user_data)
{
  GArray *calls = user_data;

  g_assert_cmpfloat (fraction, >=, 0);
  g_assert_cmpfloat (fraction, <=, 1);
  g_array_append_val (calls, fraction);
}

static void
test_progress_and_cancel (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("name,lat,lon\n");
  g_autofree char *path = NULL;
  g_autoptr(ReachImport) import = NULL;
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "Place %u,53.%03u,-1.5\n", i, i);
  path = write_temp (f, "many.csv", text->str);
  import = reach_import_new (REACH_IMPORT_PLACES, path);

  reach_import_read (import, NULL, on_progress, calls, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, >=, 5);
  g_assert_cmpfloat (g_array_index (calls, double, calls->len - 1), ==, 1.0);

  g_array_set_size (calls, 0);
  reach_import_commit (import, f->db, NULL, on_progress, calls, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, >=, 5);
  g_assert_cmpint (count_of (f->db, "places"), ==, 1000);

  /* Cancelled: nothing read, nothing written. */
  g_cancellable_cancel (cancellable);
  g_assert_false (reach_import_read (import, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_clear_object (&import);
  import = read_ok (REACH_IMPORT_PLACES, path);
  before = counts (f->db);
  g_assert_false (reach_import_commit (import, f->db, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = counts (f->db);
  g_assert_cmpstr (before, ==, after);
}

/* Export round trip */

static ReachPlace *
awkward_place (void)
{
  ReachPlace *place = reach_place_new ();

  place->name = g_strdup ("The \"Old\" Hall, Café");
  place->category = REACH_PLACE_CATEGORY_CULTURE;
  place->is_venue = TRUE;
  place->description = g_strdup ("Two lines:\nsecond one");
  place->address = g_strdup ("1 Main St, Leeds");
  place->postcode = g_strdup ("LS1 1AA");
  place->lat = 53.80078912345678;
  place->lon = -1.548567;
  place->opening_hours = g_strdup ("Mo-Fr 09:00-17:00");
  place->capacity = 120;
  place->website = g_strdup ("https://example.org/hall?a=1,2");
  place->phone = g_strdup ("0113 000 0000");
  place->email = g_strdup ("hall@example.org");
  place->source = g_strdup ("typed in");
  place->access[REACH_ACCESS_STEP_FREE] = REACH_TRISTATE_YES;
  place->access[REACH_ACCESS_LIFT] = REACH_TRISTATE_NO;
  place->access[REACH_ACCESS_BSL] = REACH_TRISTATE_YES;

  return place;
}

static void
assert_same_places (GPtrArray *a,
                    GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      ReachPlace *x = g_ptr_array_index (a, i);
      ReachPlace *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpint (x->category, ==, y->category);
      g_assert_cmpint (x->is_asset, ==, y->is_asset);
      g_assert_cmpint (x->is_venue, ==, y->is_venue);
      g_assert_cmpstr (x->description, ==, y->description);
      g_assert_cmpstr (x->address, ==, y->address);
      g_assert_cmpstr (x->postcode, ==, y->postcode);
      g_assert_cmpfloat (x->lat, ==, y->lat);
      g_assert_cmpfloat (x->lon, ==, y->lon);
      g_assert_cmpstr (x->opening_hours, ==, y->opening_hours);
      g_assert_cmpint (x->capacity, ==, y->capacity);
      g_assert_cmpstr (x->website, ==, y->website);
      g_assert_cmpstr (x->phone, ==, y->phone);
      g_assert_cmpstr (x->email, ==, y->email);
      g_assert_cmpstr (x->source, ==, y->source);
      for (guint k = 0; k < REACH_N_ACCESS; k++)
        g_assert_cmpint (x->access[k], ==, y->access[k]);
    }
}

static void
round_trip (Fixture    *f,
            const char *file_name)
{
  g_autofree char *libraries = reach_test_file ("data", "leeds", "leeds_libraries_taskforce2016.csv", NULL);
  g_autofree char *out = g_build_filename (f->dir, file_name, NULL);
  g_autofree char *copy_path = g_strconcat (out, ".reach", NULL);
  g_autoptr(ReachPlace) place = awkward_place ();
  g_autoptr(ReachDb) copy = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  import_file (f->db, REACH_IMPORT_PLACES, libraries);
  reach_places_insert (f->db, place, &error);
  g_assert_no_error (error);

  g_assert_cmpint (reach_export_places (f->db, out, &error), ==, 51);
  g_assert_no_error (error);

  copy = reach_db_open (copy_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import_file (copy, REACH_IMPORT_PLACES, out), ==, 51);

  before = reach_places_list (f->db, NULL, &error);
  g_assert_no_error (error);
  after = reach_places_list (copy, NULL, &error);
  g_assert_no_error (error);
  assert_same_places (before, after);
}

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  round_trip (f, "places.csv");
}

static void
test_export_geojson (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "places.geojson", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *props;

  round_trip (f, "places.geojson");

  /* Booleans and nulls, not strings. */
  json_parser_load_from_file (parser, out, &error);
  g_assert_no_error (error);
  props = json_object_get_object_member (
            json_array_get_object_element (
              json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                            "features"), 0),
            "properties");
  g_assert_true (json_object_has_member (props, "step_free"));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (props, "step_free")));
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (props, "is_venue")), ==, G_TYPE_BOOLEAN);
}

static void
test_export_bad_name (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "places.txt", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (reach_export_places (f->db, out, &error), ==, -1);
  g_assert_error (error, REACH_EXPORT_ERROR, REACH_EXPORT_ERROR_FORMAT);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/import/csv/leeds-libraries", test_leeds_libraries);
  ADD ("/import/csv/trafford-gps", test_trafford_gps);
  ADD ("/import/trafford-other-names", test_trafford_other_names);
  ADD ("/import/csv/columns", test_csv_columns);
  ADD ("/import/csv/semicolons", test_semicolons);
  ADD ("/import/csv/bad", test_bad_csv);
  ADD ("/import/csv/default-category", test_default_category);
  ADD ("/import/geojson/hstore", test_hstore_tags);
  ADD ("/import/geojson/bad-features", test_bad_features);
  ADD ("/import/geojson/osm-layers", test_osm_layers);
  ADD ("/import/geojson/osm-commit", test_all_osm_layers_commit);
  ADD ("/import/geojson/good-collection", test_good_feature_collection);
  ADD ("/import/geojson/geojsonhint", test_geojsonhint);
  ADD ("/import/geojson/check-geojson", test_check_geojson);
  ADD ("/import/areas/wards22", test_wards22);
  ADD ("/import/areas/martinjc", test_martinjc_wards);
  ADD ("/import/areas/codes", test_area_codes);
  ADD ("/import/areas/level", test_area_level_guess);
  ADD ("/import/progress-cancel", test_progress_and_cancel);
  ADD ("/export/csv-round-trip", test_export_csv);
  ADD ("/export/geojson-round-trip", test_export_geojson);
  ADD ("/export/bad-name", test_export_bad_name);

  return g_test_run ();
}
