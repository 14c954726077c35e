/* ipms-record-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ipms-field-row.h"
#include "ipms-forms-util.h"
#include "ipms-record-table.h"
#include "ipms-stable-list.h"
#include "ipms-table-cell.h"

/* Above this height the table scrolls inside the page. */
#define MAX_TABLE_HEIGHT 560
/* GTK 4.8's column view asks for the height of the rows it has made so
 * far, often one: the table reserves room for its rows itself. */
#define HEADER_HEIGHT 36
#define ROW_HEIGHT 43
/* Below this width a row is a card of its cells, one above another, each
 * under its column's label, instead of a line of columns cut off. */
#define NARROW_WIDTH 540
#define STACKED_CELL_HEIGHT 64
/* GTK 4.8's list views make a row for each of the first 200 rows of their
 * model, seen or not, at some 0.15 ms a cell: the views are given the
 * first rows only, more as they are scrolled near the end of those, or
 * as a row further down is asked for. A few at a time: the frame that
 * makes their widgets must still fit in a refresh interval. */
#define ROWS_AT_FIRST 40
#define MORE_ROWS 5

struct _IpmsRecordTable
{
  GtkWidget           parent_instance;

  IpmsDocument       *document;
  const IpmsTable    *table;
  const char         *owner_column;
  gint64              owner_id;
  IpmsRecordList     *list;
  /* The list without the rebinds of edited rows: see ipms-stable-list.h. */
  IpmsStableList     *stable;
  /* The first rows of the rows shown, which the views are given. */
  GtkSliceListModel  *slice;
  GtkSingleSelection *selection;
  guint               more_idle;
  /* A row to give the views from that idle, besides a scroll's. */
  guint               reveal_to;

  GtkWidget          *box;
  GtkWidget          *squeezer;
  GtkWidget          *scrolled;
  GtkWidget          *column_view;
  GtkWidget          *narrow_scrolled;
  GtkWidget          *list_view;
  guint               shown_idle;
  /* The names of the field columns, in order, for the stacked rows. */
  GPtrArray          *field_columns;
  GtkWidget          *empty_label;
  GtkWidget          *add_button;

  /* The IpmsTableCells, each with its GtkListItem and column index as
   * data, for moving the focus between cells. */
  GPtrArray          *cells;
  guint               n_columns;
  /* A row just added or asked for, whose cell of column `focus_column`
   * gets the focus once the row is laid out in view: see
   * focus_when_shown(). */
  gint64              focus_id;
  guint               focus_column;
  guint               focus_tick;
  guint               focus_frames;
  /* Where the focus was when it was asked for, to tell a move of the
   * user's (which drops the request) from one of the list's own. */
  GtkWidget          *focus_origin;
  /* See ipms_record_table_set_adds_rows(). */
  gboolean            no_add;
  /* See ipms_record_table_set_fill_required_references(). */
  gboolean            fill_references;
  /* See ipms_record_table_set_sorter() and _set_filter(). */
  GtkSorter          *sorter;
  GtkFilter          *filter;
  /* See ipms_record_table_set_new_row_choice(). */
  const char         *new_row_column;
  char               *new_row_code;
};

G_DEFINE_FINAL_TYPE (IpmsRecordTable, ipms_record_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The rows shown (a filter may hide some), whether the views have them
 * yet or not. Positions are the same in both. */
static GListModel *
get_shown (IpmsRecordTable *self)
{
  return gtk_slice_list_model_get_model (self->slice);
}

/* Gives the views the rows up to `position`, and some after it. */
static void
reveal (IpmsRecordTable *self,
        guint            position)
{
  guint size = gtk_slice_list_model_get_size (self->slice);

  if (position + MORE_ROWS / 2 >= size && size < g_list_model_get_n_items (get_shown (self)))
    gtk_slice_list_model_set_size (self->slice, position + MORE_ROWS);
}

static gboolean
reveal_more_cb (gpointer data)
{
  IpmsRecordTable *self = data;
  GtkWidget *scrolled = adw_squeezer_get_visible_child (ADW_SQUEEZER (self->squeezer));
  GtkAdjustment *adjustment;

  self->more_idle = 0;
  reveal (self, self->reveal_to);
  self->reveal_to = 0;
  if (!GTK_IS_SCROLLED_WINDOW (scrolled))
    return G_SOURCE_REMOVE;

  /* Within a page of the end of the rows the view has. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  if (gtk_adjustment_get_value (adjustment) + 2 * gtk_adjustment_get_page_size (adjustment) >=
      gtk_adjustment_get_upper (adjustment))
    reveal (self, gtk_slice_list_model_get_size (self->slice));

  return G_SOURCE_REMOVE;
}

/* The list lays its rows out when the adjustment changes, and moves the
 * focus while it does: the rows it is given change after that, not while
 * it is being allocated. */
static void
reveal_later (IpmsRecordTable *self,
              guint            position)
{
  self->reveal_to = MAX (self->reveal_to, position);
  if (self->more_idle == 0 &&
      gtk_slice_list_model_get_size (self->slice) < g_list_model_get_n_items (get_shown (self)))
    self->more_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reveal_more_cb, self, NULL);
}

static void
scrolled_cb (IpmsRecordTable *self)
{
  reveal_later (self, 0);
}

static void
update_actions (IpmsRecordTable *self)
{
  /* The rows shown: a filter may hide some. */
  guint n = g_list_model_get_n_items (get_shown (self));
  guint selected = gtk_single_selection_get_selected (self->selection);
  gboolean has_selection = selected != GTK_INVALID_LIST_POSITION && selected < n;
  gboolean ordered = self->table->order_column != NULL;
  gboolean can_add = !self->no_add && (self->owner_column == NULL || self->owner_id != 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.add", can_add);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.remove", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.move-up", ordered && has_selection && selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.move-down", ordered && has_selection && selected + 1 < n);

  /* The column headers stay: hiding the view while its rows change makes
   * GTK 4.8 paint a row before it has a size. */
  gtk_widget_set_visible (self->empty_label, n == 0);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scrolled),
                                              MIN (HEADER_HEIGHT + (int) n * ROW_HEIGHT, MAX_TABLE_HEIGHT));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->narrow_scrolled),
                                              MIN ((int) (n * self->n_columns) * STACKED_CELL_HEIGHT,
                                                   MAX_TABLE_HEIGHT));
}

