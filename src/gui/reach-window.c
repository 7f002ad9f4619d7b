/* reach-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-window"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <shumate/shumate.h>

#include "reach-area.h"
#include "reach-activities-view.h"
#include "reach-areas-layer.h"
#include "reach-base-map.h"
#include "reach-contacts-view.h"
#include "reach-contacts.h"
#include "reach-feedback-view.h"
#include "reach-gaps-view.h"
#include "reach-groups-view.h"
#include "reach-import-dialog.h"
#include "reach-map-legend.h"
#include "reach-place-details.h"
#include "reach-place-editor.h"
#include "reach-people-layer.h"
#include "reach-groups-layer.h"
#include "reach-place-row.h"
#include "reach-places-layer.h"
#include "reach-places.h"
#include "reach-presentation.h"
#include "reach-window.h"
#include "reach-workspace.h"

/* Zoom for a lone place when fitting the map to the places. */
#define PLACE_ZOOM 15.0
/* Selecting a place zooms in to SELECT_ZOOM when the map is further out
 * than SELECT_MIN_ZOOM, and otherwise keeps the zoom the user chose. */
#define SELECT_MIN_ZOOM 10.0
#define SELECT_ZOOM 13.0

struct _ReachWindow
{
  AdwApplicationWindow parent_instance;

  GSettings          *settings;
  ReachDb            *db;

  GListStore         *places;       /* the list: search results, by name */
  GPtrArray          *all_places;   /* the map: every place */
  GtkSingleSelection *selection;
  gint64              selected_id;
  gboolean            reloading;

  ReachPlace         *deleted;      /* kept for Undo */
  AdwToast           *delete_toast;

  ShumateLayer       *places_layer;
  ShumateLayer       *areas_layer;
  ShumateLayer       *people_layer;   /* off unless the user turns it on */
  ShumateLayer       *groups_layer;
  gboolean            fit_pending;
  GdkFrameClock      *fit_clock;
  gulong              fit_clock_handler;

  /* template children */
  AdwToastOverlay    *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget          *demo_badge;
  GtkWidget          *switcher_bar;
  AdwViewStack       *view_stack;
  AdwBin             *contacts_bin;
  AdwBin             *groups_bin;
  AdwBin             *activities_bin;
  AdwBin             *feedback_bin;
  AdwBin             *gaps_bin;
  GtkWidget          *contacts_view;
  GtkWidget          *groups_view;
  GtkWidget          *activities_view;
  GtkWidget          *feedback_view;
  GtkWidget          *gaps_view;
  GtkWidget          *panel_button;
  GtkWidget          *add_button;
  GtkStack           *main_stack;
  AdwFlap            *flap;
  GtkSearchEntry     *search_entry;
  GtkStack           *panel_stack;
  GtkListView        *place_list;
  GtkLabel           *count_label;
  ShumateSimpleMap   *map;
  GtkRevealer        *details_revealer;
  GtkWidget          *legend;
  ReachPlaceDetails  *details;
  GtkRevealer        *hint_revealer;
};

G_DEFINE_FINAL_TYPE (ReachWindow, reach_window, ADW_TYPE_APPLICATION_WINDOW)

static void reload_places (ReachWindow *self);
static void set_adding    (ReachWindow *self,
                           gboolean     adding);
static gboolean is_adding (ReachWindow *self);

/* ---- messages ---------------------------------------------------------- */

