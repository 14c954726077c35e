/* test-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document model without a display: every table's rows, the edit path,
 * undo and redo, persistence, bad files, a killed writer, migrations and the
 * live lists.
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ipms-document.h"
#include "ipms-entities.h"
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

  fixture->dir = g_dir_make_tmp ("ipms-test-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *chmod_back = g_build_filename (fixture->dir, "read-only.ipms", NULL);

  g_chmod (chmod_back, 0644);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static IpmsDocument *
create_document (Fixture    *fixture,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, name);
  IpmsDocument *document = ipms_document_create (path, "Test plan", &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

/* Every row of every table, as text: two states are equal when their
 * dumps are. */
static char *
dump_document (IpmsDocument *document)
{
  GString *dump = g_string_new (NULL);
  const IpmsTable *tables;
  guint n_tables;

  tables = ipms_schema_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    {
      g_autoptr(GPtrArray) rows = ipms_document_query (document, tables[t].name, NULL, 0, NULL);

      for (guint r = 0; r < rows->len; r++)
        {
          IpmsRecord *record = g_ptr_array_index (rows, r);

          g_string_append_printf (dump, "%s %" G_GINT64_FORMAT ":", tables[t].name, ipms_record_get_id (record));
          for (guint c = 0; c < tables[t].n_columns; c++)
            {
              const GValue *value = ipms_record_get_value (record, tables[t].columns[c].name);
              g_autofree char *text = value ? g_strdup_value_contents (value) : g_strdup ("NULL");

              g_string_append_printf (dump, " %s=%s", tables[t].columns[c].name, text);
            }
          g_string_append_c (dump, '\n');
        }
    }

  return g_string_free (dump, FALSE);
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

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static char *
integrity_check (const char *path)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return result;
}

static gint64
insert_row (IpmsDocument *document,
            const char   *table_name,
            ...)
{
  g_autoptr(GError) error = NULL;
  const IpmsTable *table = ipms_schema_lookup_table (table_name);
  GValue *values = g_new0 (GValue, table->n_columns);
  const char *column;
  gint64 id;
  va_list args;

  va_start (args, table_name);
  while ((column = va_arg (args, const char *)) != NULL)
    {
      int index = ipms_table_find_column (table, column);
      GValue *value;

      g_assert_cmpint (index, >=, 0);
      value = &values[index];

      switch (table->columns[index].type)
        {
        case IPMS_COLUMN_INTEGER:
        case IPMS_COLUMN_REFERENCE:
          g_value_init (value, G_TYPE_INT64);
          g_value_set_int64 (value, va_arg (args, gint64));
          break;

        case IPMS_COLUMN_REAL:
          g_value_init (value, G_TYPE_DOUBLE);
          g_value_set_double (value, va_arg (args, double));
          break;

        default:
          g_value_init (value, G_TYPE_STRING);
          g_value_set_string (value, va_arg (args, const char *));
          break;
        }
    }
  va_end (args);

  id = ipms_document_insert (document, table_name, 0, values, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  for (guint i = 0; i < table->n_columns; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);
  g_free (values);

  return id;
}

static void
begin (IpmsDocument *document,
       const char   *label,
       const char   *merge_key)
{
  g_autoptr(GError) error = NULL;

  ipms_document_begin_edit (document, label, merge_key, &error);
  g_assert_no_error (error);
}

static void
commit (IpmsDocument *document)
{
  g_autoptr(GError) error = NULL;

  ipms_document_commit_edit (document, &error);
  g_assert_no_error (error);
}

/* A valid value for any column; references point at `ref_ids`. */
static void
make_value (const IpmsColumn *column,
            GHashTable       *ref_ids,
            guint             variant,
            GValue           *value)
{
  switch (column->type)
    {
    case IPMS_COLUMN_INTEGER:
      g_value_init (value, G_TYPE_INT64);
      if (column->flags & IPMS_COLUMN_FLAG_BOUNDED)
        g_value_set_int64 (value, (gint64) column->min + variant % (gint64) (column->max - column->min + 1));
      else
        g_value_set_int64 (value, 40 + variant);
      break;

    case IPMS_COLUMN_REAL:
      g_value_init (value, G_TYPE_DOUBLE);
      g_value_set_double (value, 12.5 + variant);
      break;

    case IPMS_COLUMN_DATE:
      g_value_init (value, G_TYPE_STRING);
      g_value_take_string (value, g_strdup_printf ("2027-0%u-1%u", 1 + variant % 9, variant % 10));
      break;

    case IPMS_COLUMN_ENUM:
      {
        guint n = ipms_column_get_n_choices (column);

        g_value_init (value, G_TYPE_STRING);
        g_value_set_string (value, column->choices[variant % n].code);
      }
      break;

    case IPMS_COLUMN_REFERENCE:
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, *(gint64 *) g_hash_table_lookup (ref_ids, column->references));
      break;

    case IPMS_COLUMN_TEXT:
    default:
      g_value_init (value, G_TYPE_STRING);
      g_value_take_string (value, g_strdup_printf ("%s “%u” 中文", column->name, variant));
      break;
    }
}

static void
assert_record_matches (IpmsRecord   *record,
                       const GValue *values)
{
  const IpmsTable *table = ipms_record_get_table (record);

  for (guint c = 0; c < table->n_columns; c++)
    {
      const GValue *stored = ipms_record_get_value (record, table->columns[c].name);
      g_autofree char *expected = g_strdup_value_contents (&values[c]);
      g_autofree char *actual = stored ? g_strdup_value_contents (stored) : g_strdup ("NULL");

      g_assert_cmpstr (actual, ==, expected);
    }
}

