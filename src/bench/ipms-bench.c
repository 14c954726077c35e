/* ipms-bench.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measures the document model, JSON, chart painting, search and the forms
 * on generated projects; `ipms-bench forms`, `ipms-bench search` or
 * `ipms-bench json` measures only that part. One figure a line, "METRIC PRODUCTS VALUE UNIT", so scripts can
 * read it; notes go to stderr. Projects are made through the public API in
 * a temporary folder that is removed at the end.
 */

#include "config.h"

#include <locale.h>

#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ipms-baseline.h"
#include "ipms-bench-project.h"
#include "ipms-chart-export.h"
#include "ipms-document.h"
#include "ipms-field-binding.h"
#include "ipms-json.h"
#include "ipms-json-check.h"
#include "ipms-record-list.h"
#include "ipms-schema.h"
#include "ipms-search.h"
#include "ipms-search-private.h"
#include "ipms-document-private.h"

#define STEPS        1000
#define CHART_FRAMES 50
#define JSON_RUNS    3

static char *tmpdir;

static void
print_peak_rss (guint n_products)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  /* ru_maxrss is in KiB on Linux. */
  ipms_bench_print_figure ("peak_rss", n_products, usage.ru_maxrss / 1024.0, "MiB");
}

/* A live list as a view holds it, with every record made. */
static IpmsRecordList *
load_list (IpmsDocument *document,
           const char   *table)
{
  IpmsRecordList *list = ipms_record_list_new (document, table, NULL, IPMS_NULL_ID, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));

  return list;
}

static void
bench_model (guint n_products)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = ipms_bench_generate_project (tmpdir, n_products);
  IpmsRecordList *products;
  double start;

  start = ipms_bench_now_ms ();
  document = ipms_document_open (path, &error);
  g_assert_no_error (error);
  ipms_bench_print_figure ("open", n_products, ipms_bench_now_ms () - start, "ms");

  start = ipms_bench_now_ms ();
  g_ptr_array_add (lists, products = load_list (document, "product"));
  g_ptr_array_add (lists, load_list (document, "segment"));
  g_ptr_array_add (lists, load_list (document, "series"));
  g_ptr_array_add (lists, load_list (document, "axis_item"));
  ipms_bench_print_figure ("load_lists", n_products, ipms_bench_now_ms () - start, "ms");

  /* The first list of a chart's tray: every product, by name, from a
   * document that has read none yet. */
  {
    g_autoptr(IpmsDocument) fresh = ipms_document_open (path, &error);
    g_autoptr(IpmsRecordList) by_name = NULL;
    double cpu = ipms_bench_cpu_ms ();
    long faults = ipms_bench_page_faults ();

    g_assert_no_error (error);
    start = ipms_bench_now_ms ();
    by_name = ipms_record_list_new (fresh, "product", NULL, IPMS_NULL_ID, "name");
    ipms_bench_print_figure ("load_products_by_name", n_products, ipms_bench_now_ms () - start, "ms");
    g_printerr ("note: load_products_by_name %u: CPU %.1f ms, %ld page faults\n", n_products,
                ipms_bench_cpu_ms () - cpu, ipms_bench_page_faults () - faults);
  }

  ipms_document_set_history_limit (document, STEPS + 10);

  /* Price changes of random products, with the lists alive as in the
   * application, so their updates are part of the cost. */
  for (guint i = 0; i < STEPS; i++)
    {
      guint position = (guint) g_rand_int_range (rand, 0, (gint32) n_products);
      IpmsRecord *product = ipms_record_list_get_record (products, position);
      g_autofree char *label = g_strdup_printf ("Change the price of “%s”",
                                                ipms_record_get_string (product, "name"));
      GValue value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_DOUBLE);
      g_value_set_double (&value, 10 + i);

      start = ipms_bench_now_ms ();
      ipms_document_edit_value (document, label, NULL, "product", ipms_record_get_id (product),
                                "price", &value, &error);
      g_array_append_val (times, (double) { ipms_bench_now_ms () - start });
      g_assert_no_error (error);
    }
  ipms_bench_print_figure ("edit_median", n_products, ipms_bench_median (times), "ms");

  g_array_set_size (times, 0);
  for (guint i = 0; i < STEPS; i++)
    {
      start = ipms_bench_now_ms ();
      ipms_document_undo (document, &error);
      g_array_append_val (times, (double) { ipms_bench_now_ms () - start });
      g_assert_no_error (error);
    }
  ipms_bench_print_figure ("undo_median", n_products, ipms_bench_median (times), "ms");
  ipms_bench_print_figure ("undo_max", n_products, ipms_bench_percentile (times, 1.0), "ms");

  g_array_set_size (times, 0);
  for (guint i = 0; i < STEPS; i++)
    {
      start = ipms_bench_now_ms ();
      ipms_document_redo (document, &error);
      g_array_append_val (times, (double) { ipms_bench_now_ms () - start });
      g_assert_no_error (error);
    }
  ipms_bench_print_figure ("redo_median", n_products, ipms_bench_median (times), "ms");
  ipms_bench_print_figure ("redo_max", n_products, ipms_bench_percentile (times, 1.0), "ms");

  print_peak_rss (n_products);

  g_ptr_array_set_size (lists, 0);
  ipms_document_close (document);
  g_unlink (path);
}