static void
show_error (ReachWindow  *self,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static AdwToast *
show_toast (ReachWindow *self,
            const char  *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}

/* ---- state of the actions ---------------------------------------------- */

/* Board outputs need a workspace to draw from. */
static const char * const workspace_actions[] = {
  "win.export-map", "win.export-report", "win.print", "win.preferences",
  "win.save-bookmark", "win.present",
};

static void
update_actions (ReachWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_db = self->db != NULL;
  gboolean has_place = has_db && reach_window_get_selected_place (self) != NULL;
  GAction *add_place = g_action_map_lookup_action (G_ACTION_MAP (self), "add-place");

  if (add_place != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (add_place), has_db);

  gtk_widget_action_set_enabled (widget, "win.import-places", has_db);
  gtk_widget_action_set_enabled (widget, "win.import-areas", has_db);
  gtk_widget_action_set_enabled (widget, "win.import-contacts", has_db);
  gtk_widget_action_set_enabled (widget, "win.add-place-here", has_db);
  gtk_widget_action_set_enabled (widget, "win.search", has_db);
  gtk_widget_action_set_enabled (widget, "win.edit-place", has_place);
  gtk_widget_action_set_enabled (widget, "win.delete-place", has_place);
  gtk_widget_action_set_enabled (widget, "win.undo-delete", has_db);

  for (guint i = 0; i < G_N_ELEMENTS (workspace_actions); i++)
    gtk_widget_action_set_enabled (widget, workspace_actions[i], has_db);
}

/* ---- the map ------------------------------------------------------------ */

static ShumateViewport *
get_viewport (ReachWindow *self)
{
  return shumate_simple_map_get_viewport (self->map);
}

static gboolean
map_has_source (ReachWindow *self)
{
  return shumate_simple_map_get_map_source (self->map) != NULL;
}

static double
mercator_y (double lat)
{
  double rad = lat * G_PI / 180.0;

  return log (tan (G_PI / 4 + rad / 2));
}

static double
inverse_mercator_y (double y)
{
  return (2 * atan (exp (y)) - G_PI / 2) * 180.0 / G_PI;
}

/* libshumate 1.0 cannot fit the view to bounds: work out the zoom that
 * shows every place from the map's size in pixels. */
static void
fit_map_to_places (ReachWindow *self)
{
  ShumateViewport *viewport = get_viewport (self);
  ShumateMap *map = shumate_simple_map_get_map (self->map);
  double west = 180, east = -180, south = 90, north = -90;
  double width = gtk_widget_get_width (GTK_WIDGET (self->map));
  double height = gtk_widget_get_height (GTK_WIDGET (self->map));
  double zoom, lat, lon;

  if (self->all_places == NULL || self->all_places->len == 0)
    {
      /* nothing yet: the whole of the UK */
      shumate_viewport_set_zoom_level (viewport, 5);
      shumate_map_center_on (map, 54.5, -3.0);
      return;
    }

  for (guint i = 0; i < self->all_places->len; i++)
    {
      ReachPlace *place = g_ptr_array_index (self->all_places, i);

      west = MIN (west, place->lon);
      east = MAX (east, place->lon);
      south = MIN (south, place->lat);
      north = MAX (north, place->lat);
    }

  lon = (west + east) / 2;
  lat = inverse_mercator_y ((mercator_y (south) + mercator_y (north)) / 2);

  if (east - west < 1e-6 && north - south < 1e-6)
    zoom = PLACE_ZOOM;
  else
    {
      double span_x = MAX (east - west, 1e-6) / 360.0;
      double span_y = MAX (mercator_y (north) - mercator_y (south), 1e-6) / (2 * G_PI);
      /* keep a margin round the places */
      double zoom_x = log2 (MAX (width - 80, 64) / (256.0 * span_x));
      double zoom_y = log2 (MAX (height - 80, 64) / (256.0 * span_y));

      zoom = floor (MIN (zoom_x, zoom_y) * 2) / 2;
      zoom = MIN (zoom, PLACE_ZOOM);
    }

  zoom = CLAMP (zoom,
                shumate_viewport_get_min_zoom_level (viewport),
                shumate_viewport_get_max_zoom_level (viewport));
  g_debug ("Fitting %u places in %.0f×%.0f: %.5f, %.5f at zoom %.1f",
           self->all_places->len, width, height, lat, lon, zoom);
  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_map_center_on (map, lat, lon);
}

static void
disconnect_fit_clock (ReachWindow *self)
{
  /* a clock that went with the window's surface has no handlers left */
  if (self->fit_clock != NULL &&
      g_signal_handler_is_connected (self->fit_clock, self->fit_clock_handler))
    g_signal_handler_disconnect (self->fit_clock, self->fit_clock_handler);
  self->fit_clock_handler = 0;
  g_clear_object (&self->fit_clock);
}

/* After each painted frame until the map has a size: then fit it once. */
static void
on_after_paint (GdkFrameClock *clock,
                ReachWindow   *self)
{
  if (gtk_widget_get_width (GTK_WIDGET (self->map)) <= 0)
    return;

  disconnect_fit_clock (self);
  self->fit_pending = FALSE;
  fit_map_to_places (self);
}

static void
connect_fit_clock (ReachWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (!self->fit_pending || clock == NULL || self->fit_clock != NULL)
    return;

  self->fit_clock = g_object_ref (clock);
  self->fit_clock_handler = g_signal_connect (clock, "after-paint",
                                              G_CALLBACK (on_after_paint), self);
}

/* The map has no size until it is shown: it is fitted after the first
 * frame that gives it one.  Not from a size_allocate hook (the map may be
 * allocated without the window) nor an idle (animations can starve it past
 * the moment the user selects a place, which a late fit would undo). */
static void
queue_fit_map (ReachWindow *self)
{
  if (gtk_widget_get_width (GTK_WIDGET (self->map)) > 0)
    {
      self->fit_pending = FALSE;
      disconnect_fit_clock (self);
      fit_map_to_places (self);
      return;
    }

  self->fit_pending = TRUE;
  connect_fit_clock (self);
}

/* Where a place should land on the map: the middle, unless the details
 * card would cover it there; then the middle of what the card leaves. */
static double
visible_middle_x (ReachWindow *self,
                  double       width)
{
  int card_width = 0;

  if (gtk_revealer_get_reveal_child (self->details_revealer))
    gtk_widget_measure (GTK_WIDGET (self->details), GTK_ORIENTATION_HORIZONTAL, -1,
                        NULL, &card_width, NULL, NULL);

  if (card_width + 24 < width / 2 || width - card_width < 48)
    return width / 2;

  return (card_width + width) / 2;
}

static void
show_place_on_map (ReachWindow *self,
                   ReachPlace  *place)
{
  ShumateViewport *viewport = get_viewport (self);
  ShumateMapSource *source = shumate_simple_map_get_map_source (self->map);
  double zoom = shumate_viewport_get_zoom_level (viewport);
  double width = gtk_widget_get_width (GTK_WIDGET (self->map));
  double shift, lon;

  /* close enough to see the streets round it, but never further out */
  if (zoom < SELECT_MIN_ZOOM)
    zoom = MIN (SELECT_ZOOM, shumate_viewport_get_max_zoom_level (viewport));

  /* pixels to degrees of longitude at the zoom the map is heading to */
  shift = visible_middle_x (self, width) - width / 2;
  lon = place->lon - shift * 360.0 / (shumate_map_source_get_tile_size (source) * exp2 (zoom));

  shumate_map_go_to_full (shumate_simple_map_get_map (self->map), place->lat, lon, zoom);
}

/* choice: "offline", "osm" or the path of an MBTiles file */
static gboolean
apply_base_map (ReachWindow  *self,
                const char   *choice,
                GError      **error)
{
  g_autoptr(ShumateMapSource) source = NULL;

  if (g_strcmp0 (choice, "osm") == 0)
    source = reach_base_map_new_online ();
  else if (choice != NULL && *choice != '\0' && g_strcmp0 (choice, "offline") != 0)
    source = reach_base_map_new_from_file (choice, error);
  else
    source = reach_base_map_new_offline (error);

  if (source == NULL)
    return FALSE;

  shumate_simple_map_set_map_source (self->map, source);
  return TRUE;
}

static void
report_base_map_error (ReachWindow  *self,
                       const GError *error)
{
  g_autofree char *title = g_strdup_printf (_("Could not load the base map: %s"), error->message);

  show_toast (self, title);
}

/* On start: the saved choice, or the offline map when that fails. */
static void
load_base_map (ReachWindow *self)
{
  g_autofree char *choice = g_settings_get_string (self->settings, "base-map");
  g_autoptr(GError) error = NULL;

  if (apply_base_map (self, choice, &error))
    return;

  report_base_map_error (self, error);
  g_clear_error (&error);
  if (g_strcmp0 (choice, "offline") != 0 && apply_base_map (self, "offline", &error))
    {
      g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                              "base-map")),
                                 g_variant_new_string ("offline"));
      return;
    }

  if (error != NULL)
    g_warning ("No base map: %s", error->message);
}

