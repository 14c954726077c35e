/* ipms-panorama-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "ipms-chart-style.h"
#include "ipms-format.h"
#include "ipms-panorama-chart.h"

#define MARGIN          24.0
#define TITLE_HEIGHT    52.0
#define ROW_HEADER_W    176.0
#define COL_HEADER_H    60.0
#define CELL_PAD        10.0
#define CELL_TITLE_H    42.0
#define CHIP_W          IPMS_PANORAMA_CHIP_WIDTH
#define CHIP_H          IPMS_PANORAMA_CHIP_HEIGHT
/* Between a chip's edge and the ink of its text, and between the ink of
 * the name and of the price, when the name takes two lines. */
#define CHIP_TEXT_MARGIN 3.0
#define CHIP_TEXT_GAP    3.0
#define CHIP_GAP        8.0
#define LEGEND_GAP      24.0
#define LEGEND_MIN_W    600.0
/* Changed products beyond which a new layout is as cheap as updating cells. */
#define MAX_TOUCHED     256
#define LEGEND_LINE_GAP 6.0

static const char grade_order[] = "RSABF";

typedef struct
{
  IpmsRecord  *segment;     /* nullable */
  GPtrArray   *products;    /* IpmsRecord, in cell order */
  PangoLayout *title;
  PangoLayout *metrics;
  PangoLayout *role;
  guint64      stamp;       /* changes with anything paint_cell() draws */
} Cell;

typedef struct
{
  guint        revision;
  PangoLayout *name;
  /* The name on up to two lines, for export when it does not fit on one:
   * a chart printed for a review shows whole names. NULL when it fits. */
  PangoLayout *long_name;
  PangoLayout *price;
} ChipText;

typedef enum
{
  LEGEND_TITLE,
  LEGEND_SCALE,
  LEGEND_CORE,
  LEGEND_RADIATING,
  LEGEND_GRADE,
  LEGEND_SERIES,
} LegendKind;

typedef struct
{
  LegendKind  kind;
  char       *label;
  char       *badge;        /* grade code */
  char       *color_text;   /* series colour */
  char       *low;          /* scale labels */
  char       *high;
  guint       index;        /* series position */
  double      x;
  double      y;
} LegendItem;

struct _IpmsPanoramaChart
{
  GObject       parent_instance;

  IpmsDocument *document;
  gulong        row_changed_id;
  gulong        changes_done_id;
  gulong        reloaded_id;
  gboolean      grid_touched;
  gboolean      dirty;
  /* Products changed since the last layout, when nothing else did: the
   * next layout updates their cells alone (see update_touched_products). */
  GHashTable   *touched;
  gboolean      reset;

  PangoContext *pango_context;
  cairo_t      *measure_cr;

  GPtrArray    *columns;       /* IpmsRecord axis items "x" */
  GPtrArray    *rows;          /* IpmsRecord axis items "y" */
  Cell         *cells;         /* rows × columns, row major */
  GHashTable   *placed;        /* product id → GUINT (row * n_columns + column) + 1 */
  GHashTable   *series;        /* series id → IpmsRecord */
  GHashTable   *chip_texts;    /* product id → ChipText */
  GArray       *legend;        /* LegendItem */
  GPtrArray    *column_titles; /* PangoLayout */
  GPtrArray    *row_titles;    /* PangoLayout */
  PangoLayout  *title;
  PangoLayout  *subtitle;
  PangoLayout  *x_axis_title;
  PangoLayout  *y_axis_title;
  PangoLayout  *empty_message;
  PangoLayout  *badges[5];
  cairo_path_t *chip_path;     /* at the origin */
  cairo_path_t *chip_inner_path;
  cairo_path_t *badge_path;
  char         *currency;
  guint         n_placed;

  double        min_value;
  double        max_value;
  guint         chip_columns;
  double        cell_width;
  double       *row_y;         /* n_rows + 1 boundaries */
  double        grid_x;
  double        grid_y;
  double        legend_y;
  double        width;
  double        height;
};

static void chart_iface_init (IpmsChartInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IpmsPanoramaChart, ipms_panorama_chart, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (IPMS_TYPE_CHART, chart_iface_init))

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
chip_text_free (gpointer data)
{
  ChipText *text = data;

  g_clear_object (&text->name);
  g_clear_object (&text->long_name);
  g_clear_object (&text->price);
  g_free (text);
}

static void
legend_item_clear (gpointer data)
{
  LegendItem *item = data;

  g_free (item->label);
  g_free (item->badge);
  g_free (item->color_text);
  g_free (item->low);
  g_free (item->high);
}

static void
clear_cells (IpmsPanoramaChart *self)
{
  guint n = self->columns->len * self->rows->len;

  for (guint i = 0; self->cells != NULL && i < n; i++)
    {
      g_clear_object (&self->cells[i].segment);
      g_clear_pointer (&self->cells[i].products, g_ptr_array_unref);
      g_clear_object (&self->cells[i].title);
      g_clear_object (&self->cells[i].metrics);
      g_clear_object (&self->cells[i].role);
    }
  g_clear_pointer (&self->cells, g_free);
}

static inline Cell *
get_cell (IpmsPanoramaChart *self,
          guint              column,
          guint              row)
{
  return &self->cells[row * self->columns->len + column];
}

