/* test-hostile-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Project files and names that are not what they claim, made here by the
 * test itself: things that are not regular files, links, URI-looking and
 * over-long names, exports of files that must not change, damaged data and
 * schemas, files busy with or changed by another program, huge ids and a
 * full disk. Each must be refused or handled with a clear message, and
 * leave the file as it was.
 */

/* unshare() */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ipms-document.h"
#include "ipms-document-private.h"
#include "ipms-json.h"
#include "ipms-panorama-chart.h"
#include "ipms-prd-counter.h"
#include "ipms-record-list.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("ipms-hostile-XXXXXX", &error);

  g_assert_no_error (error);
  /* Paths compare with what the document resolves them to. */
  fixture->dir = realpath (tmp, NULL);
}

static void
remove_tree (const char *path)
{
  struct stat st;

  if (lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0755);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("missing");

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The names in a folder, sorted, joined by spaces. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_unchanged (const char *path,
                  const char *checksum)
{
  g_autofree char *now = checksum_file (path);

  g_assert_cmpstr (now, ==, checksum);
}

static void
assert_listing (const char *dir,
                const char *listing)
{
  g_autofree char *now = list_dir (dir);

  g_assert_cmpstr (now, ==, listing);
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gint64
query_raw (const char *path,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static IpmsDocument *
create_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  IpmsDocument *document = ipms_document_create (path, "Hostile plan", &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static gint64
add_product (IpmsDocument *document,
             const char   *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  ipms_document_begin_edit (document, "Add", NULL, &error);
  g_assert_no_error (error);
  id = ipms_document_insert (document, "product", 0, NULL, &error);
  g_assert_no_error (error);
  ipms_document_set_string (document, "product", id, "name", name, &error);
  g_assert_no_error (error);
  ipms_document_commit_edit (document, &error);
  g_assert_no_error (error);

  return id;
}

static void
rename_product (IpmsDocument *document,
                gint64        id,
                const char   *name)
{
  g_autoptr(GError) error = NULL;

  ipms_document_begin_edit (document, "Rename", NULL, &error);
  g_assert_no_error (error);
  ipms_document_set_string (document, "product", id, "name", name, &error);
  g_assert_no_error (error);
  ipms_document_commit_edit (document, &error);
  g_assert_no_error (error);
}

/* Opens `path` both ways and expects the same refusal from each. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) read_only_error = NULL;
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(IpmsDocument) read_only = NULL;

  document = ipms_document_open (path, &error);
  g_assert_null (document);
  g_assert_error (error, IPMS_DOCUMENT_ERROR, code);
  g_test_message ("%s: %s", path, error->message);

  read_only = ipms_document_open_read_only (path, &read_only_error);
  g_assert_null (read_only);
  g_assert_error (read_only_error, IPMS_DOCUMENT_ERROR, code);
}

/* Not regular files */

static void
test_not_regular_files (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *fifo = fixture_path (fixture, "pipe.ipms");
  g_autofree char *folder = fixture_path (fixture, "folder.ipms");

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  /* A FIFO blocked open() for good: fail the test instead of hanging. */
  alarm (20);
  assert_refused (fifo, IPMS_DOCUMENT_ERROR_NOT_A_FILE);
  assert_refused (folder, IPMS_DOCUMENT_ERROR_NOT_A_FILE);
  assert_refused ("/dev/null", IPMS_DOCUMENT_ERROR_NOT_A_FILE);
  alarm (0);

  /* Nor is an export written into one: it would wait for a reader. */
  {
    g_autofree char *project_path = fixture_path (fixture, "exported.ipms");
    g_autoptr(IpmsDocument) project = ipms_document_create (project_path, "Exported", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (project);
    alarm (20);
    g_assert_false (ipms_document_check_export_target (project, fifo, &error));
    alarm (0);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  }

  /* The refusal leaves them as they were. */
  g_assert_true (g_file_test (fifo, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (fifo, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
}

/* Names */

static void
test_symlink (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *real = fixture_path (fixture, "real.ipms");
  g_autofree char *link = fixture_path (fixture, "link.ipms");
  g_autoptr(IpmsDocument) document = create_project (real);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_clear_object (&document);
  g_assert_cmpint (symlink ("real.ipms", link), ==, 0);

  document = ipms_document_open (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ipms_document_get_path (document), ==, real);
  id = add_product (document, "Through the link");
  g_clear_object (&document);

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  document = ipms_document_open (real, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_record (document, "product", id), "name"),
                   ==, "Through the link");
}

static void
test_uri_like_name (Fixture       *fixture,
                    gconstpointer  data)
{
  /* As a URI this would open plan.ipms read-only. */
  const char *name = "file:plan.ipms?mode=ro";
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *literal = fixture_path (fixture, name);
  g_autofree char *uri_target = fixture_path (fixture, "plan.ipms");
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_cmpint (g_chdir (fixture->dir), ==, 0);

  document = create_project (name);
  g_assert_cmpstr (ipms_document_get_path (document), ==, literal);
  id = add_product (document, "Plain file");
  g_clear_object (&document);

  document = ipms_document_open (name, &error);
  g_assert_no_error (error);
  rename_product (document, id, "Still a plain file");
  g_clear_object (&document);

  g_assert_cmpint (g_chdir (cwd), ==, 0);

  g_assert_true (g_file_test (literal, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (uri_target, G_FILE_TEST_EXISTS));
  g_assert_cmpint (query_raw (literal, "SELECT count(*) FROM product WHERE name = 'Still a plain file'"), ==, 1);
}

static void
test_long_names (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *long_base = g_strnfill (250, 'n');
  g_autofree char *long_name = g_strconcat (long_base, ".ipms", NULL);
  g_autofree char *too_long = fixture_path (fixture, long_name);
  g_autofree char *fits_base = g_strnfill (235, 'f');
  g_autofree char *fits_name = g_strconcat (fits_base, ".ipms", NULL);
  g_autofree char *fits = fixture_path (fixture, fits_name);
  g_autofree char *deep = g_strdup (fixture->dir);
  g_autofree char *deep_file = NULL;
  g_autofree char *good = fixture_path (fixture, "good.ipms");
  g_autofree char *before = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  /* 255 bytes fit a name, not the name of its journal. */
  document = ipms_document_create (too_long, "Long", &error);
  g_assert_null (document);
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NAME_TOO_LONG);
  g_clear_error (&error);
  g_assert_false (g_file_test (too_long, G_FILE_TEST_EXISTS));

  /* A shorter long name is a project that can be edited. */
  document = create_project (fits);
  add_product (document, "Fits");
  g_clear_object (&document);

  /* Such a file made by other means is refused on open, untouched. */
  document = create_project (good);
  add_product (document, "Good");
  g_assert_cmpint (g_rename (fits, too_long), ==, 0);
  before = checksum_file (too_long);
  assert_refused (too_long, IPMS_DOCUMENT_ERROR_NAME_TOO_LONG);
  assert_unchanged (too_long, before);

  /* Save As onto it is refused too, and the document goes on. */
  listing = list_dir (fixture->dir);
  g_assert_false (ipms_document_save_as (document, too_long, &error));
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NAME_TOO_LONG);
  g_clear_error (&error);
  assert_unchanged (too_long, before);
  assert_listing (fixture->dir, listing);
  g_assert_cmpstr (ipms_document_get_path (document), ==, good);
  add_product (document, "Still editable");

  /* A full path SQLite cannot take is refused the same way. */
  while (strlen (deep) < 480)
    {
      g_autofree char *segment = g_strnfill (60, 'd');
      char *deeper = g_build_filename (deep, segment, NULL);

      g_free (deep);
      deep = deeper;
    }
  g_assert_cmpint (g_mkdir_with_parents (deep, 0755), ==, 0);
  deep_file = g_build_filename (deep, "plan.ipms", NULL);
  g_clear_object (&document);
  document = ipms_document_create (deep_file, "Deep", &error);
  g_assert_null (document);
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NAME_TOO_LONG);
  g_assert_false (g_file_test (deep_file, G_FILE_TEST_EXISTS));
}

/* Exports leave the file as it was */

static void
assert_exportable_unchanged (const char *path,
                             guint       n_products)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *before = checksum_file (path);
  g_autofree char *listing = list_dir (dir);
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  document = ipms_document_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_true (ipms_document_get_read_only (document));
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, n_products);

  json = ipms_json_export_data (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json);

  /* Any change is refused, and view state is not kept. */
  g_assert_false (ipms_document_begin_edit (document, "Change", NULL, &error));
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  ipms_document_set_view_state (document, "zoom", "2");
  g_assert_false (ipms_document_save_as (document, path, &error));
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_object (&document);

  assert_unchanged (path, before);
  assert_listing (dir, listing);
}

static void
test_export_read_only_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *folder = fixture_path (fixture, "locked");
  g_autofree char *path = NULL;
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  path = g_build_filename (folder, "plan.ipms", NULL);
  document = create_project (path);
  add_product (document, "Bowl");
  g_clear_object (&document);

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  /* Not for editing, but for reading. */
  document = ipms_document_open (path, &error);
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_READ_ONLY);
  assert_exportable_unchanged (path, 1);
}

static void
test_export_old_format (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "data", "project-v1.sql", NULL);
  g_autofree char *path = fixture_path (fixture, "old.ipms");
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (sql_path, &sql, NULL, &error);
  g_assert_no_error (error);
  exec_raw (path, sql);
  before = checksum_file (path);

  assert_exportable_unchanged (path, 1);

  /* Migrated in memory: the new table is there, the file stays version 1. */
  document = ipms_document_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipms_document_count_rows (document, "price_band"), ==, 0);
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_record (document, "product", 1), "name"),
                   ==, "Feeder Mini");
  g_assert_cmpstr (ipms_document_get_undo_label (document), ==, "Old step");
  g_clear_object (&document);

  g_assert_cmpint (query_raw (path, "PRAGMA user_version"), ==, 1);
  assert_unchanged (path, before);
}

