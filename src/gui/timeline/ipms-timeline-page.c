/* ipms-timeline-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ipms-accessible.h"
#include "ipms-canvas-view.h"
#include "ipms-chart-export.h"
#include "ipms-export-dialog.h"
#include "ipms-new-products-chart.h"
#include "ipms-record.h"
#include "ipms-roadmap-chart.h"
#include "ipms-time-axis.h"
#include "ipms-timeline-edits.h"
#include "ipms-timeline-ghosts.h"
#include "ipms-timeline-page.h"
#include "ipms-window.h"

/* Zooms of the scale choices (weeks, months, quarters, years): with the
 * canvas's 4 units a day at zoom 1, these give 16, 5, 1.8 and 0.4. */
static const double scale_zooms[] = { 4.0, 1.25, 0.45, 0.1 };

/* Below this page width the tray (220 pixels) would leave the chart too
 * little room for its lane names and a useful stretch of time: it goes
 * away by itself, without changing what the user chose for wide pages. */
#define NARROW_WIDTH 720

/* Below this view width the new product chart's lane names take a narrower
 * column (they wrap and their lanes grow taller), so that a phone-width
 * window still shows more of the time than of the names. */
#define NARROW_VIEW_WIDTH 600
#define NARROW_LANE_COLUMN 120.0
#define WIDE_LANE_COLUMN 200.0

struct _IpmsTimelinePage
{
  GtkWidget           parent_instance;

  IpmsTimelineKind    kind;
  IpmsDocument       *document;
  IpmsSelection      *selection;

  GtkWidget          *toolbar;
  GtkWidget          *tray_toggle;
  GtkDropDown        *scale_choice;
  GtkWidget          *lanes_toggle;
  GtkWidget          *flip_toggle;
  GtkWidget          *band_scale_toggle;
  GtkWidget          *bands_button;
  GtkLabel           *bands_warning;
  GtkPopover         *bands_popover;
  GtkSpinButton      *price_step;
  GtkListBox         *bands_list;
  GtkPaned           *paned;
  IpmsCanvasView     *view;
  IpmsTimelineCanvas *canvas;
  IpmsTimelineGhosts *ghosts;
  IpmsTimelineTray   *tray;

  /* The tray as the user left it on a wide page, kept with the project;
   * whether the page is narrow; and the user's choice while it is, which
   * lasts until the page is wide again. */
  gboolean            tray_wanted;
  gboolean            narrow;
  gboolean            narrow_tray;
  gboolean            narrow_lanes;
  int                 wide_position;
  GdkFrameClock      *clock;
  gulong              layout_handler;

  gulong              scale_handler;
  gulong              price_step_handler;
  gboolean            fit_pending;   /* hidden before its first fit */
  gboolean            laid_out_ahead;
  guint               home_tick;
  guint               home_frames;
  /* The price bands' warning waits for a change of the bands (or of the
   * currency it quotes) and, hidden, for the page to be shown. */
  gboolean            bands_stale;
};

G_DEFINE_FINAL_TYPE (IpmsTimelinePage, ipms_timeline_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_DOCUMENT,
  PROP_SELECTION,
  PROP_BY_SERIES,
  PROP_FLIPPED,
  PROP_BAND_SCALE,
  PROP_SHOW_GHOSTS,
  PROP_SHOW_TRAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static IpmsNewProductsChart *
np_chart (IpmsTimelinePage *self)
{
  IpmsChart *chart = ipms_timeline_canvas_get_chart (self->canvas);

  return IPMS_IS_NEW_PRODUCTS_CHART (chart) ? IPMS_NEW_PRODUCTS_CHART (chart) : NULL;
}

static IpmsRoadmapChart *
rm_chart (IpmsTimelinePage *self)
{
  IpmsChart *chart = ipms_timeline_canvas_get_chart (self->canvas);

  return IPMS_IS_ROADMAP_CHART (chart) ? IPMS_ROADMAP_CHART (chart) : NULL;
}

static gboolean
get_by_series (IpmsTimelinePage *self)
{
  return np_chart (self) != NULL && ipms_new_products_chart_get_lane_mode (np_chart (self)) == IPMS_LANE_MODE_SERIES;
}

static gboolean
get_flipped (IpmsTimelinePage *self)
{
  return rm_chart (self) != NULL && ipms_roadmap_chart_get_flipped (rm_chart (self));
}

static gboolean
get_band_scale (IpmsTimelinePage *self)
{
  return rm_chart (self) != NULL &&
         ipms_roadmap_chart_get_price_scale (rm_chart (self)) == IPMS_ROADMAP_PRICE_SCALE_BANDS;
}

static const char *
state_key (IpmsTimelinePage *self,
           const char       *what)
{
  /* Stored outside the undo history with the project: how the user left it. */
  static char key[64];

  g_snprintf (key, sizeof key, "%s.%s", self->kind == IPMS_TIMELINE_KIND_ROADMAP ? "roadmap" : "new-products", what);
  return key;
}

static void
update_actions (IpmsTimelinePage *self)
{
  gboolean has_document = self->document != NULL;
  gboolean roadmap = self->kind == IPMS_TIMELINE_KIND_ROADMAP;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.go-to-today", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.fit-to-plan", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.export", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.by-series", has_document && !roadmap);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.flipped", has_document && roadmap);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.band-scale", has_document && roadmap);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.add-band", has_document && roadmap);
  /* Ghosts need a review to compare with ("What Changed" chooses it). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.show-ghosts",
                                 has_document && ipms_timeline_ghosts_get_available (self->ghosts));
}

/* The unscheduled tray */

