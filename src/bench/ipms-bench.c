/* ipms-bench.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measures the document model, JSON, chart painting and the forms on
 * generated projects (`ipms-bench forms`: the forms only). One figure a line, "METRIC PRODUCTS VALUE UNIT", so scripts can
 * read it; notes go to stderr. Projects are made through the public API in
 * a temporary folder that is removed at the end.
 */

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ipms-chart-export.h"
#include "ipms-document.h"
#include "ipms-example.h"
#include "ipms-field-binding.h"
#include "ipms-form-specs.h"
#include "ipms-json.h"
#include "ipms-record-list.h"

#define STEPS        1000
#define CHART_FRAMES 50

static char *tmpdir;

static void
print_figure (const char *metric,
              guint       products,
              double      value,
              const char *unit)
{
  g_print ("%s %u %.3f %s\n", metric, products, value, unit);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of the process: on a shared, loaded machine the wall clock
 * mostly measures the other processes. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static double
maximum (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len - 1);
}

/* Values for ipms_document_insert(): a zeroed array of n_columns GValues
 * (NULL everywhere) filled by column name. */
typedef struct
{
  const IpmsTable *table;
  GValue          *values;
} Row;

static void
row_init (Row        *row,
          const char *table)
{
  row->table = ipms_schema_lookup_table (table);
  g_assert (row->table != NULL);
  row->values = g_new0 (GValue, row->table->n_columns);
}

static GValue *
row_slot (Row        *row,
          const char *column)
{
  int index = ipms_table_find_column (row->table, column);
  GValue *value;

  g_assert (index >= 0);
  value = &row->values[index];
  if (G_IS_VALUE (value))
    g_value_unset (value);

  return value;
}

static void
row_set_string (Row *row, const char *column, const char *text)
{
  GValue *value = row_slot (row, column);

  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, text);
}

static void
row_set_int (Row *row, const char *column, gint64 number)
{
  GValue *value = row_slot (row, column);

  g_value_init (value, G_TYPE_INT64);
  g_value_set_int64 (value, number);
}

static void
row_set_double (Row *row, const char *column, double number)
{
  GValue *value = row_slot (row, column);

  g_value_init (value, G_TYPE_DOUBLE);
  g_value_set_double (value, number);
}

static gint64
row_insert (Row          *row,
            IpmsDocument *document)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ipms_document_insert (document, row->table->name, 0, row->values, &error);

  g_assert_no_error (error);

  for (guint i = 0; i < row->table->n_columns; i++)
    if (G_IS_VALUE (&row->values[i]))
      g_value_unset (&row->values[i]);
  g_free (row->values);

  return id;
}

static char *
date_in_plan_year (GRand *rand,
                   int    offset_days)
{
  GDate date;
  char buf[16];

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2027);
  offset_days += g_rand_int_range (rand, 0, 330);
  if (offset_days >= 0)
    g_date_add_days (&date, (guint) offset_days);
  else
    g_date_subtract_days (&date, (guint) -offset_days);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);

  return g_strdup (buf);
}

/* A project of `n_products` products with series, a population grid and PRD
 * rows in proportion, written in one edit. */