/* Bytes 18 and 19 of the header are 2 in WAL mode. */
static gboolean
is_wal_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  return length > 19 && contents[18] == 2 && contents[19] == 2;
}

static void
test_export_wal_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "wal.ipms");
  g_autoptr(IpmsDocument) document = create_project (path);

  add_product (document, "Bowl");
  add_product (document, "Feeder");
  g_clear_object (&document);
  exec_raw (path, "PRAGMA journal_mode = WAL");
  g_assert_true (is_wal_file (path));

  assert_exportable_unchanged (path, 2);
  g_assert_true (is_wal_file (path));
}

/* A writer killed inside an edit leaves a hot journal: reading the file
 * without rolling it back could show a half-written edit, and rolling it
 * back writes. An export says so; opening for editing repairs it. */
static void
test_export_hot_journal (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "crashed.ipms");
  g_autofree char *journal = fixture_path (fixture, "crashed.ipms-journal");
  g_autofree char *before = NULL;
  g_autoptr(IpmsDocument) document = create_project (path);
  g_autoptr(GError) error = NULL;
  int status = 0;
  pid_t pid;

  add_product (document, "Committed");
  g_clear_object (&document);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      IpmsDocument *writer = ipms_document_open (path, NULL);
      g_autofree char *filler = g_strnfill (2000, 'x');

      /* More than SQLite's page cache holds, so that pages of the edit
       * reach the file before the commit: only then is the journal hot. */
      ipms_document_begin_edit (writer, "Never committed", NULL, NULL);
      for (guint i = 0; i < 2000; i++)
        {
          gint64 id = ipms_document_insert (writer, "product", 0, NULL, NULL);

          ipms_document_set_string (writer, "product", id, "concept", filler, NULL);
        }
      raise (SIGKILL);
    }
  waitpid (pid, &status, 0);
  g_assert_true (WIFSIGNALED (status));
  g_assert_true (g_file_test (journal, G_FILE_TEST_IS_REGULAR));
  before = checksum_file (path);

  document = ipms_document_open_read_only (path, &error);
  g_assert_null (document);
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "unfinished"));
  g_clear_error (&error);
  assert_unchanged (path, before);
  g_assert_true (g_file_test (journal, G_FILE_TEST_IS_REGULAR));

  document = ipms_document_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, 1);
  g_clear_object (&document);

  assert_exportable_unchanged (path, 1);
}

