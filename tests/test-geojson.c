/* test-geojson.c — RFC 7946 checks against the geojsonhint and
 * check-geojson suites
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "reach-geojson.h"
#include "reach-testutil.h"

/* geojsonhint lists these under bad/ although it only warns about them
 * (winding order, precision, a one-geometry collection).  RFC 7946 §3.1.6
 * says a parser SHOULD NOT reject a polygon for its winding, so the
 * structural check passes them; test-import shows the import refuses each
 * of them anyway, as it takes no bare geometries. */
static const char *warnings_only[] = {
  "bad-polygon-interiorring-rhr.geojson",
  "polygon_winding_order.geojson",
  "excessive_precision_truncated.geojson",
  "geometrycollection_single.geojson",
  NULL,
};

static void
check_dir (const char *suite,
           const char *kind,
           gboolean    good)
{
  g_autofree char *dir_path = reach_test_file ("data", suite, kind, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = NULL;

      if (!g_str_has_suffix (name, ".geojson"))
        continue;
      n++;

      root = reach_geojson_load (path, &error);
      if (good || g_strv_contains (warnings_only, name))
        {
          if (error != NULL)
            g_error ("%s/%s/%s: %s", suite, kind, name, error->message);
          g_assert_nonnull (root);
        }
      else
        {
          if (root != NULL)
            g_error ("%s/%s/%s was accepted", suite, kind, name);
          g_assert_error (error, REACH_GEOJSON_ERROR, error->code);
          g_assert_true (g_str_has_prefix (error->message, name));
          g_assert_cmpuint (strlen (error->message), >, strlen (name) + 10);
          g_test_message ("%s: %s", name, error->message);
        }
    }

  g_assert_cmpuint (n, >, 15);
}

static void
test_geojsonhint (void)
{
  check_dir ("geojsonhint", "good", TRUE);
  check_dir ("geojsonhint", "bad", FALSE);
}

static void
test_check_geojson (void)
{
  check_dir ("check-geojson", "good", TRUE);
  check_dir ("check-geojson", "bad", FALSE);
}

static void
assert_invalid (const char *json,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = reach_geojson_parse (json, -1, &error);

  if (root != NULL)
    g_assert_false (reach_geojson_validate (root, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, fragment);
}

static void
test_messages (void)
{
  assert_invalid ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                  "\"properties\":{},\"geometry\":null},{\"type\":\"Feature\",\"properties\":{},"
                  "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,1]]]]}}]}",
                  "feature 2: MultiPolygon: polygon 1, ring 1 has 2 position(s)");
  assert_invalid ("{\"type\":\"Point\",\"coordinates\":[1,2],\"type\":\"Point\"}", "twice");
  assert_invalid ("", "empty");
  assert_invalid ("{\"type\":\"point\",\"coordinates\":[1,2]}", "case-sensitive");
  assert_invalid ("{\"type\":\"Feature\",\"geometry\":null}", "properties");
  assert_invalid ("\xff{}", "UTF-8");
  assert_invalid ("[1,2]", "must be a JSON object");

  /* JSON that json-glib alone would take */
  assert_invalid ("{'type':'Point','coordinates':[1,2]}", "line 1, column 2");
  assert_invalid ("{\"type\":\"Point\",\n/* note */\"coordinates\":[1,2]}", "line 2, column 1");
  assert_invalid ("{\"type\":\"Point\",\"coordinates\":[01,2]}", "column 33: unexpected “1”");
  assert_invalid ("{\"type\":\"Point\",\"coordinates\":[1,2,]}", "unexpected “]”");
  assert_invalid ("{\"type\":\"Point\",\"coordinates\":[1,2]} x", "unexpected “x”");
  assert_invalid ("{\"type\":\"Po\\int\",\"coordinates\":[1,2]}", "not valid JSON");
  assert_invalid ("{\"type\":\"Point\",\"coordinates\":[1,2]", "ends too early");
  assert_invalid ("{\"type\":\"Point\",\"coordinates\":[NaN,2]}", "unexpected “N”");
}

static void
test_strict_json_accepts (void)
{
  const char *json = " {\"type\":\"Feature\",\"properties\":{\"a\":\"\\u00e9\\n\\\"\",\"b\":-0.5e+3,"
                     "\"c\":[true,false,null,{}],\"d\":\"café\"},\"geometry\":null}\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = reach_geojson_parse (json, -1, &error);

  g_assert_no_error (error);
  g_assert_true (reach_geojson_validate (root, &error));
  g_assert_no_error (error);
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) json = g_string_new ("{\"type\":\"Point\",\"coordinates\":");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  root = reach_geojson_parse (json->str, json->len, &error);
  g_assert_null (root);
  g_assert_error (error, REACH_GEOJSON_ERROR, REACH_GEOJSON_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "nested"));
}

static void
test_crs_and_foreign_members (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = reach_test_file ("data", "leeds", "boundaries",
                                           "martinjc_wards_by_lad_E08000035.json", NULL);
  g_autoptr(JsonNode) root = reach_geojson_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geojson/geojsonhint", test_geojsonhint);
  g_test_add_func ("/geojson/check-geojson", test_check_geojson);
  g_test_add_func ("/geojson/messages", test_messages);
  g_test_add_func ("/geojson/crs", test_crs_and_foreign_members);
  g_test_add_func ("/geojson/strict-json", test_strict_json_accepts);
  g_test_add_func ("/geojson/deep-nesting", test_deep_nesting);

  return g_test_run ();
}