GListModel *
ipms_record_table_get_shown (IpmsRecordTable *self)
{
  g_return_val_if_fail (IPMS_IS_RECORD_TABLE (self), NULL);

  return get_shown (self);
}

IpmsRecord *
ipms_record_table_get_selected_record (IpmsRecordTable *self)
{
  g_return_val_if_fail (IPMS_IS_RECORD_TABLE (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

void
ipms_record_table_select (IpmsRecordTable *self,
                          guint            position)
{
  g_return_if_fail (IPMS_IS_RECORD_TABLE (self));

  reveal (self, position);
  gtk_single_selection_set_selected (self->selection, position);
}

/* The IpmsTableCell shown for that row and column, if any. */
static GtkWidget *
find_table_cell (IpmsRecordTable *self,
                 guint            position,
                 guint            column)
{
  GtkWidget *shown = adw_squeezer_get_visible_child (ADW_SQUEEZER (self->squeezer));

  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (self->cells, i);
      GtkListItem *item = g_object_get_data (G_OBJECT (cell), "ipms-list-item");

      /* The cells of the columns or of the stacked rows, as shown. */
      if (shown != NULL && !gtk_widget_is_ancestor (cell, shown))
        continue;

      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "ipms-column")) == column &&
          gtk_list_item_get_item (item) != NULL &&
          gtk_list_item_get_position (item) == position)
        return cell;
    }

  return NULL;
}

GtkWidget *
ipms_record_table_get_cell (IpmsRecordTable *self,
                            guint            position,
                            guint            column)
{
  GtkWidget *cell;

  g_return_val_if_fail (IPMS_IS_RECORD_TABLE (self), NULL);

  cell = find_table_cell (self, position, column);
  return cell != NULL ? ipms_table_cell_get_row (IPMS_TABLE_CELL (cell)) : NULL;
}

gboolean
ipms_record_table_focus_cell (IpmsRecordTable *self,
                              guint            position,
                              guint            column)
{
  GtkWidget *cell;

  reveal (self, position);
  cell = find_table_cell (self, position, column);
  if (cell == NULL)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  /* The cell makes its editor, shows it and focuses it. */
  return gtk_widget_grab_focus (cell);
}

/* GTK 4.8 has no gtk_column_view_scroll_to(): its list's own action. */
static void
scroll_to_position (IpmsRecordTable *self,
                    guint            position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->column_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/* The shown position of the row `id`, or GTK_INVALID_LIST_POSITION. */
static guint
find_shown_position (IpmsRecordTable *self,
                     gint64           id)
{
  GListModel *shown = get_shown (self);
  guint n = g_list_model_get_n_items (shown);

  for (guint position = 0; position < n; position++)
    {
      g_autoptr(IpmsRecord) record = g_list_model_get_item (shown, position);

      if (ipms_record_get_id (record) == id)
        {
          reveal (self, position);
          return position;
        }
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
clear_focus_request (IpmsRecordTable *self)
{
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick);
  self->focus_tick = 0;
  self->focus_id = 0;
  self->focus_column = 0;
  self->focus_frames = 0;
  g_clear_weak_pointer (&self->focus_origin);
}

/* Long enough for a page shown at once to be laid out and scrolled. */
#define MAX_FOCUS_FRAMES 60

static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  IpmsRecordTable *self = IPMS_RECORD_TABLE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  guint position = find_shown_position (self, self->focus_id);
  GtkWidget *cell;

  /* The user (or another table asked after this one) moved the focus
   * elsewhere: that wins. */
  if (position == GTK_INVALID_LIST_POSITION || self->focus_frames++ >= MAX_FOCUS_FRAMES ||
      (focus != self->focus_origin && (focus == NULL || !gtk_widget_is_ancestor (focus, widget))))
    {
      self->focus_tick = 0;
      clear_focus_request (self);
      return G_SOURCE_REMOVE;
    }

  /* A tick comes before its frame's layout: the first one has not seen
   * the rows laid out yet. */
  cell = self->focus_frames > 1 ? find_table_cell (self, position, self->focus_column) : NULL;
  if (cell == NULL || !gtk_widget_get_mapped (cell))
    {
      scroll_to_position (self, position);
      return G_SOURCE_CONTINUE;
    }

  if (focus == NULL || !gtk_widget_is_ancestor (focus, cell))
    ipms_record_table_focus_cell (self, position, self->focus_column);

  self->focus_tick = 0;
  clear_focus_request (self);
  return G_SOURCE_REMOVE;
}

/* GTK 4.8's list views unmap the rows they lay out outside their view
 * (child-visible FALSE), also a row that was just made and focused before
 * the list had its size, and the window then moves the focus to the list,
 * which gives it to the first cell of its focused row. The cell is thus
 * focused now if it is there, and again once its row is laid out in view,
 * scrolling to it until it is. */
static void
focus_when_shown (IpmsRecordTable *self,
                  gint64           id,
                  guint            column)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  guint position = find_shown_position (self, id);

  clear_focus_request (self);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  if (!ipms_record_table_focus_cell (self, position, column))
    scroll_to_position (self, position);

  self->focus_id = id;
  self->focus_column = column;
  g_set_weak_pointer (&self->focus_origin, root != NULL ? gtk_root_get_focus (root) : NULL);
  self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_tick_cb, NULL, NULL);
}

