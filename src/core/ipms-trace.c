/* ipms-trace.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ipms-format.h"
#include "ipms-trace.h"

/* The record a reference column points at, with a reference of its own, or
 * NULL when the column is NULL or names a missing row. */
static IpmsRecord *
dup_referenced (IpmsDocument *document,
                IpmsRecord   *record,
                const char   *column,
                const char   *table)
{
  gint64 id = ipms_record_get_int (record, column);
  IpmsRecord *target;

  if (id == IPMS_NULL_ID)
    return NULL;

  target = ipms_document_get_record (document, table, id);
  return target != NULL ? g_object_ref (target) : NULL;
}

/* Rows of `table` whose `column` is `id`; none for a NULL id (the query
 * would otherwise return the rows that reference nothing). */
static GPtrArray *
query_linked (IpmsDocument *document,
              const char   *table,
              const char   *column,
              gint64        id,
              const char   *sort_column)
{
  if (id == IPMS_NULL_ID)
    return g_ptr_array_new_with_free_func (g_object_unref);

  return ipms_document_query (document, table, column, id, sort_column);
}

/* Like the charts: a NULL or unreadable price (NaN) is no price. */
static gboolean
has_price (IpmsRecord *product)
{
  return !ipms_record_is_null (product, "price") && !isnan (ipms_record_get_double (product, "price"));
}

/* The first band, by lowest price, that covers the price; a band without
 * an upper price is open upwards. */
static IpmsRecord *
find_price_band (IpmsDocument *document,
                 double        price)
{
  g_autoptr(GPtrArray) bands = ipms_document_query (document, "price_band", NULL, 0, "min_price");

  for (guint i = 0; i < bands->len; i++)
    {
      IpmsRecord *band = g_ptr_array_index (bands, i);
      double min = ipms_record_is_null (band, "min_price") ? 0 : ipms_record_get_double (band, "min_price");

      if (price >= min &&
          (ipms_record_is_null (band, "max_price") || price <= ipms_record_get_double (band, "max_price")))
        return g_object_ref (band);
    }

  return NULL;
}

static gboolean
launch_before_dev_complete (IpmsRecord *product)
{
  g_autoptr(GDate) launch = ipms_record_dup_date (product, "launch_date");
  g_autoptr(GDate) complete = ipms_record_dup_date (product, "dev_complete");

  /* As the charts say it: launching the day development completes is
   * already too early. */
  return launch != NULL && complete != NULL && g_date_compare (launch, complete) <= 0;
}

IpmsTrace *
ipms_trace_new (IpmsDocument *document,
                gint64        product_id)
{
  IpmsRecord *product;
  IpmsTrace *trace;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  product = product_id != IPMS_NULL_ID ? ipms_document_get_record (document, "product", product_id) : NULL;
  if (product == NULL)
    return NULL;

  trace = g_new0 (IpmsTrace, 1);
  trace->product = g_object_ref (product);

  trace->segment = dup_referenced (document, product, "segment_id", "segment");
  if (trace->segment != NULL)
    {
      trace->segment_x_item = dup_referenced (document, trace->segment, "x_item_id", "axis_item");
      trace->segment_y_item = dup_referenced (document, trace->segment, "y_item_id", "axis_item");
    }
  trace->needs = query_linked (document, "need", "segment_id",
                               trace->segment != NULL ? ipms_record_get_id (trace->segment) : IPMS_NULL_ID,
                               "rank");
  trace->campaigns = query_linked (document, "campaign", "ta_segment_id",
                                   trace->segment != NULL ? ipms_record_get_id (trace->segment) : IPMS_NULL_ID,
                                   "start_date");

  trace->series = dup_referenced (document, product, "series_id", "series");

  trace->owner = dup_referenced (document, product, "owner_id", "member");
  trace->objectives = query_linked (document, "objective", "owner_id",
                                    trace->owner != NULL ? ipms_record_get_id (trace->owner) : IPMS_NULL_ID,
                                    "year");
  trace->initiatives = query_linked (document, "initiative", "owner_id",
                                     trace->owner != NULL ? ipms_record_get_id (trace->owner) : IPMS_NULL_ID,
                                     "time_frame");

  trace->on_panorama = trace->segment != NULL;
  trace->on_new_products = !ipms_record_is_null (product, "dev_start") ||
                           !ipms_record_is_null (product, "dev_complete") ||
                           !ipms_record_is_null (product, "launch_date");
  trace->on_roadmap = !ipms_record_is_null (product, "launch_date") && has_price (product);
  if (trace->on_roadmap)
    trace->price_band = find_price_band (document, ipms_record_get_double (product, "price"));

  if (trace->segment == NULL)
    trace->warnings |= IPMS_TRACE_WARNING_NO_SEGMENT;
  if (launch_before_dev_complete (product))
    trace->warnings |= IPMS_TRACE_WARNING_LAUNCH_BEFORE_DEV;

  return trace;
}

