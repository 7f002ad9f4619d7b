/* reach-mbtiles.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-mbtiles"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "reach-mbtiles.h"

struct _ReachMbtiles
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GMutex      lock;         /* guards db: tiles are read from worker threads */
  GHashTable *metadata;     /* name → value */
  char       *format;
  char       *attribution_text;
  char       *attribution_uri;
  int         min_zoom;
  int         max_zoom;
  int         tile_size;
};

G_DEFINE_TYPE (ReachMbtiles, reach_mbtiles, G_TYPE_OBJECT)
G_DEFINE_QUARK (reach-mbtiles-error-quark, reach_mbtiles_error)

static void
reach_mbtiles_finalize (GObject *object)
{
  ReachMbtiles *self = REACH_MBTILES (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->lock);
  g_clear_pointer (&self->metadata, g_hash_table_unref);
  g_free (self->path);
  g_free (self->format);
  g_free (self->attribution_text);
  g_free (self->attribution_uri);

  G_OBJECT_CLASS (reach_mbtiles_parent_class)->finalize (object);
}

static void
reach_mbtiles_class_init (ReachMbtilesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reach_mbtiles_finalize;
}

static void
reach_mbtiles_init (ReachMbtiles *self)
{
  g_mutex_init (&self->lock);
  self->metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->tile_size = 256;
}

static gboolean
set_sqlite_error (ReachMbtiles  *self,
                  GError       **error)
{
  g_set_error (error, REACH_MBTILES_ERROR, REACH_MBTILES_ERROR_OPEN,
               _("Could not read “%s” as a map tile pack: %s"),
               self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
has_relation (ReachMbtiles  *self,
              const char    *name,
              gboolean      *found,
              GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT 1 FROM sqlite_master WHERE name = ?1 "
                          "AND type IN ('table', 'view')",
                          -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error);

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_sqlite_error (self, error);

  *found = (rc == SQLITE_ROW);
  return TRUE;
}

static gboolean
read_metadata (ReachMbtiles  *self,
               GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT name, value FROM metadata",
                          -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (name != NULL && value != NULL)
        g_hash_table_replace (self->metadata, g_strdup (name), g_strdup (value));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error);
  return TRUE;
}

