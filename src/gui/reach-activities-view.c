/* reach-activities-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The activities page: a timeline, newest first, in one boxed list per
 * month, with filters for type, rung on the ladder of participation and
 * period.  The core does the filtering (reach_activities_list).
 */
#define G_LOG_DOMAIN "reach-activities-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reach-activities-view.h"
#include "reach-activity-editor.h"
#include "reach-activity.h"
#include "reach-classification.h"
#include "reach-engagement-format.h"
#include "reach-places.h"

/* Positions in the period drop-down. */
enum {
  PERIOD_ANY,
  PERIOD_3_MONTHS,
  PERIOD_12_MONTHS,
  PERIOD_UPCOMING,
};

struct _ReachActivitiesView
{
  GtkWidget      parent_instance;

  ReachDb       *db;

  GtkWidget     *box;
  GtkDropDown   *type_dropdown;
  GtkDropDown   *rung_dropdown;
  GtkDropDown   *period_dropdown;
  GtkWidget     *add_button;
  GtkStack      *stack;
  GtkBox        *months_box;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (ReachActivitiesView, reach_activities_view, GTK_TYPE_WIDGET)

static GListModel *
type_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Any type"));
  for (int i = 0; i < REACH_N_ACTIVITY_TYPES; i++)
    gtk_string_list_append (list, reach_activity_type_label (i));
  return G_LIST_MODEL (list);
}

static GListModel *
rung_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Any rung"));
  for (int i = 0; i < REACH_N_LADDER_RUNGS; i++)
    gtk_string_list_append (list, reach_ladder_rung_label (i));
  /* Last: the activities whose rung nobody recorded, to put right. */
  gtk_string_list_append (list, _("Rung not recorded"));
  return G_LIST_MODEL (list);
}

/* The filter the drop-downs describe; from and to are owned by the caller. */
static void
read_filter (ReachActivitiesView *self,
             ReachActivityFilter *filter)
{
  guint type = gtk_drop_down_get_selected (self->type_dropdown);
  guint rung = gtk_drop_down_get_selected (self->rung_dropdown);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  memset (filter, 0, sizeof *filter);
  if (type != GTK_INVALID_LIST_POSITION && type > 0)
    {
      filter->by_type = TRUE;
      filter->type = type - 1;
    }
  if (rung != GTK_INVALID_LIST_POSITION && rung > 0)
    {
      filter->by_rung = TRUE;
      filter->rung = rung <= REACH_N_LADDER_RUNGS ? (ReachLadderRung) (rung - 1) : REACH_LADDER_UNKNOWN;
    }

  switch (gtk_drop_down_get_selected (self->period_dropdown))
    {
    case PERIOD_3_MONTHS:
      filter->from = g_date_time_add_months (now, -3);
      filter->to = g_date_time_ref (now);
      break;
    case PERIOD_12_MONTHS:
      filter->from = g_date_time_add_months (now, -12);
      filter->to = g_date_time_ref (now);
      break;
    case PERIOD_UPCOMING:
      filter->from = g_date_time_ref (now);
      break;
    default:
      break;
    }
}

static GHashTable *
venue_names (ReachDb *db)
{
  GHashTable *names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) places = reach_places_list (db, NULL, NULL);

  for (guint i = 0; places != NULL && i < places->len; i++)
    {
      ReachPlace *place = g_ptr_array_index (places, i);

      g_hash_table_insert (names, g_memdup2 (&place->id, sizeof place->id),
                           g_strdup (place->name));
    }
  return names;
}

/* "12 March 2026, 14:00 · Workshop · Chapeltown Library · Co-design" */
static char *
activity_subtitle (ReachActivity *activity,
                   GHashTable    *venues)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *venue = g_hash_table_lookup (venues, &activity->place_id);

  if (activity->starts_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (activity->starts_at);
      g_autofree char *date = reach_format_human_date (local);

      g_ptr_array_add (parts, g_strdup_printf ("%s, %02d:%02d", date,
                                               g_date_time_get_hour (local),
                                               g_date_time_get_minute (local)));
    }
  else
    g_ptr_array_add (parts, g_strdup (_("No date")));

  g_ptr_array_add (parts, g_strdup (reach_activity_type_label (activity->type)));
  if (venue != NULL)
    g_ptr_array_add (parts, g_strdup (venue));
  if (activity->rung != REACH_LADDER_UNKNOWN)
    g_ptr_array_add (parts, g_strdup (reach_ladder_rung_label (activity->rung)));
  if (activity->status != REACH_ACTIVITY_DONE)
    g_ptr_array_add (parts, g_strdup (reach_activity_status_label (activity->status)));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* category id → characteristic id, to add headcounts up per characteristic */
