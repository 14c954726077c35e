/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * A cell of an IpmsRecordTable. GTK 4.8's list views make a row for up to
 * two hundred items whether they are seen or not, so a cell starts as the
 * value's text alone, and makes its IpmsFieldRow (the one way a value is
 * edited) the first time it is focused or clicked; it keeps it then, and
 * the row is rebound as the cell is recycled, flushing a pending edit.
 *
 * A multi-line value reads as one line and is edited in a popover over the
 * cell, as wide as it, where it wraps and grows (a row growing inside
 * GTK 4.8's list views is not laid out again in time): Enter starts a new
 * line, Ctrl+Enter goes down the column, Tab and Shift+Tab to the next
 * and previous cells, Escape drops what was typed since the last write.
 */

#define IPMS_TYPE_TABLE_CELL (ipms_table_cell_get_type ())

G_DECLARE_FINAL_TYPE (IpmsTableCell, ipms_table_cell, IPMS, TABLE_CELL, GtkWidget)

GtkWidget  *ipms_table_cell_new        (IpmsDocument  *document,
                                        const char    *table,
                                        const char    *column);
void        ipms_table_cell_set_record (IpmsTableCell *self,
                                        IpmsRecord    *record);
IpmsRecord *ipms_table_cell_get_record (IpmsTableCell *self);
/* As ipms_field_binding_set_new_row(), for the cell's field row, now or
 * when it is made. */
void        ipms_table_cell_set_new_row (IpmsTableCell      *self,
                                         const char * const *columns,
                                         const GValue       *values);
/* Where the cell is, for a screen reader: its row ("Ana Gómez") or its
 * place in a grid ("Outdoor, 2027"), said after the column's label. */
void        ipms_table_cell_set_context (IpmsTableCell *self,
                                         const char    *context);
const char *ipms_table_cell_get_context (IpmsTableCell *self);
/* The column's label, which starts the cell's accessible name. */
const char *ipms_table_cell_get_label  (IpmsTableCell *self);
/* Whether the value is multi-line text: Enter starts a new line in it. */
gboolean    ipms_table_cell_is_multiline (IpmsTableCell *self);
/* The cell's field row, made now if it has none yet. */
GtkWidget  *ipms_table_cell_get_row    (IpmsTableCell *self);
/* The field row, or NULL while the cell only shows its text. */
GtkWidget  *ipms_table_cell_peek_row   (IpmsTableCell *self);

G_END_DECLS
