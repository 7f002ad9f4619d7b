/* reach-place-details.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-place-details"

#include "config.h"

#include <glib/gi18n.h>

#include "reach-place-details.h"
#include "reach-place-row.h"

struct _ReachPlaceDetails
{
  GtkWidget   parent_instance;

  ReachPlace *place;

  GtkWidget  *scroller;
  GtkLabel   *title;
  GtkLabel   *summary;
  GtkLabel   *description;
  GtkListBox *info_list;
  GtkWidget  *contact_heading;
  GtkListBox *contact_list;
  GtkWidget  *access_heading;
  GtkListBox *access_list;
  GtkLabel   *source;
};

G_DEFINE_FINAL_TYPE (ReachPlaceDetails, reach_place_details, GTK_TYPE_WIDGET)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static gboolean
is_blank (const char *str)
{
  if (str == NULL)
    return TRUE;

  for (; *str != '\0'; str++)
    if (!g_ascii_isspace (*str))
      return FALSE;

  return TRUE;
}

static void
on_link_row_activated (AdwActionRow *row,
                       gpointer      user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/* A row with a label and the value under it; with a uri, activating the
 * row opens it. */
static void
add_row (GtkListBox *list,
         const char *label,
         const char *value,
         const char *uri,
         const char *icon_name)
{
  GtkWidget *row;

  if (is_blank (value))
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "detail-row");

  if (uri != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_widget_set_tooltip_text (row, uri);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_link_row_activated), NULL);
    }

  gtk_list_box_append (list, row);
}

static void
fill_info (ReachPlaceDetails *self,
           ReachPlace        *place)
{
  g_autofree char *capacity = NULL;
  g_autofree char *coords = NULL;

  clear_list (self->info_list);

  if (place->capacity >= 0)
    capacity = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d person", "%d people",
                                             place->capacity),
                                place->capacity);
  coords = g_strdup_printf ("%.5f, %.5f", place->lat, place->lon);

  add_row (self->info_list, _("Address"), place->address, NULL, NULL);
  add_row (self->info_list, _("Postcode"), place->postcode, NULL, NULL);
  add_row (self->info_list, _("Opening hours"), place->opening_hours, NULL, NULL);
  add_row (self->info_list, _("Capacity"), capacity, NULL, NULL);
  add_row (self->info_list, _("Latitude, longitude"), coords, NULL, NULL);
}

static void
fill_contact (ReachPlaceDetails *self,
              ReachPlace        *place)
{
  g_autofree char *tel = NULL;
  g_autofree char *mailto = NULL;
  g_autofree char *web = NULL;
  gboolean any;

  clear_list (self->contact_list);

  if (!is_blank (place->phone))
    tel = g_strconcat ("tel:", place->phone, NULL);
  if (!is_blank (place->email))
    mailto = g_strconcat ("mailto:", place->email, NULL);
  if (!is_blank (place->website))
    web = strstr (place->website, "://") != NULL
          ? g_strdup (place->website)
          : g_strconcat ("https://", place->website, NULL);

  add_row (self->contact_list, _("Phone"), place->phone, tel, "phone-symbolic");
  add_row (self->contact_list, _("Website"), place->website, web, "adw-external-link-symbolic");
  add_row (self->contact_list, _("Email"), place->email, mailto, "adw-mail-send-symbolic");

  any = gtk_widget_get_first_child (GTK_WIDGET (self->contact_list)) != NULL;
  gtk_widget_set_visible (self->contact_heading, any);
  gtk_widget_set_visible (GTK_WIDGET (self->contact_list), any);
}

