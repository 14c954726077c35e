/* ipms-chart-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "ipms-chart-style.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, a }

/* Cantarell is GNOME's UI font; Noto Sans CJK SC follows so that Chinese
 * picks Simplified glyph forms rather than whichever CJK face fontconfig
 * happens to find first. */
#define FONT_FAMILY "Cantarell, Noto Sans CJK SC, Noto Sans, DejaVu Sans, sans-serif"

static const IpmsChartPalette light_palette = {
  .background     = RGB (0xfafafa),
  .surface        = RGB (0xffffff),
  .header         = RGB (0xebebed),
  .foreground     = RGB (0x241f31),
  .dim_foreground = RGB (0x5e5c64),
  .grid_line      = RGB (0xc0bfbc),
  .border         = RGB (0x9a9996),
  .accent         = RGB (0x1c71d8),
  .on_accent      = RGB (0xffffff),
  .core           = RGB (0x813d9c),
  .radiating      = RGB (0x9141ac),
  .value_low      = RGB (0xf6f5f4),
  .value_high     = RGB (0x99c1f1),
  .warning        = RGB (0xc64600),
};

static const IpmsChartPalette dark_palette = {
  .background     = RGB (0x1e1e1e),
  .surface        = RGB (0x303030),
  .header         = RGB (0x3a3a3a),
  .foreground     = RGB (0xffffff),
  .dim_foreground = RGB (0xc0bfbc),
  .grid_line      = RGB (0x5e5c64),
  .border         = RGB (0x77767b),
  .accent         = RGB (0x78aeed),
  .on_accent      = RGB (0x000000),
  .core           = RGB (0xdc8add),
  .radiating      = RGB (0xc061cb),
  .value_low      = RGB (0x262626),
  .value_high     = RGB (0x1a4c84),
  .warning        = RGB (0xffa348),
};

/* R flagship ... F filler: hue from hot to neutral so that the order reads
 * without the legend. The light set carries white letters (>= 4.5:1), the
 * dark set black ones. */
static const IpmsColor grade_light[] = {
  RGB (0xc01c28), RGB (0xc64600), RGB (0x1a5fb4), RGB (0x26734d), RGB (0x5e5c64),
};
static const IpmsColor grade_dark[] = {
  RGB (0xff7b63), RGB (0xffa348), RGB (0x78aeed), RGB (0x57e389), RGB (0xc0bfbc),
};

static const guint32 series_fallback[] = {
  0x3584e4, 0x2ec27e, 0xe5a50a, 0xe66100, 0x9141ac, 0x986a44, 0xe01b24, 0x1c9c9c,
};

const IpmsChartPalette *
ipms_chart_style_get_palette (gboolean dark)
{
  return dark ? &dark_palette : &light_palette;
}

void
ipms_chart_style_get_grade_color (const char *grade,
                                  gboolean    dark,
                                  IpmsColor  *color)
{
  static const char codes[] = "RSABF";
  const char *found = NULL;
  guint index = 4;

  if (grade != NULL && grade[0] != '\0' && grade[1] == '\0')
    found = strchr (codes, grade[0]);
  if (found != NULL)
    index = (guint) (found - codes);

  *color = dark ? grade_dark[index] : grade_light[index];
}

static gboolean
parse_hex_color (const char *text,
                 IpmsColor  *color)
{
  guint64 value;
  char *end = NULL;

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;

  value = g_ascii_strtoull (text + 1, &end, 16);
  if (end == NULL || *end != '\0')
    return FALSE;

  color->red = ((value >> 16) & 0xff) / 255.0;
  color->green = ((value >> 8) & 0xff) / 255.0;
  color->blue = (value & 0xff) / 255.0;
  color->alpha = 1.0;

  return TRUE;
}

