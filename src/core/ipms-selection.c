/* ipms-selection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-selection.h"

struct _IpmsSelection
{
  GObject  parent_instance;
  /* Insertion order matters for the lead; sets stay small, a scan is fine. */
  GArray  *ids;
};

G_DEFINE_FINAL_TYPE (IpmsSelection, ipms_selection, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ipms_selection_finalize (GObject *object)
{
  IpmsSelection *self = (IpmsSelection *)object;

  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (ipms_selection_parent_class)->finalize (object);
}

static void
ipms_selection_class_init (IpmsSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ipms_selection_finalize;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ipms_selection_init (IpmsSelection *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

IpmsSelection *
ipms_selection_new (void)
{
  return g_object_new (IPMS_TYPE_SELECTION, NULL);
}

static int
find_index (IpmsSelection *self,
            gint64         id)
{
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return (int) i;

  return -1;
}

gboolean
ipms_selection_contains (IpmsSelection *self,
                         gint64         id)
{
  g_return_val_if_fail (IPMS_IS_SELECTION (self), FALSE);

  return find_index (self, id) >= 0;
}

guint
ipms_selection_get_count (IpmsSelection *self)
{
  g_return_val_if_fail (IPMS_IS_SELECTION (self), 0);

  return self->ids->len;
}

GArray *
ipms_selection_dup_ids (IpmsSelection *self)
{
  GArray *copy;

  g_return_val_if_fail (IPMS_IS_SELECTION (self), NULL);

  copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->ids->len);
  g_array_append_vals (copy, self->ids->data, self->ids->len);

  return copy;
}

gint64
ipms_selection_get_lead (IpmsSelection *self)
{
  g_return_val_if_fail (IPMS_IS_SELECTION (self), 0);

  if (self->ids->len == 0)
    return 0;

  return g_array_index (self->ids, gint64, self->ids->len - 1);
}

void
ipms_selection_set (IpmsSelection *self,
                    const gint64  *ids,
                    guint          n_ids)
{
  gboolean same;

  g_return_if_fail (IPMS_IS_SELECTION (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  same = n_ids == self->ids->len;
  for (guint i = 0; same && i < n_ids; i++)
    same = g_array_index (self->ids, gint64, i) == ids[i];

  if (same)
    return;

  g_array_set_size (self->ids, 0);
  for (guint i = 0; i < n_ids; i++)
    if (ids[i] > 0 && find_index (self, ids[i]) < 0)
      g_array_append_val (self->ids, ids[i]);

  g_signal_emit (self, signals[CHANGED], 0);
}

void
ipms_selection_select_only (IpmsSelection *self,
                            gint64         id)
{
  ipms_selection_set (self, &id, 1);
}

void
ipms_selection_clear (IpmsSelection *self)
{
  ipms_selection_set (self, NULL, 0);
}

void
ipms_selection_add (IpmsSelection *self,
                    gint64         id)
{
  g_return_if_fail (IPMS_IS_SELECTION (self));
  g_return_if_fail (id > 0);

  if (find_index (self, id) >= 0)
    return;

  g_array_append_val (self->ids, id);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
ipms_selection_remove (IpmsSelection *self,
                       gint64         id)
{
  int index;

  g_return_if_fail (IPMS_IS_SELECTION (self));

  index = find_index (self, id);
  if (index < 0)
    return;

  g_array_remove_index (self->ids, (guint) index);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
ipms_selection_toggle (IpmsSelection *self,
                       gint64         id)
{
  if (ipms_selection_contains (self, id))
    ipms_selection_remove (self, id);
  else
    ipms_selection_add (self, id);
}
