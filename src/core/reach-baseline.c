/* reach-baseline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file is turned into "sources": one per category column (wide layout)
 * or one per distinct category label (long layout).  Each source is
 * matched to a category, or marked as a total, a subtotal of other
 * sources, or unmatched; only matched sources that are not subtotals are
 * counted, so nothing is counted twice.
 */
#define G_LOG_DOMAIN "reach-baseline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "reach-baseline.h"
#include "reach-classification.h"
#include "reach-csv.h"
#include "reach-places.h"

#define AGE_OPEN 999
#define MAX_EXAMPLES 3

typedef enum
{
  SOURCE_UNMATCHED,
  SOURCE_USED,
  SOURCE_TOTAL,
  SOURCE_SUBTOTAL,
  SOURCE_DUPLICATE,
} SourceState;

typedef struct
{
  char           *label;      /* the category part, as in the file */
  guint           column;     /* wide: the column; long: unused */
  ReachCategory  *category;   /* borrowed from self->categories */
  int             lo, hi;     /* an age range, or -1 */
  SourceState     state;
} Source;

typedef struct
{
  gint64   area_id;
  gint64  *counts;      /* per category index */
  gint64   total;       /* the table's own total column, or -1 */
  guint    line;
} AreaCounts;

struct _ReachBaselineImport
{
  GObject     parent_instance;

  char       *path;
  char       *basename;
  char       *wanted;         /* characteristic key set by the caller */
  char       *characteristic;
  char       *source;
  int         year;
  gboolean    straddles;      /* the last choice failed on an age band */

  GPtrArray  *categories;     /* ReachCategory of the characteristic */
  GArray     *sources;        /* Source */
  GHashTable *areas;          /* code → AreaCounts */
  GPtrArray  *area_order;     /* codes, in file order */
  GPtrArray  *notes;          /* NULL-terminated */
};

G_DEFINE_TYPE (ReachBaselineImport, reach_baseline_import, G_TYPE_OBJECT)
G_DEFINE_QUARK (reach-baseline-error-quark, reach_baseline_error)

static void
clear_source (gpointer data)
{
  g_free (((Source *) data)->label);
}

static void
area_counts_free (gpointer data)
{
  AreaCounts *a = data;

  g_free (a->counts);
  g_free (a);
}

static void
reset (ReachBaselineImport *self)
{
  g_clear_pointer (&self->characteristic, g_free);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_array_set_size (self->sources, 0);
  g_hash_table_remove_all (self->areas);
  g_ptr_array_set_size (self->area_order, 0);
  g_ptr_array_set_size (self->notes, 0);
  g_ptr_array_add (self->notes, NULL);
}

static void
reach_baseline_import_finalize (GObject *object)
{
  ReachBaselineImport *self = REACH_BASELINE_IMPORT (object);

  reset (self);
  g_free (self->path);
  g_free (self->basename);
  g_free (self->wanted);
  g_free (self->source);
  g_array_unref (self->sources);
  g_hash_table_unref (self->areas);
  g_ptr_array_unref (self->area_order);
  g_ptr_array_unref (self->notes);

  G_OBJECT_CLASS (reach_baseline_import_parent_class)->finalize (object);
}

static void
reach_baseline_import_class_init (ReachBaselineImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reach_baseline_import_finalize;
}

static void
reach_baseline_import_init (ReachBaselineImport *self)
{
  self->year = 2021;
  self->sources = g_array_new (FALSE, TRUE, sizeof (Source));
  g_array_set_clear_func (self->sources, clear_source);
  self->areas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, area_counts_free);
  self->area_order = g_ptr_array_new ();
  self->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notes, NULL);
}

ReachBaselineImport *
reach_baseline_import_new (const char *path)
{
  ReachBaselineImport *self = g_object_new (REACH_TYPE_BASELINE_IMPORT, NULL);

  self->path = g_strdup (path);
  self->basename = g_path_get_basename (path);
  return self;
}

void
reach_baseline_import_set_characteristic (ReachBaselineImport *self,
                                          const char          *key)
{
  g_return_if_fail (REACH_IS_BASELINE_IMPORT (self));
  g_free (self->wanted);
  self->wanted = g_strdup (key);
}

void
reach_baseline_import_set_source (ReachBaselineImport *self,
                                  const char          *source)
{
  g_return_if_fail (REACH_IS_BASELINE_IMPORT (self));
  g_free (self->source);
  self->source = g_strdup (source);
}

void
reach_baseline_import_set_year (ReachBaselineImport *self,
                                int                  year)
{
  g_return_if_fail (REACH_IS_BASELINE_IMPORT (self));
  self->year = year;
}