/* JSON export and import, each the median of JSON_RUNS. json_parse is
 * json-glib's parser alone, the floor of any import built on it;
 * json_import replaces the plan of an open project (one undo step, the
 * window's Import), json_import_undo undoes that with a live list of every
 * table, json_create makes a new project file from a JSON file
 * (no undo step, --import-json). CPU time of the process: on the shared
 * machines these run on, the wall clock mostly measures the neighbours
 * (the fsyncs of synchronous=FULL are not counted). */
static void
bench_json (guint n_products)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GArray) export_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) check_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) parse_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) import_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) undo_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) create_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *path = ipms_bench_generate_project (tmpdir, n_products);
  g_autofree char *json_path = g_strdup_printf ("%s.json", path);
  g_autofree char *import_path = g_strdup_printf ("%s.import.ipms", path);
  g_autofree char *created_path = g_strdup_printf ("%s.created.ipms", path);
  g_autofree char *json = NULL;
  gsize json_length = 0;

  document = ipms_document_open (path, &error);
  g_assert_no_error (error);

  for (guint run = 0; run < JSON_RUNS; run++)
    {
      double start = ipms_bench_cpu_ms ();

      g_free (json);
      json = ipms_json_export_data (document, &json_length, &error);
      g_assert_no_error (error);
      g_array_append_val (export_times, (double) { ipms_bench_cpu_ms () - start });
    }
  g_printerr ("note: %u products: %.1f MiB of JSON\n", n_products, json_length / 1048576.0);
  g_file_set_contents (json_path, json, (gssize) json_length, &error);
  g_assert_no_error (error);

  for (guint run = 0; run < JSON_RUNS; run++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(IpmsDocument) imported = NULL;
      double start = ipms_bench_cpu_ms ();

      ipms_json_check (json, json_length, &error);
      g_assert_no_error (error);
      g_array_append_val (check_times, (double) { ipms_bench_cpu_ms () - start });

      start = ipms_bench_cpu_ms ();
      json_parser_load_from_data (parser, json, (gssize) json_length, &error);
      g_assert_no_error (error);
      g_array_append_val (parse_times, (double) { ipms_bench_cpu_ms () - start });
      g_clear_object (&parser);

      imported = ipms_document_create (import_path, "Import", &error);
      g_assert_no_error (error);
      start = ipms_bench_cpu_ms ();
      ipms_json_import_data (imported, json, (gssize) json_length, "Import", &error);
      g_assert_no_error (error);
      g_array_append_val (import_times, (double) { ipms_bench_cpu_ms () - start });

      /* Undone with a live list of every table, every record made, as
       * the views hold them. */
      {
        g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func (g_object_unref);
        const IpmsTable *tables;
        guint n_tables;

        tables = ipms_schema_get_tables (&n_tables);
        for (guint t = 0; t < n_tables; t++)
          g_ptr_array_add (lists, load_list (imported, tables[t].name));

        start = ipms_bench_cpu_ms ();
        ipms_document_undo (imported, &error);
        g_assert_no_error (error);
        g_array_append_val (undo_times, (double) { ipms_bench_cpu_ms () - start });
      }

      ipms_document_close (imported);
      g_unlink (import_path);

      start = ipms_bench_cpu_ms ();
      ipms_json_create_project (json_path, created_path, &error);
      g_assert_no_error (error);
      g_array_append_val (create_times, (double) { ipms_bench_cpu_ms () - start });
      g_unlink (created_path);
    }

  ipms_bench_print_figure ("json_export", n_products, ipms_bench_median (export_times), "ms");
  ipms_bench_print_figure ("json_check", n_products, ipms_bench_median (check_times), "ms");
  ipms_bench_print_figure ("json_parse", n_products, ipms_bench_median (parse_times), "ms");
  ipms_bench_print_figure ("json_import", n_products, ipms_bench_median (import_times), "ms");
  ipms_bench_print_figure ("json_import_undo", n_products, ipms_bench_median (undo_times), "ms");
  ipms_bench_print_figure ("json_create", n_products, ipms_bench_median (create_times), "ms");

  ipms_document_close (document);
  g_unlink (json_path);
  g_unlink (path);
}

