/* test-timeline-core.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The time axis, the timeline edits (each with undo and redo) and the two
 * timeline charts painted and exported, all without a display.
 */

#include "config.h"

#include <string.h>

#include "ipms-chart-export.h"
#include "ipms-chart-style.h"
#include "ipms-document.h"
#include "ipms-example.h"
#include "ipms-new-products-chart.h"
#include "ipms-record.h"
#include "ipms-roadmap-chart.h"
#include "ipms-test-utils.h"
#include "ipms-time-axis.h"
#include "ipms-timeline-edits.h"
#include "ipms-timeline-paint.h"

static guint32
day (const char *iso)
{
  guint32 julian = ipms_time_day_from_iso (iso);

  g_assert_cmpuint (julian, !=, 0);
  return julian;
}

static void
assert_day (guint32     julian,
            const char *iso)
{
  g_autofree char *text = ipms_time_day_to_iso (julian);

  g_assert_cmpstr (text, ==, iso);
}

/* Time axis */

static void
test_axis_iso (void)
{
  assert_day (day ("2027-03-15"), "2027-03-15");
  g_assert_cmpuint (ipms_time_day_from_iso ("2027-02-30"), ==, 0);
  g_assert_cmpuint (ipms_time_day_from_iso ("27-03-15"), ==, 0);
  g_assert_cmpuint (ipms_time_day_from_iso (NULL), ==, 0);
  g_assert_cmpuint (day ("2027-01-01") - day ("2026-12-31"), ==, 1);
}

/* The days are counted without a GDate: every day of years around 1600,
 * 1900 and 2000 (leap years by the century rules) and of the ends of
 * GDate's range reads back as written, and what is not a date is 0. */
static void
test_axis_iso_count (void)
{
  static const char * const not_dates[] = {
    "", "2027", "2027-03-1", "2027-03-150", "2027/03/15", "2027-3-15", "0000-01-01", "2027-00-10",
    "2027-13-01", "2027-04-31", "1900-02-29", "2027-02-29", " 2027-03-15", "2027-03-15 ", "2027-0a-15",
  };
  static const guint years[][2] = { { 1, 3 }, { 1599, 1601 }, { 1899, 1901 }, { 1999, 2101 }, { 9998, 9999 } };

  g_assert_cmpuint (day ("0001-01-01"), ==, 1);
  g_assert_cmpuint (day ("2000-02-29") + 1, ==, day ("2000-03-01"));
  for (guint i = 0; i < G_N_ELEMENTS (not_dates); i++)
    g_assert_cmpuint (ipms_time_day_from_iso (not_dates[i]), ==, 0);

  for (guint r = 0; r < G_N_ELEMENTS (years); r++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, (GDateYear) years[r][0]);
      while (g_date_get_year (&date) <= years[r][1])
        {
          char iso[16];

          g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (&date), (guint) g_date_get_month (&date),
                      (guint) g_date_get_day (&date));
          g_assert_cmpuint (ipms_time_day_from_iso (iso), ==, g_date_get_julian (&date));
          g_date_add_days (&date, 1);
        }
    }
}

static void
test_axis_units (void)
{
  /* 2027-03-17 is a Wednesday. */
  guint32 d = day ("2027-03-17");

  assert_day (ipms_time_unit_floor (IPMS_TIME_UNIT_DAY, d), "2027-03-17");
  assert_day (ipms_time_unit_floor (IPMS_TIME_UNIT_WEEK, d), "2027-03-15");
  assert_day (ipms_time_unit_floor (IPMS_TIME_UNIT_MONTH, d), "2027-03-01");
  assert_day (ipms_time_unit_floor (IPMS_TIME_UNIT_QUARTER, d), "2027-01-01");
  assert_day (ipms_time_unit_floor (IPMS_TIME_UNIT_QUARTER, day ("2027-08-31")), "2027-07-01");
  assert_day (ipms_time_unit_floor (IPMS_TIME_UNIT_YEAR, d), "2027-01-01");

  assert_day (ipms_time_unit_add (IPMS_TIME_UNIT_WEEK, d, -2), "2027-03-03");
  assert_day (ipms_time_unit_add (IPMS_TIME_UNIT_MONTH, day ("2027-01-31"), 1), "2027-02-28");
  assert_day (ipms_time_unit_add (IPMS_TIME_UNIT_QUARTER, d, 1), "2027-06-17");
  assert_day (ipms_time_unit_add (IPMS_TIME_UNIT_YEAR, d, -1), "2026-03-17");
}

static void
test_axis_scales (void)
{
  guint n = ipms_time_zoom_get_n_levels ();

  g_assert_cmpuint (n, >=, 8);
  g_assert_cmpint (ipms_time_scale_for_px_per_day (ipms_time_zoom_get_px_per_day (0)), ==, IPMS_TIME_SCALE_WEEK);
  g_assert_cmpint (ipms_time_scale_for_px_per_day (ipms_time_zoom_get_px_per_day (n - 1)), ==, IPMS_TIME_SCALE_YEAR);

  for (guint i = 1; i < n; i++)
    {
      g_assert_cmpfloat (ipms_time_zoom_get_px_per_day (i), <, ipms_time_zoom_get_px_per_day (i - 1));
      g_assert_cmpuint (ipms_time_zoom_nearest_level (ipms_time_zoom_get_px_per_day (i)), ==, i);
    }

  g_assert_cmpint (ipms_time_scale_get_snap_unit (IPMS_TIME_SCALE_WEEK), ==, IPMS_TIME_UNIT_DAY);
  g_assert_cmpint (ipms_time_scale_get_snap_unit (IPMS_TIME_SCALE_MONTH), ==, IPMS_TIME_UNIT_WEEK);
  g_assert_cmpint (ipms_time_scale_get_snap_unit (IPMS_TIME_SCALE_QUARTER), ==, IPMS_TIME_UNIT_MONTH);
  g_assert_cmpint (ipms_time_scale_get_snap_unit (IPMS_TIME_SCALE_YEAR), ==, IPMS_TIME_UNIT_QUARTER);
}

/* At each scale a point between two snap boundaries goes to the nearer. */
static void
test_axis_snapping (void)
{
  static const struct {
    double      px_per_day;
    const char *near;      /* a day just past a boundary */
    const char *expected;
    const char *far;       /* a day just before the next */
    const char *expected_far;
  } cases[] = {
    { 32,  "2027-03-17", "2027-03-17", "2027-03-17", "2027-03-17" },  /* week scale: days */
    { 5,   "2027-03-16", "2027-03-15", "2027-03-20", "2027-03-22" },  /* month scale: Mondays */
    { 1.8, "2027-03-05", "2027-03-01", "2027-03-25", "2027-04-01" },  /* quarter scale: months */
    { 0.5, "2027-02-01", "2027-01-01", "2027-03-10", "2027-04-01" },  /* year scale: quarters */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      IpmsTimeAxis axis;
      double x;

      ipms_time_axis_init (&axis, day ("2026-01-01"), day ("2028-12-31"), cases[i].px_per_day);

      /* The middle of the day, as a pointer over it would be. */
      x = ipms_time_axis_day_to_x (&axis, day (cases[i].near)) + axis.px_per_day / 2;
      assert_day (ipms_time_axis_snap_x (&axis, x), cases[i].expected);
      x = ipms_time_axis_day_to_x (&axis, day (cases[i].far)) + axis.px_per_day / 2;
      assert_day (ipms_time_axis_snap_x (&axis, x), cases[i].expected_far);

      /* x and day map back and forth. */
      g_assert_cmpfloat_with_epsilon (ipms_time_axis_x_to_day (&axis, ipms_time_axis_day_to_x (&axis, day ("2027-06-01"))),
                                      day ("2027-06-01"), 1e-9);
    }
}

static void
test_axis_nudge (void)
{
  IpmsTimeAxis axis;
  guint32 d = day ("2027-03-17");

  ipms_time_axis_init (&axis, day ("2027-01-01"), day ("2027-12-31"), 5);   /* month scale */
  assert_day (ipms_time_axis_nudge (&axis, d, 1, FALSE), "2027-03-24");
  assert_day (ipms_time_axis_nudge (&axis, d, -1, FALSE), "2027-03-10");
  assert_day (ipms_time_axis_nudge (&axis, d, 1, TRUE), "2027-04-17");

  ipms_time_axis_init (&axis, day ("2027-01-01"), day ("2027-12-31"), 32);  /* week scale */
  assert_day (ipms_time_axis_nudge (&axis, d, 1, FALSE), "2027-03-18");
  assert_day (ipms_time_axis_nudge (&axis, d, 1, TRUE), "2027-03-24");
}