G_GNUC_PRINTF (2, 3) static void
add_note (ReachBaselineImport *self,
          const char          *format,
          ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_insert (self->notes, self->notes->len - 1, g_strdup_vprintf (format, args));
  va_end (args);
}

/* ---- labels ---------------------------------------------------------- */

/* "Ethnic group: White; measures: Value" → topic "Ethnic group", rest "White" */
static char *
split_topic (const char  *header,
             char       **topic)
{
  g_autofree char *text = g_strstrip (g_strdup (header));
  char *suffix = strstr (text, "; measures:");
  char *colon;

  if (suffix != NULL)
    *suffix = '\0';

  colon = strchr (text, ':');
  if (colon == NULL)
    {
      if (topic)
        *topic = NULL;
      return g_strdup (text);
    }

  *colon = '\0';
  if (topic)
    *topic = g_strstrip (g_strdup (text));
  return g_strstrip (g_strdup (colon + 1));
}

static const struct {
  const char *topic;
  const char *key;
} topics[] = {
  { "ethnic group", "ethnic_group" },
  { "religion", "religion" },
  { "disability", "disability" },
  { "age", "age_band" },
  { "sex", "sex" },
  { "sexual orientation", "sexual_orientation" },
  { "gender identity", "gender_identity" },
  { "provision of unpaid care", "carer" },
  { "unpaid care", "carer" },
};

static const char *
characteristic_for_topic (const char *topic)
{
  g_autofree char *norm = reach_classification_normalize (topic);

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    if (g_str_equal (norm, topics[i].topic))
      return topics[i].key;

  return NULL;
}

static gboolean
is_total_label (const char *label)
{
  g_autofree char *norm = reach_classification_normalize (label);

  return g_str_has_prefix (norm, "total") || g_str_has_prefix (norm, "all persons") ||
         g_str_has_prefix (norm, "all usual residents") || g_str_equal (norm, "all");
}

/* "Aged 4 years and under" → [0, 4]; "Aged under 1 year" → [0, 0];
 * "Aged 16 to 24 years" → [16, 24]; "Aged 85 years and over" → [85, open] */
static gboolean
parse_age_range (const char *label,
                 int        *lo,
                 int        *hi)
{
  g_autofree char *norm = reach_classification_normalize (label);
  char tail[32] = "";
  int a, b;

  if (g_str_equal (norm, "aged under 1 year"))
    {
      *lo = *hi = 0;
      return TRUE;
    }
  if (sscanf (norm, "aged %d to %d year%31s", &a, &b, tail) >= 2 && a <= b)
    {
      *lo = a;
      *hi = b;
      return TRUE;
    }
  if (sscanf (norm, "aged %d year%31[^\n]", &a, tail) == 2 || sscanf (norm, "aged %d year", &a) == 1)
    {
      *lo = strstr (norm, "and under") ? 0 : a;
      *hi = strstr (norm, "and over") ? AGE_OPEN : a;
      return TRUE;
    }

  return FALSE;
}

/* The category a label means; for ages, the band the range lies in
 * (*straddles set when it crosses a band's edge). */
static ReachCategory *
match_label (GPtrArray  *categories,
             const char *characteristic,
             const char *label,
             int        *lo,
             int        *hi,
             gboolean   *straddles)
{
  *lo = *hi = -1;
  *straddles = FALSE;

  if (g_strcmp0 (characteristic, "age_band") == 0 && parse_age_range (label, lo, hi))
    {
      for (guint i = 0; i < categories->len; i++)
        {
          ReachCategory *band = g_ptr_array_index (categories, i);
          int blo, bhi;

          if (!parse_age_range (band->label, &blo, &bhi))
            continue;
          if (*lo >= blo && *hi <= bhi)
            return band;
          if (*lo <= bhi && *hi >= blo)
            *straddles = TRUE;
        }
      return NULL;
    }

  return reach_category_match (categories, label);
}

/* ---- choosing what to count ------------------------------------------ */

static gboolean
range_inside (const Source *a,
              const Source *b)
{
  return a != b && a->lo >= b->lo && a->hi <= b->hi && (a->lo != b->lo || a->hi != b->hi);
}

static gboolean
has_child_used (const Source *s,
                GArray       *sources)
{
  for (guint i = 0; i < sources->len; i++)
    {
      Source *t = &g_array_index (sources, Source, i);

      if (t->state == SOURCE_USED && t->category->parent_id == s->category->id)
        return TRUE;
    }
  return FALSE;
}

static guint
count_children (GPtrArray *categories,
                gint64     id)
{
  guint n = 0;

  for (guint i = 0; i < categories->len; i++)
    if (((ReachCategory *) g_ptr_array_index (categories, i))->parent_id == id)
      n++;
  return n;
}

