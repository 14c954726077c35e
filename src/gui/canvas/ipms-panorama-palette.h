/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-document.h"
#include "ipms-panorama-chart.h"
#include "ipms-selection.h"

G_BEGIN_DECLS

/*
 * The products not yet on the panorama, beside the grid. Rows are drag
 * sources (IpmsProductDrag) for the canvas; chips dropped back here are
 * taken off the panorama (the canvas checks for it). Activating a row emits
 * "open-product" (gint64 id).
 */

#define IPMS_TYPE_PANORAMA_PALETTE (ipms_panorama_palette_get_type ())

G_DECLARE_FINAL_TYPE (IpmsPanoramaPalette, ipms_panorama_palette, IPMS, PANORAMA_PALETTE, GtkWidget)

GtkWidget *ipms_panorama_palette_new       (void);
void       ipms_panorama_palette_set_model (IpmsPanoramaPalette *self,
                                            IpmsDocument        *document,
                                            IpmsSelection       *selection);
/* The chart whose chips the drag icons look like. */
void       ipms_panorama_palette_set_chart (IpmsPanoramaPalette *self,
                                            IpmsPanoramaChart   *chart);
/* The unplaced products, as IpmsRecord. */
GListModel *ipms_panorama_palette_get_products (IpmsPanoramaPalette *self);

G_END_DECLS
