/* ipms-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The project document: one SQLite file holds the whole plan, its undo
 * history and a little view state.
 *
 * On disk. Rollback journal (journal_mode=DELETE) with synchronous=FULL: a
 * committed edit survives a crash or power loss, a process killed mid-edit
 * leaves a hot journal that SQLite rolls back on the next open, and after a
 * clean close the .ipms file stands alone (WAL would leave -wal/-shm side
 * files). Files and names are untrusted: a path is resolved with realpath()
 * and must be a regular file (stat() first: a FIFO would block any open()),
 * SQLite only sees absolute paths (never a "file:" URI), and a name must
 * leave room for "-journal". The header is checked before SQLite opens the
 * file (not SQLite, another application's application_id, a newer
 * user_version: refused without a byte written), then DEFENSIVE,
 * trusted_schema=OFF, no ATTACH, cell_size_check; every object of
 * sqlite_schema must be one the migrations make, with the same SQL (no
 * triggers, views or expressions calling unknown functions), then
 * quick_check unless the file is as this application closed it (see "Files
 * known to be sound"), and the tables and columns are compared with
 * ipms-schema.c.
 * Older formats are migrated with the ordered scripts of schema/, in one
 * transaction; a read-only document (for exports) migrates a copy in memory
 * and never writes to the file. Values are checked as they are read (see
 * _ipms_record_read_value()): the file is not scanned on open.
 *
 * The edit path. Every mutation happens between begin_edit() and
 * commit_edit(): BEGIN IMMEDIATE, then a fresh sqlite3_session attached to
 * the schema's tables (so ipms_history and ipms_view_state are never
 * recorded). At commit the session's changeset becomes one undo step, a row
 * of ipms_history in the same transaction, so an edit and its undo step are
 * durable together. Redo steps are dropped by a new edit, and the history is
 * trimmed to history_limit steps. A step with the same merge key made within
 * MERGE_SECONDS of the previous one is folded into it with sqlite3_changegroup
 * (a typing burst is one step).
 *
 * Undo applies the newest step's changeset inverted
 * (SQLITE_CHANGESETAPPLY_INVERT) and flags it undone; redo applies the oldest
 * undone step forward. Both are one transaction. Because the history rows are
 * in the file, undo survives closing and reopening.
 *
 * Notifications. The changeset of an edit, undo or redo says exactly which
 * rows changed, so the same code refreshes the shared IpmsRecord objects and
 * emits "row-changed" for all three; lists update themselves from those
 * signals. When another program changed the file (PRAGMA data_version), or
 * one step touched too many rows to tell one by one (see publish_changes()),
 * "reloaded" says that any row may have changed.
 *
 * The search index (ipms-search.c) is written inside the same transaction:
 * at commit for the rows the edit touched (the whole plan after
 * delete_everything(), an import), after applying a step for the rows of
 * its changeset. Its tables are not the schema's, so no step records them.
 *
 * Cost of a step is that of its own rows, independent of the project's size:
 * no table is scanned and the history is indexed by its primary key.
 */

/* renameat2() */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ipms-document.h"
#include "ipms-document-private.h"
#include "ipms-record-private.h"
#include "ipms-search.h"
#include "ipms-search-private.h"

/* 'IPMS' */
#define IPMS_APPLICATION_ID 0x49504D53
#define MERGE_SECONDS 2.0
#define DEFAULT_HISTORY_LIMIT 500

static const char * const migrations[] = {
  "001-initial.sql",
  "002-price-bands.sql",
  "003-deck.sql",
  "004-search.sql",
  "005-search-compact.sql",
};

/* The first format with the search index as it is now, which migrating to
 * it builds. */
#define SEARCH_INDEX_VERSION 5

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == IPMS_DOCUMENT_FORMAT_VERSION);

/* A row of a table, as a hash key: ids span the whole gint64 range, so the
 * table and id are kept apart rather than combined arithmetically. */
typedef struct
{
  const IpmsTable *table;
  gint64           id;
} RowKey;

typedef struct
{
  const IpmsTable *table;
  gint64           id;
  IpmsRowChange    change;
  IpmsRecord      *record;   /* owned; NULL when the row was not loaded */
} RowChange;

struct _IpmsDocument
{
  GObject          parent_instance;

  sqlite3         *db;
  char            *path;
  gboolean         is_draft;
  gboolean         read_only;
  /* PRAGMA data_version when this document last saw the file (-1: not
   * yet): it changes only when another connection commits. */
  gint64           data_version;
  /* Damaged values were repaired while reading: said once. */
  gboolean         told_repaired;
  /* A newer version of the application migrated the file while this
   * document had it open: it is shown, never written. */
  gboolean         changed_by_newer;
  /* ipms_document_read_ahead(): the table being read, the id of the next
   * row to read (ids span the whole gint64 range), and whether none is
   * left. */
  const IpmsTable *read_ahead_table;
  gint64           read_ahead_from;
  gboolean         read_ahead_done;
  /* The INSERT of each table by schema index, for the import's bulk path;
   * the statements belong to `statements`. */
  sqlite3_stmt   **insert_statements;
  /* Whether opening ran the integrity check (see "Files known to be
   * sound"). */
  gboolean         integrity_checked;

  /* SQL text (built from schema names only) → prepared statement */
  GHashTable      *statements;
  /* IpmsTable* → (gint64* id → IpmsRecord*) */
  GHashTable      *records;

  sqlite3_session *session;
  /* RowKeys of the rows inserted by the edit in progress: references to
   * them need no query (an import inserts tens of thousands). */
  GHashTable      *inserted_in_edit;
  char            *edit_label;
  char            *edit_merge_key;
  /* The index is told of each row the edit in progress writes; after
   * delete_everything() (an import) it is made again at commit. */
  gboolean         reindex_all;
  /* Made on first use, dropped with the statements of the connection. */
  IpmsSearchIndex *search_index;

  guint            history_limit;
  char            *undo_label;
  char            *redo_label;

  /* Nesting of begin_read() inside the transaction it started */
  guint            read_depth;

  /* A bulk undo or redo being applied in slices (see "Bulk steps"), and
   * why the last one failed. */
  struct _PendingStep *pending;
  GError          *step_error;

  /* The project row's id once looked up, 0 until then. Views ask for the
   * project per list cell and per chart item; a query outside a transaction
   * costs SQLite a lock and an unlock of the file each time. */
  gint64           project_id;
};

G_DEFINE_FINAL_TYPE (IpmsDocument, ipms_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_IS_DRAFT,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_HISTORY_LIMIT,
  PROP_BUSY,
  N_PROPS
};

enum {
  ROW_CHANGED,
  CHANGES_DONE,
  RELOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void settle (IpmsDocument *self);

G_DEFINE_QUARK (ipms-document-error-quark, ipms_document_error)

static gboolean
is_no_space_errno (int saved_errno)
{
  /* EFBIG: the process's file size limit, which fills up as a disk does. */
  return saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG;
}

gboolean
_ipms_document_set_sqlite_error (GError     **error,
                                 sqlite3     *db,
                                 int          rc,
                                 const char  *what)
{
  int code = IPMS_DOCUMENT_ERROR_FAILED;

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      code = IPMS_DOCUMENT_ERROR_NOT_A_PROJECT;
      break;

    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
      code = IPMS_DOCUMENT_ERROR_CORRUPT;
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      code = IPMS_DOCUMENT_ERROR_READ_ONLY;
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      /* Not damage: another connection holds the lock past the timeout. */
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_BUSY,
                   "%s: %s", what,
                   _("another program is changing the project; try again when it is done"));
      return FALSE;

    case SQLITE_FULL:
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NO_SPACE,
                   "%s: %s", what, _("the disk is full"));
      return FALSE;

    case SQLITE_IOERR:
      if (db != NULL && is_no_space_errno (sqlite3_system_errno (db)))
        {
          g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NO_SPACE,
                       "%s: %s", what, _("the disk is full"));
          return FALSE;
        }
      break;

    default:
      break;
    }

  g_set_error (error, IPMS_DOCUMENT_ERROR, code,
               "%s: %s", what, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

static void
record_table_free (gpointer data)
{
  g_hash_table_unref (data);
}

static void
row_change_clear (gpointer data)
{
  RowChange *change = data;

  g_clear_object (&change->record);
}

static void
finalize_statements (IpmsDocument *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->statements);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sqlite3_finalize (value);
  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->search_index, _ipms_search_index_free);
  g_clear_pointer (&self->insert_statements, g_free);
  self->project_id = 0;
}

/* Returns a reset, cached statement, or NULL with `error` set. */
static sqlite3_stmt *
prepare (IpmsDocument  *self,
         const char    *sql,
         GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (self->db == NULL)
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                           _("The project is closed."));
      return NULL;
    }

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _ipms_document_set_sqlite_error (error, self->db, rc, _("Cannot read the project"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _ipms_document_set_sqlite_error (error, db, rc, _("Cannot write the project"));

  return TRUE;
}

/* Step a statement that returns no row; resets it afterwards. */
static gboolean
step_done (IpmsDocument  *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _ipms_document_set_sqlite_error (error, self->db, rc, _("Cannot write the project"));

  return TRUE;
}

typedef enum
{
  TABLE_COLUMNS,      /* "r.id, r.a, <r.other_id if that row exists>" */
  TABLE_SELECT_ONE,   /* SELECT <TABLE_COLUMNS> FROM t AS r WHERE r.id = ?1 */
  TABLE_INSERT,       /* INSERT INTO t (id, a, b) VALUES (?1, ?2, ?3) */
  N_TABLE_SQL
} TableSql;

static guint
table_index (const IpmsTable *table)
{
  guint n_tables;

  return (guint) (table - ipms_schema_get_tables (&n_tables));
}

/* The statements every edit and read needs, made once from the schema. */
static const char *
table_sql (const IpmsTable *table,
           TableSql         kind)
{
  static char **sql;
  guint n_tables;

  if (g_once_init_enter (&sql))
    {
      const IpmsTable *tables = ipms_schema_get_tables (&n_tables);
      char **made = g_new0 (char *, n_tables * N_TABLE_SQL);

      for (guint t = 0; t < n_tables; t++)
        {
          GString *columns = g_string_new ("id");
          GString *read = g_string_new ("r.id");
          GString *placeholders = g_string_new ("?1");

          for (guint i = 0; i < tables[t].n_columns; i++)
            {
              const IpmsColumn *column = &tables[t].columns[i];

              g_string_append_printf (columns, ", %s", column->name);
              g_string_append_printf (placeholders, ", ?%u", i + 2);

              /* A damaged file may refer to rows that do not exist: such a
               * reference reads as the text 'missing', which the record
               * takes for NULL, as a deleted row's references are (ids are
               * always integers). One primary key lookup each, no scan. */
              if (column->type == IPMS_COLUMN_REFERENCE)
                g_string_append_printf (read, ", CASE WHEN r.%s IS NULL THEN NULL"
                                        " ELSE coalesce ((SELECT id FROM %s WHERE id = r.%s), 'missing') END",
                                        column->name, column->references, column->name);
              else
                g_string_append_printf (read, ", r.%s", column->name);
            }

          made[t * N_TABLE_SQL + TABLE_SELECT_ONE] =
            g_strdup_printf ("SELECT %s FROM %s AS r WHERE r.id = ?1", read->str, tables[t].name);
          made[t * N_TABLE_SQL + TABLE_INSERT] =
            g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", tables[t].name, columns->str, placeholders->str);
          made[t * N_TABLE_SQL + TABLE_COLUMNS] = g_string_free (read, FALSE);
          g_string_free (columns, TRUE);
          g_string_free (placeholders, TRUE);
        }

      g_once_init_leave (&sql, made);
    }

  return sql[table_index (table) * N_TABLE_SQL + kind];
}

static guint
row_key_hash (gconstpointer data)
{
  const RowKey *key = data;

  return g_int64_hash (&key->id) ^ g_direct_hash (key->table);
}

static gboolean
row_key_equal (gconstpointer a,
               gconstpointer b)
{
  const RowKey *key_a = a;
  const RowKey *key_b = b;

  return key_a->table == key_b->table && key_a->id == key_b->id;
}

static void
mark_inserted (IpmsDocument    *self,
               const IpmsTable *table,
               gint64           id)
{
  RowKey key = { table, id };

  g_hash_table_add (self->inserted_in_edit, g_memdup2 (&key, sizeof key));
}

static gboolean
was_inserted (IpmsDocument    *self,
              const IpmsTable *table,
              gint64           id)
{
  RowKey key = { table, id };

  return self->inserted_in_edit != NULL && g_hash_table_contains (self->inserted_in_edit, &key);
}

static void
forget_inserted (IpmsDocument    *self,
                 const IpmsTable *table,
                 gint64           id)
{
  RowKey key = { table, id };

  g_hash_table_remove (self->inserted_in_edit, &key);
}

static IpmsSearchIndex *
get_search_index (IpmsDocument *self)
{
  if (self->search_index == NULL)
    self->search_index = _ipms_search_index_new (self->db);

  return self->search_index;
}

/* Empties the index for the first search to make (see ipms-search.c); a
 * making in steps under way starts again. */
static gboolean
defer_search_index (IpmsDocument  *self,
                    GError       **error)
{
  _ipms_search_index_stop_building (get_search_index (self));

  return _ipms_search_defer_rebuild (self->db, error);
}

/* Called before a row is updated or deleted: the index needs its old text
 * to remove it. */
static gboolean
search_before_write (IpmsDocument     *self,
                     const IpmsTable  *table,
                     gint64            id,
                     GError          **error)
{
  return self->reindex_all || _ipms_search_index_before (get_search_index (self), table, id, error);
}

static GHashTable *
records_of_table (IpmsDocument    *self,
                  const IpmsTable *table)
{
  GHashTable *records = g_hash_table_lookup (self->records, table);

  if (records == NULL)
    {
      records = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
      g_hash_table_insert (self->records, (gpointer) table, records);
    }

  return records;
}

/* Values of a damaged file are repaired as they are read (see
 * _ipms_record_read_value()); the file itself is left as it is. */
static void
note_repaired (IpmsDocument    *self,
               const IpmsTable *table,
               gint64           id)
{
  if (self->told_repaired)
    return;

  self->told_repaired = TRUE;
  /* Not a warning: the file is bad, not the program. */
  g_message ("%s: row %" G_GINT64_FORMAT " of “%s” (and maybe others) holds values this "
             "version does not accept; they are read as blank or the nearest valid value",
             self->path, id, table->name);
}

/* Refreshes the cached record of a row from the file, or marks it deleted. */
static IpmsRecord *
refresh_record (IpmsDocument    *self,
                const IpmsTable *table,
                gint64           id,
                gboolean         create)
{
  const char *sql = table_sql (table, TABLE_SELECT_ONE);
  GHashTable *records = records_of_table (self, table);
  IpmsRecord *record = g_hash_table_lookup (records, &id);
  sqlite3_stmt *stmt;

  if (record == NULL && !create)
    return NULL;

  stmt = prepare (self, sql, NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (record == NULL)
        {
          record = _ipms_record_new (table, id);
          g_hash_table_insert (records, g_memdup2 (&id, sizeof id), record);
        }
      if (_ipms_record_load (record, stmt))
        note_repaired (self, table, id);
    }
  else if (record != NULL)
    {
      g_object_ref (record);
      _ipms_record_mark_deleted (record);
      g_hash_table_remove (records, &id);
      g_object_unref (record);
      record = NULL;
    }

  sqlite3_reset (stmt);

  return record;
}

/* Above this many rows of one table in a step, its cached records are read
 * again by one scan of the table instead of a query each: undoing an
 * import refreshes every row of the plan. */
#define REFRESH_SCAN_ROWS 256

/* refresh_record() for each of `ids` (gint64 * → IpmsRecord *, cached
 * records of `table`), in one pass over the table. */
static void
refresh_records_by_scan (IpmsDocument    *self,
                         const IpmsTable *table,
                         GHashTable      *ids)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s AS r", table_sql (table, TABLE_COLUMNS), table->name);
  GHashTable *records = records_of_table (self, table);
  sqlite3_stmt *stmt = prepare (self, sql, NULL);
  GHashTableIter iter;
  gpointer key, value;

  while (stmt != NULL && g_hash_table_size (ids) > 0 && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      IpmsRecord *record = g_hash_table_lookup (ids, &id);

      if (record == NULL)
        continue;

      if (_ipms_record_load (record, stmt))
        note_repaired (self, table, id);
      g_hash_table_remove (ids, &id);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);

  /* The rows the scan did not meet are gone (or could not be read, which
   * refresh_record() takes for gone as well). */
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_object_ref (value);
      _ipms_record_mark_deleted (value);
      g_hash_table_remove (records, key);
      g_object_unref (value);
    }
}

