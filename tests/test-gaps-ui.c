/* test-gaps-ui.c — the Gaps page, its chart and table, and the choropleth
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb on the demo workspace (Leeds baselines, fictional
 * people).  Screenshots go to $REACH_SCREENSHOT_DIR when set, else to a
 * scratch folder named in the log.
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <shumate/shumate.h>
#include <string.h>

#include "reach-application.h"
#include "reach-areas-layer.h"
#include "reach-choropleth.h"
#include "reach-contacts.h"
#include "reach-gaps-view.h"
#include "reach-map-legend.h"
#include "reach-testutil.h"
#include "reach-window.h"

static ReachApplication *app;
static ReachWindow *window;

static gboolean
timeout_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_text (c, text);
}

static char *
visible_text (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  collect_text (widget, text);
  return g_string_free (text, FALSE);
}

static GdkTexture *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  for (guint tries = 0; node == NULL && tries < 50; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (tries > 0)
        wait_ms (100);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
save_png (GdkTexture *texture,
          const char *name)
{
  static char *tmp = NULL;
  const char *dir = g_getenv ("REACH_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL && tmp == NULL)
    tmp = reach_test_tmpdir ();
  path = g_build_filename (dir != NULL ? dir : tmp, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

static ReachWindow *
demo_window (void)
{
  gint64 end;

  if (window != NULL)
    return window;

  window = reach_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  reach_window_open_demo (window);
  g_assert_nonnull (reach_window_get_db (window));
  gtk_window_present (GTK_WINDOW (window));
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while ((!gtk_widget_get_mapped (GTK_WIDGET (window)) || gtk_widget_get_width (GTK_WIDGET (window)) == 0)
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  wait_ms (300);
  return window;
}

static ReachGapsView *
gaps_view (void)
{
  GtkWidget *view = find_type (GTK_WIDGET (demo_window ()), REACH_TYPE_GAPS_VIEW);

  g_assert_nonnull (view);
  return REACH_GAPS_VIEW (view);
}

/* Alt+6 is the Gaps page; it opens on ethnic group, its rows sorted by
 * shortfall, each flag in words on screen. */
static void
test_gaps_page (void)
{
  ReachWindow *win = demo_window ();
  ReachGapsView *view = gaps_view ();
  GListModel *rows = reach_gaps_view_get_rows (view);
  const ReachGapReport *report;
  g_autofree char *text = NULL;
  double last = G_MAXDOUBLE;
  guint n_flagged = 0;

  gtk_widget_activate_action (GTK_WIDGET (win), "win.page", "s", "gaps");
  wait_ms (300);
  g_assert_cmpstr (reach_window_get_page (win), ==, "gaps");

  report = reach_gaps_view_get_report (view);
  g_assert_nonnull (report);
  g_assert_cmpstr (report->characteristic_key, ==, "ethnic_group");
  g_assert_cmpint (report->n, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, report->rows->len);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >=, 5);

  text = visible_text (GTK_WIDGET (view));
  g_test_message ("%s", text);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(ReachGapItem) item = g_list_model_get_item (rows, i);
      const ReachGapRow *row = reach_gap_item_get_row (item);

      /* largest shortfall first; undefined ones (not in the baseline) last */
      if (!isnan (row->shortfall))
        {
          g_assert_cmpfloat (row->shortfall, <=, last + 1e-9);
          last = row->shortfall;
        }
      g_assert_nonnull (strstr (text, row->category_label));
      g_assert_nonnull (strstr (text, reach_gap_flag_label (row->flag)));
      if (row->flag != REACH_GAP_IN_LINE && row->flag != REACH_GAP_NO_DATA)
        n_flagged++;
    }
  /* the demo is built to show gaps */
  g_assert_cmpuint (n_flagged, >, 0);
  g_assert_nonnull (strstr (text, "Co-production or tokenism?"));
  /* the page never keeps the window wider than a phone */
  {
    int min = 0;

    gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_test_message ("the Gaps page: at least %d px wide", min);
    g_assert_cmpint (min, <=, 360);
  }
  g_assert_nonnull (strstr (text, "of participation comes from the most frequent 10% of participants"));
}

