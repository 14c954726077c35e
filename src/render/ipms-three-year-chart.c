/* ipms-three-year-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "ipms-chart-style.h"
#include "ipms-format.h"
#include "ipms-three-year-chart.h"

#define N_YEARS       3
/* The width of an export; a view lays the chart out at its own width, from
 * MIN_WIDTH up, where the plot still holds three years of bars. */
#define DEFAULT_WIDTH 960.0
#define MIN_WIDTH     640.0
#define HEIGHT        560.0
/* Without targets: the title and a line that says so. */
#define EMPTY_HEIGHT  160.0
#define MARGIN        24.0
#define TITLE_HEIGHT  56.0
#define AXIS_WIDTH    72.0
#define YEAR_HEIGHT   32.0
#define LEGEND_HEIGHT 40.0
#define N_TICKS       5
#define MARGIN_DOT    5.0

struct _IpmsThreeYearChart
{
  GObject       parent_instance;

  IpmsDocument *document;
  gboolean      touched;
  double        width;
};

static void chart_iface_init (IpmsChartInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IpmsThreeYearChart, ipms_three_year_chart, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (IPMS_TYPE_CHART, chart_iface_init))

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the chart draws, read from the document for one paint. */
typedef struct
{
  GPtrArray *series;                 /* IpmsRecord, in series order */
  double    *sales;                  /* series × year, row major */
  double     margin[N_YEARS];
  gboolean   has_margin[N_YEARS];
  double     max_sales;
  gboolean   has_targets;
  int        start_year;
  char      *currency;
} Plan;

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->series, g_ptr_array_unref);
  g_clear_pointer (&plan->sales, g_free);
  g_clear_pointer (&plan->currency, g_free);
}

static void
plan_load (IpmsThreeYearChart *self,
           Plan               *plan)
{
  IpmsRecord *project = ipms_document_get_project (self->document);
  g_autoptr(GPtrArray) targets = ipms_document_query (self->document, "yearly_target", NULL, 0, NULL);
  double weighted[N_YEARS] = { 0 }, weight[N_YEARS] = { 0 };
  gboolean total_margin[N_YEARS] = { FALSE };

  memset (plan, 0, sizeof *plan);
  plan->start_year = (int) ipms_record_get_int (project, "start_year");
  plan->currency = g_strdup (ipms_record_get_string (project, "currency"));
  plan->series = ipms_document_query (self->document, "series", NULL, 0, "position");
  plan->sales = g_new0 (double, MAX (plan->series->len, 1) * N_YEARS);

  for (guint i = 0; i < targets->len; i++)
    {
      IpmsRecord *target = g_ptr_array_index (targets, i);
      gint64 year = ipms_record_get_int (target, "year") - plan->start_year;
      gint64 series_id = ipms_record_get_int (target, "series_id");

      if (ipms_record_is_null (target, "year") || year < 0 || year >= N_YEARS)
        continue;

      if (ipms_record_is_null (target, "series_id"))
        {
          /* The product group's own margin target wins over the mix of series. */
          if (!ipms_record_is_null (target, "margin"))
            {
              plan->margin[year] = ipms_record_get_double (target, "margin");
              plan->has_margin[year] = total_margin[year] = TRUE;
            }
          continue;
        }

      for (guint s = 0; s < plan->series->len; s++)
        if (ipms_record_get_id (g_ptr_array_index (plan->series, s)) == series_id)
          {
            double sales = ipms_record_get_double (target, "sales");

            plan->sales[s * N_YEARS + year] += sales;
            plan->max_sales = MAX (plan->max_sales, plan->sales[s * N_YEARS + year]);
            plan->has_targets = TRUE;
            if (!ipms_record_is_null (target, "margin"))
              {
                weighted[year] += ipms_record_get_double (target, "margin") * MAX (sales, 0.0);
                weight[year] += MAX (sales, 0.0);
              }
          }
    }

  for (guint y = 0; y < N_YEARS; y++)
    if (!total_margin[y] && weight[y] > 0)
      {
        plan->margin[y] = weighted[y] / weight[y];
        plan->has_margin[y] = TRUE;
      }
}