static gboolean
get_show_tray (IpmsTimelinePage *self)
{
  return self->narrow ? self->narrow_tray : self->tray_wanted;
}

/* The one place that shows or hides the tray, and says so to the
 * timeline.show-tray action and its toggle button. */
static void
apply_tray (IpmsTimelinePage *self)
{
  gboolean show = get_show_tray (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (gtk_widget_get_visible (GTK_WIDGET (self->tray)) == show)
    return;

  /* Hidden with the focus in it (F9 pressed in its list), the tray would
   * leave the focus nowhere and F9 would no longer reach the page: it
   * goes to the toggle that brings the tray back. */
  if (!show && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->tray)))
    gtk_widget_grab_focus (self->tray_toggle);
  gtk_widget_set_visible (GTK_WIDGET (self->tray), show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TRAY]);
}

/* The lane names' column follows the view's width, which the tray's
 * coming and going changes: the next layout sees the new width. */
static void
apply_lane_column (IpmsTimelinePage *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->view));
  gboolean narrow = width < NARROW_VIEW_WIDTH;

  if (width <= 0 || narrow == self->narrow_lanes)
    return;

  self->narrow_lanes = narrow;
  ipms_timeline_canvas_set_lane_column_width (self->canvas, narrow ? NARROW_LANE_COLUMN : WIDE_LANE_COLUMN);
}

/* Run in the frame clock's layout phase after the window has allocated the
 * page, never during that allocation: GTK 4.8 loses a resize queued while
 * it allocates. The clock lays out again before it paints, so no frame is
 * drawn with the tray or the lane names in their old state. */
static void fit_when_sized (IpmsTimelinePage *self);

static void
on_layout (GdkFrameClock    *clock,
           IpmsTimelinePage *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean narrow = width < NARROW_WIDTH;

  fit_when_sized (self);
  apply_lane_column (self);
  if (width <= 0 || narrow == self->narrow)
    return;

  self->narrow = narrow;
  self->narrow_tray = FALSE;
  /* Shown on a narrow page, the tray takes no more than its minimum width
   * (the paned keeps it there), so that the chart keeps what is left. */
  if (narrow)
    {
      self->wide_position = gtk_paned_get_position (self->paned);
      gtk_paned_set_position (self->paned, 0);
    }
  else
    {
      gtk_paned_set_position (self->paned, self->wide_position);
    }
  apply_tray (self);
}

static void update_bands_warning (IpmsTimelinePage *self);

