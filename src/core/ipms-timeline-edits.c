/* ipms-timeline-edits.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ipms-merge-key.h"
#include "ipms-timeline-edits.h"

static IpmsRecord *
lookup (IpmsDocument  *document,
        const char    *table,
        gint64         id,
        GError       **error)
{
  IpmsRecord *record = ipms_document_get_record (document, table, id);

  if (record == NULL)
    g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NO_SUCH_ROW,
                 "No %s with id %" G_GINT64_FORMAT, table, id);

  return record;
}

static guint32
get_day (IpmsRecord *record,
         const char *column)
{
  g_autoptr(GDate) date = ipms_record_dup_date (record, column);

  return date != NULL ? g_date_get_julian (date) : 0;
}

static gboolean
set_day (IpmsDocument  *document,
         gint64         product_id,
         const char    *column,
         guint32        day,
         GError       **error)
{
  char text[16];
  GDate date;

  if (day == 0)
    return ipms_document_set_null (document, "product", product_id, column, error);

  if (!g_date_valid_julian (day))
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_INVALID_VALUE,
                   "Day %u is not a valid date", day);
      return FALSE;
    }

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (&date),
              (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));

  return ipms_document_set_string (document, "product", product_id, column, text, error);
}

/* Ends the edit: committed when every change went in, else rolled back. */
static gboolean
finish (IpmsDocument  *document,
        gboolean       ok,
        GError       **error)
{
  if (!ok)
    {
      ipms_document_rollback_edit (document);
      return FALSE;
    }

  return ipms_document_commit_edit (document, error);
}

static gboolean
begin_product_edit (IpmsDocument  *document,
                    gint64         product_id,
                    const char    *format,
                    const char    *merge_key,
                    IpmsRecord   **product,
                    GError       **error)
{
  g_autofree char *label = NULL;

  *product = lookup (document, "product", product_id, error);
  if (*product == NULL)
    return FALSE;

  /* Every `format` is one of this file's translated literals, each with a
   * single %s, which the compiler cannot see through the parameter. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  label = g_strdup_printf (format, ipms_record_get_string (*product, "name"));
#pragma GCC diagnostic pop
  return ipms_document_begin_edit (document, label, merge_key, error);
}

static guint32
shift_day (guint32 day,
           int     days)
{
  if (day == 0)
    return 0;

  return (guint32) MAX (1, (gint64) day + days);
}

static gboolean
shift_dates (IpmsDocument  *document,
             IpmsRecord    *product,
             int            days,
             GError       **error)
{
  gint64 id = ipms_record_get_id (product);
  guint32 start = get_day (product, "dev_start");
  guint32 complete = get_day (product, "dev_complete");
  guint32 launch = get_day (product, "launch_date");

  return set_day (document, id, "dev_start", shift_day (start, days), error) &&
         set_day (document, id, "dev_complete", shift_day (complete, days), error) &&
         set_day (document, id, "launch_date", shift_day (launch, days), error);
}

gboolean
ipms_timeline_shift_product (IpmsDocument  *document,
                             gint64         product_id,
                             int            days,
                             const char    *merge_key,
                             GError       **error)
{
  IpmsRecord *product;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  /* Translators: undo label for moving a product's dates on the new product chart */
  if (!begin_product_edit (document, product_id, _("Shift “%s”"), merge_key, &product, error))
    return FALSE;

  return finish (document, shift_dates (document, product, days, error), error);
}

/* The segment on `layer` for the product: the one in its own preference
 * column when it has a segment, else the first of the layer's segments. */
static gint64
segment_on_layer (IpmsDocument *document,
                  IpmsRecord   *product,
                  gint64        layer)
{
  g_autoptr(GPtrArray) segments = ipms_document_query (document, "segment", "y_item_id", layer, NULL);
  IpmsRecord *current = NULL;
  gint64 best = 0;
  gint64 best_position = G_MAXINT64;

  if (!ipms_record_is_null (product, "segment_id"))
    current = ipms_document_get_record (document, "segment", ipms_record_get_int (product, "segment_id"));

  for (guint i = 0; i < segments->len; i++)
    {
      IpmsRecord *segment = g_ptr_array_index (segments, i);
      gint64 x_item = ipms_record_get_int (segment, "x_item_id");
      IpmsRecord *column = ipms_document_get_record (document, "axis_item", x_item);
      gint64 position = column != NULL ? ipms_record_get_int (column, "position") : G_MAXINT64 - 1;

      if (current != NULL && x_item == ipms_record_get_int (current, "x_item_id"))
        return ipms_record_get_id (segment);

      if (position < best_position)
        {
          best = ipms_record_get_id (segment);
          best_position = position;
        }
    }

  return best;
}

