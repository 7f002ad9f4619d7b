/* reach-geojson.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib parses the JSON; the checks of RFC 7946 structure are here.
 */
#define G_LOG_DOMAIN "reach-geojson"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "reach-geojson.h"

G_DEFINE_QUARK (reach-geojson-error-quark, reach_geojson_error)

static const char *geometry_types[] = {
  "Point", "MultiPoint", "LineString", "MultiLineString",
  "Polygon", "MultiPolygon", "GeometryCollection",
};

static gboolean G_GNUC_PRINTF (2, 3)
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (REACH_GEOJSON_ERROR,
                                                REACH_GEOJSON_ERROR_INVALID,
                                                format, args));
  va_end (args);
  return FALSE;
}

gboolean
reach_geojson_is_geometry_type (const char *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (geometry_types); i++)
    if (g_strcmp0 (type, geometry_types[i]) == 0)
      return TRUE;

  return FALSE;
}

static const char *
describe_node (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

static gboolean
is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

/* Duplicate members: json-glib keeps the last one silently. */

typedef struct
{
  GHashTable *seen;    /* JsonObject → GHashTable of names */
  char       *duplicate;
} DuplicateCheck;

static void
on_object_member (JsonParser *parser,
                  JsonObject *object,
                  const char *name,
                  gpointer    user_data)
{
  DuplicateCheck *check = user_data;
  GHashTable *names = g_hash_table_lookup (check->seen, object);

  if (names == NULL)
    {
      names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (check->seen, object, names);
    }

  if (!g_hash_table_add (names, g_strdup (name)) && check->duplicate == NULL)
    check->duplicate = g_strdup (name);
}

/* Strict JSON (RFC 8259).  json-glib also takes comments, single quotes,
 * leading zeros and unknown escapes; GeoJSON is JSON, so those are refused
 * here first, with the line and column. */

#define MAX_DEPTH 256

typedef struct
{
  const char *p;
  const char *start;
  const char *end;
  guint       depth;
} Scanner;

static gboolean scan_value (Scanner *s);

static void
skip_space (Scanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

static gboolean
scan_literal (Scanner    *s,
              const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (s->end - s->p) < n || memcmp (s->p, word, n) != 0)
    return FALSE;
  s->p += n;
  return TRUE;
}

static gboolean
scan_digits (Scanner *s)
{
  const char *from = s->p;

  while (s->p < s->end && g_ascii_isdigit (*s->p))
    s->p++;
  return s->p > from;
}

static gboolean
scan_number (Scanner *s)
{
  if (s->p < s->end && *s->p == '-')
    s->p++;
  if (s->p < s->end && *s->p == '0')
    s->p++;
  else if (!scan_digits (s))
    return FALSE;

  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      if (!scan_digits (s))
        return FALSE;
    }

  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (!scan_digits (s))
        return FALSE;
    }

  /* "01" or "1x": the number must end here */
  return s->p >= s->end || !(g_ascii_isalnum (*s->p) || *s->p == '.');
}

static gboolean
scan_string (Scanner *s)
{
  s->p++;   /* the opening quote */
  while (s->p < s->end)
    {
      unsigned char c = *s->p;

      if (c == '"')
        {
          s->p++;
          return TRUE;
        }
      if (c < 0x20)
        return FALSE;
      if (c == '\\')
        {
          s->p++;
          if (s->p >= s->end)
            return FALSE;
          if (*s->p == 'u')
            {
              for (int i = 1; i <= 4; i++)
                if (s->p + i >= s->end || !g_ascii_isxdigit (s->p[i]))
                  return FALSE;
              s->p += 4;
            }
          else if (strchr ("\"\\/bfnrt", *s->p) == NULL || *s->p == '\0')
            return FALSE;
        }
      s->p++;
    }

  return FALSE;
}

