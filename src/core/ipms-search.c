/* ipms-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The search index: ipms_search is a contentless FTS5 table (format 5) with
 * one document per row of the tables below, its rowid the row's id and
 * table (row id × 32 + the table's place in searched_tables), its text the
 * row's searched fields joined by U+001F. The "ipms" tokenizer gives every
 * distinct substring of one, two and three characters of each field
 * (case-folded as find_match() folds); with detail=none the index holds only
 * which rows contain a token. A query of up to three characters is one
 * token, a longer one the AND of its trigrams, so that any substring,
 * Chinese or English, of any length is looked up instead of scanned; the
 * rows found are read from their own tables and the query is matched in C,
 * which gives the snippet and drops the rows whose trigrams were all there
 * but not in a row.
 *
 * Format 4 kept a copy of every text, a position list per trigram and a
 * table of pairs beside it: 39 MiB at 10,000 products, and a rebuild of
 * 3 s. Keeping no copy means a row's old text must be known to remove it
 * from a contentless table: the document calls _ipms_search_index_before()
 * before it writes a row (the first time in an edit, undo or redo), and
 * _ipms_search_index_update() before it commits, which replaces each
 * remembered row's old tokens with its new ones.
 *
 * The index is maintained in C, not by triggers: with trusted_schema=OFF a
 * trigger may not write a virtual table, and undo and redo apply changesets
 * with triggers off. The index table is not a schema table, so the
 * document's session never records it: it is never part of an undo step nor
 * of the JSON export.
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

/* Between the fields of a row's document: no token spans it. */
#define FIELD_SEPARATOR '\x1f'

/* The rowid keeps the table in its low bits: the rows of a term's list
 * then differ by small numbers, which FTS5 stores in a byte or two. Ids
 * beyond ±2^58 (only a hand-made file has them) would overflow it and are
 * not indexed. */
#define TABLE_BITS 5
#define MAX_INDEXED_ID (G_MAXINT64 >> TABLE_BITS)
#define MIN_INDEXED_ID (G_MININT64 >> TABLE_BITS)

/* The tables whose texts are searched: everything the user writes, but not
 * the grades' fixed labels, the population axes, price bands or the deck.
 * Their order is part of the file format (the rowids): append only. */
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

G_STATIC_ASSERT (G_N_ELEMENTS (searched_tables) <= (1 << TABLE_BITS));

static gint64
index_rowid (int    table_index,
             gint64 id)
{
  return id * (1 << TABLE_BITS) + table_index;
}

/* A row of a table, as a hash key. */
typedef struct
{
  const IpmsTable *table;
  gint64           id;
} RowKey;

struct _IpmsSearchIndex
{
  sqlite3    *db;
  /* table → "SELECT <searched columns> FROM <table> WHERE id = ?1" */
  GHashTable *row_statements;
  sqlite3_stmt *insert;
  sqlite3_stmt *delete;
  sqlite3_stmt *pending;
  /* RowKey → the row's document (GBytes) when it was first written in
   * this edit (NULL: the row did not exist) */
  GHashTable *before;
  /* While an index left to be made is made in steps: the rows with an id
   * below `built_below` are in it and kept in step by edits; the others
   * wait for their step, which reads them as they are then. */
  gboolean    building;
  gint64      built_below;
  gint64      step_ids;      /* ids a step takes, sized to its time budget */
};

static int
searched_table_index (const IpmsTable *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (searched_tables); i++)
    if (strcmp (searched_tables[i], table->name) == 0)
      return (int) i;

  return -1;
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

  if (table == NULL || searched_table_index (table) < 0)
    return FALSE;

  column = ipms_table_lookup_column (table, column_name);

  return column != NULL && is_searched_column (column);
}

static gboolean
is_indexed_id (gint64 id)
{
  return id >= MIN_INDEXED_ID && id <= MAX_INDEXED_ID;
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

/* The tokenizer */

/* A set of the tokens of one document, each up to three code points packed
 * in 63 bits (0 ends a shorter one: U+0000 never reaches a token). */
typedef struct
{
  guint64 *slots;
  gsize    allocated;
  gsize    capacity;   /* in use for this document, a power of two */
} TokenSet;

static gboolean
token_set_add (TokenSet *set,
               guint64   key)
{
  gsize mask = set->capacity - 1;
  gsize i = (gsize) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32) & mask;

  while (set->slots[i] != 0)
    {
      if (set->slots[i] == key)
        return FALSE;
      i = (i + 1) & mask;
    }

  set->slots[i] = key;

  return TRUE;
}

