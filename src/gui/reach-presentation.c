/* reach-presentation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-presentation"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "reach-areas-layer.h"
#include "reach-export-dialog.h"
#include "reach-map-legend.h"
#include "reach-places-layer.h"
#include "reach-preferences.h"
#include "reach-presentation.h"
#include "reach-print.h"

#define STATE_KEY "reach-presentation"

/* What presentation mode changed, to put back when it ends. */
typedef struct
{
  GPtrArray          *bookmarks;
  int                 position;
  char               *page;
  gboolean            was_fullscreen;
  gboolean            panel_shown;
  gboolean            zoom_buttons_shown;
  GtkWidget          *header_bar;
  gboolean            header_bar_shown;
  GtkWidget          *switcher_bar;
  gboolean            switcher_bar_shown;
  GtkWidget          *overlay;      /* title and bookmark name, over the map */
  GtkLabel           *title_label;
  GtkLabel           *view_label;
  GtkWidget          *legend;
  GtkEventController *keys;
} Presenting;

static void
presenting_free (Presenting *state)
{
  g_clear_pointer (&state->bookmarks, g_ptr_array_unref);
  g_free (state->page);
  g_free (state);
}

/* ---- bookmarks ---------------------------------------------------------- */

void
reach_bookmark_free (ReachBookmark *bookmark)
{
  if (bookmark == NULL)
    return;
  g_free (bookmark->name);
  g_free (bookmark->characteristic);
  g_free (bookmark->category);
  g_free (bookmark->from);
  g_free (bookmark->to);
  g_free (bookmark);
}

static const char * const choropleth_modes[] = { "none", "reach", "representation" };

static char *
dup_string_member (JsonObject *object,
                   const char *name)
{
  const char *value = json_object_get_string_member_with_default (object, name, NULL);

  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

/* Views saved before the choropleth was kept, or with a mode this version
 * does not know, show the areas uncoloured. */
static void
choropleth_from_json (ReachBookmark *bookmark,
                      JsonObject    *object)
{
  const char *mode = json_object_get_string_member_with_default (object, "choropleth", "none");
  const char *level = json_object_get_string_member_with_default (object, "level", "ward");

  bookmark->choropleth = REACH_GAPS_MAP_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (choropleth_modes); i++)
    if (g_strcmp0 (mode, choropleth_modes[i]) == 0)
      bookmark->choropleth = i;
  if (level == NULL || !reach_area_level_from_string (level, &bookmark->level))
    bookmark->level = REACH_AREA_LEVEL_WARD;
  bookmark->characteristic = dup_string_member (object, "characteristic");
  bookmark->category = dup_string_member (object, "category");
  bookmark->from = dup_string_member (object, "from");
  bookmark->to = dup_string_member (object, "to");
  if (bookmark->choropleth == REACH_GAPS_MAP_REPRESENTATION &&
      (bookmark->characteristic == NULL || bookmark->category == NULL))
    bookmark->choropleth = REACH_GAPS_MAP_NONE;
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static ReachBookmark *
bookmark_from_json (JsonObject *object)
{
  ReachBookmark *bookmark = g_new0 (ReachBookmark, 1);

  bookmark->name = g_strdup (json_object_get_string_member_with_default (object, "name", ""));
  bookmark->lat = json_object_get_double_member_with_default (object, "lat", 0.0);
  bookmark->lon = json_object_get_double_member_with_default (object, "lon", 0.0);
  bookmark->zoom = json_object_get_double_member_with_default (object, "zoom", 6.0);
  bookmark->places = json_object_get_boolean_member_with_default (object, "places", TRUE);
  bookmark->areas = json_object_get_boolean_member_with_default (object, "areas", TRUE);
  choropleth_from_json (bookmark, object);
  return bookmark;
}

GPtrArray *
reach_bookmarks_load (ReachDb  *db,
                      GError  **error)
{
  g_autoptr(GPtrArray) bookmarks = g_ptr_array_new_with_free_func ((GDestroyNotify) reach_bookmark_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  JsonNode *root;
  JsonArray *array;

  if (!reach_db_get_setting (db, REACH_BOOKMARKS_SETTING, &text, error))
    return NULL;
  if (text == NULL || *text == '\0')
    return g_steal_pointer (&bookmarks);

  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("The saved views in this workspace are not a list"));
      return NULL;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      /* one damaged entry is skipped rather than losing the others */
      if (JSON_NODE_HOLDS_OBJECT (node))
        g_ptr_array_add (bookmarks, bookmark_from_json (json_node_get_object (node)));
    }

  return g_steal_pointer (&bookmarks);
}