gboolean
ipms_record_table_focus_record (IpmsRecordTable *self,
                                gint64           id,
                                const char      *column)
{
  guint column_index = 0;

  g_return_val_if_fail (IPMS_IS_RECORD_TABLE (self), FALSE);

  if (find_shown_position (self, id) == GTK_INVALID_LIST_POSITION)
    return FALSE;

  for (guint i = 0; column != NULL && i < self->field_columns->len; i++)
    if (g_str_equal (g_ptr_array_index (self->field_columns, i), column))
      column_index = i;

  focus_when_shown (self, id, column_index);
  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  IpmsRecordTable *self = IPMS_RECORD_TABLE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  GValue *values;
  gint64 id = 0;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  ipms_field_binding_flush_all (self->document);

  values = g_new0 (GValue, self->table->n_columns);
  for (guint i = 0; i < self->table->n_columns; i++)
    {
      const IpmsColumn *column = &self->table->columns[i];

      if (self->owner_column != NULL && g_str_equal (column->name, self->owner_column))
        {
          g_value_init (&values[i], G_TYPE_INT64);
          g_value_set_int64 (&values[i], self->owner_id);
        }
      else if (self->table->order_column != NULL && g_str_equal (column->name, self->table->order_column))
        {
          IpmsRecord *last = n > 0 ? ipms_record_list_get_record (self->list, n - 1) : NULL;

          g_value_init (&values[i], G_TYPE_INT64);
          g_value_set_int64 (&values[i], last != NULL ? ipms_record_get_int (last, column->name) + 1 : 0);
        }
      else if (column->type == IPMS_COLUMN_ENUM)
        {
          g_value_init (&values[i], G_TYPE_STRING);
          if (column->name == self->new_row_column)
            g_value_set_string (&values[i], self->new_row_code);
          else
            g_value_set_static_string (&values[i], column->choices[0].code);
        }
      else if (self->fill_references && column->type == IPMS_COLUMN_REFERENCE &&
               (column->flags & IPMS_COLUMN_FLAG_REQUIRED) != 0)
        {
          const IpmsTable *referenced = ipms_schema_lookup_table (column->references);
          g_autoptr(GPtrArray) rows = ipms_document_query (self->document, referenced->name, NULL, 0,
                                                           referenced->order_column);

          /* None to pick: the insert fails and says what is missing. */
          if (rows->len > 0)
            {
              g_value_init (&values[i], G_TYPE_INT64);
              g_value_set_int64 (&values[i], ipms_record_get_id (g_ptr_array_index (rows, 0)));
            }
        }
      else if (column->type == IPMS_COLUMN_TEXT && (column->flags & IPMS_COLUMN_FLAG_REQUIRED) != 0)
        {
          g_value_init (&values[i], G_TYPE_STRING);
          g_value_set_static_string (&values[i], "");
        }
    }

  /* Translators: an undo step; %s is what a row is called, as “Competitor” */
  label = g_strdup_printf (_("Add %s"), ipms_table_get_label (self->table));
  if (ipms_document_begin_edit (self->document, label, NULL, &error))
    {
      id = ipms_document_insert (self->document, self->table->name, 0, values, &error);
      if (id == 0 || !ipms_document_commit_edit (self->document, &error))
        {
          ipms_document_rollback_edit (self->document);
          id = 0;
        }
    }

  for (guint i = 0; i < self->table->n_columns; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);
  g_free (values);

  if (id == 0)
    {
      /* Translators: a toast title; the reason follows */
      ipms_forms_report_error (widget, _("Could not add a row"), error);
      return;
    }

  focus_when_shown (self, id, 0);
}

