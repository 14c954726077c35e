/* ipms-slide.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "ipms-chart-style.h"
#include "ipms-slide-private.h"

/* The page, in slide units (1920 × 1080). Type is sized for a room: body
 * text is 1/34 of the height, about 16 pt on a 13.33 × 7.5 in slide. */
#define FONT_FAMILY      "Cantarell, Noto Sans CJK SC, Noto Sans, DejaVu Sans, sans-serif"
#define MARGIN_X         112.0
#define TITLE_Y          64.0
#define RULE_Y           176.0
#define CONTENT_TOP      216.0
#define CONTENT_BOTTOM   980.0
#define FOOTER_Y         1012.0
#define CELL_PADDING     14.0
#define COLUMN_GAP       32.0
#define BLOCK_GAP        36.0
#define HEADING_GAP      12.0
#define CONTENT_WIDTH    (IPMS_SLIDE_WIDTH - 2 * MARGIN_X)

typedef enum
{
  FONT_TITLE,
  FONT_SLIDE_TITLE,
  FONT_SUBTITLE,
  FONT_HEADING,
  FONT_HEADER,
  FONT_BODY,
  FONT_BODY_BOLD,
  FONT_FOOTER,
  N_FONTS
} SlideFont;

static const struct {
  double      size;
  PangoWeight weight;
} font_specs[N_FONTS] = {
  [FONT_TITLE]       = { 88, PANGO_WEIGHT_BOLD },
  [FONT_SLIDE_TITLE] = { 60, PANGO_WEIGHT_BOLD },
  [FONT_SUBTITLE]    = { 44, PANGO_WEIGHT_NORMAL },
  [FONT_HEADING]     = { 38, PANGO_WEIGHT_BOLD },
  [FONT_HEADER]      = { 28, PANGO_WEIGHT_BOLD },
  [FONT_BODY]        = { 32, PANGO_WEIGHT_NORMAL },
  [FONT_BODY_BOLD]   = { 32, PANGO_WEIGHT_BOLD },
  [FONT_FOOTER]      = { 24, PANGO_WEIGHT_NORMAL },
};

static const PangoFontDescription *
get_font (SlideFont font)
{
  static PangoFontDescription *fonts[N_FONTS];

  /* Slides are also painted by an export in a worker thread. */
  if (g_once_init_enter (&fonts[font]))
    {
      PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);

      pango_font_description_set_absolute_size (desc, font_specs[font].size * PANGO_SCALE);
      pango_font_description_set_weight (desc, font_specs[font].weight);
      g_once_init_leave (&fonts[font], desc);
    }

  return fonts[font];
}

static const cairo_user_data_key_t context_key;

/* One Pango context per painting, kept on the cairo context: making one
 * per layout costs more than shaping the text. Layouts measure the same on
 * every surface (no hinted metrics), so that the pages made once fit on
 * screen and in PDF alike. The context takes `cr`'s transformation as it
 * is now. */
static void
attach_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);

  cairo_set_user_data (cr, &context_key, context, g_object_unref);
}

static void
detach_context (cairo_t *cr)
{
  cairo_set_user_data (cr, &context_key, NULL, NULL);
}

