/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * Traceability: where one product stands in the plan, read from the
 * document's live records (no SQL of its own, so it sees exactly what the
 * views see, edits in progress included).
 *
 * A product serves one segment (a cell of the population grid) and belongs
 * to one series; the campaigns aimed at its segment, the objectives and
 * initiatives its owner carries, and its places on the three charts follow
 * from those links. An IpmsTrace is a snapshot: views rebuild it on the
 * document's "changes-done" and "reloaded".
 */

typedef enum
{
  IPMS_TRACE_WARNING_NONE              = 0,
  /* The product is in no segment: nothing says whom it is for. */
  IPMS_TRACE_WARNING_NO_SEGMENT        = 1 << 0,
  /* It launches on or before the day its development completes. */
  IPMS_TRACE_WARNING_LAUNCH_BEFORE_DEV = 1 << 1,
} IpmsTraceWarnings;

typedef struct
{
  IpmsRecord        *product;
  IpmsTraceWarnings  warnings;

  /* Its segment with the grid's row (life stage) and column (preference)
   * and the segment's needs by rank; all NULL or empty without one. */
  IpmsRecord        *segment;
  IpmsRecord        *segment_x_item;
  IpmsRecord        *segment_y_item;
  GPtrArray         *needs;

  IpmsRecord        *series;         /* NULL without one */

  /* Campaigns whose target audience is the product's segment, by start
   * date. */
  GPtrArray         *campaigns;

  /* The product's owner (NULL without one) and what the owner carries in
   * ISOR: objectives by year, initiatives by time frame. */
  IpmsRecord        *owner;
  GPtrArray         *objectives;
  GPtrArray         *initiatives;

  /* The charts. On the panorama a product sits in its segment's cell; the
   * new product chart draws it once it has any development or launch
   * date, in the lane of its segment's row (`segment_y_item`) or of its
   * series; the roadmap once it has a launch date and a price, in
   * `price_band` when one covers its price (the first by lowest price). */
  gboolean           on_panorama;
  gboolean           on_new_products;
  gboolean           on_roadmap;
  IpmsRecord        *price_band;
} IpmsTrace;

/* The trace of `product_id`, or NULL when there is no such product. */
IpmsTrace *ipms_trace_new               (IpmsDocument *document,
                                         gint64        product_id);
void       ipms_trace_free              (IpmsTrace    *trace);

/* The name a user knows a segment by: its own name, else its grid cell
 * ("Young adults · Design-seeking"). */
char      *ipms_trace_dup_segment_title (IpmsDocument *document,
                                         IpmsRecord   *segment);

/* A sentence for the user about one warning flag of `trace`. */
char      *ipms_trace_describe_warning  (IpmsTrace         *trace,
                                         IpmsTraceWarnings  warning);

/* The other direction: the products of a segment (in their panorama
 * order) and of a series (by launch date), as IpmsRecords. */
GPtrArray *ipms_trace_segment_products  (IpmsDocument *document,
                                         gint64        segment_id);
GPtrArray *ipms_trace_series_products   (IpmsDocument *document,
                                         gint64        series_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpmsTrace, ipms_trace_free)

G_END_DECLS
