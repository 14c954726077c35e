/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipms-document.h"

G_BEGIN_DECLS

#define IPMS_TYPE_PRODUCTS_PAGE (ipms_products_page_get_type ())

G_DECLARE_FINAL_TYPE (IpmsProductsPage, ipms_products_page, IPMS, PRODUCTS_PAGE, AdwBin)

/*
 * The PRDs section: the product list (IpmsProductList) and, over it, the
 * PRD editor of one product (IpmsPrdEditor). The window's win.open-prd
 * calls ipms_products_page_open_prd(); "products-page.back" (the editor's
 * back button, Alt+Left, Escape outside a text field) returns to where the
 * user came from: the list, or the section that opened the PRD.
 *
 * As an IpmsRecordFocus (win.show-record), it opens the PRD of a product or
 * of one of its PRD rows and focuses that field or cell.
 *
 * Property "document" (construct-only).
 */
/* `from_section`: the window section to return to, or NULL for the list
 * (or, when a PRD is already open, where that one returns). */
void        ipms_products_page_open_prd    (IpmsProductsPage *self,
                                            gint64            product_id,
                                            const char       *from_section);
GtkWidget  *ipms_products_page_get_list    (IpmsProductsPage *self);
/* The editor is made on the first call (or the first PRD opened). */
GtkWidget  *ipms_products_page_get_editor  (IpmsProductsPage *self);
/* Whether the editor is shown (not the list). */
gboolean    ipms_products_page_get_editing (IpmsProductsPage *self);

G_END_DECLS