/* Another characteristic: the rows follow. */
static void
test_change_characteristic (void)
{
  ReachGapsView *view = gaps_view ();
  const ReachGapReport *report;
  g_autoptr(ReachGapItem) first = NULL;
  g_autofree char *text = NULL;
  gboolean christian = FALSE;

  reach_window_set_page (demo_window (), "gaps");
  g_assert_true (reach_gaps_view_set_characteristic (view, "religion"));
  wait_ms (200);
  report = reach_gaps_view_get_report (view);
  g_assert_cmpstr (report->characteristic_key, ==, "religion");
  for (guint i = 0; i < report->rows->len; i++)
    if (g_str_has_prefix (g_array_index (report->rows, ReachGapRow, i).category_label, "Christian"))
      christian = TRUE;
  g_assert_true (christian);
  first = g_list_model_get_item (reach_gaps_view_get_rows (view), 0);
  text = visible_text (GTK_WIDGET (view));
  g_assert_nonnull (strstr (text, reach_gap_item_get_row (first)->category_label));

  g_assert_false (reach_gaps_view_set_characteristic (view, "no_such_thing"));
  g_assert_true (reach_gaps_view_set_characteristic (view, "ethnic_group"));
  wait_ms (100);
  g_assert_cmpstr (reach_gaps_view_get_report (view)->characteristic_key, ==, "ethnic_group");
}

static GtkWidget *
template_child (ReachGapsView *view,
                const char    *id)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (view), REACH_TYPE_GAPS_VIEW, id);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* One ward as the scope: its own, smaller, population; Everywhere brings
 * the whole back.  A bad date says what is wrong; the presets work. */
static void
test_scope_and_period (void)
{
  ReachGapsView *view = gaps_view ();
  GtkListBox *list = GTK_LIST_BOX (template_child (view, "scope_list"));
  GtkMenuButton *scope_button = GTK_MENU_BUTTON (template_child (view, "scope_button"));
  GtkDropDown *period = GTK_DROP_DOWN (template_child (view, "period_dropdown"));
  GtkEditable *from = GTK_EDITABLE (template_child (view, "from_entry"));
  GtkLabel *summary = GTK_LABEL (template_child (view, "summary_label"));
  GtkCheckButton *ward = NULL;
  gint64 everywhere;

  reach_window_set_page (demo_window (), "gaps");
  wait_ms (100);
  everywhere = reach_gaps_view_get_report (view)->population;
  g_assert_cmpint (everywhere, >, 500000);
  g_assert_cmpstr (gtk_menu_button_get_label (scope_button), ==, "Everywhere");

  for (int i = 0; ward == NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      GtkWidget *check;

      g_assert_nonnull (row);
      check = gtk_list_box_row_get_child (row);
      if (g_str_has_suffix (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), "(Ward)"))
        ward = GTK_CHECK_BUTTON (check);
    }
  gtk_check_button_set_active (ward, TRUE);
  wait_ms (50);
  g_test_message ("scope %s: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT,
                  gtk_menu_button_get_label (scope_button),
                  reach_gaps_view_get_report (view)->population, everywhere);
  g_assert_cmpint (reach_gaps_view_get_report (view)->population, >, 0);
  g_assert_cmpint (reach_gaps_view_get_report (view)->population, <, everywhere / 10);
  g_assert_true (g_str_has_prefix (gtk_check_button_get_label (ward),
                                   gtk_menu_button_get_label (scope_button)));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (template_child (view, "everywhere_check")), TRUE);
  wait_ms (50);
  g_assert_false (gtk_check_button_get_active (ward));
  g_assert_cmpint (reach_gaps_view_get_report (view)->population, ==, everywhere);

  gtk_drop_down_set_selected (period, 2);
  gtk_editable_set_text (from, "2026-13-01");
  g_signal_emit_by_name (from, "activate");
  wait_ms (50);
  g_assert_null (reach_gaps_view_get_report (view));
  g_test_message ("bad date: %s", gtk_label_get_text (summary));
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "2026-13-01"));

  /* a period nobody was reached in: nothing to compare, and it says so */
  gtk_editable_set_text (from, "2090-01-01");
  g_signal_emit_by_name (from, "activate");
  wait_ms (300);
  g_assert_nonnull (reach_gaps_view_get_report (view));
  g_assert_cmpint (reach_gaps_view_get_report (view)->n, ==, 0);
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "nobody reached with a stated answer"));
  {
    g_autoptr(GdkTexture) shot = render (GTK_WIDGET (demo_window ()));
    save_png (shot, "gaps-nobody-reached.png");
  }

  gtk_editable_set_text (from, "");
  gtk_drop_down_set_selected (period, 1);
  wait_ms (50);
  g_assert_nonnull (reach_gaps_view_get_report (view));
  gtk_drop_down_set_selected (period, 0);
  wait_ms (50);
  g_assert_cmpint (reach_gaps_view_get_report (view)->n, >, 0);

  /* detailed categories: more rows than the five broad ones */
  {
    GtkCheckButton *detailed = GTK_CHECK_BUTTON (template_child (view, "detailed_check"));
    guint broad = reach_gaps_view_get_report (view)->rows->len;

    gtk_check_button_set_active (detailed, TRUE);
    wait_ms (50);
    g_assert_cmpuint (reach_gaps_view_get_report (view)->rows->len, >, broad);
    g_assert_cmpuint (g_list_model_get_n_items (reach_gaps_view_get_rows (view)), ==,
                      reach_gaps_view_get_report (view)->rows->len);
    gtk_check_button_set_active (detailed, FALSE);
    wait_ms (50);
    g_assert_cmpuint (reach_gaps_view_get_report (view)->rows->len, ==, broad);
  }
}

