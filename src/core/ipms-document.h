/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ipms-record.h"
#include "ipms-schema.h"

G_BEGIN_DECLS

#define IPMS_TYPE_DOCUMENT (ipms_document_get_type ())
#define IPMS_DOCUMENT_ERROR (ipms_document_error_quark ())

/* Ids start at 1; 0 stands for "no row" (a NULL reference). */
#define IPMS_NULL_ID ((gint64) 0)

/* The file format version this build writes (PRAGMA user_version). */
#define IPMS_DOCUMENT_FORMAT_VERSION 5

typedef enum
{
  IPMS_DOCUMENT_ERROR_NOT_FOUND,      /* no file at that path */
  IPMS_DOCUMENT_ERROR_NOT_A_PROJECT,  /* not SQLite, or another application's database */
  IPMS_DOCUMENT_ERROR_CORRUPT,        /* damaged or truncated, or an unexpected schema */
  IPMS_DOCUMENT_ERROR_TOO_NEW,        /* written by a newer version of IPMS Planner */
  IPMS_DOCUMENT_ERROR_READ_ONLY,      /* the file or its folder cannot be written */
  IPMS_DOCUMENT_ERROR_EXISTS,         /* creating over an existing file */
  IPMS_DOCUMENT_ERROR_INVALID_VALUE,  /* a value refused by the schema */
  IPMS_DOCUMENT_ERROR_NO_SUCH_ROW,
  IPMS_DOCUMENT_ERROR_NOT_IN_EDIT,    /* a mutation outside begin/commit */
  IPMS_DOCUMENT_ERROR_FAILED,
  IPMS_DOCUMENT_ERROR_BUSY,           /* another program is writing the file */
  IPMS_DOCUMENT_ERROR_NOT_A_FILE,     /* a folder, a pipe, a device: only regular files are projects */
  IPMS_DOCUMENT_ERROR_NAME_TOO_LONG,  /* no room for the side files SQLite puts next to it */
  IPMS_DOCUMENT_ERROR_NO_SPACE,       /* the disk (or the file size limit) is full */
} IpmsDocumentError;

typedef enum
{
  IPMS_ROW_INSERTED,
  IPMS_ROW_UPDATED,
  IPMS_ROW_DELETED,
} IpmsRowChange;

G_DECLARE_FINAL_TYPE (IpmsDocument, ipms_document, IPMS, DOCUMENT, GObject)

/*
 * Signals:
 *  "row-changed" (const char *table, gint64 id, IpmsRowChange change):
 *      once per row touched by a committed edit, an undo or a redo; `table`
 *      is the schema's own string (compare with strcmp or g_str_equal).
 *      Records and lists are already up to date when it is emitted.
 *  "changes-done" (): after the last "row-changed" of one edit, undo or redo;
 *      views that lay out many rows relayout once here.
 *  "reloaded" (): any row may have changed: another program changed the
 *      file (see ipms_document_check_external_change()), or one edit, undo
 *      or redo touched more than IPMS_DOCUMENT_BULK_ROWS rows (an import,
 *      its undo, a large delete), which is then announced by this one
 *      signal instead of a "row-changed" per row. Every cached record is
 *      current again; lists and views rebuild what they show, keeping what
 *      the user chose (section, selection of rows that still exist).
 *      "changes-done" follows.
 * Properties: "path", "is-draft", "can-undo", "can-redo", "undo-label",
 * "redo-label", "history-limit", "busy" (all notify).
 */

/* Above this many rows in one step, "reloaded" replaces "row-changed"
 * (see ipms-document.c for why this number). */
#define IPMS_DOCUMENT_BULK_ROWS 1000

GQuark        ipms_document_error_quark       (void);

