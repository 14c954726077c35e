/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "ipms-schema.h"

G_BEGIN_DECLS

/* Keeping the index (ipms_search) in step with the plan, for
 * ipms-document.c: inside the transaction of every edit, undo and redo.
 * Writes only the index table, which the document's session never
 * records. */
typedef struct _IpmsSearchIndex IpmsSearchIndex;

/* Registers the "ipms" tokenizer the index uses; once per connection,
 * before the index is read or written. */
gboolean         _ipms_search_register       (sqlite3          *db,
                                              GError          **error);

IpmsSearchIndex *_ipms_search_index_new      (sqlite3          *db);
void             _ipms_search_index_free     (IpmsSearchIndex  *index);
/* Remembers what the index holds for a row, before the row is written
 * (updated or deleted); only its first call for a row counts until the
 * next update or forget. */
gboolean         _ipms_search_index_before   (IpmsSearchIndex  *index,
                                              const IpmsTable  *table,
                                              gint64            id,
                                              GError          **error);
/* The same for a row just inserted, which the index did not hold. */
void             _ipms_search_index_inserted (IpmsSearchIndex  *index,
                                              const IpmsTable  *table,
                                              gint64            id);
/* Makes the index entries of every remembered row match the row (gone
 * when it is), then forgets them. */
gboolean         _ipms_search_index_update   (IpmsSearchIndex  *index,
                                              GError          **error);
/* Forgets the remembered rows (an edit rolled back, or indexed again). */
void             _ipms_search_index_forget   (IpmsSearchIndex  *index);
/* Indexes the whole plan again from scratch (migration, the first search
 * after an import). */
gboolean         _ipms_search_rebuild        (sqlite3          *db,
                                              GError          **error);
/* Makes a part of an index left to be made, inside a write transaction:
 * the rows of the next ids from the least one not made yet, as many as
 * fit `budget_ms`, and the index is made when `done_out` says so. Edits keep the part made in
 * step. A making stopped (_stop_building()) starts again from nothing. */
gboolean         _ipms_search_index_build_step (IpmsSearchIndex  *index,
                                                double            budget_ms,
                                                gboolean         *done_out,
                                                GError          **error);
/* Forgets a making in steps: the index was emptied again, or made whole,
 * or written by another program, or a step's transaction rolled back. */
void             _ipms_search_index_stop_building (IpmsSearchIndex *index);
/* Empties the index and leaves it to be made on the first search (an
 * import, a very large undo or redo): until then edits leave it alone,
 * but for the part made by steps. */
gboolean         _ipms_search_defer_rebuild  (sqlite3          *db,
                                              GError          **error);
gboolean         _ipms_search_is_pending     (sqlite3          *db,
                                              gboolean         *pending_out,
                                              GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpmsSearchIndex, _ipms_search_index_free)

G_END_DECLS