/* Reads which rows a changeset touches. `inverted` for an undo, where an
 * insert of the step is a delete of the rows. */
static GArray *
collect_changes (IpmsDocument *self,
                 int           n_bytes,
                 void         *bytes,
                 gboolean      inverted)
{
  GArray *changes = g_array_new (FALSE, TRUE, sizeof (RowChange));
  sqlite3_changeset_iter *iter = NULL;

  g_array_set_clear_func (changes, row_change_clear);

  if (sqlite3changeset_start (&iter, n_bytes, bytes) != SQLITE_OK)
    return changes;

  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table_name;
      sqlite3_value *pk = NULL;
      int n_columns, op, indirect;
      RowChange change = { 0 };

      sqlite3changeset_op (iter, &table_name, &n_columns, &op, &indirect);

      change.table = ipms_schema_lookup_table (table_name);
      if (change.table == NULL)
        continue;

      if (op == SQLITE_INSERT)
        sqlite3changeset_new (iter, 0, &pk);
      else
        sqlite3changeset_old (iter, 0, &pk);

      if (pk == NULL)
        continue;

      change.id = sqlite3_value_int64 (pk);

      switch (op)
        {
        case SQLITE_INSERT:
          change.change = inverted ? IPMS_ROW_DELETED : IPMS_ROW_INSERTED;
          break;

        case SQLITE_DELETE:
          change.change = inverted ? IPMS_ROW_INSERTED : IPMS_ROW_DELETED;
          break;

        default:
          change.change = IPMS_ROW_UPDATED;
          break;
        }

      g_array_append_val (changes, change);
    }

  sqlite3changeset_finalize (iter);

  return changes;
}

static void emit_changes (IpmsDocument *self,
                          GArray       *changes);

/* Brings every cached record touched by `changes` up to date first, so that
 * handlers see a consistent document, then tells records, lists and views.
 *
 * A step of more than IPMS_DOCUMENT_BULK_ROWS rows is told as one
 * "reloaded". Per row, each list does a binary search and an items-changed
 * that list widgets answer one by one, and each chart looks at the row: at
 * the 110,000 rows of a 10,000-product import that is over a second of
 * signals, while reading a whole table again costs about as much as a few
 * hundred rows told one by one. Steps made by hand (a move, a typing
 * burst, deleting a product with its PRD and markers) touch far fewer rows
 * and keep their precise signals, which let views update only what
 * changed; an import, its undo or redo, or a delete of a thousand products
 * goes over. */
static void
publish_changes (IpmsDocument *self,
                 GArray       *changes,
                 gboolean      emit)
{
  /* One read transaction for all the rows read again: alone, each query
   * takes and drops the file's lock, two system calls a row. */
  gboolean reading = ipms_document_begin_read (self, NULL);
  guint n_tables;
  const IpmsTable *tables = ipms_schema_get_tables (&n_tables);
  g_autofree guint *n_changed = NULL;
  g_autofree GHashTable **scans = NULL;

  n_changed = g_new0 (guint, n_tables);
  scans = g_new0 (GHashTable *, n_tables);
  for (guint i = 0; i < changes->len; i++)
    n_changed[table_index (g_array_index (changes, RowChange, i).table)]++;

  for (guint i = 0; i < changes->len; i++)
    {
      RowChange *change = &g_array_index (changes, RowChange, i);
      GHashTable *records = records_of_table (self, change->table);
      IpmsRecord *cached = g_hash_table_lookup (records, &change->id);
      guint t = table_index (change->table);

      if (change->change != IPMS_ROW_UPDATED && g_str_equal (change->table->name, "project"))
        self->project_id = 0;

      if (cached == NULL)
        continue;

      change->record = g_object_ref (cached);

      /* A changeset holds a row once: once applied, a deleted row is
       * gone, no need to look (undoing an import deletes every cached
       * row). After a rollback (`emit` FALSE) it is back. */
      if (emit && change->change == IPMS_ROW_DELETED)
        {
          _ipms_record_mark_deleted (cached);
          g_hash_table_remove (records, &change->id);
        }
      else if (n_changed[t] > REFRESH_SCAN_ROWS)
        {
          if (scans[t] == NULL)
            scans[t] = g_hash_table_new (g_int64_hash, g_int64_equal);
          /* The record's own id outlives the scan: it is the key. */
          g_hash_table_insert (scans[t], (gpointer) &change->id, cached);
        }
      else
        refresh_record (self, change->table, change->id, FALSE);
    }

  for (guint t = 0; t < n_tables; t++)
    if (scans[t] != NULL)
      {
        refresh_records_by_scan (self, &tables[t], scans[t]);
        g_hash_table_unref (scans[t]);
      }

  if (reading)
    ipms_document_end_read (self);

  if (emit)
    emit_changes (self, changes);
}

/* Tells records, lists and views of `changes`, every cached record being
 * current already. */
static void
emit_changes (IpmsDocument *self,
              GArray       *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      RowChange *change = &g_array_index (changes, RowChange, i);

      if (change->record != NULL)
        _ipms_record_emit_changed (change->record);
    }

  if (changes->len > IPMS_DOCUMENT_BULK_ROWS)
    g_signal_emit (self, signals[RELOADED], 0);
  else
    for (guint i = 0; i < changes->len; i++)
      {
        RowChange *change = &g_array_index (changes, RowChange, i);

        g_signal_emit (self, signals[ROW_CHANGED], 0,
                       change->table->name, change->id, change->change);
      }

  if (changes->len > 0)
    g_signal_emit (self, signals[CHANGES_DONE], 0);
}

static char *
query_step_label (IpmsDocument *self,
                  gboolean      undone)
{
  const char *sql = undone
    ? "SELECT label FROM ipms_history WHERE undone = 1 ORDER BY id ASC LIMIT 1"
    : "SELECT label FROM ipms_history WHERE undone = 0 ORDER BY id DESC LIMIT 1";
  sqlite3_stmt *stmt = prepare (self, sql, NULL);
  char *label = NULL;

  if (stmt == NULL)
    return NULL;

  /* Labels are shown in menus and tooltips: never invalid UTF-8. */
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      label = g_utf8_make_valid (text != NULL ? text : "", sqlite3_column_bytes (stmt, 0));
    }

  sqlite3_reset (stmt);

  return label;
}

static void
update_history_state (IpmsDocument *self)
{
  g_autofree char *undo_label = query_step_label (self, FALSE);
  g_autofree char *redo_label = query_step_label (self, TRUE);
  gboolean could_undo = self->undo_label != NULL;
  gboolean could_redo = self->redo_label != NULL;

  g_object_freeze_notify (G_OBJECT (self));

  if (g_strcmp0 (undo_label, self->undo_label) != 0)
    {
      g_free (self->undo_label);
      self->undo_label = g_steal_pointer (&undo_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
    }

  if (g_strcmp0 (redo_label, self->redo_label) != 0)
    {
      g_free (self->redo_label);
      self->redo_label = g_steal_pointer (&redo_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
    }

  if (could_undo != (self->undo_label != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);

  if (could_redo != (self->redo_label != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
ipms_document_dispose (GObject *object)
{
  IpmsDocument *self = (IpmsDocument *)object;

  ipms_document_close (self);

  G_OBJECT_CLASS (ipms_document_parent_class)->dispose (object);
}

static void
ipms_document_finalize (GObject *object)
{
  IpmsDocument *self = (IpmsDocument *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->insert_statements, g_free);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->undo_label, g_free);
  g_clear_pointer (&self->redo_label, g_free);
  g_clear_pointer (&self->edit_label, g_free);
  g_clear_pointer (&self->edit_merge_key, g_free);
  g_clear_error (&self->step_error);

  G_OBJECT_CLASS (ipms_document_parent_class)->finalize (object);
}

static void
ipms_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IpmsDocument *self = IPMS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_IS_DRAFT:
      g_value_set_boolean (value, self->is_draft);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ipms_document_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, ipms_document_can_redo (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->pending != NULL);
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, self->undo_label);
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, self->redo_label);
      break;

    case PROP_HISTORY_LIMIT:
      g_value_set_uint (value, self->history_limit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_document_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IpmsDocument *self = IPMS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_HISTORY_LIMIT:
      ipms_document_set_history_limit (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_document_class_init (IpmsDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ipms_document_dispose;
  object_class->finalize = ipms_document_finalize;
  object_class->get_property = ipms_document_get_property;
  object_class->set_property = ipms_document_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_IS_DRAFT] =
    g_param_spec_boolean ("is-draft", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HISTORY_LIMIT] =
    g_param_spec_uint ("history-limit", NULL, NULL, 1, 100000, DEFAULT_HISTORY_LIMIT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ROW_CHANGED] =
    g_signal_new ("row-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_INT64,
                  G_TYPE_INT);

  signals[CHANGES_DONE] =
    g_signal_new ("changes-done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[RELOADED] =
    g_signal_new ("reloaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ipms_document_init (IpmsDocument *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->records = g_hash_table_new_full (NULL, NULL, NULL, record_table_free);
  self->history_limit = DEFAULT_HISTORY_LIMIT;
  self->data_version = -1;
}

/* Opening */

static guint32
read_be32 (const guchar *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) |
         ((guint32) bytes[2] << 8) | (guint32) bytes[3];
}

/* Side files SQLite makes next to a project: the rollback journal (the
 * longest suffix) and our own temporary file for Save As. */
#define JOURNAL_SUFFIX "-journal"
#define TEMPORARY_TEMPLATE ".ipms-save-XXXXXX"

/* A name that fits but leaves no room for "NAME-journal" makes a file that
 * opens and can then never be edited: refuse it up front. */
static gboolean
check_name_room (const char  *resolved,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (resolved);
  g_autofree char *base = g_path_get_basename (resolved);
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  gsize longest_base = MAX (strlen (base), strlen (TEMPORARY_TEMPLATE)) + strlen (JOURNAL_SUFFIX);
  gsize longest_path = strlen (dir) + 1 + longest_base;
  gsize path_max = PATH_MAX - 1;
  long name_max = pathconf (dir, _PC_NAME_MAX);

  if (name_max <= 0)
    name_max = NAME_MAX;

  /* SQLite's own limit on a full path is the shorter one on Linux. */
  if (vfs != NULL && vfs->mxPathname > 0)
    path_max = MIN (path_max, (gsize) vfs->mxPathname);

  if (longest_base > (gsize) name_max || longest_path > path_max)
    {
      g_autofree char *display = g_filename_display_basename (resolved);

      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NAME_TOO_LONG,
                   _("The name “%s” is too long: a project needs room for a slightly longer side file next to it. Choose a shorter name or a folder higher up."),
                   display);
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);
  int code;

  switch (saved_errno)
    {
    case ENOENT:
    case ENOTDIR:
      code = IPMS_DOCUMENT_ERROR_NOT_FOUND;
      break;

    case ENAMETOOLONG:
      code = IPMS_DOCUMENT_ERROR_NAME_TOO_LONG;
      break;

    case EACCES:
    case EPERM:
    case EROFS:
      code = IPMS_DOCUMENT_ERROR_READ_ONLY;
      break;

    default:
      code = IPMS_DOCUMENT_ERROR_FAILED;
      break;
    }

  g_set_error (error, IPMS_DOCUMENT_ERROR, code,
               _("Cannot open “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/* Only a regular file can be a project. A FIFO would block open() (SQLite's
 * too) forever, a device or a folder makes no sense: refused by stat(),
 * which never blocks, before anything opens the path. */
static gboolean
check_regular_file (const char  *path,
                    const char  *resolved,
                    GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  struct stat st;

  if (stat (resolved, &st) != 0)
    return set_errno_error (error, errno, path);

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NOT_A_FILE,
                   _("“%s” is a folder, not an IPMS Planner project."), display);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NOT_A_FILE,
                   _("“%s” is not a regular file (it is a pipe, a socket or a device), so it cannot be an IPMS Planner project."),
                   display);
      return FALSE;
    }

  return TRUE;
}

/* The absolute path of an existing file, symlinks resolved. SQLite is only
 * ever given such a path: it never starts with "file:" (SQLite, built with
 * SQLITE_USE_URI, would read such a name as a URI) and needs no
 * SQLITE_OPEN_NOFOLLOW refusal for a project reached through a link. */
static char *
resolve_existing (const char  *path,
                  GError     **error)
{
  char *resolved = realpath (path, NULL);

  if (resolved == NULL)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }

  return resolved;
}

/* The absolute path a new file at `path` gets: its folder resolved, and an
 * existing file (or a link to one) resolved to the file itself, so that
 * saving through a link replaces the project it points at. */
static char *
resolve_target (const char  *path,
                GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *resolved_dir = NULL;
  g_autofree char *resolved = NULL;
  struct stat st;

  if (stat (path, &st) == 0)
    {
      resolved = resolve_existing (path, error);
      if (resolved == NULL || !check_regular_file (path, resolved, error))
        return NULL;
    }
  else
    {
      dir = g_path_get_dirname (path);
      base = g_path_get_basename (path);
      resolved_dir = resolve_existing (dir, error);
      if (resolved_dir == NULL)
        return NULL;
      resolved = g_build_filename (resolved_dir, base, NULL);
    }

  if (!check_name_room (resolved, error))
    return NULL;

  return g_steal_pointer (&resolved);
}

/* Reads the 100-byte SQLite header ourselves, so that a file that is not
 * ours is refused before SQLite could write anything to it. */
static gboolean
check_header (const char  *path,
              const char  *resolved,
              gboolean    *is_wal,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  guchar header[100];
  ssize_t n_read;
  gint32 version;
  int fd;

  /* O_NONBLOCK: should the path have become a FIFO since the stat(). */
  fd = open (resolved, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return set_errno_error (error, errno, path);

  n_read = pread (fd, header, sizeof header, 0);
  close (fd);

  if (n_read < (ssize_t) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NOT_A_PROJECT,
                   _("“%s” is not an IPMS Planner project."), display);
      return FALSE;
    }

  if (read_be32 (header + 68) != IPMS_APPLICATION_ID)
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NOT_A_PROJECT,
                   _("“%s” is a database of another application, not an IPMS Planner project."),
                   display);
      return FALSE;
    }

  /* Bytes 18 and 19, the read and write versions, are 2 in WAL mode. */
  if (is_wal != NULL)
    *is_wal = header[18] == 2 && header[19] == 2;

  /* user_version is a signed 32-bit number. */
  version = (gint32) read_be32 (header + 60);
  if (version > IPMS_DOCUMENT_FORMAT_VERSION)
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of IPMS Planner. Update the application to open it."),
                   display);
      return FALSE;
    }

  return TRUE;
}

