/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-timeline-section.h"

G_BEGIN_DECLS

/*
 * The window's section for the new product chart (新品图): an IpmsTimelineSection of that kind.
 * Properties "document" and "selection", as the window sets them.
 */

#define IPMS_TYPE_NEW_PRODUCTS_PAGE (ipms_new_products_page_get_type ())

G_DECLARE_FINAL_TYPE (IpmsNewProductsPage, ipms_new_products_page, IPMS, NEW_PRODUCTS_PAGE, IpmsTimelineSection)

GtkWidget *ipms_new_products_page_new          (void);
/* The timeline page inside. */
GtkWidget *ipms_new_products_page_get_timeline (IpmsNewProductsPage *self);

G_END_DECLS
