/* reach-gaps-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The analysis is quick (tens of milliseconds for a characteristic, a few
 * hundred for every LSOA of a city), so it runs here on the main thread
 * when a choice changes rather than in a task with its own connection.
 */
#define G_LOG_DOMAIN "reach-gaps-view"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "reach-baseline.h"
#include "reach-choropleth.h"
#include "reach-classification.h"
#include "reach-gaps-view.h"
#include "reach-ladder.h"
#include "reach-render-chart.h"

/* ---- ReachGapItem ------------------------------------------------------- */

struct _ReachGapItem
{
  GObject      parent_instance;
  ReachGapRow  row;     /* strings owned */
};

G_DEFINE_FINAL_TYPE (ReachGapItem, reach_gap_item, G_TYPE_OBJECT)

static void
reach_gap_item_finalize (GObject *object)
{
  ReachGapItem *self = REACH_GAP_ITEM (object);

  g_free (self->row.category_key);
  g_free (self->row.category_label);
  G_OBJECT_CLASS (reach_gap_item_parent_class)->finalize (object);
}

static void
reach_gap_item_class_init (ReachGapItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reach_gap_item_finalize;
}

static void
reach_gap_item_init (ReachGapItem *self)
{
}

static ReachGapItem *
reach_gap_item_new (const ReachGapRow *row)
{
  ReachGapItem *self = g_object_new (REACH_TYPE_GAP_ITEM, NULL);

  self->row = *row;
  self->row.category_key = g_strdup (row->category_key);
  self->row.category_label = g_strdup (row->category_label);
  return self;
}

const ReachGapRow *
reach_gap_item_get_row (ReachGapItem *self)
{
  g_return_val_if_fail (REACH_IS_GAP_ITEM (self), NULL);
  return &self->row;
}

/* ---- ReachGapsView ------------------------------------------------------ */

#define NOTHING_TO_COMPARE N_("No one with a stated answer was reached in this period — nothing to compare")

static const ReachAreaLevel map_levels[] = {
  REACH_AREA_LEVEL_WARD, REACH_AREA_LEVEL_LSOA, REACH_AREA_LEVEL_MSOA, REACH_AREA_LEVEL_LAD,
};

struct _ReachGapsView
{
  GtkWidget           parent_instance;

  ReachDb            *db;
  gboolean            stale;          /* read again when next on screen */
  gboolean            updating;       /* filling the controls: ignore their signals */
  GStrv               characteristics;
  GHashTable         *scope;          /* area code → area name */
  ReachGapReport     *report;
  GArray             *chart_rows;     /* ReachChartRow, category order; labels borrowed from report */
  ReachLadderSummary *ladder;
  GListStore         *rows;
  GPtrArray          *map_categories; /* char *: category keys after the two fixed modes */
  GArray             *area_reach;     /* ReachAreaReach of area_reach_level, for profiles */
  ReachAreaLevel      area_reach_level;

  GtkWidget          *map;
  ReachAreasLayer    *areas_layer;
  ReachMapLegend     *legend;
  GSimpleAction      *colour_areas;   /* gaps.colour-areas: "none", "reach", "representation" */
  ReachGapsMapMode    shown_mode;     /* what the map was last coloured by, for saved views */
  char               *shown_characteristic;
  char               *shown_category;
  ReachAreaLevel      shown_level;
  char               *shown_from;
  char               *shown_to;

  GtkScrolledWindow  *scroller;
  GtkDropDown        *characteristic_dropdown;
  GtkMenuButton      *scope_button;
  GtkSearchEntry     *scope_search;
  GtkCheckButton     *everywhere_check;
  GtkListBox         *scope_list;
  GtkDropDown        *period_dropdown;
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  GtkCheckButton     *detailed_check;
  GtkLabel           *summary_label;
  GtkDrawingArea     *chart_area;
  GtkDropDown        *map_mode_dropdown;
  GtkDropDown        *map_level_dropdown;
  GtkButton          *show_map_button;
  GtkColumnView      *table;
  GtkLabel           *notes_label;
  GtkDrawingArea     *ladder_area;
  GtkLabel           *suspects_label;
  GtkLabel           *fed_back_label;
};

G_DEFINE_FINAL_TYPE (ReachGapsView, reach_gaps_view, GTK_TYPE_WIDGET)

static void refresh (ReachGapsView *self);
static void remember_shown (ReachGapsView    *self,
                            ReachGapsMapMode  mode,
                            const char       *category_key,
                            ReachAreaLevel    level);

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
clear_area_reach (ReachGapsView *self)
{
  /* the array frees its rows' strings itself */
  g_clear_pointer (&self->area_reach, g_array_unref);
}

/* ---- the period --------------------------------------------------------- */

/* from and to for the analysis: NULL for an open end. */
static void
get_period (ReachGapsView  *self,
            char          **from,
            char          **to)
{
  guint preset = gtk_drop_down_get_selected (self->period_dropdown);

  *from = *to = NULL;
  if (preset == 1)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) year_ago = g_date_time_add_years (now, -1);

      *from = g_date_time_format (year_ago, "%Y-%m-%d");
      *to = g_date_time_format (now, "%Y-%m-%d");
    }
  else if (preset == 2)
    {
      const char *f = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
      const char *t = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));

      *from = *f != '\0' ? g_strstrip (g_strdup (f)) : NULL;
      *to = *t != '\0' ? g_strstrip (g_strdup (t)) : NULL;
    }
}

/* ---- the chart ---------------------------------------------------------- */

static ReachChartStyle
gap_chart_style (ReachGapsView *self)
{
  ReachChartStyle style = {
    _("Population share"), _("Reached share"), TRUE, TRUE, NULL, is_dark (), 1.0,
  };

  if (self->report == NULL)
    style.message = _("Choose a characteristic with a baseline to compare");
  else if (self->report->n == 0)
    style.message = _(NOTHING_TO_COMPARE);
  else if (self->report->population == 0)
    style.message = _("There is no census baseline for this characteristic in the areas chosen — nothing to compare with");
  return style;
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  ReachGapsView *self = REACH_GAPS_VIEW (user_data);
  ReachChartStyle style = gap_chart_style (self);
  guint n = self->chart_rows != NULL ? self->chart_rows->len : 0;

  reach_render_chart (cr, n > 0 ? (ReachChartRow *) (gpointer) self->chart_rows->data : NULL,
                      n, &style, width, NULL, NULL);
}