gboolean
ipms_document_check_export_target (IpmsDocument  *self,
                                   const char    *path,
                                   GError       **error)
{
  g_autofree char *display = NULL;
  guchar header[16];
  struct stat target, project;
  ssize_t n_read;
  int fd;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (stat (path, &target) != 0)
    return TRUE;

  display = g_filename_display_name (path);

  /* Writing to a FIFO would wait for a reader forever. */
  if (!S_ISREG (target.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file; export to a file"), display);
      return FALSE;
    }

  if (self->path != NULL && stat (self->path, &project) == 0 &&
      project.st_dev == target.st_dev && project.st_ino == target.st_ino)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is the project being exported; choose another file name"), display);
      return FALSE;
    }

  fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return TRUE;

  n_read = pread (fd, header, sizeof header, 0);
  close (fd);

  if (n_read == (ssize_t) sizeof header && memcmp (header, "SQLite format 3", 16) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is a project or another database, which the export would replace; choose another file name"),
                   display);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_writable (const char  *path,
                const char  *resolved,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (resolved);

  GStatBuf st;

  /* The rollback journal is created next to the file. A file without any
   * write permission bit was made read-only on purpose, and is respected
   * even by root, which access() would let through. */
  if (g_access (resolved, W_OK) != 0 || g_access (dir, W_OK) != 0 ||
      g_stat (resolved, &st) != 0 || (st.st_mode & 0222) == 0)
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_READ_ONLY,
                   _("“%s” cannot be changed: the file or its folder is read-only. Use Save As to keep a copy you can edit."),
                   display);
      return FALSE;
    }

  return TRUE;
}

/* `path` is absolute (or ":memory:"): no URI is ever parsed. */
static sqlite3 *
open_connection (const char  *path,
                 int          flags,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert (g_path_is_absolute (path) || g_str_equal (path, ":memory:"));

  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      _ipms_document_set_sqlite_error (error, db, rc, _("Cannot open the project"));
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_busy_timeout (db, 2000);

  if (!_ipms_search_register (db, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

char *
ipms_document_peek_title (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  char *title = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  db = open_connection (path, SQLITE_OPEN_READONLY, NULL);
  if (db == NULL)
    return NULL;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM project LIMIT 1", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW &&
      sqlite3_column_text (stmt, 0) != NULL && sqlite3_column_text (stmt, 0)[0] != '\0')
    title = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return title;
}

static gboolean
run_migrations_to (sqlite3     *db,
                   gint64       from_version,
                   gint64       to_version,
                   GError     **error)
{
  for (gint64 version = from_version; version < to_version; version++)
    {
      g_autofree char *resource = g_strconcat ("/io/github/ipmsplanner/Planner/schema/",
                                               migrations[version], NULL);
      g_autoptr(GBytes) script = NULL;
      g_autofree char *sql = NULL;

      script = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (script == NULL)
        return FALSE;

      sql = g_strndup (g_bytes_get_data (script, NULL), g_bytes_get_size (script));
      if (!exec_sql (db, sql, error))
        return FALSE;

      /* A file from before the index gets it filled from its plan. */
      if (version + 1 == SEARCH_INDEX_VERSION && !_ipms_search_rebuild (db, error))
        return FALSE;
    }

  {
    g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                                IPMS_APPLICATION_ID, (int) to_version);
    return exec_sql (db, pragmas, error);
  }
}

static gboolean
run_migrations (sqlite3     *db,
                gint64       from_version,
                GError     **error)
{
  return run_migrations_to (db, from_version, IPMS_DOCUMENT_FORMAT_VERSION, error);
}

static gboolean
table_has_columns (sqlite3           *db,
                   const char        *table,
                   const char *const *columns,
                   guint              n_columns)
{
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;

  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (present, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < n_columns; i++)
    if (!g_hash_table_contains (present, columns[i]))
      return FALSE;

  return TRUE;
}

/* What went wrong while first reading an opened file: a lock held by
 * another program is no damage, and a read-only view of a file that a
 * crashed program left half-written cannot repair it. */
static void
set_open_error (GError     **error,
                const char  *display,
                int          rc,
                const char  *detail)
{
  /* Connections use SQLITE_OPEN_EXRESCODE: `rc` is the extended code. */
  if (rc == SQLITE_READONLY_ROLLBACK || rc == SQLITE_READONLY_RECOVERY)
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_READ_ONLY,
                   _("“%s” holds unfinished changes of a program that stopped, and cannot be read without repairing it. Open it once in IPMS Planner, in a folder you can write to."),
                   display);
      return;
    }

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_BUSY,
                   _("“%s” is being changed by another program. Try again when it is done."),
                   display);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_READ_ONLY,
                   _("Cannot open “%s”: %s"), display, detail != NULL ? detail : sqlite3_errstr (rc));
      break;

    default:
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be opened (%s)."),
                   display, detail != NULL ? detail : sqlite3_errstr (rc));
      break;
    }
}

/* Every object (table, index) that the migrations up to `version` make, by
 * name, with its SQL: made once per version by running them in memory. A
 * file may hold nothing else: an index on an expression or a generated
 * column calling a function this build does not have would let the file
 * open and then fail every edit. */
static GHashTable *
expected_schema (gint64 version)
{
  static GHashTable *expected[IPMS_DOCUMENT_FORMAT_VERSION + 1];

  g_assert (version >= 1 && version <= IPMS_DOCUMENT_FORMAT_VERSION);

  if (g_once_init_enter (&expected[version]))
    {
      GHashTable *made = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr(GError) error = NULL;
      sqlite3_stmt *stmt = NULL;
      sqlite3 *db;

      db = open_connection (":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error);
      if (db == NULL || !run_migrations_to (db, 0, version, &error))
        g_error ("The built-in schema does not apply: %s", error->message);

      sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_schema", -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_insert (made,
                             g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                             g_strdup_printf ("%s\n%s", sqlite3_column_text (stmt, 0),
                                              sqlite3_column_text (stmt, 2) ? (const char *) sqlite3_column_text (stmt, 2) : ""));
      sqlite3_finalize (stmt);
      sqlite3_close (db);

      g_once_init_leave (&expected[version], made);
    }

  return expected[version];
}

/* Each schema object must be one the migrations up to `version` make, with
 * the same SQL. Reads only sqlite_schema: cheap, and done before
 * quick_check, which would evaluate such an object's unknown function and
 * fail with a vague message. */
static gboolean
check_schema_objects (sqlite3     *db,
                      const char  *display,
                      gint64       version,
                      GError     **error)
{
  GHashTable *expected = expected_schema (version);
  g_autofree char *unknown = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_schema", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = SQLITE_ROW;
  while (rc == SQLITE_ROW && unknown == NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *sql = (const char *) sqlite3_column_text (stmt, 2);
      g_autofree char *found = g_strdup_printf ("%s\n%s", sqlite3_column_text (stmt, 0), sql ? sql : "");
      const char *wanted;

      if (name == NULL)
        name = "";

      /* ANALYZE's statistics only steer the query planner. */
      if (g_str_has_prefix (name, "sqlite_stat"))
        continue;

      wanted = g_hash_table_lookup (expected, name);
      if (wanted == NULL || strcmp (wanted, found) != 0)
        unknown = g_utf8_make_valid (name, -1);
    }
  sqlite3_finalize (stmt);

  if (unknown != NULL)
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” contains “%s”, which IPMS Planner did not make; the file may have been altered by another program and cannot be opened."),
                   display, unknown);
      return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      set_open_error (error, display, rc, sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

/* The file must have every table and column this build uses. */
static gboolean
check_schema (sqlite3     *db,
              const char  *display,
              GError     **error)
{
  static const char * const history_columns[] = { "id", "label", "merge_key", "created", "undone", "changeset" };
  static const char * const view_state_columns[] = { "key", "value" };
  const IpmsTable *tables;
  guint n_tables;

  if (!check_schema_objects (db, display, IPMS_DOCUMENT_FORMAT_VERSION, error))
    return FALSE;

  if (!table_has_columns (db, "ipms_history", history_columns, G_N_ELEMENTS (history_columns)) ||
      !table_has_columns (db, "ipms_view_state", view_state_columns, G_N_ELEMENTS (view_state_columns)))
    goto unexpected;

  tables = ipms_schema_get_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      g_autofree const char **names = g_new0 (const char *, tables[i].n_columns + 1);

      names[0] = "id";
      for (guint c = 0; c < tables[i].n_columns; c++)
        names[c + 1] = tables[i].columns[c].name;

      if (!table_has_columns (db, tables[i].name, names, tables[i].n_columns + 1))
        goto unexpected;
    }

  return TRUE;

unexpected:
  g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_CORRUPT,
               _("“%s” does not have the structure of an IPMS Planner project."), display);
  return FALSE;
}

static void
set_path (IpmsDocument *self,
          const char   *path)
{
  g_autofree char *drafts = ipms_document_get_drafts_dir ();
  g_autofree char *resolved_drafts = realpath (drafts, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  gboolean is_draft = g_strcmp0 (dir, resolved_drafts != NULL ? resolved_drafts : drafts) == 0;

  g_free (self->path);
  self->path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);

  if (is_draft != self->is_draft)
    {
      self->is_draft = is_draft;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_DRAFT]);
    }
}

static gboolean
query_version (sqlite3     *db,
               const char  *sql,
               const char  *display,
               gint64      *out,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  else
    set_open_error (error, display, rc, sqlite3_errmsg (db));

  sqlite3_finalize (stmt);

  return rc == SQLITE_ROW;
}

/* A copy of `db` in memory, for migrating a file opened read-only. */
static sqlite3 *
copy_to_memory (sqlite3     *db,
                const char  *display,
                GError     **error)
{
  sqlite3_backup *backup;
  sqlite3 *memory;
  int rc;

  memory = open_connection (":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (memory == NULL)
    return NULL;

  backup = sqlite3_backup_init (memory, "main", db, "main");
  if (backup == NULL)
    rc = sqlite3_errcode (memory);
  else
    {
      rc = sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }

  if (rc != SQLITE_OK)
    {
      set_open_error (error, display, rc, sqlite3_errstr (rc));
      sqlite3_close (memory);
      return NULL;
    }

  return memory;
}

/* A WAL-mode file without its -wal side file is whole, but SQLite would
 * create -wal and -shm files next to it even to read it: a read-only view
 * reads it into memory instead, marked as a rollback-journal file there. */
static sqlite3 *
open_wal_in_memory (const char  *resolved,
                    const char  *display,
                    GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  unsigned char *bytes;
  gsize length = 0;
  sqlite3 *db;
  int rc;

  if (!g_file_get_contents (resolved, &contents, &length, &local_error))
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                   _("Cannot open “%s”: %s"), display, local_error->message);
      return NULL;
    }

  db = open_connection (":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (db == NULL)
    return NULL;

  bytes = sqlite3_malloc64 (MAX (length, 1));
  if (bytes == NULL)
    {
      sqlite3_close (db);
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                   _("Cannot open “%s”: %s"), display, g_strerror (ENOMEM));
      return NULL;
    }

  memcpy (bytes, contents, length);
  if (length > 19)
    bytes[18] = bytes[19] = 1;

  rc = sqlite3_deserialize (db, "main", bytes, (sqlite3_int64) length, (sqlite3_int64) length,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  if (rc != SQLITE_OK)
    {
      set_open_error (error, display, rc, sqlite3_errmsg (db));
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/* Files known to be sound.
 *
 * PRAGMA quick_check reads every page: about 60 ms at 10,000 products, and
 * growing with the file. It guards against a file damaged since this
 * application last wrote it (a crash outside SQLite's journal, a bad copy,
 * a disk error) and against a file made by someone else. Neither can have
 * happened to a file that this application closed cleanly and that nobody
 * touched since: then its identity (device, inode), size, and modification
 * and status-change times with nanoseconds are what they were at that
 * close. The status-change time cannot be set from user space, so a copy,
 * an edit or a restored timestamp all show. Such files open without the
 * check; every other file (new to this user, changed elsewhere, or left
 * open by a crash, whose last clean close no longer matches) is checked.
 * The record lives in the user's cache folder, one line per file, and only
 * the newest KNOWN_SOUND_MAX files are kept. */

#define KNOWN_SOUND_MAX 64

static char *
known_sound_store_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "ipms-planner", "checked-files", NULL);
}

/* "<sha256 of the path> <dev> <ino> <size> <mtime ns> <ctime ns>", or NULL
 * when the file cannot be looked at. */
