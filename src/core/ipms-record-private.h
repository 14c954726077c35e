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
void        _ipms_record_load        (IpmsRecord      *self,
                                      sqlite3_stmt    *stmt);
void        _ipms_record_emit_changed (IpmsRecord     *self);
void        _ipms_record_mark_deleted (IpmsRecord     *self);

G_END_DECLS
