/* reach-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading is all-or-nothing: one bad row or feature refuses the file, with
 * its line or feature number, so that a half-imported list never has to be
 * untangled by hand.  Things that are not wrong but cannot be used (a
 * LineString, a feature without geometry) are skipped with a note.
 */
#define G_LOG_DOMAIN "reach-import"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reach-csv.h"
#include "reach-geojson.h"
#include "reach-import.h"
#include "reach-place.h"
#include "reach-places.h"

#define PROGRESS_EVERY 200

struct _ReachImport
{
  GObject          parent_instance;

  ReachImportKind  kind;
  char            *path;
  char            *basename;

  ReachPlaceCategory default_category;
  ReachAreaLevel   level;
  gboolean         level_set;
  char            *code_property;
  char            *name_property;
  gboolean         code_chosen;
  gboolean         name_chosen;

  gboolean         read_done;
  GPtrArray       *items;        /* of ReachPlace or ReachArea */
  GPtrArray       *notes;        /* NULL-terminated strings */
  GPtrArray       *properties;   /* NULL-terminated strings */
};

G_DEFINE_TYPE (ReachImport, reach_import, G_TYPE_OBJECT)
G_DEFINE_QUARK (reach-import-error-quark, reach_import_error)

/* GLib 2.74 leaves pdata NULL in an empty null-terminated array. */
static const char * const *
strv_of (GPtrArray *array)
{
  static const char * const empty[] = { NULL };

  return array->pdata != NULL ? (const char * const *) array->pdata : empty;
}

static void
reach_import_finalize (GObject *object)
{
  ReachImport *self = (ReachImport *) object;

  g_free (self->path);
  g_free (self->basename);
  g_free (self->code_property);
  g_free (self->name_property);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->properties, g_ptr_array_unref);

  G_OBJECT_CLASS (reach_import_parent_class)->finalize (object);
}

static void
reach_import_class_init (ReachImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reach_import_finalize;
}

