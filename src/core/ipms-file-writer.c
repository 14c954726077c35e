/* ipms-file-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* O_TMPFILE */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ipms-file-writer.h"

struct _IpmsFileWriter
{
  int   fd;
  char *path;
  char *dir;
  char *base;
  /* A hidden name of ours, removed on failure; NULL for an unnamed file. */
  char *tmp_path;
  /* What link() takes: /proc/self/fd/N for an unnamed file. */
  char *source;
};

gboolean
ipms_file_set_error (GError     **error,
                     const char  *path,
                     int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);
  const char *reason;

  switch (saved_errno)
    {
    case EEXIST:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” already exists"), display);
      return FALSE;

    case ENOSPC:
    case EDQUOT:
      reason = _("the disk is full");
      break;

    case EFBIG:
      reason = _("the file would be larger than the size limit allows");
      break;

    default:
      reason = g_strerror (saved_errno);
      break;
    }

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), display, reason);
  return FALSE;
}

static void
sync_folder (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* The rename or link is durable once its folder is; a folder that cannot
   * be synced (some file systems refuse) has nothing better to offer. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* A new hidden name in the folder for `source`, made with link(). */
static char *
link_hidden_name (IpmsFileWriter *self)
{
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x", self->base, g_random_int ());
      g_autofree char *candidate = g_build_filename (self->dir, name, NULL);

      if (linkat (AT_FDCWD, self->source, AT_FDCWD, candidate, AT_SYMLINK_FOLLOW) == 0)
        return g_steal_pointer (&candidate);
      if (errno != EEXIST)
        return NULL;
    }

  errno = EEXIST;
  return NULL;
}

IpmsFileWriter *
ipms_file_writer_new (const char  *path,
                      GError     **error)
{
  g_autoptr(IpmsFileWriter) self = g_new0 (IpmsFileWriter, 1);

  g_return_val_if_fail (path != NULL, NULL);

  self->fd = -1;
  self->path = g_strdup (path);
  self->dir = g_path_get_dirname (path);
  self->base = g_path_get_basename (path);

#ifdef O_TMPFILE
  self->fd = open (self->dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  if (self->fd >= 0)
    {
      self->source = g_strdup_printf ("/proc/self/fd/%d", self->fd);
      if (g_file_test (self->source, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&self);

      /* No /proc: the file could never get a name. */
      g_clear_pointer (&self->source, g_free);
      close (self->fd);
      self->fd = -1;
    }
  else if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL && errno != ENOSYS)
    {
      ipms_file_set_error (error, path, errno);
      return NULL;
    }
#endif

  for (guint attempt = 0; attempt < 100 && self->fd < 0; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x", self->base, g_random_int ());
      g_autofree char *candidate = g_build_filename (self->dir, name, NULL);

      self->fd = open (candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (self->fd >= 0)
        {
          self->tmp_path = g_strdup (candidate);
          self->source = g_steal_pointer (&candidate);
        }
      else if (errno != EEXIST)
        break;
    }

  if (self->fd < 0)
    {
      ipms_file_set_error (error, path, errno);
      return NULL;
    }

  return g_steal_pointer (&self);
}

gboolean
ipms_file_writer_write (IpmsFileWriter  *self,
                        const void      *data,
                        gsize            length,
                        GError         **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  while (length > 0)
    {
      gssize n = write (self->fd, p, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      /* 0 for a non-empty buffer makes no progress: the disk is full. */
      if (n <= 0)
        return ipms_file_set_error (error, self->path, n < 0 ? errno : ENOSPC);

      p += n;
      length -= (gsize) n;
    }

  return TRUE;
}

gboolean
ipms_file_writer_commit (IpmsFileWriter  *self,
                         gboolean         replace,
                         GError         **error)
{
  int fd;

  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  if (fsync (self->fd) != 0)
    return ipms_file_set_error (error, self->path, errno);

  if (!replace)
    {
      /* link() never replaces: if the name appeared meanwhile, we lose. */
      if (linkat (AT_FDCWD, self->source, AT_FDCWD, self->path, AT_SYMLINK_FOLLOW) != 0)
        return ipms_file_set_error (error, self->path, errno);
    }
  else
    {
      /* rename() needs a name to move; a hidden one lives only between
       * these two calls. */
      if (self->tmp_path == NULL && !(self->tmp_path = link_hidden_name (self)))
        return ipms_file_set_error (error, self->path, errno);

      if (g_rename (self->tmp_path, self->path) != 0)
        return ipms_file_set_error (error, self->path, errno);

      g_clear_pointer (&self->tmp_path, g_free);
    }

  fd = self->fd;
  self->fd = -1;

  /* A hidden name that is now also linked to the target. */
  if (self->tmp_path != NULL)
    {
      g_unlink (self->tmp_path);
      g_clear_pointer (&self->tmp_path, g_free);
    }

  /* close() can report a delayed write error (NFS, quota), but the file is
   * in place by now and synced: nothing is lost by ignoring it. */
  close (fd);
  sync_folder (self->dir);

  return TRUE;
}

void
ipms_file_writer_free (IpmsFileWriter *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  if (self->tmp_path != NULL)
    g_unlink (self->tmp_path);

  g_free (self->path);
  g_free (self->dir);
  g_free (self->base);
  g_free (self->tmp_path);
  g_free (self->source);
  g_free (self);
}