/* Opening and saving.
 *
 * A path is resolved (symlinks followed, made absolute) before SQLite sees it,
 * so names beginning with "file:" are plain files; only regular files are
 * projects, and a name must leave room for the "-journal" side file.
 *
 * open() refuses anything that is not a valid project and then leaves the file
 * untouched; an older format is migrated in place, in one transaction.
 * open_read_only() never writes to the file nor creates anything next to it
 * (for exports): an older format is migrated in a copy in memory, and every
 * edit is refused with IPMS_DOCUMENT_ERROR_READ_ONLY.
 * create() makes a new empty project (one project row, the five grades) at a
 * path that must not exist yet. new_draft() does the same under the user's
 * data dir (ipms_document_get_drafts_dir()). */
IpmsDocument *ipms_document_open              (const char    *path,
                                               GError       **error);
IpmsDocument *ipms_document_open_read_only    (const char    *path,
                                               GError       **error);
IpmsDocument *ipms_document_create            (const char    *path,
                                               const char    *project_name,
                                               GError       **error);
IpmsDocument *ipms_document_new_draft         (const char    *project_name,
                                               GError       **error);
char         *ipms_document_get_drafts_dir    (void);
/* The project's name read from a closed file without opening it as a
 * document (for lists of recent files); NULL when it cannot be read. */
char         *ipms_document_peek_title        (const char    *path);
/* A consistent copy written next to `path`, synced, renamed over it; the
 * document then continues on `path`. A draft's file is removed afterwards. */
gboolean      ipms_document_save_as           (IpmsDocument  *self,
                                               const char    *path,
                                               GError       **error);
/* A consistent copy; the document stays where it is. */
gboolean      ipms_document_save_copy         (IpmsDocument  *self,
                                               const char    *path,
                                               GError       **error);
void          ipms_document_close             (IpmsDocument  *self);
gboolean      ipms_document_get_read_only     (IpmsDocument  *self);
/* Whether an export of `self` (JSON, a chart) may be written to `path`: a
 * path that does not exist yet, or a regular file that is neither the
 * project itself nor any SQLite database (a slip of the file name would
 * destroy a plan). Never blocks. */
gboolean      ipms_document_check_export_target (IpmsDocument  *self,
                                                 const char    *path,
                                                 GError       **error);
/* Another program (a second window, the command line) may have changed the
 * file (PRAGMA data_version). When it has, every cached record is reloaded
 * and "reloaded" is emitted; returns TRUE then. begin_edit(), undo and redo
 * check on their own, under the write lock; a window checks when it gains
 * focus. Should a newer version have migrated the file meanwhile, the
 * document stays readable and refuses edits with
 * IPMS_DOCUMENT_ERROR_TOO_NEW. */
gboolean      ipms_document_check_external_change (IpmsDocument *self);
const char   *ipms_document_get_path          (IpmsDocument  *self);
gboolean      ipms_document_get_is_draft      (IpmsDocument  *self);
/* The project's name, or the file name when it has none. */
char         *ipms_document_dup_title         (IpmsDocument  *self);

/* Reading. Records are shared and live (see ipms-record.h). Values a
 * damaged file holds (text that is not UTF-8, a date that is none, numbers
 * out of range, references to missing rows) are read as blank or the
 * nearest valid value, said once with g_message(); the file is left as it
 * is. */
IpmsRecord   *ipms_document_get_project       (IpmsDocument  *self);
IpmsRecord   *ipms_document_get_record        (IpmsDocument  *self,
                                               const char    *table,
                                               gint64         id);
/* Rows of `table`, filtered and sorted as for ipms_record_list_new(). */
GPtrArray    *ipms_document_query             (IpmsDocument  *self,
                                               const char    *table,
                                               const char    *filter_column,
                                               gint64         filter_id,
                                               const char    *sort_column);
guint         ipms_document_count_rows        (IpmsDocument  *self,
                                               const char    *table);
/* Reads up to `max_rows` more rows of `table` into the records, so that
 * the first list of it costs less: a caller with time to spare (an idle)
 * calls it until it returns TRUE, when no row is left unread. Amid an edit
 * it reads nothing and returns FALSE; `max_rows` 0 only tells whether it
 * is done. One table at a time: another starts over. */
gboolean      ipms_document_read_ahead        (IpmsDocument  *self,
                                               const char    *table,
                                               guint          max_rows);

