/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipms-document.h"

G_BEGIN_DECLS

#define IPMS_TYPE_PRODUCT_TRACE (ipms_product_trace_get_type ())

G_DECLARE_FINAL_TYPE (IpmsProductTrace, ipms_product_trace, IPMS, PRODUCT_TRACE, AdwBin)

/*
 * Where one product stands in the plan (ipms-trace.h), as boxed lists: its
 * warnings on top, then its segment with the ranked needs, its series with
 * positioning and rhythm, the campaigns aimed at its segment, what its
 * owner carries in ISOR, and its places on the three charts.
 *
 * Activating an item opens it where it is edited, through window actions:
 * a record with win.show-record ("(sxs)": table, id, ""), a chart with
 * win.show-product-on ("(sx)": section id, product id). The panel follows
 * every change of the document, "reloaded" included.
 *
 * Properties "document" and "product-id" (0: nothing shown).
 */

GtkWidget *ipms_product_trace_new            (IpmsDocument     *document,
                                              gint64            product_id);
void       ipms_product_trace_set_document   (IpmsProductTrace *self,
                                              IpmsDocument     *document);
IpmsDocument *ipms_product_trace_get_document (IpmsProductTrace *self);
void       ipms_product_trace_set_product_id (IpmsProductTrace *self,
                                              gint64            product_id);
gint64     ipms_product_trace_get_product_id (IpmsProductTrace *self);

G_END_DECLS
