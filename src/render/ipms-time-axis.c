/* ipms-time-axis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "ipms-time-axis.h"

/* Wide enough at the slowest level of each scale that a header cell holds
 * its label: a week at 15 px/day is 105 px, a month at 3.5 px/day 106 px,
 * a quarter at 1.2 px/day 110 px and a year at 0.3 px/day 110 px. */
static const double zoom_levels[] = {
  48, 32, 22, 15,
  10, 7, 5, 3.5,
  2.5, 1.8, 1.2,
  0.8, 0.5, 0.3,
};

static GDate
date_from_day (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, MAX (day, 1));
  return date;
}

guint32
ipms_time_day_from_dmy (int day,
                        int month,
                        int year)
{
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;

  GDate date;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/* The digits at `text`, which are `n` of them. */
static int
parse_digits (const char *text,
              guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (text[i] - '0');
  return value;
}

/* A chart reads the dates of 10,000 products at each layout: the day is
 * counted here as GDate counts it (day 1 is 1 January of year 1, in the
 * Gregorian calendar), without a GDate and three string conversions. */
guint32
ipms_time_day_from_iso (const char *iso_date)
{
  static const int days_before_month[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
  int day, month, year, years;
  gboolean leap;

  /* Each character is looked at only when those before it were not the end. */
  if (iso_date == NULL)
    return 0;
  for (guint i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? iso_date[i] != '-' : !g_ascii_isdigit (iso_date[i]))
      return 0;
  if (iso_date[10] != '\0')
    return 0;

  year = parse_digits (iso_date, 4);
  month = parse_digits (iso_date + 5, 2);
  day = parse_digits (iso_date + 8, 2);
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;

  leap = g_date_is_leap_year ((GDateYear) year);
  years = year - 1;
  return (guint32) (years * 365 + years / 4 - years / 100 + years / 400 +
                    days_before_month[month - 1] + (leap && month > 2 ? 1 : 0) + day);
}

char *
ipms_time_day_to_iso (guint32 day)
{
  GDate date = date_from_day (day);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (&date),
                          (guint) g_date_get_month (&date),
                          (guint) g_date_get_day (&date));
}

guint32
ipms_time_today (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_time_t (&date, time (NULL));
  return g_date_get_julian (&date);
}

int
ipms_time_day_get_year (guint32 day)
{
  GDate date = date_from_day (day);

  return g_date_get_year (&date);
}

guint32
ipms_time_unit_floor (IpmsTimeUnit unit,
                      guint32      day)
{
  GDate date = date_from_day (day);
  guint month = g_date_get_month (&date);

  switch (unit)
    {
    case IPMS_TIME_UNIT_DAY:
      return g_date_get_julian (&date);
    case IPMS_TIME_UNIT_WEEK:
      return g_date_get_julian (&date) - (g_date_get_weekday (&date) - G_DATE_MONDAY);
    case IPMS_TIME_UNIT_MONTH:
      return ipms_time_day_from_dmy (1, (int) month, g_date_get_year (&date));
    case IPMS_TIME_UNIT_QUARTER:
      return ipms_time_day_from_dmy (1, (int) ((month - 1) / 3 * 3 + 1), g_date_get_year (&date));
    case IPMS_TIME_UNIT_YEAR:
      return ipms_time_day_from_dmy (1, 1, g_date_get_year (&date));
    default:
      g_return_val_if_reached (day);
    }
}

guint32
ipms_time_unit_add (IpmsTimeUnit unit,
                    guint32      day,
                    int          n)
{
  GDate date = date_from_day (day);
  guint count = (guint) ABS (n);

  switch (unit)
    {
    case IPMS_TIME_UNIT_DAY:
    case IPMS_TIME_UNIT_WEEK:
      count *= unit == IPMS_TIME_UNIT_WEEK ? 7 : 1;
      if (n >= 0)
        g_date_add_days (&date, count);
      else
        g_date_subtract_days (&date, MIN (count, g_date_get_julian (&date) - 1));
      break;
    case IPMS_TIME_UNIT_MONTH:
    case IPMS_TIME_UNIT_QUARTER:
      count *= unit == IPMS_TIME_UNIT_QUARTER ? 3 : 1;
      if (n >= 0)
        g_date_add_months (&date, count);
      else
        g_date_subtract_months (&date, MIN (count, (g_date_get_year (&date) - 1) * 12u));
      break;
    case IPMS_TIME_UNIT_YEAR:
      if (n >= 0)
        g_date_add_years (&date, count);
      else
        g_date_subtract_years (&date, MIN (count, g_date_get_year (&date) - 1u));
      break;
    default:
      g_return_val_if_reached (day);
    }

  return g_date_get_julian (&date);
}

guint32
ipms_time_unit_round (IpmsTimeUnit unit,
                      double       day)
{
  guint32 whole = (guint32) MAX (1.0, floor (day));
  guint32 before, after;

  /* A day is the day under the point, not the nearer midnight. */
  if (unit == IPMS_TIME_UNIT_DAY)
    return whole;

  before = ipms_time_unit_floor (unit, whole);
  after = ipms_time_unit_add (unit, before, 1);

  return day - before < after - day ? before : after;
}

guint
ipms_time_zoom_get_n_levels (void)
{
  return G_N_ELEMENTS (zoom_levels);
}

double
ipms_time_zoom_get_px_per_day (guint level)
{
  return zoom_levels[MIN (level, G_N_ELEMENTS (zoom_levels) - 1)];
}

guint
ipms_time_zoom_nearest_level (double px_per_day)
{
  guint best = 0;

  /* Compared in log space: 0.3 and 0.5 are as far apart as 30 and 50. */
  for (guint i = 1; i < G_N_ELEMENTS (zoom_levels); i++)
    if (fabs (log (zoom_levels[i] / px_per_day)) < fabs (log (zoom_levels[best] / px_per_day)))
      best = i;

  return best;
}

IpmsTimeScale
ipms_time_scale_for_px_per_day (double px_per_day)
{
  if (px_per_day >= 15)
    return IPMS_TIME_SCALE_WEEK;
  if (px_per_day >= 3.5)
    return IPMS_TIME_SCALE_MONTH;
  if (px_per_day >= 1.2)
    return IPMS_TIME_SCALE_QUARTER;
  return IPMS_TIME_SCALE_YEAR;
}

IpmsTimeUnit
ipms_time_scale_get_unit (IpmsTimeScale scale)
{
  switch (scale)
    {
    case IPMS_TIME_SCALE_WEEK:
      return IPMS_TIME_UNIT_WEEK;
    case IPMS_TIME_SCALE_MONTH:
      return IPMS_TIME_UNIT_MONTH;
    case IPMS_TIME_SCALE_QUARTER:
      return IPMS_TIME_UNIT_QUARTER;
    case IPMS_TIME_SCALE_YEAR:
    default:
      return IPMS_TIME_UNIT_YEAR;
    }
}

IpmsTimeUnit
ipms_time_scale_get_snap_unit (IpmsTimeScale scale)
{
  return ipms_time_scale_get_unit (scale) - 1;
}

void
ipms_time_axis_init (IpmsTimeAxis *axis,
                     guint32       first_day,
                     guint32       last_day,
                     double        px_per_day)
{
  g_return_if_fail (axis != NULL);
  g_return_if_fail (px_per_day > 0);

  axis->first_day = MAX (first_day, 1);
  axis->last_day = MAX (last_day, axis->first_day);
  axis->px_per_day = px_per_day;
}

double
ipms_time_axis_get_width (const IpmsTimeAxis *axis)
{
  return (axis->last_day - axis->first_day + 1) * axis->px_per_day;
}

IpmsTimeScale
ipms_time_axis_get_scale (const IpmsTimeAxis *axis)
{
  return ipms_time_scale_for_px_per_day (axis->px_per_day);
}

double
ipms_time_axis_day_to_x (const IpmsTimeAxis *axis,
                         guint32             day)
{
  return ((double) day - (double) axis->first_day) * axis->px_per_day;
}

double
ipms_time_axis_x_to_day (const IpmsTimeAxis *axis,
                         double              x)
{
  return MAX (1.0, axis->first_day + x / axis->px_per_day);
}

guint32
ipms_time_axis_snap_day (const IpmsTimeAxis *axis,
                         double              day)
{
  return ipms_time_unit_round (ipms_time_scale_get_snap_unit (ipms_time_axis_get_scale (axis)), day);
}

guint32
ipms_time_axis_snap_x (const IpmsTimeAxis *axis,
                       double              x)
{
  return ipms_time_axis_snap_day (axis, ipms_time_axis_x_to_day (axis, x));
}

guint32
ipms_time_axis_nudge (const IpmsTimeAxis *axis,
                      guint32             day,
                      int                 steps,
                      gboolean            large)
{
  IpmsTimeScale scale = ipms_time_axis_get_scale (axis);
  IpmsTimeUnit unit = large ? ipms_time_scale_get_unit (scale) : ipms_time_scale_get_snap_unit (scale);

  /* Days and months keep their day of month (and weekday for weeks); only
   * the step is in the unit, so a nudge and its opposite cancel out. */
  return ipms_time_unit_add (unit, day, steps);
}

static char *
month_abbreviation (guint month)
{
  static const char * const names[] = {
    /* Translators: abbreviated month names on the time axis; in Chinese "1月" … "12月" */
    NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
    NC_("month", "May"), NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"),
    NC_("month", "Sep"), NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
  };

  return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "month", names[month - 1]));
}

