/* ipms-timeline-ghosts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "ipms-baseline.h"
#include "ipms-canvas-viewport.h"
#include "ipms-chart-style.h"
#include "ipms-new-products-chart.h"
#include "ipms-roadmap-chart.h"
#include "ipms-time-axis.h"
#include "ipms-timeline-ghosts.h"

typedef struct
{
  gint64           product_id;
  graphene_rect_t  old_rect;
  graphene_point_t from;
  graphene_point_t to;
  double           gap;       /* the arrow stops this short of `to`, at the marker's edge */
  gboolean         round;     /* a roadmap marker rather than a bar */
} Ghost;

struct _IpmsTimelineGhosts
{
  GtkWidget               parent_instance;

  IpmsTimelineCanvas     *canvas;     /* weak */
  IpmsDocument           *document;
  IpmsChart              *chart;      /* the canvas's chart we listen to; weak */
  GtkWidget              *viewport;   /* the canvas's scrolling parent; weak */
  IpmsBaselineComparison *comparison;
  GArray                 *ghosts;
  gint64                  baseline_id;
  gboolean                active;
  /* The document changed while hidden: compared again when shown (or
   * asked), not after every edit of a page nobody sees. */
  gboolean                stale;
};

G_DEFINE_FINAL_TYPE (IpmsTimelineGhosts, ipms_timeline_ghosts, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACTIVE,
  PROP_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the ghosts show: compared once per edit, laid out per paint */

static void
compare (IpmsTimelineGhosts *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->comparison, ipms_baseline_comparison_free);
  if (!self->active || self->document == NULL || self->baseline_id == 0)
    return;

  /* A review removed under us simply shows no ghosts. */
  self->comparison = ipms_baseline_compare (self->document, self->baseline_id, &error);
  if (self->comparison == NULL)
    g_debug ("No ghosts: %s", error->message);
}

static gboolean
shown_change (IpmsTimelineKind kind,
              IpmsChangeKind   change)
{
  if (change == IPMS_CHANGE_PRODUCT_LAUNCH)
    return TRUE;
  /* The bar is the development span on the new product chart; the marker
   * stands at the price on the roadmap. */
  return kind == IPMS_TIMELINE_KIND_NEW_PRODUCTS ? change == IPMS_CHANGE_PRODUCT_DEVELOPMENT
                                                 : change == IPMS_CHANGE_PRODUCT_PRICE;
}

static double
day_x (IpmsTimelineGhosts *self,
       guint32             day)
{
  return ipms_timeline_canvas_day_position (self->canvas, day);
}

static gboolean
new_products_ghost (IpmsTimelineGhosts *self,
                    IpmsChart          *chart,
                    gint64              id,
                    Ghost              *ghost)
{
  IpmsNewProductsItem item;
  const char *launch_date, *dev_start, *dev_complete;
  guint32 launch, start, complete;
  double inset, mid;

  if (!ipms_new_products_chart_get_item (IPMS_NEW_PRODUCTS_CHART (chart), id, &item) ||
      !ipms_baseline_comparison_lookup_product (self->comparison, id, &launch_date, &dev_start, &dev_complete, NULL))
    return FALSE;

  launch = ipms_time_day_from_iso (launch_date);
  start = ipms_time_day_from_iso (dev_start);
  complete = ipms_time_day_from_iso (dev_complete);
  /* The old position in the product's row now: the review did not record
   * lanes, and a ghost in another row would not read as the same product. */
  inset = item.height / 5;
  mid = item.y + item.height / 2;

  if (start != 0 && complete >= start)
    {
      double x0 = day_x (self, start), x1 = day_x (self, complete);

      graphene_rect_init (&ghost->old_rect, x0, item.y + inset, MAX (x1 - x0, 2), item.height - 2 * inset);
    }
  else if (launch != 0)
    {
      double x = day_x (self, launch);

      graphene_rect_init (&ghost->old_rect, x - item.height / 4, mid - item.height / 4, item.height / 2, item.height / 2);
    }
  else
    return FALSE;

  /* The arrow joins the launches, or the bars' ends when a launch is unset. */
  if (launch != 0 && item.launch >= 1)
    {
      graphene_point_init (&ghost->from, day_x (self, launch), mid);
      graphene_point_init (&ghost->to, item.launch_x, mid);
    }
  else
    {
      graphene_point_init (&ghost->from, ghost->old_rect.origin.x + ghost->old_rect.size.width, mid);
      graphene_point_init (&ghost->to, item.bar_x + item.bar_width, mid);
    }

  ghost->product_id = id;
  ghost->gap = item.height / 4;
  ghost->round = FALSE;
  return TRUE;
}

