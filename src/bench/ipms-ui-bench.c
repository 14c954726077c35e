/* ipms-ui-bench.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measures the real window on generated projects: how long a chart takes to
 * show, how long an edit or an undo takes until the frame that shows it is
 * painted, the frame of a press on a chip and the frames of its drag, the
 * longest main-loop stall while a bulk import is undone, and memory with
 * all three charts shown. Needs a display (run it
 * under Xvfb with GSK_RENDERER=cairo for figures that do not depend on a
 * GPU). One figure a line, "METRIC PRODUCTS VALUE UNIT", as ipms-bench;
 * notes go to stderr.
 *
 * Times run from the call that asks for the change to the end of the frame
 * clock's "after-paint" that follows it, so layout and painting are counted,
 * not only the model. Each such sample starts from an idle frame clock, as a
 * user's action does: GDK paces frames, and a frame asked for right after
 * another waits up to a refresh interval for its turn. Where frames follow
 * each other (a drag, a scroll), a "frame" figure is each frame's cost: the
 * call plus the frame from its "before-paint" to its "after-paint"; one
 * costing more than a refresh interval at 60 Hz is counted as dropped.
 *
 * Usage: ipms-ui-bench [--forms | --prds | --charts | --panorama] [N_PRODUCTS…]
 * (default: 1000 2000 10000)
 * --forms gives only the form views' figures, --prds only those of the
 * PRDs section's product list (shown, scrolled, sorted), --charts only the
 * timelines' (their first show and their edits), --panorama only the
 * panorama's (its first show, edits, drag and the undo of an import).
 */

#include "config.h"

#include <stdlib.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ipms-application.h"
#include "ipms-bench-project.h"
#include "ipms-canvas-viewport.h"
#include "ipms-example.h"
#include "ipms-field-row.h"
#include "ipms-form-page.h"
#include "ipms-form-specs.h"
#include "ipms-json.h"
#include "ipms-new-products-chart.h"
#include "ipms-panorama-chart.h"
#include "ipms-panorama-page.h"
#include "ipms-products-page.h"
#include "ipms-record-list.h"
#include "ipms-roadmap-chart.h"
#include "ipms-timeline-edits.h"
#include "ipms-timeline-page.h"
#include "ipms-timeline-section.h"
#include "ipms-window.h"

#define PAINT_TIMEOUT_MS 20000
#define EDIT_SAMPLES     15
#define DRAG_FRAMES      60
/* Longer than a refresh interval: see wait_for_idle_clock(). */
#define IDLE_CLOCK_MS    20
#define ANIMATING_MS     200
/* What a frame may cost at 60 Hz; a frame that costs more is dropped. */
#define FRAME_BUDGET_MS  (1000.0 / 60)
/* A chart's view that has not moved for this long has settled. */
#define SETTLE_MS        300

static IpmsApplication *app;
static char *tmpdir;
/* --forms: only the form figures, for profiling the forms. */
static gboolean forms_only;
/* --prds: only the product list's figures. */
static gboolean prds_only;
/* --charts: only the timelines' figures, for profiling them. */
static gboolean charts_only;
/* --panorama: only the panorama's figures (show, edits, drag, bulk undo). */
static gboolean panorama_only;
/* --memory: only the memory with the three charts shown, which a full run
 * measures so, in a process of its own. */
static gboolean memory_only;
static const char *program;

typedef struct
{
  double begun;
  double ended;
} FrameSpan;

static void
before_paint_cb (GdkFrameClock *clock,
                 FrameSpan     *span)
{
  span->begun = ipms_bench_now_ms ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                FrameSpan     *span)
{
  span->ended = ipms_bench_now_ms ();
}

static gboolean
wake_cb (gpointer data)
{
  *(guint *) data = 0;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop until `widget` has been painted after this call and
 * returns the time at the end of that frame; -1 when nothing was painted in
 * time (nothing queued a redraw, which the caller reports). `frame_ms`, if
 * given, gets what that frame itself took, from its "before-paint" to its
 * "after-paint": its cost, without the time it waited for its turn. */
static double
wait_for_frame (GtkWidget *widget,
                double    *frame_ms)
{
  double deadline = ipms_bench_now_ms () + PAINT_TIMEOUT_MS;
  FrameSpan span = { -1, -1 };
  GdkFrameClock *clock;
  gulong before, after;
  guint wake;

  while ((!gtk_widget_get_mapped (widget) || gtk_widget_get_frame_clock (widget) == NULL) &&
         ipms_bench_now_ms () < deadline)
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL)
    return -1;

  before = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &span);
  after = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &span);
  /* Nothing may have queued a frame: the main loop must still wake up in time. */
  wake = g_timeout_add (PAINT_TIMEOUT_MS, wake_cb, &wake);
  while (span.ended < 0 && ipms_bench_now_ms () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_clear_handle_id (&wake, g_source_remove);
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);

  if (frame_ms != NULL)
    *frame_ms = span.ended >= 0 && span.begun >= 0 ? span.ended - span.begun : -1;

  return span.ended;
}

static double
wait_for_paint (GtkWidget *widget)
{
  return wait_for_frame (widget, NULL);
}

/* An idle wait is measured on the wall clock, whatever IPMS_BENCH_CLOCK
 * says: the process' CPU time does not move while it sleeps. */
static double
wall_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
note_paint_cb (GdkFrameClock *clock,
               double        *last_paint)
{
  *last_paint = wall_ms ();
}

/* GDK's frame clock paces frames: a frame asked for right after another
 * waits for its turn, up to a refresh interval (16.7 ms at 60 Hz), however
 * little it has to do. A user's edit comes to a window that has been idle;
 * so does each edit sample: this returns once no frame has been painted
 * for IDLE_CLOCK_MS, with the wall clock time of the last one. A window
 * that animates (a text cursor blinks with a frame each refresh) never
 * idles: after ANIMATING_MS the sample is taken as it is, waiting for its
 * turn as the user's would. */
