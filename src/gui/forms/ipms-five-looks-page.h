/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-form-page.h"

G_BEGIN_DECLS

#define IPMS_TYPE_FIVE_LOOKS_PAGE (ipms_five_looks_page_get_type ())

G_DECLARE_FINAL_TYPE (IpmsFiveLooksPage, ipms_five_looks_page, IPMS, FIVE_LOOKS_PAGE, IpmsFormPage)

/* Five looks and three decisions (五看三定): the macro environment, the
 * industry, the customers, the competition (a table of competitors) and
 * yourself; the strategy, targets and plan decided from them; the brand's
 * mission, vision, intent, ultimate value and technology direction. */
extern const IpmsFormSpec ipms_five_looks_spec;

G_END_DECLS