/* ---- the list ----------------------------------------------------------- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (item, reach_place_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  ReachPlace *place = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);

  reach_place_row_set_place (REACH_PLACE_ROW (row), place);
}

static guint
find_place (ReachWindow *self,
            gint64       id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->places));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReachPlace) place = g_list_model_get_item (G_LIST_MODEL (self->places), i);

      if (place->id == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
update_count (ReachWindow *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->places));
  guint total = self->all_places ? self->all_places->len : 0;
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u place", "%u places", total), total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u place", "%u of %u places", total),
                            shown, total);

  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), total > 0);
}

static void
update_panel_page (ReachWindow *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->places));

  if (self->all_places == NULL || self->all_places->len == 0)
    gtk_stack_set_visible_child_name (self->panel_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->panel_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->panel_stack, "list");

  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry),
                            self->all_places != NULL && self->all_places->len > 0);
}

static void
show_details (ReachWindow *self,
              ReachPlace  *place)
{
  if (place != NULL)
    reach_place_details_set_place (self->details, place);

  gtk_revealer_set_reveal_child (self->details_revealer, place != NULL);
}

static void
on_selection_changed (ReachWindow *self)
{
  ReachPlace *place;
  gboolean moved;

  if (self->reloading)
    return;

  place = reach_window_get_selected_place (self);
  moved = place != NULL && place->id != self->selected_id;
  self->selected_id = place ? place->id : 0;

  if (self->places_layer != NULL)
    reach_places_layer_set_selected (REACH_PLACES_LAYER (self->places_layer), self->selected_id);

  show_details (self, place);
  if (moved && map_has_source (self))
    show_place_on_map (self, place);

  update_actions (self);
}

/* The list shows the places that match the search; the map shows them all. */
static void
refresh_list (ReachWindow *self)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint position;

  if (self->db != NULL && self->all_places != NULL)
    {
      if (search != NULL && *search != '\0')
        {
          results = reach_places_list (self->db, search, &error);
          /* a search the index cannot parse simply finds nothing */
          if (results == NULL)
            g_debug ("Search “%s” failed: %s", search, error->message);
        }
      else
        results = g_ptr_array_ref (self->all_places);
    }

  self->reloading = TRUE;
  g_list_store_splice (self->places, 0, g_list_model_get_n_items (G_LIST_MODEL (self->places)),
                       results ? results->pdata : NULL, results ? results->len : 0);
  position = self->selected_id > 0 ? find_place (self, self->selected_id) : GTK_INVALID_LIST_POSITION;
  gtk_single_selection_set_selected (self->selection, position);
  self->reloading = FALSE;

  /* A place the search hides is no longer selected: the details close. */
  if (position == GTK_INVALID_LIST_POSITION)
    self->selected_id = 0;
  on_selection_changed (self);

  update_count (self);
  update_panel_page (self);
}

static void
reload_places (ReachWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->all_places, g_ptr_array_unref);

  if (self->db != NULL)
    {
      self->all_places = reach_places_list (self->db, NULL, &error);
      if (self->all_places == NULL)
        show_error (self, _("Could Not Read the Places"), error);
    }

  if (self->places_layer != NULL)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      reach_places_layer_set_places (REACH_PLACES_LAYER (self->places_layer),
                                     self->all_places ? self->all_places : none);
    }

  refresh_list (self);
}

static void
reload_areas (ReachWindow *self)
{
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GError) error = NULL;

  if (self->areas_layer == NULL)
    return;

  if (self->db != NULL)
    {
      /* Wards are the level people know; smaller areas only when that is all there is. */
      areas = reach_areas_list (self->db, REACH_AREA_LEVEL_WARD, &error);
      if (areas != NULL && areas->len == 0)
        {
          g_clear_pointer (&areas, g_ptr_array_unref);
          areas = reach_areas_list (self->db, -1, &error);
        }
      if (areas == NULL)
        g_warning ("Could not read the areas: %s", error->message);
    }

  if (areas == NULL)
    areas = g_ptr_array_new ();
  reach_areas_layer_set_areas (REACH_AREAS_LAYER (self->areas_layer), areas);
}

static void
on_search_changed (ReachWindow *self)
{
  refresh_list (self);
}

