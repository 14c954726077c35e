/* fuzz-project.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a project file of any bytes: the file is refused with a message,
 * or opens, exports to JSON and paints every chart, without a crash, hang,
 * leak or sanitizer report.
 */

#include "config.h"

#include "fuzz-common.h"
#include "ipms-chart-export.h"
#include "ipms-document.h"
#include "ipms-json.h"

static char *document_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  document_path = g_build_filename (fuzz_get_work_dir (), "open.ipms", NULL);
  return 0;
}

/* Paints the chart scaled into a small image: the whole layout and every
 * paint path run, at a fraction of the pixels of an export. */
static void
paint_small (IpmsChart *chart)
{
  IpmsChartPaintOptions options = { FALSE, TRUE, 1.0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 160, 120);
  cairo_t *cr = cairo_create (surface);
  double width = 0, height = 0;

  ipms_chart_get_size (chart, &width, &height);
  if (width >= 1 && height >= 1)
    {
      options.scale = MIN (160 / width, 120 / height);
      cairo_scale (cr, options.scale, options.scale);
      ipms_chart_paint (chart, cr, &options);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = NULL;
  const char * const *kinds = ipms_chart_get_kinds ();

  fuzz_write_file (document_path, data, size);
  document = ipms_document_open (document_path, &error);
  if (document == NULL)
    {
      g_assert_nonnull (error);
      fuzz_remove_database (document_path);
      return 0;
    }
  g_assert_no_error (error);

  /* A file that opens may still hold what the schema would refuse: export
   * may say so, but must not crash. */
  g_free (ipms_json_export_data (document, NULL, &error));
  g_clear_error (&error);

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autoptr(IpmsChart) chart = ipms_chart_new_for_kind (document, kinds[i], &error);

      g_assert_no_error (error);
      paint_small (chart);
    }

  ipms_document_close (document);
  g_clear_object (&document);
  fuzz_remove_database (document_path);
  return 0;
}
