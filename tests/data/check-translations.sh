#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-translations.sh SOURCE_ROOT WORK_DIR
#
# Extracts a fresh .pot from po/POTFILES.in exactly as meson's i18n module
# does (preset 'glib'), merges it into every language of po/LINGUAS and fails
# when any string is untranslated or fuzzy, or when a translation breaks a
# format string. The source tree is never written.
set -eu

src=$1
work=$2
mkdir -p "$work"
pot="$work/ipms-planner.pot"

# A warning here means a string that can never be translated, for example a
# G_GINT64_FORMAT macro inside _(): xgettext cuts the msgid at the macro, so
# it never matches the string the program looks up.
xgettext_log="$work/xgettext.log"
xgettext --package-name=ipms-planner --directory="$src" \
  --files-from="$src/po/POTFILES.in" --output="$pot" \
  --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
  --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format \
  --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format 2>"$xgettext_log" ||
  { cat "$xgettext_log"; exit 1; }

status=0
for lang in $(sed -e 's/#.*//' "$src/po/LINGUAS"); do
  merged="$work/$lang.po"
  msgmerge --quiet --output-file="$merged" "$src/po/$lang.po" "$pot"

  if ! msgfmt --check --output-file=/dev/null "$merged"; then
    echo "po/$lang.po: msgfmt --check failed (see above)"
    status=1
  fi

  untranslated=$(msgattrib --untranslated --no-obsolete "$merged")
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$merged")
  stats=$(msgfmt --statistics --output-file=/dev/null "$merged" 2>&1)
  echo "po/$lang.po: $stats"

  if [ -n "$untranslated" ]; then
    echo "po/$lang.po lacks these translations:"
    printf '%s\n' "$untranslated"
    status=1
  fi
  if [ -n "$fuzzy" ]; then
    echo "po/$lang.po has fuzzy translations to review:"
    printf '%s\n' "$fuzzy"
    status=1
  fi
done

if grep -q . "$xgettext_log"; then
  echo "xgettext warns about strings that cannot be translated as written:"
  cat "$xgettext_log"
  echo "(in _() use a plain conversion such as %lld with a cast, not a format macro)"
  status=1
fi

if [ "$status" -ne 0 ]; then
  echo "Update with: meson compile -C <build> ipms-planner-update-po, then translate."
fi
exit "$status"
