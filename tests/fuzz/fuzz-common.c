/* fuzz-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "fuzz-common.h"

static char *work_dir;

static void
remove_work_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (work_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (work_dir);
}

const char *
fuzz_get_work_dir (void)
{
  if (work_dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      work_dir = g_dir_make_tmp ("ipms-fuzz-XXXXXX", &error);
      g_assert_no_error (error);
      /* Documents and drafts stay in here, whatever HOME is. */
      g_setenv ("HOME", work_dir, TRUE);
      g_setenv ("XDG_DATA_HOME", work_dir, TRUE);
      g_setenv ("XDG_STATE_HOME", work_dir, TRUE);
      g_setenv ("XDG_CONFIG_HOME", work_dir, TRUE);
      g_setenv ("XDG_CACHE_HOME", work_dir, TRUE);
      atexit (remove_work_dir);
    }

  return work_dir;
}

void
fuzz_write_file (const char *path,
                 const void *data,
                 size_t      size)
{
  const char *bytes = data;
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  if (fd < 0)
    g_error ("Cannot create %s: %s", path, g_strerror (errno));

  while (size > 0)
    {
      ssize_t written = write (fd, bytes, size);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        g_error ("Cannot write %s: %s", path, g_strerror (errno));
      bytes += written;
      size -= (size_t) written;
    }

  if (close (fd) != 0)
    g_error ("Cannot write %s: %s", path, g_strerror (errno));
}

void
fuzz_remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      g_unlink (side);
    }
}