/* Damaged data and schemas */

static void
assert_round_trip (IpmsDocument *document,
                   Fixture      *fixture)
{
  g_autofree char *copy_path = fixture_path (fixture, "round-trip.ipms");
  g_autoptr(IpmsDocument) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gsize length = 0;

  json = ipms_json_export_data (document, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (json, (gssize) length, NULL));

  copy = create_project (copy_path);
  ipms_json_import_data (copy, json, (gssize) length, "Import", &error);
  g_assert_no_error (error);
}

static void
test_invalid_text (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "text.ipms");
  g_autoptr(IpmsDocument) document = create_project (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *section = NULL;
  IpmsRecord *product;
  gint64 id;

  id = add_product (document, "Bowl");
  g_clear_object (&document);

  /* Bytes that are not UTF-8, a NUL inside a text, a date, numbers and
   * a type that the schema does not allow. */
  sql = g_strdup_printf ("UPDATE product SET name = CAST (x'426FFF776C' AS TEXT), concept = x'610062',"
                         " dev_start = '2027-13-45', price = 1e999, cost = -5, cell_order = 'third'"
                         " WHERE id = %" G_GINT64_FORMAT ";"
                         "UPDATE ipms_history SET label = CAST (x'4164FE64' AS TEXT);"
                         "INSERT INTO ipms_view_state VALUES ('window.section', CAST (x'C0AF' AS TEXT));", id);
  exec_raw (path, sql);
  before = checksum_file (path);

  document = ipms_document_open (path, &error);
  g_assert_no_error (error);

  /* Said once, not for every value. */
  g_test_expect_message (NULL, G_LOG_LEVEL_MESSAGE, "*text.ipms: row 1 of “product”*");
  product = ipms_document_get_record (document, "product", id);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (ipms_record_get_string (product, "name"), ==, "Bo\xef\xbf\xbdwl");
  g_assert_cmpstr (ipms_record_get_string (product, "concept"), ==, "a\xef\xbf\xbd" "b");
  g_assert_true (ipms_record_is_null (product, "dev_start"));
  g_assert_true (ipms_record_is_null (product, "price"));
  g_assert_cmpfloat (ipms_record_get_double (product, "cost"), ==, 0.0);
  g_assert_cmpint (ipms_record_get_int (product, "cell_order"), ==, 0);
  g_assert_cmpstr (ipms_document_get_undo_label (document), ==, "Ad\xef\xbf\xbd" "d");
  section = ipms_document_dup_view_state (document, "window.section");
  g_assert_true (g_utf8_validate (section, -1, NULL));

  assert_round_trip (document, fixture);

  /* Reading repaired nothing on disk; an edit writes valid text. */
  g_clear_object (&document);
  assert_unchanged (path, before);
}

