/* ipms-prd-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF is laid out twice with the same code: the first time onto a PDF
 * surface that writes nothing, to learn on which page each PRD starts and
 * how many pages there are; the second time for real, with those numbers
 * in the table of contents and the footers. Both passes measure text on a
 * PDF surface, so they break lines and pages in the same places.
 */

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "ipms-chart-export.h"
#include "ipms-chart-style.h"
#include "ipms-export-task.h"
#include "ipms-prd.h"
#include "ipms-prd-render.h"

#define PAGE_WIDTH    595.28   /* A4, in points */
#define PAGE_HEIGHT   841.89
#define MARGIN        51.02    /* 18 mm */
#define BODY_TOP      MARGIN
#define BODY_BOTTOM   (PAGE_HEIGHT - MARGIN)
#define BODY_WIDTH    (PAGE_WIDTH - 2 * MARGIN)
#define FOOTER_Y      (PAGE_HEIGHT - 34)
#define CELL_PADDING  4.0
#define MIN_COLUMN    36.0
#define BADGE_SIZE    26.0

typedef enum
{
  FONT_TITLE,
  FONT_SECTION,
  FONT_BLOCK,
  FONT_BODY,
  FONT_BODY_BOLD,
  FONT_SMALL,
  FONT_BADGE,
  N_FONTS
} PrdFont;

typedef struct
{
  cairo_surface_t        *surface;
  cairo_t                *cr;
  const IpmsChartPalette *palette;
  PangoFontDescription   *fonts[N_FONTS];
  const char             *footer;
  double                  y;
  guint                   page;
  /* From the first pass; 0 during it, when no links or outline are made. */
  guint                   n_pages;
  guint                  *start_pages;
  /* The export running this, told after each PRD of each pass; `stopped`
   * holds its cancellation. */
  IpmsExportTask         *task;
  guint                   step;
  guint                   n_steps;
  GError                 *stopped;
} Pdf;

/* Sizes in points; the faces are the charts'. */
static void
pdf_init_fonts (Pdf *pdf)
{
  static const struct {
    IpmsChartFont chart_font;
    double        size;
  } specs[N_FONTS] = {
    [FONT_TITLE] = { IPMS_CHART_FONT_TITLE, 20 },
    [FONT_SECTION] = { IPMS_CHART_FONT_HEADER, 14 },
    [FONT_BLOCK] = { IPMS_CHART_FONT_BODY_BOLD, 10.5 },
    [FONT_BODY] = { IPMS_CHART_FONT_BODY, 10 },
    [FONT_BODY_BOLD] = { IPMS_CHART_FONT_BODY_BOLD, 9.5 },
    [FONT_SMALL] = { IPMS_CHART_FONT_SMALL, 8.5 },
    [FONT_BADGE] = { IPMS_CHART_FONT_BADGE, 14 },
  };

  for (guint i = 0; i < N_FONTS; i++)
    {
      pdf->fonts[i] = pango_font_description_copy (ipms_chart_style_get_font (specs[i].chart_font));
      pango_font_description_set_absolute_size (pdf->fonts[i], specs[i].size * PANGO_SCALE);
    }
}