static void
test_crud_every_table (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(IpmsDocument) document = create_document (fixture, "crud.ipms");
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const IpmsTable *tables;
  guint n_tables;

  tables = ipms_schema_get_tables (&n_tables);

  /* Create: one row per table, in dependency order. */
  for (guint t = 0; t < n_tables; t++)
    {
      g_autoptr(GError) error = NULL;
      GValue *values = g_new0 (GValue, tables[t].n_columns);
      guint before = ipms_document_count_rows (document, tables[t].name);
      IpmsRecord *record;
      gint64 id;

      for (guint c = 0; c < tables[t].n_columns; c++)
        make_value (&tables[t].columns[c], ids, 1, &values[c]);

      begin (document, "Create", NULL);
      id = ipms_document_insert (document, tables[t].name, 0, values, &error);
      g_assert_no_error (error);
      commit (document);

      g_hash_table_insert (ids, (gpointer) tables[t].name, g_memdup2 (&id, sizeof id));
      g_assert_cmpuint (ipms_document_count_rows (document, tables[t].name), ==, before + 1);

      record = ipms_document_get_record (document, tables[t].name, id);
      g_assert_nonnull (record);
      assert_record_matches (record, values);

      for (guint c = 0; c < tables[t].n_columns; c++)
        g_value_unset (&values[c]);
      g_free (values);
    }

  /* Update every column; the shared record follows. */
  for (guint t = 0; t < n_tables; t++)
    {
      gint64 id = *(gint64 *) g_hash_table_lookup (ids, tables[t].name);
      IpmsRecord *record = ipms_document_get_record (document, tables[t].name, id);
      GValue *values = g_new0 (GValue, tables[t].n_columns);
      guint revision = ipms_record_get_revision (record);

      begin (document, "Update", NULL);
      for (guint c = 0; c < tables[t].n_columns; c++)
        {
          g_autoptr(GError) error = NULL;

          make_value (&tables[t].columns[c], ids, 2, &values[c]);
          ipms_document_set_value (document, tables[t].name, id, tables[t].columns[c].name, &values[c], &error);
          g_assert_no_error (error);
        }
      commit (document);

      /* Rows made only of references point at the same rows both times. */
      if (tables[t].columns[0].type != IPMS_COLUMN_REFERENCE || tables[t].n_columns > 2)
        g_assert_cmpuint (ipms_record_get_revision (record), >, revision);
      assert_record_matches (record, values);

      for (guint c = 0; c < tables[t].n_columns; c++)
        g_value_unset (&values[c]);
      g_free (values);
    }

  /* Delete, last table first; owned rows go with their owner. */
  for (guint t = n_tables; t > 0; t--)
    {
      const IpmsTable *table = &tables[t - 1];
      gint64 id = *(gint64 *) g_hash_table_lookup (ids, table->name);
      IpmsRecord *record = ipms_document_get_record (document, table->name, id);
      g_autoptr(GError) error = NULL;

      if (record == NULL)
        continue;

      g_object_ref (record);
      begin (document, "Delete", NULL);
      ipms_document_delete (document, table->name, id, &error);
      g_assert_no_error (error);
      commit (document);

      g_assert_false (ipms_record_is_alive (record));
      g_assert_null (ipms_document_get_record (document, table->name, id));
      g_object_unref (record);
    }
}

static void
test_delete_cascades (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(IpmsDocument) document = create_document (fixture, "cascade.ipms");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 x, y, segment, product, spec;

  begin (document, "Grid", NULL);
  x = insert_row (document, "axis_item", "axis", "x", "label", "Value", NULL);
  y = insert_row (document, "axis_item", "axis", "y", "label", "Seniors", NULL);
  segment = insert_row (document, "segment", "x_item_id", x, "y_item_id", y, NULL);
  product = insert_row (document, "product", "name", "Feeder", "segment_id", segment, NULL);
  spec = insert_row (document, "product_spec", "product_id", product, "name", "Hopper", NULL);
  commit (document);

  before = dump_document (document);

  begin (document, "Remove “Value”", NULL);
  ipms_document_delete (document, "axis_item", x, &error);
  g_assert_no_error (error);
  commit (document);

  /* The cell goes with its axis item; the product is only unplaced. */
  g_assert_null (ipms_document_get_record (document, "segment", segment));
  g_assert_true (ipms_record_is_null (ipms_document_get_record (document, "product", product), "segment_id"));
  g_assert_nonnull (ipms_document_get_record (document, "product_spec", spec));

  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  after = dump_document (document);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (ipms_record_get_int (ipms_document_get_record (document, "product", product), "segment_id"), ==, segment);

  ipms_document_redo (document, &error);
  g_assert_no_error (error);
  g_assert_null (ipms_document_get_record (document, "segment", segment));

  /* Deleting the product takes its PRD rows with it. */
  begin (document, "Delete", NULL);
  ipms_document_delete (document, "product", product, &error);
  g_assert_no_error (error);
  commit (document);
  g_assert_null (ipms_document_get_record (document, "product_spec", spec));
}

static void
test_invalid_values (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(IpmsDocument) document = create_document (fixture, "invalid.ipms");
  g_autofree char *before = dump_document (document);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 product;

  begin (document, "Create", NULL);
  product = insert_row (document, "product", "name", "Bowl", NULL);
  commit (document);
  g_free (before);
  before = dump_document (document);

  begin (document, "Bad", NULL);

  g_assert_false (ipms_document_set_string (document, "product", product, "grade", "Z", &error));
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_false (ipms_document_set_string (document, "product", product, "launch_date", "2027-02-30", &error));
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_false (ipms_document_set_double (document, "product", product, "price", -3, &error));
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_false (ipms_document_set_double (document, "product", product, "price", NAN, &error));
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_false (ipms_document_set_int (document, "product", product, "series_id", 999, &error));
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_false (ipms_document_set_null (document, "product", product, "name", &error));
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_false (ipms_document_set_string (document, "product", 4242, "name", "Ghost", &error));
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);

  /* A name that looks like SQL is only ever a bound value. */
  g_assert_true (ipms_document_set_string (document, "product", product, "name",
                                           "x'); DROP TABLE product; --", &error));
  g_assert_no_error (error);

  ipms_document_rollback_edit (document);

  after = dump_document (document);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (ipms_document_get_undo_label (document), ==, "Create");

  /* Outside an edit nothing is written. */
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*outside*");
  g_assert_false (ipms_document_set_string (document, "product", product, "name", "Sneaky", &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NOT_IN_EDIT);
}

