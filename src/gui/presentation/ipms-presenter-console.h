/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-window.h"

G_BEGIN_DECLS

#define IPMS_TYPE_PRESENTER_CONSOLE (ipms_presenter_console_get_type ())

G_DECLARE_FINAL_TYPE (IpmsPresenterConsole, ipms_presenter_console, IPMS, PRESENTER_CONSOLE, GtkWindow)

/*
 * A running presentation of a project window's deck: the audience window
 * and this presenter console (current and next slide, notes, timer, clock,
 * overview, the choice of screens). With two screens the audience window is
 * full screen on the one the user picks and the console on the other; with
 * one screen the audience window fills it and the console stays hidden
 * until asked for; "Two Windows" shows both as normal windows for sharing
 * a screen in a call. Both windows take the same keys. Leaving (Escape)
 * destroys both and returns the project window to the section it showed.
 */

/* Starts presenting `window`'s deck at the slide for `section` (a section
 * id of the window) or, when NULL or without a slide, at the first. */
IpmsPresenterConsole *ipms_presenter_console_start          (IpmsWindow           *window,
                                                             const char           *section);
void                  ipms_presenter_console_leave          (IpmsPresenterConsole *self);
GtkWindow            *ipms_presenter_console_get_audience   (IpmsPresenterConsole *self);
guint                 ipms_presenter_console_get_position   (IpmsPresenterConsole *self);
guint                 ipms_presenter_console_get_n_slides   (IpmsPresenterConsole *self);
void                  ipms_presenter_console_go_to          (IpmsPresenterConsole *self,
                                                             guint                 position);
/* "black", "white" or NULL for the slide. */
const char           *ipms_presenter_console_get_cover      (IpmsPresenterConsole *self);
gboolean              ipms_presenter_console_get_overview   (IpmsPresenterConsole *self);
gboolean              ipms_presenter_console_get_windowed   (IpmsPresenterConsole *self);
void                  ipms_presenter_console_set_windowed   (IpmsPresenterConsole *self,
                                                             gboolean              windowed);

G_END_DECLS