static char *
generate_project (guint n_products)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (n_products);
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) series = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *name = g_strdup_printf ("bench-%u.ipms", n_products);
  char *path = g_build_filename (tmpdir, name, NULL);
  guint n_x = 3;
  guint n_y = MAX (4, n_products / 150);
  guint n_series = MAX (3, n_products / 50);
  gint64 x_items[3];

  document = ipms_document_create (path, "Bench", &error);
  g_assert_no_error (error);

  ipms_document_begin_edit (document, "Generate", NULL, &error);
  g_assert_no_error (error);

  for (guint x = 0; x < n_x; x++)
    {
      g_autofree char *label = g_strdup_printf ("Preference %u", x + 1);
      Row row;

      row_init (&row, "axis_item");
      row_set_string (&row, "axis", "x");
      row_set_int (&row, "position", x);
      row_set_string (&row, "label", label);
      x_items[x] = row_insert (&row, document);
    }

  for (guint y = 0; y < n_y; y++)
    {
      g_autofree char *label = g_strdup_printf ("Life stage %u", y + 1);
      gint64 y_item;
      Row row;

      row_init (&row, "axis_item");
      row_set_string (&row, "axis", "y");
      row_set_int (&row, "position", y);
      row_set_string (&row, "label", label);
      y_item = row_insert (&row, document);

      for (guint x = 0; x < n_x; x++)
        {
          g_autofree char *segment_name = g_strdup_printf ("Segment %u.%u", y + 1, x + 1);
          gint64 id;

          row_init (&row, "segment");
          row_set_int (&row, "x_item_id", x_items[x]);
          row_set_int (&row, "y_item_id", y_item);
          row_set_string (&row, "name", segment_name);
          row_set_int (&row, "size", g_rand_int_range (rand, 1000, 9000000));
          row_set_double (&row, "market_value", g_rand_double_range (rand, 1e5, 1e9));
          row_set_double (&row, "growth", g_rand_double_range (rand, -5, 25));
          row_set_string (&row, "needs", "Reliable feeding; see the pet; fresh water; less cleaning.");
          row_set_string (&row, "role", y == 1 && x == 0 ? "core" : "none");
          id = row_insert (&row, document);
          g_array_append_val (segments, id);
        }
    }

  for (guint s = 0; s < n_series; s++)
    {
      static const char * const colors[] = { "#3584e4", "#e66100", "#2ec27e", "#9141ac", "#c01c28" };
      g_autofree char *series_name = g_strdup_printf ("Series %u", s + 1);
      g_autofree char *entry = date_in_plan_year (rand, -365);
      g_autofree char *launch = date_in_plan_year (rand, 0);
      gint64 id;
      Row row;

      row_init (&row, "series");
      row_set_string (&row, "name", series_name);
      row_set_string (&row, "positioning", "Connected care for busy professionals.");
      row_set_string (&row, "entry_date", entry);
      row_set_string (&row, "first_launch_date", launch);
      row_set_string (&row, "color", colors[s % G_N_ELEMENTS (colors)]);
      row_set_int (&row, "position", s);
      id = row_insert (&row, document);
      g_array_append_val (series, id);
    }

  for (guint p = 0; p < n_products; p++)
    {
      g_autofree char *product_name = g_strdup_printf ("Product %u", p + 1);
      g_autofree char *dev_start = date_in_plan_year (rand, -120);
      g_autofree char *dev_complete = date_in_plan_year (rand, -20);
      g_autofree char *launch = date_in_plan_year (rand, 0);
      double price = g_rand_double_range (rand, 10, 600);
      gint64 product;
      Row row;

      row_init (&row, "product");
      row_set_int (&row, "series_id", g_array_index (series, gint64, p % series->len));
      row_set_string (&row, "name", product_name);
      row_set_string (&row, "grade", ipms_grade_codes[g_rand_int_range (rand, 0, 5)]);
      row_set_double (&row, "price", price);
      row_set_double (&row, "cost", price * 0.4);
      row_set_string (&row, "status", "planned");
      row_set_string (&row, "dev_start", dev_start);
      row_set_string (&row, "dev_complete", dev_complete);
      row_set_string (&row, "launch_date", launch);
      /* One in ten waits outside the panorama. */
      if (p % 10 != 9)
        {
          row_set_int (&row, "segment_id", g_array_index (segments, gint64, p % segments->len));
          row_set_int (&row, "cell_order", p / segments->len);
        }
      row_set_string (&row, "concept", "A camera feeder that never misses a meal, even offline.");
      row_set_string (&row, "form", "5 L hopper, stainless-steel bowl, 1080p camera on top.");
      row_set_string (&row, "features", "Scheduled meals, anti-jam auger, night vision, two-way audio.");
      row_set_string (&row, "selling_points", "Never misses a meal; free video history; 3-minute setup.");
      row_set_string (&row, "scenarios", "Owner works late and checks the app at 7 pm.");
      row_set_string (&row, "user_needs", "Reliable feeding, seeing the pet.");
      row_set_string (&row, "competitiveness", "Same price as the leader without subscription fees.");
      row_set_string (&row, "sales_regions", "US, CA, DE, UK, FR");
      product = row_insert (&row, document);

      row_init (&row, "product_competitor");
      row_set_int (&row, "product_id", product);
      row_set_string (&row, "name", "FeedWell CamFeeder 2");
      row_set_double (&row, "price", price * 1.1);
      row_set_string (&row, "weaknesses", "Subscription for video history.");
      row_insert (&row, document);

      for (guint k = 0; k < 3; k++)
        {
          static const char * const kinds[] = { "hardware", "software", "component" };

          row_init (&row, "product_spec");
          row_set_int (&row, "product_id", product);
          row_set_string (&row, "kind", kinds[k]);
          row_set_string (&row, "name", "Hopper");
          row_set_string (&row, "value", "5 L, kibble 2-15 mm");
          row_insert (&row, document);
        }

      row_init (&row, "certification");
      row_set_int (&row, "product_id", product);
      row_set_string (&row, "name", "FCC Part 15");
      row_set_string (&row, "region", "United States");
      row_insert (&row, document);

      row_init (&row, "faq");
      row_set_int (&row, "product_id", product);
      row_set_string (&row, "question", "Why does Wi-Fi setup fail?");
      row_set_string (&row, "answer", "The device needs 2.4 GHz Wi-Fi.");
      row_insert (&row, document);

      for (guint k = 0; k < 2; k++)
        {
          row_init (&row, "box_item");
          row_set_int (&row, "product_id", product);
          row_set_string (&row, "name", k == 0 ? "Feeder" : "Power adapter");
          row_set_int (&row, "quantity", 1);
          row_set_int (&row, "optional", 0);
          row_insert (&row, document);
        }
    }

  ipms_document_commit_edit (document, &error);
  g_assert_no_error (error);
  ipms_document_close (document);

  return path;
}