static void
reach_import_init (ReachImport *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->notes = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->properties = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

ReachImport *
reach_import_new (ReachImportKind  kind,
                  const char      *path)
{
  ReachImport *self = g_object_new (REACH_TYPE_IMPORT, NULL);

  g_return_val_if_fail (path != NULL, NULL);

  self->kind = kind;
  self->path = g_strdup (path);
  self->basename = g_path_get_basename (path);
  return self;
}

void
reach_import_set_area_level (ReachImport    *self,
                             ReachAreaLevel  level)
{
  g_return_if_fail (REACH_IS_IMPORT (self));
  g_return_if_fail (level < REACH_N_AREA_LEVELS);

  self->level = level;
  self->level_set = TRUE;
}

void
reach_import_set_default_category (ReachImport        *self,
                                   ReachPlaceCategory  category)
{
  g_return_if_fail (REACH_IS_IMPORT (self));
  g_return_if_fail (category < REACH_N_PLACE_CATEGORIES);

  self->default_category = category;
}

void
reach_import_set_code_property (ReachImport *self,
                                const char  *property)
{
  g_return_if_fail (REACH_IS_IMPORT (self));

  g_free (self->code_property);
  self->code_property = g_strdup (property);
  self->code_chosen = property != NULL;
}

void
reach_import_set_name_property (ReachImport *self,
                                const char  *property)
{
  g_return_if_fail (REACH_IS_IMPORT (self));

  g_free (self->name_property);
  self->name_property = g_strdup (property);
  self->name_chosen = property != NULL;
}

guint
reach_import_get_n_items (ReachImport *self)
{
  g_return_val_if_fail (REACH_IS_IMPORT (self), 0);
  return self->items->len;
}

const char * const *
reach_import_get_notes (ReachImport *self)
{
  g_return_val_if_fail (REACH_IS_IMPORT (self), NULL);
  return strv_of (self->notes);
}

const char * const *
reach_import_get_properties (ReachImport *self)
{
  g_return_val_if_fail (REACH_IS_IMPORT (self), NULL);
  return strv_of (self->properties);
}

const char *
reach_import_get_code_property (ReachImport *self)
{
  g_return_val_if_fail (REACH_IS_IMPORT (self), NULL);
  return self->code_property;
}

const char *
reach_import_get_name_property (ReachImport *self)
{
  g_return_val_if_fail (REACH_IS_IMPORT (self), NULL);
  return self->name_property;
}

GPtrArray *
reach_import_get_items (ReachImport *self)
{
  g_return_val_if_fail (REACH_IS_IMPORT (self), NULL);
  return self->items;
}

static void G_GNUC_PRINTF (2, 3)
add_note (ReachImport *self,
          const char  *format,
          ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
report (ReachProgressFunc progress,
        gpointer          data,
        guint             done,
        guint             total)
{
  if (progress != NULL && total > 0 && (done % PROGRESS_EVERY == 0 || done == total))
    progress ((double) done / total, data);
}

/* Shared value parsing */

static char *
strip_dup (const char *str)
{
  return str ? g_strstrip (g_strdup (str)) : NULL;
}

static gboolean
is_empty (const char *str)
{
  g_autofree char *s = strip_dup (str);

  return s == NULL || *s == '\0';
}

static gboolean
parse_tristate (const char    *str,
                ReachTristate *value)
{
  static const char *yes[] = { "yes", "y", "true", "t", "1", NULL };
  static const char *no[] = { "no", "n", "false", "f", "0", NULL };
  g_autofree char *s = strip_dup (str);
  g_autofree char *lower = NULL;

  if (s == NULL || *s == '\0')
    {
      *value = REACH_TRISTATE_UNKNOWN;
      return TRUE;
    }

  lower = g_ascii_strdown (s, -1);
  if (g_strv_contains (yes, lower))
    *value = REACH_TRISTATE_YES;
  else if (g_strv_contains (no, lower))
    *value = REACH_TRISTATE_NO;
  else
    return FALSE;

  return TRUE;
}

static gboolean
parse_double (const char *str,
              double     *value)
{
  g_autofree char *s = strip_dup (str);
  char *end = NULL;

  if (s == NULL || *s == '\0')
    return FALSE;

  errno = 0;
  *value = g_ascii_strtod (s, &end);
  return errno == 0 && *end == '\0' && isfinite (*value);
}

static gboolean
parse_capacity (const char *str,
                int        *value)
{
  g_autofree char *s = strip_dup (str);
  guint64 n;

  if (s == NULL || *s == '\0')
    {
      *value = -1;
      return TRUE;
    }

  if (!g_ascii_string_to_unsigned (s, 10, 0, G_MAXINT, &n, NULL))
    return FALSE;

  *value = (int) n;
  return TRUE;
}

/* A category by its id ("physical-space") or its label. */
static gboolean
parse_category (const char         *str,
                ReachPlaceCategory *category)
{
  g_autofree char *s = strip_dup (str);
  g_autofree char *folded = NULL;

  if (s == NULL)
    return FALSE;

  folded = g_utf8_casefold (s, -1);
  if (reach_place_category_from_string (folded, category))
    return TRUE;

  for (guint i = 0; i < REACH_N_PLACE_CATEGORIES; i++)
    {
      g_autofree char *label = g_utf8_casefold (reach_place_category_label (i), -1);

      if (g_str_equal (folded, label))
        {
          *category = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Websites without a scheme ("www.example.org") are common in real lists. */
static char *
fix_website (const char *url,
             guint      *n_fixed)
{
  g_autofree char *s = strip_dup (url);

  if (s == NULL || *s == '\0')
    return NULL;
  if (g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://"))
    return g_steal_pointer (&s);

  (*n_fixed)++;
  return g_strconcat ("https://", s, NULL);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
note_unknown_categories (ReachImport *self,
                         guint        n_missing,
                         GHashTable  *unknown,
                         guint        n_unknown)
{
  const char *fallback = reach_place_category_label (self->default_category);

  if (n_missing > 0)
    add_note (self, g_dngettext (GETTEXT_PACKAGE,
                                 "%u place has no category: it will be %s",
                                 "%u places have no category: they will be %s", n_missing),
              n_missing, fallback);

  if (n_unknown > 0)
    {
      guint n_values;
      g_autofree const char **values = (const char **) g_hash_table_get_keys_as_array (unknown, &n_values);
      g_autofree char *list = NULL;

      /* a few examples, the same ones every time */
      qsort (values, n_values, sizeof (char *), compare_strings);
      if (n_values > 5)
        values[5] = NULL;
      list = g_strjoinv ("”, “", (char **) values);
      if (n_values > 5)
        {
          char *longer = g_strconcat (list, "”, …", NULL);

          g_free (list);
          list = longer;
        }

      add_note (self, g_dngettext (GETTEXT_PACKAGE,
                                   "%u place has a category Reach does not know (“%s”): it will be %s",
                                   "%u places have categories Reach does not know (“%s”): they will be %s",
                                   n_unknown),
                n_unknown, list, fallback);
    }
}

/* CSV places */

typedef enum
{
  COL_NAME,
  COL_LAT,
  COL_LON,
  COL_CATEGORY,
  COL_IS_ASSET,
  COL_IS_VENUE,
  COL_DESCRIPTION,
  COL_ADDRESS,
  COL_POSTCODE,
  COL_HOURS,
  COL_CAPACITY,
  COL_WEBSITE,
  COL_PHONE,
  COL_EMAIL,
  COL_SOURCE,
  N_COLS
} Column;

/* Header names as normalize_header() leaves them, most specific first. */
static const char * const column_names[N_COLS][12] = {
  [COL_NAME] = { "name", "place name", "library name", "site name", "venue name",
                 "organisation name", "organization name", "title", NULL },
  [COL_LAT] = { "lat", "latitude", "y", "lat wgs84", "wgs84 latitude", NULL },
  [COL_LON] = { "lon", "lng", "long", "longitude", "x", "lon wgs84", "wgs84 longitude", NULL },
  [COL_CATEGORY] = { "category", "asset category", NULL },
  [COL_IS_ASSET] = { "is asset", NULL },
  [COL_IS_VENUE] = { "is venue", NULL },
  [COL_DESCRIPTION] = { "description", "about", "summary", NULL },
  [COL_ADDRESS] = { "address", "full address", "street address", NULL },
  [COL_POSTCODE] = { "postcode", "post code", "postal code", "zip", NULL },
  [COL_HOURS] = { "opening hours", "hours", "opening times", NULL },
  [COL_CAPACITY] = { "capacity", NULL },
  [COL_WEBSITE] = { "website", "url", "web", "web site", "homepage", NULL },
  [COL_PHONE] = { "phone", "telephone", "tel", "phone number", "telephone number", NULL },
  [COL_EMAIL] = { "email", "e mail", "email address", NULL },
  [COL_SOURCE] = { "source", NULL },
};

#define MAX_ADDRESS_PARTS 4

typedef struct
{
  int column[N_COLS];
  int access[REACH_N_ACCESS];
  int address_parts[MAX_ADDRESS_PARTS];   /* Address1, Address2, … */
  gboolean decimal_comma;                 /* "53,8" in a semicolon file */
} CsvColumns;

/* "Library name", "library_name" and "LIBRARY-NAME" all become "library name". */
static char *
normalize_header (const char *header)
{
  g_autofree char *lower = g_utf8_strdown (header, -1);
  GString *out = g_string_new (NULL);

  g_strstrip (lower);
  for (const char *p = lower; *p != '\0'; p++)
    {
      char c = (*p == '_' || *p == '-' || *p == '.') ? ' ' : *p;

      if (c == ' ' && (out->len == 0 || out->str[out->len - 1] == ' '))
        continue;
      g_string_append_c (out, c);
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/* "pharmacy name", "practice name", "DISTNAME" (OS OpenMap): the place's
 * own name, unless it names the area around it ("ward name", "la name"). */
static gboolean
looks_like_name_key (const char *normal)
{
  static const char * const areas[] = {
    "ward", "la", "lad", "ltla", "utla", "lsoa", "msoa", "oa", "area", "local authority",
    "county", "region", "district", "borough", "parish", "ccg", "icb", "health",
    "provider", "owner", "operator", "town", "city", "street", "road", "file", "user",
    "contact", "manager", NULL
  };
  g_autofree char *prefix = NULL;

  if (g_str_equal (normal, "distname") || g_str_equal (normal, "location"))
    return TRUE;
  if (!g_str_has_suffix (normal, " name"))
    return FALSE;

  prefix = g_strndup (normal, strlen (normal) - strlen (" name"));
  for (guint i = 0; areas[i] != NULL; i++)
    if (g_str_has_prefix (prefix, areas[i]) &&
        (prefix[strlen (areas[i])] == '\0' || prefix[strlen (areas[i])] == ' ' ||
         g_ascii_isdigit (prefix[strlen (areas[i])])))
      return FALSE;

  return TRUE;
}

static int
find_column (GStrv               headers,
             const char * const *names)
{
  for (guint n = 0; names[n] != NULL; n++)
    for (guint i = 0; headers[i] != NULL; i++)
      if (g_str_equal (headers[i], names[n]))
        return i;

  return -1;
}

static void
find_csv_columns (const ReachCsvRow *header,
                  CsvColumns        *cols)
{
  g_auto(GStrv) normal = g_new0 (char *, header->n_fields + 1);

  for (guint i = 0; i < header->n_fields; i++)
    normal[i] = normalize_header (header->fields[i]);

  for (guint c = 0; c < N_COLS; c++)
    cols->column[c] = find_column (normal, column_names[c]);

  for (guint i = 0; cols->column[COL_NAME] < 0 && normal[i] != NULL; i++)
    if (looks_like_name_key (normal[i]))
      cols->column[COL_NAME] = i;

  for (guint k = 0; k < MAX_ADDRESS_PARTS; k++)
    {
      g_autofree char *joined = g_strdup_printf ("address%u", k + 1);
      g_autofree char *spaced = g_strdup_printf ("address %u", k + 1);
      g_autofree char *line = g_strdup_printf ("address line %u", k + 1);
      const char *names[] = { joined, spaced, line, NULL };

      cols->address_parts[k] = find_column (normal, names);
    }

  for (guint a = 0; a < REACH_N_ACCESS; a++)
    {
      g_autofree char *name = normalize_header (reach_access_column (a));
      const char *names[] = { name, NULL };

      cols->access[a] = find_column (normal, names);
    }
}

static gboolean
require_column (ReachImport        *self,
                const ReachCsvRow  *header,
                const CsvColumns   *cols,
                Column              column,
                const char         *what,
                GError            **error)
{
  g_autofree char *looked_for = NULL;

  if (cols->column[column] >= 0)
    return TRUE;

  looked_for = g_strjoinv (", ", (char **) column_names[column]);
  g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
               _("%s line %u: there is no %s column (Reach looks for: %s)"),
               self->basename, header->line, what, looked_for);
  return FALSE;
}

typedef struct
{
  guint       n_no_category;
  guint       n_unknown_category;
  GHashTable *unknown_categories;
  guint       n_websites_fixed;
} ReadCounts;

static void
read_counts_clear (ReadCounts *counts)
{
  g_clear_pointer (&counts->unknown_categories, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReadCounts, read_counts_clear)

static void
apply_category (ReachPlace *place,
                const char *value,
                ReadCounts *counts)
{
  if (is_empty (value))
    counts->n_no_category++;
  else if (!parse_category (value, &place->category))
    {
      counts->n_unknown_category++;
      g_hash_table_add (counts->unknown_categories, strip_dup (value));
    }
}

static const char *
field (const ReachCsvRow *row,
       int                column)
{
  if (column < 0 || (guint) column >= row->n_fields)
    return NULL;
  return row->fields[column];
}

static gboolean
read_csv_coordinate (ReachImport       *self,
                     const ReachCsvRow *row,
                     const CsvColumns  *cols,
                     Column             column,
                     const char        *what,
                     double             limit,
                     double            *value,
                     GError           **error)
{
  const char *text = field (row, cols->column[column]);
  g_autofree char *number = g_strdup (text);

  if (cols->decimal_comma && number != NULL)
    g_strdelimit (number, ",", '.');

  if (is_empty (text))
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
                   _("%s line %u: the %s is missing"), self->basename, row->line, what);
      return FALSE;
    }

  if (!parse_double (number, value))
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
                   _("%s line %u: %s “%s” is not a number"), self->basename, row->line, what, text);
      return FALSE;
    }

  /* Eastings and northings (British National Grid) are in metres. */
  if (*value < -limit || *value > limit)
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
                   _("%s line %u: %s %s is outside −%g to %g%s"),
                   self->basename, row->line, what, text, limit, limit,
                   fabs (*value) > 1000 ? _(" (it looks like an easting or northing; "
                                            "Reach needs latitude and longitude in degrees)") : "");
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_csv_flags (ReachImport       *self,
                const ReachCsvRow *row,
                const CsvColumns  *cols,
                ReachPlace        *place,
                GError           **error)
{
  const char *text;
  ReachTristate value;

  for (guint a = 0; a < REACH_N_ACCESS; a++)
    {
      text = field (row, cols->access[a]);
      if (!parse_tristate (text, &place->access[a]))
        goto bad;
    }

  text = field (row, cols->column[COL_IS_VENUE]);
  if (!parse_tristate (text, &value))
    goto bad;
  place->is_venue = value == REACH_TRISTATE_YES;

  text = field (row, cols->column[COL_IS_ASSET]);
  if (!parse_tristate (text, &value))
    goto bad;
  place->is_asset = value != REACH_TRISTATE_NO;

  text = field (row, cols->column[COL_CAPACITY]);
  if (!parse_capacity (text, &place->capacity))
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
                   _("%s line %u: capacity “%s” is not a whole number"),
                   self->basename, row->line, text);
      return FALSE;
    }

  return TRUE;

bad:
  g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
               _("%s line %u: “%s” is not yes or no (nor true/false, 1/0, or empty)"),
               self->basename, row->line, text);
  return FALSE;
}

/* Address1, Address2, … as one line. */
static char *
join_address (const ReachCsvRow *row,
              const CsvColumns  *cols)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint k = 0; k < MAX_ADDRESS_PARTS; k++)
    {
      g_autofree char *part = strip_dup (field (row, cols->address_parts[k]));

      if (part != NULL && *part != '\0')
        g_string_append_printf (out, "%s%s", out->len ? ", " : "", part);
    }

  return out->len ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static ReachPlace *
read_csv_place (ReachImport       *self,
                const ReachCsvRow *row,
                guint              n_header,
                const CsvColumns  *cols,
                ReadCounts        *counts,
                GError           **error)
{
  g_autoptr(ReachPlace) place = reach_place_new ();
  g_autoptr(GError) local_error = NULL;
  const char *source;

  place->category = self->default_category;

  for (guint i = n_header; i < row->n_fields; i++)
    if (!is_empty (row->fields[i]))
      {
        g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
                     _("%s line %u has %u fields, but the header has %u"),
                     self->basename, row->line, row->n_fields, n_header);
        return NULL;
      }

  if (!read_csv_coordinate (self, row, cols, COL_LAT, _("latitude"), 90, &place->lat, error) ||
      !read_csv_coordinate (self, row, cols, COL_LON, _("longitude"), 180, &place->lon, error) ||
      !read_csv_flags (self, row, cols, place, error))
    return NULL;

  place->name = strip_dup (field (row, cols->column[COL_NAME]));
  place->description = strip_dup (field (row, cols->column[COL_DESCRIPTION]));
  place->address = cols->column[COL_ADDRESS] >= 0
                   ? strip_dup (field (row, cols->column[COL_ADDRESS]))
                   : join_address (row, cols);
  place->postcode = reach_postcode_normalize (field (row, cols->column[COL_POSTCODE]));
  place->opening_hours = strip_dup (field (row, cols->column[COL_HOURS]));
  place->website = fix_website (field (row, cols->column[COL_WEBSITE]), &counts->n_websites_fixed);
  place->phone = strip_dup (field (row, cols->column[COL_PHONE]));
  place->email = strip_dup (field (row, cols->column[COL_EMAIL]));
  source = field (row, cols->column[COL_SOURCE]);
  place->source = is_empty (source) ? g_strdup (self->basename) : strip_dup (source);
  if (cols->column[COL_CATEGORY] >= 0)
    apply_category (place, field (row, cols->column[COL_CATEGORY]), counts);
  else
    counts->n_no_category++;

  if (!reach_place_validate (place, &local_error))
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
                   "%s line %u: %s", self->basename, row->line, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&place);
}

