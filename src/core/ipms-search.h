/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * Search across every text of the plan (ipms-search.c): product names and
 * their PRD rows, the strategy and planning fields, segments and needs,
 * series, team members. A query matches where it is a substring of a field,
 * ignoring case.
 */

typedef struct
{
  const char *table;        /* the schema's string, as in "row-changed" */
  gint64      id;
  const char *column;       /* the schema's string */
  /* The field's text around the first match, on one line, with "…" where
   * it was cut; the match is snippet[match_start, match_end) in bytes. */
  char       *snippet;
  guint       match_start;
  guint       match_end;
} IpmsSearchHit;

void        ipms_search_hit_free (IpmsSearchHit *hit);

/* At most `limit` hits for `query` (trimmed; empty finds nothing), ordered
 * by table (schema order), row id, then column (schema order). Returns an
 * array of IpmsSearchHit, or NULL with `error` set when the file cannot be
 * read. `truncated_out`, when not NULL, says whether more hits exist. */
GPtrArray  *ipms_search_run      (IpmsDocument  *document,
                                  const char    *query,
                                  guint          limit,
                                  gboolean      *truncated_out,
                                  GError       **error);

/* FALSE when the next search first makes the index, which an import
 * leaves to it: about a second at 10,000 products. */
gboolean    ipms_search_is_ready (IpmsDocument  *document);
/* Makes a part of that index, in about `budget_ms` (the first step of a
 * making takes a set number of rows; each next one as many as fit at the
 * pace of the one before), so that it is made in steps while the window
 * is idle rather than all at once on the first search; `done_out` TRUE
 * once it is made (or there is nothing to make), FALSE while there is
 * more or an edit is open. */
gboolean    ipms_search_prepare_step (IpmsDocument  *document,
                                      double         budget_ms,
                                      gboolean      *done_out,
                                      GError       **error);

/* Whether `table`.`column` is searched. */
gboolean    ipms_search_covers   (const char    *table,
                                  const char    *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpmsSearchHit, ipms_search_hit_free)

G_END_DECLS
