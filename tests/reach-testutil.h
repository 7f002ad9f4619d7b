/* reach-testutil.h — small helpers every test shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* A fresh temporary folder, removed by nobody: tests run in a scratch TMPDIR. */
static inline char *
reach_test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("reach-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* A file shipped with the tests, under tests/. */
static inline char *
reach_test_file (const char *first,
                 ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_ptr_array_add (parts, (gpointer) g_getenv ("G_TEST_SRCDIR"));
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}
