/* test-trace.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Traceability without a display: each link from a product to the plan,
 * each warning, a product linked to nothing, and the products of a
 * segment and of a series.
 */

#include "config.h"

#include <string.h>

#include "ipms-record.h"
#include "ipms-test-utils.h"
#include "ipms-trace.h"
#include "trace-plan.h"

static void
plan_set_up (TracePlan     *plan,
             gconstpointer  data)
{
  trace_plan_build (plan);
}

static void
plan_tear_down (TracePlan     *plan,
                gconstpointer  data)
{
  trace_plan_clear (plan);
}

static gint64
id_at (GPtrArray *records,
       guint      index)
{
  g_assert_cmpuint (index, <, records->len);
  return ipms_record_get_id (g_ptr_array_index (records, index));
}

static void
test_segment (TracePlan     *plan,
              gconstpointer  data)
{
  g_autoptr(IpmsTrace) trace = ipms_trace_new (plan->document, plan->product);
  g_autofree char *title = NULL;

  g_assert_nonnull (trace);
  g_assert_cmpint (ipms_record_get_id (trace->segment), ==, plan->segment);
  g_assert_cmpstr (ipms_record_get_string (trace->segment, "role"), ==, "core");
  g_assert_cmpint (ipms_record_get_int (trace->segment, "size"), ==, 1200000);
  g_assert_cmpint (ipms_record_get_id (trace->segment_x_item), ==, plan->x_item);
  g_assert_cmpint (ipms_record_get_id (trace->segment_y_item), ==, plan->y_item);

  /* By rank, not by the order they were written in. */
  g_assert_cmpuint (trace->needs->len, ==, 2);
  g_assert_cmpint (id_at (trace->needs, 0), ==, plan->need_first);
  g_assert_cmpint (id_at (trace->needs, 1), ==, plan->need_second);

  /* A segment without a name goes by its cell; with one, by its name. */
  title = ipms_trace_dup_segment_title (plan->document, trace->segment);
  g_assert_cmpstr (title, ==, "Young adults · Convenience");
  g_clear_pointer (&title, g_free);
  title = ipms_trace_dup_segment_title (plan->document,
                                        ipms_document_get_record (plan->document, "segment", plan->other_segment));
  g_assert_cmpstr (title, ==, "Busy seniors");
}

static void
test_series (TracePlan     *plan,
             gconstpointer  data)
{
  g_autoptr(IpmsTrace) trace = ipms_trace_new (plan->document, plan->product);

  g_assert_cmpint (ipms_record_get_id (trace->series), ==, plan->series);
  g_assert_cmpstr (ipms_record_get_string (trace->series, "positioning"), ==, "Smart care for busy owners");
  g_assert_cmpstr (ipms_record_get_string (trace->series, "first_launch_date"), ==, "2027-06-01");
}

static void
test_campaigns (TracePlan     *plan,
                gconstpointer  data)
{
  g_autoptr(IpmsTrace) trace = ipms_trace_new (plan->document, plan->product);
  g_autoptr(IpmsTrace) moved = NULL;
  g_autoptr(GError) error = NULL;

  /* Only the campaign aimed at the product's segment. */
  g_assert_cmpuint (trace->campaigns->len, ==, 1);
  g_assert_cmpint (id_at (trace->campaigns, 0), ==, plan->campaign);

  /* The link follows the segment: moved to the other segment, the
   * product meets the other campaign. */
  g_assert_true (ipms_document_begin_edit (plan->document, "Move", NULL, &error));
  g_assert_true (ipms_document_set_int (plan->document, "product", plan->product, "segment_id",
                                        plan->other_segment, &error));
  g_assert_true (ipms_document_commit_edit (plan->document, &error));
  g_assert_no_error (error);

  moved = ipms_trace_new (plan->document, plan->product);
  g_assert_cmpuint (moved->campaigns->len, ==, 1);
  g_assert_cmpint (id_at (moved->campaigns, 0), ==, plan->other_campaign);
  g_assert_cmpuint (moved->needs->len, ==, 0);
}

static void
test_owner (TracePlan     *plan,
            gconstpointer  data)
{
  g_autoptr(IpmsTrace) trace = ipms_trace_new (plan->document, plan->product);

  g_assert_cmpint (ipms_record_get_id (trace->owner), ==, plan->owner);
  g_assert_cmpuint (trace->objectives->len, ==, 1);
  g_assert_cmpint (id_at (trace->objectives, 0), ==, plan->objective);
  g_assert_cmpuint (trace->initiatives->len, ==, 1);
  g_assert_cmpint (id_at (trace->initiatives, 0), ==, plan->initiative);
}