static char *
known_sound_line (const char *resolved)
{
  g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, resolved, -1);
  struct stat st;

  if (stat (resolved, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;

  return g_strdup_printf ("%s %ju %ju %jd %jd.%09ld %jd.%09ld", key,
                          (uintmax_t) st.st_dev, (uintmax_t) st.st_ino, (intmax_t) st.st_size,
                          (intmax_t) st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                          (intmax_t) st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
}

static gboolean
is_known_sound (const char *resolved)
{
  g_autofree char *store = known_sound_store_path ();
  g_autofree char *line = known_sound_line (resolved);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (line == NULL || !g_file_get_contents (store, &contents, NULL, NULL))
    return FALSE;

  lines = g_strsplit (contents, "\n", -1);

  return g_strv_contains ((const char * const *) lines, line);
}

/* Called after a clean close: the file is as this application left it. A
 * failure to record only costs a check on the next open. */
static void
remember_sound (const char *resolved)
{
  g_autofree char *store = known_sound_store_path ();
  g_autofree char *dir = g_path_get_dirname (store);
  g_autofree char *line = known_sound_line (resolved);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = NULL;
  guint n, kept = 0;

  if (line == NULL || g_mkdir_with_parents (dir, 0700) != 0)
    return;

  if (g_file_get_contents (store, &contents, NULL, NULL))
    lines = g_strsplit (contents, "\n", -1);

  out = g_string_new (line);
  g_string_append_c (out, '\n');

  /* Newest first; older lines of the same file go. */
  n = lines != NULL ? g_strv_length (lines) : 0;
  for (guint i = 0; i < n && kept + 1 < KNOWN_SOUND_MAX; i++)
    {
      if (lines[i][0] == '\0' || strncmp (lines[i], line, 64) == 0)
        continue;

      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
      kept++;
    }

  g_file_set_contents_full (store, out->str, (gssize) out->len,
                            G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
}

/* PRAGMA quick_check; a damaged file is refused with SQLite's finding. */
static gboolean
check_integrity (sqlite3     *db,
                 const char  *display,
                 GError     **error)
{
  g_autofree char *check = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    check = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);

  if (g_strcmp0 (check, "ok") != 0)
    {
      g_autofree char *detail = check != NULL ? g_utf8_make_valid (check, -1) : NULL;

      set_open_error (error, display, check != NULL ? SQLITE_CORRUPT : rc, detail);
      return FALSE;
    }

  return TRUE;
}

/* Opens the project at `path`, which is resolved first; `resolved_out`
 * receives the path the document lives at, `checked_out` whether the
 * integrity check ran. */
static sqlite3 *
open_project_file (const char  *path,
                   gboolean     read_only,
                   char       **resolved_out,
                   gboolean    *checked_out,
                   GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *resolved = NULL;
  g_autofree char *wal = NULL;
  gboolean is_wal = FALSE;
  gboolean in_memory = FALSE;
  gboolean checked;
  sqlite3 *db;
  gint64 version;
  gint64 application_id;

  resolved = resolve_existing (path, error);
  if (resolved == NULL ||
      !check_regular_file (path, resolved, error) ||
      !check_name_room (resolved, error) ||
      !check_header (path, resolved, &is_wal, error) ||
      (!read_only && !check_writable (path, resolved, error)))
    return NULL;

  wal = g_strconcat (resolved, "-wal", NULL);
  in_memory = read_only && is_wal && !g_file_test (wal, G_FILE_TEST_EXISTS);

  if (in_memory)
    db = open_wal_in_memory (resolved, display, error);
  else
    db = open_connection (resolved, read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    return NULL;

  if (!exec_sql (db, "PRAGMA cell_size_check = ON; PRAGMA trusted_schema = OFF; PRAGMA foreign_keys = OFF;", error))
    goto fail;

  /* The header was read before SQLite had a chance to roll back a hot
   * journal; read the versions again now that the file is consistent. A
   * lock held by another program shows here first. */
  if (!query_version (db, "PRAGMA application_id", display, &application_id, error) ||
      !query_version (db, "PRAGMA user_version", display, &version, error))
    goto fail;

  if (application_id != IPMS_APPLICATION_ID)
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NOT_A_PROJECT,
                   _("“%s” is not an IPMS Planner project."), display);
      goto fail;
    }

  /* Our files start at version 1; anything lower was not written by us. */
  if (version < 1)
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” is damaged: its format version (%d) is not one IPMS Planner ever wrote."),
                   display, (int) version);
      goto fail;
    }

  if (version > IPMS_DOCUMENT_FORMAT_VERSION)
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of IPMS Planner. Update the application to open it."),
                   display);
      goto fail;
    }

  if (!check_schema_objects (db, display, version, error))
    goto fail;

  checked = !is_known_sound (resolved);
  if (checked && !check_integrity (db, display, error))
    goto fail;

  if (version < IPMS_DOCUMENT_FORMAT_VERSION)
    {
      /* An export must not change the file: migrate a copy in memory. */
      if (read_only && !in_memory)
        {
          sqlite3 *memory = copy_to_memory (db, display, error);

          if (memory == NULL)
            goto fail;

          sqlite3_close (db);
          db = memory;
        }

      if (!exec_sql (db, "BEGIN IMMEDIATE", error))
        goto fail;

      if (!run_migrations (db, version, error) ||
          !check_schema (db, display, error))
        {
          exec_sql (db, "ROLLBACK", NULL);
          goto fail;
        }

      if (!exec_sql (db, "COMMIT", error))
        goto fail;
    }
  else if (!check_schema (db, display, error))
    goto fail;

  if (!read_only &&
      !exec_sql (db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;", error))
    goto fail;

  if (resolved_out != NULL)
    *resolved_out = g_steal_pointer (&resolved);
  if (checked_out != NULL)
    *checked_out = checked;

  return db;

fail:
  sqlite3_close (db);
  return NULL;
}

static gint64
read_data_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

static IpmsDocument *
document_open (const char  *path,
               gboolean     read_only,
               GError     **error)
{
  g_autoptr(IpmsDocument) self = NULL;
  g_autofree char *resolved = NULL;
  gboolean checked = TRUE;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = open_project_file (path, read_only, &resolved, &checked, error);
  if (db == NULL)
    return NULL;

  self = g_object_new (IPMS_TYPE_DOCUMENT, NULL);
  self->db = db;
  self->read_only = read_only;
  self->integrity_checked = checked;
  self->data_version = read_data_version (db);
  set_path (self, resolved);
  update_history_state (self);

  return g_steal_pointer (&self);
}

IpmsDocument *
ipms_document_open (const char  *path,
                    GError     **error)
{
  return document_open (path, FALSE, error);
}

IpmsDocument *
ipms_document_open_read_only (const char  *path,
                              GError     **error)
{
  return document_open (path, TRUE, error);
}

static gboolean
set_write_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  if (is_no_space_errno (saved_errno))
    g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NO_SPACE,
                 _("Cannot write “%s”: the disk is full."), display);
  else
    g_set_error (error, IPMS_DOCUMENT_ERROR,
                 saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS
                   ? IPMS_DOCUMENT_ERROR_READ_ONLY : IPMS_DOCUMENT_ERROR_FAILED,
                 _("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
fsync_path (const char  *path,
            gboolean     directory,
            GError     **error)
{
  int fd = g_open (path, directory ? O_RDONLY | O_DIRECTORY | O_CLOEXEC : O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0)
    return set_write_error (error, errno, path);

  if (fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      return set_write_error (error, saved_errno, path);
    }

  close (fd);
  return TRUE;
}

/* An empty new file next to `target`, under a short name of its own (a
 * name derived from the target's could be too long for the folder). SQLite
 * takes an empty file for an empty database. */
static char *
make_temporary (const char  *target,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *tmp_path = g_build_filename (dir, TEMPORARY_TEMPLATE, NULL);
  int fd;

  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_write_error (error, errno, target);
      return NULL;
    }

  close (fd);

  return g_steal_pointer (&tmp_path);
}

/* Removes a temporary file and whatever SQLite may have left beside it. */
static void
remove_temporary (const char *tmp_path)
{
  g_autofree char *journal = g_strconcat (tmp_path, JOURNAL_SUFFIX, NULL);

  g_unlink (journal);
  g_unlink (tmp_path);
}

/* Moves a finished temporary file to `path`, durably. With `replace` FALSE
 * an existing `path` is never replaced, even one made meanwhile. */
static gboolean
commit_file (const char  *tmp_path,
             const char  *path,
             gboolean     replace,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int rc;

  if (!fsync_path (tmp_path, FALSE, error))
    return FALSE;

  if (replace)
    rc = g_rename (tmp_path, path);
  else
    {
      rc = renameat2 (AT_FDCWD, tmp_path, AT_FDCWD, path, RENAME_NOREPLACE);
      /* A file system without RENAME_NOREPLACE: link() fails on an
       * existing name too. */
      if (rc != 0 && (errno == EINVAL || errno == ENOSYS))
        {
          rc = link (tmp_path, path);
          if (rc == 0)
            g_unlink (tmp_path);
        }
    }

  if (rc != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_EXISTS,
                       _("“%s” already exists."), display);
          return FALSE;
        }

      return set_write_error (error, saved_errno, path);
    }

  return fsync_path (dir, TRUE, error);
}

static gboolean
insert_initial_content (sqlite3     *db,
                        const char  *project_name,
                        GError     **error)
{
  static const struct {
    const char *code;
    const char *label;
  } grades[] = {
    /* Translators: the R grade of a product, its strategic flagship (旗舰) */
    { "R", NC_("product grade", "Flagship") },
    /* Translators: the S grade of a product (战略) */
    { "S", NC_("product grade", "Strategic") },
    /* Translators: the A grade of a product (核心) */
    { "A", NC_("product grade", "Core") },
    /* Translators: the B grade of a product (补充) */
    { "B", NC_("product grade", "Supporting") },
    /* Translators: the F grade of a product, a filler or traffic product (引流) */
    { "F", NC_("product grade", "Traffic") },
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO project (id, name, currency, start_year, plan_year, price_step) "
                           "VALUES (1, ?1, 'USD', ?2, ?2, 5)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, project_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, g_date_time_get_year (now));
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return _ipms_document_set_sqlite_error (error, db, rc, _("Cannot create the project"));

  rc = sqlite3_prepare_v2 (db, "INSERT INTO grade (code, label) VALUES (?1, ?2)", -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (grades); i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, grades[i].code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, g_dpgettext2 (GETTEXT_PACKAGE, "product grade", grades[i].label), -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return _ipms_document_set_sqlite_error (error, db, rc, _("Cannot create the project"));

  return _ipms_search_rebuild (db, error);
}

IpmsDocument *
ipms_document_create (const char  *path,
                      const char  *project_name,
                      GError     **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *display = NULL;
  g_autofree char *resolved = NULL;
  struct stat st;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);

  /* lstat(): a link, even a dangling one, is not ours to replace. */
  if (lstat (path, &st) == 0)
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_EXISTS,
                   _("“%s” already exists."), display);
      return NULL;
    }

  resolved = resolve_target (path, error);
  if (resolved == NULL)
    return NULL;

  tmp_path = make_temporary (resolved, error);
  if (tmp_path == NULL)
    return NULL;

  db = open_connection (tmp_path, SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    {
      remove_temporary (tmp_path);
      return NULL;
    }

  ok = exec_sql (db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; BEGIN IMMEDIATE", error) &&
       run_migrations (db, 0, error) &&
       insert_initial_content (db, project_name != NULL ? project_name : "", error) &&
       exec_sql (db, "COMMIT", error);

  sqlite3_close (db);

  if (!ok || !commit_file (tmp_path, resolved, FALSE, error))
    {
      remove_temporary (tmp_path);
      return NULL;
    }

  return ipms_document_open (resolved, error);
}

char *
ipms_document_get_drafts_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "ipms-planner", "drafts", NULL);
}

IpmsDocument *
ipms_document_new_draft (const char  *project_name,
                         GError     **error)
{
  g_autofree char *dir = ipms_document_get_drafts_dir ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H.%M.%S");

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_READ_ONLY,
                   _("Cannot create the drafts folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  /* The name is taken by creating the file, which refuses one that
   * exists: a check first left a moment for another process (a second
   * window, a test beside this one) to take the same name in the same
   * second, and the draft was then refused as existing. */
  for (guint attempt = 1; attempt < 1000; attempt++)
    {
      g_autofree char *name = attempt == 1
        ? g_strdup_printf ("%s.ipms", stamp)
        : g_strdup_printf ("%s (%u).ipms", stamp, attempt);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) local_error = NULL;
      IpmsDocument *document = ipms_document_create (path, project_name, &local_error);

      if (document != NULL)
        return document;
      if (!g_error_matches (local_error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
               _("Cannot find a free name for a new draft in “%s”."), dir);
  return NULL;
}

static gboolean
refuse_read_only (IpmsDocument  *self,
                  GError       **error)
{
  g_autofree char *display = NULL;

  if (!self->read_only && !self->changed_by_newer)
    return FALSE;

  display = g_filename_display_name (self->path);
  if (self->changed_by_newer)
    g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_TOO_NEW,
                 _("“%s” was changed by a newer version of IPMS Planner and can no longer be edited here. Update the application to go on."),
                 display);
  else
    g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_READ_ONLY,
                 _("“%s” was opened only for reading and cannot be changed."), display);
  return TRUE;
}

/* Writes a consistent copy of the document to `resolved`, replacing it
 * whole or leaving it as it was. */
static gboolean
write_copy (IpmsDocument  *self,
            const char    *resolved,
            GError       **error)
{
  g_autofree char *tmp_path = NULL;
  sqlite3_backup *backup;
  sqlite3 *copy;
  int rc;

  if (self->session != NULL)
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                           _("Cannot save while an edit is in progress."));
      return FALSE;
    }

  if (self->db == NULL)
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                           _("The project is closed."));
      return FALSE;
    }

  tmp_path = make_temporary (resolved, error);
  if (tmp_path == NULL)
    return FALSE;

  copy = open_connection (tmp_path, SQLITE_OPEN_READWRITE, error);
  if (copy == NULL)
    {
      remove_temporary (tmp_path);
      return FALSE;
    }

  backup = sqlite3_backup_init (copy, "main", self->db, "main");
  if (backup == NULL)
    rc = sqlite3_errcode (copy);
  else
    {
      rc = sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }

  /* A copy of a project migrated in memory is in the format of the file. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _ipms_document_set_sqlite_error (error, copy, rc, _("Cannot save the project"));
      sqlite3_close (copy);
      remove_temporary (tmp_path);
      return FALSE;
    }

  sqlite3_close (copy);

  if (!commit_file (tmp_path, resolved, TRUE, error))
    {
      remove_temporary (tmp_path);
      return FALSE;
    }

  return TRUE;
}

gboolean
ipms_document_save_copy (IpmsDocument  *self,
                         const char    *path,
                         GError       **error)
{
  g_autofree char *resolved = NULL;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  settle (self);
  g_return_val_if_fail (path != NULL, FALSE);

  resolved = resolve_target (path, error);

  return resolved != NULL && write_copy (self, resolved, error);
}

gboolean
ipms_document_save_as (IpmsDocument  *self,
                       const char    *path,
                       GError       **error)
{
  g_autofree char *resolved = NULL;
  g_autofree char *old_path = NULL;
  gboolean was_draft;
  sqlite3 *db;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  settle (self);
  g_return_val_if_fail (path != NULL, FALSE);

  resolved = resolve_target (path, error);
  if (resolved == NULL)
    return FALSE;

  /* Saving onto itself: there is nothing to do, unless it was opened
   * only for reading. */
  if (g_strcmp0 (resolved, self->path) == 0)
    return !refuse_read_only (self, error);

  if (!write_copy (self, resolved, error))
    return FALSE;

  db = open_project_file (resolved, FALSE, NULL, NULL, error);
  if (db == NULL)
    return FALSE;

  old_path = g_strdup (self->path);
  was_draft = self->is_draft;

  finalize_statements (self);
  sqlite3_close (self->db);
  self->db = db;
  self->read_only = FALSE;
  self->data_version = read_data_version (db);
  set_path (self, resolved);

  /* The draft now lives on in the saved file. */
  if (was_draft)
    g_unlink (old_path);

  return TRUE;
}

void
ipms_document_close (IpmsDocument *self)
{
  g_return_if_fail (IPMS_IS_DOCUMENT (self));

  if (self->db == NULL)
    return;

  if (self->session != NULL)
    ipms_document_rollback_edit (self);

  finalize_statements (self);
  /* Closed with nothing left behind (no statement open, the journal gone):
   * the next open may skip the integrity check. */
  if (sqlite3_close (self->db) == SQLITE_OK && !self->read_only && self->path != NULL)
    remember_sound (self->path);
  self->db = NULL;
}

gboolean
ipms_document_get_read_only (IpmsDocument *self)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  settle (self);

  return self->read_only;
}

const char *
ipms_document_get_path (IpmsDocument *self)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), NULL);

  return self->path;
}

gboolean
ipms_document_get_is_draft (IpmsDocument *self)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  return self->is_draft;
}

char *
ipms_document_dup_title (IpmsDocument *self)
{
  IpmsRecord *project;
  g_autofree char *basename = NULL;
  char *dot;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), NULL);

  project = ipms_document_get_project (self);
  if (project != NULL && *ipms_record_get_string (project, "name") != '\0')
    return g_strdup (ipms_record_get_string (project, "name"));

  basename = g_path_get_basename (self->path);
  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';

  return g_steal_pointer (&basename);
}

/* Reading */

static const IpmsTable *
lookup_table (const char  *name,
              GError     **error)
{
  const IpmsTable *table = name != NULL ? ipms_schema_lookup_table (name) : NULL;

  if (table == NULL)
    g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_INVALID_VALUE,
                 "No table “%s”", name != NULL ? name : "(null)");

  return table;
}

IpmsRecord *
ipms_document_get_project (IpmsDocument *self)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), NULL);

  if (self->project_id > 0)
    return ipms_document_get_record (self, "project", self->project_id);

  settle (self);
  stmt = prepare (self, "SELECT id FROM project ORDER BY id LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  self->project_id = id;

  return id > 0 ? ipms_document_get_record (self, "project", id) : NULL;
}

IpmsRecord *
ipms_document_get_record (IpmsDocument *self,
                          const char   *table_name,
                          gint64        id)
{
  const IpmsTable *table;
  IpmsRecord *record;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), NULL);

  table = lookup_table (table_name, NULL);
  g_return_val_if_fail (table != NULL, NULL);

  /* A cached record shows the plan as a whole even while a bulk step is
   * pending; the file may hold half of it. */
  record = g_hash_table_lookup (records_of_table (self, table), &id);
  if (record != NULL)
    return record;

  settle (self);

  return refresh_record (self, table, id, TRUE);
}

/* The record of the row `stmt` (a TABLE_COLUMNS select) is on, made from
 * it and cached in `records`, the table's. */
static IpmsRecord *
cache_new_record (IpmsDocument    *self,
                  const IpmsTable *table,
                  GHashTable      *records,
                  gint64           id,
                  sqlite3_stmt    *stmt)
{
  IpmsRecord *record = _ipms_record_new (table, id);

  if (_ipms_record_load (record, stmt))
    note_repaired (self, table, id);
  g_hash_table_insert (records, g_memdup2 (&id, sizeof id), record);

  return record;
}

/* Reads up to `max_rows` rows of `table` after the last one read ahead,
 * in id order, into the records; TRUE once the table has no row left. A
 * row already cached is left as it is: the change notifications keep it
 * up to date. */
