/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * The edits the new product chart and the roadmap make, each one named undo
 * step ("Shift “Pet Feeder Mini”"). Days are Julian day numbers as GDate
 * counts them; 0 leaves a date unset. `merge_key`, when not NULL, folds a
 * burst of keyboard nudges into one step (see ipms_document_begin_edit()).
 *
 * On failure nothing is changed and `error` says why.
 */

/* Moves development start, completion and launch by `days` together. */
gboolean ipms_timeline_shift_product         (IpmsDocument  *document,
                                              gint64         product_id,
                                              int            days,
                                              const char    *merge_key,
                                              GError       **error);
/* Shifts the product and puts it on another lane of the new product chart:
 * with `by_series` into series `lane_id`, else onto the population layer
 * (Y axis item) `lane_id` — in the segment of that layer with the product's
 * own X axis item when there is one. A lane_id of 0 is the lane of products
 * without a series (or without a segment). */
gboolean ipms_timeline_move_product_to_lane  (IpmsDocument  *document,
                                              gint64         product_id,
                                              int            days,
                                              gboolean       by_series,
                                              gint64         lane_id,
                                              GError       **error);
gboolean ipms_timeline_set_dev_start         (IpmsDocument  *document,
                                              gint64         product_id,
                                              guint32        day,
                                              const char    *merge_key,
                                              GError       **error);
gboolean ipms_timeline_set_dev_complete      (IpmsDocument  *document,
                                              gint64         product_id,
                                              guint32        day,
                                              const char    *merge_key,
                                              GError       **error);
gboolean ipms_timeline_set_launch            (IpmsDocument  *document,
                                              gint64         product_id,
                                              guint32        day,
                                              const char    *merge_key,
                                              GError       **error);
/* Launch date and price together; a changed price snaps to the project's step. */
gboolean ipms_timeline_move_marker           (IpmsDocument  *document,
                                              gint64         product_id,
                                              guint32        launch,
                                              double         price,
                                              const char    *merge_key,
                                              GError       **error);
/* Gives an unscheduled product its dates (and, when `price` >= 0, its
 * price, snapped) in one step named "Schedule “…”". */
gboolean ipms_timeline_schedule_product      (IpmsDocument  *document,
                                              gint64         product_id,
                                              guint32        dev_start,
                                              guint32        dev_complete,
                                              guint32        launch,
                                              double         price,
                                              GError       **error);

/* The roadmap's price step (0: prices do not snap). */
double   ipms_timeline_get_price_step        (IpmsDocument  *document);
gboolean ipms_timeline_set_price_step        (IpmsDocument  *document,
                                              double         step,
                                              GError       **error);
/* `price` rounded to the step, never below 0. */
double   ipms_timeline_snap_price            (IpmsDocument  *document,
                                              double         price);

/* Price bands. Boundaries snap to the price step; a boundary never passes
 * the band's other one. */
gboolean ipms_timeline_set_band_boundary     (IpmsDocument  *document,
                                              gint64         band_id,
                                              gboolean       upper,
                                              double         price,
                                              GError       **error);
gint64   ipms_timeline_add_price_band        (IpmsDocument  *document,
                                              const char    *name,
                                              double         min_price,
                                              double         max_price,
                                              GError       **error);
gboolean ipms_timeline_rename_price_band     (IpmsDocument  *document,
                                              gint64         band_id,
                                              const char    *name,
                                              GError       **error);
gboolean ipms_timeline_remove_price_band     (IpmsDocument  *document,
                                              gint64         band_id,
                                              GError       **error);

/* Where the price bands, taken in order of their lowest price, overlap or
 * leave a gap: the roadmap and its band scale read best with bands that
 * follow each other. Each issue names the two bands and the prices between
 * which they overlap, or which neither covers (more than a cent: a band
 * ending at 49.99 and the next starting at 50 follow each other). */
typedef enum
{
  IPMS_BAND_ISSUE_OVERLAP,
  IPMS_BAND_ISSUE_GAP,
} IpmsBandIssueKind;

typedef struct
{
  IpmsBandIssueKind kind;
  gint64            lower_id;   /* the band that starts first */
  gint64            upper_id;
  double            from;
  double            to;
} IpmsBandIssue;

/* An array of IpmsBandIssue, empty when the bands follow each other. */
GArray  *ipms_timeline_check_price_bands     (IpmsDocument        *document);
/* A sentence for the user naming the bands and prices of `issue`. */
char    *ipms_timeline_describe_band_issue   (IpmsDocument        *document,
                                              const IpmsBandIssue *issue);

/* Takes a product off the chart: on the new product chart its development
 * and launch dates are cleared, on the roadmap its launch date; it waits
 * in the tray again. One undo step. */
gboolean ipms_timeline_unschedule_product    (IpmsDocument  *document,
                                              gint64         product_id,
                                              gboolean       roadmap,
                                              GError       **error);
/* Deletes the product with its PRD; one undo step. */
gboolean ipms_timeline_delete_product        (IpmsDocument  *document,
                                              gint64         product_id,
                                              GError       **error);

G_END_DECLS
