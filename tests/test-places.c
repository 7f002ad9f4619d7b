/* test-places.c — saving, finding and deleting places
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "reach-places.h"
#include "reach-testutil.h"

static ReachDb *
new_db (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "w.reach", NULL);
  g_autoptr(GError) error = NULL;
  ReachDb *db = reach_db_open (path, &error);

  g_assert_no_error (error);
  return db;
}

static ReachPlace *
make_place (const char *name,
            double      lat,
            double      lon)
{
  ReachPlace *place = reach_place_new ();

  place->name = g_strdup (name);
  place->lat = lat;
  place->lon = lon;
  return place;
}

static void
test_round_trip (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(ReachPlace) place = make_place ("Horsforth Library", 53.8372, -1.6406);
  g_autoptr(ReachPlace) back = NULL;
  g_autoptr(GError) error = NULL;

  place->category = REACH_PLACE_CATEGORY_INSTITUTION;
  place->is_venue = TRUE;
  place->postcode = g_strdup ("LS18 5HB");
  place->capacity = 40;
  place->website = g_strdup ("https://www.leeds.gov.uk/libraries");
  place->access[REACH_ACCESS_STEP_FREE] = REACH_TRISTATE_YES;
  place->access[REACH_ACCESS_HEARING_LOOP] = REACH_TRISTATE_NO;

  g_assert_true (reach_places_insert (db, place, &error));
  g_assert_no_error (error);
  g_assert_cmpint (place->id, >, 0);

  back = reach_places_get (db, place->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "Horsforth Library");
  g_assert_cmpint (back->category, ==, REACH_PLACE_CATEGORY_INSTITUTION);
  g_assert_true (back->is_asset);
  g_assert_true (back->is_venue);
  g_assert_cmpstr (back->postcode, ==, "LS18 5HB");
  g_assert_cmpint (back->capacity, ==, 40);
  g_assert_cmpfloat_with_epsilon (back->lat, 53.8372, 1e-9);
  g_assert_cmpfloat_with_epsilon (back->lon, -1.6406, 1e-9);
  g_assert_cmpint (back->access[REACH_ACCESS_STEP_FREE], ==, REACH_TRISTATE_YES);
  g_assert_cmpint (back->access[REACH_ACCESS_HEARING_LOOP], ==, REACH_TRISTATE_NO);
  g_assert_cmpint (back->access[REACH_ACCESS_LIFT], ==, REACH_TRISTATE_UNKNOWN);
}

static void
test_update_and_delete (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(ReachPlace) place = make_place ("Hall", 53.8, -1.55);
  g_autoptr(ReachPlace) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_true (reach_places_insert (db, place, &error));
  g_free (place->name);
  place->name = g_strdup ("Chapel Allerton Hall");
  place->access[REACH_ACCESS_QUIET_ROOM] = REACH_TRISTATE_YES;
  g_assert_true (reach_places_update (db, place, &error));
  g_assert_no_error (error);

  back = reach_places_get (db, place->id, &error);
  g_assert_cmpstr (back->name, ==, "Chapel Allerton Hall");
  g_assert_cmpint (back->access[REACH_ACCESS_QUIET_ROOM], ==, REACH_TRISTATE_YES);

  g_assert_true (reach_places_delete (db, place->id, &error));
  all = reach_places_list (db, NULL, &error);
  g_assert_cmpuint (all->len, ==, 0);
  g_assert_null (reach_places_get (db, place->id, &error));
  g_assert_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_FOUND);
}

static void
test_validation (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachPlace) blank = make_place ("   ", 53.8, -1.5);
  g_autoptr(ReachPlace) far = make_place ("Nowhere", 95, -1.5);
  g_autoptr(ReachPlace) web = make_place ("Web", 53.8, -1.5);
  g_autoptr(GPtrArray) all = NULL;

  g_assert_false (reach_places_insert (db, blank, &error));
  g_assert_error (error, REACH_PLACE_ERROR, REACH_PLACE_ERROR_NAME);
  g_clear_error (&error);

  g_assert_false (reach_places_insert (db, far, &error));
  g_assert_error (error, REACH_PLACE_ERROR, REACH_PLACE_ERROR_COORDINATES);
  g_clear_error (&error);

  web->website = g_strdup ("leeds.gov.uk");
  g_assert_false (reach_places_insert (db, web, &error));
  g_assert_error (error, REACH_PLACE_ERROR, REACH_PLACE_ERROR_WEBSITE);

  all = reach_places_list (db, NULL, NULL);
  g_assert_cmpuint (all->len, ==, 0);
}

static void
test_search_and_bbox (void)
{
  g_autoptr(ReachDb) db = new_db ();
  const struct { const char *name; double lat, lon; } rows[] = {
    { "Horsforth Library", 53.8372, -1.6406 },
    { "St Margaret's Church", 53.8410, -1.6390 },
    { "Café Crème", 53.7990, -1.5490 },
  };
  g_autoptr(GPtrArray) found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(ReachPlace) p = make_place (rows[i].name, rows[i].lat, rows[i].lon);
      g_assert_true (reach_places_insert (db, p, NULL));
    }

  found = reach_places_list (db, "horsf", NULL);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((ReachPlace *) found->pdata[0])->name, ==, "Horsforth Library");
  g_clear_pointer (&found, g_ptr_array_unref);

  /* diacritics do not matter, and quotes are not FTS syntax */
  found = reach_places_list (db, "cafe \"creme", NULL);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = reach_places_list (db, "", NULL);
  g_assert_cmpuint (found->len, ==, 3);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = reach_places_in_bbox (db, -1.70, 53.82, -1.60, 53.85, NULL);
  g_assert_cmpuint (found->len, ==, 2);
}

static void
test_postcodes (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "LS121UQ", "LS12 1UQ" },
    { " ls18 5hb ", "LS18 5HB" },
    { "WF102DY", "WF10 2DY" },
    { "M1 1AE", "M1 1AE" },
    { "EC1A1BB", "EC1A 1BB" },
    { "SW1A  2AA", "SW1A 2AA" },
    { "not known", "not known" },
    { "12345", "12345" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = reach_postcode_normalize (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
  g_assert_null (reach_postcode_normalize (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/places/round-trip", test_round_trip);
  g_test_add_func ("/places/update-and-delete", test_update_and_delete);
  g_test_add_func ("/places/validation", test_validation);
  g_test_add_func ("/places/search-and-bbox", test_search_and_bbox);
  g_test_add_func ("/places/postcodes", test_postcodes);

  return g_test_run ();
}
