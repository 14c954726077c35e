/* test-timeline-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The new product chart and the roadmap pages under a display, driven
 * through their interaction functions and actions (GTK 4.8 cannot
 * synthesize pointer events): each drag followed by undo and redo with
 * the model checked, snapping, Escape, Shift, nudges, the tray, flipping
 * and screenshots of the example plan.
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "ipms-baseline.h"
#include "ipms-canvas-item.h"
#include "ipms-canvas-view.h"
#include "ipms-document.h"
#include "ipms-example.h"
#include "ipms-format.h"
#include "ipms-new-products-chart.h"
#include "ipms-new-products-page.h"
#include "ipms-record.h"
#include "ipms-roadmap-chart.h"
#include "ipms-roadmap-page.h"
#include "ipms-selection.h"
#include "ipms-test-utils.h"
#include "ipms-time-axis.h"
#include "ipms-timeline-edits.h"
#include "ipms-timeline-canvas.h"
#include "ipms-timeline-ghosts.h"
#include "ipms-timeline-page.h"
#include "ipms-timeline-tray.h"

/* Chart units per day at the zoom the fixtures use (1.0, the month scale). */
#define PPD IPMS_TIMELINE_BASE_PX_PER_DAY

typedef struct
{
  IpmsDocument       *document;
  IpmsSelection      *selection;
  GtkWidget          *window;
  IpmsTimelinePage   *page;
  IpmsTimelineCanvas *canvas;
} Fixture;

static void
fixture_open (Fixture          *fixture,
              IpmsTimelineKind  kind,
              const char       *language)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  fixture->document = ipms_example_new_draft (language, &error);
  g_assert_no_error (error);
  fixture->selection = ipms_selection_new ();

  page = kind == IPMS_TIMELINE_KIND_ROADMAP ? ipms_roadmap_page_new () : ipms_new_products_page_new ();
  g_object_set (page, "document", fixture->document, "selection", fixture->selection, NULL);
  fixture->page = IPMS_TIMELINE_PAGE (kind == IPMS_TIMELINE_KIND_ROADMAP
                                      ? ipms_roadmap_page_get_timeline (IPMS_ROADMAP_PAGE (page))
                                      : ipms_new_products_page_get_timeline (IPMS_NEW_PRODUCTS_PAGE (page)));
  fixture->canvas = ipms_timeline_page_get_canvas (fixture->page);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1500, 900);
  gtk_window_set_child (GTK_WINDOW (fixture->window), page);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  /* A new project is fitted to the view over the first frames. */
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_assert_cmpfloat (ipms_canvas_view_get_zoom (IPMS_CANVAS_VIEW (ipms_timeline_page_get_view (fixture->page))), <, 1.0);

  /* The month scale, whatever a previous run left: snapping to Mondays. */
  ipms_canvas_view_set_zoom (IPMS_CANVAS_VIEW (ipms_timeline_page_get_view (fixture->page)), 1.0);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
}

static void
new_products_set_up (Fixture       *fixture,
                     gconstpointer  data)
{
  fixture_open (fixture, IPMS_TIMELINE_KIND_NEW_PRODUCTS, "en_US.UTF-8");
}

static void
roadmap_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_open (fixture, IPMS_TIMELINE_KIND_ROADMAP, "en_US.UTF-8");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->selection);
  ipms_document_close (fixture->document);
  g_clear_object (&fixture->document);
}

static IpmsRecord *
find_product (Fixture    *fixture,
              const char *name)
{
  g_autoptr(GPtrArray) products = ipms_document_query (fixture->document, "product", NULL, 0, NULL);

  for (guint i = 0; i < products->len; i++)
    if (strcmp (ipms_record_get_string (g_ptr_array_index (products, i), "name"), name) == 0)
      return g_ptr_array_index (products, i);

  g_error ("No product “%s” in the example", name);
}

static IpmsNewProductsChart *
np_chart (Fixture *fixture)
{
  return IPMS_NEW_PRODUCTS_CHART (ipms_timeline_canvas_get_chart (fixture->canvas));
}

static IpmsRoadmapChart *
rm_chart (Fixture *fixture)
{
  return IPMS_ROADMAP_CHART (ipms_timeline_canvas_get_chart (fixture->canvas));
}

static GtkWidget *
find_by_action (GtkWidget  *widget,
                const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_action (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
assert_dates (IpmsRecord *product,
              const char *start,
              const char *complete,
              const char *launch)
{
  g_assert_cmpstr (ipms_record_get_string (product, "dev_start"), ==, start);
  g_assert_cmpstr (ipms_record_get_string (product, "dev_complete"), ==, complete);
  g_assert_cmpstr (ipms_record_get_string (product, "launch_date"), ==, launch);
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

/* Scrolls the view so that a point is in sight, clear of the lane names or
 * price axis kept at its left edge, as a user would before grabbing it. */
static void
bring_into_view (Fixture *fixture,
                 double   x,
                 double   y)
{
  ipms_canvas_view_scroll_to (IPMS_CANVAS_VIEW (ipms_timeline_page_get_view (fixture->page)),
                              &GRAPHENE_RECT_INIT (x - 400, y - 50, 500, 100));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
}

/* Drags the product's part by (dx, dy) chart units. */
static void
drag_product (Fixture          *fixture,
              gint64            id,
              IpmsTimelinePart  part,
              double            dx,
              double            dy,
              gboolean          lock)
{
  IpmsNewProductsItem item;
  double x, y = 0;

  g_assert_true (ipms_new_products_chart_get_item (np_chart (fixture), id, &item));
  y = item.y + item.height / 2;
  switch (part)
    {
    case IPMS_TIMELINE_PART_START:
      x = item.bar_x + 1;
      break;
    case IPMS_TIMELINE_PART_END:
      x = item.bar_x + item.bar_width - 1;
      break;
    case IPMS_TIMELINE_PART_LAUNCH:
      x = item.launch_x;
      break;
    case IPMS_TIMELINE_PART_BAR:
    default:
      x = item.bar_x + item.bar_width / 2;
      break;
    }

  bring_into_view (fixture, x, y);
  g_assert_true (ipms_timeline_canvas_drag_begin (fixture->canvas, x, y, FALSE));
  ipms_timeline_canvas_drag_update (fixture->canvas, dx / 2, dy / 2, lock);
  ipms_timeline_canvas_drag_update (fixture->canvas, dx, dy, lock);
  g_assert_true (ipms_timeline_canvas_drag_end (fixture->canvas));
}

static void
test_shift (Fixture       *fixture,
            gconstpointer  data)
{
  IpmsRecord *product = find_product (fixture, "PawSmart Feeder Mini");
  gint64 id = ipms_record_get_id (product);

  assert_dates (product, "2026-09-01", "2027-02-28", "2027-04-10");

  /* Two weeks right at the month scale: the start snaps to the nearest
   * Monday (2026-09-14) and the rest follows by the same 13 days. */
  drag_product (fixture, id, IPMS_TIMELINE_PART_BAR, 14 * PPD, 0, FALSE);
  assert_dates (product, "2026-09-14", "2027-03-13", "2027-04-23");
  g_assert_cmpstr (ipms_document_get_undo_label (fixture->document), ==, "Shift “PawSmart Feeder Mini”");
  g_assert_true (ipms_selection_contains (fixture->selection, id));

  undo (fixture);
  assert_dates (product, "2026-09-01", "2027-02-28", "2027-04-10");
  redo (fixture);
  assert_dates (product, "2026-09-14", "2027-03-13", "2027-04-23");

  /* The chart follows the model at once. */
  {
    IpmsNewProductsItem item;

    g_assert_true (ipms_new_products_chart_get_item (np_chart (fixture), id, &item));
    g_assert_cmpfloat (item.bar_x, ==, ipms_timeline_canvas_day_position (fixture->canvas,
                                                                           ipms_time_day_from_iso ("2026-09-14")));
  }
}

static void
test_resize (Fixture       *fixture,
             gconstpointer  data)
{
  IpmsRecord *product = find_product (fixture, "PawSmart Feeder Mini");
  gint64 id = ipms_record_get_id (product);

  /* The end a month later: midnight after it snaps to Monday 2027-03-29. */
  drag_product (fixture, id, IPMS_TIMELINE_PART_END, 30 * PPD, 0, FALSE);
  assert_dates (product, "2026-09-01", "2027-03-28", "2027-04-10");
  g_assert_cmpstr (ipms_document_get_undo_label (fixture->document), ==,
                   "Change development completion of “PawSmart Feeder Mini”");

  /* The start three weeks earlier: Monday 2026-08-10. */
  drag_product (fixture, id, IPMS_TIMELINE_PART_START, -21 * PPD, 0, FALSE);
  assert_dates (product, "2026-08-10", "2027-03-28", "2027-04-10");

  undo (fixture);
  assert_dates (product, "2026-09-01", "2027-03-28", "2027-04-10");
  undo (fixture);
  assert_dates (product, "2026-09-01", "2027-02-28", "2027-04-10");
  redo (fixture);
  redo (fixture);
  assert_dates (product, "2026-08-10", "2027-03-28", "2027-04-10");
}

static void
test_move_launch (Fixture       *fixture,
                  gconstpointer  data)
{
  IpmsRecord *product = find_product (fixture, "PawSmart Feeder Mini");
  gint64 id = ipms_record_get_id (product);
  g_autofree char *description = NULL;

  /* Before development completes: allowed, and said. */
  drag_product (fixture, id, IPMS_TIMELINE_PART_LAUNCH, -60 * PPD, 0, FALSE);
  assert_dates (product, "2026-09-01", "2027-02-28", "2027-02-08");
  description = ipms_timeline_canvas_describe (fixture->canvas, id);
  g_assert_nonnull (strstr (description, "before development completes"));

  undo (fixture);
  assert_dates (product, "2026-09-01", "2027-02-28", "2027-04-10");
  redo (fixture);
  assert_dates (product, "2026-09-01", "2027-02-28", "2027-02-08");
}

static void
test_snapping_per_scale (Fixture       *fixture,
                         gconstpointer  data)
{
  IpmsRecord *product = find_product (fixture, "PawSmart Feeder Mini");
  gint64 id = ipms_record_get_id (product);
  IpmsCanvasView *view = IPMS_CANVAS_VIEW (ipms_timeline_page_get_view (fixture->page));
  static const struct {
    double      zoom;
    int         days;
    const char *start;
  } cases[] = {
    { 4.0, 3, "2026-09-04" },    /* weeks: to the day */
    { 1.0, 2, "2026-08-31" },    /* months: to the nearer Monday */
    { 0.36, 20, "2026-10-01" },  /* quarters: to the nearer first of a month */
    { 0.1, 40, "2026-10-01" },   /* years: to the nearer first of a quarter */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double ppd;

      ipms_canvas_view_set_zoom (view, cases[i].zoom);
      ppd = ipms_new_products_chart_get_px_per_day (np_chart (fixture));
      g_assert_cmpfloat_with_epsilon (ppd, IPMS_TIMELINE_BASE_PX_PER_DAY * cases[i].zoom, 1e-9);

      drag_product (fixture, id, IPMS_TIMELINE_PART_START, cases[i].days * ppd, 0, FALSE);
      g_assert_cmpstr (ipms_record_get_string (product, "dev_start"), ==, cases[i].start);
      undo (fixture);
      g_assert_cmpstr (ipms_record_get_string (product, "dev_start"), ==, "2026-09-01");
    }
}

static void
test_escape_cancels (Fixture       *fixture,
                     gconstpointer  data)
{
  IpmsRecord *product = find_product (fixture, "PawSmart Litter X1");
  const char *undo_label = ipms_document_get_undo_label (fixture->document);
  g_autofree char *saved_label = g_strdup (undo_label);
  IpmsNewProductsItem before, during, after;
  gint64 id = ipms_record_get_id (product);

  g_assert_true (ipms_new_products_chart_get_item (np_chart (fixture), id, &before));
  ipms_canvas_view_scroll_to (IPMS_CANVAS_VIEW (ipms_timeline_page_get_view (fixture->page)),
                              &GRAPHENE_RECT_INIT (before.bar_x - 100, before.y - 100, 600, 200));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_assert_true (ipms_timeline_canvas_drag_begin (fixture->canvas, before.bar_x + before.bar_width / 2,
                                                  before.y + 10, FALSE));
  ipms_timeline_canvas_drag_update (fixture->canvas, 200, 0, FALSE);
  g_assert_true (ipms_new_products_chart_get_item (np_chart (fixture), id, &during));
  g_assert_cmpfloat (during.bar_x, >, before.bar_x + 150);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_object_unref (ipms_test_save_widget_png (fixture->window, "timeline-new-products-dragging"));

  /* Escape, through the key handler as the user presses it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "timeline-canvas.cancel-drag", NULL));
  g_assert_false (ipms_timeline_canvas_is_dragging (fixture->canvas));
  g_assert_false (ipms_timeline_canvas_drag_end (fixture->canvas));

  g_assert_true (ipms_new_products_chart_get_item (np_chart (fixture), id, &after));
  g_assert_cmpfloat (after.bar_x, ==, before.bar_x);
  assert_dates (product, "2026-07-01", "2027-05-31", "2027-07-10");
  g_assert_cmpstr (ipms_document_get_undo_label (fixture->document), ==, saved_label);
}

/* GTK repaints what changed between two frames by matching their nodes:
 * a click that selects a bar must leave every tile a node of the canvas'
 * own, or nothing matches and the whole view is painted again. */
static void
test_select_keeps_tile_nodes (Fixture       *fixture,
                              gconstpointer  data)
{
  IpmsRecord *product = find_product (fixture, "PawSmart Litter X1");
  g_autoptr(GskRenderNode) before = NULL;
  g_autoptr(GskRenderNode) after = NULL;
  IpmsNewProductsItem item;

  ipms_selection_clear (fixture->selection);
  g_assert_true (ipms_new_products_chart_get_item (np_chart (fixture), ipms_record_get_id (product), &item));
  bring_into_view (fixture, item.bar_x, item.y);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  before = ipms_test_widget_render_node (GTK_WIDGET (fixture->canvas));

  ipms_selection_select_only (fixture->selection, ipms_record_get_id (product));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  after = ipms_test_widget_render_node (GTK_WIDGET (fixture->canvas));

  ipms_test_assert_nodes_kept (before, after);
}

/* A click is no edit: not with the pointer twitching within the drag
 * threshold (the bar, off the snapping grid, was snapped to it), nor when
 * the view scrolls under a pointer that stays still (GTK's offsets, in
 * the chart's coordinates, then hold the scroll alone). */
static void
test_click_is_no_edit (Fixture       *fixture,
                       gconstpointer  data)
{
  IpmsCanvasView *view = IPMS_CANVAS_VIEW (ipms_timeline_page_get_view (fixture->page));
  IpmsRecord *product = find_product (fixture, "PawSmart Litter X1");
  gint64 id = ipms_record_get_id (product);
  const char *undo_label = ipms_document_get_undo_label (fixture->document);
  g_autofree char *saved_label = g_strdup (undo_label);
  IpmsNewProductsItem item;
  double x, y, scrolled;
  graphene_point_t before, after;

  g_assert_true (ipms_new_products_chart_get_item (np_chart (fixture), id, &item));
  x = item.bar_x + item.bar_width / 2;
  y = item.y + item.height / 2;
  bring_into_view (fixture, x, y);
  g_assert_true (ipms_timeline_canvas_drag_begin (fixture->canvas, x, y, FALSE));
  ipms_timeline_canvas_drag_update (fixture->canvas, 1, 1, FALSE);
  ipms_timeline_canvas_drag_end (fixture->canvas);
  assert_dates (product, "2026-07-01", "2027-05-31", "2027-07-10");
  g_assert_cmpstr (ipms_document_get_undo_label (fixture->document), ==, saved_label);

  g_assert_true (ipms_timeline_canvas_drag_begin (fixture->canvas, x, y, FALSE));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->canvas), GTK_WIDGET (fixture->window),
                                           &GRAPHENE_POINT_INIT (0, 0), &before));
  ipms_canvas_view_pan_by (view, 20 * PPD, 0);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->canvas), GTK_WIDGET (fixture->window),
                                           &GRAPHENE_POINT_INIT (0, 0), &after));
  scrolled = before.x - after.x;
  g_assert_cmpfloat (scrolled, >, 10 * PPD);

  ipms_timeline_canvas_drag_update (fixture->canvas, scrolled, 0, FALSE);
  ipms_timeline_canvas_drag_end (fixture->canvas);

  assert_dates (product, "2026-07-01", "2027-05-31", "2027-07-10");
  g_assert_cmpstr (ipms_document_get_undo_label (fixture->document), ==, saved_label);
}