static guint
count_children_used (GArray *sources,
                     gint64  id)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < sources->len; i++)
    {
      Source *t = &g_array_index (sources, Source, i);

      if (t->state == SOURCE_USED && t->category->parent_id == id)
        g_hash_table_add (seen, &t->category->id);
    }
  return g_hash_table_size (seen);
}

/* Age: a range that holds other ranges of the file is their subtotal. */
static void
drop_age_subtotals (GArray *sources)
{
  for (guint i = 0; i < sources->len; i++)
    {
      Source *s = &g_array_index (sources, Source, i);

      for (guint j = 0; s->state == SOURCE_USED && j < sources->len; j++)
        {
          Source *t = &g_array_index (sources, Source, j);

          if (t->lo >= 0 && range_inside (t, s))
            s->state = SOURCE_SUBTOTAL;
        }
    }
}

/* Broad and detailed: keep the parts when all are there, else the subtotal. */
static void
drop_category_subtotals (ReachBaselineImport *self)
{
  GArray *sources = self->sources;

  for (guint i = 0; i < sources->len; i++)
    {
      Source *s = &g_array_index (sources, Source, i);
      guint n_children, n_used;

      if (s->state != SOURCE_USED || !has_child_used (s, sources))
        continue;

      n_children = count_children (self->categories, s->category->id);
      n_used = count_children_used (sources, s->category->id);
      if (n_used == n_children)
        {
          s->state = SOURCE_SUBTOTAL;
          continue;
        }

      for (guint j = 0; j < sources->len; j++)
        {
          Source *t = &g_array_index (sources, Source, j);

          if (t->state == SOURCE_USED && t->category->parent_id == s->category->id)
            t->state = SOURCE_SUBTOTAL;
        }
      add_note (self, _("“%s” is given in only some of its parts: the parts are left out "
                        "and its total is used"), s->label);
    }
}

/* Two labels for one category (not age, where they add up): the first counts. */
static void
drop_duplicates (GArray *sources)
{
  for (guint i = 0; i < sources->len; i++)
    {
      Source *s = &g_array_index (sources, Source, i);

      for (guint j = 0; s->state == SOURCE_USED && s->lo < 0 && j < i; j++)
        {
          Source *t = &g_array_index (sources, Source, j);

          if (t->state == SOURCE_USED && t->category == s->category)
            s->state = SOURCE_DUPLICATE;
        }
    }
}

static guint
match_sources (GArray     *sources,
               GPtrArray  *categories,
               const char *characteristic,
               char      **straddling)
{
  guint n = 0;

  for (guint i = 0; i < sources->len; i++)
    {
      Source *s = &g_array_index (sources, Source, i);
      gboolean straddles;

      s->category = match_label (categories, characteristic, s->label, &s->lo, &s->hi, &straddles);
      if (s->category != NULL)
        {
          s->state = SOURCE_USED;
          n++;
        }
      else
        {
          s->state = is_total_label (s->label) ? SOURCE_TOTAL : SOURCE_UNMATCHED;
          if (straddles && straddling != NULL && *straddling == NULL)
            *straddling = g_strdup (s->label);
        }
    }

  return n;
}

static gboolean
choose_characteristic (ReachBaselineImport  *self,
                       ReachDb              *db,
                       const char           *hint,
                       GError              **error)
{
  g_autoptr(GPtrArray) characteristics = NULL;
  g_autofree char *straddling = NULL;
  const char *best = NULL;
  guint best_n = 0;

  if (self->wanted != NULL || hint != NULL)
    {
      const char *key = self->wanted ? self->wanted : hint;

      if (!(self->categories = reach_categories_list (db, key, error)))
        return FALSE;
      best = key;
      best_n = match_sources (self->sources, self->categories, key, &straddling);
    }
  else
    {
      if (!(characteristics = reach_characteristics_list (db, error)))
        return FALSE;
      for (guint i = 0; i < characteristics->len; i++)
        {
          ReachCharacteristic *c = g_ptr_array_index (characteristics, i);
          g_autoptr(GPtrArray) categories = reach_categories_list (db, c->key, error);
          guint n;

          if (categories == NULL)
            return FALSE;
          n = match_sources (self->sources, categories, c->key, NULL);
          if (n > best_n)
            {
              best_n = n;
              best = c->key;
              g_clear_pointer (&self->categories, g_ptr_array_unref);
              self->categories = g_steal_pointer (&categories);
            }
        }
      if (best != NULL)
        match_sources (self->sources, self->categories, best, &straddling);
    }

  self->straddles = straddling != NULL;
  if (straddling != NULL)
    {
      g_set_error (error, REACH_BASELINE_ERROR, REACH_BASELINE_ERROR_UNSUPPORTED,
                   _("%s: the age band “%s” crosses the edge of Reach’s age bands "
                     "(15 and under, 16–24, 25–34, 35–49, 50–64, 65 and over); "
                     "use a table with single years of age or those six bands"),
                   self->basename, straddling);
      return FALSE;
    }
  if (best == NULL || best_n == 0)
    {
      g_set_error (error, REACH_BASELINE_ERROR, REACH_BASELINE_ERROR_UNSUPPORTED,
                   _("%s: no column or label matches the categories of a characteristic "
                     "Reach knows (ethnic group, religion, disability, age, sex, …)"),
                   self->basename);
      return FALSE;
    }

  self->characteristic = g_strdup (best);
  if (g_str_equal (best, "age_band"))
    drop_age_subtotals (self->sources);
  else
    {
      drop_duplicates (self->sources);
      drop_category_subtotals (self);
    }
  return TRUE;
}