static PangoLayout *
create_layout (cairo_t    *cr,
               SlideFont   font,
               const char *text,
               double      width,
               double      max_height)
{
  PangoContext *context = cairo_get_user_data (cr, &context_key);
  PangoLayout *layout;

  g_assert (context != NULL);
  layout = pango_layout_new (context);
  pango_layout_set_font_description (layout, get_font (font));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (max_height > 0)
    {
      /* A single cell taller than a page is cut with an ellipsis. */
      pango_layout_set_height (layout, (int) (max_height * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static cairo_t *
create_measure_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  attach_context (cr);
  return cr;
}

/* Blocks */

IpmsSlideBlock *
ipms_slide_block_new (IpmsSlideBlockType  type,
                      const char         *heading)
{
  IpmsSlideBlock *block = g_new0 (IpmsSlideBlock, 1);

  block->type = type;
  block->heading = g_strdup (heading);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  block->n_columns = 1;
  block->weights[0] = 1;

  return block;
}

void
ipms_slide_block_free (IpmsSlideBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->heading);
  g_strfreev (block->header);
  g_ptr_array_unref (block->rows);
  g_clear_object (&block->chart);
  g_free (block);
}

void
ipms_slide_block_set_columns (IpmsSlideBlock     *block,
                              guint               n_columns,
                              const double       *weights,
                              const char * const *header)
{
  g_return_if_fail (n_columns > 0 && n_columns <= IPMS_SLIDE_MAX_COLUMNS);

  block->n_columns = n_columns;
  memcpy (block->weights, weights, n_columns * sizeof (double));
  g_clear_pointer (&block->header, g_strfreev);
  if (header != NULL)
    {
      block->header = g_new0 (char *, n_columns + 1);
      for (guint i = 0; i < n_columns; i++)
        block->header[i] = g_strdup (header[i]);
    }
}

void
ipms_slide_block_add_row (IpmsSlideBlock     *block,
                          const char * const *cells)
{
  char **row = g_new0 (char *, block->n_columns + 1);

  for (guint i = 0; i < block->n_columns; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");

  g_ptr_array_add (block->rows, row);
}

/* Table geometry */

static void
column_geometry (const IpmsSlideBlock *block,
                 double               *x,
                 double               *width)
{
  double total = 0, position = MARGIN_X;
  double usable = CONTENT_WIDTH - COLUMN_GAP * (block->n_columns - 1);

  for (guint i = 0; i < block->n_columns; i++)
    total += block->weights[i];

  for (guint i = 0; i < block->n_columns; i++)
    {
      x[i] = position;
      width[i] = usable * block->weights[i] / total;
      position += width[i] + COLUMN_GAP;
    }
}

static SlideFont
cell_font (const IpmsSlideBlock *block,
           guint                 column)
{
  return column == 0 && block->first_column_bold ? FONT_BODY_BOLD : FONT_BODY;
}

static double
max_cell_height (void)
{
  return CONTENT_BOTTOM - CONTENT_TOP - 200;
}

static double
row_height (cairo_t              *cr,
            const IpmsSlideBlock *block,
            char                **cells,
            SlideFont             font)
{
  double x[IPMS_SLIDE_MAX_COLUMNS], width[IPMS_SLIDE_MAX_COLUMNS];
  double height = 0;

  column_geometry (block, x, width);
  for (guint i = 0; i < block->n_columns; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;

      /* An empty layout that may ellipsize measures two lines on some
       * surfaces: an empty cell takes no height of its own. */
      if (*cells[i] == '\0')
        continue;

      layout = create_layout (cr, font == FONT_HEADER ? font : cell_font (block, i),
                              cells[i], width[i], max_cell_height ());
      height = MAX (height, layout_height (layout));
    }

  return height + 2 * CELL_PADDING;
}

static double
heading_height (cairo_t              *cr,
                const IpmsSlideBlock *block)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (block->heading == NULL)
    return 0;

  layout = create_layout (cr, FONT_HEADING, block->heading, CONTENT_WIDTH, 0);
  return layout_height (layout) + HEADING_GAP;
}

static double
table_head_height (cairo_t              *cr,
                   const IpmsSlideBlock *block)
{
  return heading_height (cr, block) + (block->header != NULL ? row_height (cr, block, block->header, FONT_HEADER) : 0);
}

static double
text_height (cairo_t              *cr,
             const IpmsSlideBlock *block)
{
  g_autoptr(PangoLayout) layout = create_layout (cr, FONT_SUBTITLE, ((char **) block->rows->pdata[0])[0],
                                                 CONTENT_WIDTH, max_cell_height ());

  return heading_height (cr, block) + layout_height (layout);
}

/* Paging */

static GArray *
page_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (IpmsSlidePiece));
}

GPtrArray *
ipms_slide_layout_pages (GPtrArray *blocks)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) page = page_new ();
  cairo_t *cr = create_measure_context ();
  double y = CONTENT_TOP;

