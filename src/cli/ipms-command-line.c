/* ipms-command-line.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The modes that run without a display and exit: JSON export and import,
 * chart, deck and PRD export. They are handled in "handle-local-options", before GTK is
 * initialised, so they work over ssh and in scripts. The remaining arguments
 * are collected with a G_OPTION_REMAINING entry (the project files); when no
 * mode is asked for, the application opens them itself.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-chart-export.h"
#include "ipms-command-line.h"
#include "ipms-document.h"
#include "ipms-json.h"
#include "ipms-prd-render.h"
#include "ipms-slide-export.h"

static const GOptionEntry entries[] = {
  { "export-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the project FILE.ipms as JSON to OUT.json and exit"), N_("OUT.json") },
  { "import-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Create the new project OUT.ipms from IN.json and exit"), N_("IN.json") },
  { "export-chart", 0, 0, G_OPTION_ARG_STRING, NULL,
    /* Translators: do not translate the chart names after the colon. */
    N_("Export a chart of FILE.ipms and exit: panorama, new-products, roadmap or three-year-plan"), N_("KIND") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("File the chart (.png, .svg or .pdf) or the PRDs (.md or .pdf) are written to"), N_("OUT") },
  { "page", 0, 0, G_OPTION_ARG_STRING, NULL,
    /* Translators: do not translate fit, a4, a3 and slide. */
    N_("Page of the exported chart: fit, a4, a3 or slide (default: fit)"), N_("PAGE") },
  { "landscape", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Turn an A4 or A3 page sideways"), NULL },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("First day shown by a timeline chart"), N_("YYYY-MM-DD") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Last day shown by a timeline chart"), N_("YYYY-MM-DD") },
  { "dark", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Export the chart with dark colours"), NULL },
  { "export-deck", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the review deck of FILE.ipms as a PDF to OUT.pdf and exit"), N_("OUT.pdf") },
  { "baseline", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Review baseline that the deck’s “What changed” slide compares with (default: the newest)"), N_("NAME") },
  { "notes", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Export the deck as a handout: each slide with its speaker notes"), NULL },
  { "export-prd", 0, 0, G_OPTION_ARG_STRING, NULL,
    /* Translators: do not translate "all" */
    N_("Export the PRD of the product with this id, or all of them, as Markdown or PDF and exit"), N_("ID|all") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, N_("[FILE…]") },
  { NULL }
};

void
ipms_command_line_add_options (GApplication *application)
{
  g_return_if_fail (G_IS_APPLICATION (application));

  g_application_add_main_option_entries (application, entries);
}

static int G_GNUC_PRINTF (1, 2)
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", g_get_prgname () ? g_get_prgname () : "ipms-planner", message);

  return 1;
}

static guint
count_files (const char * const *files)
{
  return files != NULL ? g_strv_length ((char **) files) : 0;
}

static int
export_json (const char         *output,
             const char * const *files)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (count_files (files) != 1)
    return fail (_("--export-json needs exactly one project file: %s"),
                 "ipms-planner --export-json OUT.json FILE.ipms");

  /* The document's own messages already name the file. */
  if (!(document = ipms_document_open_read_only (files[0], &error)))
    return fail ("%s", error->message);

  /* The messages name the file and say what went wrong. */
  if (!ipms_json_export_file (document, output, &error))
    return fail ("%s", error->message);

  ipms_document_close (document);

  return 0;
}

static int
import_json (const char         *input,
             const char * const *files)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *input_display = NULL;
  g_autofree char *output_display = NULL;

  if (count_files (files) != 1)
    return fail (_("--import-json needs exactly one new project file: %s"),
                 "ipms-planner --import-json IN.json OUT.ipms");

  input_display = g_filename_display_name (input);
  output_display = g_filename_display_name (files[0]);

  if (ipms_json_create_project (input, files[0], &error))
    return 0;

  /* Overwriting would throw away a plan and its undo history. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return fail (_("“%s” already exists; give a new file name for the project"), output_display);

  /* A mistake in the plan; file errors already name their file. */
  if (error->domain == IPMS_JSON_ERROR)
    return fail (_("Cannot import “%s”: %s"), input_display, error->message);

  return fail ("%s", error->message);
}