static void
test_lane_and_shift_lock (Fixture       *fixture,
                          gconstpointer  data)
{
  IpmsRecord *product = find_product (fixture, "PawSmart Feeder Pro");
  gint64 id = ipms_record_get_id (product);
  gint64 segment = ipms_record_get_int (product, "segment_id");
  IpmsNewProductsItem item;
  double down;

  g_assert_true (ipms_new_products_chart_get_item (np_chart (fixture), id, &item));
  g_assert_cmpuint (item.lane + 1, <, ipms_new_products_chart_get_n_lanes (np_chart (fixture)));

  /* Far enough down to reach the next lane. */
  down = 0;
  while (ipms_new_products_chart_lane_at (np_chart (fixture), item.y + item.height / 2 + down) == item.lane)
    down += 10;
  down += 10;

  /* With Shift the lane stays; only time moves. */
  drag_product (fixture, id, IPMS_TIMELINE_PART_BAR, 28 * PPD, down, TRUE);
  g_assert_cmpint (ipms_record_get_int (product, "segment_id"), ==, segment);
  g_assert_cmpstr (ipms_record_get_string (product, "dev_start"), !=, "2025-10-01");
  undo (fixture);
  g_assert_cmpstr (ipms_record_get_string (product, "dev_start"), ==, "2025-10-01");

  /* Without it the product moves to the next population layer. */
  drag_product (fixture, id, IPMS_TIMELINE_PART_BAR, 0, down, FALSE);
  g_assert_cmpint (ipms_record_get_int (product, "segment_id"), !=, segment);
  g_assert_true (ipms_new_products_chart_get_item (np_chart (fixture), id, &item));
  g_assert_cmpstr (ipms_document_get_undo_label (fixture->document), ==, "Move “PawSmart Feeder Pro”");
  undo (fixture);
  g_assert_cmpint (ipms_record_get_int (product, "segment_id"), ==, segment);
  redo (fixture);
  g_assert_cmpint (ipms_record_get_int (product, "segment_id"), !=, segment);
}

/* An item's name, from its widget as the canvas has it now. */
static const char *
item_label (Fixture *fixture,
            gint64   id)
{
  GtkWidget *item = ipms_timeline_canvas_get_item (fixture->canvas, id);

  g_assert_nonnull (item);
  return ipms_canvas_item_get_label (IPMS_CANVAS_ITEM (item));
}

/* After an edit of one product its item's name follows, the others stay;
 * after the project's currency every item's name says the new one. */
static void
test_item_labels_follow (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 renamed = ipms_record_get_id (find_product (fixture, "Nest Feeder Duo"));
  gint64 other = ipms_record_get_id (find_product (fixture, "PawSmart Feeder Pro"));
  IpmsRecord *project = ipms_document_get_project (fixture->document);
  g_autofree char *other_before = NULL;
  g_autoptr(GError) error = NULL;
  GValue value = G_VALUE_INIT;

  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  other_before = g_strdup (item_label (fixture, other));
  g_assert_nonnull (strstr (other_before, "$"));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Nest Feeder Trio");
  g_assert_true (ipms_document_edit_value (fixture->document, "Rename", NULL, "product", renamed,
                                           "name", &value, &error));
  g_assert_no_error (error);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_assert_nonnull (strstr (item_label (fixture, renamed), "Nest Feeder Trio, grade S"));
  g_assert_cmpstr (item_label (fixture, other), ==, other_before);

  g_value_set_string (&value, "EUR");
  g_assert_true (ipms_document_edit_value (fixture->document, "Currency", NULL, "project", ipms_record_get_id (project),
                                           "currency", &value, &error));
  g_assert_no_error (error);
  g_value_unset (&value);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_assert_nonnull (strstr (item_label (fixture, renamed), "€"));
  g_assert_nonnull (strstr (item_label (fixture, other), "€"));
  g_assert_null (strstr (item_label (fixture, other), "$"));

  undo (fixture);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_assert_cmpstr (item_label (fixture, other), ==, other_before);
}

static void
test_nudge (Fixture       *fixture,
            gconstpointer  data)
{
  IpmsRecord *product = find_product (fixture, "Nest Feeder Duo");
  gint64 id = ipms_record_get_id (product);
  GtkWidget *item = ipms_timeline_canvas_get_item (fixture->canvas, id);
  const char *name;

  /* Items are focusable and named for assistive technologies. */
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_get_focusable (item));
  name = ipms_canvas_item_get_label (IPMS_CANVAS_ITEM (item));
  g_assert_nonnull (strstr (name, "Nest Feeder Duo, grade S"));

  /* Three nudges of a week, one undo step. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (ipms_timeline_canvas_nudge (fixture->canvas, id, 1, 0, FALSE));
  assert_dates (product, "2027-02-05", "2027-08-21", "2027-09-22");
  /* The accessible name follows the edit, with dates as the locale writes them. */
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  {
    g_autofree char *start = ipms_format_date_iso ("2027-02-05");
    g_autofree char *complete = ipms_format_date_iso ("2027-08-21");
    g_autofree char *span = g_strdup_printf ("%s – %s", start, complete);

    g_assert_nonnull (strstr (ipms_canvas_item_get_label (IPMS_CANVAS_ITEM (ipms_timeline_canvas_get_item (fixture->canvas, id))),
                              span));
  }
  undo (fixture);
  assert_dates (product, "2027-01-15", "2027-07-31", "2027-09-01");
  redo (fixture);
  assert_dates (product, "2027-02-05", "2027-08-21", "2027-09-22");

  /* With Shift, a month. */
  g_assert_true (ipms_timeline_canvas_nudge (fixture->canvas, id, -1, 0, TRUE));
  g_assert_cmpstr (ipms_record_get_string (product, "dev_start"), ==, "2027-01-05");
}