static gboolean
is_grid_table (const char *table)
{
  static const char * const tables[] = {
    "axis_item", "segment", "product", "series", "grade", "project",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (strcmp (table, tables[i]) == 0)
      return TRUE;

  return FALSE;
}

static void
on_row_changed (IpmsPanoramaChart *self,
                const char        *table,
                gint64             id,
                IpmsRowChange      change,
                IpmsDocument      *document)
{
  if (!is_grid_table (table))
    return;

  self->grid_touched = TRUE;
  if (strcmp (table, "product") == 0)
    {
      gint64 *key = g_new (gint64, 1);

      *key = id;
      g_hash_table_add (self->touched, key);
    }
  else
    {
      self->reset = TRUE;
    }

  /* The currency shows in every price: the cached texts are stale. */
  if (strcmp (table, "project") == 0)
    g_hash_table_remove_all (self->chip_texts);
}

/* Another program changed the file: any row may differ. "changes-done"
 * follows and lays the grid out again. */
static void
on_reloaded (IpmsPanoramaChart *self,
             IpmsDocument      *document)
{
  self->grid_touched = TRUE;
  self->reset = TRUE;
  g_hash_table_remove_all (self->chip_texts);
}

static void
on_changes_done (IpmsPanoramaChart *self,
                 IpmsDocument      *document)
{
  if (!self->grid_touched)
    return;

  self->grid_touched = FALSE;
  /* Past a few hundred products a new layout costs no more. */
  if (self->reset || g_hash_table_size (self->touched) > MAX_TOUCHED)
    {
      self->dirty = TRUE;
      self->reset = FALSE;
      g_hash_table_remove_all (self->touched);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static PangoLayout *
new_layout (IpmsPanoramaChart *self,
            IpmsChartFont      font,
            const char        *text,
            double             width,
            int                max_lines)
{
  PangoLayout *layout = pango_layout_new (self->pango_context);

  pango_layout_set_font_description (layout, ipms_chart_style_get_font (font));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      if (max_lines > 1)
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (layout, -max_lines);
        }
    }

  return layout;
}

static ChipText *
ensure_chip_text (IpmsPanoramaChart *self,
                  IpmsRecord        *product)
{
  gint64 id = ipms_record_get_id (product);
  ChipText *text = g_hash_table_lookup (self->chip_texts, &id);
  g_autofree char *price = NULL;
  gint64 *key;

  if (text != NULL && text->revision == ipms_record_get_revision (product))
    return text;

  if (text == NULL)
    {
      text = g_new0 (ChipText, 1);
      key = g_new (gint64, 1);
      *key = id;
      g_hash_table_insert (self->chip_texts, key, text);
    }

  text->revision = ipms_record_get_revision (product);
  g_clear_object (&text->name);
  g_clear_object (&text->long_name);
  g_clear_object (&text->price);
  text->name = new_layout (self, IPMS_CHART_FONT_BODY_BOLD,
                           ipms_record_get_string (product, "name"),
                           CHIP_W - 54, 1);
  if (pango_layout_is_ellipsized (text->name))
    text->long_name = new_layout (self, IPMS_CHART_FONT_BODY_BOLD,
                                  ipms_record_get_string (product, "name"),
                                  CHIP_W - 54, 2);
  if (ipms_record_is_null (product, "price"))
    /* Translators: shown on a product chip when no price is set yet */
    price = g_strdup (_("No price"));
  else
    price = ipms_format_price (ipms_record_get_double (product, "price"), self->currency);
  text->price = new_layout (self, IPMS_CHART_FONT_SMALL, price, CHIP_W - 54, 1);

  if (text->long_name != NULL)
    {
      PangoRectangle price_ink, line_ink, line_box;
      double room;

      /* Two lines of name and the price must fit the chip's height: close
       * the name's lines up as much as needed (CJK fonts space them wide).
       * The name's ink is one line's ink plus the advance to the second. */
      pango_layout_get_pixel_extents (text->price, &price_ink, NULL);
      pango_layout_line_get_pixel_extents (pango_layout_get_line_readonly (text->long_name, 0),
                                           &line_ink, &line_box);
      room = CHIP_H - 2 * CHIP_TEXT_MARGIN - CHIP_TEXT_GAP - price_ink.height - line_ink.height;
      if (line_box.height > 0)
        pango_layout_set_line_spacing (text->long_name, CLAMP (room / line_box.height, 0.5, 1.0));
    }

  return text;
}

typedef struct
{
  gint64      order;
  gint64      id;
  IpmsRecord *product;
} CellSlot;

static int
compare_cell_slots (gconstpointer a,
                    gconstpointer b)
{
  const CellSlot *sa = a;
  const CellSlot *sb = b;

  if (sa->order != sb->order)
    return sa->order < sb->order ? -1 : 1;

  return sa->id < sb->id ? -1 : sa->id > sb->id;
}

/* Puts a cell's products in their cell order, then by id. The keys are
 * read once per product, not once per comparison: reading a column by
 * name in the comparison made this sort a third of a 10,000-product
 * layout. */
static void
sort_cell_products (GPtrArray *products)
{
  g_autofree CellSlot *slots = NULL;

  if (products->len < 2)
    return;

  slots = g_new (CellSlot, products->len);
  for (guint i = 0; i < products->len; i++)
    {
      IpmsRecord *product = g_ptr_array_index (products, i);

      slots[i] = (CellSlot) { ipms_record_get_int (product, "cell_order"), ipms_record_get_id (product), product };
    }
  qsort (slots, products->len, sizeof (CellSlot), compare_cell_slots);
  for (guint i = 0; i < products->len; i++)
    products->pdata[i] = slots[i].product;
}

static int
find_axis_index (GPtrArray *items,
                 gint64     id)
{
  for (guint i = 0; i < items->len; i++)
    if (ipms_record_get_id (g_ptr_array_index (items, i)) == id)
      return (int) i;

  return -1;
}

static char *
dup_segment_metrics (IpmsPanoramaChart *self,
                     IpmsRecord        *segment)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (!ipms_record_is_null (segment, "size"))
    {
      g_autofree char *size = ipms_format_compact (ipms_record_get_int (segment, "size"), NULL);

      /* Translators: the number of people (or households) in a segment */
      g_ptr_array_add (parts, g_strdup_printf (_("%s people"), size));
    }
  if (!ipms_record_is_null (segment, "market_value"))
    g_ptr_array_add (parts, ipms_format_compact (ipms_record_get_double (segment, "market_value"),
                                            self->currency));
  if (!ipms_record_is_null (segment, "growth"))
    {
      double growth = ipms_record_get_double (segment, "growth");

      g_autofree char *percent = ipms_format_percent (growth, TRUE);

      /* Translators: yearly growth of a segment; %s is a percentage such as "+12%" */
      g_ptr_array_add (parts, g_strdup_printf (_("%s a year"), percent));
    }

  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static double
legend_item_paint (IpmsPanoramaChart      *self,
                   cairo_t                *cr,
                   const IpmsChartPalette *palette,
                   gboolean                dark,
                   const LegendItem       *item,
                   double                  x,
                   double                  y)
{
  IpmsColor color;

  switch (item->kind)
    {
    case LEGEND_TITLE:
      return ipms_chart_style_draw_legend_title (cr, palette, x, y, item->label);
    case LEGEND_SCALE:
      return ipms_chart_style_draw_legend_scale (cr, palette, x, y, 120, item->low, item->high);
    case LEGEND_CORE:
      return ipms_chart_style_draw_legend_outline (cr, palette, x, y, &palette->core,
                                                   IPMS_OUTLINE_SOLID, item->label);
    case LEGEND_RADIATING:
      return ipms_chart_style_draw_legend_outline (cr, palette, x, y, &palette->radiating,
                                                   IPMS_OUTLINE_DASHED, item->label);
    case LEGEND_GRADE:
      ipms_chart_style_get_grade_color (item->badge, dark, &color);
      return ipms_chart_style_draw_legend_swatch (cr, palette, x, y, &color, item->badge, item->label);
    case LEGEND_SERIES:
      ipms_chart_style_get_series_color (item->color_text, item->index, dark, &color);
      return ipms_chart_style_draw_legend_swatch (cr, palette, x, y, &color, NULL, item->label);
    default:
      g_assert_not_reached ();
    }
}

static LegendItem *
legend_add (IpmsPanoramaChart *self,
            LegendKind         kind,
            const char        *label)
{
  LegendItem item = { kind, g_strdup (label), NULL, NULL, NULL, NULL, 0, 0, 0 };

  g_array_append_val (self->legend, item);

  return &g_array_index (self->legend, LegendItem, self->legend->len - 1);
}

static void
build_legend (IpmsPanoramaChart *self,
              double             max_width)
{
  const IpmsChartPalette *palette = ipms_chart_style_get_palette (FALSE);
  g_autoptr(GPtrArray) grades = ipms_document_query (self->document, "grade", NULL, 0, "code");
  g_autoptr(GPtrArray) series = ipms_document_query (self->document, "series", NULL, 0, "position");
  guint group_starts[3];
  double x, y;
  LegendItem *item;

  g_array_set_size (self->legend, 0);

  group_starts[0] = self->legend->len;
  /* No segment with a value: a "$0–$0" scale would say nothing. */
  if (self->min_value != 0 || self->max_value != 0)
    {
      legend_add (self, LEGEND_TITLE, _("Market value"));
      item = legend_add (self, LEGEND_SCALE, NULL);
      item->low = ipms_format_compact (self->min_value, self->currency);
      item->high = ipms_format_compact (self->max_value, self->currency);
    }
  legend_add (self, LEGEND_TITLE, _("Segments"));
  /* Translators: the core population (核心人群) */
  legend_add (self, LEGEND_CORE, _("Core"));
  /* Translators: the radiating populations (辐射人群) */
  legend_add (self, LEGEND_RADIATING, _("Radiating"));

  group_starts[1] = self->legend->len;
  /* Translators: product grade, R/S/A/B/F (产品分级) */
  legend_add (self, LEGEND_TITLE, _("Grade"));
  for (guint code = 0; ipms_grade_codes[code] != NULL; code++)
    {
      const char *label = ipms_grade_codes[code];

      for (guint i = 0; i < grades->len; i++)
        {
          IpmsRecord *grade = g_ptr_array_index (grades, i);

          if (strcmp (ipms_record_get_string (grade, "code"), ipms_grade_codes[code]) == 0)
            label = ipms_record_get_string (grade, "label");
        }

      item = legend_add (self, LEGEND_GRADE,
                         strcmp (label, ipms_grade_codes[code]) != 0 ? label : NULL);
      item->badge = g_strdup (ipms_grade_codes[code]);
    }

  group_starts[2] = self->legend->len;
  if (series->len > 0)
    {
      legend_add (self, LEGEND_TITLE, _("Series"));
      for (guint i = 0; i < series->len; i++)
        {
          IpmsRecord *s = g_ptr_array_index (series, i);

          item = legend_add (self, LEGEND_SERIES, ipms_record_get_string (s, "name"));
          item->color_text = g_strdup (ipms_record_get_string (s, "color"));
          item->index = (guint) ipms_record_get_int (s, "position");
        }
    }

  /* Each group starts a line; a group wider than the chart wraps. */
  x = MARGIN;
  y = self->legend_y;
  for (guint i = 0; i < self->legend->len; i++)
    {
      LegendItem *it = &g_array_index (self->legend, LegendItem, i);
      double w = legend_item_paint (self, self->measure_cr, palette, FALSE, it, 0, 0);
      gboolean group_start = i == group_starts[1] || i == group_starts[2];

      if (i > 0 && (group_start || x + w > MARGIN + max_width))
        {
          x = MARGIN;
          y += ipms_chart_style_legend_row_height () + LEGEND_LINE_GAP;
        }

      it->x = x;
      it->y = y;
      x += w;
    }

  self->height = y + ipms_chart_style_legend_row_height () + MARGIN;
}

static inline guint64
stamp_mix (guint64 stamp,
           guint64 value)
{
  /* FNV-1a over 64-bit words: collisions are as good as impossible here. */
  return (stamp ^ value) * G_GUINT64_CONSTANT (1099511628211);
}

static void
compute_stamps (IpmsPanoramaChart *self)
{
  guint64 shared = G_GUINT64_CONSTANT (14695981039346656037);
  GHashTableIter iter;
  gpointer value;
  guint64 min, max;

  memcpy (&min, &self->min_value, sizeof min);
  memcpy (&max, &self->max_value, sizeof max);

  /* What every cell depends on: the value scale, the currency, the series
   * colours, the number of chip columns. */
  shared = stamp_mix (shared, min);
  shared = stamp_mix (shared, max);
  shared = stamp_mix (shared, self->chip_columns);
  shared = stamp_mix (shared, self->currency != NULL ? g_str_hash (self->currency) : 0);
  g_hash_table_iter_init (&iter, self->series);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      shared = stamp_mix (shared, (guint64) ipms_record_get_id (value));
      shared = stamp_mix (shared, ipms_record_get_revision (value));
    }

  for (guint row = 0; row < self->rows->len; row++)
    for (guint column = 0; column < self->columns->len; column++)
      {
        Cell *cell = get_cell (self, column, row);
        cairo_rectangle_t rect;
        guint64 stamp = shared;

        ipms_panorama_chart_get_cell_rect (self, column, row, &rect);
        stamp = stamp_mix (stamp, (guint64) (rect.x * 16));
        stamp = stamp_mix (stamp, (guint64) (rect.y * 16));
        stamp = stamp_mix (stamp, (guint64) (rect.width * 16));
        stamp = stamp_mix (stamp, (guint64) (rect.height * 16));
        if (cell->segment != NULL)
          {
            stamp = stamp_mix (stamp, (guint64) ipms_record_get_id (cell->segment));
            stamp = stamp_mix (stamp, ipms_record_get_revision (cell->segment));
          }
        for (guint i = 0; i < cell->products->len; i++)
          {
            IpmsRecord *product = g_ptr_array_index (cell->products, i);

            stamp = stamp_mix (stamp, (guint64) ipms_record_get_id (product));
            stamp = stamp_mix (stamp, ipms_record_get_revision (product));
          }
        cell->stamp = stamp;
      }
}