static void
ipms_timeline_page_map (GtkWidget *widget)
{
  IpmsTimelinePage *self = IPMS_TIMELINE_PAGE (widget);

  GTK_WIDGET_CLASS (ipms_timeline_page_parent_class)->map (widget);

  if (self->bands_stale)
    update_bands_warning (self);

  self->clock = gtk_widget_get_frame_clock (widget);
  self->layout_handler = g_signal_connect_object (self->clock, "layout", G_CALLBACK (on_layout), self,
                                                  G_CONNECT_AFTER);
  gdk_frame_clock_request_phase (self->clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

static void
ipms_timeline_page_unmap (GtkWidget *widget)
{
  IpmsTimelinePage *self = IPMS_TIMELINE_PAGE (widget);

  g_clear_signal_handler (&self->layout_handler, self->clock);
  self->clock = NULL;

  GTK_WIDGET_CLASS (ipms_timeline_page_parent_class)->unmap (widget);
}

/* Scale choice and zoom */

static void
sync_scale_choice (IpmsTimelinePage *self)
{
  IpmsTimeScale scale = ipms_time_scale_for_px_per_day (IPMS_TIMELINE_BASE_PX_PER_DAY *
                                                        ipms_canvas_view_get_zoom (self->view));

  g_signal_handler_block (self->scale_choice, self->scale_handler);
  gtk_drop_down_set_selected (self->scale_choice, (guint) scale);
  g_signal_handler_unblock (self->scale_choice, self->scale_handler);
}

static void
on_scale_chosen (IpmsTimelinePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->scale_choice);

  if (selected < G_N_ELEMENTS (scale_zooms))
    ipms_canvas_view_set_zoom (self->view, scale_zooms[selected]);
}

/* The part of the view the chart shows in: the view less its zoom bar. */
static void
get_shown_size (IpmsTimelinePage *self,
                double           *width,
                double           *height)
{
  GtkWidget *viewport = gtk_widget_get_parent (GTK_WIDGET (self->canvas));

  *width = viewport != NULL ? gtk_widget_get_width (viewport) : 0;
  *height = viewport != NULL ? gtk_widget_get_height (viewport) : 0;
}

static void
go_to_today_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IpmsTimelinePage *self = IPMS_TIMELINE_PAGE (widget);
  IpmsChart *chart = ipms_timeline_canvas_get_chart (self->canvas);
  double width, height;
  guint32 today;
  double p;

  if (chart == NULL)
    return;

  get_shown_size (self, &width, &height);
  today = ipms_timeline_chart_get_today (IPMS_TIMELINE_CHART (chart));
  p = ipms_timeline_canvas_day_position (self->canvas, today);

  /* Today in the middle of the view. */
  if (get_flipped (self))
    ipms_canvas_view_scroll_to (self->view, &GRAPHENE_RECT_INIT (0, p - height / 2 + 12, 1, height - 24));
  else
    ipms_canvas_view_scroll_to (self->view, &GRAPHENE_RECT_INIT (p - width / 2 + 12, 0, width - 24, 1));
}

static gboolean
scroll_home_tick (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  IpmsTimelinePage *self = IPMS_TIMELINE_PAGE (widget);

  /* Tick callbacks run before layout: the new zoom is laid out in the frame
   * of the first call, so scroll in the next. */
  if (self->home_frames++ < 1)
    return G_SOURCE_CONTINUE;

  self->home_tick = 0;
  ipms_canvas_view_scroll_to (self->view, &GRAPHENE_RECT_INIT (0, 0, 1, 1));
  return G_SOURCE_REMOVE;
}

/* The zoom at which the whole plan fits a view of this size, with a margin
 * around it. */
static double
fit_zoom (IpmsTimelinePage *self,
          double            width,
          double            height)
{
  return ipms_timeline_canvas_fit_zoom (self->canvas, width - 24, height - 24);
}

static void
fit_to_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IpmsTimelinePage *self = IPMS_TIMELINE_PAGE (widget);
  double width, height;

  get_shown_size (self, &width, &height);
  if (width <= 0 || height <= 0)
    return;

  /* About the view's top left: a plan shown from its start, as it is when
   * first shown, stays so, and the frame that lays the zoom out is the
   * last. Scrolled elsewhere, the view goes to the start of the plan once
   * the new zoom is laid out, in the next frame. */
  ipms_canvas_view_set_zoom_at (self->view, fit_zoom (self, width, height), 0, 0);
  self->home_frames = 0;
  if (self->home_tick == 0)
    self->home_tick = gtk_widget_add_tick_callback (widget, scroll_home_tick, NULL, NULL);
}

/* The zoom controls' fit button fits the plan as the toolbar's does. */
static gboolean
on_view_fit (IpmsTimelinePage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "timeline.fit-to-plan", NULL);
  return TRUE;
}

/* A project opened here for the first time shows its whole plan, fitted
 * in the frame in which the view first gets a size: after that frame's
 * layout, which the frame clock then runs again for the chart, before it
 * paints. The chart waits hidden until then, and while the page is not
 * shown: a dozen layouts of a chart nobody sees would slow the page shown
 * instead. (IpmsCanvasView's own first fit, meant for a scaled chart, is
 * off: this one fits the time axis instead.) */