static PangoLayout *
pdf_layout (Pdf        *pdf,
            PrdFont     font,
            const char *text,
            double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (pdf->cr);

  pango_layout_set_font_description (layout, pdf->fonts[font]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
show_layout (Pdf             *pdf,
             PangoLayout     *layout,
             double           x,
             double           y,
             const IpmsColor *color)
{
  /* The first pass only measures: text is most of the time spent. */
  if (pdf->n_pages == 0)
    return;

  ipms_chart_style_set_source (pdf->cr, color);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
}

static void
pdf_finish_page (Pdf *pdf)
{
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  int width;

  if (pdf->n_pages > 0)
    /* Translators: in the footer of an exported PRD, "Page 3 of 12" */
    number = g_strdup_printf (_("Page %u of %u"), pdf->page, pdf->n_pages);
  else
    number = g_strdup_printf ("%u", pdf->page);

  right = pdf_layout (pdf, FONT_SMALL, number, -1);
  pango_layout_get_size (right, &width, NULL);
  left = pdf_layout (pdf, FONT_SMALL, pdf->footer, BODY_WIDTH - (double) width / PANGO_SCALE - 24);
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (left, PANGO_WRAP_WORD);
  pango_layout_set_height (left, -1);

  ipms_chart_style_set_source (pdf->cr, &pdf->palette->grid_line);
  cairo_set_line_width (pdf->cr, 0.5);
  cairo_move_to (pdf->cr, MARGIN, FOOTER_Y - 4);
  cairo_line_to (pdf->cr, PAGE_WIDTH - MARGIN, FOOTER_Y - 4);
  cairo_stroke (pdf->cr);
  show_layout (pdf, left, MARGIN, FOOTER_Y, &pdf->palette->dim_foreground);
  show_layout (pdf, right, PAGE_WIDTH - MARGIN - (double) width / PANGO_SCALE, FOOTER_Y,
               &pdf->palette->dim_foreground);

  cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = BODY_TOP;
}

/* Starts a new page unless `height` fits below what is there; at the top
 * of a page anything goes (what is taller than a page is cut by its
 * caller). */
static void
pdf_ensure_space (Pdf    *pdf,
                  double  height)
{
  if (pdf->y + height > BODY_BOTTOM && pdf->y > BODY_TOP + 0.5)
    pdf_finish_page (pdf);
}

/* A bookmark to where the next thing is drawn; 0 in the first pass. */
static int
pdf_add_outline (Pdf        *pdf,
                 int         parent,
                 const char *title,
                 gboolean    open)
{
  g_autofree char *link = NULL;
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

  if (pdf->n_pages == 0)
    return 0;

  link = g_strdup_printf ("page=%u pos=[%s %s]", pdf->page,
                          g_ascii_formatd (x, sizeof x, "%.1f", MARGIN),
                          g_ascii_formatd (y, sizeof y, "%.1f", pdf->y));
  return cairo_pdf_surface_add_outline (pdf->surface, parent, title, link,
                                        open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
}

/* Text that may run over pages: drawn line by line, breaking the page
 * between lines. */
static void
pdf_flow_text (Pdf             *pdf,
               PrdFont          font,
               const char      *text,
               double           x,
               double           width,
               const IpmsColor *color)
{
  g_autoptr(PangoLayout) layout = pdf_layout (pdf, font, text, width);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double height, ascent;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      ascent = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      pdf_ensure_space (pdf, height);
      /* The colour is set per line: a new page's footer has its own. */
      if (pdf->n_pages > 0)
        {
          ipms_chart_style_set_source (pdf->cr, color);
          cairo_move_to (pdf->cr, x + (double) logical.x / PANGO_SCALE, pdf->y + ascent);
          pango_cairo_show_layout_line (pdf->cr, pango_layout_iter_get_line_readonly (iter));
        }
      pdf->y += height;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

/* A heading is kept with at least `keep` points of what follows it. */
static void
pdf_heading (Pdf             *pdf,
             PrdFont          font,
             const char      *text,
             double           keep,
             const IpmsColor *color)
{
  g_autoptr(PangoLayout) layout = pdf_layout (pdf, font, text, BODY_WIDTH);
  double height = layout_height (layout);

  pdf_ensure_space (pdf, height + keep);
  show_layout (pdf, layout, MARGIN, pdf->y, color);
  pdf->y += height;
}

/* Tables */

/* Columns that fit in an equal share of what is left keep their natural
 * width (a price never wraps); the others share the rest by how wide
 * their text wants to be. A table narrower than the page is widened. */
static void
table_column_widths (Pdf                *pdf,
                     const IpmsPrdBlock *block,
                     double             *widths)
{
  guint n = block->n_columns;
  g_autofree gboolean *fixed = g_new0 (gboolean, n);
  double total = 0, remaining = BODY_WIDTH, flexible = 0;
  guint n_flexible = n;
  gboolean changed = TRUE;

  for (guint column = 0; column < n; column++)
    {
      widths[column] = MIN_COLUMN;
      for (guint i = column; i < block->cells->len; i += n)
        {
          g_autoptr(PangoLayout) layout = pdf_layout (pdf, i < n ? FONT_BODY_BOLD : FONT_BODY,
                                                      g_ptr_array_index (block->cells, i), -1);
          int width;

          pango_layout_get_size (layout, &width, NULL);
          widths[column] = MAX (widths[column], (double) width / PANGO_SCALE + 2 * CELL_PADDING);
        }
      total += widths[column];
    }

  if (total <= BODY_WIDTH)
    {
      for (guint column = 0; column < n; column++)
        widths[column] *= BODY_WIDTH / total;
      return;
    }

  while (changed && n_flexible > 0)
    {
      changed = FALSE;
      for (guint column = 0; column < n; column++)
        if (!fixed[column] && widths[column] <= remaining / n_flexible)
          {
            fixed[column] = TRUE;
            remaining -= widths[column];
            n_flexible--;
            changed = TRUE;
          }
    }

  for (guint column = 0; column < n; column++)
    if (!fixed[column])
      flexible += widths[column];
  for (guint column = 0; column < n; column++)
    if (!fixed[column])
      widths[column] *= remaining / flexible;
}

/* The layouts of one row, each cut to what fits on a page, and the row's
 * height. */
static double
table_row_layouts (Pdf                *pdf,
                   const IpmsPrdBlock *block,
                   guint               start,
                   const double       *widths,
                   double              max_height,
                   PangoLayout       **layouts)
{
  double height = 0;

  for (guint column = 0; column < block->n_columns; column++)
    {
      layouts[column] = pdf_layout (pdf, start == 0 ? FONT_BODY_BOLD : FONT_BODY,
                                    g_ptr_array_index (block->cells, start + column),
                                    widths[column] - 2 * CELL_PADDING);
      pango_layout_set_height (layouts[column], (int) ((max_height - 2 * CELL_PADDING) * PANGO_SCALE));
      pango_layout_set_ellipsize (layouts[column], PANGO_ELLIPSIZE_END);
      height = MAX (height, layout_height (layouts[column]));
    }

  return height + 2 * CELL_PADDING;
}

static void
table_draw_row (Pdf                *pdf,
                const IpmsPrdBlock *block,
                const double       *widths,
                PangoLayout       **layouts,
                double              height,
                gboolean            header)
{
  double x = MARGIN;

  if (header)
    {
      ipms_chart_style_set_source (pdf->cr, &pdf->palette->header);
      cairo_rectangle (pdf->cr, MARGIN, pdf->y, BODY_WIDTH, height);
      cairo_fill (pdf->cr);
    }

  for (guint column = 0; column < block->n_columns; column++)
    {
      show_layout (pdf, layouts[column], x + CELL_PADDING, pdf->y + CELL_PADDING,
                   &pdf->palette->foreground);
      x += widths[column];
    }

  ipms_chart_style_set_source (pdf->cr, &pdf->palette->grid_line);
  cairo_set_line_width (pdf->cr, 0.5);
  cairo_move_to (pdf->cr, MARGIN, pdf->y + height);
  cairo_line_to (pdf->cr, MARGIN + BODY_WIDTH, pdf->y + height);
  cairo_stroke (pdf->cr);

  pdf->y += height;
}

static void
free_layouts (PangoLayout **layouts,
              guint         n)
{
  for (guint i = 0; i < n; i++)
    g_clear_object (&layouts[i]);
}

/* The height of a table's header and first row, which its title keeps
 * with. */
static double
table_head_height (Pdf                *pdf,
                   const IpmsPrdBlock *block)
{
  guint n = block->n_columns;
  g_autofree double *widths = g_new0 (double, n);
  g_autofree PangoLayout **layouts = g_new0 (PangoLayout *, n);
  double height;

  table_column_widths (pdf, block, widths);
  height = table_row_layouts (pdf, block, 0, widths, BODY_BOTTOM - BODY_TOP, layouts);
  free_layouts (layouts, n);
  height += table_row_layouts (pdf, block, n, widths, BODY_BOTTOM - BODY_TOP, layouts);
  free_layouts (layouts, n);

  return height;
}

static void
pdf_table (Pdf                *pdf,
           const IpmsPrdBlock *block)
{
  guint n = block->n_columns;
  g_autofree double *widths = g_new0 (double, n);
  g_autofree PangoLayout **header = g_new0 (PangoLayout *, n);
  g_autofree PangoLayout **row = g_new0 (PangoLayout *, n);
  double header_height, max_row;

  table_column_widths (pdf, block, widths);
  header_height = table_row_layouts (pdf, block, 0, widths, BODY_BOTTOM - BODY_TOP, header);
  /* A row taller than a page under the header is cut with an ellipsis. */
  max_row = BODY_BOTTOM - BODY_TOP - header_height;

  for (guint start = n; start < block->cells->len; start += n)
    {
      double height = table_row_layouts (pdf, block, start, widths, max_row, row);

      if (start == n || pdf->y + height > BODY_BOTTOM)
        {
          /* The header goes with the first row, and comes again on every
           * page the table continues on. */
          pdf_ensure_space (pdf, header_height + height);
          table_draw_row (pdf, block, widths, header, header_height, TRUE);
        }
      table_draw_row (pdf, block, widths, row, height, FALSE);
      free_layouts (row, n);
    }

  free_layouts (header, n);
}

/* The PRD */

static gboolean
block_is_empty (const IpmsPrdBlock *block)
{
  return block->kind == IPMS_PRD_BLOCK_TEXT ? block->text[0] == '\0'
                                             : ipms_prd_block_get_n_rows (block) == 0;
}

/* What a block's title stays with: its first lines, or its table's header
 * and first row. */
static double
block_keep_height (Pdf                *pdf,
                   const IpmsPrdBlock *block)
{
  if (block_is_empty (block) || block->kind == IPMS_PRD_BLOCK_TEXT)
    return 30;

  return 3 + table_head_height (pdf, block);
}

/* The block's title and what it keeps with, from the top of the block. */
static double
block_head_height (Pdf                *pdf,
                   const IpmsPrdBlock *block)
{
  g_autoptr(PangoLayout) title = pdf_layout (pdf, FONT_BLOCK, block->title, BODY_WIDTH);

  return 8 + layout_height (title) + block_keep_height (pdf, block);
}

static void
pdf_block (Pdf                *pdf,
           const IpmsPrdBlock *block)
{
  gboolean empty = block_is_empty (block);
  double keep = block_keep_height (pdf, block);

  pdf->y += 8;
  pdf_heading (pdf, FONT_BLOCK, block->title, keep, &pdf->palette->foreground);
  pdf->y += 3;

  if (empty)
    pdf_flow_text (pdf, FONT_BODY, ipms_prd_block_get_empty_text (block), MARGIN, BODY_WIDTH,
                   &pdf->palette->dim_foreground);
  else if (block->kind == IPMS_PRD_BLOCK_TEXT)
    pdf_flow_text (pdf, FONT_BODY, block->text, MARGIN, BODY_WIDTH, &pdf->palette->foreground);
  else
    pdf_table (pdf, block);
}

/* The identity, two fields a row: each its label over its value. */
static void
pdf_fields (Pdf           *pdf,
            const IpmsPrd *prd)
{
  double column_width = BODY_WIDTH / 2;

  for (guint i = 0; i < prd->fields->len; i += 4)
    {
      PangoLayout *labels[2] = { NULL, NULL };
      PangoLayout *values[2] = { NULL, NULL };
      double height = 0;

      for (guint j = 0; j < 2 && i + 2 * j < prd->fields->len; j++)
        {
          const char *value = g_ptr_array_index (prd->fields, i + 2 * j + 1);

          labels[j] = pdf_layout (pdf, FONT_SMALL, g_ptr_array_index (prd->fields, i + 2 * j),
                                  column_width - 12);
          values[j] = pdf_layout (pdf, FONT_BODY, value[0] != '\0' ? value : "—", column_width - 12);
          height = MAX (height, layout_height (labels[j]) + 1 + layout_height (values[j]));
        }

      pdf_ensure_space (pdf, height + 6);
      for (guint j = 0; j < 2 && labels[j] != NULL; j++)
        {
          double x = MARGIN + j * column_width;

          show_layout (pdf, labels[j], x, pdf->y, &pdf->palette->dim_foreground);
          show_layout (pdf, values[j], x, pdf->y + layout_height (labels[j]) + 1, &pdf->palette->foreground);
          g_object_unref (labels[j]);
          g_object_unref (values[j]);
        }
      pdf->y += height + 6;
    }
}

static void
pdf_prd (Pdf           *pdf,
         const IpmsPrd *prd,
         gboolean       in_collection)
{
  int outline = pdf_add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, prd->title, !in_collection);
  g_autoptr(PangoLayout) title = pdf_layout (pdf, FONT_TITLE, prd->title, BODY_WIDTH - BADGE_SIZE - 10);
  g_autoptr(PangoLayout) badge = pdf_layout (pdf, FONT_BADGE, prd->grade, -1);
  double title_height = layout_height (title);
  IpmsColor grade_color;
  int badge_width, badge_height;

  /* The grade as the charts show it on a product's chip. */
  ipms_chart_style_get_grade_color (prd->grade, FALSE, &grade_color);
  ipms_chart_style_set_source (pdf->cr, &grade_color);
  ipms_chart_style_rounded_rectangle (pdf->cr, MARGIN, pdf->y, BADGE_SIZE, BADGE_SIZE, 5);
  cairo_fill (pdf->cr);
  pango_layout_get_size (badge, &badge_width, &badge_height);
  show_layout (pdf, badge, MARGIN + (BADGE_SIZE - (double) badge_width / PANGO_SCALE) / 2,
               pdf->y + (BADGE_SIZE - (double) badge_height / PANGO_SCALE) / 2, &pdf->palette->on_accent);

  show_layout (pdf, title, MARGIN + BADGE_SIZE + 10, pdf->y + MAX (0, (BADGE_SIZE - title_height) / 2),
               &pdf->palette->foreground);
  pdf->y += MAX (BADGE_SIZE, title_height) + 6;
  ipms_chart_style_set_source (pdf->cr, &pdf->palette->accent);
  cairo_rectangle (pdf->cr, MARGIN, pdf->y, BODY_WIDTH, 2);
  cairo_fill (pdf->cr);
  pdf->y += 12;

  pdf_fields (pdf, prd);

  for (guint i = 0; i < prd->sections->len; i++)
    {
      IpmsPrdSection *section = g_ptr_array_index (prd->sections, i);
      g_autofree char *heading = g_strdup_printf ("%u. %s", i + 1, section->title);
      g_autoptr(PangoLayout) heading_layout = pdf_layout (pdf, FONT_SECTION, heading, BODY_WIDTH);
      double keep = section->blocks->len > 0 ? block_head_height (pdf, g_ptr_array_index (section->blocks, 0)) : 30;

      pdf->y += 14;
      /* The heading stays with the head of the section's first block, and
       * its bookmark goes to the page it ends up on. */
      pdf_ensure_space (pdf, layout_height (heading_layout) + keep);
      pdf_add_outline (pdf, outline, heading, FALSE);
      pdf_heading (pdf, FONT_SECTION, heading, keep, &pdf->palette->accent);
      for (guint j = 0; j < section->blocks->len; j++)
        pdf_block (pdf, g_ptr_array_index (section->blocks, j));
    }
}

static void
pdf_contents (Pdf           *pdf,
              const char    *title,
              GPtrArray     *prds)
{
  g_autoptr(PangoLayout) title_layout = pdf_layout (pdf, FONT_TITLE, title, BODY_WIDTH);
  /* The entries wrap at the same width in both passes, whatever their page
   * numbers, so that the contents take the same pages. */
  g_autoptr(PangoLayout) widest = pdf_layout (pdf, FONT_BODY, "00000", -1);
  int number_width;

  pango_layout_get_size (widest, &number_width, NULL);

  show_layout (pdf, title_layout, MARGIN, pdf->y, &pdf->palette->foreground);
  pdf->y += layout_height (title_layout) + 4;
  ipms_chart_style_set_source (pdf->cr, &pdf->palette->accent);
  cairo_rectangle (pdf->cr, MARGIN, pdf->y, BODY_WIDTH, 2);
  cairo_fill (pdf->cr);
  pdf->y += 18;

  pdf_add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, _("Contents"), FALSE);
  pdf_heading (pdf, FONT_SECTION, _("Contents"), 20, &pdf->palette->accent);
  pdf->y += 8;

  for (guint i = 0; i < prds->len; i++)
    {
      const IpmsPrd *prd = g_ptr_array_index (prds, i);
      g_autofree char *entry = g_strdup_printf ("%u. %s", i + 1, prd->title);
      g_autofree char *page = g_strdup_printf ("%u", pdf->start_pages[i]);
      g_autoptr(PangoLayout) page_layout = pdf_layout (pdf, FONT_BODY, page, -1);
      g_autoptr(PangoLayout) entry_layout = NULL;
      int page_width;
      double height;

      pango_layout_get_size (page_layout, &page_width, NULL);
      entry_layout = pdf_layout (pdf, FONT_BODY, entry, BODY_WIDTH - (double) number_width / PANGO_SCALE - 24);
      height = layout_height (entry_layout) + 6;
      pdf_ensure_space (pdf, height);

      if (pdf->n_pages > 0)
        {
          g_autofree char *link = g_strdup_printf ("page=%u", pdf->start_pages[i]);

          cairo_tag_begin (pdf->cr, CAIRO_TAG_LINK, link);
        }
      show_layout (pdf, entry_layout, MARGIN, pdf->y, &pdf->palette->foreground);
      show_layout (pdf, page_layout, PAGE_WIDTH - MARGIN - (double) page_width / PANGO_SCALE, pdf->y,
                   &pdf->palette->foreground);
      if (pdf->n_pages > 0)
        cairo_tag_end (pdf->cr, CAIRO_TAG_LINK);

      pdf->y += height;
    }
}

/* Lays out the whole document on `surface`; fills `start_pages` and
 * returns the number of pages. */
static guint
pdf_paint (Pdf        *pdf,
           GPtrArray  *prds,
           gboolean    all,
           const char *title)
{
  const IpmsChartPalette *palette = ipms_chart_style_get_palette (FALSE);

  pdf->cr = cairo_create (pdf->surface);
  pdf->palette = palette;
  pdf->footer = title;
  pdf->page = 1;
  pdf->y = BODY_TOP;

  if (all)
    pdf_contents (pdf, title, prds);

  for (guint i = 0; i < prds->len; i++)
    {
      if (all || i > 0)
        pdf_finish_page (pdf);
      pdf->start_pages[i] = pdf->page;
      pdf_prd (pdf, g_ptr_array_index (prds, i), all);
      if (!ipms_export_task_report (pdf->task, ++pdf->step, pdf->n_steps, &pdf->stopped))
        break;
    }
  pdf_finish_page (pdf);

  return pdf->page - 1;
}

static gboolean
write_pdf (Pdf            *pdf,
           IpmsExportSink *sink,
           GPtrArray      *prds,
           gboolean        all,
           const char     *title,
           const char     *path,
           GError        **error)
{
  gboolean ok;

  /* Each PRD is a step of each pass; finishing the file is the last. */
  pdf->step = 0;
  pdf->n_steps = 2 * prds->len + 1;

  /* The first pass writes nothing: it only counts pages. */
  pdf->surface = cairo_pdf_surface_create_for_stream (NULL, NULL, PAGE_WIDTH, PAGE_HEIGHT);
  pdf->n_pages = 0;
  pdf->n_pages = pdf_paint (pdf, prds, all, title);
  cairo_destroy (pdf->cr);
  cairo_surface_destroy (pdf->surface);

  if (pdf->stopped != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&pdf->stopped));
      return FALSE;
    }

  pdf->surface = cairo_pdf_surface_create_for_stream (ipms_export_sink_write, sink, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_CREATOR, "IPMS Planner");
  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_TITLE, title);
  pdf_paint (pdf, prds, all, title);

  if (pdf->stopped != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&pdf->stopped));
      ok = FALSE;
    }
  else
    ok = ipms_export_sink_check (sink, cairo_status (pdf->cr), path, error);
  cairo_destroy (pdf->cr);
  /* Most of the file is written here, and its status says how it went. */
  cairo_surface_finish (pdf->surface);
  ok = ok && ipms_export_sink_check (sink, cairo_surface_status (pdf->surface), path, error);
  cairo_surface_destroy (pdf->surface);

  return ok && ipms_export_task_report (pdf->task, pdf->n_steps, pdf->n_steps, error);
}