/* Wide cells rather than tall ones once a cell holds many products, so
 * that a crowded grid stays roughly as wide as it is tall. */
static guint
chip_columns_for (guint max_in_cell)
{
  if (max_in_cell <= 4)
    return 1;
  if (max_in_cell <= 12)
    return 2;
  return (guint) ceil (sqrt (max_in_cell / 2.0));
}

static double
row_height (IpmsPanoramaChart *self,
            guint              row)
{
  guint most = 1;
  double height;

  for (guint column = 0; column < self->columns->len; column++)
    most = MAX (most, get_cell (self, column, row)->products->len);

  most = (most + self->chip_columns - 1) / self->chip_columns;
  height = CELL_TITLE_H + CELL_PAD + most * (CHIP_H + CHIP_GAP) - CHIP_GAP + CELL_PAD;

  return MAX (height, 72.0);
}

static guint
find_segment_cell (IpmsPanoramaChart *self,
                   gint64             segment_id)
{
  guint n = self->columns->len * self->rows->len;

  for (guint i = 0; segment_id != IPMS_NULL_ID && i < n; i++)
    if (self->cells[i].segment != NULL && ipms_record_get_id (self->cells[i].segment) == segment_id)
      return i + 1;

  return 0;
}

/* Only products changed (moved, added, edited, deleted): take each out of
 * its cell and put it in its new one, without querying the other
 * thousands. That holds while the chip columns and every row's height stay
 * as they were, so that no cell moves; FALSE otherwise, and the caller
 * lays everything out again. */
static gboolean
update_touched_products (IpmsPanoramaChart *self)
{
  guint n_cells = self->columns->len * self->rows->len;
  g_autofree gboolean *resort = g_new0 (gboolean, MAX (1, n_cells));
  guint was_placed = self->n_placed;
  guint max_in_cell = 0;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->touched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = *(gint64 *) key;
      guint old_cell = GPOINTER_TO_UINT (g_hash_table_lookup (self->placed, &id));
      IpmsRecord *product = ipms_document_get_record (self->document, "product", id);
      guint new_cell = 0;

      if (product != NULL && ipms_record_is_alive (product))
        new_cell = find_segment_cell (self, ipms_record_get_int (product, "segment_id"));

      if (old_cell != 0)
        {
          GPtrArray *products = self->cells[old_cell - 1].products;

          for (guint i = 0; i < products->len; i++)
            if (ipms_record_get_id (g_ptr_array_index (products, i)) == id)
              {
                g_ptr_array_remove_index (products, i);
                break;
              }
          g_hash_table_remove (self->placed, &id);
          self->n_placed--;
        }

      if (new_cell != 0)
        {
          gint64 *stored = g_new (gint64, 1);

          *stored = id;
          g_ptr_array_add (self->cells[new_cell - 1].products, g_object_ref (product));
          g_hash_table_insert (self->placed, stored, GUINT_TO_POINTER (new_cell));
          self->n_placed++;
          resort[new_cell - 1] = TRUE;
        }
    }
  g_hash_table_remove_all (self->touched);

  for (guint i = 0; i < n_cells; i++)
    {
      if (resort[i])
        sort_cell_products (self->cells[i].products);
      max_in_cell = MAX (max_in_cell, self->cells[i].products->len);
    }

  /* The empty grid says so in its middle. */
  if ((was_placed == 0) != (self->n_placed == 0) || chip_columns_for (max_in_cell) != self->chip_columns)
    return FALSE;

  for (guint row = 0; row < self->rows->len; row++)
    if (self->row_y[row] + row_height (self, row) != self->row_y[row + 1])
      return FALSE;

  compute_stamps (self);
  return TRUE;
}

