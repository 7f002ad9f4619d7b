/* reach-map-legend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws with reach_render_legend (), the same key that exports print, so the
 * screen and the page explain the symbols in the same words.
 */
#define G_LOG_DOMAIN "reach-map-legend"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "reach-map-legend.h"
#include "reach-render.h"

#define PADDING 10

struct _ReachMapLegend
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (ReachMapLegend, reach_map_legend, GTK_TYPE_WIDGET)

static void
reach_map_legend_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  double width, height;

  reach_render_legend (NULL, 0, 0, 1, &width, &height);
  /* a little more room on the right, where the text ends ragged */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = (int) ceil (width) + 3 * PADDING;
  else
    *minimum = *natural = (int) ceil (height) + 2 * PADDING;
}

static void
reach_map_legend_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  reach_render_legend (cr, PADDING, PADDING, 1, NULL, NULL);
  cairo_destroy (cr);
}

static void
reach_map_legend_class_init (ReachMapLegendClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = reach_map_legend_measure;
  widget_class->snapshot = reach_map_legend_snapshot;

  gtk_widget_class_set_css_name (widget_class, "maplegend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
reach_map_legend_init (ReachMapLegend *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Legend: colours show the kind of asset, shapes show asset or venue"),
                                  -1);
}

GtkWidget *
reach_map_legend_new (void)
{
  return g_object_new (REACH_TYPE_MAP_LEGEND, NULL);
}
