/* ipms-table-cell.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-accessible.h"
#include "ipms-field-row.h"
#include "ipms-forms-util.h"
#include "ipms-table-cell.h"

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
  /* The text's width, which the editor that replaced it keeps. */
  int               text_minimum;
  int               text_natural;
  char             *context;
  /* A multi-line value is edited in this popover over the cell: a text
   * view growing in a list row would resize the row after GTK 4.8's list
   * laid it out, which it does not survive (it paints rows it has not
   * allocated). The cell keeps showing the text, wrapped, under it. */
  GtkWidget        *popover;
  guint             follow_tick;
  /* The editor is to be focused as soon as the popover shows it. */
  gboolean          focus_editor;
  /* Frames waited for the cell to come into view, 0 when not waiting. */
  guint             popup_frames;
  /* The viewports around, whose scrolling to the focus is off while the
   * popover is up: they cannot place a widget of another surface, and
   * would scroll the page to its top. */
  GPtrArray        *viewports;
  /* The record the editor was opened for (not a reference: compared). */
  IpmsRecord       *popover_record;
  guint             unbound_idle;
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

/* Keys in the popover do not reach the cell's ancestors, whose
 * controllers move between cells (Tab, Ctrl+Enter): they get them first. */
static gboolean
editor_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       IpmsTableCell         *self)
{
  return gtk_event_controller_key_forward (controller, GTK_WIDGET (self));
}

static gboolean
close_unbound_cb (gpointer data)
{
  IpmsTableCell *self = data;

  self->unbound_idle = 0;
  if (self->record == NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));

  return G_SOURCE_REMOVE;
}

static void
editor_focus_left_cb (IpmsTableCell *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static gboolean is_inside_window  (IpmsTableCell *self);
static void     show_popover      (IpmsTableCell *self);
static void     popover_closed_cb (IpmsTableCell *self);

/* Long enough for a page shown at once to be laid out and scrolled. */
#define MAX_POPUP_FRAMES 30

/* Scrolling moves the cell without allocating it again: the popover
 * follows it each frame it is up. */
static gboolean
follow_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  IpmsTableCell *self = IPMS_TABLE_CELL (widget);
  GtkWidget *editor = ipms_field_row_get_editor (IPMS_FIELD_ROW (self->row));

  /* Waiting for the scroll to bring the cell into view. */
  if (self->popup_frames > 0)
    {
      if (is_inside_window (self))
        show_popover (self);
      else if (self->popup_frames++ >= MAX_POPUP_FRAMES)
        {
          self->follow_tick = 0;
          popover_closed_cb (self);
          return G_SOURCE_REMOVE;
        }
      return G_SOURCE_CONTINUE;
    }

  if (gtk_widget_get_visible (self->popover))
    gtk_popover_present (GTK_POPOVER (self->popover));
  /* A popover shown for the first time maps its child a frame later. */
  if (self->focus_editor && gtk_widget_get_mapped (editor))
    {
      self->focus_editor = FALSE;
      gtk_widget_grab_focus (editor);
    }
  return G_SOURCE_CONTINUE;
}

static void
popover_closed_cb (IpmsTableCell *self)
{
  if (self->follow_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->follow_tick);
  self->follow_tick = 0;
  self->focus_editor = FALSE;
  self->popup_frames = 0;

  for (guint i = 0; self->viewports != NULL && i < self->viewports->len; i++)
    gtk_viewport_set_scroll_to_focus (g_ptr_array_index (self->viewports, i), TRUE);
  g_clear_pointer (&self->viewports, g_ptr_array_unref);
}

/* Whether the whole cell is inside its window: a popover placed at a
 * point off the screen has no monitor to go on. */
static gboolean
is_inside_window (IpmsTableCell *self)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  graphene_rect_t bounds;

  /* Not laid out yet (its page was just shown): not yet anywhere. */
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0 || gtk_widget_get_height (GTK_WIDGET (self)) <= 0 ||
      gtk_widget_get_native (GTK_WIDGET (self)) == NULL ||
      gtk_native_get_surface (gtk_widget_get_native (GTK_WIDGET (self))) == NULL ||
      !gdk_surface_get_mapped (gtk_native_get_surface (gtk_widget_get_native (GTK_WIDGET (self)))))
    return FALSE;

  return root != NULL && gtk_widget_compute_bounds (GTK_WIDGET (self), root, &bounds) &&
         bounds.origin.x >= 0 && bounds.origin.y >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (root) &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (root);
}