static gboolean
read_rows_ahead (IpmsDocument    *self,
                 const IpmsTable *table,
                 guint            max_rows)
{
  g_autofree char *sql = NULL;
  GHashTable *records;
  sqlite3_stmt *stmt;
  guint n_read = 0;
  int rc;

  if (self->read_ahead_table != table)
    {
      self->read_ahead_table = table;
      self->read_ahead_from = G_MININT64;
      self->read_ahead_done = FALSE;
    }
  if (self->read_ahead_done)
    return TRUE;

  sql = g_strdup_printf ("SELECT %s FROM %s AS r WHERE r.id >= ?1 ORDER BY r.id LIMIT ?2",
                         table_sql (table, TABLE_COLUMNS), table->name);
  stmt = prepare (self, sql, NULL);
  /* Reading ahead only spares time: a file that cannot be read is left to
   * the reads that need it, which say so. */
  if (stmt == NULL)
    {
      self->read_ahead_done = TRUE;
      return TRUE;
    }

  sqlite3_bind_int64 (stmt, 1, self->read_ahead_from);
  sqlite3_bind_int64 (stmt, 2, max_rows);
  records = records_of_table (self, table);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      n_read++;
      /* Past the largest id there is none to read. */
      if (id == G_MAXINT64)
        self->read_ahead_done = TRUE;
      else
        self->read_ahead_from = id + 1;
      if (!g_hash_table_contains (records, &id))
        cache_new_record (self, table, records, id, stmt);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE || n_read < max_rows)
    self->read_ahead_done = TRUE;

  return self->read_ahead_done;
}

gboolean
ipms_document_read_ahead (IpmsDocument *self,
                          const char   *table_name,
                          guint         max_rows)
{
  const IpmsTable *table;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), TRUE);

  table = lookup_table (table_name, NULL);
  g_return_val_if_fail (table != NULL, TRUE);

  if (max_rows == 0)
    return self->read_ahead_table == table && self->read_ahead_done;

  /* Amid an edit or a bulk step the file holds half of a change, which the
   * records must not show. */
  if (self->db == NULL || self->session != NULL || self->pending != NULL)
    return FALSE;

  return read_rows_ahead (self, table, max_rows);
}

GPtrArray *
ipms_document_query (IpmsDocument *self,
                     const char   *table_name,
                     const char   *filter_column,
                     gint64        filter_id,
                     const char   *sort_column)
{
  g_autofree char *sql = NULL;
  g_autofree char *where = NULL;
  g_autofree char *order = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  const IpmsTable *table;
  GHashTable *records;
  gboolean ids_only;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), result);

  settle (self);

  table = lookup_table (table_name, NULL);
  g_return_val_if_fail (table != NULL, result);
  g_return_val_if_fail (filter_column == NULL || ipms_table_find_column (table, filter_column) >= 0, result);
  g_return_val_if_fail (sort_column == NULL || ipms_table_find_column (table, sort_column) >= 0, result);

  /* Only schema strings reach the SQL text; the filter value is bound.
   * A reference filters as it reads: one to a missing row counts as NULL. */
  if (filter_column == NULL)
    where = g_strdup ("");
  else
    {
      const IpmsColumn *column = ipms_table_lookup_column (table, filter_column);
      gboolean reference = column->type == IPMS_COLUMN_REFERENCE;

      if (filter_id == IPMS_NULL_ID && reference)
        where = g_strdup_printf (" WHERE (r.%s IS NULL OR NOT EXISTS (SELECT 1 FROM %s WHERE id = r.%s))",
                                 column->name, column->references, column->name);
      else if (filter_id == IPMS_NULL_ID)
        where = g_strdup_printf (" WHERE r.%s IS NULL", column->name);
      else if (reference)
        where = g_strdup_printf (" WHERE r.%s = ?1 AND EXISTS (SELECT 1 FROM %s WHERE id = ?1)",
                                 column->name, column->references);
      else
        where = g_strdup_printf (" WHERE r.%s = ?1", column->name);
    }

  if (sort_column != NULL)
    order = g_strdup_printf (" ORDER BY r.%s, r.id", ipms_table_lookup_column (table, sort_column)->name);
  else
    order = g_strdup (" ORDER BY r.id");

  /* The rest of a table being read ahead is read at once, not row by row
   * as below. */
  if (self->read_ahead_table == table)
    read_rows_ahead (self, table, G_MAXUINT);

  /* Once a table's records are cached (a list rebuilt after an undo, a
   * second list of the same rows), only the ids are read and sorted: the
   * whole rows with their reference checks made sorting 10,000 products
   * by name cost 25 ms. Rows not cached yet are then read one by one. */
  records = records_of_table (self, table);
  ids_only = g_hash_table_size (records) > 0;
  sql = g_strdup_printf ("SELECT %s FROM %s AS r%s%s", ids_only ? "r.id" : table_sql (table, TABLE_COLUMNS),
                         table->name, where, order);

  stmt = prepare (self, sql, NULL);
  if (stmt == NULL)
    return result;

  if (filter_column != NULL && filter_id != IPMS_NULL_ID)
    sqlite3_bind_int64 (stmt, 1, filter_id);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      IpmsRecord *record = g_hash_table_lookup (records, &id);

      if (record == NULL && ids_only)
        {
          record = refresh_record (self, table, id, TRUE);
          if (record == NULL)
            continue;
        }
      else if (record == NULL)
        record = cache_new_record (self, table, records, id, stmt);

      g_ptr_array_add (result, g_object_ref (record));
    }

  sqlite3_reset (stmt);

  return result;
}

guint
ipms_document_count_rows (IpmsDocument *self,
                          const char   *table_name)
{
  g_autofree char *sql = NULL;
  const IpmsTable *table;
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), 0);

  settle (self);

  table = lookup_table (table_name, NULL);
  g_return_val_if_fail (table != NULL, 0);

  sql = g_strdup_printf ("SELECT count(*) FROM %s", table->name);
  stmt = prepare (self, sql, NULL);
  if (stmt == NULL)
    return 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/* Ends a scan of a table that stopped with `rc`. A damaged page ends the
 * loop as the last row would: the caller must not take what it got for the
 * whole table. */
static gboolean
end_scan (IpmsDocument  *self,
          sqlite3_stmt  *stmt,
          int            rc,
          GError       **error)
{
  if (rc != SQLITE_DONE)
    _ipms_document_set_sqlite_error (error, self->db, rc, _("Cannot read the project"));
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

gboolean
ipms_document_foreach_row (IpmsDocument  *self,
                           const char    *table_name,
                           IpmsRowFunc    func,
                           gpointer       user_data,
                           GError       **error)
{
  g_autofree char *sql = NULL;
  const IpmsTable *table;
  sqlite3_stmt *stmt;
  GValue *values;
  int rc;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  settle (self);
  g_return_val_if_fail (func != NULL, FALSE);

  table = lookup_table (table_name, error);
  if (table == NULL)
    return FALSE;

  sql = g_strdup_printf ("SELECT %s FROM %s AS r ORDER BY r.id", table_sql (table, TABLE_COLUMNS), table->name);
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  values = g_new0 (GValue, table->n_columns);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean go_on;

      for (guint i = 0; i < table->n_columns; i++)
        {
          if (G_IS_VALUE (&values[i]))
            g_value_unset (&values[i]);

          /* Valid text is not copied: it lives until the next step, which
           * is all the call needs. */
          if (_ipms_record_read_value (&table->columns[i], stmt, (int) i + 1, TRUE, &values[i]))
            note_repaired (self, table, sqlite3_column_int64 (stmt, 0));
        }

      go_on = func (sqlite3_column_int64 (stmt, 0), values, user_data);

      if (!go_on)
        {
          rc = SQLITE_DONE;
          break;
        }
    }

  for (guint i = 0; i < table->n_columns; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);
  g_free (values);

  return end_scan (self, stmt, rc, error);
}

gboolean
ipms_document_foreach_reference (IpmsDocument      *self,
                                 const char        *table_name,
                                 const char        *column_name,
                                 IpmsReferenceFunc  func,
                                 gpointer           user_data,
                                 GError           **error)
{
  g_autofree char *sql = NULL;
  const IpmsTable *table;
  const IpmsColumn *column;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  settle (self);
  g_return_val_if_fail (func != NULL, FALSE);

  table = lookup_table (table_name, error);
  if (table == NULL)
    return FALSE;
  column = ipms_table_lookup_column (table, column_name);
  g_return_val_if_fail (column != NULL && column->type == IPMS_COLUMN_REFERENCE, FALSE);

  /* Names from the schema only. A reference to a row that is not there
   * reads as none, as a record reads it. */
  sql = g_strdup_printf ("SELECT r.id, (SELECT id FROM %s WHERE id = r.%s) FROM %s AS r ORDER BY r.id",
                         column->references, column->name, table->name);
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!func (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), user_data))
      {
        rc = SQLITE_DONE;
        break;
      }

  return end_scan (self, stmt, rc, error);
}

/* Other programs */

/* Brings every cached record up to date with the file. Which rows another
 * program touched is unknown, so each cached record is read again (lists
 * and views reload on "reloaded"). */
static void
reload (IpmsDocument *self)
{
  g_autoptr(GPtrArray) refreshed = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter tables;
  gpointer table, records;
  sqlite3_stmt *stmt;

  self->project_id = 0;
  /* Another program may have written the index, or emptied it again. */
  if (self->search_index != NULL)
    _ipms_search_index_stop_building (self->search_index);

  /* What this build writes would not fit the newer format. */
  stmt = prepare (self, "PRAGMA user_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW &&
      sqlite3_column_int64 (stmt, 0) > IPMS_DOCUMENT_FORMAT_VERSION)
    self->changed_by_newer = TRUE;
  if (stmt != NULL)
    sqlite3_reset (stmt);

  g_hash_table_iter_init (&tables, self->records);
  while (g_hash_table_iter_next (&tables, &table, &records))
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      GHashTableIter iter;
      gpointer id, record;

      /* refresh_record() drops deleted rows from the table being walked. */
      g_hash_table_iter_init (&iter, records);
      while (g_hash_table_iter_next (&iter, &id, &record))
        {
          g_array_append_val (ids, *(gint64 *) id);
          g_ptr_array_add (refreshed, g_object_ref (record));
        }

      for (guint i = 0; i < ids->len; i++)
        refresh_record (self, table, g_array_index (ids, gint64, i), FALSE);
    }

  update_history_state (self);

  for (guint i = 0; i < refreshed->len; i++)
    _ipms_record_emit_changed (g_ptr_array_index (refreshed, i));

  g_signal_emit (self, signals[RELOADED], 0);
  g_signal_emit (self, signals[CHANGES_DONE], 0);
}

/* TRUE when another connection committed since this one last looked. */
static gboolean
changed_elsewhere (IpmsDocument *self)
{
  gint64 version;

  if (self->db == NULL || self->read_only)
    return FALSE;

  version = read_data_version (self->db);
  if (version < 0 || version == self->data_version)
    return FALSE;

  if (self->data_version < 0)
    {
      self->data_version = version;
      return FALSE;
    }

  self->data_version = version;
  return TRUE;
}

gboolean
ipms_document_check_external_change (IpmsDocument *self)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  settle (self);

  /* Inside an edit this connection holds the write lock: nobody else
   * can have written. */
  if (self->session != NULL || !changed_elsewhere (self))
    return FALSE;

  reload (self);
  return TRUE;
}

/* Starts a write transaction for an edit, an undo or a redo. Under the
 * write lock nobody else can commit, so what another program wrote before
 * is loaded here, and the change is made to the file as it is. */
static gboolean
begin_write (IpmsDocument  *self,
             GError       **error)
{
  if (refuse_read_only (self, error))
    return FALSE;

  if (!exec_sql (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (changed_elsewhere (self))
    {
      reload (self);

      if (refuse_read_only (self, error))
        {
          exec_sql (self->db, "ROLLBACK", NULL);
          return FALSE;
        }
    }

  return TRUE;
}

/* Makes the search index if an import left it to be made. Inside an edit
 * it is made in the edit's transaction; a project that cannot be written
 * here is searched without it (`indexed_out` FALSE). */
gboolean
_ipms_document_prepare_search (IpmsDocument  *self,
                               gboolean      *indexed_out,
                               GError       **error)
{
  gboolean pending = FALSE;

  *indexed_out = TRUE;
  settle (self);

  if (!_ipms_search_is_pending (self->db, &pending, error))
    return FALSE;
  if (!pending)
    return TRUE;

  if (self->session != NULL)
    {
      /* The rows remembered so far are indexed as they are now. */
      _ipms_search_index_forget (get_search_index (self));
      return _ipms_search_rebuild (self->db, error);
    }

  if (self->read_only || self->changed_by_newer)
    {
      *indexed_out = FALSE;
      return TRUE;
    }

  if (!begin_write (self, error))
    return FALSE;

  if (!_ipms_search_rebuild (self->db, error) || !exec_sql (self->db, "COMMIT", error))
    {
      exec_sql (self->db, "ROLLBACK", NULL);
      return FALSE;
    }

  return TRUE;
}

gboolean
_ipms_document_build_search_step (IpmsDocument  *self,
                                  double         budget_ms,
                                  gboolean      *done_out,
                                  GError       **error)
{
  *done_out = TRUE;

  /* Such a project is searched without the index. */
  if (self->db == NULL || self->read_only || self->changed_by_newer)
    return TRUE;

  /* Not inside an edit (an import in slices): later. */
  if (!sqlite3_get_autocommit (self->db))
    {
      *done_out = FALSE;
      return TRUE;
    }

  if (!begin_write (self, error))
    return FALSE;

  if (!_ipms_search_index_build_step (get_search_index (self), budget_ms, done_out, error) ||
      !exec_sql (self->db, "COMMIT", error))
    {
      exec_sql (self->db, "ROLLBACK", NULL);
      _ipms_search_index_stop_building (get_search_index (self));
      *done_out = FALSE;
      return FALSE;
    }

  return TRUE;
}

/* Editing */

static gboolean
require_edit (IpmsDocument  *self,
              GError       **error)
{
  if (self->session == NULL)
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NOT_IN_EDIT,
                           "A change was made outside an edit");
      g_critical ("A change to the document was made outside ipms_document_begin_edit()");
      return FALSE;
    }

  return TRUE;
}

static int
attach_filter (void       *user_data,
               const char *table_name)
{
  return ipms_schema_lookup_table (table_name) != NULL;
}

gboolean
ipms_document_begin_edit (IpmsDocument  *self,
                          const char    *label,
                          const char    *merge_key,
                          GError       **error)
{
  int rc;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  settle (self);
  g_return_val_if_fail (label != NULL, FALSE);

  if (self->db == NULL)
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                           _("The project is closed."));
      return FALSE;
    }

  if (self->session != NULL)
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                           "An edit is already in progress");
      g_critical ("ipms_document_begin_edit() called inside an edit");
      return FALSE;
    }

  if (!begin_write (self, error))
    return FALSE;

  rc = sqlite3session_create (self->db, "main", &self->session);
  if (rc == SQLITE_OK)
    {
      /* Attaching all tables with a filter keeps ipms_history and
       * ipms_view_state out of the undo steps. */
      sqlite3session_table_filter (self->session, attach_filter, NULL);
      rc = sqlite3session_attach (self->session, NULL);
      /* A project not in a file yet (ipms_document_new_unsaved()) keeps no
       * history: recording a whole import would only be thrown away. */
      sqlite3session_enable (self->session, self->path != NULL);
    }

  if (rc != SQLITE_OK)
    {
      g_clear_pointer (&self->session, sqlite3session_delete);
      exec_sql (self->db, "ROLLBACK", NULL);
      return _ipms_document_set_sqlite_error (error, self->db, rc, _("Cannot start an edit"));
    }

  self->inserted_in_edit = g_hash_table_new_full (row_key_hash, row_key_equal, g_free, NULL);
  self->reindex_all = FALSE;
  g_free (self->edit_label);
  self->edit_label = g_strdup (label);
  g_free (self->edit_merge_key);
  self->edit_merge_key = g_strdup (merge_key);

  return TRUE;
}

gboolean
ipms_document_in_edit (IpmsDocument *self)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  return self->session != NULL;
}

