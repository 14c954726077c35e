/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * The edits of the population grid and the panorama, on top of the public
 * document API. Each function is one user action: one named, translatable
 * undo step, all or nothing. Axis items are ordered by "position", products
 * inside a cell by "cell_order" then id; these functions keep both dense.
 *
 * Positions and indexes are "drop" indexes in the current order, from 0 to n:
 * moving an item to index i puts it before the item that is at i now.
 */

/* Adds an X ("x") or Y ("y") axis item at `index` and a segment for each
 * cell it makes. Returns its id, or 0. */
gint64   ipms_panorama_add_axis_item      (IpmsDocument  *document,
                                           const char    *axis,
                                           const char    *label,
                                           guint          index,
                                           GError       **error);
gboolean ipms_panorama_rename_axis_item   (IpmsDocument  *document,
                                           gint64         item_id,
                                           const char    *label,
                                           GError       **error);
gboolean ipms_panorama_move_axis_item     (IpmsDocument  *document,
                                           gint64         item_id,
                                           guint          index,
                                           GError       **error);
/* How many products sit in the cells of an axis item (to ask before removing it). */
guint    ipms_panorama_count_products_on  (IpmsDocument  *document,
                                           gint64         item_id);
/* Removes the item and its segments; their products become unplaced. */
gboolean ipms_panorama_remove_axis_item   (IpmsDocument  *document,
                                           gint64         item_id,
                                           GError       **error);

/* Puts the products, in the given order, into the cell (x_item_id,
 * y_item_id) at `index` of its current order, creating the cell's segment if
 * the file has none. Works for placing, moving between cells and reordering
 * inside one. `merge_key` as for ipms_document_begin_edit() (keyboard moves). */
gboolean ipms_panorama_place_products     (IpmsDocument  *document,
                                           const gint64  *product_ids,
                                           guint          n_products,
                                           gint64         x_item_id,
                                           gint64         y_item_id,
                                           guint          index,
                                           const char    *merge_key,
                                           GError       **error);
gboolean ipms_panorama_unplace_products   (IpmsDocument  *document,
                                           const gint64  *product_ids,
                                           guint          n_products,
                                           GError       **error);
/* A new product named `name`, placed last in the cell when both item ids are
 * set, else unplaced. Returns its id, or 0. */
gint64   ipms_panorama_create_product     (IpmsDocument  *document,
                                           const char    *name,
                                           gint64         x_item_id,
                                           gint64         y_item_id,
                                           GError       **error);
/* Sets one column of the cell's segment (creating the segment when the file
 * has none). `merge_key` folds a typing burst into one step. */
gboolean ipms_panorama_edit_segment       (IpmsDocument  *document,
                                           gint64         x_item_id,
                                           gint64         y_item_id,
                                           const char    *column,
                                           const GValue  *value,
                                           const char    *merge_key,
                                           GError       **error);
/* The segment of a cell, or 0. */
gint64   ipms_panorama_find_segment       (IpmsDocument  *document,
                                           gint64         x_item_id,
                                           gint64         y_item_id);

G_END_DECLS