static void
note_csv_columns (ReachImport       *self,
                  const ReachCsvRow *header,
                  const CsvColumns  *cols)
{
  g_autoptr(GString) used = g_string_new (NULL);

  add_note (self, _("Names from column “%s”"), header->fields[cols->column[COL_NAME]]);
  add_note (self, _("Coordinates from columns “%s” and “%s”"),
            header->fields[cols->column[COL_LAT]], header->fields[cols->column[COL_LON]]);

  for (guint c = COL_CATEGORY; c < N_COLS; c++)
    if (cols->column[c] >= 0)
      g_string_append_printf (used, "%s“%s”", used->len ? ", " : "", header->fields[cols->column[c]]);
  for (guint a = 0; a < REACH_N_ACCESS; a++)
    if (cols->access[a] >= 0)
      g_string_append_printf (used, "%s“%s”", used->len ? ", " : "", header->fields[cols->access[a]]);
  for (guint k = 0; cols->column[COL_ADDRESS] < 0 && k < MAX_ADDRESS_PARTS; k++)
    if (cols->address_parts[k] >= 0)
      g_string_append_printf (used, "%s“%s”", used->len ? ", " : "", header->fields[cols->address_parts[k]]);

  if (used->len > 0)
    add_note (self, _("Also read: %s"), used->str);
}

