/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-baseline.h"
#include "ipms-window.h"

G_BEGIN_DECLS

/*
 * The review windows of a project window: the deck set-up (which slides,
 * their order, hidden ones, which products get a slide, speaker notes; every
 * change an undoable edit), "Mark as Reviewed" (a named baseline) and "What
 * Changed" (the comparison with a chosen baseline, which the presentation's
 * "What changed" slide then uses; baselines can be removed there).
 */

void ipms_review_dialogs_show_deck_setup (IpmsWindow *window);
void ipms_review_dialogs_mark_reviewed   (IpmsWindow *window);
void ipms_review_dialogs_show_changes    (IpmsWindow *window);
/* Asks for a file name and writes the deck there as a PDF. */
void ipms_review_dialogs_export_deck     (IpmsWindow *window);

G_END_DECLS
