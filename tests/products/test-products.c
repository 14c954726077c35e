/* test-products.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Products and their PRDs without a display: duplicating and deleting with
 * the PRD rows, changing a column of many products, each one undo step;
 * what "filled" means for a PRD section, and the counts that follow edits.
 */

#include "config.h"

#include "ipms-example.h"
#include "ipms-prd-counter.h"
#include "ipms-products.h"
#include "ipms-test-utils.h"

typedef struct
{
  IpmsDocument *document;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ipms_test_make_temp_path ("products.ipms");

  fixture->document = ipms_example_create (path, "en_US.UTF-8", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ipms_document_close (fixture->document);
  g_assert_finalize_object (fixture->document);
}

static guint
count_owned (IpmsDocument *document,
             gint64        product_id)
{
  guint n = 0;

  for (guint t = 0; t < IPMS_PRD_N_TABLES; t++)
    {
      g_autoptr(GPtrArray) rows = ipms_document_query (document, ipms_prd_table_get_name (t),
                                                       "product_id", product_id, NULL);
      n += rows->len;
    }

  return n;
}

static void
undo (IpmsDocument *document)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipms_document_undo (document, &error));
  g_assert_no_error (error);
}

static void
redo (IpmsDocument *document)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipms_document_redo (document, &error));
  g_assert_no_error (error);
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  IpmsDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) copies = NULL;
  gint64 ids[] = { 1, 2 };
  guint n_products = ipms_document_count_rows (document, "product");
  guint owned = count_owned (document, 1);
  IpmsRecord *original = ipms_document_get_record (document, "product", 1);
  IpmsRecord *copy;
  g_autofree char *copy_name = g_strconcat (ipms_record_get_string (original, "name"), " (Copy)", NULL);

  g_assert_cmpuint (owned, >, 5);

  copies = ipms_products_duplicate (document, ids, G_N_ELEMENTS (ids), "%s (Copy)", "Duplicate", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (copies->len, ==, 2);
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, n_products + 2);

  copy = ipms_document_get_record (document, "product", g_array_index (copies, gint64, 0));
  g_assert_nonnull (copy);
  g_assert_cmpstr (ipms_record_get_string (copy, "name"), ==, copy_name);
  g_assert_cmpstr (ipms_record_get_string (copy, "concept"), ==, ipms_record_get_string (original, "concept"));
  g_assert_cmpfloat (ipms_record_get_double (copy, "price"), ==, ipms_record_get_double (original, "price"));
  g_assert_cmpint (ipms_record_get_int (copy, "series_id"), ==, ipms_record_get_int (original, "series_id"));
  g_assert_cmpuint (count_owned (document, ipms_record_get_id (copy)), ==, owned);
  /* The original keeps its own rows. */
  g_assert_cmpuint (count_owned (document, 1), ==, owned);

  /* One step takes both copies and all their rows away, and brings them back. */
  g_assert_cmpstr (ipms_document_get_undo_label (document), ==, "Duplicate");
  undo (document);
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, n_products);
  g_assert_cmpuint (count_owned (document, g_array_index (copies, gint64, 0)), ==, 0);
  redo (document);
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, n_products + 2);
  g_assert_cmpuint (count_owned (document, g_array_index (copies, gint64, 0)), ==, owned);

  /* A product that is gone changes nothing. */
  {
    gint64 missing[] = { 1, 999999 };
    guint before = ipms_document_count_rows (document, "product");

    g_assert_null (ipms_products_duplicate (document, missing, 2, "%s (Copy)", "Duplicate", &error));
    g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NO_SUCH_ROW);
    g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, before);
  }
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  IpmsDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { 1, 3 };
  guint n_products = ipms_document_count_rows (document, "product");
  guint owned = count_owned (document, 1);

  g_assert_true (ipms_products_delete (document, ids, G_N_ELEMENTS (ids), "Delete", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, n_products - 2);
  g_assert_null (ipms_document_get_record (document, "product", 1));
  g_assert_cmpuint (count_owned (document, 1), ==, 0);

  undo (document);
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, n_products);
  g_assert_nonnull (ipms_document_get_record (document, "product", 3));
  g_assert_cmpuint (count_owned (document, 1), ==, owned);
  redo (document);
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, n_products - 2);
}