static double
wait_for_idle_clock (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  double deadline = wall_ms () + ANIMATING_MS;
  double last_paint = wall_ms ();
  gulong handler;

  if (clock == NULL)
    return last_paint;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (note_paint_cb), &last_paint);
  while (wall_ms () - last_paint < IDLE_CLOCK_MS && wall_ms () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_signal_handler_disconnect (clock, handler);

  return last_paint;
}

static void
drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A "Name:  123 kB" field of /proc/self/status, such as VmRSS. */
static long
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;

  line = strstr (status, key);

  return line != NULL ? strtol (line + strlen (key), NULL, 10) : 0;
}

static long
current_rss_kib (void)
{
  return status_kib ("VmRSS");
}

/* What of the resident memory is the OpenGL driver's. GDK on X11 loads it
 * to choose a visual whatever the renderer, and under Xvfb it is Mesa's
 * software one, whose LLVM alone is some 40 MiB: a figure of the test
 * machine more than of the planner. */
static long
gl_driver_rss_kib (void)
{
  g_autofree char *smaps = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean in_driver = FALSE;
  long total = 0;

  if (!g_file_get_contents ("/proc/self/smaps", &smaps, NULL, NULL))
    return 0;

  lines = g_strsplit (smaps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_ascii_isxdigit (line[0]) && strchr (line, '-') != NULL && strchr (line, ' ') != NULL)
        {
          const char *name = strrchr (line, '/');

          in_driver = name != NULL &&
                      (g_str_has_prefix (name, "/libLLVM") || strstr (name, "_dri.so") != NULL ||
                       g_str_has_prefix (name, "/libgallium") || g_str_has_prefix (name, "/libGLX_mesa") ||
                       g_str_has_prefix (name, "/libEGL_mesa"));
        }
      else if (in_driver && g_str_has_prefix (line, "Rss:"))
        {
          total += strtol (line + strlen ("Rss:"), NULL, 10);
        }
    }

  return total;
}

static IpmsWindow *
open_window (const char *path,
             const char *section)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  IpmsWindow *window;

  document = ipms_document_open (path, &error);
  g_assert_no_error (error);
  ipms_document_set_view_state (document, "window.section", section);

  window = ipms_window_new (app, document);
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);

  return window;
}

static void
close_window (IpmsWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
}

static void
first_paint_cb (GdkFrameClock *clock,
                double        *painted)
{
  if (*painted < 0)
    *painted = ipms_bench_now_ms ();
}

/* The frame clock exists from realize on; listening from there catches the
 * very first frame, which may come before the loop sees the window mapped. */
static void
window_realized_cb (GtkWidget *window,
                    double    *painted)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_paint_cb), painted);
}

/* Opening until the first painted frame, for a project that remembers
 * `section`. The document is opened inside the measured span. */
static double
measure_open (const char *path,
              const char *section)
{
  double start = ipms_bench_now_ms ();
  double deadline = start + PAINT_TIMEOUT_MS;
  IpmsWindow *window = open_window (path, section);
  double painted = -1;

  g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), &painted);
  gtk_window_present (GTK_WINDOW (window));
  while (painted < 0 && ipms_bench_now_ms () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (window)), first_paint_cb, &painted);
  close_window (window);

  return painted < 0 ? -1 : painted - start;
}

/* Where a section's show began: when, and the CPU time and page faults
 * so far. */
typedef struct
{
  double start;
  double cpu;
  long   faults;
} ShowSample;

/* Shows `section` in a window that has been idle, as a user's choice. */
static void
begin_show (IpmsWindow *window,
            const char *section,
            ShowSample *sample)
{
  wait_for_idle_clock (GTK_WIDGET (window));
  sample->start = ipms_bench_now_ms ();
  sample->cpu = ipms_bench_cpu_ms ();
  sample->faults = ipms_bench_page_faults ();
  ipms_window_set_section (window, section);
}

static void
end_show (const ShowSample *sample,
          double           *cpu_ms,
          long             *page_faults)
{
  if (cpu_ms != NULL)
    *cpu_ms = ipms_bench_cpu_ms () - sample->cpu;
  if (page_faults != NULL)
    *page_faults = ipms_bench_page_faults () - sample->faults;
}

static double
measure_show_cpu (IpmsWindow *window,
                  const char *section,
                  double     *cpu_ms,
                  long       *page_faults)
{
  ShowSample sample;
  double painted;

  begin_show (window, section, &sample);
  painted = wait_for_paint (GTK_WIDGET (window));
  end_show (&sample, cpu_ms, page_faults);

  return painted < 0 ? -1 : painted - sample.start;
}

static double
measure_show (IpmsWindow *window,
              const char *section)
{
  return measure_show_cpu (window, section, NULL, NULL);
}

/* The window builds the form views, reads the products, measures their
 * names and lays out and fits the timeline charts ahead once its first
 * page is painted (see work_ahead_cb() in ipms-window-pages.c).
 * This lets it finish, as a user looking at the first page would, and
 * returns the longest main-loop iteration meanwhile: what working ahead
 * costs the user at once. */
static double
wait_for_prebuild (IpmsWindow *window)
{
  GtkWidget *first = ipms_window_get_section_page (window, ipms_window_get_section (window));
  double deadline;
  double longest = 0;

  /* The first page's own first frame is not what is measured here. */
  wait_for_paint (first);
  deadline = ipms_bench_now_ms () + PAINT_TIMEOUT_MS;

  while (ipms_window_get_working_ahead (window) && ipms_bench_now_ms () < deadline)
    {
      double start = ipms_bench_now_ms ();

      g_main_context_iteration (NULL, TRUE);
      longest = MAX (longest, ipms_bench_now_ms () - start);
    }
  wait_for_idle_clock (GTK_WIDGET (window));

  if (ipms_window_get_working_ahead (window))
    g_printerr ("note: the window had not done its work ahead within %d ms\n", PAINT_TIMEOUT_MS);

  return longest;
}