static void
bench_charts (guint n_products)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ipms_bench_generate_project (tmpdir, n_products);
  const char * const *kinds = ipms_chart_get_kinds ();

  document = ipms_document_open (path, &error);
  g_assert_no_error (error);

  for (guint k = 0; kinds[k] != NULL; k++)
    {
      g_autoptr(IpmsChart) chart = ipms_chart_new_for_kind (document, kinds[k], &error);
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *metric = NULL;
      IpmsChartPaintOptions options = { FALSE, FALSE, 1.0 };
      cairo_surface_t *surface;
      double width, height;

      if (chart == NULL)
        {
          g_printerr ("note: skipping the %s chart: %s\n", kinds[k], error->message);
          g_clear_error (&error);
          continue;
        }

      ipms_chart_get_size (chart, &width, &height);
      /* A window's worth: painting is clipped to the surface, as on screen. */
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) CLAMP (width, 1, 1920),
                                            (int) CLAMP (height, 1, 1200));
      g_printerr ("note: %s chart with %u products is %.0f x %.0f units, painted into %d x %d px\n",
                  kinds[k], n_products, width, height,
                  cairo_image_surface_get_width (surface), cairo_image_surface_get_height (surface));

      for (guint i = 0; i < CHART_FRAMES; i++)
        {
          cairo_t *cr = cairo_create (surface);
          double start = ipms_bench_now_ms ();

          ipms_chart_paint (chart, cr, &options);
          cairo_surface_flush (surface);
          g_array_append_val (times, (double) { ipms_bench_now_ms () - start });
          cairo_destroy (cr);
        }

      cairo_surface_destroy (surface);

      metric = g_strdup_printf ("%s_frame", kinds[k]);
      g_strdelimit (metric, "-", '_');
      ipms_bench_print_figure (metric, n_products, ipms_bench_median (times), "ms");
    }

  ipms_document_close (document);
  g_unlink (path);
}

/* A review baseline: storing it, comparing the changed plan with it, and
 * what it adds to the open time (the snapshot is read only to compare). */
static void
bench_baseline (guint n_products)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(IpmsBaselineComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) products = NULL;
  g_autofree char *path = ipms_bench_generate_project (tmpdir, n_products);
  double start, open_without;
  gint64 baseline;

  start = ipms_bench_now_ms ();
  document = ipms_document_open (path, &error);
  g_assert_no_error (error);
  open_without = ipms_bench_now_ms () - start;

  start = ipms_bench_now_ms ();
  baseline = ipms_baseline_store (document, "Review", &error);
  g_assert_no_error (error);
  ipms_bench_print_figure ("baseline_store", n_products, ipms_bench_now_ms () - start, "ms");

  /* A tenth of the products repriced, in one edit. */
  products = ipms_document_query (document, "product", NULL, 0, NULL);
  ipms_document_begin_edit (document, "Reprice", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_products / 10; i++)
    {
      IpmsRecord *product = g_ptr_array_index (products, (guint) g_rand_int_range (rand, 0, (gint32) products->len));

      ipms_document_set_double (document, "product", ipms_record_get_id (product), "price", 1 + i, &error);
      g_assert_no_error (error);
    }
  ipms_document_commit_edit (document, &error);
  g_assert_no_error (error);
  g_clear_pointer (&products, g_ptr_array_unref);
  ipms_document_close (document);
  g_clear_object (&document);

  start = ipms_bench_now_ms ();
  document = ipms_document_open (path, &error);
  g_assert_no_error (error);
  ipms_bench_print_figure ("open_with_baseline", n_products, ipms_bench_now_ms () - start, "ms");
  g_printerr ("note: %u products: open without a baseline took %.1f ms\n", n_products, open_without);

  start = ipms_bench_now_ms ();
  comparison = ipms_baseline_compare (document, baseline, &error);
  g_assert_no_error (error);
  ipms_bench_print_figure ("baseline_compare", n_products, ipms_bench_now_ms () - start, "ms");
  g_assert_cmpuint (ipms_baseline_comparison_get_n_changes (comparison), >, 0);

  ipms_document_close (document);
  g_unlink (path);
}