static void
size_chart (ReachGapsView *self)
{
  ReachChartStyle style = gap_chart_style (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self->chart_area));
  guint n = self->chart_rows != NULL ? self->chart_rows->len : 0;
  double height;

  if (width <= 0)
    width = 600;
  reach_render_chart (NULL, n > 0 ? (ReachChartRow *) (gpointer) self->chart_rows->data : NULL,
                      n, &style, width, NULL, &height);
  gtk_drawing_area_set_content_height (self->chart_area, (int) ceil (height));
  gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
}

/* ---- the ladder --------------------------------------------------------- */

static GArray *
ladder_rows (ReachLadderSummary *ladder)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (ReachChartRow));

  /* highest rung first, as a ladder is drawn; "not recorded" last */
  for (int rung = REACH_N_LADDER_RUNGS - 1; ladder != NULL && rung >= 0; rung--)
    {
      ReachChartRow row = { reach_ladder_rung_label (rung), ladder->activity_share[rung],
                            ladder->participation_share[rung], NAN, NAN, REACH_GAP_NO_DATA };

      g_array_append_val (rows, row);
    }
  if (ladder != NULL && ladder->activities_by_rung[REACH_N_LADDER_RUNGS] > 0)
    {
      ReachChartRow row = { _("Rung not recorded"),
                            ladder->activity_share[REACH_N_LADDER_RUNGS],
                            ladder->participation_share[REACH_N_LADDER_RUNGS],
                            NAN, NAN, REACH_GAP_NO_DATA };

      g_array_append_val (rows, row);
    }
  return rows;
}

static ReachChartStyle
ladder_style (ReachGapsView *self)
{
  ReachChartStyle style = {
    _("Activities"), _("Participation"), FALSE, FALSE, NULL, is_dark (), 1.0,
  };

  if (self->ladder == NULL || self->ladder->n_activities == 0)
    style.message = _("No activities in this period");
  return style;
}

static void
draw_ladder (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  ReachGapsView *self = REACH_GAPS_VIEW (user_data);
  g_autoptr(GArray) rows = ladder_rows (self->ladder);
  ReachChartStyle style = ladder_style (self);

  reach_render_chart (cr, (ReachChartRow *) (gpointer) rows->data, rows->len, &style,
                      width, NULL, NULL);
}

static void
size_ladder (ReachGapsView *self)
{
  g_autoptr(GArray) rows = ladder_rows (self->ladder);
  ReachChartStyle style = ladder_style (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self->ladder_area));
  double height;

  reach_render_chart (NULL, (ReachChartRow *) (gpointer) rows->data, rows->len, &style,
                      width > 0 ? width : 600, NULL, &height);
  gtk_drawing_area_set_content_height (self->ladder_area, (int) ceil (height));
  gtk_widget_queue_draw (GTK_WIDGET (self->ladder_area));
}

static void
on_chart_resize (ReachGapsView *self)
{
  size_chart (self);
  size_ladder (self);
}

static void
show_ladder (ReachGapsView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  ReachLadderSummary *ladder = self->ladder;

  size_ladder (self);

  if (ladder == NULL || isnan (ladder->usual_suspects_share))
    gtk_label_set_text (self->suspects_label, _("Nobody named took part in this period."));
  else
    {
      g_autofree char *line = NULL;

      /* Translators: "62% of participation comes from the most frequent
       * 10% of participants (4 of 35 people)." */
      line = g_strdup_printf (_("%.0f%% of participation comes from the most frequent 10%% of participants (%u of %u people)."),
                              100 * ladder->usual_suspects_share,
                              ladder->n_usual_suspects, ladder->n_participants);
      gtk_label_set_text (self->suspects_label, line);
    }

  if (ladder == NULL || ladder->groups_not_fed_back->len == 0)
    {
      gtk_label_set_text (self->fed_back_label,
                          _("Every group’s “you said” items from this period have been fed back."));
      return;
    }
  g_string_append (text, _("Groups whose “you said” items were never fed back:"));
  for (guint i = 0; i < ladder->groups_not_fed_back->len; i++)
    {
      ReachLadderGroup *g = &g_array_index (ladder->groups_not_fed_back, ReachLadderGroup, i);

      g_string_append (text, "\n• ");
      if (g->n_not_fed_back == g->n_said)
        g_string_append_printf (text, ngettext ("%s — its %u item, none fed back",
                                                "%s — its %u items, none fed back", g->n_said),
                                g->name, g->n_said);
      else
        g_string_append_printf (text, _("%s — %u of %u items not fed back"),
                                g->name, g->n_not_fed_back, g->n_said);
    }
  gtk_label_set_text (self->fed_back_label, text->str);
}

/* ---- the table ---------------------------------------------------------- */

typedef enum
{
  COL_CATEGORY,
  COL_POPULATION,
  COL_REACHED,
  COL_SHARE,
  COL_RATIO,
  COL_EXPECTED,
  COL_SHORTFALL,
  COL_FLAG,
} Column;

static char *
format_share (double share)
{
  if (isnan (share))
    return g_strdup ("—");
  return g_strdup_printf ("%.1f%%", 100 * share);
}

static char *
format_number (double value,
               int    digits)
{
  if (isnan (value))
    return g_strdup ("—");
  return g_strdup_printf ("%.*f", digits, value);
}

static char *
cell_text (ReachGapsView     *self,
           const ReachGapRow *row,
           Column             column)
{
  switch (column)
    {
    case COL_CATEGORY:
      if (!row->in_baseline)
        /* Translators: a category the census does not count */
        return g_strdup_printf (_("%s (not in the baseline)"), row->category_label);
      return g_strdup (row->category_label);
    case COL_POPULATION:
      return format_share (row->population_share);
    case COL_REACHED:
      /* Translators: k of n people reached, "8 of 20" */
      return g_strdup_printf (_("%" PRId64 " of %" PRId64),
                              row->reached, self->report != NULL ? self->report->n : 0);
    case COL_SHARE:
      {
        g_autofree char *share = format_share (row->reached_share);
        g_autofree char *low = NULL;
        g_autofree char *high = NULL;

        if (isnan (row->ci_low))
          return g_steal_pointer (&share);
        low = format_number (100 * row->ci_low, 1);
        high = format_number (100 * row->ci_high, 1);
        /* Translators: a share with its 95% interval, "40.0% (21.9–61.3)" */
        return g_strdup_printf (_("%s (%s–%s)"), share, low, high);
      }
    case COL_RATIO:
      return format_number (row->ratio, 2);
    case COL_EXPECTED:
      return format_number (row->expected, 1);
    case COL_SHORTFALL:
      return format_number (row->shortfall, 1);
    case COL_FLAG:
    default:
      return g_strdup (reach_gap_flag_label (row->flag));
    }
}

