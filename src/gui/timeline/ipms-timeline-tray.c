/* ipms-timeline-tray.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ipms-product-row.h"
#include "ipms-record-list.h"
#include "ipms-record.h"
#include "ipms-timeline-tray.h"

struct _IpmsTimelineTray
{
  GtkWidget           parent_instance;

  IpmsTimelineKind    kind;
  IpmsDocument       *document;
  GtkCustomFilter    *filter;
  GtkFilterListModel *unscheduled;
  GtkSingleSelection *selection;
  GtkWidget          *list_view;
  GtkWidget          *empty_label;
  char               *currency;

  /* An edit changes a product's dates in place, which the filter cannot
   * see: the tray filters its thousands of products again only when one
   * it touched is now on the other side. */
  GHashTable         *shown;      /* gint64 ids the filter let through */
  GHashTable         *touched;    /* gint64 ids updated since "changes-done" */
  gboolean            reset;
};

G_DEFINE_FINAL_TYPE (IpmsTimelineTray, ipms_timeline_tray, GTK_TYPE_WIDGET)

enum {
  SCHEDULE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
product_unscheduled (IpmsTimelineTray *self,
                     IpmsRecord       *product)
{
  if (self->kind == IPMS_TIMELINE_KIND_ROADMAP)
    return ipms_record_is_null (product, "launch_date") || ipms_record_is_null (product, "price");

  return ipms_record_is_null (product, "dev_start") && ipms_record_is_null (product, "dev_complete") &&
         ipms_record_is_null (product, "launch_date");
}

static gboolean
is_unscheduled (gpointer item,
                gpointer user_data)
{
  IpmsTimelineTray *self = user_data;
  gint64 id = ipms_record_get_id (item);

  if (!product_unscheduled (self, item))
    {
      g_hash_table_remove (self->shown, &id);
      return FALSE;
    }
  if (!g_hash_table_contains (self->shown, &id))
    g_hash_table_add (self->shown, g_memdup2 (&id, sizeof id));
  return TRUE;
}

static void
update_empty (IpmsTimelineTray *self)
{
  gboolean empty = self->unscheduled == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->unscheduled)) == 0;
  GListModel *products = self->unscheduled ? gtk_filter_list_model_get_model (self->unscheduled) : NULL;

  /* “Every product is on the chart” would be a strange thing to say of none. */
  if (products == NULL || g_list_model_get_n_items (products) == 0)
    gtk_label_set_text (GTK_LABEL (self->empty_label), _("No products yet. Products without dates wait here."));
  else
    gtk_label_set_text (GTK_LABEL (self->empty_label), _("Every product is on the chart."));

  gtk_widget_set_visible (self->empty_label, empty);
  gtk_widget_set_visible (gtk_widget_get_parent (self->list_view), !empty);
}

static void
on_row_changed (IpmsTimelineTray *self,
                const char       *table,
                gint64            id,
                IpmsRowChange     change)
{
  /* New and deleted products come and go through the list itself. */
  if (change == IPMS_ROW_UPDATED && strcmp (table, "product") == 0 && !g_hash_table_contains (self->touched, &id))
    g_hash_table_add (self->touched, g_memdup2 (&id, sizeof id));
}

static void
on_reloaded (IpmsTimelineTray *self)
{
  self->reset = TRUE;
}

/* A record's dates changed in place: the filter cannot see that itself.
 * Off screen, the tray catches up when shown again. */
static void
on_changes_done (IpmsTimelineTray *self)
{
  gboolean refilter = self->reset;
  GHashTableIter iter;
  gpointer key;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  g_hash_table_iter_init (&iter, self->touched);
  while (!refilter && g_hash_table_iter_next (&iter, &key, NULL))
    {
      IpmsRecord *product = ipms_document_get_record (self->document, "product", *(gint64 *) key);

      refilter = product != NULL && ipms_record_is_alive (product) &&
                 product_unscheduled (self, product) != g_hash_table_contains (self->shown, key);
    }
  g_hash_table_remove_all (self->touched);
  self->reset = FALSE;

  if (refilter)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty (self);
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource    *source,
                 double            x,
                 double            y,
                 IpmsTimelineTray *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  IpmsRecord *product = ipms_product_row_get_product (IPMS_PRODUCT_ROW (row));

  if (product == NULL)
    return NULL;

  return gdk_content_provider_new_typed (IPMS_TYPE_RECORD, product);
}

