/* ipms-canvas-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ipms-canvas-view.h"
#include "ipms-canvas-viewport.h"

#define SAVE_DELAY_MS 400

typedef enum
{
  FIT_NONE,      /* the user chose the zoom */
  FIT_READABLE,  /* as much as fits without the text getting too small */
  FIT_WHOLE,     /* all of it: the user asked to see everything */
} FitMode;

struct _IpmsCanvasView
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkScrolledWindow  *scroller;
  IpmsCanvasViewport *viewport;
  GtkLabel           *zoom_label;
  GtkWidget          *zoom_box;

  IpmsDocument       *document;
  char               *state_key;
  guint               save_source;
  gboolean            restoring;
  guint               fit_tick;
  /* See ipms_canvas_view_set_fits_on_open(). */
  gboolean            no_fit_on_open;
  FitMode             fit_mode;
  double              min_fit_zoom;
  guint               refit_source;

  /* Pointer position over the viewport, for zooming about it. */
  gboolean            pointer_inside;
  double              pointer_x;
  double              pointer_y;

  double              pinch_zoom;
  double              pan_start_x;
  double              pan_start_y;
};

G_DEFINE_FINAL_TYPE (IpmsCanvasView, ipms_canvas_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  PROP_ZOOM,
  PROP_DOCUMENT,
  PROP_STATE_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const double zoom_steps[] = {
  0.1, 0.15, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0,
};

static void
update_actions (IpmsCanvasView *self)
{
  double zoom = ipms_canvas_viewport_get_zoom (self->viewport);
  g_autofree char *text = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.zoom-in", zoom < IPMS_CANVAS_MAX_ZOOM - 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.zoom-out", zoom > IPMS_CANVAS_MIN_ZOOM + 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.zoom-reset", fabs (zoom - 1.0) > 1e-6);

  /* Translators: the zoom level, "100%" */
  text = g_strdup_printf (_("%.0f%%"), zoom * 100);
  gtk_label_set_label (self->zoom_label, text);
}

static void
save_state (IpmsCanvasView *self)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *key = NULL;

  if (self->document == NULL || self->state_key == NULL)
    return;

  key = g_strconcat (self->state_key, ".zoom", NULL);
  g_ascii_formatd (buffer, sizeof buffer, "%.3f", ipms_canvas_viewport_get_zoom (self->viewport));
  ipms_document_set_view_state (self->document, key, buffer);
}

static gboolean
save_state_cb (gpointer data)
{
  IpmsCanvasView *self = data;

  /* A bulk undo or redo runs in slices: a write now would complete it at
   * once, in this one main-loop iteration. The zoom can wait. */
  if (self->document != NULL && ipms_document_get_busy (self->document))
    return G_SOURCE_CONTINUE;

  self->save_source = 0;
  save_state (self);

  return G_SOURCE_REMOVE;
}

static void
flush_state (IpmsCanvasView *self)
{
  if (self->save_source != 0)
    {
      g_clear_handle_id (&self->save_source, g_source_remove);
      save_state (self);
    }
}

/* Sets the zoom the fit mode asks for, keeping the mode. */
static void
apply_fit (IpmsCanvasView *self)
{
  FitMode mode = self->fit_mode;
  double fit = ipms_canvas_viewport_get_fit_zoom (self->viewport);

  if (mode == FIT_NONE)
    return;

  /* A readable fit shows as much as fits, but never shrinks the text below
   * the chart's readable size nor blows it up past 100 %: the rest scrolls. */
  if (mode == FIT_READABLE)
    fit = CLAMP (fit, MIN (self->min_fit_zoom, 1.0), 1.0);

  ipms_canvas_viewport_set_zoom_at (self->viewport, fit,
                                    gtk_widget_get_width (GTK_WIDGET (self->viewport)) / 2.0,
                                    gtk_widget_get_height (GTK_WIDGET (self->viewport)) / 2.0);
  self->fit_mode = mode;
}

/* A project seen for the first time opens showing as much of the chart as
 * stays readable; once the viewport has a size, which takes a frame. */
