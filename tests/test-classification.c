/* test-classification.c — the reference classifications and local groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "reach-classification.h"
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

static void
test_reference_characteristics (void)
{
  static const char * const keys[] = {
    "ethnic_group", "religion", "disability", "age_band", "sex",
    "sexual_orientation", "gender_identity", "carer", "local_groups",
  };
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  all = reach_characteristics_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (keys));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      ReachCharacteristic *c = g_ptr_array_index (all, i);
      g_autoptr(GPtrArray) categories = reach_categories_list (db, keys[i], &error);
      guint n_prefer_not = 0;

      g_assert_no_error (error);
      g_assert_cmpstr (c->key, ==, keys[i]);
      g_assert_cmpint (c->is_local, ==, g_str_equal (keys[i], "local_groups"));
      /* every characteristic has "Prefer not to say", and it is an answer */
      for (guint j = 0; j < categories->len; j++)
        {
          ReachCategory *g = g_ptr_array_index (categories, j);

          if (g_str_equal (g->key, "prefer_not_to_say"))
            {
              g_assert_true (g->is_prefer_not);
              g_assert_cmpstr (g->label, ==, "Prefer not to say");
              n_prefer_not++;
            }
        }
      g_assert_cmpuint (n_prefer_not, ==, 1);
    }
}

static void
test_ethnic_group_rollup (void)
{
  static const char * const broad[] = {
    "Asian, Asian British or Asian Welsh",
    "Black, Black British, Black Welsh, Caribbean or African",
    "Mixed or Multiple ethnic groups",
    "White",
    "Other ethnic group",
  };
  static const guint n_detailed[] = { 5, 3, 4, 5, 2 };
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[G_N_ELEMENTS (broad)] = { 0 };
  guint n_top = 0, n_children = 0;

  categories = reach_categories_list (db, "ethnic_group", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < categories->len; i++)
    {
      ReachCategory *g = g_ptr_array_index (categories, i);
      g_autoptr(ReachCategory) top = NULL;

      if (g->is_prefer_not)
        continue;
      if (g->parent_id == 0)
        {
          g_assert_cmpstr (g->label, ==, broad[n_top]);
          n_top++;
          continue;
        }

      n_children++;
      /* the ONS label is "Broad: detailed" and the code 1 … 19 */
      g_assert_nonnull (g->ons_code);
      g_assert_cmpint (atoi (g->ons_code), ==, n_children);
      top = reach_categories_get_broad (db, g->id, &error);
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (g->label, top->label));
      g_assert_cmpint (g->label[strlen (top->label)], ==, ':');
      for (guint b = 0; b < G_N_ELEMENTS (broad); b++)
        if (g_str_equal (top->label, broad[b]))
          counts[b]++;
    }

  g_assert_cmpuint (n_top, ==, 5);
  g_assert_cmpuint (n_children, ==, 19);
  for (guint b = 0; b < G_N_ELEMENTS (broad); b++)
    g_assert_cmpuint (counts[b], ==, n_detailed[b]);
}

static void
test_census_labels (void)
{
  /* labels exactly as the census tables print them */
  static const struct { const char *key; const char *label; } cases[] = {
    { "ethnic_group", "White: Gypsy or Irish Traveller" },
    { "ethnic_group", "Asian, Asian British or Asian Welsh: Pakistani" },
    { "religion", "No religion" },
    { "religion", "Not answered" },
    { "disability", "Disabled under the Equality Act: Day-to-day activities limited a lot" },
    { "disability", "Not disabled under the Equality Act" },
    { "sexual_orientation", "All other sexual orientations" },
    { "age_band", "Aged 15 years and under" },
    { "age_band", "Aged 65 years and over" },
    { "sex", "Female" },
    { "gender_identity", "Trans woman" },
    { "carer", "Provides no unpaid care" },
  };
  g_autoptr(ReachDb) db = new_db ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ReachCategory) g = reach_categories_find (db, cases[i].key, cases[i].label, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (g->label, ==, cases[i].label);
      g_assert_cmpstr (g->characteristic_key, ==, cases[i].key);
    }
}