static void
test_dangling_reference (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "dangling.ipms");
  g_autoptr(IpmsDocument) document = create_project (path);
  g_autoptr(IpmsRecordList) in_series = NULL;
  g_autoptr(IpmsRecordList) without_series = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  IpmsRecord *product;
  gint64 id;

  id = add_product (document, "Orphan");
  g_clear_object (&document);

  sql = g_strdup_printf ("UPDATE product SET series_id = 4242, owner_id = 77 WHERE id = %" G_GINT64_FORMAT, id);
  exec_raw (path, sql);

  document = ipms_document_open (path, &error);
  g_assert_no_error (error);

  g_test_expect_message (NULL, G_LOG_LEVEL_MESSAGE, "*dangling.ipms: row 1 of “product”*");
  product = ipms_document_get_record (document, "product", id);
  g_test_assert_expected_messages ();
  g_assert_true (ipms_record_is_null (product, "series_id"));
  g_assert_true (ipms_record_is_null (product, "owner_id"));
  /* Lists filter as records read. */
  in_series = ipms_record_list_new (document, "product", "series_id", 4242, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (in_series)), ==, 0);
  without_series = ipms_record_list_new (document, "product", "series_id", IPMS_NULL_ID, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (without_series)), ==, 1);

  assert_round_trip (document, fixture);
}

/* PRD rows of a product that is not there, and of one that is not a
 * number, are counted for no product. */
static void
test_dangling_prd_owner (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "dangling-prd.ipms");
  g_autoptr(IpmsDocument) document = create_project (path);
  g_autoptr(IpmsPrdCounter) counter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  IpmsPrdCounts counts;
  gint64 id;

  id = add_product (document, "Owner");
  g_clear_object (&document);

  sql = g_strdup_printf ("INSERT INTO product_competitor (product_id, name) VALUES (4242, 'Gone'), ('x', 'Odd'),"
                         " (%" G_GINT64_FORMAT ", 'Real')", id);
  exec_raw (path, sql);

  document = ipms_document_open (path, &error);
  g_assert_no_error (error);
  counter = ipms_prd_counter_new (document);
  ipms_prd_counter_get_counts (counter, id, &counts);
  g_assert_cmpuint (counts.n_rows[IPMS_PRD_TABLE_COMPETITOR], ==, 1);
  ipms_prd_counter_get_counts (counter, 4242, &counts);
  g_assert_cmpuint (counts.n_rows[IPMS_PRD_TABLE_COMPETITOR], ==, 0);
}

static void
shout (sqlite3_context *context,
       int              argc,
       sqlite3_value  **argv)
{
  sqlite3_result_value (context, argv[0]);
}

