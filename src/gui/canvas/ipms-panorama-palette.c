/* ipms-panorama-palette.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ipms-panorama-canvas.h"
#include "ipms-panorama-palette.h"
#include "ipms-product-row.h"
#include "ipms-record-list.h"

struct _IpmsPanoramaPalette
{
  GtkWidget           parent_instance;

  GtkLabel           *title_label;
  GtkStack           *stack;
  GtkLabel           *empty_label;
  GtkListView        *list_view;

  IpmsDocument       *document;
  IpmsSelection      *selection;
  IpmsRecordList     *products;
  GtkSingleSelection *list_selection;
  IpmsPanoramaChart  *chart;
  char               *currency;

  /* The frame clock whose next "after-paint" lets the list have its
   * model, and the idle that then gives it. */
  GdkFrameClock      *model_clock;
  gulong              model_paint_id;
  guint               model_idle_id;
};

G_DEFINE_FINAL_TYPE (IpmsPanoramaPalette, ipms_panorama_palette, GTK_TYPE_WIDGET)

enum {
  OPEN_PRODUCT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GdkContentProvider *
on_drag_prepare (GtkDragSource       *source,
                 double               x,
                 double               y,
                 IpmsPanoramaPalette *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  IpmsRecord *product = ipms_product_row_get_product (IPMS_PRODUCT_ROW (row));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id;
  IpmsProductDrag *drag;
  GdkContentProvider *provider;

  if (product == NULL)
    return NULL;

  id = ipms_record_get_id (product);
  /* A selected row drags every selected unplaced product along. */
  if (self->selection != NULL && ipms_selection_contains (self->selection, id))
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->products)); i++)
        {
          IpmsRecord *other = ipms_record_list_get_record (self->products, i);
          gint64 other_id = ipms_record_get_id (other);

          if (ipms_selection_contains (self->selection, other_id))
            g_array_append_val (ids, other_id);
        }
    }
  if (ids->len == 0)
    g_array_append_val (ids, id);

  drag = ipms_product_drag_new ((const gint64 *) ids->data, ids->len);
  provider = gdk_content_provider_new_typed (IPMS_TYPE_PRODUCT_DRAG, drag);
  ipms_product_drag_free (drag);

  return provider;
}

/* The drag icon is the chip the product will be on the canvas, opaque so
 * that it reads on any surface (without a compositor too). */
static void
on_drag_begin (GtkDragSource       *source,
               GdkDrag             *drag,
               IpmsPanoramaPalette *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  IpmsRecord *product = ipms_product_row_get_product (IPMS_PRODUCT_ROW (row));
  IpmsChartPaintOptions options = { adw_style_manager_get_dark (adw_style_manager_get_default ()), FALSE, 1.0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = (int) IPMS_PANORAMA_CHIP_WIDTH + 2;
  int height = (int) IPMS_PANORAMA_CHIP_HEIGHT + 2;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (self->chart == NULL || product == NULL)
    return;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  ipms_panorama_chart_paint_chip (self->chart, cr, product, 1, 1, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  gtk_drag_source_set_icon (source, GDK_PAINTABLE (texture), 24, height / 2);
}

/* The drag source is the palette's, not the row's: it drags the selection
 * along and gives the panorama canvas its own content and chip icon. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           IpmsPanoramaPalette      *self)
{
  GtkWidget *row = ipms_product_row_new ();
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  gtk_list_item_set_child (list_item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          IpmsPanoramaPalette      *self)
{
  IpmsProductRow *row = IPMS_PRODUCT_ROW (gtk_list_item_get_child (list_item));

  ipms_product_row_set_currency (row, self->currency);
  ipms_product_row_set_product (row, gtk_list_item_get_item (list_item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            IpmsPanoramaPalette      *self)
{
  ipms_product_row_set_product (IPMS_PRODUCT_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
update_state (IpmsPanoramaPalette *self)
{
  guint n = self->products != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->products)) : 0;
  g_autofree char *title = NULL;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  if (n == 0)
    gtk_label_set_label (self->empty_label,
                         self->document != NULL && ipms_document_count_rows (self->document, "product") > 0
                           ? _("Every product is on the panorama. Drag a chip here to take it off.")
                           : _("No products yet. Add one with the + button, or from a cell’s menu."));
  /* Translators: the heading of the list of products not placed on the panorama */
  title = g_strdup_printf (_("Not on the Panorama (%u)"), n);
  gtk_label_set_label (self->title_label, title);
}

static void
on_list_selection_changed (IpmsPanoramaPalette *self)
{
  IpmsRecord *product = gtk_single_selection_get_selected_item (self->list_selection);

  if (product != NULL && self->selection != NULL)
    ipms_selection_select_only (self->selection, ipms_record_get_id (product));
}

static void
on_activate (GtkListView         *list_view,
             guint                position,
             IpmsPanoramaPalette *self)
{
  IpmsRecord *product = ipms_record_list_get_record (self->products, position);

  if (product != NULL)
    g_signal_emit (self, signals[OPEN_PRODUCT], 0, ipms_record_get_id (product));
}

static void
cancel_model_attach (IpmsPanoramaPalette *self)
{
  if (self->model_clock != NULL)
    g_clear_signal_handler (&self->model_paint_id, self->model_clock);
  g_clear_object (&self->model_clock);
  g_clear_handle_id (&self->model_idle_id, g_source_remove);
}

static void
attach_model (IpmsPanoramaPalette *self)
{
  cancel_model_attach (self);
  if (gtk_list_view_get_model (self->list_view) != GTK_SELECTION_MODEL (self->list_selection))
    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->list_selection));
}

static gboolean
attach_model_idle (gpointer data)
{
  IpmsPanoramaPalette *self = data;

  self->model_idle_id = 0;
  attach_model (self);

  return G_SOURCE_REMOVE;
}