static gboolean
parse_page (const char   *page,
            IpmsPageSize *size)
{
  static const struct { const char *name; IpmsPageSize size; } pages[] = {
    { "fit", IPMS_PAGE_FIT },
    { "a4", IPMS_PAGE_A4 },
    { "a3", IPMS_PAGE_A3 },
    { "slide", IPMS_PAGE_SLIDE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_ascii_strcasecmp (page, pages[i].name) == 0)
      {
        *size = pages[i].size;
        return TRUE;
      }

  return FALSE;
}

static int
export_chart (const char         *kind,
              const char         *output,
              const char         *page,
              const char         *from,
              const char         *to,
              gboolean            landscape,
              gboolean            dark,
              const char * const *files)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(IpmsChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  IpmsExportOptions options = { IPMS_PAGE_FIT, landscape, dark, 0 };
  GObjectClass *chart_class;

  if (count_files (files) != 1)
    return fail (_("--export-chart needs exactly one project file: %s"),
                 "ipms-planner --export-chart KIND --output OUT.png FILE.ipms");

  if (output == NULL)
    return fail (_("--export-chart needs --output with a .png, .svg or .pdf file name"));

  if (!g_str_has_suffix (output, ".png") && !g_str_has_suffix (output, ".svg") &&
      !g_str_has_suffix (output, ".pdf") && !g_str_has_suffix (output, ".PNG") &&
      !g_str_has_suffix (output, ".SVG") && !g_str_has_suffix (output, ".PDF"))
    return fail (_("“%s” does not end in .png, .svg or .pdf"), output);

  if (page != NULL && !parse_page (page, &options.page))
    return fail (_("Unknown page “%s”; use fit, a4, a3 or slide"), page);

  if (from != NULL && !ipms_date_is_valid (from))
    return fail (_("--from “%s” is not a date as YYYY-MM-DD"), from);

  if (to != NULL && !ipms_date_is_valid (to))
    return fail (_("--to “%s” is not a date as YYYY-MM-DD"), to);

  /* The ISO form sorts as the dates do. */
  if (from != NULL && to != NULL && g_strcmp0 (from, to) > 0)
    return fail (_("--from %s comes after --to %s"), from, to);

  /* Read only: an export leaves the project exactly as it was, even one in
   * an older format or in a folder that cannot be written. */
  if (!(document = ipms_document_open_read_only (files[0], &error)))
    return fail ("%s", error->message);

  if (!ipms_document_check_export_target (document, output, &error))
    return fail ("%s", error->message);

  if (!(chart = ipms_chart_new_for_kind (document, kind, &error)))
    return fail ("%s", error->message);

  chart_class = G_OBJECT_GET_CLASS (chart);

  if (from != NULL || to != NULL)
    {
      /* A script may export every kind with the same range: say so and
       * go on rather than fail on the charts without a time axis. */
      if (g_object_class_find_property (chart_class, "range-start") == NULL ||
          g_object_class_find_property (chart_class, "range-end") == NULL)
        g_printerr ("%s: %s\n", g_get_prgname () ? g_get_prgname () : "ipms-planner",
                    _("This chart has no time axis; --from and --to are ignored"));
      else
        {
          if (from != NULL)
            g_object_set (chart, "range-start", from, NULL);
          if (to != NULL)
            g_object_set (chart, "range-end", to, NULL);
        }
    }

  /* Write errors name the file; the others need no name. */
  if (!ipms_chart_export (chart, output, &options, &error))
    return fail ("%s", error->message);

  ipms_document_close (document);

  return 0;
}

static int
export_deck (const char         *output,
             const char         *baseline,
             gboolean            notes,
             const char * const *files)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(IpmsSlideDeck) deck = NULL;
  g_autoptr(GError) error = NULL;

  if (count_files (files) != 1)
    return fail (_("--export-deck needs exactly one project file: %s"),
                 "ipms-planner --export-deck OUT.pdf [--baseline NAME] [--notes] FILE.ipms");

  if (!g_str_has_suffix (output, ".pdf") && !g_str_has_suffix (output, ".PDF"))
    return fail (_("“%s” does not end in .pdf"), output);

  /* Read only: an export leaves the project exactly as it was. */
  if (!(document = ipms_document_open_read_only (files[0], &error)))
    return fail ("%s", error->message);

  if (!ipms_document_check_export_target (document, output, &error))
    return fail ("%s", error->message);

  deck = ipms_slide_deck_new (document);

  if (baseline != NULL)
    {
      gint64 id = ipms_baseline_find (document, baseline);

      if (id == 0 || !ipms_slide_deck_set_baseline (deck, id, NULL))
        return fail (_("“%s” has no review baseline named “%s”"), files[0], baseline);
    }

  if (!ipms_slide_deck_export_pdf (deck, output, notes, &error))
    return fail ("%s", error->message);

  g_clear_object (&deck);
  ipms_document_close (document);

  return 0;
}