/* A schema object that calls a function only the program that made it has. */
static void
add_foreign_function_object (const char *path,
                             const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_create_function (db, "shout", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, shout, NULL, NULL);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
test_unknown_schema_objects (Fixture       *fixture,
                             gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *sql;
    const char *object;
  } cases[] = {
    { "index.ipms", "CREATE INDEX product_shout ON product (shout (name))", "“product_shout”" },
    { "generated.ipms", "ALTER TABLE product ADD COLUMN loud TEXT GENERATED ALWAYS AS (shout (name)) VIRTUAL", "“product”" },
    { "extra.ipms", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT CHECK (shout (body) <> ''))", "“notes”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path (fixture, cases[i].name);
      g_autoptr(IpmsDocument) document = create_project (path);
      g_autofree char *before = NULL;
      g_autoptr(GError) error = NULL;

      add_product (document, "Bowl");
      g_clear_object (&document);
      add_foreign_function_object (path, cases[i].sql);
      before = checksum_file (path);

      document = ipms_document_open (path, &error);
      g_assert_null (document);
      g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, cases[i].name));
      g_assert_nonnull (strstr (error->message, cases[i].object));
      g_test_message ("%s", error->message);
      g_clear_error (&error);

      assert_refused (path, IPMS_DOCUMENT_ERROR_CORRUPT);
      assert_unchanged (path, before);
    }
}

/* A file this program closed cleanly opens without the integrity check
 * (it grows with the file); any change made since, by anything, brings
 * the check back, and a damaged page is refused with the file untouched. */
static void
test_damaged_after_clean_close (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "damaged.ipms");
  g_autoptr(IpmsDocument) document = create_project (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 page_size, n_pages;
  guchar garbage[64];
  int fd;

  for (guint i = 0; i < 50; i++)
    add_product (document, "Bowl with a long enough name to fill a few pages of the file");
  g_assert_true (_ipms_document_get_integrity_checked (document));
  g_clear_object (&document);

  document = ipms_document_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (_ipms_document_get_integrity_checked (document));
  g_clear_object (&document);

  /* Changed by another program: checked again. */
  exec_raw (path, "UPDATE product SET name = 'Cup' WHERE id = 1");
  document = ipms_document_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (_ipms_document_get_integrity_checked (document));
  g_clear_object (&document);

  /* Damaged in place after a clean close: the last page's b-tree header
   * is garbage. */
  page_size = query_raw (path, "PRAGMA page_size");
  n_pages = query_raw (path, "PRAGMA page_count");
  memset (garbage, 0xEE, sizeof garbage);
  fd = open (path, O_WRONLY | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, sizeof garbage, (n_pages - 1) * page_size), ==, sizeof garbage);
  close (fd);
  before = checksum_file (path);

  document = ipms_document_open (path, &error);
  g_assert_null (document);
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged.ipms"));
  g_test_message ("%s", error->message);
  assert_unchanged (path, before);
}

/* Messages */

static void
test_negative_version (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "negative.ipms");
  g_autoptr(IpmsDocument) document = create_project (path);
  g_autoptr(GError) error = NULL;

  g_clear_object (&document);
  exec_raw (path, "PRAGMA user_version = -5");

  document = ipms_document_open (path, &error);
  g_assert_null (document);
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_CORRUPT);
  g_assert_null (strstr (error->message, "newer"));
  g_assert_nonnull (strstr (error->message, "-5"));
}

static void
test_busy_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "busy.ipms");
  g_autoptr(IpmsDocument) document = create_project (path);
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  g_clear_object (&document);
  g_assert_cmpint (sqlite3_open_v2 (path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  /* A writer in the middle of its commit: nobody can read. */
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  document = ipms_document_open (path, &error);
  g_assert_null (document);
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_BUSY);
  g_assert_null (strstr (error->message, "damaged"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);

  /* A writer that holds the write lock: reading works, an edit waits and
   * then says why it cannot go on. */
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  document = ipms_document_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (ipms_document_begin_edit (document, "Change", NULL, &error));
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_BUSY);
  g_assert_null (strstr (error->message, "damaged"));
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  add_product (document, "After the other writer");
}

/* Other programs */

static void
count_signal (guint *count)
{
  (*count)++;
}

