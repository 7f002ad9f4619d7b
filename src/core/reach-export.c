/* reach-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "reach-csv.h"
#include "reach-export.h"
#include "reach-place.h"
#include "reach-places.h"

G_DEFINE_QUARK (reach-export-error-quark, reach_export_error)

/* The shortest decimal that reads back as the same double. */
static char *
format_double (double value)
{
  for (int digits = 7; digits <= 17; digits++)
    {
      char *text = g_strdup_printf ("%.*g", digits, value);

      g_strdelimit (text, ",", '.');   /* printf follows LC_NUMERIC */
      if (g_ascii_strtod (text, NULL) == value)
        return text;
      g_free (text);
    }

  g_assert_not_reached ();
}

static const char *
tristate_text (ReachTristate value)
{
  switch (value)
    {
    case REACH_TRISTATE_YES:
      return "yes";
    case REACH_TRISTATE_NO:
      return "no";
    case REACH_TRISTATE_UNKNOWN:
    default:
      return "";
    }
}

/* GeoJSON */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL && *value != '\0')
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_place_properties (JsonBuilder *builder,
                      ReachPlace  *place)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, place->id);
  add_string (builder, "name", place->name);
  add_string (builder, "category", reach_place_category_to_string (place->category));
  json_builder_set_member_name (builder, "is_asset");
  json_builder_add_boolean_value (builder, place->is_asset);
  json_builder_set_member_name (builder, "is_venue");
  json_builder_add_boolean_value (builder, place->is_venue);
  add_string (builder, "description", place->description);
  add_string (builder, "address", place->address);
  add_string (builder, "postcode", place->postcode);
  add_string (builder, "opening_hours", place->opening_hours);
  json_builder_set_member_name (builder, "capacity");
  if (place->capacity >= 0)
    json_builder_add_int_value (builder, place->capacity);
  else
    json_builder_add_null_value (builder);
  add_string (builder, "website", place->website);
  add_string (builder, "phone", place->phone);
  add_string (builder, "email", place->email);
  add_string (builder, "source", place->source);

  for (guint a = 0; a < REACH_N_ACCESS; a++)
    {
      json_builder_set_member_name (builder, reach_access_column (a));
      if (place->access[a] == REACH_TRISTATE_UNKNOWN)
        json_builder_add_null_value (builder);
      else
        json_builder_add_boolean_value (builder, place->access[a] == REACH_TRISTATE_YES);
    }
  json_builder_end_object (builder);
}

char *
reach_export_places_to_geojson (GPtrArray *places)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "FeatureCollection");
  json_builder_set_member_name (builder, "features");
  json_builder_begin_array (builder);

  for (guint i = 0; i < places->len; i++)
    {
      ReachPlace *place = g_ptr_array_index (places, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "Feature");
      json_builder_set_member_name (builder, "geometry");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "Point");
      json_builder_set_member_name (builder, "coordinates");
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, place->lon);
      json_builder_add_double_value (builder, place->lat);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "properties");
      add_place_properties (builder, place);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  return json_generator_to_data (generator, NULL);
}

/* CSV */

static void
append_field (GString    *out,
              const char *value)
{
  g_string_append_c (out, ',');
  reach_csv_append_field (out, value ? value : "");
}

static void
append_place_row (GString    *out,
                  ReachPlace *place)
{
  g_autofree char *lat = format_double (place->lat);
  g_autofree char *lon = format_double (place->lon);
  g_autofree char *capacity = place->capacity >= 0 ? g_strdup_printf ("%d", place->capacity) : NULL;

  g_string_append_printf (out, "%" G_GINT64_FORMAT, place->id);
  append_field (out, place->name);
  append_field (out, reach_place_category_to_string (place->category));
  append_field (out, place->is_asset ? "yes" : "no");
  append_field (out, place->is_venue ? "yes" : "no");
  append_field (out, place->description);
  append_field (out, place->address);
  append_field (out, place->postcode);
  append_field (out, place->opening_hours);
  append_field (out, capacity);
  append_field (out, place->website);
  append_field (out, place->phone);
  append_field (out, place->email);
  append_field (out, place->source);
  append_field (out, lat);
  append_field (out, lon);
  for (guint a = 0; a < REACH_N_ACCESS; a++)
    append_field (out, tristate_text (place->access[a]));
  g_string_append (out, "\r\n");
}

char *
reach_export_places_to_csv (GPtrArray *places)
{
  GString *out = g_string_new ("id,name,category,is_asset,is_venue,description,address,postcode,"
                               "opening_hours,capacity,website,phone,email,source,lat,lon");

  for (guint a = 0; a < REACH_N_ACCESS; a++)
    g_string_append_printf (out, ",%s", reach_access_column (a));
  g_string_append (out, "\r\n");

  for (guint i = 0; i < places->len; i++)
    append_place_row (out, g_ptr_array_index (places, i));

  return g_string_free (out, FALSE);
}

gint64
reach_export_places (ReachDb     *db,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autoptr(GPtrArray) places = NULL;
  g_autofree char *text = NULL;

  if (g_str_has_suffix (lower, ".geojson") || g_str_has_suffix (lower, ".json"))
    {
      if (!(places = reach_places_list (db, NULL, error)))
        return -1;
      text = reach_export_places_to_geojson (places);
    }
  else if (g_str_has_suffix (lower, ".csv"))
    {
      if (!(places = reach_places_list (db, NULL, error)))
        return -1;
      text = reach_export_places_to_csv (places);
    }
  else
    {
      g_set_error (error, REACH_EXPORT_ERROR, REACH_EXPORT_ERROR_FORMAT,
                   _("%s: the name must end in .geojson or .csv"), path);
      return -1;
    }

  if (!g_file_set_contents (path, text, -1, error))
    return -1;

  return places->len;
}
