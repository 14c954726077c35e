/* ipms-timeline-paint.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ipms-timeline-paint.h"

/* Past this many layouts the cache starts over: names change while the user
 * types and the old ones are never asked for again. */
#define LAYOUT_CACHE_LIMIT 20000

/* The widest a chart fitted to its range gets, in units (see below). */
#define MAX_FIT_WIDTH 12000.0

struct _IpmsLayoutCache
{
  PangoContext  *context;
  GHashTable    *layouts[IPMS_CHART_N_FONTS];
  /* Measure the texts that have no layout yet: a chart measures all its
   * names, 10,000 on a big plan, and paints the few in view. A layout for
   * the texts measure_text() leaves to one; the fonts as attributes for
   * those it shapes itself. */
  PangoLayout   *measure[IPMS_CHART_N_FONTS];
  PangoAttrList *font_attrs[IPMS_CHART_N_FONTS];
  /* The one run of every text of printable ASCII with a letter in it, or
   * NULL where the font does not have all of ASCII; and whether it was
   * looked for (see latin_run()). */
  PangoItem     *latin[IPMS_CHART_N_FONTS];
  gboolean       latin_known[IPMS_CHART_N_FONTS];
};

/* The sizes of the texts measured so far, for every cache: all lay them
 * out with the same fonts and options, so the 10,000 names the new product
 * chart measured are not shaped again for the roadmap, nor for an export.
 * Exports may run in a thread of their own. */
static GMutex sizes_lock;
static GHashTable *sizes[IPMS_CHART_N_FONTS];   /* text -> int[2] */

static gboolean
lookup_size (IpmsChartFont  font,
             const char    *text,
             int           *width,
             int           *height)
{
  const int *size;

  g_mutex_lock (&sizes_lock);
  size = sizes[font] != NULL ? g_hash_table_lookup (sizes[font], text) : NULL;
  if (size != NULL)
    {
      *width = size[0];
      *height = size[1];
    }
  g_mutex_unlock (&sizes_lock);

  return size != NULL;
}

static void
store_size (IpmsChartFont  font,
            const char    *text,
            int            width,
            int            height)
{
  int *size = g_new (int, 2);

  size[0] = width;
  size[1] = height;
  g_mutex_lock (&sizes_lock);
  if (sizes[font] == NULL)
    sizes[font] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  else if (g_hash_table_size (sizes[font]) > LAYOUT_CACHE_LIMIT)
    g_hash_table_remove_all (sizes[font]);
  g_hash_table_replace (sizes[font], g_strdup (text), size);
  g_mutex_unlock (&sizes_lock);
}