/* "Series (2), Campaign (1)": what still points at the row, for the toast. */
static char *
dup_dependents (IpmsRecordTable *self,
                IpmsRecord      *record)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const IpmsTable *tables;
  guint n_tables;

  tables = ipms_schema_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    for (guint c = 0; c < tables[t].n_columns; c++)
      {
        const IpmsColumn *column = &tables[t].columns[c];
        g_autoptr(GPtrArray) rows = NULL;

        if (column->type != IPMS_COLUMN_REFERENCE ||
            !g_str_equal (column->references, self->table->name) ||
            (column->flags & IPMS_COLUMN_FLAG_OWNED_BY) != 0)
          continue;

        rows = ipms_document_query (self->document, tables[t].name, column->name,
                                    ipms_record_get_id (record), NULL);
        if (rows->len == 0)
          continue;

        if (text->len > 0)
          /* Translators: separates the items of a list in a toast */
          g_string_append (text, _(", "));
        /* Translators: a kind of row and how many, as “Series (2)” */
        g_string_append_printf (text, _("%s (%u)"), ipms_table_get_label (&tables[t]), rows->len);
      }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IpmsRecordTable *self = IPMS_RECORD_TABLE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsRecord) record = NULL;
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  g_autofree char *dependents = NULL;
  g_autofree char *message = NULL;
  guint position = gtk_single_selection_get_selected (self->selection);

  if (ipms_record_table_get_selected_record (self) == NULL)
    return;

  ipms_field_binding_flush_all (self->document);
  record = g_object_ref (ipms_record_table_get_selected_record (self));
  title = ipms_forms_dup_record_title (self->document, record);
  dependents = dup_dependents (self, record);

  /* Translators: an undo step; %s names the row, as “Li Wei” */
  label = g_strdup_printf (_("Remove “%s”"), title);
  if (!ipms_document_begin_edit (self->document, label, NULL, &error) ||
      !ipms_document_delete (self->document, self->table->name, ipms_record_get_id (record), &error) ||
      !ipms_document_commit_edit (self->document, &error))
    {
      if (ipms_document_in_edit (self->document))
        ipms_document_rollback_edit (self->document);
      /* Translators: a toast title; the reason follows */
      ipms_forms_report_error (widget, _("Could not remove the row"), error);
      return;
    }

  if (dependents != NULL)
    /* Translators: a toast; the first %s names the removed row, the second
     * lists what no longer refers to it, as “Series (2), Campaign (1)” */
    message = g_strdup_printf (_("Removed “%s”, and cleared it from: %s"), title, dependents);
  else
    /* Translators: a toast; %s names the removed row */
    message = g_strdup_printf (_("Removed “%s”"), title);
  ipms_forms_add_undo_toast (widget, message);

  /* The focus stays in the table, on the row that took its place. */
  {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

    if (n > 0)
      {
        position = MIN (position, n - 1);
        gtk_single_selection_set_selected (self->selection, position);
        ipms_record_table_focus_cell (self, position, 0);
      }
  }
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IpmsRecordTable *self = IPMS_RECORD_TABLE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  const char *order = self->table->order_column;
  guint position = gtk_single_selection_get_selected (self->selection);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  gboolean up = g_str_equal (action_name, "table.move-up");
  IpmsRecord *record, *other;
  gint64 id, record_order, other_order;
  guint target;

  if (order == NULL || position == GTK_INVALID_LIST_POSITION || position >= n ||
      (up && position == 0) || (!up && position + 1 >= n))
    return;

  ipms_field_binding_flush_all (self->document);

  target = up ? position - 1 : position + 1;
  record = ipms_record_list_get_record (self->list, position);
  other = ipms_record_list_get_record (self->list, target);
  id = ipms_record_get_id (record);
  record_order = ipms_record_get_int (record, order);
  other_order = ipms_record_get_int (other, order);
  /* Equal orders (rows made elsewhere) still swap: one goes past the other. */
  if (record_order == other_order)
    other_order = up ? record_order - 1 : record_order + 1;

  title = ipms_forms_dup_record_title (self->document, record);
  /* Translators: an undo step; %s names the row */
  label = g_strdup_printf (up ? _("Move “%s” Up") : _("Move “%s” Down"), title);

  if (!ipms_document_begin_edit (self->document, label, NULL, &error) ||
      !ipms_document_set_int (self->document, self->table->name, id, order, MAX (other_order, 0), &error) ||
      !ipms_document_set_int (self->document, self->table->name, ipms_record_get_id (other), order,
                              MAX (record_order, 0), &error) ||
      !ipms_document_commit_edit (self->document, &error))
    {
      if (ipms_document_in_edit (self->document))
        ipms_document_rollback_edit (self->document);
      /* Translators: a toast title; the reason follows */
      ipms_forms_report_error (widget, _("Could not move the row"), error);
      return;
    }

  position = ipms_record_list_find (self->list, id);
  if (position != G_MAXUINT)
    {
      reveal (self, position);
      gtk_single_selection_set_selected (self->selection, position);
      ipms_record_table_focus_cell (self, position, 0);
    }
}

static gboolean
update_shown_view_cb (gpointer data)
{
  IpmsRecordTable *self = data;
  gboolean narrow = adw_squeezer_get_visible_child (ADW_SQUEEZER (self->squeezer)) == self->narrow_scrolled;

  self->shown_idle = 0;

  ipms_field_binding_flush_all (self->document);
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view),
                             narrow ? NULL : GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list_view),
                           narrow ? GTK_SELECTION_MODEL (self->selection) : NULL);

  return G_SOURCE_REMOVE;
}

/* Only the view shown has rows; the squeezer picks it while laying the
 * table out, when the views' models cannot change. */
static void
shown_view_changed_cb (IpmsRecordTable *self)
{
  if (self->shown_idle == 0)
    self->shown_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_shown_view_cb, self, NULL);
}

/* Cells. */

/* A cell of another row: now, or once the list has laid out the row (one
 * the views were just given). */
static gboolean
focus_cell_soon (IpmsRecordTable *self,
                 guint            position,
                 guint            column)
{
  g_autoptr(IpmsRecord) record = NULL;

  if (ipms_record_table_focus_cell (self, position, column))
    return TRUE;

  record = g_list_model_get_item (get_shown (self), position);
  if (record == NULL)
    return FALSE;

  focus_when_shown (self, ipms_record_get_id (record), column);
  return TRUE;
}

