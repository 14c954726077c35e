/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * The bundled example plan (smart pet products for a cross-border brand), in
 * English and in Chinese. `language` is a locale name such as "zh_CN" or
 * "en_US.UTF-8"; NULL means the user's (g_get_language_names()). Chinese
 * locales get the Chinese plan, every other the English one.
 */
IpmsDocument *ipms_example_new_draft     (const char  *language,
                                          GError     **error);
/* The same plan written to a new file at `path`. */
IpmsDocument *ipms_example_create        (const char  *path,
                                          const char  *language,
                                          GError     **error);

G_END_DECLS