/* A keystroke in a form field (parsing, checking, scheduling the write)
 * and the write itself when the typing pauses, with the product list alive
 * as in the application. */
static void
bench_fields (guint n_products)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) keystrokes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) commits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(IpmsFieldBinding) text = NULL;
  g_autoptr(IpmsFieldBinding) money = NULL;
  g_autoptr(IpmsRecordList) products = NULL;
  g_autofree char *path = ipms_bench_generate_project (tmpdir, n_products);
  double start;

  document = ipms_document_open (path, &error);
  g_assert_no_error (error);
  products = load_list (document, "product");
  ipms_document_set_history_limit (document, STEPS + 10);

  text = ipms_field_binding_new (document, "project", "mission");
  money = ipms_field_binding_new (document, "project", "net_revenue_target");
  ipms_field_binding_set_record (text, ipms_document_get_project (document));
  ipms_field_binding_set_record (money, ipms_document_get_project (document));

  for (guint i = 0; i < STEPS / 4; i++)
    {
      g_autofree char *mission = g_strdup_printf ("Care for every pet, step %u", i);
      g_autofree char *amount = g_strdup_printf ("%u,000,000", 10 + i);

      start = ipms_bench_now_ms ();
      ipms_field_binding_set_text (text, mission);
      ipms_field_binding_set_text (money, amount);
      g_array_append_val (keystrokes, (double) { (ipms_bench_now_ms () - start) / 2 });

      start = ipms_bench_cpu_ms ();
      ipms_field_binding_flush (text);
      g_array_append_val (commits, (double) { ipms_bench_cpu_ms () - start });
      ipms_field_binding_flush (money);
    }

  ipms_bench_print_figure ("field_keystroke_median", n_products, ipms_bench_median (keystrokes), "ms");
  ipms_bench_print_figure ("field_commit_cpu_median", n_products, ipms_bench_median (commits), "ms");
  ipms_bench_print_figure ("field_commit_cpu_max", n_products, ipms_bench_percentile (commits, 1.0), "ms");

  g_clear_object (&text);
  g_clear_object (&money);
  g_clear_object (&products);
  ipms_document_close (document);
  g_unlink (path);
}

/* A query as typed into the search bar: its median over a few runs. */
static double
time_search (IpmsDocument *document,
             const char   *query)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 21; i++)
    {
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(GError) error = NULL;
      double start = ipms_bench_now_ms ();

      hits = ipms_search_run (document, query, 200, NULL, &error);
      g_assert_no_error (error);
      g_array_append_val (times, (double) { ipms_bench_now_ms () - start });
    }

  return ipms_bench_median (times);
}

/* Median CPU time of an edit of one product field through the whole edit
 * path (begin, set, commit with its undo step). */
static double
time_product_edits (IpmsDocument *document,
                    GPtrArray    *products,
                    const char   *column,
                    gboolean      text)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < STEPS / 4; i++)
    {
      gint64 id = ipms_record_get_id (g_ptr_array_index (products, (i * 7919) % products->len));
      g_autofree char *name = g_strdup_printf ("Renamed feeder %u 智能喂食器", i);
      double start = ipms_bench_cpu_ms ();

      ipms_document_begin_edit (document, "Edit", NULL, &error);
      g_assert_no_error (error);
      if (text)
        ipms_document_set_string (document, "product", id, column, name, &error);
      else
        ipms_document_set_double (document, "product", id, column, 10 + i, &error);
      g_assert_no_error (error);
      ipms_document_commit_edit (document, &error);
      g_assert_no_error (error);
      g_array_append_val (times, (double) { ipms_bench_cpu_ms () - start });
    }

  return ipms_bench_median (times);
}

/* Search at the size of the project (target: under 20 ms at 10,000
 * products), and what keeping the index costs an edit (target: under
 * 0.5 ms). */
