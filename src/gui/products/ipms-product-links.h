/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipms-document.h"

G_BEGIN_DECLS

#define IPMS_TYPE_PRODUCT_LINKS (ipms_product_links_get_type ())

G_DECLARE_FINAL_TYPE (IpmsProductLinks, ipms_product_links, IPMS, PRODUCT_LINKS, GtkWidget)

/*
 * The products of one segment or one series (ipms_trace_segment_products(),
 * ipms_trace_series_products()) under a heading that names it, each row
 * opening the product's PRD (ipms_product_editor_open_prd()). Live: it follows the
 * document's changes and "reloaded".
 *
 * Properties "document", "table" ("segment" or "series", construct-only)
 * and "record-id" (0: a hint to select one).
 */

GtkWidget *ipms_product_links_new           (IpmsDocument     *document,
                                             const char       *table);
void       ipms_product_links_set_record_id (IpmsProductLinks *self,
                                             gint64            record_id);
gint64     ipms_product_links_get_record_id (IpmsProductLinks *self);
/* The list of rows, for tests. */
GtkListBox *ipms_product_links_get_list     (IpmsProductLinks *self);

G_END_DECLS
