/* ipms-audience-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-audience-window.h"

struct _IpmsAudienceWindow
{
  GtkWindow      parent_instance;

  IpmsSlideView *view;
  GtkWidget     *cover;
  GtkWidget     *overview_scroller;
  GtkFlowBox    *overview;
  GtkWidget     *keys_help;

  const char    *cover_mode;
};

G_DEFINE_FINAL_TYPE (IpmsAudienceWindow, ipms_audience_window, GTK_TYPE_WINDOW)

static void
draw_cover (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  IpmsAudienceWindow *self = user_data;
  double shade = g_strcmp0 (self->cover_mode, "white") == 0 ? 1.0 : 0.0;

  cairo_set_source_rgb (cr, shade, shade, shade);
  cairo_paint (cr);
}

static void
ipms_audience_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), IPMS_TYPE_AUDIENCE_WINDOW);

  G_OBJECT_CLASS (ipms_audience_window_parent_class)->dispose (object);
}

static void
ipms_audience_window_class_init (IpmsAudienceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_audience_window_dispose;

  g_type_ensure (IPMS_TYPE_SLIDE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ipmsplanner/Planner/presentation/ipms-audience-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IpmsAudienceWindow, view);
  gtk_widget_class_bind_template_child (widget_class, IpmsAudienceWindow, cover);
  gtk_widget_class_bind_template_child (widget_class, IpmsAudienceWindow, overview_scroller);
  gtk_widget_class_bind_template_child (widget_class, IpmsAudienceWindow, overview);
  gtk_widget_class_bind_template_child (widget_class, IpmsAudienceWindow, keys_help);
}

static void
ipms_audience_window_init (IpmsAudienceWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->cover), draw_cover, self, NULL);
}

GtkWidget *
ipms_audience_window_new (void)
{
  return g_object_new (IPMS_TYPE_AUDIENCE_WINDOW, NULL);
}

IpmsSlideView *
ipms_audience_window_get_view (IpmsAudienceWindow *self)
{
  g_return_val_if_fail (IPMS_IS_AUDIENCE_WINDOW (self), NULL);
  return self->view;
}

GtkFlowBox *
ipms_audience_window_get_overview (IpmsAudienceWindow *self)
{
  g_return_val_if_fail (IPMS_IS_AUDIENCE_WINDOW (self), NULL);
  return self->overview;
}

void
ipms_audience_window_set_cover (IpmsAudienceWindow *self,
                                const char         *cover)
{
  g_return_if_fail (IPMS_IS_AUDIENCE_WINDOW (self));

  self->cover_mode = g_intern_string (cover);
  gtk_widget_set_visible (self->cover, cover != NULL);
  gtk_widget_queue_draw (self->cover);
}

void
ipms_audience_window_set_overview_shown (IpmsAudienceWindow *self,
                                         gboolean            shown)
{
  g_return_if_fail (IPMS_IS_AUDIENCE_WINDOW (self));
  gtk_widget_set_visible (self->overview_scroller, shown);
}

gboolean
ipms_audience_window_get_keys_shown (IpmsAudienceWindow *self)
{
  g_return_val_if_fail (IPMS_IS_AUDIENCE_WINDOW (self), FALSE);
  return gtk_widget_get_visible (self->keys_help);
}

void
ipms_audience_window_set_keys_shown (IpmsAudienceWindow *self,
                                     gboolean            shown)
{
  g_return_if_fail (IPMS_IS_AUDIENCE_WINDOW (self));
  gtk_widget_set_visible (self->keys_help, shown);
}
