/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/*
 * The look shared by every chart (panorama, new product chart, roadmap), on
 * screen and in export: one palette for light and one for dark, the grade
 * colours R/S/A/B/F, series accents, the fonts and small drawing helpers for
 * legends. No GTK here: export runs without a display.
 *
 * Colours come from the GNOME palette so that charts sit well next to
 * libadwaita widgets; every text/background pair below keeps a contrast of
 * at least 4.5:1 in both palettes.
 */

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} IpmsColor;

typedef struct
{
  IpmsColor background;     /* page / canvas */
  IpmsColor surface;        /* chips, legend boxes */
  IpmsColor header;         /* axis header cells */
  IpmsColor foreground;
  IpmsColor dim_foreground; /* secondary text */
  IpmsColor grid_line;
  IpmsColor border;         /* chip outlines */
  IpmsColor accent;         /* selection, drop preview, focus */
  IpmsColor on_accent;      /* text on accent and on grade colours */
  IpmsColor core;           /* outline of core segments */
  IpmsColor radiating;      /* outline of radiating segments */
  IpmsColor value_low;      /* market value scale, lowest */
  IpmsColor value_high;     /* market value scale, highest */
  IpmsColor warning;
} IpmsChartPalette;

typedef enum
{
  IPMS_CHART_FONT_TITLE,
  IPMS_CHART_FONT_HEADER,   /* axis items, bold */
  IPMS_CHART_FONT_BODY,
  IPMS_CHART_FONT_BODY_BOLD,
  IPMS_CHART_FONT_SMALL,
  IPMS_CHART_FONT_BADGE,    /* the grade letter on a chip */
  IPMS_CHART_N_FONTS
} IpmsChartFont;

typedef enum
{
  IPMS_OUTLINE_SOLID,
  IPMS_OUTLINE_DASHED,
} IpmsOutlineStyle;

const IpmsChartPalette     *ipms_chart_style_get_palette       (gboolean          dark);
/* The colour of a grade code ("R" ... "F"); an unknown code gets the F grey. */
void                        ipms_chart_style_get_grade_color   (const char       *grade,
                                                                gboolean          dark,
                                                                IpmsColor        *color);
/* A series accent: the series' own "#rrggbb" colour when it parses, else a
 * colour picked from a fixed set by `index` (the series' position). In dark
 * style a dark colour is lightened so that it stays visible. */
void                        ipms_chart_style_get_series_color  (const char       *color_text,
                                                                guint             index,
                                                                gboolean          dark,
                                                                IpmsColor        *color);
/* The market value scale: `t` from 0 (lowest) to 1 (highest). */
void                        ipms_chart_style_get_value_color   (const IpmsChartPalette *palette,
                                                                double            t,
                                                                IpmsColor        *color);
/* Shared, do not free or modify. Sizes are in chart units (px at 100 %). */
const PangoFontDescription *ipms_chart_style_get_font          (IpmsChartFont     font);

void                        ipms_chart_style_set_source        (cairo_t          *cr,
                                                                const IpmsColor  *color);
void                        ipms_chart_style_rounded_rectangle (cairo_t          *cr,
                                                                double            x,
                                                                double            y,
                                                                double            width,
                                                                double            height,
                                                                double            radius);
void                        ipms_chart_style_set_outline       (cairo_t          *cr,
                                                                IpmsOutlineStyle  style,
                                                                double            line_width);
/* A PangoLayout for painting on `cr` with the font and, when width > 0,
 * ellipsized to that width. */
PangoLayout                *ipms_chart_style_create_layout     (cairo_t          *cr,
                                                                IpmsChartFont     font,
                                                                const char       *text,
                                                                double            width);
/* Paints `layout` with its top left at (x, y) in `color`. */
void                        ipms_chart_style_show_layout       (cairo_t          *cr,
                                                                PangoLayout      *layout,
                                                                double            x,
                                                                double            y,
                                                                const IpmsColor  *color);

/* Legends. Each draws at (x, y) and returns the width it used; the heights
 * are ipms_chart_style_legend_row_height(). */
double                      ipms_chart_style_legend_row_height (void);
/* A bold title such as "Grade" followed by nothing: the caller draws items after it. */
double                      ipms_chart_style_draw_legend_title (cairo_t          *cr,
                                                                const IpmsChartPalette *palette,
                                                                double            x,
                                                                double            y,
                                                                const char       *title);
/* A filled swatch (with `badge` text inside it when not NULL) and a label. */
double                      ipms_chart_style_draw_legend_swatch (cairo_t         *cr,
                                                                 const IpmsChartPalette *palette,
                                                                 double           x,
                                                                 double           y,
                                                                 const IpmsColor *fill,
                                                                 const char      *badge,
                                                                 const char      *label);
/* An outlined square in `color` drawn with `style`, and a label. */
double                      ipms_chart_style_draw_legend_outline (cairo_t         *cr,
                                                                  const IpmsChartPalette *palette,
                                                                  double           x,
                                                                  double           y,
                                                                  const IpmsColor *color,
                                                                  IpmsOutlineStyle style,
                                                                  const char      *label);
/* The market value scale as a gradient bar `bar_width` wide between the two labels. */
double                      ipms_chart_style_draw_legend_scale (cairo_t          *cr,
                                                                const IpmsChartPalette *palette,
                                                                double            x,
                                                                double            y,
                                                                double            bar_width,
                                                                const char       *low_label,
                                                                const char       *high_label);

G_END_DECLS