IpmsLayoutCache *
ipms_layout_cache_new (void)
{
  IpmsLayoutCache *cache = g_new0 (IpmsLayoutCache, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Layouts are measured once and painted at every zoom and in export, so
   * metrics must not depend on the device: no hinting, no metric rounding. */
  cache->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (cache->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (cache->context, FALSE);

  for (guint i = 0; i < IPMS_CHART_N_FONTS; i++)
    cache->layouts[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  return cache;
}

void
ipms_layout_cache_free (IpmsLayoutCache *cache)
{
  if (cache == NULL)
    return;

  for (guint i = 0; i < IPMS_CHART_N_FONTS; i++)
    {
      g_hash_table_unref (cache->layouts[i]);
      g_clear_object (&cache->measure[i]);
      g_clear_pointer (&cache->font_attrs[i], pango_attr_list_unref);
      g_clear_pointer (&cache->latin[i], pango_item_free);
    }
  g_object_unref (cache->context);
  g_free (cache);
}

PangoLayout *
ipms_layout_cache_get (IpmsLayoutCache *cache,
                       IpmsChartFont    font,
                       const char      *text)
{
  GHashTable *table = cache->layouts[font];
  PangoLayout *layout;

  if (text == NULL)
    text = "";

  layout = g_hash_table_lookup (table, text);
  if (layout != NULL)
    return layout;

  if (g_hash_table_size (table) > LAYOUT_CACHE_LIMIT)
    g_hash_table_remove_all (table);

  layout = pango_layout_new (cache->context);
  pango_layout_set_font_description (layout, ipms_chart_style_get_font (font));
  pango_layout_set_text (layout, text, -1);
  g_hash_table_insert (table, g_strdup (text), layout);

  return layout;
}

/* Whether a layout of `text` is one line, which needs no line or
 * paragraph break, no tab (the layout moves to a tab stop) and nothing
 * else that is not text. An empty text's size is its font's line. */
static gboolean
plain_line (const char *text)
{
  if (*text == '\0' || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029)
        return FALSE;
    }

  return TRUE;
}

static PangoAttrList *
font_attrs (IpmsLayoutCache *cache,
            IpmsChartFont    font)
{
  if (cache->font_attrs[font] == NULL)
    {
      cache->font_attrs[font] = pango_attr_list_new ();
      pango_attr_list_insert (cache->font_attrs[font], pango_attr_font_desc_new (ipms_chart_style_get_font (font)));
    }

  return cache->font_attrs[font];
}

/* The run that pango_itemize() makes of `text`, all of it, when that is
 * printable ASCII with a Latin letter in it (product names mostly are),
 * or NULL. Its characters other than letters take the letters' script,
 * and one font has all of them if it has all of ASCII, which the
 * itemization of all of ASCII at once tells: the run is then that one's.
 * Most of the time of itemizing a name went to finding that again. */
static const PangoItem *
latin_run (IpmsLayoutCache *cache,
           IpmsChartFont    font,
           const char      *text)
{
  gboolean letter = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p < 0x20 || *p > 0x7e)
        return NULL;
      letter = letter || g_ascii_isalpha (*p);
    }
  if (!letter)
    return NULL;

  if (!cache->latin_known[font])
    {
      char ascii[0x7f - 0x20 + 1];
      GList *items;

      for (char c = 0x20; c < 0x7f; c++)
        ascii[c - 0x20] = c;
      ascii[sizeof ascii - 1] = '\0';
      items = pango_itemize (cache->context, ascii, 0, (int) strlen (ascii), font_attrs (cache, font), NULL);
      if (items != NULL && items->next == NULL && ((PangoItem *) items->data)->analysis.level == 0 &&
          ((PangoItem *) items->data)->analysis.script == PANGO_SCRIPT_LATIN)
        cache->latin[font] = pango_item_copy (items->data);
      g_list_free_full (items, (GDestroyNotify) pango_item_free);
      cache->latin_known[font] = TRUE;
    }

  return cache->latin[font];
}

/* Adds the run of `text` that `item` tells to the extents of `line`, at
 * `x` along it, as the layout adds its runs. */
static void
add_run (const char       *text,
         int               length,
         int               offset,
         int               run_length,
         const PangoItem  *item,
         PangoGlyphString *glyphs,
         PangoRectangle   *line,
         int              *x)
{
  PangoRectangle run;
  int start;

  pango_shape_full (text + offset, run_length, text, length, &item->analysis, glyphs);
  pango_glyph_string_extents (glyphs, item->analysis.font, NULL, &run);

  start = MIN (line->x, *x + run.x);
  line->width = MAX (line->x + line->width, *x + run.x + run.width) - start;
  line->x = start;
  start = MIN (line->y, run.y);
  line->height = MAX (line->y + line->height, run.y + run.height) - start;
  line->y = start;
  *x += run.width;
}

/* The size of a one-line text as pango_layout_get_pixel_size() gives it,
 * from its runs shaped as the layout shapes them, without the layout's
 * line breaking, which took a third of the time of measuring 10,000
 * product names. Its line is as long as its runs together and as high as
 * their tallest reach above and below the baseline, with the baseline in
 * it; its pixels are those of the extents, rounded out.
 *
 * FALSE, with nothing measured, for a text with right-to-left runs: its
 * layout's paragraph may take the direction of its first letter, which
 * the runs made here in the context's direction would not follow. */
