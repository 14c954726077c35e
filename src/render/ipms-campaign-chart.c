/* ipms-campaign-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "ipms-campaign-chart.h"
#include "ipms-chart-style.h"

#define WIDTH         960.0
#define MARGIN        16.0
#define MONTH_HEIGHT  28.0
#define ROW_HEIGHT    34.0
#define BAR_HEIGHT    24.0
#define FOOT_HEIGHT   28.0

struct _IpmsCampaignChart
{
  GObject       parent_instance;

  IpmsDocument *document;
  gboolean      touched;
};

static void chart_iface_init (IpmsChartInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IpmsCampaignChart, ipms_campaign_chart, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (IPMS_TYPE_CHART, chart_iface_init))

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Day of the year (0-based) of an ISO date, clamped to the plan year;
 * FALSE when the date is missing or invalid. */
static gboolean
day_in_year (const char *iso,
             int         year,
             int        *day)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;

  if (iso == NULL || iso[0] == '\0')
    return FALSE;

  text = g_strconcat (iso, "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (text, NULL);
  if (date == NULL)
    return FALSE;

  if (g_date_time_get_year (date) < year)
    *day = -1;
  else if (g_date_time_get_year (date) > year)
    *day = 366;
  else
    *day = g_date_time_get_day_of_year (date) - 1;

  return TRUE;
}

typedef struct
{
  IpmsRecord *campaign;
  int         start;
  int         end;
} Bar;

static void
clear_bar (gpointer data)
{
  g_clear_object (&((Bar *) data)->campaign);
}

/* The campaigns that show in the plan year, and how many do not. */
static GArray *
load_bars (IpmsCampaignChart *self,
           int               *year,
           guint             *n_left_out)
{
  g_autoptr(GPtrArray) campaigns = ipms_document_query (self->document, "campaign", NULL, 0, "start_date");
  GArray *bars = g_array_new (FALSE, FALSE, sizeof (Bar));

  g_array_set_clear_func (bars, clear_bar);

  *year = (int) ipms_record_get_int (ipms_document_get_project (self->document), "plan_year");
  *n_left_out = 0;

  for (guint i = 0; i < campaigns->len; i++)
    {
      IpmsRecord *campaign = g_ptr_array_index (campaigns, i);
      Bar bar = { campaign, 0, 0 };

      if (!day_in_year (ipms_record_get_string (campaign, "start_date"), *year, &bar.start) ||
          !day_in_year (ipms_record_get_string (campaign, "end_date"), *year, &bar.end) ||
          bar.end < 0 || bar.start > 365 || bar.end < bar.start)
        {
          (*n_left_out)++;
          continue;
        }

      bar.campaign = g_object_ref (campaign);
      g_array_append_val (bars, bar);
    }

  return bars;
}

static int
days_in_year (int year)
{
  return g_date_is_leap_year ((GDateYear) year) ? 366 : 365;
}

static void
ipms_campaign_chart_get_size (IpmsChart *chart,
                              double    *width,
                              double    *height)
{
  IpmsCampaignChart *self = IPMS_CAMPAIGN_CHART (chart);
  g_autoptr(GArray) bars = NULL;
  guint n_left_out;
  int year;

  bars = load_bars (self, &year, &n_left_out);
  *width = WIDTH;
  *height = 2 * MARGIN + MONTH_HEIGHT + MAX (bars->len, 1) * ROW_HEIGHT + FOOT_HEIGHT;
}

