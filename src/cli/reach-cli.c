/* reach-cli.c — the Reach core without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every command prints one clear line on stderr and exits non-zero when it
 * fails; its output, if any, goes to stdout or the named file.
 */
#define G_LOG_DOMAIN "reach-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "reach-contact-export.h"
#include "reach-contact-import.h"
#include "reach-contacts.h"
#include "reach-db.h"
#include "reach-demo.h"
#include "reach-export.h"
#include "reach-import.h"
#include "reach-activity-import.h"
#include "reach-area-assign.h"
#include "reach-baseline.h"
#include "reach-classification.h"
#include "reach-gaps.h"
#include "reach-map-export.h"
#include "reach-report.h"

typedef gboolean (*CommandFunc) (int      argc,
                                 char   **argv,
                                 GError **error);

static gboolean
usage_error (GError     **error,
             const char  *usage)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "usage: reach-cli %s", usage);
  return FALSE;
}

static gboolean
refuse_existing (const char  *path,
                 GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
               _("%s already exists; Reach will not overwrite it"), path);
  return FALSE;
}

static gboolean
cmd_new (int      argc,
         char   **argv,
         GError **error)
{
  g_autoptr(ReachDb) db = NULL;

  if (argc != 2)
    return usage_error (error, "new DB");

  if (!refuse_existing (argv[1], error))
    return FALSE;

  db = reach_db_open (argv[1], error);
  return db != NULL;
}

static ReachDb *
open_existing (const char  *path,
               GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("%s: no such workspace"), path);
      return NULL;
    }

  return reach_db_open (path, error);
}

static gboolean
cmd_stats (int      argc,
           char   **argv,
           GError **error)
{
  g_autoptr(ReachDb) db = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GString) out = g_string_new ("{");

  if (argc != 2)
    return usage_error (error, "stats DB");

  if (!(db = open_existing (argv[1], error)) ||
      !(counts = reach_db_count_tables (db, error)))
    return FALSE;

  for (guint i = 0; i < counts->len; i++)
    {
      ReachTableCount *c = &g_array_index (counts, ReachTableCount, i);

      g_string_append_printf (out, "%s\"%s\": %" G_GINT64_FORMAT,
                              i > 0 ? ", " : "", c->key, c->count);
    }
  g_string_append (out, "}\n");
  fputs (out->str, stdout);

  return TRUE;
}

/* import DB places FILE [--category C]
 * import DB areas FILE --level L [--code-property P] [--name-property P] */
static const char import_usage[] =
  "import DB places FILE [--category C] | import DB areas FILE --level ward|lsoa|msoa|lad "
  "[--code-property P] [--name-property P] | import DB activities FILE.csv "
  "| import DB participation FILE.csv | import DB baseline FILE.csv | import DB lookup FILE.csv";

static gboolean
set_default_category (ReachImport  *import,
                      const char   *value,
                      GError      **error)
{
  ReachPlaceCategory category;
  g_autoptr(GString) ids = g_string_new (NULL);

  if (reach_place_category_from_string (value, &category))
    {
      reach_import_set_default_category (import, category);
      return TRUE;
    }

  for (guint i = 0; i < REACH_N_PLACE_CATEGORIES; i++)
    g_string_append_printf (ids, "%s%s", i ? ", " : "", reach_place_category_to_string (i));
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("“%s” is not a category; use one of %s"), value, ids->str);
  return FALSE;
}

static gboolean
parse_import_options (ReachImport      *import,
                      ReachImportKind   kind,
                      int               argc,
                      char            **argv,
                      GError          **error)
{
  gboolean have_level = FALSE;

  for (int i = 4; i < argc; i += 2)
    {
      ReachAreaLevel level;

      if (i + 1 >= argc)
        return usage_error (error, import_usage);

      if (kind == REACH_IMPORT_PLACES)
        {
          if (!g_str_equal (argv[i], "--category"))
            return usage_error (error, import_usage);
          if (!set_default_category (import, argv[i + 1], error))
            return FALSE;
        }
      else if (g_str_equal (argv[i], "--level"))
        {
          if (!reach_area_level_from_string (argv[i + 1], &level))
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("“%s” is not a level; use ward, lsoa, msoa or lad"), argv[i + 1]);
              return FALSE;
            }
          reach_import_set_area_level (import, level);
          have_level = TRUE;
        }
      else if (g_str_equal (argv[i], "--code-property"))
        reach_import_set_code_property (import, argv[i + 1]);
      else if (g_str_equal (argv[i], "--name-property"))
        reach_import_set_name_property (import, argv[i + 1]);
      else
        return usage_error (error, import_usage);
    }

  if (kind == REACH_IMPORT_AREAS && !have_level)
    return usage_error (error, import_usage);

  return TRUE;
}