static double
relative_luminance (const IpmsColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

void
ipms_chart_style_get_series_color (const char *color_text,
                                   guint       index,
                                   gboolean    dark,
                                   IpmsColor  *color)
{
  if (!parse_hex_color (color_text, color))
    {
      guint32 hex = series_fallback[index % G_N_ELEMENTS (series_fallback)];

      *color = (IpmsColor) RGB (hex);
    }

  /* A near-black series colour would vanish on the dark canvas. */
  if (dark && relative_luminance (color) < 0.35)
    {
      color->red += (1.0 - color->red) * 0.45;
      color->green += (1.0 - color->green) * 0.45;
      color->blue += (1.0 - color->blue) * 0.45;
    }
}

void
ipms_chart_style_get_value_color (const IpmsChartPalette *palette,
                                  double                  t,
                                  IpmsColor              *color)
{
  const IpmsColor *a = &palette->value_low;
  const IpmsColor *b = &palette->value_high;

  /* A value of a file edited by hand can be infinite, and infinity over
   * infinity is NaN, which CLAMP lets through and cairo would turn into an
   * undefined conversion: such a value is drawn in the middle. */
  t = isnan (t) ? 0.5 : CLAMP (t, 0.0, 1.0);
  color->red = a->red + (b->red - a->red) * t;
  color->green = a->green + (b->green - a->green) * t;
  color->blue = a->blue + (b->blue - a->blue) * t;
  color->alpha = 1.0;
}

const PangoFontDescription *
ipms_chart_style_get_font (IpmsChartFont font)
{
  static PangoFontDescription *fonts[IPMS_CHART_N_FONTS];
  static const struct {
    double      size;
    PangoWeight weight;
  } specs[IPMS_CHART_N_FONTS] = {
    [IPMS_CHART_FONT_TITLE] = { 20, PANGO_WEIGHT_BOLD },
    [IPMS_CHART_FONT_HEADER] = { 14, PANGO_WEIGHT_BOLD },
    [IPMS_CHART_FONT_BODY] = { 12, PANGO_WEIGHT_NORMAL },
    [IPMS_CHART_FONT_BODY_BOLD] = { 12, PANGO_WEIGHT_BOLD },
    [IPMS_CHART_FONT_SMALL] = { 11, PANGO_WEIGHT_NORMAL },
    [IPMS_CHART_FONT_BADGE] = { 13, PANGO_WEIGHT_HEAVY },
  };

  g_return_val_if_fail (font < IPMS_CHART_N_FONTS, NULL);

  if (g_once_init_enter (&fonts[font]))
    {
      PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);

      /* Absolute sizes: chart units are px, whatever the screen's DPI. */
      pango_font_description_set_absolute_size (desc, specs[font].size * PANGO_SCALE);
      pango_font_description_set_weight (desc, specs[font].weight);
      g_once_init_leave (&fonts[font], desc);
    }

  return fonts[font];
}

