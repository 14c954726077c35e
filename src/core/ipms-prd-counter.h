/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-document.h"
#include "ipms-products.h"

G_BEGIN_DECLS

#define IPMS_TYPE_PRD_COUNTER (ipms_prd_counter_get_type ())

G_DECLARE_FINAL_TYPE (IpmsPrdCounter, ipms_prd_counter, IPMS, PRD_COUNTER, GObject)

/*
 * The PRD rows every product owns, counted once for the whole plan and kept
 * up to date from the document's notifications, so that a list of 10,000
 * products can show and sort by each one's PRD completeness without a query
 * per row. It reads the tables once when made and again on "reloaded".
 *
 * Signal "changed" (gint64 product_id): a PRD row of that product came,
 * went or changed, so its completeness may have; 0 means every product
 * (after "reloaded"). A change of the product's own fields, which count
 * too, is not told here: the product's record tells it (a list of
 * products shows and sorts the row again).
 */
IpmsPrdCounter *ipms_prd_counter_new          (IpmsDocument   *document);
/* The counts of a product (all zero for one without PRD rows). */
void            ipms_prd_counter_get_counts   (IpmsPrdCounter *self,
                                               gint64          product_id,
                                               IpmsPrdCounts  *counts);
/* Sections filled, out of IPMS_PRD_N_SECTIONS. */
guint           ipms_prd_counter_get_filled   (IpmsPrdCounter *self,
                                               IpmsRecord     *product);

G_END_DECLS
