/* ipms-chart-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "ipms-chart-export.h"
#include "ipms-chart-style.h"
#include "ipms-export-task.h"
#include "ipms-new-products-chart.h"
#include "ipms-panorama-chart.h"
#include "ipms-roadmap-chart.h"
#include "ipms-three-year-chart.h"

/* Chart units are CSS px (1/96 in); PDF and SVG surfaces measure in points. */
#define POINTS_PER_UNIT (72.0 / 96.0)
#define DEFAULT_PNG_DPI 192.0

typedef IpmsChart *(*ChartConstructor) (IpmsDocument *document);

/* Timeline charts add their rows here. */
static const struct {
  const char       *kind;
  ChartConstructor  constructor;
} chart_kinds[] = {
  { "panorama", (ChartConstructor) ipms_panorama_chart_new },
  { "new-products", (ChartConstructor) ipms_new_products_chart_new },
  { "roadmap", (ChartConstructor) ipms_roadmap_chart_new },
  { "three-year-plan", (ChartConstructor) ipms_three_year_chart_new },
};

const char * const *
ipms_chart_get_kinds (void)
{
  static const char *kinds[G_N_ELEMENTS (chart_kinds) + 1];

  if (kinds[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (chart_kinds); i++)
      kinds[i] = chart_kinds[i].kind;

  return kinds;
}

IpmsChart *
ipms_chart_new_for_kind (IpmsDocument  *document,
                         const char    *kind,
                         GError       **error)
{
  g_autofree char *known = NULL;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (chart_kinds); i++)
    if (strcmp (chart_kinds[i].kind, kind) == 0)
      return chart_kinds[i].constructor (document);

  known = g_strjoinv (", ", (char **) ipms_chart_get_kinds ());
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               /* Translators: the first %s is what the user asked for, the
                * second the list of chart names the program knows */
               _("Unknown chart “%s”; the charts are: %s"), kind, known);
  return NULL;
}

typedef enum
{
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} ExportFormat;

static gboolean
format_for_path (const char    *path,
                 ExportFormat  *format,
                 GError       **error)
{
  const char *dot = strrchr (path, '.');

  if (dot != NULL && g_ascii_strcasecmp (dot, ".png") == 0)
    *format = FORMAT_PNG;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = FORMAT_SVG;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = FORMAT_PDF;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot tell the format of “%s”: use a name ending in .png, .svg or .pdf"),
                   path);
      return FALSE;
    }

  return TRUE;
}

/* Page size and margin in points, portrait. */
static void
page_points (IpmsPageSize  page,
             double       *width,
             double       *height,
             double       *margin)
{
  switch (page)
    {
    case IPMS_PAGE_A4:
      *width = 595.28; *height = 841.89; *margin = 28.35;   /* 10 mm */
      break;
    case IPMS_PAGE_A3:
      *width = 841.89; *height = 1190.55; *margin = 28.35;
      break;
    case IPMS_PAGE_SLIDE:
      /* 13.33 × 7.5 in, the size of a widescreen presentation slide;
       * reported "portrait" so that landscape (the usual case) swaps it. */
      *width = 540; *height = 960; *margin = 18;
      break;
    case IPMS_PAGE_FIT:
    default:
      *width = 0; *height = 0; *margin = 0;
      break;
    }
}