void
ipms_chart_style_set_source (cairo_t         *cr,
                             const IpmsColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
ipms_chart_style_rounded_rectangle (cairo_t *cr,
                                    double   x,
                                    double   y,
                                    double   width,
                                    double   height,
                                    double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
ipms_chart_style_set_outline (cairo_t          *cr,
                              IpmsOutlineStyle  style,
                              double            line_width)
{
  cairo_set_line_width (cr, line_width);
  if (style == IPMS_OUTLINE_DASHED)
    {
      double dashes[] = { line_width * 3, line_width * 2 };

      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    }
  else
    {
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

PangoLayout *
ipms_chart_style_create_layout (cairo_t       *cr,
                                IpmsChartFont  font,
                                const char    *text,
                                double         width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);

  pango_layout_set_font_description (layout, ipms_chart_style_get_font (font));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  return layout;
}

void
ipms_chart_style_show_layout (cairo_t         *cr,
                              PangoLayout     *layout,
                              double           x,
                              double           y,
                              const IpmsColor *color)
{
  ipms_chart_style_set_source (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

#define LEGEND_ROW_HEIGHT 22.0
#define LEGEND_SWATCH 16.0
#define LEGEND_GAP 6.0
#define LEGEND_ITEM_GAP 16.0

double
ipms_chart_style_legend_row_height (void)
{
  return LEGEND_ROW_HEIGHT;
}

static double
draw_label (cairo_t                *cr,
            const IpmsChartPalette *palette,
            IpmsChartFont           font,
            double                  x,
            double                  y,
            const char             *text)
{
  g_autoptr(PangoLayout) layout = ipms_chart_style_create_layout (cr, font, text, -1);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  ipms_chart_style_show_layout (cr, layout, x, y + (LEGEND_ROW_HEIGHT - height) / 2,
                                font == IPMS_CHART_FONT_BODY_BOLD ? &palette->foreground
                                                                  : &palette->dim_foreground);

  return width;
}

double
ipms_chart_style_draw_legend_title (cairo_t                *cr,
                                    const IpmsChartPalette *palette,
                                    double                  x,
                                    double                  y,
                                    const char             *title)
{
  return draw_label (cr, palette, IPMS_CHART_FONT_BODY_BOLD, x, y, title) + LEGEND_GAP * 2;
}

double
ipms_chart_style_draw_legend_swatch (cairo_t                *cr,
                                     const IpmsChartPalette *palette,
                                     double                  x,
                                     double                  y,
                                     const IpmsColor        *fill,
                                     const char             *badge,
                                     const char             *label)
{
  double sy = y + (LEGEND_ROW_HEIGHT - LEGEND_SWATCH) / 2;
  double width = LEGEND_SWATCH;

  if (badge != NULL)
    {
      g_autoptr(PangoLayout) layout = ipms_chart_style_create_layout (cr, IPMS_CHART_FONT_SMALL, badge, -1);
      PangoFontDescription *bold = pango_font_description_copy (ipms_chart_style_get_font (IPMS_CHART_FONT_SMALL));
      int tw, th;

      pango_font_description_set_weight (bold, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, bold);
      pango_font_description_free (bold);
      pango_layout_get_pixel_size (layout, &tw, &th);
      width = MAX (LEGEND_SWATCH, tw + 6);
      ipms_chart_style_rounded_rectangle (cr, x, sy, width, LEGEND_SWATCH, 3);
      ipms_chart_style_set_source (cr, fill);
      cairo_fill (cr);
      ipms_chart_style_show_layout (cr, layout, x + (width - tw) / 2, sy + (LEGEND_SWATCH - th) / 2,
                                    &palette->on_accent);
    }
  else
    {
      ipms_chart_style_rounded_rectangle (cr, x, sy, width, LEGEND_SWATCH, 3);
      ipms_chart_style_set_source (cr, fill);
      cairo_fill_preserve (cr);
      ipms_chart_style_set_source (cr, &palette->border);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }

  width += LEGEND_GAP;
  if (label != NULL && label[0] != '\0')
    width += draw_label (cr, palette, IPMS_CHART_FONT_SMALL, x + width, y, label);

  return width + LEGEND_ITEM_GAP;
}

double
ipms_chart_style_draw_legend_outline (cairo_t                *cr,
                                      const IpmsChartPalette *palette,
                                      double                  x,
                                      double                  y,
                                      const IpmsColor        *color,
                                      IpmsOutlineStyle        style,
                                      const char             *label)
{
  double sy = y + (LEGEND_ROW_HEIGHT - LEGEND_SWATCH) / 2;
  double width = LEGEND_SWATCH * 1.5;

  cairo_save (cr);
  cairo_rectangle (cr, x + 1.5, sy + 1.5, width - 3, LEGEND_SWATCH - 3);
  ipms_chart_style_set_source (cr, color);
  ipms_chart_style_set_outline (cr, style, style == IPMS_OUTLINE_SOLID ? 3 : 2);
  cairo_stroke (cr);
  cairo_restore (cr);

  width += LEGEND_GAP;
  width += draw_label (cr, palette, IPMS_CHART_FONT_SMALL, x + width, y, label);

  return width + LEGEND_ITEM_GAP;
}

double
ipms_chart_style_draw_legend_scale (cairo_t                *cr,
                                    const IpmsChartPalette *palette,
                                    double                  x,
                                    double                  y,
                                    double                  bar_width,
                                    const char             *low_label,
                                    const char             *high_label)
{
  cairo_pattern_t *gradient;
  double width = 0;
  double sy = y + (LEGEND_ROW_HEIGHT - LEGEND_SWATCH) / 2;

  width += draw_label (cr, palette, IPMS_CHART_FONT_SMALL, x, y, low_label) + LEGEND_GAP;

  gradient = cairo_pattern_create_linear (x + width, 0, x + width + bar_width, 0);
  cairo_pattern_add_color_stop_rgb (gradient, 0, palette->value_low.red,
                                    palette->value_low.green, palette->value_low.blue);
  cairo_pattern_add_color_stop_rgb (gradient, 1, palette->value_high.red,
                                    palette->value_high.green, palette->value_high.blue);
  cairo_rectangle (cr, x + width, sy, bar_width, LEGEND_SWATCH);
  cairo_set_source (cr, gradient);
  cairo_fill_preserve (cr);
  cairo_pattern_destroy (gradient);
  ipms_chart_style_set_source (cr, &palette->border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  width += bar_width + LEGEND_GAP;

  width += draw_label (cr, palette, IPMS_CHART_FONT_SMALL, x + width, y, high_label);

  return width + LEGEND_ITEM_GAP;
}