static void
test_tray_and_lanes (Fixture       *fixture,
                     gconstpointer  data)
{
  IpmsTimelineTray *tray = ipms_timeline_page_get_tray (fixture->page);
  GListModel *unscheduled = ipms_timeline_tray_get_model (tray);
  IpmsRecord *product = find_product (fixture, "Smart Litter Deodorizer");
  gint64 id = ipms_record_get_id (product);
  guint before = g_list_model_get_n_items (unscheduled);
  IpmsNewProductsItem item;

  g_assert_cmpuint (before, ==, 1);
  g_assert_null (ipms_timeline_canvas_get_item (fixture->canvas, id));

  g_assert_true (ipms_timeline_canvas_schedule_at (fixture->canvas, id,
                                                   ipms_timeline_canvas_day_position (fixture->canvas,
                                                                                      ipms_time_day_from_iso ("2027-03-03")),
                                                   300));
  assert_dates (product, "2027-03-01", "2027-05-31", "2027-07-01");
  g_assert_cmpuint (g_list_model_get_n_items (unscheduled), ==, before - 1);
  g_assert_true (ipms_new_products_chart_get_item (np_chart (fixture), id, &item));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_assert_nonnull (ipms_timeline_canvas_get_item (fixture->canvas, id));

  undo (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (unscheduled), ==, before);
  g_assert_true (ipms_record_is_null (product, "dev_start"));

  /* Lanes by series: one lane per series. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.by-series", NULL));
  g_assert_cmpint (ipms_new_products_chart_get_lane_mode (np_chart (fixture)), ==, IPMS_LANE_MODE_SERIES);
  g_assert_cmpuint (ipms_new_products_chart_get_n_lanes (np_chart (fixture)), ==, 3);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_by_action (GTK_WIDGET (fixture->page),
                                                                                  "timeline.by-series"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.fit-to-plan", NULL));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_object_unref (ipms_test_save_widget_png (fixture->window, "timeline-new-products-by-series"));
}

static void
test_selection_shared (Fixture       *fixture,
                       gconstpointer  data)
{
  IpmsRecord *product = find_product (fixture, "Nest Ceramic Fountain");
  gint64 id = ipms_record_get_id (product);
  GtkWidget *item = ipms_timeline_canvas_get_item (fixture->canvas, id);

  /* Selected elsewhere (the panorama, the list), selected here. */
  ipms_selection_select_only (fixture->selection, id);
  g_assert_true (ipms_canvas_item_get_selected (IPMS_CANVAS_ITEM (item)));
  ipms_selection_clear (fixture->selection);
  g_assert_false (ipms_canvas_item_get_selected (IPMS_CANVAS_ITEM (item)));
}

/* Overlays (the baseline's positions) place themselves with
 * ipms_timeline_canvas_map_values(): it must agree with what the chart
 * draws. */
static void
test_map_values (Fixture       *fixture,
                 gconstpointer  data)
{
  IpmsRecord *product = find_product (fixture, "PawSmart Treat Cam");
  gint64 id = ipms_record_get_id (product);
  guint32 launch = ipms_time_day_from_iso (ipms_record_get_string (product, "launch_date"));
  double x, y;

  if (ipms_timeline_canvas_get_kind (fixture->canvas) == IPMS_TIMELINE_KIND_ROADMAP)
    {
      double mx, my;

      g_assert_true (ipms_roadmap_chart_get_marker (rm_chart (fixture), id, &mx, &my, NULL));
      g_assert_true (ipms_timeline_canvas_map_values (fixture->canvas, launch,
                                                      ipms_record_get_double (product, "price"), &x, &y));
      g_assert_cmpfloat_with_epsilon (x, mx, 0.5);
      g_assert_cmpfloat_with_epsilon (y, my, 0.5);
    }
  else
    {
      IpmsNewProductsItem item;

      g_assert_true (ipms_new_products_chart_get_item (np_chart (fixture), id, &item));
      double px_per_day = ipms_timeline_chart_get_px_per_day (IPMS_TIMELINE_CHART (np_chart (fixture)));

      g_assert_true (ipms_timeline_canvas_map_values (fixture->canvas, item.dev_start, item.lane, &x, &y));
      g_assert_cmpfloat_with_epsilon (x, item.bar_x, 0.5);
      g_assert_true (ipms_timeline_canvas_map_values (fixture->canvas, launch, item.lane, &x, &y));
      g_assert_cmpfloat_with_epsilon (x + px_per_day / 2, item.launch_x, 0.5);
      g_assert_cmpuint (ipms_new_products_chart_lane_at (np_chart (fixture), y), ==, item.lane);
      g_assert_false (ipms_timeline_canvas_map_values (fixture->canvas, launch,
                                                       ipms_new_products_chart_get_n_lanes (np_chart (fixture)),
                                                       &x, &y));
    }
}

/* Roadmap */

static void
drag_marker (Fixture *fixture,
             gint64   id,
             double   dx,
             double   dy,
             gboolean lock)
{
  double x, y;

  g_assert_true (ipms_roadmap_chart_get_marker (rm_chart (fixture), id, &x, &y, NULL));
  bring_into_view (fixture, x, y);
  g_assert_true (ipms_timeline_canvas_drag_begin (fixture->canvas, x + 2, y - 2, FALSE));
  ipms_timeline_canvas_drag_update (fixture->canvas, dx / 2, dy / 2, lock);
  ipms_timeline_canvas_drag_update (fixture->canvas, dx, dy, lock);
  g_assert_true (ipms_timeline_canvas_drag_end (fixture->canvas));
}

static void
test_roadmap_marker (Fixture       *fixture,
                     gconstpointer  data)
{
  IpmsRecord *product = find_product (fixture, "PawSmart Treat Cam");
  gint64 id = ipms_record_get_id (product);
  double per_unit = ipms_roadmap_chart_get_price_per_unit (rm_chart (fixture));
  double price;

  g_assert_cmpstr (ipms_record_get_string (product, "launch_date"), ==, "2027-10-01");
  g_assert_cmpfloat (ipms_record_get_double (product, "price"), ==, 119);

  /* 17 days later and about 40 dearer: the nearer Monday, 2027-10-18, and a
   * multiple of the price step of 5. */
  drag_marker (fixture, id, 17 * PPD, -40 / per_unit, FALSE);
  price = ipms_record_get_double (product, "price");
  g_assert_cmpstr (ipms_record_get_string (product, "launch_date"), ==, "2027-10-18");
  g_assert_cmpfloat (fmod (price, 5), ==, 0);
  g_assert_cmpfloat_with_epsilon (price, 160, 5.01);
  g_assert_cmpstr (ipms_document_get_undo_label (fixture->document), ==, "Move “PawSmart Treat Cam” on the roadmap");

  undo (fixture);
  g_assert_cmpstr (ipms_record_get_string (product, "launch_date"), ==, "2027-10-01");
  g_assert_cmpfloat (ipms_record_get_double (product, "price"), ==, 119);
  redo (fixture);
  g_assert_cmpfloat (ipms_record_get_double (product, "price"), ==, price);

  /* A drag in progress shows the date and price it would write. */
  {
    double x, y;

    g_assert_true (ipms_roadmap_chart_get_marker (rm_chart (fixture), id, &x, &y, NULL));
    ipms_canvas_view_scroll_to (IPMS_CANVAS_VIEW (ipms_timeline_page_get_view (fixture->page)),
                                &GRAPHENE_RECT_INIT (x - 300, y - 100, 600, 200));
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
    g_assert_true (ipms_timeline_canvas_drag_begin (fixture->canvas, x, y, FALSE));
    ipms_timeline_canvas_drag_update (fixture->canvas, 30 * PPD, 30 / per_unit, FALSE);
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
    g_object_unref (ipms_test_save_widget_png (fixture->window, "timeline-roadmap-dragging"));
    ipms_timeline_canvas_drag_cancel (fixture->canvas);
    g_assert_cmpfloat (ipms_record_get_double (product, "price"), ==, price);
  }

  /* Shift keeps the price when the move is mostly in time. */
  drag_marker (fixture, id, 35 * PPD, -15 / per_unit, TRUE);
  g_assert_cmpfloat (ipms_record_get_double (product, "price"), ==, price);
  g_assert_cmpstr (ipms_record_get_string (product, "launch_date"), !=, "2027-10-18");
  undo (fixture);
}

static void
test_roadmap_flip (Fixture       *fixture,
                   gconstpointer  data)
{
  IpmsRecord *product = find_product (fixture, "Nest Heated Sleep Pod");
  gint64 id = ipms_record_get_id (product);
  double x0, y0, x1, y1;

  g_assert_true (ipms_roadmap_chart_get_marker (rm_chart (fixture), id, &x0, &y0, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.flipped", NULL));
  g_assert_true (ipms_roadmap_chart_get_flipped (rm_chart (fixture)));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_assert_true (ipms_roadmap_chart_get_marker (rm_chart (fixture), id, &x1, &y1, NULL));
  g_assert_cmpfloat (fabs (x1 - x0) + fabs (y1 - y0), >, 1);

  /* Flipped, dragging down moves the launch later and keeps the price. */
  drag_marker (fixture, id, 0, 28 * PPD, FALSE);
  g_assert_cmpstr (ipms_record_get_string (product, "launch_date"), ==, "2027-11-15");
  g_assert_cmpfloat (ipms_record_get_double (product, "price"), ==, 89);
  undo (fixture);
  g_assert_cmpstr (ipms_record_get_string (product, "launch_date"), ==, "2027-10-20");
  redo (fixture);
  g_assert_cmpstr (ipms_record_get_string (product, "launch_date"), ==, "2027-11-15");

  /* The flip is view state kept with the project, not an undo step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.flipped", NULL));
  g_assert_false (ipms_roadmap_chart_get_flipped (rm_chart (fixture)));
  g_assert_cmpstr (ipms_document_get_undo_label (fixture->document), ==, "Move “Nest Heated Sleep Pod” on the roadmap");
}

static void
test_roadmap_bands (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) bands = ipms_document_query (fixture->document, "price_band", NULL, 0, "min_price");
  IpmsRecord *mid = g_ptr_array_index (bands, 1);
  double x, y, per_unit = ipms_roadmap_chart_get_price_per_unit (rm_chart (fixture));
  IpmsTimelinePart part;

  g_assert_cmpstr (ipms_record_get_string (mid, "name"), ==, "Mid");
  ipms_roadmap_chart_values_to_point (rm_chart (fixture), ipms_time_day_from_iso ("2025-03-01"), 149.99, &x, &y);
  g_assert_cmpint (ipms_roadmap_chart_hit_test (rm_chart (fixture), x, y + 1, &part), ==, ipms_record_get_id (mid));
  g_assert_cmpint (part, ==, IPMS_TIMELINE_PART_BAND_MAX);

  bring_into_view (fixture, x, y + 1);
  g_assert_true (ipms_timeline_canvas_drag_begin (fixture->canvas, x, y + 1, FALSE));
  ipms_timeline_canvas_drag_update (fixture->canvas, 0, -30 / per_unit, FALSE);
  g_assert_true (ipms_timeline_canvas_drag_end (fixture->canvas));
  g_assert_cmpfloat (fmod (ipms_record_get_double (mid, "max_price"), 5), ==, 0);
  g_assert_cmpfloat_with_epsilon (ipms_record_get_double (mid, "max_price"), 180, 5.01);
  undo (fixture);
  g_assert_cmpfloat (ipms_record_get_double (mid, "max_price"), ==, 149.99);
}

static void
test_roadmap_band_editor (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *button = ipms_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_MENU_BUTTON, NULL, NULL);
  IpmsRecord *project = ipms_document_get_project (fixture->document);
  GtkWidget *popover, *step;
  guint n_bands;

  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (ipms_test_wait_for_paint (popover));
  g_object_unref (ipms_test_save_widget_png (popover, "timeline-roadmap-bands"));

  /* The step field shows the project's step and sets it, one undo step. */
  step = ipms_test_find_widget (popover, GTK_TYPE_SPIN_BUTTON, NULL, NULL);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (step)), ==, 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (step), 10);
  g_assert_cmpfloat (ipms_record_get_double (project, "price_step"), ==, 10);
  undo (fixture);
  g_assert_cmpfloat (ipms_record_get_double (project, "price_step"), ==, 5);

  /* Adding a band puts it above the dearest one. */
  n_bands = ipms_document_count_rows (fixture->document, "price_band");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.add-band", NULL));
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "price_band"), ==, n_bands + 1);
  undo (fixture);
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "price_band"), ==, n_bands);

  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* Screenshots of the example plan, light and dark, English and Chinese. */
