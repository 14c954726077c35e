#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-ui-bench.sh IPMS-UI-BENCH
#
# The UI benchmark is not a timed test; this only checks that it still runs
# on a small project and prints every figure it promises.
set -eu

# The bench registers its application on the session bus, and GtkApplication
# then asks for the desktop portal. On a bus that starts services, that
# starts xdg-desktop-portal and xdg-document-portal, and the document portal
# outlives the bus, holding the test run's output open. A bus of its own
# that starts no service keeps the bench to itself.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/session.conf" <<EOF
<busconfig>
  <type>session</type>
  <listen>unix:dir=$dir</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF

output=$(dbus-run-session --config-file="$dir/session.conf" -- "$1" 60)
printf '%s\n' "$output"

status=0
for metric in open_paint_team open_paint_panorama form_show panorama_show new_products_show \
              roadmap_show rss_all_views rss_gl_driver edit_paint undo_paint drag_frame_p90 \
              drag_frame_max bulk_undo_stall form_show_example prebuild_stall; do
  # The example plan has its own number of products.
  size=60
  [ "$metric" = form_show_example ] && size='[0-9]+'
  if ! printf '%s\n' "$output" | grep -Eq "^$metric $size [0-9]+\.[0-9]+ (ms|MiB)$"; then
    echo "check-ui-bench: no figure for $metric" >&2
    status=1
  fi
done
exit $status
