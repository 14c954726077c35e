/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-slide-view.h"

G_BEGIN_DECLS

/*
 * The window the audience sees: the slide, and over it a black or white
 * screen, the overview of the deck to jump from, and the keys. The
 * presenter console drives it (and handles its keys); it goes full screen
 * on the monitor the console chooses.
 */

#define IPMS_TYPE_AUDIENCE_WINDOW (ipms_audience_window_get_type ())

G_DECLARE_FINAL_TYPE (IpmsAudienceWindow, ipms_audience_window, IPMS, AUDIENCE_WINDOW, GtkWindow)

GtkWidget     *ipms_audience_window_new               (void);
IpmsSlideView *ipms_audience_window_get_view          (IpmsAudienceWindow *self);
GtkFlowBox    *ipms_audience_window_get_overview      (IpmsAudienceWindow *self);
/* NULL for the slide, "black" or "white" for a screen of that colour. */
void           ipms_audience_window_set_cover         (IpmsAudienceWindow *self,
                                                       const char         *cover);
void           ipms_audience_window_set_overview_shown (IpmsAudienceWindow *self,
                                                        gboolean            shown);
gboolean       ipms_audience_window_get_keys_shown    (IpmsAudienceWindow *self);
void           ipms_audience_window_set_keys_shown    (IpmsAudienceWindow *self,
                                                       gboolean            shown);

G_END_DECLS
