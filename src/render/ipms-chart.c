/* ipms-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-chart.h"

G_DEFINE_INTERFACE (IpmsChart, ipms_chart, G_TYPE_OBJECT)

static void
ipms_chart_default_init (IpmsChartInterface *iface)
{
}

void
ipms_chart_get_size (IpmsChart *self,
                     double    *width,
                     double    *height)
{
  g_return_if_fail (IPMS_IS_CHART (self));

  IPMS_CHART_GET_IFACE (self)->get_size (self, width, height);
}

void
ipms_chart_paint (IpmsChart                   *self,
                  cairo_t                     *cr,
                  const IpmsChartPaintOptions *options)
{
  g_return_if_fail (IPMS_IS_CHART (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (options != NULL);

  IPMS_CHART_GET_IFACE (self)->paint (self, cr, options);
}

gboolean
ipms_chart_set_width (IpmsChart *self,
                      double     width)
{
  IpmsChartInterface *iface;

  g_return_val_if_fail (IPMS_IS_CHART (self), FALSE);

  iface = IPMS_CHART_GET_IFACE (self);
  if (iface->set_width == NULL)
    return FALSE;

  iface->set_width (self, width);
  return TRUE;
}
