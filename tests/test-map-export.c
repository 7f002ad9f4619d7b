/* test-map-export.c — the print-quality map page, by pixel and by text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <locale.h>

#include "reach-area.h"
#include "reach-contacts.h"
#include "reach-map-export.h"
#include "reach-places.h"
#include "reach-style.h"
#include "reach-testutil.h"

/* Two wards side by side near Leeds; a library in the west one. */
static const char *wards[] = {
  "{\"type\": \"Polygon\", \"coordinates\": [[[-1.70, 53.75], [-1.55, 53.75], [-1.55, 53.85], [-1.70, 53.85], [-1.70, 53.75]]]}",
  "{\"type\": \"Polygon\", \"coordinates\": [[[-1.55, 53.75], [-1.40, 53.75], [-1.40, 53.85], [-1.55, 53.85], [-1.55, 53.75]]]}",
};

static ReachDb *
make_workspace (const char *dir,
                gboolean    with_place,
                guint       n_people)
{
  g_autofree char *path = g_build_filename (dir, "board.reach", NULL);
  g_autoptr(GError) error = NULL;
  ReachDb *db = reach_db_open (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (wards); i++)
    {
      g_autoptr(ReachArea) area = reach_area_new ();

      area->code = g_strdup_printf ("E0500000%u", i + 1);
      area->name = g_strdup (i == 0 ? "West" : "East");
      area->level = REACH_AREA_LEVEL_WARD;
      area->geometry = reach_geometry_new_from_text (wards[i], &error);
      g_assert_no_error (error);
      g_assert_true (reach_areas_insert (db, area, &error));
    }
  if (with_place)
    {
      g_autoptr(ReachPlace) place = reach_place_new ();

      place->name = g_strdup ("Central library");
      place->category = REACH_PLACE_CATEGORY_INSTITUTION;
      place->is_asset = TRUE;
      place->lat = 53.80;
      place->lon = -1.62;
      g_assert_true (reach_places_insert (db, place, &error));
    }
  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(ReachContact) person = reach_contact_new ();

      person->name = g_strdup_printf ("Person %u", i);
      person->has_location = TRUE;
      person->lat = 53.76 + i * 0.004;
      person->lon = -1.68 + i * 0.01;
      g_assert_true (reach_contacts_insert (db, person, &error));
    }
  g_assert_no_error (error);
  return db;
}

static GdkPixbuf *
export_png (ReachDb                     *db,
            const ReachMapExportOptions *options,
            const char                  *dir)
{
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;

  g_assert_true (reach_map_export (db, options, png, &error));
  g_assert_no_error (error);
  pixbuf = gdk_pixbuf_new_from_file (png, &error);
  g_assert_no_error (error);
  return pixbuf;
}

static GDateTime *
fixed_now (void)
{
  return g_date_time_new_utc (2026, 3, 12, 10, 0, 0);
}

static void
test_page_size (void)
{
  ReachMapExportOptions o = { .paper = "A4" };
  g_autoptr(GError) error = NULL;
  double w, h;

  g_assert_true (reach_map_export_page_size (&o, &w, &h, &error));
  g_assert_cmpfloat (w, ==, 595);
  g_assert_cmpfloat (h, ==, 842);
  o.paper = "a3";
  o.landscape = TRUE;
  g_assert_true (reach_map_export_page_size (&o, &w, &h, &error));
  g_assert_cmpfloat (w, ==, 1191);
  g_assert_cmpfloat (h, ==, 842);
  o.paper = "Letter";
  g_assert_false (reach_map_export_page_size (&o, &w, &h, &error));
  g_assert_error (error, REACH_MAP_EXPORT_ERROR, REACH_MAP_EXPORT_ERROR_PAPER);
}

static void
test_png_size_and_dpi (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autoptr(ReachDb) db = make_workspace (dir, TRUE, 0);
  g_autoptr(GDateTime) now = fixed_now ();
  ReachMapExportOptions o = { .dpi = 240, .width_px = 640, .height_px = 480, .level = -1, .now = now };
  g_autoptr(GdkPixbuf) pixbuf = export_png (db, &o, dir);

  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 640);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 480);
  g_assert_cmpstr (gdk_pixbuf_get_option (pixbuf, "x-dpi"), ==, "240");
  g_assert_cmpstr (gdk_pixbuf_get_option (pixbuf, "y-dpi"), ==, "240");
}

static gboolean
near_color (const guchar *px,
            ReachColor    c,
            int           tolerance)
{
  return ABS (px[0] - (int) (c.red * 255)) <= tolerance &&
         ABS (px[1] - (int) (c.green * 255)) <= tolerance &&
         ABS (px[2] - (int) (c.blue * 255)) <= tolerance;
}

/* Pixels that differ between two pages, and how many of them are near a
 * colour (antialiased edges differ too, so only a share is asked for). */
