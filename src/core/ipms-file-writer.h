/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Every file the application writes appears whole or not at all.
 *
 * An IpmsFileWriter writes into a file without a name (O_TMPFILE) in the
 * target's folder, or where the file system cannot do that, a hidden
 * sibling with a random name. commit() syncs it and puts it in place:
 * renamed over the target, or, when the target must not be replaced,
 * linked to its name, which fails if the name appeared meanwhile (of two
 * processes racing for one name exactly one wins). Then the folder is
 * synced, so the new name survives a power cut. A writer freed before its
 * commit removes what it made; a process killed at any moment leaves the
 * old file, or the whole new one.
 *
 * Errors are G_IO_ERROR, worded by ipms_file_set_error(). (A project file
 * is written by SQLite through a name, which ipms-document.c puts in place
 * the same way.)
 */

typedef struct _IpmsFileWriter IpmsFileWriter;

IpmsFileWriter *ipms_file_writer_new       (const char      *path,
                                            GError         **error);
gboolean        ipms_file_writer_write     (IpmsFileWriter  *self,
                                            const void      *data,
                                            gsize            length,
                                            GError         **error);
/* With `replace` FALSE an existing name fails with G_IO_ERROR_EXISTS. */
gboolean        ipms_file_writer_commit    (IpmsFileWriter  *self,
                                            gboolean         replace,
                                            GError         **error);
void            ipms_file_writer_free      (IpmsFileWriter  *self);

/* The one wording of a failed write: "the disk is full" for ENOSPC and
 * EDQUOT, the size limit for EFBIG, "already exists" for EEXIST. Returns
 * FALSE. */
gboolean        ipms_file_set_error        (GError         **error,
                                            const char      *path,
                                            int              saved_errno);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpmsFileWriter, ipms_file_writer_free)

G_END_DECLS