gboolean
ipms_timeline_move_product_to_lane (IpmsDocument  *document,
                                    gint64         product_id,
                                    int            days,
                                    gboolean       by_series,
                                    gint64         lane_id,
                                    GError       **error)
{
  IpmsRecord *product;
  gboolean ok;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  /* Translators: undo label for moving a product on the new product chart,
   * in time and to another lane */
  if (!begin_product_edit (document, product_id, _("Move “%s”"), NULL, &product, error))
    return FALSE;

  ok = shift_dates (document, product, days, error);
  if (ok && by_series)
    {
      if (lane_id == 0)
        ok = ipms_document_set_null (document, "product", product_id, "series_id", error);
      else
        ok = ipms_document_set_int (document, "product", product_id, "series_id", lane_id, error);
    }
  else if (ok)
    {
      gint64 segment = lane_id != 0 ? segment_on_layer (document, product, lane_id) : 0;

      if (lane_id != 0 && segment == 0)
        {
          g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_INVALID_VALUE,
                       _("The population layer has no segment to place the product in"));
          ok = FALSE;
        }
      else if (segment == 0)
        ok = ipms_document_set_null (document, "product", product_id, "segment_id", error);
      else if (segment != ipms_record_get_int (product, "segment_id"))
        ok = ipms_document_set_int (document, "product", product_id, "segment_id", segment, error);
    }

  return finish (document, ok, error);
}

static gboolean
set_one_date (IpmsDocument  *document,
              gint64         product_id,
              const char    *column,
              guint32        day,
              const char    *format,
              const char    *merge_key,
              GError       **error)
{
  IpmsRecord *product;

  if (!begin_product_edit (document, product_id, format, merge_key, &product, error))
    return FALSE;

  return finish (document, set_day (document, product_id, column, day, error), error);
}

gboolean
ipms_timeline_set_dev_start (IpmsDocument  *document,
                             gint64         product_id,
                             guint32        day,
                             const char    *merge_key,
                             GError       **error)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  return set_one_date (document, product_id, "dev_start", day,
                       /* Translators: undo label */
                       _("Change development start of “%s”"), merge_key, error);
}

gboolean
ipms_timeline_set_dev_complete (IpmsDocument  *document,
                                gint64         product_id,
                                guint32        day,
                                const char    *merge_key,
                                GError       **error)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  return set_one_date (document, product_id, "dev_complete", day,
                       /* Translators: undo label */
                       _("Change development completion of “%s”"), merge_key, error);
}

gboolean
ipms_timeline_set_launch (IpmsDocument  *document,
                          gint64         product_id,
                          guint32        day,
                          const char    *merge_key,
                          GError       **error)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  return set_one_date (document, product_id, "launch_date", day,
                       /* Translators: undo label */
                       _("Move launch of “%s”"), merge_key, error);
}

double
ipms_timeline_get_price_step (IpmsDocument *document)
{
  IpmsRecord *project;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), 0);

  project = ipms_document_get_project (document);
  if (project == NULL || ipms_record_is_null (project, "price_step"))
    return 0;

  return ipms_record_get_double (project, "price_step");
}

double
ipms_timeline_snap_price (IpmsDocument *document,
                          double        price)
{
  double step = ipms_timeline_get_price_step (document);

  if (step > 0)
    price = round (price / step) * step;
  else
    price = round (price * 100) / 100;

  return MAX (0.0, price);
}

gboolean
ipms_timeline_set_price_step (IpmsDocument  *document,
                              double         step,
                              GError       **error)
{
  IpmsRecord *project;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  project = ipms_document_get_project (document);
  if (project == NULL)
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NO_SUCH_ROW, "The project row is missing");
      return FALSE;
    }

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, MAX (0.0, step));

  return ipms_document_edit_value (document,
                                   /* Translators: undo label */
                                   _("Change the price step"), "timeline:price-step",
                                   "project", ipms_record_get_id (project), "price_step", &value, error);
}

gboolean
ipms_timeline_move_marker (IpmsDocument  *document,
                           gint64         product_id,
                           guint32        launch,
                           double         price,
                           const char    *merge_key,
                           GError       **error)
{
  IpmsRecord *product;
  gboolean ok;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  /* Translators: undo label for dragging a product on the roadmap (launch date and price) */
  if (!begin_product_edit (document, product_id, _("Move “%s” on the roadmap"), merge_key, &product, error))
    return FALSE;

  /* A price left as it was is not snapped: moving only the date must not
   * round a price of 89 to 90. */
  if (ipms_record_is_null (product, "price") || price != ipms_record_get_double (product, "price"))
    price = ipms_timeline_snap_price (document, price);

  ok = set_day (document, product_id, "launch_date", launch, error) &&
       ipms_document_set_double (document, "product", product_id, "price", price, error);

  return finish (document, ok, error);
}

