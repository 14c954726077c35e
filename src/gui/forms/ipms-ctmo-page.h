/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-form-page.h"

G_BEGIN_DECLS

#define IPMS_TYPE_CTMO_PAGE (ipms_ctmo_page_get_type ())

G_DECLARE_FINAL_TYPE (IpmsCtmoPage, ipms_ctmo_page, IPMS, CTMO_PAGE, IpmsFormPage)

/* CTMO (外观): consumer (with the regions table), technology, market (with
 * the suppliers and channels tables) and organisation. */
extern const IpmsFormSpec ipms_ctmo_spec;

G_END_DECLS
