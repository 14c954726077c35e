/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-document.h"
#include "ipms-record-list.h"

G_BEGIN_DECLS

#define IPMS_TYPE_RECORD_TABLE (ipms_record_table_get_type ())

G_DECLARE_FINAL_TYPE (IpmsRecordTable, ipms_record_table, IPMS, RECORD_TABLE, GtkWidget)

/*
 * An editable table of the rows of one schema table, live: a GtkColumnView
 * over an IpmsRecordList whose cells are compact IpmsFieldRows (the same
 * binding rules as the form rows; a recycled cell flushes its edit first).
 *
 * - The rows can be limited to those of one owner (the key results of an
 *   objective): ipms_record_table_set_owner(). With an owner column but no
 *   owner the table is empty and adding is off.
 * - Actions, each one undo step: table.add (button; Enter in the last row),
 *   table.remove (Alt+Delete; an undo toast says what it cleared: removing a
 *   member lists the series, campaigns... it no longer owns), and, when the
 *   schema table has an order column, table.move-up / table.move-down
 *   (Alt+Up / Alt+Down). They act on the selected row: the row of the cell
 *   that has the focus.
 * - Keyboard: Tab / Shift+Tab go from cell to cell and row to row, Enter
 *   to the same cell of the next row, Escape undoes the typing in a cell.
 * - When there are no rows, `empty-text` says what the table is for.
 *
 * Property "selected-record" (IpmsRecord or NULL) follows the selection.
 */

IpmsRecordTable *ipms_record_table_new                (IpmsDocument        *document,
                                                       const char          *table,
                                                       const char * const  *columns);
/* A read-only column with a progress bar of `current` / `target`. */
void             ipms_record_table_add_progress_column (IpmsRecordTable    *self,
                                                       const char          *title,
                                                       const char          *current_column,
                                                       const char          *target_column);
void             ipms_record_table_set_owner          (IpmsRecordTable     *self,
                                                       const char          *owner_column,
                                                       gint64               owner_id);
void             ipms_record_table_set_empty_text     (IpmsRecordTable     *self,
                                                       const char          *text);
/* Off for rows made elsewhere (the segments are the panorama's cells): no
 * add button, table.add disabled. On by default. */
void             ipms_record_table_set_adds_rows      (IpmsRecordTable     *self,
                                                       gboolean             adds_rows);
/* When on, a row added gets the first row of the referenced table in each
 * required reference other than the owner (the segment a series serves),
 * for the user to change in its cell; when off (the default) such a row
 * cannot be added until the reference has a default. */
void             ipms_record_table_set_fill_required_references (IpmsRecordTable *self,
                                                                 gboolean         fill);
/* For tables without an order column: shows the rows sorted by `sorter`
 * (NULL: the list's own order). The rows are sorted when the sorter is set
 * or emits "changed", not when a value is edited, so that a row never
 * moves away under the cursor. Positions in ipms_record_table_select()
 * and ipms_record_table_get_cell() are then those shown. */
void             ipms_record_table_set_sorter         (IpmsRecordTable     *self,
                                                       GtkSorter           *sorter);
/* For tables without an order column: shows only the rows `filter` keeps
 * (NULL: all). As with the sorter, the rows are filtered again when the
 * filter is set or emits "changed", not when a value is edited. The empty
 * text shows when no row is shown. */
void             ipms_record_table_set_filter         (IpmsRecordTable     *self,
                                                       GtkFilter           *filter);
/* The choice a row added gets in the choice column `column` instead of the
 * first one, so that a row added to a table filtered by that column stays
 * in sight. NULL: the first choice again. */
void             ipms_record_table_set_new_row_choice (IpmsRecordTable     *self,
                                                       const char          *column,
                                                       const char          *code);
const char      *ipms_record_table_get_table_name     (IpmsRecordTable     *self);
IpmsRecordList  *ipms_record_table_get_list           (IpmsRecordTable     *self);
/* The rows as shown: filtered and sorted. */
GListModel      *ipms_record_table_get_shown          (IpmsRecordTable     *self);
IpmsRecord      *ipms_record_table_get_selected_record (IpmsRecordTable    *self);
void             ipms_record_table_select             (IpmsRecordTable     *self,
                                                       guint                position);
/* The field row of a shown cell, or NULL when that row is not on screen. */
GtkWidget       *ipms_record_table_get_cell           (IpmsRecordTable     *self,
                                                       guint                position,
                                                       guint                column);
gboolean         ipms_record_table_focus_cell         (IpmsRecordTable     *self,
                                                       guint                position,
                                                       guint                column);

/* Selects the row of `id` and focuses its cell of `column` (NULL: the
 * first), scrolling it into sight; FALSE when the table does not show it. */
gboolean         ipms_record_table_focus_record       (IpmsRecordTable     *self,
                                                       gint64               id,
                                                       const char          *column);

G_END_DECLS