cairo_status_t
ipms_export_sink_write (void                *closure,
                        const unsigned char *data,
                        unsigned int         length)
{
  IpmsExportSink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!ipms_file_writer_write (sink->writer, data, length, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

gboolean
ipms_export_sink_check (IpmsExportSink  *sink,
                        cairo_status_t   status,
                        const char      *path,
                        GError         **error)
{
  g_autofree char *display = NULL;

  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  display = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Cannot write “%s”: %s"), display, cairo_status_to_string (status));
  return FALSE;
}

static void
paint_page (IpmsChart               *chart,
            cairo_t                 *cr,
            double                   page_width,
            double                   page_height,
            double                   margin,
            double                   chart_width,
            double                   chart_height,
            double                   device_scale,
            const IpmsExportOptions *options)
{
  const IpmsChartPalette *palette = ipms_chart_style_get_palette (options->dark);
  IpmsChartPaintOptions paint_options = { 0 };
  double scale;

  ipms_chart_style_set_source (cr, &palette->background);
  cairo_paint (cr);

  scale = MIN ((page_width - 2 * margin) / chart_width,
               (page_height - 2 * margin) / chart_height);
  cairo_translate (cr,
                   (page_width - chart_width * scale) / 2,
                   (page_height - chart_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, chart_width, chart_height);
  cairo_clip (cr);

  paint_options.dark = options->dark;
  paint_options.for_print = TRUE;
  paint_options.scale = scale * device_scale;
  ipms_chart_paint (chart, cr, &paint_options);
}

/* Past these a PNG is refused with a reason, not left to fail in cairo
 * (which cannot make an image wider than 32,767 pixels) or to take
 * gigabytes of memory. */
#define MAX_PNG_SIDE 32767
#define MAX_PNG_PIXELS (128.0 * 1024 * 1024)

/* Paints the chart onto a surface that writes to `sink`. */
static gboolean
write_chart (IpmsChart               *chart,
             ExportFormat             format,
             IpmsExportSink          *sink,
             const char              *path,
             double                   page_width,
             double                   page_height,
             double                   margin,
             double                   chart_width,
             double                   chart_height,
             const IpmsExportOptions *options,
             GError                 **error)
{
  double dpi = options->png_dpi > 0 ? options->png_dpi : DEFAULT_PNG_DPI;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  switch (format)
    {
    case FORMAT_PNG:
      {
        double px_per_point = dpi / 72.0;
        double width = MAX (1, round (page_width * px_per_point));
        double height = MAX (1, round (page_height * px_per_point));

        if (width > MAX_PNG_SIDE || height > MAX_PNG_SIDE || width * height > MAX_PNG_PIXELS)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         /* Translators: the numbers are the image's width and height in pixels */
                         _("The chart is too large for a PNG image (%.0f × %.0f pixels): export it as PDF or SVG, on a page size, or over a shorter date range"),
                         width, height);
            return FALSE;
          }

        surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
        cr = cairo_create (surface);
        cairo_scale (cr, px_per_point, px_per_point);
        paint_page (chart, cr, page_width, page_height, margin,
                    chart_width, chart_height, px_per_point, options);
        ok = ipms_export_sink_check (sink, cairo_status (cr), path, error);
        cairo_destroy (cr);
        if (ok)
          ok = ipms_export_sink_check (sink, cairo_surface_write_to_png_stream (surface, ipms_export_sink_write, sink), path, error);
      }
      break;

    case FORMAT_SVG:
    case FORMAT_PDF:
      if (format == FORMAT_SVG)
        {
          surface = cairo_svg_surface_create_for_stream (ipms_export_sink_write, sink, page_width, page_height);
          cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
        }
      else
        {
          g_autofree char *title = g_path_get_basename (path);

          surface = cairo_pdf_surface_create_for_stream (ipms_export_sink_write, sink, page_width, page_height);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "IPMS Planner");
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
        }
      cr = cairo_create (surface);
      paint_page (chart, cr, page_width, page_height, margin,
                  chart_width, chart_height, 1.0, options);
      cairo_show_page (cr);
      ok = ipms_export_sink_check (sink, cairo_status (cr), path, error);
      cairo_destroy (cr);
      /* Vector surfaces write most of the file here, and say how it went
       * only in the surface's status afterwards. */
      cairo_surface_finish (surface);
      if (ok)
        ok = ipms_export_sink_check (sink, cairo_surface_status (surface), path, error);
      break;

    default:
      g_assert_not_reached ();
    }

  cairo_surface_destroy (surface);

  return ok;
}

gboolean
ipms_chart_export (IpmsChart                *chart,
                   const char               *path,
                   const IpmsExportOptions  *options,
                   GError                  **error)
{
  return ipms_chart_export_full (chart, path, options, NULL, error);
}

gboolean
ipms_chart_export_full (IpmsChart                *chart,
                        const char               *path,
                        const IpmsExportOptions  *options,
                        IpmsExportTask           *task,
                        GError                  **error)
{
  IpmsExportSink sink = { NULL, NULL };
  ExportFormat format;
  double chart_width = 0, chart_height = 0;
  double page_width, page_height, margin;
  gboolean ok;

  g_return_val_if_fail (IPMS_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!format_for_path (path, &format, error))
    return FALSE;

  ipms_chart_get_size (chart, &chart_width, &chart_height);
  if (!(chart_width >= 1 && chart_height >= 1))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The chart is empty: there is nothing to export"));
      return FALSE;
    }

  page_points (options->page, &page_width, &page_height, &margin);
  if (options->page == IPMS_PAGE_FIT)
    {
      page_width = chart_width * POINTS_PER_UNIT;
      page_height = chart_height * POINTS_PER_UNIT;
    }
  else if (options->landscape)
    {
      double swap = page_width;

      page_width = page_height;
      page_height = swap;
    }

  /* The name the user chose holds the old file or the whole new one, never
   * half a file, even after a crash (ipms-file-writer.h). */
  if (!(sink.writer = ipms_file_writer_new (path, error)))
    return FALSE;

  /* One chart is painted in one go: a cancelled export stops before its
   * file takes the name. */
  ok = write_chart (chart, format, &sink, path, page_width, page_height, margin,
                    chart_width, chart_height, options, error) &&
       ipms_export_task_report (task, 0, 0, error) &&
       ipms_file_writer_commit (sink.writer, TRUE, error);

  ipms_file_writer_free (sink.writer);
  g_clear_error (&sink.error);

  return ok;
}
