/* test-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One style for numbers and dates: no "$95.0M" beside "$120M", no "60 %"
 * beside "+16%", dates as the locale writes them. Run in English and, with
 * LANGUAGE=zh_CN, in Chinese (万/亿 grouping).
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ipms-format.h"

static gboolean
is_chinese (void)
{
  return g_strcmp0 (g_getenv ("LANGUAGE"), "zh_CN") == 0;
}

static void
check (char       *actual,
       const char *expected)
{
  g_assert_cmpstr (actual, ==, expected);
  g_free (actual);
}

static void
test_compact (void)
{
  if (is_chinese ())
    {
      check (ipms_format_compact (5200000, NULL), "520万");
      check (ipms_format_compact (120000000, "CNY"), "¥1.2亿");
      check (ipms_format_compact (950000000, "CNY"), "¥9.5亿");
      check (ipms_format_compact (9500000000, "CNY"), "¥95亿");
      return;
    }

  /* Never a trailing ".0"; one decimal only below ten of a unit. */
  check (ipms_format_compact (95000000, "USD"), "$95M");
  check (ipms_format_compact (120000000, "USD"), "$120M");
  check (ipms_format_compact (9500000, "USD"), "$9.5M");
  check (ipms_format_compact (9000000, "USD"), "$9M");
  check (ipms_format_compact (350000, NULL), "350K");
  check (ipms_format_compact (999, NULL), "999");
  check (ipms_format_compact (-2500000, "EUR"), "-€2.5M");
  check (ipms_format_compact (0, "USD"), "$0");
}

/* A money field: the digits to edit, and in Chinese the 万/亿 that the
 * charts write when the amount is a whole number of them; never rounded. */
static void
test_money_amount (void)
{
  check (ipms_format_money_amount (18000000, FALSE), "18,000,000");
  check (ipms_format_money_amount (1299.5, FALSE), "1,299.50");
  check (ipms_format_money_amount (-2500, FALSE), "-2,500");

  if (is_chinese ())
    {
      check (ipms_format_money_amount (18000000, TRUE), "1,800万");
      check (ipms_format_money_amount (150000000, TRUE), "1.5亿");
      check (ipms_format_money_amount (123450000, TRUE), "1.2345亿");
      check (ipms_format_money_amount (15000, TRUE), "1.5万");
      check (ipms_format_money_amount (-30000, TRUE), "-3万");
      /* Not a whole number of 万: the digits, as exact as stored. */
      check (ipms_format_money_amount (123456789, TRUE), "123,456,789");
      check (ipms_format_money_amount (9999, TRUE), "9,999");
      return;
    }

  /* English groups by thousands already: the display is the digits. */
  check (ipms_format_money_amount (18000000, TRUE), "18,000,000");
  check (ipms_format_money_amount (1299.5, TRUE), "1,299.50");
}

static void
test_percent_and_price (void)
{
  /* The same style, signed or not. */
  check (ipms_format_percent (60, FALSE), "60%");
  check (ipms_format_percent (16, TRUE), "+16%");
  check (ipms_format_percent (-4.4, TRUE), "-4%");
  check (ipms_format_price (1299, "CNY"), "¥1,299");
  check (ipms_format_price (49.9, "USD"), "$49.90");
  check (ipms_format_price (12, "XYZ"), "XYZ 12");
  check (ipms_format_price (12, NULL), "12");
}

static void
test_dates (void)
{
  g_autofree char *iso = ipms_format_date_iso ("2027-03-01");
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 3, 2027);

  check (ipms_format_date (g_date_get_julian (&date)), iso);
  /* The order of the locale's LC_TIME (the tests run in C.UTF-8: month,
   * day, year; zh_CN.UTF-8 gives 2027年03月01日), never ISO, and never a
   * two-digit year. */
  g_assert_cmpstr (iso, ==, "03/01/2027");

  check (ipms_format_date (0), "");
  check (ipms_format_date_iso ("soon"), "soon");
  check (ipms_format_date_iso ("2027-02-30"), "2027-02-30");
  check (ipms_format_date_iso (NULL), "");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("IPMS_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/compact", test_compact);
  g_test_add_func ("/format/money-amount", test_money_amount);
  g_test_add_func ("/format/percent-and-price", test_percent_and_price);
  g_test_add_func ("/format/dates", test_dates);

  return g_test_run ();
}
