/* ipms-note-field-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-note-field-row.h"

struct _IpmsNoteFieldRow
{
  IpmsFieldRow   parent_instance;

  GtkWidget     *text_view;
  GtkTextBuffer *buffer;
};

G_DEFINE_FINAL_TYPE (IpmsNoteFieldRow, ipms_note_field_row, IPMS_TYPE_FIELD_ROW)

static char *
dup_buffer_text (IpmsNoteFieldRow *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
}

static void
ipms_note_field_row_load (IpmsFieldRow *row)
{
  IpmsNoteFieldRow *self = IPMS_NOTE_FIELD_ROW (row);
  g_autofree char *text = ipms_field_binding_dup_text (ipms_field_row_get_binding (row));
  g_autofree char *current = dup_buffer_text (self);
  GtkTextIter iter;
  int offset;

  if (g_strcmp0 (text, current) == 0)
    return;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  offset = gtk_text_iter_get_offset (&iter);

  /* Not an undoable action of the buffer: the document keeps the history. */
  gtk_text_buffer_begin_irreversible_action (self->buffer);
  gtk_text_buffer_set_text (self->buffer, text, -1);
  gtk_text_buffer_end_irreversible_action (self->buffer);

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, offset);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
}

static void
buffer_changed_cb (IpmsNoteFieldRow *self)
{
  g_autofree char *text = NULL;

  if (ipms_field_row_is_loading (IPMS_FIELD_ROW (self)))
    return;

  text = dup_buffer_text (self);
  ipms_field_binding_set_text (ipms_field_row_get_binding (IPMS_FIELD_ROW (self)), text);
}

static gboolean
resize_cb (gpointer user_data)
{
  gtk_widget_queue_resize (GTK_WIDGET (user_data));
  return G_SOURCE_REMOVE;
}

static void
text_view_map_cb (GtkWidget *text_view)
{
  /* GTK 4.8 measures a text view filled before it was mapped at a height
   * of 0 until something resizes it: ask again once its lines are laid out. */
  g_idle_add_full (G_PRIORITY_LOW, resize_cb, g_object_ref (text_view), g_object_unref);
}

static void
ipms_note_field_row_constructed (GObject *object)
{
  IpmsNoteFieldRow *self = IPMS_NOTE_FIELD_ROW (object);

  G_OBJECT_CLASS (ipms_note_field_row_parent_class)->constructed (object);

  self->text_view = gtk_text_view_new ();
  self->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text_view), GTK_WRAP_WORD_CHAR);
  /* Tab leaves the field, as in every other row of the form. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->text_view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->text_view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->text_view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_widget_add_css_class (self->text_view, "field-note");
  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (buffer_changed_cb), self);
  g_signal_connect (self->text_view, "map", G_CALLBACK (text_view_map_cb), NULL);

  ipms_field_row_set_editor (IPMS_FIELD_ROW (self), self->text_view);
}

static void
ipms_note_field_row_class_init (IpmsNoteFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  IpmsFieldRowClass *row_class = IPMS_FIELD_ROW_CLASS (klass);

  object_class->constructed = ipms_note_field_row_constructed;
  row_class->load = ipms_note_field_row_load;
}

static void
ipms_note_field_row_init (IpmsNoteFieldRow *self)
{
}
