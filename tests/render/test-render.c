/* test-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charts given numbers and dates at the edges of what a project can hold
 * (prices near 10^15, one price for every product, values only a file
 * edited by hand could hold, the first and last dates the schema accepts)
 * must export quickly and without crashing; and an export that cannot be
 * written whole must leave the old file as it was.
 */

/* unshare() */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <sched.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ipms-chart-export.h"
#include "ipms-chart-style.h"
#include "ipms-document.h"
#include "ipms-example.h"
#include "ipms-id-index.h"
#include "ipms-new-products-chart.h"
#include "ipms-panorama-chart.h"
#include "ipms-roadmap-chart.h"
#include "ipms-test-utils.h"
#include "ipms-time-axis.h"
#include "ipms-timeline-chart.h"
#include "ipms-timeline-edits.h"

/* Every export here takes well under a second; a chart that loops forever
 * is killed by the alarm, which fails the test instead of hanging it. */
#define EXPORT_SECONDS 30

static gint64
add_product (IpmsDocument *document,
             const char   *name,
             const char   *launch_date,
             double        price)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ipms_document_insert (document, "product", 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ipms_document_set_string (document, "product", id, "name", name, &error));
  g_assert_true (ipms_document_set_string (document, "product", id, "launch_date", launch_date, &error));
  g_assert_true (ipms_document_set_double (document, "product", id, "price", price, &error));
  g_assert_no_error (error);
  return id;
}

static gint64
add_band (IpmsDocument *document,
          double        min_price,
          double        max_price)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ipms_document_insert (document, "price_band", 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ipms_document_set_string (document, "price_band", id, "name", "Band", &error));
  g_assert_true (ipms_document_set_double (document, "price_band", id, "min_price", min_price, &error));
  g_assert_true (ipms_document_set_double (document, "price_band", id, "max_price", max_price, &error));
  g_assert_no_error (error);
  return id;
}

static IpmsDocument *
new_document (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ipms_test_make_temp_path (name);
  IpmsDocument *document = ipms_document_create (path, "Render test", &error);

  g_assert_no_error (error);
  g_assert_true (ipms_document_begin_edit (document, "Set up", NULL, &error));
  g_assert_no_error (error);
  return document;
}

static void
commit (IpmsDocument *document)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipms_document_commit_edit (document, &error));
  g_assert_no_error (error);
}

static void
close_document (IpmsDocument *document)
{
  ipms_document_close (document);
  g_assert_finalize_object (document);
}

/* Exports every chart kind in every format under the alarm. */
static void
export_all (IpmsDocument *document,
            const char   *range_start,
            const char   *range_end)
{
  static const char * const formats[] = { "png", "svg", "pdf" };
  const char * const *kinds = ipms_chart_get_kinds ();

  alarm (EXPORT_SECONDS);
  for (guint k = 0; kinds[k] != NULL; k++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(IpmsChart) chart = ipms_chart_new_for_kind (document, kinds[k], &error);
        g_autofree char *name = g_strdup_printf ("%s.%s", kinds[k], formats[f]);
        g_autofree char *path = ipms_test_make_temp_path (name);
        /* A page size keeps a chart over ten thousand years within what a
         * PNG can hold; the fit page is tried in PDF and SVG. */
        IpmsExportOptions options = { f == 0 ? IPMS_PAGE_A4 : IPMS_PAGE_FIT, TRUE, FALSE, 48 };

        g_assert_no_error (error);
        if (range_start != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (chart), "range-start") != NULL)
          g_object_set (chart, "range-start", range_start, "range-end", range_end, NULL);

        g_test_message ("exporting %s", name);
        g_assert_true (ipms_chart_export (chart, path, &options, &error));
        g_assert_no_error (error);
        g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      }
  alarm (0);
}

static void
assert_price_axis_sane (IpmsDocument *document)
{
  g_autoptr(IpmsRoadmapChart) chart = ipms_roadmap_chart_new (document);
  double per_unit = ipms_roadmap_chart_get_price_per_unit (chart);

  g_assert_true (isfinite (per_unit));
  g_assert_cmpfloat (per_unit, >, 0);
}

/* The reported hang: prices one unit in the last place apart at 10^15 (an
 * eighth) made a tick step of 0.02, which added to 10^15 gives 10^15. */
static void
test_huge_prices (void)
{
  IpmsDocument *document = new_document ("huge.ipms");

  add_product (document, "Top", "2027-03-01", 1e15);
  add_product (document, "Just below", "2027-06-01", nextafter (1e15, 0));
  add_band (document, nextafter (1e15, 0), 1e15);
  commit (document);

  assert_price_axis_sane (document);
  export_all (document, NULL, NULL);
  close_document (document);
}

static void
test_one_price (void)
{
  const double prices[] = { 0, 1e-9, 5, 1e15 };

  for (guint i = 0; i < G_N_ELEMENTS (prices); i++)
    {
      g_autofree char *name = g_strdup_printf ("one-price-%u.ipms", i);
      IpmsDocument *document = new_document (name);

      g_test_message ("every product at %g", prices[i]);
      add_product (document, "Alone", "2027-03-01", prices[i]);
      if (i % 2 == 0)
        add_product (document, "Same price", "2028-03-01", prices[i]);
      commit (document);

      assert_price_axis_sane (document);
      export_all (document, NULL, NULL);
      close_document (document);
    }
}

static void
test_no_products (void)
{
  IpmsDocument *document = new_document ("empty.ipms");

  add_band (document, 0, 0);
  commit (document);

  assert_price_axis_sane (document);
  export_all (document, NULL, NULL);
  close_document (document);
}

/* Values the schema refuses but SQLite stores: a file edited by another
 * program, which opens like any other. */
static void
test_hostile_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  IpmsDocument *document = new_document ("hostile.ipms");
  sqlite3 *db;
  char *message = NULL;

  add_product (document, "Infinite", "2027-03-01", 1);
  add_product (document, "Minus infinite", "2027-04-01", 2);
  add_product (document, "Huge", "2027-05-01", 3);
  add_product (document, "Negative", "2027-06-01", 4);
  add_band (document, 1, 2);
  commit (document);
  path = g_strdup (ipms_document_get_path (document));
  close_document (document);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE product SET price = 9e999 WHERE name = 'Infinite';"
                                 "UPDATE product SET price = -9e999 WHERE name = 'Minus infinite';"
                                 "UPDATE product SET price = 1e300 WHERE name = 'Huge';"
                                 "UPDATE product SET price = -1e300 WHERE name = 'Negative';"
                                 "UPDATE price_band SET min_price = -9e999, max_price = 9e999;",
                                 NULL, NULL, &message), ==, SQLITE_OK);
  g_assert_null (message);
  sqlite3_close (db);

  document = ipms_document_open (path, &error);
  g_assert_no_error (error);
  assert_price_axis_sane (document);
  export_all (document, NULL, NULL);
  close_document (document);
}

/* The panorama's market value shading, given the NaN that infinite market
 * values make (infinity over infinity), draws a colour in the scale. */
static void
test_value_color_nan (void)
{
  const IpmsChartPalette *palette = ipms_chart_style_get_palette (FALSE);
  const double values[] = { NAN, -INFINITY, INFINITY, -1, 2 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      IpmsColor color;

      ipms_chart_style_get_value_color (palette, values[i], &color);
      g_assert_true (color.red >= 0 && color.red <= 1);
      g_assert_true (color.green >= 0 && color.green <= 1);
      g_assert_true (color.blue >= 0 && color.blue <= 1);
    }
}

/* The header of a range over the whole calendar is a bounded number of
 * cells that still cover the axis without a gap. */
static void
assert_ticks_cover (const IpmsTimeAxis *axis)
{
  for (guint row = 0; row < 2; row++)
    {
      g_autoptr(GArray) ticks = ipms_time_axis_dup_ticks (axis, row);

      g_assert_cmpuint (ticks->len, >, 0);
      g_assert_cmpuint (ticks->len, <=, 1000);
      g_assert_cmpuint (g_array_index (ticks, IpmsTimeTick, 0).start, ==, axis->first_day);
      g_assert_cmpuint (g_array_index (ticks, IpmsTimeTick, ticks->len - 1).end, ==, axis->last_day + 1);
      for (guint i = 0; i < ticks->len; i++)
        {
          const IpmsTimeTick *tick = &g_array_index (ticks, IpmsTimeTick, i);

          g_assert_cmpuint (tick->start, <, tick->end);
          g_assert_nonnull (tick->label);
          if (i > 0)
            g_assert_cmpuint (tick->start, ==, g_array_index (ticks, IpmsTimeTick, i - 1).end);
        }
    }
}