static void
tick_labels (IpmsTimeUnit  unit,
             gboolean      with_year,
             guint32       day,
             char        **label,
             char        **short_label)
{
  GDate date = date_from_day (day);
  int year = g_date_get_year (&date);
  guint month = g_date_get_month (&date);
  guint quarter = (month - 1) / 3 + 1;

  switch (unit)
    {
    case IPMS_TIME_UNIT_YEAR:
      /* Translators: a year on the time axis header; in Chinese "%d年" */
      *label = g_strdup_printf (C_("time axis year", "%d"), year);
      /* A partial first year shows the short label: "2024" among "2025年"
       * cells reads as a different unit, so both are the translated year. */
      *short_label = g_strdup (*label);
      break;

    case IPMS_TIME_UNIT_QUARTER:
      if (with_year)
        /* Translators: quarter and year on the time axis header, "Q1 2027";
         * in Chinese "%2$d年第%1$d季度" */
        *label = g_strdup_printf (C_("time axis", "Q%1$d %2$d"), quarter, year);
      else
        /* Translators: a quarter on the time axis header; in Chinese "第%d季度" */
        *label = g_strdup_printf (C_("time axis", "Q%d"), quarter);
      /* Translators: a quarter where space is short; in Chinese "Q%d" too */
      *short_label = g_strdup_printf (C_("time axis short", "Q%d"), quarter);
      break;

    case IPMS_TIME_UNIT_MONTH:
      {
        g_autofree char *name = month_abbreviation (month);

        if (with_year)
          /* Translators: month abbreviation and year, "Mar 2027"; in Chinese "%2$d年%1$s" */
          *label = g_strdup_printf (C_("time axis", "%1$s %2$d"), name, year);
        else
          *label = g_strdup (name);
        *short_label = g_strdup_printf ("%u", month);
      }
      break;

    case IPMS_TIME_UNIT_WEEK:
    case IPMS_TIME_UNIT_DAY:
    default:
      /* Translators: the day of month a week starts on, on the time axis
       * header; in Chinese "%d日" */
      *label = g_strdup_printf (C_("time axis week start", "%d"), (int) g_date_get_day (&date));
      *short_label = g_strdup_printf ("%d", (int) g_date_get_day (&date));
      break;
    }
}

