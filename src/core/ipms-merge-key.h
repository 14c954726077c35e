/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The one way to name what an edit touches, for ipms_document_begin_edit()'s
 * `merge_key`: edits with equal keys made within the document's merge window
 * fold into one undo step. "product:42:name" for one field of one row,
 * "product:42" (column NULL) for a burst that moves a whole row, such as
 * keyboard nudges on a chart. Free with g_free().
 */
char *ipms_merge_key (const char *table,
                      gint64      id,
                      const char *column);

G_END_DECLS