/* A frame's cost is what the call that asked for it took plus the frame
 * itself; the wait for the frame's turn is not counted (see
 * wait_for_idle_clock()). A frame costing more than a refresh interval is
 * a dropped one: `METRIC_over_budget` counts them. */
static void
print_frame_costs (const char *metric,
                   guint       n_products,
                   GArray     *frames)
{
  g_autofree char *p50 = g_strconcat (metric, "_p50", NULL);
  g_autofree char *p90 = g_strconcat (metric, "_p90", NULL);
  g_autofree char *max = g_strconcat (metric, "_max", NULL);
  g_autofree char *over = g_strconcat (metric, "_over_budget", NULL);
  guint n_over = 0;

  if (frames->len == 0)
    {
      g_printerr ("note: %s: no frame was painted\n", metric);
      return;
    }

  for (guint i = 0; i < frames->len; i++)
    n_over += g_array_index (frames, double, i) > FRAME_BUDGET_MS;

  ipms_bench_print_figure (p50, n_products, ipms_bench_median (frames), "ms");
  ipms_bench_print_figure (p90, n_products, ipms_bench_percentile (frames, 0.9), "ms");
  ipms_bench_print_figure (max, n_products, ipms_bench_percentile (frames, 1.0), "ms");
  ipms_bench_print_figure (over, n_products, n_over, "frames");
}

static void
print_time (const char *metric,
            guint       n_products,
            double      value)
{
  if (value < 0)
    g_printerr ("note: %s: no frame was painted within %d ms\n", metric, PAINT_TIMEOUT_MS);
  else
    ipms_bench_print_figure (metric, n_products, value, "ms");
}

/* Where a chart's view is: its zoom and how far it is scrolled. */
typedef struct
{
  double zoom;
  double x;
  double y;
} ViewPlace;

typedef struct
{
  IpmsCanvasViewport *viewport;
  ViewPlace           place;
  double              changed;   /* when a frame last painted a new place */
  guint               n_frames;
  guint               changed_frame;
} ViewWatch;

static IpmsCanvasViewport *
find_viewport (GtkWidget *widget)
{
  if (IPMS_IS_CANVAS_VIEWPORT (widget))
    return IPMS_CANVAS_VIEWPORT (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      IpmsCanvasViewport *viewport = find_viewport (child);

      if (viewport != NULL)
        return viewport;
    }

  return NULL;
}

static void
get_view_place (IpmsCanvasViewport *viewport,
                ViewPlace          *place)
{
  place->zoom = ipms_canvas_viewport_get_zoom (viewport);
  place->x = gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (viewport)));
  place->y = gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport)));
}

static void
view_painted_cb (GdkFrameClock *clock,
                 ViewWatch     *watch)
{
  ViewPlace place;

  get_view_place (watch->viewport, &place);
  watch->n_frames++;
  if (memcmp (&place, &watch->place, sizeof place) != 0)
    {
      watch->place = place;
      watch->changed = ipms_bench_now_ms ();
      watch->changed_frame = watch->n_frames;
    }
}

/* A chart shown for the first time may fit the plan to its view and go
 * to the plan's start in the frames after its first: until then the user
 * sees it jump. This waits until its view has not moved for SETTLE_MS and
 * returns when the frame that painted it where it stays was painted, or
 * `first_painted` when that was the first frame. */
static double
wait_for_settled_view (GtkWidget *page,
                       double     first_painted,
                       guint     *n_frames)
{
  ViewWatch watch = { find_viewport (page), { 0 }, first_painted, 0, 0 };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (page);
  gulong handler;

  *n_frames = 0;
  if (watch.viewport == NULL || clock == NULL)
    return first_painted;

  get_view_place (watch.viewport, &watch.place);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (view_painted_cb), &watch);
  while (ipms_bench_now_ms () - MAX (watch.changed, first_painted) < SETTLE_MS)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_signal_handler_disconnect (clock, handler);

  *n_frames = watch.changed_frame;

  return watch.changed;
}

/* The first show of a chart, until the frame that paints its view where it
 * stays, with the first frame, the CPU time and the fresh memory as a
 * note: on a virtual machine a page fault can cost ten times what it does
 * on hardware, and the wall clock alone hides that. */
static void
print_chart_show (IpmsWindow *window,
                  const char *metric,
                  const char *section,
                  guint       n_products)
{
  ShowSample sample;
  double first, settled, cpu;
  long faults;
  guint n_frames;

  begin_show (window, section, &sample);
  first = wait_for_paint (GTK_WIDGET (window));
  if (first < 0)
    {
      print_time (metric, n_products, -1);
      return;
    }
  settled = wait_for_settled_view (ipms_window_get_section_page (window, section), first, &n_frames);
  end_show (&sample, &cpu, &faults);

  print_time (metric, n_products, settled - sample.start);
  g_printerr ("note: %s %u: first frame at %.1f ms, the view settled %u frames later; "
              "CPU %.1f ms, %ld page faults\n",
              metric, n_products, first - sample.start, n_frames, cpu, faults);
}

/* The first switch to each form view (the page is built then, and kept);
 * the slowest is the figure, the others are notes. The CPU time is given
 * too (`form_show_cpu`): on a loaded machine the wall clock also counts the
 * X server and the other processes. Each view's note counts the page
 * faults too: the first full-window frame after the window's first paint
 * makes GDK's paint buffers touch fresh memory, whichever view it shows. */
static void
measure_forms (IpmsWindow *window,
               const char *metric,
               guint       n_products)
{
  const IpmsFormSpec * const *specs = ipms_form_specs_get_all ();
  g_autofree char *cpu_metric = g_strconcat (metric, "_cpu", NULL);
  double slowest = 0, slowest_cpu = 0;

  for (guint i = 0; specs[i] != NULL; i++)
    {
      double cpu;
      long faults;
      double time = measure_show_cpu (window, specs[i]->id, &cpu, &faults);

      g_printerr ("note: %s %u: %s %.1f ms (CPU %.1f ms, %ld page faults)\n",
                  metric, n_products, specs[i]->id, time, cpu, faults);
      slowest = MAX (slowest, time);
      slowest_cpu = MAX (slowest_cpu, cpu);
    }

  print_time (metric, n_products, slowest);
  ipms_bench_print_figure (cpu_metric, n_products, slowest_cpu, "ms");
}

