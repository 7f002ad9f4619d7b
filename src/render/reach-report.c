/* reach-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures are gathered once, then laid out twice: the first time into
 * a PDF that is thrown away, to count the pages for "Page 2 of 6".
 */
#define G_LOG_DOMAIN "reach-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "reach-activity.h"
#include "reach-area.h"
#include "reach-baseline.h"
#include "reach-feedback.h"
#include "reach-gaps.h"
#include "reach-group.h"
#include "reach-ladder.h"
#include "reach-map-export.h"
#include "reach-render-chart.h"
#include "reach-report.h"
#include "reach-style.h"
#include "reach-suppress.h"

#define PAGE_W   595.0
#define PAGE_H   842.0
#define MARGIN   50.0
#define FOOTER   24.0
#define BODY     10.5
#define MAX_LISTED 12

static const ReachColor muted = { 0.33, 0.33, 0.36 };
static const ReachColor rule = { 0.80, 0.80, 0.82 };
static const ReachColor band = { 0.95, 0.95, 0.96 };

/* The figures */

typedef struct
{
  int              threshold;
  ReachLadderSummary *ladder;
  GPtrArray       *gaps;              /* ReachGapReport, characteristics with a baseline */
  ReachAreaLevel   level;
  guint            n_areas;
  guint            n_areas_reached;
  guint            n_groups;
  GPtrArray       *groups_not_reached; /* char *names */
  GPtrArray       *feedback;          /* ReachFeedback */
  char            *scope_text;
} ReportData;

static void
report_data_clear (ReportData *d)
{
  g_clear_pointer (&d->ladder, reach_ladder_summary_free);
  g_clear_pointer (&d->gaps, g_ptr_array_unref);
  g_clear_pointer (&d->groups_not_reached, g_ptr_array_unref);
  g_clear_pointer (&d->feedback, g_ptr_array_unref);
  g_clear_pointer (&d->scope_text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportData, report_data_clear)

static gboolean
gather_gaps (ReachDb                  *db,
             const ReachReportOptions *options,
             ReportData               *d,
             GError                  **error)
{
  g_auto(GStrv) keys = reach_baselines_list_characteristics (db, error);

  if (keys == NULL)
    return FALSE;
  d->gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) reach_gap_report_free);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      ReachGapQuery query = { keys[i], options->scope, options->from, options->to, FALSE };
      ReachGapReport *report = reach_gaps_analyse (db, &query, error);

      if (report == NULL)
        return FALSE;
      if (report->population > 0)
        g_ptr_array_add (d->gaps, report);
      else
        reach_gap_report_free (report);
    }
  return TRUE;
}

/* Areas reached, at the finest level people think in: wards first. */
static gboolean
gather_areas (ReachDb                  *db,
              const ReachReportOptions *options,
              ReportData               *d,
              GError                  **error)
{
  static const ReachAreaLevel order[] = {
    REACH_AREA_LEVEL_WARD, REACH_AREA_LEVEL_MSOA, REACH_AREA_LEVEL_LSOA, REACH_AREA_LEVEL_LAD,
  };
  g_autoptr(GPtrArray) all = reach_areas_list (db, -1, error);
  g_autoptr(GPtrArray) scope = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) reach = NULL;

  if (all == NULL)
    return FALSE;
  d->level = REACH_AREA_LEVEL_WARD;
  for (guint o = 0; o < G_N_ELEMENTS (order); o++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < all->len && !any; i++)
        any = ((ReachArea *) g_ptr_array_index (all, i))->level == order[o];
      if (any)
        {
          d->level = order[o];
          break;
        }
    }
  for (guint s = 0; options->scope != NULL && options->scope[s] != NULL; s++)
    for (guint i = 0; i < all->len; i++)
      {
        ReachArea *a = g_ptr_array_index (all, i);

        if (g_strcmp0 (a->code, options->scope[s]) == 0)
          {
            g_ptr_array_add (scope, a);
            g_ptr_array_add (names, a->name);
          }
      }
  g_ptr_array_add (names, NULL);
  d->scope_text = scope->len > 0 ? g_strjoinv (", ", (char **) names->pdata)
                                 : g_strdup (_("Everywhere in the workspace"));

  if (!(reach = reach_gaps_area_reach (db, d->level, options->from, options->to, error)))
    return FALSE;
  for (guint i = 0; i < reach->len; i++)
    {
      ReachAreaReach *r = &g_array_index (reach, ReachAreaReach, i);
      gboolean in_scope = scope->len == 0;

      for (guint s = 0; s < scope->len && !in_scope; s++)
        {
          ReachArea *sa = g_ptr_array_index (scope, s);

          in_scope = g_strcmp0 (sa->code, r->code) == 0;
          for (guint j = 0; j < all->len && !in_scope; j++)
            {
              ReachArea *a = g_ptr_array_index (all, j);

              in_scope = a->id == r->area_id && sa->geometry != NULL &&
                         reach_geometry_contains (sa->geometry, a->label.lon, a->label.lat);
            }
        }
      if (!in_scope)
        continue;
      d->n_areas++;
      if (r->reached > 0)
        d->n_areas_reached++;
    }
  return TRUE;
}