static void
print_peak_rss (guint n_products)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  /* ru_maxrss is in KiB on Linux. */
  print_figure ("peak_rss", n_products, usage.ru_maxrss / 1024.0, "MiB");
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
  g_autoptr(IpmsDocument) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = generate_project (n_products);
  IpmsRecordList *products;
  g_autofree char *import_path = NULL;
  g_autofree char *json = NULL;
  gsize json_length;
  double start;

  start = now_ms ();
  document = ipms_document_open (path, &error);
  g_assert_no_error (error);
  print_figure ("open", n_products, now_ms () - start, "ms");

  start = now_ms ();
  g_ptr_array_add (lists, products = load_list (document, "product"));
  g_ptr_array_add (lists, load_list (document, "segment"));
  g_ptr_array_add (lists, load_list (document, "series"));
  g_ptr_array_add (lists, load_list (document, "axis_item"));
  print_figure ("load_lists", n_products, now_ms () - start, "ms");

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

      start = now_ms ();
      ipms_document_edit_value (document, label, NULL, "product", ipms_record_get_id (product),
                                "price", &value, &error);
      g_array_append_val (times, (double) { now_ms () - start });
      g_assert_no_error (error);
    }
  print_figure ("edit_median", n_products, median (times), "ms");

  g_array_set_size (times, 0);
  for (guint i = 0; i < STEPS; i++)
    {
      start = now_ms ();
      ipms_document_undo (document, &error);
      g_array_append_val (times, (double) { now_ms () - start });
      g_assert_no_error (error);
    }
  print_figure ("undo_median", n_products, median (times), "ms");
  print_figure ("undo_max", n_products, maximum (times), "ms");

  g_array_set_size (times, 0);
  for (guint i = 0; i < STEPS; i++)
    {
      start = now_ms ();
      ipms_document_redo (document, &error);
      g_array_append_val (times, (double) { now_ms () - start });
      g_assert_no_error (error);
    }
  print_figure ("redo_median", n_products, median (times), "ms");
  print_figure ("redo_max", n_products, maximum (times), "ms");

  start = now_ms ();
  json = ipms_json_export_data (document, &json_length, &error);
  g_assert_no_error (error);
  print_figure ("json_export", n_products, now_ms () - start, "ms");
  g_printerr ("note: %u products: %.1f MiB of JSON\n", n_products, json_length / 1048576.0);

  import_path = g_strdup_printf ("%s.import.ipms", path);
  imported = ipms_document_create (import_path, "Import", &error);
  g_assert_no_error (error);

  start = now_ms ();
  ipms_json_import_data (imported, json, (gssize) json_length, "Import", &error);
  g_assert_no_error (error);
  print_figure ("json_import", n_products, now_ms () - start, "ms");

  print_peak_rss (n_products);

  g_ptr_array_set_size (lists, 0);
  ipms_document_close (imported);
  ipms_document_close (document);
  g_unlink (import_path);
  g_unlink (path);
}