/* A field written when the typing pauses, with every form view built
 * (each follows the document): the CPU time of the write and of the
 * views' reactions, and the time until the frame that shows it. */
static void
measure_form_commits (IpmsWindow *window,
                      guint       n_products)
{
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  IpmsFormPage *page;
  IpmsFieldBinding *binding;

  ipms_window_set_section (window, "five-looks");
  page = IPMS_FORM_PAGE (ipms_window_get_section_page (window, "five-looks"));
  wait_for_paint (GTK_WIDGET (page));
  binding = ipms_field_row_get_binding (IPMS_FIELD_ROW (ipms_form_page_get_field (page, "mission")));

  for (guint i = 0; i < EDIT_SAMPLES; i++)
    {
      g_autofree char *text = g_strdup_printf ("Care for every pet, take %u", i);
      double start, cpu, painted;

      wait_for_idle_clock (GTK_WIDGET (page));
      start = ipms_bench_now_ms ();
      cpu = ipms_bench_cpu_ms ();

      ipms_field_binding_set_text (binding, text);
      ipms_field_binding_flush (binding);
      g_array_append_val (cpu_times, (double) { ipms_bench_cpu_ms () - cpu });
      /* The field may show the same text already: a frame in any case. */
      gtk_widget_queue_draw (GTK_WIDGET (page));
      painted = wait_for_paint (GTK_WIDGET (page));
      if (painted >= 0)
        g_array_append_val (times, (double) { painted - start });
    }

  ipms_bench_print_figure ("form_commit_cpu_median", n_products, ipms_bench_median (cpu_times), "ms");
  ipms_bench_print_figure ("form_commit_cpu_max", n_products, ipms_bench_percentile (cpu_times, 1.0), "ms");
  if (times->len > 0)
    ipms_bench_print_figure ("form_commit_paint_median", n_products, ipms_bench_median (times), "ms");
}

/* The scrolled window of a record table's columns. */
static GtkAdjustment *
find_table_adjustment (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAdjustment *adjustment;

      if (GTK_IS_SCROLLED_WINDOW (child) && GTK_IS_COLUMN_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (child))))
        return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child));
      if ((adjustment = find_table_adjustment (child)) != NULL)
        return adjustment;
    }

  return NULL;
}

#define SCROLL_ROWS  1000
#define SCROLL_RUNS  4
#define SCROLL_RUN_FRAMES 50
#define SCROLL_STEP  90.0

/* A table of a thousand competitors scrolled from top to bottom through
 * its adjustment, a step a frame: the time of each frame, from the change
 * to the end of its paint. */
static void
measure_table_scroll (IpmsWindow *window,
                      guint       n_products)
{
  IpmsDocument *document = ipms_window_get_document (window);
  const IpmsTable *table = ipms_schema_lookup_table ("competitor");
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  IpmsFormPage *page;
  GtkAdjustment *adjustment;

  g_assert_true (ipms_document_begin_edit (document, "Add competitors", NULL, &error));
  for (guint i = 0; i < SCROLL_ROWS; i++)
    {
      GValue *values = g_new0 (GValue, table->n_columns);

      for (guint c = 0; c < table->n_columns; c++)
        {
          g_value_init (&values[c], G_TYPE_STRING);
          g_value_take_string (&values[c], g_strdup_printf ("%s %u of the competitor, in a few words",
                                                            table->columns[c].name, i + 1));
        }
      g_assert_cmpint (ipms_document_insert (document, "competitor", 0, values, &error), >, 0);
      for (guint c = 0; c < table->n_columns; c++)
        g_value_unset (&values[c]);
      g_free (values);
    }
  g_assert_true (ipms_document_commit_edit (document, &error));

  ipms_window_set_section (window, "five-looks");
  page = IPMS_FORM_PAGE (ipms_window_get_section_page (window, "five-looks"));
  adjustment = find_table_adjustment (ipms_form_page_get_table (page, "competitor"));
  /* The table is laid out once its section is, in a frame or two. */
  for (guint i = 0; i < 10 && gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment); i++)
    {
      gtk_widget_queue_resize (GTK_WIDGET (page));
      wait_for_paint (GTK_WIDGET (page));
    }

  /* The list measures its rows as they come: the end moves, and a
   * thousand rows are at most SCROLL_ROWS steps. */
  for (guint i = 0; i < SCROLL_ROWS &&
       gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
       gtk_adjustment_get_upper (adjustment) - 1; i++)
    {
      double start = ipms_bench_now_ms ();
      double call, frame;

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + SCROLL_STEP);
      call = ipms_bench_now_ms () - start;
      if (wait_for_frame (GTK_WIDGET (page), &frame) >= 0 && frame >= 0)
        g_array_append_val (frames, (double) { call + frame });
    }

  g_printerr ("note: table_scroll %u: %u frames, at %.0f of %.0f px\n", n_products, frames->len,
              gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment),
              gtk_adjustment_get_upper (adjustment));
  print_frame_costs ("table_scroll_frame", n_products, frames);
}

/* Making each form page, outside a window (what a first switch costs
 * before GTK lays it out); the slowest, in CPU time. */
static void
measure_form_build (IpmsDocument *document,
                    guint         n_products)
{
  const IpmsFormSpec * const *specs = ipms_form_specs_get_all ();
  double slowest = 0;

  for (guint i = 0; specs[i] != NULL; i++)
    {
      double cpu = ipms_bench_cpu_ms ();
      GtkWidget *page = g_object_new (ipms_form_specs_get_page_type (specs[i]), "document", document, NULL);

      g_object_ref_sink (page);
      cpu = ipms_bench_cpu_ms () - cpu;
      g_printerr ("note: form_build %u: %s CPU %.1f ms\n", n_products, specs[i]->id, cpu);
      slowest = MAX (slowest, cpu);
      g_object_unref (page);
      drain_main_loop ();
    }

  ipms_bench_print_figure ("form_build_cpu", n_products, slowest, "ms");
}