static void
note_sources (ReachBaselineImport *self)
{
  g_autoptr(GString) unmatched = g_string_new (NULL);
  g_autoptr(GString) totals = g_string_new (NULL);
  guint n_used = 0, n_sub = 0, n_unmatched = 0, n_totals = 0;

  for (guint i = 0; i < self->sources->len; i++)
    {
      Source *s = &g_array_index (self->sources, Source, i);

      switch (s->state)
        {
        case SOURCE_USED:
          n_used++;
          if (s->lo < 0)
            add_note (self, _("“%s” → %s"), s->label, s->category->label);
          break;
        case SOURCE_SUBTOTAL:
        case SOURCE_DUPLICATE:
          n_sub++;
          break;
        case SOURCE_TOTAL:
          g_string_append_printf (totals, "%s“%s”", n_totals++ ? ", " : "", s->label);
          break;
        case SOURCE_UNMATCHED:
        default:
          if (n_unmatched++ < 5)
            g_string_append_printf (unmatched, "%s“%s”", n_unmatched > 1 ? ", " : "", s->label);
          break;
        }
    }

  if (g_str_equal (self->characteristic, "age_band"))
    add_note (self, g_dngettext (GETTEXT_PACKAGE, "%u age column summed into Reach’s six bands",
                                 "%u age columns summed into Reach’s six bands", n_used), n_used);
  if (n_totals > 0)
    add_note (self, _("Totals, kept as each area’s table total: %s"), totals->str);
  if (n_sub > 0)
    add_note (self, g_dngettext (GETTEXT_PACKAGE,
                                 "%u subtotal left out so nobody is counted twice",
                                 "%u subtotals left out so nobody is counted twice", n_sub), n_sub);
  if (n_unmatched > 0)
    add_note (self, g_dngettext (GETTEXT_PACKAGE, "%u label matches no category and is left out: %s%s",
                                 "%u labels match no category and are left out: %s%s", n_unmatched),
              n_unmatched, unmatched->str, n_unmatched > 5 ? ", …" : "");
}

/* ---- reading ---------------------------------------------------------- */