static gboolean
roadmap_ghost (IpmsTimelineGhosts *self,
               IpmsChart          *chart,
               gint64              id,
               Ghost              *ghost)
{
  const char *launch_date;
  double x, y, radius, old_x, old_y, price;
  guint32 launch;

  if (!ipms_roadmap_chart_get_marker (IPMS_ROADMAP_CHART (chart), id, &x, &y, &radius) ||
      !ipms_baseline_comparison_lookup_product (self->comparison, id, &launch_date, NULL, NULL, &price))
    return FALSE;

  launch = ipms_time_day_from_iso (launch_date);
  if (launch == 0 || isnan (price))
    return FALSE;

  if (!ipms_timeline_canvas_map_values (self->canvas, launch, price, &old_x, &old_y))
    return FALSE;
  graphene_rect_init (&ghost->old_rect, old_x - radius, old_y - radius, 2 * radius, 2 * radius);
  graphene_point_init (&ghost->from, old_x, old_y);
  graphene_point_init (&ghost->to, x, y);
  ghost->product_id = id;
  ghost->gap = radius + 1;
  ghost->round = TRUE;
  return TRUE;
}

static void
lay_out (IpmsTimelineGhosts *self)
{
  IpmsChart *chart;
  IpmsTimelineKind kind;
  g_autoptr(GHashTable) seen = NULL;

  g_array_set_size (self->ghosts, 0);
  if (self->comparison == NULL || self->canvas == NULL ||
      (chart = ipms_timeline_canvas_get_chart (self->canvas)) == NULL)
    return;

  kind = ipms_timeline_canvas_get_kind (self->canvas);
  seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < ipms_baseline_comparison_get_n_changes (self->comparison); i++)
    {
      const IpmsChange *change = ipms_baseline_comparison_get_change (self->comparison, i);
      Ghost ghost;

      if (!shown_change (kind, change->kind) || g_hash_table_contains (seen, &change->id))
        continue;
      g_hash_table_add (seen, (gpointer) &change->id);

      if (kind == IPMS_TIMELINE_KIND_NEW_PRODUCTS ? new_products_ghost (self, chart, change->id, &ghost)
                                                  : roadmap_ghost (self, chart, change->id, &ghost))
        g_array_append_val (self->ghosts, ghost);
    }
}

/* Following the chart, the scroll and the style */

static void
watch_viewport (IpmsTimelineGhosts *self,
                GtkWidget          *viewport)
{
  if (self->viewport != NULL)
    g_signal_handlers_disconnect_by_func (self->viewport, gtk_widget_queue_draw, self);
  g_set_weak_pointer (&self->viewport, viewport);
  if (viewport != NULL)
    g_signal_connect_swapped (viewport, "visible-area-changed", G_CALLBACK (gtk_widget_queue_draw), self);
}