/* Moves a placed product to the end of another segment and measures until
 * painted; then undoes each move the same way. */
static void
measure_edits (IpmsWindow *window,
               guint       n_products)
{
  IpmsDocument *document = ipms_window_get_document (window);
  g_autoptr(IpmsRecordList) products = ipms_record_list_new (document, "product", NULL, IPMS_NULL_ID, NULL);
  g_autoptr(IpmsRecordList) segments = ipms_record_list_new (document, "segment", NULL, IPMS_NULL_ID, NULL);
  g_autoptr(GArray) edit_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) undo_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint n_segments = g_list_model_get_n_items (G_LIST_MODEL (segments));

  for (guint i = 0; i < EDIT_SAMPLES; i++)
    {
      guint position = g_rand_int_range (rand, 0, g_list_model_get_n_items (G_LIST_MODEL (products)));
      IpmsRecord *product = ipms_record_list_get_record (products, position);
      guint index = g_rand_int_range (rand, 0, n_segments);
      IpmsRecord *segment = ipms_record_list_get_record (segments, index);

      /* A move to where it already is would leave no undo step. */
      if (ipms_record_get_int (product, "segment_id") == ipms_record_get_id (segment))
        segment = ipms_record_list_get_record (segments, (index + 1) % n_segments);
      g_autoptr(GError) error = NULL;
      GValue value = G_VALUE_INIT;
      double start, painted;

      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, ipms_record_get_id (segment));

      wait_for_idle_clock (GTK_WIDGET (window));
      start = ipms_bench_now_ms ();
      ipms_document_edit_value (document, "Move", NULL, "product", ipms_record_get_id (product),
                                "segment_id", &value, &error);
      g_assert_no_error (error);
      painted = wait_for_paint (GTK_WIDGET (window));
      if (painted >= 0)
        g_array_append_val (edit_times, (double) { painted - start });
    }

  for (guint i = 0; i < EDIT_SAMPLES; i++)
    {
      g_autoptr(GError) error = NULL;
      double start, painted;

      wait_for_idle_clock (GTK_WIDGET (window));
      start = ipms_bench_now_ms ();
      ipms_document_undo (document, &error);
      g_assert_no_error (error);
      painted = wait_for_paint (GTK_WIDGET (window));
      if (painted >= 0)
        g_array_append_val (undo_times, (double) { painted - start });
    }

  print_time ("edit_paint", n_products, edit_times->len > 0 ? ipms_bench_median (edit_times) : -1);
  print_time ("undo_paint", n_products, undo_times->len > 0 ? ipms_bench_median (undo_times) : -1);
}

/* The scheduled products whose bar or marker lies in the view of the
 * timeline shown, and where the topmost of all lies: a user moves what they
 * see, and a chart paints again only what an edit changed, which for a
 * product out of sight is nothing. */
static GArray *
find_products_in_view (IpmsTimelineCanvas *canvas,
                       GPtrArray          *products,
                       double             *top)
{
  IpmsChart *chart = ipms_timeline_canvas_get_chart (canvas);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  graphene_rect_t view;

  *top = G_MAXDOUBLE;
  if (!gtk_widget_compute_bounds (gtk_widget_get_parent (GTK_WIDGET (canvas)), GTK_WIDGET (canvas), &view))
    return ids;

  for (guint i = 0; i < products->len; i++)
    {
      IpmsRecord *product = g_ptr_array_index (products, i);
      gint64 id = ipms_record_get_id (product);
      graphene_point_t where;

      if (IPMS_IS_ROADMAP_CHART (chart))
        {
          double x, y, radius;

          if (ipms_record_is_null (product, "price") ||
              !ipms_roadmap_chart_get_marker (IPMS_ROADMAP_CHART (chart), id, &x, &y, &radius))
            continue;
          where = GRAPHENE_POINT_INIT (x, y);
        }
      else
        {
          IpmsNewProductsItem item;

          if (!ipms_new_products_chart_get_item (IPMS_NEW_PRODUCTS_CHART (chart), id, &item))
            continue;
          where = GRAPHENE_POINT_INIT (item.bar_width > 0 ? item.bar_x + item.bar_width / 2 : item.launch_x,
                                       item.y + item.height / 2);
        }
      *top = MIN (*top, where.y);
      if (graphene_rect_contains_point (&view, &where))
        g_array_append_val (ids, id);
    }

  return ids;
}

/* With a timeline shown, moves a scheduled product in view two weeks later
 * (on the roadmap its marker, a price step dearer too) and measures until
 * painted; then undoes each move the same way. */
