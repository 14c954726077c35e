/* ipms-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <langinfo.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ipms-format.h"

/* The locale's date format (what %x writes), with the year in full: the C
 * and some other locales write "10/01/24", which a plan spanning decades
 * cannot afford. */
static char *
dup_date_format (void)
{
  g_autofree char *native = g_locale_to_utf8 (nl_langinfo (D_FMT), -1, NULL, NULL, NULL);
  g_auto(GStrv) parts = g_strsplit (native != NULL && native[0] != '\0' ? native : "%x", "%y", -1);

  return g_strjoinv ("%Y", parts);
}

char *
ipms_format_date (guint32 julian_day)
{
  GDate date;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *format = NULL;

  if (julian_day == 0 || !g_date_valid_julian (julian_day))
    return g_strdup ("");

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);
  /* Noon in UTC: a date, whatever the time zone. */
  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  if (time == NULL)
    return g_strdup ("");

  format = dup_date_format ();
  return g_date_time_format (time, format);
}

char *
ipms_format_date_iso (const char *iso_date)
{
  int year, month, day;
  char end;

  if (iso_date == NULL)
    return g_strdup ("");

  if (sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      strlen (iso_date) != 10 ||
      !g_date_valid_dmy (day, month, year))
    return g_strdup (iso_date);

  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, day, month, year);
    return ipms_format_date (g_date_get_julian (&date));
  }
}