static gboolean
measure_text (IpmsLayoutCache *cache,
              IpmsChartFont    font,
              const char      *text,
              int             *width,
              int             *height)
{
  int length = (int) strlen (text);
  const PangoItem *latin = latin_run (cache, font, text);
  PangoGlyphString *glyphs;
  PangoRectangle line = { 0, 0, 0, 0 };
  GList *items = NULL;
  int x = 0;

  if (latin == NULL)
    {
      items = pango_itemize (cache->context, text, 0, length, font_attrs (cache, font), NULL);
      for (GList *l = items; l != NULL; l = l->next)
        if (((PangoItem *) l->data)->analysis.level % 2 != 0)
          {
            g_list_free_full (items, (GDestroyNotify) pango_item_free);
            return FALSE;
          }
    }

  glyphs = pango_glyph_string_new ();
  if (latin != NULL)
    add_run (text, length, 0, length, latin, glyphs, &line, &x);
  for (GList *l = items; l != NULL; l = l->next)
    {
      PangoItem *item = l->data;

      add_run (text, length, item->offset, item->length, item, glyphs, &line, &x);
    }
  g_list_free_full (items, (GDestroyNotify) pango_item_free);
  pango_glyph_string_free (glyphs);

  /* The layout puts the line's top at 0. */
  line.y = 0;
  pango_extents_to_pixels (&line, NULL);
  *width = line.width;
  *height = line.height;

  return TRUE;
}

void
ipms_layout_cache_get_size (IpmsLayoutCache *cache,
                            IpmsChartFont    font,
                            const char      *text,
                            int             *width,
                            int             *height)
{
  PangoLayout *layout;

  if (text == NULL)
    text = "";
  if (lookup_size (font, text, width, height))
    return;

  layout = g_hash_table_lookup (cache->layouts[font], text);
  if (layout == NULL && plain_line (text) && measure_text (cache, font, text, width, height))
    {
      store_size (font, text, *width, *height);
      return;
    }
  if (layout == NULL)
    {
      if (cache->measure[font] == NULL)
        {
          cache->measure[font] = pango_layout_new (cache->context);
          pango_layout_set_font_description (cache->measure[font], ipms_chart_style_get_font (font));
        }
      layout = cache->measure[font];
      pango_layout_set_text (layout, text, -1);
    }
  pango_layout_get_pixel_size (layout, width, height);
  store_size (font, text, *width, *height);
}

/* Span of the clip along the time direction, to skip what is not shown. */
static void
clip_span (cairo_t                 *cr,
           const IpmsTimelineFrame *frame,
           double                  *from,
           double                  *to)
{
  double x1, y1, x2, y2;

  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  *from = frame->vertical ? y1 : x1;
  *to = frame->vertical ? y2 : x2;
}

static double
time_pos (const IpmsTimelineFrame *frame,
          guint32                  day)
{
  return frame->origin + ipms_time_axis_day_to_x (frame->axis, day);
}

/* Adds a line across the body at time position `p` to the path. */
static void
line_across_body (cairo_t                 *cr,
                  const IpmsTimelineFrame *frame,
                  double                   p)
{
  if (frame->vertical)
    {
      cairo_move_to (cr, frame->body_start, p);
      cairo_line_to (cr, frame->body_end, p);
    }
  else
    {
      cairo_move_to (cr, p, frame->body_start);
      cairo_line_to (cr, p, frame->body_end);
    }
}