static int
export_prd (const char         *which,
            const char         *output,
            const char * const *files)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gint64 product_id = 0;

  if (count_files (files) != 1)
    return fail (_("--export-prd needs exactly one project file: %s"),
                 "ipms-planner --export-prd ID|all --output OUT.md FILE.ipms");

  if (output == NULL)
    return fail (_("--export-prd needs --output with a .md or .pdf file name"));

  if (g_ascii_strcasecmp (which, "all") != 0 &&
      !g_ascii_string_to_signed (which, 10, 1, G_MAXINT64, &product_id, NULL))
    return fail (_("“%s” is not a product id: give the product’s number or “all”"), which);

  if (!g_str_has_suffix (output, ".md") && !g_str_has_suffix (output, ".MD") &&
      !g_str_has_suffix (output, ".pdf") && !g_str_has_suffix (output, ".PDF"))
    return fail (_("“%s” does not end in .md or .pdf"), output);

  /* Read only: an export leaves the project exactly as it was. */
  if (!(document = ipms_document_open_read_only (files[0], &error)))
    return fail ("%s", error->message);

  if (!ipms_document_check_export_target (document, output, &error))
    return fail ("%s", error->message);

  /* A missing product names its id, a write error its file. */
  if (!ipms_prd_export (document, product_id, output, &error))
    return fail ("%s", error->message);

  ipms_document_close (document);

  return 0;
}

int
ipms_command_line_handle (GVariantDict       *options,
                          const char * const *files)
{
  const char *export_json_path = NULL;
  const char *import_json_path = NULL;
  const char *chart_kind = NULL;
  const char *deck_path = NULL;
  const char *prd = NULL;
  const char *baseline = NULL;
  gboolean notes = FALSE;
  const char *output = NULL;
  const char *page = NULL;
  const char *from = NULL;
  const char *to = NULL;
  gboolean landscape = FALSE;
  gboolean dark = FALSE;
  guint n_modes;

  g_return_val_if_fail (options != NULL, 1);

  g_variant_dict_lookup (options, "export-json", "^&ay", &export_json_path);
  g_variant_dict_lookup (options, "import-json", "^&ay", &import_json_path);
  g_variant_dict_lookup (options, "export-chart", "&s", &chart_kind);
  g_variant_dict_lookup (options, "output", "^&ay", &output);
  g_variant_dict_lookup (options, "page", "&s", &page);
  g_variant_dict_lookup (options, "from", "&s", &from);
  g_variant_dict_lookup (options, "to", "&s", &to);
  g_variant_dict_lookup (options, "landscape", "b", &landscape);
  g_variant_dict_lookup (options, "dark", "b", &dark);
  g_variant_dict_lookup (options, "export-deck", "^&ay", &deck_path);
  g_variant_dict_lookup (options, "baseline", "&s", &baseline);
  g_variant_dict_lookup (options, "notes", "b", &notes);
  g_variant_dict_lookup (options, "export-prd", "&s", &prd);

  n_modes = (export_json_path != NULL) + (import_json_path != NULL) + (chart_kind != NULL) +
            (deck_path != NULL) + (prd != NULL);

  if (n_modes > 1)
    return fail (_("Use only one of --export-json, --import-json, --export-chart, --export-deck and --export-prd at a time"));

  if (deck_path == NULL && (baseline != NULL || notes))
    return fail (_("--baseline and --notes only go with --export-deck"));

  if (chart_kind == NULL && prd == NULL && output != NULL)
    return fail (_("--output only goes with --export-chart and --export-prd"));

  if (chart_kind == NULL &&
      (page != NULL || from != NULL || to != NULL || landscape || dark))
    return fail (_("--page, --landscape, --from, --to and --dark only go with --export-chart"));

  if (export_json_path != NULL)
    return export_json (export_json_path, files);

  if (import_json_path != NULL)
    return import_json (import_json_path, files);

  if (deck_path != NULL)
    return export_deck (deck_path, baseline, notes, files);

  if (prd != NULL)
    return export_prd (prd, output, files);

  if (chart_kind != NULL)
    return export_chart (chart_kind, output, page, from, to, landscape, dark, files);

  return -1;
}