/* Some packs (TileMill exports) carry no "format": look at a tile. */
static const char *
sniff_format (GBytes *bytes)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  if (len >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "png";
  if (len >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return "jpg";
  if (len >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return "webp";
  if (len >= 2 && data[0] == 0x1f && data[1] == 0x8b)
    return "pbf";  /* gzipped vector tile */
  return NULL;
}

static GBytes *
first_tile (ReachMbtiles  *self,
            GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  GBytes *bytes = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT tile_data FROM tiles LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      return NULL;
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  else if (rc == SQLITE_DONE)
    g_set_error (error, REACH_MBTILES_ERROR, REACH_MBTILES_ERROR_INVALID,
                 _("“%s” holds no map tiles"), self->path);
  else
    set_sqlite_error (self, error);

  sqlite3_finalize (stmt);
  return bytes;
}

static void
read_png_size (ReachMbtiles *self,
               GBytes       *tile)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (tile, &len);
  guint32 width;

  /* IHDR follows the 8-byte signature and 8 bytes of chunk header. */
  if (len < 24 || memcmp (data + 12, "IHDR", 4) != 0)
    return;
  width = ((guint32) data[16] << 24) | (data[17] << 16) | (data[18] << 8) | data[19];
  if (width >= 64 && width <= 1024)
    self->tile_size = width;
}

static gboolean
check_format (ReachMbtiles  *self,
              GError       **error)
{
  g_autoptr(GBytes) tile = first_tile (self, error);
  const char *stated = g_hash_table_lookup (self->metadata, "format");
  const char *format;

  if (tile == NULL)
    return FALSE;

  format = (stated != NULL && *stated != '\0') ? stated : sniff_format (tile);

  if (format != NULL && (g_ascii_strcasecmp (format, "pbf") == 0 ||
                         g_ascii_strcasecmp (format, "mvt") == 0))
    {
      g_set_error (error, REACH_MBTILES_ERROR, REACH_MBTILES_ERROR_VECTOR,
                   _("“%s” holds vector tiles, Reach shows raster PNG or JPEG tiles"),
                   self->path);
      return FALSE;
    }

  if (format != NULL && g_ascii_strcasecmp (format, "png") == 0)
    self->format = g_strdup ("png");
  else if (format != NULL && (g_ascii_strcasecmp (format, "jpg") == 0 ||
                              g_ascii_strcasecmp (format, "jpeg") == 0))
    self->format = g_strdup ("jpg");
  else
    {
      g_set_error (error, REACH_MBTILES_ERROR, REACH_MBTILES_ERROR_FORMAT,
                   _("“%s” holds %s tiles, Reach shows raster PNG or JPEG tiles"),
                   self->path, format != NULL ? format : _("unrecognised"));
      return FALSE;
    }

  if (g_strcmp0 (sniff_format (tile), self->format) != 0)
    {
      g_set_error (error, REACH_MBTILES_ERROR, REACH_MBTILES_ERROR_FORMAT,
                   _("“%s” says its tiles are %s, but they are not"),
                   self->path, self->format);
      return FALSE;
    }

  read_png_size (self, tile);
  return TRUE;
}

static gboolean
parse_int (const char *str,
           int        *value)
{
  g_autofree char *copy = NULL;
  gint64 v;

  if (str == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (str));
  if (!g_ascii_string_to_signed (copy, 10, 0, 30, &v, NULL))
    return FALSE;
  *value = (int) v;
  return TRUE;
}

static gboolean
read_zoom_range (ReachMbtiles  *self,
                 GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean have_min, have_max;

  have_min = parse_int (g_hash_table_lookup (self->metadata, "minzoom"), &self->min_zoom);
  have_max = parse_int (g_hash_table_lookup (self->metadata, "maxzoom"), &self->max_zoom);
  if (have_min && have_max && self->min_zoom <= self->max_zoom)
    return TRUE;

  /* Not stated: ask the tiles themselves. */
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT min(zoom_level), max(zoom_level) FROM tiles",
                          -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return set_sqlite_error (self, error);
    }
  self->min_zoom = CLAMP (sqlite3_column_int (stmt, 0), 0, 30);
  self->max_zoom = CLAMP (sqlite3_column_int (stmt, 1), self->min_zoom, 30);
  sqlite3_finalize (stmt);
  return TRUE;
}

static void
append_entity (GString    *out,
               const char *entity)
{
  static const struct { const char *name; const char *text; } entities[] = {
    { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
    { "apos", "'" }, { "nbsp", " " }, { "copy", "©" },
  };

  if (entity[0] == '#')
    {
      gunichar c = (entity[1] == 'x' || entity[1] == 'X')
                   ? g_ascii_strtoull (entity + 2, NULL, 16)
                   : g_ascii_strtoull (entity + 1, NULL, 10);
      if (g_unichar_validate (c) && c != 0)
        g_string_append_unichar (out, c);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (strcmp (entity, entities[i].name) == 0)
      {
        g_string_append (out, entities[i].text);
        return;
      }
}

/* Attribution is usually an HTML fragment; the map's licence label wants
 * plain text and a link. */
static void
parse_attribution (ReachMbtiles *self)
{
  const char *html = g_hash_table_lookup (self->metadata, "attribution");
  g_autoptr(GString) out = NULL;
  const char *p;

  if (html == NULL || *html == '\0')
    return;

  out = g_string_new (NULL);
  for (p = html; *p != '\0'; p++)
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');
          const char *href = strstr (p, "href=\"");

          if (end == NULL)
            break;
          if (self->attribution_uri == NULL && href != NULL && href < end)
            {
              const char *start = href + strlen ("href=\"");
              const char *stop = strchr (start, '"');
              if (stop != NULL && stop < end)
                self->attribution_uri = g_strndup (start, stop - start);
            }
          p = end;
        }
      else if (*p == '&' && strchr (p, ';') != NULL && strchr (p, ';') - p < 10)
        {
          const char *semi = strchr (p, ';');
          g_autofree char *entity = g_strndup (p + 1, semi - p - 1);

          append_entity (out, entity);
          p = semi;
        }
      else
        g_string_append_c (out, *p);
    }

  self->attribution_text = g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

static gboolean
validate (ReachMbtiles  *self,
          GError       **error)
{
  gboolean has_tiles = FALSE, has_metadata = FALSE;

  if (!has_relation (self, "tiles", &has_tiles, error) ||
      !has_relation (self, "metadata", &has_metadata, error))
    return FALSE;

  if (!has_tiles || !has_metadata)
    {
      g_set_error (error, REACH_MBTILES_ERROR, REACH_MBTILES_ERROR_INVALID,
                   _("“%s” is not an MBTiles map pack: it has no %s table"),
                   self->path, has_tiles ? "metadata" : "tiles");
      return FALSE;
    }

  return read_metadata (self, error) &&
         check_format (self, error) &&
         read_zoom_range (self, error);
}

ReachMbtiles *
reach_mbtiles_open (const char  *path,
                    GError     **error)
{
  g_autoptr(ReachMbtiles) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (REACH_TYPE_MBTILES, NULL);
  self->path = g_strdup (path);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, REACH_MBTILES_ERROR, REACH_MBTILES_ERROR_OPEN,
                   _("“%s” does not exist or is not a file"), path);
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      return NULL;
    }

  if (!validate (self, error))
    return NULL;

  parse_attribution (self);
  if (g_hash_table_lookup (self->metadata, "name") == NULL ||
      *(const char *) g_hash_table_lookup (self->metadata, "name") == '\0')
    g_hash_table_replace (self->metadata, g_strdup ("name"), g_path_get_basename (path));
  g_debug ("Opened %s: %s, zoom %d–%d", path, self->format, self->min_zoom, self->max_zoom);
  return g_steal_pointer (&self);
}