/* Enter in the search goes to the first match. */
static void
on_search_activate (ReachWindow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->places)) == 0)
    return;

  refresh_list (self);
  gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->place_list));
}

/* Escape in the search leaves add mode first, then clears the search. */
static void
on_search_stop (ReachWindow *self)
{
  if (is_adding (self))
    set_adding (self, FALSE);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ---- pages -------------------------------------------------------------- */

/* In the order of the switcher, and of Alt+1…6. */
static const char * const page_names[] = {
  "map", "contacts", "groups", "activities", "feedback", "gaps",
};

static gboolean
on_map_page (ReachWindow *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "map") == 0;
}

/* The places panel and Add Place belong to the map. */
static void
update_page_buttons (ReachWindow *self)
{
  gboolean map = self->db != NULL && on_map_page (self);

  gtk_widget_set_visible (self->panel_button, map);
  gtk_widget_set_visible (self->add_button, map);
}

static void reload_people (ReachWindow *self);
static void reload_groups (ReachWindow *self);

static void
on_page_changed (ReachWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (!on_map_page (self) && is_adding (self))
    set_adding (self, FALSE);

  /* the other pages may have added groups or people meanwhile */
  if (self->db != NULL && g_strcmp0 (page, "contacts") == 0)
    reach_contacts_view_reload (REACH_CONTACTS_VIEW (self->contacts_view));
  else if (self->db != NULL && on_map_page (self))
    {
      reload_people (self);
      reload_groups (self);
    }

  update_page_buttons (self);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ReachWindow *self = REACH_WINDOW (widget);

  if (self->db == NULL)
    return;

  reach_window_set_page (self, g_variant_get_string (param, NULL));
}

/* Every page reads the workspace the window shows. */
/* People are drawn only while the layer is on: nothing is read before. */
static void
reload_people (ReachWindow *self)
{
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;

  if (self->people_layer == NULL)
    return;

  if (self->db != NULL && gtk_widget_get_visible (GTK_WIDGET (self->people_layer)))
    {
      contacts = reach_contacts_list (self->db, NULL, &error);
      if (contacts == NULL)
        g_warning ("Could not read the contacts for the map: %s", error->message);
    }

  reach_people_layer_set_contacts (REACH_PEOPLE_LAYER (self->people_layer), contacts);
}

/* Groups' statuses and venues' last use change with activities saved on
 * the other pages: read again whenever the map comes back. */
static void
reload_groups (ReachWindow *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) marks = NULL;
  g_autoptr(GHashTable) days_ago = NULL;
  g_autoptr(GError) error = NULL;
  gboolean groups_shown;

  if (self->groups_layer == NULL)
    return;

  groups_shown = gtk_widget_get_visible (GTK_WIDGET (self->groups_layer));
  if (self->db != NULL && groups_shown)
    {
      marks = reach_group_marks_load (self->db, today, &error);
      if (marks == NULL)
        g_warning ("Could not read the groups for the map: %s", error->message);
      g_clear_error (&error);
    }
  if (self->db != NULL)
    {
      days_ago = reach_venue_days_ago_load (self->db, today, &error);
      if (days_ago == NULL)
        g_warning ("Could not read when venues were used: %s", error->message);
    }

  reach_groups_layer_set_groups (REACH_GROUPS_LAYER (self->groups_layer), marks);
  reach_places_layer_set_venue_recency (REACH_PLACES_LAYER (self->places_layer), days_ago);
  reach_map_legend_set_extra (REACH_MAP_LEGEND (self->legend),
                              (days_ago != NULL ? REACH_RENDER_LEGEND_RECENCY : 0) |
                              (marks != NULL && marks->len > 0 ? REACH_RENDER_LEGEND_GROUPS : 0));
}

static void
show_groups_change_state (GSimpleAction *action,
                          GVariant      *state,
                          gpointer       user_data)
{
  ReachWindow *self = REACH_WINDOW (user_data);

  g_simple_action_set_state (action, state);
  gtk_widget_set_visible (GTK_WIDGET (self->groups_layer), g_variant_get_boolean (state));
  reload_groups (self);
}

static void
show_people_change_state (GSimpleAction *action,
                          GVariant      *state,
                          gpointer       user_data)
{
  ReachWindow *self = REACH_WINDOW (user_data);

  g_simple_action_set_state (action, state);
  gtk_widget_set_visible (GTK_WIDGET (self->people_layer), g_variant_get_boolean (state));
  reload_people (self);
}

static void
import_contacts_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  ReachWindow *self = REACH_WINDOW (widget);

  if (self->db == NULL)
    return;

  reach_window_set_page (self, "contacts");
  gtk_widget_activate_action (self->contacts_view, "contacts.import", NULL);
}

static void
set_pages_db (ReachWindow *self)
{
  reach_contacts_view_set_db (REACH_CONTACTS_VIEW (self->contacts_view), self->db);
  reach_groups_view_set_db (REACH_GROUPS_VIEW (self->groups_view), self->db);
  reach_activities_view_set_db (REACH_ACTIVITIES_VIEW (self->activities_view), self->db);
  reach_feedback_view_set_db (REACH_FEEDBACK_VIEW (self->feedback_view), self->db);
  reach_gaps_view_set_db (REACH_GAPS_VIEW (self->gaps_view), self->db);
}