/* Once the frame is on screen, not inside it: the rows then make the
 * next frame. */
static void
on_model_clock_after_paint (IpmsPanoramaPalette *self)
{
  g_clear_signal_handler (&self->model_paint_id, self->model_clock);
  g_clear_object (&self->model_clock);
  if (self->model_idle_id == 0)
    self->model_idle_id = g_idle_add (attach_model_idle, self);
}

/* GTK 4.8's list view makes some two hundred rows at once, whatever its
 * height: with their measuring, a third of the panorama's first show at
 * 10,000 products. The chart is what the page is opened for, so the list
 * gets its rows in the frame after the palette's first one; the title
 * already says how many products wait. */
static void
schedule_model_attach (IpmsPanoramaPalette *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->list_selection == NULL || self->model_clock != NULL || self->model_idle_id != 0 ||
      gtk_list_view_get_model (self->list_view) == GTK_SELECTION_MODEL (self->list_selection))
    return;

  if (clock == NULL)
    {
      attach_model (self);
      return;
    }

  self->model_clock = g_object_ref (clock);
  self->model_paint_id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (on_model_clock_after_paint), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

/* Hidden with the panorama, the list of unplaced products stays as it was
 * and catches up when shown, as every hidden list of products does. */
static void
ipms_panorama_palette_map (GtkWidget *widget)
{
  IpmsPanoramaPalette *self = IPMS_PANORAMA_PALETTE (widget);

  GTK_WIDGET_CLASS (ipms_panorama_palette_parent_class)->map (widget);

  if (self->products != NULL)
    ipms_record_list_set_held (self->products, FALSE);
  schedule_model_attach (self);
}

static void
ipms_panorama_palette_unmap (GtkWidget *widget)
{
  IpmsPanoramaPalette *self = IPMS_PANORAMA_PALETTE (widget);

  cancel_model_attach (self);

  GTK_WIDGET_CLASS (ipms_panorama_palette_parent_class)->unmap (widget);

  if (self->products != NULL)
    ipms_record_list_set_held (self->products, TRUE);
}

static void
ipms_panorama_palette_dispose (GObject *object)
{
  IpmsPanoramaPalette *self = (IpmsPanoramaPalette *)object;
  GtkWidget *child;

  cancel_model_attach (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPMS_TYPE_PANORAMA_PALETTE);
  /* The template's unnamed top box is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->list_selection);
  g_clear_object (&self->products);
  g_clear_object (&self->document);
  g_clear_object (&self->selection);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (ipms_panorama_palette_parent_class)->dispose (object);
}

static void
ipms_panorama_palette_class_init (IpmsPanoramaPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_panorama_palette_dispose;
  widget_class->map = ipms_panorama_palette_map;
  widget_class->unmap = ipms_panorama_palette_unmap;

  signals[OPEN_PRODUCT] =
    g_signal_new ("open-product",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipmsplanner/Planner/canvas/ipms-panorama-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, IpmsPanoramaPalette, title_label);
  gtk_widget_class_bind_template_child (widget_class, IpmsPanoramaPalette, stack);
  gtk_widget_class_bind_template_child (widget_class, IpmsPanoramaPalette, empty_label);
  gtk_widget_class_bind_template_child (widget_class, IpmsPanoramaPalette, list_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ipms_panorama_palette_init (IpmsPanoramaPalette *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate), self);

  update_state (self);
}

GtkWidget *
ipms_panorama_palette_new (void)
{
  return g_object_new (IPMS_TYPE_PANORAMA_PALETTE, NULL);
}

void
ipms_panorama_palette_set_model (IpmsPanoramaPalette *self,
                                 IpmsDocument        *document,
                                 IpmsSelection       *selection)
{
  IpmsRecord *project;

  g_return_if_fail (IPMS_IS_PANORAMA_PALETTE (self));

  g_set_object (&self->selection, selection);
  if (!g_set_object (&self->document, document))
    return;

  g_clear_object (&self->list_selection);
  g_clear_object (&self->products);
  g_clear_pointer (&self->currency, g_free);

  if (document != NULL)
    {
      project = ipms_document_get_project (document);
      if (project != NULL && !ipms_record_is_null (project, "currency"))
        self->currency = g_strdup (ipms_record_get_string (project, "currency"));

      self->products = ipms_record_list_new (document, "product", "segment_id", IPMS_NULL_ID, "name");
      ipms_record_list_set_held (self->products, !gtk_widget_get_mapped (GTK_WIDGET (self)));
      self->list_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->products)));
      gtk_single_selection_set_autoselect (self->list_selection, FALSE);
      gtk_single_selection_set_can_unselect (self->list_selection, TRUE);
      gtk_single_selection_set_selected (self->list_selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_swapped (self->list_selection, "selection-changed",
                                G_CALLBACK (on_list_selection_changed), self);
      g_signal_connect_object (self->products, "items-changed", G_CALLBACK (update_state),
                               self, G_CONNECT_SWAPPED);
    }

  /* Shown, the list takes its model in the next frame (see _map()). */
  cancel_model_attach (self);
  gtk_list_view_set_model (self->list_view, NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    schedule_model_attach (self);
  update_state (self);
}

void
ipms_panorama_palette_set_chart (IpmsPanoramaPalette *self,
                                 IpmsPanoramaChart   *chart)
{
  g_return_if_fail (IPMS_IS_PANORAMA_PALETTE (self));

  g_set_object (&self->chart, chart);
}

GListModel *
ipms_panorama_palette_get_products (IpmsPanoramaPalette *self)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_PALETTE (self), NULL);

  return G_LIST_MODEL (self->products);
}
