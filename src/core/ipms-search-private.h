/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "ipms-schema.h"

G_BEGIN_DECLS

/* Keeping the index (ipms_search_text, ipms_search) in step with the plan,
 * for ipms-document.c: called inside the transaction of every edit, undo
 * and redo, with the rows it touched. Writes only the index tables, which
 * the document's session never records. */
typedef struct _IpmsSearchIndex IpmsSearchIndex;

IpmsSearchIndex *_ipms_search_index_new     (sqlite3          *db);
void             _ipms_search_index_free    (IpmsSearchIndex  *index);
/* Makes the index entries of one row match the row (gone when it is). */
gboolean         _ipms_search_index_row     (IpmsSearchIndex  *index,
                                             const IpmsTable  *table,
                                             gint64            id,
                                             GError          **error);
/* Indexes the whole plan again from scratch (migration, import). */
gboolean         _ipms_search_rebuild       (sqlite3          *db,
                                             GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpmsSearchIndex, _ipms_search_index_free)

G_END_DECLS