static void
set_up_pages (ReachWindow *self)
{
  self->contacts_view = reach_contacts_view_new ();
  adw_bin_set_child (self->contacts_bin, self->contacts_view);
  g_signal_connect_object (self->contacts_view, "changed", G_CALLBACK (reload_people),
                           self, G_CONNECT_SWAPPED);
  self->groups_view = reach_groups_view_new ();
  adw_bin_set_child (self->groups_bin, self->groups_view);
  self->activities_view = reach_activities_view_new ();
  adw_bin_set_child (self->activities_bin, self->activities_view);
  self->feedback_view = reach_feedback_view_new ();
  adw_bin_set_child (self->feedback_bin, self->feedback_view);
  self->gaps_view = reach_gaps_view_new ();
  adw_bin_set_child (self->gaps_bin, self->gaps_view);
  /* "Show on Map" colours the areas layer; a click on it shows a profile */
  reach_gaps_view_set_map (REACH_GAPS_VIEW (self->gaps_view), GTK_WIDGET (self->map),
                           REACH_AREAS_LAYER (self->areas_layer), REACH_MAP_LEGEND (self->legend));

  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_page_changed), self, G_CONNECT_SWAPPED);
}

void
reach_window_set_page (ReachWindow *self,
                       const char  *name)
{
  g_return_if_fail (REACH_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
reach_window_get_page (ReachWindow *self)
{
  g_return_val_if_fail (REACH_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

AdwViewStack *
reach_window_get_view_stack (ReachWindow *self)
{
  g_return_val_if_fail (REACH_IS_WINDOW (self), NULL);
  return self->view_stack;
}

/* ---- workspaces --------------------------------------------------------- */

/* The switcher hides the title on a wide window: the badge keeps the demo
 * marked there. */
static void
update_demo_badge (ReachWindow *self)
{
  gtk_widget_set_visible (self->demo_badge,
                          self->db != NULL && reach_db_is_demo (self->db) &&
                          !adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
update_title (ReachWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;

  if (self->db == NULL)
    {
      adw_view_switcher_title_set_title (self->switcher_title, _("Reach"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Reach"));
      update_demo_badge (self);
      return;
    }

  name = reach_workspace_dup_name (self->db);
  if (reach_db_is_demo (self->db))
    subtitle = g_strdup (_("Demo workspace"));
  else
    subtitle = reach_workspace_dup_location (self->db);

  adw_view_switcher_title_set_title (self->switcher_title, name);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), name);
  update_demo_badge (self);
}

void
reach_window_set_db (ReachWindow *self,
                     ReachDb     *db)
{
  g_return_if_fail (REACH_IS_WINDOW (self));
  g_return_if_fail (db == NULL || REACH_IS_DB (db));

  if (!g_set_object (&self->db, db))
    return;

  g_clear_object (&self->deleted);
  self->selected_id = 0;
  set_adding (self, FALSE);
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);

  if (db != NULL)
    g_settings_set_string (self->settings, "last-workspace", reach_db_get_path (db));

  gtk_stack_set_visible_child_name (self->main_stack, db ? "workspace" : "welcome");
  /* the pages switch only inside a workspace; the welcome page has a title */
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, db != NULL);
  gtk_widget_set_visible (self->switcher_bar, db != NULL);
  update_page_buttons (self);
  set_pages_db (self);

  update_title (self);
  reload_places (self);
  reload_areas (self);
  reload_people (self);
  reload_groups (self);
  update_actions (self);
  queue_fit_map (self);
}

ReachDb *
reach_window_get_db (ReachWindow *self)
{
  g_return_val_if_fail (REACH_IS_WINDOW (self), NULL);
  return self->db;
}

gboolean
reach_window_open_workspace (ReachWindow  *self,
                             const char   *path,
                             GError      **error)
{
  g_autoptr(ReachDb) db = NULL;

  g_return_val_if_fail (REACH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  db = reach_workspace_open (path, error);
  if (db == NULL)
    return FALSE;

  reach_window_set_db (self, db);
  return TRUE;
}

void
reach_window_open_workspace_or_report (ReachWindow *self,
                                       const char  *path)
{
  g_autoptr(GError) error = NULL;

  if (!reach_window_open_workspace (self, path, &error))
    show_error (self, _("Could Not Open the Workspace"), error);
}

void
reach_window_open_demo (ReachWindow *self)
{
  g_autoptr(ReachDb) db = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (REACH_IS_WINDOW (self));

  db = reach_workspace_open_demo (&error);
  if (db == NULL)
    {
      show_error (self, _("Could Not Open the Demo"), error);
      return;
    }

  reach_window_set_db (self, db);
}

void
reach_window_restore_last (ReachWindow *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (REACH_IS_WINDOW (self));

  path = g_settings_get_string (self->settings, "last-workspace");
  if (*path == '\0')
    return;

  if (!reach_window_open_workspace (self, path, &error))
    {
      /* Not worth a dialog on start: the first-run page is there, and the
       * toast says what happened to the old workspace. */
      g_autofree char *title = g_strdup_printf (_("Could not reopen the last workspace: %s"),
                                                error->message);

      show_toast (self, title);
      g_settings_set_string (self->settings, "last-workspace", "");
    }
}

static GtkFileFilter *
workspace_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Reach workspaces"));
  gtk_file_filter_add_pattern (filter, "*.reach");
  gtk_file_filter_add_mime_type (filter, "application/x-reach-workspace");
  return filter;
}

static char *
chooser_get_path (GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  return file ? g_file_get_path (file) : NULL;
}

static void
on_new_workspace_response (GtkNativeDialog *chooser,
                           int              response,
                           ReachWindow     *self)
{
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? chooser_get_path (chooser) : NULL;
  g_autoptr(ReachDb) db = NULL;
  g_autoptr(GError) error = NULL;

  g_object_unref (chooser);
  if (path == NULL)
    return;

  if (!g_str_has_suffix (path, ".reach"))
    {
      char *with_suffix = g_strconcat (path, ".reach", NULL);

      g_free (path);
      path = with_suffix;
    }

  /* the replaced file may be the one open now */
  if (self->db != NULL && g_strcmp0 (reach_db_get_path (self->db), path) == 0)
    reach_window_set_db (self, NULL);

  db = reach_workspace_create (path, &error);
  if (db == NULL)
    {
      show_error (self, _("Could Not Create the Workspace"), error);
      return;
    }

  reach_window_set_db (self, db);
}

static void
new_workspace_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  ReachWindow *self = REACH_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = workspace_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("New Workspace"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Workspace.reach"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_new_workspace_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_open_workspace_response (GtkNativeDialog *chooser,
                            int              response,
                            ReachWindow     *self)
{
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? chooser_get_path (chooser) : NULL;

  g_object_unref (chooser);
  if (path != NULL)
    reach_window_open_workspace_or_report (self, path);
}

static void
open_workspace_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  ReachWindow *self = REACH_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = workspace_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  chooser = gtk_file_chooser_native_new (_("Open Workspace"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_workspace_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- importing ---------------------------------------------------------- */

static void
on_imported (GtkWidget   *dialog,
             guint        n_items,
             ReachWindow *self)
{
  ReachImportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "kind"));
  g_autofree char *title = NULL;

  if (kind == REACH_IMPORT_AREAS)
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u area",
                                            "Imported %u areas", n_items), n_items);
      reload_areas (self);
    }
  else
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u place",
                                            "Imported %u places", n_items), n_items);
      reload_places (self);
      queue_fit_map (self);
    }

  show_toast (self, title);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ReachWindow *self = REACH_WINDOW (widget);
  ReachImportKind kind = g_str_equal (action_name, "win.import-areas")
                         ? REACH_IMPORT_AREAS : REACH_IMPORT_PLACES;
  GtkWidget *dialog;

  if (self->db == NULL)
    return;

  dialog = reach_import_dialog_new (GTK_WINDOW (self), self->db, kind);
  g_object_set_data (G_OBJECT (dialog), "kind", GINT_TO_POINTER (kind));
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- adding, editing, deleting ------------------------------------------ */