static void
test_axis_ticks (void)
{
  IpmsTimeAxis axis;
  g_autoptr(GArray) upper = NULL;
  g_autoptr(GArray) lower = NULL;

  /* Quarter scale: years over quarters. */
  ipms_time_axis_init (&axis, day ("2026-10-01"), day ("2027-12-31"), 1.8);
  upper = ipms_time_axis_dup_ticks (&axis, 0);
  lower = ipms_time_axis_dup_ticks (&axis, 1);
  g_assert_cmpuint (upper->len, ==, 2);
  g_assert_cmpstr (g_array_index (upper, IpmsTimeTick, 1).label, ==, "2027");
  g_assert_cmpuint (lower->len, ==, 5);
  g_assert_cmpstr (g_array_index (lower, IpmsTimeTick, 0).label, ==, "Q4");
  g_assert_cmpuint (g_array_index (lower, IpmsTimeTick, 1).start, ==, day ("2027-01-01"));
  g_clear_pointer (&upper, g_array_unref);
  g_clear_pointer (&lower, g_array_unref);

  /* Month scale: quarters (with their year) over months. */
  ipms_time_axis_init (&axis, day ("2027-02-10"), day ("2027-04-30"), 5);
  upper = ipms_time_axis_dup_ticks (&axis, 0);
  lower = ipms_time_axis_dup_ticks (&axis, 1);
  g_assert_cmpstr (g_array_index (upper, IpmsTimeTick, 0).label, ==, "Q1 2027");
  g_assert_cmpuint (g_array_index (upper, IpmsTimeTick, 0).start, ==, day ("2027-02-10"));
  g_assert_cmpstr (g_array_index (lower, IpmsTimeTick, 0).label, ==, "Feb");
  g_assert_cmpuint (lower->len, ==, 3);
  g_clear_pointer (&upper, g_array_unref);
  g_clear_pointer (&lower, g_array_unref);

  /* Week scale: months over weeks, each named by its Monday. */
  ipms_time_axis_init (&axis, day ("2027-03-01"), day ("2027-03-31"), 32);
  upper = ipms_time_axis_dup_ticks (&axis, 0);
  lower = ipms_time_axis_dup_ticks (&axis, 1);
  g_assert_cmpstr (g_array_index (upper, IpmsTimeTick, 0).label, ==, "Mar 2027");
  g_assert_cmpstr (g_array_index (lower, IpmsTimeTick, 1).label, ==, "8");
}

/* Edits */

typedef struct
{
  IpmsDocument *document;
  gint64        series;
  gint64        layers[2];
  gint64        segments[2];
  gint64        product;
  gint64        band;
} Fixture;

static gint64
insert (IpmsDocument *document,
        const char   *table)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ipms_document_insert (document, table, 0, NULL, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
insert_segment (IpmsDocument *document,
                gint64        x_item,
                gint64        y_item)
{
  g_autoptr(GError) error = NULL;
  const IpmsTable *table = ipms_schema_lookup_table ("segment");
  GValue values[32] = { G_VALUE_INIT };
  gint64 id;

  g_assert_cmpuint (table->n_columns, <=, G_N_ELEMENTS (values));
  g_value_init (&values[ipms_table_find_column (table, "x_item_id")], G_TYPE_INT64);
  g_value_set_int64 (&values[ipms_table_find_column (table, "x_item_id")], x_item);
  g_value_init (&values[ipms_table_find_column (table, "y_item_id")], G_TYPE_INT64);
  g_value_set_int64 (&values[ipms_table_find_column (table, "y_item_id")], y_item);
  g_value_init (&values[ipms_table_find_column (table, "role")], G_TYPE_STRING);
  g_value_set_static_string (&values[ipms_table_find_column (table, "role")], "none");

  id = ipms_document_insert (document, "segment", 0, values, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < table->n_columns; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);

  return id;
}

static void
set (IpmsDocument *document,
     const char   *table,
     gint64        id,
     const char   *column,
     const char   *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipms_document_set_string (document, table, id, column, value, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ipms_test_make_temp_path ("timeline.ipms");
  IpmsDocument *document = ipms_document_create (path, "Timeline test", &error);
  gint64 x_item;

  g_assert_no_error (error);
  fixture->document = document;

  g_assert_true (ipms_document_begin_edit (document, "Set up", NULL, &error));
  x_item = insert (document, "axis_item");
  set (document, "axis_item", x_item, "axis", "x");
  set (document, "axis_item", x_item, "label", "Convenience");
  for (guint i = 0; i < 2; i++)
    {
      fixture->layers[i] = insert (document, "axis_item");
      set (document, "axis_item", fixture->layers[i], "axis", "y");
      set (document, "axis_item", fixture->layers[i], "label", i == 0 ? "Young" : "Senior");
      g_assert_true (ipms_document_set_int (document, "axis_item", fixture->layers[i], "position", i, &error));
      fixture->segments[i] = insert_segment (document, x_item, fixture->layers[i]);
    }
  fixture->series = insert (document, "series");
  set (document, "series", fixture->series, "name", "AutoCare");
  set (document, "series", fixture->series, "entry_date", "2027-01-15");
  fixture->product = insert (document, "product");
  set (document, "product", fixture->product, "name", "Feeder Mini");
  set (document, "product", fixture->product, "grade", "S");
  set (document, "product", fixture->product, "dev_start", "2027-01-04");
  set (document, "product", fixture->product, "dev_complete", "2027-03-31");
  set (document, "product", fixture->product, "launch_date", "2027-05-10");
  g_assert_true (ipms_document_set_double (document, "product", fixture->product, "price", 89.99, &error));
  g_assert_true (ipms_document_set_int (document, "product", fixture->product, "series_id", fixture->series, &error));
  g_assert_true (ipms_document_set_int (document, "product", fixture->product, "segment_id",
                                        fixture->segments[0], &error));
  fixture->band = insert (document, "price_band");
  set (document, "price_band", fixture->band, "name", "Mid");
  g_assert_true (ipms_document_set_double (document, "price_band", fixture->band, "min_price", 50, &error));
  g_assert_true (ipms_document_set_double (document, "price_band", fixture->band, "max_price", 150, &error));
  g_assert_true (ipms_document_set_double (document, "project", ipms_record_get_id (ipms_document_get_project (document)),
                                           "price_step", 5, &error));
  g_assert_true (ipms_document_commit_edit (document, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ipms_document_close (fixture->document);
  g_assert_finalize_object (fixture->document);
}

static IpmsRecord *
product (Fixture *fixture)
{
  return ipms_document_get_record (fixture->document, "product", fixture->product);
}

static void
assert_dates (Fixture    *fixture,
              const char *start,
              const char *complete,
              const char *launch)
{
  IpmsRecord *record = product (fixture);

  g_assert_cmpstr (ipms_record_get_string (record, "dev_start"), ==, start);
  g_assert_cmpstr (ipms_record_get_string (record, "dev_complete"), ==, complete);
  g_assert_cmpstr (ipms_record_get_string (record, "launch_date"), ==, launch);
}

static void
undo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipms_document_undo (fixture->document, &error));
  g_assert_no_error (error);
}

static void
redo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipms_document_redo (fixture->document, &error));
  g_assert_no_error (error);
}

static void
test_edit_shift (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipms_timeline_shift_product (fixture->document, fixture->product, 14, NULL, &error));
  g_assert_no_error (error);
  assert_dates (fixture, "2027-01-18", "2027-04-14", "2027-05-24");
  g_assert_cmpstr (ipms_document_get_undo_label (fixture->document), ==, "Shift “Feeder Mini”");

  undo (fixture);
  assert_dates (fixture, "2027-01-04", "2027-03-31", "2027-05-10");
  redo (fixture);
  assert_dates (fixture, "2027-01-18", "2027-04-14", "2027-05-24");
}

static void
test_edit_nudge_burst (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Three nudges with one merge key are one undo step. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (ipms_timeline_shift_product (fixture->document, fixture->product, 7, "nudge", &error));
  g_assert_no_error (error);
  assert_dates (fixture, "2027-01-25", "2027-04-21", "2027-05-31");

  undo (fixture);
  assert_dates (fixture, "2027-01-04", "2027-03-31", "2027-05-10");
  g_assert_cmpstr (ipms_document_get_undo_label (fixture->document), ==, "Set up");
}

static void
test_edit_resize (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipms_timeline_set_dev_start (fixture->document, fixture->product, day ("2026-12-01"), NULL, &error));
  g_assert_true (ipms_timeline_set_dev_complete (fixture->document, fixture->product, day ("2027-04-30"), NULL, &error));
  g_assert_no_error (error);
  assert_dates (fixture, "2026-12-01", "2027-04-30", "2027-05-10");

  undo (fixture);
  assert_dates (fixture, "2026-12-01", "2027-03-31", "2027-05-10");
  undo (fixture);
  assert_dates (fixture, "2027-01-04", "2027-03-31", "2027-05-10");
  redo (fixture);
  redo (fixture);
  assert_dates (fixture, "2026-12-01", "2027-04-30", "2027-05-10");
}

static void
test_edit_launch (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipms_timeline_set_launch (fixture->document, fixture->product, day ("2027-03-01"), NULL, &error));
  g_assert_no_error (error);
  assert_dates (fixture, "2027-01-04", "2027-03-31", "2027-03-01");
  g_assert_cmpstr (ipms_document_get_undo_label (fixture->document), ==, "Move launch of “Feeder Mini”");

  undo (fixture);
  assert_dates (fixture, "2027-01-04", "2027-03-31", "2027-05-10");
  redo (fixture);
  assert_dates (fixture, "2027-01-04", "2027-03-31", "2027-03-01");
}

