/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-form-page.h"

G_BEGIN_DECLS

#define IPMS_TYPE_THREE_YEAR_PAGE (ipms_three_year_page_get_type ())

G_DECLARE_FINAL_TYPE (IpmsThreeYearPage, ipms_three_year_page, IPMS, THREE_YEAR_PAGE, IpmsFormPage)

/* The three-year plan (三年规划): the yearly targets of every series and of
 * the whole product group (sales, gross margin, ranking, brand awareness),
 * a grid of the series against the plan's three years with the totals of
 * each year, and the chart of sales by series with the margin
 * (IpmsThreeYearChart, which exports like the other charts). */
extern const IpmsFormSpec ipms_three_year_spec;

/* The chart shown on the page, for tests. */
GtkWidget *ipms_three_year_page_get_chart (IpmsThreeYearPage *self);
/* The text of a cell of the grid: row 0 is the years, column 0 the series,
 * then the sum of the series and the product group's target. */
const char *ipms_three_year_page_get_grid_text (IpmsThreeYearPage *self,
                                                 guint              column,
                                                 guint              row);

/* The field row of the grid for a series (0: the product group), a year
 * and a column of yearly_target ("sales", "margin", "ranking",
 * "brand_awareness"), or NULL. */
GtkWidget  *ipms_three_year_page_get_grid_field (IpmsThreeYearPage *self,
                                                 gint64             series_id,
                                                 int                year,
                                                 const char        *column);

G_END_DECLS