/* Calls `func` for every row of `table` in id order, with the row's values
 * (n_columns GValues in schema order, unset for NULL) that live only for
 * the call. No records are made: for reading whole tables once (export)
 * without keeping an object per row alive. `func` returns FALSE to stop.
 * Returns FALSE with `error` set when the file could not be read to the
 * end (a damaged page, an I/O error): the rows seen so far are not all. */
typedef gboolean (*IpmsRowFunc) (gint64        id,
                                 const GValue *values,
                                 gpointer      user_data);

gboolean      ipms_document_foreach_row       (IpmsDocument  *self,
                                               const char    *table,
                                               IpmsRowFunc    func,
                                               gpointer       user_data,
                                               GError       **error);

/* Calls `func` for every row of `table` in id order with the id of the row
 * its reference `column` points at: 0 for none (NULL, or in a damaged file
 * a row that does not exist). Reads nothing else of the rows: for counting
 * rows by their owner. Errors as ipms_document_foreach_row(). */
typedef gboolean (*IpmsReferenceFunc) (gint64   id,
                                       gint64   referenced,
                                       gpointer user_data);

gboolean      ipms_document_foreach_reference (IpmsDocument      *self,
                                               const char        *table,
                                               const char        *column,
                                               IpmsReferenceFunc  func,
                                               gpointer           user_data,
                                               GError           **error);

/* The one edit path.
 *
 * begin_edit() opens a transaction and starts recording; the mutations
 * below may only be called between it and commit_edit() or rollback_edit().
 * commit_edit() makes it durable and one undo step named `label`, then
 * emits "row-changed" for every row it touched. An edit that changed nothing
 * leaves no undo step.
 *
 * `merge_key`, when not NULL, folds this edit into the previous undo step if
 * that step has the same key and was made less than two seconds earlier (a
 * typing burst in one field, a keyboard nudge burst). Make the key name the
 * row and field ("product:42:name") so that bursts on two things stay two
 * steps. */
gboolean      ipms_document_begin_edit        (IpmsDocument  *self,
                                               const char    *label,
                                               const char    *merge_key,
                                               GError       **error);
gboolean      ipms_document_commit_edit       (IpmsDocument  *self,
                                               GError       **error);
void          ipms_document_rollback_edit     (IpmsDocument  *self);
gboolean      ipms_document_in_edit           (IpmsDocument  *self);

/* Inserts a row with every column at its default (NULL, 0, first choice,
 * "" for required text), or with `values` (n_columns GValues in schema
 * order; a G_VALUE_INIT entry stands for NULL). `id` 0 picks a new id.
 * Returns the id, or 0 with `error` set. */
gint64        ipms_document_insert            (IpmsDocument  *self,
                                               const char    *table,
                                               gint64         id,
                                               const GValue  *values,
                                               GError       **error);
gboolean      ipms_document_set_value         (IpmsDocument  *self,
                                               const char    *table,
                                               gint64         id,
                                               const char    *column,
                                               const GValue  *value,
                                               GError       **error);
gboolean      ipms_document_set_string        (IpmsDocument  *self,
                                               const char    *table,
                                               gint64         id,
                                               const char    *column,
                                               const char    *value,
                                               GError       **error);
gboolean      ipms_document_set_int           (IpmsDocument  *self,
                                               const char    *table,
                                               gint64         id,
                                               const char    *column,
                                               gint64         value,
                                               GError       **error);
gboolean      ipms_document_set_double        (IpmsDocument  *self,
                                               const char    *table,
                                               gint64         id,
                                               const char    *column,
                                               double         value,
                                               GError       **error);
gboolean      ipms_document_set_null          (IpmsDocument  *self,
                                               const char    *table,
                                               gint64         id,
                                               const char    *column,
                                               GError       **error);
/* Deletes the row, the rows owned by it (IPMS_COLUMN_FLAG_OWNED_BY) and
 * clears the other references to it. */
gboolean      ipms_document_delete            (IpmsDocument  *self,
                                               const char    *table,
                                               gint64         id,
                                               GError       **error);
