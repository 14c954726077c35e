/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * The command-line modes that need no display: --export-json, --import-json,
 * --export-chart. The application adds the options at construction and calls
 * ipms_command_line_handle() from "handle-local-options", before GTK starts.
 */
void ipms_command_line_add_options (GApplication *application);
/* Returns an exit status, or -1 when no command-line mode was asked for and
 * the application should start normally. `files` are the remaining
 * arguments (the G_OPTION_REMAINING strings), may be NULL. */
int  ipms_command_line_handle      (GVariantDict       *options,
                                    const char * const *files);

G_END_DECLS