static void
test_find_tolerant (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachCategory) by_label = NULL;
  g_autoptr(ReachCategory) by_code = NULL;
  g_autoptr(ReachCategory) by_key = NULL;
  g_autoptr(ReachCategory) by_detail = NULL;
  g_autoptr(ReachCategory) unknown = NULL;
  g_autoptr(ReachCategory) broad = NULL;

  by_label = reach_categories_find (db, "ethnic_group", "  white:   IRISH ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_label->key, ==, "irish");

  by_code = reach_categories_find (db, "ethnic_group", "14", &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_code->id, ==, by_label->id);

  by_key = reach_categories_find (db, "religion", "MUSLIM", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_key->label, ==, "Muslim");

  by_detail = reach_categories_find (db, "ethnic_group", "Indian", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_detail->ons_code, ==, "3");

  broad = reach_categories_find (db, "ethnic_group", "white", &error);
  g_assert_no_error (error);
  g_assert_cmpint (broad->parent_id, ==, 0);

  /* near misses are reported, not guessed */
  unknown = reach_categories_find (db, "ethnic_group", "Whte", &error);
  g_assert_error (error, REACH_CLASSIFICATION_ERROR, REACH_CLASSIFICATION_ERROR_UNKNOWN_CATEGORY);
  g_assert_null (unknown);
  g_assert_nonnull (strstr (error->message, "Whte"));
  g_clear_error (&error);

  g_assert_null (reach_categories_find (db, "shoe_size", "9", &error));
  g_assert_error (error, REACH_CLASSIFICATION_ERROR, REACH_CLASSIFICATION_ERROR_UNKNOWN_CHARACTERISTIC);
}

static void
test_local_groups (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachCharacteristic) local = NULL;
  g_autoptr(ReachCategory) added = NULL;
  g_autoptr(ReachCategory) second = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  ReachCategory *last;

  /* seeded local groups */
  categories = reach_categories_list (db, "local_groups", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, ==, 6);
  g_clear_pointer (&categories, g_ptr_array_unref);

  local = reach_characteristics_add_local (db, NULL, "Languages spoken at home", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (local->key, ==, "languages_spoken_at_home");
  g_assert_true (local->is_local);

  added = reach_categories_add_local (db, local->key, "Polish", 0, &error);
  g_assert_no_error (error);
  second = reach_categories_add_local (db, local->key, "Urdu", 0, &error);
  g_assert_no_error (error);

  categories = reach_categories_list (db, local->key, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, ==, 3);
  last = g_ptr_array_index (categories, categories->len - 1);
  g_assert_true (last->is_prefer_not);   /* stays last */
  g_assert_cmpstr (((ReachCategory *) g_ptr_array_index (categories, 0))->label, ==, "Polish");

  /* duplicates and reference classifications are refused */
  g_assert_null (reach_categories_add_local (db, local->key, " polish ", 0, &error));
  g_assert_error (error, REACH_CLASSIFICATION_ERROR, REACH_CLASSIFICATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (reach_categories_add_local (db, "ethnic_group", "Cornish", 0, &error));
  g_assert_error (error, REACH_CLASSIFICATION_ERROR, REACH_CLASSIFICATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (reach_characteristics_add_local (db, NULL, "   ", &error));
  g_assert_error (error, REACH_CLASSIFICATION_ERROR, REACH_CLASSIFICATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (reach_characteristics_add_local (db, NULL, "Languages spoken at home", &error));
  g_assert_error (error, REACH_CLASSIFICATION_ERROR, REACH_CLASSIFICATION_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/classification/reference", test_reference_characteristics);
  g_test_add_func ("/classification/ethnic-group-rollup", test_ethnic_group_rollup);
  g_test_add_func ("/classification/census-labels", test_census_labels);
  g_test_add_func ("/classification/find-tolerant", test_find_tolerant);
  g_test_add_func ("/classification/local-groups", test_local_groups);

  return g_test_run ();
}