static void
measure_timeline_edits (IpmsWindow *window,
                        const char *section,
                        guint       n_products)
{
  IpmsDocument *document = ipms_window_get_document (window);
  gboolean roadmap = g_str_equal (section, "roadmap");
  g_autoptr(GPtrArray) products = ipms_document_query (document, "product", NULL, 0, NULL);
  g_autoptr(GArray) in_view = NULL;
  IpmsTimelineCanvas *canvas;
  GtkWidget *timeline;
  double top;
  g_autoptr(GArray) edit_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) undo_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autofree char *edit_metric = g_strdup_printf ("edit_paint_%s", roadmap ? "roadmap" : "new_products");
  g_autofree char *undo_metric = g_strdup_printf ("undo_paint_%s", roadmap ? "roadmap" : "new_products");
  guint n_edits = 0;

  measure_show (window, section);
  timeline = ipms_timeline_section_get_timeline (IPMS_TIMELINE_SECTION (ipms_window_get_section_page (window, section)));
  canvas = ipms_timeline_page_get_canvas (IPMS_TIMELINE_PAGE (timeline));
  in_view = find_products_in_view (canvas, products, &top);
  /* A large plan's new product chart opens on its series' milestones,
   * which fill the view above the first bars: it is scrolled to them. */
  if (in_view->len == 0 && top < G_MAXDOUBLE)
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (canvas), GTK_TYPE_SCROLLED_WINDOW);

      g_clear_pointer (&in_view, g_array_unref);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), top - 24);
      wait_for_paint (GTK_WIDGET (canvas));
      wait_for_paint (GTK_WIDGET (canvas));
      in_view = find_products_in_view (canvas, products, &top);
    }
  g_printerr ("note: %s %u: %u products in view to move\n", section, n_products, in_view->len);
  for (guint tries = 0; in_view->len > 0 && n_edits < EDIT_SAMPLES && tries < 100 * EDIT_SAMPLES; tries++)
    {
      gint64 id = g_array_index (in_view, gint64, g_rand_int_range (rand, 0, (int) in_view->len));
      IpmsRecord *product = ipms_document_get_record (document, "product", id);
      g_autoptr(GDate) launch = ipms_record_dup_date (product, "launch_date");
      g_autoptr(GError) error = NULL;
      double start, painted;

      if (launch == NULL || (roadmap && ipms_record_is_null (product, "price")))
        continue;

      wait_for_idle_clock (GTK_WIDGET (window));
      start = ipms_bench_now_ms ();
      if (roadmap)
        ipms_timeline_move_marker (document, ipms_record_get_id (product), g_date_get_julian (launch) + 14,
                                   ipms_record_get_double (product, "price") + ipms_timeline_get_price_step (document),
                                   NULL, &error);
      else
        ipms_timeline_shift_product (document, ipms_record_get_id (product), 14, NULL, &error);
      g_assert_no_error (error);
      painted = wait_for_paint (GTK_WIDGET (window));
      if (painted >= 0)
        g_array_append_val (edit_times, (double) { painted - start });
      n_edits++;
    }

  for (guint i = 0; i < n_edits; i++)
    {
      g_autoptr(GError) error = NULL;
      double start, painted;

      wait_for_idle_clock (GTK_WIDGET (window));
      start = ipms_bench_now_ms ();
      ipms_document_undo (document, &error);
      g_assert_no_error (error);
      painted = wait_for_paint (GTK_WIDGET (window));
      if (painted >= 0)
        g_array_append_val (undo_times, (double) { painted - start });
    }

  print_time (edit_metric, n_products, edit_times->len > 0 ? ipms_bench_median (edit_times) : -1);
  print_time (undo_metric, n_products, undo_times->len > 0 ? ipms_bench_median (undo_times) : -1);
}

/* Presses the first chip of the first filled cell, then drags it across
 * the grid through the canvas' interaction layer, a frame per step, then
 * cancels. The press (a selection, a focus, a current cell) has a frame of
 * its own, as it has under a hand: it is measured apart from the frames
 * of the moving drag. */
static void
measure_drag (IpmsWindow *window,
              guint       n_products)
{
  IpmsPanoramaPage *page = IPMS_PANORAMA_PAGE (ipms_window_get_section_page (window, "panorama"));
  IpmsPanoramaCanvas *canvas = ipms_panorama_page_get_canvas (page);
  IpmsPanoramaChart *chart = ipms_panorama_canvas_get_chart (canvas);
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_columns = ipms_panorama_chart_get_n_columns (chart);
  double start, call, frame;
  guint n_rows = ipms_panorama_chart_get_n_rows (chart);
  cairo_rectangle_t chip, target;
  gboolean found = FALSE;

  for (guint i = 0; i < n_columns * n_rows && !found; i++)
    {
      GPtrArray *chips = ipms_panorama_chart_get_products (chart, i % n_columns, i / n_columns);

      found = chips->len > 0 &&
              ipms_panorama_chart_get_chip_rect (chart, ipms_record_get_id (g_ptr_array_index (chips, 0)), &chip);
    }

  if (!found)
    {
      g_printerr ("note: no chip on the panorama to drag\n");
      return;
    }

  ipms_panorama_chart_get_cell_rect (chart, n_columns - 1, n_rows - 1, &target);

  wait_for_idle_clock (GTK_WIDGET (window));
  start = ipms_bench_now_ms ();
  if (!ipms_panorama_canvas_drag_begin (canvas, chip.x + chip.width / 2, chip.y + chip.height / 2, 0))
    {
      g_printerr ("note: the drag did not start\n");
      return;
    }
  call = ipms_bench_now_ms () - start;
  if (wait_for_frame (GTK_WIDGET (canvas), &frame) >= 0 && frame >= 0)
    print_time ("press_frame", n_products, call + frame);

  for (guint i = 1; i <= DRAG_FRAMES; i++)
    {
      double t = (double) i / DRAG_FRAMES;
      double x = chip.x + (target.x + target.width / 2 - chip.x) * t;
      double y = chip.y + (target.y + target.height / 2 - chip.y) * t;

      start = ipms_bench_now_ms ();
      ipms_panorama_canvas_drag_update (canvas, x, y);
      call = ipms_bench_now_ms () - start;
      if (wait_for_frame (GTK_WIDGET (canvas), &frame) >= 0 && frame >= 0)
        g_array_append_val (frames, (double) { call + frame });
    }

  ipms_panorama_canvas_drag_cancel (canvas);
  wait_for_paint (GTK_WIDGET (canvas));

  print_frame_costs ("drag_frame", n_products, frames);
}

typedef struct
{
  double last;
  double longest;
} StallWatch;

static gboolean
stall_tick_cb (gpointer data)
{
  StallWatch *watch = data;
  double now = ipms_bench_now_ms ();

  watch->longest = MAX (watch->longest, now - watch->last);
  watch->last = now;

  return G_SOURCE_CONTINUE;
}

/* Imports another generated plan of the same size (one undoable step)
 * with the charts built, then undoes that step while a 5 ms timer watches
 * the main loop: its longest gap is the stall a user feels. */