static void
test_extreme_dates_axis (void)
{
  guint32 first = ipms_time_day_from_iso ("0001-01-01");
  guint32 last = ipms_time_day_from_iso ("9999-12-31");
  guint n = ipms_time_zoom_get_n_levels ();

  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (last, >, first);

  for (guint level = 0; level < n; level++)
    {
      IpmsTimeAxis axis;

      ipms_time_axis_init (&axis, first, last, ipms_time_zoom_get_px_per_day (level));
      assert_ticks_cover (&axis);
      ipms_time_axis_init (&axis, first, first, ipms_time_zoom_get_px_per_day (level));
      assert_ticks_cover (&axis);
      ipms_time_axis_init (&axis, last, last, ipms_time_zoom_get_px_per_day (level));
      assert_ticks_cover (&axis);
    }
}

static void
test_extreme_dates_export (void)
{
  static const char * const kinds[] = { "roadmap", "new-products" };
  IpmsDocument *document = new_document ("dates.ipms");

  add_product (document, "First", "0001-01-01", 10);
  add_product (document, "Last", "9999-12-31", 20);
  commit (document);

  /* Fitted to the range, ten thousand years still make a chart that can
   * be read as a whole and exported as a PNG. */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IpmsChart) chart = ipms_chart_new_for_kind (document, kinds[i], &error);
      double width, height;

      g_assert_no_error (error);
      ipms_chart_get_size (chart, &width, &height);
      g_assert_cmpfloat (width, <, 15000);
    }

  export_all (document, NULL, NULL);
  export_all (document, "0001-01-01", "0001-01-01");
  export_all (document, "9999-12-31", "9999-12-31");
  close_document (document);
}

/* A PNG larger than cairo or the memory can hold is refused with a reason
 * and leaves nothing behind. */
static void
test_png_too_large (void)
{
  g_autoptr(GError) error = NULL;
  IpmsDocument *document = new_document ("wide.ipms");
  g_autoptr(IpmsChart) chart = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GDir) listing = NULL;
  IpmsExportOptions options = { IPMS_PAGE_FIT, FALSE, FALSE, 0 };
  const char *entry;

  add_product (document, "First", "0001-01-01", 10);
  add_product (document, "Last", "9999-12-31", 20);
  commit (document);

  /* At the narrowest zoom level, ten thousand years are a million units. */
  chart = ipms_chart_new_for_kind (document, "roadmap", &error);
  g_assert_no_error (error);
  g_object_set (chart, "px-per-day", ipms_time_zoom_get_px_per_day (ipms_time_zoom_get_n_levels () - 1), NULL);
  path = ipms_test_make_temp_path ("wide.png");
  g_assert_false (ipms_chart_export (chart, path, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "too large for a PNG"));

  /* Only the project itself is there: no image, no temporary file. */
  dir = g_path_get_dirname (path);
  listing = g_dir_open (dir, 0, NULL);
  while ((entry = g_dir_read_name (listing)) != NULL)
    g_assert_cmpstr (entry, ==, "wide.ipms");

  g_clear_object (&chart);
  close_document (document);
}

static void
assert_only_old_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *entry;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the old chart");

  /* Nothing but the old file: the temporary file is gone. */
  while ((entry = g_dir_read_name (listing)) != NULL)
    g_assert_cmpstr (entry, ==, name);
}

/* Export with the file size limited: the write fails part way, as on a full
 * disk. Run in a child so that the limit stays there. */
static void
test_export_file_too_large (gconstpointer data)
{
  const char *format = data;
  g_autofree char *name = g_strdup_printf ("chart.%s", format);
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IpmsDocument) document = ipms_example_new_draft ("en_US.UTF-8", &error);
      g_autoptr(IpmsChart) chart = NULL;
      IpmsExportOptions options = { IPMS_PAGE_FIT, FALSE, FALSE, 0 };
      struct rlimit limit = { 8192, 8192 };

      g_assert_no_error (error);
      chart = ipms_chart_new_for_kind (document, "roadmap", &error);
      g_assert_no_error (error);

      /* Writes past the limit fail with EFBIG instead of killing the
       * process with SIGXFSZ. */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (ipms_chart_export (chart, g_getenv ("IPMS_TEST_EXPORT_PATH"), &options, &error));
      g_assert_nonnull (error);
      g_printerr ("%s\n", error->message);
      ipms_document_close (document);
      return;
    }

  path = ipms_test_make_temp_path (name);
  g_assert_true (g_file_set_contents (path, "the old chart", -1, NULL));
  g_setenv ("IPMS_TEST_EXPORT_PATH", path, TRUE);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*Cannot write*chart.*size limit*");
  assert_only_old_file (path);
}

/* A full disk: a small tmpfs in a mount namespace of a child process, so
 * that it goes away with the child. Needs the right to make one (root, or
 * user namespaces); skipped elsewhere. */
static void
test_export_disk_full (gconstpointer data)
{
  const char *format = data;
  g_autofree char *dir = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *reason = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IpmsDocument) document = ipms_example_new_draft ("en_US.UTF-8", &error);
      g_autoptr(IpmsChart) chart = NULL;
      g_autofree char *name = g_strdup_printf ("chart.%s", format);
      const char *full_dir = g_getenv ("IPMS_TEST_FULL_DIR");
      g_autofree char *path = g_build_filename (full_dir, name, NULL);
      IpmsExportOptions options = { IPMS_PAGE_FIT, FALSE, FALSE, 0 };

      g_assert_no_error (error);
      chart = ipms_chart_new_for_kind (document, "roadmap", &error);
      g_assert_no_error (error);

      if (unshare (CLONE_NEWNS) != 0 ||
          mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
          mount ("ipms-test", full_dir, "tmpfs", 0, "size=16k") != 0)
        {
          /* Written to the real folder, for the parent to see. */
          g_autofree char *skip = g_build_filename (full_dir, "no-tmpfs", NULL);

          g_assert_true (g_file_set_contents (skip, g_strerror (errno), -1, NULL));
          ipms_document_close (document);
          return;
        }

      g_assert_true (g_file_set_contents (path, "the old chart", -1, NULL));
      g_assert_false (ipms_chart_export (chart, path, &options, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_printerr ("%s\n", error->message);
      assert_only_old_file (path);
      ipms_document_close (document);
      return;
    }

  dir = ipms_test_make_temp_path ("full");
  marker = g_build_filename (dir, "no-tmpfs", NULL);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_setenv ("IPMS_TEST_FULL_DIR", dir, TRUE);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  if (g_file_get_contents (marker, &reason, NULL, NULL))
    {
      g_autofree char *message = g_strdup_printf ("cannot mount a tmpfs here: %s", reason);

      g_test_skip (message);
      return;
    }
  g_test_trap_assert_stderr ("*Cannot write*chart.*the disk is full*");
}