gboolean
reach_bookmarks_save (ReachDb    *db,
                      GPtrArray  *bookmarks,
                      GError    **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < bookmarks->len; i++)
    {
      const ReachBookmark *bookmark = g_ptr_array_index (bookmarks, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, bookmark->name);
      json_builder_set_member_name (builder, "lat");
      json_builder_add_double_value (builder, bookmark->lat);
      json_builder_set_member_name (builder, "lon");
      json_builder_add_double_value (builder, bookmark->lon);
      json_builder_set_member_name (builder, "zoom");
      json_builder_add_double_value (builder, bookmark->zoom);
      json_builder_set_member_name (builder, "places");
      json_builder_add_boolean_value (builder, bookmark->places);
      json_builder_set_member_name (builder, "areas");
      json_builder_add_boolean_value (builder, bookmark->areas);
      add_string_member (builder, "choropleth",
                         choropleth_modes[MIN ((guint) bookmark->choropleth,
                                               G_N_ELEMENTS (choropleth_modes) - 1)]);
      if (bookmark->choropleth != REACH_GAPS_MAP_NONE)
        {
          add_string_member (builder, "level", reach_area_level_to_string (bookmark->level));
          add_string_member (builder, "characteristic", bookmark->characteristic);
          add_string_member (builder, "category", bookmark->category);
          add_string_member (builder, "from", bookmark->from);
          add_string_member (builder, "to", bookmark->to);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return reach_db_set_setting (db, REACH_BOOKMARKS_SETTING, text, error);
}

/* ---- the window's map --------------------------------------------------- */

static ShumateMap *
window_map (ReachWindow *window)
{
  return shumate_simple_map_get_map (reach_window_get_map (window));
}

static ShumateViewport *
window_viewport (ReachWindow *window)
{
  return shumate_simple_map_get_viewport (reach_window_get_map (window));
}

/* The window's own layers, found among the map's children by type. */
static GtkWidget *
find_layer (ReachWindow *window,
            GType        type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window_map (window)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      return child;
  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
reach_map_view_bbox (ShumateSimpleMap *map,
                     ReachBBox        *bbox)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (map);
  GtkWidget *widget = GTK_WIDGET (shumate_simple_map_get_map (map));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double north, west, south, east;

  if (width <= 0 || height <= 0)
    return FALSE;
  shumate_viewport_widget_coords_to_location (viewport, widget, 0, 0, &north, &west);
  shumate_viewport_widget_coords_to_location (viewport, widget, width, height, &south, &east);
  bbox->west = west;
  bbox->south = south;
  bbox->east = east;
  bbox->north = north;
  return east > west && north > south;
}

static void
show_toast (ReachWindow *window,
            const char  *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (reach_window_get_map (window)),
                                                ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

/* ---- export, print, preferences ----------------------------------------- */

/* What the map shows now, so the export shows the same. */
static ReachMapLayers
shown_layers (ReachWindow *window)
{
  GtkWidget *places = find_layer (window, REACH_TYPE_PLACES_LAYER);
  GtkWidget *areas = find_layer (window, REACH_TYPE_AREAS_LAYER);
  ReachMapLayers layers = 0;

  if (places != NULL && gtk_widget_get_visible (places))
    layers |= REACH_MAP_LAYER_PLACES | REACH_MAP_LAYER_GROUPS;
  if (areas != NULL && gtk_widget_get_visible (areas))
    layers |= reach_areas_layer_get_choropleth (REACH_AREAS_LAYER (areas)) != NULL
              ? REACH_MAP_LAYER_CHOROPLETH : REACH_MAP_LAYER_AREAS;
  return layers;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ReachWindow *window = REACH_WINDOW (widget);
  ReachDb *db = reach_window_get_db (window);
  ShumateSimpleMap *map = reach_window_get_map (window);
  gboolean report = g_str_equal (action_name, "win.export-report");
  GtkWidget *toasts = gtk_widget_get_ancestor (GTK_WIDGET (map), ADW_TYPE_TOAST_OVERLAY);
  GtkWidget *dialog;
  ReachBBox view;
  gboolean has_view;

  if (db == NULL)
    return;

  has_view = reach_map_view_bbox (map, &view);
  dialog = reach_export_dialog_new (GTK_WINDOW (window), db,
                                    report ? REACH_EXPORT_REPORT : REACH_EXPORT_MAP,
                                    has_view ? &view : NULL, ADW_TOAST_OVERLAY (toasts));
  reach_export_dialog_set_layers (REACH_EXPORT_DIALOG (dialog), shown_layers (window));
  /* the paper turns the way the view does */
  reach_export_dialog_set_landscape (REACH_EXPORT_DIALOG (dialog),
                                     gtk_widget_get_width (GTK_WIDGET (map)) >
                                     gtk_widget_get_height (GTK_WIDGET (map)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  ReachWindow *window = REACH_WINDOW (widget);
  ReachDb *db = reach_window_get_db (window);
  ShumateSimpleMap *map = reach_window_get_map (window);
  ReachMapExportOptions options = { 0 };
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    return;

  options.paper = "A4";
  options.landscape = gtk_widget_get_width (GTK_WIDGET (map)) > gtk_widget_get_height (GTK_WIDGET (map));
  options.has_bbox = reach_map_view_bbox (map, &options.bbox);
  options.level = -1;
  options.layers = shown_layers (window);
  if (!reach_print_map (GTK_WINDOW (window), db, &options, NULL, &error))
    show_toast (window, error->message);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  ReachWindow *window = REACH_WINDOW (widget);
  ReachDb *db = reach_window_get_db (window);

  if (db != NULL)
    gtk_window_present (GTK_WINDOW (reach_preferences_new (GTK_WINDOW (window), db)));
}

/* ---- saved views -------------------------------------------------------- */

/* The Gaps page, which colours the map's areas. */
static ReachGapsView *
window_gaps_view (ReachWindow *window)
{
  GtkWidget *page = adw_view_stack_get_child_by_name (reach_window_get_view_stack (window), "gaps");
  GtkWidget *child = ADW_IS_BIN (page) ? adw_bin_get_child (ADW_BIN (page)) : page;

  return REACH_IS_GAPS_VIEW (child) ? REACH_GAPS_VIEW (child) : NULL;
}

static void
keep_choropleth (ReachWindow   *window,
                 ReachBookmark *bookmark)
{
  ReachGapsView *gaps = window_gaps_view (window);
  const char *characteristic, *category, *from, *to;

  if (gaps == NULL)
    return;
  bookmark->choropleth = reach_gaps_view_get_shown (gaps, &characteristic, &category,
                                                    &bookmark->level, &from, &to);
  bookmark->characteristic = g_strdup (characteristic);
  bookmark->category = g_strdup (category);
  bookmark->from = g_strdup (from);
  bookmark->to = g_strdup (to);
}

static void
show_choropleth (ReachWindow         *window,
                 const ReachBookmark *bookmark)
{
  ReachGapsView *gaps = window_gaps_view (window);
  g_autoptr(GError) error = NULL;

  if (gaps == NULL)
    return;
  if (!reach_gaps_view_show_saved (gaps, bookmark->choropleth, bookmark->characteristic,
                                   bookmark->category, bookmark->level, bookmark->from,
                                   bookmark->to, &error) && error != NULL)
    show_toast (window, error->message);
}

static ReachBookmark *
bookmark_of_view (ReachWindow *window,
                  guint        number)
{
  ShumateViewport *viewport = window_viewport (window);
  ReachBookmark *bookmark = g_new0 (ReachBookmark, 1);
  GtkWidget *places = find_layer (window, REACH_TYPE_PLACES_LAYER);
  GtkWidget *areas = find_layer (window, REACH_TYPE_AREAS_LAYER);

  bookmark->name = g_strdup_printf (_("View %u"), number);
  bookmark->lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  bookmark->lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  bookmark->zoom = shumate_viewport_get_zoom_level (viewport);
  /* the people layer is never saved: a board screen shows no one */
  bookmark->places = places == NULL || gtk_widget_get_visible (places);
  bookmark->areas = areas == NULL || gtk_widget_get_visible (areas);
  keep_choropleth (window, bookmark);
  return bookmark;
}

static void
save_bookmark_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  ReachWindow *window = REACH_WINDOW (widget);
  ReachDb *db = reach_window_get_db (window);
  g_autoptr(GPtrArray) bookmarks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (db == NULL)
    return;

  bookmarks = reach_bookmarks_load (db, &error);
  if (bookmarks != NULL)
    {
      g_ptr_array_add (bookmarks, bookmark_of_view (window, bookmarks->len + 1));
      reach_bookmarks_save (db, bookmarks, &error);
    }
  if (error != NULL)
    {
      show_toast (window, error->message);
      return;
    }

  title = g_strdup_printf (_("Saved the view as “%s”; F5 presents the saved views"),
                           ((ReachBookmark *) g_ptr_array_index (bookmarks, bookmarks->len - 1))->name);
  show_toast (window, title);
}

/* ---- presentation mode -------------------------------------------------- */

static Presenting *
get_state (ReachWindow *window)
{
  return g_object_get_data (G_OBJECT (window), STATE_KEY);
}

gboolean
reach_presentation_is_active (ReachWindow *window)
{
  return get_state (window) != NULL;
}

int
reach_presentation_get_position (ReachWindow *window)
{
  Presenting *state = get_state (window);

  return state != NULL ? state->position : -1;
}

static void
show_bookmark (ReachWindow *window,
               Presenting  *state,
               int          position)
{
  const ReachBookmark *bookmark;
  GtkWidget *places = find_layer (window, REACH_TYPE_PLACES_LAYER);
  GtkWidget *areas = find_layer (window, REACH_TYPE_AREAS_LAYER);
  g_autofree char *label = NULL;

  if (state->bookmarks->len == 0)
    return;

  state->position = CLAMP (position, 0, (int) state->bookmarks->len - 1);
  bookmark = g_ptr_array_index (state->bookmarks, state->position);

  /* at once, not gliding: the presenter has already moved on */
  shumate_viewport_set_zoom_level (window_viewport (window), bookmark->zoom);
  shumate_map_center_on (window_map (window), bookmark->lat, bookmark->lon);
  if (places != NULL)
    gtk_widget_set_visible (places, bookmark->places);
  if (areas != NULL)
    gtk_widget_set_visible (areas, bookmark->areas);
  show_choropleth (window, bookmark);

  label = g_strdup_printf (_("%s · %d of %u"), bookmark->name, state->position + 1,
                           state->bookmarks->len);
  gtk_label_set_text (state->view_label, label);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ReachWindow *window = REACH_WINDOW (widget);
  Presenting *state = get_state (window);

  if (state == NULL)
    return;
  show_bookmark (window, state,
                 state->position + (g_str_equal (action_name, "win.present-next") ? 1 : -1));
}

static GtkWidget *
build_title_overlay (ReachWindow *window,
                     Presenting  *state)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (gtk_window_get_title (GTK_WINDOW (window)));
  GtkWidget *view = gtk_label_new (state->bookmarks->len == 0
                                   ? _("No saved views: this is the map as it was")
                                   : "");

  gtk_widget_add_css_class (box, "reach-presenting-title");
  gtk_widget_add_css_class (box, "osd");
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_can_target (box, FALSE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (view), 0);
  gtk_widget_add_css_class (title, "reach-presenting-heading");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), view);
  state->title_label = GTK_LABEL (title);
  state->view_label = GTK_LABEL (view);
  return box;
}