#define NEXT_PAGE() G_STMT_START { \
    g_ptr_array_add (pages, g_steal_pointer (&page)); \
    page = page_new (); \
    y = CONTENT_TOP; \
  } G_STMT_END

  for (guint b = 0; b < blocks->len; b++)
    {
      IpmsSlideBlock *block = g_ptr_array_index (blocks, b);

      switch (block->type)
        {
        case IPMS_SLIDE_BLOCK_TITLE:
        case IPMS_SLIDE_BLOCK_CHART:
          {
            IpmsSlidePiece piece = { block, 0, 0, FALSE };

            /* A chart or a title page takes a page of its own. */
            if (page->len > 0)
              NEXT_PAGE ();
            g_array_append_val (page, piece);
            NEXT_PAGE ();
          }
          break;

        case IPMS_SLIDE_BLOCK_TEXT:
          {
            IpmsSlidePiece piece = { block, 0, 1, FALSE };
            double height = text_height (cr, block);

            if (page->len > 0 && y + height > CONTENT_BOTTOM)
              NEXT_PAGE ();
            g_array_append_val (page, piece);
            y += height + BLOCK_GAP;
          }
          break;

        case IPMS_SLIDE_BLOCK_TABLE:
        default:
          {
            double head = table_head_height (cr, block);
            gboolean continued = FALSE;
            guint row = 0;

            while (row < block->rows->len)
              {
                IpmsSlidePiece piece = { block, row, 0, continued };
                double height = row_height (cr, block, block->rows->pdata[row], FONT_BODY);

                if (page->len > 0 && y + head + height > CONTENT_BOTTOM)
                  NEXT_PAGE ();

                y += head;
                while (row < block->rows->len)
                  {
                    height = row_height (cr, block, block->rows->pdata[row], FONT_BODY);
                    if (piece.n_rows > 0 && y + height > CONTENT_BOTTOM)
                      break;
                    y += height;
                    piece.n_rows++;
                    row++;
                  }

                g_array_append_val (page, piece);
                if (row < block->rows->len)
                  {
                    NEXT_PAGE ();
                    continued = TRUE;
                  }
              }

            y += BLOCK_GAP;
          }
          break;
        }
    }

#undef NEXT_PAGE

  if (page->len > 0 || pages->len == 0)
    g_ptr_array_add (pages, g_steal_pointer (&page));

  cairo_destroy (cr);

  return g_steal_pointer (&pages);
}

/* The slide */

struct _IpmsSlide
{
  GObject        parent_instance;

  IpmsSlideKind  kind;
  char          *title;
  GPtrArray     *blocks;
  GArray        *pieces;
  guint          part;
  guint          n_parts;

  guint          setup_index;
  gint64         product_id;
  char          *notes;
  char          *footer;
  guint          position;
  guint          n_slides;
};

G_DEFINE_FINAL_TYPE (IpmsSlide, ipms_slide, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ipms_slide_finalize (GObject *object)
{
  IpmsSlide *self = IPMS_SLIDE (object);

  g_free (self->title);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pieces, g_array_unref);
  g_free (self->notes);
  g_free (self->footer);

  G_OBJECT_CLASS (ipms_slide_parent_class)->finalize (object);
}

