/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * A small plan for the traceability tests. "Pet Feeder" is linked to
 * everything: the segment "Young adults · Convenience" (core, two ranked
 * needs), the series "AutoCare", the campaign "Spring Launch" aimed at its
 * segment, its owner Li Wei's objective and initiative, the panorama, the
 * new product chart and the roadmap inside the band "Mid range". "Spare
 * Part" is linked to nothing. "Other campaign", "Other objective" and the
 * second segment are there to be left out.
 */
typedef struct
{
  IpmsDocument *document;
  gint64        x_item;
  gint64        y_item;
  gint64        segment;
  gint64        other_segment;
  gint64        need_first;
  gint64        need_second;
  gint64        series;
  gint64        owner;
  gint64        other_member;
  gint64        campaign;
  gint64        other_campaign;
  gint64        objective;
  gint64        other_objective;
  gint64        initiative;
  gint64        band;
  gint64        product;
  gint64        lonely;
} TracePlan;

void   trace_plan_build (TracePlan    *plan);
void   trace_plan_clear (TracePlan    *plan);

/* One edit step setting a text column. */
void   trace_plan_set   (TracePlan    *plan,
                         const char   *table,
                         gint64        id,
                         const char   *column,
                         const char   *value);

G_END_DECLS