static gboolean
cell_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkWidget             *cell)
{
  IpmsRecordTable *self = IPMS_RECORD_TABLE (gtk_widget_get_ancestor (cell, IPMS_TYPE_RECORD_TABLE));
  GtkListItem *item = g_object_get_data (G_OBJECT (cell), "ipms-list-item");
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "ipms-column"));
  guint position = gtk_list_item_get_position (item);
  guint n = g_list_model_get_n_items (get_shown (self));

  state &= gtk_accelerator_get_default_mod_mask ();

  if (keyval == GDK_KEY_Tab && state == 0)
    {
      if (column + 1 < self->n_columns)
        return ipms_record_table_focus_cell (self, position, column + 1);
      if (position + 1 < n)
        return focus_cell_soon (self, position + 1, 0);
      return GDK_EVENT_PROPAGATE;
    }

  if ((keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_Tab) && state == GDK_SHIFT_MASK)
    {
      if (column > 0)
        return ipms_record_table_focus_cell (self, position, column - 1);
      if (position > 0)
        return focus_cell_soon (self, position - 1, self->n_columns - 1);
      return GDK_EVENT_PROPAGATE;
    }

  /* Enter goes down a column; in the last row it adds one. In a
   * multi-line cell Enter starts a new line, as in every GNOME text view
   * and in the form's own multi-line fields, and Ctrl+Enter goes down. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) &&
      state == (ipms_table_cell_is_multiline (IPMS_TABLE_CELL (cell)) ? GDK_CONTROL_MASK : 0))
    {
      GtkWidget *row = ipms_table_cell_peek_row (IPMS_TABLE_CELL (cell));

      if (row != NULL)
        ipms_field_binding_flush (ipms_field_row_get_binding (IPMS_FIELD_ROW (row)));
      if (position + 1 < n)
        focus_cell_soon (self, position + 1, column);
      else
        gtk_widget_activate_action (GTK_WIDGET (self), "table.add", NULL);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
cell_focus_enter_cb (GtkEventControllerFocus *controller,
                     GtkWidget               *cell)
{
  IpmsRecordTable *self = IPMS_RECORD_TABLE (gtk_widget_get_ancestor (cell, IPMS_TYPE_RECORD_TABLE));
  GtkListItem *item = g_object_get_data (G_OBJECT (cell), "ipms-list-item");

  if (self != NULL && gtk_list_item_get_item (item) != NULL)
    {
      /* The rows Tab and Enter go on to are there. */
      reveal_later (self, gtk_list_item_get_position (item) + 1);
      gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (item));
    }
}

/* A cell can also go without a teardown of its item (a column view
 * disposed with its rows): the list never keeps a dead cell. */
static void
cell_finalized_cb (gpointer  data,
                   GObject  *where_the_object_was)
{
  IpmsRecordTable *self = data;

  g_ptr_array_remove_fast (self->cells, where_the_object_was);
}

static GtkWidget *
make_cell (IpmsRecordTable *self,
           GtkListItem     *item,
           guint            index)
{
  const char *column = g_ptr_array_index (self->field_columns, index);
  GtkEventController *controller;
  GtkWidget *cell = ipms_table_cell_new (self->document, self->table->name, column);

  g_object_set_data (G_OBJECT (cell), "ipms-list-item", item);
  g_object_set_data (G_OBJECT (cell), "ipms-column", GUINT_TO_POINTER (index));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (cell_key_pressed_cb), cell);
  gtk_widget_add_controller (cell, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (cell_focus_enter_cb), cell);
  gtk_widget_add_controller (cell, controller);

  g_ptr_array_add (self->cells, cell);
  g_object_weak_ref (G_OBJECT (cell), cell_finalized_cb, self);

  return cell;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               IpmsRecordTable          *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "ipms-column-index"));

  gtk_list_item_set_child (item, make_cell (self, item, index));
  gtk_list_item_set_activatable (item, FALSE);
}

/* A stacked row: each cell under its column's label. */
static void
stacked_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  IpmsRecordTable          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  for (guint i = 0; i < self->field_columns->len; i++)
    {
      const IpmsColumn *column = ipms_table_lookup_column (self->table, g_ptr_array_index (self->field_columns, i));
      GtkWidget *label = gtk_label_new (ipms_column_get_label (column));

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 10);
      gtk_widget_set_margin_end (label, 10);
      gtk_widget_set_margin_top (label, i > 0 ? 4 : 0);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), make_cell (self, item, i));
    }

  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

/* A cell says its row after its column (`title`): in a table of members,
 * "Name" alone would not tell a screen reader's user which one. */
static void
bind_cell (IpmsTableCell *cell,
           IpmsRecord    *record,
           const char    *title)
{
  ipms_table_cell_set_record (cell, record);
  ipms_table_cell_set_context (cell, title);
}

static void
stacked_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 IpmsRecordTable          *self)
{
  IpmsRecord *record = gtk_list_item_get_item (item);
  g_autofree char *title = ipms_forms_dup_record_title (self->document, record);

  for (GtkWidget *child = gtk_widget_get_first_child (gtk_list_item_get_child (item)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (IPMS_IS_TABLE_CELL (child))
      bind_cell (IPMS_TABLE_CELL (child), record, title);
}

static void
stacked_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   IpmsRecordTable          *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  /* Flushes the cells' edits before the widgets show another row. */
  for (GtkWidget *child = box != NULL ? gtk_widget_get_first_child (box) : NULL; child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (IPMS_IS_TABLE_CELL (child))
      ipms_table_cell_set_record (IPMS_TABLE_CELL (child), NULL);
}

static void
cell_teardown_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  IpmsRecordTable          *self)
{
  /* By the list item, not by its child: GTK 4.8 may have taken the child
   * off the item already, and a cell left in the list would point at a
   * dead item (moving a row of a table whose owner changed crashed). */
  for (guint i = self->cells->len; i > 0; i--)
    {
      GtkWidget *cell = g_ptr_array_index (self->cells, i - 1);

      if (g_object_get_data (G_OBJECT (cell), "ipms-list-item") == (gpointer) item)
        {
          g_object_weak_unref (G_OBJECT (cell), cell_finalized_cb, self);
          g_ptr_array_remove_index_fast (self->cells, i - 1);
        }
    }
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              IpmsRecordTable          *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  IpmsRecord *record = gtk_list_item_get_item (item);
  g_autofree char *title = ipms_forms_dup_record_title (self->document, record);

  bind_cell (IPMS_TABLE_CELL (cell), record, title);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                IpmsRecordTable          *self)
{
  /* Flushes the cell's edit before the widget shows another row. */
  ipms_table_cell_set_record (IPMS_TABLE_CELL (gtk_list_item_get_child (item)), NULL);
}

static void
add_column (IpmsRecordTable    *self,
            const char         *title,
            GtkListItemFactory *factory,
            gboolean            expand,
            int                 width)
{
  GtkColumnViewColumn *column = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), column);
  g_object_unref (column);
}

