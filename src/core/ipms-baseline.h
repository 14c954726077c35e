/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * Review baselines: "Mark as reviewed" keeps a named, dated snapshot of the
 * parts of the plan a review compares (products, segments, targets) inside
 * the project file, outside the undo history, and "Compare with" lists what
 * changed since. A snapshot is a compressed GVariant read only when compared,
 * so baselines cost nothing when the file is opened.
 */

/* The view-state key naming the baseline the views compare with ("What
 * Changed", the deck's slide, the timeline charts' ghosts). */
#define IPMS_REVIEW_BASELINE_KEY "review.baseline"

typedef struct
{
  gint64  id;
  char   *name;
  char   *created;   /* ISO 8601 date and time, UTC */
} IpmsBaselineInfo;

void       ipms_baseline_info_free   (IpmsBaselineInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpmsBaselineInfo, ipms_baseline_info_free)

/* Newest first. Free with g_ptr_array_unref(). */
GPtrArray *ipms_baseline_list        (IpmsDocument  *document,
                                      GError       **error);
/* Returns the new baseline's id, or 0 with `error` set. A blank name is refused. */
gint64     ipms_baseline_store       (IpmsDocument  *document,
                                      const char    *name,
                                      GError       **error);
gboolean   ipms_baseline_remove      (IpmsDocument  *document,
                                      gint64         id,
                                      GError       **error);
/* The newest baseline of that name, or 0. */
gint64     ipms_baseline_find        (IpmsDocument  *document,
                                      const char    *name);

typedef enum
{
  IPMS_CHANGE_PRODUCT_ADDED,
  IPMS_CHANGE_PRODUCT_REMOVED,
  IPMS_CHANGE_PRODUCT_MOVED,         /* to another segment; texts are the segments */
  IPMS_CHANGE_PRODUCT_LAUNCH,        /* launch date; `weeks` is the shift */
  IPMS_CHANGE_PRODUCT_DEVELOPMENT,   /* development span; `weeks` is the shift of its start or end */
  IPMS_CHANGE_PRODUCT_PRICE,
  IPMS_CHANGE_PRODUCT_COST,
  IPMS_CHANGE_PRODUCT_GRADE,
  IPMS_CHANGE_PRODUCT_STATUS,
  IPMS_CHANGE_SEGMENT_SIZE,
  IPMS_CHANGE_SEGMENT_ROLE,
  IPMS_CHANGE_TARGET,                /* `field` names the target column */
} IpmsChangeKind;

typedef struct
{
  IpmsChangeKind  kind;
  gint64          id;          /* product, segment or yearly target; 0 for the project's targets */
  char           *subject;     /* product or segment name, or the target's year and series */
  const char     *field;       /* schema column, for targets */
  char           *before;      /* text of the old value ("" when none) */
  char           *after;
  double          old_number;  /* numbers of prices, costs, sizes and targets (NAN when unset) */
  double          new_number;
  int             weeks;
} IpmsChange;

typedef struct _IpmsBaselineComparison IpmsBaselineComparison;

/* Compares the plan with baseline `id` now. NULL with `error` set when the
 * baseline is gone or its snapshot cannot be read. */
IpmsBaselineComparison *ipms_baseline_compare               (IpmsDocument            *document,
                                                             gint64                   id,
                                                             GError                 **error);
void                    ipms_baseline_comparison_free       (IpmsBaselineComparison  *comparison);
const char             *ipms_baseline_comparison_get_name   (IpmsBaselineComparison  *comparison);
const char             *ipms_baseline_comparison_get_created (IpmsBaselineComparison *comparison);
/* In a stable order: products by name, then segments, then targets. */
guint                   ipms_baseline_comparison_get_n_changes (IpmsBaselineComparison *comparison);
const IpmsChange       *ipms_baseline_comparison_get_change (IpmsBaselineComparison  *comparison,
                                                             guint                    index);
/* A product's dates and price in the baseline, for ghosts on the timeline
 * charts; FALSE when the product is not in it. Dates are "" when unset. */
gboolean                ipms_baseline_comparison_lookup_product (IpmsBaselineComparison *comparison,
                                                                 gint64                  product_id,
                                                                 const char            **launch_date,
                                                                 const char            **dev_start,
                                                                 const char            **dev_complete,
                                                                 double                 *price);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpmsBaselineComparison, ipms_baseline_comparison_free)

G_END_DECLS