static void
ensure_layout (IpmsPanoramaChart *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autofree char *project_title = NULL;
  IpmsRecord *project;
  guint n_columns, n_rows;
  guint max_in_cell = 0;
  gboolean have_value = FALSE;
  double grid_width;

  if (!self->dirty)
    {
      if (g_hash_table_size (self->touched) == 0 || update_touched_products (self))
        return;
    }

  self->dirty = FALSE;
  g_hash_table_remove_all (self->touched);

  clear_cells (self);
  g_ptr_array_set_size (self->columns, 0);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->column_titles, 0);
  g_ptr_array_set_size (self->row_titles, 0);
  g_hash_table_remove_all (self->placed);
  g_hash_table_remove_all (self->series);
  self->n_placed = 0;

  project = ipms_document_get_project (self->document);
  g_clear_pointer (&self->currency, g_free);
  if (project != NULL && !ipms_record_is_null (project, "currency"))
    self->currency = g_strdup (ipms_record_get_string (project, "currency"));

  items = ipms_document_query (self->document, "axis_item", NULL, 0, "position");
  for (guint i = 0; i < items->len; i++)
    {
      IpmsRecord *item = g_ptr_array_index (items, i);

      if (strcmp (ipms_record_get_string (item, "axis"), "x") == 0)
        g_ptr_array_add (self->columns, g_object_ref (item));
      else
        g_ptr_array_add (self->rows, g_object_ref (item));
    }

  n_columns = self->columns->len;
  n_rows = self->rows->len;
  self->cells = g_new0 (Cell, MAX (1, n_columns * n_rows));
  for (guint i = 0; i < n_columns * n_rows; i++)
    self->cells[i].products = g_ptr_array_new_with_free_func (g_object_unref);

  self->min_value = 0;
  self->max_value = 0;
  segments = ipms_document_query (self->document, "segment", NULL, 0, NULL);
  for (guint i = 0; i < segments->len; i++)
    {
      IpmsRecord *segment = g_ptr_array_index (segments, i);
      int column = find_axis_index (self->columns, ipms_record_get_int (segment, "x_item_id"));
      int row = find_axis_index (self->rows, ipms_record_get_int (segment, "y_item_id"));
      Cell *cell;

      if (column < 0 || row < 0)
        continue;

      cell = get_cell (self, column, row);
      /* Two segment rows for one cell: the first one wins, consistently. */
      if (cell->segment != NULL)
        continue;

      cell->segment = g_object_ref (segment);
      if (!ipms_record_is_null (segment, "market_value"))
        {
          double value = ipms_record_get_double (segment, "market_value");

          self->min_value = have_value ? MIN (self->min_value, value) : value;
          self->max_value = have_value ? MAX (self->max_value, value) : value;
          have_value = TRUE;
        }
    }

  series = ipms_document_query (self->document, "series", NULL, 0, "position");
  for (guint i = 0; i < series->len; i++)
    {
      IpmsRecord *s = g_ptr_array_index (series, i);
      gint64 *key = g_new (gint64, 1);

      *key = ipms_record_get_id (s);
      g_hash_table_insert (self->series, key, g_object_ref (s));
    }

  /* In no order: each cell sorts its own few products below, and an
   * ORDER BY made SQLite sort every whole row of the table first. */
  products = ipms_document_query (self->document, "product", NULL, 0, NULL);
  {
    /* segment id → cell index, to place products in one pass */
    g_autoptr(GHashTable) cell_of_segment = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

    for (guint i = 0; i < n_columns * n_rows; i++)
      if (self->cells[i].segment != NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = ipms_record_get_id (self->cells[i].segment);
          g_hash_table_insert (cell_of_segment, key, GUINT_TO_POINTER (i + 1));
        }

    for (guint i = 0; i < products->len; i++)
      {
        IpmsRecord *product = g_ptr_array_index (products, i);
        gint64 segment_id = ipms_record_get_int (product, "segment_id");
        guint cell_index;
        gint64 *key;

        if (segment_id == IPMS_NULL_ID)
          continue;

        cell_index = GPOINTER_TO_UINT (g_hash_table_lookup (cell_of_segment, &segment_id));
        if (cell_index == 0)
          continue;

        g_ptr_array_add (self->cells[cell_index - 1].products, g_object_ref (product));
        key = g_new (gint64, 1);
        *key = ipms_record_get_id (product);
        g_hash_table_insert (self->placed, key, GUINT_TO_POINTER (cell_index));
        self->n_placed++;
      }
  }

  for (guint i = 0; i < n_columns * n_rows; i++)
    {
      sort_cell_products (self->cells[i].products);
      max_in_cell = MAX (max_in_cell, self->cells[i].products->len);
    }

  self->chip_columns = chip_columns_for (max_in_cell);

  self->cell_width = 2 * CELL_PAD + self->chip_columns * (CHIP_W + CHIP_GAP) - CHIP_GAP;
  self->grid_x = MARGIN;
  self->grid_y = MARGIN + TITLE_HEIGHT;

  g_free (self->row_y);
  self->row_y = g_new (double, n_rows + 1);
  self->row_y[0] = self->grid_y + COL_HEADER_H;
  for (guint row = 0; row < n_rows; row++)
    self->row_y[row + 1] = self->row_y[row] + row_height (self, row);

  /* Texts */
  for (guint column = 0; column < n_columns; column++)
    {
      PangoLayout *title = new_layout (self, IPMS_CHART_FONT_HEADER,
                                       ipms_record_get_string (g_ptr_array_index (self->columns, column), "label"),
                                       self->cell_width - 16, 2);

      /* A title wrapped to two lines fills the cell's width: centre its
       * lines, or it stands left-aligned among the centred one-line titles. */
      pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
      g_ptr_array_add (self->column_titles, title);
    }
  for (guint row = 0; row < n_rows; row++)
    g_ptr_array_add (self->row_titles,
                     new_layout (self, IPMS_CHART_FONT_HEADER,
                                 ipms_record_get_string (g_ptr_array_index (self->rows, row), "label"),
                                 ROW_HEADER_W - 20, 3));

  for (guint i = 0; i < n_columns * n_rows; i++)
    {
      Cell *cell = &self->cells[i];
      const char *role = NULL;
      g_autofree char *metrics = NULL;

      if (cell->segment == NULL)
        continue;

      if (strcmp (ipms_record_get_string (cell->segment, "role"), "core") == 0)
        role = _("Core");
      else if (strcmp (ipms_record_get_string (cell->segment, "role"), "radiating") == 0)
        role = _("Radiating");

      if (role != NULL)
        cell->role = new_layout (self, IPMS_CHART_FONT_SMALL, role, -1, 1);
      cell->title = new_layout (self, IPMS_CHART_FONT_BODY_BOLD,
                                ipms_record_get_string (cell->segment, "name"),
                                self->cell_width - 2 * CELL_PAD - (role != NULL ? 70 : 0), 1);
      metrics = dup_segment_metrics (self, cell->segment);
      cell->metrics = new_layout (self, IPMS_CHART_FONT_SMALL, metrics,
                                  self->cell_width - 2 * CELL_PAD, 1);
    }

  project_title = ipms_document_dup_title (self->document);
  g_clear_object (&self->title);
  self->title = new_layout (self, IPMS_CHART_FONT_TITLE, project_title, -1, 1);
  g_clear_object (&self->subtitle);
  /* Translators: the chart's name, 产品全景图 */
  self->subtitle = new_layout (self, IPMS_CHART_FONT_BODY, _("Product panorama"), -1, 1);

  g_clear_object (&self->x_axis_title);
  g_clear_object (&self->y_axis_title);
  if (project != NULL && ipms_record_get_string (project, "x_axis_title")[0] != '\0')
    self->x_axis_title = new_layout (self, IPMS_CHART_FONT_SMALL,
                                     ipms_record_get_string (project, "x_axis_title"), ROW_HEADER_W - 16, 1);
  else
    /* Translators: the X axis of the population grid (人群偏好/系列) */
    self->x_axis_title = new_layout (self, IPMS_CHART_FONT_SMALL, _("Preference →"), ROW_HEADER_W - 16, 1);
  if (project != NULL && ipms_record_get_string (project, "y_axis_title")[0] != '\0')
    self->y_axis_title = new_layout (self, IPMS_CHART_FONT_SMALL,
                                     ipms_record_get_string (project, "y_axis_title"), ROW_HEADER_W - 16, 1);
  else
    /* Translators: the Y axis of the population grid (人生阶段/特征) */
    self->y_axis_title = new_layout (self, IPMS_CHART_FONT_SMALL, _("Life stage ↓"), ROW_HEADER_W - 16, 1);

  grid_width = ROW_HEADER_W + n_columns * self->cell_width;
  if (n_columns == 0 || n_rows == 0)
    grid_width = MAX (grid_width, LEGEND_MIN_W);

  self->legend_y = self->row_y[n_rows] + LEGEND_GAP;
  if (n_columns == 0 || n_rows == 0)
    self->legend_y = MAX (self->legend_y, self->grid_y + COL_HEADER_H + 100);

  self->width = 2 * MARGIN + MAX (grid_width, LEGEND_MIN_W);
  build_legend (self, self->width - 2 * MARGIN);

  compute_stamps (self);
}