/* import DB activities FILE | import DB participation FILE */
static gboolean
import_engagement (int      argc,
                   char   **argv,
                   GError **error)
{
  gboolean activities = g_str_equal (argv[2], "activities");
  g_autoptr(ReachActivityImport) import = NULL;
  g_autoptr(ReachDb) db = NULL;
  g_autofree char *basename = g_path_get_basename (argv[3]);
  guint n;

  if (argc != 4)
    return usage_error (error, activities ? "import DB activities FILE.csv"
                                          : "import DB participation FILE.csv");

  import = reach_activity_import_new (activities ? REACH_ACTIVITY_IMPORT_ACTIVITIES
                                                 : REACH_ACTIVITY_IMPORT_PARTICIPATION, argv[3]);
  if (!(db = open_existing (argv[1], error)) ||
      !reach_activity_import_read (import, db, error) ||
      !reach_activity_import_commit (import, db, error))
    return FALSE;

  n = reach_activity_import_get_n_items (import);
  if (activities)
    g_printerr (g_dngettext (NULL, "Imported %u activity from %s\n",
                             "Imported %u activities from %s\n", n), n, basename);
  else
    g_printerr (g_dngettext (NULL, "Imported %u participant from %s\n",
                             "Imported %u participants from %s\n", n), n, basename);
  return TRUE;
}

/* import DB contacts FILE.csv|FILE.vcf */
static gboolean
import_contacts (int      argc,
                 char   **argv,
                 GError **error)
{
  g_autoptr(ReachDb) db = NULL;
  g_autoptr(ReachContactImport) import = NULL;
  g_autofree char *basename = g_path_get_basename (argv[3]);
  guint n;

  if (argc != 4)
    return usage_error (error, "import DB contacts FILE.csv|FILE.vcf");

  /* the workspace's classifications are needed to read equality columns */
  if (!(db = open_existing (argv[1], error)))
    return FALSE;
  import = reach_contact_import_new (db, argv[3]);
  if (!reach_contact_import_read (import, NULL, NULL, NULL, error) ||
      !reach_contact_import_commit (import, db, NULL, NULL, NULL, error))
    return FALSE;

  n = reach_contact_import_get_n_items (import);
  g_printerr (g_dngettext (NULL, "Imported %u contact from %s\n", "Imported %u contacts from %s\n", n),
              n, basename);
  return TRUE;
}

/* import DB baseline FILE.csv [--characteristic KEY]: census counts per area */
static gboolean
import_baseline (int      argc,
                 char   **argv,
                 GError **error)
{
  g_autoptr(ReachDb) db = NULL;
  g_autoptr(ReachBaselineImport) import = NULL;
  g_autofree char *basename = g_path_get_basename (argv[3]);
  guint n;

  if (argc != 4 && !(argc == 6 && g_str_equal (argv[4], "--characteristic")))
    return usage_error (error, "import DB baseline FILE.csv [--characteristic KEY]");

  import = reach_baseline_import_new (argv[3]);
  if (argc == 6)
    reach_baseline_import_set_characteristic (import, argv[5]);
  if (!(db = open_existing (argv[1], error)) ||
      !reach_baseline_import_read (import, db, NULL, NULL, NULL, error) ||
      !reach_baseline_import_commit (import, db, NULL, NULL, NULL, error))
    return FALSE;

  n = reach_baseline_import_get_n_areas (import);
  g_printerr (g_dngettext (NULL, "Imported a %s baseline for %u area from %s\n",
                           "Imported a %s baseline for %u areas from %s\n", n),
              reach_baseline_import_get_characteristic (import), n, basename);
  return TRUE;
}

/* import DB lookup FILE.csv: which smaller areas lie in which larger ones */
static gboolean
import_lookup (int      argc,
               char   **argv,
               GError **error)
{
  g_autoptr(ReachDb) db = NULL;
  g_autofree char *basename = g_path_get_basename (argv[3]);
  guint n = 0;

  if (argc != 4)
    return usage_error (error, "import DB lookup FILE.csv");

  if (!(db = open_existing (argv[1], error)) ||
      !reach_area_import_lookup (db, argv[3], &n, error))
    return FALSE;

  g_printerr (g_dngettext (NULL, "Imported %u area link from %s\n",
                           "Imported %u area links from %s\n", n), n, basename);
  return TRUE;
}