static void
ensure_css (void)
{
  static GtkCssProvider *provider;

  if (provider != NULL)
    return;
  /* large enough to read from the back of a meeting room */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   ".reach-presenting-title { padding: 16px 24px; border-radius: 12px; font-size: 20pt; }\n"
                                   ".reach-presenting-heading { font-size: 36pt; font-weight: 800; }\n"
                                   /* the legend draws itself at a fixed size: scale it
                                    * from its bottom-right corner, where it sits */
                                   "maplegend.reach-presenting-legend { transform-origin: 100% 100%; transform: scale(1.6); }\n", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static GtkEventController *
build_keys (void)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  const struct { guint key; const char *action; } bindings[] = {
    { GDK_KEY_Right, "win.present-next" },
    { GDK_KEY_Page_Down, "win.present-next" },
    { GDK_KEY_space, "win.present-next" },
    { GDK_KEY_Left, "win.present-previous" },
    { GDK_KEY_Page_Up, "win.present-previous" },
    { GDK_KEY_Escape, "win.present" },
  };

  /* before the map, which pans with the arrow keys */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (bindings[i].key, 0),
                                                            gtk_named_action_new (bindings[i].action)));
  return keys;
}

static void
hide_chrome (ReachWindow *window,
             Presenting  *state)
{
  GtkWidget *root = GTK_WIDGET (window);
  g_autoptr(GVariant) panel = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-panel");

  state->panel_shown = panel != NULL && g_variant_get_boolean (panel);
  if (state->panel_shown)
    g_action_group_change_action_state (G_ACTION_GROUP (window), "show-panel",
                                        g_variant_new_boolean (FALSE));

  /* the presenter steps with the keyboard; buttons would only distract */
  state->zoom_buttons_shown = shumate_simple_map_get_show_zoom_buttons (reach_window_get_map (window));
  shumate_simple_map_set_show_zoom_buttons (reach_window_get_map (window), FALSE);

  state->header_bar = find_descendant (root, ADW_TYPE_HEADER_BAR);
  if (state->header_bar != NULL)
    {
      state->header_bar_shown = gtk_widget_get_visible (state->header_bar);
      gtk_widget_set_visible (state->header_bar, FALSE);
    }
  state->switcher_bar = find_descendant (root, ADW_TYPE_VIEW_SWITCHER_BAR);
  if (state->switcher_bar != NULL)
    {
      state->switcher_bar_shown = gtk_widget_get_visible (state->switcher_bar);
      gtk_widget_set_visible (state->switcher_bar, FALSE);
    }
}