static void
test_screenshots (void)
{
  static const char * const languages[] = { "en_US.UTF-8", "zh_CN.UTF-8" };
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint kind = 0; kind < 2; kind++)
      for (guint dark = 0; dark < 2; dark++)
        {
          Fixture fixture = { 0 };
          g_autofree char *name = NULL;
          IpmsCanvasView *view;
          g_autoptr(GdkTexture) texture = NULL;

          adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
          fixture_open (&fixture, kind, languages[l]);
          view = IPMS_CANVAS_VIEW (ipms_timeline_page_get_view (fixture.page));

          /* The window's 1200 pixels leave room for its sidebar beside the page. */
          {
            int minimum;

            gtk_widget_measure (GTK_WIDGET (fixture.page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
            g_assert_cmpint (minimum, <=, 850);
          }
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "timeline.fit-to-plan", NULL));
          g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture.canvas)));
          g_assert_cmpfloat (ipms_canvas_view_get_zoom (view), <, 1.0);

          if (kind == IPMS_TIMELINE_KIND_NEW_PRODUCTS)
            ipms_selection_select_only (fixture.selection,
                                        ipms_record_get_id (find_product (&fixture, l == 0 ? "PawSmart Litter X1"
                                                                                           : "PawSmart X1 自动猫砂盆")));
          g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture.canvas)));

          name = g_strdup_printf ("timeline-%s-%s-%s", kind == 0 ? "new-products" : "roadmap",
                                  l == 0 ? "en" : "zh_CN", dark ? "dark" : "light");
          texture = ipms_test_save_widget_png (fixture.window, name);
          g_assert_nonnull (texture);

          /* Also the other way round: the roadmap flipped, the new product
           * chart at the week scale around today. */
          if (dark == 0)
            {
              g_autoptr(GdkTexture) other = NULL;
              g_autofree char *other_name = g_strdup_printf ("%s-%s", name, kind == 0 ? "weeks" : "flipped");

              if (kind == IPMS_TIMELINE_KIND_ROADMAP)
                g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "timeline.flipped", NULL));
              else
                ipms_canvas_view_set_zoom (view, 4.0);
              g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture.canvas)));
              g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "timeline.go-to-today", NULL));
              g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture.canvas)));
              other = ipms_test_save_widget_png (fixture.window, other_name);
              g_assert_nonnull (other);
            }

          fixture_tear_down (&fixture, NULL);
        }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static GtkScrolledWindow *
view_scroller (Fixture *fixture)
{
  return GTK_SCROLLED_WINDOW (ipms_test_find_widget (ipms_timeline_page_get_view (fixture->page), GTK_TYPE_SCROLLED_WINDOW, NULL, NULL));
}

/* The part of the chart in sight, in chart units (the canvas keeps to the
 * view's top left, so content and chart coordinates are the same). */
static graphene_rect_t
visible_rect (Fixture *fixture)
{
  GtkScrolledWindow *scroller = view_scroller (fixture);
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (scroller);
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (scroller);

  return GRAPHENE_RECT_INIT (gtk_adjustment_get_value (h), gtk_adjustment_get_value (v),
                             gtk_adjustment_get_page_size (h), gtk_adjustment_get_page_size (v));
}

static void
assert_in_sight (const graphene_rect_t   *visible,
                 const cairo_rectangle_t *rect)
{
  g_assert_cmpfloat (rect->x, >=, visible->origin.x);
  g_assert_cmpfloat (rect->y, >=, visible->origin.y);
  g_assert_cmpfloat (rect->x + rect->width, <=, visible->origin.x + visible->size.width);
  g_assert_cmpfloat (rect->y + rect->height, <=, visible->origin.y + visible->size.height);
}

static void
wait_frames (Fixture *fixture,
             guint    n)
{
  for (guint i = 0; i < n; i++)
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
}

/* "Fit the whole plan" shows everything: every item and its name (or its
 * "+N"), and the whole chart with its legend, in both charts, flipped and
 * not, with the plan's names in English and in Chinese. */
static void
test_fit_shows_everything (void)
{
  static const char * const languages[] = { "en_US.UTF-8", "zh_CN.UTF-8" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint variant = 0; variant < 3; variant++)
      {
        Fixture fixture = { 0 };
        IpmsTimelineKind kind = variant == 0 ? IPMS_TIMELINE_KIND_NEW_PRODUCTS : IPMS_TIMELINE_KIND_ROADMAP;
        g_autoptr(GArray) ids = NULL;
        graphene_rect_t visible;
        double width, height;

        fixture_open (&fixture, kind, languages[l]);
        if (variant == 2)
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "timeline.flipped", NULL));
        /* Scrolled away first: the fit comes back to the plan's start. */
        gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (view_scroller (&fixture)), 400);
        wait_frames (&fixture, 1);
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "timeline.fit-to-plan", NULL));
        wait_frames (&fixture, 3);

        visible = visible_rect (&fixture);
        ipms_chart_get_size (ipms_timeline_canvas_get_chart (fixture.canvas), &width, &height);
        g_test_message ("%s variant %u: chart %.0f × %.0f in view %.0f × %.0f at %.0f, %.0f",
                        languages[l], variant, width, height, visible.size.width, visible.size.height,
                        visible.origin.x, visible.origin.y);
        /* The whole chart, legend and all. */
        assert_in_sight (&visible, &(cairo_rectangle_t) { 0, 0, width, height });

        ids = ipms_timeline_chart_dup_item_ids (IPMS_TIMELINE_CHART (ipms_timeline_canvas_get_chart (fixture.canvas)));
        g_assert_cmpuint (ids->len, >, 5);
        for (guint i = 0; i < ids->len; i++)
          {
            gint64 id = g_array_index (ids, gint64, i);
            cairo_rectangle_t label;

            if (kind == IPMS_TIMELINE_KIND_NEW_PRODUCTS)
              g_assert_true (ipms_new_products_chart_get_label (np_chart (&fixture), id, &label));
            else
              g_assert_true (ipms_roadmap_chart_get_label (rm_chart (&fixture), id, &label, NULL));
            assert_in_sight (&visible, &label);
          }

        fixture_tear_down (&fixture, NULL);
      }
}

/* Whether every pixel of a rectangle of the texture is the same. */
static gboolean
uniform (GdkTexture *texture,
         int         x,
         int         y,
         int         width,
         int         height)
{
  guint32 first = ipms_test_texture_get_pixel (texture, x, y);

  for (int j = y; j < y + height; j++)
    for (int i = x; i < x + width; i++)
      if (!ipms_test_argb_near (ipms_test_texture_get_pixel (texture, i, j), first, 2))
        return FALSE;

  return TRUE;
}

/* Scrolled, the corner where the time header and the lane names (or, on
 * the flipped roadmap, the price axis) meet shows neither the quarters
 * nor the items passing under it. */
static void
test_scrolled_header (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *view = ipms_timeline_page_get_view (fixture->page);
  GtkScrolledWindow *scroller = view_scroller (fixture);
  gboolean roadmap = ipms_timeline_canvas_get_kind (fixture->canvas) == IPMS_TIMELINE_KIND_ROADMAP;
  /* The lane names' column, and the header's two rows. */
  int column = roadmap ? 2 * 72 : 200;
  int rows = 2 * 26;

  if (roadmap)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.flipped", NULL));
  /* Small enough for the chart to scroll both ways. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 480);
  wait_frames (fixture, 2);

  for (guint down = 0; down < 2; down++)
    {
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree char *name = g_strdup_printf ("timeline-%s-scrolled%s", roadmap ? "roadmap-flipped" : "new-products",
                                               down ? "-down" : "");
      graphene_point_t origin;

      GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (scroller);
      GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (scroller);
      double x = MIN (300, gtk_adjustment_get_upper (h) - gtk_adjustment_get_page_size (h));
      double y = down ? MIN (120, gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v)) : 0;

      g_assert_cmpfloat (x, >=, 100);
      g_assert_cmpfloat (y, >=, down ? 60 : 0);
      gtk_adjustment_set_value (h, x);
      gtk_adjustment_set_value (v, y);
      wait_frames (fixture, 2);

      texture = ipms_test_save_widget_png (view, name);
      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->canvas), view,
                                               &GRAPHENE_POINT_INIT (x, y), &origin));
      g_assert_cmpfloat_with_epsilon (origin.x, 0, 1);
      g_assert_cmpfloat_with_epsilon (origin.y, 0, 1);

      /* The corner is empty... */
      g_assert_true (uniform (texture, 1, 1, column - 3, rows - 2));
      /* ...and the header beside it is there. */
      g_assert_false (uniform (texture, column + 2, 1, 200, rows - 2));
    }
}