typedef struct
{
  TokenSet  seen;
  GArray   *chars;     /* gunichar, folded, of one field */
} Tokenizer;

static int
tokenizer_create (void        *context,
                  const char **args,
                  int          n_args,
                  Fts5Tokenizer **out)
{
  Tokenizer *tokenizer = g_new0 (Tokenizer, 1);

  tokenizer->chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  *out = (Fts5Tokenizer *) tokenizer;

  return SQLITE_OK;
}

static void
tokenizer_delete (Fts5Tokenizer *object)
{
  Tokenizer *tokenizer = (Tokenizer *) object;

  g_free (tokenizer->seen.slots);
  g_array_unref (tokenizer->chars);
  g_free (tokenizer);
}

/* The tokens of one field: each distinct run of one to three characters. */
static int
tokenize_field (Tokenizer *tokenizer,
                void      *context,
                int      (*emit) (void *, int, const char *, int, int, int),
                int        start,
                int        end)
{
  const gunichar *chars = (const gunichar *) (gpointer) tokenizer->chars->data;
  guint n = tokenizer->chars->len;

  for (guint i = 0; i < n; i++)
    {
      char token[18];
      int length = 0;
      guint64 key = 0;

      for (guint k = 0; k < 3 && i + k < n; k++)
        {
          int rc;

          key |= (guint64) chars[i + k] << (21 * k);
          length += g_unichar_to_utf8 (chars[i + k], token + length);

          if (!token_set_add (&tokenizer->seen, key))
            continue;

          rc = emit (context, 0, token, length, start, end);
          if (rc != SQLITE_OK)
            return rc;
        }
    }

  return SQLITE_OK;
}

static int
tokenizer_tokenize (Fts5Tokenizer *object,
                    void          *context,
                    int            flags,
                    const char    *text,
                    int            n_text,
                    int          (*emit) (void *, int, const char *, int, int, int))
{
  Tokenizer *tokenizer = (Tokenizer *) object;
  const char *p = text;
  const char *end = text + n_text;
  const char *field_start = text;
  gsize capacity = 16;

  /* A query's string is looked up as it is, folded: ipms_search_run()
   * makes its tokens. */
  if ((flags & FTS5_TOKENIZE_QUERY) != 0)
    {
      g_autofree char *valid = g_utf8_make_valid (text, n_text);
      g_autofree char *folded = NULL;
      GString *out = g_string_new (NULL);

      for (const char *q = valid; *q != '\0'; q = g_utf8_next_char (q))
        g_string_append_unichar (out, g_unichar_tolower (g_utf8_get_char (q)));
      folded = g_string_free (out, FALSE);

      return *folded == '\0' ? SQLITE_OK : emit (context, 0, folded, (int) strlen (folded), 0, n_text);
    }

  /* At most three tokens a byte; half full at most. Only what this
   * document needs is cleared: most are short, a few long. */
  while (capacity < (gsize) n_text * 6)
    capacity *= 2;
  if (capacity > tokenizer->seen.allocated)
    {
      g_free (tokenizer->seen.slots);
      tokenizer->seen.slots = g_new (guint64, capacity);
      tokenizer->seen.allocated = capacity;
    }
  tokenizer->seen.capacity = capacity;
  memset (tokenizer->seen.slots, 0, capacity * sizeof (guint64));

  g_array_set_size (tokenizer->chars, 0);

  /* Invalid UTF-8 and U+0000 end a run, as the separator does: the same
   * text always gives the same tokens, which is what removing it needs. */
  while (p < end)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        c = (guchar) *p++;
      else
        {
          c = g_utf8_get_char_validated (p, end - p);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              c = 0;
              p++;
            }
          else
            p = g_utf8_next_char (p);
        }

      if (c == 0 || c == FIELD_SEPARATOR)
        {
          int rc = tokenize_field (tokenizer, context, emit, (int) (field_start - text), (int) (p - text));

          if (rc != SQLITE_OK)
            return rc;
          g_array_set_size (tokenizer->chars, 0);
          field_start = p;
          continue;
        }

      c = g_unichar_tolower (c);
      g_array_append_val (tokenizer->chars, c);
    }

  return tokenize_field (tokenizer, context, emit, (int) (field_start - text), n_text);
}