static void
count_differences (GdkPixbuf *a,
                   GdkPixbuf *b,
                   ReachColor color,
                   guint     *n_diff,
                   guint     *n_color)
{
  int w = gdk_pixbuf_get_width (a), h = gdk_pixbuf_get_height (a);
  int sa = gdk_pixbuf_get_rowstride (a), sb = gdk_pixbuf_get_rowstride (b);
  int ca = gdk_pixbuf_get_n_channels (a), cb = gdk_pixbuf_get_n_channels (b);
  const guchar *pa = gdk_pixbuf_read_pixels (a), *pb = gdk_pixbuf_read_pixels (b);

  g_assert_cmpint (w, ==, gdk_pixbuf_get_width (b));
  g_assert_cmpint (h, ==, gdk_pixbuf_get_height (b));
  *n_diff = *n_color = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guchar *p = pa + y * sa + x * ca, *q = pb + y * sb + x * cb;

        if (ABS (p[0] - q[0]) + ABS (p[1] - q[1]) + ABS (p[2] - q[2]) <= 6)
          continue;
        (*n_diff)++;
        if (near_color (p, color, 40))
          (*n_color)++;
      }
}

/* The library's symbol is drawn in the institutions' colour: the pages
 * with and without it differ, and many of the differing pixels are that
 * colour (the legend is the same on both). */
static void
test_place_symbol (void)
{
  g_autofree char *dir_a = reach_test_tmpdir ();
  g_autofree char *dir_b = reach_test_tmpdir ();
  g_autoptr(ReachDb) with = make_workspace (dir_a, TRUE, 0);
  g_autoptr(ReachDb) without = make_workspace (dir_b, FALSE, 0);
  g_autoptr(GDateTime) now = fixed_now ();
  ReachMapExportOptions o = { .dpi = 150, .width_px = 900, .height_px = 700, .level = -1,
                              .has_bbox = TRUE, .bbox = { -1.72, 53.74, -1.38, 53.86 }, .now = now };
  g_autoptr(GdkPixbuf) a = export_png (with, &o, dir_a);
  g_autoptr(GdkPixbuf) b = export_png (without, &o, dir_b);
  guint n_diff, n_color;

  count_differences (a, b, reach_style_category_color (REACH_PLACE_CATEGORY_INSTITUTION),
                     &n_diff, &n_color);
  g_assert_cmpuint (n_diff, >, 50);
  g_assert_cmpuint (n_color, >, n_diff / 4);
}

/* People with a location are never drawn: a workspace holding twenty of
 * them exports the same pixels as one holding none. */
static void
test_never_people (void)
{
  g_autofree char *dir_a = reach_test_tmpdir ();
  g_autofree char *dir_b = reach_test_tmpdir ();
  g_autoptr(ReachDb) people = make_workspace (dir_a, TRUE, 20);
  g_autoptr(ReachDb) nobody = make_workspace (dir_b, TRUE, 0);
  g_autoptr(GDateTime) now = fixed_now ();
  ReachMapExportOptions o = { .dpi = 100, .width_px = 800, .height_px = 600, .level = -1,
                              .has_bbox = TRUE, .bbox = { -1.72, 53.74, -1.38, 53.86 }, .now = now };
  g_autoptr(GdkPixbuf) a = export_png (people, &o, dir_a);
  g_autoptr(GdkPixbuf) b = export_png (nobody, &o, dir_b);
  guint n_diff, n_color;

  count_differences (a, b, REACH_STYLE_INK, &n_diff, &n_color);
  g_assert_cmpuint (n_diff, ==, 0);
}

static void
test_errors (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autoptr(ReachDb) db = make_workspace (dir, TRUE, 0);
  g_autofree char *jpg = g_build_filename (dir, "map.jpg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  ReachMapExportOptions o = { .level = -1 };
  g_autoptr(GError) error = NULL;

  g_assert_false (reach_map_export (db, &o, jpg, &error));
  g_assert_error (error, REACH_MAP_EXPORT_ERROR, REACH_MAP_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);

  o.area_code = "E05999999";
  g_assert_false (reach_map_export (db, &o, pdf, &error));
  g_assert_error (error, REACH_MAP_EXPORT_ERROR, REACH_MAP_EXPORT_ERROR_AREA);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  o.area_code = NULL;
  o.dpi = 301;
  g_assert_false (reach_map_export (db, &o, png, &error));
  g_assert_error (error, REACH_MAP_EXPORT_ERROR, REACH_MAP_EXPORT_ERROR_SIZE);
  g_clear_error (&error);

  o.dpi = 0;
  o.has_bbox = TRUE;
  o.bbox = (ReachBBox) { 2, 50, 1, 51 };   /* west east of east */
  g_assert_false (reach_map_export (db, &o, png, &error));
  g_assert_error (error, REACH_MAP_EXPORT_ERROR, REACH_MAP_EXPORT_ERROR_EXTENT);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map-export/page-size", test_page_size);
  g_test_add_func ("/map-export/png-size-and-dpi", test_png_size_and_dpi);
  g_test_add_func ("/map-export/place-symbol", test_place_symbol);
  g_test_add_func ("/map-export/never-people", test_never_people);
  g_test_add_func ("/map-export/errors", test_errors);

  return g_test_run ();
}
