/* reach-places.h — places in a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reach-db.h"
#include "reach-place.h"

G_BEGIN_DECLS

/* Saves a new place and sets place->id. */
gboolean    reach_places_insert   (ReachDb     *db,
                                   ReachPlace  *place,
                                   GError     **error);
gboolean    reach_places_update   (ReachDb     *db,
                                   ReachPlace  *place,
                                   GError     **error);
gboolean    reach_places_delete   (ReachDb     *db,
                                   gint64       id,
                                   GError     **error);
ReachPlace *reach_places_get      (ReachDb     *db,
                                   gint64       id,
                                   GError     **error);

/* All places ordered by name; with a non-empty search, those whose name,
 * address, postcode or description match it (prefix match per word). */
GPtrArray  *reach_places_list     (ReachDb     *db,
                                   const char  *search,
                                   GError     **error);
GPtrArray  *reach_places_in_bbox  (ReachDb     *db,
                                   double       west,
                                   double       south,
                                   double       east,
                                   double       north,
                                   GError     **error);

G_END_DECLS