/* Words and an icon, never colour alone, say yes, no or not known. */
static GtkWidget *
access_value_new (ReachTristate value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon;
  GtkWidget *label;

  switch (value)
    {
    case REACH_TRISTATE_YES:
      icon = gtk_image_new_from_icon_name ("object-select-symbolic");
      label = gtk_label_new (_("Yes"));
      gtk_widget_add_css_class (box, "access-yes");
      break;
    case REACH_TRISTATE_NO:
      icon = gtk_image_new_from_icon_name ("window-close-symbolic");
      label = gtk_label_new (_("No"));
      gtk_widget_add_css_class (box, "access-no");
      break;
    case REACH_TRISTATE_UNKNOWN:
    default:
      /* no icon: "not known" should not shout as loud as yes or no */
      icon = NULL;
      label = gtk_label_new (_("Not known"));
      gtk_widget_add_css_class (box, "access-unknown");
      break;
    }

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (icon != NULL)
    gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
fill_access (ReachPlaceDetails *self,
             ReachPlace        *place)
{
  gboolean any_known = FALSE;
  gboolean show;

  clear_list (self->access_list);

  for (guint i = 0; i < REACH_N_ACCESS; i++)
    any_known |= place->access[i] != REACH_TRISTATE_UNKNOWN;

  /* The attributes describe venues; an asset only shows them when known. */
  show = place->is_venue || any_known;
  gtk_widget_set_visible (self->access_heading, show);
  gtk_widget_set_visible (GTK_WIDGET (self->access_list), show);
  if (!show)
    return;

  for (guint i = 0; i < REACH_N_ACCESS; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), reach_access_label (i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), access_value_new (place->access[i]));
      gtk_list_box_append (self->access_list, row);
    }
}

static void
reach_place_details_dispose (GObject *object)
{
  ReachPlaceDetails *self = REACH_PLACE_DETAILS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REACH_TYPE_PLACE_DETAILS);
  g_clear_object (&self->place);

  G_OBJECT_CLASS (reach_place_details_parent_class)->dispose (object);
}

static void
reach_place_details_class_init (ReachPlaceDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reach_place_details_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "placedetails");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reachmap/Reach/reach-place-details.ui");
  gtk_widget_class_bind_template_child (widget_class, ReachPlaceDetails, scroller);
  gtk_widget_class_bind_template_child (widget_class, ReachPlaceDetails, title);
  gtk_widget_class_bind_template_child (widget_class, ReachPlaceDetails, summary);
  gtk_widget_class_bind_template_child (widget_class, ReachPlaceDetails, description);
  gtk_widget_class_bind_template_child (widget_class, ReachPlaceDetails, info_list);
  gtk_widget_class_bind_template_child (widget_class, ReachPlaceDetails, contact_heading);
  gtk_widget_class_bind_template_child (widget_class, ReachPlaceDetails, contact_list);
  gtk_widget_class_bind_template_child (widget_class, ReachPlaceDetails, access_heading);
  gtk_widget_class_bind_template_child (widget_class, ReachPlaceDetails, access_list);
  gtk_widget_class_bind_template_child (widget_class, ReachPlaceDetails, source);
}

static void
reach_place_details_init (ReachPlaceDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
reach_place_details_new (void)
{
  return g_object_new (REACH_TYPE_PLACE_DETAILS, NULL);
}

void
reach_place_details_set_place (ReachPlaceDetails *self,
                               ReachPlace        *place)
{
  g_autofree char *summary = NULL;
  g_autofree char *source = NULL;
  GtkAdjustment *vadj;

  g_return_if_fail (REACH_IS_PLACE_DETAILS (self));

  if (!g_set_object (&self->place, place) || place == NULL)
    return;

  summary = reach_place_row_dup_summary (place);
  gtk_label_set_text (self->title, place->name);
  gtk_label_set_text (self->summary, summary);

  gtk_label_set_text (self->description, place->description ? place->description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description), !is_blank (place->description));

  fill_info (self, place);
  fill_contact (self, place);
  fill_access (self, place);

  if (!is_blank (place->source))
    source = g_strdup_printf (_("Source: %s"), place->source);
  gtk_label_set_text (self->source, source ? source : "");
  gtk_widget_set_visible (GTK_WIDGET (self->source), source != NULL);

  /* a new place starts at its top */
  vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  gtk_adjustment_set_value (vadj, 0);
}

ReachPlace *
reach_place_details_get_place (ReachPlaceDetails *self)
{
  g_return_val_if_fail (REACH_IS_PLACE_DETAILS (self), NULL);
  return self->place;
}

const char *
reach_place_details_get_title (ReachPlaceDetails *self)
{
  g_return_val_if_fail (REACH_IS_PLACE_DETAILS (self), NULL);
  return gtk_label_get_text (self->title);
}