/* A round step (1, 2 or 5 times a power of ten) that fits `max` in N_TICKS. */
static double
nice_step (double max)
{
  double raw = max / N_TICKS;
  double magnitude = pow (10.0, floor (log10 (raw)));

  for (guint i = 0; i < 3; i++)
    {
      static const double factors[] = { 1.0, 2.0, 5.0 };

      if (factors[i] * magnitude >= raw)
        return factors[i] * magnitude;
    }

  return 10.0 * magnitude;
}

static char *
format_percent (double value)
{
  /* Translators: a percentage on the three-year chart, as “42 %”; use the
   * spacing your language uses */
  return g_strdup_printf (_("%.0f %%"), value);
}

static void
show_centered (cairo_t         *cr,
               PangoLayout     *layout,
               double           x,
               double           y,
               const IpmsColor *color)
{
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  ipms_chart_style_show_layout (cr, layout, x - width / 2.0, y, color);
}

static void
paint_legend (cairo_t                *cr,
              const IpmsChartPalette *palette,
              const Plan             *plan,
              gboolean                dark,
              double                  width,
              double                  y)
{
  double x = MARGIN + AXIS_WIDTH;

  for (guint s = 0; s < plan->series->len; s++)
    {
      IpmsRecord *series = g_ptr_array_index (plan->series, s);
      IpmsColor color;

      ipms_chart_style_get_series_color (ipms_record_get_string (series, "color"), s, dark, &color);
      x += ipms_chart_style_draw_legend_swatch (cr, palette, x, y, &color, NULL,
                                                ipms_record_get_string (series, "name"));
      if (x > width - MARGIN - 200)
        break;
    }

  {
    double row = ipms_chart_style_legend_row_height ();
    g_autoptr(PangoLayout) label = NULL;

    ipms_chart_style_set_source (cr, &palette->foreground);
    cairo_set_line_width (cr, 2.0);
    cairo_move_to (cr, x, y + row / 2);
    cairo_line_to (cr, x + 24, y + row / 2);
    cairo_stroke (cr);
    cairo_arc (cr, x + 12, y + row / 2, MARGIN_DOT - 1, 0, 2 * G_PI);
    cairo_fill (cr);
    /* Translators: the legend of the margin line on the three-year chart */
    label = ipms_chart_style_create_layout (cr, IPMS_CHART_FONT_BODY, _("Gross margin (right scale)"), -1);
    ipms_chart_style_show_layout (cr, label, x + 30, y + 2, &palette->dim_foreground);
  }
}

