/* reach-baseline.h — census baselines: population counts per area and category
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two steps like reach-import.  reach_baseline_import_read() reads the
 * workspace's classifications and area codes, then parses and checks the
 * whole file without writing; reach_baseline_import_commit() writes every
 * count in one transaction, or nothing.
 *
 * Layouts understood:
 *  - the ONS bulk wide CSV: "date", "geography", "geography code", then one
 *    column per "<Topic>: <Category>", with or without "; measures: Value",
 *    subtotal columns beside their parts (TS007: bands and single years);
 *  - long or tidy CSVs: an area code column (area_code, geography code,
 *    lsoa21_code, msoa21cd, …), a category column (ethnic_group, religion,
 *    disability_category, sexual_orientation, age_group, or the category in
 *    "indicator") and a value column (value, count, usual_residents, …);
 *  - a wide CSV with an area code column and one column per category.
 *
 * Category labels are matched against the shipped categories
 * (reach_category_match); a file's columns that are totals or subtotals of
 * other matched columns are never counted twice: when a category and its
 * detailed parts both appear, the parts are kept and the subtotal dropped
 * (the parts must all be there, else the subtotal is kept and the parts
 * dropped).  Age: single years and any band that lies inside one of Reach's
 * six bands are summed into it; a band that straddles two is refused.
 * Columns or rows that match nothing (e.g. "All persons", "Total") are
 * listed in the notes, never counted.
 *
 * Totals: each table's own total is stored with its rows (baseline.table_total),
 * the Total column when the file has one, else the sum of its categories.
 * Tables for the same area may disagree by a few people (ONS perturbation):
 * that is accepted.
 *
 * Areas: every code must be an area of the workspace.  Rows for codes the
 * workspace does not hold are skipped with a note (how many, and a few
 * examples) — a national or regional file can be imported into a workspace
 * that holds part of it; a file none of whose codes are known fails with
 * REACH_BASELINE_ERROR_NO_AREAS.
 *
 * Replacing: committing a baseline for a characteristic replaces the earlier
 * baseline of that characteristic for the areas in the file (whatever its
 * source), so one area never has two tables for one characteristic.
 */
#pragma once

#include "reach-db.h"
#include "reach-import.h"   /* ReachProgressFunc */

G_BEGIN_DECLS

#define REACH_BASELINE_ERROR (reach_baseline_error_quark ())
typedef enum
{
  REACH_BASELINE_ERROR_FORMAT,       /* not CSV, not UTF-8, broken quoting */
  REACH_BASELINE_ERROR_INVALID,      /* a value that is not a count: file and line named */
  REACH_BASELINE_ERROR_UNSUPPORTED,  /* no area code or value column, no category matched,
                                        characteristic not told, an age band that straddles */
  REACH_BASELINE_ERROR_EMPTY,        /* no data rows */
  REACH_BASELINE_ERROR_NO_AREAS,     /* none of the file's area codes are in the workspace */
} ReachBaselineError;

GQuark reach_baseline_error_quark (void);

#define REACH_TYPE_BASELINE_IMPORT (reach_baseline_import_get_type ())
G_DECLARE_FINAL_TYPE (ReachBaselineImport, reach_baseline_import, REACH, BASELINE_IMPORT, GObject)

ReachBaselineImport *reach_baseline_import_new     (const char          *path);

/* The characteristic key (ethnic_group, religion, …).  Unset, it is told
 * by the file: the wide header's topic ("Ethnic group: …" → ethnic_group,
 * "Age: …" → age_band) or the long layout's category column. */
void          reach_baseline_import_set_characteristic (ReachBaselineImport *self,
                                                        const char          *key);
/* Stored with each row; default "ONS Census 2021 <file name>" and 2021. */
void          reach_baseline_import_set_source (ReachBaselineImport *self,
                                                const char          *source);
void          reach_baseline_import_set_year   (ReachBaselineImport *self,
                                                int                  year);

/* Reads db's classifications and area codes (call on db's thread or hold
 * it), then parses the file.  Writes nothing.  Errors name the file and,
 * for a bad value, the line and column. */
gboolean      reach_baseline_import_read       (ReachBaselineImport *self,
                                                ReachDb             *db,
                                                GCancellable        *cancellable,
                                                ReachProgressFunc    progress,
                                                gpointer             progress_data,
                                                GError             **error);

/* After a successful read: */
const char   *reach_baseline_import_get_characteristic (ReachBaselineImport *self);
/* Areas that will get a baseline, and the counts to be written. */
guint         reach_baseline_import_get_n_areas  (ReachBaselineImport *self);
guint         reach_baseline_import_get_n_values (ReachBaselineImport *self);
/* The sum of the tables' own totals over those areas. */
gint64        reach_baseline_import_get_total    (ReachBaselineImport *self);
/* The sum of what will be stored for one category key (after roll-up of
 * single years into bands); 0 for a category the file does not give. */
gint64        reach_baseline_import_get_category_total (ReachBaselineImport *self,
                                                        const char          *category_key);
/* Plain-language lines: the layout, which columns or labels matched which
 * category, which were left out as totals or subtotals and which matched
 * nothing, areas skipped. */
const char * const *reach_baseline_import_get_notes (ReachBaselineImport *self);

gboolean      reach_baseline_import_commit     (ReachBaselineImport *self,
                                                ReachDb             *db,
                                                GCancellable        *cancellable,
                                                ReachProgressFunc    progress,
                                                gpointer             progress_data,
                                                GError             **error);

/* Baselines held: the characteristic keys that have any, in characteristic order. */
GStrv         reach_baselines_list_characteristics (ReachDb  *db,
                                                    GError  **error);
/* Residents of an area: its largest table total over all characteristics
 * (TS077 counts only people aged 16 and over), or the sum over the areas
 * inside it when it has no baseline of its own; 0 when nothing is known,
 * -1 on error. */
gint64        reach_baselines_get_residents    (ReachDb  *db,
                                                gint64    area_id,
                                                GError  **error);

G_END_DECLS