/* The same export without the limit replaces the old file. */
static void
test_export_replaces (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = ipms_example_new_draft ("en_US.UTF-8", &error);
  g_autoptr(IpmsChart) chart = NULL;
  g_autofree char *path = ipms_test_make_temp_path ("chart.pdf");
  g_autofree char *contents = NULL;
  gsize length;
  IpmsExportOptions options = { IPMS_PAGE_FIT, FALSE, FALSE, 0 };

  g_assert_no_error (error);
  chart = ipms_chart_new_for_kind (document, "roadmap", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "the old chart", -1, NULL));

  g_assert_true (ipms_chart_export (chart, path, &options, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  ipms_document_close (document);
}

/* The panorama after product edits (updated cell by cell when nothing
 * else changed) must be the one a fresh chart lays out. */
static void
assert_same_panorama (IpmsPanoramaChart *updated,
                      IpmsDocument      *document)
{
  g_autoptr(IpmsPanoramaChart) fresh = ipms_panorama_chart_new (document);
  double w1, h1, w2, h2;

  g_assert_cmpuint (ipms_panorama_chart_get_n_columns (updated), ==, ipms_panorama_chart_get_n_columns (fresh));
  g_assert_cmpuint (ipms_panorama_chart_get_n_rows (updated), ==, ipms_panorama_chart_get_n_rows (fresh));
  g_assert_cmpuint (ipms_panorama_chart_get_n_placed (updated), ==, ipms_panorama_chart_get_n_placed (fresh));
  ipms_chart_get_size (IPMS_CHART (updated), &w1, &h1);
  ipms_chart_get_size (IPMS_CHART (fresh), &w2, &h2);
  g_assert_cmpfloat (w1, ==, w2);
  g_assert_cmpfloat (h1, ==, h2);

  for (guint row = 0; row < ipms_panorama_chart_get_n_rows (fresh); row++)
    for (guint column = 0; column < ipms_panorama_chart_get_n_columns (fresh); column++)
      {
        GPtrArray *a = ipms_panorama_chart_get_products (updated, column, row);
        GPtrArray *b = ipms_panorama_chart_get_products (fresh, column, row);

        g_assert_cmpuint (a->len, ==, b->len);
        g_assert_cmpuint (ipms_panorama_chart_get_cell_stamp (updated, column, row), ==,
                          ipms_panorama_chart_get_cell_stamp (fresh, column, row));
        for (guint i = 0; i < a->len; i++)
          {
            cairo_rectangle_t ra, rb;
            gint64 id = ipms_record_get_id (g_ptr_array_index (b, i));

            g_assert_cmpint (ipms_record_get_id (g_ptr_array_index (a, i)), ==, id);
            g_assert_true (ipms_panorama_chart_get_chip_rect (updated, id, &ra));
            g_assert_true (ipms_panorama_chart_get_chip_rect (fresh, id, &rb));
            g_assert_cmpfloat (ra.x, ==, rb.x);
            g_assert_cmpfloat (ra.y, ==, rb.y);
          }
      }
}

static void
edit_product (IpmsDocument *document,
              gint64        id,
              const char   *column,
              const GValue *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipms_document_edit_value (document, "Edit", NULL, "product", id, column, value, &error));
  g_assert_no_error (error);
}

static void
test_panorama_product_edits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = ipms_example_new_draft ("en_US.UTF-8", &error);
  g_autoptr(IpmsPanoramaChart) chart = NULL;
  GValue value = G_VALUE_INIT;
  guint n_columns, n_rows, steps = 0;
  gint64 id = 0;

  g_assert_no_error (error);
  chart = ipms_panorama_chart_new (document);
  n_columns = ipms_panorama_chart_get_n_columns (chart);
  n_rows = ipms_panorama_chart_get_n_rows (chart);
  for (guint i = 0; i < n_columns * n_rows && id == 0; i++)
    if (ipms_panorama_chart_get_products (chart, i % n_columns, i / n_columns)->len > 0)
      id = ipms_record_get_id (g_ptr_array_index (ipms_panorama_chart_get_products (chart, i % n_columns, i / n_columns), 0));
  g_assert_cmpint (id, !=, 0);

  /* A new name: the same cells, one of them painted again. */
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Renamed Feeder");
  edit_product (document, id, "name", &value);
  g_value_unset (&value);
  steps++;
  assert_same_panorama (chart, document);

  /* Into every cell in turn, then off the grid. */
  g_value_init (&value, G_TYPE_INT64);
  for (guint i = 0; i < n_columns * n_rows; i++)
    {
      IpmsRecord *segment = ipms_panorama_chart_get_segment (chart, i % n_columns, i / n_columns);

      if (segment == NULL || ipms_record_get_id (segment) == ipms_record_get_int (ipms_document_get_record (document, "product", id), "segment_id"))
        continue;
      g_value_set_int64 (&value, ipms_record_get_id (segment));
      edit_product (document, id, "segment_id", &value);
      steps++;
      assert_same_panorama (chart, document);
    }
  edit_product (document, id, "segment_id", NULL);
  steps++;
  assert_same_panorama (chart, document);

  for (guint i = 0; i < steps; i++)
    {
      g_assert_true (ipms_document_undo (document, &error));
      g_assert_no_error (error);
      assert_same_panorama (chart, document);
    }
}

static cairo_surface_t *
paint_panorama (IpmsPanoramaChart *chart)
{
  IpmsChartPaintOptions options = { FALSE, TRUE, 1.0 };
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  ipms_chart_get_size (IPMS_CHART (chart), &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width), (int) ceil (height));
  cr = cairo_create (surface);
  ipms_chart_paint (IPMS_CHART (chart), cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  return cairo_image_surface_get_width (a) == cairo_image_surface_get_width (b) &&
         height == cairo_image_surface_get_height (b) &&
         memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b), (size_t) stride * height) == 0;
}

/* Forgetting the texts of chips out of a canvas' window paints the same
 * chart again, and a renamed chip whose text was forgotten shows its new
 * name. */
static void
test_panorama_forget_chip_texts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = ipms_example_new_draft ("en_US.UTF-8", &error);
  g_autoptr(IpmsPanoramaChart) chart = NULL;
  g_autoptr(IpmsPanoramaChart) fresh = NULL;
  cairo_surface_t *before, *after, *renamed, *expected;
  GValue value = G_VALUE_INIT;
  gint64 id = 0;

  g_assert_no_error (error);
  chart = ipms_panorama_chart_new (document);
  before = paint_panorama (chart);

  /* Only the first cell's chips keep their texts. */
  {
    cairo_rectangle_t first;

    ipms_panorama_chart_get_cell_rect (chart, 0, 0, &first);
    ipms_panorama_chart_forget_chip_texts (chart, &first);
  }
  after = paint_panorama (chart);
  g_assert_true (same_pixels (before, after));

  for (guint i = 0; id == 0 && i < ipms_panorama_chart_get_n_columns (chart) * ipms_panorama_chart_get_n_rows (chart); i++)
    {
      GPtrArray *products = ipms_panorama_chart_get_products (chart, i % ipms_panorama_chart_get_n_columns (chart),
                                                              i / ipms_panorama_chart_get_n_columns (chart));

      if (products->len > 0)
        id = ipms_record_get_id (g_ptr_array_index (products, products->len - 1));
    }
  g_assert_cmpint (id, !=, 0);
  ipms_panorama_chart_forget_chip_texts (chart, &(cairo_rectangle_t) { 0, 0, 0, 0 });
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Renamed Feeder");
  edit_product (document, id, "name", &value);
  g_value_unset (&value);
  renamed = paint_panorama (chart);
  fresh = ipms_panorama_chart_new (document);
  expected = paint_panorama (fresh);
  g_assert_true (same_pixels (renamed, expected));
  g_assert_false (same_pixels (renamed, before));

  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  cairo_surface_destroy (renamed);
  cairo_surface_destroy (expected);
}

/* A short column title stands in the middle of its header, as the long
 * titles wrapped to two lines do: measured on the painted pixels. */
static void
test_panorama_column_title_centered (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = ipms_example_new_draft ("en_US.UTF-8", &error);
  g_autoptr(IpmsPanoramaChart) chart = NULL;
  IpmsChartPaintOptions options = { FALSE, TRUE, 1.0 };
  GValue value = G_VALUE_INIT;
  cairo_surface_t *surface;
  cairo_rectangle_t rect;
  cairo_t *cr;
  double width, height, left = G_MAXDOUBLE, right = -1;
  const guint8 *data;
  int stride;

  g_assert_no_error (error);
  chart = ipms_panorama_chart_new (document);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Budget");
  g_assert_true (ipms_document_edit_value (document, "Rename", NULL, "axis_item",
                                           ipms_record_get_id (ipms_panorama_chart_get_column_item (chart, 0)),
                                           "label", &value, &error));
  g_assert_no_error (error);
  g_value_unset (&value);
  g_clear_object (&chart);
  chart = ipms_panorama_chart_new (document);

  ipms_chart_get_size (IPMS_CHART (chart), &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width), (int) ceil (height));
  cr = cairo_create (surface);
  ipms_chart_paint (IPMS_CHART (chart), cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  ipms_panorama_chart_get_column_header_rect (chart, 0, &rect);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* The title's ink: the darkest pixels of the header, away from its grid
   * lines. */
  for (int y = (int) rect.y + 3; y < (int) (rect.y + rect.height) - 3; y++)
    for (int x = (int) rect.x + 3; x < (int) (rect.x + rect.width) - 3; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);

        if (((pixel >> 8) & 0xff) < 0x80)
          {
            left = MIN (left, x);
            right = MAX (right, x);
          }
      }
  cairo_surface_destroy (surface);

  g_assert_cmpfloat (right, >, left);
  g_assert_cmpfloat (fabs ((left + right) / 2 - (rect.x + rect.width / 2)), <=, 3);
}

