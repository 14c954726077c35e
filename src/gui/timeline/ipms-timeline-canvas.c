/* ipms-timeline-canvas.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ipms-canvas-item.h"
#include "ipms-canvas-menu.h"
#include "ipms-canvas-view.h"
#include "ipms-new-products-chart.h"
#include "ipms-product-editor.h"
#include "ipms-record.h"
#include "ipms-roadmap-chart.h"
#include "ipms-canvas-viewport.h"
#include "ipms-time-axis.h"
#include "ipms-timeline-canvas-private.h"
#include "ipms-timeline-edits.h"
#include "ipms-window.h"

/* Around the view, products keep (or get) their item widgets this far out. */
#define ITEM_MARGIN 256.0
/* How far an item's rectangle (see _ipms_timeline_canvas_item_rect())
 * reaches past the bar, launch mark or marker it surrounds, and a little
 * more. */
#define MARK_MARGIN 16.0

G_DEFINE_FINAL_TYPE (IpmsTimelineCanvas, ipms_timeline_canvas, GTK_TYPE_WIDGET)

/* On an item widget: the place (GdkRectangle) it was last allocated for. */
static GQuark allocated_quark;

enum {
  PROP_0,
  PROP_KIND,
  PROP_DOCUMENT,
  PROP_SELECTION,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Items */

/* The label only changes with the product's row (or the project's, for
 * the currency): describing 2,000 products after every edit would cost
 * more than the edit. */
static void
update_item_label (IpmsTimelineCanvas *self,
                   IpmsCanvasItem     *item,
                   IpmsRecord         *project)
{
  IpmsRecord *product = ipms_document_get_record (self->document, "product", ipms_canvas_item_get_id (item));
  guint project_revision = project != NULL ? ipms_record_get_revision (project) : 0;
  guint64 stamp = product != NULL ? ((guint64) project_revision << 32 | ipms_record_get_revision (product)) + 1 : 0;
  guint64 *seen = g_object_get_data (G_OBJECT (item), "ipms-described");
  g_autofree char *label = NULL;

  if (seen != NULL && *seen == stamp)
    return;

  label = product != NULL ? _ipms_timeline_canvas_describe_product (product, project) : NULL;
  if (g_strcmp0 (ipms_canvas_item_get_label (item), label) != 0)
    ipms_canvas_item_set_label (item, label);
  g_object_set_data_full (G_OBJECT (item), "ipms-described", g_memdup2 (&stamp, sizeof stamp), g_free);
}

gboolean
_ipms_timeline_canvas_item_rect (IpmsTimelineCanvas *self,
                                 gint64              id,
                                 graphene_rect_t    *rect)
{
  if (np_chart (self) != NULL)
    {
      IpmsNewProductsItem item;
      double x0, x1;

      if (!ipms_new_products_chart_get_item (np_chart (self), id, &item))
        return FALSE;

      x0 = item.bar_width > 0 ? item.bar_x : item.launch_x - 9;
      x1 = item.bar_width > 0 ? item.bar_x + item.bar_width : item.launch_x + 9;
      if (item.launch_x >= 0)
        {
          x0 = MIN (x0, item.launch_x - 9);
          x1 = MAX (x1, item.launch_x + 9);
        }
      graphene_rect_init (rect, x0 - 2, item.y + 3, x1 - x0 + 4, item.height - 6);
      return TRUE;
    }
  else
    {
      double x, y, r;

      if (!ipms_roadmap_chart_get_marker (rm_chart (self), id, &x, &y, &r))
        return FALSE;

      r += 4;
      graphene_rect_init (rect, x - r, y - r, 2 * r, 2 * r);
      return TRUE;
    }
}

static void
note_moved (IpmsTimelineCanvas *self,
            gint64              id)
{
  if (!g_hash_table_contains (self->unplaced, &id))
    g_hash_table_add (self->unplaced, g_memdup2 (&id, sizeof id));
  if (!g_hash_table_contains (self->unchecked, &id))
    g_hash_table_add (self->unchecked, g_memdup2 (&id, sizeof id));
}

static IpmsCanvasItem *
ensure_item (IpmsTimelineCanvas *self,
             gint64              id,
             IpmsRecord         *project)
{
  IpmsCanvasItem *item = g_hash_table_lookup (self->items, &id);
  gint64 *stored;

  if (item != NULL)
    return item;

  stored = g_new (gint64, 1);
  *stored = id;
  item = IPMS_CANVAS_ITEM (ipms_canvas_item_new (self->kind, id));
  ipms_canvas_item_set_radius (item, self->kind == IPMS_TIMELINE_KIND_ROADMAP ? 14 : 6);
  ipms_canvas_item_set_dark (item, is_dark ());
  ipms_canvas_item_set_selected (item, self->selection != NULL && ipms_selection_contains (self->selection, id));
  update_item_label (self, item, project);
  gtk_widget_set_parent (GTK_WIDGET (item), GTK_WIDGET (self));
  g_hash_table_insert (self->items, stored, item);
  note_moved (self, id);

  return item;
}

/* After an edit, the item widgets that exist catch up (or go with their
 * product); no widget is made here. Only the products the edit updated
 * can have left the chart or changed their labels: with the whole plan in
 * view there are thousands of widgets, and an edit of one product looks
 * at its own. */
static void
sync_items (IpmsTimelineCanvas *self)
{
  GHashTableIter iter;
  gpointer key, value;
  IpmsRecord *project;
  graphene_rect_t rect;

  if (!self->items_dirty || self->chart == NULL)
    return;
  self->items_dirty = FALSE;

  project = ipms_document_get_project (self->document);
  if (!self->touched_all)
    {
      g_hash_table_iter_init (&iter, self->touched);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          value = g_hash_table_lookup (self->items, key);
          if (value == NULL)
            continue;
          if (!_ipms_timeline_canvas_item_rect (self, *(gint64 *) key, &rect))
            {
              gtk_widget_unparent (value);
              g_hash_table_remove (self->items, key);
            }
          else
            {
              update_item_label (self, value, project);
              note_moved (self, *(gint64 *) key);
            }
        }
      g_hash_table_remove_all (self->touched);
      return;
    }

