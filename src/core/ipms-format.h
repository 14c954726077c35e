/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * How every chart, tooltip and dialog writes numbers and dates, so that one
 * view never says "60 %" beside another's "+16%", nor "2027-03-01" beside
 * "1 Mar 2027". Dates follow the locale (%x); money and percentages follow
 * one style with translatable templates. Days are GDate Julian days.
 */

/* A date as the locale writes it (its %x), with a four-digit year:
 * "03/01/2027" or "2027年03月01日"; "" for day 0 (no date). */
char *ipms_format_date         (guint32      julian_day);
/* The same for "YYYY-MM-DD"; anything else is returned as given. */
char *ipms_format_date_iso     (const char  *iso_date);

/* The symbol of a currency code ("USD" → "$"), NULL when unknown. */
const char *ipms_format_currency_symbol (const char *currency);
/* A price such as "¥1,299" or "$49.90"; an unknown code is written before
 * the number ("XYZ 12"), NULL or "" gives the bare number. */
char *ipms_format_price        (double       price,
                                const char  *currency);
/* A large amount shortened for a chart: "$95M", "$1.2B", "9.5K"; in Chinese
 * "520万", "1.2亿". Two significant digits at most below 100 of a unit, and
 * never a trailing ".0". `currency` may be NULL (a count). */
char *ipms_format_compact      (double       value,
                                const char  *currency);
/* An amount of money as a form field shows it, without the currency and
 * never rounded: grouped digits with the cents it has ("18,000,000",
 * "1,299.50"). With `for_display` and numbers grouped by myriads (Chinese),
 * an amount that is a whole number of 万 or 亿 reads as one, "1,800万" or
 * "1.5亿", as the charts write it; the field shows the digits again for
 * editing, and parses both. */
char *ipms_format_money_amount (double       value,
                                gboolean     for_display);
/* A whole percentage, "60%"; with `show_sign`, "+16%" and "-4%". */
char *ipms_format_percent      (double       percent,
                                gboolean     show_sign);

G_END_DECLS
