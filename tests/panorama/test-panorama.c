/* test-panorama.c: the panorama canvas, driven through its actions and its
 * interaction layer (the gesture handlers call the same functions), with the
 * model checked after each edit, its undo and its redo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ipms-canvas-item.h"
#include "ipms-canvas-menu.h"
#include "ipms-canvas-view.h"
#include "ipms-canvas-viewport.h"
#include "ipms-chart-export.h"
#include "ipms-chart-style.h"
#include "ipms-example.h"
#include "ipms-panorama-edits.h"
#include "ipms-panorama-page.h"
#include "ipms-new-series.h"
#include "ipms-panorama-palette.h"
#include "ipms-product-editor.h"
#include "ipms-test-utils.h"

typedef struct
{
  IpmsDocument       *document;
  IpmsSelection      *selection;
  GtkWindow          *window;
  IpmsPanoramaPage   *page;
  IpmsPanoramaCanvas *canvas;
  IpmsPanoramaChart  *chart;
} Fixture;

static const char *
example_language (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return language != NULL && g_str_has_prefix (language, "zh") ? "zh_CN" : "en";
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->document = ipms_example_new_draft (example_language (), &error);
  g_assert_no_error (error);
  fixture->selection = ipms_selection_new ();

  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fixture->window, 1500, 950);
  fixture->page = IPMS_PANORAMA_PAGE (ipms_panorama_page_new (fixture->document, fixture->selection));
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  fixture->canvas = ipms_panorama_page_get_canvas (fixture->page);
  fixture->chart = ipms_panorama_canvas_get_chart (fixture->canvas);
  gtk_window_present (fixture->window);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  ipms_document_close (fixture->document);
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->selection);
}

static IpmsRecord *
product (Fixture *fixture,
         gint64   id)
{
  IpmsRecord *record = ipms_document_get_record (fixture->document, "product", id);

  g_assert_nonnull (record);
  return record;
}

static gint64
column_item (Fixture *fixture,
             guint    column)
{
  return ipms_record_get_id (ipms_panorama_chart_get_column_item (fixture->chart, column));
}

static gint64
row_item (Fixture *fixture,
          guint    row)
{
  return ipms_record_get_id (ipms_panorama_chart_get_row_item (fixture->chart, row));
}

static gint64
segment_of_cell (Fixture *fixture,
                 guint    column,
                 guint    row)
{
  gint64 id = ipms_panorama_find_segment (fixture->document, column_item (fixture, column), row_item (fixture, row));

  g_assert_cmpint (id, !=, 0);
  return id;
}

/* A cell with at least `min` products, and one with fewer than `max`.
 * None found, the outputs are out of range (and the caller asserts). */
static gboolean
find_cell (Fixture *fixture,
           guint    min,
           guint    max,
           guint   *column,
           guint   *row)
{
  *column = G_MAXUINT;
  *row = G_MAXUINT;
  for (guint r = 0; r < ipms_panorama_chart_get_n_rows (fixture->chart); r++)
    for (guint c = 0; c < ipms_panorama_chart_get_n_columns (fixture->chart); c++)
      {
        guint n = ipms_panorama_chart_get_products (fixture->chart, c, r)->len;

        if (n >= min && n < max)
          {
            *column = c;
            *row = r;
            return TRUE;
          }
      }

  return FALSE;
}

static gint64
product_at (Fixture *fixture,
            guint    column,
            guint    row,
            guint    index)
{
  GPtrArray *products = ipms_panorama_chart_get_products (fixture->chart, column, row);

  g_assert_cmpuint (index, <, products->len);
  return ipms_record_get_id (g_ptr_array_index (products, index));
}

static void
chip_centre (Fixture *fixture,
             gint64   id,
             double  *x,
             double  *y)
{
  cairo_rectangle_t rect;

  g_assert_true (ipms_panorama_chart_get_chip_rect (fixture->chart, id, &rect));
  *x = rect.x + rect.width / 2;
  *y = rect.y + rect.height / 2;
}

/* A point of a cell's empty space, below its chips' slots. */
static void
cell_point (Fixture *fixture,
            guint    column,
            guint    row,
            double  *x,
            double  *y)
{
  cairo_rectangle_t cell;

  ipms_panorama_chart_get_cell_rect (fixture->chart, column, row, &cell);
  *x = cell.x + cell.width / 2;
  *y = cell.y + cell.height - 4;
}

static void
drag (Fixture         *fixture,
      double           x0,
      double           y0,
      double           x1,
      double           y1,
      GdkModifierType  state)
{
  g_assert_true (ipms_panorama_canvas_drag_begin (fixture->canvas, x0, y0, state));
  ipms_panorama_canvas_drag_update (fixture->canvas, (x0 + x1) / 2, (y0 + y1) / 2);
  ipms_panorama_canvas_drag_update (fixture->canvas, x1, y1);
  ipms_panorama_canvas_drag_end (fixture->canvas, x1, y1);
}

static gpointer
page_child (Fixture    *fixture,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), IPMS_TYPE_PANORAMA_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static void
click (Fixture         *fixture,
       double           x,
       double           y,
       GdkModifierType  state)
{
  g_assert_true (ipms_panorama_canvas_drag_begin (fixture->canvas, x, y, state));
  ipms_panorama_canvas_drag_end (fixture->canvas, x, y);
}

static void
undo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipms_document_undo (fixture->document, &error));
  g_assert_no_error (error);
}

static void
redo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipms_document_redo (fixture->document, &error));
  g_assert_no_error (error);
}

static void
test_place_from_palette (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *palette = ipms_panorama_page_get_palette (fixture->page);
  GListModel *unplaced = ipms_panorama_palette_get_products (IPMS_PANORAMA_PALETTE (palette));
  guint n_unplaced, column, row, before;
  gint64 id;
  double x, y;

  /* Take one product off so that the palette has one to place. */
  id = product_at (fixture, 0, 0, 0);
  g_assert_true (ipms_panorama_unplace_products (fixture->document, &id, 1, &error));
  g_assert_no_error (error);
  n_unplaced = g_list_model_get_n_items (unplaced);
  g_assert_cmpuint (n_unplaced, >=, 1);

  g_assert_true (find_cell (fixture, 0, 1, &column, &row));
  before = ipms_panorama_chart_get_n_placed (fixture->chart);
  cell_point (fixture, column, row, &x, &y);

  g_assert_true (ipms_panorama_canvas_preview_drop (fixture->canvas, 1, x, y));
  g_assert_true (ipms_panorama_canvas_drop_products (fixture->canvas, &id, 1, x, y));
  g_assert_cmpint (ipms_record_get_int (product (fixture, id), "segment_id"), ==, segment_of_cell (fixture, column, row));
  g_assert_cmpuint (ipms_panorama_chart_get_n_placed (fixture->chart), ==, before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (unplaced), ==, n_unplaced - 1);
  g_assert_nonnull (ipms_panorama_canvas_get_item (fixture->canvas, IPMS_PANORAMA_ITEM_PRODUCT, id));

  undo (fixture);
  g_assert_true (ipms_record_is_null (product (fixture, id), "segment_id"));
  g_assert_cmpuint (ipms_panorama_chart_get_n_placed (fixture->chart), ==, before);
  g_assert_null (ipms_panorama_canvas_get_item (fixture->canvas, IPMS_PANORAMA_ITEM_PRODUCT, id));

  redo (fixture);
  g_assert_cmpint (ipms_record_get_int (product (fixture, id), "segment_id"), ==, segment_of_cell (fixture, column, row));
}

static void
test_move_chip (Fixture       *fixture,
                gconstpointer  data)
{
  guint from_column, from_row, to_column, to_row;
  gint64 id, from_segment, to_segment;
  double x0, y0, x1, y1;
  g_autofree char *undo_label = NULL;

  g_assert_true (find_cell (fixture, 1, G_MAXUINT, &from_column, &from_row));
  g_assert_true (find_cell (fixture, 0, 1, &to_column, &to_row));
  id = product_at (fixture, from_column, from_row, 0);
  from_segment = segment_of_cell (fixture, from_column, from_row);
  to_segment = segment_of_cell (fixture, to_column, to_row);

  chip_centre (fixture, id, &x0, &y0);
  cell_point (fixture, to_column, to_row, &x1, &y1);
  drag (fixture, x0, y0, x1, y1, 0);

  g_assert_cmpint (ipms_record_get_int (product (fixture, id), "segment_id"), ==, to_segment);
  g_assert_true (ipms_selection_contains (fixture->selection, id));
  undo_label = g_strdup_printf (_("Move “%s”"), ipms_record_get_string (product (fixture, id), "name"));
  g_assert_cmpstr (ipms_document_get_undo_label (fixture->document), ==, undo_label);

  undo (fixture);
  g_assert_cmpint (ipms_record_get_int (product (fixture, id), "segment_id"), ==, from_segment);
  redo (fixture);
  g_assert_cmpint (ipms_record_get_int (product (fixture, id), "segment_id"), ==, to_segment);
}

static void
test_multi_move (Fixture       *fixture,
                 gconstpointer  data)
{
  guint column, row, to_column, to_row;
  gint64 a, b, from_segment, to_segment;
  double x, y, x1, y1;

  g_assert_true (find_cell (fixture, 2, G_MAXUINT, &column, &row));
  g_assert_true (find_cell (fixture, 0, 1, &to_column, &to_row));
  a = product_at (fixture, column, row, 0);
  b = product_at (fixture, column, row, 1);
  from_segment = segment_of_cell (fixture, column, row);
  to_segment = segment_of_cell (fixture, to_column, to_row);

  /* Click one, Ctrl+click the other: both selected. */
  chip_centre (fixture, a, &x, &y);
  click (fixture, x, y, 0);
  chip_centre (fixture, b, &x, &y);
  click (fixture, x, y, GDK_CONTROL_MASK);
  g_assert_cmpuint (ipms_selection_get_count (fixture->selection), ==, 2);

  cell_point (fixture, to_column, to_row, &x1, &y1);
  drag (fixture, x, y, x1, y1, 0);
  g_assert_cmpint (ipms_record_get_int (product (fixture, a), "segment_id"), ==, to_segment);
  g_assert_cmpint (ipms_record_get_int (product (fixture, b), "segment_id"), ==, to_segment);
  /* The order they had is kept. */
  g_assert_cmpint (ipms_record_get_int (product (fixture, a), "cell_order"), <,
                   ipms_record_get_int (product (fixture, b), "cell_order"));

  /* One drag, one undo step. */
  undo (fixture);
  g_assert_cmpint (ipms_record_get_int (product (fixture, a), "segment_id"), ==, from_segment);
  g_assert_cmpint (ipms_record_get_int (product (fixture, b), "segment_id"), ==, from_segment);
  redo (fixture);
  g_assert_cmpint (ipms_record_get_int (product (fixture, a), "segment_id"), ==, to_segment);
  g_assert_cmpint (ipms_record_get_int (product (fixture, b), "segment_id"), ==, to_segment);

  /* Ctrl+click on a selected chip unselects it. */
  chip_centre (fixture, b, &x, &y);
  click (fixture, x, y, GDK_CONTROL_MASK);
  g_assert_false (ipms_selection_contains (fixture->selection, b));
  g_assert_true (ipms_selection_contains (fixture->selection, a));
}

