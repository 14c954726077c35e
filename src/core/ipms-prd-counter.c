/* ipms-prd-counter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-prd-counter.h"

struct _IpmsPrdCounter
{
  GObject       parent_instance;

  IpmsDocument *document;
  /* product id → IpmsPrdCounts */
  GHashTable   *counts;
  /* Per PRD table, row id → its product id: a deleted row can no longer
   * be read, yet its product's count must go down. */
  GHashTable   *owners[IPMS_PRD_N_TABLES];
  /* After a reload the rows are counted again when first asked for:
   * counting 10,000 products' PRD rows takes about 70 ms, which the undo
   * of an import paid even with no list of products on screen. */
  gboolean      stale;
};

G_DEFINE_FINAL_TYPE (IpmsPrdCounter, ipms_prd_counter, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64 *
new_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static IpmsPrdCounts *
ensure_counts (IpmsPrdCounter *self,
               gint64          product_id)
{
  IpmsPrdCounts *counts = g_hash_table_lookup (self->counts, &product_id);

  if (counts == NULL)
    {
      counts = g_new0 (IpmsPrdCounts, 1);
      g_hash_table_insert (self->counts, new_id (product_id), counts);
    }

  return counts;
}

static void
add_row (IpmsPrdCounter *self,
         IpmsPrdTable    table,
         gint64          id,
         gint64          product_id)
{
  g_hash_table_insert (self->owners[table], new_id (id), new_id (product_id));
  ensure_counts (self, product_id)->n_rows[table]++;
}

/* Returns the product the row belonged to, or 0. */
static gint64
remove_row (IpmsPrdCounter *self,
            IpmsPrdTable    table,
            gint64          id)
{
  gint64 *owner = g_hash_table_lookup (self->owners[table], &id);
  gint64 product_id;
  IpmsPrdCounts *counts;

  if (owner == NULL)
    return 0;

  product_id = *owner;
  counts = g_hash_table_lookup (self->counts, &product_id);
  if (counts != NULL && counts->n_rows[table] > 0)
    counts->n_rows[table]--;
  g_hash_table_remove (self->owners[table], &id);

  return product_id;
}

typedef struct
{
  IpmsPrdCounter *self;
  IpmsPrdTable    table;
} CountData;

static gboolean
count_row_cb (gint64   id,
              gint64   product_id,
              gpointer user_data)
{
  CountData *data = user_data;

  if (product_id != 0)
    add_row (data->self, data->table, id, product_id);

  return TRUE;
}

static void
count_all (IpmsPrdCounter *self)
{
  g_hash_table_remove_all (self->counts);

  for (guint t = 0; t < IPMS_PRD_N_TABLES; t++)
    {
      g_autoptr(GError) error = NULL;
      CountData data = { self, t };

      g_hash_table_remove_all (self->owners[t]);
      /* A damaged file counts what can be read: the editor shows the rest. */
      if (!ipms_document_foreach_reference (self->document, ipms_prd_table_get_name (t), "product_id",
                                            count_row_cb, &data, &error))
        g_message ("Could not count the PRD rows: %s", error->message);
    }
}

static void
ensure_counted (IpmsPrdCounter *self)
{
  if (self->stale)
    {
      self->stale = FALSE;
      count_all (self);
    }
}

static void
row_changed_cb (IpmsDocument   *document,
                const char     *table_name,
                gint64          id,
                IpmsRowChange   change,
                IpmsPrdCounter *self)
{
  int table = ipms_prd_table_lookup (table_name);
  gint64 before = 0;
  gint64 after = 0;

  /* Counted again when asked for: since the reload said that every
   * product changed, nobody has asked. */
  if (self->stale)
    return;

  /* A change of the product's own row is told by the row itself: every
   * list of products already shows and sorts it again. */
  if (table < 0)
    {
      if (g_str_equal (table_name, "product") && change == IPMS_ROW_DELETED)
        g_hash_table_remove (self->counts, &id);
      return;
    }

  before = remove_row (self, table, id);
  if (change != IPMS_ROW_DELETED)
    {
      IpmsRecord *record = ipms_document_get_record (document, table_name, id);

      if (record != NULL && !ipms_record_is_null (record, "product_id"))
        {
          after = ipms_record_get_int (record, "product_id");
          add_row (self, table, id, after);
        }
    }

  if (before != 0)
    g_signal_emit (self, signals[CHANGED], 0, before);
  if (after != 0 && after != before)
    g_signal_emit (self, signals[CHANGED], 0, after);
}

static void
reloaded_cb (IpmsPrdCounter *self)
{
  self->stale = TRUE;
  g_signal_emit (self, signals[CHANGED], 0, (gint64) 0);
}

IpmsPrdCounter *
ipms_prd_counter_new (IpmsDocument *document)
{
  IpmsPrdCounter *self;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  self = g_object_new (IPMS_TYPE_PRD_COUNTER, NULL);
  self->document = g_object_ref (document);
  count_all (self);

  g_signal_connect_object (document, "row-changed", G_CALLBACK (row_changed_cb), self, 0);
  g_signal_connect_object (document, "reloaded", G_CALLBACK (reloaded_cb), self, G_CONNECT_SWAPPED);

  return self;
}

void
ipms_prd_counter_get_counts (IpmsPrdCounter *self,
                             gint64          product_id,
                             IpmsPrdCounts  *counts)
{
  IpmsPrdCounts *found;

  g_return_if_fail (IPMS_IS_PRD_COUNTER (self));
  g_return_if_fail (counts != NULL);

  ensure_counted (self);
  found = g_hash_table_lookup (self->counts, &product_id);
  if (found != NULL)
    *counts = *found;
  else
    *counts = (IpmsPrdCounts) { { 0 } };
}

guint
ipms_prd_counter_get_filled (IpmsPrdCounter *self,
                             IpmsRecord     *product)
{
  IpmsPrdCounts counts;

  g_return_val_if_fail (IPMS_IS_PRD_COUNTER (self), 0);
  g_return_val_if_fail (IPMS_IS_RECORD (product), 0);

  ipms_prd_counter_get_counts (self, ipms_record_get_id (product), &counts);
  return ipms_prd_count_filled (product, &counts);
}

static void
ipms_prd_counter_finalize (GObject *object)
{
  IpmsPrdCounter *self = IPMS_PRD_COUNTER (object);

  g_clear_pointer (&self->counts, g_hash_table_unref);
  for (guint t = 0; t < IPMS_PRD_N_TABLES; t++)
    g_clear_pointer (&self->owners[t], g_hash_table_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ipms_prd_counter_parent_class)->finalize (object);
}

static void
ipms_prd_counter_class_init (IpmsPrdCounterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ipms_prd_counter_finalize;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
ipms_prd_counter_init (IpmsPrdCounter *self)
{
  self->counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint t = 0; t < IPMS_PRD_N_TABLES; t++)
    self->owners[t] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}
