#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-ui-bench.sh IPMS-UI-BENCH
#
# The UI benchmark is not a timed test; this only checks that it still runs
# on a small project and prints every figure it promises.
set -eu

output=$("$1" 60)
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
