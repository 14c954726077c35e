/* ipms-slide-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "ipms-chart-style.h"
#include "ipms-slide-export.h"

#define A4_WIDTH     595.28
#define A4_HEIGHT    841.89
#define A4_MARGIN    42.52   /* 15 mm */

static gboolean
write_failed (const char  *path,
              int          saved_errno,
              GError     **error)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

static void
paint_handout_page (IpmsSlide *slide,
                    cairo_t   *cr)
{
  const IpmsChartPalette *palette = ipms_chart_style_get_palette (FALSE);
  double slide_width = A4_WIDTH - 2 * A4_MARGIN;
  double slide_height = slide_width * 9 / 16;
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell, Noto Sans CJK SC, Noto Sans, sans-serif 11");
  const char *notes = ipms_slide_get_notes (slide);

  cairo_save (cr);
  cairo_translate (cr, A4_MARGIN, A4_MARGIN);
  ipms_slide_paint (slide, cr, slide_width, slide_height, 1.0);
  cairo_restore (cr);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (slide_width * PANGO_SCALE));
  pango_layout_set_height (layout, (int) ((A4_HEIGHT - 3 * A4_MARGIN - slide_height) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, *notes != '\0' ? notes : _("No speaker notes."), -1);
  ipms_chart_style_set_source (cr, *notes != '\0' ? &palette->foreground : &palette->dim_foreground);
  cairo_move_to (cr, A4_MARGIN, 2 * A4_MARGIN + slide_height);
  pango_cairo_show_layout (cr, layout);
}

gboolean
ipms_slide_deck_export_pdf (IpmsSlideDeck  *deck,
                            const char     *path,
                            gboolean        notes,
                            GError        **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n;
  int fd;

  g_return_val_if_fail (IPMS_IS_SLIDE_DECK (deck), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (deck));
  if (n == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Every slide of the deck is hidden: there is nothing to export"));
      return FALSE;
    }

  /* A failed export never leaves half a file under the name the user chose. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    return write_failed (path, errno, error);
  close (fd);
  g_chmod (tmp_path, 0644);

  surface = notes ? cairo_pdf_surface_create (tmp_path, A4_WIDTH, A4_HEIGHT)
                  : cairo_pdf_surface_create (tmp_path, IPMS_SLIDE_PDF_WIDTH, IPMS_SLIDE_PDF_HEIGHT);
  title = ipms_document_dup_title (ipms_slide_deck_get_document (deck));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "IPMS Planner");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);

  cr = cairo_create (surface);
  for (guint i = 0; i < n; i++)
    {
      IpmsSlide *slide = ipms_slide_deck_get_slide (deck, i);

      if (notes)
        paint_handout_page (slide, cr);
      else
        ipms_slide_paint (slide, cr, IPMS_SLIDE_PDF_WIDTH, IPMS_SLIDE_PDF_HEIGHT, 1.0);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  /* cairo reports write errors only here. */
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      return write_failed (path, saved_errno, error);
    }

  return TRUE;
}