static GHashTable *
category_characteristics (ReachDb *db)
{
  GHashTable *map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) characteristics = reach_characteristics_list (db, NULL);

  for (guint i = 0; characteristics != NULL && i < characteristics->len; i++)
    {
      ReachCharacteristic *characteristic = g_ptr_array_index (characteristics, i);
      g_autoptr(GPtrArray) categories = reach_categories_list (db, characteristic->key, NULL);

      for (guint j = 0; categories != NULL && j < categories->len; j++)
        {
          ReachCategory *category = g_ptr_array_index (categories, j);

          g_hash_table_insert (map, g_memdup2 (&category->id, sizeof category->id),
                               g_memdup2 (&characteristic->id, sizeof characteristic->id));
        }
    }
  return map;
}

/* How many people an anonymous headcount stands for: each characteristic's
 * counts add up to the people asked, so take the largest total. */
static gint64
counted_people (ReachDb    *db,
                gint64      activity_id,
                GHashTable *characteristic_of)
{
  g_autoptr(GArray) headcounts = reach_activities_list_headcounts (db, activity_id, NULL);
  g_autoptr(GHashTable) totals = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  GHashTableIter iter;
  gpointer value;
  gint64 most = 0;

  for (guint i = 0; headcounts != NULL && i < headcounts->len; i++)
    {
      ReachHeadcount *headcount = &g_array_index (headcounts, ReachHeadcount, i);
      gint64 *characteristic = g_hash_table_lookup (characteristic_of, &headcount->category_id);
      gint64 *total;

      if (characteristic == NULL)
        continue;
      total = g_hash_table_lookup (totals, characteristic);
      if (total == NULL)
        {
          total = g_new0 (gint64, 1);
          g_hash_table_insert (totals, characteristic, total);
        }
      *total += headcount->count;
    }

  g_hash_table_iter_init (&iter, totals);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    most = MAX (most, *(gint64 *) value);
  return most;
}

/* "5 participants", "40 counted", or both. */
static GtkWidget *
count_badge (gint64 named,
             gint64 counted)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *named_text = g_strdup_printf (g_dngettext (NULL, "%d participant",
                                                              "%d participants", named),
                                                 (int) named);
  /* TRANSLATORS: people in anonymous headcounts, whose names are not kept */
  g_autofree char *counted_text = g_strdup_printf (_("%d counted"), (int) counted);
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (counted > 0 && named > 0)
    text = g_strdup_printf ("%s, %s", named_text, counted_text);
  else
    text = g_strdup (counted > 0 ? counted_text : named_text);
  label = gtk_label_new (text);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("system-users-symbolic"));
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static GtkWidget *
activity_row (ReachActivitiesView *self,
              ReachActivity       *activity,
              GHashTable          *venues,
              GHashTable          *characteristic_of)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = activity_subtitle (activity, venues);
  gint64 named = MAX (reach_activities_count_participants (self->db, activity->id, NULL), 0);
  gint64 counted = counted_people (self->db, activity->id, characteristic_of);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), activity->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Nobody yet at a planned activity is no news. */
  if (named > 0 || counted > 0 || activity->status == REACH_ACTIVITY_DONE)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_badge (named, counted));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "activity-id",
                          g_memdup2 (&activity->id, sizeof activity->id), g_free);
  if (activity->status == REACH_ACTIVITY_CANCELLED)
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static char *
month_title (ReachActivity *activity)
{
  g_autoptr(GDateTime) local = NULL;

  if (activity->starts_at == NULL)
    return g_strdup (_("No Date"));
  local = g_date_time_to_local (activity->starts_at);
  return g_date_time_format (local, "%B %Y");
}

static void on_row_activated (ReachActivitiesView *self,
                              GtkListBoxRow       *row);

static GtkListBox *
add_month (ReachActivitiesView *self,
           const char          *title)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_row_activated), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (section), heading);
  gtk_box_append (GTK_BOX (section), list);
  gtk_box_append (self->months_box, section);
  return GTK_LIST_BOX (list);
}

static void
show_empty (ReachActivitiesView *self,
            const char          *title,
            const char          *description)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static gboolean
filter_is_set (const ReachActivityFilter *filter)
{
  return filter->by_type || filter->by_rung || filter->from != NULL || filter->to != NULL;
}