const char *
reach_mbtiles_get_path (ReachMbtiles *self)
{
  g_return_val_if_fail (REACH_IS_MBTILES (self), NULL);
  return self->path;
}

const char *
reach_mbtiles_get_name (ReachMbtiles *self)
{
  g_return_val_if_fail (REACH_IS_MBTILES (self), NULL);
  return g_hash_table_lookup (self->metadata, "name");
}

const char *
reach_mbtiles_get_attribution (ReachMbtiles *self)
{
  const char *value;

  g_return_val_if_fail (REACH_IS_MBTILES (self), NULL);
  value = g_hash_table_lookup (self->metadata, "attribution");
  return (value != NULL && *value != '\0') ? value : NULL;
}

const char *
reach_mbtiles_get_attribution_text (ReachMbtiles *self)
{
  g_return_val_if_fail (REACH_IS_MBTILES (self), NULL);
  return self->attribution_text;
}

const char *
reach_mbtiles_get_attribution_uri (ReachMbtiles *self)
{
  g_return_val_if_fail (REACH_IS_MBTILES (self), NULL);
  return self->attribution_uri;
}

const char *
reach_mbtiles_get_format (ReachMbtiles *self)
{
  g_return_val_if_fail (REACH_IS_MBTILES (self), NULL);
  return self->format;
}

int
reach_mbtiles_get_min_zoom (ReachMbtiles *self)
{
  g_return_val_if_fail (REACH_IS_MBTILES (self), 0);
  return self->min_zoom;
}

int
reach_mbtiles_get_max_zoom (ReachMbtiles *self)
{
  g_return_val_if_fail (REACH_IS_MBTILES (self), 0);
  return self->max_zoom;
}

int
reach_mbtiles_get_tile_size (ReachMbtiles *self)
{
  g_return_val_if_fail (REACH_IS_MBTILES (self), 256);
  return self->tile_size;
}

static gboolean
parse_doubles (const char *str,
               double     *values,
               guint       n)
{
  g_auto(GStrv) parts = NULL;

  if (str == NULL)
    return FALSE;
  parts = g_strsplit (str, ",", -1);
  if (g_strv_length (parts) < n)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      char *end = NULL;
      values[i] = g_ascii_strtod (g_strstrip (parts[i]), &end);
      if (end == parts[i] || *end != '\0')
        return FALSE;
    }
  return TRUE;
}