gboolean
ipms_timeline_schedule_product (IpmsDocument  *document,
                                gint64         product_id,
                                guint32        dev_start,
                                guint32        dev_complete,
                                guint32        launch,
                                double         price,
                                GError       **error)
{
  IpmsRecord *product;
  gboolean ok = TRUE;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  /* Translators: undo label for dragging an unscheduled product onto a chart */
  if (!begin_product_edit (document, product_id, _("Schedule “%s”"), NULL, &product, error))
    return FALSE;

  if (ok && dev_start != 0)
    ok = set_day (document, product_id, "dev_start", dev_start, error);
  if (ok && dev_complete != 0)
    ok = set_day (document, product_id, "dev_complete", dev_complete, error);
  if (ok && launch != 0)
    ok = set_day (document, product_id, "launch_date", launch, error);
  if (ok && price >= 0)
    ok = ipms_document_set_double (document, "product", product_id, "price",
                                   ipms_timeline_snap_price (document, price), error);

  return finish (document, ok, error);
}

gboolean
ipms_timeline_set_band_boundary (IpmsDocument  *document,
                                 gint64         band_id,
                                 gboolean       upper,
                                 double         price,
                                 GError       **error)
{
  IpmsRecord *band;
  g_autofree char *label = NULL;
  double other;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  band = lookup (document, "price_band", band_id, error);
  if (band == NULL)
    return FALSE;

  price = ipms_timeline_snap_price (document, price);
  other = ipms_record_get_double (band, upper ? "min_price" : "max_price");
  price = upper ? MAX (price, other) : MIN (price, other);

  /* Translators: undo label; %s is the price band's name, e.g. "Premium" */
  label = g_strdup_printf (_("Change price band “%s”"), ipms_record_get_string (band, "name"));
  if (!ipms_document_begin_edit (document, label, NULL, error))
    return FALSE;

  return finish (document,
                 ipms_document_set_double (document, "price_band", band_id,
                                           upper ? "max_price" : "min_price", price, error),
                 error);
}

gint64
ipms_timeline_add_price_band (IpmsDocument  *document,
                              const char    *name,
                              double         min_price,
                              double         max_price,
                              GError       **error)
{
  g_autofree char *label = NULL;
  gint64 id;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (name != NULL, 0);

  /* Translators: undo label; %s is the new price band's name */
  label = g_strdup_printf (_("Add price band “%s”"), name);
  if (!ipms_document_begin_edit (document, label, NULL, error))
    return 0;

  id = ipms_document_insert (document, "price_band", 0, NULL, error);
  if (id == 0 ||
      !ipms_document_set_string (document, "price_band", id, "name", name, error) ||
      !ipms_document_set_double (document, "price_band", id, "min_price",
                                 ipms_timeline_snap_price (document, MIN (min_price, max_price)), error) ||
      !ipms_document_set_double (document, "price_band", id, "max_price",
                                 ipms_timeline_snap_price (document, MAX (min_price, max_price)), error))
    {
      ipms_document_rollback_edit (document);
      return 0;
    }

  return ipms_document_commit_edit (document, error) ? id : 0;
}

gboolean
ipms_timeline_rename_price_band (IpmsDocument  *document,
                                 gint64         band_id,
                                 const char    *name,
                                 GError       **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *merge_key = NULL;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  if (lookup (document, "price_band", band_id, error) == NULL)
    return FALSE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, name);
  /* One step per typing burst in the name field. */
  merge_key = ipms_merge_key ("price_band", band_id, "name");

  return ipms_document_edit_value (document,
                                   /* Translators: undo label */
                                   _("Rename price band"), merge_key,
                                   "price_band", band_id, "name", &value, error);
}

gboolean
ipms_timeline_remove_price_band (IpmsDocument  *document,
                                 gint64         band_id,
                                 GError       **error)
{
  IpmsRecord *band;
  g_autofree char *label = NULL;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  band = lookup (document, "price_band", band_id, error);
  if (band == NULL)
    return FALSE;

  /* Translators: undo label; %s is the price band's name */
  label = g_strdup_printf (_("Remove price band “%s”"), ipms_record_get_string (band, "name"));
  if (!ipms_document_begin_edit (document, label, NULL, error))
    return FALSE;

  return finish (document, ipms_document_delete (document, "price_band", band_id, error), error);
}