static void
paint_header_row (cairo_t                 *cr,
                  const IpmsTimelineFrame *frame,
                  guint                    row,
                  double                   from,
                  double                   to)
{
  g_autoptr(GArray) ticks = ipms_time_axis_dup_ticks (frame->axis, row);
  IpmsChartFont font = row == 0 ? IPMS_CHART_FONT_BODY_BOLD : IPMS_CHART_FONT_BODY;
  double across = frame->header_pos + row * frame->row_size;

  for (guint i = 0; i < ticks->len; i++)
    {
      const IpmsTimeTick *tick = &g_array_index (ticks, IpmsTimeTick, i);
      double a = time_pos (frame, tick->start);
      double b = time_pos (frame, tick->end);
      double length = b - a;
      const char *text = tick->label;
      int tw, th;

      if (b < from || a > to)
        continue;

      ipms_chart_style_set_source (cr, &frame->palette->grid_line);
      cairo_set_line_width (cr, 1);
      if (frame->vertical)
        {
          cairo_move_to (cr, across, round (a) + 0.5);
          cairo_rel_line_to (cr, frame->row_size, 0);
        }
      else
        {
          cairo_move_to (cr, round (a) + 0.5, across);
          cairo_rel_line_to (cr, 0, frame->row_size);
        }
      cairo_stroke (cr);

      ipms_layout_cache_get_size (frame->layouts, font, text, &tw, &th);
      if (!frame->vertical && tw + 8 > length)
        {
          text = tick->short_label;
          ipms_layout_cache_get_size (frame->layouts, font, text, &tw, &th);
        }
      if ((frame->vertical ? th + 4 : tw + 8) > length ||
          (frame->vertical && tw + 8 > frame->row_size))
        {
          text = tick->short_label;
          ipms_layout_cache_get_size (frame->layouts, font, text, &tw, &th);
          if ((frame->vertical ? th + 4 : tw + 8) > length)
            continue;
        }

      if (frame->vertical)
        {
          ipms_chart_style_show_layout (cr, ipms_layout_cache_get (frame->layouts, font, text),
                                        across + 6, a + 2,
                                        row == 0 ? &frame->palette->foreground
                                                 : &frame->palette->dim_foreground);
        }
      else
        {
          /* The upper row is read from its start, the lower row per cell. */
          double x = row == 0 ? MAX (a, MIN (from, b - tw - 8)) + 6 : a + (length - tw) / 2;

          ipms_chart_style_show_layout (cr, ipms_layout_cache_get (frame->layouts, font, text),
                                        x, across + (frame->row_size - th) / 2,
                                        row == 0 ? &frame->palette->foreground
                                                 : &frame->palette->dim_foreground);
        }
    }
}