static gboolean
gather_groups (ReachDb     *db,
               GDateTime   *today,
               ReportData  *d,
               GError     **error)
{
  g_autoptr(GPtrArray) groups = reach_groups_list (db, NULL, error);

  if (groups == NULL)
    return FALSE;
  d->groups_not_reached = g_ptr_array_new_with_free_func (g_free);
  d->n_groups = groups->len;
  for (guint i = 0; i < groups->len; i++)
    {
      ReachGroup *g = g_ptr_array_index (groups, i);
      ReachGroupReach reach;

      if (!reach_groups_get_reach (db, g->id, today, &reach, error))
        return FALSE;
      if (reach.status == REACH_GROUP_STATUS_NOT_YET_REACHED)
        g_ptr_array_add (d->groups_not_reached, g_strdup (g->name));
    }
  return TRUE;
}

/* "You said" items from the period's activities (all of them when the
 * period is open at both ends). */
static GPtrArray *
gather_feedback (ReachDb                  *db,
                 const ReachReportOptions *options,
                 GError                  **error)
{
  g_autoptr(GPtrArray) all = reach_feedback_list (db, REACH_FEEDBACK_FILTER_ALL, 0, error);
  GPtrArray *kept;

  if (all == NULL)
    return NULL;
  if (options->from == NULL && options->to == NULL)
    return g_steal_pointer (&all);

  kept = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      ReachFeedback *f = g_ptr_array_index (all, i);
      g_autoptr(ReachActivity) activity = reach_activities_get (db, f->activity_id, NULL);
      g_autofree char *date = NULL;

      if (activity == NULL || activity->starts_at == NULL)
        continue;
      date = g_date_time_format (activity->starts_at, "%Y-%m-%d");
      if ((options->from == NULL || strcmp (date, options->from) >= 0) &&
          (options->to == NULL || strcmp (date, options->to) <= 0))
        g_ptr_array_add (kept, g_object_ref (f));
    }
  return kept;
}

static gboolean
gather (ReachDb                  *db,
        const ReachReportOptions *options,
        GDateTime                *now,
        ReportData               *d,
        GError                  **error)
{
  if ((d->threshold = reach_suppress_get_threshold (db, error)) < 0 ||
      !(d->ladder = reach_ladder_summarise_in (db, options->from, options->to,
                                               (const char * const *) options->scope, error)) ||
      !gather_gaps (db, options, d, error) ||
      !gather_areas (db, options, d, error) ||
      !gather_groups (db, now, d, error) ||
      !(d->feedback = gather_feedback (db, options, error)))
    return FALSE;
  return TRUE;
}

/* Pages */

typedef struct
{
  cairo_t    *cr;
  const char *title;
  double      y;
  guint       page;
  guint       n_pages;   /* 0 in the counting pass */
} Page;

static PangoLayout *
text_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
text_height (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, text, size, bold, width);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static void
draw_text (cairo_t    *cr,
           double      x,
           double      y,
           const char *text,
           double      size,
           gboolean    bold,
           double      width,
           ReachColor  ink,
           PangoAlignment align)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, text, size, bold, width);

  pango_layout_set_alignment (layout, align);
  cairo_move_to (cr, x, y);
  reach_style_set_source (cr, ink, 1.0);
  pango_cairo_show_layout (cr, layout);
}

static void
page_footer (Page *p)
{
  g_autofree char *text = p->n_pages > 0
    ? g_strdup_printf (_("%s · Page %u of %u"), p->title, p->page, p->n_pages)
    : g_strdup_printf (_("%s · Page %u"), p->title, p->page);

  draw_text (p->cr, MARGIN, PAGE_H - MARGIN / 2 - 8, text, 8, FALSE,
             PAGE_W - 2 * MARGIN, muted, PANGO_ALIGN_CENTER);
}