static void
test_rubber_band (Fixture       *fixture,
                  gconstpointer  data)
{
  guint column, row;
  cairo_rectangle_t cell;
  GPtrArray *products;

  g_assert_true (find_cell (fixture, 2, G_MAXUINT, &column, &row));
  products = ipms_panorama_chart_get_products (fixture->chart, column, row);
  ipms_panorama_chart_get_cell_rect (fixture->chart, column, row, &cell);

  /* From the cell's title area across the whole cell. */
  g_assert_true (ipms_panorama_canvas_drag_begin (fixture->canvas, cell.x + 2, cell.y + 2, 0));
  ipms_panorama_canvas_drag_update (fixture->canvas, cell.x + cell.width - 2, cell.y + cell.height - 2);
  g_assert_cmpuint (ipms_selection_get_count (fixture->selection), ==, products->len);

  /* Escape puts the selection back. */
  ipms_panorama_canvas_drag_cancel (fixture->canvas);
  g_assert_cmpuint (ipms_selection_get_count (fixture->selection), ==, 0);

  g_assert_true (ipms_panorama_canvas_drag_begin (fixture->canvas, cell.x + 2, cell.y + 2, 0));
  ipms_panorama_canvas_drag_update (fixture->canvas, cell.x + cell.width - 2, cell.y + cell.height - 2);
  ipms_panorama_canvas_drag_end (fixture->canvas, cell.x + cell.width - 2, cell.y + cell.height - 2);
  g_assert_cmpuint (ipms_selection_get_count (fixture->selection), ==, products->len);
}

static void
test_escape_cancels (Fixture       *fixture,
                     gconstpointer  data)
{
  guint column, row, to_column, to_row;
  const char *undo_label = ipms_document_get_undo_label (fixture->document);
  g_autofree char *label_before = g_strdup (undo_label);
  gint64 id, segment;
  double x0, y0, x1, y1;

  g_assert_true (find_cell (fixture, 1, G_MAXUINT, &column, &row));
  g_assert_true (find_cell (fixture, 0, 1, &to_column, &to_row));
  id = product_at (fixture, column, row, 0);
  segment = ipms_record_get_int (product (fixture, id), "segment_id");

  chip_centre (fixture, id, &x0, &y0);
  cell_point (fixture, to_column, to_row, &x1, &y1);
  g_assert_true (ipms_panorama_canvas_drag_begin (fixture->canvas, x0, y0, 0));
  ipms_panorama_canvas_drag_update (fixture->canvas, x1, y1);
  g_assert_true (ipms_panorama_canvas_is_dragging (fixture->canvas));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  ipms_test_save_widget_png (GTK_WIDGET (fixture->window), "panorama-drag-preview");

  ipms_panorama_canvas_drag_cancel (fixture->canvas);
  g_assert_false (ipms_panorama_canvas_is_dragging (fixture->canvas));
  /* A release after the cancel does nothing. */
  ipms_panorama_canvas_drag_end (fixture->canvas, x1, y1);
  g_assert_cmpint (ipms_record_get_int (product (fixture, id), "segment_id"), ==, segment);
  g_assert_cmpstr (ipms_document_get_undo_label (fixture->document), ==, label_before);
}


static void
test_autoscroll (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *view = ipms_panorama_page_get_view (fixture->page);
  graphene_point_t edge, before, after;
  guint column, row;
  gint64 id;
  double x, y;

  ipms_canvas_view_set_zoom (IPMS_CANVAS_VIEW (view), 2.0);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));

  g_assert_true (find_cell (fixture, 1, G_MAXUINT, &column, &row));
  id = product_at (fixture, column, row, 0);
  chip_centre (fixture, id, &x, &y);
  g_assert_true (gtk_widget_compute_point (view, GTK_WIDGET (fixture->canvas), &GRAPHENE_POINT_INIT (0, 0), &before));

  /* Hold a chip near the right edge of the view: the view scrolls on. */
  g_assert_true (gtk_widget_compute_point (view, GTK_WIDGET (fixture->canvas),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (view) - 8,
                                                                 gtk_widget_get_height (view) / 2.0),
                                           &edge));
  g_assert_true (ipms_panorama_canvas_drag_begin (fixture->canvas, x, y, 0));
  ipms_panorama_canvas_drag_update (fixture->canvas, edge.x, edge.y);
  for (guint i = 0; i < 5; i++)
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));

  g_assert_true (gtk_widget_compute_point (view, GTK_WIDGET (fixture->canvas), &GRAPHENE_POINT_INIT (0, 0), &after));
  g_assert_cmpfloat (after.x, >, before.x + 10);

  /* Escape stops it. */
  ipms_panorama_canvas_drag_cancel (fixture->canvas);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_assert_true (gtk_widget_compute_point (view, GTK_WIDGET (fixture->canvas), &GRAPHENE_POINT_INIT (0, 0), &before));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_assert_true (gtk_widget_compute_point (view, GTK_WIDGET (fixture->canvas), &GRAPHENE_POINT_INIT (0, 0), &after));
  g_assert_cmpfloat_with_epsilon (after.x, before.x, 0.5);
}

static void
test_unplace (Fixture       *fixture,
              gconstpointer  data)
{
  guint column, row;
  gint64 id, segment;
  GtkWidget *palette = ipms_panorama_page_get_palette (fixture->page);
  graphene_point_t point;
  double x, y;

  g_assert_true (find_cell (fixture, 1, G_MAXUINT, &column, &row));
  id = product_at (fixture, column, row, 0);
  segment = ipms_record_get_int (product (fixture, id), "segment_id");

  /* By the action (Delete) */
  ipms_selection_select_only (fixture->selection, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "panorama.unplace-selection", NULL));
  g_assert_true (ipms_record_is_null (product (fixture, id), "segment_id"));
  undo (fixture);
  g_assert_cmpint (ipms_record_get_int (product (fixture, id), "segment_id"), ==, segment);
  redo (fixture);
  g_assert_true (ipms_record_is_null (product (fixture, id), "segment_id"));
  undo (fixture);

  /* By dragging the chip onto the palette */
  chip_centre (fixture, id, &x, &y);
  g_assert_true (gtk_widget_compute_point (palette, GTK_WIDGET (fixture->canvas),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (palette) / 2.0,
                                                                 gtk_widget_get_height (palette) / 2.0),
                                           &point));
  drag (fixture, x, y, point.x, point.y, 0);
  g_assert_true (ipms_record_is_null (product (fixture, id), "segment_id"));
  undo (fixture);
  g_assert_cmpint (ipms_record_get_int (product (fixture, id), "segment_id"), ==, segment);
}

static void
test_reorder_in_cell (Fixture       *fixture,
                      gconstpointer  data)
{
  guint column, row;
  gint64 first, second;
  cairo_rectangle_t slot;
  double x, y;

  g_assert_true (find_cell (fixture, 2, G_MAXUINT, &column, &row));
  first = product_at (fixture, column, row, 0);
  second = product_at (fixture, column, row, 1);

  /* Drop the first chip on the lower half of the second. */
  chip_centre (fixture, first, &x, &y);
  ipms_panorama_chart_get_slot_rect (fixture->chart, column, row, 1, &slot);
  drag (fixture, x, y, slot.x + slot.width / 2, slot.y + slot.height * 0.8, 0);
  g_assert_cmpint (product_at (fixture, column, row, 0), ==, second);
  g_assert_cmpint (product_at (fixture, column, row, 1), ==, first);

  undo (fixture);
  g_assert_cmpint (product_at (fixture, column, row, 0), ==, first);
  g_assert_cmpint (product_at (fixture, column, row, 1), ==, second);
  redo (fixture);
  g_assert_cmpint (product_at (fixture, column, row, 0), ==, second);
}

static void
test_keyboard_move (Fixture       *fixture,
                    gconstpointer  data)
{
  guint column, row, new_column = 0, new_row = 0;
  gint64 id;
  GtkWidget *item;

  g_assert_true (find_cell (fixture, 1, G_MAXUINT, &column, &row));
  id = product_at (fixture, column, row, 0);
  item = ipms_panorama_canvas_get_item (fixture->canvas, IPMS_PANORAMA_ITEM_PRODUCT, id);
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_grab_focus (item));
  ipms_selection_select_only (fixture->selection, id);

  /* Arrow keys move the focus from chip to chip, selecting as they go. */
  {
    guint c, r;
    GtkWidget *next;

    g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->canvas), GTK_DIR_DOWN) ||
                   gtk_widget_child_focus (GTK_WIDGET (fixture->canvas), GTK_DIR_UP));
    next = gtk_root_get_focus (GTK_ROOT (fixture->window));
    g_assert_true (IPMS_IS_CANVAS_ITEM (next));
    g_assert_true (next != item);
    if (ipms_canvas_item_get_kind (IPMS_CANVAS_ITEM (next)) == IPMS_PANORAMA_ITEM_PRODUCT)
      {
        g_assert_true (ipms_selection_contains (fixture->selection, ipms_canvas_item_get_id (IPMS_CANVAS_ITEM (next))));
        g_assert_true (ipms_panorama_chart_find_product (fixture->chart, ipms_canvas_item_get_id (IPMS_CANVAS_ITEM (next)), &c, &r, NULL));
        g_assert_cmpuint (c, ==, column);
      }
    g_assert_true (gtk_widget_grab_focus (item));
    ipms_selection_select_only (fixture->selection, id);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "panorama.move-selection", "s",
                                             column + 1 < ipms_panorama_chart_get_n_columns (fixture->chart) ? "right" : "left"));
  g_assert_true (ipms_panorama_chart_find_product (fixture->chart, id, &new_column, &new_row, NULL));
  g_assert_cmpuint (new_row, ==, row);
  g_assert_cmpuint (new_column, !=, column);
  /* The chip keeps its widget, so the focus stays on it. */
  g_assert_true (ipms_panorama_canvas_get_item (fixture->canvas, IPMS_PANORAMA_ITEM_PRODUCT, id) == item);
  g_assert_true (gtk_widget_has_focus (item));

  undo (fixture);
  g_assert_true (ipms_panorama_chart_find_product (fixture->chart, id, &new_column, &new_row, NULL));
  g_assert_cmpuint (new_column, ==, column);
  redo (fixture);
  g_assert_true (ipms_panorama_chart_find_product (fixture->chart, id, &new_column, NULL, NULL));
  g_assert_cmpuint (new_column, !=, column);
}