/* What the viewports' scrolling to the focus does, which is off while
 * the popover is up: the cell scrolled into view, innermost first. */
static void
scroll_into_view (IpmsTableCell *self)
{
  for (GtkWidget *ancestor = gtk_widget_get_parent (GTK_WIDGET (self)); ancestor != NULL;
       ancestor = gtk_widget_get_parent (ancestor))
    {
      GtkAdjustment *adjustment;
      graphene_rect_t bounds;
      double value;

      if (!GTK_IS_VIEWPORT (ancestor) ||
          !gtk_widget_compute_bounds (GTK_WIDGET (self), ancestor, &bounds))
        continue;

      adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (ancestor));
      value = gtk_adjustment_get_value (adjustment);
      if (bounds.origin.y < 0)
        gtk_adjustment_set_value (adjustment, value + bounds.origin.y);
      else if (bounds.origin.y + bounds.size.height > gtk_widget_get_height (ancestor))
        gtk_adjustment_set_value (adjustment,
                                  value + bounds.origin.y + bounds.size.height - gtk_widget_get_height (ancestor));
    }
}

/* Shows the editor over the cell, as wide as it, and focuses it. */
static void
show_popover (IpmsTableCell *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  self->popup_frames = 0;
  gtk_widget_set_size_request (self->row, MAX (width, 200), -1);
  /* Its top on the cell's top: the text stays where it was. */
  gtk_popover_set_offset (GTK_POPOVER (self->popover), 0, -height);

  if (self->viewports == NULL)
    {
      self->viewports = g_ptr_array_new_with_free_func (g_object_unref);
      for (GtkWidget *ancestor = gtk_widget_get_parent (GTK_WIDGET (self)); ancestor != NULL;
           ancestor = gtk_widget_get_parent (ancestor))
        if (GTK_IS_VIEWPORT (ancestor) && gtk_viewport_get_scroll_to_focus (GTK_VIEWPORT (ancestor)))
          {
            gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (ancestor), FALSE);
            g_ptr_array_add (self->viewports, g_object_ref (ancestor));
          }
    }
  self->popover_record = self->record;
  gtk_popover_popup (GTK_POPOVER (self->popover));

  self->focus_editor = !gtk_widget_grab_focus (ipms_field_row_get_editor (IPMS_FIELD_ROW (self->row)));
}

/* Scrolls the cell into view and shows the editor over it, now or once it
 * is in view. */
static gboolean
popup_editor (IpmsTableCell *self)
{
  /* Not on screen (a row laid out outside the view, a page not shown):
   * nothing to place it over. The table asks again once it is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;

  if (self->follow_tick == 0)
    self->follow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), follow_tick_cb, NULL, NULL);

  /* Shown in a later frame, also when it is in view: the list lays its
   * rows out in the frames after a focus request. */
  scroll_into_view (self);
  self->popup_frames = 1;

  return TRUE;
}

const char *
ipms_table_cell_get_label (IpmsTableCell *self)
{
  g_return_val_if_fail (IPMS_IS_TABLE_CELL (self), NULL);

  return ipms_column_get_label (self->column);
}

gboolean
ipms_table_cell_is_multiline (IpmsTableCell *self)
{
  g_return_val_if_fail (IPMS_IS_TABLE_CELL (self), FALSE);

  return self->column->format == IPMS_COLUMN_FORMAT_MULTILINE;
}

GtkWidget *
ipms_table_cell_peek_row (IpmsTableCell *self)
{
  g_return_val_if_fail (IPMS_IS_TABLE_CELL (self), NULL);

  return self->row;
}

/* The column, and where the cell is: "Name, Ana Gómez". Its own name while
 * it shows its text, its editor's once it has one. */