/* A fixed-seed random walk of edits, then undo all and redo all. */
static void
random_edit (IpmsDocument *document,
             GRand        *rand,
             guint         step)
{
  g_autoptr(GPtrArray) products = ipms_document_query (document, "product", NULL, 0, NULL);
  g_autoptr(GPtrArray) segments = ipms_document_query (document, "segment", NULL, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("Product %u", step);
  guint kind = g_rand_int_range (rand, 0, 6);
  IpmsRecord *product = products->len ? g_ptr_array_index (products, g_rand_int_range (rand, 0, products->len)) : NULL;
  IpmsRecord *segment = segments->len ? g_ptr_array_index (segments, g_rand_int_range (rand, 0, segments->len)) : NULL;

  if (product == NULL)
    kind = 0;

  switch (kind)
    {
    case 0:
      begin (document, "Add", NULL);
      insert_row (document, "product", "name", name, "price", (double) g_rand_int_range (rand, 1, 500),
                  "grade", ipms_grade_codes[step % 5], NULL);
      commit (document);
      break;

    case 1:
      /* A typing burst: several sets merged into one step. */
      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *typed = g_strndup (name, 3 + i);

          begin (document, "Rename", "rename");
          ipms_document_set_string (document, "product", ipms_record_get_id (product), "name", typed, &error);
          g_assert_no_error (error);
          commit (document);
        }
      break;

    case 2:
      begin (document, "Move", NULL);
      if (segment != NULL)
        ipms_document_set_int (document, "product", ipms_record_get_id (product), "segment_id",
                               ipms_record_get_id (segment), &error);
      ipms_document_set_int (document, "product", ipms_record_get_id (product), "cell_order", step, &error);
      g_assert_no_error (error);
      commit (document);
      break;

    case 3:
      begin (document, "Delete", NULL);
      ipms_document_delete (document, "product", ipms_record_get_id (product), &error);
      g_assert_no_error (error);
      commit (document);
      break;

    case 4:
      {
        gint64 x, y;

        begin (document, "Add row", NULL);
        x = insert_row (document, "axis_item", "axis", "x", "label", name, "position", (gint64) step, NULL);
        y = insert_row (document, "axis_item", "axis", "y", "label", name, "position", (gint64) step, NULL);
        insert_row (document, "segment", "x_item_id", x, "y_item_id", y, "size", (gint64) step * 1000, NULL);
        commit (document);
      }
      break;

    default:
      if (segment == NULL)
        break;
      begin (document, "Remove axis item", NULL);
      ipms_document_delete (document, "axis_item", ipms_record_get_int (segment, "x_item_id"), &error);
      g_assert_no_error (error);
      commit (document);
      break;
    }
}

static void
test_undo_redo_all (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(IpmsDocument) document = create_document (fixture, "random.ipms");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261127);
  g_autofree char *start = dump_document (document);
  g_autofree char *end = NULL;
  g_autofree char *state = NULL;
  guint undone = 0;
  guint redone = 0;

  g_assert_false (ipms_document_can_undo (document));

  for (guint step = 0; step < 300; step++)
    random_edit (document, rand, step);

  end = dump_document (document);

  while (ipms_document_can_undo (document))
    {
      g_autoptr(GError) error = NULL;

      ipms_document_undo (document, &error);
      g_assert_no_error (error);
      undone++;
    }

  state = dump_document (document);
  g_assert_cmpstr (state, ==, start);
  g_assert_cmpuint (undone, >, 50);

  while (ipms_document_can_redo (document))
    {
      g_autoptr(GError) error = NULL;

      ipms_document_redo (document, &error);
      g_assert_no_error (error);
      redone++;
    }

  g_free (state);
  state = dump_document (document);
  g_assert_cmpstr (state, ==, end);
  g_assert_cmpuint (redone, ==, undone);
}

/* A step that changes hundreds of rows of a table reads its cached records
 * again in one scan: each must end with its row's values, or deleted when
 * its row is gone. */
static void
test_many_rows_refreshed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(IpmsDocument) document = create_document (fixture, "many.ipms");
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const guint n = 600;

  begin (document, "Add", NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Product %u", i);

      g_ptr_array_add (records, g_object_ref (ipms_document_get_record (document, "product",
                                                                         insert_row (document, "product", "name", name,
                                                                                     "price", 10.0, NULL))));
    }
  commit (document);

  begin (document, "Reprice", NULL);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_DOUBLE);
      g_value_set_double (&value, 20.0 + i);
      g_assert_true (ipms_document_set_value (document, "product", ipms_record_get_id (records->pdata[i]),
                                              "price", &value, &error));
      g_assert_no_error (error);
    }
  /* Half of them go in the same step. */
  for (guint i = 0; i < n; i += 2)
    {
      g_assert_true (ipms_document_delete (document, "product", ipms_record_get_id (records->pdata[i]), &error));
      g_assert_no_error (error);
    }
  commit (document);

  for (guint i = 0; i < n; i++)
    {
      if (i % 2 == 0)
        g_assert_false (ipms_record_is_alive (records->pdata[i]));
      else
        g_assert_cmpfloat (ipms_record_get_double (records->pdata[i], "price"), ==, 20.0 + i);
    }

  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  for (guint i = 1; i < n; i += 2)
    g_assert_cmpfloat (ipms_record_get_double (records->pdata[i], "price"), ==, 10.0);
  for (guint i = 0; i < n; i += 2)
    g_assert_cmpfloat (ipms_record_get_double (ipms_document_get_record (document, "product",
                                                                        ipms_record_get_id (records->pdata[i])),
                                               "price"), ==, 10.0);

  /* Every cached row changes again, the deleted ones go. */
  ipms_document_redo (document, &error);
  g_assert_no_error (error);
  for (guint i = 1; i < n; i += 2)
    g_assert_cmpfloat (ipms_record_get_double (records->pdata[i], "price"), ==, 20.0 + i);
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, n / 2);
}

/* The project row is looked up once and then kept: a plan whose project
 * row is replaced (as an import does), undone and redone, must give the
 * row that is in the file each time. */
static void
test_project_row_replaced (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(IpmsDocument) document = create_document (fixture, "project.ipms");
  g_autoptr(GError) error = NULL;
  gint64 first = ipms_record_get_id (ipms_document_get_project (document));
  gint64 second;

  begin (document, "Replace project", NULL);
  second = insert_row (document, "project", "name", "Second plan", NULL);
  ipms_document_delete (document, "project", first, &error);
  g_assert_no_error (error);
  commit (document);
  g_assert_cmpint (second, !=, first);
  g_assert_cmpint (ipms_record_get_id (ipms_document_get_project (document)), ==, second);
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_project (document), "name"), ==, "Second plan");

  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipms_record_get_id (ipms_document_get_project (document)), ==, first);
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_project (document), "name"), ==, "Test plan");

  ipms_document_redo (document, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipms_record_get_id (ipms_document_get_project (document)), ==, second);
}

