/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * A modal file chooser over `parent`: GtkFileDialog from GTK 4.10 on,
 * GtkFileChooserNative before (so that the portal is used in a sandbox
 * either way). `callback` runs once, with the chosen file or with NULL
 * when the user cancelled; `parent` is kept alive until then. `filter`
 * may be NULL: every file is shown.
 */

typedef enum
{
  IPMS_FILE_CHOOSER_OPEN,
  IPMS_FILE_CHOOSER_SAVE,
} IpmsFileChooserMode;

typedef void (*IpmsFileChosenFunc) (GtkWindow *parent,
                                    GFile     *file,
                                    gpointer   user_data);

/* A filter for project files, for JSON files. */
GtkFileFilter *ipms_file_filter_new_project (void);
GtkFileFilter *ipms_file_filter_new_json    (void);

void           ipms_choose_file             (GtkWindow           *parent,
                                             IpmsFileChooserMode  mode,
                                             const char          *title,
                                             const char          *accept_label,
                                             const char          *initial_name,
                                             GtkFileFilter       *filter,
                                             IpmsFileChosenFunc   callback,
                                             gpointer             user_data);

G_END_DECLS
