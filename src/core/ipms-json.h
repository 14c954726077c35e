/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * JSON import and export of a whole plan.
 *
 * Format: one object with "format": "ipms-planner" and "version": 2 (1 is
 * still read: it only lacks the deck), and one
 * array per table named by the table's plural (ipms-schema.c): "products",
 * "series", "segments", ... Each element is an object with "id" and the
 * table's columns by name; NULL columns are written as null. Dates are
 * "YYYY-MM-DD" strings, references are ids.
 */

#define IPMS_JSON_FORMAT_NAME    "ipms-planner"
#define IPMS_JSON_FORMAT_VERSION 2
#define IPMS_JSON_ERROR (ipms_json_error_quark ())

typedef enum
{
  IPMS_JSON_ERROR_SYNTAX,        /* not JSON at all */
  IPMS_JSON_ERROR_FORMAT,        /* JSON, but not an IPMS Planner plan */
  IPMS_JSON_ERROR_TOO_NEW,       /* a newer format version */
  IPMS_JSON_ERROR_INVALID,       /* a member is wrong: the message names its JSON path */
} IpmsJsonError;

GQuark   ipms_json_error_quark  (void);

gboolean ipms_json_export_file  (IpmsDocument  *document,
                                 const char    *path,
                                 GError       **error);
char    *ipms_json_export_data  (IpmsDocument  *document,
                                 gsize         *length,
                                 GError       **error);
/* Replaces the whole plan with the file's, as one undoable edit labelled
 * `label`. All or nothing: on error the document is unchanged. */
gboolean ipms_json_import_file  (IpmsDocument  *document,
                                 const char    *path,
                                 const char    *label,
                                 GError       **error);
gboolean ipms_json_import_data  (IpmsDocument  *document,
                                 const char    *data,
                                 gssize         length,
                                 const char    *label,
                                 GError       **error);

G_END_DECLS
