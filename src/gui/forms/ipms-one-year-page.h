/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-form-page.h"

G_BEGIN_DECLS

#define IPMS_TYPE_ONE_YEAR_PAGE (ipms_one_year_page_get_type ())

G_DECLARE_FINAL_TYPE (IpmsOneYearPage, ipms_one_year_page, IPMS, ONE_YEAR_PAGE, IpmsFormPage)

/* The one-year plan (一年规划): the plan year with its net revenue and gross
 * margin targets; the key campaigns (关键战役) with their target audience,
 * 4P plan and what they need from IPD, IPC, ISC and IEA, as a table and as
 * a strip of bars over the year (IpmsCampaignChart); and the headcount, P&L
 * and budget lines with the total of each kind for the plan year. */
extern const IpmsFormSpec ipms_one_year_spec;

GtkWidget  *ipms_one_year_page_get_strip      (IpmsOneYearPage *self);
/* The total shown for a plan line kind ("hc", "pnl", "budget"). */
const char *ipms_one_year_page_get_total_text (IpmsOneYearPage *self,
                                               const char      *kind);

G_END_DECLS
