/* reach-classification.h — characteristics and their categories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference classifications (ONS Census 2021 ethnic group, religion,
 * disability, age bands, sex, sexual orientation, gender identity, unpaid
 * carer) are inserted by schema migration 2 with stable keys; "Local groups"
 * and any characteristic a user adds are local (is_local).  Every
 * characteristic has a "Prefer not to say" category (is_prefer_not): it is
 * an answer.  A detailed category rolls up to a broad one through parent_id
 * (ethnic group: 19 detailed categories roll up to 5 broad groups).
 *
 * Characteristic keys: ethnic_group, religion, disability, age_band, sex,
 * sexual_orientation, gender_identity, carer, local_groups.
 */
#pragma once

#include "reach-db.h"

G_BEGIN_DECLS

#define REACH_CLASSIFICATION_ERROR (reach_classification_error_quark ())
typedef enum
{
  REACH_CLASSIFICATION_ERROR_UNKNOWN_CHARACTERISTIC,
  REACH_CLASSIFICATION_ERROR_UNKNOWN_CATEGORY,
  REACH_CLASSIFICATION_ERROR_INVALID,     /* blank label, duplicate, not local */
} ReachClassificationError;
GQuark reach_classification_error_quark (void);

#define REACH_TYPE_CHARACTERISTIC (reach_characteristic_get_type ())
G_DECLARE_FINAL_TYPE (ReachCharacteristic, reach_characteristic, REACH, CHARACTERISTIC, GObject)

struct _ReachCharacteristic
{
  GObject   parent_instance;

  gint64    id;
  char     *key;        /* "ethnic_group" */
  char     *label;      /* "Ethnic group" */
  char     *source;     /* "ONS Census 2021 TS021", "Local" */
  gboolean  is_local;
};

#define REACH_TYPE_CATEGORY (reach_category_get_type ())
G_DECLARE_FINAL_TYPE (ReachCategory, reach_category, REACH, CATEGORY, GObject)

struct _ReachCategory
{
  GObject   parent_instance;

  gint64    id;
  gint64    characteristic_id;
  char     *characteristic_key;
  char     *key;            /* "indian"; unique within its characteristic */
  char     *label;          /* the ONS label, "Asian, Asian British or Asian Welsh: Indian" */
  char     *ons_code;       /* NULL when ONS gives none */
  gint64    parent_id;      /* the broad category, 0 for a top-level one */
  int       sort_order;
  gboolean  is_prefer_not;  /* "Prefer not to say", census "Not answered" */
};

/* Every characteristic, reference ones first in a fixed order, then local ones. */
GPtrArray           *reach_characteristics_list    (ReachDb     *db,
                                                    GError     **error);
ReachCharacteristic *reach_characteristics_get     (ReachDb     *db,
                                                    const char  *key,
                                                    GError     **error);
/* A local characteristic; its key is made from the label ("Local groups" →
 * "local_groups") unless key is given.  It gets a "Prefer not to say"
 * category straight away. */
ReachCharacteristic *reach_characteristics_add_local (ReachDb    *db,
                                                    const char  *key,
                                                    const char  *label,
                                                    GError     **error);

/* A characteristic's categories in sort order (broad ones before their
 * detailed ones). */
GPtrArray           *reach_categories_list         (ReachDb     *db,
                                                    const char  *characteristic_key,
                                                    GError     **error);
ReachCategory       *reach_categories_get          (ReachDb     *db,
                                                    gint64       id,
                                                    GError     **error);
/* Finds a category of a characteristic by its key, its label, its ONS code,
 * or (for a detailed category) the part of its label after "Broad: ";
 * case-insensitive, runs of whitespace count as one space.  Fails with
 * ..._UNKNOWN_CATEGORY — never guesses. */
ReachCategory       *reach_categories_find         (ReachDb     *db,
                                                    const char  *characteristic_key,
                                                    const char  *text,
                                                    GError     **error);
/* The same matching over categories already read (reach_categories_list),
 * for code that must not touch the workspace; NULL when nothing matches. */
ReachCategory       *reach_category_match          (GPtrArray   *categories,
                                                    const char  *text);
/* The top-level category a category rolls up to (itself when it has no parent). */
ReachCategory       *reach_categories_get_broad    (ReachDb     *db,
                                                    gint64       category_id,
                                                    GError     **error);
/* Adds a category to a local characteristic (reference ones are fixed).
 * parent_id 0 for a top-level category. */
ReachCategory       *reach_categories_add_local    (ReachDb     *db,
                                                    const char  *characteristic_key,
                                                    const char  *label,
                                                    gint64       parent_id,
                                                    GError     **error);

/* "  White:  IRISH " → "white: irish": what lookups compare. */
char                *reach_classification_normalize (const char *text);

G_END_DECLS
