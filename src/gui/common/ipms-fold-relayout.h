/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * AdwLeaflet and AdwFlap fold while they are being allocated, and what
 * folding changes below them asks for a new allocation right then. GTK
 * 4.8 forgets such a request once the allocation in progress ends: the
 * widgets that asked are never allocated again and are not drawn (the
 * panorama stayed blank after a big resize, "Trying to snapshot GtkOverlay
 * without a current allocation"), until something else moves.
 *
 * For a widget with a "folded" property: when it folds or unfolds, once the
 * allocation in progress is over and before the frame is painted, mark
 * every widget of its window as needing an allocation, so that the frame
 * clock lays the whole window out again. Only a widget's own mark makes
 * GTK allocate it with an unchanged size, and the forgotten requests can
 * sit anywhere in the window (the header bars rebuild their buttons as the
 * sidebar folds): a request from below would stop at the first widget
 * already marked. A fold costs one more layout of the window, as the
 * resize that caused it did.
 */
void ipms_fold_relayout_attach (GtkWidget *foldable);

G_END_DECLS