static void
test_merge_and_redo_cleared (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(IpmsDocument) document = create_document (fixture, "merge.ipms");
  IpmsRecord *project = ipms_document_get_project (document);
  g_autoptr(GError) error = NULL;
  const char *typed[] = { "P", "Pa", "Paw", "PawS" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, typed[i]);
      ipms_document_edit_value (document, "Rename project", "project-name", "project",
                                ipms_record_get_id (project), "name", &value, &error);
      g_assert_no_error (error);
    }

  g_assert_cmpstr (ipms_record_get_string (project, "name"), ==, "PawS");
  g_assert_cmpstr (ipms_document_get_undo_label (document), ==, "Rename project");

  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ipms_record_get_string (project, "name"), ==, "Test plan");
  g_assert_false (ipms_document_can_undo (document));
  g_assert_cmpstr (ipms_document_get_redo_label (document), ==, "Rename project");

  /* A new edit drops the redo step. */
  begin (document, "Set currency", NULL);
  ipms_document_set_string (document, "project", ipms_record_get_id (project), "currency", "CNY", &error);
  g_assert_no_error (error);
  commit (document);
  g_assert_false (ipms_document_can_redo (document));

  /* An edit that changes nothing leaves no step. */
  begin (document, "Nothing", NULL);
  commit (document);
  g_assert_cmpstr (ipms_document_get_undo_label (document), ==, "Set currency");
}

static void
test_history_limit (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(IpmsDocument) document = create_document (fixture, "limit.ipms");
  guint undone = 0;

  ipms_document_set_history_limit (document, 5);

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Bowl %u", i);

      begin (document, name, NULL);
      insert_row (document, "product", "name", name, NULL);
      commit (document);
    }

  while (ipms_document_can_undo (document))
    {
      g_autoptr(GError) error = NULL;

      ipms_document_undo (document, &error);
      g_assert_no_error (error);
      undone++;
    }

  g_assert_cmpuint (undone, ==, 5);
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, 7);

  ipms_document_redo (document, NULL);
  g_assert_true (ipms_document_can_undo (document));
  g_assert_true (ipms_document_can_redo (document));
  ipms_document_forget_history (document, NULL);
  g_assert_false (ipms_document_can_undo (document));
  g_assert_false (ipms_document_can_redo (document));
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, 8);
}

static void
test_history_survives_reopen (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "reopen.ipms");
  g_autofree char *after_two = NULL;
  g_autofree char *state = NULL;
  g_autoptr(GError) error = NULL;
  IpmsDocument *document = create_document (fixture, "reopen.ipms");

  begin (document, "Add “Bowl”", NULL);
  insert_row (document, "product", "name", "Bowl", NULL);
  commit (document);
  begin (document, "Add “Feeder”", NULL);
  insert_row (document, "product", "name", "Feeder", NULL);
  commit (document);
  after_two = dump_document (document);
  begin (document, "Add “Fountain”", NULL);
  insert_row (document, "product", "name", "Fountain", NULL);
  commit (document);
  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  g_object_unref (document);

  /* After a clean close the file stands alone. */
  {
    g_autofree char *journal = g_strconcat (path, "-journal", NULL);
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }

  document = ipms_document_open (path, &error);
  g_assert_no_error (error);
  state = dump_document (document);
  g_assert_cmpstr (state, ==, after_two);
  g_assert_cmpstr (ipms_document_get_undo_label (document), ==, "Add “Feeder”");
  g_assert_cmpstr (ipms_document_get_redo_label (document), ==, "Add “Fountain”");

  ipms_document_redo (document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, 3);
  ipms_document_undo (document, &error);
  ipms_document_undo (document, &error);
  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, 0);
  g_object_unref (document);
}

typedef enum
{
  BAD_NOT_SQLITE,
  BAD_EMPTY,
  BAD_FOREIGN,
  BAD_TRUNCATED,
  BAD_CORRUPT,
  BAD_TOO_NEW,
  BAD_READ_ONLY,
  BAD_MISSING,
  BAD_TRIGGER,
  BAD_MISSING_COLUMN,
} BadCase;

static void
make_bad_file (Fixture    *fixture,
               BadCase     bad,
               const char *path)
{
  g_autoptr(GError) error = NULL;

  switch (bad)
    {
    case BAD_NOT_SQLITE:
      g_file_set_contents (path, "name,price\nBowl,12\n", -1, &error);
      break;

    case BAD_EMPTY:
      g_file_set_contents (path, "", 0, &error);
      break;

    case BAD_FOREIGN:
      exec_raw (path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes VALUES (1, 'hi');");
      break;

    case BAD_MISSING:
      break;

    default:
      {
        g_autoptr(IpmsDocument) document = ipms_document_create (path, "Victim", &error);

        g_assert_no_error (error);
        begin (document, "Fill", NULL);
        for (guint i = 0; i < 400; i++)
          {
            g_autofree char *name = g_strdup_printf ("Product %u with a long enough name to fill pages", i);
            insert_row (document, "product", "name", name, "concept", name, NULL);
          }
        commit (document);
      }

      if (bad == BAD_TRUNCATED || bad == BAD_CORRUPT)
        {
          g_autofree char *contents = NULL;
          gsize length;

          g_file_get_contents (path, &contents, &length, &error);
          g_assert_no_error (error);

          if (bad == BAD_TRUNCATED)
            length = length / 2;
          else
            for (gsize i = 4096 * 3; i < length && i < 4096 * 6; i++)
              contents[i] = (char) (i * 37);

          g_file_set_contents (path, contents, length, &error);
        }
      else if (bad == BAD_TOO_NEW)
        exec_raw (path, "PRAGMA user_version = 99");
      else if (bad == BAD_TRIGGER)
        exec_raw (path, "CREATE TRIGGER sneaky AFTER UPDATE ON product BEGIN DELETE FROM product; END;");
      else if (bad == BAD_MISSING_COLUMN)
        exec_raw (path, "ALTER TABLE product DROP COLUMN concept");
      else if (bad == BAD_READ_ONLY)
        g_chmod (path, 0444);
      break;
    }

  g_assert_no_error (error);
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct {
    BadCase bad;
    const char *name;
    int code;
  } cases[] = {
    { BAD_NOT_SQLITE, "plain.ipms", IPMS_DOCUMENT_ERROR_NOT_A_PROJECT },
    { BAD_EMPTY, "empty.ipms", IPMS_DOCUMENT_ERROR_NOT_A_PROJECT },
    { BAD_FOREIGN, "foreign.ipms", IPMS_DOCUMENT_ERROR_NOT_A_PROJECT },
    { BAD_TRUNCATED, "truncated.ipms", IPMS_DOCUMENT_ERROR_CORRUPT },
    { BAD_CORRUPT, "corrupt.ipms", IPMS_DOCUMENT_ERROR_CORRUPT },
    { BAD_TOO_NEW, "new.ipms", IPMS_DOCUMENT_ERROR_TOO_NEW },
    { BAD_READ_ONLY, "read-only.ipms", IPMS_DOCUMENT_ERROR_READ_ONLY },
    { BAD_MISSING, "missing.ipms", IPMS_DOCUMENT_ERROR_NOT_FOUND },
    { BAD_TRIGGER, "trigger.ipms", IPMS_DOCUMENT_ERROR_CORRUPT },
    { BAD_MISSING_COLUMN, "column.ipms", IPMS_DOCUMENT_ERROR_CORRUPT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path (fixture, cases[i].name);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(IpmsDocument) document = NULL;

      g_test_message ("Opening %s", cases[i].name);
      make_bad_file (fixture, cases[i].bad, path);
      before = checksum_file (path);

      document = ipms_document_open (path, &error);
      g_assert_null (document);
      g_assert_error (error, IPMS_DOCUMENT_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].name));

      after = checksum_file (path);
      g_assert_cmpstr (after, ==, before);
    }
}

