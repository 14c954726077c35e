/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-baseline.h"
#include "ipms-chart.h"
#include "ipms-document.h"
#include "ipms-slide-private.h"

G_BEGIN_DECLS

/* The blocks (IpmsSlideBlock*, owned) of a slide of `kind`, read from the
 * live document, and its title in *title. `chart` is the chart that chart
 * kinds show; `comparison` (may be NULL) is what "What changed" lists. */
GPtrArray *ipms_slide_content_build (IpmsDocument            *document,
                                     IpmsSlideKind            kind,
                                     gint64                   product_id,
                                     IpmsChart               *chart,
                                     IpmsBaselineComparison  *comparison,
                                     char                   **title);

/* The chart kind ("panorama", …) a slide kind shows, or NULL. */
const char *ipms_slide_kind_get_chart (IpmsSlideKind kind);

/* One line of "What changed": "Launch 3 weeks later (…)". */
char       *ipms_slide_describe_change (IpmsDocument      *document,
                                        const IpmsChange  *change);

G_END_DECLS