  self->touched_all = FALSE;
  g_hash_table_remove_all (self->touched);
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!_ipms_timeline_canvas_item_rect (self, *(gint64 *) key, &rect))
      {
        gtk_widget_unparent (value);
        g_hash_table_iter_remove (&iter);
      }
    else
      {
        ipms_canvas_item_set_selected (value, self->selection != NULL &&
                                              ipms_selection_contains (self->selection, *(gint64 *) key));
        update_item_label (self, value, project);
      }
}

/* A product row names the one item to catch up; the project's row (the
 * currency in the labels) or a reload may change them all. */
static void
on_row_changed (IpmsTimelineCanvas *self,
                const char         *table,
                gint64              id,
                IpmsRowChange       change)
{
  if (strcmp (table, "product") != 0)
    self->touched_all = TRUE;
  else if (!self->touched_all && !g_hash_table_contains (self->touched, &id))
    g_hash_table_add (self->touched, g_memdup2 (&id, sizeof id));
}

static void
on_reloaded (IpmsTimelineCanvas *self)
{
  self->touched_all = TRUE;
}

/* Item widgets (the chart's keyboard focus and accessible names) exist
 * only for the products in or near the view (unless they are too many:
 * see MAX_ITEM_WIDGETS), the focused one and the one dragged: a widget per
 * product costs most of the memory and layout time of a large chart. The
 * keyboard reaches the others by the chart's geometry, and
 * ipms_timeline_canvas_get_item() makes theirs on demand. */
