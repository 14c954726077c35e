/* ipms-slide-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-slide-view.h"

/* Slides rendered ahead: the one shown and the one prepared next, so that
 * the next slide appears without painting it on the key press. */
#define N_CACHED 3

typedef struct
{
  IpmsSlide  *slide;
  gulong      changed_id;
  int         width;     /* device pixels */
  int         height;
  GdkTexture *texture;
} Cached;

struct _IpmsSlideView
{
  GtkWidget  parent_instance;

  IpmsSlide *slide;
  IpmsSlide *prepared;
  guint      prepare_id;
  Cached     cache[N_CACHED];
  guint      next_slot;
};

G_DEFINE_FINAL_TYPE (IpmsSlideView, ipms_slide_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SLIDE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cached_clear (Cached *cached)
{
  if (cached->slide != NULL)
    g_clear_signal_handler (&cached->changed_id, cached->slide);
  g_clear_object (&cached->slide);
  g_clear_object (&cached->texture);
}

/* A chart on a rendered slide changed: that rendering is stale. The one
 * shown is rendered again on the next frame, in place of the old one, so
 * that an edit during a review shows at once and without a blank frame. */
static void
slide_changed_cb (IpmsSlide     *slide,
                  IpmsSlideView *self)
{
  for (guint i = 0; i < N_CACHED; i++)
    if (self->cache[i].slide == slide)
      cached_clear (&self->cache[i]);

  if (slide == self->slide)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The slide rendered at the widget's size in device pixels: crisp on
 * HiDPI screens, and reused until the slide or the size changes. */
static GdkTexture *
get_texture (IpmsSlideView *self,
             IpmsSlide     *slide)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self)) * scale;
  int height = gtk_widget_get_height (GTK_WIDGET (self)) * scale;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  Cached *cached;

  if (width <= 0 || height <= 0)
    return NULL;

  for (guint i = 0; i < N_CACHED; i++)
    if (self->cache[i].slide == slide && self->cache[i].width == width && self->cache[i].height == height)
      return self->cache[i].texture;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  ipms_slide_paint (slide, cr, width / (double) scale, height / (double) scale, scale);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * (gsize) height);
  cached = &self->cache[self->next_slot];
  self->next_slot = (self->next_slot + 1) % N_CACHED;
  cached_clear (cached);
  cached->slide = g_object_ref (slide);
  cached->changed_id = g_signal_connect (slide, "changed", G_CALLBACK (slide_changed_cb), self);
  cached->width = width;
  cached->height = height;
  cached->texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                            (gsize) cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  return cached->texture;
}

static void
ipms_slide_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  IpmsSlideView *self = IPMS_SLIDE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkTexture *texture;

  if (width <= 0 || height <= 0)
    return;

  if (self->slide != NULL && (texture = get_texture (self, self->slide)) != NULL)
    gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (0, 0, width, height));
  else
    gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0, 0, 0, 1 }, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static gboolean
prepare_cb (gpointer user_data)
{
  IpmsSlideView *self = user_data;

  self->prepare_id = 0;
  if (self->prepared != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    get_texture (self, self->prepared);
  g_clear_object (&self->prepared);

  return G_SOURCE_REMOVE;
}

static void
ipms_slide_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  /* Small by default (a size request or expanding sets the real size),
   * 16:9 for a given width or height. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 64;
      *natural = for_size > 0 ? MAX (64, for_size * 16 / 9) : 64;
    }
  else
    {
      *minimum = 36;
      *natural = for_size > 0 ? MAX (36, for_size * 9 / 16) : 36;
    }
}

static void
ipms_slide_view_dispose (GObject *object)
{
  IpmsSlideView *self = IPMS_SLIDE_VIEW (object);

  g_clear_object (&self->slide);
  g_clear_object (&self->prepared);
  g_clear_handle_id (&self->prepare_id, g_source_remove);
  for (guint i = 0; i < N_CACHED; i++)
    cached_clear (&self->cache[i]);

  G_OBJECT_CLASS (ipms_slide_view_parent_class)->dispose (object);
}

static void
ipms_slide_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IpmsSlideView *self = IPMS_SLIDE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SLIDE:
      g_value_set_object (value, self->slide);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_slide_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IpmsSlideView *self = IPMS_SLIDE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SLIDE:
      ipms_slide_view_set_slide (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_slide_view_class_init (IpmsSlideViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_slide_view_dispose;
  object_class->get_property = ipms_slide_view_get_property;
  object_class->set_property = ipms_slide_view_set_property;

  widget_class->snapshot = ipms_slide_view_snapshot;
  widget_class->measure = ipms_slide_view_measure;

  properties[PROP_SLIDE] =
    g_param_spec_object ("slide", NULL, NULL,
                         IPMS_TYPE_SLIDE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "slideview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ipms_slide_view_init (IpmsSlideView *self)
{
}

GtkWidget *
ipms_slide_view_new (void)
{
  return g_object_new (IPMS_TYPE_SLIDE_VIEW, NULL);
}

IpmsSlide *
ipms_slide_view_get_slide (IpmsSlideView *self)
{
  g_return_val_if_fail (IPMS_IS_SLIDE_VIEW (self), NULL);
  return self->slide;
}

void
ipms_slide_view_set_slide (IpmsSlideView *self,
                           IpmsSlide     *slide)
{
  g_return_if_fail (IPMS_IS_SLIDE_VIEW (self));

  /* The deck keeps a slide's object while it looks the same, and makes a
   * new one when an edit changed its text. */
  if (g_set_object (&self->slide, slide))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      slide != NULL ? ipms_slide_get_title (slide) : "", -1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLIDE]);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ipms_slide_view_prepare (IpmsSlideView *self,
                         IpmsSlide     *slide)
{
  g_return_if_fail (IPMS_IS_SLIDE_VIEW (self));

  g_set_object (&self->prepared, slide);
  if (slide != NULL && self->prepare_id == 0)
    self->prepare_id = g_idle_add_full (G_PRIORITY_LOW, prepare_cb, self, NULL);
}