static gboolean
looks_like_area_code (const char *text)
{
  if (text == NULL || strlen (text) != 9 || strchr ("EWSNK", text[0]) == NULL)
    return FALSE;
  for (int i = 1; i < 9; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static int
find_code_column (const ReachCsvRow *header,
                  const ReachCsvRow *first)
{
  for (guint i = 0; i < first->n_fields && i < header->n_fields; i++)
    if (looks_like_area_code (g_strstrip (first->fields[i])))
      return i;
  return -1;
}

static gboolean
parse_count (const char *text,
             gint64     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  guint64 v;

  if (!g_ascii_string_to_unsigned (copy, 10, 0, G_MAXINT64, &v, NULL))
    return FALSE;
  *value = v;
  return TRUE;
}

static gboolean
is_label_header (const char *header)
{
  static const char * const ids[] = { "date", "geography", "period", "year", "measure",
                                      "unit", "area_name", "name" };
  g_autofree char *norm = reach_classification_normalize (header);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (g_str_equal (norm, ids[i]))
      return TRUE;
  return g_str_has_suffix (norm, "nm") || g_str_has_suffix (norm, "_name");
}

static int
find_value_column (const ReachCsvRow *header)
{
  static const char * const names[] = { "value", "count", "obs_value", "observation",
                                        "usual_residents", "population", "persons", "n" };

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    for (guint i = 0; i < header->n_fields; i++)
      {
        g_autofree char *norm = reach_classification_normalize (header->fields[i]);

        if (g_str_equal (norm, names[k]))
          return i;
      }
  return -1;
}

static AreaCounts *
area_counts_for (ReachBaselineImport *self,
                 GHashTable          *known,
                 const char          *code,
                 guint                line,
                 GHashTable          *unknown)
{
  AreaCounts *a = g_hash_table_lookup (self->areas, code);
  gpointer id;
  char *key;

  if (a != NULL)
    return a;

  if (!g_hash_table_lookup_extended (known, code, NULL, &id))
    {
      g_hash_table_add (unknown, g_strdup (code));
      return NULL;
    }

  a = g_new0 (AreaCounts, 1);
  a->area_id = GPOINTER_TO_SIZE (id);
  a->counts = g_new0 (gint64, self->categories->len);
  a->total = -1;
  a->line = line;
  key = g_strdup (code);
  g_hash_table_insert (self->areas, key, a);
  g_ptr_array_add (self->area_order, key);
  return a;
}

static guint
category_index (ReachBaselineImport *self,
                ReachCategory       *category)
{
  guint index = 0;

  g_ptr_array_find (self->categories, category, &index);
  return index;
}

static gboolean
add_value (ReachBaselineImport  *self,
           AreaCounts           *a,
           Source               *s,
           const char           *text,
           guint                 line,
           const char           *column,
           GError              **error)
{
  gint64 value;

  if (s->state != SOURCE_USED && s->state != SOURCE_TOTAL)
    return TRUE;

  if (!parse_count (text, &value))
    {
      g_set_error (error, REACH_BASELINE_ERROR, REACH_BASELINE_ERROR_INVALID,
                   _("%s, line %u: “%s” in column “%s” is not a count of people"),
                   self->basename, line, text ? text : "", column);
      return FALSE;
    }

  if (s->state == SOURCE_TOTAL)
    {
      if (a->total < 0)
        a->total = value;
    }
  else
    a->counts[category_index (self, s->category)] += value;

  return TRUE;
}

static gboolean
read_wide (ReachBaselineImport  *self,
           ReachDb              *db,
           ReachCsv             *csv,
           int                   code_column,
           GHashTable           *known,
           GHashTable           *unknown,
           GError              **error)
{
  const ReachCsvRow *header = reach_csv_get_row (csv, 0);
  g_autofree char *hint = NULL;
  guint n_other_measures = 0;

  for (guint i = 0; i < header->n_fields; i++)
    {
      g_autofree char *topic = NULL;
      Source s = { 0 };

      if ((int) i == code_column || is_label_header (header->fields[i]))
        continue;
      /* bulk files may carry "; measures: Percent" beside the counts */
      if (strstr (header->fields[i], "; measures:") != NULL &&
          strstr (header->fields[i], "; measures: Value") == NULL)
        {
          n_other_measures++;
          continue;
        }
      s.label = split_topic (header->fields[i], &topic);
      s.column = i;
      g_array_append_val (self->sources, s);
      if (hint == NULL && topic != NULL && characteristic_for_topic (topic) != NULL)
        hint = g_strdup (characteristic_for_topic (topic));
    }

  if (!choose_characteristic (self, db, hint, error))
    return FALSE;
  add_note (self, _("Wide layout: one column per category, area codes in “%s”"),
            header->fields[code_column]);
  if (n_other_measures > 0)
    add_note (self, g_dngettext (GETTEXT_PACKAGE, "%u column of another measure (not a count) is left out",
                                 "%u columns of other measures (not counts) are left out",
                                 n_other_measures), n_other_measures);

  for (guint r = 1; r < reach_csv_get_n_rows (csv); r++)
    {
      const ReachCsvRow *row = reach_csv_get_row (csv, r);
      const char *code = (guint) code_column < row->n_fields ? g_strstrip (row->fields[code_column]) : "";
      AreaCounts *a = area_counts_for (self, known, code, row->line, unknown);

      if (a == NULL)
        continue;
      for (guint i = 0; i < self->sources->len; i++)
        {
          Source *s = &g_array_index (self->sources, Source, i);
          const char *text = s->column < row->n_fields ? row->fields[s->column] : NULL;

          if (!add_value (self, a, s, text, row->line, header->fields[s->column], error))
            return FALSE;
        }
    }

  return TRUE;
}

static Source *
find_source (GArray     *sources,
             const char *label)
{
  for (guint i = 0; i < sources->len; i++)
    {
      Source *s = &g_array_index (sources, Source, i);

      if (g_str_equal (s->label, label))
        return s;
    }
  return NULL;
}

/* The label column of a long file: the one whose distinct values match
 * the most categories. */
static int
choose_label_column (ReachBaselineImport  *self,
                     ReachDb              *db,
                     ReachCsv             *csv,
                     int                   code_column,
                     int                   value_column,
                     GError              **error)
{
  const ReachCsvRow *header = reach_csv_get_row (csv, 0);
  g_autoptr(GError) first_error = NULL;
  int best = -1;
  guint best_n = 0;

  for (guint c = 0; c < header->n_fields; c++)
    {
      g_autoptr(GError) local = NULL;
      guint n = 0;

      if ((int) c == code_column || (int) c == value_column)
        continue;

      g_array_set_size (self->sources, 0);
      for (guint r = 1; r < reach_csv_get_n_rows (csv) && self->sources->len < 300; r++)
        {
          const ReachCsvRow *row = reach_csv_get_row (csv, r);
          Source s = { 0 };

          if (c >= row->n_fields || find_source (self->sources, g_strstrip (row->fields[c])))
            continue;
          s.label = g_strdup (row->fields[c]);
          g_array_append_val (self->sources, s);
        }

      g_clear_pointer (&self->categories, g_ptr_array_unref);
      if (!choose_characteristic (self, db, NULL, &local))
        {
          if (first_error == NULL && self->straddles)
            first_error = g_steal_pointer (&local);
          continue;
        }
      for (guint i = 0; i < self->sources->len; i++)
        n += g_array_index (self->sources, Source, i).state == SOURCE_USED;
      g_clear_pointer (&self->characteristic, g_free);
      if (n > best_n)
        {
          best_n = n;
          best = c;
        }
    }

  g_array_set_size (self->sources, 0);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  if (best < 0 && first_error != NULL)
    g_propagate_error (error, g_steal_pointer (&first_error));
  else if (best < 0)
    g_set_error (error, REACH_BASELINE_ERROR, REACH_BASELINE_ERROR_UNSUPPORTED,
                 _("%s: no column holds category labels Reach knows "
                   "(ethnic group, religion, disability, age, sex, …)"), self->basename);
  return best;
}

static gboolean
read_long (ReachBaselineImport  *self,
           ReachDb              *db,
           ReachCsv             *csv,
           int                   code_column,
           int                   value_column,
           GHashTable           *known,
           GHashTable           *unknown,
           GError              **error)
{
  const ReachCsvRow *header = reach_csv_get_row (csv, 0);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int label_column = choose_label_column (self, db, csv, code_column, value_column, error);

  if (label_column < 0)
    return FALSE;

  for (guint r = 1; r < reach_csv_get_n_rows (csv); r++)
    {
      const ReachCsvRow *row = reach_csv_get_row (csv, r);
      Source s = { 0 };

      if ((guint) label_column >= row->n_fields ||
          find_source (self->sources, g_strstrip (row->fields[label_column])))
        continue;
      s.label = g_strdup (row->fields[label_column]);
      g_array_append_val (self->sources, s);
    }

  if (!choose_characteristic (self, db, NULL, error))
    return FALSE;
  add_note (self, _("Long layout: area codes in “%s”, categories in “%s”, counts in “%s”"),
            header->fields[code_column], header->fields[label_column], header->fields[value_column]);

  for (guint r = 1; r < reach_csv_get_n_rows (csv); r++)
    {
      const ReachCsvRow *row = reach_csv_get_row (csv, r);
      const char *code, *label;
      AreaCounts *a;
      g_autofree char *key = NULL;

      if ((guint) MAX (MAX (code_column, value_column), label_column) >= row->n_fields)
        {
          g_set_error (error, REACH_BASELINE_ERROR, REACH_BASELINE_ERROR_INVALID,
                       _("%s, line %u: the row has %u fields; the header has %u"),
                       self->basename, row->line, row->n_fields, header->n_fields);
          return FALSE;
        }
      code = g_strstrip (row->fields[code_column]);
      label = row->fields[label_column];
      if (!(a = area_counts_for (self, known, code, row->line, unknown)))
        continue;

      key = g_strdup_printf ("%s\n%s", code, label);
      if (!g_hash_table_add (seen, g_steal_pointer (&key)))
        {
          g_set_error (error, REACH_BASELINE_ERROR, REACH_BASELINE_ERROR_INVALID,
                       _("%s, line %u: area %s has a second count for “%s”"),
                       self->basename, row->line, code, label);
          return FALSE;
        }
      if (!add_value (self, a, find_source (self->sources, label), row->fields[value_column],
                      row->line, header->fields[value_column], error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_known_areas (ReachDb     *db,
                  GHashTable  *known,
                  GError     **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT code, id FROM area", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (known, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read areas"));
      return FALSE;
    }
  return TRUE;
}

static void
note_unknown (ReachBaselineImport *self,
              GHashTable          *unknown)
{
  g_autoptr(GList) codes = g_list_sort (g_hash_table_get_keys (unknown), (GCompareFunc) strcmp);
  g_autoptr(GString) examples = g_string_new (NULL);
  guint n = g_hash_table_size (unknown), i = 0;

  if (n == 0)
    return;
  for (GList *l = codes; l != NULL && i < MAX_EXAMPLES; l = l->next, i++)
    g_string_append_printf (examples, "%s%s", i ? ", " : "", (char *) l->data);
  add_note (self, g_dngettext (GETTEXT_PACKAGE,
                               "%u area code is not in this workspace and is skipped: %s%s",
                               "%u area codes are not in this workspace and are skipped: %s%s", n),
            n, examples->str, n > MAX_EXAMPLES ? ", …" : "");
}

gboolean
reach_baseline_import_read (ReachBaselineImport  *self,
                            ReachDb              *db,
                            GCancellable         *cancellable,
                            ReachProgressFunc     progress,
                            gpointer              progress_data,
                            GError              **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(ReachCsv) csv = NULL;
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) unknown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const ReachCsvRow *header;
  int code_column, value_column;
  gboolean ok;

  g_return_val_if_fail (REACH_IS_BASELINE_IMPORT (self), FALSE);

  reset (self);
  if (!(csv = reach_csv_load (self->path, &local)))
    {
      g_set_error_literal (error, REACH_BASELINE_ERROR, REACH_BASELINE_ERROR_FORMAT, local->message);
      return FALSE;
    }
  if (reach_csv_get_n_rows (csv) < 2)
    {
      g_set_error (error, REACH_BASELINE_ERROR, REACH_BASELINE_ERROR_EMPTY,
                   _("%s has no rows of counts"), self->basename);
      return FALSE;
    }
  if (progress)
    progress (0.1, progress_data);

  header = reach_csv_get_row (csv, 0);
  code_column = find_code_column (header, reach_csv_get_row (csv, 1));
  if (code_column < 0)
    {
      g_set_error (error, REACH_BASELINE_ERROR, REACH_BASELINE_ERROR_UNSUPPORTED,
                   _("%s, line %u: no column holds ONS area codes (such as E01011264)"),
                   self->basename, reach_csv_get_row (csv, 1)->line);
      return FALSE;
    }
  if (!read_known_areas (db, known, error))
    return FALSE;

  value_column = find_value_column (header);
  if (value_column >= 0)
    ok = read_long (self, db, csv, code_column, value_column, known, unknown, error);
  else
    ok = read_wide (self, db, csv, code_column, known, unknown, error);
  if (!ok)
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (g_hash_table_size (self->areas) == 0)
    {
      g_set_error (error, REACH_BASELINE_ERROR, REACH_BASELINE_ERROR_NO_AREAS,
                   _("%s: none of its %u area codes are areas of this workspace; import the "
                     "boundaries first"), self->basename, g_hash_table_size (unknown));
      return FALSE;
    }

  note_sources (self);
  note_unknown (self, unknown);
  if (self->source == NULL)
    self->source = g_strdup_printf ("ONS Census 2021 %s", self->basename);
  if (progress)
    progress (1.0, progress_data);
  return TRUE;
}

const char *
reach_baseline_import_get_characteristic (ReachBaselineImport *self)
{
  g_return_val_if_fail (REACH_IS_BASELINE_IMPORT (self), NULL);
  return self->characteristic;
}

guint
reach_baseline_import_get_n_areas (ReachBaselineImport *self)
{
  g_return_val_if_fail (REACH_IS_BASELINE_IMPORT (self), 0);
  return g_hash_table_size (self->areas);
}

static gboolean
category_stored (ReachBaselineImport *self,
                 guint                index)
{
  ReachCategory *category = g_ptr_array_index (self->categories, index);

  for (guint i = 0; i < self->sources->len; i++)
    {
      Source *s = &g_array_index (self->sources, Source, i);

      if (s->state == SOURCE_USED && s->category == category)
        return TRUE;
    }
  return FALSE;
}

guint
reach_baseline_import_get_n_values (ReachBaselineImport *self)
{
  guint n = 0;

  g_return_val_if_fail (REACH_IS_BASELINE_IMPORT (self), 0);
  if (self->categories == NULL)
    return 0;
  for (guint i = 0; i < self->categories->len; i++)
    n += category_stored (self, i);
  return n * g_hash_table_size (self->areas);
}

static gint64
area_total (ReachBaselineImport *self,
            AreaCounts          *a)
{
  gint64 sum = 0;

  if (a->total >= 0)
    return a->total;
  for (guint i = 0; i < self->categories->len; i++)
    sum += a->counts[i];
  return sum;
}

gint64
reach_baseline_import_get_total (ReachBaselineImport *self)
{
  GHashTableIter iter;
  gpointer value;
  gint64 sum = 0;

  g_return_val_if_fail (REACH_IS_BASELINE_IMPORT (self), 0);
  g_hash_table_iter_init (&iter, self->areas);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sum += area_total (self, value);
  return sum;
}

gint64
reach_baseline_import_get_category_total (ReachBaselineImport *self,
                                          const char          *category_key)
{
  GHashTableIter iter;
  gpointer value;
  gint64 sum = 0;

  g_return_val_if_fail (REACH_IS_BASELINE_IMPORT (self), 0);
  if (self->categories == NULL)
    return 0;
  for (guint i = 0; i < self->categories->len; i++)
    {
      ReachCategory *category = g_ptr_array_index (self->categories, i);

      if (!g_str_equal (category->key, category_key))
        continue;
      g_hash_table_iter_init (&iter, self->areas);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        sum += ((AreaCounts *) value)->counts[i];
    }
  return sum;
}

const char * const *
reach_baseline_import_get_notes (ReachBaselineImport *self)
{
  g_return_val_if_fail (REACH_IS_BASELINE_IMPORT (self), NULL);
  return (const char * const *) self->notes->pdata;
}

static gboolean
write_area (ReachBaselineImport  *self,
            ReachDb              *db,
            AreaCounts           *a,
            GError              **error)
{
  sqlite3_stmt *stmt;
  gint64 total = area_total (self, a);

  stmt = reach_db_prepare (db, "DELETE FROM baseline WHERE area_id = ?1 AND category_id IN "
                               "(SELECT g.id FROM category g JOIN characteristic c "
                               "ON c.id = g.characteristic_id WHERE c.key = ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->area_id);
  sqlite3_bind_text (stmt, 2, self->characteristic, -1, SQLITE_TRANSIENT);
  if (!reach_db_step_done (db, stmt, error))
    return FALSE;

  for (guint i = 0; i < self->categories->len; i++)
    {
      ReachCategory *category = g_ptr_array_index (self->categories, i);

      if (!category_stored (self, i))
        continue;
      stmt = reach_db_prepare (db, "INSERT INTO baseline (area_id, category_id, count, table_total, "
                                   "source, year) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, a->area_id);
      sqlite3_bind_int64 (stmt, 2, category->id);
      sqlite3_bind_int64 (stmt, 3, a->counts[i]);
      sqlite3_bind_int64 (stmt, 4, total);
      sqlite3_bind_text (stmt, 5, self->source, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 6, self->year);
      if (!reach_db_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
reach_baseline_import_commit (ReachBaselineImport  *self,
                              ReachDb              *db,
                              GCancellable         *cancellable,
                              ReachProgressFunc     progress,
                              gpointer              progress_data,
                              GError              **error)
{
  guint n = self->area_order->len;

  g_return_val_if_fail (REACH_IS_BASELINE_IMPORT (self), FALSE);
  g_return_val_if_fail (self->characteristic != NULL, FALSE);

  if (!reach_db_begin (db, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      AreaCounts *a = g_hash_table_lookup (self->areas, g_ptr_array_index (self->area_order, i));

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !write_area (self, db, a, error))
        {
          g_prefix_error (error, _("%s: nothing was imported: "), self->basename);
          reach_db_rollback (db);
          return FALSE;
        }
      if (progress && i % 64 == 0)
        progress ((double) i / n, progress_data);
    }

  if (!reach_audit (db, "baseline", 0, "import", error))
    {
      reach_db_rollback (db);
      return FALSE;
    }
  if (progress)
    progress (1.0, progress_data);
  return reach_db_commit (db, error);
}

/* ---- reading baselines back ------------------------------------------- */

GStrv
reach_baselines_list_characteristics (ReachDb  *db,
                                      GError  **error)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = reach_db_prepare (db, "SELECT c.key FROM characteristic c WHERE EXISTS "
                               "(SELECT 1 FROM baseline b JOIN category g ON g.id = b.category_id "
                               "WHERE g.characteristic_id = c.id) ORDER BY c.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (keys, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read baselines"));
      return NULL;
    }
  return g_strv_builder_end (keys);
}

gint64
reach_baselines_get_residents (ReachDb  *db,
                               gint64    area_id,
                               GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 residents;

  /* the area's own largest table; else, by level of the areas inside it,
   * the level that adds up to most (levels are not added together) */
  stmt = reach_db_prepare (db,
                           "SELECT ifnull ((SELECT max (table_total) FROM baseline WHERE area_id = ?1), "
                           "  (SELECT ifnull (max (s), 0) FROM (SELECT sum (t) AS s FROM "
                           "    (SELECT a.level AS level, (SELECT max (table_total) FROM baseline "
                           "       WHERE area_id = p.child_id) AS t "
                           "     FROM area_parent p JOIN area a ON a.id = p.child_id "
                           "     WHERE p.parent_id = ?1) GROUP BY level)))",
                           error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, area_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      reach_db_set_error (db, error, _("Could not read baselines"));
      return -1;
    }
  residents = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return residents;
}