static void
end_session (IpmsDocument *self)
{
  g_clear_pointer (&self->session, sqlite3session_delete);
  g_clear_pointer (&self->inserted_in_edit, g_hash_table_unref);
  /* Rolled back or committed: nothing remembered applies any more. */
  if (self->search_index != NULL)
    _ipms_search_index_forget (self->search_index);
  g_clear_pointer (&self->edit_label, g_free);
  g_clear_pointer (&self->edit_merge_key, g_free);
}

void
ipms_document_rollback_edit (IpmsDocument *self)
{
  g_autoptr(GArray) changes = NULL;
  void *bytes = NULL;
  int n_bytes = 0;

  g_return_if_fail (IPMS_IS_DOCUMENT (self));

  if (self->session == NULL)
    return;

  /* Records read during the edit may hold values that are rolled back. */
  if (sqlite3session_changeset (self->session, &n_bytes, &bytes) == SQLITE_OK)
    changes = collect_changes (self, n_bytes, bytes, FALSE);
  sqlite3_free (bytes);

  end_session (self);
  exec_sql (self->db, "ROLLBACK", NULL);

  if (changes != NULL)
    publish_changes (self, changes, FALSE);
}

/* Folds `bytes` into the newest undo step when it is part of the same burst.
 * Returns TRUE when it did. */
static gboolean
merge_into_last_step (IpmsDocument  *self,
                      int            n_bytes,
                      void          *bytes,
                      double         now,
                      gboolean      *merged,
                      GError       **error)
{
  sqlite3_changegroup *group = NULL;
  sqlite3_stmt *stmt;
  void *combined = NULL;
  int n_combined = 0;
  gint64 step_id = 0;
  int rc;

  *merged = FALSE;

  /* The changeset only once the step is one to merge into: the last
   * step may be an import's, megabytes read for every keystroke after it. */
  stmt = prepare (self,
                  "SELECT id, merge_key, created FROM ipms_history "
                  "WHERE undone = 0 ORDER BY id DESC LIMIT 1",
                  error);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW ||
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), self->edit_merge_key) != 0 ||
      now - sqlite3_column_double (stmt, 2) > MERGE_SECONDS)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }

  step_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  stmt = prepare (self, "SELECT changeset FROM ipms_history WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }

  rc = sqlite3changegroup_new (&group);
  if (rc == SQLITE_OK)
    rc = sqlite3changegroup_add (group, sqlite3_column_bytes (stmt, 0),
                                 (void *) sqlite3_column_blob (stmt, 0));
  if (rc == SQLITE_OK)
    rc = sqlite3changegroup_add (group, n_bytes, bytes);
  if (rc == SQLITE_OK)
    rc = sqlite3changegroup_output (group, &n_combined, &combined);

  sqlite3_reset (stmt);
  sqlite3changegroup_delete (group);

  if (rc != SQLITE_OK)
    {
      sqlite3_free (combined);
      return _ipms_document_set_sqlite_error (error, self->db, rc, _("Cannot record the edit"));
    }

  /* A burst that put everything back as it was leaves no step. */
  if (n_combined == 0)
    {
      sqlite3_free (combined);
      stmt = prepare (self, "DELETE FROM ipms_history WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, step_id);
    }
  else
    {
      stmt = prepare (self, "UPDATE ipms_history SET changeset = ?1, created = ?2 WHERE id = ?3", error);
      if (stmt == NULL)
        {
          sqlite3_free (combined);
          return FALSE;
        }

      sqlite3_bind_blob (stmt, 1, combined, n_combined, sqlite3_free);
      sqlite3_bind_double (stmt, 2, now);
      sqlite3_bind_int64 (stmt, 3, step_id);
    }

  if (!step_done (self, stmt, error))
    return FALSE;

  *merged = TRUE;
  return TRUE;
}

static gboolean
record_step (IpmsDocument  *self,
             int            n_bytes,
             void          *bytes,
             GError       **error)
{
  double now = g_get_real_time () / (double) G_USEC_PER_SEC;
  gboolean merged = FALSE;
  gboolean had_redo;
  sqlite3_stmt *stmt;

  had_redo = self->redo_label != NULL;

  stmt = prepare (self, "DELETE FROM ipms_history WHERE undone = 1", error);
  if (stmt == NULL || !step_done (self, stmt, error))
    return FALSE;

  if (self->edit_merge_key != NULL && !had_redo &&
      !merge_into_last_step (self, n_bytes, bytes, now, &merged, error))
    return FALSE;

  if (!merged)
    {
      stmt = prepare (self,
                      "INSERT INTO ipms_history (label, merge_key, created, undone, changeset) "
                      "VALUES (?1, ?2, ?3, 0, ?4)",
                      error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, self->edit_label, -1, SQLITE_STATIC);
      if (self->edit_merge_key != NULL)
        sqlite3_bind_text (stmt, 2, self->edit_merge_key, -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 3, now);
      sqlite3_bind_blob (stmt, 4, bytes, n_bytes, SQLITE_STATIC);

      if (!step_done (self, stmt, error))
        return FALSE;
    }

  stmt = prepare (self,
                  "DELETE FROM ipms_history WHERE id <= "
                  "(SELECT id FROM ipms_history ORDER BY id DESC LIMIT 1 OFFSET ?1)",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->history_limit);

  return step_done (self, stmt, error);
}

gboolean
ipms_document_commit_edit (IpmsDocument  *self,
                           GError       **error)
{
  g_autoptr(GArray) changes = NULL;
  void *bytes = NULL;
  int n_bytes = 0;
  int rc;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  if (!require_edit (self, error))
    return FALSE;

  if (!(self->reindex_all ? defer_search_index (self, error)
                          : _ipms_search_index_update (get_search_index (self), error)))
    {
      ipms_document_rollback_edit (self);
      return FALSE;
    }

  rc = sqlite3session_changeset (self->session, &n_bytes, &bytes);
  if (rc != SQLITE_OK)
    {
      _ipms_document_set_sqlite_error (error, self->db, rc, _("Cannot record the edit"));
      ipms_document_rollback_edit (self);
      return FALSE;
    }

  if (n_bytes > 0 && !record_step (self, n_bytes, bytes, error))
    {
      sqlite3_free (bytes);
      ipms_document_rollback_edit (self);
      return FALSE;
    }

  if (!exec_sql (self->db, "COMMIT", error))
    {
      sqlite3_free (bytes);
      ipms_document_rollback_edit (self);
      return FALSE;
    }

  end_session (self);

  changes = collect_changes (self, n_bytes, bytes, FALSE);
  sqlite3_free (bytes);

  update_history_state (self);
  publish_changes (self, changes, TRUE);

  return TRUE;
}

/* Values */

static gboolean
invalid_value (GError          **error,
               const IpmsTable  *table,
               const IpmsColumn *column,
               const char       *why)
{
  g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_INVALID_VALUE,
               "%s.%s: %s", table->name, column->name, why);
  return FALSE;
}

static gboolean
no_such_row (GError          **error,
             const IpmsTable  *table,
             gint64            id)
{
  g_debug ("No row %" G_GINT64_FORMAT " in “%s”", id, table->name);
  g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NO_SUCH_ROW,
                       _("This item no longer exists: it was deleted, or its creation was undone."));
  return FALSE;
}

static gboolean
reference_exists (IpmsDocument *self,
                  const char   *table_name,
                  gint64        id)
{
  g_autofree char *sql = NULL;
  const IpmsTable *table = ipms_schema_lookup_table (table_name);
  sqlite3_stmt *stmt;
  gboolean exists;

  g_return_val_if_fail (table != NULL, FALSE);

  if (was_inserted (self, table, id))
    return TRUE;

  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table->name);
  stmt = prepare (self, sql, NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return exists;
}

/* Checks `value` against the schema and gives it its canonical type in
 * `out` (left unset for NULL). */
static gboolean
normalize_value (IpmsDocument     *self,
                 const IpmsTable  *table,
                 const IpmsColumn *column,
                 const GValue     *value,
                 GValue           *out,
                 GError          **error)
{
  gboolean is_null = value == NULL || !G_IS_VALUE (value) ||
                     (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) == NULL &&
                      column->type != IPMS_COLUMN_TEXT);

  if (is_null)
    {
      if (column->flags & IPMS_COLUMN_FLAG_REQUIRED)
        return invalid_value (error, table, column, _("a value is required"));
      return TRUE;
    }

  switch (column->type)
    {
    case IPMS_COLUMN_INTEGER:
    case IPMS_COLUMN_REFERENCE:
      {
        GValue as_int = G_VALUE_INIT;
        gint64 number;

        g_value_init (&as_int, G_TYPE_INT64);
        if (G_VALUE_HOLDS_DOUBLE (value) || G_VALUE_HOLDS_STRING (value) ||
            !g_value_transform (value, &as_int))
          return invalid_value (error, table, column, _("expected a whole number"));

        number = g_value_get_int64 (&as_int);

        if (column->type == IPMS_COLUMN_REFERENCE)
          {
            if (number == IPMS_NULL_ID)
              {
                if (column->flags & IPMS_COLUMN_FLAG_REQUIRED)
                  return invalid_value (error, table, column, _("a value is required"));
                return TRUE;
              }

            if (!reference_exists (self, column->references, number))
              return invalid_value (error, table, column, _("refers to a row that does not exist"));
          }
        else if ((column->flags & IPMS_COLUMN_FLAG_BOUNDED) &&
                 (number < column->min || number > column->max))
          return invalid_value (error, table, column, _("the number is out of range"));

        g_value_init (out, G_TYPE_INT64);
        g_value_set_int64 (out, number);
        return TRUE;
      }

    case IPMS_COLUMN_REAL:
      {
        double number;

        if (G_VALUE_HOLDS_DOUBLE (value))
          number = g_value_get_double (value);
        else if (G_VALUE_HOLDS_FLOAT (value))
          number = g_value_get_float (value);
        else if (G_VALUE_HOLDS_INT64 (value))
          number = (double) g_value_get_int64 (value);
        else if (G_VALUE_HOLDS_INT (value))
          number = g_value_get_int (value);
        else if (G_VALUE_HOLDS_UINT (value))
          number = g_value_get_uint (value);
        else
          return invalid_value (error, table, column, _("expected a number"));

        if (!isfinite (number))
          return invalid_value (error, table, column, _("expected a finite number"));

        if ((column->flags & IPMS_COLUMN_FLAG_BOUNDED) &&
            (number < column->min || number > column->max))
          return invalid_value (error, table, column, _("the number is out of range"));

        g_value_init (out, G_TYPE_DOUBLE);
        g_value_set_double (out, number);
        return TRUE;
      }

    case IPMS_COLUMN_TEXT:
    case IPMS_COLUMN_DATE:
    case IPMS_COLUMN_ENUM:
    default:
      {
        const char *text;

        if (!G_VALUE_HOLDS_STRING (value))
          return invalid_value (error, table, column, _("expected text"));

        text = g_value_get_string (value);
        if (text == NULL)
          text = "";

        if (!g_utf8_validate (text, -1, NULL))
          return invalid_value (error, table, column, _("the text is not valid UTF-8"));

        if (column->type == IPMS_COLUMN_DATE && !ipms_date_is_valid (text))
          return invalid_value (error, table, column, _("expected a date as YYYY-MM-DD"));

        if (column->type == IPMS_COLUMN_ENUM && !ipms_column_accepts_choice (column, text))
          return invalid_value (error, table, column, _("not one of the allowed choices"));

        g_value_init (out, G_TYPE_STRING);
        g_value_set_string (out, text);
        return TRUE;
      }
    }
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            const GValue *value)
{
  if (!G_IS_VALUE (value))
    sqlite3_bind_null (stmt, index);
  else if (G_VALUE_HOLDS_INT64 (value))
    sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
  else if (G_VALUE_HOLDS_DOUBLE (value))
    sqlite3_bind_double (stmt, index, g_value_get_double (value));
  else
    sqlite3_bind_text (stmt, index, g_value_get_string (value), -1, SQLITE_TRANSIENT);
}

static void
default_value (const IpmsColumn *column,
               GValue           *out)
{
  if (column->type == IPMS_COLUMN_ENUM && (column->flags & IPMS_COLUMN_FLAG_REQUIRED))
    {
      g_value_init (out, G_TYPE_STRING);
      g_value_set_string (out, column->choices[0].code);
    }
  else if (column->type == IPMS_COLUMN_TEXT && (column->flags & IPMS_COLUMN_FLAG_REQUIRED))
    {
      g_value_init (out, G_TYPE_STRING);
      g_value_set_string (out, "");
    }
}

gint64
ipms_document_insert (IpmsDocument  *self,
                      const char    *table_name,
                      gint64         id,
                      const GValue  *values,
                      GError       **error)
{
  const IpmsTable *table;
  GValue *normalized;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  gint64 new_id = 0;
  int rc;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), 0);

  if (!require_edit (self, error) || (table = lookup_table (table_name, error)) == NULL)
    return 0;

  if (id < 0)
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_INVALID_VALUE,
                   "%s.id: %s", table->name, _("ids are positive numbers"));
      return 0;
    }

  normalized = g_new0 (GValue, table->n_columns);

  for (guint i = 0; ok && i < table->n_columns; i++)
    {
      const GValue *given = values != NULL && G_IS_VALUE (&values[i]) ? &values[i] : NULL;

      if (given == NULL)
        {
          default_value (&table->columns[i], &normalized[i]);
          given = G_IS_VALUE (&normalized[i]) ? &normalized[i] : NULL;
          if (given != NULL)
            continue;
        }

      ok = normalize_value (self, table, &table->columns[i], given, &normalized[i], error);
    }

  if (ok)
    {
      stmt = prepare (self, table_sql (table, TABLE_INSERT), error);
      ok = stmt != NULL;
    }

  if (ok)
    {
      if (id > 0)
        sqlite3_bind_int64 (stmt, 1, id);
      else
        sqlite3_bind_null (stmt, 1);

      for (guint i = 0; i < table->n_columns; i++)
        bind_value (stmt, (int) i + 2, &normalized[i]);

      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);

      if (rc == SQLITE_DONE)
        {
          new_id = sqlite3_last_insert_rowid (self->db);
          mark_inserted (self, table, new_id);
          if (!self->reindex_all)
            _ipms_search_index_inserted (get_search_index (self), table, new_id);
        }
      else if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_INVALID_VALUE,
                     "%s: %s", table->name, sqlite3_errmsg (self->db));
      else
        _ipms_document_set_sqlite_error (error, self->db, rc, _("Cannot write the project"));
    }

  for (guint i = 0; i < table->n_columns; i++)
    if (G_IS_VALUE (&normalized[i]))
      g_value_unset (&normalized[i]);
  g_free (normalized);

  return new_id;
}

/* The bulk path of an import: the JSON reader checked every value against
 * the schema as ipms_document_insert() would (types, bounds, choices, dates,
 * UTF-8, references to rows it inserts first), so they are bound as they
 * are, strings without a copy. Per row that saves the normalized copies, a
 * second UTF-8 pass and a reference lookup, and the statement is found by
 * the table's index instead of by hashing its SQL. */
gboolean
_ipms_document_insert_checked (IpmsDocument     *self,
                               const IpmsTable  *table,
                               gint64            id,
                               const GValue     *values,
                               GError          **error)
{
  guint index = table_index (table);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  if (!require_edit (self, error))
    return FALSE;

  if (self->insert_statements == NULL)
    {
      guint n_tables;

      ipms_schema_get_tables (&n_tables);
      self->insert_statements = g_new0 (sqlite3_stmt *, n_tables);
    }

  stmt = self->insert_statements[index];
  if (stmt == NULL)
    {
      if ((stmt = prepare (self, table_sql (table, TABLE_INSERT), error)) == NULL)
        return FALSE;
      /* Owned by the statement cache, which finalizes it. */
      self->insert_statements[index] = stmt;
    }

  sqlite3_bind_int64 (stmt, 1, id);

  for (guint i = 0; i < table->n_columns; i++)
    {
      const GValue *value = &values[i];

      if (!G_IS_VALUE (value))
        sqlite3_bind_null (stmt, (int) i + 2);
      else if (G_VALUE_HOLDS_INT64 (value))
        sqlite3_bind_int64 (stmt, (int) i + 2, g_value_get_int64 (value));
      else if (G_VALUE_HOLDS_DOUBLE (value))
        sqlite3_bind_double (stmt, (int) i + 2, g_value_get_double (value));
      else
        sqlite3_bind_text (stmt, (int) i + 2, g_value_get_string (value), -1, SQLITE_STATIC);
    }

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  /* No pointer into the caller's strings stays behind. */
  sqlite3_clear_bindings (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_INVALID_VALUE,
                 "%s: %s", table->name, sqlite3_errmsg (self->db));
  else
    _ipms_document_set_sqlite_error (error, self->db, rc, _("Cannot write the project"));

  return FALSE;
}

