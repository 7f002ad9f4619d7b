/* reach-export.h — places out to GeoJSON and CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CSV written here imports back to the same places: the header uses the
 * column names the importer looks for.
 */
#pragma once

#include "reach-db.h"

G_BEGIN_DECLS

#define REACH_EXPORT_ERROR (reach_export_error_quark ())
typedef enum
{
  REACH_EXPORT_ERROR_FORMAT,   /* the file name ends in neither .geojson/.json nor .csv */
} ReachExportError;

GQuark     reach_export_error_quark          (void);

/* A FeatureCollection of Points; every field is a property, accessibility
 * true, false or null. */
char      *reach_export_places_to_geojson    (GPtrArray   *places);
/* id,name,category,is_asset,is_venue,…,lat,lon, then each access column
 * (yes, no or empty). */
char      *reach_export_places_to_csv        (GPtrArray   *places);

/* Every place in the workspace, to a file whose extension picks the format.
 * The file is replaced atomically.  Returns the number written, or -1. */
gint64     reach_export_places               (ReachDb     *db,
                                              const char  *path,
                                              GError     **error);

G_END_DECLS
