/* reach-base-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-base-map"

#include "config.h"

#include <glib/gi18n.h>

#include "reach-base-map.h"
#include "reach-mbtiles-source.h"

#define OFFLINE_PACK "uk_osm_z0-6.mbtiles"
#define OSM_LICENSE  "© OpenStreetMap contributors"
#define OSM_COPYRIGHT "https://www.openstreetmap.org/copyright"

char *
reach_base_map_find_offline_pack (void)
{
  const char *dirs[] = { g_getenv ("REACH_DATA_DIR"), PKGDATADIR, SOURCE_DATADIR };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;

      if (dirs[i] == NULL || *dirs[i] == '\0')
        continue;
      path = g_build_filename (dirs[i], "tiles", OFFLINE_PACK, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

static ShumateMapSource *
source_for_mbtiles (ReachMbtiles *mbtiles,
                    const char   *id)
{
  g_autoptr(ReachMbtilesSource) data = reach_mbtiles_source_new (mbtiles);
  const char *license = reach_mbtiles_get_attribution_text (mbtiles);

  return SHUMATE_MAP_SOURCE (
    shumate_raster_renderer_new_full (id,
                                      reach_mbtiles_get_name (mbtiles),
                                      license != NULL ? license : "",
                                      reach_mbtiles_get_attribution_uri (mbtiles),
                                      reach_mbtiles_get_min_zoom (mbtiles),
                                      MAX (REACH_BASE_MAP_MAX_ZOOM, reach_mbtiles_get_max_zoom (mbtiles)),
                                      reach_mbtiles_get_tile_size (mbtiles),
                                      SHUMATE_MAP_PROJECTION_MERCATOR,
                                      SHUMATE_DATA_SOURCE (data)));
}

ShumateMapSource *
reach_base_map_new_offline (GError **error)
{
  g_autofree char *path = reach_base_map_find_offline_pack ();
  g_autoptr(ReachMbtiles) mbtiles = NULL;
  ShumateMapSource *source;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The offline base map “%s” is missing from %s"),
                   OFFLINE_PACK, PKGDATADIR "/tiles");
      return NULL;
    }

  mbtiles = reach_mbtiles_open (path, error);
  if (mbtiles == NULL)
    return NULL;

  source = source_for_mbtiles (mbtiles, REACH_BASE_MAP_OFFLINE_ID);
  shumate_map_source_set_name (source, _("Offline map of the UK"));
  /* The pack's own attribution says the same; this is what ODbL asks. */
  if (reach_mbtiles_get_attribution_text (mbtiles) == NULL)
    {
      shumate_map_source_set_license (source, OSM_LICENSE);
      shumate_map_source_set_license_uri (source, OSM_COPYRIGHT);
    }
  return source;
}

ShumateMapSource *
reach_base_map_new_from_file (const char  *path,
                              GError     **error)
{
  g_autoptr(ReachMbtiles) mbtiles = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  mbtiles = reach_mbtiles_open (path, error);
  if (mbtiles == NULL)
    return NULL;

  basename = g_path_get_basename (path);
  id = g_strconcat ("reach-mbtiles-", basename, NULL);
  return source_for_mbtiles (mbtiles, id);
}

ShumateMapSource *
reach_base_map_new_online (void)
{
  /* OpenStreetMap's tile policy asks every client to name itself. */
  shumate_set_user_agent ("Reach/" PACKAGE_VERSION " (" APP_ID ")");

  return SHUMATE_MAP_SOURCE (
    shumate_raster_renderer_new_full_from_url (REACH_BASE_MAP_ONLINE_ID,
                                               _("OpenStreetMap"),
                                               OSM_LICENSE,
                                               OSM_COPYRIGHT,
                                               0, 19, 256,
                                               SHUMATE_MAP_PROJECTION_MERCATOR,
                                               "https://tile.openstreetmap.org/{z}/{x}/{y}.png"));
}

ReachMbtiles *
reach_base_map_get_mbtiles (ShumateMapSource *source)
{
  g_autoptr(ShumateDataSource) data = NULL;

  g_return_val_if_fail (SHUMATE_IS_MAP_SOURCE (source), NULL);

  if (!SHUMATE_IS_RASTER_RENDERER (source))
    return NULL;
  g_object_get (source, "data-source", &data, NULL);
  if (!REACH_IS_MBTILES_SOURCE (data))
    return NULL;
  return reach_mbtiles_source_get_mbtiles (REACH_MBTILES_SOURCE (data));
}