gboolean
ipms_document_set_value (IpmsDocument  *self,
                         const char    *table_name,
                         gint64         id,
                         const char    *column_name,
                         const GValue  *value,
                         GError       **error)
{
  g_auto(GValue) normalized = G_VALUE_INIT;
  g_autofree char *sql = NULL;
  const IpmsTable *table;
  const IpmsColumn *column;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (column_name != NULL, FALSE);

  if (!require_edit (self, error) || (table = lookup_table (table_name, error)) == NULL)
    return FALSE;

  column = ipms_table_lookup_column (table, column_name);
  if (column == NULL)
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_INVALID_VALUE,
                   "No column “%s” in “%s”", column_name, table->name);
      return FALSE;
    }

  if (!normalize_value (self, table, column, value, &normalized, error))
    return FALSE;

  sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2", table->name, column->name);
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  if (ipms_search_covers (table->name, column->name) && !search_before_write (self, table, id, error))
    return FALSE;

  bind_value (stmt, 1, &normalized);
  sqlite3_bind_int64 (stmt, 2, id);

  if (!step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      return no_such_row (error, table, id);
    }

  return TRUE;
}

gboolean
ipms_document_set_string (IpmsDocument  *self,
                          const char    *table,
                          gint64         id,
                          const char    *column,
                          const char    *value,
                          GError       **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  if (value == NULL)
    return ipms_document_set_null (self, table, id, column, error);

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);

  return ipms_document_set_value (self, table, id, column, &gvalue, error);
}

gboolean
ipms_document_set_int (IpmsDocument  *self,
                       const char    *table,
                       gint64         id,
                       const char    *column,
                       gint64         value,
                       GError       **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_INT64);
  g_value_set_int64 (&gvalue, value);

  return ipms_document_set_value (self, table, id, column, &gvalue, error);
}

gboolean
ipms_document_set_double (IpmsDocument  *self,
                          const char    *table,
                          gint64         id,
                          const char    *column,
                          double         value,
                          GError       **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_DOUBLE);
  g_value_set_double (&gvalue, value);

  return ipms_document_set_value (self, table, id, column, &gvalue, error);
}

gboolean
ipms_document_set_null (IpmsDocument  *self,
                        const char    *table,
                        gint64         id,
                        const char    *column,
                        GError       **error)
{
  return ipms_document_set_value (self, table, id, column, NULL, error);
}

static GArray *
query_ids (IpmsDocument  *self,
           const char    *sql,
           gint64         bound,
           GError       **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  GArray *ids;
  int rc;

  if (stmt == NULL)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_bind_int64 (stmt, 1, bound);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _ipms_document_set_sqlite_error (error, self->db, rc, _("Cannot read the project"));
      g_array_unref (ids);
      return NULL;
    }

  return ids;
}

/* Explicit rather than ON DELETE CASCADE: a cascade inside SQLite would
 * be replayed twice by redo (the changeset already holds its rows). */
static gboolean
delete_row (IpmsDocument     *self,
            const IpmsTable  *table,
            gint64            id,
            guint             depth,
            GError          **error)
{
  g_autofree char *sql = NULL;
  const IpmsTable *tables;
  sqlite3_stmt *stmt;
  guint n_tables;

  /* The schema's references form a tree a few levels deep. */
  g_return_val_if_fail (depth < 16, FALSE);

  tables = ipms_schema_get_tables (&n_tables);

  for (guint t = 0; t < n_tables; t++)
    {
      for (guint c = 0; c < tables[t].n_columns; c++)
        {
          const IpmsColumn *column = &tables[t].columns[c];
          g_autofree char *ref_sql = NULL;

          if (column->type != IPMS_COLUMN_REFERENCE || g_strcmp0 (column->references, table->name) != 0)
            continue;

          if (column->flags & IPMS_COLUMN_FLAG_OWNED_BY)
            {
              g_autoptr(GArray) owned = NULL;

              ref_sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1", tables[t].name, column->name);
              owned = query_ids (self, ref_sql, id, error);
              if (owned == NULL)
                return FALSE;

              for (guint i = 0; i < owned->len; i++)
                if (!delete_row (self, &tables[t], g_array_index (owned, gint64, i), depth + 1, error))
                  return FALSE;
            }
          else
            {
              ref_sql = g_strdup_printf ("UPDATE %s SET %s = NULL WHERE %s = ?1",
                                         tables[t].name, column->name, column->name);
              stmt = prepare (self, ref_sql, error);
              if (stmt == NULL)
                return FALSE;

              sqlite3_bind_int64 (stmt, 1, id);
              if (!step_done (self, stmt, error))
                return FALSE;
            }
        }
    }

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table->name);
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  forget_inserted (self, table, id);
  if (!search_before_write (self, table, id, error))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return step_done (self, stmt, error);
}

gboolean
ipms_document_delete (IpmsDocument  *self,
                      const char    *table_name,
                      gint64         id,
                      GError       **error)
{
  const IpmsTable *table;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  if (!require_edit (self, error) || (table = lookup_table (table_name, error)) == NULL)
    return FALSE;

  if (!reference_exists (self, table->name, id))
    {
      return no_such_row (error, table, id);
    }

  return delete_row (self, table, id, 0, error);
}

gboolean
ipms_document_delete_everything (IpmsDocument  *self,
                                 GError       **error)
{
  const IpmsTable *tables;
  guint n_tables;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  if (!require_edit (self, error))
    return FALSE;

  tables = ipms_schema_get_tables (&n_tables);
  g_hash_table_remove_all (self->inserted_in_edit);
  /* Whatever follows (an import) is indexed in one pass at commit. */
  if (self->search_index != NULL)
    _ipms_search_index_forget (self->search_index);
  self->reindex_all = TRUE;

  /* Dependents first. */
  for (guint t = n_tables; t > 0; t--)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", tables[t - 1].name);
      sqlite3_stmt *stmt = prepare (self, sql, error);

      if (stmt == NULL || !step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
ipms_document_edit_value (IpmsDocument  *self,
                          const char    *label,
                          const char    *merge_key,
                          const char    *table,
                          gint64         id,
                          const char    *column,
                          const GValue  *value,
                          GError       **error)
{
  if (!ipms_document_begin_edit (self, label, merge_key, error))
    return FALSE;

  if (!ipms_document_set_value (self, table, id, column, value, error))
    {
      ipms_document_rollback_edit (self);
      return FALSE;
    }

  return ipms_document_commit_edit (self, error);
}

/* Undo and redo */

gboolean
ipms_document_can_undo (IpmsDocument *self)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  settle (self);

  return self->undo_label != NULL && self->session == NULL;
}

gboolean
ipms_document_can_redo (IpmsDocument *self)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  settle (self);

  return self->redo_label != NULL && self->session == NULL;
}

const char *
ipms_document_get_undo_label (IpmsDocument *self)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), NULL);

  settle (self);

  return self->undo_label;
}

const char *
ipms_document_get_redo_label (IpmsDocument *self)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), NULL);

  settle (self);

  return self->redo_label;
}

static int
apply_conflict (void                   *user_data,
                int                     conflict,
                sqlite3_changeset_iter *iter)
{
  int op = 0;
  int n_columns, indirect;
  const char *table;

  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);

  /* Deleting a row that is already gone reaches the same state. */
  if (conflict == SQLITE_CHANGESET_NOTFOUND && op == SQLITE_DELETE)
    return SQLITE_CHANGESET_OMIT;

  return SQLITE_CHANGESET_ABORT;
}

/* Bulk steps.
 *
 * Undoing or redoing a step of more than IPMS_DOCUMENT_BULK_ROWS rows (an
 * import, a large delete) is too much for one main-loop iteration: at
 * 10,000 products applying the changeset takes over 100 ms, reading the
 * changed rows again about 50 ms, and the views rebuild on "reloaded" for
 * as long again. Such a step is applied in slices of about BULK_SLICE_MS
 * from an idle, with one writer throughout: the write transaction undo()
 * or redo() began stays open until the step is committed.
 *
 *  1. apply: the changeset cut into pieces of BULK_CHUNK_ROWS changes
 *     (split_changeset()), applied one after the other;
 *  2. read: the new values of every cached record the step touches, read
 *     ahead and kept aside (the records themselves are left as they are);
 *  3. commit: the step flagged done, the search index left to be made
 *     again (the search panel makes it in background steps), COMMIT;
 *  4. publish: the values kept aside go into the records at once, then
 *     "reloaded" and "changes-done", as for any step.
 *
 * Until 4 the cached records show the whole plan as it was before the
 * step: views draw from them and never see half of it. Whatever would read
 * the file itself (a query, a record not cached yet, an edit, another
 * undo, saving) first runs the rest of the step at once (settle()), so no
 * caller reads half a step either. "busy" is TRUE meanwhile, for a window
 * to show progress and hold edits back. A failure rolls the whole step
 * back; ipms_document_take_step_error() tells why. */

#define BULK_SLICE_MS 8
#define BULK_CHUNK_ROWS 256

typedef enum
{
  PENDING_APPLY,
  PENDING_READ,
  PENDING_COMMIT,
  PENDING_PUBLISH,
} PendingPhase;

typedef struct _PendingStep
{
  gboolean      undo;
  gint64        step_id;
  PendingPhase  phase;
  GPtrArray    *chunks;      /* GBytes, changesets applied in order */
  guint         next_chunk;
  GArray       *changes;     /* RowChange, of the whole step */
  gboolean     *gone;        /* per change: its cached record's row is gone */
  guint         next_read;
  guint         source;
} PendingStep;

static void
pending_step_free (IpmsDocument *self,
                   PendingStep  *step)
{
  for (guint i = 0; i < step->changes->len; i++)
    {
      IpmsRecord *record = g_array_index (step->changes, RowChange, i).record;

      if (record != NULL)
        _ipms_record_drop_staged (record);
    }
  g_free (step->gone);
  g_clear_handle_id (&step->source, g_source_remove);
  g_clear_pointer (&step->chunks, g_ptr_array_unref);
  g_array_unref (step->changes);
  g_free (step);
}

/* SQLite's varint: 1 to 9 bytes, most significant first, 7 bits a byte
 * with the high bit saying more follow, all 8 bits of a ninth. */
static gboolean
read_varint (const guchar *data,
             gsize         size,
             gsize        *pos,
             guint64      *value_out)
{
  guint64 value = 0;

  for (guint i = 0; i < 9; i++)
    {
      guchar byte;

      if (*pos >= size)
        return FALSE;
      byte = data[(*pos)++];

      if (i == 8)
        {
          *value_out = (value << 8) | byte;
          return TRUE;
        }

      value = (value << 7) | (byte & 0x7f);
      if ((byte & 0x80) == 0)
        {
          *value_out = value;
          return TRUE;
        }
    }

  return FALSE;
}

/* Skips `n_columns` values of a change record. */
static gboolean
skip_values (const guchar *data,
             gsize         size,
             gsize        *pos,
             guint64       n_columns)
{
  for (guint64 i = 0; i < n_columns; i++)
    {
      guint64 length = 0;
      guchar type;

      if (*pos >= size)
        return FALSE;
      type = data[(*pos)++];

      switch (type)
        {
        case 0: /* undefined: a column an update leaves alone */
        case SQLITE_NULL:
          break;

        case SQLITE_INTEGER:
        case SQLITE_FLOAT:
          length = 8;
          break;

        case SQLITE_TEXT:
        case SQLITE_BLOB:
          if (!read_varint (data, size, pos, &length))
            return FALSE;
          break;

        default:
          return FALSE;
        }

      if (length > size - *pos)
        return FALSE;
      *pos += length;
    }

  return TRUE;
}

/* Cuts a changeset (SQLite's format: per table a header 'T', the number of
 * columns, the primary key flags and the name, then its changes) into
 * changesets of at most `max_changes` changes, each starting with the
 * header of the table it continues: applied in order, they do what the
 * whole does. NULL when `data` is not a changeset as SQLite writes them;
 * sqlite3changegroup_add_change(), which would do this, is newer than the
 * SQLite we build with. */
static GPtrArray *
split_changeset (const guchar *data,
                 gsize         size,
                 guint         max_changes)
{
  g_autoptr(GPtrArray) chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GByteArray) chunk = NULL;
  gsize pos = 0, header = 0, header_end = 0;
  guint64 n_columns = 0;
  guint n_changes = 0;

  while (pos < size)
    {
      guchar op = data[pos];
      gsize start = pos;

      if (op == 'T')
        {
          const guchar *name_end;

          pos++;
          if (!read_varint (data, size, &pos, &n_columns) || n_columns == 0 ||
              n_columns > size - pos)
            return NULL;
          pos += n_columns;
          name_end = memchr (data + pos, '\0', size - pos);
          if (name_end == NULL)
            return NULL;
          header = start;
          header_end = (gsize) (name_end - data) + 1;
          pos = header_end;
          /* A piece may hold the end of one table and the start of the next. */
          if (chunk != NULL)
            g_byte_array_append (chunk, data + header, (guint) (header_end - header));
          continue;
        }

      if (header_end == 0 || (op != SQLITE_INSERT && op != SQLITE_DELETE && op != SQLITE_UPDATE))
        return NULL;

      pos += 2; /* the operation, the "indirect" flag */
      if (pos > size || !skip_values (data, size, &pos, op == SQLITE_UPDATE ? 2 * n_columns : n_columns))
        return NULL;

      if (chunk != NULL && n_changes == max_changes)
        {
          g_ptr_array_add (chunks, g_byte_array_free_to_bytes (g_steal_pointer (&chunk)));
          n_changes = 0;
        }
      if (chunk == NULL)
        {
          chunk = g_byte_array_new ();
          g_byte_array_append (chunk, data + header, (guint) (header_end - header));
        }
      g_byte_array_append (chunk, data + start, (guint) (pos - start));
      n_changes++;
    }

  if (chunk != NULL)
    g_ptr_array_add (chunks, g_byte_array_free_to_bytes (g_steal_pointer (&chunk)));

  return g_steal_pointer (&chunks);
}

static gboolean
apply_changeset (IpmsDocument  *self,
                 gboolean       undo,
                 int            n_bytes,
                 void          *bytes,
                 GError       **error)
{
  int rc;

  /* The changeset already holds whatever triggers would do. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  rc = sqlite3changeset_apply_v2 (self->db, n_bytes, bytes, NULL, apply_conflict, self,
                                  NULL, NULL, undo ? SQLITE_CHANGESETAPPLY_INVERT : 0);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL);

  if (rc != SQLITE_OK)
    return _ipms_document_set_sqlite_error (error, self->db, rc,
                  undo ? _("Cannot undo: the history does not match the project")
                       : _("Cannot redo: the history does not match the project"));

  return TRUE;
}

static gboolean
flag_step (IpmsDocument  *self,
           gint64         step_id,
           gboolean       undone,
           GError       **error)
{
  sqlite3_stmt *stmt = prepare (self, "UPDATE ipms_history SET undone = ?1 WHERE id = ?2", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, undone ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, step_id);

  return step_done (self, stmt, error);
}

/* Stages the values the row of `change` has now (in the open transaction)
 * beside its record; `gone_out` when there is no such row any more. */
static gboolean
read_ahead (IpmsDocument     *self,
            const RowChange  *change,
            gboolean         *gone_out,
            GError          **error)
{
  sqlite3_stmt *stmt = prepare (self, table_sql (change->table, TABLE_SELECT_ONE), error);
  int rc;

  *gone_out = TRUE;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, change->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gboolean repaired;

      _ipms_record_stage_row (change->record, _ipms_record_read_row (change->table, stmt, &repaired));
      if (repaired)
        note_repaired (self, change->table, change->id);
      *gone_out = FALSE;
    }
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE ||
         _ipms_document_set_sqlite_error (error, self->db, rc, _("Cannot read the project"));
}

