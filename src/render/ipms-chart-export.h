/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "ipms-chart.h"
#include "ipms-document.h"
#include "ipms-file-writer.h"

G_BEGIN_DECLS

/* ipms-export-task.h: an export running in a worker, which the exporters
 * tell how far they are and ask whether to stop. */
typedef struct _IpmsExportTask IpmsExportTask;

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
 * legible. Every chart export (the command line and the export dialogs)
 * goes through here: the file is written to a temporary sibling, flushed to
 * the disk and renamed over `path` only when whole; on any error the old
 * file is left as it was, no temporary file is left behind, and the message
 * says when the disk is full or the file size limit was reached. */
gboolean            ipms_chart_export         (IpmsChart               *chart,
                                               const char              *path,
                                               const IpmsExportOptions *options,
                                               GError                 **error);
/* The same, for an export run by `task` (NULL for none): cancelling it
 * leaves no file. */
gboolean            ipms_chart_export_full    (IpmsChart               *chart,
                                               const char              *path,
                                               const IpmsExportOptions *options,
                                               IpmsExportTask          *task,
                                               GError                 **error);

/* What cairo writes an export to (a stream surface's write function and
 * its closure): an IpmsFileWriter that keeps the first write error, which
 * cairo itself reports only as a vague status, and for some surfaces not
 * at all. */
typedef struct
{
  IpmsFileWriter *writer;
  GError         *error;
} IpmsExportSink;

cairo_status_t      ipms_export_sink_write    (void                    *closure,
                                               const unsigned char     *data,
                                               unsigned int             length);
/* Checks a cairo status after painting or finishing a surface: the sink's
 * own error wins over cairo's vaguer one. */
gboolean            ipms_export_sink_check    (IpmsExportSink          *sink,
                                               cairo_status_t           status,
                                               const char              *path,
                                               GError                 **error);

G_END_DECLS