static void
bench_charts (guint n_products)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = generate_project (n_products);
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
          double start = now_ms ();

          ipms_chart_paint (chart, cr, &options);
          cairo_surface_flush (surface);
          g_array_append_val (times, (double) { now_ms () - start });
          cairo_destroy (cr);
        }

      cairo_surface_destroy (surface);

      metric = g_strdup_printf ("%s_frame", kinds[k]);
      g_strdelimit (metric, "-", '_');
      print_figure (metric, n_products, median (times), "ms");
    }

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
  g_autofree char *path = generate_project (n_products);
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

      start = now_ms ();
      ipms_field_binding_set_text (text, mission);
      ipms_field_binding_set_text (money, amount);
      g_array_append_val (keystrokes, (double) { (now_ms () - start) / 2 });

      start = cpu_ms ();
      ipms_field_binding_flush (text);
      g_array_append_val (commits, (double) { cpu_ms () - start });
      ipms_field_binding_flush (money);
    }

  print_figure ("field_keystroke_median", n_products, median (keystrokes), "ms");
  print_figure ("field_commit_cpu_median", n_products, median (commits), "ms");
  print_figure ("field_commit_cpu_max", n_products, maximum (commits), "ms");

  g_clear_object (&text);
  g_clear_object (&money);
  g_clear_object (&products);
  ipms_document_close (document);
  g_unlink (path);
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* Builds a form page in a shown window and waits until it is painted:
 * what the user waits for when switching to the view. */
static double
time_form_page (GtkWidget          *window,
                IpmsDocument       *document,
                const IpmsFormSpec *spec,
                double             *cpu)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong handler;
  GtkWidget *page;
  double start = now_ms ();
  double cpu_start = cpu_ms ();

  page = g_object_new (ipms_form_specs_get_page_type (spec), "document", document, NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);

  *cpu = cpu_ms () - cpu_start;
  return now_ms () - start;
}

/* Every form view of a project, built and painted; the slowest view is the
 * figure. Needs a display. */
static void
bench_forms (const char   *metric,
             guint         n_products,
             IpmsDocument *document)
{
  const IpmsFormSpec * const *specs = ipms_form_specs_get_all ();
  GtkWidget *window = gtk_window_new ();
  g_autofree char *cpu_metric = NULL;
  double slowest = 0;
  double slowest_cpu = 0;
  double cpu;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_frame_clock (window) == NULL || !gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);

  /* Once for the style and the fonts, as the application has them warm. */
  time_form_page (window, document, specs[0], &cpu);

  for (guint i = 0; specs[i] != NULL; i++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint r = 0; r < 5; r++)
        {
          g_array_append_val (times, (double) { time_form_page (window, document, specs[i], &cpu) });
          g_array_append_val (cpu_times, cpu);
        }
      g_printerr ("note: %s %u: %s %.1f ms (CPU %.1f ms)\n", metric, n_products, specs[i]->id,
                  median (times), median (cpu_times));
      slowest = MAX (slowest, median (times));
      slowest_cpu = MAX (slowest_cpu, median (cpu_times));
    }

  cpu_metric = g_strconcat (metric, "_cpu", NULL);
  print_figure (cpu_metric, n_products, slowest_cpu, "ms");
  print_figure (metric, n_products, slowest, "ms");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
bench_forms_generated (guint n_products)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = generate_project (n_products);

  document = ipms_document_open (path, &error);
  g_assert_no_error (error);
  bench_forms ("form_build", n_products, document);
  ipms_document_close (document);
  g_unlink (path);
}

static void
bench_forms_example (void)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = ipms_example_new_draft ("en_US.UTF-8", &error);
  g_assert_no_error (error);
  bench_forms ("form_build_example", ipms_document_count_rows (document, "product"), document);
  ipms_document_close (document);
}

int
main (int   argc,
      char *argv[])
{
  static const guint model_sizes[] = { 100, 1000, 10000 };
  static const guint chart_sizes[] = { 100, 1000, 2000 };
  g_autoptr(GError) error = NULL;
  /* "ipms-bench forms" measures only the form figures (a run of everything
   * takes minutes). */
  gboolean only_forms = argc > 1 && g_str_equal (argv[1], "forms");

  tmpdir = g_dir_make_tmp ("ipms-bench-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (model_sizes) && !only_forms; i++)
    bench_model (model_sizes[i]);

  for (guint i = 0; i < G_N_ELEMENTS (chart_sizes) && !only_forms; i++)
    bench_charts (chart_sizes[i]);

  for (guint i = 0; i < G_N_ELEMENTS (model_sizes); i++)
    bench_fields (model_sizes[i]);

  /* The forms need a display; without one their figures are left out. */
  if (gtk_init_check ())
    {
      bench_forms_example ();
      for (guint i = 0; i < G_N_ELEMENTS (model_sizes); i++)
        bench_forms_generated (model_sizes[i]);
    }
  else
    g_printerr ("note: no display, no form figures\n");

  g_rmdir (tmpdir);
  g_free (tmpdir);

  return EXIT_SUCCESS;
}
