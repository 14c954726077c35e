/* ipms-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The search index: ipms_search_text holds one row per filled text field of
 * the tables below (table, row id, column, text) and ipms_search is an FTS5
 * table over it (external content) with the trigram tokenizer, so that any
 * substring of three characters or more, Chinese included, is looked up
 * instead of scanned. Trigrams cannot find one or two characters: for
 * those, ipms_search_pairs (contentless, no positions) indexes every pair of
 * successive characters of a field as one token ("u5ba0x7269" for 宠物) and
 * its last character alone ("u7269xz"); two characters are one token, one
 * character the prefix of the tokens it starts. Pairs of ASCII characters
 * are left out (they would double the cost of indexing an English plan):
 * a query of one or two of them scans ipms_search_text, up to the limit.
 *
 * The index is maintained in C, not by triggers: with trusted_schema=OFF a
 * trigger may not write a virtual table, and undo and redo apply changesets
 * with triggers off. The document calls _ipms_search_index_row() for every
 * row an edit, undo or redo touched, before it commits; the index tables are
 * not schema tables, so its session never records them and they are never
 * part of an undo step nor of the JSON export.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ipms-document-private.h"
#include "ipms-search.h"
#include "ipms-search-private.h"

/* Snippet length around a match, in characters. */
#define SNIPPET_BEFORE 24
#define SNIPPET_LENGTH 96

/* The tables whose texts are searched: everything the user writes, but not
 * the grades' fixed labels, the population axes, price bands or the deck. */
static const char * const searched_tables[] = {
  "project",
  "member",
  "segment",
  "need",
  "series",
  "product",
  "product_competitor",
  "product_spec",
  "certification",
  "faq",
  "box_item",
  "competitor",
  "gap",
  "initiative",
  "objective",
  "key_result",
  "review",
  "region",
  "supplier",
  "channel",
  "sub_category",
  "yearly_target",
  "campaign",
  "plan_line",
};

struct _IpmsSearchIndex
{
  sqlite3    *db;
  /* SQL text → prepared statement */
  GHashTable *statements;
};

static gboolean
is_searched_table (const IpmsTable *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (searched_tables); i++)
    if (strcmp (searched_tables[i], table->name) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_searched_column (const IpmsColumn *column)
{
  return column->type == IPMS_COLUMN_TEXT && column->format != IPMS_COLUMN_FORMAT_COLOR;
}

gboolean
ipms_search_covers (const char *table_name,
                    const char *column_name)
{
  const IpmsTable *table = ipms_schema_lookup_table (table_name);
  const IpmsColumn *column;

  if (table == NULL || !is_searched_table (table))
    return FALSE;

  column = ipms_table_lookup_column (table, column_name);

  return column != NULL && is_searched_column (column);
}

/* The index is written with the plan, in its transaction: a failure is the
 * project's, worded as every other write failure (a full disk says so). */
static gboolean
sqlite_error (sqlite3     *db,
              int          rc,
              GError     **error)
{
  return _ipms_document_set_sqlite_error (error, db, rc, _("Cannot write the project"));
}

void
ipms_search_hit_free (IpmsSearchHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->snippet);
  g_free (hit);
}

/* Keeping the index */

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

IpmsSearchIndex *
_ipms_search_index_new (sqlite3 *db)
{
  IpmsSearchIndex *index = g_new0 (IpmsSearchIndex, 1);

  index->db = db;
  index->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);

  return index;
}

void
_ipms_search_index_free (IpmsSearchIndex *index)
{
  if (index == NULL)
    return;

  g_hash_table_unref (index->statements);
  g_free (index);
}

static sqlite3_stmt *
index_prepare (IpmsSearchIndex  *index,
               const char       *sql,
               GError          **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (index->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (index->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite_error (index->db, rc, error);
      return NULL;
    }

  g_hash_table_insert (index->statements, g_strdup (sql), stmt);

  return stmt;
}

static gboolean
index_step_done (IpmsSearchIndex  *index,
                 sqlite3_stmt     *stmt,
                 GError          **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);

  return rc == SQLITE_DONE || sqlite_error (index->db, rc, error);
}

/* "SELECT a, b, c FROM t WHERE id = ?1" over the searched columns, built
 * from the schema's names only; NULL when the table has none. */
static char *
row_select_sql (const IpmsTable *table)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  gboolean any = FALSE;

  for (guint c = 0; c < table->n_columns; c++)
    {
      if (!is_searched_column (&table->columns[c]))
        continue;

      g_string_append_printf (sql, "%s%s", any ? ", " : "", table->columns[c].name);
      any = TRUE;
    }

  if (!any)
    return NULL;

  g_string_append_printf (sql, " FROM %s WHERE id = ?1", table->name);

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