static void
ipms_panorama_chart_get_size (IpmsChart *chart,
                              double    *width,
                              double    *height)
{
  IpmsPanoramaChart *self = IPMS_PANORAMA_CHART (chart);

  ensure_layout (self);

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

static gboolean
rect_visible (const double      *clip,
              cairo_rectangle_t *rect)
{
  return rect->x < clip[2] && rect->x + rect->width > clip[0] &&
         rect->y < clip[3] && rect->y + rect->height > clip[1];
}

static void
paint_chip (IpmsPanoramaChart           *self,
            cairo_t                     *cr,
            const IpmsChartPalette      *palette,
            IpmsRecord                  *product,
            double                       x,
            double                       y,
            const IpmsChartPaintOptions *options)
{
  ChipText *text = ensure_chip_text (self, product);
  const char *grade = ipms_record_get_string (product, "grade");
  gint64 series_id = ipms_record_get_int (product, "series_id");
  IpmsRecord *series = series_id != IPMS_NULL_ID ? g_hash_table_lookup (self->series, &series_id) : NULL;
  IpmsColor color;
  const char *found;
  int tw, th;

  /* Paths built once and translated: arcs cost more than the fills. */
  cairo_save (cr);
  cairo_translate (cr, x, y);
  /* Two fills rather than a fill and a stroke: cairo strokes slowly. */
  cairo_append_path (cr, self->chip_path);
  ipms_chart_style_set_source (cr, &palette->border);
  cairo_fill (cr);
  cairo_append_path (cr, self->chip_inner_path);
  ipms_chart_style_set_source (cr, &palette->surface);
  cairo_fill (cr);

  if (series != NULL)
    {
      /* Inside the outline, so that no clip is needed. */
      ipms_chart_style_get_series_color (ipms_record_get_string (series, "color"),
                                         (guint) ipms_record_get_int (series, "position"),
                                         options->dark, &color);
      ipms_chart_style_set_source (cr, &color);
      cairo_rectangle (cr, 1, 4, 5, CHIP_H - 8);
      cairo_fill (cr);
    }

  ipms_chart_style_get_grade_color (grade, options->dark, &color);
  cairo_append_path (cr, self->badge_path);
  ipms_chart_style_set_source (cr, &color);
  cairo_fill (cr);
  cairo_restore (cr);

  found = grade[0] != '\0' ? strchr (grade_order, grade[0]) : NULL;
  if (found != NULL)
    {
      PangoLayout *badge = self->badges[found - grade_order];

      pango_layout_get_pixel_size (badge, &tw, &th);
      ipms_chart_style_show_layout (cr, badge, x + 14 + (28 - tw) / 2.0,
                                    y + (CHIP_H - th) / 2.0, &palette->on_accent);
    }

  if (options->for_print && text->long_name != NULL)
    {
      PangoRectangle name_ink, price_ink;

      /* Two lines of name over the price. Placed by their ink, not their
       * line boxes: with a CJK font the boxes of three lines are taller
       * than the chip, the glyphs are not. */
      pango_layout_get_pixel_extents (text->long_name, &name_ink, NULL);
      pango_layout_get_pixel_extents (text->price, &price_ink, NULL);
      ipms_chart_style_show_layout (cr, text->long_name, x + 50, y + CHIP_TEXT_MARGIN - name_ink.y,
                                    &palette->foreground);
      ipms_chart_style_show_layout (cr, text->price, x + 50,
                                    y + CHIP_H - CHIP_TEXT_MARGIN - (price_ink.y + price_ink.height),
                                    &palette->dim_foreground);
      return;
    }

  ipms_chart_style_show_layout (cr, text->name, x + 50, y + 5, &palette->foreground);
  ipms_chart_style_show_layout (cr, text->price, x + 50, y + 25, &palette->dim_foreground);
}

static void
paint_centered (cairo_t           *cr,
                PangoLayout       *layout,
                cairo_rectangle_t *rect,
                const IpmsColor   *color)
{
  PangoRectangle logical;

  /* A centred layout's lines start at logical.x, not at 0. */
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  ipms_chart_style_show_layout (cr, layout,
                                rect->x + (rect->width - logical.width) / 2 - logical.x,
                                rect->y + (rect->height - logical.height) / 2 - logical.y, color);
}

static void
paint_back (IpmsPanoramaChart           *self,
            cairo_t                     *cr,
            const IpmsChartPaintOptions *options,
            const double                *clip)
{
  const IpmsChartPalette *palette = ipms_chart_style_get_palette (options->dark);
  guint n_columns = self->columns->len;
  guint n_rows = self->rows->len;
  double grid_right, grid_bottom;
  int w, h;

  /* Title */
  ipms_chart_style_show_layout (cr, self->title, MARGIN, MARGIN, &palette->foreground);
  pango_layout_get_pixel_size (self->title, &w, &h);
  {
    int sw, sh;

    pango_layout_get_pixel_size (self->subtitle, &sw, &sh);
    ipms_chart_style_show_layout (cr, self->subtitle, MARGIN + w + 16,
                                  MARGIN + (h - sh) * 0.7, &palette->dim_foreground);
  }

  grid_right = self->grid_x + ROW_HEADER_W + n_columns * self->cell_width;
  grid_bottom = self->row_y[n_rows];

  if (n_columns == 0 && n_rows == 0)
    {
      cairo_rectangle_t rect = { self->grid_x, self->grid_y, self->width - 2 * MARGIN,
                                 self->legend_y - self->grid_y - LEGEND_GAP };

      if (self->empty_message == NULL)
        self->empty_message = new_layout (self, IPMS_CHART_FONT_BODY,
                                          _("The population grid is empty: add life stages as rows and preferences as columns."),
                                          rect.width - 40, 3);
      ipms_chart_style_rounded_rectangle (cr, rect.x, rect.y, rect.width, rect.height, 8);
      ipms_chart_style_set_source (cr, &palette->grid_line);
      ipms_chart_style_set_outline (cr, IPMS_OUTLINE_DASHED, 1.5);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      paint_centered (cr, self->empty_message, &rect, &palette->dim_foreground);
    }
  else
    {
      cairo_rectangle_t corner = { self->grid_x, self->grid_y, ROW_HEADER_W, COL_HEADER_H };

      /* Half a grid: say what makes the cells. */
      if (n_columns == 0 || n_rows == 0)
        {
          cairo_rectangle_t rect;
          g_autoptr(PangoLayout) hint = NULL;

          if (n_rows == 0)
            rect = (cairo_rectangle_t) { self->grid_x, grid_bottom + 8, self->width - 2 * MARGIN,
                                         self->legend_y - LEGEND_GAP - grid_bottom - 8 };
          else
            rect = (cairo_rectangle_t) { self->grid_x + ROW_HEADER_W + 8, self->grid_y,
                                         self->width - 2 * MARGIN - ROW_HEADER_W - 8, grid_bottom - self->grid_y };
          hint = ipms_chart_style_create_layout (cr, IPMS_CHART_FONT_BODY,
                                                 n_rows == 0 ? _("Add a life stage as a row to make the grid’s cells.")
                                                             : _("Add a preference as a column to make the grid’s cells."),
                                                 rect.width - 40);
          pango_layout_set_wrap (hint, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (hint, -3);
          ipms_chart_style_rounded_rectangle (cr, rect.x, rect.y, rect.width, rect.height, 8);
          ipms_chart_style_set_source (cr, &palette->grid_line);
          ipms_chart_style_set_outline (cr, IPMS_OUTLINE_DASHED, 1.5);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          paint_centered (cr, hint, &rect, &palette->dim_foreground);
        }

      /* Headers */
      ipms_chart_style_set_source (cr, &palette->header);
      cairo_rectangle (cr, self->grid_x, self->grid_y, grid_right - self->grid_x, COL_HEADER_H);
      cairo_rectangle (cr, self->grid_x, self->grid_y + COL_HEADER_H, ROW_HEADER_W,
                       grid_bottom - self->grid_y - COL_HEADER_H);
      cairo_fill (cr);

      pango_layout_get_pixel_size (self->x_axis_title, &w, &h);
      ipms_chart_style_show_layout (cr, self->x_axis_title, corner.x + corner.width - 8 - w,
                                    corner.y + 8, &palette->dim_foreground);
      pango_layout_get_pixel_size (self->y_axis_title, &w, &h);
      ipms_chart_style_show_layout (cr, self->y_axis_title, corner.x + 8,
                                    corner.y + corner.height - 8 - h, &palette->dim_foreground);

      for (guint column = 0; column < n_columns; column++)
        {
          cairo_rectangle_t rect;

          ipms_panorama_chart_get_column_header_rect (self, column, &rect);
          if (rect_visible (clip, &rect))
            paint_centered (cr, g_ptr_array_index (self->column_titles, column), &rect, &palette->foreground);
        }

      for (guint row = 0; row < n_rows; row++)
        {
          cairo_rectangle_t rect;
          PangoLayout *layout = g_ptr_array_index (self->row_titles, row);

          ipms_panorama_chart_get_row_header_rect (self, row, &rect);
          if (!rect_visible (clip, &rect))
            continue;
          pango_layout_get_pixel_size (layout, &w, &h);
          ipms_chart_style_show_layout (cr, layout, rect.x + 10, rect.y + (rect.height - h) / 2,
                                        &palette->foreground);
        }
    }

  /* Legend */
  if (clip[3] > self->legend_y)
    for (guint i = 0; i < self->legend->len; i++)
      {
        LegendItem *item = &g_array_index (self->legend, LegendItem, i);

        legend_item_paint (self, cr, palette, options->dark, item, item->x, item->y);
      }
}

static void
paint_cell (IpmsPanoramaChart           *self,
            cairo_t                     *cr,
            const IpmsChartPaintOptions *options,
            const double                *clip,
            guint                        column,
            guint                        row)
{
  const IpmsChartPalette *palette = ipms_chart_style_get_palette (options->dark);
  Cell *cell = get_cell (self, column, row);
  cairo_rectangle_t rect;
  IpmsColor fill = palette->value_low;
  int w, h;

  ipms_panorama_chart_get_cell_rect (self, column, row, &rect);
  if (!rect_visible (clip, &rect))
    return;

  if (cell->segment != NULL && !ipms_record_is_null (cell->segment, "market_value") &&
      self->max_value > self->min_value)
    ipms_chart_style_get_value_color (palette,
                                      (ipms_record_get_double (cell->segment, "market_value") - self->min_value) /
                                      (self->max_value - self->min_value),
                                      &fill);
  else if (cell->segment != NULL && !ipms_record_is_null (cell->segment, "market_value"))
    ipms_chart_style_get_value_color (palette, 0.5, &fill);

  ipms_chart_style_set_source (cr, &fill);
  cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
  cairo_fill (cr);

  if (cell->title != NULL)
    ipms_chart_style_show_layout (cr, cell->title, rect.x + CELL_PAD, rect.y + 6, &palette->foreground);
  if (cell->metrics != NULL)
    ipms_chart_style_show_layout (cr, cell->metrics, rect.x + CELL_PAD, rect.y + 24, &palette->dim_foreground);
  if (cell->role != NULL)
    {
      gboolean core = strcmp (ipms_record_get_string (cell->segment, "role"), "core") == 0;
      const IpmsColor *color = core ? &palette->core : &palette->radiating;

      pango_layout_get_pixel_size (cell->role, &w, &h);
      ipms_chart_style_rounded_rectangle (cr, rect.x + rect.width - CELL_PAD - w - 12,
                                          rect.y + 7, w + 12, h + 2, (h + 2) / 2.0);
      ipms_chart_style_set_source (cr, color);
      if (core)
        cairo_fill (cr);
      else
        {
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      ipms_chart_style_show_layout (cr, cell->role, rect.x + rect.width - CELL_PAD - w - 6,
                                    rect.y + 8, core ? &palette->on_accent : color);
    }

  for (guint i = 0; i < cell->products->len; i++)
    {
      cairo_rectangle_t slot;

      ipms_panorama_chart_get_slot_rect (self, column, row, i, &slot);
      if (rect_visible (clip, &slot))
        paint_chip (self, cr, palette, g_ptr_array_index (cell->products, i),
                    slot.x, slot.y, options);
    }
}

/* Grid lines over the cells' fills, then role outlines over the lines. */
static void
paint_front (IpmsPanoramaChart           *self,
             cairo_t                     *cr,
             const IpmsChartPaintOptions *options,
             const double                *clip)
{
  const IpmsChartPalette *palette = ipms_chart_style_get_palette (options->dark);
  guint n_columns = self->columns->len;
  guint n_rows = self->rows->len;
  double grid_right, grid_bottom;

  if (n_columns == 0 && n_rows == 0)
    return;

  grid_right = self->grid_x + ROW_HEADER_W + n_columns * self->cell_width;
  grid_bottom = self->row_y[n_rows];

  ipms_chart_style_set_source (cr, &palette->grid_line);
  cairo_set_line_width (cr, 1);
  for (guint column = 0; column <= n_columns; column++)
    {
      double x = round (self->grid_x + ROW_HEADER_W + column * self->cell_width) + 0.5;

      cairo_move_to (cr, x, self->grid_y);
      cairo_line_to (cr, x, grid_bottom);
    }
  for (guint row = 0; row <= n_rows; row++)
    {
      double y = round (self->row_y[row]) + 0.5;

      cairo_move_to (cr, self->grid_x, y);
      cairo_line_to (cr, grid_right, y);
    }
  cairo_rectangle (cr, self->grid_x + 0.5, self->grid_y + 0.5,
                   grid_right - self->grid_x - 1, grid_bottom - self->grid_y - 1);
  cairo_stroke (cr);

  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < n_columns; column++)
      {
        Cell *cell = get_cell (self, column, row);
        cairo_rectangle_t rect;
        const char *role;

        if (cell->segment == NULL)
          continue;
        ipms_panorama_chart_get_cell_rect (self, column, row, &rect);
        if (!rect_visible (clip, &rect))
          continue;
        role = ipms_record_get_string (cell->segment, "role");
        if (strcmp (role, "core") == 0)
          {
            ipms_chart_style_set_source (cr, &palette->core);
            ipms_chart_style_set_outline (cr, IPMS_OUTLINE_SOLID, 4);
            cairo_rectangle (cr, rect.x + 3, rect.y + 3, rect.width - 6, rect.height - 6);
            cairo_stroke (cr);
          }
        else if (strcmp (role, "radiating") == 0)
          {
            ipms_chart_style_set_source (cr, &palette->radiating);
            ipms_chart_style_set_outline (cr, IPMS_OUTLINE_DASHED, 3);
            cairo_rectangle (cr, rect.x + 3, rect.y + 3, rect.width - 6, rect.height - 6);
            cairo_stroke (cr);
          }
      }
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
ipms_panorama_chart_paint (IpmsChart                   *chart,
                           cairo_t                     *cr,
                           const IpmsChartPaintOptions *options)
{
  IpmsPanoramaChart *self = IPMS_PANORAMA_CHART (chart);
  double clip[4];

  ensure_layout (self);
  cairo_clip_extents (cr, &clip[0], &clip[1], &clip[2], &clip[3]);

  cairo_save (cr);
  paint_back (self, cr, options, clip);
  for (guint row = 0; row < self->rows->len; row++)
    for (guint column = 0; column < self->columns->len; column++)
      paint_cell (self, cr, options, clip, column, row);
  paint_front (self, cr, options, clip);
  cairo_restore (cr);
}

static void
chart_iface_init (IpmsChartInterface *iface)
{
  iface->get_size = ipms_panorama_chart_get_size;
  iface->paint = ipms_panorama_chart_paint;
}

static void
ipms_panorama_chart_dispose (GObject *object)
{
  IpmsPanoramaChart *self = (IpmsPanoramaChart *)object;

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->row_changed_id, self->document);
      g_clear_signal_handler (&self->changes_done_id, self->document);
      g_clear_signal_handler (&self->reloaded_id, self->document);
      g_clear_object (&self->document);
    }

  G_OBJECT_CLASS (ipms_panorama_chart_parent_class)->dispose (object);
}

static void
ipms_panorama_chart_finalize (GObject *object)
{
  IpmsPanoramaChart *self = (IpmsPanoramaChart *)object;

  clear_cells (self);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->column_titles, g_ptr_array_unref);
  g_clear_pointer (&self->row_titles, g_ptr_array_unref);
  g_clear_pointer (&self->placed, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->series, g_hash_table_unref);
  g_clear_pointer (&self->chip_texts, g_hash_table_unref);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->row_y, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->chip_path, cairo_path_destroy);
  g_clear_pointer (&self->chip_inner_path, cairo_path_destroy);
  g_clear_pointer (&self->badge_path, cairo_path_destroy);
  g_clear_pointer (&self->measure_cr, cairo_destroy);
  g_clear_object (&self->title);
  g_clear_object (&self->subtitle);
  g_clear_object (&self->x_axis_title);
  g_clear_object (&self->y_axis_title);
  g_clear_object (&self->empty_message);
  for (guint i = 0; i < G_N_ELEMENTS (self->badges); i++)
    g_clear_object (&self->badges[i]);
  g_clear_object (&self->pango_context);

  G_OBJECT_CLASS (ipms_panorama_chart_parent_class)->finalize (object);
}