static void
clear_tick (gpointer data)
{
  IpmsTimeTick *tick = data;

  g_clear_pointer (&tick->label, g_free);
  g_clear_pointer (&tick->short_label, g_free);
}

/* Header cells are counted by index: whole units since 0001-01-01, so that
 * the number of cells is known before the first one is made. Julian day 1
 * is a Monday, so weeks are plain sevens. */
static gint64
unit_index (IpmsTimeUnit unit,
            guint32      day)
{
  GDate date = date_from_day (day);
  gint64 month = (gint64) (g_date_get_year (&date) - 1) * 12 + g_date_get_month (&date) - 1;

  switch (unit)
    {
    case IPMS_TIME_UNIT_DAY:
      return MAX (day, 1);
    case IPMS_TIME_UNIT_WEEK:
      return (MAX (day, 1) - 1) / 7;
    case IPMS_TIME_UNIT_MONTH:
      return month;
    case IPMS_TIME_UNIT_QUARTER:
      return month / 3;
    case IPMS_TIME_UNIT_YEAR:
    default:
      return g_date_get_year (&date);
    }
}

/* The first day of the unit with that index; days before 0001-01-01 are
 * day 1, and days past what GDate counts are G_MAXUINT32. */
static guint32
unit_index_start (IpmsTimeUnit unit,
                  gint64       index)
{
  gint64 month;

  switch (unit)
    {
    case IPMS_TIME_UNIT_DAY:
      return (guint32) CLAMP (index, 1, G_MAXUINT32);
    case IPMS_TIME_UNIT_WEEK:
      return (guint32) CLAMP (index * 7 + 1, 1, G_MAXUINT32);
    case IPMS_TIME_UNIT_MONTH:
    case IPMS_TIME_UNIT_QUARTER:
    case IPMS_TIME_UNIT_YEAR:
    default:
      month = unit == IPMS_TIME_UNIT_MONTH ? index : unit == IPMS_TIME_UNIT_QUARTER ? index * 3 : (index - 1) * 12;
      if (month < 0)
        return 1;
      if (month / 12 + 1 > G_MAXUINT16)
        return G_MAXUINT32;
      return ipms_time_day_from_dmy (1, (int) (month % 12 + 1), (int) (month / 12 + 1));
    }
}