typedef struct
{
  gint64  entry_id;
  char   *column;
  char   *text;
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->column);
  g_free (entry->text);
}

/* A character as ipms_search_pairs spells it: folded as find_match()
 * folds, in hexadecimal (letters and digits make one token of the ascii tokenizer). */
static void
append_hex (GString  *out,
            gunichar  c)
{
  static const char digits[] = "0123456789abcdef";
  char buffer[8];
  guint n = 0;

  do
    {
      buffer[n++] = digits[c & 0xf];
      c >>= 4;
    }
  while (c != 0);

  while (n > 0)
    g_string_append_c (out, buffer[--n]);
}

/* Written by hand: this runs for every character of the plan on import. */
static void
append_pair_token (GString  *out,
                   gunichar  first,
                   gunichar  second)
{
  g_string_append_c (out, 'u');
  append_hex (out, g_unichar_tolower (first));
  g_string_append_c (out, 'x');
  if (second == 0)
    g_string_append_c (out, 'z');
  else
    append_hex (out, g_unichar_tolower (second));
}

/* Whether a folded character needs the pairs: one or two letters of
 * ASCII are everywhere, and a scan finds enough of them at once; it is
 * Chinese (and every other script) whose short words must be looked up. */
static gboolean
needs_pairs (gunichar c)
{
  return g_unichar_tolower (c) >= 0x80;
}

/* Every pair of successive characters, and the last character alone,
 * where one of them is not ASCII. */
static char *
pairs_of (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);
      gunichar first = g_utf8_get_char (p);
      gunichar second = *next != '\0' ? g_utf8_get_char (next) : 0;

      if (!needs_pairs (first) && (second == 0 || !needs_pairs (second)))
        continue;

      if (out->len > 0)
        g_string_append_c (out, ' ');
      append_pair_token (out, first, second);
    }

  return g_string_free (out, FALSE);
}

