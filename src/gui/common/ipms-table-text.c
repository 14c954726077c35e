/* ipms-table-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>

#include "ipms-table-text.h"

/* What a line must hold: a Latin ascender and descender, and a Chinese
 * character, which often comes from a taller fallback font. */
#define LINE_SAMPLE "Ag\xe5\x9b\xbd"

struct _IpmsTableText
{
  GtkWidget    parent_instance;

  char        *text;
  PangoLayout *layout;          /* NULL until painted after a change */
  guint        min_chars;
  guint        nat_chars;
  gboolean     numeric;

  /* From the font, made again when it changes; -1: not yet. */
  PangoFontDescription *font;
  int          char_width;
  int          line_height;
  int          line_ascent;
};

G_DEFINE_FINAL_TYPE (IpmsTableText, ipms_table_text, GTK_TYPE_WIDGET)

/* The metrics of the fonts in use. Measuring them took a layout per cell,
 * 2,200 of them when a list of 10,000 products is first shown; all but a
 * few cells share one font. */
typedef struct
{
  PangoFontDescription *font;
  PangoFontMap         *font_map;
  double                resolution;
  int                   char_width;
  int                   line_height;
  int                   line_ascent;
} FontMetrics;

#define N_CACHED_FONTS 4

static FontMetrics cached_fonts[N_CACHED_FONTS];
static guint next_cached_font;

static const FontMetrics *
lookup_font_metrics (PangoContext *context)
{
  const PangoFontDescription *font = pango_context_get_font_description (context);
  PangoFontMap *font_map = pango_context_get_font_map (context);
  double resolution = pango_cairo_context_get_resolution (context);
  FontMetrics *found;
  PangoFontMetrics *metrics;
  g_autoptr(PangoLayout) sample = NULL;
  PangoRectangle logical;

  for (guint i = 0; i < N_CACHED_FONTS; i++)
    if (cached_fonts[i].font != NULL && cached_fonts[i].font_map == font_map &&
        cached_fonts[i].resolution == resolution && pango_font_description_equal (cached_fonts[i].font, font))
      return &cached_fonts[i];

  found = &cached_fonts[next_cached_font];
  next_cached_font = (next_cached_font + 1) % N_CACHED_FONTS;
  g_clear_pointer (&found->font, pango_font_description_free);
  found->font = pango_font_description_copy (font);
  /* Compared by address only; never dereferenced. */
  found->font_map = font_map;
  found->resolution = resolution;

  metrics = pango_context_get_metrics (context, NULL, NULL);
  found->char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                           pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);

  sample = pango_layout_new (context);
  pango_layout_set_text (sample, LINE_SAMPLE, -1);
  pango_layout_get_extents (sample, NULL, &logical);
  found->line_height = PANGO_PIXELS_CEIL (logical.height);
  found->line_ascent = PANGO_PIXELS (pango_layout_get_baseline (sample));

  return found;
}

static void
ensure_metrics (IpmsTableText *self)
{
  PangoContext *context;
  const FontMetrics *metrics;

  if (self->line_height >= 0)
    return;

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  metrics = lookup_font_metrics (context);
  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = pango_font_description_copy (metrics->font);
  self->char_width = metrics->char_width;
  self->line_height = metrics->line_height;
  self->line_ascent = metrics->line_ascent;
}

static void
ensure_layout (IpmsTableText *self)
{
  if (self->layout != NULL)
    return;

  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (self->layout, TRUE);
  if (self->numeric)
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      /* The "numeric" style class of a label: figures line up in a column. */
      pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (self->layout, attributes);
    }
}

static void
ipms_table_text_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  IpmsTableText *self = IPMS_TABLE_TEXT (widget);

  ensure_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PANGO_PIXELS_CEIL (self->min_chars * self->char_width);
      *natural = PANGO_PIXELS_CEIL (MAX (self->min_chars, self->nat_chars) * self->char_width);
    }
  else
    {
      *minimum = *natural = self->line_height;
    }
}

static void
ipms_table_text_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  IpmsTableText *self = IPMS_TABLE_TEXT (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoRectangle logical;
  GdkRGBA color;
  float x, y;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;

  ensure_metrics (self);
  ensure_layout (self);
  pango_layout_set_width (self->layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);

  /* Right-aligned figures (RTL turns the sides round, as for a label). */
  x = 0;
  if (self->numeric != (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL))
    x = MAX (0, width - logical.width - logical.x);
  /* The same baseline in every cell of the row, whatever its text. */
  y = floorf ((height - self->line_height) / 2.f) + self->line_ascent -
      PANGO_PIXELS (pango_layout_get_baseline (self->layout));

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, &color);
#else
  /* GTK 4.8 has no gtk_widget_get_color(). */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
#endif

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
ipms_table_text_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  IpmsTableText *self = IPMS_TABLE_TEXT (widget);
  PangoContext *context;

  GTK_WIDGET_CLASS (ipms_table_text_parent_class)->css_changed (widget, change);

  /* Hover and selection change the style too, not the font: only a new
   * font (or size, or scale) is measured again. */
  context = gtk_widget_get_pango_context (widget);
  if (self->font != NULL &&
      pango_font_description_equal (self->font, pango_context_get_font_description (context)))
    return;

  self->line_height = -1;
  g_clear_object (&self->layout);
  gtk_widget_queue_resize (widget);
}

static void
ipms_table_text_finalize (GObject *object)
{
  IpmsTableText *self = IPMS_TABLE_TEXT (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (ipms_table_text_parent_class)->finalize (object);
}

static void
ipms_table_text_class_init (IpmsTableTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ipms_table_text_finalize;

  widget_class->measure = ipms_table_text_measure;
  widget_class->snapshot = ipms_table_text_snapshot;
  widget_class->css_changed = ipms_table_text_css_changed;

  /* Styled and themed as a label is. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
ipms_table_text_init (IpmsTableText *self)
{
  self->line_height = -1;
}

GtkWidget *
ipms_table_text_new (guint    min_chars,
                     guint    nat_chars,
                     gboolean numeric)
{
  IpmsTableText *self = g_object_new (IPMS_TYPE_TABLE_TEXT, NULL);

  self->min_chars = min_chars;
  self->nat_chars = nat_chars;
  self->numeric = numeric;
  if (numeric)
    gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");

  return GTK_WIDGET (self);
}

void
ipms_table_text_set_text (IpmsTableText *self,
                          const char    *text)
{
  g_return_if_fail (IPMS_IS_TABLE_TEXT (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_object (&self->layout);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
ipms_table_text_get_text (IpmsTableText *self)
{
  g_return_val_if_fail (IPMS_IS_TABLE_TEXT (self), NULL);

  return self->text;
}
