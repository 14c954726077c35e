/* test-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search across the plan: English and Chinese substrings of every length,
 * an index that follows edits, undo, redo and import, is rebuilt for files
 * from before it, stays out of the undo history and the JSON export, and
 * works on a read-only document.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ipms-document.h"
#include "ipms-document-private.h"
#include "ipms-example.h"
#include "ipms-json.h"
#include "ipms-search.h"
#include "ipms-search-private.h"

typedef struct
{
  char         *dir;
  char         *path;
  IpmsDocument *document;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ipms-search-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "plan.ipms", NULL);
  fixture->document = ipms_document_create (fixture->path, "Search plan", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->document);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
begin (IpmsDocument *document)
{
  g_autoptr(GError) error = NULL;

  ipms_document_begin_edit (document, "Edit", NULL, &error);
  g_assert_no_error (error);
}

static void
commit (IpmsDocument *document)
{
  g_autoptr(GError) error = NULL;

  ipms_document_commit_edit (document, &error);
  g_assert_no_error (error);
}

/* A new row of `table` with `column` set to `text`, owned by the row
 * `owner_id` through `owner_column` when that is not NULL. */
static gint64
insert_owned (IpmsDocument *document,
              const char   *table_name,
              const char   *owner_column,
              gint64        owner_id,
              const char   *column,
              const char   *text)
{
  const IpmsTable *table = ipms_schema_lookup_table (table_name);
  g_autofree GValue *values = g_new0 (GValue, table->n_columns);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_value_init (&values[ipms_table_find_column (table, column)], G_TYPE_STRING);
  g_value_set_string (&values[ipms_table_find_column (table, column)], text);
  if (owner_column != NULL)
    {
      g_value_init (&values[ipms_table_find_column (table, owner_column)], G_TYPE_INT64);
      g_value_set_int64 (&values[ipms_table_find_column (table, owner_column)], owner_id);
    }

  id = ipms_document_insert (document, table_name, 0, values, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < table->n_columns; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);

  return id;
}

static gint64
insert_with (IpmsDocument *document,
             const char   *table,
             const char   *column,
             const char   *text)
{
  return insert_owned (document, table, NULL, 0, column, text);
}

static GPtrArray *
search (IpmsDocument *document,
        const char   *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = ipms_search_run (document, query, 100, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);

  return hits;
}