static const char *
flag_icon (ReachGapFlag flag)
{
  switch (flag)
    {
    case REACH_GAP_NOT_REACHED:          return "action-unavailable-symbolic";
    case REACH_GAP_SIGNIFICANTLY_UNDER:  return "dialog-warning-symbolic";
    case REACH_GAP_UNDER:                return "go-down-symbolic";
    case REACH_GAP_OVER:                 return "go-up-symbolic";
    case REACH_GAP_IN_LINE:              return "object-select-symbolic";
    case REACH_GAP_NO_DATA:
    case REACH_N_GAP_FLAGS:
    default:                             return NULL;   /* the words alone */
    }
}

static const char *
flag_css (ReachGapFlag flag)
{
  switch (flag)
    {
    case REACH_GAP_NOT_REACHED:
    case REACH_GAP_SIGNIFICANTLY_UNDER:  return "error";
    case REACH_GAP_UNDER:                return "warning";
    case REACH_GAP_OVER:                 return "accent";
    case REACH_GAP_IN_LINE:              return "success";
    case REACH_GAP_NO_DATA:
    case REACH_N_GAP_FLAGS:
    default:                             return "dim-label";
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COL_CATEGORY || column == COL_FLAG ? 0 : 1);
  if (column == COL_CATEGORY)
    {
      /* one line: the list's height is only right when rows are alike;
       * the chart above and the tooltip give the whole label */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 44);
    }
  else
    gtk_widget_add_css_class (label, "numeric");

  if (column == COL_FLAG)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_box_append (GTK_BOX (box), gtk_image_new ());
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (item, box);
      return;
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  ReachGapsView *self = REACH_GAPS_VIEW (user_data);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  const ReachGapRow *row = reach_gap_item_get_row (gtk_list_item_get_item (item));
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (self, row, column);

  if (column == COL_FLAG)
    {
      GtkWidget *image = gtk_widget_get_first_child (child);
      GtkWidget *label = gtk_widget_get_last_child (child);
      static const char *classes[] = { "error", "warning", "accent", "success", "dim-label" };

      gtk_image_set_from_icon_name (GTK_IMAGE (image), flag_icon (row->flag));
      for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
        gtk_widget_remove_css_class (child, classes[i]);
      gtk_widget_add_css_class (child, flag_css (row->flag));
      gtk_label_set_text (GTK_LABEL (label), text);
      if (row->flag != REACH_GAP_IN_LINE && row->flag != REACH_GAP_NO_DATA)
        gtk_widget_add_css_class (label, "heading");
      else
        gtk_widget_remove_css_class (label, "heading");
      return;
    }
  gtk_label_set_text (GTK_LABEL (child), text);
  if (column == COL_CATEGORY)
    gtk_widget_set_tooltip_text (child, text);
}

static void
add_column (ReachGapsView *self,
            const char    *title,
            Column         column,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_append_column (self->table, col);
  g_object_unref (col);
}

static void
set_up_table (ReachGapsView *self)
{
  self->rows = g_list_store_new (REACH_TYPE_GAP_ITEM);
  gtk_column_view_set_model (self->table,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)))));
  add_column (self, _("Category"), COL_CATEGORY, TRUE);
  add_column (self, _("Population"), COL_POPULATION, FALSE);
  add_column (self, _("Reached"), COL_REACHED, FALSE);
  add_column (self, _("Share (95% interval)"), COL_SHARE, FALSE);
  add_column (self, _("Ratio"), COL_RATIO, FALSE);
  add_column (self, _("Expected"), COL_EXPECTED, FALSE);
  add_column (self, _("Shortfall"), COL_SHORTFALL, FALSE);
  add_column (self, _("Flag"), COL_FLAG, FALSE);
}

/* ---- the map ------------------------------------------------------------ */

/* Drop-downs whose items are long ONS labels: ellipsized, so a phone-wide
 * window still fits them, with the whole label as a tooltip. */
static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_list_item_set_child (item, label);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

static void
ellipsize_drop_down (GtkDropDown *drop_down)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), NULL);
  gtk_drop_down_set_factory (drop_down, factory);
  g_object_unref (factory);
}

static void
fill_map_modes (ReachGapsView *self)
{
  g_autoptr(GtkStringList) modes = gtk_string_list_new (NULL);
  g_autofree char *previous = NULL;
  guint selected = gtk_drop_down_get_selected (self->map_mode_dropdown), keep = 1;

  if (selected != GTK_INVALID_LIST_POSITION && selected >= 2 &&
      selected - 2 < self->map_categories->len)
    previous = g_strdup (g_ptr_array_index (self->map_categories, selected - 2));
  else if (selected == 0)
    keep = 0;

  g_ptr_array_set_size (self->map_categories, 0);
  gtk_string_list_append (modes, _("Nothing"));
  gtk_string_list_append (modes, _("Reach per 1,000 residents"));
  for (guint i = 0; self->report != NULL && i < self->report->rows->len; i++)
    {
      ReachGapRow *row = &g_array_index (self->report->rows, ReachGapRow, i);
      g_autofree char *label = NULL;

      if (!row->in_baseline)
        continue;
      /* Translators: a map mode, "Representation of Black, Black British…" */
      label = g_strdup_printf (_("Representation of %s"), row->category_label);
      gtk_string_list_append (modes, label);
      g_ptr_array_add (self->map_categories, g_strdup (row->category_key));
      if (g_strcmp0 (previous, row->category_key) == 0)
        keep = self->map_categories->len + 1;
    }
  gtk_drop_down_set_model (self->map_mode_dropdown, G_LIST_MODEL (modes));
  gtk_drop_down_set_selected (self->map_mode_dropdown, keep);
}