/* Dominant colour of the pixels of one area in a render of the window. */
typedef struct { guint32 colour; guint count; } Tally;

static void
area_colours (GdkTexture      *texture,
              ReachAreasLayer *layer,
              gint64           area_id,
              GHashTable      *counts)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc (width * height * 4);
  GtkWidget *root = GTK_WIDGET (window);

  gdk_texture_download (texture, data, width * 4);
  for (int y = 0; y < height; y += 3)
    for (int x = 0; x < width; x += 3)
      {
        graphene_point_t p;
        guint32 c;

        if (!gtk_widget_compute_point (root, GTK_WIDGET (layer), &GRAPHENE_POINT_INIT (x, y), &p) ||
            p.x < 0 || p.y < 0 || p.x >= gtk_widget_get_width (GTK_WIDGET (layer)) ||
            p.y >= gtk_widget_get_height (GTK_WIDGET (layer)))
          continue;
        if (reach_areas_layer_area_at (layer, p.x, p.y) != area_id)
          continue;
        c = *(guint32 *) (data + y * width * 4 + x * 4) & 0xffffff;
        g_hash_table_insert (counts, GUINT_TO_POINTER (c),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (c))) + 1));
      }
}

static guint32
dominant (GHashTable *counts,
          guint      *total)
{
  GHashTableIter iter;
  gpointer key, value;
  guint32 best = 0;
  guint best_count = 0;

  *total = 0;
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      *total += GPOINTER_TO_UINT (value);
      if (GPOINTER_TO_UINT (value) > best_count)
        {
          best_count = GPOINTER_TO_UINT (value);
          best = GPOINTER_TO_UINT (key);
        }
    }
  return best;
}

static void
look_at_ward (ShumateMap     *map,
              ReachArea      *area)
{
  shumate_map_center_on (map, area->label.lat, area->label.lon);
  shumate_viewport_set_zoom_level (shumate_map_get_viewport (map), 12);
}

