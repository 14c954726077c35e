/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * The results of a search across the plan, grouped under the titles of the
 * sections that edit them, each with its text around the match (the match
 * in bold). Activating a result activates win.show-record. The results
 * follow the document's edits while a query is set.
 */

#define IPMS_TYPE_SEARCH_PANEL (ipms_search_panel_get_type ())

G_DECLARE_FINAL_TYPE (IpmsSearchPanel, ipms_search_panel, IPMS, SEARCH_PANEL, AdwBin)

void        ipms_search_panel_set_document   (IpmsSearchPanel *self,
                                              IpmsDocument    *document);
void        ipms_search_panel_set_query      (IpmsSearchPanel *self,
                                              const char      *query);
guint       ipms_search_panel_get_n_results  (IpmsSearchPanel *self);
/* The row of result `index` in the order shown, or NULL. */
GtkWidget  *ipms_search_panel_get_row        (IpmsSearchPanel *self,
                                              guint            index);
/* Keyboard from the search entry: Down focuses the first result, Enter
 * opens it. FALSE when there is none. */
gboolean    ipms_search_panel_focus_first    (IpmsSearchPanel *self);
gboolean    ipms_search_panel_activate_first (IpmsSearchPanel *self);

G_END_DECLS