static void
fit_when_sized (IpmsTimelinePage *self)
{
  if (!self->fit_pending || gtk_widget_get_width (GTK_WIDGET (self->view)) <= 0)
    return;

  self->fit_pending = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->canvas), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self), "timeline.fit-to-plan", NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IpmsTimelinePage *self = IPMS_TIMELINE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  gboolean roadmap = self->kind == IPMS_TIMELINE_KIND_ROADMAP;
  g_autoptr(IpmsChart) chart = NULL;
  IpmsExportDialog *dialog;
  const IpmsTimeAxis *axis;

  if (self->document == NULL)
    return;

  /* A chart of its own, with the view's lanes or axis flip: the export
   * shows no selection, and is what the command line would write. */
  chart = ipms_chart_new_for_kind (self->document, roadmap ? "roadmap" : "new-products", NULL);
  if (roadmap)
    g_object_set (chart, "flipped", get_flipped (self), NULL);
  else
    g_object_set (chart, "lane-mode", get_by_series (self) ? 1 : 0, NULL);

  axis = ipms_timeline_chart_get_axis (IPMS_TIMELINE_CHART (ipms_timeline_canvas_get_chart (self->canvas)));
  dialog = ipms_export_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->document, chart,
                                   roadmap ? "roadmap" : "new-products",
                                   roadmap ? _("Roadmap") : _("New product chart"));
  ipms_export_dialog_set_default_range (dialog, axis->first_day, axis->last_day);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Price bands */

static void
report_error (IpmsTimelinePage *self,
              const char       *heading,
              const GError     *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *message = g_strdup_printf ("%s: %s", heading, error->message);

  if (IPMS_IS_WINDOW (root))
    ipms_window_add_toast (IPMS_WINDOW (root), message);
  else
    g_message ("%s", message);
}

static void rebuild_bands (IpmsTimelinePage *self);

/* Bands that overlap or leave gaps are allowed (a team may mean it), but
 * said: the roadmap's band rows and band scale read best without. */
static void
update_bands_warning (IpmsTimelinePage *self)
{
  g_autoptr(GArray) issues = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->document == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->bands_warning), FALSE);
      return;
    }

  issues = ipms_timeline_check_price_bands (self->document);
  for (guint i = 0; i < issues->len; i++)
    {
      g_autofree char *line = ipms_timeline_describe_band_issue (self->document,
                                                                 &g_array_index (issues, IpmsBandIssue, i));

      if (line == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  self->bands_stale = FALSE;
  gtk_label_set_text (self->bands_warning, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->bands_warning), text->len > 0);
}

static void
on_price_step_changed (IpmsTimelinePage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->document != NULL &&
      !ipms_timeline_set_price_step (self->document, gtk_spin_button_get_value (self->price_step), &error))
    report_error (self, _("The price step was not changed"), error);
}

static void
on_band_name_changed (GtkEditable      *entry,
                      IpmsTimelinePage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), "band-id"));
  const char *text = gtk_editable_get_text (entry);
  g_autoptr(GError) error = NULL;

  if (text[0] != '\0' && !ipms_timeline_rename_price_band (self->document, id, text, &error))
    report_error (self, _("The price band was not renamed"), error);
}

static void
on_band_boundary_changed (GtkSpinButton    *spin,
                          IpmsTimelinePage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (spin), "band-id"));
  gboolean upper = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "upper"));
  g_autoptr(GError) error = NULL;

  if (!ipms_timeline_set_band_boundary (self->document, id, upper, gtk_spin_button_get_value (spin), &error))
    report_error (self, _("The price band was not changed"), error);
}

static void
on_band_remove (GtkButton        *button,
                IpmsTimelinePage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "band-id"));
  g_autoptr(GError) error = NULL;

  if (!ipms_timeline_remove_price_band (self->document, id, &error))
    report_error (self, _("The price band was not removed"), error);
  rebuild_bands (self);
}

static GtkWidget *
boundary_spin (IpmsTimelinePage *self,
               IpmsRecord       *band,
               gboolean          upper)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 1e9, 1);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                             ipms_record_get_double (band, upper ? "max_price" : "min_price"));
  g_object_set_data (G_OBJECT (spin), "band-id", GSIZE_TO_POINTER (ipms_record_get_id (band)));
  g_object_set_data (G_OBJECT (spin), "upper", GINT_TO_POINTER (upper));
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_band_boundary_changed), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  upper ? _("Highest price") : _("Lowest price"), -1);

  return spin;
}