/* The timelines after product edits (updated item by item when nothing
 * else changed) must paint what a fresh chart of the same kind paints. */
typedef enum
{
  TIMELINE_LAYERS,
  TIMELINE_SERIES,
  TIMELINE_ROADMAP,
} TimelineVariant;

static IpmsChart *
new_timeline (IpmsDocument    *document,
              TimelineVariant  variant)
{
  IpmsTimelineChart *chart;

  if (variant == TIMELINE_ROADMAP)
    chart = IPMS_TIMELINE_CHART (ipms_roadmap_chart_new (document));
  else
    chart = IPMS_TIMELINE_CHART (ipms_new_products_chart_new (document));
  if (variant == TIMELINE_SERIES)
    ipms_new_products_chart_set_lane_mode (IPMS_NEW_PRODUCTS_CHART (chart), IPMS_LANE_MODE_SERIES);
  /* A view's fixed zoom, as the canvas sets it, and one today. */
  ipms_timeline_chart_set_px_per_day (chart, 4.0);
  ipms_timeline_chart_set_today (chart, ipms_time_day_from_dmy (1, 6, 2026));

  return IPMS_CHART (chart);
}

static cairo_surface_t *
paint_timeline (IpmsChart *chart,
                double     width,
                double     height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));
  cairo_t *cr = cairo_create (surface);
  IpmsChartPaintOptions options = { .scale = 1 };

  ipms_chart_paint (chart, cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
assert_same_timeline (IpmsChart       *updated,
                      IpmsDocument    *document,
                      TimelineVariant  variant)
{
  g_autoptr(IpmsChart) fresh = new_timeline (document, variant);
  g_autoptr(GArray) ids_updated = NULL;
  g_autoptr(GArray) ids_fresh = NULL;
  cairo_surface_t *a, *b;
  double w1, h1, w2, h2;

  ipms_chart_get_size (updated, &w1, &h1);
  ipms_chart_get_size (fresh, &w2, &h2);
  g_assert_cmpfloat (w1, ==, w2);
  g_assert_cmpfloat (h1, ==, h2);

  ids_updated = ipms_timeline_chart_dup_item_ids (IPMS_TIMELINE_CHART (updated));
  ids_fresh = ipms_timeline_chart_dup_item_ids (IPMS_TIMELINE_CHART (fresh));
  g_assert_cmpmem (ids_updated->data, ids_updated->len * sizeof (gint64),
                   ids_fresh->data, ids_fresh->len * sizeof (gint64));

  for (guint i = 0; i < ids_fresh->len; i++)
    {
      gint64 id = g_array_index (ids_fresh, gint64, i);

      if (variant == TIMELINE_ROADMAP)
        {
          double x1, y1, r1, x2, y2, r2;
          cairo_rectangle_t label1, label2;
          gboolean clustered1, clustered2;

          g_assert_true (ipms_roadmap_chart_get_marker (IPMS_ROADMAP_CHART (updated), id, &x1, &y1, &r1));
          g_assert_true (ipms_roadmap_chart_get_marker (IPMS_ROADMAP_CHART (fresh), id, &x2, &y2, &r2));
          g_assert_cmpfloat (x1, ==, x2);
          g_assert_cmpfloat (y1, ==, y2);
          g_assert_cmpfloat (r1, ==, r2);
          /* The name's place, or the "+N" label it shares. */
          g_assert_true (ipms_roadmap_chart_get_label (IPMS_ROADMAP_CHART (updated), id, &label1, &clustered1));
          g_assert_true (ipms_roadmap_chart_get_label (IPMS_ROADMAP_CHART (fresh), id, &label2, &clustered2));
          g_assert_cmpint (clustered1, ==, clustered2);
          g_assert_cmpmem (&label1, sizeof label1, &label2, sizeof label2);
        }
      else
        {
          IpmsNewProductsItem i1, i2;

          g_assert_true (ipms_new_products_chart_get_item (IPMS_NEW_PRODUCTS_CHART (updated), id, &i1));
          g_assert_true (ipms_new_products_chart_get_item (IPMS_NEW_PRODUCTS_CHART (fresh), id, &i2));
          g_assert_cmpmem (&i1, sizeof i1, &i2, sizeof i2);
        }
    }

  /* The lane heights, milestones, names and "+N" labels: every pixel. */
  a = paint_timeline (updated, w1, h1);
  b = paint_timeline (fresh, w2, h2);
  g_assert_cmpmem (cairo_image_surface_get_data (a), cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a),
                   cairo_image_surface_get_data (b), cairo_image_surface_get_stride (b) * cairo_image_surface_get_height (b));
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* The Today badge sits at the top of the first lane, where its first row
 * of milestones is: no milestone label goes under it ("Nest: 入局" was
 * half hidden), whatever the day. */
static void
test_today_badge_clear (gconstpointer data)
{
  TimelineVariant variant = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = ipms_example_new_draft ("en_US.UTF-8", &error);
  g_autoptr(IpmsChart) chart = NULL;
  IpmsNewProductsChart *np;
  const IpmsTimeAxis *axis;
  guint32 first_day, last_day;
  guint checked = 0;

  g_assert_no_error (error);
  chart = new_timeline (document, variant);
  np = IPMS_NEW_PRODUCTS_CHART (chart);
  axis = ipms_new_products_chart_get_axis (np);
  first_day = axis->first_day;
  last_day = axis->last_day;

  for (guint32 day = first_day; day <= last_day; day += 2)
    {
      double top, today_x;
      cairo_rectangle_t label;

      ipms_timeline_chart_set_today (IPMS_TIMELINE_CHART (chart), day);
      top = ipms_new_products_chart_get_body_top (np);
      axis = ipms_new_products_chart_get_axis (np);
      today_x = ipms_new_products_chart_get_time_origin (np) + ipms_time_axis_day_to_x (axis, day) +
                axis->px_per_day / 2;

      /* The badge: the word Today and its margins, in the top 24 pixels. */
      for (guint i = 0; ipms_new_products_chart_get_milestone_label (np, i, &label); i++)
        if (label.y < top + 24 && label.x < today_x + 22 && label.x + label.width > today_x - 22)
          g_error ("on day %u, the milestone label at %g..%g runs under the Today badge at %g",
                   day, label.x, label.x + label.width, today_x);
      checked++;
    }
  g_assert_cmpuint (checked, >, 100);
}

/* A narrow lane column (a phone-width view) moves the whole time axis left
 * by what it saves, and the lane names wrap to it, their lanes taller. */
static void
test_lane_column (gconstpointer data)
{
  TimelineVariant variant = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = ipms_example_new_draft ("en_US.UTF-8", &error);
  g_autoptr(IpmsChart) chart = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) wide_titles = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  IpmsNewProductsChart *np;
  IpmsNewProductsItem wide, narrow;
  double wide_origin, column = 120;
  gint64 id = 0;
  guint taller = 0;

  g_assert_no_error (error);
  chart = new_timeline (document, variant);
  np = IPMS_NEW_PRODUCTS_CHART (chart);
  g_assert_cmpfloat (ipms_new_products_chart_get_lane_column_width (np), ==, 200);

  ids = ipms_timeline_chart_dup_item_ids (IPMS_TIMELINE_CHART (chart));
  for (guint i = 0; i < ids->len && id == 0; i++)
    if (ipms_new_products_chart_get_item (np, g_array_index (ids, gint64, i), &wide) && wide.bar_width > 0)
      id = g_array_index (ids, gint64, i);
  g_assert_cmpint (id, !=, 0);
  wide_origin = ipms_new_products_chart_get_time_origin (np);
  g_assert_cmpfloat (wide_origin, ==, 200);
  for (guint lane = 0; lane < ipms_new_products_chart_get_n_lanes (np); lane++)
    {
      cairo_rectangle_t title;

      g_assert_true (ipms_new_products_chart_get_lane_title (np, lane, &title));
      g_array_append_val (wide_titles, title);
    }

  ipms_new_products_chart_set_lane_column_width (np, column);
  g_assert_cmpfloat (ipms_new_products_chart_get_lane_column_width (np), ==, column);
  g_assert_cmpfloat_with_epsilon (ipms_new_products_chart_get_time_origin (np), wide_origin - (200 - column), 1e-9);
  g_assert_true (ipms_new_products_chart_get_item (np, id, &narrow));
  g_assert_cmpfloat_with_epsilon (narrow.bar_x, wide.bar_x - (200 - column), 1e-9);
  g_assert_cmpfloat_with_epsilon (narrow.bar_width, wide.bar_width, 1e-9);

  g_assert_cmpuint (ipms_new_products_chart_get_n_lanes (np), ==, wide_titles->len);
  for (guint lane = 0; lane < ipms_new_products_chart_get_n_lanes (np); lane++)
    {
      cairo_rectangle_t title;
      double y, height;

      g_assert_true (ipms_new_products_chart_get_lane_extent (np, lane, &y, &height));
      g_assert_true (ipms_new_products_chart_get_lane_title (np, lane, &title));
      if (title.x < 0 || title.x + title.width > column || title.y < y || title.y + title.height > y + height)
        g_error ("lane %u's name \"%s\" (%g,%g %gx%g) is not inside its lane (0,%g %gx%g)",
                 lane, ipms_new_products_chart_get_lane_label (np, lane),
                 title.x, title.y, title.width, title.height, y, column, height);
      if (title.height > g_array_index (wide_titles, cairo_rectangle_t, lane).height)
        taller++;
    }
  /* "First-time young pet owners" is too long for the column and wraps;
   * the example's series names are short enough not to. */
  if (variant == TIMELINE_LAYERS)
    g_assert_cmpuint (taller, >, 0);
}

