/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipms-window.h"

G_BEGIN_DECLS

/*
 * "What Changed Since a Review": the comparison of the plan with a chosen
 * review baseline, kept up to date as the plan is edited. The review chosen
 * is remembered (view state IPMS_REVIEW_BASELINE_KEY) for the deck's "What
 * changed" slide and the timeline charts' ghosts; a review can be removed
 * here.
 */

#define IPMS_TYPE_CHANGES_WINDOW (ipms_changes_window_get_type ())

G_DECLARE_FINAL_TYPE (IpmsChangesWindow, ipms_changes_window, IPMS, CHANGES_WINDOW, AdwWindow)

GtkWidget *ipms_changes_window_new (IpmsWindow *window);

G_END_DECLS