static void
test_external_change (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "shared.ipms");
  g_autoptr(IpmsDocument) window = create_project (path);
  g_autoptr(IpmsDocument) other = NULL;
  g_autoptr(IpmsRecordList) products = NULL;
  g_autoptr(IpmsPanoramaChart) panorama = NULL;
  g_autoptr(GError) error = NULL;
  IpmsRecord *bowl;
  guint n_reloaded = 0;
  guint n_columns;
  gint64 bowl_id;

  bowl_id = add_product (window, "Bowl");
  bowl = ipms_document_get_record (window, "product", bowl_id);
  products = ipms_record_list_new (window, "product", NULL, 0, NULL);
  panorama = ipms_panorama_chart_new (window);
  n_columns = ipms_panorama_chart_get_n_columns (panorama);
  g_signal_connect_swapped (window, "reloaded", G_CALLBACK (count_signal), &n_reloaded);

  /* Nothing happened elsewhere. */
  g_assert_false (ipms_document_check_external_change (window));

  other = ipms_document_open (path, &error);
  g_assert_no_error (error);
  rename_product (other, bowl_id, "Smart bowl");
  add_product (other, "Feeder");
  ipms_document_begin_edit (other, "Add row", NULL, &error);
  g_assert_no_error (error);
  ipms_document_insert (other, "axis_item", 0, NULL, &error);
  g_assert_no_error (error);
  ipms_document_commit_edit (other, &error);
  g_assert_no_error (error);

  /* Stale until checked, current after. */
  g_assert_cmpstr (ipms_record_get_string (bowl, "name"), ==, "Bowl");
  g_assert_true (ipms_document_check_external_change (window));
  g_assert_cmpuint (n_reloaded, ==, 1);
  g_assert_cmpstr (ipms_record_get_string (bowl, "name"), ==, "Smart bowl");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (products)), ==, 2);
  g_assert_cmpstr (ipms_document_get_undo_label (window), ==, "Add row");
  /* A chart that lays itself out from row changes lays out again. */
  g_assert_cmpuint (ipms_panorama_chart_get_n_columns (panorama), ==, n_columns + 1);
  g_assert_false (ipms_document_check_external_change (window));

  /* An edit starts from what the other program wrote, unasked. */
  rename_product (other, bowl_id, "Smarter bowl");
  add_product (other, "Fountain");
  add_product (window, "Mat");
  g_assert_cmpuint (n_reloaded, ==, 2);
  g_assert_cmpstr (ipms_record_get_string (bowl, "name"), ==, "Smarter bowl");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (products)), ==, 4);

  /* Its own edits are no external change, for either. */
  g_assert_false (ipms_document_check_external_change (window));
  g_assert_true (ipms_document_check_external_change (other));
  g_assert_cmpuint (ipms_document_count_rows (other, "product"), ==, 4);
  g_clear_object (&other);

  /* A newer version migrated the file meanwhile: shown, never written. */
  exec_raw (path, "PRAGMA user_version = 99");
  g_assert_false (ipms_document_begin_edit (window, "Change", NULL, &error));
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_TOO_NEW);
  g_clear_error (&error);
  g_assert_cmpuint (n_reloaded, ==, 3);
  g_assert_false (ipms_document_undo (window, &error));
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_TOO_NEW);
  g_assert_cmpint (query_raw (path, "PRAGMA user_version"), ==, 99);
}

/* Ids */

static void
test_huge_ids (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "ids.ipms");
  g_autoptr(IpmsDocument) document = create_project (path);
  g_autoptr(GError) error = NULL;
  gint64 product, series, other;

  ipms_document_begin_edit (document, "Huge", NULL, &error);
  g_assert_no_error (error);
  series = ipms_document_insert (document, "series", G_MAXINT64, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (series, ==, G_MAXINT64);
  product = ipms_document_insert (document, "product", G_MAXINT64 - 1, NULL, &error);
  g_assert_no_error (error);
  /* A reference to a row of this very edit. */
  ipms_document_set_int (document, "product", product, "series_id", series, &error);
  g_assert_no_error (error);
  ipms_document_commit_edit (document, &error);
  g_assert_no_error (error);

  g_assert_cmpint (ipms_record_get_int (ipms_document_get_record (document, "product", product), "series_id"),
                   ==, G_MAXINT64);

  /* A new id after the largest one there is. */
  ipms_document_begin_edit (document, "After", NULL, &error);
  g_assert_no_error (error);
  other = ipms_document_insert (document, "series", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (other, >, 0);
  g_assert_cmpint (other, !=, G_MAXINT64);
  ipms_document_delete (document, "series", G_MAXINT64, &error);
  g_assert_no_error (error);
  ipms_document_commit_edit (document, &error);
  g_assert_no_error (error);
  g_assert_true (ipms_record_is_null (ipms_document_get_record (document, "product", product), "series_id"));

  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ipms_document_get_record (document, "series", G_MAXINT64));
  g_assert_cmpint (ipms_record_get_int (ipms_document_get_record (document, "product", product), "series_id"),
                   ==, G_MAXINT64);
  ipms_document_redo (document, &error);
  g_assert_no_error (error);
  g_assert_null (ipms_document_get_record (document, "series", G_MAXINT64));
}