static void
add_field_column (IpmsRecordTable *self,
                  const char      *name)
{
  const IpmsColumn *column = ipms_table_lookup_column (self->table, name);
  GtkListItemFactory *factory;

  g_return_if_fail (column != NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_object_set_data (G_OBJECT (factory), "ipms-column-index", GUINT_TO_POINTER (self->n_columns));
  g_ptr_array_add (self->field_columns, (gpointer) column->name);
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (cell_teardown_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), self);
  self->n_columns++;

  /* The column that names the row gets the room to read it, and a
   * multi-line one the room for a phrase (its editor shows it whole). */
  add_column (self, ipms_column_get_label (column), factory,
              column->type == IPMS_COLUMN_TEXT,
              g_strcmp0 (column->name, self->table->display_column) == 0 ? 220
              : column->format == IPMS_COLUMN_FORMAT_MULTILINE ? 180 : -1);
}

static void
update_progress (GtkListItem *item)
{
  GtkWidget *bar = gtk_list_item_get_child (item);
  IpmsRecord *record = gtk_list_item_get_item (item);
  const char *current = g_object_get_data (G_OBJECT (bar), "ipms-current");
  const char *target = g_object_get_data (G_OBJECT (bar), "ipms-target");
  double fraction = 0.0;
  g_autofree char *text = NULL;

  if (record != NULL && ipms_record_get_double (record, target) != 0.0)
    fraction = ipms_record_get_double (record, current) / ipms_record_get_double (record, target);

  fraction = CLAMP (fraction, 0.0, 1.0);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), fraction);
  /* Translators: the progress of a key result, as “64 %” */
  text = g_strdup_printf (_("%.0f %%"), fraction * 100.0);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (bar), text);
}

static void
progress_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 96, -1);
  g_object_set_data (G_OBJECT (bar), "ipms-current", g_object_get_data (G_OBJECT (factory), "ipms-current"));
  g_object_set_data (G_OBJECT (bar), "ipms-target", g_object_get_data (G_OBJECT (factory), "ipms-target"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, g_object_get_data (G_OBJECT (factory), "ipms-title"),
                                  -1);
  gtk_list_item_set_child (item, bar);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
progress_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  g_signal_connect_object (gtk_list_item_get_item (item), "changed", G_CALLBACK (update_progress), item,
                           G_CONNECT_SWAPPED);
  update_progress (item);
}

static void
progress_unbind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  IpmsRecord *record = gtk_list_item_get_item (item);

  /* GTK 4.8 may unbind an item whose row is already gone. */
  if (record != NULL)
    g_signal_handlers_disconnect_by_func (record, update_progress, item);
}

void
ipms_record_table_add_progress_column (IpmsRecordTable *self,
                                       const char      *title,
                                       const char      *current_column,
                                       const char      *target_column)
{
  GtkListItemFactory *factory;

  g_return_if_fail (IPMS_IS_RECORD_TABLE (self));
  g_return_if_fail (ipms_table_lookup_column (self->table, current_column) != NULL);
  g_return_if_fail (ipms_table_lookup_column (self->table, target_column) != NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_object_set_data (G_OBJECT (factory), "ipms-current", (gpointer) ipms_table_lookup_column (self->table, current_column)->name);
  g_object_set_data (G_OBJECT (factory), "ipms-target", (gpointer) ipms_table_lookup_column (self->table, target_column)->name);
  g_object_set_data_full (G_OBJECT (factory), "ipms-title", g_strdup (title), g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (progress_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (progress_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (progress_unbind_cb), NULL);

  add_column (self, title, factory, FALSE, 120);
}

static void
list_items_changed_cb (IpmsRecordTable *self)
{
  update_actions (self);
}

static void
selection_changed_cb (IpmsRecordTable *self)
{
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RECORD]);
}

void
ipms_record_table_set_owner (IpmsRecordTable *self,
                             const char      *owner_column,
                             gint64           owner_id)
{
  const IpmsColumn *column;

  g_return_if_fail (IPMS_IS_RECORD_TABLE (self));

  column = ipms_table_lookup_column (self->table, owner_column);
  g_return_if_fail (column != NULL && column->type == IPMS_COLUMN_REFERENCE);

  if (self->owner_column == column->name && self->owner_id == owner_id && self->list != NULL)
    return;

  ipms_field_binding_flush_all (self->document);

  self->owner_column = column->name;
  self->owner_id = owner_id;

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);

  /* Id 0 would select the rows without an owner: an empty list instead. */
  self->list = ipms_record_list_new (self->document, self->table->name, column->name,
                                     owner_id != 0 ? owner_id : -1, self->table->order_column);
  ipms_record_list_set_held (self->list, !gtk_widget_get_mapped (GTK_WIDGET (self)));
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (list_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  ipms_stable_list_set_model (self->stable, G_LIST_MODEL (self->list));
  update_actions (self);
}

void
ipms_record_table_set_empty_text (IpmsRecordTable *self,
                                  const char      *text)
{
  g_return_if_fail (IPMS_IS_RECORD_TABLE (self));

  gtk_label_set_text (GTK_LABEL (self->empty_label), text);
}

void
ipms_record_table_set_adds_rows (IpmsRecordTable *self,
                                 gboolean         adds_rows)
{
  g_return_if_fail (IPMS_IS_RECORD_TABLE (self));

  self->no_add = !adds_rows;
  gtk_widget_set_visible (self->add_button, adds_rows);
  update_actions (self);
}

void
ipms_record_table_set_fill_required_references (IpmsRecordTable *self,
                                                gboolean         fill)
{
  g_return_if_fail (IPMS_IS_RECORD_TABLE (self));

  self->fill_references = fill;
}

/* stable list → filtered → sorted → selection, each step only when set. */
static void
update_shown_model (IpmsRecordTable *self)
{
  g_autoptr(GListModel) model = g_object_ref (G_LIST_MODEL (self->stable));
  IpmsRecord *selected;
  gint64 selected_id;

  ipms_field_binding_flush_all (self->document);
  selected = ipms_record_table_get_selected_record (self);
  selected_id = selected != NULL ? ipms_record_get_id (selected) : 0;

  if (self->filter != NULL)
    model = G_LIST_MODEL (gtk_filter_list_model_new (g_steal_pointer (&model), g_object_ref (self->filter)));
  if (self->sorter != NULL)
    model = G_LIST_MODEL (gtk_sort_list_model_new (g_steal_pointer (&model), g_object_ref (self->sorter)));
  gtk_slice_list_model_set_model (self->slice, model);

  /* The selection follows its row to its new place. */
  for (guint i = 0; selected_id != 0 && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IpmsRecord) record = g_list_model_get_item (model, i);

      if (ipms_record_get_id (record) == selected_id)
        {
          reveal (self, i);
          gtk_single_selection_set_selected (self->selection, i);
        }
    }
  update_actions (self);
}