static void
test_rename_axis_item (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 item = column_item (fixture, 0);
  g_autofree char *old_label = g_strdup (ipms_record_get_string (ipms_document_get_record (fixture->document, "axis_item", item), "label"));
  GtkEditable *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "panorama.rename-item", "x", item));
  entry = ipms_panorama_canvas_get_rename_entry (fixture->canvas);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, old_label);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_WIDGET (entry)));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  g_object_unref (ipms_test_save_widget_png (GTK_WIDGET (fixture->window), "panorama-rename"));
  gtk_editable_set_text (entry, "Smart & connected");
  ipms_panorama_canvas_finish_rename (fixture->canvas, TRUE);
  g_assert_null (ipms_panorama_canvas_get_rename_entry (fixture->canvas));
  /* The focus goes back to the header, for the keyboard to go on from there. */
  g_assert_true (gtk_widget_has_focus (ipms_panorama_canvas_get_item (fixture->canvas, IPMS_PANORAMA_ITEM_COLUMN, item)));
  g_assert_cmpstr (ipms_record_get_string (ipms_panorama_chart_get_column_item (fixture->chart, 0), "label"), ==, "Smart & connected");

  undo (fixture);
  g_assert_cmpstr (ipms_record_get_string (ipms_panorama_chart_get_column_item (fixture->chart, 0), "label"), ==, old_label);
  redo (fixture);
  g_assert_cmpstr (ipms_record_get_string (ipms_panorama_chart_get_column_item (fixture->chart, 0), "label"), ==, "Smart & connected");

  /* Escape leaves the name alone. */
  g_assert_true (ipms_panorama_canvas_begin_rename (fixture->canvas, item));
  gtk_editable_set_text (ipms_panorama_canvas_get_rename_entry (fixture->canvas), "Discarded");
  ipms_panorama_canvas_finish_rename (fixture->canvas, FALSE);
  g_assert_cmpstr (ipms_record_get_string (ipms_panorama_chart_get_column_item (fixture->chart, 0), "label"), ==, "Smart & connected");
}

static void
test_reorder_axis_items (Fixture       *fixture,
                         gconstpointer  data)
{
  guint n_columns = ipms_panorama_chart_get_n_columns (fixture->chart);
  gint64 first = column_item (fixture, 0);
  gint64 second = column_item (fixture, 1);
  gint64 first_row = row_item (fixture, 0);
  cairo_rectangle_t header, last;
  guint column, row, index;
  gint64 id;

  g_assert_cmpuint (n_columns, >=, 2);

  /* A product keeps its segment, which moves with the column. */
  g_assert_true (find_cell (fixture, 1, G_MAXUINT, &column, &row));
  id = product_at (fixture, column, row, 0);

  /* Drag the first header past the last one. */
  ipms_panorama_chart_get_column_header_rect (fixture->chart, 0, &header);
  ipms_panorama_chart_get_column_header_rect (fixture->chart, n_columns - 1, &last);
  drag (fixture, header.x + header.width / 2, header.y + header.height / 2,
        last.x + last.width - 2, last.y + last.height / 2, 0);
  g_assert_cmpint (column_item (fixture, n_columns - 1), ==, first);
  g_assert_cmpint (column_item (fixture, 0), ==, second);
  g_assert_true (ipms_panorama_chart_find_product (fixture->chart, id, NULL, NULL, &index));

  undo (fixture);
  g_assert_cmpint (column_item (fixture, 0), ==, first);
  g_assert_cmpint (column_item (fixture, 1), ==, second);
  redo (fixture);
  g_assert_cmpint (column_item (fixture, n_columns - 1), ==, first);
  undo (fixture);

  /* Rows by the action the keyboard uses (Ctrl+Down) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "panorama.move-item", "(xi)",
                                             first_row, (gint32) 2));
  g_assert_cmpint (row_item (fixture, 1), ==, first_row);
  undo (fixture);
  g_assert_cmpint (row_item (fixture, 0), ==, first_row);
  redo (fixture);
  g_assert_cmpint (row_item (fixture, 1), ==, first_row);
}

static void
test_add_remove_axis_items (Fixture       *fixture,
                            gconstpointer  data)
{
  guint n_columns = ipms_panorama_chart_get_n_columns (fixture->chart);
  guint n_rows = ipms_panorama_chart_get_n_rows (fixture->chart);
  guint n_segments = ipms_document_count_rows (fixture->document, "segment");
  guint column, row, n_placed;
  AdwMessageDialog *dialog;
  gint64 item, new_item;

  /* Add: a column with one segment per row, renamed inline at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "panorama.add-column", NULL));
  g_assert_cmpuint (ipms_panorama_chart_get_n_columns (fixture->chart), ==, n_columns + 1);
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "segment"), ==, n_segments + n_rows);
  g_assert_nonnull (ipms_panorama_canvas_get_rename_entry (fixture->canvas));
  gtk_editable_set_text (ipms_panorama_canvas_get_rename_entry (fixture->canvas), "Eco-friendly");
  ipms_panorama_canvas_finish_rename (fixture->canvas, TRUE);
  new_item = column_item (fixture, n_columns);
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_record (fixture->document, "axis_item", new_item), "label"), ==, "Eco-friendly");
  g_assert_nonnull (ipms_panorama_canvas_get_item (fixture->canvas, IPMS_PANORAMA_ITEM_COLUMN, new_item));

  undo (fixture);   /* the rename */
  undo (fixture);   /* the column */
  g_assert_cmpuint (ipms_panorama_chart_get_n_columns (fixture->chart), ==, n_columns);
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "segment"), ==, n_segments);
  redo (fixture);
  g_assert_cmpuint (ipms_panorama_chart_get_n_columns (fixture->chart), ==, n_columns + 1);
  undo (fixture);

  /* Remove an item holding products: asked first, then one undo step. */
  g_assert_true (find_cell (fixture, 1, G_MAXUINT, &column, &row));
  item = column_item (fixture, column);
  n_placed = ipms_panorama_chart_get_n_placed (fixture->chart);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "panorama.remove-item", "x", item));
  dialog = ADW_MESSAGE_DIALOG (ipms_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, 0));
  g_assert_nonnull (dialog);
  /* Nothing happens before the answer. */
  g_assert_cmpuint (ipms_panorama_chart_get_n_columns (fixture->chart), ==, n_columns);
  adw_message_dialog_response (dialog, "remove");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (ipms_panorama_chart_get_n_columns (fixture->chart), ==, n_columns - 1);
  g_assert_cmpuint (ipms_panorama_chart_get_n_placed (fixture->chart), <, n_placed);

  undo (fixture);
  g_assert_cmpuint (ipms_panorama_chart_get_n_columns (fixture->chart), ==, n_columns);
  g_assert_cmpuint (ipms_panorama_chart_get_n_placed (fixture->chart), ==, n_placed);
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "segment"), ==, n_segments);
  redo (fixture);
  g_assert_cmpuint (ipms_panorama_chart_get_n_columns (fixture->chart), ==, n_columns - 1);
}


static void
test_segment_panel (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *panel = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->page), IPMS_TYPE_PANORAMA_PAGE, "segment_panel"));
  GtkEditable *name_row;
  AdwComboRow *role_row;
  GtkSpinButton *value_spin;
  IpmsRecord *segment;
  g_autofree char *old_name = NULL;
  double old_value;
  cairo_rectangle_t cell;
  guint column = 1, row = 1;

  g_assert_nonnull (panel);
  name_row = GTK_EDITABLE (gtk_widget_get_template_child (panel, g_type_from_name ("IpmsSegmentPanel"), "name_row"));
  role_row = ADW_COMBO_ROW (gtk_widget_get_template_child (panel, g_type_from_name ("IpmsSegmentPanel"), "role_row"));
  value_spin = GTK_SPIN_BUTTON (gtk_widget_get_template_child (panel, g_type_from_name ("IpmsSegmentPanel"), "value_spin"));
  segment = ipms_document_get_record (fixture->document, "segment", segment_of_cell (fixture, column, row));
  old_name = g_strdup (ipms_record_get_string (segment, "name"));
  old_value = ipms_record_get_double (segment, "market_value");

  /* A click on a cell's empty space makes it the panel's cell. */
  ipms_panorama_chart_get_cell_rect (fixture->chart, column, row, &cell);
  click (fixture, cell.x + cell.width - 6, cell.y + cell.height - 6, 0);
  g_assert_true (gtk_widget_get_child_visible (panel) || gtk_widget_get_visible (panel));
  g_assert_cmpstr (gtk_editable_get_text (name_row), ==, old_name);

  gtk_editable_set_text (name_row, "Design-led commuters");
  g_assert_cmpstr (ipms_record_get_string (segment, "name"), ==, "Design-led commuters");
  undo (fixture);
  g_assert_cmpstr (ipms_record_get_string (segment, "name"), ==, old_name);
  /* The panel follows the undo. */
  g_assert_cmpstr (gtk_editable_get_text (name_row), ==, old_name);
  redo (fixture);
  g_assert_cmpstr (gtk_editable_get_text (name_row), ==, "Design-led commuters");

  gtk_spin_button_set_value (value_spin, 987654321);
  g_assert_cmpfloat (ipms_record_get_double (segment, "market_value"), ==, 987654321);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value_spin)), ==, "987,654,321");
  undo (fixture);
  g_assert_cmpfloat (ipms_record_get_double (segment, "market_value"), ==, old_value);

  adw_combo_row_set_selected (role_row, 1);
  g_assert_cmpstr (ipms_record_get_string (segment, "role"), ==, "core");
  undo (fixture);
  g_assert_cmpstr (ipms_record_get_string (segment, "role"), !=, "core");

  /* A text longer than its row can be read whole without editing it. */
  {
    GtkWidget *trend_row = GTK_WIDGET (gtk_widget_get_template_child (panel, g_type_from_name ("IpmsSegmentPanel"), "trend_row"));
    const char *trend = ipms_record_get_string (segment, "trend");

    g_assert_cmpuint (strlen (trend), >, 0);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (trend_row), ==, trend);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (name_row)), ==, ipms_record_get_string (segment, "name"));
  }
}


