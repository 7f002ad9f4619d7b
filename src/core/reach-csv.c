/* reach-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libcsv reports a field or a row only once it has ended, which may be
 * several lines later.  So the text is fed one physical line at a time and
 * a row's start is the first non-blank line fed after the previous row ended.
 *
 * Not strict about quotes inside unquoted fields (37°36'37.8"N is common in
 * real files), but a quoted field left open at the end is an error.
 */
#define G_LOG_DOMAIN "reach-csv"

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "reach-csv.h"

G_DEFINE_QUARK (reach-csv-error-quark, reach_csv_error)

struct _ReachCsv
{
  GArray *rows;   /* of ReachCsvRow */
  char    delimiter;
};

typedef struct
{
  ReachCsv  *csv;
  GPtrArray *fields;      /* of the row being read */
  guint      line;        /* the line being fed */
  guint      row_line;    /* where the row being read started */
  gboolean   need_start;  /* the next non-blank line starts a row */
} ParseState;

static void
row_clear (gpointer data)
{
  ReachCsvRow *row = data;

  g_strfreev (row->fields);
}

static void
on_field (void   *data,
          size_t  length,
          void   *user_data)
{
  ParseState *state = user_data;

  g_ptr_array_add (state->fields, g_strndup (data ? data : "", length));
}

static void
on_row (int   terminator,
        void *user_data)
{
  ParseState *state = user_data;
  ReachCsvRow row;

  g_ptr_array_add (state->fields, NULL);
  row.line = state->row_line;
  row.n_fields = state->fields->len - 1;
  row.fields = (char **) g_ptr_array_free (state->fields, FALSE);
  g_array_append_val (state->csv->rows, row);

  state->fields = g_ptr_array_new_with_free_func (g_free);
  state->need_start = TRUE;
}

static gboolean
is_blank_line (const char *line,
               gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (line[i] != '\r' && line[i] != '\n')
      return FALSE;

  return TRUE;
}

/* Spreadsheets in much of Europe save CSV with semicolons; some tools use
 * tabs.  The first line's most common separator outside quotes wins. */
static char
guess_delimiter (const char *data,
                 gsize       length)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length && (quoted || data[i] != '\n'); i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted)
        {
          commas += data[i] == ',';
          semicolons += data[i] == ';';
          tabs += data[i] == '\t';
        }
    }

  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

static void
csv_free_rows (ReachCsv *self)
{
  g_clear_pointer (&self->rows, g_array_unref);
}

ReachCsv *
reach_csv_parse (const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_autoptr(ReachCsv) self = g_new0 (ReachCsv, 1);
  struct csv_parser parser;
  ParseState state = { 0 };
  const char *end;
  const char *invalid;
  gboolean ok = TRUE;

  self->rows = g_array_new (FALSE, TRUE, sizeof (ReachCsvRow));
  g_array_set_clear_func (self->rows, row_clear);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      guint line = 1;

      for (const char *p = data; p < invalid; p++)
        line += *p == '\n';
      g_set_error (error, REACH_CSV_ERROR, REACH_CSV_ERROR_ENCODING,
                   _("line %u is not UTF-8 text; save the file as UTF-8 and try again"), line);
      return NULL;
    }

  if (csv_init (&parser, CSV_APPEND_NULL) != 0)
    g_error ("libcsv could not start");
  self->delimiter = guess_delimiter (data, length);
  csv_set_delim (&parser, self->delimiter);

  state.csv = self;
  state.fields = g_ptr_array_new_with_free_func (g_free);
  state.need_start = TRUE;
  end = data + length;

  for (const char *p = data; ok && p < end; )
    {
      const char *nl = memchr (p, '\n', end - p);
      gsize n = nl ? (gsize) (nl - p + 1) : (gsize) (end - p);

      state.line++;
      if (state.need_start && !is_blank_line (p, n))
        {
          state.row_line = state.line;
          state.need_start = FALSE;
        }
      ok = csv_parse (&parser, p, n, on_field, on_row, &state) == n;
      p += n;
    }

  /* libcsv's own check (CSV_STRICT_FINI) needs CSV_STRICT too; 2 is its
   * FIELD_BEGUN state, public in struct csv_parser. */
  if (ok && parser.quoted && parser.pstate == 2)
    ok = FALSE;
  if (ok)
    ok = csv_fini (&parser, on_field, on_row, &state) == 0;

  if (!ok)
    g_set_error (error, REACH_CSV_ERROR, REACH_CSV_ERROR_SYNTAX,
                 _("line %u: a quoted field is never closed"),
                 state.need_start ? state.line : state.row_line);

  csv_free (&parser);
  g_ptr_array_unref (state.fields);

  if (!ok)
    return NULL;

  return g_steal_pointer (&self);
}

ReachCsv *
reach_csv_load (const char  *path,
                GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  gsize length;
  ReachCsv *self;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  if (!(self = reach_csv_parse (contents, length, error)))
    g_prefix_error (error, "%s ", basename);

  return self;
}

void
reach_csv_free (ReachCsv *self)
{
  if (self == NULL)
    return;
  csv_free_rows (self);
  g_free (self);
}

char
reach_csv_get_delimiter (ReachCsv *self)
{
  return self->delimiter;
}

guint
reach_csv_get_n_rows (ReachCsv *self)
{
  return self->rows->len;
}

const ReachCsvRow *
reach_csv_get_row (ReachCsv *self,
                   guint     index)
{
  g_return_val_if_fail (index < self->rows->len, NULL);
  return &g_array_index (self->rows, ReachCsvRow, index);
}

static gboolean
needs_quotes (const char *field)
{
  if (*field == ' ' || *field == '\t')
    return TRUE;
  if (*field != '\0' && (field[strlen (field) - 1] == ' ' || field[strlen (field) - 1] == '\t'))
    return TRUE;
  return strpbrk (field, ",\"\r\n") != NULL;
}

void
reach_csv_append_field (GString    *out,
                        const char *field)
{
  if (field == NULL)
    return;

  if (!needs_quotes (field))
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