/* Reading the products ahead, a row at a time, over ids at both ends of
 * their range and a row whose values are repaired as they are read: it
 * ends, reads every row, says the repair once, and leaves the same plan
 * as reading nothing ahead. */
static void
test_read_ahead (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "ahead.ipms");
  g_autoptr(IpmsDocument) document = create_project (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) read_ahead = NULL;
  g_autoptr(GPtrArray) read_now = NULL;
  /* The edit path makes positive ids; a file may hold any. */
  const gint64 ids[] = { 7, G_MAXINT64 - 1, G_MAXINT64 };
  g_autofree char *sql = NULL;
  gint64 repaired;
  guint calls = 0;

  ipms_document_begin_edit (document, "Ends", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_cmpint (ipms_document_insert (document, "product", ids[i], NULL, &error), ==, ids[i]);
      g_assert_no_error (error);
      g_assert_true (ipms_document_set_string (document, "product", ids[i], "name", "End", &error));
    }
  ipms_document_commit_edit (document, &error);
  g_assert_no_error (error);
  repaired = add_product (document, "Bowl");
  g_clear_object (&document);

  sql = g_strdup_printf ("UPDATE product SET name = CAST (x'426FFF776C' AS TEXT), price = 1e999"
                         " WHERE id = %" G_GINT64_FORMAT ";"
                         "INSERT INTO product (id, name) VALUES (-9223372036854775808, 'Least'), (-5, 'Negative');",
                         repaired);
  exec_raw (path, sql);

  document = ipms_document_open (path, &error);
  g_assert_no_error (error);
  g_test_expect_message (NULL, G_LOG_LEVEL_MESSAGE, "*ahead.ipms: row * of “product”*");
  while (!ipms_document_read_ahead (document, "product", 1))
    g_assert_cmpuint (++calls, <=, G_N_ELEMENTS (ids) + 3);
  g_test_assert_expected_messages ();
  /* A row a call, and the one that reads the largest id says it is done:
   * none was skipped. */
  g_assert_cmpuint (calls, ==, G_N_ELEMENTS (ids) + 3 - 1);
  g_assert_true (ipms_document_read_ahead (document, "product", 0));

  read_ahead = ipms_document_query (document, "product", NULL, 0, "name");
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_record (document, "product", repaired), "name"),
                   ==, "Bo\xef\xbf\xbdwl");
  g_clear_object (&document);

  document = ipms_document_open (path, &error);
  g_assert_no_error (error);
  g_test_expect_message (NULL, G_LOG_LEVEL_MESSAGE, "*ahead.ipms: row * of “product”*");
  read_now = ipms_document_query (document, "product", NULL, 0, "name");
  g_test_assert_expected_messages ();

  g_assert_cmpuint (read_ahead->len, ==, G_N_ELEMENTS (ids) + 3);
  g_assert_nonnull (ipms_document_get_record (document, "product", G_MININT64));
  g_assert_cmpuint (read_now->len, ==, read_ahead->len);
  for (guint i = 0; i < read_now->len; i++)
    g_assert_cmpint (ipms_record_get_id (read_ahead->pdata[i]), ==, ipms_record_get_id (read_now->pdata[i]));
}

/* The command line */
/* The command line */

typedef struct
{
  int status;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_planner (Run *run,
             ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("IPMS_PLANNER");
  const char *arg;
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static void
test_cli_exports (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *project = fixture_path (fixture, "plan.png");
  g_autofree char *other = fixture_path (fixture, "other.pdf");
  g_autofree char *link = fixture_path (fixture, "link.svg");
  g_autofree char *chart = fixture_path (fixture, "chart.png");
  g_autofree char *fifo = fixture_path (fixture, "pipe.png");
  g_autofree char *json = fixture_path (fixture, "old.json");
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "data", "project-v1.sql", NULL);
  g_autofree char *old = fixture_path (fixture, "old.ipms");
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *other_before = NULL;
  g_autofree char *old_before = NULL;
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  /* A project may carry any name, even one that looks like a chart. */
  document = create_project (project);
  add_product (document, "Bowl");
  g_clear_object (&document);
  document = create_project (other);
  g_clear_object (&document);
  g_assert_cmpint (symlink ("plan.png", link), ==, 0);
  before = checksum_file (project);
  other_before = checksum_file (other);

  run_planner (&run, "--export-chart", "panorama", "--output", project, project, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "is the project being exported"));
  run_clear (&run);

  run_planner (&run, "--export-chart", "panorama", "--output", link, project, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "is the project being exported"));
  run_clear (&run);

  run_planner (&run, "--export-chart", "roadmap", "--output", other, project, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "other.pdf"));
  run_clear (&run);

  /* Nobody reads the pipe: writing would wait forever. */
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  run_planner (&run, "--export-chart", "panorama", "--output", fifo, project, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "not a regular file"));
  run_clear (&run);

  assert_unchanged (project, before);
  assert_unchanged (other, other_before);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));

  /* An export of an old, read-only project works and leaves it alone. */
  g_file_get_contents (sql_path, &sql, NULL, &error);
  g_assert_no_error (error);
  exec_raw (old, sql);
  g_assert_cmpint (g_chmod (old, 0444), ==, 0);
  old_before = checksum_file (old);

  run_planner (&run, "--export-chart", "panorama", "--output", chart, old, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (chart, G_FILE_TEST_IS_REGULAR));
  assert_unchanged (old, old_before);
  run_clear (&run);

  run_planner (&run, "--export-json", json, old, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));
  assert_unchanged (old, old_before);
}

