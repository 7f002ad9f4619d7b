/* reach-classification.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-classification"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "reach-classification.h"
#include "reach-places.h"

G_DEFINE_QUARK (reach-classification-error-quark, reach_classification_error)

G_DEFINE_TYPE (ReachCharacteristic, reach_characteristic, G_TYPE_OBJECT)
G_DEFINE_TYPE (ReachCategory, reach_category, G_TYPE_OBJECT)

static void
reach_characteristic_finalize (GObject *object)
{
  ReachCharacteristic *self = (ReachCharacteristic *) object;

  g_free (self->key);
  g_free (self->label);
  g_free (self->source);

  G_OBJECT_CLASS (reach_characteristic_parent_class)->finalize (object);
}

static void
reach_characteristic_class_init (ReachCharacteristicClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reach_characteristic_finalize;
}

static void
reach_characteristic_init (ReachCharacteristic *self)
{
}

static void
reach_category_finalize (GObject *object)
{
  ReachCategory *self = (ReachCategory *) object;

  g_free (self->characteristic_key);
  g_free (self->key);
  g_free (self->label);
  g_free (self->ons_code);

  G_OBJECT_CLASS (reach_category_parent_class)->finalize (object);
}

static void
reach_category_class_init (ReachCategoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reach_category_finalize;
}

static void
reach_category_init (ReachCategory *self)
{
}

char *
reach_classification_normalize (const char *text)
{
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (text, -1);
  out = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* "People who are homeless" → "people_who_are_homeless" */
static char *
make_key (const char *label)
{
  g_autofree char *norm = reach_classification_normalize (label);
  GString *key = g_string_new (NULL);

  for (const char *p = norm; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (key, *p);
      else if (key->len > 0 && key->str[key->len - 1] != '_')
        g_string_append_c (key, '_');
    }
  while (key->len > 0 && key->str[key->len - 1] == '_')
    g_string_truncate (key, key->len - 1);

  return g_string_free (key, FALSE);
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *norm = reach_classification_normalize (text);
  return *norm == '\0';
}

#define CHARACTERISTIC_SELECT "SELECT id, key, label, source, is_local FROM characteristic"

static ReachCharacteristic *
characteristic_from_row (sqlite3_stmt *stmt)
{
  ReachCharacteristic *c = g_object_new (REACH_TYPE_CHARACTERISTIC, NULL);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  c->label = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  c->source = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  c->is_local = sqlite3_column_int (stmt, 4);
  return c;
}

#define CATEGORY_SELECT \
  "SELECT g.id, g.characteristic_id, c.key, g.key, g.label, g.ons_code, " \
  "ifnull (g.parent_id, 0), g.sort_order, g.is_prefer_not " \
  "FROM category g JOIN characteristic c ON c.id = g.characteristic_id"

static ReachCategory *
category_from_row (sqlite3_stmt *stmt)
{
  ReachCategory *g = g_object_new (REACH_TYPE_CATEGORY, NULL);

  g->id = sqlite3_column_int64 (stmt, 0);
  g->characteristic_id = sqlite3_column_int64 (stmt, 1);
  g->characteristic_key = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  g->key = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  g->label = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  g->ons_code = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  g->parent_id = sqlite3_column_int64 (stmt, 6);
  g->sort_order = sqlite3_column_int (stmt, 7);
  g->is_prefer_not = sqlite3_column_int (stmt, 8);
  return g;
}

typedef gpointer (*RowFunc) (sqlite3_stmt *stmt);

static GPtrArray *
collect (ReachDb       *db,
         sqlite3_stmt  *stmt,
         RowFunc        from_row,
         GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read the classifications"));
      return NULL;
    }

  return g_steal_pointer (&items);
}

GPtrArray *
reach_characteristics_list (ReachDb  *db,
                            GError  **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, CHARACTERISTIC_SELECT " ORDER BY is_local, id", error);

  if (stmt == NULL)
    return NULL;
  return collect (db, stmt, (RowFunc) characteristic_from_row, error);
}

