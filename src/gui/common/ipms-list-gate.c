/* ipms-list-gate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-list-gate.h"

struct _IpmsListGate
{
  GObject     parent_instance;

  GListModel *model;
  /* While closed: the items as last announced, and those the model has
   * announced as changed since (they may sit where they were). */
  GPtrArray  *shown;
  GHashTable *touched;
};

static void ipms_list_gate_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IpmsListGate, ipms_list_gate, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ipms_list_gate_model_init))

static GType
ipms_list_gate_get_item_type (GListModel *list)
{
  return g_list_model_get_item_type (IPMS_LIST_GATE (list)->model);
}

static guint
ipms_list_gate_get_n_items (GListModel *list)
{
  IpmsListGate *self = IPMS_LIST_GATE (list);

  if (self->shown != NULL)
    return self->shown->len;

  return g_list_model_get_n_items (self->model);
}

static gpointer
ipms_list_gate_get_item (GListModel *list,
                         guint       position)
{
  IpmsListGate *self = IPMS_LIST_GATE (list);

  if (self->shown == NULL)
    return g_list_model_get_item (self->model, position);

  if (position >= self->shown->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->shown, position));
}

static void
ipms_list_gate_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ipms_list_gate_get_item_type;
  iface->get_n_items = ipms_list_gate_get_n_items;
  iface->get_item = ipms_list_gate_get_item;
}

static void
items_changed_cb (IpmsListGate *self,
                  guint         position,
                  guint         removed,
                  guint         added)
{
  if (self->shown == NULL)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  for (guint i = 0; i < added; i++)
    g_hash_table_add (self->touched, g_list_model_get_item (self->model, position + i));
}

static gboolean
is_unchanged (IpmsListGate *self,
              GPtrArray    *shown,
              guint         shown_position,
              guint         position)
{
  g_autoptr(GObject) item = g_list_model_get_item (self->model, position);

  return item == g_ptr_array_index (shown, shown_position) && !g_hash_table_contains (self->touched, item);
}

void
ipms_list_gate_set_open (IpmsListGate *self,
                         gboolean      open)
{
  g_autoptr(GPtrArray) shown = NULL;
  guint n_items, n_same, head = 0, tail = 0;

  g_return_if_fail (IPMS_IS_LIST_GATE (self));

  if (open == ipms_list_gate_get_open (self))
    return;

  n_items = g_list_model_get_n_items (self->model);
  if (!open)
    {
      self->shown = g_ptr_array_new_full (n_items, g_object_unref);
      for (guint i = 0; i < n_items; i++)
        g_ptr_array_add (self->shown, g_list_model_get_item (self->model, i));
      return;
    }

  /* The change announced spans from the first item that is not as shown to
   * the last, so that a list widget rebinds only the rows in between. */
  shown = g_steal_pointer (&self->shown);
  n_same = MIN (n_items, shown->len);
  while (head < n_same && is_unchanged (self, shown, head, head))
    head++;
  while (tail < n_same - head && is_unchanged (self, shown, shown->len - 1 - tail, n_items - 1 - tail))
    tail++;
  g_hash_table_remove_all (self->touched);

  if (head + tail < MAX (n_items, shown->len))
    g_list_model_items_changed (G_LIST_MODEL (self), head, shown->len - head - tail, n_items - head - tail);
}

gboolean
ipms_list_gate_get_open (IpmsListGate *self)
{
  g_return_val_if_fail (IPMS_IS_LIST_GATE (self), FALSE);

  return self->shown == NULL;
}

IpmsListGate *
ipms_list_gate_new (GListModel *model)
{
  IpmsListGate *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (IPMS_TYPE_LIST_GATE, NULL);
  self->model = g_object_ref (model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

static void
ipms_list_gate_dispose (GObject *object)
{
  IpmsListGate *self = IPMS_LIST_GATE (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_hash_table_remove_all (self->touched);

  G_OBJECT_CLASS (ipms_list_gate_parent_class)->dispose (object);
}

static void
ipms_list_gate_finalize (GObject *object)
{
  g_hash_table_unref (IPMS_LIST_GATE (object)->touched);

  G_OBJECT_CLASS (ipms_list_gate_parent_class)->finalize (object);
}

static void
ipms_list_gate_class_init (IpmsListGateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ipms_list_gate_dispose;
  object_class->finalize = ipms_list_gate_finalize;
}

static void
ipms_list_gate_init (IpmsListGate *self)
{
  self->touched = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}