static void
test_edit_lane (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipms_timeline_move_product_to_lane (fixture->document, fixture->product, 0, FALSE,
                                                     fixture->layers[1], &error));
  g_assert_no_error (error);
  g_assert_cmpint (ipms_record_get_int (product (fixture), "segment_id"), ==, fixture->segments[1]);

  g_assert_true (ipms_timeline_move_product_to_lane (fixture->document, fixture->product, -7, TRUE, 0, &error));
  g_assert_true (ipms_record_is_null (product (fixture), "series_id"));
  assert_dates (fixture, "2026-12-28", "2027-03-24", "2027-05-03");

  undo (fixture);
  g_assert_cmpint (ipms_record_get_int (product (fixture), "series_id"), ==, fixture->series);
  undo (fixture);
  g_assert_cmpint (ipms_record_get_int (product (fixture), "segment_id"), ==, fixture->segments[0]);
  redo (fixture);
  g_assert_cmpint (ipms_record_get_int (product (fixture), "segment_id"), ==, fixture->segments[1]);
}

static void
test_edit_marker (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  IpmsRecord *record = product (fixture);

  /* 123.40 snaps to the step of 5. */
  g_assert_true (ipms_timeline_move_marker (fixture->document, fixture->product, day ("2027-07-01"), 123.4,
                                            NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ipms_record_get_string (record, "launch_date"), ==, "2027-07-01");
  g_assert_cmpfloat (ipms_record_get_double (record, "price"), ==, 125);
  g_assert_cmpstr (ipms_document_get_undo_label (fixture->document), ==, "Move “Feeder Mini” on the roadmap");

  undo (fixture);
  g_assert_cmpstr (ipms_record_get_string (record, "launch_date"), ==, "2027-05-10");
  g_assert_cmpfloat (ipms_record_get_double (record, "price"), ==, 89.99);
  redo (fixture);
  g_assert_cmpfloat (ipms_record_get_double (record, "price"), ==, 125);
}

static void
test_edit_schedule (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;
  IpmsRecord *record;

  g_assert_true (ipms_document_begin_edit (fixture->document, "Add", NULL, &error));
  id = insert (fixture->document, "product");
  set (fixture->document, "product", id, "name", "Trail Collar");
  g_assert_true (ipms_document_commit_edit (fixture->document, &error));
  record = ipms_document_get_record (fixture->document, "product", id);

  g_assert_true (ipms_timeline_schedule_product (fixture->document, id, day ("2027-02-01"), day ("2027-06-30"),
                                                 day ("2027-08-01"), 78, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ipms_record_get_string (record, "dev_start"), ==, "2027-02-01");
  g_assert_cmpstr (ipms_record_get_string (record, "launch_date"), ==, "2027-08-01");
  g_assert_cmpfloat (ipms_record_get_double (record, "price"), ==, 80);

  undo (fixture);
  g_assert_true (ipms_record_is_null (record, "dev_start"));
  g_assert_true (ipms_record_is_null (record, "launch_date"));
}

static void
test_edit_bands (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  IpmsRecord *band = ipms_document_get_record (fixture->document, "price_band", fixture->band);
  gint64 added;

  g_assert_true (ipms_timeline_set_band_boundary (fixture->document, fixture->band, TRUE, 198, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (ipms_record_get_double (band, "max_price"), ==, 200);

  /* A lower boundary dragged past the upper one stops there. */
  g_assert_true (ipms_timeline_set_band_boundary (fixture->document, fixture->band, FALSE, 500, &error));
  g_assert_cmpfloat (ipms_record_get_double (band, "min_price"), ==, 200);
  undo (fixture);
  g_assert_cmpfloat (ipms_record_get_double (band, "min_price"), ==, 50);
  undo (fixture);
  g_assert_cmpfloat (ipms_record_get_double (band, "max_price"), ==, 150);

  g_assert_true (ipms_timeline_set_price_step (fixture->document, 10, &error));
  g_assert_cmpfloat (ipms_timeline_get_price_step (fixture->document), ==, 10);
  g_assert_cmpfloat (ipms_timeline_snap_price (fixture->document, 144), ==, 140);

  added = ipms_timeline_add_price_band (fixture->document, "Premium", 150, 600, &error);
  g_assert_no_error (error);
  g_assert_cmpint (added, >, 0);
  g_assert_true (ipms_timeline_rename_price_band (fixture->document, added, "Luxury", &error));
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_record (fixture->document, "price_band", added), "name"),
                   ==, "Luxury");
  g_assert_true (ipms_timeline_remove_price_band (fixture->document, added, &error));
  g_assert_null (ipms_document_get_record (fixture->document, "price_band", added));
  undo (fixture);
  g_assert_nonnull (ipms_document_get_record (fixture->document, "price_band", added));
}

static void
test_edit_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ipms_timeline_shift_product (fixture->document, 9999, 1, NULL, &error));
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NO_SUCH_ROW);
  g_assert_false (ipms_document_in_edit (fixture->document));
}

/* Charts */

static void
count_signal (guint *counter)
{
  (*counter)++;
}

/* Changes `column` of row `id` of `table` in one undo step, and returns
 * how many times each chart said it changed. */