static void
refresh (ReachActivitiesView *self)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GHashTable) venues = NULL;
  g_autoptr(GHashTable) characteristic_of = NULL;
  g_autoptr(GError) error = NULL;
  ReachActivityFilter filter;
  GtkListBox *list = NULL;
  g_autofree char *current = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->months_box))) != NULL)
    gtk_box_remove (self->months_box, child);
  gtk_widget_set_sensitive (self->add_button, self->db != NULL);

  if (self->db == NULL)
    {
      show_empty (self, _("No Workspace"), _("Open a workspace to see its activities"));
      return;
    }

  read_filter (self, &filter);
  activities = reach_activities_list (self->db, &filter, &error);
  if (activities == NULL)
    {
      show_empty (self, _("Activities Could Not Be Read"), error->message);
    }
  else if (activities->len == 0)
    {
      if (filter_is_set (&filter))
        show_empty (self, _("No Matching Activities"), _("Try other filters"));
      else
        show_empty (self, _("No Activities"),
                    _("Log each engagement activity, who came and what was offered"));
    }
  else
    {
      venues = venue_names (self->db);
      characteristic_of = category_characteristics (self->db);
      for (guint i = 0; i < activities->len; i++)
        {
          ReachActivity *activity = g_ptr_array_index (activities, i);
          g_autofree char *month = month_title (activity);

          if (list == NULL || g_strcmp0 (month, current) != 0)
            {
              list = add_month (self, month);
              g_free (current);
              current = g_steal_pointer (&month);
            }
          gtk_list_box_append (list, activity_row (self, activity, venues, characteristic_of));
        }
      gtk_stack_set_visible_child_name (self->stack, "list");
    }

  g_clear_pointer (&filter.from, g_date_time_unref);
  g_clear_pointer (&filter.to, g_date_time_unref);
}

static void
on_filter_changed (ReachActivitiesView *self)
{
  refresh (self);
}

static void
on_saved (ReachActivitiesView *self)
{
  refresh (self);
}

static void
open_editor (ReachActivitiesView *self,
             ReachActivity       *activity)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor;

  editor = reach_activity_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      self->db, activity);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_add_clicked (ReachActivitiesView *self)
{
  if (self->db != NULL)
    open_editor (self, NULL);
}

static void
on_row_activated (ReachActivitiesView *self,
                  GtkListBoxRow       *row)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "activity-id");
  g_autoptr(ReachActivity) activity = NULL;
  g_autoptr(GError) error = NULL;

  activity = reach_activities_get (self->db, id, &error);
  if (activity == NULL)
    {
      g_warning ("Activity %" G_GINT64_FORMAT ": %s", id, error->message);
      refresh (self);
      return;
    }
  open_editor (self, activity);
}

/* Other pages change what this one shows (a saved activity changes a
 * group's status), so it is read again each time it comes on screen. */
static void
reach_activities_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (reach_activities_view_parent_class)->map (widget);

  refresh (REACH_ACTIVITIES_VIEW (widget));
}

static void
reach_activities_view_dispose (GObject *object)
{
  ReachActivitiesView *self = REACH_ACTIVITIES_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REACH_TYPE_ACTIVITIES_VIEW);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (reach_activities_view_parent_class)->dispose (object);
}

static void
reach_activities_view_class_init (ReachActivitiesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reach_activities_view_dispose;
  widget_class->map = reach_activities_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reachmap/Reach/reach-activities-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ReachActivitiesView, box);
  gtk_widget_class_bind_template_child (widget_class, ReachActivitiesView, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReachActivitiesView, rung_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReachActivitiesView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReachActivitiesView, add_button);
  gtk_widget_class_bind_template_child (widget_class, ReachActivitiesView, stack);
  gtk_widget_class_bind_template_child (widget_class, ReachActivitiesView, months_box);
  gtk_widget_class_bind_template_child (widget_class, ReachActivitiesView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "activitiesview");
}

static void
reach_activities_view_init (ReachActivitiesView *self)
{
  g_autoptr(GListModel) types = type_model ();
  g_autoptr(GListModel) rungs = rung_model ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_model (self->type_dropdown, types);
  gtk_drop_down_set_model (self->rung_dropdown, rungs);
  refresh (self);
}

GtkWidget *
reach_activities_view_new (void)
{
  return g_object_new (REACH_TYPE_ACTIVITIES_VIEW, NULL);
}

void
reach_activities_view_set_db (ReachActivitiesView *self,
                              ReachDb             *db)
{
  g_return_if_fail (REACH_IS_ACTIVITIES_VIEW (self));
  g_return_if_fail (db == NULL || REACH_IS_DB (db));

  g_set_object (&self->db, db);
  /* A page out of sight is read when it is shown (see map). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}