/* A writer killed with SIGKILL at random moments: each reopen finds a
 * consistent file holding every edit that had committed. */
static void
test_killed_writer (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "killed.ipms");
  g_autoptr(IpmsDocument) created = create_document (fixture, "killed.ipms");

  g_clear_object (&created);

  for (guint round = 0; round < 4; round++)
    {
      g_autoptr(IpmsDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *check = NULL;
      guint n_products;
      guint n_steps = 0;
      int status = 0;
      pid_t pid;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);

      if (pid == 0)
        {
          IpmsDocument *writer = ipms_document_open (path, NULL);

          if (writer == NULL)
            _exit (2);

          for (guint i = 0; ; i++)
            {
              char name[64];

              g_snprintf (name, sizeof name, "Product %u.%u", round, i);
              ipms_document_begin_edit (writer, "Add", NULL, NULL);
              insert_row (writer, "product", "name", name, "concept", "a concept long enough to need some pages of writing", NULL);
              ipms_document_commit_edit (writer, NULL);
            }
        }

      g_usleep (150000 + g_test_rand_int_range (0, 200000));
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_assert_true (WIFSIGNALED (status));

      document = ipms_document_open (path, &error);
      g_assert_no_error (error);

      check = integrity_check (path);
      g_assert_cmpstr (check, ==, "ok");

      /* Each committed edit carries its own undo step. */
      n_products = ipms_document_count_rows (document, "product");
      g_assert_cmpuint (n_products, >, 0);
      ipms_document_set_history_limit (document, 100000);
      while (ipms_document_can_undo (document) && n_steps < 100000)
        {
          ipms_document_undo (document, &error);
          g_assert_no_error (error);
          n_steps++;
        }
      g_assert_cmpuint (ipms_document_count_rows (document, "product"), <, n_products);
      while (ipms_document_can_redo (document))
        ipms_document_redo (document, NULL);
      g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, n_products);
    }
}

static void
test_migrate_version_1 (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "data", "project-v1.sql", NULL);
  g_autofree char *path = fixture_path (fixture, "old.ipms");
  g_autofree char *sql = NULL;
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  IpmsRecord *product;

  g_file_get_contents (sql_path, &sql, NULL, &error);
  g_assert_no_error (error);
  exec_raw (path, sql);

  document = ipms_document_open (path, &error);
  g_assert_no_error (error);

  product = ipms_document_get_record (document, "product", 1);
  g_assert_cmpstr (ipms_record_get_string (product, "name"), ==, "Feeder Mini");
  g_assert_cmpfloat (ipms_record_get_double (product, "price"), ==, 59.0);
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_project (document), "currency"), ==, "EUR");
  g_assert_true (ipms_record_is_null (ipms_document_get_project (document), "price_step"));
  g_assert_cmpuint (ipms_document_count_rows (document, "price_band"), ==, 0);
  g_assert_cmpstr (ipms_document_get_undo_label (document), ==, "Old step");

  /* The new table takes part in the edit path at once. */
  begin (document, "Add band", NULL);
  insert_row (document, "price_band", "name", "Entry", "min_price", 0.0, "max_price", 49.0, NULL);
  commit (document);
  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipms_document_count_rows (document, "price_band"), ==, 0);
  g_clear_object (&document);

  {
    sqlite3_stmt *stmt = NULL;
    sqlite3 *db = NULL;

    sqlite3_open (path, &db);
    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, IPMS_DOCUMENT_FORMAT_VERSION);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

static const char *
name_at (IpmsRecordList *list,
         guint           position)
{
  return ipms_record_get_string (ipms_record_list_get_record (list, position), "name");
}