static gboolean
cmd_import (int      argc,
            char   **argv,
            GError **error)
{
  g_autoptr(ReachDb) db = NULL;
  g_autoptr(ReachImport) import = NULL;
  g_autofree char *basename = NULL;
  ReachImportKind kind;
  guint n;

  if (argc < 4)
    return usage_error (error, import_usage);

  if (g_str_equal (argv[2], "activities") || g_str_equal (argv[2], "participation"))
    return import_engagement (argc, argv, error);

  if (g_str_equal (argv[2], "contacts"))
    return import_contacts (argc, argv, error);

  if (g_str_equal (argv[2], "baseline"))
    return import_baseline (argc, argv, error);

  if (g_str_equal (argv[2], "lookup"))
    return import_lookup (argc, argv, error);

  if (g_str_equal (argv[2], "places"))
    kind = REACH_IMPORT_PLACES;
  else if (g_str_equal (argv[2], "areas"))
    kind = REACH_IMPORT_AREAS;
  else
    return usage_error (error, import_usage);

  import = reach_import_new (kind, argv[3]);
  if (!parse_import_options (import, kind, argc, argv, error))
    return FALSE;

  /* Read the file first: a bad file must not need a workspace to say so. */
  if (!(db = open_existing (argv[1], error)) ||
      !reach_import_read (import, NULL, NULL, NULL, error) ||
      !reach_import_commit (import, db, NULL, NULL, NULL, error))
    return FALSE;

  n = reach_import_get_n_items (import);
  basename = g_path_get_basename (argv[3]);
  if (kind == REACH_IMPORT_PLACES)
    g_printerr (g_dngettext (NULL, "Imported %u place from %s\n", "Imported %u places from %s\n", n),
                n, basename);
  else
    g_printerr (g_dngettext (NULL, "Imported %u area from %s\n", "Imported %u areas from %s\n", n),
                n, basename);

  return TRUE;
}

/* export DB contacts FILE.csv [--with-equality] */
static gboolean
export_contacts (int      argc,
                 char   **argv,
                 GError **error)
{
  g_autoptr(ReachDb) db = NULL;
  gboolean with_equality = argc == 5 && g_str_equal (argv[4], "--with-equality");
  gint64 n;

  if (argc != 4 && !with_equality)
    return usage_error (error, "export DB contacts FILE.csv [--with-equality]");

  if (!(db = open_existing (argv[1], error)) ||
      (n = reach_contacts_export_csv (db, argv[3], with_equality, error)) < 0)
    return FALSE;

  g_printerr (g_dngettext (NULL, "Exported %" PRId64 " contact to %s\n",
                           "Exported %" PRId64 " contacts to %s\n", n),
              n, argv[3]);
  return TRUE;
}

static gboolean
parse_contact_id (const char  *text,
                  gint64      *id,
                  GError     **error)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a contact id (a whole number, as export contacts writes)"), text);
      return FALSE;
    }

  *id = value;
  return TRUE;
}

/* sar DB CONTACT_ID: everything held about one contact, as JSON on stdout */
static gboolean
cmd_sar (int      argc,
         char   **argv,
         GError **error)
{
  g_autoptr(ReachDb) db = NULL;
  g_autofree char *json = NULL;
  gint64 id;

  if (argc != 3)
    return usage_error (error, "sar DB CONTACT_ID");

  if (!parse_contact_id (argv[2], &id, error) ||
      !(db = open_existing (argv[1], error)) ||
      !(json = reach_contacts_subject_access_json (db, id, error)))
    return FALSE;

  fputs (json, stdout);
  fputc ('\n', stdout);
  return TRUE;
}

/* erase DB CONTACT_ID: the contact and every link to it, for good */
static gboolean
cmd_erase (int      argc,
           char   **argv,
           GError **error)
{
  g_autoptr(ReachDb) db = NULL;
  gint64 id;

  if (argc != 3)
    return usage_error (error, "erase DB CONTACT_ID");

  if (!parse_contact_id (argv[2], &id, error) ||
      !(db = open_existing (argv[1], error)) ||
      !reach_contacts_erase (db, id, error))
    return FALSE;

  g_printerr (_("Erased contact %" PRId64 " and every link to it\n"), id);
  return TRUE;
}