/* The canvas makes a new chart for each document: listen to the one it has. */
static void
watch_chart (IpmsTimelineGhosts *self)
{
  IpmsChart *chart = self->canvas != NULL ? ipms_timeline_canvas_get_chart (self->canvas) : NULL;

  if (self->chart == chart)
    return;

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_set_weak_pointer (&self->chart, chart);
  if (chart != NULL)
    {
      /* A drag's preview moves the product before the edit: the arrow follows. */
      g_signal_connect_swapped (chart, "changed", G_CALLBACK (gtk_widget_queue_draw), self);
      g_signal_connect_swapped (chart, "preview-changed", G_CALLBACK (gtk_widget_queue_draw), self);
    }
}

/* Reads which review the views compare with; TRUE when that changed. */
static gboolean
update_baseline (IpmsTimelineGhosts *self)
{
  g_autofree char *name = NULL;
  gint64 id = 0;

  if (self->document != NULL && (name = ipms_document_dup_view_state (self->document, IPMS_REVIEW_BASELINE_KEY)) != NULL)
    id = ipms_baseline_find (self->document, name);

  if (id == self->baseline_id)
    return FALSE;

  self->baseline_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
  return TRUE;
}

static void
catch_up (IpmsTimelineGhosts *self)
{
  self->stale = FALSE;
  update_baseline (self);
  compare (self);
  watch_chart (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_document_changed (IpmsTimelineGhosts *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  catch_up (self);
}

/* Painting */

/* An arrow from `from` that points at `to` and stops `gap` short of it,
 * so that its head is not hidden under the marker it points at. */
static void
append_arrow (cairo_t                *cr,
              const graphene_point_t *from,
              const graphene_point_t *to,
              double                  gap,
              double                  head)
{
  double dx = to->x - from->x, dy = to->y - from->y;
  double length = hypot (dx, dy), ux, uy, tip_x, tip_y;

  if (length < gap + head)
    return;

  ux = dx / length;
  uy = dy / length;
  tip_x = to->x - ux * gap;
  tip_y = to->y - uy * gap;
  cairo_move_to (cr, from->x, from->y);
  cairo_line_to (cr, tip_x - ux * head * 0.8, tip_y - uy * head * 0.8);
  cairo_stroke (cr);

  cairo_move_to (cr, tip_x, tip_y);
  cairo_line_to (cr, tip_x - ux * head - uy * head / 2, tip_y - uy * head + ux * head / 2);
  cairo_line_to (cr, tip_x - ux * head + uy * head / 2, tip_y - uy * head - ux * head / 2);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
ipms_timeline_ghosts_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  IpmsTimelineGhosts *self = IPMS_TIMELINE_GHOSTS (widget);
  const IpmsChartPalette *palette = ipms_chart_style_get_palette (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  GtkWidget *viewport;
  graphene_rect_t clip;
  graphene_point_t origin;
  double frozen_left = 0, frozen_top = 0;
  cairo_t *cr;

  watch_chart (self);
  lay_out (self);
  if (self->ghosts->len == 0 || (viewport = gtk_widget_get_parent (GTK_WIDGET (self->canvas))) == NULL ||
      !gtk_widget_compute_bounds (viewport, widget, &clip) ||
      !gtk_widget_compute_point (GTK_WIDGET (self->canvas), widget, &GRAPHENE_POINT_INIT (0, 0), &origin))
    return;

  /* Products pass under the lane names (or price axis) and the time header
   * that stay at the view's edges; so do their ghosts. */
  ipms_timeline_chart_get_frozen (IPMS_TIMELINE_CHART (self->chart), &frozen_left, &frozen_top);
  clip.origin.x += frozen_left;
  clip.origin.y += frozen_top;
  clip.size.width -= frozen_left;
  clip.size.height -= frozen_top;
  if (clip.size.width <= 0 || clip.size.height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &clip);
  cairo_rectangle (cr, clip.origin.x, clip.origin.y, clip.size.width, clip.size.height);
  cairo_clip (cr);
  cairo_translate (cr, origin.x, origin.y);
  cairo_set_line_width (cr, 1.5);

  for (guint i = 0; i < self->ghosts->len; i++)
    {
      const Ghost *ghost = &g_array_index (self->ghosts, Ghost, i);
      const graphene_rect_t *r = &ghost->old_rect;

      if (ghost->round)
        cairo_arc (cr, r->origin.x + r->size.width / 2, r->origin.y + r->size.height / 2, r->size.width / 2, 0, 2 * G_PI);
      else
        cairo_rectangle (cr, r->origin.x, r->origin.y, r->size.width, r->size.height);

      /* Translucent, with a dashed edge: where it was, not where it is. */
      cairo_set_source_rgba (cr, palette->foreground.red, palette->foreground.green, palette->foreground.blue, 0.15);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, palette->foreground.red, palette->foreground.green, palette->foreground.blue, 0.6);
      cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      cairo_set_source_rgba (cr, palette->accent.red, palette->accent.green, palette->accent.blue, 0.9);
      append_arrow (cr, &ghost->from, &ghost->to, ghost->gap, 9);
    }

  cairo_destroy (cr);
}

/* The view state has no signal: the review compared with is read again
 * when the chart is shown and when its window comes back to the front
 * (after "What Changed" or "Mark as Reviewed" chose another). */
static void
ipms_timeline_ghosts_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ipms_timeline_ghosts_parent_class)->map (widget);

  if (IPMS_TIMELINE_GHOSTS (widget)->stale)
    catch_up (IPMS_TIMELINE_GHOSTS (widget));
  else
    ipms_timeline_ghosts_refresh (IPMS_TIMELINE_GHOSTS (widget));
}