static void
edit_and_count (Fixture           *fixture,
                IpmsTimelineChart *new_products,
                IpmsTimelineChart *roadmap,
                const char        *table,
                gint64             id,
                const char        *column,
                const char        *value,
                guint             *np_changed,
                guint             *rm_changed)
{
  g_autoptr(GError) error = NULL;
  gulong np_handler = g_signal_connect_swapped (new_products, "changed", G_CALLBACK (count_signal), np_changed);
  gulong rm_handler = g_signal_connect_swapped (roadmap, "changed", G_CALLBACK (count_signal), rm_changed);
  double width, height;

  *np_changed = *rm_changed = 0;
  g_assert_true (ipms_document_begin_edit (fixture->document, "Edit", NULL, &error));
  if (id == 0)
    id = insert (fixture->document, table);
  set (fixture->document, table, id, column, value);
  g_assert_true (ipms_document_commit_edit (fixture->document, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (new_products, np_handler);
  g_signal_handler_disconnect (roadmap, rm_handler);

  ipms_chart_get_size (IPMS_CHART (new_products), &width, &height);
  ipms_chart_get_size (IPMS_CHART (roadmap), &width, &height);
}

/* A timeline chart lays itself out anew after a change of a row it reads,
 * and keeps its layout, saying nothing, after a change elsewhere in the
 * plan: an edit in a form view used to cost the next show of each chart a
 * whole new layout, at 10,000 products 100-200 ms. */
static void
test_chart_tables_read (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(IpmsNewProductsChart) new_products = ipms_new_products_chart_new (fixture->document);
  g_autoptr(IpmsRoadmapChart) roadmap = ipms_roadmap_chart_new (fixture->document);
  IpmsTimelineChart *np = IPMS_TIMELINE_CHART (new_products);
  IpmsTimelineChart *rm = IPMS_TIMELINE_CHART (roadmap);
  gint64 project = ipms_record_get_id (ipms_document_get_project (fixture->document));
  guint np_changed, rm_changed, np_serial, rm_serial;
  double width, height;

  ipms_chart_get_size (IPMS_CHART (new_products), &width, &height);
  ipms_chart_get_size (IPMS_CHART (roadmap), &width, &height);
  np_serial = ipms_timeline_chart_get_serial (np);
  rm_serial = ipms_timeline_chart_get_serial (rm);

  /* The five looks' competitors and texts and ISOR's gaps concern
   * neither. */
  edit_and_count (fixture, np, rm, "competitor", 0, "name", "Acme", &np_changed, &rm_changed);
  g_assert_cmpuint (np_changed, ==, 0);
  g_assert_cmpuint (rm_changed, ==, 0);
  edit_and_count (fixture, np, rm, "project", project, "mission", "Care for every pet", &np_changed, &rm_changed);
  g_assert_cmpuint (np_changed, ==, 0);
  g_assert_cmpuint (rm_changed, ==, 0);
  edit_and_count (fixture, np, rm, "gap", 0, "description", "Too few entry products", &np_changed, &rm_changed);
  g_assert_cmpuint (np_changed, ==, 0);
  g_assert_cmpuint (rm_changed, ==, 0);
  g_assert_cmpuint (ipms_timeline_chart_get_serial (np), ==, np_serial);
  g_assert_cmpuint (ipms_timeline_chart_get_serial (rm), ==, rm_serial);

  /* A segment names a lane of the new product chart, not of the roadmap. */
  edit_and_count (fixture, np, rm, "segment", fixture->segments[0], "name", "Urban", &np_changed, &rm_changed);
  g_assert_cmpuint (np_changed, >, 0);
  g_assert_cmpuint (rm_changed, ==, 0);

  /* A price band is the roadmap's. */
  edit_and_count (fixture, np, rm, "price_band", 0, "name", "Premium", &np_changed, &rm_changed);
  g_assert_cmpuint (np_changed, ==, 0);
  g_assert_cmpuint (rm_changed, >, 0);

  /* The series and the project are read by both. */
  edit_and_count (fixture, np, rm, "series", fixture->series, "name", "AutoCare Pro", &np_changed, &rm_changed);
  g_assert_cmpuint (np_changed, >, 0);
  g_assert_cmpuint (rm_changed, >, 0);
  edit_and_count (fixture, np, rm, "project", project, "currency", "EUR", &np_changed, &rm_changed);
  g_assert_cmpuint (np_changed, >, 0);
  g_assert_cmpuint (rm_changed, >, 0);
  edit_and_count (fixture, np, rm, "project", project, "name", "Renamed", &np_changed, &rm_changed);
  g_assert_cmpuint (np_changed, >, 0);
  g_assert_cmpuint (rm_changed, >, 0);
}

static void
test_chart_geometry (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(IpmsNewProductsChart) chart = ipms_new_products_chart_new (fixture->document);
  g_autoptr(GError) error = NULL;
  IpmsNewProductsItem item;
  IpmsTimelinePart part;
  guint changed = 0;
  double width, height;

  g_signal_connect_swapped (chart, "changed", G_CALLBACK (count_signal), &changed);
  ipms_new_products_chart_set_show_title (chart, FALSE);
  ipms_new_products_chart_set_px_per_day (chart, 5);
  ipms_chart_get_size (IPMS_CHART (chart), &width, &height);
  g_assert_cmpfloat (width, >, 365 * 5);

  g_assert_cmpuint (ipms_new_products_chart_get_n_lanes (chart), ==, 2);
  g_assert_true (ipms_new_products_chart_get_item (chart, fixture->product, &item));
  g_assert_cmpuint (item.lane, ==, 0);
  g_assert_cmpfloat (item.bar_width, ==, (day ("2027-03-31") - day ("2027-01-04") + 1) * 5.0);

  /* The middle is the bar, the ends are handles, the diamond is the launch. */
  g_assert_cmpint (ipms_new_products_chart_hit_test (chart, item.bar_x + item.bar_width / 2,
                                                     item.y + item.height / 2, &part), ==, fixture->product);
  g_assert_cmpint (part, ==, IPMS_TIMELINE_PART_BAR);
  ipms_new_products_chart_hit_test (chart, item.bar_x + 1, item.y + item.height / 2, &part);
  g_assert_cmpint (part, ==, IPMS_TIMELINE_PART_START);
  ipms_new_products_chart_hit_test (chart, item.bar_x + item.bar_width + 3, item.y + item.height / 2, &part);
  g_assert_cmpint (part, ==, IPMS_TIMELINE_PART_END);
  ipms_new_products_chart_hit_test (chart, item.launch_x, item.y + item.height / 2, &part);
  g_assert_cmpint (part, ==, IPMS_TIMELINE_PART_LAUNCH);

  /* Handles stay grabbable at the widest zoom, where the bar is 30 px. */
  ipms_new_products_chart_set_px_per_day (chart, 0.3);
  g_assert_true (ipms_new_products_chart_get_item (chart, fixture->product, &item));
  ipms_new_products_chart_hit_test (chart, item.bar_x - 4, item.y + item.height / 2, &part);
  g_assert_cmpint (part, ==, IPMS_TIMELINE_PART_START);
  ipms_new_products_chart_hit_test (chart, item.bar_x + item.bar_width / 2, item.y + item.height / 2, &part);
  g_assert_cmpint (part, ==, IPMS_TIMELINE_PART_BAR);

  /* An edit anywhere reaches the chart. */
  changed = 0;
  g_assert_true (ipms_timeline_move_product_to_lane (fixture->document, fixture->product, 0, FALSE,
                                                     fixture->layers[1], &error));
  g_assert_cmpuint (changed, >, 0);
  g_assert_true (ipms_new_products_chart_get_item (chart, fixture->product, &item));
  g_assert_cmpuint (item.lane, ==, 1);

  ipms_new_products_chart_set_lane_mode (chart, IPMS_LANE_MODE_SERIES);
  g_assert_cmpuint (ipms_new_products_chart_get_n_lanes (chart), ==, 1);
  g_assert_cmpint (ipms_new_products_chart_get_lane_id (chart, 0), ==, fixture->series);
}

static void
test_roadmap_geometry (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(IpmsRoadmapChart) chart = ipms_roadmap_chart_new (fixture->document);
  double x, y, fx, fy, d, price;
  IpmsTimelinePart part;

  g_assert_true (ipms_roadmap_chart_get_marker (chart, fixture->product, &x, &y, NULL));
  ipms_roadmap_chart_point_to_values (chart, x, y, &d, &price);
  g_assert_cmpfloat_with_epsilon (price, 89.99, 1e-6);
  g_assert_cmpuint ((guint32) d, ==, day ("2027-05-10"));
  g_assert_cmpint (ipms_roadmap_chart_hit_test (chart, x + 3, y - 3, &part), ==, fixture->product);
  g_assert_cmpint (part, ==, IPMS_TIMELINE_PART_MARKER);

  /* What is not the price axis across the time axis, which a fit asks for
   * before it lays the chart out, is what the layout makes it: with and
   * without the title, at any length of the price axis. */
  for (guint with_title = 0; with_title < 2; with_title++)
    {
      g_autoptr(IpmsRoadmapChart) fresh = ipms_roadmap_chart_new (fixture->document);
      double chrome, width, height;

      ipms_timeline_chart_set_show_title (IPMS_TIMELINE_CHART (fresh), with_title);
      chrome = ipms_roadmap_chart_get_price_chrome (fresh);
      ipms_roadmap_chart_set_price_length (fresh, 333);
      ipms_chart_get_size (IPMS_CHART (fresh), &width, &height);
      g_assert_cmpfloat_with_epsilon (height - 333, chrome, 1e-6);
      g_assert_cmpfloat_with_epsilon (ipms_roadmap_chart_get_price_chrome (fresh), chrome, 1e-6);
    }

  /* Flipped, time runs down and price across. */
  ipms_roadmap_chart_set_flipped (chart, TRUE);
  g_assert_true (ipms_roadmap_chart_get_marker (chart, fixture->product, &fx, &fy, NULL));
  ipms_roadmap_chart_point_to_values (chart, fx, fy, &d, &price);
  g_assert_cmpfloat_with_epsilon (price, 89.99, 1e-6);
  g_assert_cmpuint ((guint32) d, ==, day ("2027-05-10"));
  {
    double later_x, later_y;

    ipms_roadmap_chart_values_to_point (chart, day ("2027-06-10"), 89.99, &later_x, &later_y);
    g_assert_cmpfloat (later_y, >, fy);
    g_assert_cmpfloat_with_epsilon (later_x, fx, 1e-6);
  }
}

/* Whether two charts paint the same pixels, at a quarter of their size. */
static gboolean
charts_paint_alike (IpmsChart *a,
                    IpmsChart *b)
{
  IpmsChartPaintOptions options = { .scale = 0.25 };
  cairo_surface_t *surfaces[2];
  IpmsChart *charts[] = { a, b };
  double width, height;
  gboolean alike;
  int stride;

  ipms_chart_get_size (a, &width, &height);
  for (guint i = 0; i < 2; i++)
    {
      cairo_t *cr;

      surfaces[i] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ceil (width / 4), ceil (height / 4));
      cr = cairo_create (surfaces[i]);
      cairo_scale (cr, 0.25, 0.25);
      ipms_chart_paint (charts[i], cr, &options);
      cairo_destroy (cr);
      cairo_surface_flush (surfaces[i]);
    }

  stride = cairo_image_surface_get_stride (surfaces[0]);
  alike = memcmp (cairo_image_surface_get_data (surfaces[0]), cairo_image_surface_get_data (surfaces[1]),
                  (gsize) stride * cairo_image_surface_get_height (surfaces[0])) == 0;
  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);

  return alike;
}

/* Every place the roadmap gives: its size, each marker and each label. */
static char *
dump_roadmap_places (IpmsRoadmapChart *chart)
{
  g_autoptr(GArray) ids = ipms_timeline_chart_dup_item_ids (IPMS_TIMELINE_CHART (chart));
  GString *dump = g_string_new (NULL);
  double width, height;

  ipms_chart_get_size (IPMS_CHART (chart), &width, &height);
  g_string_append_printf (dump, "size %.3f x %.3f\n", width, height);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      cairo_rectangle_t label = { 0 };
      gboolean clustered = FALSE;
      double x, y, r;

      g_assert_true (ipms_roadmap_chart_get_marker (chart, id, &x, &y, &r));
      ipms_roadmap_chart_get_label (chart, id, &label, &clustered);
      g_string_append_printf (dump, "%" G_GINT64_FORMAT ": %.3f, %.3f r %.1f label %.3f, %.3f %.3f x %.3f%s\n",
                              id, x, y, r, label.x, label.y, label.width, label.height,
                              clustered ? " clustered" : "");
    }

  return g_string_free (dump, FALSE);
}

/* A new zoom or price axis length places the items again without reading
 * the rows: the chart must come out as a new one laid out so would. */
