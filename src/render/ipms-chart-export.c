/* ipms-chart-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
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

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
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

gboolean
ipms_chart_export (IpmsChart                *chart,
                   const char               *path,
                   const IpmsExportOptions  *options,
                   GError                  **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  ExportFormat format;
  double chart_width = 0, chart_height = 0;
  double page_width, page_height, margin;
  double dpi;
  gboolean ok;
  int fd;

  g_return_val_if_fail (IPMS_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!format_for_path (path, &format, error))
    return FALSE;

  ipms_chart_get_size (chart, &chart_width, &chart_height);
  if (chart_width < 1 || chart_height < 1)
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

  /* Written next to the target and renamed over it at the end, so that a
   * failed export never leaves half a file under the name the user chose. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  /* mkstemp() makes it private; an exported chart is meant to be shared. */
  g_chmod (tmp_path, 0644);

  dpi = options->png_dpi > 0 ? options->png_dpi : DEFAULT_PNG_DPI;

  switch (format)
    {
    case FORMAT_PNG:
      {
        double px_per_point = dpi / 72.0;
        int width = MAX (1, (int) (page_width * px_per_point + 0.5));
        int height = MAX (1, (int) (page_height * px_per_point + 0.5));

        surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
        cr = cairo_create (surface);
        cairo_scale (cr, px_per_point, px_per_point);
        paint_page (chart, cr, page_width, page_height, margin,
                    chart_width, chart_height, px_per_point, options);
        ok = check_status (cairo_status (cr), path, error);
        cairo_destroy (cr);
        if (ok)
          ok = check_status (cairo_surface_write_to_png (surface, tmp_path), path, error);
      }
      break;

    case FORMAT_SVG:
    case FORMAT_PDF:
      if (format == FORMAT_SVG)
        {
          surface = cairo_svg_surface_create (tmp_path, page_width, page_height);
          cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
        }
      else
        {
          g_autofree char *title = NULL;

          surface = cairo_pdf_surface_create (tmp_path, page_width, page_height);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "IPMS Planner");
          title = g_path_get_basename (path);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
        }
      cr = cairo_create (surface);
      paint_page (chart, cr, page_width, page_height, margin,
                  chart_width, chart_height, 1.0, options);
      cairo_show_page (cr);
      ok = check_status (cairo_status (cr), path, error);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      if (ok)
        ok = check_status (cairo_surface_status (surface), path, error);
      break;

    default:
      g_assert_not_reached ();
    }

  cairo_surface_destroy (surface);

  if (ok && g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (!ok)
    g_unlink (tmp_path);

  return ok;
}