static void
enter (ReachWindow *window)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *map = GTK_WIDGET (reach_window_get_map (window));
  GtkWidget *overlay = gtk_widget_get_ancestor (map, GTK_TYPE_OVERLAY);
  Presenting *state = g_new0 (Presenting, 1);

  state->bookmarks = reach_bookmarks_load (reach_window_get_db (window), &error);
  if (state->bookmarks == NULL)
    {
      show_toast (window, error->message);
      state->bookmarks = g_ptr_array_new_with_free_func ((GDestroyNotify) reach_bookmark_free);
    }
  state->position = -1;
  state->page = g_strdup (reach_window_get_page (window));
  state->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (window));
  g_object_set_data_full (G_OBJECT (window), STATE_KEY, state, (GDestroyNotify) presenting_free);

  ensure_css ();
  reach_window_set_page (window, "map");
  hide_chrome (window, state);

  if (overlay != NULL)
    {
      state->overlay = build_title_overlay (window, state);
      gtk_overlay_add_overlay (GTK_OVERLAY (overlay), state->overlay);
      state->legend = find_descendant (overlay, REACH_TYPE_MAP_LEGEND);
      if (state->legend != NULL)
        gtk_widget_add_css_class (state->legend, "reach-presenting-legend");
    }

  state->keys = build_keys ();
  gtk_widget_add_controller (GTK_WIDGET (window), state->keys);
  gtk_window_fullscreen (GTK_WINDOW (window));
  show_bookmark (window, state, 0);
}

