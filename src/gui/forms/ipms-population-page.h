/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-form-page.h"

G_BEGIN_DECLS

#define IPMS_TYPE_POPULATION_PAGE (ipms_population_page_get_type ())

G_DECLARE_FINAL_TYPE (IpmsPopulationPage, ipms_population_page, IPMS, POPULATION_PAGE, IpmsFormPage)

/* Population and positioning (人群及定位): the segments of the population
 * grid (the panorama's own records) with their role, the ranked needs of a
 * segment (M) and the competitor gap, the unique value proposition (U) and
 * the selling support (S), and the product series with the segments each
 * one serves. */
extern const IpmsFormSpec ipms_population_spec;

/* The choice of the segments' order (an AdwComboRow), for tests. */
GtkWidget *ipms_population_page_get_sort_row (IpmsPopulationPage *self);

G_END_DECLS