static void
test_empty_grid (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = ipms_document_new_draft ("Empty plan", &error);
  IpmsPanoramaPage *page;
  IpmsPanoramaCanvas *canvas;
  IpmsPanoramaChart *chart;
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  IpmsPanoramaHit hit;
  cairo_rectangle_t rect;

  g_assert_no_error (error);
  gtk_window_set_default_size (window, 1100, 700);
  page = IPMS_PANORAMA_PAGE (ipms_panorama_page_new (document, fixture->selection));
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  canvas = ipms_panorama_page_get_canvas (page);
  chart = ipms_panorama_canvas_get_chart (canvas);
  gtk_window_present (window);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (canvas)));
  g_object_unref (ipms_test_save_widget_png (GTK_WIDGET (window), "panorama-empty"));

  /* A first column: its header shows, with a hint for the missing rows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "panorama-page.add-column", NULL));
  g_assert_cmpuint (ipms_panorama_chart_get_n_columns (chart), ==, 1);
  g_assert_nonnull (ipms_panorama_canvas_get_rename_entry (canvas));
  gtk_editable_set_text (ipms_panorama_canvas_get_rename_entry (canvas), "Value for money");
  ipms_panorama_canvas_finish_rename (canvas, TRUE);
  ipms_panorama_chart_get_column_header_rect (chart, 0, &rect);
  ipms_panorama_chart_hit_test (chart, rect.x + 10, rect.y + 10, &hit);
  g_assert_cmpint (hit.kind, ==, IPMS_PANORAMA_HIT_COLUMN_HEADER);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (canvas)));
  g_object_unref (ipms_test_save_widget_png (GTK_WIDGET (window), "panorama-half-grid"));

  /* A first row makes the first cell, where a new product can go. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "panorama-page.add-row", NULL));
  ipms_panorama_canvas_finish_rename (canvas, TRUE);
  g_assert_cmpuint (ipms_document_count_rows (document, "segment"), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "panorama.new-product", "(xx)",
                                             ipms_record_get_id (ipms_panorama_chart_get_column_item (chart, 0)),
                                             ipms_record_get_id (ipms_panorama_chart_get_row_item (chart, 0))));
  g_assert_cmpuint (ipms_panorama_chart_get_n_placed (chart), ==, 1);

  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
      {
        g_autoptr(GObject) other = g_list_model_get_item (toplevels, i - 1);

        if (g_type_is_a (G_OBJECT_TYPE (other), g_type_from_name ("IpmsProductEditor")))
          gtk_window_destroy (GTK_WINDOW (other));
      }
  }
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  ipms_document_close (document);
}

static void
test_new_product_in_cell (Fixture       *fixture,
                          gconstpointer  data)
{
  guint n_products = ipms_document_count_rows (fixture->document, "product");
  gint64 opened = 0;
  guint column = 0, row = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "panorama.new-product", "(xx)",
                                             column_item (fixture, column), row_item (fixture, row)));
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "product"), ==, n_products + 1);
  opened = ipms_selection_get_lead (fixture->selection);
  g_assert_cmpint (opened, !=, 0);
  g_assert_cmpint (ipms_record_get_int (product (fixture, opened), "segment_id"), ==, segment_of_cell (fixture, column, row));

  /* The page opened the product editor over the window. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        if (g_type_is_a (G_OBJECT_TYPE (window), g_type_from_name ("IpmsProductEditor")))
          {
            found = TRUE;
            g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));
            g_object_unref (ipms_test_save_widget_png (GTK_WIDGET (window), "product-editor"));
            gtk_window_destroy (GTK_WINDOW (window));
          }
      }
    g_assert_true (found);
  }

  undo (fixture);
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "product"), ==, n_products);
}

static void
test_live_updates (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint column, row;
  gint64 id;
  GtkWidget *item;
  const char *label;

  g_assert_true (find_cell (fixture, 1, G_MAXUINT, &column, &row));
  id = product_at (fixture, column, row, 0);
  item = ipms_panorama_canvas_get_item (fixture->canvas, IPMS_PANORAMA_ITEM_PRODUCT, id);

  /* An edit made elsewhere reaches the chip's accessible name at once. */
  g_assert_true (ipms_document_begin_edit (fixture->document, "Rename", NULL, &error));
  g_assert_true (ipms_document_set_string (fixture->document, "product", id, "name", "Renamed Feeder", &error));
  g_assert_true (ipms_document_commit_edit (fixture->document, &error));
  g_assert_no_error (error);

  label = ipms_canvas_item_get_label (IPMS_CANVAS_ITEM (item));
  g_assert_true (g_str_has_prefix (label, "Renamed Feeder"));

  undo (fixture);
  g_assert_false (g_str_has_prefix (ipms_canvas_item_get_label (IPMS_CANVAS_ITEM (item)), "Renamed Feeder"));

  /* While hidden (another section shown), the canvas catches up on showing. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), FALSE);
  redo (fixture);
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), TRUE);
  g_assert_true (g_str_has_prefix (ipms_canvas_item_get_label (IPMS_CANVAS_ITEM (item)), "Renamed Feeder"));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = ipms_test_make_temp_path ("panorama.png");
  g_autofree char *pdf = ipms_test_make_temp_path ("panorama.pdf");
  g_autofree char *artifacts = NULL;
  g_autoptr(IpmsChart) chart = ipms_chart_new_for_kind (fixture->document, "panorama", NULL);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  IpmsExportOptions options = { IPMS_PAGE_FIT, FALSE, FALSE, 192 };
  IpmsColor grade_color;
  double width, height;
  guint column, row, hits = 0;
  gint64 id;
  cairo_rectangle_t rect;
  guint32 expected;

  g_assert_nonnull (chart);
  g_assert_null (ipms_chart_new_for_kind (fixture->document, "pie", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (ipms_chart_export (chart, path, &options, &error));
  g_assert_no_error (error);

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  ipms_chart_get_size (chart, &width, &height);
  /* 192 dpi: two pixels per chart unit */
  g_assert_cmpint (gdk_texture_get_width (texture), ==, (int) (width * 2 + 0.5));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, (int) (height * 2 + 0.5));

  /* The grade badge of a chip is drawn in the grade's colour. */
  g_assert_true (find_cell (fixture, 1, G_MAXUINT, &column, &row));
  id = product_at (fixture, column, row, 0);
  g_assert_true (ipms_panorama_chart_get_chip_rect (fixture->chart, id, &rect));
  ipms_chart_style_get_grade_color (ipms_record_get_string (product (fixture, id), "grade"), FALSE, &grade_color);
  expected = 0xff000000 | ((guint32) (grade_color.red * 255 + 0.5) << 16) |
             ((guint32) (grade_color.green * 255 + 0.5) << 8) | (guint32) (grade_color.blue * 255 + 0.5);
  for (int y = (int) (rect.y * 2); y < (int) ((rect.y + rect.height) * 2); y++)
    for (int x = (int) (rect.x * 2); x < (int) ((rect.x + 50) * 2); x++)
      if (ipms_test_argb_near (ipms_test_texture_get_pixel (texture, x, y), expected, 3))
        hits++;
  /* The badge is 28 × 28 units, about 3,000 pixels at 2×, less its letter. */
  g_assert_cmpuint (hits, >, 1500);

  /* Pages: A4 landscape at 96 dpi is 1123 × 794 px; PDF writes. */
  options = (IpmsExportOptions) { IPMS_PAGE_A4, TRUE, FALSE, 96 };
  g_assert_true (ipms_chart_export (chart, path, &options, &error));
  g_clear_object (&texture);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1123);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 794);
  g_assert_true (ipms_chart_export (chart, pdf, &options, &error));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  /* Keep a print-quality export as an artifact, light and dark. */
  artifacts = g_build_filename (g_getenv ("IPMS_TEST_ARTIFACTS"), "panorama-export.png", NULL);
  g_mkdir_with_parents (g_getenv ("IPMS_TEST_ARTIFACTS"), 0755);
  options = (IpmsExportOptions) { IPMS_PAGE_FIT, FALSE, FALSE, 0 };
  g_assert_true (ipms_chart_export (chart, artifacts, &options, &error));
  g_free (artifacts);
  artifacts = g_build_filename (g_getenv ("IPMS_TEST_ARTIFACTS"), "panorama-export-dark.png", NULL);
  options.dark = TRUE;
  g_assert_true (ipms_chart_export (chart, artifacts, &options, &error));

  /* From the UI: the page's export action opens the dialog over the window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "panorama-page.export", NULL));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *dialog = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        if (g_type_is_a (G_OBJECT_TYPE (window), g_type_from_name ("IpmsExportDialog")))
          dialog = GTK_WINDOW (window);
      }
    g_assert_nonnull (dialog);
    g_assert_true (gtk_window_get_transient_for (dialog) == fixture->window);
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (dialog)));
    g_object_unref (ipms_test_save_widget_png (GTK_WIDGET (dialog), "panorama-export-dialog"));
    gtk_window_destroy (dialog);
  }

  /* A bad extension is refused and leaves nothing behind. */
  g_assert_false (ipms_chart_export (chart, "/nonexistent-dir/x.png", &options, &error));
  g_clear_error (&error);
  g_assert_false (ipms_chart_export (chart, "chart.bmp", &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  IpmsCanvasView *view = IPMS_CANVAS_VIEW (ipms_panorama_page_get_view (fixture->page));
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  guint column, row;
  gint64 id;
  double x, y;

  /* Screenshots of the end state, not of the side panel sliding in. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* A realistic moment: a chip selected, its cell's segment in the panel. */
  g_assert_true (find_cell (fixture, 2, G_MAXUINT, &column, &row));
  id = product_at (fixture, column, row, 0);
  chip_centre (fixture, id, &x, &y);
  click (fixture, x, y, 0);
  gtk_widget_grab_focus (ipms_panorama_canvas_get_item (fixture->canvas, IPMS_PANORAMA_ITEM_PRODUCT, id));
  ipms_canvas_view_set_zoom (view, 0.75);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->page)));
  light = ipms_test_save_widget_png (GTK_WIDGET (fixture->window), "panorama-light");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->page)));
  dark = ipms_test_save_widget_png (GTK_WIDGET (fixture->window), "panorama-dark");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  /* The dark canvas really is darker. */
  {
    graphene_point_t point;
    guint32 l, d;

    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->canvas), GTK_WIDGET (fixture->window),
                                             &GRAPHENE_POINT_INIT (10, 10), &point));
    l = ipms_test_texture_get_pixel (light, (int) point.x, (int) point.y);
    d = ipms_test_texture_get_pixel (dark, (int) point.x, (int) point.y);
    g_assert_cmpuint (l & 0xff, >, d & 0xff);
  }
}

static GtkPopover *
canvas_menu_popover (Fixture *fixture)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->canvas));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (IPMS_IS_CANVAS_MENU (child))
      return ipms_canvas_menu_get_popover (IPMS_CANVAS_MENU (child));

  g_assert_not_reached ();
}

static gboolean
wait_for_mapped (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < end)
    {
      g_usleep (1000);
      g_main_context_iteration (NULL, FALSE);
    }

  /* Let the popup's surface be placed. */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  return gtk_widget_get_mapped (widget);
}