static void
fill_map_levels (ReachGapsView *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (map_levels); i++)
    gtk_string_list_append (levels, reach_area_level_label (map_levels[i]));
  gtk_drop_down_set_model (self->map_level_dropdown, G_LIST_MODEL (levels));
  gtk_drop_down_set_selected (self->map_level_dropdown, 0);
}

static gboolean
ensure_area_reach (ReachGapsView  *self,
                   ReachAreaLevel  level,
                   GError        **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GArray *reach;

  if (self->area_reach != NULL && self->area_reach_level == level)
    return TRUE;
  get_period (self, &from, &to);
  reach = reach_gaps_area_reach (self->db, level, from, to, error);
  if (reach == NULL)
    return FALSE;
  clear_area_reach (self);
  self->area_reach = reach;
  self->area_reach_level = level;
  return TRUE;
}

static GArray *
reach_values (ReachGapsView    *self,
              ReachChoropleth **choropleth)
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (ReachAreaValue));
  g_autofree double *numbers = g_new (double, MAX (self->area_reach->len, 1));

  for (guint i = 0; i < self->area_reach->len; i++)
    {
      ReachAreaReach *a = &g_array_index (self->area_reach, ReachAreaReach, i);
      ReachAreaValue v = { a->area_id, a->per_1000, a->not_reached && a->residents > 0 };

      g_array_append_val (values, v);
      /* the classes are of the areas reached: not reached has its hatch */
      numbers[i] = v.not_reached ? NAN : a->per_1000;
    }
  *choropleth = reach_choropleth_new_quantiles (numbers, self->area_reach->len, 5, 1,
                                                _("People reached per 1,000 residents"));
  /* nobody with a known address reached anywhere: every area hatched */
  if (*choropleth == NULL)
    *choropleth = reach_choropleth_new_breaks (NULL, 0, 1, _("People reached per 1,000 residents"));
  return values;
}

static GArray *
representation_values (ReachGapsView    *self,
                       const char       *category_key,
                       ReachAreaLevel    level,
                       ReachChoropleth **choropleth,
                       GError          **error)
{
  static const double breaks[] = { 0, 0.5, 0.8, 1.25, 2, 5 };
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(ReachCategory) category = NULL;
  GArray *values;
  double top = 5;

  get_period (self, &from, &to);
  rows = reach_gaps_by_area (self->db, level, self->report->characteristic_key, category_key,
                             from, to, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < self->area_reach->len; i++)
    {
      ReachAreaReach *a = &g_array_index (self->area_reach, ReachAreaReach, i);
      g_hash_table_insert (ids, a->code, a);
    }

  values = g_array_new (FALSE, FALSE, sizeof (ReachAreaValue));
  for (guint i = 0; i < rows->len; i++)
    {
      ReachGapRow *row = &g_array_index (rows, ReachGapRow, i);
      ReachAreaReach *a = g_hash_table_lookup (ids, row->category_key);
      ReachAreaValue v;

      if (a == NULL)
        continue;
      v.area_id = a->area_id;
      v.value = row->ratio;
      /* nobody there with a stated answer (n = 0, so expected is 0 where
       * the category lives) is not reached too, not merely "no data" */
      v.not_reached = row->flag == REACH_GAP_NOT_REACHED ||
                      (row->population > 0 && row->expected == 0);
      if (!isnan (row->ratio))
        top = MAX (top, ceil (row->ratio));
      g_array_append_val (values, v);
    }
  category = reach_categories_find (self->db, self->report->characteristic_key, category_key, NULL);
  /* Translators: the key's title; the ratio is reached share ÷ population share */
  title = g_strdup_printf (_("Representation of %s (reached ÷ population share)"),
                           category != NULL ? category->label : category_key);
  *choropleth = reach_choropleth_new_breaks ((double[]) { breaks[0], breaks[1], breaks[2],
                                                          breaks[3], breaks[4], top },
                                             5, 2, title);
  return values;
}

static void
set_layer_level (ReachGapsView  *self,
                 ReachAreaLevel  level)
{
  g_autoptr(GPtrArray) areas = reach_areas_list (self->db, level, NULL);

  if (areas != NULL && areas->len > 0)
    reach_areas_layer_set_areas (self->areas_layer, areas);
}

gboolean
reach_gaps_view_show_on_map (ReachGapsView    *self,
                             ReachGapsMapMode  mode,
                             const char       *category_key,
                             ReachAreaLevel    level,
                             GError          **error)
{
  g_autoptr(GArray) values = NULL;
  g_autoptr(ReachChoropleth) choropleth = NULL;

  g_return_val_if_fail (REACH_IS_GAPS_VIEW (self), FALSE);
  g_return_val_if_fail (mode != REACH_GAPS_MAP_REPRESENTATION || category_key != NULL, FALSE);

  if (self->areas_layer == NULL || self->db == NULL)
    return FALSE;

  reach_areas_layer_set_highlighted (self->areas_layer, 0);
  reach_map_legend_set_profile (self->legend, NULL, NULL);
  g_simple_action_set_state (self->colour_areas,
                             g_variant_new_string (mode == REACH_GAPS_MAP_NONE ? "none"
                                                   : mode == REACH_GAPS_MAP_REACH ? "reach"
                                                   : "representation"));
  if (mode == REACH_GAPS_MAP_NONE)
    {
      reach_areas_layer_set_choropleth (self->areas_layer, NULL, NULL, 0);
      reach_map_legend_set_choropleth (self->legend, NULL);
      set_layer_level (self, REACH_AREA_LEVEL_WARD);
      remember_shown (self, mode, NULL, REACH_AREA_LEVEL_WARD);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.page", "s", "map");
      return TRUE;
    }

  if (!ensure_area_reach (self, level, error))
    return FALSE;
  if (mode == REACH_GAPS_MAP_REACH)
    values = reach_values (self, &choropleth);
  else if (self->report != NULL)
    values = representation_values (self, category_key, level, &choropleth, error);
  if (values == NULL)
    return FALSE;

  set_layer_level (self, level);
  reach_areas_layer_set_choropleth (self->areas_layer, choropleth,
                                    (ReachAreaValue *) (gpointer) values->data, values->len);
  reach_map_legend_set_choropleth (self->legend, choropleth);
  gtk_widget_set_visible (GTK_WIDGET (self->legend), TRUE);
  remember_shown (self, mode, category_key, level);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.page", "s", "map");
  return TRUE;
}

