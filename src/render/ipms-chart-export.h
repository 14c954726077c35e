/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-chart.h"
#include "ipms-document.h"

G_BEGIN_DECLS

typedef enum
{
  IPMS_PAGE_FIT,      /* the page is the chart's own size */
  IPMS_PAGE_A4,
  IPMS_PAGE_A3,
  IPMS_PAGE_SLIDE,    /* 16:9 */
} IpmsPageSize;

typedef struct
{
  IpmsPageSize page;
  gboolean     landscape;
  gboolean     dark;
  double       png_dpi;      /* PNG resolution at FIT: 96 = 1 px per unit; 0 means 192 */
} IpmsExportOptions;

/* The charts that --export-chart knows: "panorama", "new-products", "roadmap",
 * "three-year-plan". */
const char * const *ipms_chart_get_kinds      (void);
/* A chart of that kind bound to `document`, or NULL with an error naming the
 * known kinds. Timeline charts have "range-start" and "range-end" string
 * properties ("YYYY-MM-DD") that limit the date range drawn. */
IpmsChart          *ipms_chart_new_for_kind   (IpmsDocument            *document,
                                               const char              *kind,
                                               GError                 **error);
/* Writes PNG, SVG or PDF, chosen by the file name's extension. A page size
 * other than FIT scales the chart to fit the page with margins, keeping text
 * legible. The file is written to a temporary name and renamed at the end. */
gboolean            ipms_chart_export         (IpmsChart               *chart,
                                               const char              *path,
                                               const IpmsExportOptions *options,
                                               GError                 **error);

G_END_DECLS