/* The context menu points at the chip as it is drawn, at any zoom: its
 * anchor has the chip's rectangle scaled by the zoom, and the menu's own
 * surface opens centred on it, just above or below, not off by the zoom. The
 * chip is one of the lowest row's, where the old error was largest. */
static void
test_menu_position (Fixture       *fixture,
                    gconstpointer  data)
{
  static const double zooms[] = { 0.5, 1.0, 2.0 };
  IpmsCanvasView *view = IPMS_CANVAS_VIEW (ipms_panorama_page_get_view (fixture->page));
  GtkPopover *popover = canvas_menu_popover (fixture);
  gint64 id = 0;

  for (guint row = 0; row < ipms_panorama_chart_get_n_rows (fixture->chart); row++)
    for (guint column = 0; column < ipms_panorama_chart_get_n_columns (fixture->chart); column++)
      if (ipms_panorama_chart_get_products (fixture->chart, column, row)->len > 0)
        id = product_at (fixture, column, row, 0);
  g_assert_cmpint (id, !=, 0);

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      GtkWidget *anchor = gtk_widget_get_parent (GTK_WIDGET (popover));
      GtkWidget *item;
      cairo_rectangle_t chip;
      graphene_point_t origin;
      graphene_rect_t pointed;
      GdkSurface *surface;
      double sx, sy, centre_x, top, bottom;
      int px, py, pw, ph;

      ipms_canvas_view_set_zoom (view, zooms[i]);
      g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
      /* Taken after the zoom: only chips in or near the view keep their
       * widgets, and the zoom may have taken this one out of it. */
      item = ipms_panorama_canvas_get_item (fixture->canvas, IPMS_PANORAMA_ITEM_PRODUCT, id);
      gtk_widget_grab_focus (item);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "menu.popup", NULL));
      g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
      g_assert_true (wait_for_mapped (GTK_WIDGET (popover)));
      g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (popover)));

      /* What the menu points at is the chip's drawn rectangle, through the
       * same transform as the drawing: chart units times the zoom, moved by
       * where the chart's origin is in the view. */
      g_assert_true (ipms_panorama_chart_get_chip_rect (fixture->chart, id, &chip));
      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->canvas), GTK_WIDGET (view),
                                               &GRAPHENE_POINT_INIT (0, 0), &origin));
      g_assert_true (gtk_widget_compute_bounds (anchor, GTK_WIDGET (view), &pointed));
      g_assert_cmpfloat (fabs (pointed.origin.x - (origin.x + chip.x * zooms[i])), <, 1.5);
      g_assert_cmpfloat (fabs (pointed.origin.y - (origin.y + chip.y * zooms[i])), <, 1.5);
      g_assert_cmpfloat (fabs (pointed.size.width - chip.width * zooms[i]), <, 1.5);
      g_assert_cmpfloat (fabs (pointed.size.height - chip.height * zooms[i]), <, 1.5);

      /* And the menu's surface really opens there. */
      g_assert_true (gtk_widget_compute_bounds (anchor, GTK_WIDGET (fixture->window), &pointed));
      gtk_native_get_surface_transform (GTK_NATIVE (fixture->window), &sx, &sy);
      surface = gtk_native_get_surface (GTK_NATIVE (popover));
      px = gdk_popup_get_position_x (GDK_POPUP (surface));
      py = gdk_popup_get_position_y (GDK_POPUP (surface));
      pw = gdk_surface_get_width (surface);
      ph = gdk_surface_get_height (surface);
      centre_x = sx + pointed.origin.x + pointed.size.width / 2;
      top = sy + pointed.origin.y;
      bottom = top + pointed.size.height;
      g_test_message ("zoom %.1f: chip %.0f,%.0f–%.0f in the surface, menu %d,%d %dx%d",
                      zooms[i], centre_x, top, bottom, px, py, pw, ph);
      g_assert_cmpfloat (fabs (px + pw / 2.0 - centre_x), <, 4);
      /* Below or above it; the surface has a shadow margin around the arrow. */
      g_assert_true (fabs (py - bottom) < 32 || fabs (py + ph - top) < 32);

      /* The arrow keys move within the menu: Down went on to the zoom
       * buttons below the chart. */
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_WIDGET (popover)));
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_DOWN));
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_WIDGET (popover)));

      /* Escape closes it and the keyboard carries on from the chip. */
      gtk_popover_popdown (popover);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == item);
    }
}

/* No series existed anywhere to be chosen: the product editor's series list
 * ends with "New Series…", which asks a name and creates the series with
 * the product in it, in one undo step. */
static void
test_new_series (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) before = ipms_document_query (fixture->document, "series", NULL, 0, NULL);
  g_autoptr(GPtrArray) products = ipms_document_query (fixture->document, "product", NULL, 0, NULL);
  gint64 id = ipms_record_get_id (g_ptr_array_index (products, 0));
  gint64 old_series = ipms_record_get_int (product (fixture, id), "series_id");
  IpmsProductEditor *editor = ipms_product_editor_new (fixture->window, fixture->document, id);
  AdwComboRow *series_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                          IPMS_TYPE_PRODUCT_EDITOR,
                                                                          "series_row"));
  GListModel *names = adw_combo_row_get_model (series_row);
  guint n = g_list_model_get_n_items (names);
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  gint64 series_id;

  gtk_window_present (GTK_WINDOW (editor));
  g_assert_cmpuint (n, ==, before->len + 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), n - 1), ==, _("New Series…"));

  adw_combo_row_set_selected (series_row, n - 1);
  /* The list stays on the product's series while the name is asked. */
  g_assert_cmpuint (adw_combo_row_get_selected (series_row), !=, n - 1);
  dialog = ADW_MESSAGE_DIALOG (ipms_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, 0));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gtk_editable_set_text (entry, " Travel ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  adw_message_dialog_response (dialog, "create");

  series_id = ipms_record_get_int (product (fixture, id), "series_id");
  g_assert_cmpint (series_id, !=, 0);
  g_assert_cmpint (series_id, !=, old_series);
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_record (fixture->document, "series", series_id), "name"),
                   ==, "Travel");
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, n + 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), adw_combo_row_get_selected (series_row)),
                   ==, "Travel");

  /* One step takes both back: the series and the product's membership. */
  undo (fixture);
  g_assert_null (ipms_document_get_record (fixture->document, "series", series_id));
  g_assert_cmpint (ipms_record_get_int (product (fixture, id), "series_id"), ==, old_series);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, n);
  redo (fixture);
  g_assert_cmpint (ipms_record_get_int (product (fixture, id), "series_id"), ==, series_id);

  /* A name of blanks makes nothing. */
  g_assert_cmpint (ipms_new_series_create (fixture->document, product (fixture, id), "  ", NULL), ==, 0);

  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Lets the layout, a fit that follows it and the next layout happen. */
static void
settle (Fixture *fixture)
{
  for (int i = 0; i < 3; i++)
    {
      g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

/* Whether the first chip of a cell is painted in `window`: its grade badge
 * and its text are dark, the cell and the chip's face around them light. */
static gboolean
chip_shows (Fixture    *fixture,
            GdkTexture *window,
            guint       column,
            guint       row)
{
  graphene_point_t top_left, bottom_right;
  cairo_rectangle_t rect;
  guint n_dark = 0;

  g_assert_true (ipms_panorama_chart_get_chip_rect (fixture->chart, product_at (fixture, column, row, 0), &rect));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->canvas), GTK_WIDGET (fixture->window),
                                           &GRAPHENE_POINT_INIT (rect.x, rect.y), &top_left));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->canvas), GTK_WIDGET (fixture->window),
                                           &GRAPHENE_POINT_INIT (rect.x + rect.width, rect.y + rect.height),
                                           &bottom_right));

  for (int y = (int) top_left.y + 4; y < (int) bottom_right.y - 4; y++)
    for (int x = (int) top_left.x + 4; x < (int) bottom_right.x - 4; x++)
      {
        guint32 argb = ipms_test_texture_get_pixel (window, x, y);

        if (((argb >> 16) & 0xff) < 0xa0 && ((argb >> 8) & 0xff) < 0xa0 && (argb & 0xff) < 0xa0)
          n_dark++;
      }

  return n_dark > 100;
}

/* Only the cells near the view are painted: a scroll or a zoom that shows
 * others paints them. The last cell with a chip is far from the first
 * view at 400 %. */
static void
test_paint_what_comes_into_view (Fixture       *fixture,
                                 gconstpointer  data)
{
  IpmsCanvasView *view = IPMS_CANVAS_VIEW (ipms_panorama_page_get_view (fixture->page));
  guint column = G_MAXUINT, row = G_MAXUINT;
  g_autoptr(GdkTexture) scrolled = NULL;
  g_autoptr(GdkTexture) zoomed = NULL;
  cairo_rectangle_t cell;

  for (guint r = 0; r < ipms_panorama_chart_get_n_rows (fixture->chart); r++)
    for (guint c = 0; c < ipms_panorama_chart_get_n_columns (fixture->chart); c++)
      if (ipms_panorama_chart_get_products (fixture->chart, c, r)->len > 0)
        {
          column = c;
          row = r;
        }
  g_assert_cmpuint (column, !=, G_MAXUINT);
  ipms_panorama_chart_get_cell_rect (fixture->chart, column, row, &cell);

  /* The zoom jumps, where it would glide over several frames. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  ipms_canvas_view_set_zoom (view, 4.0);
  ipms_canvas_view_scroll_to (view, &GRAPHENE_RECT_INIT (0, 0, 1, 1));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));

  /* An edit paints the chart again, at this zoom and place. */
  {
    g_autoptr(GError) error = NULL;
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, "Zoomed in");
    g_assert_true (ipms_document_edit_value (fixture->document, "Rename", NULL, "project",
                                             ipms_record_get_id (ipms_document_get_project (fixture->document)),
                                             "name", &value, &error));
    g_assert_no_error (error);
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  }

  ipms_canvas_view_scroll_to (view, &GRAPHENE_RECT_INIT (cell.x, cell.y, cell.width, cell.height));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  scrolled = ipms_test_save_widget_png (GTK_WIDGET (fixture->window), "panorama-scrolled");
  g_assert_true (chip_shows (fixture, scrolled, column, row));

  ipms_canvas_view_scroll_to (view, &GRAPHENE_RECT_INIT (0, 0, 1, 1));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "canvas.zoom-fit", NULL));
  settle (fixture);
  zoomed = ipms_test_save_widget_png (GTK_WIDGET (fixture->window), "panorama-zoomed-out");
  g_assert_true (chip_shows (fixture, zoomed, column, row));
}

/* Right after the first show only the cells in view are painted, the
 * others around them after that frame: a scroll before they are shows
 * the cells it brings into view all the same, and so does one after. */
