/* ipms-choice-field-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-accessible.h"
#include "ipms-choice-field-row.h"

struct _IpmsChoiceFieldRow
{
  IpmsFieldRow  parent_instance;

  GtkWidget    *drop_down;
  char         *style_class;
};

G_DEFINE_FINAL_TYPE (IpmsChoiceFieldRow, ipms_choice_field_row, IPMS_TYPE_FIELD_ROW)

static void
ipms_choice_field_row_load (IpmsFieldRow *row)
{
  IpmsChoiceFieldRow *self = IPMS_CHOICE_FIELD_ROW (row);
  IpmsRecord *record = ipms_field_row_get_record (row);
  const IpmsColumn *column = ipms_field_row_get_column (row);
  int index;

  if (self->style_class != NULL)
    gtk_widget_remove_css_class (self->drop_down, self->style_class);

  index = record != NULL ? ipms_column_find_choice (column, ipms_record_get_string (record, column->name)) : -1;

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->drop_down), index >= 0 ? (guint) index : GTK_INVALID_LIST_POSITION);

  /* "choice-decision-pause": a style sheet may colour the choices. */
  g_clear_pointer (&self->style_class, g_free);
  if (index >= 0)
    {
      self->style_class = g_strdup_printf ("choice-%s-%s", column->name, column->choices[index].code);
      gtk_widget_add_css_class (self->drop_down, self->style_class);
    }
}

static void
selected_cb (IpmsChoiceFieldRow *self)
{
  const IpmsColumn *column = ipms_field_row_get_column (IPMS_FIELD_ROW (self));
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->drop_down));
  g_auto(GValue) value = G_VALUE_INIT;

  if (ipms_field_row_is_loading (IPMS_FIELD_ROW (self)) || selected >= ipms_column_get_n_choices (column))
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, column->choices[selected].code);
  ipms_field_binding_set_value (ipms_field_row_get_binding (IPMS_FIELD_ROW (self)), &value);
  /* Its own write is no news to the binding: restyle the chip here. */
  ipms_field_row_load (IPMS_FIELD_ROW (self));
}

static void
ipms_choice_field_row_constructed (GObject *object)
{
  IpmsChoiceFieldRow *self = IPMS_CHOICE_FIELD_ROW (object);
  const IpmsColumn *column;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (ipms_choice_field_row_parent_class)->constructed (object);

  column = ipms_field_row_get_column (IPMS_FIELD_ROW (self));
  for (guint i = 0; i < ipms_column_get_n_choices (column); i++)
    gtk_string_list_append (labels, ipms_choice_get_label (&column->choices[i]));

  self->drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_widget_set_halign (self->drop_down, GTK_ALIGN_START);
  gtk_widget_set_hexpand (self->drop_down, FALSE);
  g_signal_connect_swapped (self->drop_down, "notify::selected", G_CALLBACK (selected_cb), self);
  ipms_field_row_set_editor (IPMS_FIELD_ROW (self), self->drop_down);
  ipms_accessible_drop_down_set_label (GTK_DROP_DOWN (self->drop_down), ipms_column_get_label (column));
}

static void
ipms_choice_field_row_finalize (GObject *object)
{
  g_free (IPMS_CHOICE_FIELD_ROW (object)->style_class);

  G_OBJECT_CLASS (ipms_choice_field_row_parent_class)->finalize (object);
}

static void
ipms_choice_field_row_class_init (IpmsChoiceFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ipms_choice_field_row_finalize;  IpmsFieldRowClass *row_class = IPMS_FIELD_ROW_CLASS (klass);

  object_class->constructed = ipms_choice_field_row_constructed;
  row_class->load = ipms_choice_field_row_load;
}

static void
ipms_choice_field_row_init (IpmsChoiceFieldRow *self)
{
}