gboolean
_ipms_search_register (sqlite3  *db,
                       GError  **error)
{
  static fts5_tokenizer tokenizer = { tokenizer_create, tokenizer_delete, tokenizer_tokenize };
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT fts5 (?1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (api == NULL)
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                           "SQLite is built without FTS5");
      return FALSE;
    }

  rc = api->xCreateTokenizer (api, "ipms", NULL, &tokenizer, NULL);
  if (rc != SQLITE_OK)
    return sqlite_error (db, rc, error);

  return TRUE;
}

/* Keeping the index */

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static guint
row_key_hash (gconstpointer key)
{
  const RowKey *row = key;

  return g_direct_hash (row->table) ^ g_int64_hash (&row->id);
}

static gboolean
row_key_equal (gconstpointer a,
               gconstpointer b)
{
  const RowKey *row_a = a, *row_b = b;

  return row_a->table == row_b->table && row_a->id == row_b->id;
}

IpmsSearchIndex *
_ipms_search_index_new (sqlite3 *db)
{
  IpmsSearchIndex *index = g_new0 (IpmsSearchIndex, 1);

  index->db = db;
  index->row_statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  index->before = g_hash_table_new_full (row_key_hash, row_key_equal, g_free, (GDestroyNotify) g_bytes_unref);

  return index;
}

void
_ipms_search_index_free (IpmsSearchIndex *index)
{
  if (index == NULL)
    return;

  g_hash_table_unref (index->row_statements);
  g_hash_table_unref (index->before);
  sqlite3_finalize (index->insert);
  sqlite3_finalize (index->delete);
  sqlite3_finalize (index->pending);
  g_free (index);
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

/* The row's statement, reset, with its id bound; NULL with `error` unset
 * when the table has no searched column. */
static sqlite3_stmt *
row_statement (sqlite3     *db,
               GHashTable  *statements,
               const IpmsTable *table,
               gint64       id,
               GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (statements, table);

  if (stmt == NULL)
    {
      g_autofree char *sql = row_select_sql (table);
      int rc;

      if (sql == NULL)
        return NULL;

      rc = sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          sqlite_error (db, rc, error);
          return NULL;
        }
      g_hash_table_insert (statements, (gpointer) table, stmt);
    }

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, id);

  return stmt;
}

/* The row's document: its searched fields in schema order, joined by
 * FIELD_SEPARATOR, a value that is not text as an empty field, byte for
 * byte as _ipms_search_rebuild() makes it (a U+0000 inside included); NULL
 * when there is no such row. */
static gboolean
row_document (IpmsSearchIndex  *index,
              const IpmsTable  *table,
              gint64            id,
              GBytes          **document_out,
              GError          **error)
{
  sqlite3_stmt *stmt = row_statement (index->db, index->row_statements, table, id, error);
  GByteArray *document;
  int rc;

  *document_out = NULL;

  if (stmt == NULL)
    return error == NULL || *error == NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return sqlite_error (index->db, rc, error);
    }

  document = g_byte_array_new ();
  for (int c = 0; c < sqlite3_column_count (stmt); c++)
    {
      if (c > 0)
        g_byte_array_append (document, (const guint8 *) "\x1f", 1);
      if (sqlite3_column_type (stmt, c) == SQLITE_TEXT)
        g_byte_array_append (document, sqlite3_column_text (stmt, c),
                             (guint) sqlite3_column_bytes (stmt, c));
    }
  sqlite3_reset (stmt);

  *document_out = g_byte_array_free_to_bytes (document);

  return TRUE;
}

gboolean
_ipms_search_index_before (IpmsSearchIndex  *index,
                           const IpmsTable  *table,
                           gint64            id,
                           GError          **error)
{
  RowKey key = { table, id };
  GBytes *document = NULL;

  g_return_val_if_fail (index != NULL, FALSE);

  if (searched_table_index (table) < 0 || !is_indexed_id (id) ||
      g_hash_table_contains (index->before, &key))
    return TRUE;

  if (!row_document (index, table, id, &document, error))
    return FALSE;

  g_hash_table_insert (index->before, g_memdup2 (&key, sizeof key), document);

  return TRUE;
}