static void
test_timeline_product_edits (gconstpointer data)
{
  TimelineVariant variant = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = ipms_example_new_draft ("en_US.UTF-8", &error);
  g_autoptr(IpmsChart) chart = NULL;
  g_autoptr(GArray) ids = NULL;
  GValue value = G_VALUE_INIT;
  guint steps = 0;
  gint64 id, other, added;

  g_assert_no_error (error);
  chart = new_timeline (document, variant);
  ids = ipms_timeline_chart_dup_item_ids (IPMS_TIMELINE_CHART (chart));
  g_assert_cmpuint (ids->len, >, 2);
  id = g_array_index (ids, gint64, ids->len / 2);
  other = g_array_index (ids, gint64, 0);

  /* A longer name: another extent, perhaps another row. */
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "A product with a much longer name than before");
  edit_product (document, id, "name", &value);
  g_value_unset (&value);
  steps++;
  assert_same_timeline (chart, document, variant);

  /* Along the time, both ways, within the plan. */
  for (int days = -60; days <= 60; days += 40)
    {
      g_assert_true (ipms_timeline_shift_product (document, other, days, NULL, &error));
      g_assert_no_error (error);
      steps++;
      assert_same_timeline (chart, document, variant);
    }

  if (variant == TIMELINE_ROADMAP)
    {
      /* Dearer and cheaper, another grade. */
      g_value_init (&value, G_TYPE_DOUBLE);
      for (guint i = 0; i < 3; i++)
        {
          IpmsRecord *product = ipms_document_get_record (document, "product", id);

          g_value_set_double (&value, ipms_record_get_double (product, "price") * (i == 1 ? 0.5 : 1.5));
          edit_product (document, id, "price", &value);
          steps++;
          assert_same_timeline (chart, document, variant);
        }
      g_value_unset (&value);
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, "R");
      edit_product (document, other, "grade", &value);
      g_value_unset (&value);
      steps++;
      assert_same_timeline (chart, document, variant);
    }
  else
    {
      IpmsNewProductsChart *np = IPMS_NEW_PRODUCTS_CHART (chart);

      /* Through every lane, down and back up. */
      for (guint lane = 0; lane < ipms_new_products_chart_get_n_lanes (np); lane++)
        {
          IpmsNewProductsItem item;

          g_assert_true (ipms_new_products_chart_get_item (np, id, &item));
          if (item.lane == lane || ipms_new_products_chart_get_lane_id (np, lane) == 0)
            continue;
          g_assert_true (ipms_timeline_move_product_to_lane (document, id, 7, variant == TIMELINE_SERIES,
                                                             ipms_new_products_chart_get_lane_id (np, lane), &error));
          g_assert_no_error (error);
          steps++;
          assert_same_timeline (chart, document, variant);
        }
    }

  /* A new product with dates, in one step. */
  g_assert_true (ipms_document_begin_edit (document, "Add", NULL, &error));
  added = ipms_document_insert (document, "product", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ipms_document_set_string (document, "product", added, "name", "A new product", &error));
  g_assert_true (ipms_document_set_string (document, "product", added, "dev_start", "2026-05-04", &error));
  g_assert_true (ipms_document_set_string (document, "product", added, "dev_complete", "2026-08-20", &error));
  g_assert_true (ipms_document_set_string (document, "product", added, "launch_date", "2026-09-01", &error));
  g_assert_true (ipms_document_set_double (document, "product", added, "price", 99, &error));
  g_assert_no_error (error);
  commit (document);
  steps++;
  assert_same_timeline (chart, document, variant);

  /* Off the chart and back (undone below), and gone. */
  g_assert_true (ipms_timeline_unschedule_product (document, other, variant == TIMELINE_ROADMAP, &error));
  g_assert_no_error (error);
  steps++;
  assert_same_timeline (chart, document, variant);
  g_assert_true (ipms_timeline_delete_product (document, id, &error));
  g_assert_no_error (error);
  steps++;
  assert_same_timeline (chart, document, variant);

  for (guint i = 0; i < steps; i++)
    {
      g_assert_true (ipms_document_undo (document, &error));
      g_assert_no_error (error);
      assert_same_timeline (chart, document, variant);
    }
  for (guint i = 0; i < steps; i++)
    {
      g_assert_true (ipms_document_redo (document, &error));
      g_assert_no_error (error);
      assert_same_timeline (chart, document, variant);
    }
}

/* Chart units a row of the roadmap's legend takes. */
#define LEGEND_ROW 22.0

static void
add_series (IpmsDocument *document,
            guint         count)
{
  for (guint i = 0; i < count; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("Series number %u of a long line", i + 1);
      gint64 id = ipms_document_insert (document, "series", 0, NULL, &error);

      g_assert_no_error (error);
      g_assert_true (ipms_document_set_string (document, "series", id, "name", name, &error));
      g_assert_no_error (error);
    }
}

/* Whether any pixel of `surface` in the rows [top, bottom) and the
 * columns [left, right) differs from the top left one, the background. */
static gboolean
painted_in_band (cairo_surface_t *surface,
                 int              left,
                 int              top,
                 int              right,
                 int              bottom)
{
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 background = *(guint32 *) data;

  for (int y = MAX (0, top); y < MIN (bottom, cairo_image_surface_get_height (surface)); y++)
    for (int x = MAX (0, left); x < MIN (right, cairo_image_surface_get_width (surface)); x++)
      if (*(guint32 *) (data + y * stride + 4 * x) != background)
        return TRUE;
  return FALSE;
}

/* A plan of many series: the legend's keys wrap into rows instead of
 * widening the chart by a line many screens long; the rows add to the
 * height that the price axis leaves, which is known before a layout (the
 * view fits the price axis with it), and every row is painted. */
