/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IPMS_TYPE_SELECTION (ipms_selection_get_type ())

G_DECLARE_FINAL_TYPE (IpmsSelection, ipms_selection, IPMS, SELECTION, GObject)

/*
 * The selected products of one window, shared by every view of it: select a
 * product on the panorama and it is selected on the roadmap and in the
 * products list too. It is view state, not document data: it is never
 * undone and never saved.
 *
 * "changed" is emitted once per call that changed the set.
 */

IpmsSelection *ipms_selection_new        (void);
gboolean       ipms_selection_contains   (IpmsSelection *self,
                                          gint64         id);
guint          ipms_selection_get_count  (IpmsSelection *self);
/* The selected ids, in the order they were selected. */
GArray        *ipms_selection_dup_ids    (IpmsSelection *self);
/* The most recently selected id still selected, or 0. */
gint64         ipms_selection_get_lead   (IpmsSelection *self);
void           ipms_selection_select_only (IpmsSelection *self,
                                          gint64         id);
void           ipms_selection_add        (IpmsSelection *self,
                                          gint64         id);
void           ipms_selection_remove     (IpmsSelection *self,
                                          gint64         id);
void           ipms_selection_toggle     (IpmsSelection *self,
                                          gint64         id);
void           ipms_selection_set        (IpmsSelection *self,
                                          const gint64  *ids,
                                          guint          n_ids);
void           ipms_selection_clear      (IpmsSelection *self);

G_END_DECLS