static void
test_set_value (Fixture       *fixture,
                gconstpointer  data)
{
  IpmsDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) none = G_VALUE_INIT;
  g_autoptr(GPtrArray) products = ipms_document_query (document, "product", NULL, 0, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *first_grade = NULL;

  for (guint i = 0; i < 4; i++)
    {
      gint64 id = ipms_record_get_id (g_ptr_array_index (products, i));
      g_array_append_val (ids, id);
    }
  first_grade = g_strdup (ipms_record_get_string (g_ptr_array_index (products, 0), "grade"));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "F");
  g_assert_true (ipms_products_set_value (document, (gint64 *) ids->data, ids->len, "grade", &value,
                                          "Set Grade", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (ipms_record_get_string (g_ptr_array_index (products, i), "grade"), ==, "F");

  /* One undo step for all of them. */
  undo (document);
  g_assert_cmpstr (ipms_record_get_string (g_ptr_array_index (products, 0), "grade"), ==, first_grade);
  g_assert_cmpstr (ipms_document_get_redo_label (document), ==, "Set Grade");
  redo (document);
  g_assert_cmpstr (ipms_record_get_string (g_ptr_array_index (products, 3), "grade"), ==, "F");

  /* NULL clears a reference; a bad choice changes nothing. */
  g_assert_true (ipms_products_set_value (document, (gint64 *) ids->data, ids->len, "owner_id", &none,
                                          "Clear Owner", &error));
  g_assert_no_error (error);
  g_assert_true (ipms_record_is_null (g_ptr_array_index (products, 2), "owner_id"));

  g_value_set_string (&value, "Z");
  g_assert_false (ipms_products_set_value (document, (gint64 *) ids->data, ids->len, "grade", &value,
                                           "Set Grade", &error));
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_INVALID_VALUE);
  g_assert_cmpstr (ipms_record_get_string (g_ptr_array_index (products, 0), "grade"), ==, "F");
  g_assert_cmpstr (ipms_document_get_undo_label (document), ==, "Clear Owner");
}

static void
counter_changed_cb (IpmsPrdCounter *counter,
                    gint64          product_id,
                    GArray         *changed)
{
  g_array_append_val (changed, product_id);
}