/* "table:id:column" of every hit, space separated. */
static char *
describe (IpmsDocument *document,
          const char   *query)
{
  g_autoptr(GPtrArray) hits = search (document, query);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      IpmsSearchHit *hit = g_ptr_array_index (hits, i);

      g_string_append_printf (out, "%s%s:%" G_GINT64_FORMAT ":%s",
                              i > 0 ? " " : "", hit->table, hit->id, hit->column);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_hits (IpmsDocument *document,
             const char   *query,
             const char   *expected)
{
  g_autofree char *hits = describe (document, query);

  if (g_strcmp0 (hits, expected) != 0)
    g_test_message ("query: “%s”", query);
  g_assert_cmpstr (hits, ==, expected);
}

static char *
marked_snippet (const IpmsSearchHit *hit)
{
  return g_strdup_printf ("%.*s[%.*s]%s",
                          (int) hit->match_start, hit->snippet,
                          (int) (hit->match_end - hit->match_start), hit->snippet + hit->match_start,
                          hit->snippet + hit->match_end);
}

/* The index as it is (every token and the rows that hold it, old tokens
 * removed), and as a rebuild from the plan makes it: they must never
 * differ. */
static char *
dump_index (sqlite3 *db)
{
  GString *dump = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.ipms_search_vocab "
                                     "USING fts5vocab (main, ipms_search, 'instance')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT term, doc FROM temp.ipms_search_vocab ORDER BY term, doc",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (dump, "%s %lld\n", sqlite3_column_text (stmt, 0),
                            (long long) sqlite3_column_int64 (stmt, 1));
  sqlite3_finalize (stmt);

  return g_string_free (dump, FALSE);
}

static gboolean
index_pending (IpmsDocument *document)
{
  g_autoptr(GError) error = NULL;
  gboolean pending = FALSE;

  _ipms_search_is_pending (_ipms_document_get_db (document), &pending, &error);
  g_assert_no_error (error);

  return pending;
}

static void
assert_index_in_step (IpmsDocument *document)
{
  sqlite3 *db = _ipms_document_get_db (document);
  g_autofree char *kept = NULL;
  g_autofree char *rebuilt = NULL;
  g_autoptr(GError) error = NULL;

  /* A search makes an index that an import left to be made. */
  g_ptr_array_unref (search (document, "x"));
  g_assert_false (index_pending (document));
  kept = dump_index (db);

  g_assert_cmpint (sqlite3_exec (db, "SAVEPOINT check_index", NULL, NULL, NULL), ==, SQLITE_OK);
  _ipms_search_rebuild (db, &error);
  g_assert_no_error (error);
  rebuilt = dump_index (db);
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK TO check_index; RELEASE check_index", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpstr (kept, ==, rebuilt);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO ipms_search (ipms_search) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

/* A query through the index finds every field that a scan of all searched
 * fields finds. */
static void
assert_matches_scan (IpmsDocument *document,
                         const char   *query)
{
  sqlite3 *db = _ipms_document_get_db (document);
  g_autoptr(GPtrArray) hits = ipms_search_run (document, query, 10000, NULL, NULL);
  g_autofree char *folded = g_utf8_strdown (query, -1);
  const IpmsTable *tables;
  guint n_tables;
  guint n = 0;

  tables = ipms_schema_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    for (guint c = 0; c < tables[t].n_columns; c++)
      {
        g_autofree char *sql = NULL;
        sqlite3_stmt *stmt = NULL;

        if (!ipms_search_covers (tables[t].name, tables[t].columns[c].name))
          continue;

        sql = g_strdup_printf ("SELECT %s FROM %s WHERE typeof (%s) = 'text'",
                               tables[t].columns[c].name, tables[t].name, tables[t].columns[c].name);
        g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          {
            g_autofree char *text = g_utf8_strdown ((const char *) sqlite3_column_text (stmt, 0), -1);

            n += strstr (text, folded) != NULL;
          }
        sqlite3_finalize (stmt);
      }

  g_assert_cmpuint (hits->len, ==, n);
}

static void
test_substrings (Fixture       *fixture,
                 gconstpointer  data)
{
  IpmsDocument *document = fixture->document;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *marked = NULL;
  gint64 product;

  begin (document);
  product = insert_with (document, "product", "name", "Smart Feeder Pro");
  ipms_document_set_string (document, "product", product, "concept",
                            "一款智能喂食器，支持远程控制和定时投喂。", NULL);
  insert_owned (document, "faq", "product_id", product, "question", "How loud is the motor?");
  commit (document);

  /* English, any case, three characters and more: trigrams. */
  hits = search (document, "feeder");
  g_assert_cmpuint (hits->len, ==, 1);
  marked = marked_snippet (g_ptr_array_index (hits, 0));
  g_assert_cmpstr (marked, ==, "Smart [Feeder] Pro");
  g_clear_pointer (&hits, g_ptr_array_unref);
  g_clear_pointer (&marked, g_free);

  assert_hits (document, "MOTOR", "faq:1:question");
  assert_hits (document, "  loud is  ", "faq:1:question");

  /* Chinese, three characters: trigrams; two and one: the fallback. */
  hits = search (document, "远程控");
  g_assert_cmpuint (hits->len, ==, 1);
  marked = marked_snippet (g_ptr_array_index (hits, 0));
  g_assert_cmpstr (marked, ==, "一款智能喂食器，支持[远程控]制和定时投喂。");
  g_clear_pointer (&hits, g_ptr_array_unref);
  g_clear_pointer (&marked, g_free);

  assert_hits (document, "喂食", "product:1:concept");
  assert_hits (document, "喂", "product:1:concept");
  assert_hits (document, "。", "product:1:concept");
  assert_hits (document, "，支", "product:1:concept");
  assert_hits (document, "o", "product:1:name faq:1:question");
  assert_hits (document, "Pr", "product:1:name");

  /* Nothing, and no FTS5 syntax from the query. */
  assert_hits (document, "xyz", "");
  assert_hits (document, "   ", "");
  assert_hits (document, "\"Pro\" OR NEAR(a b)", "");
  assert_hits (document, "o\"w", "");
  /* Nor LIKE wildcards from a short query. */
  assert_hits (document, "%", "");
  assert_hits (document, "_", "");
  assert_hits (document, "o%", "");

  assert_index_in_step (document);
}

static void
test_snippet (Fixture       *fixture,
              gconstpointer  data)
{
  IpmsDocument *document = fixture->document;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) hits = NULL;
  IpmsSearchHit *hit;
  gboolean truncated = TRUE;

  for (guint i = 0; i < 40; i++)
    g_string_append (text, "前后文字\n");
  g_string_append (text, "needle");
  for (guint i = 0; i < 40; i++)
    g_string_append (text, " tail");

  begin (document);
  insert_with (document, "competitor", "strategy", text->str);
  commit (document);

  hits = ipms_search_run (document, "NEEDLE", 10, &truncated, NULL);
  g_assert_false (truncated);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  /* Cut on both sides, on one line, the match where the offsets say. */
  g_assert_true (g_str_has_prefix (hit->snippet, "…"));
  g_assert_true (g_str_has_suffix (hit->snippet, "…"));
  g_assert_null (strchr (hit->snippet, '\n'));
  g_assert_true (g_utf8_validate (hit->snippet, -1, NULL));
  g_assert_cmpint (strncmp (hit->snippet + hit->match_start, "needle", 6), ==, 0);
  g_assert_cmpuint (hit->match_end - hit->match_start, ==, 6);
  g_assert_cmpuint (g_utf8_strlen (hit->snippet, -1), <=, 96 + 2);

  /* The limit, and saying there is more. */
  begin (document);
  for (guint i = 0; i < 5; i++)
    insert_with (document, "region", "name", "needle region");
  commit (document);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = ipms_search_run (document, "needle", 3, &truncated, NULL);
  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_true (truncated);
}

static void
test_edit_undo_redo (Fixture       *fixture,
                     gconstpointer  data)
{
  IpmsDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  gint64 product, spec;

  begin (document);
  product = insert_with (document, "product", "name", "Litter Box");
  spec = insert_owned (document, "product_spec", "product_id", product, "name", "Sensor");
  ipms_document_set_string (document, "product_spec", spec, "value", "红外感应器", NULL);
  commit (document);

  /* An edit replaces the old text. */
  begin (document);
  ipms_document_set_string (document, "product", product, "name", "Self-Cleaning Toilet", &error);
  g_assert_no_error (error);
  commit (document);
  assert_hits (document, "litter", "");
  assert_hits (document, "cleaning", "product:1:name");
  assert_index_in_step (document);

  /* Undo and redo carry the index along. */
  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  assert_hits (document, "litter", "product:1:name");
  assert_hits (document, "cleaning", "");
  assert_index_in_step (document);

  ipms_document_redo (document, &error);
  g_assert_no_error (error);
  assert_hits (document, "litter", "");
  assert_hits (document, "cleaning", "product:1:name");

  /* Deleting a product takes its PRD rows out of the results; undo brings
   * them back. */
  begin (document);
  ipms_document_delete (document, "product", product, &error);
  g_assert_no_error (error);
  commit (document);
  assert_hits (document, "感应", "");
  assert_hits (document, "cleaning", "");
  assert_index_in_step (document);

  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  assert_hits (document, "红外感应", "product_spec:1:value");
  assert_hits (document, "sensor", "product_spec:1:name");
  assert_index_in_step (document);

  /* Clearing a field drops it; a rolled back edit leaves the index alone. */
  begin (document);
  ipms_document_set_null (document, "product_spec", spec, "value", &error);
  g_assert_no_error (error);
  commit (document);
  assert_hits (document, "红外", "");

  begin (document);
  ipms_document_set_string (document, "product_spec", spec, "value", "超声波", &error);
  g_assert_no_error (error);
  ipms_document_rollback_edit (document);
  assert_hits (document, "超声波", "");
  assert_index_in_step (document);

  /* The undo steps hold the plan's rows only: undoing everything leaves
   * an empty index without a conflict. */
  while (ipms_document_can_undo (document))
    {
      ipms_document_undo (document, &error);
      g_assert_no_error (error);
    }
  assert_hits (document, "e", "project:1:name");
  assert_index_in_step (document);
}

/* A project's JSON, made from the English example. */
static char *
example_json (const char *language,
              gsize      *length)
{
  g_autoptr(IpmsDocument) example = NULL;
  g_autoptr(GError) error = NULL;
  char *json;

  example = ipms_example_new_draft (language, &error);
  g_assert_no_error (error);
  json = ipms_json_export_data (example, length, &error);
  g_assert_no_error (error);
  g_unlink (ipms_document_get_path (example));

  return json;
}

static void
test_import_and_export (Fixture       *fixture,
                        gconstpointer  data)
{
  IpmsDocument *document = fixture->document;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *exported = NULL;
  gsize length = 0;

  begin (document);
  insert_with (document, "member", "name", "Placeholder Person");
  commit (document);

  json = example_json ("zh_CN", &length);
  ipms_json_import_data (document, json, (gssize) length, "Import", &error);
  g_assert_no_error (error);

  /* The import leaves the index to the first search, and an undo and a
   * redo before it leave it alone. */
  g_assert_true (index_pending (document));
  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  ipms_document_redo (document, &error);
  g_assert_no_error (error);
  g_assert_true (index_pending (document));
  begin (document);
  insert_with (document, "member", "name", "Pending Person");
  commit (document);
  g_assert_true (index_pending (document));

  /* Read-only, the project is searched without the index. */
  {
    g_autoptr(IpmsDocument) reader = ipms_document_open_read_only (fixture->path, &error);
    g_autofree char *scanned = NULL;
    g_autofree char *indexed = NULL;

    g_assert_no_error (error);
    scanned = describe (reader, "宠物");
    g_assert_true (index_pending (reader));
    indexed = describe (document, "宠物");
    g_assert_false (index_pending (document));
    g_assert_cmpstr (scanned, ==, indexed);
  }

  /* The imported plan is found, what it replaced is not. */
  {
    g_autoptr(GPtrArray) pending_hits = search (document, "pending person");

    g_assert_cmpuint (pending_hits->len, ==, 1);
  }
  assert_hits (document, "Placeholder", "");
  hits = search (document, "宠物");
  g_assert_cmpuint (hits->len, >, 3);
  assert_index_in_step (document);

  /* The member added after it, then the import. */
  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  assert_index_in_step (document);
  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  assert_hits (document, "Placeholder", "member:1:name");
  assert_index_in_step (document);

  /* The export knows nothing of the index. */
  exported = ipms_json_export_data (document, &length, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (exported, "search"));
  g_assert_null (strstr (exported, "trigram"));

  /* A project made from JSON in memory (the command line's import). */
  {
    g_autoptr(IpmsDocument) unsaved = ipms_document_new_unsaved ("x", &error);
    g_autoptr(GPtrArray) found = NULL;

    g_assert_no_error (error);
    ipms_json_import_data (unsaved, json, -1, "Import", &error);
    g_assert_no_error (error);
    found = search (unsaved, "宠物");
    g_assert_cmpuint (found->len, >, 3);
    assert_index_in_step (unsaved);
  }
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* The index's tokenizer, without which its table cannot be dropped. */
  g_assert_true (_ipms_search_register (db, NULL));
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gint64
query_raw (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
test_rebuilt_for_old_files (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "data", "project-v1.sql", NULL);
  g_autofree char *old_path = g_build_filename (fixture->dir, "v1.ipms", NULL);
  g_autofree char *v3_path = g_build_filename (fixture->dir, "v3.ipms", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (sql_path, &sql, NULL, &error);
  g_assert_no_error (error);
  exec_raw (old_path, sql);

  /* Read-only: the copy in memory is migrated and searched, the file is
   * left as it was. */
  {
    g_autoptr(IpmsDocument) document = ipms_document_open_read_only (old_path, &error);

    g_assert_no_error (error);
    assert_hits (document, "feeder mini", "product:1:name");
    g_assert_cmpint (query_raw (old_path, "PRAGMA user_version"), ==, 1);
  }

  {
    g_autoptr(IpmsDocument) document = ipms_document_open (old_path, &error);

    g_assert_no_error (error);
    assert_hits (document, "feeder mini", "product:1:name");
    assert_index_in_step (document);
  }
  g_assert_cmpint (query_raw (old_path, "PRAGMA user_version"), ==, IPMS_DOCUMENT_FORMAT_VERSION);

  /* A version 3 file, as the previous release wrote it: no index. */
  begin (fixture->document);
  insert_with (fixture->document, "series", "positioning", "高端静音系列");
  commit (fixture->document);
  g_clear_object (&fixture->document);
  g_rename (fixture->path, v3_path);
  exec_raw (v3_path, "DROP TABLE ipms_search; DROP TABLE ipms_search_pending; PRAGMA user_version = 3;");

  {
    g_autoptr(IpmsDocument) document = ipms_document_open_read_only (v3_path, &error);

    g_assert_no_error (error);
    assert_hits (document, "静音", "series:1:positioning");
    g_assert_cmpint (query_raw (v3_path, "PRAGMA user_version"), ==, 3);
  }

  {
    g_autoptr(IpmsDocument) document = ipms_document_open (v3_path, &error);

    g_assert_no_error (error);
    assert_hits (document, "静音系", "series:1:positioning");
    assert_index_in_step (document);
    /* And the undo history from before the index still applies. */
    ipms_document_undo (document, &error);
    g_assert_no_error (error);
    assert_hits (document, "静音", "");
    assert_index_in_step (document);
  }

  /* An index that is not the one this build makes is refused like any
   * foreign object. */
  exec_raw (v3_path, "DROP TABLE ipms_search; "
                     "CREATE VIRTUAL TABLE ipms_search USING fts5 (text, tokenize='unicode61');");
  {
    g_autoptr(IpmsDocument) document = ipms_document_open (v3_path, &error);

    g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_CORRUPT);
    g_assert_null (document);
  }
}

/* A file of format 4, whose index kept a copy of every text, a trigram
 * table over it and a table of pairs: migrated, the old tables are gone and
 * the new index holds the plan. */
static void
test_migrated_from_v4 (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *schema_path = g_test_build_filename (G_TEST_DIST, "..", "..", "src", "core", "schema",
                                                        "004-search.sql", NULL);
  g_autofree char *v4_path = g_build_filename (fixture->dir, "v4.ipms", NULL);
  g_autofree char *schema = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (schema_path, &schema, NULL, &error);
  g_assert_no_error (error);

  begin (fixture->document);
  insert_with (fixture->document, "series", "positioning", "高端静音系列");
  insert_with (fixture->document, "member", "name", "Quiet Person");
  commit (fixture->document);
  g_clear_object (&fixture->document);
  g_rename (fixture->path, v4_path);

  /* The index as format 4 made it. */
  sql = g_strconcat ("DROP TABLE ipms_search; DROP TABLE ipms_search_pending;", schema,
                     "INSERT INTO ipms_search_text (tbl, row_id, col, text) "
                     "  SELECT 'series', id, 'positioning', positioning FROM series;"
                     "INSERT INTO ipms_search_text (tbl, row_id, col, text) "
                     "  SELECT 'member', id, 'name', name FROM member;"
                     "INSERT INTO ipms_search (ipms_search) VALUES ('rebuild');"
                     "PRAGMA user_version = 4;", NULL);
  exec_raw (v4_path, sql);

  {
    g_autoptr(IpmsDocument) document = ipms_document_open_read_only (v4_path, &error);

    g_assert_no_error (error);
    assert_hits (document, "静音", "series:1:positioning");
    g_assert_cmpint (query_raw (v4_path, "PRAGMA user_version"), ==, 4);
  }

  {
    g_autoptr(IpmsDocument) document = ipms_document_open (v4_path, &error);

    g_assert_no_error (error);
    assert_hits (document, "静", "series:1:positioning");
    assert_hits (document, "quiet p", "member:1:name");
    assert_index_in_step (document);
    ipms_document_undo (document, &error);
    g_assert_no_error (error);
    assert_hits (document, "静音", "");
    assert_hits (document, "q", "");
    assert_index_in_step (document);
  }
  g_assert_cmpint (query_raw (v4_path, "PRAGMA user_version"), ==, IPMS_DOCUMENT_FORMAT_VERSION);
  g_assert_cmpint (query_raw (v4_path, "SELECT count (*) FROM sqlite_schema "
                                       "WHERE name IN ('ipms_search_text', 'ipms_search_pairs')"), ==, 0);
}

/* An undo of more rows than are worth indexing one by one makes the index
 * again; the index is the same as one kept row by row. */
static void
test_large_step (Fixture       *fixture,
                 gconstpointer  data)
{
  IpmsDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;

  begin (document);
  for (guint i = 0; i < 10050; i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %u 成员", i);

      insert_with (document, "member", "name", name);
    }
  commit (document);
  assert_hits (document, "Member 10049 成", "member:10050:name");

  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  g_assert_true (index_pending (document));
  assert_hits (document, "成员", "");
  assert_index_in_step (document);

  ipms_document_redo (document, &error);
  g_assert_no_error (error);
  assert_hits (document, "member 1004", "member:1005:name member:10041:name member:10042:name member:10043:name "
                                         "member:10044:name member:10045:name member:10046:name member:10047:name "
                                         "member:10048:name member:10049:name member:10050:name");
  assert_index_in_step (document);
}

/* After an import the index is made in steps, between which the plan is
 * edited below, inside and above the part made so far, and an edit is
 * undone: the index made is the one a whole rebuild makes. A new import
 * in the middle starts the making again. */
static void
test_made_in_steps (Fixture       *fixture,
                    gconstpointer  data)
{
  IpmsDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gboolean done = FALSE;
  gsize length = 0;
  guint steps = 0;
  gint64 low_member, high_member;

  json = example_json ("zh_CN", &length);
  ipms_json_import_data (document, json, (gssize) length, "Import", &error);
  g_assert_no_error (error);
  g_assert_true (index_pending (document));
  g_assert_false (ipms_search_is_ready (document));

  begin (document);
  low_member = insert_with (document, "member", "name", "Early Member 早");
  commit (document);

  /* Tiny time budgets: after the first, steps of the fewest ids. A first
   * step, then a new import: the making starts again. */
  g_assert_true (ipms_search_prepare_step (document, 0.001, &done, &error));
  g_assert_no_error (error);
  g_assert_false (done);
  ipms_json_import_data (document, json, (gssize) length, "Import again", &error);
  g_assert_no_error (error);
  g_assert_true (index_pending (document));

  begin (document);
  low_member = insert_with (document, "member", "name", "Early Member 早");
  commit (document);
  while (!done)
    {
      g_assert_true (ipms_search_prepare_step (document, 0.001, &done, &error));
      g_assert_no_error (error);
      steps++;

      /* Edits between the steps: a row the steps made, one they will
       * make, a new one, and an undone one. */
      if (steps == 3)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, "Renamed Early 改名");
          g_assert_true (ipms_document_edit_value (document, "Rename", NULL, "member", low_member, "name",
                                                  &value, &error));
          g_assert_no_error (error);

          begin (document);
          high_member = insert_with (document, "member", "name", "Late Member 晚");
          commit (document);

          g_value_set_string (&value, "Late Renamed 晚改");
          g_assert_true (ipms_document_edit_value (document, "Rename", NULL, "member", high_member, "name",
                                                  &value, &error));
          g_assert_no_error (error);
          ipms_document_undo (document, &error);
          g_assert_no_error (error);
        }
      g_assert_cmpuint (steps, <, 100000);
    }
  g_assert_cmpuint (steps, >, 3);
  g_assert_false (index_pending (document));
  g_assert_true (ipms_search_is_ready (document));

  assert_index_in_step (document);
  {
    g_autofree char *expected = g_strdup_printf ("member:%" G_GINT64_FORMAT ":name", low_member);

    assert_hits (document, "改名", expected);
    assert_hits (document, "晚改", "");
  }
}

