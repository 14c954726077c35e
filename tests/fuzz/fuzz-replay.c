/* fuzz-replay.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs a fuzz target on the files given and on every file of the folders
 * given, as libFuzzer would, with any compiler: the test suite replays the
 * seed corpus and every crash found so far this way, and a finding is
 * reproduced by naming its file. Prints TAP, one line per file, and names
 * the file before running it so that a crash points at its input.
 */

#include "config.h"

#include <stdio.h>

#include "fuzz-common.h"

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      /* One file, to reproduce a finding. */
      if (g_file_test (argv[i], G_FILE_TEST_IS_REGULAR))
        {
          g_ptr_array_add (files, g_strdup (argv[i]));
          continue;
        }

      /* A folder of crashes exists only once one was found. */
      dir = g_dir_open (argv[i], 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.' && g_strcmp0 (name, "README.md") != 0)
          g_ptr_array_add (files, g_build_filename (argv[i], name, NULL));
    }
  g_ptr_array_sort (files, compare_paths);

  LLVMFuzzerInitialize (&argc, &argv);

  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize length;

      printf ("# %s\n", path);
      fflush (stdout);
      if (!g_file_get_contents (path, &data, &length, &error))
        {
          printf ("not ok %u %s: %s\n", i + 1, path, error->message);
          continue;
        }
      LLVMFuzzerTestOneInput ((const uint8_t *) data, length);
      printf ("ok %u %s\n", i + 1, path);
    }

  return 0;
}