static int
compare_bands (gconstpointer a,
               gconstpointer b)
{
  IpmsRecord *ra = *(IpmsRecord **) a, *rb = *(IpmsRecord **) b;
  double a_min = ipms_record_get_double (ra, "min_price"), b_min = ipms_record_get_double (rb, "min_price");
  double a_max = ipms_record_get_double (ra, "max_price"), b_max = ipms_record_get_double (rb, "max_price");

  if (a_min != b_min)
    return a_min < b_min ? -1 : 1;
  if (a_max != b_max)
    return a_max < b_max ? -1 : 1;
  return ipms_record_get_id (ra) < ipms_record_get_id (rb) ? -1 : ipms_record_get_id (ra) > ipms_record_get_id (rb);
}

GArray *
ipms_timeline_check_price_bands (IpmsDocument *document)
{
  g_autoptr(GPtrArray) bands = NULL;
  GArray *issues;
  IpmsRecord *reach = NULL;     /* the band reaching highest so far */

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  issues = g_array_new (FALSE, FALSE, sizeof (IpmsBandIssue));
  bands = ipms_document_query (document, "price_band", NULL, 0, NULL);
  g_ptr_array_sort (bands, compare_bands);

  /* Each band against the highest reach of those before it, so that a band
   * inside another counts as an overlap too, not only neighbours. */
  for (guint i = 0; i < bands->len; i++)
    {
      IpmsRecord *band = g_ptr_array_index (bands, i);
      double lo = ipms_record_get_double (band, "min_price");
      double hi = ipms_record_get_double (band, "max_price");

      if (reach != NULL)
        {
          double reach_hi = ipms_record_get_double (reach, "max_price");
          IpmsBandIssue issue = { 0 };

          issue.lower_id = ipms_record_get_id (reach);
          issue.upper_id = ipms_record_get_id (band);
          if (lo < reach_hi)
            {
              issue.kind = IPMS_BAND_ISSUE_OVERLAP;
              issue.from = lo;
              issue.to = MIN (hi, reach_hi);
              g_array_append_val (issues, issue);
            }
          /* 49.99 then 50 is no gap: prices are in cents. */
          else if (lo > reach_hi + 0.01 + 1e-9)
            {
              issue.kind = IPMS_BAND_ISSUE_GAP;
              issue.from = reach_hi;
              issue.to = lo;
              g_array_append_val (issues, issue);
            }
        }

      if (reach == NULL || hi > ipms_record_get_double (reach, "max_price"))
        reach = band;
    }

  return issues;
}

static char *
format_amount (double value)
{
  if (fabs (value - round (value)) < 0.005)
    return g_strdup_printf ("%.0f", value);

  return g_strdup_printf ("%.2f", value);
}

char *
ipms_timeline_describe_band_issue (IpmsDocument        *document,
                                   const IpmsBandIssue *issue)
{
  IpmsRecord *lower, *upper;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (issue != NULL, NULL);

  lower = ipms_document_get_record (document, "price_band", issue->lower_id);
  upper = ipms_document_get_record (document, "price_band", issue->upper_id);
  if (lower == NULL || upper == NULL)
    return NULL;

  from = format_amount (issue->from);
  to = format_amount (issue->to);
  if (issue->kind == IPMS_BAND_ISSUE_OVERLAP)
    /* Translators: a warning in the price band editor; the two %s first are
     * band names, then the two prices between which they overlap */
    return g_strdup_printf (_("“%s” and “%s” overlap from %s to %s"),
                            ipms_record_get_string (lower, "name"), ipms_record_get_string (upper, "name"),
                            from, to);

  /* Translators: a warning in the price band editor; the two %s first are
   * band names, then the prices of the gap that no band covers */
  return g_strdup_printf (_("No band covers %3$s to %4$s, between “%1$s” and “%2$s”"),
                          ipms_record_get_string (lower, "name"), ipms_record_get_string (upper, "name"),
                          from, to);
}

gboolean
ipms_timeline_unschedule_product (IpmsDocument  *document,
                                  gint64         product_id,
                                  gboolean       roadmap,
                                  GError       **error)
{
  IpmsRecord *product;
  gboolean ok;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  /* Translators: undo label for taking a product off a timeline chart */
  if (!begin_product_edit (document, product_id, _("Take “%s” off the chart"), NULL, &product, error))
    return FALSE;

  ok = set_day (document, product_id, "launch_date", 0, error);
  if (ok && !roadmap)
    ok = set_day (document, product_id, "dev_start", 0, error) &&
         set_day (document, product_id, "dev_complete", 0, error);

  return finish (document, ok, error);
}

gboolean
ipms_timeline_delete_product (IpmsDocument  *document,
                              gint64         product_id,
                              GError       **error)
{
  IpmsRecord *product;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  /* Translators: undo label for deleting a product */
  if (!begin_product_edit (document, product_id, _("Delete “%s”"), NULL, &product, error))
    return FALSE;

  return finish (document, ipms_document_delete (document, "product", product_id, error), error);
}
