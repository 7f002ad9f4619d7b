/* reach-place-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-place-row"

#include "config.h"

#include <glib/gi18n.h>

#include "reach-place-row.h"
#include "reach-style.h"

struct _ReachPlaceRow
{
  GtkWidget  parent_instance;

  GtkWidget *dot;
  GtkWidget *name;
  GtkWidget *summary;

  ReachColor color;
};

G_DEFINE_FINAL_TYPE (ReachPlaceRow, reach_place_row, GTK_TYPE_WIDGET)

char *
reach_place_row_dup_summary (ReachPlace *place)
{
  GString *str = g_string_new (reach_place_category_label (place->category));
  const char *kind;

  if (place->is_venue && place->is_asset)
    kind = _("Asset and venue");
  else if (place->is_venue)
    kind = _("Venue");
  else
    kind = _("Asset");

  /* Translators: separates the parts of a place's summary line */
  g_string_append_printf (str, _(" · %s"), kind);
  if (place->postcode != NULL && *place->postcode != '\0')
    g_string_append_printf (str, _(" · %s"), place->postcode);

  return g_string_free (str, FALSE);
}

static void
draw_dot (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  ReachPlaceRow *self = user_data;
  double radius = MIN (width, height) / 2.0 - 1.0;

  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, self->color.red, self->color.green, self->color.blue);
  cairo_fill_preserve (cr);
  /* a light ring keeps the dot visible on a dark panel as well */
  cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static void
reach_place_row_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (reach_place_row_parent_class)->dispose (object);
}

static void
reach_place_row_class_init (ReachPlaceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reach_place_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "placerow");
}

static void
reach_place_row_init (ReachPlaceRow *self)
{
  GtkWidget *labels;
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 10);

  self->dot = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->dot), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->dot), 14);
  gtk_widget_set_valign (self->dot, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->dot), draw_dot, self, NULL);
  gtk_widget_set_parent (self->dot, GTK_WIDGET (self));

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_parent (labels, GTK_WIDGET (self));

  self->name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->name, "place-name");
  gtk_box_append (GTK_BOX (labels), self->name);

  self->summary = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->summary), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->summary, "dim-label");
  gtk_widget_add_css_class (self->summary, "caption");
  gtk_box_append (GTK_BOX (labels), self->summary);
}

GtkWidget *
reach_place_row_new (void)
{
  return g_object_new (REACH_TYPE_PLACE_ROW, NULL);
}

void
reach_place_row_set_place (ReachPlaceRow *self,
                           ReachPlace    *place)
{
  g_autofree char *summary = NULL;

  g_return_if_fail (REACH_IS_PLACE_ROW (self));

  if (place == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->name), "");
      gtk_label_set_text (GTK_LABEL (self->summary), "");
      return;
    }

  summary = reach_place_row_dup_summary (place);
  gtk_label_set_text (GTK_LABEL (self->name), place->name);
  gtk_label_set_text (GTK_LABEL (self->summary), summary);
  self->color = reach_style_category_color (place->category);
  gtk_widget_queue_draw (self->dot);
}