ReachCharacteristic *
reach_characteristics_get (ReachDb     *db,
                           const char  *key,
                           GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt = reach_db_prepare (db, CHARACTERISTIC_SELECT " WHERE key = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (!(found = collect (db, stmt, (RowFunc) characteristic_from_row, error)))
    return NULL;

  if (found->len == 0)
    {
      g_set_error (error, REACH_CLASSIFICATION_ERROR,
                   REACH_CLASSIFICATION_ERROR_UNKNOWN_CHARACTERISTIC,
                   _("There is no characteristic “%s”"), key);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (found, 0));
}

static gboolean
insert_category (ReachDb     *db,
                 gint64       characteristic_id,
                 const char  *key,
                 const char  *label,
                 gint64       parent_id,
                 gboolean     is_prefer_not,
                 gint64      *id,
                 GError     **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db,
      "INSERT INTO category (characteristic_id, key, label, parent_id, sort_order, is_prefer_not) "
      "VALUES (?1, ?2, ?3, ?4, (SELECT ifnull (max (sort_order), 0) + 10 FROM category "
      "WHERE characteristic_id = ?1 AND is_prefer_not = 0), ?5)", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, characteristic_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, label, -1, SQLITE_TRANSIENT);
  if (parent_id > 0)
    sqlite3_bind_int64 (stmt, 4, parent_id);
  sqlite3_bind_int (stmt, 5, is_prefer_not);
  if (!reach_db_step_done (db, stmt, error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (reach_db_get_handle (db));
  return reach_audit (db, "category", *id, "insert", error);
}

/* "Prefer not to say" stays last however many categories are added. */
static gboolean
keep_prefer_not_last (ReachDb  *db,
                      gint64    characteristic_id,
                      GError  **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db,
      "UPDATE category SET sort_order = (SELECT max (sort_order) + 10 FROM category "
      "WHERE characteristic_id = ?1 AND is_prefer_not = 0) "
      "WHERE characteristic_id = ?1 AND is_prefer_not = 1 AND key = 'prefer_not_to_say'", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, characteristic_id);
  return reach_db_step_done (db, stmt, error);
}

ReachCharacteristic *
reach_characteristics_add_local (ReachDb     *db,
                                 const char  *key,
                                 const char  *label,
                                 GError     **error)
{
  g_autofree char *made_key = NULL;
  g_autofree char *clean_label = NULL;
  sqlite3_stmt *stmt;
  gint64 id, prefer_id;

  if (is_blank (label))
    {
      g_set_error_literal (error, REACH_CLASSIFICATION_ERROR, REACH_CLASSIFICATION_ERROR_INVALID,
                           _("A characteristic needs a name"));
      return NULL;
    }

  clean_label = g_strstrip (g_strdup (label));
  made_key = key != NULL ? g_strdup (key) : make_key (label);
  if (*made_key == '\0')
    made_key = g_strdup_printf ("local_%" G_GINT64_FORMAT, g_get_real_time ());

  if (!reach_db_begin (db, error))
    return NULL;

  stmt = reach_db_prepare (db, "INSERT INTO characteristic (key, label, source, is_local) "
                               "VALUES (?1, ?2, 'Local', 1)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, made_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, clean_label, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, REACH_CLASSIFICATION_ERROR, REACH_CLASSIFICATION_ERROR_INVALID,
                   _("There is already a characteristic “%s”"), made_key);
      goto fail;
    }
  sqlite3_reset (stmt);
  id = sqlite3_last_insert_rowid (reach_db_get_handle (db));

  if (!reach_audit (db, "characteristic", id, "insert", error) ||
      !insert_category (db, id, "prefer_not_to_say", _("Prefer not to say"), 0, TRUE,
                        &prefer_id, error))
    goto fail;
  if (!reach_db_commit (db, error))
    return NULL;

  return reach_characteristics_get (db, made_key, error);

fail:
  reach_db_rollback (db);
  return NULL;
}

GPtrArray *
reach_categories_list (ReachDb     *db,
                       const char  *characteristic_key,
                       GError     **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, CATEGORY_SELECT " WHERE c.key = ?1 "
                                         "ORDER BY g.sort_order, g.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, characteristic_key, -1, SQLITE_TRANSIENT);
  return collect (db, stmt, (RowFunc) category_from_row, error);
}