static void
page_break (Page *p)
{
  page_footer (p);
  cairo_show_page (p->cr);
  p->page++;
  p->y = MARGIN;
}

/* Starts a new page unless height more fits on this one. */
static void
need (Page   *p,
      double  height)
{
  if (p->y + height > PAGE_H - MARGIN - FOOTER && p->y > MARGIN)
    page_break (p);
}

static void
paragraph (Page       *p,
           const char *text,
           double      size,
           gboolean    bold,
           ReachColor  ink,
           double      after)
{
  double h = text_height (p->cr, text, size, bold, PAGE_W - 2 * MARGIN);

  need (p, h);
  draw_text (p->cr, MARGIN, p->y, text, size, bold, PAGE_W - 2 * MARGIN, ink, PANGO_ALIGN_LEFT);
  p->y += h + after;
}

static void
heading (Page       *p,
         const char *text)
{
  /* keep a heading with a few lines of what follows */
  need (p, 120);
  if (p->y > MARGIN)
    p->y += 10;
  paragraph (p, text, 16, TRUE, REACH_STYLE_INK, 8);
}

/* Tables: the first column left, the rest right-aligned */

typedef struct
{
  guint         n_cols;
  const double *widths;     /* fractions of the text width */
} TableShape;

static double
table_row (Page             *p,
           const TableShape *shape,
           const char      **cells,
           gboolean          header,
           gboolean          shade)
{
  double width = PAGE_W - 2 * MARGIN, h = 0, x = MARGIN;

  for (guint c = 0; c < shape->n_cols; c++)
    h = MAX (h, text_height (p->cr, cells[c], 9, header, shape->widths[c] * width - 8));
  h += 6;
  need (p, h);
  if (shade)
    {
      cairo_rectangle (p->cr, MARGIN, p->y, width, h);
      reach_style_set_source (p->cr, band, 1.0);
      cairo_fill (p->cr);
    }
  for (guint c = 0; c < shape->n_cols; c++)
    {
      double w = shape->widths[c] * width;

      draw_text (p->cr, x + 4, p->y + 3, cells[c], 9, header, w - 8,
                 header ? muted : REACH_STYLE_INK, c == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
      x += w;
    }
  p->y += h;
  if (header)
    {
      cairo_move_to (p->cr, MARGIN, p->y);
      cairo_line_to (p->cr, MARGIN + width, p->y);
      reach_style_set_source (p->cr, rule, 1.0);
      cairo_set_line_width (p->cr, 0.8);
      cairo_stroke (p->cr);
    }
  return h;
}

static char *
format_share (double share)
{
  if (isnan (share))
    return g_strdup ("–");
  return g_strdup_printf ("%.1f%%", share * 100);
}

static void
chart (Page                *p,
       const ReachChartRow *rows,
       guint                n_rows,
       const ReachChartStyle *style)
{
  double width = PAGE_W - 2 * MARGIN, h = 0;

  reach_render_chart (NULL, rows, n_rows, style, width, NULL, &h);
  need (p, h);
  cairo_save (p->cr);
  cairo_translate (p->cr, MARGIN, p->y);
  reach_render_chart (p->cr, rows, n_rows, style, width, NULL, &h);
  cairo_restore (p->cr);
  p->y += h + 10;
}

/* The cover */

static char *
period_text (const ReachReportOptions *options)
{
  if (options->from != NULL && options->to != NULL)
    return g_strdup_printf (_("From %s to %s"), options->from, options->to);
  if (options->from != NULL)
    return g_strdup_printf (_("From %s onwards"), options->from);
  if (options->to != NULL)
    return g_strdup_printf (_("Up to %s"), options->to);
  return g_strdup (_("All dates"));
}

static void
figure_box (Page       *p,
            double      x,
            double      y,
            double      w,
            const char *number,
            const char *label)
{
  cairo_rectangle (p->cr, x, y, w, 78);
  reach_style_set_source (p->cr, band, 1.0);
  cairo_fill (p->cr);
  draw_text (p->cr, x + 12, y + 10, number, 24, TRUE, w - 24, REACH_STYLE_INK, PANGO_ALIGN_LEFT);
  draw_text (p->cr, x + 12, y + 46, label, 9.5, FALSE, w - 24, muted, PANGO_ALIGN_LEFT);
}

static const char *
areas_reached_label (ReachAreaLevel level)
{
  switch (level)
    {
    case REACH_AREA_LEVEL_LSOA:
      return _("Neighbourhoods (LSOAs) where someone reached lives");
    case REACH_AREA_LEVEL_MSOA:
      return _("Neighbourhoods (MSOAs) where someone reached lives");
    case REACH_AREA_LEVEL_LAD:
      return _("Local authorities where someone reached lives");
    case REACH_AREA_LEVEL_WARD:
    case REACH_N_AREA_LEVELS:
    default:
      return _("Wards where someone reached lives");
    }
}

static void
cover (Page                     *p,
       const ReachReportOptions *options,
       const ReportData         *d,
       GDateTime                *now)
{
  g_autofree char *period = period_text (options);
  g_autofree char *made = g_date_time_format (now, "%-d %B %Y");
  g_autofree char *made_line = g_strdup_printf (_("Made with Reach on %s"), made);
  g_autofree char *note = reach_suppress_note (d->threshold);
  gint64 headcounts = d->ladder->n_participation - d->ladder->n_named_participation;
  g_autofree char *activities = reach_suppress_format (d->ladder->n_activities, 0);
  g_autofree char *people = reach_suppress_format (d->ladder->n_participants + headcounts, d->threshold);
  g_autofree char *areas = g_strdup_printf (_("%u of %u"), d->n_areas_reached, d->n_areas);
  g_autofree char *groups = reach_suppress_format (d->groups_not_reached->len, 0);
  const char *areas_label = areas_reached_label (d->level);
  double w = (PAGE_W - 2 * MARGIN - 12) / 2;

  p->y = MARGIN + 90;
  paragraph (p, p->title, 30, TRUE, REACH_STYLE_INK, 14);
  paragraph (p, period, 14, FALSE, REACH_STYLE_INK, 4);
  paragraph (p, d->scope_text, 12, FALSE, muted, 4);
  paragraph (p, made_line, 10, FALSE, muted, 30);

  paragraph (p, _("At a glance"), 16, TRUE, REACH_STYLE_INK, 8);
  figure_box (p, MARGIN, p->y, w, activities, _("Engagement activities"));
  figure_box (p, MARGIN + w + 12, p->y, w, people,
              _("People reached (named participants and anonymous headcounts)"));
  p->y += 90;
  figure_box (p, MARGIN, p->y, w, areas, areas_label);
  figure_box (p, MARGIN + w + 12, p->y, w, groups, _("Community groups not yet reached"));
  p->y += 90;
  /* a group's status is worked out for the group, not per area */
  if (options->scope != NULL && options->scope[0] != NULL)
    paragraph (p, _("Activities and people reached are those of activities in the areas named "
                    "above or at venues there; community groups are counted wherever they are."),
               9, FALSE, muted, 0);
  p->y += 10;

  if (d->groups_not_reached->len > 0)
    {
      g_autoptr(GString) list = g_string_new (_("Not yet reached: "));

      for (guint i = 0; i < d->groups_not_reached->len && i < MAX_LISTED; i++)
        g_string_append_printf (list, "%s%s", i > 0 ? "; " : "",
                                (char *) g_ptr_array_index (d->groups_not_reached, i));
      if (d->groups_not_reached->len > MAX_LISTED)
        g_string_append (list, "; …");
      paragraph (p, list->str, BODY, FALSE, REACH_STYLE_INK, 14);
    }

  paragraph (p, _("About this report"), 12, TRUE, REACH_STYLE_INK, 4);
  paragraph (p, _("It compares the people we reached with the people who live in the area "
                  "(ONS Census 2021), shows where they live, how much of our engagement "
                  "shares power (the ladder of participation) and what we did with what "
                  "people told us."), BODY, FALSE, REACH_STYLE_INK, 6);
  if (note != NULL)
    paragraph (p, note, BODY, FALSE, REACH_STYLE_INK, 6);
}

/* Under a table with hidden cells: what the words in them mean. */
static void
hidden_note (Page                     *p,
             const ReachSuppressTable *table,
             int                       threshold)
{
  gboolean small = FALSE, secondary = FALSE;
  g_autofree char *text = NULL;

  for (guint i = 0; i < table->n_rows * table->n_cols; i++)
    {
      small |= table->cells[i] == REACH_SUPPRESS_SMALL;
      secondary |= table->cells[i] == REACH_SUPPRESS_SECONDARY;
    }
  if (!small)
    return;
  text = secondary
    ? g_strdup_printf (_("“Fewer than %d”: a small count, not shown so that nobody can be "
                         "identified. “Hidden”: not shown either, so the small count cannot be "
                         "worked out from the total."), threshold)
    : g_strdup_printf (_("“Fewer than %d”: a small count, not shown so that nobody can be "
                         "identified."), threshold);
  p->y += 4;
  paragraph (p, text, 8.5, FALSE, muted, 0);
}

/* One characteristic */

static void
gap_section (Page                 *p,
             const ReachGapReport *report,
             int                   threshold)
{
  static const double widths[] = { 0.34, 0.16, 0.16, 0.14, 0.20 };
  static const TableShape shape = { 5, widths };
  const char *head[] = { _("Group"), _("Share of residents"), _("People reached"),
                         _("Share of those reached"), _("What it means") };
  guint n = report->rows->len;
  g_autofree gint64 *counts = g_new0 (gint64, MAX (n, 1));
  g_autofree ReachChartRow *rows = g_new0 (ReachChartRow, MAX (n, 1));
  g_autoptr(ReachSuppressTable) table = NULL;
  g_autofree char *total = reach_suppress_format (report->n, threshold);
  g_autofree char *intro = NULL;
  ReachChartStyle style = { _("Share of residents"), _("Share of those reached"), TRUE, TRUE,
                            NULL, FALSE, 0.75 };

  for (guint i = 0; i < n; i++)
    counts[i] = g_array_index (report->rows, ReachGapRow, i).reached;
  table = reach_suppress_table (counts, n, 1, FALSE, TRUE, threshold);

  heading (p, report->characteristic_label);
  if (table->col_total_hidden[0])
    intro = g_strdup (_("How many people told us their answer is hidden, so small counts cannot "
                        "be worked out. Grey bars are the share of residents, blue bars the share "
                        "of the people reached, with the range it is likely to lie in."));
  else
    intro = g_strdup_printf (_("%s people reached told us their answer. Grey bars are the share "
                               "of residents, blue bars the share of the people reached, with the "
                               "range it is likely to lie in."), total);
  paragraph (p, intro, BODY, FALSE, REACH_STYLE_INK, 8);

  for (guint i = 0; i < n; i++)
    {
      const ReachGapRow *r = &g_array_index (report->rows, ReachGapRow, i);
      gboolean hidden = reach_suppress_table_hidden (table, i, 0);

      /* a flag would give a hidden count away ("not reached" is a zero) */
      rows[i] = (ReachChartRow) { r->category_label, r->population_share,
                                  hidden ? NAN : r->reached_share,
                                  hidden ? NAN : r->ci_low, hidden ? NAN : r->ci_high,
                                  hidden ? REACH_GAP_NO_DATA : r->flag };
    }
  if (report->n == 0)
    style.message = _("Nobody reached in this period told us their answer.");
  chart (p, rows, n, &style);

  table_row (p, &shape, head, TRUE, FALSE);
  for (guint i = 0; i < n; i++)
    {
      const ReachGapRow *r = &g_array_index (report->rows, ReachGapRow, i);
      gboolean hidden = reach_suppress_table_hidden (table, i, 0);
      g_autofree char *pop = format_share (r->population_share);
      g_autofree char *reached = reach_suppress_table_format (table, counts, i, 0, threshold);
      g_autofree char *share = hidden ? g_strdup (_("not shown")) : format_share (r->reached_share);
      const char *flag = hidden ? _("not shown") : reach_gap_flag_label (r->flag);
      const char *cells[] = { r->category_label, pop, reached, share, flag };

      table_row (p, &shape, cells, FALSE, i % 2 == 1);
    }
  hidden_note (p, table, threshold);
  p->y += 6;
}

/* The ladder */

static const char *
rung_label (guint i)
{
  return i < REACH_N_LADDER_RUNGS ? reach_ladder_rung_label (i) : _("Rung not recorded");
}

static void
ladder_section (Page             *p,
                const ReportData *d)
{
  static const double widths[] = { 0.40, 0.18, 0.21, 0.21 };
  static const TableShape shape = { 4, widths };
  const char *head[] = { _("Rung"), _("Activities"), _("Share of activities"),
                         _("Share of participation") };
  const guint n = REACH_N_LADDER_RUNGS + 1;
  const ReachLadderSummary *l = d->ladder;
  gint64 acts[REACH_N_LADDER_RUNGS + 1], parts[REACH_N_LADDER_RUNGS + 1];
  ReachChartRow rows[REACH_N_LADDER_RUNGS + 1];
  g_autoptr(ReachSuppressTable) at = NULL;
  g_autoptr(ReachSuppressTable) pt = NULL;
  ReachChartStyle style = { _("Share of activities"), _("Share of participation"), FALSE, FALSE,
                            NULL, FALSE, 0.75 };

  for (guint i = 0; i < n; i++)
    {
      acts[i] = l->activities_by_rung[i];
      parts[i] = l->participation_by_rung[i];
    }
  at = reach_suppress_table (acts, n, 1, FALSE, TRUE, 0);
  pt = reach_suppress_table (parts, n, 1, FALSE, TRUE, d->threshold);

  heading (p, _("How much power we shared"));
  paragraph (p, _("The ladder of participation runs from coercion, where people are told, up to "
                  "co-production, where they share power as equals. More activities higher up "
                  "the ladder means engagement is real rather than a token."),
             BODY, FALSE, REACH_STYLE_INK, 8);

  for (guint i = 0; i < n; i++)
    rows[i] = (ReachChartRow) { rung_label (i),
                                reach_suppress_table_hidden (at, i, 0) ? NAN : l->activity_share[i],
                                reach_suppress_table_hidden (pt, i, 0) ? NAN : l->participation_share[i],
                                NAN, NAN, REACH_GAP_NO_DATA };
  if (l->n_activities == 0)
    style.message = _("No activities in this period.");
  chart (p, rows, n, &style);

  table_row (p, &shape, head, TRUE, FALSE);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *count = reach_suppress_table_format (at, acts, i, 0, 0);
      g_autofree char *share = reach_suppress_table_hidden (at, i, 0)
                               ? g_strdup (_("not shown")) : format_share (l->activity_share[i]);
      g_autofree char *pshare = reach_suppress_table_hidden (pt, i, 0)
                                ? g_strdup (_("not shown")) : format_share (l->participation_share[i]);
      const char *cells[] = { rung_label (i), count, share, pshare };

      table_row (p, &shape, cells, FALSE, i % 2 == 1);
    }
  hidden_note (p, pt, d->threshold);
  p->y += 6;
}

