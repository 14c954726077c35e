/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The time scale shared by the new product chart and the roadmap: where a
 * day lies on screen at a zoom, what the two-row header says, and where a
 * dragged date snaps to.
 *
 * Days are Julian day numbers as GDate counts them (1 = 0001-01-01). The
 * axis starts at `first_day` (x = 0) and ends after `last_day`.
 *
 * The scale follows the zoom: the shown unit is what the lower header row
 * counts in, and dates snap one unit below it:
 *   WEEK     month over weeks     snaps to days
 *   MONTH    quarter over months  snaps to weeks (Mondays)
 *   QUARTER  year over quarters   snaps to months
 *   YEAR     year over quarters   snaps to quarters (years are the unit
 *            read off the chart; the quarters only subdivide them)
 */

typedef enum
{
  IPMS_TIME_UNIT_DAY,
  IPMS_TIME_UNIT_WEEK,
  IPMS_TIME_UNIT_MONTH,
  IPMS_TIME_UNIT_QUARTER,
  IPMS_TIME_UNIT_YEAR,
} IpmsTimeUnit;

typedef enum
{
  IPMS_TIME_SCALE_WEEK,
  IPMS_TIME_SCALE_MONTH,
  IPMS_TIME_SCALE_QUARTER,
  IPMS_TIME_SCALE_YEAR,
} IpmsTimeScale;

typedef struct
{
  guint32 first_day;
  guint32 last_day;      /* inclusive */
  double  px_per_day;
} IpmsTimeAxis;

/* One cell of a header row: the days [start, end) and its labels; the
 * short label is used when the long one does not fit. */
typedef struct
{
  guint32  start;
  guint32  end;
  char    *label;
  char    *short_label;
} IpmsTimeTick;

/* Units and days */
guint32       ipms_time_unit_floor          (IpmsTimeUnit        unit,
                                             guint32             day);
guint32       ipms_time_unit_add            (IpmsTimeUnit        unit,
                                             guint32             day,
                                             int                 n);
/* The boundary of `unit` nearest to the (fractional) day; for days, the
 * day it falls in. */
guint32       ipms_time_unit_round          (IpmsTimeUnit        unit,
                                             double              day);

guint32       ipms_time_day_from_iso        (const char         *iso_date);
/* "YYYY-MM-DD"; free with g_free(). */
char         *ipms_time_day_to_iso          (guint32             day);
guint32       ipms_time_day_from_dmy        (int                 day,
                                             int                 month,
                                             int                 year);
guint32       ipms_time_today               (void);
int           ipms_time_day_get_year        (guint32             day);

/* Zoom levels, from wide weeks (0) to several years per screen. */
guint         ipms_time_zoom_get_n_levels   (void);
double        ipms_time_zoom_get_px_per_day (guint               level);
guint         ipms_time_zoom_nearest_level  (double              px_per_day);

IpmsTimeScale ipms_time_scale_for_px_per_day (double             px_per_day);
IpmsTimeUnit  ipms_time_scale_get_unit      (IpmsTimeScale       scale);
IpmsTimeUnit  ipms_time_scale_get_snap_unit (IpmsTimeScale       scale);

/* The axis */
void          ipms_time_axis_init           (IpmsTimeAxis       *axis,
                                             guint32             first_day,
                                             guint32             last_day,
                                             double              px_per_day);
double        ipms_time_axis_get_width      (const IpmsTimeAxis *axis);
IpmsTimeScale ipms_time_axis_get_scale      (const IpmsTimeAxis *axis);
/* The left edge of the day. */
double        ipms_time_axis_day_to_x       (const IpmsTimeAxis *axis,
                                             guint32             day);
/* Fractional day at x; never before day 1. */
double        ipms_time_axis_x_to_day       (const IpmsTimeAxis *axis,
                                             double              x);
/* The day at x snapped to the axis's snap unit. */
guint32       ipms_time_axis_snap_x         (const IpmsTimeAxis *axis,
                                             double              x);
/* A day snapped to the axis's snap unit. */
guint32       ipms_time_axis_snap_day       (const IpmsTimeAxis *axis,
                                             double              day);
/* One keyboard nudge: a snap unit, or with `large` a shown unit. */
guint32       ipms_time_axis_nudge          (const IpmsTimeAxis *axis,
                                             guint32             day,
                                             int                 steps,
                                             gboolean            large);

/* Header rows: 0 is the upper (coarser) row, 1 the lower. Cells are clipped
 * to the axis. Free with g_array_unref(). */
GArray       *ipms_time_axis_dup_ticks      (const IpmsTimeAxis *axis,
                                             guint               row);

G_END_DECLS
