/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-panorama-canvas.h"

G_BEGIN_DECLS

/*
 * The Panorama section of the window: the palette of unplaced products, the
 * zoomable canvas and the side panel of the current segment, with a toolbar
 * to add rows and columns and to export. Properties: "document", "selection".
 */

#define IPMS_TYPE_PANORAMA_PAGE (ipms_panorama_page_get_type ())

G_DECLARE_FINAL_TYPE (IpmsPanoramaPage, ipms_panorama_page, IPMS, PANORAMA_PAGE, GtkWidget)

GtkWidget          *ipms_panorama_page_new        (IpmsDocument     *document,
                                                   IpmsSelection    *selection);
IpmsPanoramaCanvas *ipms_panorama_page_get_canvas (IpmsPanoramaPage *self);
GtkWidget          *ipms_panorama_page_get_view   (IpmsPanoramaPage *self);
GtkWidget          *ipms_panorama_page_get_palette (IpmsPanoramaPage *self);

G_END_DECLS