static void
ipms_panorama_chart_class_init (IpmsPanoramaChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ipms_panorama_chart_dispose;
  object_class->finalize = ipms_panorama_chart_finalize;

  /**
   * IpmsPanoramaChart::changed:
   *
   * The grid, a segment or a product changed: sizes and geometry may differ.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ipms_panorama_chart_init (IpmsPanoramaChart *self)
{
  cairo_font_options_t *font_options;
  cairo_surface_t *surface;

  self->dirty = TRUE;
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->column_titles = g_ptr_array_new_with_free_func (g_object_unref);
  self->row_titles = g_ptr_array_new_with_free_func (g_object_unref);
  self->placed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->series = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->chip_texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, chip_text_free);
  self->legend = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  g_array_set_clear_func (self->legend, legend_item_clear);
  self->row_y = g_new0 (double, 1);

  /* Layouts are cached across frames and zoom levels: unhinted metrics keep
   * their size the same at every scale, so text never reflows on zoom. */
  self->pango_context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (font_options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->pango_context, font_options);
  cairo_font_options_destroy (font_options);
  /* Glyphs on whole chart units drift apart once scaled by a fractional
   * zoom ("$120 M", "ayear"): keep their exact positions. */
  pango_context_set_round_glyph_positions (self->pango_context, FALSE);
  pango_context_set_language (self->pango_context, pango_language_get_default ());

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  self->measure_cr = cairo_create (surface);
  cairo_surface_destroy (surface);

  ipms_chart_style_rounded_rectangle (self->measure_cr, 0, 0, CHIP_W, CHIP_H, 6);
  self->chip_path = cairo_copy_path (self->measure_cr);
  cairo_new_path (self->measure_cr);
  ipms_chart_style_rounded_rectangle (self->measure_cr, 1, 1, CHIP_W - 2, CHIP_H - 2, 5);
  self->chip_inner_path = cairo_copy_path (self->measure_cr);
  cairo_new_path (self->measure_cr);
  ipms_chart_style_rounded_rectangle (self->measure_cr, 14, (CHIP_H - 28) / 2, 28, 28, 6);
  self->badge_path = cairo_copy_path (self->measure_cr);
  cairo_new_path (self->measure_cr);

  for (guint i = 0; i < G_N_ELEMENTS (self->badges); i++)
    {
      char code[2] = { grade_order[i], '\0' };

      self->badges[i] = new_layout (self, IPMS_CHART_FONT_BADGE, code, -1, 1);
    }
}

