/* trace-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-test-utils.h"
#include "trace-plan.h"

static gint64
insert (IpmsDocument *document,
        const char   *table)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ipms_document_insert (document, table, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
set_text (IpmsDocument *document,
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
set_int (IpmsDocument *document,
         const char   *table,
         gint64        id,
         const char   *column,
         gint64        value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipms_document_set_int (document, table, id, column, value, &error));
  g_assert_no_error (error);
}

static void
set_double (IpmsDocument *document,
            const char   *table,
            gint64        id,
            const char   *column,
            double        value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipms_document_set_double (document, table, id, column, value, &error));
  g_assert_no_error (error);
}

/* A segment needs its two axis items when it is inserted (NOT NULL). */
static gint64
insert_segment (IpmsDocument *document,
                gint64        x_item,
                gint64        y_item)
{
  g_autoptr(GError) error = NULL;
  const IpmsTable *table = ipms_schema_lookup_table ("segment");
  g_autofree GValue *values = g_new0 (GValue, table->n_columns);
  gint64 id;

  g_value_init (&values[ipms_table_find_column (table, "x_item_id")], G_TYPE_INT64);
  g_value_set_int64 (&values[ipms_table_find_column (table, "x_item_id")], x_item);
  g_value_init (&values[ipms_table_find_column (table, "y_item_id")], G_TYPE_INT64);
  g_value_set_int64 (&values[ipms_table_find_column (table, "y_item_id")], y_item);

  id = ipms_document_insert (document, "segment", 0, values, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < table->n_columns; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);

  return id;
}

void
trace_plan_build (TracePlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ipms_test_make_temp_path ("trace.ipms");
  IpmsDocument *document;
  gint64 other_row;

  document = plan->document = ipms_document_create (path, "Trace test", &error);
  g_assert_no_error (error);

  g_assert_true (ipms_document_begin_edit (document, "Set up", NULL, &error));

  plan->x_item = insert (document, "axis_item");
  set_text (document, "axis_item", plan->x_item, "axis", "x");
  set_text (document, "axis_item", plan->x_item, "label", "Convenience");
  plan->y_item = insert (document, "axis_item");
  set_text (document, "axis_item", plan->y_item, "axis", "y");
  set_text (document, "axis_item", plan->y_item, "label", "Young adults");
  set_int (document, "axis_item", plan->y_item, "position", 0);
  other_row = insert (document, "axis_item");
  set_text (document, "axis_item", other_row, "axis", "y");
  set_text (document, "axis_item", other_row, "label", "Seniors");
  set_int (document, "axis_item", other_row, "position", 1);

  plan->segment = insert_segment (document, plan->x_item, plan->y_item);
  set_text (document, "segment", plan->segment, "role", "core");
  set_int (document, "segment", plan->segment, "size", 1200000);
  plan->other_segment = insert_segment (document, plan->x_item, other_row);
  set_text (document, "segment", plan->other_segment, "name", "Busy seniors");

  plan->need_second = insert (document, "need");
  set_int (document, "need", plan->need_second, "segment_id", plan->segment);
  set_int (document, "need", plan->need_second, "rank", 2);
  set_text (document, "need", plan->need_second, "text", "Quiet at night");
  plan->need_first = insert (document, "need");
  set_int (document, "need", plan->need_first, "segment_id", plan->segment);
  set_int (document, "need", plan->need_first, "rank", 1);
  set_text (document, "need", plan->need_first, "text", "Feeds on time when I am away");

  plan->owner = insert (document, "member");
  set_text (document, "member", plan->owner, "name", "Li Wei");
  plan->other_member = insert (document, "member");
  set_text (document, "member", plan->other_member, "name", "Zhang Min");

  plan->series = insert (document, "series");
  set_text (document, "series", plan->series, "name", "AutoCare");
  set_text (document, "series", plan->series, "positioning", "Smart care for busy owners");
  set_text (document, "series", plan->series, "entry_date", "2027-01-15");
  set_text (document, "series", plan->series, "first_launch_date", "2027-06-01");
  set_text (document, "series", plan->series, "refresh_date", "2028-06-01");

  plan->campaign = insert (document, "campaign");
  set_text (document, "campaign", plan->campaign, "name", "Spring Launch");
  set_int (document, "campaign", plan->campaign, "ta_segment_id", plan->segment);
  set_text (document, "campaign", plan->campaign, "start_date", "2027-03-01");
  plan->other_campaign = insert (document, "campaign");
  set_text (document, "campaign", plan->other_campaign, "name", "Other campaign");
  set_int (document, "campaign", plan->other_campaign, "ta_segment_id", plan->other_segment);

  plan->objective = insert (document, "objective");
  set_text (document, "objective", plan->objective, "title", "Lead the smart feeder category");
  set_int (document, "objective", plan->objective, "owner_id", plan->owner);
  set_int (document, "objective", plan->objective, "year", 2027);
  plan->other_objective = insert (document, "objective");
  set_text (document, "objective", plan->other_objective, "title", "Other objective");
  set_int (document, "objective", plan->other_objective, "owner_id", plan->other_member);

  plan->initiative = insert (document, "initiative");
  set_text (document, "initiative", plan->initiative, "description", "Build a brand R&D team");
  set_text (document, "initiative", plan->initiative, "time_frame", "6 months");
  set_int (document, "initiative", plan->initiative, "owner_id", plan->owner);

  plan->band = insert (document, "price_band");
  set_text (document, "price_band", plan->band, "name", "Mid range");
  set_double (document, "price_band", plan->band, "min_price", 50);
  set_double (document, "price_band", plan->band, "max_price", 150);

  plan->product = insert (document, "product");
  set_text (document, "product", plan->product, "name", "Pet Feeder");
  set_int (document, "product", plan->product, "segment_id", plan->segment);
  set_int (document, "product", plan->product, "series_id", plan->series);
  set_int (document, "product", plan->product, "owner_id", plan->owner);
  set_double (document, "product", plan->product, "price", 99);
  set_text (document, "product", plan->product, "dev_start", "2027-01-01");
  set_text (document, "product", plan->product, "dev_complete", "2027-04-30");
  set_text (document, "product", plan->product, "launch_date", "2027-06-01");

  plan->lonely = insert (document, "product");
  set_text (document, "product", plan->lonely, "name", "Spare Part");

  g_assert_true (ipms_document_commit_edit (document, &error));
  g_assert_no_error (error);
}

void
trace_plan_clear (TracePlan *plan)
{
  if (plan->document != NULL)
    ipms_document_close (plan->document);
  g_clear_object (&plan->document);
}

void
trace_plan_set (TracePlan  *plan,
                const char *table,
                gint64      id,
                const char *column,
                const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipms_document_begin_edit (plan->document, "Change", NULL, &error));
  set_text (plan->document, table, id, column, value);
  g_assert_true (ipms_document_commit_edit (plan->document, &error));
  g_assert_no_error (error);
}