static void
on_row_changed (IpmsTimelinePage *self,
                const char       *table,
                gint64            id,
                IpmsRowChange     change)
{
  if (strcmp (table, "price_band") == 0 || strcmp (table, "project") == 0)
    self->bands_stale = TRUE;
}

static void
on_reloaded (IpmsTimelinePage *self)
{
  self->bands_stale = TRUE;
}

static void
on_changes_done (IpmsTimelinePage *self)
{
  if (self->bands_stale && gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_bands_warning (self);
}

static void
rebuild_bands (IpmsTimelinePage *self)
{
  g_autoptr(GPtrArray) bands = NULL;
  GtkWidget *row;
  IpmsRecord *project;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->bands_list))) != NULL)
    gtk_list_box_remove (self->bands_list, row);

  update_bands_warning (self);
  if (self->document == NULL)
    return;

  project = ipms_document_get_project (self->document);
  g_signal_handler_block (self->price_step, self->price_step_handler);
  gtk_spin_button_set_value (self->price_step, project != NULL ? ipms_record_get_double (project, "price_step") : 0);
  g_signal_handler_unblock (self->price_step, self->price_step_handler);

  bands = ipms_document_query (self->document, "price_band", NULL, 0, "min_price");
  for (guint i = 0; i < bands->len; i++)
    {
      IpmsRecord *band = g_ptr_array_index (bands, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *name = gtk_entry_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gpointer id = GSIZE_TO_POINTER (ipms_record_get_id (band));

      gtk_editable_set_text (GTK_EDITABLE (name), ipms_record_get_string (band, "name"));
      gtk_editable_set_width_chars (GTK_EDITABLE (name), 10);
      g_object_set_data (G_OBJECT (name), "band-id", id);
      g_signal_connect (name, "changed", G_CALLBACK (on_band_name_changed), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Band name"), -1);

      g_object_set_data (G_OBJECT (remove), "band-id", id);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_band_remove), self);
      gtk_widget_set_tooltip_text (remove, _("Remove the band"));
      /* The tooltip alone leaves an icon button named "GtkImage". */
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove the band"), -1);
      gtk_widget_add_css_class (remove, "flat");

      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), boundary_spin (self, band, FALSE));
      gtk_box_append (GTK_BOX (box), gtk_label_new ("–"));
      gtk_box_append (GTK_BOX (box), boundary_spin (self, band, TRUE));
      gtk_box_append (GTK_BOX (box), remove);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_list_box_append (self->bands_list, box);
    }
}

static void
add_band_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IpmsTimelinePage *self = IPMS_TIMELINE_PAGE (widget);
  g_autoptr(GPtrArray) bands = NULL;
  g_autoptr(GError) error = NULL;
  double top = 0;

  if (self->document == NULL)
    return;

  /* The new band starts where the dearest one ends. */
  bands = ipms_document_query (self->document, "price_band", NULL, 0, NULL);
  for (guint i = 0; i < bands->len; i++)
    top = MAX (top, ipms_record_get_double (g_ptr_array_index (bands, i), "max_price"));

  if (ipms_timeline_add_price_band (self->document, _("New band"), top, top > 0 ? top * 2 : 100, &error) == 0)
    report_error (self, _("No price band was added"), error);
  rebuild_bands (self);
}

/* Tray */

static void
on_tray_schedule (IpmsTimelinePage *self,
                  gint64            product_id)
{
  guint32 today = ipms_timeline_chart_get_today (IPMS_TIMELINE_CHART (ipms_timeline_canvas_get_chart (self->canvas)));
  double x, y;

  /* From the keyboard a product lands at today (and, on the roadmap, at its
   * own price when it has one), ready to be nudged. */
  if (rm_chart (self) != NULL)
    {
      IpmsRecord *product = ipms_document_get_record (self->document, "product", product_id);
      double price = product != NULL && !ipms_record_is_null (product, "price")
                     ? ipms_record_get_double (product, "price") : 0;

      ipms_roadmap_chart_values_to_point (rm_chart (self), today, price, &x, &y);
    }
  else
    {
      x = ipms_timeline_canvas_day_position (self->canvas, today);
      y = 0;
    }

  ipms_timeline_canvas_schedule_at (self->canvas, product_id, x, y);
}

/* GObject */