static gboolean
initial_fit_tick (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  IpmsCanvasView *self = IPMS_CANVAS_VIEW (widget);

  if (gtk_widget_get_width (GTK_WIDGET (self->viewport)) <= 0)
    return G_SOURCE_CONTINUE;

  self->fit_tick = 0;
  self->restoring = TRUE;
  self->fit_mode = FIT_READABLE;
  apply_fit (self);
  self->restoring = FALSE;

  return G_SOURCE_REMOVE;
}

static gboolean
refit_cb (gpointer data)
{
  IpmsCanvasView *self = data;

  self->refit_source = 0;
  self->restoring = TRUE;
  apply_fit (self);
  self->restoring = FALSE;

  return G_SOURCE_REMOVE;
}

/* While the zoom follows the fit, a grid that grows or shrinks (a column
 * added or deleted) or a view that is resized fits again; once the user
 * zoomed by hand, their zoom stays. */
static void
on_layout_changed (IpmsCanvasView *self)
{
  if (self->fit_mode != FIT_NONE && self->fit_tick == 0 && self->refit_source == 0)
    self->refit_source = g_idle_add (refit_cb, self);
}

static void
restore_state (IpmsCanvasView *self)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;

  if (self->document == NULL || self->state_key == NULL)
    return;

  key = g_strconcat (self->state_key, ".zoom", NULL);
  value = ipms_document_dup_view_state (self->document, key);
  if (value != NULL)
    {
      double zoom = g_ascii_strtod (value, NULL);

      if (zoom >= IPMS_CANVAS_MIN_ZOOM && zoom <= IPMS_CANVAS_MAX_ZOOM)
        {
          if (self->fit_tick != 0)
            {
              gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fit_tick);
              self->fit_tick = 0;
            }
          self->restoring = TRUE;
          self->fit_mode = FIT_NONE;
          ipms_canvas_viewport_set_zoom_at (self->viewport, zoom, 0, 0);
          self->restoring = FALSE;
        }
    }
  else if (self->fit_tick == 0 && !self->no_fit_on_open)
    {
      self->fit_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), initial_fit_tick, NULL, NULL);
    }
}

static void
schedule_save (IpmsCanvasView *self)
{
  if (self->document != NULL && self->state_key != NULL)
    {
      g_clear_handle_id (&self->save_source, g_source_remove);
      self->save_source = g_timeout_add (SAVE_DELAY_MS, save_state_cb, self);
    }
}

static void
on_zoom_changed (IpmsCanvasView *self)
{
  /* Any zoom not set by the fit itself is the user's. */
  if (!self->restoring)
    self->fit_mode = FIT_NONE;

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);

  if (!self->restoring)
    schedule_save (self);
}

static void
zoom_about_pointer (IpmsCanvasView *self,
                    double          zoom)
{
  double x = gtk_widget_get_width (GTK_WIDGET (self->viewport)) / 2.0;
  double y = gtk_widget_get_height (GTK_WIDGET (self->viewport)) / 2.0;

  if (self->pointer_inside)
    {
      x = self->pointer_x;
      y = self->pointer_y;
    }

  ipms_canvas_viewport_set_zoom_at (self->viewport, zoom, x, y);
}

static void
step_zoom (IpmsCanvasView *self,
           int             direction)
{
  double zoom = ipms_canvas_viewport_get_zoom (self->viewport);
  double next = zoom;

  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
        if (zoom_steps[i] > zoom + 1e-3)
          {
            next = zoom_steps[i];
            break;
          }
    }
  else
    {
      for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
        if (zoom_steps[i - 1] < zoom - 1e-3)
          {
            next = zoom_steps[i - 1];
            break;
          }
    }

  zoom_about_pointer (self, next);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  step_zoom (IPMS_CANVAS_VIEW (widget), 1);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  step_zoom (IPMS_CANVAS_VIEW (widget), -1);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ipms_canvas_view_set_zoom (IPMS_CANVAS_VIEW (widget), 1.0);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gboolean handled = FALSE;

  /* A child in CHILD mode knows better what fits (its text does not scale). */
  g_signal_emit (widget, signals[FIT], 0, &handled);
  if (!handled)
    ipms_canvas_view_zoom_to_fit (IPMS_CANVAS_VIEW (widget));
}