static void
test_paint_ahead (Fixture       *fixture,
                  gconstpointer  data)
{
  IpmsCanvasView *view = IPMS_CANVAS_VIEW (ipms_panorama_page_get_view (fixture->page));
  guint column = G_MAXUINT, row = G_MAXUINT;
  cairo_rectangle_t cell, first;
  gboolean found = FALSE;

  /* The zoom jumps, where it would glide over several frames. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  ipms_canvas_view_set_zoom (view, 4.0);
  ipms_canvas_view_scroll_to (view, &GRAPHENE_RECT_INIT (0, 0, 1, 1));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));

  /* A cell with a chip below the first one in view. */
  ipms_panorama_chart_get_cell_rect (fixture->chart, 0, 0, &first);
  for (guint r = 1; r < ipms_panorama_chart_get_n_rows (fixture->chart) && !found; r++)
    if (ipms_panorama_chart_get_products (fixture->chart, 0, r)->len > 0)
      {
        column = 0;
        row = r;
        found = TRUE;
      }
  g_assert_true (found);
  ipms_panorama_chart_get_cell_rect (fixture->chart, column, row, &cell);

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autofree char *name = g_strdup_printf ("panorama-paint-ahead-%u", pass);
      g_autoptr(GdkTexture) shown = NULL;

      /* Back to the first cells, the layer made again for them only. */
      ipms_canvas_view_scroll_to (view, &GRAPHENE_RECT_INIT (first.x, first.y, 1, 1));
      g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
      /* The second time, the cells around the view are painted first. */
      if (pass == 1)
        while (g_main_context_iteration (NULL, FALSE))
          ;

      ipms_canvas_view_scroll_to (view, &GRAPHENE_RECT_INIT (cell.x, cell.y, cell.width, 60));
      g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
      shown = ipms_test_save_widget_png (GTK_WIDGET (fixture->window), name);
      g_assert_true (chip_shows (fixture, shown, column, row));
    }
}

/* The palette's list gets its rows after the page's first frame, and then
 * lists every product that waits. */
static void
test_palette_rows_after_first_frame (Fixture       *fixture,
                                     gconstpointer  data)
{
  GtkWidget *palette = ipms_panorama_page_get_palette (fixture->page);
  GListModel *unplaced = ipms_panorama_palette_get_products (IPMS_PANORAMA_PALETTE (palette));
  GtkWidget *list_view = ipms_test_find_widget (palette, GTK_TYPE_LIST_VIEW, NULL, NULL);
  GtkSelectionModel *model;
  gint64 id = product_at (fixture, 0, 0, 0);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (list_view);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  model = gtk_list_view_get_model (GTK_LIST_VIEW (list_view));
  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, g_list_model_get_n_items (unplaced));

  /* A product taken off the grid shows in the list. */
  g_assert_true (ipms_panorama_unplace_products (fixture->document, &id, 1, &error));
  g_assert_no_error (error);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, g_list_model_get_n_items (unplaced));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  g_assert_true (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)) == model);
}

/* Products of a cell are in their cell order, ties broken by id, after a
 * whole layout and after an edit that only touches them. */
static void
test_cell_order (Fixture       *fixture,
                 gconstpointer  data)
{
  guint column, row;
  GPtrArray *products;
  gint64 first, last, order;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_true (find_cell (fixture, 3, G_MAXUINT, &column, &row));
  products = ipms_panorama_chart_get_products (fixture->chart, column, row);
  first = ipms_record_get_id (g_ptr_array_index (products, 0));
  last = ipms_record_get_id (g_ptr_array_index (products, products->len - 1));
  order = ipms_record_get_int (product (fixture, last), "cell_order");

  /* The first one moves to the end. */
  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, order + 1);
  g_assert_true (ipms_document_edit_value (fixture->document, "Reorder", NULL, "product", first,
                                           "cell_order", &value, &error));
  g_assert_no_error (error);
  products = ipms_panorama_chart_get_products (fixture->chart, column, row);
  g_assert_cmpint (ipms_record_get_id (g_ptr_array_index (products, products->len - 1)), ==, first);

  /* Level with the last one: the lower id goes first. */
  g_value_set_int64 (&value, order);
  g_assert_true (ipms_document_edit_value (fixture->document, "Reorder", NULL, "product", first,
                                           "cell_order", &value, &error));
  g_assert_no_error (error);
  products = ipms_panorama_chart_get_products (fixture->chart, column, row);
  g_assert_cmpint (ipms_record_get_id (g_ptr_array_index (products, products->len - 2)), ==, MIN (first, last));
  g_assert_cmpint (ipms_record_get_id (g_ptr_array_index (products, products->len - 1)), ==, MAX (first, last));

  /* The same after a whole new layout (a new grid row). */
  g_assert_cmpint (ipms_panorama_add_axis_item (fixture->document, "y", "Retired",
                                                ipms_panorama_chart_get_n_rows (fixture->chart), &error), !=, 0);
  g_assert_no_error (error);
  products = ipms_panorama_chart_get_products (fixture->chart, column, row);
  g_assert_cmpint (ipms_record_get_id (g_ptr_array_index (products, products->len - 2)), ==, MIN (first, last));
  g_assert_cmpint (ipms_record_get_id (g_ptr_array_index (products, products->len - 1)), ==, MAX (first, last));
}

/* The smallest text the panorama paints, in pixels on screen at `zoom`. */
static double
smallest_text_px (double zoom)
{
  const PangoFontDescription *font = ipms_chart_style_get_font (IPMS_CHART_FONT_SMALL);

  g_assert_true (pango_font_description_get_size_is_absolute (font));
  return zoom * pango_font_description_get_size (font) / PANGO_SCALE;
}

/* The fit a project opens with keeps the text readable (≥ 11 px) even in a
 * small window, and scrolls for the rest; while the zoom follows a fit, a
 * column added or deleted fits again; a zoom by hand stays. */
static void
test_fit (Fixture       *fixture,
          gconstpointer  data)
{
  IpmsCanvasView *view = IPMS_CANVAS_VIEW (ipms_panorama_page_get_view (fixture->page));
  GtkAdjustment *hadjustment;
  double whole, wider, zoom;
  gint64 added;
  guint n_columns = ipms_panorama_chart_get_n_columns (fixture->chart);

  gtk_window_set_default_size (fixture->window, 800, 600);
  settle (fixture);
  zoom = ipms_canvas_view_get_zoom (view);
  g_test_message ("fit at 800×600: %.0f %%, smallest text %.1f px", zoom * 100, smallest_text_px (zoom));
  g_assert_true (ipms_canvas_view_get_follows_fit (view));
  g_assert_cmpfloat (smallest_text_px (zoom), >=, 11 - 1e-6);
  /* What does not fit scrolls. */
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (gtk_widget_get_parent (GTK_WIDGET (fixture->canvas))));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, gtk_adjustment_get_page_size (hadjustment));

  /* Zoom to Fit shows everything, and keeps doing so as the grid changes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "canvas.zoom-fit", NULL));
  whole = ipms_canvas_view_get_zoom (view);

  g_assert_cmpfloat (whole, <, zoom);
  g_assert_true (ipms_canvas_view_get_follows_fit (view));
  for (guint i = 0; i < 4; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "panorama.add-column", NULL));
  settle (fixture);
  g_assert_cmpuint (ipms_panorama_chart_get_n_columns (fixture->chart), ==, n_columns + 4);
  wider = ipms_canvas_view_get_zoom (view);
  g_assert_cmpfloat (wider, <, whole - 1e-3);
  for (guint i = 0; i < 4; i++)
    {
      added = column_item (fixture, n_columns);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "panorama.remove-item", "x", added));
    }
  settle (fixture);
  g_assert_cmpfloat_with_epsilon (ipms_canvas_view_get_zoom (view), whole, 1e-3);

  /* A zoom by hand is the user's, grid changes or not. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "canvas.zoom-in", NULL));
  zoom = ipms_canvas_view_get_zoom (view);
  g_assert_false (ipms_canvas_view_get_follows_fit (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "panorama.add-column", NULL));
  settle (fixture);
  g_assert_cmpfloat_with_epsilon (ipms_canvas_view_get_zoom (view), zoom, 1e-6);
}

/* The palette can be folded away, and stays so for the project; a page too
 * narrow for it folds it over the chart by itself. */
static void
test_palette_toggle (Fixture       *fixture,
                     gconstpointer  data)
{
  AdwFlap *flap = page_child (fixture, "palette_flap");
  GtkWidget *button = page_child (fixture, "palette_button");
  g_autofree char *state = NULL;

  g_assert_false (adw_flap_get_folded (flap));
  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (adw_flap_get_reveal_flap (flap));
  state = ipms_document_dup_view_state (fixture->document, "panorama.palette");
  g_assert_cmpstr (state, ==, "hidden");

  gtk_widget_unparent (GTK_WIDGET (fixture->page));
  adw_window_set_content (ADW_WINDOW (fixture->window), NULL);
  fixture->page = IPMS_PANORAMA_PAGE (ipms_panorama_page_new (fixture->document, fixture->selection));
  fixture->canvas = ipms_panorama_page_get_canvas (fixture->page);
  fixture->chart = ipms_panorama_canvas_get_chart (fixture->canvas);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  settle (fixture);
  flap = page_child (fixture, "palette_flap");
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_signal_emit_by_name (page_child (fixture, "palette_button"), "clicked");
  g_assert_true (adw_flap_get_reveal_flap (flap));

  /* Narrow: folded over the chart. */
  gtk_window_set_default_size (fixture->window, 360, 640);
  settle (fixture);
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_true (adw_flap_get_folded (page_child (fixture, "panel_flap")));
}

static void
reveal_progress_cb (AdwFlap    *flap,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  g_assert_false (isnan (adw_flap_get_reveal_progress (flap)));
}

/* Replaces the page with a new one in the shown window, as opening another
 * project does, right after a frame, and waits for it to be drawn. */
static void
replace_page (Fixture *fixture)
{
  settle (fixture);
  gtk_widget_unparent (GTK_WIDGET (fixture->page));
  adw_window_set_content (ADW_WINDOW (fixture->window), NULL);
  fixture->page = IPMS_PANORAMA_PAGE (ipms_panorama_page_new (fixture->document, fixture->selection));
  fixture->canvas = ipms_panorama_page_get_canvas (fixture->page);
  fixture->chart = ipms_panorama_canvas_get_chart (fixture->canvas);
  g_signal_connect (page_child (fixture, "palette_flap"), "notify::reveal-progress",
                    G_CALLBACK (reveal_progress_cb), NULL);
  g_signal_connect (page_child (fixture, "panel_flap"), "notify::reveal-progress",
                    G_CALLBACK (reveal_progress_cb), NULL);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  settle (fixture);
}