static void
leave (ReachWindow *window,
       Presenting  *state)
{
  if (state->overlay != NULL)
    gtk_overlay_remove_overlay (GTK_OVERLAY (gtk_widget_get_parent (state->overlay)), state->overlay);
  if (state->legend != NULL)
    gtk_widget_remove_css_class (state->legend, "reach-presenting-legend");
  gtk_widget_remove_controller (GTK_WIDGET (window), state->keys);
  if (state->header_bar != NULL)
    gtk_widget_set_visible (state->header_bar, state->header_bar_shown);
  if (state->switcher_bar != NULL)
    gtk_widget_set_visible (state->switcher_bar, state->switcher_bar_shown);
  if (state->panel_shown)
    g_action_group_change_action_state (G_ACTION_GROUP (window), "show-panel",
                                        g_variant_new_boolean (TRUE));
  shumate_simple_map_set_show_zoom_buttons (reach_window_get_map (window), state->zoom_buttons_shown);
  if (!state->was_fullscreen)
    gtk_window_unfullscreen (GTK_WINDOW (window));
  if (state->page != NULL)
    reach_window_set_page (window, state->page);

  g_object_set_data (G_OBJECT (window), STATE_KEY, NULL);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ReachWindow *window = REACH_WINDOW (widget);
  Presenting *state = get_state (window);

  if (state != NULL)
    leave (window, state);
  else if (reach_window_get_db (window) != NULL)
    enter (window);
}

void
reach_presentation_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-map", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.save-bookmark", NULL, save_bookmark_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.present-next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.present-previous", NULL, step_action);
}
