/* ipms-record-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ipms-record-list.h"

struct _IpmsRecordList
{
  GObject           parent_instance;

  IpmsDocument     *document;
  const IpmsTable  *table;
  const char       *filter_column;   /* schema string, or NULL */
  gint64            filter_id;
  const char       *sort_column;     /* schema string, or NULL */

  /* Sorted by (sort column, id). */
  GPtrArray        *items;
  gulong            row_changed_id;
  gulong            reloaded_id;

  /* While held: the ids of the rows changed meanwhile, or a whole reload
   * to make. */
  gboolean          held;
  GHashTable       *held_ids;
  gboolean          held_reload;
};

/* Past this many rows changed while held, reading the list again costs
 * less than placing each of them again. */
#define MAX_HELD_ROWS 64

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IpmsRecordList, ipms_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
ipms_record_list_get_item_type (GListModel *model)
{
  return ipms_record_type_for_table (IPMS_RECORD_LIST (model)->table);
}

static guint
ipms_record_list_get_n_items (GListModel *model)
{
  return IPMS_RECORD_LIST (model)->items->len;
}

static gpointer
ipms_record_list_get_item (GListModel *model,
                           guint       position)
{
  IpmsRecordList *self = IPMS_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ipms_record_list_get_item_type;
  iface->get_n_items = ipms_record_list_get_n_items;
  iface->get_item = ipms_record_list_get_item;
}

/* The order of the SQL query: NULL first, text bytewise, then id. */
static int
compare_records (IpmsRecordList *self,
                 IpmsRecord     *a,
                 IpmsRecord     *b)
{
  gint64 id_a = ipms_record_get_id (a);
  gint64 id_b = ipms_record_get_id (b);

  if (self->sort_column != NULL)
    {
      const GValue *va = ipms_record_get_value (a, self->sort_column);
      const GValue *vb = ipms_record_get_value (b, self->sort_column);

      if (va == NULL || vb == NULL)
        {
          if (va != vb)
            return va == NULL ? -1 : 1;
        }
      else if (G_VALUE_HOLDS_STRING (va))
        {
          int cmp = strcmp (g_value_get_string (va), g_value_get_string (vb));

          if (cmp != 0)
            return cmp;
        }
      else
        {
          double da = ipms_record_get_double (a, self->sort_column);
          double db = ipms_record_get_double (b, self->sort_column);

          if (da != db)
            return da < db ? -1 : 1;
        }
    }

  return (id_a > id_b) - (id_a < id_b);
}

static gboolean
matches_filter (IpmsRecordList *self,
                IpmsRecord     *record)
{
  if (self->filter_column == NULL)
    return TRUE;

  if (self->filter_id == IPMS_NULL_ID)
    return ipms_record_is_null (record, self->filter_column);

  return !ipms_record_is_null (record, self->filter_column) &&
         ipms_record_get_int (record, self->filter_column) == self->filter_id;
}

static guint
find_record (IpmsRecordList *self,
             gint64          id)
{
  for (guint i = 0; i < self->items->len; i++)
    if (ipms_record_get_id (g_ptr_array_index (self->items, i)) == id)
      return i;

  return G_MAXUINT;
}

