/* ipms-table-cell.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-field-row.h"
#include "ipms-forms-util.h"
#include "ipms-table-cell.h"
#include "ipms-text-field-row.h"

struct _IpmsTableCell
{
  GtkWidget         parent_instance;

  IpmsDocument     *document;
  const IpmsTable  *table;
  const IpmsColumn *column;
  IpmsRecord       *record;
  gulong            notify_id;
  gulong            document_id;

  GtkWidget        *text;
  GtkWidget        *row;
  /* ipms_table_cell_set_new_row() before the row is made. */
  GStrv             new_columns;
  GValue           *new_values;
};

G_DEFINE_FINAL_TYPE (IpmsTableCell, ipms_table_cell, GTK_TYPE_WIDGET)

/* The value as its field row shows it while nobody edits it. */
static char *
dup_display_text (IpmsTableCell *self)
{
  const IpmsColumn *column = self->column;

  if (self->record == NULL || ipms_record_is_null (self->record, column->name))
    return g_strdup ("");

  switch (column->type)
    {
    case IPMS_COLUMN_ENUM:
      {
        int index = ipms_column_find_choice (column, ipms_record_get_string (self->record, column->name));

        return g_strdup (index >= 0 ? ipms_choice_get_label (&column->choices[index]) : "");
      }

    case IPMS_COLUMN_REFERENCE:
      {
        IpmsRecord *target = ipms_document_get_record (self->document, column->references,
                                                       ipms_record_get_int (self->record, column->name));

        return target != NULL ? ipms_forms_dup_record_title (self->document, target) : g_strdup ("");
      }

    case IPMS_COLUMN_TEXT:
    case IPMS_COLUMN_DATE:
    case IPMS_COLUMN_INTEGER:
    case IPMS_COLUMN_REAL:
    default:
      return ipms_field_format_display_value (column, ipms_record_get_value (self->record, column->name));
    }
}

static void
clear_new_row (IpmsTableCell *self)
{
  for (guint i = 0; self->new_columns != NULL && self->new_columns[i] != NULL; i++)
    if (G_IS_VALUE (&self->new_values[i]))
      g_value_unset (&self->new_values[i]);
  g_clear_pointer (&self->new_values, g_free);
  g_clear_pointer (&self->new_columns, g_strfreev);
}

void
ipms_table_cell_set_new_row (IpmsTableCell      *self,
                             const char * const *columns,
                             const GValue       *values)
{
  g_return_if_fail (IPMS_IS_TABLE_CELL (self));

  if (self->row != NULL)
    {
      ipms_field_binding_set_new_row (ipms_field_row_get_binding (IPMS_FIELD_ROW (self->row)), columns, values);
      return;
    }

  clear_new_row (self);
  if (columns == NULL)
    return;

  self->new_columns = g_strdupv ((char **) columns);
  self->new_values = g_new0 (GValue, g_strv_length (self->new_columns));
  for (guint i = 0; columns[i] != NULL; i++)
    if (G_IS_VALUE (&values[i]))
      {
        g_value_init (&self->new_values[i], G_VALUE_TYPE (&values[i]));
        g_value_copy (&values[i], &self->new_values[i]);
      }
}

static void
update_text (IpmsTableCell *self)
{
  g_autofree char *text = NULL;

  if (self->text == NULL)
    return;

  text = dup_display_text (self);
  gtk_label_set_text (GTK_LABEL (self->text), text);
}

const char *
ipms_table_cell_get_label (IpmsTableCell *self)
{
  g_return_val_if_fail (IPMS_IS_TABLE_CELL (self), NULL);

  return ipms_column_get_label (self->column);
}

GtkWidget *
ipms_table_cell_peek_row (IpmsTableCell *self)
{
  g_return_val_if_fail (IPMS_IS_TABLE_CELL (self), NULL);

  return self->row;
}

GtkWidget *
ipms_table_cell_get_row (IpmsTableCell *self)
{
  g_return_val_if_fail (IPMS_IS_TABLE_CELL (self), NULL);

  if (self->row != NULL)
    return self->row;

  /* A text view in a list row keeps resizing after the row is laid out,
   * which GTK 4.8's list widgets do not survive: a multi-line value is
   * edited on one line here, and read wrapped. */
  if (self->column->format == IPMS_COLUMN_FORMAT_MULTILINE)
    self->row = g_object_new (IPMS_TYPE_TEXT_FIELD_ROW,
                              "document", self->document,
                              "table", self->table->name,
                              "column", self->column->name,
                              NULL);
  else
    self->row = ipms_field_row_new (self->document, self->table->name, self->column->name);

  ipms_field_row_set_compact (IPMS_FIELD_ROW (self->row), TRUE);
  ipms_field_row_set_record (IPMS_FIELD_ROW (self->row), self->record);
  if (self->new_columns != NULL)
    ipms_field_binding_set_new_row (ipms_field_row_get_binding (IPMS_FIELD_ROW (self->row)),
                                    (const char * const *) self->new_columns, self->new_values);
  clear_new_row (self);
  gtk_widget_set_parent (self->row, GTK_WIDGET (self));

  g_clear_pointer (&self->text, gtk_widget_unparent);
  g_clear_signal_handler (&self->notify_id, self->record);
  g_clear_signal_handler (&self->document_id, self->document);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);

  return self->row;
}