/* Deletes every row of every table (for import). */
gboolean      ipms_document_delete_everything (IpmsDocument  *self,
                                               GError       **error);

/* One-field edit in its own undo step: begin, set, commit. */
gboolean      ipms_document_edit_value        (IpmsDocument  *self,
                                               const char    *label,
                                               const char    *merge_key,
                                               const char    *table,
                                               gint64         id,
                                               const char    *column,
                                               const GValue  *value,
                                               GError       **error);

/* Undo and redo. The history lives in the project file and survives
 * reopening; it keeps at most `history-limit` steps. */
gboolean      ipms_document_can_undo          (IpmsDocument  *self);
gboolean      ipms_document_can_redo          (IpmsDocument  *self);
/* The label of the step undo/redo would apply, or NULL. */
const char   *ipms_document_get_undo_label    (IpmsDocument  *self);
const char   *ipms_document_get_redo_label    (IpmsDocument  *self);
gboolean      ipms_document_undo              (IpmsDocument  *self,
                                               GError       **error);
gboolean      ipms_document_redo              (IpmsDocument  *self,
                                               GError       **error);
/* An undo or redo of more than IPMS_DOCUMENT_BULK_ROWS rows returns at
 * once and is applied in slices from the main loop; "busy" is TRUE until
 * it is done and announced. Meanwhile the cached records show the plan as
 * it was before, whole, and anything that reads the file (queries, records
 * not cached, edits, undo, saving) first completes the step. progress() is
 * how much of it is done (0 to 1); settle() completes it now; a step that
 * failed was rolled back, and take_step_error() says why (once). */
gboolean      ipms_document_get_busy          (IpmsDocument  *self);
double        ipms_document_get_progress      (IpmsDocument  *self);
void          ipms_document_settle            (IpmsDocument  *self);
GError       *ipms_document_take_step_error   (IpmsDocument  *self);
/* Drops every undo and redo step: for content that was never the user's
 * work, such as a freshly made example plan. */
gboolean      ipms_document_forget_history    (IpmsDocument  *self,
                                               GError       **error);
guint         ipms_document_get_history_limit (IpmsDocument  *self);
void          ipms_document_set_history_limit (IpmsDocument  *self,
                                               guint          limit);

/* View state kept in the file but outside the undo history (zoom, scroll,
 * the selected section). */
char         *ipms_document_dup_view_state    (IpmsDocument  *self,
                                               const char    *key);
void          ipms_document_set_view_state    (IpmsDocument  *self,
                                               const char    *key,
                                               const char    *value);

/* Whole projects made at once, and consistent reads (JSON import and
 * export).
 *
 * new_unsaved() makes an empty project (one project row, the five grades)
 * in memory, with no path. It keeps no undo history: its edits make the
 * content its first file starts with, and are not steps to undo.
 * serialize() returns the bytes of the project file as they would be on
 * disk, for writing a whole new file at once (not during an edit).
 *
 * Reads between begin_read() and end_read() see one state of the file even
 * while another process edits it (its commit waits for end_read()). Pairs
 * nest; inside an edit they read through the edit's transaction. */
IpmsDocument *ipms_document_new_unsaved       (const char    *project_name,
                                               GError       **error);
GBytes       *ipms_document_serialize         (IpmsDocument  *self,
                                               GError       **error);
/* A read-only copy of the project as it is now, in memory, that shares
 * nothing with `self`: edits of `self` made afterwards do not reach it, and
 * it may be handed to another thread (one at a time), which then reads it
 * while `self` goes on being edited. For exports that run in a worker. The
 * copy keeps the path and title of `self`. Refused while an edit is in
 * progress (its rows are not the plan yet). */
IpmsDocument *ipms_document_snapshot          (IpmsDocument  *self,
                                               GError       **error);
gboolean      ipms_document_begin_read        (IpmsDocument  *self,
                                               GError       **error);
void          ipms_document_end_read          (IpmsDocument  *self);

G_END_DECLS