void
ipms_record_table_set_sorter (IpmsRecordTable *self,
                              GtkSorter       *sorter)
{
  g_return_if_fail (IPMS_IS_RECORD_TABLE (self));
  g_return_if_fail (sorter == NULL || GTK_IS_SORTER (sorter));
  /* Adding and moving work on the table's own order. */
  g_return_if_fail (self->table->order_column == NULL);

  if (g_set_object (&self->sorter, sorter))
    update_shown_model (self);
}

void
ipms_record_table_set_filter (IpmsRecordTable *self,
                              GtkFilter       *filter)
{
  g_return_if_fail (IPMS_IS_RECORD_TABLE (self));
  g_return_if_fail (filter == NULL || GTK_IS_FILTER (filter));
  /* Moving a row past rows that are not shown would look like nothing. */
  g_return_if_fail (self->table->order_column == NULL);

  if (g_set_object (&self->filter, filter))
    update_shown_model (self);
}

void
ipms_record_table_set_new_row_choice (IpmsRecordTable *self,
                                      const char      *column,
                                      const char      *code)
{
  const IpmsColumn *c;

  g_return_if_fail (IPMS_IS_RECORD_TABLE (self));

  if (column == NULL || code == NULL)
    {
      self->new_row_column = NULL;
      g_clear_pointer (&self->new_row_code, g_free);
      return;
    }

  c = ipms_table_lookup_column (self->table, column);
  g_return_if_fail (c != NULL && c->type == IPMS_COLUMN_ENUM);
  g_return_if_fail (ipms_column_find_choice (c, code) >= 0);

  self->new_row_column = c->name;
  g_free (self->new_row_code);
  self->new_row_code = g_strdup (code);
}

const char *
ipms_record_table_get_table_name (IpmsRecordTable *self)
{
  g_return_val_if_fail (IPMS_IS_RECORD_TABLE (self), NULL);

  return self->table->name;
}

IpmsRecordList *
ipms_record_table_get_list (IpmsRecordTable *self)
{
  g_return_val_if_fail (IPMS_IS_RECORD_TABLE (self), NULL);

  return self->list;
}

