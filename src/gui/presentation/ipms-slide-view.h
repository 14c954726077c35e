/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-slide.h"

G_BEGIN_DECLS

#define IPMS_TYPE_SLIDE_VIEW (ipms_slide_view_get_type ())

G_DECLARE_FINAL_TYPE (IpmsSlideView, ipms_slide_view, IPMS, SLIDE_VIEW, GtkWidget)

/*
 * Shows one IpmsSlide at the widget's size and scale, letterboxed to 16:9:
 * the audience screen, the console's current and next slide and the
 * overview's thumbnails. Property "slide" (IpmsSlide, may be NULL: black).
 */

GtkWidget *ipms_slide_view_new        (void);
IpmsSlide *ipms_slide_view_get_slide  (IpmsSlideView *self);
void       ipms_slide_view_set_slide  (IpmsSlideView *self,
                                       IpmsSlide     *slide);

/* Renders `slide` ahead, when idle, so that showing it next is at once. */
void       ipms_slide_view_prepare    (IpmsSlideView *self,
                                       IpmsSlide     *slide);

G_END_DECLS