ReachCategory *
reach_categories_get (ReachDb     *db,
                      gint64       id,
                      GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt = reach_db_prepare (db, CATEGORY_SELECT " WHERE g.id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!(found = collect (db, stmt, (RowFunc) category_from_row, error)))
    return NULL;

  if (found->len == 0)
    {
      g_set_error (error, REACH_CLASSIFICATION_ERROR, REACH_CLASSIFICATION_ERROR_UNKNOWN_CATEGORY,
                   _("There is no category %" PRId64), id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (found, 0));
}

/* The part of "Broad: Detailed" after the first ": " (NULL if none). */
static const char *
detail_part (const char *normalized_label)
{
  const char *colon = strstr (normalized_label, ": ");
  return colon != NULL ? colon + 2 : NULL;
}

ReachCategory *
reach_category_match (GPtrArray  *categories,
                      const char *text)
{
  g_autofree char *want = reach_classification_normalize (text);
  ReachCategory *by_detail = NULL;
  guint n_detail = 0;

  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < categories->len; i++)
      {
        ReachCategory *g = g_ptr_array_index (categories, i);
        g_autofree char *label = reach_classification_normalize (g->label);
        g_autofree char *key = reach_classification_normalize (g->key);
        g_autofree char *code = reach_classification_normalize (g->ons_code);

        if ((pass == 0 && g_str_equal (label, want)) ||
            (pass == 1 && g_str_equal (key, want)) ||
            (pass == 2 && *code != '\0' && g_str_equal (code, want)))
          return g;
      }

  for (guint i = 0; i < categories->len; i++)
    {
      ReachCategory *g = g_ptr_array_index (categories, i);
      g_autofree char *label = reach_classification_normalize (g->label);
      const char *detail = detail_part (label);

      if (detail != NULL && g_str_equal (detail, want))
        {
          by_detail = g;
          n_detail++;
        }
    }

  /* two detailed categories sharing the words would be a guess */
  return n_detail == 1 ? by_detail : NULL;
}

ReachCategory *
reach_categories_find (ReachDb     *db,
                       const char  *characteristic_key,
                       const char  *text,
                       GError     **error)
{
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(ReachCharacteristic) characteristic = NULL;
  ReachCategory *found;

  if (!(characteristic = reach_characteristics_get (db, characteristic_key, error)) ||
      !(categories = reach_categories_list (db, characteristic_key, error)))
    return NULL;

  found = reach_category_match (categories, text);
  if (found == NULL)
    {
      g_set_error (error, REACH_CLASSIFICATION_ERROR, REACH_CLASSIFICATION_ERROR_UNKNOWN_CATEGORY,
                   _("“%s” is not a category of %s"), text, characteristic->label);
      return NULL;
    }

  return g_object_ref (found);
}

ReachCategory *
reach_categories_get_broad (ReachDb     *db,
                            gint64       category_id,
                            GError     **error)
{
  g_autoptr(ReachCategory) category = reach_categories_get (db, category_id, error);

  /* parents are one level deep in the reference data, but local ones may nest */
  for (guint depth = 0; category != NULL && category->parent_id > 0 && depth < 16; depth++)
    {
      ReachCategory *parent = reach_categories_get (db, category->parent_id, error);

      g_object_unref (category);
      category = parent;
    }

  return g_steal_pointer (&category);
}

/* A key from the label that no category of the characteristic has yet. */
static char *
unused_key (GPtrArray  *existing,
            const char *label)
{
  g_autofree char *base = make_key (label);

  for (guint n = 1; ; n++)
    {
      g_autofree char *key = n == 1 && *base != '\0' ? g_strdup (base)
                                                     : g_strdup_printf ("%s_%u", *base ? base : "category", n);
      gboolean taken = FALSE;

      for (guint i = 0; i < existing->len && !taken; i++)
        taken = g_str_equal (((ReachCategory *) g_ptr_array_index (existing, i))->key, key);
      if (!taken)
        return g_steal_pointer (&key);
    }
}

ReachCategory *
reach_categories_add_local (ReachDb     *db,
                            const char  *characteristic_key,
                            const char  *label,
                            gint64       parent_id,
                            GError     **error)
{
  g_autoptr(ReachCharacteristic) characteristic = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autofree char *key = NULL;
  g_autofree char *clean_label = NULL;
  gint64 id;

  if (!(characteristic = reach_characteristics_get (db, characteristic_key, error)))
    return NULL;

  if (!characteristic->is_local)
    {
      g_set_error (error, REACH_CLASSIFICATION_ERROR, REACH_CLASSIFICATION_ERROR_INVALID,
                   _("%s is a reference classification; add local groups to a local characteristic"),
                   characteristic->label);
      return NULL;
    }

  if (is_blank (label))
    {
      g_set_error_literal (error, REACH_CLASSIFICATION_ERROR, REACH_CLASSIFICATION_ERROR_INVALID,
                           _("A category needs a name"));
      return NULL;
    }

  if (!(existing = reach_categories_list (db, characteristic_key, error)))
    return NULL;
  if (reach_category_match (existing, label) != NULL)
    {
      g_set_error (error, REACH_CLASSIFICATION_ERROR, REACH_CLASSIFICATION_ERROR_INVALID,
                   _("%s already has a category “%s”"), characteristic->label, label);
      return NULL;
    }

  clean_label = g_strstrip (g_strdup (label));
  key = unused_key (existing, label);

  if (!reach_db_begin (db, error))
    return NULL;
  if (!insert_category (db, characteristic->id, key, clean_label, parent_id, FALSE, &id, error) ||
      !keep_prefer_not_last (db, characteristic->id, error))
    {
      reach_db_rollback (db);
      return NULL;
    }
  if (!reach_db_commit (db, error))
    return NULL;

  return reach_categories_get (db, id, error);
}