static void
place_people_in (ReachDb   *db,
                 ReachArea *ward)
{
  g_autoptr(GPtrArray) contacts = reach_contacts_list (db, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (contacts);
  for (guint i = 0; i < contacts->len; i++)
    {
      ReachContact *c = g_ptr_array_index (contacts, i);

      c->has_location = TRUE;
      c->lat = ward->label.lat;
      c->lon = ward->label.lon;
      reach_contacts_update (db, c, &error);
      g_assert_no_error (error);
    }
}

/* Reach per 1,000 residents: wards reached and not reached are filled
 * differently, the legend carries the key, a click shows a profile. */
static void
test_choropleth (void)
{
  ReachWindow *win = demo_window ();
  ReachGapsView *view = gaps_view ();
  ReachDb *db = reach_window_get_db (win);
  ReachAreasLayer *layer = REACH_AREAS_LAYER (find_type (GTK_WIDGET (win), REACH_TYPE_AREAS_LAYER));
  ReachMapLegend *legend = REACH_MAP_LEGEND (find_type (GTK_WIDGET (win), REACH_TYPE_MAP_LEGEND));
  ShumateMap *map = shumate_simple_map_get_map (reach_window_get_map (win));
  g_autoptr(GArray) reach = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) reached_counts = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) missed_counts = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) wards = reach_areas_list (db, REACH_AREA_LEVEL_WARD, NULL);
  ReachAreaReach *reached = NULL, *missed = NULL;
  ReachArea *reached_area, *missed_area;
  g_autoptr(GdkTexture) shot = NULL;
  guint n_reached, n_missed;
  guint32 c_reached, c_missed;

  /* The demo's people have no addresses on the map: give them all one in
   * the first ward, so that ward is reached and the others are not. */
  place_people_in (db, g_ptr_array_index (wards, 0));
  reach_window_set_page (win, "gaps");
  reach_gaps_view_reload (view);
  wait_ms (100);
  g_assert_true (reach_gaps_view_show_on_map (view, REACH_GAPS_MAP_REACH, NULL,
                                              REACH_AREA_LEVEL_WARD, &error));
  g_assert_no_error (error);
  wait_ms (300);
  g_assert_cmpstr (reach_window_get_page (win), ==, "map");
  g_assert_nonnull (reach_areas_layer_get_choropleth (layer));
  g_assert_nonnull (reach_map_legend_get_choropleth (legend));
  g_assert_cmpstr (reach_map_legend_get_choropleth (legend)->title, ==,
                   "People reached per 1,000 residents");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (legend)));

  /* a ward reached and one not, as the analysis says */
  reach = reach_gaps_area_reach (db, REACH_AREA_LEVEL_WARD, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reach->len; i++)
    {
      ReachAreaReach *a = &g_array_index (reach, ReachAreaReach, i);

      if (a->residents == 0)
        continue;
      if (!a->not_reached && (reached == NULL || a->per_1000 > reached->per_1000))
        reached = a;
      if (a->not_reached && missed == NULL)
        missed = a;
    }
  g_assert_nonnull (reached);
  g_assert_nonnull (missed);
  reached_area = reach_areas_layer_get_area (layer, reached->area_id);
  missed_area = reach_areas_layer_get_area (layer, missed->area_id);
  g_assert_nonnull (reached_area);
  g_assert_nonnull (missed_area);

  look_at_ward (map, reached_area);
  wait_ms (500);
  shot = render (GTK_WIDGET (win));
  save_png (shot, "choropleth-reached-ward.png");
  area_colours (shot, layer, reached->area_id, reached_counts);
  g_clear_object (&shot);

  look_at_ward (map, missed_area);
  wait_ms (500);
  shot = render (GTK_WIDGET (win));
  save_png (shot, "choropleth-missed-ward.png");
  area_colours (shot, layer, missed->area_id, missed_counts);

  c_reached = dominant (reached_counts, &n_reached);
  c_missed = dominant (missed_counts, &n_missed);
  g_test_message ("reached %s %06x of %u px, not reached %s %06x of %u px",
                  reached->name, c_reached, n_reached, missed->name, c_missed, n_missed);
  g_assert_cmpuint (n_reached, >, 50);
  g_assert_cmpuint (n_missed, >, 50);
  g_assert_cmpuint (c_reached, !=, c_missed);
  /* the hatch: several colours, not one flat fill */
  g_assert_cmpuint (g_hash_table_size (missed_counts), >=, 2);

  /* a click's profile: the area highlighted, its numbers in the legend */
  reach_gaps_view_show_area_profile (view, reached->area_id);
  wait_ms (300);
  g_clear_object (&shot);
  shot = render (GTK_WIDGET (win));
  save_png (shot, "choropleth-profile.png");

  /* Nothing: plain boundaries again */
  reach_gaps_view_show_on_map (view, REACH_GAPS_MAP_NONE, NULL, REACH_AREA_LEVEL_WARD, NULL);
  g_assert_null (reach_areas_layer_get_choropleth (layer));
  g_assert_null (reach_map_legend_get_choropleth (legend));
}

/* The window's menu colours the areas too, and takes the colours away. */
static void
test_menu_action (void)
{
  ReachWindow *win = demo_window ();
  ReachAreasLayer *layer = REACH_AREAS_LAYER (find_type (GTK_WIDGET (win), REACH_TYPE_AREAS_LAYER));

  reach_window_set_page (win, "contacts");
  /* TRUE: the window finds the action */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "gaps.colour-areas", "s", "reach"));
  wait_ms (100);
  g_assert_cmpstr (reach_window_get_page (win), ==, "map");
  g_assert_nonnull (reach_areas_layer_get_choropleth (layer));

  gtk_widget_activate_action (GTK_WIDGET (win), "gaps.colour-areas", "s", "none");
  wait_ms (100);
  g_assert_null (reach_areas_layer_get_choropleth (layer));
}