static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           IpmsCanvasView           *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0)
    return FALSE;

  zoom_about_pointer (self, ipms_canvas_viewport_get_zoom (self->viewport) * pow (1.1, -dy));
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           IpmsCanvasView           *self)
{
  self->pointer_inside = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
on_leave (GtkEventControllerMotion *controller,
          IpmsCanvasView           *self)
{
  self->pointer_inside = FALSE;
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                IpmsCanvasView   *self)
{
  self->pinch_zoom = ipms_canvas_viewport_get_zoom (self->viewport);
}

static void
on_pinch_scale_changed (GtkGestureZoom *gesture,
                        double          scale,
                        IpmsCanvasView *self)
{
  double x, y;
  graphene_point_t point;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;

  if (!gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->viewport),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return;

  ipms_canvas_viewport_set_zoom_at (self->viewport, self->pinch_zoom * scale, point.x, point.y);
}

static void
on_pan_begin (GtkGestureDrag *gesture,
              double          x,
              double          y,
              IpmsCanvasView *self)
{
  ipms_canvas_viewport_get_scroll (self->viewport, &self->pan_start_x, &self->pan_start_y);

  /* The middle button always pans; the primary one only where the chart
   * denied the press (see the header). */
  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_MIDDLE)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_pan_update (GtkGestureDrag *gesture,
               double          dx,
               double          dy,
               IpmsCanvasView *self)
{
  GdkEventSequence *sequence = gtk_gesture_single_get_current_sequence (GTK_GESTURE_SINGLE (gesture));

  if (gtk_gesture_get_sequence_state (GTK_GESTURE (gesture), sequence) != GTK_EVENT_SEQUENCE_CLAIMED)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy))
        return;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->viewport), "grabbing");
  ipms_canvas_viewport_set_scroll (self->viewport, self->pan_start_x - dx, self->pan_start_y - dy);
}

static void
on_pan_end (GtkGesture       *gesture,
            GdkEventSequence *sequence,
            IpmsCanvasView   *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self->viewport), NULL);
}

static void
ipms_canvas_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IpmsCanvasView *self = IPMS_CANVAS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, ipms_canvas_view_get_child (self));
      break;
    case PROP_ZOOM:
      g_value_set_double (value, ipms_canvas_view_get_zoom (self));
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_STATE_KEY:
      g_value_set_string (value, self->state_key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_canvas_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IpmsCanvasView *self = IPMS_CANVAS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      ipms_canvas_view_set_child (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      ipms_canvas_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_DOCUMENT:
      ipms_canvas_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_STATE_KEY:
      ipms_canvas_view_set_state_key (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_canvas_view_dispose (GObject *object)
{
  IpmsCanvasView *self = (IpmsCanvasView *)object;

  flush_state (self);
  if (self->fit_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fit_tick);
      self->fit_tick = 0;
    }
  g_clear_handle_id (&self->refit_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPMS_TYPE_CANVAS_VIEW);
  g_clear_object (&self->document);
  g_clear_pointer (&self->state_key, g_free);

  G_OBJECT_CLASS (ipms_canvas_view_parent_class)->dispose (object);
}

static void
ipms_canvas_view_class_init (IpmsCanvasViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint in_keys[] = { GDK_KEY_plus, GDK_KEY_equal, GDK_KEY_KP_Add };
  static const guint out_keys[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };
  static const guint reset_keys[] = { GDK_KEY_0, GDK_KEY_KP_0 };
  static const GdkModifierType mods[] = { 0, GDK_CONTROL_MASK };

  object_class->dispose = ipms_canvas_view_dispose;
  object_class->get_property = ipms_canvas_view_get_property;
  object_class->set_property = ipms_canvas_view_set_property;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         IPMS_CANVAS_MIN_ZOOM, IPMS_CANVAS_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, IPMS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE_KEY] =
    g_param_spec_string ("state-key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted by "canvas.zoom-fit": a handler that fits the view itself
   * returns TRUE, else the view fits the child's natural size. */
  signals[FIT] =
    g_signal_new ("fit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL, G_TYPE_BOOLEAN, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipmsplanner/Planner/common/ipms-canvas-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IpmsCanvasView, box);
  gtk_widget_class_bind_template_child (widget_class, IpmsCanvasView, scroller);
  gtk_widget_class_bind_template_child (widget_class, IpmsCanvasView, viewport);
  gtk_widget_class_bind_template_child (widget_class, IpmsCanvasView, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, IpmsCanvasView, zoom_box);

  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_fit_action);

  for (guint m = 0; m < G_N_ELEMENTS (mods); m++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (in_keys); i++)
        gtk_widget_class_add_binding_action (widget_class, in_keys[i], mods[m], "canvas.zoom-in", NULL);
      for (guint i = 0; i < G_N_ELEMENTS (out_keys); i++)
        gtk_widget_class_add_binding_action (widget_class, out_keys[i], mods[m], "canvas.zoom-out", NULL);
      for (guint i = 0; i < G_N_ELEMENTS (reset_keys); i++)
        gtk_widget_class_add_binding_action (widget_class, reset_keys[i], mods[m], "canvas.zoom-reset", NULL);
    }

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "canvasview");

  g_type_ensure (IPMS_TYPE_CANVAS_VIEWPORT);
}