static gboolean
read_csv_places (ReachImport        *self,
                 GCancellable       *cancellable,
                 ReachProgressFunc   progress,
                 gpointer            progress_data,
                 GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ReachCsv) csv = reach_csv_load (self->path, &local_error);
  g_auto(ReadCounts) counts = { 0 };
  const ReachCsvRow *header;
  CsvColumns cols;
  guint n_rows;

  if (csv == NULL)
    {
      g_set_error_literal (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_FORMAT,
                           local_error->message);
      return FALSE;
    }

  n_rows = reach_csv_get_n_rows (csv);
  if (n_rows == 0)
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_EMPTY,
                   _("%s is empty"), self->basename);
      return FALSE;
    }

  header = reach_csv_get_row (csv, 0);
  find_csv_columns (header, &cols);
  cols.decimal_comma = reach_csv_get_delimiter (csv) == ';';
  if (!require_column (self, header, &cols, COL_NAME, _("name"), error) ||
      !require_column (self, header, &cols, COL_LAT, _("latitude"), error) ||
      !require_column (self, header, &cols, COL_LON, _("longitude"), error))
    return FALSE;

  if (n_rows == 1)
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_EMPTY,
                   _("%s has a header but no rows"), self->basename);
      return FALSE;
    }

  counts.unknown_categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 1; i < n_rows; i++)
    {
      ReachPlace *place;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      place = read_csv_place (self, reach_csv_get_row (csv, i), header->n_fields,
                              &cols, &counts, error);
      if (place == NULL)
        return FALSE;

      g_ptr_array_add (self->items, place);
      report (progress, progress_data, i, n_rows - 1);
    }

  if (reach_csv_get_delimiter (csv) == ';')
    add_note (self, _("Columns separated by semicolons; coordinates may use decimal commas"));
  else if (reach_csv_get_delimiter (csv) == '\t')
    add_note (self, _("Columns separated by tabs"));
  note_csv_columns (self, header, &cols);
  note_unknown_categories (self, counts.n_no_category, counts.unknown_categories,
                           counts.n_unknown_category);
  if (counts.n_websites_fixed > 0)
    add_note (self, g_dngettext (GETTEXT_PACKAGE,
                                 "%u website had no http:// or https://: https:// was added",
                                 "%u websites had no http:// or https://: https:// was added",
                                 counts.n_websites_fixed),
              counts.n_websites_fixed);

  return TRUE;
}

/* GeoJSON: shared */

static gboolean
load_geojson (ReachImport  *self,
              JsonNode    **root,
              JsonArray   **features,
              GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  const char *type;

  *root = reach_geojson_load (self->path, &local_error);
  if (*root == NULL)
    {
      int code = REACH_IMPORT_ERROR_FORMAT;

      if (g_error_matches (local_error, REACH_GEOJSON_ERROR, REACH_GEOJSON_ERROR_INVALID))
        code = REACH_IMPORT_ERROR_INVALID;
      g_set_error_literal (error, REACH_IMPORT_ERROR, code, local_error->message);
      return FALSE;
    }

  object = json_node_get_object (*root);
  type = json_object_get_string_member (object, "type");
  if (g_str_equal (type, "FeatureCollection"))
    {
      *features = json_array_ref (json_object_get_array_member (object, "features"));
    }
  else if (g_str_equal (type, "Feature"))
    {
      *features = json_array_new ();
      json_array_add_element (*features, json_node_ref (*root));
    }
  else
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_UNSUPPORTED,
                   _("%s holds a bare %s with no properties; Reach imports Features"),
                   self->basename, type);
      return FALSE;
    }

  if (json_array_get_length (*features) == 0)
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_EMPTY,
                   _("%s has no features"), self->basename);
      return FALSE;
    }

  return TRUE;
}

static JsonObject *
feature_properties (JsonObject *feature)
{
  JsonNode *node = json_object_get_member (feature, "properties");

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
feature_geometry_type (JsonObject *feature)
{
  JsonNode *node = json_object_get_member (feature, "geometry");

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_get_string_member (json_node_get_object (node), "type");
}

/* A property as text: strings as they are, numbers and booleans spelt out. */
static char *
value_text (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return strip_dup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "yes" : "no");
    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
      }
    default:
      return NULL;
    }
}

/* Feature properties, with OpenStreetMap's "other_tags" object (as
 * osm-extract writes it) looked at after the top-level ones. */
typedef struct
{
  JsonObject *props;
  JsonObject *tags;
  JsonObject *owned_tags;
} Props;

static void
props_clear (Props *p)
{
  g_clear_pointer (&p->owned_tags, json_object_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Props, props_clear)

/* One "…" string of hstore text, with \" and \\ escapes. */
static char *
hstore_string (const char **p)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (**p != '"')
    return NULL;

  for ((*p)++; **p != '\0' && **p != '"'; (*p)++)
    {
      if (**p == '\\' && (*p)[1] != '\0')
        (*p)++;
      g_string_append_c (out, **p);
    }

  if (**p != '"')
    return NULL;
  (*p)++;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ogr2ogr's own OSM driver writes other_tags as hstore text:
 * "addr:postcode"=>"LS18 4RF","phone"=>"…".  Reads as far as it makes sense. */
static JsonObject *
parse_hstore (const char *text)
{
  JsonObject *object = json_object_new ();
  const char *p = text;

  for (;;)
    {
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      while (*p == ' ' || *p == ',')
        p++;
      if (!(key = hstore_string (&p)))
        break;
      while (*p == ' ')
        p++;
      if (!g_str_has_prefix (p, "=>"))
        break;
      p += 2;
      while (*p == ' ')
        p++;
      if (!(value = hstore_string (&p)))
        break;
      json_object_set_string_member (object, key, value);
    }

  return object;
}

static Props
props_of (JsonObject *feature)
{
  Props p = { feature_properties (feature), NULL, NULL };
  JsonNode *tags;

  if (p.props == NULL || (tags = json_object_get_member (p.props, "other_tags")) == NULL)
    return p;

  if (JSON_NODE_HOLDS_OBJECT (tags))
    p.tags = json_node_get_object (tags);
  else if (JSON_NODE_HOLDS_VALUE (tags) && json_node_get_value_type (tags) == G_TYPE_STRING)
    p.tags = p.owned_tags = parse_hstore (json_node_get_string (tags));

  return p;
}

static char *
prop (const Props *p,
      const char  *name)
{
  g_autofree char *value = NULL;

  if (p->props != NULL)
    value = value_text (json_object_get_member (p->props, name));
  if ((value == NULL || *value == '\0') && p->tags != NULL)
    {
      g_free (value);
      value = value_text (json_object_get_member (p->tags, name));
    }

  return value != NULL && *value != '\0' ? g_steal_pointer (&value) : NULL;
}

static char *
prop_any (const Props        *p,
          const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      char *value = prop (p, names[i]);

      if (value != NULL)
        return value;
    }

  return NULL;
}

/* GeoJSON places */