static void
test_roadmap_geometry_update (Fixture       *fixture,
                              gconstpointer  data)
{
  /* Chart units a day, from the widest zoom out to the widest in. */
  const double px_per_day[] = { 0.4, 1.4, 10 };
  const double lengths[] = { 0, 240, 900 };
  g_autoptr(GError) error = NULL;

  /* Names that must find room, and some that cannot and are clustered. */
  g_assert_true (ipms_document_begin_edit (fixture->document, "Crowd", NULL, &error));
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Product %u", i);
      g_autofree char *launch = g_strdup_printf ("2027-%02u-01", 1 + (i < 20 ? 3 : i % 12));
      gint64 id = ipms_document_insert (fixture->document, "product", 0, NULL, &error);

      g_assert_no_error (error);
      g_assert_true (ipms_document_set_string (fixture->document, "product", id, "name", name, &error));
      g_assert_true (ipms_document_set_string (fixture->document, "product", id, "launch_date", launch, &error));
      g_assert_true (ipms_document_set_double (fixture->document, "product", id, "price",
                                               i < 20 ? 99 : 20 + 7 * i, &error));
    }
  g_assert_true (ipms_document_commit_edit (fixture->document, &error));
  g_assert_no_error (error);

  for (guint flipped = 0; flipped < 2; flipped++)
    for (guint z = 0; z < G_N_ELEMENTS (px_per_day); z++)
      for (guint l = 0; l < G_N_ELEMENTS (lengths); l++)
        {
          g_autoptr(IpmsRoadmapChart) moved = ipms_roadmap_chart_new (fixture->document);
          g_autoptr(IpmsRoadmapChart) fresh = ipms_roadmap_chart_new (fixture->document);
          g_autofree char *expected = NULL;
          g_autofree char *got = NULL;
          double width, height;

          ipms_roadmap_chart_set_flipped (moved, flipped);
          g_object_set (moved, "px-per-day", 4.0, NULL);
          ipms_chart_get_size (IPMS_CHART (moved), &width, &height);
          g_object_set (moved, "px-per-day", px_per_day[z], NULL);
          ipms_roadmap_chart_set_price_length (moved, lengths[l]);

          ipms_roadmap_chart_set_flipped (fresh, flipped);
          g_object_set (fresh, "px-per-day", px_per_day[z], NULL);
          ipms_roadmap_chart_set_price_length (fresh, lengths[l]);

          expected = dump_roadmap_places (fresh);
          got = dump_roadmap_places (moved);
          g_assert_cmpstr (got, ==, expected);
          g_assert_nonnull (strstr (expected, "clustered"));
          g_assert_true (charts_paint_alike (IPMS_CHART (moved), IPMS_CHART (fresh)));
        }
}

/* Every place the New Product Chart gives: its size, each product's bar,
 * launch and name, and each milestone's name. */
static char *
dump_new_products_places (IpmsNewProductsChart *chart)
{
  g_autoptr(GArray) ids = ipms_timeline_chart_dup_item_ids (IPMS_TIMELINE_CHART (chart));
  GString *dump = g_string_new (NULL);
  cairo_rectangle_t rect;
  double width, height;

  ipms_chart_get_size (IPMS_CHART (chart), &width, &height);
  g_string_append_printf (dump, "size %.3f x %.3f\n", width, height);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      IpmsNewProductsItem item;

      g_assert_true (ipms_new_products_chart_get_item (chart, id, &item));
      rect = (cairo_rectangle_t) { 0 };
      ipms_new_products_chart_get_label (chart, id, &rect);
      g_string_append_printf (dump, "%" G_GINT64_FORMAT ": bar %.3f %.3f launch %.3f row %.3f %.3f lane %u "
                              "label %.3f, %.3f %.3f x %.3f\n",
                              id, item.bar_x, item.bar_width, item.launch_x, item.y, item.height, item.lane,
                              rect.x, rect.y, rect.width, rect.height);
    }
  for (guint i = 0; ipms_new_products_chart_get_milestone_label (chart, i, &rect); i++)
    g_string_append_printf (dump, "milestone %u: %.3f, %.3f %.3f x %.3f\n", i, rect.x, rect.y, rect.width, rect.height);

  return g_string_free (dump, FALSE);
}

/* A new zoom packs the lanes again without reading the rows: the chart
 * must come out as a new one laid out so would, by layers and by series. */
static void
test_new_products_geometry_update (Fixture       *fixture,
                                   gconstpointer  data)
{
  const double px_per_day[] = { 4.0, 1.4, 10 };
  g_autoptr(GError) error = NULL;

  /* Bars that overlap at one zoom and not at another, and names outside
   * the short ones. */
  g_assert_true (ipms_document_begin_edit (fixture->document, "Crowd", NULL, &error));
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Product with a long name %u", i);
      g_autofree char *start = g_strdup_printf ("2026-%02u-%02u", 1 + i % 12, 1 + i % 27);
      g_autofree char *complete = g_strdup_printf ("2026-%02u-%02u", 1 + i % 12, 2 + (i * 7) % 27);
      g_autofree char *launch = g_strdup_printf ("2027-%02u-01", 1 + i % 12);
      gint64 id = ipms_document_insert (fixture->document, "product", 0, NULL, &error);

      g_assert_no_error (error);
      g_assert_true (ipms_document_set_string (fixture->document, "product", id, "name", name, &error));
      g_assert_true (ipms_document_set_string (fixture->document, "product", id, "dev_start", start, &error));
      g_assert_true (ipms_document_set_string (fixture->document, "product", id, "dev_complete", complete, &error));
      g_assert_true (ipms_document_set_string (fixture->document, "product", id, "launch_date", launch, &error));
    }
  g_assert_true (ipms_document_commit_edit (fixture->document, &error));
  g_assert_no_error (error);

  for (guint mode = 0; mode < 2; mode++)
    for (guint z = 0; z < G_N_ELEMENTS (px_per_day); z++)
      {
        g_autoptr(IpmsNewProductsChart) moved = ipms_new_products_chart_new (fixture->document);
        g_autoptr(IpmsNewProductsChart) fresh = ipms_new_products_chart_new (fixture->document);
        g_autofree char *expected = NULL;
        g_autofree char *got = NULL;
        double width, height;

        /* From the most crowded zoom, where the lanes have the most rows. */
        ipms_new_products_chart_set_lane_mode (moved, mode);
        ipms_new_products_chart_set_px_per_day (moved, 0.4);
        ipms_chart_get_size (IPMS_CHART (moved), &width, &height);
        ipms_new_products_chart_set_px_per_day (moved, px_per_day[z]);

        ipms_new_products_chart_set_lane_mode (fresh, mode);
        ipms_new_products_chart_set_px_per_day (fresh, px_per_day[z]);

        expected = dump_new_products_places (fresh);
        got = dump_new_products_places (moved);
        g_assert_cmpstr (got, ==, expected);
        g_assert_true (charts_paint_alike (IPMS_CHART (moved), IPMS_CHART (fresh)));
      }
}