void
_ipms_search_index_inserted (IpmsSearchIndex *index,
                             const IpmsTable *table,
                             gint64           id)
{
  RowKey key = { table, id };

  g_return_if_fail (index != NULL);

  if (searched_table_index (table) < 0 || !is_indexed_id (id) ||
      g_hash_table_contains (index->before, &key))
    return;

  g_hash_table_insert (index->before, g_memdup2 (&key, sizeof key), NULL);
}

void
_ipms_search_index_forget (IpmsSearchIndex *index)
{
  g_return_if_fail (index != NULL);

  g_hash_table_remove_all (index->before);
}

static gboolean
index_write (IpmsSearchIndex  *index,
             gboolean          remove,
             gint64            rowid,
             GBytes           *document,
             GError          **error)
{
  sqlite3_stmt **stmt = remove ? &index->delete : &index->insert;
  int rc;

  if (*stmt == NULL)
    {
      /* A contentless table is told the old text to forget it. */
      rc = sqlite3_prepare_v3 (index->db,
                               remove ? "INSERT INTO ipms_search (ipms_search, rowid, text) VALUES ('delete', ?1, ?2)"
                                      : "INSERT INTO ipms_search (rowid, text) VALUES (?1, ?2)",
                               -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL);
      if (rc != SQLITE_OK)
        return sqlite_error (index->db, rc, error);
    }

  sqlite3_bind_int64 (*stmt, 1, rowid);
  /* An empty GBytes may have no data, which would bind NULL. */
  sqlite3_bind_text (*stmt, 2, g_bytes_get_size (document) > 0 ? g_bytes_get_data (document, NULL) : "",
                     (int) g_bytes_get_size (document), SQLITE_STATIC);
  rc = sqlite3_step (*stmt);
  sqlite3_reset (*stmt);
  sqlite3_clear_bindings (*stmt);

  return rc == SQLITE_DONE || sqlite_error (index->db, rc, error);
}

gboolean
_ipms_search_index_update (IpmsSearchIndex  *index,
                           GError          **error)
{
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  g_return_val_if_fail (index != NULL, FALSE);

  /* An index still to be made has nothing to bring in step. */
  if (index->pending == NULL)
    {
      rc = sqlite3_prepare_v3 (index->db, "SELECT 1 FROM ipms_search_pending", -1,
                               SQLITE_PREPARE_PERSISTENT, &index->pending, NULL);
      if (rc != SQLITE_OK)
        return sqlite_error (index->db, rc, error);
    }
  rc = sqlite3_step (index->pending);
  sqlite3_reset (index->pending);
  if (rc == SQLITE_ROW && !index->building)
    {
      g_hash_table_remove_all (index->before);
      return TRUE;
    }
  if (rc == SQLITE_ROW)
    {
      /* Made in steps: the rows not made yet are read by their step. */
      g_hash_table_iter_init (&iter, index->before);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (((const RowKey *) key)->id >= index->built_below)
          g_hash_table_iter_remove (&iter);
    }
  else if (rc != SQLITE_DONE)
    return sqlite_error (index->db, rc, error);

  g_hash_table_iter_init (&iter, index->before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const RowKey *row = key;
      GBytes *old_document = value;
      g_autoptr(GBytes) new_document = NULL;
      gint64 rowid = index_rowid (searched_table_index (row->table), row->id);

      if (!row_document (index, row->table, row->id, &new_document, error))
        return FALSE;

      if (old_document == NULL ? new_document == NULL
                               : new_document != NULL && g_bytes_equal (old_document, new_document))
        continue;

      if ((old_document != NULL && !index_write (index, TRUE, rowid, old_document, error)) ||
          (new_document != NULL && !index_write (index, FALSE, rowid, new_document, error)))
        return FALSE;
    }

  g_hash_table_remove_all (index->before);

  return TRUE;
}

/* Indexes the rows whose id is from `low` to `high`, of every searched
 * table, into an index that holds none of them. */
