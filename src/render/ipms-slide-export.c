/* ipms-slide-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "ipms-chart-export.h"
#include "ipms-chart-style.h"
#include "ipms-export-task.h"
#include "ipms-slide-export.h"

#define A4_WIDTH     595.28
#define A4_HEIGHT    841.89
#define A4_MARGIN    42.52   /* 15 mm */

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
  return ipms_slide_deck_export_pdf_full (deck, path, notes, NULL, error);
}

gboolean
ipms_slide_deck_export_pdf_full (IpmsSlideDeck   *deck,
                                 const char      *path,
                                 gboolean         notes,
                                 IpmsExportTask  *task,
                                 GError         **error)
{
  IpmsExportSink sink = { NULL, NULL };
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok = TRUE;
  guint n;

  g_return_val_if_fail (IPMS_IS_SLIDE_DECK (deck), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (deck));
  if (n == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Every slide of the deck is hidden: there is nothing to export"));
      return FALSE;
    }

  /* A failed export never leaves half a file under the name the user chose
   * (ipms-file-writer.h), and a full disk is named as such. */
  if (!(sink.writer = ipms_file_writer_new (path, error)))
    return FALSE;

  surface = notes
    ? cairo_pdf_surface_create_for_stream (ipms_export_sink_write, &sink, A4_WIDTH, A4_HEIGHT)
    : cairo_pdf_surface_create_for_stream (ipms_export_sink_write, &sink,
                                           IPMS_SLIDE_PDF_WIDTH, IPMS_SLIDE_PDF_HEIGHT);
  title = ipms_document_dup_title (ipms_slide_deck_get_document (deck));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "IPMS Planner");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);

  cr = cairo_create (surface);
  /* Finishing the surface (fonts, the page tree) is the last step. */
  for (guint i = 0; i < n && ok; i++)
    {
      IpmsSlide *slide = ipms_slide_deck_get_slide (deck, i);

      if (notes)
        paint_handout_page (slide, cr);
      else
        ipms_slide_paint (slide, cr, IPMS_SLIDE_PDF_WIDTH, IPMS_SLIDE_PDF_HEIGHT, 1.0);
      cairo_show_page (cr);
      ok = ipms_export_task_report (task, i + 1, n + 1, error);
    }

  ok = ok && ipms_export_sink_check (&sink, cairo_status (cr), path, error);
  cairo_destroy (cr);
  /* The PDF is mostly written here, and says how it went only after. */
  cairo_surface_finish (surface);
  ok = ok && ipms_export_sink_check (&sink, cairo_surface_status (surface), path, error);
  cairo_surface_destroy (surface);

  ok = ok && ipms_export_task_report (task, n + 1, n + 1, error) &&
       ipms_file_writer_commit (sink.writer, TRUE, error);

  ipms_file_writer_free (sink.writer);
  g_clear_error (&sink.error);

  return ok;
}
