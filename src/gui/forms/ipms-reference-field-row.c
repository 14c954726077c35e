/* ipms-reference-field-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-accessible.h"
#include "ipms-forms-util.h"
#include "ipms-record-list.h"
#include "ipms-reference-field-row.h"

struct _IpmsReferenceFieldRow
{
  IpmsFieldRow    parent_instance;

  GtkWidget      *drop_down;
  /* "None" then the rows of the referenced table, live. */
  GListStore     *none;
  IpmsRecordList *rows;
};

G_DEFINE_FINAL_TYPE (IpmsReferenceFieldRow, ipms_reference_field_row, IPMS_TYPE_FIELD_ROW)

static void
ipms_reference_field_row_load (IpmsFieldRow *row)
{
  IpmsReferenceFieldRow *self = IPMS_REFERENCE_FIELD_ROW (row);
  IpmsRecord *record = ipms_field_row_get_record (row);
  gint64 id = record != NULL ? ipms_record_get_int (record, ipms_field_row_get_column (row)->name) : 0;
  guint position = id != 0 ? ipms_record_list_find (self->rows, id) : G_MAXUINT;

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->drop_down), position == G_MAXUINT ? 0 : position + 1);
}

static void
selected_cb (IpmsReferenceFieldRow *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->drop_down));
  GValue value = G_VALUE_INIT;

  if (ipms_field_row_is_loading (IPMS_FIELD_ROW (self)) || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected > 0)
    {
      IpmsRecord *target = ipms_record_list_get_record (self->rows, selected - 1);

      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, ipms_record_get_id (target));
    }

  ipms_field_binding_set_value (ipms_field_row_get_binding (IPMS_FIELD_ROW (self)), &value);
  if (G_IS_VALUE (&value))
    g_value_unset (&value);
}

static char *
describe_item (GObject  *item,
               gpointer  user_data)
{
  IpmsReferenceFieldRow *self = user_data;

  if (IPMS_IS_RECORD (item))
    return ipms_forms_dup_record_title (ipms_field_row_get_document (IPMS_FIELD_ROW (self)), IPMS_RECORD (item));

  return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

static void
rows_changed_cb (IpmsReferenceFieldRow *self)
{
  /* The selection follows positions; the stored id is what counts. */
  ipms_field_row_load (IPMS_FIELD_ROW (self));
}

/* One live list per referenced table and document, shared by every
 * reference field: a table of fifty owner cells then queries and follows
 * the members once, not fifty times. The fields hold the lists (and each
 * list its document); this index only finds them, and forgets a list when
 * the last field lets it go. */
static GHashTable *shared_rows;

static void
forget_shared_rows (gpointer  key,
                    GObject  *rows)
{
  g_hash_table_remove (shared_rows, key);
}

static IpmsRecordList *
dup_shared_rows (IpmsDocument    *document,
                 const IpmsTable *table)
{
  g_autofree char *key = g_strdup_printf ("%p:%s", (gpointer) document, table->name);
  IpmsRecordList *rows;

  if (shared_rows == NULL)
    shared_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  rows = g_hash_table_lookup (shared_rows, key);
  if (rows != NULL)
    return g_object_ref (rows);

  rows = ipms_record_list_new (document, table->name, NULL, 0, table->order_column);
  g_object_weak_ref (G_OBJECT (rows), forget_shared_rows, key);
  g_hash_table_insert (shared_rows, g_steal_pointer (&key), rows);

  return rows;
}

static void
ipms_reference_field_row_constructed (GObject *object)
{
  IpmsReferenceFieldRow *self = IPMS_REFERENCE_FIELD_ROW (object);
  IpmsFieldRow *row = IPMS_FIELD_ROW (object);
  const IpmsColumn *column;
  const IpmsTable *target;
  g_autoptr(GtkStringObject) none = NULL;
  GListStore *models;

  G_OBJECT_CLASS (ipms_reference_field_row_parent_class)->constructed (object);

  column = ipms_field_row_get_column (row);
  target = ipms_schema_lookup_table (column->references);

  /* Translators: the choice of no row in a reference field, as no owner */
  none = gtk_string_object_new (C_("reference", "None"));
  self->none = g_list_store_new (G_TYPE_OBJECT);
  g_list_store_append (self->none, none);
  self->rows = dup_shared_rows (ipms_field_row_get_document (row), target);
  g_signal_connect_object (self->rows, "items-changed", G_CALLBACK (rows_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  models = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (models, self->none);
  g_list_store_append (models, self->rows);

  self->drop_down = gtk_drop_down_new (G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (models))), NULL);
  gtk_widget_set_halign (self->drop_down, GTK_ALIGN_START);
  g_signal_connect_swapped (self->drop_down, "notify::selected", G_CALLBACK (selected_cb), self);
  ipms_field_row_set_editor (row, self->drop_down);
  ipms_accessible_drop_down_set_describe (GTK_DROP_DOWN (self->drop_down), describe_item, self);
  ipms_accessible_drop_down_set_label (GTK_DROP_DOWN (self->drop_down), ipms_column_get_label (column));
}

static void
ipms_reference_field_row_dispose (GObject *object)
{
  IpmsReferenceFieldRow *self = IPMS_REFERENCE_FIELD_ROW (object);

  G_OBJECT_CLASS (ipms_reference_field_row_parent_class)->dispose (object);

  g_clear_object (&self->none);
  g_clear_object (&self->rows);
}

static void
ipms_reference_field_row_class_init (IpmsReferenceFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  IpmsFieldRowClass *row_class = IPMS_FIELD_ROW_CLASS (klass);

  object_class->constructed = ipms_reference_field_row_constructed;
  object_class->dispose = ipms_reference_field_row_dispose;
  row_class->load = ipms_reference_field_row_load;
}

static void
ipms_reference_field_row_init (IpmsReferenceFieldRow *self)
{
}
