/* reach-map-legend.h — the key to the place symbols, over the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "reach-choropleth.h"
#include "reach-render.h"

G_BEGIN_DECLS

#define REACH_TYPE_MAP_LEGEND (reach_map_legend_get_type ())
G_DECLARE_FINAL_TYPE (ReachMapLegend, reach_map_legend, REACH, MAP_LEGEND, GtkWidget)

GtkWidget *reach_map_legend_new (void);

/* The choropleth's key above the place symbols; NULL takes it away.  Copied. */
void       reach_map_legend_set_choropleth (ReachMapLegend        *self,
                                            const ReachChoropleth *choropleth);
const ReachChoropleth *reach_map_legend_get_choropleth (ReachMapLegend *self);
/* A card at the top: an area's name in bold and lines under it (its
 * profile); title NULL takes it away. */
void       reach_map_legend_set_profile    (ReachMapLegend        *self,
                                            const char            *title,
                                            const char * const    *lines);
/* Sections besides the places' key (REACH_RENDER_LEGEND_RECENCY, _GROUPS). */
void       reach_map_legend_set_extra      (ReachMapLegend         *self,
                                            ReachRenderLegendFlags  extra);
ReachRenderLegendFlags reach_map_legend_get_extra (ReachMapLegend *self);

G_END_DECLS