void
ipms_trace_free (IpmsTrace *trace)
{
  if (trace == NULL)
    return;

  g_clear_object (&trace->product);
  g_clear_object (&trace->segment);
  g_clear_object (&trace->segment_x_item);
  g_clear_object (&trace->segment_y_item);
  g_clear_pointer (&trace->needs, g_ptr_array_unref);
  g_clear_object (&trace->series);
  g_clear_pointer (&trace->campaigns, g_ptr_array_unref);
  g_clear_object (&trace->owner);
  g_clear_pointer (&trace->objectives, g_ptr_array_unref);
  g_clear_pointer (&trace->initiatives, g_ptr_array_unref);
  g_clear_object (&trace->price_band);
  g_free (trace);
}

char *
ipms_trace_dup_segment_title (IpmsDocument *document,
                              IpmsRecord   *segment)
{
  IpmsRecord *row, *column;
  const char *name;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (IPMS_IS_RECORD (segment), NULL);

  name = ipms_record_get_string (segment, "name");
  if (*name != '\0')
    return g_strdup (name);

  row = ipms_document_get_record (document, "axis_item", ipms_record_get_int (segment, "y_item_id"));
  column = ipms_document_get_record (document, "axis_item", ipms_record_get_int (segment, "x_item_id"));

  /* Translators: a segment without a name, called by its cell of the
   * population grid: life stage (row), then preference (column) */
  return g_strdup_printf (C_("segment", "%s · %s"),
                          row != NULL ? ipms_record_get_string (row, "label") : "?",
                          column != NULL ? ipms_record_get_string (column, "label") : "?");
}

char *
ipms_trace_describe_warning (IpmsTrace         *trace,
                             IpmsTraceWarnings  warning)
{
  g_return_val_if_fail (trace != NULL, NULL);

  switch (warning)
    {
    case IPMS_TRACE_WARNING_NO_SEGMENT:
      return g_strdup (_("This product serves no segment: place it on the panorama to say "
                         "whom it is for."));

    case IPMS_TRACE_WARNING_LAUNCH_BEFORE_DEV:
      {
        g_autofree char *launch = ipms_format_date_iso (ipms_record_get_string (trace->product, "launch_date"));
        g_autofree char *complete = ipms_format_date_iso (ipms_record_get_string (trace->product, "dev_complete"));

        /* Translators: two dates */
        return g_strdup_printf (_("It launches on %s, before its development completes on %s."),
                                launch, complete);
      }

    case IPMS_TRACE_WARNING_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

GPtrArray *
ipms_trace_segment_products (IpmsDocument *document,
                             gint64        segment_id)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  return query_linked (document, "product", "segment_id", segment_id, "cell_order");
}

GPtrArray *
ipms_trace_series_products (IpmsDocument *document,
                            gint64        series_id)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  return query_linked (document, "product", "series_id", series_id, "launch_date");
}
