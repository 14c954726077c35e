/* ipms-canvas-viewport.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ipms-canvas-viewport.h"

struct _IpmsCanvasViewport
{
  GtkWidget           parent_instance;

  GtkWidget          *child;
  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  guint               hscroll_policy : 1;
  guint               vscroll_policy : 1;

  IpmsCanvasZoomMode  zoom_mode;
  double              zoom;

  /* Content size at the last allocation, in viewport pixels. */
  double              content_width;
  double              content_height;
  double              offset_x;
  double              offset_y;

  /* Sizes at the last allocation, to tell when the layout changed. */
  int                 last_child_width;
  int                 last_child_height;
  int                 last_width;
  int                 last_height;

  /* A scroll asked for while the child is being allocated (a chart keeping
   * its focus in sight) comes too late for this allocation: the next one
   * is queued from outside it. */
  gboolean            allocating;
  guint               reallocate_source;
  /* See queue_relayout(). */
  GdkFrameClock      *relayout_clock;
  gulong              relayout_handler;
  gboolean            relayout_asked;

  /* A zoom waiting for the next allocation to put the anchored point back
   * under the pointer: fractions of the content and viewport positions. */
  gboolean            anchor_pending;
  double              anchor_fx;
  double              anchor_fy;
  double              anchor_x;
  double              anchor_y;
};

enum {
  PROP_0,
  PROP_ZOOM,
  N_PROPS,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  LAYOUT_CHANGED,
  VISIBLE_AREA_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (IpmsCanvasViewport, ipms_canvas_viewport, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static gboolean
reallocate_cb (gpointer data)
{
  IpmsCanvasViewport *self = data;

  self->reallocate_source = 0;
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

static void
relayout_cb (GdkFrameClock      *clock,
             IpmsCanvasViewport *self)
{
  g_clear_signal_handler (&self->relayout_handler, self->relayout_clock);
  g_clear_object (&self->relayout_clock);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* A GtkScrolledWindow answers bounds of its adjustments that show or hide
 * a scrollbar with gtk_widget_queue_resize(); made while GTK 4.8
 * allocates, as here, that request is lost, and the widgets above are
 * painted without an allocation (the panorama stayed blank after the
 * window grew). A new size of the view or the chart may do it: the
 * request is made again once the allocation is over, in the same frame,
 * whose layout phase then runs again before it paints. */
static void
queue_relayout (IpmsCanvasViewport *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || self->relayout_handler != 0)
    return;

  self->relayout_clock = g_object_ref (clock);
  self->relayout_handler = g_signal_connect (clock, "layout", G_CALLBACK (relayout_cb), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

static void
on_adjustment_value_changed (IpmsCanvasViewport *self)
{
  if (!self->allocating)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  else if (self->reallocate_source == 0)
    self->reallocate_source = g_idle_add (reallocate_cb, self);
}

/* Not blocked while allocating, unlike the handler above: a value clamped
 * to a new size moves the visible area too. */
static void
emit_visible_area_changed (IpmsCanvasViewport *self)
{
  g_signal_emit (self, signals[VISIBLE_AREA_CHANGED], 0);
}

static void
set_adjustment (IpmsCanvasViewport  *self,
                GtkAdjustment      **slot,
                GtkAdjustment       *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed, self);
      g_signal_handlers_disconnect_by_func (*slot, emit_visible_area_changed, self);
      g_object_unref (*slot);
    }

  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (on_adjustment_value_changed), self);
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (emit_visible_area_changed), self);
  emit_visible_area_changed (self);
}

static void
child_natural_size (IpmsCanvasViewport *self,
                    int                *width,
                    int                *height)
{
  *width = *height = 0;

  if (self->child == NULL || !gtk_widget_get_visible (self->child))
    return;

  gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, width, NULL, NULL);
  gtk_widget_measure (self->child, GTK_ORIENTATION_VERTICAL, *width, NULL, height, NULL, NULL);
}