/* The chart starts at the top of the view and stays there through edits. */
static void
test_top_aligned (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *view = ipms_timeline_page_get_view (fixture->page);
  IpmsRecord *product = find_product (fixture, "Nest Feeder Duo");
  graphene_point_t origin;
  double scroll_x;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.fit-to-plan", NULL));
  wait_frames (fixture, 3);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->canvas), view, &GRAPHENE_POINT_INIT (0, 0), &origin));
  g_assert_cmpfloat_with_epsilon (origin.y, 0, 0.5);
  scroll_x = gtk_adjustment_get_value (gtk_scrolled_window_get_hadjustment (view_scroller (fixture)));

  /* Into a lane of its own row: the chart grows. */
  g_assert_true (ipms_timeline_canvas_move_to_lane (fixture->canvas, ipms_record_get_id (product), 2));
  wait_frames (fixture, 2);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->canvas), view, &GRAPHENE_POINT_INIT (0, 0), &origin));
  g_assert_cmpfloat_with_epsilon (origin.y, 0, 0.5);
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_hadjustment (view_scroller (fixture))), ==, scroll_x);
  undo (fixture);
  wait_frames (fixture, 2);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->canvas), view, &GRAPHENE_POINT_INIT (0, 0), &origin));
  g_assert_cmpfloat_with_epsilon (origin.y, 0, 0.5);
}

static void
item_box (Fixture           *fixture,
          gint64             id,
          cairo_rectangle_t *box)
{
  IpmsNewProductsItem item;

  g_assert_true (ipms_new_products_chart_get_item (np_chart (fixture), id, &item));
  *box = (cairo_rectangle_t) { item.bar_x, item.y, MAX (item.bar_width, 1), item.height };
}

typedef struct
{
  IpmsCanvasView    *view;
  GtkScrolledWindow *scroller;
  GtkWidget         *canvas;
  GArray            *places;   /* of graphene_point3d_t: zoom, x, y */
  guint              frames_without_chart;
} FrameLog;

static void
log_view_place_cb (GdkFrameClock *clock,
                   FrameLog      *log)
{
  graphene_point3d_t place = {
    ipms_canvas_view_get_zoom (log->view),
    gtk_adjustment_get_value (gtk_scrolled_window_get_hadjustment (log->scroller)),
    gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (log->scroller)),
  };

  g_array_append_val (log->places, place);
  log->frames_without_chart += !gtk_widget_get_mapped (log->canvas);
}

/* A project seen for the first time shows its whole plan from its start:
 * the first frame, in which the view gets a size to fit it to, paints it
 * where it stays. It used to fit in the third and scroll home in the
 * fifth, the chart jumping in between, each frame a layout of it; then in
 * the second, after a first frame without the chart. */
static void
test_first_show_settles (gconstpointer data)
{
  IpmsTimelineKind kind = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = ipms_example_new_draft ("en_US.UTF-8", &error);
  g_autoptr(IpmsSelection) selection = ipms_selection_new ();
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (graphene_point3d_t));
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
  GtkWidget *page, *window;
  IpmsTimelinePage *timeline;
  FrameLog log;
  gulong handler;

  g_assert_no_error (error);
  page = kind == IPMS_TIMELINE_KIND_ROADMAP ? ipms_roadmap_page_new () : ipms_new_products_page_new ();
  g_object_set (page, "document", document, "selection", selection, NULL);
  timeline = IPMS_TIMELINE_PAGE (kind == IPMS_TIMELINE_KIND_ROADMAP
                                 ? ipms_roadmap_page_get_timeline (IPMS_ROADMAP_PAGE (page))
                                 : ipms_new_products_page_get_timeline (IPMS_NEW_PRODUCTS_PAGE (page)));
  log.view = IPMS_CANVAS_VIEW (ipms_timeline_page_get_view (timeline));
  log.scroller = GTK_SCROLLED_WINDOW (ipms_test_find_widget (GTK_WIDGET (log.view), GTK_TYPE_SCROLLED_WINDOW,
                                                             NULL, NULL));
  log.places = places;
  log.canvas = ipms_test_find_widget (GTK_WIDGET (log.view), IPMS_TYPE_TIMELINE_CANVAS, NULL, NULL);
  log.frames_without_chart = 0;

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1500, 900);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_widget_realize (window);
  handler = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (log_view_place_cb), &log);
  gtk_window_present (GTK_WINDOW (window));

  while (g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (window), handler);

  g_assert_cmpuint (places->len, >=, 1);
  g_assert_cmpuint (log.frames_without_chart, ==, 0);
  for (guint i = 0; i < places->len; i++)
    {
      const graphene_point3d_t *place = &g_array_index (places, graphene_point3d_t, i);
      const graphene_point3d_t *last = &g_array_index (places, graphene_point3d_t, places->len - 1);

      g_test_message ("frame %u: zoom %.3f, scrolled to %.0f, %.0f", i + 1, place->x, place->y, place->z);
      g_assert_true (graphene_point3d_equal (place, last));
    }
  /* Fitted, from the start of the plan. */
  g_assert_cmpfloat (g_array_index (places, graphene_point3d_t, 0).x, <, 1.0);
  g_assert_cmpfloat (g_array_index (places, graphene_point3d_t, 0).y, ==, 0);
  g_assert_cmpfloat (g_array_index (places, graphene_point3d_t, 0).z, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  ipms_document_close (document);
}

static guint
count_item_widgets (Fixture *fixture)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->canvas)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += IPMS_IS_CANVAS_ITEM (child);

  return n;
}

/* A roadmap holding hundreds of products in view (a large plan fitted to
 * the window) makes no widget per product, which would be thousands of
 * overlapping buttons; the arrow keys still reach each product from the
 * canvas, whose widget is made as it gets the focus, with its name. Zoomed
 * in, the products in view have their widgets again. */
static void
test_crowded_view (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (fixture->canvas));
  GtkWidget *focus;
  guint sparse;

  sparse = count_item_widgets (fixture);
  g_assert_cmpuint (sparse, >, 0);

  g_assert_true (ipms_document_begin_edit (fixture->document, "Crowd", NULL, &error));
  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *name = g_strdup_printf ("Crowded %03u", i);
      g_autofree char *launch = g_strdup_printf ("2027-%02u-%02u", 1 + i % 12, 1 + i % 28);
      gint64 id = ipms_document_insert (fixture->document, "product", 0, NULL, &error);

      g_assert_no_error (error);
      g_assert_true (ipms_document_set_string (fixture->document, "product", id, "name", name, &error));
      g_assert_true (ipms_document_set_string (fixture->document, "product", id, "launch_date", launch, &error));
      g_assert_true (ipms_document_set_double (fixture->document, "product", id, "price", 100 + i % 50, &error));
    }
  g_assert_true (ipms_document_commit_edit (fixture->document, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.fit-to-plan", NULL));
  wait_frames (fixture, 3);
  g_assert_cmpuint (count_item_widgets (fixture), ==, 0);

  /* From the canvas, an arrow key focuses a product in view. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas)));
  g_assert_true (ipms_test_press_key (GTK_WIDGET (fixture->canvas), GDK_KEY_Right, 0));
  focus = gtk_root_get_focus (root);
  g_assert_true (IPMS_IS_CANVAS_ITEM (focus));
  g_assert_true (gtk_widget_get_parent (focus) == GTK_WIDGET (fixture->canvas));
  g_assert_nonnull (ipms_canvas_item_get_label (IPMS_CANVAS_ITEM (focus)));
  wait_frames (fixture, 2);
  /* The focused one keeps its widget; no other is made. */
  g_assert_true (gtk_root_get_focus (root) == focus);
  g_assert_cmpuint (count_item_widgets (fixture), ==, 1);

  /* Zoomed in far enough, the view holds few products: they have their
   * widgets again. */
  ipms_canvas_view_set_zoom (IPMS_CANVAS_VIEW (ipms_timeline_page_get_view (fixture->page)), 8.0);
  wait_frames (fixture, 3);
  g_assert_cmpuint (count_item_widgets (fixture), >, 1);
}

/* Up and Down go from bar to bar; moving to another layer is its own
 * command, said in a toast, and the view and the focus follow the product. */
static void
test_lane_move_followed (Fixture       *fixture,
                         gconstpointer  data)
{
  IpmsRecord *product = find_product (fixture, "PawSmart Treat Cam");
  gint64 id = ipms_record_get_id (product);
  gint64 segment = ipms_record_get_int (product, "segment_id");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (fixture->canvas));
  GtkWidget *item;
  graphene_rect_t visible;
  cairo_rectangle_t box;
  GtkWidget *other;

  /* The week scale, the product at the top of the view. */
  ipms_canvas_view_set_zoom (IPMS_CANVAS_VIEW (ipms_timeline_page_get_view (fixture->page)), 4.0);
  wait_frames (fixture, 2);
  item_box (fixture, id, &box);
  ipms_canvas_view_scroll_to (IPMS_CANVAS_VIEW (ipms_timeline_page_get_view (fixture->page)),
                              &GRAPHENE_RECT_INIT (box.x, box.y, box.width, box.height));
  wait_frames (fixture, 1);
  /* Only items in or near the view have widgets: this one's, now that it
   * is scrolled to. */
  item = ipms_timeline_canvas_get_item (fixture->canvas, id);
  gtk_widget_grab_focus (item);
  g_assert_true (gtk_root_get_focus (root) == item);

  /* Down: the focus goes to the bar below, the product stays. */
  g_assert_true (ipms_timeline_canvas_focus_neighbour (fixture->canvas, id, 1));
  other = gtk_root_get_focus (root);
  g_assert_true (other != item);
  g_assert_true (IPMS_IS_CANVAS_ITEM (other));
  g_assert_cmpint (ipms_record_get_int (product, "segment_id"), ==, segment);
  wait_frames (fixture, 1);
  item_box (fixture, ipms_canvas_item_get_id (IPMS_CANVAS_ITEM (other)), &box);
  visible = visible_rect (fixture);
  g_assert_cmpfloat (box.y, >=, visible.origin.y);
  g_assert_cmpfloat (box.y + box.height, <=, visible.origin.y + visible.size.height);

  /* Alt+Down: to the next layers, three times, with the focus on the product. */
  item = ipms_timeline_canvas_get_item (fixture->canvas, id);
  g_assert_true (gtk_widget_grab_focus (item));
  for (guint i = 0; i < 3; i++)
    {
      gint64 before = ipms_record_get_int (product, "segment_id");

      /* The items of the previous move are laid out and re-placed over
       * the next frames; a move is made on the settled chart, as by a
       * user, who cannot press keys faster than frames are drawn. */
      wait_frames (fixture, 2);
      g_assert_true (gtk_root_get_focus (root) == ipms_timeline_canvas_get_item (fixture->canvas, id));
      /* Once as when another window has the keyboard (another test
       * program on the display, a busy desktop): GTK then clears the focus
       * children, and the move acted on nothing. */
      if (i == 1)
        gtk_widget_set_focus_child (GTK_WIDGET (fixture->canvas), NULL);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "timeline-canvas.lane-down", NULL));
      g_assert_cmpint (ipms_record_get_int (product, "segment_id"), !=, before);
      wait_frames (fixture, 2);
      g_assert_true (gtk_root_get_focus (root) == ipms_timeline_canvas_get_item (fixture->canvas, id));
      item_box (fixture, id, &box);
      visible = visible_rect (fixture);
      g_assert_cmpfloat (box.y, >=, visible.origin.y);
      g_assert_cmpfloat (box.y + box.height, <=, visible.origin.y + visible.size.height);
    }
  g_assert_cmpint (ipms_record_get_int (product, "segment_id"), !=, segment);
  g_assert_cmpstr (ipms_document_get_undo_label (fixture->document), ==, "Move “PawSmart Treat Cam”");

  /* The same from the product's menu (Menu or Shift+F10). */
  {
    GtkWidget *menu;
    GMenuModel *model;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "timeline-canvas.show-menu", NULL));
    menu = ipms_test_find_widget (GTK_WIDGET (fixture->canvas), GTK_TYPE_POPOVER_MENU, NULL, NULL);
    g_assert_nonnull (menu);
    /* Its own surface: shown once the X server says it is mapped. */
    g_assert_true (ipms_test_wait_for_paint (menu));
    g_assert_nonnull (ipms_test_save_widget_png (menu, "timeline-new-products-menu"));
    model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu));
    /* Opening (PRD, quick edit), lanes, removal. */
    g_assert_cmpint (g_menu_model_get_n_items (model), ==, 3);
    gtk_popover_popdown (GTK_POPOVER (menu));
    /* Closed without a choice, it gives the focus back to the bar. */
    g_assert_true (gtk_root_get_focus (root) == ipms_timeline_canvas_get_item (fixture->canvas, id));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "timeline-canvas.lane-up", NULL));
    g_assert_cmpstr (ipms_document_get_undo_label (fixture->document), ==, "Move “PawSmart Treat Cam”");
    undo (fixture);
  }
  undo (fixture);
  undo (fixture);
  undo (fixture);
  g_assert_cmpint (ipms_record_get_int (product, "segment_id"), ==, segment);
}

