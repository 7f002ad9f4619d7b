/* reach-gaps-view.h — the Gaps page: who is missing, and is it co-production?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "reach-areas-layer.h"
#include "reach-db.h"
#include "reach-gaps.h"
#include "reach-map-legend.h"

G_BEGIN_DECLS

/* One row of the table: a category's line of the report. */
#define REACH_TYPE_GAP_ITEM (reach_gap_item_get_type ())
G_DECLARE_FINAL_TYPE (ReachGapItem, reach_gap_item, REACH, GAP_ITEM, GObject)

const ReachGapRow *reach_gap_item_get_row (ReachGapItem *self);

#define REACH_TYPE_GAPS_VIEW (reach_gaps_view_get_type ())
G_DECLARE_FINAL_TYPE (ReachGapsView, reach_gaps_view, REACH, GAPS_VIEW, GtkWidget)

typedef enum
{
  REACH_GAPS_MAP_NONE,
  REACH_GAPS_MAP_REACH,           /* people reached per 1,000 residents */
  REACH_GAPS_MAP_REPRESENTATION,  /* one category's representation ratio */
} ReachGapsMapMode;

GtkWidget  *reach_gaps_view_new               (void);

/* The analysis runs when the page comes on screen, and again when a choice
 * changes; db NULL empties it.  The view keeps a ref. */
void        reach_gaps_view_set_db            (ReachGapsView   *self,
                                               ReachDb         *db);
/* The map "Show on Map" colours: its areas layer and legend; a click on an
 * area of a coloured map shows the area's profile in the legend. */
void        reach_gaps_view_set_map           (ReachGapsView   *self,
                                               GtkWidget       *map,
                                               ReachAreasLayer *layer,
                                               ReachMapLegend  *legend);

/* Reads the workspace again now. */
void        reach_gaps_view_reload            (ReachGapsView   *self);
/* FALSE when the workspace has no baseline for key. */
gboolean    reach_gaps_view_set_characteristic (ReachGapsView  *self,
                                               const char      *key);
const char *reach_gaps_view_get_characteristic (ReachGapsView  *self);
/* The report on screen (rows sorted by shortfall), or NULL. */
const ReachGapReport *reach_gaps_view_get_report (ReachGapsView *self);
/* ReachGapItem, in the table's order. */
GListModel *reach_gaps_view_get_rows          (ReachGapsView   *self);

/* Colours the map's areas of level (mode NONE takes the colours away) and
 * switches the window to the map.  category_key only for REPRESENTATION. */
gboolean    reach_gaps_view_show_on_map       (ReachGapsView   *self,
                                               ReachGapsMapMode mode,
                                               const char      *category_key,
                                               ReachAreaLevel   level,
                                               GError         **error);
/* What the map was last coloured by (NONE when nothing), for a saved view:
 * the characteristic and category only for REPRESENTATION, from and to
 * (NULL for an open end) the period it was worked out over.  The strings
 * are the view's, valid until the map is coloured again. */
ReachGapsMapMode reach_gaps_view_get_shown    (ReachGapsView   *self,
                                               const char     **characteristic,
                                               const char     **category_key,
                                               ReachAreaLevel  *level,
                                               const char     **from,
                                               const char     **to);
/* Colours the map again as reach_gaps_view_get_shown() told: sets this
 * page's characteristic and period to those saved, then does what "Show on
 * Map" does.  FALSE, with error, when the workspace has no such baseline. */
gboolean    reach_gaps_view_show_saved        (ReachGapsView   *self,
                                               ReachGapsMapMode mode,
                                               const char      *characteristic,
                                               const char      *category_key,
                                               ReachAreaLevel   level,
                                               const char      *from,
                                               const char      *to,
                                               GError         **error);
/* The area's profile in the map legend, the area highlighted; 0 clears. */
void        reach_gaps_view_show_area_profile (ReachGapsView   *self,
                                               gint64           area_id);

G_END_DECLS