static void
test_live_lists (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(IpmsDocument) document = create_document (fixture, "lists.ipms");
  g_autoptr(IpmsRecordList) cell_a = NULL;
  g_autoptr(IpmsRecordList) unplaced = NULL;
  g_autoptr(GError) error = NULL;
  gint64 x, y, a, b, bowl, feeder, fountain;
  guint changes = 0;

  begin (document, "Grid", NULL);
  x = insert_row (document, "axis_item", "axis", "x", "label", "Convenience", NULL);
  y = insert_row (document, "axis_item", "axis", "y", "label", "Young", NULL);
  a = insert_row (document, "segment", "x_item_id", x, "y_item_id", y, NULL);
  b = insert_row (document, "segment", "x_item_id", x, "y_item_id", y, NULL);
  bowl = insert_row (document, "product", "name", "Bowl", "segment_id", a, "cell_order", (gint64) 2, NULL);
  feeder = insert_row (document, "product", "name", "Feeder", "segment_id", a, "cell_order", (gint64) 1, NULL);
  fountain = insert_row (document, "product", "name", "Fountain", NULL);
  commit (document);

  cell_a = ipms_record_list_new (document, "product", "segment_id", a, "cell_order");
  unplaced = ipms_record_list_new (document, "product", "segment_id", IPMS_NULL_ID, "cell_order");
  g_signal_connect (cell_a, "items-changed", G_CALLBACK (count_items_changed), &changes);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cell_a)), ==, 2);
  g_assert_cmpstr (name_at (cell_a, 0), ==, "Feeder");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (unplaced)), ==, 1);

  /* Place the fountain first in cell A. */
  begin (document, "Place “Fountain”", NULL);
  ipms_document_set_int (document, "product", fountain, "segment_id", a, &error);
  ipms_document_set_int (document, "product", fountain, "cell_order", 0, &error);
  g_assert_no_error (error);
  commit (document);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cell_a)), ==, 3);
  g_assert_cmpstr (name_at (cell_a, 0), ==, "Fountain");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (unplaced)), ==, 0);
  g_assert_cmpuint (changes, ==, 1);

  /* Reorder inside the cell. */
  begin (document, "Reorder", NULL);
  ipms_document_set_int (document, "product", bowl, "cell_order", -0, &error);
  ipms_document_set_int (document, "product", fountain, "cell_order", 5, &error);
  commit (document);
  g_assert_cmpstr (name_at (cell_a, 0), ==, "Bowl");
  g_assert_cmpstr (name_at (cell_a, 2), ==, "Fountain");

  /* Move to another cell, then undo everything back. */
  begin (document, "Move “Feeder”", NULL);
  ipms_document_set_int (document, "product", feeder, "segment_id", b, &error);
  commit (document);
  g_assert_cmpuint (ipms_record_list_find (cell_a, feeder), ==, G_MAXUINT);

  ipms_document_undo (document, &error);
  ipms_document_undo (document, &error);
  ipms_document_undo (document, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cell_a)), ==, 2);
  g_assert_cmpstr (name_at (cell_a, 0), ==, "Feeder");
  g_assert_cmpstr (name_at (cell_a, 1), ==, "Bowl");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (unplaced)), ==, 1);

  /* Undo of the first edit empties the lists. */
  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cell_a)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (unplaced)), ==, 0);
}

/* A held list keeps its items where they are and announces nothing; let
 * go, it places again the rows that changed meanwhile, or reads the table
 * again after a reload, and ends as a list made afresh would be. */
static void
assert_same_items (IpmsRecordList *list,
                   IpmsRecordList *fresh)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (fresh)));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fresh)); i++)
    g_assert_true (ipms_record_list_get_record (list, i) == ipms_record_list_get_record (fresh, i));
}

static void
test_held_lists (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(IpmsDocument) document = create_document (fixture, "held.ipms");
  g_autoptr(IpmsRecordList) by_name = NULL;
  g_autoptr(GError) error = NULL;
  gint64 bowl, feeder, fountain;
  guint changes = 0;

  begin (document, "Add", NULL);
  bowl = insert_row (document, "product", "name", "Bowl", NULL);
  feeder = insert_row (document, "product", "name", "Feeder", NULL);
  fountain = insert_row (document, "product", "name", "Fountain", NULL);
  commit (document);

  by_name = ipms_record_list_new (document, "product", NULL, 0, "name");
  g_signal_connect (by_name, "items-changed", G_CALLBACK (count_items_changed), &changes);
  ipms_record_list_set_held (by_name, TRUE);
  g_assert_true (ipms_record_list_get_held (by_name));

  /* Renamed, added, deleted and told of from outside: nothing moves. */
  begin (document, "Edit", NULL);
  ipms_document_set_string (document, "product", bowl, "name", "Water bowl", &error);
  insert_row (document, "product", "name", "Brush", NULL);
  ipms_document_delete (document, "product", feeder, &error);
  g_assert_no_error (error);
  commit (document);
  ipms_record_list_row_changed (by_name, fountain);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (by_name)), ==, 3);
  g_assert_cmpstr (name_at (by_name, 0), ==, "Water bowl");

  ipms_record_list_set_held (by_name, FALSE);
  g_assert_cmpuint (changes, >, 0);
  {
    g_autoptr(IpmsRecordList) fresh = ipms_record_list_new (document, "product", NULL, 0, "name");

    assert_same_items (by_name, fresh);
    g_assert_cmpstr (name_at (by_name, 0), ==, "Brush");
    g_assert_cmpstr (name_at (by_name, 2), ==, "Water bowl");
  }

  /* A bulk step reloads the lists: a held one reads again when let go. */
  ipms_record_list_set_held (by_name, TRUE);
  changes = 0;
  begin (document, "Many", NULL);
  for (guint i = 0; i < IPMS_DOCUMENT_BULK_ROWS + 1; i++)
    insert_row (document, "product", "name", "Bulk", NULL);
  commit (document);
  g_assert_cmpuint (changes, ==, 0);
  ipms_record_list_set_held (by_name, FALSE);
  g_assert_cmpuint (changes, ==, 1);
  {
    g_autoptr(IpmsRecordList) fresh = ipms_record_list_new (document, "product", NULL, 0, "name");

    assert_same_items (by_name, fresh);
  }

  /* Both steps undone while held. */
  ipms_record_list_set_held (by_name, TRUE);
  ipms_document_undo (document, &error);
  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  ipms_document_settle (document);
  ipms_record_list_set_held (by_name, FALSE);
  {
    g_autoptr(IpmsRecordList) fresh = ipms_record_list_new (document, "product", NULL, 0, "name");

    assert_same_items (by_name, fresh);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (by_name)), ==, 3);
    g_assert_cmpstr (name_at (by_name, 0), ==, "Bowl");
  }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_typed_entities (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(IpmsDocument) document = create_document (fixture, "typed.ipms");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  IpmsRecord *product;
  guint price_notifies = 0;
  guint name_notifies = 0;
  double price = 0;
  gint64 id;

  begin (document, "Add", NULL);
  id = insert_row (document, "product", "name", "Bowl", "price", 19.0, NULL);
  commit (document);

  product = ipms_document_get_record (document, "product", id);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (product, IPMS_TYPE_PRODUCT));
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (product), ==, "IpmsProduct");
  g_assert_cmpstr (g_type_name (IPMS_TYPE_AXIS_ITEM), ==, "IpmsAxisItem");
  g_assert_true (g_type_is_a (IPMS_TYPE_SEGMENT, IPMS_TYPE_RECORD));

  g_object_get (product, "price", &price, "name", &name, NULL);
  g_assert_cmpfloat (price, ==, 19.0);
  g_assert_cmpstr (name, ==, "Bowl");

  g_signal_connect (product, "notify::price", G_CALLBACK (count_notify), &price_notifies);
  g_signal_connect (product, "notify::name", G_CALLBACK (count_notify), &name_notifies);

  begin (document, "Price", NULL);
  ipms_document_set_double (document, "product", id, "price", 24.0, &error);
  g_assert_no_error (error);
  commit (document);
  g_assert_cmpuint (price_notifies, ==, 1);
  g_assert_cmpuint (name_notifies, ==, 0);

  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (price_notifies, ==, 2);
  g_object_get (product, "price", &price, NULL);
  g_assert_cmpfloat (price, ==, 19.0);
}

