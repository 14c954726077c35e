/* ipms-chart-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ipms-chart-export.h"
#include "ipms-chart-style.h"
#include "ipms-new-products-chart.h"
#include "ipms-panorama-chart.h"
#include "ipms-roadmap-chart.h"

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

/* Export writes through this instead of letting cairo open the file, so
 * that a write error (a full disk, a file size limit) is seen: cairo itself
 * only reports a generic write error, and for some surfaces not at all. */
typedef struct
{
  int fd;
  int error;     /* errno of the first failed write, or 0 */
} ExportSink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  ExportSink *sink = closure;

  if (sink->error != 0)
    return CAIRO_STATUS_WRITE_ERROR;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          /* write() returning 0 for a non-empty buffer makes no progress:
           * treat it as the disk being full rather than looping on it. */
          sink->error = written < 0 ? errno : ENOSPC;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }

  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  int code = g_io_error_from_errno (saved_errno);

  /* The two a user can do something about get their own words. */
  if (saved_errno == ENOSPC)
    g_set_error (error, G_IO_ERROR, code,
                 _("Could not write “%s”: the disk is full"), path);
  else if (saved_errno == EFBIG)
    g_set_error (error, G_IO_ERROR, code,
                 _("Could not write “%s”: the file would be larger than the size allowed here"), path);
  else
    g_set_error (error, G_IO_ERROR, code,
                 _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
}

/* A write error seen by the sink wins over cairo's vaguer status. */
static gboolean
check_status (cairo_status_t     status,
              const ExportSink  *sink,
              const char        *path,
              GError           **error)
{
  if (sink->error != 0)
    {
      set_write_error (error, path, sink->error);
      return FALSE;
    }
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
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
             ExportSink              *sink,
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
        ok = check_status (cairo_status (cr), sink, path, error);
        cairo_destroy (cr);
        if (ok)
          ok = check_status (cairo_surface_write_to_png_stream (surface, sink_write, sink), sink, path, error);
      }
      break;

    case FORMAT_SVG:
    case FORMAT_PDF:
      if (format == FORMAT_SVG)
        {
          surface = cairo_svg_surface_create_for_stream (sink_write, sink, page_width, page_height);
          cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
        }
      else
        {
          g_autofree char *title = g_path_get_basename (path);

          surface = cairo_pdf_surface_create_for_stream (sink_write, sink, page_width, page_height);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "IPMS Planner");
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
        }
      cr = cairo_create (surface);
      paint_page (chart, cr, page_width, page_height, margin,
                  chart_width, chart_height, 1.0, options);
      cairo_show_page (cr);
      ok = check_status (cairo_status (cr), sink, path, error);
      cairo_destroy (cr);
      /* Vector surfaces write most of the file here, and say how it went
       * only in the surface's status afterwards. */
      cairo_surface_finish (surface);
      if (ok)
        ok = check_status (cairo_surface_status (surface), sink, path, error);
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
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  ExportSink sink = { -1, 0 };
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

  /* Written next to the target, flushed to the disk and renamed over it at
   * the end, so that the name the user chose holds the old file or the
   * whole new one, never half a file, even after a crash. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  /* Not mkstemp()'s private mode: an exported chart is meant to be shared. */
  sink.fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    {
      set_write_error (error, path, errno);
      return FALSE;
    }

  ok = write_chart (chart, format, &sink, path, page_width, page_height, margin,
                    chart_width, chart_height, options, error);

  if (ok && fsync (sink.fd) != 0)
    {
      set_write_error (error, path, errno);
      ok = FALSE;
    }
  /* close() can report a delayed write error (NFS, quota): it counts. */
  if (close (sink.fd) != 0 && ok)
    {
      set_write_error (error, path, errno);
      ok = FALSE;
    }

  if (ok && g_rename (tmp_path, path) != 0)
    {
      set_write_error (error, path, errno);
      ok = FALSE;
    }

  if (!ok)
    g_unlink (tmp_path);

  return ok;
}
