/* reach-cli.c — the Reach core without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every command prints one clear line on stderr and exits non-zero when it
 * fails; its output, if any, goes to stdout or the named file.
 */
#define G_LOG_DOMAIN "reach-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "reach-db.h"

typedef gboolean (*CommandFunc) (int      argc,
                                 char   **argv,
                                 GError **error);

static gboolean
usage_error (GError     **error,
             const char  *usage)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "usage: reach-cli %s", usage);
  return FALSE;
}

static gboolean
cmd_new (int      argc,
         char   **argv,
         GError **error)
{
  g_autoptr(ReachDb) db = NULL;

  if (argc != 2)
    return usage_error (error, "new DB");

  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("%s already exists; Reach will not overwrite it"), argv[1]);
      return FALSE;
    }

  db = reach_db_open (argv[1], error);
  return db != NULL;
}

static ReachDb *
open_existing (const char  *path,
               GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("%s: no such workspace"), path);
      return NULL;
    }

  return reach_db_open (path, error);
}

static gboolean
cmd_stats (int      argc,
           char   **argv,
           GError **error)
{
  g_autoptr(ReachDb) db = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GString) out = g_string_new ("{");

  if (argc != 2)
    return usage_error (error, "stats DB");

  if (!(db = open_existing (argv[1], error)) ||
      !(counts = reach_db_count_tables (db, error)))
    return FALSE;

  for (guint i = 0; i < counts->len; i++)
    {
      ReachTableCount *c = &g_array_index (counts, ReachTableCount, i);

      g_string_append_printf (out, "%s\"%s\": %" G_GINT64_FORMAT,
                              i > 0 ? ", " : "", c->key, c->count);
    }
  g_string_append (out, "}\n");
  fputs (out->str, stdout);

  return TRUE;
}

static const struct {
  const char  *name;
  CommandFunc  func;
  const char  *help;
} commands[] = {
  { "new", cmd_new, "new DB                      create an empty workspace" },
  { "stats", cmd_stats, "stats DB                    count what the workspace holds, as JSON" },
};

static void
print_help (FILE *stream)
{
  fputs ("Usage: reach-cli COMMAND ARGS…\n\nCommands:\n", stream);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %s\n", commands[i].help);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_help (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_str_equal (argv[1], commands[i].name))
        continue;

      if (commands[i].func (argc - 1, argv + 1, &error))
        return 0;

      fprintf (stderr, "reach-cli %s: %s\n", argv[1], error->message);
      return 1;
    }

  fprintf (stderr, "reach-cli: unknown command “%s”; try reach-cli --help\n", argv[1]);
  return 2;
}
