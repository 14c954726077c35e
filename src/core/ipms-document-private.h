/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "ipms-document.h"
#include "ipms-schema.h"

G_BEGIN_DECLS

/* The document's connection, for the core modules that keep data outside
 * the undo history in tables of their own (ipms-baseline.c). NULL once
 * closed. Not for views: they read records and edit through the document. */
sqlite3 *_ipms_document_get_db (IpmsDocument *self);

gboolean  _ipms_document_prepare_search (IpmsDocument  *self,
                                         gboolean      *indexed_out,
                                         GError       **error);
/* One step of making an index an import left to be made, in a write
 * transaction of its own (see _ipms_search_index_build_step()); `done_out`
 * FALSE when there is more to make, or an edit is open. */
gboolean  _ipms_document_build_search_step (IpmsDocument  *self,
                                            double         budget_ms,
                                            gboolean      *done_out,
                                            GError       **error);

/* Whether opening ran PRAGMA quick_check, for tests: a file this
 * application closed cleanly and nobody changed since is not checked. */
gboolean  _ipms_document_get_integrity_checked (IpmsDocument *self);

/* Inserts row `id` (> 0) of `table` inside an edit, with `values` (one per
 * column, unset for NULL) already checked against the schema and in the
 * types ipms_document_insert() gives them (gint64, double, UTF-8 string):
 * nothing is checked or copied again. For the JSON import, which checks
 * every value and reference before it writes anything. */
gboolean  _ipms_document_insert_checked (IpmsDocument     *self,
                                         const IpmsTable  *table,
                                         gint64            id,
                                         const GValue     *values,
                                         GError          **error);

/* Sets @error from an SQLite failure, one wording for each cause (busy,
 * full disk, damage…), after @what; returns FALSE. */
gboolean  _ipms_document_set_sqlite_error (GError     **error,
                                           sqlite3     *db,
                                           int          rc,
                                           const char  *what);

G_END_DECLS