static void
update_accessible_name (IpmsTableCell *self)
{
  const char *label = ipms_column_get_label (self->column);
  /* Translators: a table cell for a screen reader: its column, then its row, as “Role, Ana Gómez” */
  g_autofree char *name = self->context != NULL ? g_strdup_printf (C_("table cell", "%s, %s"), label, self->context)
                                                : g_strdup (label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (self->row != NULL)
    {
      GtkWidget *editor = ipms_field_row_get_editor (IPMS_FIELD_ROW (self->row));

      if (GTK_IS_DROP_DOWN (editor))
        ipms_accessible_drop_down_set_label (GTK_DROP_DOWN (editor), name);
      else
        gtk_accessible_update_property (GTK_ACCESSIBLE (editor), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

void
ipms_table_cell_set_context (IpmsTableCell *self,
                             const char    *context)
{
  g_return_if_fail (IPMS_IS_TABLE_CELL (self));

  if (g_strcmp0 (self->context, context) == 0)
    return;

  g_free (self->context);
  self->context = g_strdup (context);
  update_accessible_name (self);
}

const char *
ipms_table_cell_get_context (IpmsTableCell *self)
{
  g_return_val_if_fail (IPMS_IS_TABLE_CELL (self), NULL);

  return self->context;
}

GtkWidget *
ipms_table_cell_get_row (IpmsTableCell *self)
{
  g_return_val_if_fail (IPMS_IS_TABLE_CELL (self), NULL);

  if (self->row != NULL)
    return self->row;

  self->row = ipms_field_row_new (self->document, self->table->name, self->column->name);

  ipms_field_row_set_compact (IPMS_FIELD_ROW (self->row), TRUE);
  ipms_field_row_set_record (IPMS_FIELD_ROW (self->row), self->record);
  update_accessible_name (self);
  if (self->new_columns != NULL)
    ipms_field_binding_set_new_row (ipms_field_row_get_binding (IPMS_FIELD_ROW (self->row)),
                                    (const char * const *) self->new_columns, self->new_values);
  clear_new_row (self);

  if (ipms_table_cell_is_multiline (self))
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();
      GtkEventController *key;

      self->popover = gtk_popover_new ();
      gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
      gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
      /* Not modal: Tab, Escape and clicks elsewhere go where they would
       * from any other cell; the popover goes with the focus. */
      gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
      gtk_widget_add_css_class (self->popover, "table-cell-editor");
      gtk_popover_set_child (GTK_POPOVER (self->popover), self->row);
      g_signal_connect_swapped (focus, "leave", G_CALLBACK (editor_focus_left_cb), self);
      g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (popover_closed_cb), self);
      gtk_widget_add_controller (self->popover, focus);
      key = gtk_event_controller_key_new ();
      gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
      g_signal_connect (key, "key-pressed", G_CALLBACK (editor_key_pressed_cb), self);
      gtk_widget_add_controller (self->popover, key);
      gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
      return self->row;
    }

  gtk_widget_set_parent (self->row, GTK_WIDGET (self));

  gtk_widget_measure (self->text, GTK_ORIENTATION_HORIZONTAL, -1,
                      &self->text_minimum, &self->text_natural, NULL, NULL);
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
      if (self->popover == NULL)
        return;
      /* The editor of another row has no business over this one. The list
       * also unbinds and binds a row again as it is selected: a cell left
       * without a row closes its editor only when it stays so. */
      if (record != NULL && record != self->popover_record)
        gtk_popover_popdown (GTK_POPOVER (self->popover));
      else if (record == NULL && self->unbound_idle == 0)
        self->unbound_idle = g_idle_add (close_unbound_cb, self);
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

/* Characters of the widest of `text`, a Chinese one counting as two. */
static int
display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  return width;
}

/* The least width a cell of `column` keeps, in characters, before its
 * table scrolls sideways: at the column view's own minimum, a table of
 * ten columns showed its choices and figures as a lone "…". */
static int
min_width_chars (const IpmsColumn *column)
{
  int width = 0;

  switch (column->type)
    {
    case IPMS_COLUMN_ENUM:
      for (guint i = 0; i < ipms_column_get_n_choices (column); i++)
        width = MAX (width, display_width (ipms_choice_get_label (&column->choices[i])));
      return CLAMP (width, 4, 12);

    case IPMS_COLUMN_DATE:
      return 10;

    case IPMS_COLUMN_REAL:
      return column->format == IPMS_COLUMN_FORMAT_PERCENT ? 5 : 10;

    case IPMS_COLUMN_INTEGER:
      return 6;

    case IPMS_COLUMN_REFERENCE:
      return 8;

    case IPMS_COLUMN_TEXT:
    default:
      return column->format == IPMS_COLUMN_FORMAT_MULTILINE ? 12 : 8;
    }
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
  /* One line, as every row of the table: GTK 4.8's column view measures
   * a row at its cells' natural widths, so a wrapped label would spill
   * over the rows below. A multi-line value opens whole in its editor. */
  if (self->column->format == IPMS_COLUMN_FORMAT_MULTILINE)
    {
      gtk_label_set_single_line_mode (GTK_LABEL (self->text), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (self->text), 24);
    }
  gtk_label_set_ellipsize (GTK_LABEL (self->text), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (self->text), min_width_chars (self->column));

  /* A referenced row renamed elsewhere shows at once. */
  if (self->column->type == IPMS_COLUMN_REFERENCE)
    self->document_id = g_signal_connect_swapped (document, "changes-done", G_CALLBACK (update_text), self);

  /* Read as its column's value until it is edited. */
  update_accessible_name (self);

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
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static gboolean
ipms_table_cell_grab_focus (GtkWidget *widget)
{
  IpmsTableCell *self = IPMS_TABLE_CELL (widget);
  GtkWidget *row = ipms_table_cell_get_row (self);

  if (self->popover != NULL)
    return popup_editor (self);

  return gtk_widget_grab_focus (ipms_field_row_get_editor (IPMS_FIELD_ROW (row)));
}

static gboolean
ipms_table_cell_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  IpmsTableCell *self = IPMS_TABLE_CELL (widget);

  /* Focus coming in makes the editor and goes to it. */
  if (self->row == NULL || self->popover != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      /* Going on from the popover's editor: out of the cell. */
      if (self->popover != NULL && focus != NULL && gtk_widget_is_ancestor (focus, self->popover))
        return FALSE;
      return ipms_table_cell_grab_focus (widget);
    }

  return gtk_widget_child_focus (self->row, direction);
}

static void
ipms_table_cell_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  IpmsTableCell *self = IPMS_TABLE_CELL (widget);
  GtkWidget *child = self->popover == NULL && self->row != NULL ? self->row : self->text;

  gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);

  /* An editor as wide as the text it replaced, unless it needs more:
   * its column does not jump as a cell is edited. */
  if (child == self->row && orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (*minimum, self->text_minimum);
      *natural = MAX (*minimum, self->text_natural);
    }
}