static void
ipms_timeline_ghosts_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ipms_timeline_ghosts_parent_class)->root (widget);

  g_signal_connect_object (gtk_widget_get_root (widget), "notify::is-active",
                           G_CALLBACK (ipms_timeline_ghosts_refresh), widget, G_CONNECT_SWAPPED);
}

static void
ipms_timeline_ghosts_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_root (widget), ipms_timeline_ghosts_refresh, widget);

  GTK_WIDGET_CLASS (ipms_timeline_ghosts_parent_class)->unroot (widget);
}

/* GObject */

static void
ipms_timeline_ghosts_dispose (GObject *object)
{
  IpmsTimelineGhosts *self = IPMS_TIMELINE_GHOSTS (object);

  ipms_timeline_ghosts_set_document (self, NULL);
  watch_viewport (self, NULL);
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_weak_pointer (&self->chart);
  g_clear_weak_pointer (&self->canvas);

  G_OBJECT_CLASS (ipms_timeline_ghosts_parent_class)->dispose (object);
}

static void
ipms_timeline_ghosts_finalize (GObject *object)
{
  IpmsTimelineGhosts *self = IPMS_TIMELINE_GHOSTS (object);

  g_clear_pointer (&self->comparison, ipms_baseline_comparison_free);
  g_clear_pointer (&self->ghosts, g_array_unref);

  G_OBJECT_CLASS (ipms_timeline_ghosts_parent_class)->finalize (object);
}