static GtkWidget *
make_button (const char *icon_name,
             const char *label,
             const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

IpmsRecordTable *
ipms_record_table_new (IpmsDocument       *document,
                       const char         *table,
                       const char * const *columns)
{
  IpmsRecordTable *self;
  GtkWidget *toolbar;
  GtkWidget *content;
  g_autofree char *add_label = NULL;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (ipms_schema_lookup_table (table) != NULL, NULL);
  g_return_val_if_fail (columns != NULL && columns[0] != NULL, NULL);

  self = g_object_new (IPMS_TYPE_RECORD_TABLE, NULL);
  self->document = g_object_ref (document);
  self->table = ipms_schema_lookup_table (table);

  for (guint i = 0; columns[i] != NULL; i++)
    add_field_column (self, columns[i]);

  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
    GtkWidget *list_view;

    g_signal_connect (factory, "setup", G_CALLBACK (stacked_setup_cb), self);
    g_signal_connect (factory, "teardown", G_CALLBACK (cell_teardown_cb), self);
    g_signal_connect (factory, "bind", G_CALLBACK (stacked_bind_cb), self);
    g_signal_connect (factory, "unbind", G_CALLBACK (stacked_unbind_cb), self);
    /* Its rows come with the model when it is shown: GTK 4.8 makes them
     * for an unseen list too. */
    list_view = gtk_list_view_new (NULL, factory);
    self->list_view = list_view;
    gtk_list_view_set_show_separators (GTK_LIST_VIEW (list_view), TRUE);
    gtk_widget_add_css_class (list_view, "data-table");
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->narrow_scrolled), list_view);
  }

  self->list = ipms_record_list_new (document, self->table->name, NULL, 0, self->table->order_column);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (list_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  ipms_stable_list_set_model (self->stable, G_LIST_MODEL (self->list));

  toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  /* Translators: a button under a table; %s is what a row is called, as “Competitor” */
  add_label = g_strdup_printf (_("Add %s"), ipms_table_get_label (self->table));
  self->add_button = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), add_label);
  gtk_button_set_child (GTK_BUTTON (self->add_button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "table.add");
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_box_append (GTK_BOX (toolbar), self->add_button);

  {
    GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_widget_set_hexpand (spacer, TRUE);
    gtk_box_append (GTK_BOX (toolbar), spacer);
  }

  if (self->table->order_column != NULL)
    {
      gtk_box_append (GTK_BOX (toolbar), make_button ("go-up-symbolic", _("Move Up (Alt+Up)"), "table.move-up"));
      gtk_box_append (GTK_BOX (toolbar), make_button ("go-down-symbolic", _("Move Down (Alt+Down)"), "table.move-down"));
    }
  gtk_box_append (GTK_BOX (toolbar), make_button ("user-trash-symbolic", _("Remove Row (Alt+Delete)"), "table.remove"));
  gtk_box_append (GTK_BOX (self->box), toolbar);

  /* A filter shows and hides rows without a change to the list. */
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (list_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  update_actions (self);

  return self;
}

static void
ipms_record_table_dispose (GObject *object)
{
  IpmsRecordTable *self = IPMS_RECORD_TABLE (object);

  g_clear_handle_id (&self->shown_idle, g_source_remove);
  g_clear_handle_id (&self->more_idle, g_source_remove);
  clear_focus_request (self);
  if (self->box != NULL)
    {
      gtk_widget_unparent (self->box);
      self->box = NULL;
    }
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->stable);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->new_row_code, g_free);
  g_clear_object (&self->document);
  if (self->cells != NULL)
    for (guint i = 0; i < self->cells->len; i++)
      g_object_weak_unref (g_ptr_array_index (self->cells, i), cell_finalized_cb, self);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->field_columns, g_ptr_array_unref);

  G_OBJECT_CLASS (ipms_record_table_parent_class)->dispose (object);
}

static void
ipms_record_table_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IpmsRecordTable *self = IPMS_RECORD_TABLE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_RECORD:
      g_value_set_object (value, ipms_record_table_get_selected_record (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Off screen, the rows stay as they were and catch up when shown: GTK 4.8
 * makes the cells of a hidden table again when its rows change, and the
 * undo of an import reloads every table. */
static void
ipms_record_table_map (GtkWidget *widget)
{
  IpmsRecordTable *self = IPMS_RECORD_TABLE (widget);

  if (self->list != NULL)
    ipms_record_list_set_held (self->list, FALSE);

  GTK_WIDGET_CLASS (ipms_record_table_parent_class)->map (widget);
}

static void
ipms_record_table_unmap (GtkWidget *widget)
{
  IpmsRecordTable *self = IPMS_RECORD_TABLE (widget);

  GTK_WIDGET_CLASS (ipms_record_table_parent_class)->unmap (widget);

  if (self->list != NULL)
    ipms_record_list_set_held (self->list, TRUE);
}

static void
ipms_record_table_class_init (IpmsRecordTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_record_table_dispose;
  object_class->get_property = ipms_record_table_get_property;

  widget_class->map = ipms_record_table_map;
  widget_class->unmap = ipms_record_table_unmap;

  properties[PROP_SELECTED_RECORD] =
    g_param_spec_object ("selected-record", NULL, NULL, IPMS_TYPE_RECORD,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "table.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "table.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "table.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "table.move-down", NULL, move_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_ALT_MASK, "table.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "table.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "table.move-down", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "recordtable");
}

static void
ipms_record_table_init (IpmsRecordTable *self)
{
  self->cells = g_ptr_array_new ();
  self->field_columns = g_ptr_array_new ();
  self->stable = ipms_stable_list_new (NULL);
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->stable)), 0, ROWS_AT_FIRST);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->column_view = gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)));
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (self->column_view), TRUE);
  gtk_column_view_set_reorderable (GTK_COLUMN_VIEW (self->column_view), FALSE);
  gtk_widget_add_css_class (self->column_view, "data-table");

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scrolled), MAX_TABLE_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->column_view);
  gtk_widget_add_css_class (self->scrolled, "card");
  /* The squeezer shows the columns from this width up. */
  gtk_widget_set_size_request (self->scrolled, NARROW_WIDTH, -1);

  self->narrow_scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->narrow_scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->narrow_scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->narrow_scrolled), MAX_TABLE_HEIGHT);
  gtk_widget_add_css_class (self->narrow_scrolled, "card");

  self->squeezer = adw_squeezer_new ();
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (self->squeezer), FALSE);
  adw_squeezer_set_transition_type (ADW_SQUEEZER (self->squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  adw_squeezer_add (ADW_SQUEEZER (self->squeezer), self->scrolled);
  adw_squeezer_add (ADW_SQUEEZER (self->squeezer), self->narrow_scrolled);
  g_signal_connect_swapped (self->squeezer, "notify::visible-child", G_CALLBACK (shown_view_changed_cb), self);
  gtk_box_append (GTK_BOX (self->box), self->squeezer);

  for (guint i = 0; i < 2; i++)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (i == 0 ? self->scrolled
                                                                                            : self->narrow_scrolled));

      g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (adjustment, "changed", G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
    }

  self->empty_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0.0);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_margin_start (self->empty_label, 12);
  gtk_widget_set_margin_end (self->empty_label, 12);
  gtk_widget_set_margin_top (self->empty_label, 6);
  gtk_box_append (GTK_BOX (self->box), self->empty_label);
}