/* Delete takes a product off the chart, Shift+Delete deletes it; both are
 * one undo step. */
static void
test_unschedule_and_delete (Fixture       *fixture,
                            gconstpointer  data)
{
  GListModel *tray = ipms_timeline_tray_get_model (ipms_timeline_page_get_tray (fixture->page));
  IpmsRecord *product = find_product (fixture, "Nest Feeder Duo");
  gint64 id = ipms_record_get_id (product);
  guint before = g_list_model_get_n_items (tray);

  gtk_widget_grab_focus (ipms_timeline_canvas_get_item (fixture->canvas, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "timeline-canvas.unschedule", NULL));
  g_assert_true (ipms_record_is_null (product, "dev_start"));
  g_assert_true (ipms_record_is_null (product, "launch_date"));
  g_assert_cmpuint (g_list_model_get_n_items (tray), ==, before + 1);
  wait_frames (fixture, 1);
  g_assert_null (ipms_timeline_canvas_get_item (fixture->canvas, id));
  undo (fixture);
  assert_dates (product, "2027-01-15", "2027-07-31", "2027-09-01");
  g_assert_cmpuint (g_list_model_get_n_items (tray), ==, before);

  wait_frames (fixture, 1);
  ipms_selection_select_only (fixture->selection, id);
  g_assert_true (ipms_timeline_canvas_delete_product (fixture->canvas, id));
  g_assert_null (ipms_document_get_record (fixture->document, "product", id));
  undo (fixture);
  g_assert_nonnull (ipms_document_get_record (fixture->document, "product", id));
}

/* The band editor names bands that overlap. */
static void
test_band_warning (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bands = ipms_document_query (fixture->document, "price_band", NULL, 0, "min_price");
  GtkWidget *button = ipms_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_MENU_BUTTON, NULL, NULL);
  GtkWidget *warning = NULL;
  IpmsRecord *entry = g_ptr_array_index (bands, 0);

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  wait_frames (fixture, 1);
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))));
       w != NULL && warning == NULL; w = gtk_widget_get_first_child (w))
    for (GtkWidget *c = w; c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_LABEL (c) && gtk_widget_has_css_class (c, "warning"))
        warning = c;
  g_assert_nonnull (warning);
  g_assert_false (gtk_widget_get_visible (warning));

  g_assert_true (ipms_timeline_set_band_boundary (fixture->document, ipms_record_get_id (entry), TRUE, 80, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (warning)), ipms_record_get_string (entry, "name")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (warning)), "overlap"));
  undo (fixture);
  g_assert_false (gtk_widget_get_visible (warning));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

/* The band scale is a toggle kept with the project. */
static void
test_band_scale_toggle (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *state = NULL;

  g_assert_cmpint (ipms_roadmap_chart_get_price_scale (rm_chart (fixture)), ==, IPMS_ROADMAP_PRICE_SCALE_LINEAR);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.band-scale", NULL));
  g_assert_cmpint (ipms_roadmap_chart_get_price_scale (rm_chart (fixture)), ==, IPMS_ROADMAP_PRICE_SCALE_BANDS);
  state = ipms_document_dup_view_state (fixture->document, IPMS_ROADMAP_PRICE_SCALE_KEY);
  g_assert_cmpstr (state, ==, "bands");
  wait_frames (fixture, 1);
  g_assert_nonnull (ipms_test_save_widget_png (fixture->window, "timeline-roadmap-band-scale"));
}

/* Ghosts of the compared review */

/* Marks the plan as reviewed and compares with that review, as "Mark as
 * Reviewed" does; the toggle is off and could not be switched on before. */
static IpmsTimelineGhosts *
compare_with_review (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  IpmsTimelineGhosts *ghosts = ipms_timeline_page_get_ghosts (fixture->page);
  gboolean shown = TRUE;

  g_assert_false (ipms_timeline_ghosts_get_available (ghosts));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.show-ghosts", NULL));
  g_object_get (fixture->page, "show-ghosts", &shown, NULL);
  g_assert_false (shown);

  g_assert_cmpint (ipms_baseline_store (fixture->document, "Q3 review", &error), !=, 0);
  g_assert_no_error (error);
  ipms_document_set_view_state (fixture->document, IPMS_REVIEW_BASELINE_KEY, "Q3 review");
  ipms_timeline_ghosts_refresh (ghosts);
  g_assert_true (ipms_timeline_ghosts_get_available (ghosts));
  g_assert_cmpuint (ipms_timeline_ghosts_get_n_ghosts (ghosts), ==, 0);

  return ghosts;
}

static void
show_ghosts (Fixture *fixture)
{
  gboolean shown = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.show-ghosts", NULL));
  g_object_get (fixture->page, "show-ghosts", &shown, NULL);
  g_assert_true (shown);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
}

/* The page's pixel at a canvas point. */
static guint32
pixel_at (Fixture          *fixture,
          GdkTexture       *texture,
          graphene_point_t *point)
{
  graphene_point_t p;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->canvas), fixture->window, point, &p));
  return ipms_test_texture_get_pixel (texture, (int) p.x, (int) p.y);
}

static void
test_new_products_ghosts (Fixture       *fixture,
                          gconstpointer  data)
{
  IpmsRecord *product = find_product (fixture, "Nest Feeder Duo");
  gint64 id = ipms_record_get_id (product), ghost_id = 0;
  IpmsTimelineGhosts *ghosts = compare_with_review (fixture);
  IpmsCanvasView *view = IPMS_CANVAS_VIEW (ipms_timeline_page_get_view (fixture->page));
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  graphene_rect_t old_rect;
  graphene_point_t from, to, inside;
  IpmsNewProductsItem item;

  /* Three weeks later: the review had it from 2027-01-15 to 2027-07-31,
   * launched 2027-09-01. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (ipms_timeline_canvas_nudge (fixture->canvas, id, 1, 0, FALSE));
  assert_dates (product, "2027-02-05", "2027-08-21", "2027-09-22");
  g_assert_true (ipms_new_products_chart_get_item (np_chart (fixture), id, &item));
  bring_into_view (fixture, item.bar_x, item.y);
  before = ipms_test_save_widget_png (fixture->window, "timeline-ghosts-off");

  show_ghosts (fixture);
  g_assert_cmpuint (ipms_timeline_ghosts_get_n_ghosts (ghosts), ==, 1);
  g_assert_true (ipms_timeline_ghosts_get_ghost (ghosts, 0, &ghost_id, &old_rect, &from, &to));
  g_assert_cmpint (ghost_id, ==, id);
  /* The old bar in the product's row, the arrow from the old launch to the new. */
  g_assert_cmpfloat_with_epsilon (old_rect.origin.x,
                                  ipms_timeline_canvas_day_position (fixture->canvas, ipms_time_day_from_iso ("2027-01-15")), 0.5);
  g_assert_cmpfloat_with_epsilon (old_rect.origin.x + old_rect.size.width,
                                  ipms_timeline_canvas_day_position (fixture->canvas, ipms_time_day_from_iso ("2027-07-31")), 0.5);
  g_assert_cmpfloat (old_rect.origin.y, >=, item.y);
  g_assert_cmpfloat (old_rect.origin.y + old_rect.size.height, <=, item.y + item.height);
  g_assert_cmpfloat_with_epsilon (from.x, ipms_timeline_canvas_day_position (fixture->canvas, ipms_time_day_from_iso ("2027-09-01")), 0.5);
  g_assert_cmpfloat_with_epsilon (to.x, item.launch_x, 0.5);
  g_assert_cmpfloat (to.x - from.x, >, 20 * PPD);

  /* Drawn there: the old start, which the bar has left, is painted over. */
  after = ipms_test_save_widget_png (fixture->window, "timeline-ghosts-on");
  inside = GRAPHENE_POINT_INIT (old_rect.origin.x + 4, old_rect.origin.y + old_rect.size.height / 2);
  g_assert_false (ipms_test_argb_near (pixel_at (fixture, before, &inside), pixel_at (fixture, after, &inside), 8));

  /* It follows the zoom: the year scale moves the old launch with the axis. */
  ipms_canvas_view_set_zoom (view, 0.45);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_assert_true (ipms_timeline_ghosts_get_ghost (ghosts, 0, NULL, NULL, &from, NULL));
  g_assert_cmpfloat_with_epsilon (from.x, ipms_timeline_canvas_day_position (fixture->canvas, ipms_time_day_from_iso ("2027-09-01")), 0.5);

  /* Undone, nothing changed since the review: no ghost. */
  undo (fixture);
  g_assert_cmpuint (ipms_timeline_ghosts_get_n_ghosts (ghosts), ==, 0);
}