static const struct {
  const char         *key;
  const char         *value;   /* NULL: any value */
  ReachPlaceCategory  category;
} osm_categories[] = {
  { "amenity", "place_of_worship", REACH_PLACE_CATEGORY_FAITH },
  { "building", "church", REACH_PLACE_CATEGORY_FAITH },
  { "building", "chapel", REACH_PLACE_CATEGORY_FAITH },
  { "building", "mosque", REACH_PLACE_CATEGORY_FAITH },
  { "building", "synagogue", REACH_PLACE_CATEGORY_FAITH },
  { "building", "temple", REACH_PLACE_CATEGORY_FAITH },
  { "religion", NULL, REACH_PLACE_CATEGORY_FAITH },
  { "amenity", "library", REACH_PLACE_CATEGORY_INSTITUTION },
  { "amenity", "school", REACH_PLACE_CATEGORY_INSTITUTION },
  { "amenity", "college", REACH_PLACE_CATEGORY_INSTITUTION },
  { "amenity", "university", REACH_PLACE_CATEGORY_INSTITUTION },
  { "amenity", "kindergarten", REACH_PLACE_CATEGORY_INSTITUTION },
  { "amenity", "childcare", REACH_PLACE_CATEGORY_INSTITUTION },
  { "amenity", "doctors", REACH_PLACE_CATEGORY_INSTITUTION },
  { "amenity", "clinic", REACH_PLACE_CATEGORY_INSTITUTION },
  { "amenity", "hospital", REACH_PLACE_CATEGORY_INSTITUTION },
  { "amenity", "dentist", REACH_PLACE_CATEGORY_INSTITUTION },
  { "amenity", "pharmacy", REACH_PLACE_CATEGORY_INSTITUTION },
  { "amenity", "social_facility", REACH_PLACE_CATEGORY_INSTITUTION },
  { "amenity", "townhall", REACH_PLACE_CATEGORY_INSTITUTION },
  { "amenity", "police", REACH_PLACE_CATEGORY_INSTITUTION },
  { "amenity", "fire_station", REACH_PLACE_CATEGORY_INSTITUTION },
  { "amenity", "post_office", REACH_PLACE_CATEGORY_INSTITUTION },
  { "healthcare", NULL, REACH_PLACE_CATEGORY_INSTITUTION },
  { "amenity", "community_centre", REACH_PLACE_CATEGORY_PHYSICAL_SPACE },
  { "amenity", "social_centre", REACH_PLACE_CATEGORY_PHYSICAL_SPACE },
  { "amenity", "activity_centre", REACH_PLACE_CATEGORY_PHYSICAL_SPACE },
  { "amenity", "toilets", REACH_PLACE_CATEGORY_PHYSICAL_SPACE },
  { "amenity", "defibrillator", REACH_PLACE_CATEGORY_PHYSICAL_SPACE },
  { "emergency", "defibrillator", REACH_PLACE_CATEGORY_PHYSICAL_SPACE },
  { "amenity", "arts_centre", REACH_PLACE_CATEGORY_CULTURE },
  { "amenity", "theatre", REACH_PLACE_CATEGORY_CULTURE },
  { "amenity", "cinema", REACH_PLACE_CATEGORY_CULTURE },
  { "tourism", "museum", REACH_PLACE_CATEGORY_CULTURE },
  { "tourism", "gallery", REACH_PLACE_CATEGORY_CULTURE },
  { "historic", NULL, REACH_PLACE_CATEGORY_CULTURE },
  { "leisure", "fitness_centre", REACH_PLACE_CATEGORY_BUSINESS },
  { "leisure", NULL, REACH_PLACE_CATEGORY_PHYSICAL_SPACE },
  { "shop", NULL, REACH_PLACE_CATEGORY_BUSINESS },
  { "craft", NULL, REACH_PLACE_CATEGORY_BUSINESS },
  { "amenity", "cafe", REACH_PLACE_CATEGORY_BUSINESS },
  { "amenity", "restaurant", REACH_PLACE_CATEGORY_BUSINESS },
  { "amenity", "pub", REACH_PLACE_CATEGORY_BUSINESS },
  { "office", "association", REACH_PLACE_CATEGORY_ASSOCIATION },
  { "office", "charity", REACH_PLACE_CATEGORY_ASSOCIATION },
  { "club", NULL, REACH_PLACE_CATEGORY_ASSOCIATION },
};

static gboolean
osm_category (const Props        *p,
              ReachPlaceCategory *category)
{
  for (guint i = 0; i < G_N_ELEMENTS (osm_categories); i++)
    {
      g_autofree char *value = prop (p, osm_categories[i].key);

      if (value != NULL &&
          (osm_categories[i].value == NULL || g_str_equal (value, osm_categories[i].value)))
        {
          *category = osm_categories[i].category;
          return TRUE;
        }
    }

  return FALSE;
}

/* "place_of_worship" → "Place of worship": a name for an unnamed feature. */
static char *
name_from_tags (const Props *p)
{
  static const char * const keys[] = { "amenity", "emergency", "leisure", "shop", "healthcare", "office", NULL };

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = prop (p, keys[i]);

      if (value != NULL && !g_str_equal (value, "yes"))
        {
          g_strdelimit (value, "_", ' ');
          value[0] = g_ascii_toupper (value[0]);
          return g_steal_pointer (&value);
        }
    }

  return NULL;
}

/* Address1, Address2, … (Trafford's lists) as one line. */
static char *
numbered_address (const Props *p)
{
  g_autoptr(GList) keys = p->props ? json_object_get_members (p->props) : NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint k = 1; k <= MAX_ADDRESS_PARTS; k++)
    {
      g_autofree char *joined = g_strdup_printf ("address%u", k);
      g_autofree char *spaced = g_strdup_printf ("address %u", k);
      g_autofree char *line = g_strdup_printf ("address line %u", k);

      for (GList *l = keys; l != NULL; l = l->next)
        {
          g_autofree char *normal = normalize_header (l->data);
          g_autofree char *part = NULL;

          if (!g_str_equal (normal, joined) && !g_str_equal (normal, spaced) &&
              !g_str_equal (normal, line))
            continue;
          part = value_text (json_object_get_member (p->props, l->data));
          if (part != NULL && *part != '\0')
            g_string_append_printf (out, "%s%s", out->len ? ", " : "", part);
          break;
        }
    }

  return out->len ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static char *
osm_address (const Props *p)
{
  static const char * const names[] = { "address", "addr:full", NULL };
  g_autofree char *number = prop (p, "addr:housenumber");
  g_autofree char *street = prop (p, "addr:street");
  g_autofree char *suburb = prop (p, "addr:suburb");
  g_autofree char *city = prop (p, "addr:city");
  g_autoptr(GString) out = NULL;
  char *full = prop_any (p, names);

  if (full != NULL)
    return full;
  if (street == NULL)
    return numbered_address (p);

  out = g_string_new (NULL);
  if (number != NULL)
    g_string_append_printf (out, "%s ", number);
  g_string_append (out, street);
  if (suburb != NULL)
    g_string_append_printf (out, ", %s", suburb);
  if (city != NULL)
    g_string_append_printf (out, ", %s", city);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static ReachTristate
osm_tristate (const Props *p,
              const char  *key,
              gboolean     inverted)
{
  g_autofree char *value = prop (p, key);
  ReachTristate t;

  if (value == NULL || !parse_tristate (value, &t))
    {
      /* OSM's wheelchair=limited means some access, not step-free. */
      if (value != NULL && g_str_equal (value, "limited"))
        return REACH_TRISTATE_NO;
      return REACH_TRISTATE_UNKNOWN;
    }

  if (inverted && t != REACH_TRISTATE_UNKNOWN)
    t = t == REACH_TRISTATE_YES ? REACH_TRISTATE_NO : REACH_TRISTATE_YES;
  return t;
}

typedef struct
{
  ReadCounts counts;
  guint      n_from_osm;
  guint      n_named_from_tags;
  guint      n_unnamed;
  guint      n_no_geometry;
  GHashTable *skipped_types;   /* type → count */
} FeatureCounts;

static void
feature_counts_clear (FeatureCounts *counts)
{
  read_counts_clear (&counts->counts);
  g_clear_pointer (&counts->skipped_types, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FeatureCounts, feature_counts_clear)

static void
count_skipped_type (FeatureCounts *counts,
                    const char    *type)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts->skipped_types, type));

  g_hash_table_insert (counts->skipped_types, (gpointer) type, GUINT_TO_POINTER (n + 1));
}

/* A yes/no property of our own (is_venue, step_free, …); absent is unknown. */
static gboolean
feature_tristate (ReachImport    *self,
                  const Props    *p,
                  guint           number,
                  const char     *key,
                  ReachTristate  *value,
                  GError        **error)
{
  g_autofree char *text = prop (p, key);

  if (parse_tristate (text, value))
    return TRUE;

  g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
               _("%s: feature %u: %s “%s” is not yes or no (nor true/false, 1/0, or empty)"),
               self->basename, number, key, text);
  return FALSE;
}

