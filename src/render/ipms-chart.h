/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/*
 * A chart that can paint itself with cairo, without GTK: the panorama, the
 * new product chart and the roadmap implement it. The canvas widgets paint
 * their static layer through it, and export (PNG/SVG/PDF, from the UI and
 * the command line, with no display) uses the very same code.
 *
 * Coordinates are chart units: 1 unit = 1 px at 100 % zoom, origin top left.
 */

#define IPMS_TYPE_CHART (ipms_chart_get_type ())

G_DECLARE_INTERFACE (IpmsChart, ipms_chart, IPMS, CHART, GObject)

typedef struct
{
  gboolean dark;           /* dark palette */
  gboolean for_print;      /* export: no selection, no hover, no focus marks */
  double   scale;          /* device pixels per chart unit, for hinting */
} IpmsChartPaintOptions;

struct _IpmsChartInterface
{
  GTypeInterface parent_iface;

  /* Size of the whole chart in chart units. */
  void (*get_size) (IpmsChart                   *self,
                    double                      *width,
                    double                      *height);
  void (*paint)    (IpmsChart                   *self,
                    cairo_t                     *cr,
                    const IpmsChartPaintOptions *options);
  /* Optional: lays the chart out for `width` units, or as near as it can,
   * for a view that shows it at its own width rather than scaled. */
  void (*set_width) (IpmsChart                  *self,
                     double                      width);
};

void ipms_chart_get_size (IpmsChart                   *self,
                          double                      *width,
                          double                      *height);
void ipms_chart_paint    (IpmsChart                   *self,
                          cairo_t                     *cr,
                          const IpmsChartPaintOptions *options);
/* FALSE for a chart of a fixed width. */
gboolean ipms_chart_set_width (IpmsChart              *self,
                               double                  width);

G_END_DECLS