static void
test_roadmap_ghosts (Fixture       *fixture,
                     gconstpointer  data)
{
  IpmsRecord *product = find_product (fixture, "PawSmart Treat Cam");
  gint64 id = ipms_record_get_id (product);
  IpmsTimelineGhosts *ghosts = compare_with_review (fixture);
  double per_unit = ipms_roadmap_chart_get_price_per_unit (rm_chart (fixture));
  double x, y, radius, old_x, old_y;
  graphene_rect_t old_rect;
  graphene_point_t from, to;

  drag_marker (fixture, id, 17 * PPD, -40 / per_unit, FALSE);
  g_assert_cmpstr (ipms_record_get_string (product, "launch_date"), ==, "2027-10-18");
  show_ghosts (fixture);

  g_assert_cmpuint (ipms_timeline_ghosts_get_n_ghosts (ghosts), ==, 1);
  g_assert_true (ipms_timeline_ghosts_get_ghost (ghosts, 0, NULL, &old_rect, &from, &to));
  g_assert_true (ipms_roadmap_chart_get_marker (rm_chart (fixture), id, &x, &y, &radius));
  ipms_roadmap_chart_values_to_point (rm_chart (fixture), ipms_time_day_from_iso ("2027-10-01"), 119, &old_x, &old_y);
  /* A marker's size at the old date and price, the arrow to the marker now. */
  g_assert_cmpfloat_with_epsilon (from.x, old_x, 0.5);
  g_assert_cmpfloat_with_epsilon (from.y, old_y, 0.5);
  g_assert_cmpfloat_with_epsilon (old_rect.size.width, 2 * radius, 0.5);
  g_assert_cmpfloat_with_epsilon (to.x, x, 0.5);
  g_assert_cmpfloat_with_epsilon (to.y, y, 0.5);
  g_assert_cmpfloat (from.y, >, to.y);
  g_object_unref (ipms_test_save_widget_png (fixture->window, "timeline-roadmap-ghosts"));
  /* For a look at the ghost in the dark style. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_object_unref (ipms_test_save_widget_png (fixture->window, "timeline-roadmap-ghosts-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));

  /* Flipped, the ghost is where the flipped axes put the old values. */
  g_object_set (fixture->page, "flipped", TRUE, NULL);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_assert_true (ipms_timeline_ghosts_get_ghost (ghosts, 0, NULL, NULL, &from, NULL));
  ipms_roadmap_chart_values_to_point (rm_chart (fixture), ipms_time_day_from_iso ("2027-10-01"), 119, &old_x, &old_y);
  g_assert_cmpfloat_with_epsilon (from.x, old_x, 0.5);
  g_assert_cmpfloat_with_epsilon (from.y, old_y, 0.5);
  g_object_set (fixture->page, "flipped", FALSE, NULL);
}

static gboolean
tray_shown (Fixture *fixture)
{
  return gtk_widget_get_visible (GTK_WIDGET (ipms_timeline_page_get_tray (fixture->page)));
}

static int
view_width (Fixture *fixture)
{
  return gtk_widget_get_width (ipms_timeline_page_get_view (fixture->page));
}

/* Whether a key without modifiers activates the action on the widget. */
static gboolean
has_key_for_action (GtkWidget  *widget,
                    guint       keyval,
                    const char *action_name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0 &&
              GTK_IS_NAMED_ACTION (action) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), action_name) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

/* The toolbar's toggle (and F9) hides the unscheduled tray, and a new page of the
 * same project (its window opened again) leaves it hidden, on that chart
 * only. */
static void
test_tray_toggle (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *toggle = find_by_action (GTK_WIDGET (fixture->page), "timeline.show-tray");
  g_autofree char *state = NULL;
  g_autofree char *other = NULL;
  GtkWidget *again;
  GtkWidget *roadmap;

  g_assert_nonnull (toggle);
  g_assert_true (gtk_widget_get_focusable (toggle));
  g_assert_true (has_key_for_action (GTK_WIDGET (fixture->page), GDK_KEY_F9, "timeline.show-tray"));
  g_assert_true (tray_shown (fixture));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_cmpint (view_width (fixture), <, 1500 - 200);

  /* Hidden from its list, it leaves the focus on its toggle. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (ipms_timeline_page_get_tray (fixture->page)),
                                         GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.show-tray", NULL));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == toggle);
  wait_frames (fixture, 2);
  g_assert_false (tray_shown (fixture));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_cmpint (view_width (fixture), ==, 1500);
  state = ipms_document_dup_view_state (fixture->document, "new-products.tray");
  g_assert_cmpstr (state, ==, "hidden");
  other = ipms_document_dup_view_state (fixture->document, "roadmap.tray");
  g_assert_null (other);

  again = g_object_ref_sink (ipms_new_products_page_new ());
  g_object_set (again, "document", fixture->document, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (ipms_timeline_page_get_tray (
    IPMS_TIMELINE_PAGE (ipms_new_products_page_get_timeline (IPMS_NEW_PRODUCTS_PAGE (again)))))));
  roadmap = g_object_ref_sink (ipms_roadmap_page_new ());
  g_object_set (roadmap, "document", fixture->document, NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (ipms_timeline_page_get_tray (
    IPMS_TIMELINE_PAGE (ipms_roadmap_page_get_timeline (IPMS_ROADMAP_PAGE (roadmap)))))));
  g_object_unref (again);
  g_object_unref (roadmap);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.show-tray", NULL));
  wait_frames (fixture, 2);
  g_assert_true (tray_shown (fixture));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
}

/* Hidden, the tray keeps its list as it was; shown again, it catches up
 * with a product taken off the chart meanwhile, and with its undo. */
static void
test_tray_hidden_catch_up (Fixture       *fixture,
                           gconstpointer  data)
{
  IpmsTimelineTray *tray = ipms_timeline_page_get_tray (fixture->page);
  GListModel *unscheduled = ipms_timeline_tray_get_model (tray);
  IpmsRecord *product = find_product (fixture, "Nest Feeder Duo");
  gint64 id = ipms_record_get_id (product);
  guint before = g_list_model_get_n_items (unscheduled);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.show-tray", NULL));
  wait_frames (fixture, 1);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (tray)));

  gtk_widget_grab_focus (ipms_timeline_canvas_get_item (fixture->canvas, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "timeline-canvas.unschedule", NULL));
  g_assert_true (ipms_record_is_null (product, "launch_date"));
  g_assert_cmpuint (g_list_model_get_n_items (unscheduled), ==, before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.show-tray", NULL));
  wait_frames (fixture, 1);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (tray)));
  g_assert_cmpuint (g_list_model_get_n_items (unscheduled), ==, before + 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.show-tray", NULL));
  wait_frames (fixture, 1);
  undo (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.show-tray", NULL));
  wait_frames (fixture, 1);
  g_assert_cmpuint (g_list_model_get_n_items (unscheduled), ==, before);
}

/* On a phone-wide page the tray makes way for the chart by itself, without
 * changing what the user chose; asked for there, it comes beside the chart
 * until the page is wide again. */
static void
test_tray_narrow (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *toggle = find_by_action (GTK_WIDGET (fixture->page), "timeline.show-tray");
  int kind;
  const char *key;
  g_autofree char *state = NULL;

  g_object_get (fixture->page, "kind", &kind, NULL);
  key = kind == IPMS_TIMELINE_KIND_ROADMAP ? "roadmap.tray" : "new-products.tray";
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  wait_frames (fixture, 3);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->page)), ==, 360);
  g_assert_false (tray_shown (fixture));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_cmpint (view_width (fixture), ==, 360);
  state = ipms_document_dup_view_state (fixture->document, key);
  g_assert_null (state);

  /* Asked for: beside the chart, which keeps room to work in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.show-tray", NULL));
  wait_frames (fixture, 2);
  g_assert_true (tray_shown (fixture));
  g_assert_cmpint (view_width (fixture), >=, 150);
  g_clear_pointer (&state, g_free);
  state = ipms_document_dup_view_state (fixture->document, key);
  g_assert_null (state);

  /* Wide again: as the user left it for wide pages. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.show-tray", NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  wait_frames (fixture, 3);
  g_assert_true (tray_shown (fixture));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_cmpint (view_width (fixture), <=, 1400 - 200);
  g_assert_cmpint (view_width (fixture), >=, 1400 - 240);

  /* Hidden by the user, it stays hidden through a narrow spell. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "timeline.show-tray", NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  wait_frames (fixture, 3);
  g_assert_false (tray_shown (fixture));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  wait_frames (fixture, 3);
  g_assert_false (tray_shown (fixture));
  g_assert_cmpint (view_width (fixture), ==, 1400);
}

static double
lane_column (Fixture *fixture)
{
  IpmsChart *chart = ipms_timeline_canvas_get_chart (fixture->canvas);

  return ipms_new_products_chart_get_lane_column_width (IPMS_NEW_PRODUCTS_CHART (chart));
}

/* The products in view with a development span: their item widgets must
 * cover the span the chart paints, wherever the lane names end. (Asked for
 * a product away from the view, get_item() makes a widget that is not laid
 * out yet.) */
static void
assert_items_line_up (Fixture *fixture)
{
  IpmsNewProductsChart *chart = IPMS_NEW_PRODUCTS_CHART (ipms_timeline_canvas_get_chart (fixture->canvas));
  g_autoptr(GArray) ids = ipms_timeline_chart_dup_item_ids (IPMS_TIMELINE_CHART (chart));
  guint checked = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      GtkWidget *widget = ipms_timeline_canvas_get_item (fixture->canvas, id);
      IpmsNewProductsItem item;
      graphene_rect_t bounds;
      double x, y;

      if (widget == NULL || gtk_widget_get_width (widget) == 0 ||
          !ipms_new_products_chart_get_item (chart, id, &item) || item.bar_width <= 0)
        continue;
      g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (fixture->canvas), &bounds));
      g_assert_cmpfloat (bounds.origin.x, <=, item.bar_x);
      g_assert_cmpfloat (bounds.origin.x, >=, item.bar_x - 2 - 9 - 1);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, >=, item.bar_x + item.bar_width);
      g_assert_true (ipms_timeline_canvas_map_values (fixture->canvas, item.dev_start, item.lane, &x, &y));
      g_assert_cmpfloat_with_epsilon (x, item.bar_x, 1e-6);
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);
}

/* On a phone-wide page the lane names take a narrower column, so that the
 * time keeps most of the view; wide again, they have their full column. */
static void
test_lane_column_narrow (Fixture       *fixture,
                         gconstpointer  data)
{
  IpmsTimelineChart *chart;

  g_assert_cmpfloat (lane_column (fixture), ==, 200);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  wait_frames (fixture, 4);
  chart = IPMS_TIMELINE_CHART (ipms_timeline_canvas_get_chart (fixture->canvas));
  g_assert_cmpint (view_width (fixture), ==, 360);
  g_assert_cmpfloat (lane_column (fixture), <, 200);
  g_assert_cmpfloat (ipms_timeline_chart_get_time_origin (chart), ==, lane_column (fixture));
  g_assert_cmpfloat (view_width (fixture) - ipms_timeline_chart_get_time_origin (chart), >, 200);
  assert_items_line_up (fixture);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  wait_frames (fixture, 4);
  g_assert_cmpfloat (lane_column (fixture), ==, 200);
  g_assert_cmpfloat (ipms_timeline_chart_get_time_origin (chart), ==, 200);
  assert_items_line_up (fixture);
}

/* A page shown in a window that is already narrow (another project opened
 * on a phone) is first drawn without the tray, its chart laid out. */
static void
test_tray_narrow_new_page (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *page;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  wait_frames (fixture, 3);

  page = ipms_new_products_page_new ();
  g_object_set (page, "document", fixture->document, "selection", fixture->selection, NULL);
  gtk_window_set_child (GTK_WINDOW (fixture->window), page);
  fixture->page = IPMS_TIMELINE_PAGE (ipms_new_products_page_get_timeline (IPMS_NEW_PRODUCTS_PAGE (page)));
  fixture->canvas = ipms_timeline_page_get_canvas (fixture->page);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->canvas)));
  g_assert_false (tray_shown (fixture));
  g_assert_cmpint (view_width (fixture), ==, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->canvas)), >, 0);
}

