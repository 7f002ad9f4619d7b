/* reach-workspace.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-workspace"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "reach-demo.h"
#include "reach-workspace.h"

G_DEFINE_QUARK (reach-workspace-error-quark, reach_workspace_error)

char *
reach_workspace_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "reach", "demo.reach", NULL);
}

ReachDb *
reach_workspace_open (const char  *path,
                      GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, REACH_WORKSPACE_ERROR, REACH_WORKSPACE_ERROR_MISSING,
                   _("The workspace “%s” does not exist or is not a file."), display);
      return NULL;
    }

  return reach_db_open (path, error);
}

/* SQLite keeps a WAL and a shared-memory file beside the database: a
 * replaced workspace must not inherit the old one's. */
static gboolean
remove_workspace_files (const char  *path,
                        GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (file);

          g_set_error (error, REACH_WORKSPACE_ERROR, REACH_WORKSPACE_ERROR_CREATE,
                       _("Could not replace “%s”: %s"), display, g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

ReachDb *
reach_workspace_create (const char  *path,
                        GError     **error)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, REACH_WORKSPACE_ERROR, REACH_WORKSPACE_ERROR_CREATE,
                   _("Could not create the folder “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  if (!remove_workspace_files (path, error))
    return NULL;

  return reach_db_open (path, error);
}

ReachDb *
reach_workspace_open_demo (GError **error)
{
  g_autofree char *path = reach_workspace_demo_path ();

  return reach_demo_open (path, error);
}

char *
reach_workspace_dup_name (ReachDb *db)
{
  g_autofree char *name = NULL;
  g_autofree char *base = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (REACH_IS_DB (db), NULL);

  if (reach_db_get_setting (db, "title", &name, NULL) && name != NULL && *name != '\0')
    return g_steal_pointer (&name);

  base = g_path_get_basename (reach_db_get_path (db));
  display = g_filename_display_name (base);
  if (g_str_has_suffix (display, ".reach") && strlen (display) > strlen (".reach"))
    display[strlen (display) - strlen (".reach")] = '\0';

  return g_steal_pointer (&display);
}

char *
reach_workspace_dup_location (ReachDb *db)
{
  g_autofree char *dir = NULL;
  g_autofree char *display = NULL;
  const char *home = g_get_home_dir ();

  g_return_val_if_fail (REACH_IS_DB (db), NULL);

  dir = g_path_get_dirname (reach_db_get_path (db));
  display = g_filename_display_name (dir);

  if (home != NULL && g_str_has_prefix (display, home) &&
      (display[strlen (home)] == '/' || display[strlen (home)] == '\0'))
    return g_strconcat ("~", display + strlen (home), NULL);

  return g_steal_pointer (&display);
}
