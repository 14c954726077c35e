/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "ipms-record.h"

G_BEGIN_DECLS

/* Used by IpmsDocument, which owns every record and keeps it current. */
IpmsRecord *_ipms_record_new         (const IpmsTable *table,
                                      gint64           id);
/* `stmt` is positioned on a row whose columns are id then the table's
 * columns in schema order. Silent: the document emits "changed" with
 * _ipms_record_emit_changed() once every record of a change is current. */
gboolean    _ipms_record_load        (IpmsRecord      *self,
                                      sqlite3_stmt    *stmt);
/* _ipms_record_load() in two parts, for a change read ahead and shown
 * later at once: the values of the row at `stmt` (n_columns, owned by the
 * caller until given to take_row(), which frees the array). */
GValue     *_ipms_record_read_row    (const IpmsTable *table,
                                      sqlite3_stmt    *stmt,
                                      gboolean        *repaired_out);
void        _ipms_record_take_row    (IpmsRecord      *self,
                                      GValue          *values);
/* For a bulk step read ahead in slices and shown at once: stage_row()
 * keeps `values` (from read_row(), taken over) beside the record and finds
 * now which columns differ, most of the cost of taking a row;
 * take_staged() then makes them the record's values (silently, as load())
 * and returns the old ones, for the caller to free_row() when it suits;
 * drop_staged() forgets them. */
void        _ipms_record_stage_row   (IpmsRecord      *self,
                                      GValue          *values);
GValue     *_ipms_record_take_staged (IpmsRecord      *self);
void        _ipms_record_free_row    (const IpmsTable *table,
                                      GValue          *values);
void        _ipms_record_drop_staged (IpmsRecord      *self);
/* Reads one column of a row the way records hold it, into the unset
 * `value` (left unset for NULL). The file is untrusted: a value the schema
 * does not allow (text that is not UTF-8, a date that is none, a number out
 * of range, infinite or of the wrong type) is read as blank or the nearest
 * valid value. With `static_text`, valid text is not copied and lives until
 * the statement moves on. Both return TRUE when something was repaired. */
gboolean    _ipms_record_read_value  (const IpmsColumn *column,
                                      sqlite3_stmt     *stmt,
                                      int               sql_column,
                                      gboolean          static_text,
                                      GValue           *value);
void        _ipms_record_emit_changed (IpmsRecord     *self);
void        _ipms_record_mark_deleted (IpmsRecord     *self);

G_END_DECLS