const char *
ipms_format_currency_symbol (const char *currency)
{
  static const struct {
    const char *code;
    const char *symbol;
  } symbols[] = {
    { "USD", "$" }, { "CNY", "¥" }, { "RMB", "¥" }, { "JPY", "¥" },
    { "EUR", "€" }, { "GBP", "£" }, { "KRW", "₩" }, { "INR", "₹" },
  };

  if (currency == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (g_ascii_strcasecmp (currency, symbols[i].code) == 0)
      return symbols[i].symbol;

  return NULL;
}

static void
append_currency (GString    *str,
                 const char *currency)
{
  const char *symbol = ipms_format_currency_symbol (currency);

  if (symbol != NULL)
    g_string_append (str, symbol);
  else if (currency != NULL && currency[0] != '\0')
    g_string_append_printf (str, "%s ", currency);
}

char *
ipms_format_price (double      price,
                   const char *currency)
{
  g_autoptr(GString) str = g_string_new (NULL);
  g_autofree char *digits = NULL;
  double whole = floor (fabs (price));
  gboolean has_cents = fabs (fabs (price) - whole) >= 0.005;
  guint len;

  if (price < 0)
    g_string_append_c (str, '-');

  append_currency (str, currency);

  digits = g_strdup_printf ("%.0f", whole);
  len = strlen (digits);
  for (guint i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (str, ',');
      g_string_append_c (str, digits[i]);
    }

  if (has_cents)
    g_string_append_printf (str, ".%02d", (int) round ((fabs (price) - whole) * 100) % 100);

  return g_string_free (g_steal_pointer (&str), FALSE);
}

typedef struct
{
  double      limit;
  const char *suffix;
} CompactUnit;

/* Charts shorten large numbers the way the reader's language groups them:
 * by thousands (K, M, B) in English, by ten-thousands (万, 亿) in Chinese.
 * The translation of the "number grouping" string picks the way, since a
 * locale's own number formatting says nothing about it. */
static gboolean
groups_by_myriads (void)
{
  /* Translators: how charts shorten large numbers. Keep "thousands" for
   * 5.2M and 350K; translate as "myriads" (this exact English word) where
   * numbers are grouped by ten-thousands, as in Chinese (520万, 1.2亿); the
   * unit names are the three strings that follow. */
  return g_strcmp0 (C_("number grouping", "thousands"), "myriads") == 0;
}

static const CompactUnit *
compact_units (guint *n_units)
{
  static const CompactUnit thousands[] = {
    { 1e12, "T" }, { 1e9, "B" }, { 1e6, "M" }, { 1e3, "K" },
  };
  static CompactUnit myriads[3];
  static gsize myriads_set;

  if (!groups_by_myriads ())
    {
      *n_units = G_N_ELEMENTS (thousands);
      return thousands;
    }

  /* Filled once: an export paints in a worker thread while the window
   * formats numbers too (the language does not change while running). */
  if (g_once_init_enter (&myriads_set))
    {
      /* Translators: the unit of 10^12 when numbers are grouped by myriads (万亿) */
      myriads[0] = (CompactUnit) { 1e12, C_("number grouping", "10^12") };
      /* Translators: the unit of 10^8 when numbers are grouped by myriads (亿) */
      myriads[1] = (CompactUnit) { 1e8, C_("number grouping", "10^8") };
      /* Translators: the unit of 10^4 when numbers are grouped by myriads (万) */
      myriads[2] = (CompactUnit) { 1e4, C_("number grouping", "10^4") };
      g_once_init_leave (&myriads_set, 1);
    }
  *n_units = G_N_ELEMENTS (myriads);

  return myriads;
}

/* One decimal only below 10 of a unit and only when it is not 0, so that
 * "$95M" stands beside "$120M" and "$9.5M", never "$95.0M". */
static char *
format_scaled (double scaled)
{
  double tenths = round (fabs (scaled) * 10) / 10;

  if (tenths < 10 && fmod (tenths * 10, 10) != 0)
    return g_strdup_printf ("%.1f", scaled);

  return g_strdup_printf ("%.0f", scaled);
}

char *
ipms_format_compact (double      value,
                     const char *currency)
{
  g_autoptr(GString) str = g_string_new (NULL);
  g_autofree char *number = NULL;
  const CompactUnit *units;
  guint n_units;

  units = compact_units (&n_units);

  if (value < 0)
    g_string_append_c (str, '-');
  append_currency (str, currency);

  for (guint i = 0; i < n_units && number == NULL; i++)
    if (fabs (value) >= units[i].limit)
      {
        g_autofree char *scaled = format_scaled (fabs (value) / units[i].limit);

        number = g_strconcat (scaled, units[i].suffix, NULL);
      }

  if (number == NULL)
    number = g_strdup_printf ("%.0f", fabs (value));

  g_string_append (str, number);

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
append_grouped (GString    *str,
                const char *digits)
{
  gsize n = strspn (digits, "0123456789");

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (str, ',');
      g_string_append_c (str, digits[i]);
    }
  g_string_append (str, digits + n);
}

/* `value` written with at most `max_decimals`, without trailing zeros;
 * FALSE when that would round it. */
static gboolean
append_exact (GString *str,
              double   value,
              int      max_decimals)
{
  double scale = pow (10, max_decimals);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  if (fabs (value * scale - round (value * scale)) > 1e-6)
    return FALSE;

  g_ascii_formatd (buffer, sizeof buffer, max_decimals == 2 ? "%.2f" : "%.4f", value);
  end = buffer + strlen (buffer) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  append_grouped (str, buffer);

  return TRUE;
}

char *
ipms_format_money_amount (double   value,
                          gboolean for_display)
{
  g_autoptr(GString) str = g_string_new (NULL);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double magnitude = fabs (value);

  if (value < 0)
    g_string_append_c (str, '-');

  /* Only where the language counts in myriads: "18,000K" helps nobody.
   * 万亿 reads as a number of 亿 (20,000亿), which stays exact. */
  if (for_display && groups_by_myriads ())
    {
      guint n_units;
      const CompactUnit *units = compact_units (&n_units);

      for (guint i = 0; i < n_units; i++)
        {
          gsize len = str->len;

          if (units[i].limit > 1e8 || magnitude < units[i].limit)
            continue;
          if (append_exact (str, magnitude / units[i].limit, units[i].limit == 1e8 ? 4 : 2))
            {
              g_string_append (str, units[i].suffix);
              return g_string_free (g_steal_pointer (&str), FALSE);
            }
          g_string_truncate (str, len);
        }
    }

  /* Cents only when there are some. */
  g_ascii_formatd (buffer, sizeof buffer,
                   fabs (magnitude - round (magnitude)) >= 0.005 ? "%.2f" : "%.0f", magnitude);
  append_grouped (str, buffer);

  return g_string_free (g_steal_pointer (&str), FALSE);
}

char *
ipms_format_percent (double   percent,
                     gboolean show_sign)
{
  g_autofree char *number = g_strdup_printf (show_sign ? "%+.0f" : "%.0f", percent);

  /* Translators: a percentage; %s is the number, possibly with a sign.
   * Keep the sign's style (no space) unless your language needs one. */
  return g_strdup_printf (C_("percent", "%s%%"), number);
}