static void
measure_bulk_undo (IpmsWindow *window,
                   guint       n_products)
{
  IpmsDocument *document = ipms_window_get_document (window);
  g_autofree char *other_path = ipms_bench_generate_project (tmpdir, n_products + 1);
  g_autoptr(IpmsDocument) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  StallWatch watch = { 0, 0 };
  gsize length;
  guint tick;
  double until;

  other = ipms_document_open (other_path, &error);
  g_assert_no_error (error);
  json = ipms_json_export_data (other, &length, &error);
  g_assert_no_error (error);
  ipms_document_close (other);
  g_unlink (other_path);

  ipms_json_import_data (document, json, (gssize) length, "Import", &error);
  g_assert_no_error (error);
  wait_for_paint (GTK_WIDGET (window));
  drain_main_loop ();

  watch.last = ipms_bench_now_ms ();
  tick = g_timeout_add_full (G_PRIORITY_HIGH, 5, stall_tick_cb, &watch, NULL);

  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  wait_for_paint (GTK_WIDGET (window));

  /* Work the undo left for later (slices, idles) counts too. */
  until = ipms_bench_now_ms () + 500;
  while (ipms_bench_now_ms () < until)
    g_main_context_iteration (NULL, TRUE);
  stall_tick_cb (&watch);
  g_source_remove (tick);

  ipms_bench_print_figure ("bulk_undo_stall", n_products, watch.longest, "ms");
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Scrolls the product list `step` px at a time, SCROLL_RUN_FRAMES steps
 * from each of SCROLL_RUNS places spread from its top to its end, and
 * gives the frames' costs. Spreading whole-list coverage over 200 steps
 * instead would make each of them a jump of many pages at 10,000 rows,
 * not the wheel click or the page it stands for. */
static void
measure_list_scroll (GtkScrolledWindow *scrolled,
                     const char        *metric,
                     guint              n_products,
                     double             step)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *cpu_p90 = g_strconcat (metric, "_cpu_p90", NULL);
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  for (guint run = 0; run < SCROLL_RUNS; run++)
    {
      double from = MIN (end * run / SCROLL_RUNS, MAX (end - step * SCROLL_RUN_FRAMES, 0));

      gtk_adjustment_set_value (adjustment, from);
      wait_for_paint (GTK_WIDGET (scrolled));
      for (guint i = 1; i <= SCROLL_RUN_FRAMES && from + (i - 1) * step < end; i++)
        {
          double start = ipms_bench_now_ms ();
          double cpu = ipms_bench_cpu_ms ();
          double call, frame;

          gtk_adjustment_set_value (adjustment, MIN (from + i * step, end));
          call = ipms_bench_now_ms () - start;
          if (wait_for_frame (GTK_WIDGET (scrolled), &frame) >= 0 && frame >= 0)
            {
              g_array_append_val (frames, (double) { call + frame });
              g_array_append_val (cpu_frames, (double) { ipms_bench_cpu_ms () - cpu });
            }
        }
    }

  if (frames->len == 0)
    {
      g_printerr ("note: %s: no frame was painted\n", metric);
      return;
    }

  g_printerr ("note: %s: %u frames over %.0f px\n", metric, frames->len, end);
  print_frame_costs (metric, n_products, frames);
  /* On a loaded machine the wall clock also counts the other processes. */
  ipms_bench_print_figure (cpu_p90, n_products, ipms_bench_percentile (cpu_frames, 0.9), "ms");
}

/* The PRDs section's product list: shown, scrolled a few rows at a time
 * (a wheel) and a page at a time (Page Down), sorted by completeness. */
static void
measure_prd_list (IpmsWindow *window,
                  guint       n_products)
{
  GtkWidget *page, *list, *view;
  GtkScrolledWindow *scrolled;
  g_autoptr(GtkColumnViewColumn) prd = NULL;
  GListModel *columns;
  double start, cpu, painted;

  print_time ("prd_list_show", n_products, measure_show_cpu (window, "prds", &cpu, NULL));
  ipms_bench_print_figure ("prd_list_show_cpu", n_products, cpu, "ms");
  page = ipms_window_get_section_page (window, "prds");
  list = ipms_products_page_get_list (IPMS_PRODUCTS_PAGE (page));

  /* The list takes in its products in the idles after its first frame
   * (see FIRST_ROWS in ipms-product-list.c), a frame each time. */
  start = wall_ms ();
  g_printerr ("note: prd_list_show %u: the last rows came in %.1f ms after the first frame\n",
              n_products, MAX (wait_for_idle_clock (list) - start, 0));
  view = find_widget (list, GTK_TYPE_COLUMN_VIEW);
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW));

  /* A wheel click scrolls about three rows of some 36 px. */
  measure_list_scroll (scrolled, "prd_list_scroll_frame", n_products, 3 * 36.0);
  measure_list_scroll (scrolled, "prd_list_page_frame", n_products,
                       gtk_adjustment_get_page_size (gtk_scrolled_window_get_vadjustment (scrolled)));

  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
  prd = g_list_model_get_item (columns, g_list_model_get_n_items (columns) - 1);
  start = ipms_bench_now_ms ();
  cpu = ipms_bench_cpu_ms ();
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), prd, GTK_SORT_ASCENDING);
  painted = wait_for_paint (view);
  print_time ("prd_list_sort_prd", n_products, painted < 0 ? -1 : painted - start);
  ipms_bench_print_figure ("prd_list_sort_prd_cpu", n_products, ipms_bench_cpu_ms () - cpu, "ms");
}

/* The memory of a window that opened the plan, built its form views
 * ahead and showed the three charts, as a user would have it. */