/* You said, we did */

static void
feedback_section (Page             *p,
                  const ReportData *d)
{
  guint n_open = 0, n_fed_back = 0, n_done = 0, listed = 0;
  g_autofree char *total = NULL;
  g_autofree char *open = NULL;
  g_autofree char *fed = NULL;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < d->feedback->len; i++)
    {
      ReachFeedback *f = g_ptr_array_index (d->feedback, i);

      if (f->status == REACH_FEEDBACK_OPEN || f->status == REACH_FEEDBACK_IN_PROGRESS)
        n_open++;
      else if (f->status == REACH_FEEDBACK_FED_BACK)
        n_fed_back++;
      else
        n_done++;
    }
  total = reach_suppress_format (d->feedback->len, 0);
  open = reach_suppress_format (n_open, 0);
  fed = reach_suppress_format (n_fed_back, 0);

  heading (p, _("You said, we did"));
  summary = g_strdup_printf (_("People raised %s things with us. We have told people what we did "
                               "about %s of them; %s are still open."), total, fed, open);
  paragraph (p, summary, BODY, FALSE, REACH_STYLE_INK, 10);

  for (int pass = 0; pass < 2; pass++)
    {
      gboolean want_open = pass == 0;

      paragraph (p, want_open ? _("Still open") : _("What we did"), 12, TRUE, REACH_STYLE_INK, 4);
      listed = 0;
      for (guint i = 0; i < d->feedback->len && listed < MAX_LISTED; i++)
        {
          ReachFeedback *f = g_ptr_array_index (d->feedback, i);
          gboolean is_open = f->status == REACH_FEEDBACK_OPEN || f->status == REACH_FEEDBACK_IN_PROGRESS;
          g_autofree char *line = NULL;

          if (is_open != want_open)
            continue;
          line = want_open
            ? g_strdup_printf (_("• You said: %s (%s)"), f->you_said, reach_feedback_status_label (f->status))
            : g_strdup_printf (_("• You said: %s\n   We did: %s%s"), f->you_said,
                               f->we_did != NULL ? f->we_did : "",
                               f->status == REACH_FEEDBACK_FED_BACK ? "" : _(" (not yet fed back)"));
          paragraph (p, line, BODY, FALSE, REACH_STYLE_INK, 4);
          listed++;
        }
      if (listed == 0)
        paragraph (p, want_open ? _("Nothing is still open.") : _("Nothing done yet."),
                   BODY, FALSE, muted, 4);
      p->y += 8;
    }
}