static gboolean
insert_rows_between (sqlite3  *db,
                     gint64    low,
                     gint64    high,
                     GError  **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ipms_search (rowid, text) SELECT * FROM (");
  sqlite3_stmt *stmt = NULL;
  gboolean any_table = FALSE;
  int rc;

  /* One statement, built from the schema's names only, that gives every
   * row in rowid order: FTS5 writes out what it holds whenever a rowid goes
   * back, and merges those pieces later. A damaged file's non-text values
   * are empty fields, as row_document() reads them. */
  for (guint t = 0; t < G_N_ELEMENTS (searched_tables); t++)
    {
      const IpmsTable *table = ipms_schema_lookup_table (searched_tables[t]);
      gboolean any = FALSE;

      for (guint c = 0; c < table->n_columns; c++)
        {
          const char *name = table->columns[c].name;

          if (!is_searched_column (&table->columns[c]))
            continue;

          if (!any)
            g_string_append_printf (sql, "%sSELECT id * %d + %u AS rowid, ",
                                    any_table ? " UNION ALL " : "", 1 << TABLE_BITS, t);
          else
            g_string_append (sql, " || char (31) || ");
          g_string_append_printf (sql, "iif (typeof (%s) = 'text', %s, '')", name, name);
          any = TRUE;
        }

      if (any)
        g_string_append_printf (sql, " FROM %s WHERE id BETWEEN ?1 AND ?2", table->name);
      any_table = any_table || any;
    }
  g_string_append (sql, ") ORDER BY rowid");

  rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, low);
      sqlite3_bind_int64 (stmt, 2, high);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);

  return rc == SQLITE_OK || sqlite_error (db, rc, error);
}

/* The least id of a searched row from `from` on; FALSE in `found_out`
 * when there is none. */
static gboolean
next_row_id (sqlite3   *db,
             gint64     from,
             gint64    *id_out,
             gboolean  *found_out,
             GError   **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT min (m) FROM (");
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint t = 0; t < G_N_ELEMENTS (searched_tables); t++)
    g_string_append_printf (sql, "%sSELECT min (id) AS m FROM %s WHERE id >= ?1",
                            t > 0 ? " UNION ALL " : "", searched_tables[t]);
  g_string_append (sql, ")");

  *found_out = FALSE;
  rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, from);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        {
          *id_out = sqlite3_column_int64 (stmt, 0);
          *found_out = TRUE;
        }
      rc = rc == SQLITE_ROW ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);

  return rc == SQLITE_OK || sqlite_error (db, rc, error);
}

