/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * A page that can bring one record's field into sight and focus it, for
 * win.show-record (search results, traceability links). `column` may be
 * NULL or "" for the record as a whole (its first field, or the item that
 * stands for it on a chart).
 */

#define IPMS_TYPE_RECORD_FOCUS (ipms_record_focus_get_type ())

G_DECLARE_INTERFACE (IpmsRecordFocus, ipms_record_focus, IPMS, RECORD_FOCUS, GtkWidget)

struct _IpmsRecordFocusInterface
{
  GTypeInterface parent_iface;

  gboolean (*focus_record) (IpmsRecordFocus *self,
                            const char      *table,
                            gint64           id,
                            const char      *column);
};

/* FALSE when the page does not show that record. */
gboolean ipms_record_focus_focus_record (IpmsRecordFocus *self,
                                         const char      *table,
                                         gint64           id,
                                         const char      *column);

G_END_DECLS