static gboolean
sync_visible_items (IpmsTimelineCanvas *self)
{
  gboolean changed = FALSE;
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autoptr(GArray) ids = NULL;
  graphene_rect_t window, rect;
  double width, height;
  GHashTableIter iter;
  gpointer key, value;
  IpmsRecord *project = NULL;
  g_autoptr(GArray) gone = NULL;
  gboolean crowded;
  guint serial;

  if (self->chart == NULL)
    return FALSE;

  if (parent != NULL && IPMS_IS_CANVAS_VIEWPORT (parent))
    {
      ipms_canvas_viewport_get_visible_area (IPMS_CANVAS_VIEWPORT (parent), &window);
      graphene_rect_inset (&window, -ITEM_MARGIN, -ITEM_MARGIN);
    }
  else
    {
      ipms_chart_get_size (self->chart, &width, &height);
      graphene_rect_init (&window, 0, 0, width, height);
    }

  /* The chart finds the few products there without a look at each of the
   * thousands: an item's rectangle reaches MARK_MARGIN past its marks. */
  ids = ipms_timeline_chart_dup_item_ids_in (IPMS_TIMELINE_CHART (self->chart),
                                             &(cairo_rectangle_t) { window.origin.x - MARK_MARGIN,
                                                                    window.origin.y - MARK_MARGIN,
                                                                    window.size.width + 2 * MARK_MARGIN,
                                                                    window.size.height + 2 * MARK_MARGIN });
  crowded = ids->len > MAX_ITEM_WIDGETS;

  /* With the view and the chart's serial as at the last check, only the
   * widgets of edited products can have left the view. */
  serial = ipms_timeline_chart_get_serial (IPMS_TIMELINE_CHART (self->chart));
  gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (crowded || serial != self->checked_serial || !graphene_rect_equal (&window, &self->checked_window))
    g_hash_table_iter_init (&iter, self->items);
  else
    g_hash_table_iter_init (&iter, self->unchecked);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = *(gint64 *) key;

      value = g_hash_table_lookup (self->items, &id);
      if (value == NULL || value == (gpointer) focus || (self->drag.active && id == self->drag.id))
        continue;
      if (crowded || !_ipms_timeline_canvas_item_rect (self, id, &rect) || !graphene_rect_intersection (&rect, &window, NULL))
        g_array_append_val (gone, id);
    }
  for (guint i = 0; i < gone->len; i++)
    {
      gtk_widget_unparent (g_hash_table_lookup (self->items, &g_array_index (gone, gint64, i)));
      g_hash_table_remove (self->items, &g_array_index (gone, gint64, i));
      changed = TRUE;
    }
  g_hash_table_remove_all (self->unchecked);
  self->checked_serial = serial;
  self->checked_window = window;

  for (guint i = 0; !crowded && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (!g_hash_table_contains (self->items, &id) &&
          _ipms_timeline_canvas_item_rect (self, id, &rect) && graphene_rect_intersection (&rect, &window, NULL))
        {
          if (project == NULL)
            project = ipms_document_get_project (self->document);
          ensure_item (self, id, project);
          changed = TRUE;
        }
    }

  return changed;
}

/* Widgets are made and dropped before a frame's layout, never while it
 * runs: a child added during size_allocate leaves its ancestors needing
 * an allocation when the frame is painted. */
static gboolean
visible_items_tick (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  IpmsTimelineCanvas *self = IPMS_TIMELINE_CANVAS (widget);

  self->visible_tick_id = 0;
  /* Hidden, the chart lays nothing out for its widgets: it catches up
   * when shown again (see map). */
  if (!gtk_widget_get_mapped (widget))
    return G_SOURCE_REMOVE;
  if (sync_visible_items (self))
    gtk_widget_queue_allocate (widget);

  return G_SOURCE_REMOVE;
}

static void
queue_visible_items (IpmsTimelineCanvas *self)
{
  if (self->visible_tick_id == 0)
    self->visible_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), visible_items_tick, NULL, NULL);
}

static void
on_selection_changed (IpmsTimelineCanvas *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    ipms_canvas_item_set_selected (value, ipms_selection_contains (self->selection, *(gint64 *) key));
}