static void
on_drag_begin (GtkDragSource    *source,
               GdkDrag          *drag,
               IpmsTimelineTray *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

/* The drag source is the tray's, not the row's: it gives the timeline
 * canvas the product itself, to copy dates onto. The badge takes the grade's
 * colour like the new product chart's bars, and is outlined on the roadmap,
 * whose marks are coloured by series. */
/* Asked when the pointer rests on a row: setting the text on each bind
 * costs GTK 4.8 a round trip to the X server. */
static gboolean
on_query_tooltip (GtkWidget        *row,
                  int               x,
                  int               y,
                  gboolean          keyboard,
                  GtkTooltip       *tooltip,
                  IpmsTimelineTray *self)
{
  IpmsRecord *product = ipms_product_row_get_product (IPMS_PRODUCT_ROW (row));
  g_autofree char *text = NULL;

  if (product == NULL)
    return FALSE;

  text = g_strdup_printf (self->kind == IPMS_TIMELINE_KIND_ROADMAP
                          /* Translators: tooltip of a product in the roadmap's unscheduled tray */
                          ? _("Drag “%s” onto the roadmap to give it a launch date and a price")
                          /* Translators: tooltip of a product in the new product chart's unscheduled tray */
                          : _("Drag “%s” onto the chart to give it development and launch dates"),
                          ipms_record_get_string (product, "name"));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           IpmsTimelineTray         *self)
{
  GtkWidget *row = ipms_product_row_new ();
  GtkDragSource *source = gtk_drag_source_new ();

  ipms_product_row_set_colored_badge (IPMS_PRODUCT_ROW (row), self->kind != IPMS_TIMELINE_KIND_ROADMAP);
  gtk_widget_set_has_tooltip (row, TRUE);
  g_signal_connect (row, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  gtk_list_item_set_child (list_item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          IpmsTimelineTray         *self)
{
  IpmsRecord *product = gtk_list_item_get_item (list_item);
  IpmsProductRow *row = IPMS_PRODUCT_ROW (gtk_list_item_get_child (list_item));

  ipms_product_row_set_currency (row, self->currency);
  ipms_product_row_set_product (row, product);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            IpmsTimelineTray         *self)
{
  ipms_product_row_set_product (IPMS_PRODUCT_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
on_activate (GtkListView      *list_view,
             guint             position,
             IpmsTimelineTray *self)
{
  g_autoptr(IpmsRecord) product = g_list_model_get_item (G_LIST_MODEL (self->unscheduled), position);

  if (product != NULL)
    g_signal_emit (self, signals[SCHEDULE], 0, ipms_record_get_id (product));
}

static void
ipms_timeline_tray_dispose (GObject *object)
{
  IpmsTimelineTray *self = IPMS_TIMELINE_TRAY (object);
  GtkWidget *child;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (ipms_timeline_tray_parent_class)->dispose (object);
}

static void
set_products_held (IpmsTimelineTray *self,
                   gboolean          held)
{
  GListModel *products;

  /* The selection owns the filter model: taken apart, nothing to hold. */
  if (self->selection == NULL)
    return;

  products = gtk_filter_list_model_get_model (self->unscheduled);
  if (products != NULL)
    ipms_record_list_set_held (IPMS_RECORD_LIST (products), held);
}

/* Hidden with its chart, the tray's list of 10,000 products stays as it
 * was: GTK 4.8 filters and rebinds a hidden list as its items change. */
static void
ipms_timeline_tray_map (GtkWidget *widget)
{
  IpmsTimelineTray *self = IPMS_TIMELINE_TRAY (widget);

  GTK_WIDGET_CLASS (ipms_timeline_tray_parent_class)->map (widget);

  set_products_held (self, FALSE);
  if (self->document != NULL)
    on_changes_done (self);
}

static void
ipms_timeline_tray_unmap (GtkWidget *widget)
{
  IpmsTimelineTray *self = IPMS_TIMELINE_TRAY (widget);

  GTK_WIDGET_CLASS (ipms_timeline_tray_parent_class)->unmap (widget);

  set_products_held (self, TRUE);
}

static void
ipms_timeline_tray_class_init (IpmsTimelineTrayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_timeline_tray_dispose;

  widget_class->map = ipms_timeline_tray_map;
  widget_class->unmap = ipms_timeline_tray_unmap;

  signals[SCHEDULE] = g_signal_new ("schedule", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ipms-timeline-tray");
}

static void
ipms_timeline_tray_init (IpmsTimelineTray *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *title = gtk_label_new (_("Unscheduled"));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_size_request (GTK_WIDGET (self), 200, -1);

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_margin_start (title, 12);
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_set_margin_bottom (title, 6);
  gtk_widget_set_parent (title, GTK_WIDGET (self));

  self->shown = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->filter = gtk_custom_filter_new (is_unscheduled, self, NULL);
  self->unscheduled = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->unscheduled));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->unscheduled, "items-changed", G_CALLBACK (update_empty), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list_view), FALSE);
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Unscheduled products"), -1);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->list_view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));

  self->empty_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_margin_start (self->empty_label, 12);
  gtk_widget_set_margin_end (self->empty_label, 12);
  gtk_widget_set_valign (self->empty_label, GTK_ALIGN_START);
  gtk_widget_set_vexpand (self->empty_label, TRUE);
  gtk_widget_set_parent (self->empty_label, GTK_WIDGET (self));

  update_empty (self);
}

GtkWidget *
ipms_timeline_tray_new (IpmsTimelineKind kind)
{
  IpmsTimelineTray *self = g_object_new (IPMS_TYPE_TIMELINE_TRAY, NULL);

  self->kind = kind;
  return GTK_WIDGET (self);
}

void
ipms_timeline_tray_set_document (IpmsTimelineTray *self,
                                 IpmsDocument     *document)
{
  g_autoptr(IpmsRecordList) products = NULL;

  g_return_if_fail (IPMS_IS_TIMELINE_TRAY (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_clear_pointer (&self->currency, g_free);
  g_hash_table_remove_all (self->touched);
  self->reset = FALSE;

  if (document != NULL)
    {
      IpmsRecord *project = ipms_document_get_project (document);

      if (project != NULL && !ipms_record_is_null (project, "currency"))
        self->currency = g_strdup (ipms_record_get_string (project, "currency"));
      products = ipms_record_list_new (document, "product", NULL, 0, "name");
      ipms_record_list_set_held (products, !gtk_widget_get_mapped (GTK_WIDGET (self)));
      g_signal_connect_swapped (document, "row-changed", G_CALLBACK (on_row_changed), self);
      g_signal_connect_swapped (document, "reloaded", G_CALLBACK (on_reloaded), self);
      g_signal_connect_swapped (document, "changes-done", G_CALLBACK (on_changes_done), self);
    }
  gtk_filter_list_model_set_model (self->unscheduled, G_LIST_MODEL (products));
  update_empty (self);
}

GListModel *
ipms_timeline_tray_get_model (IpmsTimelineTray *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_TRAY (self), NULL);

  return G_LIST_MODEL (self->unscheduled);
}