static void
ipms_timeline_page_constructed (GObject *object)
{
  IpmsTimelinePage *self = IPMS_TIMELINE_PAGE (object);
  gboolean roadmap = self->kind == IPMS_TIMELINE_KIND_ROADMAP;

  G_OBJECT_CLASS (ipms_timeline_page_parent_class)->constructed (object);

  self->canvas = IPMS_TIMELINE_CANVAS (ipms_timeline_canvas_new (self->kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, roadmap ? _("Roadmap") : _("New product chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("The arrow keys move between the products"),
                                  -1);
  ipms_canvas_view_set_zoom_mode (self->view, IPMS_CANVAS_ZOOM_CHILD);
  ipms_canvas_view_set_fits_on_open (self->view, FALSE);
  ipms_canvas_view_set_child (self->view, GTK_WIDGET (self->canvas));
  ipms_timeline_ghosts_set_canvas (self->ghosts, self->canvas);

  self->tray = IPMS_TIMELINE_TRAY (ipms_timeline_tray_new (self->kind));
  g_signal_connect_swapped (self->tray, "schedule", G_CALLBACK (on_tray_schedule), self);
  gtk_paned_set_start_child (self->paned, GTK_WIDGET (self->tray));

  gtk_widget_set_visible (self->lanes_toggle, !roadmap);
  gtk_widget_set_visible (self->flip_toggle, roadmap);
  gtk_widget_set_visible (self->bands_button, roadmap);
  gtk_widget_set_visible (self->band_scale_toggle, roadmap);

  /* The view keeps its zoom under "<key>.zoom", next to this page's state. */
  ipms_canvas_view_set_state_key (self->view, roadmap ? "roadmap" : "new-products");

  update_actions (self);
}

static void
ipms_timeline_page_dispose (GObject *object)
{
  IpmsTimelinePage *self = IPMS_TIMELINE_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), IPMS_TYPE_TIMELINE_PAGE);
  /* The template's unnamed children (the separator) are not disposed with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->document);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (ipms_timeline_page_parent_class)->dispose (object);
}

static void
ipms_timeline_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IpmsTimelinePage *self = IPMS_TIMELINE_PAGE (object);

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
    case PROP_BY_SERIES:
      g_value_set_boolean (value, get_by_series (self));
      break;
    case PROP_FLIPPED:
      g_value_set_boolean (value, get_flipped (self));
      break;
    case PROP_BAND_SCALE:
      g_value_set_boolean (value, get_band_scale (self));
      break;
    case PROP_SHOW_GHOSTS:
      g_value_set_boolean (value, ipms_timeline_ghosts_get_active (self->ghosts));
      break;
    case PROP_SHOW_TRAY:
      g_value_set_boolean (value, get_show_tray (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_timeline_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IpmsTimelinePage *self = IPMS_TIMELINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    case PROP_DOCUMENT:
      ipms_timeline_page_set_document (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      ipms_timeline_page_set_selection (self, g_value_get_object (value));
      break;
    case PROP_BY_SERIES:
      if (np_chart (self) != NULL && g_value_get_boolean (value) != get_by_series (self))
        {
          ipms_new_products_chart_set_lane_mode (np_chart (self), g_value_get_boolean (value)
                                                                  ? IPMS_LANE_MODE_SERIES : IPMS_LANE_MODE_LAYERS);
          ipms_document_set_view_state (self->document, state_key (self, "lanes"),
                                        g_value_get_boolean (value) ? "series" : "layers");
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_FLIPPED:
      if (rm_chart (self) != NULL && g_value_get_boolean (value) != get_flipped (self))
        {
          ipms_roadmap_chart_set_flipped (rm_chart (self), g_value_get_boolean (value));
          ipms_document_set_view_state (self->document, state_key (self, "flipped"),
                                        g_value_get_boolean (value) ? "true" : "false");
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_BAND_SCALE:
      if (rm_chart (self) != NULL && g_value_get_boolean (value) != get_band_scale (self))
        {
          /* Under the key the chart reads when made, so that exports follow. */
          ipms_roadmap_chart_set_price_scale (rm_chart (self), g_value_get_boolean (value)
                                                               ? IPMS_ROADMAP_PRICE_SCALE_BANDS
                                                               : IPMS_ROADMAP_PRICE_SCALE_LINEAR);
          ipms_document_set_view_state (self->document, IPMS_ROADMAP_PRICE_SCALE_KEY,
                                        g_value_get_boolean (value) ? "bands" : "linear");
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SHOW_GHOSTS:
      if (g_value_get_boolean (value) != ipms_timeline_ghosts_get_active (self->ghosts))
        {
          ipms_timeline_ghosts_set_active (self->ghosts, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SHOW_TRAY:
      /* Chosen on a narrow page, it lasts while the page stays narrow. */
      if (self->narrow)
        {
          self->narrow_tray = g_value_get_boolean (value);
        }
      else
        {
          self->tray_wanted = g_value_get_boolean (value);
          if (self->document != NULL)
            ipms_document_set_view_state (self->document, state_key (self, "tray"),
                                          self->tray_wanted ? "shown" : "hidden");
        }
      apply_tray (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_timeline_page_class_init (IpmsTimelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ipms_timeline_page_constructed;
  object_class->dispose = ipms_timeline_page_dispose;
  object_class->get_property = ipms_timeline_page_get_property;
  object_class->set_property = ipms_timeline_page_set_property;
  widget_class->map = ipms_timeline_page_map;
  widget_class->unmap = ipms_timeline_page_unmap;

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
  properties[PROP_BY_SERIES] =
    g_param_spec_boolean ("by-series", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FLIPPED] =
    g_param_spec_boolean ("flipped", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BAND_SCALE] =
    g_param_spec_boolean ("band-scale", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_GHOSTS] =
    g_param_spec_boolean ("show-ghosts", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TRAY] =
    g_param_spec_boolean ("show-tray", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IPMS_TYPE_CANVAS_VIEW);
  g_type_ensure (IPMS_TYPE_TIMELINE_GHOSTS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ipmsplanner/Planner/timeline/ipms-timeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelinePage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelinePage, tray_toggle);
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelinePage, scale_choice);
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelinePage, lanes_toggle);
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelinePage, flip_toggle);
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelinePage, bands_button);
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelinePage, band_scale_toggle);
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelinePage, bands_warning);
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelinePage, bands_popover);
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelinePage, price_step);
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelinePage, bands_list);
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelinePage, paned);
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelinePage, view);
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelinePage, ghosts);

  gtk_widget_class_install_action (widget_class, "timeline.go-to-today", NULL, go_to_today_action);
  gtk_widget_class_install_action (widget_class, "timeline.fit-to-plan", NULL, fit_to_plan_action);
  gtk_widget_class_install_action (widget_class, "timeline.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "timeline.add-band", NULL, add_band_action);
  gtk_widget_class_install_property_action (widget_class, "timeline.by-series", "by-series");
  gtk_widget_class_install_property_action (widget_class, "timeline.flipped", "flipped");
  gtk_widget_class_install_property_action (widget_class, "timeline.band-scale", "band-scale");
  gtk_widget_class_install_property_action (widget_class, "timeline.show-ghosts", "show-ghosts");
  gtk_widget_class_install_property_action (widget_class, "timeline.show-tray", "show-tray");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "timeline.go-to-today", NULL);
  /* F9 shows or hides a side pane in GNOME applications. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "timeline.show-tray", NULL);
}

static void
ipms_timeline_page_init (IpmsTimelinePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->tray_wanted = TRUE;
  self->wide_position = gtk_paned_get_position (self->paned);
  ipms_accessible_drop_down_set_label (self->scale_choice, _("Time scale"));

  self->scale_handler = g_signal_connect_swapped (self->scale_choice, "notify::selected",
                                                  G_CALLBACK (on_scale_chosen), self);
  self->price_step_handler = g_signal_connect_swapped (self->price_step, "value-changed",
                                                       G_CALLBACK (on_price_step_changed), self);
  g_signal_connect_swapped (self->bands_popover, "show", G_CALLBACK (rebuild_bands), self);
  g_signal_connect_swapped (self->view, "notify::zoom", G_CALLBACK (sync_scale_choice), self);
  g_signal_connect_swapped (self->view, "fit", G_CALLBACK (on_view_fit), self);
  g_signal_connect_swapped (self->ghosts, "notify::available", G_CALLBACK (update_actions), self);
}

GtkWidget *
ipms_timeline_page_new (IpmsTimelineKind kind)
{
  return g_object_new (IPMS_TYPE_TIMELINE_PAGE, "kind", kind, NULL);
}

void
ipms_timeline_page_set_document (IpmsTimelinePage *self,
                                 IpmsDocument     *document)
{
  g_return_if_fail (IPMS_IS_TIMELINE_PAGE (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  /* The warning follows edits made with the band editor open, and undo. */
  if (document != NULL)
    {
      g_signal_connect_object (document, "row-changed", G_CALLBACK (on_row_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "reloaded", G_CALLBACK (on_reloaded), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "changes-done", G_CALLBACK (on_changes_done), self, G_CONNECT_SWAPPED);
    }

  ipms_timeline_canvas_set_document (self->canvas, document);
  ipms_timeline_tray_set_document (self->tray, document);
  ipms_canvas_view_set_document (self->view, document);
  ipms_timeline_ghosts_set_document (self->ghosts, document);

  self->fit_pending = FALSE;
  self->laid_out_ahead = FALSE;

  if (document != NULL)
    {
      g_autofree char *zoom = ipms_document_dup_view_state (document, state_key (self, "zoom"));
      g_autofree char *lanes = ipms_document_dup_view_state (document, state_key (self, "lanes"));
      g_autofree char *flipped = ipms_document_dup_view_state (document, state_key (self, "flipped"));
      g_autofree char *tray = ipms_document_dup_view_state (document, state_key (self, "tray"));

      self->tray_wanted = g_strcmp0 (tray, "hidden") != 0;
      apply_tray (self);

      if (np_chart (self) != NULL && g_strcmp0 (lanes, "series") == 0)
        ipms_new_products_chart_set_lane_mode (np_chart (self), IPMS_LANE_MODE_SERIES);
      if (rm_chart (self) != NULL && g_strcmp0 (flipped, "true") == 0)
        ipms_roadmap_chart_set_flipped (rm_chart (self), TRUE);
      g_object_set (ipms_timeline_canvas_get_chart (self->canvas), "px-per-day",
                    IPMS_TIMELINE_BASE_PX_PER_DAY * ipms_canvas_view_get_zoom (self->view), NULL);
      /* The chart waits hidden for its fit: laid out at the zoom it would
       * replace, it would cost a layout and jump in the next frame. */
      gtk_widget_set_visible (GTK_WIDGET (self->canvas), zoom != NULL);
      self->fit_pending = zoom == NULL;
      if (self->fit_pending && self->clock != NULL)
        gdk_frame_clock_request_phase (self->clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
    }

  sync_scale_choice (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BY_SERIES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLIPPED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BAND_SCALE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

void
ipms_timeline_page_set_selection (IpmsTimelinePage *self,
                                  IpmsSelection    *selection)
{
  g_return_if_fail (IPMS_IS_TIMELINE_PAGE (self));

  if (!g_set_object (&self->selection, selection))
    return;

  ipms_timeline_canvas_set_selection (self->canvas, selection);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

IpmsTimelineCanvas *
ipms_timeline_page_get_canvas (IpmsTimelinePage *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_PAGE (self), NULL);

  return self->canvas;
}

IpmsTimelineTray *
ipms_timeline_page_get_tray (IpmsTimelinePage *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_PAGE (self), NULL);

  return self->tray;
}

GtkWidget *
ipms_timeline_page_get_view (IpmsTimelinePage *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_PAGE (self), NULL);

  return GTK_WIDGET (self->view);
}

/**
 * ipms_timeline_page_work_ahead:
 *
 * Does a step of what the page's first show would do, for a page not shown
 * yet: lays its chart out, then, once the page has been given the size it
 * will be shown at, fits the chart to it (see fit_when_sized()). Each step
 * is one layout of the chart, at 10,000 products 30-70 ms.
 *
 * Returns: %TRUE when nothing is left to do ahead.
 */
gboolean
ipms_timeline_page_work_ahead (IpmsTimelinePage *self)
{
  IpmsChart *chart;
  double width, height;

  g_return_val_if_fail (IPMS_IS_TIMELINE_PAGE (self), TRUE);

  chart = ipms_timeline_canvas_get_chart (self->canvas);
  if (chart == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    return TRUE;

  /* The layout at the zoom a fit starts from, which is the fit's first
   * try. */
  if (!self->laid_out_ahead)
    {
      self->laid_out_ahead = TRUE;
      ipms_chart_get_size (chart, &width, &height);
      return !self->fit_pending;
    }

  /* The fit as fit_to_plan_action() makes it: the canvas keeps the zoom
   * found until the chart changes, and the page shown at this size applies
   * it with no new layout. */
  get_shown_size (self, &width, &height);
  if (self->fit_pending && width > 0 && height > 0)
    {
      apply_lane_column (self);
      fit_zoom (self, width, height);
    }

  return TRUE;
}

IpmsTimelineGhosts *
ipms_timeline_page_get_ghosts (IpmsTimelinePage *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_PAGE (self), NULL);

  return self->ghosts;
}
