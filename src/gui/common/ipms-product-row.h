/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-record.h"

G_BEGIN_DECLS

/*
 * One product in a list of products waiting to go on a chart (the
 * panorama's palette, the timelines' unscheduled tray): the grade badge,
 * in the grade's chart colour where the chart colours grades (the
 * panorama, the new product chart) and outlined where it colours series
 * (the roadmap), the name
 * and the price below it. The row
 * follows the product's "changed" signal and keeps its accessible name
 * ("Pet Feeder Mini, grade S") up to date.
 *
 * Dragging stays with each list: the two lists drop on different canvases
 * with different content and actions.
 */
#define IPMS_TYPE_PRODUCT_ROW (ipms_product_row_get_type ())

G_DECLARE_FINAL_TYPE (IpmsProductRow, ipms_product_row, IPMS, PRODUCT_ROW, GtkWidget)

GtkWidget  *ipms_product_row_new               (void);
IpmsRecord *ipms_product_row_get_product       (IpmsProductRow *self);
void        ipms_product_row_set_product       (IpmsProductRow *self,
                                                IpmsRecord     *product);
const char *ipms_product_row_get_currency      (IpmsProductRow *self);
void        ipms_product_row_set_currency      (IpmsProductRow *self,
                                                const char     *currency);
gboolean    ipms_product_row_get_colored_badge (IpmsProductRow *self);
void        ipms_product_row_set_colored_badge (IpmsProductRow *self,
                                                gboolean        colored_badge);

G_END_DECLS
