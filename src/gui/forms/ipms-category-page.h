/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-form-page.h"

G_BEGIN_DECLS

#define IPMS_TYPE_CATEGORY_PAGE (ipms_category_page_get_type ())

G_DECLARE_FINAL_TYPE (IpmsCategoryPage, ipms_category_page, IPMS, CATEGORY_PAGE, IpmsFormPage)

/* Understanding the category (理解品类): the product group, its size and
 * growth, and the sub-categories with the CM's decision to continue, pause or
 * enter them. */
extern const IpmsFormSpec ipms_category_spec;

G_END_DECLS