static gboolean
pairs_write (sqlite3          *db,
             sqlite3_stmt     *stmt,
             gint64            entry_id,
             const char       *text,
             GError          **error)
{
  g_autofree char *pairs = pairs_of (text);
  int rc;

  /* A text of ASCII alone has no pairs: it is neither added nor, later,
   * deleted (pairs_of() gives it none again). */
  if (*pairs == '\0')
    return TRUE;

  sqlite3_bind_int64 (stmt, 1, entry_id);
  sqlite3_bind_text (stmt, 2, pairs, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE || sqlite_error (db, rc, error);
}

static gboolean
fts_write (IpmsSearchIndex  *index,
           gboolean          remove,
           gint64            entry_id,
           const char       *text,
           GError          **error)
{
  sqlite3_stmt *stmt;

  /* A contentless table too is told the old text to forget it. */
  stmt = index_prepare (index,
                        remove ? "INSERT INTO ipms_search_pairs (ipms_search_pairs, rowid, pairs) VALUES ('delete', ?1, ?2)"
                               : "INSERT INTO ipms_search_pairs (rowid, pairs) VALUES (?1, ?2)",
                        error);
  if (stmt == NULL || !pairs_write (index->db, stmt, entry_id, text, error))
    return FALSE;

  /* An external-content FTS5 table is told the old text to forget it. */
  stmt = index_prepare (index,
                        remove ? "INSERT INTO ipms_search (ipms_search, rowid, text) VALUES ('delete', ?1, ?2)"
                               : "INSERT INTO ipms_search (rowid, text) VALUES (?1, ?2)",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, entry_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);

  return index_step_done (index, stmt, error);
}

static gboolean
remove_entry (IpmsSearchIndex  *index,
              const Entry      *entry,
              GError          **error)
{
  sqlite3_stmt *stmt;

  if (!fts_write (index, TRUE, entry->entry_id, entry->text, error))
    return FALSE;

  stmt = index_prepare (index, "DELETE FROM ipms_search_text WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, entry->entry_id);

  return index_step_done (index, stmt, error);
}

static gboolean
write_entry (IpmsSearchIndex  *index,
             const IpmsTable  *table,
             gint64            id,
             const char       *column,
             const char       *text,
             Entry            *old,
             GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 entry_id;

  if (old != NULL)
    {
      if (!fts_write (index, TRUE, old->entry_id, old->text, error))
        return FALSE;

      stmt = index_prepare (index, "UPDATE ipms_search_text SET text = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, old->entry_id);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
      entry_id = old->entry_id;
    }
  else
    {
      stmt = index_prepare (index,
                            "INSERT INTO ipms_search_text (tbl, row_id, col, text) VALUES (?1, ?2, ?3, ?4)",
                            error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, table->name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_text (stmt, 3, column, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, text, -1, SQLITE_STATIC);
      entry_id = 0;
    }

  if (!index_step_done (index, stmt, error))
    return FALSE;

  if (entry_id == 0)
    entry_id = sqlite3_last_insert_rowid (index->db);

  return fts_write (index, FALSE, entry_id, text, error);
}

gboolean
_ipms_search_index_row (IpmsSearchIndex  *index,
                        const IpmsTable  *table,
                        gint64            id,
                        GError          **error)
{
  g_autoptr(GArray) entries = NULL;
  g_autofree char *row_sql = NULL;
  sqlite3_stmt *row = NULL;
  sqlite3_stmt *stmt;
  gboolean exists = FALSE;
  int rc;

  g_return_val_if_fail (index != NULL, FALSE);

  if (!is_searched_table (table) || (row_sql = row_select_sql (table)) == NULL)
    return TRUE;

  /* What the index holds for the row now. */
  entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (entries, entry_clear);

  stmt = index_prepare (index, "SELECT id, col, text FROM ipms_search_text WHERE tbl = ?1 AND row_id = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, table->name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Entry entry = {
        sqlite3_column_int64 (stmt, 0),
        g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
      };

      g_array_append_val (entries, entry);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sqlite_error (index->db, rc, error);

  /* What the row holds now. */
  row = index_prepare (index, row_sql, error);
  if (row == NULL)
    return FALSE;

  sqlite3_bind_int64 (row, 1, id);
  rc = sqlite3_step (row);
  if (rc == SQLITE_ROW)
    exists = TRUE;
  else if (rc != SQLITE_DONE)
    {
      sqlite3_reset (row);
      return sqlite_error (index->db, rc, error);
    }

  for (guint c = 0, r = 0; exists && c < table->n_columns; c++)
    {
      const IpmsColumn *column = &table->columns[c];
      const char *text = NULL;
      Entry *old = NULL;
      guint result_column = r;

      if (!is_searched_column (column))
        continue;

      r++;

      if (sqlite3_column_type (row, (int) result_column) == SQLITE_TEXT)
        text = (const char *) sqlite3_column_text (row, (int) result_column);

      for (guint e = 0; e < entries->len; e++)
        if (g_strcmp0 (g_array_index (entries, Entry, e).column, column->name) == 0)
          old = &g_array_index (entries, Entry, e);

      if (text != NULL && *text != '\0')
        {
          if ((old == NULL || strcmp (old->text, text) != 0) &&
              !write_entry (index, table, id, column->name, text, old, error))
            {
              sqlite3_reset (row);
              return FALSE;
            }
        }
      else if (old != NULL && !remove_entry (index, old, error))
        {
          sqlite3_reset (row);
          return FALSE;
        }

      /* Handled: not an entry of a column the row no longer fills. */
      if (old != NULL)
        old->entry_id = 0;
    }
  sqlite3_reset (row);

  /* Entries of a deleted row. */
  for (guint e = 0; e < entries->len; e++)
    {
      const Entry *entry = &g_array_index (entries, Entry, e);

      if (entry->entry_id != 0 && !remove_entry (index, entry, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_ipms_search_rebuild (sqlite3  *db,
                      GError  **error)
{
  const IpmsTable *tables;
  guint n_tables;
  int rc;

  rc = sqlite3_exec (db, "DELETE FROM ipms_search_text", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return sqlite_error (db, rc, error);

  tables = ipms_schema_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    {
      if (!is_searched_table (&tables[t]))
        continue;

      for (guint c = 0; c < tables[t].n_columns; c++)
        {
          const char *column = tables[t].columns[c].name;
          g_autofree char *sql = NULL;
          sqlite3_stmt *stmt = NULL;

          if (!is_searched_column (&tables[t].columns[c]))
            continue;

          /* Names from the schema only; a damaged file's non-text values
           * are not text to find. */
          sql = g_strdup_printf ("INSERT INTO ipms_search_text (tbl, row_id, col, text) "
                                 "SELECT ?1, id, ?2, %s FROM %s "
                                 "WHERE typeof (%s) = 'text' AND %s <> '' ORDER BY id",
                                 column, tables[t].name, column, column);
          rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
          if (rc == SQLITE_OK)
            {
              sqlite3_bind_text (stmt, 1, tables[t].name, -1, SQLITE_STATIC);
              sqlite3_bind_text (stmt, 2, column, -1, SQLITE_STATIC);
              rc = sqlite3_step (stmt);
              rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
            }
          sqlite3_finalize (stmt);

          if (rc != SQLITE_OK)
            return sqlite_error (db, rc, error);
        }
    }

  /* 'rebuild' reads the whole content table again. */
  rc = sqlite3_exec (db, "INSERT INTO ipms_search (ipms_search) VALUES ('rebuild'); "
                         "INSERT INTO ipms_search_pairs (ipms_search_pairs) VALUES ('delete-all')",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return sqlite_error (db, rc, error);

  /* The pairs are made here: a contentless table has nothing to rebuild
   * from. */
  {
    sqlite3_stmt *select = NULL;
    sqlite3_stmt *insert = NULL;
    gboolean ok = TRUE;

    rc = sqlite3_prepare_v2 (db, "SELECT id, text FROM ipms_search_text", -1, &select, NULL);
    if (rc == SQLITE_OK)
      rc = sqlite3_prepare_v2 (db, "INSERT INTO ipms_search_pairs (rowid, pairs) VALUES (?1, ?2)", -1, &insert, NULL);

    while (rc == SQLITE_OK && ok && (rc = sqlite3_step (select)) == SQLITE_ROW)
      {
        ok = pairs_write (db, insert, sqlite3_column_int64 (select, 0),
                          (const char *) sqlite3_column_text (select, 1), error);
        rc = SQLITE_OK;
      }

    sqlite3_finalize (select);
    sqlite3_finalize (insert);

    if (!ok)
      return FALSE;
    if (rc != SQLITE_DONE)
      return sqlite_error (db, rc, error);
  }

  return TRUE;
}

/* Searching */

/* Where `query` (already case-folded, `n_query` characters) first occurs
 * in `text`, comparing characters folded the same way; in bytes. */
static gboolean
find_match (const char *text,
            gunichar   *query,
            glong       n_query,
            gsize      *start_out,
            gsize      *end_out)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *q = p;
      glong i = 0;

      while (i < n_query && *q != '\0' && g_unichar_tolower (g_utf8_get_char (q)) == query[i])
        {
          q = g_utf8_next_char (q);
          i++;
        }

      if (i == n_query)
        {
          *start_out = (gsize) (p - text);
          *end_out = (gsize) (q - text);
          return TRUE;
        }
    }

  return FALSE;
}

/* Line breaks and tabs as spaces, for a one-line snippet. */
static void
append_flat (GString    *out,
             const char *text,
             const char *end)
{
  for (const char *p = text; p < end; p++)
    g_string_append_c (out, (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p);
}

static IpmsSearchHit *
make_hit (const IpmsTable  *table,
          gint64            id,
          const IpmsColumn *column,
          const char       *raw_text,
          int               n_raw,
          gunichar         *query,
          glong             n_query)
{
  g_autofree char *text = g_utf8_make_valid (raw_text, n_raw);
  IpmsSearchHit *hit = g_new0 (IpmsSearchHit, 1);
  GString *snippet = g_string_new (NULL);
  gsize match_start = 0, match_end = 0;
  const char *from, *to, *end;
  glong n;

  hit->table = table->name;
  hit->id = id;
  hit->column = column->name;

  if (!find_match (text, query, n_query, &match_start, &match_end))
    match_start = match_end = 0;

  /* SNIPPET_BEFORE characters before the match, up to SNIPPET_LENGTH in all. */
  from = text + match_start;
  for (n = 0; n < SNIPPET_BEFORE && from > text; n++)
    from = g_utf8_prev_char (from);

  end = text + strlen (text);
  to = text + match_end;
  n += g_utf8_strlen (text + match_start, (gssize) (match_end - match_start));
  for (; n < SNIPPET_LENGTH && to < end; n++)
    to = g_utf8_next_char (to);

  if (from > text)
    g_string_append (snippet, "…");
  append_flat (snippet, from, text + match_start);
  hit->match_start = (guint) snippet->len;
  append_flat (snippet, text + match_start, text + match_end);
  hit->match_end = (guint) snippet->len;
  append_flat (snippet, text + match_end, to);
  if (to < end)
    g_string_append (snippet, "…");

  hit->snippet = g_string_free (snippet, FALSE);

  return hit;
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const IpmsSearchHit *hit_a = *(IpmsSearchHit * const *) a;
  const IpmsSearchHit *hit_b = *(IpmsSearchHit * const *) b;
  const IpmsTable *table_a = ipms_schema_lookup_table (hit_a->table);
  const IpmsTable *table_b = ipms_schema_lookup_table (hit_b->table);

  /* The schema's tables are one array, in schema order. */
  if (table_a != table_b)
    return table_a < table_b ? -1 : 1;
  if (hit_a->id != hit_b->id)
    return hit_a->id < hit_b->id ? -1 : 1;

  return ipms_table_find_column (table_a, hit_a->column) - ipms_table_find_column (table_b, hit_b->column);
}

GPtrArray *
ipms_search_run (IpmsDocument  *document,
                 const char    *query,
                 guint          limit,
                 gboolean      *truncated_out,
                 GError       **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) ipms_search_hit_free);
  g_autofree char *trimmed = NULL;
  g_autofree char *pattern = NULL;
  g_autofree gunichar *folded = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  glong n_query = 0;
  guint n_rows = 0;
  int rc;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (truncated_out != NULL)
    *truncated_out = FALSE;

  trimmed = g_utf8_make_valid (query, -1);
  g_strstrip (trimmed);
  if (*trimmed == '\0' || limit == 0)
    return g_steal_pointer (&hits);

  db = _ipms_document_get_db (document);
  if (db == NULL)
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                           _("The project is closed."));
      return NULL;
    }

  folded = g_utf8_to_ucs4_fast (trimmed, -1, &n_query);
  for (glong i = 0; i < n_query; i++)
    folded[i] = g_unichar_tolower (folded[i]);

  if (n_query >= 3)
    {
      /* One FTS5 string: the query's own quotes doubled, never syntax. */
      g_auto(GStrv) parts = g_strsplit (trimmed, "\"", -1);
      g_autofree char *escaped = g_strjoinv ("\"\"", parts);

      pattern = g_strdup_printf ("\"%s\"", escaped);
      rc = sqlite3_prepare_v2 (db,
                               "SELECT s.tbl, s.row_id, s.col, s.text FROM ipms_search AS f "
                               "JOIN ipms_search_text AS s ON s.id = f.rowid "
                               "WHERE ipms_search MATCH ?1 LIMIT ?2",
                               -1, &stmt, NULL);
    }
  else if (!needs_pairs (folded[0]) && (n_query == 1 || !needs_pairs (folded[1])))
    {
      /* One or two ASCII characters: LIKE ignores their case without
       * copying each text; the query's own % and _ are escaped. */
      GString *like = g_string_new ("%");

      for (glong i = 0; i < n_query; i++)
        {
          if (folded[i] == '%' || folded[i] == '_' || folded[i] == '\\')
            g_string_append_c (like, '\\');
          g_string_append_c (like, (char) folded[i]);
        }
      g_string_append_c (like, '%');
      pattern = g_string_free (like, FALSE);
      rc = sqlite3_prepare_v2 (db,
                               "SELECT tbl, row_id, col, text FROM ipms_search_text "
                               "WHERE text LIKE ?1 ESCAPE '\\' LIMIT ?2",
                               -1, &stmt, NULL);
    }
  else
    {
      /* Too short for trigrams: two characters are one token of the
       * pairs, one character the prefix of the pairs it starts. */
      GString *token = g_string_new (NULL);

      append_pair_token (token, folded[0], n_query == 2 ? folded[1] : 0);
      if (n_query == 1)
        {
          /* "u41xz" without its "z": every pair that "A" starts. */
          g_string_truncate (token, token->len - 1);
          g_string_append_c (token, '*');
        }
      pattern = g_string_free (token, FALSE);
      rc = sqlite3_prepare_v2 (db,
                               "SELECT s.tbl, s.row_id, s.col, s.text FROM ipms_search_pairs AS f "
                               "JOIN ipms_search_text AS s ON s.id = f.rowid "
                               "WHERE ipms_search_pairs MATCH ?1 LIMIT ?2",
                               -1, &stmt, NULL);
    }

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
      /* One more than asked for: says whether there are more. */
      sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) limit + 1);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const IpmsTable *table = ipms_schema_lookup_table ((const char *) sqlite3_column_text (stmt, 0));
          const IpmsColumn *column = NULL;

          if (++n_rows > limit)
            {
              if (truncated_out != NULL)
                *truncated_out = TRUE;
              continue;
            }

          if (table != NULL)
            column = ipms_table_lookup_column (table, (const char *) sqlite3_column_text (stmt, 2));
          if (column == NULL)
            continue;

          g_ptr_array_add (hits, make_hit (table, sqlite3_column_int64 (stmt, 1), column,
                                           (const char *) sqlite3_column_text (stmt, 3),
                                           sqlite3_column_bytes (stmt, 3),
                                           folded, n_query));
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                   "%s: %s", _("Cannot search the project"), sqlite3_errmsg (db));
      return NULL;
    }

  g_ptr_array_sort (hits, compare_hits);

  return g_steal_pointer (&hits);
}