static gboolean
scan_members (Scanner *s,
              char     close,
              gboolean object)
{
  s->p++;   /* the opening bracket */
  if (++s->depth > MAX_DEPTH)
    return FALSE;

  skip_space (s);
  if (s->p < s->end && *s->p == close)
    {
      s->p++;
      s->depth--;
      return TRUE;
    }

  for (;;)
    {
      skip_space (s);
      if (object)
        {
          if (s->p >= s->end || *s->p != '"' || !scan_string (s))
            return FALSE;
          skip_space (s);
          if (s->p >= s->end || *s->p != ':')
            return FALSE;
          s->p++;
        }
      if (!scan_value (s))
        return FALSE;
      skip_space (s);
      if (s->p < s->end && *s->p == ',')
        {
          s->p++;
          continue;
        }
      if (s->p < s->end && *s->p == close)
        {
          s->p++;
          s->depth--;
          return TRUE;
        }
      return FALSE;
    }
}

static gboolean
scan_value (Scanner *s)
{
  skip_space (s);
  if (s->p >= s->end)
    return FALSE;

  switch (*s->p)
    {
    case '{':
      return scan_members (s, '}', TRUE);
    case '[':
      return scan_members (s, ']', FALSE);
    case '"':
      return scan_string (s);
    case 't':
      return scan_literal (s, "true");
    case 'f':
      return scan_literal (s, "false");
    case 'n':
      return scan_literal (s, "null");
    default:
      return scan_number (s);
    }
}

static gboolean
check_strict_json (const char  *data,
                   gsize        length,
                   GError     **error)
{
  Scanner s = { data, data, data + length, 0 };
  guint line = 1, column = 1;

  skip_space (&s);
  if (s.p == s.end)
    return TRUE;   /* empty: said below */

  if (scan_value (&s))
    {
      skip_space (&s);
      if (s.p == s.end)
        return TRUE;
    }

  for (const char *q = data; q < s.p && q < s.end; q++)
    {
      if (*q == '\n')
        line++, column = 1;
      else if ((*q & 0xC0) != 0x80)
        column++;
    }

  if (s.depth > MAX_DEPTH)
    g_set_error (error, REACH_GEOJSON_ERROR, REACH_GEOJSON_ERROR_SYNTAX,
                 _("line %u: arrays and objects are nested more than %d deep"), line, MAX_DEPTH);
  else if (s.p >= s.end)
    g_set_error (error, REACH_GEOJSON_ERROR, REACH_GEOJSON_ERROR_SYNTAX,
                 _("this is not valid JSON: it ends too early"));
  else
    g_set_error (error, REACH_GEOJSON_ERROR, REACH_GEOJSON_ERROR_SYNTAX,
                 _("this is not valid JSON: line %u, column %u: unexpected “%.*s”"),
                 line, column, (int) (g_utf8_next_char (s.p) - s.p), s.p);
  return FALSE;
}

JsonNode *
reach_geojson_parse (const char  *data,
                     gssize       length,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  DuplicateCheck check = { 0 };
  const char *bad;
  JsonNode *root;

  if (length < 0)
    length = strlen (data);

  if (!g_utf8_validate_len (data, length, &bad))
    {
      guint line = 1;

      for (const char *p = data; p < bad; p++)
        line += *p == '\n';
      g_set_error (error, REACH_GEOJSON_ERROR, REACH_GEOJSON_ERROR_SYNTAX,
                   _("line %u is not UTF-8 text, which GeoJSON must be"), line);
      return NULL;
    }

  if (!check_strict_json (data, length, error))
    return NULL;

  check.seen = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), &check);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_hash_table_unref (check.seen);
      g_set_error (error, REACH_GEOJSON_ERROR, REACH_GEOJSON_ERROR_SYNTAX,
                   _("this is not valid JSON: %s"), local_error->message);
      return NULL;
    }
  g_hash_table_unref (check.seen);

  if (check.duplicate != NULL)
    {
      g_set_error (error, REACH_GEOJSON_ERROR, REACH_GEOJSON_ERROR_SYNTAX,
                   _("an object has the member “%s” twice, so its meaning is ambiguous"),
                   check.duplicate);
      g_free (check.duplicate);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, REACH_GEOJSON_ERROR, REACH_GEOJSON_ERROR_SYNTAX,
                           _("the file is empty"));
      return NULL;
    }

  return json_node_ref (root);
}

/* Positions and coordinates */

