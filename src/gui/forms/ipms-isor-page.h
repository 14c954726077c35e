/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-form-page.h"

G_BEGIN_DECLS

#define IPMS_TYPE_ISOR_PAGE (ipms_isor_page_get_type ())

G_DECLARE_FINAL_TYPE (IpmsIsorPage, ipms_isor_page, IPMS, ISOR_PAGE, IpmsFormPage)

/* ISOR (内观): the gaps (insight), the initiatives that answer them
 * (strategy), the objectives with their key results (OKR) and the monthly
 * review log. */
extern const IpmsFormSpec ipms_isor_spec;

G_END_DECLS