/* `prds` were collected from `document`, which gives the title. */
static gboolean
export_pdf (IpmsDocument    *document,
            gint64           product_id,
            GPtrArray       *prds,
            const char      *path,
            IpmsExportTask  *task,
            GError         **error)
{
  g_autofree char *title = NULL;
  IpmsExportSink sink = { NULL, NULL };
  Pdf pdf = { 0 };
  gboolean ok;

  title = product_id == 0 ? ipms_prd_dup_collection_title (document)
                          : g_strdup (((IpmsPrd *) g_ptr_array_index (prds, 0))->title);

  /* The name holds the old file or the whole new one (ipms-file-writer.h). */
  if (!(sink.writer = ipms_file_writer_new (path, error)))
    return FALSE;

  pdf_init_fonts (&pdf);
  pdf.start_pages = g_new0 (guint, prds->len);
  pdf.task = task;

  ok = write_pdf (&pdf, &sink, prds, product_id == 0, title, path, error) &&
       ipms_file_writer_commit (sink.writer, TRUE, error);

  ipms_file_writer_free (sink.writer);
  g_clear_error (&sink.error);
  g_free (pdf.start_pages);
  for (guint i = 0; i < N_FONTS; i++)
    pango_font_description_free (pdf.fonts[i]);

  return ok;
}

