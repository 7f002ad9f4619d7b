/* reach-presentation.h — board outputs from the window: export, print,
 * preferences, saved views and presentation mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Presentation mode shows the map page alone, full screen, with a large
 * title and legend; the presenter steps through the saved views
 * ("bookmarks": centre, zoom, the layers shown and what the areas are
 * coloured by) with Right, Left, Page Down, Page Up and Space; Escape
 * leaves.  Bookmarks are kept in the
 * workspace, as JSON in the setting "bookmarks", so they travel with it.
 */
#pragma once

#include <shumate/shumate.h>

#include "reach-db.h"
#include "reach-gaps-view.h"
#include "reach-geometry.h"
#include "reach-window.h"

G_BEGIN_DECLS

#define REACH_BOOKMARKS_SETTING "bookmarks"

typedef struct
{
  char     *name;
  double    lat;
  double    lon;
  double    zoom;
  gboolean  places;   /* the places layer shown */
  gboolean  areas;    /* the areas layer shown */
  /* what the Gaps page coloured the areas by (NONE in views saved before
   * there was a choice); the rest as reach_gaps_view_get_shown() gives */
  ReachGapsMapMode  choropleth;
  char             *characteristic;
  char             *category;
  ReachAreaLevel    level;
  char             *from;
  char             *to;
} ReachBookmark;

void        reach_bookmark_free               (ReachBookmark *bookmark);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReachBookmark, reach_bookmark_free)

/* The workspace's bookmarks, in the order saved (an array of
 * ReachBookmark, possibly empty); NULL when the setting cannot be read. */
GPtrArray  *reach_bookmarks_load              (ReachDb        *db,
                                               GError        **error);
gboolean    reach_bookmarks_save              (ReachDb        *db,
                                               GPtrArray      *bookmarks,
                                               GError        **error);

/* The map's visible extent, from its viewport and widget size. */
gboolean    reach_map_view_bbox               (ShumateSimpleMap *map,
                                               ReachBBox        *bbox);

/* Installs win.export-map (Ctrl+Shift+E), win.export-report, win.print
 * (Ctrl+P), win.preferences (Ctrl+,), win.present (F5),
 * win.save-bookmark, win.present-next and win.present-previous on the
 * window class. */
void        reach_presentation_install_actions (GtkWidgetClass *widget_class);

gboolean    reach_presentation_is_active      (ReachWindow    *window);
/* The bookmark shown in presentation mode, or -1. */
int         reach_presentation_get_position   (ReachWindow    *window);

G_END_DECLS