/* The painted view stays: the next paint asks the chart what changed. */
static void
on_chart_changed (IpmsTimelineCanvas *self)
{
  self->fit_found = 0;
  self->items_dirty = TRUE;
  self->chart_changed = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_preview_changed (IpmsTimelineCanvas *self)
{
  /* Only the dragged item moved, and its widget is not drawn meanwhile: a
   * redraw will do, with no new layout. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Scrolling moves this widget without redrawing it, but what it paints
 * depends on the part in view (culling, the labels kept at the edges), and
 * so do the item widgets it has. */
static void
on_visible_area_changed (IpmsTimelineCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  queue_visible_items (self);
}

static void
watch_viewport (IpmsTimelineCanvas *self,
                GtkWidget          *viewport)
{
  if (self->viewport != NULL)
    g_signal_handlers_disconnect_by_func (self->viewport, on_visible_area_changed, self);
  g_set_weak_pointer (&self->viewport, viewport);
  if (viewport != NULL)
    g_signal_connect_swapped (viewport, "visible-area-changed", G_CALLBACK (on_visible_area_changed), self);
}

static void
on_parent_changed (IpmsTimelineCanvas *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  watch_viewport (self, parent != NULL && IPMS_IS_CANVAS_VIEWPORT (parent) ? parent : NULL);
}

static void
on_dark_changed (IpmsTimelineCanvas *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ipms_canvas_item_set_dark (value, is_dark ());
  _ipms_timeline_canvas_drop_static_layer (self);
}

static void
rebuild_chart (IpmsTimelineCanvas *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_widget_unparent (value);
  g_hash_table_remove_all (self->items);
  g_hash_table_remove_all (self->unplaced);
  g_hash_table_remove_all (self->unchecked);
  /* A new chart counts from its own start. */
  self->placed_serial = G_MAXUINT;
  self->checked_serial = G_MAXUINT;

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_object (&self->chart);

  if (self->document == NULL)
    {
      on_chart_changed (self);
      return;
    }

  if (self->kind == IPMS_TIMELINE_KIND_NEW_PRODUCTS)
    {
      self->chart = IPMS_CHART (ipms_new_products_chart_new (self->document));
      if (self->lane_column > 0)
        ipms_new_products_chart_set_lane_column_width (np_chart (self), self->lane_column);
    }
  else
    self->chart = IPMS_CHART (ipms_roadmap_chart_new (self->document));
  ipms_timeline_chart_set_show_title (IPMS_TIMELINE_CHART (self->chart), FALSE);
  ipms_timeline_chart_set_preview_apart (IPMS_TIMELINE_CHART (self->chart), TRUE);

  g_object_set (self->chart, "px-per-day", IPMS_TIMELINE_BASE_PX_PER_DAY * self->zoom, NULL);
  g_signal_connect_swapped (self->chart, "changed", G_CALLBACK (on_chart_changed), self);
  g_signal_connect_swapped (self->chart, "preview-changed", G_CALLBACK (on_preview_changed), self);
  on_chart_changed (self);
}

/* Measuring and allocating */

static void
ipms_timeline_canvas_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  IpmsTimelineCanvas *self = IPMS_TIMELINE_CANVAS (widget);
  double width = 0, height = 0;

  if (self->chart != NULL)
    ipms_chart_get_size (self->chart, &width, &height);

  *minimum = 0;
  *natural = (int) ceil (orientation == GTK_ORIENTATION_HORIZONTAL ? width : height);
}

static void
ipms_timeline_canvas_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  IpmsTimelineCanvas *self = IPMS_TIMELINE_CANVAS (widget);
  GHashTableIter iter;
  gpointer key, value;
  guint serial;

  sync_items (self);
  queue_visible_items (self);

  /* An item keeps its allocation while its rectangle stays: after an
   * edit most of thousands do, and while the chart's serial stays only
   * those of edited products and new widgets can move. One that needs a
   * new allocation for its own sake gets the last again from GTK. */
  serial = self->chart != NULL ? ipms_timeline_chart_get_serial (IPMS_TIMELINE_CHART (self->chart)) : 0;
  if (serial != self->placed_serial)
    g_hash_table_iter_init (&iter, self->items);
  else
    g_hash_table_iter_init (&iter, self->unplaced);
  self->placed_serial = serial;
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      graphene_rect_t rect;
      GtkRequisition min;
      GdkRectangle place, *last;

      value = g_hash_table_lookup (self->items, key);
      if (value == NULL || !_ipms_timeline_canvas_item_rect (self, *(gint64 *) key, &rect))
        continue;

      place = (GdkRectangle) { (int) floor (rect.origin.x), (int) floor (rect.origin.y),
                               (int) ceil (rect.size.width), (int) ceil (rect.size.height) };
      last = g_object_get_qdata (value, allocated_quark);
      if (last != NULL && gdk_rectangle_equal (last, &place))
        continue;

      gtk_widget_get_preferred_size (value, &min, NULL);
      gtk_widget_size_allocate (value,
                                &(GtkAllocation) { place.x, place.y,
                                                   MAX (min.width, place.width), MAX (min.height, place.height) },
                                -1);
      g_object_set_qdata_full (value, allocated_quark, g_memdup2 (&place, sizeof place), g_free);
    }
  g_hash_table_remove_all (self->unplaced);

  if (self->menu != NULL)
    ipms_canvas_menu_allocate (IPMS_CANVAS_MENU (self->menu));

  /* The view's scroll range is set for the new size by now. */
  if (self->follow_id != 0)
    {
      gint64 id = self->follow_id;

      self->follow_id = 0;
      _ipms_timeline_canvas_scroll_to_item (self, id);
    }
}