static void
test_roadmap_legend_wraps (void)
{
  IpmsDocument *document = new_document ("legend-wraps.ipms");
  g_autoptr(IpmsRoadmapChart) few = NULL;
  g_autoptr(IpmsRoadmapChart) many = NULL;
  IpmsChartPaintOptions options = { FALSE, TRUE, 1.0 };
  double few_width, few_height, many_width, many_height, chrome;
  cairo_surface_t *surface;
  cairo_t *cr;
  int legend_bottom;

  add_product (document, "Only", "2027-03-01", 100);
  add_series (document, 1);
  commit (document);

  few = ipms_roadmap_chart_new (document);
  ipms_roadmap_chart_set_price_length (few, 400);
  ipms_chart_get_size (IPMS_CHART (few), &few_width, &few_height);

  g_assert_true (ipms_document_begin_edit (document, "More series", NULL, NULL));
  add_series (document, 59);
  commit (document);

  many = ipms_roadmap_chart_new (document);
  ipms_roadmap_chart_set_price_length (many, 400);
  chrome = ipms_roadmap_chart_get_price_chrome (many);
  ipms_chart_get_size (IPMS_CHART (many), &many_width, &many_height);
  g_test_message ("one series %.0f x %.0f, sixty %.0f x %.0f", few_width, few_height, many_width, many_height);

  g_assert_cmpfloat (many_width, ==, few_width);
  g_assert_cmpfloat (many_height, >=, few_height + 8 * LEGEND_ROW);
  g_assert_cmpfloat (chrome, ==, many_height - 400);
  g_assert_cmpfloat (ipms_roadmap_chart_get_price_chrome (many), ==, chrome);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (many_width), (int) ceil (many_height));
  cr = cairo_create (surface);
  ipms_chart_paint (IPMS_CHART (many), cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Each series row, and the grades' row under them, has its keys. */
  legend_bottom = (int) many_height - 12;
  for (int row = 0; (double) row * LEGEND_ROW < many_height - few_height + 1; row++)
    g_assert_true (painted_in_band (surface, 0, legend_bottom - (int) ((row + 1) * LEGEND_ROW),
                                    1000, legend_bottom - (int) (row * LEGEND_ROW)));
  cairo_surface_destroy (surface);

  /* In a narrower view the keys take more rows, all of them in the view. */
  {
    double narrow_width, narrow_height;

    ipms_roadmap_chart_set_legend_room (many, 500);
    chrome = ipms_roadmap_chart_get_price_chrome (many);
    ipms_chart_get_size (IPMS_CHART (many), &narrow_width, &narrow_height);
    g_assert_cmpfloat (narrow_height, >=, many_height + 4 * LEGEND_ROW);
    g_assert_cmpfloat (chrome, ==, narrow_height - 400);
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (narrow_width), (int) ceil (narrow_height));
    cr = cairo_create (surface);
    ipms_chart_paint (IPMS_CHART (many), cr, &options);
    cairo_destroy (cr);
    cairo_surface_flush (surface);
    /* The legend starts where it did with one series, two rows and
     * their padding above the bottom. */
    g_assert_true (painted_in_band (surface, 0, (int) few_height - 60, 500, (int) narrow_height));
    g_assert_false (painted_in_band (surface, 500, (int) few_height - 60, (int) narrow_width, (int) narrow_height));
    cairo_surface_destroy (surface);
    ipms_roadmap_chart_set_legend_room (many, 0);
  }

  /* A series taken away takes its key, and the rows follow. */
  g_assert_true (ipms_document_begin_edit (document, "Fewer series", NULL, NULL));
  {
    g_autoptr(GPtrArray) series = ipms_document_query (document, "series", NULL, 0, "position");

    for (guint i = 1; i < series->len; i++)
      g_assert_true (ipms_document_delete (document, "series", ipms_record_get_id (g_ptr_array_index (series, i)), NULL));
  }
  commit (document);
  g_assert_cmpfloat (ipms_roadmap_chart_get_price_chrome (many), ==, few_height - 400);
  ipms_chart_get_size (IPMS_CHART (many), &many_width, &many_height);
  g_assert_cmpfloat (many_height, ==, few_height);

  g_clear_object (&few);
  g_clear_object (&many);
  close_document (document);
}

/* Names measured ahead, a few at a time, until all of them are, names
 * that are no plain line of text and a very long one included; a plan
 * without products has nothing to measure. */
static void
test_names_ahead (void)
{
  IpmsDocument *document = new_document ("names-ahead.ipms");
  g_autoptr(IpmsNamesAhead) empty = NULL;
  g_autoptr(IpmsNamesAhead) ahead = NULL;
  g_autofree char *long_name = g_strnfill (20000, 'W');

  commit (document);
  empty = ipms_names_ahead_new (document);
  g_assert_true (ipms_names_ahead_step (empty, 1));

  g_assert_true (ipms_document_begin_edit (document, "Products", NULL, NULL));
  add_product (document, "Feeder", "2027-03-01", 10);
  add_product (document, "喂食器", "2027-04-01", 20);
  add_product (document, "", "2027-05-01", 30);
  add_product (document, "Two\nlines\tand a tab", "2027-06-01", 40);
  add_product (document, "שלום Feeder", "2027-07-01", 50);
  add_product (document, long_name, "2027-08-01", 60);
  commit (document);

  ahead = ipms_names_ahead_new (document);
  g_assert_false (ipms_names_ahead_step (ahead, 2));
  g_assert_false (ipms_names_ahead_step (ahead, 2));
  g_assert_true (ipms_names_ahead_step (ahead, 2));
  g_assert_true (ipms_names_ahead_step (ahead, 2));

  g_clear_pointer (&empty, ipms_names_ahead_free);
  g_clear_pointer (&ahead, ipms_names_ahead_free);
  close_document (document);
}

/* By layers, a series that covers no segment shows its milestones on its
 * products' lanes: moving its product to another lane moves them, and an
 * edit updated in place shows them where a new layout does. */
static void
test_series_on_products (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = ipms_example_new_draft ("en_US.UTF-8", &error);
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(IpmsChart) chart = NULL;
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  IpmsNewProductsChart *np;
  IpmsNewProductsItem item;
  gint64 series_id = 0, product_id = 0;
  guint moves = 0, moved_milestones = 0;

  g_assert_no_error (error);
  series = ipms_document_query (document, "series", NULL, 0, "position");
  for (guint i = 0; i < series->len && series_id == 0; i++)
    if (!ipms_record_is_null (g_ptr_array_index (series, i), "entry_date"))
      series_id = ipms_record_get_id (g_ptr_array_index (series, i));
  g_assert_cmpint (series_id, !=, 0);
  products = ipms_document_query (document, "product", "series_id", series_id, NULL);
  for (guint i = 0; i < products->len && product_id == 0; i++)
    if (!ipms_record_is_null (g_ptr_array_index (products, i), "launch_date"))
      product_id = ipms_record_get_id (g_ptr_array_index (products, i));
  g_assert_cmpint (product_id, !=, 0);

  /* The series covers no segment now: its milestones follow its products. */
  links = ipms_document_query (document, "series_segment", "series_id", series_id, NULL);
  g_assert_cmpuint (links->len, >, 0);
  g_assert_true (ipms_document_begin_edit (document, "Unlink", NULL, &error));
  for (guint i = 0; i < links->len; i++)
    g_assert_true (ipms_document_delete (document, "series_segment",
                                         ipms_record_get_id (g_ptr_array_index (links, i)), &error));
  g_assert_no_error (error);
  commit (document);

  chart = new_timeline (document, TIMELINE_LAYERS);
  np = IPMS_NEW_PRODUCTS_CHART (chart);
  assert_same_timeline (chart, document, TIMELINE_LAYERS);

  for (guint lane = 0; lane < ipms_new_products_chart_get_n_lanes (np); lane++)
    {
      cairo_rectangle_t rect;
      guint n = 0;

      g_assert_true (ipms_new_products_chart_get_item (np, product_id, &item));
      if (item.lane == lane || ipms_new_products_chart_get_lane_id (np, lane) == 0)
        continue;

      g_array_set_size (before, 0);
      for (guint i = 0; ipms_new_products_chart_get_milestone_label (np, i, &rect); i++)
        g_array_append_val (before, rect);
      g_assert_true (ipms_timeline_move_product_to_lane (document, product_id, 0, FALSE,
                                                         ipms_new_products_chart_get_lane_id (np, lane), &error));
      g_assert_no_error (error);
      moves++;
      assert_same_timeline (chart, document, TIMELINE_LAYERS);

      for (guint i = 0; ipms_new_products_chart_get_milestone_label (np, i, &rect); i++, n++)
        if (n >= before->len || memcmp (&rect, &g_array_index (before, cairo_rectangle_t, n), sizeof rect) != 0)
          {
            moved_milestones++;
            break;
          }
      if (n != before->len)
        moved_milestones++;
    }
  g_assert_cmpuint (moves, >, 1);
  g_assert_cmpuint (moved_milestones, >, 0);

  for (guint i = 0; i < moves; i++)
    {
      g_assert_true (ipms_document_undo (document, &error));
      g_assert_no_error (error);
      assert_same_timeline (chart, document, TIMELINE_LAYERS);
    }
}

/* A crowded roadmap, where names compete for places and many markers
 * share "+N" labels: after each move (whose names and "+N" labels are
 * placed again only around what changed) every label is where a fresh
 * layout puts it. */