static void
ipms_three_year_chart_paint (IpmsChart                   *chart,
                             cairo_t                     *cr,
                             const IpmsChartPaintOptions *options)
{
  IpmsThreeYearChart *self = IPMS_THREE_YEAR_CHART (chart);
  const IpmsChartPalette *palette = ipms_chart_style_get_palette (options->dark);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  g_autofree char *subtitle_text = NULL;
  double plot_x = MARGIN + AXIS_WIDTH;
  double plot_y = MARGIN + TITLE_HEIGHT;
  double plot_w = self->width - 2 * MARGIN - 2 * AXIS_WIDTH;
  double plot_h = HEIGHT - plot_y - MARGIN - YEAR_HEIGHT - LEGEND_HEIGHT;
  double step, axis_max, margin_max = 60.0;
  Plan plan;

  plan_load (self, &plan);

  ipms_chart_style_set_source (cr, &palette->background);
  cairo_paint (cr);

  /* Translators: the title of the three-year plan chart (三年规划) */
  title = ipms_chart_style_create_layout (cr, IPMS_CHART_FONT_TITLE, _("Three-Year Plan"), self->width - 2 * MARGIN);
  ipms_chart_style_show_layout (cr, title, MARGIN, MARGIN, &palette->foreground);
  /* Translators: the subtitle of the three-year chart; %d are the first and last year */
  subtitle_text = g_strdup_printf (_("Sales target by series and gross margin, %d–%d"),
                                   plan.start_year, plan.start_year + N_YEARS - 1);
  subtitle = ipms_chart_style_create_layout (cr, IPMS_CHART_FONT_SMALL, subtitle_text, self->width - 2 * MARGIN);
  ipms_chart_style_show_layout (cr, subtitle, MARGIN, MARGIN + 30, &palette->dim_foreground);

  if (!plan.has_targets)
    {
      /* Translators: shown in place of the three-year chart's bars */
      g_autoptr(PangoLayout) empty = ipms_chart_style_create_layout (cr, IPMS_CHART_FONT_BODY,
                                                                     _("No sales targets by series for these years yet."),
                                                                     plot_w);

      show_centered (cr, empty, self->width / 2, MARGIN + TITLE_HEIGHT + 24, &palette->dim_foreground);
      plan_clear (&plan);
      return;
    }

  step = nice_step (plan.max_sales);
  axis_max = step * ceil (plan.max_sales / step);
  for (guint y = 0; y < N_YEARS; y++)
    if (plan.has_margin[y])
      margin_max = MAX (margin_max, 20.0 * ceil (plan.margin[y] / 20.0));

  /* Grid lines and the two scales. */
  cairo_set_line_width (cr, 1.0);
  for (double value = 0; value <= axis_max + step / 2; value += step)
    {
      double y = plot_y + plot_h - value / axis_max * plot_h;
      g_autofree char *sales = ipms_format_compact (value, plan.currency);
      g_autofree char *percent = format_percent (value / axis_max * margin_max);
      g_autoptr(PangoLayout) left = ipms_chart_style_create_layout (cr, IPMS_CHART_FONT_SMALL, sales, AXIS_WIDTH - 8);
      g_autoptr(PangoLayout) right = ipms_chart_style_create_layout (cr, IPMS_CHART_FONT_SMALL, percent, AXIS_WIDTH - 8);
      int width, height;

      ipms_chart_style_set_source (cr, &palette->grid_line);
      cairo_move_to (cr, plot_x, round (y) + 0.5);
      cairo_line_to (cr, plot_x + plot_w, round (y) + 0.5);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (left, &width, &height);
      ipms_chart_style_show_layout (cr, left, plot_x - 8 - width, y - height / 2.0, &palette->dim_foreground);
      pango_layout_get_pixel_size (right, &width, &height);
      ipms_chart_style_show_layout (cr, right, plot_x + plot_w + 8, y - height / 2.0, &palette->dim_foreground);
    }

  /* The bars, year by year, one per series. */
  for (guint y = 0; y < N_YEARS; y++)
    {
      double group_w = plot_w / N_YEARS;
      double group_x = plot_x + y * group_w;
      double bars_w = group_w * 0.72;
      double bar_w = bars_w / MAX (plan.series->len, 1);
      g_autofree char *year_text = g_strdup_printf ("%d", plan.start_year + (int) y);
      g_autoptr(PangoLayout) year = ipms_chart_style_create_layout (cr, IPMS_CHART_FONT_HEADER, year_text, group_w);

      show_centered (cr, year, group_x + group_w / 2, plot_y + plot_h + 8, &palette->foreground);

      for (guint s = 0; s < plan.series->len; s++)
        {
          IpmsRecord *series = g_ptr_array_index (plan.series, s);
          double value = plan.sales[s * N_YEARS + y];
          double h = MAX (value, 0.0) / axis_max * plot_h;
          double x = group_x + (group_w - bars_w) / 2 + s * bar_w;
          IpmsColor color;

          if (value <= 0)
            continue;

          ipms_chart_style_get_series_color (ipms_record_get_string (series, "color"), s, options->dark, &color);
          ipms_chart_style_set_source (cr, &color);
          ipms_chart_style_rounded_rectangle (cr, x + 2, plot_y + plot_h - h, bar_w - 4, h, MIN (4.0, h / 2));
          cairo_fill (cr);

          if (bar_w >= 44)
            {
              g_autofree char *text = ipms_format_compact (value, NULL);
              g_autoptr(PangoLayout) label = ipms_chart_style_create_layout (cr, IPMS_CHART_FONT_SMALL, text, bar_w);

              show_centered (cr, label, x + bar_w / 2, plot_y + plot_h - h - 18, &palette->foreground);
            }
        }
    }

  /* The margin line over the bars, against the right scale. */
  ipms_chart_style_set_source (cr, &palette->foreground);
  cairo_set_line_width (cr, 2.5);
  {
    gboolean drawing = FALSE;

    for (guint y = 0; y < N_YEARS; y++)
      {
        double x = plot_x + (y + 0.5) * plot_w / N_YEARS;
        double my = plot_y + plot_h - plan.margin[y] / margin_max * plot_h;

        if (!plan.has_margin[y])
          {
            drawing = FALSE;
            continue;
          }
        if (drawing)
          cairo_line_to (cr, x, my);
        else
          cairo_move_to (cr, x, my);
        drawing = TRUE;
      }
    cairo_stroke (cr);
  }

  for (guint y = 0; y < N_YEARS; y++)
    {
      double x = plot_x + (y + 0.5) * plot_w / N_YEARS;
      double my = plot_y + plot_h - plan.margin[y] / margin_max * plot_h;
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) label = NULL;
      int width, height;

      if (!plan.has_margin[y])
        continue;

      ipms_chart_style_set_source (cr, &palette->background);
      cairo_arc (cr, x, my, MARGIN_DOT + 2, 0, 2 * G_PI);
      cairo_fill (cr);
      ipms_chart_style_set_source (cr, &palette->foreground);
      cairo_arc (cr, x, my, MARGIN_DOT, 0, 2 * G_PI);
      cairo_fill (cr);

      text = format_percent (plan.margin[y]);
      label = ipms_chart_style_create_layout (cr, IPMS_CHART_FONT_BODY_BOLD, text, -1);
      pango_layout_get_pixel_size (label, &width, &height);
      ipms_chart_style_set_source (cr, &palette->surface);
      ipms_chart_style_rounded_rectangle (cr, x + 10, my - height - 8, width + 8, height + 4, 4);
      cairo_fill (cr);
      ipms_chart_style_show_layout (cr, label, x + 14, my - height - 6, &palette->foreground);
    }

  paint_legend (cr, palette, &plan, options->dark, self->width, HEIGHT - MARGIN - LEGEND_HEIGHT + 12);
  plan_clear (&plan);
}