static double
content_scale (IpmsCanvasViewport *self)
{
  return self->zoom_mode == IPMS_CANVAS_ZOOM_SCALE ? self->zoom : 1.0;
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         content,
                      double         page)
{
  double upper = MAX (content, page);
  double value = CLAMP (gtk_adjustment_get_value (adjustment), 0, upper - page);

  gtk_adjustment_configure (adjustment, value, 0, upper, page * 0.1, page * 0.9, page);
}

static void
ipms_canvas_viewport_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  IpmsCanvasViewport *self = IPMS_CANVAS_VIEWPORT (widget);
  GskTransform *transform = NULL;
  int child_width, child_height;
  double scale = content_scale (self);

  gboolean changed;

  child_natural_size (self, &child_width, &child_height);
  changed = child_width != self->last_child_width || child_height != self->last_child_height ||
            width != self->last_width || height != self->last_height;
  self->last_child_width = child_width;
  self->last_child_height = child_height;
  self->last_width = width;
  self->last_height = height;

  self->content_width = child_width * scale;
  self->content_height = child_height * scale;
  /* A chart smaller than the view sits in its middle. */
  self->offset_x = MAX (0, (width - self->content_width) / 2);
  self->offset_y = MAX (0, (height - self->content_height) / 2);

  g_object_freeze_notify (G_OBJECT (self->hadjustment));
  g_object_freeze_notify (G_OBJECT (self->vadjustment));

  /* Unless the child asks to start at the top or the left: a timeline,
   * which then does not move when an edit changes its height. */
  if (self->child != NULL && gtk_widget_get_halign (self->child) == GTK_ALIGN_START)
    self->offset_x = 0;
  if (self->child != NULL && gtk_widget_get_valign (self->child) == GTK_ALIGN_START)
    self->offset_y = 0;

  if (self->anchor_pending)
    {
      self->anchor_pending = FALSE;
      gtk_adjustment_set_upper (self->hadjustment, MAX (self->content_width, width));
      gtk_adjustment_set_upper (self->vadjustment, MAX (self->content_height, height));
      gtk_adjustment_set_page_size (self->hadjustment, width);
      gtk_adjustment_set_page_size (self->vadjustment, height);
      g_signal_handlers_block_by_func (self->hadjustment, on_adjustment_value_changed, self);
      g_signal_handlers_block_by_func (self->vadjustment, on_adjustment_value_changed, self);
      gtk_adjustment_set_value (self->hadjustment,
                                self->anchor_fx * self->content_width + self->offset_x - self->anchor_x);
      gtk_adjustment_set_value (self->vadjustment,
                                self->anchor_fy * self->content_height + self->offset_y - self->anchor_y);
      g_signal_handlers_unblock_by_func (self->hadjustment, on_adjustment_value_changed, self);
      g_signal_handlers_unblock_by_func (self->vadjustment, on_adjustment_value_changed, self);
    }

  g_signal_handlers_block_by_func (self->hadjustment, on_adjustment_value_changed, self);
  g_signal_handlers_block_by_func (self->vadjustment, on_adjustment_value_changed, self);
  configure_adjustment (self->hadjustment, self->content_width, width);
  configure_adjustment (self->vadjustment, self->content_height, height);
  g_signal_handlers_unblock_by_func (self->hadjustment, on_adjustment_value_changed, self);
  g_signal_handlers_unblock_by_func (self->vadjustment, on_adjustment_value_changed, self);

  g_object_thaw_notify (G_OBJECT (self->hadjustment));
  g_object_thaw_notify (G_OBJECT (self->vadjustment));

  /* Once for a change of size: a chart whose size follows the view's (a
   * timeline fitted to it) changes again in the layout asked for, and
   * must not make every layout ask for one more. */
  if (changed && !self->relayout_asked)
    queue_relayout (self);
  self->relayout_asked = changed;
  if (changed)
    g_signal_emit (self, signals[LAYOUT_CHANGED], 0);

  if (self->child == NULL || !gtk_widget_get_visible (self->child))
    return;

  transform = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (
                                         round (self->offset_x - gtk_adjustment_get_value (self->hadjustment)),
                                         round (self->offset_y - gtk_adjustment_get_value (self->vadjustment))));
  if (scale != 1.0)
    transform = gsk_transform_scale (transform, scale, scale);

  self->allocating = TRUE;
  gtk_widget_allocate (self->child, child_width, child_height, -1, transform);
  self->allocating = FALSE;

  /* A view grown or shrunk shows another part of the chart with the same
   * scroll values: a canvas that paints only what is in view must paint
   * it (the roadmap stayed cut off at the old size of the window). */
  if (changed)
    emit_visible_area_changed (self);
}