static void
ipms_timeline_ghosts_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IpmsTimelineGhosts *self = IPMS_TIMELINE_GHOSTS (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_AVAILABLE:
      g_value_set_boolean (value, ipms_timeline_ghosts_get_available (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_timeline_ghosts_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  IpmsTimelineGhosts *self = IPMS_TIMELINE_GHOSTS (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      ipms_timeline_ghosts_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_timeline_ghosts_class_init (IpmsTimelineGhostsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_timeline_ghosts_dispose;
  object_class->finalize = ipms_timeline_ghosts_finalize;
  object_class->get_property = ipms_timeline_ghosts_get_property;
  object_class->set_property = ipms_timeline_ghosts_set_property;
  widget_class->snapshot = ipms_timeline_ghosts_snapshot;
  widget_class->map = ipms_timeline_ghosts_map;
  widget_class->root = ipms_timeline_ghosts_root;
  widget_class->unroot = ipms_timeline_ghosts_unroot;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "ipms-timeline-ghosts");
}

static void
ipms_timeline_ghosts_init (IpmsTimelineGhosts *self)
{
  self->ghosts = g_array_new (FALSE, FALSE, sizeof (Ghost));
  /* Drawn over the chart, never in the way of its gestures. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ipms_timeline_ghosts_new (void)
{
  return g_object_new (IPMS_TYPE_TIMELINE_GHOSTS, NULL);
}

void
ipms_timeline_ghosts_set_canvas (IpmsTimelineGhosts *self,
                                 IpmsTimelineCanvas *canvas)
{
  GtkWidget *viewport;

  g_return_if_fail (IPMS_IS_TIMELINE_GHOSTS (self));
  g_return_if_fail (canvas == NULL || IPMS_IS_TIMELINE_CANVAS (canvas));

  g_set_weak_pointer (&self->canvas, canvas);
  viewport = canvas != NULL ? gtk_widget_get_parent (GTK_WIDGET (canvas)) : NULL;
  watch_viewport (self, viewport != NULL && IPMS_IS_CANVAS_VIEWPORT (viewport) ? viewport : NULL);
  if (canvas != NULL)
    g_signal_connect_object (canvas, "notify::zoom", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  watch_chart (self);
}

void
ipms_timeline_ghosts_set_document (IpmsTimelineGhosts *self,
                                   IpmsDocument       *document)
{
  g_return_if_fail (IPMS_IS_TIMELINE_GHOSTS (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      /* The comparison is of the plan as it is: each edit changes it. A
       * bulk change ("reloaded") comes with "changes-done" too. */
      g_signal_connect_swapped (document, "changes-done", G_CALLBACK (on_document_changed), self);
      g_signal_connect_swapped (document, "reloaded", G_CALLBACK (on_document_changed), self);
    }

  on_document_changed (self);
}

gboolean
ipms_timeline_ghosts_get_active (IpmsTimelineGhosts *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_GHOSTS (self), FALSE);

  return self->active;
}

void
ipms_timeline_ghosts_set_active (IpmsTimelineGhosts *self,
                                 gboolean            active)
{
  g_return_if_fail (IPMS_IS_TIMELINE_GHOSTS (self));

  active = !!active;
  if (self->active == active)
    return;

  self->active = active;
  compare (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

gboolean
ipms_timeline_ghosts_get_available (IpmsTimelineGhosts *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_GHOSTS (self), FALSE);

  return self->baseline_id != 0;
}

void
ipms_timeline_ghosts_refresh (IpmsTimelineGhosts *self)
{
  g_return_if_fail (IPMS_IS_TIMELINE_GHOSTS (self));

  if (update_baseline (self))
    {
      compare (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

guint
ipms_timeline_ghosts_get_n_ghosts (IpmsTimelineGhosts *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_GHOSTS (self), 0);

  if (self->stale)
    catch_up (self);
  watch_chart (self);
  lay_out (self);
  return self->ghosts->len;
}

gboolean
ipms_timeline_ghosts_get_ghost (IpmsTimelineGhosts *self,
                                guint               index,
                                gint64             *product_id,
                                graphene_rect_t    *old_rect,
                                graphene_point_t   *arrow_from,
                                graphene_point_t   *arrow_to)
{
  const Ghost *ghost;

  g_return_val_if_fail (IPMS_IS_TIMELINE_GHOSTS (self), FALSE);

  if (index >= ipms_timeline_ghosts_get_n_ghosts (self))
    return FALSE;

  ghost = &g_array_index (self->ghosts, Ghost, index);
  if (product_id != NULL)
    *product_id = ghost->product_id;
  if (old_rect != NULL)
    *old_rect = ghost->old_rect;
  if (arrow_from != NULL)
    *arrow_from = ghost->from;
  if (arrow_to != NULL)
    *arrow_to = ghost->to;
  return TRUE;
}