/* What the map now shows, kept so a saved view can colour it again. */
static void
remember_shown (ReachGapsView    *self,
                ReachGapsMapMode  mode,
                const char       *category_key,
                ReachAreaLevel    level)
{
  self->shown_mode = mode;
  self->shown_level = level;
  g_clear_pointer (&self->shown_characteristic, g_free);
  g_clear_pointer (&self->shown_category, g_free);
  g_clear_pointer (&self->shown_from, g_free);
  g_clear_pointer (&self->shown_to, g_free);
  if (mode == REACH_GAPS_MAP_NONE)
    return;
  if (mode == REACH_GAPS_MAP_REPRESENTATION && self->report != NULL)
    {
      self->shown_characteristic = g_strdup (self->report->characteristic_key);
      self->shown_category = g_strdup (category_key);
    }
  get_period (self, &self->shown_from, &self->shown_to);
}

ReachGapsMapMode
reach_gaps_view_get_shown (ReachGapsView   *self,
                           const char     **characteristic,
                           const char     **category_key,
                           ReachAreaLevel  *level,
                           const char     **from,
                           const char     **to)
{
  g_return_val_if_fail (REACH_IS_GAPS_VIEW (self), REACH_GAPS_MAP_NONE);

  *characteristic = self->shown_characteristic;
  *category_key = self->shown_category;
  *level = self->shown_level;
  *from = self->shown_from;
  *to = self->shown_to;
  return self->shown_mode;
}

/* The period control set to from..to (both NULL: all time); it reads the
 * workspace again when that changes. */
static void
set_period (ReachGapsView *self,
            const char    *from,
            const char    *to)
{
  if (from == NULL && to == NULL)
    {
      gtk_drop_down_set_selected (self->period_dropdown, 0);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from != NULL ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to != NULL ? to : "");
  if (gtk_drop_down_get_selected (self->period_dropdown) != 2)
    gtk_drop_down_set_selected (self->period_dropdown, 2);
  else
    refresh (self);
}

gboolean
reach_gaps_view_show_saved (ReachGapsView    *self,
                            ReachGapsMapMode  mode,
                            const char       *characteristic,
                            const char       *category_key,
                            ReachAreaLevel    level,
                            const char       *from,
                            const char       *to,
                            GError          **error)
{
  g_return_val_if_fail (REACH_IS_GAPS_VIEW (self), FALSE);

  if (self->db == NULL)
    return FALSE;
  if (mode == REACH_GAPS_MAP_NONE)
    return reach_gaps_view_show_on_map (self, mode, NULL, level, error);
  if (self->characteristics == NULL || self->stale)
    reach_gaps_view_reload (self);
  if (mode == REACH_GAPS_MAP_REPRESENTATION &&
      (category_key == NULL || characteristic == NULL ||
       !reach_gaps_view_set_characteristic (self, characteristic)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The saved view colours areas by “%s”, which this workspace has no baseline for"),
                   characteristic != NULL ? characteristic : "?");
      return FALSE;
    }
  set_period (self, from, to);
  return reach_gaps_view_show_on_map (self, mode, category_key, level, error);
}

static void
on_show_map_clicked (ReachGapsView *self)
{
  guint mode = gtk_drop_down_get_selected (self->map_mode_dropdown);
  guint level = gtk_drop_down_get_selected (self->map_level_dropdown);
  g_autoptr(GError) error = NULL;
  const char *key = NULL;

  if (mode >= 2 && mode - 2 < self->map_categories->len)
    key = g_ptr_array_index (self->map_categories, mode - 2);
  if (!reach_gaps_view_show_on_map (self, MIN (mode, REACH_GAPS_MAP_REPRESENTATION), key,
                                    map_levels[MIN (level, G_N_ELEMENTS (map_levels) - 1)],
                                    &error) && error != NULL)
    gtk_label_set_text (self->summary_label, error->message);
}

void
reach_gaps_view_show_area_profile (ReachGapsView *self,
                                   gint64         area_id)
{
  ReachArea *area;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (REACH_IS_GAPS_VIEW (self));

  if (self->areas_layer == NULL)
    return;
  area = area_id != 0 ? reach_areas_layer_get_area (self->areas_layer, area_id) : NULL;
  reach_areas_layer_set_highlighted (self->areas_layer, area != NULL ? area_id : 0);
  if (area == NULL || !ensure_area_reach (self, area->level, NULL))
    {
      reach_map_legend_set_profile (self->legend, NULL, NULL);
      return;
    }

  g_ptr_array_add (lines, g_strdup_printf ("%s · %s", area->code, reach_area_level_label (area->level)));
  for (guint i = 0; i < self->area_reach->len; i++)
    {
      ReachAreaReach *a = &g_array_index (self->area_reach, ReachAreaReach, i);

      if (a->area_id != area_id)
        continue;
      if (a->residents > 0)
        g_ptr_array_add (lines, g_strdup_printf (_("Residents: %" PRId64), a->residents));
      else
        g_ptr_array_add (lines, g_strdup (_("Residents: not known")));
      if (a->not_reached)
        g_ptr_array_add (lines, g_strdup (_("People reached: none — not reached")));
      else if (!isnan (a->per_1000))
        g_ptr_array_add (lines, g_strdup_printf (_("People reached: %" PRId64 " (%.1f per 1,000)"),
                                                 a->reached, a->per_1000));
      else
        g_ptr_array_add (lines, g_strdup_printf (_("People reached: %" PRId64), a->reached));
      if (a->imd_decile > 0)
        g_ptr_array_add (lines, g_strdup_printf (_("Deprivation decile: %d (1 is most deprived)"),
                                                 a->imd_decile));
    }
  g_ptr_array_add (lines, NULL);
  reach_map_legend_set_profile (self->legend, area->name, (const char * const *) lines->pdata);
  gtk_widget_set_visible (GTK_WIDGET (self->legend), TRUE);
}