static void
bench_search (guint n_products)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(IpmsSearchIndex) index = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GArray) updates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ipms_bench_generate_project (tmpdir, n_products);
  g_autofree char *rare = g_strdup_printf ("Product %u", n_products / 2 + 1);
  double with_index, without_index;
  sqlite3 *db;

  document = ipms_document_open (path, &error);
  g_assert_no_error (error);
  ipms_document_set_history_limit (document, STEPS + 10);

  /* One product's name; a word in every product's PRD; two characters,
   * which trigrams cannot find, so the content table is scanned. */
  ipms_bench_print_figure ("search_rare", n_products, time_search (document, rare), "ms");
  ipms_bench_print_figure ("search_common", n_products, time_search (document, "feeder"), "ms");
  ipms_bench_print_figure ("search_two_chars", n_products, time_search (document, "Ho"), "ms");
  ipms_bench_print_figure ("search_absent", n_products, time_search (document, "zebra"), "ms");
  /* The worst case: two characters found nowhere, the whole table read. */
  ipms_bench_print_figure ("search_two_chars_absent", n_products, time_search (document, "Zq"), "ms");

  /* For scale: a whole edit of an indexed text, and of a number the index
   * skips (the same edit path, undo step and notifications). */
  products = ipms_document_query (document, "product", NULL, 0, NULL);
  with_index = time_product_edits (document, products, "name", TRUE);
  without_index = time_product_edits (document, products, "cost", FALSE);
  ipms_bench_print_figure ("edit_indexed_text_cpu", n_products, with_index, "ms");
  ipms_bench_print_figure ("edit_unindexed_number_cpu", n_products, without_index, "ms");

  /* Queries of one, two, three and more characters, English and Chinese,
   * found and not (the edits above named products in Chinese): the median
   * and the slowest of their medians. */
  {
    static const char * const queries[] = {
      "e", "~", "H", "Ho", "Zq", "fee", "qzx", "feeder", "zebra", "Renamed feeder 12",
      "智", "鲸", "喂食", "鲸鱼", "喂食器", "智能喂食器", "智能鲸鱼",
    };
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        double t = time_search (document, queries[i]);

        g_array_append_val (times, t);
        g_print ("  query “%s”: %.3f ms\n", queries[i], t);
      }
    ipms_bench_print_figure ("search_query_set_p50", n_products, ipms_bench_median (times), "ms");
    ipms_bench_print_figure ("search_query_set_max", n_products, ipms_bench_percentile (times, 1.0), "ms");
  }

  /* What keeping the index adds to an edit: the work the edit path does
   * for a renamed product (its row read before and after, its old tokens
   * removed and the new ones added); the UPDATE itself is counted too. */
  db = _ipms_document_get_db (document);
  index = _ipms_search_index_new (db);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < STEPS / 4; i++)
    {
      gint64 id = ipms_record_get_id (g_ptr_array_index (products, (i * 7919) % products->len));
      g_autofree char *sql = g_strdup_printf ("UPDATE product SET name = 'Index probe %u 宠物' WHERE id = %" G_GINT64_FORMAT,
                                              i, id);
      double start;

      start = ipms_bench_cpu_ms ();
      _ipms_search_index_before (index, ipms_schema_lookup_table ("product"), id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      _ipms_search_index_update (index, &error);
      g_assert_no_error (error);
      g_array_append_val (updates, (double) { ipms_bench_cpu_ms () - start });
    }
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&index, _ipms_search_index_free);

  /* The index an import leaves to be made: whole, as the first search
   * made it (the wait it meant), and in the steps of about 15 ms the
   * search panel makes while the window is idle (the longest of them). */
  {
    g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (double));
    double start, step_ms;
    gboolean done = FALSE;

    g_assert_true (ipms_document_begin_edit (document, "Forget the index", NULL, &error));
    g_assert_true (_ipms_search_defer_rebuild (db, &error));
    g_assert_true (ipms_document_commit_edit (document, &error));
    start = ipms_bench_now_ms ();
    g_ptr_array_unref (ipms_search_run (document, "feeder", 10, NULL, &error));
    g_assert_no_error (error);
    ipms_bench_print_figure ("search_index_whole", n_products, ipms_bench_now_ms () - start, "ms");

    g_assert_true (ipms_document_begin_edit (document, "Forget the index", NULL, &error));
    g_assert_true (_ipms_search_defer_rebuild (db, &error));
    g_assert_true (ipms_document_commit_edit (document, &error));
    while (!done)
      {
        start = ipms_bench_now_ms ();
        g_assert_true (ipms_search_prepare_step (document, 15.0, &done, &error));
        step_ms = ipms_bench_now_ms () - start;
        g_array_append_val (steps, step_ms);
      }
    ipms_bench_print_figure ("search_index_steps", n_products, steps->len, "steps");
    ipms_bench_print_figure ("search_index_step_max", n_products, ipms_bench_percentile (steps, 1.0), "ms");
  }

  /* What the index takes in the file, against the whole file. */
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sum (pgsize) FILTER (WHERE name LIKE 'ipms_search%'), "
                                             "sum (pgsize) FROM dbstat", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    ipms_bench_print_figure ("search_index_size", n_products, sqlite3_column_double (stmt, 0) / 1048576.0, "MiB");
    ipms_bench_print_figure ("file_size", n_products, sqlite3_column_double (stmt, 1) / 1048576.0, "MiB");
    sqlite3_finalize (stmt);
  }

  /* The whole index made again, as migrating an older file or an import
   * does; rolled back. */
  {
    double start, cpu_start;

    g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
    start = ipms_bench_now_ms ();
    cpu_start = ipms_bench_cpu_ms ();
    _ipms_search_rebuild (db, &error);
    g_assert_no_error (error);
    ipms_bench_print_figure ("search_rebuild", n_products, ipms_bench_now_ms () - start, "ms");
    ipms_bench_print_figure ("search_rebuild_cpu", n_products, ipms_bench_cpu_ms () - cpu_start, "ms");
    g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  }

  /* What an import spends on the index now (it is left to be made), and
   * the first search after it, which makes it (committed: the index is
   * made again as it was). */
  {
    g_autoptr(GPtrArray) hits = NULL;
    double start;

    g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
    start = ipms_bench_now_ms ();
    _ipms_search_defer_rebuild (db, &error);
    g_assert_no_error (error);
    ipms_bench_print_figure ("search_import_index", n_products, ipms_bench_now_ms () - start, "ms");
    g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);

    start = ipms_bench_now_ms ();
    hits = ipms_search_run (document, "feeder", 200, NULL, &error);
    g_assert_no_error (error);
    ipms_bench_print_figure ("search_first_after_import", n_products, ipms_bench_now_ms () - start, "ms");
  }
  ipms_bench_print_figure ("fts_overhead_cpu", n_products, ipms_bench_median (updates), "ms");
  ipms_bench_print_figure ("fts_overhead_cpu_max", n_products, ipms_bench_percentile (updates, 1.0), "ms");

  g_clear_pointer (&products, g_ptr_array_unref);
  ipms_document_close (document);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  static const guint model_sizes[] = { 100, 1000, 10000 };
  static const guint chart_sizes[] = { 100, 1000, 2000 };
  static const guint json_sizes[] = { 1000, 10000 };
  g_autoptr(GError) error = NULL;
  /* "ipms-bench model", "forms", "search" or "json" measures only that part (a run
   * of everything takes minutes); ipms-ui-bench builds the form pages. */
  const char *only = argc > 1 ? argv[1] : NULL;
  gboolean all = only == NULL;

  /* The search queries are printed as typed, Chinese included. */
  setlocale (LC_CTYPE, "");

  tmpdir = g_dir_make_tmp ("ipms-bench-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (model_sizes) && (all || g_strcmp0 (only, "search") == 0); i++)
    bench_search (model_sizes[i]);

  for (guint i = 0; i < G_N_ELEMENTS (model_sizes) && (all || g_strcmp0 (only, "model") == 0); i++)
    bench_model (model_sizes[i]);

  for (guint i = 0; i < G_N_ELEMENTS (json_sizes) && (all || g_strcmp0 (only, "json") == 0); i++)
    bench_json (json_sizes[i]);

  for (guint i = 0; i < G_N_ELEMENTS (model_sizes) && all; i++)
    bench_baseline (model_sizes[i]);

  for (guint i = 0; i < G_N_ELEMENTS (chart_sizes) && all; i++)
    bench_charts (chart_sizes[i]);

  for (guint i = 0; i < G_N_ELEMENTS (model_sizes) && (all || g_strcmp0 (only, "forms") == 0); i++)
    bench_fields (model_sizes[i]);

  g_rmdir (tmpdir);
  g_free (tmpdir);

  return EXIT_SUCCESS;
}