static gboolean
cmd_export (int      argc,
            char   **argv,
            GError **error)
{
  g_autoptr(ReachDb) db = NULL;
  gint64 n;

  if (argc >= 3 && g_str_equal (argv[2], "contacts"))
    return export_contacts (argc, argv, error);

  if (argc != 4 || !g_str_equal (argv[2], "places"))
    return usage_error (error, "export DB places FILE.geojson|FILE.csv");

  if (!(db = open_existing (argv[1], error)))
    return FALSE;

  n = reach_export_places (db, argv[3], error);
  if (n < 0)
    return FALSE;

  g_printerr (g_dngettext (NULL, "Exported %" PRId64 " place to %s\n",
                           "Exported %" PRId64 " places to %s\n", n),
              n, argv[3]);
  return TRUE;
}

/* gaps DB --characteristic NAME [--scope CODE,…] [--from DATE] [--to DATE]
 *      [--format json|csv] [--detailed] */
static const char gaps_usage[] =
  "gaps DB --characteristic NAME [--scope CODE,…] [--from YYYY-MM-DD] [--to YYYY-MM-DD] "
  "[--format json|csv] [--detailed]";

/* A characteristic by key or by label ("Ethnic group"). */
static char *
resolve_characteristic (ReachDb     *db,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(GPtrArray) all = reach_characteristics_list (db, error);
  g_autofree char *want = reach_classification_normalize (name);

  if (all == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      ReachCharacteristic *c = g_ptr_array_index (all, i);
      g_autofree char *label = reach_classification_normalize (c->label);

      if (g_str_equal (c->key, name) || g_str_equal (label, want))
        return g_strdup (c->key);
    }
  return g_strdup (name);   /* the analysis says it is unknown */
}

static gboolean
cmd_gaps (int      argc,
          char   **argv,
          GError **error)
{
  g_autoptr(ReachDb) db = NULL;
  g_autoptr(ReachGapReport) report = NULL;
  g_auto(GStrv) scope = NULL;
  g_autofree char *characteristic = NULL;
  g_autofree char *out = NULL;
  const char *name = NULL, *format = "json";
  ReachGapQuery query = { 0 };

  if (argc < 2)
    return usage_error (error, gaps_usage);

  for (int i = 2; i < argc; i++)
    {
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

      if (g_str_equal (argv[i], "--detailed"))
        {
          query.detailed = TRUE;
          continue;
        }
      if (value == NULL)
        return usage_error (error, gaps_usage);
      if (g_str_equal (argv[i], "--characteristic"))
        name = value;
      else if (g_str_equal (argv[i], "--scope"))
        {
          g_strfreev (scope);
          scope = g_strsplit (value, ",", -1);
          for (guint j = 0; scope[j] != NULL; j++)
            g_strstrip (scope[j]);
        }
      else if (g_str_equal (argv[i], "--from"))
        query.from = value;
      else if (g_str_equal (argv[i], "--to"))
        query.to = value;
      else if (g_str_equal (argv[i], "--format"))
        format = value;
      else
        return usage_error (error, gaps_usage);
      i++;
    }

  if (name == NULL)
    return usage_error (error, gaps_usage);
  if (!g_str_equal (format, "json") && !g_str_equal (format, "csv"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a format; use json or csv"), format);
      return FALSE;
    }

  if (!(db = open_existing (argv[1], error)) ||
      !(characteristic = resolve_characteristic (db, name, error)))
    return FALSE;
  query.characteristic = characteristic;
  query.scope = (const char * const *) scope;
  if (!(report = reach_gaps_analyse (db, &query, error)))
    return FALSE;

  for (guint i = 0; i < report->notes->len; i++)
    g_printerr ("%s\n", (char *) g_ptr_array_index (report->notes, i));
  out = g_str_equal (format, "csv") ? reach_gap_report_to_csv (report)
                                    : reach_gap_report_to_json (report);
  fputs (out, stdout);
  return TRUE;
}

static const char export_map_usage[] =
  "export-map DB OUT.png|OUT.svg|OUT.pdf [--paper A4|A3] [--landscape] [--dpi N] "
  "[--width PX --height PX] [--title TEXT] [--subtitle TEXT] [--bbox W,S,E,N | --area CODE] "
  "[--layer places|groups|areas|choropleth …] [--level ward|lsoa|msoa|lad] [--from DATE] [--to DATE]";

static gboolean
parse_int (const char  *text,
           const char  *what,
           int         *out,
           GError     **error)
{
  gint64 n;

  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT, &n, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s “%s” is not a whole number above 0"), what, text);
      return FALSE;
    }
  *out = (int) n;
  return TRUE;
}