static void
measure_memory (const char *path,
                guint       n_products)
{
  IpmsWindow *window = open_window (path, "team");

  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (window));
  wait_for_prebuild (window);
  /* What working ahead holds for a user who never opens a chart. */
  g_printerr ("note: rss_all_views %u: %.1f MiB after working ahead, on the first page\n",
              n_products, current_rss_kib () / 1024.0);
  measure_show (window, "panorama");
  measure_show (window, "new-products");
  measure_show (window, "roadmap");

  ipms_bench_print_figure ("rss_all_views", n_products, current_rss_kib () / 1024.0, "MiB");
  g_printerr ("note: rss_all_views %u: heap and other anonymous %.1f MiB, files %.1f MiB, shared memory %.1f MiB\n",
              n_products, status_kib ("RssAnon") / 1024.0, status_kib ("RssFile") / 1024.0,
              status_kib ("RssShmem") / 1024.0);
  ipms_bench_print_figure ("rss_gl_driver", n_products, gl_driver_rss_kib () / 1024.0, "MiB");

  close_window (window);
}

/* measure_memory() in a process of its own: in this one, what the other
 * figures did (a table grown to 1,000 rows, the product list, the pages
 * freed of earlier windows) would count too. */
static void
measure_memory_apart (guint n_products)
{
  g_autofree char *size = g_strdup_printf ("%u", n_products);
  const char *argv[] = { program, "--memory", size, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  /* The figures come out in order. */
  fflush (stdout);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_printerr ("note: rss_all_views %u: not measured: %s\n", n_products, error->message);
}

static void
bench_window (guint n_products)
{
  g_autofree char *path = ipms_bench_generate_project (tmpdir, n_products);
  IpmsWindow *window;

  if (memory_only)
    {
      measure_memory (path, n_products);
      g_unlink (path);
      return;
    }

  if (!forms_only && !prds_only && !charts_only && !panorama_only)
    {
      print_time ("open_paint_team", n_products, measure_open (path, "team"));
      print_time ("open_paint_panorama", n_products, measure_open (path, "panorama"));
    }

  window = open_window (path, "team");
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (window));
  print_time ("prebuild_stall", n_products, wait_for_prebuild (window));

  if (charts_only)
    {
      print_chart_show (window, "new_products_show", "new-products", n_products);
      print_chart_show (window, "roadmap_show", "roadmap", n_products);
      measure_timeline_edits (window, "new-products", n_products);
      measure_timeline_edits (window, "roadmap", n_products);
      close_window (window);
      g_unlink (path);
      return;
    }

  if (panorama_only)
    {
      print_chart_show (window, "panorama_show", "panorama", n_products);
      measure_edits (window, n_products);
      measure_drag (window, n_products);
      measure_bulk_undo (window, n_products);
      close_window (window);
      g_unlink (path);
      return;
    }

  if (!forms_only)
    measure_prd_list (window, n_products);
  if (prds_only)
    {
      close_window (window);
      g_unlink (path);
      return;
    }

  measure_form_build (ipms_window_get_document (window), n_products);
  measure_forms (window, "form_show", n_products);
  measure_form_commits (window, n_products);
  measure_table_scroll (window, n_products);
  if (forms_only)
    {
      close_window (window);
      g_unlink (path);
      return;
    }
  print_chart_show (window, "panorama_show", "panorama", n_products);
  print_chart_show (window, "new_products_show", "new-products", n_products);
  print_chart_show (window, "roadmap_show", "roadmap", n_products);
  measure_memory_apart (n_products);

  measure_timeline_edits (window, "new-products", n_products);
  measure_timeline_edits (window, "roadmap", n_products);
  measure_show (window, "panorama");
  measure_edits (window, n_products);
  measure_drag (window, n_products);
  measure_bulk_undo (window, n_products);

  close_window (window);
  g_unlink (path);
}

/* The forms on the example plan, filled in every field. */
static void
bench_example_forms (void)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  IpmsWindow *window;

  document = ipms_example_new_draft ("en_US.UTF-8", &error);
  g_assert_no_error (error);
  ipms_document_set_view_state (document, "window.section", "panorama");

  window = ipms_window_new (app, document);
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (window));
  print_time ("prebuild_stall", ipms_document_count_rows (document, "product"),
              wait_for_prebuild (window));

  measure_forms (window, "form_show_example", ipms_document_count_rows (document, "product"));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  static const guint default_sizes[] = { 1000, 2000, 10000 };
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;

  for (int i = 1; i < argc; i++)
    {
      guint64 n;

      if (g_str_equal (argv[i], "--forms"))
        {
          forms_only = TRUE;
          continue;
        }
      if (g_str_equal (argv[i], "--prds"))
        {
          prds_only = TRUE;
          continue;
        }
      if (g_str_equal (argv[i], "--charts"))
        {
          charts_only = TRUE;
          continue;
        }
      if (g_str_equal (argv[i], "--panorama"))
        {
          panorama_only = TRUE;
          continue;
        }
      if (g_str_equal (argv[i], "--memory"))
        {
          memory_only = TRUE;
          continue;
        }
      if (!g_ascii_string_to_unsigned (argv[i], 10, 1, 1000000, &n, NULL))
        {
          g_printerr ("usage: %s [--forms | --prds | --charts | --panorama | --memory] [N_PRODUCTS…]\n", argv[0]);
          return EXIT_FAILURE;
        }
      g_array_append_val (sizes, (guint) { (guint) n });
    }
  if (sizes->len == 0)
    g_array_append_vals (sizes, default_sizes, G_N_ELEMENTS (default_sizes));

  gtk_init ();
  adw_init ();

  /* Not the single instance: a bench must never hand its windows to a
   * running IPMS Planner. */
  app = ipms_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  tmpdir = g_dir_make_tmp ("ipms-ui-bench-XXXXXX", &error);
  g_assert_no_error (error);

  program = argv[0];
  if (!prds_only && !charts_only && !panorama_only && !memory_only)
    bench_example_forms ();
  for (guint i = 0; i < sizes->len; i++)
    bench_window (g_array_index (sizes, guint, i));

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  g_rmdir (tmpdir);
  g_free (tmpdir);

  return EXIT_SUCCESS;
}
