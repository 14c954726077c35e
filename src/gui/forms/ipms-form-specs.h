/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-form-page.h"

G_BEGIN_DECLS

/*
 * Every form of the application, for the tests that check that each column
 * of the plan can be reached from some form and that every field has an
 * accessible name. A new view adds its spec here (one line) and its page
 * type to the window's `sections` table.
 */

/* NULL-terminated. */
const IpmsFormSpec * const *ipms_form_specs_get_all     (void);
/* The page class of a spec, to build it in a test; one per spec, same order. */
GType                       ipms_form_specs_get_page_type (const IpmsFormSpec *spec);

G_END_DECLS
