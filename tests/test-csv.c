/* test-csv.c — the CSV reader against csv-spectrum and awkward input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "reach-csv.h"
#include "reach-testutil.h"

/* The parsed file as csv-spectrum expects it: an array of objects keyed by
 * the header, every value a string. */
static JsonNode *
csv_to_json (ReachCsv *csv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const ReachCsvRow *header = reach_csv_get_row (csv, 0);

  json_builder_begin_array (builder);
  for (guint i = 1; i < reach_csv_get_n_rows (csv); i++)
    {
      const ReachCsvRow *row = reach_csv_get_row (csv, i);

      g_assert_cmpuint (row->n_fields, ==, header->n_fields);
      json_builder_begin_object (builder);
      for (guint j = 0; j < row->n_fields; j++)
        {
          json_builder_set_member_name (builder, header->fields[j]);
          json_builder_add_string_value (builder, row->fields[j]);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

/* Upstream's location_coordinates.json (v2.0.0) disagrees with its own CSV:
 * it is a bare object, not an array, and its phone number is 1234567890
 * where the CSV says 2095257564.  Everything else must match. */
static JsonNode *
fix_location_coordinates (JsonNode *expected)
{
  JsonObject *object = json_node_get_object (expected);
  JsonArray *array = json_array_new ();
  JsonNode *root = json_node_new (JSON_NODE_ARRAY);

  g_assert_cmpstr (json_object_get_string_member (object, "Contact Phone Number"), ==, "1234567890");
  json_object_set_string_member (object, "Contact Phone Number", "2095257564");
  json_array_add_element (array, json_node_copy (expected));
  json_node_take_array (root, array);
  return root;
}

static void
test_spectrum (void)
{
  g_autofree char *dir_path = reach_test_file ("data", "csv-spectrum", "csvs", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *stem = g_strndup (name, strlen (name) - 4);
      g_autofree char *json_name = g_strconcat (stem, ".json", NULL);
      g_autofree char *json_path = reach_test_file ("data", "csv-spectrum", "json", json_name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(ReachCsv) csv = NULL;
      g_autoptr(JsonNode) got = NULL;
      g_autoptr(JsonNode) expected = NULL;

      if (!g_str_has_suffix (name, ".csv"))
        continue;
      n++;

      csv = reach_csv_load (path, &error);
      g_assert_no_error (error);
      json_parser_load_from_file (parser, json_path, &error);
      g_assert_no_error (error);

      expected = json_parser_get_root (parser);
      if (g_str_equal (name, "location_coordinates.csv"))
        expected = fix_location_coordinates (expected);
      else
        json_node_ref (expected);

      got = csv_to_json (csv);
      if (!json_node_equal (got, expected))
        {
          g_autofree char *text = json_to_string (got, TRUE);

          g_error ("%s parsed to %s", name, text);
        }
    }

  g_assert_cmpuint (n, ==, 12);
}

static void
test_line_numbers (void)
{
  const char *text = "\xEF\xBB\xBFname,notes\r\n"
                     "a,\"two\r\nlines\"\r\n"
                     "\r\n"
                     "b,plain\r\n"
                     "\"c\nc\",\"x\"\n"
                     "d,last";
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachCsv) csv = reach_csv_parse (text, strlen (text), &error);
  const guint lines[] = { 1, 2, 5, 6, 8 };

  g_assert_no_error (error);
  g_assert_cmpuint (reach_csv_get_n_rows (csv), ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpuint (reach_csv_get_row (csv, i)->line, ==, lines[i]);
  g_assert_cmpstr (reach_csv_get_row (csv, 0)->fields[0], ==, "name");
  g_assert_cmpstr (reach_csv_get_row (csv, 1)->fields[1], ==, "two\r\nlines");
  g_assert_cmpstr (reach_csv_get_row (csv, 3)->fields[0], ==, "c\nc");
  g_assert_cmpstr (reach_csv_get_row (csv, 4)->fields[1], ==, "last");
}

static void
test_delimiters (void)
{
  const char *semicolons = "name;lat;lon\r\n\"Hall; the big one\";53,8;-1,5\r\n";
  const char *tabs = "name\tlat\tlon\nHall, big\t53.8\t-1.5\n";
  const char *commas = "name,notes\nHall,\"a; b; c\"\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachCsv) csv = reach_csv_parse (semicolons, strlen (semicolons), &error);

  g_assert_no_error (error);
  g_assert_cmpint (reach_csv_get_delimiter (csv), ==, ';');
  g_assert_cmpuint (reach_csv_get_row (csv, 1)->n_fields, ==, 3);
  g_assert_cmpstr (reach_csv_get_row (csv, 1)->fields[0], ==, "Hall; the big one");
  g_assert_cmpstr (reach_csv_get_row (csv, 1)->fields[1], ==, "53,8");
  g_clear_pointer (&csv, reach_csv_free);

  csv = reach_csv_parse (tabs, strlen (tabs), &error);
  g_assert_no_error (error);
  g_assert_cmpint (reach_csv_get_delimiter (csv), ==, '\t');
  g_assert_cmpstr (reach_csv_get_row (csv, 1)->fields[0], ==, "Hall, big");
  g_clear_pointer (&csv, reach_csv_free);

  csv = reach_csv_parse (commas, strlen (commas), &error);
  g_assert_no_error (error);
  g_assert_cmpint (reach_csv_get_delimiter (csv), ==, ',');
  g_assert_cmpstr (reach_csv_get_row (csv, 1)->fields[1], ==, "a; b; c");
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachCsv) csv = NULL;
  const char *latin1 = "name\nok\nCaf\xe9\n";
  const char *unclosed = "name,x\na,b\n\"never closed,c\n";

  csv = reach_csv_parse (latin1, strlen (latin1), &error);
  g_assert_error (error, REACH_CSV_ERROR, REACH_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_assert_null (csv);
  g_clear_error (&error);

  csv = reach_csv_parse (unclosed, strlen (unclosed), &error);
  g_assert_error (error, REACH_CSV_ERROR, REACH_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_assert_null (csv);
  g_clear_error (&error);

  csv = reach_csv_parse ("", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reach_csv_get_n_rows (csv), ==, 0);
}

static void
test_write_round_trip (void)
{
  const char *fields[] = { "plain", "with, comma", "say \"hi\"", "two\nlines", " padded ", "", "café" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachCsv) csv = NULL;
  const ReachCsvRow *row;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      reach_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");

  csv = reach_csv_parse (out->str, out->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reach_csv_get_n_rows (csv), ==, 1);
  row = reach_csv_get_row (csv, 0);
  g_assert_cmpuint (row->n_fields, ==, G_N_ELEMENTS (fields));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (row->fields[i], ==, fields[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/spectrum", test_spectrum);
  g_test_add_func ("/csv/line-numbers", test_line_numbers);
  g_test_add_func ("/csv/delimiters", test_delimiters);
  g_test_add_func ("/csv/bad-input", test_bad_input);
  g_test_add_func ("/csv/write-round-trip", test_write_round_trip);

  return g_test_run ();
}
