/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-chart-export.h"
#include "ipms-slide-deck.h"

G_BEGIN_DECLS

/* Size of a deck's PDF page in points: 13.33 × 7.5 in, 16:9. */
#define IPMS_SLIDE_PDF_WIDTH  960.0
#define IPMS_SLIDE_PDF_HEIGHT 540.0

/*
 * Writes the deck as a PDF, one vector page per slide (fonts embedded), or
 * with `notes` a handout: one A4 page per slide with the slide above its
 * speaker notes. The file is written under a temporary name next to `path`
 * and renamed over it only when complete.
 */
gboolean ipms_slide_deck_export_pdf (IpmsSlideDeck  *deck,
                                     const char     *path,
                                     gboolean        notes,
                                     GError        **error);
/* The same, for an export run by `task` (NULL for none), which learns how
 * many slides are painted and may stop it between two: no file then. */
gboolean ipms_slide_deck_export_pdf_full (IpmsSlideDeck   *deck,
                                          const char      *path,
                                          gboolean         notes,
                                          IpmsExportTask  *task,
                                          GError         **error);

G_END_DECLS