static gboolean
check_position (JsonNode  *node,
                GError   **error)
{
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      if (is_number (node))
        return invalid (error, _("a number stands where a position (an array of numbers) "
                                 "belongs: the coordinates need nesting more deeply"));
      return invalid (error, _("a position must be an array of numbers, not %s"),
                      describe_node (node));
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n < 2)
    return invalid (error, _("a position has %u number(s); it needs longitude and latitude"), n);
  if (n > 3)
    return invalid (error, _("a position has %u numbers; at most 3 are allowed"), n);

  for (guint i = 0; i < n; i++)
    if (!is_number (json_array_get_element (array, i)))
      return invalid (error, _("every element of a position must be a number, but one is %s"),
                      describe_node (json_array_get_element (array, i)));

  return TRUE;
}

static gboolean
positions_equal (JsonNode *a,
                 JsonNode *b)
{
  JsonArray *x = json_node_get_array (a);
  JsonArray *y = json_node_get_array (b);

  if (json_array_get_length (x) != json_array_get_length (y))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (x); i++)
    if (json_array_get_double_element (x, i) != json_array_get_double_element (y, i))
      return FALSE;

  return TRUE;
}

static JsonArray *
expect_array (JsonNode    *node,
              const char  *what,
              GError     **error)
{
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (error, _("%s must be an array, not %s"), what, describe_node (node));
      return NULL;
    }

  return json_node_get_array (node);
}

static gboolean
check_positions (JsonNode   *node,
                 guint       min,
                 const char *what,
                 GError    **error)
{
  JsonArray *array = expect_array (node, what, error);
  guint n;

  if (array == NULL)
    return FALSE;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    if (!check_position (json_array_get_element (array, i), error))
      {
        g_prefix_error (error, _("%s, position %u: "), what, i + 1);
        return FALSE;
      }

  if (n < min)
    return invalid (error, _("%s has %u position(s); it needs at least %u"), what, n, min);

  return TRUE;
}

static gboolean
check_ring (JsonNode   *node,
            const char *what,
            GError    **error)
{
  JsonArray *array;
  guint n;

  if (!check_positions (node, 4, what, error))
    return FALSE;

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (!positions_equal (json_array_get_element (array, 0), json_array_get_element (array, n - 1)))
    return invalid (error, _("%s does not end where it starts; a linear ring must be closed"), what);

  return TRUE;
}

