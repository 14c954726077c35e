/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deeper than any plan (the format needs three levels) and far from the
 * depth at which json-glib's recursive parser runs out of stack. */
#define IPMS_JSON_MAX_DEPTH 32

/* Checks that `data` is exactly one strict JSON text (RFC 8259) that
 * json-glib will read without changing or dropping anything (see the
 * comment at the top of ipms-json-check.c), after a byte order mark that
 * RFC 8259 lets readers skip (the caller skips it for json-glib). Sets
 * IPMS_JSON_ERROR_SYNTAX ("Not valid JSON at LINE:COLUMN: ...") or
 * IPMS_JSON_ERROR_INVALID ("$.json.path: ..."). */
gboolean ipms_json_check              (const char  *data,
                                       gsize        length,
                                       GError     **error);

/* `text` (`length` bytes, or -1 up to a NUL) made safe for a one-line
 * message: control characters and other invisible ones escaped as in JSON,
 * bytes that are not UTF-8 as \xNN, cut after `max_chars` characters with
 * an ellipsis. */
char    *ipms_json_escape_for_message (const char  *text,
                                       gssize       length,
                                       guint        max_chars);

/* Appends the step of a JSON path that selects the member `name`: ".name"
 * for a plain name, ["name"] escaped as above for any other. */
void     ipms_json_append_member      (GString     *path,
                                       const char  *name,
                                       gssize       length);

G_END_DECLS