static void
on_map_released (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 ReachGapsView   *self)
{
  graphene_point_t in_layer;

  if (n_press != 1 || self->areas_layer == NULL ||
      reach_areas_layer_get_choropleth (self->areas_layer) == NULL)
    return;
  if (!gtk_widget_compute_point (self->map, GTK_WIDGET (self->areas_layer),
                                 &GRAPHENE_POINT_INIT (x, y), &in_layer))
    return;
  reach_gaps_view_show_area_profile (self,
                                     reach_areas_layer_area_at (self->areas_layer,
                                                                in_layer.x, in_layer.y));
}

/* The map's menu: Colour Areas By Nothing, or by reach per 1,000, at the
 * level chosen on this page.  A category's representation is chosen here. */
static void
colour_areas_change_state (GSimpleAction *action,
                           GVariant      *state,
                           gpointer       user_data)
{
  ReachGapsView *self = REACH_GAPS_VIEW (user_data);
  const char *mode = g_variant_get_string (state, NULL);
  guint level = gtk_drop_down_get_selected (self->map_level_dropdown);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (mode, "representation") == 0)
    {
      /* the category is chosen on the Gaps page */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.page", "s", "gaps");
      gtk_widget_grab_focus (GTK_WIDGET (self->map_mode_dropdown));
      return;
    }
  if (self->db == NULL)
    return;
  if (self->report == NULL && self->characteristics == NULL)
    reach_gaps_view_reload (self);
  if (!reach_gaps_view_show_on_map (self, g_strcmp0 (mode, "reach") == 0 ? REACH_GAPS_MAP_REACH
                                                                          : REACH_GAPS_MAP_NONE,
                                    NULL, map_levels[MIN (level, G_N_ELEMENTS (map_levels) - 1)],
                                    &error) && error != NULL)
    g_warning ("Could not colour the areas: %s", error->message);
}

void
reach_gaps_view_set_map (ReachGapsView   *self,
                         GtkWidget       *map,
                         ReachAreasLayer *layer,
                         ReachMapLegend  *legend)
{
  GtkGesture *click;

  g_return_if_fail (REACH_IS_GAPS_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (map));
  g_return_if_fail (REACH_IS_AREAS_LAYER (layer));
  g_return_if_fail (REACH_IS_MAP_LEGEND (legend));

  /* the window owns all three and outlives this page */
  self->map = map;
  self->areas_layer = layer;
  self->legend = legend;

  /* the window's menu reaches these through the window */
  {
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
    GtkWidget *window = gtk_widget_get_ancestor (map, GTK_TYPE_WINDOW);

    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->colour_areas));
    gtk_widget_insert_action_group (window != NULL ? window : map, "gaps", G_ACTION_GROUP (group));
  }

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_map_released), self, 0);
  gtk_widget_add_controller (map, GTK_EVENT_CONTROLLER (click));
}

/* ---- the scope ---------------------------------------------------------- */

static void
update_scope_label (ReachGapsView *self)
{
  guint n = g_hash_table_size (self->scope);
  g_autofree char *label = NULL;

  if (n == 0)
    label = g_strdup (_("Everywhere"));
  else if (n == 1)
    {
      GHashTableIter iter;
      gpointer name;

      g_hash_table_iter_init (&iter, self->scope);
      g_hash_table_iter_next (&iter, NULL, &name);
      label = g_strdup (name);
    }
  else
    label = g_strdup_printf (ngettext ("%u area", "%u areas", n), n);
  gtk_menu_button_set_label (self->scope_button, label);
}

static void
on_area_toggled (GtkCheckButton *check,
                 ReachGapsView  *self)
{
  const char *code = g_object_get_data (G_OBJECT (check), "code");

  if (self->updating)
    return;
  if (gtk_check_button_get_active (check))
    g_hash_table_replace (self->scope, g_strdup (code),
                          g_strdup (g_object_get_data (G_OBJECT (check), "name")));
  else
    g_hash_table_remove (self->scope, code);

  self->updating = TRUE;
  gtk_check_button_set_active (self->everywhere_check, g_hash_table_size (self->scope) == 0);
  self->updating = FALSE;
  update_scope_label (self);
  refresh (self);
}

static void
on_everywhere_toggled (ReachGapsView *self)
{
  GtkWidget *row;

  if (self->updating || !gtk_check_button_get_active (self->everywhere_check))
    return;

  self->updating = TRUE;
  g_hash_table_remove_all (self->scope);
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->scope_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))),
                                   FALSE);
  self->updating = FALSE;
  update_scope_label (self);
  refresh (self);
}

static gboolean
filter_scope_row (GtkListBoxRow *row,
                  gpointer       user_data)
{
  ReachGapsView *self = REACH_GAPS_VIEW (user_data);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->scope_search));
  GtkWidget *check = gtk_list_box_row_get_child (row);
  g_autofree char *needle = NULL;
  g_autofree char *hay = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  needle = g_utf8_casefold (text, -1);
  hay = g_utf8_casefold (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), -1);
  return strstr (hay, needle) != NULL;
}

/* Wards, MSOAs and authorities: the areas people ask about.  The 488 LSOAs
 * of a city would bury them. */
static void
fill_scope_list (ReachGapsView *self)
{
  static const ReachAreaLevel levels[] = {
    REACH_AREA_LEVEL_LAD, REACH_AREA_LEVEL_WARD, REACH_AREA_LEVEL_MSOA,
  };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->scope_list))) != NULL)
    gtk_list_box_remove (self->scope_list, child);
  g_hash_table_remove_all (self->scope);
  gtk_check_button_set_active (self->everywhere_check, TRUE);
  update_scope_label (self);

  for (guint l = 0; self->db != NULL && l < G_N_ELEMENTS (levels); l++)
    {
      g_autoptr(GPtrArray) areas = reach_areas_list (self->db, levels[l], NULL);

      for (guint i = 0; areas != NULL && i < areas->len; i++)
        {
          ReachArea *area = g_ptr_array_index (areas, i);
          g_autofree char *label = g_strdup_printf ("%s (%s)", area->name,
                                                    reach_area_level_label (area->level));
          GtkWidget *check = gtk_check_button_new_with_label (label);

          g_object_set_data_full (G_OBJECT (check), "code", g_strdup (area->code), g_free);
          g_object_set_data_full (G_OBJECT (check), "name", g_strdup (area->name), g_free);
          g_signal_connect (check, "toggled", G_CALLBACK (on_area_toggled), self);
          gtk_list_box_append (self->scope_list, check);
        }
    }
}