static void
ipms_canvas_view_init (IpmsCanvasView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->viewport, "notify::zoom", G_CALLBACK (on_zoom_changed), self);
  g_signal_connect_swapped (self->viewport, "layout-changed", G_CALLBACK (on_layout_changed), self);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->viewport), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_MIDDLE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_pan_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_pan_update), self);
  g_signal_connect (gesture, "end", G_CALLBACK (on_pan_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self->viewport), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_pan_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_pan_update), self);
  g_signal_connect (gesture, "end", G_CALLBACK (on_pan_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self->viewport), GTK_EVENT_CONTROLLER (gesture));

  self->min_fit_zoom = 0.5;
  update_actions (self);
}

GtkWidget *
ipms_canvas_view_new (void)
{
  return g_object_new (IPMS_TYPE_CANVAS_VIEW, NULL);
}

void
ipms_canvas_view_set_child (IpmsCanvasView *self,
                            GtkWidget      *child)
{
  g_return_if_fail (IPMS_IS_CANVAS_VIEW (self));

  ipms_canvas_viewport_set_child (self->viewport, child);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

GtkWidget *
ipms_canvas_view_get_child (IpmsCanvasView *self)
{
  g_return_val_if_fail (IPMS_IS_CANVAS_VIEW (self), NULL);

  return ipms_canvas_viewport_get_child (self->viewport);
}

void
ipms_canvas_view_set_zoom_mode (IpmsCanvasView     *self,
                                IpmsCanvasZoomMode  mode)
{
  g_return_if_fail (IPMS_IS_CANVAS_VIEW (self));

  ipms_canvas_viewport_set_zoom_mode (self->viewport, mode);
}

double
ipms_canvas_view_get_zoom (IpmsCanvasView *self)
{
  g_return_val_if_fail (IPMS_IS_CANVAS_VIEW (self), 1.0);

  return ipms_canvas_viewport_get_zoom (self->viewport);
}

void
ipms_canvas_view_set_zoom (IpmsCanvasView *self,
                           double          zoom)
{
  g_return_if_fail (IPMS_IS_CANVAS_VIEW (self));

  ipms_canvas_view_set_zoom_at (self, zoom,
                                gtk_widget_get_width (GTK_WIDGET (self->viewport)) / 2.0,
                                gtk_widget_get_height (GTK_WIDGET (self->viewport)) / 2.0);
}

void
ipms_canvas_view_set_zoom_at (IpmsCanvasView *self,
                              double          zoom,
                              double          x,
                              double          y)
{
  g_return_if_fail (IPMS_IS_CANVAS_VIEW (self));

  ipms_canvas_viewport_set_zoom_at (self->viewport, zoom, x, y);
}

void
ipms_canvas_view_set_fits_on_open (IpmsCanvasView *self,
                                   gboolean        fits)
{
  g_return_if_fail (IPMS_IS_CANVAS_VIEW (self));

  self->no_fit_on_open = !fits;
  if (!fits && self->fit_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fit_tick);
      self->fit_tick = 0;
    }
}

