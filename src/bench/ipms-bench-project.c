/* ipms-bench-project.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What both benchmarks share: the generated projects and the figures.
 */

#include "config.h"

#include <sys/resource.h>
#include <time.h>

#include "ipms-bench-project.h"

void
ipms_bench_print_figure (const char *metric,
                         guint       products,
                         double      value,
                         const char *unit)
{
  /* IPMS_BENCH_MARKS=1 stamps each figure with CLOCK_MONOTONIC, to find
   * its span in a profile taken with `perf record -k CLOCK_MONOTONIC`. */
  if (g_getenv ("IPMS_BENCH_MARKS") != NULL)
    {
      struct timespec ts;

      clock_gettime (CLOCK_MONOTONIC, &ts);
      g_printerr ("mark %s %ld.%06ld\n", metric, (long) ts.tv_sec, ts.tv_nsec / 1000);
    }
  g_print ("%s %u %.3f %s\n", metric, products, value, unit);
}

double
ipms_bench_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

long
ipms_bench_page_faults (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}

/* IPMS_BENCH_CLOCK=cpu times with the process' CPU time instead of the
 * wall clock: on a machine shared with other work the wall clock mostly
 * measures the wait for a core, the CPU time only this program's work. */
double
ipms_bench_now_ms (void)
{
  static int use_cpu = -1;

  if (use_cpu < 0)
    use_cpu = g_strcmp0 (g_getenv ("IPMS_BENCH_CLOCK"), "cpu") == 0;

  return use_cpu ? ipms_bench_cpu_ms () : g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
ipms_bench_percentile (GArray *times,
                       double  fraction)
{
  guint index;

  g_assert (times->len > 0);
  g_array_sort (times, compare_doubles);
  index = (guint) (fraction * (times->len - 1) + 0.5);

  return g_array_index (times, double, MIN (index, times->len - 1));
}

double
ipms_bench_median (GArray *times)
{
  return ipms_bench_percentile (times, 0.5);
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
char *
ipms_bench_generate_project (const char *dir,
                             guint       n_products)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (n_products);
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) series = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *name = g_strdup_printf ("bench-%u.ipms", n_products);
  char *path = g_build_filename (dir, name, NULL);
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

