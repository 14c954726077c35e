/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * How form widgets talk to the user about the model, in one place.
 *
 * ipms_forms_report_error(): a failure of the model (a write refused, a
 * row that vanished) reaches the user through the window's one error path,
 * the action "win.report-error" ("(ss)": what failed, why), which shows a
 * toast. Outside a window (a widget test) it is printed on stderr. Never
 * only a g_warning.
 *
 * ipms_forms_add_undo_toast(): a toast with an Undo button (win.undo) on the
 * nearest AdwToastOverlay, for a removal the user may regret.
 */
void ipms_forms_report_error    (GtkWidget    *widget,
                                 const char   *what,
                                 const GError *error);
void ipms_forms_add_undo_toast  (GtkWidget    *widget,
                                 const char   *message);

/* What a row is called in pickers and messages: its table's display column,
 * for a segment without a name its two axis items, else "Segment 12". */
char *ipms_forms_dup_record_title (IpmsDocument *document,
                                   IpmsRecord   *record);

/* Up to three cards side by side that show figures (the plan year's
 * totals, the iron triangle): nothing in them takes the focus. Add a card
 * with ipms_forms_summary_add(). */
GtkWidget *ipms_forms_summary_new (void);
void       ipms_forms_summary_add (GtkWidget *summary,
                                   GtkWidget *card);

G_END_DECLS