static cairo_surface_t *
paint_whole (IpmsChart *chart)
{
  IpmsChartPaintOptions options = { .scale = 1 };
  cairo_surface_t *surface;
  double width, height;
  cairo_t *cr;

  ipms_chart_get_size (chart, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));
  cr = cairo_create (surface);
  ipms_chart_paint (chart, cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Paints `areas` of the chart again over what `surface` holds, each in
 * whole pixels, as the canvas does after an edit (see
 * update_static_layer()). */
static void
paint_areas (IpmsChart       *chart,
             cairo_surface_t *surface,
             GArray          *areas)
{
  IpmsChartPaintOptions options = { .scale = 1 };

  for (guint a = 0; a < areas->len; a++)
    {
      const cairo_rectangle_t *area = &g_array_index (areas, cairo_rectangle_t, a);
      double x = floor (area->x), y = floor (area->y);
      cairo_t *cr = cairo_create (surface);

      cairo_rectangle (cr, x, y, ceil (area->x + area->width) - x, ceil (area->y + area->height) - y);
      cairo_clip (cr);
      ipms_chart_paint (chart, cr, &options);
      cairo_destroy (cr);
    }
  cairo_surface_flush (surface);
}

static void
assert_surfaces_equal (cairo_surface_t *got,
                       cairo_surface_t *expected)
{
  int stride = cairo_image_surface_get_stride (expected);

  g_assert_cmpint (cairo_image_surface_get_width (got), ==, cairo_image_surface_get_width (expected));
  g_assert_cmpint (cairo_image_surface_get_height (got), ==, cairo_image_surface_get_height (expected));
  g_assert_cmpmem (cairo_image_surface_get_data (got), (gsize) stride * cairo_image_surface_get_height (got),
                   cairo_image_surface_get_data (expected), (gsize) stride * cairo_image_surface_get_height (expected));
}

static void
edit_product_text (IpmsDocument *document,
                   gint64        id,
                   const char   *column,
                   const char   *text)
{
  g_autoptr(GError) error = NULL;
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_assert_true (ipms_document_edit_value (document, "Edit", NULL, "product", id, column, &value, &error));
  g_assert_no_error (error);
  g_value_unset (&value);
}

/* After an edit of products the new product chart tells the areas it
 * paints otherwise (see damage_changes()) rather than everything: what was
 * painted before, with those areas painted again, must be the chart
 * painted whole. By layers and by series; shifts that may change rows
 * and milestones, a new grade and name, moves to another lane, and their
 * undoing. */
static void
test_new_products_damage (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = ipms_example_new_draft ("en_US.UTF-8", &error);
  guint n_partial = 0, n_edits = 0;

  g_assert_no_error (error);

  /* Series on no segment: by layers their milestones sit on their
   * products' lanes, and follow a product moved to another lane. */
  {
    g_autoptr(GPtrArray) links = ipms_document_query (document, "series_segment", NULL, 0, NULL);

    g_assert_cmpuint (links->len, >, 0);
    g_assert_true (ipms_document_begin_edit (document, "Unlink", NULL, &error));
    for (guint i = 0; i < links->len; i++)
      g_assert_true (ipms_document_delete (document, "series_segment",
                                           ipms_record_get_id (g_ptr_array_index (links, i)), &error));
    g_assert_true (ipms_document_commit_edit (document, &error));
    g_assert_no_error (error);
  }

  for (guint mode = 0; mode < 2; mode++)
    {
      g_autoptr(IpmsNewProductsChart) chart = ipms_new_products_chart_new (document);
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GArray) ignored = NULL;
      cairo_surface_t *shown;

      ipms_new_products_chart_set_lane_mode (chart, mode);
      shown = paint_whole (IPMS_CHART (chart));
      ipms_timeline_chart_take_damage (IPMS_TIMELINE_CHART (chart), &ignored);
      ids = ipms_timeline_chart_dup_item_ids (IPMS_TIMELINE_CHART (chart));
      g_assert_cmpuint (ids->len, >, 3);

      for (guint i = 0; i < 4; i++)
        for (guint kind = 0; kind < 7; kind++)
          {
            gint64 id = g_array_index (ids, gint64, i);
            g_autoptr(GArray) areas = NULL;
            cairo_surface_t *whole;

            switch (kind)
              {
              case 0:
                g_assert_true (ipms_timeline_shift_product (document, id, 21, NULL, &error));
                break;
              case 1:
                g_assert_true (ipms_timeline_shift_product (document, id, -120, NULL, &error));
                break;
              case 2:
                /* In place: its colour, then its name. */
                edit_product_text (document, id, "grade",
                                   g_strcmp0 (ipms_record_get_string (ipms_document_get_record (document, "product", id),
                                                                      "grade"), "F") == 0 ? "R" : "F");
                break;
              case 3:
                edit_product_text (document, id, "name", "Renamed");
                break;
              case 4:
                {
                  IpmsNewProductsItem item;
                  guint n_lanes = ipms_new_products_chart_get_n_lanes (chart);

                  g_assert_true (ipms_new_products_chart_get_item (chart, id, &item));
                  g_assert_true (ipms_timeline_move_product_to_lane (document, id, 0, mode == IPMS_LANE_MODE_SERIES,
                                                                     ipms_new_products_chart_get_lane_id (chart, (item.lane + 1) % n_lanes),
                                                                     &error));
                }
                break;
              default:
                g_assert_true (ipms_document_undo (document, &error));
                break;
              }
            g_assert_no_error (error);
            n_edits++;

            if (ipms_timeline_chart_take_damage (IPMS_TIMELINE_CHART (chart), &areas))
              {
                n_partial++;
                paint_areas (IPMS_CHART (chart), shown, areas);
              }
            else
              {
                cairo_surface_destroy (shown);
                shown = paint_whole (IPMS_CHART (chart));
              }

            whole = paint_whole (IPMS_CHART (chart));
            assert_surfaces_equal (shown, whole);
            cairo_surface_destroy (whole);
          }

      /* Back to the plan as it was, for the other mode: each product's
       * seven steps leave three edits. */
      for (guint i = 0; i < 4 * 3; i++)
        g_assert_true (ipms_document_undo (document, NULL));
      cairo_surface_destroy (shown);
    }

  /* Most edits of one product paint a part of the chart again. */
  g_assert_cmpuint (n_partial, >, n_edits / 2);
}

static gint64
add_band (Fixture    *fixture,
          const char *name,
          double      lo,
          double      hi)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ipms_timeline_add_price_band (fixture->document, name, lo, hi, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_band_issues (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) issues = NULL;
  g_autoptr(GArray) none = NULL;
  gint64 entry, premium;
  g_autofree char *gap = NULL;
  g_autofree char *overlap = NULL;

  /* Entry 0–40 leaves 40–50 uncovered below Mid 50–150; Premium 120–600
   * overlaps Mid from 120 to 150. */
  entry = add_band (fixture, "Entry", 0, 40);
  premium = add_band (fixture, "Premium", 120, 600);
  issues = ipms_timeline_check_price_bands (fixture->document);
  g_assert_cmpuint (issues->len, ==, 2);

  g_assert_cmpint (g_array_index (issues, IpmsBandIssue, 0).kind, ==, IPMS_BAND_ISSUE_GAP);
  g_assert_cmpint (g_array_index (issues, IpmsBandIssue, 0).lower_id, ==, entry);
  g_assert_cmpint (g_array_index (issues, IpmsBandIssue, 0).upper_id, ==, fixture->band);
  g_assert_cmpfloat (g_array_index (issues, IpmsBandIssue, 0).from, ==, 40);
  g_assert_cmpfloat (g_array_index (issues, IpmsBandIssue, 0).to, ==, 50);
  gap = ipms_timeline_describe_band_issue (fixture->document, &g_array_index (issues, IpmsBandIssue, 0));
  g_assert_cmpstr (gap, ==, "No band covers 40 to 50, between “Entry” and “Mid”");

  g_assert_cmpint (g_array_index (issues, IpmsBandIssue, 1).kind, ==, IPMS_BAND_ISSUE_OVERLAP);
  g_assert_cmpint (g_array_index (issues, IpmsBandIssue, 1).lower_id, ==, fixture->band);
  g_assert_cmpint (g_array_index (issues, IpmsBandIssue, 1).upper_id, ==, premium);
  overlap = ipms_timeline_describe_band_issue (fixture->document, &g_array_index (issues, IpmsBandIssue, 1));
  g_assert_cmpstr (overlap, ==, "“Mid” and “Premium” overlap from 120 to 150");

  /* A band inside another overlaps it too, not only its neighbour. */
  {
    g_autoptr(GArray) inner = NULL;

    add_band (fixture, "Inner", 200, 300);
    inner = ipms_timeline_check_price_bands (fixture->document);
    g_assert_cmpuint (inner->len, ==, 3);
    g_assert_cmpint (g_array_index (inner, IpmsBandIssue, 2).lower_id, ==, premium);
    undo (fixture);
  }

  /* Made contiguous, nothing to say; a cent between them is no gap. */
  g_assert_true (ipms_timeline_set_price_step (fixture->document, 0, &error));
  g_assert_true (ipms_timeline_set_band_boundary (fixture->document, entry, TRUE, 49.99, &error));
  g_assert_true (ipms_timeline_set_band_boundary (fixture->document, premium, FALSE, 150, &error));
  g_assert_no_error (error);
  none = ipms_timeline_check_price_bands (fixture->document);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_band_scale (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(IpmsRoadmapChart) chart = NULL;
  g_autoptr(IpmsRoadmapChart) again = NULL;
  const double edges[] = { 0, 50, 150, 600 };
  guint32 when = day ("2027-05-10");
  double y[G_N_ELEMENTS (edges)];
  double x, step, price;

  add_band (fixture, "Entry", 0, 50);
  add_band (fixture, "Premium", 150, 600);
  chart = ipms_roadmap_chart_new (fixture->document);
  g_assert_cmpint (ipms_roadmap_chart_get_price_scale (chart), ==, IPMS_ROADMAP_PRICE_SCALE_LINEAR);

  ipms_roadmap_chart_set_price_scale (chart, IPMS_ROADMAP_PRICE_SCALE_BANDS);
  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    ipms_roadmap_chart_values_to_point (chart, when, edges[i], &x, &y[i]);

  /* Each band as tall as the others, dearer higher up. */
  step = y[0] - y[1];
  g_assert_cmpfloat (step, >, 50);
  for (guint i = 1; i < G_N_ELEMENTS (edges); i++)
    g_assert_cmpfloat_with_epsilon (y[i - 1] - y[i], step, 0.01);

  /* Linear within a band, and back again. */
  {
    double mid_y;

    ipms_roadmap_chart_values_to_point (chart, when, 375, &x, &mid_y);
    g_assert_cmpfloat_with_epsilon (mid_y, (y[2] + y[3]) / 2, 0.01);
    ipms_roadmap_chart_point_to_values (chart, x, mid_y, NULL, &price);
    g_assert_cmpfloat_with_epsilon (price, 375, 1e-6);
  }

  /* Flipped, the same across. */
  ipms_roadmap_chart_set_flipped (chart, TRUE);
  {
    double a, b, c, unused;

    ipms_roadmap_chart_values_to_point (chart, when, 0, &a, &unused);
    ipms_roadmap_chart_values_to_point (chart, when, 50, &b, &unused);
    ipms_roadmap_chart_values_to_point (chart, when, 600, &c, &unused);
    g_assert_cmpfloat_with_epsilon (c - a, 3 * (b - a), 0.01);
  }

  /* A chart made for an export takes the scale the view left. */
  ipms_document_set_view_state (fixture->document, IPMS_ROADMAP_PRICE_SCALE_KEY, "bands");
  again = ipms_roadmap_chart_new (fixture->document);
  g_assert_cmpint (ipms_roadmap_chart_get_price_scale (again), ==, IPMS_ROADMAP_PRICE_SCALE_BANDS);
}

/* For looking at: the chart as exported, when the tests keep artifacts. */
static void
export_artifact (IpmsChart  *chart,
                 const char *format,
                 const char *a,
                 const char *b,
                 const char *c)
{
  g_autoptr(GError) error = NULL;
  const char *dir = g_getenv ("IPMS_TEST_ARTIFACTS");
  IpmsExportOptions options = { IPMS_PAGE_FIT, FALSE, FALSE, 96 };
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  name = g_strdup_printf (format, a, b, c);
#pragma GCC diagnostic pop
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (ipms_chart_export (chart, path, &options, &error));
  g_assert_no_error (error);
}

static gboolean
rects_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Every marker has its name beside it or shares a "+N" label; names do not
 * cover other markers or each other, and all lie inside the chart; with
 * `clear_of_today`, none crosses the today line. */
static void
assert_roadmap_labels (IpmsRoadmapChart *chart,
                       gboolean          clear_of_today,
                       guint            *n_clustered)
{
  g_autoptr(GArray) ids = ipms_timeline_chart_dup_item_ids (IPMS_TIMELINE_CHART (chart));
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  gboolean flipped = ipms_roadmap_chart_get_flipped (chart);
  double width, height, today_x, today_y;

  ipms_chart_get_size (IPMS_CHART (chart), &width, &height);
  ipms_roadmap_chart_values_to_point (chart, ipms_timeline_chart_get_today (IPMS_TIMELINE_CHART (chart)), 0,
                                      &today_x, &today_y);
  *n_clustered = 0;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      cairo_rectangle_t rect;
      gboolean clustered;

      g_assert_true (ipms_roadmap_chart_get_label (chart, id, &rect, &clustered));
      g_assert_cmpfloat (rect.width, >, 0);
      g_assert_cmpfloat (rect.x, >=, 0);
      g_assert_cmpfloat (rect.y, >=, 0);
      g_assert_cmpfloat (rect.x + rect.width, <=, width);
      g_assert_cmpfloat (rect.y + rect.height, <=, height);
      if (clustered)
        {
          (*n_clustered)++;
          continue;
        }
      if (clear_of_today && !flipped)
        g_assert_false (rect.x < today_x + 2 && today_x - 2 < rect.x + rect.width);
      if (clear_of_today && flipped)
        g_assert_false (rect.y < today_y + 2 && today_y - 2 < rect.y + rect.height);

      for (guint j = 0; j < ids->len; j++)
        {
          double mx, my, r;

          g_assert_true (ipms_roadmap_chart_get_marker (chart, g_array_index (ids, gint64, j), &mx, &my, &r));
          if (j != i)
            g_assert_false (rects_overlap (&rect, &(cairo_rectangle_t) { mx - r, my - r, 2 * r, 2 * r }));
        }
      for (guint j = 0; j < rects->len; j++)
        g_assert_false (rects_overlap (&rect, &g_array_index (rects, cairo_rectangle_t, j)));
      g_array_append_val (rects, rect);
    }
}