/* A PRD row of `table` owned by the product (the owner is required). */
static gint64
insert_owned (IpmsDocument *document,
              const char   *table,
              gint64        product_id)
{
  const IpmsTable *t = ipms_schema_lookup_table (table);
  g_autofree GValue *values = g_new0 (GValue, t->n_columns);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_value_init (&values[ipms_table_find_column (t, "product_id")], G_TYPE_INT64);
  g_value_set_int64 (&values[ipms_table_find_column (t, "product_id")], product_id);
  id = ipms_document_insert (document, table, 0, values, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
test_completeness (Fixture       *fixture,
                   gconstpointer  data)
{
  IpmsDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsPrdCounter) counter = ipms_prd_counter_new (document);
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  IpmsRecord *product = ipms_document_get_record (document, "product", 1);
  IpmsPrdCounts counts, queried;
  gint64 product_id;
  guint filled;

  g_signal_connect (counter, "changed", G_CALLBACK (counter_changed_cb), changed);

  ipms_prd_counter_get_counts (counter, 1, &counts);
  ipms_prd_counts_query (document, 1, &queried);
  g_assert_cmpmem (&counts, sizeof counts, &queried, sizeof queried);
  filled = ipms_prd_counter_get_filled (counter, product);
  g_assert_cmpuint (filled, ==, ipms_prd_count_filled (product, &queried));

  /* A new product has nothing; a text and a row fill the overview and
   * half of the FAQ & box section, which stays unfilled. */
  g_assert_true (ipms_document_begin_edit (document, "Add", NULL, &error));
  product_id = ipms_document_insert (document, "product", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ipms_document_commit_edit (document, &error));
  product = ipms_document_get_record (document, "product", product_id);
  g_assert_cmpuint (ipms_prd_counter_get_filled (counter, product), ==, 0);

  g_assert_true (ipms_document_begin_edit (document, "Fill", NULL, &error));
  g_assert_true (ipms_document_set_string (document, "product", product_id, "concept", "A feeder", &error));
  g_assert_true (ipms_document_set_string (document, "product", product_id, "form", "  ", &error));
  insert_owned (document, "faq", product_id);
  g_assert_true (ipms_document_commit_edit (document, &error));
  g_assert_no_error (error);

  ipms_prd_counter_get_counts (counter, product_id, &counts);
  g_assert_cmpuint (counts.n_rows[IPMS_PRD_TABLE_FAQ], ==, 1);
  /* A blank form is no form. */
  g_assert_false (ipms_prd_section_is_filled (product, &counts, IPMS_PRD_SECTION_OVERVIEW));
  g_assert_false (ipms_prd_section_is_filled (product, &counts, IPMS_PRD_SECTION_FAQ_BOX));
  g_assert_cmpuint (ipms_prd_counter_get_filled (counter, product), ==, 0);

  g_array_set_size (changed, 0);
  g_assert_true (ipms_document_begin_edit (document, "Fill more", NULL, &error));
  g_assert_true (ipms_document_set_string (document, "product", product_id, "form", "Round", &error));
  insert_owned (document, "box_item", product_id);
  g_assert_true (ipms_document_commit_edit (document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, >, 0);
  g_assert_cmpint (g_array_index (changed, gint64, changed->len - 1), ==, product_id);
  g_assert_true (ipms_prd_section_is_filled (product, &(IpmsPrdCounts) { { 0, 0, 0, 1, 1 } }, IPMS_PRD_SECTION_FAQ_BOX));
  g_assert_cmpuint (ipms_prd_counter_get_filled (counter, product), ==, 2);

  /* Undo takes a row away, and the count follows even though the row is gone. */
  undo (document);
  ipms_prd_counter_get_counts (counter, product_id, &counts);
  g_assert_cmpuint (counts.n_rows[IPMS_PRD_TABLE_BOX_ITEM], ==, 0);
  g_assert_cmpuint (ipms_prd_counter_get_filled (counter, product), ==, 0);

  /* Duplicating copies the counts; deleting forgets them. */
  {
    gint64 ids[] = { 1 };
    g_autoptr(GArray) copies = ipms_products_duplicate (document, ids, 1, "%s 2", "Duplicate", &error);
    IpmsRecord *copy = ipms_document_get_record (document, "product", g_array_index (copies, gint64, 0));

    g_assert_cmpuint (ipms_prd_counter_get_filled (counter, copy), ==, filled);
    g_assert_true (ipms_products_delete (document, ids, 1, "Delete", &error));
    ipms_prd_counter_get_counts (counter, 1, &counts);
    g_assert_cmpuint (counts.n_rows[IPMS_PRD_TABLE_COMPETITOR], ==, 0);
    undo (document);
    ipms_prd_counter_get_counts (counter, 1, &counts);
    g_assert_cmpmem (&counts, sizeof counts, &queried, sizeof queried);
  }

  /* A bulk step reloads the rows: told of as a change of every product,
   * then counted again when asked, edits made meanwhile included. */
  g_array_set_size (changed, 0);
  g_assert_true (ipms_document_begin_edit (document, "Many FAQ", NULL, &error));
  for (guint i = 0; i < IPMS_DOCUMENT_BULK_ROWS + 1; i++)
    insert_owned (document, "faq", product_id);
  g_assert_true (ipms_document_commit_edit (document, &error));
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_cmpint (g_array_index (changed, gint64, 0), ==, 0);
  g_assert_true (ipms_document_begin_edit (document, "One more", NULL, &error));
  insert_owned (document, "faq", 1);
  g_assert_true (ipms_document_commit_edit (document, &error));
  g_assert_no_error (error);

  ipms_prd_counter_get_counts (counter, product_id, &counts);
  ipms_prd_counts_query (document, product_id, &queried);
  g_assert_cmpmem (&counts, sizeof counts, &queried, sizeof queried);
  g_assert_cmpuint (counts.n_rows[IPMS_PRD_TABLE_FAQ], ==, IPMS_DOCUMENT_BULK_ROWS + 2);
  ipms_prd_counter_get_counts (counter, 1, &counts);
  ipms_prd_counts_query (document, 1, &queried);
  g_assert_cmpmem (&counts, sizeof counts, &queried, sizeof queried);
}

int
main (int   argc,
      char *argv[])
{
  ipms_test_init (&argc, &argv);

  g_test_add ("/products/duplicate", Fixture, NULL, fixture_set_up, test_duplicate, fixture_tear_down);
  g_test_add ("/products/delete", Fixture, NULL, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/products/set-value", Fixture, NULL, fixture_set_up, test_set_value, fixture_tear_down);
  g_test_add ("/products/completeness", Fixture, NULL, fixture_set_up, test_completeness, fixture_tear_down);

  return g_test_run ();
}