static void
test_roadmap_crowded_edits (void)
{
  IpmsDocument *document = new_document ("crowded.ipms");
  static const char * const grades[] = { "R", "S", "A", "B", "F" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(IpmsChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  guint first = ipms_time_day_from_dmy (1, 4, 2026);
  guint n_onto_clusters = 0;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Crowded product %u", i);
      g_autofree char *launch = ipms_time_day_to_iso (first + g_rand_int_range (rand, 0, 90));
      gint64 id = add_product (document, name, launch, 10 + g_rand_int_range (rand, 0, 500) / 10.0);

      g_assert_true (ipms_document_set_string (document, "product", id, "grade", grades[i % 5], &error));
      g_assert_no_error (error);
      g_array_append_val (ids, id);
    }
  commit (document);

  chart = new_timeline (document, TIMELINE_ROADMAP);
  assert_same_timeline (chart, document, TIMELINE_ROADMAP);
  for (guint i = 0; i < 25; i++)
    {
      gint64 id = g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len));
      IpmsRecord *product = ipms_document_get_record (document, "product", id);
      guint32 launch = ipms_time_day_from_iso (ipms_record_get_string (product, "launch_date"));
      double price = CLAMP (ipms_record_get_double (product, "price") + g_rand_int_range (rand, -30, 31) / 10.0, 11, 59);

      g_assert_true (ipms_timeline_move_marker (document, id, CLAMP (launch + g_rand_int_range (rand, -10, 11), first, first + 89),
                                                price, NULL, &error));
      g_assert_no_error (error);
      assert_same_timeline (chart, document, TIMELINE_ROADMAP);
    }
  /* A marker put onto a "+N" label takes its place: the label, kept from
   * the last layout where nothing around it changed, must move. */
  for (guint i = 0; i < ids->len && n_onto_clusters < 10; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gint64 mover = g_array_index (ids, gint64, (i + ids->len / 2) % ids->len);
      cairo_rectangle_t label;
      gboolean clustered;
      double day, price;

      g_assert_true (ipms_roadmap_chart_get_label (IPMS_ROADMAP_CHART (chart), id, &label, &clustered));
      if (!clustered)
        continue;
      ipms_roadmap_chart_point_to_values (IPMS_ROADMAP_CHART (chart), label.x + label.width / 2,
                                          label.y + label.height / 2, &day, &price);
      g_assert_true (ipms_timeline_move_marker (document, mover, CLAMP ((guint32) day, first, first + 89),
                                                CLAMP (price, 11, 59), NULL, &error));
      g_assert_no_error (error);
      assert_same_timeline (chart, document, TIMELINE_ROADMAP);
      n_onto_clusters++;
    }
  g_assert_cmpuint (n_onto_clusters, ==, 10);
  for (guint i = 0; i < 25 + n_onto_clusters; i++)
    {
      g_assert_true (ipms_document_undo (document, &error));
      g_assert_no_error (error);
      assert_same_timeline (chart, document, TIMELINE_ROADMAP);
    }

  g_clear_object (&chart);
  close_document (document);
}

/* The roadmap's names after an edit are placed again only where the
 * change can reach (see place_labels_again()); on a plan so crowded that
 * one moved name pushes others, which push others, and markers leave and
 * join "+N" labels, each edit and each undo must still lay out and paint
 * as a new layout does, and be an update in place, whose damage is the
 * part painted otherwise. */
static void
test_roadmap_cascade_edits (gconstpointer data)
{
  guint days = GPOINTER_TO_UINT (data);
  IpmsDocument *document = new_document ("cascade.ipms");
  static const char * const grades[] = { "R", "S", "A", "B", "F" };
  static const char * const names[] = { "Nova", "Crowded product", "A much longer product name", "Pro Max", "Lite" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(IpmsChart) chart = NULL;
  g_autoptr(GArray) areas = NULL;
  g_autoptr(GError) error = NULL;
  guint first = ipms_time_day_from_dmy (1, 4, 2026);
  g_autofree char *first_iso = ipms_time_day_to_iso (first);
  g_autofree char *last_iso = ipms_time_day_to_iso (first + days - 1);
  guint n_moves = 0;

  /* The ends of the time and price axes stay where these are. */
  add_product (document, "First", first_iso, 10);
  add_product (document, "Last", last_iso, 60);
  for (guint i = 0; i < 700; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %u", names[i % G_N_ELEMENTS (names)], i);
      g_autofree char *launch = ipms_time_day_to_iso (first + 1 + g_rand_int_range (rand, 0, days - 2));
      gint64 id = add_product (document, name, launch, 11 + g_rand_int_range (rand, 0, 480) / 10.0);

      g_assert_true (ipms_document_set_string (document, "product", id, "grade", grades[i % 5], &error));
      g_assert_no_error (error);
      g_array_append_val (ids, id);
    }
  commit (document);

  chart = new_timeline (document, TIMELINE_ROADMAP);
  assert_same_timeline (chart, document, TIMELINE_ROADMAP);
  g_assert_false (ipms_timeline_chart_take_damage (IPMS_TIMELINE_CHART (chart), &areas));

  for (guint i = 0; i < 40; i++)
    {
      gint64 id = g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len));
      /* Near or anywhere: out of a crowd, into another. */
      gboolean far = i % 2 == 0;
      IpmsRecord *product = ipms_document_get_record (document, "product", id);
      guint32 launch = ipms_time_day_from_iso (ipms_record_get_string (product, "launch_date"));
      double price = ipms_record_get_double (product, "price");

      if (far)
        {
          launch = first + 1 + g_rand_int_range (rand, 0, days - 2);
          price = 11 + g_rand_int_range (rand, 0, 480) / 10.0;
        }
      else
        {
          launch = CLAMP ((int) launch + g_rand_int_range (rand, -3, 4), (int) first + 1, (int) (first + days - 2));
          price = CLAMP (price + g_rand_int_range (rand, -10, 11) / 10.0, 11, 59);
        }
      g_assert_true (ipms_timeline_move_marker (document, id, launch, price, NULL, &error));
      g_assert_no_error (error);
      assert_same_timeline (chart, document, TIMELINE_ROADMAP);
      g_assert_true (ipms_timeline_chart_take_damage (IPMS_TIMELINE_CHART (chart), &areas));
      g_assert_cmpuint (areas->len, >, 0);
      g_clear_pointer (&areas, g_array_unref);
      n_moves++;
    }
  for (guint i = 0; i < n_moves; i++)
    {
      g_assert_true (ipms_document_undo (document, &error));
      g_assert_no_error (error);
      assert_same_timeline (chart, document, TIMELINE_ROADMAP);
      g_assert_true (ipms_timeline_chart_take_damage (IPMS_TIMELINE_CHART (chart), &areas));
      g_clear_pointer (&areas, g_array_unref);
    }

  g_clear_object (&chart);
  close_document (document);
}

/* Markers so crowded that most share a few big "+N" labels: a move within
 * a crowd, out of it, into another, or of a crowd's first member, and the
 * move of a marker that alone linked two crowds, keep or split or join
 * those clusters as a new layout does (one that keeps its members is not
 * gathered again: see gather_clusters()). */