static void
ipms_campaign_chart_paint (IpmsChart                   *chart,
                           cairo_t                     *cr,
                           const IpmsChartPaintOptions *options)
{
  IpmsCampaignChart *self = IPMS_CAMPAIGN_CHART (chart);
  const IpmsChartPalette *palette = ipms_chart_style_get_palette (options->dark);
  g_autoptr(GArray) bars = NULL;
  double width, height, plot_w = WIDTH - 2 * MARGIN;
  double top = MARGIN + MONTH_HEIGHT;
  guint n_left_out;
  int year, n_days;

  bars = load_bars (self, &year, &n_left_out);
  n_days = days_in_year (year);
  ipms_campaign_chart_get_size (chart, &width, &height);

  ipms_chart_style_set_source (cr, &palette->background);
  cairo_paint (cr);

  /* Months: a header and a line at the start of each. */
  for (int m = 1; m <= 12; m++)
    {
      g_autoptr(GDateTime) first = g_date_time_new_utc (year, m, 1, 0, 0, 0);
      double x = MARGIN + (g_date_time_get_day_of_year (first) - 1) * plot_w / n_days;
      double next = m < 12 ? MARGIN + (g_date_time_get_day_of_year (first) - 1 +
                                       g_date_get_days_in_month ((GDateMonth) m, (GDateYear) year)) * plot_w / n_days
                           : MARGIN + plot_w;
      /* Translators: a month on the campaign strip, strftime format: “Mar” */
      g_autofree char *name = g_date_time_format (first, C_("campaign strip month", "%b"));
      g_autoptr(PangoLayout) label = ipms_chart_style_create_layout (cr, IPMS_CHART_FONT_SMALL, name, next - x - 4);
      int lw, lh;

      if (m % 2 == 0)
        {
          ipms_chart_style_set_source (cr, &palette->header);
          cairo_rectangle (cr, x, MARGIN, next - x, height - 2 * MARGIN - FOOT_HEIGHT);
          cairo_fill (cr);
        }

      pango_layout_get_pixel_size (label, &lw, &lh);
      ipms_chart_style_show_layout (cr, label, x + (next - x - lw) / 2, MARGIN + (MONTH_HEIGHT - lh) / 2,
                                    &palette->dim_foreground);
    }

  for (guint i = 0; i < bars->len; i++)
    {
      Bar *bar = &g_array_index (bars, Bar, i);
      int start = CLAMP (bar->start, 0, n_days - 1);
      int end = CLAMP (bar->end, 0, n_days - 1);
      double x = MARGIN + start * plot_w / n_days;
      double w = MAX ((end - start + 1) * plot_w / n_days, 6.0);
      double y = top + i * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
      const char *name = ipms_record_get_string (bar->campaign, "name");
      g_autoptr(PangoLayout) label = NULL;
      IpmsColor color;
      int lw, lh;

      ipms_chart_style_get_series_color (NULL, i, options->dark, &color);
      ipms_chart_style_set_source (cr, &color);
      ipms_chart_style_rounded_rectangle (cr, x, y, w, BAR_HEIGHT, 5);
      cairo_fill (cr);

      /* The name inside the bar when it fits, else after it (or before it
       * at the end of the year). */
      label = ipms_chart_style_create_layout (cr, IPMS_CHART_FONT_BODY_BOLD, name, -1);
      pango_layout_get_pixel_size (label, &lw, &lh);
      if (lw + 12 <= w)
        ipms_chart_style_show_layout (cr, label, x + 6, y + (BAR_HEIGHT - lh) / 2, &palette->on_accent);
      else if (x + w + 6 + lw <= MARGIN + plot_w)
        ipms_chart_style_show_layout (cr, label, x + w + 6, y + (BAR_HEIGHT - lh) / 2, &palette->foreground);
      else
        {
          g_clear_object (&label);
          label = ipms_chart_style_create_layout (cr, IPMS_CHART_FONT_BODY_BOLD, name, MAX (x - MARGIN - 6, 40));
          pango_layout_get_pixel_size (label, &lw, &lh);
          ipms_chart_style_show_layout (cr, label, x - 6 - lw, y + (BAR_HEIGHT - lh) / 2, &palette->foreground);
        }
    }

  {
    g_autofree char *text = NULL;
    g_autoptr(PangoLayout) foot = NULL;

    if (bars->len == 0)
      /* Translators: under the campaign strip when no campaign falls in the year */
      text = g_strdup_printf (_("No campaign with dates in %d yet."), year);
    else if (n_left_out > 0)
      /* Translators: under the campaign strip; %u campaigns lack dates or fall outside the year %d */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u campaign without dates or outside %d is not shown.",
                                           "%u campaigns without dates or outside %d are not shown.", n_left_out),
                              n_left_out, year);
    else
      /* Translators: under the campaign strip; %d is the plan year */
      text = g_strdup_printf (_("Key campaigns of %d"), year);

    foot = ipms_chart_style_create_layout (cr, IPMS_CHART_FONT_SMALL, text, plot_w);
    ipms_chart_style_show_layout (cr, foot, MARGIN, height - MARGIN - FOOT_HEIGHT + 8, &palette->dim_foreground);
  }
}

static void
chart_iface_init (IpmsChartInterface *iface)
{
  iface->get_size = ipms_campaign_chart_get_size;
  iface->paint = ipms_campaign_chart_paint;
}

static void
on_row_changed (IpmsCampaignChart *self,
                const char        *table,
                gint64             id,
                IpmsRowChange      change,
                IpmsDocument      *document)
{
  if (strcmp (table, "campaign") == 0 || strcmp (table, "project") == 0)
    self->touched = TRUE;
}

/* Any row may have changed (a bulk step, another program): drawn again. */
static void
on_reloaded (IpmsCampaignChart *self,
             IpmsDocument      *document)
{
  self->touched = TRUE;
}

static void
on_changes_done (IpmsCampaignChart *self,
                 IpmsDocument      *document)
{
  if (!self->touched)
    return;

  self->touched = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ipms_campaign_chart_dispose (GObject *object)
{
  IpmsCampaignChart *self = IPMS_CAMPAIGN_CHART (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ipms_campaign_chart_parent_class)->dispose (object);
}

static void
ipms_campaign_chart_class_init (IpmsCampaignChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ipms_campaign_chart_dispose;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ipms_campaign_chart_init (IpmsCampaignChart *self)
{
}

IpmsCampaignChart *
ipms_campaign_chart_new (IpmsDocument *document)
{
  IpmsCampaignChart *self;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  self = g_object_new (IPMS_TYPE_CAMPAIGN_CHART, NULL);
  self->document = g_object_ref (document);
  g_signal_connect_swapped (document, "row-changed", G_CALLBACK (on_row_changed), self);
  g_signal_connect_swapped (document, "reloaded", G_CALLBACK (on_reloaded), self);
  g_signal_connect_swapped (document, "changes-done", G_CALLBACK (on_changes_done), self);

  return self;
}
