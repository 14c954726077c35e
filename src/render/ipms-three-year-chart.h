/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-chart.h"
#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * The three-year plan (三年规划) as a chart: for each of the plan's three
 * years (the project's start year and the two after it), the sales target
 * of every series as a bar in the series' colour, and the gross margin
 * target drawn as a line over them against its own scale on the right. The
 * margin of a year is the product group's total target (the yearly target
 * without a series) when there is one, else the sales-weighted margin of
 * the series.
 *
 * The chart reads the document when it paints; it is small enough that
 * there is nothing to cache. After an edit, undo or redo that touches the
 * plan it emits "changed".
 */

#define IPMS_TYPE_THREE_YEAR_CHART (ipms_three_year_chart_get_type ())

G_DECLARE_FINAL_TYPE (IpmsThreeYearChart, ipms_three_year_chart, IPMS, THREE_YEAR_CHART, GObject)

IpmsThreeYearChart *ipms_three_year_chart_new (IpmsDocument *document);

G_END_DECLS