gboolean
_ipms_search_rebuild (sqlite3  *db,
                      GError  **error)
{
  int rc;

  rc = sqlite3_exec (db, "INSERT INTO ipms_search (ipms_search) VALUES ('delete-all')", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return sqlite_error (db, rc, error);

  if (!insert_rows_between (db, MIN_INDEXED_ID, MAX_INDEXED_ID, error))
    return FALSE;

  rc = sqlite3_exec (db, "DELETE FROM ipms_search_pending", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return sqlite_error (db, rc, error);

  return TRUE;
}

void
_ipms_search_index_stop_building (IpmsSearchIndex *index)
{
  g_return_if_fail (index != NULL);

  index->building = FALSE;
}

/* Ids the first step takes. The next ones take as many as fit the budget
 * at the pace of the one before, at most twice as many: ids further on may
 * have rows in fewer tables, or more. */
#define LEAST_STEP_IDS 16

gboolean
_ipms_search_index_build_step (IpmsSearchIndex  *index,
                               double            budget_ms,
                               gboolean         *done_out,
                               GError          **error)
{
  gboolean pending = FALSE;
  gboolean found = FALSE;
  gint64 low = 0, high, n_ids, start;
  int rc;

  g_return_val_if_fail (index != NULL, FALSE);

  *done_out = FALSE;

  if (!_ipms_search_is_pending (index->db, &pending, error))
    return FALSE;

  if (pending && !index->building)
    {
      /* Whatever a step of an earlier making left goes first. */
      rc = sqlite3_exec (index->db, "INSERT INTO ipms_search (ipms_search) VALUES ('delete-all')", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        return sqlite_error (index->db, rc, error);
      index->building = TRUE;
      index->built_below = MIN_INDEXED_ID;
      index->step_ids = LEAST_STEP_IDS;
    }

  if (pending && !next_row_id (index->db, index->built_below, &low, &found, error))
    return FALSE;

  if (found && low <= MAX_INDEXED_ID)
    {
      n_ids = index->step_ids;
      high = low > MAX_INDEXED_ID - n_ids ? MAX_INDEXED_ID : low + n_ids - 1;
      start = g_get_monotonic_time ();
      if (!insert_rows_between (index->db, low, high, error))
        return FALSE;
      index->built_below = high + 1;
      index->step_ids = CLAMP (n_ids * budget_ms / MAX ((g_get_monotonic_time () - start) / 1000.0, 0.01),
                               LEAST_STEP_IDS, 2 * n_ids);
      if (high < MAX_INDEXED_ID)
        return TRUE;
    }

  if (pending)
    {
      rc = sqlite3_exec (index->db, "DELETE FROM ipms_search_pending", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        return sqlite_error (index->db, rc, error);
    }

  index->building = FALSE;
  *done_out = TRUE;

  return TRUE;
}

gboolean
_ipms_search_defer_rebuild (sqlite3  *db,
                            GError  **error)
{
  int rc = sqlite3_exec (db,
                         "INSERT INTO ipms_search (ipms_search) VALUES ('delete-all');"
                         "INSERT OR IGNORE INTO ipms_search_pending (id) VALUES (1)",
                         NULL, NULL, NULL);

  return rc == SQLITE_OK || sqlite_error (db, rc, error);
}

gboolean
_ipms_search_is_pending (sqlite3   *db,
                         gboolean  *pending_out,
                         GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT 1 FROM ipms_search_pending", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  *pending_out = rc == SQLITE_ROW;

  return rc == SQLITE_ROW || rc == SQLITE_DONE ||
         _ipms_document_set_sqlite_error (error, db, rc, _("Cannot search the project"));
}

gboolean
ipms_search_prepare_step (IpmsDocument  *document,
                          double         budget_ms,
                          gboolean      *done_out,
                          GError       **error)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (done_out != NULL, FALSE);

  return _ipms_document_build_search_step (document, budget_ms, done_out, error);
}

/* Searching */

gboolean
ipms_search_is_ready (IpmsDocument *document)
{
  sqlite3 *db;
  gboolean pending = FALSE;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), TRUE);

  db = _ipms_document_get_db (document);

  /* A failure here is the search's to report. */
  return db == NULL || !_ipms_search_is_pending (db, &pending, NULL) || !pending;
}

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

static void
append_token (GString        *expression,
              const gunichar *chars,
              glong           n_chars)
{
  if (expression->len > 0)
    g_string_append (expression, " AND ");

  g_string_append_c (expression, '"');
  for (glong k = 0; k < n_chars; k++)
    {
      /* The query's own quotes doubled: a string, never syntax. */
      if (chars[k] == '"')
        g_string_append_c (expression, '"');
      g_string_append_unichar (expression, chars[k]);
    }
  g_string_append_c (expression, '"');
}

/* The FTS5 query for `folded` (n_query > 0 characters): the query itself
 * when it is one token, else the AND of trigrams that cover it (every
 * third one and the last), which every row holding the query has. */
static char *
match_expression (const gunichar *folded,
                  glong           n_query)
{
  GString *expression = g_string_new (NULL);
  glong start;

  if (n_query <= 3)
    append_token (expression, folded, n_query);
  else
    {
      for (start = 0; start + 3 <= n_query; start += 3)
        append_token (expression, folded + start, 3);
      if (start < n_query)
        append_token (expression, folded + n_query - 3, 3);
    }

  return g_string_free (expression, FALSE);
}

/* Adds a hit for each searched field of `row` (its fields from column
 * `first` on, in schema order) that holds the query; FALSE once there are
 * more hits than `limit` (the last one is NULL, a marker). */
static gboolean
match_row (const IpmsTable *table,
           gint64           id,
           sqlite3_stmt    *row,
           int              first,
           const gunichar  *folded,
           glong            n_query,
           guint            limit,
           GPtrArray       *hits)
{
  int c = first;

  for (guint k = 0; k < table->n_columns; k++)
    {
      const IpmsColumn *column = &table->columns[k];
      g_autofree char *valid = NULL;
      const char *text;
      int n_text;
      gsize start, end;

      if (!is_searched_column (column))
        continue;

      text = sqlite3_column_type (row, c) == SQLITE_TEXT ? (const char *) sqlite3_column_text (row, c) : NULL;
      n_text = sqlite3_column_bytes (row, c);
      c++;

      if (text == NULL)
        continue;
      /* A damaged file's text is matched as make_hit() shows it. */
      if (!g_utf8_validate_len (text, (gsize) n_text, NULL))
        {
          text = valid = g_utf8_make_valid (text, n_text);
          n_text = (int) strlen (text);
        }
      if (!find_match (text, (gunichar *) folded, n_query, &start, &end))
        continue;

      if (hits->len == limit)
        {
          g_ptr_array_add (hits, NULL);
          return FALSE;
        }

      g_ptr_array_add (hits, make_hit (table, id, column, text, n_text, (gunichar *) folded, n_query));
    }

  return TRUE;
}

/* The rows the index gives for the query, read and matched. */
static int
search_indexed (sqlite3         *db,
                const gunichar  *folded,
                glong            n_query,
                guint            limit,
                GPtrArray       *hits,
                GError         **error)
{
  g_autoptr(GHashTable) statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  g_autofree char *expression = match_expression (folded, n_query);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT rowid FROM ipms_search WHERE ipms_search MATCH ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_STATIC);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      gint64 t = rowid & ((1 << TABLE_BITS) - 1);
      gint64 id = (rowid - t) / (1 << TABLE_BITS);
      const IpmsTable *table;
      sqlite3_stmt *row;
      gboolean more;

      rc = SQLITE_OK;
      if (t >= (gint64) G_N_ELEMENTS (searched_tables))
        continue;

      table = ipms_schema_lookup_table (searched_tables[t]);
      row = row_statement (db, statements, table, id, error);
      if (row == NULL)
        {
          if (error != NULL && *error != NULL)
            break;
          continue;
        }

      rc = sqlite3_step (row);
      more = rc != SQLITE_ROW || match_row (table, id, row, 0, folded, n_query, limit, hits);
      sqlite3_reset (row);
      rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
      if (!more)
        break;
    }
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Every searched field read and matched: for a project whose index is
 * still to be made and that cannot be written here (opened read-only). */
