/* ipms-text-field-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ipms-text-field-row.h"

struct _IpmsTextFieldRow
{
  IpmsFieldRow  parent_instance;

  GtkWidget    *entry;
  GtkWidget    *unit_label;    /* the currency or "%", NULL for plain fields */
  IpmsRecord   *project;       /* for the currency of money fields */
  GtkEventController *focus;
};

G_DEFINE_FINAL_TYPE (IpmsTextFieldRow, ipms_text_field_row, IPMS_TYPE_FIELD_ROW)

static void
ipms_text_field_row_load (IpmsFieldRow *row)
{
  IpmsTextFieldRow *self = IPMS_TEXT_FIELD_ROW (row);
  IpmsFieldBinding *binding = ipms_field_row_get_binding (row);
  /* Digits to edit, and "1,800万" to read in Chinese. */
  g_autofree char *text = gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (self->focus))
                          ? ipms_field_binding_dup_text (binding)
                          : ipms_field_binding_dup_display_text (binding);
  const IpmsColumn *column = ipms_field_row_get_column (row);
  int position = gtk_editable_get_position (GTK_EDITABLE (self->entry));

  /* The "%" is shown after the entry, not typed in it. */
  if (column->format == IPMS_COLUMN_FORMAT_PERCENT && g_str_has_suffix (text, "%"))
    text[strlen (text) - 1] = '\0';

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->entry))) == 0)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  /* A change made elsewhere must not throw the cursor around. */
  if (gtk_widget_has_focus (self->entry) || gtk_widget_get_focus_child (self->entry) != NULL)
    gtk_editable_set_position (GTK_EDITABLE (self->entry), MIN (position, (int) g_utf8_strlen (text, -1)));
}

static void
entry_changed_cb (IpmsTextFieldRow *self)
{
  if (ipms_field_row_is_loading (IPMS_FIELD_ROW (self)))
    return;

  ipms_field_binding_set_text (ipms_field_row_get_binding (IPMS_FIELD_ROW (self)),
                               gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
entry_activate_cb (IpmsTextFieldRow *self)
{
  ipms_field_binding_flush (ipms_field_row_get_binding (IPMS_FIELD_ROW (self)));
}

static void
focus_changed_cb (IpmsTextFieldRow *self)
{
  IpmsFieldBinding *binding = ipms_field_row_get_binding (IPMS_FIELD_ROW (self));

  /* What was typed is written before the text turns into the shown form;
   * bad input stays as typed, marked. */
  if (!gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (self->focus)))
    ipms_field_binding_flush (binding);
  if (!ipms_field_binding_get_pending (binding) && !ipms_field_binding_get_invalid (binding))
    ipms_field_row_load (IPMS_FIELD_ROW (self));
}

static void
update_currency (IpmsTextFieldRow *self)
{
  const char *currency = ipms_record_get_string (self->project, "currency");

  gtk_label_set_text (GTK_LABEL (self->unit_label), currency);
  gtk_widget_set_visible (self->unit_label, currency[0] != '\0');
}

static void
ipms_text_field_row_constructed (GObject *object)
{
  IpmsTextFieldRow *self = IPMS_TEXT_FIELD_ROW (object);
  IpmsFieldRow *row = IPMS_FIELD_ROW (object);
  const IpmsColumn *column;

  G_OBJECT_CLASS (ipms_text_field_row_parent_class)->constructed (object);

  column = ipms_field_row_get_column (row);

  self->entry = gtk_entry_new ();
  /* Ctrl+Z is the document's undo, not the entry's own. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->entry), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 4);
  if (column->type == IPMS_COLUMN_INTEGER || column->type == IPMS_COLUMN_REAL)
    {
      gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_entry_set_alignment (GTK_ENTRY (self->entry), 1.0);
      gtk_widget_add_css_class (self->entry, "numeric");
    }
  else if (g_str_equal (column->name, "email"))
    gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_EMAIL);

  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  self->focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (self->focus, "notify::contains-focus", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (self->entry, self->focus);
  ipms_field_row_set_editor (row, self->entry);

  if (column->format == IPMS_COLUMN_FORMAT_MONEY || column->format == IPMS_COLUMN_FORMAT_PERCENT)
    {
      self->unit_label = gtk_label_new (column->format == IPMS_COLUMN_FORMAT_PERCENT ? "%" : NULL);
      gtk_widget_add_css_class (self->unit_label, "dim-label");
      ipms_field_row_add_suffix (row, self->unit_label);
    }

  if (column->format == IPMS_COLUMN_FORMAT_MONEY)
    {
      self->project = g_object_ref (ipms_document_get_project (ipms_field_row_get_document (row)));
      g_signal_connect_object (self->project, "notify::currency", G_CALLBACK (update_currency), self, G_CONNECT_SWAPPED);
      update_currency (self);
    }
}

static void
ipms_text_field_row_dispose (GObject *object)
{
  IpmsTextFieldRow *self = IPMS_TEXT_FIELD_ROW (object);

  g_clear_object (&self->project);

  G_OBJECT_CLASS (ipms_text_field_row_parent_class)->dispose (object);
}

static void
ipms_text_field_row_class_init (IpmsTextFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  IpmsFieldRowClass *row_class = IPMS_FIELD_ROW_CLASS (klass);

  object_class->constructed = ipms_text_field_row_constructed;
  object_class->dispose = ipms_text_field_row_dispose;
  row_class->load = ipms_text_field_row_load;
}

static void
ipms_text_field_row_init (IpmsTextFieldRow *self)
{
}
