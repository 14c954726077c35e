/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-chart-export.h"
#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * PRD export (ipms-prd.h holds their text). The PDF is A4 portrait in the
 * charts' fonts and colours: each PRD starts on a new page, tables break
 * across pages and repeat their header row, every page has a footer with
 * its number, and the outline (bookmarks) lists each PRD and its sections.
 * An export of every PRD (`product_id` 0) starts with a table of contents
 * whose entries link to their pages.
 *
 * Both write through IpmsFileWriter: `path` holds the old file or the whole
 * new one.
 */

gboolean ipms_prd_export_pdf (IpmsDocument  *document,
                              gint64         product_id,
                              const char    *path,
                              GError       **error);
/* Markdown for a name ending in .md, PDF for .pdf (in any case); another
 * extension is an error naming the two. */
gboolean ipms_prd_export     (IpmsDocument  *document,
                              gint64         product_id,
                              const char    *path,
                              GError       **error);
/* The same, for an export run by `task` (NULL for none), which learns how
 * many PRDs are laid out and may stop it between two: no file then. */
gboolean ipms_prd_export_full (IpmsDocument    *document,
                               gint64           product_id,
                               const char      *path,
                               IpmsExportTask  *task,
                               GError         **error);

G_END_DECLS
