#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-potfiles.sh SOURCE_ROOT
#
# Fails when a file under src/ or data/ marks strings for translation but is
# missing from po/POTFILES.in (its strings would silently stay English), or
# when POTFILES.in names a file that does not exist.
set -eu

cd "$1"
listed=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' po/POTFILES.in | sort -u)
status=0

for file in $listed; do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in lists $file, which does not exist"
    status=1
  fi
done

marked=$(grep -rlE \
  --include='*.c' --include='*.h' --include='*.ui' --include='*.in' --include='*.gschema.xml' \
  -e '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|g_dpgettext2|ngettext)[[:space:]]*\(' \
  -e 'translatable="yes"' \
  -e 'gettext-domain=' \
  src data | sort -u)

for file in $marked; do
  if ! printf '%s\n' "$listed" | grep -qxF "$file"; then
    echo "$file has translatable strings but is not in po/POTFILES.in"
    status=1
  fi
done

exit "$status"