/* OpenStreetMap's accessibility tags, where our own columns say nothing. */
static void
osm_access (const Props *p,
            ReachPlace  *place)
{
  static const struct {
    ReachAccess  access;
    const char  *tag;
    gboolean     inverted;
  } tags[] = {
    { REACH_ACCESS_STEP_FREE, "wheelchair", FALSE },
    { REACH_ACCESS_ACCESSIBLE_TOILET, "toilets:wheelchair", FALSE },
    { REACH_ACCESS_BABY_CHANGE, "changing_table", FALSE },
    { REACH_ACCESS_HEARING_LOOP, "hearing_loop", FALSE },
    { REACH_ACCESS_FREE_TO_USE, "fee", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (place->access[tags[i].access] == REACH_TRISTATE_UNKNOWN)
      place->access[tags[i].access] = osm_tristate (p, tags[i].tag, tags[i].inverted);
}

static gboolean
read_feature_flags (ReachImport  *self,
                    const Props  *p,
                    guint         number,
                    ReachPlace   *place,
                    GError      **error)
{
  g_autofree char *capacity = prop (p, "capacity");
  ReachTristate venue, asset;

  for (guint a = 0; a < REACH_N_ACCESS; a++)
    if (!feature_tristate (self, p, number, reach_access_column (a), &place->access[a], error))
      return FALSE;
  osm_access (p, place);

  if (!feature_tristate (self, p, number, "is_venue", &venue, error) ||
      !feature_tristate (self, p, number, "is_asset", &asset, error))
    return FALSE;
  place->is_venue = venue == REACH_TRISTATE_YES;
  place->is_asset = asset != REACH_TRISTATE_NO;

  /* OSM capacity is free text ("about 50"); only a plain number is kept. */
  if (!parse_capacity (capacity, &place->capacity))
    place->capacity = -1;

  return TRUE;
}

static gboolean
feature_location (ReachImport  *self,
                  JsonObject   *feature,
                  guint         number,
                  ReachLonLat  *where,
                  GError      **error)
{
  JsonNode *geometry = json_object_get_member (feature, "geometry");
  const char *type = feature_geometry_type (feature);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ReachGeometry) shape = NULL;

  if (g_str_equal (type, "Point"))
    {
      JsonArray *coords = json_object_get_array_member (json_node_get_object (geometry), "coordinates");

      where->lon = json_array_get_double_element (coords, 0);
      where->lat = json_array_get_double_element (coords, 1);
      if (where->lon >= -180 && where->lon <= 180 && where->lat >= -90 && where->lat <= 90)
        return TRUE;

      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
                   _("%s: feature %u: the point %g, %g is not a longitude and latitude"),
                   self->basename, number, where->lon, where->lat);
      return FALSE;
    }

  shape = reach_geometry_new_from_json (geometry, &local_error);
  if (shape == NULL)
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
                   _("%s: feature %u: %s"), self->basename, number, local_error->message);
      return FALSE;
    }

  *where = reach_geometry_interior_point (shape);
  return TRUE;
}

static void
fill_place_text (ReachImport  *self,
                 const Props  *p,
                 ReachPlace   *place,
                 guint        *n_websites_fixed)
{
  static const char * const postcode[] = { "postcode", "Postcode", "POSTCODE", "addr:postcode",
                                            "postal_code", NULL };
  static const char * const phone[] = { "phone", "contact:phone", "telephone", NULL };
  static const char * const website[] = { "website", "contact:website", "url", NULL };
  static const char * const email[] = { "email", "contact:email", NULL };
  static const char * const hours[] = { "opening_hours", "hours", NULL };
  g_autofree char *url = prop_any (p, website);
  g_autofree char *raw_postcode = prop_any (p, postcode);
  g_autofree char *source = p->props ? value_text (json_object_get_member (p->props, "source")) : NULL;

  place->address = osm_address (p);
  place->postcode = reach_postcode_normalize (raw_postcode);
  place->phone = prop_any (p, phone);
  place->email = prop_any (p, email);
  place->opening_hours = prop_any (p, hours);
  place->description = prop (p, "description");
  place->website = fix_website (url, n_websites_fixed);
  place->source = source != NULL && *source != '\0' ? g_steal_pointer (&source)
                                                    : g_strdup (self->basename);
}

static char *
name_like_property (const Props *p)
{
  g_autoptr(GList) keys = p->props ? json_object_get_members (p->props) : NULL;

  for (GList *l = keys; l != NULL; l = l->next)
    {
      g_autofree char *normal = normalize_header (l->data);

      if (looks_like_name_key (normal))
        {
          char *value = value_text (json_object_get_member (p->props, l->data));

          if (value != NULL && *value != '\0')
            return value;
          g_free (value);
        }
    }

  return NULL;
}

/* NULL with no error: the feature is skipped (and counted). */
static ReachPlace *
read_feature_place (ReachImport    *self,
                    JsonObject     *feature,
                    guint           number,
                    FeatureCounts  *counts,
                    GError        **error)
{
  static const char * const names[] = { "name", "Name", "NAME", "title", "Title", NULL };
  g_autoptr(ReachPlace) place = reach_place_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *category = NULL;
  const char *type = feature_geometry_type (feature);
  g_auto(Props) p = props_of (feature);
  ReachLonLat where;

  place->category = self->default_category;

  if (type == NULL)
    {
      counts->n_no_geometry++;
      return NULL;
    }
  if (!g_str_equal (type, "Point") && !g_str_equal (type, "Polygon") &&
      !g_str_equal (type, "MultiPolygon"))
    {
      count_skipped_type (counts, type);
      return NULL;
    }

  place->name = prop_any (&p, names);
  if (place->name == NULL)
    place->name = name_like_property (&p);
  if (place->name == NULL && (place->name = name_from_tags (&p)) != NULL)
    counts->n_named_from_tags++;
  if (place->name == NULL)
    {
      counts->n_unnamed++;
      return NULL;
    }

  if (!feature_location (self, feature, number, &where, error) ||
      !read_feature_flags (self, &p, number, place, error))
    return NULL;
  place->lon = where.lon;
  place->lat = where.lat;
  fill_place_text (self, &p, place, &counts->counts.n_websites_fixed);

  category = prop (&p, "category");
  if (category != NULL)
    apply_category (place, category, &counts->counts);
  else if (osm_category (&p, &place->category))
    counts->n_from_osm++;
  else
    counts->counts.n_no_category++;

  if (!reach_place_validate (place, &local_error))
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
                   _("%s: feature %u (“%s”): %s"),
                   self->basename, number, place->name, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&place);
}

static void
note_skipped (ReachImport   *self,
              FeatureCounts *counts)
{
  GHashTableIter iter;
  gpointer type, n;

  if (counts->n_no_geometry > 0)
    add_note (self, g_dngettext (GETTEXT_PACKAGE,
                                 "%u feature has no geometry: skipped",
                                 "%u features have no geometry: skipped", counts->n_no_geometry),
              counts->n_no_geometry);

  g_hash_table_iter_init (&iter, counts->skipped_types);
  while (g_hash_table_iter_next (&iter, &type, &n))
    add_note (self, g_dngettext (GETTEXT_PACKAGE,
                                 "%u feature is a %s, which Reach cannot use here: skipped",
                                 "%u features are %ss, which Reach cannot use here: skipped",
                                 GPOINTER_TO_UINT (n)),
              GPOINTER_TO_UINT (n), (const char *) type);
}