GArray *
ipms_time_axis_dup_ticks (const IpmsTimeAxis *axis,
                          guint               row)
{
  /* A row whose cells would be too many or too narrow to read counts in a
   * coarser unit, and past years in several years a cell: a plan from 0001
   * to 9999 is a header of a few hundred cells, not 40,000 quarters. The
   * zoom levels themselves never need this (their narrowest cells are
   * quarters of 27 px under years of 110 px). */
  static const guint years_per_cell[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000 };
  static const double unit_days[] = { 1, 7, 30.44, 91.31, 365.25 };
  const guint max_cells = 1000;
  double min_width = row == 0 ? 48 : 8;
  IpmsTimeScale scale = ipms_time_axis_get_scale (axis);
  IpmsTimeUnit unit;
  gboolean with_year = FALSE;
  GArray *ticks = g_array_new (FALSE, TRUE, sizeof (IpmsTimeTick));
  guint32 end = axis->last_day + 1;
  gint64 first, n_cells;
  guint step = 1;

  g_array_set_clear_func (ticks, clear_tick);

  if (row == 0)
    {
      unit = ipms_time_scale_get_unit (scale) + 1;
      if (scale == IPMS_TIME_SCALE_YEAR)
        unit = IPMS_TIME_UNIT_YEAR;
      with_year = unit != IPMS_TIME_UNIT_YEAR;
    }
  else
    {
      unit = ipms_time_scale_get_unit (scale);
      if (scale == IPMS_TIME_SCALE_YEAR)
        unit = IPMS_TIME_UNIT_QUARTER;
    }

  while (unit < IPMS_TIME_UNIT_YEAR &&
         (unit_index (unit, axis->last_day) - unit_index (unit, axis->first_day) + 1 > max_cells ||
          unit_days[unit] * axis->px_per_day < min_width))
    unit++;
  if (unit == IPMS_TIME_UNIT_YEAR)
    with_year = FALSE;

  first = unit_index (unit, axis->first_day);
  n_cells = unit_index (unit, axis->last_day) - first + 1;
  if (unit == IPMS_TIME_UNIT_YEAR)
    for (guint i = 0;
         i < G_N_ELEMENTS (years_per_cell) &&
         (n_cells > max_cells * step || step * unit_days[unit] * axis->px_per_day < min_width);
         i++)
      step = years_per_cell[i];
  /* Cells of several years start on a round year (2000, 2050). */
  first -= first % step;
  n_cells = (unit_index (unit, axis->last_day) - first) / step + 1;

  for (gint64 i = 0; i < n_cells; i++)
    {
      guint32 day = unit_index_start (unit, first + i * step);
      guint32 next = unit_index_start (unit, first + (i + 1) * step);
      IpmsTimeTick tick = { MAX (day, axis->first_day), MIN (next, end), NULL, NULL };

      tick_labels (unit, with_year, day, &tick.label, &tick.short_label);
      g_array_append_val (ticks, tick);
    }

  return ticks;
}
