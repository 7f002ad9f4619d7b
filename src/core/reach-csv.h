/* reach-csv.h — comma-separated values, read with libcsv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole file is read into rows of strings.  Each row remembers the
 * physical line it starts on, so a message can point at it even when an
 * earlier field held quoted line breaks.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define REACH_CSV_ERROR (reach_csv_error_quark ())
typedef enum
{
  REACH_CSV_ERROR_ENCODING,  /* not UTF-8 */
  REACH_CSV_ERROR_SYNTAX,    /* an unterminated or misplaced quote */
} ReachCsvError;

typedef struct
{
  guint   line;      /* 1-based physical line where the row starts */
  guint   n_fields;
  char  **fields;    /* NULL-terminated, UTF-8 */
} ReachCsvRow;

typedef struct _ReachCsv ReachCsv;

GQuark             reach_csv_error_quark (void);

/* Parses UTF-8 text (a leading byte-order mark is skipped).  Blank lines
 * between rows are ignored; LF, CRLF and quoted line breaks are all fine.
 * Fields are separated by commas, or by semicolons or tabs when the first
 * line has more of those than commas. */
ReachCsv          *reach_csv_parse       (const char  *data,
                                          gsize        length,
                                          GError     **error);
/* Reads and parses a file; the error message starts with the file's name. */
ReachCsv          *reach_csv_load        (const char  *path,
                                          GError     **error);
void               reach_csv_free        (ReachCsv    *self);

char               reach_csv_get_delimiter (ReachCsv  *self);
guint              reach_csv_get_n_rows  (ReachCsv    *self);
const ReachCsvRow *reach_csv_get_row     (ReachCsv    *self,
                                          guint        index);

/* Appends one field, quoted when it needs to be (RFC 4180). */
void               reach_csv_append_field (GString    *out,
                                           const char *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReachCsv, reach_csv_free)

G_END_DECLS
