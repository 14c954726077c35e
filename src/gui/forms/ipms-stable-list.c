/* ipms-stable-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-stable-list.h"

struct _IpmsStableList
{
  GObject     parent_instance;

  GListModel *model;
  /* The items as last announced, to tell a self-replacement from a change. */
  GPtrArray  *items;
};

static void ipms_stable_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IpmsStableList, ipms_stable_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ipms_stable_list_model_init))

static GType
ipms_stable_list_get_item_type (GListModel *list)
{
  IpmsStableList *self = IPMS_STABLE_LIST (list);

  return self->model != NULL ? g_list_model_get_item_type (self->model) : G_TYPE_OBJECT;
}

static guint
ipms_stable_list_get_n_items (GListModel *list)
{
  return IPMS_STABLE_LIST (list)->items->len;
}

static gpointer
ipms_stable_list_get_item (GListModel *list,
                           guint       position)
{
  IpmsStableList *self = IPMS_STABLE_LIST (list);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
ipms_stable_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ipms_stable_list_get_item_type;
  iface->get_n_items = ipms_stable_list_get_n_items;
  iface->get_item = ipms_stable_list_get_item;
}

static void
items_changed_cb (IpmsStableList *self,
                  guint           position,
                  guint           removed,
                  guint           added)
{
  if (removed == added)
    {
      gboolean same = TRUE;

      for (guint i = 0; i < added && same; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (self->model, position + i);

          same = item == g_ptr_array_index (self->items, position + i);
        }

      if (same)
        return;
    }

  g_ptr_array_remove_range (self->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (self->items, position + i, g_list_model_get_item (self->model, position + i));

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

void
ipms_stable_list_set_model (IpmsStableList *self,
                            GListModel     *model)
{
  guint removed;

  g_return_if_fail (IPMS_IS_STABLE_LIST (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);

  removed = self->items->len;
  g_ptr_array_set_size (self->items, 0);
  if (model != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        g_ptr_array_add (self->items, g_list_model_get_item (model, i));
      g_signal_connect_swapped (model, "items-changed", G_CALLBACK (items_changed_cb), self);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
}

IpmsStableList *
ipms_stable_list_new (GListModel *model)
{
  IpmsStableList *self = g_object_new (IPMS_TYPE_STABLE_LIST, NULL);

  ipms_stable_list_set_model (self, model);

  return self;
}

static void
ipms_stable_list_dispose (GObject *object)
{
  IpmsStableList *self = IPMS_STABLE_LIST (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (ipms_stable_list_parent_class)->dispose (object);
}

static void
ipms_stable_list_finalize (GObject *object)
{
  g_ptr_array_unref (IPMS_STABLE_LIST (object)->items);

  G_OBJECT_CLASS (ipms_stable_list_parent_class)->finalize (object);
}

static void
ipms_stable_list_class_init (IpmsStableListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ipms_stable_list_dispose;
  object_class->finalize = ipms_stable_list_finalize;
}

static void
ipms_stable_list_init (IpmsStableList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}