/* ---- the analysis ------------------------------------------------------- */

static void
show_report (ReachGapsView *self)
{
  g_autoptr(GString) notes = g_string_new (NULL);

  g_array_set_size (self->chart_rows, 0);
  g_list_store_remove_all (self->rows);

  if (self->report == NULL)
    {
      gtk_label_set_text (self->notes_label, "");
      size_chart (self);
      return;
    }

  for (guint i = 0; i < self->report->rows->len; i++)
    {
      ReachGapRow *row = &g_array_index (self->report->rows, ReachGapRow, i);
      ReachChartRow c = { row->category_label, row->population_share, row->reached_share,
                          row->ci_low, row->ci_high, row->flag };

      g_array_append_val (self->chart_rows, c);
    }
  /* the chart keeps category order; the table reads by shortfall.  The
   * labels the chart borrows move with their rows, not in memory. */
  reach_gap_report_sort_by_shortfall (self->report);
  for (guint i = 0; i < self->report->rows->len; i++)
    {
      g_autoptr(ReachGapItem) item =
        reach_gap_item_new (&g_array_index (self->report->rows, ReachGapRow, i));
      g_list_store_append (self->rows, item);
    }

  for (guint i = 0; i < self->report->notes->len; i++)
    {
      if (notes->len > 0)
        g_string_append_c (notes, '\n');
      g_string_append (notes, g_ptr_array_index (self->report->notes, i));
    }
  gtk_label_set_text (self->notes_label, notes->str);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes->len > 0);
  size_chart (self);
}

static void
show_summary (ReachGapsView *self)
{
  g_autofree char *text = NULL;
  ReachGapReport *r = self->report;

  if (r->n == 0)
    text = g_strdup_printf (_("%s: nobody reached with a stated answer"), r->characteristic_label);
  else
    /* Translators: "Ethnic group: 42 people reached with a stated answer
     * (30 named, 12 counted at events)" */
    text = g_strdup_printf (_("%s: %" PRId64 " people reached with a stated answer (%" PRId64 " named, %" PRId64 " counted at events)"),
                            r->characteristic_label, r->n, r->n_named, r->n_headcount);
  gtk_label_set_text (self->summary_label, text);
}

static void
refresh (ReachGapsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  ReachGapQuery query = { 0 };
  guint selected;
  GHashTableIter iter;
  gpointer code;

  if (self->updating)
    return;

  g_clear_pointer (&self->report, reach_gap_report_free);
  g_clear_pointer (&self->ladder, reach_ladder_summary_free);
  clear_area_reach (self);

  selected = gtk_drop_down_get_selected (self->characteristic_dropdown);
  if (self->db == NULL || self->characteristics == NULL ||
      selected >= g_strv_length (self->characteristics))
    {
      gtk_label_set_text (self->summary_label, self->db != NULL
                          ? _("No census baselines in this workspace yet: import one to compare with")
                          : "");
      show_report (self);
      fill_map_modes (self);
      show_ladder (self);
      return;
    }

  g_hash_table_iter_init (&iter, self->scope);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    g_ptr_array_add (codes, code);
  g_ptr_array_add (codes, NULL);
  get_period (self, &from, &to);

  query.characteristic = self->characteristics[selected];
  query.scope = (const char * const *) codes->pdata;
  query.from = from;
  query.to = to;
  query.detailed = gtk_check_button_get_active (self->detailed_check);

  self->report = reach_gaps_analyse (self->db, &query, &error);
  if (self->report == NULL)
    gtk_label_set_text (self->summary_label, error->message);
  else
    show_summary (self);
  show_report (self);

  self->ladder = reach_ladder_summarise (self->db, from, to, NULL);
  show_ladder (self);

  self->updating = TRUE;
  fill_map_modes (self);
  self->updating = FALSE;
}

static void
fill_characteristics (ReachGapsView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *previous = NULL;
  guint selected = 0, current = gtk_drop_down_get_selected (self->characteristic_dropdown);
  gboolean kept = FALSE;

  /* the choice stays across reloads while the workspace has it */
  if (self->characteristics != NULL && current < g_strv_length (self->characteristics))
    previous = g_strdup (self->characteristics[current]);
  g_clear_pointer (&self->characteristics, g_strfreev);
  if (self->db != NULL)
    {
      self->characteristics = reach_baselines_list_characteristics (self->db, &error);
      if (self->characteristics == NULL)
        g_warning ("Could not read the baselines: %s", error->message);
    }

  for (guint i = 0; self->characteristics != NULL && self->characteristics[i] != NULL; i++)
    {
      g_autoptr(ReachCharacteristic) c =
        reach_characteristics_get (self->db, self->characteristics[i], NULL);

      gtk_string_list_append (labels, c != NULL ? c->label : self->characteristics[i]);
      if (g_strcmp0 (self->characteristics[i], previous) == 0)
        {
          selected = i;
          kept = TRUE;
        }
      else if (!kept && g_strcmp0 (self->characteristics[i], "ethnic_group") == 0)
        selected = i;
    }
  gtk_drop_down_set_model (self->characteristic_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->characteristic_dropdown, selected);
}

void
reach_gaps_view_reload (ReachGapsView *self)
{
  g_return_if_fail (REACH_IS_GAPS_VIEW (self));

  self->updating = TRUE;
  fill_characteristics (self);
  /* a new workspace has other areas; the same one keeps the scope chosen */
  if (self->stale)
    fill_scope_list (self);
  self->stale = FALSE;
  self->updating = FALSE;
  refresh (self);
}

static void
on_period_changed (ReachGapsView *self)
{
  gboolean between = gtk_drop_down_get_selected (self->period_dropdown) == 2;

  gtk_widget_set_visible (GTK_WIDGET (self->from_entry), between);
  gtk_widget_set_visible (GTK_WIDGET (self->to_entry), between);
  refresh (self);
}

static void
on_map (GtkWidget *widget)
{
  ReachGapsView *self = REACH_GAPS_VIEW (widget);

  GTK_WIDGET_CLASS (reach_gaps_view_parent_class)->map (widget);
  /* the other pages may have added people, activities or baselines */
  if (self->db != NULL)
    reach_gaps_view_reload (self);
}

