/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * JSON import and export of a whole plan.
 *
 * Format: one object with "format": "ipms-planner" and "version": 2 (1 is
 * still read: it only lacks the deck), and one
 * array per table named by the table's plural (ipms-schema.c): "products",
 * "series", "segments", ... Each element is an object with "id" and the
 * table's columns by name; NULL columns are written as null. Dates are
 * "YYYY-MM-DD" strings, references are ids.
 */

#define IPMS_JSON_FORMAT_NAME    "ipms-planner"
#define IPMS_JSON_FORMAT_VERSION 2
/* Ids lie from 1 to 2^53 - 1: the integers every JSON reader holds exactly
 * (RFC 8259 section 6; JavaScript's Number.MAX_SAFE_INTEGER), far from
 * where id arithmetic in 64 bits could overflow. */
#define IPMS_JSON_MAX_ID         G_GINT64_CONSTANT (9007199254740991)
#define IPMS_JSON_ERROR (ipms_json_error_quark ())

typedef enum
{
  IPMS_JSON_ERROR_SYNTAX,        /* not JSON at all */
  IPMS_JSON_ERROR_FORMAT,        /* JSON, but not an IPMS Planner plan */
  IPMS_JSON_ERROR_TOO_NEW,       /* a newer format version */
  IPMS_JSON_ERROR_INVALID,       /* a member is wrong: the message names its JSON path */
} IpmsJsonError;

GQuark   ipms_json_error_quark  (void);

/* Writes the plan to `path` whole or not at all (a synced temporary
 * sibling renamed over it). Refuses to overwrite the project itself, any
 * other SQLite file, or anything but a regular file. */
gboolean ipms_json_export_file  (IpmsDocument  *document,
                                 const char    *path,
                                 GError       **error);
/* The plan as JSON, read in one transaction so that an edit made meanwhile
 * by another process is in it whole or not at all. Fails on a damaged
 * project whose text is not UTF-8 or whose ids are out of the format's
 * range, naming the table, row and column. */
char    *ipms_json_export_data  (IpmsDocument  *document,
                                 gsize         *length,
                                 GError       **error);
/* Replaces the whole plan with the file's, as one undoable edit labelled
 * `label`. All or nothing: on error the document is unchanged. */
gboolean ipms_json_import_file  (IpmsDocument  *document,
                                 const char    *path,
                                 const char    *label,
                                 GError       **error);
gboolean ipms_json_import_data  (IpmsDocument  *document,
                                 const char    *data,
                                 gssize         length,
                                 const char    *label,
                                 GError       **error);
/*
 * An import in stages, for a window that must stay responsive: read and
 * check the plan in a worker thread (ipms_json_import_read_*(), touching
 * no document), then, in the document's thread, begin() the undoable edit
 * that replaces the plan, write() its rows a slice at a time, and finish()
 * (commit) or abort() (roll back, the document as it was). Between begin()
 * and finish() or abort() the document is inside that edit: the caller
 * makes sure nothing else edits it. ipms_json_import_free() aborts an
 * unfinished import; once finished or aborted it may run in any thread
 * (freeing a large plan takes a while).
 */
typedef struct _IpmsJsonImport IpmsJsonImport;

IpmsJsonImport *ipms_json_import_read_file    (const char      *path,
                                               GCancellable    *cancellable,
                                               GError         **error);
IpmsJsonImport *ipms_json_import_read_data    (const char      *data,
                                               gssize           length,
                                               GCancellable    *cancellable,
                                               GError         **error);
guint           ipms_json_import_get_n_rows   (IpmsJsonImport  *import);
guint           ipms_json_import_get_n_written (IpmsJsonImport *import);
gboolean        ipms_json_import_begin        (IpmsJsonImport  *import,
                                               IpmsDocument    *document,
                                               const char      *label,
                                               GError         **error);
/* Writes up to `max_rows` more rows; on error the edit is rolled back. */
gboolean        ipms_json_import_write        (IpmsJsonImport  *import,
                                               guint            max_rows,
                                               GError         **error);
/* Writes what is left and commits: one undo step. */
gboolean        ipms_json_import_finish       (IpmsJsonImport  *import,
                                               GError         **error);
void            ipms_json_import_abort        (IpmsJsonImport  *import);
void            ipms_json_import_free         (IpmsJsonImport  *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpmsJsonImport, ipms_json_import_free)

/* Makes the new project file `project_path` from the plan in `json_path`,
 * with an empty undo history. The file appears whole and synced, or not at
 * all, even if the process is killed; nothing else is left behind. Fails
 * with G_IO_ERROR_EXISTS if `project_path` exists, also when it appeared
 * while the plan was being read. */
gboolean ipms_json_create_project (const char  *json_path,
                                   const char  *project_path,
                                   GError     **error);

G_END_DECLS
