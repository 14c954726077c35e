/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IPMS_TYPE_APPLICATION (ipms_application_get_type ())

G_DECLARE_FINAL_TYPE (IpmsApplication, ipms_application, IPMS, APPLICATION, AdwApplication)

/*
 * One window per open project file. Opening a file that is already open
 * presents its window; activating with no file reopens the most recent
 * project, or starts a new draft.
 */

IpmsApplication *ipms_application_new                (void);
GSettings       *ipms_application_get_settings       (IpmsApplication *self);
/* Recent projects (GSettings "recent-projects"), most recent first, as a
 * menu section of app.open-recent items. Shared by every window. */
GMenuModel      *ipms_application_get_recent_menu    (IpmsApplication *self);
/* Puts `file` first in the recent projects; `replaces`, when not NULL, is
 * dropped from the list (a draft that was saved under a new name). */
void             ipms_application_add_recent         (IpmsApplication *self,
                                                      GFile           *file,
                                                      GFile           *replaces);
/* The window that has `file` open, or NULL. Symbolic links and relative
 * paths are resolved before comparing. */
GtkWindow       *ipms_application_find_window        (IpmsApplication *self,
                                                      GFile           *file);
/* Opens `file` in a new window, or presents the window that has it open.
 * Failures are shown in a dialog over `parent` (may be NULL). */
void             ipms_application_open_file          (IpmsApplication *self,
                                                      GFile           *file,
                                                      GtkWindow       *parent);

G_END_DECLS