/* A page made in a shown window puts its side panes where they belong
 * before it is first laid out: libadwaita 1.2 animates a flap that has no
 * size yet from a velocity divided by zero, and lays the page out at
 * NaN widths (a warning, and the chart one pixel wide for a moment). */
static void
test_new_page_in_shown_window (Fixture       *fixture,
                               gconstpointer  data)
{
  ipms_document_set_view_state (fixture->document, "panorama.palette", "hidden");
  for (int i = 0; i < 10; i++)
    {
      replace_page (fixture);
      g_assert_false (adw_flap_get_reveal_flap (page_child (fixture, "palette_flap")));
      g_assert_cmpfloat (adw_flap_get_reveal_progress (page_child (fixture, "palette_flap")), ==, 0.0);
    }

  /* Too narrow for the palette: it folds away as the page is first laid out. */
  ipms_document_set_view_state (fixture->document, "panorama.palette", "shown");
  gtk_window_set_default_size (fixture->window, 360, 640);
  settle (fixture);
  for (int i = 0; i < 10; i++)
    {
      replace_page (fixture);
      g_assert_true (adw_flap_get_folded (page_child (fixture, "palette_flap")));
      g_assert_cmpfloat (adw_flap_get_reveal_progress (page_child (fixture, "palette_flap")), ==, 0.0);
    }
}

/* The panel opens for the cell of a chip pressed only once the press is
 * released: opened at once it would narrow the grid under a chip being
 * dragged, and lay out and paint the whole view in every frame of the
 * drag. */
static void
test_panel_waits_for_release (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *panel = page_child (fixture, "segment_panel");
  AdwFlap *flap = page_child (fixture, "panel_flap");
  GtkEditable *name_row = GTK_EDITABLE (gtk_widget_get_template_child (panel, g_type_from_name ("IpmsSegmentPanel"), "name_row"));
  IpmsRecord *segment = ipms_document_get_record (fixture->document, "segment", segment_of_cell (fixture, 1, 1));
  gint64 x_item, y_item;
  double x, y, to_x, to_y;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_toggle_button_set_active (page_child (fixture, "panel_button"), TRUE);
  settle (fixture);
  g_assert_false (ipms_panorama_canvas_get_current_cell (fixture->canvas, &x_item, &y_item));
  g_assert_false (adw_flap_get_reveal_flap (flap));

  chip_centre (fixture, product_at (fixture, 1, 1, 0), &x, &y);
  cell_point (fixture, 0, 0, &to_x, &to_y);
  g_assert_true (ipms_panorama_canvas_drag_begin (fixture->canvas, x, y, 0));
  g_assert_true (ipms_panorama_canvas_get_pressed (fixture->canvas));
  g_assert_true (ipms_panorama_canvas_get_current_cell (fixture->canvas, &x_item, &y_item));
  ipms_panorama_canvas_drag_update (fixture->canvas, (x + to_x) / 2, (y + to_y) / 2);
  settle (fixture);
  g_assert_false (adw_flap_get_reveal_flap (flap));

  ipms_panorama_canvas_drag_cancel (fixture->canvas);
  g_assert_false (ipms_panorama_canvas_get_pressed (fixture->canvas));
  settle (fixture);
  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_assert_cmpstr (gtk_editable_get_text (name_row), ==, ipms_record_get_string (segment, "name"));

  /* Pressed again elsewhere: the panel keeps its cell until the release. */
  cell_point (fixture, 0, 0, &to_x, &to_y);
  segment = ipms_document_get_record (fixture->document, "segment", segment_of_cell (fixture, 0, 0));
  g_assert_true (ipms_panorama_canvas_drag_begin (fixture->canvas, to_x, to_y, 0));
  g_assert_cmpstr (gtk_editable_get_text (name_row), !=, ipms_record_get_string (segment, "name"));
  ipms_panorama_canvas_drag_end (fixture->canvas, to_x, to_y);
  g_assert_cmpstr (gtk_editable_get_text (name_row), ==, ipms_record_get_string (segment, "name"));
}

/* Once the view has been idle, the cells near it are painted from images
 * of their recordings: the same pixels as a canvas outside any view, which
 * only ever plays its recordings. Another zoom makes them again at its
 * scale. */
static void
test_cell_images (Fixture       *fixture,
                  gconstpointer  data)
{
  IpmsCanvasView *view = IPMS_CANVAS_VIEW (ipms_panorama_page_get_view (fixture->page));
  GtkWidget *viewport = gtk_widget_get_parent (GTK_WIDGET (fixture->canvas));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *recorded = ipms_panorama_canvas_new (fixture->document, fixture->selection);
  g_autoptr(GdkTexture) shown = NULL;
  g_autoptr(GdkTexture) expected = NULL;
  graphene_rect_t visible;
  guint n_compared = 0, n_differing = 0;

  settle (fixture);
  g_assert_cmpuint (ipms_panorama_canvas_get_n_cell_images (fixture->canvas), >, 0);
  shown = ipms_test_save_widget_png (GTK_WIDGET (fixture->canvas), "cell-images");

  gtk_window_set_child (window, recorded);
  gtk_window_present (window);
  g_assert_true (ipms_test_wait_for_paint (recorded));
  g_assert_cmpuint (ipms_panorama_canvas_get_n_cell_images (IPMS_PANORAMA_CANVAS (recorded)), ==, 0);
  expected = ipms_test_save_widget_png (recorded, "cell-recordings");

  ipms_canvas_viewport_get_visible_area (IPMS_CANVAS_VIEWPORT (viewport), &visible);
  for (int y = MAX (0, (int) visible.origin.y);
       y < MIN (visible.origin.y + visible.size.height, gdk_texture_get_height (expected)); y++)
    for (int x = MAX (0, (int) visible.origin.x);
         x < MIN (visible.origin.x + visible.size.width, gdk_texture_get_width (expected)); x++)
      {
        n_compared++;
        if (ipms_test_texture_get_pixel (shown, x, y) != ipms_test_texture_get_pixel (expected, x, y))
          n_differing++;
      }
  g_assert_cmpuint (n_compared, >, 100000);
  g_assert_cmpuint (n_differing, ==, 0);
  gtk_window_destroy (window);

  ipms_canvas_view_set_zoom (view, 1.5);
  settle (fixture);
  g_assert_cmpuint (ipms_panorama_canvas_get_n_cell_images (fixture->canvas), >, 0);
}

/* GTK repaints what changed between two frames by matching their nodes: a
 * press that adds a focus ring must leave every part of the chart's
 * static layer a node of the canvas' own, or nothing matches and the
 * whole view is painted again. */
static void
test_press_keeps_layer_nodes (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GskRenderNode) before = NULL;
  g_autoptr(GskRenderNode) after = NULL;
  double x, y;

  ipms_selection_clear (fixture->selection);
  settle (fixture);
  before = ipms_test_widget_render_node (GTK_WIDGET (fixture->canvas));
  g_assert_cmpint (gsk_render_node_get_node_type (before), ==, GSK_CONTAINER_NODE);
  g_assert_cmpuint (gsk_container_node_get_n_children (before), >, 4);

  chip_centre (fixture, product_at (fixture, 1, 1, 0), &x, &y);
  g_assert_true (ipms_panorama_canvas_drag_begin (fixture->canvas, x, y, 0));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  after = ipms_test_widget_render_node (GTK_WIDGET (fixture->canvas));
  ipms_panorama_canvas_drag_cancel (fixture->canvas);

  ipms_test_assert_nodes_kept (before, after);
}

/* A press and a release where the pointer stayed are a click, even when
 * the view scrolled in between: GTK gives the release in the chart's
 * coordinates, which moved, and the chip pressed was moved with them. */
static void
test_click_while_view_scrolls (Fixture       *fixture,
                               gconstpointer  data)
{
  IpmsCanvasView *view = IPMS_CANVAS_VIEW (ipms_panorama_page_get_view (fixture->page));
  GtkWidget *viewport = gtk_widget_get_parent (GTK_WIDGET (fixture->canvas));
  gint64 id = product_at (fixture, 1, 1, 0);
  graphene_rect_t before, after;
  gboolean can_undo = ipms_document_can_undo (fixture->document);
  double x, y;

  ipms_canvas_view_set_zoom (view, 2.0);
  settle (fixture);
  chip_centre (fixture, id, &x, &y);
  ipms_canvas_view_scroll_to (view, &GRAPHENE_RECT_INIT (x - 20, y - 20, 40, 40));
  settle (fixture);
  ipms_canvas_viewport_get_visible_area (IPMS_CANVAS_VIEWPORT (viewport), &before);

  g_assert_true (ipms_panorama_canvas_drag_begin (fixture->canvas, x, y, 0));
  /* Past the next chip's slot. */
  ipms_canvas_view_pan_by (view, 0, 4 * IPMS_PANORAMA_CHIP_HEIGHT);
  settle (fixture);
  ipms_canvas_viewport_get_visible_area (IPMS_CANVAS_VIEWPORT (viewport), &after);
  g_assert_cmpfloat (after.origin.y - before.origin.y, >, 1.5 * IPMS_PANORAMA_CHIP_HEIGHT);
  ipms_panorama_canvas_drag_end (fixture->canvas, x, y + (after.origin.y - before.origin.y));

  g_assert_cmpint (product_at (fixture, 1, 1, 0), ==, id);
  g_assert_cmpint (ipms_document_can_undo (fixture->document), ==, can_undo);
  g_assert_true (ipms_selection_contains (fixture->selection, id));
}

/* Opening the segment panel narrows the view: the cell it shows is
 * scrolled back into sight. */
static void
test_panel_keeps_cell_in_sight (Fixture       *fixture,
                                gconstpointer  data)
{
  IpmsCanvasView *view = IPMS_CANVAS_VIEW (ipms_panorama_page_get_view (fixture->page));
  guint column = ipms_panorama_chart_get_n_columns (fixture->chart) - 1;
  guint row = ipms_panorama_chart_get_n_rows (fixture->chart) - 1;
  GtkWidget *viewport = gtk_widget_get_parent (GTK_WIDGET (fixture->canvas));
  cairo_rectangle_t cell;
  graphene_rect_t bounds;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_toggle_button_set_active (page_child (fixture, "panel_button"), FALSE);
  ipms_canvas_view_set_zoom (view, 2.0);
  settle (fixture);

  /* The bottom right cell, scrolled to the view's right edge. */
  ipms_panorama_chart_get_cell_rect (fixture->chart, column, row, &cell);
  ipms_panorama_canvas_set_current_cell (fixture->canvas, column_item (fixture, column), row_item (fixture, row));
  ipms_canvas_view_scroll_to (view, &GRAPHENE_RECT_INIT (cell.x, cell.y, cell.width, cell.height));
  settle (fixture);

  gtk_toggle_button_set_active (page_child (fixture, "panel_button"), TRUE);
  settle (fixture);
  g_assert_true (adw_flap_get_reveal_flap (page_child (fixture, "panel_flap")));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->canvas), viewport,
                                           &GRAPHENE_POINT_INIT (cell.x + cell.width, cell.y + cell.height),
                                           &bounds.origin));
  g_assert_cmpfloat (bounds.origin.x, <=, gtk_widget_get_width (viewport));
  g_assert_cmpfloat (bounds.origin.y, <=, gtk_widget_get_height (viewport));
}

