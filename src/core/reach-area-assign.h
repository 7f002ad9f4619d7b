/* reach-area-assign.h — where people, venues and groups are, and which
 * areas lie inside which
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Contacts, places and community groups with a point (lat/lon; a contact
 * with only a postcode has no point and is in no area) are assigned to the
 * area of each level that contains them, by point-in-polygon through the
 * R*Tree (reach_areas_at_point).  The assignments are a cache in the
 * workspace (contact_area, place_area, group_point_area: one row per item
 * and level, area_id NULL when the point is in no area of that level); the
 * schema drops an item's rows when its point moves, and a level's rows when
 * an area of that level is added or deleted.  reach_area_assign_refresh()
 * fills in whatever is missing.
 *
 * Roll-ups: a smaller area lies inside a larger one (LSOA in ward, MSOA and
 * local authority; MSOA and ward in local authority) by containment — the
 * smaller area's interior point inside the larger one's polygon — or by a
 * lookup CSV (LSOA to ward best-fit tables), which wins over containment
 * for the levels it names.  Links are kept in area_parent (child_id,
 * parent_id, method 'containment' or 'lookup').
 */
#pragma once

#include "reach-area.h"
#include "reach-db.h"

G_BEGIN_DECLS

#define REACH_AREA_ASSIGN_ERROR (reach_area_assign_error_quark ())
typedef enum
{
  REACH_AREA_ASSIGN_ERROR_FORMAT,     /* the lookup is not readable CSV */
  REACH_AREA_ASSIGN_ERROR_NO_AREAS,   /* no row of the lookup names two workspace areas */
} ReachAreaAssignError;

GQuark        reach_area_assign_error_quark  (void);

/* Assigns every contact, place and group point that has no assignment yet
 * to the areas of every level, and rebuilds the containment links when
 * areas were added or deleted.  Cheap when nothing changed.  Runs in its
 * own (nested) transaction. */
gboolean      reach_area_assign_refresh      (ReachDb     *db,
                                              GError     **error);

/* Rebuilds every containment link now (lookup links are kept). */
gboolean      reach_area_rollup_by_containment (ReachDb   *db,
                                              GError     **error);

/* Reads a lookup CSV whose rows name areas of different levels (e.g.
 * lsoa21_code, ward24_code, ltla24_code): each row links its finest area
 * to each coarser one, replacing containment links to that level.  Codes
 * the workspace does not hold are ignored (a regional lookup is fine): a
 * row whose LSOA is missing still links its ward to its local authority.
 * *n_links (may be NULL) gets the number of distinct links written.  All or
 * nothing; errors name the file and line. */
gboolean      reach_area_import_lookup       (ReachDb     *db,
                                              const char  *path,
                                              guint       *n_links,
                                              GError     **error);

/* The area of @level an item is in (after a refresh): its id, 0 when none,
 * -1 on error. */
gint64        reach_area_of_contact          (ReachDb        *db,
                                              gint64          contact_id,
                                              ReachAreaLevel  level,
                                              GError        **error);
gint64        reach_area_of_place            (ReachDb        *db,
                                              gint64          place_id,
                                              ReachAreaLevel  level,
                                              GError        **error);
/* A community group's point (its areas of its own are community_group_area). */
gint64        reach_area_of_group            (ReachDb        *db,
                                              gint64          group_id,
                                              ReachAreaLevel  level,
                                              GError        **error);

/* The larger area of @level that @area_id lies in: its id, 0 when none,
 * -1 on error. */
gint64        reach_area_get_parent          (ReachDb        *db,
                                              gint64          area_id,
                                              ReachAreaLevel  level,
                                              GError        **error);
/* The ids (gint64) of the areas of @level inside @area_id, or of every
 * level with level < 0, by code. */
GArray       *reach_area_list_within         (ReachDb        *db,
                                              gint64          area_id,
                                              int             level,
                                              GError        **error);

G_END_DECLS