static void
test_charts (TracePlan     *plan,
             gconstpointer  data)
{
  g_autoptr(IpmsTrace) trace = ipms_trace_new (plan->document, plan->product);
  g_autoptr(IpmsTrace) dearer = NULL;
  g_autoptr(IpmsTrace) undated = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (trace->on_panorama);
  g_assert_true (trace->on_new_products);
  g_assert_true (trace->on_roadmap);
  g_assert_cmpint (ipms_record_get_id (trace->price_band), ==, plan->band);

  /* Above every band: still on the roadmap, in no band. */
  g_assert_true (ipms_document_begin_edit (plan->document, "Price", NULL, &error));
  g_assert_true (ipms_document_set_double (plan->document, "product", plan->product, "price", 400, &error));
  g_assert_true (ipms_document_commit_edit (plan->document, &error));
  g_assert_no_error (error);
  dearer = ipms_trace_new (plan->document, plan->product);
  g_assert_true (dearer->on_roadmap);
  g_assert_null (dearer->price_band);

  /* Without a launch date the roadmap has nowhere to put it; a
   * development date keeps it on the new product chart. */
  g_assert_true (ipms_document_begin_edit (plan->document, "Dates", NULL, &error));
  g_assert_true (ipms_document_set_null (plan->document, "product", plan->product, "launch_date", &error));
  g_assert_true (ipms_document_commit_edit (plan->document, &error));
  g_assert_no_error (error);
  undated = ipms_trace_new (plan->document, plan->product);
  g_assert_false (undated->on_roadmap);
  g_assert_true (undated->on_new_products);
  g_assert_true (undated->on_panorama);
}

static void
test_warning_launch (TracePlan     *plan,
                     gconstpointer  data)
{
  g_autoptr(IpmsTrace) trace = ipms_trace_new (plan->document, plan->product);
  g_autoptr(IpmsTrace) early = NULL;
  g_autoptr(IpmsTrace) same_day = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (trace->warnings, ==, IPMS_TRACE_WARNING_NONE);

  trace_plan_set (plan, "product", plan->product, "launch_date", "2027-04-01");
  early = ipms_trace_new (plan->document, plan->product);
  g_assert_cmpint (early->warnings, ==, IPMS_TRACE_WARNING_LAUNCH_BEFORE_DEV);
  text = ipms_trace_describe_warning (early, IPMS_TRACE_WARNING_LAUNCH_BEFORE_DEV);
  g_assert_nonnull (strstr (text, "2027"));

  /* Launching the day development completes is too early as well. */
  trace_plan_set (plan, "product", plan->product, "launch_date", "2027-04-30");
  same_day = ipms_trace_new (plan->document, plan->product);
  g_assert_cmpint (same_day->warnings, ==, IPMS_TRACE_WARNING_LAUNCH_BEFORE_DEV);
}

static void
test_nothing_linked (TracePlan     *plan,
                     gconstpointer  data)
{
  g_autoptr(IpmsTrace) trace = ipms_trace_new (plan->document, plan->lonely);
  g_autofree char *text = NULL;

  g_assert_nonnull (trace);
  g_assert_null (trace->segment);
  g_assert_null (trace->segment_x_item);
  g_assert_null (trace->segment_y_item);
  g_assert_null (trace->series);
  g_assert_null (trace->owner);
  g_assert_null (trace->price_band);
  /* Not the rows that reference nothing: the unowned objectives and the
   * campaigns without a target are not this product's. */
  g_assert_cmpuint (trace->needs->len, ==, 0);
  g_assert_cmpuint (trace->campaigns->len, ==, 0);
  g_assert_cmpuint (trace->objectives->len, ==, 0);
  g_assert_cmpuint (trace->initiatives->len, ==, 0);
  g_assert_false (trace->on_panorama);
  g_assert_false (trace->on_new_products);
  g_assert_false (trace->on_roadmap);

  g_assert_cmpint (trace->warnings, ==, IPMS_TRACE_WARNING_NO_SEGMENT);
  text = ipms_trace_describe_warning (trace, IPMS_TRACE_WARNING_NO_SEGMENT);
  g_assert_cmpstr (text, !=, "");

  g_assert_null (ipms_trace_new (plan->document, 9999));
  g_assert_null (ipms_trace_new (plan->document, IPMS_NULL_ID));
}

static void
test_reverse (TracePlan     *plan,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) of_segment = ipms_trace_segment_products (plan->document, plan->segment);
  g_autoptr(GPtrArray) of_other = ipms_trace_segment_products (plan->document, plan->other_segment);
  g_autoptr(GPtrArray) of_series = ipms_trace_series_products (plan->document, plan->series);
  g_autoptr(GPtrArray) of_nothing = ipms_trace_series_products (plan->document, IPMS_NULL_ID);

  g_assert_cmpuint (of_segment->len, ==, 1);
  g_assert_cmpint (id_at (of_segment, 0), ==, plan->product);
  g_assert_cmpuint (of_other->len, ==, 0);
  g_assert_cmpuint (of_series->len, ==, 1);
  g_assert_cmpint (id_at (of_series, 0), ==, plan->product);
  /* The lonely product has no series, but it is not "the products of no
   * series" that a caller asking for series 0 gets. */
  g_assert_cmpuint (of_nothing->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  ipms_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, TracePlan, NULL, plan_set_up, func, plan_tear_down)
  ADD ("/trace/core/segment", test_segment);
  ADD ("/trace/core/series", test_series);
  ADD ("/trace/core/campaigns", test_campaigns);
  ADD ("/trace/core/owner", test_owner);
  ADD ("/trace/core/charts", test_charts);
  ADD ("/trace/core/warning-launch", test_warning_launch);
  ADD ("/trace/core/nothing-linked", test_nothing_linked);
  ADD ("/trace/core/reverse", test_reverse);
#undef ADD

  return g_test_run ();
}