static gboolean
check_polygon (JsonNode   *node,
               const char *what,
               GError    **error)
{
  JsonArray *rings = expect_array (node, what ? what : _("the coordinates"), error);

  if (rings == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (rings); i++)
    {
      g_autofree char *ring = what ? g_strdup_printf (_("%s, ring %u"), what, i + 1)
                                   : g_strdup_printf (_("ring %u"), i + 1);

      if (!check_ring (json_array_get_element (rings, i), ring, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_each (JsonNode    *node,
            const char  *what,
            const char  *part,
            gboolean   (*check) (JsonNode *, const char *, GError **),
            GError     **error)
{
  JsonArray *array = expect_array (node, what, error);

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %u", part, i + 1);

      if (!check (json_array_get_element (array, i), name, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_line (JsonNode   *node,
            const char *what,
            GError    **error)
{
  return check_positions (node, 2, what, error);
}

static gboolean
check_point (JsonNode   *node,
             const char *what,
             GError    **error)
{
  if (!check_position (node, error))
    {
      g_prefix_error (error, "%s: ", what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_coordinates (const char  *type,
                   JsonNode    *node,
                   GError     **error)
{
  const char *what = _("the coordinates");

  if (g_str_equal (type, "Point"))
    return check_position (node, error);
  if (g_str_equal (type, "MultiPoint"))
    return check_each (node, what, _("point"), check_point, error);
  if (g_str_equal (type, "LineString"))
    return check_positions (node, 2, _("the line"), error);
  if (g_str_equal (type, "MultiLineString"))
    return check_each (node, what, _("line"), check_line, error);
  if (g_str_equal (type, "Polygon"))
    return check_polygon (node, NULL, error);
  if (g_str_equal (type, "MultiPolygon"))
    return check_each (node, what, _("polygon"), check_polygon, error);

  g_assert_not_reached ();
}

/* Objects */

static gboolean
check_type_member (JsonObject  *object,
                   const char **type,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, "type");

  if (node == NULL)
    return invalid (error, _("the “type” member is missing"));

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, _("the “type” member must be a string, not %s"), describe_node (node));

  *type = json_node_get_string (node);
  return TRUE;
}

static gboolean
check_known_type (const char  *type,
                  GError     **error)
{
  static const char *others[] = { "Feature", "FeatureCollection" };

  if (reach_geojson_is_geometry_type (type) ||
      g_str_equal (type, "Feature") || g_str_equal (type, "FeatureCollection"))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (geometry_types); i++)
    if (g_ascii_strcasecmp (type, geometry_types[i]) == 0)
      return invalid (error, _("the type “%s” should be “%s”: GeoJSON types are case-sensitive"),
                      type, geometry_types[i]);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (g_ascii_strcasecmp (type, others[i]) == 0)
      return invalid (error, _("the type “%s” should be “%s”: GeoJSON types are case-sensitive"),
                      type, others[i]);

  return invalid (error, _("“%s” is not a GeoJSON type"), type);
}

/* RFC 7946 §7.1: these members would change the meaning of the object. */
static gboolean
check_forbidden (JsonObject         *object,
                 const char         *type,
                 const char * const *names,
                 GError            **error)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (json_object_has_member (object, names[i]))
      return invalid (error, _("a %s cannot have a “%s” member"), type, names[i]);

  return TRUE;
}

static gboolean
check_bbox (JsonObject  *object,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, "bbox");
  JsonArray *array;
  guint n;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, _("“bbox” must be an array of numbers, not %s"), describe_node (node));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n != 4 && n != 6)
    return invalid (error, _("“bbox” has %u elements; it needs 4 (or 6 with heights)"), n);

  for (guint i = 0; i < n; i++)
    if (!is_number (json_array_get_element (array, i)))
      return invalid (error, _("every element of “bbox” must be a number, but one is %s"),
                      describe_node (json_array_get_element (array, i)));

  return TRUE;
}

static gboolean check_geometry (JsonNode  *node,
                                gboolean   in_collection,
                                GError   **error);

static gboolean
check_geometry_collection (JsonObject  *object,
                           gboolean     in_collection,
                           GError     **error)
{
  JsonNode *node = json_object_get_member (object, "geometries");
  JsonArray *array;

  if (in_collection)
    return invalid (error, _("a GeometryCollection inside another is not allowed here"));

  if (node == NULL)
    return invalid (error, _("a GeometryCollection needs a “geometries” member"));

  if (!(array = expect_array (node, "“geometries”", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!check_geometry (json_array_get_element (array, i), TRUE, error))
      {
        g_prefix_error (error, _("geometry %u: "), i + 1);
        return FALSE;
      }

  return TRUE;
}

static gboolean
check_geometry_object (JsonObject  *object,
                       gboolean     in_collection,
                       GError     **error)
{
  static const char * const forbidden[] = { "geometry", "properties", "features", NULL };
  const char *type;
  JsonNode *coordinates;

  if (!check_type_member (object, &type, error) || !check_known_type (type, error))
    return FALSE;

  if (!reach_geojson_is_geometry_type (type))
    return invalid (error, _("a %s stands where a geometry belongs"), type);

  if (!check_forbidden (object, type, forbidden, error) || !check_bbox (object, error))
    return FALSE;

  if (g_str_equal (type, "GeometryCollection"))
    return check_geometry_collection (object, in_collection, error);

  coordinates = json_object_get_member (object, "coordinates");
  if (coordinates == NULL)
    return invalid (error, _("the %s has no “coordinates” member"), type);

  if (!check_coordinates (type, coordinates, error))
    {
      g_prefix_error (error, "%s: ", type);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_geometry (JsonNode  *node,
                gboolean   in_collection,
                GError   **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("a geometry must be an object, not %s"), describe_node (node));

  return check_geometry_object (json_node_get_object (node), in_collection, error);
}

static gboolean
check_feature_members (JsonObject  *object,
                       GError     **error)
{
  JsonNode *id = json_object_get_member (object, "id");
  JsonNode *geometry = json_object_get_member (object, "geometry");
  JsonNode *properties = json_object_get_member (object, "properties");

  if (id != NULL &&
      !(JSON_NODE_HOLDS_VALUE (id) &&
        (is_number (id) || json_node_get_value_type (id) == G_TYPE_STRING)))
    return invalid (error, _("the “id” must be a string or a number, not %s"), describe_node (id));

  if (geometry == NULL)
    return invalid (error, _("the “geometry” member is missing (it may be null)"));
  if (!JSON_NODE_HOLDS_NULL (geometry) && !check_geometry (geometry, FALSE, error))
    return FALSE;

  if (properties == NULL)
    return invalid (error, _("the “properties” member is missing (it may be null)"));
  if (!JSON_NODE_HOLDS_NULL (properties) && !JSON_NODE_HOLDS_OBJECT (properties))
    return invalid (error, _("“properties” must be an object or null, not %s"),
                    describe_node (properties));

  return TRUE;
}

static gboolean
check_feature (JsonNode  *node,
               GError   **error)
{
  static const char * const forbidden[] = { "features", "coordinates", "geometries", NULL };
  JsonObject *object;
  const char *type;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("a feature must be an object, not %s"), describe_node (node));

  object = json_node_get_object (node);
  if (!check_type_member (object, &type, error) || !check_known_type (type, error))
    return FALSE;
  if (!g_str_equal (type, "Feature"))
    return invalid (error, _("its type is “%s”, but a FeatureCollection holds only Features"), type);

  return check_forbidden (object, type, forbidden, error) &&
         check_bbox (object, error) &&
         check_feature_members (object, error);
}

/* For messages: a feature's "name" property, when it has one. */
static const char *
feature_name (JsonNode *node)
{
  JsonObject *object;
  JsonNode *properties;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  properties = json_object_get_member (object, "properties");
  if (properties == NULL || !JSON_NODE_HOLDS_OBJECT (properties))
    return NULL;

  return json_object_get_string_member_with_default (json_node_get_object (properties), "name", NULL);
}

static gboolean
check_feature_collection (JsonObject  *object,
                          GError     **error)
{
  static const char * const forbidden[] = { "geometry", "properties", "coordinates", "geometries", NULL };
  JsonNode *node = json_object_get_member (object, "features");
  JsonArray *features;

  if (!check_forbidden (object, "FeatureCollection", forbidden, error) || !check_bbox (object, error))
    return FALSE;

  if (node == NULL)
    return invalid (error, _("the FeatureCollection has no “features” member"));
  if (!(features = expect_array (node, "“features”", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (features); i++)
    if (!check_feature (json_array_get_element (features, i), error))
      {
        const char *name = feature_name (json_array_get_element (features, i));

        if (name != NULL)
          g_prefix_error (error, _("feature %u (“%s”): "), i + 1, name);
        else
          g_prefix_error (error, _("feature %u: "), i + 1);
        return FALSE;
      }

  return TRUE;
}

gboolean
reach_geojson_validate (JsonNode  *root,
                        GError   **error)
{
  JsonObject *object;
  const char *type;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return invalid (error, _("GeoJSON must be a JSON object, not %s"), describe_node (root));

  object = json_node_get_object (root);
  if (!check_type_member (object, &type, error) || !check_known_type (type, error))
    return FALSE;

  if (g_str_equal (type, "FeatureCollection"))
    return check_feature_collection (object, error);
  if (g_str_equal (type, "Feature"))
    {
      if (!check_feature (root, error))
        {
          g_prefix_error (error, _("feature 1: "));
          return FALSE;
        }
      return TRUE;
    }

  return check_geometry_object (object, FALSE, error);
}

JsonNode *
reach_geojson_load (const char  *path,
                    GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(JsonNode) root = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  if (!(root = reach_geojson_parse (contents, length, error)) ||
      !reach_geojson_validate (root, error))
    {
      g_prefix_error (error, "%s: ", basename);
      return NULL;
    }

  return g_steal_pointer (&root);
}