void
ipms_table_cell_set_record (IpmsTableCell *self,
                            IpmsRecord    *record)
{
  g_return_if_fail (IPMS_IS_TABLE_CELL (self));

  if (self->record == record)
    return;

  g_clear_signal_handler (&self->notify_id, self->record);
  g_set_object (&self->record, record);

  if (self->row != NULL)
    {
      /* Unbinding flushes what was typed into the previous record. */
      ipms_field_row_set_record (IPMS_FIELD_ROW (self->row), record);
      return;
    }

  if (record != NULL)
    {
      g_autofree char *signal = g_strdelimit (g_strconcat ("notify::", self->column->name, NULL), "_", '-');

      self->notify_id = g_signal_connect_swapped (record, signal, G_CALLBACK (update_text), self);
    }
  update_text (self);
}

IpmsRecord *
ipms_table_cell_get_record (IpmsTableCell *self)
{
  g_return_val_if_fail (IPMS_IS_TABLE_CELL (self), NULL);

  return self->record;
}

GtkWidget *
ipms_table_cell_new (IpmsDocument *document,
                     const char   *table,
                     const char   *column)
{
  IpmsTableCell *self;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  self = g_object_new (IPMS_TYPE_TABLE_CELL, NULL);
  self->document = g_object_ref (document);
  self->table = ipms_schema_lookup_table (table);
  g_return_val_if_fail (self->table != NULL, GTK_WIDGET (self));
  self->column = ipms_table_lookup_column (self->table, column);
  g_return_val_if_fail (self->column != NULL, GTK_WIDGET (self));

  if (self->column->type == IPMS_COLUMN_INTEGER || self->column->type == IPMS_COLUMN_REAL)
    {
      gtk_label_set_xalign (GTK_LABEL (self->text), 1.0);
      gtk_widget_add_css_class (self->text, "numeric");
    }
  if (self->column->format == IPMS_COLUMN_FORMAT_MULTILINE)
    {
      gtk_label_set_wrap (GTK_LABEL (self->text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (self->text), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (self->text), PANGO_ELLIPSIZE_END);

  /* A referenced row renamed elsewhere shows at once. */
  if (self->column->type == IPMS_COLUMN_REFERENCE)
    self->document_id = g_signal_connect_swapped (document, "changes-done", G_CALLBACK (update_text), self);

  /* Read as its column's value until it is edited. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ipms_column_get_label (self->column), -1);

  return GTK_WIDGET (self);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            IpmsTableCell   *self)
{
  if (self->row != NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (ipms_field_row_get_editor (IPMS_FIELD_ROW (ipms_table_cell_get_row (self))));
}

static gboolean
ipms_table_cell_grab_focus (GtkWidget *widget)
{
  IpmsTableCell *self = IPMS_TABLE_CELL (widget);

  return gtk_widget_grab_focus (ipms_field_row_get_editor (IPMS_FIELD_ROW (ipms_table_cell_get_row (self))));
}

static gboolean
ipms_table_cell_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  IpmsTableCell *self = IPMS_TABLE_CELL (widget);

  /* Focus coming in makes the editor and goes to it. */
  if (self->row == NULL)
    return ipms_table_cell_grab_focus (widget);

  return gtk_widget_child_focus (self->row, direction);
}

static void
ipms_table_cell_dispose (GObject *object)
{
  IpmsTableCell *self = IPMS_TABLE_CELL (object);

  g_clear_signal_handler (&self->notify_id, self->record);
  g_clear_signal_handler (&self->document_id, self->document);
  g_clear_pointer (&self->text, gtk_widget_unparent);
  /* The field row flushes a pending edit as it goes. */
  g_clear_pointer (&self->row, gtk_widget_unparent);
  g_clear_object (&self->record);
  g_clear_object (&self->document);
  clear_new_row (self);

  G_OBJECT_CLASS (ipms_table_cell_parent_class)->dispose (object);
}

static void
ipms_table_cell_class_init (IpmsTableCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_table_cell_dispose;
  widget_class->focus = ipms_table_cell_focus;
  widget_class->grab_focus = ipms_table_cell_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tablecell");
}

static void
ipms_table_cell_init (IpmsTableCell *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  /* The margins of a compact field row's editor, so that the text does
   * not move when the editor takes its place. */
  self->text = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->text), 0.0);
  gtk_widget_set_valign (self->text, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (self->text, 10);
  gtk_widget_set_margin_end (self->text, 10);
  gtk_widget_set_margin_top (self->text, 10);
  gtk_widget_set_margin_bottom (self->text, 10);
  gtk_widget_set_parent (self->text, GTK_WIDGET (self));

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}
