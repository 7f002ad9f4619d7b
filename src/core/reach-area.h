/* reach-area.h — a boundary: ward, LSOA, MSOA or local authority
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reach-db.h"
#include "reach-geometry.h"

G_BEGIN_DECLS

typedef enum
{
  REACH_AREA_LEVEL_WARD,
  REACH_AREA_LEVEL_LSOA,
  REACH_AREA_LEVEL_MSOA,
  REACH_AREA_LEVEL_LAD,
  REACH_N_AREA_LEVELS
} ReachAreaLevel;

#define REACH_TYPE_AREA (reach_area_get_type ())
G_DECLARE_FINAL_TYPE (ReachArea, reach_area, REACH, AREA, GObject)

struct _ReachArea
{
  GObject         parent_instance;

  gint64          id;
  char           *code;
  char           *name;
  ReachAreaLevel  level;
  ReachGeometry  *geometry;    /* owned */
  ReachLonLat     label;       /* where the name goes */
  char           *source;
};

ReachArea   *reach_area_new                (void);

const char  *reach_area_level_to_string    (ReachAreaLevel  level);
gboolean     reach_area_level_from_string  (const char     *str,
                                            ReachAreaLevel *level);
const char  *reach_area_level_label        (ReachAreaLevel  level);

/* Saves a new area (its bounding box goes to the R*Tree) and sets area->id.
 * Fills area->label from the geometry when it is unset (0, 0). */
gboolean     reach_areas_insert            (ReachDb        *db,
                                            ReachArea      *area,
                                            GError        **error);
gboolean     reach_areas_delete            (ReachDb        *db,
                                            gint64          id,
                                            GError        **error);
/* All areas of a level, or of every level with level < 0, by code. */
GPtrArray   *reach_areas_list              (ReachDb        *db,
                                            int             level,
                                            GError        **error);
/* The area of a level that contains a point, or NULL. */
ReachArea   *reach_areas_at_point          (ReachDb        *db,
                                            int             level,
                                            double          lon,
                                            double          lat,
                                            GError        **error);

G_END_DECLS