static void
ipms_canvas_viewport_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  IpmsCanvasViewport *self = IPMS_CANVAS_VIEWPORT (widget);
  int width, height;

  child_natural_size (self, &width, &height);
  *minimum = 0;
  *natural = (int) ceil ((orientation == GTK_ORIENTATION_HORIZONTAL ? width : height) *
                         content_scale (self));
}

static void
ipms_canvas_viewport_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  IpmsCanvasViewport *self = IPMS_CANVAS_VIEWPORT (widget);

  if (self->child == NULL)
    return;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0,
                                                         gtk_widget_get_width (widget),
                                                         gtk_widget_get_height (widget)));
  gtk_widget_snapshot_child (widget, self->child, snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
ipms_canvas_viewport_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IpmsCanvasViewport *self = IPMS_CANVAS_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_canvas_viewport_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  IpmsCanvasViewport *self = IPMS_CANVAS_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_canvas_viewport_dispose (GObject *object)
{
  IpmsCanvasViewport *self = (IpmsCanvasViewport *)object;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  g_clear_handle_id (&self->reallocate_source, g_source_remove);
  g_clear_signal_handler (&self->relayout_handler, self->relayout_clock);
  g_clear_object (&self->relayout_clock);

  if (self->hadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed, self);
      g_signal_handlers_disconnect_by_func (self->hadjustment, emit_visible_area_changed, self);
    }
  if (self->vadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed, self);
      g_signal_handlers_disconnect_by_func (self->vadjustment, emit_visible_area_changed, self);
    }
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (ipms_canvas_viewport_parent_class)->dispose (object);
}

