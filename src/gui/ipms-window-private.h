/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipms-presenter-console.h"
#include "ipms-search-panel.h"
#include "ipms-timeline-chart.h"
#include "ipms-window.h"

G_BEGIN_DECLS

/* The window spans files, each one concern: ipms-window.c the sidebar of
 * sections and the window itself, ipms-window-pages.c building the pages
 * (when first shown, or ahead), ipms-window-actions.c the win.* actions,
 * ipms-window-files.c saving, importing and exporting. */

typedef enum
{
  GROUP_STRATEGY,
  GROUP_PLANNING,
  GROUP_CHARTS,
  GROUP_PRODUCTS,
  GROUP_TEAM,
} SectionGroup;

typedef struct
{
  const char    *id;
  const char    *title;
  const char    *icon_name;
  SectionGroup   group;
  /* What the view will hold, said on its placeholder until it is built. */
  const char    *plan;
  /* The page class, NULL while the view is not built. The window sets its
   * "document" and "selection" properties at construction when it has them. */
  GType        (*get_type) (void);
} Section;

struct _IpmsWindow
{
  AdwApplicationWindow  parent_instance;

  IpmsDocument         *document;
  IpmsSelection        *selection;
  const Section        *section;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  GtkWidget            *back_button;
  AdwWindowTitle       *project_title;
  GtkMenuButton        *title_button;
  GtkEntry             *title_entry;
  GtkWidget            *title_apply_button;
  AdwWindowTitle       *section_title;
  GtkWidget            *sidebar_header;
  GtkListBox           *sidebar_list;
  GtkStack             *sidebar_stack;
  GtkSearchBar         *search_bar;
  GtkWidget            *search_entry;
  IpmsSearchPanel      *search_panel;
  GtkStack             *stack;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GMenu                *recent_submenu;
  /* Along the header bar's lower edge: the import's or the export's. */
  GtkProgressBar       *progress_bar;
  guint                 fold_source;
  /* The first page is built after the window's first frame. */
  gboolean              first_page_built;
  guint                 first_page_source;
  /* Builds the form views ahead, once the first page is painted. */
  guint                 prebuild_source;
  GtkWidget            *prebuilt_page;   /* owned by the stack; being built ahead */
  gboolean              prebuilt_laid_out;
  IpmsNamesAhead       *names_ahead;
  gboolean              names_measured;
  /* A chart's page built ahead (owned by the stack), and whether it has
   * been given its size yet. */
  GtkWidget            *chart_ahead;
  gboolean              chart_ahead_sized;
  gboolean              worked_ahead;

  /* The JSON import under way, or NULL (see "Import"). */
  GTask                *import_task;
  /* The export under way, or NULL (see "Export"). */
  GTask                *export_task;
  /* Follows a bulk undo or redo on the progress bar (see document_busy_cb()). */
  guint                 step_progress_source;

  IpmsPresenterConsole *presentation;   /* weak: it destroys itself on leaving */
};

const Section *_ipms_window_get_sections             (guint          *n_sections);
const Section *_ipms_window_lookup_section           (const char     *id);
void           _ipms_window_show_section             (IpmsWindow     *self,
                                                      const Section  *section);
gint64         _ipms_window_product_of_record        (IpmsDocument   *document,
                                                      const char     *table,
                                                      gint64          id);
void           _ipms_window_set_tooltip_if_changed   (GtkWidget      *widget,
                                                      const char     *text);
void           _ipms_window_report_toast             (IpmsWindow     *self,
                                                      const char     *what,
                                                      const GError   *error);

void           _ipms_window_class_actions_init       (GtkWidgetClass *widget_class);
void           _ipms_window_update_actions           (IpmsWindow     *self);

void           _ipms_window_pages_init               (IpmsWindow     *self);
void           _ipms_window_pages_dispose            (IpmsWindow     *self);
GtkWidget     *_ipms_window_ensure_page              (IpmsWindow     *self,
                                                      const Section  *section);

char          *_ipms_window_dup_display_name         (GFile          *file);
void           _ipms_window_cancel_import            (IpmsWindow     *self);
void           _ipms_window_cancel_export            (IpmsWindow     *self);
void           _ipms_window_abandon_export           (IpmsWindow     *self);

G_END_DECLS