static void
ipms_slide_class_init (IpmsSlideClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ipms_slide_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ipms_slide_init (IpmsSlide *self)
{
}

IpmsSlide *
ipms_slide_new (IpmsSlideKind  kind,
                const char    *title,
                GPtrArray     *blocks,
                GArray        *pieces,
                guint          part,
                guint          n_parts)
{
  IpmsSlide *self = g_object_new (IPMS_TYPE_SLIDE, NULL);

  self->kind = kind;
  self->title = g_strdup (title);
  self->blocks = g_ptr_array_ref (blocks);
  self->pieces = pieces;
  self->part = part;
  self->n_parts = n_parts;
  self->notes = g_strdup ("");

  return self;
}

void
ipms_slide_set_deck_info (IpmsSlide  *self,
                          guint       setup_index,
                          gint64      product_id,
                          const char *notes,
                          const char *footer,
                          guint       position,
                          guint       n_slides)
{
  /* Copied before the old strings go: callers may pass the slide's own. */
  char *new_notes = g_strdup (notes != NULL ? notes : "");
  char *new_footer = g_strdup (footer);

  self->setup_index = setup_index;
  self->product_id = product_id;
  g_free (self->notes);
  self->notes = new_notes;
  g_free (self->footer);
  self->footer = new_footer;
  self->position = position;
  self->n_slides = n_slides;
}

void
ipms_slide_emit_changed (IpmsSlide *self)
{
  g_return_if_fail (IPMS_IS_SLIDE (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
ipms_slide_shows_chart (IpmsSlide *self,
                        IpmsChart *chart)
{
  g_return_val_if_fail (IPMS_IS_SLIDE (self), FALSE);

  for (guint p = 0; p < self->pieces->len; p++)
    if (g_array_index (self->pieces, IpmsSlidePiece, p).block->chart == chart)
      return TRUE;

  return FALSE;
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static gboolean
pieces_equal (const IpmsSlidePiece *a,
              const IpmsSlidePiece *b)
{
  const IpmsSlideBlock *x = a->block, *y = b->block;

  if (x->type != y->type || x->n_columns != y->n_columns || x->chart != y->chart ||
      x->first_column_bold != y->first_column_bold || g_strcmp0 (x->heading, y->heading) != 0 ||
      memcmp (x->weights, y->weights, sizeof x->weights) != 0 || !strv_equal0 (x->header, y->header) ||
      a->n_rows != b->n_rows || a->continued != b->continued)
    return FALSE;

  /* A title block shows all its rows on its one page. */
  if (x->type == IPMS_SLIDE_BLOCK_TITLE)
    {
      if (x->rows->len != y->rows->len)
        return FALSE;
      for (guint r = 0; r < x->rows->len; r++)
        if (!strv_equal0 (x->rows->pdata[r], y->rows->pdata[r]))
          return FALSE;
      return TRUE;
    }

  for (guint r = 0; r < a->n_rows; r++)
    if (!strv_equal0 (x->rows->pdata[a->first_row + r], y->rows->pdata[b->first_row + r]))
      return FALSE;

  return TRUE;
}

gboolean
ipms_slide_equal_look (IpmsSlide *self,
                       IpmsSlide *other)
{
  g_return_val_if_fail (IPMS_IS_SLIDE (self), FALSE);
  g_return_val_if_fail (IPMS_IS_SLIDE (other), FALSE);

  if (self->kind != other->kind || self->part != other->part || self->n_parts != other->n_parts ||
      self->position != other->position || self->n_slides != other->n_slides ||
      self->product_id != other->product_id || self->setup_index != other->setup_index ||
      g_strcmp0 (self->title, other->title) != 0 || g_strcmp0 (self->footer, other->footer) != 0 ||
      self->pieces->len != other->pieces->len)
    return FALSE;

  for (guint p = 0; p < self->pieces->len; p++)
    if (!pieces_equal (&g_array_index (self->pieces, IpmsSlidePiece, p),
                       &g_array_index (other->pieces, IpmsSlidePiece, p)))
      return FALSE;

  return TRUE;
}

IpmsSlideKind
ipms_slide_get_kind (IpmsSlide *self)
{
  g_return_val_if_fail (IPMS_IS_SLIDE (self), IPMS_SLIDE_KIND_TITLE);
  return self->kind;
}

const char *
ipms_slide_get_title (IpmsSlide *self)
{
  g_return_val_if_fail (IPMS_IS_SLIDE (self), NULL);
  return self->title;
}

guint
ipms_slide_get_part (IpmsSlide *self)
{
  g_return_val_if_fail (IPMS_IS_SLIDE (self), 0);
  return self->part;
}

guint
ipms_slide_get_n_parts (IpmsSlide *self)
{
  g_return_val_if_fail (IPMS_IS_SLIDE (self), 1);
  return self->n_parts;
}

guint
ipms_slide_get_setup_index (IpmsSlide *self)
{
  g_return_val_if_fail (IPMS_IS_SLIDE (self), 0);
  return self->setup_index;
}

gint64
ipms_slide_get_product_id (IpmsSlide *self)
{
  g_return_val_if_fail (IPMS_IS_SLIDE (self), 0);
  return self->product_id;
}

const char *
ipms_slide_get_notes (IpmsSlide *self)
{
  g_return_val_if_fail (IPMS_IS_SLIDE (self), "");
  return self->notes;
}

char *
ipms_slide_dup_text (IpmsSlide *self)
{
  GString *text;

  g_return_val_if_fail (IPMS_IS_SLIDE (self), NULL);

  text = g_string_new (self->title);
  for (guint p = 0; p < self->pieces->len; p++)
    {
      const IpmsSlidePiece *piece = &g_array_index (self->pieces, IpmsSlidePiece, p);
      guint last = piece->block->type == IPMS_SLIDE_BLOCK_TITLE ? piece->block->rows->len
                                                                 : piece->first_row + piece->n_rows;

      if (piece->block->heading != NULL)
        g_string_append_printf (text, "\n%s", piece->block->heading);

      for (guint r = piece->first_row; r < last; r++)
        for (char **cell = piece->block->rows->pdata[r]; *cell != NULL; cell++)
          g_string_append_printf (text, "\n%s", *cell);
    }

  return g_string_free (text, FALSE);
}

/* Painting */

static void
show_layout (cairo_t         *cr,
             PangoLayout     *layout,
             double           x,
             double           y,
             const IpmsColor *color)
{
  ipms_chart_style_set_source (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
paint_title_page (IpmsSlide              *self,
                  cairo_t                *cr,
                  const IpmsSlideBlock   *block,
                  const IpmsChartPalette *palette)
{
  char **cells = block->rows->pdata[0];
  g_autoptr(PangoLayout) name = create_layout (cr, FONT_TITLE, cells[0], CONTENT_WIDTH, 3 * 110);
  g_autoptr(PangoLayout) category = create_layout (cr, FONT_SUBTITLE, cells[1], CONTENT_WIDTH, 2 * 60);
  g_autoptr(PangoLayout) date = create_layout (cr, FONT_SUBTITLE, cells[2], CONTENT_WIDTH, 0);
  g_autoptr(PangoLayout) presenter = create_layout (cr, FONT_SUBTITLE, cells[3], CONTENT_WIDTH, 0);
  double y = 300;

  ipms_chart_style_set_source (cr, &palette->accent);
  cairo_rectangle (cr, MARGIN_X, y - 48, 160, 10);
  cairo_fill (cr);

  show_layout (cr, name, MARGIN_X, y, &palette->foreground);
  y += layout_height (name) + 24;
  show_layout (cr, category, MARGIN_X, y, &palette->dim_foreground);

  show_layout (cr, date, MARGIN_X, 800, &palette->foreground);
  show_layout (cr, presenter, MARGIN_X, 800 + layout_height (date) + 8, &palette->dim_foreground);
}

static double
paint_heading (cairo_t                *cr,
               const IpmsSlidePiece   *piece,
               double                  y,
               const IpmsChartPalette *palette)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  if (piece->block->heading == NULL)
    return y;

  /* Translators: a table's heading on a slide where it goes on from the previous slide */
  text = piece->continued ? g_strdup_printf (_("%s (continued)"), piece->block->heading)
                          : g_strdup (piece->block->heading);
  layout = create_layout (cr, FONT_HEADING, text, CONTENT_WIDTH, 0);
  show_layout (cr, layout, MARGIN_X, y, &palette->accent);

  return y + layout_height (layout) + HEADING_GAP;
}

static double
paint_row (cairo_t                *cr,
           const IpmsSlideBlock   *block,
           char                  **cells,
           gboolean                header,
           double                  y,
           const IpmsChartPalette *palette)
{
  double x[IPMS_SLIDE_MAX_COLUMNS], width[IPMS_SLIDE_MAX_COLUMNS];
  PangoLayout *layouts[IPMS_SLIDE_MAX_COLUMNS] = { NULL };
  double height = 0;

  /* Measured as row_height() does, each layout made once. */
  column_geometry (block, x, width);
  for (guint i = 0; i < block->n_columns; i++)
    {
      if (*cells[i] == '\0')
        continue;

      layouts[i] = create_layout (cr, header ? FONT_HEADER : cell_font (block, i),
                                  cells[i], width[i], max_cell_height ());
      height = MAX (height, layout_height (layouts[i]));
    }
  height += 2 * CELL_PADDING;

  for (guint i = 0; i < block->n_columns; i++)
    if (layouts[i] != NULL)
      {
        show_layout (cr, layouts[i], x[i], y + CELL_PADDING,
                     header ? &palette->dim_foreground : &palette->foreground);
        g_object_unref (layouts[i]);
      }

  ipms_chart_style_set_source (cr, header ? &palette->border : &palette->grid_line);
  cairo_rectangle (cr, MARGIN_X, y + height - (header ? 2 : 1), CONTENT_WIDTH, header ? 2 : 1);
  cairo_fill (cr);

  return y + height;
}

static void
paint_chart (cairo_t        *cr,
             IpmsChart      *chart,
             double          device_scale)
{
  IpmsChartPaintOptions options = { FALSE, TRUE, 1.0 };
  double chart_width = 0, chart_height = 0;
  double area_y = CONTENT_TOP - 16, area_height = CONTENT_BOTTOM - area_y;
  double scale;

  ipms_chart_get_size (chart, &chart_width, &chart_height);
  if (chart_width < 1 || chart_height < 1)
    return;

  scale = MIN (CONTENT_WIDTH / chart_width, area_height / chart_height);
  cairo_save (cr);
  cairo_translate (cr, MARGIN_X + (CONTENT_WIDTH - chart_width * scale) / 2, area_y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, chart_width, chart_height);
  cairo_clip (cr);
  options.scale = scale * device_scale;
  ipms_chart_paint (chart, cr, &options);
  cairo_restore (cr);
}

static void
paint_frame (IpmsSlide              *self,
             cairo_t                *cr,
             const IpmsChartPalette *palette)
{
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *title_text = NULL;
  g_autofree char *number_text = NULL;

  if (self->n_parts > 1)
    /* Translators: a slide's title with its part: "Products (2/3)" */
    title_text = g_strdup_printf (_("%s (%u/%u)"), self->title, self->part + 1, self->n_parts);
  else
    title_text = g_strdup (self->title);

  title = create_layout (cr, FONT_SLIDE_TITLE, title_text, CONTENT_WIDTH, 0);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (title, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (title, -1);
  show_layout (cr, title, MARGIN_X, TITLE_Y, &palette->foreground);

  ipms_chart_style_set_source (cr, &palette->accent);
  cairo_rectangle (cr, MARGIN_X, RULE_Y, 120, 6);
  cairo_fill (cr);

  if (self->n_slides > 0)
    {
      number_text = g_strdup_printf ("%u / %u", self->position + 1, self->n_slides);
      int number_width;

      number = create_layout (cr, FONT_FOOTER, number_text, 0, 0);
      pango_layout_get_size (number, &number_width, NULL);
      show_layout (cr, number, IPMS_SLIDE_WIDTH - MARGIN_X - (double) number_width / PANGO_SCALE,
                   FOOTER_Y, &palette->dim_foreground);
    }

  if (self->footer != NULL)
    {
      footer = create_layout (cr, FONT_FOOTER, self->footer, CONTENT_WIDTH * 0.7, 0);
      pango_layout_set_ellipsize (footer, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (footer, -1);
      show_layout (cr, footer, MARGIN_X, FOOTER_Y, &palette->dim_foreground);
    }
}

void
ipms_slide_paint (IpmsSlide *self,
                  cairo_t   *cr,
                  double     width,
                  double     height,
                  double     device_scale)
{
  const IpmsChartPalette *palette = ipms_chart_style_get_palette (FALSE);
  gboolean title_page = FALSE;
  double scale, y = CONTENT_TOP;

  g_return_if_fail (IPMS_IS_SLIDE (self));

  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);

  /* Letterbox: black bars where the area is not 16:9. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  scale = MIN (width / IPMS_SLIDE_WIDTH, height / IPMS_SLIDE_HEIGHT);
  cairo_translate (cr, (width - IPMS_SLIDE_WIDTH * scale) / 2, (height - IPMS_SLIDE_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, IPMS_SLIDE_WIDTH, IPMS_SLIDE_HEIGHT);
  cairo_clip (cr);

  ipms_chart_style_set_source (cr, &palette->background);
  cairo_paint (cr);
  attach_context (cr);

  for (guint p = 0; p < self->pieces->len; p++)
    {
      const IpmsSlidePiece *piece = &g_array_index (self->pieces, IpmsSlidePiece, p);
      const IpmsSlideBlock *block = piece->block;

      switch (block->type)
        {
        case IPMS_SLIDE_BLOCK_TITLE:
          paint_title_page (self, cr, block, palette);
          title_page = TRUE;
          break;

        case IPMS_SLIDE_BLOCK_CHART:
          paint_chart (cr, block->chart, scale * device_scale);
          break;

        case IPMS_SLIDE_BLOCK_TEXT:
          {
            g_autoptr(PangoLayout) layout = NULL;

            y = paint_heading (cr, piece, y, palette);
            layout = create_layout (cr, FONT_SUBTITLE, ((char **) block->rows->pdata[0])[0],
                                    CONTENT_WIDTH, max_cell_height ());
            show_layout (cr, layout, MARGIN_X, y, &palette->dim_foreground);
            y += layout_height (layout) + BLOCK_GAP;
          }
          break;

        case IPMS_SLIDE_BLOCK_TABLE:
        default:
          y = paint_heading (cr, piece, y, palette);
          if (block->header != NULL)
            y = paint_row (cr, block, block->header, TRUE, y, palette);
          for (guint r = piece->first_row; r < piece->first_row + piece->n_rows; r++)
            y = paint_row (cr, block, block->rows->pdata[r], FALSE, y, palette);
          y += BLOCK_GAP;
          break;
        }
    }

  if (!title_page)
    paint_frame (self, cr, palette);

  detach_context (cr);
  cairo_restore (cr);
}