gboolean
reach_mbtiles_get_bounds (ReachMbtiles *self,
                          ReachBBox    *bounds)
{
  double v[4];

  g_return_val_if_fail (REACH_IS_MBTILES (self), FALSE);

  if (!parse_doubles (g_hash_table_lookup (self->metadata, "bounds"), v, 4))
    return FALSE;
  *bounds = (ReachBBox) { v[0], v[1], v[2], v[3] };
  return TRUE;
}

gboolean
reach_mbtiles_get_center (ReachMbtiles *self,
                          double       *lon,
                          double       *lat,
                          int          *zoom)
{
  double v[3];

  g_return_val_if_fail (REACH_IS_MBTILES (self), FALSE);

  if (!parse_doubles (g_hash_table_lookup (self->metadata, "center"), v, 3))
    return FALSE;
  if (lon != NULL)
    *lon = v[0];
  if (lat != NULL)
    *lat = v[1];
  if (zoom != NULL)
    *zoom = (int) v[2];
  return TRUE;
}

gint64
reach_mbtiles_count_tiles (ReachMbtiles  *self,
                           GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;

  g_return_val_if_fail (REACH_IS_MBTILES (self), -1);

  locker = g_mutex_locker_new (&self->lock);
  if (sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM tiles", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      return -1;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    set_sqlite_error (self, error);
  sqlite3_finalize (stmt);
  return count;
}

GBytes *
reach_mbtiles_get_tile (ReachMbtiles  *self,
                        int            z,
                        int            x,
                        int            y,
                        GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt = NULL;
  GBytes *bytes = NULL;
  int rc;

  g_return_val_if_fail (REACH_IS_MBTILES (self), NULL);

  if (z < 0 || z > 30 || x < 0 || y < 0 || x >= (1 << z) || y >= (1 << z))
    {
      g_set_error (error, REACH_MBTILES_ERROR, REACH_MBTILES_ERROR_NOT_FOUND,
                   _("There is no tile %d/%d/%d"), z, x, y);
      return NULL;
    }

  locker = g_mutex_locker_new (&self->lock);
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT tile_data FROM tiles WHERE zoom_level = ?1 "
                          "AND tile_column = ?2 AND tile_row = ?3",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      return NULL;
    }

  sqlite3_bind_int (stmt, 1, z);
  sqlite3_bind_int (stmt, 2, x);
  sqlite3_bind_int (stmt, 3, (1 << z) - 1 - y);  /* TMS rows count from the south */

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_bytes (stmt, 0) > 0)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  else if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    g_set_error (error, REACH_MBTILES_ERROR, REACH_MBTILES_ERROR_NOT_FOUND,
                 _("“%s” has no tile %d/%d/%d"), self->path, z, x, y);
  else
    g_set_error (error, REACH_MBTILES_ERROR, REACH_MBTILES_ERROR_READ,
                 _("Could not read tile %d/%d/%d from “%s”: %s"),
                 z, x, y, self->path, sqlite3_errmsg (self->db));

  sqlite3_finalize (stmt);
  return bytes;
}

GBytes *
reach_mbtiles_get_tile_or_parent (ReachMbtiles  *self,
                                  int            z,
                                  int            x,
                                  int            y,
                                  int           *from_zoom,
                                  GError       **error)
{
  g_return_val_if_fail (REACH_IS_MBTILES (self), NULL);

  if (z < 0 || z > 30 || x < 0 || y < 0 || x >= (1 << z) || y >= (1 << z))
    return reach_mbtiles_get_tile (self, z, x, y, error);

  for (int zz = MIN (z, self->max_zoom); zz >= 0; zz--)
    {
      g_autoptr(GError) local_error = NULL;
      int shift = z - zz;
      GBytes *bytes = reach_mbtiles_get_tile (self, zz, x >> shift, y >> shift, &local_error);

      if (bytes != NULL)
        {
          if (from_zoom != NULL)
            *from_zoom = zz;
          return bytes;
        }
      if (!g_error_matches (local_error, REACH_MBTILES_ERROR, REACH_MBTILES_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error (error, REACH_MBTILES_ERROR, REACH_MBTILES_ERROR_NOT_FOUND,
               _("“%s” has no tile covering %d/%d/%d"), self->path, z, x, y);
  return NULL;
}