/* The chart as shown, and as shown once everything in sight is painted
 * anew (a scroll away and back): the same, pixel for pixel. Only the
 * part in the view's viewport is compared: the scrollbars show the
 * scroll a while. */
static void
assert_painted_as_anew (Fixture    *fixture,
                        const char *name)
{
  GtkWidget *view = ipms_timeline_page_get_view (fixture->page);
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (view_scroller (fixture));
  double x;
  g_autoptr(GdkTexture) shown = NULL;
  g_autoptr(GdkTexture) anew = NULL;
  g_autofree char *anew_name = g_strconcat (name, "-anew", NULL);
  g_autofree guchar *shown_pixels = NULL;
  g_autofree guchar *anew_pixels = NULL;
  graphene_rect_t port;
  gsize stride, size;

  /* Where the view settled: an edit may scroll it to follow a product. */
  wait_frames (fixture, 2);
  x = gtk_adjustment_get_value (h);
  shown = ipms_test_save_widget_png (view, name);
  gtk_adjustment_set_value (h, x + (x >= 1 ? -1 : 1));
  wait_frames (fixture, 2);
  gtk_adjustment_set_value (h, x);
  wait_frames (fixture, 2);
  anew = ipms_test_save_widget_png (view, anew_name);

  g_assert_cmpint (gdk_texture_get_width (shown), ==, gdk_texture_get_width (anew));
  g_assert_cmpint (gdk_texture_get_height (shown), ==, gdk_texture_get_height (anew));
  stride = gdk_texture_get_width (shown) * 4;
  size = stride * gdk_texture_get_height (shown);
  shown_pixels = g_malloc (size);
  anew_pixels = g_malloc (size);
  gdk_texture_download (shown, shown_pixels, stride);
  gdk_texture_download (anew, anew_pixels, stride);
  g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_parent (GTK_WIDGET (fixture->canvas)), view, &port));
  g_assert_cmpfloat (port.size.width, >, 100);
  g_assert_cmpfloat (port.size.height, >, 100);
  for (int y = (int) port.origin.y; y < (int) (port.origin.y + port.size.height); y++)
    g_assert_cmpmem (shown_pixels + y * stride + (gsize) port.origin.x * 4, (gsize) port.size.width * 4,
                     anew_pixels + y * stride + (gsize) port.origin.x * 4, (gsize) port.size.width * 4);
}

/* An edit of a few products on the roadmap paints again only the parts
 * of the view it changed (see update_static_layer()): after each edit and
 * each undo the view must be as a new painting of it. */
static void
test_roadmap_edit_repaints (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GArray) ids = ipms_timeline_chart_dup_item_ids (IPMS_TIMELINE_CHART (rm_chart (fixture)));
  graphene_rect_t visible;
  guint n_moves = 0;

  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (view_scroller (fixture));

  /* Scrollbars beside the chart rather than over it, which fade in and
   * out after a scroll. */
  gtk_scrolled_window_set_overlay_scrolling (view_scroller (fixture), FALSE);
  /* At the month scale the plan is wider than the view: its middle. */
  gtk_adjustment_set_value (h, round ((gtk_adjustment_get_upper (h) - gtk_adjustment_get_page_size (h)) / 2));
  wait_frames (fixture, 2);
  visible = visible_rect (fixture);
  g_assert_cmpfloat (visible.origin.x, >, 1);
  assert_painted_as_anew (fixture, "timeline-roadmap-repaint");

  for (guint i = 0; i < ids->len && n_moves < 6; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      IpmsRecord *product = ipms_document_get_record (fixture->document, "product", id);
      g_autoptr(GError) error = NULL;
      double x, y;

      g_assert_true (ipms_roadmap_chart_get_marker (rm_chart (fixture), id, &x, &y, NULL));
      if (!graphene_rect_contains_point (&visible, &GRAPHENE_POINT_INIT (x, y)))
        continue;
      g_assert_true (ipms_timeline_move_marker (fixture->document, id,
                                                ipms_time_day_from_iso (ipms_record_get_string (product, "launch_date")) + 21,
                                                ipms_record_get_double (product, "price") + 2 * ipms_timeline_get_price_step (fixture->document),
                                                NULL, &error));
      g_assert_no_error (error);
      assert_painted_as_anew (fixture, "timeline-roadmap-repaint-edited");
      n_moves++;
    }
  g_assert_cmpuint (n_moves, >=, 3);

  for (guint i = 0; i < n_moves; i++)
    {
      undo (fixture);
      assert_painted_as_anew (fixture, "timeline-roadmap-repaint-undone");
    }
}

/* The same on the new product chart, whose edits paint again the items
 * they moved, the names of the lanes they changed and the milestones
 * that followed (see damage_changes()): shifts, a move to another lane
 * and their undoing. */
static void
test_new_products_edit_repaints (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GArray) ids = ipms_timeline_chart_dup_item_ids (IPMS_TIMELINE_CHART (np_chart (fixture)));
  graphene_rect_t visible;
  guint n_edits = 0;

  gtk_scrolled_window_set_overlay_scrolling (view_scroller (fixture), FALSE);
  wait_frames (fixture, 2);
  visible = visible_rect (fixture);
  assert_painted_as_anew (fixture, "timeline-new-products-repaint");

  for (guint i = 0; i < ids->len && n_edits < 6; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GError) error = NULL;
      IpmsNewProductsItem item;

      g_assert_true (ipms_new_products_chart_get_item (np_chart (fixture), id, &item));
      if (!graphene_rect_contains_point (&visible, &GRAPHENE_POINT_INIT (item.launch_x, item.y + item.height / 2)))
        continue;
      if (n_edits % 3 == 2)
        g_assert_true (ipms_timeline_canvas_move_to_lane (fixture->canvas, id, 1));
      else
        g_assert_true (ipms_timeline_shift_product (fixture->document, id, n_edits % 3 == 0 ? 21 : -45, NULL, &error));
      g_assert_no_error (error);
      assert_painted_as_anew (fixture, "timeline-new-products-repaint-edited");
      n_edits++;
    }
  g_assert_cmpuint (n_edits, >=, 3);

  for (guint i = 0; i < n_edits; i++)
    {
      undo (fixture);
      assert_painted_as_anew (fixture, "timeline-new-products-repaint-undone");
    }
}

int
main (int   argc,
      char *argv[])
{
  ipms_test_init_gtk (&argc, &argv);

#define ADD(path, set_up, func) g_test_add (path, Fixture, NULL, set_up, func, fixture_tear_down)
  ADD ("/timeline/ui/new-products/shift", new_products_set_up, test_shift);
  ADD ("/timeline/ui/new-products/resize", new_products_set_up, test_resize);
  ADD ("/timeline/ui/new-products/move-launch", new_products_set_up, test_move_launch);
  ADD ("/timeline/ui/new-products/snapping", new_products_set_up, test_snapping_per_scale);
  ADD ("/timeline/ui/new-products/escape", new_products_set_up, test_escape_cancels);
  ADD ("/timeline/ui/new-products/click-is-no-edit", new_products_set_up, test_click_is_no_edit);
  ADD ("/timeline/ui/new-products/select-keeps-tile-nodes", new_products_set_up, test_select_keeps_tile_nodes);
  ADD ("/timeline/ui/new-products/lanes", new_products_set_up, test_lane_and_shift_lock);
  ADD ("/timeline/ui/new-products/nudge", new_products_set_up, test_nudge);
  ADD ("/timeline/ui/new-products/item-labels", new_products_set_up, test_item_labels_follow);
  ADD ("/timeline/ui/new-products/tray", new_products_set_up, test_tray_and_lanes);
  ADD ("/timeline/ui/new-products/selection", new_products_set_up, test_selection_shared);
  ADD ("/timeline/ui/new-products/scrolled-header", new_products_set_up, test_scrolled_header);
  ADD ("/timeline/ui/new-products/top-aligned", new_products_set_up, test_top_aligned);
  ADD ("/timeline/ui/new-products/lane-move", new_products_set_up, test_lane_move_followed);
  ADD ("/timeline/ui/new-products/unschedule", new_products_set_up, test_unschedule_and_delete);
  ADD ("/timeline/ui/new-products/map-values", new_products_set_up, test_map_values);
  ADD ("/timeline/ui/roadmap/scrolled-header", roadmap_set_up, test_scrolled_header);
  ADD ("/timeline/ui/roadmap/band-warning", roadmap_set_up, test_band_warning);
  ADD ("/timeline/ui/roadmap/band-scale", roadmap_set_up, test_band_scale_toggle);
  ADD ("/timeline/ui/roadmap/marker", roadmap_set_up, test_roadmap_marker);
  ADD ("/timeline/ui/roadmap/map-values", roadmap_set_up, test_map_values);
  ADD ("/timeline/ui/roadmap/flip", roadmap_set_up, test_roadmap_flip);
  ADD ("/timeline/ui/roadmap/bands", roadmap_set_up, test_roadmap_bands);
  ADD ("/timeline/ui/roadmap/band-editor", roadmap_set_up, test_roadmap_band_editor);
  ADD ("/timeline/ui/roadmap/edit-repaints", roadmap_set_up, test_roadmap_edit_repaints);
  ADD ("/timeline/ui/new-products/edit-repaints", new_products_set_up, test_new_products_edit_repaints);
  ADD ("/timeline/ui/new-products/ghosts", new_products_set_up, test_new_products_ghosts);
  ADD ("/timeline/ui/roadmap/ghosts", roadmap_set_up, test_roadmap_ghosts);
  ADD ("/timeline/ui/new-products/tray-toggle", new_products_set_up, test_tray_toggle);
  ADD ("/timeline/ui/new-products/tray-hidden-catch-up", new_products_set_up, test_tray_hidden_catch_up);
  ADD ("/timeline/ui/new-products/tray-narrow", new_products_set_up, test_tray_narrow);
  ADD ("/timeline/ui/roadmap/crowded-view", roadmap_set_up, test_crowded_view);
  g_test_add_data_func ("/timeline/ui/new-products/first-show-settles",
                        GINT_TO_POINTER (IPMS_TIMELINE_KIND_NEW_PRODUCTS), test_first_show_settles);
  g_test_add_data_func ("/timeline/ui/roadmap/first-show-settles",
                        GINT_TO_POINTER (IPMS_TIMELINE_KIND_ROADMAP), test_first_show_settles);
  ADD ("/timeline/ui/roadmap/tray-narrow", roadmap_set_up, test_tray_narrow);
  ADD ("/timeline/ui/new-products/lane-column-narrow", new_products_set_up, test_lane_column_narrow);
  ADD ("/timeline/ui/new-products/tray-narrow-new-page", new_products_set_up, test_tray_narrow_new_page);
#undef ADD
  g_test_add_func ("/timeline/ui/look/fit", test_fit_shows_everything);
  g_test_add_func ("/timeline/ui/look/screenshots", test_screenshots);

  return g_test_run ();
}