/* Texts the tokenizer must split the same way every time, or a row could
 * not be removed: invalid UTF-8 and U+0000 inside a field, a value that is
 * not text, a row id beyond what the index's rowid holds. */
static void
test_odd_values (Fixture       *fixture,
                 gconstpointer  data)
{
  IpmsDocument *document = fixture->document;
  sqlite3 *db = _ipms_document_get_db (document);
  g_autoptr(GError) error = NULL;
  gint64 id;

  begin (document);
  id = insert_with (document, "member", "name", "Plain name");
  commit (document);

  /* Written behind the document's back, as a damaged file has them. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE member SET notes = CAST (x'41ff4200434445' AS TEXT), email = 42;"
                                     "INSERT INTO member (id, name) VALUES (4611686018427387904, 'Far away');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  _ipms_search_rebuild (db, &error);
  g_assert_no_error (error);
  assert_index_in_step (document);
  assert_hits (document, "far away", "");

  begin (document);
  ipms_document_set_string (document, "member", id, "name", "Other name", &error);
  g_assert_no_error (error);
  commit (document);
  assert_hits (document, "other", "member:1:name");
  assert_index_in_step (document);

  begin (document);
  ipms_document_delete (document, "member", id, &error);
  g_assert_no_error (error);
  commit (document);
  assert_hits (document, "name", "");
  assert_index_in_step (document);
}

static void
test_example_zh_cn (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(IpmsDocument) example = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  example = ipms_example_new_draft ("zh_CN", &error);
  g_assert_no_error (error);
  assert_matches_scan (example, "宠物");
  assert_matches_scan (example, "器");
  assert_matches_scan (example, "a");
  assert_matches_scan (example, "PR");
  assert_matches_scan (example, "P宠");
  assert_matches_scan (example, "宠");
  /* Longer queries: the AND of their trigrams, then matched in each row. */
  assert_matches_scan (example, "ion");
  assert_matches_scan (example, "tion");
  assert_matches_scan (example, "宠物喂食");
  assert_matches_scan (example, "智能喂食器");
  hits = search (example, "宠物");
  g_assert_cmpuint (hits->len, >, 3);
  for (guint i = 0; i < hits->len; i++)
    {
      IpmsSearchHit *hit = g_ptr_array_index (hits, i);

      g_assert_true (ipms_search_covers (hit->table, hit->column));
      g_assert_cmpint (strncmp (hit->snippet + hit->match_start, "宠物", strlen ("宠物")), ==, 0);
    }
  assert_index_in_step (example);
  g_unlink (ipms_document_get_path (example));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/search/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("substrings", test_substrings);
  ADD ("snippet", test_snippet);
  ADD ("edit-undo-redo", test_edit_undo_redo);
  ADD ("import-and-export", test_import_and_export);
  ADD ("rebuilt-for-old-files", test_rebuilt_for_old_files);
  ADD ("example-zh-cn", test_example_zh_cn);
  ADD ("migrated-from-v4", test_migrated_from_v4);
  ADD ("large-step", test_large_step);
  ADD ("made-in-steps", test_made_in_steps);
  ADD ("odd-values", test_odd_values);

  return g_test_run ();
}