static void
note_places (ReachImport   *self,
             FeatureCounts *counts)
{
  note_skipped (self, counts);

  if (counts->n_unnamed > 0)
    add_note (self, g_dngettext (GETTEXT_PACKAGE,
                                 "%u feature has no name and says nothing of what it is: skipped",
                                 "%u features have no name and say nothing of what they are: skipped",
                                 counts->n_unnamed),
              counts->n_unnamed);
  if (counts->n_named_from_tags > 0)
    add_note (self, g_dngettext (GETTEXT_PACKAGE,
                                 "%u place has no name: it is called what it is (such as “Defibrillator”)",
                                 "%u places have no name: each is called what it is (such as “Defibrillator”)",
                                 counts->n_named_from_tags),
              counts->n_named_from_tags);
  if (counts->n_from_osm > 0)
    add_note (self, g_dngettext (GETTEXT_PACKAGE,
                                 "%u category taken from OpenStreetMap tags",
                                 "%u categories taken from OpenStreetMap tags (amenity, leisure, religion…)",
                                 counts->n_from_osm),
              counts->n_from_osm);

  note_unknown_categories (self, counts->counts.n_no_category, counts->counts.unknown_categories,
                           counts->counts.n_unknown_category);
  if (counts->counts.n_websites_fixed > 0)
    add_note (self, g_dngettext (GETTEXT_PACKAGE,
                                 "%u website had no http:// or https://: https:// was added",
                                 "%u websites had no http:// or https://: https:// was added",
                                 counts->counts.n_websites_fixed),
              counts->counts.n_websites_fixed);
}

static gboolean
nothing_usable (ReachImport  *self,
                const char   *what,
                GError      **error)
{
  g_autofree char *notes = g_strjoinv ("; ", (char **) strv_of (self->notes));

  g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_UNSUPPORTED,
               _("%s has no %s Reach can use (%s)"), self->basename, what, notes);
  return FALSE;
}

static gboolean
read_geojson_places (ReachImport        *self,
                     GCancellable       *cancellable,
                     ReachProgressFunc   progress,
                     gpointer            progress_data,
                     GError            **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonArray) features = NULL;
  g_auto(FeatureCounts) counts = { { 0 } };
  guint n;

  if (!load_geojson (self, &root, &features, error))
    return FALSE;

  counts.counts.unknown_categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  counts.skipped_types = g_hash_table_new (g_str_hash, g_str_equal);
  n = json_array_get_length (features);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *feature = json_array_get_object_element (features, i);
      g_autoptr(GError) local_error = NULL;
      ReachPlace *place;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      place = read_feature_place (self, feature, i + 1, &counts, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (place != NULL)
        g_ptr_array_add (self->items, place);
      report (progress, progress_data, i + 1, n);
    }

  note_places (self, &counts);
  if (self->items->len == 0)
    return nothing_usable (self, _("places"), error);

  return TRUE;
}

/* GeoJSON areas */

static void
collect_properties (ReachImport *self,
                    JsonArray   *features)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *props = feature_properties (json_array_get_object_element (features, i));
      g_autoptr(GList) members = props ? json_object_get_members (props) : NULL;

      for (GList *l = members; l != NULL; l = l->next)
        if (g_hash_table_add (seen, l->data))
          g_ptr_array_add (self->properties, g_strdup (l->data));
    }
}

static const char *
find_property (ReachImport        *self,
               const char * const *preferred,
               const char         *suffix,
               const char         *avoid)
{
  const char * const *props = strv_of (self->properties);

  for (guint i = 0; preferred[i] != NULL; i++)
    for (guint j = 0; props[j] != NULL; j++)
      if (g_ascii_strcasecmp (props[j], preferred[i]) == 0)
        return props[j];

  /* ONS style: LSOA21CD, WD22NM, … */
  for (guint j = 0; props[j] != NULL; j++)
    {
      g_autofree char *lower = g_ascii_strdown (props[j], -1);
      gsize len = strlen (lower);

      if (avoid != NULL && strstr (lower, avoid) != NULL)
        continue;
      if (g_str_has_suffix (lower, suffix) && len > strlen (suffix) &&
          g_ascii_isdigit (lower[len - strlen (suffix) - 1]))
        return props[j];
    }

  return NULL;
}

static void
detect_properties (ReachImport *self)
{
  static const char * const codes[] = {
    "area_code", "code", "lsoa21_code", "msoa21_code", "ward22_code", "ward_code",
    "ltla21_code", "lad_code", "lsoa_code", "msoa_code", "geography_code", "geography code", NULL
  };
  static const char * const names[] = {
    "area_name", "name", "lsoa21_name", "msoa21_name", "ward22_name", "ward_name",
    "ltla21_name", "lad_name", "lsoa_name", "msoa_name", "geography", NULL
  };

  if (!self->code_chosen)
    {
      g_free (self->code_property);
      self->code_property = g_strdup (find_property (self, codes, "cd", "cdo"));
    }
  if (!self->name_chosen)
    {
      g_free (self->name_property);
      self->name_property = g_strdup (find_property (self, names, "nm", "nmw"));
    }
}

static gboolean
guess_level (const char     *code,
             ReachAreaLevel *level)
{
  static const struct {
    const char     *prefix;
    ReachAreaLevel  level;
  } prefixes[] = {
    { "E05", REACH_AREA_LEVEL_WARD }, { "W05", REACH_AREA_LEVEL_WARD }, { "S13", REACH_AREA_LEVEL_WARD },
    { "E01", REACH_AREA_LEVEL_LSOA }, { "W01", REACH_AREA_LEVEL_LSOA },
    { "E02", REACH_AREA_LEVEL_MSOA }, { "W02", REACH_AREA_LEVEL_MSOA },
    { "E06", REACH_AREA_LEVEL_LAD }, { "E07", REACH_AREA_LEVEL_LAD }, { "E08", REACH_AREA_LEVEL_LAD },
    { "E09", REACH_AREA_LEVEL_LAD }, { "W06", REACH_AREA_LEVEL_LAD }, { "S12", REACH_AREA_LEVEL_LAD },
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (code, prefixes[i].prefix))
      {
        *level = prefixes[i].level;
        return TRUE;
      }

  return FALSE;
}

static gboolean
check_area_properties (ReachImport  *self,
                       GError      **error)
{
  g_autofree char *all = g_strjoinv (", ", (char **) strv_of (self->properties));

  if (self->code_property == NULL)
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_UNSUPPORTED,
                   _("%s: no property looks like an area code; choose one of: %s"),
                   self->basename, *all ? all : _("(the features have no properties)"));
      return FALSE;
    }

  if (!g_strv_contains (strv_of (self->properties), self->code_property))
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
                   _("%s: no feature has the property “%s”; it has: %s"),
                   self->basename, self->code_property, all);
      return FALSE;
    }

  if (self->name_property != NULL &&
      !g_strv_contains (strv_of (self->properties), self->name_property))
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
                   _("%s: no feature has the property “%s”; it has: %s"),
                   self->basename, self->name_property, all);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  GHashTable *codes;      /* code → feature number */
  guint       n_no_name;
  FeatureCounts skipped;
} AreaCounts;

static ReachArea *
read_feature_area (ReachImport  *self,
                   JsonObject   *feature,
                   guint         number,
                   AreaCounts   *counts,
                   GError      **error)
{
  g_autoptr(ReachArea) area = reach_area_new ();
  g_autoptr(GError) local_error = NULL;
  const char *type = feature_geometry_type (feature);
  JsonObject *props = feature_properties (feature);
  gpointer other;

  if (type == NULL)
    {
      counts->skipped.n_no_geometry++;
      return NULL;
    }
  if (!g_str_equal (type, "Polygon") && !g_str_equal (type, "MultiPolygon"))
    {
      count_skipped_type (&counts->skipped, type);
      return NULL;
    }

  area->code = props ? value_text (json_object_get_member (props, self->code_property)) : NULL;
  if (area->code == NULL || *area->code == '\0')
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
                   _("%s: feature %u has no code in “%s”"), self->basename, number, self->code_property);
      return NULL;
    }

  if (g_hash_table_lookup_extended (counts->codes, area->code, NULL, &other))
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
                   _("%s: features %u and %u both have the code “%s”"),
                   self->basename, GPOINTER_TO_UINT (other), number, area->code);
      return NULL;
    }

  if (!self->level_set && !guess_level (area->code, &self->level))
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_UNSUPPORTED,
                   _("%s: choose the level (ward, LSOA, MSOA or local authority): "
                     "the code “%s” does not tell"), self->basename, area->code);
      return NULL;
    }
  self->level_set = TRUE;

  area->geometry = reach_geometry_new_from_json (json_object_get_member (feature, "geometry"),
                                                 &local_error);
  if (area->geometry == NULL)
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
                   _("%s: feature %u (%s): %s"), self->basename, number, area->code,
                   local_error->message);
      return NULL;
    }

  if (self->name_property != NULL && props != NULL)
    area->name = value_text (json_object_get_member (props, self->name_property));
  if (area->name == NULL || *area->name == '\0')
    {
      g_free (area->name);
      area->name = g_strdup (area->code);
      counts->n_no_name++;
    }

  area->level = self->level;
  area->source = g_strdup (self->basename);
  g_hash_table_insert (counts->codes, g_strdup (area->code), GUINT_TO_POINTER (number));
  return g_steal_pointer (&area);
}