/* The step failed: nothing of it stays, in the file or the records. */
static void
fail_pending (IpmsDocument *self,
              GError       *error)
{
  PendingStep *step = g_steal_pointer (&self->pending);

  _ipms_search_index_forget (get_search_index (self));
  exec_sql (self->db, "ROLLBACK", NULL);
  pending_step_free (self, step);

  g_clear_error (&self->step_error);
  self->step_error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

typedef struct
{
  const IpmsTable *table;
  GValue          *values;
} OldRow;

static gboolean
free_old_rows_cb (gpointer data)
{
  GArray *rows = data;

  for (guint i = 0; i < rows->len; i++)
    {
      OldRow *row = &g_array_index (rows, OldRow, i);

      _ipms_record_free_row (row->table, row->values);
    }
  g_array_unref (rows);

  return G_SOURCE_REMOVE;
}

static void
publish_pending (IpmsDocument *self)
{
  PendingStep *step = g_steal_pointer (&self->pending);
  g_autoptr(GArray) changes = g_array_ref (step->changes);
  /* Freeing 20,000 rows of old values is 10 ms of a slice that is long
   * enough: later, in an idle of its own. */
  GArray *old_rows = g_array_new (FALSE, FALSE, sizeof (OldRow));

  for (guint i = 0; i < changes->len; i++)
    {
      RowChange *change = &g_array_index (changes, RowChange, i);

      if (change->change != IPMS_ROW_UPDATED && g_str_equal (change->table->name, "project"))
        self->project_id = 0;

      if (change->record == NULL)
        continue;

      if (change->change != IPMS_ROW_DELETED && !step->gone[i])
        {
          OldRow row = { change->table, _ipms_record_take_staged (change->record) };

          g_array_append_val (old_rows, row);
        }
      else
        {
          _ipms_record_mark_deleted (change->record);
          g_hash_table_remove (records_of_table (self, change->table), &change->id);
        }
    }
  pending_step_free (self, step);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, free_old_rows_cb, old_rows, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  update_history_state (self);
  emit_changes (self, changes);
}

/* Works on the pending step for about BULK_SLICE_MS, or until it is done
 * with `all`. Each phase after applying takes a slice of its own. */
static void
run_pending (IpmsDocument *self,
             gboolean      all)
{
  PendingStep *step = self->pending;
  gint64 deadline = g_get_monotonic_time () + BULK_SLICE_MS * 1000;
  GError *error = NULL;

  while (step->phase == PENDING_APPLY)
    {
      GBytes *chunk;
      gsize size;

      if (step->next_chunk == step->chunks->len)
        {
          /* Freed in a slice rather than with the rest. */
          g_clear_pointer (&step->chunks, g_ptr_array_unref);
          step->phase = PENDING_READ;
          break;
        }

      if (!all && g_get_monotonic_time () > deadline)
        return;

      chunk = g_ptr_array_index (step->chunks, step->next_chunk);
      if (!apply_changeset (self, step->undo, (int) g_bytes_get_size (chunk),
                            (void *) g_bytes_get_data (chunk, &size), &error))
        {
          fail_pending (self, error);
          return;
        }
      step->next_chunk++;
    }

  while (step->phase == PENDING_READ)
    {
      RowChange *change;
      IpmsRecord *cached;

      if (step->next_read == step->changes->len)
        {
          step->phase = PENDING_COMMIT;
          break;
        }

      /* Checking the clock per row would cost more than reading some. */
      if (!all && step->next_read % 64 == 0 && g_get_monotonic_time () > deadline)
        return;

      change = &g_array_index (step->changes, RowChange, step->next_read);
      cached = g_hash_table_lookup (records_of_table (self, change->table), &change->id);
      if (cached != NULL)
        {
          change->record = g_object_ref (cached);
          if (change->change != IPMS_ROW_DELETED &&
              !read_ahead (self, change, &step->gone[step->next_read], &error))
            {
              fail_pending (self, error);
              return;
            }
        }
      step->next_read++;
    }

  if (!all && g_get_monotonic_time () > deadline)
    return;

  if (step->phase == PENDING_COMMIT)
    {
      if (!flag_step (self, step->step_id, step->undo, &error) ||
          !defer_search_index (self, &error) ||
          !exec_sql (self->db, "COMMIT", &error))
        {
          fail_pending (self, error);
          return;
        }
      step->phase = PENDING_PUBLISH;
      if (!all)
        return;
    }

  publish_pending (self);
}

static gboolean
pending_slice_cb (gpointer data)
{
  IpmsDocument *self = data;

  self->pending->source = 0;
  run_pending (self, FALSE);
  /* Other sources (frames, input) come between slices. */
  if (self->pending != NULL)
    self->pending->source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, pending_slice_cb, self, NULL);

  return G_SOURCE_REMOVE;
}

/* Runs the rest of a pending step at once: what comes next reads the file. */
static void
settle (IpmsDocument *self)
{
  if (self->pending != NULL)
    run_pending (self, TRUE);
}

/* Takes over the open write transaction, the step's changeset and its
 * `changes`. */
static void
begin_pending (IpmsDocument *self,
               gboolean      undo,
               gint64        step_id,
               GBytes       *changeset,
               GArray       *changes)
{
  PendingStep *step = g_new0 (PendingStep, 1);
  gsize size;
  const guchar *data = g_bytes_get_data (changeset, &size);

  step->undo = undo;
  step->step_id = step_id;
  step->changes = changes;
  step->gone = g_new0 (gboolean, changes->len);
  step->chunks = split_changeset (data, size, BULK_CHUNK_ROWS);
  /* SQLite reads it at once then, and says if it is damaged. */
  if (step->chunks == NULL)
    {
      step->chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
      g_ptr_array_add (step->chunks, g_bytes_ref (changeset));
    }
  step->source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, pending_slice_cb, self, NULL);

  g_clear_error (&self->step_error);
  self->pending = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static gboolean
apply_step (IpmsDocument  *self,
            gboolean       undo,
            GError       **error)
{
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GBytes) changeset = NULL;
  sqlite3_stmt *stmt;
  gint64 step_id;
  gsize n_bytes;
  void *bytes;

  settle (self);

  if (self->session != NULL)
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                           _("Cannot undo or redo while an edit is in progress."));
      return FALSE;
    }

  if (self->db == NULL)
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                           _("The project is closed."));
      return FALSE;
    }

  /* The step is read under the write lock: another program may have
   * undone or added steps. */
  if (!begin_write (self, error))
    return FALSE;

  stmt = prepare (self,
                  undo ? "SELECT id, changeset FROM ipms_history WHERE undone = 0 ORDER BY id DESC LIMIT 1"
                       : "SELECT id, changeset FROM ipms_history WHERE undone = 1 ORDER BY id ASC LIMIT 1",
                  error);
  if (stmt == NULL)
    {
      exec_sql (self->db, "ROLLBACK", NULL);
      return FALSE;
    }

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      exec_sql (self->db, "ROLLBACK", NULL);
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                           undo ? _("There is nothing to undo.") : _("There is nothing to redo."));
      return FALSE;
    }

  step_id = sqlite3_column_int64 (stmt, 0);
  changeset = g_bytes_new (sqlite3_column_blob (stmt, 1), (gsize) sqlite3_column_bytes (stmt, 1));
  sqlite3_reset (stmt);
  bytes = (void *) g_bytes_get_data (changeset, &n_bytes);

  changes = collect_changes (self, (int) n_bytes, bytes, undo);
  if (changes->len > IPMS_DOCUMENT_BULK_ROWS)
    {
      begin_pending (self, undo, step_id, changeset, g_steal_pointer (&changes));
      return TRUE;
    }

  /* The index removes a row's old text: it is read before the step
   * changes it. */
  for (guint i = 0; i < changes->len; i++)
    {
      const RowChange *change = &g_array_index (changes, RowChange, i);

      if (!_ipms_search_index_before (get_search_index (self), change->table, change->id, error))
        {
          _ipms_search_index_forget (self->search_index);
          exec_sql (self->db, "ROLLBACK", NULL);
          return FALSE;
        }
    }

  if (!apply_changeset (self, undo, (int) n_bytes, bytes, error) ||
      !flag_step (self, step_id, undo, error) ||
      !_ipms_search_index_update (get_search_index (self), error) ||
      !exec_sql (self->db, "COMMIT", error))
    {
      _ipms_search_index_forget (get_search_index (self));
      exec_sql (self->db, "ROLLBACK", NULL);
      return FALSE;
    }

  update_history_state (self);
  publish_changes (self, changes, TRUE);

  return TRUE;
}

gboolean
ipms_document_undo (IpmsDocument  *self,
                    GError       **error)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  return apply_step (self, TRUE, error);
}

gboolean
ipms_document_redo (IpmsDocument  *self,
                    GError       **error)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  return apply_step (self, FALSE, error);
}

gboolean
ipms_document_forget_history (IpmsDocument  *self,
                              GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  settle (self);

  if (self->session != NULL)
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                           "Cannot forget the history during an edit");
      return FALSE;
    }

  if (refuse_read_only (self, error))
    return FALSE;

  stmt = prepare (self, "DELETE FROM ipms_history", error);
  if (stmt == NULL || !step_done (self, stmt, error))
    return FALSE;

  update_history_state (self);

  return TRUE;
}

guint
ipms_document_get_history_limit (IpmsDocument *self)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), 0);

  return self->history_limit;
}

void
ipms_document_set_history_limit (IpmsDocument *self,
                                 guint         limit)
{
  g_return_if_fail (IPMS_IS_DOCUMENT (self));
  g_return_if_fail (limit > 0);

  if (self->history_limit == limit)
    return;

  self->history_limit = limit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY_LIMIT]);
}

/* View state */

char *
ipms_document_dup_view_state (IpmsDocument *self,
                              const char   *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), NULL);

  settle (self);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = prepare (self, "SELECT value FROM ipms_view_state WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, 0),
                               sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

void
ipms_document_set_view_state (IpmsDocument *self,
                              const char   *key,
                              const char   *value)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_return_if_fail (IPMS_IS_DOCUMENT (self));

  settle (self);
  g_return_if_fail (key != NULL);

  if (self->read_only || self->changed_by_newer)
    return;

  stmt = prepare (self, "INSERT OR REPLACE INTO ipms_view_state (key, value) VALUES (?1, ?2)", &error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
      step_done (self, stmt, &error);
    }

  /* View state is a comfort: losing it must never disturb the user. */
  if (error != NULL)
    g_debug ("Cannot keep view state “%s”: %s", key, error->message);
}

/* Whole projects made at once, and consistent reads (JSON import and
 * export) */

IpmsDocument *
ipms_document_new_unsaved (const char  *project_name,
                           GError     **error)
{
  g_autoptr(IpmsDocument) self = NULL;
  sqlite3 *db;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Nothing reaches the disk until the caller writes the whole file, so a
   * process killed on the way leaves nothing behind. */
  db = open_connection (":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY, error);
  if (db == NULL)
    return NULL;

  if (!exec_sql (db, "BEGIN", error) ||
      !run_migrations (db, 0, error) ||
      !insert_initial_content (db, project_name != NULL ? project_name : "", error) ||
      !exec_sql (db, "COMMIT", error))
    {
      sqlite3_close (db);
      return NULL;
    }

  self = g_object_new (IPMS_TYPE_DOCUMENT, NULL);
  self->db = db;
  update_history_state (self);

  return g_steal_pointer (&self);
}

IpmsDocument *
ipms_document_snapshot (IpmsDocument  *self,
                        GError       **error)
{
  g_autofree char *display = NULL;
  IpmsDocument *copy;
  sqlite3 *db;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), NULL);

  settle (self);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->db == NULL)
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                           _("The project is closed."));
      return NULL;
    }

  if (self->session != NULL)
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_BUSY,
                           _("The plan is being changed: try again when the change is done."));
      return NULL;
    }

  /* The backup API copies pages under the connection's read lock, so the
   * copy is one consistent state of the file. A separate connection read
   * from another thread would not do: with a rollback journal its read
   * lock would make every edit of the window wait (or fail) for the whole
   * export. A memory copy costs a few milliseconds per megabyte. */
  display = self->path != NULL ? g_filename_display_name (self->path) : g_strdup ("");
  db = copy_to_memory (self->db, display, error);
  if (db == NULL)
    return NULL;

  copy = g_object_new (IPMS_TYPE_DOCUMENT, NULL);
  copy->db = db;
  copy->read_only = TRUE;
  copy->integrity_checked = self->integrity_checked;
  copy->data_version = read_data_version (db);
  copy->path = g_strdup (self->path);
  copy->is_draft = self->is_draft;
  update_history_state (copy);

  return copy;
}

GBytes *
ipms_document_serialize (IpmsDocument  *self,
                         GError       **error)
{
  sqlite3_int64 size = 0;
  unsigned char *data;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), NULL);

  settle (self);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->db == NULL)
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                           _("The project is closed."));
      return NULL;
    }

  if (self->session != NULL)
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                           _("Cannot save while an edit is in progress."));
      return NULL;
    }

  data = sqlite3_serialize (self->db, "main", &size, 0);
  if (data == NULL)
    {
      _ipms_document_set_sqlite_error (error, self->db, SQLITE_NOMEM, _("Cannot save the project"));
      return NULL;
    }

  return g_bytes_new_with_free_func (data, (gsize) size, sqlite3_free, data);
}

gboolean
ipms_document_begin_read (IpmsDocument  *self,
                          GError       **error)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  settle (self);

  if (self->db == NULL)
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                           _("The project is closed."));
      return FALSE;
    }

  if (self->read_depth > 0)
    {
      self->read_depth++;
      return TRUE;
    }

  /* Inside an edit the reads already share its transaction. */
  if (!sqlite3_get_autocommit (self->db))
    return TRUE;

  if (!exec_sql (self->db, "BEGIN", error))
    return FALSE;

  self->read_depth = 1;
  return TRUE;
}

void
ipms_document_end_read (IpmsDocument *self)
{
  g_return_if_fail (IPMS_IS_DOCUMENT (self));

  /* Zero when begin_read() found an edit's transaction. */
  if (self->read_depth == 0)
    return;

  if (--self->read_depth == 0 && self->db != NULL)
    exec_sql (self->db, "COMMIT", NULL);
}

sqlite3 *
_ipms_document_get_db (IpmsDocument *self)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), NULL);

  settle (self);

  return self->db;
}

gboolean
_ipms_document_get_integrity_checked (IpmsDocument *self)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  return self->integrity_checked;
}

gboolean
ipms_document_get_busy (IpmsDocument *self)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), FALSE);

  return self->pending != NULL;
}

double
ipms_document_get_progress (IpmsDocument *self)
{
  PendingStep *step;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), 0);

  step = self->pending;
  if (step == NULL)
    return 1;

  if (step->phase == PENDING_APPLY)
    return 2.0 / 3.0 * step->next_chunk / step->chunks->len;

  /* Applying takes about twice as long as reading ahead. */
  return (2.0 + (double) step->next_read / MAX (step->changes->len, 1)) / 3.0;
}

void
ipms_document_settle (IpmsDocument *self)
{
  g_return_if_fail (IPMS_IS_DOCUMENT (self));

  settle (self);
}

GError *
ipms_document_take_step_error (IpmsDocument *self)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (self), NULL);

  return g_steal_pointer (&self->step_error);
}
