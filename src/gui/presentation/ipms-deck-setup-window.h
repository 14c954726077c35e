/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipms-window.h"

G_BEGIN_DECLS

/*
 * The deck set-up of a project window: which slides, their order, hidden
 * ones, which products get a slide, and the speaker notes. Every change is
 * an undoable edit of the project (Ctrl+Z and Ctrl+Shift+Z work here as in
 * the project window), and the window follows edits made elsewhere.
 */

#define IPMS_TYPE_DECK_SETUP_WINDOW (ipms_deck_setup_window_get_type ())

G_DECLARE_FINAL_TYPE (IpmsDeckSetupWindow, ipms_deck_setup_window, IPMS, DECK_SETUP_WINDOW, AdwWindow)

GtkWidget *ipms_deck_setup_window_new (IpmsWindow *window);

G_END_DECLS
