/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipms-application.h"
#include "ipms-document.h"
#include "ipms-export-task.h"
#include "ipms-selection.h"

G_BEGIN_DECLS

#define IPMS_TYPE_WINDOW (ipms_window_get_type ())

G_DECLARE_FINAL_TYPE (IpmsWindow, ipms_window, IPMS, WINDOW, AdwApplicationWindow)

/*
 * The window of one project: a sidebar of the method's sections and one page
 * per section. It owns the document and the product selection that all its
 * pages share; each page gets both through its "document" and "selection"
 * properties when its class has them.
 *
 * Property "section" (string, the id of the visible section), also the state
 * of the action win.show-section.
 *
 * Action win.show-product-on ("(sx)": a section id, a product id) shows a
 * chart section with that product selected.
 * Action win.show-record "(sxs)" (table, row id, column or ""): shows the
 * section that edits that record and focuses the field (IpmsRecordFocus).
 * A product or a row of its PRD opens the product's PRD (win.open-prd)
 * where there is one, otherwise selects the product on the panorama.
 * Action win.search (Ctrl+F): the search bar above the sidebar, whose
 * results replace the sections while it has a query.
 */

IpmsWindow         *ipms_window_new              (IpmsApplication *application,
                                                  IpmsDocument    *document);
IpmsDocument       *ipms_window_get_document     (IpmsWindow      *self);
IpmsSelection      *ipms_window_get_selection    (IpmsWindow      *self);
const char         *ipms_window_get_section      (IpmsWindow      *self);
void                ipms_window_set_section      (IpmsWindow      *self,
                                                  const char      *section);
/* Whether the window is still doing ahead, while idle, what a first switch
 * to a view would otherwise wait for: building the form views, reading
 * the products, measuring their names. */
gboolean            ipms_window_get_working_ahead (IpmsWindow     *self);
/* The page widget of a section, built now if it was never shown; NULL for
 * an unknown id. */
GtkWidget          *ipms_window_get_section_page (IpmsWindow      *self,
                                                  const char      *section);
/* Every section id, in sidebar order; NULL-terminated, static. */
const char * const *ipms_window_list_sections    (void);
/* The section win.show-record opens for a field of a record, or NULL when
 * no view edits it. */
const char         *ipms_window_get_section_for_record (const char *table,
                                                        const char *column);
/* A section's title, translated. */
const char         *ipms_window_get_section_title (const char     *section);
/* What the menu's Save As, Import JSON and Export JSON do once a file is
 * chosen. Failures are shown to the user; the return value says whether it
 * was done. */
gboolean            ipms_window_save_as          (IpmsWindow      *self,
                                                  GFile           *file);
/* Replaces the plan with the one in `file` without blocking the window:
 * the file is read and checked in a thread, the rows are written in slices
 * on the main loop, with progress shown and win.cancel-import to stop it.
 * Failures are shown to the user; _finish() says whether it was done. */
void                ipms_window_import_json      (IpmsWindow         *self,
                                                  GFile              *file,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
gboolean            ipms_window_import_json_finish (IpmsWindow       *self,
                                                  GAsyncResult       *result,
                                                  GError            **error);
gboolean            ipms_window_export_json      (IpmsWindow      *self,
                                                  GFile           *file);
/* Runs `export` (ipms-export-task.h) to write `path` without blocking the
 * window, which stays editable: the export works on a snapshot of the plan
 * taken now. A progress bar and a toast with Cancel (win.cancel-export)
 * show while it runs; then a toast names the file, or the failure is shown
 * with ipms_window_show_error(). One export at a time, none during an
 * import, and never over the project itself: refused, and shown, with an
 * error. _finish() says whether the file was written. */
void                ipms_window_export           (IpmsWindow         *self,
                                                  IpmsExportTask     *export,
                                                  const char         *path,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
gboolean            ipms_window_export_finish    (IpmsWindow         *self,
                                                  GAsyncResult       *result,
                                                  GError            **error);
/* Renames the project through the edit path, one undo step. FALSE for an
 * empty name, which a project cannot have. */
gboolean            ipms_window_rename_project   (IpmsWindow      *self,
                                                  const char      *name);
/* A failure the user must read: a dialog over the window, and stderr. */
void                ipms_window_show_error       (IpmsWindow      *self,
                                                  const char      *heading,
                                                  const GError    *error);
/* A short notice at the bottom of the window. */
void                ipms_window_add_toast        (IpmsWindow      *self,
                                                  const char      *message);
/* The same, for an edit that destroyed something: with an Undo button that
 * undoes the last step. Pages reach it through the action win.undo-toast
 * (s: the message). */
void                ipms_window_add_undo_toast   (IpmsWindow      *self,
                                                  const char      *message);

G_END_DECLS