/* Representation of one category: a key with fixed ratio classes. */
static void
test_representation (void)
{
  ReachWindow *win = demo_window ();
  ReachGapsView *view = gaps_view ();
  ReachMapLegend *legend = REACH_MAP_LEGEND (find_type (GTK_WIDGET (win), REACH_TYPE_MAP_LEGEND));
  g_autoptr(GError) error = NULL;
  const ReachChoropleth *key;

  g_assert_true (reach_gaps_view_show_on_map (view, REACH_GAPS_MAP_REPRESENTATION, "asian",
                                              REACH_AREA_LEVEL_WARD, &error));
  g_assert_no_error (error);
  key = reach_map_legend_get_choropleth (legend);
  g_assert_nonnull (key);
  g_assert_nonnull (strstr (key->title, "Representation of"));
  g_assert_cmpfloat (key->breaks[2], ==, 0.8);
  wait_ms (400);
  {
    g_autoptr(GdkTexture) shot = render (GTK_WIDGET (win));
    save_png (shot, "choropleth-representation.png");
  }
  reach_gaps_view_show_on_map (view, REACH_GAPS_MAP_NONE, NULL, REACH_AREA_LEVEL_WARD, NULL);
}

/* For people to look at: the page and the map, wide and narrow, light and
 * dark, and the choropleth at several zooms. */
static void
test_screenshots (void)
{
  ReachWindow *win = demo_window ();
  ReachGapsView *view = gaps_view ();
  ShumateMap *map = shumate_simple_map_get_map (reach_window_get_map (win));
  static const double zooms[] = { 10, 11.5, 13, 15 };

  for (guint scheme = 0; scheme < 2; scheme++)
    {
      const char *name = scheme == 0 ? "light" : "dark";

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          scheme == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                      : ADW_COLOR_SCHEME_FORCE_DARK);
      for (guint narrow = 0; narrow < 2; narrow++)
        {
          g_autofree char *file = g_strdup_printf ("gaps-%s-%s.png", narrow ? "narrow" : "wide", name);
          g_autoptr(GdkTexture) shot = NULL;

          gtk_window_set_default_size (GTK_WINDOW (win), narrow ? 400 : 1200, 800);
          reach_window_set_page (win, "gaps");
          wait_ms (500);
          shot = render (GTK_WIDGET (win));
          save_png (shot, file);

          /* and the end of the page: the table's notes and the ladder */
          {
            GtkWidget *scroller = find_type (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
            GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
            g_autofree char *end_file = g_strdup_printf ("gaps-%s-%s-end.png",
                                                         narrow ? "narrow" : "wide", name);
            g_autoptr(GdkTexture) end_shot = NULL;

            gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
            wait_ms (300);
            end_shot = render (GTK_WIDGET (win));
            save_png (end_shot, end_file);
            gtk_adjustment_set_value (adj, 0);
          }
        }
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_set_default_size (GTK_WINDOW (win), 1200, 800);
  wait_ms (300);
  g_assert_true (reach_gaps_view_show_on_map (view, REACH_GAPS_MAP_REACH, NULL,
                                              REACH_AREA_LEVEL_WARD, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      g_autofree char *file = g_strdup_printf ("choropleth-zoom-%.1f.png", zooms[i]);
      g_autoptr(GdkTexture) shot = NULL;

      shumate_map_center_on (map, 53.80, -1.55);
      shumate_viewport_set_zoom_level (shumate_map_get_viewport (map), zooms[i]);
      wait_ms (500);
      shot = render (GTK_WIDGET (win));
      save_png (shot, file);
    }
  gtk_window_set_default_size (GTK_WINDOW (win), 400, 800);
  wait_ms (500);
  {
    g_autoptr(GdkTexture) shot = render (GTK_WIDGET (win));
    save_png (shot, "choropleth-narrow.png");
  }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = reach_test_tmpdir ();
  g_autofree char *cache_home = reach_test_tmpdir ();
  int status;

  /* the demo is built here, and no tile cache in the user's home */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = reach_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gaps-ui/page", test_gaps_page);
  g_test_add_func ("/gaps-ui/characteristic", test_change_characteristic);
  g_test_add_func ("/gaps-ui/scope-and-period", test_scope_and_period);
  g_test_add_func ("/gaps-ui/choropleth", test_choropleth);
  g_test_add_func ("/gaps-ui/menu-action", test_menu_action);
  g_test_add_func ("/gaps-ui/representation", test_representation);
  g_test_add_func ("/gaps-ui/screenshots", test_screenshots);

  status = g_test_run ();
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  return status;
}