void
ipms_timeline_paint_header (cairo_t                 *cr,
                            const IpmsTimelineFrame *frame)
{
  double from, to;
  double start = frame->origin;
  double end = frame->origin + ipms_time_axis_get_width (frame->axis);

  clip_span (cr, frame, &from, &to);

  cairo_save (cr);
  if (frame->vertical)
    cairo_rectangle (cr, frame->header_pos, start, 2 * frame->row_size, end - start);
  else
    cairo_rectangle (cr, start, frame->header_pos, end - start, 2 * frame->row_size);
  cairo_clip_preserve (cr);
  ipms_chart_style_set_source (cr, &frame->palette->header);
  cairo_fill (cr);

  paint_header_row (cr, frame, 0, from, to);
  paint_header_row (cr, frame, 1, from, to);

  ipms_chart_style_set_source (cr, &frame->palette->grid_line);
  cairo_set_line_width (cr, 1);
  if (frame->vertical)
    {
      cairo_move_to (cr, frame->header_pos + frame->row_size + 0.5, start);
      cairo_line_to (cr, frame->header_pos + frame->row_size + 0.5, end);
    }
  else
    {
      cairo_move_to (cr, start, frame->header_pos + frame->row_size + 0.5);
      cairo_line_to (cr, end, frame->header_pos + frame->row_size + 0.5);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
paint_lines (cairo_t                 *cr,
             const IpmsTimelineFrame *frame,
             guint                    row,
             double                   from,
             double                   to)
{
  g_autoptr(GArray) ticks = ipms_time_axis_dup_ticks (frame->axis, row);

  for (guint i = 0; i < ticks->len; i++)
    {
      const IpmsTimeTick *tick = &g_array_index (ticks, IpmsTimeTick, i);
      double p = round (time_pos (frame, tick->start)) + 0.5;

      if (p < from - 1 || p > to + 1)
        continue;

      line_across_body (cr, frame, p);
    }
}

void
ipms_timeline_paint_grid (cairo_t                 *cr,
                          const IpmsTimelineFrame *frame)
{
  IpmsColor faint = frame->palette->grid_line;
  double from, to;

  clip_span (cr, frame, &from, &to);

  cairo_save (cr);
  cairo_set_line_width (cr, 1);

  faint.alpha = 0.45;
  ipms_chart_style_set_source (cr, &faint);
  paint_lines (cr, frame, 1, from, to);
  cairo_stroke (cr);

  ipms_chart_style_set_source (cr, &frame->palette->grid_line);
  paint_lines (cr, frame, 0, from, to);
  cairo_stroke (cr);

  cairo_restore (cr);
}

void
ipms_timeline_paint_plan_year (cairo_t                 *cr,
                               const IpmsTimelineFrame *frame,
                               int                      plan_year)
{
  guint32 first = ipms_time_day_from_dmy (1, 1, plan_year);
  guint32 end = ipms_time_day_from_dmy (1, 1, plan_year + 1);
  IpmsColor tint = frame->palette->accent;
  double a, b;

  if (first == 0 || end == 0)
    return;

  a = time_pos (frame, MAX (first, frame->axis->first_day));
  b = time_pos (frame, MIN (end, frame->axis->last_day + 1));
  if (b <= a)
    return;

  cairo_save (cr);
  tint.alpha = 0.07;
  ipms_chart_style_set_source (cr, &tint);
  if (frame->vertical)
    cairo_rectangle (cr, frame->body_start, a, frame->body_end - frame->body_start, b - a);
  else
    cairo_rectangle (cr, a, frame->body_start, b - a, frame->body_end - frame->body_start);
  cairo_fill (cr);

  /* A bar along the header marks the planning year where the tint ends. */
  ipms_chart_style_set_source (cr, &frame->palette->accent);
  if (frame->vertical)
    cairo_rectangle (cr, frame->header_pos + 2 * frame->row_size - 4, a, 4, b - a);
  else
    cairo_rectangle (cr, a, frame->header_pos + 2 * frame->row_size - 4, b - a, 4);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
ipms_timeline_paint_today (cairo_t                 *cr,
                           const IpmsTimelineFrame *frame,
                           guint32                  today)
{
  PangoLayout *layout;
  double p;
  int tw, th;

  if (today < frame->axis->first_day || today > frame->axis->last_day)
    return;

  p = round (time_pos (frame, today) + frame->axis->px_per_day / 2);

  cairo_save (cr);
  ipms_chart_style_set_source (cr, &frame->palette->warning);
  cairo_set_line_width (cr, 2);
  line_across_body (cr, frame, p);
  cairo_stroke (cr);

  layout = ipms_layout_cache_get (frame->layouts, IPMS_CHART_FONT_SMALL, _("Today"));
  pango_layout_get_pixel_size (layout, &tw, &th);
  if (frame->vertical)
    ipms_chart_style_rounded_rectangle (cr, frame->body_end - tw - 10, p - th / 2.0 - 2, tw + 8, th + 4, 3);
  else
    ipms_chart_style_rounded_rectangle (cr, p - tw / 2.0 - 4, frame->body_start + 2, tw + 8, th + 4, 3);
  ipms_chart_style_set_source (cr, &frame->palette->warning);
  cairo_fill (cr);
  if (frame->vertical)
    ipms_chart_style_show_layout (cr, layout, frame->body_end - tw - 6, p - th / 2.0, &frame->palette->on_accent);
  else
    ipms_chart_style_show_layout (cr, layout, p - tw / 2.0, frame->body_start + 4, &frame->palette->on_accent);
  cairo_restore (cr);
}

void
ipms_timeline_paint_title (cairo_t                *cr,
                           const IpmsChartPalette *palette,
                           IpmsLayoutCache        *layouts,
                           double                  x,
                           double                  y,
                           const char             *title,
                           const char             *subtitle)
{
  PangoLayout *layout = ipms_layout_cache_get (layouts, IPMS_CHART_FONT_TITLE, title);
  int tw, th;

  pango_layout_get_pixel_size (layout, &tw, &th);
  ipms_chart_style_show_layout (cr, layout, x, y, &palette->foreground);

  if (subtitle != NULL)
    {
      PangoLayout *sub = ipms_layout_cache_get (layouts, IPMS_CHART_FONT_BODY, subtitle);
      int sw, sh;

      pango_layout_get_pixel_size (sub, &sw, &sh);
      ipms_chart_style_show_layout (cr, sub, x + tw + 16, y + th - sh - 2, &palette->dim_foreground);
    }
}

void
ipms_timeline_paint_readout (cairo_t                *cr,
                             const IpmsChartPalette *palette,
                             IpmsLayoutCache        *layouts,
                             double                  x,
                             double                  y,
                             const char             *text)
{
  PangoLayout *layout = ipms_layout_cache_get (layouts, IPMS_CHART_FONT_SMALL, text);
  int tw, th;

  pango_layout_get_pixel_size (layout, &tw, &th);
  ipms_chart_style_rounded_rectangle (cr, x, y - th - 6, tw + 12, th + 6, 4);
  ipms_chart_style_set_source (cr, &palette->accent);
  cairo_fill (cr);
  ipms_chart_style_show_layout (cr, layout, x + 6, y - th - 3, &palette->on_accent);
}

static void
widen (guint32 *first,
       guint32 *last,
       guint32  day)
{
  if (day == 0)
    return;
  if (*first == 0 || day < *first)
    *first = day;
  if (day > *last)
    *last = day;
}

static void
widen_by_column (GPtrArray  *records,
                 const char *column,
                 guint32    *first,
                 guint32    *last)
{
  for (guint i = 0; i < records->len; i++)
    widen (first, last, ipms_time_day_from_iso (ipms_record_get_string (g_ptr_array_index (records, i), column)));
}

int
ipms_timeline_get_plan_year (IpmsDocument *document,
                             guint32       today)
{
  IpmsRecord *project = ipms_document_get_project (document);

  if (project != NULL && !ipms_record_is_null (project, "plan_year"))
    return (int) ipms_record_get_int (project, "plan_year");

  return ipms_time_day_get_year (today);
}

gboolean
ipms_timeline_plan_range (IpmsDocument *document,
                          guint32       products_first,
                          guint32       products_last,
                          guint32      *first_day,
                          guint32      *last_day)
{
  g_autoptr(GPtrArray) series = ipms_document_query (document, "series", NULL, 0, NULL);
  int plan_year = ipms_timeline_get_plan_year (document, ipms_time_today ());
  guint32 first = products_first, last = products_last;
  gboolean found;

  widen_by_column (series, "entry_date", &first, &last);
  widen_by_column (series, "first_launch_date", &first, &last);
  found = first != 0;

  widen (&first, &last, ipms_time_day_from_dmy (1, 1, plan_year));
  widen (&first, &last, ipms_time_day_from_dmy (31, 12, plan_year));

  *first_day = ipms_time_unit_floor (IPMS_TIME_UNIT_MONTH, first);
  *last_day = ipms_time_unit_add (IPMS_TIME_UNIT_MONTH, ipms_time_unit_floor (IPMS_TIME_UNIT_MONTH, last), 1) - 1;

  return found;
}

void
ipms_timeline_product_span (IpmsRecord *product,
                            guint32    *first,
                            guint32    *last)
{
  static const char * const columns[] = { "dev_start", "dev_complete", "launch_date" };

  *first = *last = 0;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    widen (first, last, ipms_time_day_from_iso (ipms_record_get_string (product, columns[i])));
}

double
ipms_timeline_fit_px_per_day (guint32 days,
                              double  width)
{
  double wanted = width / MAX (days, 1);
  guint n = ipms_time_zoom_get_n_levels ();

  /* The widest level that still fits, so that the whole range shows. */
  for (guint i = 0; i < n; i++)
    if (ipms_time_zoom_get_px_per_day (i) <= wanted)
      return ipms_time_zoom_get_px_per_day (i);

  /* Past the narrowest level a plan over centuries would be a chart too
   * wide to read as a whole or to export as an image (at 0.3 px a day,
   * 0001 to 9999 is over a million units): it is drawn narrower. */
  return MIN (ipms_time_zoom_get_px_per_day (n - 1), MAX_FIT_WIDTH / MAX (days, 1));
}
