/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IPMS_TYPE_STABLE_LIST (ipms_stable_list_get_type ())

G_DECLARE_FINAL_TYPE (IpmsStableList, ipms_stable_list, IPMS, STABLE_LIST, GObject)

/*
 * A GListModel that passes on the items and changes of another one, except
 * a change that replaces an item by itself at the same place. IpmsRecordList
 * emits those when a row is edited so that plain list widgets rebind it;
 * GTK 4.8 then unbinds and rebinds every cell of the row, which takes the
 * focus and the cursor from the cell being typed in. Form cells follow
 * their record's notifications instead, so they need no rebind.
 */
IpmsStableList *ipms_stable_list_new       (GListModel     *model);
void            ipms_stable_list_set_model (IpmsStableList *self,
                                            GListModel     *model);

G_END_DECLS