void
ipms_canvas_view_zoom_to_fit (IpmsCanvasView *self)
{
  g_return_if_fail (IPMS_IS_CANVAS_VIEW (self));

  /* Asked for, the whole chart, and it stays whole as the grid changes. */
  self->restoring = TRUE;
  self->fit_mode = FIT_WHOLE;
  apply_fit (self);
  self->restoring = FALSE;
  schedule_save (self);
}

void
ipms_canvas_view_set_min_fit_zoom (IpmsCanvasView *self,
                                   double          zoom)
{
  g_return_if_fail (IPMS_IS_CANVAS_VIEW (self));

  self->min_fit_zoom = CLAMP (zoom, IPMS_CANVAS_MIN_ZOOM, IPMS_CANVAS_MAX_ZOOM);
  if (self->fit_mode == FIT_READABLE)
    on_layout_changed (self);
}

gboolean
ipms_canvas_view_get_follows_fit (IpmsCanvasView *self)
{
  g_return_val_if_fail (IPMS_IS_CANVAS_VIEW (self), FALSE);

  return self->fit_mode != FIT_NONE;
}

void
ipms_canvas_view_scroll_to (IpmsCanvasView        *self,
                            const graphene_rect_t *rect)
{
  g_return_if_fail (IPMS_IS_CANVAS_VIEW (self));

  ipms_canvas_viewport_scroll_to (self->viewport, rect);
}

void
ipms_canvas_view_pan_by (IpmsCanvasView *self,
                         double          dx,
                         double          dy)
{
  g_return_if_fail (IPMS_IS_CANVAS_VIEW (self));

  ipms_canvas_viewport_pan_by (self->viewport, dx, dy);
}

void
ipms_canvas_point_in_window (GtkWidget        *canvas,
                             double            x,
                             double            y,
                             graphene_point_t *point)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (canvas));

  root = gtk_widget_get_root (canvas);
  if (root == NULL ||
      !gtk_widget_compute_point (canvas, GTK_WIDGET (root), &GRAPHENE_POINT_INIT (x, y), point))
    graphene_point_init (point, x, y);
}

double
ipms_canvas_travel_in_window (GtkWidget              *canvas,
                              double                  x,
                              double                  y,
                              const graphene_point_t *press)
{
  graphene_point_t point;

  ipms_canvas_point_in_window (canvas, x, y, &point);

  return graphene_point_distance (&point, press, NULL, NULL);
}

void
ipms_canvas_view_set_document (IpmsCanvasView *self,
                               IpmsDocument   *document)
{
  g_return_if_fail (IPMS_IS_CANVAS_VIEW (self));

  if (self->document == document)
    return;

  flush_state (self);
  g_set_object (&self->document, document);
  restore_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

IpmsDocument *
ipms_canvas_view_get_document (IpmsCanvasView *self)
{
  g_return_val_if_fail (IPMS_IS_CANVAS_VIEW (self), NULL);

  return self->document;
}

void
ipms_canvas_view_set_state_key (IpmsCanvasView *self,
                                const char     *state_key)
{
  g_return_if_fail (IPMS_IS_CANVAS_VIEW (self));

  if (g_strcmp0 (self->state_key, state_key) == 0)
    return;

  flush_state (self);
  g_free (self->state_key);
  self->state_key = g_strdup (state_key);
  restore_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_KEY]);
}
