/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IPMS_TYPE_LIST_GATE (ipms_list_gate_get_type ())

G_DECLARE_FINAL_TYPE (IpmsListGate, ipms_list_gate, IPMS, LIST_GATE, GObject)

/*
 * A GListModel that passes on another one's items and changes while open.
 * Closed, it goes on showing the items as they were when it closed and
 * holds back every change; opened again, it announces them as one change
 * over the span they touched. A list widget that is not on screen stays
 * behind a closed gate: GTK 4.8 rebinds a hidden list's rows on every
 * edit, which cost each product edit of a 10,000-product plan milliseconds
 * for a list nobody saw.
 */
IpmsListGate *ipms_list_gate_new      (GListModel   *model);
void          ipms_list_gate_set_open (IpmsListGate *self,
                                       gboolean      open);
gboolean      ipms_list_gate_get_open (IpmsListGate *self);

G_END_DECLS