static void
test_roadmap_labels (void)
{
  static const char * const languages[] = { "en_US.UTF-8", "zh_CN.UTF-8" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IpmsDocument) document = ipms_example_new_draft (languages[l], &error);
      g_autoptr(IpmsRoadmapChart) chart = NULL;

      g_assert_no_error (error);
      chart = ipms_roadmap_chart_new (document);
      /* Today among the plan's launches, whatever the day the test runs. */
      ipms_timeline_chart_set_today (IPMS_TIMELINE_CHART (chart), day ("2026-11-27"));
      for (guint flipped = 0; flipped < 2; flipped++)
        for (guint scale = 0; scale < 2; scale++)
          {
            guint n_clustered;

            ipms_roadmap_chart_set_flipped (chart, flipped);
            ipms_roadmap_chart_set_price_scale (chart, scale);
            export_artifact (IPMS_CHART (chart), "timeline-labels-%s-%s-%s.png",
                             l == 0 ? "en" : "zh_CN", flipped ? "flipped" : "across", scale ? "bands" : "linear");
            assert_roadmap_labels (chart, TRUE, &n_clustered);
            g_test_message ("%s flipped %u scale %u: %u clustered", languages[l], flipped, scale, n_clustered);
            /* The example has room for nearly every name. */
            g_assert_cmpuint (n_clustered, <=, 2);
          }

      /* Twenty products at one date and price: a few names, the rest "+N". */
      {
        g_autoptr(GArray) ids = NULL;
        guint n_clustered;

        g_assert_true (ipms_document_begin_edit (document, "Crowd", NULL, &error));
        for (guint i = 0; i < 20; i++)
          {
            g_autofree char *name = g_strdup_printf ("Crowded %u", i);
            gint64 id = ipms_document_insert (document, "product", 0, NULL, &error);

            g_assert_no_error (error);
            g_assert_true (ipms_document_set_string (document, "product", id, "name", name, &error));
            g_assert_true (ipms_document_set_string (document, "product", id, "launch_date", "2027-03-01", &error));
            g_assert_true (ipms_document_set_double (document, "product", id, "price", 99, &error));
          }
        g_assert_true (ipms_document_commit_edit (document, &error));
        g_assert_no_error (error);

        ids = ipms_timeline_chart_dup_item_ids (IPMS_TIMELINE_CHART (chart));
        assert_roadmap_labels (chart, FALSE, &n_clustered);
        g_assert_cmpuint (n_clustered, >=, 10);
        g_assert_cmpuint (n_clustered, <, ids->len);
      }
      ipms_document_close (document);
    }
}

static int
text_height (IpmsChartFont  font,
             const char    *text)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PangoLayout) layout = ipms_chart_style_create_layout (cr, font, text, -1);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

/* Each lane is tall enough for its name and its product count under it,
 * the lane of one product too, with a Chinese font's taller lines. */
static void
test_new_products_lane_height (void)
{
  static const char * const languages[] = { "en_US.UTF-8", "zh_CN.UTF-8" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IpmsDocument) document = ipms_example_new_draft (languages[l], &error);
      g_autoptr(IpmsNewProductsChart) chart = NULL;
      double y;

      g_assert_no_error (error);
      chart = ipms_new_products_chart_new (document);
      y = ipms_new_products_chart_get_body_top (chart);
      for (guint lane = 0; lane < ipms_new_products_chart_get_n_lanes (chart); lane++)
        {
          double top = y;
          /* The label's lines as painted: 4 units down, 2 between, and the
           * lane's padding of 6 above and below. */
          int needed = 4 + text_height (IPMS_CHART_FONT_BODY_BOLD, ipms_new_products_chart_get_lane_label (chart, lane)) +
                       2 + text_height (IPMS_CHART_FONT_SMALL, "2 products") + 2 * 6;

          g_assert_cmpuint (ipms_new_products_chart_lane_at (chart, y), ==, lane);
          while (ipms_new_products_chart_lane_at (chart, y) == lane)
            y += 1;
          g_assert_cmpfloat (y - top, >=, needed);
        }
      ipms_document_close (document);
    }
}

/* The new product chart's names lie inside it, whatever the language. */
/* A text the layout cache measures without a layout of its own (a chart's
 * 10,000 names) has the size its layout has, in every chart font: the
 * charts place their labels by it. The texts are new to the cache of sizes
 * the caches share, each ends with a number of this test for that. Printable
 * ASCII with a letter in it is shaped as one run (see latin_run()). */
static void
test_measure_texts (void)
{
  static const char * const texts[] = {
    "Product 1234 Pro", "AVAWAY To Ty Wa", "  spaced  out  ", "新品图 Nest 入局", "Café crème ﬁx",
    "e\xcc\x81te\xcc\x81", "🐱 Feeder", "Nest מוצר 2", "منتج", "2027", "a\tb", "two\nlines", "·", "",
    "(Pro) #2 [x]-*{y}~ 50%", "fi ffl Wo.", "2027-03 #4",
  };
  g_autoptr(IpmsLayoutCache) cache = ipms_layout_cache_new ();

  for (guint font = 0; font < IPMS_CHART_N_FONTS; font++)
    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_autofree char *text = g_strdup_printf ("%s %u", texts[i], 97310 + font);
        int width, height, layout_width, layout_height;

        ipms_layout_cache_get_size (cache, font, text, &width, &height);
        pango_layout_get_pixel_size (ipms_layout_cache_get (cache, font, text), &layout_width, &layout_height);
        g_assert_cmpint (width, ==, layout_width);
        g_assert_cmpint (height, ==, layout_height);
      }
}

static void
test_new_products_labels (void)
{
  static const char * const languages[] = { "en_US.UTF-8", "zh_CN.UTF-8" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IpmsDocument) document = ipms_example_new_draft (languages[l], &error);
      g_autoptr(IpmsNewProductsChart) chart = NULL;
      g_autoptr(GArray) ids = NULL;
      double width, height;

      g_assert_no_error (error);
      chart = ipms_new_products_chart_new (document);
      ipms_chart_get_size (IPMS_CHART (chart), &width, &height);
      ids = ipms_timeline_chart_dup_item_ids (IPMS_TIMELINE_CHART (chart));
      g_assert_cmpuint (ids->len, >, 5);
      for (guint i = 0; i < ids->len; i++)
        {
          cairo_rectangle_t rect;
          IpmsNewProductsItem item;

          g_assert_true (ipms_new_products_chart_get_label (chart, g_array_index (ids, gint64, i), &rect));
          g_assert_true (ipms_new_products_chart_get_item (chart, g_array_index (ids, gint64, i), &item));
          g_assert_cmpfloat (rect.x + rect.width, <=, width);
          g_assert_cmpfloat (rect.y, >=, item.y);
          g_assert_cmpfloat (rect.y + rect.height, <=, item.y + item.height);
        }
      ipms_document_close (document);
    }
}

