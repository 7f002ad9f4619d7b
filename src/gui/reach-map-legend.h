/* reach-map-legend.h — the key to the place symbols, over the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define REACH_TYPE_MAP_LEGEND (reach_map_legend_get_type ())
G_DECLARE_FINAL_TYPE (ReachMapLegend, reach_map_legend, REACH, MAP_LEGEND, GtkWidget)

GtkWidget *reach_map_legend_new (void);

G_END_DECLS