static guint
sorted_position (IpmsRecordList *self,
                 IpmsRecord     *record)
{
  guint low = 0;
  guint high = self->items->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (compare_records (self, g_ptr_array_index (self->items, middle), record) < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static gboolean
in_order_at (IpmsRecordList *self,
             guint           position)
{
  IpmsRecord *record = g_ptr_array_index (self->items, position);

  if (position > 0 &&
      compare_records (self, g_ptr_array_index (self->items, position - 1), record) > 0)
    return FALSE;

  if (position + 1 < self->items->len &&
      compare_records (self, record, g_ptr_array_index (self->items, position + 1)) > 0)
    return FALSE;

  return TRUE;
}

static void
insert_sorted (IpmsRecordList *self,
               IpmsRecord     *record)
{
  guint position = sorted_position (self, record);

  g_ptr_array_insert (self->items, (int) position, g_object_ref (record));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

static void
remove_at (IpmsRecordList *self,
           guint           position)
{
  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

static int
compare_ids (const void *a,
             const void *b)
{
  gint64 id_a = **(gint64 * const *) a;
  gint64 id_b = **(gint64 * const *) b;

  return (id_a > id_b) - (id_a < id_b);
}

static void
on_row_changed (IpmsDocument   *document,
                const char     *table,
                gint64          id,
                IpmsRowChange   change,
                IpmsRecordList *self)
{
  IpmsRecord *record;
  guint position;

  if (strcmp (table, self->table->name) != 0)
    return;

  if (self->held)
    {
      if (!self->held_reload)
        g_hash_table_add (self->held_ids, g_memdup2 (&id, sizeof id));
      self->held_reload |= g_hash_table_size (self->held_ids) > MAX_HELD_ROWS;
      return;
    }

  position = find_record (self, id);

  if (change == IPMS_ROW_DELETED)
    {
      if (position != G_MAXUINT)
        remove_at (self, position);
      return;
    }

  record = ipms_document_get_record (document, self->table->name, id);
  if (record == NULL || !matches_filter (self, record))
    {
      if (position != G_MAXUINT)
        remove_at (self, position);
      return;
    }

  if (position == G_MAXUINT)
    {
      insert_sorted (self, record);
      return;
    }

  if (g_ptr_array_index (self->items, position) != record || !in_order_at (self, position))
    {
      remove_at (self, position);
      insert_sorted (self, record);
      return;
    }

  /* Same place: list widgets rebind the row. */
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

/* Another program changed the file: which rows is unknown, so the list is
 * read again and told as one change. */
static void
on_reloaded (IpmsDocument   *document,
             IpmsRecordList *self)
{
  g_autoptr(GPtrArray) old_items = NULL;
  GPtrArray *items;

  if (self->held)
    {
      self->held_reload = TRUE;
      return;
    }

  old_items = self->items;
  items = ipms_document_query (document, self->table->name, self->filter_column,
                               self->filter_id, self->sort_column);

  self->items = items;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_items->len, items->len);
}

static void
ipms_record_list_dispose (GObject *object)
{
  IpmsRecordList *self = (IpmsRecordList *)object;

  g_clear_signal_handler (&self->row_changed_id, self->document);
  g_clear_signal_handler (&self->reloaded_id, self->document);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ipms_record_list_parent_class)->dispose (object);
}

static void
ipms_record_list_finalize (GObject *object)
{
  IpmsRecordList *self = (IpmsRecordList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->held_ids, g_hash_table_unref);

  G_OBJECT_CLASS (ipms_record_list_parent_class)->finalize (object);
}

static void
ipms_record_list_class_init (IpmsRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ipms_record_list_dispose;
  object_class->finalize = ipms_record_list_finalize;
}

static void
ipms_record_list_init (IpmsRecordList *self)
{
  self->held_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

IpmsRecordList *
ipms_record_list_new (IpmsDocument *document,
                      const char   *table,
                      const char   *filter_column,
                      gint64        filter_id,
                      const char   *sort_column)
{
  IpmsRecordList *self;
  const IpmsTable *schema_table;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  schema_table = ipms_schema_lookup_table (table);
  g_return_val_if_fail (schema_table != NULL, NULL);
  g_return_val_if_fail (filter_column == NULL || ipms_table_find_column (schema_table, filter_column) >= 0, NULL);
  g_return_val_if_fail (sort_column == NULL || ipms_table_find_column (schema_table, sort_column) >= 0, NULL);

  self = g_object_new (IPMS_TYPE_RECORD_LIST, NULL);
  self->document = g_object_ref (document);
  self->table = schema_table;
  self->filter_column = filter_column ? ipms_table_lookup_column (schema_table, filter_column)->name : NULL;
  self->filter_id = filter_id;
  self->sort_column = sort_column ? ipms_table_lookup_column (schema_table, sort_column)->name : NULL;
  self->items = ipms_document_query (document, table, filter_column, filter_id, sort_column);
  self->row_changed_id = g_signal_connect (document, "row-changed", G_CALLBACK (on_row_changed), self);
  self->reloaded_id = g_signal_connect (document, "reloaded", G_CALLBACK (on_reloaded), self);

  return self;
}

IpmsDocument *
ipms_record_list_get_document (IpmsRecordList *self)
{
  g_return_val_if_fail (IPMS_IS_RECORD_LIST (self), NULL);

  return self->document;
}

const char *
ipms_record_list_get_table_name (IpmsRecordList *self)
{
  g_return_val_if_fail (IPMS_IS_RECORD_LIST (self), NULL);

  return self->table->name;
}

guint
ipms_record_list_find (IpmsRecordList *self,
                       gint64          id)
{
  g_return_val_if_fail (IPMS_IS_RECORD_LIST (self), G_MAXUINT);

  return find_record (self, id);
}

IpmsRecord *
ipms_record_list_get_record (IpmsRecordList *self,
                             guint           position)
{
  g_return_val_if_fail (IPMS_IS_RECORD_LIST (self), NULL);

  if (position >= self->items->len)
    return NULL;

  return g_ptr_array_index (self->items, position);
}

void
ipms_record_list_row_changed (IpmsRecordList *self,
                              gint64          id)
{
  guint position;

  g_return_if_fail (IPMS_IS_RECORD_LIST (self));

  if (self->held)
    {
      on_row_changed (self->document, self->table->name, id, IPMS_ROW_UPDATED, self);
      return;
    }

  position = find_record (self, id);
  if (position != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

void
ipms_record_list_set_held (IpmsRecordList *self,
                           gboolean        held)
{
  g_autofree gint64 **ids = NULL;
  guint n_ids;

  g_return_if_fail (IPMS_IS_RECORD_LIST (self));

  if (self->held == !!held)
    return;

  self->held = !!held;
  if (held)
    return;

  if (self->held_reload)
    {
      self->held_reload = FALSE;
      g_hash_table_remove_all (self->held_ids);
      on_reloaded (self->document, self);
      return;
    }

  /* In id order, so that the same changes are announced the same way. */
  ids = (gint64 **) g_hash_table_get_keys_as_array (self->held_ids, &n_ids);
  qsort (ids, n_ids, sizeof *ids, compare_ids);
  for (guint i = 0; i < n_ids; i++)
    on_row_changed (self->document, self->table->name, *ids[i], IPMS_ROW_UPDATED, self);
  g_hash_table_remove_all (self->held_ids);
}

gboolean
ipms_record_list_get_held (IpmsRecordList *self)
{
  g_return_val_if_fail (IPMS_IS_RECORD_LIST (self), FALSE);

  return self->held;
}