static void
set_adding (ReachWindow *self,
            gboolean     adding)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "add-place");

  /* Ctrl+N from another page: places are added on the map */
  if (adding)
    reach_window_set_page (self, "map");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (adding));
  gtk_revealer_set_reveal_child (self->hint_revealer, adding);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->map), adding ? "crosshair" : NULL);

  /* the card would hide part of the map the user is about to click */
  if (adding)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      if (adw_flap_get_folded (self->flap))
        adw_flap_set_reveal_flap (self->flap, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->map));
    }
}

static gboolean
is_adding (ReachWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "add-place");
  g_autoptr(GVariant) state = g_action_get_state (action);

  return g_variant_get_boolean (state);
}

static void
on_place_saved (GtkWidget   *editor,
                ReachPlace  *place,
                ReachWindow *self)
{
  g_autofree char *title = g_strdup_printf (_("Saved “%s”"), place->name);

  self->selected_id = 0;
  reload_places (self);
  reach_window_select_place (self, place->id);
  show_toast (self, title);
}

static void
open_editor (ReachWindow *self,
             ReachPlace  *place,
             double       lat,
             double       lon)
{
  GtkWidget *editor = reach_place_editor_new (GTK_WINDOW (self), self->db, place, lat, lon);

  g_signal_connect (editor, "saved", G_CALLBACK (on_place_saved), self);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_place_change_state (GSimpleAction *action,
                        GVariant      *state,
                        gpointer       user_data)
{
  set_adding (REACH_WINDOW (user_data), g_variant_get_boolean (state));
}

static void
add_place_here_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  ReachWindow *self = REACH_WINDOW (widget);
  ShumateLocation *centre = SHUMATE_LOCATION (get_viewport (self));

  if (self->db == NULL)
    return;

  set_adding (self, FALSE);
  open_editor (self, NULL,
               shumate_location_get_latitude (centre),
               shumate_location_get_longitude (centre));
}

static void
on_map_released (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 ReachWindow     *self)
{
  double lat, lon;

  if (!is_adding (self) || n_press != 1 || !map_has_source (self))
    return;

  shumate_viewport_widget_coords_to_location (get_viewport (self), GTK_WIDGET (self->map),
                                              x, y, &lat, &lon);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  set_adding (self, FALSE);
  open_editor (self, NULL, lat, lon);
}

static void
edit_place_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  ReachWindow *self = REACH_WINDOW (widget);
  ReachPlace *place = reach_window_get_selected_place (self);

  if (place != NULL)
    open_editor (self, place, place->lat, place->lon);
}

static void
on_delete_toast_dismissed (AdwToast    *toast,
                           ReachWindow *self)
{
  if (self->delete_toast != toast)
    return;

  self->delete_toast = NULL;
  g_clear_object (&self->deleted);
}