static void
ipms_timeline_canvas_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ipms_timeline_canvas_parent_class)->map (widget);

  queue_visible_items (IPMS_TIMELINE_CANVAS (widget));
}

/* GObject */

static void
ipms_timeline_canvas_dispose (GObject *object)
{
  IpmsTimelineCanvas *self = IPMS_TIMELINE_CANVAS (object);
  GHashTableIter iter;
  gpointer value;

  if (self->items != NULL)
    {
      g_hash_table_iter_init (&iter, self->items);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        gtk_widget_unparent (value);
      g_clear_pointer (&self->items, g_hash_table_unref);
    }

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->unplaced, g_hash_table_unref);
  g_clear_pointer (&self->unchecked, g_hash_table_unref);
  g_clear_pointer (&self->tiles, g_array_unref);
  watch_viewport (self, NULL);
  if (self->visible_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->visible_tick_id);
      self->visible_tick_id = 0;
    }

  G_OBJECT_CLASS (ipms_timeline_canvas_parent_class)->dispose (object);
}

static void
ipms_timeline_canvas_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IpmsTimelineCanvas *self = IPMS_TIMELINE_CANVAS (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_timeline_canvas_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  IpmsTimelineCanvas *self = IPMS_TIMELINE_CANVAS (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    case PROP_DOCUMENT:
      ipms_timeline_canvas_set_document (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      ipms_timeline_canvas_set_selection (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      self->zoom = g_value_get_double (value);
      if (self->chart != NULL)
        g_object_set (self->chart, "px-per-day", IPMS_TIMELINE_BASE_PX_PER_DAY * self->zoom, NULL);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_timeline_canvas_class_init (IpmsTimelineCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_timeline_canvas_dispose;
  object_class->get_property = ipms_timeline_canvas_get_property;
  object_class->set_property = ipms_timeline_canvas_set_property;

  allocated_quark = g_quark_from_static_string ("ipms-timeline-allocated");

  widget_class->measure = ipms_timeline_canvas_measure;
  widget_class->size_allocate = ipms_timeline_canvas_size_allocate;
  widget_class->snapshot = _ipms_timeline_canvas_snapshot;
  widget_class->map = ipms_timeline_canvas_map;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, IPMS_TIMELINE_KIND_NEW_PRODUCTS, IPMS_TIMELINE_KIND_ROADMAP,
                      IPMS_TIMELINE_KIND_NEW_PRODUCTS,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, IPMS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, IPMS_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Set by IpmsCanvasView in CHILD mode: 1.0 is the month scale. */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.01, 100, 1,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _ipms_timeline_canvas_class_input_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "ipms-timeline-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ipms_timeline_canvas_init (IpmsTimelineCanvas *self)
{
  self->zoom = 1.0;
  self->tiles = g_array_new (FALSE, TRUE, sizeof (Tile));
  g_array_set_clear_func (self->tiles, _ipms_timeline_canvas_clear_tile);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline-canvas.cancel-drag", FALSE);
  self->items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->unplaced = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->unchecked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  _ipms_timeline_canvas_input_init (self);

  self->menu = ipms_canvas_menu_new ();
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  /* Top left in a view larger than the chart: the axis stays where the
   * eye expects it, and an edit that changes the height moves nothing. */
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);

  g_signal_connect (self, "notify::parent", G_CALLBACK (on_parent_changed), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ipms_timeline_canvas_new (IpmsTimelineKind kind)
{
  return g_object_new (IPMS_TYPE_TIMELINE_CANVAS, "kind", kind, NULL);
}

IpmsTimelineKind
ipms_timeline_canvas_get_kind (IpmsTimelineCanvas *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), IPMS_TIMELINE_KIND_NEW_PRODUCTS);

  return self->kind;
}

void
ipms_timeline_canvas_set_document (IpmsTimelineCanvas *self,
                                   IpmsDocument       *document)
{
  g_return_if_fail (IPMS_IS_TIMELINE_CANVAS (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "row-changed", G_CALLBACK (on_row_changed), self);
      g_signal_connect_swapped (document, "reloaded", G_CALLBACK (on_reloaded), self);
    }
  g_hash_table_remove_all (self->touched);
  self->touched_all = TRUE;

  ipms_timeline_canvas_drag_cancel (self);
  rebuild_chart (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

void
ipms_timeline_canvas_set_selection (IpmsTimelineCanvas *self,
                                    IpmsSelection      *selection)
{
  g_return_if_fail (IPMS_IS_TIMELINE_CANVAS (self));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    g_signal_connect_swapped (selection, "changed", G_CALLBACK (on_selection_changed), self);

  self->items_dirty = TRUE;
  self->touched_all = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

IpmsChart *
ipms_timeline_canvas_get_chart (IpmsTimelineCanvas *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), NULL);

  return self->chart;
}

double
ipms_timeline_canvas_day_position (IpmsTimelineCanvas *self,
                                   guint32             day)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), 0);

  if (self->chart == NULL)
    return 0;

  return time_origin (self) + ipms_time_axis_day_to_x (chart_axis (self), day);
}

gboolean
ipms_timeline_canvas_map_values (IpmsTimelineCanvas *self,
                                 guint32             day,
                                 double              value,
                                 double             *x,
                                 double             *y)
{
  double top, height;

  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  if (self->chart == NULL)
    return FALSE;

  if (rm_chart (self) != NULL)
    {
      ipms_roadmap_chart_values_to_point (rm_chart (self), day, value, x, y);
      return TRUE;
    }

  if (value < 0 || !ipms_new_products_chart_get_lane_extent (np_chart (self), (guint) value, &top, &height))
    return FALSE;

  *x = ipms_timeline_canvas_day_position (self, day);
  *y = top + height / 2;
  return TRUE;
}

void
ipms_timeline_canvas_set_lane_column_width (IpmsTimelineCanvas *self,
                                            double              width)
{
  g_return_if_fail (IPMS_IS_TIMELINE_CANVAS (self));

  self->lane_column = width;
  if (np_chart (self) != NULL && width > 0)
    ipms_new_products_chart_set_lane_column_width (np_chart (self), width);
}

double
ipms_timeline_canvas_fit_zoom (IpmsTimelineCanvas *self,
                               double              width,
                               double              height)
{
  gboolean flipped;
  double zoom, best = 0;

  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), 1.0);

  if (self->chart == NULL)
    return self->zoom;

  if (self->fit_found > 0 && self->fit_width == width && self->fit_height == height)
    {
      g_object_set (self->chart, "px-per-day", IPMS_TIMELINE_BASE_PX_PER_DAY * self->fit_found, NULL);
      return self->fit_found;
    }

  flipped = rm_chart (self) != NULL && ipms_roadmap_chart_get_flipped (rm_chart (self));

  /* The roadmap's price axis takes what the view has across the time,
   * within reason: squeezed further its bands would not read. Its legend
   * wraps to the view's width, which it would otherwise hold at any zoom. */
  if (rm_chart (self) != NULL)
    {
      IpmsRoadmapChart *chart = rm_chart (self);
      double chrome;

      ipms_roadmap_chart_set_legend_room (chart, width);
      chrome = ipms_roadmap_chart_get_price_chrome (chart);

      ipms_roadmap_chart_set_price_length (chart, CLAMP ((flipped ? width : height) - chrome,
                                                         flipped ? 360 : 240, flipped ? 1600 : 1200));
    }

  /* Labels and legend keep their size at any zoom, and labels packed at a
   * smaller zoom can reach further past their items: shrink the time axis
   * until the whole chart, labels and all, fits along it. Each try is a
   * new layout, which a plan of 10,000 products feels. */
  zoom = self->zoom;
  for (guint attempt = 0; attempt < 12; attempt++)
    {
      const IpmsTimeAxis *axis;
      double chart_width, chart_height, size, room, time_length;

      g_object_set (self->chart, "px-per-day", IPMS_TIMELINE_BASE_PX_PER_DAY * zoom, NULL);
      ipms_chart_get_size (self->chart, &chart_width, &chart_height);
      axis = chart_axis (self);
      size = flipped ? chart_height : chart_width;
      room = flipped ? height : width;
      time_length = ipms_time_axis_get_width (axis);

      if (size <= room)
        best = MAX (best, zoom);
      if (attempt > 0 && size <= room && size > room - 24)
        break;
      if (attempt > 0 && size <= room && zoom >= IPMS_CANVAS_MAX_ZOOM)
        break;
      if (size > room && zoom <= IPMS_CANVAS_MIN_ZOOM)
        break;

      /* What is not the time axis stays; the axis gets the rest, less
       * three quarters of the 24 units a fit may leave: labels reach a
       * little further at a smaller zoom, and a try that overshoots costs
       * another layout, at 10,000 products 60 ms. */
      zoom *= MAX (1, time_length + room - size - 18) / MAX (1, time_length);
      zoom = CLAMP (zoom, IPMS_CANVAS_MIN_ZOOM, IPMS_CANVAS_MAX_ZOOM);
    }

  /* The chart is left laid out at the zoom found, which the view applies
   * next: that is then no new layout. */
  zoom = best > 0 ? best : zoom;
  g_object_set (self->chart, "px-per-day", IPMS_TIMELINE_BASE_PX_PER_DAY * zoom, NULL);
  self->fit_width = width;
  self->fit_height = height;
  self->fit_found = zoom;

  return zoom;
}

GtkWidget *
ipms_timeline_canvas_get_item (IpmsTimelineCanvas *self,
                               gint64              product_id)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), NULL);

  sync_items (self);
  if (self->chart == NULL || !_ipms_timeline_canvas_item_rect (self, product_id, &(graphene_rect_t) { 0 }))
    return g_hash_table_lookup (self->items, &product_id);

  /* Made now when off screen; laid out with the next frame. */
  if (g_hash_table_lookup (self->items, &product_id) == NULL)
    gtk_widget_queue_allocate (GTK_WIDGET (self));

  return GTK_WIDGET (ensure_item (self, product_id, ipms_document_get_project (self->document)));
}