/* A full disk */

/* Runs in a child: a small tmpfs of its own when the system lets it mount
 * one, a file size limit otherwise. Exits 0 when all held. */
static void
save_onto_full_disk (const char *dir)
{
  g_autofree char *source = g_build_filename (dir, "big.ipms", NULL);
  g_autofree char *full = g_build_filename (dir, "full", NULL);
  g_autofree char *target = NULL;
  g_autofree char *before = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(IpmsDocument) small = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filler = g_strnfill (2000, 'x');
  gboolean mounted;
  int mount_errno;

  g_assert_cmpint (g_mkdir (full, 0755), ==, 0);
  mounted = unshare (CLONE_NEWNS) == 0 &&
            mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0 &&
            mount ("tmpfs", full, "tmpfs", 0, "size=600k") == 0;
  mount_errno = errno;

  /* The project saved earlier, which must survive. */
  target = g_build_filename (full, "saved.ipms", NULL);
  small = create_project (target);
  add_product (small, "Earlier");
  g_clear_object (&small);
  before = checksum_file (target);

  document = create_project (source);
  ipms_document_begin_edit (document, "Fill", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 400; i++)
    {
      gint64 id = ipms_document_insert (document, "product", 0, NULL, &error);

      g_assert_no_error (error);
      ipms_document_set_string (document, "product", id, "concept", filler, &error);
      g_assert_no_error (error);
    }
  ipms_document_commit_edit (document, &error);
  g_assert_no_error (error);

  if (!mounted)
    {
      struct rlimit limit = { 600 * 1024, 600 * 1024 };

      g_test_message ("No tmpfs of our own (%s): using a file size limit", g_strerror (mount_errno));
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
    }

  listing = list_dir (full);
  g_assert_false (ipms_document_save_as (document, target, &error));
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "full"));
  g_printerr ("# %s\n", error->message);
  g_clear_error (&error);

  /* The old file whole, no temporary file left, the document where it was. */
  assert_unchanged (target, before);
  assert_listing (full, listing);
  g_assert_cmpstr (ipms_document_get_path (document), ==, source);
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, 400);

  ipms_document_close (document);
  if (mounted)
    umount (full);
}

static void
test_save_as_full_disk (Fixture       *fixture,
                        gconstpointer  data)
{
  int status = 0;
  pid_t pid;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);

  if (pid == 0)
    {
      save_onto_full_disk (fixture->dir);
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/hostile-files/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("not-regular-files", test_not_regular_files);
  ADD ("symlink", test_symlink);
  ADD ("uri-like-name", test_uri_like_name);
  ADD ("long-names", test_long_names);
  ADD ("export-read-only-file", test_export_read_only_file);
  ADD ("export-old-format", test_export_old_format);
  ADD ("export-wal-file", test_export_wal_file);
  ADD ("export-hot-journal", test_export_hot_journal);
  ADD ("invalid-text", test_invalid_text);
  ADD ("dangling-reference", test_dangling_reference);
  ADD ("dangling-prd-owner", test_dangling_prd_owner);
  ADD ("unknown-schema-objects", test_unknown_schema_objects);
  ADD ("damaged-after-clean-close", test_damaged_after_clean_close);
  ADD ("negative-version", test_negative_version);
  ADD ("busy-file", test_busy_file);
  ADD ("external-change", test_external_change);
  ADD ("huge-ids", test_huge_ids);
  ADD ("read-ahead", test_read_ahead);
  ADD ("cli-exports", test_cli_exports);
  ADD ("save-as-full-disk", test_save_as_full_disk);

#undef ADD

  return g_test_run ();
}
