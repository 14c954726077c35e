#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-screenshots.sh SOURCE_ROOT
#
# The metainfo's screenshot URLs and the README's images point into
# data/screenshots/ of the repository: each must be there, as a PNG.
set -eu

cd "$1"
status=0
images=$( (grep -oE 'ipms-planner/main/data/screenshots/[^<"]+' \
             data/io.github.ipmsplanner.Planner.metainfo.xml.in |
           sed 's|^ipms-planner/main/||'
           grep -oE '\(data/screenshots/[^)]+\)' README.md | tr -d '()') | sort -u)

if [ -z "$images" ]; then
  echo "no screenshots referenced"
  exit 1
fi

for image in $images; do
  if [ ! -f "$image" ]; then
    echo "$image is referenced but missing"
    status=1
  elif [ "$(head -c 8 "$image" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]; then
    echo "$image is not a PNG"
    status=1
  else
    echo "$image: OK"
  fi
done

exit "$status"