static void
test_edit_unschedule (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* The roadmap takes the launch only; the new product chart every date. */
  g_assert_true (ipms_timeline_unschedule_product (fixture->document, fixture->product, TRUE, &error));
  g_assert_no_error (error);
  assert_dates (fixture, "2027-01-04", "2027-03-31", "");
  g_assert_cmpstr (ipms_document_get_undo_label (fixture->document), ==, "Take “Feeder Mini” off the chart");
  undo (fixture);
  assert_dates (fixture, "2027-01-04", "2027-03-31", "2027-05-10");

  g_assert_true (ipms_timeline_unschedule_product (fixture->document, fixture->product, FALSE, &error));
  assert_dates (fixture, "", "", "");
  g_assert_cmpfloat (ipms_record_get_double (product (fixture), "price"), ==, 89.99);
  undo (fixture);
  assert_dates (fixture, "2027-01-04", "2027-03-31", "2027-05-10");

  g_assert_true (ipms_timeline_delete_product (fixture->document, fixture->product, &error));
  g_assert_no_error (error);
  g_assert_null (product (fixture));
  undo (fixture);
  g_assert_nonnull (product (fixture));
  assert_dates (fixture, "2027-01-04", "2027-03-31", "2027-05-10");

  g_assert_false (ipms_timeline_delete_product (fixture->document, 9999, &error));
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NO_SUCH_ROW);
}

static guint
count_color (cairo_surface_t *surface,
             guint32          rgb,
             guint            tolerance)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint count = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);

        if (ABS ((int) ((pixel >> 16) & 0xff) - (int) ((rgb >> 16) & 0xff)) <= (int) tolerance &&
            ABS ((int) ((pixel >> 8) & 0xff) - (int) ((rgb >> 8) & 0xff)) <= (int) tolerance &&
            ABS ((int) (pixel & 0xff) - (int) (rgb & 0xff)) <= (int) tolerance)
          count++;
      }

  return count;
}

static void
save_artifact (const char *source,
               const char *name)
{
  const char *dir = g_getenv ("IPMS_TEST_ARTIFACTS");
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (dir == NULL)
    return;

  g_mkdir_with_parents (dir, 0755);
  target = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (target, contents, length, NULL));
}

static void
test_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = ipms_example_new_draft ("en_US.UTF-8", &error);
  static const char * const kinds[] = { "new-products", "roadmap" };

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(IpmsChart) chart = ipms_chart_new_for_kind (document, kinds[i], &error);
      IpmsExportOptions options = { IPMS_PAGE_FIT, FALSE, FALSE, 96 };
      g_autofree char *png = g_strdup_printf ("%s.png", kinds[i]);
      g_autofree char *png_path = ipms_test_make_temp_path (png);
      g_autofree char *pdf = g_strdup_printf ("%s.pdf", kinds[i]);
      g_autofree char *pdf_path = ipms_test_make_temp_path (pdf);
      g_autofree char *svg = g_strdup_printf ("%s.svg", kinds[i]);
      g_autofree char *svg_path = ipms_test_make_temp_path (svg);
      g_autofree char *svg_text = NULL;
      g_autofree char *artifact = g_strdup_printf ("timeline-export-%s.png", kinds[i]);
      cairo_surface_t *surface;
      double width, height;
      IpmsColor grade_s;
      guint32 rgb;

      g_assert_no_error (error);
      g_object_set (chart, "range-start", "2026-01-01", "range-end", "2027-12-31", "today", day ("2026-11-27"), NULL);
      ipms_chart_get_size (chart, &width, &height);

      /* Fit: one unit per pixel at 96 dpi. */
      g_assert_true (ipms_chart_export (chart, png_path, &options, &error));
      g_assert_no_error (error);
      surface = cairo_image_surface_create_from_png (png_path);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) (width + 0.5));
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) (height + 0.5));

      /* The example has strategic (S) products: their grade colour fills bars
       * on the new product chart; on the roadmap the series colours do. */
      ipms_chart_style_get_grade_color ("S", FALSE, &grade_s);
      rgb = ((guint32) (grade_s.red * 255 + 0.5) << 16) | ((guint32) (grade_s.green * 255 + 0.5) << 8) |
            (guint32) (grade_s.blue * 255 + 0.5);
      if (i == 0)
        g_assert_cmpuint (count_color (surface, rgb, 2), >, 500);
      else
        g_assert_cmpuint (count_color (surface, 0x3584e4, 2), >, 200);
      cairo_surface_destroy (surface);
      save_artifact (png_path, artifact);

      /* A4 landscape: the page size, whatever the chart's. */
      options.page = IPMS_PAGE_A4;
      options.landscape = TRUE;
      g_assert_true (ipms_chart_export (chart, png_path, &options, &error));
      surface = cairo_image_surface_create_from_png (png_path);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) (841.89 * 96 / 72 + 0.5));
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) (595.28 * 96 / 72 + 0.5));
      cairo_surface_destroy (surface);

      g_assert_true (ipms_chart_export (chart, pdf_path, &options, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));

      /* Text stays text in SVG, so it prints sharp at any size. */
      options.page = IPMS_PAGE_SLIDE;
      g_assert_true (ipms_chart_export (chart, svg_path, &options, &error));
      g_assert_true (g_file_get_contents (svg_path, &svg_text, NULL, NULL));
      g_assert_nonnull (strstr (svg_text, "<svg"));
      g_assert_nonnull (strstr (svg_text, "width=\"960pt\""));
    }
}

/* A range limits what is drawn: a product launched outside it is not. */
static void
test_range (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(IpmsNewProductsChart) chart = ipms_new_products_chart_new (fixture->document);
  const IpmsTimeAxis *axis;
  IpmsNewProductsItem item;

  ipms_new_products_chart_set_range (chart, "2027-04-01", "2027-06-30");
  axis = ipms_new_products_chart_get_axis (chart);
  assert_day (axis->first_day, "2027-04-01");
  assert_day (axis->last_day, "2027-06-30");
  g_assert_true (ipms_new_products_chart_get_item (chart, fixture->product, &item));
  g_assert_cmpfloat (item.bar_x + item.bar_width, <=, ipms_new_products_chart_get_time_origin (chart));
}

int
main (int   argc,
      char *argv[])
{
  ipms_test_init (&argc, &argv);

  g_test_add_func ("/timeline/axis/iso", test_axis_iso);
  g_test_add_func ("/timeline/axis/iso-count", test_axis_iso_count);
  g_test_add_func ("/timeline/axis/units", test_axis_units);
  g_test_add_func ("/timeline/axis/scales", test_axis_scales);
  g_test_add_func ("/timeline/axis/snapping", test_axis_snapping);
  g_test_add_func ("/timeline/axis/nudge", test_axis_nudge);
  g_test_add_func ("/timeline/axis/ticks", test_axis_ticks);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/timeline/edit/shift", test_edit_shift);
  ADD ("/timeline/edit/nudge-burst", test_edit_nudge_burst);
  ADD ("/timeline/edit/resize", test_edit_resize);
  ADD ("/timeline/edit/launch", test_edit_launch);
  ADD ("/timeline/edit/lane", test_edit_lane);
  ADD ("/timeline/edit/marker", test_edit_marker);
  ADD ("/timeline/edit/schedule", test_edit_schedule);
  ADD ("/timeline/edit/bands", test_edit_bands);
  ADD ("/timeline/edit/missing", test_edit_missing);
  ADD ("/timeline/chart/geometry", test_chart_geometry);
  ADD ("/timeline/chart/tables-read", test_chart_tables_read);
  ADD ("/timeline/chart/roadmap-geometry", test_roadmap_geometry);
  ADD ("/timeline/chart/roadmap-geometry-update", test_roadmap_geometry_update);
  ADD ("/timeline/chart/new-products-geometry-update", test_new_products_geometry_update);
  ADD ("/timeline/chart/range", test_range);
  ADD ("/timeline/edit/unschedule", test_edit_unschedule);
  ADD ("/timeline/bands/issues", test_band_issues);
  ADD ("/timeline/bands/scale", test_band_scale);
#undef ADD
  g_test_add_func ("/timeline/chart/export", test_export);
  g_test_add_func ("/timeline/chart/roadmap-labels", test_roadmap_labels);
  g_test_add_func ("/timeline/chart/measure-texts", test_measure_texts);
  g_test_add_func ("/timeline/chart/new-products-labels", test_new_products_labels);
  g_test_add_func ("/timeline/chart/new-products-lane-height", test_new_products_lane_height);
  g_test_add_func ("/timeline/chart/new-products-damage", test_new_products_damage);

  return g_test_run ();
}