static void
ipms_three_year_chart_get_size (IpmsChart *chart,
                                double    *width,
                                double    *height)
{
  Plan plan;

  plan_load (IPMS_THREE_YEAR_CHART (chart), &plan);
  *width = IPMS_THREE_YEAR_CHART (chart)->width;
  *height = plan.has_targets ? HEIGHT : EMPTY_HEIGHT;
  plan_clear (&plan);
}

static void
ipms_three_year_chart_set_width (IpmsChart *chart,
                                 double     width)
{
  IPMS_THREE_YEAR_CHART (chart)->width = MAX (width, MIN_WIDTH);
}

static void
chart_iface_init (IpmsChartInterface *iface)
{
  iface->get_size = ipms_three_year_chart_get_size;
  iface->paint = ipms_three_year_chart_paint;
  iface->set_width = ipms_three_year_chart_set_width;
}

static void
on_row_changed (IpmsThreeYearChart *self,
                const char         *table,
                gint64              id,
                IpmsRowChange       change,
                IpmsDocument       *document)
{
  if (strcmp (table, "yearly_target") == 0 || strcmp (table, "series") == 0 ||
      strcmp (table, "project") == 0)
    self->touched = TRUE;
}

/* Any row may have changed (a bulk step, another program): drawn again. */
static void
on_reloaded (IpmsThreeYearChart *self,
             IpmsDocument       *document)
{
  self->touched = TRUE;
}

static void
on_changes_done (IpmsThreeYearChart *self,
                 IpmsDocument       *document)
{
  if (!self->touched)
    return;

  self->touched = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ipms_three_year_chart_dispose (GObject *object)
{
  IpmsThreeYearChart *self = IPMS_THREE_YEAR_CHART (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ipms_three_year_chart_parent_class)->dispose (object);
}

static void
ipms_three_year_chart_class_init (IpmsThreeYearChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ipms_three_year_chart_dispose;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ipms_three_year_chart_init (IpmsThreeYearChart *self)
{
  self->width = DEFAULT_WIDTH;
}

IpmsThreeYearChart *
ipms_three_year_chart_new (IpmsDocument *document)
{
  IpmsThreeYearChart *self;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  self = g_object_new (IPMS_TYPE_THREE_YEAR_CHART, NULL);
  self->document = g_object_ref (document);
  g_signal_connect_swapped (document, "row-changed", G_CALLBACK (on_row_changed), self);
  g_signal_connect_swapped (document, "reloaded", G_CALLBACK (on_reloaded), self);
  g_signal_connect_swapped (document, "changes-done", G_CALLBACK (on_changes_done), self);

  return self;
}