/* A draft's name, its time to the second, may be taken between a look and
 * the file's creation: by another window or a test beside this one. A
 * dangling link is that, kept still: the file's creation refuses it, a look
 * did not see it, and the draft was refused as existing. */
static void
test_draft_name_taken (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *drafts = ipms_document_get_drafts_dir ();
  g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_assert_cmpint (g_mkdir_with_parents (drafts, 0700), ==, 0);
  /* This second and the next few, whichever the draft is made in; a
   * draft an earlier test made in one of them takes its name already. */
  for (int s = 0; s < 5; s++)
    {
      g_autoptr(GDateTime) then = g_date_time_add_seconds (now, s);
      g_autofree char *stamp = g_date_time_format (then, "%Y-%m-%d %H.%M.%S");
      g_autofree char *name = g_strdup_printf ("%s.ipms", stamp);
      char *path = g_build_filename (drafts, name, NULL);

      g_ptr_array_add (taken, path);
      if (symlink ("nowhere.ipms", path) == 0)
        g_ptr_array_add (links, path);
      else
        g_assert_cmpint (errno, ==, EEXIST);
    }

  document = ipms_document_new_draft ("Draft plan", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  for (guint i = 0; i < taken->len; i++)
    g_assert_cmpstr (ipms_document_get_path (document), !=, g_ptr_array_index (taken, i));
  for (guint i = 0; i < links->len; i++)
    g_assert_cmpint (g_unlink (g_ptr_array_index (links, i)), ==, 0);
  g_assert_true (ipms_document_get_is_draft (document));
  g_assert_true (g_file_test (ipms_document_get_path (document), G_FILE_TEST_IS_REGULAR));
}

static void
test_save_as_and_drafts (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *target = fixture_path (fixture, "saved.ipms");
  g_autofree char *copy = fixture_path (fixture, "copy.ipms");
  g_autofree char *draft_path = NULL;
  g_autofree char *drafts = ipms_document_get_drafts_dir ();
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(IpmsDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  IpmsRecord *record;
  gint64 bowl;

  document = ipms_document_new_draft ("Draft plan", &error);
  g_assert_no_error (error);
  g_assert_true (ipms_document_get_is_draft (document));
  g_assert_true (g_str_has_prefix (ipms_document_get_path (document), drafts));
  draft_path = g_strdup (ipms_document_get_path (document));

  begin (document, "Add “Bowl”", NULL);
  bowl = insert_row (document, "product", "name", "Bowl", NULL);
  commit (document);
  record = ipms_document_get_record (document, "product", bowl);

  ipms_document_save_copy (document, copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ipms_document_get_path (document), ==, draft_path);

  ipms_document_save_as (document, target, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ipms_document_get_path (document), ==, target);
  g_assert_false (ipms_document_get_is_draft (document));
  g_assert_false (g_file_test (draft_path, G_FILE_TEST_EXISTS));

  /* Same records, same history, new file. */
  begin (document, "Rename", NULL);
  ipms_document_set_string (document, "product", bowl, "name", "Smart bowl", &error);
  g_assert_no_error (error);
  commit (document);
  g_assert_cmpstr (ipms_record_get_string (record, "name"), ==, "Smart bowl");
  g_clear_object (&document);

  reopened = ipms_document_open (target, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_record (reopened, "product", bowl), "name"), ==, "Smart bowl");
  ipms_document_undo (reopened, &error);
  ipms_document_undo (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipms_document_count_rows (reopened, "product"), ==, 0);
  g_clear_object (&reopened);

  reopened = ipms_document_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipms_document_count_rows (reopened, "product"), ==, 1);

  /* Creating over an existing file is refused. */
  g_clear_object (&reopened);
  reopened = ipms_document_create (copy, "Again", &error);
  g_assert_null (reopened);
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_EXISTS);
}

static gboolean
collect_names (gint64        id,
               const GValue *values,
               gpointer      user_data)
{
  GString *names = user_data;
  const IpmsTable *table = ipms_schema_lookup_table ("product");
  int name = ipms_table_find_column (table, "name");
  int price = ipms_table_find_column (table, "price");

  g_string_append_printf (names, "%" G_GINT64_FORMAT ":%s:%s;", id, g_value_get_string (&values[name]),
                          G_IS_VALUE (&values[price]) ? "priced" : "null");

  return id < 3;
}

static IpmsDocument *
open_document (const char *path)
{
  g_autoptr(GError) error = NULL;
  IpmsDocument *document = ipms_document_open (path, &error);

  g_assert_no_error (error);

  return document;
}

static void
rename_product (IpmsDocument *document,
                gint64        id,
                const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, name);
  g_assert_true (ipms_document_set_value (document, "product", id, "name", &value, &error));
  g_assert_no_error (error);
}

/* What a document read ahead in part shows, after edits, an edit under way
 * and another program's change, is what one that read nothing ahead does. */
