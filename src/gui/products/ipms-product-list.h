/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipms-document.h"

G_BEGIN_DECLS

#define IPMS_TYPE_PRODUCT_LIST (ipms_product_list_get_type ())

G_DECLARE_FINAL_TYPE (IpmsProductList, ipms_product_list, IPMS, PRODUCT_LIST, AdwBin)

/*
 * Every product of the plan in one sortable table (the PRDs section's first
 * page): name, series, grade, status, price, cost, margin, launch, segment,
 * owner and how much of its PRD is filled. A GtkColumnView over the live
 * product list, filtered (series, grade, status, segment, text) and sorted
 * by any column; only the rows on screen have widgets, so 10,000 products
 * scroll as 10 do.
 *
 * Actions (each one undo step, on the selected products):
 *   products.add, products.duplicate (with their PRD rows), products.delete
 *   (undo toast), products.open (the first selected; also Enter or a double click on a row,
 *   which activate win.open-prd), products.set-grade ("s"),
 *   products.set-status ("s"), products.set-series ("x", 0 for none),
 *   products.set-owner ("x").
 *
 * Property "document" (construct-only).
 */
GtkWidget *ipms_product_list_new             (IpmsDocument    *document);
/* The shown rows' model (filtered and sorted) and its selection, for tests. */
GtkSelectionModel *ipms_product_list_get_selection (IpmsProductList *self);
/* Selects the product's row alone and scrolls to it (coming back from its
 * PRD); nothing happens when a filter hides it. */
void       ipms_product_list_select_product  (IpmsProductList *self,
                                              gint64           product_id);
/* Filters the rows by text in the name, as the search entry does. */
void       ipms_product_list_set_search_text (IpmsProductList *self,
                                              const char      *text);
/* The text shown in a cell of a shown row (position in the sorted and
 * filtered rows), for tests; NULL when out of range. */
char      *ipms_product_list_dup_cell_text   (IpmsProductList *self,
                                              guint            position,
                                              const char      *column);

G_END_DECLS
