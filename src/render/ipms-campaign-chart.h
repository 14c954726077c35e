/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-chart.h"
#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * The key campaigns (关键战役) of the one-year plan as a strip of bars over
 * the plan's year: the twelve months across, one row per campaign with a
 * bar from its start to its end (cut to the year) and its name. Campaigns
 * without both dates, or outside the year, are left out and counted under
 * the strip.
 *
 * The chart reads the document when it is measured and painted, and emits
 * "changed" after an edit, undo or redo that touches the campaigns or the
 * plan year.
 */

#define IPMS_TYPE_CAMPAIGN_CHART (ipms_campaign_chart_get_type ())

G_DECLARE_FINAL_TYPE (IpmsCampaignChart, ipms_campaign_chart, IPMS, CAMPAIGN_CHART, GObject)

IpmsCampaignChart *ipms_campaign_chart_new (IpmsDocument *document);

G_END_DECLS