static void
delete_place_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ReachWindow *self = REACH_WINDOW (widget);
  ReachPlace *place = reach_window_get_selected_place (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (place == NULL)
    return;

  if (!reach_places_delete (self->db, place->id, &error))
    {
      show_error (self, _("Could Not Delete the Place"), error);
      return;
    }

  g_clear_object (&self->deleted);
  self->deleted = reach_place_copy (place);
  self->selected_id = 0;
  reload_places (self);

  title = g_strdup_printf (_("Deleted “%s”"), self->deleted->name);
  if (self->delete_toast != NULL)
    adw_toast_dismiss (self->delete_toast);
  self->delete_toast = adw_toast_new (title);
  adw_toast_set_button_label (self->delete_toast, _("_Undo"));
  adw_toast_set_action_name (self->delete_toast, "win.undo-delete");
  adw_toast_set_priority (self->delete_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (self->delete_toast, "dismissed",
                           G_CALLBACK (on_delete_toast_dismissed), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, self->delete_toast);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  ReachWindow *self = REACH_WINDOW (widget);
  g_autoptr(ReachPlace) place = g_steal_pointer (&self->deleted);
  g_autoptr(GError) error = NULL;

  if (place == NULL || self->db == NULL)
    return;

  /* a new row: the old id is gone, and that is fine */
  place->id = 0;
  if (!reach_places_insert (self->db, place, &error))
    {
      show_error (self, _("Could Not Restore the Place"), error);
      return;
    }

  reload_places (self);
  reach_window_select_place (self, place->id);
}

/* ---- keyboard ----------------------------------------------------------- */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ReachWindow *self = REACH_WINDOW (widget);

  if (self->db == NULL)
    return;

  /* Ctrl+F searches the page in front */
  if (g_strcmp0 (reach_window_get_page (self), "contacts") == 0)
    {
      reach_contacts_view_focus_search (REACH_CONTACTS_VIEW (self->contacts_view));
      return;
    }

  reach_window_set_page (self, "map");
  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
close_details_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  ReachWindow *self = REACH_WINDOW (widget);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selected_id = 0;
  on_selection_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->place_list));
}

/* Escape leaves add mode first, then closes the details. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ReachWindow *self = REACH_WINDOW (widget);

  if (is_adding (self))
    set_adding (self, FALSE);
  else if (gtk_revealer_get_reveal_child (self->details_revealer))
    close_details_action (widget, action_name, param);
}

static void
on_place_clicked (gpointer     layer,
                  gint64       id,
                  ReachWindow *self)
{
  if (is_adding (self))
    return;

  reach_window_select_place (self, id);
}

static void
on_list_activate (GtkListView *list,
                  guint        position,
                  ReachWindow *self)
{
  /* on a narrow window the panel covers the map: get it out of the way */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* ---- window state ------------------------------------------------------- */

/* A base map that cannot be read leaves the one shown, and the setting, as they were. */
static void
base_map_change_state (GSimpleAction *action,
                       GVariant      *state,
                       gpointer       user_data)
{
  ReachWindow *self = REACH_WINDOW (user_data);
  const char *choice = g_variant_get_string (state, NULL);
  g_autoptr(GError) error = NULL;

  if (!apply_base_map (self, choice, &error))
    {
      report_base_map_error (self, error);
      return;
    }

  g_simple_action_set_state (action, state);
  g_settings_set_string (self->settings, "base-map", choice);
}

static void
on_base_map_file_response (GtkNativeDialog *chooser,
                           int              response,
                           ReachWindow     *self)
{
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? chooser_get_path (chooser) : NULL;

  g_object_unref (chooser);
  if (path != NULL)
    g_action_group_change_action_state (G_ACTION_GROUP (self), "base-map",
                                        g_variant_new_string (path));
}

static void
open_base_map_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  ReachWindow *self = REACH_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("MBTiles raster maps"));
  gtk_file_filter_add_pattern (filter, "*.mbtiles");

  chooser = gtk_file_chooser_native_new (_("Open Base Map"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_base_map_file_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
set_up_window_actions (ReachWindow *self)
{
  g_autofree char *base_map = g_settings_get_string (self->settings, "base-map");
  g_autoptr(GPropertyAction) show_panel = NULL;
  g_autoptr(GPropertyAction) show_legend = NULL;
  const GActionEntry entries[] = {
    { "add-place", NULL, NULL, "false", add_place_change_state },
    { "base-map", NULL, "s", "'offline'", base_map_change_state },
    /* privacy by default: never saved, so every window starts without people */
    { "show-people", NULL, NULL, "false", show_people_change_state },
    { "show-groups", NULL, NULL, "true", show_groups_change_state },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                          "base-map")),
                             g_variant_new_string (base_map));

  show_panel = g_property_action_new ("show-panel", self->flap, "reveal-flap");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_panel));
  show_legend = g_property_action_new ("show-legend", self->legend, "visible");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_legend));
}

static void
load_window_size (ReachWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
reach_window_close_request (GtkWindow *window)
{
  ReachWindow *self = REACH_WINDOW (window);
  int width, height;

  /* the default size follows the window's size while it is not maximised */
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (reach_window_parent_class)->close_request (window);
}

static void
set_up_layers (ReachWindow *self)
{
  ShumateViewport *viewport = get_viewport (self);

  self->areas_layer = SHUMATE_LAYER (reach_areas_layer_new (viewport));
  shumate_simple_map_add_overlay_layer (self->map, self->areas_layer);
  self->people_layer = SHUMATE_LAYER (reach_people_layer_new (viewport));
  gtk_widget_set_visible (GTK_WIDGET (self->people_layer), FALSE);
  shumate_simple_map_add_overlay_layer (self->map, self->people_layer);
  self->groups_layer = SHUMATE_LAYER (reach_groups_layer_new (viewport));
  shumate_simple_map_add_overlay_layer (self->map, self->groups_layer);
  self->places_layer = SHUMATE_LAYER (reach_places_layer_new (viewport));
  shumate_simple_map_add_overlay_layer (self->map, self->places_layer);
  g_signal_connect (self->places_layer, "place-clicked", G_CALLBACK (on_place_clicked), self);
}

static void
reach_window_dispose (GObject *object)
{
  ReachWindow *self = REACH_WINDOW (object);

  disconnect_fit_clock (self);

  /* the search entry may outlive the window a moment, with a search pending */
  if (self->search_entry != NULL)
    g_signal_handlers_disconnect_by_data (self->search_entry, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), REACH_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->places);
  g_clear_pointer (&self->all_places, g_ptr_array_unref);
  g_clear_object (&self->deleted);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (reach_window_parent_class)->dispose (object);
}

