/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Where each item of a sorted array is, by its row id: an open-addressing
 * table of ids to positions. A GHashTable keyed by pointers into the array
 * must be made again whole whenever items move, as its keys move with
 * them; this one holds the ids themselves, so that an edit renumbers only
 * the positions it shifted.
 */
typedef struct _IpmsIdIndex IpmsIdIndex;

IpmsIdIndex *ipms_id_index_new        (void);
void         ipms_id_index_free       (IpmsIdIndex *self);
void         ipms_id_index_remove_all (IpmsIdIndex *self);
guint        ipms_id_index_get_size   (IpmsIdIndex *self);
/* Sets the position of `id`, adding it when it is not there. */
void         ipms_id_index_set        (IpmsIdIndex *self,
                                       gint64       id,
                                       guint        position);
/* FALSE when `id` is not there. */
gboolean     ipms_id_index_lookup     (IpmsIdIndex *self,
                                       gint64       id,
                                       guint       *position);
void         ipms_id_index_remove     (IpmsIdIndex *self,
                                       gint64       id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpmsIdIndex, ipms_id_index_free)

G_END_DECLS