static void
note_areas (ReachImport *self,
            AreaCounts  *counts)
{
  ReachArea *first = self->items->len ? g_ptr_array_index (self->items, 0) : NULL;

  add_note (self, _("Codes from property “%s”"), self->code_property);
  if (self->name_property != NULL)
    add_note (self, _("Names from property “%s”"), self->name_property);
  if (first != NULL)
    add_note (self, _("Level: %s"), reach_area_level_label (first->level));
  if (counts->n_no_name > 0)
    add_note (self, g_dngettext (GETTEXT_PACKAGE,
                                 "%u area has no name: its code is its name",
                                 "%u areas have no name: their codes are their names",
                                 counts->n_no_name),
              counts->n_no_name);
  note_skipped (self, &counts->skipped);
}

static gboolean
read_geojson_areas (ReachImport        *self,
                    GCancellable       *cancellable,
                    ReachProgressFunc   progress,
                    gpointer            progress_data,
                    GError            **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonArray) features = NULL;
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) skipped_types = g_hash_table_new (g_str_hash, g_str_equal);
  AreaCounts counts = { codes, 0, { { 0 }, 0, 0, 0, 0, skipped_types } };
  guint n;

  if (!load_geojson (self, &root, &features, error))
    return FALSE;

  collect_properties (self, features);
  detect_properties (self);
  if (!check_area_properties (self, error))
    return FALSE;

  n = json_array_get_length (features);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) local_error = NULL;
      ReachArea *area;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      area = read_feature_area (self, json_array_get_object_element (features, i), i + 1,
                                &counts, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (area != NULL)
        g_ptr_array_add (self->items, area);
      report (progress, progress_data, i + 1, n);
    }

  if (self->items->len == 0)
    {
      note_skipped (self, &counts.skipped);
      return nothing_usable (self, _("Polygon or MultiPolygon features"), error);
    }
  note_areas (self, &counts);

  return TRUE;
}

/* Reading */

static gboolean
is_geojson (ReachImport *self)
{
  g_autofree char *lower = g_ascii_strdown (self->basename, -1);
  char start[64] = { 0 };
  FILE *stream;
  gsize n;

  if (g_str_has_suffix (lower, ".geojson") || g_str_has_suffix (lower, ".json"))
    return TRUE;
  if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".txt"))
    return FALSE;

  /* No telling extension: JSON starts with an object. */
  stream = fopen (self->path, "rb");
  if (stream == NULL)
    return FALSE;
  n = fread (start, 1, sizeof start - 1, stream);
  fclose (stream);
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isspace (start[i]) && start[i] != '\xEF' && start[i] != '\xBB' && start[i] != '\xBF')
      return start[i] == '{';

  return FALSE;
}

static void
reset (ReachImport *self)
{
  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->notes, 0);
  g_ptr_array_set_size (self->properties, 0);
  self->read_done = FALSE;
}

gboolean
reach_import_read (ReachImport        *self,
                   GCancellable       *cancellable,
                   ReachProgressFunc   progress,
                   gpointer            progress_data,
                   GError            **error)
{
  gboolean geojson;
  gboolean ok;

  g_return_val_if_fail (REACH_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reset (self);
  if (!g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_FORMAT,
                   _("%s: no such file"), self->path);
      return FALSE;
    }

  geojson = is_geojson (self);
  if (self->kind == REACH_IMPORT_PLACES)
    ok = geojson ? read_geojson_places (self, cancellable, progress, progress_data, error)
                 : read_csv_places (self, cancellable, progress, progress_data, error);
  else if (geojson)
    ok = read_geojson_areas (self, cancellable, progress, progress_data, error);
  else
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_UNSUPPORTED,
                   _("%s: areas need their boundaries; import them from GeoJSON"), self->basename);
      ok = FALSE;
    }

  /* the properties stay, so the user can choose the code and name from them */
  if (!ok)
    {
      g_ptr_array_set_size (self->items, 0);
      g_ptr_array_set_size (self->notes, 0);
      return FALSE;
    }

  g_debug ("%s: read %u items", self->basename, self->items->len);
  self->read_done = TRUE;
  return TRUE;
}

/* Writing */

static gboolean
check_codes_free (ReachImport  *self,
                  ReachDb      *db,
                  GError      **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT name FROM area WHERE code = ?1", error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < self->items->len; i++)
    {
      ReachArea *area = g_ptr_array_index (self->items, i);
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, area->code, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
                       _("%s: the area %s (%s) is already in the workspace; nothing was imported"),
                       self->basename, area->code, (const char *) sqlite3_column_text (stmt, 0));
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          reach_db_set_error (db, error, "Could not look up area codes");
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
insert_items (ReachImport        *self,
              ReachDb            *db,
              GCancellable       *cancellable,
              ReachProgressFunc   progress,
              gpointer            progress_data,
              GError            **error)
{
  guint n = self->items->len;

  for (guint i = 0; i < n; i++)
    {
      gpointer item = g_ptr_array_index (self->items, i);
      gboolean ok;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (self->kind == REACH_IMPORT_PLACES)
        ok = reach_places_insert (db, item, error);
      else
        ok = reach_areas_insert (db, item, error);

      if (!ok)
        {
          g_prefix_error (error, _("%s: item %u: "), self->basename, i + 1);
          return FALSE;
        }
      report (progress, progress_data, i + 1, n);
    }

  return reach_audit (db, self->kind == REACH_IMPORT_PLACES ? "place" : "area", 0, "import", error);
}

static void
forget_ids (ReachImport *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      if (self->kind == REACH_IMPORT_PLACES)
        ((ReachPlace *) g_ptr_array_index (self->items, i))->id = 0;
      else
        ((ReachArea *) g_ptr_array_index (self->items, i))->id = 0;
    }
}

gboolean
reach_import_commit (ReachImport        *self,
                     ReachDb            *db,
                     GCancellable       *cancellable,
                     ReachProgressFunc   progress,
                     gpointer            progress_data,
                     GError            **error)
{
  g_return_val_if_fail (REACH_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (REACH_IS_DB (db), FALSE);
  g_return_val_if_fail (self->read_done, FALSE);

  if (!reach_db_begin (db, error))
    return FALSE;

  if ((self->kind == REACH_IMPORT_AREAS && !check_codes_free (self, db, error)) ||
      !insert_items (self, db, cancellable, progress, progress_data, error))
    {
      reach_db_rollback (db);
      forget_ids (self);
      return FALSE;
    }

  if (!reach_db_commit (db, error))
    {
      forget_ids (self);
      return FALSE;
    }

  return TRUE;
}