/* Markdown is written at once; a cancelled export stops before the file
 * takes the name. */
static gboolean
export_markdown (IpmsDocument    *document,
                 gint64           product_id,
                 GPtrArray       *prds,
                 const char      *path,
                 IpmsExportTask  *task,
                 GError         **error)
{
  g_autoptr(IpmsFileWriter) writer = NULL;
  g_autofree char *text = ipms_prd_to_markdown (document, prds, product_id == 0);

  return ipms_export_task_report (task, 1, 2, error) &&
         (writer = ipms_file_writer_new (path, error)) != NULL &&
         ipms_file_writer_write (writer, text, strlen (text), error) &&
         ipms_export_task_report (task, 2, 2, error) &&
         ipms_file_writer_commit (writer, TRUE, error);
}

gboolean
ipms_prd_export_pdf (IpmsDocument  *document,
                     gint64         product_id,
                     const char    *path,
                     GError       **error)
{
  g_autoptr(GPtrArray) prds = NULL;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return (prds = ipms_prd_collect (document, product_id, error)) != NULL &&
         export_pdf (document, product_id, prds, path, NULL, error);
}

gboolean
ipms_prd_export (IpmsDocument  *document,
                 gint64         product_id,
                 const char    *path,
                 GError       **error)
{
  return ipms_prd_export_full (document, product_id, path, NULL, error);
}

gboolean
ipms_prd_export_full (IpmsDocument    *document,
                      gint64           product_id,
                      const char      *path,
                      IpmsExportTask  *task,
                      GError         **error)
{
  g_autoptr(GPtrArray) prds = NULL;
  const char *dot;
  gboolean markdown;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL ||
      (g_ascii_strcasecmp (dot, ".md") != 0 && g_ascii_strcasecmp (dot, ".pdf") != 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot tell the format of “%s”: use a name ending in .md or .pdf"), path);
      return FALSE;
    }
  markdown = g_ascii_strcasecmp (dot, ".md") == 0;

  if (!(prds = ipms_prd_collect (document, product_id, error)) ||
      !ipms_export_task_report (task, 0, 0, error))
    return FALSE;

  return markdown ? export_markdown (document, product_id, prds, path, task, error)
                  : export_pdf (document, product_id, prds, path, task, error);
}
