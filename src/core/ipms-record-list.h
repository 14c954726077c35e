/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ipms-document.h"

G_BEGIN_DECLS

#define IPMS_TYPE_RECORD_LIST (ipms_record_list_get_type ())

G_DECLARE_FINAL_TYPE (IpmsRecordList, ipms_record_list, IPMS, RECORD_LIST, GObject)

/*
 * A live GListModel of IpmsRecord: the rows of one table, optionally only
 * those whose reference column `filter_column` equals `filter_id`
 * (IPMS_NULL_ID selects the rows where it is NULL), ordered by `sort_column`
 * then id. It follows the document's row notifications and emits the
 * smallest items-changed it can; it reads the whole table again only when
 * the document was reloaded (a bulk step).
 */
IpmsRecordList *ipms_record_list_new              (IpmsDocument *document,
                                                   const char   *table,
                                                   const char   *filter_column,
                                                   gint64        filter_id,
                                                   const char   *sort_column);
IpmsDocument   *ipms_record_list_get_document     (IpmsRecordList *self);
const char     *ipms_record_list_get_table_name   (IpmsRecordList *self);
/* Position of the record with that id, or G_MAXUINT. */
guint           ipms_record_list_find             (IpmsRecordList *self,
                                                   gint64          id);
IpmsRecord     *ipms_record_list_get_record       (IpmsRecordList *self,
                                                   guint           position);
/* Says that something shown of the row `id` but kept elsewhere changed (a
 * product's PRD completeness, from its PRD rows): the row is announced as
 * changed, so that sorted and filtered models over the list place it
 * again, alone. Nothing when the row is not in the list. */
void            ipms_record_list_row_changed      (IpmsRecordList *self,
                                                   gint64          id);
/* Held, the list keeps its items where they are and notes which rows
 * changed; released, it places those again (or reads the table again
 * after a reload or many changes) and announces it. A view that is not on
 * screen holds its list: GTK 4.8 rebinds, filters and sorts a hidden
 * list's rows as they change, time taken from every edit the user sees. */
void            ipms_record_list_set_held         (IpmsRecordList *self,
                                                   gboolean        held);
gboolean        ipms_record_list_get_held         (IpmsRecordList *self);

G_END_DECLS