static void
ipms_canvas_viewport_class_init (IpmsCanvasViewportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_canvas_viewport_dispose;
  object_class->get_property = ipms_canvas_viewport_get_property;
  object_class->set_property = ipms_canvas_viewport_set_property;

  widget_class->measure = ipms_canvas_viewport_measure;
  widget_class->size_allocate = ipms_canvas_viewport_size_allocate;
  widget_class->snapshot = ipms_canvas_viewport_snapshot;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         IPMS_CANVAS_MIN_ZOOM, IPMS_CANVAS_MAX_ZOOM, 1.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The child's natural size or the viewport's size changed (emitted from
   * size_allocate: handlers must not resize anything then and there). */
  signals[LAYOUT_CHANGED] =
    g_signal_new ("layout-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* The part of the child in view (ipms_canvas_viewport_get_visible_area())
   * moved: the view scrolled, or a new size clamped the scroll position.
   * Also emitted from size_allocate: handlers only queue their work. */
  signals[VISIBLE_AREA_CHANGED] =
    g_signal_new ("visible-area-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "canvasviewport");
}

static void
ipms_canvas_viewport_init (IpmsCanvasViewport *self)
{
  self->zoom = 1.0;
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

void
ipms_canvas_viewport_set_child (IpmsCanvasViewport *self,
                                GtkWidget          *child)
{
  g_return_if_fail (IPMS_IS_CANVAS_VIEWPORT (self));

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
      if (self->zoom_mode == IPMS_CANVAS_ZOOM_CHILD)
        g_object_set (child, "zoom", self->zoom, NULL);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

GtkWidget *
ipms_canvas_viewport_get_child (IpmsCanvasViewport *self)
{
  g_return_val_if_fail (IPMS_IS_CANVAS_VIEWPORT (self), NULL);

  return self->child;
}

void
ipms_canvas_viewport_set_zoom_mode (IpmsCanvasViewport *self,
                                    IpmsCanvasZoomMode  mode)
{
  g_return_if_fail (IPMS_IS_CANVAS_VIEWPORT (self));

  self->zoom_mode = mode;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

double
ipms_canvas_viewport_get_zoom (IpmsCanvasViewport *self)
{
  g_return_val_if_fail (IPMS_IS_CANVAS_VIEWPORT (self), 1.0);

  return self->zoom;
}

void
ipms_canvas_viewport_set_zoom_at (IpmsCanvasViewport *self,
                                  double              zoom,
                                  double              anchor_x,
                                  double              anchor_y)
{
  g_return_if_fail (IPMS_IS_CANVAS_VIEWPORT (self));

  zoom = CLAMP (zoom, IPMS_CANVAS_MIN_ZOOM, IPMS_CANVAS_MAX_ZOOM);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;

  if (self->content_width > 0 && self->content_height > 0)
    {
      self->anchor_pending = TRUE;
      self->anchor_x = anchor_x;
      self->anchor_y = anchor_y;
      self->anchor_fx = (gtk_adjustment_get_value (self->hadjustment) + anchor_x - self->offset_x) / self->content_width;
      self->anchor_fy = (gtk_adjustment_get_value (self->vadjustment) + anchor_y - self->offset_y) / self->content_height;
      self->anchor_fx = CLAMP (self->anchor_fx, 0, 1);
      self->anchor_fy = CLAMP (self->anchor_fy, 0, 1);
    }

  self->zoom = zoom;
  if (self->zoom_mode == IPMS_CANVAS_ZOOM_CHILD && self->child != NULL)
    g_object_set (self->child, "zoom", zoom, NULL);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

double
ipms_canvas_viewport_get_fit_zoom (IpmsCanvasViewport *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_val_if_fail (IPMS_IS_CANVAS_VIEWPORT (self), 1.0);

  if (self->content_width <= 0 || self->content_height <= 0 || width <= 0 || height <= 0)
    return self->zoom;

  /* Content size is linear in the zoom in SCALE mode and close enough to it
   * for a time axis in CHILD mode. */
  return self->zoom * MIN ((width - 16) / self->content_width, (height - 16) / self->content_height);
}

void
ipms_canvas_viewport_scroll_to (IpmsCanvasViewport    *self,
                                const graphene_rect_t *rect)
{
  double scale = content_scale (self);

  g_return_if_fail (IPMS_IS_CANVAS_VIEWPORT (self));

  gtk_adjustment_clamp_page (self->hadjustment,
                             rect->origin.x * scale + self->offset_x - 12,
                             (rect->origin.x + rect->size.width) * scale + self->offset_x + 12);
  gtk_adjustment_clamp_page (self->vadjustment,
                             rect->origin.y * scale + self->offset_y - 12,
                             (rect->origin.y + rect->size.height) * scale + self->offset_y + 12);
}

void
ipms_canvas_viewport_pan_by (IpmsCanvasViewport *self,
                             double              dx,
                             double              dy)
{
  g_return_if_fail (IPMS_IS_CANVAS_VIEWPORT (self));

  gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + dx);
  gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + dy);
}

void
ipms_canvas_viewport_get_scroll (IpmsCanvasViewport *self,
                                 double             *x,
                                 double             *y)
{
  *x = gtk_adjustment_get_value (self->hadjustment);
  *y = gtk_adjustment_get_value (self->vadjustment);
}

void
ipms_canvas_viewport_set_scroll (IpmsCanvasViewport *self,
                                 double              x,
                                 double              y)
{
  gtk_adjustment_set_value (self->hadjustment, x);
  gtk_adjustment_set_value (self->vadjustment, y);
}

void
ipms_canvas_viewport_get_visible_area (IpmsCanvasViewport *self,
                                       graphene_rect_t    *area)
{
  double scale;

  g_return_if_fail (IPMS_IS_CANVAS_VIEWPORT (self));

  /* From the adjustments, which a scroll changes at once, not from the
   * child's transform, which follows at the next allocation. */
  scale = content_scale (self);
  graphene_rect_init (area,
                      (gtk_adjustment_get_value (self->hadjustment) - self->offset_x) / scale,
                      (gtk_adjustment_get_value (self->vadjustment) - self->offset_y) / scale,
                      self->last_width / scale,
                      self->last_height / scale);
}