static void
ipms_table_cell_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  IpmsTableCell *self = IPMS_TABLE_CELL (widget);
  GtkWidget *child = self->popover == NULL && self->row != NULL ? self->row : self->text;

  gtk_widget_allocate (child, width, height, baseline, NULL);
  /* A popover follows its cell only when told. */
  if (self->popover != NULL && gtk_widget_get_visible (self->popover))
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
ipms_table_cell_dispose (GObject *object)
{
  IpmsTableCell *self = IPMS_TABLE_CELL (object);

  g_clear_handle_id (&self->unbound_idle, g_source_remove);
  g_clear_signal_handler (&self->notify_id, self->record);
  g_clear_signal_handler (&self->document_id, self->document);
  g_clear_pointer (&self->text, gtk_widget_unparent);
  /* The field row flushes a pending edit as it goes. */
  if (self->popover != NULL)
    {
      popover_closed_cb (self);
      self->row = NULL;
      g_clear_pointer (&self->popover, gtk_widget_unparent);
    }
  g_clear_pointer (&self->row, gtk_widget_unparent);
  g_clear_object (&self->record);
  g_clear_object (&self->document);
  g_clear_pointer (&self->context, g_free);
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
  widget_class->measure = ipms_table_cell_measure;
  widget_class->size_allocate = ipms_table_cell_size_allocate;

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