static void
test_roadmap_cluster_edits (void)
{
  IpmsDocument *document = new_document ("clusters.ipms");
  g_autoptr(GRand) rand = g_rand_new_with_seed (23);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(IpmsChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  guint first = ipms_time_day_from_dmy (1, 4, 2026);
  g_autofree char *first_iso = ipms_time_day_to_iso (first);
  g_autofree char *last_iso = ipms_time_day_to_iso (first + 199);
  /* Crowds at these days, a marker's reach (a little over 8 days at 4
   * units a day) apart at most within each, and far apart. */
  static const guint crowds[] = { 20, 60, 100, 140 };
  guint n_moves = 0, n_clustered = 0;

  add_product (document, "First", first_iso, 10);
  add_product (document, "Last", last_iso, 60);
  for (guint i = 0; i < 480; i++)
    {
      g_autofree char *name = g_strdup_printf ("Crowded product %u", i);
      guint day = first + crowds[i % G_N_ELEMENTS (crowds)] + g_rand_int_range (rand, 0, 12);
      g_autofree char *launch = ipms_time_day_to_iso (day);

      g_array_append_val (ids, ((gint64) { add_product (document, name, launch,
                                                        30 + g_rand_int_range (rand, 0, 120) / 10.0) }));
    }
  commit (document);

  chart = new_timeline (document, TIMELINE_ROADMAP);
  assert_same_timeline (chart, document, TIMELINE_ROADMAP);
  for (guint i = 0; i < ids->len; i++)
    {
      cairo_rectangle_t label;
      gboolean clustered;

      g_assert_true (ipms_roadmap_chart_get_label (IPMS_ROADMAP_CHART (chart), g_array_index (ids, gint64, i),
                                                   &label, &clustered));
      n_clustered += clustered;
    }
  /* Crowded indeed: most have no name of their own. */
  g_assert_cmpuint (n_clustered, >, ids->len / 2);

  for (guint i = 0; i < 60; i++)
    {
      gint64 id = g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len));
      IpmsRecord *product = ipms_document_get_record (document, "product", id);
      guint32 launch = ipms_time_day_from_iso (ipms_record_get_string (product, "launch_date"));
      double price = ipms_record_get_double (product, "price");

      switch (i % 4)
        {
        case 0: /* within its crowd */
          launch = CLAMP ((int) launch + g_rand_int_range (rand, -2, 3), (int) first + 1, (int) first + 198);
          price = CLAMP (price + g_rand_int_range (rand, -5, 6) / 10.0, 30, 42);
          break;
        case 1: /* out of the crowds */
          launch = first + 175 + g_rand_int_range (rand, 0, 20);
          price = 11 + g_rand_int_range (rand, 0, 480) / 10.0;
          break;
        case 2: /* into the middle of another crowd */
          launch = first + crowds[g_rand_int_range (rand, 0, G_N_ELEMENTS (crowds))] + g_rand_int_range (rand, 4, 8);
          price = 34 + g_rand_int_range (rand, 0, 40) / 10.0;
          break;
        default: /* between two crowds, where it may link them */
          launch = first + crowds[g_rand_int_range (rand, 0, G_N_ELEMENTS (crowds) - 1)] + 20;
          price = 30 + g_rand_int_range (rand, 0, 120) / 10.0;
          break;
        }
      g_assert_true (ipms_timeline_move_marker (document, id, launch, price, NULL, &error));
      g_assert_no_error (error);
      assert_same_timeline (chart, document, TIMELINE_ROADMAP);
      n_moves++;
    }
  /* A chain of markers from one crowd to the next, then the link in its
   * middle taken out and put back. */
  for (guint day = 26; day < 60; day += 4)
    {
      gint64 id = g_array_index (ids, gint64, n_moves % ids->len);

      g_assert_true (ipms_timeline_move_marker (document, id, first + day, 33, NULL, &error));
      g_assert_no_error (error);
      assert_same_timeline (chart, document, TIMELINE_ROADMAP);
      n_moves++;
    }
  g_assert_true (ipms_timeline_move_marker (document, g_array_index (ids, gint64, (n_moves - 5) % ids->len),
                                            first + 190, 15, NULL, &error));
  g_assert_no_error (error);
  assert_same_timeline (chart, document, TIMELINE_ROADMAP);
  n_moves++;

  for (guint i = 0; i < n_moves; i++)
    {
      g_assert_true (ipms_document_undo (document, &error));
      g_assert_no_error (error);
      assert_same_timeline (chart, document, TIMELINE_ROADMAP);
    }

  g_clear_object (&chart);
  close_document (document);
}

/* The charts' index of items by id, against a GHashTable, through
 * thousands of random sets and removals: ids that collide in the table's
 * probing, 0 and negative ids (a foreign file's rows), growth, and
 * removals that must move the entries after them back. */
static void
test_id_index (void)
{
  g_autoptr(IpmsIdIndex) index = ipms_id_index_new ();
  g_autoptr(GHashTable) reference = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);

  for (guint step = 0; step < 200000; step++)
    {
      /* Few enough ids that they are set and removed again and again. */
      gint64 id = g_rand_int_range (rand, -50, 3000) * (step % 7 == 0 ? 1024 : 1);
      guint position = g_rand_int (rand);
      guint found;

      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          ipms_id_index_remove (index, id);
          g_hash_table_remove (reference, &id);
        }
      else
        {
          ipms_id_index_set (index, id, position);
          g_hash_table_insert (reference, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (position));
        }

      if (step % 5000 == 0)
        {
          GHashTableIter iter;
          gpointer key, value;

          g_assert_cmpuint (ipms_id_index_get_size (index), ==, g_hash_table_size (reference));
          g_hash_table_iter_init (&iter, reference);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              g_assert_true (ipms_id_index_lookup (index, *(gint64 *) key, &found));
              g_assert_cmpuint (found, ==, GPOINTER_TO_UINT (value));
            }
          for (gint64 absent = G_GINT64_CONSTANT (1) << 40; absent < (G_GINT64_CONSTANT (1) << 40) + 100; absent++)
            g_assert_false (ipms_id_index_lookup (index, absent, NULL));
        }
    }

  ipms_id_index_remove_all (index);
  g_assert_cmpuint (ipms_id_index_get_size (index), ==, 0);
  g_assert_false (ipms_id_index_lookup (index, 0, NULL));
  ipms_id_index_set (index, 0, 7);
  g_assert_true (ipms_id_index_lookup (index, 0, &(guint) { 0 }));
}

int
main (int   argc,
      char *argv[])
{
  ipms_test_init (&argc, &argv);

  g_test_add_func ("/render/id-index", test_id_index);
  g_test_add_func ("/render/roadmap/huge-prices", test_huge_prices);
  g_test_add_func ("/render/roadmap/one-price", test_one_price);
  g_test_add_func ("/render/roadmap/no-products", test_no_products);
  g_test_add_func ("/render/roadmap/hostile-values", test_hostile_values);
  g_test_add_func ("/render/panorama/value-color-nan", test_value_color_nan);
  g_test_add_func ("/render/panorama/product-edits", test_panorama_product_edits);
  g_test_add_func ("/render/panorama/column-title-centered", test_panorama_column_title_centered);
  g_test_add_func ("/render/panorama/forget-chip-texts", test_panorama_forget_chip_texts);
  g_test_add_data_func ("/render/new-products/product-edits/layers", GINT_TO_POINTER (TIMELINE_LAYERS),
                        test_timeline_product_edits);
  g_test_add_data_func ("/render/new-products/product-edits/series", GINT_TO_POINTER (TIMELINE_SERIES),
                        test_timeline_product_edits);
  g_test_add_data_func ("/render/new-products/lane-column/layers", GINT_TO_POINTER (TIMELINE_LAYERS),
                        test_lane_column);
  g_test_add_data_func ("/render/new-products/lane-column/series", GINT_TO_POINTER (TIMELINE_SERIES),
                        test_lane_column);
  g_test_add_data_func ("/render/roadmap/product-edits", GINT_TO_POINTER (TIMELINE_ROADMAP),
                        test_timeline_product_edits);
  g_test_add_func ("/render/roadmap/crowded-edits", test_roadmap_crowded_edits);
  g_test_add_data_func ("/render/roadmap/cascade-edits/crowded", GUINT_TO_POINTER (120), test_roadmap_cascade_edits);
  g_test_add_data_func ("/render/roadmap/cascade-edits/spread", GUINT_TO_POINTER (400), test_roadmap_cascade_edits);
  g_test_add_func ("/render/roadmap/cluster-edits", test_roadmap_cluster_edits);
  g_test_add_func ("/render/roadmap/legend-wraps", test_roadmap_legend_wraps);
  g_test_add_func ("/render/timeline/names-ahead", test_names_ahead);
  g_test_add_func ("/render/new-products/series-on-products", test_series_on_products);
  g_test_add_func ("/render/time-axis/extreme-dates", test_extreme_dates_axis);
  g_test_add_func ("/render/export/extreme-dates", test_extreme_dates_export);
  g_test_add_func ("/render/export/png-too-large", test_png_too_large);
  g_test_add_data_func ("/render/export/file-too-large/pdf", "pdf", test_export_file_too_large);
  g_test_add_data_func ("/render/export/file-too-large/svg", "svg", test_export_file_too_large);
  g_test_add_data_func ("/render/export/file-too-large/png", "png", test_export_file_too_large);
  g_test_add_data_func ("/render/export/disk-full/pdf", "pdf", test_export_disk_full);
  g_test_add_data_func ("/render/export/disk-full/svg", "svg", test_export_disk_full);
  g_test_add_data_func ("/render/export/disk-full/png", "png", test_export_disk_full);
  g_test_add_func ("/render/export/replaces", test_export_replaces);
  g_test_add_data_func ("/render/timeline/today-badge-clear/layers", GINT_TO_POINTER (TIMELINE_LAYERS),
                        test_today_badge_clear);
  g_test_add_data_func ("/render/timeline/today-badge-clear/series", GINT_TO_POINTER (TIMELINE_SERIES),
                        test_today_badge_clear);

  return g_test_run ();
}