static void
reach_gaps_view_dispose (GObject *object)
{
  ReachGapsView *self = REACH_GAPS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REACH_TYPE_GAPS_VIEW);
  g_clear_object (&self->db);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (reach_gaps_view_parent_class)->dispose (object);
}

static void
reach_gaps_view_finalize (GObject *object)
{
  ReachGapsView *self = REACH_GAPS_VIEW (object);

  g_clear_pointer (&self->characteristics, g_strfreev);
  g_clear_pointer (&self->scope, g_hash_table_unref);
  g_clear_pointer (&self->report, reach_gap_report_free);
  g_clear_pointer (&self->ladder, reach_ladder_summary_free);
  g_clear_pointer (&self->chart_rows, g_array_unref);
  g_clear_pointer (&self->map_categories, g_ptr_array_unref);
  g_clear_object (&self->colour_areas);
  clear_area_reach (self);
  g_free (self->shown_characteristic);
  g_free (self->shown_category);
  g_free (self->shown_from);
  g_free (self->shown_to);

  G_OBJECT_CLASS (reach_gaps_view_parent_class)->finalize (object);
}

static void
reach_gaps_view_class_init (ReachGapsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reach_gaps_view_dispose;
  object_class->finalize = reach_gaps_view_finalize;
  widget_class->map = on_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reachmap/Reach/reach-gaps-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, characteristic_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, scope_button);
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, scope_search);
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, everywhere_check);
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, scope_list);
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, detailed_check);
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, chart_area);
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, map_mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, map_level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, show_map_button);
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, table);
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, notes_label);
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, ladder_area);
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, suspects_label);
  gtk_widget_class_bind_template_child (widget_class, ReachGapsView, fed_back_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
reach_gaps_view_init (ReachGapsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->scope = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->chart_rows = g_array_new (FALSE, TRUE, sizeof (ReachChartRow));
  self->map_categories = g_ptr_array_new_with_free_func (g_free);
  self->colour_areas = g_simple_action_new_stateful ("colour-areas", G_VARIANT_TYPE_STRING,
                                                     g_variant_new_string ("none"));
  g_signal_connect_object (self->colour_areas, "change-state",
                           G_CALLBACK (colour_areas_change_state), self, 0);

  set_up_table (self);
  ellipsize_drop_down (self->characteristic_dropdown);
  ellipsize_drop_down (self->map_mode_dropdown);
  fill_map_levels (self);
  fill_map_modes (self);

  /* the table below says the same in words; the chart is a picture of it */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart: population share against reached share for each category, with 95% intervals"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ladder_area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart: share of activities and of participation at each rung of the ladder"),
                                  -1);
  gtk_drawing_area_set_draw_func (self->chart_area, draw_chart, self, NULL);
  gtk_drawing_area_set_draw_func (self->ladder_area, draw_ladder, self, NULL);
  g_signal_connect_swapped (self->chart_area, "resize", G_CALLBACK (on_chart_resize), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_chart_resize), self, G_CONNECT_SWAPPED);

  gtk_list_box_set_filter_func (self->scope_list, filter_scope_row, self, NULL);
  g_signal_connect_swapped (self->scope_search, "search-changed",
                            G_CALLBACK (gtk_list_box_invalidate_filter), self->scope_list);
  g_signal_connect_swapped (self->everywhere_check, "toggled", G_CALLBACK (on_everywhere_toggled), self);
  g_signal_connect_swapped (self->characteristic_dropdown, "notify::selected", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->detailed_check, "toggled", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->period_dropdown, "notify::selected", G_CALLBACK (on_period_changed), self);
  g_signal_connect_swapped (self->from_entry, "activate", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->to_entry, "activate", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->show_map_button, "clicked", G_CALLBACK (on_show_map_clicked), self);
}

GtkWidget *
reach_gaps_view_new (void)
{
  return g_object_new (REACH_TYPE_GAPS_VIEW, NULL);
}

void
reach_gaps_view_set_db (ReachGapsView *self,
                        ReachDb       *db)
{
  g_return_if_fail (REACH_IS_GAPS_VIEW (self));

  if (!g_set_object (&self->db, db) && db != NULL)
    return;
  g_clear_pointer (&self->characteristics, g_strfreev);
  self->stale = TRUE;
  /* the colours on the map were of the other workspace's areas */
  if (self->areas_layer != NULL)
    {
      reach_areas_layer_set_choropleth (self->areas_layer, NULL, NULL, 0);
      reach_areas_layer_set_highlighted (self->areas_layer, 0);
      reach_map_legend_set_choropleth (self->legend, NULL);
      reach_map_legend_set_profile (self->legend, NULL, NULL);
      g_simple_action_set_state (self->colour_areas, g_variant_new_string ("none"));
    }
  remember_shown (self, REACH_GAPS_MAP_NONE, NULL, REACH_AREA_LEVEL_WARD);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || db == NULL)
    reach_gaps_view_reload (self);
}

gboolean
reach_gaps_view_set_characteristic (ReachGapsView *self,
                                    const char    *key)
{
  g_return_val_if_fail (REACH_IS_GAPS_VIEW (self), FALSE);

  if (self->characteristics == NULL || self->stale)
    reach_gaps_view_reload (self);
  for (guint i = 0; self->characteristics != NULL && self->characteristics[i] != NULL; i++)
    if (g_strcmp0 (self->characteristics[i], key) == 0)
      {
        if (gtk_drop_down_get_selected (self->characteristic_dropdown) != i)
          gtk_drop_down_set_selected (self->characteristic_dropdown, i);
        else
          refresh (self);
        return TRUE;
      }
  return FALSE;
}

const char *
reach_gaps_view_get_characteristic (ReachGapsView *self)
{
  g_return_val_if_fail (REACH_IS_GAPS_VIEW (self), NULL);
  return self->report != NULL ? self->report->characteristic_key : NULL;
}

const ReachGapReport *
reach_gaps_view_get_report (ReachGapsView *self)
{
  g_return_val_if_fail (REACH_IS_GAPS_VIEW (self), NULL);
  return self->report;
}

GListModel *
reach_gaps_view_get_rows (ReachGapsView *self)
{
  g_return_val_if_fail (REACH_IS_GAPS_VIEW (self), NULL);
  return G_LIST_MODEL (self->rows);
}