static int
search_scan (sqlite3         *db,
             const gunichar  *folded,
             glong            n_query,
             guint            limit,
             GPtrArray       *hits)
{
  int rc = SQLITE_OK;

  for (guint t = 0; rc == SQLITE_OK && t < G_N_ELEMENTS (searched_tables); t++)
    {
      const IpmsTable *table = ipms_schema_lookup_table (searched_tables[t]);
      g_autofree char *row_sql = row_select_sql (table);
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;
      gboolean more = TRUE;

      if (row_sql == NULL)
        continue;

      /* "SELECT a, b FROM t WHERE id = ?1" as "SELECT id, a, b FROM t". */
      *strstr (row_sql, " WHERE id = ?1") = '\0';
      sql = g_strconcat ("SELECT id, ", row_sql + strlen ("SELECT "), NULL);

      rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      while (rc == SQLITE_OK && more && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          more = match_row (table, sqlite3_column_int64 (stmt, 0), stmt, 1, folded, n_query, limit, hits);
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);

      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
      if (!more)
        break;
    }

  return rc;
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
  g_autofree gunichar *folded = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean indexed = TRUE;
  sqlite3 *db;
  glong n_query = 0;
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

  /* The separator splits the index's tokens: a query holding it is in no
   * field. */
  folded = g_utf8_to_ucs4_fast (trimmed, -1, &n_query);
  for (glong i = 0; i < n_query; i++)
    {
      if (folded[i] == FIELD_SEPARATOR)
        return g_steal_pointer (&hits);
      folded[i] = g_unichar_tolower (folded[i]);
    }

  if (!_ipms_document_prepare_search (document, &indexed, error))
    return NULL;

  rc = indexed ? search_indexed (db, folded, n_query, limit, hits, &local_error)
               : search_scan (db, folded, n_query, limit, hits);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                   "%s: %s", _("Cannot search the project"), sqlite3_errmsg (db));
      return NULL;
    }

  /* The marker of more hits than asked for. */
  if (hits->len > limit)
    {
      g_ptr_array_set_size (hits, limit);
      if (truncated_out != NULL)
        *truncated_out = TRUE;
    }

  g_ptr_array_sort (hits, compare_hits);

  return g_steal_pointer (&hits);
}