static void
test_zoom_kept (Fixture       *fixture,
                gconstpointer  data)
{
  IpmsCanvasView *view = IPMS_CANVAS_VIEW (ipms_panorama_page_get_view (fixture->page));
  g_autofree char *state = NULL;

  double first = ipms_canvas_view_get_zoom (view);

  /* A first look at a project fits the chart, within readable bounds. */
  g_assert_true (ipms_canvas_view_get_follows_fit (view));
  g_assert_cmpfloat (first, >=, 0.5);
  g_assert_cmpfloat (first, <=, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "canvas.zoom-in", NULL));
  g_assert_cmpfloat (ipms_canvas_view_get_zoom (view), >, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "canvas.zoom-reset", NULL));
  g_assert_cmpfloat_with_epsilon (ipms_canvas_view_get_zoom (view), 1.0, 1e-6);
  ipms_canvas_view_set_zoom (view, 0.5);

  /* Saved with the project, outside the undo history, when the view goes. */
  gtk_window_destroy (fixture->window);
  fixture->window = GTK_WINDOW (adw_window_new ());
  while (g_main_context_iteration (NULL, FALSE))
    ;
  state = ipms_document_dup_view_state (fixture->document, "panorama.zoom");
  g_assert_nonnull (state);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (state, NULL), 0.5, 1e-3);
  g_assert_false (ipms_document_can_redo (fixture->document));

  /* A new page over the same project opens at that zoom. */
  fixture->page = IPMS_PANORAMA_PAGE (ipms_panorama_page_new (fixture->document, fixture->selection));
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  g_assert_cmpfloat_with_epsilon (ipms_canvas_view_get_zoom (IPMS_CANVAS_VIEW (ipms_panorama_page_get_view (fixture->page))),
                                  0.5, 1e-3);
}


static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
on_before_paint (double *when)
{
  *when = now_ms ();
}

static void
on_after_paint (double *when)
{
  *when = now_ms ();
}

/* Run with -m perf: the frame time of the canvas with 2,000 placed products
 * while a chip is dragged: from the frame clock's before-paint to its
 * after-paint, so layout, snapshot and rendering to the window (cairo under
 * GSK_RENDERER=cairo) are all counted. */
static void
test_perf_frame (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scroll_times = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_columns = ipms_panorama_chart_get_n_columns (fixture->chart);
  guint n_rows = ipms_panorama_chart_get_n_rows (fixture->chart);
  guint n_target = 2000 - ipms_panorama_chart_get_n_placed (fixture->chart);
  const IpmsTable *table = ipms_schema_lookup_table ("product");
  GskRenderer *renderer;
  GdkFrameClock *clock;
  double start, x, y;
  double frame_start = 0, frame_end = 0;
  gint64 id;

  g_assert_true (ipms_document_begin_edit (fixture->document, "Generate", NULL, &error));
  for (guint i = 0; i < n_target; i++)
    {
      g_autofree GValue *values = g_new0 (GValue, table->n_columns);
      g_autofree char *name = g_strdup_printf ("Generated product %u", i);
      guint cell = i % (n_columns * n_rows);

      g_value_init (&values[ipms_table_find_column (table, "name")], G_TYPE_STRING);
      g_value_set_string (&values[ipms_table_find_column (table, "name")], name);
      g_value_init (&values[ipms_table_find_column (table, "grade")], G_TYPE_STRING);
      g_value_set_static_string (&values[ipms_table_find_column (table, "grade")], ipms_grade_codes[i % 5]);
      g_value_init (&values[ipms_table_find_column (table, "price")], G_TYPE_DOUBLE);
      g_value_set_double (&values[ipms_table_find_column (table, "price")], 10 + i % 300);
      g_value_init (&values[ipms_table_find_column (table, "segment_id")], G_TYPE_INT64);
      g_value_set_int64 (&values[ipms_table_find_column (table, "segment_id")],
                         segment_of_cell (fixture, cell % n_columns, cell / n_columns));
      g_value_init (&values[ipms_table_find_column (table, "cell_order")], G_TYPE_INT64);
      g_value_set_int64 (&values[ipms_table_find_column (table, "cell_order")], 100 + i);
      g_assert_cmpint (ipms_document_insert (fixture->document, "product", 0, values, &error), !=, 0);
      for (guint c = 0; c < table->n_columns; c++)
        if (G_IS_VALUE (&values[c]))
          g_value_unset (&values[c]);
    }
  start = now_ms ();
  g_assert_true (ipms_document_commit_edit (fixture->document, &error));
  g_test_message ("commit and relayout with %u products: %.1f ms",
                  ipms_panorama_chart_get_n_placed (fixture->chart), now_ms () - start);
  g_assert_cmpuint (ipms_panorama_chart_get_n_placed (fixture->chart), >=, 2000);

  start = now_ms ();
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_test_message ("first paint with the static layer: %.1f ms", now_ms () - start);

  renderer = gtk_native_get_renderer (GTK_NATIVE (fixture->window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  g_signal_connect_swapped (clock, "before-paint", G_CALLBACK (on_before_paint), &frame_start);
  g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (on_after_paint), &frame_end);

  id = product_at (fixture, 0, 0, 0);
  chip_centre (fixture, id, &x, &y);
  g_assert_true (ipms_panorama_canvas_drag_begin (fixture->canvas, x, y, 0));

  for (guint i = 0; i < 60; i++)
    {
      double frame;

      frame_end = 0;
      /* Wander around the grabbed chip, away from the view's edges (which
       * would scroll: see the scroll frames below). */
      ipms_panorama_canvas_drag_update (fixture->canvas, x + 120 * sin (i / 5.0), y + 80 * cos (i / 5.0));
      while (frame_end == 0)
        g_main_context_iteration (NULL, TRUE);
      frame = frame_end - frame_start;
      g_array_append_val (times, frame);
    }

  /* The drop: one edit, the relayout, the new static layer, the frame. */
  {
    guint column = ipms_panorama_chart_get_n_columns (fixture->chart) - 1;
    double drop_x, drop_y;

    cell_point (fixture, column, 0, &drop_x, &drop_y);
    ipms_panorama_canvas_drag_update (fixture->canvas, drop_x, drop_y);
    frame_end = 0;
    start = now_ms ();
    ipms_panorama_canvas_drag_end (fixture->canvas, drop_x, drop_y);
    while (frame_end == 0)
      g_main_context_iteration (NULL, TRUE);
    g_test_message ("drop of one chip to the next frame painted: %.1f ms", frame_end - start);
    g_assert_true (ipms_panorama_chart_find_product (fixture->chart, id, &column, NULL, NULL));
  }

  /* Scrolling repaints the whole view from the cached layer. */
  g_array_set_size (scroll_times, 0);
  for (guint i = 0; i < 60; i++)
    {
      double frame;

      frame_end = 0;
      ipms_canvas_view_pan_by (IPMS_CANVAS_VIEW (ipms_panorama_page_get_view (fixture->page)),
                               i < 30 ? 9 : -9, i < 30 ? 6 : -6);
      while (frame_end == 0)
        g_main_context_iteration (NULL, TRUE);
      frame = frame_end - frame_start;
      g_array_append_val (scroll_times, frame);
    }
  g_array_sort (scroll_times, compare_doubles);
  g_test_message ("panorama_canvas_scroll_frame %u %.2f ms (median of %u, worst %.2f ms)",
                  ipms_panorama_chart_get_n_placed (fixture->chart),
                  g_array_index (scroll_times, double, scroll_times->len / 2), scroll_times->len,
                  g_array_index (scroll_times, double, scroll_times->len - 1));

  g_signal_handlers_disconnect_by_func (clock, on_before_paint, &frame_start);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, &frame_end);
  ipms_panorama_canvas_drag_cancel (fixture->canvas);

  g_array_sort (times, compare_doubles);
  g_test_message ("panorama_canvas_frame %u %.2f ms (median of %u, worst %.2f ms, renderer %s)",
                  ipms_panorama_chart_get_n_placed (fixture->chart),
                  g_array_index (times, double, times->len / 2), times->len,
                  g_array_index (times, double, times->len - 1), G_OBJECT_TYPE_NAME (renderer));
}

int
main (int   argc,
      char *argv[])
{
  ipms_test_init_gtk (&argc, &argv);

#define ADD(name, func) g_test_add ("/panorama/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("place-from-palette", test_place_from_palette);
  ADD ("move", test_move_chip);
  ADD ("multi-move", test_multi_move);
  ADD ("rubber-band", test_rubber_band);
  ADD ("escape-cancels", test_escape_cancels);
  ADD ("autoscroll", test_autoscroll);
  ADD ("unplace", test_unplace);
  ADD ("reorder-in-cell", test_reorder_in_cell);
  ADD ("keyboard-move", test_keyboard_move);
  ADD ("rename-axis-item", test_rename_axis_item);
  ADD ("reorder-axis-items", test_reorder_axis_items);
  ADD ("add-remove-axis-items", test_add_remove_axis_items);
  ADD ("segment-panel", test_segment_panel);
  ADD ("panel-waits-for-release", test_panel_waits_for_release);
  ADD ("cell-images", test_cell_images);
  ADD ("press-keeps-layer-nodes", test_press_keeps_layer_nodes);
  ADD ("click-while-view-scrolls", test_click_while_view_scrolls);
  ADD ("empty-grid", test_empty_grid);
  ADD ("new-product-in-cell", test_new_product_in_cell);
  ADD ("live-updates", test_live_updates);
  ADD ("export", test_export);
  ADD ("zoom-kept", test_zoom_kept);
  ADD ("fit", test_fit);
  ADD ("palette-toggle", test_palette_toggle);
  ADD ("new-page-in-shown-window", test_new_page_in_shown_window);
  ADD ("panel-keeps-cell-in-sight", test_panel_keeps_cell_in_sight);
  ADD ("menu-position", test_menu_position);
  ADD ("new-series", test_new_series);
  ADD ("screenshots", test_screenshots);
  ADD ("paint-what-comes-into-view", test_paint_what_comes_into_view);
  ADD ("paint-ahead", test_paint_ahead);
  ADD ("palette-rows-after-first-frame", test_palette_rows_after_first_frame);
  ADD ("cell-order", test_cell_order);
  if (g_test_perf ())
    ADD ("perf/frame", test_perf_frame);
#undef ADD

  return g_test_run ();
}