static void
reach_window_class_init (ReachWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = reach_window_dispose;
  window_class->close_request = reach_window_close_request;

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  g_type_ensure (REACH_TYPE_PLACE_DETAILS);
  g_type_ensure (REACH_TYPE_MAP_LEGEND);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reachmap/Reach/reach-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, demo_badge);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, contacts_bin);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, groups_bin);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, activities_bin);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, feedback_bin);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, gaps_bin);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, panel_button);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, panel_stack);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, place_list);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, map);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, legend);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, details);
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, hint_revealer);

  gtk_widget_class_install_action (widget_class, "win.new-workspace", NULL, new_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.open-workspace", NULL, open_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.import-places", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-areas", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.open-base-map", NULL, open_base_map_action);
  gtk_widget_class_install_action (widget_class, "win.add-place-here", NULL, add_place_here_action);
  gtk_widget_class_install_action (widget_class, "win.edit-place", NULL, edit_place_action);
  gtk_widget_class_install_action (widget_class, "win.delete-place", NULL, delete_place_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.close-details", NULL, close_details_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, cancel_action);

  gtk_widget_class_install_action (widget_class, "win.page", "s", page_action);
  gtk_widget_class_install_action (widget_class, "win.import-contacts", NULL, import_contacts_action);
  /* Export Map…, Export Report…, Print…, Preferences, saved views, F5 */
  reach_presentation_install_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.page", "s", page_names[i]);
}

static void
set_up_list (ReachWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys;
  GtkShortcut *shortcut;

  self->places = g_list_store_new (REACH_TYPE_PLACE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->places)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->place_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->place_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->place_list, "activate", G_CALLBACK (on_list_activate), self);

  /* Delete works where a place has the focus, never in the search entry.
   * In the capture phase: the search entry's key capture would take it. */
  keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                               gtk_named_action_new ("win.delete-place"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->place_list), keys);

  keys = gtk_shortcut_controller_new ();
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                               gtk_named_action_new ("win.delete-place"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->details), keys);
}

static void
reach_window_init (ReachWindow *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  load_window_size (self);
  set_up_window_actions (self);
  set_up_list (self);

  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_entry, "activate",
                            G_CALLBACK (on_search_activate), self);
  g_signal_connect_swapped (self->search_entry, "stop-search",
                            G_CALLBACK (on_search_stop), self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->place_list));

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "released", G_CALLBACK (on_map_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));

  load_base_map (self);
  set_up_layers (self);

  set_up_pages (self);
  /* a workspace opened before the window is shown is fitted once it is */
  g_signal_connect (self, "realize", G_CALLBACK (connect_fit_clock), NULL);
  g_signal_connect (self, "unrealize", G_CALLBACK (disconnect_fit_clock), NULL);

  /* no workspace yet: the first-run page */
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (update_demo_badge), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (self->switcher_bar, FALSE);
  update_page_buttons (self);
  update_actions (self);
}

ReachWindow *
reach_window_new (ReachApplication *app)
{
  return g_object_new (REACH_TYPE_WINDOW, "application", app, NULL);
}

/* ---- for tests ---------------------------------------------------------- */

GListModel *
reach_window_get_places_model (ReachWindow *self)
{
  g_return_val_if_fail (REACH_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->places);
}

gboolean
reach_window_select_place (ReachWindow *self,
                           gint64       id)
{
  guint position;

  g_return_val_if_fail (REACH_IS_WINDOW (self), FALSE);

  position = find_place (self, id);
  if (position == GTK_INVALID_LIST_POSITION &&
      *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    {
      /* the place is hidden by the search: show everything again */
      reach_window_set_search (self, "");
      position = find_place (self, id);
    }

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->place_list), "list.scroll-to-item", "u", position);
  return TRUE;
}

ReachPlace *
reach_window_get_selected_place (ReachWindow *self)
{
  g_return_val_if_fail (REACH_IS_WINDOW (self), NULL);

  if (self->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}

GtkWidget *
reach_window_get_contacts_view (ReachWindow *self)
{
  g_return_val_if_fail (REACH_IS_WINDOW (self), NULL);
  return self->contacts_view;
}

ShumateLayer *
reach_window_get_people_layer (ReachWindow *self)
{
  g_return_val_if_fail (REACH_IS_WINDOW (self), NULL);
  return self->people_layer;
}

GtkWidget *
reach_window_get_details (ReachWindow *self)
{
  g_return_val_if_fail (REACH_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->details);
}

ShumateSimpleMap *
reach_window_get_map (ReachWindow *self)
{
  g_return_val_if_fail (REACH_IS_WINDOW (self), NULL);
  return self->map;
}

void
reach_window_set_search (ReachWindow *self,
                         const char  *text)
{
  g_return_if_fail (REACH_IS_WINDOW (self));

  g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
  refresh_list (self);
}

void
reach_window_reload (ReachWindow *self)
{
  g_return_if_fail (REACH_IS_WINDOW (self));

  reload_places (self);
  reload_areas (self);
  reload_people (self);
  reload_groups (self);
  reach_contacts_view_reload (REACH_CONTACTS_VIEW (self->contacts_view));
}