IpmsPanoramaChart *
ipms_panorama_chart_new (IpmsDocument *document)
{
  IpmsPanoramaChart *self;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  self = g_object_new (IPMS_TYPE_PANORAMA_CHART, NULL);
  self->document = g_object_ref (document);
  self->row_changed_id = g_signal_connect_swapped (document, "row-changed",
                                                   G_CALLBACK (on_row_changed), self);
  self->changes_done_id = g_signal_connect_swapped (document, "changes-done",
                                                    G_CALLBACK (on_changes_done), self);
  self->reloaded_id = g_signal_connect_swapped (document, "reloaded",
                                                G_CALLBACK (on_reloaded), self);

  return self;
}

IpmsDocument *
ipms_panorama_chart_get_document (IpmsPanoramaChart *self)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CHART (self), NULL);

  return self->document;
}

guint
ipms_panorama_chart_get_n_columns (IpmsPanoramaChart *self)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CHART (self), 0);

  ensure_layout (self);
  return self->columns->len;
}

gboolean
ipms_panorama_chart_needs_layout (IpmsPanoramaChart *self)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CHART (self), FALSE);

  return self->dirty;
}

guint
ipms_panorama_chart_get_n_rows (IpmsPanoramaChart *self)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CHART (self), 0);

  ensure_layout (self);
  return self->rows->len;
}

IpmsRecord *
ipms_panorama_chart_get_column_item (IpmsPanoramaChart *self,
                                     guint              column)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CHART (self), NULL);

  ensure_layout (self);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_ptr_array_index (self->columns, column);
}

IpmsRecord *
ipms_panorama_chart_get_row_item (IpmsPanoramaChart *self,
                                  guint              row)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CHART (self), NULL);

  ensure_layout (self);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, row);
}

IpmsRecord *
ipms_panorama_chart_get_segment (IpmsPanoramaChart *self,
                                 guint              column,
                                 guint              row)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CHART (self), NULL);

  ensure_layout (self);
  g_return_val_if_fail (column < self->columns->len && row < self->rows->len, NULL);

  return get_cell (self, column, row)->segment;
}

GPtrArray *
ipms_panorama_chart_get_products (IpmsPanoramaChart *self,
                                  guint              column,
                                  guint              row)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CHART (self), NULL);

  ensure_layout (self);
  g_return_val_if_fail (column < self->columns->len && row < self->rows->len, NULL);

  return get_cell (self, column, row)->products;
}

guint
ipms_panorama_chart_get_n_placed (IpmsPanoramaChart *self)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CHART (self), 0);

  ensure_layout (self);
  return self->n_placed;
}

gboolean
ipms_panorama_chart_find_product (IpmsPanoramaChart *self,
                                  gint64             product_id,
                                  guint             *column,
                                  guint             *row,
                                  guint             *index)
{
  guint cell_index;
  GPtrArray *products;

  g_return_val_if_fail (IPMS_IS_PANORAMA_CHART (self), FALSE);

  ensure_layout (self);

  cell_index = GPOINTER_TO_UINT (g_hash_table_lookup (self->placed, &product_id));
  if (cell_index == 0)
    return FALSE;

  cell_index--;
  if (column != NULL)
    *column = cell_index % self->columns->len;
  if (row != NULL)
    *row = cell_index / self->columns->len;
  if (index != NULL)
    {
      products = self->cells[cell_index].products;
      *index = 0;
      for (guint i = 0; i < products->len; i++)
        if (ipms_record_get_id (g_ptr_array_index (products, i)) == product_id)
          *index = i;
    }

  return TRUE;
}

gboolean
ipms_panorama_chart_find_segment (IpmsPanoramaChart *self,
                                  gint64             segment_id,
                                  guint             *column,
                                  guint             *row)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CHART (self), FALSE);

  ensure_layout (self);

  for (guint i = 0; i < self->columns->len * self->rows->len; i++)
    if (self->cells[i].segment != NULL && ipms_record_get_id (self->cells[i].segment) == segment_id)
      {
        *column = i % self->columns->len;
        *row = i / self->columns->len;
        return TRUE;
      }

  return FALSE;
}

void
ipms_panorama_chart_get_column_header_rect (IpmsPanoramaChart *self,
                                            guint              column,
                                            cairo_rectangle_t *rect)
{
  ensure_layout (self);

  rect->x = self->grid_x + ROW_HEADER_W + column * self->cell_width;
  rect->y = self->grid_y;
  rect->width = self->cell_width;
  rect->height = COL_HEADER_H;
}

void
ipms_panorama_chart_get_row_header_rect (IpmsPanoramaChart *self,
                                         guint              row,
                                         cairo_rectangle_t *rect)
{
  ensure_layout (self);
  g_return_if_fail (row < self->rows->len);

  rect->x = self->grid_x;
  rect->y = self->row_y[row];
  rect->width = ROW_HEADER_W;
  rect->height = self->row_y[row + 1] - self->row_y[row];
}

void
ipms_panorama_chart_get_cell_rect (IpmsPanoramaChart *self,
                                   guint              column,
                                   guint              row,
                                   cairo_rectangle_t *rect)
{
  ensure_layout (self);
  g_return_if_fail (row < self->rows->len);

  rect->x = self->grid_x + ROW_HEADER_W + column * self->cell_width;
  rect->y = self->row_y[row];
  rect->width = self->cell_width;
  rect->height = self->row_y[row + 1] - self->row_y[row];
}

void
ipms_panorama_chart_get_slot_rect (IpmsPanoramaChart *self,
                                   guint              column,
                                   guint              row,
                                   guint              index,
                                   cairo_rectangle_t *rect)
{
  cairo_rectangle_t cell;

  ipms_panorama_chart_get_cell_rect (self, column, row, &cell);

  rect->x = cell.x + CELL_PAD + (index % self->chip_columns) * (CHIP_W + CHIP_GAP);
  rect->y = cell.y + CELL_TITLE_H + CELL_PAD + (index / self->chip_columns) * (CHIP_H + CHIP_GAP);
  rect->width = CHIP_W;
  rect->height = CHIP_H;
}