static gboolean
parse_bbox (const char  *text,
            ReachBBox   *bbox,
            GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  double v[4];

  for (guint i = 0; i < 4; i++)
    {
      char *end = NULL;

      if (g_strv_length (parts) != 4 ||
          (v[i] = g_ascii_strtod (g_strstrip (parts[i]), &end), end == parts[i] || *end != '\0'))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--bbox “%s” is not four numbers west,south,east,north"), text);
          return FALSE;
        }
    }
  *bbox = (ReachBBox) { v[0], v[1], v[2], v[3] };
  return TRUE;
}

static gboolean
parse_layer (const char      *text,
             ReachMapLayers  *layers,
             GError         **error)
{
  if (g_str_equal (text, "places"))
    *layers |= REACH_MAP_LAYER_PLACES;
  else if (g_str_equal (text, "areas"))
    *layers |= REACH_MAP_LAYER_AREAS;
  else if (g_str_equal (text, "choropleth"))
    *layers |= REACH_MAP_LAYER_CHOROPLETH;
  else if (g_str_equal (text, "groups"))
    *layers |= REACH_MAP_LAYER_GROUPS;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a layer; use places, groups, areas or choropleth"), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_export_map_option (char                  **argv,
                         int                     argc,
                         int                    *i,
                         ReachMapExportOptions  *o,
                         GError                **error)
{
  const char *opt = argv[*i], *value = *i + 1 < argc ? argv[*i + 1] : NULL;
  ReachAreaLevel level;

  if (g_str_equal (opt, "--landscape"))
    return (o->landscape = TRUE);
  if (value == NULL)
    return usage_error (error, export_map_usage);
  (*i)++;
  if (g_str_equal (opt, "--paper"))
    o->paper = value;
  else if (g_str_equal (opt, "--dpi"))
    return parse_int (value, "--dpi", &o->dpi, error);
  else if (g_str_equal (opt, "--width"))
    return parse_int (value, "--width", &o->width_px, error);
  else if (g_str_equal (opt, "--height"))
    return parse_int (value, "--height", &o->height_px, error);
  else if (g_str_equal (opt, "--title"))
    o->title = value;
  else if (g_str_equal (opt, "--subtitle"))
    o->subtitle = value;
  else if (g_str_equal (opt, "--bbox"))
    return (o->has_bbox = parse_bbox (value, &o->bbox, error));
  else if (g_str_equal (opt, "--area"))
    o->area_code = value;
  else if (g_str_equal (opt, "--layer"))
    return parse_layer (value, &o->layers, error);
  else if (g_str_equal (opt, "--level"))
    {
      if (!reach_area_level_from_string (value, &level))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not an area level; use ward, lsoa, msoa or lad"), value);
          return FALSE;
        }
      o->level = level;
    }
  else if (g_str_equal (opt, "--from"))
    o->from = value;
  else if (g_str_equal (opt, "--to"))
    o->to = value;
  else
    return usage_error (error, export_map_usage);
  return TRUE;
}

static gboolean
cmd_export_map (int      argc,
                char   **argv,
                GError **error)
{
  g_autoptr(ReachDb) db = NULL;
  ReachMapExportOptions options = { .level = -1 };
  ReachMapFormat format;

  if (argc < 3)
    return usage_error (error, export_map_usage);
  for (int i = 3; i < argc; i++)
    if (!parse_export_map_option (argv, argc, &i, &options, error))
      return FALSE;
  if (options.has_bbox && options.area_code != NULL)
    return usage_error (error, export_map_usage);
  if (!reach_map_format_from_path (argv[2], &format, error))
    return FALSE;

  if (!(db = open_existing (argv[1], error)))
    return FALSE;
  return reach_map_export (db, &options, argv[2], error);
}

static const char report_usage[] =
  "report DB OUT.pdf [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--scope CODE,…] [--title TEXT]";

