/* reach-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "reach-area-assign.h"
#include "reach-baseline.h"
#include "reach-demo.h"
#include "reach-demo-people.h"
#include "reach-import.h"

static const struct {
  const char     *file;
  ReachImportKind kind;
  ReachAreaLevel  level;
} demo_files[] = {
  { "leeds_wards22.geojson", REACH_IMPORT_AREAS, REACH_AREA_LEVEL_WARD },
  { "leeds_lsoa21_bsc.geojson", REACH_IMPORT_AREAS, REACH_AREA_LEVEL_LSOA },
  { "leeds_msoa21_bsc.geojson", REACH_IMPORT_AREAS, REACH_AREA_LEVEL_MSOA },
  { "leeds_libraries_open.csv", REACH_IMPORT_PLACES },
  { "horsforth/charity.geojson", REACH_IMPORT_PLACES },
  { "horsforth/childcare.geojson", REACH_IMPORT_PLACES },
  { "horsforth/community.geojson", REACH_IMPORT_PLACES },
  { "horsforth/education.geojson", REACH_IMPORT_PLACES },
  { "horsforth/gym.geojson", REACH_IMPORT_PLACES },
  { "horsforth/medical.geojson", REACH_IMPORT_PLACES },
  { "horsforth/parks.geojson", REACH_IMPORT_PLACES },
  { "horsforth/sport.geojson", REACH_IMPORT_PLACES },
  { "horsforth/worship.geojson", REACH_IMPORT_PLACES },
};

/* Census 2021 baselines, so the first open shows real gaps */
static const char * const demo_baselines[] = {
  "census/census2021-ts021-lsoa-leeds-toplevel.csv",
  "census/census2021-ts030-lsoa-leeds.csv",
  "census/census2021-ts038-lsoa-leeds-toplevel.csv",
  "census/census2021-ts077-msoa-leeds.csv",
};

const char *
reach_data_dir (void)
{
  const char *dir = g_getenv ("REACH_DATA_DIR");

  return dir != NULL && *dir != '\0' ? dir : PKGDATADIR;
}

static gboolean
import_demo_file (ReachDb     *db,
                  const char  *data_dir,
                  guint        i,
                  GError     **error)
{
  g_autofree char *path = g_build_filename (data_dir, "demo", demo_files[i].file, NULL);
  g_autoptr(ReachImport) import = reach_import_new (demo_files[i].kind, path);

  if (demo_files[i].kind == REACH_IMPORT_AREAS)
    reach_import_set_area_level (import, demo_files[i].level);

  return reach_import_read (import, NULL, NULL, NULL, error) &&
         reach_import_commit (import, db, NULL, NULL, NULL, error);
}

static gboolean
import_demo_baseline (ReachDb     *db,
                      const char  *data_dir,
                      guint        i,
                      GError     **error)
{
  g_autofree char *path = g_build_filename (data_dir, "demo", demo_baselines[i], NULL);
  g_autoptr(ReachBaselineImport) import = reach_baseline_import_new (path);

  return reach_baseline_import_read (import, db, NULL, NULL, NULL, error) &&
         reach_baseline_import_commit (import, db, NULL, NULL, NULL, error);
}

gboolean
reach_demo_build (ReachDb     *db,
                  const char  *data_dir,
                  GError     **error)
{
  if (!reach_db_begin (db, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_files); i++)
    {
      if (!import_demo_file (db, data_dir, i, error))
        {
          g_prefix_error (error, _("Could not build the demo workspace: "));
          reach_db_rollback (db);
          return FALSE;
        }
    }

  /* LSOAs in wards as ONS best-fits them, rather than by their shapes */
  {
    g_autofree char *lookup = g_build_filename (data_dir, "demo", "leeds_lookup_lsoa21_ward24_ltla24.csv", NULL);

    if (!reach_area_import_lookup (db, lookup, NULL, error))
      {
        g_prefix_error (error, _("Could not build the demo workspace: "));
        reach_db_rollback (db);
        return FALSE;
      }
  }

  for (guint i = 0; i < G_N_ELEMENTS (demo_baselines); i++)
    {
      if (!import_demo_baseline (db, data_dir, i, error))
        {
          g_prefix_error (error, _("Could not build the demo workspace: "));
          reach_db_rollback (db);
          return FALSE;
        }
    }

  /* the fictional people, groups and activities, dated back from today */
  {
    g_autoptr(GDateTime) today = g_date_time_new_now_local ();

    if (!reach_demo_people_build (db, today, error))
      {
        reach_db_rollback (db);
        return FALSE;
      }
  }

  if (!reach_db_set_setting (db, "demo", "1", error) ||
      !reach_db_set_setting (db, "title", _("Leeds demo"), error))
    {
      reach_db_rollback (db);
      return FALSE;
    }

  return reach_db_commit (db, error);
}

ReachDb *
reach_demo_open (const char  *path,
                 GError     **error)
{
  gboolean existed = g_file_test (path, G_FILE_TEST_EXISTS);
  g_autoptr(ReachDb) db = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create %s: %s"), dir, g_strerror (saved));
      return NULL;
    }

  db = reach_db_open (path, error);
  if (db == NULL)
    return NULL;

  /* a file left half-made by an interrupted first run is not yet a demo */
  if (!reach_db_is_demo (db) && !reach_demo_build (db, reach_data_dir (), error))
    {
      g_clear_object (&db);
      if (!existed)
        g_unlink (path);
      return NULL;
    }

  return g_steal_pointer (&db);
}