gboolean
ipms_panorama_chart_get_chip_rect (IpmsPanoramaChart *self,
                                   gint64             product_id,
                                   cairo_rectangle_t *rect)
{
  guint column, row, index;

  if (!ipms_panorama_chart_find_product (self, product_id, &column, &row, &index))
    return FALSE;

  ipms_panorama_chart_get_slot_rect (self, column, row, index, rect);
  return TRUE;
}

static int
find_row (IpmsPanoramaChart *self,
          double             y)
{
  for (guint row = 0; row < self->rows->len; row++)
    if (y >= self->row_y[row] && y < self->row_y[row + 1])
      return (int) row;

  return -1;
}

static int
find_column (IpmsPanoramaChart *self,
             double             x)
{
  double left = self->grid_x + ROW_HEADER_W;

  if (x < left || self->cell_width <= 0)
    return -1;

  if (x >= left + self->columns->len * self->cell_width)
    return -1;

  return (int) ((x - left) / self->cell_width);
}

void
ipms_panorama_chart_hit_test (IpmsPanoramaChart *self,
                              double             x,
                              double             y,
                              IpmsPanoramaHit   *hit)
{
  int column, row;

  g_return_if_fail (IPMS_IS_PANORAMA_CHART (self));

  ensure_layout (self);

  *hit = (IpmsPanoramaHit) { IPMS_PANORAMA_HIT_NONE, -1, -1, 0, 0 };

  if (self->columns->len == 0 && self->rows->len == 0)
    return;

  column = find_column (self, x);
  row = find_row (self, y);
  hit->column = column;
  hit->row = row;

  if (y >= self->grid_y && y < self->grid_y + COL_HEADER_H)
    {
      if (column >= 0)
        hit->kind = IPMS_PANORAMA_HIT_COLUMN_HEADER;
      else if (x >= self->grid_x && x < self->grid_x + ROW_HEADER_W)
        hit->kind = IPMS_PANORAMA_HIT_CORNER;
      return;
    }

  if (row < 0)
    return;

  if (x >= self->grid_x && x < self->grid_x + ROW_HEADER_W)
    {
      hit->kind = IPMS_PANORAMA_HIT_ROW_HEADER;
      return;
    }

  if (column < 0)
    return;

  hit->kind = IPMS_PANORAMA_HIT_CELL;
  {
    GPtrArray *products = get_cell (self, column, row)->products;

    for (guint i = 0; i < products->len; i++)
      {
        cairo_rectangle_t slot;

        ipms_panorama_chart_get_slot_rect (self, column, row, i, &slot);
        if (x >= slot.x && x < slot.x + slot.width && y >= slot.y && y < slot.y + slot.height)
          {
            hit->kind = IPMS_PANORAMA_HIT_CHIP;
            hit->product_id = ipms_record_get_id (g_ptr_array_index (products, i));
            hit->index = i;
            return;
          }
      }
  }
}

guint
ipms_panorama_chart_get_drop_index (IpmsPanoramaChart *self,
                                    guint              column,
                                    guint              row,
                                    double             x,
                                    double             y)
{
  cairo_rectangle_t cell;
  guint n, slot_column, slot_row, index;
  double fx, fy;

  g_return_val_if_fail (IPMS_IS_PANORAMA_CHART (self), 0);

  ipms_panorama_chart_get_cell_rect (self, column, row, &cell);
  n = get_cell (self, column, row)->products->len;

  fx = (x - cell.x - CELL_PAD + CHIP_GAP / 2) / (CHIP_W + CHIP_GAP);
  fy = (y - cell.y - CELL_TITLE_H - CELL_PAD + CHIP_GAP / 2) / (CHIP_H + CHIP_GAP);
  fx = MAX (fx, 0);
  fy = MAX (fy, 0);
  slot_column = MIN ((guint) fx, self->chip_columns - 1);
  slot_row = (guint) fy;
  index = slot_row * self->chip_columns + slot_column;

  /* Past the middle of a slot means after it: along the row when chips sit
   * side by side, down the column when they are stacked. */
  if (self->chip_columns > 1 ? fx - floor (fx) > 0.5 && (guint) fx < self->chip_columns
                             : fy - floor (fy) > 0.5)
    index++;

  return MIN (index, n);
}

guint
ipms_panorama_chart_get_column_drop_index (IpmsPanoramaChart *self,
                                           double             x)
{
  double f;

  ensure_layout (self);

  f = (x - self->grid_x - ROW_HEADER_W) / self->cell_width;

  return (guint) CLAMP (round (f), 0, self->columns->len);
}

guint
ipms_panorama_chart_get_row_drop_index (IpmsPanoramaChart *self,
                                        double             y)
{
  guint best = 0;

  ensure_layout (self);

  for (guint i = 1; i <= self->rows->len; i++)
    if (fabs (self->row_y[i] - y) < fabs (self->row_y[best] - y))
      best = i;

  return best;
}

void
ipms_panorama_chart_paint_layer (IpmsPanoramaChart           *self,
                                 cairo_t                     *cr,
                                 IpmsPanoramaLayer            layer,
                                 const IpmsChartPaintOptions *options)
{
  double clip[4];

  g_return_if_fail (IPMS_IS_PANORAMA_CHART (self));

  ensure_layout (self);
  cairo_clip_extents (cr, &clip[0], &clip[1], &clip[2], &clip[3]);

  cairo_save (cr);
  if (layer == IPMS_PANORAMA_LAYER_BACK)
    paint_back (self, cr, options, clip);
  else
    paint_front (self, cr, options, clip);
  cairo_restore (cr);
}

void
ipms_panorama_chart_paint_cell (IpmsPanoramaChart           *self,
                                cairo_t                     *cr,
                                guint                        column,
                                guint                        row,
                                const IpmsChartPaintOptions *options)
{
  double clip[4];

  g_return_if_fail (IPMS_IS_PANORAMA_CHART (self));

  ensure_layout (self);
  g_return_if_fail (column < self->columns->len && row < self->rows->len);
  cairo_clip_extents (cr, &clip[0], &clip[1], &clip[2], &clip[3]);

  cairo_save (cr);
  paint_cell (self, cr, options, clip, column, row);
  cairo_restore (cr);
}

guint64
ipms_panorama_chart_get_cell_stamp (IpmsPanoramaChart *self,
                                    guint              column,
                                    guint              row)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CHART (self), 0);

  ensure_layout (self);
  g_return_val_if_fail (column < self->columns->len && row < self->rows->len, 0);

  return get_cell (self, column, row)->stamp;
}

void
ipms_panorama_chart_paint_chip (IpmsPanoramaChart           *self,
                                cairo_t                     *cr,
                                IpmsRecord                  *product,
                                double                       x,
                                double                       y,
                                const IpmsChartPaintOptions *options)
{
  g_return_if_fail (IPMS_IS_PANORAMA_CHART (self));

  ensure_layout (self);
  paint_chip (self, cr, ipms_chart_style_get_palette (options->dark), product, x, y, options);
}

void
ipms_panorama_chart_forget_chip_texts (IpmsPanoramaChart       *self,
                                       const cairo_rectangle_t *keep)
{
  double clip[4] = { keep->x, keep->y, keep->x + keep->width, keep->y + keep->height };
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (IPMS_IS_PANORAMA_CHART (self));

  g_hash_table_iter_init (&iter, self->chip_texts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      cairo_rectangle_t rect;

      if (!ipms_panorama_chart_get_chip_rect (self, *(gint64 *) key, &rect) || !rect_visible (clip, &rect))
        g_hash_table_iter_remove (&iter);
    }
}

char *
ipms_panorama_chart_dup_cell_label (IpmsPanoramaChart *self,
                                    guint              column,
                                    guint              row)
{
  IpmsRecord *x_item = ipms_panorama_chart_get_column_item (self, column);
  IpmsRecord *y_item = ipms_panorama_chart_get_row_item (self, row);

  g_return_val_if_fail (x_item != NULL && y_item != NULL, NULL);

  /* Translators: a cell of the population grid, "life stage × preference" */
  return g_strdup_printf (_("%s × %s"),
                          ipms_record_get_string (y_item, "label"),
                          ipms_record_get_string (x_item, "label"));
}