static void
test_read_ahead (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "ahead.ipms");
  g_autoptr(GError) error = NULL;
  gint64 ids[50];

  {
    g_autoptr(IpmsDocument) document = create_document (fixture, "ahead.ipms");

    begin (document, "Add", NULL);
    /* Named backwards, so that a list by name is not one by id. */
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        g_autofree char *name = g_strdup_printf ("Product %02u", (guint) G_N_ELEMENTS (ids) - i);

        ids[i] = insert_row (document, "product", "name", name, NULL);
      }
    commit (document);
    ipms_document_close (document);
  }

  {
    g_autoptr(IpmsDocument) document = open_document (path);
    g_autoptr(IpmsDocument) fresh = NULL;
    g_autofree char *expected = NULL;
    g_autofree char *got = NULL;
    g_autoptr(GPtrArray) by_name = NULL;

    g_assert_false (ipms_document_read_ahead (document, "product", 0));
    g_assert_false (ipms_document_read_ahead (document, "product", 20));

    /* Amid an edit nothing is read: the file holds half of it. */
    begin (document, "Change", NULL);
    g_assert_false (ipms_document_read_ahead (document, "product", 20));
    rename_product (document, ids[4], "Renamed, read");
    rename_product (document, ids[39], "Renamed, not read yet");
    g_assert_true (ipms_document_delete (document, "product", ids[9], &error));
    g_assert_no_error (error);
    g_assert_true (ipms_document_delete (document, "product", ids[44], &error));
    g_assert_no_error (error);
    insert_row (document, "product", "name", "Added", NULL);
    commit (document);

    g_assert_false (ipms_document_read_ahead (document, "product", 20));
    g_assert_false (ipms_document_read_ahead (document, "product", 0));
    g_assert_true (ipms_document_read_ahead (document, "product", 20));
    g_assert_true (ipms_document_read_ahead (document, "product", 0));

    fresh = open_document (path);
    expected = dump_document (fresh);
    got = dump_document (document);
    g_assert_cmpstr (got, ==, expected);

    by_name = ipms_document_query (document, "product", NULL, 0, "name");
    g_assert_cmpuint (by_name->len, ==, G_N_ELEMENTS (ids) - 1);
    g_assert_cmpstr (ipms_record_get_string (by_name->pdata[0], "name"), ==, "Added");
    g_assert_cmpstr (ipms_record_get_string (by_name->pdata[1], "name"), ==, "Product 01");
    g_assert_cmpstr (ipms_record_get_string (by_name->pdata[by_name->len - 1], "name"), ==, "Renamed, read");
  }

  /* A list asked for halfway reads the rest at once; another program's
   * change is seen on either side of where reading ahead got to. */
  {
    g_autoptr(IpmsDocument) document = open_document (path);
    g_autoptr(IpmsDocument) fresh = NULL;
    g_autofree char *expected = NULL;
    g_autofree char *got = NULL;
    g_autoptr(GPtrArray) by_name = NULL;
    g_autofree char *sql = g_strdup_printf ("UPDATE product SET name = 'Outside, read' WHERE id = %" G_GINT64_FORMAT ";"
                                            "UPDATE product SET name = 'Outside, not read yet' WHERE id = %" G_GINT64_FORMAT ";",
                                            ids[2], ids[30]);

    g_assert_false (ipms_document_read_ahead (document, "product", 10));
    exec_raw (path, sql);
    g_assert_true (ipms_document_check_external_change (document));

    by_name = ipms_document_query (document, "product", NULL, 0, "name");
    g_assert_true (ipms_document_read_ahead (document, "product", 0));

    fresh = open_document (path);
    expected = dump_document (fresh);
    got = dump_document (document);
    g_assert_cmpstr (got, ==, expected);
    g_assert_cmpstr (ipms_record_get_string (by_name->pdata[1], "name"), ==, "Outside, not read yet");
    g_assert_cmpstr (ipms_record_get_string (by_name->pdata[2], "name"), ==, "Outside, read");
  }
}

static void
test_foreach_row (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(IpmsDocument) document = create_document (fixture, "foreach.ipms");
  g_autoptr(GString) names = g_string_new (NULL);

  begin (document, "Add", NULL);
  insert_row (document, "product", "name", "Bowl", "price", 9.5, NULL);
  insert_row (document, "product", "name", "Feeder", NULL);
  insert_row (document, "product", "name", "Fountain", NULL);
  insert_row (document, "product", "name", "Never reached", NULL);
  commit (document);

  g_assert_true (ipms_document_foreach_row (document, "product", collect_names, names, NULL));
  g_assert_cmpstr (names->str, ==, "1:Bowl:priced;2:Feeder:null;3:Fountain:null;");
}

static void
test_view_state_not_undone (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(IpmsDocument) document = create_document (fixture, "view.ipms");
  g_autoptr(GError) error = NULL;
  g_autofree char *zoom = NULL;

  begin (document, "Add", NULL);
  insert_row (document, "product", "name", "Bowl", NULL);
  commit (document);

  ipms_document_set_view_state (document, "panorama.zoom", "1.5");
  ipms_document_undo (document, &error);
  g_assert_no_error (error);

  zoom = ipms_document_dup_view_state (document, "panorama.zoom");
  g_assert_cmpstr (zoom, ==, "1.5");
  g_assert_false (ipms_document_can_undo (document));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/document/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("crud-every-table", test_crud_every_table);
  ADD ("delete-cascades", test_delete_cascades);
  ADD ("invalid-values", test_invalid_values);
  ADD ("undo-redo-all", test_undo_redo_all);
  ADD ("merge-and-redo-cleared", test_merge_and_redo_cleared);
  ADD ("project-row-replaced", test_project_row_replaced);
  ADD ("many-rows-refreshed", test_many_rows_refreshed);
  ADD ("history-limit", test_history_limit);
  ADD ("history-survives-reopen", test_history_survives_reopen);
  ADD ("bad-files", test_bad_files);
  ADD ("killed-writer", test_killed_writer);
  ADD ("migrate-version-1", test_migrate_version_1);
  ADD ("live-lists", test_live_lists);
  ADD ("held-lists", test_held_lists);
  ADD ("typed-entities", test_typed_entities);
  ADD ("save-as-and-drafts", test_save_as_and_drafts);
  ADD ("draft-name-taken", test_draft_name_taken);
  ADD ("foreach-row", test_foreach_row);
  ADD ("read-ahead", test_read_ahead);
  ADD ("view-state-not-undone", test_view_state_not_undone);

#undef ADD

  return g_test_run ();
}
