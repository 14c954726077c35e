#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-layering.sh SOURCE_ROOT
#
# The document model (src/core) builds on GLib, SQLite and json-glib only, so
# the command line and the model tests run without a display; the charts
# (src/render) paint with cairo and Pango, never GTK, so export is headless.
set -eu

cd "$1"
status=0

check () {
  dir=$1
  pattern=$2
  why=$3
  [ -d "$dir" ] || return 0
  hits=$(grep -rnE --include='*.c' --include='*.h' \
    "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($pattern)" "$dir" || true)
  if [ -n "$hits" ]; then
    echo "$dir must not include $why:"
    printf '%s\n' "$hits"
    status=1
  fi
}

check src/core 'gtk/|gdk/|adwaita|pango' 'GTK, GDK, libadwaita or Pango'
check src/render 'gtk/|gdk/|adwaita' 'GTK, GDK or libadwaita'

exit "$status"
