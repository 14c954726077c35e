/* ipms-record-focus.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-record-focus.h"

G_DEFINE_INTERFACE (IpmsRecordFocus, ipms_record_focus, GTK_TYPE_WIDGET)

static void
ipms_record_focus_default_init (IpmsRecordFocusInterface *iface)
{
}

gboolean
ipms_record_focus_focus_record (IpmsRecordFocus *self,
                                const char      *table,
                                gint64           id,
                                const char      *column)
{
  g_return_val_if_fail (IPMS_IS_RECORD_FOCUS (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  return IPMS_RECORD_FOCUS_GET_IFACE (self)->focus_record (self, table, id,
                                                           column != NULL && *column != '\0' ? column : NULL);
}