/* The whole report */

static gboolean
map_page (Page                     *p,
          ReachDb                  *db,
          const ReachReportOptions *options,
          GDateTime                *now,
          GError                  **error)
{
  ReachMapExportOptions m = { 0 };
  gboolean ok;

  m.title = _("Where the people reached live");
  m.layers = REACH_MAP_LAYER_CHOROPLETH | REACH_MAP_LAYER_PLACES;
  m.level = -1;
  m.from = options->from;
  m.to = options->to;
  m.mbtiles_path = options->mbtiles_path;
  m.now = now;
  if (options->scope != NULL && options->scope[0] != NULL && options->scope[1] == NULL)
    m.area_code = options->scope[0];

  if (p->y > MARGIN)
    page_break (p);
  cairo_save (p->cr);
  ok = reach_map_export_draw (p->cr, db, &m, PAGE_W, PAGE_H - FOOTER / 2, 200.0 / 72, error);
  cairo_restore (p->cr);
  p->y = PAGE_H;   /* the page is full */
  return ok;
}

static gboolean
lay_out (cairo_t                  *cr,
         ReachDb                  *db,
         const ReachReportOptions *options,
         const ReportData         *d,
         GDateTime                *now,
         guint                     n_pages,
         guint                    *pages_used,
         GError                  **error)
{
  Page p = { cr, options->title != NULL ? options->title : _("Reach report"), MARGIN, 1, n_pages };

  cover (&p, options, d, now);
  page_break (&p);

  heading (&p, _("Who we reached, compared with who lives here"));
  if (d->gaps->len == 0)
    paragraph (&p, _("The workspace holds no census figures for this area, so there is "
                     "nothing to compare with yet."), BODY, FALSE, REACH_STYLE_INK, 8);
  for (guint i = 0; i < d->gaps->len; i++)
    gap_section (&p, g_ptr_array_index (d->gaps, i), d->threshold);

  if (!map_page (&p, db, options, now, error))
    return FALSE;
  page_break (&p);

  ladder_section (&p, d);
  feedback_section (&p, d);
  page_footer (&p);
  cairo_show_page (cr);
  *pages_used = p.page;
  return TRUE;
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
render (cairo_surface_t          *surface,
        ReachDb                  *db,
        const ReachReportOptions *options,
        const ReportData         *d,
        GDateTime                *now,
        guint                     n_pages,
        guint                    *pages_used,
        GError                  **error)
{
  cairo_t *cr = cairo_create (surface);
  gboolean ok = lay_out (cr, db, options, d, now, n_pages, pages_used, error);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (ok && cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the report: %s"),
                   cairo_status_to_string (cairo_surface_status (surface)));
      ok = FALSE;
    }
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
reach_report_write_pdf (ReachDb                  *db,
                        const ReachReportOptions *options,
                        const char               *path,
                        GError                  **error)
{
  g_auto(ReportData) d = { 0 };
  g_autoptr(GDateTime) now = options->now != NULL ? g_date_time_ref (options->now)
                                                  : g_date_time_new_now_local ();
  const char *title = options->title != NULL ? options->title : _("Reach report");
  cairo_surface_t *surface;
  guint n_pages = 0, used = 0;

  g_return_val_if_fail (REACH_IS_DB (db), FALSE);

  if (!gather (db, options, now, &d, error))
    return FALSE;

  /* First pass: count the pages. */
  surface = cairo_pdf_surface_create_for_stream (discard, NULL, PAGE_W, PAGE_H);
  if (!render (surface, db, options, &d, now, 0, &n_pages, error))
    return FALSE;

  surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Reach");
  if (!render (surface, db, options, &d, now, n_pages, &used, error))
    {
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}
