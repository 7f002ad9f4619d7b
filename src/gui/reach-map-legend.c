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
#include "reach-style.h"

#define PADDING 10

#define SECTION_GAP 14

struct _ReachMapLegend
{
  GtkWidget        parent_instance;

  ReachChoropleth *choropleth;
  char            *profile_title;
  GStrv            profile_lines;
  ReachRenderLegendFlags extra;  /* recency, groups: what the map shows besides places */
};

G_DEFINE_FINAL_TYPE (ReachMapLegend, reach_map_legend, GTK_TYPE_WIDGET)

/* The profile card: the title in bold, then its lines; cr NULL measures. */
static void
draw_profile (ReachMapLegend *self,
              cairo_t        *cr,
              double          x,
              double          y,
              double         *width,
              double         *height)
{
  cairo_surface_t *scratch = NULL;
  double cy = y, max_width = 0;

  if (cr == NULL)
    {
      scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cr = cairo_create (scratch);
    }

  for (int i = -1; self->profile_lines != NULL && (i < 0 || self->profile_lines[i] != NULL); i++)
    {
      g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
      int w, h;

      pango_font_description_set_absolute_size (font, 12 * PANGO_SCALE);
      if (i < 0)
        pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, i < 0 ? self->profile_title : self->profile_lines[i], -1);
      pango_layout_set_width (layout, 260 * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_move_to (cr, x, cy);
      reach_style_set_source (cr, REACH_STYLE_INK, 1.0);
      pango_cairo_show_layout (cr, layout);
      max_width = MAX (max_width, w);
      cy += h + (i < 0 ? 4 : 2);
    }

  if (scratch != NULL)
    {
      cairo_destroy (cr);
      cairo_surface_destroy (scratch);
    }
  *width = max_width;
  *height = cy - y;
}

/* Profile, choropleth key, place key, one under the other. */
static void
draw_all (ReachMapLegend *self,
          cairo_t        *cr,
          double         *width,
          double         *height)
{
  double w, h, y = PADDING, max_width = 0;

  if (self->profile_title != NULL)
    {
      draw_profile (self, cr, PADDING, y, &w, &h);
      max_width = MAX (max_width, w);
      y += h + SECTION_GAP;
    }
  if (self->choropleth != NULL)
    {
      reach_choropleth_draw_legend (cr, self->choropleth, PADDING, y, 1, REACH_STYLE_INK, &w, &h);
      max_width = MAX (max_width, w);
      y += h + SECTION_GAP;
      /* groups stay on a coloured map; venue rings go with the places' key */
      if (self->extra & REACH_RENDER_LEGEND_GROUPS)
        {
          reach_render_legend_full (cr, PADDING, y, 1, REACH_RENDER_LEGEND_GROUPS, &w, &h);
          max_width = MAX (max_width, w);
          y += h + SECTION_GAP;
        }
    }
  else
    {
      /* a choropleth map is about areas: its key replaces the places' one,
       * which would make the legend taller than a small window */
      reach_render_legend_full (cr, PADDING, y, 1, REACH_RENDER_LEGEND_PLACES | self->extra, &w, &h);
      max_width = MAX (max_width, w);
      y += h + SECTION_GAP;
    }
  *width = max_width;
  *height = y - SECTION_GAP - PADDING;
}

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

  draw_all (REACH_MAP_LEGEND (widget), NULL, &width, &height);
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
  double w, h;

  draw_all (REACH_MAP_LEGEND (widget), cr, &w, &h);
  cairo_destroy (cr);
}

static void
reach_map_legend_finalize (GObject *object)
{
  ReachMapLegend *self = REACH_MAP_LEGEND (object);

  g_clear_pointer (&self->choropleth, reach_choropleth_free);
  g_clear_pointer (&self->profile_title, g_free);
  g_clear_pointer (&self->profile_lines, g_strfreev);

  G_OBJECT_CLASS (reach_map_legend_parent_class)->finalize (object);
}

static void
reach_map_legend_class_init (ReachMapLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = reach_map_legend_finalize;

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

void
reach_map_legend_set_choropleth (ReachMapLegend        *self,
                                 const ReachChoropleth *choropleth)
{
  g_return_if_fail (REACH_IS_MAP_LEGEND (self));

  g_clear_pointer (&self->choropleth, reach_choropleth_free);
  self->choropleth = reach_choropleth_copy (choropleth);
  if (choropleth != NULL)
    {
      /* Translators: the legend's accessible label over a coloured map;
       * %s is what the colours show */
      g_autofree char *label = g_strdup_printf (_("Legend: area colours show %s; hatched areas were not reached"),
                                                choropleth->title);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Legend: colours show the kind of asset, shapes show asset or venue"),
                                    -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const ReachChoropleth *
reach_map_legend_get_choropleth (ReachMapLegend *self)
{
  g_return_val_if_fail (REACH_IS_MAP_LEGEND (self), NULL);
  return self->choropleth;
}

void
reach_map_legend_set_profile (ReachMapLegend     *self,
                              const char         *title,
                              const char * const *lines)
{
  g_return_if_fail (REACH_IS_MAP_LEGEND (self));

  g_free (self->profile_title);
  self->profile_title = g_strdup (title);
  g_strfreev (self->profile_lines);
  self->profile_lines = title != NULL ? g_strdupv ((char **) lines) : NULL;
  if (self->profile_lines == NULL && title != NULL)
    self->profile_lines = g_new0 (char *, 1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Sections drawn besides the places' key: REACH_RENDER_LEGEND_RECENCY and
 * REACH_RENDER_LEGEND_GROUPS. */
void
reach_map_legend_set_extra (ReachMapLegend         *self,
                            ReachRenderLegendFlags  extra)
{
  g_return_if_fail (REACH_IS_MAP_LEGEND (self));

  extra &= ~REACH_RENDER_LEGEND_PLACES;
  if (self->extra == extra)
    return;
  self->extra = extra;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

ReachRenderLegendFlags
reach_map_legend_get_extra (ReachMapLegend *self)
{
  g_return_val_if_fail (REACH_IS_MAP_LEGEND (self), 0);
  return self->extra;
}