static gboolean
cmd_report (int      argc,
            char   **argv,
            GError **error)
{
  g_autoptr(ReachDb) db = NULL;
  g_auto(GStrv) scope = NULL;
  ReachReportOptions options = { 0 };

  if (argc < 3)
    return usage_error (error, report_usage);
  for (int i = 3; i < argc; i++)
    {
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

      if (value == NULL)
        return usage_error (error, report_usage);
      if (g_str_equal (argv[i], "--from"))
        options.from = value;
      else if (g_str_equal (argv[i], "--to"))
        options.to = value;
      else if (g_str_equal (argv[i], "--title"))
        options.title = value;
      else if (g_str_equal (argv[i], "--scope"))
        {
          g_strfreev (scope);
          scope = g_strsplit (value, ",", -1);
          for (guint j = 0; scope[j] != NULL; j++)
            g_strstrip (scope[j]);
        }
      else
        return usage_error (error, report_usage);
      i++;
    }
  if (!g_str_has_suffix (argv[2], ".pdf") && !g_str_has_suffix (argv[2], ".PDF"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: the report is a PDF; name it something.pdf"), argv[2]);
      return FALSE;
    }
  options.scope = (const char * const *) scope;

  if (!(db = open_existing (argv[1], error)))
    return FALSE;
  return reach_report_write_pdf (db, &options, argv[2], error);
}

static gboolean
cmd_demo (int      argc,
          char   **argv,
          GError **error)
{
  g_autoptr(ReachDb) db = NULL;

  if (argc != 2)
    return usage_error (error, "demo DB");

  if (!refuse_existing (argv[1], error))
    return FALSE;

  db = reach_demo_open (argv[1], error);
  return db != NULL;
}

static const struct {
  const char  *name;
  CommandFunc  func;
  const char  *help;
} commands[] = {
  { "new", cmd_new, "new DB                      create an empty workspace" },
  { "stats", cmd_stats, "stats DB                    count what the workspace holds, as JSON" },
  { "import", cmd_import, "import DB contacts FILE.csv|FILE.vcf\n"
                          "                              add contacts (from a vCard without consent)\n"
                          "  import DB places FILE [--category C]\n"
                          "                              add places from CSV or GeoJSON\n"
                          "  import DB areas FILE --level ward|lsoa|msoa|lad [--code-property P] [--name-property P]\n"
                          "                              add boundaries from GeoJSON\n"
                          "  import DB activities FILE.csv\n"
                          "                              add activities (title, type, date, venue, rung, areas)\n"
                          "  import DB participation FILE.csv\n"
                          "                              add participants (activity id or title, contact email or id)\n"
                          "  import DB baseline FILE.csv [--characteristic KEY]\n"
                          "                              add census counts per area (ONS bulk or long layout)\n"
                          "  import DB lookup FILE.csv\n"
                          "                              say which smaller areas lie in which larger ones" },
  { "export", cmd_export, "export DB places FILE       write every place to FILE.geojson or FILE.csv\n"
                          "  export DB contacts FILE.csv [--with-equality]\n"
                          "                              write every contact, with an id column" },
  { "sar", cmd_sar, "sar DB CONTACT_ID           everything held about one contact, as JSON" },
  { "erase", cmd_erase, "erase DB CONTACT_ID         erase a contact and every link to it, for good" },
  { "gaps", cmd_gaps, "gaps DB --characteristic NAME [--scope CODE,…] [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
                      "     [--format json|csv] [--detailed]\n"
                      "                              who is missing: reached against the census, per category" },
  { "export-map", cmd_export_map, "export-map DB OUT.png|OUT.svg|OUT.pdf [--paper A4|A3] [--landscape] [--dpi N]\n"
                                  "     [--width PX --height PX] [--title TEXT] [--bbox W,S,E,N | --area CODE]\n"
                                  "     [--layer places|groups|areas|choropleth …] [--level ward|lsoa|msoa|lad] [--from DATE] [--to DATE]\n"
                                  "                              a print-quality map with its key, sources and attributions" },
  { "report", cmd_report, "report DB OUT.pdf [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--scope CODE,…] [--title TEXT]\n"
                          "                              the reach report for a board, small numbers suppressed" },
  { "demo", cmd_demo, "demo DB                     create the Leeds demo workspace" },
};

static void
print_help (FILE *stream)
{
  fputs ("Usage: reach-cli COMMAND ARGS…\n\nCommands:\n", stream);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %s\n", commands[i].help);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_help (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_str_equal (argv[1], commands[i].name))
        continue;

      if (commands[i].func (argc - 1, argv + 1, &error))
        return 0;

      fprintf (stderr, "reach-cli %s: %s\n", argv[1], error->message);
      return 1;
    }

  fprintf (stderr, "reach-cli: unknown command “%s”; try reach-cli --help\n", argv[1]);
  return 2;
}
